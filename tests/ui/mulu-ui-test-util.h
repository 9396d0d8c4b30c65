/* mulu-ui-test-util.h — shared by the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* gtk_test_init() and adw_init(), with every warning fatal except the one
 * Xvfb always causes (it has no session bus). */
void mulu_ui_test_init (int    *argc,
                        char ***argv);

G_END_DECLS
