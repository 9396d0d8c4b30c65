/* mulu-package-fields.c — one package field into one SQL parameter
 *
 * Each field's JSON value is checked against the field's type and bound
 * straight into the prepared insert; a wrong type is refused with the line,
 * the field and what to write instead ("100万" is text, not a number).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-package-reader-private.h"
#include "mulu-value.h"

const char *
mulu_import_node_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return _("text");
    case G_TYPE_BOOLEAN: return _("true/false");
    default: return _("a number");
    }
}

gboolean
mulu_import_is_value_of (JsonNode *node,
             GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
is_number (JsonNode *node)
{
  return mulu_import_is_value_of (node, G_TYPE_INT64) || mulu_import_is_value_of (node, G_TYPE_DOUBLE);
}

static gboolean
number_expected (Import     *im,
                 GError    **error,
                 const char *key,
                 JsonNode   *node,
                 gboolean    integer)
{
  if (mulu_import_is_value_of (node, G_TYPE_STRING))
    return mulu_import_fatal (im, error, key,
                  _("“%s” is text, but this field holds a number. Write the number without quotes or units (for “100万” write 1000000)."),
                  json_node_get_string (node));
  return mulu_import_fatal (im, error, key, integer ? _("expected a whole number, found %s.") : _("expected a number, found %s."),
                mulu_import_node_type_name (node));
}

static gint64
lookup_ref (Import     *im,
            MuluEntity  entity,
            const char *uid)
{
  gpointer value;

  if (entity == MULU_ENTITY_RESOURCE && im->last_resource_uid && strcmp (uid, im->last_resource_uid) == 0)
    return im->last_resource_id;
  if (!g_hash_table_lookup_extended (im->ids[entity], uid, NULL, &value))
    return 0;
  if (entity == MULU_ENTITY_RESOURCE)
    {
      g_free (im->last_resource_uid);
      im->last_resource_uid = g_strdup (uid);
      im->last_resource_id = *(gint64 *) value;
    }
  return *(gint64 *) value;
}

/* Binds one field from its JSON node (NULL when absent). */
gboolean
mulu_import_bind_field (Import          *im,
            sqlite3_stmt    *stmt,
            int              index,
            const MuluField *f,
            const char      *key,
            JsonNode        *node,
            GError         **error)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (f->flags & MULU_FIELD_FLAG_PARENT)
        return mulu_import_fatal (im, error, key, _("this record must name its %s; add the id of one on an earlier line."),
                      mulu_entity_get_label (f->ref));
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  switch (f->type)
    {
    case MULU_FIELD_TEXT:
      if (!mulu_import_is_value_of (node, G_TYPE_STRING))
        return mulu_import_fatal (im, error, key, _("expected text, found %s."), mulu_import_node_type_name (node));
      {
        const char *s = json_node_get_string (node);
        if (*s == '\0')
          sqlite3_bind_null (stmt, index);
        else
          sqlite3_bind_text (stmt, index, s, -1, SQLITE_STATIC);
      }
      return TRUE;

    case MULU_FIELD_DATE:
      if (!mulu_import_is_value_of (node, G_TYPE_STRING))
        return mulu_import_fatal (im, error, key, _("expected a date as text (YYYY-MM-DD), found %s."), mulu_import_node_type_name (node));
      {
        const char *s = json_node_get_string (node);
        if (*s == '\0')
          sqlite3_bind_null (stmt, index);
        else if (mulu_date_is_valid (s))
          sqlite3_bind_text (stmt, index, s, -1, SQLITE_STATIC);
        else
          {
            char *normal = mulu_date_normalize (s);
            if (normal == NULL)
              return mulu_import_fatal (im, error, key, _("“%s” is not a date; write it as YYYY-MM-DD, for example 2024-03-01."), s);
            mulu_import_warn (im, key, g_strdup_printf (_("Line %llu, field “%s”: the date “%s” was read as %s."),
                                            (unsigned long long) im->line, key, s, normal));
            sqlite3_bind_text (stmt, index, normal, -1, g_free);
          }
      }
      return TRUE;

    case MULU_FIELD_INT:
      if (mulu_import_is_value_of (node, G_TYPE_INT64))
        sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      else if (mulu_import_is_value_of (node, G_TYPE_DOUBLE))
        {
          double d = json_node_get_double (node);
          if (d != floor (d) || fabs (d) > 9e15)
            return mulu_import_fatal (im, error, key, _("%g is not a whole number; this field counts things."), d);
          sqlite3_bind_int64 (stmt, index, (gint64) d);
        }
      else
        return number_expected (im, error, key, node, TRUE);
      return TRUE;

    case MULU_FIELD_REAL:
      if (!is_number (node))
        return number_expected (im, error, key, node, FALSE);
      sqlite3_bind_double (stmt, index, json_node_get_double (node));
      return TRUE;

    case MULU_FIELD_BOOL:
      if (!mulu_import_is_value_of (node, G_TYPE_BOOLEAN))
        return mulu_import_fatal (im, error, key, _("expected true or false, found %s."), mulu_import_node_type_name (node));
      sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
      return TRUE;

    case MULU_FIELD_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return mulu_import_fatal (im, error, key, _("expected a list of text, found %s."), mulu_import_node_type_name (node));
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        for (guint i = 0; i < n; i++)
          if (!mulu_import_is_value_of (json_array_get_element (array, i), G_TYPE_STRING))
            return mulu_import_fatal (im, error, key, _("entry %u of the list is %s; every entry must be text."),
                          i + 1, mulu_import_node_type_name (json_array_get_element (array, i)));
        if (n == 0)
          sqlite3_bind_null (stmt, index);
        else
          sqlite3_bind_text (stmt, index, json_to_string (node, FALSE), -1, g_free);
      }
      return TRUE;

    case MULU_FIELD_REF:
      if (!mulu_import_is_value_of (node, G_TYPE_STRING))
        return mulu_import_fatal (im, error, key, _("expected the id of a %s as text, found %s."),
                      mulu_entity_get_label (f->ref), mulu_import_node_type_name (node));
      {
        const char *uid = json_node_get_string (node);
        gint64 id = lookup_ref (im, f->ref, uid);
        if (id == 0)
          return mulu_import_fatal (im, error, key,
                        _("refers to %s “%s”, which does not appear on an earlier line. Put the %s before the records that refer to it, or correct the id."),
                        mulu_entity_get_label (f->ref), uid, mulu_entity_get_label (f->ref));
        sqlite3_bind_int64 (stmt, index, id);
      }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
mulu_import_bind_group_member (Import          *im,
                   sqlite3_stmt    *stmt,
                   int              index,
                   const MuluField *f,
                   JsonNode        *group,
                   GError         **error)
{
  g_autofree char *key = NULL;
  JsonNode *member = NULL;

  if (group == NULL || JSON_NODE_HOLDS_NULL (group))
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  if (g_str_equal (f->group, "classification"))
    {
      JsonArray *a;
      if (!JSON_NODE_HOLDS_ARRAY (group))
        return mulu_import_fatal (im, error, f->group, _("expected a list such as [\"1\",\"03\",\"001\"], found %s."), mulu_import_node_type_name (group));
      a = json_node_get_array (group);
      if (f->sub == 0 && json_array_get_length (a) > 4)
        return mulu_import_fatal (im, error, f->group, _("has %u levels; a classification has at most four (类, 项, 目, 细目)."),
                      json_array_get_length (a));
      if ((guint) f->sub < json_array_get_length (a))
        member = json_array_get_element (a, (guint) f->sub);
      key = g_strdup_printf ("%s[%d]", f->group, f->sub);
    }
  else
    {
      JsonObject *o;
      if (!JSON_NODE_HOLDS_OBJECT (group))
        return mulu_import_fatal (im, error, f->group, _("expected an object of numbers, found %s."), mulu_import_node_type_name (group));
      o = json_node_get_object (group);
      member = json_object_get_member (o, f->key);
      key = g_strdup_printf ("%s.%s", f->group, f->key);
    }
  return mulu_import_bind_field (im, stmt, index, f, key, member, error);
}

gboolean
mulu_import_zombie_review (Import     *im,
                      gint64      system_id,
                      JsonNode   *node,
                      GError    **error)
{
  static const char * const keys[] = { "decision", "disposition", "planned_date", "note" };
  JsonObject *o;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return mulu_import_fatal (im, error, "zombie_review", _("expected an object, found %s."), mulu_import_node_type_name (node));
  o = json_node_get_object (node);

  sqlite3_reset (im->zombie_stmt);
  sqlite3_bind_int64 (im->zombie_stmt, 1, system_id);
  for (int i = 0; i < 4; i++)
    {
      JsonNode *m = json_object_get_member (o, keys[i]);
      g_autofree char *key = g_strconcat ("zombie_review.", keys[i], NULL);

      if (m == NULL || JSON_NODE_HOLDS_NULL (m))
        sqlite3_bind_null (im->zombie_stmt, i + 2);
      else if (!mulu_import_is_value_of (m, G_TYPE_STRING))
        return mulu_import_fatal (im, error, key, _("expected text, found %s."), mulu_import_node_type_name (m));
      else if (i == 0 && !g_str_equal (json_node_get_string (m), "confirmed") && !g_str_equal (json_node_get_string (m), "rejected"))
        return mulu_import_fatal (im, error, key, _("“%s” is not a decision; use \"confirmed\", \"rejected\" or null."), json_node_get_string (m));
      else if (i == 2 && !mulu_date_is_valid (json_node_get_string (m)))
        return mulu_import_fatal (im, error, key, _("“%s” is not a date; write it as YYYY-MM-DD, for example 2024-03-01."), json_node_get_string (m));
      else
        sqlite3_bind_text (im->zombie_stmt, i + 2, json_node_get_string (m), -1, SQLITE_STATIC);
    }
  if (sqlite3_step (im->zombie_stmt) != SQLITE_DONE)
    return mulu_catalog_sql_error (im->catalog, error);
  return TRUE;
}

gboolean
mulu_import_review (Import          *im,
               MuluEntity       entity,
               gint64           id,
               JsonNode        *node,
               GError         **error)
{
  static const char * const keys[] = { "state", "reviewer", "comment", "at" };
  static const char * const states[] = { "draft", "submitted", "approved", "returned" };
  JsonObject *o;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return mulu_import_fatal (im, error, "review", _("expected an object, found %s."), mulu_import_node_type_name (node));
  o = json_node_get_object (node);

  sqlite3_reset (im->review_stmt);
  sqlite3_bind_text (im->review_stmt, 1, mulu_entity_get_info (entity)->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (im->review_stmt, 2, id);
  for (int i = 0; i < 4; i++)
    {
      JsonNode *m = json_object_get_member (o, keys[i]);
      g_autofree char *key = g_strconcat ("review.", keys[i], NULL);

      if (m == NULL || JSON_NODE_HOLDS_NULL (m))
        {
          if (i == 0)
            return mulu_import_fatal (im, error, key, _("a review needs a state: draft, submitted, approved or returned."));
          sqlite3_bind_null (im->review_stmt, i + 3);
          continue;
        }
      if (!mulu_import_is_value_of (m, G_TYPE_STRING))
        return mulu_import_fatal (im, error, key, _("expected text, found %s."), mulu_import_node_type_name (m));
      if (i == 0 && !g_strv_contains (states, json_node_get_string (m)))
        return mulu_import_fatal (im, error, key, _("“%s” is not a review state; use draft, submitted, approved or returned."),
                      json_node_get_string (m));
      sqlite3_bind_text (im->review_stmt, i + 3, json_node_get_string (m), -1, SQLITE_STATIC);
    }
  if (sqlite3_step (im->review_stmt) != SQLITE_DONE)
    return mulu_catalog_sql_error (im->catalog, error);
  return TRUE;
}
