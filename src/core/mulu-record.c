/* mulu-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-record"

#include "config.h"

#include "mulu-record.h"
#include "mulu-value.h"

typedef struct
{
  gint64    id;
  char     *uid;
  char     *extra;
  GVariant **values;
} MuluRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MuluRecord, mulu_record, G_TYPE_OBJECT)

/* g_set_str() arrives only in GLib 2.76. */
static gboolean
set_str (char       **ptr,
         const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

/* Property ids: 1 = id, 2 = uid, then 3 + field index. */
enum { PROP_0, PROP_ID, PROP_UID, N_BASE_PROPS };

static guint
n_fields_of (MuluRecord *self)
{
  return mulu_record_get_info (self)->n_fields;
}

static void
mulu_record_finalize (GObject *object)
{
  MuluRecord *self = MULU_RECORD (object);
  MuluRecordPrivate *priv = mulu_record_get_instance_private (self);

  for (guint i = 0; i < n_fields_of (self); i++)
    g_clear_pointer (&priv->values[i], g_variant_unref);
  g_free (priv->values);
  g_free (priv->uid);
  g_free (priv->extra);

  G_OBJECT_CLASS (mulu_record_parent_class)->finalize (object);
}

static void
mulu_record_constructed (GObject *object)
{
  MuluRecord *self = MULU_RECORD (object);
  MuluRecordPrivate *priv = mulu_record_get_instance_private (self);

  G_OBJECT_CLASS (mulu_record_parent_class)->constructed (object);
  if (priv->values == NULL)
    priv->values = g_new0 (GVariant *, n_fields_of (self));
}

static void
mulu_record_init (MuluRecord *self)
{
}

static void
mulu_record_class_init (MuluRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mulu_record_finalize;
  object_class->constructed = mulu_record_constructed;
}

static MuluRecordPrivate *
get_priv (MuluRecord *self)
{
  MuluRecordPrivate *priv = mulu_record_get_instance_private (self);

  if (priv->values == NULL)
    priv->values = g_new0 (GVariant *, n_fields_of (self));
  return priv;
}

static void
record_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  MuluRecord *self = MULU_RECORD (object);
  MuluRecordPrivate *priv = get_priv (self);
  const MuluField *f;
  GVariant *v;

  if (prop_id == PROP_ID)
    {
      g_value_set_int64 (value, priv->id);
      return;
    }
  if (prop_id == PROP_UID)
    {
      g_value_set_string (value, priv->uid);
      return;
    }

  f = &mulu_record_get_info (self)->fields[prop_id - N_BASE_PROPS];
  v = priv->values[prop_id - N_BASE_PROPS];
  switch (f->type)
    {
    case MULU_FIELD_TEXT:
    case MULU_FIELD_DATE:
      g_value_set_string (value, v ? g_variant_get_string (v, NULL) : NULL);
      break;
    case MULU_FIELD_INT:
    case MULU_FIELD_REF:
      g_value_set_int64 (value, v ? g_variant_get_int64 (v) : 0);
      break;
    case MULU_FIELD_REAL:
      g_value_set_double (value, v ? g_variant_get_double (v) : 0.0);
      break;
    case MULU_FIELD_BOOL:
      g_value_set_boolean (value, v ? g_variant_get_boolean (v) : FALSE);
      break;
    case MULU_FIELD_LIST:
      g_value_take_boxed (value, v ? g_variant_dup_strv (v, NULL) : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GVariant *
variant_from_gvalue (const MuluField *f,
                     const GValue    *value)
{
  switch (f->type)
    {
    case MULU_FIELD_TEXT:
    case MULU_FIELD_DATE:
      {
        const char *s = g_value_get_string (value);
        return (s && *s) ? g_variant_new_string (s) : NULL;
      }
    case MULU_FIELD_INT:
      return g_variant_new_int64 (g_value_get_int64 (value));
    case MULU_FIELD_REF:
      return g_value_get_int64 (value) > 0 ? g_variant_new_int64 (g_value_get_int64 (value)) : NULL;
    case MULU_FIELD_REAL:
      return g_variant_new_double (g_value_get_double (value));
    case MULU_FIELD_BOOL:
      return g_variant_new_boolean (g_value_get_boolean (value));
    case MULU_FIELD_LIST:
      {
        const char * const *v = g_value_get_boxed (value);
        return (v && v[0]) ? g_variant_new_strv (v, -1) : NULL;
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
record_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  MuluRecord *self = MULU_RECORD (object);

  if (prop_id == PROP_ID)
    mulu_record_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_UID)
    mulu_record_set_uid (self, g_value_get_string (value));
  else
    {
      const MuluField *f = &mulu_record_get_info (self)->fields[prop_id - N_BASE_PROPS];
      mulu_record_set_value (self, prop_id - N_BASE_PROPS, variant_from_gvalue (f, value));
    }
}

/* Shared by the four subclasses: install one property per field. */
static void
install_record_properties (GObjectClass *object_class,
                           MuluEntity    entity)
{
  const MuluEntityInfo *info = mulu_entity_get_info (entity);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  MULU_RECORD_CLASS (object_class)->entity = entity;
  object_class->get_property = record_get_property;
  object_class->set_property = record_set_property;

  g_object_class_install_property (object_class, PROP_ID,
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags));
  g_object_class_install_property (object_class, PROP_UID,
    g_param_spec_string ("uid", NULL, NULL, NULL, flags));

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MuluField *f = &info->fields[i];
      GParamSpec *pspec = NULL;

      switch (f->type)
        {
        case MULU_FIELD_TEXT:
        case MULU_FIELD_DATE:
          pspec = g_param_spec_string (f->property, NULL, NULL, NULL, flags);
          break;
        case MULU_FIELD_INT:
        case MULU_FIELD_REF:
          pspec = g_param_spec_int64 (f->property, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case MULU_FIELD_REAL:
          pspec = g_param_spec_double (f->property, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case MULU_FIELD_BOOL:
          pspec = g_param_spec_boolean (f->property, NULL, NULL, FALSE, flags);
          break;
        case MULU_FIELD_LIST:
          pspec = g_param_spec_boxed (f->property, NULL, NULL, G_TYPE_STRV, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (object_class, N_BASE_PROPS + i, pspec);
    }
}

#define DEFINE_RECORD_TYPE(TypeName, type_name, ENTITY)                         \
  struct _##TypeName { MuluRecord parent_instance; };                           \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, MULU_TYPE_RECORD)                   \
  static void type_name##_init (TypeName *self) { }                             \
  static void type_name##_class_init (TypeName##Class *klass)                   \
  { install_record_properties (G_OBJECT_CLASS (klass), ENTITY); }

DEFINE_RECORD_TYPE (MuluDepartment, mulu_department, MULU_ENTITY_DEPARTMENT)
DEFINE_RECORD_TYPE (MuluSystem, mulu_system, MULU_ENTITY_SYSTEM)
DEFINE_RECORD_TYPE (MuluResource, mulu_resource, MULU_ENTITY_RESOURCE)
DEFINE_RECORD_TYPE (MuluItem, mulu_item, MULU_ENTITY_ITEM)

MuluRecord *
mulu_record_new (MuluEntity entity)
{
  GType types[MULU_N_ENTITIES] = {
    MULU_TYPE_DEPARTMENT, MULU_TYPE_SYSTEM, MULU_TYPE_RESOURCE, MULU_TYPE_ITEM,
  };

  g_return_val_if_fail (entity < MULU_N_ENTITIES, NULL);

  return g_object_new (types[entity], NULL);
}

MuluRecord *
mulu_record_copy (MuluRecord *self)
{
  MuluRecordPrivate *priv = get_priv (self);
  MuluRecord *copy = mulu_record_new (mulu_record_get_entity (self));
  MuluRecordPrivate *cpriv = get_priv (copy);

  cpriv->id = priv->id;
  cpriv->uid = g_strdup (priv->uid);
  cpriv->extra = g_strdup (priv->extra);
  for (guint i = 0; i < n_fields_of (self); i++)
    cpriv->values[i] = priv->values[i] ? g_variant_ref (priv->values[i]) : NULL;
  return copy;
}

MuluEntity
mulu_record_get_entity (MuluRecord *self)
{
  return MULU_RECORD_GET_CLASS (self)->entity;
}

const MuluEntityInfo *
mulu_record_get_info (MuluRecord *self)
{
  return mulu_entity_get_info (MULU_RECORD_GET_CLASS (self)->entity);
}

gint64
mulu_record_get_id (MuluRecord *self)
{
  g_return_val_if_fail (MULU_IS_RECORD (self), 0);
  return get_priv (self)->id;
}

void
mulu_record_set_id (MuluRecord *self,
                    gint64      id)
{
  MuluRecordPrivate *priv;

  g_return_if_fail (MULU_IS_RECORD (self));
  priv = get_priv (self);
  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify (G_OBJECT (self), "id");
    }
}

const char *
mulu_record_get_uid (MuluRecord *self)
{
  g_return_val_if_fail (MULU_IS_RECORD (self), NULL);
  return get_priv (self)->uid;
}

void
mulu_record_set_uid (MuluRecord *self,
                     const char *uid)
{
  MuluRecordPrivate *priv;

  g_return_if_fail (MULU_IS_RECORD (self));
  priv = get_priv (self);
  if (set_str (&priv->uid, uid))
    g_object_notify (G_OBJECT (self), "uid");
}

const char *
mulu_record_get_extra (MuluRecord *self)
{
  return get_priv (self)->extra;
}

void
mulu_record_set_extra (MuluRecord *self,
                       const char *extra_json)
{
  set_str (&get_priv (self)->extra, extra_json);
}

GVariant *
mulu_record_get_value (MuluRecord *self,
                       guint       field)
{
  g_return_val_if_fail (MULU_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < n_fields_of (self), NULL);
  return get_priv (self)->values[field];
}

void
mulu_record_set_value (MuluRecord *self,
                       guint       field,
                       GVariant   *value)
{
  MuluRecordPrivate *priv;
  const MuluField *f;

  g_return_if_fail (MULU_IS_RECORD (self));
  g_return_if_fail (field < n_fields_of (self));

  priv = get_priv (self);
  f = &mulu_record_get_info (self)->fields[field];
  if (value)
    {
      g_variant_ref_sink (value);
      g_return_if_fail (g_variant_is_of_type (value, mulu_value_type_for (f->type)));
    }

  if (mulu_value_equal (priv->values[field], value))
    {
      g_clear_pointer (&value, g_variant_unref);
      return;
    }
  g_clear_pointer (&priv->values[field], g_variant_unref);
  priv->values[field] = value;
  g_object_notify (G_OBJECT (self), f->property);
}

gboolean
mulu_record_is_set (MuluRecord *self,
                    guint       field)
{
  return mulu_record_get_value (self, field) != NULL;
}

const char *
mulu_record_get_string (MuluRecord *self,
                        guint       field)
{
  GVariant *v = mulu_record_get_value (self, field);

  return (v && g_variant_is_of_type (v, G_VARIANT_TYPE_STRING)) ? g_variant_get_string (v, NULL) : NULL;
}

void
mulu_record_set_string (MuluRecord *self,
                        guint       field,
                        const char *value)
{
  mulu_record_set_value (self, field, (value && *value) ? g_variant_new_string (value) : NULL);
}

gint64
mulu_record_get_int (MuluRecord *self,
                     guint       field)
{
  GVariant *v = mulu_record_get_value (self, field);

  return (v && g_variant_is_of_type (v, G_VARIANT_TYPE_INT64)) ? g_variant_get_int64 (v) : 0;
}

void
mulu_record_set_int (MuluRecord *self,
                     guint       field,
                     gint64      value)
{
  const MuluField *f = &mulu_record_get_info (self)->fields[field];

  /* A reference of 0 means "none". */
  if (f->type == MULU_FIELD_REF && value <= 0)
    mulu_record_set_value (self, field, NULL);
  else
    mulu_record_set_value (self, field, g_variant_new_int64 (value));
}

double
mulu_record_get_double (MuluRecord *self,
                        guint       field)
{
  GVariant *v = mulu_record_get_value (self, field);

  return (v && g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE)) ? g_variant_get_double (v) : 0.0;
}

void
mulu_record_set_double (MuluRecord *self,
                        guint       field,
                        double      value)
{
  mulu_record_set_value (self, field, g_variant_new_double (value));
}

gboolean
mulu_record_get_boolean (MuluRecord *self,
                         guint       field)
{
  GVariant *v = mulu_record_get_value (self, field);

  return (v && g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN)) ? g_variant_get_boolean (v) : FALSE;
}

void
mulu_record_set_boolean (MuluRecord *self,
                         guint       field,
                         gboolean    value)
{
  mulu_record_set_value (self, field, g_variant_new_boolean (value));
}

char *
mulu_record_dup_text (MuluRecord *self,
                      guint       field)
{
  return mulu_value_to_text (mulu_record_get_value (self, field));
}

gboolean
mulu_record_set_text (MuluRecord *self,
                      guint       field,
                      const char *text,
                      GError    **error)
{
  const MuluField *f = &mulu_record_get_info (self)->fields[field];
  g_autoptr(GVariant) value = NULL;

  if (!mulu_value_parse (f->type, text, &value, error))
    return FALSE;
  mulu_record_set_value (self, field, g_steal_pointer (&value));
  return TRUE;
}

const char *
mulu_record_get_name (MuluRecord *self)
{
  return mulu_record_get_string (self, mulu_record_get_info (self)->name_field);
}
