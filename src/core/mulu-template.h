/* mulu-template.h — census workbook templates (docs/template-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"

G_BEGIN_DECLS

typedef enum {
  MULU_SHEET_INSTRUCTIONS,
  MULU_SHEET_RECORDS,
  MULU_SHEET_ISSUES,
  MULU_SHEET_SUMMARY,
  MULU_SHEET_REVIEW,
} MuluSheetKind;

typedef enum {
  MULU_RENDER_DEFAULT,
  MULU_RENDER_TEXT,
  MULU_RENDER_NUMBER,
  MULU_RENDER_DATE,
  MULU_RENDER_BOOL,
  MULU_RENDER_LIST,
  MULU_RENDER_LABEL,
  MULU_RENDER_CODE_LABEL,
} MuluRender;

/* Where a column's value comes from. */
typedef enum {
  MULU_SOURCE_FIELD,    /* a field of the sheet's record, or of a related one */
  MULU_SOURCE_ROW,      /* @row */
  MULU_SOURCE_ZOMBIE,   /* zombie.* */
} MuluSourceKind;

typedef struct {
  char          *header;
  char          *source;       /* as written in the template */
  MuluSourceKind source_kind;
  MuluEntity     entity;       /* the entity the field belongs to */
  int            field;        /* index in that entity, for MULU_SOURCE_FIELD */
  char          *zombie;       /* "criteria", "reasons", "decision", … */
  MuluRender     render;
  double         width;
  gboolean       required;
  char          *codes;        /* code table id, or NULL */
} MuluTemplateColumn;

typedef struct {
  char          *name;
  MuluSheetKind  kind;
  MuluEntity     entity;
  gboolean       zombies_only;
  gboolean       resource_items; /* layout */
  char         **title;
  GPtrArray     *columns;        /* of MuluTemplateColumn */
} MuluTemplateSheet;

typedef struct {
  char      *id;
  char      *title;
  char      *version;
  gboolean   omit_secret;        /* "secret": "omit" rather than "minimal" */
  char     **instructions;
  GPtrArray *sheets;             /* of MuluTemplateSheet */
} MuluTemplate;

MuluTemplate *mulu_template_load       (const char   *id_or_path,
                                       MuluCodes    *codes,
                                       GError      **error);
MuluTemplate *mulu_template_parse      (const char   *display_name,
                                       const char   *json,
                                       gsize         length,
                                       MuluCodes    *codes,
                                       GError      **error);
void          mulu_template_free       (MuluTemplate *tpl);
char        **mulu_template_list_builtin (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluTemplate, mulu_template_free)

G_END_DECLS
