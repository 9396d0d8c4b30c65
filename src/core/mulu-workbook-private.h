/* mulu-workbook-private.h — shared by the workbook writer's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <xlsxwriter.h>

#include "mulu-template.h"
#include "mulu-workbook.h"
#include "mulu-zombie.h"

G_BEGIN_DECLS

typedef struct
{
  MuluCatalog               *catalog;
  sqlite3                   *db;
  MuluCodes                 *codes;
  MuluTemplate              *tpl;
  const MuluWorkbookOptions *options;
  lxw_workbook              *wb;
  guint32                    max_rows;

  lxw_format *f_title;
  lxw_format *f_header;
  lxw_format *f_header_required;
  lxw_format *f_text;
  lxw_format *f_wrap;
  lxw_format *f_date;
  lxw_format *f_number;
  lxw_format *f_blank_required;
  lxw_format *f_bold;

  /* Lists too long for an inline dropdown go to a hidden sheet. */
  GPtrArray  *dict_lists;   /* of GPtrArray of char *, one per column of the sheet */
  GPtrArray  *dict_titles;
  GHashTable *dict_ranges;  /* "table:level" → formula */
  char       *dict_name;

  char                 *department;  /* for titles and properties */
  char                 *date;
  char                 *today;
  MuluZombieThresholds  thresholds;

  GCancellable     *cancellable;
  MuluProgressFunc  progress;
  gpointer          progress_data;
  guint64           rows_done;
  guint64           rows_total;
  GError           *error;       /* the first failure */
} MuluWriter;

gboolean mulu_writer_check       (MuluWriter  *w,
                                  lxw_error    err,
                                  const char  *sheet);
void     mulu_writer_sheet_setup (MuluWriter     *w,
                                  lxw_worksheet  *ws,
                                  guint           header_row,
                                  guint           n_columns);
void     mulu_writer_add_dropdown (MuluWriter               *w,
                                   lxw_worksheet            *ws,
                                   guint                     first_row,
                                   guint                     col,
                                   const MuluTemplateColumn *c);
gboolean mulu_writer_write_dictionary (MuluWriter *w);
gboolean mulu_writer_issues      (MuluWriter        *w,
                                  MuluTemplateSheet *sheet);
gboolean mulu_writer_summary     (MuluWriter        *w,
                                  MuluTemplateSheet *sheet);
gboolean mulu_writer_review      (MuluWriter        *w,
                                  MuluTemplateSheet *sheet);
lxw_worksheet *mulu_writer_add_sheet (MuluWriter         *w,
                                      MuluTemplateSheet  *sheet,
                                      const char         *title,
                                      const char * const *headers,
                                      const double       *widths,
                                      guint               n);

G_END_DECLS
