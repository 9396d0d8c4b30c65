/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(MuluApplication) app = NULL;

  mulu_i18n_init ();
  app = mulu_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
