/* mulu-zombies-page.c — step 5: the suspected zombie systems
 *
 * Each system is a card (mulu-zombie-card.c): its evidence (the criteria
 * it meets, in words), the clerk's decision with a note, and for a
 * confirmed zombie the disposition and planned date, the S2 finding under
 * them until both are given, and the resources still shared
 * unconditionally (S6).
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
#include "mulu-zombie-card.h"
#include "mulu-zombies-page.h"

struct _MuluZombiesPage
{
  AdwBin            parent_instance;

  MuluCatalog      *catalog;
  MuluHistory      *history;
  MuluZombiesFilter filter;
  GHashTable       *cards;        /* system id → MuluZombieCard, in cards_box */
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
  GtkScrolledWindow *scroller;
};

static void mulu_zombies_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluZombiesPage, mulu_zombies_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_zombies_page_step_page_init))

enum { PROP_0, PROP_PROGRESS, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* — Refreshing ——————————————————————————————————————————————————————— */

static gboolean
in_filter (MuluZombiesFilter  filter,
           MuluZombieState   *st)
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

  GtkToggleButton *buttons[] = { self->filter_pending, self->filter_confirmed, self->filter_rejected };

  gtk_button_set_label (GTK_BUTTON (self->filter_pending), p);
  gtk_button_set_label (GTK_BUTTON (self->filter_confirmed), c);
  gtk_button_set_label (GTK_BUTTON (self->filter_rejected), r);
  /* Their accessible names stay put (tests find them by name); the counts
   * are said as descriptions. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u system", "%u systems", counts[i]), counts[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, n, -1);
    }
}

static void
remove_card (MuluZombiesPage *self,
             gint64           id)
{
  MuluZombieCard *card = g_hash_table_lookup (self->cards, &id);

  if (card == NULL)
    return;
  /* Leaving a focused field as it goes must not store anything. */
  mulu_zombie_card_detach (card);
  g_hash_table_remove (self->cards, &id);
  gtk_box_remove (self->cards_box, GTK_WIDGET (card));
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
  states = g_ptr_array_new_with_free_func ((GDestroyNotify) mulu_zombie_state_free);
  shown = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MuluZombieState) st = g_new0 (MuluZombieState, 1);
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
          n_errors += mulu_zombie_find_rule (st->findings, "S2") != NULL;
          n_warnings += mulu_zombie_find_rule (st->findings, "S6") != NULL;
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
      MuluZombieCard *card = g_hash_table_lookup (self->cards, &id);

      if (card == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = id;
          card = mulu_zombie_card_new (self->catalog, self->history, id);
          g_hash_table_insert (self->cards, key, card);
          gtk_box_insert_child_after (self->cards_box, GTK_WIDGET (card), previous);
        }
      else
        gtk_box_reorder_child_after (self->cards_box, GTK_WIDGET (card), previous);
      mulu_zombie_card_update (card, g_ptr_array_index (states, k));
      previous = GTK_WIDGET (card);
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
  /* Another list: from its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
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
  MuluZombieCard *card;

  g_return_val_if_fail (MULU_IS_ZOMBIES_PAGE (self), NULL);
  card = g_hash_table_lookup (self->cards, &system_id);
  return card ? g_strdup (mulu_zombie_card_get_evidence (card)) : NULL;
}

GtkWidget *
mulu_zombies_page_get_control (MuluZombiesPage *self,
                               gint64           system_id,
                               const char      *name)
{
  MuluZombieCard *card;

  g_return_val_if_fail (MULU_IS_ZOMBIES_PAGE (self), NULL);
  if ((card = g_hash_table_lookup (self->cards, &system_id)) == NULL)
    return NULL;
  return mulu_zombie_card_get_control (card, name);
}

static void
mulu_zombies_page_set_document (MuluStepPage *page,
                                MuluCatalog  *catalog,
                                MuluHistory  *history)
{
  MuluZombiesPage *self = MULU_ZOMBIES_PAGE (page);

  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  /* Cards store into the catalog they were made for. */
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
  /* The cards go with the template (and detach themselves). */
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
  gtk_widget_class_bind_template_child (widget_class, MuluZombiesPage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);
}

static void
mulu_zombies_page_init (MuluZombiesPage *self)
{
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
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
