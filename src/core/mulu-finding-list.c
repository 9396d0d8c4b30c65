/* mulu-finding-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-finding-list"

#include "config.h"

#include "mulu-catalog-private.h"
#include "mulu-finding-list.h"

#define PAGE_SIZE 128
#define MAX_PAGES 32

struct _MuluFindingList
{
  GObject       parent_instance;
  MuluCatalog  *catalog;
  MuluSeverity  severity;
  char         *rule;
  GArray       *ids;          /* gint64 finding ids in display order; NULL until first use */
  GHashTable   *pages;        /* page number → GPtrArray of MuluFindingObject */
  GQueue        page_order;   /* oldest first, for eviction */
  sqlite3_stmt *row_stmt;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluFindingList, mulu_finding_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
drop_pages (MuluFindingList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

/* A record's findings stay together, departments first, then systems,
 * resources and data items, each in the order they were entered. */
static GArray *
query_ids (MuluFindingList *self)
{
  sqlite3 *db = mulu_catalog_is_open (self->catalog) ? mulu_catalog_get_db (self->catalog) : NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (db == NULL)
    return ids;
  /* Only the filters in use, so that SQLite can use findings_rule. */
  g_string_append (sql, "SELECT id FROM findings WHERE 1");
  if (self->severity != MULU_N_SEVERITIES)
    g_string_append (sql, " AND severity = ?1");
  if (self->rule)
    g_string_append (sql, " AND rule = ?2");
  g_string_append (sql, " ORDER BY CASE entity WHEN 'department' THEN 0 WHEN 'system' THEN 1"
                        "  WHEN 'resource' THEN 2 ELSE 3 END, record_id, id");
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Cannot list findings: %s", sqlite3_errmsg (db));
      return ids;
    }
  if (self->severity != MULU_N_SEVERITIES)
    sqlite3_bind_int (stmt, 1, (int) self->severity);
  if (self->rule)
    sqlite3_bind_text (stmt, 2, self->rule, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static void
ensure_ids (MuluFindingList *self)
{
  if (self->ids == NULL)
    self->ids = query_ids (self);
}

static GType
list_get_item_type (GListModel *model)
{
  return MULU_TYPE_FINDING_OBJECT;
}

static guint
list_get_n_items (GListModel *model)
{
  MuluFindingList *self = MULU_FINDING_LIST (model);

  ensure_ids (self);
  return self->ids->len;
}

static MuluFindingObject *
read_row (sqlite3_stmt *stmt,
          gint64        id)
{
  const MuluEntityInfo *info = mulu_entity_from_kind ((const char *) sqlite3_column_text (stmt, 2));
  MuluFinding f = {
    .rule = (char *) sqlite3_column_text (stmt, 0),
    .severity = sqlite3_column_int (stmt, 1),
    .entity = info ? info->entity : MULU_ENTITY_RESOURCE,
    .record_id = sqlite3_column_int64 (stmt, 3),
    .field = (char *) sqlite3_column_text (stmt, 4),
    .message = (char *) sqlite3_column_text (stmt, 5),
    .uid = (char *) sqlite3_column_text (stmt, 6),
    .name = (char *) sqlite3_column_text (stmt, 7),
  };

  return mulu_finding_object_new (id, &f);
}

static GPtrArray *
load_page (MuluFindingList *self,
           guint            page)
{
  sqlite3 *db = mulu_catalog_get_db (self->catalog);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint start = page * PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);

  if (self->row_stmt == NULL &&
      sqlite3_prepare_v3 (db,
                          "SELECT f.rule, f.severity, f.entity, f.record_id, f.field, f.message,"
                          " CASE f.entity WHEN 'department' THEN (SELECT uid FROM departments WHERE id = f.record_id)"
                          "  WHEN 'system' THEN (SELECT uid FROM systems WHERE id = f.record_id)"
                          "  WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = f.record_id)"
                          "  ELSE (SELECT uid FROM items WHERE id = f.record_id) END,"
                          " CASE f.entity WHEN 'department' THEN (SELECT name FROM departments WHERE id = f.record_id)"
                          "  WHEN 'system' THEN (SELECT name FROM systems WHERE id = f.record_id)"
                          "  WHEN 'resource' THEN (SELECT name FROM resources WHERE id = f.record_id)"
                          "  ELSE (SELECT name FROM items WHERE id = f.record_id) END"
                          " FROM findings f WHERE f.id = ?1",
                          -1, SQLITE_PREPARE_PERSISTENT, &self->row_stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Cannot read findings: %s", sqlite3_errmsg (db));
      return rows;
    }

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      sqlite3_reset (self->row_stmt);
      sqlite3_bind_int64 (self->row_stmt, 1, id);
      if (sqlite3_step (self->row_stmt) == SQLITE_ROW)
        g_ptr_array_add (rows, read_row (self->row_stmt, id));
      else
        {
          /* Fixed behind our back; a refresh is on its way. Views do not
           * expect NULL, so hand out an empty finding. */
          MuluFinding gone = { .rule = self->rule, .severity = self->severity, .entity = MULU_ENTITY_RESOURCE };
          g_ptr_array_add (rows, mulu_finding_object_new (id, &gone));
        }
    }
  sqlite3_reset (self->row_stmt);

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_head (&self->page_order));
  return rows;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  MuluFindingList *self = MULU_FINDING_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  ensure_ids (self);
  if (position >= self->ids->len || !mulu_catalog_is_open (self->catalog))
    return NULL;
  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    rows = load_page (self, page);
  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
mulu_finding_list_dispose (GObject *object)
{
  MuluFindingList *self = MULU_FINDING_LIST (object);

  g_clear_pointer (&self->row_stmt, sqlite3_finalize);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (mulu_finding_list_parent_class)->dispose (object);
}

static void
mulu_finding_list_finalize (GObject *object)
{
  MuluFindingList *self = MULU_FINDING_LIST (object);

  drop_pages (self);
  g_hash_table_unref (self->pages);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->rule);

  G_OBJECT_CLASS (mulu_finding_list_parent_class)->finalize (object);
}

static void
mulu_finding_list_class_init (MuluFindingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mulu_finding_list_dispose;
  object_class->finalize = mulu_finding_list_finalize;
}

static void
mulu_finding_list_init (MuluFindingList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

MuluFindingList *
mulu_finding_list_new (MuluCatalog  *catalog,
                       MuluSeverity  severity,
                       const char   *rule)
{
  MuluFindingList *self;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (severity <= MULU_N_SEVERITIES, NULL);

  self = g_object_new (MULU_TYPE_FINDING_LIST, NULL);
  self->catalog = g_object_ref (catalog);
  self->severity = severity;
  self->rule = g_strdup (rule);
  return self;
}

MuluSeverity
mulu_finding_list_get_severity (MuluFindingList *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_LIST (self), MULU_N_SEVERITIES);
  return self->severity;
}

const char *
mulu_finding_list_get_rule (MuluFindingList *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_LIST (self), NULL);
  return self->rule;
}

/* Re-reads the ids and tells views what changed as one span: the rows
 * before the first difference and after the last stay where they are, so
 * a view keeps its scroll position and focus while the clerk fixes things. */
void
mulu_finding_list_refresh (MuluFindingList *self)
{
  GArray *old, *new;
  guint prefix = 0, suffix = 0, removed, added;

  g_return_if_fail (MULU_IS_FINDING_LIST (self));

  if (self->ids == NULL)
    return;
  old = self->ids;
  new = query_ids (self);
  while (prefix < old->len && prefix < new->len &&
         g_array_index (old, gint64, prefix) == g_array_index (new, gint64, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < new->len - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) == g_array_index (new, gint64, new->len - 1 - suffix))
    suffix++;
  removed = old->len - prefix - suffix;
  added = new->len - prefix - suffix;

  self->ids = new;
  g_array_unref (old);
  drop_pages (self);
  if (removed || added)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}
