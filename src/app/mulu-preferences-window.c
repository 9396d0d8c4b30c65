/* mulu-preferences-window.c
 *
 * Your name and the default template are this computer's (GSettings); the
 * zombie thresholds belong to the catalog, so that a reviewer who opens it
 * elsewhere sees the same systems suspected. A change to a threshold is
 * stored after a short pause (a spin button clicked five times is one
 * change, and one re-assessment of the catalog).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-preferences"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-preferences-window.h"

#define SAVE_DELAY_MS 500

struct _MuluPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  MuluCatalog          *catalog;
  guint                 save_id;
  gboolean              loading;
  GPtrArray            *rare_checks;   /* GtkCheckButton, "frequency" data */

  AdwPreferencesPage   *thresholds_page;
  AdwEntryRow          *user_name;
  AdwComboRow          *template;
  AdwActionRow         *language;
  AdwPreferencesGroup  *thresholds_group;
  AdwPreferencesGroup  *rare_group;
  GtkButton            *defaults;
  GtkSpinButton        *business_idle_months;
  GtkSpinButton        *login_idle_months;
  GtkSpinButton        *min_utilization;
  GtkSpinButton        *update_idle_months;
  GtkSpinButton        *max_users;
};

G_DEFINE_FINAL_TYPE (MuluPreferencesWindow, mulu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The templates Mulu ships; another value is a template file's path. */
static const char * const templates[] = { "national", "flat" };

/* — Your name ————————————————————————————————————————————————————————— */

static void
on_user_name_apply (MuluPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_name))));
  g_autofree char *stored = g_settings_get_string (self->settings, "user-name");

  if (self->loading || g_strcmp0 (name, stored) == 0)
    return;
  g_settings_set_string (self->settings, "user-name", name);
  /* From the next change on, the change log names them. */
  if (self->catalog && *name)
    mulu_catalog_set_user (self->catalog, name);
  if (*name)
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      /* Toasts are markup. */
      g_autofree char *msg = g_strdup_printf (_("Changes are now recorded as made by %s"), escaped);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (msg));
    }
}

/* — Template ——————————————————————————————————————————————————————————— */

static void
on_template_selected (MuluPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->template);

  if (self->loading || i >= G_N_ELEMENTS (templates))
    return;
  g_settings_set_string (self->settings, "default-template", templates[i]);
}

static void
load_template (MuluPreferencesWindow *self)
{
  g_autofree char *current = g_settings_get_string (self->settings, "default-template");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;
  gboolean known = FALSE;

  gtk_string_list_append (labels, _("National"));
  gtk_string_list_append (labels, _("Flat"));
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (current, templates[i]) == 0)
      {
        selected = i;
        known = TRUE;
      }
  if (!known && current && *current)
    {
      g_autofree char *base = g_path_get_basename (current);
      g_autofree char *label = g_strdup_printf (_("Template file %s"), base);

      gtk_string_list_append (labels, label);
      selected = G_N_ELEMENTS (templates);
    }
  adw_combo_row_set_model (self->template, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->template, selected);
}

/* — Thresholds ————————————————————————————————————————————————————————— */

static void
read_thresholds (MuluPreferencesWindow *self,
                 MuluZombieThresholds  *t)
{
  g_autoptr(GStrvBuilder) rare = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;

  t->business_idle_months = gtk_spin_button_get_value_as_int (self->business_idle_months);
  t->login_idle_months = gtk_spin_button_get_value_as_int (self->login_idle_months);
  t->min_utilization = gtk_spin_button_get_value (self->min_utilization);
  t->update_idle_months = gtk_spin_button_get_value_as_int (self->update_idle_months);
  t->max_users = gtk_spin_button_get_value_as_int (self->max_users);
  for (guint i = 0; i < self->rare_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->rare_checks, i);
      if (gtk_check_button_get_active (check))
        g_strv_builder_add (rare, g_object_get_data (G_OBJECT (check), "frequency"));
    }
  values = g_strv_builder_end (rare);
  t->rare_frequencies = g_strjoinv (",", values);
}

gboolean
mulu_preferences_window_flush (MuluPreferencesWindow *self,
                               GError               **error)
{
  MuluZombieThresholds now, stored;
  gboolean same, ok = TRUE;

  g_return_val_if_fail (MULU_IS_PREFERENCES_WINDOW (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->catalog == NULL || !mulu_catalog_is_open (self->catalog))
    return TRUE;
  read_thresholds (self, &now);
  mulu_zombie_thresholds_load (self->catalog, &stored);
  same = now.business_idle_months == stored.business_idle_months &&
         now.login_idle_months == stored.login_idle_months &&
         now.min_utilization == stored.min_utilization &&
         now.update_idle_months == stored.update_idle_months &&
         now.max_users == stored.max_users &&
         g_strcmp0 (now.rare_frequencies, stored.rare_frequencies) == 0;
  /* Re-assessing the whole catalog for nothing would also log nothing. */
  if (!same)
    ok = mulu_zombie_thresholds_save (self->catalog, &now, error);
  mulu_zombie_thresholds_clear (&now);
  mulu_zombie_thresholds_clear (&stored);
  return ok;
}

static gboolean
save_cb (gpointer data)
{
  MuluPreferencesWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->save_id = 0;
  if (!mulu_preferences_window_flush (self, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
    }
  return G_SOURCE_REMOVE;
}

static void
on_threshold_changed (MuluPreferencesWindow *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
show_thresholds (MuluPreferencesWindow      *self,
                 const MuluZombieThresholds *t)
{
  g_auto(GStrv) rare = g_strsplit (t->rare_frequencies ? t->rare_frequencies : "", ",", -1);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->business_idle_months, t->business_idle_months);
  gtk_spin_button_set_value (self->login_idle_months, t->login_idle_months);
  gtk_spin_button_set_value (self->min_utilization, t->min_utilization);
  gtk_spin_button_set_value (self->update_idle_months, t->update_idle_months);
  gtk_spin_button_set_value (self->max_users, t->max_users);
  for (guint i = 0; i < self->rare_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->rare_checks, i);
      gtk_check_button_set_active (check, g_strv_contains ((const char * const *) rare, g_object_get_data (G_OBJECT (check), "frequency")));
    }
  self->loading = FALSE;
}

static void
on_defaults_clicked (MuluPreferencesWindow *self)
{
  MuluZombieThresholds t;

  mulu_zombie_thresholds_defaults (&t);
  show_thresholds (self, &t);
  mulu_zombie_thresholds_clear (&t);
  on_threshold_changed (self);
}

/* One check per usage frequency of the catalog's code table. */
static void
add_frequencies (MuluPreferencesWindow *self)
{
  g_autoptr(MuluCodes) builtin = NULL;
  MuluCodes *codes = self->catalog ? mulu_catalog_get_codes (self->catalog) : NULL;
  GPtrArray *values;

  if (codes == NULL)
    codes = builtin = mulu_codes_new_builtin (NULL);
  values = codes ? mulu_codes_list (codes, "usage_frequency", NULL) : NULL;
  for (guint i = 0; values && i < values->len; i++)
    {
      const MuluCodeEntry *entry = g_ptr_array_index (values, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *a11y = g_strdup_printf (_("Rarely used: %s"), entry->label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->label);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "frequency", g_strdup (entry->value), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_threshold_changed), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->rare_group, row);
      g_ptr_array_add (self->rare_checks, check);
    }
}

static void
load_thresholds (MuluPreferencesWindow *self)
{
  MuluZombieThresholds t;
  gboolean open = self->catalog && mulu_catalog_is_open (self->catalog);

  if (open)
    mulu_zombie_thresholds_load (self->catalog, &t);
  else
    mulu_zombie_thresholds_defaults (&t);
  show_thresholds (self, &t);
  mulu_zombie_thresholds_clear (&t);

  gtk_widget_set_sensitive (GTK_WIDGET (self->thresholds_group), open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rare_group), open);
  if (open)
    {
      g_autofree char *base = g_path_get_basename (mulu_catalog_get_path (self->catalog));
      g_autofree char *text = g_strdup_printf (_("Stored in the catalog %s, so a reviewer who opens it elsewhere sees the same systems suspected. "
                                                 "A system meeting any criterion is suspected; you confirm or reject it in step 5."), base);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      adw_preferences_group_set_description (self->thresholds_group, escaped);
    }
  else
    adw_preferences_group_set_description (self->thresholds_group,
                                           _("The thresholds are stored in each catalog. Open a catalog to change its thresholds."));
}

/* — Public ———————————————————————————————————————————————————————————— */

void
mulu_preferences_window_show_thresholds (MuluPreferencesWindow *self)
{
  g_return_if_fail (MULU_IS_PREFERENCES_WINDOW (self));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->thresholds_page));
}

GtkWidget *
mulu_preferences_window_get_control (MuluPreferencesWindow *self,
                                     const char            *name)
{
  g_return_val_if_fail (MULU_IS_PREFERENCES_WINDOW (self), NULL);

  if (g_str_equal (name, "user-name"))
    return GTK_WIDGET (self->user_name);
  if (g_str_equal (name, "template"))
    return GTK_WIDGET (self->template);
  if (g_str_equal (name, "business_idle_months"))
    return GTK_WIDGET (self->business_idle_months);
  if (g_str_equal (name, "login_idle_months"))
    return GTK_WIDGET (self->login_idle_months);
  if (g_str_equal (name, "min_utilization"))
    return GTK_WIDGET (self->min_utilization);
  if (g_str_equal (name, "update_idle_months"))
    return GTK_WIDGET (self->update_idle_months);
  if (g_str_equal (name, "max_users"))
    return GTK_WIDGET (self->max_users);
  if (g_str_equal (name, "defaults"))
    return GTK_WIDGET (self->defaults);
  if (g_str_has_prefix (name, "rare:"))
    for (guint i = 0; i < self->rare_checks->len; i++)
      {
        GtkWidget *check = g_ptr_array_index (self->rare_checks, i);
        if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "frequency"), name + 5) == 0)
          return check;
      }
  return NULL;
}

/* — GObject ——————————————————————————————————————————————————————————— */

/* Closing right after a change keeps it. */
static gboolean
mulu_preferences_window_close_request (GtkWindow *window)
{
  MuluPreferencesWindow *self = MULU_PREFERENCES_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (!mulu_preferences_window_flush (self, &error))
    g_warning ("The zombie thresholds could not be stored: %s", error->message);
  on_user_name_apply (self);
  return GTK_WINDOW_CLASS (mulu_preferences_window_parent_class)->close_request (window);
}

static void
mulu_preferences_window_dispose (GObject *object)
{
  MuluPreferencesWindow *self = MULU_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (mulu_preferences_window_parent_class)->dispose (object);
}

static void
mulu_preferences_window_finalize (GObject *object)
{
  MuluPreferencesWindow *self = MULU_PREFERENCES_WINDOW (object);

  g_ptr_array_unref (self->rare_checks);
  G_OBJECT_CLASS (mulu_preferences_window_parent_class)->finalize (object);
}

static void
mulu_preferences_window_class_init (MuluPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mulu_preferences_window_dispose;
  object_class->finalize = mulu_preferences_window_finalize;
  window_class->close_request = mulu_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, thresholds_page);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, user_name);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, template);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, language);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, thresholds_group);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, rare_group);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, defaults);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, business_idle_months);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, login_idle_months);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, min_utilization);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, update_idle_months);
  gtk_widget_class_bind_template_child (widget_class, MuluPreferencesWindow, max_users);
  gtk_widget_class_bind_template_callback (widget_class, on_user_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_threshold_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_defaults_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mulu_preferences_window_init (MuluPreferencesWindow *self)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *language = NULL;

  self->rare_checks = g_ptr_array_new ();
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;

  language = g_strdup_printf (_("Now %s. To use another language, change the system’s language (or LANGUAGE) and start Mulu again."),
                              languages && languages[0] ? languages[0] : "C");
  adw_action_row_set_subtitle (self->language, language);
}

MuluPreferencesWindow *
mulu_preferences_window_new (GtkWindow   *parent,
                             GSettings   *settings,
                             MuluCatalog *catalog)
{
  MuluPreferencesWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (catalog == NULL || MULU_IS_CATALOG (catalog), NULL);

  self = g_object_new (MULU_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  self->catalog = catalog ? g_object_ref (catalog) : NULL;

  self->loading = TRUE;
  name = g_settings_get_string (settings, "user-name");
  gtk_editable_set_text (GTK_EDITABLE (self->user_name), name);
  load_template (self);
  self->loading = FALSE;
  add_frequencies (self);
  load_thresholds (self);
  return self;
}
