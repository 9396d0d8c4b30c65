/* mulu-records-page.c — a lazy list of records beside the record's editor
 *
 * The list is the core's MuluRecordList (rows read from SQLite a page at a
 * time), searched and sorted in SQL; a GtkSortListModel would read every
 * row to sort them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-records-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-items-table.h"
#include "mulu-record-editor.h"
#include "mulu-records-page.h"
#include "mulu-columns.h"
#include "mulu-step-page.h"

struct _MuluRecordsPage
{
  AdwBin              parent_instance;

  MuluEntity          entity;
  MuluCatalog        *catalog;
  MuluHistory        *history;
  MuluRecordList     *list;
  GtkSingleSelection *selection;

  GtkStack           *stack;
  AdwStatusPage      *empty;
  GtkButton          *empty_add;
  GtkSearchEntry     *search;
  GtkDropDown        *sort;
  GtkColumnView      *view;
  GtkButton          *add;
  GtkButton          *remove;
  GtkBox             *detail;
  AdwViewStack       *detail_stack;
  GtkWidget          *review_note;
  GtkLabel           *review_label;
  AdwViewSwitcher    *detail_switcher;
  GtkScrolledWindow  *editor_scroller;
  MuluRecordEditor   *editor;
  MuluItemsTable     *items;
  AdwStatusPage      *no_selection;
  GtkStack           *detail_or_hint;
};

static void mulu_records_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluRecordsPage, mulu_records_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_records_page_step_page_init))

enum { PROP_0, PROP_ENTITY, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The columns of the list: a field of the record, shown as text. */
typedef struct { const char *property; const char *title; int width; } Column;

static const Column system_columns[] = {
  { "name", N_("System name"), 260 },
  { "usage-scope", N_("Usage scope"), 110 },
  { "status", N_("Status"), 80 },
};
static const Column resource_columns[] = {
  { "name", N_("Resource name"), 240 },
  { "code", N_("Resource code"), 120 },
  { "share-type", N_("Sharing type"), 100 },
  { "open-type", N_("Open to the public"), 90 },
};

/* Sort choices offered in the dropdown, by field key; NULL = as entered. */
static const char * const system_sorts[] = { NULL, "name", "status", "usage_scope", NULL };
static const char * const resource_sorts[] = { NULL, "name", "code", "share_type", NULL };

static const Column *
columns_for (MuluEntity entity,
             guint     *n)
{
  if (entity == MULU_ENTITY_SYSTEM)
    {
      *n = G_N_ELEMENTS (system_columns);
      return system_columns;
    }
  *n = G_N_ELEMENTS (resource_columns);
  return resource_columns;
}

static gint64
selected_id (MuluRecordsPage *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);

  return self->list && pos != GTK_INVALID_LIST_POSITION ? mulu_record_list_get_id_at (self->list, pos) : 0;
}

static void
update_state (MuluRecordsPage *self)
{
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gboolean searching = g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search)), "") != 0;
  gint64 id = selected_id (self);

  gtk_stack_set_visible_child_name (self->stack, n > 0 || searching ? "list" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove), id > 0);
  gtk_stack_set_visible_child_name (self->detail_or_hint, id > 0 ? "detail" : "hint");
}

/* A record the reviewer returned shows the comment above its fields until
 * it is approved, so the clerk sees what to fix where they fix it. */
static void
update_review_note (MuluRecordsPage *self,
                    gint64           id)
{
  g_autoptr(MuluReview) review = NULL;
  g_autofree char *text = NULL;

  if (self->catalog && id > 0)
    review = mulu_review_get (self->catalog, self->entity, id, NULL);
  if (review == NULL || review->comment == NULL || review->state == MULU_REVIEW_APPROVED)
    {
      gtk_widget_set_visible (self->review_note, FALSE);
      return;
    }
  text = g_strdup_printf (_("%s (%s): %s"), mulu_review_state_get_label (review->state),
                          review->reviewer ? review->reviewer : _("reviewer"), review->comment);
  gtk_label_set_text (self->review_label, text);
  gtk_widget_set_visible (self->review_note, TRUE);
}

/* The items table makes a row of widgets (dropdowns among them) for every
 * item GTK 4.8's list view keeps around, about 200 of them, whether or not
 * the table is on screen: filling it for each resource chosen while the
 * details tab shows made every selection in the list pay for a table nobody
 * looked at. So it follows the selection only while its tab shows. */
static void
sync_items (MuluRecordsPage *self)
{
  if (self->items &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->detail_stack), "items") == 0)
    mulu_items_table_set_resource_id (self->items, selected_id (self));
}

/* The editor fills every dropdown of references when it is given a record:
 * a system's "replaced by" lists every other system, 10,000 of them at the
 * size issue #5 asks for, which cost each opening of a catalog a third of a
 * second for a step not on screen. The editor of a page not shown follows
 * the selection when the page is mapped. */
static void
sync_editor (MuluRecordsPage *self)
{
  gint64 id = selected_id (self);

  update_review_note (self, id);
  if (mulu_record_editor_get_record_id (self->editor) != id)
    mulu_record_editor_set_record_id (self->editor, id);
}

static void
on_selection_changed (MuluRecordsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sync_editor (self);
  sync_items (self);
  update_state (self);
}

static void
mulu_records_page_map (GtkWidget *widget)
{
  /* Before the children are mapped: the editor's rows are made unmapped. */
  sync_editor (MULU_RECORDS_PAGE (widget));
  GTK_WIDGET_CLASS (mulu_records_page_parent_class)->map (widget);
}

static void
on_items_changed (MuluRecordsPage *self)
{
  update_state (self);
}

static void
on_search_changed (MuluRecordsPage *self)
{
  if (self->list)
    mulu_record_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
on_sort_changed (MuluRecordsPage *self)
{
  const char * const *sorts = self->entity == MULU_ENTITY_SYSTEM ? system_sorts : resource_sorts;
  guint i = gtk_drop_down_get_selected (self->sort);
  int field = -1;

  if (self->list == NULL)
    return;
  if (i < 4 && sorts[i])
    field = mulu_entity_find_field (self->entity, sorts[i]);
  mulu_record_list_set_sort (self->list, field, FALSE);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(); its inner list view answers
 * the "list.scroll-to-item" action. */
static void
scroll_to (GtkColumnView *view,
           guint          pos)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", pos);
        return;
      }
}

void
mulu_records_page_select (MuluRecordsPage *self,
                          gint64           id,
                          const char      *field)
{
  guint pos;

  g_return_if_fail (MULU_IS_RECORDS_PAGE (self));

  if (self->list == NULL || (pos = mulu_record_list_find (self->list, id)) == G_MAXUINT)
    {
      /* Hidden by the search: show everything and try again. */
      gtk_editable_set_text (GTK_EDITABLE (self->search), "");
      if (self->list == NULL || (pos = mulu_record_list_find (self->list, id)) == G_MAXUINT)
        return;
    }
  gtk_single_selection_set_selected (self->selection, pos);
  scroll_to (self->view, pos);
  if (field)
    mulu_record_editor_focus_field (self->editor, field);
}

static gint64
first_department (MuluRecordsPage *self)
{
  g_autoptr(MuluRecordList) depts = mulu_record_list_new (self->catalog, MULU_ENTITY_DEPARTMENT);

  return mulu_record_list_get_id_at (depts, 0);
}

void
mulu_records_page_add_record (MuluRecordsPage *self)
{
  g_autoptr(MuluRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 dept;

  g_return_if_fail (MULU_IS_RECORDS_PAGE (self));
  if (self->catalog == NULL || (dept = first_department (self)) == 0)
    return;

  record = mulu_record_new (self->entity);
  if (self->entity == MULU_ENTITY_SYSTEM)
    mulu_record_set_int (record, MULU_SYSTEM_DEPARTMENT, dept);
  else
    {
      gint64 system = 0;
      /* A new resource joins the system of the one selected, if any. */
      if (selected_id (self) > 0)
        {
          g_autoptr(MuluRecord) current = mulu_catalog_get (self->catalog, self->entity, selected_id (self), NULL);
          if (current)
            system = mulu_record_get_int (current, MULU_RESOURCE_SYSTEM);
        }
      mulu_record_set_int (record, MULU_RESOURCE_DEPARTMENT, dept);
      if (system > 0)
        mulu_record_set_int (record, MULU_RESOURCE_SYSTEM, system);
      mulu_record_set_string (record, MULU_RESOURCE_SECRECY, "非涉密");
    }
  if (!mulu_history_add (self->history, record, &error))
    {
      g_warning ("Cannot add: %s", error->message);
      return;
    }
  mulu_records_page_select (self, mulu_record_get_id (record), "name");
}

void
mulu_records_page_delete_selected (MuluRecordsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) record = NULL;
  gint64 id = selected_id (self);
  GtkWidget *overlay;

  if (id <= 0 || (record = mulu_catalog_get (self->catalog, self->entity, id, NULL)) == NULL)
    return;
  if (!mulu_history_delete (self->history, self->entity, id, &error))
    {
      g_warning ("Cannot delete: %s", error->message);
      return;
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” deleted"), mulu_record_get_name (record) ? mulu_record_get_name (record) : _("Untitled"));
      AdwToast *toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

void
mulu_records_page_focus_search (MuluRecordsPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
on_add_clicked (MuluRecordsPage *self)
{
  mulu_records_page_add_record (self);
}

static void
on_remove_clicked (MuluRecordsPage *self)
{
  mulu_records_page_delete_selected (self);
}

static gboolean
on_view_key_pressed (MuluRecordsPage       *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    {
      mulu_records_page_delete_selected (self);
      return TRUE;
    }
  return FALSE;
}

static void
on_view_activate (MuluRecordsPage *self,
                  guint            position)
{
  mulu_record_editor_focus_field (self->editor, "name");
}

void
mulu_records_page_set_document (MuluRecordsPage *self,
                                MuluCatalog     *catalog,
                                MuluHistory     *history)
{
  g_return_if_fail (MULU_IS_RECORDS_PAGE (self));

  if (self->list)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->history, history);
  g_clear_object (&self->list);

  if (catalog)
    {
      self->list = mulu_record_list_new (catalog, self->entity);
      g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (on_items_changed), self);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  mulu_record_editor_set_catalog (self->editor, catalog);
  mulu_record_editor_set_history (self->editor, history);
  if (self->items)
    {
      /* Not the old catalog's resource id in the new catalog, even unseen. */
      mulu_items_table_set_resource_id (self->items, 0);
      mulu_items_table_set_catalog (self->items, catalog);
      mulu_items_table_set_history (self->items, history);
    }
  on_search_changed (self);
  on_sort_changed (self);
  on_selection_changed (self);
}

/* Scrolled windows bind Ctrl+Page Up/Down themselves (sideways scrolling),
 * so the tab keys are caught on the way down, before they reach one. */
static void
add_tab_shortcuts (MuluRecordsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { guint key; const char *tab; } tabs[] = {
    { GDK_KEY_Page_Down, "items" },
    { GDK_KEY_Page_Up, "fields" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (tabs[i].key, GDK_CONTROL_MASK),
                                                gtk_named_action_new ("records.show-tab"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (tabs[i].tab));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
mulu_records_page_constructed (GObject *object)
{
  MuluRecordsPage *self = MULU_RECORDS_PAGE (object);
  gboolean systems = self->entity == MULU_ENTITY_SYSTEM;
  g_autoptr(GtkStringList) sorts = NULL;
  const Column *columns;
  guint n;

  G_OBJECT_CLASS (mulu_records_page_parent_class)->constructed (object);

  columns = columns_for (self->entity, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = mulu_text_column_new (self->entity, columns[i].property,
                                                                    _(columns[i].title), columns[i].width);
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_append_column (self->view, column);
    }

  sorts = systems ? gtk_string_list_new ((const char *[]) { _("As entered"), _("By name"), _("By status"), _("By usage scope"), NULL })
                  : gtk_string_list_new ((const char *[]) { _("As entered"), _("By name"), _("By code"), _("By sharing type"), NULL });
  gtk_drop_down_set_model (self->sort, G_LIST_MODEL (sorts));

  self->editor = MULU_RECORD_EDITOR (mulu_record_editor_new (self->entity));
  gtk_scrolled_window_set_child (self->editor_scroller, GTK_WIDGET (self->editor));

  if (systems)
    {
      adw_status_page_set_title (self->empty, _("No information systems yet"));
      adw_status_page_set_description (self->empty,
        _("List every information system of the department: what it is called, what it does, who uses it and how often, who approved it and where the money came from. The census asks for each of them."));
      gtk_button_set_label (self->empty_add, _("_Add the First System"));
      adw_status_page_set_description (self->no_selection, _("Choose a system in the list to fill in its details, or add one."));
      gtk_widget_set_visible (GTK_WIDGET (self->detail_switcher), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->search), "");
      g_object_set (self->search, "placeholder-text", _("Search systems"), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Information systems"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add system"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete system"), -1);
    }
  else
    {
      AdwViewStackPage *page;

      adw_status_page_set_title (self->empty, _("No information resources yet"));
      adw_status_page_set_description (self->empty,
        _("Catalog the information each system holds: one entry per resource, with its classification, format, sharing type, open attribute and its data items. Data items can be pasted straight from Excel or WPS."));
      gtk_button_set_label (self->empty_add, _("_Add the First Resource"));
      adw_status_page_set_description (self->no_selection, _("Choose a resource in the list to fill in its details and data items, or add one."));
      g_object_set (self->search, "placeholder-text", _("Search resources by name or code"), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Information resources"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add resource"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete resource"), -1);

      /* The table scrolls by itself. */
      self->items = MULU_ITEMS_TABLE (mulu_items_table_new ());
      page = adw_view_stack_add_titled (self->detail_stack, GTK_WIDGET (self->items), "items", _("Data Items"));
      adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
      g_signal_connect_object (self->detail_stack, "notify::visible-child-name", G_CALLBACK (sync_items), self, G_CONNECT_SWAPPED);
      add_tab_shortcuts (self);
    }
}

static void
mulu_records_page_dispose (GObject *object)
{
  MuluRecordsPage *self = MULU_RECORDS_PAGE (object);

  if (self->list)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_object (&self->catalog);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_RECORDS_PAGE);

  G_OBJECT_CLASS (mulu_records_page_parent_class)->dispose (object);
}

static void
mulu_records_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MuluRecordsPage *self = MULU_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      self->entity = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_records_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MuluRecordsPage *self = MULU_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      g_value_set_uint (value, self->entity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Ctrl+Page Down / Page Up move between a resource's details and its
 * data items without the mouse; the items table takes the keyboard so that
 * Ctrl+V pastes at once. */
static void
show_tab_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  MuluRecordsPage *self = MULU_RECORDS_PAGE (widget);
  const char *tab = g_variant_get_string (param, NULL);

  if (self->items == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->detail_stack)))
    return;
  adw_view_stack_set_visible_child_name (self->detail_stack, tab);
  if (g_str_equal (tab, "items"))
    gtk_widget_grab_focus (GTK_WIDGET (self->items));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->editor_scroller), GTK_DIR_TAB_FORWARD);
}

static void
mulu_records_page_class_init (MuluRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mulu_records_page_constructed;
  object_class->dispose = mulu_records_page_dispose;
  object_class->set_property = mulu_records_page_set_property;
  object_class->get_property = mulu_records_page_get_property;
  widget_class->map = mulu_records_page_map;

  properties[PROP_ENTITY] = g_param_spec_uint ("entity", NULL, NULL, 0, MULU_N_ENTITIES - 1, MULU_ENTITY_SYSTEM,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MULU_TYPE_RECORD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, empty);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, empty_add);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, search);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, sort);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, view);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, add);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, remove);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, review_note);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, detail_switcher);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, no_selection);
  gtk_widget_class_bind_template_child (widget_class, MuluRecordsPage, detail_or_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_view_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_activate);

  gtk_widget_class_install_action (widget_class, "records.show-tab", "s", show_tab_activated);
}

static void
mulu_records_page_init (MuluRecordsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mulu_records_page_new (MuluEntity entity)
{
  return g_object_new (MULU_TYPE_RECORDS_PAGE, "entity", entity, NULL);
}

MuluEntity
mulu_records_page_get_entity (MuluRecordsPage *self)
{
  return self->entity;
}

static void
mulu_records_page_step_page_set_document (MuluStepPage *page,
                                           MuluCatalog  *catalog,
                                           MuluHistory  *history)
{
  mulu_records_page_set_document (MULU_RECORDS_PAGE (page), catalog, history);
}

static void
mulu_records_page_step_page_init (MuluStepPageInterface *iface)
{
  iface->set_document = mulu_records_page_step_page_set_document;
}
