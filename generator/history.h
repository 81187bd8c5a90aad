/*
 * The history stage: what git knows about every content file.  One
 * first-parent walk of the repository (libgit2, never the git program)
 * maps each file under a folder to the commits that changed it,
 * following renames; plus the field-by-field and paragraph diffs that
 * the revision pages show.  Dates are in Asia/Ho_Chi_Minh (UTC+7, no
 * DST), whatever the machine's time zone.  Author e-mail addresses never
 * leave this module: authors are names after .mailmap, and an e-mail
 * address written into a name or a commit summary is cut out.
 */
#ifndef MINHBACH_HISTORY_H
#define MINHBACH_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct buf;
struct diags;
struct repo;
struct value;

/* Length of revision.short_id: fixed, so that URLs made of it never
 * change as the repository grows (git's own abbreviations lengthen). */
#define HISTORY_SHORT_LEN 12
/* history_read() refuses blobs bigger than this (as source.h does). */
#define HISTORY_MAX_BLOB (8u * 1024 * 1024)

struct history;		/* arena-allocated; read-only once loaded */

/* One commit that changed one file.  Strings are arena memory; the
 * commit-level ones are shared by every file that the commit changed. */
struct revision {
	const char *commit;	/* 40 hex digits */
	const char *short_id;	/* the first HISTORY_SHORT_LEN of them */
	long long time;		/* commit time, seconds since the epoch */
	const char *date;	/* YYYY-MM-DD in Asia/Ho_Chi_Minh (UTC+7) */
	const char *datetime;	/* 2020-03-20T09:15:00+07:00 */
	const char *author;	/* name after .mailmap; "" if none; no e-mail */
	const char *message;	/* summary (first paragraph, one line) */
	const char *path;	/* the file's path in that commit, relative
				 * to root (differs before a rename) */
	const char *blob;	/* 40 hex: the file's bytes at that commit */
};

/* Every revision of one file that exists at the tip. */
struct file_history {
	const char *path;	/* at the tip, relative to root */
	struct revision *revs;	/* oldest first; revs[0] added the file */
	size_t n;		/* >= 1 */
};

/*
 * Walks the history of repository r (the build's one handle, opened at
 * the source root by repo_find() or repo_open(); borrowed, it must
 * outlive the history) once, from
 * commit-ish ref (NULL: HEAD), and maps every file under root/prefix
 * (prefix "content"; "" for all of root) that exists at the tip to the
 * commits that changed it.  The walk follows first parents only: a merge
 * counts as one revision made by whoever merged, which is what the
 * published branch saw.  Each commit is compared with its first parent
 * (the root commit with the empty tree) inside the prefix, with exact
 * and inexact rename detection; a file renamed a -> b keeps a's
 * revisions.  A file deleted and added again starts afresh.  Authors
 * are resolved through the .mailmap of the tip's tree (not the work
 * tree's, so that a --ref build is reproducible).
 *
 * Sets *out and returns 0.  For r NULL (root is not in a git
 * repository) sets *out to NULL and returns 0 without a diagnostic (the
 * caller says so, once).  A repository without commits gives an empty
 * history.  A shallow repository is an error unless allow_shallow;
 * allowed, the walk stops at the shallow boundary, so the oldest commit
 * there looks like the creation of every file.  Returns -1 after a diagnostic for an
 * unknown ref or a libgit2 failure.  Everything lives in a; no libgit2
 * object is kept (history_read() takes r's object store, history_close()
 * lets it go).
 */
int history_load(struct arena *a, struct diags *d, struct repo *r,
    const char *ref, const char *prefix, bool allow_shallow,
    struct history **out);
/* The repository h was walked in (borrowed); NULL for h NULL. */
struct repo *history_repo(const struct history *h);

/* Returns the history of path (relative to root, as at the tip), or NULL
 * when the tip has no such file under the prefix (h may be NULL). */
const struct file_history *history_file(const struct history *h,
    const char *path);

/* Returns every file's history in byte order of path; *n is set (0 for
 * h NULL).  For site-wide change logs. */
const struct file_history *history_files(const struct history *h,
    size_t *n);

/*
 * Reads the bytes of revision r (its blob) into out, which is reset
 * first.  The first call takes the repository's object store and keeps
 * it in h: call history_close() before repo_close().
 * Not thread-safe.  Blobs over HISTORY_MAX_BLOB are refused.  Returns -1
 * after a diagnostic at r->path.
 */
int history_read(struct history *h, const struct revision *r,
    struct buf *out);
/* Frees what history_read() keeps open; h stays usable (a later read
 * opens it again).  h may be NULL; calling it twice is harmless. */
void history_close(struct history *h);

/* The commit the history was walked from (40 hex; NULL for h NULL or a
 * repository without commits) and, in *time if not NULL, its time. */
const char *history_tip(const struct history *h, long long *time);
/* True if any file under the prefix has uncommitted changes. */
bool history_any_dirty(const struct history *h);

/*
 * True if the work tree's copy of path (relative to root) differs from
 * the tip: modified, staged, deleted, or new and not yet committed.
 * Known only for history_load(ref NULL) on a repository with a work
 * tree (preview builds); false otherwise, and false for h NULL.
 */
bool history_dirty(const struct history *h, const char *path);

/*
 * Field-by-field differences between two YAML value trees (old, new; either
 * may be NULL, an empty document).  Returns a list (arena) of maps in
 * document order, empty when they are equal:
 *   path   "lines.2.values.du_toan": keys and 0-based indices, dotted
 *   label  for people: the label of each list element on the way that
 *          has one (its `label`, `title` or `name`, a {vi, en} map giving
 *          vi) and then the last key: "Chi quản lý hành chính › du_toan";
 *          with no labelled element, every key and 1-based index:
 *          "decision › number"
 *   key    the last map key on the path ("du_toan"), "" if none
 *   old    the old scalar as written ("" when added)
 *   new    the new scalar as written ("" when removed)
 *   kind   "changed", "added" or "removed"
 * Only scalars are reported: an added or removed map or list gives one
 * record per scalar inside it.  Scalars compare by their text (null as
 * ""), so 1.0 -> 1.00 is a change and "5" -> 5 is not.  List elements are
 * matched by their label when every element of both lists has a unique
 * one (so inserting a budget line is one addition, not a cascade), the
 * unmatched ones pairwise in order when as many went as came (a relabel);
 * otherwise by index.
 */
struct value *history_diff_values(struct arena *a, const struct value *old,
    const struct value *new_);

/*
 * Paragraph-level diff of two Markdown bodies.  Paragraphs are separated
 * by blank lines and compared with trailing blanks trimmed.  Returns a
 * list (arena) of maps {kind: "added"|"removed", text} in document
 * order (removals before additions at one place); empty when equal.  An
 * LCS after trimming the common start and end; when what remains exceeds
 * HISTORY_DIFF_MAX_PARAS paragraphs on a side, every remaining old
 * paragraph is reported removed and every new one added.
 */
#define HISTORY_DIFF_MAX_PARAS 2000
struct value *history_diff_text(struct arena *a, const char *old,
    size_t oldn, const char *new_, size_t newn);

#endif
