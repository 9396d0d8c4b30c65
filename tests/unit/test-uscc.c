/* test-uscc.c — GB 32100 vectors from domain.md §5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-test-util.h"

static void
test_valid_vectors (void)
{
  const char *valid[] = { "91350100M000100Y43", "914403001922038216", "91110108551385082Q", "91440300708461136T" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      MuluUsccResult r;
      g_assert_cmpint (mulu_uscc_check (valid[i], &r), ==, MULU_USCC_VALID);
      g_assert_cmpint (r.expected_check, ==, valid[i][17]);
    }
}

static void
test_lower_case_accepted (void)
{
  g_assert_cmpint (mulu_uscc_check ("91350100m000100y43", NULL), ==, MULU_USCC_VALID);
}

static void
test_bad_check_character (void)
{
  MuluUsccResult r;
  g_autofree char *text = NULL;

  g_assert_cmpint (mulu_uscc_check ("91350100M000100Y44", &r), ==, MULU_USCC_BAD_CHECK);
  g_assert_cmpint (r.position, ==, 18);
  g_assert_cmpint (r.expected_check, ==, '3');
  g_assert_cmpint (r.found, ==, '4');
  text = mulu_uscc_describe (&r);
  g_assert_nonnull (strstr (text, "“3”"));
}

static void
test_letter_o (void)
{
  MuluUsccResult r;
  g_autofree char *text = NULL;

  g_assert_cmpint (mulu_uscc_check ("9135010O000000019E", &r), ==, MULU_USCC_BAD_CHARACTER);
  g_assert_cmpint (r.position, ==, 8);
  g_assert_cmpint (r.found, ==, 'O');
  text = mulu_uscc_describe (&r);
  g_assert_nonnull (strstr (text, "8"));
  g_assert_nonnull (strstr (text, "0"));
}

static void
test_length_and_empty (void)
{
  MuluUsccResult r;

  g_assert_cmpint (mulu_uscc_check ("", &r), ==, MULU_USCC_EMPTY);
  g_assert_cmpint (mulu_uscc_check (NULL, &r), ==, MULU_USCC_EMPTY);
  g_assert_cmpint (mulu_uscc_check ("91350100M000100Y4", &r), ==, MULU_USCC_BAD_LENGTH);
  g_assert_cmpint (r.position, ==, 17);
  g_assert_cmpint (mulu_uscc_check ("91350100M000100Y433", &r), ==, MULU_USCC_BAD_LENGTH);
  g_assert_cmpint (mulu_uscc_check ("913501００M000100Y43", &r), ==, MULU_USCC_BAD_CHARACTER);
  g_assert_cmpint (r.position, ==, 7);
}

static void
test_compute_check (void)
{
  g_assert_cmpint (mulu_uscc_compute_check ("91350100M000100Y4"), ==, '3');
  g_assert_cmpint (mulu_uscc_compute_check ("91440300708461136"), ==, 'T');
  g_assert_cmpint (mulu_uscc_compute_check ("9144030070846113I"), ==, 0);
}

static void
test_organisation_code (void)
{
  MuluUsccResult r;

  /* 55138508-2 is a well-formed organisation code … */
  g_assert_cmpint (mulu_uscc_compute_org_check ("55138508"), ==, '2');
  mulu_uscc_check ("91110108551385082Q", &r);
  g_assert_true (r.org_code_ok);
  /* … and 00362917-1 is not (correct: 0); a warning only, the credit code
   * itself stays valid. */
  {
    char code[19] = "113502000036291710";
    code[17] = mulu_uscc_compute_check (code);
    g_assert_cmpint (mulu_uscc_check (code, &r), ==, MULU_USCC_VALID);
    g_assert_false (r.org_code_ok);
    code[16] = '0';
    code[17] = mulu_uscc_compute_check (code);
    g_assert_cmpint (mulu_uscc_check (code, &r), ==, MULU_USCC_VALID);
    g_assert_true (r.org_code_ok);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uscc/valid-vectors", test_valid_vectors);
  g_test_add_func ("/uscc/lower-case-accepted", test_lower_case_accepted);
  g_test_add_func ("/uscc/bad-check-character-names-expected", test_bad_check_character);
  g_test_add_func ("/uscc/letter-o-named-with-position", test_letter_o);
  g_test_add_func ("/uscc/length-and-empty", test_length_and_empty);
  g_test_add_func ("/uscc/compute-check", test_compute_check);
  g_test_add_func ("/uscc/organisation-code", test_organisation_code);
  return g_test_run ();
}
