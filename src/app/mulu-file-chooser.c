/* mulu-file-chooser.c
 *
 * GtkFileDialog arrives only in GTK 4.10; until then a native chooser is
 * set up, shown modal over the asking widget's window, and its answer
 * handed back. One place for it, so every "choose a file" in Mulu filters
 * and suggests names the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-file-chooser"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-file-chooser.h"

typedef struct
{
  GtkWidget          *owner;
  MuluFileChosenFunc  func;
} Choice;

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file)
        choice->func (choice->owner, file);
    }
  g_object_unref (choice->owner);
  g_free (choice);
  g_object_unref (chooser);
}

/**
 * mulu_choose_file:
 * @owner: the widget asking; its window is the chooser's parent, and it is
 *   kept alive until the answer
 * @pattern: (nullable): a glob the chooser filters by, e.g. "*.mulu"
 * @current: (nullable): for saving, a name to suggest, or a whole path
 *   whose folder is opened with its name suggested
 */
void
mulu_choose_file (GtkWidget            *owner,
                  GtkFileChooserAction  action,
                  const char           *title,
                  const char           *accept,
                  const char           *pattern,
                  const char           *pattern_name,
                  const char           *current,
                  MuluFileChosenFunc    func)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action, accept, _("_Cancel"));
  Choice *choice = g_new0 (Choice, 1);

  g_return_if_fail (GTK_IS_WIDGET (owner));

  if (pattern)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, pattern_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }
  if (current && action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autofree char *base = g_path_get_basename (current);

      if (g_path_is_absolute (current))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autoptr(GFile) folder = g_file_new_for_path (dir);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), base);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  choice->owner = g_object_ref (owner);
  choice->func = func;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
