/*
 * The history stage.  In: the repository that holds the source root, a
 * revision, a content folder.  Out: for every file there at the tip, the
 * commits that changed it (the walk itself is history_walk.c), the work
 * tree's uncommitted changes, and old revisions' bytes on demand.  The
 * value and paragraph diffs of revision pages are history_diff.c.
 */
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "history.h"
#include "history_impl.h"
#include "repo.h"

struct history {
	struct arena *a;
	struct diags *d;
	struct repo *repo;		/* the build's, borrowed */
	git_odb *odb;			/* the repository's object store:
					 * taken by history_read(), let go
					 * by history_close() */
	struct file_history *files;	/* sorted by path */
	size_t nfiles;
	const char **dirty;		/* sorted root-relative paths */
	size_t ndirty;
	const char *tip;		/* the tip commit's 40 hex, or NULL */
	long long tip_time;		/* its commit time */
};

static const struct pos nopos = {NULL, 0, 0};

const char *
history_gitmsg(void)
{
	const git_error *e = git_error_last();

	return e != NULL && e->message != NULL ? e->message : "unknown error";
}

/* The tip's .mailmap (top of the repository); NULL when it has none. */
static int
load_mailmap(git_repository *repo, git_commit *tip, git_mailmap **out)
{
	git_tree *root = NULL;
	git_tree_entry *e = NULL;
	git_blob *blob = NULL;
	int err;

	*out = NULL;
	if ((err = git_commit_tree(&root, tip)) != 0)
		goto out;
	if ((err = git_tree_entry_bypath(&e, root, ".mailmap")) != 0) {
		err = err == GIT_ENOTFOUND ? 0 : err;
		goto out;
	}
	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		goto out;
	if ((err = git_blob_lookup(&blob, repo, git_tree_entry_id(e))) == 0)
		err = git_mailmap_from_buffer(out, git_blob_rawcontent(blob),
		    (size_t)git_blob_rawsize(blob));
out:
	git_blob_free(blob);
	git_tree_entry_free(e);
	git_tree_free(root);
	return err;
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int
cmp_file(const void *x, const void *y)
{
	return strcmp(((const struct file_history *)x)->path,
	    ((const struct file_history *)y)->path);
}

/*
 * The uncommitted changes under the content folder: the tip against the
 * work tree through the index (its stat cache spares hashing every file),
 * untracked files included.  Paths become root-relative.
 */
static int
load_dirty(struct history *h, git_repository *repo, git_commit *tip,
    const char *rootpfx, const char *full)
{
	git_diff_options opt;
	git_tree *tree = NULL;
	git_diff *diff = NULL;
	char *spec = (char *)full;
	size_t i, n, skip = *rootpfx ? strlen(rootpfx) + 1 : 0;
	const git_diff_delta *dd;
	int rc = -1;

	git_diff_options_init(&opt, GIT_DIFF_OPTIONS_VERSION);
	opt.flags = GIT_DIFF_INCLUDE_UNTRACKED |
	    GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_DISABLE_PATHSPEC_MATCH |
	    GIT_DIFF_SKIP_BINARY_CHECK;
	if (*full != '\0') {
		opt.pathspec.strings = &spec;
		opt.pathspec.count = 1;
	}
	if ((tip != NULL && git_commit_tree(&tree, tip) != 0) ||
	    git_diff_tree_to_workdir_with_index(&diff, repo, tree, &opt) != 0) {
		diag_error(h->d, nopos, "history.status", history_gitmsg());
		goto out;
	}
	n = git_diff_num_deltas(diff);
	h->dirty = arena_calloc(h->a, n ? n : 1, sizeof *h->dirty);
	for (i = 0; i < n; i++) {
		dd = git_diff_get_delta(diff, i);
		if (strlen(dd->new_file.path) > skip)
			h->dirty[h->ndirty++] = arena_strdup(h->a,
			    dd->new_file.path + skip);
	}
	if (h->ndirty > 1)
		qsort(h->dirty, h->ndirty, sizeof *h->dirty, cmp_str);
	rc = 0;
out:
	git_diff_free(diff);
	git_tree_free(tree);
	return rc;
}

/* Copies the walk's files into h, revisions oldest first. */
static void
keep_files(struct history *h, struct walk *w)
{
	struct file_history *f;
	struct track *t;
	size_t i, j;

	h->files = arena_calloc(h->a, w->n ? w->n : 1, sizeof *h->files);
	for (i = 0; i < w->n; i++) {
		t = &w->t[i];
		if (t->n == 0)
			continue;	/* impossible unless the walk stopped */
		f = &h->files[h->nfiles++];
		f->path = t->revs[0].path;	/* the newest: the tip's */
		f->n = t->n;
		f->revs = arena_calloc(h->a, t->n, sizeof *f->revs);
		for (j = 0; j < t->n; j++)
			f->revs[j] = t->revs[t->n - 1 - j];
	}
	if (h->nfiles > 1)
		qsort(h->files, h->nfiles, sizeof *h->files, cmp_file);
}

int
history_load(struct arena *a, struct diags *d, struct repo *r,
    const char *ref, const char *prefix, bool allow_shallow,
    struct history **out)
{
	git_repository *repo;
	git_object *obj = NULL, *cobj = NULL;
	git_commit *tip = NULL;
	git_tree *tree = NULL;
	git_mailmap *mm = NULL;
	struct walk w = {0};
	struct history *h;
	const char *rootpfx, *full;
	bool shallow;
	int rc = -1;

	*out = NULL;
	if (r == NULL)
		return 0;	/* not in a repository: no history */
	repo = repo_git(r);
	rootpfx = repo_prefix(r);
	while (prefix != NULL && *prefix == '/')
		prefix++;
	prefix = prefix != NULL ? prefix : "";
	full = *rootpfx == '\0' ? prefix : *prefix == '\0' ? rootpfx :
	    arena_printf(a, "%s/%s", rootpfx, prefix);
	shallow = git_repository_is_shallow(repo) == 1;
	if (shallow && !allow_shallow) {
		diag_error(d, nopos, "history.shallow");
		goto out;
	}

	h = arena_calloc(a, 1, sizeof *h);
	h->a = a;
	h->d = d;
	h->repo = r;
	w.a = a;
	w.prefix = prefix;
	if (ref == NULL && git_repository_head_unborn(repo) == 1) {
		tip = NULL;		/* no commit yet: no history */
	} else if (git_revparse_single(&obj, repo, ref ? ref : "HEAD") != 0) {
		diag_error(d, nopos, "history.unknown-revision",
		    ref ? ref : "HEAD", history_gitmsg());
		goto out;
	} else if (git_object_peel(&cobj, obj, GIT_OBJECT_COMMIT) != 0) {
		diag_error(d, nopos, "history.not-a-commit",
		    ref ? ref : "HEAD", history_gitmsg());
		goto out;
	} else {
		tip = (git_commit *)cobj;	/* freed as cobj */
	}
	if (tip != NULL) {
		char hex[GIT_OID_HEXSZ + 1];

		git_oid_tostr(hex, sizeof hex, git_commit_id(tip));
		h->tip = arena_strdup(a, hex);
		h->tip_time = (long long)git_commit_time(tip);
	}
	if (tip != NULL) {
		if (history_folder_tree(repo, tip, full, &tree) != 0 ||
		    history_walk_files(&w, tree) != 0 ||
		    load_mailmap(repo, tip, &mm) != 0) {
			diag_error(d, nopos, "history.read-tree",
			    *full ? full : ".", ref ? ref : "HEAD",
			    history_gitmsg());
			goto out;
		}
		if (history_walk(d, repo, tip, full, mm, shallow, &w) != 0)
			goto out;
	}
	if (ref == NULL && repo_has_workdir(r) &&
	    load_dirty(h, repo, tip, rootpfx, full) != 0)
		goto out;
	keep_files(h, &w);
	*out = h;
	rc = 0;
out:
	history_walk_free(&w);
	git_mailmap_free(mm);
	git_tree_free(tree);
	git_object_free(cobj);
	git_object_free(obj);
	return rc;
}

struct repo *
history_repo(const struct history *h)
{
	return h != NULL ? h->repo : NULL;
}

const struct file_history *
history_file(const struct history *h, const char *path)
{
	struct file_history key = {0};

	if (h == NULL)
		return NULL;
	key.path = path;
	return bsearch(&key, h->files, h->nfiles, sizeof key, cmp_file);
}

const struct file_history *
history_files(const struct history *h, size_t *n)
{
	*n = h != NULL ? h->nfiles : 0;
	return h != NULL ? h->files : NULL;
}

bool
history_dirty(const struct history *h, const char *path)
{
	if (h == NULL || h->ndirty == 0)
		return false;
	return bsearch(&path, h->dirty, h->ndirty, sizeof path,
	    cmp_str) != NULL;
}

int
history_read(struct history *h, const struct revision *r, struct buf *out)
{
	git_odb_object *obj = NULL;
	git_object_t type;
	git_oid id;
	size_t size;
	int rc = -1;

	buf_reset(out);
	/* Taken once: the repository's own store, its cache warm. */
	if (h->odb == NULL) {
		if (git_repository_odb(&h->odb, repo_git(h->repo)) != 0) {
			h->odb = NULL;
			return diag_error(h->d, pos_file(r->path),
			    "history.odb", history_gitmsg());
		}
	}
	if (git_oid_fromstr(&id, r->blob) != 0 ||
	    git_odb_read_header(&size, &type, h->odb, &id) != 0 ||
	    type != GIT_OBJECT_BLOB) {
		diag_error(h->d, pos_file(r->path), "history.read-revision",
		    r->short_id, history_gitmsg());
		goto out;
	}
	if (size > HISTORY_MAX_BLOB) {
		diag_error(h->d, pos_file(r->path), "history.revision-too-big",
		    r->short_id, diag_fmt(h->d, "%zu", size),
		    diag_fmt(h->d, "%u", HISTORY_MAX_BLOB));
		goto out;
	}
	if (git_odb_read(&obj, h->odb, &id) != 0) {
		diag_error(h->d, pos_file(r->path), "history.read-revision",
		    r->short_id, history_gitmsg());
		goto out;
	}
	buf_add(out, git_odb_object_data(obj), git_odb_object_size(obj));
	rc = 0;
out:
	git_odb_object_free(obj);
	return rc;
}

void
history_close(struct history *h)
{
	if (h == NULL || h->odb == NULL)
		return;
	git_odb_free(h->odb);
	h->odb = NULL;
}

const char *
history_tip(const struct history *h, long long *time)
{
	if (time != NULL)
		*time = h != NULL ? h->tip_time : 0;
	return h != NULL ? h->tip : NULL;
}

bool
history_any_dirty(const struct history *h)
{
	return h != NULL && h->ndirty > 0;
}
