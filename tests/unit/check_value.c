/*
 * Unit tests for value.c: constructors, lists and ordered maps, lookups
 * by key and dotted path, truthiness, the text templates show for each
 * scalar (shortest decimals), JSON output and YAML output.
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "value.h"

Suite *value_suite(void);

/* Returns v as JSON in the arena (indent as value_to_json takes it). */
static const char *
json(struct arena *a, const struct value *v, int indent)
{
	struct buf b = {0};
	const char *s;

	value_to_json(v, &b, indent);
	s = buf_keep(&b, a);
	buf_release(&b);
	return s;
}

static const char *
text(struct arena *a, const struct value *v)
{
	struct buf b = {0};
	const char *s;

	value_scalar_text(v, &b);
	s = buf_keep(&b, a);
	buf_release(&b);
	return s;
}

static struct value *
num(struct arena *a, const char *written, double d)
{
	struct value *v = value_new(a, VALUE_NUM, (struct pos){NULL, 0, 0});

	v->text = written;
	v->len = strlen(written);
	v->u.d = d;
	return v;
}

START_TEST(test_value_constructors)
{
	struct arena *a = arena_new();
	char s[] = "Lộc Sơn";
	struct value *v;

	v = value_str(a, s, strlen(s));
	s[0] = 'X';	/* copied, so unaffected */
	ck_assert_int_eq(v->type, VALUE_STR);
	ck_assert_str_eq(v->text, "Lộc Sơn");
	ck_assert_uint_eq(v->len, strlen("Lộc Sơn"));
	v = value_str_borrow(a, s, 3);
	ck_assert_ptr_eq(v->text, s);
	ck_assert_uint_eq(v->len, 3);
	v = value_int(a, -42);
	ck_assert_int_eq(v->type, VALUE_INT);
	ck_assert_int_eq(v->u.i, -42);
	ck_assert_str_eq(v->text, "-42");
	v = value_bool(a, true);
	ck_assert(v->u.b);
	ck_assert_str_eq(v->text, "true");
	v = value_null(a);
	ck_assert_int_eq(v->type, VALUE_NULL);
	ck_assert_ptr_nonnull(v->text);
	ck_assert_int_eq(value_list(a)->type, VALUE_LIST);
	ck_assert_int_eq(value_map(a)->type, VALUE_MAP);
	v = value_new(a, VALUE_STR, (struct pos){"x.yaml", 3, 7});
	ck_assert_str_eq(v->pos.path, "x.yaml");
	ck_assert_uint_eq(v->pos.line, 3);
	ck_assert_uint_eq(v->pos.col, 7);
	ck_assert_str_eq(v->text, "");
	arena_free(a);
}
END_TEST

START_TEST(test_value_list_push)
{
	struct arena *a = arena_new();
	struct value *l = value_list(a);
	int i;

	for (i = 0; i < 1000; i++)
		value_list_push(a, l, value_int(a, i));
	ck_assert_uint_eq(l->n, 1000);
	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(l->items[i]->u.i, i);
	arena_free(a);
}
END_TEST

START_TEST(test_value_map_order_and_replace)
{
	struct arena *a = arena_new();
	struct value *m = value_map(a);
	char key[] = "title";

	value_map_set(a, m, key, value_strz(a, "một"));
	value_map_set(a, m, "date", value_strz(a, "2024-05-02"));
	key[0] = 'X';	/* the key was copied */
	value_map_set(a, m, "title", value_strz(a, "hai"));
	ck_assert_uint_eq(m->n, 2);
	ck_assert_str_eq(m->pairs[0].key, "title");
	ck_assert_str_eq(m->pairs[0].val->text, "hai");
	ck_assert_str_eq(m->pairs[1].key, "date");
	value_map_append(a, m, "zone", 4, (struct pos){"z", 9, 2},
	    value_strz(a, "KCN Lộc Sơn"));
	ck_assert_uint_eq(m->n, 3);
	ck_assert_uint_eq(m->pairs[2].line, 9);
	ck_assert_str_eq(value_map_get(m, "zone")->text, "KCN Lộc Sơn");
	/* put: the same, with the key borrowed. */
	value_map_put(a, m, "date", value_strz(a, "2024-05-03"));
	ck_assert_uint_eq(m->n, 3);
	ck_assert_str_eq(m->pairs[1].val->text, "2024-05-03");
	value_map_put(a, m, key, value_strz(a, "ba"));
	ck_assert_uint_eq(m->n, 4);
	ck_assert_ptr_eq(m->pairs[3].key, key);
	ck_assert_str_eq(value_map_get(m, "Xitle")->text, "ba");
	arena_free(a);
}
END_TEST

START_TEST(test_value_map_get)
{
	struct arena *a = arena_new();
	struct value *m = value_map(a), *inner = value_map(a);

	value_map_set(a, inner, "number", value_strz(a, "12/QĐ-BQL"));
	value_map_set(a, m, "decision", inner);
	value_map_set(a, m, "count", value_int(a, 3));
	value_map_set(a, m, "none", value_null(a));
	ck_assert_ptr_eq(value_map_get(m, "decision"), inner);
	ck_assert_ptr_null(value_map_get(m, "decisio"));
	ck_assert_ptr_eq(value_map_getn(m, "decisionXYZ", 8), inner);
	ck_assert_ptr_null(value_map_getn(m, "decisionXYZ", 0));
	value_map_append(a, m, "", 0, inner->pos, inner);
	ck_assert_ptr_eq(value_map_getn(m, "decisionXYZ", 0), inner);
	m->n--;
	ck_assert_ptr_null(value_map_get(value_int(a, 1), "x"));
	ck_assert_ptr_null(value_map_get(NULL, "x"));
	ck_assert_str_eq(value_path(m, "decision.number")->text, "12/QĐ-BQL");
	ck_assert_ptr_eq(value_path(m, "decision"), inner);
	ck_assert_ptr_null(value_path(m, "decision.date"));
	ck_assert_ptr_null(value_path(m, "count.x"));
	ck_assert_ptr_null(value_path(m, "nope.number"));
	ck_assert_str_eq(value_map_str(m, "count"), "3");
	ck_assert_ptr_null(value_map_str(m, "decision"));
	ck_assert_ptr_null(value_map_str(m, "none"));
	ck_assert_ptr_null(value_map_str(m, "missing"));
	arena_free(a);
}
END_TEST

START_TEST(test_value_truthy)
{
	struct arena *a = arena_new();
	struct value *l = value_list(a);

	ck_assert(!value_truthy(NULL));
	ck_assert(!value_truthy(value_null(a)));
	ck_assert(!value_truthy(value_bool(a, false)));
	ck_assert(value_truthy(value_bool(a, true)));
	ck_assert(!value_truthy(value_strz(a, "")));
	ck_assert(value_truthy(value_strz(a, "0")));
	ck_assert(value_truthy(value_int(a, 0)));
	ck_assert(!value_truthy(l));
	value_list_push(a, l, value_null(a));
	ck_assert(value_truthy(l));
	ck_assert(value_truthy(value_map(a)));
	ck_assert(value_is_scalar(value_null(a)));
	ck_assert(value_is_scalar(value_strz(a, "x")));
	ck_assert(!value_is_scalar(l));
	ck_assert(!value_is_scalar(value_map(a)));
	ck_assert(!value_is_scalar(NULL));
	arena_free(a);
}
END_TEST

START_TEST(test_value_scalar_text)
{
	struct arena *a = arena_new();
	struct value *hex = value_int(a, 31);

	hex->text = "0x1F";
	hex->len = 4;
	ck_assert_str_eq(text(a, num(a, "1.210", 1.210)), "1.21");
	ck_assert_str_eq(text(a, num(a, "-1.23", -1.23)), "-1.23");
	ck_assert_str_eq(text(a, num(a, "0.1", 0.1)), "0.1");
	ck_assert_str_eq(text(a, num(a, "100.0", 100.0)), "100");
	ck_assert_str_eq(text(a, num(a, "1e3", 1e3)), "1000");
	ck_assert_str_eq(text(a, num(a, "0.001", 0.001)), "0.001");
	ck_assert_str_eq(text(a, num(a, "123456.789", 123456.789)),
	    "123456.789");
	ck_assert_str_eq(text(a, num(a, "1e21", 1e21)), "1e+21");
	ck_assert_str_eq(text(a, num(a, "-2.5e-7", -2.5e-7)), "-2.5e-07");
	ck_assert_str_eq(text(a, num(a, "x", 1.0 / 3)), "0.3333333333333333");
	ck_assert_str_eq(text(a, num(a, ".inf", INFINITY)), ".inf");
	ck_assert_str_eq(text(a, hex), "31");
	ck_assert_str_eq(text(a, value_int(a, -9)), "-9");
	ck_assert_str_eq(text(a, value_bool(a, false)), "false");
	ck_assert_str_eq(text(a, value_null(a)), "");
	ck_assert_str_eq(text(a, value_strz(a, "Đà Lạt")), "Đà Lạt");
	ck_assert_str_eq(text(a, value_list(a)), "");
	ck_assert_str_eq(text(a, value_map(a)), "");
	arena_free(a);
}
END_TEST

START_TEST(test_value_type_name)
{
	ck_assert_str_eq(value_type_name(VALUE_STR), "string");
	ck_assert_str_eq(value_type_name(VALUE_LIST), "list");
	ck_assert_str_eq(value_type_name(VALUE_MAP), "map");
	ck_assert_str_eq(value_type_name(VALUE_INT), "integer");
	ck_assert_str_eq(value_type_name(VALUE_NUM), "number");
	ck_assert_str_eq(value_type_name(VALUE_BOOL), "boolean");
	ck_assert_str_eq(value_type_name(VALUE_NULL), "null");
}
END_TEST

START_TEST(test_value_json_compact)
{
	struct arena *a = arena_new();
	struct value *m = value_map(a), *l = value_list(a);
	struct value *hex = value_int(a, 31), *plus = value_int(a, 7);

	hex->text = "0x1F";
	hex->len = 4;
	plus->text = "+7";
	plus->len = 2;
	value_map_set(a, m, "zone", value_strz(a, "KCN \"Phú Hội\"\n<b>"));
	value_map_set(a, m, "area", num(a, "120.50", 120.5));
	value_map_set(a, m, "exp", num(a, "1e3", 1000));
	value_map_set(a, m, "bad", num(a, "1.", 1));
	value_map_set(a, m, "half", num(a, ".5", 0.5));
	value_map_set(a, m, "inf", num(a, ".inf", INFINITY));
	value_list_push(a, l, hex);
	value_list_push(a, l, plus);
	value_list_push(a, l, value_bool(a, true));
	value_list_push(a, l, value_null(a));
	value_map_set(a, m, "l", l);
	value_map_set(a, m, "e", value_map(a));
	value_map_set(a, m, "el", value_list(a));
	ck_assert_str_eq(json(a, m, 0),
	    "{\"zone\":\"KCN \\\"Phú Hội\\\"\\n\\u003cb>\",\"area\":120.50,"
	    "\"exp\":1e3,\"bad\":1,\"half\":0.5,\"inf\":null,"
	    "\"l\":[31,7,true,null],\"e\":{},\"el\":[]}");
	ck_assert_str_eq(json(a, NULL, 0), "null");
	arena_free(a);
}
END_TEST

START_TEST(test_value_json_pretty)
{
	struct arena *a = arena_new();
	struct value *m = value_map(a), *l = value_list(a);

	value_list_push(a, l, value_int(a, 1));
	value_list_push(a, l, value_strz(a, "b"));
	value_map_set(a, m, "a", l);
	value_map_set(a, m, "e", value_list(a));
	ck_assert_str_eq(json(a, m, 2),
	    "{\n  \"a\": [\n    1,\n    \"b\"\n  ],\n  \"e\": []\n}");
	arena_free(a);
}
END_TEST

/* The one language picker: lang, else the main language, else any. */
START_TEST(test_value_lang)
{
	struct arena *a = arena_new();
	struct value *m = value_map(a), *fr = value_map(a);

	value_map_set(a, m, "vi", value_strz(a, "Khu công nghiệp"));
	value_map_set(a, m, "en", value_strz(a, "Industrial zone"));
	ck_assert_str_eq(value_lang(m, "en", "vi")->text, "Industrial zone");
	ck_assert_str_eq(value_lang(m, "vi", "vi")->text, "Khu công nghiệp");
	/* A third language falls back to the site's first, not the map's. */
	ck_assert_str_eq(value_lang(m, "fr", "en")->text, "Industrial zone");
	ck_assert_str_eq(value_lang(m, "fr", "vi")->text, "Khu công nghiệp");
	/* Neither: the map's first entry. */
	value_map_set(a, fr, "fr", value_strz(a, "Zone industrielle"));
	ck_assert_str_eq(value_lang(fr, "vi", "vi")->text,
	    "Zone industrielle");
	ck_assert_str_eq(value_lang(fr, NULL, NULL)->text,
	    "Zone industrielle");
	ck_assert_ptr_null(value_lang(value_map(a), "vi", "vi"));
	ck_assert_ptr_null(value_lang(value_strz(a, "x"), "vi", "vi"));
	ck_assert_ptr_null(value_lang(NULL, "vi", "vi"));
	arena_free(a);
}
END_TEST

START_TEST(test_value_ltext)
{
	struct arena *a = arena_new();
	struct value *m = value_map(a);

	ck_assert_str_eq(value_ltext(value_strz(a, "Lộc Sơn"), "en", "vi"),
	    "Lộc Sơn");
	ck_assert_str_eq(value_ltext(value_int(a, 7), "en", "vi"), "7");
	ck_assert_ptr_null(value_ltext(value_strz(a, ""), "vi", "vi"));
	ck_assert_ptr_null(value_ltext(value_null(a), "vi", "vi"));
	ck_assert_ptr_null(value_ltext(value_list(a), "vi", "vi"));
	ck_assert_ptr_null(value_ltext(NULL, "vi", "vi"));
	value_map_set(a, m, "vi", value_strz(a, "Tin tức"));
	ck_assert_str_eq(value_ltext(m, "en", "vi"), "Tin tức");
	value_map_set(a, m, "en", value_strz(a, ""));
	/* An empty entry is no text; the picker does not look further. */
	ck_assert_ptr_null(value_ltext(m, "en", "vi"));
	arena_free(a);
}
END_TEST

/* Returns v as YAML in the arena (value_to_yaml). */
static const char *
yaml(struct arena *a, const struct value *v, size_t max_str)
{
	struct buf b = {0};
	const char *s;

	value_to_yaml(v, &b, max_str);
	s = buf_keep(&b, a);
	buf_release(&b);
	return s;
}

/* What a theme author reads: block style, maps in order, list maps
 * compact, keys plain unless the core schema would misread them. */
START_TEST(test_value_yaml_layout)
{
	struct arena *a = arena_new();
	struct value *m = value_map(a), *l = value_list(a), *e = value_map(a);

	value_map_set(a, m, "title", value_strz(a, "Khu \"A\"\nB"));
	value_map_set(a, m, "null", value_int(a, 7));
	value_map_set(a, m, "a b", value_bool(a, true));
	value_map_set(a, m, "none", value_null(a));
	value_map_set(a, m, "empty", value_list(a));
	value_map_set(a, m, "nothing", value_map(a));
	value_map_set(a, e, "url", value_strz(a, "/x/"));
	value_map_set(a, e, "n", value_int(a, 2));
	value_list_push(a, l, e);
	value_list_push(a, l, value_strz(a, "z"));
	value_map_set(a, m, "items", l);
	ck_assert_str_eq(yaml(a, m, 0),
	    "title: \"Khu \\\"A\\\"\\nB\"\n"
	    "\"null\": 7\n"
	    "\"a b\": true\n"
	    "none: null\n"
	    "empty: []\n"
	    "nothing: {}\n"
	    "items:\n"
	    "  - url: \"/x/\"\n"
	    "    n: 2\n"
	    "  - \"z\"\n");
	ck_assert_str_eq(yaml(a, value_strz(a, "x"), 0), "\"x\"\n");
	ck_assert_str_eq(yaml(a, NULL, 0), "null\n");
	arena_free(a);
}
END_TEST

/* Shared maps once, then aliases; a map that holds itself ends. */
START_TEST(test_value_yaml_shared)
{
	struct arena *a = arena_new();
	struct value *m = value_map(a), *c = value_map(a), *l = value_list(a);

	value_map_set(a, c, "name", value_strz(a, "zones"));
	value_map_set(a, m, "collection", c);
	value_list_push(a, l, c);
	value_list_push(a, l, m);	/* back to the top */
	value_map_set(a, m, "again", l);
	ck_assert_str_eq(yaml(a, m, 0),
	    "&v1\n"
	    "collection: &v2\n"
	    "  name: \"zones\"\n"
	    "again:\n"
	    "  - *v2\n"
	    "  - *v1\n");
	arena_free(a);
}
END_TEST

/* Long strings cut at a character, with the length in a comment. */
START_TEST(test_value_yaml_shortened)
{
	struct arena *a = arena_new();
	struct value *m = value_map(a);

	value_map_set(a, m, "s", value_strz(a, "Lộc Sơn"));
	/* "L" + "ộ" (3 bytes): a cut at 2 or 3 would split the ộ. */
	ck_assert_str_eq(yaml(a, m, 3), "s: \"L…\"  # shortened: 10 bytes "
	    "in all\n");
	ck_assert_str_eq(yaml(a, m, 4), "s: \"Lộ…\"  # shortened: 10 bytes "
	    "in all\n");
	ck_assert_str_eq(yaml(a, m, 10), "s: \"Lộc Sơn\"\n");
	arena_free(a);
}
END_TEST

/* Read back by the loader, the tree is the same (as JSON shows it). */
START_TEST(test_value_yaml_reads_back)
{
	static const char src[] =
	    "title: Khu công nghiệp \"Lộc Sơn\"\n"
	    "area_ha: 183\nshare: 94.680\nok: true\nnote: null\n"
	    "'true': yes\n\"with space\": 1\nweird: \"a: b # c\\n\\t\"\n"
	    "rows:\n  - {label: A, values: [1, 2.50, -3]}\n  - []\n  - {}\n"
	    "  - [[x], {y: [z]}]\n"
	    "nested: {a: {b: {c: [1, {d: e}]}}}\n";
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct value *v = NULL, *back = NULL;
	const char *y;

	ck_assert_int_eq(value_parse_yaml(a, d, "t.yaml", src, strlen(src), 1,
	    &v), 0);
	y = yaml(a, v, 0);
	ck_assert_int_eq(value_parse_yaml(a, d, "back.yaml", y, strlen(y), 1,
	    &back), 0);
	ck_assert_uint_eq(diags_errors(d), 0);
	ck_assert_str_eq(json(a, back, 0), json(a, v, 0));
	arena_free(a);
}
END_TEST

Suite *
value_suite(void)
{
	Suite *s = suite_create("value");
	TCase *tc;

	tc = tcase_create("build");
	tcase_add_test(tc, test_value_constructors);
	tcase_add_test(tc, test_value_list_push);
	tcase_add_test(tc, test_value_map_order_and_replace);
	suite_add_tcase(s, tc);
	tc = tcase_create("lookup");
	tcase_add_test(tc, test_value_map_get);
	tcase_add_test(tc, test_value_truthy);
	tcase_add_test(tc, test_value_lang);
	tcase_add_test(tc, test_value_ltext);
	suite_add_tcase(s, tc);
	tc = tcase_create("text");
	tcase_add_test(tc, test_value_scalar_text);
	tcase_add_test(tc, test_value_type_name);
	suite_add_tcase(s, tc);
	tc = tcase_create("json");
	tcase_add_test(tc, test_value_json_compact);
	tcase_add_test(tc, test_value_json_pretty);
	tcase_add_test(tc, test_value_yaml_layout);
	tcase_add_test(tc, test_value_yaml_shared);
	tcase_add_test(tc, test_value_yaml_shortened);
	tcase_add_test(tc, test_value_yaml_reads_back);
	suite_add_tcase(s, tc);
	return s;
}
