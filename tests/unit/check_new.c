/*
 * Unit tests for the editors' tools: the record `minhbach new` writes
 * (cmd_new_record: YAML that parses, every field of the kind, required
 * ones first, empty and refused by the schema, optional ones commented
 * out, today in date fields, a comment above each field) and the JSON
 * Schema of `minhbach schema` (cmd_schema_json: properties, required,
 * additionalProperties, types, patterns, descriptions, $defs).
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "cmd_new.h"
#include "cmd_schema.h"
#include "diag.h"
#include "schema.h"
#include "value.h"

#include "testutil.h"

Suite *new_suite(void);

#define TODAY "2026-12-07"

/* The record new writes for kind, parsed: no YAML errors allowed. */
static struct value *
made(struct arena *a, const struct schemas *s, const char *kind,
    struct buf *text)
{
	struct diags *d = diags_new(a);
	struct value *v = NULL;

	cmd_new_record(text, s, kind, TODAY, 0);
	ck_assert_msg(value_parse_yaml(a, d, "new.yaml", buf_cstr(text),
	    text->len, 1, &v) == 0, "%s: the record does not parse:\n%s",
	    kind, buf_cstr(text));
	ck_assert_uint_eq(diags_errors(d), 0);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(v->type, VALUE_MAP);
	return v;
}

START_TEST(test_new_every_kind_parses)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const struct schemas *s = schema_builtin(a, d);
	const char *const *kinds;
	size_t n, i;

	kinds = schema_kinds(s, &n);
	ck_assert_uint_ge(n, 13);
	for (i = 0; i < n; i++) {
		struct buf b = {0};
		struct diags *cd = diags_new(a);
		struct value *v = made(a, s, kinds[i], &b);

		/* Unfilled, the schema refuses it (its required fields). */
		ck_assert_msg(schema_check(s, kinds[i], v, NULL, cd) == -1,
		    "%s: an unfilled record passes the schema", kinds[i]);
		buf_release(&b);
	}
	arena_free(a);
}
END_TEST

START_TEST(test_new_call_fields)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const struct schemas *s = schema_builtin(a, d);
	struct buf b = {0};
	struct value *v = made(a, s, "call", &b), *x;
	const char *t = buf_cstr(&b), *p;
	static const char *const required[] = {"title", "sector", "location",
	    "area_ha", "est_capital", "selection", "published_on"};
	size_t i;

	/* Required fields present, in the schema's order, first. */
	for (i = 0; i < sizeof required / sizeof *required; i++) {
		ck_assert_msg(i < v->n && strcmp(v->pairs[i].key,
		    required[i]) == 0, "field %zu is not %s", i, required[i]);
	}
	ck_assert_uint_eq(v->n, sizeof required / sizeof *required);
	/* Empty, except today in the date. */
	ck_assert_int_eq(value_map_get(v, "title")->type, VALUE_NULL);
	ck_assert_int_eq(value_map_get(v, "location")->type, VALUE_NULL);
	ck_assert_str_eq(value_map_str(v, "published_on"), TODAY);
	x = value_map_get(v, "est_capital");
	ck_assert_int_eq(x->type, VALUE_MAP);
	ck_assert_int_eq(value_map_get(x, "amount")->type, VALUE_NULL);
	ck_assert_int_eq(value_map_get(x, "unit")->type, VALUE_NULL);
	/* Optional fields commented out, a date one with today. */
	ck_assert_ptr_nonnull(strstr(t, "\n# slug:\n"));
	ck_assert_ptr_nonnull(strstr(t, "\n# deadline: " TODAY "\n"));
	ck_assert_ptr_nonnull(strstr(t, "\n#   zone:\n"));
	/* A list of maps: one item to fill, inside the comment. */
	ck_assert_ptr_nonnull(strstr(t, "\n# mix:\n#   -\n#     # "));
	/* Each field under a one-line comment; an enum lists its values. */
	for (p = strchr(t, '\n'); p != NULL && p[1] != '\0';
	    p = strchr(p + 1, '\n')) {
		const char *l = p + 1;

		if (strncmp(l, "title:", 6) == 0 ||
		    strncmp(l, "selection:", 10) == 0)
			ck_assert_msg(p > t && p[-1] == 'c', "no comment "
			    "saying required above %.12s", l);
	}
	ck_assert_ptr_nonnull(strstr(t, "một trong: auction, tender, "
	    "investment_policy, ppp; bắt buộc\nselection:\n"));
	buf_release(&b);
	arena_free(a);
}
END_TEST

START_TEST(test_new_markdown_and_recursion)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const struct schemas *s = schema_builtin(a, d);
	struct buf b = {0};

	cmd_new_record(&b, s, "news", TODAY, 1);
	TU_ASSERT_PREFIX(buf_cstr(&b), "---\n# ");
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "\ndate: " TODAY "\n"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "\n---\n\n"));
	buf_reset(&b);
	/* budget_line reaches itself through children: written once. */
	cmd_new_record(&b, s, "budget", TODAY, 0);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "\nlines:\n  -\n"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "\n#     children:\n"));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "#     -\n"));
	buf_release(&b);
	arena_free(a);
}
END_TEST

START_TEST(test_schema_json_call)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const struct schemas *s = schema_builtin(a, d);
	struct value *j = cmd_schema_json(a, s, "call"), *p, *x;
	struct buf b = {0};

	ck_assert_ptr_nonnull(j);
	ck_assert_str_eq(value_map_str(j, "$schema"),
	    "https://json-schema.org/draft/2020-12/schema");
	ck_assert_str_eq(value_map_str(j, "type"), "object");
	ck_assert_int_eq(value_map_get(j, "additionalProperties")->type,
	    VALUE_BOOL);
	ck_assert(!value_map_get(j, "additionalProperties")->u.b);
	value_to_json(value_map_get(j, "required"), &b, 0);
	ck_assert_str_eq(buf_cstr(&b), "[\"title\",\"sector\",\"location\","
	    "\"area_ha\",\"est_capital\",\"selection\",\"published_on\"]");
	p = value_map_get(j, "properties");
	/* Required: its type alone; optional: null too (left empty). */
	ck_assert_str_eq(value_map_str(value_map_get(p, "area_ha"), "type"),
	    "number");
	buf_reset(&b);
	value_to_json(value_map_get(value_map_get(p, "deadline"), "type"),
	    &b, 0);
	ck_assert_str_eq(buf_cstr(&b), "[\"string\",\"null\"]");
	ck_assert_str_eq(value_map_str(value_map_get(p, "published_on"),
	    "pattern"), "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
	x = value_map_get(p, "selection");
	buf_reset(&b);
	value_to_json(value_map_get(x, "enum"), &b, 0);
	ck_assert_str_eq(buf_cstr(&b), "[\"auction\",\"tender\","
	    "\"investment_policy\",\"ppp\"]");
	ck_assert_ptr_nonnull(strstr(value_map_str(x, "description"),
	    "một trong: auction"));
	/* A def: $ref into $defs, which holds it. */
	ck_assert_str_eq(value_map_str(value_map_get(p, "est_capital"),
	    "$ref"), "#/$defs/money");
	ck_assert_ptr_nonnull(value_map_get(value_map_get(j, "$defs"),
	    "money"));
	ck_assert_ptr_null(value_map_get(value_map_get(j, "$defs"),
	    "budget_line"));
	ck_assert_ptr_null(cmd_schema_json(a, s, "no-such-kind"));
	buf_release(&b);
	arena_free(a);
}
END_TEST

START_TEST(test_schema_json_recursive_def)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const struct schemas *s = schema_builtin(a, d);
	struct value *j = cmd_schema_json(a, s, "budget"), *line;
	struct buf b = {0};

	line = value_map_get(value_map_get(j, "$defs"), "budget_line");
	ck_assert_ptr_nonnull(line);
	value_to_json(line, &b, 0);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "\"children\":{\"type\":[\"array\",\"null\"],\"items\":"
	    "{\"$ref\":\"#/$defs/budget_line\"}"));
	/* Free keys (columns) take the values' schema. */
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "\"additionalProperties\":{\"type\":\"number\""));
	buf_release(&b);
	arena_free(a);
}
END_TEST

START_TEST(test_schema_hint)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const struct schemas *s = schema_builtin(a, d);
	struct value *j = cmd_schema_json(a, s, "zone");
	const char *desc;

	desc = value_map_str(value_map_get(value_map_get(j, "properties"),
	    "since"), "description");
	ck_assert_ptr_nonnull(desc);
	ck_assert_ptr_nonnull(strstr(desc, "số nguyên, ví dụ 12 hoặc ngày "
	    "dạng năm-tháng-ngày, ví dụ 2020-01-15"));
	arena_free(a);
}
END_TEST

/* The command: the folder from site.yaml, the folder's extension, no
 * overwriting, an unknown kind, a name that is no slug. */
START_TEST(test_new_command)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\nbase_url: https://e.invalid/\n"
		    "languages: [en, vi]\ncollections:\n"
		    "  khu: {kind: zone, title: K, permalink: /k/:slug/}\n"
		    "  tin: {kind: news, title: N, permalink: /t/:slug/}\n"},
		{"content/khu/a.yaml", "name: A\n"},
		{"content/khu/b.yaml", "name: B\n"},
		{"content/khu/c.md", "---\nname: C\n---\n"},
		{NULL, NULL},
	};
	struct arena *a = arena_new();
	struct tu_capture c;
	struct buf b = {0};
	char dir[256];
	const char *err;
	int out, null;

	tu_mkdtemp(dir, sizeof dir, "new");
	tu_put_all(dir, files);
	setenv("SOURCE_DATE_EPOCH", "1796601600", 1);
	/* The paths written go to stdout: not into the suite's output. */
	fflush(stdout);
	out = dup(STDOUT_FILENO);
	null = open("/dev/null", O_WRONLY);
	ck_assert_int_ge(dup2(null, STDOUT_FILENO), 0);
	close(null);
	tu_stderr_begin(&c);
	ck_assert_int_eq(cmd_new(dir, "zone", "moi", NULL), 0);
	ck_assert_int_eq(cmd_new(dir, "tin", NULL, NULL), 0);
	ck_assert_int_eq(cmd_new(dir, "zone", "moi", NULL), 1);
	ck_assert_int_eq(cmd_new(dir, "zone", "c", NULL), 1);
	ck_assert_int_eq(cmd_new(dir, "zome", "x", NULL), 2);
	ck_assert_int_eq(cmd_new(dir, "zone", "Khu Mới", "vi"), 2);
	err = tu_stderr_end(&c, a);
	fflush(stdout);
	ck_assert_int_ge(dup2(out, STDOUT_FILENO), 0);
	close(out);
	/* Most of khu/ is .yaml; tin/ does not exist yet: made, .md. */
	tu_read(dir, "content/khu/moi.yaml", &b);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "\nname:\n"));
	ck_assert(tu_exists(dir, "content/tin/2026-12-07-news.md"));
	/* site.yaml's first language (en) speaks, unless --lang says. */
	ck_assert_ptr_nonnull(strstr(err, "content/khu/moi.yaml:1:1: error: "));
	ck_assert_ptr_nonnull(strstr(err, "content/khu/c.md:1:1: error: "));
	ck_assert_int_eq(tu_count(err, "[new.exists]"), 2);
	ck_assert_ptr_nonnull(strstr(err, "page, news, budget"));
	ck_assert_ptr_nonnull(strstr(err, "[new.unknown-kind]"));
	ck_assert_ptr_nonnull(strstr(err, "khu-moi"));
	ck_assert_ptr_nonnull(strstr(err, "lỗi: "));
	ck_assert_ptr_nonnull(strstr(err, "[new.bad-name]"));
	/* Untouched by the refusals. */
	buf_reset(&b);
	tu_read(dir, "content/khu/moi.yaml", &b);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "2026-12-07"));
	unsetenv("SOURCE_DATE_EPOCH");
	buf_release(&b);
	tu_rmtree(dir);
	arena_free(a);
}
END_TEST

Suite *
new_suite(void)
{
	Suite *s = suite_create("new");
	TCase *tc = tcase_create("new");

	tcase_add_test(tc, test_new_every_kind_parses);
	tcase_add_test(tc, test_new_call_fields);
	tcase_add_test(tc, test_new_markdown_and_recursion);
	tcase_add_test(tc, test_new_command);
	suite_add_tcase(s, tc);
	tc = tcase_create("schema");
	tcase_add_test(tc, test_schema_json_call);
	tcase_add_test(tc, test_schema_json_recursive_def);
	tcase_add_test(tc, test_schema_hint);
	suite_add_tcase(s, tc);
	return s;
}
