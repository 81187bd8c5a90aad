/*
 * precompress: which files get a .gz twin, and precompress_dir() on a
 * real folder: twins for the text files of 256 bytes or more only, each
 * decompressing to its file (through the system's gzip, like nginx would
 * read it), identical from run to run.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "precompress.h"
#include "testutil.h"

Suite *precompress_suite(void);

START_TEST(test_precompress_wanted)
{
	ck_assert(precompress_wanted("index.html", 256));
	ck_assert(!precompress_wanted("index.html", 255));
	ck_assert(precompress_wanted("a.css", 5000));
	ck_assert(precompress_wanted("du-lieu.csv", 5000));
	ck_assert(precompress_wanted("feed.atom", 5000));
	ck_assert(precompress_wanted("chart.svg", 5000));
	ck_assert(!precompress_wanted("photo.png", 50000));
	ck_assert(!precompress_wanted("report.pdf", 50000));
	ck_assert(!precompress_wanted("index.html.gz", 50000));
}
END_TEST

static void
write_file(const char *path, size_t n, char c)
{
	FILE *f = fopen(path, "w");
	size_t i;

	ck_assert_ptr_nonnull(f);
	for (i = 0; i < n; i++)
		fputc(c, f);
	fclose(f);
}

START_TEST(test_precompress_dir)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	char dir[] = "/tmp/precompress-XXXXXX", p[256], cmd[600];
	struct stat st;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(p, sizeof p, "%s/sub", dir);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/sub/index.html", dir);
	write_file(p, 4000, 'x');
	snprintf(p, sizeof p, "%s/small.css", dir);
	write_file(p, 100, 'y');
	snprintf(p, sizeof p, "%s/image.png", dir);
	write_file(p, 4000, 'z');
	ck_assert_int_eq(precompress_dir(d, dir), 1);
	ck_assert_uint_eq(diags_errors(d), 0);
	snprintf(p, sizeof p, "%s/sub/index.html.gz", dir);
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_int_lt(st.st_size, 4000);
	snprintf(p, sizeof p, "%s/small.css.gz", dir);
	ck_assert_int_eq(stat(p, &st), -1);
	snprintf(p, sizeof p, "%s/image.png.gz", dir);
	ck_assert_int_eq(stat(p, &st), -1);
	snprintf(cmd, sizeof cmd, "gzip -dc %s/sub/index.html.gz | cmp -s - "
	    "%s/sub/index.html", dir, dir);
	ck_assert_int_eq(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	arena_free(a);
}
END_TEST

START_TEST(test_precompress_missing_dir)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);

	ck_assert_int_eq(precompress_dir(d, "/nonexistent/precompress"), -1);
	tu_assert_diag(d, "[precompress.walk]");
	arena_free(a);
}
END_TEST

Suite *
precompress_suite(void)
{
	Suite *s = suite_create("precompress");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_precompress_wanted);
	tcase_add_test(tc, test_precompress_dir);
	tcase_add_test(tc, test_precompress_missing_dir);
	suite_add_tcase(s, tc);
	return s;
}
