/* mulu-zombies-page.h — step 5, the suspected zombie systems and decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

typedef enum {
  MULU_ZOMBIES_PENDING,    /* suspected, not yet decided */
  MULU_ZOMBIES_CONFIRMED,
  MULU_ZOMBIES_REJECTED,
} MuluZombiesFilter;

#define MULU_TYPE_ZOMBIES_PAGE (mulu_zombies_page_get_type ())
G_DECLARE_FINAL_TYPE (MuluZombiesPage, mulu_zombies_page, MULU, ZOMBIES_PAGE, AdwBin)

GtkWidget  *mulu_zombies_page_new          (void);
void        mulu_zombies_page_set_filter   (MuluZombiesPage   *self,
                                            MuluZombiesFilter  filter);
/* "2 to decide", for the step's row in the sidebar, with the counts of
 * confirmed zombies that have an error (S2) or a warning (S6). */
const char *mulu_zombies_page_get_progress (MuluZombiesPage   *self);
guint       mulu_zombies_page_get_n_errors (MuluZombiesPage   *self);
guint       mulu_zombies_page_get_n_warnings (MuluZombiesPage *self);

/* For tests and for reading the page back: the systems shown, in order,
 * their evidence as shown ("label: reason" lines), and one system's
 * control by name: "note", "confirm", "reject", "disposition", "date",
 * "message" (the finding under the fields), "shared" (S6), "open". */
GArray     *mulu_zombies_page_dup_shown    (MuluZombiesPage   *self);
char       *mulu_zombies_page_dup_evidence (MuluZombiesPage   *self,
                                            gint64             system_id);
GtkWidget  *mulu_zombies_page_get_control  (MuluZombiesPage   *self,
                                            gint64             system_id,
                                            const char        *name);

G_END_DECLS
