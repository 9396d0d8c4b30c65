/* mulu-window-private.h — shared by mulu-window.c and mulu-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-department-page.h"
#include "mulu-records-page.h"
#include "mulu-step-row.h"
#include "mulu-window.h"

G_BEGIN_DECLS

#define MULU_N_STEPS 7

struct _MuluWindow
{
  AdwApplicationWindow  parent_instance;

  MuluCatalog          *catalog;
  MuluHistory          *history;
  GSettings            *settings;
  guint                 progress_idle;

  AdwWindowTitle       *title;
  AdwToastOverlay      *toasts;
  GtkListBox           *steps;
  GtkStack             *pages;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GMenu                *recent_menu;

  MuluStepRow          *overview_row;
  GtkWidget            *overview;
  MuluStepRow          *review_row;
  GtkWidget            *review;
  MuluStepRow          *step_rows[MULU_N_STEPS];
  GtkWidget            *step_pages[MULU_N_STEPS];
};

void mulu_window_install_actions (MuluWindowClass *klass);
void mulu_window_update_actions  (MuluWindow      *self);
void mulu_window_update_recent   (MuluWindow      *self);
void mulu_window_refresh_state   (MuluWindow      *self);

G_END_DECLS
