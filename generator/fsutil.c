/*
 * File-system helpers for the write stage and the output folder's life.
 * In: a directory fd and a relative '/'-separated path.  Out: folders and
 * files created below that fd, one component at a time with O_NOFOLLOW,
 * so that no symlink planted in the output can redirect a write.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/openat2.h>

#include "arena.h"
#include "diag.h"
#include "fsutil.h"

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

#define DIR_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

bool
fsutil_safe_relpath(const char *rel)
{
	const char *p, *end;
	size_t n;

	if (rel == NULL || *rel == '\0' || *rel == '/')
		return false;
	for (p = rel;; p = end + 1) {
		end = strchr(p, '/');
		n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0 || n > NAME_MAX)
			return false;	/* "a//b", "a/", over-long name */
		if ((n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		if (end == NULL)
			return true;
	}
}

/*
 * Walks the first ncomp components of rel below dirfd, creating each
 * missing folder, and returns an fd of the last one (or a dup of dirfd
 * when ncomp is 0).  -1 with errno set; ELOOP or ENOTDIR when a
 * component is a symlink or a file.
 */
static int
open_dirs(int dirfd, const char *rel, size_t ncomp)
{
	char name[NAME_MAX + 1];
	const char *p = rel, *end;
	int fd, next, saved;
	size_t n, i;

	if ((fd = fcntl(dirfd, F_DUPFD_CLOEXEC, 0)) == -1)
		return -1;
	for (i = 0; i < ncomp; i++, p = end + 1) {
		end = strchr(p, '/');
		n = end ? (size_t)(end - p) : strlen(p);
		memcpy(name, p, n);	/* n <= NAME_MAX: rel is safe */
		name[n] = '\0';
		/* Another thread may make the same folder first: EEXIST. */
		if (mkdirat(fd, name, 0755) == -1 && errno != EEXIST)
			goto fail;
		if ((next = openat(fd, name, DIR_FLAGS)) == -1)
			goto fail;
		close(fd);
		fd = next;
		if (end == NULL)
			break;
	}
	return fd;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

static size_t
count_parts(const char *rel)
{
	size_t n = 1;

	for (; *rel != '\0'; rel++)
		if (*rel == '/')
			n++;
	return n;
}

int
fsutil_mkdirs(int dirfd, const char *rel)
{
	int fd;

	if (!fsutil_safe_relpath(rel)) {
		errno = EINVAL;
		return -1;
	}
	if ((fd = open_dirs(dirfd, rel, count_parts(rel))) == -1)
		return -1;
	close(fd);
	return 0;
}

bool
fsutil_is_below(const char *base, const char *p)
{
	size_t n = strlen(base);

	if (n == 1 && base[0] == '/')
		return p[0] == '/';
	return strncmp(p, base, n) == 0 && (p[n] == '\0' || p[n] == '/');
}

int
fsutil_open_beneath(int dirfd, const char *rel, int flags, mode_t mode,
    bool follow)
{
	struct open_how how;
	long fd;

	memset(&how, 0, sizeof how);
	how.flags = (unsigned long long)(flags | O_CLOEXEC);
	how.mode = (flags & O_CREAT) ? mode : 0;
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS |
	    (follow ? 0 : RESOLVE_NO_SYMLINKS);
	do
		fd = syscall(SYS_openat2, dirfd, rel, &how, sizeof how);
	while (fd == -1 && (errno == EINTR || errno == EAGAIN));
	return (int)fd;
}

int
fsutil_mkdir_fresh(int dirfd, const char *rel)
{
	if (!fsutil_safe_relpath(rel)) {
		errno = EINVAL;
		return -1;
	}
	if (mkdirat(dirfd, rel, 0755) == -1 && errno != EEXIST)
		return -1;
	return 0;
}

/* Writes all of data to fd, retrying short writes and EINTR. */
static int
write_all(int fd, const char *data, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, data, n);
		if (w == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Opens rel below dirfd as a new file, making its folders; -1 after a
 * diagnostic naming rel.
 */
static int
open_new(struct diags *d, int dirfd, const char *rel)
{
	struct pos nopos = {NULL, 0, 0};
	const char *base;
	int pfd, fd;

	if (!fsutil_safe_relpath(rel))
		return diag_error(d, nopos, "output.unsafe-path",
		    rel ? rel : "(null)");
	base = strrchr(rel, '/');
	base = base ? base + 1 : rel;
	/*
	 * Fast path, one system call: the kernel itself refuses any link on
	 * the way (RESOLVE_NO_SYMLINKS) and any escape (RESOLVE_BENEATH).
	 * When a folder is missing, or the kernel is older than 5.6, the
	 * folders are made and opened one by one below.
	 */
	fd = fsutil_open_beneath(dirfd, rel, O_WRONLY | O_CREAT | O_EXCL,
	    0644, false);
	if (fd != -1)
		return fd;
	if (errno == EEXIST)
		return diag_error(d, nopos, "output.written-twice", rel);
	if ((pfd = open_dirs(dirfd, rel, count_parts(rel) - 1)) == -1)
		return diag_error(d, nopos, "output.write", rel,
		    strerror(errno));
	/*
	 * The temporary output folder starts empty, so O_EXCL is both the
	 * guard against a planted link and the detector of two pages that
	 * claim the same URL.
	 */
	fd = openat(pfd, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	if (fd == -1 && errno == EEXIST)
		diag_error(d, nopos, "output.written-twice", rel);
	else if (fd == -1)
		diag_error(d, nopos, "output.write", rel, strerror(errno));
	close(pfd);
	return fd;
}

int
fsutil_write(struct diags *d, int dirfd, const char *rel, const char *data,
    size_t n)
{
	struct fsutil_sink k;

	if (fsutil_sink_open(d, dirfd, rel, &k) == -1)
		return -1;
	fsutil_sink_write(&k, data, n);
	return fsutil_sink_close(&k);
}

int
fsutil_sink_open(struct diags *d, int dirfd, const char *rel,
    struct fsutil_sink *k)
{
	k->d = d;
	k->dirfd = dirfd;
	k->rel = rel;
	k->failed = false;
	k->fd = open_new(d, dirfd, rel);
	return k->fd == -1 ? -1 : 0;
}

void
fsutil_sink_write(struct fsutil_sink *k, const char *data, size_t n)
{
	if (!k->failed && n > 0 && write_all(k->fd, data, n) == -1) {
		struct pos nopos = {NULL, 0, 0};

		diag_error(k->d, nopos, "output.write", k->rel,
		    strerror(errno));
		k->failed = true;
	}
}

int
fsutil_sink_close(struct fsutil_sink *k)
{
	if (close(k->fd) == -1 && !k->failed) {
		struct pos nopos = {NULL, 0, 0};

		diag_error(k->d, nopos, "output.write", k->rel,
		    strerror(errno));
		k->failed = true;
	}
	k->fd = -1;
	/* No half-written page. */
	if (k->failed)
		unlinkat(k->dirfd, k->rel, 0);
	return k->failed ? -1 : 0;
}

/* A folder's entry: its name (malloc) and its type as readdir() saw it. */
struct entry {
	char *name;
	unsigned char type; /* DT_DIR, DT_REG, ...; DT_UNKNOWN */
};

/* Frees the n entries of v. */
static void
free_entries(struct entry *v, size_t n)
{
	while (n > 0)
		free(v[--n].name);
	free(v);
}

/*
 * Reads the entries of the open folder fd (taking fd) into a malloc
 * array: removing entries while readdir() walks them is unspecified by
 * POSIX.
 */
static int
read_entries(int fd, struct entry **out, size_t *nout)
{
	DIR *dir;
	struct dirent *e;
	struct entry *v = NULL;
	size_t n = 0, cap = 0;
	int saved;

	if ((dir = fdopendir(fd)) == NULL) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	for (;;) {
		errno = 0;
		if ((e = readdir(dir)) == NULL)
			break;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].name = xstrdup(e->d_name);
		v[n++].type = e->d_type;
	}
	saved = errno;
	closedir(dir);
	if (saved != 0) {
		free_entries(v, n);
		errno = saved;
		return -1;
	}
	*out = v;
	*nout = n;
	return 0;
}

/*
 * Removes name below dirfd, of type type (DT_UNKNOWN: not known yet).
 * readdir() gives the type of nearly every entry, which spares a stat
 * of each of the thousands of files an old output holds.
 */
static int
rmtree_at(int dirfd, const char *name, unsigned char type)
{
	struct stat st;
	struct entry *v = NULL;
	size_t n = 0, i;
	int fd, dfd, err = 0;

	if (type == DT_UNKNOWN) {
		if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
			return -1;
		type = S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
	}
	if (type != DT_DIR)
		return unlinkat(dirfd, name, 0);	/* links too */
	if ((fd = openat(dirfd, name, DIR_FLAGS)) == -1)
		return -1;
	/* read_entries() consumes its fd with the DIR stream: a dup. */
	if ((dfd = fcntl(fd, F_DUPFD_CLOEXEC, 0)) == -1 ||
	    read_entries(dfd, &v, &n) == -1) {
		err = errno;
		close(fd);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (rmtree_at(fd, v[i].name, v[i].type) == -1 && err == 0)
			err = errno;
	close(fd);
	if (err == 0 && unlinkat(dirfd, name, AT_REMOVEDIR) == -1)
		err = errno;
out:
	free_entries(v, n);
	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

int
fsutil_rmtree(int dirfd, const char *name)
{
	return rmtree_at(dirfd, name, DT_UNKNOWN);
}
