/*
 * diag: the printed form of each kind of position, the sort order (path,
 * line, column, message, arrival), path-less diagnostics first, exact
 * duplicates printed once, the counters, and appending from 4 threads.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "testutil.h"

Suite *diag_suite(void);

static struct pos
at(const char *path, unsigned line, unsigned col)
{
	struct pos p = {path, line, col};

	return p;
}

START_TEST(test_diag_format)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);

	ck_assert_int_eq(diag_errorf(d, at("content/news/x.md", 3, 7),
	    "unknown key '%s'", "tittle"), -1);
	ck_assert_int_eq(diag_warningf(d, at("content/a.md", 2, 0), "w"), 0);
	diag_errorf(d, pos_file("themes/default"), "no template");
	diag_errorf(d, at(NULL, 0, 0), "interrupted");
	ck_assert_str_eq(tu_diags_text(a, d),
	    "minhbach: error: interrupted\n"
	    "content/a.md:2:1: warning: w\n"
	    "content/news/x.md:3:7: error: unknown key 'tittle'\n"
	    "themes/default:1:1: error: no template\n");
	arena_free(a);
}
END_TEST

START_TEST(test_diag_empty)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);

	ck_assert_str_eq(tu_diags_text(a, d), "");
	ck_assert_uint_eq(diags_errors(d), 0);
	ck_assert_uint_eq(diags_warnings(d), 0);
	arena_free(a);
}
END_TEST

START_TEST(test_diag_pos_file)
{
	struct pos p = pos_file("content/site.yaml");

	ck_assert_str_eq(p.path, "content/site.yaml");
	ck_assert_uint_eq(p.line, 0);
	ck_assert_uint_eq(p.col, 0);
}
END_TEST

START_TEST(test_diag_sorted)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);

	/* Arrival order scrambled on purpose. */
	diag_errorf(d, at("b.md", 1, 1), "b11");
	diag_errorf(d, at("a.md", 10, 1), "a10");
	diag_errorf(d, at("a.md", 2, 5), "a25");
	diag_warningf(d, at("a.md", 2, 3), "a23");
	diag_errorf(d, at(NULL, 0, 0), "global2");
	diag_errorf(d, at("a.md", 2, 5), "a25 again, earlier text? no: later");
	diag_errorf(d, at("a.md", 2, 5), "A25 sorts by message");
	diag_errorf(d, at(NULL, 0, 0), "global1");
	diag_errorf(d, pos_file("a.md"), "whole file");
	diag_errorf(d, at("a/b.md", 1, 1), "dir");
	/* line 10 after line 2 (numeric, not text order) */
	ck_assert_str_eq(tu_diags_text(a, d),
	    "minhbach: error: global1\n"
	    "minhbach: error: global2\n"
	    "a.md:1:1: error: whole file\n"
	    "a.md:2:3: warning: a23\n"
	    "a.md:2:5: error: A25 sorts by message\n"
	    "a.md:2:5: error: a25\n"
	    "a.md:2:5: error: a25 again, earlier text? no: later\n"
	    "a.md:10:1: error: a10\n"
	    "a/b.md:1:1: error: dir\n"
	    "b.md:1:1: error: b11\n");
	ck_assert_uint_eq(diags_errors(d), 9);
	ck_assert_uint_eq(diags_warnings(d), 1);
	arena_free(a);
}
END_TEST

START_TEST(test_diag_print_twice)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const char *one;

	diag_errorf(d, at("z.md", 1, 1), "z");
	diag_errorf(d, at("a.md", 1, 1), "a");
	one = tu_diags_text(a, d);
	/* Printing sorts a copy: appending after printing still works. */
	diag_errorf(d, at("m.md", 1, 1), "m");
	ck_assert_str_eq(one, "a.md:1:1: error: a\nz.md:1:1: error: z\n");
	ck_assert_str_eq(tu_diags_text(a, d), "a.md:1:1: error: a\n"
	    "m.md:1:1: error: m\nz.md:1:1: error: z\n");
	arena_free(a);
}
END_TEST

START_TEST(test_diag_duplicates)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	char path[32];

	/* One mistake met twice (path copied: the caller's buffer changes). */
	snprintf(path, sizeof path, "content/x.md");
	diag_errorf(d, at(path, 4, 2), "bad date");
	diag_errorf(d, at("content/x.md", 4, 2), "bad date");
	snprintf(path, sizeof path, "content/y.md");
	diag_errorf(d, at(NULL, 0, 0), "same");
	diag_errorf(d, at(NULL, 0, 0), "same");
	/* Same place, other text or level: both printed. */
	diag_errorf(d, at("content/x.md", 4, 2), "bad title");
	diag_warningf(d, at("content/x.md", 4, 2), "bad date");
	/* Same text elsewhere: printed. */
	diag_errorf(d, at("content/x.md", 4, 3), "bad date");
	ck_assert_str_eq(tu_diags_text(a, d),
	    "minhbach: error: same\n"
	    "content/x.md:4:2: error: bad date\n"
	    "content/x.md:4:2: warning: bad date\n"
	    "content/x.md:4:2: error: bad title\n"
	    "content/x.md:4:3: error: bad date\n");
	/* Counted as recorded, duplicates included. */
	ck_assert_uint_eq(diags_errors(d), 6);
	ck_assert_uint_eq(diags_warnings(d), 1);
	arena_free(a);
}
END_TEST

START_TEST(test_diag_duplicates_interleaved)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);

	/*
	 * The same error met twice with a warning of the same text at the
	 * same place in between: the error still prints once.
	 */
	diag_errorf(d, at("content/x.md", 1, 1), "same text");
	diag_warningf(d, at("content/x.md", 1, 1), "same text");
	diag_errorf(d, at("content/x.md", 1, 1), "same text");
	ck_assert_str_eq(tu_diags_text(a, d),
	    "content/x.md:1:1: error: same text\n"
	    "content/x.md:1:1: warning: same text\n");
	arena_free(a);
}
END_TEST

START_TEST(test_diag_long_message)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	char big[2001];
	const char *t;

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	diag_errorf(d, at("f", 1, 1), "%s", big);
	t = tu_diags_text(a, d);
	ck_assert_uint_eq(strlen(t), strlen("f:1:1: error: ") + 2000 + 1);
	arena_free(a);
}
END_TEST

struct worker_arg {
	struct diags *d;
	int id;
};

#define PER_THREAD 500

static void *
worker(void *p)
{
	struct worker_arg *w = p;
	int i;

	for (i = 0; i < PER_THREAD; i++) {
		char path[32];

		snprintf(path, sizeof path, "t%d.md", w->id);
		if (i % 5 == 0)
			diag_warningf(w->d, at(path, (unsigned)i + 1, 1),
			    "w%d", i);
		else
			diag_errorf(w->d, at(path, (unsigned)i + 1, 1), "e%d",
			    i);
	}
	return NULL;
}

START_TEST(test_diag_threads)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	pthread_t tid[4];
	struct worker_arg args[4];
	const char *t, *p;
	int i;
	unsigned line;

	for (i = 0; i < 4; i++) {
		args[i].d = d;
		args[i].id = i;
		ck_assert_int_eq(pthread_create(&tid[i], NULL, worker,
		    &args[i]), 0);
	}
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_join(tid[i], NULL), 0);
	ck_assert_uint_eq(diags_errors(d), 4 * PER_THREAD * 4 / 5);
	ck_assert_uint_eq(diags_warnings(d), 4 * PER_THREAD / 5);
	t = tu_diags_text(a, d);
	ck_assert_uint_eq(tu_count(t, "\n"), 4 * PER_THREAD);
	/* Every line present once, in order: t0 1..500, t1 ..., t3. */
	p = t;
	for (i = 0; i < 4; i++) {
		for (line = 1; line <= PER_THREAD; line++) {
			char want[64];
			int n;

			n = snprintf(want, sizeof want,
			    "t%d.md:%u:1: %s: %c%u\n", i, line,
			    (line - 1) % 5 ? "error" : "warning",
			    (line - 1) % 5 ? 'e' : 'w', line - 1);
			ck_assert_msg(strncmp(p, want, (size_t)n) == 0,
			    "expected %s", want);
			p += n;
		}
	}
	ck_assert_str_eq(p, "");
	arena_free(a);
}
END_TEST

Suite *
diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc;

	tc = tcase_create("format");
	tcase_add_test(tc, test_diag_format);
	tcase_add_test(tc, test_diag_empty);
	tcase_add_test(tc, test_diag_pos_file);
	tcase_add_test(tc, test_diag_long_message);
	suite_add_tcase(s, tc);

	tc = tcase_create("order");
	tcase_add_test(tc, test_diag_sorted);
	tcase_add_test(tc, test_diag_print_twice);
	tcase_add_test(tc, test_diag_duplicates);
	tcase_add_test(tc, test_diag_duplicates_interleaved);
	suite_add_tcase(s, tc);

	tc = tcase_create("threads");
	tcase_add_test(tc, test_diag_threads);
	suite_add_tcase(s, tc);
	return s;
}
