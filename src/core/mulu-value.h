/* mulu-value.h — typed field values and their text form
 *
 * A field's value is a GVariant of the field's type ("s", "x", "d", "b",
 * "as"), or NULL when unknown. Text entered by a person goes through
 * mulu_value_parse(), which refuses what it cannot read exactly — "100万条"
 * in a number field is an error, never 100.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mulu-entity.h"

G_BEGIN_DECLS

const GVariantType *mulu_value_type_for   (MuluFieldType type);
gboolean            mulu_value_parse      (MuluFieldType type,
                                           const char   *text,
                                           GVariant    **out_value,
                                           GError      **error);
char               *mulu_value_to_text    (GVariant     *value);
gboolean            mulu_value_equal      (GVariant     *a,
                                           GVariant     *b);
char               *mulu_date_normalize   (const char   *text);
gboolean            mulu_date_is_valid    (const char   *iso_date);

G_END_DECLS
