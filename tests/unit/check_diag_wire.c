/*
 * diag_wire and render_procs: a diagnostic sent through a pipe prints
 * exactly as the one recorded directly (NULL path, arguments, levels),
 * records cut anywhere are put together, garbage is refused; worker
 * processes send what they record, their failure and their death.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "diag_wire.h"
#include "render_procs.h"
#include "testutil.h"

Suite *diag_wire_suite(void);

/* A few diagnostics of every shape, into d. */
static void
record(struct diags *d)
{
	struct pos p = {"content/news/a.md", 12, 3};

	diag_error(d, pos_file(NULL), "build.source-date-epoch", "abc");
	diag_warning(d, p, "output.remove-previous", "tin-tuc/x");
	diag_error(d, pos_file("content/site.yaml"), "output.root");
	diag_error(d, p, "build.source-date-epoch", "");
}

/* What d prints. */
static char *
printed(struct diags *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	ck_assert_ptr_nonnull(f);
	diags_print(d, f);
	fclose(f);
	return s;
}

START_TEST(test_wire_roundtrip)
{
	struct arena *a = arena_new();
	struct diags *direct = diags_new(a), *sender = diags_new(a),
	             *got = diags_new(a);
	struct buf in = {0};
	char chunk[4096], *x, *y;
	int fds[2];
	ssize_t r;
	size_t i;

	record(direct);
	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(diags_send_to(sender, fds[1]), 0);
	record(sender);
	ck_assert_int_eq(diags_send_to(sender, -1), 0);
	close(fds[1]);
	/* One byte at a time: every cut of a record is met. */
	while ((r = read(fds[0], chunk, sizeof chunk)) > 0)
		for (i = 0; i < (size_t)r; i++) {
			buf_add(&in, chunk + i, 1);
			ck_assert_int_eq(diag_wire_take(&in, diag_add, got), 0);
		}
	close(fds[0]);
	ck_assert_uint_eq(in.len, 0);
	ck_assert_uint_eq(diags_errors(got), 3);
	ck_assert_uint_eq(diags_warnings(got), 1);
	x = printed(direct);
	y = printed(got);
	ck_assert_str_eq(x, y);
	free(x);
	free(y);
	buf_release(&in);
	arena_free(a);
}
END_TEST

START_TEST(test_wire_garbage)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct buf in = {0};
	unsigned char bad[] = {8, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0};

	buf_add(&in, (const char *)bad, sizeof bad);
	ck_assert_int_eq(diag_wire_take(&in, diag_add, d), -1);
	ck_assert_uint_eq(in.len, 0);
	ck_assert_uint_eq(diags_errors(d) + diags_warnings(d), 0);
	buf_release(&in);
	arena_free(a);
}
END_TEST

struct job {
	struct diags *d;
	int fail, crash;
	volatile sig_atomic_t *tell;
};

static int
job(void *arg)
{
	struct job *j = arg;

	if (j->crash)
		raise(SIGKILL); /* no core file */
	if (*j->tell)
		return -1;
	if (j->fail)
		return diag_error(j->d, pos_file("content/x.md"),
		    "output.root");
	diag_warning(j->d, pos_file("content/y.md"), "output.remove-previous",
	    "y");
	return 0;
}

START_TEST(test_procs_run)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	volatile sig_atomic_t stop = 0;
	volatile sig_atomic_t *tell = render_procs_shared(sizeof *tell);
	struct job j = {d, 0, 0, tell};
	char *s;

	diags_set_lang(d, "en");
	ck_assert_int_eq(render_procs_run(d, 2, &stop, tell, job, &j, NULL,
	                     NULL),
	    0);
	ck_assert_uint_eq(diags_warnings(d), 2); /* one per worker */
	j.fail = 1;
	ck_assert_int_eq(render_procs_run(d, 2, &stop, tell, job, &j, NULL,
	                     NULL),
	    -1);
	ck_assert_uint_eq(diags_errors(d), 2);
	j.crash = 1;
	ck_assert_int_eq(render_procs_run(d, 1, &stop, tell, job, &j, NULL,
	                     NULL),
	    -1);
	ck_assert_uint_eq(diags_errors(d), 3);
	s = printed(d);
	ck_assert_ptr_nonnull(strstr(s, "[render.worker-died]"));
	ck_assert_ptr_nonnull(strstr(s, "content/x.md:1:1: error: "));
	free(s);
	/* A stop: the workers are told, the run fails. */
	j.crash = j.fail = 0;
	stop = 1;
	ck_assert_int_eq(render_procs_run(d, 2, &stop, tell, job, &j, NULL,
	                     NULL),
	    -1);
	ck_assert_int_eq(*tell, 1);
	render_procs_unshare((void *)tell, sizeof *tell);
	arena_free(a);
}
END_TEST

Suite *
diag_wire_suite(void)
{
	Suite *s = suite_create("diag_wire");
	TCase *tc = tcase_create("wire");

	tcase_add_test(tc, test_wire_roundtrip);
	tcase_add_test(tc, test_wire_garbage);
	tcase_add_test(tc, test_procs_run);
	suite_add_tcase(s, tc);
	return s;
}
