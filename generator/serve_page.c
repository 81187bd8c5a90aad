/*
 * The preview's own pages, never part of a build: the list of a failed
 * build's diagnostics shown instead of the site, the catalogue of
 * messages it links to, the reload script and where its tag goes.
 * Everything taken from content or the catalogue is HTML-escaped.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "messages.h"
#include "serve_impl.h"

/*
 * Asks the server for the generation after the one the page was made
 * at (data-gen on its own tag) and reloads when it comes.  Same-origin
 * and a file, so the production Content-Security-Policy allows it.
 */
const char serve_reload_js[] =
    "// minhbach serve: reloads the page once the site has been rebuilt.\n"
    "// Served and added to pages by the preview only, never built.\n"
    "(function () {\n"
    "\t'use strict';\n"
    "\tvar me = document.currentScript;\n"
    "\tvar gen = (me && me.getAttribute('data-gen')) || '';\n"
    "\tvar es = new EventSource('/" SERVE_PREFIX "events?since=' +\n"
    "\t    encodeURIComponent(gen));\n"
    "\tes.onmessage = function () {\n"
    "\t\tes.close();\n"
    "\t\tlocation.reload();\n"
    "\t};\n"
    "}());\n";

const char serve_css[] =
    "body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; "
    "max-width: 60rem; padding: 1rem; color: #1a1a1a; background: #fff; }\n"
    "h1 { color: #8b0000; font-size: 1.5rem; }\n"
    "ol.diags { padding-left: 1.5rem; }\n"
    "ol.diags li { margin: .75rem 0; }\n"
    ".where { font-family: ui-monospace, monospace; font-weight: bold; }\n"
    ".error .level { color: #8b0000; font-weight: bold; }\n"
    ".warning .level { color: #6b4e00; font-weight: bold; }\n"
    ".note { font-style: italic; }\n"
    "section { border-top: 1px solid #ccc; padding: .5rem 0; }\n"
    "section:target { background: #fff6d5; }\n"
    "a { color: #0b4f9c; }\n";

static void
add_html(struct buf *out, const char *s)
{
	buf_add_html(out, s, strlen(s));
}

/* Appends id's text (a note of the catalogue) in lang, escaped. */
static void
add_msg(struct buf *out, const char *lang, const char *id,
    const char *const *argv, size_t argc)
{
	struct buf b = {0};

	msg_format(&b, lang, id, argv, argc);
	add_html(out, buf_cstr(&b));
	buf_release(&b);
}

static void
page_head(struct buf *out, const char *lang, const char *id,
    const char *const *argv, size_t argc)
{
	buf_adds(out, "<!DOCTYPE html>\n<html lang=\"");
	add_html(out, lang);
	buf_adds(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	add_msg(out, lang, id, argv, argc);
	buf_adds(out, "</title>\n<link rel=\"stylesheet\" href=\"/"
	    SERVE_PREFIX "preview.css\">\n</head>\n<body>\n<main>\n<h1>");
	add_msg(out, lang, id, argv, argc);
	buf_adds(out, "</h1>\n");
}

static void
page_foot(struct buf *out)
{
	buf_adds(out, "</main>\n</body>\n</html>\n");
}

/* One diagnostic as an item of the list: where, what, its guide entry. */
static void
add_item(struct buf *out, const char *lang, const struct diag_view *v)
{
	const char *level = v->level == DIAG_ERROR ? "error" :
	    v->level == DIAG_NOTE ? "note" : "warning";

	buf_addf(out, "<li class=\"%s\">", level);
	if (v->pos.path != NULL) {
		/* As diags_print() has it: no line is 1:1. */
		buf_adds(out, "<span class=\"where\">");
		add_html(out, v->pos.path);
		buf_addf(out, ":%u:%u</span>: ", v->pos.line ? v->pos.line : 1,
		    v->pos.line && v->pos.col ? v->pos.col : 1);
	}
	buf_adds(out, "<span class=\"level\">");
	add_html(out, msg_level_word(lang, level));
	buf_adds(out, "</span>: ");
	add_html(out, v->text);
	/* A note (the summary of a group of warnings) is not in the guide:
	 * its text names the warning's id, which the line above links. */
	if (v->id != NULL && v->level != DIAG_NOTE) {
		/* The id is ours, but escaped all the same. */
		buf_adds(out, " <a href=\"/" SERVE_PREFIX "thong-bao#");
		add_html(out, v->id);
		buf_adds(out, "\">[");
		add_html(out, v->id);
		buf_adds(out, "]</a>");
	}
	buf_adds(out, "</li>\n");
}

void
serve_page_errors(struct buf *out, const struct diags *d)
{
	struct arena *a = arena_new();
	struct diag_view *v;
	const char *lang = diags_lang(d);
	char ne[32], nw[32];
	size_t n, i;

	snprintf(ne, sizeof ne, "%zu", diags_errors(d));
	snprintf(nw, sizeof nw, "%zu", diags_warnings(d));
	page_head(out, lang, "preview.errors-title",
	    (const char *const[]){ne, nw}, 2);
	buf_adds(out, "<p>");
	add_msg(out, lang, "preview.errors-lead", NULL, 0);
	buf_adds(out, "</p>\n<ol class=\"diags\">\n");
	n = diags_view(d, a, &v);
	/* The errors first: they are what keeps the site from showing.  A
	 * group's summary note stays after its warnings (errors are never
	 * summarised). */
	for (i = 0; i < n; i++)
		if (v[i].level == DIAG_ERROR)
			add_item(out, lang, &v[i]);
	for (i = 0; i < n; i++)
		if (v[i].level != DIAG_ERROR)
			add_item(out, lang, &v[i]);
	buf_adds(out, "</ol>\n");
	page_foot(out);
	arena_free(a);
}

void
serve_page_died(struct buf *out, const char *lang)
{
	page_head(out, lang, "preview.errors-title",
	    (const char *const[]){"?", "?"}, 2);
	buf_adds(out, "<p>");
	add_msg(out, lang, "preview.build-died", NULL, 0);
	buf_adds(out, "</p>\n");
	page_foot(out);
}

void
serve_page_guide(struct buf *out)
{
	size_t i, n = msg_count();

	page_head(out, "vi", "preview.guide-title", NULL, 0);
	for (i = 0; i < n; i++) {
		const struct msg *m = msg_at(i);

		if (strcmp(m->level, "note") == 0)
			continue;	/* summary lines, not diagnostics */
		buf_adds(out, "<section id=\"");
		add_html(out, m->id);
		buf_adds(out, "\">\n<h2><code>");
		add_html(out, m->id);
		buf_adds(out, "</code> (");
		add_html(out, msg_level_word("vi", m->level));
		buf_adds(out, ")</h2>\n<p>");
		add_html(out, m->vi);
		buf_adds(out, "</p>\n<p>");
		add_html(out, m->help);
		buf_adds(out, "</p>\n</section>\n");
	}
	page_foot(out);
}

/* The last "</body" in s[0..n), any case, or NULL. */
static const char *
last_body_end(const char *s, size_t n)
{
	static const char tag[] = "</body";
	size_t i, k, t = sizeof tag - 1;

	for (i = n; i >= t; i--) {
		const char *p = s + i - t;

		for (k = 0; k < t; k++)
			if ((p[k] | (k > 1 ? 0x20 : 0)) != tag[k])
				break;
		if (k == t)
			return p;
	}
	return NULL;
}

void
serve_page_inject(struct buf *html, unsigned long gen)
{
	struct buf b = {0};
	const char *at = last_body_end(buf_cstr(html), html->len);
	size_t pre = at != NULL ? (size_t)(at - html->data) : html->len;

	if (pre > 0)
		buf_add(&b, html->data, pre);
	buf_addf(&b, "<script src=\"/" SERVE_PREFIX "reload.js\" "
	    "data-gen=\"%lu\"></script>\n", gen);
	if (html->len > pre)
		buf_add(&b, html->data + pre, html->len - pre);
	buf_release(html);
	*html = b;
}
