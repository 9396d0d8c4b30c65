/* mulu-validation-page.c — step 6: every finding, grouped by rule
 *
 * The findings are stored in the catalog and kept current by every edit,
 * so this page only reads them: a GtkTreeListModel over the core's groups
 * (one per rule and severity, a handful) whose children are lazy
 * MuluFindingLists, read from SQLite a page at a time. A catalog with
 * 100,000 findings costs a few row widgets and one id array per open group.
 *
 * A full validation runs on a GTask thread with its own connection, so the
 * clerk can keep reading while it runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-validation-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-step-page.h"
#include "mulu-validation-page.h"
#include "mulu-window.h"

#define EXPORT_STEP 7

/* What a progress callback on the worker thread leaves for the page. */
typedef struct {
  GMutex  lock;
  double  fraction;
  char   *message;
  MuluCatalog *worker;
} Job;

struct _MuluValidationPage
{
  AdwBin           parent_instance;

  MuluCatalog     *catalog;
  GListStore      *groups;
  GtkTreeListModel *tree;
  guint            refresh_id;
  gboolean         stale;   /* changed while another step was shown */
  gboolean         ready;

  Job             *job;
  GCancellable    *cancellable;
  guint            poll_id;

  GtkLabel        *summary;
  GtkToggleButton *show_errors;
  GtkToggleButton *show_warnings;
  GtkToggleButton *show_hints;
  GtkButton       *revalidate_button;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress;
  GtkRevealer     *ready_revealer;
  GtkLabel        *ready_detail;
  GtkStack        *stack;
  GtkListView     *view;
};

static void mulu_validation_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluValidationPage, mulu_validation_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_validation_page_step_page_init))

/* What each rule checks, in a clerk's words, for the group headings. The
 * findings' own messages say what to do about each record. */
static const struct { const char *rule; const char *title; } rule_titles[] = {
  { "R1", N_("Sharing type is not one of the three values") },
  { "R2", N_("Conditional sharing without a stated condition") },
  { "R3", N_("Not shared, without a legal basis") },
  { "R4", N_("Unconditional sharing with a condition") },
  { "R5", N_("Basic resource not shared unconditionally") },
  { "R6", N_("Shared by mail or media without a reason") },
  { "R7", N_("Not shared, yet open to the public") },
  { "R8", N_("Conditional opening without a condition") },
  { "R9", N_("Opened more widely than shared") },
  { "R10", N_("Classified resource shared or opened") },
  { "R11", N_("Database or spreadsheet without typed data items") },
  { "R12", N_("Format “other” without a description") },
  { "R13", N_("Format and sharing method disagree") },
  { "R14", N_("Resource code malformed, duplicated or of the wrong class") },
  { "R15", N_("Related resource codes that do not exist") },
  { "R16", N_("Unified social credit code not valid") },
  { "R17", N_("Resource names that differ only in form") },
  { "R18", N_("Resource named after its system") },
  { "R19", N_("Text in a numeric field") },
  { "S1", N_("System census fields missing") },
  { "S2", N_("Confirmed zombie without criterion, disposition or date") },
  { "S3", N_("Approval, go-live and today out of order") },
  { "S4", N_("System on a network to migrate from") },
  { "S5", N_("Security protection level not graded") },
  { "S6", N_("Zombie system whose resources are still shared") },
  { "S7", N_("System without resources, or resource without system") },
  { "C1", N_("Value not in its code table") },
  { "C2", N_("Required field left empty") },
  { "Z1", N_("Suspected zombie system awaiting a decision") },
  { "SG1", N_("Classification suggested from sensitive data items") },
};

static const char *
rule_title (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_titles); i++)
    if (g_strcmp0 (rule_titles[i].rule, rule) == 0)
      return _(rule_titles[i].title);
  return "";
}

static const char *
severity_icon (MuluSeverity severity)
{
  switch (severity)
    {
    case MULU_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case MULU_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_style (MuluSeverity severity)
{
  switch (severity)
    {
    case MULU_SEVERITY_ERROR:
      return "error";
    case MULU_SEVERITY_WARNING:
      return "warning";
    default:
      return "accent";
    }
}

static guint
severity_mask (MuluValidationPage *self)
{
  return (gtk_toggle_button_get_active (self->show_errors) ? 1u << MULU_SEVERITY_ERROR : 0) |
         (gtk_toggle_button_get_active (self->show_warnings) ? 1u << MULU_SEVERITY_WARNING : 0) |
         (gtk_toggle_button_get_active (self->show_hints) ? 1u << MULU_SEVERITY_HINT : 0);
}

/* — Rows ——————————————————————————————————————————————————————————— */

static char *
group_heading (MuluFindingGroup *group)
{
  const char *title = rule_title (mulu_finding_group_get_rule (group));

  return g_strdup_printf ("%s · %" G_GUINT64_FORMAT "%s%s", mulu_finding_group_get_rule (group),
                          mulu_finding_group_get_count (group), *title ? "  " : "", title);
}

static void
update_group_row (GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  MuluFindingGroup *group = MULU_FINDING_GROUP (gtk_tree_list_row_get_item (row));
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkLabel *title = g_object_get_data (G_OBJECT (item), "title");
  g_autofree char *text = group_heading (group);

  gtk_label_set_text (title, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_unref (group);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
  g_object_set_data (G_OBJECT (item), "icon", icon);
  g_object_set_data (G_OBJECT (item), "title", title);
  g_object_set_data (G_OBJECT (item), "subtitle", subtitle);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (item), "icon");
  GtkWidget *title = g_object_get_data (G_OBJECT (item), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (item), "subtitle");
  g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  for (MuluSeverity s = 0; s < MULU_N_SEVERITIES; s++)
    gtk_widget_remove_css_class (icon, severity_style (s));
  if (MULU_IS_FINDING_GROUP (object))
    {
      MuluFindingGroup *group = MULU_FINDING_GROUP (object);
      gulong id;

      gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon (mulu_finding_group_get_severity (group)));
      gtk_widget_add_css_class (icon, severity_style (mulu_finding_group_get_severity (group)));
      gtk_widget_set_visible (icon, TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_visible (subtitle, FALSE);
      update_group_row (item);
      /* The count changes as the clerk fixes things; the row stays. */
      id = g_signal_connect_object (group, "notify::count", G_CALLBACK (update_group_row), item, G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (item), "count-handler", GSIZE_TO_POINTER (id));
    }
  else
    {
      MuluFindingObject *finding = MULU_FINDING_OBJECT (object);
      const char *name = mulu_finding_object_get_name (finding);
      g_autofree char *label = NULL;

      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_remove_css_class (title, "heading");
      gtk_label_set_text (GTK_LABEL (title), name && *name ? name : _("(no name)"));
      gtk_label_set_text (GTK_LABEL (subtitle), mulu_finding_object_get_message (finding));
      gtk_widget_set_visible (subtitle, TRUE);
      /* Translators: how a screen reader announces a finding: the record's
       * name, then the finding's message. */
      label = g_strdup_printf (_("%s: %s"), name && *name ? name : _("(no name)"), mulu_finding_object_get_message (finding));
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "count-handler"));

  if (id && row)
    {
      g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);
      if (object)
        g_signal_handler_disconnect (object, id);
    }
  g_object_set_data (G_OBJECT (item), "count-handler", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

static GListModel *
create_children (gpointer item,
                 gpointer data)
{
  if (!MULU_IS_FINDING_GROUP (item))
    return NULL;
  return g_object_ref (G_LIST_MODEL (mulu_finding_group_get_findings (item)));
}

/* — Reading the findings ——————————————————————————————————————————— */

static void
update_state (MuluValidationPage *self)
{
  guint64 counts[MULU_N_SEVERITIES] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *errors = NULL, *warnings = NULL, *hints = NULL;
  guint64 total;

  if (self->catalog == NULL || !mulu_catalog_is_open (self->catalog))
    {
      gtk_label_set_text (self->summary, "");
      gtk_revealer_set_reveal_child (self->ready_revealer, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "none");
      self->ready = FALSE;
      return;
    }
  if (!mulu_findings_count (self->catalog, counts, &error))
    g_warning ("%s", error->message);
  total = counts[MULU_SEVERITY_ERROR] + counts[MULU_SEVERITY_WARNING] + counts[MULU_SEVERITY_HINT];

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", (gulong) counts[MULU_SEVERITY_ERROR]),
                            (guint) counts[MULU_SEVERITY_ERROR]);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", (gulong) counts[MULU_SEVERITY_WARNING]),
                              (guint) counts[MULU_SEVERITY_WARNING]);
  hints = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hint", "%u hints", (gulong) counts[MULU_SEVERITY_HINT]),
                           (guint) counts[MULU_SEVERITY_HINT]);
  summary = g_strdup_printf ("%s · %s · %s", errors, warnings, hints);
  gtk_label_set_text (self->summary, summary);
  {
    g_autofree char *e = g_strdup_printf (_("Errors %u"), (guint) counts[MULU_SEVERITY_ERROR]);
    g_autofree char *w = g_strdup_printf (_("Warnings %u"), (guint) counts[MULU_SEVERITY_WARNING]);
    g_autofree char *h = g_strdup_printf (_("Hints %u"), (guint) counts[MULU_SEVERITY_HINT]);
    gtk_button_set_label (GTK_BUTTON (self->show_errors), e);
    gtk_button_set_label (GTK_BUTTON (self->show_warnings), w);
    gtk_button_set_label (GTK_BUTTON (self->show_hints), h);
  }

  self->ready = counts[MULU_SEVERITY_ERROR] == 0;
  if (self->ready && total > 0)
    {
      g_autofree char *detail =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "No error remains. The %u remaining finding is listed on the workbook’s issues sheet.",
                                      "No error remains. The %u remaining findings are listed on the workbook’s issues sheet.",
                                      (gulong) total),
                         (guint) total);
      gtk_label_set_text (self->ready_detail, detail);
    }
  gtk_revealer_set_reveal_child (self->ready_revealer, self->ready && total > 0);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->groups)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "filtered");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

void
mulu_validation_page_refresh (MuluValidationPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MULU_IS_VALIDATION_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  if (self->catalog && mulu_catalog_is_open (self->catalog) &&
      !mulu_finding_groups_update (self->groups, self->catalog, severity_mask (self), &error))
    g_warning ("Cannot read the findings: %s", error->message);
  update_state (self);
}

static gboolean
refresh_cb (gpointer data)
{
  MuluValidationPage *self = data;

  self->refresh_id = 0;
  mulu_validation_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* An edit changes a few findings; a burst of edits (an undo of a bulk
 * change, a paste of data items) is read once, when it is over. While the
 * clerk edits in another step, the findings are read when this step shows
 * again: on a big catalog each reading costs some tens of milliseconds. */
static void
queue_refresh (MuluValidationPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (200, refresh_cb, self);
}

static void
on_catalog_changed (MuluCatalog        *catalog,
                    guint               entity,
                    gint64              id,
                    guint               change,
                    MuluValidationPage *self)
{
  queue_refresh (self);
}

static void
on_filter_toggled (MuluValidationPage *self)
{
  mulu_validation_page_refresh (self);
}

static void
on_view_activate (MuluValidationPage *self,
                  guint               position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(GObject) object = row ? gtk_tree_list_row_get_item (row) : NULL;
  GtkWidget *window;

  if (object == NULL)
    return;
  if (MULU_IS_FINDING_GROUP (object))
    {
      gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
      return;
    }
  window = gtk_widget_get_ancestor (GTK_WIDGET (self), MULU_TYPE_WINDOW);
  if (window)
    {
      MuluFindingObject *finding = MULU_FINDING_OBJECT (object);

      mulu_window_show_record (MULU_WINDOW (window), mulu_finding_object_get_entity (finding),
                               mulu_finding_object_get_record_id (finding), mulu_finding_object_get_field (finding));
    }
}

/* — Full validation on a thread ———————————————————————————————————— */

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
validate_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = mulu_validate_catalog (job->worker, cancellable, job_progress, job, &error);

  /* Closed here, on the thread that used it. */
  mulu_catalog_close (job->worker, NULL);
  g_clear_object (&job->worker);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The worker reports from its thread; the page looks now and then, which
 * is all a progress bar needs. */
static gboolean
poll_progress (gpointer data)
{
  MuluValidationPage *self = data;
  Job *job = self->job;

  if (job == NULL)
    return G_SOURCE_CONTINUE;
  g_mutex_lock (&job->lock);
  gtk_progress_bar_set_fraction (self->progress, CLAMP (job->fraction, 0.0, 1.0));
  gtk_progress_bar_set_text (self->progress, job->message ? job->message : _("Starting"));
  g_mutex_unlock (&job->lock);
  return G_SOURCE_CONTINUE;
}

static void
update_actions (MuluValidationPage *self)
{
  gboolean open = self->catalog != NULL && mulu_catalog_is_open (self->catalog);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "validation.revalidate", open && self->job == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "validation.cancel", self->job != NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, self->job != NULL);
}

static void
stop_job (MuluValidationPage *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->job = NULL;
  g_clear_handle_id (&self->poll_id, g_source_remove);
}

static void
validate_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  MuluValidationPage *self = MULU_VALIDATION_PAGE (source);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  g_task_propagate_boolean (task, &error);
  /* A job the page gave up on (another catalog, the window closing). */
  if (self->job == NULL || g_task_get_task_data (task) != self->job)
    return;
  stop_job (self);
  update_actions (self);
  window = gtk_widget_get_ancestor (GTK_WIDGET (self), MULU_TYPE_WINDOW);

  if (error)
    {
      if (window)
        mulu_window_toast (MULU_WINDOW (window), error->message);
      return;
    }
  /* The other connection rewrote every finding: every view that shows
   * findings (the step counts, the editors' field messages) reads them
   * again, as after an import. */
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    g_signal_emit_by_name (self->catalog, "changed", e, (gint64) 0, (guint) MULU_CHANGE_RESET);
  mulu_validation_page_refresh (self);
  if (window)
    mulu_window_toast (MULU_WINDOW (window), _("Every rule was checked again"));
}

static void
revalidate_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  MuluValidationPage *self = MULU_VALIDATION_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  MuluCatalog *worker;
  Job *job;

  if (self->catalog == NULL || self->job)
    return;
  if ((worker = mulu_catalog_open_worker (self->catalog, &error)) == NULL)
    {
      GtkWidget *window = gtk_widget_get_ancestor (widget, MULU_TYPE_WINDOW);
      if (window)
        mulu_window_toast (MULU_WINDOW (window), error->message);
      return;
    }
  job = g_new0 (Job, 1);
  g_mutex_init (&job->lock);
  job->worker = worker;
  self->job = job;
  self->cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, _("Starting"));
  self->poll_id = g_timeout_add (100, poll_progress, self);
  update_actions (self);

  task = g_task_new (self, self->cancellable, validate_done, NULL);
  g_task_set_source_tag (task, revalidate_activated);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, validate_thread);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  MuluValidationPage *self = MULU_VALIDATION_PAGE (widget);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
go_export_activated (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  gtk_widget_activate_action (widget, "win.step", "i", EXPORT_STEP);
}

/* — The page ——————————————————————————————————————————————————————— */

static void
mulu_validation_page_set_document (MuluStepPage *page,
                                   MuluCatalog  *catalog,
                                   MuluHistory  *history)
{
  MuluValidationPage *self = MULU_VALIDATION_PAGE (page);

  stop_job (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_set_object (&self->catalog, catalog);
  /* New groups for a new catalog: the old ones read the old file. */
  g_list_store_remove_all (self->groups);
  if (catalog)
    g_signal_connect (catalog, "changed", G_CALLBACK (on_catalog_changed), self);
  mulu_validation_page_refresh (self);
  update_actions (self);
}

static void
mulu_validation_page_step_page_init (MuluStepPageInterface *iface)
{
  iface->set_document = mulu_validation_page_set_document;
}

static void
mulu_validation_page_map (GtkWidget *widget)
{
  MuluValidationPage *self = MULU_VALIDATION_PAGE (widget);

  GTK_WIDGET_CLASS (mulu_validation_page_parent_class)->map (widget);
  if (self->stale)
    mulu_validation_page_refresh (self);
}

static void
mulu_validation_page_dispose (GObject *object)
{
  MuluValidationPage *self = MULU_VALIDATION_PAGE (object);

  stop_job (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  if (self->view)
    gtk_list_view_set_model (self->view, NULL);
  g_clear_object (&self->tree);
  g_clear_object (&self->groups);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_VALIDATION_PAGE);

  G_OBJECT_CLASS (mulu_validation_page_parent_class)->dispose (object);
}

static void
mulu_validation_page_class_init (MuluValidationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mulu_validation_page_dispose;
  widget_class->map = mulu_validation_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-validation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, summary);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, show_errors);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, show_warnings);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, show_hints);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, revalidate_button);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, progress);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, ready_revealer);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, ready_detail);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MuluValidationPage, view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_view_activate);

  gtk_widget_class_install_action (widget_class, "validation.revalidate", NULL, revalidate_activated);
  gtk_widget_class_install_action (widget_class, "validation.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "validation.go-export", NULL, go_export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "validation.revalidate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "validation.cancel", NULL);
}

static void
mulu_validation_page_init (MuluValidationPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_list_store_new (MULU_TYPE_FINDING_GROUP);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->groups)), FALSE, FALSE,
                                        create_children, NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->view, factory);
  g_object_unref (factory);
  {
    GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));
    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_list_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  update_state (self);
  update_actions (self);
}

GtkWidget *
mulu_validation_page_new (void)
{
  return g_object_new (MULU_TYPE_VALIDATION_PAGE, NULL);
}

gboolean
mulu_validation_page_is_ready (MuluValidationPage *self)
{
  g_return_val_if_fail (MULU_IS_VALIDATION_PAGE (self), FALSE);
  return self->ready;
}

gboolean
mulu_validation_page_is_running (MuluValidationPage *self)
{
  g_return_val_if_fail (MULU_IS_VALIDATION_PAGE (self), FALSE);
  return self->job != NULL;
}
