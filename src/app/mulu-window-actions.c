/* mulu-window-actions.c — the window's commands (win.*)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-preferences-window.h"
#include "mulu-file-chooser.h"
#include "mulu-window-private.h"

static void
report (MuluWindow *self,
        const char *heading,
        GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
with_suffix (GFile      *file,
             const char *suffix)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return NULL;
  return g_str_has_suffix (path, suffix) ? g_steal_pointer (&path) : g_strconcat (path, suffix, NULL);
}

static void
new_chosen (GtkWidget *owner,
            GFile     *file)
{
  MuluWindow *self = MULU_WINDOW (owner);
  g_autofree char *path = with_suffix (file, ".mulu");
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(MuluRecord) dept = NULL;

  if (path == NULL)
    return;
  if ((catalog = mulu_catalog_create (path, &error)) == NULL)
    {
      report (self, _("The catalog could not be created"), error);
      return;
    }
  dept = mulu_record_new (MULU_ENTITY_DEPARTMENT);
  if (!mulu_catalog_add (catalog, dept, &error) ||
      !mulu_validate_catalog (catalog, NULL, NULL, NULL, &error) ||
      !mulu_catalog_close (catalog, &error) ||
      !mulu_window_open_catalog (self, path, &error))
    {
      report (self, _("The catalog could not be created"), error);
      return;
    }
  mulu_window_show_step (self, 0);
  mulu_department_page_focus_field (MULU_DEPARTMENT_PAGE (self->step_pages[0]), "name");
}

static void
new_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  mulu_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("New Catalog"), _("C_reate"),
               "*.mulu", _("Mulu catalogs"), _("Catalog.mulu"), new_chosen);
}

static void
open_chosen (GtkWidget *owner,
             GFile     *file)
{
  MuluWindow *self = MULU_WINDOW (owner);
  mulu_window_open_file (self, file);
}

static void
open_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  mulu_choose_file (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Catalog"), _("_Open"),
               "*.mulu", _("Mulu catalogs"), NULL, open_chosen);
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  mulu_window_open_file (MULU_WINDOW (widget), file);
}

/* "name.mulu — ~/Documents": the folder tells apart two catalogs of the
 * same name, and the home folder is shortened as file managers do. */
static char *
recent_label (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (g_str_has_prefix (dir, home) && (dir[home_len] == '\0' || G_IS_DIR_SEPARATOR (dir[home_len])))
    {
      g_autofree char *shortened = g_strconcat ("~", dir + home_len, NULL);
      return g_strdup_printf ("%s — %s", name, shortened);
    }
  return g_strdup_printf ("%s — %s", name, dir);
}

void
mulu_window_update_recent (MuluWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  const char *current = self->catalog ? mulu_catalog_get_path (self->catalog) : NULL;
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i]; i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* The open catalog and files since moved or deleted are left out. */
      if (g_strcmp0 (recent[i], current) == 0 || !g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      label = recent_label (recent[i]);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
      shown++;
    }
  /* An item without an action shows greyed out: the submenu is never empty. */
  if (shown == 0)
    g_menu_append (self->recent_menu, _("No other recent catalogs"), "win.no-recent");
}

static void
save_copy_chosen (GtkWidget *owner,
                  GFile     *file)
{
  MuluWindow *self = MULU_WINDOW (owner);
  g_autofree char *path = with_suffix (file, ".mulu");
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->catalog == NULL)
    return;
  if (!mulu_catalog_save_copy (self->catalog, path, &error))
    report (self, _("The copy could not be saved"), error);
  else
    mulu_window_toast (self, _("Copy saved"));
}

static void
save_copy_activated (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  MuluWindow *self = MULU_WINDOW (widget);
  g_autofree char *name = self->catalog ? g_path_get_basename (mulu_catalog_get_path (self->catalog)) : NULL;

  mulu_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save a Copy"), _("_Save"),
               "*.mulu", _("Mulu catalogs"), name, save_copy_chosen);
}

static void
import_chosen (GtkWidget *owner,
               GFile     *file)
{
  MuluWindow *self = MULU_WINDOW (owner);
  g_autofree char *path = g_file_get_path (file);

  if (path)
    mulu_window_import_package (self, path);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  mulu_choose_file (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import a Package"), _("_Import"),
               "*.jsonl", _("Mulu packages"), NULL, import_chosen);
}

static void
export_package_chosen (GtkWidget *owner,
                       GFile     *file)
{
  MuluWindow *self = MULU_WINDOW (owner);
  g_autofree char *path = with_suffix (file, ".jsonl");
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->catalog == NULL)
    return;
  if (!mulu_package_export (self->catalog, path, NULL, NULL, NULL, &error))
    report (self, _("The package could not be written"), error);
  else
    mulu_window_toast (self, _("Package written"));
}

static void
export_package_activated (GtkWidget  *widget,
                          const char *action,
                          GVariant   *param)
{
  mulu_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export a Package"), _("_Export"),
               "*.jsonl", _("Mulu packages"), _("Catalog.jsonl"), export_package_chosen);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  MuluWindow *self = MULU_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->history && mulu_history_can_undo (self->history) && !mulu_history_undo (self->history, &error))
    report (self, _("The change could not be undone"), error);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  MuluWindow *self = MULU_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->history && mulu_history_can_redo (self->history) && !mulu_history_redo (self->history, &error))
    report (self, _("The change could not be redone"), error);
}

static void
on_submit_response (AdwMessageDialog *dialog,
                    const char       *response,
                    MuluWindow       *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "submit") == 0 && self->catalog)
    {
      if (!mulu_catalog_submit (self->catalog, &error))
        report (self, _("The catalog was not submitted"), error);
      else
        {
          /* What was done before the freeze is not undone after it. */
          mulu_history_clear (self->history);
          mulu_window_toast (self, _("Submitted for review"));
          mulu_window_show_review (self);
        }
      mulu_window_refresh_state (self);
    }
  g_object_unref (self);
}

static void
submit_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  MuluWindow *self = MULU_WINDOW (widget);
  GtkWidget *dialog;

  if (self->catalog == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Submit the Catalog for Review?"),
                                   _("The catalog is frozen once submitted: the reviewer approves each record or returns it with a comment. To change anything afterwards, reopen it; that is recorded in the change log."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  g_signal_connect (dialog, "response", G_CALLBACK (on_submit_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reopen_response (AdwMessageDialog *dialog,
                    const char       *response,
                    MuluWindow       *self)
{
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reopen") == 0 && self->catalog)
    {
      if (!mulu_catalog_reopen (self->catalog, gtk_editable_get_text (note), &error))
        report (self, _("The catalog was not reopened"), error);
      else
        mulu_window_toast (self, _("Reopened: the catalog can be edited again"));
      mulu_window_refresh_state (self);
    }
  g_object_unref (self);
}

static void
reopen_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  MuluWindow *self = MULU_WINDOW (widget);
  GtkWidget *dialog, *note;

  if (self->catalog == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reopen the Catalog for Editing?"),
                                   _("Reopening is recorded in the change log with your name and the note below. Submit again when the changes are made."));
  note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Why it is reopened (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), note);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reopen", _("_Reopen"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_signal_connect (dialog, "response", G_CALLBACK (on_reopen_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static MuluRecordsPage *
current_records_page (MuluWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);

  return MULU_IS_RECORDS_PAGE (page) ? MULU_RECORDS_PAGE (page) : NULL;
}

static void
find_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  MuluRecordsPage *page = current_records_page (MULU_WINDOW (widget));

  if (page)
    mulu_records_page_focus_search (page);
}

static void
add_record_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  MuluWindow *self = MULU_WINDOW (widget);
  MuluRecordsPage *page = current_records_page (self);

  /* From another step, "add" means a system first. */
  if (page == NULL)
    {
      mulu_window_show_step (self, 1);
      page = MULU_RECORDS_PAGE (self->step_pages[1]);
    }
  mulu_records_page_add_record (page);
}

static void
step_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  int step = g_variant_get_int32 (param);

  if (step == 0)
    mulu_window_show_overview (MULU_WINDOW (widget));
  else if (step >= 1 && step <= MULU_N_STEPS)
    mulu_window_show_step (MULU_WINDOW (widget), (guint) step - 1);
}

static void
open_preferences (MuluWindow *self,
                  gboolean    thresholds)
{
  MuluPreferencesWindow *prefs = mulu_preferences_window_new (GTK_WINDOW (self), self->settings, self->catalog);

  if (thresholds)
    mulu_preferences_window_show_thresholds (prefs);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
preferences_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  open_preferences (MULU_WINDOW (widget), FALSE);
}

static void
zombie_thresholds_activated (GtkWidget  *widget,
                             const char *action,
                             GVariant   *param)
{
  open_preferences (MULU_WINDOW (widget), TRUE);
}

/* The change log names whoever made each change; on the first run, when
 * Mulu knows no name, it asks once, without standing in the way. */
void
mulu_window_ask_user_name (MuluWindow *self)
{
  g_autofree char *name = NULL;
  AdwToast *toast;

  g_return_if_fail (MULU_IS_WINDOW (self));

  name = g_settings_get_string (self->settings, "user-name");
  if (*name || g_settings_get_boolean (self->settings, "user-name-asked"))
    return;
  g_settings_set_boolean (self->settings, "user-name-asked", TRUE);
  toast = adw_toast_new (_("What is your name? The change log records who made each change."));
  adw_toast_set_button_label (toast, _("_Enter Name…"));
  adw_toast_set_action_name (toast, "win.preferences");
  adw_toast_set_timeout (toast, 20);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
mulu_window_update_actions (MuluWindow *self)
{
  gboolean open = self->catalog != NULL;
  const char *undo = self->history ? mulu_history_get_undo_label (self->history) : NULL;
  const char *redo = self->history ? mulu_history_get_redo_label (self->history) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", self->history && mulu_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", self->history && mulu_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.submit", open && !mulu_catalog_is_submitted (self->catalog));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reopen", open && mulu_catalog_is_submitted (self->catalog));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-package", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-record", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zombie-thresholds", open);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo ? undo : _("Undo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo ? redo : _("Redo"));
}

void
mulu_window_install_actions (MuluWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.export-package", NULL, export_package_activated);
  gtk_widget_class_install_action (widget_class, "win.submit", NULL, submit_activated);
  gtk_widget_class_install_action (widget_class, "win.reopen", NULL, reopen_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "win.add-record", NULL, add_record_activated);
  gtk_widget_class_install_action (widget_class, "win.step", "i", step_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.zombie-thresholds", NULL, zombie_thresholds_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-package", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  for (int s = 0; s <= MULU_N_STEPS; s++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + s, GDK_ALT_MASK, "win.step", "i", s);
}
