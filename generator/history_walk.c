/*
 * The history stage's walk.  In: the tip's files under the content
 * folder, and the repository.  Out: each file's revisions, newest first:
 * one first-parent walk, one tree comparison per commit that touched the
 * folder, renames followed (by blob id, else by libgit2's similarity).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "hash.h"
#include "history.h"
#include "history_impl.h"
#include "utf8.h"

#define NONE SIZE_MAX

static const struct pos nopos = {NULL, 0, 0};

static size_t
hash(const char *s)
{
	return (size_t)hash_fnv1a(HASH_FNV1A_INIT, s, strlen(s));
}

static void
track_link(struct walk *w, size_t i)
{
	size_t *b = &w->bucket[hash(w->t[i].name) & w->mask];

	w->t[i].next = *b;
	*b = i;
}

static void
track_unlink(struct walk *w, size_t i)
{
	size_t *p = &w->bucket[hash(w->t[i].name) & w->mask];

	while (*p != i)
		p = &w->t[*p].next;
	*p = w->t[i].next;
}

static size_t
track_find(const struct walk *w, const char *name)
{
	size_t i = w->bucket[hash(name) & w->mask];

	while (i != NONE && strcmp(w->t[i].name, name) != 0)
		i = w->t[i].next;
	return i;
}

static const char *
join(struct arena *a, const char *dir, const char *name)
{
	return *dir == '\0' ? arena_strdup(a, name) :
	    arena_printf(a, "%s/%s", dir, name);
}

/* git_tree_walk callback: every regular file of the tip's folder. */
static int
collect(const char *dir, const git_tree_entry *e, void *payload)
{
	struct walk *w = payload;
	git_filemode_t m = git_tree_entry_filemode(e);
	struct track *t;

	if (m != GIT_FILEMODE_BLOB && m != GIT_FILEMODE_BLOB_EXECUTABLE)
		return 0;		/* folders, symlinks, submodules */
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->t = xreallocarray(w->t, w->cap, sizeof *w->t);
	}
	t = &w->t[w->n++];
	memset(t, 0, sizeof *t);
	t->name = arena_printf(w->a, "%s%s", dir, git_tree_entry_name(e));
	t->path = join(w->a, w->prefix, t->name);
	return 0;
}

/*
 * Copies s[0..n) to the arena as valid UTF-8 (bad bytes become U+FFFD,
 * controls a space) with every word that looks like an e-mail address
 * (something@something) cut out: a commit's author may have typed the
 * address as a name, or a summary may quote one.
 */
static const char *
clean(struct arena *a, const char *s, size_t n)
{
	struct buf b = {0};
	size_t i = 0, w, at, k, len;
	uint32_t cp;
	const char *out;

	while (i < n) {
		if (ascii_isspace((unsigned char)s[i])) {
			if (b.len > 0 && b.data[b.len - 1] != ' ')
				buf_addc(&b, ' ');
			i++;
			continue;
		}
		for (w = i, at = NONE; w < n &&
		    !ascii_isspace((unsigned char)s[w]); w++)
			if (s[w] == '@' && at == NONE)
				at = w;
		/* "<a@b.vn>" goes whole; "@nguyen" and "a@" stay. */
		if (at != NONE && at > i && at + 1 < w &&
		    ascii_isalnum((unsigned char)s[at + 1])) {
			i = w;
			continue;
		}
		for (k = i; k < w; k += len) {
			/* A bad byte: U+FFFD, which is also its own bytes. */
			len = utf8_decode(s + k, w - k, &cp, UTF8_STRICT);
			if (cp == UTF8_REPLACEMENT)
				buf_adds(&b, "\xEF\xBF\xBD");
			else if (cp < 0x20 || cp == 0x7F)
				buf_addc(&b, ' ');
			else
				buf_add(&b, s + k, len);
		}
		i = w;
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.len--;
	out = buf_keep(&b, a);	/* keeps the storage: release it */
	buf_release(&b);
	return out;
}

/* Commit time as a day and a time of day in Asia/Ho_Chi_Minh. */
static void
local_time(struct arena *a, long long t, const char **date,
    const char **datetime)
{
	char dt[DATE_VN_DATETIME_SIZE];

	date_vn_datetime(t, dt);
	*datetime = arena_strdup(a, dt);
	*date = arena_strndup(a, dt, 10);	/* its YYYY-MM-DD */
}

/* Fills the commit-level fields of r from c (done once per commit). */
static void
describe(struct arena *a, const git_mailmap *mm, git_commit *c,
    struct revision *r)
{
	const git_signature *sig = git_commit_author(c);
	const char *name = sig->name, *email = sig->email, *sum;
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof hex, git_commit_id(c));
	r->commit = arena_strdup(a, hex);
	r->short_id = arena_strndup(a, hex, HISTORY_SHORT_LEN);
	r->time = (long long)git_commit_time(c);
	local_time(a, r->time, &r->date, &r->datetime);
	/* A failed lookup leaves the commit's own name: never the e-mail. */
	if (git_mailmap_resolve(&name, &email, mm, sig->name, sig->email) != 0)
		name = sig->name;
	r->author = clean(a, name, strlen(name));
	sum = git_commit_summary(c);
	r->message = sum != NULL ? clean(a, sum, strlen(sum)) : "";
}

static void
add_rev(struct track *t, const struct revision *commit, const char *blob)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4;
		t->revs = xreallocarray(t->revs, t->cap, sizeof *t->revs);
	}
	t->revs[t->n] = *commit;
	t->revs[t->n].path = t->path;
	t->revs[t->n].blob = blob;
	t->n++;
}

/* One file changed by a commit, paths relative to the content folder. */
struct delta {
	git_delta_t status;		/* ADDED, MODIFIED, DELETED, RENAMED */
	char *path, *old;		/* malloc; old only for RENAMED */
	git_oid id;			/* the new blob; DELETED: the old */
};

struct deltas {
	struct delta *v;
	size_t n, cap;
	size_t added, deleted;
};

static void
delta_add(struct deltas *ds, git_delta_t st, const char *path,
    const char *old, const git_oid *id)
{
	struct delta *x;

	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap * 2 : 16;
		ds->v = xreallocarray(ds->v, ds->cap, sizeof *ds->v);
	}
	x = &ds->v[ds->n++];
	x->status = st;
	x->path = xstrdup(path);
	x->old = old != NULL ? xstrdup(old) : NULL;
	if (id != NULL)
		x->id = *id;
	else
		memset(&x->id, 0, sizeof x->id);
	ds->added += st == GIT_DELTA_ADDED;
	ds->deleted += st == GIT_DELTA_DELETED;
}

static void
deltas_clear(struct deltas *ds)
{
	for (size_t i = 0; i < ds->n; i++) {
		free(ds->v[i].path);
		free(ds->v[i].old);
	}
	ds->n = ds->added = ds->deleted = 0;
}

/*
 * Takes one commit's changes into the walk.  All deltas are matched to
 * tracked files first and renamed after, so that a swap (a -> b and
 * b -> a in one commit) cannot confuse two files.
 */
static void
take_deltas(struct walk *w, const struct deltas *ds, const git_mailmap *mm,
    git_commit *c)
{
	size_t i, k, *hit;
	struct revision commit = {0};
	char hex[GIT_OID_HEXSZ + 1];
	const struct delta *x;
	struct track *t;

	hit = xcalloc(ds->n ? ds->n : 1, sizeof *hit);
	for (i = 0; i < ds->n; i++) {
		x = &ds->v[i];
		hit[i] = NONE;
		if (x->status == GIT_DELTA_DELETED ||
		    x->status == GIT_DELTA_UNMODIFIED ||
		    (k = track_find(w, x->path)) == NONE)
			continue;
		if (commit.commit == NULL)
			describe(w->a, mm, c, &commit);
		git_oid_tostr(hex, sizeof hex, &x->id);
		add_rev(&w->t[k], &commit, arena_strdup(w->a, hex));
		hit[i] = k;
	}
	for (i = 0; i < ds->n; i++)
		if (hit[i] != NONE)
			track_unlink(w, hit[i]);
	for (i = 0; i < ds->n; i++) {
		if (hit[i] == NONE)
			continue;
		x = &ds->v[i];
		t = &w->t[hit[i]];
		if (x->status == GIT_DELTA_ADDED) {
			w->alive--;	/* older commits had another file */
			continue;
		}
		if (x->status == GIT_DELTA_RENAMED) {
			t->name = arena_strdup(w->a, x->old);
			t->path = join(w->a, w->prefix, t->name);
		}
		track_link(w, hit[i]);
	}
	free(hit);
}

static bool
is_file(const git_tree_entry *e)
{
	git_filemode_t m = e != NULL ? git_tree_entry_filemode(e) : 0;

	return m == GIT_FILEMODE_BLOB || m == GIT_FILEMODE_BLOB_EXECUTABLE ||
	    m == GIT_FILEMODE_LINK;
}

/*
 * The subtrees read lately.  Walking back, a commit's changed folder is
 * its parent's too, and libgit2 caches no tree over 4 KiB by default (a
 * folder of a few hundred files), so every step would inflate it again.
 */
#define TREE_CACHE 32

struct trees {
	git_tree *t[TREE_CACHE];	/* owned; freed by trees_free() */
	size_t next;
};

/* Returns the tree id, borrowed from the cache; NULL on failure. */
static const git_tree *
trees_get(git_repository *repo, struct trees *tc, const git_oid *id)
{
	git_tree *t;
	size_t i;

	for (i = 0; i < TREE_CACHE; i++)
		if (tc->t[i] != NULL &&
		    git_oid_equal(git_tree_id(tc->t[i]), id))
			return tc->t[i];
	if (git_tree_lookup(&t, repo, id) != 0)
		return NULL;
	i = tc->next++ % TREE_CACHE;
	git_tree_free(tc->t[i]);
	tc->t[i] = t;
	return t;
}

/* *out: a new reference to the tree of entry e (git_tree_free it). */
static int
tree_ref(git_repository *repo, struct trees *tc, const git_tree_entry *e,
    git_tree **out)
{
	const git_tree *t = trees_get(repo, tc, git_tree_entry_id(e));

	*out = NULL;
	return t != NULL ? git_tree_dup(out, (git_tree *)t) : -1;
}

static void
trees_free(struct trees *tc)
{
	for (size_t i = 0; i < TREE_CACHE; i++)
		git_tree_free(tc->t[i]);
}

/*
 * Compares trees o and n (either may be NULL: empty) below folder dir.
 * git_diff_tree_to_tree() reads every subtree of both sides, which made
 * a 10,000-commit walk take seconds; this skips equal subtrees by id, so
 * a commit costs what it changed.  Renames are not looked for here.
 */
static int
tree_diff(git_repository *repo, struct trees *tc, const git_tree *o,
    const git_tree *n, struct buf *dir, struct deltas *ds, unsigned depth)
{
	size_t i = 0, j = 0, no = o ? git_tree_entrycount(o) : 0;
	size_t nn = n ? git_tree_entrycount(n) : 0, len = dir->len;
	const git_tree_entry *eo, *en;
	git_tree *so, *sn;
	int cmp, rc = 0;

	if (depth > 256)
		return -1;		/* trees nested absurdly deep */
	while (rc == 0 && (i < no || j < nn)) {
		eo = i < no ? git_tree_entry_byindex(o, i) : NULL;
		en = j < nn ? git_tree_entry_byindex(n, j) : NULL;
		cmp = eo == NULL ? 1 : en == NULL ? -1 :
		    git_tree_entry_cmp(eo, en);
		if (cmp == 0 && git_oid_equal(git_tree_entry_id(eo),
		    git_tree_entry_id(en)) && git_tree_entry_filemode(eo) ==
		    git_tree_entry_filemode(en)) {
			i++;
			j++;
			continue;	/* the same file or folder */
		}
		if (cmp == 0 && is_file(eo) && is_file(en)) {
			buf_adds(dir, git_tree_entry_name(en));
			delta_add(ds, GIT_DELTA_MODIFIED, buf_cstr(dir), NULL,
			    git_tree_entry_id(en));
			buf_truncate(dir, len);
			i++;
			j++;
			continue;
		}
		/* A folder on both sides, or one side alone. */
		if (cmp > 0)
			eo = NULL;
		if (cmp < 0)
			en = NULL;
		i += eo != NULL;
		j += en != NULL;
		if (eo != NULL && is_file(eo)) {
			buf_adds(dir, git_tree_entry_name(eo));
			delta_add(ds, GIT_DELTA_DELETED, buf_cstr(dir), NULL,
			    git_tree_entry_id(eo));
			buf_truncate(dir, len);
			eo = NULL;
		}
		if (en != NULL && is_file(en)) {
			buf_adds(dir, git_tree_entry_name(en));
			delta_add(ds, GIT_DELTA_ADDED, buf_cstr(dir), NULL,
			    git_tree_entry_id(en));
			buf_truncate(dir, len);
			en = NULL;
		}
		if (eo != NULL && git_tree_entry_type(eo) != GIT_OBJECT_TREE)
			eo = NULL;	/* submodules are not content */
		if (en != NULL && git_tree_entry_type(en) != GIT_OBJECT_TREE)
			en = NULL;
		if (eo == NULL && en == NULL)
			continue;
		buf_adds(dir, git_tree_entry_name(eo != NULL ? eo : en));
		buf_addc(dir, '/');
		/* Own references: the recursion may evict them from tc. */
		so = sn = NULL;
		if ((eo != NULL && tree_ref(repo, tc, eo, &so) != 0) ||
		    (en != NULL && tree_ref(repo, tc, en, &sn) != 0))
			rc = -1;
		else
			rc = tree_diff(repo, tc, so, sn, dir, ds, depth + 1);
		git_tree_free(so);
		git_tree_free(sn);
		buf_truncate(dir, len);
	}
	return rc;
}

/*
 * Pairs files added with files deleted with the same bytes (git mv):
 * the common rename, found without reading a blob.  Returns true when
 * additions and deletions both remain (renames with edits, perhaps).
 */
static bool
exact_renames(struct deltas *ds)
{
	struct delta *x, *y;
	size_t i, j;

	for (i = 0; i < ds->n && ds->deleted > 0; i++) {
		x = &ds->v[i];
		if (x->status != GIT_DELTA_ADDED)
			continue;
		for (j = 0; j < ds->n; j++) {
			y = &ds->v[j];
			if (y->status != GIT_DELTA_DELETED ||
			    !git_oid_equal(&x->id, &y->id))
				continue;
			x->status = GIT_DELTA_RENAMED;
			x->old = y->path;
			y->path = NULL;
			y->status = GIT_DELTA_UNMODIFIED;	/* used up */
			ds->added--;
			ds->deleted--;
			break;
		}
	}
	return ds->added > 0 && ds->deleted > 0;
}

/*
 * A commit that deleted and added files of different bytes may have
 * renamed and edited some: for it alone, libgit2's diff with rename
 * detection by similarity.
 */
static int
renames(git_repository *repo, const git_tree *o, const git_tree *n,
    struct deltas *ds)
{
	git_diff_options dopt;
	git_diff_find_options fopt;
	git_diff *diff = NULL;
	const git_diff_delta *dd;
	size_t i;
	int rc = -1;

	/* The _INIT macros leave fields out: -Wmissing-field-initializers. */
	git_diff_options_init(&dopt, GIT_DIFF_OPTIONS_VERSION);
	git_diff_find_options_init(&fopt, GIT_DIFF_FIND_OPTIONS_VERSION);
	dopt.flags = GIT_DIFF_SKIP_BINARY_CHECK;
	fopt.flags = GIT_DIFF_FIND_RENAMES;
	if (git_diff_tree_to_tree(&diff, repo, (git_tree *)o, (git_tree *)n,
	    &dopt) != 0 || git_diff_find_similar(diff, &fopt) != 0)
		goto out;
	deltas_clear(ds);
	for (i = 0; i < git_diff_num_deltas(diff); i++) {
		dd = git_diff_get_delta(diff, i);
		if (dd->status == GIT_DELTA_DELETED)
			delta_add(ds, dd->status, dd->old_file.path, NULL,
			    NULL);
		else
			delta_add(ds, dd->status == GIT_DELTA_RENAMED ?
			    GIT_DELTA_RENAMED : dd->status == GIT_DELTA_ADDED ?
			    GIT_DELTA_ADDED : GIT_DELTA_MODIFIED,
			    dd->new_file.path, dd->old_file.path,
			    &dd->new_file.id);
	}
	rc = 0;
out:
	git_diff_free(diff);
	return rc;
}

int
history_folder_tree(git_repository *repo, git_commit *c, const char *dir,
    git_tree **out)
{
	git_tree *root = NULL;
	git_tree_entry *e = NULL;
	int err;

	*out = NULL;
	if ((err = git_commit_tree(&root, c)) != 0)
		return err;
	if (*dir == '\0') {
		*out = root;
		return 0;
	}
	err = git_tree_entry_bypath(&e, root, dir);
	if (err == 0 && git_tree_entry_type(e) == GIT_OBJECT_TREE)
		err = git_tree_lookup(out, repo, git_tree_entry_id(e));
	else if (err == GIT_ENOTFOUND || err == 0)
		err = 0;		/* no such folder (or a file): empty */
	git_tree_entry_free(e);
	git_tree_free(root);
	return err;
}

/*
 * The walk.  First parents only, by hand rather than with git_revwalk:
 * the chain needs no sorting, and in a shallow clone libgit2 1.5 knows
 * no grafts, so a missing parent must end the walk instead of failing
 * it.  Each step compares the content folder's two trees (not the whole
 * commit's), skips commits that left it alone, and stops early once
 * every tip file's creation has been seen.
 */
static int
walk_history(struct diags *d, git_repository *repo, git_commit *tip,
    const char *dir, const git_mailmap *mm, bool shallow, struct walk *w)
{
	git_commit *c = NULL, *p = NULL;
	git_tree *ct = NULL, *pt = NULL;
	struct deltas ds = {0};
	struct trees tc;
	struct buf path = {0};
	int rc = -1, err;

	memset(&tc, 0, sizeof tc);
	if (git_commit_dup(&c, tip) != 0 ||
	    history_folder_tree(repo, c, dir, &ct))
		goto fail;
	while (c != NULL && w->alive > 0) {
		p = NULL;
		pt = NULL;
		if (git_commit_parentcount(c) > 0 &&
		    (err = git_commit_parent(&p, c, 0)) != 0) {
			if (!(shallow && err == GIT_ENOTFOUND))
				goto fail;
			p = NULL;	/* the shallow boundary */
		}
		if (p != NULL && history_folder_tree(repo, p, dir, &pt) != 0)
			goto fail;
		if (ct != NULL && (pt == NULL ||
		    !git_oid_equal(git_tree_id(pt), git_tree_id(ct)))) {
			deltas_clear(&ds);
			buf_reset(&path);
			if (tree_diff(repo, &tc, pt, ct, &path, &ds, 0) != 0 ||
			    (exact_renames(&ds) && renames(repo, pt, ct,
			    &ds) != 0))
				goto fail;
			take_deltas(w, &ds, mm, c);
		}
		git_tree_free(ct);
		git_commit_free(c);
		ct = pt;
		c = p;
	}
	rc = 0;
	goto out;
fail:
	diag_error(d, nopos, "history.walk", *dir ? dir : ".",
	    history_gitmsg());
	git_tree_free(pt);
	git_commit_free(p);
out:
	deltas_clear(&ds);
	free(ds.v);
	trees_free(&tc);
	buf_release(&path);
	git_tree_free(ct);
	git_commit_free(c);
	return rc;
}

int
history_walk_files(struct walk *w, const git_tree *tree)
{
	if (tree == NULL)
		return 0;
	return git_tree_walk(tree, GIT_TREEWALK_PRE, collect, w);
}

int
history_walk(struct diags *d, git_repository *repo, git_commit *tip,
    const char *dir, const git_mailmap *mm, bool shallow, struct walk *w)
{
	size_t i;
	int err;

	for (w->mask = 15; w->mask < w->n * 2; w->mask = w->mask * 2 + 1)
		;
	w->bucket = xmalloc((w->mask + 1) * sizeof *w->bucket);
	for (i = 0; i <= w->mask; i++)
		w->bucket[i] = NONE;
	for (i = 0; i < w->n; i++)
		track_link(w, i);
	w->alive = w->n;
	/*
	 * libgit2 hashes every object it reads again to verify it; git
	 * itself does not (fsck does), and on the walk it is a third of
	 * the time.  A process-wide switch: back to its default (on) at
	 * once.
	 */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	err = walk_history(d, repo, tip, dir, mm, shallow, w);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1);
	return err;
}

void
history_walk_free(struct walk *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->t[i].revs);
	free(w->t);
	free(w->bucket);
}
