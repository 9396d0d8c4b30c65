/* mulu-test-util.h — shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-core.h"

G_BEGIN_DECLS

/* A fresh temporary directory, removed with its contents at exit. */
const char  *mulu_test_tmpdir           (void);
/* A path inside that directory; the file does not exist yet. */
char        *mulu_test_path             (const char *name);
/* A path in tests/fixtures. */
char        *mulu_test_fixture          (const char *relative);
/* data/samples/natural-resources.jsonl */
char        *mulu_test_sample_package   (void);
/* A new catalog at a fresh path, with one department; the test owns it. */
MuluCatalog *mulu_test_new_catalog      (void);
/* A new catalog imported from the sample package. */
MuluCatalog *mulu_test_sample_catalog   (void);
/* A canonical dump of every row of every table except the change log, to
 * compare two catalogs (or one catalog before and after). */
char        *mulu_test_dump             (MuluCatalog *catalog);
/* Write text to a file in the temporary directory and return its path. */
char        *mulu_test_write_file       (const char *name,
                                         const char *contents,
                                         gssize      length);
char        *mulu_test_read_file        (const char *path);
/* A record of a fixture package by its id, whose first letter says its
 * kind (d…, s…, r…, i…); asserts it exists. */
MuluEntity   mulu_test_entity_of_uid    (const char  *uid);
MuluRecord  *mulu_test_get_by_uid       (MuluCatalog *catalog,
                                         const char  *uid);
gint64       mulu_test_id_of            (MuluCatalog *catalog,
                                         const char  *uid);
/* A full validation that must succeed. */
void         mulu_test_validate         (MuluCatalog *catalog);

G_END_DECLS
