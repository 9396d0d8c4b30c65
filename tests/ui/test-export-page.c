/* test-export-page.c — step 7 on the sample catalog, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mulu-export-page.h"
#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"
#include "mulu-window-private.h"

#define EXPORT 6

int
main (int    argc,
      char **argv)
{
  mulu_ui_test_init (&argc, &argv);
  return g_test_run ();
}
