/* mulu-ui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mulu-ui-test-util.h"

static gboolean
is_expected (const char *message)
{
  return message && strstr (message, "Unable to acquire session bus") != NULL;
}

static gboolean
fatal_log_cb (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        data)
{
  return !is_expected (message);
}

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 && is_expected (fields[i].value))
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

void
mulu_ui_test_init (int    *argc,
                   char ***argv)
{
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (fatal_log_cb, NULL);
  adw_init ();
}

gboolean
mulu_ui_test_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
mulu_ui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint tick = g_timeout_add (10, mulu_ui_test_tick, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/* Renders the widget as it is on screen into NAME.png in the folder named
 * by $MULU_SCREENSHOT_DIR (the build's tests/ui/screenshots under meson):
 * how the tests leave pictures for a person, and the README, to look at.
 * Drawn with cairo, so it needs no GPU and works under Xvfb. */
void
mulu_ui_test_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("MULU_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  if (dir == NULL || *dir == '\0')
    return;
  /* A window just presented may not have its size yet, more so under
   * the sanitizers. */
  WAIT_UNTIL (gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0);
  /* And let pending layout and drawing settle. */
  mulu_ui_test_spin (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  /* An opaque background, as the window would give. */
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  if (node)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  g_mkdir_with_parents (dir, 0755);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_clear_pointer (&node, gsk_render_node_unref);
  g_test_message ("screenshot: %s", path);
}

GtkWidget *
mulu_ui_test_find (GtkWidget  *root,
                   GType       type,
                   const char *id)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (id == NULL || g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mulu_ui_test_find (child, type, id);
      if (found)
        return found;
    }
  return NULL;
}
