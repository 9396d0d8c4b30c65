/* mulu-generate.c — deterministic synthetic catalogs
 *
 * The same options and seed give the same catalog, byte for byte, on every
 * machine: every choice comes from one GRand, ids included. Values are taken
 * from the catalog's own code tables, so a generated catalog is clean except
 * for the zombie evidence and secret resources asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-generate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-generate.h"
#include "mulu-json-out.h"
#include "mulu-names.h"
#include "mulu-schema.h"
#include "mulu-store.h"
#include "mulu-uscc.h"

typedef struct
{
  MuluCatalog  *catalog;
  sqlite3      *db;
  MuluCodes    *codes;
  GRand        *rand;
  sqlite3_stmt *insert[MULU_N_ENTITIES];
  GHashTable   *department_names;
  guint64       counts[MULU_N_ENTITIES];
  guint64       total;
  guint64       done;
  guint         code_seq;
} Gen;

void
mulu_generate_options_init (MuluGenerateOptions *o)
{
  o->departments = 1;
  o->systems = 10;
  o->resources = 50;
  o->items = 10;
  o->seed = 1;
  o->secret_share = 0.0;
  o->zombie_share = 0.1;
}

static guint
pick (Gen  *g,
      guint n)
{
  return n ? (guint) g_rand_int_range (g->rand, 0, (gint32) n) : 0;
}

static gboolean
chance (Gen   *g,
        double p)
{
  return g_rand_double (g->rand) < p;
}

static char *
make_uid (Gen *g)
{
  guint32 a = g_rand_int (g->rand), b = g_rand_int (g->rand), c = g_rand_int (g->rand), d = g_rand_int (g->rand);

  /* Shaped as a version-4 UUID, like the ids Mulu gives new records. */
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a, b >> 16, b & 0xfff, (c >> 16 & 0x3fff) | 0x8000, c & 0xffff, d);
}

/* A value from a code table (optionally under parent_path). */
static const char *
code_value (Gen        *g,
            const char *table,
            const char *parent_path)
{
  GPtrArray *entries = mulu_codes_list (g->codes, table, parent_path);

  if (entries == NULL || entries->len == 0)
    return NULL;
  return ((MuluCodeEntry *) g_ptr_array_index (entries, pick (g, entries->len)))->value;
}

static char *
random_date (Gen *g,
             int  year_from,
             int  year_to)
{
  return g_strdup_printf ("%04d-%02d-%02d", year_from + (int) pick (g, (guint) (year_to - year_from + 1)),
                          1 + (int) pick (g, 12), 1 + (int) pick (g, 28));
}

static char *
person_name (Gen *g)
{
  return g_strconcat (mulu_names_surnames[pick (g, mulu_names_n_surnames)],
                      mulu_names_given_names[pick (g, mulu_names_n_given_names)], NULL);
}

static char *
company_name (Gen                  *g,
              const MuluNameRegion *region)
{
  return g_strconcat (region->name, mulu_names_company_marks[pick (g, mulu_names_n_company_marks)],
                      mulu_names_company_suffixes[pick (g, mulu_names_n_company_suffixes)], NULL);
}

static char *
make_uscc (Gen                  *g,
           const MuluNameRegion *region)
{
  static const char body[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[19];

  code[0] = '1';
  code[1] = '1';
  memcpy (code + 2, region->code, 6);
  /* Organisation codes of government bodies are mostly digits. */
  for (int i = 8; i < 16; i++)
    code[i] = i == 8 && chance (g, 0.2) ? body[10 + pick (g, 21)] : body[pick (g, 10)];
  code[16] = mulu_uscc_compute_org_check (code + 8);
  code[17] = mulu_uscc_compute_check (code);
  code[18] = '\0';
  return g_strdup (code);
}

/* Binding by field enum: column ?N is field N-2 (see mulu-store.c). */
static void
bind_text (sqlite3_stmt *stmt,
           guint         field,
           const char   *text)
{
  if (text)
    sqlite3_bind_text (stmt, (int) field + 2, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, (int) field + 2);
}

static void
bind_take (sqlite3_stmt *stmt,
           guint         field,
           char         *text)
{
  sqlite3_bind_text (stmt, (int) field + 2, text, -1, g_free);
}

static void
bind_int (sqlite3_stmt *stmt,
          guint         field,
          gint64        v)
{
  sqlite3_bind_int64 (stmt, (int) field + 2, v);
}

static void
bind_double (sqlite3_stmt *stmt,
             guint         field,
             double        v)
{
  sqlite3_bind_double (stmt, (int) field + 2, v);
}

static gboolean
insert (Gen          *g,
        MuluEntity    entity,
        gint64       *out_id,
        GCancellable *cancellable,
        MuluProgressFunc progress,
        gpointer      progress_data,
        GError      **error)
{
  sqlite3_stmt *stmt = g->insert[entity];

  sqlite3_bind_text (stmt, 1, make_uid (g), -1, g_free);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      mulu_catalog_sql_error (g->catalog, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  *out_id = sqlite3_last_insert_rowid (g->db);
  g->counts[entity]++;

  if ((++g->done & 0x3fff) == 0)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, MULU_ERROR, MULU_ERROR_CANCELLED, _("Generation was cancelled; nothing was added."));
          return FALSE;
        }
      if (progress)
        progress ((double) g->done / (double) MAX (g->total, 1), _("Generating records"), progress_data);
    }
  return TRUE;
}

static gboolean
gen_items (Gen          *g,
           gint64        resource_id,
           guint         n,
           GCancellable *cancellable,
           MuluProgressFunc progress,
           gpointer      progress_data,
           GError      **error)
{
  sqlite3_stmt *stmt = g->insert[MULU_ENTITY_ITEM];
  /* Distinct names within a resource: walk the pool with a stride that is
   * prime to its size. */
  guint start = pick (g, mulu_names_n_items);
  guint stride = 7;

  while (mulu_names_n_items % stride == 0)
    stride += 2;

  for (guint i = 0; i < n; i++)
    {
      guint k = (start + i * stride) % mulu_names_n_items;
      const MuluNameItem *item = &mulu_names_items[k];
      gint64 id;

      bind_int (stmt, MULU_ITEM_RESOURCE, resource_id);
      if (i < mulu_names_n_items)
        bind_text (stmt, MULU_ITEM_NAME, item->name);
      else
        bind_take (stmt, MULU_ITEM_NAME, g_strdup_printf ("%s（%u）", item->name, i / mulu_names_n_items + 1));
      bind_text (stmt, MULU_ITEM_DATA_TYPE, item->data_type);
      if (item->length > 0)
        bind_int (stmt, MULU_ITEM_LENGTH, item->length);
      if (!insert (g, MULU_ENTITY_ITEM, &id, cancellable, progress, progress_data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_resource (Gen                          *g,
              const MuluGenerateOptions    *o,
              guint                         dept_no,
              gint64                        dept_id,
              gint64                        system_id,
              const MuluNameDepartmentKind *kind,
              GHashTable                   *names,
              GCancellable                 *cancellable,
              MuluProgressFunc              progress,
              gpointer                      progress_data,
              GError                      **error)
{
  sqlite3_stmt *stmt = g->insert[MULU_ENTITY_RESOURCE];
  g_autofree char *name = NULL;
  g_autofree char *class_path = NULL;
  const char *c1, *c2, *c3, *format_category, *format_type, *share_type, *topic;
  guint n_topics = g_strv_length ((char **) kind->topics);
  gboolean secret = o->secret_share > 0 && chance (g, o->secret_share);
  gint64 id;

  for (guint attempt = 0; name == NULL || g_hash_table_contains (names, name); attempt++)
    {
      g_free (name);
      topic = kind->topics[pick (g, n_topics)];
      if (attempt < 20)
        name = g_strconcat (topic, mulu_names_resource_suffixes[pick (g, mulu_names_n_resource_suffixes)], NULL);
      else
        name = g_strdup_printf ("%s%s（%s）", topic, mulu_names_resource_suffixes[pick (g, mulu_names_n_resource_suffixes)],
                                mulu_names_department_kinds[pick (g, mulu_names_n_department_kinds)].suffix);
    }
  g_hash_table_add (names, g_strdup (name));

  /* Mostly the department's own 类 3 项; some thematic and basic ones. */
  if (chance (g, 0.8))
    {
      c1 = "3";
      c2 = kind->class_item;
    }
  else
    {
      c1 = chance (g, 0.6) ? "2" : "1";
      c2 = code_value (g, "classification", c1);
    }
  class_path = g_strconcat (c1, "/", c2, NULL);
  c3 = code_value (g, "classification", class_path);

  bind_int (stmt, MULU_RESOURCE_DEPARTMENT, dept_id);
  bind_text (stmt, MULU_RESOURCE_NAME, name);
  bind_take (stmt, MULU_RESOURCE_CODE, g_strdup_printf ("%s%s%s/%04u%05u", c1, c2, c3 ? c3 : "000", dept_no, ++g->code_seq));
  bind_text (stmt, MULU_RESOURCE_CLASS_1, c1);
  bind_text (stmt, MULU_RESOURCE_CLASS_2, c2);
  bind_text (stmt, MULU_RESOURCE_CLASS_3, c3);

  if (secret)
    {
      /* Only what may be kept of a 涉密 resource. */
      bind_text (stmt, MULU_RESOURCE_SECRECY, "涉密");
      bind_text (stmt, MULU_RESOURCE_SECRET_LEVEL, code_value (g, "secret_level", NULL));
      bind_text (stmt, MULU_RESOURCE_SHARE_TYPE, "不予共享");
      bind_text (stmt, MULU_RESOURCE_SHARE_BASIS_TYPE, "法律");
      bind_text (stmt, MULU_RESOURCE_OPEN_TYPE, "不予开放");
      return insert (g, MULU_ENTITY_RESOURCE, &id, cancellable, progress, progress_data, error);
    }

  if (system_id > 0)
    bind_int (stmt, MULU_RESOURCE_SYSTEM, system_id);
  bind_take (stmt, MULU_RESOURCE_SUMMARY, g_strdup_printf ("记录%s的%s，由%s负责采集和维护。", topic ? topic : name, name,
                                                            kind->suffix));
  format_category = chance (g, 0.7) ? "数据库" : code_value (g, "format", NULL);
  while (g_str_equal (format_category, "其他") || g_str_equal (format_category, "自描述格式"))
    format_category = code_value (g, "format", NULL);
  do
    format_type = code_value (g, "format", format_category);
  while (format_type && g_str_equal (format_type, "其他"));
  bind_text (stmt, MULU_RESOURCE_FORMAT_CATEGORY, format_category);
  bind_text (stmt, MULU_RESOURCE_FORMAT_TYPE, format_type);

  share_type = c1[0] == '1' ? "无条件共享" : chance (g, 0.55) ? "有条件共享" : chance (g, 0.75) ? "无条件共享" : "不予共享";
  bind_text (stmt, MULU_RESOURCE_SHARE_TYPE, share_type);
  if (g_str_equal (share_type, "有条件共享"))
    bind_take (stmt, MULU_RESOURCE_SHARE_CONDITION,
               g_strdup_printf ("仅向依法履行%s相关职责的部门共享，用于业务协同和审批核验，不得用于其他用途。", topic ? topic : name));
  if (g_str_equal (share_type, "不予共享"))
    {
      bind_text (stmt, MULU_RESOURCE_SHARE_BASIS_TYPE, "法律");
      bind_text (stmt, MULU_RESOURCE_SHARE_BASIS, "《中华人民共和国个人信息保护法》第二十八条、第三十四条");
    }
  else
    {
      bind_text (stmt, MULU_RESOURCE_SHARE_METHOD_CATEGORY, "共享平台方式");
      bind_text (stmt, MULU_RESOURCE_SHARE_METHOD_TYPE,
                 g_str_equal (format_category, "数据库") ? (chance (g, 0.7) ? "接口" : "数据库") : "文件");
    }

  {
    const char *open_type;

    if (g_str_equal (share_type, "无条件共享") && chance (g, 0.4))
      open_type = chance (g, 0.5) ? "无条件开放" : "有条件开放";
    else if (!g_str_equal (share_type, "不予共享") && chance (g, 0.2))
      open_type = "有条件开放";
    else
      open_type = "不予开放";
    bind_text (stmt, MULU_RESOURCE_OPEN_TYPE, open_type);
    if (g_str_equal (open_type, "有条件开放"))
      bind_text (stmt, MULU_RESOURCE_OPEN_CONDITION, "经申请审核后通过政府数据开放平台提供，限用于非商业用途。");
  }

  bind_text (stmt, MULU_RESOURCE_UPDATE_CYCLE, code_value (g, "update_cycle", NULL));
  bind_take (stmt, MULU_RESOURCE_PUBLISH_DATE, random_date (g, 2018, 2025));
  bind_text (stmt, MULU_RESOURCE_SECRECY, "非涉密");
  bind_int (stmt, MULU_RESOURCE_VOLUME_RECORDS, 1000 + pick (g, 5000000));
  bind_double (stmt, MULU_RESOURCE_VOLUME_STORAGE_GB, (double) (1 + pick (g, 20000)) / 10.0);

  if (!insert (g, MULU_ENTITY_RESOURCE, &id, cancellable, progress, progress_data, error))
    return FALSE;
  return gen_items (g, id, o->items, cancellable, progress, progress_data, error);
}

static gboolean
gen_system (Gen                          *g,
            const MuluGenerateOptions    *o,
            gint64                        dept_id,
            const MuluNameRegion         *region,
            const MuluNameDepartmentKind *kind,
            GHashTable                   *names,
            gint64                        replacement,
            gint64                       *out_id,
            GError                      **error)
{
  sqlite3_stmt *stmt = g->insert[MULU_ENTITY_SYSTEM];
  guint n_topics = g_strv_length ((char **) kind->topics);
  g_autofree char *name = NULL;
  g_autofree char *approval = NULL;
  const char *topic = NULL;
  gboolean zombie = chance (g, o->zombie_share);
  int approval_year = 2012 + (int) pick (g, 12);

  for (guint attempt = 0; name == NULL || g_hash_table_contains (names, name); attempt++)
    {
      g_free (name);
      topic = kind->topics[pick (g, n_topics)];
      name = g_strconcat (topic, mulu_names_system_suffixes[pick (g, mulu_names_n_system_suffixes)],
                          attempt >= 20 ? "（二期）" : "", NULL);
      if (attempt > 40)
        {
          g_free (name);
          name = g_strdup_printf ("%s%s（%u）", topic, mulu_names_system_suffixes[pick (g, mulu_names_n_system_suffixes)], attempt);
        }
    }
  g_hash_table_add (names, g_strdup (name));

  approval = g_strdup_printf ("%04d-%02d-%02d", approval_year, 1 + (int) pick (g, 12), 1 + (int) pick (g, 28));

  bind_int (stmt, MULU_SYSTEM_DEPARTMENT, dept_id);
  bind_text (stmt, MULU_SYSTEM_NAME, name);
  bind_take (stmt, MULU_SYSTEM_FUNCTION, g_strdup_printf ("支撑%s业务的受理、审核、查询统计和信息共享。", topic));
  bind_text (stmt, MULU_SYSTEM_USAGE_SCOPE, code_value (g, "usage_scope", NULL));
  bind_text (stmt, MULU_SYSTEM_USAGE_FREQUENCY, zombie ? "每季度" : chance (g, 0.7) ? "每日" : "每周");
  bind_take (stmt, MULU_SYSTEM_APPROVAL_DEPARTMENT, g_strconcat (region->name, mulu_names_approvers[pick (g, mulu_names_n_approvers)], NULL));
  bind_text (stmt, MULU_SYSTEM_APPROVAL_DATE, approval);
  bind_text (stmt, MULU_SYSTEM_FUNDING_SOURCE, chance (g, 0.8) ? "地方财政资金" : code_value (g, "funding_source", NULL));
  bind_take (stmt, MULU_SYSTEM_BUILDER, company_name (g, region));
  bind_take (stmt, MULU_SYSTEM_MAINTAINER, company_name (g, region));
  bind_take (stmt, MULU_SYSTEM_GO_LIVE_DATE, g_strdup_printf ("%04d-%02d-%02d", approval_year + 1, 1 + (int) pick (g, 12), 1 + (int) pick (g, 28)));
  bind_take (stmt, MULU_SYSTEM_OM_CONTRACT_END, zombie ? random_date (g, 2021, 2023) : random_date (g, 2027, 2029));
  bind_double (stmt, MULU_SYSTEM_CONSTRUCTION_COST, (double) (50 + pick (g, 2000)));
  bind_double (stmt, MULU_SYSTEM_ANNUAL_OM_COST, zombie ? 0.0 : (double) (5 + pick (g, 200)));
  bind_text (stmt, MULU_SYSTEM_CONSTRUCTION_MODE, code_value (g, "construction_mode", NULL));
  bind_text (stmt, MULU_SYSTEM_OM_MODE, code_value (g, "om_mode", NULL));
  bind_text (stmt, MULU_SYSTEM_LAYER, "应用层");
  bind_text (stmt, MULU_SYSTEM_STATUS, "运行中");
  bind_text (stmt, MULU_SYSTEM_NETWORK, chance (g, 0.8) ? "电子政务外网" : "电子政务内网");
  bind_text (stmt, MULU_SYSTEM_HOSTING, chance (g, 0.6) ? "统一云平台" : "自建机房");
  bind_text (stmt, MULU_SYSTEM_PROTECTION_LEVEL, chance (g, 0.6) ? "二级" : "三级");
  bind_text (stmt, MULU_SYSTEM_SECRECY, "非涉密");
  bind_int (stmt, MULU_SYSTEM_USER_COUNT, zombie ? 1 + pick (g, 5) : 20 + pick (g, 3000));
  bind_text (stmt, MULU_SYSTEM_USER_GROUP, "本部门工作人员");
  bind_int (stmt, MULU_SYSTEM_SHARING_PLATFORM_CONNECTED, chance (g, 0.7));
  if (replacement > 0)
    bind_int (stmt, MULU_SYSTEM_REPLACED_BY, replacement);
  bind_int (stmt, MULU_SYSTEM_SUPPORTS_CURRENT_DUTIES, !zombie);
  bind_take (stmt, MULU_SYSTEM_LAST_BUSINESS_USE, zombie ? random_date (g, 2022, 2024) : g_strdup_printf ("2026-%02d-%02d", 8 + (int) pick (g, 3), 1 + (int) pick (g, 28)));
  bind_take (stmt, MULU_SYSTEM_LAST_LOGIN, zombie ? random_date (g, 2022, 2024) : g_strdup_printf ("2026-%02d-%02d", 9 + (int) pick (g, 2), 1 + (int) pick (g, 28)));
  bind_double (stmt, MULU_SYSTEM_UTILIZATION_PERCENT, zombie ? (double) pick (g, 5) : (double) (20 + pick (g, 70)));
  bind_take (stmt, MULU_SYSTEM_LAST_UPDATE, zombie ? random_date (g, 2021, 2023) : g_strdup_printf ("2026-%02d-%02d", 6 + (int) pick (g, 4), 1 + (int) pick (g, 28)));

  return insert (g, MULU_ENTITY_SYSTEM, out_id, NULL, NULL, NULL, error);
}

static gboolean
gen_department (Gen                       *g,
                const MuluGenerateOptions *o,
                guint                      dept_no,
                GCancellable              *cancellable,
                MuluProgressFunc           progress,
                gpointer                   progress_data,
                GError                   **error)
{
  sqlite3_stmt *stmt = g->insert[MULU_ENTITY_DEPARTMENT];
  const MuluNameDepartmentKind *kind = &mulu_names_department_kinds[dept_no % mulu_names_n_department_kinds];
  const MuluNameRegion *region = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GHashTable) system_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) resource_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) systems = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 dept_id;

  /* Every department gets a name no other has. */
  for (guint attempt = 0; name == NULL || g_hash_table_contains (g->department_names, name); attempt++)
    {
      g_free (name);
      region = &mulu_names_regions[(pick (g, mulu_names_n_regions) + attempt) % mulu_names_n_regions];
      if (attempt < mulu_names_n_regions)
        name = g_strconcat (region->name, kind->suffix, NULL);
      else
        name = g_strdup_printf ("%s%s第%u分局", region->name, kind->suffix, attempt);
    }
  g_hash_table_add (g->department_names, g_strdup (name));

  bind_text (stmt, MULU_DEPARTMENT_NAME, name);
  bind_take (stmt, MULU_DEPARTMENT_USCC, make_uscc (g, region));
  bind_text (stmt, MULU_DEPARTMENT_REGION_CODE, region->code);
  bind_take (stmt, MULU_DEPARTMENT_CONTACT_NAME, person_name (g));
  bind_take (stmt, MULU_DEPARTMENT_CONTACT_PHONE, g_strdup_printf ("13%09u", pick (g, 1000000000)));
  if (!insert (g, MULU_ENTITY_DEPARTMENT, &dept_id, NULL, NULL, NULL, error))
    return FALSE;

  for (guint s = 0; s < o->systems; s++)
    {
      gint64 id, replacement = 0;
      /* Now and then an older system whose work moved to the previous one. */
      if (s > 0 && chance (g, o->zombie_share / 3))
        replacement = g_array_index (systems, gint64, pick (g, systems->len));
      if (!gen_system (g, o, dept_id, region, kind, system_names, replacement, &id, error))
        return FALSE;
      g_array_append_val (systems, id);
    }

  for (guint r = 0; r < o->resources; r++)
    {
      gint64 system_id = systems->len ? g_array_index (systems, gint64, r % systems->len) : 0;
      if (!gen_resource (g, o, dept_no, dept_id, system_id, kind, resource_names,
                         cancellable, progress, progress_data, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mulu_generate (MuluCatalog               *catalog,
               const MuluGenerateOptions *options,
               GCancellable              *cancellable,
               MuluProgressFunc           progress,
               gpointer                   progress_data,
               GError                   **error)
{
  Gen g = { 0 };
  gboolean ok = FALSE;
  gboolean bulk;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  g.catalog = catalog;
  g.db = mulu_catalog_get_db (catalog);
  g.codes = mulu_catalog_get_codes (catalog);
  g.rand = g_rand_new_with_seed (options->seed);
  g.department_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g.total = (guint64) options->departments * (options->systems + 1 +
                                               (guint64) options->resources * (1 + options->items));

  if (!mulu_catalog_begin (catalog, error))
    goto out;
  bulk = mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL) == 0;
  if (bulk && !mulu_schema_begin_bulk_load (g.db, error))
    goto fail;
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    if (sqlite3_prepare_v2 (g.db, mulu_store_insert_sql (e), -1, &g.insert[e], NULL) != SQLITE_OK)
      {
        mulu_catalog_sql_error (catalog, error);
        goto fail;
      }

  for (guint d = 0; d < options->departments; d++)
    if (!gen_department (&g, options, d + 1, cancellable, progress, progress_data, error))
      goto fail;
  if (bulk && !mulu_schema_end_bulk_load (g.db, error))
    goto fail;

  {
    g_autoptr(GString) details = g_string_new ("{");
    gboolean first = TRUE;

    mulu_json_append_key (details, &first, "seed");
    g_string_append_printf (details, "%u", options->seed);
    for (guint e = 0; e < MULU_N_ENTITIES; e++)
      {
        mulu_json_append_key (details, &first, mulu_entity_get_info (e)->table);
        g_string_append_printf (details, "%" G_GUINT64_FORMAT, g.counts[e]);
      }
    g_string_append_c (details, '}');
    if (!mulu_catalog_log (catalog, "generate", NULL, NULL, NULL, NULL, NULL, details->str, error))
      goto fail;
    if (!mulu_catalog_set_meta (catalog, "findings_current", "0", error))
      goto fail;
  }

  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    g_clear_pointer (&g.insert[e], sqlite3_finalize);
  if (!mulu_catalog_commit (catalog, error))
    goto fail;
  ok = TRUE;
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    mulu_catalog_emit_changed (catalog, e, 0, MULU_CHANGE_RESET);
  goto out;

fail:
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    g_clear_pointer (&g.insert[e], sqlite3_finalize);
  mulu_catalog_rollback (catalog);
out:
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    g_clear_pointer (&g.insert[e], sqlite3_finalize);
  g_hash_table_unref (g.department_names);
  g_rand_free (g.rand);
  return ok;
}
