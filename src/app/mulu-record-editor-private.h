/* mulu-record-editor-private.h — shared by the files of the record editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-record-editor.h"

G_BEGIN_DECLS

struct _MuluRecordEditor
{
  AdwBin               parent_instance;

  MuluEntity           entity;
  MuluCatalog         *catalog;
  MuluHistory         *history;
  gint64               record_id;
  MuluRecord          *record;

  GPtrArray           *rows;          /* MuluFieldRow, one per field, NULL if none */
  GPtrArray           *finding_rows;  /* rows in findings_group */
  GPtrArray           *history_rows;  /* rows in history_group */
  GtkWidget           *generate_button;
  gulong               changed_id;
  GHashTable          *ref_names;     /* "entity/parent" → a(xs): the choices of reference fields */
  guint                reload_id;

  /* template */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *findings_group;
  AdwPreferencesGroup *history_group;
};

typedef struct {
  const char *title;        /* N_() */
  const char *description;  /* N_(), or NULL */
  const int  *fields;       /* ends with -1 */
} Section;

#define END -1

/* mulu-record-editor-history.c */
void                  mulu_record_editor_show_history     (MuluRecordEditor *self);

/* mulu-record-editor-fields.c */
const Section        *mulu_record_editor_get_sections     (MuluEntity        entity,
                                                            guint            *n_sections);
const MuluEntityInfo *mulu_record_editor_entity_info      (MuluRecordEditor *self);
void                  mulu_record_editor_clear_dependents (MuluRecordEditor *self,
                                                            MuluRecord       *record,
                                                            guint             field);
gboolean              mulu_record_editor_is_relevant      (MuluRecordEditor *self,
                                                            MuluRecord       *record,
                                                            guint             field,
                                                            GVariant         *choices);
GVariant             *mulu_record_editor_build_choices    (MuluRecordEditor *self,
                                                            MuluRecord       *record,
                                                            guint             field,
                                                            gboolean          read_only);

G_END_DECLS
