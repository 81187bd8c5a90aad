/*
 * The theme part of the load stage: templates in, compiled templates
 * out.  Every template is compiled exactly once per build, whether a
 * page uses it or not, so that a broken partial is reported even when
 * no page reaches it today.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "source.h"
#include "theme.h"
#include "value.h"

static int
cmp_tmpl(const void *a, const void *b)
{
	const struct theme_tmpl *x = a, *y = b;

	return strcmp(x->name, y->name);
}

static const struct mustache *
find(void *ctx, const char *name, size_t n)
{
	const struct theme *th = ctx;
	size_t lo = 0, hi = th->ntmpls;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *m = th->tmpls[mid].name;
		int c = strncmp(m, name, n);

		if (c == 0 && m[n] != '\0')
			c = 1;
		if (c == 0)
			return th->tmpls[mid].t;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct mustache *
theme_find(const struct theme *th, const char *name)
{
	return find((void *)th, name, strlen(name));
}

/*
 * A short hash of every static file's name and bytes: templates add it
 * to asset URLs (site.css?v=…), so that assets can be cached for a year
 * and still change the day the theme does.
 */
static const char *
asset_version(struct arena *a, struct source *src, const struct theme *th)
{
	uint64_t h = HASH_FNV1A_INIT;
	struct buf b = {0};
	size_t i;

	for (i = 0; i < th->nstatics; i++) {
		const char *p = th->statics[i];

		h = hash_fnv1a(h, p, strlen(p));
		if (source_read(src, p, &b) == -1)
			continue;
		h = hash_fnv1a(h, b.data, b.len);
	}
	buf_release(&b);
	return arena_printf(a, "%010llx", (unsigned long long)(h >> 24));
}

/*
 * Reads dir/theme.yaml, what the theme says beside its templates: a map
 * whose `linked_order` is a list of kind names (the order of the linked
 * sections on a record's page).  Missing: an empty map.  A malformed
 * file is a located error and counts as empty.
 */
static struct value *
theme_conf(struct arena *a, struct diags *d, struct source *src,
    const char *dir)
{
	const char *path = arena_printf(a, "%s/theme.yaml", dir);
	struct buf b = {0};
	struct value *v = NULL, *l;
	size_t i;

	if (source_exists(src, path) && source_read(src, path, &b) == 0 &&
	    value_parse_yaml(a, d, path, buf_cstr(&b), b.len, 1, &v) == 0 &&
	    v != NULL && v->type != VALUE_MAP) {
		diag_error(d, v->pos, "theme.conf-not-map");
		v = NULL;
	}
	buf_release(&b);
	if (v == NULL || v->type != VALUE_MAP)
		return value_map(a);
	if ((l = value_map_get(v, "linked_order")) != NULL &&
	    l->type != VALUE_LIST) {
		diag_error(d, l->pos, "theme.linked-order");
		return value_map(a);
	}
	for (i = 0; l != NULL && i < l->n; i++)
		if (l->items[i]->type != VALUE_STR) {
			diag_error(d, l->items[i]->pos, "theme.linked-order");
			return value_map(a);
		}
	return v;
}

bool
theme_failed(const struct theme *th, const char *name)
{
	size_t i;

	for (i = 0; i < th->nfailed; i++)
		if (strcmp(th->failed[i], name) == 0)
			return true;
	return false;
}

struct theme *
theme_load(struct arena *a, struct diags *d, struct source *src,
    const char *name)
{
	return theme_load_at(a, d, src, name,
	    pos_file(arena_strdup(a, "content/site.yaml")));
}

struct theme *
theme_load_at(struct arena *a, struct diags *d, struct source *src,
    const char *name, struct pos asked)
{
	struct theme *th = arena_calloc(a, 1, sizeof *th);
	struct buf b = {0};
	const char **paths, *tdir, *sdir;
	size_t n, i, k = 0, pre;

	th->dir = arena_printf(a, "themes/%s", name);
	tdir = arena_printf(a, "%s/templates", th->dir);
	if (source_list(src, tdir, &paths, &n) == -1)
		return NULL;
	if (n == 0) {
		diag_error(d, asked, "theme.missing", name, tdir);
		return NULL;
	}
	th->tmpls = arena_calloc(a, n, sizeof *th->tmpls);
	th->failed = arena_calloc(a, n, sizeof *th->failed);
	pre = strlen(tdir) + 1;
	for (i = 0; i < n; i++) {
		size_t len = strlen(paths[i]);
		static const char ext[] = ".mustache";
		struct mustache *t;

		if (len < pre + sizeof ext ||
		    strcmp(paths[i] + len - (sizeof ext - 1), ext) != 0)
			continue;
		if (source_read(src, paths[i], &b) == -1)
			continue;
		t = mustache_compile(a, d, paths[i], buf_cstr(&b), b.len);
		if (t == NULL) {
			th->failed[th->nfailed++] = arena_strndup(a,
			    paths[i] + pre, len - pre - (sizeof ext - 1));
			continue;
		}
		th->tmpls[k].name = arena_strndup(a, paths[i] + pre,
		    len - pre - (sizeof ext - 1));
		th->tmpls[k].t = t;
		k++;
	}
	buf_release(&b);
	th->ntmpls = k;
	qsort(th->tmpls, k, sizeof *th->tmpls, cmp_tmpl);
	th->loader.find = find;
	th->loader.ctx = th;

	sdir = arena_printf(a, "%s/static", th->dir);
	if (source_list(src, sdir, &th->statics, &th->nstatics) == -1)
		return NULL;
	th->asset_version = asset_version(a, src, th);
	th->conf = theme_conf(a, d, src, th->dir);
	return th;
}

struct value *
theme_strings(struct arena *a, struct diags *d, struct source *src,
    const struct theme *th, const char *lang, struct pos asked)
{
	const char *path = arena_printf(a, "%s/i18n/%s.yaml", th->dir, lang);
	struct buf b = {0};
	struct value *v = NULL;

	if (!source_exists(src, path)) {
		diag_warning(d, asked, "theme.no-strings", lang, path);
	} else if (source_read(src, path, &b) == 0 &&
	    value_parse_yaml(a, d, path, buf_cstr(&b), b.len, 1, &v) == 0 &&
	    v != NULL && v->type != VALUE_MAP) {
		diag_error(d, v->pos, "theme.strings-not-map");
		v = NULL;
	}
	buf_release(&b);
	return v != NULL && v->type == VALUE_MAP ? v : value_map(a);
}
