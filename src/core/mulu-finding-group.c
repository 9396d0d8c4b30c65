/* mulu-finding-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-finding-group"

#include "config.h"

#include "mulu-catalog-private.h"
#include "mulu-finding-group.h"

struct _MuluFindingGroup
{
  GObject          parent_instance;
  MuluCatalog     *catalog;
  MuluSeverity     severity;
  char            *rule;
  guint64          count;
  MuluFindingList *findings;
};

G_DEFINE_FINAL_TYPE (MuluFindingGroup, mulu_finding_group, G_TYPE_OBJECT)

enum { PROP_0, PROP_COUNT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
mulu_finding_group_dispose (GObject *object)
{
  MuluFindingGroup *self = MULU_FINDING_GROUP (object);

  g_clear_object (&self->findings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (mulu_finding_group_parent_class)->dispose (object);
}

static void
mulu_finding_group_finalize (GObject *object)
{
  MuluFindingGroup *self = MULU_FINDING_GROUP (object);

  g_free (self->rule);

  G_OBJECT_CLASS (mulu_finding_group_parent_class)->finalize (object);
}

static void
mulu_finding_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MuluFindingGroup *self = MULU_FINDING_GROUP (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint64 (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_finding_group_class_init (MuluFindingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mulu_finding_group_dispose;
  object_class->finalize = mulu_finding_group_finalize;
  object_class->get_property = mulu_finding_group_get_property;

  properties[PROP_COUNT] = g_param_spec_uint64 ("count", NULL, NULL, 0, G_MAXUINT64, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mulu_finding_group_init (MuluFindingGroup *self)
{
}

MuluFindingGroup *
mulu_finding_group_new (MuluCatalog  *catalog,
                        MuluSeverity  severity,
                        const char   *rule,
                        guint64       count)
{
  MuluFindingGroup *self;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (severity < MULU_N_SEVERITIES, NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  self = g_object_new (MULU_TYPE_FINDING_GROUP, NULL);
  self->catalog = g_object_ref (catalog);
  self->severity = severity;
  self->rule = g_strdup (rule);
  self->count = count;
  return self;
}

MuluSeverity
mulu_finding_group_get_severity (MuluFindingGroup *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_GROUP (self), MULU_SEVERITY_HINT);
  return self->severity;
}

const char *
mulu_finding_group_get_rule (MuluFindingGroup *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_GROUP (self), NULL);
  return self->rule;
}

guint64
mulu_finding_group_get_count (MuluFindingGroup *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_GROUP (self), 0);
  return self->count;
}

MuluFindingList *
mulu_finding_group_get_findings (MuluFindingGroup *self)
{
  g_return_val_if_fail (MULU_IS_FINDING_GROUP (self), NULL);

  if (self->findings == NULL)
    self->findings = mulu_finding_list_new (self->catalog, self->severity, self->rule);
  return self->findings;
}

static void
set_count (MuluFindingGroup *self,
           guint64           count)
{
  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

typedef struct {
  MuluSeverity severity;
  guint        order;   /* the rule's place in the engine's list */
  const char  *rule;    /* borrowed from the engine, or the row */
  char        *own;     /* a rule the engine does not know (an older Mulu's) */
  guint64      count;
} Row;

static guint
rule_order (const char *rule)
{
  const char * const *ids = mulu_rules_get_ids ();

  for (guint i = 0; ids[i]; i++)
    if (g_strcmp0 (ids[i], rule) == 0)
      return i;
  return G_MAXUINT;
}

static int
compare_keys (MuluSeverity sa, guint oa, const char *ra,
              MuluSeverity sb, guint ob, const char *rb)
{
  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (oa != ob)
    return oa < ob ? -1 : 1;
  return g_strcmp0 (ra, rb);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  return compare_keys (x->severity, x->order, x->rule, y->severity, y->order, y->rule);
}

static void
clear_row (gpointer data)
{
  g_free (((Row *) data)->own);
}

gboolean
mulu_finding_groups_update (GListStore  *groups,
                            MuluCatalog *catalog,
                            guint        severity_mask,
                            GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  sqlite3_stmt *stmt = NULL;
  guint pos = 0;
  int rc;

  g_return_val_if_fail (G_IS_LIST_STORE (groups), FALSE);
  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);

  g_array_set_clear_func (rows, clear_row);
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                          "SELECT severity, rule, COUNT(*) FROM findings GROUP BY severity, rule",
                          -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int severity = sqlite3_column_int (stmt, 0);
      const char *rule = (const char *) sqlite3_column_text (stmt, 1);
      Row row = { 0 };

      if (severity < 0 || severity >= MULU_N_SEVERITIES || !(severity_mask & (1u << severity)) || rule == NULL)
        continue;
      row.severity = severity;
      row.order = rule_order (rule);
      row.own = g_strdup (rule);
      row.rule = row.own;
      row.count = (guint64) sqlite3_column_int64 (stmt, 2);
      g_array_append_val (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);
  g_array_sort (rows, compare_rows);

  /* A merge of two sorted sequences: the store's groups and the rows. */
  for (guint r = 0; r <= rows->len;)
    {
      g_autoptr(MuluFindingGroup) group = g_list_model_get_item (G_LIST_MODEL (groups), pos);
      Row *row = r < rows->len ? &g_array_index (rows, Row, r) : NULL;
      int cmp;

      if (group == NULL && row == NULL)
        break;
      if (group == NULL)
        cmp = 1;
      else if (row == NULL)
        cmp = -1;
      else
        cmp = compare_keys (group->severity, rule_order (group->rule), group->rule, row->severity, row->order, row->rule);

      if (cmp < 0)
        g_list_store_remove (groups, pos);
      else if (cmp > 0)
        {
          g_autoptr(MuluFindingGroup) added = mulu_finding_group_new (catalog, row->severity, row->rule, row->count);
          g_list_store_insert (groups, pos++, added);
          r++;
        }
      else
        {
          set_count (group, row->count);
          if (group->findings)
            mulu_finding_list_refresh (group->findings);
          pos++;
          r++;
        }
    }
  return TRUE;
}
