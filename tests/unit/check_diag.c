/*
 * diag: the printed form of each kind of position, the sort order (path,
 * line, column, message, arrival), path-less diagnostics first, exact
 * duplicates printed once, the counters, and appending from 4 threads;
 * warnings like each other summarised in bounded memory.
 * Real catalogue ids, printed in English; the expected texts are made by
 * the catalogue itself (msg_format), so that a wording fix touches only
 * generator/messages_*.yaml.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "messages.h"
#include "testutil.h"

Suite *diag_suite(void);

/* An error and a warning of one argument each, and one of none. */
#define E "build.source-date-epoch"
#define W "output.remove-previous"
#define Z "output.root"

static struct pos
at(const char *path, unsigned line, unsigned col)
{
	struct pos p = {path, line, col};

	return p;
}

static struct diags *
new_diags(struct arena *a)
{
	struct diags *d = diags_new(a);

	diags_set_lang(d, "en");
	return d;
}

/* "text [id]" of id with argument arg (NULL: none), as printed. */
static const char *
txt(struct arena *a, const char *id, const char *arg)
{
	struct buf b = {0};
	const char *argv[1] = {arg};
	const char *s;

	msg_format(&b, "en", id, argv, arg != NULL);
	buf_addf(&b, " [%s]", id);
	s = buf_keep(&b, a);
	buf_release(&b);	/* buf_keep copies: b keeps its memory */
	return s;
}

START_TEST(test_diag_format)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);

	ck_assert_int_eq(diag_error(d, at("content/news/x.md", 3, 7), E,
	    "tittle"), -1);
	ck_assert_int_eq(diag_warning(d, at("content/a.md", 2, 0), W, "w"),
	    0);
	diag_error(d, pos_file("themes/default"), Z);
	diag_error(d, at(NULL, 0, 0), "run.interrupted");
	ck_assert_str_eq(tu_diags_text(a, d), arena_printf(a,
	    "minhbach: error: %s\n"
	    "content/a.md:2:1: warning: %s\n"
	    "content/news/x.md:3:7: error: %s\n"
	    "themes/default:1:1: error: %s\n",
	    txt(a, "run.interrupted", NULL), txt(a, W, "w"),
	    txt(a, E, "tittle"), txt(a, Z, NULL)));
	/* The default language is Vietnamese. */
	d = diags_new(a);
	diag_error(d, at("content/news/x.md", 3, 7), E, "x");
	TU_ASSERT_PREFIX(tu_diags_text(a, d), "content/news/x.md:3:7: lỗi: ");
	arena_free(a);
}
END_TEST

START_TEST(test_diag_empty)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);

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
	struct diags *d = new_diags(a);

	/* Arrival order scrambled on purpose. */
	diag_error(d, at("b.md", 1, 1), E, "b11");
	diag_error(d, at("a.md", 10, 1), E, "a10");
	diag_error(d, at("a.md", 2, 5), E, "a25");
	diag_warning(d, at("a.md", 2, 3), W, "a23");
	diag_error(d, at(NULL, 0, 0), E, "global2");
	diag_error(d, at("a.md", 2, 5), E, "a25 again, later");
	diag_error(d, at("a.md", 2, 5), E, "A25 sorts by message");
	diag_error(d, at(NULL, 0, 0), E, "global1");
	diag_error(d, pos_file("a.md"), E, "whole file");
	diag_error(d, at("a/b.md", 1, 1), E, "dir");
	/* line 10 after line 2 (numeric, not text order); at one place,
	 * by the text as printed ("a25 " before "a25”"). */
	ck_assert_str_eq(tu_diags_text(a, d), arena_printf(a,
	    "minhbach: error: %s\n"
	    "minhbach: error: %s\n"
	    "a.md:1:1: error: %s\n"
	    "a.md:2:3: warning: %s\n"
	    "a.md:2:5: error: %s\n"
	    "a.md:2:5: error: %s\n"
	    "a.md:2:5: error: %s\n"
	    "a.md:10:1: error: %s\n"
	    "a/b.md:1:1: error: %s\n"
	    "b.md:1:1: error: %s\n",
	    txt(a, E, "global1"), txt(a, E, "global2"),
	    txt(a, E, "whole file"), txt(a, W, "a23"),
	    txt(a, E, "A25 sorts by message"),
	    txt(a, E, "a25 again, later"), txt(a, E, "a25"),
	    txt(a, E, "a10"),
	    txt(a, E, "dir"), txt(a, E, "b11")));
	ck_assert_uint_eq(diags_errors(d), 9);
	ck_assert_uint_eq(diags_warnings(d), 1);
	arena_free(a);
}
END_TEST

START_TEST(test_diag_print_twice)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);
	const char *one;

	diag_error(d, at("z.md", 1, 1), E, "z");
	diag_error(d, at("a.md", 1, 1), E, "a");
	one = tu_diags_text(a, d);
	/* Printing sorts a copy: appending after printing still works. */
	diag_error(d, at("m.md", 1, 1), E, "m");
	ck_assert_str_eq(one, arena_printf(a, "a.md:1:1: error: %s\n"
	    "z.md:1:1: error: %s\n", txt(a, E, "a"), txt(a, E, "z")));
	ck_assert_str_eq(tu_diags_text(a, d), arena_printf(a,
	    "a.md:1:1: error: %s\nm.md:1:1: error: %s\nz.md:1:1: error: %s\n",
	    txt(a, E, "a"), txt(a, E, "m"), txt(a, E, "z")));
	arena_free(a);
}
END_TEST

START_TEST(test_diag_duplicates)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);
	char path[32], arg[32];

	/* One mistake met twice (path and argument copied: the caller's
	 * buffers change). */
	snprintf(path, sizeof path, "content/x.md");
	snprintf(arg, sizeof arg, "bad date");
	diag_error(d, at(path, 4, 2), E, arg);
	diag_error(d, at("content/x.md", 4, 2), E, "bad date");
	snprintf(path, sizeof path, "content/y.md");
	snprintf(arg, sizeof arg, "changed");
	diag_error(d, at(NULL, 0, 0), Z);
	diag_error(d, at(NULL, 0, 0), Z);
	/* Same place, other text or level: both printed. */
	diag_error(d, at("content/x.md", 4, 2), E, "bad title");
	diag_warning(d, at("content/x.md", 4, 2), W, "bad date");
	/* Same text elsewhere: printed. */
	diag_error(d, at("content/x.md", 4, 3), E, "bad date");
	ck_assert_str_eq(tu_diags_text(a, d), arena_printf(a,
	    "minhbach: error: %s\n"
	    "content/x.md:4:2: error: %s\n"
	    "content/x.md:4:2: error: %s\n"
	    "content/x.md:4:2: warning: %s\n"
	    "content/x.md:4:3: error: %s\n",
	    txt(a, Z, NULL), txt(a, E, "bad date"), txt(a, E, "bad title"),
	    txt(a, W, "bad date"), txt(a, E, "bad date")));
	/* Counted as recorded, duplicates included. */
	ck_assert_uint_eq(diags_errors(d), 6);
	ck_assert_uint_eq(diags_warnings(d), 1);
	arena_free(a);
}
END_TEST

START_TEST(test_diag_duplicates_interleaved)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);

	/*
	 * The same error met twice with another message at the same place
	 * in between: the error still prints once.
	 */
	diag_error(d, at("content/x.md", 1, 1), E, "same");
	diag_error(d, at("content/x.md", 1, 1), Z);
	diag_error(d, at("content/x.md", 1, 1), E, "same");
	ck_assert_uint_eq(tu_count(tu_diags_text(a, d), "\n"), 2);
	ck_assert_uint_eq(tu_count(tu_diags_text(a, d), txt(a, E, "same")),
	    1);
	arena_free(a);
}
END_TEST

START_TEST(test_diag_long_message)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);
	char big[2001];
	const char *t;

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	diag_error(d, at("f", 1, 1), E, big);
	t = tu_diags_text(a, d);
	ck_assert_uint_eq(strlen(t), strlen("f:1:1: error: ") +
	    strlen(txt(a, E, big)) + 1);
	ck_assert_ptr_nonnull(strstr(t, big));
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
		char path[32], arg[16];

		snprintf(path, sizeof path, "t%d.md", w->id);
		snprintf(arg, sizeof arg, "%c%d", i % 5 ? 'e' : 'w', i);
		/* diag_fmt from several threads too. */
		if (i % 5 == 0)
			diag_warning(w->d, at(path, (unsigned)i + 1, 1), W,
			    diag_fmt(w->d, "%s", arg));
		else
			diag_error(w->d, at(path, (unsigned)i + 1, 1), E,
			    arg);
	}
	return NULL;
}

START_TEST(test_diag_threads)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);
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
			const char *want;
			char arg[16];
			int warn = (line - 1) % 5 == 0;

			snprintf(arg, sizeof arg, "%c%u", warn ? 'w' : 'e',
			    line - 1);
			want = arena_printf(a, "t%d.md:%u:1: %s: %s\n", i,
			    line, warn ? "warning" : "error",
			    txt(a, warn ? W : E, arg));
			ck_assert_msg(strncmp(p, want, strlen(want)) == 0,
			    "expected %s", want);
			p += strlen(want);
		}
	}
	ck_assert_str_eq(p, "");
	arena_free(a);
}
END_TEST

/* The summary note of a group, as printed in English. */
static const char *
more(struct arena *a, const char *count, const char *id)
{
	struct buf b = {0};
	const char *argv[2] = {count, id};
	const char *s;

	buf_adds(&b, "minhbach: note: ");
	msg_format(&b, "en", "diag.more-like-it", argv, 2);
	buf_adds(&b, " [diag.more-like-it]\n");
	s = buf_keep(&b, a);
	buf_release(&b);
	return s;
}

#define MANY 10000

START_TEST(test_diag_like_summary)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);
	char path[32];
	unsigned i, k;

	/* 10,000 places of one warning, in a scrambled order (7919 is
	 * prime to MANY), each met twice; an error and another warning
	 * in between. */
	for (i = 0; i < MANY; i++) {
		k = (i * 7919u) % MANY;
		snprintf(path, sizeof path, "content/f%05u.md", k);
		diag_warning(d, at(path, 2, 1), W, "same");
		diag_warning(d, at(path, 2, 1), W, "same");
	}
	diag_error(d, at("content/f00001.md", 1, 1), E, "x");
	diag_warning(d, at("content/f00001.md", 3, 1), W, "other");
	ck_assert_uint_eq(diags_warnings(d), 2 * MANY + 1);
	/* Held: the group's ten first places, the error, the other. */
	ck_assert_uint_le(diags_stored(d), DIAG_LIKE_KEEP + 2);
	ck_assert_str_eq(tu_diags_text(a, d), arena_printf(a,
	    "content/f00000.md:2:1: warning: %s\n"
	    "content/f00001.md:1:1: error: %s\n"
	    "content/f00001.md:2:1: warning: %s\n"
	    "content/f00001.md:3:1: warning: %s\n"
	    "content/f00002.md:2:1: warning: %s\n%s",
	    txt(a, W, "same"), txt(a, E, "x"), txt(a, W, "same"),
	    txt(a, W, "other"), txt(a, W, "same"), more(a, "9,997", W)));
	/* Vietnamese groups thousands with a dot. */
	diags_set_lang(d, "vi");
	ck_assert_ptr_nonnull(strstr(tu_diags_text(a, d), "9.997"));
	/* GitHub: a notice without a file. */
	diags_set_lang(d, "en");
	diags_set_format(d, DIAG_GITHUB);
	ck_assert_ptr_nonnull(strstr(tu_diags_text(a, d),
	    "\n::notice title=diag.more-like-it::… and 9,997 more like it"));
	arena_free(a);
}
END_TEST

START_TEST(test_diag_like_limit)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);
	char path[32];
	unsigned i;

	/* Up to DIAG_LIKE_KEEP places: every one printed, as before. */
	for (i = 0; i < DIAG_LIKE_KEEP; i++) {
		snprintf(path, sizeof path, "f%u.md", i);
		diag_warning(d, at(path, 1, 1), W, "same");
	}
	ck_assert_uint_eq(tu_count(tu_diags_text(a, d), "\n"),
	    DIAG_LIKE_KEEP);
	ck_assert_ptr_null(strstr(tu_diags_text(a, d), "more-like-it"));
	/* Errors are never summarised. */
	d = new_diags(a);
	for (i = 0; i < MANY; i++) {
		snprintf(path, sizeof path, "f%05u.md", i);
		diag_error(d, at(path, 1, 1), E, "same");
	}
	ck_assert_uint_eq(diags_stored(d), MANY);
	ck_assert_uint_eq(tu_count(tu_diags_text(a, d), "\n"), MANY);
	/* Other arguments: another group, even with the same id. */
	d = new_diags(a);
	for (i = 0; i < 2 * DIAG_LIKE_KEEP; i++) {
		snprintf(path, sizeof path, "f%02u.md", i);
		diag_warning(d, at(path, 1, 1), W, i % 2 ? "odd" : "even");
	}
	ck_assert_uint_eq(tu_count(tu_diags_text(a, d), "\n"),
	    2 * DIAG_LIKE_KEEP);
	d = new_diags(a);
	for (i = 0; i <= DIAG_LIKE_KEEP; i++) {
		snprintf(path, sizeof path, "f%02u.md", i);
		diag_warning(d, at(path, 1, 1), W, "same");
	}
	ck_assert_str_eq(tu_diags_text(a, d), arena_printf(a,
	    "f00.md:1:1: warning: %s\nf01.md:1:1: warning: %s\n"
	    "f02.md:1:1: warning: %s\n%s", txt(a, W, "same"),
	    txt(a, W, "same"), txt(a, W, "same"), more(a, "8", W)));
	arena_free(a);
}
END_TEST

static void *
like_worker(void *p)
{
	struct worker_arg *w = p;
	char path[32];
	unsigned i;

	for (i = (unsigned)w->id; i < MANY; i += 4) {
		snprintf(path, sizeof path, "f%05u.md", MANY - 1 - i);
		diag_warning(w->d, at(path, 1, 1), W, "same");
	}
	return NULL;
}

START_TEST(test_diag_like_threads)
{
	struct arena *a = arena_new();
	struct diags *d = new_diags(a);
	pthread_t tid[4];
	struct worker_arg args[4];
	int i;

	/* Four threads, the places arriving last first: the same lines
	 * as one thread in order would give. */
	for (i = 0; i < 4; i++) {
		args[i].d = d;
		args[i].id = i;
		ck_assert_int_eq(pthread_create(&tid[i], NULL, like_worker,
		    &args[i]), 0);
	}
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_join(tid[i], NULL), 0);
	ck_assert_uint_le(diags_stored(d), DIAG_LIKE_KEEP);
	ck_assert_str_eq(tu_diags_text(a, d), arena_printf(a,
	    "f00000.md:1:1: warning: %s\nf00001.md:1:1: warning: %s\n"
	    "f00002.md:1:1: warning: %s\n%s", txt(a, W, "same"),
	    txt(a, W, "same"), txt(a, W, "same"), more(a, "9,997", W)));
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

	tc = tcase_create("like");
	tcase_add_test(tc, test_diag_like_summary);
	tcase_add_test(tc, test_diag_like_limit);
	suite_add_tcase(s, tc);

	tc = tcase_create("threads");
	tcase_add_test(tc, test_diag_threads);
	tcase_add_test(tc, test_diag_like_threads);
	suite_add_tcase(s, tc);
	return s;
}
