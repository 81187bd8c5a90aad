/*
 * Unit tests for segments.c: today's URL segments when site.yaml says
 * nothing, a site's own (one text, or one per language), and the
 * located errors of a segment that is not a slug, an unknown page
 * kind or language, and two page kinds under one segment.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "segments.h"
#include "site.h"
#include "value.h"
#include "testutil.h"
#include "tu_skel.h"

Suite *segments_suite(void);

/* A site in vi, en, fr whose site.yaml is yaml. */
static void
site_of(struct site *s, struct arena *a, const char *yaml)
{
	memset(s, 0, sizeof *s);
	s->arena = a;
	s->diags = diags_new(a);
	s->langs[0] = "vi";
	s->langs[1] = "en";
	s->langs[2] = "fr";
	s->nlangs = 3;
	ck_assert_int_eq(value_parse_yaml(a, s->diags, "content/site.yaml",
	    yaml, strlen(yaml), 1, &s->conf), 0);
}

START_TEST(test_segments_defaults)
{
	struct arena *a = arena_new();
	struct site s;

	site_of(&s, a, "title: x\n");
	ck_assert_int_eq(segments_check(&s), 0);
	ck_assert_str_eq(site_segment(&s, 0, "history"), "lich-su");
	ck_assert_str_eq(site_segment(&s, 1, "history"), "history");
	ck_assert_str_eq(site_segment(&s, 0, "changes"), "thay-doi");
	ck_assert_str_eq(site_segment(&s, 0, "page"), "trang");
	ck_assert_str_eq(site_segment(&s, 1, "page"), "page");
	ck_assert_str_eq(site_segment(&s, 0, "series"), "chuoi");
	ck_assert_str_eq(site_segment(&s, 0, "zone"), "khu");
	ck_assert_str_eq(site_segment(&s, 0, "sector"), "linh-vuc");
	ck_assert_str_eq(site_segment(&s, 0, "status"), "trang-thai");
	/* A third language gets the English words until the site says. */
	ck_assert_str_eq(site_segment(&s, 2, "status"), "status");
	assert_skel(tu_diags_text(a, s.diags), "");
	arena_free(a);
}
END_TEST

START_TEST(test_segments_configured)
{
	struct arena *a = arena_new();
	struct site s;

	site_of(&s, a, "segments:\n"
	    "  page: p\n"
	    "  history: {vi: lich-su-sua-doi, fr: historique}\n");
	ck_assert_int_eq(segments_check(&s), 0);
	ck_assert_str_eq(site_segment(&s, 0, "page"), "p");
	ck_assert_str_eq(site_segment(&s, 2, "page"), "p");
	ck_assert_str_eq(site_segment(&s, 0, "history"), "lich-su-sua-doi");
	ck_assert_str_eq(site_segment(&s, 2, "history"), "historique");
	/* en not named: today's word. */
	ck_assert_str_eq(site_segment(&s, 1, "history"), "history");
	ck_assert_str_eq(site_segment(&s, 0, "changes"), "thay-doi");
	assert_skel(tu_diags_text(a, s.diags), "");
	arena_free(a);
}
END_TEST

START_TEST(test_segments_errors)
{
	struct arena *a = arena_new();
	struct site s;

	site_of(&s, a, "segments:\n"
	    "  history: Lịch Sử\n"
	    "  histroy: x\n"
	    "  page: {vi: trang, de: seite, en: -page}\n");
	ck_assert_int_eq(segments_check(&s), -1);
	assert_skel(tu_diags_text(a, s.diags),
	    "content/site.yaml:2:12: E [segments.not-slug]|-|Lịch Sử\n"
	    "content/site.yaml:3:3: E [segments.unknown-kind-near]"
	    "|histroy|history\n"
	    "content/site.yaml:4:21: E [segments.unknown-language]"
	    "|de\n"
	    "content/site.yaml:4:36: E [segments.not-slug]|-|-page\n");
	/* A bad segment is never used: today's word instead. */
	ck_assert_str_eq(site_segment(&s, 0, "history"), "lich-su");
	ck_assert_str_eq(site_segment(&s, 1, "page"), "page");
	arena_free(a);
}
END_TEST

START_TEST(test_segments_clash)
{
	struct arena *a = arena_new();
	struct site s;

	site_of(&s, a, "segments:\n  series: {en: page}\n");
	ck_assert_int_eq(segments_check(&s), -1);
	assert_skel(tu_diags_text(a, s.diags),
	    "content/site.yaml:2:3: E [segments.same]|page\n");
	site_of(&s, a, "segments: [history]\n");
	ck_assert_int_eq(segments_check(&s), -1);
	assert_skel(tu_diags_text(a, s.diags),
	    "content/site.yaml:1:11: E [segments.not-map]\n");
	arena_free(a);
}
END_TEST

Suite *
segments_suite(void)
{
	Suite *s = suite_create("segments");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_segments_defaults);
	tcase_add_test(tc, test_segments_configured);
	tcase_add_test(tc, test_segments_errors);
	tcase_add_test(tc, test_segments_clash);
	suite_add_tcase(s, tc);
	return s;
}
