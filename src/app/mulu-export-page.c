/* mulu-export-page.c — step 7: the census workbook, and packages
 *
 * The workbook is written on a GTask thread with its own connection to the
 * catalog (a big catalog takes minutes to compress); the core writes a
 * temporary file beside the target and renames it at the end, so a
 * cancelled or failed export leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-export-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-export-page.h"
#include "mulu-file-chooser.h"
#include "mulu-step-page.h"
#include "mulu-window.h"

#define VALIDATION_STEP 6
#define TEMPLATE_FILE 2

typedef struct {
  GMutex       lock;
  double       fraction;
  char        *message;
  MuluCatalog *worker;
  char        *path;
  char        *template_name;
  gboolean     draft;
} Job;

struct _MuluExportPage
{
  AdwBin          parent_instance;

  MuluCatalog    *catalog;
  GSettings      *settings;
  char           *template_file;
  char           *destination;
  gboolean        chosen_destination; /* by the clerk, not suggested */
  guint64         errors;
  guint           count_id;
  gboolean        stale;   /* changed while another step was shown */

  Job            *job;
  GCancellable   *cancellable;
  guint           poll_id;

  AdwComboRow    *template_row;
  AdwActionRow   *template_file_row;
  AdwActionRow   *destination_row;
  AdwActionRow   *submission_row;
  GtkCheckButton *submission_check;
  GtkCheckButton *draft_check;
  gboolean        draft_forced;   /* draft because errors left no choice */
  AdwActionRow   *blocked_row;
  GtkButton      *export_button;
  GtkRevealer    *progress_revealer;
  GtkProgressBar *progress;
};

static void mulu_export_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluExportPage, mulu_export_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_export_page_step_page_init))

static MuluWindow *
get_window (MuluExportPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), MULU_TYPE_WINDOW);

  return window ? MULU_WINDOW (window) : NULL;
}

static void
toast (MuluExportPage *self,
       const char     *message)
{
  MuluWindow *window = get_window (self);

  if (window)
    mulu_window_toast (window, message);
}

static void
update_actions (MuluExportPage *self)
{
  gboolean open = self->catalog != NULL && mulu_catalog_is_open (self->catalog);
  gboolean idle = self->job == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", open && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-destination", open && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-template", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", !idle);
  gtk_revealer_set_reveal_child (self->progress_revealer, !idle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_row), idle);
}

/* — Destination ———————————————————————————————————————————————————— */

static char *
department_name (MuluExportPage *self)
{
  g_autoptr(MuluRecordList) depts = NULL;
  g_autoptr(MuluRecord) dept = NULL;
  const char *name;

  if (self->catalog == NULL || !mulu_catalog_is_open (self->catalog))
    return NULL;
  depts = mulu_record_list_new (self->catalog, MULU_ENTITY_DEPARTMENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (depts)) > 0)
    dept = g_list_model_get_item (G_LIST_MODEL (depts), 0);
  name = dept ? mulu_record_get_name (dept) : NULL;
  return name && *name ? g_strdup (name) : NULL;
}

/* "厦门市自然资源和规划局普查表（草稿）.xlsx": the office receiving dozens
 * of workbooks tells them apart by the department's name. Characters a file
 * name cannot hold on Windows are replaced. */
static char *
suggested_name (MuluExportPage *self)
{
  g_autofree char *dept = department_name (self);
  g_autofree char *name = NULL;

  if (dept == NULL)
    dept = g_strdup (_("Department"));
  g_strdelimit (dept, "\\/:*?\"<>|", '_');
  name = mulu_export_page_get_draft (self) ? g_strdup_printf (_("%s census workbook (draft)"), dept)
                                           : g_strdup_printf (_("%s census workbook"), dept);
  return g_strconcat (name, ".xlsx", NULL);
}

static char *
default_folder (MuluExportPage *self)
{
  const char *docs = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->catalog)
    return g_path_get_dirname (mulu_catalog_get_path (self->catalog));
  return g_strdup (docs ? docs : g_get_home_dir ());
}

static void
update_destination (MuluExportPage *self)
{
  /* Until the clerk picks a file, the suggestion follows the kind chosen. */
  if (!self->chosen_destination)
    {
      g_autofree char *folder = default_folder (self);
      g_autofree char *name = suggested_name (self);

      g_free (self->destination);
      self->destination = g_build_filename (folder, name, NULL);
    }
  {
    g_autofree char *display = g_filename_display_name (self->destination);
    adw_action_row_set_subtitle (self->destination_row, display);
  }
}

/* — Whether a submission is possible ——————————————————————————————— */

static void
update_kind (MuluExportPage *self)
{
  guint64 counts[MULU_N_SEVERITIES] = { 0 };
  gboolean can_submit;

  self->stale = FALSE;
  if (self->catalog && mulu_catalog_is_open (self->catalog))
    mulu_findings_count (self->catalog, counts, NULL);
  self->errors = counts[MULU_SEVERITY_ERROR];
  can_submit = self->catalog != NULL && self->errors == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->submission_row), can_submit);
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_row), self->catalog != NULL && !can_submit);
  if (!can_submit)
    {
      g_autofree char *why =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The catalog still has %u error. Fix it in step 6, Validation, to export for submission; a draft can be exported now.",
                                      "The catalog still has %u errors. Fix them in step 6, Validation, to export for submission; a draft can be exported now.",
                                      (gulong) self->errors),
                         (guint) self->errors);
      adw_action_row_set_subtitle (self->blocked_row, why);
      if (gtk_check_button_get_active (self->submission_check))
        gtk_check_button_set_active (self->draft_check, TRUE);
      self->draft_forced = TRUE;
    }
  /* The last error fixed: submission is what the clerk came for, unless
   * they chose a draft themselves while it was possible. */
  else if (self->draft_forced)
    {
      self->draft_forced = FALSE;
      gtk_check_button_set_active (self->submission_check, TRUE);
    }
}

static gboolean
count_cb (gpointer data)
{
  MuluExportPage *self = data;

  self->count_id = 0;
  update_kind (self);
  return G_SOURCE_REMOVE;
}

static void
on_catalog_changed (MuluCatalog    *catalog,
                    guint           entity,
                    gint64          id,
                    guint           change,
                    MuluExportPage *self)
{
  /* Counting the errors is read when this step shows, not at every edit. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->count_id == 0)
    self->count_id = g_timeout_add (200, count_cb, self);
  if (entity == MULU_ENTITY_DEPARTMENT)
    update_destination (self);
}

static void
on_kind_toggled (MuluExportPage *self)
{
  update_destination (self);
}

/* — Template ——————————————————————————————————————————————————————— */

static void
on_template_selected (MuluExportPage *self)
{
  gboolean file = adw_combo_row_get_selected (self->template_row) == TEMPLATE_FILE;

  gtk_widget_set_visible (GTK_WIDGET (self->template_file_row), file);
  if (self->settings)
    {
      const char *name = mulu_export_page_get_template (self);
      if (name)
        g_settings_set_string (self->settings, "default-template", name);
    }
}

static void
template_chosen (GtkWidget *owner,
                 GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path)
    mulu_export_page_set_template (MULU_EXPORT_PAGE (owner), path);
}

static void
choose_template_activated (GtkWidget  *widget,
                           const char *action,
                           GVariant   *param)
{
  mulu_choose_file (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Choose a Template"), _("_Open"),
               "*.json", _("Workbook templates"), NULL, template_chosen);
}

static void
destination_chosen (GtkWidget *owner,
                    GFile     *file)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (owner);
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      toast (self, _("Only files on this computer can be written."));
      return;
    }
  if (!g_str_has_suffix (path, ".xlsx"))
    {
      char *with = g_strconcat (path, ".xlsx", NULL);
      g_free (path);
      path = with;
    }
  mulu_export_page_set_destination (self, path);
}

static void
choose_destination_activated (GtkWidget  *widget,
                              const char *action,
                              GVariant   *param)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (widget);

  update_destination (self);
  mulu_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save the Census Workbook"), _("_Save"),
               "*.xlsx", _("Excel workbooks"), self->destination, destination_chosen);
}

/* — Export on a thread ————————————————————————————————————————————— */

static void
job_free (Job *job)
{
  if (job->worker)
    {
      mulu_catalog_close (job->worker, NULL);
      g_object_unref (job->worker);
    }
  g_mutex_clear (&job->lock);
  g_free (job->message);
  g_free (job->path);
  g_free (job->template_name);
  g_free (job);
}

static void
job_progress (double      fraction,
              const char *message,
              gpointer    data)
{
  Job *job = data;

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  g_free (job->message);
  job->message = g_strdup (message);
  g_mutex_unlock (&job->lock);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  MuluWorkbookOptions options = { job->template_name, job->draft, 0 };
  GError *error = NULL;
  gboolean ok = FALSE;

  /* The core looks at the cancellable only every few thousand rows: a
   * clerk who cancels at once should not wait for a small workbook. */
  if (g_cancellable_is_cancelled (cancellable))
    g_set_error_literal (&error, MULU_ERROR, MULU_ERROR_CANCELLED, _("The export was cancelled."));
  else
    ok = mulu_workbook_export (job->worker, job->path, &options, cancellable, job_progress, job, &error);

  mulu_catalog_close (job->worker, NULL);
  g_clear_object (&job->worker);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
poll_progress (gpointer data)
{
  MuluExportPage *self = data;
  Job *job = self->job;

  if (job == NULL)
    return G_SOURCE_CONTINUE;
  g_mutex_lock (&job->lock);
  /* The core reports -1 while it compresses, which it cannot measure. */
  if (job->fraction < 0)
    gtk_progress_bar_pulse (self->progress);
  else
    gtk_progress_bar_set_fraction (self->progress, MIN (job->fraction, 1.0));
  gtk_progress_bar_set_text (self->progress, job->message ? job->message : _("Starting"));
  g_mutex_unlock (&job->lock);
  return G_SOURCE_CONTINUE;
}

static void
stop_job (MuluExportPage *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->job = NULL;
  g_clear_handle_id (&self->poll_id, g_source_remove);
}

static void
open_folder_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       data)
{
  GtkWidget *widget = data;
  const char *uri = g_variant_get_string (param, NULL);
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  /* GIO picks the file manager (Explorer on Windows). */
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, NULL, NULL);
}

/* The toast lives in the window's overlay, outside this page, so its
 * button's action is put where the toast can reach it. */
static void
toast_written (MuluExportPage *self,
               const char     *path)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);
  g_autofree char *title = g_strdup_printf (_("“%s” written"), base);
  AdwToast *t;

  if (overlay == NULL)
    return;
  if (g_object_get_data (G_OBJECT (overlay), "mulu-export-actions") == NULL)
    {
      GSimpleActionGroup *group = g_simple_action_group_new ();
      GSimpleAction *open = g_simple_action_new ("open-folder", G_VARIANT_TYPE_STRING);

      g_signal_connect_object (open, "activate", G_CALLBACK (open_folder_activated), overlay, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
      gtk_widget_insert_action_group (overlay, "mulu-export", G_ACTION_GROUP (group));
      g_object_set_data_full (G_OBJECT (overlay), "mulu-export-actions", group, g_object_unref);
      g_object_unref (open);
    }
  t = adw_toast_new (title);
  adw_toast_set_timeout (t, 10);
  if (uri)
    {
      adw_toast_set_button_label (t, _("Open _Folder"));
      adw_toast_set_action_name (t, "mulu-export.open-folder");
      adw_toast_set_action_target_value (t, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
}

static void
on_failure_response (AdwMessageDialog *dialog,
                     const char       *response,
                     MuluExportPage   *self)
{
  if (g_strcmp0 (response, "validation") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.step", "i", VALIDATION_STEP);
}

static void
show_failure (MuluExportPage *self,
              GError         *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The workbook was not written"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* A submission refused for its errors: the way on is to fix them. */
  update_kind (self);
  if (self->errors > 0 && g_error_matches (error, MULU_ERROR, MULU_ERROR_INVALID))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "validation", _("Go to _Validation"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "validation");
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "validation", ADW_RESPONSE_SUGGESTED);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_failure_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (source);
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (task, &error);
  if (self->job == NULL || job != self->job)
    return;
  stop_job (self);
  update_actions (self);

  /* Cancelled while renaming the finished file, GIO says so itself. */
  if (g_error_matches (error, MULU_ERROR, MULU_ERROR_CANCELLED) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, _("The export was cancelled; nothing was written."));
  else if (error)
    show_failure (self, error);
  else
    toast_written (self, job->path);
}

static void
start_export (MuluExportPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const char *template_name = mulu_export_page_get_template (self);
  MuluCatalog *worker;
  Job *job;

  if (template_name == NULL)
    {
      g_set_error_literal (&error, MULU_ERROR, MULU_ERROR_INVALID,
                           _("No template file is chosen. Choose one, or pick the national or the flat template."));
      show_failure (self, error);
      return;
    }
  if ((worker = mulu_catalog_open_worker (self->catalog, &error)) == NULL)
    {
      show_failure (self, error);
      return;
    }
  job = g_new0 (Job, 1);
  g_mutex_init (&job->lock);
  job->worker = worker;
  job->path = g_strdup (self->destination);
  job->template_name = g_strdup (template_name);
  job->draft = mulu_export_page_get_draft (self);
  self->job = job;
  self->cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, _("Starting"));
  self->poll_id = g_timeout_add (100, poll_progress, self);
  update_actions (self);

  task = g_task_new (self, self->cancellable, export_done, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
destination_then_export (GtkWidget *owner,
                         GFile     *file)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (owner);

  destination_chosen (owner, file);
  if (self->chosen_destination)
    start_export (self);
}

static void
run_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (widget);

  if (self->catalog == NULL || self->job)
    return;
  /* A first export asks where, with the suggested name filled in. */
  if (!self->chosen_destination)
    {
      update_destination (self);
      mulu_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save the Census Workbook"), _("_Export"),
                   "*.xlsx", _("Excel workbooks"), self->destination, destination_then_export);
      return;
    }
  start_export (self);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (widget);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
go_validation_activated (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  gtk_widget_activate_action (widget, "win.step", "i", VALIDATION_STEP);
}

/* — The page ——————————————————————————————————————————————————————— */

static void
mulu_export_page_set_document (MuluStepPage *page,
                               MuluCatalog  *catalog,
                               MuluHistory  *history)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (page);

  stop_job (self);
  g_clear_handle_id (&self->count_id, g_source_remove);
  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_set_object (&self->catalog, catalog);
  if (catalog)
    g_signal_connect (catalog, "changed", G_CALLBACK (on_catalog_changed), self);
  /* Another catalog is another department: suggest again. */
  self->chosen_destination = FALSE;
  update_kind (self);
  /* Submission is what the clerk is here for, when it is possible. */
  if (mulu_export_page_can_submit (self))
    gtk_check_button_set_active (self->submission_check, TRUE);
  update_destination (self);
  update_actions (self);
}

static void
mulu_export_page_step_page_init (MuluStepPageInterface *iface)
{
  iface->set_document = mulu_export_page_set_document;
}

static void
mulu_export_page_map (GtkWidget *widget)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (widget);

  GTK_WIDGET_CLASS (mulu_export_page_parent_class)->map (widget);
  if (self->stale)
    update_kind (self);
}

static void
mulu_export_page_dispose (GObject *object)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (object);

  stop_job (self);
  g_clear_handle_id (&self->count_id, g_source_remove);
  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_EXPORT_PAGE);

  G_OBJECT_CLASS (mulu_export_page_parent_class)->dispose (object);
}

static void
mulu_export_page_finalize (GObject *object)
{
  MuluExportPage *self = MULU_EXPORT_PAGE (object);

  g_free (self->template_file);
  g_free (self->destination);

  G_OBJECT_CLASS (mulu_export_page_parent_class)->finalize (object);
}

static void
mulu_export_page_class_init (MuluExportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mulu_export_page_dispose;
  object_class->finalize = mulu_export_page_finalize;
  widget_class->map = mulu_export_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, template_row);
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, template_file_row);
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, destination_row);
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, submission_row);
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, submission_check);
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, draft_check);
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, blocked_row);
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, MuluExportPage, progress);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "export.choose-destination", NULL, choose_destination_activated);
  gtk_widget_class_install_action (widget_class, "export.choose-template", NULL, choose_template_activated);
  gtk_widget_class_install_action (widget_class, "export.go-validation", NULL, go_validation_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
mulu_export_page_init (MuluExportPage *self)
{
  g_autofree char *template_name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_check_button_set_active (self->draft_check, TRUE);

  self->settings = g_settings_new (APP_ID);
  template_name = g_settings_get_string (self->settings, "default-template");
  mulu_export_page_set_template (self, template_name);
  update_kind (self);
  update_destination (self);
  update_actions (self);
}

GtkWidget *
mulu_export_page_new (void)
{
  return g_object_new (MULU_TYPE_EXPORT_PAGE, NULL);
}

void
mulu_export_page_set_template (MuluExportPage *self,
                               const char     *template_name)
{
  g_return_if_fail (MULU_IS_EXPORT_PAGE (self));

  if (template_name == NULL || *template_name == '\0' || g_strcmp0 (template_name, "national") == 0)
    adw_combo_row_set_selected (self->template_row, 0);
  else if (g_strcmp0 (template_name, "flat") == 0)
    adw_combo_row_set_selected (self->template_row, 1);
  else
    {
      g_autofree char *display = g_filename_display_name (template_name);

      g_free (self->template_file);
      self->template_file = g_strdup (template_name);
      adw_action_row_set_subtitle (self->template_file_row, display);
      if (adw_combo_row_get_selected (self->template_row) == TEMPLATE_FILE)
        on_template_selected (self);
      else
        adw_combo_row_set_selected (self->template_row, TEMPLATE_FILE);
    }
}

/* NULL while "template file" is chosen but no file is. */
const char *
mulu_export_page_get_template (MuluExportPage *self)
{
  g_return_val_if_fail (MULU_IS_EXPORT_PAGE (self), NULL);

  switch (adw_combo_row_get_selected (self->template_row))
    {
    case 0:
      return "national";
    case 1:
      return "flat";
    default:
      return self->template_file;
    }
}

void
mulu_export_page_set_destination (MuluExportPage *self,
                                  const char     *path)
{
  g_return_if_fail (MULU_IS_EXPORT_PAGE (self));

  g_free (self->destination);
  self->destination = g_strdup (path);
  self->chosen_destination = path != NULL;
  update_destination (self);
}

const char *
mulu_export_page_get_destination (MuluExportPage *self)
{
  g_return_val_if_fail (MULU_IS_EXPORT_PAGE (self), NULL);
  return self->destination;
}

void
mulu_export_page_set_draft (MuluExportPage *self,
                            gboolean        draft)
{
  g_return_if_fail (MULU_IS_EXPORT_PAGE (self));
  gtk_check_button_set_active (draft ? self->draft_check : self->submission_check, TRUE);
}

gboolean
mulu_export_page_get_draft (MuluExportPage *self)
{
  g_return_val_if_fail (MULU_IS_EXPORT_PAGE (self), TRUE);
  return !gtk_check_button_get_active (self->submission_check);
}

gboolean
mulu_export_page_can_submit (MuluExportPage *self)
{
  g_return_val_if_fail (MULU_IS_EXPORT_PAGE (self), FALSE);
  return self->catalog != NULL && self->errors == 0;
}

gboolean
mulu_export_page_is_running (MuluExportPage *self)
{
  g_return_val_if_fail (MULU_IS_EXPORT_PAGE (self), FALSE);
  return self->job != NULL;
}
