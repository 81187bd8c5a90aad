/*
 * theme: every template below templates/ compiled and found by name
 * (partials/x too) through theme_find and the loader, broken templates
 * located, a missing theme refused, UI strings per language (missing:
 * a warning and an empty map), and the asset version following the
 * static files' names and bytes.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "mustache.h"
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

Suite *theme_suite(void);

struct fx {
	char dir[256];
	struct arena *a;
	struct diags *d;
	struct source *src;
};

static void
open_fx(struct fx *f, const struct tu_file *files)
{
	tu_mkdtemp(f->dir, sizeof f->dir, "theme");
	tu_put_all(f->dir, files);
	f->a = arena_new();
	f->d = diags_new(f->a);
	ck_assert_int_eq(source_open_dir(f->a, f->d, f->dir, &f->src), 0);
}

static void
close_fx(struct fx *f)
{
	source_close(f->src);
	arena_free(f->a);
	tu_rmtree(f->dir);
}

static const struct tu_file files[] = {
	{"themes/t/templates/single.mustache", "<h1>{{title}}</h1>"},
	{"themes/t/templates/page.mustache",
	    "[{{>partials/header}}]{{>partials/deep/x}}"},
	{"themes/t/templates/partials/header.mustache", "H:{{title}}"},
	{"themes/t/templates/partials/deep/x.mustache", "X"},
	{"themes/t/templates/notes.txt", "not a template"},
	{"themes/t/templates/.draft.mustache", "hidden"},
	{"themes/t/i18n/vi.yaml", "home: Trang chủ\nread_more: Xem thêm\n"},
	{"themes/t/i18n/en.yaml", "- not\n- a map\n"},
	{"themes/t/static/css/site.css", "body{}"},
	{"themes/t/static/app.js", "1"},
	{NULL, NULL},
};

START_TEST(test_theme_templates)
{
	struct fx f;
	struct theme *th;
	size_t i;

	open_fx(&f, files);
	th = theme_load(f.a, f.d, f.src, "t");
	ck_assert_ptr_nonnull(th);
	ck_assert_str_eq(tu_diags_text(f.a, f.d), "");
	ck_assert_str_eq(th->dir, "themes/t");
	ck_assert_uint_eq(th->ntmpls, 4);
	ck_assert_str_eq(th->tmpls[0].name, "page");
	ck_assert_str_eq(th->tmpls[1].name, "partials/deep/x");
	ck_assert_str_eq(th->tmpls[2].name, "partials/header");
	ck_assert_str_eq(th->tmpls[3].name, "single");
	for (i = 0; i < th->ntmpls; i++)
		ck_assert_ptr_eq(theme_find(th, th->tmpls[i].name),
		    th->tmpls[i].t);
	ck_assert_str_eq(mustache_path(theme_find(th, "partials/header")),
	    "themes/t/templates/partials/header.mustache");
	ck_assert_ptr_null(theme_find(th, "partials"));
	ck_assert_ptr_null(theme_find(th, "partials/head"));
	ck_assert_ptr_null(theme_find(th, "header"));
	ck_assert_ptr_null(theme_find(th, "notes"));
	ck_assert_ptr_null(theme_find(th, ".draft"));
	ck_assert_ptr_null(theme_find(th, "singles"));
	ck_assert_ptr_null(theme_find(th, ""));
	/* The loader looks names up by length, not NUL. */
	ck_assert_ptr_eq(th->loader.find(th->loader.ctx, "singleXYZ", 6),
	    theme_find(th, "single"));
	ck_assert_ptr_null(th->loader.find(th->loader.ctx, "singleXYZ", 5));
	/* The static files, in byte order. */
	ck_assert_uint_eq(th->nstatics, 2);
	ck_assert_str_eq(th->statics[0], "themes/t/static/app.js");
	ck_assert_str_eq(th->statics[1], "themes/t/static/css/site.css");
	close_fx(&f);
}
END_TEST

START_TEST(test_theme_partials_render)
{
	struct fx f;
	struct theme *th;
	struct value *ctx;
	const struct value *frames[1];
	struct buf out = {0};

	open_fx(&f, files);
	th = theme_load(f.a, f.d, f.src, "t");
	ctx = value_map(f.a);
	value_map_set(f.a, ctx, "title", value_strz(f.a, "A & B"));
	frames[0] = ctx;
	ck_assert_int_eq(mustache_render(theme_find(th, "page"), &th->loader,
	    MUSTACHE_STRICT, frames, 1, &out, f.d), 0);
	ck_assert_str_eq(buf_cstr(&out), "[H:A &amp; B]X");
	buf_release(&out);
	close_fx(&f);
}
END_TEST

START_TEST(test_theme_broken_template)
{
	static const struct tu_file bad[] = {
		{"themes/t/templates/single.mustache", "ok"},
		{"themes/t/templates/list.mustache",
		    "line one\n{{#pages}}\nunclosed\n"},
		{NULL, NULL},
	};
	struct fx f;
	struct theme *th;
	const char *txt;

	open_fx(&f, bad);
	th = theme_load(f.a, f.d, f.src, "t");
	/* Reported, located in the template; the others still load. */
	ck_assert_ptr_nonnull(th);
	ck_assert_uint_eq(diags_errors(f.d), 1);
	txt = tu_diags_text(f.a, f.d);
	TU_ASSERT_PREFIX(txt, "themes/t/templates/list.mustache:2:");
	ck_assert_ptr_null(theme_find(th, "list"));
	ck_assert_ptr_nonnull(theme_find(th, "single"));
	ck_assert_uint_eq(th->ntmpls, 1);
	close_fx(&f);
}
END_TEST

/* theme.yaml: read when there, an empty map when not; a malformed
 * linked_order is a located error and counts as none. */
START_TEST(test_theme_conf)
{
	static const struct tu_file good[] = {
		{"themes/t/templates/single.mustache", "ok"},
		{"themes/t/theme.yaml", "linked_order: [call, news]\n"},
		{NULL, NULL},
	};
	static const struct tu_file bad[] = {
		{"themes/t/templates/single.mustache", "ok"},
		{"themes/t/theme.yaml", "# order\nlinked_order: [call, [x]]\n"},
		{NULL, NULL},
	};
	struct fx f;
	struct theme *th;
	const struct value *l;

	open_fx(&f, good);
	th = theme_load(f.a, f.d, f.src, "t");
	l = value_map_get(th->conf, "linked_order");
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(l->n, 2);
	ck_assert_str_eq(l->items[1]->text, "news");
	ck_assert_uint_eq(diags_errors(f.d), 0);
	close_fx(&f);

	open_fx(&f, files);	/* no theme.yaml */
	th = theme_load(f.a, f.d, f.src, "t");
	ck_assert_int_eq(th->conf->type, VALUE_MAP);
	ck_assert_uint_eq(th->conf->n, 0);
	close_fx(&f);

	open_fx(&f, bad);
	th = theme_load(f.a, f.d, f.src, "t");
	ck_assert_uint_eq(th->conf->n, 0);
	ck_assert_uint_eq(diags_errors(f.d), 1);
	ck_assert_str_eq(diag_ids(f.a, f.d), "themes/t/theme.yaml:2:22: "
	    "theme.linked-order\n");
	close_fx(&f);
}
END_TEST

START_TEST(test_theme_missing)
{
	struct fx f;

	open_fx(&f, files);
	ck_assert_ptr_null(theme_load(f.a, f.d, f.src, "nope"));
	ck_assert_str_eq(diag_ids(f.a, f.d), "content/site.yaml:1:1: "
	    "theme.missing\n");
	tu_assert_diag(f.d, "«nope»");
	tu_assert_diag(f.d, "themes/nope/templates/");
	close_fx(&f);
}
END_TEST

START_TEST(test_theme_strings)
{
	struct fx f;
	struct theme *th;
	struct value *v;

	open_fx(&f, files);
	th = theme_load(f.a, f.d, f.src, "t");
	v = theme_strings(f.a, f.d, f.src, th, "vi",
	    pos_file("content/site.yaml"));
	ck_assert_int_eq(v->type, VALUE_MAP);
	ck_assert_uint_eq(v->n, 2);
	ck_assert_str_eq(value_map_str(v, "home"), "Trang chủ");
	ck_assert_str_eq(value_map_str(v, "read_more"), "Xem thêm");
	ck_assert_str_eq(tu_diags_text(f.a, f.d), "");
	/* Missing: a warning and an empty map. */
	v = theme_strings(f.a, f.d, f.src, th, "fr",
	    pos_file("content/site.yaml"));
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(v->type, VALUE_MAP);
	ck_assert_uint_eq(v->n, 0);
	ck_assert_uint_eq(diags_warnings(f.d), 1);
	ck_assert_uint_eq(diags_errors(f.d), 0);
	ck_assert_str_eq(diag_ids(f.a, f.d), "content/site.yaml:1:1: "
	    "theme.no-strings\n");
	tu_assert_diag(f.d, "«fr» (themes/t/i18n/fr.yaml)");
	/* Not a map: an error at the value, and an empty map. */
	v = theme_strings(f.a, f.d, f.src, th, "en",
	    pos_file("content/site.yaml"));
	ck_assert_int_eq(v->type, VALUE_MAP);
	ck_assert_uint_eq(v->n, 0);
	ck_assert_uint_eq(diags_errors(f.d), 1);
	ck_assert_ptr_nonnull(strstr(diag_ids(f.a, f.d),
	    "themes/t/i18n/en.yaml:1:1: theme.strings-not-map\n"));
	close_fx(&f);
}
END_TEST

/* The asset version of theme t in a fresh source over dir. */
static const char *
version(struct fx *f)
{
	struct source *src;
	struct theme *th;

	ck_assert_int_eq(source_open_dir(f->a, f->d, f->dir, &src), 0);
	th = theme_load(f->a, f->d, src, "t");
	ck_assert_ptr_nonnull(th);
	source_close(src);
	return th->asset_version;
}

START_TEST(test_theme_asset_version)
{
	struct fx f;
	const char *v1, *v2, *v;
	size_t i;

	open_fx(&f, files);
	v1 = version(&f);
	/*
	 * FNV-1a (standard basis) of each static file's path and bytes in
	 * name order, top 40 bits in hex; computed apart from the generator.
	 */
	ck_assert_str_eq(v1, "a0211fde0e");
	ck_assert_uint_eq(strlen(v1), 10);
	for (i = 0; i < 10; i++)
		ck_assert_msg((v1[i] >= '0' && v1[i] <= '9') ||
		    (v1[i] >= 'a' && v1[i] <= 'f'), "'%s' is not hex", v1);
	/* The same files: the same version. */
	v2 = version(&f);
	ck_assert_str_eq(v1, v2);
	/* One byte of one file changed. */
	tu_put(f.dir, "themes/t/static/css/site.css", "body{ }");
	v = version(&f);
	ck_assert_str_ne(v, v1);
	/* Changed back: the old version again. */
	tu_put(f.dir, "themes/t/static/css/site.css", "body{}");
	ck_assert_str_eq(version(&f), v1);
	/* A file added. */
	tu_put(f.dir, "themes/t/static/img/logo.svg", "<svg/>");
	v2 = version(&f);
	ck_assert_str_ne(v2, v1);
	ck_assert_str_ne(v2, v);
	/* Templates are not assets. */
	tu_put(f.dir, "themes/t/templates/single.mustache", "changed");
	ck_assert_str_eq(version(&f), v2);
	close_fx(&f);
}
END_TEST

START_TEST(test_theme_asset_rename)
{
	static const struct tu_file a[] = {
		{"themes/t/templates/single.mustache", "x"},
		{"themes/t/static/a.css", "same bytes"},
		{NULL, NULL},
	};
	struct fx f;
	const char *v1;
	char p1[512], p2[512];

	open_fx(&f, a);
	v1 = version(&f);
	snprintf(p1, sizeof p1, "%s/themes/t/static/a.css", f.dir);
	snprintf(p2, sizeof p2, "%s/themes/t/static/b.css", f.dir);
	ck_assert_int_eq(rename(p1, p2), 0);
	ck_assert_str_ne(version(&f), v1);
	close_fx(&f);
}
END_TEST

/*
 * The row check across a theme's templates: the pragma of the template
 * a tag is written in counts, not that of its caller.
 */
START_TEST(test_theme_inherit_pragma)
{
	static const struct tu_file t2[] = {
		{"themes/t/templates/list.mustache", "{{! inherit: lang }}\n"
		    "{{#rows}}{{lang}}{{>partials/row}}{{/rows}}"},
		{"themes/t/templates/partials/row.mustache",
		    "{{! inherit: title }}[{{title}}|{{lang}}]"},
		{NULL, NULL},
	};
	struct fx f;
	struct theme *th;
	const struct value *frames[1];
	struct value *ctx, *rows;
	struct buf out = {0};

	open_fx(&f, t2);
	th = theme_load(f.a, f.d, f.src, "t");
	ck_assert_ptr_nonnull(th);
	ctx = value_map(f.a);
	value_map_set(f.a, ctx, "title", value_strz(f.a, "T"));
	value_map_set(f.a, ctx, "lang", value_strz(f.a, "vi"));
	rows = value_list(f.a);
	value_list_push(f.a, rows, value_map(f.a));
	value_map_set(f.a, ctx, "rows", rows);
	frames[0] = ctx;
	ck_assert_int_eq(mustache_render(theme_find(th, "list"), &th->loader,
	    MUSTACHE_STRICT, frames, 1, &out, f.d), -1);
	ck_assert_str_eq(buf_cstr(&out), "vi[T|vi]");
	ck_assert_str_eq(diag_ids(f.a, f.d), "themes/t/templates/"
	    "partials/row.mustache:1:33: template.row-borrows\n");
	tu_assert_diag(f.d, "{{lang}} ");
	tu_assert_diag(f.d, "{{#rows}}");
	buf_release(&out);
	close_fx(&f);
}
END_TEST

Suite *
theme_suite(void)
{
	Suite *s = suite_create("theme");
	TCase *tc;

	tc = tcase_create("templates");
	tcase_add_test(tc, test_theme_templates);
	tcase_add_test(tc, test_theme_partials_render);
	tcase_add_test(tc, test_theme_inherit_pragma);
	tcase_add_test(tc, test_theme_broken_template);
	tcase_add_test(tc, test_theme_missing);
	tcase_add_test(tc, test_theme_conf);
	suite_add_tcase(s, tc);

	tc = tcase_create("strings");
	tcase_add_test(tc, test_theme_strings);
	suite_add_tcase(s, tc);

	tc = tcase_create("assets");
	tcase_add_test(tc, test_theme_asset_version);
	tcase_add_test(tc, test_theme_asset_rename);
	suite_add_tcase(s, tc);
	return s;
}
