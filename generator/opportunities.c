/*
 * The page of land available now (opportunities.h).  In: the model after
 * the kinds' frames (the zones' data: vacant_lots, prices, as_of; the
 * calls' is_open and deadline_text).  Out: one page per
 * language and the globals' opportunities_url.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "decimal.h"
#include "opportunities.h"
#include "records.h"
#include "segments.h"
#include "site.h"
#include "site_lists.h"
#include "site_names.h"
#include "theme.h"
#include "value.h"
#include "words.h"

/* True when call c's `location.zone` resolves, as every reference does
 * (site_lookup(): slug or file name), to zone z or to the record z
 * translates. */
static bool
in_zone(const struct site_names *x, const struct item *c, const struct item *z,
    int lang)
{
	const struct value *v = value_path(c->data, "location.zone");
	const struct item *m;

	if (v == NULL || !value_is_scalar(v) || v->text == NULL)
		return false;
	m = site_lookup(x, "zone", v->text, v->len);
	return m != NULL && (m == z || m->tr[lang] == z);
}

/* The open calls of language lang in zone z, as rows. */
static struct value *
open_calls(struct site *s, const struct site_names *x, const struct item *z,
    int lang)
{
	struct value *l = value_list(s->arena);
	struct item **v;
	size_t c, i, n;

	for (c = 0; c < s->ncolls; c++) {
		struct collection *co = &s->colls[c];

		if (strcmp(co->kind, "call") != 0)
			continue;
		n = site_published(s, co, lang, &v);
		for (i = 0; i < n; i++) {
			struct value *e;

			if (v[i]->frame == NULL || !in_zone(x, v[i], z, lang) ||
			    !value_truthy(
			        value_map_get(v[i]->frame, "is_open")))
				continue;
			e = value_map(s->arena);
			records_set(s, e, "title", records_title(s, v[i]));
			records_set(s, e, "url", v[i]->url);
			records_set(s, e, "deadline_text",
			    value_map_str(v[i]->frame, "deadline_text"));
			value_list_push(s->arena, l, e);
		}
	}
	return l;
}

/* "Tiền thuê đất: 13.000 đồng/m²/năm; …" of the zone's prices in the
 * page's language (the zone's frame has them in the zone's), or NULL. */
static const char *
prices_text(struct site *s, const struct value *data, const char *lang)
{
	const struct value *p = value_map_get(data, "prices");
	struct buf b = {0};
	const char *t;
	size_t i;

	for (i = 0; p != NULL && p->type == VALUE_LIST && i < p->n; i++) {
		const char *item = value_map_str(p->items[i], "item");
		const char *u = value_map_str(p->items[i], "unit");
		const char *amt = records_figure(s,
		    value_map_get(p->items[i], "amount"), lang,
		    u != NULL ? arena_printf(s->arena, " %s", u) : "");

		if (amt == NULL)
			continue;
		if (b.len)
			buf_adds(&b, "; ");
		if (item != NULL)
			buf_addf(&b, "%s: ", item);
		buf_adds(&b, amt);
	}
	t = b.len ? arena_strdup(s->arena, buf_cstr(&b)) : NULL;
	buf_release(&b);
	return t;
}

/*
 * The row of zone z (language lang) with its lots and open calls, or
 * NULL when it has neither; the lots' areas are added to *all (*all_ok false once a sum
 * overflows or an area is not a plain figure).
 */
static struct value *
zone_row(struct site *s, const struct site_names *x, struct item *z, int lang,
    struct decimal *all, bool *all_ok)
{
	const struct value *lots = value_map_get(z->data, "vacant_lots");
	const char *l = s->langs[lang];
	const struct fmt_style *st = site_fmt(s, l);
	struct value *r, *rows, *calls;
	struct decimal sum = {0, 0}, a;
	bool ok = true;
	size_t i;

	/* A zone without free lots is listed for its open calls. */
	calls = open_calls(s, x, z, lang);
	if ((lots == NULL || lots->type != VALUE_LIST || lots->n == 0) &&
	    calls->n == 0)
		return NULL;
	r = value_map(s->arena);
	rows = value_list(s->arena);
	/* Figures in the page's language, read from the data: an
	 * untranslated zone's frame has them in its own. */
	for (i = 0; lots != NULL && lots->type == VALUE_LIST && i < lots->n;
	     i++) {
		const struct value *lot = lots->items[i];
		const struct value *ha = value_map_get(lot, "area_ha");
		struct value *e = value_map(s->arena);

		if (lot->type != VALUE_MAP)
			continue;
		records_set(s, e, "lot", value_map_str(lot, "lot"));
		records_set(s, e, "area_text", records_figure(s, ha, l, " ha"));
		records_set(s, e, "use", value_map_str(lot, "use"));
		value_list_push(s->arena, rows, e);
		if (decimal_of_value(ha, &a))
			ok = ok && decimal_add(&sum, a);
		else
			ok = false;
	}
	records_set(s, r, "id", z->slug);
	records_set(s, r, "name", records_title(s, z));
	records_set(s, r, "url", z->url);
	records_set(s, r, "as_of_text",
	    records_date_text(s, value_map_get(z->data, "as_of"), l));
	records_set(s, r, "prices_text", prices_text(s, z->data, l));
	value_map_set(s->arena, r, "lots", rows);
	records_set(s, r, "lots_text",
	    words_fill(s->arena,
	        site_word(s, l,
	            rows->n == 1 ? "opportunities.lots_one" :
	                           "opportunities.lots"),
	        (const char *const[]){"n",
	            arena_printf(s->arena, "%zu", (size_t)rows->n), NULL}));
	records_set(s, r, "total_text",
	    ok ? decimal_figure(s->arena, sum, st, " ha") : NULL);
	records_setb(s, r, "has_lots", rows->n > 0);
	*all_ok = *all_ok && ok && decimal_add(all, sum);
	value_map_set(s->arena, r, "calls", calls);
	records_setb(s, r, "has_calls", calls->n > 0);
	return r;
}

/* Home, then the page itself: the breadcrumbs. */
static struct value *
crumbs(struct site *s, int lang, const char *title)
{
	struct value *l = value_list(s->arena);
	const char *home = value_ltext(value_map_get(s->conf, "short_title"),
	    s->langs[lang], s->langs[0]);

	if (home == NULL)
		home = value_ltext(value_map_get(s->conf, "title"),
		    s->langs[lang], s->langs[0]);
	value_list_push(s->arena, l,
	    site_link(s, home ? home : "Home",
	        arena_printf(s->arena, "%s%s", s->root,
	            site_lang_prefix(s, lang))));
	site_crumb_here(s, l, title);
	return l;
}

void
opportunities_model(struct site *s, const struct theme *th)
{
	const struct mustache *tm;
	const char *urls[SITE_MAX_LANGS] = {0};
	size_t c, i, k;
	int lang;
	const struct site_names *x;
	bool any = false;

	/* A theme without the page (an older one) has none. */
	if ((tm = theme_find(th, "opportunities")) == NULL)
		return;
	for (c = 0; c < s->ncolls; c++)
		if (strcmp(s->colls[c].kind, "zone") == 0)
			any = true;
	if (!any)
		return;
	x = site_names(s);
	for (lang = 0; lang < (int)s->nlangs; lang++)
		urls[lang] = arena_printf(s->arena, "%s%s%s/", s->root,
		    site_lang_prefix(s, lang),
		    site_segment(s, lang, "opportunities"));
	for (lang = 0; lang < (int)s->nlangs; lang++) {
		const char *l = s->langs[lang];
		const char *title = site_word(s, l, "opportunities.title");
		struct value *f = value_map(s->arena);
		struct value *zones = value_list(s->arena);
		struct value *tr = value_list(s->arena);
		struct decimal all = {0, 0};
		bool all_ok = true;

		for (c = 0; c < s->ncolls; c++) {
			struct collection *co = &s->colls[c];
			struct item **v;
			size_t n;

			if (strcmp(co->kind, "zone") != 0)
				continue;
			n = site_published(s, co, lang, &v);
			for (i = 0; i < n; i++) {
				struct value *r;

				if (v[i]->frame != NULL &&
				    (r = zone_row(s, x, v[i], lang, &all,
				         &all_ok)) != NULL)
					value_list_push(s->arena, zones, r);
			}
		}
		records_set(s, f, "title", title);
		records_set(s, f, "url", urls[lang]);
		records_set(s, f, "lang", l);
		records_setb(s, f, "is_opportunities", true);
		value_map_set(s->arena, f, "zones", zones);
		records_setb(s, f, "has_zones", zones->n > 0);
		records_set(s, f, "total_text",
		    all_ok && zones->n > 0 ?
		        decimal_figure(s->arena, all, site_fmt(s, l), " ha") :
		        NULL);
		for (k = 0; k < s->nlangs; k++) {
			struct value *e;

			if ((int)k == lang)
				continue;
			e = value_map(s->arena);
			records_set(s, e, "lang", s->langs[k]);
			records_set(s, e, "url", urls[k]);
			records_set(s, e, "title",
			    site_word(s, s->langs[k], "opportunities.title"));
			value_list_push(s->arena, tr, e);
		}
		value_map_set(s->arena, f, "translations", tr);
		value_map_set(s->arena, f, "breadcrumbs",
		    crumbs(s, lang, title));
		records_setb(s, f, "has_breadcrumbs", true);
		site_add_frame_page(s,
		    arena_printf(s->arena, "%sindex.html",
		        urls[lang] + strlen(s->root)),
		    "content/site.yaml", tm, lang, f);
		value_map_set(s->arena, s->globals[lang], "opportunities_url",
		    value_strz(s->arena, urls[lang]));
	}
}
