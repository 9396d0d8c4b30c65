/* mulu-record-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-record-list"

#include "config.h"

#include "mulu-catalog-private.h"
#include "mulu-record-list.h"
#include "mulu-rules.h"
#include "mulu-store.h"

#define PAGE_SIZE 128
#define MAX_PAGES 32

struct _MuluRecordList
{
  GObject       parent_instance;
  MuluCatalog  *catalog;
  MuluEntity    entity;
  gint64        parent_id;
  char         *search;
  GVariant     *filters[MULU_MAX_FILTERS]; /* per field index, or NULL */
  guint         filter_fields[MULU_MAX_FILTERS];
  guint         n_filters;
  MuluRecordState state;
  int           sort_field;
  gboolean      descending;
  GArray       *ids;          /* gint64 row ids in display order */
  gboolean      loaded;       /* ids read since the list was made */
  GHashTable   *pages;        /* page number → GPtrArray of MuluRecord */
  GQueue        page_order;   /* oldest first, for eviction */
  sqlite3_stmt *row_stmt;
  gulong        changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

/* The rows each state keeps, as a condition on the entity's table. Only
 * resources are classified and get suggestions; errors count for every
 * entity, and a resource's also include its data items'. */
static void
append_state (GString         *sql,
              MuluEntity       entity,
              MuluRecordState  state)
{
  const char *kind = mulu_entity_get_info (entity)->kind;

  switch (state)
    {
    case MULU_RECORD_STATE_UNCLASSIFIED:
      if (entity == MULU_ENTITY_RESOURCE)
        g_string_append (sql, "(share_type IS NULL OR open_type IS NULL OR secrecy IS NULL)");
      else
        g_string_append (sql, "0");
      break;
    case MULU_RECORD_STATE_SUGGESTED:
      if (entity == MULU_ENTITY_RESOURCE)
        g_string_append (sql, "id IN (SELECT resource_id FROM suggestions WHERE state = 'suggested')");
      else
        g_string_append (sql, "0");
      break;
    case MULU_RECORD_STATE_WITH_ERRORS:
      g_string_append_printf (sql, "(id IN (SELECT record_id FROM findings WHERE entity = '%s' AND severity = %d)",
                              kind, MULU_SEVERITY_ERROR);
      if (entity == MULU_ENTITY_RESOURCE)
        g_string_append_printf (sql, " OR id IN (SELECT i.resource_id FROM findings f JOIN items i ON i.id = f.record_id"
                                     " WHERE f.entity = 'item' AND f.severity = %d)", MULU_SEVERITY_ERROR);
      g_string_append (sql, ")");
      break;
    case MULU_RECORD_STATE_ANY:
    default:
      g_assert_not_reached ();
    }
}

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluRecordList, mulu_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_N_ITEMS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
drop_pages (MuluRecordList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static GArray *
query_ids (MuluRecordList *self)
{
  const MuluEntityInfo *info = mulu_entity_get_info (self->entity);
  sqlite3 *db = mulu_catalog_get_db (self->catalog);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean where = FALSE;
  int n = 0;

  if (db == NULL)
    return ids;

  g_string_printf (sql, "SELECT id FROM %s", info->table);
  if (self->parent_id > 0 && info->parent_field >= 0)
    {
      g_string_append_printf (sql, " WHERE %s = ?%d", info->fields[info->parent_field].column, ++n);
      where = TRUE;
    }
  if (self->search && *self->search)
    {
      /* Search the name, and the code for resources. */
      g_string_append_printf (sql, " %s (instr(name, ?%d) > 0", where ? "AND" : "WHERE", ++n);
      if (self->entity == MULU_ENTITY_RESOURCE)
        g_string_append_printf (sql, " OR instr(code, ?%d) > 0", n);
      g_string_append (sql, ")");
      where = TRUE;
    }
  for (guint f = 0; f < self->n_filters; f++)
    {
      g_string_append_printf (sql, " %s %s = ?%d", where ? "AND" : "WHERE",
                              info->fields[self->filter_fields[f]].column, ++n);
      where = TRUE;
    }
  if (self->state != MULU_RECORD_STATE_ANY)
    {
      g_string_append_printf (sql, " %s ", where ? "AND" : "WHERE");
      append_state (sql, self->entity, self->state);
      where = TRUE;
    }
  if (self->sort_field >= 0)
    g_string_append_printf (sql, " ORDER BY %s IS NULL, %s %s, id",
                            info->fields[self->sort_field].column, info->fields[self->sort_field].column,
                            self->descending ? "DESC" : "ASC");
  else
    g_string_append_printf (sql, " ORDER BY id %s", self->descending ? "DESC" : "ASC");

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Cannot list %s: %s", info->table, sqlite3_errmsg (db));
      return ids;
    }
  n = 0;
  if (self->parent_id > 0 && info->parent_field >= 0)
    sqlite3_bind_int64 (stmt, ++n, self->parent_id);
  if (self->search && *self->search)
    sqlite3_bind_text (stmt, ++n, self->search, -1, SQLITE_STATIC);
  for (guint f = 0; f < self->n_filters; f++)
    {
      GVariant *value = self->filters[f];

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, ++n, g_variant_get_int64 (value));
      else
        sqlite3_bind_text (stmt, ++n, g_variant_get_string (value, NULL), -1, SQLITE_STATIC);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

/* The ids are read when first asked for, not when the list is made: a list
 * of a resource's items is made and then given its parent, and reading the
 * ids in between would read every item of the catalog. */
static GArray *
ids_of (MuluRecordList *self)
{
  if (!self->loaded)
    {
      g_array_unref (self->ids);
      self->ids = query_ids (self);
      self->loaded = TRUE;
    }
  return self->ids;
}

/* Re-reads the ids and tells views what changed as one span: the rows
 * before the first difference and after the last stay where they are. */
static void
reload (MuluRecordList *self,
        gint64          changed_id)
{
  GArray *old = self->ids;
  GArray *new;
  guint prefix = 0, suffix = 0, removed, added;

  /* Nobody has seen the rows yet: nothing to tell, nothing to re-read. */
  if (!self->loaded)
    return;
  new = query_ids (self);

  while (prefix < old->len && prefix < new->len &&
         g_array_index (old, gint64, prefix) == g_array_index (new, gint64, prefix) &&
         g_array_index (old, gint64, prefix) != changed_id)
    prefix++;
  while (suffix < old->len - prefix && suffix < new->len - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) == g_array_index (new, gint64, new->len - 1 - suffix) &&
         g_array_index (old, gint64, old->len - 1 - suffix) != changed_id)
    suffix++;
  removed = old->len - prefix - suffix;
  added = new->len - prefix - suffix;

  self->ids = new;
  g_array_unref (old);
  drop_pages (self);

  if (removed || added)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
      if (removed != added)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

static void
on_catalog_changed (MuluCatalog    *catalog,
                    guint           entity,
                    gint64          id,
                    guint           change,
                    MuluRecordList *self)
{
  if (entity != self->entity)
    return;
  reload (self, change == MULU_CHANGE_UPDATED ? id : 0);
}

static GType
list_get_item_type (GListModel *model)
{
  return MULU_TYPE_RECORD;
}

static guint
list_get_n_items (GListModel *model)
{
  return ids_of (MULU_RECORD_LIST (model))->len;
}

static GPtrArray *
load_page (MuluRecordList *self,
           guint           page)
{
  sqlite3 *db = mulu_catalog_get_db (self->catalog);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  guint start = page * PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);

  if (self->row_stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?",
                                              mulu_store_select_columns (self->entity),
                                              mulu_entity_get_info (self->entity)->table);
      if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &self->row_stmt, NULL) != SQLITE_OK)
        return records;
    }

  for (guint i = start; i < end; i++)
    {
      sqlite3_reset (self->row_stmt);
      sqlite3_bind_int64 (self->row_stmt, 1, g_array_index (self->ids, gint64, i));
      if (sqlite3_step (self->row_stmt) == SQLITE_ROW)
        g_ptr_array_add (records, mulu_store_read_row (self->entity, self->row_stmt));
      else
        {
          /* Deleted behind our back; a reload is on its way. Hand out an
           * empty record rather than NULL, which views do not expect. */
          MuluRecord *gone = mulu_record_new (self->entity);
          mulu_record_set_id (gone, g_array_index (self->ids, gint64, i));
          g_ptr_array_add (records, gone);
        }
    }
  sqlite3_reset (self->row_stmt);

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), records);
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_head (&self->page_order));
  return records;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  MuluRecordList *self = MULU_RECORD_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *records;

  if (position >= ids_of (self)->len || !mulu_catalog_is_open (self->catalog))
    return NULL;
  records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (records == NULL)
    records = load_page (self, page);
  if (position % PAGE_SIZE >= records->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (records, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
mulu_record_list_dispose (GObject *object)
{
  MuluRecordList *self = MULU_RECORD_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->catalog);
  g_clear_pointer (&self->row_stmt, sqlite3_finalize);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (mulu_record_list_parent_class)->dispose (object);
}

static void
mulu_record_list_finalize (GObject *object)
{
  MuluRecordList *self = MULU_RECORD_LIST (object);

  drop_pages (self);
  g_hash_table_unref (self->pages);
  g_array_unref (self->ids);
  g_free (self->search);
  for (guint f = 0; f < self->n_filters; f++)
    g_variant_unref (self->filters[f]);

  G_OBJECT_CLASS (mulu_record_list_parent_class)->finalize (object);
}

static void
mulu_record_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MuluRecordList *self = MULU_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, ids_of (self)->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_record_list_class_init (MuluRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mulu_record_list_dispose;
  object_class->finalize = mulu_record_list_finalize;
  object_class->get_property = mulu_record_list_get_property;

  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mulu_record_list_init (MuluRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->sort_field = -1;
}

MuluRecordList *
mulu_record_list_new (MuluCatalog *catalog,
                      MuluEntity   entity)
{
  MuluRecordList *self;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, NULL);

  self = g_object_new (MULU_TYPE_RECORD_LIST, NULL);
  self->catalog = g_object_ref (catalog);
  self->entity = entity;
  self->changed_id = g_signal_connect (catalog, "changed", G_CALLBACK (on_catalog_changed), self);
  return self;
}

MuluEntity
mulu_record_list_get_entity (MuluRecordList *self)
{
  return self->entity;
}

void
mulu_record_list_set_parent (MuluRecordList *self,
                             gint64          parent_id)
{
  g_return_if_fail (MULU_IS_RECORD_LIST (self));
  if (self->parent_id == parent_id)
    return;
  self->parent_id = parent_id;
  reload (self, 0);
}

gint64
mulu_record_list_get_parent (MuluRecordList *self)
{
  return self->parent_id;
}

void
mulu_record_list_set_search (MuluRecordList *self,
                             const char     *text)
{
  g_return_if_fail (MULU_IS_RECORD_LIST (self));
  /* An empty search is no search: the window sets "" on every list it
   * opens, which read all the ids again for nothing. */
  if (text && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->search, text) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (text);
  reload (self, 0);
}

void
mulu_record_list_set_sort (MuluRecordList *self,
                           int             field,
                           gboolean        descending)
{
  g_return_if_fail (MULU_IS_RECORD_LIST (self));
  g_return_if_fail (field < (int) mulu_entity_get_info (self->entity)->n_fields);
  if (self->sort_field == field && self->descending == descending)
    return;
  self->sort_field = field;
  self->descending = descending;
  reload (self, 0);
}

guint
mulu_record_list_find (MuluRecordList *self,
                       gint64          id)
{
  ids_of (self);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

gint64
mulu_record_list_get_id_at (MuluRecordList *self,
                            guint           position)
{
  return position < ids_of (self)->len ? g_array_index (self->ids, gint64, position) : 0;
}

/**
 * mulu_record_list_set_filter:
 * @field: a field of the list's entity
 * @value: (nullable): a string or int64 the field must equal, or %NULL to
 *   stop filtering on it; floating references are sunk
 *
 * Keeps only the rows whose @field equals @value, in SQL, so a filter over
 * a hundred thousand rows costs one query. Filters on different fields add up.
 */
void
mulu_record_list_set_filter (MuluRecordList *self,
                             guint           field,
                             GVariant       *value)
{
  guint f;

  g_return_if_fail (MULU_IS_RECORD_LIST (self));
  g_return_if_fail (field < mulu_entity_get_info (self->entity)->n_fields);
  g_return_if_fail (value == NULL ||
                    g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
                    g_variant_is_of_type (value, G_VARIANT_TYPE_INT64));

  if (value)
    g_variant_ref_sink (value);
  for (f = 0; f < self->n_filters && self->filter_fields[f] != field; f++)
    ;
  if (f < self->n_filters)
    {
      gboolean same = value && g_variant_equal (value, self->filters[f]);

      g_variant_unref (self->filters[f]);
      if (value)
        self->filters[f] = value;
      else
        {
          self->n_filters--;
          self->filters[f] = self->filters[self->n_filters];
          self->filter_fields[f] = self->filter_fields[self->n_filters];
        }
      if (same)
        return;
    }
  else if (value == NULL)
    return;
  else
    {
      g_return_if_fail (self->n_filters < MULU_MAX_FILTERS);
      self->filters[self->n_filters] = value;
      self->filter_fields[self->n_filters++] = field;
    }
  reload (self, 0);
}

/**
 * mulu_record_list_set_state:
 *
 * Keeps only unclassified resources, resources with a pending suggestion,
 * or records with errors (for a resource, its data items' too).
 */
void
mulu_record_list_set_state (MuluRecordList  *self,
                            MuluRecordState  state)
{
  g_return_if_fail (MULU_IS_RECORD_LIST (self));
  g_return_if_fail (state <= MULU_RECORD_STATE_WITH_ERRORS);

  if (self->state == state)
    return;
  self->state = state;
  reload (self, 0);
}

/**
 * mulu_catalog_count_in_state:
 *
 * How many records of @entity are in @state, for the steps' progress.
 *
 * Returns: the count, or 0 when the catalog cannot be read
 */
guint
mulu_catalog_count_in_state (MuluCatalog     *catalog,
                             MuluEntity       entity,
                             MuluRecordState  state)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), 0);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, 0);

  if ((db = mulu_catalog_get_db (catalog)) == NULL)
    return 0;
  g_string_printf (sql, "SELECT count(*) FROM %s", mulu_entity_get_info (entity)->table);
  if (state != MULU_RECORD_STATE_ANY)
    {
      g_string_append (sql, " WHERE ");
      append_state (sql, entity, state);
    }
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}
