/*
 * feeds: the data pages made from the finished model, byte for byte on
 * small sites: an Atom feed per dated collection and language (entries
 * of untranslated records marked with their xml:lang, drafts left out,
 * at most 50), the JSON list, sitemap.xml and robots.txt.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "site.h"
#include "testutil.h"

Suite *feeds_suite(void);

#define ONE_SITE                                                        \
	"title: Cổng thử\n"                                             \
	"base_url: https://example.invalid/cong/\n"                     \
	"collections:\n"                                                \
	"  news: {kind: news, title: Tin tức, permalink: "              \
	"\"/tin-tuc/:year/:month/:day/:slug/\"}\n"

static const struct tu_file one[] = {
	{"content/site.yaml", ONE_SITE},
	{"content/news/2020-01-15-a.md", "---\ntitle: A & B\n"
	    "date: 2020-01-15\nsummary: Tóm tắt <b>\n---\nThân bài.\n"},
	{"content/news/2020-02-01-nhap.md",
	    "---\ntitle: Nháp\ndate: 2020-02-01\ndraft: true\n---\n"},
	{NULL, NULL},
};

START_TEST(test_feeds_atom_exact)
{
	struct tu_site t;

	tu_site_load(&t, one);
	ck_assert_int_eq(tu_site_model(&t), 0);
	ck_assert_str_eq(tu_data(t.s, "tin-tuc/atom.xml"),
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
	    "  <title>Tin tức — Cổng thử</title>\n"
	    "  <id>https://example.invalid/cong/tin-tuc/atom.xml</id>\n"
	    "  <link rel=\"self\" "
	    "href=\"https://example.invalid/cong/tin-tuc/atom.xml\"/>\n"
	    "  <link rel=\"alternate\" type=\"text/html\" "
	    "href=\"https://example.invalid/cong/tin-tuc/\"/>\n"
	    "  <updated>2020-01-15T00:00:00+07:00</updated>\n"
	    "  <generator>minhbach</generator>\n"
	    "  <entry>\n"
	    "    <title>A &amp; B</title>\n"
	    "    <id>https://example.invalid/cong/tin-tuc/2020/01/15/a/</id>\n"
	    "    <link rel=\"alternate\" type=\"text/html\" "
	    "href=\"https://example.invalid/cong/tin-tuc/2020/01/15/a/\"/>\n"
	    "    <published>2020-01-15T00:00:00+07:00</published>\n"
	    "    <updated>2020-01-15T00:00:00+07:00</updated>\n"
	    "    <author><name>Cổng thử</name></author>\n"
	    "    <summary>Tóm tắt &lt;b&gt;</summary>\n"
	    "  </entry>\n"
	    "</feed>\n");
	/* The data page knows its length and origin. */
	ck_assert_uint_eq(tu_page(t.s, "tin-tuc/atom.xml")->len,
	    strlen(tu_data(t.s, "tin-tuc/atom.xml")));
	ck_assert_str_eq(tu_page(t.s, "tin-tuc/atom.xml")->origin,
	    "content/news");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_feeds_json_exact)
{
	struct tu_site t;

	tu_site_load(&t, one);
	ck_assert_int_eq(tu_site_model(&t), 0);
	ck_assert_str_eq(tu_data(t.s, "tin-tuc/index.json"),
	    "{\n  \"collection\": \"news\",\n  \"kind\": \"news\",\n"
	    "  \"lang\": \"vi\",\n  \"items\": [\n"
	    "    {\"url\":\"https://example.invalid/cong/tin-tuc/2020/01/15/a/\",\"lang\":\"vi\","
	    "\"date_iso\":\"2020-01-15\",\"title\":\"A & B\","
	    "\"date\":\"2020-01-15\",\"summary\":\"Tóm tắt \\u003cb>\"}\n"
	    "  ]\n}\n");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_feeds_sitemap_robots)
{
	struct tu_site t;

	tu_site_load(&t, one);
	ck_assert_int_eq(tu_site_model(&t), 0);
	/* Pages only (no 404, feeds or drafts), sorted, dated items with
	 * their date. */
	ck_assert_str_eq(tu_data(t.s, "sitemap.xml"),
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
	    "  <url><loc>https://example.invalid/cong/</loc></url>\n"
	    "  <url><loc>https://example.invalid/cong/tin-tuc/2020/01/15/a/"
	    "</loc><lastmod>2020-01-15</lastmod></url>\n"
	    "  <url><loc>https://example.invalid/cong/tin-tuc/</loc></url>\n"
	    "</urlset>\n");
	ck_assert_str_eq(tu_data(t.s, "robots.txt"),
	    "User-agent: *\nAllow: /\n"
	    "Sitemap: https://example.invalid/cong/sitemap.xml\n");
	tu_site_close(&t);
}
END_TEST

static const struct tu_file two[] = {
	{"content/site.yaml", "title: {vi: Cổng, en: Portal}\n"
	    "base_url: https://example.invalid/\n"
	    "languages: [vi, en]\n"
	    "collections:\n"
	    "  news: {kind: news, title: {vi: Tin, en: News}, "
	    "permalink: \"/tin/:slug/\"}\n"
	    "  trang: {kind: page, title: Trang}\n"},
	{"content/news/2020-01-01-a.md", "---\ntitle: A vi\ndate: 2020-01-01\n"
	    "---\n"},
	{"content/news/2020-01-02-b.md", "---\ntitle: B vi\ndate: 2020-01-02\n"
	    "---\n"},
	{"content/news/2020-01-02-b.en.md", "---\ntitle: B en\n"
	    "date: 2020-01-02\n---\n"},
	{"content/news/2020-01-03-c.en.md", "---\ntitle: C en\n"
	    "date: 2020-01-03\n---\n"},
	{"content/news/2020-03-01-d.md", "---\ntitle: D nháp\n"
	    "date: 2020-03-01\ndraft: true\n---\n"},
	{"content/trang/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n"},
	{NULL, NULL},
};

START_TEST(test_feeds_languages)
{
	struct tu_site t;
	const char *vi, *en;

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	vi = tu_data(t.s, "tin/atom.xml");
	en = tu_data(t.s, "en/tin/atom.xml");
	ck_assert_ptr_nonnull(strstr(vi, "xml:lang=\"vi\">\n  <title>Tin — "
	    "Cổng</title>\n"));
	ck_assert_ptr_nonnull(strstr(en, "xml:lang=\"en\">\n  <title>News — "
	    "Portal</title>\n"));
	/* vi: B, A; the draft D (newest) neither listed nor "updated". */
	ck_assert_uint_eq(tu_count(vi, "<entry>"), 2);
	ck_assert_uint_eq(tu_count(vi, "<entry "), 0);
	ck_assert_ptr_null(strstr(vi, "nháp"));
	ck_assert_ptr_nonnull(strstr(vi,
	    "<updated>2020-01-02T00:00:00+07:00</updated>\n"
	    "  <generator>"));
	ck_assert_ptr_nonnull(strstr(vi, "<title>B vi</title>"));
	ck_assert_ptr_null(strstr(vi, "B en"));
	/* en: C, B en, and A in Vietnamese, marked as such. */
	ck_assert_uint_eq(tu_count(en, "<entry>"), 2);
	ck_assert_uint_eq(tu_count(en, "<entry xml:lang=\"vi\">"), 1);
	ck_assert_ptr_nonnull(strstr(en, "<entry xml:lang=\"vi\">\n"
	    "    <title>A vi</title>\n"
	    "    <id>https://example.invalid/tin/a/</id>\n"));
	ck_assert_ptr_nonnull(strstr(en, "<entry>\n    <title>C en</title>\n"
	    "    <id>https://example.invalid/en/tin/c/</id>\n"));
	ck_assert_ptr_null(strstr(en, "B vi"));
	ck_assert_ptr_nonnull(strstr(en,
	    "<updated>2020-01-03T00:00:00+07:00</updated>\n"
	    "  <generator>"));
	ck_assert_ptr_nonnull(strstr(en, "<author><name>Portal</name>"));
	/* Newest first: C before B before A. */
	ck_assert(strstr(en, "C en") < strstr(en, "B en"));
	ck_assert(strstr(en, "B en") < strstr(en, "A vi"));
	/* Undated collections have no feed, but a JSON list. */
	ck_assert_ptr_null(tu_page(t.s, "trang/atom.xml"));
	ck_assert_ptr_nonnull(strstr(tu_data(t.s, "trang/index.json"),
	    "\"title\":\"Giới thiệu\""));
	tu_site_close(&t);
}
END_TEST

START_TEST(test_feeds_json_languages)
{
	struct tu_site t;
	const char *vi, *en;

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	vi = tu_data(t.s, "tin/index.json");
	en = tu_data(t.s, "en/tin/index.json");
	ck_assert_ptr_nonnull(strstr(vi, "\"lang\": \"vi\",\n"));
	ck_assert_ptr_nonnull(strstr(en, "\"lang\": \"en\",\n"));
	ck_assert_uint_eq(tu_count(vi, "{\"url\":"), 2);
	ck_assert_uint_eq(tu_count(en, "{\"url\":"), 3);
	/* A fallback record keeps its own language. */
	ck_assert_ptr_nonnull(strstr(en, "{\"url\":\"https://example.invalid/tin/a/\",\"lang\":\"vi\","
	    "\"date_iso\":\"2020-01-01\",\"title\":\"A vi\","
	    "\"date\":\"2020-01-01\"}"));
	/* Drafts are not published, nor the draft flag. */
	ck_assert_ptr_null(strstr(vi, "nháp"));
	ck_assert_ptr_null(strstr(vi, "\"draft\""));
	tu_site_close(&t);
}
END_TEST

START_TEST(test_feeds_sitemap_languages)
{
	struct tu_site t;
	const char *sm;

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	sm = tu_data(t.s, "sitemap.xml");
	ck_assert_ptr_nonnull(strstr(sm, "<loc>https://example.invalid/en/tin/"
	    "b/</loc><lastmod>2020-01-02</lastmod>"));
	ck_assert_ptr_nonnull(strstr(sm, "<loc>https://example.invalid/"
	    "trang/gioi-thieu/</loc></url>"));
	ck_assert_ptr_null(strstr(sm, "/tin/d/"));
	ck_assert_ptr_null(strstr(sm, "404"));
	ck_assert_ptr_null(strstr(sm, "atom.xml"));
	/* home ×2, lists news ×2 and trang ×2, items a b b.en c.en page. */
	ck_assert_uint_eq(tu_count(sm, "<url>"), 11);
	tu_site_close(&t);
}
END_TEST

START_TEST(test_feeds_limit)
{
	struct tu_file files[64];
	static char names[60][64], texts[60][96];
	struct tu_site t;
	const char *atom;
	int i;

	files[0].path = "content/site.yaml";
	files[0].text = ONE_SITE;
	for (i = 0; i < 60; i++) {
		snprintf(names[i], sizeof names[i],
		    "content/news/2020-%02d-%02d-t%d.md", 1 + i / 28,
		    1 + i % 28, i);
		snprintf(texts[i], sizeof texts[i],
		    "---\ntitle: T%d\ndate: 2020-%02d-%02d\n---\n", i,
		    1 + i / 28, 1 + i % 28);
		files[i + 1].path = names[i];
		files[i + 1].text = texts[i];
	}
	files[61].path = NULL;
	files[61].text = NULL;
	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	atom = tu_data(t.s, "tin-tuc/atom.xml");
	/* The 50 newest: T59 … T10. */
	ck_assert_uint_eq(tu_count(atom, "<entry>"), 50);
	ck_assert_ptr_nonnull(strstr(atom, "<title>T59</title>"));
	ck_assert_ptr_nonnull(strstr(atom, "<title>T10</title>"));
	ck_assert_ptr_null(strstr(atom, "<title>T9</title>"));
	/* The JSON list has them all. */
	ck_assert_uint_eq(tu_count(tu_data(t.s, "tin-tuc/index.json"),
	    "{\"url\":"), 60);
	tu_site_close(&t);
}
END_TEST

Suite *
feeds_suite(void)
{
	Suite *s = suite_create("feeds");
	TCase *tc;

	tc = tcase_create("exact");
	tcase_add_test(tc, test_feeds_atom_exact);
	tcase_add_test(tc, test_feeds_json_exact);
	tcase_add_test(tc, test_feeds_sitemap_robots);
	suite_add_tcase(s, tc);

	tc = tcase_create("languages");
	tcase_add_test(tc, test_feeds_languages);
	tcase_add_test(tc, test_feeds_json_languages);
	tcase_add_test(tc, test_feeds_sitemap_languages);
	suite_add_tcase(s, tc);

	tc = tcase_create("limit");
	tcase_add_test(tc, test_feeds_limit);
	tcase_set_timeout(tc, 20);
	suite_add_tcase(s, tc);
	return s;
}
