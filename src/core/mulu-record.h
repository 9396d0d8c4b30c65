/* mulu-record.h — one department, system, resource or data item
 *
 * A record is a snapshot of a row: reading it never touches the database,
 * and changing it changes nothing until mulu_catalog_update() stores it.
 * Each field is a GObject property named after its package key, so list
 * views bind to "name", "share-type" and so on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mulu-entity.h"

G_BEGIN_DECLS

#define MULU_TYPE_RECORD (mulu_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (MuluRecord, mulu_record, MULU, RECORD, GObject)

struct _MuluRecordClass
{
  GObjectClass parent_class;
  MuluEntity   entity;
};

#define MULU_TYPE_DEPARTMENT (mulu_department_get_type ())
G_DECLARE_FINAL_TYPE (MuluDepartment, mulu_department, MULU, DEPARTMENT, MuluRecord)
#define MULU_TYPE_SYSTEM (mulu_system_get_type ())
G_DECLARE_FINAL_TYPE (MuluSystem, mulu_system, MULU, SYSTEM, MuluRecord)
#define MULU_TYPE_RESOURCE (mulu_resource_get_type ())
G_DECLARE_FINAL_TYPE (MuluResource, mulu_resource, MULU, RESOURCE, MuluRecord)
#define MULU_TYPE_ITEM (mulu_item_get_type ())
G_DECLARE_FINAL_TYPE (MuluItem, mulu_item, MULU, ITEM, MuluRecord)

MuluRecord           *mulu_record_new          (MuluEntity   entity);
MuluRecord           *mulu_record_copy         (MuluRecord  *self);
MuluEntity            mulu_record_get_entity   (MuluRecord  *self);
const MuluEntityInfo *mulu_record_get_info     (MuluRecord  *self);
gint64                mulu_record_get_id       (MuluRecord  *self);
void                  mulu_record_set_id       (MuluRecord  *self,
                                                gint64       id);
const char           *mulu_record_get_uid      (MuluRecord  *self);
void                  mulu_record_set_uid      (MuluRecord  *self,
                                                const char  *uid);
const char           *mulu_record_get_extra    (MuluRecord  *self);
void                  mulu_record_set_extra    (MuluRecord  *self,
                                                const char  *extra_json);

GVariant             *mulu_record_get_value    (MuluRecord  *self,
                                                guint        field);
void                  mulu_record_set_value    (MuluRecord  *self,
                                                guint        field,
                                                GVariant    *value);
gboolean              mulu_record_is_set       (MuluRecord  *self,
                                                guint        field);
const char           *mulu_record_get_string   (MuluRecord  *self,
                                                guint        field);
void                  mulu_record_set_string   (MuluRecord  *self,
                                                guint        field,
                                                const char  *value);
gint64                mulu_record_get_int      (MuluRecord  *self,
                                                guint        field);
void                  mulu_record_set_int      (MuluRecord  *self,
                                                guint        field,
                                                gint64       value);
double                mulu_record_get_double   (MuluRecord  *self,
                                                guint        field);
void                  mulu_record_set_double   (MuluRecord  *self,
                                                guint        field,
                                                double       value);
gboolean              mulu_record_get_boolean  (MuluRecord  *self,
                                                guint        field);
void                  mulu_record_set_boolean  (MuluRecord  *self,
                                                guint        field,
                                                gboolean     value);
char                 *mulu_record_dup_text     (MuluRecord  *self,
                                                guint        field);
gboolean              mulu_record_set_text     (MuluRecord  *self,
                                                guint        field,
                                                const char  *text,
                                                GError     **error);
const char           *mulu_record_get_name     (MuluRecord  *self);

G_END_DECLS
