/* mulu-zombies-page.c — step 5: the suspected zombie systems
 *
 * Each system is a card: its evidence (the criteria it meets, in words),
 * the clerk's decision with a note, and for a confirmed zombie the
 * disposition and planned date, the S2 finding under them until both are
 * given, and the resources still shared unconditionally (S6).
 *
 * Cards are updated in place when the catalog changes, so a decision never
 * takes the keyboard focus away; a card stays where it is after its
 * decision (confirming one among those to decide does not make it vanish
 * before the disposition is chosen) until the filter is chosen again or
 * the page is shown anew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-zombies-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-step-page.h"
#include "mulu-window.h"
#include "mulu-zombies-page.h"

typedef struct _Card Card;

struct _MuluZombiesPage
{
  AdwBin            parent_instance;

  MuluCatalog      *catalog;
  MuluHistory      *history;
  MuluZombiesFilter filter;
  GHashTable       *cards;        /* system id → Card */
  GArray           *order;        /* system ids of the cards, as shown */
  guint             refresh_idle;
  char             *progress;
  guint             n_errors;
  guint             n_warnings;

  GtkStack         *stack;
  AdwStatusPage    *empty;
  GtkToggleButton  *filter_pending;
  GtkToggleButton  *filter_confirmed;
  GtkToggleButton  *filter_rejected;
  GtkLabel         *thresholds_label;
  GtkBox           *cards_box;
  GtkLabel         *filter_empty;
};

static void mulu_zombies_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluZombiesPage, mulu_zombies_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_zombies_page_step_page_init))

enum { PROP_0, PROP_PROGRESS, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* What one system is, as read from the catalog at one refresh. */
typedef struct {
  MuluRecord       *system;
  GPtrArray        *hits;      /* MuluZombieHit */
  MuluZombieReview *review;
  GPtrArray        *findings;  /* MuluFinding: its S2 and S6 */
  GArray           *shared;    /* ids of resources still 无条件共享 */
} State;

static void
state_free (State *st)
{
  g_clear_object (&st->system);
  g_clear_pointer (&st->hits, g_ptr_array_unref);
  g_clear_pointer (&st->review, mulu_zombie_review_free);
  g_clear_pointer (&st->findings, g_ptr_array_unref);
  g_clear_pointer (&st->shared, g_array_unref);
  g_free (st);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (State, state_free)

struct _Card
{
  MuluZombiesPage     *page;
  gint64               id;
  char                *name;
  gboolean             loading;

  GtkWidget           *box;
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

static void
card_free (Card *card)
{
  g_free (card->name);
  g_free (card->evidence_text);
  g_ptr_array_unref (card->hit_rows);
  g_ptr_array_unref (card->shared_rows);
  g_free (card);
}

/* The dispositions of domain.md §4, from the catalog's code table. */
static GPtrArray *
dispositions (MuluZombiesPage *self)
{
  return self->catalog ? mulu_codes_list (mulu_catalog_get_codes (self->catalog), "zombie_disposition", NULL) : NULL;
}

static MuluWindow *
window_of (MuluZombiesPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), MULU_TYPE_WINDOW);

  return window ? MULU_WINDOW (window) : NULL;
}

static void queue_refresh (MuluZombiesPage *self);

/* — Decisions ——————————————————————————————————————————————————————— */

static const char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text && *text ? text : NULL;
}

static void
show_message (Card       *card,
              const char *text,
              gboolean    error)
{
  gtk_label_set_text (card->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (card->message), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (card->message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (card->message), "error");
}

/* One decision, one transaction, one step to undo. */
static void
decide (Card       *card,
        const char *decision,
        const char *disposition,
        const char *planned_date,
        const char *note)
{
  MuluZombiesPage *self = card->page;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->catalog == NULL)
    return;
  if (self->history)
    ok = mulu_history_set_zombie_review (self->history, card->id, decision, disposition, planned_date, note, &error);
  else
    ok = mulu_zombie_set_review (self->catalog, card->id, decision, disposition, planned_date, note, &error);
  if (!ok)
    show_message (card, error->message, TRUE);
}

/* As stored now: the card may not have caught up with the last change. */
static MuluZombieReview *
current_review (Card *card)
{
  if (card->page->catalog == NULL)
    return g_new0 (MuluZombieReview, 1);
  return mulu_zombie_get_review (card->page->catalog, card->id);
}

static void
on_confirm_clicked (Card *card)
{
  g_autoptr(MuluZombieReview) r = current_review (card);

  decide (card, "confirmed", r->disposition, r->planned_date, entry_text (card->note));
  /* What a confirmed zombie needs next. */
  gtk_widget_grab_focus (GTK_WIDGET (card->disposition));
}

static void
on_reject_clicked (Card *card)
{
  /* A system that is no zombie has no disposition. */
  decide (card, "rejected", NULL, NULL, entry_text (card->note));
}

static void
commit_note (Card *card)
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
commit_date (Card *card)
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
      queue_refresh (card->page);
      return;
    }
  decide (card, r->decision, r->disposition, date, entry_text (card->note));
}

static void
on_disposition_selected (Card *card)
{
  g_autoptr(MuluZombieReview) r = NULL;
  guint i = adw_combo_row_get_selected (card->disposition);
  GPtrArray *values = dispositions (card->page);
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
on_open_clicked (Card *card)
{
  MuluWindow *window = window_of (card->page);

  if (window)
    mulu_window_show_record (window, MULU_ENTITY_SYSTEM, card->id, NULL);
}

static void
on_open_resource_clicked (GtkButton *button,
                          Card      *card)
{
  MuluWindow *window = window_of (card->page);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "resource-id"));

  if (window)
    mulu_window_show_record (window, MULU_ENTITY_RESOURCE, id, "share_type");
}

/* Text typed and left is kept, as in the record editor. */
static void
add_focus_leave (GtkWidget *widget,
                 GCallback  callback,
                 Card      *card)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", callback, card);
  gtk_widget_add_controller (widget, focus);
}

/* — Building a card ————————————————————————————————————————————————— */

static Card *
card_new (MuluZombiesPage *self,
          gint64           id)
{
  Card *card = g_new0 (Card, 1);
  AdwPreferencesGroup *decision_group;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *values = dispositions (self);
  GtkWidget *buttons, *header, *titles;

  card->page = self;
  card->id = id;
  card->hit_rows = g_ptr_array_new ();
  card->shared_rows = g_ptr_array_new ();
  card->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  /* A header of its own rather than the group's title and header suffix,
   * which libadwaita 1.2 unparents twice when disposed. */
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
  gtk_box_append (GTK_BOX (card->box), header);

  card->evidence = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_box_append (GTK_BOX (card->box), GTK_WIDGET (card->evidence));

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
  gtk_box_append (GTK_BOX (card->box), GTK_WIDGET (decision_group));

  card->shared = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (card->shared, _("Resources Still Shared Unconditionally"));
  gtk_widget_set_visible (GTK_WIDGET (card->shared), FALSE);
  gtk_box_append (GTK_BOX (card->box), GTK_WIDGET (card->shared));

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

static const MuluFinding *
find_rule (GPtrArray  *findings,
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
update_evidence (Card  *card,
                 State *st)
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
update_shared (Card  *card,
               State *st)
{
  MuluZombiesPage *self = card->page;
  const MuluFinding *s6 = find_rule (st->findings, "S6");
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
      g_autoptr(MuluRecord) resource = mulu_catalog_get (self->catalog, MULU_ENTITY_RESOURCE, id, NULL);
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

static void
card_update (Card  *card,
             State *st)
{
  MuluZombiesPage *self = card->page;
  MuluZombieReview *r = st->review;
  gboolean confirmed = g_strcmp0 (r->decision, "confirmed") == 0;
  gboolean rejected = g_strcmp0 (r->decision, "rejected") == 0;
  const char *name = mulu_record_get_name (st->system);
  g_autofree char *state = decided_text (r);
  g_autoptr(GString) findings = g_string_new (NULL);
  GPtrArray *values = dispositions (self);
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

/* — Refreshing ——————————————————————————————————————————————————————— */

static gboolean
in_filter (MuluZombiesFilter  filter,
           State             *st)
{
  const char *d = st->review->decision;

  switch (filter)
    {
    case MULU_ZOMBIES_PENDING:
      return d == NULL && st->hits->len > 0;
    case MULU_ZOMBIES_CONFIRMED:
      return g_strcmp0 (d, "confirmed") == 0;
    case MULU_ZOMBIES_REJECTED:
      return g_strcmp0 (d, "rejected") == 0;
    default:
      return FALSE;
    }
}

static void
set_progress (MuluZombiesPage *self,
              const char      *progress,
              guint            n_errors,
              guint            n_warnings)
{
  if (g_strcmp0 (self->progress, progress) == 0 && self->n_errors == n_errors && self->n_warnings == n_warnings)
    return;
  g_free (self->progress);
  self->progress = g_strdup (progress);
  self->n_errors = n_errors;
  self->n_warnings = n_warnings;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
update_thresholds_label (MuluZombiesPage *self)
{
  MuluZombieThresholds t;
  g_autofree char *text = NULL;
  g_autofree char *util = NULL;
  g_auto(GStrv) rare = NULL;
  g_autofree char *rare_text = NULL;

  mulu_zombie_thresholds_load (self->catalog, &t);
  util = g_strdup_printf ("%g", t.min_utilization);
  rare = g_strsplit (t.rare_frequencies ? t.rare_frequencies : "", ",", -1);
  rare_text = g_strjoinv ("、", rare);
  text = g_strdup_printf (_("No business use for %d months or more · no login for %d months or more · "
                            "resource utilisation below %s %% · no update for %d months or more · "
                            "%d users or fewer, used %s. Stored in the catalog, so a reviewer sees the same result."),
                          t.business_idle_months, t.login_idle_months, util, t.update_idle_months, t.max_users, rare_text);
  gtk_label_set_text (self->thresholds_label, text);
  mulu_zombie_thresholds_clear (&t);
}

static void
update_filter_labels (MuluZombiesPage *self,
                      const guint      counts[3])
{
  g_autofree char *p = g_strdup_printf (_("To _Decide (%u)"), counts[MULU_ZOMBIES_PENDING]);
  g_autofree char *c = g_strdup_printf (_("_Confirmed (%u)"), counts[MULU_ZOMBIES_CONFIRMED]);
  g_autofree char *r = g_strdup_printf (_("_Rejected (%u)"), counts[MULU_ZOMBIES_REJECTED]);

  gtk_button_set_label (GTK_BUTTON (self->filter_pending), p);
  gtk_button_set_label (GTK_BUTTON (self->filter_confirmed), c);
  gtk_button_set_label (GTK_BUTTON (self->filter_rejected), r);
}

static void
remove_card (MuluZombiesPage *self,
             gint64           id)
{
  Card *card = g_hash_table_lookup (self->cards, &id);

  if (card == NULL)
    return;
  /* Leaving a focused field as it goes must not store anything. */
  card->loading = TRUE;
  gtk_box_remove (self->cards_box, card->box);
  g_hash_table_remove (self->cards, &id);
}

static void
clear_cards (MuluZombiesPage *self)
{
  for (guint i = 0; i < self->order->len; i++)
    remove_card (self, g_array_index (self->order, gint64, i));
  g_array_set_size (self->order, 0);
}

/* Reads every system, decides which cards show and updates them. With
 * refilter, exactly those in the filter show; otherwise cards already
 * shown stay (see the top of the file). */
static void
refresh (MuluZombiesPage *self,
         gboolean         refilter)
{
  g_autoptr(MuluRecordList) systems = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GArray) shown = NULL;
  g_autofree char *today = NULL;
  g_autofree char *progress = NULL;
  MuluZombieThresholds t;
  guint counts[3] = { 0 }, n_suspected = 0, n_errors = 0, n_warnings = 0;
  guint n;
  GtkWidget *previous = NULL;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->catalog == NULL || !mulu_catalog_is_open (self->catalog))
    {
      clear_cards (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_progress (self, NULL, 0, 0);
      return;
    }

  today = mulu_rules_dup_today ();
  mulu_zombie_thresholds_load (self->catalog, &t);
  systems = mulu_record_list_new (self->catalog, MULU_ENTITY_SYSTEM);
  n = g_list_model_get_n_items (G_LIST_MODEL (systems));
  states = g_ptr_array_new_with_free_func ((GDestroyNotify) state_free);
  shown = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(State) st = g_new0 (State, 1);
      gint64 id;
      gboolean confirmed;

      st->system = g_list_model_get_item (G_LIST_MODEL (systems), i);
      id = mulu_record_get_id (st->system);
      st->hits = mulu_zombie_assess (self->catalog, st->system, &t, today);
      st->review = mulu_zombie_get_review (self->catalog, id);
      if (st->hits->len == 0 && st->review->decision == NULL)
        {
          /* No longer a suspect: its card goes at the next filtering. */
          if (g_hash_table_contains (self->cards, &id) && !refilter)
            {
              g_array_append_val (shown, id);
              g_ptr_array_add (states, g_steal_pointer (&st));
            }
          continue;
        }
      n_suspected += st->hits->len > 0;
      confirmed = g_strcmp0 (st->review->decision, "confirmed") == 0;
      if (confirmed)
        {
          st->findings = mulu_findings_for_record (self->catalog, MULU_ENTITY_SYSTEM, id, NULL);
          st->shared = mulu_zombie_list_shared_resources (self->catalog, id, NULL);
          n_errors += find_rule (st->findings, "S2") != NULL;
          n_warnings += find_rule (st->findings, "S6") != NULL;
        }
      for (MuluZombiesFilter f = MULU_ZOMBIES_PENDING; f <= MULU_ZOMBIES_REJECTED; f++)
        counts[f] += in_filter (f, st);
      if (in_filter (self->filter, st) || (!refilter && g_hash_table_contains (self->cards, &id)))
        {
          g_array_append_val (shown, id);
          g_ptr_array_add (states, g_steal_pointer (&st));
        }
    }
  mulu_zombie_thresholds_clear (&t);

  /* Cards not shown any more go; the others are updated in order. */
  for (guint i = 0; i < self->order->len; i++)
    {
      gint64 id = g_array_index (self->order, gint64, i);
      gboolean keep = FALSE;

      for (guint k = 0; k < shown->len && !keep; k++)
        keep = g_array_index (shown, gint64, k) == id;
      if (!keep)
        remove_card (self, id);
    }
  for (guint k = 0; k < shown->len; k++)
    {
      gint64 id = g_array_index (shown, gint64, k);
      Card *card = g_hash_table_lookup (self->cards, &id);

      if (card == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = id;
          card = card_new (self, id);
          g_hash_table_insert (self->cards, key, card);
          gtk_box_insert_child_after (self->cards_box, card->box, previous);
        }
      else
        gtk_box_reorder_child_after (self->cards_box, card->box, previous);
      card_update (card, g_ptr_array_index (states, k));
      previous = card->box;
    }
  g_array_set_size (self->order, 0);
  g_array_append_vals (self->order, shown->data, shown->len);

  update_filter_labels (self, counts);
  update_thresholds_label (self);
  gtk_stack_set_visible_child_name (self->stack, n_suspected + counts[MULU_ZOMBIES_CONFIRMED] + counts[MULU_ZOMBIES_REJECTED] > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->filter_empty), shown->len == 0);
  switch (self->filter)
    {
    case MULU_ZOMBIES_PENDING:
      gtk_label_set_text (self->filter_empty, _("Every suspected system has been decided."));
      break;
    case MULU_ZOMBIES_CONFIRMED:
      gtk_label_set_text (self->filter_empty, _("No system has been confirmed as a zombie."));
      break;
    case MULU_ZOMBIES_REJECTED:
    default:
      gtk_label_set_text (self->filter_empty, _("No suspected system has been rejected."));
      break;
    }

  if (counts[MULU_ZOMBIES_PENDING] > 0)
    progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to decide", "%u to decide", counts[MULU_ZOMBIES_PENDING]),
                                counts[MULU_ZOMBIES_PENDING]);
  else if (n_suspected + counts[MULU_ZOMBIES_CONFIRMED] + counts[MULU_ZOMBIES_REJECTED] == 0)
    progress = g_strdup (_("None suspected"));
  else
    progress = g_strdup (_("All decided"));
  set_progress (self, progress, n_errors, n_warnings);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  MuluZombiesPage *self = data;

  self->refresh_idle = 0;
  refresh (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (MuluZombiesPage *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
on_catalog_changed (MuluCatalog     *catalog,
                    guint            entity,
                    gint64           id,
                    guint            change,
                    MuluZombiesPage *self)
{
  /* Evidence lives on systems; S6 on their resources. */
  if (entity == MULU_ENTITY_SYSTEM || entity == MULU_ENTITY_RESOURCE)
    queue_refresh (self);
}

static void
on_filter_toggled (MuluZombiesPage *self,
                   GtkToggleButton *button)
{
  MuluZombiesFilter filter;

  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->filter_confirmed)
    filter = MULU_ZOMBIES_CONFIRMED;
  else if (button == self->filter_rejected)
    filter = MULU_ZOMBIES_REJECTED;
  else
    filter = MULU_ZOMBIES_PENDING;
  self->filter = filter;
  refresh (self, TRUE);
}

/* Shown anew, the page shows exactly what its filter says. */
static void
mulu_zombies_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mulu_zombies_page_parent_class)->map (widget);
  refresh (MULU_ZOMBIES_PAGE (widget), TRUE);
}

/* — Public ———————————————————————————————————————————————————————————— */

void
mulu_zombies_page_set_filter (MuluZombiesPage   *self,
                              MuluZombiesFilter  filter)
{
  GtkToggleButton *buttons[] = { self->filter_pending, self->filter_confirmed, self->filter_rejected };

  g_return_if_fail (MULU_IS_ZOMBIES_PAGE (self));
  g_return_if_fail (filter <= MULU_ZOMBIES_REJECTED);

  if (gtk_toggle_button_get_active (buttons[filter]))
    refresh (self, TRUE);
  else
    gtk_toggle_button_set_active (buttons[filter], TRUE);
}

const char *
mulu_zombies_page_get_progress (MuluZombiesPage *self)
{
  g_return_val_if_fail (MULU_IS_ZOMBIES_PAGE (self), NULL);
  return self->progress;
}

guint
mulu_zombies_page_get_n_errors (MuluZombiesPage *self)
{
  g_return_val_if_fail (MULU_IS_ZOMBIES_PAGE (self), 0);
  return self->n_errors;
}

guint
mulu_zombies_page_get_n_warnings (MuluZombiesPage *self)
{
  g_return_val_if_fail (MULU_IS_ZOMBIES_PAGE (self), 0);
  return self->n_warnings;
}

GArray *
mulu_zombies_page_dup_shown (MuluZombiesPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (MULU_IS_ZOMBIES_PAGE (self), ids);
  g_array_append_vals (ids, self->order->data, self->order->len);
  return ids;
}

char *
mulu_zombies_page_dup_evidence (MuluZombiesPage *self,
                                gint64           system_id)
{
  Card *card;

  g_return_val_if_fail (MULU_IS_ZOMBIES_PAGE (self), NULL);
  card = g_hash_table_lookup (self->cards, &system_id);
  return card ? g_strdup (card->evidence_text) : NULL;
}

GtkWidget *
mulu_zombies_page_get_control (MuluZombiesPage *self,
                               gint64           system_id,
                               const char      *name)
{
  Card *card;

  g_return_val_if_fail (MULU_IS_ZOMBIES_PAGE (self), NULL);
  if ((card = g_hash_table_lookup (self->cards, &system_id)) == NULL)
    return NULL;
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

static void
mulu_zombies_page_set_document (MuluStepPage *page,
                                MuluCatalog  *catalog,
                                MuluHistory  *history)
{
  MuluZombiesPage *self = MULU_ZOMBIES_PAGE (page);

  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  /* Cards hold the dispositions of the catalog they were made for. */
  clear_cards (self);
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->history, history);
  if (catalog)
    g_signal_connect (catalog, "changed", G_CALLBACK (on_catalog_changed), self);
  refresh (self, TRUE);
}

static void
mulu_zombies_page_step_page_init (MuluStepPageInterface *iface)
{
  iface->set_document = mulu_zombies_page_set_document;
}

/* — GObject ——————————————————————————————————————————————————————————— */

static void
mulu_zombies_page_dispose (GObject *object)
{
  MuluZombiesPage *self = MULU_ZOMBIES_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  g_clear_object (&self->history);
  if (self->cards)
    {
      GHashTableIter iter;
      Card *card;

      /* The cards' widgets go with the template; nothing they do on the
       * way (losing the focus) may reach a card. */
      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &card))
        card->loading = TRUE;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_ZOMBIES_PAGE);
  g_clear_pointer (&self->cards, g_hash_table_unref);

  G_OBJECT_CLASS (mulu_zombies_page_parent_class)->dispose (object);
}

static void
mulu_zombies_page_finalize (GObject *object)
{
  MuluZombiesPage *self = MULU_ZOMBIES_PAGE (object);

  g_array_unref (self->order);
  g_free (self->progress);

  G_OBJECT_CLASS (mulu_zombies_page_parent_class)->finalize (object);
}

static void
mulu_zombies_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MuluZombiesPage *self = MULU_ZOMBIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_string (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_zombies_page_class_init (MuluZombiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mulu_zombies_page_dispose;
  object_class->finalize = mulu_zombies_page_finalize;
  object_class->get_property = mulu_zombies_page_get_property;
  widget_class->map = mulu_zombies_page_map;

  /* Notified when the text or the error or warning counts change. */
  properties[PROP_PROGRESS] = g_param_spec_string ("progress", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-zombies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluZombiesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MuluZombiesPage, empty);
  gtk_widget_class_bind_template_child (widget_class, MuluZombiesPage, filter_pending);
  gtk_widget_class_bind_template_child (widget_class, MuluZombiesPage, filter_confirmed);
  gtk_widget_class_bind_template_child (widget_class, MuluZombiesPage, filter_rejected);
  gtk_widget_class_bind_template_child (widget_class, MuluZombiesPage, thresholds_label);
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE, G_STRUCT_OFFSET (MuluZombiesPage, cards_box));
  gtk_widget_class_bind_template_child (widget_class, MuluZombiesPage, filter_empty);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);
}

static void
mulu_zombies_page_init (MuluZombiesPage *self)
{
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) card_free);
  self->order = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* The description is markup; the sentence is not. */
  description = g_markup_escape_text (
    _("No system meets any of the five criteria of 国办发〔2017〕39号 with the thresholds in use: "
      "long disconnected from the business, replaced by another system, idle, unmaintained, or few users who rarely use it. "
      "Fill in each system’s usage evidence in step 2 — last login, utilisation, O&M contract — and Mulu checks again."), -1);
  adw_status_page_set_description (self->empty, description);
  refresh (self, TRUE);
}

GtkWidget *
mulu_zombies_page_new (void)
{
  return g_object_new (MULU_TYPE_ZOMBIES_PAGE, NULL);
}
