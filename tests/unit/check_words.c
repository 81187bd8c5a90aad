/*
 * Unit tests for words.c: a word in its own language, the first
 * language's word with the gap recorded once, and the key's last part
 * when no language has it.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "site.h"
#include "value.h"
#include "words.h"

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

Suite *
words_suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_words_lookup);
	suite_add_tcase(s, tc);
	return s;
}
