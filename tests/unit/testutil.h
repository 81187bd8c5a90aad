/*
 * Shared helpers of the unit suites: temporary source folders made from
 * {path, text} pairs, whole-tree copies and comparisons, reading files
 * back, and the text of a diagnostics list (or a substring check on
 * it).  Header-only (static inline) because the Makefile links only
 * tests/unit/check_*.c into the suites.
 */
#ifndef MINHBACH_TESTUTIL_H
#define MINHBACH_TESTUTIL_H

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "content.h"
#include "diag.h"
#include "feeds.h"
#include "fsutil.h"
#include "site.h"
#include "source.h"
#include "theme.h"
#include "value.h"

/* False under CK_FORK=no, where a test that aborts would end the run. */
static inline bool
forking(void)
{
	const char *f = getenv("CK_FORK");

	return f == NULL || strcmp(f, "no") != 0;
}

/* One file of a fixture tree; a list ends with {NULL, NULL}. */
struct tu_file {
	const char *path;	/* relative, '/'-separated */
	const char *text;	/* NUL-terminated contents */
};

/* snprintf into an array, failing the test when the text is cut. */
#define TU_FMT(arr, ...)                                                \
	do {                                                            \
		int n_ = snprintf((arr), sizeof(arr), __VA_ARGS__);     \
		ck_assert_msg(n_ >= 0 && (size_t)n_ < sizeof(arr),      \
		    "path too long");                                   \
	} while (0)

/* Fails unless string s starts with the string literal lit. */
#define TU_ASSERT_PREFIX(s, lit)                                        \
	ck_assert_msg(strncmp((s), (lit), sizeof(lit) - 1) == 0,        \
	    "'%s' does not start with '%s'", (s), (lit))

/* Makes a fresh folder $TMPDIR/minhbach-<tag>-XXXXXX (or /tmp) in out. */
static inline void
tu_mkdtemp(char *out, size_t size, const char *tag)
{
	const char *t = getenv("TMPDIR");

	if (t == NULL || *t == '\0')
		t = "/tmp";
	snprintf(out, size, "%s/minhbach-%s-XXXXXX", t, tag);
	ck_assert_ptr_nonnull(mkdtemp(out));
}

/* Removes root and everything below it (links are not followed). */
static inline void
tu_rmtree(const char *root)
{
	if (root != NULL && root[0] != '\0')
		fsutil_rmtree(AT_FDCWD, root);
}

/* Writes n bytes of data to root/rel, making its folders. */
static inline void
tu_putn(const char *root, const char *rel, const char *data, size_t n)
{
	char p[1024];
	char *s;
	int fd;

	TU_FMT(p, "%s/%s", root, rel);
	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0755) == -1)
			ck_assert_int_eq(errno, EEXIST);
		*s = '/';
	}
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_msg(fd >= 0, "cannot create %s: %s", p, strerror(errno));
	ck_assert_int_eq(write(fd, data, n), (ssize_t)n);
	ck_assert_int_eq(close(fd), 0);
}

/* HTML escaping as written byte by byte: the reference the 16-byte scan
 * of buf_add_html() and the templates' escaping are checked against. */
static inline void
tu_html_ref(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&#39;"); break;
		default: buf_addc(b, s[i]); break;
		}
}

static inline void
tu_put(const char *root, const char *rel, const char *text)
{
	tu_putn(root, rel, text, strlen(text));
}

/* Writes every file of files below root. */
static inline void
tu_put_all(const char *root, const struct tu_file *files)
{
	for (; files != NULL && files->path != NULL; files++)
		tu_put(root, files->path, files->text);
}

/* Copies the tree from (a folder) to to (created), bytes only. */
static inline void
tu_copy_tree(const char *from, const char *to)
{
	DIR *dir = opendir(from);
	struct dirent *e;

	ck_assert_msg(dir != NULL, "cannot open %s", from);
	if (mkdir(to, 0755) == -1)
		ck_assert_int_eq(errno, EEXIST);
	while ((e = readdir(dir)) != NULL) {
		char a[1024], b[1024];
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		TU_FMT(a, "%s/%s", from, e->d_name);
		TU_FMT(b, "%s/%s", to, e->d_name);
		ck_assert_int_eq(lstat(a, &st), 0);
		if (S_ISDIR(st.st_mode)) {
			tu_copy_tree(a, b);
		} else if (S_ISREG(st.st_mode)) {
			char buf[8192];
			ssize_t r;
			int in = open(a, O_RDONLY), out;

			ck_assert_int_ge(in, 0);
			out = open(b, O_WRONLY | O_CREAT | O_TRUNC, 0644);
			ck_assert_int_ge(out, 0);
			while ((r = read(in, buf, sizeof buf)) > 0)
				ck_assert_int_eq(write(out, buf, (size_t)r), r);
			ck_assert_int_eq(r, 0);
			close(in);
			close(out);
		}
	}
	closedir(dir);
}

/* Reads root/rel into out (reset first); false when it cannot be read. */
static inline bool
tu_read(const char *root, const char *rel, struct buf *out)
{
	char p[1024], buf[8192];
	ssize_t r;
	int fd;

	buf_reset(out);
	if (rel != NULL)
		TU_FMT(p, "%s/%s", root, rel);
	else
		TU_FMT(p, "%s", root);
	if ((fd = open(p, O_RDONLY)) < 0)
		return false;
	while ((r = read(fd, buf, sizeof buf)) > 0)
		buf_add(out, buf, (size_t)r);
	close(fd);
	return r == 0;
}

/* True if root/rel exists (any type). */
static inline bool
tu_exists(const char *root, const char *rel)
{
	char p[1024];
	struct stat st;

	TU_FMT(p, "%s/%s", root, rel);
	return lstat(p, &st) == 0;
}

/* Lists every regular file below root as "rel\n" lines, sorted. */
static inline void
tu_list_sub(const char *root, const char *rel, struct buf *out)
{
	struct dirent **v = NULL;
	char p[1024];
	int n, i;

	TU_FMT(p, "%s%s%s", root, rel[0] ? "/" : "", rel);
	n = scandir(p, &v, NULL, alphasort);
	ck_assert_msg(n >= 0, "cannot list %s", p);
	for (i = 0; i < n; i++) {
		char sub[1024], full[1200];
		struct stat st;

		if (strcmp(v[i]->d_name, ".") != 0 &&
		    strcmp(v[i]->d_name, "..") != 0) {
			TU_FMT(sub, "%s%s%s", rel,
			    rel[0] ? "/" : "", v[i]->d_name);
			TU_FMT(full, "%s/%s", root, sub);
			ck_assert_int_eq(lstat(full, &st), 0);
			if (S_ISDIR(st.st_mode)) {
				tu_list_sub(root, sub, out);
			} else {
				buf_adds(out, sub);
				buf_addc(out, '\n');
			}
		}
		free(v[i]);
	}
	free(v);
}

static inline void
tu_list(const char *root, struct buf *out)
{
	buf_reset(out);
	tu_list_sub(root, "", out);
}

/*
 * Compares two trees byte for byte; returns NULL when equal, else a
 * malloc'd description of the first difference (the caller frees it).
 */
static inline char *
tu_tree_diff(const char *a, const char *b)
{
	struct buf la = {0}, lb = {0}, fa = {0}, fb = {0};
	char *why = NULL;
	const char *p;

	tu_list(a, &la);
	tu_list(b, &lb);
	if (la.len != lb.len || memcmp(buf_cstr(&la), buf_cstr(&lb),
	    la.len) != 0) {
		why = xstrdup("the trees hold different files");
		goto out;
	}
	for (p = buf_cstr(&la); *p; p = strchr(p, '\n') + 1) {
		char rel[1024];
		size_t n = (size_t)(strchr(p, '\n') - p);

		TU_FMT(rel, "%.*s", (int)n, p);
		if (!tu_read(a, rel, &fa) || !tu_read(b, rel, &fb) ||
		    fa.len != fb.len || memcmp(buf_cstr(&fa), buf_cstr(&fb),
		    fa.len) != 0) {
			why = xstrdup(rel);
			goto out;
		}
	}
out:
	buf_release(&la);
	buf_release(&lb);
	buf_release(&fa);
	buf_release(&fb);
	return why;
}

/* True if needle occurs in hay[0..n) (memmem is a GNU extension). */
static inline bool
tu_contains(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; k <= n && i <= n - k; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return true;
	return false;
}

/*
 * Returns the first file below root whose bytes contain needle (malloc,
 * the caller frees), or NULL.
 */
static inline char *
tu_tree_find(const char *root, const char *needle)
{
	struct buf l = {0}, f = {0};
	const char *p;
	char *hit = NULL;

	tu_list(root, &l);
	for (p = buf_cstr(&l); *p && hit == NULL; p = strchr(p, '\n') + 1) {
		char rel[1024];
		size_t n = (size_t)(strchr(p, '\n') - p);

		TU_FMT(rel, "%.*s", (int)n, p);
		if (tu_read(root, rel, &f) && tu_contains(buf_cstr(&f), f.len,
		    needle))
			hit = xstrdup(rel);
	}
	buf_release(&l);
	buf_release(&f);
	return hit;
}

/* Returns the printed diagnostics of d as one arena string. */
static inline const char *
tu_diags_text(struct arena *a, const struct diags *d)
{
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);
	char *r;

	ck_assert_ptr_nonnull(f);
	diags_print(d, f);
	ck_assert_int_eq(fclose(f), 0);
	r = arena_strndup(a, mem ? mem : "", n);
	free(mem);
	return r;
}

/* Fails unless want occurs in the printed diagnostics of d. */
static inline void
tu_assert_diag(struct diags *d, const char *want)
{
	struct arena *a = arena_new();
	const char *text = tu_diags_text(a, d);

	ck_assert_msg(strstr(text, want) != NULL, "wanted \"%s\" in:\n%s",
	    want, text);
	arena_free(a);
}

/* Counts the occurrences of needle in hay. */
static inline size_t
tu_count(const char *hay, const char *needle)
{
	size_t n = 0, k = strlen(needle);

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += k;
	}
	return n;
}

/*
 * Sends stderr to a temporary file until tu_stderr_end(), which returns
 * what was written (arena) and restores stderr.  For build_run(), which
 * prints its diagnostics there.
 */
struct tu_capture {
	int saved;
	FILE *tmp;
};

static inline void
tu_stderr_begin(struct tu_capture *c)
{
	fflush(stderr);
	c->tmp = tmpfile();
	ck_assert_ptr_nonnull(c->tmp);
	c->saved = dup(STDERR_FILENO);
	ck_assert_int_ge(c->saved, 0);
	ck_assert_int_ge(dup2(fileno(c->tmp), STDERR_FILENO), 0);
}

static inline const char *
tu_stderr_end(struct tu_capture *c, struct arena *a)
{
	struct buf b = {0};
	char tmp[4096];
	size_t r;
	const char *text;

	fflush(stderr);
	ck_assert_int_ge(dup2(c->saved, STDERR_FILENO), 0);
	close(c->saved);
	rewind(c->tmp);
	while ((r = fread(tmp, 1, sizeof tmp, c->tmp)) > 0)
		buf_add(&b, tmp, r);
	fclose(c->tmp);
	text = buf_keep(&b, a);
	buf_release(&b);
	return text;
}

/*
 * A small site in a temporary folder: content from {path, text} pairs,
 * the golden tests' fixed theme (tests/golden/_theme/default, read from
 * the repository root, the suites' working directory) as
 * themes/default, loaded and modelled like build.c does.
 */
#define TU_THEME "tests/golden/_theme/default"

struct tu_site {
	char dir[256];
	struct arena *a;
	struct diags *d;
	struct source *src;
	struct site *s;
	struct theme *th;
};

/* Writes files (and the theme, unless theme is NULL) and loads them. */
static inline void
tu_site_load_theme(struct tu_site *t, const struct tu_file *files,
    const char *theme)
{
	char p[512];

	memset(t, 0, sizeof *t);
	tu_mkdtemp(t->dir, sizeof t->dir, "site");
	tu_put_all(t->dir, files);
	if (theme != NULL) {
		TU_FMT(p, "%s/themes", t->dir);
		ck_assert_int_eq(mkdir(p, 0755), 0);
		TU_FMT(p, "%s/themes/default", t->dir);
		tu_copy_tree(theme, p);
	}
	t->a = arena_new();
	t->d = diags_new(t->a);
	ck_assert_int_eq(source_open_dir(t->a, t->d, t->dir, &t->src), 0);
	t->s = content_load(t->a, t->d, t->src, 0);
}

static inline void
tu_site_load(struct tu_site *t, const struct tu_file *files)
{
	tu_site_load_theme(t, files, TU_THEME);
}

/*
 * The model stage as build.c runs it (without validation): theme, model,
 * feeds, the output check.  Returns site_model's result, or -1 when the
 * output check failed.
 */
static inline int
tu_site_model(struct tu_site *t)
{
	int rc;

	ck_assert_ptr_nonnull(t->s);
	t->s->build_date = "2024-05-01";
	t->th = theme_load(t->a, t->d, t->src, "default");
	ck_assert_ptr_nonnull(t->th);
	rc = site_model(t->s, t->th, t->src, NULL);
	feeds_make(t->s);
	if (site_check_outputs(t->s) == -1)
		rc = -1;
	return rc;
}

static inline void
tu_site_close(struct tu_site *t)
{
	if (t->src != NULL)
		source_close(t->src);
	arena_free(t->a);
	tu_rmtree(t->dir);
	memset(t, 0, sizeof *t);
}

/* The page that writes out, or NULL. */
static inline struct page *
tu_page(const struct site *s, const char *out)
{
	size_t i;

	for (i = 0; i < s->npages; i++)
		if (strcmp(s->pages[i].out, out) == 0)
			return &s->pages[i];
	return NULL;
}

/* The bytes of a data page (feed, JSON, sitemap) as a string. */
static inline const char *
tu_data(const struct site *s, const char *out)
{
	struct page *p = tu_page(s, out);

	ck_assert_msg(p != NULL, "no page %s", out);
	/* made when written (a list's JSON): made here as a worker would */
	if (p->data == NULL && p->make != NULL) {
		struct buf b = {0};

		const char *r;

		p->make((struct site *)s, p, s->arena, &b, NULL);
		r = buf_keep(&b, s->arena);
		buf_release(&b);
		return r;
	}
	ck_assert_msg(p->data != NULL, "page %s is not data", out);
	return p->data;
}

/* The item loaded from source path, or NULL. */
static inline struct item *
tu_item(const struct site *s, const char *path)
{
	size_t i, j;

	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n; j++)
			if (strcmp(s->colls[i].items[j]->path, path) == 0)
				return s->colls[i].items[j];
	return NULL;
}

/* The frame of page out that is not the language's globals. */
static inline const struct value *
tu_frame(const struct site *s, const char *out)
{
	struct page *p = tu_page(s, out);

	ck_assert_msg(p != NULL, "no page %s", out);
	ck_assert_uint_eq(p->nframes, 2);
	return p->frames[1];
}

#endif
