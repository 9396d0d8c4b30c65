/* mulu-stable-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-items-table"

#include "config.h"

#include "mulu-stable-list.h"

struct _MuluStableList
{
  GObject                parent_instance;
  MuluRecordList        *list;
  GArray                *ids;     /* gint64, the ids the view was last told of */
  MuluStableListUpdated  updated;
  gpointer               data;
};

static void stable_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluStableList, mulu_stable_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, stable_list_model_init))

static GType
stable_list_get_item_type (GListModel *model)
{
  return MULU_TYPE_RECORD;
}

static guint
stable_list_get_n_items (GListModel *model)
{
  return MULU_STABLE_LIST (model)->ids->len;
}

static gpointer
stable_list_get_item (GListModel *model,
                      guint       position)
{
  MuluStableList *self = MULU_STABLE_LIST (model);

  if (position >= self->ids->len)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->list), position);
}

static void
stable_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = stable_list_get_item_type;
  iface->get_n_items = stable_list_get_n_items;
  iface->get_item = stable_list_get_item;
}

static void
on_list_items_changed (GListModel     *list,
                       guint           position,
                       guint           removed,
                       guint           added,
                       MuluStableList *self)
{
  if (removed == added && position + removed <= self->ids->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < added && same; i++)
        same = g_array_index (self->ids, gint64, position + i) == mulu_record_list_get_id_at (self->list, position + i);
      if (same)
        {
          if (self->updated)
            self->updated (self->data, position, added);
          return;
        }
    }

  g_array_remove_range (self->ids, position, MIN (removed, self->ids->len - position));
  for (guint i = 0; i < added; i++)
    {
      gint64 id = mulu_record_list_get_id_at (self->list, position + i);
      g_array_insert_val (self->ids, position + i, id);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
mulu_stable_list_dispose (GObject *object)
{
  MuluStableList *self = MULU_STABLE_LIST (object);

  if (self->list)
    g_signal_handlers_disconnect_by_func (self->list, on_list_items_changed, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (mulu_stable_list_parent_class)->dispose (object);
}

static void
mulu_stable_list_finalize (GObject *object)
{
  g_array_unref (MULU_STABLE_LIST (object)->ids);

  G_OBJECT_CLASS (mulu_stable_list_parent_class)->finalize (object);
}

static void
mulu_stable_list_class_init (MuluStableListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mulu_stable_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = mulu_stable_list_finalize;
}

static void
mulu_stable_list_init (MuluStableList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

MuluStableList *
mulu_stable_list_new (MuluRecordList        *list,
                      MuluStableListUpdated  updated,
                      gpointer               data)
{
  MuluStableList *self = g_object_new (MULU_TYPE_STABLE_LIST, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  self->list = g_object_ref (list);
  self->updated = updated;
  self->data = data;
  for (guint i = 0; i < n; i++)
    {
      gint64 id = mulu_record_list_get_id_at (list, i);
      g_array_append_val (self->ids, id);
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (on_list_items_changed), self);
  return self;
}
