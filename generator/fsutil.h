/*
 * File-system helpers for the write stage: every output path is a
 * relative '/'-separated path checked to stay inside the output folder
 * (no absolute paths, no "." or ".." parts, no empty parts, no NUL),
 * written below a directory file descriptor without following links.
 */
#ifndef MINHBACH_FSUTIL_H
#define MINHBACH_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct diags;

/* True if rel is a safe relative output path as described above. */
bool fsutil_safe_relpath(const char *rel);
/*
 * Writes data[0..n) to rel below dirfd, creating parent folders (0755)
 * and the file (0644).  Refuses unsafe paths.  Thread-safe.  Returns -1
 * after a diagnostic naming rel and strerror(errno).
 */
int fsutil_write(struct diags *d, int dirfd, const char *rel,
    const char *data, size_t n);
/*
 * fsutil_write() in pieces, for a file made as it is written (a list of
 * 100,000 records is never whole in memory): open, write as often as
 * needed, close.  After a failure (a diagnostic) the rest is not written
 * and close removes the file and returns -1.  One sink, one thread.
 */
struct fsutil_sink {
	struct diags *d;
	int dirfd, fd;
	const char *rel;
	bool failed;
};
int fsutil_sink_open(struct diags *d, int dirfd, const char *rel,
    struct fsutil_sink *k);
void fsutil_sink_write(struct fsutil_sink *k, const char *data, size_t n);
int fsutil_sink_close(struct fsutil_sink *k);
/* True if the absolute real path p is base or lies below it. */
bool fsutil_is_below(const char *base, const char *p);
/*
 * Opens rel below dirfd with openat2(): never outside dirfd, never
 * through a magic link, and through no symbolic link at all unless
 * follow.  Returns the fd, or -1 with errno set (ENOSYS before Linux
 * 5.6, EXDEV for an escape, ELOOP for a refused link).
 */
int fsutil_open_beneath(int dirfd, const char *rel, int flags, mode_t mode,
    bool follow);
/*
 * Makes folder rel (its parent must exist) below dirfd; an existing one
 * is fine.  Only for a tree this process made and no one else writes
 * to (the temporary output folder): the parents are not checked for
 * links.  -1 with errno set.
 */
int fsutil_mkdir_fresh(int dirfd, const char *rel);
/* Creates rel and its parents below dirfd; -1 with errno set. */
int fsutil_mkdirs(int dirfd, const char *rel);
/*
 * Removes name below dirfd and everything in it, never following
 * symlinks (a link is removed, not its target).  -1 with errno set.
 */
int fsutil_rmtree(int dirfd, const char *name);

#endif
