/*
 * The load stage for Markdown files: splits the YAML front matter (from
 * a "---" first line to the next "---" or "..." line) from the body and
 * records the file line on which each part starts, so that the YAML
 * loader and the Markdown renderer can report the file's own lines.
 */
#include <string.h>

#include "diag.h"
#include "frontmatter.h"

/*
 * Returns true when the line s[0..n) (its '\n' excluded) is marker,
 * allowing trailing blanks and the '\r' of a CRLF.
 */
static bool
is_marker(const char *s, size_t n, const char *marker)
{
	size_t k = strlen(marker);

	if (n < k || memcmp(s, marker, k) != 0)
		return false;
	for (; k < n; k++)
		if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r')
			return false;
	return true;
}

/* Returns the length of the line at s[0..n), its '\n' excluded. */
static size_t
line_len(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);

	return nl != NULL ? (size_t)(nl - s) : n;
}

int
frontmatter_split(struct diags *d, const char *path, const char *src,
    size_t n, struct frontmatter *out)
{
	const char *s = src, *end;
	size_t len, at;
	unsigned line;

	/* A BOM is no character of the first line. */
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	end = s + n;
	memset(out, 0, sizeof *out);
	out->yaml = s;
	out->yaml_line = 1;
	out->body = s;
	out->body_len = n;
	out->body_line = 1;
	len = line_len(s, n);
	if (!is_marker(s, len, "---"))
		return 0;		/* no front matter: all body */
	out->present = true;
	if (len == n)
		goto unclosed;
	out->yaml = s + len + 1;
	out->yaml_line = 2;
	line = 2;
	for (at = len + 1; at < n; at += len + 1, line++) {
		len = line_len(s + at, n - at);
		if (!is_marker(s + at, len, "---") &&
		    !is_marker(s + at, len, "..."))
			continue;
		out->yaml_len = (size_t)(s + at - out->yaml);
		out->body = at + len < n ? s + at + len + 1 : end;
		out->body_len = (size_t)(end - out->body);
		out->body_line = line + 1;
		return 0;
	}
unclosed:
	out->yaml_len = (size_t)(end - out->yaml);
	out->body = end;
	out->body_len = 0;
	out->body_line = 1;
	for (at = 0; at < n; at++)
		out->body_line += s[at] == '\n';
	{
		struct pos opened = {path, 1, 1};

		return diag_error(d, opened, "record.front-matter-unclosed");
	}
}
