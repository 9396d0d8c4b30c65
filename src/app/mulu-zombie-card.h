/* mulu-zombie-card.h — one system in step 5: evidence and decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

/* What one system is, as read from the catalog at one refresh. */
typedef struct {
  MuluRecord       *system;
  GPtrArray        *hits;      /* MuluZombieHit */
  MuluZombieReview *review;
  GPtrArray        *findings;  /* MuluFinding: its S2 and S6, when confirmed */
  GArray           *shared;    /* ids of resources still 无条件共享, when confirmed */
} MuluZombieState;

void               mulu_zombie_state_free      (MuluZombieState *st);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluZombieState, mulu_zombie_state_free)

const MuluFinding *mulu_zombie_find_rule       (GPtrArray       *findings,
                                                const char      *rule);

#define MULU_TYPE_ZOMBIE_CARD (mulu_zombie_card_get_type ())
G_DECLARE_FINAL_TYPE (MuluZombieCard, mulu_zombie_card, MULU, ZOMBIE_CARD, GtkBox)

MuluZombieCard    *mulu_zombie_card_new        (MuluCatalog     *catalog,
                                                MuluHistory     *history,
                                                gint64           system_id);
void               mulu_zombie_card_update     (MuluZombieCard        *card,
                                                const MuluZombieState *st);
/* Stops storing anything: before the card is removed. */
void               mulu_zombie_card_detach     (MuluZombieCard  *card);
gint64             mulu_zombie_card_get_system_id (MuluZombieCard *card);
/* "label: reason" lines, as shown. */
const char        *mulu_zombie_card_get_evidence (MuluZombieCard *card);
GtkWidget         *mulu_zombie_card_get_control (MuluZombieCard *card,
                                                const char     *name);

G_END_DECLS
