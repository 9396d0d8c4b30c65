/* mulu-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mulu-catalog-private.h"
#include "mulu-test-util.h"

static char *tmpdir;
static guint counter;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (tmpdir && g_getenv ("MULU_TEST_KEEP") == NULL)
    remove_tree (tmpdir);
}

const char *
mulu_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;
      tmpdir = g_dir_make_tmp ("mulu-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (cleanup);
    }
  return tmpdir;
}

char *
mulu_test_path (const char *name)
{
  g_autofree char *unique = g_strdup_printf ("%u-%s", ++counter, name);
  return g_build_filename (mulu_test_tmpdir (), unique, NULL);
}

char *
mulu_test_fixture (const char *relative)
{
  return g_build_filename (MULU_SOURCE_ROOT, "tests", "fixtures", relative, NULL);
}

char *
mulu_test_sample_package (void)
{
  return g_build_filename (MULU_SOURCE_ROOT, "data", "samples", "natural-resources.jsonl", NULL);
}

MuluCatalog *
mulu_test_new_catalog (void)
{
  g_autofree char *path = mulu_test_path ("test.mulu");
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) dept = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);

  g_assert_no_error (error);
  dept = mulu_record_new (MULU_ENTITY_DEPARTMENT);
  mulu_record_set_string (dept, MULU_DEPARTMENT_NAME, "厦门市自然资源和规划局");
  mulu_record_set_string (dept, MULU_DEPARTMENT_USCC, "11350200003629170E");
  mulu_record_set_uid (dept, "d1");
  mulu_catalog_add (catalog, dept, &error);
  g_assert_no_error (error);
  return catalog;
}

MuluCatalog *
mulu_test_sample_catalog (void)
{
  g_autofree char *path = mulu_test_path ("sample.mulu");
  g_autofree char *package = mulu_test_sample_package ();
  g_autoptr(GError) error = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);

  g_assert_no_error (error);
  mulu_package_import (catalog, package, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return catalog;
}

char *
mulu_test_dump (MuluCatalog *catalog)
{
  static const char * const tables[] = {
    "departments", "systems", "resources", "items", "zombie_reviews", "reviews", "meta", "codes",
  };
  sqlite3 *db = mulu_catalog_get_db (catalog);
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "== %s\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s%s", c ? "|" : "", v ? v : "∅");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

char *
mulu_test_write_file (const char *name,
                      const char *contents,
                      gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = mulu_test_path (name);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
mulu_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

MuluEntity
mulu_test_entity_of_uid (const char *uid)
{
  return uid[0] == 'd' ? MULU_ENTITY_DEPARTMENT : uid[0] == 's' ? MULU_ENTITY_SYSTEM
       : uid[0] == 'i' ? MULU_ENTITY_ITEM : MULU_ENTITY_RESOURCE;
}

MuluRecord *
mulu_test_get_by_uid (MuluCatalog *catalog,
                      const char  *uid)
{
  g_autoptr(GError) error = NULL;
  MuluRecord *record = mulu_catalog_get_by_uid (catalog, mulu_test_entity_of_uid (uid), uid, &error);

  g_assert_no_error (error);
  return record;
}

gint64
mulu_test_id_of (MuluCatalog *catalog,
                 const char  *uid)
{
  g_autoptr(MuluRecord) record = mulu_test_get_by_uid (catalog, uid);

  return mulu_record_get_id (record);
}

void
mulu_test_validate (MuluCatalog *catalog)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_validate_catalog (catalog, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}
