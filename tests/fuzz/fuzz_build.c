/*
 * Fuzz harness for a whole build from fuzzed files: `minhbach check`
 * (build_run with BUILD_CHECK: every stage, every page rendered in
 * memory, nothing written) over a source folder made from the input.
 * The input is cut at each "\n%%\n": the first part is content/site.yaml;
 * each other part's first byte picks its file name from names[] below
 * (the sample's collections, Markdown and YAML, both languages), the
 * rest is the file.  The project's default theme is copied once into
 * the folder; content/ is cleared before each run.  No history (no
 * repository), a fixed build date, one thread.  May refuse the site
 * with diagnostics (not shown); never crash, leak or hang.
 */
#define _XOPEN_SOURCE 700	/* nftw */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXFILES 6	/* site.yaml and five records */

static const char *const names[] = {
	"news/2020-01-15-tin.md", "news/2020-01-15-tin.en.md",
	"news/2021-04-05-khac.md", "pages/gioi-thieu.md",
	"pages/gioi-thieu.en.md", "zones/kcn-a.yaml", "calls/goi-von.md",
	"inspections/2020-thanh-tra.md", "documents/nd-31.yaml",
	"budgets/2020-du-toan.yaml", "budgets/2020-6-thang.yaml",
	"plans/ke-hoach.yaml", "organization/ban.yaml",
	"procedures/thu-tuc.yaml", "consultations/lay-y-kien.yaml",
	"reports/bao-cao.yaml", "qa/hoi.md", "files/a.txt",
};
#define NNAMES (sizeof names / sizeof names[0])

static char root[64];		/* the source folder */
static char content[80];	/* root/content */
static FILE *devnull;	/* NULL: FUZZ_BUILD_SHOW is set, show them */

static void
run(const char *cmd)
{
	if (system(cmd) != 0) {
		fprintf(stderr, "fuzz_build: failed: %s\n", cmd);
		exit(1);
	}
}

static int
rm_any(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	remove(path);
	return 0;
}

/* The source folder goes with the process (libFuzzer exits normally). */
static void
cleanup(void)
{
	nftw(root, rm_any, 16, FTW_DEPTH | FTW_PHYS);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char cmd[256];

	setenv("MINHBACH_STRICT_MESSAGES", "1", 1);
	setenv("SOURCE_DATE_EPOCH", "1780000000", 1);	/* 2026-05-28 */
	setenv("TZ", "UTC", 1);
	snprintf(root, sizeof root, "/tmp/minhbach-fuzz-build-XXXXXX");
	if (mkdtemp(root) == NULL) {
		perror("fuzz_build: mkdtemp");
		exit(1);
	}
	atexit(cleanup);
	snprintf(content, sizeof content, "%s/content", root);
	if (access("themes/default/theme.yaml", R_OK) != 0 &&
	    access("themes/default", R_OK) != 0) {
		fprintf(stderr, "fuzz_build: no themes/default (run from the "
		    "top of the repository)\n");
		exit(1);
	}
	snprintf(cmd, sizeof cmd, "mkdir -p %s/themes && cp -R "
	    "themes/default %s/themes/", root, root);
	run(cmd);
	if (getenv("FUZZ_BUILD_SHOW") == NULL &&
	    (devnull = fopen("/dev/null", "w")) == NULL)
		exit(1);
	return 0;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	if (remove(path) != 0 && errno != ENOENT)
		abort();
	return 0;
}

/* Writes path (under content/) with n bytes, making its folder. */
static void
write_file(const char *name, const char *p, size_t n)
{
	char path[256], *slash;
	int fd;

	snprintf(path, sizeof path, "%s/%s", content, name);
	slash = strrchr(path, '/');
	*slash = '\0';
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		abort();
	*slash = '/';
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1)
		abort();
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w <= 0)
			abort();
		p += w;
		n -= (size_t)w;
	}
	close(fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *part[MAXFILES];
	size_t len[MAXFILES], n, i;
	struct options o;
	FILE *err;

	nftw(content, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	if (mkdir(content, 0755) != 0)
		abort();
	n = fuzz_split((const char *)data, size, "\n%%\n", part, len,
	    MAXFILES);
	write_file("site.yaml", part[0], len[0]);
	for (i = 1; i < n; i++)
		if (len[i] > 0)
			write_file(names[(unsigned char)part[i][0] % NNAMES],
			    part[i] + 1, len[i] - 1);
	memset(&o, 0, sizeof o);
	o.cmd = BUILD_CHECK;
	o.source = root;
	o.jobs = 1;
	o.quiet = devnull != NULL;
	o.no_history = true;
	/* The diagnostics go to stderr: not shown (libFuzzer's own
	 * output and the sanitizers' reports do not use this stream). */
	err = stderr;
	if (devnull != NULL)
		stderr = devnull;
	build_run(&o);
	stderr = err;
	return 0;
}
