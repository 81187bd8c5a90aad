/*
 * The zone kind (khu công nghiệp): areas, occupancy, projects,
 * infrastructure.  Validate stage: areas within each other, the stated
 * occupancy against the areas, projects adding up, wastewater built
 * within design, figures not older than 12 months.  Model stage: the
 * frame's reader figures and, on zone lists, the `compare` table.
 *
 * Frame keys for theme authors (texts in the item's language; a key is
 * absent when its field is):
 *   area_text "183 ha", industrial_land_text, leased_text "112,9579 ha",
 *   occupancy_text "94,68%", occupancy_percent (number 0-100, dot
 *   decimals, for a CSS bar width), occupancy_computed (true when
 *   recomputed from the areas, none being stated), occupancy_basis_text,
 *   status_text, as_of_text, since_text, projects_text "12 (3 FDI)",
 *   registered_capital_domestic_text / _fdi_text, wastewater_design_text
 *   "6.000 m³/ngày", wastewater_built_text, wastewater_text (one line for
 *   tables), prices[].amount_text "45 USD/m²/năm", distances[].km_text,
 *   vacant_lots[].area_text, sources[].date_text
 * Zone list pages: compare {columns: [{title}], rows: [{title, url,
 * cells: [{text}]}]} (area, industrial land, leased, occupancy,
 * projects, wastewater; "—" when unknown).
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

static void
check_zone(struct site *s, const struct site_names *x,
    const struct item *it)
{
	const struct value *d = it->data, *area, *ind, *leased, *occ, *v;
	const struct value *den;
	struct decimal a, i, l, p, dn, r, w;
	struct decimal_pct pw;
	bool ha = false, hi = false, hl = false, ok, over_i = false;
	bool over_a = false;
	const char *basis, *asof;

	area = value_map_get(d, "area_ha");
	ind = value_map_get(d, "industrial_land_ha");
	leased = value_map_get(d, "leased_ha");
	ha = decimal_of_value(area, &a);
	hi = decimal_of_value(ind, &i);
	hl = decimal_of_value(leased, &l);
	if (hl && hi && decimal_cmp(l, i, &ok) > 0 && ok && (over_i = true))
		diag_error(s->diags, leased->pos,
		    "zone.leased-over-industrial", fig(s, l), fig(s, i));
	else if (hl && !hi && ha && decimal_cmp(l, a, &ok) > 0 && ok &&
	    (over_a = true))
		diag_error(s->diags, leased->pos, "zone.leased-over-area",
		    fig(s, l), fig(s, a));
	if (hi && ha && decimal_cmp(i, a, &ok) > 0 && ok)
		diag_error(s->diags, ind->pos, "zone.industrial-over-area",
		    fig(s, i), fig(s, a));

	occ = value_map_get(d, "occupancy");
	basis = value_map_str(occ, "basis");
	v = value_map_get(occ, "percent");
	if (occ != NULL && occ->type == VALUE_MAP && basis != NULL &&
	    decimal_of_value(v, &p)) {
		bool land = strcmp(basis, "industrial_land") == 0;

		den = land ? ind : area;
		/* One cause, one message: a figure there but refused has
		 * its error already; only one left out is named here. */
		if (!hl) {
			if (absent(leased))
				diag_error(s->diags, occ->pos,
				    "zone.occupancy-no-leased");
		} else if (!decimal_of_value(den, &dn)) {
			if (absent(den))
				diag_error(s->diags,
				    value_map_get(occ, "basis")->pos,
				    "zone.occupancy-no-base", basis, land ?
				    "industrial_land_ha" : "area_ha");
		} else if (land ? over_i : over_a) {
			/* One cause, one message: the leased area is wrong,
			 * or the land; the percentage follows. */
		} else if (dn.m == 0) {
			diag_error(s->diags, den->pos,
			    "zone.occupancy-zero-base", land ?
			    "industrial_land_ha" : "area_ha");
		} else if (decimal_percent(l, dn, p.scale, &pw) &&
		    !decimal_pct_agrees(&pw, p) && decimal_percent_of(l, dn,
		    p.scale > 2 ? p.scale + 1 : 2, &r) &&
		    decimal_percent_of(l, dn, p.scale, &w)) {
			/* w has fewer decimals than r: it fits if r did. */
			diag_error(s->diags, v->pos, "zone.occupancy-mismatch",
			    fig(s, p), fig(s, l), land ? "industrial_land_ha" :
			    "area_ha", fig(s, dn), fig(s, r), fig(s, w),
			    decimal_str(s->arena, w));
		}
	}

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

	v = value_map_get(d, "as_of");
	if ((asof = records_date_of(v)) != NULL && s->build_date != NULL &&
	    date_is_valid(s->build_date, strlen(s->build_date))) {
		char cut[DATE_ISO_SIZE];

		/* 12 months before the build date: the same day a year back. */
		date_add_years(s->build_date, -1, cut);
		if (strcmp(asof, cut) < 0)
			diag_warning(s->diags, v->pos, "zone.figures-old",
			    asof, s->build_date);
	}

	v = value_path(d, "infrastructure.wastewater");
	{
		const struct value *bu = value_map_get(v, "built_m3_day");
		const struct value *de = value_map_get(v, "design_m3_day");
		struct decimal b, g;

		if (decimal_of_value(bu, &b) && decimal_of_value(de, &g) &&
		    decimal_cmp(b, g, &ok) > 0 && ok)
			diag_error(s->diags, bu->pos,
			    "zone.wastewater-over-design", fig(s, b),
			    fig(s, g));
	}
}

/*
 * The stated occupancy, else one computed from the areas on the stated
 * (or, failing that, the likeliest) basis; nothing when neither is
 * possible.  The check stage has already compared the two.
 */
static void
zone_occupancy(struct site *s, struct item *it)
{
	const struct value *d = it->data, *occ = value_map_get(d, "occupancy");
	const char *basis = value_map_str(occ, "basis");
	struct decimal p, num, den;
	struct value *n;
	bool stated;

	stated = decimal_of_value(value_map_get(occ, "percent"), &p);
	if (basis == NULL)
		basis = value_map_get(d, "industrial_land_ha") != NULL ?
		    "industrial_land" : "total_area";
	if (!stated && !(decimal_of_value(value_map_get(d, "leased_ha"), &num)
	    && decimal_of_value(value_map_get(d, strcmp(basis, "total_area")
	    == 0 ? "area_ha" : "industrial_land_ha"), &den) &&
	    decimal_percent_of(num, den, 2, &p)))
		return;
	records_set(s, it->frame, "occupancy_text", decimal_figure(s->arena, p,
	    site_fmt(s, it->lang), "%"));
	records_set(s, it->frame, "occupancy_basis_text",
	    records_value_text(s, it->lang, "zone.occupancy_basis", basis));
	records_setb(s, it->frame, "occupancy_computed", !stated);
	/* A width for a bar: a plain number within 0..100. */
	if (p.m < 0)
		p.m = 0;
	if (decimal_cmp(p, (struct decimal){100, 0}, &stated) > 0)
		p = (struct decimal){100, 0};
	n = value_new(s->arena, VALUE_NUM, occ != NULL ? occ->pos : d->pos);
	n->text = decimal_str(s->arena, p);
	n->len = strlen(n->text);
	n->u.d = strtod(n->text, NULL);
	value_map_set(s->arena, it->frame, "occupancy_percent", n);
}

/* A word of the wastewater line: values.zone.wastewater.<w>. */
static const char *
ww_word(struct site *s, const char *lang, const char *w)
{
	return records_value_text(s, lang, "zone.wastewater", w);
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
	records_set(s, f, "wastewater_text", t);

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
    "industrial_land_text", "leased_text", "occupancy_text", "projects_text",
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
