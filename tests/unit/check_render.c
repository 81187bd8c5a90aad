/*
 * render: render_site on small models into temporary folders.  One
 * worker and four give the same bytes; pages, data pages and copies are
 * written where the model says; a missing partial in a build is a
 * located error; a raised stop flag writes nothing; without a folder
 * (check) pages are rendered, errors found, nothing written.
 */
#include <check.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "render.h"
#include "site.h"
#include "testutil.h"

Suite *render_suite(void);

#define NITEMS 40

/* Renders t's model into a new folder below t->dir; returns the result. */
static int
render_into(struct tu_site *t, const char *name, int jobs,
    volatile sig_atomic_t *stop, char *path, size_t size)
{
	int fd, rc;

	snprintf(path, size, "%s/%s", t->dir, name);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	fd = open(path, O_RDONLY | O_DIRECTORY);
	ck_assert_int_ge(fd, 0);
	rc = render_site(t->s, t->th, t->src, fd, jobs, stop);
	close(fd);
	return rc;
}

/* A two-language site with NITEMS news items, attachments, a static. */
static void
load_many(struct tu_site *t)
{
	struct tu_file files[NITEMS + 8];
	static char names[NITEMS][64], texts[NITEMS][256];
	size_t k = 0;
	int i;

	files[k].path = "content/site.yaml";
	files[k++].text = "title: {vi: Cổng thử, en: Test portal}\n"
	    "base_url: https://example.invalid/\n"
	    "languages: [vi, en]\nper_page: 7\n"
	    "menu:\n  - {title: Tin, url: tin-tuc/}\n"
	    "collections:\n"
	    "  news: {kind: news, title: {vi: Tin tức, en: News}, "
	    "permalink: \"/tin-tuc/:slug/\"}\n";
	for (i = 0; i < NITEMS; i++) {
		/* Pairs: tin-K.md and tin-K.en.md, one date. */
		snprintf(names[i], sizeof names[i],
		    "content/news/2020-01-%02d-tin-%d%s.md", 1 + i / 2, i / 2,
		    i % 2 ? ".en" : "");
		snprintf(texts[i], sizeof texts[i],
		    "---\ntitle: Tin %d <&>\ndate: 2020-01-%02d\n---\n"
		    "Thân **bài** %d.\n\n## Mục một\n\nA.\n\n## Mục hai\n\n"
		    "| a | b |\n|---|---|\n| 1 | 2 |\n", i, 1 + i / 2, i);
		files[k].path = names[i];
		files[k++].text = texts[i];
	}
	files[k].path = "content/files/qd.pdf";
	files[k++].text = "%PDF-1.4 giả";
	files[k].path = NULL;
	files[k].text = NULL;
	tu_site_load(t, files);
	ck_assert_int_eq(tu_site_model(t), 0);
}

START_TEST(test_render_jobs_identical)
{
	struct tu_site t;
	volatile sig_atomic_t stop = 0;
	char one[512], four[512], eight[512];
	char *diff;
	struct buf b = {0};

	load_many(&t);
	ck_assert_int_eq(render_into(&t, "out1", 1, &stop, one, sizeof one),
	    0);
	ck_assert_int_eq(render_into(&t, "out4", 4, &stop, four, sizeof four),
	    0);
	ck_assert_int_eq(render_into(&t, "out0", 0, &stop, eight,
	    sizeof eight), 0);
	ck_assert_str_eq(tu_diags_text(t.a, t.d), "");
	diff = tu_tree_diff(one, four);
	ck_assert_msg(diff == NULL, "jobs=1 and jobs=4 differ: %s", diff);
	diff = tu_tree_diff(one, eight);
	ck_assert_msg(diff == NULL, "jobs=1 and jobs=0 differ: %s", diff);
	/* Every page and copy of the model is there, nothing more. */
	tu_list(one, &b);
	ck_assert_uint_eq(tu_count(buf_cstr(&b), "\n"),
	    t.s->npages + t.s->ncopies);
	buf_release(&b);
	tu_site_close(&t);
}
END_TEST

START_TEST(test_render_pages)
{
	struct tu_site t;
	volatile sig_atomic_t stop = 0;
	char out[512];
	struct buf b = {0};

	load_many(&t);
	ck_assert_int_eq(render_into(&t, "out", 2, &stop, out, sizeof out),
	    0);
	/* An item: Markdown rendered into the theme's single template. */
	ck_assert(tu_read(out, "tin-tuc/tin-3/index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "<html lang=\"vi\">"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "<h1>Tin 6 &lt;&amp;&gt;</h1>"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "<p>Thân <strong>bài</strong> 6.</p>"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "<table>"));
	/* Two headings: a table of contents. */
	ck_assert_uint_eq(tu_count(buf_cstr(&b), "<li>2 <a href=\"#"), 2);
	/* The menu: the list page is current, not its items. */
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b),
	    "<nav><a href=\"/tin-tuc/\">Tin</a> </nav>"));
	ck_assert(tu_read(out, "en/tin-tuc/tin-3/index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "<html lang=\"en\">"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "<h1>Tin 7 &lt;&amp;&gt;"
	    "</h1>"));
	/* Lists, paginated (20 per language, 7 a page). */
	ck_assert(tu_exists(out, "tin-tuc/index.html"));
	ck_assert(tu_exists(out, "tin-tuc/trang/3/index.html"));
	ck_assert(!tu_exists(out, "tin-tuc/trang/4"));
	ck_assert(tu_exists(out, "en/tin-tuc/page/3/index.html"));
	ck_assert(tu_read(out, "tin-tuc/index.html", &b));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "<h1>Tin tức (20)</h1>"));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "<nav><a href=\"/tin-tuc/\" "
	    "aria-current=\"page\">Tin</a> </nav>"));
	/* Data pages and copies, byte for byte. */
	ck_assert(tu_read(out, "tin-tuc/atom.xml", &b));
	ck_assert_str_eq(buf_cstr(&b), tu_data(t.s, "tin-tuc/atom.xml"));
	ck_assert(tu_read(out, "robots.txt", &b));
	ck_assert_str_eq(buf_cstr(&b), "User-agent: *\nAllow: /\n"
	    "Sitemap: https://example.invalid/sitemap.xml\n");
	ck_assert(tu_read(out, "files/qd.pdf", &b));
	ck_assert_str_eq(buf_cstr(&b), "%PDF-1.4 giả");
	ck_assert(tu_read(out, "style.css", &b));
	ck_assert_str_eq(buf_cstr(&b), "body { font-family: system-ui; }\n");
	ck_assert(tu_exists(out, "404.html"));
	ck_assert(tu_exists(out, "en/404.html"));
	buf_release(&b);
	tu_site_close(&t);
}
END_TEST

/* A site whose item template names a partial the theme lacks. */
static const struct tu_file missing_partial[] = {
	{"content/site.yaml", "title: T\ncollections:\n"
	    "  news: {kind: news}\n"},
	{"content/news/2020-01-01-a.md",
	    "---\ntitle: A\ndate: 2020-01-01\n---\nx\n"},
	{"themes/default/templates/single.mustache",
	    "<h1>{{title}}</h1>\n  {{>partials/nope}}\n"},
	{"themes/default/templates/list.mustache", "list"},
	{"themes/default/templates/home.mustache", "home"},
	{"themes/default/templates/404.mustache", "404"},
	{"themes/default/i18n/vi.yaml", "a: b\n"},
	{NULL, NULL},
};

START_TEST(test_render_missing_partial)
{
	struct tu_site t;
	volatile sig_atomic_t stop = 0;
	char out[512];
	const char *txt;

	tu_site_load_theme(&t, missing_partial, NULL);
	ck_assert_int_eq(tu_site_model(&t), 0);
	ck_assert_int_eq(render_into(&t, "out", 4, &stop, out, sizeof out),
	    -1);
	txt = tu_diags_text(t.a, t.d);
	ck_assert_uint_eq(diags_errors(t.d), 1);
	TU_ASSERT_PREFIX(txt, "themes/default/templates/single.mustache:"
	    "2:3: lỗi: ");
	ck_assert_ptr_nonnull(strstr(txt, "«partials/nope»"));
	ck_assert_ptr_nonnull(strstr(txt, "[template.partial-missing]\n"));
	/* The other pages are written; the broken one is not. */
	ck_assert(tu_exists(out, "index.html"));
	ck_assert(!tu_exists(out, "news/a/index.html"));
	tu_site_close(&t);
}
END_TEST

/*
 * Output bytes per page (RENDER_MAX_PAGE_BYTES): a located error, in
 * check as in build.  A body whose HTML alone passes the limit is
 * refused at the body, before a template sees it; a template that
 * repeats it past the limit, at the record.
 */
static void
big_site(struct tu_site *t, struct buf *body, size_t lines,
    const char *single)
{
	struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  news: {kind: news}\n"},
		{"content/news/2020-01-01-a.md", NULL},
		{"themes/default/templates/single.mustache", single},
		{"themes/default/templates/list.mustache", "list"},
		{"themes/default/templates/home.mustache", "home"},
		{"themes/default/templates/404.mustache", "404"},
		{"themes/default/i18n/vi.yaml", "a: b\n"},
		{NULL, NULL},
	};
	size_t i;

	buf_reset(body);
	buf_adds(body, "---\ntitle: A\ndate: 2020-01-01\n---\n");
	/* A line of 99 '"' becomes 99 "&quot;": six times the bytes, in
	 * one paragraph (quick to parse). */
	for (i = 0; i < lines; i++)
		buf_adds(body, "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\""
		    "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\""
		    "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\n");
	files[1].text = buf_cstr(body);
	tu_site_load_theme(t, files, NULL);
	ck_assert_int_eq(tu_site_model(t), 0);
}

START_TEST(test_render_page_limit)
{
	struct tu_site t;
	volatile sig_atomic_t stop = 0;
	struct buf body = {0};
	struct diag_view *v;
	char out[512];
	/* 600 bytes of HTML a line: just over the limit. */
	size_t lines = RENDER_MAX_PAGE_BYTES / 600 + 1000;

	/* The body alone: at its first line, in check and in build. */
	big_site(&t, &body, lines, "{{{content}}}");
	ck_assert_int_eq(render_site(t.s, t.th, t.src, -1, 2, &stop), -1);
	ck_assert_uint_eq(diags_view(t.d, t.a, &v), 1);
	ck_assert_str_eq(v[0].id, "render.page-too-large");
	ck_assert_str_eq(v[0].pos.path, "content/news/2020-01-01-a.md");
	ck_assert_uint_eq(v[0].pos.line, 5);
	ck_assert_ptr_nonnull(strstr(v[0].text, "16 MiB"));
	ck_assert_int_eq(render_into(&t, "out", 2, &stop, out, sizeof out),
	    -1);
	ck_assert_uint_eq(diags_view(t.d, t.a, &v), 1);
	ck_assert(!tu_exists(out, "news/a/index.html"));
	tu_site_close(&t);
	/* A template that repeats a body under the limit past it: at the
	 * record. */
	big_site(&t, &body, lines / 3, "{{{content}}}{{{content}}}"
	    "{{{content}}}{{{content}}}");
	ck_assert_int_eq(render_site(t.s, t.th, t.src, -1, 2, &stop), -1);
	ck_assert_uint_eq(diags_view(t.d, t.a, &v), 1);
	ck_assert_str_eq(v[0].id, "render.page-too-large");
	ck_assert_str_eq(v[0].pos.path, "content/news/2020-01-01-a.md");
	ck_assert_uint_eq(v[0].pos.line, 1);
	tu_site_close(&t);
	buf_release(&body);
}
END_TEST

START_TEST(test_render_stop)
{
	struct tu_site t;
	volatile sig_atomic_t stop = 1;
	char out[512];
	struct buf b = {0};

	load_many(&t);
	ck_assert_int_eq(render_into(&t, "out", 4, &stop, out, sizeof out),
	    -1);
	tu_list(out, &b);
	ck_assert_str_eq(buf_cstr(&b), "");
	buf_release(&b);
	tu_site_close(&t);
}
END_TEST

/* Without a folder (check): every page rendered, nothing written. */
START_TEST(test_render_dry)
{
	struct tu_site t;
	volatile sig_atomic_t stop = 0;
	struct buf before = {0}, after = {0};

	load_many(&t);
	tu_list(t.dir, &before);
	ck_assert_int_eq(render_site(t.s, t.th, t.src, -1, 4, &stop), 0);
	ck_assert_str_eq(tu_diags_text(t.a, t.d), "");
	tu_list(t.dir, &after);
	ck_assert_str_eq(buf_cstr(&after), buf_cstr(&before));
	tu_site_close(&t);
	/* The errors are those of a build. */
	tu_site_load_theme(&t, missing_partial, NULL);
	ck_assert_int_eq(tu_site_model(&t), 0);
	tu_list(t.dir, &before);
	ck_assert_int_eq(render_site(t.s, t.th, t.src, -1, 2, &stop), -1);
	TU_ASSERT_PREFIX(tu_diags_text(t.a, t.d), "themes/default/templates/"
	    "single.mustache:2:3: lỗi: ");
	tu_assert_diag(t.d, "«partials/nope»");
	tu_assert_diag(t.d, "[template.partial-missing]\n");
	ck_assert_uint_eq(diags_errors(t.d), 1);
	tu_list(t.dir, &after);
	ck_assert_str_eq(buf_cstr(&after), buf_cstr(&before));
	buf_release(&before);
	buf_release(&after);
	tu_site_close(&t);
}
END_TEST

Suite *
render_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc;

	tc = tcase_create("write");
	tcase_add_test(tc, test_render_jobs_identical);
	tcase_add_test(tc, test_render_pages);
	tcase_add_test(tc, test_render_stop);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, test_render_missing_partial);
	tcase_add_test(tc, test_render_dry);
	tcase_add_test(tc, test_render_page_limit);
	tcase_set_timeout(tc, 30);	/* pages of 16 MiB */
	suite_add_tcase(s, tc);
	return s;
}
