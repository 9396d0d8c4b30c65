/* mulu-preferences-window.h — your name, the zombie thresholds, the template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_PREFERENCES_WINDOW (mulu_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (MuluPreferencesWindow, mulu_preferences_window, MULU, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* catalog may be NULL: the thresholds, stored in the catalog, are then
 * shown but cannot be changed. */
MuluPreferencesWindow *mulu_preferences_window_new             (GtkWindow             *parent,
                                                                GSettings             *settings,
                                                                MuluCatalog           *catalog);
void                   mulu_preferences_window_show_thresholds (MuluPreferencesWindow *self);
/* Stores threshold changes still waiting for the pause after typing. */
gboolean               mulu_preferences_window_flush           (MuluPreferencesWindow *self,
                                                                GError               **error);
/* For tests: "user-name", "template", "business_idle_months",
 * "login_idle_months", "min_utilization", "update_idle_months",
 * "max_users", "rare:每月" (one per usage frequency), "defaults". */
GtkWidget             *mulu_preferences_window_get_control     (MuluPreferencesWindow *self,
                                                                const char            *name);

G_END_DECLS
