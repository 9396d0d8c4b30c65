/* mulu-finding-object.h — one stored finding, as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mulu-rules.h"

G_BEGIN_DECLS

#define MULU_TYPE_FINDING_OBJECT (mulu_finding_object_get_type ())
G_DECLARE_FINAL_TYPE (MuluFindingObject, mulu_finding_object, MULU, FINDING_OBJECT, GObject)

MuluFindingObject *mulu_finding_object_new           (gint64             id,
                                                      const MuluFinding *finding);
gint64             mulu_finding_object_get_id        (MuluFindingObject *self);
const char        *mulu_finding_object_get_rule      (MuluFindingObject *self);
MuluSeverity       mulu_finding_object_get_severity  (MuluFindingObject *self);
MuluEntity         mulu_finding_object_get_entity    (MuluFindingObject *self);
gint64             mulu_finding_object_get_record_id (MuluFindingObject *self);
const char        *mulu_finding_object_get_uid       (MuluFindingObject *self);
const char        *mulu_finding_object_get_name      (MuluFindingObject *self);
const char        *mulu_finding_object_get_field     (MuluFindingObject *self);
const char        *mulu_finding_object_get_message   (MuluFindingObject *self);

G_END_DECLS
