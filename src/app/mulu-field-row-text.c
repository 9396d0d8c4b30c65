/* mulu-field-row-text.c — a field row typed into: entries and long text
 *
 * Typed text is committed on Enter, when focus leaves the field, and after
 * a pause in typing; what cannot be read stays in the field with its
 * reason under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-field-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-field-row-private.h"

#define DEBOUNCE_MS 600

/* — Text —————————————————————————————————————————————————————————— */

static char *
dup_text (MuluFieldRow *self)
{
  if (self->kind == KIND_ENTRY)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->control)));
  if (self->kind == KIND_TEXT)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return NULL;
}

void
mulu_field_row_show_text (MuluFieldRow *self,
                          const char   *text)
{
  g_autofree char *current = dup_text (self);

  if (g_strcmp0 (current, text) == 0)
    return;
  self->loading++;
  if (self->kind == KIND_ENTRY)
    gtk_editable_set_text (GTK_EDITABLE (self->control), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  self->loading--;
}

/* explicit: Enter or focus leaving, when the field may show the stored
 * form (2024/3/1 → 2024-03-01); after a pause the person may still be
 * typing, so the text is left as it is. */
static gboolean
commit_text (MuluFieldRow *self,
             gboolean      explicit)
{
  g_autofree char *text = dup_text (self);
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->debounce_id, g_source_remove);

  if (!mulu_value_parse (self->info->type, text, &value, &error))
    {
      mulu_field_row_set_error (self, error->message);
      return FALSE;
    }
  if (!mulu_value_equal (value, self->value))
    {
      if (!mulu_field_row_emit_commit (self, value))
        return FALSE;
      mulu_field_row_take_value (self, g_variant_ref (value));
    }
  mulu_field_row_set_error (self, NULL);

  if (explicit)
    {
      g_autofree char *shown = mulu_value_to_text (self->value);
      mulu_field_row_show_text (self, shown);
    }
  return TRUE;
}

static gboolean
debounce_cb (gpointer data)
{
  MuluFieldRow *self = data;

  self->debounce_id = 0;
  commit_text (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The credit code is checked as it is typed: a character that can never
 * appear is named at once, the check character when all 18 are there. */
static void
check_while_typing (MuluFieldRow *self)
{
  g_autofree char *text = NULL;
  MuluUsccResult result;
  glong length;

  if (self->entity != MULU_ENTITY_DEPARTMENT || self->field != MULU_DEPARTMENT_USCC)
    return;
  g_clear_pointer (&self->live, g_free);
  text = g_strstrip (dup_text (self));
  length = g_utf8_strlen (text, -1);
  mulu_uscc_check (text, &result);
  if (result.status == MULU_USCC_BAD_CHARACTER || result.status == MULU_USCC_BAD_CHECK ||
      (result.status == MULU_USCC_BAD_LENGTH && length > 18))
    {
      self->live = mulu_uscc_describe (&result);
      self->live_is_error = TRUE;
    }
  else if (result.status == MULU_USCC_BAD_LENGTH)
    {
      self->live = g_strdup_printf (_("%ld of 18 characters"), length);
      self->live_is_error = FALSE;
    }
  /* A valid code whose organisation code looks wrong: the R16 warning
   * under the field says so. */
  else if (result.status == MULU_USCC_VALID && result.org_code_ok)
    {
      self->live = g_strdup (_("The code is valid."));
      self->live_is_error = FALSE;
    }
  mulu_field_row_update_message (self);
}

static void
text_changed (MuluFieldRow *self)
{
  if (self->loading)
    return;
  check_while_typing (self);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

static void
entry_activated_cb (MuluFieldRow *self)
{
  commit_text (self, TRUE);
}

static void
focus_leave_cb (MuluFieldRow *self)
{
  if (self->kind == KIND_ENTRY || self->kind == KIND_TEXT)
    commit_text (self, TRUE);
}

static gboolean
text_key_pressed_cb (MuluFieldRow    *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  /* Enter starts a new line in long text; Ctrl+Enter commits. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      commit_text (self, TRUE);
      return TRUE;
    }
  return FALSE;
}

gboolean
mulu_field_row_has_pending_edit (MuluFieldRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;

  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), FALSE);

  if (self->kind != KIND_ENTRY && self->kind != KIND_TEXT)
    return FALSE;
  if (self->debounce_id != 0)
    return TRUE;
  text = dup_text (self);
  stored = mulu_value_to_text (self->value);
  return g_strcmp0 (g_strstrip (text), stored) != 0;
}

gboolean
mulu_field_row_flush (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), FALSE);

  if (!mulu_field_row_has_pending_edit (self))
    return TRUE;
  return commit_text (self, FALSE);
}

static void
add_focus_leave (MuluFieldRow *self,
                 GtkWidget    *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

void
mulu_field_row_build_entry (MuluFieldRow *self,
                            const char   *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  switch (self->info->type)
    {
    case MULU_FIELD_INT:
    case MULU_FIELD_REAL:
      adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_NUMBER);
      break;
    case MULU_FIELD_DATE:
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("A date such as 2024-03-01, 2024/3/1 or 2024年3月1日"));
      break;
    case MULU_FIELD_LIST:
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Several codes, separated by commas or 、"));
      break;
    case MULU_FIELD_TEXT:
    case MULU_FIELD_BOOL:
    case MULU_FIELD_REF:
    default:
      break;
    }
  g_signal_connect_object (row, "changed", G_CALLBACK (text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
  add_focus_leave (self, GTK_WIDGET (row));

  self->inner_row = self->control = GTK_WIDGET (row);
}

void
mulu_field_row_build_text (MuluFieldRow *self,
                           const char   *title)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_label_set_markup (self->text_title, title);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (text_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
  add_focus_leave (self, GTK_WIDGET (self->text_view));
  gtk_widget_set_visible (GTK_WIDGET (self->text_box), TRUE);

  self->control = GTK_WIDGET (self->text_view);
}
