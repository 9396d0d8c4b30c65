/* mulu-review.h — submission, the reviewer's pass, and their record
 *
 * Roles without servers: whoever works is mulu_catalog_get_user(). The
 * clerk submits a catalog, which freezes it (every edit fails with
 * MULU_ERROR_SUBMITTED) until someone reopens it; a reviewer approves or
 * returns (with a comment) each department, system and resource of a
 * submitted catalog, and may not approve a record they changed themselves.
 * Every step is an entry of the hash-chained change log (mulu-log.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"

G_BEGIN_DECLS

typedef enum {
  MULU_REVIEW_DRAFT,      /* never submitted */
  MULU_REVIEW_SUBMITTED,  /* waiting for a decision (未审核) */
  MULU_REVIEW_APPROVED,   /* 已通过 */
  MULU_REVIEW_RETURNED,   /* 已退回, with a comment */
  MULU_N_REVIEW_STATES
} MuluReviewState;

/* "draft", "submitted", "approved", "returned": the package's words. */
const char *mulu_review_state_to_string   (MuluReviewState  state);
gboolean    mulu_review_state_from_string (const char      *text,
                                           MuluReviewState *state);
/* 草稿, 未审核, 已通过, 已退回 (translated). */
const char *mulu_review_state_get_label   (MuluReviewState  state);

/* Departments, systems and resources are reviewed; a data item is reviewed
 * with its resource. */
gboolean    mulu_review_is_reviewable     (MuluEntity       entity);

typedef struct {
  MuluEntity      entity;
  gint64          record_id;
  char           *uid;        /* package id */
  char           *name;
  MuluReviewState state;
  char           *reviewer;   /* of the last decision, or NULL */
  char           *comment;
  char           *at;
  gboolean        changed;    /* edited after its last decision, or after
                               * the first submission when undecided */
} MuluReview;

void        mulu_review_free              (MuluReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluReview, mulu_review_free)

gboolean    mulu_catalog_is_submitted     (MuluCatalog  *catalog);
/* Refused (MULU_ERROR_INVALID) while validation errors remain. Records
 * waiting or returned become submitted; approved ones stay approved unless
 * they changed since. */
gboolean    mulu_catalog_submit           (MuluCatalog  *catalog,
                                           GError      **error);
/* note may be NULL. */
gboolean    mulu_catalog_reopen           (MuluCatalog  *catalog,
                                           const char   *note,
                                           GError      **error);

/* comment may be NULL to approve. */
gboolean    mulu_review_approve           (MuluCatalog  *catalog,
                                           MuluEntity    entity,
                                           gint64        id,
                                           const char   *comment,
                                           GError      **error);
/* Approves all or none (a selection in one list). */
gboolean    mulu_review_approve_all       (MuluCatalog  *catalog,
                                           MuluEntity    entity,
                                           const gint64 *ids,
                                           gsize         n_ids,
                                           const char   *comment,
                                           GError      **error);
/* comment is required. */
gboolean    mulu_review_return            (MuluCatalog  *catalog,
                                           MuluEntity    entity,
                                           gint64        id,
                                           const char   *comment,
                                           GError      **error);

MuluReview *mulu_review_get               (MuluCatalog  *catalog,
                                           MuluEntity    entity,
                                           gint64        id,
                                           GError      **error);

typedef enum {
  MULU_REVIEW_FILTER_ALL,
  MULU_REVIEW_FILTER_UNREVIEWED,  /* 未审核: no decision yet */
  MULU_REVIEW_FILTER_RETURNED,    /* 已退回 */
  MULU_REVIEW_FILTER_APPROVED,    /* 已通过 */
  MULU_REVIEW_FILTER_CHANGED,     /* 提交后有改动 */
} MuluReviewFilter;

/* MuluReview *, in catalog order; entity MULU_N_ENTITIES lists every
 * reviewable kind (departments, then systems, then resources). */
GPtrArray  *mulu_review_list              (MuluCatalog     *catalog,
                                           MuluEntity       entity,
                                           MuluReviewFilter filter,
                                           GError         **error);

typedef struct {
  gboolean   submitted;
  char      *submitted_by;   /* the last submission, or NULL */
  char      *submitted_at;
  guint64    counts[MULU_N_REVIEW_STATES];
  guint64    changed;
  GPtrArray *comments;       /* MuluReview * of the records with a comment */
} MuluReviewSummary;

void        mulu_review_summary_free      (MuluReviewSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluReviewSummary, mulu_review_summary_free)

MuluReviewSummary *mulu_review_summary    (MuluCatalog  *catalog,
                                           GError      **error);

G_END_DECLS
