/* mulu-paste-dialog.c — shown when pasted rows cannot be read for certain
 *
 * The items table adds a pasted block at once when every column is clear
 * and every cell readable. Otherwise this shows the first rows as they were
 * pasted, with what each column was taken to hold; the clerk corrects the
 * columns and adds, or cancels. "confirmed" is emitted on Add, with the
 * result read again as the clerk chose, and the dialog closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-paste-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-paste-dialog.h"

#define PREVIEW_ROWS 8
#define MAX_PROBLEMS 50

struct _MuluPasteDialog
{
  AdwWindow       parent_instance;

  MuluTsvResult  *result;
  MuluCodes      *codes;
  GPtrArray      *role_dropdowns;  /* GtkDropDown *, one per column */
  GPtrArray      *first_row_labels;
  guint           updating;

  GtkLabel       *reason_label;
  GtkCheckButton *header_check;
  GtkGrid        *preview_grid;
  GtkLabel       *summary_label;
  GtkWidget      *problems_box;
  GtkWidget      *problem_list;
  GtkWidget      *add_button;
  GtkWidget      *cancel_button;
};

G_DEFINE_FINAL_TYPE (MuluPasteDialog, mulu_paste_dialog, ADW_TYPE_WINDOW)

enum { CONFIRMED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The order of the choices in each column's dropdown. */
static const MuluTsvRole role_order[] = {
  MULU_TSV_ROLE_NAME, MULU_TSV_ROLE_DATA_TYPE, MULU_TSV_ROLE_LENGTH, MULU_TSV_ROLE_SHARE_TYPE,
  MULU_TSV_ROLE_OPEN_TYPE, MULU_TSV_ROLE_REMARKS, MULU_TSV_ROLE_IGNORE,
};

static guint
role_index (MuluTsvRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_order); i++)
    if (role_order[i] == role)
      return i;
  g_assert_not_reached ();
  return 0;
}

static void
show_result (MuluPasteDialog *self)
{
  MuluTsvResult *result = self->result;
  GtkWidget *child;
  guint n = result->rows->len;
  g_autofree char *summary = NULL;

  for (guint c = 0; c < result->n_columns; c++)
    {
      GtkWidget *label = g_ptr_array_index (self->first_row_labels, c);
      if (result->has_header)
        gtk_widget_add_css_class (label, "dim-label");
      else
        gtk_widget_remove_css_class (label, "dim-label");
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u data item will be added.",
                                          "%u data items will be added.", n), n);
  gtk_label_set_label (self->summary_label, summary);

  while ((child = gtk_widget_get_first_child (self->problem_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->problem_list), child);
  for (guint i = 0; i < result->problems->len && i < MAX_PROBLEMS; i++)
    {
      const MuluTsvProblem *problem = g_ptr_array_index (result->problems, i);
      GtkWidget *label = gtk_label_new (problem->message);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (self->problem_list), label);
    }
  if (result->problems->len > MAX_PROBLEMS)
    {
      guint more = result->problems->len - MAX_PROBLEMS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more problem.",
                                                            "… and %u more problems.", more), more);
      gtk_box_append (GTK_BOX (self->problem_list), gtk_label_new (text));
    }
  gtk_widget_set_visible (self->problems_box, result->problems->len > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paste.add", n > 0);
}

static void
remap (MuluPasteDialog *self)
{
  g_autofree MuluTsvRole *roles = g_new (MuluTsvRole, self->result->n_columns);

  for (guint c = 0; c < self->result->n_columns; c++)
    roles[c] = role_order[gtk_drop_down_get_selected (g_ptr_array_index (self->role_dropdowns, c))];
  mulu_tsv_result_remap (self->result, roles, gtk_check_button_get_active (self->header_check), self->codes);
  show_result (self);
}

static void
on_role_selected (GtkDropDown     *dropdown,
                  GParamSpec      *pspec,
                  MuluPasteDialog *self)
{
  MuluTsvRole role;

  if (self->updating)
    return;
  role = role_order[gtk_drop_down_get_selected (dropdown)];

  /* One column per role: the column that held it before gives it up. */
  self->updating++;
  if (role != MULU_TSV_ROLE_IGNORE)
    for (guint c = 0; c < self->role_dropdowns->len; c++)
      {
        GtkDropDown *other = g_ptr_array_index (self->role_dropdowns, c);
        if (other != dropdown && role_order[gtk_drop_down_get_selected (other)] == role)
          gtk_drop_down_set_selected (other, role_index (MULU_TSV_ROLE_IGNORE));
      }
  self->updating--;
  remap (self);
}

static void
on_header_toggled (GtkCheckButton  *check,
                   GParamSpec      *pspec,
                   MuluPasteDialog *self)
{
  if (!self->updating)
    remap (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MuluPasteDialog *self = MULU_PASTE_DIALOG (widget);

  if (self->result->rows->len == 0)
    return;
  g_object_ref (self);
  g_signal_emit (self, signals[CONFIRMED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
build_preview (MuluPasteDialog *self)
{
  MuluTsvResult *result = self->result;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_order); i++)
    gtk_string_list_append (choices, mulu_tsv_role_get_label (role_order[i]));

  for (guint c = 0; c < result->n_columns; c++)
    {
      GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
      g_autofree char *name = g_strdup_printf (_("Contents of column %u"), c + 1);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), role_index (result->roles[c]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (dropdown, name);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_role_selected), self);
      gtk_grid_attach (self->preview_grid, dropdown, c, 0, 1, 1);
      g_ptr_array_add (self->role_dropdowns, dropdown);
    }

  for (guint r = 0; r < result->cells->len && r < PREVIEW_ROWS; r++)
    {
      char **cells = g_ptr_array_index (result->cells, r);

      for (guint c = 0; c < result->n_columns; c++)
        {
          /* A cell's line breaks would make rows of the preview uneven. */
          g_autofree char *text = g_strdelimit (g_strdup (cells[c]), "\r\n\t", ' ');
          GtkWidget *label = gtk_label_new (text);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
          gtk_label_set_width_chars (GTK_LABEL (label), 6);
          gtk_widget_set_tooltip_text (label, cells[c]);
          gtk_grid_attach (self->preview_grid, label, c, r + 1, 1, 1);
          if (r == 0)
            g_ptr_array_add (self->first_row_labels, label);
        }
    }
  if (result->cells->len > PREVIEW_ROWS)
    {
      guint more = result->cells->len - PREVIEW_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more row",
                                                            "… and %u more rows", more), more);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->preview_grid, label, 0, PREVIEW_ROWS + 1, MAX (result->n_columns, 1), 1);
    }
}

static void
mulu_paste_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MULU_TYPE_PASTE_DIALOG);

  G_OBJECT_CLASS (mulu_paste_dialog_parent_class)->dispose (object);
}

static void
mulu_paste_dialog_finalize (GObject *object)
{
  MuluPasteDialog *self = MULU_PASTE_DIALOG (object);

  g_clear_pointer (&self->result, mulu_tsv_result_free);
  g_clear_object (&self->codes);
  g_clear_pointer (&self->role_dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->first_row_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (mulu_paste_dialog_parent_class)->finalize (object);
}

static void
mulu_paste_dialog_class_init (MuluPasteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mulu_paste_dialog_dispose;
  object_class->finalize = mulu_paste_dialog_finalize;

  /**
   * MuluPasteDialog::confirmed:
   *
   * The clerk chose Add; mulu_paste_dialog_get_result() holds the rows.
   */
  signals[CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-paste-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluPasteDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, MuluPasteDialog, header_check);
  gtk_widget_class_bind_template_child (widget_class, MuluPasteDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, MuluPasteDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MuluPasteDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, MuluPasteDialog, problem_list);
  gtk_widget_class_bind_template_child (widget_class, MuluPasteDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, MuluPasteDialog, cancel_button);

  gtk_widget_class_install_action (widget_class, "paste.add", NULL, add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mulu_paste_dialog_init (MuluPasteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->role_dropdowns = g_ptr_array_new ();
  self->first_row_labels = g_ptr_array_new ();
  g_signal_connect (self->header_check, "notify::active", G_CALLBACK (on_header_toggled), self);
}

/**
 * mulu_paste_dialog_new:
 * @result: (transfer full): the pasted rows as first read
 * @codes: the catalog's code tables
 */
MuluPasteDialog *
mulu_paste_dialog_new (MuluTsvResult *result,
                       MuluCodes     *codes)
{
  MuluPasteDialog *self;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (MULU_IS_CODES (codes), NULL);

  self = g_object_new (MULU_TYPE_PASTE_DIALOG, NULL);
  self->result = result;
  self->codes = g_object_ref (codes);

  if (result->ambiguous_reason)
    gtk_label_set_label (self->reason_label, result->ambiguous_reason);
  else
    gtk_label_set_label (self->reason_label, _("Some cells cannot be read; check them before the rows are added."));

  self->updating++;
  gtk_check_button_set_active (self->header_check, result->has_header);
  self->updating--;
  build_preview (self);
  show_result (self);
  return self;
}

/* The rows as the clerk's choice of columns reads them. */
MuluTsvResult *
mulu_paste_dialog_get_result (MuluPasteDialog *self)
{
  g_return_val_if_fail (MULU_IS_PASTE_DIALOG (self), NULL);
  return self->result;
}

MuluTsvRole
mulu_paste_dialog_get_role (MuluPasteDialog *self,
                            guint            column)
{
  g_return_val_if_fail (MULU_IS_PASTE_DIALOG (self), MULU_TSV_ROLE_IGNORE);
  g_return_val_if_fail (column < self->role_dropdowns->len, MULU_TSV_ROLE_IGNORE);

  return role_order[gtk_drop_down_get_selected (g_ptr_array_index (self->role_dropdowns, column))];
}

/* As if the clerk had chosen @role in the column's dropdown. */
void
mulu_paste_dialog_set_role (MuluPasteDialog *self,
                            guint            column,
                            MuluTsvRole      role)
{
  g_return_if_fail (MULU_IS_PASTE_DIALOG (self));
  g_return_if_fail (column < self->role_dropdowns->len);
  g_return_if_fail (role < MULU_TSV_N_ROLES);

  gtk_drop_down_set_selected (g_ptr_array_index (self->role_dropdowns, column), role_index (role));
}

void
mulu_paste_dialog_set_has_header (MuluPasteDialog *self,
                                  gboolean         has_header)
{
  g_return_if_fail (MULU_IS_PASTE_DIALOG (self));

  gtk_check_button_set_active (self->header_check, has_header);
}
