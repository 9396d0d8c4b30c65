/* mulu-application.c — one instance; files opened from the desktop go to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-app"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-application.h"
#include "mulu-window.h"

struct _MuluApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (MuluApplication, mulu_application, ADW_TYPE_APPLICATION)

static void
mulu_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (mulu_window_new (MULU_APPLICATION (app)));
  gtk_window_present (window);
}

static void
mulu_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      MuluWindow *window = mulu_window_new (MULU_APPLICATION (app));
      mulu_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
mulu_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { .name = "quit", .activate = quit_activated },
  };
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (mulu_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
mulu_application_class_init (MuluApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = mulu_application_activate;
  app_class->open = mulu_application_open;
  app_class->startup = mulu_application_startup;
}

static void
mulu_application_init (MuluApplication *self)
{
}

MuluApplication *
mulu_application_new (void)
{
  return g_object_new (MULU_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/mulu/Mulu",
                       NULL);
}
