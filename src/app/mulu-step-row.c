/* mulu-step-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-step-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-step-row.h"

struct _MuluStepRow
{
  GtkListBoxRow  parent_instance;

  char          *page_name;

  GtkLabel      *number;
  GtkLabel      *title;
  GtkLabel      *progress;
  GtkLabel      *errors;
  GtkLabel      *warnings;
};

G_DEFINE_FINAL_TYPE (MuluStepRow, mulu_step_row, GTK_TYPE_LIST_BOX_ROW)

static void
mulu_step_row_finalize (GObject *object)
{
  MuluStepRow *self = MULU_STEP_ROW (object);

  g_free (self->page_name);
  G_OBJECT_CLASS (mulu_step_row_parent_class)->finalize (object);
}

static void
mulu_step_row_class_init (MuluStepRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = mulu_step_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluStepRow, number);
  gtk_widget_class_bind_template_child (widget_class, MuluStepRow, title);
  gtk_widget_class_bind_template_child (widget_class, MuluStepRow, progress);
  gtk_widget_class_bind_template_child (widget_class, MuluStepRow, errors);
  gtk_widget_class_bind_template_child (widget_class, MuluStepRow, warnings);
}

static void
mulu_step_row_init (MuluStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MuluStepRow *
mulu_step_row_new (guint       number,
                   const char *title,
                   const char *page_name)
{
  MuluStepRow *self = g_object_new (MULU_TYPE_STEP_ROW, NULL);
  g_autofree char *n = g_strdup_printf ("%u", number);

  self->page_name = g_strdup (page_name);
  gtk_label_set_label (self->number, n);
  gtk_label_set_label (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return self;
}

/**
 * mulu_step_row_set_icon:
 *
 * Shows an icon instead of the step number, for the pages beside the
 * census steps (the overview, the review).
 */
void
mulu_step_row_set_icon (MuluStepRow *self,
                        const char  *icon_name)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  g_return_if_fail (MULU_IS_STEP_ROW (self));
  gtk_widget_set_size_request (icon, 24, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->number), FALSE);
  gtk_box_prepend (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->number))), icon);
}

const char *
mulu_step_row_get_page_name (MuluStepRow *self)
{
  return self->page_name;
}

const char *
mulu_step_row_get_progress (MuluStepRow *self)
{
  return gtk_label_get_label (self->progress);
}

void
mulu_step_row_set_progress (MuluStepRow *self,
                            const char  *progress,
                            guint        n_errors,
                            guint        n_warnings)
{
  g_autofree char *e = g_strdup_printf ("%u", n_errors);
  g_autofree char *w = g_strdup_printf ("%u", n_warnings);
  g_autofree char *description = NULL;

  gtk_label_set_label (self->progress, progress ? progress : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress), progress && *progress);
  gtk_label_set_label (self->errors, e);
  gtk_widget_set_visible (GTK_WIDGET (self->errors), n_errors > 0);
  gtk_label_set_label (self->warnings, w);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings), n_warnings > 0);

  /* Screen readers hear the state, not just the step's name. */
  description = g_strdup_printf (_("%s; %u errors, %u warnings"), progress ? progress : "", n_errors, n_warnings);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}
