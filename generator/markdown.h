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

#endif
