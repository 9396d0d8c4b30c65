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

#include <sqlite3.h>

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

/* Each item's mask is stored (items.sensitivity, set by the store's
 * INSERT and a rename trigger through the SQL function
 * mulu_item_sensitivity()); these keep it true to this Mulu's categories. */
gboolean        mulu_suggest_register_functions     (sqlite3 *db);
gboolean        mulu_suggest_item_masks_are_current (sqlite3 *db);
gboolean        mulu_suggest_update_item_masks      (sqlite3 *db,
                                                     GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluSuggestion, mulu_suggestion_free)

G_END_DECLS
