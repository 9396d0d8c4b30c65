/* mulu-field-row.c
 *
 * Typed text is committed on Enter, when focus leaves the field, and after
 * a pause in typing. What the person typed is never replaced behind their
 * back: a refused value stays in the field with its reason, and a reload
 * that brings the value the row already holds leaves the text alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-field-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-field-row.h"

#define DEBOUNCE_MS 600

typedef enum {
  KIND_ENTRY,     /* AdwEntryRow: text, dates, numbers, lists of codes */
  KIND_TEXT,      /* GtkTextView: long text */
  KIND_CHOICE,    /* AdwComboRow: code tables, references, yes/no */
  KIND_READ_ONLY, /* AdwActionRow showing the value */
} Kind;

struct _MuluFieldRow
{
  AdwPreferencesRow  parent_instance;

  MuluEntity         entity;
  guint              field;
  const MuluField   *info;
  gboolean           read_only;
  Kind               kind;

  GVariant          *value;          /* as stored in the catalog */
  GVariant          *choices;        /* a(vs), without the "none" entry */
  GPtrArray         *shown_values;   /* GVariant or NULL, one per model item */
  GtkStringList     *model;

  char              *error;          /* why the entered value was refused */
  char              *live;           /* a check made while typing (the credit code) */
  gboolean           live_is_error;
  char              *finding;        /* the findings about this field, joined */
  MuluSeverity       finding_severity;
  char              *message;        /* what the message label shows */
  MuluSeverity       severity;

  guint              debounce_id;
  guint              loading;        /* > 0 while the row sets its own widgets */

  GtkWidget         *control;
  GtkWidget         *inner_row;

  /* template */
  GtkListBox        *list;
  GtkBox            *text_box;
  GtkLabel          *text_title;
  GtkTextView       *text_view;
  GtkLabel          *message_label;
};

G_DEFINE_FINAL_TYPE (MuluFieldRow, mulu_field_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_ENTITY,
  PROP_FIELD,
  PROP_READ_ONLY,
  PROP_VALUE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { COMMIT, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The inner list must look like part of the outer row, not a list of its
 * own. Kept with the widget so the tests and the window render alike. */
static const char row_css[] =
  "row.mulu-field-row { padding: 0; }\n"
  "row.mulu-field-row list.mulu-field-list { background: none; color: inherit; }\n"
  "row.mulu-field-row list.mulu-field-list > row.activatable:hover { background-color: alpha(currentColor, 0.03); }\n"
  "row.mulu-field-row list.mulu-field-list > row.activatable:active { background-color: alpha(currentColor, 0.08); }\n"
  "list.boxed-list > row.mulu-field-row:first-child list.mulu-field-list > row"
  " { border-top-left-radius: 12px; border-top-right-radius: 12px; }\n"
  "list.boxed-list > row.mulu-field-row:last-child:not(.has-message) list.mulu-field-list > row"
  " { border-bottom-left-radius: 12px; border-bottom-right-radius: 12px; }\n";

static void
ensure_style (void)
{
  static GdkDisplay *styled;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == styled)
    return;
  styled = display;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, row_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
variant_unref0 (gpointer data)
{
  if (data)
    g_variant_unref (data);
}

static gboolean
is_classification (const MuluField *f)
{
  return g_strcmp0 (f->group, "classification") == 0;
}

static char *
dup_title_markup (MuluFieldRow *self)
{
  g_autofree char *escaped = g_markup_escape_text (mulu_field_get_label (self->info), -1);

  /* A subtle marker: the census asks for this field. */
  if (self->info->flags & MULU_FIELD_FLAG_REQUIRED)
    return g_strdup_printf ("%s <span alpha=\"60%%\">*</span>", escaped);
  return g_steal_pointer (&escaped);
}

static GtkAccessible *
accessible_control (MuluFieldRow *self)
{
  /* The entry row's text is what takes the input, so it carries the name. */
  if (self->kind == KIND_ENTRY)
    return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->control)));
  return GTK_ACCESSIBLE (self->control);
}

/* — Messages ——————————————————————————————————————————————————————— */

static void
update_message (MuluFieldRow *self)
{
  static const char * const classes[] = { "error", "warning", "dim-label" };
  const char *text = NULL;
  MuluSeverity severity = MULU_N_SEVERITIES;
  GtkAccessible *accessible;

  if (self->error)
    {
      text = self->error;
      severity = MULU_SEVERITY_ERROR;
    }
  else if (self->live)
    {
      text = self->live;
      severity = self->live_is_error ? MULU_SEVERITY_ERROR : MULU_SEVERITY_HINT;
    }
  else if (self->finding)
    {
      text = self->finding;
      severity = self->finding_severity;
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), classes[i]);
  if (severity < MULU_N_SEVERITIES)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), classes[severity]);
  gtk_label_set_text (self->message_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  if (text)
    gtk_widget_add_css_class (GTK_WIDGET (self), "has-message");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "has-message");

  if (self->kind == KIND_ENTRY)
    {
      if (self->error)
        gtk_widget_add_css_class (self->control, "error");
      else
        gtk_widget_remove_css_class (self->control, "error");
    }

  accessible = accessible_control (self);
  if (text)
    gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_update_state (accessible, GTK_ACCESSIBLE_STATE_INVALID,
                               severity == MULU_SEVERITY_ERROR ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  self->severity = severity;
  if (g_strcmp0 (self->message, text) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
}

void
mulu_field_row_set_error (MuluFieldRow *self,
                          const char   *message)
{
  g_return_if_fail (MULU_IS_FIELD_ROW (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  update_message (self);
}

void
mulu_field_row_set_findings (MuluFieldRow *self,
                             GPtrArray    *findings)
{
  g_autoptr(GString) text = NULL;
  MuluSeverity worst = MULU_N_SEVERITIES;

  g_return_if_fail (MULU_IS_FIELD_ROW (self));

  for (guint i = 0; findings && i < findings->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (findings, i);

      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append (text, f->message);
      worst = MIN (worst, f->severity);
    }

  g_free (self->finding);
  self->finding = text ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
  self->finding_severity = worst;
  update_message (self);
}

const char *
mulu_field_row_get_message (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), NULL);
  return self->message;
}

MuluSeverity
mulu_field_row_get_severity (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), MULU_N_SEVERITIES);
  return self->severity;
}

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

static void
show_text (MuluFieldRow *self,
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

static gboolean
emit_commit (MuluFieldRow *self,
             GVariant     *value)
{
  gboolean stored = FALSE;

  /* A row nobody listens to is a plain editor: it keeps what it is given. */
  if (!g_signal_has_handler_pending (self, signals[COMMIT], 0, FALSE))
    return TRUE;
  g_signal_emit (self, signals[COMMIT], 0, value, &stored);
  return stored;
}

/* Takes the caller's reference (or the floating one). */
static void
take_value (MuluFieldRow *self,
            GVariant     *value)
{
  if (value)
    g_variant_take_ref (value);
  g_clear_pointer (&self->value, g_variant_unref);
  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
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
      if (!emit_commit (self, value))
        return FALSE;
      take_value (self, g_variant_ref (value));
    }
  mulu_field_row_set_error (self, NULL);

  if (explicit)
    {
      g_autofree char *shown = mulu_value_to_text (self->value);
      show_text (self, shown);
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
  update_message (self);
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

static guint
find_shown (MuluFieldRow *self,
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

static void
show_read_only (MuluFieldRow *self)
{
  g_autofree char *label = dup_choice_label (self, self->value);
  g_autofree char *escaped = g_markup_escape_text (label ? label : _("Not filled in"), -1);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->control), escaped);
}

/* Rebuilds the list: "none", the choices, and the stored value when it is
 * not among them, so that an imported value is shown, never dropped. */
static void
rebuild_model (MuluFieldRow *self)
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
  if (self->value && find_shown (self, self->value) == GTK_INVALID_LIST_POSITION)
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
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->control), find_shown (self, self->value));
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

  if (!emit_commit (self, value))
    {
      self->loading++;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->control), find_shown (self, self->value));
      self->loading--;
      return;
    }
  mulu_field_row_set_error (self, NULL);
  take_value (self, value ? g_variant_ref (value) : NULL);
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
    rebuild_model (self);
  else if (self->kind == KIND_READ_ONLY)
    show_read_only (self);
}

GVariant *
mulu_field_row_get_choices (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), NULL);
  return self->choices;
}

/* — Value ——————————————————————————————————————————————————————————— */

GVariant *
mulu_field_row_get_value (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), NULL);
  return self->value;
}

void
mulu_field_row_set_value (MuluFieldRow *self,
                          GVariant     *value)
{
  g_return_if_fail (MULU_IS_FIELD_ROW (self));

  if (value)
    g_variant_ref_sink (value);
  if (mulu_value_equal (self->value, value))
    {
      /* Nothing changed underneath: whatever is being typed stays. */
      g_clear_pointer (&value, g_variant_unref);
      return;
    }
  take_value (self, value);

  /* The catalog now holds something else (an undo, another window): show
   * it, and drop a refusal that was about the text it replaces. */
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->live, g_free);

  switch (self->kind)
    {
    case KIND_ENTRY:
    case KIND_TEXT:
      {
        g_autofree char *text = mulu_value_to_text (value);
        show_text (self, text);
      }
      break;
    case KIND_CHOICE:
      /* Rebuild when the value is not listed, or to drop the entry kept
       * for a previous value that was not. */
      if ((value && find_shown (self, value) == GTK_INVALID_LIST_POSITION) ||
          self->shown_values->len > 1 + (self->choices ? g_variant_n_children (self->choices) : 0))
        rebuild_model (self);
      else
        {
          self->loading++;
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->control), find_shown (self, value));
          self->loading--;
        }
      break;
    case KIND_READ_ONLY:
      show_read_only (self);
      break;
    default:
      g_assert_not_reached ();
    }
  update_message (self);
}

/* — Construction ——————————————————————————————————————————————————— */

static gboolean
list_keynav_failed_cb (MuluFieldRow     *self,
                       GtkDirectionType  direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  /* The inner list holds one row: arrows continue in the outer list. */
  if (root == NULL || (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN))
    return FALSE;
  return gtk_widget_child_focus (root, direction == GTK_DIR_UP ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

static void
add_focus_leave (MuluFieldRow *self,
                 GtkWidget    *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

static void
build_entry (MuluFieldRow *self,
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

static void
build_text (MuluFieldRow *self,
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

static void
build_choice (MuluFieldRow *self,
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
  rebuild_model (self);
}

static void
build_read_only (MuluFieldRow *self,
                 const char   *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  self->inner_row = self->control = row;
  show_read_only (self);
}

static void
mulu_field_row_constructed (GObject *object)
{
  MuluFieldRow *self = MULU_FIELD_ROW (object);
  const MuluEntityInfo *entity_info = mulu_entity_get_info (self->entity);
  g_autofree char *title = NULL;
  const char *label;

  G_OBJECT_CLASS (mulu_field_row_parent_class)->constructed (object);

  g_assert (self->field < entity_info->n_fields);
  self->info = &entity_info->fields[self->field];
  label = mulu_field_get_label (self->info);
  title = dup_title_markup (self);

  if (self->read_only)
    self->kind = KIND_READ_ONLY;
  else if (self->info->code_table || is_classification (self->info) ||
           self->info->type == MULU_FIELD_REF || self->info->type == MULU_FIELD_BOOL)
    self->kind = KIND_CHOICE;
  else if (self->info->type == MULU_FIELD_TEXT && (self->info->flags & MULU_FIELD_FLAG_MULTILINE))
    self->kind = KIND_TEXT;
  else
    self->kind = KIND_ENTRY;

  /* The row's own title is what AdwPreferencesWindow searches. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);

  switch (self->kind)
    {
    case KIND_ENTRY:
      build_entry (self, title);
      break;
    case KIND_TEXT:
      build_text (self, title);
      break;
    case KIND_CHOICE:
      build_choice (self, title);
      break;
    case KIND_READ_ONLY:
      build_read_only (self, title);
      break;
    default:
      g_assert_not_reached ();
    }

  if (self->inner_row)
    {
      gtk_list_box_append (self->list, self->inner_row);
      gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
    }

  if (self->info->type == MULU_FIELD_BOOL && !self->read_only)
    {
      g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a(vs)"));
      g_variant_builder_add (builder, "(vs)", g_variant_new_boolean (TRUE), _("Yes"));
      g_variant_builder_add (builder, "(vs)", g_variant_new_boolean (FALSE), _("No"));
      mulu_field_row_set_choices (self, g_variant_builder_end (builder));
    }

  /* End-to-end tests and screen readers find the control by the field's
   * label alone, without the required marker the title carries. */
  if (self->kind != KIND_ENTRY)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->control), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (accessible_control (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, (self->info->flags & MULU_FIELD_FLAG_REQUIRED) != 0,
                                  -1);
  if (self->kind == KIND_READ_ONLY)
    gtk_accessible_update_property (accessible_control (self), GTK_ACCESSIBLE_PROPERTY_READ_ONLY, TRUE, -1);
}

static gboolean
mulu_field_row_grab_focus (GtkWidget *widget)
{
  MuluFieldRow *self = MULU_FIELD_ROW (widget);

  return self->control && gtk_widget_grab_focus (self->control);
}

static void
mulu_field_row_dispose (GObject *object)
{
  MuluFieldRow *self = MULU_FIELD_ROW (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_FIELD_ROW);

  G_OBJECT_CLASS (mulu_field_row_parent_class)->dispose (object);
}

static void
mulu_field_row_finalize (GObject *object)
{
  MuluFieldRow *self = MULU_FIELD_ROW (object);

  g_clear_pointer (&self->value, g_variant_unref);
  g_clear_pointer (&self->choices, g_variant_unref);
  g_clear_pointer (&self->shown_values, g_ptr_array_unref);
  g_clear_object (&self->model);
  g_free (self->error);
  g_free (self->live);
  g_free (self->finding);
  g_free (self->message);

  G_OBJECT_CLASS (mulu_field_row_parent_class)->finalize (object);
}

static void
mulu_field_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MuluFieldRow *self = MULU_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      g_value_set_uint (value, self->entity);
      break;
    case PROP_FIELD:
      g_value_set_uint (value, self->field);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_VALUE:
      g_value_set_variant (value, self->value);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_field_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MuluFieldRow *self = MULU_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      self->entity = g_value_get_uint (value);
      break;
    case PROP_FIELD:
      self->field = g_value_get_uint (value);
      break;
    case PROP_READ_ONLY:
      self->read_only = g_value_get_boolean (value);
      break;
    case PROP_VALUE:
      mulu_field_row_set_value (self, g_value_get_variant (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_field_row_class_init (MuluFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mulu_field_row_constructed;
  object_class->dispose = mulu_field_row_dispose;
  object_class->finalize = mulu_field_row_finalize;
  object_class->get_property = mulu_field_row_get_property;
  object_class->set_property = mulu_field_row_set_property;
  widget_class->grab_focus = mulu_field_row_grab_focus;

  properties[PROP_ENTITY] =
    g_param_spec_uint ("entity", NULL, NULL, 0, MULU_N_ENTITIES - 1, MULU_ENTITY_DEPARTMENT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_uint ("field", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_variant ("value", NULL, NULL, G_VARIANT_TYPE_ANY, NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MuluFieldRow::commit:
   * @value: (nullable): the parsed value, NULL to clear the field
   *
   * The person entered a new value. Return TRUE once it is stored; return
   * FALSE after mulu_field_row_set_error() to keep it unstored, shown with
   * its reason.
   */
  signals[COMMIT] = g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, g_signal_accumulator_first_wins, NULL, NULL,
                                  G_TYPE_BOOLEAN, 1, G_TYPE_VARIANT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluFieldRow, list);
  gtk_widget_class_bind_template_child (widget_class, MuluFieldRow, text_box);
  gtk_widget_class_bind_template_child (widget_class, MuluFieldRow, text_title);
  gtk_widget_class_bind_template_child (widget_class, MuluFieldRow, text_view);
  gtk_widget_class_bind_template_child_full (widget_class, "message", FALSE,
                                             G_STRUCT_OFFSET (MuluFieldRow, message_label));
  gtk_widget_class_bind_template_callback (widget_class, list_keynav_failed_cb);
}

static void
mulu_field_row_init (MuluFieldRow *self)
{
  self->shown_values = g_ptr_array_new_with_free_func (variant_unref0);
  self->severity = self->finding_severity = MULU_N_SEVERITIES;

  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mulu_field_row_new (MuluEntity entity,
                    guint      field,
                    gboolean   read_only)
{
  g_return_val_if_fail (entity < MULU_N_ENTITIES, NULL);
  g_return_val_if_fail (field < mulu_entity_get_info (entity)->n_fields, NULL);

  return g_object_new (MULU_TYPE_FIELD_ROW,
                       "entity", entity,
                       "field", field,
                       "read-only", read_only,
                       NULL);
}

MuluEntity
mulu_field_row_get_entity (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), 0);
  return self->entity;
}

guint
mulu_field_row_get_field (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), 0);
  return self->field;
}

const MuluField *
mulu_field_row_get_info (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), NULL);
  return self->info;
}

gboolean
mulu_field_row_get_read_only (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), FALSE);
  return self->read_only;
}

gboolean
mulu_field_row_has_choices (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), FALSE);
  return self->kind == KIND_CHOICE;
}

GtkWidget *
mulu_field_row_get_control (MuluFieldRow *self)
{
  g_return_val_if_fail (MULU_IS_FIELD_ROW (self), NULL);
  return self->control;
}

void
mulu_field_row_add_suffix (MuluFieldRow *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (MULU_IS_FIELD_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (ADW_IS_ENTRY_ROW (self->inner_row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->inner_row), widget);
  else if (ADW_IS_ACTION_ROW (self->inner_row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (self->inner_row), widget);
  else
    g_critical ("%s: a long-text field takes no suffix", G_STRFUNC);
}
