/*
 * The model stage.  In: the loaded site (collections of raw items) and
 * the compiled theme.  Out: every item's slug, date, URL and template
 * context; list pages, home and 404 per language; the list of pages to
 * render and files to copy; a check that no two outputs share a path.
 * All derived values are computed here, once, so templates stay
 * logic-less and render workers only read.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "fsutil.h"
#include "site.h"
#include "source.h"
#include "theme.h"
#include "utf8.h"
#include "value.h"

#define HOME_RECENT 5
#define DEFAULT_PER_PAGE 20

/* What the model knows of each kind: where its date is. */
static const struct kinddef {
	const char *kind;
	const char *date_field;	/* NULL: undated */
} kinds[] = {
	{"page", NULL},
	{"news", "date"},
	{"budget", "published_on"},
	{"inspection", "published_on"},
	{"call", "published_on"},
	{"zone", NULL},
	{"document", "issued_on"},
};

static const struct kinddef *
kinddef(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return &kinds[i];
	return NULL;
}

struct page *
site_add_page(struct site *s, const char *out, const char *origin)
{
	struct page *p;

	if (s->npages == s->cappages) {
		size_t cap = s->cappages ? s->cappages * 2 : 64;
		struct page *v = arena_calloc(s->arena, cap, sizeof *v);

		if (s->npages)
			memcpy(v, s->pages, s->npages * sizeof *v);
		s->pages = v;
		s->cappages = cap;
	}
	p = &s->pages[s->npages++];
	memset(p, 0, sizeof *p);
	p->out = out;
	p->origin = origin;
	return p;
}

void
site_add_copy(struct site *s, const char *from, const char *to)
{
	if (s->ncopies == s->capcopies) {
		size_t cap = s->capcopies ? s->capcopies * 2 : 32;
		struct copy *v = arena_calloc(s->arena, cap, sizeof *v);

		if (s->ncopies)
			memcpy(v, s->copies, s->ncopies * sizeof *v);
		s->copies = v;
		s->capcopies = cap;
	}
	s->copies[s->ncopies].from = from;
	s->copies[s->ncopies].to = to;
	s->ncopies++;
}

/* The part of a language's URLs after the base path: "" or "en/". */
static const char *
lang_prefix(const struct site *s, int lang)
{
	return lang == 0 ? "" : arena_printf(s->arena, "%s/", s->langs[lang]);
}

/* A string value for str, which must live as long as the build (arena
 * or static): the model's strings are never copied twice. */
static struct value *
vstr(struct site *s, const char *str)
{
	return value_str_borrow(s->arena, str, strlen(str));
}

static bool
is_lang_map(const struct site *s, const struct value *v)
{
	size_t i, j;

	if (v->type != VALUE_MAP || v->n == 0)
		return false;
	for (i = 0; i < v->n; i++) {
		for (j = 0; j < s->nlangs; j++)
			if (strcmp(v->pairs[i].key, s->langs[j]) == 0)
				break;
		if (j == s->nlangs)
			return false;
	}
	return true;
}

/*
 * Returns v with every {vi: …, en: …} map replaced by the text of lang
 * (or of the main language when lang has none).  Shares what it can.
 */
static struct value *
localize(struct site *s, struct value *v, int lang)
{
	struct value *r;
	size_t i;

	if (v == NULL)
		return NULL;
	if (is_lang_map(s, v)) {
		r = value_map_get(v, s->langs[lang]);
		return r != NULL ? r : value_map_get(v, s->langs[0]) ?
		    value_map_get(v, s->langs[0]) : v->pairs[0].val;
	}
	if (v->type == VALUE_LIST) {
		r = value_list(s->arena);
		r->pos = v->pos;
		for (i = 0; i < v->n; i++)
			value_list_push(s->arena, r,
			    localize(s, v->items[i], lang));
		return r;
	}
	if (v->type == VALUE_MAP) {
		r = value_map(s->arena);
		r->pos = v->pos;
		for (i = 0; i < v->n; i++)
			value_map_append(s->arena, r, v->pairs[i].key,
			    v->pairs[i].keylen, v->pairs[i].keypos,
			    localize(s, v->pairs[i].val, lang));
		return r;
	}
	return v;
}

static const char *
ltext(struct site *s, struct value *v, int lang, const char *dflt)
{
	v = localize(s, v, lang);
	return v != NULL && value_is_scalar(v) && v->text ? v->text : dflt;
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

		diag_error(s->diags, at, "base_url must start with https:// "
		    "(or http://), e.g. https://bqlkcn.lamdong.gov.vn/");
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

/* Expands a permalink pattern for it; NULL after a diagnostic. */
static const char *
expand(struct site *s, struct item *it, const char *pat, struct pos at)
{
	struct buf b = {0};
	const char *p = pat;
	char *r;

	while (*p) {
		if (*p != ':') {
			buf_addc(&b, *p++);
			continue;
		}
		p++;
		if (strncmp(p, "slug", 4) == 0) {
			buf_adds(&b, it->slug);
			p += 4;
		} else if (strncmp(p, "year", 4) == 0 && it->date) {
			buf_add(&b, it->date, 4);
			p += 4;
		} else if (strncmp(p, "month", 5) == 0 && it->date) {
			buf_add(&b, it->date + 5, 2);
			p += 5;
		} else if (strncmp(p, "day", 3) == 0 && it->date) {
			buf_add(&b, it->date + 8, 2);
			p += 3;
		} else if (strncmp(p, "collection", 10) == 0) {
			buf_adds(&b, it->coll->name);
			p += 10;
		} else {
			diag_error(s->diags, at, "permalink '%s': ':%.*s' is "
			    "not :slug, :year, :month, :day or :collection%s",
			    pat, (int)strcspn(p, "/"), p,
			    it->date ? "" : " (this item has no date for "
			    ":year/:month/:day)");
			buf_release(&b);
			return NULL;
		}
	}
	r = buf_keep(&b, s->arena);
	buf_release(&b);
	return r;
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
		    "permalink '%s' must start and end with '/'", pat);
	}
	co->permalink = pat;
	co->dated = kinddef(co->kind) && kinddef(co->kind)->date_field;
	/* The list lives at the permalink's fixed prefix: /tin-tuc/. */
	{
		const char *colon = strchr(pat, ':');
		size_t n = colon ? (size_t)(colon - pat) : strlen(pat);
		const char *pre;

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
				    "permalink '%s' makes an unsafe URL", pat);
			}
			co->list_url[i] = arena_printf(s->arena, "%s%s%s",
			    s->root, lang_prefix(s, (int)i), pre);
		}
	}
	return 0;
}

/* Strips a leading "YYYY-MM-DD-" from a file name, giving the date. */
static const char *
name_date(struct site *s, const char *name, const char **rest)
{
	*rest = name;
	if (strlen(name) > 11 && fmt_is_date(name, 10) && name[10] == '-') {
		*rest = name + 11;
		return arena_strndup(s->arena, name, 10);
	}
	return NULL;
}

static void
model_item(struct site *s, struct item *it)
{
	const struct kinddef *kd = kinddef(it->coll->kind);
	const char *name = strrchr(it->base, '/'), *rest, *fdate, *rel;
	struct value *v;
	struct pos at = {it->path, 1, 1};

	name = name ? name + 1 : it->base;
	fdate = name_date(s, name, &rest);
	v = value_map_get(it->data, "slug");
	if (v != NULL && v->type == VALUE_STR) {
		it->slug = utf8_slugify(s->arena, v->text, v->len);
		at = v->pos;
	} else {
		it->slug = utf8_slugify(s->arena, rest, strlen(rest));
	}
	if (it->slug[0] == '\0') {
		diag_error(s->diags, at, "cannot make a web address from "
		    "'%s': give the file a name with letters or digits, or "
		    "set 'slug'", v && v->type == VALUE_STR ? v->text : name);
		return;
	}
	if (kd && kd->date_field) {
		v = value_path(it->data, kd->date_field);
		if (v != NULL && v->type == VALUE_STR &&
		    fmt_is_date(v->text, v->len))
			it->date = v->text;
		else if (v == NULL)
			it->date = fdate;
	}
	rel = expand(s, it, it->coll->permalink, at);
	if (rel == NULL)
		return;
	rel = arena_printf(s->arena, "%s%s", lang_prefix(s, it->lang_index),
	    rel + 1);
	if (!relurl_ok(rel)) {
		diag_error(s->diags, at, "the web address '/%s' made from "
		    "the permalink is not safe", rel);
		return;
	}
	it->url = arena_printf(s->arena, "%s%s", s->root, rel);
	it->out = arena_printf(s->arena, "%sindex.html", rel);
}

static int
cmp_item(const void *pa, const void *pb)
{
	const struct item *a = *(struct item *const *)pa;
	const struct item *b = *(struct item *const *)pb;
	const struct value *wa, *wb;
	int c;

	/* Newest first; then by weight; then by path, for stability. */
	if (a->date && b->date && (c = strcmp(b->date, a->date)) != 0)
		return c;
	if ((a->date == NULL) != (b->date == NULL))
		return a->date == NULL ? 1 : -1;
	wa = value_map_get(a->data, "weight");
	wb = value_map_get(b->data, "weight");
	if (wa && wb && wa->type == VALUE_INT && wb->type == VALUE_INT &&
	    wa->u.i != wb->u.i)
		return wa->u.i < wb->u.i ? -1 : 1;
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

static struct value *
link(struct site *s, const char *title, const char *url)
{
	struct value *m = value_map(s->arena);

	value_map_set(s->arena, m, "title", vstr(s, title));
	value_map_set(s->arena, m, "url", vstr(s, url));
	return m;
}

/* Ends a breadcrumb trail with the page itself (no link). */
static void
crumb_here(struct site *s, struct value *l, const char *title)
{
	struct value *m = value_map(s->arena);
	size_t i;

	/* Say "not current" outright, or {{#current}} would look further
	 * down the context stack. */
	for (i = 0; i < l->n; i++)
		value_map_set(s->arena, l->items[i], "current",
		    s->no);

	value_map_set(s->arena, m, "title", vstr(s, title ? title : ""));
	value_map_set(s->arena, m, "current", s->yes);
	value_list_push(s->arena, l, m);
}

/* A plain-text excerpt of the first paragraph of Markdown source. */
static const char *
excerpt(struct site *s, const char *md, size_t n)
{
	struct buf b = {0};
	size_t i = 0, words = 0;

	/* Skip blank lines, headings, lists' markers, tables and fences. */
	while (i < n) {
		size_t e = i;

		while (e < n && md[e] != '\n')
			e++;
		if (e > i && md[i] != '#' && md[i] != '|' && md[i] != '`' &&
		    md[i] != '>' && md[i] != '-' && md[i] != '*' &&
		    md[i] != '!' && md[i] != '<' && md[i] != ' ' &&
		    md[i] != '\r')
			break;
		i = e + 1;
	}
	for (; i < n && words < 60; i++) {
		char c = md[i];

		if (c == '\n') {
			if (i + 1 < n && (md[i + 1] == '\n' ||
			    md[i + 1] == '\r'))
				break;
			c = ' ';
		}
		/* Footnote marks, images and inline HTML say nothing here. */
		if ((c == '[' && i + 1 < n && md[i + 1] == '^') ||
		    (c == '!' && i + 1 < n && md[i + 1] == '[') || c == '<') {
			char end = c == '<' ? '>' : c == '!' ? ')' : ']';

			while (i < n && md[i] != end && md[i] != '\n')
				i++;
			continue;
		}
		if (c == '*' || c == '_' || c == '[' || c == '`' || c == '\r')
			continue;
		if (c == ']' && i + 1 < n && md[i + 1] == '(') {
			while (i < n && md[i] != ')' && md[i] != '\n')
				i++;
			continue;
		}
		if (c == ' ' && b.len && b.data[b.len - 1] == ' ')
			continue;
		if (c == ' ')
			words++;
		buf_addc(&b, c);
	}
	while (b.len && b.data[b.len - 1] == ' ')
		buf_truncate(&b, b.len - 1);
	if (words >= 60)
		buf_adds(&b, " …");
	{
		char *r = buf_keep(&b, s->arena);

		buf_release(&b);
		return r;
	}
}

static const char *
coll_title(struct site *s, struct collection *co, int lang)
{
	return ltext(s, value_map_get(co->conf, "title"), lang, co->name);
}

/* {name, title, url} of a collection in one language, made once. */
static struct value *
coll_frame(struct site *s, struct collection *co, int lang)
{
	struct value *l = co->frame_coll[lang];

	if (l != NULL)
		return l;
	l = value_map(s->arena);
	value_map_set(s->arena, l, "name", vstr(s, co->name));
	value_map_set(s->arena, l, "title", vstr(s, coll_title(s, co,
	    lang)));
	if (co->list)
		value_map_set(s->arena, l, "url", vstr(s, co->list_url[lang]));
	return co->frame_coll[lang] = l;
}

/* The breadcrumbs above an item of co (home, the list), made once. */
static struct value *
coll_crumbs(struct site *s, struct collection *co, int lang)
{
	struct value *l = co->crumbs[lang];

	if (l != NULL)
		return l;
	l = value_list(s->arena);
	value_list_push(s->arena, l, link(s, ltext(s, value_map_get(s->conf,
	    "short_title"), lang, ltext(s, value_map_get(s->conf, "title"),
	    lang, "Home")), arena_printf(s->arena, "%s%s", s->root,
	    lang_prefix(s, lang))));
	if (co->list)
		value_list_push(s->arena, l, link(s, coll_title(s, co, lang),
		    co->list_url[lang]));
	for (size_t i = 0; i < l->n; i++)
		value_map_set(s->arena, l->items[i], "current", s->no);
	return co->crumbs[lang] = l;
}

void
site_item_frame(struct site *s, struct item *it)
{
	struct value *f = value_map(s->arena), *l;
	struct buf b = {0};
	size_t i;
	int lang = it->lang_index;

	/* The data's fields and about 20 computed ones: no regrowth. */
	value_reserve(s->arena, f, it->data->n * 2 + 20);
	for (i = 0; i < it->data->n; i++) {
		struct value_pair *p = &it->data->pairs[i];

		if (strcmp(p->key, "body") == 0)
			continue;
		value_map_append(s->arena, f, p->key, p->keylen, p->keypos,
		    p->val);
	}
	/* Templates cannot count: say which lists have something in them. */
	for (i = 0; i < it->data->n; i++) {
		struct value_pair *p = &it->data->pairs[i];

		if (p->val->type == VALUE_LIST && p->val->n > 0)
			value_map_set(s->arena, f, arena_printf(s->arena,
			    "has_%s", p->key), s->yes);
	}
	f->pos = it->data->pos;
	value_map_set(s->arena, f, "url", vstr(s, it->url));
	value_map_set(s->arena, f, "permalink", vstr(s, arena_printf(s->arena,
	    "%s%s", s->base_url, it->url + strlen(s->root))));
	value_map_set(s->arena, f, "slug", vstr(s, it->slug));
	value_map_set(s->arena, f, "lang", vstr(s, it->lang));
	value_map_set(s->arena, f, "kind", vstr(s, it->coll->kind));
	value_map_set(s->arena, f, "source_path", vstr(s, it->path));
	value_map_set(s->arena, f, arena_printf(s->arena, "is_%s",
	    it->coll->kind), s->yes);
	if (it->date) {
		fmt_date(&b, it->date, it->lang);
		value_map_set(s->arena, f, "date_text", vstr(s,
		    buf_keep(&b, s->arena)));
		value_map_set(s->arena, f, "date_iso", vstr(s, it->date));
		value_map_set(s->arena, f, "year", vstr(s,
		    arena_strndup(s->arena, it->date, 4)));
	}
	if (value_map_get(it->data, "summary") == NULL && it->body_len)
		value_map_set(s->arena, f, "summary", vstr(s,
		    excerpt(s, it->body, it->body_len)));
	value_map_set(s->arena, f, "collection", coll_frame(s, it->coll, lang));

	l = value_list(s->arena);
	for (i = 0; i < s->nlangs; i++) {
		struct item *t = it->tr[i];

		if (t == NULL || t == it || t->url == NULL || t->draft)
			continue;
		value_list_push(s->arena, l, value_map(s->arena));
		value_map_set(s->arena, l->items[l->n - 1], "lang",
		    vstr(s, t->lang));
		value_map_set(s->arena, l->items[l->n - 1], "url",
		    vstr(s, t->url));
		value_map_set(s->arena, l->items[l->n - 1], "title",
		    vstr(s, ltext(s, value_map_get(t->data, "title"),
		    (int)i, t->slug)));
	}
	value_map_set(s->arena, f, "translations", l);

	l = value_list(s->arena);
	value_reserve(s->arena, l, 3);
	for (i = 0; i < coll_crumbs(s, it->coll, lang)->n; i++)
		value_list_push(s->arena, l,
		    coll_crumbs(s, it->coll, lang)->items[i]);
	crumb_here(s, l, value_map_str(it->data, "title"));
	value_map_set(s->arena, f, "breadcrumbs", l);
	value_map_set(s->arena, f, "has_breadcrumbs", value_bool(s->arena,
	    true));
	buf_release(&b);
	it->frame = f;
}

/* The per-language frame that every page of that language sees. */
static struct value *
globals(struct site *s, const struct theme *th, struct source *src, int lang)
{
	struct value *g = value_map(s->arena), *site, *v, *l;
	const char *home = arena_printf(s->arena, "%s%s", s->root,
	    lang_prefix(s, lang));
	size_t i;

	site = value_map(s->arena);
	for (i = 0; i < s->conf->n; i++) {
		struct value_pair *p = &s->conf->pairs[i];

		if (strcmp(p->key, "collections") == 0 ||
		    strcmp(p->key, "menu") == 0)
			continue;
		value_map_set(s->arena, site, p->key,
		    localize(s, p->val, lang));
	}
	value_map_set(s->arena, site, "url", vstr(s, home));
	value_map_set(s->arena, site, "root", vstr(s, s->root));
	value_map_set(s->arena, site, "base_url", vstr(s, s->base_url));
	value_map_set(s->arena, site, "lang", vstr(s, s->langs[lang]));
	value_map_set(s->arena, site, "build_date", vstr(s, s->build_date));
	value_map_set(s->arena, site, "asset_version", vstr(s,
	    th->asset_version));
	value_map_set(s->arena, site, "generator", vstr(s,
	    "minhbach " MINHBACH_VERSION));
	if (s->commit) {
		value_map_set(s->arena, site, "commit", vstr(s, s->commit));
		value_map_set(s->arena, site, "commit_short", vstr(s,
		    arena_strndup(s->arena, s->commit, 12)));
	}
	if (s->dirty)
		value_map_set(s->arena, site, "uncommitted", s->yes);
	if (s->nlangs > 1) {
		l = value_list(s->arena);
		for (i = 0; i < s->nlangs; i++) {
			v = value_map(s->arena);
			value_map_set(s->arena, v, "code",
			    vstr(s, s->langs[i]));
			value_map_set(s->arena, v, "url", vstr(s,
			    arena_printf(s->arena, "%s%s", s->root,
			    lang_prefix(s, (int)i))));
			value_map_set(s->arena, v, "current",
			    (int)i == lang ? s->yes : s->no);
			value_list_push(s->arena, l, v);
		}
		value_map_set(s->arena, site, "languages", l);
		value_map_set(s->arena, site, "multilingual",
		    s->yes);
	}
	/* Menu entries' urls are relative to the language's home. */
	l = value_list(s->arena);
	v = value_map_get(s->conf, "menu");
	for (i = 0; v && v->type == VALUE_LIST && i < v->n; i++) {
		struct value *e = v->items[i];
		const char *u = value_map_str(e, "url");

		if (e->type != VALUE_MAP || u == NULL ||
		    value_map_get(e, "title") == NULL) {
			diag_error(s->diags, e->pos, "a menu entry needs "
			    "'title' and 'url' (e.g. url: tin-tuc/)");
			continue;
		}
		while (*u == '/')
			u++;
		value_list_push(s->arena, l, link(s, ltext(s,
		    value_map_get(e, "title"), lang, ""),
		    arena_printf(s->arena, "%s%s", home, u)));
	}
	value_map_set(s->arena, site, "menu", l);
	l = value_map(s->arena);
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		v = link(s, coll_title(s, co, lang), co->list ?
		    co->list_url[lang] : home);
		value_map_set(s->arena, v, "kind", vstr(s, co->kind));
		value_map_set(s->arena, l, co->name, v);
	}
	value_map_set(s->arena, site, "collections", l);
	value_map_set(s->arena, g, "site", site);
	value_map_set(s->arena, g, "t", theme_strings(s->arena, s->diags,
	    src, th, s->langs[lang]));
	value_map_set(s->arena, g, "lang", vstr(s, s->langs[lang]));
	return g;
}

const struct mustache *
site_template(struct site *s, const struct theme *th, const char *a,
    const char *b)
{
	const struct mustache *t = a ? theme_find(th, a) : NULL;

	if (t == NULL)
		t = theme_find(th, b);
	if (t == NULL)
		diag_error(s->diags, pos_file(th->dir), "the theme has no "
		    "template '%s.mustache'%s%s%s", b, a ? " (nor '" : "",
		    a ? a : "", a ? ".mustache')" : "");
	return t;
}

struct page *
site_add_frame_page(struct site *s, const char *out, const char *origin,
    const struct mustache *t, int lang, struct value *f)
{
	struct page *p = site_add_page(s, out, origin);

	p->tmpl = t;
	p->frames[0] = s->globals[lang];
	p->frames[1] = f;
	p->nframes = 2;
	return p;
}

bool
site_shows(const struct site *s, const struct item *it, int lang)
{
	if (it->url == NULL || it->draft)
		return false;
	if (it->lang_index == lang)
		return true;
	/* An untranslated record is listed in the main language: foreign
	 * investors still find every zone and call. */
	return it->lang_index == 0 && lang > 0 && (it->tr[lang] == NULL ||
	    it->tr[lang]->url == NULL || it->tr[lang]->draft);
}

/* List pages of one collection in one language, paginated. */
static void
model_lists(struct site *s, const struct theme *th, struct collection *co,
    int lang)
{
	struct item **v;
	size_t n = 0, i;

	if (!co->list)
		return;
	v = arena_alloc(s->arena, (co->n ? co->n : 1) * sizeof *v);
	for (i = 0; i < co->n; i++)
		if (site_shows(s, co->items[i], lang))
			v[n++] = co->items[i];
	site_add_list(s, th, co, lang, v, n, co->list_url[lang],
	    coll_title(s, co, lang), NULL);
}

void
site_add_list(struct site *s, const struct theme *th, struct collection *co,
    int lang, struct item **v, size_t n, const char *list_url,
    const char *title, struct value *extra)
{
	const struct mustache *t;
	struct value *per = value_map_get(co->conf, "per_page");
	size_t per_page = DEFAULT_PER_PAGE, npages, pg, i;
	const char *seg = strcmp(s->langs[lang], "vi") == 0 ? "trang" :
	    "page";
	const char *lname;

	if (per == NULL)
		per = value_map_get(s->conf, "per_page");
	if (per && per->type == VALUE_INT && per->u.i > 0 && per->u.i < 10000)
		per_page = (size_t)per->u.i;
	lname = arena_printf(s->arena, "list-%s", co->kind);
	t = site_template(s, th, lname, "list");
	npages = n ? (n + per_page - 1) / per_page : 1;
	for (pg = 1; pg <= npages; pg++) {
		struct value *f = value_map(s->arena), *items, *years, *pgn;
		struct value *links;
		const char *url = pg == 1 ? list_url :
		    arena_printf(s->arena, "%s%s/%zu/", list_url,
		    seg, pg);
		const char *prev_year = NULL;
		struct value *year = NULL;
		size_t k;

		items = value_list(s->arena);
		years = value_list(s->arena);
		for (i = (pg - 1) * per_page; i < n && i < pg * per_page; i++) {
			struct item *it = v[i];

			value_list_push(s->arena, items, it->frame);
			if (it->date && (prev_year == NULL ||
			    strncmp(prev_year, it->date, 4) != 0)) {
				year = value_map(s->arena);
				value_map_set(s->arena, year, "year", vstr(s,
				    arena_strndup(s->arena, it->date, 4)));
				value_map_set(s->arena, year, "pages",
				    value_list(s->arena));
				value_list_push(s->arena, years, year);
				prev_year = it->date;
			}
			if (year && it->date)
				value_list_push(s->arena,
				    value_map_get(year, "pages"), it->frame);
		}
		value_map_set(s->arena, f, "title", vstr(s, title));
		value_map_set(s->arena, f, "url", vstr(s, url));
		value_map_set(s->arena, f, "is_list", value_bool(s->arena,
		    true));
		value_map_set(s->arena, f, "kind", vstr(s, co->kind));
		value_map_set(s->arena, f, "collection", vstr(s, co->name));
		value_map_set(s->arena, f, "pages", items);
		value_map_set(s->arena, f, "years", years);
		value_map_set(s->arena, f, "count", value_int(s->arena,
		    (int64_t)n));
		if (co->dated)
			value_map_set(s->arena, f, "feed_url", vstr(s,
			    arena_printf(s->arena, "%satom.xml",
			    co->list_url[lang])));
		value_map_set(s->arena, f, "json_url", vstr(s,
		    arena_printf(s->arena, "%sindex.json",
		    co->list_url[lang])));
		pgn = value_map(s->arena);
		value_map_set(s->arena, pgn, "current", value_int(s->arena,
		    (int64_t)pg));
		value_map_set(s->arena, pgn, "total", value_int(s->arena,
		    (int64_t)npages));
		if (pg > 1)
			value_map_set(s->arena, pgn, "prev_url", vstr(s,
			    pg == 2 ? list_url :
			    arena_printf(s->arena, "%s%s/%zu/",
			    list_url, seg, pg - 1)));
		if (pg < npages)
			value_map_set(s->arena, pgn, "next_url", vstr(s,
			    arena_printf(s->arena, "%s%s/%zu/",
			    list_url, seg, pg + 1)));
		/*
		 * The first, the last and two either side of the current
		 * page, gaps marked: a constant number of links per page, so
		 * that long lists cost linear, not quadratic, memory.
		 */
		links = value_list(s->arena);
		for (k = 1; k <= npages && npages > 1; k++) {
			struct value *e;

			if (k != 1 && k != npages && (k + 2 < pg || k > pg + 2)) {
				if (k == 2 || k == npages - 1) {
					e = value_map(s->arena);
					value_map_set(s->arena, e, "gap", s->yes);
					value_map_set(s->arena, e, "current",
					    s->no);
					value_list_push(s->arena, links, e);
				}
				continue;
			}
			e = link(s, arena_printf(s->arena, "%zu", k),
			    k == 1 ? list_url : arena_printf(s->arena,
			    "%s%s/%zu/", list_url, seg, k));
			value_map_set(s->arena, e, "current",
			    k == pg ? s->yes : s->no);
			value_list_push(s->arena, links, e);
		}
		value_map_set(s->arena, pgn, "links", links);
		if (npages > 1)
			value_map_set(s->arena, f, "pagination", pgn);
		{
			struct value *bc = value_list(s->arena);

			value_list_push(s->arena, bc, link(s, ltext(s,
			    value_map_get(s->conf, "short_title"), lang,
			    ltext(s, value_map_get(s->conf, "title"), lang,
			    "Home")), arena_printf(s->arena, "%s%s",
			    s->root, lang_prefix(s, lang))));
			crumb_here(s, bc, title);
			value_map_set(s->arena, f, "breadcrumbs", bc);
			value_map_set(s->arena, f, "has_breadcrumbs",
			    s->yes);
		}
		for (i = 0; extra != NULL && i < extra->n; i++)
			value_map_set(s->arena, f, extra->pairs[i].key,
			    extra->pairs[i].val);
		site_add_frame_page(s, arena_printf(s->arena, "%sindex.html",
		    url + strlen(s->root)), arena_printf(s->arena,
		    "content/%s", co->name), t, lang, f);
	}
}

static void
model_home(struct site *s, const struct theme *th, int lang)
{
	struct value *f = value_map(s->arena), *recent = value_map(s->arena);
	const char *pre = lang_prefix(s, lang);
	size_t i, j;

	value_map_set(s->arena, f, "title", vstr(s, ltext(s,
	    value_map_get(s->conf, "title"), lang, "minhbach")));
	value_map_set(s->arena, f, "url", vstr(s, arena_printf(s->arena,
	    "%s%s", s->root, pre)));
	value_map_set(s->arena, f, "is_home", s->yes);
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];
		struct value *l = value_list(s->arena);

		struct value *e;

		for (j = 0; j < co->n && l->n < HOME_RECENT; j++)
			if (site_shows(s, co->items[j], lang))
				value_list_push(s->arena, l,
				    co->items[j]->frame);
		if (l->n == 0)
			continue;	/* {{#recent.news}} is then false */
		e = link(s, coll_title(s, co, lang), co->list ?
		    co->list_url[lang] : "");
		value_map_set(s->arena, e, "items", l);
		value_map_set(s->arena, recent, co->name, e);
	}
	value_map_set(s->arena, f, "recent", recent);
	site_add_frame_page(s, arena_printf(s->arena, "%sindex.html", pre),
	    "content/site.yaml", site_template(s, th, NULL, "home"), lang, f);

	f = value_map(s->arena);
	value_map_set(s->arena, f, "title", vstr(s, "404"));
	value_map_set(s->arena, f, "url", vstr(s, arena_printf(s->arena,
	    "%s%s404.html", s->root, pre)));
	value_map_set(s->arena, f, "is_404", s->yes);
	site_add_frame_page(s, arena_printf(s->arena, "%s404.html", pre),
	    "content/site.yaml", site_template(s, th, NULL, "404"), lang, f);
}

struct item *
site_find(const struct site *s, const char *kind, const char *key)
{
	size_t i, j;

	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		if (strcmp(co->kind, kind) != 0 && strcmp(co->name, kind) != 0)
			continue;
		for (j = 0; j < co->n; j++) {
			struct item *it = co->items[j];

			if (it->lang_index != 0)
				continue;
			if (strcmp(it->base, key) == 0 ||
			    (it->slug && strcmp(it->slug, key) == 0))
				return it;
		}
	}
	return NULL;
}

int
site_model(struct site *s, const struct theme *th, struct source *src,
    const char *base_url)
{
	size_t i, j;
	int lang;

	s->yes = value_bool(s->arena, true);
	s->no = value_bool(s->arena, false);
	model_base(s, base_url);
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		if (model_collection(s, co) == -1)
			continue;
		for (j = 0; j < co->n; j++)
			model_item(s, co->items[j]);
		model_translations(s, co);
		qsort(co->items, co->n, sizeof *co->items, cmp_item);
	}
	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n; j++)
			if (s->colls[i].items[j]->url)
				site_item_frame(s, s->colls[i].items[j]);
	for (lang = 0; lang < (int)s->nlangs; lang++)
		s->globals[lang] = globals(s, th, src, lang);
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
			model_lists(s, th, co, lang);
	}
	for (lang = 0; lang < (int)s->nlangs; lang++)
		model_home(s, th, lang);
	for (i = 0; i < th->nstatics; i++)
		site_add_copy(s, th->statics[i], th->statics[i] +
		    strlen(th->dir) + strlen("/static/"));
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
	for (i = 1; i < k; i++) {
		if (strcmp(v[2 * i], v[2 * i - 2]) != 0)
			continue;
		diag_error(s->diags, (struct pos){v[2 * i + 1], 1, 1},
		    "writes the same page '%s%s' as %s; give one of them "
		    "another file name or 'slug'", s->root,
		    published(s->arena, v[2 * i]), v[2 * i - 1]);
		rc = -1;
	}
	for (i = 0; i < k; i++) {
		if (fsutil_safe_relpath(v[2 * i]))
			continue;
		diag_error(s->diags, (struct pos){v[2 * i + 1], 1, 1},
		    "refusing to write '%s': outside the output folder",
		    v[2 * i]);
		rc = -1;
	}
	return rc;
}
