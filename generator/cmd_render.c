/*
 * `minhbach render`: one template file + one YAML data file → stdout
 * (partials are read from a folder and compiled the first time a tag
 * names them; spec mode: missing partials are empty); or --context URL:
 * the model of the site (build.c, stopped before rendering) → the
 * merged context of one page as YAML on stdout.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "build.h"
#include "cmd_render.h"
#include "render.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

#define MAX_FILE ((size_t)8 << 20)

struct cached {
	const char *name;
	size_t n;
	const struct mustache *t;	/* NULL: missing or broken */
	struct cached *next;
};

struct loader {
	struct arena *a;
	struct diags *d;
	const char *dir;
	struct cached *cache;
};

/*
 * Reads path into b.  Returns 0, or -1 with errno set (EFBIG for a file
 * over 8 MiB).
 */
static int
read_file(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int rc = 0;

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b->len + n > MAX_FILE) {
			errno = EFBIG;
			rc = -1;
			break;
		}
		buf_add(b, chunk, n);
	}
	if (rc == 0 && ferror(f)) {
		errno = EIO;
		rc = -1;
	}
	fclose(f);
	return rc;
}

/* True if name is a relative path with no empty, "." or ".." part. */
static bool
safe_name(const char *name, size_t n)
{
	size_t i, s = 0;

	if (n == 0 || memchr(name, '\0', n) != NULL)
		return false;
	for (i = 0; i <= n; i++) {
		if (i < n && name[i] != '/')
			continue;
		if (i == s || (i - s == 1 && name[s] == '.') ||
		    (i - s == 2 && name[s] == '.' && name[s + 1] == '.'))
			return false;
		s = i + 1;
	}
	return true;
}

static const struct mustache *
find(void *ctx, const char *name, size_t n)
{
	struct loader *l = ctx;
	struct cached *c;
	struct buf src = {0};
	const char *path;

	for (c = l->cache; c != NULL; c = c->next)
		if (c->n == n && memcmp(c->name, name, n) == 0)
			return c->t;
	c = arena_calloc(l->a, 1, sizeof *c);
	c->name = arena_strndup(l->a, name, n);
	c->n = n;
	c->next = l->cache;
	l->cache = c;
	if (!safe_name(name, n))
		return NULL;
	path = arena_printf(l->a, "%s/%s.mustache", l->dir, c->name);
	if (read_file(path, &src) == -1) {
		if (errno != ENOENT)
			diag_warning(l->d, pos_file(path), "render.read-partial",
			    strerror(errno));
	} else {
		c->t = mustache_compile(l->a, l->d, path, buf_cstr(&src),
		    src.len);
	}
	buf_release(&src);
	return c->t;
}

int
cmd_render_template(const char *template_path, const char *data_path,
    const char *partials_dir)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct buf src = {0}, data = {0}, out = {0};
	struct loader l = {a, d, partials_dir, NULL};
	struct mustache_loader ld = {find, &l};
	struct value *v = NULL;
	const struct value *frames[1];
	struct mustache *t;
	const char *slash;
	int status = 2;

	if (read_file(template_path, &src) == -1) {
		diag_error(d, pos_file(template_path), "render.read-template",
		    strerror(errno));
		goto out;
	}
	if (read_file(data_path, &data) == -1) {
		diag_error(d, pos_file(data_path), "render.read-data",
		    strerror(errno));
		goto out;
	}
	if (l.dir == NULL) {
		slash = strrchr(template_path, '/');
		l.dir = slash == NULL ? "." : slash == template_path ? "/" :
		    arena_strndup(a, template_path,
		    (size_t)(slash - template_path));
	}
	status = 1;
	if (value_parse_yaml(a, d, data_path, buf_cstr(&data), data.len, 1,
	    &v) == -1)
		goto out;
	t = mustache_compile(a, d, template_path, buf_cstr(&src), src.len);
	if (t == NULL)
		goto out;
	frames[0] = v;
	if (mustache_render(t, &ld, MUSTACHE_SPEC, frames, v != NULL, &out,
	    d) == -1 || diags_errors(d) > 0)
		goto out;
	status = 0;
	if (fwrite(buf_cstr(&out), 1, out.len, stdout) != out.len ||
	    fflush(stdout) != 0) {
		diag_error(d, pos_file("<stdout>"), "render.write-stdout",
		    strerror(errno));
		status = 2;
	}
out:
	diags_print(d, stderr);
	buf_release(&out);
	buf_release(&data);
	buf_release(&src);
	arena_free(a);
	return status;
}

/* ---- --context URL ---- */

struct context_req {
	const char *url;	/* as asked */
};

/* The URL page p is served at (arena); NULL for a data page. */
static const char *
page_url(struct site *s, const struct page *p)
{
	size_t n = strlen(p->out);
	static const char idx[] = "index.html";

	if (p->tmpl == NULL || p->data != NULL || p->make != NULL)
		return NULL;
	if (n >= sizeof idx - 1 &&
	    strcmp(p->out + n - (sizeof idx - 1), idx) == 0 &&
	    (n == sizeof idx - 1 || p->out[n - sizeof idx] == '/'))
		n -= sizeof idx - 1;
	return arena_printf(s->arena, "%s%.*s", s->root, (int)n, p->out);
}

/* url as the site spells it: rooted, "index.html" dropped, a folder
 * with its slash (a last part without a dot is a folder). */
static const char *
normal_url(struct site *s, const char *url)
{
	const char *last;
	size_t n;
	char *u;

	while (*url == '/')
		url++;
	u = arena_printf(s->arena, "%s%s", s->root, url);
	n = strlen(u);
	if (n >= 10 && strcmp(u + n - 10, "index.html") == 0 &&
	    (n == 10 || u[n - 11] == '/'))
		u[n -= 10] = '\0';
	last = strrchr(u, '/');
	if (n > 0 && u[n - 1] != '/' && strchr(last ? last : u, '.') == NULL)
		u = arena_printf(s->arena, "%s/", u);
	return u;
}

static int
cmp_pair(const void *a, const void *b)
{
	const struct value_pair *x = a, *y = b;

	return strcmp(x->key, y->key);
}

/* The frames merged as lookups see them: the innermost frame's key
 * wins; top-level keys sorted. */
static struct value *
merge(struct site *s, const struct value *const *frames, size_t n)
{
	struct value *m = value_map(s->arena), *out = value_map(s->arena);
	size_t i, k;

	while (n-- > 0)
		for (k = 0; frames[n] != NULL && k < frames[n]->n; k++)
			if (value_map_get(m, frames[n]->pairs[k].key) == NULL)
				value_map_set(s->arena, m,
				    frames[n]->pairs[k].key,
				    frames[n]->pairs[k].val);
	if (m->n > 1)
		qsort(m->pairs, m->n, sizeof *m->pairs, cmp_pair);
	for (i = 0; i < m->n; i++)
		value_map_set(s->arena, out, m->pairs[i].key, m->pairs[i].val);
	return out;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* No page at url: an error with the nearest URL and the pages of the
 * nearest folder that has any, in byte order. */
static int
no_page(struct site *s, const char *url, const char **urls, size_t n)
{
	const char *near = utf8_nearest(url, urls, n);
	struct buf b = {0};
	char *dir = arena_strdup(s->arena, url);
	size_t i, k, len, shown;

	if (n > 1)
		qsort(urls, n, sizeof *urls, cmp_str);

	/* The deepest folder of url (the root at last) that holds pages. */
	for (len = strlen(dir);;) {
		while (len > 0 && dir[len - 1] != '/')
			len--;
		dir[len] = '\0';
		for (i = shown = 0; i < n; i++)
			shown += strncmp(urls[i], dir, len) == 0;
		if (shown > 0 || len <= 1)
			break;
		len--;		/* the slash: one folder up */
	}
	for (i = k = 0; i < n && k < 10; i++)
		if (strncmp(urls[i], dir, len) == 0) {
			buf_adds(&b, k++ ? ", " : "");
			buf_adds(&b, urls[i]);
		}
	if (shown > k)
		buf_addf(&b, ", … (+%zu)", shown - k);
	if (near != NULL)
		diag_error(s->diags, pos_file(NULL), "render.no-page-near",
		    url, near, dir, diag_fmt(s->diags, "%s", buf_cstr(&b)));
	else
		diag_error(s->diags, pos_file(NULL), "render.no-page", url,
		    dir, diag_fmt(s->diags, "%s", buf_cstr(&b)));
	buf_release(&b);
	return 1;
}

/* build.c's model_done: finds the page and prints its context. */
static int
print_context(void *ctx, struct site *s, const struct theme *th)
{
	const struct context_req *rq = ctx;
	const char *url = normal_url(s, rq->url), **urls;
	const struct value *frames[RENDER_MAX_FRAMES];
	const struct page *p = NULL;
	struct buf b = {0};
	size_t i, n = 0, nf;
	int status = 0;

	(void)th;
	urls = arena_calloc(s->arena, s->npages + 1, sizeof *urls);
	for (i = 0; i < s->npages && p == NULL; i++) {
		const char *u = page_url(s, &s->pages[i]);

		if (u != NULL && strcmp(u, url) == 0)
			p = &s->pages[i];
		else if (u != NULL)
			urls[n++] = u;
	}
	if (p == NULL)
		return no_page(s, url, urls, n);
	if (render_frames(s, p, s->arena, frames, &nf) == -1)
		return 1;
	buf_addf(&b, "# The context of %s (%s), innermost frame first:\n"
	    "# the page's own keys, its record's or list's frame, the "
	    "globals.\n", url, mustache_path(p->tmpl));
	value_to_yaml(merge(s, frames, nf), &b, CMD_RENDER_MAX_STR);
	if (fwrite(buf_cstr(&b), 1, b.len, stdout) != b.len ||
	    fflush(stdout) != 0) {
		diag_error(s->diags, pos_file("<stdout>"),
		    "render.write-stdout", strerror(errno));
		status = 2;
	}
	buf_release(&b);
	return status;
}

int
cmd_render_context(const struct options *o, const char *url)
{
	struct options m = *o;
	struct context_req rq = {url};

	m.cmd = BUILD_MODEL;
	m.quiet = true;
	m.model_done = print_context;
	m.model_ctx = &rq;
	return build_run(&m);
}
