/* mulu-field-row.c
 *
 * Typed text is committed on Enter, when focus leaves the field, and after
 * a pause in typing. What the person typed is never replaced behind their
 * back: a refused value stays in the field with its reason, and a reload
 * that brings the value the row already holds leaves the text alone.
 *
 * The text kinds (entries and long text) are in mulu-field-row-text.c,
 * the choices (code tables, references) in mulu-field-row-choices.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-field-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-field-row-private.h"

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

void
mulu_field_row_update_message (MuluFieldRow *self)
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
  mulu_field_row_update_message (self);
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
  mulu_field_row_update_message (self);
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

/* — Value ——————————————————————————————————————————————————————————— */

gboolean
mulu_field_row_emit_commit (MuluFieldRow *self,
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
void
mulu_field_row_take_value (MuluFieldRow *self,
                           GVariant     *value)
{
  if (value)
    g_variant_take_ref (value);
  g_clear_pointer (&self->value, g_variant_unref);
  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

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
  mulu_field_row_take_value (self, value);

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
        mulu_field_row_show_text (self, text);
      }
      break;
    case KIND_CHOICE:
      /* Rebuild when the value is not listed, or to drop the entry kept
       * for a previous value that was not. */
      if ((value && mulu_field_row_find_shown (self, value) == GTK_INVALID_LIST_POSITION) ||
          self->shown_values->len > 1 + (self->choices ? g_variant_n_children (self->choices) : 0))
        mulu_field_row_rebuild_model (self);
      else
        {
          self->loading++;
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->control), mulu_field_row_find_shown (self, value));
          self->loading--;
        }
      break;
    case KIND_READ_ONLY:
      mulu_field_row_show_read_only (self);
      break;
    default:
      g_assert_not_reached ();
    }
  mulu_field_row_update_message (self);
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
      mulu_field_row_build_entry (self, title);
      break;
    case KIND_TEXT:
      mulu_field_row_build_text (self, title);
      break;
    case KIND_CHOICE:
      mulu_field_row_build_choice (self, title);
      break;
    case KIND_READ_ONLY:
      mulu_field_row_build_read_only (self, title);
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
