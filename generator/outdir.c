/*
 * The output folder's life, at both ends of the write stage.  In: --out
 * and the source root.  Out: a fresh folder ".<name>.minhbach-tmp-<pid>"
 * beside --out, marked as ours, that the build fills; outdir_commit()
 * swaps it in with one rename (RENAME_EXCHANGE), outdir_abort() drops
 * it.  Unsafe targets are refused before anything is created.
 */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "outdir.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)	/* <linux/fs.h> */
#endif

#define TMP_INFIX ".minhbach-tmp-"	/* a build in progress */
#define OLD_INFIX ".minhbach-old-"	/* the old site, during a swap */
#define DIR_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

static const char marker_text[] =
    "This folder was made by minhbach; the next build replaces it.\n";
static const struct pos nopos = {NULL, 0, 0};

/*
 * Returns the absolute real path of p (malloc) even when its last
 * components do not exist yet: the longest existing prefix goes through
 * realpath(), the rest is appended with "." and ".." applied.  NULL with
 * errno set.
 */
static char *
resolve_out(const char *p)
{
	struct buf abs = {0}, res = {0};
	char cwd[PATH_MAX], save, *rp = NULL;
	const char *q, *end;
	size_t len, n;

	if (p[0] != '/') {
		if (getcwd(cwd, sizeof cwd) == NULL)
			return NULL;
		buf_adds(&abs, cwd);
		buf_addc(&abs, '/');
	}
	buf_adds(&abs, p);
	for (len = abs.len;; len--) {
		if (len > 0 && len < abs.len && abs.data[len] != '/')
			continue;	/* cut only at a '/' */
		save = abs.data[len];
		abs.data[len] = '\0';
		rp = realpath(len ? abs.data : "/", NULL);
		abs.data[len] = save;
		if (rp != NULL || errno != ENOENT || len == 0)
			break;
	}
	if (rp == NULL) {
		buf_release(&abs);
		return NULL;
	}
	buf_adds(&res, rp);
	free(rp);
	for (q = abs.data + len; *q != '\0'; q = end) {
		while (*q == '/')
			q++;
		end = strchr(q, '/');
		end = end ? end : q + strlen(q);
		n = (size_t)(end - q);
		if (n == 0 || (n == 1 && q[0] == '.'))
			continue;
		if (n == 2 && q[0] == '.' && q[1] == '.') {
			while (res.len > 1 && res.data[res.len - 1] != '/')
				res.len--;
			if (res.len > 1)
				res.len--;
			res.data[res.len] = '\0';
			continue;
		}
		if (res.len > 1)
			buf_addc(&res, '/');
		buf_add(&res, q, n);
	}
	buf_release(&abs);
	rp = xstrdup(buf_cstr(&res));
	buf_release(&res);
	return rp;
}

/* True if the folder open at fd holds our marker as a regular file. */
static bool
has_marker(int fd)
{
	struct stat st;

	return fstatat(fd, OUTDIR_MARKER, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode);
}

/* True if the folder open at fd (taken) has no entries; -1 on error. */
static int
is_empty(int fd)
{
	struct dirent *e;
	DIR *dir;
	int rc = 1, saved;

	if ((dir = fdopendir(fd)) == NULL) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	for (;;) {
		errno = 0;
		if ((e = readdir(dir)) == NULL) {
			if (errno != 0)
				rc = -1;
			break;
		}
		if (strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0) {
			rc = 0;
			break;
		}
	}
	saved = errno;
	closedir(dir);
	errno = saved;
	return rc;
}

/*
 * Checks the current occupant of name below pfd: nothing, an empty
 * folder, or a folder carrying our marker may be replaced.  Sets *exists.
 * -1 after a diagnostic naming shown (--out as given).
 */
static int
check_target(struct diags *d, int pfd, const char *name, const char *shown,
    bool *exists)
{
	struct stat st;
	int fd, empty;

	*exists = false;
	if (fstatat(pfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1) {
		if (errno == ENOENT)
			return 0;
		return diag_error(d, nopos, "output.unusable", shown,
		    strerror(errno));
	}
	*exists = true;
	if (!S_ISDIR(st.st_mode))
		return diag_error(d, nopos, "output.not-a-folder", shown);
	if ((fd = openat(pfd, name, DIR_FLAGS)) == -1)
		return diag_error(d, nopos, "output.open", shown,
		    strerror(errno));
	if (has_marker(fd)) {
		close(fd);
		return 0;
	}
	if ((empty = is_empty(fd)) == -1)
		return diag_error(d, nopos, "output.read", shown,
		    strerror(errno));
	if (!empty)
		return diag_error(d, nopos, "output.not-ours", shown,
		    OUTDIR_MARKER);
	return 0;
}

/* Refuses out_real for the source src_real; -1 after a diagnostic. */
static int
check_place(struct diags *d, const char *src_real, const char *out_real,
    const char *shown)
{
	static const char *const inner[] = {"content", "themes"};
	struct buf b = {0};
	size_t i;
	int rc = 0;

	if (strcmp(out_real, "/") == 0)
		return diag_error(d, nopos, "output.root");
	if (strcmp(out_real, src_real) == 0)
		return diag_error(d, nopos, "output.is-source", shown);
	if (fsutil_is_below(out_real, src_real))
		return diag_error(d, nopos, "output.contains-source", shown);
	for (i = 0; i < sizeof inner / sizeof inner[0] && rc == 0; i++) {
		buf_reset(&b);
		buf_addf(&b, "%s/%s", strcmp(src_real, "/") ? src_real : "",
		    inner[i]);
		if (fsutil_is_below(buf_cstr(&b), out_real))
			rc = diag_error(d, nopos, "output.inside-source",
			    shown, inner[i]);
	}
	buf_release(&b);
	return rc;
}

/* Parses the pid of a leftover ".<base><infix><pid>"; 0 if no match. */
static long
leftover_pid(const char *name, const char *base)
{
	size_t n = strlen(base);
	const char *p;
	long pid = 0;

	if (name[0] != '.' || strncmp(name + 1, base, n) != 0)
		return 0;
	p = name + 1 + n;
	if (strncmp(p, TMP_INFIX, strlen(TMP_INFIX)) == 0)
		p += strlen(TMP_INFIX);
	else if (strncmp(p, OLD_INFIX, strlen(OLD_INFIX)) == 0)
		p += strlen(OLD_INFIX);
	else
		return 0;
	if (*p == '\0')
		return 0;
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || pid > INT_MAX / 10)
			return 0;
		pid = pid * 10 + (*p - '0');
	}
	return pid;
}

/*
 * Removes the temporary folders of builds of base that died (killed,
 * power cut) in the folder pfd.  Only folders carrying our marker go:
 * a name alone proves nothing.
 */
static void
remove_stale(struct diags *d, int pfd, const char *base)
{
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	long pid;
	DIR *dir;
	int fd;

	if ((fd = fcntl(pfd, F_DUPFD_CLOEXEC, 0)) == -1)
		return;
	if ((dir = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(dir)) != NULL) {
		if (leftover_pid(e->d_name, base) == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 4;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dir);
	for (i = 0; i < n; i++) {
		pid = leftover_pid(names[i], base);
		/* Our own pid: an earlier build of this process that failed. */
		if (pid != (long)getpid() && !(kill((pid_t)pid, 0) == -1 &&
		    errno == ESRCH))
			continue;	/* alive, or not ours to judge */
		if ((fd = openat(pfd, names[i], DIR_FLAGS)) == -1)
			continue;
		if (has_marker(fd) && fsutil_rmtree(pfd, names[i]) == -1)
			diag_warning(d, nopos, "output.stale", names[i],
			    strerror(errno));
		close(fd);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Opens the folder path, creating it and its parents (0755) if needed. */
static int
open_parent(const char *path)
{
	int root, rc;

	if (strcmp(path, "/") != 0) {
		if ((root = open("/", DIR_FLAGS)) == -1)
			return -1;
		rc = fsutil_mkdirs(root, path + 1);
		close(root);
		if (rc == -1)
			return -1;
	}
	return open(path, DIR_FLAGS);
}

/* Writes the marker into the new folder fd. */
static int
write_marker(int fd)
{
	size_t n = sizeof marker_text - 1;
	int mfd, saved;

	mfd = openat(fd, OUTDIR_MARKER, O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0644);
	if (mfd == -1)
		return -1;
	if (write(mfd, marker_text, n) != (ssize_t)n) {
		saved = errno ? errno : EIO;
		close(mfd);
		errno = saved;
		return -1;
	}
	return close(mfd);
}

static void
release(struct outdir *od)
{
	if (od->tmpfd != -1)
		close(od->tmpfd);
	od->tmpfd = -1;
	free(od->tmp);
	free(od->out);
	od->tmp = NULL;
	od->out = NULL;
}

int
outdir_begin(struct diags *d, const char *source_root, const char *out,
    struct outdir *od)
{
	struct buf tmp = {0};
	char *src_real = NULL, *out_real = NULL, *slash;
	const char *base, *parent;
	bool exists;
	int pfd = -1, rc = -1;

	od->out = xstrdup(out);
	od->tmp = NULL;
	od->tmpfd = -1;
	if ((src_real = realpath(source_root, NULL)) == NULL) {
		diag_error(d, nopos, "output.source-folder", source_root,
		    strerror(errno));
		goto out;
	}
	if ((out_real = resolve_out(out)) == NULL) {
		diag_error(d, nopos, "output.unusable", out, strerror(errno));
		goto out;
	}
	if (check_place(d, src_real, out_real, out) == -1)
		goto out;
	/* out_real is absolute and not "/": it has a parent and a name. */
	slash = strrchr(out_real, '/');
	*slash = '\0';
	parent = slash == out_real ? "/" : out_real;
	base = slash + 1;
	if ((pfd = open(parent, DIR_FLAGS)) != -1) {
		if (check_target(d, pfd, base, out, &exists) == -1)
			goto out;
	} else if (errno != ENOENT ||
	    (pfd = open_parent(parent)) == -1) {
		diag_error(d, nopos, "output.mkdir", parent, strerror(errno));
		goto out;
	}
	remove_stale(d, pfd, base);

	buf_addf(&tmp, ".%s%s%ld", base, TMP_INFIX, (long)getpid());
	if (mkdirat(pfd, buf_cstr(&tmp), 0755) == -1) {
		diag_error(d, nopos, "output.temporary", buf_cstr(&tmp),
		    parent, strerror(errno));
		goto out;
	}
	if ((od->tmpfd = openat(pfd, buf_cstr(&tmp), DIR_FLAGS)) == -1 ||
	    write_marker(od->tmpfd) == -1) {
		diag_error(d, nopos, "output.temporary", buf_cstr(&tmp),
		    parent, strerror(errno));
		fsutil_rmtree(pfd, buf_cstr(&tmp));
		goto out;
	}
	buf_reset(&tmp);
	buf_addf(&tmp, "%s/.%s%s%ld", strcmp(parent, "/") ? parent : "", base,
	    TMP_INFIX, (long)getpid());
	od->tmp = xstrdup(buf_cstr(&tmp));
	rc = 0;
out:
	if (rc == -1)
		release(od);
	if (pfd != -1)
		close(pfd);
	buf_release(&tmp);
	free(out_real);
	free(src_real);
	return rc;
}

/* renameat2(RENAME_EXCHANGE): glibc may lack the wrapper, so syscall(). */
static int
exchange(int dfd, const char *a, const char *b)
{
#ifdef SYS_renameat2
	return (int)syscall(SYS_renameat2, dfd, a, dfd, b, RENAME_EXCHANGE);
#else
	errno = ENOSYS;
	return -1;
#endif
}

/*
 * Puts the folder tmpname in place of name (both below pfd) and removes
 * the previous occupant.  Without RENAME_EXCHANGE there is a moment with
 * no site at all: the old one waits under a leftover name.
 */
static int
swap_in(struct diags *d, int pfd, const char *tmpname, const char *name,
    const char *shown)
{
	struct buf old = {0};
	int rc = -1;

	if (exchange(pfd, tmpname, name) == 0) {
		/* tmpname now holds the previous site. */
		if (fsutil_rmtree(pfd, tmpname) == -1)
			diag_warning(d, nopos, "output.remove-previous",
			    strerror(errno));
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
		return diag_error(d, nopos, "output.replace", shown,
		    strerror(errno));
	buf_addf(&old, ".%s%s%ld", name, OLD_INFIX, (long)getpid());
	if (renameat(pfd, name, pfd, buf_cstr(&old)) == -1) {
		diag_error(d, nopos, "output.replace", shown,
		    strerror(errno));
		goto out;
	}
	if (renameat(pfd, tmpname, pfd, name) == -1) {
		diag_error(d, nopos, "output.replace", shown,
		    strerror(errno));
		/* Put the old site back where it was. */
		renameat(pfd, buf_cstr(&old), pfd, name);
		goto out;
	}
	if (fsutil_rmtree(pfd, buf_cstr(&old)) == -1)
		diag_warning(d, nopos, "output.remove-previous",
		    strerror(errno));
	rc = 0;
out:
	buf_release(&old);
	return rc;
}

int
outdir_commit(struct diags *d, struct outdir *od)
{
	char *parent = NULL, *name = NULL, *slash;
	const char *tmpname, *infix, *p;
	bool exists;
	int pfd = -1, rc = -1;

	assert(od->tmp != NULL && od->out != NULL);
	close(od->tmpfd);
	od->tmpfd = -1;
	/* od->tmp is "<parent>/.<name>.minhbach-tmp-<pid>": take it apart. */
	parent = xstrdup(od->tmp);
	slash = strrchr(parent, '/');
	*slash = '\0';
	tmpname = od->tmp + (slash - parent) + 1;
	for (infix = NULL, p = tmpname;
	    (p = strstr(p, TMP_INFIX)) != NULL; p++)
		infix = p;
	assert(infix != NULL);
	if ((name = strndup(tmpname + 1, (size_t)(infix - tmpname - 1))) ==
	    NULL)
		xoom();
	if ((pfd = open(slash == parent ? "/" : parent, DIR_FLAGS)) == -1) {
		diag_error(d, nopos, "output.open",
		    slash == parent ? "/" : parent, strerror(errno));
		goto out;
	}
	/* Someone may have put something in place since outdir_begin(). */
	if (check_target(d, pfd, name, od->out, &exists) == -1)
		goto out;
	if (exists)
		rc = swap_in(d, pfd, tmpname, name, od->out);
	else if ((rc = renameat(pfd, tmpname, pfd, name)) == -1)
		diag_error(d, nopos, "output.mkdir", od->out,
		    strerror(errno));
out:
	if (pfd != -1)
		close(pfd);
	free(name);
	free(parent);
	if (rc == -1)
		outdir_abort(od);	/* the old site stays as it was */
	else
		release(od);
	return rc;
}

void
outdir_abort(struct outdir *od)
{
	if (od->tmpfd != -1)
		close(od->tmpfd);
	od->tmpfd = -1;
	if (od->tmp != NULL)
		fsutil_rmtree(AT_FDCWD, od->tmp);
	release(od);
}
