/*
 * meta: the head's metadata of a page.  Canonical URLs, the hreflang
 * alternates (absolute, the page's own included, none for a page alone),
 * the sitemap's xhtml:link entries, the OpenGraph keys, and JSON-LD that
 * a hostile title cannot break out of.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "meta.h"
#include "site.h"
#include "testutil.h"
#include "value.h"

Suite *meta_suite(void);

static const struct tu_file two[] = {
	{"content/site.yaml", "title: {vi: Cổng, en: Portal}\n"
	    "description: {vi: Mô tả, en: About}\n"
	    "base_url: https://example.invalid/cong/\n"
	    "languages: [vi, en]\n"
	    "contact: {address: {vi: Đà Lạt, en: Da Lat}, "
	    "email: a@example.invalid}\n"
	    "collections:\n"
	    "  news: {kind: news, title: {vi: Tin, en: News}, "
	    "permalink: \"/tin/:slug/\"}\n"},
	{"content/news/2020-01-01-a.md", "---\ntitle: A vi\ndate: 2020-01-01\n"
	    "---\n"},
	{"content/news/2020-01-02-b.md", "---\ntitle: B vi\ndate: 2020-01-02\n"
	    "---\n"},
	{"content/news/2020-01-02-b.en.md", "---\ntitle: B en\n"
	    "date: 2020-01-02\n---\n"},
	{"content/news/2020-01-03-x.md", "---\ntitle: \"</script><script>"
	    "alert(1)</script>\"\ndate: 2020-01-03\n"
	    "summary: \"Nói \\\"thật\\\" <!-- đây\"\n---\n"},
	{NULL, NULL},
};

START_TEST(test_meta_canonical)
{
	struct tu_site t;

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	ck_assert_str_eq(meta_page_url(t.s, t.a, tu_page(t.s, "index.html")),
	    "https://example.invalid/cong/");
	ck_assert_str_eq(meta_page_url(t.s, t.a, tu_page(t.s,
	    "en/tin/b/index.html")), "https://example.invalid/cong/en/tin/b/");
	ck_assert_str_eq(meta_page_url(t.s, t.a, tu_page(t.s, "404.html")),
	    "https://example.invalid/cong/404.html");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_meta_alternates)
{
	struct tu_site t;
	struct meta_alt alt[SITE_MAX_LANGS];

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	/* A translated record: both versions, the site's order, from
	 * either side. */
	ck_assert_uint_eq(meta_alternates(t.s, t.a, tu_page(t.s,
	    "en/tin/b/index.html"), alt), 2);
	ck_assert_str_eq(alt[0].lang, "vi");
	ck_assert_str_eq(alt[0].url, "https://example.invalid/cong/tin/b/");
	ck_assert_str_eq(alt[1].lang, "en");
	ck_assert_str_eq(alt[1].url, "https://example.invalid/cong/en/tin/b/");
	ck_assert_uint_eq(meta_alternates(t.s, t.a, tu_page(t.s,
	    "tin/b/index.html"), alt), 2);
	ck_assert_str_eq(alt[1].url, "https://example.invalid/cong/en/tin/b/");
	/* An untranslated record has none. */
	ck_assert_uint_eq(meta_alternates(t.s, t.a, tu_page(t.s,
	    "tin/a/index.html"), alt), 0);
	/* The home page and a list's first page exist in every language. */
	ck_assert_uint_eq(meta_alternates(t.s, t.a, tu_page(t.s,
	    "en/index.html"), alt), 2);
	ck_assert_str_eq(alt[0].url, "https://example.invalid/cong/");
	ck_assert_uint_eq(meta_alternates(t.s, t.a, tu_page(t.s,
	    "tin/index.html"), alt), 2);
	ck_assert_str_eq(alt[1].url, "https://example.invalid/cong/en/tin/");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_meta_sitemap)
{
	struct tu_site t;
	const char *sm;

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	sm = tu_data(t.s, "sitemap.xml");
	ck_assert_ptr_nonnull(strstr(sm,
	    "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
	ck_assert_ptr_nonnull(strstr(sm,
	    "<url><loc>https://example.invalid/cong/en/tin/b/</loc>"
	    "<lastmod>2020-01-02</lastmod>\n"
	    "    <xhtml:link rel=\"alternate\" hreflang=\"vi\" "
	    "href=\"https://example.invalid/cong/tin/b/\"/>\n"
	    "    <xhtml:link rel=\"alternate\" hreflang=\"en\" "
	    "href=\"https://example.invalid/cong/en/tin/b/\"/>\n"
	    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" "
	    "href=\"https://example.invalid/cong/tin/b/\"/>\n"
	    "  </url>\n"));
	/* A page alone: one line, no links. */
	ck_assert_ptr_nonnull(strstr(sm,
	    "<url><loc>https://example.invalid/cong/tin/a/</loc>"
	    "<lastmod>2020-01-01</lastmod></url>\n"));
	/* Home ×2 and list ×2 have versions, and so has b ×2. */
	ck_assert_uint_eq(tu_count(sm, "hreflang=\"x-default\""), 6);
	tu_site_close(&t);
}
END_TEST

START_TEST(test_meta_frame)
{
	struct tu_site t;
	struct value *over;

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	over = value_map(t.a);
	meta_frame(t.s, t.a, tu_page(t.s, "en/tin/b/index.html"), over);
	ck_assert_str_eq(value_map_str(over, "canonical"),
	    "https://example.invalid/cong/en/tin/b/");
	ck_assert_str_eq(value_map_str(over, "x_default"),
	    "https://example.invalid/cong/tin/b/");
	ck_assert_uint_eq(value_map_get(over, "alternates")->n, 2);
	ck_assert_str_eq(value_map_str(over, "og_locale"), "en_US");
	ck_assert_str_eq(value_map_str(over, "og_type"), "article");
	ck_assert_ptr_nonnull(strstr(value_map_str(over, "jsonld"),
	    "\"@type\":\"NewsArticle\""));
	/* A list: a website, no JSON-LD, its versions. */
	over = value_map(t.a);
	meta_frame(t.s, t.a, tu_page(t.s, "tin/index.html"), over);
	ck_assert_str_eq(value_map_str(over, "og_type"), "website");
	ck_assert_str_eq(value_map_str(over, "og_locale"), "vi_VN");
	ck_assert_ptr_null(value_map_get(over, "jsonld"));
	ck_assert_str_eq(value_map_str(over, "x_default"),
	    "https://example.invalid/cong/tin/");
	/* A page alone: its canonical, nothing else to link. */
	over = value_map(t.a);
	meta_frame(t.s, t.a, tu_page(t.s, "tin/a/index.html"), over);
	ck_assert_ptr_null(value_map_get(over, "alternates"));
	ck_assert_ptr_null(value_map_get(over, "x_default"));
	tu_site_close(&t);
}
END_TEST

START_TEST(test_meta_jsonld_home)
{
	struct tu_site t;
	struct buf b = {0};

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	meta_jsonld(t.s, t.a, tu_page(t.s, "en/index.html"), &b);
	ck_assert_str_eq(buf_cstr(&b), "{\"@context\":\"https://schema.org\","
	    "\"@type\":\"GovernmentOrganization\",\"name\":\"Portal\","
	    "\"url\":\"https://example.invalid/cong/en/\","
	    "\"description\":\"About\","
	    "\"logo\":\"https://example.invalid/cong/apple-touch-icon.png\","
	    "\"address\":{\"@type\":\"PostalAddress\","
	    "\"streetAddress\":\"Da Lat\",\"addressCountry\":\"VN\"},"
	    "\"email\":\"a@example.invalid\"}");
	buf_release(&b);
	tu_site_close(&t);
}
END_TEST

START_TEST(test_meta_jsonld_hostile)
{
	struct tu_site t;
	struct buf b = {0};
	const char *j;

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	meta_jsonld(t.s, t.a, tu_page(t.s, "tin/x/index.html"), &b);
	j = buf_cstr(&b);
	/* Nothing in it can end the data block or open a comment. */
	ck_assert_ptr_null(strchr(j, '<'));
	ck_assert_ptr_nonnull(strstr(j, "\"headline\":\"\\u003c/script>"
	    "\\u003cscript>alert(1)\\u003c/script>\""));
	ck_assert_ptr_nonnull(strstr(j, "\"description\":\"Nói \\\"thật\\\" "
	    "\\u003c!-- đây\""));
	ck_assert_ptr_nonnull(strstr(j, "\"datePublished\":\"2020-01-03\""));
	/* Without history, modified is published. */
	ck_assert_ptr_nonnull(strstr(j, "\"dateModified\":\"2020-01-03\""));
	buf_release(&b);
	tu_site_close(&t);
}
END_TEST

/* A page standing for a catalogue entry (opendata.c sets dataset_uri
 * and dataset_id): a Dataset of that @id and identifier with its
 * downloads; downloads without an entry are no Dataset. */
START_TEST(test_meta_jsonld_dataset)
{
	struct tu_site t;
	struct buf b = {0};
	struct page p;
	struct value *f;

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	p = *tu_page(t.s, "tin/a/index.html");
	f = value_map(t.a);
	value_map_set(t.a, f, "title", value_strz(t.a, "Dự toán 2020"));
	value_map_set(t.a, f, "csv_url", value_strz(t.a,
	    "/cong/ns/a/du-lieu.csv"));
	value_map_set(t.a, f, "xlsx_url", value_strz(t.a,
	    "/cong/ns/a/du-lieu.xlsx"));
	p.frames[p.nframes - 1] = f;
	meta_jsonld(t.s, t.a, &p, &b);
	ck_assert_str_eq(buf_cstr(&b), "");
	value_map_set(t.a, f, "dataset_uri", value_strz(t.a,
	    "https://example.invalid/cong/du-lieu/#ns-a"));
	value_map_set(t.a, f, "dataset_id", value_strz(t.a, "ns-a"));
	meta_jsonld(t.s, t.a, &p, &b);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "{\"@context\":"
	    "\"https://schema.org\",\"@type\":\"Dataset\",\"@id\":"
	    "\"https://example.invalid/cong/du-lieu/#ns-a\","
	    "\"identifier\":\"ns-a\",\"name\":\"Dự toán 2020\""));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "{\"@type\":"
	    "\"DataDownload\",\"encodingFormat\":\"application/"
	    "vnd.openxmlformats-officedocument.spreadsheetml.sheet\","
	    "\"contentUrl\":\"https://example.invalid/cong/ns/a/"
	    "du-lieu.xlsx\"}"));
	buf_release(&b);
	tu_site_close(&t);
}
END_TEST

/* The open-data page: a DataCatalog whose @id is the DCAT catalogue's
 * and whose datasets carry their entries' @id and identifier. */
START_TEST(test_meta_jsonld_catalog)
{
	struct tu_site t;
	struct buf b = {0};
	struct page p;
	struct value *f, *l, *d, *fl, *e;

	tu_site_load(&t, two);
	ck_assert_int_eq(tu_site_model(&t), 0);
	p = *tu_page(t.s, "tin/a/index.html");
	f = value_map(t.a);
	value_map_set(t.a, f, "title", value_strz(t.a, "Dữ liệu mở"));
	value_map_set(t.a, f, "is_opendata", value_bool(t.a, true));
	value_map_set(t.a, f, "catalog_url", value_strz(t.a,
	    "/cong/du-lieu/catalog.jsonld"));
	l = value_list(t.a);
	d = value_map(t.a);
	value_map_set(t.a, d, "id", value_strz(t.a, "khu"));
	value_map_set(t.a, d, "uri", value_strz(t.a,
	    "https://example.invalid/cong/du-lieu/#khu"));
	value_map_set(t.a, d, "title", value_strz(t.a, "Khu"));
	value_map_set(t.a, d, "page_url", value_strz(t.a, "/cong/khu/"));
	fl = value_list(t.a);
	e = value_map(t.a);
	value_map_set(t.a, e, "url", value_strz(t.a, "/cong/du-lieu/khu.csv"));
	value_map_set(t.a, e, "media", value_strz(t.a, "text/csv"));
	value_list_push(t.a, fl, e);
	value_map_set(t.a, d, "formats", fl);
	value_list_push(t.a, l, d);
	value_map_set(t.a, f, "datasets", l);
	p.frames[p.nframes - 1] = f;
	meta_jsonld(t.s, t.a, &p, &b);
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "\"@type\":"
	    "\"DataCatalog\",\"@id\":\"https://example.invalid/cong/"
	    "du-lieu/catalog.jsonld\""));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "\"dataset\":[{"
	    "\"@type\":\"Dataset\",\"@id\":\"https://example.invalid/"
	    "cong/du-lieu/#khu\",\"identifier\":\"khu\",\"name\":"
	    "\"Khu\",\"url\":\"https://example.invalid/cong/khu/\""));
	ck_assert_ptr_nonnull(strstr(buf_cstr(&b), "\"contentUrl\":"
	    "\"https://example.invalid/cong/du-lieu/khu.csv\"}]}]}"));
	buf_release(&b);
	tu_site_close(&t);
}
END_TEST

Suite *
meta_suite(void)
{
	Suite *s = suite_create("meta");
	TCase *tc;

	tc = tcase_create("links");
	tcase_add_test(tc, test_meta_canonical);
	tcase_add_test(tc, test_meta_alternates);
	tcase_add_test(tc, test_meta_sitemap);
	tcase_add_test(tc, test_meta_frame);
	suite_add_tcase(s, tc);

	tc = tcase_create("jsonld");
	tcase_add_test(tc, test_meta_jsonld_home);
	tcase_add_test(tc, test_meta_jsonld_hostile);
	tcase_add_test(tc, test_meta_jsonld_dataset);
	tcase_add_test(tc, test_meta_jsonld_catalog);
	suite_add_tcase(s, tc);
	return s;
}
