/* mulu-json-out.h — appending JSON text to a GString, fast and in a fixed
 * key order (internal to the core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void mulu_json_append_string (GString    *out,
                              const char *s);
void mulu_json_append_double (GString    *out,
                              double      d);
void mulu_json_append_key    (GString    *out,
                              gboolean   *first,
                              const char *key);

G_END_DECLS
