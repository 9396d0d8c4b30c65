/* mulu-entity.c — the field tables, expanded from mulu-entity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-entity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-entity.h"

#define FIELD_(ID, key, group, sub, column, type, ref, table, label, flags) \
  { key, group, sub, column, NULL, MULU_FIELD_##type, ref, table, label, (MuluFieldFlags) (flags) },

#define NONE MULU_FIELD_FLAG_NONE
#define REQUIRED MULU_FIELD_FLAG_REQUIRED
#define SECRET_SAFE MULU_FIELD_FLAG_SECRET_SAFE
#define PARENT MULU_FIELD_FLAG_PARENT
#define MULTILINE MULU_FIELD_FLAG_MULTILINE

static MuluField department_fields[] = { MULU_DEPARTMENT_FIELDS (FIELD_) };
static MuluField system_fields[] = { MULU_SYSTEM_FIELDS (FIELD_) };
static MuluField resource_fields[] = { MULU_RESOURCE_FIELDS (FIELD_) };
static MuluField item_fields[] = { MULU_ITEM_FIELDS (FIELD_) };

#undef NONE
#undef REQUIRED
#undef SECRET_SAFE
#undef PARENT
#undef MULTILINE

static MuluEntityInfo entities[MULU_N_ENTITIES] = {
  { MULU_ENTITY_DEPARTMENT, "department", "departments", N_("department"),
    department_fields, G_N_ELEMENTS (department_fields), -1, MULU_DEPARTMENT_NAME },
  { MULU_ENTITY_SYSTEM, "system", "systems", N_("information system"),
    system_fields, G_N_ELEMENTS (system_fields), MULU_SYSTEM_DEPARTMENT, MULU_SYSTEM_NAME },
  { MULU_ENTITY_RESOURCE, "resource", "resources", N_("information resource"),
    resource_fields, G_N_ELEMENTS (resource_fields), MULU_RESOURCE_DEPARTMENT, MULU_RESOURCE_NAME },
  { MULU_ENTITY_ITEM, "item", "items", N_("data item"),
    item_fields, G_N_ELEMENTS (item_fields), MULU_ITEM_RESOURCE, MULU_ITEM_NAME },
};

/* Property names are the package key (or, inside a group, the column) with
 * '-' for '_': "share-type", "class-1", "volume-records". */
static void
init_properties (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint e = 0; e < MULU_N_ENTITIES; e++)
        for (guint i = 0; i < entities[e].n_fields; i++)
          {
            MuluField *f = (MuluField *) &entities[e].fields[i];
            g_autofree char *p = g_strdup (f->group ? f->column : f->key);
            g_strdelimit (p, "_", '-');
            f->property = g_intern_string (p);
          }
      g_once_init_leave (&done, 1);
    }
}

const MuluEntityInfo *
mulu_entity_get_info (MuluEntity entity)
{
  g_return_val_if_fail (entity < MULU_N_ENTITIES, NULL);

  init_properties ();
  return &entities[entity];
}

const MuluEntityInfo *
mulu_entity_from_kind (const char *kind)
{
  if (kind == NULL)
    return NULL;
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    if (strcmp (entities[e].kind, kind) == 0)
      return mulu_entity_get_info (e);
  return NULL;
}

int
mulu_entity_find_field (MuluEntity  entity,
                        const char *name)
{
  const MuluEntityInfo *info = mulu_entity_get_info (entity);

  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < info->n_fields; i++)
    if (strcmp (info->fields[i].column, name) == 0)
      return (int) i;
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].group == NULL &&
        (strcmp (info->fields[i].key, name) == 0 || strcmp (info->fields[i].property, name) == 0))
      return (int) i;
  return -1;
}

const char *
mulu_field_get_label (const MuluField *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

const char *
mulu_entity_get_label (MuluEntity entity)
{
  return g_dgettext (GETTEXT_PACKAGE, mulu_entity_get_info (entity)->label);
}
