/*
 * `build --precompress` (precompress.h): one walk of the finished output
 * folder collecting the compressible files, then gzip run on them in
 * batches from inside the folder, with relative names, so that no path
 * outside it is ever named.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "precompress.h"

/* Enough names per gzip to make process starts cheap, few enough for
 * any argument limit (names are short: a URL path). */
#define BATCH 256

static const char *const exts[] = {
	".html", ".css", ".js", ".json", ".jsonld", ".csv", ".xml", ".svg",
	".atom", ".txt", ".webmanifest",
};

int
precompress_wanted(const char *name, long long size)
{
	size_t i, n = strlen(name);

	if (size < PRECOMPRESS_MIN)
		return 0;
	for (i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t k = strlen(exts[i]);

		if (n > k && strcmp(name + n - k, exts[i]) == 0)
			return 1;
	}
	return 0;
}

struct list {
	char **v;
	size_t n, cap;
};

static void
push(struct list *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = strdup(s);
	if (l->v[l->n - 1] == NULL)
		abort();
}

/* Collects rel/NAME of every wanted regular file below dirfd (which it
 * closes); symbolic links are not followed (the build writes none). */
static int
walk(int dirfd, const char *rel, struct list *out)
{
	DIR *dp = fdopendir(dirfd);
	struct dirent *e;
	int rc = 0;

	if (dp == NULL) {
		close(dirfd);
		return -1;
	}
	while (rc == 0 && (e = readdir(dp)) != NULL) {
		struct stat st;
		struct buf p = {0};

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1) {
			rc = -1;
			break;
		}
		buf_addf(&p, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		if (S_ISDIR(st.st_mode)) {
			int fd = openat(dirfd, e->d_name,
			    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

			rc = fd == -1 ? -1 : walk(fd, buf_cstr(&p), out);
		} else if (S_ISREG(st.st_mode) &&
		    precompress_wanted(e->d_name, (long long)st.st_size)) {
			push(out, buf_cstr(&p));
		}
		buf_release(&p);
	}
	closedir(dp);
	return rc;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* gzip -n -k -9 -- names… run inside dir; 0 when it exited 0. */
static int
run_gzip(const char *dir, char **names, size_t n)
{
	char **argv = xreallocarray(NULL, n + 6, sizeof *argv);
	pid_t pid;
	int status;
	size_t i;

	argv[0] = (char *)"gzip";
	argv[1] = (char *)"-n";
	argv[2] = (char *)"-k";
	argv[3] = (char *)"-9";
	argv[4] = (char *)"--";
	for (i = 0; i < n; i++)
		argv[5 + i] = names[i];
	argv[5 + n] = NULL;
	pid = fork();
	if (pid == 0) {
		if (chdir(dir) == -1)
			_exit(126);
		execvp("gzip", argv);
		_exit(127);
	}
	free(argv);
	if (pid == -1)
		return -1;
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 :
	    WIFEXITED(status) && WEXITSTATUS(status) == 127 ? -2 : -1;
}

long
precompress_dir(struct diags *d, const char *dir)
{
	struct list l = {0};
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	long done = 0;
	size_t i;
	int rc = 0;

	if (fd == -1 || walk(fd, "", &l) == -1) {
		diag_error(d, pos_file(NULL), "precompress.walk", dir,
		    strerror(errno));
		rc = -1;
	}
	/* One order, so that a failure names the same file every time. */
	if (l.n > 0)
		qsort(l.v, l.n, sizeof *l.v, by_name);
	for (i = 0; rc == 0 && i < l.n; i += BATCH) {
		size_t k = l.n - i < BATCH ? l.n - i : BATCH;
		int r = run_gzip(dir, l.v + i, k);

		if (r == -2) {
			diag_error(d, pos_file(NULL), "precompress.no-gzip");
			rc = -1;
		} else if (r == -1) {
			diag_error(d, pos_file(NULL), "precompress.failed",
			    l.v[i]);
			rc = -1;
		} else {
			done += (long)k;
		}
	}
	for (i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	return rc == -1 ? -1 : done;
}
