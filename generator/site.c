/*
 * The model stage.  In: the loaded site (collections of raw items) and
 * the compiled theme.  Out: every item's slug, date and URL, sort
 * orders and translations, then (site_frames.c, site_lists.c) template
 * contexts and the pages to render; a check that no two outputs share a
 * path.  Derived values are computed here, once: templates stay
 * logic-less and render workers only read.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "fsutil.h"
#include "fx.h"
#include "schema.h"
#include "site.h"
#include "site_impl.h"
#include "site_lists.h"
#include "site_frames.h"
#include "source.h"
#include "theme.h"
#include "utf8.h"
#include "value.h"


const char *
site_absurl(struct site *s, const char *url)
{
	return arena_cat(s->arena, s->base_url, url + strlen(s->root));
}

const char *
site_permalink(struct site *s, const struct item *it)
{
	/* A copy of an item given another url (an old revision) keeps the
	 * permalink of the first: it counts only while url is its tail. */
	if (it->permalink != NULL &&
	    it->url == it->permalink + strlen(s->base_url) - strlen(s->root))
		return it->permalink;
	return site_absurl(s, it->url);
}

struct page *
site_add_data(struct site *s, const char *out, const char *origin,
    struct buf *b)
{
	struct page *p = site_add_page(s, out, origin);

	p->len = b->len;
	p->data = buf_keep(b, s->arena);
	return p;
}

void
site_reserve_pages(struct site *s, size_t n)
{
	struct page *p;

	if (n <= s->cappages - s->npages)
		return;
	p = arena_calloc(s->arena, s->npages + n, sizeof *p);
	if (s->npages)
		memcpy(p, s->pages, s->npages * sizeof *p);
	s->pages = p;
	s->cappages = s->npages + n;
}

struct page *
site_add_page(struct site *s, const char *out, const char *origin)
{
	struct page *p;

	s->pages = arena_grow(s->arena, s->pages, s->npages, &s->cappages,
	    sizeof *s->pages);
	p = &s->pages[s->npages++];
	memset(p, 0, sizeof *p);
	p->out = out;
	p->origin = origin;
	return p;
}

void
site_add_copy(struct site *s, const char *from, const char *to)
{
	s->copies = arena_grow(s->arena, s->copies, s->ncopies,
	    &s->capcopies, sizeof *s->copies);
	s->copies[s->ncopies].from = from;
	s->copies[s->ncopies].to = to;
	s->ncopies++;
}

/* The part of a language's URLs after the base path: "" or "en/". */
const char *
site_lang_prefix(const struct site *s, int lang)
{
	return lang == 0 ? "" : arena_printf(s->arena, "%s/", s->langs[lang]);
}

/* A string value for str, which must live as long as the build (arena
 * or static): the model's strings are never copied twice. */
struct value *
site_vstr(struct site *s, const char *str)
{
	return value_str_borrow(s->arena, str, strlen(str));
}

/* base_url: "https://host/path/"; root: "/path/". */
static void
model_base(struct site *s, const char *override)
{
	struct value *v = value_map_get(s->conf, "base_url");
	const char *u = override, *p;

	if (u == NULL && v != NULL && v->type == VALUE_STR)
		u = v->text;
	if (u == NULL)
		u = "http://localhost/";
	if (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0) {
		struct pos at = v ? v->pos : pos_file("content/site.yaml");

		diag_error(s->diags, at, "url.base-scheme", u);
		u = "http://localhost/";
	}
	p = strchr(u + (u[4] == 's' ? 8 : 7), '/');
	if (p == NULL) {
		s->base_url = arena_printf(s->arena, "%s/", u);
		s->root = "/";
	} else {
		size_t n = strlen(p);

		s->base_url = p[n - 1] == '/' ? u : arena_printf(s->arena,
		    "%s/", u);
		s->root = p[n - 1] == '/' ? p : arena_printf(s->arena, "%s/",
		    p);
	}
}

/* True if seg[0..n) may be a URL path segment we write. */
static bool
segment_ok(const char *seg, size_t n)
{
	size_t i;

	if (n == 0 || (n == 1 && seg[0] == '.') ||
	    (n == 2 && seg[0] == '.' && seg[1] == '.') || seg[0] == '.')
		return false;
	for (i = 0; i < n; i++)
		if (!ascii_isalnum(seg[i]) && seg[i] != '-' &&
		    seg[i] != '_' && seg[i] != '.')
			return false;
	return true;
}

/* True if rel ("tin-tuc/x/") is made of safe segments each ending '/'. */
static bool
relurl_ok(const char *rel)
{
	const char *p = rel, *q;

	while (*p) {
		q = strchr(p, '/');
		if (q == NULL || !segment_ok(p, (size_t)(q - p)))
			return false;
		p = q + 1;
	}
	return true;
}

/*
 * Appends the permalink pattern expanded for it to b; -1 after a
 * diagnostic.  In a scratch buffer: only the URL and output path made
 * of it are kept.
 */
static int
expand(struct site *s, struct item *it, const char *pat, struct pos at,
    struct buf *b)
{
	const char *p = pat;

	while (*p) {
		if (*p != ':') {
			buf_addc(b, *p++);
			continue;
		}
		p++;
		if (strncmp(p, "slug", 4) == 0) {
			buf_adds(b, it->slug);
			p += 4;
		} else if (strncmp(p, "year", 4) == 0 && it->date) {
			buf_add(b, it->date, 4);
			p += 4;
		} else if (strncmp(p, "month", 5) == 0 && it->date) {
			buf_add(b, it->date + 5, 2);
			p += 5;
		} else if (strncmp(p, "day", 3) == 0 && it->date) {
			buf_add(b, it->date + 8, 2);
			p += 3;
		} else if (strncmp(p, "collection", 10) == 0) {
			buf_adds(b, it->coll->name);
			p += 10;
		} else {
			if (it->date == NULL && (strncmp(p, "year", 4) == 0 ||
			    strncmp(p, "month", 5) == 0 ||
			    strncmp(p, "day", 3) == 0))
				diag_error(s->diags, at, "url.permalink-no-date",
				    pat, diag_fmt(s->diags, ":%.*s",
				    (int)strcspn(p, "/"), p));
			else
				diag_error(s->diags, at,
				    "url.permalink-placeholder", pat,
				    diag_fmt(s->diags, ":%.*s",
				    (int)strcspn(p, "/"), p));
			return -1;
		}
	}
	return 0;
}

static int
model_collection(struct site *s, struct collection *co)
{
	struct value *v;
	const char *pat;
	size_t i;

	v = value_map_get(co->conf, "permalink");
	pat = v && v->type == VALUE_STR ? v->text :
	    arena_printf(s->arena, "/%s/:slug/", co->name);
	if (pat[0] != '/' || pat[strlen(pat) - 1] != '/') {
		return diag_error(s->diags, v ? v->pos : co->conf->pos,
		    "url.permalink-slashes", pat);
	}
	co->permalink = pat;
	co->dated = schema_date_field(s->schemas, co->kind) != NULL;
	/*
	 * The list lives at the permalink's fixed prefix: /tin-tuc/ for
	 * /tin-tuc/:slug/; :collection counts as fixed (/news/ for
	 * /:collection/:slug/).
	 */
	{
		const char *c = strstr(pat, ":collection");
		const char *colon, *pre;
		size_t n;

		if (c != NULL)
			pat = arena_printf(s->arena, "%.*s%s%s",
			    (int)(c - pat), pat, co->name, c + 11);
		colon = strchr(pat, ':');
		n = colon ? (size_t)(colon - pat) : strlen(pat);

		while (n > 0 && pat[n - 1] != '/')
			n--;
		pre = arena_strndup(s->arena, pat + 1, n ? n - 1 : 0);
		v = value_map_get(co->conf, "list");
		co->list = pre[0] != '\0' &&
		    !(v && v->type == VALUE_BOOL && !v->u.b);
		for (i = 0; i < s->nlangs && co->list; i++) {
			if (!relurl_ok(pre)) {
				co->list = false;
				return diag_error(s->diags, co->conf->pos,
				    "url.permalink-unsafe", pat);
			}
			co->list_url[i] = arena_printf(s->arena, "%s%s%s",
			    s->root, site_lang_prefix(s, (int)i), pre);
		}
	}
	return 0;
}

/* Strips a leading "YYYY-MM-DD-" from a file name: true when there is
 * one (the date is name's first ten bytes). */
static bool
name_date(const char *name, const char **rest)
{
	*rest = name;
	if (strlen(name) > 11 && date_is_valid(name, 10) && name[10] == '-') {
		*rest = name + 11;
		return true;
	}
	return false;
}

static void
model_item(struct site *s, struct item *it)
{
	const char *df = schema_date_field(s->schemas, it->coll->kind);
	const char *name = strrchr(it->base, '/'), *rest, *rel;
	struct value *v;
	struct pos at = {it->path, 1, 1};
	struct buf b = {0}, r = {0};
	bool fdate;

	name = name ? name + 1 : it->base;
	fdate = name_date(name, &rest);
	v = value_map_get(it->data, "slug");
	if (v != NULL && v->type == VALUE_STR) {
		it->slug = utf8_slugify(s->arena, v->text, v->len);
		at = v->pos;
	} else {
		it->slug = utf8_slugify(s->arena, rest, strlen(rest));
	}
	if (it->slug[0] == '\0') {
		diag_error(s->diags, at, "url.empty-slug",
		    v && v->type == VALUE_STR ? v->text : name);
		return;
	}
	if (df != NULL) {
		v = value_path(it->data, df);
		if (v != NULL && v->type == VALUE_STR &&
		    date_is_valid(v->text, v->len))
			it->date = v->text;
		else if (v == NULL && fdate)
			it->date = arena_strndup(s->arena, name, 10);
	}
	if (expand(s, it, it->coll->permalink, at, &b) == -1)
		goto out;
	buf_adds(&r, site_lang_prefix(s, it->lang_index));
	buf_adds(&r, buf_cstr(&b) + 1);
	rel = buf_cstr(&r);
	if (!relurl_ok(rel)) {
		diag_error(s->diags, at, "url.unsafe",
		    diag_fmt(s->diags, "/%s", rel));
		goto out;
	}
	/* base_url ends with root: url is the permalink's tail. */
	it->permalink = arena_cat(s->arena, s->base_url, rel);
	it->url = it->permalink + strlen(s->base_url) - strlen(s->root);
	it->out = arena_cat(s->arena, rel, "index.html");
out:
	buf_release(&b);
	buf_release(&r);
}

static int
cmp_item(const void *pa, const void *pb)
{
	const struct item *a = *(struct item *const *)pa;
	const struct item *b = *(struct item *const *)pb;
	const struct value *wa, *wb;
	int c;

	/* Newest first; then by weight; then by slug ("kcn-nhan-co" before
	 * "kcn-nhan-co-2", which the file names' ".yaml" would invert);
	 * then by path, for stability. */
	if (a->date && b->date && (c = strcmp(b->date, a->date)) != 0)
		return c;
	if ((a->date == NULL) != (b->date == NULL))
		return a->date == NULL ? 1 : -1;
	wa = value_map_get(a->data, "weight");
	wb = value_map_get(b->data, "weight");
	if (wa && wb && wa->type == VALUE_INT && wb->type == VALUE_INT &&
	    wa->u.i != wb->u.i)
		return wa->u.i < wb->u.i ? -1 : 1;
	if (a->slug != NULL && b->slug != NULL &&
	    (c = strcmp(a->slug, b->slug)) != 0)
		return c;
	return strcmp(a->path, b->path);
}

/* Pairs translations: items of one collection with one base name. */
static void
model_translations(struct site *s, struct collection *co)
{
	size_t i, j;
	struct item **v;

	if (co->n == 0)
		return;
	v = arena_alloc(s->arena, co->n * sizeof *v);
	memcpy(v, co->items, co->n * sizeof *v);
	/* Sort a copy by base name; runs of one base are one item. */
	for (i = 1; i < co->n; i++) {
		struct item *x = v[i];

		for (j = i; j > 0 && strcmp(v[j - 1]->base, x->base) > 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	for (i = 0; i < co->n; i = j) {
		size_t k;

		for (j = i; j < co->n && strcmp(v[j]->base, v[i]->base) == 0;
		    j++)
			;
		for (k = i; k < j; k++) {
			size_t m;

			for (m = i; m < j; m++)
				v[k]->tr[v[m]->lang_index] = v[m];
		}
	}
}

/*
 * The card partial of kind's records: the theme's partials/card-<kind>
 * when it has one (a theme adds a kind's card by adding the file), else
 * its generic partials/card-generic.  Arena string.
 */
static const char *
site_card(struct site *s, const struct theme *th, const char *kind)
{
	const char *name = arena_printf(s->arena, "partials/card-%s", kind);

	return theme_find(th, name) != NULL ? name : "partials/card-generic";
}

/* Where kind's sections come among a record's linked sections: its
 * place in the theme's linked_order, the kinds it does not list after
 * them (then by the collections' order in site.yaml). */
static size_t
linked_rank(const struct theme *th, const char *kind)
{
	const struct value *l = value_map_get(th->conf, "linked_order");
	size_t i, n = l != NULL ? l->n : 0;

	for (i = 0; i < n; i++)
		if (strcmp(l->items[i]->text, kind) == 0)
			return i;
	return n;
}

int
site_model(struct site *s, const struct theme *th, struct source *src,
    const char *base_url)
{
	size_t i, j;
	int lang;

	s->yes = value_bool(s->arena, true);
	s->no = value_bool(s->arena, false);
	if (s->schemas == NULL)
		s->schemas = schema_builtin(s->arena, s->diags);
	model_base(s, base_url);
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		if (model_collection(s, co) == -1)
			continue;
		co->card = site_card(s, th, co->kind);
		co->linked_card = arena_printf(s->arena, "partials/linked-%s",
		    co->kind);
		if (theme_find(th, co->linked_card) == NULL)
			co->linked_card = co->card;
		co->linked_rank = linked_rank(th, co->kind) * s->ncolls + i;
		for (j = 0; j < co->n; j++)
			model_item(s, co->items[j]);
		model_translations(s, co);
		if (co->n > 1)
			qsort(co->items, co->n, sizeof *co->items, cmp_item);
	}
	/* The globals first: item frames take words from their `t`. */
	for (lang = 0; lang < (int)s->nlangs; lang++)
		s->globals[lang] = site_globals(s, th, src, lang);
	fx_globals(s);
	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n; j++)
			if (s->colls[i].items[j]->url)
				site_item_frame(s, s->colls[i].items[j]);
	/* Before the lists: they hold the frames they show. */
	site_shadows(s);
	/* Room for the pages at once: an item's page each, list pages
	 * (eight records a page or more) and a few per collection for the
	 * feeds and the kinds' own.  Grown by doubling, the array would
	 * leave copies of itself in the arena as large as it. */
	{
		size_t n = 0;

		for (i = 0; i < s->ncolls; i++)
			n += s->colls[i].n + s->colls[i].n / 8 + 8 * s->nlangs;
		site_reserve_pages(s, n + 64);
	}
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];
		const char *tn = co->kind;

		for (j = 0; j < co->n; j++) {
			struct item *it = co->items[j];
			struct page *p;

			if (it->url == NULL || it->draft)
				continue;
			p = site_add_frame_page(s, it->out, it->path,
			    site_template(s, th, tn, "single"), it->lang_index,
			    it->frame);
			p->item = it;
		}
		for (lang = 0; lang < (int)s->nlangs; lang++)
			site_model_lists(s, th, co, lang);
	}
	for (lang = 0; lang < (int)s->nlangs; lang++)
		site_model_home(s, th, lang);
	for (i = 0; i < th->nstatics; i++)
		site_add_copy(s, th->statics[i], th->statics[i] +
		    strlen(th->dir) + strlen("/static/"));
	s->npages_site = s->npages;
	return diags_errors(s->diags) ? -1 : 0;
}

static int
cmp_out(const void *pa, const void *pb)
{
	const char *const *a = pa, *const *b = pb;
	int c = strcmp(a[0], b[0]);

	return c ? c : strcmp(a[1], b[1]);
}

/* "a/b/index.html" is published as "a/b/". */
static const char *
published(struct arena *a, const char *out)
{
	size_t n = strlen(out);

	if (n >= 10 && strcmp(out + n - 10, "index.html") == 0)
		return arena_strndup(a, out, n - 10);
	return out;
}

int
site_check_outputs(struct site *s)
{
	size_t n = s->npages + s->ncopies, i, k = 0;
	const char **v = arena_alloc(s->arena, (n ? n : 1) * 2 * sizeof *v);
	int rc = 0;

	for (i = 0; i < s->npages; i++) {
		v[2 * k] = s->pages[i].out;
		v[2 * k++ + 1] = s->pages[i].origin;
	}
	for (i = 0; i < s->ncopies; i++) {
		v[2 * k] = s->copies[i].to;
		v[2 * k++ + 1] = s->copies[i].from;
	}
	qsort(v, k, 2 * sizeof *v, cmp_out);
	s->outs = v;
	s->nouts = k;
	for (i = 1; i < k; i++) {
		if (strcmp(v[2 * i], v[2 * i - 2]) != 0)
			continue;
		struct pos at = pos_file(v[2 * i + 1]);

		diag_error(s->diags, at, "url.collision", diag_fmt(s->diags,
		    "%s%s", s->root, published(s->arena, v[2 * i])),
		    v[2 * i - 1]);
		rc = -1;
	}
	for (i = 0; i < k; i++) {
		if (fsutil_safe_relpath(v[2 * i]))
			continue;
		struct pos at = pos_file(v[2 * i + 1]);

		diag_error(s->diags, at, "url.outside-output", v[2 * i]);
		rc = -1;
	}
	return rc;
}

static int
cmp_key(const void *key, const void *elt)
{
	return strcmp(key, *(const char *const *)elt);
}

static bool
writes(const struct site *s, const char *out)
{
	return bsearch(out, s->outs, s->nouts, 2 * sizeof *s->outs, cmp_key) !=
	    NULL;
}

const char *
site_link_missing(void *ctx, struct arena *a, const char *path)
{
	const struct site *s = ctx;
	const char *rel = path + (path[0] == '/'), *best = "", *u;
	size_t n = strlen(rel), i, d, bestd = (size_t)-1;
	bool page;
	int pass;

	/* "/x/" is x/index.html; "/x" a file, or the folder x/. */
	if (n == 0 || rel[n - 1] == '/') {
		if (writes(s, arena_printf(a, "%sindex.html", rel)))
			return NULL;
	} else if (writes(s, rel) ||
	    writes(s, arena_printf(a, "%s/index.html", rel))) {
		return NULL;
	}
	/*
	 * Only for a broken link: the nearest by edit distance, among the
	 * pages for "/x/", among the files for "/files/x.png" (an image
	 * is never a page), among all if there are no files.
	 */
	page = n == 0 || rel[n - 1] == '/';
	for (pass = 0; pass < 2 && bestd == (size_t)-1; pass++) {
		for (i = 0; i < s->nouts; i++) {
			u = published(a, s->outs[2 * i]);
			if (pass == 0 && (u != s->outs[2 * i]) != page)
				continue;
			d = utf8_distance(rel, u);
			if (d < bestd) {
				bestd = d;
				best = u;
			}
		}
	}
	return bestd == (size_t)-1 ? "" :
	                             arena_printf(a, "%s%s", s->root, best);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Checks every "/files/…" string under v against the sorted copies. */
static void
attachments_in(struct site *s, const struct value *v, const char **to,
    size_t n)
{
	size_t i;
	const char *rel;

	if (v == NULL)
		return;
	if (v->type == VALUE_LIST || v->type == VALUE_MAP) {
		for (i = 0; i < v->n; i++)
			attachments_in(s, v->type == VALUE_LIST ? v->items[i] :
			    v->pairs[i].val, to, n);
		return;
	}
	if (v->type != VALUE_STR)
		return;
	/* Runs before the model: the base path is not known yet, and
	 * editors write attachments as /files/… anyway. */
	rel = v->text;
	if (strncmp(rel, "/files/", 7) != 0)
		return;
	rel++;
	if (bsearch(&rel, to, n, sizeof *to, cmp_str) == NULL)
		diag_error(s->diags, v->pos, "url.attachment-missing", v->text,
		    diag_fmt(s->diags, "content/%s", rel));
}

int
site_check_attachments(struct site *s)
{
	const char **to = arena_alloc(s->arena, (s->ncopies ? s->ncopies :
	    1) * sizeof *to);
	size_t i, j, n = 0, before = diags_errors(s->diags);

	for (i = 0; i < s->ncopies; i++)
		if (strncmp(s->copies[i].from, "content/", 8) == 0)
			to[n++] = s->copies[i].to;
	qsort(to, n, sizeof *to, cmp_str);
	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n; j++)
			attachments_in(s, s->colls[i].items[j]->data, to, n);
	return diags_errors(s->diags) > before ? -1 : 0;
}
