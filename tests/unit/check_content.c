/*
 * content: the load stage on small sources made in a temporary folder.
 * Items with their language, base name, front matter, body and its
 * position; data files; drafts; site.yaml's errors (missing, not a map,
 * no collections, bad languages, bad collections); stray and ignored
 * files; files that are not UTF-8 or have no front matter.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "site.h"
#include "source.h"
#include "testutil.h"
#include "tu_skel.h"
#include "value.h"

Suite *content_suite(void);

#define SITE_YAML                                                       \
	"title: {vi: Cổng thử, en: Test portal}\n"                      \
	"base_url: https://example.invalid/cong/\n"                     \
	"languages: [vi, en]\n"                                         \
	"collections:\n"                                                \
	"  news: {kind: news, title: {vi: Tin tức, en: News}}\n"        \
	"  pages: {kind: page, permalink: \"/:slug/\"}\n"

static const struct tu_file basic[] = {
	{"content/site.yaml", SITE_YAML},
	{"content/news/2020-01-15-hoi-nghi.md",
	    "---\ntitle: Hội nghị\ndate: 2020-01-15\n---\nMở đầu.\n\nHai.\n"},
	{"content/news/2020-01-15-hoi-nghi.en.md",
	    "---\ntitle: Conference\ndate: 2020-01-15\n---\nOpening.\n"},
	{"content/news/nhap.md",
	    "---\ntitle: Nháp\ndate: 2020-02-01\ndraft: true\n---\n"},
	{"content/news/2021/tin.fr.md",
	    "---\ntitle: Pas une langue du site\ndate: 2021-01-01\n---\nx\n"},
	{"content/pages/lien-he.yaml",
	    "title: Liên hệ\nbody: |\n  Gọi **số** 1.\n"},
	{"content/pages/gioi-thieu.yml", "title: Giới thiệu\n"},
	{NULL, NULL},
};

START_TEST(test_content_items)
{
	struct tu_site t;
	struct collection *news, *pages;
	struct item *it;

	tu_site_load(&t, basic);
	ck_assert_ptr_nonnull(t.s);
	assert_skel(tu_diags_text(t.a, t.d), "");
	ck_assert_uint_eq(t.s->nlangs, 2);
	ck_assert_str_eq(t.s->langs[0], "vi");
	ck_assert_str_eq(t.s->langs[1], "en");
	ck_assert_uint_eq(t.s->ncolls, 2);
	news = &t.s->colls[0];
	pages = &t.s->colls[1];
	ck_assert_str_eq(news->name, "news");
	ck_assert_str_eq(news->kind, "news");
	ck_assert_str_eq(pages->name, "pages");
	ck_assert_str_eq(pages->kind, "page");
	ck_assert_uint_eq(news->n, 4);
	ck_assert_uint_eq(pages->n, 2);

	it = tu_item(t.s, "content/news/2020-01-15-hoi-nghi.md");
	ck_assert_ptr_nonnull(it);
	ck_assert_ptr_eq(it->coll, news);
	ck_assert_str_eq(it->base, "2020-01-15-hoi-nghi");
	ck_assert_str_eq(it->lang, "vi");
	ck_assert_int_eq(it->lang_index, 0);
	ck_assert(it->markdown);
	ck_assert(!it->draft);
	ck_assert_str_eq(value_map_str(it->data, "title"), "Hội nghị");
	ck_assert_uint_eq(it->body_len, strlen("Mở đầu.\n\nHai.\n"));
	ck_assert_mem_eq(it->body, "Mở đầu.\n\nHai.\n", it->body_len);
	ck_assert_str_eq(it->body_pos.path, it->path);
	ck_assert_uint_eq(it->body_pos.line, 5);
	ck_assert_uint_eq(it->body_pos.col, 1);
	/* Positions of front-matter values are lines of the file. */
	ck_assert_uint_eq(value_map_get(it->data, "date")->pos.line, 3);
	ck_assert_uint_eq(value_map_get(it->data, "date")->pos.col, 7);

	it = tu_item(t.s, "content/news/2020-01-15-hoi-nghi.en.md");
	ck_assert_ptr_nonnull(it);
	ck_assert_str_eq(it->base, "2020-01-15-hoi-nghi");
	ck_assert_str_eq(it->lang, "en");
	ck_assert_int_eq(it->lang_index, 1);

	it = tu_item(t.s, "content/news/nhap.md");
	ck_assert(it->draft);
	ck_assert_uint_eq(it->body_len, 0);
	ck_assert_str_eq(it->body, "");

	/* ".fr" is not a language of the site: part of the base name. */
	it = tu_item(t.s, "content/news/2021/tin.fr.md");
	ck_assert_ptr_nonnull(it);
	ck_assert_str_eq(it->base, "2021/tin.fr");
	ck_assert_int_eq(it->lang_index, 0);

	/* Data files: .yaml and .yml; a body field is the body. */
	it = tu_item(t.s, "content/pages/lien-he.yaml");
	ck_assert(!it->markdown);
	ck_assert_str_eq(it->base, "lien-he");
	ck_assert_str_eq(it->body, "Gọi **số** 1.\n");
	ck_assert_uint_eq(it->body_len, strlen("Gọi **số** 1.\n"));
	ck_assert_str_eq(it->body_pos.path, "content/pages/lien-he.yaml");
	/* "body: |" on line 2: the text starts on line 3, column 3. */
	ck_assert_uint_eq(it->body_pos.line, 3);
	ck_assert_uint_eq(it->body_pos.col, 3);
	it = tu_item(t.s, "content/pages/gioi-thieu.yml");
	ck_assert_ptr_nonnull(it);
	ck_assert_str_eq(it->base, "gioi-thieu");
	ck_assert_uint_eq(it->body_len, 0);
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_default_language)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  news: {kind: news}\n"},
		{"content/news/a.md", "---\ntitle: A\n---\n"},
		{"content/news/a.en.md", "---\ntitle: A\n---\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	ck_assert_uint_eq(t.s->nlangs, 1);
	ck_assert_str_eq(t.s->langs[0], "vi");
	/* Without English, a.en.md is a record of its own (base a.en). */
	ck_assert_str_eq(tu_item(t.s, "content/news/a.en.md")->base, "a.en");
	assert_skel(tu_diags_text(t.a, t.d), "");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_missing_site_yaml)
{
	static const struct tu_file files[] = {
		{"content/news/a.md", "---\ntitle: A\n---\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	ck_assert_ptr_null(t.s);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/site.yaml:1:1: E [config.missing]\n");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_site_yaml_not_map)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "- a\n- b\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	ck_assert_ptr_null(t.s);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/site.yaml:1:1: E [config.not-map]\n");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_site_yaml_syntax)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: a\ntitle: b\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	ck_assert_ptr_null(t.s);
	ck_assert_uint_eq(diags_errors(t.d), 1);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/site.yaml:2:1: E [yaml.duplicate-key]|title|1\n");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_missing_collections)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	ck_assert_ptr_nonnull(t.s);	/* goes on: every file is checked */
	ck_assert_uint_eq(t.s->ncolls, 0);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/site.yaml:1:1: E [config.no-collections]\n");
	tu_site_close(&t);
}
END_TEST

/* site.yaml's unknown keys get utf8_nearest's guess, the schemas' rule. */
START_TEST(test_content_unknown_key_hint)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\nlo: x\ndescriptiion_x: y\n"
		    "collections:\n  news: {kind: news, titel: Tin}\n"},
		{"content/news/a.md", "---\ntitle: A\ndate: 2020-01-15\n---\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/site.yaml:2:1: W [config.unknown-key]|lo"
	    "|params:\n"
	    "content/site.yaml:3:1: W [config.unknown-key-near]"
	    "|descriptiion_x|description\n"
	    "content/site.yaml:5:22: W"
	    " [config.unknown-collection-key-near]|titel|title\n");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_collections_list)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n  - news\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/site.yaml:3:3: E [config.no-collections]"
	    "|collections\n");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_bad_languages)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\n"
		    "languages: [vi, EN, vi, x, zh-Hant, en]\n"
		    "collections: {}\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	ck_assert_ptr_nonnull(t.s);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/site.yaml:2:17: E [config.bad-language]|EN\n"
	    "content/site.yaml:2:21: E [config.language-twice]|vi\n"
	    "content/site.yaml:2:25: E [config.bad-language]|x\n");
	/* The good ones are kept, in order. */
	ck_assert_uint_eq(t.s->nlangs, 3);
	ck_assert_str_eq(t.s->langs[0], "vi");
	ck_assert_str_eq(t.s->langs[1], "zh-Hant");
	ck_assert_str_eq(t.s->langs[2], "en");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_languages_not_list)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\nlanguages: vi\n"
		    "collections: {}\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/site.yaml:2:12: E [config.languages-not-list]"
	    "|languages\n");
	ck_assert_uint_eq(t.s->nlangs, 1);
	ck_assert_str_eq(t.s->langs[0], "vi");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_bad_collections)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  Tin_Tuc: {kind: news}\n"
		    "  files: {kind: page}\n"
		    "  news: news\n"
		    "  pages: {title: Trang}\n"
		    "  docs: {kind: document}\n"},
		{"content/docs/a.yaml", "title: A\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/site.yaml:3:3: E [config.collection-name]"
	    "|Tin_Tuc|-\n"
	    "content/site.yaml:4:3: E [config.collection-files]"
	    "|files\n"
	    "content/site.yaml:5:9: E [config.collection-not-map]"
	    "|news|kind\n"
	    "content/site.yaml:6:10: E [config.collection-no-kind]"
	    "|pages|kind\n");
	ck_assert_uint_eq(t.s->ncolls, 1);
	ck_assert_str_eq(t.s->colls[0].name, "docs");
	ck_assert_uint_eq(t.s->colls[0].n, 1);
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_strays)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  news: {kind: news}\n"
		    "  empty: {kind: page}\n"},
		{"content/README.md", "# Hướng dẫn\n"},
		{"content/ghi-chu.txt", "x\n"},
		{"content/news/a.md", "---\ntitle: A\n---\n"},
		{"content/news/anh.png", "PNG"},
		{"content/cu/a.md", "x"},
		{"content/cu/b.md", "x"},
		{"content/cu/sub/c.md", "x"},
		{"content/files/docs/qd.pdf", "%PDF"},
		{"content/files/a.txt", "a"},
		{"content/news/.an.md", "hidden: skipped"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/cu/a.md:1:1: W [record.stray-folder]\n"
	    "content/ghi-chu.txt:1:1: W [record.stray-file]\n"
	    "content/news/anh.png:1:1: W [record.file-ignored]\n"
	    "content/site.yaml:4:10: W [config.collection-empty]"
	    "|empty\n");
	ck_assert_uint_eq(diags_errors(t.d), 0);
	ck_assert_uint_eq(t.s->colls[0].n, 1);
	/* Attachments are copied below files/. */
	ck_assert_uint_eq(t.s->ncopies, 2);
	ck_assert_str_eq(t.s->copies[0].from, "content/files/a.txt");
	ck_assert_str_eq(t.s->copies[0].to, "files/a.txt");
	ck_assert_str_eq(t.s->copies[1].from, "content/files/docs/qd.pdf");
	ck_assert_str_eq(t.s->copies[1].to, "files/docs/qd.pdf");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_not_utf8)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  news: {kind: news}\n"},
		/* Latin-1 "Việt" saved by an old editor: 0xEA then 't'. */
		{"content/news/a.md", "---\ntitle: Vi\xeat\n---\n"},
		{"content/news/b.md", "---\ntitle: Đúng\n---\nNội dung.\n"},
		{NULL, NULL},
	};
	struct tu_site t;
	const char *txt;

	tu_site_load(&t, files);
	txt = tu_diags_text(t.a, t.d);
	ck_assert_uint_eq(diags_errors(t.d), 1);
	assert_skel(txt, "content/news/a.md:2:10: E [file.not-utf8]\n");
	/* The broken file is skipped; the next one is loaded. */
	ck_assert_uint_eq(t.s->colls[0].n, 1);
	ck_assert_str_eq(t.s->colls[0].items[0]->path, "content/news/b.md");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_site_yaml_not_utf8)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: \xff\n"},
		{NULL, NULL},
	};
	struct tu_site t;
	const char *txt;

	tu_site_load(&t, files);
	ck_assert_ptr_null(t.s);
	txt = tu_diags_text(t.a, t.d);
	assert_skel(txt, "content/site.yaml:1:8: E [file.not-utf8]\n");
	tu_site_close(&t);
}
END_TEST

START_TEST(test_content_bad_front_matter)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  news: {kind: news}\n"},
		{"content/news/a.md", "Chỉ có nội dung.\n"},
		{"content/news/b.md", "---\n- một\n- hai\n---\nx\n"},
		{"content/news/c.yaml", ""},
		{"content/news/d.yaml", "[1, 2]\n"},
		{"content/news/e.md", "---\ntitle: [\n---\n"},
		{"content/news/ok.md", "---\ntitle: OK\n---\n"},
		{NULL, NULL},
	};
	static const char want[] =
	    "content/news/a.md:1:1: E [record.no-front-matter]\n"
	    "content/news/b.md:2:1: E [record.front-matter-not-map]\n"
	    "content/news/c.yaml:1:1: E [record.empty-file]\n"
	    "content/news/d.yaml:1:1: E [record.file-not-map]\n"
	    "content/news/e.md:3:1: E [yaml.syntax-context]\n";
	struct tu_site t;
	const char *txt;

	tu_site_load(&t, files);
	txt = tu_diags_text(t.a, t.d);
	assert_skel(txt, want);
	ck_assert_uint_eq(diags_errors(t.d), 5);
	ck_assert_uint_eq(t.s->colls[0].n, 1);
	ck_assert_str_eq(t.s->colls[0].items[0]->path, "content/news/ok.md");
	tu_site_close(&t);
}
END_TEST

/* Ð in a body: a warning at the letter, which names the fix. */
START_TEST(test_content_body_lookalike)
{
	static const struct tu_file files[] = {
		{"content/site.yaml", "title: T\ncollections:\n"
		    "  news: {kind: news}\n"},
		{"content/news/a.md", "---\ntitle: A\ndate: 2020-01-15\n---\n"
		    "Hội nghị\n\nỦy ban ÐND tỉnh.\n"},
		{NULL, NULL},
	};
	struct tu_site t;

	tu_site_load(&t, files);
	ck_assert_ptr_nonnull(t.s);
	assert_skel(tu_diags_text(t.a, t.d), "content/news/a.md:7:8: W "
	    "[text.lookalike]|dòng 7, cột 8|thay Ð bằng Đ\n");
	tu_site_close(&t);
}
END_TEST

/*
 * Ð and ð after 0-19 ASCII letters and after 0-19 Vietnamese ones (the
 * quick check's blocks), a second one on a line, one at the body's end,
 * one in a file that is not NFC: one warning per line, at the code point
 * column of the first.
 */
START_TEST(test_content_body_lookalikes_columns)
{
	struct tu_file files[] = {
	    {"content/site.yaml",
	        "title: T\ncollections:\n"
	        "  news: {kind: news}\n"},
	    {"content/news/a.md", NULL},
	    {"content/news/b.md",
	        "---\ntitle: B\ndate: 2020-01-15\n---\n"
	        "Vie\xcc\x82t, Ð\n"},
	    {NULL, NULL},
	};
	struct buf body = {0}, want = {0};
	struct tu_site t;
	unsigned j, k, line = 5;

	buf_adds(&body, "---\ntitle: A\ndate: 2020-01-15\n---\n");
	for (j = 0; j < 40; j++, line++) {
		for (k = 0; k < j % 20; k++)
			buf_adds(&body, j < 20 ? "x" : "ạ");
		buf_addf(&body, "%s và ð, Ð nữa\n", j % 2 ? "ð" : "Ð");
		buf_addf(&want,
		    "content/news/a.md:%u:%u: W [text.lookalike]"
		    "|dòng %u, cột %u|thay %s bằng %s\n",
		    line, j % 20 + 1, line, j % 20 + 1, j % 2 ? "ð" : "Ð",
		    j % 2 ? "đ" : "Đ");
	}
	buf_adds(&body, "không có\nab\r\nÐ\n\ncuối Ð");
	buf_addf(&want,
	    "content/news/a.md:%u:1: W [text.lookalike]\n"
	    "content/news/a.md:%u:6: W [text.lookalike]\n",
	    line + 2, line + 4);
	buf_adds(&want,
	    "content/news/b.md:5:3: W [text.not-nfc]\n"
	    "content/news/b.md:5:7: W [text.lookalike]|dòng 5, cột 7\n");
	files[1].text = buf_cstr(&body);
	tu_site_load(&t, files);
	ck_assert_ptr_nonnull(t.s);
	assert_skel(tu_diags_text(t.a, t.d), buf_cstr(&want));
	tu_site_close(&t);
	buf_release(&body);
	buf_release(&want);
}
END_TEST

/* Issue 11: a control character in a value, a key, a body or a YAML
 * escape is a located error; the file is not loaded. */
START_TEST(test_content_control_chars)
{
	static const struct tu_file files[] = {
	    {"content/site.yaml",
	        "title: T\ncollections:\n"
	        "  news: {kind: news}\n"},
	    {"content/news/a.md", "---\ntitle: Tin\vmới\n---\n"},
	    {"content/news/b.md",
	        "---\ntitle: Tin\n---\nThân \x01"
	        "bài.\n"},
	    {"content/news/c.md", "---\ntitle: \"Tin\\x85\"\n---\n"},
	    {"content/news/d.md", "---\nti\x7ftle: Tin\n---\n"},
	    {"content/news/e.md", "---\ntitle: Đúng\n---\nNội dung.\n"},
	    {NULL, NULL},
	};
	struct tu_site t;
	const char *txt;

	tu_site_load(&t, files);
	txt = tu_diags_text(t.a, t.d);
	ck_assert_uint_eq(diags_errors(t.d), 4);
	assert_skel(txt,
	    "content/news/a.md:2:11: E [text.control-char]|U+000B\n"
	    "content/news/b.md:4:6: E [text.control-char]|U+0001\n"
	    "content/news/c.md:2:8: E [text.control-char]|U+0085\n"
	    "content/news/d.md:2:3: E [text.control-char]|U+007F\n");
	tu_site_close(&t);
}
END_TEST

/* Issue 11: NFD text is loaded as NFC, with one warning at its first
 * decomposed letter. */
START_TEST(test_content_nfd)
{
	static const struct tu_file files[] = {
	    {"content/site.yaml",
	        "title: T\ncollections:\n"
	        "  news: {kind: news}\n"},
	    /* "Tin mới" with ơ + U+0301, then "Việt" as e + U+0302 + U+0323. */
	    {"content/news/a.md",
	        "---\ntitle: Tin m\xc6\xa1\xcc\x81i\n"
	        "---\nVie\xcc\x82\xcc\xa3t.\n"},
	    {NULL, NULL},
	};
	struct tu_site t;
	struct item *it;

	tu_site_load(&t, files);
	ck_assert_ptr_nonnull(t.s);
	assert_skel(tu_diags_text(t.a, t.d),
	    "content/news/a.md:2:13: W [text.not-nfc]\n");
	it = tu_item(t.s, "content/news/a.md");
	ck_assert_ptr_nonnull(it);
	ck_assert_str_eq(value_map_str(it->data, "title"), "Tin mới");
	ck_assert_ptr_nonnull(strstr(it->body, "Việt."));
	tu_site_close(&t);
}
END_TEST

Suite *
content_suite(void)
{
	Suite *s = suite_create("content");
	TCase *tc;

	tc = tcase_create("items");
	tcase_add_test(tc, test_content_items);
	tcase_add_test(tc, test_content_default_language);
	suite_add_tcase(s, tc);

	tc = tcase_create("site_yaml");
	tcase_add_test(tc, test_content_missing_site_yaml);
	tcase_add_test(tc, test_content_site_yaml_not_map);
	tcase_add_test(tc, test_content_site_yaml_syntax);
	tcase_add_test(tc, test_content_unknown_key_hint);
	tcase_add_test(tc, test_content_missing_collections);
	tcase_add_test(tc, test_content_collections_list);
	tcase_add_test(tc, test_content_bad_languages);
	tcase_add_test(tc, test_content_languages_not_list);
	tcase_add_test(tc, test_content_bad_collections);
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_add_test(tc, test_content_strays);
	tcase_add_test(tc, test_content_not_utf8);
	tcase_add_test(tc, test_content_site_yaml_not_utf8);
	tcase_add_test(tc, test_content_bad_front_matter);
	tcase_add_test(tc, test_content_body_lookalike);
	tcase_add_test(tc, test_content_body_lookalikes_columns);
	tcase_add_test(tc, test_content_control_chars);
	tcase_add_test(tc, test_content_nfd);
	suite_add_tcase(s, tc);
	return s;
}
