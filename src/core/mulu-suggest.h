/* mulu-suggest.h — classification suggestions from sensitive data items
 *
 * A resource whose data items name citizens' ID numbers, addresses, bank
 * accounts, health, income, criminal records, religion, ethnicity or
 * biometrics should not be opened and should be shared with conditions.
 * Mulu suggests it (a hint with a state), and never applies it by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"

G_BEGIN_DECLS

typedef struct {
  char  *state;       /* "suggested", "accepted" or "dismissed" */
  char **categories;  /* translated category names */
  char **items;       /* the data items that triggered it */
  char  *condition;   /* a sharing condition to start from */
} MuluSuggestion;

void            mulu_suggestion_free        (MuluSuggestion *suggestion);
MuluSuggestion *mulu_suggestion_get         (MuluCatalog    *catalog,
                                             gint64          resource_id);
gboolean        mulu_suggestion_accept      (MuluCatalog    *catalog,
                                             gint64          resource_id,
                                             const char     *condition,
                                             GError        **error);
gboolean        mulu_suggestion_dismiss     (MuluCatalog    *catalog,
                                             gint64          resource_id,
                                             GError        **error);
/* Bit mask of sensitive categories an item name falls in (0 for none). */
guint           mulu_suggest_classify_item  (const char     *item_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluSuggestion, mulu_suggestion_free)

G_END_DECLS
