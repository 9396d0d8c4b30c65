/* mulu-record-editor-fields.c — which fields the editor shows, and when
 *
 * The sections are lists of field indices; whatever a section table does
 * not name lands in the last section, so a field added to mulu-entity.h
 * shows up without touching this file. A field that only matters for one
 * choice (the sharing condition for 有条件共享) appears with that choice,
 * and stays while it holds a value or a finding, so nothing is hidden that
 * a clerk would have to clear. Dropdowns cascade (类 → 项 → 目, format
 * category → type) and a changed parent clears what depended on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-record-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-record-editor-private.h"

/* — Sections ——————————————————————————————————————————————————————— */

static const int system_basic[] = {
  MULU_SYSTEM_DEPARTMENT, MULU_SYSTEM_NAME, MULU_SYSTEM_FUNCTION, MULU_SYSTEM_USAGE_SCOPE,
  MULU_SYSTEM_USAGE_FREQUENCY, MULU_SYSTEM_APPROVAL_DEPARTMENT, MULU_SYSTEM_APPROVAL_DATE,
  MULU_SYSTEM_FUNDING_SOURCE, END };
static const int system_construction[] = {
  MULU_SYSTEM_BUILDER, MULU_SYSTEM_CONTRACTOR, MULU_SYSTEM_MAINTAINER, MULU_SYSTEM_GO_LIVE_DATE,
  MULU_SYSTEM_OM_CONTRACT_END, MULU_SYSTEM_CONSTRUCTION_COST, MULU_SYSTEM_ANNUAL_OM_COST,
  MULU_SYSTEM_CONSTRUCTION_MODE, MULU_SYSTEM_OM_MODE, END };
static const int system_operation[] = {
  MULU_SYSTEM_LAYER, MULU_SYSTEM_STATUS, MULU_SYSTEM_NETWORK, MULU_SYSTEM_HOSTING,
  MULU_SYSTEM_PROTECTION_LEVEL, MULU_SYSTEM_SECRECY, MULU_SYSTEM_USER_COUNT, MULU_SYSTEM_USER_GROUP,
  MULU_SYSTEM_SHARING_PLATFORM_CONNECTED, END };
static const int system_zombie[] = {
  MULU_SYSTEM_SUPPORTS_CURRENT_DUTIES, MULU_SYSTEM_REPLACED_BY, MULU_SYSTEM_LAST_BUSINESS_USE,
  MULU_SYSTEM_LAST_LOGIN, MULU_SYSTEM_UTILIZATION_PERCENT, MULU_SYSTEM_LAST_UPDATE, END };
static const int system_remarks[] = { MULU_SYSTEM_REMARKS, END };

static const Section system_sections[] = {
  { N_("Basic information"), N_("The fields the census asks of every system."), system_basic },
  { N_("Construction and O&M"), NULL, system_construction },
  { N_("Operation"), NULL, system_operation },
  { N_("Zombie system evidence"), N_("Mulu judges the five zombie criteria from these."), system_zombie },
  { N_("Remarks"), NULL, system_remarks },
};

static const int resource_basic[] = {
  MULU_RESOURCE_NAME, MULU_RESOURCE_CODE, MULU_RESOURCE_CLASS_1, MULU_RESOURCE_CLASS_2,
  MULU_RESOURCE_CLASS_3, MULU_RESOURCE_CLASS_4, MULU_RESOURCE_SUMMARY, MULU_RESOURCE_DEPARTMENT,
  MULU_RESOURCE_SYSTEM, END };
static const int resource_format[] = {
  MULU_RESOURCE_FORMAT_CATEGORY, MULU_RESOURCE_FORMAT_TYPE, MULU_RESOURCE_FORMAT_NOTE, END };
static const int resource_sharing[] = {
  MULU_RESOURCE_SHARE_TYPE, MULU_RESOURCE_SHARE_CONDITION, MULU_RESOURCE_SHARE_BASIS_TYPE,
  MULU_RESOURCE_SHARE_BASIS, MULU_RESOURCE_SHARE_METHOD_CATEGORY, MULU_RESOURCE_SHARE_METHOD_TYPE,
  MULU_RESOURCE_SHARE_METHOD_REASON, END };
static const int resource_opening[] = { MULU_RESOURCE_OPEN_TYPE, MULU_RESOURCE_OPEN_CONDITION, END };
static const int resource_update[] = {
  MULU_RESOURCE_UPDATE_CYCLE, MULU_RESOURCE_PUBLISH_DATE, MULU_RESOURCE_RELATED_CODES, END };
static const int resource_secrecy[] = { MULU_RESOURCE_SECRECY, MULU_RESOURCE_SECRET_LEVEL, END };
static const int resource_volume[] = {
  MULU_RESOURCE_VOLUME_RECORDS, MULU_RESOURCE_VOLUME_STORAGE_GB, MULU_RESOURCE_VOLUME_STRUCTURED_GB,
  MULU_RESOURCE_VOLUME_UNSTRUCTURED_GB, MULU_RESOURCE_VOLUME_SHARED_RECORDS,
  MULU_RESOURCE_VOLUME_OPENED_RECORDS, END };

static const Section resource_sections[] = {
  { N_("Basic information"), NULL, resource_basic },
  { N_("Format"), NULL, resource_format },
  { N_("Sharing"), NULL, resource_sharing },
  { N_("Opening"), NULL, resource_opening },
  { N_("Updates and publication"), NULL, resource_update },
  { N_("Secrecy"), N_("A classified (涉密) resource keeps only its name, provider and classification here."), resource_secrecy },
  { N_("Volume"), N_("Numbers only, 0 when unknown."), resource_volume },
};

static const int no_fields[] = { END };

static const Section department_sections[] = {
  { N_("Department"), NULL, no_fields },
};

static const Section item_sections[] = {
  { N_("Data item"), NULL, no_fields },
};

const Section *
mulu_record_editor_get_sections (MuluEntity  entity,
                                 guint      *n_sections)
{
  switch (entity)
    {
    case MULU_ENTITY_SYSTEM:
      *n_sections = G_N_ELEMENTS (system_sections);
      return system_sections;
    case MULU_ENTITY_RESOURCE:
      *n_sections = G_N_ELEMENTS (resource_sections);
      return resource_sections;
    case MULU_ENTITY_DEPARTMENT:
      *n_sections = G_N_ELEMENTS (department_sections);
      return department_sections;
    case MULU_ENTITY_ITEM:
    case MULU_N_ENTITIES:
    default:
      *n_sections = G_N_ELEMENTS (item_sections);
      return item_sections;
    }
}

/* — Fields that depend on others ————————————————————————————————— */

const MuluEntityInfo *
mulu_record_editor_entity_info (MuluRecordEditor *self)
{
  return mulu_entity_get_info (self->entity);
}

static gboolean
is_classification (const MuluField *f)
{
  return g_strcmp0 (f->group, "classification") == 0;
}

static const char *
code_table_of (const MuluField *f)
{
  return is_classification (f) ? "classification" : f->code_table;
}

/* The field whose value this field's choices hang under: 项 under 类,
 * the format type under its category. Two fields share a code table only
 * when one refines the other, so the earlier one is the parent. */
static int
cascade_parent (MuluEntity entity,
                guint      field)
{
  const MuluEntityInfo *info = mulu_entity_get_info (entity);
  const MuluField *f = &info->fields[field];

  if (is_classification (f))
    {
      for (guint i = 0; i < info->n_fields; i++)
        if (is_classification (&info->fields[i]) && info->fields[i].sub == f->sub - 1)
          return (int) i;
      return -1;
    }
  if (f->code_table == NULL)
    return -1;
  for (guint i = field; i > 0; i--)
    if (g_strcmp0 (info->fields[i - 1].code_table, f->code_table) == 0)
      return (int) (i - 1);
  return -1;
}

/* The code-table path the field's choices hang under: NULL for the roots.
 * FALSE when a parent is not chosen yet. */
static gboolean
get_parent_path (MuluEntity   entity,
                 MuluRecord  *record,
                 guint        field,
                 char       **out_path)
{
  int parent = cascade_parent (entity, field);
  g_autofree char *above = NULL;
  const char *value;

  *out_path = NULL;
  if (parent < 0)
    return TRUE;
  if ((value = mulu_record_get_string (record, (guint) parent)) == NULL)
    return FALSE;
  if (!get_parent_path (entity, record, (guint) parent, &above))
    return FALSE;
  *out_path = above ? g_strconcat (above, "/", value, NULL) : g_strdup (value);
  return TRUE;
}

/* A changed parent clears the children it no longer has. A classification
 * child always goes: 项 01 under another 类 is another thing. */
void
mulu_record_editor_clear_dependents (MuluRecordEditor *self,
                                     MuluRecord       *record,
                                     guint             field)
{
  const MuluEntityInfo *info = mulu_record_editor_entity_info (self);
  MuluCodes *codes = mulu_catalog_get_codes (self->catalog);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MuluField *f = &info->fields[i];
      g_autofree char *path = NULL;

      if (cascade_parent (self->entity, i) != (int) field || !mulu_record_is_set (record, i))
        continue;
      if (is_classification (f) || !get_parent_path (self->entity, record, i, &path) ||
          mulu_codes_lookup (codes, f->code_table, path, mulu_record_get_string (record, i)) == NULL)
        {
          mulu_record_set_value (record, i, NULL);
          mulu_record_editor_clear_dependents (self, record, i);
        }
    }
}

static gboolean
string_is (MuluRecord *record,
           guint       field,
           const char *value)
{
  return g_strcmp0 (mulu_record_get_string (record, field), value) == 0;
}

/* Whether the field matters for the choices made so far. */
gboolean
mulu_record_editor_is_relevant (MuluRecordEditor *self,
                                MuluRecord       *record,
                                guint             field,
                                GVariant         *choices)
{
  const MuluField *f = &mulu_record_editor_entity_info (self)->fields[field];
  g_autofree char *path = NULL;

  /* A classified resource keeps only what may leave the file (§6). */
  if (self->entity == MULU_ENTITY_RESOURCE && string_is (record, MULU_RESOURCE_SECRECY, "涉密") &&
      !(f->flags & (MULU_FIELD_FLAG_SECRET_SAFE | MULU_FIELD_FLAG_PARENT)))
    return FALSE;

  if (self->entity == MULU_ENTITY_RESOURCE)
    switch (field)
      {
      case MULU_RESOURCE_FORMAT_NOTE:
        return string_is (record, MULU_RESOURCE_FORMAT_CATEGORY, "其他") ||
               string_is (record, MULU_RESOURCE_FORMAT_TYPE, "其他");
      case MULU_RESOURCE_SHARE_CONDITION:
        return string_is (record, MULU_RESOURCE_SHARE_TYPE, "有条件共享");
      case MULU_RESOURCE_SHARE_BASIS_TYPE:
      case MULU_RESOURCE_SHARE_BASIS:
        return string_is (record, MULU_RESOURCE_SHARE_TYPE, "不予共享");
      case MULU_RESOURCE_SHARE_METHOD_REASON:
        return string_is (record, MULU_RESOURCE_SHARE_METHOD_CATEGORY, "邮件或介质");
      case MULU_RESOURCE_OPEN_CONDITION:
        return string_is (record, MULU_RESOURCE_OPEN_TYPE, "有条件开放");
      case MULU_RESOURCE_SECRET_LEVEL:
        return string_is (record, MULU_RESOURCE_SECRECY, "涉密");
      default:
        break;
      }

  if (cascade_parent (self->entity, field) < 0)
    return TRUE;
  /* 细目 exists only where the classification tree has that level. */
  if (is_classification (f) && f->sub >= 3)
    return choices && g_variant_n_children (choices) > 0;
  /* Before its parent is chosen a child is shown, waiting; after, only
   * when the parent has children (自描述格式 has no types). */
  if (!get_parent_path (self->entity, record, field, &path))
    return TRUE;
  return choices && g_variant_n_children (choices) > 0;
}

/* — Choices ———————————————————————————————————————————————————————— */

/* The ids and names of the records a reference field can point to. Every
 * record is read in full to get its name, which for a system's "replaced
 * by" (every other system, 10,000 at the size of issue #5) cost a third of
 * a second each time a system was shown; so they are kept until a record
 * of any kind but a data item changes. */
static GVariant *
ref_names (MuluRecordEditor *self,
           MuluEntity        ref,
           gint64            parent_id)
{
  g_autofree char *key = g_strdup_printf ("%u/%lld", (guint) ref, (long long) parent_id);
  GVariant *names = g_hash_table_lookup (self->ref_names, key);
  g_autoptr(MuluRecordList) list = NULL;
  GVariantBuilder builder;
  guint n;

  if (names)
    return names;
  list = mulu_record_list_new (self->catalog, ref);
  if (parent_id > 0)
    mulu_record_list_set_parent (list, parent_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xs)"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MuluRecord) r = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *fallback = NULL;
      const char *name;

      if (r == NULL)
        continue;
      if ((name = mulu_record_get_name (r)) == NULL)
        name = fallback = g_strdup_printf (_("%s number %lld"), mulu_entity_get_label (ref),
                                           (long long) mulu_record_get_id (r));
      g_variant_builder_add (&builder, "(xs)", (gint64) mulu_record_get_id (r), name);
    }
  names = g_variant_ref_sink (g_variant_builder_end (&builder));
  g_hash_table_insert (self->ref_names, g_steal_pointer (&key), names);
  return names;
}

static void
add_ref_choices (MuluRecordEditor *self,
                 GVariantBuilder  *builder,
                 MuluEntity        ref,
                 gint64            parent_id,
                 gint64            exclude_id)
{
  GVariantIter iter;
  gint64 id;
  const char *name;

  g_variant_iter_init (&iter, ref_names (self, ref, parent_id));
  while (g_variant_iter_next (&iter, "(x&s)", &id, &name))
    if (id != exclude_id)
      g_variant_builder_add (builder, "(vs)", g_variant_new_int64 (id), name);
}

GVariant *
mulu_record_editor_build_choices (MuluRecordEditor *self,
                                  MuluRecord       *record,
                                  guint             field,
                                  gboolean          read_only)
{
  const MuluEntityInfo *info = mulu_record_editor_entity_info (self);
  const MuluField *f = &info->fields[field];
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a(vs)"));

  if (f->type == MULU_FIELD_REF)
    {
      gint64 parent_id = info->parent_field >= 0 ? mulu_record_get_int (record, (guint) info->parent_field) : 0;
      gint64 self_id = mulu_record_get_id (record);

      if (read_only)
        {
          /* Only the name of what is there: a data item's resource could be
           * one of thousands. */
          gint64 id = mulu_record_get_int (record, field);
          g_autoptr(MuluRecord) target = id > 0 ? mulu_catalog_get (self->catalog, f->ref, id, NULL) : NULL;

          if (target && mulu_record_get_name (target))
            g_variant_builder_add (builder, "(vs)", g_variant_new_int64 (id), mulu_record_get_name (target));
        }
      else if (f->ref == self->entity)
        /* Parent department, replaced-by system: any other of its kind. */
        add_ref_choices (self, builder, f->ref, 0, self_id);
      else
        {
          const MuluEntityInfo *target = mulu_entity_get_info (f->ref);
          /* A resource's source system belongs to its provider. */
          gboolean same_owner = target->parent_field >= 0 && info->parent_field >= 0 &&
                                target->fields[target->parent_field].ref == info->fields[info->parent_field].ref;

          add_ref_choices (self, builder, f->ref, same_owner ? parent_id : 0, 0);
        }
    }
  else if (code_table_of (f))
    {
      const char *table = code_table_of (f);
      g_autofree char *path = NULL;
      GPtrArray *entries;

      if (get_parent_path (self->entity, record, field, &path) &&
          (entries = mulu_codes_list (mulu_catalog_get_codes (self->catalog), table, path)) != NULL)
        for (guint i = 0; i < entries->len; i++)
          {
            const MuluCodeEntry *e = g_ptr_array_index (entries, i);
            g_autofree char *label = NULL;

            /* Classification codes make up the resource code, so show them. */
            if (is_classification (f) && g_strcmp0 (e->label, e->value) != 0)
              label = g_strdup_printf ("%s %s", e->value, e->label);
            g_variant_builder_add (builder, "(vs)", g_variant_new_string (e->value), label ? label : e->label);
          }
    }
  else
    return NULL;

  return g_variant_builder_end (builder);
}
