/*
 * provenance: a real repository made here with libgit2 (the project's
 * themes/default copied in, a news item committed, then amended with a
 * new title and paragraph), built with build_run: the record's history
 * page, its earlier revision as it was, the change log and its feed,
 * and no author's e-mail address anywhere in the output.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "arena.h"
#include "buf.h"
#include "build.h"
#include "testutil.h"

Suite *provenance_suite(void);

#define PROJECT_THEME "themes/default"

/* 2020-03-19 20:00 UTC (03:00 on the 20th in UTC+7), then 5 days on. */
#define T1 1584648000LL
#define T2 (T1 + 5 * 86400)

#define EMAIL1 "nguyen.van.a@bqlkcn-test.example"
#define EMAIL2 "tran.thi.b@congchuc-test.example"

static const char site_yaml[] =
    "title: {vi: Cổng thử, en: Test portal}\n"
    "base_url: https://example.invalid/\n"
    "languages: [vi, en]\n"
    "collections:\n"
    "  news: {kind: news, title: {vi: Tin tức, en: News}, "
    "permalink: \"/tin-tuc/:slug/\"}\n";

static const char news1[] =
    "---\ntitle: Hội nghị cán bộ\ndate: 2020-03-19\n---\n"
    "Đoạn mở đầu giữ nguyên.\n\nĐoạn cũ sẽ bị thay.\n";

static const char news2[] =
    "---\ntitle: Hội nghị cán bộ năm 2020\ndate: 2020-03-19\n---\n"
    "Đoạn mở đầu giữ nguyên.\n\nĐoạn mới thay thế.\n";

struct fx {
	char dir[256];
	char src[300];
	char out[300];
	struct arena *a;
	git_repository *repo;
	char first[GIT_OID_HEXSZ + 1], second[GIT_OID_HEXSZ + 1];
};

/* Commits the whole work tree on HEAD; writes the commit id to hex. */
static void
commit(git_repository *repo, const char *name, const char *email,
    long long when, const char *msg, char *hex)
{
	git_index *idx = NULL;
	git_oid tid, pid, oid;
	git_tree *tree = NULL;
	git_commit *parent = NULL;
	git_signature *sig = NULL;
	const git_commit *parents[1];

	ck_assert_int_eq(git_repository_index(&idx, repo), 0);
	ck_assert_int_eq(git_index_add_all(idx, NULL, 0, NULL, NULL), 0);
	ck_assert_int_eq(git_index_write(idx), 0);
	ck_assert_int_eq(git_index_write_tree(&tid, idx), 0);
	ck_assert_int_eq(git_tree_lookup(&tree, repo, &tid), 0);
	if (git_reference_name_to_id(&pid, repo, "HEAD") == 0)
		ck_assert_int_eq(git_commit_lookup(&parent, repo, &pid), 0);
	parents[0] = parent;
	ck_assert_int_eq(git_signature_new(&sig, name, email, when, 7 * 60),
	    0);
	ck_assert_int_eq(git_commit_create(&oid, repo, "HEAD", sig, sig, NULL,
	    msg, tree, parent != NULL ? 1 : 0, parents), 0);
	git_oid_tostr(hex, GIT_OID_HEXSZ + 1, &oid);
	git_signature_free(sig);
	git_commit_free(parent);
	git_tree_free(tree);
	git_index_free(idx);
}

static void
setup_fx(struct fx *f)
{
	char p[400];

	git_libgit2_init();
	memset(f, 0, sizeof *f);
	tu_mkdtemp(f->dir, sizeof f->dir, "prov");
	TU_FMT(f->src, "%s/src", f->dir);
	TU_FMT(f->out, "%s/out", f->dir);
	ck_assert_int_eq(git_repository_init(&f->repo, f->src, 0), 0);
	tu_put(f->src, "content/site.yaml", site_yaml);
	tu_put(f->src, "content/news/2020-03-19-hoi-nghi.md", news1);
	TU_FMT(p, "%s/themes", f->src);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	TU_FMT(p, "%s/themes/default", f->src);
	tu_copy_tree(PROJECT_THEME, p);
	commit(f->repo, "Nguyễn Văn A", EMAIL1, T1,
	    "Đăng tin hội nghị cán bộ\n", f->first);
	tu_put(f->src, "content/news/2020-03-19-hoi-nghi.md", news2);
	commit(f->repo, "Trần Thị B", EMAIL2, T2,
	    "Sửa tiêu đề, liên hệ " EMAIL2 "\n\n"
	    "Signed-off-by: Trần Thị B <" EMAIL2 ">\n", f->second);
	f->a = arena_new();
	ck_assert_int_eq(setenv("SOURCE_DATE_EPOCH", "1700000000", 1), 0);
}

static void
teardown_fx(struct fx *f)
{
	git_repository_free(f->repo);
	arena_free(f->a);
	tu_rmtree(f->dir);
	git_libgit2_shutdown();
}

static int
build(struct fx *f, const char **err)
{
	struct options o;
	struct tu_capture c;
	int rc;

	memset(&o, 0, sizeof o);
	o.cmd = BUILD_BUILD;
	o.source = f->src;
	o.out = f->out;
	o.jobs = 2;
	o.quiet = true;
	tu_stderr_begin(&c);
	rc = build_run(&o);
	*err = tu_stderr_end(&c, f->a);
	return rc;
}

START_TEST(test_provenance_pages)
{
	struct fx f;
	const char *err;
	char rel[256];
	struct buf b = {0};

	setup_fx(&f);
	ck_assert_int_eq(build(&f, &err), 0);
	ck_assert_str_eq(err, "");
	/* The record itself, as it is now. */
	ck_assert(tu_read(f.out, "tin-tuc/hoi-nghi/index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Hội nghị cán bộ năm 2020"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "lich-su/"));
	/* Its history: both revisions, newest first, the changes named. */
	ck_assert_msg(tu_read(f.out, "tin-tuc/hoi-nghi/lich-su/index.html",
	    &b), "no history page");
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Trần Thị B"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Nguyễn Văn A"));
	ck_assert(strstr(buf_cstr(&b), "Trần Thị B") <
	    strstr(buf_cstr(&b), "Nguyễn Văn A"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Hội nghị cán bộ năm 2020"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Đoạn cũ sẽ bị thay."));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Đoạn mới thay thế."));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "Đoạn mở đầu giữ nguyên."));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Đăng tin hội nghị cán bộ"));
	/* The revision dates, in UTC+7. */
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "20/03/2020"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "25/03/2020"));
	/* The earlier revision, as it was, below lich-su/<12 hex>/. */
	TU_FMT(rel, "tin-tuc/hoi-nghi/lich-su/%.12s/index.html", f.first);
	ck_assert_msg(tu_read(f.out, rel, &b), "no %s", rel);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Hội nghị cán bộ"));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "năm 2020</h1>"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Đoạn cũ sẽ bị thay."));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "Đoạn mới thay thế."));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "noindex"));
	buf_release(&b);
	teardown_fx(&f);
}
END_TEST

START_TEST(test_provenance_changelog)
{
	struct fx f;
	const char *err;
	struct buf b = {0};

	setup_fx(&f);
	ck_assert_int_eq(build(&f, &err), 0);
	ck_assert_msg(tu_read(f.out, "thay-doi/index.html", &b),
	    "no change log");
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "/tin-tuc/hoi-nghi/"));
	ck_assert_msg(tu_read(f.out, "thay-doi/atom.xml", &b),
	    "no change feed");
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
	/* Two changes: the first publication and the amendment. */
	ck_assert_uint_eq(tu_count(buf_cstr(&b), "<entry"), 2);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "<name>Trần Thị B</name>"));
	/* The English site has its own log. */
	ck_assert(tu_exists(f.out, "en/changes/index.html"));
	buf_release(&b);
	teardown_fx(&f);
}
END_TEST

START_TEST(test_provenance_no_email)
{
	struct fx f;
	const char *err;
	char *hit;

	setup_fx(&f);
	ck_assert_int_eq(build(&f, &err), 0);
	/* Neither address, nor any part of it after the '@'. */
	hit = tu_tree_find(f.out, EMAIL1);
	ck_assert_msg(hit == NULL, "%s holds %s", hit, EMAIL1);
	hit = tu_tree_find(f.out, EMAIL2);
	ck_assert_msg(hit == NULL, "%s holds %s", hit, EMAIL2);
	hit = tu_tree_find(f.out, "bqlkcn-test.example");
	ck_assert_msg(hit == NULL, "%s holds an e-mail domain", hit);
	hit = tu_tree_find(f.out, "congchuc-test.example");
	ck_assert_msg(hit == NULL, "%s holds an e-mail domain", hit);
	hit = tu_tree_find(f.out, "tran.thi.b");
	ck_assert_msg(hit == NULL, "%s holds an e-mail name", hit);
	/* The commit message's other words survive. */
	hit = tu_tree_find(f.out, "Sửa tiêu đề");
	ck_assert_msg(hit != NULL, "the commit message is gone");
	free(hit);
	teardown_fx(&f);
}
END_TEST

START_TEST(test_provenance_no_history)
{
	struct fx f;
	struct options o;
	struct tu_capture c;

	/* --no-history (shallow clones): none of these pages. */
	setup_fx(&f);
	memset(&o, 0, sizeof o);
	o.cmd = BUILD_BUILD;
	o.source = f.src;
	o.out = f.out;
	o.jobs = 1;
	o.quiet = true;
	o.no_history = true;
	tu_stderr_begin(&c);
	ck_assert_int_eq(build_run(&o), 0);
	ck_assert_str_eq(tu_stderr_end(&c, f.a), "");
	ck_assert(tu_exists(f.out, "tin-tuc/hoi-nghi/index.html"));
	ck_assert(!tu_exists(f.out, "tin-tuc/hoi-nghi/lich-su"));
	ck_assert(!tu_exists(f.out, "thay-doi"));
	teardown_fx(&f);
}
END_TEST

Suite *
provenance_suite(void)
{
	Suite *s = suite_create("provenance");
	TCase *tc;

	tc = tcase_create("git");
	tcase_add_test(tc, test_provenance_pages);
	tcase_add_test(tc, test_provenance_changelog);
	tcase_add_test(tc, test_provenance_no_email);
	tcase_add_test(tc, test_provenance_no_history);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
