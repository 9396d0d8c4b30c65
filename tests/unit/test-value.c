/* test-value.c — what a clerk types into typed fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-test-util.h"

static void
test_dates_normalised (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "2024-03-01", "2024-03-01" }, { "2024/3/1", "2024-03-01" }, { "2024.3.1", "2024-03-01" },
    { "2024年3月1日", "2024-03-01" }, { "20240301", "2024-03-01" }, { " 2024-3-1 ", "2024-03-01" },
    { "2024-02-30", NULL }, { "2024-13-01", NULL }, { "明年", NULL }, { "24/3/1", NULL },
    { "2024-03", NULL }, { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = mulu_date_normalize (cases[i].in);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static void
test_units_refused (void)
{
  const char *bad[] = { "100万条", "100万", "5 GB", "约100", "十", "1e", "12.5.1" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) v = NULL;
      g_assert_false (mulu_value_parse (MULU_FIELD_INT, bad[i], &v, &error));
      g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
      g_assert_null (v);
      g_clear_error (&error);
      g_assert_false (mulu_value_parse (MULU_FIELD_REAL, bad[i], &v, &error));
      g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
    }
}

static void
test_numbers_read_exactly (void)
{
  g_autoptr(GError) error = NULL;
  GVariant *v = NULL;

  g_assert_true (mulu_value_parse (MULU_FIELD_INT, "1,234,567", &v, &error));
  g_assert_cmpint (g_variant_get_int64 (v), ==, 1234567);
  g_variant_unref (v);
  g_assert_true (mulu_value_parse (MULU_FIELD_INT, "12.0", &v, &error));
  g_assert_cmpint (g_variant_get_int64 (v), ==, 12);
  g_variant_unref (v);
  g_assert_false (mulu_value_parse (MULU_FIELD_INT, "12.5", &v, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (mulu_value_parse (MULU_FIELD_REAL, "168.25", &v, &error));
  g_assert_cmpfloat (g_variant_get_double (v), ==, 168.25);
  g_variant_unref (v);
  g_assert_true (mulu_value_parse (MULU_FIELD_REAL, "   ", &v, &error));
  g_assert_null (v);
}

static void
test_text_round_trip (void)
{
  const struct { MuluFieldType type; const char *in, *out; } cases[] = {
    { MULU_FIELD_REAL, "0.1", "0.1" }, { MULU_FIELD_REAL, "1260", "1260" },
    { MULU_FIELD_INT, "28", "28" }, { MULU_FIELD_BOOL, "是", "是" }, { MULU_FIELD_BOOL, "false", "否" },
    { MULU_FIELD_LIST, "301002/00001，301002/00002; 1", "301002/00001、301002/00002、1" },
    { MULU_FIELD_TEXT, "  不动产登记 ", "不动产登记" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) v = NULL;
      g_autofree char *text = NULL;

      g_assert_true (mulu_value_parse (cases[i].type, cases[i].in, &v, &error));
      g_assert_no_error (error);
      text = mulu_value_to_text (v);
      g_assert_cmpstr (text, ==, cases[i].out);
    }
}

static void
test_record_set_text (void)
{
  g_autoptr(MuluRecord) system = mulu_record_new (MULU_ENTITY_SYSTEM);
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_record_set_text (system, MULU_SYSTEM_USER_COUNT, "350", &error));
  g_assert_cmpint (mulu_record_get_int (system, MULU_SYSTEM_USER_COUNT), ==, 350);
  /* A refused value leaves the field as it was. */
  g_assert_false (mulu_record_set_text (system, MULU_SYSTEM_USER_COUNT, "350人", &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_assert_cmpint (mulu_record_get_int (system, MULU_SYSTEM_USER_COUNT), ==, 350);
}

static void
test_properties_follow_fields (void)
{
  g_autoptr(MuluRecord) resource = mulu_record_new (MULU_ENTITY_RESOURCE);
  g_autofree char *share = NULL;
  gint64 records = 0;

  g_object_set (resource, "share-type", "有条件共享", "volume-records", (gint64) 1200, NULL);
  g_assert_cmpstr (mulu_record_get_string (resource, MULU_RESOURCE_SHARE_TYPE), ==, "有条件共享");
  g_object_get (resource, "share-type", &share, "volume-records", &records, NULL);
  g_assert_cmpstr (share, ==, "有条件共享");
  g_assert_cmpint (records, ==, 1200);
  g_assert_cmpint (mulu_entity_find_field (MULU_ENTITY_RESOURCE, "class_2"), ==, MULU_RESOURCE_CLASS_2);
  g_assert_cmpint (mulu_entity_find_field (MULU_ENTITY_RESOURCE, "share-type"), ==, MULU_RESOURCE_SHARE_TYPE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/value/dates-normalised", test_dates_normalised);
  g_test_add_func ("/value/units-in-numbers-refused", test_units_refused);
  g_test_add_func ("/value/numbers-read-exactly", test_numbers_read_exactly);
  g_test_add_func ("/value/text-round-trip", test_text_round_trip);
  g_test_add_func ("/value/record-set-text-refuses-units", test_record_set_text);
  g_test_add_func ("/value/properties-follow-fields", test_properties_follow_fields);
  return g_test_run ();
}
