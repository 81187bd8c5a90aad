/*
 * rows: the model's last step.  A record's item frame gets a null for
 * every field its schema knows and it lacks, at every depth and at its
 * top (a card in a list is a row); every map of a list gets a null for
 * each key a sibling has; lists of scalars and lone maps stay as they
 * are; frames that link to each other in a cycle are walked once.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "rows.h"
#include "schema.h"
#include "site.h"
#include "testutil.h"
#include "value.h"

Suite *rows_suite(void);

static const struct tu_file files[] = {
	{"content/site.yaml", "title: T\nbase_url: https://example.invalid/\n"
	    "collections:\n  news: {kind: news, permalink: \"/tin/:slug/\"}\n"},
	{"content/news/2020-01-01-a.md", "---\ntitle: A\ndate: 2020-01-01\n"
	    "image: {src: /a.png, alt: Ảnh}\n---\n"},
	{"content/news/2020-01-02-b.md", "---\ntitle: B\ndate: 2020-01-02\n"
	    "summary: Tóm tắt B.\nauthor: Ban\n---\n"},
	{NULL, NULL},
};

/* True when m has key k and it is null. */
static bool
is_null(const struct value *m, const char *k)
{
	const struct value *v = value_map_get(m, k);

	return v != NULL && v->type == VALUE_NULL;
}

START_TEST(test_rows_schema_fields)
{
	struct tu_site t;
	struct schemas *sc;
	const struct item *a;

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	sc = schema_builtin(t.a, t.d);
	rows_fill(t.s, sc);
	a = tu_item(t.s, "content/news/2020-01-01-a.md");
	ck_assert_ptr_nonnull(a);
	/* The frame's top: optional fields left out are null now... */
	ck_assert(is_null(a->frame, "summary"));
	ck_assert(is_null(a->frame, "author"));
	ck_assert(is_null(a->frame, "tags"));
	/* ...and below it (the image's caption); given ones stay. */
	ck_assert(is_null(value_map_get(a->frame, "image"), "caption"));
	ck_assert_str_eq(value_map_str(value_map_get(a->frame, "image"),
	    "alt"), "Ảnh");
	ck_assert_str_eq(value_map_str(a->frame, "title"), "A");
	/* The data's top is left as it was (validation's view of it). */
	ck_assert_ptr_null(value_map_get(a->data, "summary"));
	ck_assert(is_null(value_map_get(a->data, "image"), "caption"));
	ck_assert_str_eq(tu_diags_text(t.a, t.d), "");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_rows_siblings)
{
	struct tu_site t;
	struct value *f, *l, *m1, *m2, *m3, *one, *cyc;
	struct page *p;

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	/* A page's own frame with lists the model could make. */
	p = tu_page(t.s, "tin/a/index.html");
	ck_assert_ptr_nonnull(p);
	f = (struct value *)p->frames[p->nframes - 1];
	l = value_list(t.a);
	m1 = value_map(t.a);
	value_map_set(t.a, m1, "label", value_strz(t.a, "x"));
	value_map_set(t.a, m1, "amount_text", value_strz(t.a, "1.000"));
	m2 = value_map(t.a);
	value_map_set(t.a, m2, "label", value_strz(t.a, "y"));
	m3 = value_map(t.a);
	value_map_set(t.a, m3, "url", value_strz(t.a, "/z/"));
	value_list_push(t.a, l, m1);
	value_list_push(t.a, l, value_strz(t.a, "a scalar"));
	value_list_push(t.a, l, m2);
	value_list_push(t.a, l, m3);
	value_map_set(t.a, f, "rows", l);
	/* A lone map has no sibling to learn from. */
	one = value_list(t.a);
	value_list_push(t.a, one, value_map(t.a));
	value_map_set(t.a, f, "one", one);
	/* A cycle: the frame lists itself. */
	cyc = value_list(t.a);
	value_list_push(t.a, cyc, f);
	value_map_set(t.a, f, "self", cyc);
	rows_fill(t.s, schema_builtin(t.a, t.d));
	ck_assert_uint_eq(m1->n, 3);
	ck_assert(is_null(m1, "url"));
	ck_assert_str_eq(value_map_str(m1, "amount_text"), "1.000");
	ck_assert_uint_eq(m2->n, 3);
	ck_assert(is_null(m2, "amount_text"));
	ck_assert(is_null(m2, "url"));
	ck_assert_str_eq(value_map_str(m2, "label"), "y");
	ck_assert_uint_eq(m3->n, 3);
	ck_assert(is_null(m3, "label"));
	ck_assert_str_eq(value_map_str(m3, "url"), "/z/");
	ck_assert_uint_eq(one->items[0]->n, 0);
	ck_assert_uint_eq(l->items[1]->type, VALUE_STR);
	tu_site_close(&t);
}
END_TEST

Suite *
rows_suite(void)
{
	Suite *s = suite_create("rows");
	TCase *tc = tcase_create("fill");

	tcase_add_test(tc, test_rows_schema_fields);
	tcase_add_test(tc, test_rows_siblings);
	suite_add_tcase(s, tc);
	return s;
}
