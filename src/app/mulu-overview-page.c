/* mulu-overview-page.c — the catalog at a glance
 *
 * The counts a reviewer asks first, how far each step has come, and three
 * charts: resources by sharing type × open attribute, by category, and the
 * systems by status and zombie decision. Everything is recounted in SQL
 * once the catalog's changes settle, and only while the page is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-overview-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-bar-chart.h"
#include "mulu-overview-page.h"
#include "mulu-step-page.h"

typedef enum {
  TILE_SYSTEMS,
  TILE_RESOURCES,
  TILE_ITEMS,
  TILE_ZOMBIES,
  N_TILES
} Tile;

typedef enum {
  PROGRESS_SYSTEMS,
  PROGRESS_RESOURCES,
  PROGRESS_CLASSIFIED,
  PROGRESS_ZOMBIES,
  N_PROGRESS
} Progress;

struct _MuluOverviewPage
{
  AdwBin               parent_instance;

  MuluCatalog         *catalog;
  guint                refresh_idle;
  gboolean             stale;

  GtkLabel            *department;
  GtkBox              *tiles;
  AdwPreferencesGroup *progress_group;
  AdwPreferencesGroup *sharing_group;
  AdwPreferencesGroup *category_group;
  AdwPreferencesGroup *systems_group;

  GtkLabel            *tile_numbers[N_TILES];
  AdwActionRow        *progress_rows[N_PROGRESS];
  GtkLevelBar         *progress_bars[N_PROGRESS];
  MuluBarChart        *sharing_chart;
  MuluBarChart        *category_chart;
  MuluBarChart        *systems_chart;
};

static void mulu_overview_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluOverviewPage, mulu_overview_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_overview_page_step_page_init))

static const char * const tile_captions[N_TILES] = {
  N_("Information systems"),
  N_("Information resources"),
  N_("Data items"),
  N_("Suspected zombie systems"),
};

static const char * const progress_titles[N_PROGRESS] = {
  N_("Systems without errors"),
  N_("Resources without errors"),
  N_("Resources classified"),
  N_("Zombie systems decided"),
};

static void
set_progress (MuluOverviewPage *self,
              Progress          p,
              guint64           done,
              guint64           total)
{
  g_autofree char *done_text = g_strdup_printf ("%" G_GUINT64_FORMAT, done);
  g_autofree char *total_text = g_strdup_printf ("%" G_GUINT64_FORMAT, total);
  /* TRANSLATORS: progress, e.g. "59 of 62" */
  g_autofree char *text = g_strdup_printf (_("%s of %s"), done_text, total_text);

  adw_action_row_set_subtitle (self->progress_rows[p], text);
  gtk_level_bar_set_value (self->progress_bars[p], total > 0 ? (double) done / (double) total : 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bars[p]),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
refresh (MuluOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecordList) departments = NULL;
  g_autoptr(MuluRecord) department = NULL;
  MuluStatsSummary summary = { 0 };
  guint64 numbers[N_TILES];

  self->stale = FALSE;
  if (self->catalog == NULL || !mulu_catalog_is_open (self->catalog))
    {
      gtk_label_set_text (self->department, _("No catalog is open."));
      for (guint t = 0; t < N_TILES; t++)
        gtk_label_set_text (self->tile_numbers[t], "—");
      mulu_bar_chart_set_table (self->sharing_chart, NULL, NULL);
      mulu_bar_chart_set_table (self->category_chart, NULL, NULL);
      mulu_bar_chart_set_table (self->systems_chart, NULL, NULL);
      return;
    }

  if (!mulu_stats_summarize (self->catalog, &summary, &error))
    {
      g_warning ("The overview could not be counted: %s", error->message);
      return;
    }
  departments = mulu_record_list_new (self->catalog, MULU_ENTITY_DEPARTMENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (departments)) > 0)
    department = g_list_model_get_item (G_LIST_MODEL (departments), 0);
  gtk_label_set_text (self->department,
                      department && mulu_record_get_name (department) && *mulu_record_get_name (department)
                        ? mulu_record_get_name (department) : _("The department has no name yet (step 1)."));

  numbers[TILE_SYSTEMS] = summary.systems;
  numbers[TILE_RESOURCES] = summary.resources;
  numbers[TILE_ITEMS] = summary.items;
  numbers[TILE_ZOMBIES] = summary.suspected_zombies;
  for (guint t = 0; t < N_TILES; t++)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, numbers[t]);
      g_autofree char *spoken = g_strdup_printf ("%s: %s", _(tile_captions[t]), number);

      gtk_label_set_text (self->tile_numbers[t], number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tile_numbers[t]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    }

  set_progress (self, PROGRESS_SYSTEMS, summary.systems - summary.systems_with_errors, summary.systems);
  set_progress (self, PROGRESS_RESOURCES, summary.resources - summary.resources_with_errors, summary.resources);
  set_progress (self, PROGRESS_CLASSIFIED, summary.resources - summary.unclassified, summary.resources);
  set_progress (self, PROGRESS_ZOMBIES, summary.decided_zombies, summary.suspected_zombies);

  mulu_bar_chart_set_table (self->sharing_chart, mulu_stats_resources_by_sharing (self->catalog, NULL), NULL);
  mulu_bar_chart_set_table (self->category_chart, mulu_stats_resources_by_category (self->catalog, NULL), NULL);
  mulu_bar_chart_set_table (self->systems_chart, mulu_stats_systems_by_status (self->catalog, NULL), _("Not decided"));
}

static gboolean
refresh_idle_cb (gpointer data)
{
  MuluOverviewPage *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* A clerk typing in step 3 should not pay for charts they cannot see:
 * while hidden the page only remembers that it is out of date. */
static void
on_catalog_changed (MuluOverviewPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_idle == 0)
    self->refresh_idle = g_timeout_add (200, refresh_idle_cb, self);
}

static void
mulu_overview_page_map (GtkWidget *widget)
{
  MuluOverviewPage *self = MULU_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (mulu_overview_page_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

void
mulu_overview_page_set_document (MuluOverviewPage *self,
                                 MuluCatalog      *catalog)
{
  g_return_if_fail (MULU_IS_OVERVIEW_PAGE (self));

  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_set_object (&self->catalog, catalog);
  if (catalog)
    g_signal_connect_object (catalog, "changed", G_CALLBACK (on_catalog_changed), self, G_CONNECT_SWAPPED);
  refresh (self);
}

const char *
mulu_overview_page_get_chart_description (MuluOverviewPage *self,
                                          guint             chart)
{
  MuluBarChart *charts[] = { self->sharing_chart, self->category_chart, self->systems_chart };

  g_return_val_if_fail (MULU_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (chart < G_N_ELEMENTS (charts), NULL);
  return mulu_bar_chart_get_description (charts[chart]);
}

const char *
mulu_overview_page_get_count (MuluOverviewPage *self,
                              guint             tile)
{
  g_return_val_if_fail (MULU_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (tile < N_TILES, NULL);
  return gtk_label_get_text (self->tile_numbers[tile]);
}

/* — Construction ——————————————————————————————————————————————————— */

static GtkWidget *
card (GtkWidget *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (child, 18);
  gtk_widget_set_margin_end (child, 18);
  gtk_widget_set_margin_top (child, 18);
  gtk_widget_set_margin_bottom (child, 18);
  gtk_box_append (GTK_BOX (box), child);
  return box;
}

static MuluBarChart *
add_chart (AdwPreferencesGroup *group)
{
  GtkWidget *chart = mulu_bar_chart_new (adw_preferences_group_get_title (group));

  adw_preferences_group_add (group, card (chart));
  return MULU_BAR_CHART (chart);
}

static void
mulu_overview_page_step_page_set_document (MuluStepPage *page,
                                           MuluCatalog  *catalog,
                                           MuluHistory  *history)
{
  mulu_overview_page_set_document (MULU_OVERVIEW_PAGE (page), catalog);
}

static void
mulu_overview_page_step_page_init (MuluStepPageInterface *iface)
{
  iface->set_document = mulu_overview_page_step_page_set_document;
}

static void
mulu_overview_page_dispose (GObject *object)
{
  MuluOverviewPage *self = MULU_OVERVIEW_PAGE (object);

  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_object (&self->catalog);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (mulu_overview_page_parent_class)->dispose (object);
}

static void
mulu_overview_page_class_init (MuluOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mulu_overview_page_dispose;
  widget_class->map = mulu_overview_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluOverviewPage, department);
  gtk_widget_class_bind_template_child (widget_class, MuluOverviewPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, MuluOverviewPage, progress_group);
  gtk_widget_class_bind_template_child (widget_class, MuluOverviewPage, sharing_group);
  gtk_widget_class_bind_template_child (widget_class, MuluOverviewPage, category_group);
  gtk_widget_class_bind_template_child (widget_class, MuluOverviewPage, systems_group);
}

static void
mulu_overview_page_init (MuluOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint t = 0; t < N_TILES; t++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *number = gtk_label_new ("—");
      GtkWidget *caption = gtk_label_new (_(tile_captions[t]));

      gtk_widget_add_css_class (number, "title-1");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (self->tiles, card (box));
      self->tile_numbers[t] = GTK_LABEL (number);
    }
  for (guint p = 0; p < N_PROGRESS; p++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(progress_titles[p]));
      gtk_widget_set_size_request (bar, 200, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      /* Full is good, not a warning: drop the level bar's default offsets. */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _(progress_titles[p]), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_preferences_group_add (self->progress_group, row);
      self->progress_rows[p] = ADW_ACTION_ROW (row);
      self->progress_bars[p] = GTK_LEVEL_BAR (bar);
    }
  self->sharing_chart = add_chart (self->sharing_group);
  self->category_chart = add_chart (self->category_group);
  self->systems_chart = add_chart (self->systems_group);
}

GtkWidget *
mulu_overview_page_new (void)
{
  return g_object_new (MULU_TYPE_OVERVIEW_PAGE, NULL);
}
