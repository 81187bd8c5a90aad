/*
 * The model stage's pages beyond records.  In: item frames and globals.
 * Out: paginated list pages per collection and language (newest first,
 * grouped by year, with a window of page links), the home page with
 * each collection's latest records, the 404 page; and the helpers that
 * browse pages and history pages use to add theirs.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "segments.h"
#include "site.h"
#include "site_frames.h"
#include "site_impl.h"
#include "site_lists.h"
#include "theme.h"
#include "utf8.h"
#include "value.h"

/*
 * The line of site.yaml that asks for template name: the `kind:` of
 * the collection whose kind it is named after ("news", "list-news"),
 * else the `theme:` line, else the file's first line.
 */
static struct pos
template_asked(const struct site *s, const char *name)
{
	const struct value *v;
	size_t i;

	if (name != NULL && strncmp(name, "list-", 5) == 0)
		name += 5;
	for (i = 0; name != NULL && i < s->ncolls; i++)
		if (strcmp(s->colls[i].kind, name) == 0 &&
		    (v = value_map_get(s->colls[i].conf, "kind")) != NULL)
			return v->pos;
	if ((v = value_map_get(s->conf, "theme")) != NULL)
		return v->pos;
	return pos_file(s->conf->pos.path);
}

const struct mustache *
site_template(struct site *s, const struct theme *th, const char *a,
    const char *b)
{
	const struct mustache *t = a ? theme_find(th, a) : NULL;

	if (t == NULL)
		t = theme_find(th, b);
	if (t != NULL || (a != NULL && theme_failed(th, a)) ||
	    theme_failed(th, b))
		return t;	/* a broken template: its errors said it */
	if (a != NULL)
		diag_error(s->diags, template_asked(s, a),
		    "theme.template-missing-either", th->dir,
		    diag_fmt(s->diags, "%s.mustache", b),
		    diag_fmt(s->diags, "%s.mustache", a));
	else
		diag_error(s->diags, template_asked(s, NULL),
		    "theme.template-missing", th->dir,
		    diag_fmt(s->diags, "%s.mustache", b));
	return NULL;
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

/*
 * The other languages' versions of a page that every language has (the
 * home page, a collection's first list page): {lang, url, title} as
 * item frames carry them, for the head's hreflang alternates.
 */
static struct value *
every_lang(struct site *s, int lang, const char *const *urls,
    const char *const *titles)
{
	struct value *l = value_list(s->arena);
	size_t i;

	for (i = 0; i < s->nlangs; i++) {
		struct value *e;

		if ((int)i == lang || urls[i] == NULL)
			continue;
		e = site_link(s, titles[i], urls[i]);
		value_map_put(s->arena, e, "lang", site_vstr(s, s->langs[i]));
		value_list_push(s->arena, l, e);
	}
	return l;
}

bool
site_shows(const struct site *s, const struct item *it, int lang)
{
	if (it->url == NULL || it->draft || it->expired)
		return false;
	if (it->lang_index == lang)
		return true;
	/* An untranslated record is listed in the main language: foreign
	 * investors still find every zone and call. */
	return it->lang_index == 0 && lang > 0 && (it->tr[lang] == NULL ||
	    it->tr[lang]->url == NULL || it->tr[lang]->draft);
}

/* List pages of one collection in one language, paginated. */
void
site_model_lists(struct site *s, const struct theme *th,
    struct collection *co, int lang)
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
	    site_coll_title(s, co, lang), NULL);
}

void
site_add_list(struct site *s, const struct theme *th, struct collection *co,
    int lang, struct item **v, size_t n, const char *list_url,
    const char *title, struct value *extra)
{
	const struct mustache *t;
	struct value *per = value_map_get(co->conf, "per_page");
	size_t per_page = DEFAULT_PER_PAGE, npages, pg, i;
	const char *seg = site_segment(s, lang, "page");
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
		/* This page's records, known: no doubling. */
		value_reserve(s->arena, items,
		    (pg * per_page < n ? pg * per_page : n) -
		        (pg - 1) * per_page);
		years = value_list(s->arena);
		for (i = (pg - 1) * per_page; i < n && i < pg * per_page; i++) {
			struct item *it = v[i];

			value_list_push(s->arena, items,
			    site_frame_in(it, lang));
			if (it->date && (prev_year == NULL ||
			    strncmp(prev_year, it->date, 4) != 0)) {
				year = value_map(s->arena);
				value_map_put(s->arena, year, "year",
				    site_vstr(s,
				        arena_strndup(s->arena, it->date, 4)));
				value_map_put(s->arena, year, "pages",
				    value_list(s->arena));
				value_list_push(s->arena, years, year);
				prev_year = it->date;
			}
			if (year && it->date)
				value_list_push(s->arena,
				    value_map_get(year, "pages"),
				    site_frame_in(it, lang));
		}
		value_map_put(s->arena, f, "title", site_vstr(s, title));
		value_map_put(s->arena, f, "url", site_vstr(s, url));
		value_map_put(s->arena, f, "is_list",
		    value_bool(s->arena, true));
		value_map_put(s->arena, f, "kind", site_vstr(s, co->kind));
		value_map_put(s->arena, f, "collection",
		    site_vstr(s, co->name));
		value_map_put(s->arena, f, "pages", items);
		value_map_put(s->arena, f, "years", years);
		value_map_put(s->arena, f, "count",
		    value_int(s->arena, (int64_t)n));
		if (co->dated)
			value_map_put(s->arena, f, "feed_url",
			    site_vstr(s,
			        arena_printf(s->arena, "%satom.xml",
			            co->list_url[lang])));
		value_map_put(s->arena, f, "json_url",
		    site_vstr(s,
		        arena_printf(s->arena, "%sindex.json",
		            co->list_url[lang])));
		pgn = value_map(s->arena);
		value_map_put(s->arena, pgn, "current",
		    value_int(s->arena, (int64_t)pg));
		value_map_put(s->arena, pgn, "total",
		    value_int(s->arena, (int64_t)npages));
		if (pg > 1)
			value_map_put(s->arena, pgn, "prev_url",
			    site_vstr(s,
			        pg == 2 ? list_url :
			                  arena_printf(s->arena, "%s%s/%zu/",
			                      list_url, seg, pg - 1)));
		if (pg < npages)
			value_map_put(s->arena, pgn, "next_url",
			    site_vstr(s,
			        arena_printf(s->arena, "%s%s/%zu/", list_url,
			            seg, pg + 1)));
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
					value_map_put(s->arena, e, "gap",
					    s->yes);
					value_map_put(s->arena, e, "current",
					    s->no);
					value_list_push(s->arena, links, e);
				}
				continue;
			}
			e = site_link(s, arena_printf(s->arena, "%zu", k),
			    k == 1 ? list_url : arena_printf(s->arena,
			    "%s%s/%zu/", list_url, seg, k));
			value_map_put(s->arena, e, "current",
			    k == pg ? s->yes : s->no);
			value_list_push(s->arena, links, e);
		}
		value_map_put(s->arena, pgn, "links", links);
		if (npages > 1)
			value_map_put(s->arena, f, "pagination", pgn);
		{
			struct value *bc = value_list(s->arena);

			value_list_push(s->arena, bc, site_link(s, site_ltext(s,
			    value_map_get(s->conf, "short_title"), lang,
			    site_ltext(s, value_map_get(s->conf, "title"), lang,
			    "Home")), arena_printf(s->arena, "%s%s",
			    s->root, site_lang_prefix(s, lang))));
			site_crumb_here(s, bc, title);
			value_map_put(s->arena, f, "breadcrumbs", bc);
			value_map_put(s->arena, f, "has_breadcrumbs", s->yes);
		}
		if (pg == 1 && strcmp(list_url, co->list_url[lang]) == 0) {
			const char *urls[SITE_MAX_LANGS] = {0};
			const char *ts[SITE_MAX_LANGS] = {0};

			for (k = 0; k < s->nlangs; k++) {
				urls[k] = co->list_url[k];
				ts[k] = site_coll_title(s, co, (int)k);
			}
			value_map_put(s->arena, f, "translations",
			    every_lang(s, lang, urls, ts));
		}
		for (i = 0; extra != NULL && i < extra->n; i++)
			value_map_set(s->arena, f, extra->pairs[i].key,
			    extra->pairs[i].val);
		site_add_frame_page(s, arena_printf(s->arena, "%sindex.html",
		    url + strlen(s->root)), arena_printf(s->arena,
		    "content/%s", co->name), t, lang, f);
	}
}

void
site_model_home(struct site *s, const struct theme *th, int lang)
{
	struct value *f = value_map(s->arena), *recent = value_map(s->arena);
	const char *pre = site_lang_prefix(s, lang);
	size_t i, j;

	value_map_put(s->arena, f, "title",
	    site_vstr(s,
	        site_ltext(s, value_map_get(s->conf, "title"), lang,
	            "minhbach")));
	value_map_put(s->arena, f, "url",
	    site_vstr(s, arena_printf(s->arena, "%s%s", s->root, pre)));
	value_map_put(s->arena, f, "is_home", s->yes);
	{
		const char *urls[SITE_MAX_LANGS] = {0};
		const char *ts[SITE_MAX_LANGS] = {0};

		for (i = 0; i < s->nlangs; i++) {
			urls[i] = arena_printf(s->arena, "%s%s", s->root,
			    site_lang_prefix(s, (int)i));
			ts[i] = site_ltext(s, value_map_get(s->conf, "title"),
			    (int)i, "minhbach");
		}
		value_map_put(s->arena, f, "translations",
		    every_lang(s, lang, urls, ts));
	}
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];
		struct value *l = value_list(s->arena);

		struct value *e;

		for (j = 0; j < co->n && l->n < HOME_RECENT; j++)
			if (site_shows(s, co->items[j], lang))
				value_list_push(s->arena, l,
				    site_frame_in(co->items[j], lang));
		if (l->n == 0)
			continue;	/* {{#recent.news}} is then false */
		e = site_link(s, site_coll_title(s, co, lang), co->list ?
		    co->list_url[lang] : "");
		value_map_put(s->arena, e, "items", l);
		value_map_set(s->arena, recent, co->name, e);
	}
	value_map_put(s->arena, f, "recent", recent);
	site_add_frame_page(s, arena_printf(s->arena, "%sindex.html", pre),
	    "content/site.yaml", site_template(s, th, NULL, "home"), lang, f);

	f = value_map(s->arena);
	value_map_put(s->arena, f, "title", site_vstr(s, "404"));
	value_map_put(s->arena, f, "url",
	    site_vstr(s, arena_printf(s->arena, "%s%s404.html", s->root, pre)));
	value_map_put(s->arena, f, "is_404", s->yes);
	site_add_frame_page(s, arena_printf(s->arena, "%s404.html", pre),
	    "content/site.yaml", site_template(s, th, NULL, "404"), lang, f);
}
/*
 * The list pages that site_model() made are the first npages_site: their
 * frames are the model's own, not yet shared with render workers, so the
 * const of struct page is cast away here.
 */
void
site_lists_set(struct site *s, const struct collection *co, int lang,
    const char *key, struct value *v)
{
	size_t npages = s->npages_site;
	const char *u, *c;
	size_t i, n = strlen(co->list_url[lang]);

	for (i = 0; i < npages; i++) {
		const struct page *p = &s->pages[i];
		struct value *f;

		if (p->nframes < 2 || p->item != NULL || p->data != NULL ||
		    p->make != NULL)
			continue;
		f = (struct value *)p->frames[1];
		c = value_map_str(f, "collection");
		u = value_map_str(f, "url");
		if (!value_truthy(value_map_get(f, "is_list")) || c == NULL ||
		    strcmp(c, co->name) != 0 || u == NULL || strncmp(u,
		    co->list_url[lang], n) != 0)
			continue;
		value_map_set(s->arena, f, key, v);
	}
}

/* Its own and untranslated main-language ones: site_shows(). */
size_t
site_published(struct site *s, struct collection *co, int lang,
    struct item ***out)
{
	struct item **v = arena_alloc(s->arena, (co->n ? co->n : 1) * sizeof
	    *v);
	size_t i, n = 0;

	for (i = 0; i < co->n; i++)
		if (site_shows(s, co->items[i], lang))
			v[n++] = co->items[i];
	*out = v;
	return n;
}

