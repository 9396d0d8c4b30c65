/* mulu-ui-test-util.h — shared by the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* gtk_test_init() and adw_init(), with every warning fatal except the one
 * Xvfb always causes (it has no session bus). */
void     mulu_ui_test_init (int    *argc,
                            char ***argv);
/* Lets the main loop run for ms milliseconds, whatever happens. */
void     mulu_ui_test_spin (guint   ms);
/* Keeps g_main_context_iteration() from blocking while a test waits. */
gboolean mulu_ui_test_tick (gpointer data);

/* Writes what widget shows to NAME.png in $MULU_SCREENSHOT_DIR, when that
 * is set (docs/screenshots is made this way); does nothing otherwise. */
void     mulu_ui_test_screenshot (GtkWidget  *widget,
                                  const char *name);
/* The first descendant of root (root included) of the given type, or
 * whose GtkBuilder id is id when id is not NULL. */
GtkWidget *mulu_ui_test_find     (GtkWidget  *root,
                                  GType       type,
                                  const char *id);

/* Spins the main loop until cond holds, for at most five seconds. */
#define WAIT_UNTIL(cond) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 5 * G_USEC_PER_SEC; \
    guint tick_ = g_timeout_add (10, mulu_ui_test_tick, NULL); \
    while (!(cond) && g_get_monotonic_time () < deadline_) \
      g_main_context_iteration (NULL, TRUE); \
    g_source_remove (tick_); \
    if (!(cond)) \
      g_error ("%s:%d: gave up waiting for %s", __FILE__, __LINE__, #cond); \
  } G_STMT_END

G_END_DECLS
