/* mulu-window.c — one catalog and the steps of the census
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-application.h"
#include "mulu-classify-page.h"
#include "mulu-overview-page.h"
#include "mulu-export-page.h"
#include "mulu-review-page.h"
#include "mulu-step-page.h"
#include "mulu-validation-page.h"
#include "mulu-window-private.h"
#include "mulu-zombies-page.h"

G_DEFINE_FINAL_TYPE (MuluWindow, mulu_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  const char *page;
  const char *title;        /* N_() */
} Step;

static const Step steps[MULU_N_STEPS] = {
  { "department", N_("Department") },
  { "systems", N_("Information Systems") },
  { "resources", N_("Information Resources") },
  { "classify", N_("Classification") },
  { "zombies", N_("Zombie Systems") },
  { "validation", N_("Validation") },
  { "export", N_("Export") },
};

void
mulu_window_toast (MuluWindow *self,
                   const char *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
show_error (MuluWindow *self,
            const char *heading,
            GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "信息系统 24/30 已填完" and the error and warning counts of each step. */
static gboolean
update_progress (gpointer data)
{
  MuluWindow *self = data;
  static const MuluEntity entity_of_step[3] = { MULU_ENTITY_DEPARTMENT, MULU_ENTITY_SYSTEM, MULU_ENTITY_RESOURCE };
  guint errors[MULU_N_ENTITIES] = { 0 }, warnings[MULU_N_ENTITIES] = { 0 }, with_errors[MULU_N_ENTITIES] = { 0 };
  guint total_errors = 0, total_warnings = 0;

  self->progress_idle = 0;
  if (self->catalog == NULL || !mulu_catalog_is_open (self->catalog))
    return G_SOURCE_REMOVE;

  {
    guint64 counts[MULU_N_ENTITIES][MULU_N_SEVERITIES];
    guint64 records[MULU_N_ENTITIES];

    if (mulu_findings_count_by_entity (self->catalog, counts, records, NULL))
      for (guint e = 0; e < MULU_N_ENTITIES; e++)
        {
          /* Item findings count on their resource's step. */
          MuluEntity step = e == MULU_ENTITY_ITEM ? MULU_ENTITY_RESOURCE : e;

          errors[step] += (guint) counts[e][MULU_SEVERITY_ERROR];
          warnings[step] += (guint) counts[e][MULU_SEVERITY_WARNING];
          total_errors += (guint) counts[e][MULU_SEVERITY_ERROR];
          total_warnings += (guint) counts[e][MULU_SEVERITY_WARNING];
          if (e == step)
            with_errors[step] += (guint) records[e];
        }
  }

  for (guint s = 0; s < 3; s++)
    {
      MuluEntity e = entity_of_step[s];
      gint64 n = mulu_catalog_count (self->catalog, e, NULL);
      g_autofree char *text = NULL;

      if (e == MULU_ENTITY_DEPARTMENT)
        text = errors[e] == 0 ? g_strdup (_("Complete")) : g_strdup_printf (_("%u to fill in"), errors[e]);
      else if (n == 0)
        text = g_strdup (_("None yet"));
      else
        text = g_strdup_printf (_("%u/%u complete"), (guint) (n - with_errors[e]), (guint) n);
      mulu_step_row_set_progress (self->step_rows[s], text, errors[e], warnings[e]);
    }
  {
    guint unclassified = mulu_catalog_count_in_state (self->catalog, MULU_ENTITY_RESOURCE, MULU_RECORD_STATE_UNCLASSIFIED);
    guint suggested = mulu_catalog_count_in_state (self->catalog, MULU_ENTITY_RESOURCE, MULU_RECORD_STATE_SUGGESTED);
    g_autofree char *text = NULL;

    if (mulu_catalog_count (self->catalog, MULU_ENTITY_RESOURCE, NULL) == 0)
      text = g_strdup (_("None yet"));
    else if (unclassified > 0)
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unclassified", "%u unclassified", unclassified), unclassified);
    else if (suggested > 0)
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion to review", "%u suggestions to review", suggested), suggested);
    else
      text = g_strdup (_("All classified"));
    mulu_step_row_set_progress (self->step_rows[3], text, 0, 0);
  }
  {
    g_autofree char *text = total_errors == 0 ? g_strdup (_("Ready to submit")) : g_strdup_printf (_("%u errors"), total_errors);
    mulu_step_row_set_progress (self->step_rows[5], text, total_errors, total_warnings);
  }
  return G_SOURCE_REMOVE;
}

static void
on_zombies_progress (MuluWindow      *self,
                     GParamSpec      *pspec,
                     MuluZombiesPage *page)
{
  mulu_step_row_set_progress (self->step_rows[4], mulu_zombies_page_get_progress (page),
                              mulu_zombies_page_get_n_errors (page), mulu_zombies_page_get_n_warnings (page));
}

static void
queue_progress (MuluWindow *self)
{
  if (self->progress_idle == 0)
    self->progress_idle = g_timeout_add (150, update_progress, self);
}

static void
update_title (MuluWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *window_title = NULL;
  g_autoptr(MuluRecordList) depts = NULL;
  g_autoptr(MuluRecord) dept = NULL;
  const char *name = NULL;

  if (self->catalog == NULL)
    {
      adw_window_title_set_title (self->title, "Mulu");
      adw_window_title_set_subtitle (self->title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), "Mulu");
      return;
    }
  basename = g_path_get_basename (mulu_catalog_get_path (self->catalog));
  depts = mulu_record_list_new (self->catalog, MULU_ENTITY_DEPARTMENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (depts)) > 0)
    dept = g_list_model_get_item (G_LIST_MODEL (depts), 0);
  name = dept ? mulu_record_get_name (dept) : NULL;
  if (name == NULL || *name == '\0')
    name = _("New Department");

  adw_window_title_set_title (self->title, name);
  if (mulu_catalog_is_submitted (self->catalog))
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s — submitted for review"), basename);
      adw_window_title_set_subtitle (self->title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->title, basename);
  window_title = g_strdup_printf ("%s — %s", name, basename);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
on_catalog_changed (MuluCatalog *catalog,
                    guint        entity,
                    gint64       id,
                    guint        change,
                    MuluWindow  *self)
{
  if (entity == MULU_ENTITY_DEPARTMENT)
    update_title (self);
  queue_progress (self);
}

static void
on_history_notify (MuluWindow *self)
{
  mulu_window_update_actions (self);
}

static void
remember_file (MuluWindow *self,
               const char *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  GStrvBuilder *b = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_settings_set_string (self->settings, "last-file", path);
  g_strv_builder_add (b, path);
  for (guint i = 0; recent[i] && n < 10; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (b, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
  /* The desktop's own recent list too, for the file manager and dialogs. */
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

    if (uri)
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }
}

static void
set_document (MuluWindow  *self,
              MuluCatalog *catalog)
{
  if (self->catalog)
    {
      g_signal_handlers_disconnect_by_data (self->catalog, self);
      mulu_catalog_close (self->catalog, NULL);
    }
  if (self->history)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->catalog, catalog);
  g_clear_object (&self->history);

  if (catalog)
    {
      g_autofree char *user = g_settings_get_string (self->settings, "user-name");

      mulu_catalog_set_user (catalog, user);
      self->history = mulu_history_new (catalog);
      g_signal_connect (catalog, "changed", G_CALLBACK (on_catalog_changed), self);
      g_signal_connect_swapped (self->history, "notify::can-undo", G_CALLBACK (on_history_notify), self);
      g_signal_connect_swapped (self->history, "notify::can-redo", G_CALLBACK (on_history_notify), self);
    }

  mulu_step_page_set_document (MULU_STEP_PAGE (self->overview), catalog, self->history);
  mulu_step_page_set_document (MULU_STEP_PAGE (self->review), catalog, self->history);
  for (guint s = 0; s < MULU_N_STEPS; s++)
    mulu_step_page_set_document (MULU_STEP_PAGE (self->step_pages[s]), catalog, self->history);
  update_title (self);
  queue_progress (self);
  mulu_window_update_actions (self);
  mulu_window_update_recent (self);
}

gboolean
mulu_window_open_catalog (MuluWindow *self,
                          const char *path,
                          GError    **error)
{
  g_autoptr(MuluCatalog) catalog = NULL;

  g_return_val_if_fail (MULU_IS_WINDOW (self), FALSE);

  /* The same file again: nothing to do. */
  if (self->catalog && g_strcmp0 (mulu_catalog_get_path (self->catalog), path) == 0)
    return TRUE;
  if ((catalog = mulu_catalog_open (path, error)) == NULL)
    return FALSE;
  /* Findings stored by an import or another program may be out of date. */
  if (!mulu_findings_are_current (catalog) && !mulu_validate_catalog (catalog, NULL, NULL, NULL, error))
    return FALSE;
  set_document (self, catalog);
  remember_file (self, path);
  return TRUE;
}

gboolean
mulu_window_import_package (MuluWindow *self,
                            const char *path)
{
  g_autoptr(MuluImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->catalog == NULL)
    return FALSE;
  if (!mulu_package_import (self->catalog, path, &report, NULL, NULL, NULL, &error) ||
      !mulu_validate_catalog (self->catalog, NULL, NULL, NULL, &error))
    {
      show_error (self, _("The package was not imported"), error);
      return FALSE;
    }
  /* An import is not undone piece by piece. */
  mulu_history_clear (self->history);
  message = g_strdup_printf (_("Imported %llu systems, %llu resources and %llu data items"),
                             (unsigned long long) report->counts[MULU_ENTITY_SYSTEM],
                             (unsigned long long) report->counts[MULU_ENTITY_RESOURCE],
                             (unsigned long long) report->counts[MULU_ENTITY_ITEM]);
  mulu_window_toast (self, message);
  update_title (self);
  return TRUE;
}

gboolean
mulu_window_open_file (MuluWindow *self,
                       GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (MULU_IS_WINDOW (self), FALSE);

  if (path == NULL)
    {
      mulu_window_toast (self, _("Only files on this computer can be opened."));
      return FALSE;
    }
  if (g_str_has_suffix (path, ".jsonl"))
    return mulu_window_import_package (self, path);
  if (!mulu_window_open_catalog (self, path, &error))
    {
      show_error (self, _("The catalog could not be opened"), error);
      return FALSE;
    }
  return TRUE;
}

MuluCatalog *
mulu_window_get_catalog (MuluWindow *self)
{
  return self->catalog;
}

MuluHistory *
mulu_window_get_history (MuluWindow *self)
{
  return self->history;
}

void
mulu_window_show_step (MuluWindow *self,
                       guint       step)
{
  g_return_if_fail (step < MULU_N_STEPS);
  gtk_list_box_select_row (self->steps, GTK_LIST_BOX_ROW (self->step_rows[step]));
}

/* Submitting and reopening change no record, so no "changed" says so. */
void
mulu_window_refresh_state (MuluWindow *self)
{
  update_title (self);
  mulu_window_update_actions (self);
  mulu_review_page_refresh (MULU_REVIEW_PAGE (self->review));
  queue_progress (self);
}

void
mulu_window_show_review (MuluWindow *self)
{
  g_return_if_fail (MULU_IS_WINDOW (self));
  gtk_list_box_select_row (self->steps, GTK_LIST_BOX_ROW (self->review_row));
}

void
mulu_window_show_overview (MuluWindow *self)
{
  g_return_if_fail (MULU_IS_WINDOW (self));
  gtk_list_box_select_row (self->steps, GTK_LIST_BOX_ROW (self->overview_row));
}

static void
on_step_selected (MuluWindow    *self,
                  GtkListBoxRow *row)
{
  if (row)
    gtk_stack_set_visible_child_name (self->pages, mulu_step_row_get_page_name (MULU_STEP_ROW (row)));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         MuluWindow    *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l; l = l->next)
    mulu_window_open_file (self, l->data);
  return files != NULL;
}

static gboolean
mulu_window_close_request (GtkWindow *window)
{
  MuluWindow *self = MULU_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  set_document (self, NULL);
  return GTK_WINDOW_CLASS (mulu_window_parent_class)->close_request (window);
}

static void
mulu_window_dispose (GObject *object)
{
  MuluWindow *self = MULU_WINDOW (object);

  g_clear_handle_id (&self->progress_idle, g_source_remove);
  if (self->catalog)
    {
      g_signal_handlers_disconnect_by_data (self->catalog, self);
      mulu_catalog_close (self->catalog, NULL);
    }
  if (self->history)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_WINDOW);

  G_OBJECT_CLASS (mulu_window_parent_class)->dispose (object);
}

static void
mulu_window_class_init (MuluWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mulu_window_dispose;
  window_class->close_request = mulu_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, title);
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, steps);
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_step_selected);

  mulu_window_install_actions (klass);
}

static void
mulu_window_init (MuluWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (mulu_window_update_recent), self, G_CONNECT_SWAPPED);

  self->overview = mulu_overview_page_new ();
  gtk_stack_add_named (self->pages, self->overview, "overview");
  self->overview_row = mulu_step_row_new (0, _("Overview"), "overview");
  mulu_step_row_set_icon (self->overview_row, "view-grid-symbolic");
  gtk_list_box_append (self->steps, GTK_WIDGET (self->overview_row));

  for (guint s = 0; s < MULU_N_STEPS; s++)
    {
      GtkWidget *page;

      if (s == 0)
        page = mulu_department_page_new ();
      else if (s == 1)
        page = mulu_records_page_new (MULU_ENTITY_SYSTEM);
      else if (s == 2)
        page = mulu_records_page_new (MULU_ENTITY_RESOURCE);
      else if (s == 3)
        page = mulu_classify_page_new ();
      else if (s == 4)
        {
          page = mulu_zombies_page_new ();
          /* The page counts its decisions; its row in the sidebar shows them. */
          g_signal_connect_object (page, "notify::progress", G_CALLBACK (on_zombies_progress), self, G_CONNECT_SWAPPED);
        }
      else if (s == 5)
        page = mulu_validation_page_new ();
      else
        page = mulu_export_page_new ();
      self->step_pages[s] = page;
      gtk_stack_add_named (self->pages, page, steps[s].page);
      self->step_rows[s] = mulu_step_row_new (s + 1, _(steps[s].title), steps[s].page);
      gtk_list_box_append (self->steps, GTK_WIDGET (self->step_rows[s]));
    }
  /* The review comes after the census, for the clerk and the reviewer. */
  self->review = mulu_review_page_new ();
  gtk_stack_add_named (self->pages, self->review, "review");
  self->review_row = mulu_step_row_new (0, _("Review"), "review");
  mulu_step_row_set_icon (self->review_row, "object-select-symbolic");
  gtk_list_box_append (self->steps, GTK_WIDGET (self->review_row));

  gtk_list_box_select_row (self->steps, GTK_LIST_BOX_ROW (self->step_rows[0]));

  /* A catalog dropped on the window opens; a package is imported. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  set_document (self, NULL);
}

/**
 * mulu_window_show_record:
 * @entity: a department, system, resource or data item
 * @id: the record's row id
 * @field: (nullable): the field key to put the cursor in
 *
 * Goes to the step where the record is edited, selects it and focuses the
 * field: how a finding, a suggestion or a zombie leads to what to fix. A data
 * item opens its resource.
 */
void
mulu_window_show_record (MuluWindow *self,
                         MuluEntity  entity,
                         gint64      id,
                         const char *field)
{
  g_return_if_fail (MULU_IS_WINDOW (self));

  if (self->catalog == NULL)
    return;
  switch (entity)
    {
    case MULU_ENTITY_DEPARTMENT:
      mulu_window_show_step (self, 0);
      mulu_department_page_focus_field (MULU_DEPARTMENT_PAGE (self->step_pages[0]), field ? field : "name");
      break;
    case MULU_ENTITY_SYSTEM:
      mulu_window_show_step (self, 1);
      mulu_records_page_select (MULU_RECORDS_PAGE (self->step_pages[1]), id, field);
      break;
    case MULU_ENTITY_RESOURCE:
      mulu_window_show_step (self, 2);
      mulu_records_page_select (MULU_RECORDS_PAGE (self->step_pages[2]), id, field);
      break;
    case MULU_ENTITY_ITEM:
      {
        g_autoptr(MuluRecord) item = mulu_catalog_get (self->catalog, MULU_ENTITY_ITEM, id, NULL);

        if (item == NULL)
          return;
        mulu_window_show_step (self, 2);
        mulu_records_page_select (MULU_RECORDS_PAGE (self->step_pages[2]), mulu_record_get_int (item, MULU_ITEM_RESOURCE), NULL);
      }
      break;
    default:
      g_return_if_reached ();
    }
}

MuluWindow *
mulu_window_new (MuluApplication *app)
{
  return g_object_new (MULU_TYPE_WINDOW, "application", app, NULL);
}
