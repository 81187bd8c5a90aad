/*
 * Splits a Markdown file into its YAML front matter (between "---"
 * lines at the very top) and its body, remembering on which line each
 * starts so that diagnostics in either point at the file's own lines.
 */
#ifndef MINHBACH_FRONTMATTER_H
#define MINHBACH_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

struct diags;

struct frontmatter {
	bool present;		/* the file opened with a "---" line */
	const char *yaml;	/* inside src; not NUL-terminated */
	size_t yaml_len;
	unsigned yaml_line;	/* 1-based line of the first YAML line */
	const char *body;	/* inside src */
	size_t body_len;
	unsigned body_line;	/* 1-based line of the first body line */
};

/*
 * Splits src[0..n) (a UTF-8 BOM is skipped; LF or CRLF) into *out.  A
 * file without front matter is all body.  Returns -1 after recording an
 * error at path when the opening "---" has no closing "---" or "...".
 */
int frontmatter_split(struct diags *d, const char *path, const char *src,
    size_t n, struct frontmatter *out);

#endif
