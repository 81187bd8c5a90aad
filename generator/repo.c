/*
 * The repository of a build, opened once (libgit2).  In: the source
 * root.  Out: one handle, the root's place in the work tree; the source
 * stage (--ref) and the history stage borrow both, so the repository
 * is found, opened and its work tree resolved once per build.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <git2.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "repo.h"

struct repo {
	git_repository *git;	/* owned; freed by repo_close() */
	const char *root;	/* as given (arena) */
	const char *rootreal;	/* its real path (arena) */
	const char *prefix;	/* root relative to the work tree's top */
	bool workdir;
};

static const struct pos nopos = {NULL, 0, 0};

static const char *
gitmsg(void)
{
	const git_error *e = git_error_last();

	return e != NULL && e->message != NULL ? e->message : "unknown error";
}

/* True if root or a folder above it holds a .git (folder or file). */
static bool
in_repository(const char *root)
{
	char *p = realpath(root, NULL);
	struct stat st;
	struct buf b = {0};
	bool found = false;
	size_t n;

	if (p == NULL)
		return true;	/* let the open say what is wrong */
	for (n = strlen(p); !found; ) {
		buf_reset(&b);
		buf_add(&b, p, n);
		buf_adds(&b, "/.git");
		found = lstat(buf_cstr(&b), &st) == 0;
		if (n <= 1)
			break;
		while (n > 1 && p[n - 1] != '/')
			n--;
		if (n > 1)
			n--;	/* drop the slash too, except the root's */
	}
	buf_release(&b);
	free(p);
	return found;
}

/*
 * True, after an error with the fix, if git refuses the repository only
 * because another user owns it (git's safe.directory).  libgit2 1.5
 * reports that as GIT_EOWNER, or as GIT_ENOTFOUND ("config value
 * 'safe.directory' was not found") when no safe.directory is set at
 * all, which looks like "no repository here": so the open is tried
 * once more without the ownership check, and if that succeeds the
 * ownership was the cause.  The repository opened that way is closed
 * at once: it is never read.
 */
static bool
refused_for_owner(struct diags *d, const char *rootreal, int err)
{
	git_repository *git = NULL;
	const char *top;
	struct buf b = {0};
	int on = 1, rc;

	if (err != GIT_EOWNER && err != GIT_ENOTFOUND)
		return false;
	if (git_libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, &on) != 0 || !on)
		return false;
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	rc = git_repository_open_ext(&git, rootreal, 0, NULL);
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
	if (rc != 0)
		return false;
	/* git names the top of the work tree (the .git folder if bare). */
	top = git_repository_workdir(git);
	if (top == NULL)
		top = git_repository_path(git);
	buf_adds(&b, top);
	while (b.len > 1 && b.data[b.len - 1] == '/')
		buf_truncate(&b, b.len - 1);
	diag_error(d, nopos, "repo.not-owned", buf_cstr(&b));
	buf_release(&b);
	git_repository_free(git);
	return true;
}

/* The one open; missing: a repository not found is no error. */
static int
open_repo(struct arena *a, struct diags *d, const char *root, bool missing,
    struct repo **out)
{
	git_repository *git = NULL;
	char *rootreal = NULL, *workreal = NULL;
	const char *workdir, *prefix = "";
	struct repo *r;
	int rc = -1, err;

	*out = NULL;
	git_libgit2_init();	/* undone by repo_close() or below */
	if ((rootreal = realpath(root, NULL)) == NULL) {
		diag_error(d, nopos, "output.source-folder", root,
		    strerror(errno));
		goto out;
	}
	if ((err = git_repository_open_ext(&git, rootreal, 0, NULL)) != 0) {
		if (refused_for_owner(d, rootreal, err))
			; /* said, with the fix: never "no repository" */
		else if (missing && err == GIT_ENOTFOUND)
			rc = 0;	/* not a repository: no history */
		else if (missing)
			diag_error(d, nopos, "repo.open", root, gitmsg());
		else
			diag_error(d, nopos, "repo.none", root, gitmsg());
		goto out;
	}
	/* --source sub/folder: paths are relative to that folder. */
	if ((workdir = git_repository_workdir(git)) != NULL) {
		if ((workreal = realpath(workdir, NULL)) == NULL ||
		    !fsutil_is_below(workreal, rootreal)) {
			diag_error(d, nopos, "repo.outside-worktree", root);
			goto out;
		}
		prefix = rootreal + strlen(workreal);
		while (*prefix == '/')
			prefix++;
	}
	r = arena_calloc(a, 1, sizeof *r);
	r->root = arena_strdup(a, root);
	r->rootreal = arena_strdup(a, rootreal);
	r->prefix = arena_strdup(a, prefix);
	r->workdir = workdir != NULL;
	r->git = git;
	git = NULL;	/* now owned by r */
	*out = r;
	rc = 0;
out:
	git_repository_free(git);
	free(workreal);
	free(rootreal);
	if (*out == NULL)
		git_libgit2_shutdown();
	return rc;
}

int
repo_open(struct arena *a, struct diags *d, const char *root,
    struct repo **out)
{
	return open_repo(a, d, root, false, out);
}

int
repo_find(struct arena *a, struct diags *d, const char *root,
    struct repo **out)
{
	*out = NULL;
	if (getenv("GIT_DIR") == NULL && !in_repository(root))
		return 0;
	return open_repo(a, d, root, true, out);
}

void
repo_close(struct repo *r)
{
	if (r == NULL || r->git == NULL)
		return;
	git_repository_free(r->git);
	r->git = NULL;
	git_libgit2_shutdown();
}

struct git_repository *
repo_git(const struct repo *r)
{
	return r->git;
}

const char *
repo_root(const struct repo *r)
{
	return r->root;
}

const char *
repo_root_real(const struct repo *r)
{
	return r->rootreal;
}

const char *
repo_prefix(const struct repo *r)
{
	return r->prefix;
}

bool
repo_has_workdir(const struct repo *r)
{
	return r->workdir;
}
