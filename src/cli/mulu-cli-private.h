/* mulu-cli-private.h — shared by the command-line tool's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mulu-core.h"

G_BEGIN_DECLS

enum { EXIT_OK = 0, EXIT_REFUSED = 1, EXIT_USAGE = 2 };

/* Every command that changes a catalog says who is working; the change
 * log records that name. */
#define MULU_CLI_AS_ENTRY(variable) \
  { "as", 0, 0, G_OPTION_ARG_STRING, &(variable), \
    N_("Work as this person (default: $MULU_USER, else your account’s name)"), N_("NAME") }

int             mulu_cli_fail            (const GError   *error);
int             mulu_cli_usage_error     (GOptionContext *context,
                                          const char     *message);
GOptionContext *mulu_cli_command_context (const char     *parameters,
                                          const char     *summary);
void            mulu_cli_print_json      (JsonBuilder    *b);
/* --as NAME, before any catalog is opened or created. */
void            mulu_cli_set_user        (const char     *name);

int             mulu_cli_submit          (int             argc,
                                          char          **argv);
int             mulu_cli_reopen          (int             argc,
                                          char          **argv);
int             mulu_cli_review          (int             argc,
                                          char          **argv);
int             mulu_cli_verify          (int             argc,
                                          char          **argv);
int             mulu_cli_history         (int             argc,
                                          char          **argv);

G_END_DECLS
