/*
 * cmarkbench DIR OUTDIR: the benchmark's reference point.  Renders every
 * .md file under DIR/content (sorted by path), front matter stripped,
 * with cmark-gfm alone: one thread, the same options and extensions as
 * generator/markdown.c, safe mode.  Writes OUTDIR/<n>.html for the n-th
 * file and prints the number of files, so that minhbach's time can be
 * set against the cost of Markdown itself.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/* Keep in step with MD_OPTIONS in generator/markdown.c. */
#define OPTIONS                                                        \
	(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES |                     \
	    CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_VALIDATE_UTF8)

static const char *const ext_names[] = {
	"table", "strikethrough", "autolink", "tagfilter", "tasklist",
};

/* The paths found, malloc'd, sorted before use. */
struct paths {
	char **v;
	size_t n, cap;
};

/* Prints "cmarkbench: [path: ]what" and exits 1. */
static _Noreturn void
die(const char *what, const char *path)
{
	fprintf(stderr, "cmarkbench: %s%s%s\n", path ? path : "",
	    path ? ": " : "", what);
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL)
		die("out of memory", NULL);
	return p;
}

/* Returns "a/b" in malloc'd memory. */
static char *
join(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *p = xrealloc(NULL, na + nb + 2);

	memcpy(p, a, na);
	p[na] = '/';
	memcpy(p + na + 1, b, nb + 1);
	return p;
}

/* Adds every regular *.md file under dir (recursively) to ps. */
static void
walk(const char *dir, struct paths *ps)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;

	if (d == NULL)
		die(strerror(errno), dir);
	while ((errno = 0, e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char *p;

		if (e->d_name[0] == '.')
			continue;
		p = join(dir, e->d_name);
		if (lstat(p, &st) != 0)
			die(strerror(errno), p);
		if (S_ISDIR(st.st_mode)) {
			walk(p, ps);
		} else if (S_ISREG(st.st_mode) && n > 3 &&
		    strcmp(e->d_name + n - 3, ".md") == 0) {
			if (ps->n == ps->cap) {
				ps->cap = ps->cap ? 2 * ps->cap : 256;
				ps->v = xrealloc(ps->v,
				    ps->cap * sizeof *ps->v);
			}
			ps->v[ps->n++] = p;
			continue;
		}
		free(p);
	}
	if (errno != 0)
		die(strerror(errno), dir);
	closedir(d);
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads path into *buf (grown as needed); returns the length. */
static size_t
slurp(const char *path, char **buf, size_t *cap)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, r;

	if (f == NULL)
		die(strerror(errno), path);
	for (;;) {
		if (*cap - n < 65536) {
			*cap = *cap ? 2 * *cap : 1 << 20;
			*buf = xrealloc(*buf, *cap);
		}
		if ((r = fread(*buf + n, 1, *cap - n - 1, f)) == 0)
			break;
		n += r;
	}
	if (ferror(f))
		die(strerror(errno), path);
	fclose(f);
	(*buf)[n] = '\0';
	return n;
}

/*
 * Returns the offset of the body: after the closing "---" (or "...")
 * line when s starts with a "---" line, else 0.
 */
static size_t
body_start(const char *s, size_t n)
{
	size_t i;

	if (n < 4 || strncmp(s, "---", 3) != 0 ||
	    (s[3] != '\n' && strncmp(s + 3, "\r\n", 2) != 0))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] != '\n')
			continue;
		if ((strncmp(s + i + 1, "---", 3) == 0 ||
		    strncmp(s + i + 1, "...", 3) == 0) &&
		    (s[i + 4] == '\n' || s[i + 4] == '\0' ||
		    s[i + 4] == '\r')) {
			const char *nl = strchr(s + i + 4, '\n');

			return nl ? (size_t)(nl - s) + 1 : n;
		}
	}
	return 0;	/* unclosed: treat it all as body, as an editor would */
}

/* Renders s[0..n) with the extensions; the caller frees the result. */
static char *
render(const char *s, size_t n)
{
	cmark_parser *p = cmark_parser_new(OPTIONS);
	cmark_node *doc;
	char *html;
	size_t i;

	for (i = 0; i < sizeof ext_names / sizeof ext_names[0]; i++) {
		cmark_syntax_extension *e =
		    cmark_find_syntax_extension(ext_names[i]);

		if (e == NULL)
			die("extension missing from cmark-gfm", ext_names[i]);
		cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, s, n);
	doc = cmark_parser_finish(p);
	html = cmark_render_html(doc, OPTIONS,
	    cmark_parser_get_syntax_extensions(p));
	cmark_node_free(doc);
	cmark_parser_free(p);
	if (html == NULL)
		die("cmark-gfm failed", NULL);
	return html;
}

int
main(int argc, char **argv)
{
	struct paths ps = {0};
	char *src = NULL, *content, out[4096];
	size_t cap = 0, i, n, at;

	if (argc != 3)
		die("usage: cmarkbench DIR OUTDIR", NULL);
	cmark_gfm_core_extensions_ensure_registered();
	content = join(argv[1], "content");
	walk(content, &ps);
	qsort(ps.v, ps.n, sizeof *ps.v, cmp);
	if (mkdir(argv[2], 0777) != 0 && errno != EEXIST)
		die(strerror(errno), argv[2]);
	for (i = 0; i < ps.n; i++) {
		FILE *f;
		char *html;
		size_t len;

		n = slurp(ps.v[i], &src, &cap);
		at = body_start(src, n);
		html = render(src + at, n - at);
		len = strlen(html);
		if ((size_t)snprintf(out, sizeof out, "%s/%zu.html", argv[2],
		    i) >= sizeof out)
			die("path too long", argv[2]);
		if ((f = fopen(out, "w")) == NULL)
			die(strerror(errno), out);
		if (fwrite(html, 1, len, f) != len || fclose(f) != 0)
			die(strerror(errno), out);
		free(html);
		free(ps.v[i]);
	}
	printf("%zu\n", ps.n);
	free(ps.v);
	free(src);
	free(content);
	return 0;
}
