/* mulu-tsv.h — data items pasted from a spreadsheet
 *
 * A clerk copies a block of rows from Excel or WPS (tab-separated, cells
 * quoted when they hold tabs, line breaks or quotes) or from a CSV file and
 * pastes it into the items table. This reads the block, works out which
 * column holds what — by the header row when there is one, by the look of
 * the values when there is not — and turns each row into the fields of one
 * data item. What cannot be read exactly ("100万" as a length) is reported
 * cell by cell and left empty, never guessed at; when the column mapping is
 * itself a guess the result says so, and the window asks before adding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-codes.h"
#include "mulu-record.h"

G_BEGIN_DECLS

typedef enum {
  MULU_TSV_ROLE_IGNORE,
  MULU_TSV_ROLE_NAME,
  MULU_TSV_ROLE_DATA_TYPE,
  MULU_TSV_ROLE_LENGTH,
  MULU_TSV_ROLE_SHARE_TYPE,
  MULU_TSV_ROLE_OPEN_TYPE,
  MULU_TSV_ROLE_REMARKS,
  MULU_TSV_N_ROLES
} MuluTsvRole;

typedef struct {
  guint   source_row;  /* 1-based row of the pasted block, header included */
  char   *name;
  char   *data_type;   /* a code of the data_type table ("C"), or NULL */
  gint64  length;      /* -1 when not given */
  char   *share_type;
  char   *open_type;
  char   *remarks;
} MuluTsvRow;

typedef struct {
  guint        source_row; /* 1-based; 0 for a problem of the mapping itself */
  int          column;     /* 0-based; -1 for a whole row or the mapping */
  MuluTsvRole  role;
  char        *message;    /* a translated sentence naming row and column */
} MuluTsvProblem;

typedef struct {
  GPtrArray   *cells;      /* of GStrv, one per non-blank source row, all n_columns long */
  guint        n_columns;
  gboolean     has_header; /* cells[0] is a header row */
  MuluTsvRole *roles;      /* n_columns entries */
  GPtrArray   *rows;       /* of MuluTsvRow */
  GPtrArray   *problems;   /* of MuluTsvProblem */
  gboolean     ambiguous;  /* the mapping is a guess; show it before adding */
  char        *ambiguous_reason;
} MuluTsvResult;

GPtrArray     *mulu_tsv_split           (const char          *text);
MuluTsvResult *mulu_tsv_parse_items     (const char          *text,
                                         MuluCodes           *codes,
                                         GError             **error);
void           mulu_tsv_result_remap    (MuluTsvResult       *self,
                                         const MuluTsvRole   *roles,
                                         gboolean             has_header,
                                         MuluCodes           *codes);
void           mulu_tsv_result_free     (MuluTsvResult       *self);
MuluRecord    *mulu_tsv_row_to_item     (const MuluTsvRow    *row,
                                         gint64               resource_id);
const char    *mulu_tsv_role_get_label  (MuluTsvRole          role);
gboolean       mulu_tsv_parse_length    (const char          *text,
                                         gint64              *out_length,
                                         GError             **error);
const char    *mulu_tsv_data_type_from_text (const char      *text,
                                             MuluCodes       *codes,
                                             gint64          *out_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluTsvResult, mulu_tsv_result_free)

G_END_DECLS
