/* mulu-template.c — reading and checking a template
 *
 * Everything a template names is checked when it is loaded, so that a
 * province's template with a typo is refused with the name of what is
 * wrong before any workbook is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-template"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "mulu-error.h"
#include "mulu-template.h"

#define TEMPLATES_RESOURCE_PATH "/io/github/mulu/Mulu/templates/"

static const char * const builtin[] = { "national", "flat", NULL };
static const char * const zombie_sources[] = { "criteria", "reasons", "decision", "disposition", "planned_date", "note", NULL };
static const char * const render_names[] = { "", "text", "number", "date", "bool", "list", "label", "code-label", NULL };

char **
mulu_template_list_builtin (void)
{
  return g_strdupv ((char **) builtin);
}

static void
column_free (gpointer data)
{
  MuluTemplateColumn *c = data;

  g_free (c->header);
  g_free (c->source);
  g_free (c->zombie);
  g_free (c->codes);
  g_free (c);
}

static void
sheet_free (gpointer data)
{
  MuluTemplateSheet *s = data;

  g_free (s->name);
  g_strfreev (s->title);
  g_ptr_array_unref (s->columns);
  g_free (s);
}

void
mulu_template_free (MuluTemplate *tpl)
{
  if (tpl == NULL)
    return;
  g_free (tpl->id);
  g_free (tpl->title);
  g_free (tpl->version);
  g_strfreev (tpl->instructions);
  g_ptr_array_unref (tpl->sheets);
  g_free (tpl);
}

G_GNUC_PRINTF (3, 4)
static gboolean
refuse (GError    **error,
        const char *display,
        const char *format,
        ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID, _("The template %s cannot be used: %s"), display, what);
  return FALSE;
}

static char **
strv_member (JsonObject *o,
             const char *name)
{
  JsonArray *a = json_object_has_member (o, name) ? json_object_get_array_member (o, name) : NULL;
  GStrvBuilder *b = g_strv_builder_new ();
  char **v;

  for (guint i = 0; a && i < json_array_get_length (a); i++)
    if (JSON_NODE_HOLDS_VALUE (json_array_get_element (a, i)))
      g_strv_builder_add (b, json_array_get_string_element (a, i));
  v = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return v;
}

static gboolean
entity_from_name (const char *name,
                  MuluEntity *entity)
{
  const MuluEntityInfo *info = mulu_entity_from_kind (name);

  if (info == NULL)
    return FALSE;
  *entity = info->entity;
  return TRUE;
}

/* "name", "classification[1]", "volume.records" → field index. */
static int
find_source_field (MuluEntity  entity,
                   const char *key)
{
  const MuluEntityInfo *info = mulu_entity_get_info (entity);
  const char *bracket = strchr (key, '[');
  const char *dot = strchr (key, '.');

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MuluField *f = &info->fields[i];
      if (f->group == NULL && bracket == NULL && dot == NULL && g_str_equal (f->key, key))
        return (int) i;
      if (f->group && bracket && strncmp (key, f->group, (gsize) (bracket - key)) == 0 &&
          strlen (f->group) == (gsize) (bracket - key) && atoi (bracket + 1) == f->sub)
        return (int) i;
      if (f->group && dot && strncmp (key, f->group, (gsize) (dot - key)) == 0 &&
          strlen (f->group) == (gsize) (dot - key) && g_str_equal (dot + 1, f->key))
        return (int) i;
    }
  return -1;
}

static gboolean
parse_source (MuluTemplateColumn *c,
              MuluEntity          sheet_entity,
              const char         *display,
              const char         *sheet,
              GError            **error)
{
  const char *src = c->source;
  const char *dot;

  if (g_str_equal (src, "@row"))
    {
      c->source_kind = MULU_SOURCE_ROW;
      return TRUE;
    }
  if (g_str_has_prefix (src, "zombie."))
    {
      if (sheet_entity != MULU_ENTITY_SYSTEM || !g_strv_contains (zombie_sources, src + 7))
        return refuse (error, display, _("sheet “%s”, column “%s”: the source “%s” is not known (zombie sources belong to system sheets: zombie.criteria, zombie.reasons, zombie.decision, zombie.disposition, zombie.planned_date, zombie.note)."),
                       sheet, c->header, src);
      c->source_kind = MULU_SOURCE_ZOMBIE;
      c->zombie = g_strdup (src + 7);
      return TRUE;
    }

  c->source_kind = MULU_SOURCE_FIELD;
  c->entity = sheet_entity;
  dot = strchr (src, '.');
  if (dot)
    {
      g_autofree char *prefix = g_strndup (src, (gsize) (dot - src));
      MuluEntity related;

      /* "volume.records" is a field of the sheet's own entity. */
      if (find_source_field (sheet_entity, src) >= 0)
        ;
      else if (entity_from_name (prefix, &related) && related != MULU_ENTITY_ITEM &&
               (related == MULU_ENTITY_DEPARTMENT || related == MULU_ENTITY_SYSTEM || related == MULU_ENTITY_RESOURCE) &&
               related != sheet_entity)
        {
          c->entity = related;
          src = dot + 1;
        }
    }
  c->field = find_source_field (c->entity, src);
  if (c->field < 0)
    return refuse (error, display, _("sheet “%s”, column “%s”: “%s” is not a field of a %s."),
                   sheet, c->header, c->source, mulu_entity_get_label (c->entity));
  /* A resource's related department and system, an item's resource and
   * that resource's department: nothing further. */
  if (c->entity != sheet_entity &&
      !((sheet_entity == MULU_ENTITY_RESOURCE && (c->entity == MULU_ENTITY_DEPARTMENT || c->entity == MULU_ENTITY_SYSTEM)) ||
        (sheet_entity == MULU_ENTITY_SYSTEM && c->entity == MULU_ENTITY_DEPARTMENT) ||
        (sheet_entity == MULU_ENTITY_ITEM && (c->entity == MULU_ENTITY_RESOURCE || c->entity == MULU_ENTITY_DEPARTMENT || c->entity == MULU_ENTITY_SYSTEM))))
    return refuse (error, display, _("sheet “%s”, column “%s”: a %s sheet cannot show fields of a %s."),
                   sheet, c->header, mulu_entity_get_label (sheet_entity), mulu_entity_get_label (c->entity));
  return TRUE;
}

static gboolean
valid_sheet_name (const char *name)
{
  return name && *name && g_utf8_strlen (name, -1) <= 31 && strpbrk (name, "[]:*?/\\") == NULL &&
         name[0] != '\'' && name[strlen (name) - 1] != '\'';
}

MuluTemplate *
mulu_template_parse (const char *display,
                     const char *json,
                     gsize       length,
                     MuluCodes  *codes,
                     GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(MuluTemplate) tpl = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *sheets;

  if (!json_parser_load_from_data (parser, json, (gssize) length, &parse_error))
    {
      refuse (error, display, _("it is not valid JSON (%s)."), parse_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      refuse (error, display, _("it must be a JSON object with “id”, “title” and “sheets”."));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  tpl = g_new0 (MuluTemplate, 1);
  tpl->sheets = g_ptr_array_new_with_free_func (sheet_free);
  tpl->id = g_strdup (json_object_get_string_member_with_default (root, "id", "custom"));
  tpl->title = g_strdup (json_object_get_string_member_with_default (root, "title", ""));
  tpl->version = g_strdup (json_object_get_string_member_with_default (root, "version", ""));
  tpl->instructions = strv_member (root, "instructions");
  {
    const char *secret = json_object_get_string_member_with_default (root, "secret", "minimal");
    if (!g_str_equal (secret, "minimal") && !g_str_equal (secret, "omit"))
      {
        refuse (error, display, _("“secret” is “%s”; use “minimal” or “omit”."), secret);
        return NULL;
      }
    tpl->omit_secret = g_str_equal (secret, "omit");
  }

  sheets = json_object_has_member (root, "sheets") ? json_object_get_array_member (root, "sheets") : NULL;
  if (sheets == NULL || json_array_get_length (sheets) == 0)
    {
      refuse (error, display, _("it has no “sheets”."));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      JsonObject *so = json_array_get_object_element (sheets, i);
      MuluTemplateSheet *sheet;
      const char *kind, *name;
      JsonArray *columns;

      if (so == NULL)
        {
          refuse (error, display, _("sheet %u is not an object."), i + 1);
          return NULL;
        }
      name = json_object_get_string_member_with_default (so, "name", NULL);
      kind = json_object_get_string_member_with_default (so, "kind", "records");
      if (!valid_sheet_name (name))
        {
          refuse (error, display, _("sheet %u has the name “%s”; a sheet name has 1 to 31 characters and none of []:*?/\\."),
                  i + 1, name ? name : "");
          return NULL;
        }
      if (!g_hash_table_add (names, (gpointer) name))
        {
          refuse (error, display, _("two sheets are named “%s”."), name);
          return NULL;
        }

      sheet = g_new0 (MuluTemplateSheet, 1);
      sheet->columns = g_ptr_array_new_with_free_func (column_free);
      sheet->name = g_strdup (name);
      sheet->title = strv_member (so, "title");
      g_ptr_array_add (tpl->sheets, sheet);

      if (g_str_equal (kind, "instructions"))
        sheet->kind = MULU_SHEET_INSTRUCTIONS;
      else if (g_str_equal (kind, "issues"))
        sheet->kind = MULU_SHEET_ISSUES;
      else if (g_str_equal (kind, "summary"))
        sheet->kind = MULU_SHEET_SUMMARY;
      else if (g_str_equal (kind, "review"))
        sheet->kind = MULU_SHEET_REVIEW;
      else if (g_str_equal (kind, "records"))
        sheet->kind = MULU_SHEET_RECORDS;
      else
        {
          refuse (error, display, _("sheet “%s” has the kind “%s”; use instructions, records, issues or summary."), name, kind);
          return NULL;
        }
      if (sheet->kind != MULU_SHEET_RECORDS)
        continue;

      if (!entity_from_name (json_object_get_string_member_with_default (so, "entity", ""), &sheet->entity))
        {
          refuse (error, display, _("sheet “%s” needs an “entity”: department, system, resource or item."), name);
          return NULL;
        }
      {
        const char *filter = json_object_get_string_member_with_default (so, "filter", NULL);
        const char *layout = json_object_get_string_member_with_default (so, "layout", "rows");
        if (filter && !(g_str_equal (filter, "zombies") && sheet->entity == MULU_ENTITY_SYSTEM))
          {
            refuse (error, display, _("sheet “%s” has the filter “%s”; only system sheets take the filter “zombies”."), name, filter);
            return NULL;
          }
        sheet->zombies_only = filter != NULL;
        if (g_str_equal (layout, "resource-items") && sheet->entity == MULU_ENTITY_ITEM)
          sheet->resource_items = TRUE;
        else if (!g_str_equal (layout, "rows"))
          {
            refuse (error, display, _("sheet “%s” has the layout “%s”; use rows, or resource-items on an item sheet."), name, layout);
            return NULL;
          }
      }

      columns = json_object_has_member (so, "columns") ? json_object_get_array_member (so, "columns") : NULL;
      if (columns == NULL || json_array_get_length (columns) == 0)
        {
          refuse (error, display, _("sheet “%s” has no columns."), name);
          return NULL;
        }
      for (guint k = 0; k < json_array_get_length (columns); k++)
        {
          JsonObject *co = json_array_get_object_element (columns, k);
          MuluTemplateColumn *c;
          const char *render;

          if (co == NULL || !json_object_has_member (co, "header") || !json_object_has_member (co, "source"))
            {
              refuse (error, display, _("sheet “%s”, column %u needs a “header” and a “source”."), name, k + 1);
              return NULL;
            }
          c = g_new0 (MuluTemplateColumn, 1);
          g_ptr_array_add (sheet->columns, c);
          c->header = g_strdup (json_object_get_string_member (co, "header"));
          c->source = g_strdup (json_object_get_string_member (co, "source"));
          c->width = json_object_get_double_member_with_default (co, "width", 14);
          c->required = json_object_get_boolean_member_with_default (co, "required", FALSE);
          c->codes = g_strdup (json_object_get_string_member_with_default (co, "codes", NULL));
          render = json_object_get_string_member_with_default (co, "render", "");
          c->render = MULU_RENDER_DEFAULT;
          for (guint r = 1; render_names[r]; r++)
            if (g_str_equal (render, render_names[r]))
              c->render = r;
          if (*render && c->render == MULU_RENDER_DEFAULT)
            {
              refuse (error, display, _("sheet “%s”, column “%s”: the render “%s” is not known (text, number, date, bool, list, label, code-label)."),
                      name, c->header, render);
              return NULL;
            }
          if (c->codes && codes && !mulu_codes_has_table (codes, c->codes))
            {
              refuse (error, display, _("sheet “%s”, column “%s”: there is no code table “%s”."), name, c->header, c->codes);
              return NULL;
            }
          if ((c->render == MULU_RENDER_LABEL || c->render == MULU_RENDER_CODE_LABEL) && c->codes == NULL)
            {
              refuse (error, display, _("sheet “%s”, column “%s”: a label needs the column’s “codes”."), name, c->header);
              return NULL;
            }
          if (!parse_source (c, sheet->entity, display, name, error))
            return NULL;
        }
    }
  return g_steal_pointer (&tpl);
}

MuluTemplate *
mulu_template_load (const char *id_or_path,
                    MuluCodes  *codes,
                    GError    **error)
{
  g_return_val_if_fail (id_or_path != NULL, NULL);

  if (g_strv_contains (builtin, id_or_path))
    {
      g_autofree char *path = g_strconcat (TEMPLATES_RESOURCE_PATH, id_or_path, ".json", NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return NULL;
      return mulu_template_parse (id_or_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), codes, error);
    }
  else
    {
      g_autofree char *contents = NULL;
      g_autofree char *display = g_filename_display_name (id_or_path);
      g_autoptr(GError) local = NULL;
      gsize length;

      if (!g_file_get_contents (id_or_path, &contents, &length, &local))
        {
          g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND,
                       _("There is no template “%s”: use national, flat or the path of a template file (%s)."),
                       display, local->message);
          return NULL;
        }
      return mulu_template_parse (display, contents, length, codes, error);
    }
}
