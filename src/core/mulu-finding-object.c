/* mulu-finding-object.c
 *
 * A MuluFinding is a plain struct for the CLI and the workbook; list views
 * need objects, so this wraps a copy of one with the row id it was read from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-finding-object"

#include "config.h"

#include "mulu-finding-object.h"

struct _MuluFindingObject
{
  GObject     parent_instance;
  gint64      id;
  MuluFinding finding;
};

G_DEFINE_FINAL_TYPE (MuluFindingObject, mulu_finding_object, G_TYPE_OBJECT)

enum { PROP_0, PROP_RULE, PROP_NAME, PROP_MESSAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
mulu_finding_object_finalize (GObject *object)
{
  MuluFindingObject *self = MULU_FINDING_OBJECT (object);

  g_free (self->finding.rule);
  g_free (self->finding.uid);
  g_free (self->finding.name);
  g_free (self->finding.field);
  g_free (self->finding.message);

  G_OBJECT_CLASS (mulu_finding_object_parent_class)->finalize (object);
}

static void
mulu_finding_object_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MuluFindingObject *self = MULU_FINDING_OBJECT (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_string (value, self->finding.rule);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->finding.name);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->finding.message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_finding_object_class_init (MuluFindingObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mulu_finding_object_finalize;
  object_class->get_property = mulu_finding_object_get_property;

  properties[PROP_RULE] = g_param_spec_string ("rule", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mulu_finding_object_init (MuluFindingObject *self)
{
}

MuluFindingObject *
mulu_finding_object_new (gint64             id,
                         const MuluFinding *finding)
{
  MuluFindingObject *self;

  g_return_val_if_fail (finding != NULL, NULL);

  self = g_object_new (MULU_TYPE_FINDING_OBJECT, NULL);
  self->id = id;
  self->finding.rule = g_strdup (finding->rule);
  self->finding.severity = finding->severity;
  self->finding.entity = finding->entity;
  self->finding.record_id = finding->record_id;
  self->finding.uid = g_strdup (finding->uid);
  self->finding.name = g_strdup (finding->name);
  self->finding.field = g_strdup (finding->field);
  self->finding.message = g_strdup (finding->message);
  return self;
}

gint64
mulu_finding_object_get_id (MuluFindingObject *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_OBJECT (self), 0);
  return self->id;
}

const char *
mulu_finding_object_get_rule (MuluFindingObject *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_OBJECT (self), NULL);
  return self->finding.rule;
}

MuluSeverity
mulu_finding_object_get_severity (MuluFindingObject *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_OBJECT (self), MULU_SEVERITY_HINT);
  return self->finding.severity;
}

MuluEntity
mulu_finding_object_get_entity (MuluFindingObject *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_OBJECT (self), MULU_N_ENTITIES);
  return self->finding.entity;
}

gint64
mulu_finding_object_get_record_id (MuluFindingObject *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_OBJECT (self), 0);
  return self->finding.record_id;
}

const char *
mulu_finding_object_get_uid (MuluFindingObject *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_OBJECT (self), NULL);
  return self->finding.uid;
}

const char *
mulu_finding_object_get_name (MuluFindingObject *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_OBJECT (self), NULL);
  return self->finding.name;
}

const char *
mulu_finding_object_get_field (MuluFindingObject *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_OBJECT (self), NULL);
  return self->finding.field;
}

const char *
mulu_finding_object_get_message (MuluFindingObject *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_OBJECT (self), NULL);
  return self->finding.message;
}
