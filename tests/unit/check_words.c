/*
 * Unit tests for words.c: a word in its own language, the first
 * language's word with the gap recorded once, and the key's last part
 * when no language has it.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "site.h"
#include "value.h"
#include "words.h"
#include "testutil.h"

/* The diagnostics of d as "path:line:col: id" lines, sorted as printed:
 * tests assert places and ids, not wording (generator/messages_*.yaml). */
static const char *
diag_ids(struct arena *a, struct diags *d)
{
	struct diag_view *v;
	size_t n = diags_view(d, a, &v), i;
	struct buf b = {0};
	const char *s;

	for (i = 0; i < n; i++)
		buf_addf(&b, "%s:%u:%u: %s\n", v[i].pos.path ? v[i].pos.path :
		    "minhbach", v[i].pos.line ? v[i].pos.line : 1,
		    v[i].pos.col ? v[i].pos.col : 1, v[i].id ? v[i].id : "?");
	s = buf_keep(&b, a);
	buf_release(&b);	/* buf_keep copies: b keeps its memory */
	return s;
}

Suite *words_suite(void);

static struct value *
strings(struct arena *a, const char *open)
{
	struct value *g = value_map(a), *t = value_map(a), *v = value_map(a),
	    *c = value_map(a), *st = value_map(a);

	if (open != NULL)
		value_map_set(a, st, "open", value_str(a, open, strlen(open)));
	value_map_set(a, st, "closed", value_str(a, "x", 1));
	value_map_set(a, c, "status", st);
	value_map_set(a, v, "call", c);
	value_map_set(a, t, "values", v);
	value_map_set(a, g, "t", t);
	return g;
}

START_TEST(test_words_lookup)
{
	struct arena *a = arena_new();
	struct site s;
	const char *const *miss;
	size_t n;

	memset(&s, 0, sizeof s);
	s.arena = a;
	s.langs[0] = "vi";
	s.langs[1] = "en";
	s.langs[2] = "fr";
	s.nlangs = 3;
	s.globals[0] = strings(a, "Đang kêu gọi");
	s.globals[1] = strings(a, "Open");
	s.globals[2] = strings(a, NULL);
	ck_assert_str_eq(site_word(&s, "en", "values.call.status.open"),
	    "Open");
	ck_assert_str_eq(site_word(&s, "vi", "values.call.status.open"),
	    "Đang kêu gọi");
	ck_assert_ptr_null(words_missing(&s, &n));
	ck_assert_uint_eq(n, 0);
	/* fr lacks it: the first language's word, the gap noted once */
	ck_assert_str_eq(site_word(&s, "fr", "values.call.status.open"),
	    "Đang kêu gọi");
	ck_assert_str_eq(site_word(&s, "fr", "values.call.status.open"),
	    "Đang kêu gọi");
	/* nobody has it: the key's last part */
	ck_assert_str_eq(site_word(&s, "en", "values.call.status.gone"),
	    "gone");
	miss = words_missing(&s, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(miss[0], "fr: values.call.status.open");
	ck_assert_str_eq(miss[1], "en: values.call.status.gone");
	arena_free(a);
}
END_TEST

START_TEST(test_words_fill)
{
	struct arena *a = arena_new();
	const char *pairs[] = {"year", "2020", "of", "{year}", NULL};

	ck_assert_str_eq(words_fill(a, "quý I năm {year}", pairs),
	    "quý I năm 2020");
	/* one pass: a value is not filled again; unknown braces stay */
	ck_assert_str_eq(words_fill(a, "{of} {x} {year", pairs),
	    "{year} {x} {year");
	ck_assert_str_eq(words_fill(a, "", pairs), "");
	arena_free(a);
}
END_TEST

/* Language i's globals with t parsed from yaml as file path. */
static struct value *
globals_of(struct arena *a, struct diags *d, const char *path,
    const char *yaml)
{
	struct value *g = value_map(a), *t = NULL;

	ck_assert_int_eq(value_parse_yaml(a, d, path, yaml, strlen(yaml), 1,
	    &t), 0);
	value_map_set(a, g, "t", t);
	return g;
}

START_TEST(test_words_check_strings)
{
	struct arena *a = arena_new();
	struct site s;

	memset(&s, 0, sizeof s);
	s.arena = a;
	s.diags = diags_new(a);
	s.langs[0] = "vi";
	s.langs[1] = "en";
	s.langs[2] = "fr";
	s.nlangs = 3;
	s.globals[0] = globals_of(a, s.diags, "themes/t/i18n/vi.yaml",
	    "home: Trang chủ\n"
	    "budget:\n"
	    "  unit: {dong: đồng, ty_dong: tỷ đồng}\n"
	    "  csv_head: Mã dòng\n");
	s.globals[1] = globals_of(a, s.diags, "themes/t/i18n/en.yaml",
	    "home: Home\n"
	    "budget:\n"
	    "  unit: {dong: dong, ty_dong: billion dong}\n"
	    "  csv_head: Code\n");
	s.globals[2] = globals_of(a, s.diags, "themes/t/i18n/fr.yaml",
	    "budget:\n"
	    "  unit: {dong: dong}\n"
	    "extra: only here\n");
	ck_assert_str_eq(tu_diags_text(a, s.diags), "");
	/* The generator asks: fr lacks a word vi has (reported once, by
	 * the walk), en and fr lack one that no language has. */
	ck_assert_str_eq(site_word(&s, "fr", "budget.unit.ty_dong"),
	    "tỷ đồng");
	ck_assert_str_eq(site_word(&s, "en", "budget.period.nam"), "nam");
	ck_assert_str_eq(site_word(&s, "vi", "budget.period.nam"), "nam");
	words_check(&s, false);
	ck_assert_str_eq(diag_ids(a, s.diags),
	    "themes/t/i18n/en.yaml:1:1: words.missing\n"
	    "themes/t/i18n/fr.yaml:1:1: words.untranslated\n"
	    "themes/t/i18n/fr.yaml:1:1: words.untranslated\n"
	    "themes/t/i18n/fr.yaml:1:1: words.untranslated\n"
	    "themes/t/i18n/vi.yaml:1:1: words.missing\n");
	tu_assert_diag(s.diags, "«budget.period.nam»: trang en ");
	tu_assert_diag(s.diags, "«nam»");
	tu_assert_diag(s.diags, "«budget.csv_head» chưa dịch sang fr "
	    "(themes/t/i18n/vi.yaml:4 ");
	tu_assert_diag(s.diags, "«budget.unit.ty_dong» chưa dịch sang fr "
	    "(themes/t/i18n/vi.yaml:3 ");
	tu_assert_diag(s.diags, "«home» chưa dịch sang fr "
	    "(themes/t/i18n/vi.yaml:1 ");
	arena_free(a);
}
END_TEST

START_TEST(test_words_check_records)
{
	struct arena *a = arena_new();
	struct site s;
	struct collection co;
	struct item it[5], *items[5];
	const char *const paths[] = {"content/news/a.md", "content/news/a.en.md",
	    "content/news/b.md", "content/news/2020/c.yaml",
	    "content/news/d.md"};
	const char *const bases[] = {"a", "a", "b", "2020/c", "d"};
	const int langs[] = {0, 1, 0, 0, 0};

	memset(&s, 0, sizeof s);
	memset(&co, 0, sizeof co);
	memset(it, 0, sizeof it);
	s.arena = a;
	s.diags = diags_new(a);
	s.langs[0] = "vi";
	s.langs[1] = "en";
	s.nlangs = 2;
	ck_assert_int_eq(value_parse_yaml(a, s.diags, "content/site.yaml",
	    "languages: [vi, en]\n", 20, 1, &s.conf), 0);
	co.name = "news";
	co.items = items;
	co.n = 5;
	s.colls = &co;
	s.ncolls = 1;
	for (size_t i = 0; i < 5; i++) {
		it[i].path = paths[i];
		it[i].base = bases[i];
		it[i].lang_index = langs[i];
		it[i].lang = s.langs[langs[i]];
		it[i].coll = &co;
		it[i].url = "/x/";
		items[i] = &it[i];
	}
	it[0].tr[0] = &it[0];
	it[0].tr[1] = &it[1];
	it[1].tr[0] = &it[0];
	it[1].tr[1] = &it[1];
	it[4].draft = true;	/* a draft is not published: not listed */
	/* build: no record listing */
	words_check(&s, false);
	ck_assert_str_eq(tu_diags_text(a, s.diags), "");
	words_check(&s, true);
	ck_assert_str_eq(diag_ids(a, s.diags),
	    "content/site.yaml:1:17: words.records-untranslated\n");
	tu_assert_diag(s.diags, "2 trong 3 bản ghi của «news» chưa có bản en");
	tu_assert_diag(s.diags, ": content/news/b.md, "
	    "content/news/2020/c.yaml; ");
	tu_assert_diag(s.diags, " b.en.md ");
	/* check's summary: one note per language, counts per collection. */
	{
		char *out = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&out, &len);

		ck_assert_ptr_nonnull(f);
		words_summary(&s, f);
		fclose(f);
		ck_assert_ptr_nonnull(strstr(out,
		    "en: 2 trong 3 bản ghi chưa "
		    "có bản en (news 2/3)"));
		ck_assert_ptr_null(strchr(strchr(out, '\n') + 1, '\n'));
		free(out);
	}
	arena_free(a);
}
END_TEST

Suite *
words_suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_words_lookup);
	tcase_add_test(tc, test_words_fill);
	tcase_add_test(tc, test_words_check_strings);
	tcase_add_test(tc, test_words_check_records);
	suite_add_tcase(s, tc);
	return s;
}
