/*
 * The zone kind (khu công nghiệp): areas, occupancy on each basis the
 * board reports, projects, infrastructure, and what an investor acts on
 * (free land, land term, sublease price, fees, utility prices and
 * capacities, labour, incentives with their legal basis, the official
 * contact, coordinates).  Validate stage: areas within each other
 * (leased <= cleared <= industrial <= total), every stated occupancy
 * recomputed from the areas, free lots within the land not leased,
 * projects adding up, wastewater built within design and operating only
 * if built, coordinates inside Vietnam, the land term against as_of,
 * prices in their unit and a plausible range, an incentive's basis
 * against the document it links, a contact that can be reached, figures
 * not older than 12 months.  Model stage: the frame's reader figures
 * and, on zone lists, the `compare` table.
 *
 * Frame keys for theme authors (texts in the item's language; a key is
 * absent when its field is):
 *   area_text "183 ha", industrial_land_text, cleared_land_text,
 *   leased_text "112,9579 ha", free_land_text (cleared, else industrial,
 *   land less leased),
 *   occupancies [{basis, basis_text, text "94,68%", percent (number
 *   0-100), computed}] (the stated figures; computed ones only when none
 *   is stated), has_occupancies, occupancy_cleared_land_text,
 *   occupancy_industrial_land_text, occupancy_total_area_text,
 *   occupancy_text / occupancy_percent / occupancy_basis_text /
 *   occupancy_computed (the headline figure: the first stated of the old
 *   pair, industrial land, cleared land, whole area),
 *   status_text, as_of_text, since_text, projects_text "12 (3 FDI)",
 *   registered_capital_domestic_text / _fdi_text,
 *   lease_text "50 năm, đến năm 2054", sublease_text "40–55 USD/m² cho
 *   cả thời hạn", infrastructure_fee_text, management_fee_text,
 *   power_price_text "1.900 đồng/kWh", water_price_text,
 *   wastewater_price_text, power_capacity_text "63 MVA",
 *   water_capacity_text "15.000 m³/ngày", wastewater_design_text
 *   "6.000 m³/ngày", wastewater_built_text, wastewater_operating_text,
 *   wastewater_text (one line for tables), labour_pool_text "60.000
 *   người", labour_workers_text, labour_as_of_text,
 *   has_land_facts, has_utility_facts (a section has something to show),
 *   incentives[].document_url / document_title (the linked document, when
 *   published) / document_lang (its language, when not the page's: it
 *   has no translation), prices[].amount_text "45 USD/m²/năm",
 *   distances[].km_text, vacant_lots[].area_text, sources[].date_text;
 *   the data's own fields as written (coordinates {lat, lon}, contact,
 *   lease.note, sublease.note, fees.*.note, utilities.*.note...).
 * Zone list pages: compare {columns: [{key, title}], rows: [{title, url,
 * cells: [{text}]}]} (area, industrial land, leased, occupancy of cleared
 * land, occupancy of all industrial land, sublease price, projects,
 * wastewater; "—" when unknown).
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
#include "site.h"
#include "site_frames.h"
#include "site_lists.h"
#include "site_names.h"
#include "value.h"
#include "words.h"

/* A figure as the editors write it in prose: 96,56; 1.060,5 (in
 * English messages as a data file writes it: 96.56). */
static const char *
fig(struct site *s, struct decimal d)
{
	if (strcmp(diags_lang(s->diags), "vi") != 0)
		return decimal_str(s->arena, d);
	return decimal_figure(s->arena, d, fmt_messages(), "");
}

/* True when a field is left out or empty (not: there but refused). */
static bool
absent(const struct value *v)
{
	return v == NULL || v->type == VALUE_NULL ||
	    (v->type == VALUE_STR && v->len == 0);
}

/* The bases of occupancy: the key in `occupancy`, the area it divides. */
static const struct {
	const char *key, *field;
} bases[] = {
	{"cleared_land", "cleared_land_ha"},
	{"industrial_land", "industrial_land_ha"},
	{"total_area", "area_ha"},
};
#define NBASES (sizeof bases / sizeof *bases)

/* The index in bases[] of a basis code, or -1. */
static int
basis_index(const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < NBASES; i++)
		if (strcmp(bases[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* A number of the data as a double, for the plausibility ranges only. */
static bool
dbl(const struct value *v, double *out)
{
	if (v == NULL)
		return false;
	if (v->type == VALUE_INT)
		*out = (double)v->u.i;
	else if (v->type == VALUE_NUM)
		*out = v->u.d;
	else
		return false;
	return true;
}

/*
 * Leased area against the areas it lies within, each against the next:
 * leased <= cleared <= industrial <= area.  over[b] is set when the
 * leased area exceeds basis b's area, whether or not that was the
 * message: its occupancy is then not judged (one cause, one message).
 */
static void
check_areas(struct site *s, const struct value *d, bool over[NBASES])
{
	const struct value *area, *ind, *cl, *leased;
	struct decimal a, i, c, l;
	bool ha, hi, hc, hl, ok;

	area = value_map_get(d, "area_ha");
	ind = value_map_get(d, "industrial_land_ha");
	cl = value_map_get(d, "cleared_land_ha");
	leased = value_map_get(d, "leased_ha");
	ha = decimal_of_value(area, &a);
	hi = decimal_of_value(ind, &i);
	hc = decimal_of_value(cl, &c);
	hl = decimal_of_value(leased, &l);
	over[0] = hl && hc && decimal_cmp(l, c, &ok) > 0 && ok;
	over[1] = hl && hi && decimal_cmp(l, i, &ok) > 0 && ok;
	over[2] = hl && ha && decimal_cmp(l, a, &ok) > 0 && ok;
	/* The smallest area it exceeds names the leased area's fault. */
	if (over[0])
		diag_error(s->diags, leased->pos, "zone.leased-over-cleared",
		    fig(s, l), fig(s, c));
	else if (over[1])
		diag_error(s->diags, leased->pos,
		    "zone.leased-over-industrial", fig(s, l), fig(s, i));
	else if (over[2] && !hi)
		diag_error(s->diags, leased->pos, "zone.leased-over-area",
		    fig(s, l), fig(s, a));
	if (hc && hi && decimal_cmp(c, i, &ok) > 0 && ok)
		diag_error(s->diags, cl->pos, "zone.cleared-over-industrial",
		    fig(s, c), fig(s, i));
	if (hi && ha && decimal_cmp(i, a, &ok) > 0 && ok)
		diag_error(s->diags, ind->pos, "zone.industrial-over-area",
		    fig(s, i), fig(s, a));
}

/*
 * One stated occupancy figure pv (at path, written `key: ...` in the
 * file) on basis b, recomputed from the leased area and b's area.
 */
static void
check_occ(struct site *s, const struct value *d, const struct value *pv,
    const char *path, const char *key, int b, const struct value *at,
    const bool over[NBASES])
{
	const struct value *den = value_map_get(d, bases[b].field);
	struct decimal p, l, dn, r, w;
	struct decimal_pct pw;

	if (!decimal_of_value(pv, &p) ||
	    !decimal_of_value(value_map_get(d, "leased_ha"), &l))
		return;
	if (!decimal_of_value(den, &dn)) {
		if (absent(den))
			diag_error(s->diags, at->pos, "zone.occupancy-no-base",
			    bases[b].key, bases[b].field);
	} else if (over[b]) {
		/* The leased area is wrong, or the land; the percentage
		 * follows. */
	} else if (dn.m == 0) {
		diag_error(s->diags, den->pos, "zone.occupancy-zero-base",
		    bases[b].field);
	} else if (decimal_percent(l, dn, p.scale, &pw) &&
	    !decimal_pct_agrees(&pw, p) && decimal_percent_of(l, dn,
	    p.scale > 2 ? p.scale + 1 : 2, &r) &&
	    decimal_percent_of(l, dn, p.scale, &w)) {
		/* w has fewer decimals than r: it fits if r did. */
		diag_error(s->diags, pv->pos, "zone.occupancy-mismatch", path,
		    fig(s, p), fig(s, l), bases[b].field, fig(s, dn),
		    fig(s, r), fig(s, w), key, decimal_str(s->arena, w));
	}
}

/*
 * Every stated occupancy: the old pair {percent, basis} and a figure per
 * basis (the board reports two: of cleared industrial land and of all
 * industrial land), each recomputed from the areas.
 */
static void
check_occupancy(struct site *s, const struct value *d,
    const bool over[NBASES])
{
	const struct value *occ = value_map_get(d, "occupancy"), *pv, *bv;
	const struct value *leased = value_map_get(d, "leased_ha");
	bool any = false;
	size_t k;
	int b;

	if (occ == NULL || occ->type != VALUE_MAP)
		return;
	pv = value_map_get(occ, "percent");
	bv = value_map_get(occ, "basis");
	if (!absent(pv) && absent(bv))
		diag_error(s->diags, pv->pos, "zone.occupancy-half", "percent",
		    "basis");
	else if (absent(pv) && !absent(bv))
		diag_error(s->diags, bv->pos, "zone.occupancy-half", "basis",
		    "percent");
	any = !absent(pv);
	for (k = 0; k < NBASES; k++)
		any = any || !absent(value_map_get(occ, bases[k].key));
	if (!any)
		return;
	if (absent(leased)) {
		diag_error(s->diags, occ->pos, "zone.occupancy-no-leased");
		return;
	}
	if ((b = basis_index(value_map_str(occ, "basis"))) >= 0)
		check_occ(s, d, pv, "occupancy.percent", "percent", b, bv,
		    over);
	for (k = 0; k < NBASES; k++) {
		pv = value_map_get(occ, bases[k].key);
		if (!absent(pv))
			check_occ(s, d, pv, arena_printf(s->arena,
			    "occupancy.%s", bases[k].key), bases[k].key,
			    (int)k, pv, over);
	}
}

/* Free lots add up to no more than the industrial land not yet let. */
static void
check_lots(struct site *s, const struct value *d)
{
	const struct value *lots = value_map_get(d, "vacant_lots");
	const char *f = "cleared_land_ha";
	struct decimal sum = {0, 0}, x, land, l, rest;
	bool ok = true;
	size_t i;

	if (lots == NULL || lots->type != VALUE_LIST || lots->n == 0 ||
	    !decimal_of_value(value_map_get(d, "leased_ha"), &l))
		return;
	if (!decimal_of_value(value_map_get(d, f), &land) &&
	    !decimal_of_value(value_map_get(d, f = "industrial_land_ha"),
	    &land))
		return;
	for (i = 0; ok && i < lots->n; i++)
		ok = decimal_of_value(value_map_get(lots->items[i],
		    "area_ha"), &x) && decimal_add(&sum, x);
	rest = l;
	rest.m = -rest.m;
	if (!ok || !decimal_add(&rest, land) || rest.m < 0)
		return;
	if (decimal_cmp(sum, rest, &ok) > 0 && ok)
		diag_error(s->diags, lots->pos, "zone.vacant-over-free",
		    fig(s, sum), f, fig(s, land), fig(s, l), fig(s, rest));
}

/* Inside Vietnam's bounding box, roughly: lat 8..24, lon 102..110. */
static bool
in_vn(double lat, double lon)
{
	return lat >= 8 && lat <= 24 && lon >= 102 && lon <= 110;
}

/* coordinates {lat, lon}: in decimal degrees, inside Vietnam. */
static void
check_place(struct site *s, const struct value *d)
{
	const struct value *c = value_map_get(d, "coordinates");
	const struct value *la = value_map_get(c, "lat");
	const struct value *lo = value_map_get(c, "lon");
	double lat, lon;

	if (!dbl(la, &lat) || !dbl(lo, &lon))
		return;
	if (in_vn(lat, lon))
		return;
	if (in_vn(lon, lat))
		diag_error(s->diags, la->pos, "zone.coordinates-swapped",
		    la->text, lo->text);
	else
		diag_error(s->diags, (lat < 8 || lat > 24) ? la->pos :
		    lo->pos, "zone.coordinates-outside", la->text, lo->text);
}

/* lease {term_years, ends}: not ended by as_of, no longer than the term. */
static void
check_lease(struct site *s, const struct value *d)
{
	const struct value *ls = value_map_get(d, "lease");
	const struct value *term = value_map_get(ls, "term_years");
	const struct value *ends = value_map_get(ls, "ends");
	const char *asof = records_date_of(value_map_get(d, "as_of"));
	long y;

	if (ends == NULL || ends->type != VALUE_INT || asof == NULL)
		return;
	y = strtol(asof, NULL, 10);
	if (ends->u.i < y)
		diag_error(s->diags, ends->pos, "zone.lease-ended", ends->text,
		    asof);
	else if (term != NULL && term->type == VALUE_INT &&
	    ends->u.i - y > term->u.i)
		diag_error(s->diags, ends->pos, "zone.lease-over-term",
		    ends->text, asof, diag_fmt(s->diags, "%lld",
		    (long long)(ends->u.i - y)), term->text);
}

/*
 * What a price or fee is counted per, and the range (in USD; VND at
 * 25 000 a dollar) outside which a figure is more likely a slip of the
 * unit (thousand đồng, per month for per year) than a price.
 */
static const struct {
	const char *path, *per[3];
	double lo[3], hi[3];
} rates[] = {
	{"sublease", {"m2_term", "m2_year", "m2_month"},
	    {5, 0.1, 0.01}, {500, 30, 3}},
	{"fees.infrastructure", {"m2_year", "m2_month", "m2_term"},
	    {0.05, 0.004, 1}, {10, 1, 200}},
	{"fees.management", {"m2_year", "m2_month", "m2_term"},
	    {0.05, 0.004, 1}, {10, 1, 200}},
	{"utilities.power", {"kwh"}, {0.02}, {0.5}},
	{"utilities.water", {"m3"}, {0.1}, {4}},
	{"utilities.wastewater", {"m3"}, {0.1}, {4}},
};
#define USD_VND 25000.0

/* One figure of a price at path: the unit fits, the size is plausible. */
static void
check_figure(struct site *s, size_t r, const struct value *m,
    const struct value *v, const char *key)
{
	const char *per = value_map_str(m, "per");
	const char *cur = value_map_str(m, "currency");
	double x, k;
	size_t j;

	if (per == NULL || cur == NULL || !dbl(v, &x))
		return;
	for (j = 0; j < 3 && rates[r].per[j] != NULL; j++)
		if (strcmp(rates[r].per[j], per) == 0)
			break;
	if (j == 3 || rates[r].per[j] == NULL) {
		/* Only once per price: the unit is the price's, not the
		 * figure's. */
		if (strcmp(key, "max") != 0)
			diag_error(s->diags, value_map_get(m, "per")->pos,
			    "zone.rate-unit", rates[r].path, per,
			    rates[r].per[0]);
		return;
	}
	k = strcmp(cur, "VND") == 0 ? USD_VND : 1;
	if (x < rates[r].lo[j] * k || x > rates[r].hi[j] * k)
		diag_warning(s->diags, v->pos, "zone.rate-range",
		    arena_printf(s->arena, "%s.%s", rates[r].path, key),
		    v->text, cur, per,
		    diag_fmt(s->diags, "%g", rates[r].lo[j] * k),
		    diag_fmt(s->diags, "%g", rates[r].hi[j] * k));
}

/* Sublease range in order; every price and fee in its unit and range. */
static void
check_prices(struct site *s, const struct value *d)
{
	const struct value *sl = value_map_get(d, "sublease");
	const struct value *lo = value_map_get(sl, "min");
	const struct value *hi = value_map_get(sl, "max");
	struct decimal a, b;
	bool ok;
	size_t r;

	if (decimal_of_value(lo, &a) && decimal_of_value(hi, &b) &&
	    decimal_cmp(a, b, &ok) > 0 && ok)
		diag_error(s->diags, lo->pos, "zone.sublease-range", lo->text,
		    hi->text);
	for (r = 0; r < sizeof rates / sizeof *rates; r++) {
		const struct value *m = value_path(d, rates[r].path);

		if (m == NULL || m->type != VALUE_MAP)
			continue;
		if (r == 0) {
			check_figure(s, r, m, value_map_get(m, "min"), "min");
			check_figure(s, r, m, value_map_get(m, "max"), "max");
		} else
			check_figure(s, r, m, value_map_get(m, "amount"),
			    "amount");
	}
}

/* Wastewater: built within design; operating only with a plant built. */
static void
check_wastewater(struct site *s, const struct value *d)
{
	const struct value *v = value_path(d, "infrastructure.wastewater");
	const struct value *bu = value_map_get(v, "built_m3_day");
	const struct value *de = value_map_get(v, "design_m3_day");
	const struct value *op = value_map_get(v, "operating");
	const struct value *cp = value_map_get(v, "central_plant");
	struct decimal b, g;
	bool ok, hb = decimal_of_value(bu, &b);

	if (hb && decimal_of_value(de, &g) && decimal_cmp(b, g, &ok) > 0 && ok)
		diag_error(s->diags, bu->pos, "zone.wastewater-over-design",
		    fig(s, b), fig(s, g));
	if (op == NULL || op->type != VALUE_BOOL || !op->u.b)
		return;
	if (cp != NULL && cp->type == VALUE_BOOL && !cp->u.b)
		diag_error(s->diags, op->pos, "zone.wastewater-operating",
		    "central_plant: false");
	else if (hb && b.m == 0)
		diag_error(s->diags, op->pos, "zone.wastewater-operating",
		    "built_m3_day: 0");
}

/* An incentive's basis is the number of the document it links to. */
static void
check_incentives(struct site *s, const struct site_names *x,
    const struct value *d)
{
	const struct value *l = value_map_get(d, "incentives");
	size_t i;

	for (i = 0; l != NULL && l->type == VALUE_LIST && i < l->n; i++) {
		const struct value *r = l->items[i];
		const struct value *b = value_map_get(r, "basis");
		const char *doc = value_map_str(r, "document");
		const struct item *t;
		const char *num;

		if (b == NULL || b->type != VALUE_STR || doc == NULL || x ==
		    NULL || (t = site_lookup(x, "document", doc,
		    strlen(doc))) == NULL || (num = value_map_str(t->data,
		    "number")) == NULL || strcmp(num, b->text) == 0)
			continue;
		diag_error(s->diags, b->pos, "zone.incentive-basis",
		    diag_fmt(s->diags, "%zu", i + 1), b->text, doc, num);
	}
}

/* The official contact can be reached: a phone or an e-mail. */
static void
check_contact(struct site *s, const struct value *d)
{
	const struct value *c = value_map_get(d, "contact");

	if (c != NULL && c->type == VALUE_MAP &&
	    absent(value_map_get(c, "phone")) &&
	    absent(value_map_get(c, "email")))
		diag_warning(s->diags, c->pos, "zone.contact-unreachable");
}

static void
check_zone(struct site *s, const struct site_names *x,
    const struct item *it)
{
	const struct value *d = it->data, *v;
	bool over[NBASES];
	const char *asof;

	check_areas(s, d, over);
	check_occupancy(s, d, over);
	check_lots(s, d);

	v = value_map_get(d, "projects");
	{
		const struct value *fdi = value_map_get(v, "fdi");
		const struct value *tot = value_map_get(v, "total");
		const struct value *dom = value_map_get(v, "domestic");
		bool hf = fdi != NULL && fdi->type == VALUE_INT;
		bool ht = tot != NULL && tot->type == VALUE_INT;
		bool hd = dom != NULL && dom->type == VALUE_INT;
		int64_t sum;

		/* All three given: the one identity says everything. */
		if (hf && ht && hd && (__builtin_add_overflow(dom->u.i,
		    fdi->u.i, &sum) || sum != tot->u.i))
			diag_error(s->diags, tot->pos, "zone.projects-sum",
			    tot->text, dom->text, fdi->text,
			    arena_printf(s->arena, "%lld", (long long)sum));
		else if (hf && ht && !hd && fdi->u.i > tot->u.i)
			diag_error(s->diags, fdi->pos, "zone.fdi-over-total",
			    fdi->text, tot->text);
		else if (hd && ht && !hf && dom->u.i > tot->u.i)
			diag_error(s->diags, dom->pos,
			    "zone.domestic-over-total", dom->text, tot->text);
	}

	/* Old figures: said once, on the record; its translations follow. */
	v = value_map_get(d, "as_of");
	if (it->lang_index == 0 && (asof = records_date_of(v)) != NULL &&
	    s->build_date != NULL &&
	    date_is_valid(s->build_date, strlen(s->build_date))) {
		char cut[DATE_ISO_SIZE];

		/* 12 months before the build date: the same day a year back. */
		date_add_years(s->build_date, -1, cut);
		if (strcmp(asof, cut) < 0)
			diag_warning(s->diags, v->pos, "zone.figures-old",
			    asof, s->build_date);
	}

	check_wastewater(s, d);
	check_place(s, d);
	check_lease(s, d);
	check_prices(s, d);
	check_incentives(s, x, d);
	check_contact(s, d);
}

/* A word of the wastewater line: values.zone.wastewater.<w>. */
static const char *
ww_word(struct site *s, const char *lang, const char *w)
{
	return records_value_text(s, lang, "zone.wastewater", w);
}

/*
 * The occupancy on basis b: the stated figure (a key of `occupancy`, or
 * the old {percent, basis}), else one computed from the areas; false
 * when neither is possible.
 */
static bool
occ_on(const struct value *d, size_t b, struct decimal *p, bool *computed)
{
	const struct value *occ = value_map_get(d, "occupancy");
	const char *old = value_map_str(occ, "basis");
	struct decimal num, den;

	*computed = false;
	if (decimal_of_value(value_map_get(occ, bases[b].key), p) ||
	    (old != NULL && strcmp(old, bases[b].key) == 0 &&
	    decimal_of_value(value_map_get(occ, "percent"), p)))
		return true;
	*computed = true;
	return decimal_of_value(value_map_get(d, "leased_ha"), &num) &&
	    decimal_of_value(value_map_get(d, bases[b].field), &den) &&
	    den.m > 0 && decimal_percent_of(num, den, 2, p);
}

/* A width for a bar: a plain number node within 0..100. */
static struct value *
bar_width(struct site *s, struct decimal p, struct pos pos)
{
	struct value *n = value_new(s->arena, VALUE_NUM, pos);
	bool ok;

	if (p.m < 0)
		p.m = 0;
	if (decimal_cmp(p, (struct decimal){100, 0}, &ok) > 0)
		p = (struct decimal){100, 0};
	n->text = decimal_str(s->arena, p);
	n->len = value_len(strlen(n->text));
	n->u.d = strtod(n->text, NULL);
	return n;
}

/*
 * Occupancy on every basis it is stated on or can be computed for (the
 * `occupancies` rows and occupancy_<basis>_text), and the headline
 * figure: the first stated (old pair, industrial land, cleared land,
 * whole area), else one computed on the likeliest basis.  The check
 * stage has already compared stated and computed figures.
 */
static void
zone_occupancy(struct site *s, struct item *it)
{
	static const size_t order[] = {1, 0, 2};
	const struct value *d = it->data, *occ = value_map_get(d, "occupancy");
	const char *old = value_map_str(occ, "basis");
	struct value *rows = value_list(s->arena);
	struct decimal p, head = {0, 0};
	const char *fmtd[NBASES] = {NULL};
	bool computed, hc = true, any = false;
	struct pos pos = occ != NULL ? occ->pos : d->pos;
	int hb = -1, b;
	size_t k;

	/* The stated figures; only when none is, those the areas give. */
	for (k = 0; k < NBASES && !any; k++)
		any = occ_on(d, k, &p, &computed) && !computed;
	for (k = 0; k < NBASES; k++) {
		struct value *r;

		if (!occ_on(d, k, &p, &computed) || (any && computed))
			continue;
		fmtd[k] = decimal_figure(s->arena, p, site_fmt(s, it->lang),
		    "%");
		records_set(s, it->frame, arena_printf(s->arena,
		    "occupancy_%s_text", bases[k].key), fmtd[k]);
		r = value_map(s->arena);
		records_set(s, r, "basis", bases[k].key);
		records_set(s, r, "basis_text", records_value_text(s,
		    it->lang, "zone.occupancy_basis", bases[k].key));
		records_set(s, r, "text", fmtd[k]);
		records_setb(s, r, "computed", computed);
		value_map_set(s->arena, r, "percent", bar_width(s, p, pos));
		value_list_push(s->arena, rows, r);
	}
	if (rows->n > 0) {
		value_map_set(s->arena, it->frame, "occupancies", rows);
		records_setb(s, it->frame, "has_occupancies", true);
	}

	/* The headline: the old pair's basis first, then the order. */
	if ((b = basis_index(old)) >= 0 && occ_on(d, (size_t)b, &head, &hc) &&
	    !hc)
		hb = b;
	for (k = 0; hb < 0 && k < NBASES; k++)
		if (occ_on(d, order[k], &head, &hc) && !hc)
			hb = (int)order[k];
	if (hb < 0) {
		b = basis_index(old);
		if (b < 0)
			b = value_map_get(d, "industrial_land_ha") != NULL ?
			    1 : 2;
		if (!occ_on(d, (size_t)b, &head, &hc))
			return;
		hb = b;
	}
	records_set(s, it->frame, "occupancy_text", decimal_figure(s->arena,
	    head, site_fmt(s, it->lang), "%"));
	records_set(s, it->frame, "occupancy_basis_text",
	    records_value_text(s, it->lang, "zone.occupancy_basis",
	    bases[hb].key));
	records_setb(s, it->frame, "occupancy_computed", hc);
	value_map_set(s->arena, it->frame, "occupancy_percent",
	    bar_width(s, head, pos));
}

/* A word of the zone's lines: values.zone.<group>.<w>. */
static const char *
zw(struct site *s, const char *lang, const char *group, const char *w)
{
	return records_value_text(s, lang, arena_printf(s->arena, "zone.%s",
	    group), w);
}

/* "13.000 đồng/m²/năm", "45–60 USD/m² cho cả thời hạn" of a price map
 * whose figures are lo (and hi); NULL without them. */
static const char *
rate_text(struct site *s, const char *lang, const struct value *m,
    const char *lo, const char *hi)
{
	const char *cur = value_map_str(m, "currency");
	const char *per = value_map_str(m, "per");
	const char *a, *b;

	if (cur == NULL || per == NULL ||
	    (a = records_figure(s, value_map_get(m, lo), lang, "")) == NULL)
		return NULL;
	b = hi != NULL ? records_figure(s, value_map_get(m, hi), lang, "") :
	    NULL;
	return arena_printf(s->arena, "%s%s%s %s/%s", a, b ? "–" : "",
	    b ? b : "", zw(s, lang, "currency", cur), zw(s, lang, "per", per));
}

/*
 * What an investor acts on: free land, the term, prices and fees,
 * utilities and capacities, labour, incentives with their documents.
 */
static void
zone_investor(struct site *s, const struct site_names *x, struct item *it)
{
	const struct value *d = it->data, *v;
	struct value *f = it->frame;
	const char *lang = it->lang, *t;
	struct decimal land, l;

	/* Free land: the cleared (else industrial) land not yet leased. */
	if (decimal_of_value(value_map_get(d, "leased_ha"), &l) &&
	    (decimal_of_value(value_map_get(d, "cleared_land_ha"), &land) ||
	    decimal_of_value(value_map_get(d, "industrial_land_ha"), &land))) {
		l.m = -l.m;
		if (decimal_add(&land, l) && land.m >= 0)
			records_set(s, f, "free_land_text", decimal_figure(
			    s->arena, land, site_fmt(s, lang), " ha"));
	}
	records_set(s, f, "cleared_land_text", records_figure(s,
	    value_map_get(d, "cleared_land_ha"), lang, " ha"));

	/* Words only for what is there: a missing word is reported. */
	v = value_map_get(d, "lease");
	if (value_map_get(v, "term_years") != NULL && (t = records_figure(s,
	    value_map_get(v, "term_years"), lang, arena_printf(s->arena,
	    " %s", zw(s, lang, "lease", "years")))) != NULL) {
		const struct value *e = value_map_get(v, "ends");

		records_set(s, f, "lease_text", e != NULL && e->type ==
		    VALUE_INT ? arena_printf(s->arena, "%s, %s %s", t, zw(s,
		    lang, "lease", "until"), e->text) : t);
	}
	records_set(s, f, "sublease_text", rate_text(s, lang,
	    value_map_get(d, "sublease"), "min", "max"));
	records_set(s, f, "infrastructure_fee_text", rate_text(s, lang,
	    value_path(d, "fees.infrastructure"), "amount", NULL));
	records_set(s, f, "management_fee_text", rate_text(s, lang,
	    value_path(d, "fees.management"), "amount", NULL));
	records_set(s, f, "power_price_text", rate_text(s, lang,
	    value_path(d, "utilities.power"), "amount", NULL));
	records_set(s, f, "water_price_text", rate_text(s, lang,
	    value_path(d, "utilities.water"), "amount", NULL));
	records_set(s, f, "wastewater_price_text", rate_text(s, lang,
	    value_path(d, "utilities.wastewater"), "amount", NULL));

	v = value_path(d, "infrastructure.power_capacity");
	t = value_map_str(v, "unit");
	records_set(s, f, "power_capacity_text", t == NULL ? NULL :
	    records_figure(s, value_map_get(v, "amount"), lang,
	    arena_printf(s->arena, " %s", t)));
	records_set(s, f, "water_capacity_text", records_figure(s,
	    value_path(d, "infrastructure.water_m3_day"), lang,
	    arena_printf(s->arena, " %s", ww_word(s, lang, "per_day"))));

	if ((v = value_map_get(d, "labour")) != NULL) {
		t = arena_printf(s->arena, " %s", zw(s, lang, "labour",
		    "people"));
		records_set(s, f, "labour_pool_text", records_figure(s,
		    value_map_get(v, "pool"), lang, t));
		records_set(s, f, "labour_workers_text", records_figure(s,
		    value_map_get(v, "workers"), lang, t));
		records_set(s, f, "labour_as_of_text", records_date_text(s,
		    value_map_get(v, "as_of"), lang));
	}

	/* A section shows only with something in it. */
	{
		static const char *const lk[] = {"free_land_text",
		    "lease_text", "sublease_text", "infrastructure_fee_text",
		    "management_fee_text", "has_vacant_lots"};
		static const char *const util[] = {"power_capacity_text",
		    "power_price_text", "water_capacity_text",
		    "water_price_text", "wastewater_text",
		    "wastewater_price_text"};
		bool hl = false, hu = false;
		size_t i;

		for (i = 0; i < sizeof lk / sizeof *lk; i++)
			hl = hl || value_map_str(f, lk[i]) != NULL ||
			    value_map_get(f, lk[i]) == s->yes;
		for (i = 0; i < sizeof util / sizeof *util; i++)
			hu = hu || value_map_str(f, util[i]) != NULL;
		records_setb(s, f, "has_land_facts", hl);
		records_setb(s, f, "has_utility_facts", hu);
	}
	{
		struct value *rows = records_copy_rows(s, f, "incentives");
		const char *dl;
		size_t i;

		for (i = 0; rows != NULL && i < rows->n; i++) {
			struct value *r = rows->items[i];
			const char *doc = value_map_str(r, "document");
			const struct item *di;

			if (r->type != VALUE_MAP || doc == NULL || x == NULL ||
			    (di = site_lookup(x, "document", doc,
			    strlen(doc))) == NULL || !records_shown(di))
				continue;
			records_set(s, r, "document_url", di->url);
			records_set(s, r, "document_title", records_title(s,
			    di));
			/* Not translated: the link leads to a page in
			 * another language, and says so (hreflang); its
			 * text, the document's number (checked against
			 * it: zone.incentive-basis), is in that one too. */
			dl = di->shadow_of != NULL ? di->shadow_of->lang :
			                             di->lang;
			if (strcmp(dl, it->lang) != 0)
				records_set(s, r, "document_lang", dl);
		}
	}
}

/* Areas, occupancy, projects, capital, wastewater, and row texts. */
static void
zone_frame(struct site *s, const struct site_names *x, struct item *it)
{
	const struct value *d = it->data, *v, *ww;
	struct value *f = it->frame;
	const char *lang = it->lang, *de, *bu, *t, *fdi;

	records_set(s, f, "area_text", records_figure(s, value_map_get(d,
	    "area_ha"), lang, " ha"));
	records_set(s, f, "industrial_land_text", records_figure(s,
	    value_map_get(d, "industrial_land_ha"), lang, " ha"));
	records_set(s, f, "leased_text", records_figure(s, value_map_get(d,
	    "leased_ha"), lang, " ha"));
	zone_occupancy(s, it);
	records_set(s, f, "status_text", records_value_text(s, lang,
	    "zone.status", value_map_str(d, "status")));
	records_set(s, f, "as_of_text", records_date_text(s, value_map_get(d,
	    "as_of"), lang));
	v = value_map_get(d, "since");
	records_set(s, f, "since_text", records_date_of(v) ?
	    records_date_text(s, v, lang) : v != NULL && v->type == VALUE_INT ?
	    v->text : NULL);

	v = value_map_get(d, "projects");
	t = records_figure(s, value_map_get(v, "total"), lang, "");
	fdi = records_figure(s, value_map_get(v, "fdi"), lang, " FDI");
	records_set(s, f, "projects_text", t != NULL && fdi != NULL ?
	    arena_printf(s->arena, "%s (%s)", t, fdi) : t != NULL ? t : fdi);
	v = value_map_get(d, "registered_capital");
	records_set(s, f, "registered_capital_domestic_text",
	    records_money_text(s, value_map_get(v, "domestic"), lang));
	records_set(s, f, "registered_capital_fdi_text",
	    records_money_text(s, value_map_get(v, "fdi"), lang));

	ww = value_path(d, "infrastructure.wastewater");
	t = arena_printf(s->arena, " %s", ww_word(s, lang, "per_day"));
	de = records_figure(s, value_map_get(ww, "design_m3_day"), lang, t);
	bu = records_figure(s, value_map_get(ww, "built_m3_day"), lang, t);
	records_set(s, f, "wastewater_design_text", de);
	records_set(s, f, "wastewater_built_text", bu);
	v = value_map_get(ww, "central_plant");
	if (v != NULL && v->type == VALUE_BOOL && !v->u.b)
		t = ww_word(s, lang, "no_central_plant");
	else if (de != NULL && bu != NULL)
		t = arena_printf(s->arena, "%s %s, %s %s", ww_word(s, lang,
		    "designed"), de, ww_word(s, lang, "built"), bu);
	else if (de != NULL || bu != NULL)
		t = arena_printf(s->arena, "%s %s", ww_word(s, lang,
		    de != NULL ? "designed" : "built"), de != NULL ? de : bu);
	else
		t = NULL;
	v = value_map_get(ww, "operating");
	if (v != NULL && v->type == VALUE_BOOL) {
		const char *op = ww_word(s, lang, v->u.b ? "operating" :
		    "not_operating");

		records_set(s, f, "wastewater_operating_text", op);
		if (t != NULL && (de != NULL || bu != NULL))
			t = arena_printf(s->arena, "%s, %s", t, op);
		else if (t == NULL)
			t = arena_printf(s->arena, "%s: %s", ww_word(s, lang,
			    "central_plant"), op);
	}
	records_set(s, f, "wastewater_text", t);
	zone_investor(s, x, it);

	{
		struct value *l = records_copy_rows(s, f, "prices");
		size_t i;

		for (i = 0; l != NULL && i < l->n; i++) {
			struct value *r = l->items[i];
			const char *u = value_map_str(r, "unit");

			if (r->type == VALUE_MAP)
				records_set(s, r, "amount_text",
				    records_figure(s, value_map_get(r,
				    "amount"), lang, u ? arena_printf(s->arena,
				    " %s", u) : ""));
		}
	}
	records_row_figures(s, f, "distances", "km", "km_text", " km", lang);
	records_row_figures(s, f, "vacant_lots", "area_ha", "area_text", " ha",
	    lang);
	{
		struct value *l = records_copy_rows(s, f, "sources");
		size_t i;

		for (i = 0; l != NULL && i < l->n; i++)
			if (l->items[i]->type == VALUE_MAP)
				records_set(s, l->items[i], "date_text",
				    records_date_text(s,
				    value_map_get(l->items[i], "date"), lang));
	}
}

/* ---- the zone comparison ---- */

/* The columns: zone_frame()'s keys, titled values.zone.compare.<key>. */
static const char *const compare_cols[] = {"area_text",
    "industrial_land_text", "leased_text", "occupancy_cleared_land_text",
    "occupancy_industrial_land_text", "sublease_text", "projects_text",
    "wastewater_text"};

/* One zone list's `compare` table: a row per zone, cells ready to print. */
static void
compare_zones(struct site *s, struct collection *co, int lang)
{
	const size_t ncols = sizeof compare_cols / sizeof *compare_cols;
	struct value *t = value_map(s->arena), *cols, *rows;
	struct item **v;
	size_t n, i, k;

	n = site_published(s, co, lang, &v);
	if (n == 0)
		return;
	cols = value_list(s->arena);
	for (k = 0; k < ncols; k++) {
		struct value *c = value_map(s->arena);

		records_set(s, c, "key", compare_cols[k]);
		records_set(s, c, "title", records_value_text(s, s->langs[lang],
		    "zone.compare", compare_cols[k]));
		value_list_push(s->arena, cols, c);
	}
	rows = value_list(s->arena);
	for (i = 0; i < n; i++) {
		struct value *r = value_map(s->arena);
		struct value *cells = value_list(s->arena);

		records_set(s, r, "title", records_title(s, v[i]));
		records_set(s, r, "url", v[i]->url);
		for (k = 0; k < ncols; k++) {
			struct value *c = value_map(s->arena);
			const char *txt =
			    value_map_str(site_frame_in(v[i], lang),
			        compare_cols[k]);

			records_set(s, c, "text", txt != NULL ? txt : "—");
			value_list_push(s->arena, cells, c);
		}
		value_map_set(s->arena, r, "cells", cells);
		value_list_push(s->arena, rows, r);
	}
	value_map_set(s->arena, t, "columns", cols);
	value_map_set(s->arena, t, "rows", rows);
	site_lists_set(s, co, lang, "compare", t);
}

/* The comparison table on every zone list page, per language. */
static void
zone_model(struct site *s, const struct theme *th, const struct site_names *x,
    struct collection *co)
{
	int lang;

	for (lang = 0; lang < (int)s->nlangs; lang++)
		compare_zones(s, co, lang);
}

const struct kind kind_zone = {
	.name = "zone",
	.check = check_zone,
	.frame = zone_frame,
	.model = zone_model,
};
