/* test-package-malformed.c — every fatal package problem is refused whole
 *
 * Each fixture in tests/fixtures/packages/bad-*.jsonl carries one defect on
 * a known line. Importing it must fail with MULU_ERROR_PACKAGE, name that
 * line and field, and leave the catalog exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-test-util.h"

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    const char *h_ = (haystack), *n_ = (needle); \
    if (strstr (h_, n_) == NULL) \
      { \
        g_autofree char *m_ = g_strdup_printf ("“%s” does not contain “%s”", h_, n_); \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, m_); \
      } \
  } G_STMT_END

typedef struct {
  const char *name;     /* tests/fixtures/packages/bad-NAME.jsonl */
  guint64     line;     /* the line the message names; 0 when it names none */
  const char *field;    /* the field it names, or NULL */
  const char *fragment; /* what it says is wrong */
  const char *same_as;  /* a fixture whose sentence is deliberately the same */
} Malformed;

#define NOT_A_HEADER "the first line must be the package header {\"kind\":\"mulu-package\",\"version\":1,…}; this file does not start with one, so it is not a Mulu package."
#define EMPTY "is empty; a package starts with a header line."
#define NEEDS_KIND "every line needs a \"kind\": department, system, resource or item."
#define NEEDS_ID "every record needs an \"id\" as text, unique among the package’s records of its kind."

static const Malformed malformed[] = {
  /* encoding and the shape of a line */
  { "utf8", 4, NULL, "the text is not UTF-8 (at byte 64 of the line). Save the package as UTF-8 and import it again.", NULL },
  { "utf8-cut-sequence", 5, NULL, "the text is not UTF-8 (at byte 58 of the line).", NULL },
  { "truncated-line", 5, NULL, "this line is not valid JSON (", NULL },
  { "line-array", 3, NULL, "this line is an array, not a JSON object. Each line must be one object in braces {…}.", NULL },
  { "line-string", 4, NULL, "this line is text, not a JSON object.", NULL },
  { "line-number", 6, NULL, "this line is a number, not a JSON object.", NULL },

  /* the header */
  { "missing-header", 1, NULL, NOT_A_HEADER, NULL },
  { "header-not-first", 1, NULL, NOT_A_HEADER, "missing-header" },
  { "header-unknown-kind", 1, NULL, NOT_A_HEADER, "missing-header" },
  { "header-version-2", 1, "version", "this package has format version 2, but this Mulu reads version 1. Update Mulu, or ask the sender for a version 1 package.", NULL },
  { "header-version-string", 1, "version", "the header needs a \"version\" number.", NULL },
  { "empty", 0, NULL, EMPTY, NULL },
  { "blank-lines", 0, NULL, EMPTY, "empty" },
  { "second-header", 6, "kind", "a second header line; a package has one header, on line 1.", NULL },

  /* kinds, ids and references */
  { "kind-missing", 4, "kind", NEEDS_KIND, NULL },
  { "kind-number", 7, "kind", NEEDS_KIND, NULL },
  { "id-missing", 3, "id", NEEDS_ID, NULL },
  { "id-empty", 4, "id", NEEDS_ID, NULL },
  { "id-number", 5, "id", NEEDS_ID, NULL },
  { "duplicate-id", 5, "id", "id “bs1” is used twice in this package; every record needs its own id.", NULL },
  { "duplicate-item-id", 7, "id", "id “bi1” is used twice in this package", NULL },
  { "dangling-reference", 4, "department", "refers to department “bd9”, which does not appear on an earlier line.", NULL },
  { "forward-reference", 4, "system", "refers to information system “bs2”, which does not appear on an earlier line.", NULL },
  { "system-without-department", 5, "department", "this record must name its department; add the id of one on an earlier line.", NULL },
  { "item-without-resource", 6, "resource", "this record must name its information resource;", NULL },

  /* wrong JSON types */
  { "length-as-string", 5, "length", "“28” is text, but this field holds a number. Write the number without quotes or units (for “100万” write 1000000).", NULL },
  { "volume-records-wan", 4, "volume.records", "“100万” is text, but this field holds a number.", NULL },
  { "user-count-wan", 4, "user_count", "“100万条” is text, but this field holds a number.", NULL },
  { "name-number", 6, "name", "expected text, found a number.", NULL },
  { "connected-as-string", 3, "sharing_platform_connected", "expected true or false, found text.", NULL },
  { "summary-array", 4, "summary", "expected text, found an array.", NULL },
  { "length-fraction", 7, "length", "12.5 is not a whole number; this field counts things.", NULL },
  { "related-codes-string", 4, "related_codes", "expected a list of text, found text.", NULL },
  { "related-codes-number", 5, "related_codes", "entry 2 of the list is a number; every entry must be text.", NULL },
  { "classification-string", 4, "classification", "expected a list such as [\"1\",\"03\",\"001\"], found text.", NULL },
  { "classification-five-levels", 4, "classification", "has 5 levels; a classification has at most four (类, 项, 目, 细目).", NULL },
  { "volume-array", 5, "volume", "expected an object of numbers, found an array.", NULL },

  /* dates and the review objects */
  { "approval-date-words", 3, "approval_date", "“明年” is not a date; write it as YYYY-MM-DD, for example 2024-03-01.", NULL },
  { "publish-date-month-13", 4, "publish_date", "“2024-13-01” is not a date;", NULL },
  { "zombie-decision", 4, "zombie_review.decision", "“maybe” is not a decision; use \"confirmed\", \"rejected\" or null.", NULL },
  { "zombie-planned-date", 5, "zombie_review.planned_date", "“2027-02-30” is not a date;", NULL },
  { "review-state", 5, "review.state", "“done” is not a review state; use draft, submitted, approved or returned.", NULL },
  { "review-without-state", 6, "review.state", "a review needs a state: draft, submitted, approved or returned.", NULL },
};

static gint64
count_rows (MuluCatalog *catalog,
            const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
fixture_path (const Malformed *m)
{
  g_autofree char *relative = g_strdup_printf ("packages%cbad-%s.jsonl", G_DIR_SEPARATOR, m->name);

  return mulu_test_fixture (relative);
}

/* Imports a package that must be refused, and checks that the refusal
 * changed nothing; returns the error. */
static GError *
import_refused (MuluCatalog *catalog,
                const char  *path)
{
  g_autofree char *before = mulu_test_dump (catalog);
  g_autofree char *after = NULL;
  g_autoptr(MuluImportReport) report = NULL;
  gint64 log_before = count_rows (catalog, "SELECT COUNT(*) FROM change_log");
  GError *error = NULL;

  g_assert_false (mulu_package_import (catalog, path, &report, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_null (report);

  after = mulu_test_dump (catalog);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM change_log"), ==, log_before);
  /* The reader switches foreign keys off for its transaction. */
  g_assert_cmpint (count_rows (catalog, "PRAGMA foreign_keys"), ==, 1);
  return error;
}

/* “NAME, line N, field “F”: WHAT Nothing was imported.” */
static void
assert_message (const char      *message,
                const char      *display,
                const Malformed *m)
{
  g_autofree char *prefix = NULL;

  if (m->line == 0)
    prefix = g_strdup_printf ("%s ", display);
  else if (m->field)
    prefix = g_strdup_printf ("%s, line %" G_GUINT64_FORMAT ", field “%s”: ", display, m->line, m->field);
  else
    prefix = g_strdup_printf ("%s, line %" G_GUINT64_FORMAT ": ", display, m->line);

  {
    g_autofree char *start = g_strndup (message, strlen (prefix));
    g_assert_cmpstr (start, ==, prefix);
  }
  if (m->line == 0)
    g_assert_null (strstr (message, "line "));
  assert_contains (message + strlen (prefix), m->fragment);
  g_assert_true (g_str_has_suffix (message, " Nothing was imported."));
}

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *path = fixture_path (m);
  g_autofree char *display = g_path_get_basename (path);
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  error = import_refused (catalog, path);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_PACKAGE);
  assert_message (error->message, display, m);
}

/* Two defects share a sentence only where the table says so; the file name
 * is left out, since it alone would make every message distinct. */
static void
test_messages_distinct (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = fixture_path (&malformed[i]);
      g_autofree char *display = g_path_get_basename (path);
      g_autoptr(GError) error = import_refused (catalog, path);

      g_assert_error (error, MULU_ERROR, MULU_ERROR_PACKAGE);
      g_assert_true (g_str_has_prefix (error->message, display));
      g_ptr_array_add (messages, g_strdup (error->message + strlen (display)));
    }

  for (guint i = 0; i < messages->len; i++)
    for (guint j = i + 1; j < messages->len; j++)
      {
        const char *a = malformed[i].same_as ? malformed[i].same_as : malformed[i].name;
        const char *b = malformed[j].same_as ? malformed[j].same_as : malformed[j].name;

        if (g_str_equal (a, b))
          g_assert_cmpstr (g_ptr_array_index (messages, i), ==, g_ptr_array_index (messages, j));
        else if (g_str_equal (g_ptr_array_index (messages, i), g_ptr_array_index (messages, j)))
          {
            g_autofree char *m = g_strdup_printf ("bad-%s and bad-%s give the same message: %s",
                                                  malformed[i].name, malformed[j].name,
                                                  (const char *) g_ptr_array_index (messages, i));
            g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, m);
          }
      }
}

/* Too big for the repository: written here. */
static void
test_line_longer_than_16_mb (void)
{
  const gsize name_length = 17 << 20;
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GString) text = g_string_sized_new (name_length + 256);
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) error = NULL;
  const Malformed expected = { "long-line", 2, NULL, "this line is longer than 16 MB; each line must hold one record.", NULL };

  g_string_append (text, "{\"kind\":\"mulu-package\",\"version\":1,\"generator\":\"test\",\"created\":\"2026-11-22T10:00:00+08:00\"}\n");
  g_string_append (text, "{\"kind\":\"department\",\"id\":\"big\",\"name\":\"");
  for (gsize i = 0; i < name_length; i++)
    g_string_append_c (text, 'A');
  g_string_append (text, "\"}\n{\"kind\":\"department\",\"id\":\"after\",\"name\":\"某局\"}\n");
  path = mulu_test_write_file ("long-line.jsonl", text->str, (gssize) text->len);
  display = g_path_get_basename (path);

  error = import_refused (catalog, path);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_PACKAGE);
  assert_message (error->message, display, &expected);
  g_unlink (path);
}

/* The CLI creates a missing catalog before importing; a refused package
 * must not leave that new, empty catalog (or its lock) behind. */
static void
test_cli_leaves_no_new_catalog (void)
{
  const char *cli = g_getenv ("MULU_CLI");
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *package = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *left;
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("MULU_CLI is not set; run through meson test");
      return;
    }

  dir = mulu_test_path ("cli");
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  target = g_build_filename (dir, "NEW.mulu", NULL);
  package = mulu_test_fixture ("packages" G_DIR_SEPARATOR_S "bad-dangling-reference.jsonl");

  {
    const char *argv[] = { cli, "import", target, package, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
  }

  g_assert_false (g_spawn_check_wait_status (status, &error));
  g_assert_error (error, G_SPAWN_EXIT_ERROR, 1);
  g_assert_cmpstr (out, ==, "");
  assert_contains (err, "bad-dangling-reference.jsonl, line 4, field “department”: refers to department “bd9”");

  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  left = g_dir_read_name (listing);
  g_assert_cmpstr (left, ==, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strdup_printf ("/package/malformed/%s", malformed[i].name);
      g_test_add_data_func (name, &malformed[i], test_malformed);
    }
  g_test_add_func ("/package/malformed/messages-are-distinct", test_messages_distinct);
  g_test_add_func ("/package/malformed/line-longer-than-16-mb", test_line_longer_than_16_mb);
  g_test_add_func ("/package/malformed/cli-leaves-no-new-catalog", test_cli_leaves_no_new_catalog);

  return g_test_run ();
}
