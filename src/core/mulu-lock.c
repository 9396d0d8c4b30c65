/* mulu-lock.c
 *
 * SQLite would let a second program write the same catalog between our
 * transactions, which is how two clerks silently overwrite each other's work.
 * So the document holds an operating-system lock on "FILE.mulu-lock" for as
 * long as it is open. The OS drops the lock when a process dies, so a crash
 * never leaves a stale lock behind. Within one process a table of open paths
 * does the same job (POSIX locks do not exclude the process holding them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-lock"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#ifdef G_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#ifdef G_OS_WIN32
#include <windows.h>
#endif

#include "mulu-error.h"
#include "mulu-lock.h"

struct _MuluLock
{
  char *key;
  char *lock_path;
#ifdef G_OS_UNIX
  int fd;
#endif
#ifdef G_OS_WIN32
  HANDLE handle;
#endif
};

G_LOCK_DEFINE_STATIC (open_paths);
static GHashTable *open_paths;

char *
mulu_lock_path_for (const char *catalog_path)
{
  return g_strconcat (catalog_path, "-lock", NULL);
}

static char *
canonical_key (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *p = g_file_get_path (file);

#ifdef G_OS_WIN32
  {
    char *folded = g_utf8_casefold (p, -1);
    g_free (p);
    p = folded;
  }
#endif
  return p;
}

static void
locked_error (GError    **error,
              const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, MULU_ERROR, MULU_ERROR_LOCKED,
               _("“%s” is already open in another Mulu window or program. Close it there first, or open a copy of the file."),
               display);
}

MuluLock *
mulu_lock_acquire (const char *catalog_path,
                   GError    **error)
{
  g_autofree char *key = NULL;
  MuluLock *lock;

  g_return_val_if_fail (catalog_path != NULL, NULL);

  key = canonical_key (catalog_path);

  G_LOCK (open_paths);
  if (open_paths == NULL)
    open_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (open_paths, key))
    {
      G_UNLOCK (open_paths);
      locked_error (error, catalog_path);
      return NULL;
    }
  g_hash_table_add (open_paths, g_strdup (key));
  G_UNLOCK (open_paths);

  lock = g_new0 (MuluLock, 1);
  lock->key = g_steal_pointer (&key);
  lock->lock_path = mulu_lock_path_for (catalog_path);

#ifdef G_OS_UNIX
  for (int attempt = 0; attempt < 5; attempt++)
    {
      struct flock fl = { 0 };
      struct stat by_fd, by_path;

      lock->fd = g_open (lock->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (lock->fd < 0)
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_name (lock->lock_path);
          g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                       _("Cannot create the lock file “%s”: %s. Check that the folder is writable."),
                       display, g_strerror (saved));
          goto fail;
        }
      fl.l_type = F_WRLCK;
      fl.l_whence = SEEK_SET;
      if (fcntl (lock->fd, F_SETLK, &fl) < 0)
        {
          /* Not ours: leave the holder's lock file alone. */
          close (lock->fd);
          lock->fd = -1;
          locked_error (error, catalog_path);
          goto fail;
        }
      /* A closing holder unlinks the lock file; if we locked a file that
       * was unlinked meanwhile, lock the new one instead. */
      if (fstat (lock->fd, &by_fd) == 0 && g_stat (lock->lock_path, &by_path) == 0 &&
          by_fd.st_ino == by_path.st_ino && by_fd.st_dev == by_path.st_dev)
        return lock;
      close (lock->fd);
      lock->fd = -1;
    }
  locked_error (error, catalog_path);
  goto fail;
#elif defined(G_OS_WIN32)
  {
    g_autofree gunichar2 *wpath = g_utf8_to_utf16 (lock->lock_path, -1, NULL, NULL, NULL);

    /* No sharing: a second CreateFile fails until this handle closes,
     * which the system does when the process ends. */
    lock->handle = CreateFileW (wpath, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_ALWAYS,
                                FILE_ATTRIBUTE_HIDDEN | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    if (lock->handle == INVALID_HANDLE_VALUE)
      {
        if (GetLastError () == ERROR_SHARING_VIOLATION)
          locked_error (error, catalog_path);
        else
          {
            g_autofree char *msg = g_win32_error_message (GetLastError ());
            g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                         _("Cannot create the lock file “%s”: %s. Check that the folder is writable."),
                         lock->lock_path, msg);
          }
        goto fail;
      }
    return lock;
  }
#else
  return lock;
#endif

fail:
  mulu_lock_release (lock);
  return NULL;
}

void
mulu_lock_release (MuluLock *lock)
{
  if (lock == NULL)
    return;

#ifdef G_OS_UNIX
  if (lock->fd >= 0)
    {
      g_unlink (lock->lock_path);
      close (lock->fd);
    }
#endif
#ifdef G_OS_WIN32
  if (lock->handle != NULL && lock->handle != INVALID_HANDLE_VALUE)
    CloseHandle (lock->handle);
#endif

  G_LOCK (open_paths);
  if (open_paths)
    g_hash_table_remove (open_paths, lock->key);
  G_UNLOCK (open_paths);

  g_free (lock->key);
  g_free (lock->lock_path);
  g_free (lock);
}
