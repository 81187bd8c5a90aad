/*
 * Unit tests for item_body.c: with CONTENT_REREAD the load keeps no body
 * that is its file's own bytes; item_body() reads it again and fails,
 * with source.changed, when the file is no longer what the load read.
 */
#include <check.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "content.h"
#include "diag.h"
#include "item_body.h"
#include "site.h"
#include "source.h"
#include "testutil.h"
#include "tu_skel.h"
#include "value.h"

Suite *item_body_suite(void);

/*
 * CONTENT_REREAD: a body that is its file's own bytes is not kept but
 * read again (item_body()), checked against what the load read; a
 * body made NFC, a data file's body and an empty one are kept.
 */
START_TEST(test_item_body_reread)
{
	static const struct tu_file files[] = {
	    {"content/site.yaml",
	        "title: T\ncollections:\n"
	        "  news: {kind: news}\n  pages: {kind: page}\n"},
	    {"content/news/a.md", "---\ntitle: A\n---\nMở đầu.\n\nHai.\n"},
	    {"content/news/b.md",
	        "---\ntitle: B\n---\nVie\xcc\x82\xcc\xa3t.\n"},
	    {"content/news/c.md", "---\ntitle: C\n---\n"},
	    {"content/pages/d.yaml", "title: D\nbody: Gọi 1.\n"},
	    {NULL, NULL},
	};
	struct tu_site t;
	struct site *s;
	struct item *it;
	struct buf b = {0};
	const char *body = NULL;
	char p[512];

	tu_site_load(&t, files);
	ck_assert_ptr_nonnull(t.s);
	/* the same folder again, as a build loads it */
	s = content_load(t.a, t.d, t.src, CONTENT_REREAD);
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_eq(s->reread, t.src);

	it = tu_item(s, "content/news/a.md");
	ck_assert_ptr_null(it->body);
	ck_assert_uint_eq(it->body_len, strlen("Mở đầu.\n\nHai.\n"));
	ck_assert_int_eq(item_body(s, it, &b, &body), 0);
	ck_assert_mem_eq(body, "Mở đầu.\n\nHai.\n", it->body_len);
	ck_assert_uint_eq(it->body_pos.line, 4);

	/* made NFC at the load: not the file's bytes, so kept */
	it = tu_item(s, "content/news/b.md");
	ck_assert_ptr_nonnull(it->body);
	ck_assert_int_eq(item_body(s, it, &b, &body), 0);
	ck_assert_ptr_eq(body, it->body);
	ck_assert_ptr_nonnull(strstr(body, "Việt."));

	it = tu_item(s, "content/news/c.md");
	ck_assert_uint_eq(it->body_len, 0);
	ck_assert_int_eq(item_body(s, it, &b, &body), 0);
	ck_assert_str_eq(body, "");

	it = tu_item(s, "content/pages/d.yaml");
	ck_assert_int_eq(item_body(s, it, &b, &body), 0);
	ck_assert_str_eq(body, "Gọi 1.");
	/* (both loads warned: one line, as diagnostics are kept) */
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/news/b.md:4:3: W [text.not-nfc]\n");

	/* Edited after the load, same length: the build must fail, not
	 * publish half of each version. */
	it = tu_item(s, "content/news/a.md");
	TU_FMT(p, "%s/content/news/a.md", t.dir);
	tu_put(t.dir, "content/news/a.md",
	    "---\ntitle: A\n---\nMở đầu.\n\nBa!.\n");
	ck_assert_int_eq(item_body(s, it, &b, &body), -1);
	tu_assert_diag(t.d, "content/news/a.md:4:1: ");
	tu_assert_diag(t.d, "[source.changed]");
	/* shorter now */
	tu_put(t.dir, "content/news/a.md", "---\ntitle: A\n---\nMở đầu.\n");
	ck_assert_int_eq(item_body(s, it, &b, &body), -1);
	/* the text moved down a line: the bytes at its offset differ */
	tu_put(t.dir, "content/news/a.md",
	    "---\ntitle: A\nx: 1\n---\nMở đầu.\n\nHai.\n");
	ck_assert_int_eq(item_body(s, it, &b, &body), -1);
	/* back as it was */
	tu_put(t.dir, "content/news/a.md",
	    "---\ntitle: A\n---\nMở đầu.\n\nHai.\n");
	ck_assert_int_eq(item_body(s, it, &b, &body), 0);
	/* gone */
	ck_assert_int_eq(unlink(p), 0);
	ck_assert_int_eq(item_body(s, it, &b, &body), -1);
	tu_assert_diag(t.d, "[source.unopenable]");
	buf_release(&b);
	tu_site_close(&t);
}
END_TEST

/*
 * item_body_quiet(), for the search thread that may run while the render
 * forks: the same bytes, and the same failures with nothing recorded
 * (the diagnostics' lock is not taken).
 */
START_TEST(test_item_body_quiet)
{
	static const struct tu_file files[] = {
	    {"content/site.yaml",
	        "title: T\ncollections:\n"
	        "  news: {kind: news}\n"},
	    {"content/news/a.md", "---\ntitle: A\n---\nMở đầu.\r\nHai.\n"},
	    {NULL, NULL},
	};
	struct tu_site t;
	struct site *s;
	struct item *it;
	struct buf b = {0};
	const char *body = NULL;
	size_t errors;
	char p[512];

	tu_site_load(&t, files);
	ck_assert_ptr_nonnull(t.s);
	s = content_load(t.a, t.d, t.src, CONTENT_REREAD);
	ck_assert_ptr_nonnull(s);
	it = tu_item(s, "content/news/a.md");
	ck_assert_ptr_null(it->body);
	ck_assert_int_eq(item_body_quiet(s, it, &b, &body), 0);
	ck_assert_mem_eq(body, "Mở đầu.\r\nHai.\n", it->body_len);
	errors = diags_errors(t.d);
	tu_put(t.dir, "content/news/a.md",
	    "---\ntitle: A\n---\nMở đầu.\r\nBa!.\n");
	ck_assert_int_eq(item_body_quiet(s, it, &b, &body), -1);
	ck_assert_uint_eq(diags_errors(t.d), errors);
	TU_FMT(p, "%s/content/news/a.md", t.dir);
	ck_assert_int_eq(unlink(p), 0);
	ck_assert_int_eq(item_body_quiet(s, it, &b, &body), -1);
	ck_assert_uint_eq(diags_errors(t.d), errors);
	/* item_body() says it */
	ck_assert_int_eq(item_body(s, it, &b, &body), -1);
	ck_assert_uint_eq(diags_errors(t.d), errors + 1);
	tu_assert_diag(t.d, "[source.unopenable]");
	buf_release(&b);
	tu_site_close(&t);
}
END_TEST

Suite *
item_body_suite(void)
{
	Suite *s = suite_create("item_body");
	TCase *tc = tcase_create("reread");

	tcase_add_test(tc, test_item_body_reread);
	tcase_add_test(tc, test_item_body_quiet);
	suite_add_tcase(s, tc);
	return s;
}
