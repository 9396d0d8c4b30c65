/* mulu-bar-chart.c — horizontal stacked bars, drawn with GtkSnapshot
 *
 * One bar per group (a sharing type, a category, a system status), split
 * into its series (open types, zombie decisions), with the count at the
 * end and a legend below. Colours are mid-tones that read on light and
 * dark backgrounds alike; the text takes the widget's own colour. For
 * screen readers the chart describes itself in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-bar-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-bar-chart.h"

#define BAR_HEIGHT   20
#define ROW_GAP      10
#define LABEL_GAP    12
#define LEGEND_SWATCH 12

struct _MuluBarChart
{
  GtkWidget       parent_instance;

  MuluStatsTable *table;      /* owned */
  char           *empty_series; /* what a NULL series is called */
  char           *description;  /* the chart in words */
};

G_DEFINE_FINAL_TYPE (MuluBarChart, mulu_bar_chart, GTK_TYPE_WIDGET)

/* GNOME's palette, third shades: blue, green, yellow, orange, purple,
 * red, brown, then grey for "not filled in". */
static const GdkRGBA palette[] = {
  { 0.21, 0.52, 0.89, 1 },
  { 0.20, 0.82, 0.48, 1 },
  { 0.96, 0.83, 0.18, 1 },
  { 1.00, 0.47, 0.00, 1 },
  { 0.57, 0.25, 0.67, 1 },
  { 0.88, 0.11, 0.14, 1 },
  { 0.60, 0.45, 0.30, 1 },
};
static const GdkRGBA grey = { 0.60, 0.60, 0.60, 1 };

static const GdkRGBA *
series_color (MuluBarChart *self,
              guint         s)
{
  if (g_ptr_array_index (self->table->series, s) == NULL)
    return &grey;
  return &palette[s % G_N_ELEMENTS (palette)];
}

static const char *
series_name (MuluBarChart *self,
             guint         s)
{
  const char *name = g_ptr_array_index (self->table->series, s);

  return name ? name : self->empty_series;
}

static const char *
group_name (MuluStatsBar *bar)
{
  return bar->group ? bar->group : _("Not filled in");
}

static PangoLayout *
layout (MuluBarChart *self,
        const char   *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static int
text_width (MuluBarChart *self,
            const char   *text)
{
  g_autoptr(PangoLayout) l = layout (self, text);
  int w;

  pango_layout_get_pixel_size (l, &w, NULL);
  return w;
}

static int
label_column_width (MuluBarChart *self)
{
  int widest = 0;

  for (guint b = 0; self->table && b < self->table->bars->len; b++)
    widest = MAX (widest, text_width (self, group_name (g_ptr_array_index (self->table->bars, b))));
  return MIN (widest, 220);
}

static gboolean
has_legend (MuluBarChart *self)
{
  return self->table && self->table->series->len > 1;
}

static void
mulu_bar_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  MuluBarChart *self = MULU_BAR_CHART (widget);
  guint n = self->table ? self->table->bars->len : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = label_column_width (self) + 120;
      *natural = *minimum + 300;
    }
  else
    {
      *minimum = *natural = n * (BAR_HEIGHT + ROW_GAP) + (has_legend (self) ? BAR_HEIGHT + 2 * ROW_GAP : 0);
    }
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *l,
             const GdkRGBA *color,
             float          x,
             float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, l, color);
  gtk_snapshot_restore (snapshot);
}

static void
mulu_bar_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MuluBarChart *self = MULU_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int label_width = label_column_width (self);
  GdkRGBA fg;
  guint64 largest = 0;
  int count_width, bar_area;
  float y = 0;

  if (self->table == NULL || self->table->bars->len == 0)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint b = 0; b < self->table->bars->len; b++)
    largest = MAX (largest, ((MuluStatsBar *) g_ptr_array_index (self->table->bars, b))->total);
  {
    g_autofree char *widest = g_strdup_printf ("%" G_GUINT64_FORMAT, largest);
    count_width = text_width (self, widest) + LABEL_GAP;
  }
  bar_area = MAX (width - label_width - LABEL_GAP - count_width, 10);

  for (guint b = 0; b < self->table->bars->len; b++)
    {
      MuluStatsBar *bar = g_ptr_array_index (self->table->bars, b);
      g_autoptr(PangoLayout) name = layout (self, group_name (bar));
      g_autofree char *total = g_strdup_printf ("%" G_GUINT64_FORMAT, bar->total);
      g_autoptr(PangoLayout) count = layout (self, total);
      float x = label_width + LABEL_GAP;
      int text_height;

      pango_layout_set_width (name, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (name, NULL, &text_height);
      append_text (snapshot, name, &fg, 0, y + (BAR_HEIGHT - text_height) / 2.0f);

      for (guint s = 0; s < self->table->series->len && largest > 0; s++)
        {
          float w = (float) bar_area * bar->counts[s] / largest;

          if (w <= 0)
            continue;
          gtk_snapshot_append_color (snapshot, series_color (self, s), &GRAPHENE_RECT_INIT (x, y, w, BAR_HEIGHT));
          x += w;
        }
      append_text (snapshot, count, &fg, x + LABEL_GAP / 2.0f, y + (BAR_HEIGHT - text_height) / 2.0f);
      y += BAR_HEIGHT + ROW_GAP;
    }

  if (has_legend (self))
    {
      float x = label_width + LABEL_GAP;

      y += ROW_GAP;
      for (guint s = 0; s < self->table->series->len; s++)
        {
          g_autoptr(PangoLayout) name = layout (self, series_name (self, s));
          int w, h;

          pango_layout_get_pixel_size (name, &w, &h);
          if (x + LEGEND_SWATCH + 6 + w > width && x > label_width + LABEL_GAP)
            {
              x = label_width + LABEL_GAP;
              y += h + 4;
            }
          gtk_snapshot_append_color (snapshot, series_color (self, s),
                                     &GRAPHENE_RECT_INIT (x, y + (h - LEGEND_SWATCH) / 2.0f, LEGEND_SWATCH, LEGEND_SWATCH));
          append_text (snapshot, name, &fg, x + LEGEND_SWATCH + 6, y);
          x += LEGEND_SWATCH + 6 + w + 18;
        }
    }
}

/* "无条件共享: 20 (无条件开放 12, 有条件开放 8). …" */
static void
describe (MuluBarChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint b = 0; self->table && b < self->table->bars->len; b++)
    {
      MuluStatsBar *bar = g_ptr_array_index (self->table->bars, b);
      gboolean first = TRUE;

      g_string_append_printf (text, "%s: %" G_GUINT64_FORMAT, group_name (bar), bar->total);
      if (self->table->series->len > 1 && bar->total > 0)
        {
          g_string_append (text, " (");
          for (guint s = 0; s < self->table->series->len; s++)
            if (bar->counts[s] > 0)
              {
                g_string_append_printf (text, "%s%s %" G_GUINT64_FORMAT, first ? "" : ", ",
                                        series_name (self, s), bar->counts[s]);
                first = FALSE;
              }
          g_string_append (text, ")");
        }
      g_string_append (text, ". ");
    }
  g_free (self->description);
  self->description = g_strdup (g_strchomp (text->str));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
}

/**
 * mulu_bar_chart_set_table:
 * @table: (transfer full) (nullable): what to draw
 * @empty_series: how a series without a value is named, e.g. "Not decided"
 */
void
mulu_bar_chart_set_table (MuluBarChart   *self,
                          MuluStatsTable *table,
                          const char     *empty_series)
{
  g_return_if_fail (MULU_IS_BAR_CHART (self));

  g_clear_pointer (&self->table, mulu_stats_table_free);
  self->table = table;
  g_free (self->empty_series);
  self->empty_series = g_strdup (empty_series ? empty_series : _("Not filled in"));
  describe (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
mulu_bar_chart_get_description (MuluBarChart *self)
{
  g_return_val_if_fail (MULU_IS_BAR_CHART (self), NULL);
  return self->description;
}

static void
mulu_bar_chart_finalize (GObject *object)
{
  MuluBarChart *self = MULU_BAR_CHART (object);

  g_clear_pointer (&self->table, mulu_stats_table_free);
  g_free (self->empty_series);
  g_free (self->description);

  G_OBJECT_CLASS (mulu_bar_chart_parent_class)->finalize (object);
}

static void
mulu_bar_chart_class_init (MuluBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mulu_bar_chart_finalize;
  widget_class->measure = mulu_bar_chart_measure;
  widget_class->snapshot = mulu_bar_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mulu_bar_chart_init (MuluBarChart *self)
{
}

GtkWidget *
mulu_bar_chart_new (const char *title)
{
  GtkWidget *chart = g_object_new (MULU_TYPE_BAR_CHART, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return chart;
}
