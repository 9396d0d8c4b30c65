/* mulu-cli-review.c — submit, reopen, review, history and verify
 *
 * So that a reviewer's script can make a bulk pass: records are named by
 * their package ids, decisions are all or nothing, and exit status 1 means
 * refused (nothing changed) or, for verify, a broken change log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-cli"

#include "config.h"

#include "mulu-cli-private.h"

static MuluCatalog *
open_catalog (const char *path,
              GError    **error)
{
  return mulu_catalog_open (path, error);
}

static int
close_and_fail (MuluCatalog  *catalog,
                const GError *error)
{
  mulu_catalog_close (catalog, NULL);
  return mulu_cli_fail (error);
}

/* --- submit, reopen ------------------------------------------------------ */

int
mulu_cli_submit (int    argc,
                 char **argv)
{
  g_autofree char *as = NULL;
  const GOptionEntry entries[] = {
    MULU_CLI_AS_ENTRY (as),
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("submit FILE [--as NAME]"),
                                                                _("Submit the catalog for review. It is refused while validation errors remain; once submitted, the catalog is frozen until it is reopened."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(MuluReviewSummary) summary = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3)
    return mulu_cli_usage_error (context, _("Give the catalog file."));
  mulu_cli_set_user (as);

  if ((catalog = open_catalog (argv[2], &error)) == NULL)
    return mulu_cli_fail (error);
  if (!mulu_catalog_submit (catalog, &error) ||
      (summary = mulu_review_summary (catalog, &error)) == NULL)
    return close_and_fail (catalog, error);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%s submitted by %s: %llu record awaits review, %llu already approved. The catalog is frozen until it is reopened.\n",
                        "%s submitted by %s: %llu records await review, %llu already approved. The catalog is frozen until it is reopened.\n",
                        (gulong) summary->counts[MULU_REVIEW_SUBMITTED]),
           argv[2], mulu_catalog_get_user (catalog),
           (unsigned long long) summary->counts[MULU_REVIEW_SUBMITTED],
           (unsigned long long) summary->counts[MULU_REVIEW_APPROVED]);
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  return EXIT_OK;
}

int
mulu_cli_reopen (int    argc,
                 char **argv)
{
  g_autofree char *as = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    MULU_CLI_AS_ENTRY (as),
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why it is reopened (kept in the change log)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("reopen FILE [--as NAME] [--note TEXT]"),
                                                                _("Reopen a submitted catalog so that it can be changed again; the reopening is recorded."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3)
    return mulu_cli_usage_error (context, _("Give the catalog file."));
  mulu_cli_set_user (as);

  if ((catalog = open_catalog (argv[2], &error)) == NULL)
    return mulu_cli_fail (error);
  if (!mulu_catalog_reopen (catalog, note, &error))
    return close_and_fail (catalog, error);
  g_print (_("%s reopened by %s; it can be changed, and submitted again.\n"), argv[2], mulu_catalog_get_user (catalog));
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  return EXIT_OK;
}

/* --- review -------------------------------------------------------------- */

/* The record a package id names; ids are unique per kind, so one id may
 * name records of two kinds, which is refused rather than guessed. */
static gboolean
find_record (MuluCatalog *catalog,
             const char  *uid,
             MuluEntity  *out_entity,
             gint64      *out_id,
             GError     **error)
{
  guint found = 0;

  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      g_autoptr(MuluRecord) record = mulu_catalog_get_by_uid (catalog, e, uid, NULL);

      if (record == NULL)
        continue;
      if (found++ > 0)
        {
          g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                       _("The id “%s” names both a %s and a %s; review them in Mulu’s window."),
                       uid, mulu_entity_get_label (*out_entity), mulu_entity_get_label (e));
          return FALSE;
        }
      *out_entity = e;
      *out_id = mulu_record_get_id (record);
    }
  if (found == 0)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("There is no record with id “%s” in this catalog; ids are those of an exported package."), uid);
      return FALSE;
    }
  return TRUE;
}

static void
add_review_json (JsonBuilder *b,
                 MuluReview  *r)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "entity");
  json_builder_add_string_value (b, mulu_entity_get_info (r->entity)->kind);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, r->uid);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, r->name);
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, mulu_review_state_to_string (r->state));
  json_builder_set_member_name (b, "reviewer");
  json_builder_add_string_value (b, r->reviewer);
  json_builder_set_member_name (b, "comment");
  json_builder_add_string_value (b, r->comment);
  json_builder_set_member_name (b, "at");
  json_builder_add_string_value (b, r->at);
  json_builder_set_member_name (b, "changed_after_submission");
  json_builder_add_boolean_value (b, r->changed);
  json_builder_end_object (b);
}

static int
print_summary (MuluCatalog *catalog,
               const char  *path,
               gboolean     as_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluReviewSummary) s = mulu_review_summary (catalog, &error);

  if (s == NULL)
    return close_and_fail (catalog, error);
  if (as_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "submitted");
      json_builder_add_boolean_value (b, s->submitted);
      json_builder_set_member_name (b, "submitted_by");
      json_builder_add_string_value (b, s->submitted_by);
      json_builder_set_member_name (b, "submitted_at");
      json_builder_add_string_value (b, s->submitted_at);
      json_builder_set_member_name (b, "counts");
      json_builder_begin_object (b);
      for (guint st = 0; st < MULU_N_REVIEW_STATES; st++)
        {
          json_builder_set_member_name (b, mulu_review_state_to_string (st));
          json_builder_add_int_value (b, (gint64) s->counts[st]);
        }
      json_builder_set_member_name (b, "changed_after_submission");
      json_builder_add_int_value (b, (gint64) s->changed);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "comments");
      json_builder_begin_array (b);
      for (guint i = 0; i < s->comments->len; i++)
        add_review_json (b, g_ptr_array_index (s->comments, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      mulu_cli_print_json (b);
    }
  else
    {
      if (s->submitted)
        g_print (_("%s: submitted by %s on %.10s.\n"), path, s->submitted_by ? s->submitted_by : "?",
                 s->submitted_at ? s->submitted_at : "?");
      else
        g_print (_("%s: not submitted; it can be changed.\n"), path);
      g_print (_("%llu not reviewed, %llu approved, %llu returned, %llu changed after submission.\n"),
               (unsigned long long) s->counts[MULU_REVIEW_SUBMITTED], (unsigned long long) s->counts[MULU_REVIEW_APPROVED],
               (unsigned long long) s->counts[MULU_REVIEW_RETURNED], (unsigned long long) s->changed);
      for (guint i = 0; i < s->comments->len; i++)
        {
          MuluReview *r = g_ptr_array_index (s->comments, i);
          g_print ("%s  %s %s “%s”  %s: %s\n", mulu_review_state_get_label (r->state), mulu_entity_get_label (r->entity),
                   r->uid, r->name ? r->name : "", r->reviewer ? r->reviewer : "?", r->comment);
        }
    }
  return EXIT_OK;
}

int
mulu_cli_review (int    argc,
                 char **argv)
{
  g_autofree char *as = NULL;
  g_autofree char *return_id = NULL;
  g_autofree char *comment = NULL;
  gboolean approve = FALSE;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    MULU_CLI_AS_ENTRY (as),
    { "approve", 0, 0, G_OPTION_ARG_NONE, &approve, N_("Approve the records whose ids follow (all or none)"), NULL },
    { "return", 0, 0, G_OPTION_ARG_STRING, &return_id, N_("Return this record to the clerk (needs --comment)"), N_("ID") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("What the clerk should fix (required to return)"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the summary as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("review FILE [--as NAME] --approve ID… | --return ID --comment TEXT | [--json]"),
                                                                _("Approve records, or return one to the clerk with a comment; with neither, show the review’s counts and comments."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  MuluEntity entity = MULU_ENTITY_DEPARTMENT;
  gint64 id = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc < 3)
    return mulu_cli_usage_error (context, _("Give the catalog file."));
  if (approve && return_id)
    return mulu_cli_usage_error (context, _("Approve or return, not both at once."));
  if (approve && argc < 4)
    return mulu_cli_usage_error (context, _("Give the ids of the records to approve after --approve."));
  if (!approve && argc > 3)
    return mulu_cli_usage_error (context, _("Record ids follow --approve; to return a record, use --return ID."));
  if (return_id && (comment == NULL || *g_strstrip (comment) == '\0'))
    return mulu_cli_usage_error (context, _("Returning a record needs --comment saying what to fix."));
  mulu_cli_set_user (as);

  if ((catalog = open_catalog (argv[2], &error)) == NULL)
    return mulu_cli_fail (error);

  if (!approve && return_id == NULL)
    {
      int status = print_summary (catalog, argv[2], as_json);
      if (status == EXIT_OK && !mulu_catalog_close (catalog, &error))
        return mulu_cli_fail (error);
      return status;
    }

  if (return_id)
    {
      if (!find_record (catalog, return_id, &entity, &id, &error) ||
          !mulu_review_return (catalog, entity, id, comment, &error))
        return close_and_fail (catalog, error);
      g_print (_("Returned %s %s to the clerk, as %s.\n"), mulu_entity_get_label (entity), return_id,
               mulu_catalog_get_user (catalog));
    }
  else
    {
      if (!mulu_catalog_begin (catalog, &error))
        return close_and_fail (catalog, error);
      for (int i = 3; i < argc; i++)
        if (!find_record (catalog, argv[i], &entity, &id, &error) ||
            !mulu_review_approve (catalog, entity, id, comment, &error))
          {
            mulu_catalog_rollback (catalog);
            g_prefix_error (&error, _("Nothing was approved: "));
            return close_and_fail (catalog, error);
          }
      if (!mulu_catalog_commit (catalog, &error))
        return close_and_fail (catalog, error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "Approved %d record, as %s.\n", "Approved %d records, as %s.\n", argc - 3),
               argc - 3, mulu_catalog_get_user (catalog));
    }
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  return EXIT_OK;
}

/* --- history ------------------------------------------------------------- */

static const char *
kind_label (const char *kind)
{
  const MuluEntityInfo *info = mulu_entity_from_kind (kind);

  return info ? mulu_entity_get_label (info->entity) : (kind ? kind : "");
}

static const char *
field_label (const char *kind,
             const char *field)
{
  const MuluEntityInfo *info = mulu_entity_from_kind (kind);
  int i = info && field ? mulu_entity_find_field (info->entity, field) : -1;

  return i >= 0 ? mulu_field_get_label (&info->fields[i]) : (field ? field : "");
}

static char *
describe (MuluLogEntry *e)
{
  const char *op = e->op;
  const char *kind = kind_label (e->entity);
  const char *uid = e->record_uid ? e->record_uid : "";

  if (g_str_equal (op, "create"))
    return g_strdup (_("created the catalog"));
  if (g_str_equal (op, "add"))
    return g_strdup_printf (_("added %s %s"), kind, uid);
  if (g_str_equal (op, "delete"))
    return g_strdup_printf (_("deleted %s %s"), kind, uid);
  if (g_str_equal (op, "restore"))
    return g_strdup_printf (_("restored %s %s"), kind, uid);
  if (g_str_equal (op, "update"))
    return g_strdup_printf (_("%s %s: %s “%s” → “%s”"), kind, uid, field_label (e->entity, e->field),
                            e->old_value ? e->old_value : "", e->new_value ? e->new_value : "");
  if (g_str_equal (op, "import"))
    return g_strdup_printf (_("imported a package %s"), e->details ? e->details : "");
  if (g_str_equal (op, "generate"))
    return g_strdup_printf (_("generated a synthetic catalog %s"), e->details ? e->details : "");
  if (g_str_equal (op, "settings"))
    return g_strdup_printf (_("changed the settings: %s"), e->field ? e->field : "");
  if (g_str_equal (op, "submit"))
    return g_strdup (_("submitted the catalog for review"));
  if (g_str_equal (op, "reopen"))
    return g_strdup_printf (_("reopened the catalog %s"), e->details ? e->details : "");
  if (g_str_equal (op, "review"))
    {
      MuluReviewState state = MULU_REVIEW_DRAFT;
      mulu_review_state_from_string (e->new_value, &state);
      return g_strdup_printf (_("review of %s %s: %s %s"), kind, uid, mulu_review_state_get_label (state),
                              e->details ? e->details : "");
    }
  return g_strdup_printf ("%s %s %s %s", op, kind, uid, e->details ? e->details : "");
}

static void
add_entry_json (JsonBuilder  *b,
                MuluLogEntry *e)
{
  const char *keys[] = { "at", "who", "op", "entity", "record", "field", "old", "new" };
  const char *values[] = { e->at, e->who, e->op, e->entity, e->record_uid, e->field, e->old_value, e->new_value };
  g_autoptr(JsonNode) details = e->details ? json_from_string (e->details, NULL) : NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "entry");
  json_builder_add_int_value (b, e->id);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      json_builder_set_member_name (b, keys[i]);
      json_builder_add_string_value (b, values[i]);
    }
  json_builder_set_member_name (b, "details");
  if (details)
    json_builder_add_value (b, g_steal_pointer (&details));
  else
    json_builder_add_string_value (b, e->details);
  json_builder_set_member_name (b, "hash");
  json_builder_add_string_value (b, e->hash);
  json_builder_end_object (b);
}

int
mulu_cli_history (int    argc,
                  char **argv)
{
  g_autofree char *record = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "record", 0, 0, G_OPTION_ARG_STRING, &record, N_("Only this record (and, for a resource, its data items)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("history FILE [--record ID] [--json]"),
                                                                _("Print the change log: who changed what, when, and every review step."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(GPtrArray) log = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3)
    return mulu_cli_usage_error (context, _("Give the catalog file."));

  if ((catalog = open_catalog (argv[2], &error)) == NULL)
    return mulu_cli_fail (error);
  if ((log = mulu_log_list (catalog, record, &error)) == NULL)
    return close_and_fail (catalog, error);

  if (as_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "entries");
      json_builder_begin_array (b);
      for (guint i = 0; i < log->len; i++)
        add_entry_json (b, g_ptr_array_index (log, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      mulu_cli_print_json (b);
    }
  else
    {
      for (guint i = 0; i < log->len; i++)
        {
          MuluLogEntry *e = g_ptr_array_index (log, i);
          g_autofree char *what = describe (e);

          g_print ("%6" G_GINT64_FORMAT "  %.19s  %s  %s\n", e->id, e->at, e->who, what);
        }
      if (record && log->len == 0)
        g_print (_("No change to “%s” is recorded.\n"), record);
    }
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  return EXIT_OK;
}

/* --- verify -------------------------------------------------------------- */

int
mulu_cli_verify (int    argc,
                 char **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("verify FILE [--json]"),
                                                                _("Check that the change log is intact and agrees with the data. Exit status 0 when intact, 1 when broken (the first broken entry is named), 2 when the check could not run."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(MuluLogBreak) brk = NULL;
  static const char * const problems[] = { "altered", "deleted", "unlinked", "truncated", "disagrees" };
  gint64 n;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3)
    return mulu_cli_usage_error (context, _("Give the catalog file."));

  /* Every failure to run is status 2, whatever its kind: 1 must mean a
   * broken log and nothing else. */
  if ((catalog = open_catalog (argv[2], &error)) == NULL ||
      (n = mulu_log_count (catalog, &error)) < 0 ||
      !mulu_catalog_verify (catalog, &brk, &error))
    {
      g_printerr ("mulu-cli: %s\n", error->message);
      if (catalog)
        mulu_catalog_close (catalog, NULL);
      return EXIT_USAGE;
    }

  if (as_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "intact");
      json_builder_add_boolean_value (b, brk == NULL);
      json_builder_set_member_name (b, "entries");
      json_builder_add_int_value (b, n);
      if (brk)
        {
          json_builder_set_member_name (b, "problem");
          json_builder_add_string_value (b, problems[brk->problem]);
          json_builder_set_member_name (b, "entry");
          json_builder_add_int_value (b, brk->entry);
          json_builder_set_member_name (b, "message");
          json_builder_add_string_value (b, brk->message);
        }
      json_builder_end_object (b);
      mulu_cli_print_json (b);
    }
  else if (brk)
    g_print ("%s\n", brk->message);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "The change log of %s is intact: %lld entry, in agreement with the data.\n",
                          "The change log of %s is intact: %lld entries, in agreement with the data.\n", (gulong) n),
             argv[2], (long long) n);
  mulu_catalog_close (catalog, NULL);
  return brk ? EXIT_REFUSED : EXIT_OK;
}
