/* mulu-field-row-choices.c — a field row chosen from a list
 *
 * Code tables, references to other records and yes/no, as a combo row
 * with a "none" entry first; a stored value that is not among the choices
 * is shown as it is rather than as none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-field-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-field-row-private.h"

/* — Choices ————————————————————————————————————————————————————————— */

static const char *
none_label (MuluFieldRow *self)
{
  if (self->info->type == MULU_FIELD_REF)
    return _("None");
  if (self->info->type == MULU_FIELD_BOOL)
    return _("Not filled in");
  return _("Not selected");
}

guint
mulu_field_row_find_shown (MuluFieldRow *self,
                           GVariant     *value)
{
  for (guint i = 0; i < self->shown_values->len; i++)
    if (mulu_value_equal (g_ptr_array_index (self->shown_values, i), value))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static char *
dup_choice_label (MuluFieldRow *self,
                  GVariant     *value)
{
  GVariantIter iter;
  GVariant *v;
  const char *label;

  if (value == NULL)
    return NULL;
  if (self->choices)
    {
      g_variant_iter_init (&iter, self->choices);
      while (g_variant_iter_next (&iter, "(v&s)", &v, &label))
        {
          gboolean same = mulu_value_equal (v, value);
          g_variant_unref (v);
          if (same)
            return g_strdup (label);
        }
    }
  return mulu_value_to_text (value);
}

void
mulu_field_row_show_read_only (MuluFieldRow *self)
{
  g_autofree char *label = dup_choice_label (self, self->value);
  g_autofree char *escaped = g_markup_escape_text (label ? label : _("Not filled in"), -1);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->control), escaped);
}

/* Rebuilds the list: "none", the choices, and the stored value when it is
 * not among them, so that an imported value is shown, never dropped. */
void
mulu_field_row_rebuild_model (MuluFieldRow *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GVariantIter iter;
  GVariant *v;
  const char *label;

  g_ptr_array_set_size (self->shown_values, 0);
  g_ptr_array_add (self->shown_values, NULL);
  g_ptr_array_add (labels, g_strdup (none_label (self)));
  if (self->choices)
    {
      g_variant_iter_init (&iter, self->choices);
      while (g_variant_iter_next (&iter, "(v&s)", &v, &label))
        {
          g_ptr_array_add (self->shown_values, v);
          g_ptr_array_add (labels, g_strdup (label));
        }
    }
  if (self->value && mulu_field_row_find_shown (self, self->value) == GTK_INVALID_LIST_POSITION)
    {
      g_autofree char *text = mulu_value_to_text (self->value);
      g_ptr_array_add (self->shown_values, g_variant_ref (self->value));
      /* Translators: a stored value that the code table does not list */
      g_ptr_array_add (labels, g_strdup_printf (_("%s (not in the list)"), text));
    }
  g_ptr_array_add (labels, NULL);

  self->loading++;
  gtk_string_list_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                          (const char * const *) labels->pdata);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->control), mulu_field_row_find_shown (self, self->value));
  self->loading--;
}

static void
selected_changed_cb (MuluFieldRow *self)
{
  guint selected;
  GVariant *value;

  if (self->loading)
    return;
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->control));
  if (selected >= self->shown_values->len)
    return;
  value = g_ptr_array_index (self->shown_values, selected);
  if (mulu_value_equal (value, self->value))
    return;

  if (!mulu_field_row_emit_commit (self, value))
    {
      self->loading++;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->control), mulu_field_row_find_shown (self, self->value));
      self->loading--;
      return;
    }
  mulu_field_row_set_error (self, NULL);
  mulu_field_row_take_value (self, value ? g_variant_ref (value) : NULL);
}

void
mulu_field_row_set_choices (MuluFieldRow *self,
                            GVariant     *choices)
{
  g_return_if_fail (MULU_IS_FIELD_ROW (self));
  g_return_if_fail (choices == NULL || g_variant_is_of_type (choices, G_VARIANT_TYPE ("a(vs)")));

  if (choices)
    g_variant_ref_sink (choices);
  if (self->choices && choices && g_variant_equal (self->choices, choices))
    {
      g_variant_unref (choices);
      return;
    }
  g_clear_pointer (&self->choices, g_variant_unref);
  self->choices = choices;

  if (self->kind == KIND_CHOICE)
    mulu_field_row_rebuild_model (self);
  else if (self->kind == KIND_READ_ONLY)
    mulu_field_row_show_read_only (self);
}

GVariant *
mulu_field_row_get_choices (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), NULL);
  return self->choices;
}

void
mulu_field_row_build_choice (MuluFieldRow *self,
                             const char   *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->model = gtk_string_list_new (NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_expression (row, expression);
  adw_combo_row_set_model (row, G_LIST_MODEL (self->model));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);

  self->inner_row = self->control = GTK_WIDGET (row);
  mulu_field_row_rebuild_model (self);
}

void
mulu_field_row_build_read_only (MuluFieldRow *self,
                                const char   *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  self->inner_row = self->control = row;
  mulu_field_row_show_read_only (self);
}
