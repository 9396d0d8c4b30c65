/* mulu-generate.h — synthetic catalogs of any size, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"
#include "mulu-package.h"

G_BEGIN_DECLS

typedef struct {
  guint   departments;   /* in all */
  guint   systems;       /* per department */
  guint   resources;     /* per department, spread over its systems */
  guint   items;         /* per resource */
  guint32 seed;
  double  secret_share;  /* fraction of resources marked 涉密, 0 for none */
  double  zombie_share;  /* fraction of systems showing zombie evidence */
} MuluGenerateOptions;

void     mulu_generate_options_init (MuluGenerateOptions *options);
gboolean mulu_generate              (MuluCatalog               *catalog,
                                     const MuluGenerateOptions *options,
                                     GCancellable              *cancellable,
                                     MuluProgressFunc           progress,
                                     gpointer                   progress_data,
                                     GError                   **error);

G_END_DECLS
