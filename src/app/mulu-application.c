/* mulu-application.c — one instance; files opened from the desktop go to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-app"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mulu-application.h"
#include "mulu-window.h"

struct _MuluApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (MuluApplication, mulu_application, ADW_TYPE_APPLICATION)

/* The first run needs nothing set up: a catalog in the user's data
 * directory, with an empty department, ready to fill. */
static char *
default_catalog (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "mulu", NULL);
  char *path = g_build_filename (dir, "catalog.mulu", NULL);
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(MuluRecord) dept = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (catalog = mulu_catalog_create (path, error)) == NULL)
    {
      g_free (path);
      return NULL;
    }
  dept = mulu_record_new (MULU_ENTITY_DEPARTMENT);
  if (!mulu_catalog_add (catalog, dept, error) ||
      !mulu_validate_catalog (catalog, NULL, NULL, NULL, error) ||
      !mulu_catalog_close (catalog, error))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

static void
open_initial (MuluWindow *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-file");
  g_autoptr(GError) error = NULL;

  if (last && *last && g_file_test (last, G_FILE_TEST_EXISTS) &&
      mulu_window_open_catalog (window, last, &error))
    return;
  if (error)
    mulu_window_toast (window, error->message);
  g_clear_error (&error);
  {
    g_autofree char *path = default_catalog (&error);
    if (path == NULL || !mulu_window_open_catalog (window, path, &error))
      mulu_window_toast (window, error ? error->message : _("No catalog could be opened."));
  }
}

static void
mulu_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (mulu_window_new (MULU_APPLICATION (app)));
      open_initial (MULU_WINDOW (window));
      mulu_window_ask_user_name (MULU_WINDOW (window));
    }
  gtk_window_present (window);
}

static void
mulu_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      MuluWindow *window;

      /* A package goes into the catalog already open; a catalog gets its
       * own window. */
      if (active && path && g_str_has_suffix (path, ".jsonl"))
        window = MULU_WINDOW (active);
      else
        window = mulu_window_new (MULU_APPLICATION (app));
      if (!mulu_window_open_file (window, files[i]) && mulu_window_get_catalog (window) == NULL)
        open_initial (window);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Close each window properly so catalogs are folded back into their files. */
  for (GList *l = g_list_copy (windows); l; l = g_list_delete_link (l, l))
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  const char *developers[] = { "Mulu developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", "Mulu",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Inventory information systems, catalog information resources and write the census workbook."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
mulu_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { .name = "quit", .activate = quit_activated },
    { .name = "about", .activate = about_activated },
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (mulu_application_parent_class)->startup (app);
  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
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
