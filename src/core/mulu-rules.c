/* mulu-rules.c — running the rules: the whole catalog, or one change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-rules-private.h"
#include "mulu-text.h"
#include "mulu-uscc.h"

typedef enum {
  SCOPE_ALL,
  SCOPE_OWN,       /* the finding's record */
  SCOPE_RESOURCE,  /* the items of a resource */
  SCOPE_SYSTEM,    /* the resources of a system */
  SCOPE_GROUP,     /* the members of a group */
  SCOPE_SUSPECTS,  /* a full run: the rows some rule on the table matched */
} Scope;

struct _MuluRuleRun
{
  MuluCatalog *catalog;
  char        *today;
  const char  *suspects; /* SCOPE_SUSPECTS: the temporary table of ids */
};

static const char * const severity_names[] = { "error", "warning", "hint" };

const char *
mulu_severity_to_string (MuluSeverity severity)
{
  g_return_val_if_fail (severity < MULU_N_SEVERITIES, NULL);
  return severity_names[severity];
}

gboolean
mulu_severity_from_string (const char   *text,
                           MuluSeverity *severity)
{
  for (guint i = 0; i < MULU_N_SEVERITIES; i++)
    if (g_strcmp0 (text, severity_names[i]) == 0)
      {
        *severity = i;
        return TRUE;
      }
  return FALSE;
}

const char * const *
mulu_rules_get_ids (void)
{
  static GStrv ids;

  if (g_once_init_enter (&ids))
    {
      GStrvBuilder *b = g_strv_builder_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      GStrv built;

      for (guint i = 0; i < mulu_n_rules; i++)
        if (g_hash_table_add (seen, (gpointer) mulu_rules[i].id))
          g_strv_builder_add (b, mulu_rules[i].id);
      built = g_strv_builder_end (b);
      g_strv_builder_unref (b);
      g_once_init_leave (&ids, built);
    }
  return (const char * const *) ids;
}

MuluSeverity
mulu_rules_get_severity (const char *rule)
{
  for (guint i = 0; i < mulu_n_rules; i++)
    if (g_strcmp0 (mulu_rules[i].id, rule) == 0)
      return mulu_rules[i].severity;
  return MULU_SEVERITY_HINT;
}

void
mulu_finding_free (MuluFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_free (finding->uid);
  g_free (finding->name);
  g_free (finding->field);
  g_free (finding->message);
  g_free (finding);
}

char *
mulu_rules_dup_today (void)
{
  const char *env = g_getenv ("MULU_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (env && *env)
    return g_strdup (env);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

MuluCatalog *
mulu_rule_run_get_catalog (MuluRuleRun *run)
{
  return run->catalog;
}

const char *
mulu_rule_run_get_today (MuluRuleRun *run)
{
  return run->today;
}

gboolean
mulu_rule_run_add (MuluRuleRun *run,
                   const char  *rule,
                   MuluSeverity severity,
                   MuluEntity   entity,
                   gint64       record_id,
                   const char  *field,
                   const char  *message,
                   GError     **error)
{
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (run->catalog,
    "INSERT INTO findings (rule, severity, entity, record_id, field, message) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rule, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, severity);
  sqlite3_bind_text (stmt, 3, mulu_entity_get_info (entity)->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, record_id);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, message, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mulu_catalog_sql_error (run->catalog, error);
  return TRUE;
}

static const char *
scope_column (const MuluRule *rule,
              Scope           scope)
{
  switch (scope)
    {
    case SCOPE_OWN: return rule->own;
    case SCOPE_RESOURCE: return rule->by_resource;
    case SCOPE_SYSTEM: return rule->by_system;
    case SCOPE_GROUP: return rule->group;
    case SCOPE_ALL:
    default: return NULL;
    }
}

static char *
rule_sql (const MuluRule *rule,
          Scope           scope,
          const char     *suspects)
{
  const char *column = scope_column (rule, scope);

  if (scope == SCOPE_SUSPECTS)
    return g_strdup_printf ("INSERT INTO findings (rule, severity, entity, record_id, field, group_key, message)"
                            " SELECT :rule, :severity, :entity, %s, :field, %s,"
                            " printf (:format, coalesce (%s, ''), coalesce (%s, ''))"
                            " FROM %s WHERE (%s) AND %s IN (SELECT id FROM temp.%s)",
                            rule->own, rule->group ? rule->group : "NULL",
                            rule->name, rule->detail ? rule->detail : "''",
                            rule->from, rule->where, rule->own, suspects);

  return g_strdup_printf ("INSERT INTO findings (rule, severity, entity, record_id, field, group_key, message)"
                          " SELECT :rule, :severity, :entity, %s, :field, %s,"
                          " printf (:format, coalesce (%s, ''), coalesce (%s, ''))"
                          " FROM %s WHERE (%s) AND (%s%s)",
                          rule->own, rule->group ? rule->group : "NULL",
                          rule->name, rule->detail ? rule->detail : "''",
                          rule->from, rule->where,
                          column ? column : "1", column ? (scope == SCOPE_GROUP ? " = :key" : " = :id") : "");
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static gboolean
run_sql_rule (MuluRuleRun    *run,
              const MuluRule *rule,
              Scope           scope,
              gint64          id,
              const char     *key,
              GError        **error)
{
  g_autofree char *sql = rule_sql (rule, scope, run->suspects);
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (run->catalog, sql, error);
  int index;

  if (stmt == NULL)
    return FALSE;

  bind_named (stmt, ":rule", rule->id);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":severity"), rule->severity);
  bind_named (stmt, ":entity", mulu_entity_get_info (rule->entity)->kind);
  bind_named (stmt, ":field", rule->field);
  bind_named (stmt, ":format", g_dgettext (GETTEXT_PACKAGE, rule->message));
  bind_named (stmt, ":today", run->today);
  bind_named (stmt, ":key", key);
  if ((index = sqlite3_bind_parameter_index (stmt, ":id")) > 0)
    sqlite3_bind_int64 (stmt, index, id);
  if ((index = sqlite3_bind_parameter_index (stmt, ":label")) > 0)
    {
      int f = mulu_entity_find_field (rule->entity, rule->field);
      const char *label = f >= 0 ? mulu_field_get_label (&mulu_entity_get_info (rule->entity)->fields[f]) : rule->field;
      sqlite3_bind_text (stmt, index, label, -1, SQLITE_TRANSIENT);
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE, "Rule %s failed: %s",
                   rule->id, sqlite3_errmsg (mulu_catalog_get_db (run->catalog)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_rule (MuluRuleRun    *run,
          const MuluRule *rule,
          Scope           scope,
          MuluEntity      scope_entity,
          gint64          id,
          const char     *key,
          GError        **error)
{
  if (rule->func)
    return rule->func (run, scope == SCOPE_ALL || scope == SCOPE_SUSPECTS ? MULU_N_ENTITIES : scope_entity, id, error);
  if (rule->from == NULL)
    return TRUE; /* declared here, found by a rule written in C */
  return run_sql_rule (run, rule, scope, id, key, error);
}

static gboolean
exec_bound (MuluCatalog *catalog,
            const char  *sql,
            const char  *text,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (catalog, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (text)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, text ? 2 : 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);
  return TRUE;
}

/* Every rule about one record, after clearing what was found before. */
static gboolean
check_own (MuluRuleRun *run,
           MuluEntity   entity,
           gint64       id,
           GError     **error)
{
  /* Group findings (duplicates) belong to check_groups(), which knows the
   * record's old and new group. */
  if (!exec_bound (run->catalog, "DELETE FROM findings WHERE entity = ?1 AND record_id = ?2 AND group_key IS NULL",
                   mulu_entity_get_info (entity)->kind, id, error))
    return FALSE;
  for (guint i = 0; i < mulu_n_rules; i++)
    if (mulu_rules[i].entity == entity && mulu_rules[i].group == NULL &&
        !run_rule (run, &mulu_rules[i], SCOPE_OWN, entity, id, NULL, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_items_of (MuluRuleRun *run,
                gint64       resource_id,
                GError     **error)
{
  if (!exec_bound (run->catalog,
                   "DELETE FROM findings WHERE entity = 'item' AND record_id IN (SELECT id FROM items WHERE resource_id = ?1)",
                   NULL, resource_id, error))
    return FALSE;
  for (guint i = 0; i < mulu_n_rules; i++)
    if (mulu_rules[i].by_resource && !run_rule (run, &mulu_rules[i], SCOPE_RESOURCE, MULU_ENTITY_RESOURCE, resource_id, NULL, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_resources_of_system (MuluRuleRun *run,
                           gint64       system_id,
                           GError     **error)
{
  for (guint i = 0; i < mulu_n_rules; i++)
    {
      const MuluRule *rule = &mulu_rules[i];
      g_autofree char *sql = NULL;

      if (rule->by_system == NULL)
        continue;
      sql = g_strdup_printf ("DELETE FROM findings WHERE rule = ?1 AND entity = 'resource' AND record_id IN"
                             " (SELECT %s FROM %s WHERE %s = ?2)", rule->own, rule->from, rule->by_system);
      if (!exec_bound (run->catalog, sql, rule->id, system_id, error) ||
          !run_rule (run, rule, SCOPE_SYSTEM, MULU_ENTITY_SYSTEM, system_id, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The group a record belongs to for a group rule, as the rule's SQL
 * computes it (R14: the code; R17: department and name key). */
static char *
group_key_of (const MuluRule *rule,
              MuluRecord     *record)
{
  if (record == NULL || mulu_record_get_entity (record) != rule->entity)
    return NULL;
  if (g_str_equal (rule->id, "R14"))
    return g_strdup (mulu_record_get_string (record, MULU_RESOURCE_CODE));
  if (g_str_equal (rule->id, "R17"))
    {
      g_autofree char *key = mulu_name_key (mulu_record_get_name (record));
      if (key == NULL)
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", mulu_record_get_int (record, MULU_RESOURCE_DEPARTMENT), key);
    }
  return NULL;
}

static gboolean
check_groups (MuluRuleRun *run,
              MuluRecord  *before,
              MuluRecord  *after,
              GError     **error)
{
  for (guint i = 0; i < mulu_n_rules; i++)
    {
      const MuluRule *rule = &mulu_rules[i];
      char *keys[2];

      if (rule->group == NULL)
        continue;
      keys[0] = group_key_of (rule, before);
      keys[1] = group_key_of (rule, after);
      for (guint k = 0; k < 2; k++)
        {
          sqlite3_stmt *stmt;

          if (keys[k] == NULL || (k == 1 && g_strcmp0 (keys[0], keys[1]) == 0))
            continue;
          stmt = mulu_catalog_prepare_cached (run->catalog, "DELETE FROM findings WHERE rule = ?1 AND group_key = ?2", error);
          if (stmt == NULL)
            break;
          sqlite3_bind_text (stmt, 1, rule->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, keys[k], -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE ||
              !run_rule (run, rule, SCOPE_GROUP, rule->entity, 0, keys[k], error))
            {
              if (error && *error == NULL)
                mulu_catalog_sql_error (run->catalog, error);
              g_free (keys[0]);
              g_free (keys[1]);
              return FALSE;
            }
        }
      g_free (keys[0]);
      g_free (keys[1]);
    }
  return TRUE;
}

static gboolean
check_systems (MuluRuleRun *run,
               const char  *select_ids,
               gint64       id,
               GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (run->catalog, select_ids, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 sid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, sid);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    if (!check_own (run, MULU_ENTITY_SYSTEM, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* R15 looks at other resources' codes: when a code comes or goes, the
 * resources referring to it are checked again. */
static gboolean
check_referrers (MuluRuleRun *run,
                 MuluRecord  *before,
                 MuluRecord  *after,
                 GError     **error)
{
  const char *codes[2] = { before ? mulu_record_get_string (before, MULU_RESOURCE_CODE) : NULL,
                           after ? mulu_record_get_string (after, MULU_RESOURCE_CODE) : NULL };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (g_strcmp0 (codes[0], codes[1]) == 0)
    return TRUE;
  stmt = mulu_catalog_prepare_cached (run->catalog,
    "SELECT r.id FROM resources r WHERE r.related_codes IS NOT NULL AND EXISTS"
    " (SELECT 1 FROM json_each (r.related_codes) j WHERE j.value IN (?1, ?2))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, codes[0], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, codes[1], -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      if (!exec_bound (run->catalog, "DELETE FROM findings WHERE rule = ?1 AND entity = 'resource' AND record_id = ?2",
                       "R15", id, error))
        return FALSE;
      for (guint r = 0; r < mulu_n_rules; r++)
        if (g_str_equal (mulu_rules[r].id, "R15") &&
            !run_rule (run, &mulu_rules[r], SCOPE_OWN, MULU_ENTITY_RESOURCE, id, NULL, error))
          return FALSE;
    }
  return TRUE;
}

static gint64
ref_of (MuluRecord *record,
        guint       field)
{
  return record ? mulu_record_get_int (record, field) : 0;
}

gboolean
mulu_validate_record (MuluCatalog *catalog,
                      MuluEntity   entity,
                      MuluRecord  *before,
                      MuluRecord  *after,
                      GError     **error)
{
  g_autofree char *today = mulu_rules_dup_today ();
  MuluRuleRun run = { catalog, today, NULL };
  MuluRecord *current = after ? after : before;
  gint64 id;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (current != NULL, FALSE);

  id = mulu_record_get_id (current);
  switch (entity)
    {
    case MULU_ENTITY_DEPARTMENT:
      if (after == NULL)
        return mulu_validate_catalog (catalog, NULL, NULL, NULL, error);
      return check_own (&run, entity, id, error);

    case MULU_ENTITY_SYSTEM:
      /* Its resources have lost their system (SET NULL): they now lack one
       * (S7) and can no longer be named after it (R18). */
      /* Its resources and the systems it replaced were re-pointed by the
       * database (SET NULL); mulu_catalog_delete() re-checks them. */
      if (after == NULL)
        return TRUE;
      /* Systems it replaces quote its name in their zombie evidence. */
      return check_own (&run, entity, id, error) &&
             check_resources_of_system (&run, id, error) &&
             check_systems (&run, "SELECT id FROM systems WHERE replaced_by_id = ?1", id, error);

    case MULU_ENTITY_RESOURCE:
      {
        gint64 systems[2] = { ref_of (before, MULU_RESOURCE_SYSTEM), ref_of (after, MULU_RESOURCE_SYSTEM) };

        if (after && (!check_own (&run, entity, id, error) || !check_items_of (&run, id, error)))
          return FALSE;
        for (guint k = 0; k < 2; k++)
          if (systems[k] > 0 && (k == 0 || systems[1] != systems[0]) &&
              !check_own (&run, MULU_ENTITY_SYSTEM, systems[k], error))
            return FALSE;
        return check_groups (&run, before, after, error) &&
               check_referrers (&run, before, after, error);
      }

    case MULU_ENTITY_ITEM:
      {
        gint64 resources[2] = { ref_of (before, MULU_ITEM_RESOURCE), ref_of (after, MULU_ITEM_RESOURCE) };

        for (guint k = 0; k < 2; k++)
          if (resources[k] > 0 && (k == 0 || resources[1] != resources[0]) &&
              (!check_own (&run, MULU_ENTITY_RESOURCE, resources[k], error) ||
               !check_items_of (&run, resources[k], error)))
            return FALSE;
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* A full run reads each table once: the rows any rule on it matches (the
 * OR of their conditions) go to a temporary table, and each rule then
 * looks only at those. One pass per table instead of one per rule. */
static gboolean
collect_suspects (MuluRuleRun *run,
                  GHashTable  *tables,
                  GError     **error)
{
  sqlite3 *db = mulu_catalog_get_db (run->catalog);
  g_autoptr(GHashTable) conditions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < mulu_n_rules; i++)
    {
      const MuluRule *rule = &mulu_rules[i];
      GPtrArray *list;

      if (rule->from == NULL)
        continue;
      if ((list = g_hash_table_lookup (conditions, rule->from)) == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (conditions, (gpointer) rule->from, list);
        }
      g_ptr_array_add (list, (gpointer) rule);
    }

  g_hash_table_iter_init (&iter, conditions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;
      const MuluRule *first = g_ptr_array_index (list, 0);
      g_autofree char *table = g_strdup_printf ("mulu_suspects_%u", g_hash_table_size (tables));
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autofree char *drop = g_strdup_printf ("DROP TABLE IF EXISTS temp.%s", table);
      sqlite3_stmt *stmt = NULL;
      int rc, index;

      g_string_printf (sql, "CREATE TEMP TABLE %s AS SELECT DISTINCT %s AS id FROM %s WHERE ", table, first->own, first->from);
      for (guint k = 0; k < list->len; k++)
        {
          const MuluRule *rule = g_ptr_array_index (list, k);
          g_string_append_printf (sql, "%s(%s)", k ? " OR " : "", rule->prefilter ? rule->prefilter : rule->where);
        }
      if (sqlite3_exec (db, drop, NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        return mulu_catalog_sql_error (run->catalog, error);
      if ((index = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
        sqlite3_bind_text (stmt, index, run->today, -1, SQLITE_STATIC);
      {
        gint64 start = g_get_monotonic_time ();
        rc = sqlite3_step (stmt);
        g_debug ("suspects of %s: %.1f ms", (const char *) key, (g_get_monotonic_time () - start) / 1000.0);
      }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return mulu_catalog_sql_error (run->catalog, error);
      g_hash_table_insert (tables, key, g_steal_pointer (&table));
    }
  return TRUE;
}

static void
drop_suspects (MuluRuleRun *run,
               GHashTable  *tables)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autofree char *sql = g_strdup_printf ("DROP TABLE IF EXISTS temp.%s", (const char *) value);
      sqlite3_exec (mulu_catalog_get_db (run->catalog), sql, NULL, NULL, NULL);
    }
}

gboolean
mulu_validate_catalog (MuluCatalog      *catalog,
                       GCancellable     *cancellable,
                       MuluProgressFunc  progress,
                       gpointer          progress_data,
                       GError          **error)
{
  g_autofree char *today = mulu_rules_dup_today ();
  g_autoptr(GHashTable) suspects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  MuluRuleRun run = { catalog, today, NULL };

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);

  if (!mulu_catalog_begin (catalog, error))
    return FALSE;
  if (!collect_suspects (&run, suspects, error))
    goto fail;
  if (sqlite3_exec (mulu_catalog_get_db (catalog), "DELETE FROM findings", NULL, NULL, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (catalog, error);
      goto fail;
    }
  for (guint i = 0; i < mulu_n_rules; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, MULU_ERROR, MULU_ERROR_CANCELLED, _("Validation was cancelled; the previous findings are kept."));
          goto fail;
        }
      if (progress)
        progress ((double) i / mulu_n_rules, _("Checking the rules"), progress_data);
      {
        gint64 start = g_get_monotonic_time ();
        run.suspects = mulu_rules[i].from ? g_hash_table_lookup (suspects, mulu_rules[i].from) : NULL;
        if (!run_rule (&run, &mulu_rules[i], run.suspects ? SCOPE_SUSPECTS : SCOPE_ALL, MULU_N_ENTITIES, 0, NULL, error))
          goto fail;
        /* G_MESSAGES_DEBUG=mulu-rules shows where a full run spends its time. */
        g_debug ("rule %u %s (%s): %.1f ms", i, mulu_rules[i].id, mulu_rules[i].field ? mulu_rules[i].field : "",
                 (g_get_monotonic_time () - start) / 1000.0);
      }
    }
  drop_suspects (&run, suspects);
  if (!mulu_catalog_set_meta (catalog, "findings_current", "1", error) ||
      !mulu_catalog_set_meta (catalog, "findings_day", today, error) ||
      !mulu_catalog_set_meta (catalog, "findings_language", g_get_language_names ()[0], error) ||
      !mulu_catalog_commit (catalog, error))
    goto fail;
  if (progress)
    progress (1.0, _("Checking the rules"), progress_data);
  return TRUE;

fail:
  drop_suspects (&run, suspects);
  mulu_catalog_rollback (catalog);
  return FALSE;
}

static GPtrArray *
read_findings (MuluCatalog  *catalog,
               const char   *where,
               MuluEntity    entity,
               gint64        id,
               int           worst,
               GError      **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT f.rule, f.severity, f.entity, f.record_id, f.field, f.message,"
    " CASE f.entity WHEN 'department' THEN (SELECT uid FROM departments WHERE id = f.record_id)"
    "  WHEN 'system' THEN (SELECT uid FROM systems WHERE id = f.record_id)"
    "  WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = f.record_id)"
    "  ELSE (SELECT uid FROM items WHERE id = f.record_id) END,"
    " CASE f.entity WHEN 'department' THEN (SELECT name FROM departments WHERE id = f.record_id)"
    "  WHEN 'system' THEN (SELECT name FROM systems WHERE id = f.record_id)"
    "  WHEN 'resource' THEN (SELECT name FROM resources WHERE id = f.record_id)"
    "  ELSE (SELECT name FROM items WHERE id = f.record_id) END"
    " FROM findings f WHERE %s ORDER BY f.severity, f.rule, f.entity, f.record_id, f.id", where);
  sqlite3_stmt *stmt = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) mulu_finding_free);
  int rc;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (catalog, error);
      g_ptr_array_unref (out);
      return NULL;
    }
  if (sqlite3_bind_parameter_index (stmt, ":entity") > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":entity"), mulu_entity_get_info (entity)->kind, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_index (stmt, ":id") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  if (sqlite3_bind_parameter_index (stmt, ":worst") > 0)
    sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":worst"), worst);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MuluFinding *f = g_new0 (MuluFinding, 1);
      f->rule = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      f->severity = sqlite3_column_int (stmt, 1);
      f->entity = mulu_entity_from_kind ((const char *) sqlite3_column_text (stmt, 2))->entity;
      f->record_id = sqlite3_column_int64 (stmt, 3);
      f->field = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      f->message = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      f->uid = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      f->name = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (out, f);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      mulu_catalog_sql_error (catalog, error);
      g_ptr_array_unref (out);
      return NULL;
    }
  return out;
}

GPtrArray *
mulu_findings_list (MuluCatalog  *catalog,
                    MuluSeverity  worst_shown,
                    GError      **error)
{
  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);
  return read_findings (catalog, "f.severity <= :worst", 0, 0, worst_shown, error);
}

GPtrArray *
mulu_findings_for_record (MuluCatalog *catalog,
                          MuluEntity   entity,
                          gint64       record_id,
                          GError     **error)
{
  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);
  return read_findings (catalog, "f.entity = :entity AND f.record_id = :id", entity, record_id, 0, error);
}

gboolean
mulu_findings_count (MuluCatalog *catalog,
                     guint64      counts[MULU_N_SEVERITIES],
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  memset (counts, 0, sizeof (guint64) * MULU_N_SEVERITIES);
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "SELECT severity, COUNT(*) FROM findings GROUP BY severity",
                          -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int s = sqlite3_column_int (stmt, 0);
      if (s >= 0 && s < MULU_N_SEVERITIES)
        counts[s] = (guint64) sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? TRUE : mulu_catalog_sql_error (catalog, error);
}

/* R16: the provider code is the department's credit code, which must pass
 * the GB 32100 check; an organisation-code mismatch is only a warning. */
gboolean
mulu_rule_uscc (MuluRuleRun *run,
                MuluEntity   scope_entity,
                gint64       scope_id,
                GError     **error)
{
  MuluCatalog *catalog = mulu_rule_run_get_catalog (run);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (scope_entity != MULU_N_ENTITIES && scope_entity != MULU_ENTITY_DEPARTMENT)
    return TRUE;
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                          scope_entity == MULU_ENTITY_DEPARTMENT ? "SELECT id, name, uscc FROM departments WHERE id = ?1"
                                                                 : "SELECT id, name, uscc FROM departments",
                          -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  if (scope_entity == MULU_ENTITY_DEPARTMENT)
    sqlite3_bind_int64 (stmt, 1, scope_id);

  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      MuluUsccResult r;
      g_autofree char *why = NULL;
      g_autofree char *msg = NULL;

      if (mulu_uscc_check ((const char *) sqlite3_column_text (stmt, 2), &r) != MULU_USCC_VALID)
        {
          why = mulu_uscc_describe (&r);
          msg = g_strdup_printf (_("Department “%s”: the unified social credit code is not valid. %s"), name ? name : "", why);
          ok = mulu_rule_run_add (run, "R16", MULU_SEVERITY_ERROR, MULU_ENTITY_DEPARTMENT, sqlite3_column_int64 (stmt, 0),
                                  "uscc", msg, error);
        }
      else if (!r.org_code_ok)
        {
          msg = g_strdup_printf (_("Department “%s”: characters 9–17 of the credit code are not a valid organisation code; check them against the certificate."), name ? name : "");
          ok = mulu_rule_run_add (run, "R16", MULU_SEVERITY_WARNING, MULU_ENTITY_DEPARTMENT, sqlite3_column_int64 (stmt, 0),
                                  "uscc", msg, error);
        }
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* False after a bulk change (an import, a generated catalog) until the
 * next full run, and on a later day: the stored findings then describe an
 * older catalog. Edits keep them current. */
gboolean
mulu_findings_are_current (MuluCatalog *catalog)
{
  g_autofree char *v = mulu_catalog_dup_meta (catalog, "findings_current");
  g_autofree char *day = mulu_catalog_dup_meta (catalog, "findings_day");
  g_autofree char *language = mulu_catalog_dup_meta (catalog, "findings_language");
  g_autofree char *today = mulu_rules_dup_today ();

  /* Date rules and zombie criteria count from today: yesterday's findings
   * are not today's. Messages are stored in the language they were made in. */
  return g_strcmp0 (v, "1") == 0 && g_strcmp0 (day, today) == 0 &&
         g_strcmp0 (language, g_get_language_names ()[0]) == 0;
}

gboolean
mulu_findings_count_by_entity (MuluCatalog *catalog,
                               guint64      counts[MULU_N_ENTITIES][MULU_N_SEVERITIES],
                               guint64      records_with_errors[MULU_N_ENTITIES],
                               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  memset (counts, 0, sizeof (guint64) * MULU_N_ENTITIES * MULU_N_SEVERITIES);
  memset (records_with_errors, 0, sizeof (guint64) * MULU_N_ENTITIES);
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                          "SELECT entity, severity, COUNT(*), COUNT(DISTINCT record_id) FROM findings GROUP BY entity, severity",
                          -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const MuluEntityInfo *info = mulu_entity_from_kind ((const char *) sqlite3_column_text (stmt, 0));
      int severity = sqlite3_column_int (stmt, 1);

      if (info == NULL || severity < 0 || severity >= MULU_N_SEVERITIES)
        continue;
      counts[info->entity][severity] = (guint64) sqlite3_column_int64 (stmt, 2);
      if (severity == MULU_SEVERITY_ERROR)
        records_with_errors[info->entity] = (guint64) sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? TRUE : mulu_catalog_sql_error (catalog, error);
}
