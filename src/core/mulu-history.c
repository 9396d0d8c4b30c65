/* mulu-history.c — undo and redo of the edits made in one session
 *
 * A step is a list of changes (one, or a group's). Undoing one replays its
 * changes backwards in a single catalog transaction, so a step is undone
 * whole or not at all; the change log records the undo like any edit.
 *
 * A deletion is remembered as what the database takes with it, captured
 * just before: the cascaded children, the rows of the side tables that the
 * triggers and cascades remove (reviews, zombie reviews, suggestions), and
 * the records whose references are set to NULL. Findings are not captured:
 * putting the records back re-checks them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-history-private.h"
#include "mulu-rules.h"
#include "mulu-store.h"
#include "mulu-value.h"
#include "mulu-zombie.h"

/* Beyond this the oldest step is forgotten. */
#define MAX_STEPS 1000

typedef enum {
  CHANGE_ADD,
  CHANGE_UPDATE,
  CHANGE_DELETE,
  CHANGE_ZOMBIE_REVIEW,
} ChangeKind;

typedef struct {
  ChangeKind  kind;
  MuluEntity  entity;
  gint64      id;
  MuluRecord *before;     /* update */
  MuluRecord *after;      /* add, update */
  MuluRemoval    *removal;    /* delete, as last captured */
  MuluZombieReview *review_before; /* zombie review: the rows as stored, */
  MuluZombieReview *review_after;  /* NULL when there was none */
} Change;

typedef struct {
  GPtrArray *changes;     /* Change *, in the order made */
  char      *undo_label;
  char      *redo_label;
} Step;

struct _MuluHistory
{
  GObject      parent_instance;
  MuluCatalog *catalog;
  GPtrArray   *undo;      /* Step *, newest last */
  GPtrArray   *redo;      /* Step *, next to redo last */
  Step        *group;     /* the open group, or NULL */
  guint        group_depth;
  char        *group_label;
  /* What the properties last said, to notify only on change. */
  gboolean     can_undo;
  gboolean     can_redo;
  char        *undo_label;
  char        *redo_label;
};

G_DEFINE_FINAL_TYPE (MuluHistory, mulu_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (Change *change)
{
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  mulu_removal_free (change->removal);
  mulu_zombie_review_free (change->review_before);
  mulu_zombie_review_free (change->review_after);
  g_free (change);
}

static void
step_free (Step *step)
{
  if (step == NULL)
    return;
  g_ptr_array_unref (step->changes);
  g_free (step->undo_label);
  g_free (step->redo_label);
  g_free (step);
}

static Step *
step_new (void)
{
  Step *step = g_new0 (Step, 1);

  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  return step;
}

/* — Replaying changes ——————————————————————————————————————————— */
/* Sets the fields that differ between from and to to their value in to, on
 * the record as it is now. */
static gboolean
apply_update (MuluCatalog *catalog,
              MuluRecord  *from,
              MuluRecord  *to,
              GError     **error)
{
  const MuluEntityInfo *info = mulu_record_get_info (to);
  g_autoptr(MuluRecord) current = mulu_catalog_get (catalog, info->entity, mulu_record_get_id (to), error);

  if (current == NULL)
    return FALSE;
  for (guint i = 0; i < info->n_fields; i++)
    if (!mulu_value_equal (mulu_record_get_value (from, i), mulu_record_get_value (to, i)))
      mulu_record_set_value (current, i, mulu_record_get_value (to, i));
  if (g_strcmp0 (mulu_record_get_extra (from), mulu_record_get_extra (to)) != 0)
    mulu_record_set_extra (current, mulu_record_get_extra (to));
  return mulu_catalog_update (catalog, current, error);
}

static gboolean
delete_capturing (MuluCatalog *catalog,
                  MuluEntity   entity,
                  gint64       id,
                  MuluRemoval    **out_removal,
                  GError     **error)
{
  g_autoptr(MuluRemoval) removal = mulu_removal_capture (catalog, entity, id, error);

  if (removal == NULL || !mulu_catalog_delete (catalog, entity, id, error))
    return FALSE;
  *out_removal = g_steal_pointer (&removal);
  return TRUE;
}

static gboolean
replay (MuluCatalog *catalog,
        Change      *change,
        gboolean     undo,
        MuluRemoval    **out_removal,
        GError     **error)
{
  switch (change->kind)
    {
    case CHANGE_ADD:
      if (undo)
        return mulu_catalog_delete (catalog, change->entity, change->id, error);
      return mulu_catalog_restore (catalog, change->after, error);
    case CHANGE_UPDATE:
      if (undo)
        return apply_update (catalog, change->after, change->before, error);
      return apply_update (catalog, change->before, change->after, error);
    case CHANGE_DELETE:
      if (undo)
        return mulu_removal_put_back (catalog, change->removal, error);
      /* Captured again: what the deletion takes may have changed since. */
      return delete_capturing (catalog, change->entity, change->id, out_removal, error);
    case CHANGE_ZOMBIE_REVIEW:
      {
        return mulu_zombie_restore_review (catalog, change->id, undo ? change->review_before : change->review_after, error);
      }
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* Replays a step in one transaction; on failure nothing is changed, in the
 * catalog or in the step. */
static gboolean
replay_step (MuluHistory *self,
             Step        *step,
             gboolean     undo,
             GError     **error)
{
  guint n = step->changes->len;
  g_autoptr(GPtrArray) removals = g_ptr_array_new_full (n, (GDestroyNotify) mulu_removal_free);

  g_ptr_array_set_size (removals, n);
  if (!mulu_catalog_begin (self->catalog, error))
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      guint i = undo ? n - 1 - k : k;
      MuluRemoval **removal = (MuluRemoval **) &g_ptr_array_index (removals, i);

      if (!replay (self->catalog, g_ptr_array_index (step->changes, i), undo, removal, error))
        {
          mulu_catalog_rollback (self->catalog);
          return FALSE;
        }
    }
  if (!mulu_catalog_commit (self->catalog, error))
    {
      mulu_catalog_rollback (self->catalog);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      Change *change = g_ptr_array_index (step->changes, i);
      if (g_ptr_array_index (removals, i))
        {
          mulu_removal_free (change->removal);
          change->removal = g_ptr_array_index (removals, i);
          g_ptr_array_index (removals, i) = NULL;
        }
    }
  return TRUE;
}

/* — Labels ——————————————————————————————————————————————————————— */

static const char *
name_of (MuluRecord *record)
{
  const char *name = mulu_record_get_name (record);

  return name && *name ? name : mulu_entity_get_label (mulu_record_get_entity (record));
}

static void
label_change (Change  *change,
              char   **undo,
              char   **redo)
{
  switch (change->kind)
    {
    case CHANGE_ADD:
      /* Translators: a menu item and a toast; %s is the name of the record */
      *undo = g_strdup_printf (_("Undo: add %s"), name_of (change->after));
      *redo = g_strdup_printf (_("Redo: add %s"), name_of (change->after));
      break;
    case CHANGE_DELETE:
      /* Translators: %s is the name of the record deleted */
      *undo = g_strdup_printf (_("Undo: delete %s"), name_of (mulu_removal_get_record (change->removal)));
      *redo = g_strdup_printf (_("Redo: delete %s"), name_of (mulu_removal_get_record (change->removal)));
      break;
    case CHANGE_UPDATE:
      {
        const MuluEntityInfo *info = mulu_record_get_info (change->after);
        int changed = -1;
        guint n_changed = 0;

        for (guint i = 0; i < info->n_fields; i++)
          if (!mulu_value_equal (mulu_record_get_value (change->before, i), mulu_record_get_value (change->after, i)))
            {
              changed = (int) i;
              n_changed++;
            }
        if (n_changed == 1)
          {
            /* Translators: %s is the label of the field changed, e.g. “System name” */
            *undo = g_strdup_printf (_("Undo: change %s"), mulu_field_get_label (&info->fields[changed]));
            *redo = g_strdup_printf (_("Redo: change %s"), mulu_field_get_label (&info->fields[changed]));
          }
        else
          {
            /* Translators: several fields of one record changed; %s is its name */
            *undo = g_strdup_printf (_("Undo: edit %s"), name_of (change->after));
            *redo = g_strdup_printf (_("Redo: edit %s"), name_of (change->after));
          }
      }
      break;
    case CHANGE_ZOMBIE_REVIEW:
      /* Translators: a menu item and a toast; %s is the name of a system */
      *undo = g_strdup_printf (_("Undo: zombie decision on %s"), name_of (change->after));
      *redo = g_strdup_printf (_("Redo: zombie decision on %s"), name_of (change->after));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
label_step (Step       *step,
            const char *label)
{
  guint n = step->changes->len;

  if (label == NULL && n == 1)
    label_change (g_ptr_array_index (step->changes, 0), &step->undo_label, &step->redo_label);
  else if (label)
    {
      /* Translators: %s names a group of changes, e.g. “paste 20 data items” */
      step->undo_label = g_strdup_printf (_("Undo: %s"), label);
      step->redo_label = g_strdup_printf (_("Redo: %s"), label);
    }
  else
    {
      step->undo_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Undo: %u change", "Undo: %u changes", n), n);
      step->redo_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Redo: %u change", "Redo: %u changes", n), n);
    }
}

/* — State and properties ———————————————————————————————————————— */

static void
set_label (MuluHistory *self,
           char       **cache,
           const char  *label,
           GParamSpec  *pspec)
{
  if (g_strcmp0 (*cache, label) == 0)
    return;
  g_free (*cache);
  *cache = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
update_state (MuluHistory *self)
{
  gboolean can_undo = self->undo->len > 0;
  gboolean can_redo = self->redo->len > 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  set_label (self, &self->undo_label, mulu_history_get_undo_label (self), properties[PROP_UNDO_LABEL]);
  set_label (self, &self->redo_label, mulu_history_get_redo_label (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
push_undo (MuluHistory *self,
           Step        *step)
{
  g_ptr_array_add (self->undo, step);
  if (self->undo->len > MAX_STEPS)
    g_ptr_array_remove_index (self->undo, 0);
}

/* A new change: the steps undone before it can no longer be redone. */
static void
remember (MuluHistory *self,
          Change      *change)
{
  g_ptr_array_set_size (self->redo, 0);
  if (self->group)
    g_ptr_array_add (self->group->changes, change);
  else
    {
      Step *step = step_new ();
      g_ptr_array_add (step->changes, change);
      label_step (step, NULL);
      push_undo (self, step);
    }
  update_state (self);
}

static void
mulu_history_dispose (GObject *object)
{
  MuluHistory *self = MULU_HISTORY (object);

  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (mulu_history_parent_class)->dispose (object);
}

static void
mulu_history_finalize (GObject *object)
{
  MuluHistory *self = MULU_HISTORY (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_pointer (&self->group, step_free);
  g_free (self->group_label);
  g_free (self->undo_label);
  g_free (self->redo_label);

  G_OBJECT_CLASS (mulu_history_parent_class)->finalize (object);
}

static void
mulu_history_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MuluHistory *self = MULU_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, mulu_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, mulu_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, mulu_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, mulu_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_history_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MuluHistory *self = MULU_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_history_class_init (MuluHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mulu_history_dispose;
  object_class->finalize = mulu_history_finalize;
  object_class->get_property = mulu_history_get_property;
  object_class->set_property = mulu_history_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, MULU_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mulu_history_init (MuluHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/* — Public API ———————————————————————————————————————————————————— */

MuluHistory *
mulu_history_new (MuluCatalog *catalog)
{
  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);

  return g_object_new (MULU_TYPE_HISTORY, "catalog", catalog, NULL);
}

MuluCatalog *
mulu_history_get_catalog (MuluHistory *self)
{
  g_return_val_if_fail (MULU_IS_HISTORY (self), NULL);
  return self->catalog;
}

/* The record as stored, which is what redo must put back. */
static MuluRecord *
stored_copy (MuluCatalog *catalog,
             MuluRecord  *record)
{
  MuluRecord *stored = mulu_catalog_get (catalog, mulu_record_get_entity (record), mulu_record_get_id (record), NULL);

  return stored ? stored : mulu_record_copy (record);
}

gboolean
mulu_history_add (MuluHistory *self,
                  MuluRecord  *record,
                  GError     **error)
{
  Change *change;

  g_return_val_if_fail (MULU_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (MULU_IS_RECORD (record), FALSE);

  if (!mulu_catalog_add (self->catalog, record, error))
    return FALSE;
  change = g_new0 (Change, 1);
  change->kind = CHANGE_ADD;
  change->entity = mulu_record_get_entity (record);
  change->id = mulu_record_get_id (record);
  change->after = stored_copy (self->catalog, record);
  remember (self, change);
  return TRUE;
}

gboolean
mulu_history_update (MuluHistory *self,
                     MuluRecord  *record,
                     GError     **error)
{
  g_autoptr(MuluRecord) before = NULL;
  g_autoptr(MuluRecord) after = NULL;
  const MuluEntityInfo *info;
  gboolean changed;
  Change *change;

  g_return_val_if_fail (MULU_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (MULU_IS_RECORD (record), FALSE);

  info = mulu_record_get_info (record);
  if ((before = mulu_catalog_get (self->catalog, info->entity, mulu_record_get_id (record), error)) == NULL ||
      !mulu_catalog_update (self->catalog, record, error))
    return FALSE;
  after = stored_copy (self->catalog, record);

  /* Storing what is already there is no step to undo. */
  changed = g_strcmp0 (mulu_record_get_extra (before), mulu_record_get_extra (after)) != 0;
  for (guint i = 0; !changed && i < info->n_fields; i++)
    changed = !mulu_value_equal (mulu_record_get_value (before, i), mulu_record_get_value (after, i));
  if (!changed)
    return TRUE;

  change = g_new0 (Change, 1);
  change->kind = CHANGE_UPDATE;
  change->entity = info->entity;
  change->id = mulu_record_get_id (record);
  change->before = g_steal_pointer (&before);
  change->after = g_steal_pointer (&after);
  remember (self, change);
  return TRUE;
}

gboolean
mulu_history_delete (MuluHistory *self,
                     MuluEntity   entity,
                     gint64       id,
                     GError     **error)
{
  MuluRemoval *removal = NULL;
  Change *change;

  g_return_val_if_fail (MULU_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, FALSE);

  if (!delete_capturing (self->catalog, entity, id, &removal, error))
    return FALSE;
  change = g_new0 (Change, 1);
  change->kind = CHANGE_DELETE;
  change->entity = entity;
  change->id = id;
  change->removal = removal;
  remember (self, change);
  return TRUE;
}

gboolean
mulu_history_set_zombie_review (MuluHistory *self,
                                gint64       system_id,
                                const char  *decision,
                                const char  *disposition,
                                const char  *planned_date,
                                const char  *note,
                                GError     **error)
{
  g_autoptr(MuluZombieReview) before = NULL;
  MuluZombieReview *after;
  MuluRecord *system;
  Change *change;

  g_return_val_if_fail (MULU_IS_HISTORY (self), FALSE);

  before = mulu_zombie_dup_stored_review (self->catalog, system_id);
  if (!mulu_zombie_set_review (self->catalog, system_id, decision, disposition, planned_date, note, error))
    return FALSE;
  after = mulu_zombie_dup_stored_review (self->catalog, system_id);
  /* Storing what is already there is no step to undo. */
  if (before && after &&
      g_strcmp0 (before->decision, after->decision) == 0 &&
      g_strcmp0 (before->disposition, after->disposition) == 0 &&
      g_strcmp0 (before->planned_date, after->planned_date) == 0 &&
      g_strcmp0 (before->note, after->note) == 0)
    {
      mulu_zombie_review_free (after);
      return TRUE;
    }
  /* The system, for the step's label only. */
  system = mulu_catalog_get (self->catalog, MULU_ENTITY_SYSTEM, system_id, NULL);
  change = g_new0 (Change, 1);
  change->kind = CHANGE_ZOMBIE_REVIEW;
  change->entity = MULU_ENTITY_SYSTEM;
  change->id = system_id;
  change->after = system ? system : mulu_record_new (MULU_ENTITY_SYSTEM);
  change->review_before = g_steal_pointer (&before);
  change->review_after = after;
  remember (self, change);
  return TRUE;
}

void
mulu_history_begin_group (MuluHistory *self,
                          const char  *label)
{
  g_return_if_fail (MULU_IS_HISTORY (self));

  if (self->group_depth++ > 0)
    return;
  self->group = step_new ();
  self->group_label = g_strdup (label);
}

gboolean
mulu_history_end_group (MuluHistory *self,
                        GError     **error)
{
  Step *step;

  g_return_val_if_fail (MULU_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth > 0, FALSE);

  if (--self->group_depth > 0)
    return TRUE;
  step = g_steal_pointer (&self->group);
  if (step->changes->len == 0)
    step_free (step);
  else
    {
      label_step (step, self->group_label);
      push_undo (self, step);
    }
  g_clear_pointer (&self->group_label, g_free);
  update_state (self);
  return TRUE;
}

gboolean
mulu_history_can_undo (MuluHistory *self)
{
  g_return_val_if_fail (MULU_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
mulu_history_can_redo (MuluHistory *self)
{
  g_return_val_if_fail (MULU_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
mulu_history_get_undo_label (MuluHistory *self)
{
  g_return_val_if_fail (MULU_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->undo_label;
}

const char *
mulu_history_get_redo_label (MuluHistory *self)
{
  g_return_val_if_fail (MULU_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->redo_label;
}

/* Moves the last step of from to to once it has been replayed. */
static gboolean
move_step (MuluHistory *self,
           GPtrArray   *from,
           GPtrArray   *to,
           gboolean     undo,
           GError     **error)
{
  Step *step;

  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (from->len == 0)
    {
      g_set_error_literal (error, MULU_ERROR, MULU_ERROR_NOT_FOUND,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }
  step = g_ptr_array_index (from, from->len - 1);
  if (!replay_step (self, step, undo, error))
    return FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  if (to == self->undo && to->len > MAX_STEPS)
    g_ptr_array_remove_index (to, 0);
  update_state (self);
  return TRUE;
}

gboolean
mulu_history_undo (MuluHistory *self,
                   GError     **error)
{
  g_return_val_if_fail (MULU_IS_HISTORY (self), FALSE);
  return move_step (self, self->undo, self->redo, TRUE, error);
}

gboolean
mulu_history_redo (MuluHistory *self,
                   GError     **error)
{
  g_return_val_if_fail (MULU_IS_HISTORY (self), FALSE);
  return move_step (self, self->redo, self->undo, FALSE, error);
}

void
mulu_history_clear (MuluHistory *self)
{
  g_return_if_fail (MULU_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  if (self->group)
    g_ptr_array_set_size (self->group->changes, 0);
  update_state (self);
}
