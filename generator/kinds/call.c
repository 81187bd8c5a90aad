/*
 * The call kind (dự án kêu gọi đầu tư): projects offered to investors.
 * Validate stage: the land-use shares add up to 100, the call names its
 * zone, the deadline comes after publication.  Model stage: the status
 * at the build date and the frame's figures; on call lists, browse pages
 * by zone, sector and status.
 *
 * Frame keys for theme authors (texts in the item's language):
 *   status_computed: open | closing_soon (deadline within 30 days) |
 *   closed (deadline passed) at the build date, or the explicit status
 *   (closed, awarded, cancelled; an explicit open may still be
 *   closing_soon); is_open (open or closing_soon), is_closing_soon,
 *   is_closed (closed, awarded or cancelled), status_text,
 *   deadline_text, days_left (0 or more, while the deadline has not
 *   passed), published_on_text, capital_text "2.000 tỷ đồng",
 *   area_text, selection_text, mix[].share_text "60%", mix[].area_text
 * Call lists: browse {zones, sectors, statuses: [{title, key, url,
 * count}]} on every call frame and list page; browse pages also get
 * browse_facet (zone, sector, status) and browse_title; each call frame
 * zone_key, sector_key, status_key (the browse keys, for the filter
 * script).
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "decimal.h"
#include "diag.h"
#include "fmt.h"
#include "kind.h"
#include "records.h"
#include "segments.h"
#include "site.h"
#include "site_lists.h"
#include "site_names.h"
#include "utf8.h"
#include "value.h"

#define CLOSING_SOON_DAYS 30

static void
check_call(struct site *s, const struct site_names *x,
    const struct item *it)
{
	const struct value *d = it->data, *mix, *dl, *pub, *loc, *z;
	struct decimal sum = {0, 0}, share, hundred = {100, 0};
	size_t i;
	bool ok = true;

	mix = value_map_get(d, "mix");
	if (mix != NULL && mix->type == VALUE_LIST && mix->n > 0) {
		for (i = 0; ok && i < mix->n; i++) {
			/* Exact: the digits as written, never binary. */
			ok = decimal_of_value(value_map_get(mix->items[i],
			    "share"), &share) && decimal_add(&sum, share);
		}
		if (ok && decimal_cmp(sum, hundred, &ok) != 0 && ok)
			diag_error(s->diags, mix->pos, "call.mix-sum",
			    strcmp(diags_lang(s->diags), "vi") != 0 ?
			    decimal_str(s->arena, sum) :
			    decimal_figure(s->arena, sum, fmt_messages(), ""));
	}
	/* The schema cannot say it alone: 'location' is required, 'zone'
	 * inside it optional for the schema, required here by name. */
	loc = value_map_get(d, "location");
	z = value_map_get(loc, "zone");
	if (loc != NULL && loc->type == VALUE_MAP && (z == NULL || z->type ==
	    VALUE_NULL || (z->type == VALUE_STR && z->len == 0)))
		diag_error(s->diags, z != NULL ? z->pos : loc->pos,
		    "call.no-zone");
	dl = value_map_get(d, "deadline");
	pub = value_map_get(d, "published_on");
	if (records_date_of(dl) && records_date_of(pub) && strcmp(dl->text,
	    pub->text) < 0)
		diag_error(s->diags, dl->pos, "call.deadline-before-published",
		    dl->text, pub->text);
}

/* The call's status at the build date; *left: days to the deadline. */
static const char *
call_status(const struct site *s, const struct value *d, long *left)
{
	const char *st = value_map_str(d, "status");
	const char *dl = records_date_of(value_map_get(d, "deadline"));
	const char *today = s->build_date;

	*left = -1;
	if (st != NULL && strcmp(st, "closed") != 0 && strcmp(st, "awarded") !=
	    0 && strcmp(st, "cancelled") != 0 && strcmp(st, "open") != 0)
		st = NULL;	/* not a status: the schema has said so */
	if (dl != NULL && today != NULL && date_is_valid(today, strlen(today)))
		*left = date_days(dl) - date_days(today);
	else
		dl = NULL;
	if (st != NULL && strcmp(st, "open") != 0)
		return st;
	if (dl == NULL)
		return "open";
	if (*left < 0)
		return st != NULL ? "open" : "closed";
	return *left <= CLOSING_SOON_DAYS ? "closing_soon" : "open";
}

/*
 * Status and its booleans (a closed call stays published, marked
 * closed), dates, capital, area, selection and the land-use mix.
 */
static void
call_frame(struct site *s, const struct site_names *x, struct item *it)
{
	const struct value *d = it->data;
	struct value *f = it->frame, *l;
	const char *lang = it->lang, *st;
	long left;
	size_t i;

	st = call_status(s, d, &left);
	records_set(s, f, "status_computed", st);
	records_set(s, f, "status_text", records_value_text(s, lang,
	    "call.status", st));
	records_setb(s, f, "is_open", strcmp(st, "open") == 0 || strcmp(st,
	    "closing_soon") == 0);
	records_setb(s, f, "is_closing_soon", strcmp(st, "closing_soon") == 0);
	records_setb(s, f, "is_closed", strcmp(st, "closed") == 0 || strcmp(st,
	    "awarded") == 0 || strcmp(st, "cancelled") == 0);
	if (left >= 0)
		value_map_set(s->arena, f, "days_left", value_int(s->arena,
		    left));
	records_set(s, f, "deadline_text", records_date_text(s, value_map_get(d,
	    "deadline"), lang));
	records_set(s, f, "published_on_text", records_date_text(s,
	    value_map_get(d, "published_on"), lang));
	records_set(s, f, "capital_text", records_money_text(s, value_map_get(d,
	    "est_capital"), lang));
	records_set(s, f, "area_text", records_figure(s, value_map_get(d,
	    "area_ha"), lang, " ha"));
	records_set(s, f, "selection_text", records_value_text(s, lang,
	    "call.selection", value_map_str(d, "selection")));
	l = records_copy_rows(s, f, "mix");
	for (i = 0; l != NULL && i < l->n; i++) {
		if (l->items[i]->type != VALUE_MAP)
			continue;
		records_set(s, l->items[i], "share_text", records_figure(s,
		    value_map_get( l->items[i], "share"), lang, "%"));
		records_set(s, l->items[i], "area_text", records_figure(s,
		    value_map_get( l->items[i], "area_ha"), lang, " ha"));
	}
}

/* ---- browse pages ---- */

/* One value of a facet and the items of one language that have it. */
struct group {
	const char *key;	/* URL segment: a slug */
	const char *title;
	struct item **v;
	size_t n;
};

struct facet {
	const char *name;	/* zone, sector, status */
	const char *seg;	/* khu, linh-vuc, trang-thai / zone, ... */
	struct group *g;
	size_t n;
};

/* The order statuses are listed in, whatever order the items come in. */
static const char *const statuses[] = {"open", "closing_soon", "closed",
    "awarded", "cancelled"};

static size_t
status_rank(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof statuses / sizeof *statuses; i++)
		if (strcmp(statuses[i], code) == 0)
			return i;
	return i;
}

/* Adds it to the group key of f (made, with room for max, when new). */
static void
facet_add(struct site *s, struct facet *f, const char *key, const char *title,
    struct item *it, size_t max)
{
	struct group *g = NULL;
	size_t i;

	if (key == NULL || *key == '\0')
		return;
	for (i = 0; i < f->n && g == NULL; i++)
		if (strcmp(f->g[i].key, key) == 0)
			g = &f->g[i];
	if (g == NULL) {
		g = &f->g[f->n++];
		g->key = key;
		g->title = title;
		g->v = arena_alloc(s->arena, max * sizeof *g->v);
		g->n = 0;
	}
	g->v[g->n++] = it;
}

/* Statuses in their fixed order; zones and sectors by slug. */
static int
cmp_group(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	size_t ra = status_rank(a->key), rb = status_rank(b->key);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(a->key, b->key);
}

/*
 * The frame lang's list shows for it: its own when it is in lang, its
 * shadow (site_shadows()) when lang lists it untranslated, else none.
 * The filter's keys go there, so that an untranslated call filters too.
 */
static struct value *
listed_frame(const struct item *it, int lang)
{
	if (it->lang_index == lang)
		return it->frame;
	if (it->shadow[lang] != NULL)
		return it->shadow[lang]->frame;
	return NULL;
}

/*
 * One call collection in one language: the facets from the published
 * items, `browse` on every frame and list page, then one paginated
 * list per facet value (khu/<zone>/, linh-vuc/<sector>/,
 * trang-thai/<status>/; zone/, sector/, status/ in other languages).
 */
static void
browse_calls(struct site *s, const struct theme *th, const struct site_names
    *x, struct collection *co, int lang)
{
	const char *l = s->langs[lang], *ctitle;
	struct facet f[3] = {
		{"zone", site_segment(s, lang, "zone"), NULL, 0},
		{"sector", site_segment(s, lang, "sector"), NULL, 0},
		{"status", site_segment(s, lang, "status"), NULL, 0},
	};
	struct value *browse = value_map(s->arena);
	struct item **v;
	size_t n, i, k, j;

	n = site_published(s, co, lang, &v);
	for (k = 0; k < 3; k++)
		f[k].g = arena_alloc(s->arena, (n ? n : 1) * sizeof *f[k].g);
	for (i = 0; i < n; i++) {
		struct item *it = v[i], *z;
		struct value *lf;
		const struct value *zv = value_path(it->data, "location.zone");
		const char *sec = value_ltext(value_map_get(it->data,
		    "sector"), l, s->langs[0]), *st;

		z = zv != NULL && value_is_scalar(zv) ? site_lookup(x, "zone",
		    zv->text, zv->len) : NULL;
		if (z != NULL && z->slug != NULL) {
			facet_add(s, &f[0], z->slug, records_title(s,
			    records_shown(z->tr[lang]) ? z->tr[lang] : z), it, n);
			/* The filter script matches on these keys. */
			if ((lf = listed_frame(it, lang)) != NULL)
				records_set(s, lf, "zone_key", z->slug);
		}
		if (sec != NULL) {
			const char *sk = utf8_slugify(s->arena, sec,
			    strlen(sec));

			facet_add(s, &f[1], sk, sec, it, n);
			if ((lf = listed_frame(it, lang)) != NULL)
				records_set(s, lf, "sector_key", sk);
		}
		st = value_map_str(it->frame, "status_computed");
		if (st != NULL) {
			char *key = arena_strdup(s->arena, st);

			for (j = 0; key[j] != '\0'; j++)
				if (key[j] == '_')
					key[j] = '-';
			facet_add(s, &f[2], key, records_value_text(s, l,
			    "call.status", st), it, n);
			if ((lf = listed_frame(it, lang)) != NULL)
				records_set(s, lf, "status_key", key);
		}
	}
	ctitle = records_coll_title(s, co, lang);
	for (k = 0; k < 3; k++) {
		struct value *list = value_list(s->arena);

		qsort(f[k].g, f[k].n, sizeof *f[k].g, cmp_group);
		for (i = 0; i < f[k].n; i++) {
			struct value *e = value_map(s->arena);

			records_set(s, e, "title", f[k].g[i].title);
			records_set(s, e, "key", f[k].g[i].key);
			records_set(s, e, "url", arena_printf(s->arena,
			    "%s%s/%s/", co->list_url[lang], f[k].seg,
			    f[k].g[i].key));
			value_map_set(s->arena, e, "count", value_int(s->arena,
			    (int64_t)f[k].g[i].n));
			value_list_push(s->arena, list, e);
		}
		value_map_set(s->arena, browse, k == 0 ? "zones" : k == 1 ?
		    "sectors" : "statuses", list);
	}
	for (i = 0; i < co->n; i++)
		if (co->items[i]->lang_index == lang && co->items[i]->frame !=
		    NULL)
			value_map_set(s->arena, co->items[i]->frame, "browse",
			    browse);
	site_lists_set(s, co, lang, "browse", browse);
	for (k = 0; k < 3; k++)
		for (i = 0; i < f[k].n; i++) {
			struct value *extra = value_map(s->arena);
			const struct group *g = &f[k].g[i];

			value_map_set(s->arena, extra, "browse", browse);
			records_set(s, extra, "browse_facet", f[k].name);
			records_set(s, extra, "browse_title", g->title);
			site_add_list(s, th, co, lang, g->v, g->n,
			    arena_printf(s->arena, "%s%s/%s/",
			    co->list_url[lang], f[k].seg, g->key),
			    arena_printf(s->arena, "%s — %s", ctitle, g->title),
			    extra);
		}
}

/* Browse pages of the call list, per language. */
static void
call_model(struct site *s, const struct theme *th, const struct site_names *x,
    struct collection *co)
{
	int lang;

	for (lang = 0; lang < (int)s->nlangs; lang++)
		browse_calls(s, th, x, co, lang);
}

const struct kind kind_call = {
	.name = "call",
	.check = check_call,
	.frame = call_frame,
	.model = call_model,
};
