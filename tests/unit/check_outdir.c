/*
 * outdir: every refusal (/, the source, its ancestors, content/, themes/,
 * a file, a foreign folder) leaves the disk untouched; a build goes to a
 * temporary folder that commit swaps in and abort drops; stale folders
 * of dead builds are removed, and only those.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "fsutil.h"
#include "outdir.h"
#include "testutil.h"

Suite *outdir_suite(void);

struct fixture {
	char tmp[64];		/* real path: /tmp is not a link here */
	char src[96];
	struct arena *a;
	struct diags *d;
};

static void
put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static const char *
get(const char *path)
{
	static char text[256];
	size_t n;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static bool
there(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static void
setup(struct fixture *f)
{
	char p[160], *rp;

	snprintf(f->tmp, sizeof f->tmp, "/tmp/minhbach-outdir-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(f->tmp));
	rp = realpath(f->tmp, NULL);
	snprintf(f->tmp, sizeof f->tmp, "%s", rp);
	free(rp);
	snprintf(f->src, sizeof f->src, "%s/src", f->tmp);
	ck_assert_int_eq(mkdir(f->src, 0755), 0);
	snprintf(p, sizeof p, "%s/content", f->src);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/themes", f->src);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	f->a = arena_new();
	f->d = diags_new(f->a);
}

static void
teardown(struct fixture *f)
{
	fsutil_rmtree(AT_FDCWD, f->tmp);
	arena_free(f->a);
}

/* Counts the entries of dir whose name contains part. */
static int
count(const char *dir, const char *part)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, part) != NULL)
			n++;
	closedir(d);
	return n;
}

/* One build of a site holding index.html = text. */
static void
build(struct fixture *f, const char *out, const char *text, bool commit)
{
	struct outdir od;

	ck_assert_int_eq(outdir_begin(f->d, f->src, out, &od), 0);
	ck_assert_int_eq(fsutil_write(f->d, od.tmpfd, "index.html", text,
	    strlen(text)), 0);
	if (commit) {
		ck_assert_int_eq(outdir_commit(f->d, &od), 0);
	} else {
		outdir_abort(&od);
	}
	ck_assert_ptr_null(od.tmp);
	ck_assert_ptr_null(od.out);
	ck_assert_int_eq(od.tmpfd, -1);
}

static void
refused(struct fixture *f, const char *out, const char *why)
{
	struct outdir od;
	size_t before = diags_errors(f->d);

	ck_assert_int_eq(outdir_begin(f->d, f->src, out, &od), -1);
	ck_assert_uint_eq(diags_errors(f->d), before + 1);
	ck_assert_ptr_null(od.tmp);
	ck_assert_ptr_null(od.out);
	ck_assert_int_eq(od.tmpfd, -1);
	tu_assert_diag(f->d, why);
	outdir_abort(&od);	/* harmless after a failure */
}

START_TEST(test_outdir_refuses_places)
{
	struct fixture f;
	char p[192], content[128];

	setup(&f);
	refused(&f, "/", "[output.root]");
	refused(&f, f.src, "[output.is-source]");
	snprintf(p, sizeof p, "%s/.", f.src);
	refused(&f, p, "[output.is-source]");
	refused(&f, f.tmp, "[output.contains-source]");
	refused(&f, "/tmp", "[output.contains-source]");
	snprintf(content, sizeof content, "%s/content", f.src);
	refused(&f, content, "[output.inside-source]");
	snprintf(p, sizeof p, "%s/content/news/site", f.src);
	refused(&f, p, "[output.inside-source]");
	snprintf(p, sizeof p, "%s/x/../themes/default", f.src);
	refused(&f, p, "[output.inside-source]");
	/* Relative to the working folder, the way --out is usually given. */
	ck_assert_int_eq(chdir(f.src), 0);
	refused(&f, ".", "[output.is-source]");
	refused(&f, "..", "[output.contains-source]");
	refused(&f, "content/", "[output.inside-source]");
	/* Nothing was made anywhere. */
	ck_assert_int_eq(count(f.tmp, "minhbach"), 0);
	ck_assert_int_eq(count(f.src, "minhbach"), 0);
	ck_assert_int_eq(count(content, ""), 2);	/* "." and ".." */
	snprintf(p, sizeof p, "%s/themes/default", f.src);
	ck_assert(!there(p));
	teardown(&f);
}
END_TEST

START_TEST(test_outdir_refuses_file)
{
	struct fixture f;
	char p[160];

	setup(&f);
	snprintf(p, sizeof p, "%s/site", f.tmp);
	put(p, "a file");
	refused(&f, p, "[output.not-a-folder]");
	ck_assert_str_eq(get(p), "a file");
	ck_assert_int_eq(count(f.tmp, "minhbach"), 0);
	teardown(&f);
}
END_TEST

START_TEST(test_outdir_refuses_foreign)
{
	struct fixture f;
	char out[160], p[192];

	setup(&f);
	snprintf(out, sizeof out, "%s/www", f.tmp);
	ck_assert_int_eq(mkdir(out, 0755), 0);
	snprintf(p, sizeof p, "%s/index.html", out);
	put(p, "someone else's page");
	refused(&f, out, "[output.not-ours]");
	ck_assert_str_eq(get(p), "someone else's page");
	ck_assert_int_eq(count(out, ""), 3);
	ck_assert_int_eq(count(f.tmp, "minhbach"), 0);
	/* A marker that is a folder, not a file, proves nothing. */
	snprintf(p, sizeof p, "%s/%s", out, OUTDIR_MARKER);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	refused(&f, out, "[output.not-ours]");
	teardown(&f);
}
END_TEST

START_TEST(test_outdir_new_deep)
{
	struct fixture f;
	struct outdir od;
	char out[160], p[224], parent[160];

	setup(&f);
	snprintf(out, sizeof out, "%s/deep/new/site", f.tmp);
	snprintf(parent, sizeof parent, "%s/deep/new", f.tmp);
	ck_assert_int_eq(outdir_begin(f.d, f.src, out, &od), 0);
	ck_assert_str_eq(od.out, out);
	snprintf(p, sizeof p, "%s/.site.minhbach-tmp-%ld", parent,
	    (long)getpid());
	ck_assert_str_eq(od.tmp, p);
	ck_assert(!there(out));
	snprintf(p, sizeof p, "%s/%s", od.tmp, OUTDIR_MARKER);
	ck_assert(there(p));
	ck_assert_int_eq(fsutil_write(f.d, od.tmpfd, "tin-tuc/index.html",
	    "news", 4), 0);
	ck_assert_int_eq(outdir_commit(f.d, &od), 0);
	snprintf(p, sizeof p, "%s/tin-tuc/index.html", out);
	ck_assert_str_eq(get(p), "news");
	snprintf(p, sizeof p, "%s/%s", out, OUTDIR_MARKER);
	ck_assert(there(p));
	ck_assert_int_eq(count(parent, "minhbach"), 0);
	ck_assert_uint_eq(diags_errors(f.d), 0);
	teardown(&f);
}
END_TEST

START_TEST(test_outdir_relative_and_empty)
{
	struct fixture f;
	char p[160];

	setup(&f);
	ck_assert_int_eq(chdir(f.tmp), 0);
	build(&f, "site", "first", true);
	snprintf(p, sizeof p, "%s/site/index.html", f.tmp);
	ck_assert_str_eq(get(p), "first");
	/* The default: --source . --out site, site inside the source. */
	ck_assert_int_eq(chdir(f.src), 0);
	build(&f, "site", "inside", true);
	snprintf(p, sizeof p, "%s/site/index.html", f.src);
	ck_assert_str_eq(get(p), "inside");
	/* An empty folder may be used. */
	snprintf(p, sizeof p, "%s/empty", f.tmp);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	build(&f, p, "was empty", true);
	snprintf(p, sizeof p, "%s/empty/index.html", f.tmp);
	ck_assert_str_eq(get(p), "was empty");
	ck_assert_int_eq(count(f.tmp, "minhbach"), 0);
	ck_assert_uint_eq(diags_errors(f.d), 0);
	teardown(&f);
}
END_TEST

START_TEST(test_outdir_abort_keeps_old)
{
	struct fixture f;
	char out[160], p[192];

	setup(&f);
	snprintf(out, sizeof out, "%s/site", f.tmp);
	build(&f, out, "v1", true);
	build(&f, out, "v2", false);
	snprintf(p, sizeof p, "%s/index.html", out);
	ck_assert_str_eq(get(p), "v1");
	ck_assert_int_eq(count(f.tmp, "minhbach"), 0);
	ck_assert_uint_eq(diags_errors(f.d), 0);
	teardown(&f);
}
END_TEST

START_TEST(test_outdir_commit_replaces)
{
	struct fixture f;
	struct outdir od;
	char out[160], p[192];

	setup(&f);
	snprintf(out, sizeof out, "%s/site", f.tmp);
	ck_assert_int_eq(outdir_begin(f.d, f.src, out, &od), 0);
	ck_assert_int_eq(fsutil_write(f.d, od.tmpfd, "index.html", "v1", 2),
	    0);
	ck_assert_int_eq(fsutil_write(f.d, od.tmpfd, "old/only.html", "x", 1),
	    0);
	ck_assert_int_eq(outdir_commit(f.d, &od), 0);
	build(&f, out, "v2", true);
	snprintf(p, sizeof p, "%s/index.html", out);
	ck_assert_str_eq(get(p), "v2");
	snprintf(p, sizeof p, "%s/old", out);
	ck_assert(!there(p));
	/* Only src/ and site/ remain: no temporary or old folder. */
	ck_assert_int_eq(count(f.tmp, ""), 4);
	ck_assert_uint_eq(diags_errors(f.d), 0);
	teardown(&f);
}
END_TEST

START_TEST(test_outdir_commit_rechecks)
{
	struct fixture f;
	struct outdir od;
	char out[160], p[192];

	setup(&f);
	snprintf(out, sizeof out, "%s/site", f.tmp);
	ck_assert_int_eq(outdir_begin(f.d, f.src, out, &od), 0);
	ck_assert_int_eq(fsutil_write(f.d, od.tmpfd, "index.html", "new", 3),
	    0);
	/* Someone else fills --out while the build runs. */
	ck_assert_int_eq(mkdir(out, 0755), 0);
	snprintf(p, sizeof p, "%s/theirs.html", out);
	put(p, "theirs");
	ck_assert_int_eq(outdir_commit(f.d, &od), -1);
	tu_assert_diag(f.d, "[output.not-ours]");
	ck_assert_str_eq(get(p), "theirs");
	ck_assert_int_eq(count(out, ""), 3);
	ck_assert_int_eq(count(f.tmp, "minhbach"), 0);
	ck_assert_ptr_null(od.tmp);
	outdir_abort(&od);
	teardown(&f);
}
END_TEST

/* A pid that no process has: above the largest pid_max (2^22). */
static long
dead_pid(long from)
{
	long pid;

	for (pid = from; pid < from + 1000; pid++)
		if (kill((pid_t)pid, 0) == -1 && errno == ESRCH)
			return pid;
	ck_abort_msg("no free pid");
	return 0;
}

static void
leftover(const char *tmp, const char *name, bool marker)
{
	char p[256];

	snprintf(p, sizeof p, "%s/%s", tmp, name);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/%s/index.html", tmp, name);
	put(p, "old");
	if (marker) {
		snprintf(p, sizeof p, "%s/%s/%s", tmp, name, OUTDIR_MARKER);
		put(p, "");
	}
}

START_TEST(test_outdir_stale_cleanup)
{
	struct fixture f;
	struct outdir od;
	char dead[64], dead2[64], nomark[64], alive[64], other[64], old[64];
	char out[160], p[224];
	long pid = dead_pid(4194305), pid2 = dead_pid(pid + 1);

	setup(&f);
	snprintf(dead, sizeof dead, ".site.minhbach-tmp-%ld", pid);
	snprintf(old, sizeof old, ".site.minhbach-old-%ld", pid2);
	snprintf(nomark, sizeof nomark, ".site.minhbach-tmp-%ld", pid2);
	snprintf(alive, sizeof alive, ".site.minhbach-tmp-%ld",
	    (long)getppid());
	snprintf(other, sizeof other, ".www.minhbach-tmp-%ld", pid);
	snprintf(dead2, sizeof dead2, ".site.minhbach-tmp-%ldx", pid);
	leftover(f.tmp, dead, true);
	leftover(f.tmp, old, true);
	leftover(f.tmp, nomark, false);
	leftover(f.tmp, alive, true);
	leftover(f.tmp, other, true);
	leftover(f.tmp, dead2, true);
	snprintf(out, sizeof out, "%s/site", f.tmp);
	ck_assert_int_eq(outdir_begin(f.d, f.src, out, &od), 0);
	snprintf(p, sizeof p, "%s/%s", f.tmp, dead);
	ck_assert(!there(p));
	snprintf(p, sizeof p, "%s/%s", f.tmp, old);
	ck_assert(!there(p));
	/* Without the marker, alive, another site, not a pid: kept. */
	snprintf(p, sizeof p, "%s/%s/index.html", f.tmp, nomark);
	ck_assert(there(p));
	snprintf(p, sizeof p, "%s/%s/index.html", f.tmp, alive);
	ck_assert(there(p));
	snprintf(p, sizeof p, "%s/%s/index.html", f.tmp, other);
	ck_assert(there(p));
	snprintf(p, sizeof p, "%s/%s/index.html", f.tmp, dead2);
	ck_assert(there(p));
	ck_assert(there(od.tmp));
	outdir_abort(&od);
	ck_assert_int_eq(count(f.tmp, "minhbach"), 4);
	ck_assert_uint_eq(diags_errors(f.d) + diags_warnings(f.d), 0);
	teardown(&f);
}
END_TEST

Suite *
outdir_suite(void)
{
	Suite *s = suite_create("outdir");
	TCase *tc;

	tc = tcase_create("refusals");
	tcase_add_test(tc, test_outdir_refuses_places);
	tcase_add_test(tc, test_outdir_refuses_file);
	tcase_add_test(tc, test_outdir_refuses_foreign);
	suite_add_tcase(s, tc);

	tc = tcase_create("swap");
	tcase_add_test(tc, test_outdir_new_deep);
	tcase_add_test(tc, test_outdir_relative_and_empty);
	tcase_add_test(tc, test_outdir_abort_keeps_old);
	tcase_add_test(tc, test_outdir_commit_replaces);
	tcase_add_test(tc, test_outdir_commit_rechecks);
	suite_add_tcase(s, tc);

	tc = tcase_create("stale");
	tcase_add_test(tc, test_outdir_stale_cleanup);
	suite_add_tcase(s, tc);
	return s;
}
