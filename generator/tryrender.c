/*
 * `minhbach render`: one template file + one YAML data file → stdout.
 * Partials are read from a folder and compiled the first time a tag
 * names them (this command is single-threaded, so the loader may fill
 * its cache during rendering).  Spec mode: missing partials are empty.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "tryrender.h"
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
			diag_warning(l->d, pos_file(path), "cannot read "
			    "partial: %s", strerror(errno));
	} else {
		c->t = mustache_compile(l->a, l->d, path, buf_cstr(&src),
		    src.len);
	}
	buf_release(&src);
	return c->t;
}

int
tryrender_run(const char *template_path, const char *data_path,
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
		diag_error(d, pos_file(template_path), "cannot read "
		    "template: %s", strerror(errno));
		goto out;
	}
	if (read_file(data_path, &data) == -1) {
		diag_error(d, pos_file(data_path), "cannot read data: %s",
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
		diag_error(d, pos_file("<stdout>"), "cannot write: %s",
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
