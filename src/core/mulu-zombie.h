/* mulu-zombie.h — zombie systems (domain.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"

G_BEGIN_DECLS

typedef enum {
  MULU_ZOMBIE_DISCONNECTED,  /* 与业务脱节 */
  MULU_ZOMBIE_REPLACEABLE,   /* 功能可替代 */
  MULU_ZOMBIE_IDLE,          /* 资源闲置 */
  MULU_ZOMBIE_UNMAINTAINED,  /* 运维停止 */
  MULU_ZOMBIE_NARROW,        /* 范围小、频度低 */
  MULU_N_ZOMBIE_CRITERIA
} MuluZombieCriterion;

/* Stored in the catalog, so that a reviewer elsewhere sees the same result. */
typedef struct {
  int    business_idle_months;  /* no business use for this long */
  int    login_idle_months;     /* no login for this long */
  double min_utilization;       /* resource utilisation below this (%) */
  int    update_idle_months;    /* no update for this long */
  int    max_users;             /* this many users or fewer … */
  char  *rare_frequencies;      /* … using it this rarely: comma-separated */
} MuluZombieThresholds;

typedef struct {
  MuluZombieCriterion criterion;
  char               *reason;   /* the evidence in words */
} MuluZombieHit;

typedef struct {
  char *decision;      /* "confirmed", "rejected" or NULL */
  char *disposition;   /* 整合 / 迁移 / 关停下线 / 暂缓 */
  char *planned_date;
  char *note;
  char *decided_by;
  char *decided_at;
} MuluZombieReview;

const char *mulu_zombie_criterion_label    (MuluZombieCriterion criterion);
const char *mulu_zombie_criterion_id       (MuluZombieCriterion criterion);

void        mulu_zombie_thresholds_defaults (MuluZombieThresholds *t);
void        mulu_zombie_thresholds_clear    (MuluZombieThresholds *t);
void        mulu_zombie_thresholds_load     (MuluCatalog          *catalog,
                                             MuluZombieThresholds *t);
gboolean    mulu_zombie_thresholds_save     (MuluCatalog                *catalog,
                                             const MuluZombieThresholds *t,
                                             GError                    **error);

void        mulu_zombie_hit_free           (MuluZombieHit *hit);
GPtrArray  *mulu_zombie_assess             (MuluCatalog                *catalog,
                                            MuluRecord                 *system,
                                            const MuluZombieThresholds *t,
                                            const char                 *today);

void              mulu_zombie_review_free  (MuluZombieReview *review);
MuluZombieReview *mulu_zombie_get_review   (MuluCatalog      *catalog,
                                            gint64            system_id);
gboolean          mulu_zombie_set_review   (MuluCatalog      *catalog,
                                            gint64            system_id,
                                            const char       *decision,
                                            const char       *disposition,
                                            const char       *planned_date,
                                            const char       *note,
                                            GError          **error);

/* The ids of the system's resources still shared unconditionally (S6),
 * in the order entered. */
GArray           *mulu_zombie_list_shared_resources (MuluCatalog *catalog,
                                            gint64            system_id,
                                            GError          **error);

/* For undo and redo: the review row exactly as stored (who decided, when),
 * or NULL when the system has none; and putting such a row back, or
 * removing it when review is NULL. Both log like mulu_zombie_set_review(). */
MuluZombieReview *mulu_zombie_dup_stored_review (MuluCatalog *catalog,
                                            gint64            system_id);
gboolean          mulu_zombie_restore_review (MuluCatalog            *catalog,
                                            gint64                  system_id,
                                            const MuluZombieReview *review,
                                            GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluZombieReview, mulu_zombie_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluZombieHit, mulu_zombie_hit_free)

G_END_DECLS
