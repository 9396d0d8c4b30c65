/* mulu-department-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-department-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-department-page.h"
#include "mulu-step-page.h"
#include "mulu-record-editor.h"

struct _MuluDepartmentPage
{
  AdwBin            parent_instance;

  AdwClamp         *clamp;
  GtkBox           *box;
  MuluRecordEditor *editor;
};

static void mulu_department_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluDepartmentPage, mulu_department_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_department_page_step_page_init))

static void
mulu_department_page_class_init (MuluDepartmentPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-department-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluDepartmentPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, MuluDepartmentPage, box);
}

static void
mulu_department_page_init (MuluDepartmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editor = MULU_RECORD_EDITOR (mulu_record_editor_new (MULU_ENTITY_DEPARTMENT));
  gtk_box_append (self->box, GTK_WIDGET (self->editor));
}

GtkWidget *
mulu_department_page_new (void)
{
  return g_object_new (MULU_TYPE_DEPARTMENT_PAGE, NULL);
}

void
mulu_department_page_set_document (MuluDepartmentPage *self,
                                   MuluCatalog        *catalog,
                                   MuluHistory        *history)
{
  gint64 id = 0;

  g_return_if_fail (MULU_IS_DEPARTMENT_PAGE (self));

  if (catalog)
    {
      g_autoptr(MuluRecordList) depts = mulu_record_list_new (catalog, MULU_ENTITY_DEPARTMENT);
      id = mulu_record_list_get_id_at (depts, 0);
    }
  mulu_record_editor_set_catalog (self->editor, catalog);
  mulu_record_editor_set_history (self->editor, history);
  mulu_record_editor_set_record_id (self->editor, id);
}

void
mulu_department_page_focus_field (MuluDepartmentPage *self,
                                  const char         *field)
{
  mulu_record_editor_focus_field (self->editor, field);
}

static void
mulu_department_page_step_page_set_document (MuluStepPage *page,
                                              MuluCatalog  *catalog,
                                              MuluHistory  *history)
{
  mulu_department_page_set_document (MULU_DEPARTMENT_PAGE (page), catalog, history);
}

static void
mulu_department_page_step_page_init (MuluStepPageInterface *iface)
{
  iface->set_document = mulu_department_page_step_page_set_document;
}
