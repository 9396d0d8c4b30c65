/* mulu-record-editor.h — every field of one record, in sections
 *
 * The editor shows one department, system, resource or data item as
 * preferences groups of MuluFieldRows built from the entity's field table.
 * Each change goes through the MuluHistory (so it can be undone) and is
 * stored at once; the rows then show the catalog's findings for their
 * field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"
#include "mulu-field-row.h"
#include "mulu-history.h"

G_BEGIN_DECLS

#define MULU_TYPE_RECORD_EDITOR (mulu_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (MuluRecordEditor, mulu_record_editor, MULU, RECORD_EDITOR, AdwBin)

GtkWidget    *mulu_record_editor_new           (MuluEntity        entity);
MuluEntity    mulu_record_editor_get_entity    (MuluRecordEditor *self);

MuluCatalog  *mulu_record_editor_get_catalog   (MuluRecordEditor *self);
void          mulu_record_editor_set_catalog   (MuluRecordEditor *self,
                                                MuluCatalog      *catalog);
MuluHistory  *mulu_record_editor_get_history   (MuluRecordEditor *self);
void          mulu_record_editor_set_history   (MuluRecordEditor *self,
                                                MuluHistory      *history);

/* 0 shows no record. Edits still being typed go to the previous record. */
gint64        mulu_record_editor_get_record_id (MuluRecordEditor *self);
void          mulu_record_editor_set_record_id (MuluRecordEditor *self,
                                                gint64            id);

/* A package key ("share_condition"), a column ("class_2") or a group
 * ("classification"): shows the field and puts the cursor in it. */
gboolean      mulu_record_editor_focus_field   (MuluRecordEditor *self,
                                                const char       *key);
MuluFieldRow *mulu_record_editor_get_row       (MuluRecordEditor *self,
                                                const char       *key);
/* Commits whatever is still being typed (before an undo, a save, a
 * switch of record); FALSE when some field refused its text. */
gboolean      mulu_record_editor_flush         (MuluRecordEditor *self);

G_END_DECLS
