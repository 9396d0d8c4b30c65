/* mulu-placeholder-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-placeholder-page"

#include "config.h"

#include "mulu-placeholder-page.h"
#include "mulu-step-page.h"

struct _MuluPlaceholderPage
{
  AdwBin         parent_instance;
  AdwStatusPage *status;
};

static void mulu_placeholder_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluPlaceholderPage, mulu_placeholder_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_placeholder_page_step_page_init))

static void
mulu_placeholder_page_class_init (MuluPlaceholderPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-placeholder-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluPlaceholderPage, status);
}

static void
mulu_placeholder_page_init (MuluPlaceholderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mulu_placeholder_page_new (const char *icon_name,
                           const char *title,
                           const char *description)
{
  MuluPlaceholderPage *self = g_object_new (MULU_TYPE_PLACEHOLDER_PAGE, NULL);

  adw_status_page_set_icon_name (self->status, icon_name);
  adw_status_page_set_title (self->status, title);
  adw_status_page_set_description (self->status, description);
  return GTK_WIDGET (self);
}

/* A placeholder has nothing to show of a catalog. */
static void
mulu_placeholder_page_set_document (MuluStepPage *page,
                                     MuluCatalog  *catalog,
                                     MuluHistory  *history)
{
}

static void
mulu_placeholder_page_step_page_init (MuluStepPageInterface *iface)
{
  iface->set_document = mulu_placeholder_page_set_document;
}
