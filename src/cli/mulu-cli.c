/* mulu-cli.c — the headless tool
 *
 * Exit status: 0 success, 1 refused or findings, 2 usage or I/O error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#ifdef G_OS_UNIX
#include <unistd.h>
#endif
#ifdef G_OS_WIN32
#include <io.h>
#endif

#include "mulu-cli-private.h"

static gboolean
stderr_is_terminal (void)
{
#ifdef G_OS_UNIX
  return isatty (fileno (stderr));
#elif defined(G_OS_WIN32)
  return _isatty (_fileno (stderr));
#else
  return FALSE;
#endif
}

static void
print_progress (double      fraction,
                const char *message,
                gpointer    user_data)
{
  if (!stderr_is_terminal ())
    return;
  /* A negative fraction: a phase whose length is not known. */
  if (fraction < 0)
    {
      g_printerr ("\r%s…      ", message);
      return;
    }
  g_printerr ("\r%s… %3d%%", message, (int) (fraction * 100.0 + 0.5));
  if (fraction >= 1.0)
    g_printerr ("\n");
}

static int
exit_for (const GError *error)
{
  if (error == NULL)
    return EXIT_OK;
  if (error->domain == MULU_ERROR)
    switch (error->code)
      {
      case MULU_ERROR_PACKAGE:
      case MULU_ERROR_EXISTS:
      case MULU_ERROR_LOCKED:
      case MULU_ERROR_INVALID:
      case MULU_ERROR_CANCELLED:
      case MULU_ERROR_SUBMITTED:
      case MULU_ERROR_NOT_PERMITTED:
        return EXIT_REFUSED;
      default:
        break;
      }
  return EXIT_USAGE;
}

int
mulu_cli_fail (const GError *error)
{
  g_printerr ("mulu-cli: %s\n", error->message);
  return exit_for (error);
}

int
mulu_cli_usage_error (GOptionContext *context,
                      const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("mulu-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

GOptionContext *
mulu_cli_command_context (const char *parameters,
                          const char *summary)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  return context;
}

/* The core reads $MULU_USER when a catalog is made or opened, so --as
 * also names the author of a new catalog's first entry. */
void
mulu_cli_set_user (const char *name)
{
  if (name && *name)
    g_setenv ("MULU_USER", name, TRUE);
}

/* --- new ---------------------------------------------------------------- */

static int
cmd_new (int    argc,
         char **argv)
{
  g_autofree char *department = NULL;
  g_autofree char *uscc = NULL;
  g_autofree char *region = NULL;
  g_autofree char *as = NULL;
  const GOptionEntry entries[] = {
    MULU_CLI_AS_ENTRY (as),
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("Full name of the department"), N_("NAME") },
    { "uscc", 0, 0, G_OPTION_ARG_STRING, &uscc, N_("Its unified social credit code"), N_("CODE") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Region code (default: from the credit code)"), N_("CODE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("new FILE --department NAME --uscc CODE"),
                                                       _("Create an empty catalog for one department."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(MuluRecord) dept = NULL;
  MuluUsccResult check;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3 || department == NULL || uscc == NULL)
    return mulu_cli_usage_error (context, _("Give the file, --department and --uscc."));
  mulu_cli_set_user (as);

  if (mulu_uscc_check (uscc, &check) != MULU_USCC_VALID)
    {
      g_autofree char *why = mulu_uscc_describe (&check);
      g_printerr (_("mulu-cli: the credit code “%s” is not valid: %s\n"), uscc, why);
      return EXIT_REFUSED;
    }

  if ((catalog = mulu_catalog_create (argv[2], &error)) == NULL)
    return mulu_cli_fail (error);

  dept = mulu_record_new (MULU_ENTITY_DEPARTMENT);
  mulu_record_set_string (dept, MULU_DEPARTMENT_NAME, department);
  {
    g_autofree char *upper = g_ascii_strup (uscc, -1);
    g_autofree char *derived = g_strndup (upper + 2, 6);
    mulu_record_set_string (dept, MULU_DEPARTMENT_USCC, upper);
    mulu_record_set_string (dept, MULU_DEPARTMENT_REGION_CODE, region ? region : derived);
  }
  if (!mulu_catalog_add (catalog, dept, &error))
    {
      mulu_catalog_close (catalog, NULL);
      g_unlink (argv[2]);
      return mulu_cli_fail (error);
    }
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  g_print (_("Created %s for %s.\n"), argv[2], department);
  return EXIT_OK;
}

/* --- generate ----------------------------------------------------------- */

static int
cmd_generate (int    argc,
              char **argv)
{
  MuluGenerateOptions o;
  int departments = 1, systems = 10, resources = 50, items = 10, seed = 1;
  double secret = 0.0;
  g_autofree char *as = NULL;
  const GOptionEntry entries[] = {
    MULU_CLI_AS_ENTRY (as),
    { "departments", 0, 0, G_OPTION_ARG_INT, &departments, N_("Number of departments"), "N" },
    { "systems", 0, 0, G_OPTION_ARG_INT, &systems, N_("Systems per department"), "N" },
    { "resources", 0, 0, G_OPTION_ARG_INT, &resources, N_("Resources per department"), "N" },
    { "items", 0, 0, G_OPTION_ARG_INT, &items, N_("Data items per resource"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed: the same seed gives the same catalog"), "S" },
    { "secret-share", 0, 0, G_OPTION_ARG_DOUBLE, &secret, N_("Fraction of resources marked secret (0–1)"), "F" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("generate FILE --departments N --systems N --resources N --items N [--seed S]"),
                                                       _("Create a synthetic catalog of any size, the same for the same seed."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3)
    return mulu_cli_usage_error (context, _("Give the catalog file to create."));
  mulu_cli_set_user (as);
  if (departments < 1 || systems < 0 || resources < 0 || items < 0 || seed < 0 || secret < 0 || secret > 1)
    return mulu_cli_usage_error (context, _("Counts must be positive numbers and the secret share between 0 and 1."));

  mulu_generate_options_init (&o);
  o.departments = (guint) departments;
  o.systems = (guint) systems;
  o.resources = (guint) resources;
  o.items = (guint) items;
  o.seed = (guint32) seed;
  o.secret_share = secret;

  if ((catalog = mulu_catalog_create (argv[2], &error)) == NULL)
    return mulu_cli_fail (error);
  if (!mulu_generate (catalog, &o, NULL, print_progress, NULL, &error))
    {
      mulu_catalog_close (catalog, NULL);
      g_unlink (argv[2]);
      return mulu_cli_fail (error);
    }
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  g_print (_("Generated %s in %.1f s.\n"), argv[2], g_timer_elapsed (timer, NULL));
  return EXIT_OK;
}

/* --- import ------------------------------------------------------------- */

static int
cmd_import (int    argc,
            char **argv)
{
  g_autofree char *as = NULL;
  const GOptionEntry entries[] = {
    MULU_CLI_AS_ENTRY (as),
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("import FILE PACKAGE.jsonl"),
                                                       _("Import a package into a catalog (created when it does not exist). All or nothing."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(MuluImportReport) report = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  gboolean created = FALSE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 4)
    return mulu_cli_usage_error (context, _("Give the catalog file and the package."));
  mulu_cli_set_user (as);

  if (!g_file_test (argv[3], G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("mulu-cli: the package “%s” does not exist or is not a file.\n"), argv[3]);
      return EXIT_USAGE;
    }

  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    catalog = mulu_catalog_open (argv[2], &error);
  else
    {
      catalog = mulu_catalog_create (argv[2], &error);
      created = catalog != NULL;
    }
  if (catalog == NULL)
    return mulu_cli_fail (error);

  if (!mulu_package_import (catalog, argv[3], &report, NULL, print_progress, NULL, &error))
    {
      mulu_catalog_close (catalog, NULL);
      if (created)
        g_unlink (argv[2]);
      return mulu_cli_fail (error);
    }
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);

  for (guint i = 0; i < report->warnings->len; i++)
    {
      MuluImportIssue *issue = g_ptr_array_index (report->warnings, i);
      g_printerr (_("warning: %s\n"), issue->message);
    }
  if (report->n_warnings > report->warnings->len)
    g_printerr (_("warning: … and %llu more warnings.\n"), (unsigned long long) (report->n_warnings - report->warnings->len));

  g_print (_("Imported %llu departments, %llu systems, %llu resources and %llu data items into %s in %.1f s.\n"),
           (unsigned long long) report->counts[MULU_ENTITY_DEPARTMENT], (unsigned long long) report->counts[MULU_ENTITY_SYSTEM],
           (unsigned long long) report->counts[MULU_ENTITY_RESOURCE], (unsigned long long) report->counts[MULU_ENTITY_ITEM], argv[2],
           g_timer_elapsed (timer, NULL));
  return EXIT_OK;
}

/* --- export ------------------------------------------------------------- */

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *template_name = NULL;
  gboolean draft = FALSE;
  int max_rows = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file: .xlsx for the census workbook, .jsonl for a package"), N_("OUT") },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template_name, N_("Workbook template: national (default), flat, or a template file"), N_("NAME|PATH") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft, N_("Write the workbook even while errors remain, marked as a draft"), NULL },
    /* For tests: continuation sheets without a million rows. */
    { "max-rows-per-sheet", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &max_rows, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("export FILE -o OUT.xlsx [--template national|flat|PATH] [--draft] | -o OUT.jsonl"),
                                                       _("Write the census workbook, or export a catalog as a package."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3 || output == NULL)
    return mulu_cli_usage_error (context, _("Give the catalog file and -o OUT.xlsx or -o OUT.jsonl."));
  if (!g_str_has_suffix (output, ".jsonl") && !g_str_has_suffix (output, ".xlsx"))
    return mulu_cli_usage_error (context, _("The output must end in .xlsx (census workbook) or .jsonl (package)."));
  if (max_rows < 0)
    return mulu_cli_usage_error (context, _("--max-rows-per-sheet must be positive."));

  if ((catalog = mulu_catalog_open (argv[2], &error)) == NULL)
    return mulu_cli_fail (error);
  if (g_str_has_suffix (output, ".xlsx"))
    {
      MuluWorkbookOptions o = { template_name, draft, (guint32) max_rows };
      ok = mulu_workbook_export (catalog, output, &o, NULL, print_progress, NULL, &error);
    }
  else
    ok = mulu_package_export (catalog, output, NULL, print_progress, NULL, &error);
  if (!ok)
    {
      mulu_catalog_close (catalog, NULL);
      return mulu_cli_fail (error);
    }
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  g_print ("%s\n", output);
  return EXIT_OK;
}

/* --- info --------------------------------------------------------------- */

static int
cmd_info (int    argc,
          char **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("info FILE [--json]"),
                                                       _("Show what a catalog holds."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  gint64 counts[MULU_N_ENTITIES];
  g_autofree char *created = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3)
    return mulu_cli_usage_error (context, _("Give the catalog file."));

  if ((catalog = mulu_catalog_open (argv[2], &error)) == NULL)
    return mulu_cli_fail (error);
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    if ((counts[e] = mulu_catalog_count (catalog, e, &error)) < 0)
      return mulu_cli_fail (error);
  created = mulu_catalog_dup_meta (catalog, "created");

  if (as_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, argv[2]);
      json_builder_set_member_name (b, "schema_version");
      json_builder_add_int_value (b, mulu_catalog_get_schema_version (catalog));
      json_builder_set_member_name (b, "code_tables_version");
      json_builder_add_string_value (b, mulu_codes_get_version (mulu_catalog_get_codes (catalog)));
      json_builder_set_member_name (b, "created");
      json_builder_add_string_value (b, created);
      json_builder_set_member_name (b, "counts");
      json_builder_begin_object (b);
      for (guint e = 0; e < MULU_N_ENTITIES; e++)
        {
          json_builder_set_member_name (b, mulu_entity_get_info (e)->table);
          json_builder_add_int_value (b, counts[e]);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
    }
  else
    {
      g_print (_("Catalog:            %s\n"), argv[2]);
      g_print (_("Departments:        %lld\n"), (long long) counts[MULU_ENTITY_DEPARTMENT]);
      g_print (_("Systems:            %lld\n"), (long long) counts[MULU_ENTITY_SYSTEM]);
      g_print (_("Resources:          %lld\n"), (long long) counts[MULU_ENTITY_RESOURCE]);
      g_print (_("Data items:         %lld\n"), (long long) counts[MULU_ENTITY_ITEM]);
      g_print (_("Code tables:        version %s\n"), mulu_codes_get_version (mulu_catalog_get_codes (catalog)));
      g_print (_("File format:        version %d\n"), mulu_catalog_get_schema_version (catalog));
      g_print (_("Created:            %s\n"), created ? created : "");
    }
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  return EXIT_OK;
}

/* --- validate ----------------------------------------------------------- */

static void
add_finding_json (JsonBuilder *b,
                  MuluFinding *f)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, f->rule);
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, mulu_severity_to_string (f->severity));
  json_builder_set_member_name (b, "entity");
  json_builder_add_string_value (b, mulu_entity_get_info (f->entity)->kind);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, f->uid);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, f->name);
  json_builder_set_member_name (b, "field");
  json_builder_add_string_value (b, f->field);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, f->message);
  json_builder_end_object (b);
}

void
mulu_cli_print_json (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = json_to_string (root, TRUE);

  g_print ("%s\n", text);
}

static int
cmd_validate (int    argc,
              char **argv)
{
  gboolean as_json = FALSE;
  g_autofree char *severity = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity, N_("Show findings this serious or worse: error, warning or hint (default: hint)"), N_("LEVEL") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("validate FILE [--json] [--severity error|warning|hint]"),
                                                       _("Check a catalog against every rule. Exit status 0 when no error remains, 1 when errors remain."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  MuluSeverity worst = MULU_SEVERITY_HINT;
  guint64 counts[MULU_N_SEVERITIES];

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3)
    return mulu_cli_usage_error (context, _("Give the catalog file."));
  if (severity && !mulu_severity_from_string (severity, &worst))
    return mulu_cli_usage_error (context, _("The severity is error, warning or hint."));

  if ((catalog = mulu_catalog_open (argv[2], &error)) == NULL ||
      !mulu_validate_catalog (catalog, NULL, print_progress, NULL, &error) ||
      !mulu_findings_count (catalog, counts, &error) ||
      (findings = mulu_findings_list (catalog, worst, &error)) == NULL)
    {
      g_printerr ("mulu-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (as_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "counts");
      json_builder_begin_object (b);
      for (guint s = 0; s < MULU_N_SEVERITIES; s++)
        {
          json_builder_set_member_name (b, mulu_severity_to_string (s));
          json_builder_add_int_value (b, (gint64) counts[s]);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "issues");
      json_builder_begin_array (b);
      for (guint i = 0; i < findings->len; i++)
        add_finding_json (b, g_ptr_array_index (findings, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      mulu_cli_print_json (b);
    }
  else
    {
      const char *labels[] = { N_("error"), N_("warning"), N_("hint") };

      for (guint i = 0; i < findings->len; i++)
        {
          MuluFinding *f = g_ptr_array_index (findings, i);
          g_print ("%-4s %-7s %s\n", f->rule, _(labels[f->severity]), f->message);
        }
      g_print (_("%llu errors, %llu warnings, %llu hints.\n"),
               (unsigned long long) counts[MULU_SEVERITY_ERROR], (unsigned long long) counts[MULU_SEVERITY_WARNING],
               (unsigned long long) counts[MULU_SEVERITY_HINT]);
    }
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  return counts[MULU_SEVERITY_ERROR] > 0 ? EXIT_REFUSED : EXIT_OK;
}

/* --- zombies ------------------------------------------------------------ */

static int
cmd_zombies (int    argc,
             char **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = mulu_cli_command_context (_("zombies FILE [--json]"),
                                                       _("List each system with the zombie criteria it meets, their evidence and the decision."));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(MuluRecordList) systems = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *today = mulu_rules_dup_today ();
  MuluZombieThresholds t;
  guint suspected = 0, confirmed = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return mulu_cli_usage_error (context, error->message);
  if (argc != 3)
    return mulu_cli_usage_error (context, _("Give the catalog file."));
  if ((catalog = mulu_catalog_open (argv[2], &error)) == NULL)
    return mulu_cli_fail (error);

  mulu_zombie_thresholds_load (catalog, &t);
  systems = mulu_record_list_new (catalog, MULU_ENTITY_SYSTEM);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "today");
  json_builder_add_string_value (b, today);
  json_builder_set_member_name (b, "systems");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (systems)); i++)
    {
      g_autoptr(MuluRecord) s = g_list_model_get_item (G_LIST_MODEL (systems), i);
      g_autoptr(GPtrArray) hits = mulu_zombie_assess (catalog, s, &t, today);
      g_autoptr(MuluZombieReview) review = mulu_zombie_get_review (catalog, mulu_record_get_id (s));

      if (hits->len > 0)
        suspected++;
      if (g_strcmp0 (review->decision, "confirmed") == 0)
        confirmed++;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, mulu_record_get_uid (s));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, mulu_record_get_name (s));
      json_builder_set_member_name (b, "suspected");
      json_builder_add_boolean_value (b, hits->len > 0);
      json_builder_set_member_name (b, "criteria");
      json_builder_begin_array (b);
      for (guint h = 0; h < hits->len; h++)
        {
          MuluZombieHit *hit = g_ptr_array_index (hits, h);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "criterion");
          json_builder_add_string_value (b, mulu_zombie_criterion_id (hit->criterion));
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, mulu_zombie_criterion_label (hit->criterion));
          json_builder_set_member_name (b, "reason");
          json_builder_add_string_value (b, hit->reason);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "decision");
      json_builder_add_string_value (b, review->decision);
      json_builder_set_member_name (b, "disposition");
      json_builder_add_string_value (b, review->disposition);
      json_builder_set_member_name (b, "planned_date");
      json_builder_add_string_value (b, review->planned_date);
      json_builder_set_member_name (b, "note");
      json_builder_add_string_value (b, review->note);
      json_builder_end_object (b);

      if (!as_json && hits->len > 0)
        {
          g_print ("%s  %s\n", mulu_record_get_name (s), review->decision == NULL ? _("(suspected, undecided)")
                                                         : g_str_equal (review->decision, "confirmed") ? _("(confirmed)") : _("(rejected)"));
          for (guint h = 0; h < hits->len; h++)
            {
              MuluZombieHit *hit = g_ptr_array_index (hits, h);
              g_print (_("    %s: %s\n"), mulu_zombie_criterion_label (hit->criterion), hit->reason);
            }
          if (review->disposition)
            g_print (_("    disposition: %s, planned %s\n"), review->disposition, review->planned_date ? review->planned_date : "?");
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  mulu_zombie_thresholds_clear (&t);

  if (as_json)
    mulu_cli_print_json (b);
  else
    g_print (_("%u of %u systems are suspected zombies; %u confirmed.\n"), suspected,
             g_list_model_get_n_items (G_LIST_MODEL (systems)), confirmed);
  g_clear_object (&systems);
  if (!mulu_catalog_close (catalog, &error))
    return mulu_cli_fail (error);
  return EXIT_OK;
}

/* --- main --------------------------------------------------------------- */

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "new", cmd_new, N_("Create an empty catalog for one department") },
  { "generate", cmd_generate, N_("Create a synthetic catalog of any size") },
  { "import", cmd_import, N_("Import a .jsonl package (all or nothing)") },
  { "export", cmd_export, N_("Write the census workbook (.xlsx) or a package (.jsonl)") },
  { "info", cmd_info, N_("Show counts and versions of a catalog") },
  { "validate", cmd_validate, N_("Check a catalog against every rule") },
  { "zombies", cmd_zombies, N_("List suspected zombie systems with their evidence") },
  { "submit", mulu_cli_submit, N_("Submit a catalog for review, freezing it") },
  { "reopen", mulu_cli_reopen, N_("Reopen a submitted catalog for changes") },
  { "review", mulu_cli_review, N_("Approve or return records, or show the review") },
  { "history", mulu_cli_history, N_("Show the change log, or one record’s history") },
  { "verify", mulu_cli_verify, N_("Check that the change log is intact and agrees with the data") },
};

static int
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: mulu-cli COMMAND [OPTIONS] FILE …"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “mulu-cli COMMAND --help” for a command’s options."));
  return out == stdout ? EXIT_OK : EXIT_USAGE;
}

int
main (int    argc,
      char **argv)
{
  g_auto(GStrv) args = NULL;

  mulu_i18n_init ();
  g_set_prgname ("mulu-cli");

#ifdef G_OS_WIN32
  args = g_win32_get_command_line ();
#else
  args = g_strdupv (argv);
#endif
  argc = (int) g_strv_length (args);

  if (argc < 2)
    return print_usage (stderr);
  if (g_str_equal (args[1], "--help") || g_str_equal (args[1], "-h") || g_str_equal (args[1], "help"))
    return print_usage (stdout);
  if (g_str_equal (args[1], "--version"))
    {
      g_print ("mulu-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (args[1], commands[i].name))
      {
        /* GOptionContext sees "mulu-cli COMMAND …" as the program name,
         * so the file is argv[2]. */
        g_autofree char **copy = g_memdup2 (args, sizeof (char *) * ((gsize) argc + 1));
        return commands[i].run (argc, copy);
      }

  g_printerr (_("mulu-cli: unknown command “%s”.\n"), args[1]);
  return print_usage (stderr);
}
