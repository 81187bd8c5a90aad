/*
 * Unit tests for frontmatter.c: where the YAML and the body start (in
 * bytes and in file lines) with LF, CRLF, a BOM, "..." as the closing
 * marker, empty parts, files without front matter and an unclosed block;
 * and that YAML positions then point at the file's own lines.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "frontmatter.h"
#include "value.h"
#include "tu_skel.h"

Suite *frontmatter_suite(void);

struct split {
	struct arena *a;
	struct diags *d;
	struct frontmatter fm;
	int rc;
};

static void
split(struct split *s, const char *src)
{
	s->a = arena_new();
	s->d = diags_new(s->a);
	s->rc = frontmatter_split(s->d, "tin/a.md", src, strlen(src), &s->fm);
}

#define ck_assert_part(p, len, want) do { \
	ck_assert_uint_eq((len), strlen(want)); \
	ck_assert_int_eq(memcmp((p), (want), (len)), 0); \
} while (0)

START_TEST(test_frontmatter_basic)
{
	static const char src[] = "---\ntitle: Hội nghị\ndate: 2024-05-02\n"
	    "---\n# Hội nghị\n\nNội dung.\n";
	struct split s;

	split(&s, src);
	ck_assert_int_eq(s.rc, 0);
	ck_assert(s.fm.present);
	ck_assert_part(s.fm.yaml, s.fm.yaml_len,
	    "title: Hội nghị\ndate: 2024-05-02\n");
	ck_assert_ptr_eq(s.fm.yaml, src + 4);
	ck_assert_uint_eq(s.fm.yaml_line, 2);
	ck_assert_part(s.fm.body, s.fm.body_len, "# Hội nghị\n\nNội dung.\n");
	ck_assert_uint_eq(s.fm.body_line, 5);
	ck_assert_uint_eq(diags_errors(s.d), 0);
	arena_free(s.a);
}
END_TEST

START_TEST(test_frontmatter_dots_and_blanks)
{
	struct split s;

	split(&s, "---  \na: 1\n...\t \nbody");
	ck_assert_int_eq(s.rc, 0);
	ck_assert_part(s.fm.yaml, s.fm.yaml_len, "a: 1\n");
	ck_assert_part(s.fm.body, s.fm.body_len, "body");
	ck_assert_uint_eq(s.fm.body_line, 4);
	arena_free(s.a);
	/* Lines that only start like a marker do not close the block. */
	split(&s, "---\na: |\n  ----\n  ---x\n --- \n---\nb\n");
	ck_assert_int_eq(s.rc, 0);
	ck_assert_part(s.fm.yaml, s.fm.yaml_len,
	    "a: |\n  ----\n  ---x\n --- \n");
	ck_assert_uint_eq(s.fm.body_line, 7);
	arena_free(s.a);
}
END_TEST

START_TEST(test_frontmatter_crlf)
{
	struct split s;

	split(&s, "---\r\ntitle: x\r\n---\r\nThân bài\r\n");
	ck_assert_int_eq(s.rc, 0);
	ck_assert(s.fm.present);
	ck_assert_part(s.fm.yaml, s.fm.yaml_len, "title: x\r\n");
	ck_assert_uint_eq(s.fm.yaml_line, 2);
	ck_assert_part(s.fm.body, s.fm.body_len, "Thân bài\r\n");
	ck_assert_uint_eq(s.fm.body_line, 4);
	arena_free(s.a);
}
END_TEST

START_TEST(test_frontmatter_bom)
{
	struct split s;

	split(&s, "\xEF\xBB\xBF---\na: 1\n---\nbody\n");
	ck_assert_int_eq(s.rc, 0);
	ck_assert(s.fm.present);
	ck_assert_part(s.fm.yaml, s.fm.yaml_len, "a: 1\n");
	ck_assert_uint_eq(s.fm.yaml_line, 2);
	ck_assert_part(s.fm.body, s.fm.body_len, "body\n");
	ck_assert_uint_eq(s.fm.body_line, 4);
	arena_free(s.a);
	/* Without front matter the body starts after the BOM. */
	split(&s, "\xEF\xBB\xBF# Tiêu đề\n");
	ck_assert_int_eq(s.rc, 0);
	ck_assert(!s.fm.present);
	ck_assert_part(s.fm.body, s.fm.body_len, "# Tiêu đề\n");
	ck_assert_uint_eq(s.fm.body_line, 1);
	arena_free(s.a);
}
END_TEST

START_TEST(test_frontmatter_absent)
{
	static const char *const bodies[] = {"# Tiêu đề\n---\na\n---\n", "",
	    "----\na\n----\n", " ---\na\n---\n", "--- a\n---\n", "-- -\n"};
	struct split s;
	size_t i;

	for (i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		split(&s, bodies[i]);
		ck_assert_int_eq(s.rc, 0);
		ck_assert_msg(!s.fm.present, "front matter in #%zu", i);
		ck_assert_uint_eq(s.fm.yaml_len, 0);
		ck_assert_part(s.fm.body, s.fm.body_len, bodies[i]);
		ck_assert_uint_eq(s.fm.body_line, 1);
		arena_free(s.a);
	}
}
END_TEST

START_TEST(test_frontmatter_empty_parts)
{
	struct split s;

	split(&s, "---\na: 1\n---");
	ck_assert_int_eq(s.rc, 0);
	ck_assert_part(s.fm.yaml, s.fm.yaml_len, "a: 1\n");
	ck_assert_uint_eq(s.fm.body_len, 0);
	ck_assert_uint_eq(s.fm.body_line, 4);
	arena_free(s.a);
	split(&s, "---\na: 1\n---\n");
	ck_assert_int_eq(s.rc, 0);
	ck_assert_uint_eq(s.fm.body_len, 0);
	ck_assert_uint_eq(s.fm.body_line, 4);
	arena_free(s.a);
	split(&s, "---\n---\nbody\n");
	ck_assert_int_eq(s.rc, 0);
	ck_assert(s.fm.present);
	ck_assert_uint_eq(s.fm.yaml_len, 0);
	ck_assert_uint_eq(s.fm.yaml_line, 2);
	ck_assert_part(s.fm.body, s.fm.body_len, "body\n");
	ck_assert_uint_eq(s.fm.body_line, 3);
	arena_free(s.a);
}
END_TEST

START_TEST(test_frontmatter_unclosed)
{
	static const char *const srcs[] = {"---\ntitle: x\n\nbody\n", "---",
	    "---\n", "\xEF\xBB\xBF---\r\na: 1\r\n-- \r\n"};
	struct split s;
	char *out = NULL;
	size_t len = 0, i;
	FILE *f;

	for (i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
		split(&s, srcs[i]);
		ck_assert_int_eq(s.rc, -1);
		ck_assert_uint_eq(diags_errors(s.d), 1);
		f = open_memstream(&out, &len);
		diags_print(s.d, f);
		fclose(f);
		assert_skel(out,
		    "tin/a.md:1:1: E [record.front-matter-unclosed]|---\n");
		free(out);
		arena_free(s.a);
	}
}
END_TEST

START_TEST(test_frontmatter_yaml_lines)
{
	static const char src[] = "---\n# chú thích\ntitle: Hội nghị\n"
	    "zone: [Lộc Sơn, Phú Hội]\n---\nbody\n";
	struct split s;
	struct value *v, *zone;

	split(&s, src);
	ck_assert_int_eq(s.rc, 0);
	ck_assert_int_eq(value_parse_yaml(s.a, s.d, "tin/a.md", s.fm.yaml,
	    s.fm.yaml_len, s.fm.yaml_line, &v), 0);
	ck_assert_uint_eq(v->pairs[0].line, 3);
	zone = value_map_get(v, "zone");
	ck_assert_uint_eq(zone->pos.line, 4);
	ck_assert_uint_eq(zone->items[1]->pos.line, 4);
	ck_assert_uint_eq(zone->items[1]->pos.col, 17);
	arena_free(s.a);
}
END_TEST

Suite *
frontmatter_suite(void)
{
	Suite *s = suite_create("frontmatter");
	TCase *tc;

	tc = tcase_create("split");
	tcase_add_test(tc, test_frontmatter_basic);
	tcase_add_test(tc, test_frontmatter_dots_and_blanks);
	tcase_add_test(tc, test_frontmatter_empty_parts);
	tcase_add_test(tc, test_frontmatter_absent);
	suite_add_tcase(s, tc);
	tc = tcase_create("encoding");
	tcase_add_test(tc, test_frontmatter_crlf);
	tcase_add_test(tc, test_frontmatter_bom);
	suite_add_tcase(s, tc);
	tc = tcase_create("errors");
	tcase_add_test(tc, test_frontmatter_unclosed);
	suite_add_tcase(s, tc);
	tc = tcase_create("lines");
	tcase_add_test(tc, test_frontmatter_yaml_lines);
	suite_add_tcase(s, tc);
	return s;
}
