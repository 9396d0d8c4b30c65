/* mulu-record-editor.c — every field of one record, saved as it is edited
 *
 * Which fields there are, in which sections, when a field matters and what
 * it offers to choose from is in mulu-record-editor-fields.c; this file
 * loads the record, shows its findings, stores each edit as a step of the
 * history and builds the rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-record-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-record-editor-private.h"
#include "mulu-resource-code.h"

G_DEFINE_FINAL_TYPE (MuluRecordEditor, mulu_record_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ENTITY,
  PROP_CATALOG,
  PROP_HISTORY,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* — Findings ——————————————————————————————————————————————————————— */

/* The row a finding's field names: a key, a column, or a group (whose
 * first row speaks for it). */
static int
row_for_key (MuluRecordEditor *self,
             const char       *key)
{
  const MuluEntityInfo *info = mulu_record_editor_entity_info (self);
  int field;

  if (key == NULL)
    return -1;
  if ((field = mulu_entity_find_field (self->entity, key)) >= 0)
    return field;
  for (guint i = 0; i < info->n_fields; i++)
    if (g_strcmp0 (info->fields[i].group, key) == 0)
      return (int) i;
  return -1;
}

static void
clear_finding_rows (MuluRecordEditor *self)
{
  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (self->findings_group, g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_group), FALSE);
}

static void
add_finding_row (MuluRecordEditor  *self,
                 const MuluFinding *finding)
{
  static const char * const icons[] = {
    "dialog-error-symbolic", "dialog-warning-symbolic", "dialog-information-symbolic",
  };
  static const char * const classes[] = { "error", "warning", "dim-label" };
  g_autofree char *escaped = g_markup_escape_text (finding->message, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icons[finding->severity]);

  gtk_widget_add_css_class (icon, classes[finding->severity]);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, finding->message, -1);
  adw_preferences_group_add (self->findings_group, row);
  g_ptr_array_add (self->finding_rows, row);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_group), TRUE);
}

/* Hands each row its findings; returns per field whether it has any. */
static void
show_findings (MuluRecordEditor *self,
               gboolean         *has_finding)
{
  const MuluEntityInfo *info = mulu_record_editor_entity_info (self);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) per_field = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  clear_finding_rows (self);
  for (guint i = 0; i < info->n_fields; i++)
    g_ptr_array_add (per_field, g_ptr_array_new ());

  findings = mulu_findings_for_record (self->catalog, self->entity, self->record_id, &error);
  if (findings == NULL)
    g_warning ("Findings for %s %lld: %s", info->kind, (long long) self->record_id, error->message);

  for (guint i = 0; findings && i < findings->len; i++)
    {
      MuluFinding *finding = g_ptr_array_index (findings, i);
      int field = row_for_key (self, finding->field);

      if (field >= 0 && g_ptr_array_index (self->rows, field) != NULL)
        g_ptr_array_add (g_ptr_array_index (per_field, field), finding);
      else
        add_finding_row (self, finding);
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      MuluFieldRow *row = g_ptr_array_index (self->rows, i);
      GPtrArray *mine = g_ptr_array_index (per_field, i);

      has_finding[i] = mine->len > 0;
      if (row)
        mulu_field_row_set_findings (row, mine);
    }
}

/* — Loading ———————————————————————————————————————————————————————— */

static void
show_empty (MuluRecordEditor *self,
            const char       *title,
            const char       *description)
{
  g_clear_object (&self->record);
  clear_finding_rows (self);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
reload (MuluRecordEditor *self)
{
  const MuluEntityInfo *info = mulu_record_editor_entity_info (self);
  g_autoptr(MuluRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gboolean *has_finding = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  if (self->catalog == NULL || !mulu_catalog_is_open (self->catalog) || self->record_id == 0)
    {
      show_empty (self, _("No record selected"), _("Choose a record in the list to see and edit its fields."));
      return;
    }
  if ((record = mulu_catalog_get (self->catalog, self->entity, self->record_id, &error)) == NULL)
    {
      show_empty (self, _("The record is gone"), error->message);
      return;
    }
  g_set_object (&self->record, record);

  has_finding = g_new0 (gboolean, info->n_fields);
  show_findings (self, has_finding);

  for (guint i = 0; i < info->n_fields; i++)
    {
      MuluFieldRow *row = g_ptr_array_index (self->rows, i);
      GVariant *value = mulu_record_get_value (record, i);
      g_autoptr(GVariant) choices = NULL;
      gboolean relevant, waiting;

      if (row == NULL)
        continue;
      if (mulu_field_row_has_choices (row) || mulu_field_row_get_read_only (row))
        {
          choices = mulu_record_editor_build_choices (self, record, i, mulu_field_row_get_read_only (row));
          if (choices)
            mulu_field_row_set_choices (row, g_variant_ref_sink (choices));
        }
      mulu_field_row_set_value (row, value);

      relevant = mulu_record_editor_is_relevant (self, record, i, choices);
      gtk_widget_set_visible (GTK_WIDGET (row), relevant || value != NULL || has_finding[i]);
      /* A child list with nothing to offer waits for its parent. */
      waiting = choices && g_variant_n_children (choices) == 0 && value == NULL &&
                mulu_field_row_has_choices (row);
      gtk_widget_set_sensitive (GTK_WIDGET (row), !waiting);
    }

  if (self->generate_button)
    gtk_widget_set_sensitive (self->generate_button,
                              mulu_record_is_set (record, MULU_RESOURCE_CLASS_1) &&
                              mulu_record_is_set (record, MULU_RESOURCE_CLASS_2));

  mulu_record_editor_show_history (self);
  gtk_stack_set_visible_child_name (self->stack, "record");
}

static gboolean
reload_idle_cb (gpointer data)
{
  MuluRecordEditor *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Many changes (an import, an undo of a group) make one reload. */
static void
schedule_reload (MuluRecordEditor *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
catalog_changed_cb (MuluCatalog      *catalog,
                    guint             entity,
                    gint64            id,
                    guint             change,
                    MuluRecordEditor *self)
{
  /* Data items are never the target of a reference. */
  if (entity != MULU_ENTITY_ITEM)
    g_hash_table_remove_all (self->ref_names);
  if (self->record_id == 0)
    return;
  /* Other records matter too: a duplicate name or code elsewhere changes
   * this record's findings, a renamed system its source-system list. */
  schedule_reload (self);
}

/* — Storing ———————————————————————————————————————————————————————— */

static gboolean
can_store (MuluRecordEditor *self)
{
  return self->record && self->history && self->catalog && mulu_catalog_is_open (self->catalog);
}

static gboolean
store_field (MuluRecordEditor *self,
             guint             field,
             GVariant         *value,
             GError          **error)
{
  g_autoptr(MuluRecord) copy = NULL;

  if (!can_store (self))
    {
      g_set_error_literal (error, MULU_ERROR, MULU_ERROR_FAILED,
                           _("This record cannot be changed here: no catalog is open for editing."));
      return FALSE;
    }

  /* From the catalog, not from self->record: a change made elsewhere (an
   * undo) may not have reached the rows yet, and must not be overwritten
   * with what they showed. */
  if ((copy = mulu_catalog_get (self->catalog, self->entity, self->record_id, error)) == NULL)
    return FALSE;
  mulu_record_set_value (copy, field, value);
  mulu_record_editor_clear_dependents (self, copy, field);
  if (!mulu_history_update (self->history, copy, error))
    return FALSE;

  g_set_object (&self->record, copy);
  schedule_reload (self);
  return TRUE;
}

static gboolean
row_commit_cb (MuluFieldRow     *row,
               GVariant         *value,
               MuluRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!store_field (self, mulu_field_row_get_field (row), value, &error))
    {
      mulu_field_row_set_error (row, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
generate_code_cb (MuluRecordEditor *self)
{
  MuluFieldRow *row = g_ptr_array_index (self->rows, MULU_RESOURCE_CODE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *code = NULL;

  if (self->record == NULL)
    return;
  code = mulu_resource_next_code (self->catalog,
                                  mulu_record_get_string (self->record, MULU_RESOURCE_CLASS_1),
                                  mulu_record_get_string (self->record, MULU_RESOURCE_CLASS_2),
                                  mulu_record_get_string (self->record, MULU_RESOURCE_CLASS_3),
                                  &error);
  if (code)
    value = g_variant_ref_sink (g_variant_new_string (code));
  if (code == NULL || !store_field (self, MULU_RESOURCE_CODE, value, &error))
    {
      mulu_field_row_set_error (row, error->message);
      return;
    }
  mulu_field_row_set_value (row, mulu_record_get_value (self->record, MULU_RESOURCE_CODE));
}

gboolean
mulu_record_editor_flush (MuluRecordEditor *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (MULU_IS_RECORD_EDITOR (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      MuluFieldRow *row = g_ptr_array_index (self->rows, i);
      if (row && !mulu_field_row_flush (row))
        ok = FALSE;
    }
  return ok;
}

/* — Building ——————————————————————————————————————————————————————— */

static void
add_row (MuluRecordEditor    *self,
         AdwPreferencesGroup *group,
         guint                field)
{
  const MuluField *f = &mulu_record_editor_entity_info (self)->fields[field];
  gboolean read_only = (f->flags & MULU_FIELD_FLAG_PARENT) != 0;
  GtkWidget *row = mulu_field_row_new (self->entity, field, read_only);

  g_signal_connect_object (row, "commit", G_CALLBACK (row_commit_cb), self, 0);
  g_ptr_array_index (self->rows, field) = row;
  adw_preferences_group_add (group, row);

  if (self->entity == MULU_ENTITY_RESOURCE && field == MULU_RESOURCE_CODE)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Generate code"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Make the next free code from the classification"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Generate code"), -1);
      g_signal_connect_object (button, "clicked", G_CALLBACK (generate_code_cb), self, G_CONNECT_SWAPPED);
      mulu_field_row_add_suffix (MULU_FIELD_ROW (row), button);
      self->generate_button = button;
    }
}

static void
build_sections (MuluRecordEditor *self)
{
  const MuluEntityInfo *info = mulu_record_editor_entity_info (self);
  guint n_sections;
  const Section *sections = mulu_record_editor_get_sections (self->entity, &n_sections);
  AdwPreferencesGroup *group = NULL;

  g_ptr_array_set_size (self->rows, info->n_fields);

  for (guint s = 0; s < n_sections; s++)
    {
      /* Group titles are markup: "O&M" must be escaped. */
      g_autofree char *title = g_markup_escape_text (g_dgettext (GETTEXT_PACKAGE, sections[s].title), -1);
      g_autofree char *description = sections[s].description
                                     ? g_markup_escape_text (g_dgettext (GETTEXT_PACKAGE, sections[s].description), -1)
                                     : NULL;

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, title);
      adw_preferences_group_set_description (group, description);
      adw_preferences_page_add (self->page, group);

      for (const int *f = sections[s].fields; *f != END; f++)
        add_row (self, group, (guint) *f);
    }

  /* Whatever no section names goes into the last one. */
  for (guint i = 0; i < info->n_fields; i++)
    if (g_ptr_array_index (self->rows, i) == NULL)
      add_row (self, group, i);

  self->history_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->history_group, _("Change History"));
  adw_preferences_group_set_description (self->history_group,
    _("Who changed what, newest first. The log is chained: “mulu-cli verify” finds any entry altered outside Mulu."));
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
  adw_preferences_page_add (self->page, self->history_group);
}

/* — GObject ———————————————————————————————————————————————————————— */

static void
mulu_record_editor_constructed (GObject *object)
{
  MuluRecordEditor *self = MULU_RECORD_EDITOR (object);

  G_OBJECT_CLASS (mulu_record_editor_parent_class)->constructed (object);

  build_sections (self);
  reload (self);
}

static void
mulu_record_editor_dispose (GObject *object)
{
  MuluRecordEditor *self = MULU_RECORD_EDITOR (object);

  /* What is still being typed belongs to the record it was typed for. */
  if (can_store (self))
    mulu_record_editor_flush (self);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->catalog)
    g_clear_signal_handler (&self->changed_id, self->catalog);
  g_clear_object (&self->catalog);
  g_clear_object (&self->history);
  g_clear_object (&self->record);
  /* AdwBin keeps its own pointer to the stack: let it drop the stack first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_RECORD_EDITOR);

  G_OBJECT_CLASS (mulu_record_editor_parent_class)->dispose (object);
}

static void
mulu_record_editor_finalize (GObject *object)
{
  MuluRecordEditor *self = MULU_RECORD_EDITOR (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->finding_rows);
  g_ptr_array_unref (self->history_rows);
  g_hash_table_unref (self->ref_names);

  G_OBJECT_CLASS (mulu_record_editor_parent_class)->finalize (object);
}

static void
mulu_record_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MuluRecordEditor *self = MULU_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      g_value_set_uint (value, self->entity);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_record_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MuluRecordEditor *self = MULU_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      self->entity = g_value_get_uint (value);
      break;
    case PROP_CATALOG:
      mulu_record_editor_set_catalog (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      mulu_record_editor_set_history (self, g_value_get_object (value));
      break;
    case PROP_RECORD_ID:
      mulu_record_editor_set_record_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_record_editor_class_init (MuluRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mulu_record_editor_constructed;
  object_class->dispose = mulu_record_editor_dispose;
  object_class->finalize = mulu_record_editor_finalize;
  object_class->get_property = mulu_record_editor_get_property;
  object_class->set_property = mulu_record_editor_set_property;

  properties[PROP_ENTITY] =
    g_param_spec_uint ("entity", NULL, NULL, 0, MULU_N_ENTITIES - 1, MULU_ENTITY_RESOURCE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, MULU_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, MULU_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluRecordEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordEditor, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordEditor, page);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordEditor, findings_group);

  g_type_ensure (MULU_TYPE_FIELD_ROW);
}

static void
mulu_record_editor_init (MuluRecordEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->finding_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->ref_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_variant_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mulu_record_editor_new (MuluEntity entity)
{
  g_return_val_if_fail (entity < MULU_N_ENTITIES, NULL);

  return g_object_new (MULU_TYPE_RECORD_EDITOR, "entity", entity, NULL);
}

MuluEntity
mulu_record_editor_get_entity (MuluRecordEditor *self)
{
  g_return_val_if_fail (MULU_IS_RECORD_EDITOR (self), 0);
  return self->entity;
}

MuluCatalog *
mulu_record_editor_get_catalog (MuluRecordEditor *self)
{
  g_return_val_if_fail (MULU_IS_RECORD_EDITOR (self), NULL);
  return self->catalog;
}

void
mulu_record_editor_set_catalog (MuluRecordEditor *self,
                                MuluCatalog      *catalog)
{
  g_return_if_fail (MULU_IS_RECORD_EDITOR (self));
  g_return_if_fail (catalog == NULL || MULU_IS_CATALOG (catalog));

  if (self->catalog == catalog)
    return;

  if (can_store (self))
    mulu_record_editor_flush (self);
  if (self->catalog)
    g_clear_signal_handler (&self->changed_id, self->catalog);
  g_set_object (&self->catalog, catalog);
  g_hash_table_remove_all (self->ref_names);
  if (catalog)
    self->changed_id = g_signal_connect_object (catalog, "changed", G_CALLBACK (catalog_changed_cb), self, 0);
  /* A history of another catalog cannot store this one's edits. */
  if (self->history && mulu_history_get_catalog (self->history) != catalog)
    {
      g_clear_object (&self->history);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
    }
  if (self->record_id != 0)
    {
      self->record_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
    }
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

MuluHistory *
mulu_record_editor_get_history (MuluRecordEditor *self)
{
  g_return_val_if_fail (MULU_IS_RECORD_EDITOR (self), NULL);
  return self->history;
}

void
mulu_record_editor_set_history (MuluRecordEditor *self,
                                MuluHistory      *history)
{
  g_return_if_fail (MULU_IS_RECORD_EDITOR (self));
  g_return_if_fail (history == NULL || MULU_IS_HISTORY (history));

  if (self->history == history)
    return;
  if (history && mulu_history_get_catalog (history) != self->catalog)
    mulu_record_editor_set_catalog (self, mulu_history_get_catalog (history));
  g_set_object (&self->history, history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

gint64
mulu_record_editor_get_record_id (MuluRecordEditor *self)
{
  g_return_val_if_fail (MULU_IS_RECORD_EDITOR (self), 0);
  return self->record_id;
}

void
mulu_record_editor_set_record_id (MuluRecordEditor *self,
                                  gint64            id)
{
  g_return_if_fail (MULU_IS_RECORD_EDITOR (self));
  g_return_if_fail (id >= 0);

  if (self->record_id == id)
    return;
  if (can_store (self))
    mulu_record_editor_flush (self);
  self->record_id = id;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
}

MuluFieldRow *
mulu_record_editor_get_row (MuluRecordEditor *self,
                            const char       *key)
{
  int field;

  g_return_val_if_fail (MULU_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((field = row_for_key (self, key)) < 0)
    return NULL;
  return g_ptr_array_index (self->rows, field);
}

gboolean
mulu_record_editor_focus_field (MuluRecordEditor *self,
                                const char       *key)
{
  MuluFieldRow *row;

  g_return_val_if_fail (MULU_IS_RECORD_EDITOR (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (self->record == NULL || (row = mulu_record_editor_get_row (self, key)) == NULL)
    return FALSE;
  gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
  return gtk_widget_grab_focus (GTK_WIDGET (row));
}
