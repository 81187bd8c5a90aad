/*
 * source: the work-tree back end (byte order, hidden files, symlinks in
 * and out of the root, loops, size limit, unsafe paths) and the git back
 * end on real repositories made here with libgit2 (old commits, tags, a
 * subfolder root, symlink blobs, submodules, errors).
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
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
#include "testutil.h"
#include "tu_skel.h"

Suite *source_suite(void);

struct fixture {
	char tmp[64];
	struct arena *a;
	struct diags *d;
	struct repo *opened[8];	/* by open_git(), closed by teardown() */
	size_t nopened;
};

static void
setup(struct fixture *f)
{
	snprintf(f->tmp, sizeof f->tmp, "/tmp/minhbach-source-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(f->tmp));
	f->a = arena_new();
	f->d = diags_new(f->a);
	f->nopened = 0;
}

static void
teardown(struct fixture *f)
{
	while (f->nopened > 0)
		repo_close(f->opened[--f->nopened]);
	fsutil_rmtree(AT_FDCWD, f->tmp);
	arena_free(f->a);
}

/* Creates tmp/rel (and its folders) holding text. */
static void
put(const char *tmp, const char *rel, const char *text)
{
	char p[512];
	int fd;

	fd = open(tmp, O_RDONLY | O_DIRECTORY);
	ck_assert_int_ge(fd, 0);
	if (strchr(rel, '/') != NULL) {
		snprintf(p, sizeof p, "%s", rel);
		*strrchr(p, '/') = '\0';
		ck_assert_int_eq(fsutil_mkdirs(fd, p), 0);
	}
	close(fd);
	snprintf(p, sizeof p, "%s/%s", tmp, rel);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void
link_at(const char *tmp, const char *rel, const char *target)
{
	char p[512];

	snprintf(p, sizeof p, "%s/%s", tmp, rel);
	ck_assert_int_eq(symlink(target, p), 0);
}

/* source_list_in(): the same listing, made in the scratch arena (the
 * array and every path: at least their bytes are used there). */
static void
assert_list_in(struct source *s, const char *dir, const char *const *want,
    size_t nwant)
{
	struct arena *tmp = arena_new();
	const char **paths;
	size_t n, i, bytes = 0;

	ck_assert_int_eq(source_list_in(s, tmp, dir, &paths, &n), 0);
	for (i = 0; i < n && i < nwant; i++) {
		ck_assert_str_eq(paths[i], want[i]);
		bytes += strlen(paths[i]) + 1;
	}
	ck_assert_uint_eq(n, nwant);
	ck_assert_uint_ge(arena_used(tmp), bytes + n * sizeof *paths);
	arena_free(tmp);
}

static void
assert_list(struct source *s, const char *dir, const char *const *want,
    size_t nwant)
{
	const char **paths;
	size_t n, i;

	ck_assert_int_eq(source_list(s, dir, &paths, &n), 0);
	for (i = 0; i < n && i < nwant; i++)
		ck_assert_str_eq(paths[i], want[i]);
	ck_assert_uint_eq(n, nwant);
}

#define WANT(...) ((const char *const[]){__VA_ARGS__}), \
	(sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

/* --- the work tree ------------------------------------------------ */

START_TEST(test_source_dir_order)
{
	struct fixture f;
	struct source *s;
	const char **paths;
	size_t n;

	setup(&f);
	/* '-' (2d) < '.' (2e) < '/' (2f) < 'B' < 'b' < UTF-8 bytes. */
	put(f.tmp, "d/b", "");
	put(f.tmp, "d/a/b", "");
	put(f.tmp, "d/é", "");
	put(f.tmp, "d/a.b", "");
	put(f.tmp, "d/B", "");
	put(f.tmp, "d/a-b", "");
	put(f.tmp, "other.md", "");
	ck_assert_int_eq(source_open_dir(f.a, f.d, f.tmp, &s), 0);
	assert_list(s, "d", WANT("d/B", "d/a-b", "d/a.b", "d/a/b", "d/b",
	    "d/é"));
	assert_list(s, "", WANT("d/B", "d/a-b", "d/a.b", "d/a/b", "d/b",
	    "d/é", "other.md"));
	assert_list_in(s, "d",
	    WANT("d/B", "d/a-b", "d/a.b", "d/a/b", "d/b", "d/é"));
	/* A missing folder, or a file, has no files below it. */
	ck_assert_int_eq(source_list(s, "missing", &paths, &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(source_list(s, "other.md", &paths, &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(source_commit(s));
	ck_assert_int_eq(source_commit_time(s), 0);
	ck_assert_uint_eq(diags_errors(f.d) + diags_warnings(f.d), 0);
	source_close(s);
	teardown(&f);
}
END_TEST

START_TEST(test_source_dir_hidden)
{
	struct fixture f;
	struct source *s;

	setup(&f);
	put(f.tmp, "content/.hidden.md", "");
	put(f.tmp, "content/.git/config", "");
	put(f.tmp, "content/news/.draft.md", "");
	put(f.tmp, "content/news/a.md", "");
	put(f.tmp, "content/.drafts/b.md", "");
	ck_assert_int_eq(source_open_dir(f.a, f.d, f.tmp, &s), 0);
	assert_list(s, "content", WANT("content/news/a.md"));
	source_close(s);
	teardown(&f);
}
END_TEST

/* Issue 11: a name that is not UTF-8 is a located error (shown escaped),
 * a FIFO is skipped with a warning; each said once however often the
 * folder is listed. */
START_TEST(test_source_dir_refused_names)
{
	struct fixture f;
	struct source *s;
	char p[512];
	const char *txt;

	setup(&f);
	put(f.tmp, "content/news/a.md", "");
	put(f.tmp, "content/news/b\xe1o-c\xe1o.md", "");
	put(f.tmp, "content/t\xe0i-li\xeau/c.md", "");
	put(f.tmp, "content/news/\xc3\xa9.md", "");
	snprintf(p, sizeof p, "%s/content/news/ong", f.tmp);
	ck_assert_int_eq(mkfifo(p, 0644), 0);
	ck_assert_int_eq(source_open_dir(f.a, f.d, f.tmp, &s), 0);
	assert_list(s, "content/news",
	    WANT("content/news/a.md", "content/news/\xc3\xa9.md"));
	assert_list(s, "content",
	    WANT("content/news/a.md", "content/news/\xc3\xa9.md"));
	ck_assert_uint_eq(diags_errors(f.d), 2);
	ck_assert_uint_eq(diags_warnings(f.d), 1);
	txt = tu_diags_text(f.a, f.d);
	ck_assert_ptr_nonnull(strstr(txt,
	    "content/news/b\\xe1o-c\\xe1o.md:"
	    "1:1: lỗi: "));
	ck_assert_ptr_nonnull(strstr(txt, "[source.name-not-utf8]"));
	ck_assert_ptr_nonnull(strstr(txt, "content/t\\xe0i-li\\xeau:1:1: "));
	ck_assert_ptr_nonnull(strstr(txt, "content/news/ong:1:1: cảnh báo: "));
	ck_assert_ptr_nonnull(strstr(txt, "[source.special-file]"));
	source_close(s);
	teardown(&f);
}
END_TEST

START_TEST(test_source_dir_read)
{
	struct fixture f;
	struct source *s;
	struct buf b = {0};

	setup(&f);
	put(f.tmp, "content/site.yaml", "title: Ban Quản lý\n");
	ck_assert_int_eq(source_open_dir(f.a, f.d, f.tmp, &s), 0);
	buf_adds(&b, "old bytes");	/* reset first */
	ck_assert_int_eq(source_read(s, "content/site.yaml", &b), 0);
	ck_assert_str_eq(buf_cstr(&b), "title: Ban Quản lý\n");
	ck_assert(source_exists(s, "content/site.yaml"));
	ck_assert(!source_exists(s, "content"));	/* a folder */
	ck_assert(!source_exists(s, "content/missing.md"));
	ck_assert_int_eq(source_read(s, "content/missing.md", &b), -1);
	tu_assert_skel(f.d,
	    "content/missing.md:1:1: E [source.unopenable]|No such file");
	ck_assert_int_eq(source_read(s, "content", &b), -1);
	ck_assert_uint_eq(diags_errors(f.d), 2);
	buf_release(&b);
	source_close(s);
	teardown(&f);
}
END_TEST

START_TEST(test_source_dir_symlinks)
{
	struct fixture f;
	struct source *s;
	struct buf b = {0};
	const char **paths;
	char outside[128], target[160];
	size_t n;

	setup(&f);
	snprintf(outside, sizeof outside, "%s/outside", f.tmp);
	put(f.tmp, "outside/secret.md", "secret");
	put(f.tmp, "root/content/news/a.md", "a");
	put(f.tmp, "root/shared/in.md", "shared");
	snprintf(target, sizeof target, "%s/secret.md", outside);
	link_at(f.tmp, "root/content/out.md", target);
	link_at(f.tmp, "root/content/outdir", outside);
	link_at(f.tmp, "root/content/sneaky.md", "../../outside/secret.md");
	link_at(f.tmp, "root/content/in.md", "../shared/in.md");
	link_at(f.tmp, "root/content/dirlink", "../shared");
	link_at(f.tmp, "root/content/loop", ".");
	link_at(f.tmp, "root/content/up", "..");
	link_at(f.tmp, "root/content/broken.md", "nowhere.md");
	snprintf(target, sizeof target, "%s/root", f.tmp);
	ck_assert_int_eq(source_open_dir(f.a, f.d, target, &s), 0);

	/* Links inside are followed: the path is the link's own. */
	assert_list(s, "content", WANT("content/dirlink/in.md",
	    "content/in.md", "content/news/a.md"));
	ck_assert_uint_eq(diags_errors(f.d), 0);
	tu_assert_skel(f.d, "content/out.md:1:1: W [source.symlink-outside]");
	tu_assert_skel(f.d, "content/outdir:1:1: W [source.symlink-outside]");
	tu_assert_skel(f.d,
	    "content/sneaky.md:1:1: W [source.symlink-outside]");
	tu_assert_skel(f.d, "content/loop:1:1: W [source.symlink-loop]");
	tu_assert_skel(f.d, "content/up:1:1: W [source.symlink-loop]");
	ck_assert_uint_eq(diags_warnings(f.d), 6);
	tu_assert_skel(f.d, "content/broken.md:1:1: W [source.symlink-broken]");

	ck_assert_int_eq(source_read(s, "content/in.md", &b), 0);
	ck_assert_str_eq(buf_cstr(&b), "shared");
	ck_assert_int_eq(source_read(s, "content/dirlink/in.md", &b), 0);
	ck_assert_str_eq(buf_cstr(&b), "shared");
	ck_assert(source_exists(s, "content/in.md"));
	/* Reading through a link that leads out is refused. */
	ck_assert(!source_exists(s, "content/out.md"));
	ck_assert(!source_exists(s, "content/outdir/secret.md"));
	ck_assert_int_eq(source_read(s, "content/out.md", &b), -1);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_int_eq(source_read(s, "content/outdir/secret.md", &b), -1);
	tu_assert_skel(f.d,
	    "content/out.md:1:1: E [source.symlink-outside-refused]");
	/* The listed folder itself a link out: nothing listed. */
	ck_assert_int_eq(source_list(s, "content/outdir", &paths, &n), 0);
	ck_assert_uint_eq(n, 0);
	buf_release(&b);
	source_close(s);
	teardown(&f);
}
END_TEST

START_TEST(test_source_dir_size_limit)
{
	struct fixture f;
	struct source *s;
	struct buf b = {0};
	char p[128];
	int fd;

	setup(&f);
	put(f.tmp, "big.md", "");
	put(f.tmp, "max.md", "");
	snprintf(p, sizeof p, "%s/big.md", f.tmp);
	fd = open(p, O_WRONLY);
	ck_assert_int_eq(ftruncate(fd, SOURCE_MAX_FILE + 1), 0);
	close(fd);
	snprintf(p, sizeof p, "%s/max.md", f.tmp);
	fd = open(p, O_WRONLY);
	ck_assert_int_eq(ftruncate(fd, SOURCE_MAX_FILE), 0);
	close(fd);
	ck_assert_int_eq(source_open_dir(f.a, f.d, f.tmp, &s), 0);
	ck_assert_int_eq(source_read(s, "big.md", &b), -1);
	tu_assert_skel(f.d, "big.md:1:1: E [source.too-large]");
	ck_assert_int_eq(source_read(s, "max.md", &b), 0);
	ck_assert_uint_eq(b.len, SOURCE_MAX_FILE);
	ck_assert_uint_eq(diags_errors(f.d), 1);
	buf_release(&b);
	source_close(s);
	teardown(&f);
}
END_TEST

START_TEST(test_source_dir_unsafe_paths)
{
	static const char *const bad[] = {
		"../secret.txt", "/etc/passwd", "content/../../secret.txt",
		"./content/a.md", "content/./a.md", "content//a.md", "",
		"content/", "..",
	};
	struct fixture f;
	struct source *s;
	struct buf b = {0};
	const char **paths;
	char root[128];
	size_t i, n;

	setup(&f);
	put(f.tmp, "secret.txt", "secret");
	put(f.tmp, "root/content/a.md", "a");
	snprintf(root, sizeof root, "%s/root", f.tmp);
	ck_assert_int_eq(source_open_dir(f.a, f.d, root, &s), 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(!source_exists(s, bad[i]), "%s", bad[i]);
		ck_assert_int_eq(source_read(s, bad[i], &b), -1);
		ck_assert_uint_eq(b.len, 0);
	}
	ck_assert_uint_eq(diags_errors(f.d), sizeof bad / sizeof bad[0]);
	tu_assert_diag(f.d, "[source.unsafe-path]");
	tu_assert_diag(f.d, "../secret.txt");
	ck_assert_int_eq(source_list(s, "..", &paths, &n), -1);
	ck_assert_uint_eq(n, 0);
	buf_release(&b);
	source_close(s);
	teardown(&f);
}
END_TEST

START_TEST(test_source_dir_deep)
{
	struct fixture f;
	struct source *s;
	struct buf path = {0};
	const char **paths;
	size_t n;
	int i;

	setup(&f);
	buf_adds(&path, "c");
	for (i = 0; i < 70; i++)
		buf_adds(&path, "/d");
	buf_adds(&path, "/deep.md");
	put(f.tmp, buf_cstr(&path), "");
	put(f.tmp, "c/d/shallow.md", "");
	ck_assert_int_eq(source_open_dir(f.a, f.d, f.tmp, &s), 0);
	ck_assert_int_eq(source_list(s, "c", &paths, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(paths[0], "c/d/shallow.md");
	ck_assert_uint_eq(diags_warnings(f.d), 1);
	tu_assert_diag(f.d, "[source.too-deep]"); tu_assert_diag(f.d, "64");
	buf_release(&path);
	source_close(s);
	teardown(&f);
}
END_TEST

START_TEST(test_source_dir_open_errors)
{
	struct fixture f;
	struct source *s = (struct source *)&f;
	char p[128];

	setup(&f);
	snprintf(p, sizeof p, "%s/missing", f.tmp);
	ck_assert_int_eq(source_open_dir(f.a, f.d, p, &s), -1);
	ck_assert_ptr_null(s);
	tu_assert_diag(f.d, "[source.root-unopenable]");
	put(f.tmp, "file", "");
	snprintf(p, sizeof p, "%s/file", f.tmp);
	ck_assert_int_eq(source_open_dir(f.a, f.d, p, &s), -1);
	ck_assert_uint_eq(diags_errors(f.d), 2);
	teardown(&f);
}
END_TEST

/* --- git ---------------------------------------------------------- */

/*
 * Commits the whole work tree of repo (additions, changes, deletions) at
 * time when; adds a submodule entry content/sub when asked.
 */
static void
commit_all(git_repository *repo, const char *msg, git_time_t when,
    bool submodule, git_oid *out)
{
	git_index *idx = NULL;
	git_tree *tree = NULL;
	git_signature *sig = NULL;
	git_commit *parent = NULL;
	git_index_entry e;
	git_oid tid, pid;

	ck_assert_int_eq(git_repository_index(&idx, repo), 0);
	ck_assert_int_eq(git_index_add_all(idx, NULL, 0, NULL, NULL), 0);
	ck_assert_int_eq(git_index_update_all(idx, NULL, NULL, NULL), 0);
	if (submodule) {
		memset(&e, 0, sizeof e);
		e.path = "site/content/sub";
		e.mode = GIT_FILEMODE_COMMIT;
		git_oid_fromstr(&e.id,
		    "0123456789abcdef0123456789abcdef01234567");
		ck_assert_int_eq(git_index_add(idx, &e), 0);
	}
	ck_assert_int_eq(git_index_write(idx), 0);
	ck_assert_int_eq(git_index_write_tree(&tid, idx), 0);
	ck_assert_int_eq(git_tree_lookup(&tree, repo, &tid), 0);
	ck_assert_int_eq(git_signature_new(&sig, "Ban Quản lý",
	    "bql@example.vn", when, 420), 0);
	if (git_reference_name_to_id(&pid, repo, "HEAD") == 0)
		ck_assert_int_eq(git_commit_lookup(&parent, repo, &pid), 0);
	ck_assert_int_eq(git_commit_create_v(out, repo, "HEAD", sig, sig,
	    NULL, msg, tree, parent ? 1 : 0, parent), 0);
	git_commit_free(parent);
	git_signature_free(sig);
	git_tree_free(tree);
	git_index_free(idx);
}

struct made_repo {
	char hex1[GIT_OID_HEXSZ + 1], hex2[GIT_OID_HEXSZ + 1];
	char site[128];
};

/* What build.c does for --ref: the repository opened once at root,
 * then the commit's tree read through it. */
static int
open_git(struct fixture *f, const char *root, const char *ref,
    struct source **s)
{
	struct repo *r;

	*s = NULL;
	if (repo_open(f->a, f->d, root, &r) == -1)
		return -1;
	ck_assert_uint_lt(f->nopened, 8);
	f->opened[f->nopened++] = r;
	return source_open_git(f->a, f->d, r, ref, s);
}

/*
 * tmp/repo: commit 1 (tagged v1) and commit 2 under site/, then an
 * uncommitted change in the work tree.
 */
static void
make_repo(struct fixture *f, struct made_repo *r)
{
	git_repository *repo = NULL;
	git_object *target = NULL;
	git_signature *sig = NULL;
	git_oid id1, id2, tag;
	char p[128];

	snprintf(p, sizeof p, "%s/repo", f->tmp);
	ck_assert_int_eq(git_repository_init(&repo, p, 0), 0);
	put(f->tmp, "repo/README", "readme");
	put(f->tmp, "repo/other/x.txt", "x");
	put(f->tmp, "repo/site/content/news/a.md", "v1 a");
	put(f->tmp, "repo/site/content/news/b.md", "v1 b");
	put(f->tmp, "repo/site/content/.hidden.md", "hidden");
	put(f->tmp, "repo/site/themes/default/templates/page.mustache",
	    "{{title}}");
	link_at(f->tmp, "repo/site/content/link.md", "news/a.md");
	commit_all(repo, "first", 1700000000, true, &id1);

	ck_assert_int_eq(git_object_lookup(&target, repo, &id1,
	    GIT_OBJECT_COMMIT), 0);
	ck_assert_int_eq(git_signature_new(&sig, "T", "t@example.vn",
	    1700000100, 420), 0);
	ck_assert_int_eq(git_tag_create(&tag, repo, "v1", target, sig,
	    "v1\n", 0), 0);

	put(f->tmp, "repo/site/content/news/a.md", "v2 a");
	snprintf(p, sizeof p, "%s/repo/site/content/news/b.md", f->tmp);
	ck_assert_int_eq(unlink(p), 0);
	put(f->tmp, "repo/site/content/news/c.md", "v2 c");
	commit_all(repo, "second", 1700003600, false, &id2);
	/* Not committed: invisible to every revision. */
	put(f->tmp, "repo/site/content/news/d.md", "work tree only");
	put(f->tmp, "repo/site/content/news/a.md", "work tree a");

	git_oid_tostr(r->hex1, sizeof r->hex1, &id1);
	git_oid_tostr(r->hex2, sizeof r->hex2, &id2);
	snprintf(r->site, sizeof r->site, "%s/repo/site", f->tmp);
	git_signature_free(sig);
	git_object_free(target);
	git_repository_free(repo);
}

START_TEST(test_source_git_old_commit)
{
	static const char *const refs[] = {"v1", "HEAD~1", NULL};
	struct fixture f;
	struct made_repo r;
	struct source *s;
	struct buf b = {0};
	size_t i;

	git_libgit2_init();
	setup(&f);
	make_repo(&f, &r);
	for (i = 0; i < 3; i++) {
		const char *ref = refs[i] ? refs[i] : r.hex1;

		ck_assert_int_eq(open_git(&f, r.site, ref, &s), 0);
		ck_assert_str_eq(source_commit(s), r.hex1);
		ck_assert_int_eq(source_commit_time(s), 1700000000);
		assert_list(s, "content", WANT("content/news/a.md",
		    "content/news/b.md"));
		assert_list(s, "themes", WANT(
		    "themes/default/templates/page.mustache"));
		ck_assert_int_eq(source_read(s, "content/news/a.md", &b), 0);
		ck_assert_str_eq(buf_cstr(&b), "v1 a");
		ck_assert_int_eq(source_read(s, "content/news/b.md", &b), 0);
		ck_assert_str_eq(buf_cstr(&b), "v1 b");
		ck_assert(source_exists(s, "content/news/b.md"));
		ck_assert(!source_exists(s, "content/news/c.md"));
		ck_assert(!source_exists(s, "content/link.md"));
		ck_assert(!source_exists(s, "content/sub"));
		ck_assert(!source_exists(s, "content/news"));
		source_close(s);
	}
	/* The symlink blob is reported; the submodule is skipped quietly. */
	ck_assert_uint_eq(diags_errors(f.d), 0);
	ck_assert_uint_eq(diags_warnings(f.d), 3);
	tu_assert_skel(f.d,
	    "content/link.md:1:1: W [source.symlink-in-revision]");
	buf_release(&b);
	teardown(&f);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_source_git_head)
{
	struct fixture f;
	struct made_repo r;
	struct source *s;
	struct buf b = {0};

	git_libgit2_init();
	setup(&f);
	make_repo(&f, &r);
	ck_assert_int_eq(open_git(&f, r.site, "HEAD", &s), 0);
	ck_assert_str_eq(source_commit(s), r.hex2);
	ck_assert_int_eq(source_commit_time(s), 1700003600);
	assert_list(s, "content/news", WANT("content/news/a.md",
	    "content/news/c.md"));
	assert_list_in(s, "content/news",
	    WANT("content/news/a.md", "content/news/c.md"));
	ck_assert_int_eq(source_read(s, "content/news/a.md", &b), 0);
	ck_assert_str_eq(buf_cstr(&b), "v2 a");
	ck_assert_int_eq(source_read(s, "content/news/b.md", &b), -1);
	tu_assert_skel(f.d,
	    "content/news/b.md:1:1: E [source.not-in-revision]");
	ck_assert_int_eq(source_read(s, "content/news/d.md", &b), -1);
	ck_assert_int_eq(source_read(s, "content/link.md", &b), -1);
	tu_assert_skel(f.d,
	    "content/link.md:1:1: E [source.symlink-in-revision-refused]");
	ck_assert_int_eq(source_read(s, "../README", &b), -1);
	tu_assert_diag(f.d, "[source.unsafe-path]");
	tu_assert_diag(f.d, "../README");
	ck_assert(!source_exists(s, "../README"));
	ck_assert_uint_eq(diags_errors(f.d), 4);
	source_close(s);
	buf_release(&b);
	teardown(&f);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_source_git_repo_root)
{
	struct fixture f;
	struct made_repo r;
	struct source *s;
	struct buf b = {0};
	char root[128];

	git_libgit2_init();
	setup(&f);
	make_repo(&f, &r);
	snprintf(root, sizeof root, "%s/repo", f.tmp);
	ck_assert_int_eq(open_git(&f, root, "HEAD", &s), 0);
	assert_list(s, "", WANT("README", "other/x.txt",
	    "site/content/news/a.md", "site/content/news/c.md",
	    "site/themes/default/templates/page.mustache"));
	assert_list(s, "site/content/news", WANT("site/content/news/a.md",
	    "site/content/news/c.md"));
	ck_assert_int_eq(source_read(s, "other/x.txt", &b), 0);
	ck_assert_str_eq(buf_cstr(&b), "x");
	source_close(s);
	/* A subfolder root cannot reach its siblings. */
	ck_assert_int_eq(open_git(&f, r.site, "HEAD", &s), 0);
	ck_assert(!source_exists(s, "other/x.txt"));
	ck_assert(!source_exists(s, "README"));
	source_close(s);
	buf_release(&b);
	teardown(&f);
	git_libgit2_shutdown();
}
END_TEST

/*
 * Issue 11: a repository of another user is refused by git (its
 * safe.directory rule): an error with the fix, from repo_open() and
 * repo_find() alike, never "no repository".  Needs root to hand the
 * folder to another user; skipped otherwise (tests/e2e.d/refuse.sh
 * checks the command under CI).
 */
START_TEST(test_source_git_not_owned)
{
	struct fixture f;
	struct made_repo r;
	struct repo *rp = NULL;
	char p[160], home[160];

	if (geteuid() != 0)
		return;
	git_libgit2_init();
	setup(&f);
	make_repo(&f, &r);
	/* A global configuration of our own, which trusts nothing. */
	snprintf(home, sizeof home, "%s/home", f.tmp);
	ck_assert_int_eq(mkdir(home, 0700), 0);
	ck_assert_int_eq(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH,
	                     GIT_CONFIG_LEVEL_GLOBAL, home),
	    0);
	snprintf(p, sizeof p, "%s/repo", f.tmp);
	ck_assert_int_eq(chown(p, 65534, 65534), 0);
	ck_assert_int_eq(repo_open(f.a, f.d, r.site, &rp), -1);
	ck_assert_ptr_null(rp);
	ck_assert_int_eq(repo_find(f.a, f.d, r.site, &rp), -1);
	ck_assert_ptr_null(rp);
	ck_assert_uint_eq(diags_errors(f.d), 2);
	tu_assert_diag(f.d, "[repo.not-owned]");
	snprintf(p, sizeof p, "safe.directory %s/repo", f.tmp);
	tu_assert_diag(f.d, p);
	snprintf(p, sizeof p, "%s/repo", f.tmp);
	ck_assert_int_eq(chown(p, 0, 0), 0);
	ck_assert_int_eq(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH,
	                     GIT_CONFIG_LEVEL_GLOBAL, NULL),
	    0);
	teardown(&f);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_source_git_errors)
{
	struct fixture f;
	struct made_repo r;
	struct source *s = (struct source *)&f;
	char p[128];

	git_libgit2_init();
	setup(&f);
	make_repo(&f, &r);
	ck_assert_int_eq(open_git(&f, r.site, "nope", &s), -1);
	ck_assert_ptr_null(s);
	tu_assert_diag(f.d, "[source.unknown-revision]");
	tu_assert_diag(f.d, "nope");
	/* A folder made after the last commit. */
	put(f.tmp, "repo/fresh/content/a.md", "");
	snprintf(p, sizeof p, "%s/repo/fresh", f.tmp);
	ck_assert_int_eq(open_git(&f, p, "HEAD", &s), -1);
	tu_assert_diag(f.d, "[source.folder-not-in-revision]");
	tu_assert_diag(f.d, "fresh");
	tu_assert_diag(f.d, "HEAD");
	/* No repository at all. */
	put(f.tmp, "plain/content/a.md", "");
	snprintf(p, sizeof p, "%s/plain", f.tmp);
	ck_assert_int_eq(open_git(&f, p, "HEAD", &s), -1);
	tu_assert_diag(f.d, "[repo.none]");
	ck_assert_uint_eq(diags_errors(f.d), 3);
	teardown(&f);
	git_libgit2_shutdown();
}
END_TEST

START_TEST(test_source_git_size_limit)
{
	struct fixture f;
	git_repository *repo = NULL;
	struct source *s;
	struct buf b = {0};
	git_oid id;
	char p[128], *big;
	FILE *fp;

	git_libgit2_init();
	setup(&f);
	snprintf(p, sizeof p, "%s/repo", f.tmp);
	ck_assert_int_eq(git_repository_init(&repo, p, 0), 0);
	big = xcalloc(1, SOURCE_MAX_FILE + 1);
	memset(big, 'x', SOURCE_MAX_FILE + 1);
	put(f.tmp, "repo/content/big.md", "");
	snprintf(p, sizeof p, "%s/repo/content/big.md", f.tmp);
	fp = fopen(p, "w");
	fwrite(big, 1, SOURCE_MAX_FILE + 1, fp);
	fclose(fp);
	put(f.tmp, "repo/content/max.md", "");
	snprintf(p, sizeof p, "%s/repo/content/max.md", f.tmp);
	fp = fopen(p, "w");
	fwrite(big, 1, SOURCE_MAX_FILE, fp);
	fclose(fp);
	free(big);
	commit_all(repo, "big", 1700000000, false, &id);
	git_repository_free(repo);

	snprintf(p, sizeof p, "%s/repo", f.tmp);
	ck_assert_int_eq(open_git(&f, p, "HEAD", &s), 0);
	ck_assert_int_eq(source_read(s, "content/big.md", &b), -1);
	tu_assert_skel(f.d, "content/big.md:1:1: E [source.too-large]");
	ck_assert_int_eq(source_read(s, "content/max.md", &b), 0);
	ck_assert_uint_eq(b.len, SOURCE_MAX_FILE);
	ck_assert_uint_eq(diags_errors(f.d), 1);
	source_close(s);
	buf_release(&b);
	teardown(&f);
	git_libgit2_shutdown();
}
END_TEST

Suite *
source_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc;

	tc = tcase_create("worktree");
	tcase_add_test(tc, test_source_dir_order);
	tcase_add_test(tc, test_source_dir_hidden);
	tcase_add_test(tc, test_source_dir_read);
	tcase_add_test(tc, test_source_dir_open_errors);
	tcase_add_test(tc, test_source_dir_refused_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("safety");
	tcase_add_test(tc, test_source_dir_symlinks);
	tcase_add_test(tc, test_source_dir_size_limit);
	tcase_add_test(tc, test_source_dir_unsafe_paths);
	tcase_add_test(tc, test_source_dir_deep);
	suite_add_tcase(s, tc);

	tc = tcase_create("git");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_source_git_old_commit);
	tcase_add_test(tc, test_source_git_head);
	tcase_add_test(tc, test_source_git_repo_root);
	tcase_add_test(tc, test_source_git_errors);
	tcase_add_test(tc, test_source_git_not_owned);
	tcase_add_test(tc, test_source_git_size_limit);
	suite_add_tcase(s, tc);
	return s;
}
