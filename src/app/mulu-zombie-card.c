/* mulu-zombie-card.c — one system in step 5: evidence and decision
 *
 * A card shows what it is given (mulu_zombie_card_update) and stores what
 * the clerk decides through the session history, one transaction and one
 * undo step per decision. Decisions read the review as stored, not as last
 * shown: the page updates its cards when idle, and a clerk may be quicker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-zombies-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-window.h"
#include "mulu-zombie-card.h"

struct _MuluZombieCard
{
  GtkBox               parent_instance;

  MuluCatalog         *catalog;   /* NULL once detached */
  MuluHistory         *history;
  gint64               id;
  char                *name;
  gboolean             loading;

  GtkLabel            *title;
  GtkLabel            *state;
  AdwPreferencesGroup *evidence;
  GPtrArray           *hit_rows;
  char                *evidence_text;
  GtkButton           *open;
  AdwEntryRow         *note;
  AdwActionRow        *decision;
  GtkButton           *confirm;
  GtkButton           *reject;
  AdwComboRow         *disposition;
  AdwEntryRow         *date;
  GtkLabel            *message;
  AdwPreferencesGroup *shared;
  GPtrArray           *shared_rows;
};

G_DEFINE_FINAL_TYPE (MuluZombieCard, mulu_zombie_card, GTK_TYPE_BOX)

/* The dispositions of domain.md §4, from the catalog's code table. */
static GPtrArray *
dispositions (MuluZombieCard *card)
{
  return card->catalog ? mulu_codes_list (mulu_catalog_get_codes (card->catalog), "zombie_disposition", NULL) : NULL;
}

static MuluWindow *
window_of (MuluZombieCard *card)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (card), MULU_TYPE_WINDOW);

  return window ? MULU_WINDOW (window) : NULL;
}

/* — Decisions ——————————————————————————————————————————————————————— */

static const char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text && *text ? text : NULL;
}

static void
show_message (MuluZombieCard *card,
              const char     *text,
              gboolean        error)
{
  gtk_label_set_text (card->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (card->message), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (card->message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (card->message), "error");
}

/* One decision, one transaction, one step to undo. */
static gboolean
decide (MuluZombieCard *card,
        const char     *decision,
        const char     *disposition,
        const char     *planned_date,
        const char     *note)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (card->catalog == NULL)
    return FALSE;
  if (card->history)
    ok = mulu_history_set_zombie_review (card->history, card->id, decision, disposition, planned_date, note, &error);
  else
    ok = mulu_zombie_set_review (card->catalog, card->id, decision, disposition, planned_date, note, &error);
  if (!ok)
    show_message (card, error->message, TRUE);
  return ok;
}

/* As stored now: the card may not have caught up with the last change. */
static MuluZombieReview *
current_review (MuluZombieCard *card)
{
  if (card->catalog == NULL)
    return g_new0 (MuluZombieReview, 1);
  return mulu_zombie_get_review (card->catalog, card->id);
}

static void
on_confirm_clicked (MuluZombieCard *card)
{
  g_autoptr(MuluZombieReview) r = current_review (card);

  if (!decide (card, "confirmed", r->disposition, r->planned_date, entry_text (card->note)))
    return;
  /* What a confirmed zombie needs next, at once: the card itself is
   * updated only when the page is idle. */
  gtk_widget_set_visible (GTK_WIDGET (card->disposition), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (card->date), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (card->disposition));
}

static void
on_reject_clicked (MuluZombieCard *card)
{
  /* A system that is no zombie has no disposition. */
  decide (card, "rejected", NULL, NULL, entry_text (card->note));
}

static void
commit_note (MuluZombieCard *card)
{
  g_autoptr(MuluZombieReview) r = NULL;

  if (card->loading)
    return;
  r = current_review (card);
  if (g_strcmp0 (entry_text (card->note), r->note) == 0)
    return;
  decide (card, r->decision, r->disposition, r->planned_date, entry_text (card->note));
}

static void
commit_date (MuluZombieCard *card)
{
  g_autoptr(MuluZombieReview) r = NULL;
  const char *text = entry_text (card->date);
  g_autofree char *date = NULL;

  if (card->loading)
    return;
  r = current_review (card);
  if (text && (date = mulu_date_normalize (text)) == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a date; write it as 2027-06-30."), text);
      gtk_widget_add_css_class (GTK_WIDGET (card->date), "error");
      show_message (card, msg, TRUE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (card->date), "error");
  if (g_strcmp0 (date, r->planned_date) == 0)
    {
      /* 2027/6/30 shown as stored. */
      if (date && g_strcmp0 (text, date) != 0)
        {
          card->loading = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (card->date), date);
          card->loading = FALSE;
        }
      return;
    }
  decide (card, r->decision, r->disposition, date, entry_text (card->note));
}

static void
on_disposition_selected (MuluZombieCard *card)
{
  g_autoptr(MuluZombieReview) r = NULL;
  guint i = adw_combo_row_get_selected (card->disposition);
  GPtrArray *values = dispositions (card);
  const char *value = NULL;

  if (card->loading || values == NULL)
    return;
  r = current_review (card);
  if (i != GTK_INVALID_LIST_POSITION && i > 0 && i - 1 < values->len)
    value = ((MuluCodeEntry *) g_ptr_array_index (values, i - 1))->value;
  if (g_strcmp0 (value, r->disposition) == 0)
    return;
  decide (card, r->decision, value, r->planned_date, entry_text (card->note));
}

static void
on_open_clicked (MuluZombieCard *card)
{
  MuluWindow *window = window_of (card);

  if (window)
    mulu_window_show_record (window, MULU_ENTITY_SYSTEM, card->id, NULL);
}

static void
on_open_resource_clicked (GtkButton      *button,
                          MuluZombieCard *card)
{
  MuluWindow *window = window_of (card);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "resource-id"));

  if (window)
    mulu_window_show_record (window, MULU_ENTITY_RESOURCE, id, "share_type");
}

/* Text typed and left is kept, as in the record editor. */
static void
add_focus_leave (GtkWidget      *widget,
                 GCallback       callback,
                 MuluZombieCard *card)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", callback, card);
  gtk_widget_add_controller (widget, focus);
}

/* — Building a card ————————————————————————————————————————————————— */

MuluZombieCard *
mulu_zombie_card_new (MuluCatalog *catalog,
                      MuluHistory *history,
                      gint64       system_id)
{
  MuluZombieCard *card = g_object_new (MULU_TYPE_ZOMBIE_CARD,
                                       "orientation", GTK_ORIENTATION_VERTICAL,
                                       "spacing", 12,
                                       NULL);
  AdwPreferencesGroup *decision_group;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *values;
  GtkWidget *buttons, *header, *titles;

  card->catalog = g_object_ref (catalog);
  card->history = history ? g_object_ref (history) : NULL;
  card->id = system_id;
  values = dispositions (card);

  /* The system's name large, why it is here, and the way to its record. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (titles, TRUE);
  card->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (card->title, 0);
  gtk_label_set_wrap (card->title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (card->title), "title-4");
  card->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (card->state, 0);
  gtk_label_set_wrap (card->state, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (card->state), "dim-label");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (card->title));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (card->state));
  card->open = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Open Record")));
  gtk_widget_set_valign (GTK_WIDGET (card->open), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (card->open, "clicked", G_CALLBACK (on_open_clicked), card);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (card->open));
  gtk_box_append (GTK_BOX (card), header);

  card->evidence = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (card->evidence));

  decision_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  card->note = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (card->note), _("Note (why)"));
  adw_entry_row_set_show_apply_button (card->note, TRUE);
  g_signal_connect_swapped (card->note, "apply", G_CALLBACK (commit_note), card);
  g_signal_connect_swapped (card->note, "entry-activated", G_CALLBACK (commit_note), card);
  add_focus_leave (GTK_WIDGET (card->note), G_CALLBACK (commit_note), card);
  adw_preferences_group_add (decision_group, GTK_WIDGET (card->note));

  card->decision = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (card->decision), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (card->decision), _("Decision"));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  card->reject = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Not a Zombie")));
  card->confirm = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Confirm as Zombie")));
  gtk_widget_add_css_class (GTK_WIDGET (card->confirm), "destructive-action");
  g_signal_connect_swapped (card->reject, "clicked", G_CALLBACK (on_reject_clicked), card);
  g_signal_connect_swapped (card->confirm, "clicked", G_CALLBACK (on_confirm_clicked), card);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (card->reject));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (card->confirm));
  adw_action_row_add_suffix (card->decision, buttons);
  adw_preferences_group_add (decision_group, GTK_WIDGET (card->decision));

  gtk_string_list_append (labels, _("Not chosen"));
  for (guint i = 0; values && i < values->len; i++)
    gtk_string_list_append (labels, ((MuluCodeEntry *) g_ptr_array_index (values, i))->label);
  card->disposition = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (card->disposition), _("Disposition"));
  adw_combo_row_set_model (card->disposition, G_LIST_MODEL (labels));
  g_signal_connect_swapped (card->disposition, "notify::selected", G_CALLBACK (on_disposition_selected), card);
  adw_preferences_group_add (decision_group, GTK_WIDGET (card->disposition));

  card->date = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (card->date), _("Planned completion date"));
  adw_entry_row_set_show_apply_button (card->date, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (card->date), _("A date such as 2027-06-30, 2027/6/30 or 2027年6月30日"));
  g_signal_connect_swapped (card->date, "apply", G_CALLBACK (commit_date), card);
  g_signal_connect_swapped (card->date, "entry-activated", G_CALLBACK (commit_date), card);
  add_focus_leave (GTK_WIDGET (card->date), G_CALLBACK (commit_date), card);
  adw_preferences_group_add (decision_group, GTK_WIDGET (card->date));

  /* Not a row: it shows under the fields, as a field's message does. */
  card->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (card->message, 0);
  gtk_label_set_wrap (card->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (card->message), "field-message");
  gtk_widget_set_visible (GTK_WIDGET (card->message), FALSE);
  adw_preferences_group_add (decision_group, GTK_WIDGET (card->message));
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (decision_group));

  card->shared = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (card->shared, _("Resources Still Shared Unconditionally"));
  gtk_widget_set_visible (GTK_WIDGET (card->shared), FALSE);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (card->shared));

  return card;
}

/* Group titles and descriptions are markup; names and findings are not. */
static void
set_group_description (AdwPreferencesGroup *group,
                       const char          *text)
{
  g_autofree char *escaped = text ? g_markup_escape_text (text, -1) : NULL;

  adw_preferences_group_set_description (group, escaped);
}

const MuluFinding *
mulu_zombie_find_rule (GPtrArray  *findings,
                       const char *rule)
{
  for (guint i = 0; findings && i < findings->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (findings, i);
      if (g_strcmp0 (f->rule, rule) == 0)
        return f;
    }
  return NULL;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  /* What the clerk is typing is not overwritten. */
  if (gtk_widget_has_focus (GTK_WIDGET (row)) || gtk_widget_get_focus_child (GTK_WIDGET (row)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
update_evidence (MuluZombieCard        *card,
                 const MuluZombieState *st)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < st->hits->len; i++)
    {
      MuluZombieHit *h = g_ptr_array_index (st->hits, i);
      g_string_append_printf (text, "%s: %s\n", mulu_zombie_criterion_label (h->criterion), h->reason);
    }
  if (g_strcmp0 (text->str, card->evidence_text) == 0)
    return;
  g_free (card->evidence_text);
  card->evidence_text = g_strdup (text->str);

  for (guint i = 0; i < card->hit_rows->len; i++)
    adw_preferences_group_remove (card->evidence, g_ptr_array_index (card->hit_rows, i));
  g_ptr_array_set_size (card->hit_rows, 0);
  for (guint i = 0; i < st->hits->len; i++)
    {
      MuluZombieHit *h = g_ptr_array_index (st->hits, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      /* Evidence is plain text: "O&M" is no markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mulu_zombie_criterion_label (h->criterion));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), h->reason);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (card->evidence, row);
      g_ptr_array_add (card->hit_rows, row);
    }
  if (st->hits->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Meets none of the five criteria with the thresholds in use"));
      adw_preferences_group_add (card->evidence, row);
      g_ptr_array_add (card->hit_rows, row);
    }
}

static void
update_shared (MuluZombieCard        *card,
               const MuluZombieState *st)
{
    const MuluFinding *s6 = mulu_zombie_find_rule (st->findings, "S6");
  gboolean show = g_strcmp0 (st->review->decision, "confirmed") == 0 && st->shared && st->shared->len > 0;

  for (guint i = 0; i < card->shared_rows->len; i++)
    adw_preferences_group_remove (card->shared, g_ptr_array_index (card->shared_rows, i));
  g_ptr_array_set_size (card->shared_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (card->shared), show);
  if (!show)
    return;
  set_group_description (card->shared, s6 ? s6->message : NULL);
  for (guint i = 0; i < st->shared->len; i++)
    {
      gint64 id = g_array_index (st->shared, gint64, i);
      g_autoptr(MuluRecord) resource = mulu_catalog_get (card->catalog, MULU_ENTITY_RESOURCE, id, NULL);
      g_autofree char *a11y = NULL;
      GtkWidget *row, *button;

      if (resource == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mulu_record_get_name (resource));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mulu_record_get_string (resource, MULU_RESOURCE_CODE));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      button = gtk_button_new_with_mnemonic (_("_Open"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: %s is the name of a resource */
      a11y = g_strdup_printf (_("Open resource “%s”"), mulu_record_get_name (resource));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_object_set_data (G_OBJECT (button), "resource-id", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_resource_clicked), card);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (card->shared, row);
      g_ptr_array_add (card->shared_rows, row);
    }
}

/* "Confirmed by 陈晓玲, 2026-11-22" */
static char *
decided_text (MuluZombieReview *r)
{
  g_autofree char *day = r->decided_at ? g_strndup (r->decided_at, 10) : NULL;

  if (g_strcmp0 (r->decision, "confirmed") == 0)
    return r->decided_by ? g_strdup_printf (_("Confirmed as a zombie by %s on %s"), r->decided_by, day ? day : "")
                         : g_strdup (_("Confirmed as a zombie"));
  if (g_strcmp0 (r->decision, "rejected") == 0)
    return r->decided_by ? g_strdup_printf (_("Not a zombie, decided by %s on %s"), r->decided_by, day ? day : "")
                         : g_strdup (_("Not a zombie"));
  return g_strdup (_("Not decided yet: confirm or reject it"));
}

void
mulu_zombie_card_update (MuluZombieCard        *card,
                         const MuluZombieState *st)
{
  MuluZombieReview *r = st->review;
  gboolean confirmed = g_strcmp0 (r->decision, "confirmed") == 0;
  gboolean rejected = g_strcmp0 (r->decision, "rejected") == 0;
  const char *name = mulu_record_get_name (st->system);
  g_autofree char *state = decided_text (r);
  g_autoptr(GString) findings = g_string_new (NULL);
  GPtrArray *values = dispositions (card);
  guint selected = 0;

  card->loading = TRUE;
  if (g_strcmp0 (card->name, name) != 0)
    {
      g_free (card->name);
      card->name = g_strdup (name && *name ? name : _("Untitled"));
      gtk_label_set_text (card->title, card->name);
      /* End-to-end tests and screen readers tell the cards apart by name. */
#define NAME_CONTROL(widget, fmt) \
      G_STMT_START { \
        g_autofree char *label_ = g_strdup_printf (fmt, card->name); \
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label_, -1); \
      } G_STMT_END
      /* Translators: %s is the name of a system, in the accessible names of the zombie step's controls */
      NAME_CONTROL (card->open, _("Open the record of “%s”"));
      NAME_CONTROL (card->note, _("Note on “%s”"));
      NAME_CONTROL (card->confirm, _("Confirm “%s” as a zombie"));
      NAME_CONTROL (card->reject, _("“%s” is not a zombie"));
      NAME_CONTROL (card->disposition, _("Disposition of “%s”"));
      NAME_CONTROL (card->date, _("Planned completion date of “%s”"));
#undef NAME_CONTROL
    }
  /* The header says why it is here; the decision row, what was decided. */
  if (st->hits->len > 0)
    {
      g_autofree char *why = g_strdup_printf (_("Meets %u of the five criteria"), st->hits->len);
      gtk_label_set_text (card->state, why);
    }
  else
    gtk_label_set_text (card->state, _("Meets none of the five criteria with the thresholds in use"));
  update_evidence (card, st);

  set_entry (card->note, r->note);
  adw_action_row_set_subtitle (card->decision, state);
  gtk_widget_set_sensitive (GTK_WIDGET (card->confirm), !confirmed);
  gtk_widget_set_sensitive (GTK_WIDGET (card->reject), !rejected);

  for (guint i = 0; values && r->disposition && i < values->len; i++)
    if (g_strcmp0 (((MuluCodeEntry *) g_ptr_array_index (values, i))->value, r->disposition) == 0)
      selected = i + 1;
  if (adw_combo_row_get_selected (card->disposition) != selected)
    adw_combo_row_set_selected (card->disposition, selected);
  set_entry (card->date, r->planned_date);
  gtk_widget_set_visible (GTK_WIDGET (card->disposition), confirmed);
  gtk_widget_set_visible (GTK_WIDGET (card->date), confirmed);

  /* S2 stays under the fields until the disposition and date are given. */
  for (guint i = 0; st->findings && i < st->findings->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (st->findings, i);
      if (g_strcmp0 (f->rule, "S2") == 0)
        g_string_append_printf (findings, "%s%s", findings->len ? "\n" : "", f->message);
    }
  show_message (card, findings->len ? findings->str : NULL, TRUE);
  if (findings->len)
    gtk_accessible_update_property (GTK_ACCESSIBLE (card->date), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, findings->str, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (card->date), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  update_shared (card, st);

  card->loading = FALSE;
}

void
mulu_zombie_state_free (MuluZombieState *st)
{
  if (st == NULL)
    return;
  g_clear_object (&st->system);
  g_clear_pointer (&st->hits, g_ptr_array_unref);
  g_clear_pointer (&st->review, mulu_zombie_review_free);
  g_clear_pointer (&st->findings, g_ptr_array_unref);
  g_clear_pointer (&st->shared, g_array_unref);
  g_free (st);
}

/* — Public ———————————————————————————————————————————————————————————— */

void
mulu_zombie_card_detach (MuluZombieCard *card)
{
  g_return_if_fail (MULU_IS_ZOMBIE_CARD (card));

  card->loading = TRUE;
  g_clear_object (&card->catalog);
  g_clear_object (&card->history);
}

gint64
mulu_zombie_card_get_system_id (MuluZombieCard *card)
{
  g_return_val_if_fail (MULU_IS_ZOMBIE_CARD (card), 0);
  return card->id;
}

const char *
mulu_zombie_card_get_evidence (MuluZombieCard *card)
{
  g_return_val_if_fail (MULU_IS_ZOMBIE_CARD (card), NULL);
  return card->evidence_text;
}

GtkWidget *
mulu_zombie_card_get_control (MuluZombieCard *card,
                              const char     *name)
{
  g_return_val_if_fail (MULU_IS_ZOMBIE_CARD (card), NULL);

  if (g_str_equal (name, "note"))
    return GTK_WIDGET (card->note);
  if (g_str_equal (name, "confirm"))
    return GTK_WIDGET (card->confirm);
  if (g_str_equal (name, "reject"))
    return GTK_WIDGET (card->reject);
  if (g_str_equal (name, "disposition"))
    return GTK_WIDGET (card->disposition);
  if (g_str_equal (name, "date"))
    return GTK_WIDGET (card->date);
  if (g_str_equal (name, "message"))
    return GTK_WIDGET (card->message);
  if (g_str_equal (name, "shared"))
    return GTK_WIDGET (card->shared);
  if (g_str_equal (name, "open"))
    return GTK_WIDGET (card->open);
  g_return_val_if_reached (NULL);
}

/* — GObject ——————————————————————————————————————————————————————————— */

static void
mulu_zombie_card_dispose (GObject *object)
{
  /* Its fields losing the focus as they go must not store anything. */
  mulu_zombie_card_detach (MULU_ZOMBIE_CARD (object));

  G_OBJECT_CLASS (mulu_zombie_card_parent_class)->dispose (object);
}

static void
mulu_zombie_card_finalize (GObject *object)
{
  MuluZombieCard *card = MULU_ZOMBIE_CARD (object);

  g_free (card->name);
  g_free (card->evidence_text);
  g_ptr_array_unref (card->hit_rows);
  g_ptr_array_unref (card->shared_rows);

  G_OBJECT_CLASS (mulu_zombie_card_parent_class)->finalize (object);
}

static void
mulu_zombie_card_class_init (MuluZombieCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mulu_zombie_card_dispose;
  object_class->finalize = mulu_zombie_card_finalize;
}

static void
mulu_zombie_card_init (MuluZombieCard *card)
{
  card->hit_rows = g_ptr_array_new ();
  card->shared_rows = g_ptr_array_new ();
}
