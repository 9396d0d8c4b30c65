/* mulu-window.c — the catalog window (its steps arrive with issue 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-application.h"
#include "mulu-window.h"

struct _MuluWindow
{
  AdwApplicationWindow  parent_instance;

  MuluCatalog          *catalog;

  AdwWindowTitle       *title;
  AdwStatusPage        *status;
  AdwToastOverlay      *toasts;
};

G_DEFINE_FINAL_TYPE (MuluWindow, mulu_window, ADW_TYPE_APPLICATION_WINDOW)

static void
mulu_window_dispose (GObject *object)
{
  MuluWindow *self = MULU_WINDOW (object);

  if (self->catalog)
    mulu_catalog_close (self->catalog, NULL);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (mulu_window_parent_class)->dispose (object);
}

static void
mulu_window_class_init (MuluWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mulu_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, title);
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, status);
  gtk_widget_class_bind_template_child (widget_class, MuluWindow, toasts);
}

static void
mulu_window_init (MuluWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MuluWindow *
mulu_window_new (MuluApplication *app)
{
  return g_object_new (MULU_TYPE_WINDOW, "application", app, NULL);
}

static void
show_catalog (MuluWindow *self)
{
  g_autoptr(MuluRecord) department = NULL;
  g_autofree char *basename = g_path_get_basename (mulu_catalog_get_path (self->catalog));
  g_autofree char *description = NULL;
  gint64 n[MULU_N_ENTITIES];

  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    n[e] = mulu_catalog_count (self->catalog, e, NULL);
  department = mulu_catalog_get (self->catalog, MULU_ENTITY_DEPARTMENT, 1, NULL);

  adw_window_title_set_title (self->title, department && mulu_record_get_name (department)
                                           ? mulu_record_get_name (department) : _("Catalog"));
  adw_window_title_set_subtitle (self->title, basename);
  gtk_window_set_title (GTK_WINDOW (self), department && mulu_record_get_name (department)
                                           ? mulu_record_get_name (department) : basename);

  description = g_strdup_printf (_("%lld systems, %lld resources, %lld data items"),
                                 (long long) n[MULU_ENTITY_SYSTEM], (long long) n[MULU_ENTITY_RESOURCE], (long long) n[MULU_ENTITY_ITEM]);
  adw_status_page_set_title (self->status, department && mulu_record_get_name (department)
                                           ? mulu_record_get_name (department) : basename);
  adw_status_page_set_description (self->status, description);
}

void
mulu_window_open_file (MuluWindow *self,
                       GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  MuluCatalog *catalog;

  g_return_if_fail (MULU_IS_WINDOW (self));

  if (path == NULL || (catalog = mulu_catalog_open (path, &error)) == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (error ? error->message : _("Only local files can be opened.")));
      return;
    }
  if (self->catalog)
    mulu_catalog_close (self->catalog, NULL);
  g_set_object (&self->catalog, catalog);
  g_object_unref (catalog);
  show_catalog (self);
}
