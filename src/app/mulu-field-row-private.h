/* mulu-field-row-private.h — shared by the files of the field row
 *
 * mulu-field-row.c is the row, its value and its message;
 * mulu-field-row-text.c the kinds typed into, mulu-field-row-choices.c the
 * kinds chosen from a list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-field-row.h"

G_BEGIN_DECLS

typedef enum {
  KIND_ENTRY,     /* AdwEntryRow: text, dates, numbers, lists of codes */
  KIND_TEXT,      /* GtkTextView: long text */
  KIND_CHOICE,    /* AdwComboRow: code tables, references, yes/no */
  KIND_READ_ONLY, /* AdwActionRow showing the value */
} Kind;

struct _MuluFieldRow
{
  AdwPreferencesRow  parent_instance;

  MuluEntity         entity;
  guint              field;
  const MuluField   *info;
  gboolean           read_only;
  Kind               kind;

  GVariant          *value;          /* as stored in the catalog */
  GVariant          *choices;        /* a(vs), without the "none" entry */
  GPtrArray         *shown_values;   /* GVariant or NULL, one per model item */
  GtkStringList     *model;

  char              *error;          /* why the entered value was refused */
  char              *live;           /* a check made while typing (the credit code) */
  gboolean           live_is_error;
  char              *finding;        /* the findings about this field, joined */
  MuluSeverity       finding_severity;
  char              *message;        /* what the message label shows */
  MuluSeverity       severity;

  guint              debounce_id;
  guint              loading;        /* > 0 while the row sets its own widgets */

  GtkWidget         *control;
  GtkWidget         *inner_row;

  /* template */
  GtkListBox        *list;
  GtkBox            *text_box;
  GtkLabel          *text_title;
  GtkTextView       *text_view;
  GtkLabel          *message_label;
};

/* mulu-field-row.c */
void      mulu_field_row_update_message  (MuluFieldRow *self);
gboolean  mulu_field_row_emit_commit     (MuluFieldRow *self,
                                          GVariant     *value);
void      mulu_field_row_take_value      (MuluFieldRow *self,
                                          GVariant     *value);

/* mulu-field-row-text.c */
void      mulu_field_row_show_text       (MuluFieldRow *self,
                                          const char   *text);
void      mulu_field_row_build_entry     (MuluFieldRow *self,
                                          const char   *title);
void      mulu_field_row_build_text      (MuluFieldRow *self,
                                          const char   *title);

/* mulu-field-row-choices.c */
guint     mulu_field_row_find_shown      (MuluFieldRow *self,
                                          GVariant     *value);
void      mulu_field_row_show_read_only  (MuluFieldRow *self);
void      mulu_field_row_rebuild_model   (MuluFieldRow *self);
void      mulu_field_row_build_choice    (MuluFieldRow *self,
                                          const char   *title);
void      mulu_field_row_build_read_only (MuluFieldRow *self,
                                          const char   *title);

G_END_DECLS
