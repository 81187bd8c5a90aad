/*
 * site: the model stage on small sources in a temporary folder with the
 * golden tests' theme.  Slugs from file names (date prefix, Vietnamese,
 * NFC and NFD), `slug:`, permalinks and their refusals, two items with
 * one URL, translations, drafts, list pagination and its page links,
 * the language fallback, the home page's recent items, base_url and
 * menu entries, missing templates.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "site.h"
#include "site_lists.h"
#include "site_names.h"
#include "source.h"
#include "testutil.h"
#include "theme.h"
#include "value.h"

/* The diagnostics of d as "path:line:col: id" lines, sorted as printed:
 * tests assert places and ids, not wording (generator/messages_*.yaml). */
static const char *
diag_ids(struct arena *a, struct diags *d)
{
	struct diag_view *v;
	size_t n = diags_view(d, a, &v), i;
	struct buf b = {0};
	const char *s;

	for (i = 0; i < n; i++)
		buf_addf(&b, "%s:%u:%u: %s\n", v[i].pos.path ? v[i].pos.path :
		    "minhbach", v[i].pos.line ? v[i].pos.line : 1,
		    v[i].pos.col ? v[i].pos.col : 1, v[i].id ? v[i].id : "?");
	s = buf_keep(&b, a);
	buf_release(&b);	/* buf_keep copies: b keeps its memory */
	return s;
}

Suite *site_suite(void);

#define SITE_HEAD                                                        \
	"title: {vi: Cổng thử, en: Test portal}\n"                       \
	"base_url: https://example.invalid/cong\n"                       \
	"languages: [vi, en]\n"

#define NEWS_COLL                                                        \
	"  news: {kind: news, title: {vi: Tin tức, en: News}, "          \
	"permalink: \"/tin-tuc/:year/:month/:day/:slug/\"}\n"

#define NEWS(date, title) \
	"---\ntitle: " title "\ndate: " date "\n---\nNội dung.\n"

/* The value at dotted path below v as text ("" when missing). */
static const char *
str_at(const struct value *v, const char *path)
{
	const struct value *x = value_path(v, path);

	return x != NULL && x->text != NULL ? x->text : "";
}

/* "1 … 3 4 5* 6" from a pagination's links. */
static const char *
links_text(struct arena *a, const struct value *f)
{
	const struct value *l = value_path(f, "pagination.links");
	struct buf b = {0};
	size_t i;
	const char *r;

	for (i = 0; l != NULL && i < l->n; i++) {
		const struct value *e = l->items[i];

		if (i)
			buf_addc(&b, ' ');
		if (value_truthy(value_map_get(e, "gap")))
			buf_adds(&b, "…");
		else
			buf_adds(&b, value_map_str(e, "title"));
		if (value_truthy(value_map_get(e, "current")))
			buf_addc(&b, '*');
	}
	r = buf_keep(&b, a);
	buf_release(&b);
	return r;
}

/* The titles of a list page's items, space-separated. */
static const char *
titles(struct arena *a, const struct value *f, const char *key)
{
	const struct value *l = value_map_get(f, key);
	struct buf b = {0};
	size_t i;
	const char *r;

	for (i = 0; l != NULL && i < l->n; i++) {
		if (i)
			buf_addc(&b, ' ');
		buf_adds(&b, str_at(l->items[i], "title"));
	}
	r = buf_keep(&b, a);
	buf_release(&b);
	return r;
}

START_TEST(test_site_slugs)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", SITE_HEAD "collections:\n" NEWS_COLL
		    "  pages: {kind: page, permalink: \"/:slug/\"}\n"},
		{"content/news/2020-01-15-hoi-nghi-can-bo.md",
		    NEWS("2020-01-15", "Hội nghị")},
		/* The front matter's date wins over the file name's. */
		{"content/news/2020-02-01-Đà Lạt mùa hoa.md",
		    NEWS("2020-02-03", "Đà Lạt")},
		/* No date field: the file name's date. */
		{"content/news/2019-05-06-khong-ngay.md",
		    "---\ntitle: Không ngày\n---\n"},
		{"content/news/2020-03-02-thong-bao.md",
		    "---\ntitle: Thông báo\ndate: 2020-03-02\n"
		    "slug: Lịch tiếp công dân\n---\n"},
		{"content/pages/Giới thiệu chung.md", "---\ntitle: G\n---\n"},
		{"content/pages/Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t.md",
		    "---\ntitle: NFD\n---\n"},
		{"content/pages/2020-01-01-trang-co-ngay.md",
		    "---\ntitle: P\n---\n"},
		{NULL, NULL},
	};
	struct tu_site t;
	struct item *it;

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	ck_assert_str_eq(tu_diags_text(t.a, t.d), "");
	ck_assert_str_eq(t.s->base_url, "https://example.invalid/cong/");
	ck_assert_str_eq(t.s->root, "/cong/");

	it = tu_item(t.s, "content/news/2020-01-15-hoi-nghi-can-bo.md");
	ck_assert_str_eq(it->slug, "hoi-nghi-can-bo");
	ck_assert_str_eq(it->date, "2020-01-15");
	ck_assert_str_eq(it->url, "/cong/tin-tuc/2020/01/15/hoi-nghi-can-bo/");
	ck_assert_str_eq(it->out, "tin-tuc/2020/01/15/hoi-nghi-can-bo/"
	    "index.html");
	ck_assert_ptr_nonnull(tu_page(t.s, it->out));
	ck_assert_ptr_eq(tu_page(t.s, it->out)->item, it);

	it = tu_item(t.s, "content/news/2020-02-01-Đà Lạt mùa hoa.md");
	ck_assert_str_eq(it->slug, "da-lat-mua-hoa");
	ck_assert_str_eq(it->date, "2020-02-03");
	ck_assert_str_eq(it->url, "/cong/tin-tuc/2020/02/03/da-lat-mua-hoa/");

	it = tu_item(t.s, "content/news/2019-05-06-khong-ngay.md");
	ck_assert_str_eq(it->date, "2019-05-06");
	ck_assert_str_eq(it->url, "/cong/tin-tuc/2019/05/06/khong-ngay/");

	it = tu_item(t.s, "content/news/2020-03-02-thong-bao.md");
	ck_assert_str_eq(it->slug, "lich-tiep-cong-dan");
	ck_assert_str_eq(it->url, "/cong/tin-tuc/2020/03/02/"
	    "lich-tiep-cong-dan/");

	it = tu_item(t.s, "content/pages/Giới thiệu chung.md");
	ck_assert_str_eq(it->slug, "gioi-thieu-chung");
	ck_assert_str_eq(it->url, "/cong/gioi-thieu-chung/");
	ck_assert_str_eq(it->out, "gioi-thieu-chung/index.html");

	it = tu_item(t.s, "content/pages/Tie\xcc\x82\xcc\x81ng "
	    "Vie\xcc\xa3\xcc\x82t.md");
	ck_assert_str_eq(it->slug, "tieng-viet");

	/* Pages are undated: the prefix goes, no date comes. */
	it = tu_item(t.s, "content/pages/2020-01-01-trang-co-ngay.md");
	ck_assert_str_eq(it->slug, "trang-co-ngay");
	ck_assert_ptr_null(it->date);
	/* "/:slug/" has no fixed prefix: no list pages for pages. */
	ck_assert(!t.s->colls[1].list);
	ck_assert(t.s->colls[0].list);
	ck_assert_str_eq(t.s->colls[0].list_url[0], "/cong/tin-tuc/");
	ck_assert_str_eq(t.s->colls[0].list_url[1], "/cong/en/tin-tuc/");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_nfc_nfd_one_slug)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", SITE_HEAD "collections:\n"
		    "  pages: {kind: page, permalink: \"/:slug/\"}\n"},
		{"content/pages/Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t.md",
		    "---\ntitle: NFC\n---\n"},
		{"content/pages/Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t.md",
		    "---\ntitle: NFD\n---\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), -1);
	ck_assert_str_eq(tu_item(t.s, "content/pages/Ti\xe1\xba\xbfng "
	    "Vi\xe1\xbb\x87t.md")->slug, "tieng-viet");
	/* The NFD name sorts first (e + U+0302 < U+1EBF). */
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/pages/Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t.md:1:1: "
	    "url.collision\n");
	tu_assert_diag(t.d, "«/cong/tieng-viet/»");
	tu_assert_diag(t.d, "content/pages/Tie\xcc\x82\xcc\x81ng "
	    "Vie\xcc\xa3\xcc\x82t.md");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_collision)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", SITE_HEAD "collections:\n"
		    "  news: {kind: news}\n"
		    "  pages: {kind: page, permalink: \"/:slug/\"}\n"},
		{"content/pages/a.md", "---\ntitle: A\nslug: b\n---\n"},
		{"content/pages/b.md", "---\ntitle: B\n---\n"},
		/* A page where the news list lives. */
		{"content/pages/news.md", "---\ntitle: N\n---\n"},
		{"content/news/2020-01-01-x.md", NEWS("2020-01-01", "X")},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), -1);
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/pages/b.md:1:1: url.collision\n"
	    "content/pages/news.md:1:1: url.collision\n");
	tu_assert_diag(t.d, "«/cong/b/» với content/pages/a.md");
	tu_assert_diag(t.d, "«/cong/news/» với content/news:");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_permalink_parts)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", SITE_HEAD "collections:\n"
		    "  van-ban: {kind: document, permalink: "
		    "\"/:collection/:year-:month-:day-:slug/\"}\n"
		    "  tin: {kind: news}\n"},
		{"content/van-ban/qd-01.yaml",
		    "title: QĐ 01\nissued_on: 2019-07-08\n"},
		{"content/tin/a.en.md", NEWS("2020-12-31", "A")},
		{NULL, NULL},
	};
	struct tu_site t;
	struct item *it;

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	it = tu_item(t.s, "content/van-ban/qd-01.yaml");
	ck_assert_str_eq(it->date, "2019-07-08");
	ck_assert_str_eq(it->url, "/cong/van-ban/2019-07-08-qd-01/");
	ck_assert_str_eq(t.s->colls[0].permalink,
	    "/:collection/:year-:month-:day-:slug/");
	/* The default permalink; English below en/. */
	it = tu_item(t.s, "content/tin/a.en.md");
	ck_assert_str_eq(t.s->colls[1].permalink, "/tin/:slug/");
	ck_assert_str_eq(it->url, "/cong/en/tin/a/");
	ck_assert_str_eq(it->out, "en/tin/a/index.html");
	tu_site_close(&t);
}
END_TEST

/* Loads one collection with permalink perm (and extra conf) and item. */
static const char *
model_error(struct tu_site *t, const char *conf, const char *path,
    const char *text)
{
	char yaml[1024];
	struct tu_file files[] = {
		{"content/site.yaml", yaml},
		{path, text},
		{NULL, NULL},
	};

	snprintf(yaml, sizeof yaml, "title: T\nbase_url: https://x.invalid/\n"
	    "collections:\n  c: %s\n", conf);
	tu_site_load(t, files);
	ck_assert_int_eq(tu_site_model(t), -1);
	return tu_diags_text(t->a, t->d);
}

START_TEST(test_site_permalink_refused)
{
	struct tu_site t;

	model_error(&t, "{kind: news, permalink: \"tin-tuc/:slug\"}",
	    "content/c/a.md", NEWS("2020-01-01", "A"));
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/site.yaml:4:30: url.permalink-slashes\n");
	tu_assert_diag(t.d, "«tin-tuc/:slug»");
	tu_site_close(&t);

	model_error(&t, "{kind: news, permalink: \"/x/:foo/\"}",
	    "content/c/a.md", NEWS("2020-01-01", "A"));
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/c/a.md:1:1: url.permalink-placeholder\n");
	tu_assert_diag(t.d, "«/x/:foo/»: «:foo»");
	tu_site_close(&t);

	model_error(&t, "{kind: page, permalink: \"/:year/:slug/\"}",
	    "content/c/a.md", "---\ntitle: A\n---\n");
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/c/a.md:1:1: url.permalink-no-date\n");
	tu_assert_diag(t.d, "«/:year/:slug/» dùng «:year»");
	tu_site_close(&t);

	model_error(&t, "{kind: page, permalink: \"/../:slug/\"}",
	    "content/c/a.md", "---\ntitle: A\n---\n");
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/site.yaml:4:6: url.permalink-unsafe\n");
	tu_assert_diag(t.d, "«/../:slug/»");
	tu_site_close(&t);

	model_error(&t, "{kind: page, permalink: \"/a b/:slug/\"}",
	    "content/c/a.md", "---\ntitle: A\n---\n");
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/site.yaml:4:6: url.permalink-unsafe\n");
	tu_site_close(&t);

	/* Without list pages the item's own address is checked. */
	model_error(&t, "{kind: page, list: false, permalink: "
	    "\"/../:slug/\"}", "content/c/a.md", "---\ntitle: A\n---\n");
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/c/a.md:1:1: url.unsafe\n");
	tu_assert_diag(t.d, "«/../a/»");
	tu_site_close(&t);

	/* A slug that is no address at all is located at `slug:`. */
	model_error(&t, "{kind: page}", "content/c/a.md",
	    "---\ntitle: A\nslug: \"!!!\"\n---\n");
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/c/a.md:3:7: url.empty-slug\n");
	tu_assert_diag(t.d, "«!!!»");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_base_url)
{
	struct tu_site t;
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\nbase_url: ftp://x.invalid/\n"
		    "collections: {}\n"},
		{NULL, NULL},
	};

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), -1);
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/site.yaml:2:11: url.base-scheme\n");
	ck_assert_str_eq(t.s->base_url, "http://localhost/");
	ck_assert_str_eq(t.s->root, "/");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_menu)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", SITE_HEAD
		    "menu:\n"
		    "  - {title: {vi: Tin tức, en: News}, url: /tin-tuc/}\n"
		    "  - {title: Thiếu url}\n"
		    "collections: {}\n"},
		{NULL, NULL},
	};
	struct tu_site t;
	const struct value *m;

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), -1);
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/site.yaml:6:5: theme.menu-entry\n");
	tu_assert_diag(t.d, "mục thứ 2 ");
	m = value_path(t.s->globals[0], "site.menu");
	ck_assert_uint_eq(m->n, 1);
	ck_assert_str_eq(str_at(m->items[0], "url"), "/cong/tin-tuc/");
	ck_assert_str_eq(str_at(m->items[0], "title"), "Tin tức");
	m = value_path(t.s->globals[1], "site.menu");
	ck_assert_str_eq(str_at(m->items[0], "url"), "/cong/en/tin-tuc/");
	ck_assert_str_eq(str_at(m->items[0], "title"), "News");
	/* Localised site fields and what the model adds. */
	ck_assert_str_eq(str_at(t.s->globals[1], "site.title"),
	    "Test portal");
	ck_assert_str_eq(str_at(t.s->globals[1], "site.url"), "/cong/en/");
	ck_assert_str_eq(str_at(t.s->globals[0], "site.build_date"),
	    "2024-05-01");
	ck_assert_str_eq(str_at(t.s->globals[0], "lang"), "vi");
	ck_assert_str_eq(str_at(t.s->globals[1], "t.home"), "Home");
	ck_assert_str_eq(str_at(t.s->globals[0], "t.home"), "Trang chủ");
	tu_site_close(&t);
}
END_TEST

static const struct tu_file tr_files[] = {
	{"content/site.yaml", SITE_HEAD "collections:\n" NEWS_COLL},
	{"content/news/2020-01-01-a.md",
	    NEWS("2020-01-01", "A chỉ tiếng Việt")},
	{"content/news/2020-01-02-b.md", NEWS("2020-01-02", "B tiếng Việt")},
	{"content/news/2020-01-02-b.en.md", NEWS("2020-01-02", "B English")},
	{"content/news/2020-01-03-c.en.md",
	    NEWS("2020-01-03", "C English only")},
	{"content/news/2020-01-04-d.md", NEWS("2020-01-04", "D tiếng Việt")},
	{"content/news/2020-01-04-d.en.md",
	    "---\ntitle: D draft\ndate: 2020-01-04\ndraft: true\n---\n"},
	{"content/news/2020-01-05-e.md",
	    "---\ntitle: E nháp\ndate: 2020-01-05\ndraft: true\n---\n"},
	{NULL, NULL},
};

START_TEST(test_site_translations)
{
	struct tu_site t;
	struct item *vi, *en;
	const struct value *l;

	tu_site_load(&t, tr_files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	vi = tu_item(t.s, "content/news/2020-01-02-b.md");
	en = tu_item(t.s, "content/news/2020-01-02-b.en.md");
	ck_assert_ptr_eq(vi->tr[0], vi);
	ck_assert_ptr_eq(vi->tr[1], en);
	ck_assert_ptr_eq(en->tr[0], vi);
	ck_assert_ptr_eq(en->tr[1], en);
	ck_assert_str_eq(en->url, "/cong/en/tin-tuc/2020/01/02/b/");
	/* Each frame links the other language. */
	l = value_map_get(vi->frame, "translations");
	ck_assert_uint_eq(l->n, 1);
	ck_assert_str_eq(str_at(l->items[0], "lang"), "en");
	ck_assert_str_eq(str_at(l->items[0], "url"),
	    "/cong/en/tin-tuc/2020/01/02/b/");
	ck_assert_str_eq(str_at(l->items[0], "title"), "B English");
	l = value_map_get(en->frame, "translations");
	ck_assert_uint_eq(l->n, 1);
	ck_assert_str_eq(str_at(l->items[0], "url"),
	    "/cong/tin-tuc/2020/01/02/b/");
	/* A draft translation is not linked. */
	vi = tu_item(t.s, "content/news/2020-01-04-d.md");
	ck_assert_ptr_nonnull(vi->tr[1]);
	ck_assert_uint_eq(value_map_get(vi->frame, "translations")->n, 0);
	/* Untranslated: no partner. */
	vi = tu_item(t.s, "content/news/2020-01-01-a.md");
	ck_assert_ptr_null(vi->tr[1]);
	/* The frame: data plus what the model derived. */
	ck_assert_str_eq(str_at(vi->frame, "title"), "A chỉ tiếng Việt");
	ck_assert_str_eq(str_at(vi->frame, "url"),
	    "/cong/tin-tuc/2020/01/01/a/");
	ck_assert_str_eq(str_at(vi->frame, "permalink"),
	    "https://example.invalid/cong/tin-tuc/2020/01/01/a/");
	ck_assert_str_eq(str_at(vi->frame, "date_text"), "01/01/2020");
	ck_assert_str_eq(str_at(vi->frame, "date_iso"), "2020-01-01");
	ck_assert_str_eq(str_at(vi->frame, "year"), "2020");
	ck_assert_str_eq(str_at(vi->frame, "summary"), "Nội dung.");
	ck_assert_str_eq(str_at(vi->frame, "kind"), "news");
	ck_assert(value_truthy(value_map_get(vi->frame, "is_news")));
	ck_assert_str_eq(str_at(vi->frame, "collection.title"), "Tin tức");
	ck_assert_str_eq(str_at(en->frame, "collection.title"), "News");
	ck_assert_str_eq(str_at(en->frame, "date_text"), "2 January 2020");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_drafts)
{
	struct tu_site t;
	struct item *e;
	size_t i;

	tu_site_load(&t, tr_files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	e = tu_item(t.s, "content/news/2020-01-05-e.md");
	ck_assert(e->draft);
	ck_assert_ptr_null(tu_page(t.s, "tin-tuc/2020/01/05/e/index.html"));
	ck_assert_ptr_null(tu_page(t.s, "en/tin-tuc/2020/01/04/d/index.html"));
	ck_assert_ptr_nonnull(tu_page(t.s, "tin-tuc/2020/01/04/d/index.html"));
	for (i = 0; i < t.s->npages; i++)
		ck_assert_ptr_ne(t.s->pages[i].item, e);
	ck_assert(!site_shows(t.s, e, 0));
	ck_assert(!site_shows(t.s, e, 1));
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_language_fallback)
{
	struct tu_site t;
	const struct value *f;

#define SHOWS(path, lang) site_shows(t.s, tu_item(t.s, path), lang)
	tu_site_load(&t, tr_files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	/* Untranslated Vietnamese: listed in both languages. */
	ck_assert(SHOWS("content/news/2020-01-01-a.md", 0));
	ck_assert(SHOWS("content/news/2020-01-01-a.md", 1));
	/* Translated: each language lists its own. */
	ck_assert(SHOWS("content/news/2020-01-02-b.md", 0));
	ck_assert(!SHOWS("content/news/2020-01-02-b.md", 1));
	ck_assert(SHOWS("content/news/2020-01-02-b.en.md", 1));
	ck_assert(!SHOWS("content/news/2020-01-02-b.en.md", 0));
	/* English only: never in the Vietnamese lists. */
	ck_assert(SHOWS("content/news/2020-01-03-c.en.md", 1));
	ck_assert(!SHOWS("content/news/2020-01-03-c.en.md", 0));
	/* The translation is a draft: the Vietnamese one stands in. */
	ck_assert(SHOWS("content/news/2020-01-04-d.md", 1));
	ck_assert(!SHOWS("content/news/2020-01-04-d.en.md", 1));
#undef SHOWS
	f = tu_frame(t.s, "tin-tuc/index.html");
	ck_assert_str_eq(titles(t.a, f, "pages"),
	    "D tiếng Việt B tiếng Việt A chỉ tiếng Việt");
	ck_assert_int_eq(value_map_get(f, "count")->u.i, 3);
	f = tu_frame(t.s, "en/tin-tuc/index.html");
	ck_assert_str_eq(titles(t.a, f, "pages"),
	    "D tiếng Việt C English only B English A chỉ tiếng Việt");
	ck_assert_int_eq(value_map_get(f, "count")->u.i, 4);
	ck_assert_str_eq(str_at(f, "title"), "News");
	ck_assert_str_eq(str_at(f, "url"), "/cong/en/tin-tuc/");
	ck_assert_str_eq(str_at(f, "feed_url"), "/cong/en/tin-tuc/atom.xml");
	ck_assert_str_eq(str_at(f, "json_url"), "/cong/en/tin-tuc/index.json");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_pagination)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", SITE_HEAD "per_page: 2\ncollections:\n"
		    NEWS_COLL},
		{"content/news/2019-12-01-n1.md", NEWS("2019-12-01", "N1")},
		{"content/news/2020-01-01-n2.md", NEWS("2020-01-01", "N2")},
		{"content/news/2020-02-01-n3.md", NEWS("2020-02-01", "N3")},
		{"content/news/2020-03-01-n4.md", NEWS("2020-03-01", "N4")},
		{"content/news/2020-03-01-n4.en.md", NEWS("2020-03-01", "E4")},
		{"content/news/2020-04-01-n5.md", NEWS("2020-04-01", "N5")},
		{NULL, NULL},
	};
	struct tu_site t;
	const struct value *f, *y;

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	f = tu_frame(t.s, "tin-tuc/index.html");
	ck_assert_str_eq(titles(t.a, f, "pages"), "N5 N4");
	ck_assert_int_eq(value_path(f, "pagination.current")->u.i, 1);
	ck_assert_int_eq(value_path(f, "pagination.total")->u.i, 3);
	ck_assert_ptr_null(value_path(f, "pagination.prev_url"));
	ck_assert_str_eq(str_at(f, "pagination.next_url"),
	    "/cong/tin-tuc/trang/2/");
	ck_assert_int_eq(value_map_get(f, "count")->u.i, 5);

	f = tu_frame(t.s, "tin-tuc/trang/2/index.html");
	ck_assert_str_eq(str_at(f, "url"), "/cong/tin-tuc/trang/2/");
	ck_assert_str_eq(titles(t.a, f, "pages"), "N3 N2");
	ck_assert_str_eq(str_at(f, "pagination.prev_url"), "/cong/tin-tuc/");
	ck_assert_str_eq(str_at(f, "pagination.next_url"),
	    "/cong/tin-tuc/trang/3/");
	/* Grouped by year, newest first. */
	y = value_map_get(f, "years");
	ck_assert_uint_eq(y->n, 1);
	ck_assert_str_eq(str_at(y->items[0], "year"), "2020");
	ck_assert_str_eq(titles(t.a, y->items[0], "pages"), "N3 N2");

	f = tu_frame(t.s, "tin-tuc/trang/3/index.html");
	ck_assert_str_eq(titles(t.a, f, "pages"), "N1");
	ck_assert_str_eq(str_at(f, "pagination.prev_url"),
	    "/cong/tin-tuc/trang/2/");
	ck_assert_ptr_null(value_path(f, "pagination.next_url"));
	ck_assert_str_eq(str_at(value_map_get(f, "years")->items[0], "year"),
	    "2019");
	ck_assert_ptr_null(tu_page(t.s, "tin-tuc/trang/4/index.html"));

	/* English: "page", and the untranslated ones fall back. */
	f = tu_frame(t.s, "en/tin-tuc/index.html");
	ck_assert_str_eq(titles(t.a, f, "pages"), "N5 E4");
	ck_assert_str_eq(str_at(f, "pagination.next_url"),
	    "/cong/en/tin-tuc/page/2/");
	ck_assert_ptr_nonnull(tu_page(t.s, "en/tin-tuc/page/2/index.html"));
	ck_assert_ptr_nonnull(tu_page(t.s, "en/tin-tuc/page/3/index.html"));
	ck_assert_ptr_null(tu_page(t.s, "en/tin-tuc/trang/2/index.html"));
	ck_assert_str_eq(links_text(t.a, f), "1* 2 3");
	f = tu_frame(t.s, "en/tin-tuc/page/2/index.html");
	ck_assert_str_eq(str_at(value_path(f, "pagination.links")->items[0],
	    "url"), "/cong/en/tin-tuc/");
	ck_assert_str_eq(str_at(value_path(f, "pagination.links")->items[2],
	    "url"), "/cong/en/tin-tuc/page/3/");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_pagination_single)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", SITE_HEAD "collections:\n" NEWS_COLL
		    "  trong: {kind: news}\n"},
		{"content/news/2020-01-01-a.md", NEWS("2020-01-01", "A")},
		{NULL, NULL},
	};
	struct tu_site t;
	const struct value *f;

	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	/* One page: no pagination at all. */
	f = tu_frame(t.s, "tin-tuc/index.html");
	ck_assert_ptr_null(value_map_get(f, "pagination"));
	/* An empty collection still has its (empty) list page. */
	f = tu_frame(t.s, "trong/index.html");
	ck_assert_int_eq(value_map_get(f, "count")->u.i, 0);
	ck_assert_uint_eq(value_map_get(f, "pages")->n, 0);
	ck_assert_ptr_null(tu_page(t.s, "trong/trang/2/index.html"));
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_pagination_window)
{
	struct tu_file files[12];
	char names[10][64], texts[10][128];
	struct tu_site t;
	int i;

	files[0].path = "content/site.yaml";
	files[0].text = SITE_HEAD "collections:\n"
	    "  news: {kind: news, per_page: 1, "
	    "permalink: \"/tin-tuc/:slug/\"}\n";
	for (i = 0; i < 10; i++) {
		snprintf(names[i], sizeof names[i],
		    "content/news/2020-01-%02d-n%d.md", 10 + i, i);
		snprintf(texts[i], sizeof texts[i],
		    "---\ntitle: N%d\ndate: 2020-01-%02d\n---\n", i, 10 + i);
		files[i + 1].path = names[i];
		files[i + 1].text = texts[i];
	}
	files[11].path = NULL;
	files[11].text = NULL;
	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	ck_assert_str_eq(links_text(t.a, tu_frame(t.s, "tin-tuc/index.html")),
	    "1* 2 3 … 10");
	ck_assert_str_eq(links_text(t.a, tu_frame(t.s,
	    "tin-tuc/trang/4/index.html")), "1 2 3 4* 5 6 … 10");
	ck_assert_str_eq(links_text(t.a, tu_frame(t.s,
	    "tin-tuc/trang/5/index.html")), "1 … 3 4 5* 6 7 … 10");
	ck_assert_str_eq(links_text(t.a, tu_frame(t.s,
	    "tin-tuc/trang/10/index.html")), "1 … 8 9 10*");
	/* Newest first: page 1 holds N9, page 10 holds N0. */
	ck_assert_str_eq(titles(t.a, tu_frame(t.s, "tin-tuc/index.html"),
	    "pages"), "N9");
	ck_assert_str_eq(titles(t.a, tu_frame(t.s,
	    "tin-tuc/trang/10/index.html"), "pages"), "N0");
	ck_assert_str_eq(str_at(value_path(tu_frame(t.s,
	    "tin-tuc/trang/5/index.html"), "pagination.links")->items[2],
	    "url"), "/cong/tin-tuc/trang/3/");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_home_recent)
{
	struct tu_file files[12];
	char names[7][64], texts[7][128];
	struct tu_site t;
	const struct value *f;
	int i;

	files[0].path = "content/site.yaml";
	files[0].text = SITE_HEAD "collections:\n" NEWS_COLL
	    "  pages: {kind: page}\n";
	for (i = 0; i < 7; i++) {
		snprintf(names[i], sizeof names[i],
		    "content/news/2021-0%d-01-t%d.md", i + 1, i);
		snprintf(texts[i], sizeof texts[i],
		    "---\ntitle: T%d\ndate: 2021-0%d-01\n%s---\n", i, i + 1,
		    i == 6 ? "draft: true\n" : "");
		files[i + 1].path = names[i];
		files[i + 1].text = texts[i];
	}
	files[8].path = "content/pages/a.md";
	files[8].text = "---\ntitle: Nháp\ndraft: true\n---\n";
	files[9].path = NULL;
	files[9].text = NULL;
	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	f = tu_frame(t.s, "index.html");
	ck_assert(value_truthy(value_map_get(f, "is_home")));
	ck_assert_str_eq(str_at(f, "title"), "Cổng thử");
	ck_assert_str_eq(str_at(f, "url"), "/cong/");
	/* Five newest published, the draft T6 left out. */
	ck_assert_str_eq(titles(t.a, value_path(f, "recent.news"), "items"),
	    "T5 T4 T3 T2 T1");
	ck_assert_str_eq(str_at(f, "recent.news.url"), "/cong/tin-tuc/");
	ck_assert_str_eq(str_at(f, "recent.news.title"), "Tin tức");
	/* Nothing published: no entry, so {{#recent.pages}} is false. */
	ck_assert_ptr_null(value_path(f, "recent.pages"));
	f = tu_frame(t.s, "en/index.html");
	ck_assert_str_eq(str_at(f, "title"), "Test portal");
	ck_assert_str_eq(titles(t.a, value_path(f, "recent.news"), "items"),
	    "T5 T4 T3 T2 T1");
	ck_assert_str_eq(str_at(f, "recent.news.url"), "/cong/en/tin-tuc/");
	f = tu_frame(t.s, "404.html");
	ck_assert(value_truthy(value_map_get(f, "is_404")));
	ck_assert_str_eq(str_at(f, "url"), "/cong/404.html");
	ck_assert_ptr_nonnull(tu_page(t.s, "en/404.html"));
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_missing_template)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  news: {kind: news}\n"},
		{"content/news/a.md", NEWS("2020-01-01", "A")},
		{"themes/default/templates/single.mustache", "{{title}}"},
		{"themes/default/templates/home.mustache", "home"},
		{"themes/default/templates/404.mustache", "404"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load_theme(&t, files, NULL);
	ck_assert_int_eq(tu_site_model(&t), -1);
	/* At the collection's kind, which asked for the template. */
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "content/site.yaml:1:1: theme.no-strings\n"
	    "content/site.yaml:3:16: theme.template-missing-either\n");
	tu_assert_diag(t.d, "list.mustache (cũng không có list-news.mustache)");
	tu_site_close(&t);
}
END_TEST

/* One cause, one message: a template that does not compile is not also
 * missing. */
START_TEST(test_site_broken_template)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  news: {kind: news}\n"},
		{"content/news/a.md", NEWS("2020-01-01", "A")},
		{"themes/default/templates/single.mustache", "{{#x}}{{title}}"},
		{"themes/default/templates/list.mustache", "{{title}"},
		{"themes/default/templates/home.mustache", "home"},
		{"themes/default/templates/404.mustache", "404"},
		{"themes/default/i18n/vi.yaml", "home: Trang chủ\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load_theme(&t, files, NULL);
	ck_assert_int_eq(tu_site_model(&t), -1);
	ck_assert_str_eq(diag_ids(t.a, t.d),
	    "themes/default/templates/list.mustache:1:1: "
	    "template.unclosed-tag\n"
	    "themes/default/templates/single.mustache:1:1: "
	    "template.unclosed-at-end\n");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_site_find)
{
	struct tu_site t;
	struct site_names *x;

	tu_site_load(&t, tr_files);
	/* Before the model (what validation sees): file names only. */
	x = site_names(t.s);
	ck_assert_ptr_eq(site_lookup(x, "news", "2020-01-02-b", 12),
	    tu_item(t.s, "content/news/2020-01-02-b.md"));
	ck_assert_ptr_null(site_lookup(x, "news", "b", 1));
	ck_assert_int_eq(tu_site_model(&t), 0);
	/* After it, computed slugs too. */
	x = site_names(t.s);
	ck_assert_ptr_eq(site_lookup(x, "news", "2020-01-01-a", 12),
	    tu_item(t.s, "content/news/2020-01-01-a.md"));
	ck_assert_ptr_eq(site_lookup(x, "news", "b", 1),
	    tu_item(t.s, "content/news/2020-01-02-b.md"));
	/* Only records of the main language, by kind. */
	ck_assert_ptr_null(site_lookup(x, "news", "c", 1));
	ck_assert_ptr_null(site_lookup(x, "page", "a", 1));
	ck_assert_ptr_nonnull(site_lookup(x, "news", "d", 1));
	tu_site_close(&t);
}
END_TEST

Suite *
site_suite(void)
{
	Suite *s = suite_create("site");
	TCase *tc;

	tc = tcase_create("urls");
	tcase_add_test(tc, test_site_slugs);
	tcase_add_test(tc, test_site_nfc_nfd_one_slug);
	tcase_add_test(tc, test_site_collision);
	tcase_add_test(tc, test_site_permalink_parts);
	tcase_add_test(tc, test_site_permalink_refused);
	tcase_add_test(tc, test_site_base_url);
	tcase_add_test(tc, test_site_find);
	tcase_set_timeout(tc, 20);
	suite_add_tcase(s, tc);

	tc = tcase_create("languages");
	tcase_add_test(tc, test_site_translations);
	tcase_add_test(tc, test_site_drafts);
	tcase_add_test(tc, test_site_language_fallback);
	tcase_add_test(tc, test_site_menu);
	suite_add_tcase(s, tc);

	tc = tcase_create("lists");
	tcase_add_test(tc, test_site_pagination);
	tcase_add_test(tc, test_site_pagination_single);
	tcase_add_test(tc, test_site_pagination_window);
	tcase_add_test(tc, test_site_home_recent);
	tcase_add_test(tc, test_site_missing_template);
	tcase_add_test(tc, test_site_broken_template);
	suite_add_tcase(s, tc);
	return s;
}
