/*
 * The Markdown stage: cmark-gfm with the GFM extensions (table,
 * strikethrough, autolink, tasklist, tagfilter; footnotes), always in
 * safe mode: raw HTML is dropped and javascript:/vbscript:/file:/data:
 * (but images) links are emptied.  Headings get ids for deep links and
 * a table of contents is returned for templates.
 */
#ifndef MINHBACH_MARKDOWN_H
#define MINHBACH_MARKDOWN_H

#include <stddef.h>

#include "diag.h"

struct arena;
struct value;

/*
 * The most table cells one page's Markdown may make, counted as cmark
 * makes them: every row of a table has as many cells as its header
 * (GFM pads short rows), so a table costs columns × rows however short
 * its lines.  A 14 KB body of a 1000-column header and 5000 one-word
 * rows is five million cells: 1.6 GB and ten seconds inside cmark.  No
 * real page comes near 100,000 (a budget form has some 2,000); a body
 * over the limit is a located error, found before cmark parses it.
 */
#define MARKDOWN_MAX_TABLE_CELLS 100000

struct markdown_result {
	const char *html;	/* arena; "" for an empty body */
	size_t len;
	/* List of maps {level: int, id: str, text: str}, h2..h6 in order. */
	struct value *toc;
	const char *first_para;	/* plain text of the first paragraph */
};

/* Registers the extensions; call once before any thread renders. */
void markdown_init(void);
/*
 * Renders src[0..n) (valid UTF-8) into *out, allocated in a.  Safe to
 * call from several threads with different arenas.  Returns 0; -1 after
 * a diagnostic if the body's tables have more than
 * MARKDOWN_MAX_TABLE_CELLS cells (located at the table) or cmark fails
 * (at body).
 */
int markdown_render(struct arena *a, struct diags *d, struct pos body,
    const char *src, size_t n, struct markdown_result *out);

/*
 * markdown_render() for input the caller has validated as UTF-8 (the
 * load stage does, for every file): cmark's output is then checked only
 * where cmark is known to cut characters (footnote labels).
 */
int markdown_render_valid(struct arena *a, struct diags *d, struct pos body,
    const char *src, size_t n, struct markdown_result *out);

/*
 * What the links and images of a body are checked against (issue 11).
 * Every internal link (root-relative "/x/y/", relative "../x/", an
 * attachment "/files/a.pdf") must name something the build writes;
 * external ones (a scheme, "//host", mailto:, tel:) and pure fragments
 * are not checked.  Root-relative links are rewritten to start with
 * root, the base path of base_url.
 */
struct markdown_links {
	const char *root; /* "/" or "/kcn/" */
	const char *dir; /* the page's folder, below root: "/tin-tuc/" */
	/*
	 * Returns NULL if the site writes path (decoded, below root, "/"
	 * first, no query or fragment); else the nearest URL it writes,
	 * for the hint ("" if none).  Called from render threads.
	 */
	const char *(*missing)(void *ctx, struct arena *a, const char *path);
	void *ctx;
};

/*
 * markdown_render_valid() that also checks and rewrites the body's
 * links by l (NULL: not checked): a broken one is a located error
 * (line and column of the link in the file); rendering goes on.
 */
int markdown_render_site(struct arena *a, struct diags *d, struct pos body,
    const char *src, size_t n, const struct markdown_links *l,
    struct markdown_result *out);

#endif
