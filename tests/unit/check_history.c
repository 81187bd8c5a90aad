/*
 * history: real repositories made here with libgit2 (a budget committed,
 * amended, renamed; .mailmap; dates across midnight in UTC+7; shallow
 * clones; no repository; uncommitted changes; older refs; a subfolder
 * root), and the value and paragraph diffs that revision pages show.
 */
#include <check.h>
#include <fcntl.h>
#include <dirent.h>
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
#include "history.h"
#include "repo.h"
#include "source.h"
#include "value.h"
#include "testutil.h"

Suite *history_suite(void);

struct fixture {
	char tmp[64];
	struct arena *a;
	struct diags *d;
	git_repository *repo;
	struct repo *opened[8];	/* by load(), closed by teardown() */
	size_t nopened;
};

/* 2020-03-19 20:00:00 UTC: 2020-03-20 03:00 in Hà Nội. */
#define T1 1584648000LL
/* 2020-03-25 02:00:00 UTC: the same day there, 09:00. */
#define T2 1585101600LL
#define T3 (T2 + 86400 * 3)

static const char budget1[] =
    "title: Dự toán ngân sách năm 2020\n"
    "unit: đồng\n"
    "decision: {number: 01/QĐ-BQL, date: 2020-01-10}\n"
    "lines:\n"
    "  - label: Chi quản lý hành chính\n"
    "    values: {du_toan: 1200000000, thuc_hien: 0}\n"
    "  - label: Chi sự nghiệp kinh tế\n"
    "    values: {du_toan: 300000000, thuc_hien: 0}\n"
    "  - label: Chi khác\n"
    "    values: {du_toan: 50000000, thuc_hien: 0}\n"
    "  - label: Dự phòng\n"
    "    values: {du_toan: 10000000, thuc_hien: 0}\n";

/* Removes path and everything below it (no symlinks are made here). */
static void
rmtree(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	char p[1024];

	while (dir != NULL && (e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		if (e->d_type == DT_DIR)
			rmtree(p);
		else
			unlink(p);
	}
	if (dir != NULL)
		closedir(dir);
	rmdir(path);
}

static void
setup(struct fixture *f)
{
	git_libgit2_init();
	snprintf(f->tmp, sizeof f->tmp, "/tmp/minhbach-history-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(f->tmp));
	f->a = arena_new();
	f->d = diags_new(f->a);
	f->repo = NULL;
	f->nopened = 0;
}

static void
teardown(struct fixture *f)
{
	while (f->nopened > 0)
		repo_close(f->opened[--f->nopened]);
	git_repository_free(f->repo);
	rmtree(f->tmp);
	arena_free(f->a);
	git_libgit2_shutdown();
}

/* What build.c does: the repository found once at root, then walked. */
static int
load(struct fixture *f, const char *root, const char *ref,
    const char *prefix, bool allow_shallow, struct history **h)
{
	struct repo *r;

	if (repo_find(f->a, f->d, root, &r) == -1)
		return -1;
	ck_assert_uint_lt(f->nopened, 8);
	if (r != NULL)
		f->opened[f->nopened++] = r;
	return history_load(f->a, f->d, r, ref, prefix, allow_shallow, h);
}

/* Writes tmp/rel (making its folders) holding text. */
static void
put(const char *tmp, const char *rel, const char *text)
{
	char p[512], *s;
	FILE *fp;

	snprintf(p, sizeof p, "%s/%s", tmp, rel);
	for (s = p + strlen(tmp) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	ck_assert_ptr_nonnull(fp = fopen(p, "w"));
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

static void
del(const char *tmp, const char *rel)
{
	char p[512];

	snprintf(p, sizeof p, "%s/%s", tmp, rel);
	ck_assert_int_eq(unlink(p), 0);
}

/* Commits the whole work tree (additions and deletions) on HEAD. */
static void
commit(git_repository *repo, const char *name, const char *email,
    long long when, int tzmin, const char *msg, git_oid *out)
{
	git_index *idx = NULL;
	git_oid tid, pid;
	git_tree *tree = NULL;
	git_commit *parent = NULL;
	git_signature *sig = NULL;
	const git_commit *parents[1];

	ck_assert_int_eq(git_repository_index(&idx, repo), 0);
	ck_assert_int_eq(git_index_add_all(idx, NULL, 0, NULL, NULL), 0);
	ck_assert_int_eq(git_index_update_all(idx, NULL, NULL, NULL), 0);
	ck_assert_int_eq(git_index_write(idx), 0);
	ck_assert_int_eq(git_index_write_tree(&tid, idx), 0);
	ck_assert_int_eq(git_tree_lookup(&tree, repo, &tid), 0);
	if (git_reference_name_to_id(&pid, repo, "HEAD") == 0)
		ck_assert_int_eq(git_commit_lookup(&parent, repo, &pid), 0);
	parents[0] = parent;
	ck_assert_int_eq(git_signature_new(&sig, name, email, when, tzmin), 0);
	ck_assert_int_eq(git_commit_create(out, repo, "HEAD", sig, sig, NULL,
	    msg, tree, parent != NULL ? 1 : 0, parents), 0);
	git_signature_free(sig);
	git_commit_free(parent);
	git_tree_free(tree);
	git_index_free(idx);
}

/*
 * The repository of the issue: a budget committed (with .mailmap) at
 * 20:00 UTC, amended by another author, renamed; a note renamed with an
 * edit; a page deleted and added again; a file outside content/.
 */
static void
make_budget_repo(struct fixture *f, git_oid c[3])
{
	ck_assert_int_eq(git_repository_init(&f->repo, f->tmp, 0), 0);
	put(f->tmp, ".mailmap", "Nguyễn Văn An <an@banquanly.example.vn> "
	    "an <an.nguyen@laptop.local>\n");
	put(f->tmp, "content/budgets/du-toan-2020.yaml", budget1);
	put(f->tmp, "content/news/ghi-chu.md", "---\ntitle: Ghi chú\n---\n"
	    "Đoạn một của ghi chú, khá dài để nhận ra khi đổi tên.\n\n"
	    "Đoạn hai của ghi chú, cũng dài như đoạn một.\n\n"
	    "Đoạn ba.\n");
	put(f->tmp, "content/pages/tam.md", "tạm\n");
	put(f->tmp, "README", "đọc tôi\n");
	commit(f->repo, "an", "an.nguyen@laptop.local", T1, 0,
	    "Công bố dự toán 2020\n\nChi tiết <an.nguyen@laptop.local>\n",
	    &c[0]);

	put(f->tmp, "content/budgets/du-toan-2020.yaml", "title: Dự toán "
	    "ngân sách năm 2020\nunit: đồng\ndecision: {number: 01/QĐ-BQL, "
	    "date: 2020-01-10}\nlines:\n  - label: Chi quản lý hành chính\n"
	    "    values: {du_toan: 1250000000, thuc_hien: 0}\n"
	    "  - label: Chi sự nghiệp kinh tế\n"
	    "    values: {du_toan: 300000000, thuc_hien: 0}\n"
	    "  - label: Chi khác\n"
	    "    values: {du_toan: 50000000, thuc_hien: 0}\n"
	    "  - label: Dự phòng\n"
	    "    values: {du_toan: 10000000, thuc_hien: 0}\n");
	del(f->tmp, "content/pages/tam.md");
	put(f->tmp, "README", "đọc tôi, bản hai\n");
	commit(f->repo, "Trần Thị Bình", "binh@banquanly.example.vn", T2, 420,
	    "Sửa dự toán chi quản lý (theo góp ý của reader@example.com)",
	    &c[1]);

	{
		char from[512], to[512];

		snprintf(from, sizeof from, "%s/content/budgets/"
		    "du-toan-2020.yaml", f->tmp);
		snprintf(to, sizeof to, "%s/content/budgets/"
		    "du-toan-2020-dieu-chinh.yaml", f->tmp);
		ck_assert_int_eq(rename(from, to), 0);
	}
	del(f->tmp, "content/news/ghi-chu.md");
	put(f->tmp, "content/news/ghi-chu-moi.md", "---\ntitle: Ghi chú\n---\n"
	    "Đoạn một của ghi chú, khá dài để nhận ra khi đổi tên.\n\n"
	    "Đoạn hai của ghi chú, cũng dài như đoạn một.\n\n"
	    "Đoạn ba, sửa.\n");
	put(f->tmp, "content/pages/tam.md", "lại có\n");
	commit(f->repo, "an", "an.nguyen@laptop.local", T3, 420,
	    "Đổi tên tệp dự toán", &c[2]);
}

static void
assert_no_email(const char *s)
{
	ck_assert_msg(s != NULL && strchr(s, '@') == NULL,
	    "an e-mail address escaped: \"%s\"", s ? s : "(null)");
}

/* --- the walk ----------------------------------------------------- */

START_TEST(test_history_revisions)
{
	struct fixture f;
	struct history *h;
	const struct file_history *fh;
	const struct revision *r;
	git_oid c[3];
	char hex[GIT_OID_HEXSZ + 1];
	size_t i;

	setup(&f);
	make_budget_repo(&f, c);
	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", false,
	    &h), 0);
	ck_assert_ptr_nonnull(h);
	ck_assert_uint_eq(diags_errors(f.d) + diags_warnings(f.d), 0);
	ck_assert_ptr_null(history_file(h,
	    "content/budgets/du-toan-2020.yaml"));
	fh = history_file(h, "content/budgets/du-toan-2020-dieu-chinh.yaml");
	ck_assert_ptr_nonnull(fh);
	ck_assert_str_eq(fh->path,
	    "content/budgets/du-toan-2020-dieu-chinh.yaml");
	ck_assert_uint_eq(fh->n, 3);
	for (i = 0; i < 3; i++) {
		r = &fh->revs[i];
		git_oid_tostr(hex, sizeof hex, &c[i]);
		ck_assert_str_eq(r->commit, hex);
		ck_assert_uint_eq(strlen(r->short_id), HISTORY_SHORT_LEN);
		ck_assert(strncmp(r->short_id, hex, HISTORY_SHORT_LEN) == 0);
		ck_assert_uint_eq(strlen(r->blob), 40);
	}
	/* Oldest first, with the path each commit had. */
	ck_assert_str_eq(fh->revs[0].path, "content/budgets/du-toan-2020.yaml");
	ck_assert_str_eq(fh->revs[1].path, "content/budgets/du-toan-2020.yaml");
	ck_assert_str_eq(fh->revs[2].path,
	    "content/budgets/du-toan-2020-dieu-chinh.yaml");
	/* 20:00 UTC is 03:00 the next day in Asia/Ho_Chi_Minh. */
	ck_assert_int_eq(fh->revs[0].time, T1);
	ck_assert_str_eq(fh->revs[0].date, "2020-03-20");
	ck_assert_str_eq(fh->revs[0].datetime, "2020-03-20T03:00:00+07:00");
	ck_assert_str_eq(fh->revs[1].date, "2020-03-25");
	ck_assert_str_eq(fh->revs[1].datetime, "2020-03-25T09:00:00+07:00");
	/* .mailmap: "an <an.nguyen@…>" is Nguyễn Văn An. */
	ck_assert_str_eq(fh->revs[0].author, "Nguyễn Văn An");
	ck_assert_str_eq(fh->revs[1].author, "Trần Thị Bình");
	ck_assert_str_eq(fh->revs[2].author, "Nguyễn Văn An");
	ck_assert_str_eq(fh->revs[0].message, "Công bố dự toán 2020");
	ck_assert_str_eq(fh->revs[1].message,
	    "Sửa dự toán chi quản lý (theo góp ý của");
	ck_assert_str_eq(fh->revs[2].message, "Đổi tên tệp dự toán");
	/* The amendment changed the blob; the rename did not. */
	ck_assert_str_ne(fh->revs[0].blob, fh->revs[1].blob);
	ck_assert_str_eq(fh->revs[1].blob, fh->revs[2].blob);
	teardown(&f);
}
END_TEST

START_TEST(test_history_renames_and_readds)
{
	struct fixture f;
	struct history *h;
	const struct file_history *fh;
	git_oid c[3];

	setup(&f);
	make_budget_repo(&f, c);
	ck_assert_int_eq(load(&f, f.tmp, "HEAD", "content",
	    false, &h), 0);
	/* Renamed with an edit: found by similarity. */
	fh = history_file(h, "content/news/ghi-chu-moi.md");
	ck_assert_ptr_nonnull(fh);
	ck_assert_uint_eq(fh->n, 2);
	ck_assert_str_eq(fh->revs[0].path, "content/news/ghi-chu.md");
	ck_assert_str_eq(fh->revs[1].path, "content/news/ghi-chu-moi.md");
	/* Deleted, then added again: a new file. */
	fh = history_file(h, "content/pages/tam.md");
	ck_assert_ptr_nonnull(fh);
	ck_assert_uint_eq(fh->n, 1);
	ck_assert_str_eq(fh->revs[0].message, "Đổi tên tệp dự toán");
	/* Outside the prefix: not mapped. */
	ck_assert_ptr_null(history_file(h, "README"));
	ck_assert_ptr_null(history_file(h, ".mailmap"));
	ck_assert_ptr_null(history_file(NULL, "README"));
	teardown(&f);
}
END_TEST

/* Every string that leaves the module, for every file. */
START_TEST(test_history_no_email)
{
	struct fixture f;
	struct history *h;
	const struct file_history *all;
	const struct revision *r;
	git_oid c[3];
	size_t n, i, j;

	setup(&f);
	make_budget_repo(&f, c);
	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", false,
	    &h), 0);
	all = history_files(h, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(all[0].path,
	    "content/budgets/du-toan-2020-dieu-chinh.yaml");
	ck_assert_str_eq(all[1].path, "content/news/ghi-chu-moi.md");
	ck_assert_str_eq(all[2].path, "content/pages/tam.md");
	for (i = 0; i < n; i++) {
		assert_no_email(all[i].path);
		for (j = 0; j < all[i].n; j++) {
			r = &all[i].revs[j];
			assert_no_email(r->commit);
			assert_no_email(r->short_id);
			assert_no_email(r->date);
			assert_no_email(r->datetime);
			assert_no_email(r->author);
			assert_no_email(r->message);
			assert_no_email(r->path);
			assert_no_email(r->blob);
		}
	}
	teardown(&f);
}
END_TEST

/* A name that is an address, or holds one, keeps only the name. */
START_TEST(test_history_email_as_name)
{
	struct fixture f;
	struct history *h;
	const struct file_history *fh;
	git_oid c;

	setup(&f);
	ck_assert_int_eq(git_repository_init(&f.repo, f.tmp, 0), 0);
	put(f.tmp, "content/a.md", "a\n");
	commit(f.repo, "lan@example.vn", "lan@example.vn", T1, 0,
	    "<lan@example.vn>", &c);
	put(f.tmp, "content/a.md", "b\n");
	commit(f.repo, "Phạm Lan (lan@example.vn)", "lan@example.vn", T2, 0,
	    "Sửa\xff lỗi\tchính tả @lan", &c);
	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", false,
	    &h), 0);
	fh = history_file(h, "content/a.md");
	ck_assert_ptr_nonnull(fh);
	ck_assert_uint_eq(fh->n, 2);
	ck_assert_str_eq(fh->revs[0].author, "");
	ck_assert_str_eq(fh->revs[0].message, "");
	ck_assert_str_eq(fh->revs[1].author, "Phạm Lan");
	/* Bad UTF-8 becomes U+FFFD; an @mention is not an address. */
	ck_assert_str_eq(fh->revs[1].message, "Sửa\xEF\xBF\xBD lỗi chính tả "
	    "@lan");
	teardown(&f);
}
END_TEST

START_TEST(test_history_read)
{
	struct fixture f;
	struct history *h;
	const struct file_history *fh;
	struct revision bad;
	struct buf b = {0};
	git_oid c[3];

	setup(&f);
	make_budget_repo(&f, c);
	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", false,
	    &h), 0);
	fh = history_file(h, "content/budgets/du-toan-2020-dieu-chinh.yaml");
	ck_assert_ptr_nonnull(fh);
	buf_addc(&b, 'x');		/* reset first */
	ck_assert_int_eq(history_read(h, &fh->revs[0], &b), 0);
	ck_assert_uint_eq(b.len, strlen(budget1));
	ck_assert_str_eq(buf_cstr(&b), budget1);
	ck_assert_int_eq(history_read(h, &fh->revs[2], &b), 0);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "du_toan: 1250000000"));
	/* An id that is not in the repository: a located error. */
	bad = fh->revs[0];
	bad.blob = "0123456789012345678901234567890123456789";
	ck_assert_int_eq(history_read(h, &bad, &b), -1);
	ck_assert_uint_eq(b.len, 0);
	tu_assert_diag(f.d, "content/budgets/du-toan-2020.yaml:1:1: lỗi: ");
	tu_assert_diag(f.d, "[history.read-revision]");
	history_close(h);
	history_close(h);
	/* Usable again after a close. */
	ck_assert_int_eq(history_read(h, &fh->revs[0], &b), 0);
	ck_assert_str_eq(buf_cstr(&b), budget1);
	history_close(h);
	history_close(NULL);
	buf_release(&b);
	teardown(&f);
}
END_TEST

/*
 * One repository handle per build: a --ref build opens the repository
 * once; the source reads the commit through it and the history walks and
 * reads old revisions through the same handle, not a second open.
 */
START_TEST(test_history_one_repository_handle)
{
	struct fixture f;
	struct repo *r = NULL;
	struct source *src = NULL;
	struct history *h = NULL;
	const struct file_history *fh;
	struct buf b = {0};
	git_oid c[3];

	setup(&f);
	make_budget_repo(&f, c);
	ck_assert_int_eq(repo_open(f.a, f.d, f.tmp, &r), 0);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(repo_prefix(r), "");
	ck_assert(repo_has_workdir(r));
	ck_assert_int_eq(source_open_git(f.a, f.d, r, "HEAD", &src), 0);
	ck_assert_ptr_eq(source_repo(src), r);
	ck_assert_int_eq(history_load(f.a, f.d, source_repo(src), "HEAD",
	    "content", false, &h), 0);
	ck_assert_ptr_eq(history_repo(h), r);
	ck_assert_ptr_null(history_repo(NULL));
	/* Both read through it: the source the tip, the history the first
	 * revision. */
	ck_assert_int_eq(source_read(src,
	    "content/budgets/du-toan-2020-dieu-chinh.yaml", &b), 0);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "du_toan: 1250000000"));
	fh = history_file(h, "content/budgets/du-toan-2020-dieu-chinh.yaml");
	ck_assert_ptr_nonnull(fh);
	ck_assert_int_eq(history_read(h, &fh->revs[0], &b), 0);
	ck_assert_str_eq(buf_cstr(&b), budget1);
	ck_assert_uint_eq(diags_errors(f.d), 0);
	history_close(h);
	source_close(src);
	repo_close(r);
	repo_close(r);		/* harmless twice */
	buf_release(&b);
	teardown(&f);
}
END_TEST

/* The field-level change between the first two revisions. */
START_TEST(test_history_amendment_diff)
{
	struct fixture f;
	struct history *h;
	const struct file_history *fh;
	struct value *v[2], *ch;
	struct buf b = {0};
	git_oid c[3];
	int i;

	setup(&f);
	make_budget_repo(&f, c);
	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", false,
	    &h), 0);
	fh = history_file(h, "content/budgets/du-toan-2020-dieu-chinh.yaml");
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(history_read(h, &fh->revs[i], &b), 0);
		ck_assert_int_eq(value_parse_yaml(f.a, f.d, fh->revs[i].path,
		    b.data, b.len, 1, &v[i]), 0);
	}
	history_close(h);
	ch = history_diff_values(f.a, v[0], v[1]);
	ck_assert_uint_eq(ch->n, 1);
	ck_assert_str_eq(value_map_str(ch->items[0], "path"),
	    "lines.0.values.du_toan");
	ck_assert_str_eq(value_map_str(ch->items[0], "label"),
	    "Chi quản lý hành chính \xE2\x80\xBA du_toan");
	ck_assert_str_eq(value_map_str(ch->items[0], "key"), "du_toan");
	ck_assert_str_eq(value_map_str(ch->items[0], "old"), "1200000000");
	ck_assert_str_eq(value_map_str(ch->items[0], "new"), "1250000000");
	ck_assert_str_eq(value_map_str(ch->items[0], "kind"), "changed");
	buf_release(&b);
	teardown(&f);
}
END_TEST

START_TEST(test_history_older_ref)
{
	struct fixture f;
	struct history *h;
	const struct file_history *fh;
	git_oid c[3];
	char hex[GIT_OID_HEXSZ + 1];

	setup(&f);
	make_budget_repo(&f, c);
	git_oid_tostr(hex, sizeof hex, &c[1]);
	ck_assert_int_eq(load(&f, f.tmp, hex, "content", false,
	    &h), 0);
	fh = history_file(h, "content/budgets/du-toan-2020.yaml");
	ck_assert_ptr_nonnull(fh);
	ck_assert_uint_eq(fh->n, 2);
	ck_assert_ptr_null(history_file(h, "content/pages/tam.md"));
	ck_assert_ptr_null(history_file(h,
	    "content/budgets/du-toan-2020-dieu-chinh.yaml"));
	/* Unknown revisions are errors. */
	ck_assert_int_eq(load(&f, f.tmp, "khong-co", "content",
	    false, &h), -1);
	ck_assert_ptr_null(h);
	tu_assert_diag(f.d, "«khong-co»");
	tu_assert_diag(f.d, "[history.unknown-revision]");
	teardown(&f);
}
END_TEST

/* --- shallow, none, dirty ----------------------------------------- */

START_TEST(test_history_shallow)
{
	struct fixture f;
	struct history *h;
	const struct file_history *fh;
	git_oid c[3];
	char hex[GIT_OID_HEXSZ + 1], line[64], p[512];

	setup(&f);
	make_budget_repo(&f, c);
	/* What `git clone --depth 2` leaves: c[1] has no parent here. */
	git_oid_tostr(hex, sizeof hex, &c[1]);
	snprintf(line, sizeof line, "%s\n", hex);
	put(f.tmp, ".git/shallow", line);
	git_oid_tostr(hex, sizeof hex, &c[0]);
	snprintf(p, sizeof p, "%s/.git/objects/%.2s/%s", f.tmp, hex, hex + 2);
	ck_assert_int_eq(unlink(p), 0);
	ck_assert_int_eq(git_repository_is_shallow(f.repo), 1);

	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", false,
	    &h), -1);
	ck_assert_ptr_null(h);
	tu_assert_diag(f.d, "lỗi: ");
	tu_assert_diag(f.d, "git fetch --unshallow");
	tu_assert_diag(f.d, "[history.shallow]");
	ck_assert_uint_eq(diags_errors(f.d), 1);

	/* Allowed: the walk ends at the boundary, which looks like birth. */
	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", true,
	    &h), 0);
	ck_assert_ptr_nonnull(h);
	ck_assert_uint_eq(diags_errors(f.d), 1);
	fh = history_file(h, "content/budgets/du-toan-2020-dieu-chinh.yaml");
	ck_assert_ptr_nonnull(fh);
	ck_assert_uint_eq(fh->n, 2);
	ck_assert_int_eq(fh->revs[0].time, T2);
	teardown(&f);
}
END_TEST

START_TEST(test_history_not_a_repository)
{
	struct fixture f;
	struct history *h = (struct history *)&f;
	size_t n = 9;

	setup(&f);
	put(f.tmp, "content/a.md", "a\n");
	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", false,
	    &h), 0);
	ck_assert_ptr_null(h);
	ck_assert_uint_eq(diags_errors(f.d) + diags_warnings(f.d), 0);
	ck_assert_ptr_null(history_file(h, "content/a.md"));
	ck_assert_ptr_null(history_files(h, &n));
	ck_assert_uint_eq(n, 0);
	ck_assert(!history_dirty(h, "content/a.md"));
	/* A missing folder is an error, not "no repository". */
	ck_assert_int_eq(load(&f, "/nonexistent/minhbach",
	    NULL, "content", false, &h), -1);
	tu_assert_diag(f.d, "[output.source-folder]");
	teardown(&f);
}
END_TEST

START_TEST(test_history_empty_repository)
{
	struct fixture f;
	struct history *h;
	size_t n = 9;

	setup(&f);
	ck_assert_int_eq(git_repository_init(&f.repo, f.tmp, 0), 0);
	put(f.tmp, "content/a.md", "a\n");
	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", false,
	    &h), 0);
	ck_assert_ptr_nonnull(h);
	history_files(h, &n);
	ck_assert_uint_eq(n, 0);
	ck_assert(history_dirty(h, "content/a.md"));	/* not committed */
	teardown(&f);
}
END_TEST

START_TEST(test_history_dirty)
{
	struct fixture f;
	struct history *h;
	git_oid c[3];

	setup(&f);
	make_budget_repo(&f, c);
	put(f.tmp, "content/pages/tam.md", "sửa mà chưa commit\n");
	put(f.tmp, "content/news/moi.md", "chưa có trong git\n");
	put(f.tmp, "README", "cũng sửa\n");
	ck_assert_int_eq(load(&f, f.tmp, NULL, "content", false,
	    &h), 0);
	ck_assert(history_dirty(h, "content/pages/tam.md"));
	ck_assert(history_dirty(h, "content/news/moi.md"));
	ck_assert(!history_dirty(h, "content/news/ghi-chu-moi.md"));
	ck_assert(!history_dirty(h,
	    "content/budgets/du-toan-2020-dieu-chinh.yaml"));
	ck_assert(!history_dirty(h, "README"));		/* outside */
	ck_assert(!history_dirty(NULL, "content/pages/tam.md"));
	/* A --ref build reads the commit: nothing is dirty there. */
	ck_assert_int_eq(load(&f, f.tmp, "HEAD", "content",
	    false, &h), 0);
	ck_assert(!history_dirty(h, "content/pages/tam.md"));
	teardown(&f);
}
END_TEST

/* --source in a subfolder of the work tree: paths relative to it. */
START_TEST(test_history_subfolder_root)
{
	struct fixture f;
	struct history *h;
	const struct file_history *fh;
	char root[128];
	git_oid c;

	setup(&f);
	ck_assert_int_eq(git_repository_init(&f.repo, f.tmp, 0), 0);
	put(f.tmp, "site/content/a.md", "một\n");
	put(f.tmp, "content/b.md", "không thuộc site\n");
	commit(f.repo, "T", "t@example.vn", T1, 0, "Một", &c);
	put(f.tmp, "site/content/a.md", "hai\n");
	commit(f.repo, "T", "t@example.vn", T2, 0, "Hai", &c);
	put(f.tmp, "site/content/a.md", "ba\n");
	snprintf(root, sizeof root, "%s/site", f.tmp);
	ck_assert_int_eq(load(&f, root, NULL, "content", false,
	    &h), 0);
	fh = history_file(h, "content/a.md");
	ck_assert_ptr_nonnull(fh);
	ck_assert_uint_eq(fh->n, 2);
	ck_assert_str_eq(fh->revs[1].message, "Hai");
	ck_assert_ptr_null(history_file(h, "content/b.md"));
	ck_assert(history_dirty(h, "content/a.md"));
	teardown(&f);
}
END_TEST

/* --- value diffs -------------------------------------------------- */

static struct value *
yaml(struct arena *a, const char *src)
{
	struct diags *d = diags_new(a);
	struct value *v;

	ck_assert_int_eq(value_parse_yaml(a, d, "t.yaml", src, strlen(src), 1,
	    &v), 0);
	return v;
}

static void
assert_change(const struct value *l, size_t i, const char *kind,
    const char *path, const char *label, const char *old, const char *new_)
{
	const struct value *r;

	ck_assert_msg(i < l->n, "change %zu of %zu", i, (size_t)l->n);
	r = l->items[i];
	ck_assert_str_eq(value_map_str(r, "kind"), kind);
	ck_assert_str_eq(value_map_str(r, "path"), path);
	ck_assert_str_eq(value_map_str(r, "label"), label);
	ck_assert_str_eq(value_map_str(r, "old"), old);
	ck_assert_str_eq(value_map_str(r, "new"), new_);
}

#define SEP " \xE2\x80\xBA "

START_TEST(test_history_diff_values_nested)
{
	struct arena *a = arena_new();
	struct value *o, *n, *ch;

	o = yaml(a, "status: đang kêu gọi\n"
	    "occupancy: 84.17\n"
	    "decision: {number: 01/QĐ-BQL, date: 2020-01-10}\n"
	    "tags: [a, b]\n"
	    "lines:\n"
	    "  - label: Chi quản lý hành chính\n"
	    "    values: {du_toan: 1200000000}\n"
	    "    children:\n"
	    "      - {label: Chi lương, values: {du_toan: 800000000}}\n"
	    "  - {label: Chi khác, values: {du_toan: 5}}\n"
	    "old_key: x\n");
	n = yaml(a, "status: đã có nhà đầu tư\n"
	    "occupancy: 86.02\n"
	    "decision: {number: 02/QĐ-BQL, date: 2020-01-10}\n"
	    "tags: [a, c]\n"
	    "lines:\n"
	    "  - label: Chi đầu tư\n"
	    "    values: {du_toan: 7}\n"
	    "  - label: Chi quản lý hành chính\n"
	    "    values: {du_toan: 1200000000}\n"
	    "    children:\n"
	    "      - {label: Chi lương, values: {du_toan: 810000000}}\n"
	    "  - {label: Chi khác, values: {du_toan: 5}}\n"
	    "new_key: {vi: mới}\n");
	ch = history_diff_values(a, o, n);
	assert_change(ch, 0, "changed", "status", "status", "đang kêu gọi",
	    "đã có nhà đầu tư");
	assert_change(ch, 1, "changed", "occupancy", "occupancy", "84.17",
	    "86.02");
	assert_change(ch, 2, "changed", "decision.number",
	    "decision" SEP "number", "01/QĐ-BQL", "02/QĐ-BQL");
	assert_change(ch, 3, "changed", "tags.1", "tags" SEP "2", "b", "c");
	/* An inserted line: its fields are added, the others not shifted. */
	assert_change(ch, 4, "added", "lines.0.label",
	    "Chi đầu tư" SEP "label", "", "Chi đầu tư");
	assert_change(ch, 5, "added", "lines.0.values.du_toan",
	    "Chi đầu tư" SEP "du_toan", "", "7");
	assert_change(ch, 6, "changed", "lines.1.children.0.values.du_toan",
	    "Chi quản lý hành chính" SEP "Chi lương" SEP "du_toan",
	    "800000000", "810000000");
	assert_change(ch, 7, "added", "new_key.vi", "new_key" SEP "vi", "",
	    "mới");
	assert_change(ch, 8, "removed", "old_key", "old_key", "x", "");
	ck_assert_uint_eq(ch->n, 9);
	ck_assert_str_eq(value_map_str(ch->items[6], "key"), "du_toan");
	ck_assert_str_eq(value_map_str(ch->items[3], "key"), "tags");
	/* Equal trees, and trees against nothing. */
	ck_assert_uint_eq(history_diff_values(a, o, o)->n, 0);
	ck_assert_uint_eq(history_diff_values(a, NULL, NULL)->n, 0);
	ck_assert_uint_eq(history_diff_values(a, NULL, o)->n, 13);
	ck_assert_str_eq(value_map_str(history_diff_values(a, o, NULL)->
	    items[0], "kind"), "removed");
	arena_free(a);
}
END_TEST

START_TEST(test_history_diff_values_lists)
{
	struct arena *a = arena_new();
	struct value *ch;

	/* A relabelled line: paired in place, not removed and added. */
	ch = history_diff_values(a,
	    yaml(a, "l: [{label: A, v: 1}, {label: B, v: 2}]\n"),
	    yaml(a, "l: [{label: A, v: 1}, {label: Bê, v: 2}]\n"));
	ck_assert_uint_eq(ch->n, 1);
	assert_change(ch, 0, "changed", "l.1.label", "Bê" SEP "label", "B",
	    "Bê");
	/* Duplicate labels: matched by index; a line removed at the end. */
	ch = history_diff_values(a,
	    yaml(a, "l: [{label: A, v: 1}, {label: A, v: 2}, {label: C}]\n"),
	    yaml(a, "l: [{label: A, v: 1}, {label: A, v: 3}]\n"));
	ck_assert_uint_eq(ch->n, 2);
	assert_change(ch, 0, "changed", "l.1.v", "A" SEP "v", "2", "3");
	assert_change(ch, 1, "removed", "l.2.label", "C" SEP "label", "C", "");
	/* A scalar that became a list; title and name label too. */
	ch = history_diff_values(a,
	    yaml(a, "x: 1\nd: [{title: T, n: 1}, {name: {vi: Tên, en: N}, "
	    "n: 2}]\n"),
	    yaml(a, "x: [1, 2]\nd: [{title: T, n: 9}, {name: {vi: Tên, en: N},"
	    " n: 3}]\n"));
	ck_assert_uint_eq(ch->n, 5);
	assert_change(ch, 0, "removed", "x", "x", "1", "");
	assert_change(ch, 1, "added", "x.0", "x" SEP "1", "", "1");
	assert_change(ch, 2, "added", "x.1", "x" SEP "2", "", "2");
	assert_change(ch, 3, "changed", "d.0.n", "T" SEP "n", "1", "9");
	assert_change(ch, 4, "changed", "d.1.n", "Tên" SEP "n", "2", "3");
	/* As written: 1.0 -> 1.00 is a change, "5" -> 5 and ~ -> "" not. */
	ch = history_diff_values(a, yaml(a, "a: 1.0\nb: \"5\"\nc: ~\n"),
	    yaml(a, "a: 1.00\nb: 5\nc: \"\"\n"));
	ck_assert_uint_eq(ch->n, 1);
	assert_change(ch, 0, "changed", "a", "a", "1.0", "1.00");
	arena_free(a);
}
END_TEST

/* --- text diffs --------------------------------------------------- */

static void
assert_para(const struct value *l, size_t i, const char *kind,
    const char *text)
{
	ck_assert_msg(i < l->n, "paragraph change %zu of %zu", i, (size_t)l->n);
	ck_assert_str_eq(value_map_str(l->items[i], "kind"), kind);
	ck_assert_str_eq(value_map_str(l->items[i], "text"), text);
}

START_TEST(test_history_diff_text)
{
	struct arena *a = arena_new();
	const char *o = "Mở đầu.\n\nĐoạn hai\ncó hai dòng.\n\n\n"
	    "Đoạn ba.\n\nKết.\n";
	const char *n = "Mở đầu.  \n\nĐoạn hai\ncó hai dòng, sửa.\n\n"
	    "Đoạn ba.\n\nĐoạn mới.\n\n  \nKết.";
	struct value *ch;

	ch = history_diff_text(a, o, strlen(o), n, strlen(n));
	ck_assert_uint_eq(ch->n, 3);
	assert_para(ch, 0, "removed", "Đoạn hai\ncó hai dòng.");
	assert_para(ch, 1, "added", "Đoạn hai\ncó hai dòng, sửa.");
	assert_para(ch, 2, "added", "Đoạn mới.");
	ck_assert_uint_eq(history_diff_text(a, o, strlen(o), o, strlen(o))->n,
	    0);
	ch = history_diff_text(a, NULL, 0, "A\n\nB", 4);
	ck_assert_uint_eq(ch->n, 2);
	assert_para(ch, 0, "added", "A");
	assert_para(ch, 1, "added", "B");
	ch = history_diff_text(a, "A\n\nB\n\nC", 7, "", 0);
	ck_assert_uint_eq(ch->n, 3);
	assert_para(ch, 2, "removed", "C");
	arena_free(a);
}
END_TEST

/* Beyond the bound: everything between the common ends, quickly. */
START_TEST(test_history_diff_text_bounded)
{
	struct arena *a = arena_new();
	struct buf o = {0}, n = {0};
	struct value *ch;
	size_t i;

	buf_adds(&o, "Đầu.\n\n");
	buf_adds(&n, "Đầu.\n\n");
	for (i = 0; i < HISTORY_DIFF_MAX_PARAS + 500; i++) {
		buf_addf(&o, "Cũ %zu.\n\n", i);
		buf_addf(&n, "Mới %zu.\n\n", i);
	}
	buf_adds(&o, "Cuối.\n");
	buf_adds(&n, "Cuối.\n");
	ch = history_diff_text(a, o.data, o.len, n.data, n.len);
	ck_assert_uint_eq(ch->n, 2 * (HISTORY_DIFF_MAX_PARAS + 500));
	assert_para(ch, 0, "removed", "Cũ 0.");
	assert_para(ch, HISTORY_DIFF_MAX_PARAS + 500, "added", "Mới 0.");
	/* Within the bound, an LCS: 1,200 paragraphs, 600 inserted, one
	 * changed. */
	buf_reset(&o);
	buf_reset(&n);
	for (i = 0; i < 1200; i++) {
		buf_addf(&o, "Đoạn %zu.\n\n", i);
		buf_addf(&n, i == 700 ? "Đoạn %zu, sửa.\n\n" : "Đoạn %zu.\n\n",
		    i);
		if (i % 2 == 0)
			buf_addf(&n, "Chèn %zu.\n\n", i);
	}
	ch = history_diff_text(a, o.data, o.len, n.data, n.len);
	ck_assert_uint_eq(ch->n, 600 + 2);
	assert_para(ch, 0, "added", "Chèn 0.");
	buf_release(&o);
	buf_release(&n);
	arena_free(a);
}
END_TEST

Suite *
history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc;

	tc = tcase_create("walk");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_history_revisions);
	tcase_add_test(tc, test_history_renames_and_readds);
	tcase_add_test(tc, test_history_no_email);
	tcase_add_test(tc, test_history_email_as_name);
	tcase_add_test(tc, test_history_read);
	tcase_add_test(tc, test_history_one_repository_handle);
	tcase_add_test(tc, test_history_amendment_diff);
	tcase_add_test(tc, test_history_older_ref);
	suite_add_tcase(s, tc);

	tc = tcase_create("repository");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_history_shallow);
	tcase_add_test(tc, test_history_not_a_repository);
	tcase_add_test(tc, test_history_empty_repository);
	tcase_add_test(tc, test_history_dirty);
	tcase_add_test(tc, test_history_subfolder_root);
	suite_add_tcase(s, tc);

	tc = tcase_create("diff");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_history_diff_values_nested);
	tcase_add_test(tc, test_history_diff_values_lists);
	tcase_add_test(tc, test_history_diff_text);
	tcase_add_test(tc, test_history_diff_text_bounded);
	suite_add_tcase(s, tc);
	return s;
}
