/* mulu-field-row.h — one field of a record, as a row of a preferences group
 *
 * The row shows the field the way its type asks (an entry, a list of
 * choices, a yes/no/unknown list, a multi-line text) with a message under
 * it: the reason a typed value was refused, or the catalog's finding for
 * the field. It never writes to the catalog itself; it emits ::commit with
 * the parsed value and the owner stores it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_FIELD_ROW (mulu_field_row_get_type ())
G_DECLARE_FINAL_TYPE (MuluFieldRow, mulu_field_row, MULU, FIELD_ROW, AdwPreferencesRow)

GtkWidget       *mulu_field_row_new              (MuluEntity     entity,
                                                  guint          field,
                                                  gboolean       read_only);
MuluEntity       mulu_field_row_get_entity       (MuluFieldRow  *self);
guint            mulu_field_row_get_field        (MuluFieldRow  *self);
const MuluField *mulu_field_row_get_info         (MuluFieldRow  *self);
gboolean         mulu_field_row_get_read_only    (MuluFieldRow  *self);
/* TRUE when the row offers a list of choices (code table, reference,
 * yes/no, classification) rather than free text. */
gboolean         mulu_field_row_has_choices      (MuluFieldRow  *self);

GVariant        *mulu_field_row_get_value        (MuluFieldRow  *self);
void             mulu_field_row_set_value        (MuluFieldRow  *self,
                                                  GVariant      *value);
/* a(vs): stored value and its label, in display order; the row adds the
 * "not selected" entry itself. */
void             mulu_field_row_set_choices      (MuluFieldRow  *self,
                                                  GVariant      *choices);
GVariant        *mulu_field_row_get_choices      (MuluFieldRow  *self);

/* Findings (MuluFinding, borrowed) about this field; NULL or empty clears. */
void             mulu_field_row_set_findings     (MuluFieldRow  *self,
                                                  GPtrArray     *findings);
/* Why the value the person entered was not stored; NULL clears. */
void             mulu_field_row_set_error        (MuluFieldRow  *self,
                                                  const char    *message);
const char      *mulu_field_row_get_message      (MuluFieldRow  *self);
/* The severity of the message shown, MULU_N_SEVERITIES when none. A
 * refused value is MULU_SEVERITY_ERROR. */
MuluSeverity     mulu_field_row_get_severity     (MuluFieldRow  *self);

/* Commit typed text now instead of after the pause; FALSE when refused. */
gboolean         mulu_field_row_flush            (MuluFieldRow  *self);
gboolean         mulu_field_row_has_pending_edit (MuluFieldRow  *self);

/* The widget a person edits (AdwEntryRow, AdwComboRow, GtkTextView or,
 * when read-only, AdwActionRow). */
GtkWidget       *mulu_field_row_get_control      (MuluFieldRow  *self);
void             mulu_field_row_add_suffix       (MuluFieldRow  *self,
                                                  GtkWidget     *widget);

G_END_DECLS
