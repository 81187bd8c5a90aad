/*
 * The source stage: lists files and reads their bytes, from the work
 * tree or from the tree of a git commit (--ref), behind one interface.
 * Paths are relative to the source root, '/'-separated, never absolute,
 * never with "." or ".." components.  Nothing outside the root is read:
 * a symlink that leads out of the root is refused with a warning.
 * A git source is used by one thread at a time (the load stage, then the
 * copies after the render workers have finished); a folder's files may
 * be read by several (the load's readers, source_read_part()).
 */
#ifndef MINHBACH_SOURCE_H
#define MINHBACH_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct buf;
struct diags;
struct repo;
struct source;

#define SOURCE_MAX_FILE (8u * 1024 * 1024)	/* bigger files are refused */

/* Opens the directory root as a source.  -1 after a diagnostic. */
int source_open_dir(struct arena *a, struct diags *d, const char *root,
    struct source **out);
/*
 * Opens the tree of commit-ish ref (NULL: HEAD) in repository r, which
 * was opened at the source root (repo_open(); paths are relative to
 * that root).  r is borrowed: it must outlive the source.  -1 after a
 * diagnostic (unknown ref, root folder not in that commit).
 */
int source_open_git(struct arena *a, struct diags *d, struct repo *r,
    const char *ref, struct source **out);
/* Frees what the source holds (not a borrowed repository). */
void source_close(struct source *s);
/* The repository a git source reads from (borrowed); NULL for a folder. */
struct repo *source_repo(const struct source *s);

/*
 * Lists the regular files below dir ("content", "themes/default") in
 * byte order of their paths; *paths is an arena array of arena strings.
 * A missing dir gives 0 files.  Hidden files and folders (name starting
 * with '.') are skipped.  Returns -1 after a diagnostic on I/O errors.
 */
int source_list(struct source *s, const char *dir, const char ***paths,
    size_t *n);
/* As source_list(), the array and its strings in arena a: a scratch
 * arena for a listing looked through and then dropped (the strays check
 * goes through every file of content/, 100,000 paths that the build
 * would otherwise keep a second copy of). */
int source_list_in(struct source *s, struct arena *a, const char *dir,
    const char ***paths, size_t *n);
/* True if path names a regular file in the source. */
bool source_exists(struct source *s, const char *path);
/*
 * Appends the bytes of path to out (which is reset first).  Files over
 * SOURCE_MAX_FILE are refused.  Returns -1 after a diagnostic at path.
 */
int source_read(struct source *s, const char *path, struct buf *out);
/* True when source_read_part() can read s's files: a folder's (a git
 * tree's blobs are read by the load's one reader only). */
bool source_rereadable(const struct source *s);
/*
 * Sets out (reset first) to the n bytes at offset off of path, or fewer
 * when the file is now shorter: a render worker reading again a body the
 * load read and let go.  Unlike the rest, safe in several threads and in
 * forked workers.  Only for a source that source_rereadable() accepts.
 * -1 after a diagnostic at path.
 */
int source_read_part(struct source *s, const char *path, size_t off, size_t n,
    struct buf *out);
/* source_read_part() that says nothing: -1 leaves the diagnostics alone
 * (their lock too: safe in a thread running while the process forks). */
int source_read_part_quiet(struct source *s, const char *path, size_t off,
    size_t n, struct buf *out);
/*
 * Makes every path under prefix ("themes/default") come from fb instead
 * of s: the installed theme, for a site that names a theme it does not
 * contain.  fb is closed with s.
 */
void source_set_fallback(struct source *s, const char *prefix,
    struct source *fb);
/* True when the source holds at least one file below dir. */
bool source_has_dir(struct source *s, const char *dir);

/* For --ref builds: the full commit id (40 hex) and its commit time
 * (seconds since the epoch); NULL and 0 for a work-tree source. */
const char *source_commit(const struct source *s);
long long source_commit_time(const struct source *s);

#endif
