/*
 * The git repository of a build, opened once.  The source stage (a
 * --ref build reads its files from a commit) and the history stage (the
 * walk, the work tree's changes, old revisions' bytes) borrow this one
 * handle; nothing else opens the repository.
 */
#ifndef MINHBACH_REPO_H
#define MINHBACH_REPO_H

#include <stdbool.h>

struct arena;
struct diags;
struct git_repository;
struct repo;		/* arena-allocated; the libgit2 handle inside is
			 * freed by repo_close() */

/*
 * Opens the repository that contains root (searching upwards like git,
 * so root may be a folder inside the work tree).  Sets *out and returns
 * 0; -1 after a diagnostic when root is in no repository, is outside the
 * work tree of its repository, or libgit2 fails.  Initialises libgit2
 * (reference-counted; repo_close() undoes it).
 */
int repo_open(struct arena *a, struct diags *d, const char *root,
    struct repo **out);
/*
 * Like repo_open(), but root outside any repository is no error: sets
 * *out to NULL and returns 0 without a diagnostic.  Looks for a .git
 * on the way up first, so that such a build never starts libgit2 (its
 * start-up costs more than many a small build).
 */
int repo_find(struct arena *a, struct diags *d, const char *root,
    struct repo **out);
/* Frees the handle (r may be NULL; twice is harmless).  Whatever
 * borrowed it (a source, a history) must not be used afterwards. */
void repo_close(struct repo *r);

/* The libgit2 handle; owned by r. */
struct git_repository *repo_git(const struct repo *r);
/* root as given to repo_open(), and its real path (arena). */
const char *repo_root(const struct repo *r);
const char *repo_root_real(const struct repo *r);
/* Where root lies in the work tree, relative to its top: "" for the
 * top itself or a bare repository, else "site" or "a/b" (no slashes at
 * either end). */
const char *repo_prefix(const struct repo *r);
/* True if the repository has a work tree (is not bare). */
bool repo_has_workdir(const struct repo *r);

#endif
