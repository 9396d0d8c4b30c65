/* test-lock.c — one writer per catalog, and no stale locks after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#ifdef G_OS_UNIX
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "mulu-test-util.h"

static void
test_same_process_refused (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(MuluCatalog) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (mulu_catalog_get_path (catalog));

  second = mulu_catalog_open (path, &error);
  g_assert_null (second);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_LOCKED);
  g_clear_error (&error);

  mulu_catalog_close (catalog, NULL);
  second = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

static void
test_other_process_refused (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = mulu_test_dump (catalog);
  g_autofree char *after = NULL;
  g_autofree char *package = mulu_test_sample_package ();
  const char *argv[] = { g_getenv ("MULU_CLI"), "import", mulu_catalog_get_path (catalog), package, NULL };
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "already open"));
  after = mulu_test_dump (catalog);
  g_assert_cmpstr (before, ==, after);
}

static void
test_lock_released_when_holder_dies (void)
{
#ifdef G_OS_UNIX
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *path = g_strdup (mulu_catalog_get_path (catalog));
  g_autoptr(GError) error = NULL;
  int ready[2];
  pid_t pid;
  char byte;

  mulu_catalog_close (catalog, NULL);
  g_clear_object (&catalog);

  g_assert_cmpint (pipe (ready), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* The child opens the catalog, says so, and waits to be killed
       * without closing anything: a crash. */
      MuluCatalog *held = mulu_catalog_open (path, NULL);
      if (held == NULL)
        _exit (3);
      if (write (ready[1], "x", 1) != 1)
        _exit (4);
      pause ();
      _exit (0);
    }
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);

  catalog = mulu_catalog_open (path, &error);
  g_assert_null (catalog);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_LOCKED);
  g_clear_error (&error);

  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  close (ready[0]);
  close (ready[1]);

  catalog = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_DEPARTMENT, NULL), ==, 1);
#else
  g_test_skip ("needs fork()");
#endif
}

static void
test_lock_file_removed_on_close (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *lock = g_strconcat (mulu_catalog_get_path (catalog), "-lock", NULL);

  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  mulu_catalog_close (catalog, NULL);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lock/same-process-refused", test_same_process_refused);
  g_test_add_func ("/lock/other-process-refused-and-nothing-changes", test_other_process_refused);
  g_test_add_func ("/lock/released-when-holder-dies", test_lock_released_when_holder_dies);
  g_test_add_func ("/lock/lock-file-removed-on-close", test_lock_file_removed_on_close);
  return g_test_run ();
}
