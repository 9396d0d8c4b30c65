/* bench-util.c — what every benchmark needs: timing, peak memory, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bench-util.h"

double
mulu_bench_seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* VmHWM: the most resident memory this process has had. */
gint64
mulu_bench_peak_rss_kib (void)
{
#if defined(G_OS_UNIX) && defined(__linux__)
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, "\nVmHWM:");
  if (p == NULL)
    return -1;
  p += strlen ("\nVmHWM:");
  while (*p == ' ' || *p == '\t')
    p++;
  return g_ascii_strtoll (p, NULL, 10);
#else
  return -1;
#endif
}

void
mulu_bench_remove_db (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", "-lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

char *
mulu_bench_self_path (const char *argv0)
{
#ifdef __linux__
  char *p = g_file_read_link ("/proc/self/exe", NULL);
  if (p)
    return p;
#endif
  if (strchr (argv0, G_DIR_SEPARATOR) == NULL)
    {
      char *found = g_find_program_in_path (argv0);
      if (found)
        return found;
    }
  return g_strdup (argv0);
}

/* 2111001 → "2,111,001" */
char *
mulu_bench_format_count (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *s = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

void
mulu_bench_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        mulu_bench_remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

void
mulu_bench_layout (MuluGenerateOptions *o,
                   int                  resources,
                   int                  items_per_resource)
{
  mulu_generate_options_init (o);
  o->resources = (guint) MIN (resources, 100);
  o->departments = ((guint) resources + o->resources - 1) / o->resources;
  o->systems = 10;
  o->items = (guint) items_per_resource;
}
