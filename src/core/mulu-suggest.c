/* mulu-suggest.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-suggest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-json-out.h"
#include "mulu-rules-private.h"
#include "mulu-store.h"
#include "mulu-suggest.h"

typedef struct {
  const char *label;    /* N_() */
  const char *pattern;  /* the wordings clerks use */
} Category;

/* Contact details count only next to a person's name (an office phone is
 * not personal information), see CONTACT below. */
static const Category categories[] = {
  { N_("citizen ID numbers"), "身份证|公民身份号码|身份号码|证件号码|证件号|护照号|社会保障号|社保卡号" },
  { N_("home addresses"), "住址|家庭地址|居住地|户籍地|户籍所在地|通讯地址|住所|现住址|家庭住址" },
  { N_("bank accounts"), "银行账号|银行卡|银行帐号|账户|帐户|开户行|开户银行|账号" },
  { N_("health information"), "病历|诊断|病史|健康|体检|疾病|就诊|病情|残疾|传染病|处方|医疗记录" },
  { N_("income"), "收入|工资|薪酬|薪资|纳税额|个税|年薪|存款" },
  { N_("criminal records"), "犯罪|刑事|违法记录|前科|服刑|判决|涉案|羁押" },
  { N_("religious belief"), "宗教|信仰" },
  { N_("ethnicity"), "民族|族别" },
  { N_("biometric data"), "指纹|人脸|面部|虹膜|声纹|生物特征|基因|DNA|掌纹" },
  { N_("personal contact details"), "电话|手机|联系方式|电子邮箱|邮箱|微信" },
};
#define CONTACT (G_N_ELEMENTS (categories) - 1)
#define ITEM_NOT_HANDLED \
  " AND NOT (coalesce (open_type, '') = '不予开放' AND coalesce (share_type, '') IN ('有条件共享', '不予共享'))"
#define PERSON_PATTERN "姓名|权利人|申请人|联系人|当事人|户主|法定代表人|负责人|监护人"

static GRegex *
category_regex (guint i)
{
  static GRegex *regexes[G_N_ELEMENTS (categories) + 1];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        regexes[c] = g_regex_new (categories[c].pattern, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      regexes[G_N_ELEMENTS (categories)] = g_regex_new (PERSON_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&done, 1);
    }
  return regexes[i];
}

#define PERSON_BIT (1u << G_N_ELEMENTS (categories))

guint
mulu_suggest_classify_item (const char *name)
{
  guint mask = 0;

  if (name == NULL || *name == '\0')
    return 0;
  for (guint c = 0; c <= G_N_ELEMENTS (categories); c++)
    if (g_regex_match (category_regex (c), name, 0, NULL))
      mask |= 1u << c;
  return mask;
}

/* Names the categories' patterns: masks stored by a Mulu with other
 * patterns are not this Mulu's. */
static const char *
classifier_id (void)
{
  static char *id;

  if (g_once_init_enter (&id))
    {
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      char *digest;

      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        {
          g_checksum_update (sum, (const guchar *) categories[c].pattern, -1);
          g_checksum_update (sum, (const guchar *) "\n", 1);
        }
      g_checksum_update (sum, (const guchar *) PERSON_PATTERN, -1);
      digest = g_strndup (g_checksum_get_string (sum), 16);
      g_once_init_leave (&id, digest);
    }
  return id;
}

/* Regex matching costs microseconds a name, and a catalog repeats a few
 * thousand names millions of times: each connection remembers the masks,
 * up to a bound so that a catalog of unique names cannot grow it forever. */
#define MEMO_MAX 65536

static void
sql_item_sensitivity (sqlite3_context *context,
                      int              argc,
                      sqlite3_value  **argv)
{
  GHashTable *memo = sqlite3_user_data (context);
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  gpointer cached;
  guint mask;

  if (name == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }
  if (g_hash_table_lookup_extended (memo, name, NULL, &cached))
    mask = GPOINTER_TO_UINT (cached);
  else
    {
      mask = mulu_suggest_classify_item (name);
      if (g_hash_table_size (memo) >= MEMO_MAX)
        g_hash_table_remove_all (memo);
      g_hash_table_insert (memo, g_strdup (name), GUINT_TO_POINTER (mask));
    }
  sqlite3_result_int64 (context, mask);
}

gboolean
mulu_suggest_register_functions (sqlite3 *db)
{
  GHashTable *memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* On failure SQLite calls the destroy function itself. */
  return sqlite3_create_function_v2 (db, "mulu_item_sensitivity", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     memo, sql_item_sensitivity, NULL, NULL,
                                     (void (*) (void *)) g_hash_table_unref) == SQLITE_OK;
}

static char *
dup_meta (sqlite3    *db,
          const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return value;
}

gboolean
mulu_suggest_item_masks_are_current (sqlite3 *db)
{
  g_autofree char *stored = dup_meta (db, "item_sensitivity");

  return g_strcmp0 (stored, classifier_id ()) == 0;
}

/* Rewrites only the items whose mask differs, then records which
 * categories the masks follow. Inside the caller's transaction. */
gboolean
mulu_suggest_update_item_masks (sqlite3 *db,
                                GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_exec (db, "UPDATE items SET sensitivity = nullif (mulu_item_sensitivity (name), 0)"
                        " WHERE sensitivity IS NOT nullif (mulu_item_sensitivity (name), 0)",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('item_sensitivity', ?1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE, "Cannot classify the data items: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, classifier_id (), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE, "Cannot classify the data items: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

void
mulu_suggestion_free (MuluSuggestion *s)
{
  if (s == NULL)
    return;
  g_free (s->state);
  g_strfreev (s->categories);
  g_strfreev (s->items);
  g_free (s->condition);
  g_free (s);
}

typedef struct {
  guint      mask;
  GPtrArray *items;  /* names of the triggering items */
} Triggers;

static void
triggers_free (gpointer data)
{
  Triggers *t = data;
  g_ptr_array_unref (t->items);
  g_free (t);
}

/* Name + phone is personal; a phone alone is not. */
static guint
effective_mask (guint mask)
{
  if ((mask & (1u << CONTACT)) && !(mask & PERSON_BIT))
    mask &= ~(1u << CONTACT);
  return mask & ~PERSON_BIT;
}

static char *
categories_text (guint mask)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    if (mask & (1u << c))
      g_string_append_printf (s, "%s%s", s->len ? _(", ") : "", g_dgettext (GETTEXT_PACKAGE, categories[c].label));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
condition_for (guint mask)
{
  g_autofree char *what = categories_text (mask);

  return g_strdup_printf (_("Contains personal information (%s). Shared only with departments that need it to perform their statutory duties, for that purpose alone; the receiving department must protect it and may not pass it on."),
                          what);
}

static gboolean
store_suggestion (MuluRuleRun *run,
                  gint64       resource_id,
                  const char  *name,
                  Triggers    *t,
                  gboolean     compliant,
                  GError     **error)
{
  MuluCatalog *catalog = mulu_rule_run_get_catalog (run);
  g_autofree char *cats = NULL;
  g_autofree char *items = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *state = NULL;
  g_autofree char *old_cats = NULL;
  g_autofree char *old_items = NULL;
  g_autofree char *stored_state = NULL;
  gboolean unchanged;
  sqlite3_stmt *stmt;
  guint mask = t ? effective_mask (t->mask) : 0;

  stmt = mulu_catalog_prepare_cached (catalog, "SELECT state, categories, items FROM suggestions WHERE resource_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      state = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      stored_state = g_strdup (state);
      old_cats = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      old_items = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  if (mask == 0)
    {
      /* Nothing sensitive any more: forget an open suggestion, keep what
       * the clerk decided. */
      if (g_strcmp0 (state, "suggested") != 0)
        return TRUE;
      stmt = mulu_catalog_prepare_cached (catalog, "DELETE FROM suggestions WHERE resource_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, resource_id);
      return sqlite3_step (stmt) == SQLITE_DONE ? TRUE : mulu_catalog_sql_error (catalog, error);
    }

  /* Already classified as the suggestion would: nothing to suggest, and an
   * open suggestion counts as followed. A decision stands until the
   * sensitive categories change. */
  if (compliant && state == NULL)
    return TRUE;

  cats = g_strdup_printf ("%u", mask);
  {
    /* As json_to_string() writes it, without building nodes for each of
     * the thousands of suggestions a full run compares. */
    GString *json = g_string_new ("[");
    for (guint i = 0; i < t->items->len; i++)
      {
        if (i > 0)
          g_string_append_c (json, ',');
        mulu_json_append_string (json, g_ptr_array_index (t->items, i));
      }
    g_string_append_c (json, ']');
    items = g_string_free (json, FALSE);
  }
  if (compliant && g_str_equal (state, "suggested"))
    {
      g_free (state);
      state = g_strdup ("accepted");
    }
  else if (state == NULL || (g_strcmp0 (old_cats, cats) != 0 && !compliant))
    {
      g_free (state);
      state = g_strdup ("suggested");
    }

  /* A full run finds the same suggestions again: rewrite only what changed. */
  unchanged = old_cats && g_str_equal (old_cats, cats) && g_strcmp0 (old_items, items) == 0 &&
              g_strcmp0 (stored_state, state) == 0;
  if (unchanged)
    goto finding;

  condition = condition_for (mask);
  stmt = mulu_catalog_prepare_cached (catalog,
    "INSERT INTO suggestions (resource_id, state, categories, items, condition) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (resource_id) DO UPDATE SET state = ?2, categories = ?3, items = ?4, condition = ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  sqlite3_bind_text (stmt, 2, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cats, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, items, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, condition, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);

finding:
  if (g_str_equal (state, "suggested"))
    {
      g_autofree char *what = categories_text (mask);
      g_autofree char *msg = g_strdup_printf (_("Resource “%s” has data items with %s; suggested: share it with conditions and do not open it to the public."),
                                              name ? name : "", what);
      return mulu_rule_run_add (run, "SG1", MULU_SEVERITY_HINT, MULU_ENTITY_RESOURCE, resource_id, "share_type", msg, error);
    }
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

gboolean
mulu_rule_suggestions (MuluRuleRun *run,
                       MuluEntity   scope_entity,
                       gint64       scope_id,
                       GError     **error)
{
  MuluCatalog *catalog = mulu_rule_run_get_catalog (run);
  sqlite3 *db = mulu_catalog_get_db (catalog);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, triggers_free);
  g_autoptr(GHashTable) masks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (scope_entity != MULU_N_ENTITIES && scope_entity != MULU_ENTITY_RESOURCE)
    return TRUE;

  /* An item already kept from the public and shared only with conditions
   * at item level needs nothing more from its resource. A full run reads
   * only the items whose stored mask is set (mulu_catalog_open keeps the
   * masks true to these categories), in the order of the resource's items
   * as the per-resource query gives them; a record's check classifies its
   * resource's few items itself. */
  if (sqlite3_prepare_v2 (db, scope_entity == MULU_ENTITY_RESOURCE
                              ? "SELECT resource_id, name, NULL FROM items WHERE resource_id = ?1" ITEM_NOT_HANDLED
                              : "SELECT resource_id, name, sensitivity FROM items WHERE sensitivity IS NOT NULL" ITEM_NOT_HANDLED
                                " ORDER BY resource_id, id", -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  if (scope_entity == MULU_ENTITY_RESOURCE)
    sqlite3_bind_int64 (stmt, 1, scope_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      guint mask;
      gpointer cached;
      gint64 rid;
      Triggers *t;

      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        mask = (guint) sqlite3_column_int64 (stmt, 2);
      else if (name && g_hash_table_lookup_extended (masks, name, NULL, &cached))
        mask = GPOINTER_TO_UINT (cached);
      else
        {
          mask = mulu_suggest_classify_item (name);
          if (name)
            g_hash_table_insert (masks, g_strdup (name), GUINT_TO_POINTER (mask));
        }

      if (mask == 0)
        continue;
      rid = sqlite3_column_int64 (stmt, 0);
      if ((t = g_hash_table_lookup (found, &rid)) == NULL)
        {
          t = g_new0 (Triggers, 1);
          t->items = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (found, g_memdup2 (&rid, sizeof rid), t);
        }
      t->mask |= mask;
      if (mask & ~PERSON_BIT)
        g_ptr_array_add (t->items, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  /* Every resource with a suggestion now or before. One whose items only
   * name a person (or give a phone alone) has nothing to suggest, and
   * without a stored suggestion nothing to withdraw. */
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    GHashTableIter iter;
    gpointer key, value;

    if (scope_entity == MULU_ENTITY_RESOURCE)
      g_array_append_val (ids, scope_id);
    else
      {
        g_hash_table_iter_init (&iter, found);
        while (g_hash_table_iter_next (&iter, &key, &value))
          if (effective_mask (((Triggers *) value)->mask) != 0)
            g_array_append_val (ids, *(gint64 *) key);
        if (sqlite3_prepare_v2 (db, "SELECT resource_id FROM suggestions", -1, &stmt, NULL) != SQLITE_OK)
          return mulu_catalog_sql_error (catalog, error);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            gint64 rid = sqlite3_column_int64 (stmt, 0);
            Triggers *t = g_hash_table_lookup (found, &rid);

            if (t == NULL || effective_mask (t->mask) == 0)
              g_array_append_val (ids, rid);
          }
        sqlite3_finalize (stmt);
        /* In row order the lookups below walk each table once. */
        g_array_sort (ids, compare_ids);
      }

    for (guint i = 0; ok && i < ids->len; i++)
      {
        gint64 rid = g_array_index (ids, gint64, i);
        sqlite3_stmt *row = mulu_catalog_prepare_cached (catalog,
          "SELECT name, share_type, open_type, secrecy FROM resources WHERE id = ?", error);
        g_autofree char *name = NULL;
        gboolean compliant, secret;

        if (row == NULL)
          return FALSE;
        sqlite3_bind_int64 (row, 1, rid);
        if (sqlite3_step (row) != SQLITE_ROW)
          continue;
        name = g_strdup ((const char *) sqlite3_column_text (row, 0));
        compliant = (g_strcmp0 ((const char *) sqlite3_column_text (row, 1), "有条件共享") == 0 ||
                     g_strcmp0 ((const char *) sqlite3_column_text (row, 1), "不予共享") == 0) &&
                    g_strcmp0 ((const char *) sqlite3_column_text (row, 2), "不予开放") == 0;
        secret = g_strcmp0 ((const char *) sqlite3_column_text (row, 3), "涉密") == 0;
        sqlite3_reset (row);
        ok = store_suggestion (run, rid, name, secret ? NULL : g_hash_table_lookup (found, &rid), compliant, error);
      }
  }
  return ok;
}

MuluSuggestion *
mulu_suggestion_get (MuluCatalog *catalog,
                     gint64       resource_id)
{
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (catalog,
    "SELECT state, categories, items, condition FROM suggestions WHERE resource_id = ?", NULL);
  MuluSuggestion *s = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint mask = (guint) g_ascii_strtoull ((const char *) sqlite3_column_text (stmt, 1), NULL, 10);
      GStrvBuilder *b = g_strv_builder_new ();
      g_autoptr(JsonNode) items = json_from_string ((const char *) sqlite3_column_text (stmt, 2), NULL);

      s = g_new0 (MuluSuggestion, 1);
      s->state = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->condition = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        if (mask & (1u << c))
          g_strv_builder_add (b, g_dgettext (GETTEXT_PACKAGE, categories[c].label));
      s->categories = g_strv_builder_end (b);
      g_strv_builder_unref (b);
      b = g_strv_builder_new ();
      if (items && JSON_NODE_HOLDS_ARRAY (items))
        for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
          g_strv_builder_add (b, json_array_get_string_element (json_node_get_array (items), i));
      s->items = g_strv_builder_end (b);
      g_strv_builder_unref (b);
    }
  sqlite3_reset (stmt);
  return s;
}

static gboolean
set_state (MuluCatalog *catalog,
           gint64       resource_id,
           const char  *state,
           GError     **error)
{
  g_autofree char *now = mulu_now_iso8601 ();
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (catalog,
    "UPDATE suggestions SET state = ?, decided_by = ?, decided_at = ? WHERE resource_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mulu_catalog_get_user (catalog), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, resource_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);
  if (sqlite3_changes (mulu_catalog_get_db (catalog)) == 0)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND, _("There is no suggestion for this resource."));
      return FALSE;
    }
  return TRUE;
}

gboolean
mulu_suggestion_accept (MuluCatalog *catalog,
                        gint64       resource_id,
                        const char  *condition,
                        GError     **error)
{
  g_autoptr(MuluRecord) r = NULL;
  g_autoptr(MuluSuggestion) s = mulu_suggestion_get (catalog, resource_id);

  if (!mulu_catalog_ensure_editable (catalog, error))
    return FALSE;
  if (s == NULL)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND, _("There is no suggestion for this resource."));
      return FALSE;
    }
  if ((r = mulu_catalog_get (catalog, MULU_ENTITY_RESOURCE, resource_id, error)) == NULL)
    return FALSE;
  if (!mulu_catalog_begin (catalog, error))
    return FALSE;
  /* 不予共享 is stricter than the suggestion; keep it. */
  if (g_strcmp0 (mulu_record_get_string (r, MULU_RESOURCE_SHARE_TYPE), "不予共享") != 0)
    {
      mulu_record_set_string (r, MULU_RESOURCE_SHARE_TYPE, "有条件共享");
      /* A condition the clerk wrote stays unless another is given. */
      if (condition && *condition)
        mulu_record_set_string (r, MULU_RESOURCE_SHARE_CONDITION, condition);
      else if (!mulu_record_is_set (r, MULU_RESOURCE_SHARE_CONDITION))
        mulu_record_set_string (r, MULU_RESOURCE_SHARE_CONDITION, s->condition);
    }
  mulu_record_set_string (r, MULU_RESOURCE_OPEN_TYPE, "不予开放");
  mulu_record_set_string (r, MULU_RESOURCE_OPEN_CONDITION, NULL);
  if (!set_state (catalog, resource_id, "accepted", error) ||
      !mulu_catalog_log (catalog, "update", "resource", mulu_record_get_uid (r), "suggestion", s->state, "accepted", NULL, error) ||
      !mulu_catalog_update (catalog, r, error) ||
      !mulu_catalog_commit (catalog, error))
    {
      mulu_catalog_rollback (catalog);
      return FALSE;
    }
  return TRUE;
}

gboolean
mulu_suggestion_dismiss (MuluCatalog *catalog,
                         gint64       resource_id,
                         GError     **error)
{
  g_autoptr(MuluRecord) r = NULL;

  if (!mulu_catalog_ensure_editable (catalog, error))
    return FALSE;
  if ((r = mulu_catalog_get (catalog, MULU_ENTITY_RESOURCE, resource_id, error)) == NULL)
    return FALSE;
  if (!mulu_catalog_begin (catalog, error))
    return FALSE;
  if (!set_state (catalog, resource_id, "dismissed", error) ||
      !mulu_catalog_log (catalog, "update", "resource", mulu_record_get_uid (r), "suggestion", "suggested", "dismissed", NULL, error) ||
      !mulu_validate_record (catalog, MULU_ENTITY_RESOURCE, r, r, error) ||
      !mulu_catalog_commit (catalog, error))
    {
      mulu_catalog_rollback (catalog);
      return FALSE;
    }
  mulu_catalog_emit_changed (catalog, MULU_ENTITY_RESOURCE, resource_id, MULU_CHANGE_UPDATED);
  return TRUE;
}
