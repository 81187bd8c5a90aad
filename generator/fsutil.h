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
/* Creates rel and its parents below dirfd; -1 with errno set. */
int fsutil_mkdirs(int dirfd, const char *rel);
/*
 * Removes name below dirfd and everything in it, never following
 * symlinks (a link is removed, not its target).  -1 with errno set.
 */
int fsutil_rmtree(int dirfd, const char *name);

#endif
