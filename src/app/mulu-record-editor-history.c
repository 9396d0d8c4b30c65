/* mulu-record-editor-history.c — a record's change history, under its fields
 *
 * Who changed what and when, newest first, from the catalog's change log
 * (hash-chained: "mulu-cli verify" finds an entry altered outside Mulu), so
 * a clerk answering a reviewer — or a reviewer checking a resubmission —
 * sees what happened to the record without leaving it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-record-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-record-editor-private.h"

/* Beyond this many, the oldest are counted rather than listed. */
#define SHOWN_ENTRIES 30

static char *
shorten (const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  if (g_utf8_strlen (value, -1) <= 40)
    return g_strdup (value);
  {
    g_autofree char *start = g_utf8_substring (value, 0, 39);
    return g_strconcat (start, "…", NULL);
  }
}

/* "2026-11-22T08:01:05+08:00" → "2026-11-22 08:01" */
static char *
when (const char *at)
{
  g_autofree char *day = at ? g_strndup (at, 10) : g_strdup ("");
  g_autofree char *time = at && strlen (at) >= 16 ? g_strndup (at + 11, 5) : g_strdup ("");

  return g_strdup_printf ("%s %s", day, time);
}

static char *
describe (MuluLogEntry *e)
{
  int field;

  if (g_strcmp0 (e->op, "update") == 0 && e->field)
    {
      const MuluEntityInfo *info = mulu_entity_from_kind (e->entity);
      g_autofree char *old_value = shorten (e->old_value);
      g_autofree char *new_value = shorten (e->new_value);
      const char *label = e->field;

      if (info && (field = mulu_entity_find_field (info->entity, e->field)) >= 0)
        label = mulu_field_get_label (&info->fields[field]);
      /* Translators: a change in a record's history: field: old → new */
      return g_strdup_printf (_("%s: %s → %s"), label, old_value, new_value);
    }
  if (g_strcmp0 (e->op, "add") == 0)
    return g_strdup (_("Created"));
  if (g_strcmp0 (e->op, "restore") == 0)
    return g_strdup (_("Restored (undo of a deletion)"));
  if (g_strcmp0 (e->op, "delete") == 0)
    return g_strdup (_("Deleted"));
  if (g_strcmp0 (e->op, "review") == 0)
    {
      g_autofree char *decision = shorten (e->new_value);
      /* Translators: a review decision in a record's history */
      return g_strdup_printf (_("Review: %s"), decision);
    }
  return g_strdup (e->op);
}

/**
 * mulu_record_editor_show_history:
 *
 * Fills the history group with the shown record's change log, newest
 * first; a resource's includes its data items'.
 */
void
mulu_record_editor_show_history (MuluRecordEditor *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  if (self->record == NULL || mulu_record_get_uid (self->record) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      return;
    }
  entries = mulu_log_list (self->catalog, mulu_record_get_uid (self->record), &error);
  if (entries == NULL)
    {
      g_warning ("History of %s: %s", mulu_record_get_uid (self->record), error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      return;
    }

  for (guint i = entries->len; i > 0 && shown < SHOWN_ENTRIES; i--, shown++)
    {
      MuluLogEntry *e = g_ptr_array_index (entries, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = describe (e);
      g_autofree char *at = when (e->at);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", at, e->who ? e->who : "");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  if (entries->len > shown)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u earlier change (mulu-cli history lists all)",
                                                            "and %u earlier changes (mulu-cli history lists all)",
                                                            entries->len - shown), entries->len - shown);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), entries->len > 0);
}
