/* mulu-i18n.c — find the translations, installed or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "mulu-i18n.h"

void
mulu_i18n_init (void)
{
  const char *dir = g_getenv ("MULU_LOCALEDIR");
#ifdef G_OS_WIN32
  g_autofree char *found = NULL;
#endif

  setlocale (LC_ALL, "");
  if (dir == NULL)
    {
#ifdef G_OS_WIN32
      /* Installed as bin/mulu.exe beside share/locale. */
      g_autofree char *root = g_win32_get_package_installation_directory_of_module (NULL);
      found = g_build_filename (root, "share", "locale", NULL);
      dir = found;
#else
      dir = LOCALEDIR;
#endif
    }
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
