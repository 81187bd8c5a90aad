/*
 * build: build_run end to end, in-process, on sources in a temporary
 * folder (the golden tests' theme): exit 0 and a complete site; exit 1
 * on a content error with the previous site left byte for byte; exit 2
 * for unsafe outputs and unusable sources; `check` writes nothing; the
 * same input gives the same bytes; validation's unknown kinds; check
 * renders every page (template errors, rows borrowing their record's
 * values); the fixture with every optional field absent; the build
 * date (--date, SOURCE_DATE_EPOCH, the commit, today in Vietnam),
 * publish_on and a notice's expires_on.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "build.h"
#include "testutil.h"

Suite *build_suite(void);

struct fx {
	char dir[256];		/* the temporary folder */
	char src[300];		/* dir/src: content/ and themes/ */
	char out[300];		/* dir/out */
	struct arena *a;	/* for captured text */
};

static const struct tu_file site[] = {
	{"content/site.yaml", "title: {vi: Cổng thử, en: Test portal}\n"
	    "base_url: https://example.invalid/\n"
	    "languages: [vi, en]\n"
	    "collections:\n"
	    "  news: {kind: news, title: {vi: Tin tức, en: News}, "
	    "permalink: \"/tin-tuc/:slug/\"}\n"
	    "  pages: {kind: page, permalink: \"/:slug/\"}\n"},
	{"content/news/2020-01-15-hoi-nghi.md", "---\ntitle: Hội nghị\n"
	    "date: 2020-01-15\nsummary: Tóm tắt.\n---\nNội dung **đậm**.\n"},
	{"content/news/2020-01-15-hoi-nghi.en.md", "---\ntitle: Conference\n"
	    "date: 2020-01-15\n---\nText.\n"},
	{"content/pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nA.\n"},
	{"content/files/qd.pdf", "%PDF"},
	{NULL, NULL},
};

static void
setup_fx(struct fx *f, const struct tu_file *files)
{
	char p[400];

	tu_mkdtemp(f->dir, sizeof f->dir, "build");
	TU_FMT(f->src, "%s/src", f->dir);
	TU_FMT(f->out, "%s/out", f->dir);
	tu_put_all(f->src, files);
	TU_FMT(p, "%s/themes", f->src);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	TU_FMT(p, "%s/themes/default", f->src);
	tu_copy_tree(TU_THEME, p);
	f->a = arena_new();
	ck_assert_int_eq(setenv("SOURCE_DATE_EPOCH", "1700000000", 1), 0);
}

static void
teardown_fx(struct fx *f)
{
	arena_free(f->a);
	tu_rmtree(f->dir);
}

/* Runs build_run at date (--date, or NULL); *err: its stderr. */
static int
run_on(struct fx *f, enum build_cmd cmd, const char *out, const char *date,
    const char **err)
{
	struct options o;
	struct tu_capture c;
	int rc;

	memset(&o, 0, sizeof o);
	o.cmd = cmd;
	o.source = f->src;
	o.out = out;
	o.jobs = 2;
	o.quiet = true;
	o.no_history = true;
	o.date = date;
	tu_stderr_begin(&c);
	rc = build_run(&o);
	*err = tu_stderr_end(&c, f->a);
	return rc;
}

/* Runs build_run; *err gets what it printed on stderr. */
static int
run(struct fx *f, enum build_cmd cmd, const char *out, const char **err)
{
	return run_on(f, cmd, out, NULL, err);
}

START_TEST(test_build_ok)
{
	struct fx f;
	const char *err;
	struct buf b = {0};

	setup_fx(&f, site);
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 0);
	ck_assert_str_eq(err, "");
	ck_assert(tu_exists(f.out, ".minhbach"));
	ck_assert(tu_read(f.out, "index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "<html lang=\"vi\">"));
	ck_assert(tu_read(f.out, "tin-tuc/hoi-nghi/index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "<p>Nội dung <strong>đậm</strong>.</p>"));
	/* SOURCE_DATE_EPOCH 1700000000 is 2023-11-15 in UTC+7. */
	ck_assert(tu_exists(f.out, "en/tin-tuc/hoi-nghi/index.html"));
	ck_assert(tu_exists(f.out, "gioi-thieu/index.html"));
	ck_assert(tu_exists(f.out, "tin-tuc/atom.xml"));
	ck_assert(tu_exists(f.out, "en/tin-tuc/atom.xml"));
	ck_assert(tu_exists(f.out, "tin-tuc/index.json"));
	ck_assert(tu_exists(f.out, "sitemap.xml"));
	ck_assert(tu_exists(f.out, "robots.txt"));
	ck_assert(tu_exists(f.out, "404.html"));
	ck_assert(tu_read(f.out, "files/qd.pdf", &b));
	ck_assert_str_eq(buf_cstr(&b), "%PDF");
	ck_assert(tu_read(f.out, "style.css", &b));
	ck_assert_str_eq(buf_cstr(&b), "body { font-family: system-ui; }\n");
	/* Nothing left beside the output but the output. */
	tu_list(f.dir, &b);
	ck_assert_ptr_null(strstr(buf_cstr(&b), "minhbach-tmp"));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "minhbach-old"));
	buf_release(&b);
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_deterministic)
{
	struct fx f;
	const char *err;
	char out2[400];
	char *diff;

	setup_fx(&f, site);
	TU_FMT(out2, "%s/out2", f.dir);
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 0);
	ck_assert_int_eq(run(&f, BUILD_BUILD, out2, &err), 0);
	diff = tu_tree_diff(f.out, out2);
	ck_assert_msg(diff == NULL, "differs: %s", diff);
	/* A rebuild over the previous site replaces it. */
	tu_put(f.src, "content/pages/gioi-thieu.md",
	    "---\ntitle: Giới thiệu mới\n---\nB.\n");
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 0);
	diff = tu_tree_diff(f.out, out2);
	ck_assert_msg(diff != NULL && strcmp(diff, "gioi-thieu/index.html")
	    == 0, "differs: %s", diff ? diff : "(nothing)");
	free(diff);
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_error_keeps_previous)
{
	struct fx f;
	const char *err;
	char snap[400];
	char *diff;
	struct buf b = {0};

	setup_fx(&f, site);
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 0);
	TU_FMT(snap, "%s/snapshot", f.dir);
	tu_copy_tree(f.out, snap);
	/* A news item without its required date, and a broken one. */
	tu_put(f.src, "content/news/2020-02-01-moi.md",
	    "---\ntitle: Tin mới\n---\nx\n");
	tu_put(f.src, "content/news/hong.md", "---\ntitle: [\n---\n");
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 1);
	TU_ASSERT_PREFIX(err, "content/news/2020-02-01-moi.md:");
	ck_assert_ptr_nonnull(strstr(err, "date"));
	ck_assert_ptr_nonnull(strstr(err, "\ncontent/news/hong.md:"));
	diff = tu_tree_diff(f.out, snap);
	ck_assert_msg(diff == NULL, "the previous site changed: %s", diff);
	tu_list(f.dir, &b);
	ck_assert_ptr_null(strstr(buf_cstr(&b), "minhbach-tmp"));
	buf_release(&b);
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_template_error)
{
	struct fx f;
	const char *err;

	setup_fx(&f, site);
	tu_put(f.src, "themes/default/templates/single.mustache",
	    "{{>partials/khong-co}}");
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 1);
	TU_ASSERT_PREFIX(err, "themes/default/templates/single.mustache:"
	    "1:1: lỗi: ");
	ck_assert_ptr_nonnull(strstr(err, "[template.partial-missing]"));
	ck_assert(!tu_exists(f.dir, "out"));
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_unknown_kind)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  blog: {kind: blog}\n"},
		{"content/blog/a.md", "---\ntitle: A\n---\n"},
		{NULL, NULL},
	};
	struct fx f;
	const char *err;

	setup_fx(&f, files);
	ck_assert_int_eq(run(&f, BUILD_CHECK, NULL, &err), 1);
	TU_ASSERT_PREFIX(err, "content/site.yaml:3:16: lỗi: ");
	ck_assert_ptr_nonnull(strstr(err, "[build.unknown-kind]"));
	ck_assert_ptr_nonnull(strstr(err, "«blog»"));
	ck_assert_ptr_nonnull(strstr(err, "news"));
	ck_assert_ptr_nonnull(strstr(err, "budget"));
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_out_is_source)
{
	struct fx f;
	const char *err;
	struct buf before = {0}, after = {0};

	setup_fx(&f, site);
	tu_list(f.src, &before);
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.src, &err), 2);
	ck_assert_ptr_nonnull(strstr(err, "[output.is-source]"));
	tu_list(f.src, &after);
	ck_assert_str_eq(buf_cstr(&after), buf_cstr(&before));
	/* content/ inside the source is refused too. */
	{
		char p[400];

		TU_FMT(p, "%s/content", f.src);
		ck_assert_int_eq(run(&f, BUILD_BUILD, p, &err), 2);
		tu_list(f.src, &after);
		ck_assert_str_eq(buf_cstr(&after), buf_cstr(&before));
	}
	buf_release(&before);
	buf_release(&after);
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_foreign_out)
{
	struct fx f;
	const char *err;
	struct buf b = {0};

	setup_fx(&f, site);
	/* A folder minhbach did not make (no marker) is not replaced. */
	tu_put(f.out, "ho-so.txt", "của người khác");
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 2);
	ck_assert_ptr_nonnull(strstr(err, "[output.not-ours]"));
	ck_assert(tu_read(f.out, "ho-so.txt", &b));
	ck_assert_str_eq(buf_cstr(&b), "của người khác");
	tu_list(f.out, &b);
	ck_assert_str_eq(buf_cstr(&b), "ho-so.txt\n");
	buf_release(&b);
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_bad_source)
{
	struct fx f;
	const char *err;

	setup_fx(&f, site);
	TU_FMT(f.src, "%s/khong-co", f.dir);
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 2);
	ck_assert_str_ne(err, "");
	ck_assert(!tu_exists(f.dir, "out"));
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_check_writes_nothing)
{
	struct fx f;
	const char *err;
	struct buf before = {0}, after = {0};

	setup_fx(&f, site);
	tu_list(f.dir, &before);
	ck_assert_int_eq(run(&f, BUILD_CHECK, f.out, &err), 0);
	ck_assert_str_eq(err, "");
	tu_list(f.dir, &after);
	ck_assert_str_eq(buf_cstr(&after), buf_cstr(&before));
	ck_assert(!tu_exists(f.dir, "out"));
	/* And reports errors like build, with status 1. */
	tu_put(f.src, "content/news/x.md", "---\ndate: 2020-01-01\n---\n");
	ck_assert_int_eq(run(&f, BUILD_CHECK, NULL, &err), 1);
	TU_ASSERT_PREFIX(err, "content/news/x.md:");
	ck_assert_ptr_nonnull(strstr(err, "title"));
	ck_assert(!tu_exists(f.dir, "out"));
	buf_release(&before);
	buf_release(&after);
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_bad_epoch)
{
	struct fx f;
	const char *err;

	setup_fx(&f, site);
	ck_assert_int_eq(setenv("SOURCE_DATE_EPOCH", "hôm qua", 1), 0);
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 1);
	TU_ASSERT_PREFIX(err, "minhbach: lỗi: ");
	ck_assert_ptr_nonnull(strstr(err, "«hôm qua»"));
	ck_assert_ptr_nonnull(strstr(err, "[build.source-date-epoch]\n"));
	ck_assert(!tu_exists(f.dir, "out"));
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_no_repository)
{
	struct fx f;
	struct options o;
	struct tu_capture c;
	const char *err;

	/* History on, but the source is not in a repository: a plain build
	 * (when /tmp is not inside one). */
	setup_fx(&f, site);
	memset(&o, 0, sizeof o);
	o.cmd = BUILD_BUILD;
	o.source = f.src;
	o.out = f.out;
	o.jobs = 1;
	o.quiet = true;
	tu_stderr_begin(&c);
	ck_assert_int_eq(build_run(&o), 0);
	err = tu_stderr_end(&c, f.a);
	ck_assert_str_eq(err, "");
	ck_assert(tu_exists(f.out, "index.html"));
	teardown_fx(&f);
}
END_TEST

START_TEST(test_build_check_renders)
{
	struct fx f;
	const char *err, *berr;

	/* A template error is found by check as by build: check renders
	 * every page, in memory. */
	setup_fx(&f, site);
	tu_put(f.src, "themes/default/templates/single.mustache",
	    "{{>partials/khong-co}}");
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &berr), 1);
	ck_assert_int_eq(run(&f, BUILD_CHECK, NULL, &err), 1);
	ck_assert_str_eq(err, berr);
	TU_ASSERT_PREFIX(err, "themes/default/templates/single.mustache:"
	    "1:1: lỗi: ");
	ck_assert_ptr_nonnull(strstr(err, "«partials/khong-co»"));
	ck_assert_ptr_nonnull(strstr(err, "[template.partial-missing]\n"));
	/* A row that shows its record's value: the translation rows have
	 * no date_text; the news item's would be shown.  Once per tag. */
	tu_put(f.src, "themes/default/templates/single.mustache",
	    "{{<base}}{{$main}}\n{{#translations}}<a href=\"{{url}}\">"
	    "{{title}}</a> {{date_text}}{{/translations}}\n"
	    "{{/main}}{{/base}}");
	ck_assert_int_eq(run(&f, BUILD_CHECK, NULL, &err), 1);
	TU_ASSERT_PREFIX(err, "themes/default/templates/single.mustache:"
	    "2:50: lỗi: {{date_text}} ");
	ck_assert_ptr_nonnull(strstr(err, "{{#translations}}"));
	ck_assert_ptr_nonnull(strstr(err, "{{! inherit: date_text }} "
	    "[template.row-borrows]\n"));
	ck_assert_ptr_null(strchr(strchr(err, '\n') + 1, '\n'));
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &berr), 1);
	ck_assert_str_eq(berr, err);
	ck_assert(!tu_exists(f.dir, "out"));
	/* Declared, it is what the theme means. */
	tu_put(f.src, "themes/default/templates/single.mustache",
	    "{{! inherit: date_text }}{{<base}}{{$main}}\n{{#translations}}"
	    "<a href=\"{{url}}\">{{title}}</a> {{date_text}}"
	    "{{/translations}}\n{{/main}}{{/base}}");
	ck_assert_int_eq(run(&f, BUILD_CHECK, NULL, &err), 0);
	ck_assert_str_eq(err, "");
	teardown_fx(&f);
}
END_TEST

/* Counts needle in the output file rel of f. */
static int
count_in(struct fx *f, const char *rel, const char *needle)
{
	struct buf b = {0};
	int n;

	ck_assert_msg(tu_read(f->out, rel, &b), "no %s", rel);
	n = tu_count(buf_cstr(&b), needle);
	buf_release(&b);
	return n;
}

/*
 * tests/golden/borrow-absent with the project's theme: every kind, every
 * optional field left out at every depth.  The build's row check passes,
 * and the values a row could have borrowed appear only where they belong.
 */
START_TEST(test_build_borrow_absent)
{
	struct fx f;
	const char *err;
	char p[400];

	tu_mkdtemp(f.dir, sizeof f.dir, "build");
	TU_FMT(f.src, "%s/src", f.dir);
	TU_FMT(f.out, "%s/out", f.dir);
	ck_assert_int_eq(mkdir(f.src, 0755), 0);
	TU_FMT(p, "%s/content", f.src);
	tu_copy_tree("tests/golden/borrow-absent/content", p);
	TU_FMT(p, "%s/themes", f.src);
	tu_copy_tree("themes", p);
	f.a = arena_new();
	ck_assert_int_eq(setenv("SOURCE_DATE_EPOCH", "1700000000", 1), 0);
	/* Warnings other checks may add are not this test's business. */
	ck_assert_int_eq(run(&f, BUILD_CHECK, NULL, &err), 0);
	ck_assert_msg(strstr(err, "error") == NULL, "%s", err);
	ck_assert_int_eq(run(&f, BUILD_BUILD, f.out, &err), 0);
	ck_assert_msg(strstr(err, "error") == NULL, "%s", err);
	/* The call's 4.979 ha: its figure and the table's caption, never
	 * a land-use row without an area (those show a dash). */
	ck_assert_int_eq(count_in(&f, "keu-goi-dau-tu/goi-thu/index.html",
	    "4.979 ha"), 2);
	ck_assert_int_eq(count_in(&f, "keu-goi-dau-tu/goi-thu/index.html",
	    "<tr><th scope=\"row\">Đất nhà máy</th><td class=\"num\">70%</td>"
	    "<td class=\"num\">—</td></tr>"), 1);
	/* A source without url links nowhere; the page never links to
	 * itself. */
	ck_assert_int_eq(count_in(&f, "khu-cong-nghiep/kcn-thu/index.html",
	    "<li>Nguồn không có địa chỉ</li>"), 1);
	ck_assert_int_eq(count_in(&f, "khu-cong-nghiep/kcn-thu/index.html",
	    "href=\"/khu-cong-nghiep/kcn-thu/\""), 0);
	/* The zone's summary: its description, og:description, JSON-LD
	 * description and lead, not the card of the news item (which has
	 * none) below. */
	ck_assert_int_eq(count_in(&f, "khu-cong-nghiep/kcn-thu/index.html",
	    "TÓM TẮT CỦA KHU"), 4);
	ck_assert_int_eq(count_in(&f, "khu-cong-nghiep/kcn-thu/index.html",
	    "<h3><a href=\"/tin-tuc/tin-thu/\">Tin thử</a></h3>\n"
	    "<p class=\"meta\"><time datetime=\"2023-05-01\">01/05/2023</time>"
	    "</p>\n\n</li>"), 1);
	/* A document without title is named by its number, in its card too
	 * (it showed the list page's title). */
	ck_assert_int_eq(count_in(&f, "khu-cong-nghiep/kcn-thu/index.html",
	    "<a href=\"/van-ban/qd-02-2023/\">02/2023/QĐ-UBND</a>"), 1);
	ck_assert_int_eq(count_in(&f, "van-ban/index.html",
	    "<a href=\"/van-ban/qd-02-2023/\">02/2023/QĐ-UBND</a>"), 1);
	/* The zone's breadcrumb is its name, the row's own title. */
	ck_assert_int_eq(count_in(&f, "khu-cong-nghiep/kcn-thu/index.html",
	    "<span aria-current=\"page\">KCN Thử</span>"), 1);
	/* A measure with its kind only; a redaction without basis. */
	ck_assert_int_eq(count_in(&f,
	    "thanh-tra/2023-thanh-tra-thu/index.html", "<tr><th scope=\"row\">"
	    "Kiến nghị</th><td></td><td class=\"num\"></td></tr>"), 1);
	ck_assert_int_eq(count_in(&f,
	    "thanh-tra/2023-thanh-tra-thu/index.html",
	    "<li>Họ tên người lao động — Thông tin cá nhân</li>"), 1);
	/* A leader and a unit without phone show none (never the
	 * board's, which the contact shows once). */
	ck_assert_int_eq(count_in(&f, "to-chuc/ban/index.html",
	    "0263 3800 000"), 1);
	/* An open consultation shows how to comment; a closed one its
	 * summary without a count it does not have. */
	ck_assert_int_eq(count_in(&f, "lay-y-kien/o/index.html",
	    "consultation-open"), 1);
	ck_assert_int_eq(count_in(&f, "lay-y-kien/c/index.html",
	    "<p>S</p>"), 1);
	/* A procedure links to the national portal, not to itself (its
	 * own address is the frame's url). */
	ck_assert_int_eq(count_in(&f, "thu-tuc/p/index.html",
	    "href=\"https://dichvucong.gov.vn/x\""), 1);
	teardown_fx(&f);
}
END_TEST

/* Vietnam is UTC+07:00 all year: 17:00 UTC is already the next day. */
START_TEST(test_build_today_ict)
{
	char iso[DATE_ISO_SIZE];

	build_today_ict(0, iso);
	ck_assert_str_eq(iso, "1970-01-01");
	build_today_ict(1700000000, iso);	/* 2023-11-14 22:13 UTC */
	ck_assert_str_eq(iso, "2023-11-15");
	build_today_ict(1640969999, iso);	/* 2021-12-31 16:59:59 UTC */
	ck_assert_str_eq(iso, "2021-12-31");
	build_today_ict(1640970000, iso);	/* 2021-12-31 17:00:00 UTC */
	ck_assert_str_eq(iso, "2022-01-01");
	build_today_ict(1656608399, iso);	/* 2022-06-30 16:59:59 UTC */
	ck_assert_str_eq(iso, "2022-06-30");	/* no summer time */
	build_today_ict(-1, iso);		/* 1969-12-31 23:59:59 UTC */
	ck_assert_str_eq(iso, "1970-01-01");
}
END_TEST

/* --date, then SOURCE_DATE_EPOCH, then the commit, then today. */
START_TEST(test_build_date_pick)
{
	char iso[DATE_ISO_SIZE];
	const time_t now = 1640970000;	/* 2022-01-01 in Vietnam */
	const long long commit = 1630454400;	/* 2021-09-01 07:00 */

	ck_assert_int_eq(build_date_pick("2021-09-01", "1700000000", true,
	    commit, now, iso), 0);
	ck_assert_str_eq(iso, "2021-09-01");
	ck_assert_int_eq(build_date_pick("2022-01-15", NULL, false, 0, now,
	    iso), 0);
	ck_assert_str_eq(iso, "2022-01-15");
	ck_assert_int_eq(build_date_pick(NULL, "1700000000", true, commit,
	    now, iso), 0);
	ck_assert_str_eq(iso, "2023-11-15");
	ck_assert_int_eq(build_date_pick(NULL, "", true, commit, now, iso),
	    0);
	ck_assert_str_eq(iso, "2021-09-01");	/* empty: not set */
	ck_assert_int_eq(build_date_pick(NULL, NULL, true, commit, now, iso),
	    0);
	ck_assert_str_eq(iso, "2021-09-01");
	ck_assert_int_eq(build_date_pick(NULL, NULL, false, 0, now, iso), 0);
	ck_assert_str_eq(iso, "2022-01-01");
	/* A bad SOURCE_DATE_EPOCH is reported and passed over. */
	ck_assert_int_eq(build_date_pick(NULL, "hôm qua", false, 0, now,
	    iso), -1);
	ck_assert_str_eq(iso, "2022-01-01");
	ck_assert_int_eq(build_date_pick(NULL, "-5", true, commit, now,
	    iso), -1);
	ck_assert_str_eq(iso, "2021-09-01");
	ck_assert_int_eq(build_date_pick(NULL, "99999999999999", false, 0,
	    now, iso), -1);
	/* main refuses a bad --date; here it would be passed over too. */
	ck_assert_int_eq(build_date_pick("2021-02-29", NULL, false, 0, now,
	    iso), 0);
	ck_assert_str_eq(iso, "2022-01-01");
}
END_TEST

static const struct tu_file calendar_site[] = {
	{"content/site.yaml", "title: {vi: Cổng thử, en: Test}\n"
	    "base_url: https://example.invalid/\n"
	    "languages: [vi, en]\n"
	    "collections:\n"
	    "  news: {kind: news, title: {vi: Tin tức, en: News}, "
	    "permalink: \"/tin-tuc/:slug/\"}\n"
	    "  pages: {kind: page, permalink: \"/:slug/\"}\n"},
	{"content/news/2021-08-01-hop.md", "---\ntitle: Họp thường kỳ\n"
	    "date: 2021-08-01\n---\nA.\n"},
	{"content/news/2021-08-02-hen.md", "---\ntitle: Tin hẹn ngày\n"
	    "date: 2021-08-02\npublish_on: 2022-01-01\n---\nB.\n"},
	{"content/news/2021-08-03-tb.md", "---\ntitle: Thông báo nghỉ lễ\n"
	    "date: 2021-08-03\nexpires_on: 2021-12-31\n---\nC.\n"},
	/* Translations without the fields: they follow the main one. */
	{"content/news/2021-08-02-hen.en.md", "---\ntitle: Due news\n"
	    "date: 2021-08-02\n---\nB.\n"},
	{"content/news/2021-08-03-tb.en.md", "---\ntitle: Holiday notice\n"
	    "date: 2021-08-03\n---\nC.\n"},
	{"content/pages/hen.md", "---\ntitle: Trang hẹn\n"
	    "publish_on: 2022-01-01\n---\nD.\n"},
	{NULL, NULL},
};

/*
 * publish_on holds a record (of any kind) back until that day, with a
 * warning at the field; expires_on takes a notice out of the lists the
 * day after, its page kept.  The same date twice: the same bytes.
 */
START_TEST(test_build_calendar)
{
	struct fx f;
	const char *err;
	char out2[400];
	char *diff;
	struct buf b = {0};

	setup_fx(&f, calendar_site);
	ck_assert_int_eq(run_on(&f, BUILD_BUILD, f.out, "2021-12-31", &err),
	    0);
	ck_assert_ptr_nonnull(strstr(err, "content/news/2021-08-02-hen.md:4:13"
	    ": cảnh báo: "));
	ck_assert_ptr_nonnull(strstr(err, "2022-01-01"));
	ck_assert_ptr_nonnull(strstr(err, "2021-12-31"));
	ck_assert_int_eq(tu_count(err, "[publish.publish-on]"), 2);
	ck_assert(!tu_exists(f.out, "tin-tuc/hen/index.html"));
	ck_assert(!tu_exists(f.out, "hen/index.html"));
	ck_assert(!tu_exists(f.out, "en/tin-tuc/hen/index.html"));
	ck_assert(tu_read(f.out, "en/tin-tuc/index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Holiday notice"));
	ck_assert(tu_tree_find(f.out, "Tin hẹn ngày") == NULL);
	ck_assert(tu_read(f.out, "tin-tuc/index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Thông báo nghỉ lễ"));
	ck_assert(tu_read(f.out, "index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Thông báo nghỉ lễ"));

	TU_FMT(out2, "%s/out2", f.dir);
	ck_assert_int_eq(run_on(&f, BUILD_BUILD, out2, "2022-01-01", &err),
	    0);
	ck_assert_ptr_null(strstr(err, "[publish."));
	ck_assert(tu_read(out2, "tin-tuc/hen/index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Tin hẹn ngày"));
	ck_assert(tu_exists(out2, "hen/index.html"));
	ck_assert(tu_exists(out2, "en/tin-tuc/hen/index.html"));
	ck_assert(tu_read(out2, "en/tin-tuc/index.html", &b));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "Holiday notice"));
	ck_assert(tu_exists(out2, "en/tin-tuc/tb/index.html"));
	/* Expired: out of the list, the home page and the feeds... */
	ck_assert(tu_read(out2, "tin-tuc/index.html", &b));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "Thông báo nghỉ lễ"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Họp thường kỳ"));
	ck_assert(tu_read(out2, "index.html", &b));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "Thông báo nghỉ lễ"));
	ck_assert(tu_read(out2, "tin-tuc/atom.xml", &b));
	ck_assert_ptr_null(strstr(buf_cstr(&b), "Thông báo nghỉ lễ"));
	/* ...its page still there. */
	ck_assert(tu_read(out2, "tin-tuc/tb/index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "Thông báo nghỉ lễ"));

	/* Reproducible: the date, not the clock, decides. */
	ck_assert_int_eq(run_on(&f, BUILD_BUILD, f.out, "2022-01-01", &err),
	    0);
	diff = tu_tree_diff(f.out, out2);
	ck_assert_msg(diff == NULL, "differs: %s", diff);
	buf_release(&b);
	teardown_fx(&f);
}
END_TEST

Suite *
build_suite(void)
{
	Suite *s = suite_create("build");
	TCase *tc;

	tc = tcase_create("run");
	tcase_add_test(tc, test_build_ok);
	tcase_add_test(tc, test_build_deterministic);
	tcase_add_test(tc, test_build_no_repository);
	tcase_add_test(tc, test_build_calendar);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);

	tc = tcase_create("date");
	tcase_add_test(tc, test_build_today_ict);
	tcase_add_test(tc, test_build_date_pick);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, test_build_error_keeps_previous);
	tcase_add_test(tc, test_build_template_error);
	tcase_add_test(tc, test_build_check_renders);
	tcase_add_test(tc, test_build_borrow_absent);
	tcase_add_test(tc, test_build_unknown_kind);
	tcase_add_test(tc, test_build_bad_epoch);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);

	tc = tcase_create("unsafe");
	tcase_add_test(tc, test_build_out_is_source);
	tcase_add_test(tc, test_build_foreign_out);
	tcase_add_test(tc, test_build_bad_source);
	tcase_add_test(tc, test_build_check_writes_nothing);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return s;
}
