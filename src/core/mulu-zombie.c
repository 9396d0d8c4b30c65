/* mulu-zombie.c — the five criteria of 国办发〔2017〕39号, with evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-zombie"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-rules-private.h"
#include "mulu-store.h"
#include "mulu-value.h"
#include "mulu-zombie.h"

static const char * const criterion_ids[] = { "disconnected", "replaceable", "idle", "unmaintained", "narrow" };
static const char * const criterion_labels[] = {
  N_("Disconnected from the business"),
  N_("Function replaceable"),
  N_("Resources idle"),
  N_("Maintenance stopped"),
  N_("Few users, rarely used"),
};

const char *
mulu_zombie_criterion_id (MuluZombieCriterion c)
{
  g_return_val_if_fail (c < MULU_N_ZOMBIE_CRITERIA, NULL);
  return criterion_ids[c];
}

const char *
mulu_zombie_criterion_label (MuluZombieCriterion c)
{
  g_return_val_if_fail (c < MULU_N_ZOMBIE_CRITERIA, NULL);
  return g_dgettext (GETTEXT_PACKAGE, criterion_labels[c]);
}

void
mulu_zombie_thresholds_defaults (MuluZombieThresholds *t)
{
  t->business_idle_months = 12;
  t->login_idle_months = 6;
  t->min_utilization = 5.0;
  t->update_idle_months = 24;
  t->max_users = 5;
  t->rare_frequencies = g_strdup ("每月,每季度,每年,极少使用");
}

void
mulu_zombie_thresholds_clear (MuluZombieThresholds *t)
{
  g_clear_pointer (&t->rare_frequencies, g_free);
}

static int
meta_int (MuluCatalog *catalog,
          const char  *key,
          int          fallback)
{
  g_autofree char *v = mulu_catalog_dup_meta (catalog, key);
  return v ? atoi (v) : fallback;
}

void
mulu_zombie_thresholds_load (MuluCatalog          *catalog,
                             MuluZombieThresholds *t)
{
  g_autofree char *util = mulu_catalog_dup_meta (catalog, "zombie.min_utilization");
  g_autofree char *rare = mulu_catalog_dup_meta (catalog, "zombie.rare_frequencies");

  mulu_zombie_thresholds_defaults (t);
  t->business_idle_months = meta_int (catalog, "zombie.business_idle_months", t->business_idle_months);
  t->login_idle_months = meta_int (catalog, "zombie.login_idle_months", t->login_idle_months);
  t->update_idle_months = meta_int (catalog, "zombie.update_idle_months", t->update_idle_months);
  t->max_users = meta_int (catalog, "zombie.max_users", t->max_users);
  if (util)
    t->min_utilization = g_ascii_strtod (util, NULL);
  if (rare)
    {
      g_free (t->rare_frequencies);
      t->rare_frequencies = g_steal_pointer (&rare);
    }
}

gboolean
mulu_zombie_thresholds_save (MuluCatalog                *catalog,
                             const MuluZombieThresholds *t,
                             GError                    **error)
{
  char util[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *b = g_strdup_printf ("%d", t->business_idle_months);
  g_autofree char *l = g_strdup_printf ("%d", t->login_idle_months);
  g_autofree char *u = g_strdup_printf ("%d", t->update_idle_months);
  g_autofree char *m = g_strdup_printf ("%d", t->max_users);

  g_ascii_dtostr (util, sizeof util, t->min_utilization);
  if (!mulu_catalog_ensure_editable (catalog, error))
    return FALSE;
  if (!mulu_catalog_begin (catalog, error))
    return FALSE;
  if (!mulu_catalog_set_meta (catalog, "zombie.business_idle_months", b, error) ||
      !mulu_catalog_set_meta (catalog, "zombie.login_idle_months", l, error) ||
      !mulu_catalog_set_meta (catalog, "zombie.min_utilization", util, error) ||
      !mulu_catalog_set_meta (catalog, "zombie.update_idle_months", u, error) ||
      !mulu_catalog_set_meta (catalog, "zombie.max_users", m, error) ||
      !mulu_catalog_set_meta (catalog, "zombie.rare_frequencies", t->rare_frequencies, error) ||
      !mulu_catalog_log (catalog, "settings", NULL, NULL, "zombie_thresholds", NULL, NULL, NULL, error) ||
      !mulu_validate_catalog (catalog, NULL, NULL, NULL, error) ||
      !mulu_catalog_commit (catalog, error))
    {
      mulu_catalog_rollback (catalog);
      return FALSE;
    }
  /* Any system may have become, or stopped being, a suspect. */
  mulu_catalog_emit_changed (catalog, MULU_ENTITY_SYSTEM, 0, MULU_CHANGE_RESET);
  return TRUE;
}

void
mulu_zombie_hit_free (MuluZombieHit *hit)
{
  if (hit)
    {
      g_free (hit->reason);
      g_free (hit);
    }
}

/* Whole months from date to today; -1 when date is not a date. */
static int
months_since (const char *date,
              const char *today)
{
  int y, m, d, ty, tm, td, months;

  if (!mulu_date_is_valid (date) || !mulu_date_is_valid (today))
    return -1;
  y = atoi (date); m = atoi (date + 5); d = atoi (date + 8);
  ty = atoi (today); tm = atoi (today + 5); td = atoi (today + 8);
  months = (ty * 12 + tm) - (y * 12 + m) - (td < d ? 1 : 0);
  return months;
}

static void
hit (GPtrArray           *hits,
     MuluZombieCriterion  c,
     char                *reason)
{
  MuluZombieHit *h;

  /* One hit per criterion, its reasons joined. */
  for (guint i = 0; i < hits->len; i++)
    {
      h = g_ptr_array_index (hits, i);
      if (h->criterion == c)
        {
          char *joined = g_strconcat (h->reason, _("; "), reason, NULL);
          g_free (h->reason);
          g_free (reason);
          h->reason = joined;
          return;
        }
    }
  h = g_new0 (MuluZombieHit, 1);
  h->criterion = c;
  h->reason = reason;
  g_ptr_array_add (hits, h);
}

GPtrArray *
mulu_zombie_assess (MuluCatalog                *catalog,
                    MuluRecord                 *system,
                    const MuluZombieThresholds *t,
                    const char                 *today)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) mulu_zombie_hit_free);
  const char *s;
  int months;

  g_return_val_if_fail (MULU_IS_RECORD (system), hits);

  s = mulu_record_get_string (system, MULU_SYSTEM_LAST_BUSINESS_USE);
  if (s && (months = months_since (s, today)) >= t->business_idle_months)
    hit (hits, MULU_ZOMBIE_DISCONNECTED,
         g_strdup_printf (_("last business use %s, %d months ago"), s, months));
  if (mulu_record_is_set (system, MULU_SYSTEM_SUPPORTS_CURRENT_DUTIES) &&
      !mulu_record_get_boolean (system, MULU_SYSTEM_SUPPORTS_CURRENT_DUTIES))
    hit (hits, MULU_ZOMBIE_DISCONNECTED, g_strdup (_("the clerk says it no longer supports current duties")));

  if (mulu_record_is_set (system, MULU_SYSTEM_REPLACED_BY))
    {
      g_autoptr(MuluRecord) other = catalog ? mulu_catalog_get (catalog, MULU_ENTITY_SYSTEM,
                                                                mulu_record_get_int (system, MULU_SYSTEM_REPLACED_BY), NULL) : NULL;
      hit (hits, MULU_ZOMBIE_REPLACEABLE,
           g_strdup_printf (_("its function is covered by “%s”"), other && mulu_record_get_name (other) ? mulu_record_get_name (other) : "?"));
    }

  s = mulu_record_get_string (system, MULU_SYSTEM_LAST_LOGIN);
  if (s && (months = months_since (s, today)) >= t->login_idle_months)
    hit (hits, MULU_ZOMBIE_IDLE, g_strdup_printf (_("last login %s, no one has logged in for %d months"), s, months));
  if (mulu_record_is_set (system, MULU_SYSTEM_UTILIZATION_PERCENT) &&
      mulu_record_get_double (system, MULU_SYSTEM_UTILIZATION_PERCENT) < t->min_utilization)
    {
      g_autofree char *pct = mulu_record_dup_text (system, MULU_SYSTEM_UTILIZATION_PERCENT);
      g_autofree char *min = g_strdup_printf ("%g", t->min_utilization);
      hit (hits, MULU_ZOMBIE_IDLE, g_strdup_printf (_("resource utilisation %s %%, below %s %%"), pct, min));
    }

  s = mulu_record_get_string (system, MULU_SYSTEM_OM_CONTRACT_END);
  if (s && mulu_date_is_valid (today) && g_strcmp0 (s, today) < 0)
    hit (hits, MULU_ZOMBIE_UNMAINTAINED, g_strdup_printf (_("O&M contract ended %s"), s));
  s = mulu_record_get_string (system, MULU_SYSTEM_LAST_UPDATE);
  if (s && (months = months_since (s, today)) >= t->update_idle_months)
    hit (hits, MULU_ZOMBIE_UNMAINTAINED, g_strdup_printf (_("last updated %s, %d months ago"), s, months));
  if (mulu_record_is_set (system, MULU_SYSTEM_ANNUAL_OM_COST) &&
      mulu_record_get_double (system, MULU_SYSTEM_ANNUAL_OM_COST) == 0.0)
    hit (hits, MULU_ZOMBIE_UNMAINTAINED, g_strdup (_("annual O&M cost is 0")));

  s = mulu_record_get_string (system, MULU_SYSTEM_USAGE_FREQUENCY);
  if (mulu_record_is_set (system, MULU_SYSTEM_USER_COUNT) &&
      mulu_record_get_int (system, MULU_SYSTEM_USER_COUNT) <= t->max_users && s && t->rare_frequencies)
    {
      g_auto(GStrv) rare = g_strsplit (t->rare_frequencies, ",", -1);
      if (g_strv_contains ((const char * const *) rare, s))
        hit (hits, MULU_ZOMBIE_NARROW,
             g_strdup_printf (_("%lld users, used %s"), (long long) mulu_record_get_int (system, MULU_SYSTEM_USER_COUNT), s));
    }

  return hits;
}

void
mulu_zombie_review_free (MuluZombieReview *r)
{
  if (r == NULL)
    return;
  g_free (r->decision);
  g_free (r->disposition);
  g_free (r->planned_date);
  g_free (r->note);
  g_free (r->decided_by);
  g_free (r->decided_at);
  g_free (r);
}

MuluZombieReview *
mulu_zombie_get_review (MuluCatalog *catalog,
                        gint64       system_id)
{
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (catalog,
    "SELECT decision, disposition, planned_date, note, decided_by, decided_at FROM zombie_reviews WHERE system_id = ?", NULL);
  MuluZombieReview *r = g_new0 (MuluZombieReview, 1);

  if (stmt == NULL)
    return r;
  sqlite3_bind_int64 (stmt, 1, system_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      r->decision = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      r->disposition = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      r->planned_date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      r->note = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      r->decided_by = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      r->decided_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  return r;
}

static const char *
empty_to_null (const char *s)
{
  return (s && *s) ? s : NULL;
}

MuluZombieReview *
mulu_zombie_dup_stored_review (MuluCatalog *catalog,
                               gint64       system_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);

  stmt = mulu_catalog_prepare_cached (catalog, "SELECT 1 FROM zombie_reviews WHERE system_id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, system_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found ? mulu_zombie_get_review (catalog, system_id) : NULL;
}

/* Writes the row as given, or removes it when review is NULL, logging the
 * four values the clerk decides; one transaction. */
static gboolean
store_review (MuluCatalog            *catalog,
              gint64                  system_id,
              const MuluZombieReview *review,
              GError                **error)
{
  static const char * const keys[] = { "decision", "disposition", "planned_date", "note" };
  g_autoptr(MuluRecord) system = NULL;
  g_autoptr(MuluZombieReview) old = NULL;
  const char *new_values[4] = { NULL };
  const char *old_values[4];
  sqlite3_stmt *stmt;

  if ((system = mulu_catalog_get (catalog, MULU_ENTITY_SYSTEM, system_id, error)) == NULL)
    return FALSE;

  old = mulu_zombie_get_review (catalog, system_id);
  if (review)
    {
      new_values[0] = review->decision; new_values[1] = review->disposition;
      new_values[2] = review->planned_date; new_values[3] = review->note;
    }
  old_values[0] = old->decision; old_values[1] = old->disposition; old_values[2] = old->planned_date; old_values[3] = old->note;

  if (!mulu_catalog_begin (catalog, error))
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *field = g_strconcat ("zombie_review.", keys[i], NULL);
      if (g_strcmp0 (old_values[i], new_values[i]) != 0 &&
          !mulu_catalog_log (catalog, "update", "system", mulu_record_get_uid (system), field, old_values[i], new_values[i], NULL, error))
        goto fail;
    }
  if (review == NULL)
    {
      stmt = mulu_catalog_prepare_cached (catalog, "DELETE FROM zombie_reviews WHERE system_id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, system_id);
    }
  else
    {
      stmt = mulu_catalog_prepare_cached (catalog,
        "INSERT OR REPLACE INTO zombie_reviews (system_id, decision, disposition, planned_date, note, decided_by, decided_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, system_id);
      for (int i = 0; i < 4; i++)
        sqlite3_bind_text (stmt, i + 2, new_values[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, review->decided_by, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, review->decided_at, -1, SQLITE_STATIC);
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      mulu_catalog_sql_error (catalog, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (!mulu_validate_record (catalog, MULU_ENTITY_SYSTEM, system, system, error) ||
      !mulu_catalog_commit (catalog, error))
    goto fail;
  mulu_catalog_emit_changed (catalog, MULU_ENTITY_SYSTEM, system_id, MULU_CHANGE_UPDATED);
  return TRUE;

fail:
  mulu_catalog_rollback (catalog);
  return FALSE;
}

gboolean
mulu_zombie_set_review (MuluCatalog *catalog,
                        gint64       system_id,
                        const char  *decision,
                        const char  *disposition,
                        const char  *planned_date,
                        const char  *note,
                        GError     **error)
{
  g_autofree char *now = mulu_now_iso8601 ();
  MuluZombieReview review = { 0 };

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);

  if (!mulu_catalog_ensure_editable (catalog, error))
    return FALSE;
  decision = empty_to_null (decision);
  disposition = empty_to_null (disposition);
  planned_date = empty_to_null (planned_date);
  note = empty_to_null (note);

  if (decision && !g_str_equal (decision, "confirmed") && !g_str_equal (decision, "rejected"))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID, _("“%s” is not a decision; confirm or reject the system."), decision);
      return FALSE;
    }
  if (planned_date && !mulu_date_is_valid (planned_date))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID, _("“%s” is not a date; write it as 2027-06-30."), planned_date);
      return FALSE;
    }
  review.decision = (char *) decision;
  review.disposition = (char *) disposition;
  review.planned_date = (char *) planned_date;
  review.note = (char *) note;
  review.decided_by = (char *) mulu_catalog_get_user (catalog);
  review.decided_at = now;
  return store_review (catalog, system_id, &review, error);
}

gboolean
mulu_zombie_restore_review (MuluCatalog            *catalog,
                            gint64                  system_id,
                            const MuluZombieReview *review,
                            GError                **error)
{
  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);

  if (!mulu_catalog_ensure_editable (catalog, error))
    return FALSE;
  return store_review (catalog, system_id, review, error);
}

GArray *
mulu_zombie_list_shared_resources (MuluCatalog *catalog,
                                   gint64       system_id,
                                   GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);

  stmt = mulu_catalog_prepare_cached (catalog,
    "SELECT id FROM resources WHERE system_id = ? AND share_type = '无条件共享' ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, system_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      mulu_catalog_sql_error (catalog, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* S2 (confirmed without any criterion) and Z1 (suspected, undecided). */
gboolean
mulu_rule_zombie (MuluRuleRun *run,
                  MuluEntity   scope_entity,
                  gint64       scope_id,
                  GError     **error)
{
  MuluCatalog *catalog = mulu_rule_run_get_catalog (run);
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  MuluZombieThresholds t;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (scope_entity != MULU_N_ENTITIES && scope_entity != MULU_ENTITY_SYSTEM)
    return TRUE;

  columns = mulu_store_select_columns_prefixed (MULU_ENTITY_SYSTEM, "s");
  sql = g_strdup_printf ("SELECT %s, z.decision FROM systems s LEFT JOIN zombie_reviews z ON z.system_id = s.id%s",
                         columns,
                         scope_entity == MULU_ENTITY_SYSTEM ? " WHERE s.id = ?1" : "");
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  if (scope_entity == MULU_ENTITY_SYSTEM)
    sqlite3_bind_int64 (stmt, 1, scope_id);

  mulu_zombie_thresholds_load (catalog, &t);
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(MuluRecord) system = mulu_store_read_row (MULU_ENTITY_SYSTEM, stmt);
      const char *decision = (const char *) sqlite3_column_text (stmt, mulu_entity_get_info (MULU_ENTITY_SYSTEM)->n_fields + 3);
      g_autoptr(GPtrArray) hits = mulu_zombie_assess (catalog, system, &t, mulu_rule_run_get_today (run));
      const char *name = mulu_record_get_name (system) ? mulu_record_get_name (system) : "";

      if (g_strcmp0 (decision, "confirmed") == 0 && hits->len == 0)
        {
          g_autofree char *msg = g_strdup_printf (_("System “%s” is confirmed as a zombie but meets none of the five criteria; record the evidence (last login, utilisation, O&M contract …) or reject it."), name);
          ok = mulu_rule_run_add (run, "S2", MULU_SEVERITY_ERROR, MULU_ENTITY_SYSTEM, mulu_record_get_id (system),
                                  "zombie_review", msg, error);
        }
      else if (decision == NULL && hits->len > 0)
        {
          g_autoptr(GString) reasons = g_string_new (NULL);
          g_autofree char *msg = NULL;
          for (guint i = 0; i < hits->len; i++)
            {
              MuluZombieHit *h = g_ptr_array_index (hits, i);
              g_string_append_printf (reasons, "%s%s（%s）", i ? _("; ") : "", mulu_zombie_criterion_label (h->criterion), h->reason);
            }
          msg = g_strdup_printf (_("System “%s” may be a zombie: %s. Confirm or reject it."), name, reasons->str);
          ok = mulu_rule_run_add (run, "Z1", MULU_SEVERITY_HINT, MULU_ENTITY_SYSTEM, mulu_record_get_id (system),
                                  "zombie_review", msg, error);
        }
    }
  sqlite3_finalize (stmt);
  mulu_zombie_thresholds_clear (&t);
  return ok;
}
