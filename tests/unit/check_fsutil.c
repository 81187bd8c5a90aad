/*
 * fsutil: safe relative paths, writes below a folder fd that never follow
 * a link and report collisions, mkdirs, and rmtree that removes links
 * but never what they point at.  Every test works in a fresh folder.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "fsutil.h"
#include "testutil.h"

Suite *fsutil_suite(void);

/* A fresh folder under /tmp; path is filled in. */
static void
make_tmp(char path[64])
{
	snprintf(path, 64, "/tmp/minhbach-fsutil-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(path));
}

static void
put(const char *dir, const char *rel, const char *text)
{
	char p[512];
	FILE *f;

	snprintf(p, sizeof p, "%s/%s", dir, rel);
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

/* Returns the contents of dir/rel (static buffer) or NULL. */
static const char *
get(const char *dir, const char *rel)
{
	static char text[4096];
	char p[512];
	size_t n;
	FILE *f;

	snprintf(p, sizeof p, "%s/%s", dir, rel);
	if ((f = fopen(p, "r")) == NULL)
		return NULL;
	n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static bool
there(const char *dir, const char *rel)
{
	char p[512];
	struct stat st;

	snprintf(p, sizeof p, "%s/%s", dir, rel);
	return lstat(p, &st) == 0;
}

START_TEST(test_fsutil_safe_relpath)
{
	static const char *const good[] = {
		"index.html", "a/b/c.html", "tin-tuc/2024/index.html",
		".minhbach", "a/.b", "a..b", "...", "Hội nghị.html",
	};
	static const char *const bad[] = {
		"", "/", "/etc/passwd", ".", "..", "../x", "a/../b", "a/..",
		"./a", "a/./b", "a/.", "a//b", "a/", "//a",
	};
	char longname[300];
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(fsutil_safe_relpath(good[i]), "%s", good[i]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!fsutil_safe_relpath(bad[i]), "%s", bad[i]);
	ck_assert(!fsutil_safe_relpath(NULL));
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	ck_assert(!fsutil_safe_relpath(longname));
}
END_TEST

START_TEST(test_fsutil_write_creates_parents)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	char tmp[64], p[128];
	struct stat st;
	int fd;

	umask(022);
	make_tmp(tmp);
	fd = open(tmp, O_RDONLY | O_DIRECTORY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fsutil_write(d, fd, "tin-tuc/2024/index.html",
	    "<p>xin chào</p>", strlen("<p>xin chào</p>")), 0);
	ck_assert_str_eq(get(tmp, "tin-tuc/2024/index.html"),
	    "<p>xin chào</p>");
	snprintf(p, sizeof p, "%s/tin-tuc/2024/index.html", tmp);
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0644);
	snprintf(p, sizeof p, "%s/tin-tuc/2024", tmp);
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(st.st_mode & 07777, 0755);
	/* An empty file with no data pointer at all. */
	ck_assert_int_eq(fsutil_write(d, fd, "empty.txt", NULL, 0), 0);
	ck_assert_str_eq(get(tmp, "empty.txt"), "");
	ck_assert_uint_eq(diags_errors(d), 0);
	close(fd);
	ck_assert_int_eq(fsutil_rmtree(AT_FDCWD, tmp), 0);
	arena_free(a);
}
END_TEST

START_TEST(test_fsutil_write_collision)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	char tmp[64];
	const char *text;
	int fd;

	make_tmp(tmp);
	fd = open(tmp, O_RDONLY | O_DIRECTORY);
	ck_assert_int_eq(fsutil_write(d, fd, "gioi-thieu/index.html", "one",
	    3), 0);
	ck_assert_int_eq(fsutil_write(d, fd, "gioi-thieu/index.html", "two",
	    3), -1);
	ck_assert_uint_eq(diags_errors(d), 1);
	text = tu_diags_text(a, d);
	ck_assert_ptr_nonnull(strstr(text, "«gioi-thieu/index.html»"));
	ck_assert_ptr_nonnull(strstr(text, "[output.written-twice]"));
	ck_assert_str_eq(get(tmp, "gioi-thieu/index.html"), "one");
	/* A page whose path is another page's folder collides too. */
	ck_assert_int_eq(fsutil_write(d, fd, "gioi-thieu", "x", 1), -1);
	ck_assert_uint_eq(diags_errors(d), 2);
	close(fd);
	fsutil_rmtree(AT_FDCWD, tmp);
	arena_free(a);
}
END_TEST

START_TEST(test_fsutil_write_refuses_unsafe)
{
	static const char *const bad[] = {
		"../escape.html", "/tmp/escape.html", "a/../../escape.html",
		"./a.html", "a//b.html", "", "dir/",
	};
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	char tmp[64], inner[80];
	const char *text;
	size_t i;
	int fd;

	make_tmp(tmp);
	snprintf(inner, sizeof inner, "%s/out", tmp);
	ck_assert_int_eq(mkdir(inner, 0755), 0);
	fd = open(inner, O_RDONLY | O_DIRECTORY);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_int_eq(fsutil_write(d, fd, bad[i], "x", 1), -1);
	ck_assert_uint_eq(diags_errors(d), sizeof bad / sizeof bad[0]);
	text = tu_diags_text(a, d);
	ck_assert_ptr_nonnull(strstr(text, "«../escape.html» "
	    "[output.unsafe-path]"));
	ck_assert(!there(tmp, "escape.html"));
	ck_assert(!there(tmp, "out/a"));
	ck_assert(!there(tmp, "out/dir"));
	close(fd);
	fsutil_rmtree(AT_FDCWD, tmp);
	arena_free(a);
}
END_TEST

START_TEST(test_fsutil_write_no_follow)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	char tmp[64], p[128], q[128];
	int fd;

	make_tmp(tmp);
	snprintf(p, sizeof p, "%s/outside", tmp);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	put(tmp, "outside/secret.txt", "keep");
	snprintf(p, sizeof p, "%s/out", tmp);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	/* A planted link to a folder, and one to a file. */
	snprintf(p, sizeof p, "%s/outside", tmp);
	snprintf(q, sizeof q, "%s/out/link", tmp);
	ck_assert_int_eq(symlink(p, q), 0);
	snprintf(p, sizeof p, "%s/outside/secret.txt", tmp);
	snprintf(q, sizeof q, "%s/out/page.html", tmp);
	ck_assert_int_eq(symlink(p, q), 0);
	snprintf(p, sizeof p, "%s/out", tmp);
	fd = open(p, O_RDONLY | O_DIRECTORY);
	ck_assert_int_eq(fsutil_write(d, fd, "link/x.html", "bad", 3), -1);
	ck_assert_int_eq(fsutil_write(d, fd, "page.html", "bad", 3), -1);
	ck_assert_uint_eq(diags_errors(d), 2);
	ck_assert(!there(tmp, "outside/x.html"));
	ck_assert_str_eq(get(tmp, "outside/secret.txt"), "keep");
	close(fd);
	fsutil_rmtree(AT_FDCWD, tmp);
	arena_free(a);
}
END_TEST

struct job {
	struct diags *d;
	int fd, id, failed;
};

static void *
writer(void *arg)
{
	struct job *j = arg;
	char rel[64], text[32];
	int i;

	/* Every thread makes the same folders: mkdir races must not fail. */
	for (i = 0; i < 40; i++) {
		snprintf(rel, sizeof rel, "s%d/t%d/p%d-%d.html", i % 3, i % 5,
		    j->id, i);
		snprintf(text, sizeof text, "%d-%d", j->id, i);
		if (fsutil_write(j->d, j->fd, rel, text, strlen(text)) != 0)
			j->failed++;
	}
	return NULL;
}

START_TEST(test_fsutil_write_threads)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct job jobs[4];
	pthread_t th[4];
	char tmp[64], rel[64], text[32];
	int fd, i, k;

	make_tmp(tmp);
	fd = open(tmp, O_RDONLY | O_DIRECTORY);
	for (k = 0; k < 4; k++) {
		jobs[k].d = d;
		jobs[k].fd = fd;
		jobs[k].id = k;
		jobs[k].failed = 0;
		ck_assert_int_eq(pthread_create(&th[k], NULL, writer,
		    &jobs[k]), 0);
	}
	for (k = 0; k < 4; k++) {
		pthread_join(th[k], NULL);
		ck_assert_int_eq(jobs[k].failed, 0);
	}
	ck_assert_uint_eq(diags_errors(d), 0);
	for (k = 0; k < 4; k++)
		for (i = 0; i < 40; i++) {
			snprintf(rel, sizeof rel, "s%d/t%d/p%d-%d.html", i % 3,
			    i % 5, k, i);
			snprintf(text, sizeof text, "%d-%d", k, i);
			ck_assert_str_eq(get(tmp, rel), text);
		}
	close(fd);
	fsutil_rmtree(AT_FDCWD, tmp);
	arena_free(a);
}
END_TEST

START_TEST(test_fsutil_mkdirs)
{
	char tmp[64], p[128];
	int fd;

	make_tmp(tmp);
	fd = open(tmp, O_RDONLY | O_DIRECTORY);
	ck_assert_int_eq(fsutil_mkdirs(fd, "a/b/c"), 0);
	ck_assert_int_eq(fsutil_mkdirs(fd, "a/b/c"), 0);	/* EEXIST ok */
	ck_assert_int_eq(fsutil_mkdirs(fd, "a/b/d"), 0);
	ck_assert(there(tmp, "a/b/c") && there(tmp, "a/b/d"));
	errno = 0;
	ck_assert_int_eq(fsutil_mkdirs(fd, "a/../escape"), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert(!there(tmp, "escape"));
	/* A file in the way. */
	put(tmp, "a/file", "x");
	ck_assert_int_eq(fsutil_mkdirs(fd, "a/file/x"), -1);
	ck_assert_int_eq(errno, ENOTDIR);
	/* A link in the way is not followed. */
	snprintf(p, sizeof p, "%s/target", tmp);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/a/link", tmp);
	ck_assert_int_eq(symlink("../target", p), 0);
	ck_assert_int_eq(fsutil_mkdirs(fd, "a/link/x"), -1);
	ck_assert(errno == ELOOP || errno == ENOTDIR);
	ck_assert(!there(tmp, "target/x"));
	close(fd);
	fsutil_rmtree(AT_FDCWD, tmp);
}
END_TEST

START_TEST(test_fsutil_rmtree_removes)
{
	char tmp[64], p[128];
	int fd;

	make_tmp(tmp);
	fd = open(tmp, O_RDONLY | O_DIRECTORY);
	ck_assert_int_eq(fsutil_mkdirs(fd, "site/a/b/c"), 0);
	ck_assert_int_eq(fsutil_mkdirs(fd, "site/empty"), 0);
	put(tmp, "site/index.html", "x");
	put(tmp, "site/.hidden", "x");
	put(tmp, "site/a/b/c/deep.html", "x");
	put(tmp, "lone.txt", "x");
	ck_assert_int_eq(fsutil_rmtree(fd, "site"), 0);
	ck_assert(!there(tmp, "site"));
	ck_assert_int_eq(fsutil_rmtree(fd, "lone.txt"), 0);	/* a file */
	ck_assert(!there(tmp, "lone.txt"));
	errno = 0;
	ck_assert_int_eq(fsutil_rmtree(fd, "missing"), -1);
	ck_assert_int_eq(errno, ENOENT);
	close(fd);
	/* An absolute name with AT_FDCWD removes the whole folder. */
	ck_assert_int_eq(fsutil_rmtree(AT_FDCWD, tmp), 0);
	snprintf(p, sizeof p, "%s", tmp);
	ck_assert_int_eq(access(p, F_OK), -1);
}
END_TEST

START_TEST(test_fsutil_rmtree_keeps_link_targets)
{
	char tmp[64], p[128], q[128];
	int fd;

	make_tmp(tmp);
	fd = open(tmp, O_RDONLY | O_DIRECTORY);
	ck_assert_int_eq(fsutil_mkdirs(fd, "outside/sub"), 0);
	put(tmp, "outside/keep.txt", "keep");
	put(tmp, "outside/sub/keep2.txt", "keep");
	ck_assert_int_eq(fsutil_mkdirs(fd, "site/x"), 0);
	put(tmp, "site/x/a.html", "x");
	snprintf(p, sizeof p, "%s/outside", tmp);
	snprintf(q, sizeof q, "%s/site/x/dirlink", tmp);
	ck_assert_int_eq(symlink(p, q), 0);
	snprintf(p, sizeof p, "%s/outside/keep.txt", tmp);
	snprintf(q, sizeof q, "%s/site/filelink", tmp);
	ck_assert_int_eq(symlink(p, q), 0);
	snprintf(p, sizeof p, "%s/outside", tmp);
	snprintf(q, sizeof q, "%s/toplink", tmp);
	ck_assert_int_eq(symlink(p, q), 0);

	ck_assert_int_eq(fsutil_rmtree(fd, "site"), 0);
	ck_assert(!there(tmp, "site"));
	/* The name given is itself a link: only the link goes. */
	ck_assert_int_eq(fsutil_rmtree(fd, "toplink"), 0);
	ck_assert(!there(tmp, "toplink"));
	ck_assert_str_eq(get(tmp, "outside/keep.txt"), "keep");
	ck_assert_str_eq(get(tmp, "outside/sub/keep2.txt"), "keep");
	close(fd);
	fsutil_rmtree(AT_FDCWD, tmp);
}
END_TEST

Suite *
fsutil_suite(void)
{
	Suite *s = suite_create("fsutil");
	TCase *tc;

	tc = tcase_create("relpath");
	tcase_add_test(tc, test_fsutil_safe_relpath);
	suite_add_tcase(s, tc);

	tc = tcase_create("write");
	tcase_add_test(tc, test_fsutil_write_creates_parents);
	tcase_add_test(tc, test_fsutil_write_collision);
	tcase_add_test(tc, test_fsutil_write_refuses_unsafe);
	tcase_add_test(tc, test_fsutil_write_no_follow);
	tcase_add_test(tc, test_fsutil_write_threads);
	suite_add_tcase(s, tc);

	tc = tcase_create("mkdirs");
	tcase_add_test(tc, test_fsutil_mkdirs);
	suite_add_tcase(s, tc);

	tc = tcase_create("rmtree");
	tcase_add_test(tc, test_fsutil_rmtree_removes);
	tcase_add_test(tc, test_fsutil_rmtree_keeps_link_targets);
	suite_add_tcase(s, tc);
	return s;
}
