/* mulu-review-page.c — submission and the reviewer's pass
 *
 * The clerk submits the catalog here (which freezes it) and reopens it to
 * fix what came back; the reviewer, working on the same file, approves
 * records — many at once — or returns one with a comment saying what to
 * fix. Filters show what is still to review, what was returned, approved,
 * or changed since the submission. The rules (a comment to return, no
 * approving one's own edits, nothing edited while submitted) are the
 * core's; this page says what they refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-review-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-review-page.h"
#include "mulu-step-page.h"
#include "mulu-window.h"

/* — One row: a record and its review ———————————————————————————————— */

#define MULU_TYPE_REVIEW_ROW (mulu_review_row_get_type ())
G_DECLARE_FINAL_TYPE (MuluReviewRow, mulu_review_row, MULU, REVIEW_ROW, GObject)

struct _MuluReviewRow
{
  GObject     parent_instance;
  MuluReview *review;
};

G_DEFINE_FINAL_TYPE (MuluReviewRow, mulu_review_row, G_TYPE_OBJECT)

static void
mulu_review_row_finalize (GObject *object)
{
  g_clear_pointer (&MULU_REVIEW_ROW (object)->review, mulu_review_free);
  G_OBJECT_CLASS (mulu_review_row_parent_class)->finalize (object);
}

static void
mulu_review_row_class_init (MuluReviewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mulu_review_row_finalize;
}

static void
mulu_review_row_init (MuluReviewRow *self)
{
}

/* — The page ———————————————————————————————————————————————————————— */

struct _MuluReviewPage
{
  AdwBin             parent_instance;

  MuluCatalog       *catalog;
  GListStore        *rows;
  guint              refresh_idle;

  GtkLabel          *status_title;
  GtkLabel          *status_detail;
  GtkWidget         *submit;
  GtkWidget         *reopen;
  GtkDropDown       *entity_filter;
  GtkDropDown       *state_filter;
  GtkLabel          *counts;
  GtkStack          *list_stack;
  GtkColumnView     *view;
  GtkMultiSelection *selection;
  AdwStatusPage     *empty;
  GtkLabel          *selected_label;
  GtkWidget         *open_record;
  GtkWidget         *return_button;
  GtkWidget         *approve;
};

static void mulu_review_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluReviewPage, mulu_review_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_review_page_step_page_init))

static const struct {
  MuluEntity  entity;
  const char *label;  /* N_() */
} entities[] = {
  { MULU_ENTITY_RESOURCE, N_("Information resources") },
  { MULU_ENTITY_SYSTEM, N_("Information systems") },
  { MULU_ENTITY_DEPARTMENT, N_("Department") },
};

static const char * const filter_labels[] = {
  N_("All"),
  N_("Not reviewed"),
  N_("Returned"),
  N_("Approved"),
  N_("Changed since submission"),
};

static MuluEntity
current_entity (MuluReviewPage *self)
{
  guint i = gtk_drop_down_get_selected (self->entity_filter);

  return i < G_N_ELEMENTS (entities) ? entities[i].entity : MULU_ENTITY_RESOURCE;
}

static void
show_message (MuluReviewPage *self,
              const char     *message)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (MULU_IS_WINDOW (root))
    mulu_window_toast (MULU_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static void
update_status (MuluReviewPage *self)
{
  g_autoptr(MuluReviewSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *counts = NULL;
  gboolean submitted;

  if (self->catalog == NULL || (summary = mulu_review_summary (self->catalog, &error)) == NULL)
    {
      gtk_label_set_text (self->status_title, _("No catalog is open."));
      gtk_label_set_text (self->status_detail, error ? error->message : "");
      gtk_label_set_text (self->counts, "");
      gtk_widget_set_visible (self->submit, FALSE);
      gtk_widget_set_visible (self->reopen, FALSE);
      return;
    }

  submitted = summary->submitted;
  gtk_widget_set_visible (self->submit, !submitted);
  gtk_widget_set_visible (self->reopen, submitted);
  if (submitted)
    {
      gtk_label_set_text (self->status_title, _("Submitted for review"));
      detail = g_strdup_printf (_("Submitted by %s at %s. The catalog is frozen: a reviewer approves or returns its records here; to change anything, reopen it first (this is recorded)."),
                                summary->submitted_by ? summary->submitted_by : _("someone"),
                                summary->submitted_at ? summary->submitted_at : "");
    }
  else if (summary->counts[MULU_REVIEW_RETURNED] > 0)
    {
      gtk_label_set_text (self->status_title, _("Returned for changes"));
      detail = g_strdup (_("The reviewer sent records back: the “Returned” filter lists them with each comment. Fix them in their steps, then submit again; the history is kept."));
    }
  else
    {
      gtk_label_set_text (self->status_title, _("Not submitted yet"));
      detail = g_strdup (_("When every error is fixed, submit the catalog: it is frozen for the reviewer, who approves each record or returns it with a comment."));
    }
  gtk_label_set_text (self->status_detail, detail);

  {
    g_autofree char *waiting = g_strdup_printf ("%" G_GUINT64_FORMAT, summary->counts[MULU_REVIEW_SUBMITTED]);
    g_autofree char *returned = g_strdup_printf ("%" G_GUINT64_FORMAT, summary->counts[MULU_REVIEW_RETURNED]);
    g_autofree char *approved = g_strdup_printf ("%" G_GUINT64_FORMAT, summary->counts[MULU_REVIEW_APPROVED]);
    g_autofree char *changed = g_strdup_printf ("%" G_GUINT64_FORMAT, summary->changed);

    counts = g_strdup_printf (_("Not reviewed %s · Returned %s · Approved %s · Changed %s"),
                              waiting, returned, approved, changed);
  }
  gtk_label_set_text (self->counts, counts);
}

static void
update_selection (MuluReviewPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  gboolean submitted = self->catalog && mulu_catalog_is_submitted (self->catalog);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (submitted ? _("Select records to approve them, or one to return it") : "");
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record selected", "%u records selected", (gulong) n), (guint) n);
  gtk_label_set_text (self->selected_label, text);
  gtk_widget_set_sensitive (self->approve, submitted && n > 0);
  gtk_widget_set_sensitive (self->return_button, submitted && n == 1);
  gtk_widget_set_sensitive (self->open_record, n == 1);
}

static void
reload (MuluReviewPage *self)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  guint filter = gtk_drop_down_get_selected (self->state_filter);

  g_list_store_remove_all (self->rows);
  update_status (self);
  if (self->catalog == NULL)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      update_selection (self);
      return;
    }
  if (filter >= G_N_ELEMENTS (filter_labels))
    filter = MULU_REVIEW_FILTER_ALL;
  reviews = mulu_review_list (self->catalog, current_entity (self), (MuluReviewFilter) filter, &error);
  if (reviews == NULL)
    {
      show_message (self, error->message);
      return;
    }
  /* The rows take the reviews over. */
  g_ptr_array_set_free_func (reviews, NULL);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < reviews->len; i++)
      {
        MuluReviewRow *row = g_object_new (MULU_TYPE_REVIEW_ROW, NULL);

        row->review = g_ptr_array_index (reviews, i);
        g_ptr_array_add (rows, row);
      }
    g_list_store_splice (self->rows, 0, 0, rows->pdata, rows->len);
  }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      adw_status_page_set_title (self->empty, filter == MULU_REVIEW_FILTER_ALL ? _("Nothing to review") : _("No record in this state"));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  update_selection (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  MuluReviewPage *self = data;

  self->refresh_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (MuluReviewPage *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_timeout_add (150, refresh_idle_cb, self);
}

static void
on_filter_changed (MuluReviewPage *self)
{
  reload (self);
}

static void
on_selection_changed (MuluReviewPage *self)
{
  update_selection (self);
}

static GArray *
selected_ids (MuluReviewPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(MuluReviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
      g_array_append_val (ids, row->review->record_id);
    }
  return ids;
}

/**
 * mulu_review_page_approve_selected:
 *
 * Approves every selected record at once, or none when one may not be
 * (the reviewer edited it, say), with the core's reason shown.
 *
 * Returns: whether they were approved
 */
gboolean
mulu_review_page_approve_selected (MuluReviewPage *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (self->catalog == NULL || ids->len == 0)
    return FALSE;
  if (!mulu_review_approve_all (self->catalog, current_entity (self), (const gint64 *) ids->data, ids->len, NULL, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Approved %u record", "Approved %u records", ids->len), ids->len);
  show_message (self, done);
  reload (self);
  return TRUE;
}

static void
on_approve_clicked (MuluReviewPage *self)
{
  mulu_review_page_approve_selected (self);
}

/**
 * mulu_review_page_return_selected:
 * @comment: what the clerk should fix; required
 *
 * Returns: whether the selected record was returned
 */
gboolean
mulu_review_page_return_selected (MuluReviewPage *self,
                                  const char     *comment)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (self->catalog == NULL || ids->len != 1)
    return FALSE;
  if (!mulu_review_return (self->catalog, current_entity (self), g_array_index (ids, gint64, 0), comment, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  show_message (self, _("Returned to the clerk"));
  reload (self);
  return TRUE;
}

static void
on_return_response (AdwMessageDialog *dialog,
                    const char       *response,
                    MuluReviewPage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "comment");

  if (g_strcmp0 (response, "return") == 0)
    mulu_review_page_return_selected (self, gtk_editable_get_text (entry));
  g_object_unref (self);
}

static void
on_comment_changed (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "return", *text != '\0');
}

static void
on_return_clicked (MuluReviewPage *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Return with a Comment"),
                                   _("Say what the clerk should fix; they see the comment on the record."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "return", _("_Return"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "return", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "return");
  g_object_set_data (G_OBJECT (dialog), "comment", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_comment_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_return_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
open_position (MuluReviewPage *self,
               guint           position)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(MuluReviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (row && MULU_IS_WINDOW (root))
    mulu_window_show_record (MULU_WINDOW (root), row->review->entity, row->review->record_id, NULL);
}

static void
on_open_clicked (MuluReviewPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_get_size (selected) == 1)
    open_position (self, gtk_bitset_get_minimum (selected));
}

static void
on_view_activate (MuluReviewPage *self,
                  guint           position)
{
  open_position (self, position);
}

void
mulu_review_page_set_document (MuluReviewPage *self,
                               MuluCatalog    *catalog)
{
  g_return_if_fail (MULU_IS_REVIEW_PAGE (self));

  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_set_object (&self->catalog, catalog);
  if (catalog)
    g_signal_connect_object (catalog, "changed", G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

/**
 * mulu_review_page_refresh:
 *
 * Reads the reviews again: after a submission or reopening, which the
 * catalog does not announce as a record change.
 */
void
mulu_review_page_refresh (MuluReviewPage *self)
{
  g_return_if_fail (MULU_IS_REVIEW_PAGE (self));
  reload (self);
}

void
mulu_review_page_set_filter (MuluReviewPage   *self,
                             MuluEntity        entity,
                             MuluReviewFilter  filter)
{
  g_return_if_fail (MULU_IS_REVIEW_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (entities[i].entity == entity)
      gtk_drop_down_set_selected (self->entity_filter, i);
  gtk_drop_down_set_selected (self->state_filter, filter);
  reload (self);
}

/* — Columns ———————————————————————————————————————————————————————— */

typedef enum { COLUMN_NAME, COLUMN_STATE, COLUMN_REVIEWER, COLUMN_COMMENT } Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  MuluReviewRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  MuluReview *r = row->review;
  g_autofree char *state = NULL;

  switch (GPOINTER_TO_UINT (data))
    {
    case COLUMN_NAME:
      gtk_label_set_text (label, r->name && *r->name ? r->name : r->uid);
      break;
    case COLUMN_STATE:
      state = r->changed ? g_strdup_printf (_("%s, changed"), mulu_review_state_get_label (r->state))
                         : g_strdup (mulu_review_state_get_label (r->state));
      gtk_label_set_text (label, state);
      break;
    case COLUMN_REVIEWER:
      gtk_label_set_text (label, r->reviewer ? r->reviewer : "");
      break;
    case COLUMN_COMMENT:
      gtk_label_set_text (label, r->comment ? r->comment : "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), r->comment);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_column (MuluReviewPage *self,
            Column          column,
            const char     *title,
            int             width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) c = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (column));
  c = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (c, width);
  gtk_column_view_column_set_resizable (c, TRUE);
  gtk_column_view_column_set_expand (c, column == COLUMN_COMMENT);
  gtk_column_view_append_column (self->view, c);
}

/* — GObject ———————————————————————————————————————————————————————— */

static void
mulu_review_page_step_page_set_document (MuluStepPage *page,
                                         MuluCatalog  *catalog,
                                         MuluHistory  *history)
{
  mulu_review_page_set_document (MULU_REVIEW_PAGE (page), catalog);
}

static void
mulu_review_page_step_page_init (MuluStepPageInterface *iface)
{
  iface->set_document = mulu_review_page_step_page_set_document;
}

static void
mulu_review_page_dispose (GObject *object)
{
  MuluReviewPage *self = MULU_REVIEW_PAGE (object);

  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_object (&self->catalog);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_REVIEW_PAGE);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (mulu_review_page_parent_class)->dispose (object);
}

static void
mulu_review_page_class_init (MuluReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mulu_review_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, status_title);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, status_detail);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, submit);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, reopen);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, entity_filter);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, counts);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, view);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, selection);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, empty);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, selected_label);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, open_record);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, return_button);
  gtk_widget_class_bind_template_child (widget_class, MuluReviewPage, approve);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_approve_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_return_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_view_activate);
}

static void
mulu_review_page_init (MuluReviewPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (MULU_TYPE_REVIEW_ROW);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    gtk_string_list_append (kinds, _(entities[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (filter_labels); i++)
    gtk_string_list_append (states, _(filter_labels[i]));
  gtk_drop_down_set_model (self->entity_filter, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (states));

  add_column (self, COLUMN_NAME, _("Name"), 240);
  add_column (self, COLUMN_STATE, _("Review"), 120);
  add_column (self, COLUMN_REVIEWER, _("Reviewer"), 90);
  add_column (self, COLUMN_COMMENT, _("Comment"), 200);
  reload (self);
}

GtkWidget *
mulu_review_page_new (void)
{
  return g_object_new (MULU_TYPE_REVIEW_PAGE, NULL);
}
