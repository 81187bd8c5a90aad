/*
 * Fuzz harness for the Markdown stage: any bytes go in; markdown_render()
 * must not crash, leak or hang, must succeed, and its output must keep
 * the promises the theme relies on: no <script>, no event-handler
 * attribute, no javascript:/vbscript: link, an id on every heading.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "markdown.h"
#include "utf8.h"
#include "value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Returns true when the bytes at p start with s, ignoring ASCII case. */
static int
starts_nocase(const char *p, const char *end, const char *s)
{
	for (; *s != '\0'; p++, s++)
		if (p == end || ascii_tolower((unsigned char)*p) != *s)
			return 0;
	return 1;
}

/*
 * Returns true when the URL at p has a scheme that runs code or reads
 * files: javascript, vbscript, file, or data other than the images that
 * cmark lets through.  cmark escapes URLs, so a scheme can only appear
 * literally; other schemes ("tel:", "imgipt:") are harmless.
 */
static int
bad_scheme(const char *p, const char *end)
{
	if (starts_nocase(p, end, "data:image/png") ||
	    starts_nocase(p, end, "data:image/gif") ||
	    starts_nocase(p, end, "data:image/jpeg") ||
	    starts_nocase(p, end, "data:image/webp"))
		return 0;
	return starts_nocase(p, end, "javascript:") ||
	    starts_nocase(p, end, "vbscript:") ||
	    starts_nocase(p, end, "file:") || starts_nocase(p, end, "data:");
}

/*
 * Aborts unless html is safe: every '<' in safe-mode output opens a tag
 * that cmark writes, so raw text never reaches this scan.
 */
static void
check_html(const char *h, size_t n)
{
	const char *p, *end = h + n, *gt;
	int inq;

	for (p = h; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++) {
		if ((gt = memchr(p, '>', (size_t)(end - p))) == NULL)
			abort();	/* unterminated tag */
		if (starts_nocase(p, end, "<script") ||
		    starts_nocase(p, end, "<iframe") ||
		    starts_nocase(p, end, "<style"))
			abort();
		if (p[1] == 'h' && p + 3 < end && p[2] >= '1' &&
		    p[2] <= '6' && strncmp(p + 3, " id=\"", 5) != 0)
			abort();	/* heading without its id */
		for (inq = 0; p < gt; p++) {
			if (*p == '"')
				inq = !inq;	/* values escape '"' */
			if (!inq && *p == ' ' && starts_nocase(p + 1, end,
			    "on"))
				abort();	/* event handler */
			if (!inq && (starts_nocase(p, end, " href=\"") ||
			    starts_nocase(p, end, " src=\"")) &&
			    bad_scheme(strchr(p, '"') + 1, gt))
				abort();
		}
		p = gt;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct markdown_result r;
	unsigned line, col;
	const char *why;
	size_t i;

	markdown_init();
	if (markdown_render(a, d, pos_file("fuzz.md"), (const char *)data,
	    size, &r) != 0)
		abort();	/* cmark reports no errors for Markdown */
	if (strlen(r.html) != r.len)
		abort();
	check_html(r.html, r.len);
	if (!utf8_validate(r.html, r.len, &line, &col, &why) ||
	    !utf8_validate(r.first_para, strlen(r.first_para), &line, &col,
	    &why))
		abort();
	for (i = 0; i < r.toc->n; i++) {
		const char *id = value_map_str(r.toc->items[i], "id");

		if (id == NULL || !utf8_is_slug(id) ||
		    strstr(r.html, id) == NULL)
			abort();
	}
	arena_free(a);
	return 0;
}
