/*
 * messages and diag together: the catalogue loads and is sorted; every
 * entry has both languages and help; a text's {n} are filled in order;
 * the printed line carries level word, text and id in the list's
 * language; GitHub annotation lines escape what GitHub would misread;
 * a wrong id or argument count falls back to the raw id (and aborts
 * under MINHBACH_STRICT_MESSAGES, which this suite unsets per test).
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "messages.h"
#include "testutil.h"

Suite *messages_suite(void);

START_TEST(test_messages_catalogue)
{
	size_t i, n = msg_count();

	ck_assert_uint_gt(n, 5);
	for (i = 0; i < n; i++) {
		const struct msg *m = msg_at(i);

		ck_assert_ptr_nonnull(m->vi);
		ck_assert_ptr_nonnull(m->en);
		ck_assert_ptr_nonnull(m->help);
		ck_assert_uint_gt(strlen(m->help), 10);
		ck_assert_ptr_eq(msg_find(m->id), m);
		if (i > 0)
			ck_assert_int_lt(strcmp(msg_at(i - 1)->id, m->id), 0);
	}
	ck_assert_ptr_null(msg_find("no.such-id"));
	ck_assert_ptr_null(msg_at(n));
}
END_TEST

START_TEST(test_messages_format)
{
	struct buf b = {0};
	const char *args[] = {"12", "3"};

	msg_format(&b, "vi", "run.failed", args, 2);
	ck_assert_str_eq(buf_cstr(&b), "12 lỗi, 3 cảnh báo");
	buf_reset(&b);
	msg_format(&b, "en", "run.failed", args, 2);
	ck_assert_str_eq(buf_cstr(&b), "12 errors, 3 warnings");
	buf_reset(&b);
	/* Any language but Vietnamese reads English. */
	msg_format(&b, "fr", "run.failed", args, 2);
	ck_assert_str_eq(buf_cstr(&b), "12 errors, 3 warnings");
	buf_reset(&b);
	/* A bug (wrong count, unknown id) still says something. */
	unsetenv("MINHBACH_STRICT_MESSAGES");
	msg_format(&b, "vi", "run.failed", args, 1);
	ck_assert_str_eq(buf_cstr(&b), "run.failed: 12");
	buf_reset(&b);
	msg_format(&b, "vi", "no.such-id", args, 2);
	ck_assert_str_eq(buf_cstr(&b), "no.such-id: 12, 3");
	buf_release(&b);
}
END_TEST

START_TEST(test_messages_strict_aborts)
{
	struct buf b = {0};
	const char *args[] = {"12"};

	setenv("MINHBACH_STRICT_MESSAGES", "1", 1);
	msg_format(&b, "vi", "run.failed", args, 1);
}
END_TEST

static struct pos
at(const char *path, unsigned line, unsigned col)
{
	struct pos p = {path, line, col};

	return p;
}

START_TEST(test_messages_diag_lang)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);

	ck_assert_int_eq(diag_error(d, at("content/a.md", 0, 0),
	    "run.no-repository", "content"), -1);
	ck_assert_int_eq(diag_warning(d, pos_file(NULL), "run.interrupted"),
	    0);
	ck_assert_str_eq(diags_lang(d), "vi");
	ck_assert_str_eq(tu_diags_text(a, d),
	    "minhbach: cảnh báo: đã dừng giữa chừng (Ctrl-C) "
	    "[run.interrupted]\n"
	    "content/a.md:1:1: lỗi: content không nằm trong một kho git; "
	    "dựng trang không có lịch sử sửa đổi [run.no-repository]\n");
	diags_set_lang(d, "en");
	ck_assert_str_eq(tu_diags_text(a, d),
	    "minhbach: warning: interrupted [run.interrupted]\n"
	    "content/a.md:1:1: error: content is not in a git repository; "
	    "building without revision history [run.no-repository]\n");
	ck_assert(diags_has(d, "run.interrupted", NULL));
	ck_assert(diags_has(d, "run.no-repository", "content/a.md"));
	ck_assert(!diags_has(d, "run.no-repository", "content/b.md"));
	ck_assert(!diags_has(d, "run.ok", NULL));
	arena_free(a);
}
END_TEST

START_TEST(test_messages_github)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	char buf[64];
	const char *t;

	diags_set_lang(d, "en");
	diags_set_format(d, DIAG_GITHUB);
	diag_error(d, at("content/a,b:c.md", 7, 3), "run.no-repository",
	    "50% done\nnext");
	diag_warning(d, pos_file(NULL), "run.interrupted");
	snprintf(buf, sizeof buf, "%s", "x");
	t = tu_diags_text(a, d);
	ck_assert_str_eq(t,
	    "::warning title=run.interrupted::interrupted\n"
	    "::error file=content/a%2Cb%3Ac.md,line=7,col=3,"
	    "title=run.no-repository::50%25 done%0Anext is not in a git "
	    "repository; building without revision history\n");
	arena_free(a);
}
END_TEST

START_TEST(test_messages_diag_fmt)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);

	ck_assert_str_eq(diag_fmt(d, "%zu|%s", (size_t)42, "x"), "42|x");
	arena_free(a);
}
END_TEST

START_TEST(test_messages_markdown)
{
	struct buf b = {0};

	msg_write_catalogue(&b, "vi", 1);
	/* Every id is an anchor; arguments show as an ellipsis. */
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "<a id=\"run.failed\"></a>\n**`run.failed`** (ghi chú)  \n"
	    "Thông báo: … lỗi, … cảnh báo  \n"));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "{1}"));
	buf_reset(&b);
	msg_write_catalogue(&b, "en", 0);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "run.failed\tnote\t{1} errors, {2} warnings\n"));
	buf_release(&b);
}
END_TEST

Suite *
messages_suite(void)
{
	Suite *s = suite_create("messages");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_messages_catalogue);
	tcase_add_test(tc, test_messages_format);
	tcase_add_test_raise_signal(tc, test_messages_strict_aborts, SIGABRT);
	tcase_add_test(tc, test_messages_diag_lang);
	tcase_add_test(tc, test_messages_github);
	tcase_add_test(tc, test_messages_diag_fmt);
	tcase_add_test(tc, test_messages_markdown);
	suite_add_tcase(s, tc);
	return s;
}
