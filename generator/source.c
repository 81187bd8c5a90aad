/*
 * The source stage: one interface, two back ends.  In: a source root (a
 * folder, or a folder in a git work tree plus a revision).  Out: sorted
 * lists of relative paths and the bytes of files, never from outside the
 * root: a work-tree symlink is followed only when its target stays
 * inside; a git symlink or submodule is never followed.
 */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "repo.h"
#include "source.h"
#include "utf8.h"

#define MAX_DEPTH 64	/* folders deeper than this are not listed */

enum backend { BACKEND_DIR, BACKEND_GIT };

/*
 * One open source.  The git tree lives as long as the source because
 * every list and read goes back to it; source_close() frees it (the
 * repository is the build's, repo_close()).  libgit2 objects are not
 * shared between threads: the load stage reads a git source with one
 * thread (content.c load_all()); a folder's files are read by several.
 */
struct source {
	struct arena *a;
	struct diags *d;
	enum backend kind;
	const char *root;	/* real path of the root (arena) */
	int rootfd;		/* work tree: the root, opened once */
	/* Git back end only.  The repository is borrowed (the build's
	 * one handle, repo.h); the tree is owned, freed by source_close(). */
	struct repo *r;
	git_repository *repo;	/* repo_git(r) */
	git_tree *tree;		/* the tree at the root folder */
	const char *commit;	/* 40 hex digits (arena) */
	long long time;
	/* Paths already refused or warned about: a folder is listed more
	 * than once (its collection, then the strays), a file once said. */
	struct said *said;
	/* Paths under fb_prefix come from fb (source_set_fallback()). */
	struct source *fb;
	const char *fb_prefix;
};

struct said {
	struct said *next;
	const char *path;
};

/* Paths collected by a walk; malloc-backed until copied to the arena. */
struct list {
	char **v;
	size_t n, cap;
};

/* A work-tree walk: the folders on the current path, to catch loops. */
struct walk {
	struct source *s;
	struct list *l;
	dev_t dev[MAX_DEPTH + 1];
	ino_t ino[MAX_DEPTH + 1];
	size_t depth;
	int rc;
};

static const struct pos nopos = {NULL, 0, 0};

static const char *
gitmsg(void)
{
	const git_error *e = git_error_last();

	return e != NULL && e->message != NULL ? e->message : "unknown error";
}

/* True the first time path is passed (for one message per file). */
static bool
first_time(struct source *s, const char *path)
{
	struct said *p;

	for (p = s->said; p != NULL; p = p->next)
		if (strcmp(p->path, path) == 0)
			return false;
	p = arena_calloc(s->a, 1, sizeof *p);
	p->path = arena_strdup(s->a, path);
	p->next = s->said;
	s->said = p;
	return true;
}

/*
 * path with every byte that is not part of valid UTF-8, or is a control
 * character, written \xHH, for a message that must stay readable text.
 * Sets *bad if there was one.  Arena string.
 */
static const char *
escaped_path(struct source *s, const char *path, bool *bad)
{
	struct buf b = {0};
	const char *r;
	size_t i = 0, n = strlen(path), k, j;
	uint32_t cp;
	bool eth;

	*bad = false;
	/* Every name of the walk comes here: nearly all are plain text. */
	if (utf8_quick_check(path, n, &eth))
		return path;
	while (i < n) {
		k = utf8_decode(path + i, n - i, &cp, UTF8_STRICT);
		if ((cp == UTF8_REPLACEMENT &&
		        (k != 3 || memcmp(path + i, "\xef\xbf\xbd", 3) != 0)) ||
		    utf8_is_refused_control(cp)) {
			for (j = 0; j < k; j++)
				buf_addf(&b, "\\x%02x",
				    (unsigned char)path[i + j]);
			*bad = true;
		} else {
			buf_add(&b, path + i, k);
		}
		i += k;
	}
	r = *bad ? arena_strdup(s->a, buf_cstr(&b)) : path;
	buf_release(&b);
	return r;
}

/*
 * True if the name at path may be published.  A name that is not UTF-8
 * (an old Windows archive: "B\xe1o c\xe1o.pdf") has no URL the build
 * could write without guessing: it is a located error, shown escaped.
 */
static bool
name_ok(struct source *s, const char *path)
{
	bool bad;
	const char *e = escaped_path(s, path, &bad);

	if (bad && first_time(s, path))
		diag_error(s->d, pos_file(e), "source.name-not-utf8", e);
	return !bad;
}

/* A FIFO, socket or device below the root: not content, said once. */
static void
special_file(struct source *s, const char *path, mode_t mode)
{
	const char *what = S_ISFIFO(mode)  ? "FIFO" :
	    S_ISSOCK(mode)                 ? "socket" :
	    S_ISCHR(mode) || S_ISBLK(mode) ? "device" :
	                                     "?";

	if (first_time(s, path))
		diag_warning(s->d, pos_file(path), "source.special-file", what);
}

static void
list_add(struct list *l, const char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = xstrdup(path);
}

static int
cmp_path(const void *pa, const void *pb)
{
	const char *const *a = pa, *const *b = pb;

	return strcmp(*a, *b);	/* strcmp compares as unsigned char */
}

/* Sorts l into an array in arena a for the caller and frees l. */
static void
list_finish(struct arena *a, struct list *l, const char ***paths, size_t *n)
{
	const char **v;
	size_t i;

	if (l->n > 0)
		qsort(l->v, l->n, sizeof *l->v, cmp_path);
	v = arena_calloc(a, l->n ? l->n : 1, sizeof *v);
	for (i = 0; i < l->n; i++) {
		v[i] = arena_strdup(a, l->v[i]);
		free(l->v[i]);
	}
	free(l->v);
	*paths = v;
	*n = l->n;
}

/*
 * Resolves rel below the root, following links, and returns the real
 * path (malloc) if it stays inside the root.  NULL with errno set when
 * it does not exist, or EXDEV when it leads outside.
 */
static char *
resolve(const struct source *s, const char *rel)
{
	struct buf full = {0};
	char *rp;

	buf_adds(&full, s->root);
	if (rel[0] != '\0') {
		buf_addc(&full, '/');
		buf_adds(&full, rel);
	}
	/*
	 * realpath() resolves every link on the way, so one prefix test
	 * covers links in the middle of the path as well as the last one.
	 * A link swapped between this check and the open() is the editor's
	 * own doing: the source is theirs, the output is what we guard.
	 */
	rp = realpath(buf_cstr(&full), NULL);
	buf_release(&full);
	if (rp != NULL && !fsutil_is_below(s->root, rp)) {
		free(rp);
		errno = EXDEV;
		return NULL;
	}
	return rp;
}

int
source_open_dir(struct arena *a, struct diags *d, const char *root,
    struct source **out)
{
	struct source *s;
	struct stat st;
	char *rp;

	*out = NULL;
	if ((rp = realpath(root, NULL)) == NULL)
		return diag_error(d, nopos, "source.root-unopenable", root,
		    strerror(errno));
	if (stat(rp, &st) == -1 || !S_ISDIR(st.st_mode)) {
		free(rp);
		return diag_error(d, nopos, "source.root-not-folder", root);
	}
	s = arena_calloc(a, 1, sizeof *s);
	s->a = a;
	s->d = d;
	s->kind = BACKEND_DIR;
	s->root = arena_strdup(a, rp);
	s->rootfd = open(rp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(rp);
	*out = s;
	return 0;
}

int
source_open_git(struct arena *a, struct diags *d, struct repo *r,
    const char *ref, struct source **out)
{
	git_repository *repo = repo_git(r);
	git_object *obj = NULL;
	git_object *cobj = NULL;
	git_tree *tree = NULL;
	git_tree_entry *entry = NULL;
	git_tree *sub = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	const char *prefix = repo_prefix(r);
	struct source *s;
	int rc = -1, err;

	*out = NULL;
	if (ref == NULL)
		ref = "HEAD";
	if (git_revparse_single(&obj, repo, ref) != 0) {
		diag_error(d, nopos, "source.unknown-revision", ref, gitmsg());
		goto out;
	}
	/* A tag (annotated or not) or a branch name peels to its commit. */
	if (git_object_peel(&cobj, obj, GIT_OBJECT_COMMIT) != 0) {
		diag_error(d, nopos, "source.not-commit", ref, gitmsg());
		goto out;
	}
	if (git_commit_tree(&tree, (git_commit *)cobj) != 0) {
		diag_error(d, nopos, "source.tree-unreadable", ref, gitmsg());
		goto out;
	}
	if (*prefix == '\0') {
		sub = tree;
		tree = NULL;
	} else if ((err = git_tree_entry_bypath(&entry, tree, prefix)) != 0 ||
	    git_tree_entry_type(entry) != GIT_OBJECT_TREE) {
		diag_error(d, nopos, "source.folder-not-in-revision", prefix,
		    ref, err != 0 && err != GIT_ENOTFOUND ? gitmsg() : "");
		goto out;
	} else if (git_tree_lookup(&sub, repo, git_tree_entry_id(entry)) !=
	    0) {
		diag_error(d, nopos, "source.folder-unreadable-in", prefix, ref,
		    gitmsg());
		goto out;
	}

	s = arena_calloc(a, 1, sizeof *s);
	s->a = a;
	s->d = d;
	s->kind = BACKEND_GIT;
	s->root = repo_root_real(r);
	git_oid_tostr(hex, sizeof hex, git_object_id(cobj));
	s->commit = arena_strdup(a, hex);
	s->time = (long long)git_commit_time((git_commit *)cobj);
	s->r = r;
	s->repo = repo;
	s->tree = sub;
	sub = NULL;	/* now owned by s */
	*out = s;
	rc = 0;
out:
	git_tree_free(sub);
	git_tree_entry_free(entry);
	git_tree_free(tree);
	git_object_free(cobj);
	git_object_free(obj);
	return rc;
}

void
source_close(struct source *s)
{
	if (s != NULL && s->fb != NULL) {
		source_close(s->fb);
		s->fb = NULL;
	}
	if (s != NULL && s->kind == BACKEND_DIR && s->rootfd >= 0) {
		close(s->rootfd);
		s->rootfd = -1;
	}
	if (s == NULL || s->kind != BACKEND_GIT)
		return;
	git_tree_free(s->tree);
	s->tree = NULL;
}

struct repo *
source_repo(const struct source *s)
{
	return s->kind == BACKEND_GIT ? s->r : NULL;
}

const char *
source_commit(const struct source *s)
{
	return s->kind == BACKEND_GIT ? s->commit : NULL;
}

long long
source_commit_time(const struct source *s)
{
	return s->kind == BACKEND_GIT ? s->time : 0;
}

/* --- the work tree ------------------------------------------------ */

static void walk_dir(struct walk *w, int fd, struct buf *path);

/* True if the listing says that e is a regular file (d_type). */
static bool
listed_regular(const struct dirent *e)
{
#ifdef _DIRENT_HAVE_D_TYPE
	return e->d_type == DT_REG;
#else
	(void)e;
	return false;
#endif
}

/* A symlink at path: followed only to a file or folder inside the root. */
static void
walk_link(struct walk *w, struct buf *path)
{
	struct stat st;
	char *rp;
	int fd;

	if ((rp = resolve(w->s, buf_cstr(path))) == NULL) {
		if (errno == EXDEV)
			diag_warning(w->s->d, pos_file(buf_cstr(path)),
			    "source.symlink-outside");
		else
			diag_warning(w->s->d, pos_file(buf_cstr(path)),
			    "source.symlink-broken", strerror(errno));
		return;
	}
	if (stat(rp, &st) == -1) {
		w->rc = diag_error(w->s->d, pos_file(buf_cstr(path)),
		    "source.unreadable", strerror(errno));
	} else if (S_ISREG(st.st_mode)) {
		list_add(w->l, buf_cstr(path));
	} else if (S_ISDIR(st.st_mode)) {
		fd = open(rp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd == -1) {
			w->rc = diag_error(w->s->d, pos_file(buf_cstr(path)),
			    "source.folder-unopenable", strerror(errno));
		} else {
			walk_dir(w, fd, path);
		}
	} else {
		special_file(w->s, buf_cstr(path), st.st_mode);
	}
	free(rp);
}

/*
 * Lists the folder open at fd (taken) whose relative path is in path;
 * path is restored before returning.
 */
static void
walk_dir(struct walk *w, int fd, struct buf *path)
{
	struct source *s = w->s;
	struct dirent *e;
	struct stat st;
	size_t i, len = path->len;
	bool typed;
	DIR *dir;
	int cfd;

	if (fstat(fd, &st) == -1) {
		w->rc = diag_error(s->d, pos_file(buf_cstr(path)),
		    "source.folder-unreadable", strerror(errno));
		close(fd);
		return;
	}
	/*
	 * Only links can bring a walk back to a folder it is inside; the
	 * stack of (device, inode) pairs on the current path catches that
	 * before we recurse, and the depth limit bounds the rest.
	 */
	for (i = 0; i < w->depth; i++) {
		if (w->dev[i] == st.st_dev && w->ino[i] == st.st_ino) {
			diag_warning(s->d, pos_file(buf_cstr(path)),
			    "source.symlink-loop");
			close(fd);
			return;
		}
	}
	if (w->depth > MAX_DEPTH) {
		diag_warning(s->d, pos_file(buf_cstr(path)), "source.too-deep",
		    diag_fmt(s->d, "%d", MAX_DEPTH));
		close(fd);
		return;
	}
	if ((dir = fdopendir(fd)) == NULL) {
		w->rc = diag_error(s->d, pos_file(buf_cstr(path)),
		    "source.folder-unreadable", strerror(errno));
		close(fd);
		return;
	}
	w->dev[w->depth] = st.st_dev;
	w->ino[w->depth] = st.st_ino;
	w->depth++;
	/*
	 * The listing names the type of each entry (d_type, where the file
	 * system keeps it): a regular file then costs no fstatat(), which
	 * is a system call per file of the site.  Only in a folder we may
	 * search: in one we may read but not search, every fstatat() fails
	 * and says so.
	 */
	typed = faccessat(dirfd(dir), ".", X_OK, AT_EACCESS) == 0;
	for (;;) {
		errno = 0;
		if ((e = readdir(dir)) == NULL) {
			if (errno != 0)
				w->rc = diag_error(s->d,
				    pos_file(len ? buf_cstr(path) : "."),
				    "source.folder-unreadable",
				    strerror(errno));
			break;
		}
		if (e->d_name[0] == '.')
			continue;	/* hidden, and "." and ".." */
		buf_truncate(path, len);
		if (len > 0)
			buf_addc(path, '/');
		buf_adds(path, e->d_name);
		if (!name_ok(s, buf_cstr(path)))
			continue;
		if (typed && listed_regular(e)) {
			list_add(w->l, buf_cstr(path));
			continue;
		}
		/* Never follow here: a link goes through walk_link()'s rule. */
		if (fstatat(dirfd(dir), e->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == -1) {
			w->rc = diag_error(s->d, pos_file(buf_cstr(path)),
			    "source.unreadable", strerror(errno));
		} else if (S_ISREG(st.st_mode)) {
			list_add(w->l, buf_cstr(path));
		} else if (S_ISDIR(st.st_mode)) {
			cfd = openat(dirfd(dir), e->d_name, O_RDONLY |
			    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (cfd == -1)
				w->rc = diag_error(s->d,
				    pos_file(buf_cstr(path)),
				    "source.folder-unopenable",
				    strerror(errno));
			else
				walk_dir(w, cfd, path);
		} else if (S_ISLNK(st.st_mode)) {
			walk_link(w, path);
		} else {
			/* Sockets, FIFOs and devices are not content. */
			special_file(s, buf_cstr(path), st.st_mode);
		}
	}
	buf_truncate(path, len);
	w->depth--;
	closedir(dir);
}

static int
list_dir(struct source *s, const char *dir, struct list *l)
{
	struct buf path = {0};
	struct walk *w;
	struct stat st;
	char *rp;
	int fd, rc;

	if ((rp = resolve(s, dir)) == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;	/* a missing folder has no files */
		if (errno == EXDEV)
			return diag_warning(s->d, pos_file(dir),
			    "source.symlink-outside");
		return diag_error(s->d, pos_file(dir[0] ? dir : "."),
		    "source.folder-unopenable", strerror(errno));
	}
	fd = open(rp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	free(rp);
	if (fd == -1) {
		if (errno == ENOTDIR)
			return 0;
		return diag_error(s->d, pos_file(dir[0] ? dir : "."),
		    "source.folder-unopenable", strerror(errno));
	}
	w = xcalloc(1, sizeof *w);
	w->s = s;
	w->l = l;
	/* The root is an ancestor of every folder: a link to it loops. */
	if (dir[0] != '\0' && stat(s->root, &st) == 0) {
		w->dev[0] = st.st_dev;
		w->ino[0] = st.st_ino;
		w->depth = 1;
	}
	buf_adds(&path, dir);
	walk_dir(w, fd, &path);
	rc = w->rc;
	free(w);
	buf_release(&path);
	return rc;
}

/*
 * Opens path below the root for reading; -1 with errno (EXDEV: a link
 * leads out), nothing said: open_failed() says it.  Safe in several
 * threads, and beside a fork: nothing of s changes, no lock is taken.
 */
static int
open_dir_file(struct source *s, const char *path)
{
	char *rp;
	int fd, e;

	/*
	 * One system call where the kernel allows: links are followed only
	 * while they stay below the root (RESOLVE_BENEATH), the rule that
	 * resolve() applies by hand on older kernels.  O_NONBLOCK: a FIFO
	 * must not hang the build before fstat.
	 */
	fd = s->rootfd >= 0 ? fsutil_open_beneath(s->rootfd, path, O_RDONLY |
	    O_NONBLOCK, 0, true) : -1;
	if (fd == -1 && s->rootfd >= 0 && errno == EXDEV)
		return -1;
	if (fd == -1 && (s->rootfd < 0 || errno == ENOSYS)) {
		if ((rp = resolve(s, path)) == NULL)
			return -1;
		fd = open(rp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		e = errno;
		free(rp);
		errno = e;
	}
	return fd;
}

/* Says why open_dir_file() failed (errno); -1. */
static int
open_failed(struct source *s, const char *path)
{
	if (errno == EXDEV)
		return diag_error(s->d, pos_file(path),
		    "source.symlink-outside-refused");
	return diag_error(s->d, pos_file(path), "source.unopenable",
	    strerror(errno));
}

static int
read_dir_file(struct source *s, const char *path, struct buf *out)
{
	struct stat st;
	size_t want;
	ssize_t r;
	int fd, rc = -1;

	if ((fd = open_dir_file(s, path)) == -1)
		return open_failed(s, path);
	if (fstat(fd, &st) == -1) {
		diag_error(s->d, pos_file(path), "source.unreadable",
		    strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_error(s->d, pos_file(path), "source.not-regular");
		goto out;
	}
	/* Refuse before reading: a huge file must not cost memory. */
	if (st.st_size > (off_t)SOURCE_MAX_FILE)
		goto toobig;
	buf_grow(out, (size_t)st.st_size);
	for (;;) {
		/* The file may grow while we read: stop one byte past. */
		buf_grow(out, 4096);
		want = out->cap - out->len - 1;
		r = read(fd, out->data + out->len, want);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			diag_error(s->d, pos_file(path), "source.unreadable",
			    strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		out->len += (size_t)r;
		out->data[out->len] = '\0';
		if (out->len > SOURCE_MAX_FILE)
			goto toobig;
		/* Short of what was asked, at the size fstat gave: the end,
		 * without one more read() to say so (one a file). */
		if ((size_t)r < want && out->len >= (size_t)st.st_size)
			break;
	}
	rc = 0;
	goto out;
toobig:
	buf_reset(out);
	diag_error(s->d, pos_file(path), "source.too-large");
out:
	close(fd);
	return rc;
}

/* --- a git commit ------------------------------------------------- */

/* Lists the blobs of t, whose path is in path (restored on return). */
static int
walk_tree(struct source *s, struct list *l, const git_tree *t,
    struct buf *path, unsigned depth)
{
	const git_tree_entry *e;
	git_tree *sub;
	size_t i, n = git_tree_entrycount(t), len = path->len;
	const char *name;
	int rc = 0;

	for (i = 0; i < n; i++) {
		e = git_tree_entry_byindex(t, i);
		name = git_tree_entry_name(e);
		if (name[0] == '.')
			continue;
		buf_truncate(path, len);
		if (len > 0)
			buf_addc(path, '/');
		buf_adds(path, name);
		if (!name_ok(s, buf_cstr(path)))
			continue;
		switch (git_tree_entry_filemode(e)) {
		case GIT_FILEMODE_BLOB:
		case GIT_FILEMODE_BLOB_EXECUTABLE:
			list_add(l, buf_cstr(path));
			break;
		case GIT_FILEMODE_LINK:
			/* Its target is only text: resolving it inside the
			 * tree is not worth a second rule set. */
			diag_warning(s->d, pos_file(buf_cstr(path)),
			    "source.symlink-in-revision");
			break;
		case GIT_FILEMODE_TREE:
			if (depth >= MAX_DEPTH) {
				diag_warning(s->d, pos_file(buf_cstr(path)),
				    "source.too-deep",
				    diag_fmt(s->d, "%d", MAX_DEPTH));
				break;
			}
			if (git_tree_lookup(&sub, s->repo,
			    git_tree_entry_id(e)) != 0) {
				rc = diag_error(s->d, pos_file(buf_cstr(path)),
				    "source.folder-unreadable", gitmsg());
				break;
			}
			if (walk_tree(s, l, sub, path, depth + 1) == -1)
				rc = -1;
			git_tree_free(sub);
			break;
		default:
			break;	/* submodules (commit entries) are skipped */
		}
	}
	buf_truncate(path, len);
	return rc;
}

static int
list_git(struct source *s, const char *dir, struct list *l)
{
	git_tree_entry *entry = NULL;
	git_tree *t = NULL;
	struct buf path = {0};
	int rc = -1, err;

	if (dir[0] == '\0') {
		err = git_tree_dup(&t, s->tree);
	} else if ((err = git_tree_entry_bypath(&entry, s->tree, dir)) == 0) {
		if (git_tree_entry_filemode(entry) != GIT_FILEMODE_TREE) {
			rc = 0;		/* a file or link: no files below */
			goto out;
		}
		err = git_tree_lookup(&t, s->repo, git_tree_entry_id(entry));
	}
	if (err == GIT_ENOTFOUND) {
		rc = 0;
		goto out;
	}
	if (err != 0) {
		diag_error(s->d, pos_file(dir[0] ? dir : "."),
		    "source.folder-unreadable", gitmsg());
		goto out;
	}
	buf_adds(&path, dir);
	rc = walk_tree(s, l, t, &path, 0);
out:
	buf_release(&path);
	git_tree_free(t);
	git_tree_entry_free(entry);
	return rc;
}

/*
 * Reads the blob at path.  Called from the single-threaded load stage
 * only: the repository's object cache is not to be shared unguarded.
 */
static int
read_git_file(struct source *s, const char *path, struct buf *out)
{
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	git_odb *odb = NULL;
	git_object_t type;
	size_t size;
	int rc = -1, err;

	if ((err = git_tree_entry_bypath(&entry, s->tree, path)) != 0) {
		if (err == GIT_ENOTFOUND)
			diag_error(s->d, pos_file(path),
			    "source.not-in-revision",
			    diag_fmt(s->d, "%.12s", s->commit));
		else
			diag_error(s->d, pos_file(path), "source.unopenable",
			    gitmsg());
		goto out;
	}
	switch (git_tree_entry_filemode(entry)) {
	case GIT_FILEMODE_BLOB:
	case GIT_FILEMODE_BLOB_EXECUTABLE:
		break;
	case GIT_FILEMODE_LINK:
		diag_error(s->d, pos_file(path),
		    "source.symlink-in-revision-refused");
		goto out;
	default:
		diag_error(s->d, pos_file(path), "source.not-regular");
		goto out;
	}
	/*
	 * The header alone gives the size: a huge blob is refused before
	 * it is inflated into memory.
	 */
	if (git_repository_odb(&odb, s->repo) != 0 ||
	    git_odb_read_header(&size, &type, odb,
	    git_tree_entry_id(entry)) != 0) {
		diag_error(s->d, pos_file(path), "source.unreadable", gitmsg());
		goto out;
	}
	if (size > SOURCE_MAX_FILE) {
		diag_error(s->d, pos_file(path), "source.too-large");
		goto out;
	}
	if (git_blob_lookup(&blob, s->repo, git_tree_entry_id(entry)) != 0) {
		diag_error(s->d, pos_file(path), "source.unreadable", gitmsg());
		goto out;
	}
	size = (size_t)git_blob_rawsize(blob);
	if (size > SOURCE_MAX_FILE) {	/* cannot differ; cheap to be sure */
		diag_error(s->d, pos_file(path), "source.too-large");
		goto out;
	}
	buf_add(out, git_blob_rawcontent(blob), size);
	rc = 0;
out:
	git_blob_free(blob);
	git_odb_free(odb);
	git_tree_entry_free(entry);
	return rc;
}

/* --- the interface ------------------------------------------------ */

void
source_set_fallback(struct source *s, const char *prefix, struct source *fb)
{
	s->fb = fb;
	s->fb_prefix = arena_strdup(s->a, prefix);
}

/* The source that holds path: the fallback for a path under its prefix. */
static struct source *
holder(struct source *s, const char *path)
{
	size_t n;

	if (s->fb == NULL || path == NULL)
		return s;
	n = strlen(s->fb_prefix);
	if (strncmp(path, s->fb_prefix, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/'))
		return s->fb;
	return s;
}

bool
source_has_dir(struct source *s, const char *dir)
{
	struct arena *tmp = arena_new();
	const char **paths;
	size_t n;
	bool has = source_list_in(s, tmp, dir, &paths, &n) == 0 && n > 0;

	arena_free(tmp);
	return has;
}

int
source_list(struct source *s, const char *dir, const char ***paths,
    size_t *n)
{
	return source_list_in(s, s->a, dir, paths, n);
}

int
source_list_in(struct source *s, struct arena *a, const char *dir,
    const char ***paths, size_t *n)
{
	struct list l = {0};
	int rc;

	if (dir == NULL)
		dir = "";
	if (holder(s, dir) != s)
		return source_list_in(holder(s, dir), a, dir, paths, n);
	if (dir[0] != '\0' && !fsutil_safe_relpath(dir)) {
		*paths = NULL;
		*n = 0;
		return diag_error(s->d, nopos, "source.unsafe-path", dir);
	}
	if (s->kind == BACKEND_GIT)
		rc = list_git(s, dir, &l);
	else
		rc = list_dir(s, dir, &l);
	list_finish(a, &l, paths, n);
	return rc;
}

bool
source_exists(struct source *s, const char *path)
{
	git_tree_entry *entry = NULL;
	struct stat st;
	char *rp;
	bool ok;

	if (!fsutil_safe_relpath(path))
		return false;
	if (holder(s, path) != s)
		return source_exists(holder(s, path), path);
	if (s->kind == BACKEND_GIT) {
		if (git_tree_entry_bypath(&entry, s->tree, path) != 0)
			return false;
		ok = git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB ||
		    git_tree_entry_filemode(entry) ==
		    GIT_FILEMODE_BLOB_EXECUTABLE;
		git_tree_entry_free(entry);
		return ok;
	}
	if ((rp = resolve(s, path)) == NULL)
		return false;
	ok = stat(rp, &st) == 0 && S_ISREG(st.st_mode);
	free(rp);
	return ok;
}

int
source_read(struct source *s, const char *path, struct buf *out)
{
	buf_reset(out);
	if (!fsutil_safe_relpath(path))
		return diag_error(s->d, nopos, "source.unsafe-path",
		    path ? path : "(null)");
	if (holder(s, path) != s)
		return source_read(holder(s, path), path, out);
	if (s->kind == BACKEND_GIT)
		return read_git_file(s, path, out);
	return read_dir_file(s, path, out);
}

bool
source_rereadable(const struct source *s)
{
	return s->kind == BACKEND_DIR;
}

/* source_read_part(), saying why it fails when say, else leaving errno
 * (0: the path is not one a source reads). */
static int
read_part(struct source *s, const char *path, size_t off, size_t n,
    struct buf *out, bool say)
{
	ssize_t r;
	int fd, rc = -1;

	buf_reset(out);
	if (!fsutil_safe_relpath(path)) {
		errno = 0;
		return say ? diag_error(s->d, nopos, "source.unsafe-path",
		                 path ? path : "(null)") :
		             -1;
	}
	if (holder(s, path) != s)
		return read_part(holder(s, path), path, off, n, out, say);
	assert(s->kind == BACKEND_DIR);
	if ((fd = open_dir_file(s, path)) == -1)
		return say ? open_failed(s, path) : -1;
	buf_grow(out, n);
	while (out->len < n) {
		r = pread(fd, out->data + out->len, n - out->len,
		    (off_t)(off + out->len));
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			if (say)
				diag_error(s->d, pos_file(path),
				    "source.unreadable", strerror(errno));
			goto out;
		}
		if (r == 0)
			break; /* shorter now: the caller finds it changed */
		out->len += (size_t)r;
	}
	out->data[out->len] = '\0';
	rc = 0;
out:
	close(fd);
	return rc;
}

int
source_read_part(struct source *s, const char *path, size_t off, size_t n,
    struct buf *out)
{
	return read_part(s, path, off, n, out, true);
}

int
source_read_part_quiet(struct source *s, const char *path, size_t off, size_t n,
    struct buf *out)
{
	return read_part(s, path, off, n, out, false);
}
