/*
 * Private to the history stage: history.c (the repository, the tip, the
 * work tree), history_walk.c (the commit walk, tree comparison, rename
 * detection) and history_diff.c (value and paragraph diffs).
 */
#ifndef MINHBACH_HISTORY_IMPL_H
#define MINHBACH_HISTORY_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct diags;
struct revision;
/* libgit2's handles, by their struct tags: this header needs no git2.h. */
struct git_commit;
struct git_mailmap;
struct git_repository;
struct git_tree;

/*
 * A file of the tip, followed backwards through the walk.  name is its
 * path relative to the content folder in the commit being looked at
 * (what the diffs show); path the same relative to root (what callers
 * see).  revs grows newest first (malloc) and is copied out at the end.
 */
struct track {
	const char *name, *path;
	size_t next;			/* hash chain */
	struct revision *revs;
	size_t n, cap;
};

/* The walk's state: the tip's files and a hash of their current names. */
struct walk {
	struct arena *a;
	struct track *t;
	size_t n, cap, alive;
	size_t *bucket, mask;
	const char *prefix;		/* root-relative folder, "" for root */
};

/* Returns libgit2's last error message ("unknown error" if none);
 * libgit2's memory, valid until its next call on this thread. */
const char *history_gitmsg(void);

/*
 * Sets *out to the tree of folder dir (relative to the repository's top;
 * "" for the top) in commit c: a new reference for git_tree_free(), or
 * NULL when c has no such folder.  Returns 0, or a libgit2 error code
 * (its message in history_gitmsg()).
 */
int history_folder_tree(struct git_repository *repo, struct git_commit *c,
    const char *dir, struct git_tree **out);

/*
 * Adds every regular file of tree (the tip's folder; NULL: none) to w,
 * which must have its arena and prefix set.  Returns 0, or a libgit2
 * error code.  What w holds is freed by history_walk_free().
 */
int history_walk_files(struct walk *w, const struct git_tree *tree);

/*
 * Walks first parents back from tip, comparing folder dir's trees, and
 * gives each of w's files its revisions (newest first) until every
 * one's creation has been seen; authors go through mm (may be NULL).
 * In a shallow repository (shallow) a missing parent ends the walk.
 * Returns 0, or -1 after a diagnostic.
 */
int history_walk(struct diags *d, struct git_repository *repo,
    struct git_commit *tip, const char *dir,
    const struct git_mailmap *mm, bool shallow, struct walk *w);

/* Frees what w holds (not its arena memory); w may be all zero. */
void history_walk_free(struct walk *w);

#endif
