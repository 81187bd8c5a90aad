/*
 * The plan kind (kế hoạch, chỉ tiêu năm): a year's targets broken down
 * by zone, and later results against them.  Validate stage: the parts
 * by zone add up exactly to each total (and each result), counts are
 * whole, results come after the plan, the source is cited.  Model stage:
 * the frame's figures, one row per target and the targets-by-zone table
 * (keys below).
 *
 * Frame keys for theme authors (texts in the item's language):
 *   year (the year the targets are for), targets[].unit_text "tỷ đồng",
 *   .total_text "230 tỷ đồng", .has_result, .result_text,
 *   .result_as_of_text, .achieved_text "42,9%" ("—" when unknown), .note,
 *   .zones [{title, url, has_url, value_text, has_result, result_text,
 *   result_as_of_text, achieved_text}]; matrix {columns: [{title,
 *   unit_text}], rows: [{title, url, has_url, cells: [{text}]}], totals:
 *   [{text}]} (a row per zone, a column per target), has_matrix,
 *   has_results, targets_text "7 dự án · 230 tỷ đồng"
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "decimal.h"
#include "diag.h"
#include "fmt.h"
#include "kind.h"
#include "records.h"
#include "site.h"
#include "site_names.h"
#include "value.h"
#include "words.h"

/* Units that count things (a target of 2.5 projects is a typo), by
 * their key, which the messages name. */
static const char *const counts[] = {"du_an", "doanh_nghiep", "nguoi"};

/* The unit if it counts things, or NULL for a measure. */
static const char *
counted(const char *unit)
{
	size_t i;

	for (i = 0; unit != NULL && i < sizeof counts / sizeof *counts; i++)
		if (strcmp(unit, counts[i]) == 0)
			return counts[i];
	return NULL;
}

static bool
is_empty(const struct value *v)
{
	return v == NULL || v->type == VALUE_NULL || (v->type == VALUE_STR &&
	    v->len == 0);
}

/* An error when v (at 'path') is a count with a fraction. */
static void
check_whole(struct site *s, const struct value *v, const char *unit,
    const char *path)
{
	const char *things = counted(unit);
	struct decimal d;

	if (things == NULL || !decimal_of_value(v, &d))
		return;
	if (!decimal_is_whole(d))
		diag_error(s->diags, v->pos, "plan.count-fraction", path,
		    v->text, things);
}

/* An ISO date as messages show it (31/12/2020). */
static const char *
day_text(struct site *s, const char *iso)
{
	struct buf b = {0};
	const char *t;

	fmt_date(&b, iso, fmt_messages());
	t = diag_fmt(s->diags, "%s", buf_cstr(&b));
	buf_release(&b);
	return t;
}

/* An error when result r (at 'path') is dated before the plan. */
static void
check_result(struct site *s, const struct value *r, const char *unit,
    const char *pdate, const char *path)
{
	const struct value *a = value_map_get(r, "as_of");

	if (r == NULL || r->type != VALUE_MAP)
		return;
	check_whole(s, value_map_get(r, "value"), unit, arena_printf(s->arena,
	    "%s.value", path));
	if (records_date_of(a) && pdate != NULL && strcmp(a->text, pdate) < 0)
		diag_error(s->diags, a->pos, "plan.result-before-plan", path,
		    day_text(s, a->text), day_text(s, pdate));
}

/*
 * The sum of the rows' field (value, or result.value) into *sum and
 * "zone 200 + zone 100" into b; false when a row lacks it (nothing to
 * check then) or on overflow.  With as_of, only results of that date.
 */
static bool
add_rows(const struct value *bz, const char *field, const char *as_of,
    struct decimal *sum, struct buf *b)
{
	size_t j;

	*sum = (struct decimal){0, 0};
	for (j = 0; j < bz->n; j++) {
		const struct value *row = bz->items[j], *v;
		const char *z = value_map_str(row, "zone");
		struct decimal x;

		v = value_path(row, field);
		if (as_of != NULL) {
			const char *a = records_date_of(value_path(row,
			    "result.as_of"));

			if (a == NULL || strcmp(a, as_of) != 0)
				return false;
		}
		if (!decimal_of_value(v, &x) || !decimal_add(sum, x))
			return false;
		buf_addf(b, "%s%s %s", j ? " + " : "", z ? z : "?", v->text);
	}
	return bz->n > 0;
}

static void
check_target(struct site *s, const struct value *t, size_t k,
    const char *pdate)
{
	const char *unit = value_map_str(t, "unit");
	const struct value *tot = value_map_get(t, "total");
	const struct value *bz = value_map_get(t, "by_zone");
	const struct value *res = value_map_get(t, "result"), *rv;
	/* A target by its place and indicator: «Thu hút dự án» (thứ 2);
	 * the same in both languages. */
	const char *at = arena_printf(s->arena, "\u00AB%s\u00BB (%zu)",
	    value_map_str(t, "indicator") ? value_map_str(t, "indicator") :
	    "?", k);
	struct buf b = {0};
	struct decimal want, sum;
	bool ok;
	size_t j, m;

	check_whole(s, tot, unit, arena_printf(s->arena, "%s, total", at));
	check_result(s, res, unit, pdate, arena_printf(s->arena, "%s, result",
	    at));
	if (bz == NULL || bz->type != VALUE_LIST)
		return;
	for (j = 0; j < bz->n; j++) {
		const struct value *row = bz->items[j];
		const struct value *z = value_map_get(row, "zone");
		const char *rp = arena_printf(s->arena, "%s, by_zone %zu "
		    "\u00AB%s\u00BB", at, j + 1, z != NULL &&
		    value_is_scalar(z) ? z->text : "?");

		if (row->type != VALUE_MAP)
			continue;
		check_whole(s, value_map_get(row, "value"), unit,
		    arena_printf(s->arena, "%s, value", rp));
		check_result(s, value_map_get(row, "result"), unit, pdate,
		    arena_printf(s->arena, "%s, result", rp));
		for (m = 0; z != NULL && z->type == VALUE_STR && m < j; m++) {
			const char *o = value_map_str(bz->items[m], "zone");

			if (o != NULL && strcmp(o, z->text) == 0) {
				diag_error(s->diags, z->pos, "plan.zone-twice",
				    at, z->text, diag_fmt(s->diags, "%zu",
				    m + 1), diag_fmt(s->diags, "%zu", j + 1));
				break;
			}
		}
	}
	/* Percentages of parts do not add up to the whole's. */
	if (unit != NULL && strcmp(unit, "phan_tram") == 0)
		return;
	if (decimal_of_value(tot, &want) && add_rows(bz, "value", NULL, &sum,
	    &b) && decimal_cmp(sum, want, &ok) != 0 && ok)
		diag_error(s->diags, tot->pos, "plan.total-mismatch", at,
		    tot->text, decimal_str(s->arena, sum), buf_cstr(&b));
	buf_reset(&b);
	rv = value_map_get(res, "value");
	if (decimal_of_value(rv, &want) && add_rows(bz, "result.value",
	    records_date_of(value_map_get(res, "as_of")), &sum, &b) &&
	    decimal_cmp(sum, want, &ok) != 0 && ok)
		diag_error(s->diags, rv->pos, "plan.result-mismatch", at,
		    rv->text, decimal_str(s->arena, sum), buf_cstr(&b));
	buf_release(&b);
}

static void
plan_check(struct site *s, const struct site_names *x, const struct item *it)
{
	const struct value *d = it->data, *src, *tl;
	const char *pdate = records_date_of(value_map_get(d, "date"));
	size_t k;

	src = value_map_get(d, "source");
	if (src != NULL && src->type == VALUE_MAP && is_empty(value_map_get(src,
	    "news")) && is_empty(value_map_get(src, "document")) &&
	    is_empty(value_map_get(src, "url")))
		diag_error(s->diags, src->pos, "plan.source-missing");
	tl = value_map_get(d, "targets");
	for (k = 0; tl != NULL && tl->type == VALUE_LIST && k < tl->n; k++)
		if (tl->items[k]->type == VALUE_MAP)
			check_target(s, tl->items[k], k + 1, pdate);
}

/* ---- frame ---- */

/* Sets key to str, or to "" (never absent: rows must not borrow). */
static void
put(struct site *s, struct value *m, const char *key, const char *str)
{
	value_map_set(s->arena, m, key, value_strz(s->arena, str ? str : ""));
}

/* "42,9%" of part over whole (one decimal, none when it is 0); NULL
 * when it cannot be computed (a target of 0). */
static const char *
achieved(struct site *s, const struct value *part, const struct value *whole,
    const char *lang)
{
	struct decimal p, w, r;

	if (!decimal_of_value(part, &p) || !decimal_of_value(whole, &w) ||
	    !decimal_percent_of(p, w, 1, &r))
		return NULL;
	if (r.m % 10 == 0) {
		r.m /= 10;
		r.scale = 0;
	}
	return decimal_figure(s->arena, r, site_fmt(s, lang), "%");
}

/* "230 tỷ đồng", "95%": a figure with its unit. */
static const char *
with_unit(struct site *s, const struct value *v, const char *unit,
    const char *lang)
{
	const char *u = records_value_text(s, lang, "plan.unit", unit);

	if (u == NULL)
		return records_figure(s, v, lang, "");
	return records_figure(s, v, lang, arena_printf(s->arena, "%s%s",
	    strcmp(u, "%") == 0 ? "" : " ", u));
}

/* Result texts of r against target value v on map m. */
static void
put_result(struct site *s, struct value *m, const struct value *r,
    const struct value *v, const char *unit, const char *lang)
{
	const char *rt = with_unit(s, value_map_get(r, "value"), unit, lang);
	const char *share = achieved(s, value_map_get(r, "value"), v, lang);

	value_map_set(s->arena, m, "has_result", rt != NULL ? s->yes : s->no);
	put(s, m, "result_text", rt != NULL ? rt : "—");
	put(s, m, "result_as_of_text", records_date_text(s, value_map_get(r,
	    "as_of"), lang));
	put(s, m, "achieved_text", rt != NULL && share != NULL ? share : "—");
}

/* The zones named by the targets, in order of first mention. */
static size_t
plan_zones(struct site *s, const struct value *tl, const char ***out)
{
	const char **z;
	size_t n = 0, cap = 0, i, j, k;

	for (i = 0; tl != NULL && i < tl->n; i++) {
		const struct value *bz = value_map_get(tl->items[i], "by_zone");

		cap += bz != NULL && bz->type == VALUE_LIST ? bz->n : 0;
	}
	z = arena_alloc(s->arena, (cap ? cap : 1) * sizeof *z);
	for (i = 0; tl != NULL && i < tl->n; i++) {
		const struct value *bz = value_map_get(tl->items[i], "by_zone");

		for (j = 0; bz != NULL && bz->type == VALUE_LIST && j < bz->n;
		    j++) {
			const char *slug = value_map_str(bz->items[j], "zone");

			for (k = 0; slug != NULL && k < n; k++)
				if (strcmp(z[k], slug) == 0)
					break;
			if (slug != NULL && k == n)
				z[n++] = slug;
		}
	}
	*out = z;
	return n;
}

/* The row of by_zone that names slug, or NULL. */
static const struct value *
zone_row(const struct value *t, const char *slug)
{
	const struct value *bz = value_map_get(t, "by_zone");
	size_t j;

	for (j = 0; bz != NULL && bz->type == VALUE_LIST && j < bz->n; j++) {
		const char *z = value_map_str(bz->items[j], "zone");

		if (z != NULL && strcmp(z, slug) == 0)
			return bz->items[j];
	}
	return NULL;
}

/* {title, url, has_url} of zone slug in its language. */
static void
put_zone(struct site *s, const struct site_names *x, struct value *m,
    const struct item *it, const char *slug)
{
	const struct item *z = site_lookup(x, "zone", slug, strlen(slug));
	bool shown;

	if (z != NULL && records_shown(z->tr[it->lang_index]))
		z = z->tr[it->lang_index];
	shown = z != NULL && records_shown(z);

	put(s, m, "title", z != NULL ? records_title(s, z) : slug);
	put(s, m, "url", shown ? z->url : NULL);
	value_map_set(s->arena, m, "has_url", shown ? s->yes : s->no);
}

/*
 * targets[]: unit_text, total_text, result texts and zones[] (one row
 * per zone: value and result against it); `matrix`: the targets-by-zone
 * table (a column per target, a row per zone, then the totals).
 */
static void
plan_frame(struct site *s, const struct site_names *x, struct item *it)
{
	struct value *f = it->frame, *tl, *cols, *rows, *totals, *zs;
	const char *lang = it->lang, **zones;
	const struct value *y = value_map_get(it->data, "year");
	struct buf sum = {0};
	bool any = false;
	size_t i, j, nz;

	if (f == NULL)
		return;
	/* The year the targets are for, not the year they were set. */
	if (y != NULL && y->type == VALUE_INT)
		value_map_set(s->arena, f, "year", (struct value *)y);
	tl = records_copy_rows(s, f, "targets");
	nz = plan_zones(s, tl, &zones);
	cols = value_list(s->arena);
	totals = value_list(s->arena);
	for (i = 0; tl != NULL && i < tl->n; i++) {
		struct value *t = tl->items[i], *c;
		const char *unit = value_map_str(t, "unit"), *tt;
		const struct value *tot = value_map_get(t, "total");
		const struct value *bz = value_map_get(t, "by_zone");

		if (t->type != VALUE_MAP)
			continue;
		tt = with_unit(s, tot, unit, lang);
		put(s, t, "unit_text", records_value_text(s, lang,
		    "plan.unit", unit));
		put(s, t, "total_text", tt);
		put(s, t, "note", value_map_str(t, "note"));
		put_result(s, t, value_map_get(t, "result"), tot, unit, lang);
		any = any || value_truthy(value_map_get(t, "has_result"));
		zs = value_list(s->arena);
		for (j = 0; bz != NULL && bz->type == VALUE_LIST && j < bz->n;
		    j++) {
			const struct value *row = bz->items[j];
			struct value *m = value_map(s->arena);
			const char *slug = value_map_str(row, "zone");

			if (slug == NULL)
				continue;
			put_zone(s, x, m, it, slug);
			put(s, m, "value_text", with_unit(s, value_map_get(row,
			    "value"), unit, lang));
			put_result(s, m, value_map_get(row, "result"),
			    value_map_get(row, "value"), unit, lang);
			any = any || value_truthy(value_map_get(m,
			    "has_result"));
			value_list_push(s->arena, zs, m);
		}
		value_map_set(s->arena, t, "zones", zs);
		value_map_set(s->arena, t, "has_zones", zs->n ? s->yes : s->no);
		if (tt != NULL)
			buf_addf(&sum, "%s%s", sum.len ? " · " : "", tt);
		c = value_map(s->arena);
		put(s, c, "title", value_map_str(t, "indicator"));
		put(s, c, "unit_text", records_value_text(s, lang,
		    "plan.unit", unit));
		value_list_push(s->arena, cols, c);
		c = value_map(s->arena);
		put(s, c, "text", records_figure(s, tot, lang, ""));
		value_list_push(s->arena, totals, c);
	}
	rows = value_list(s->arena);
	for (j = 0; j < nz; j++) {
		struct value *r = value_map(s->arena), *cells = value_list(
		    s->arena);

		put_zone(s, x, r, it, zones[j]);
		for (i = 0; tl != NULL && i < tl->n; i++) {
			struct value *c = value_map(s->arena);
			const char *v = records_figure(s, value_map_get(
			    zone_row(tl->items[i], zones[j]), "value"), lang,
			    "");

			if (tl->items[i]->type != VALUE_MAP)
				continue;
			put(s, c, "text", v != NULL ? v : "—");
			value_list_push(s->arena, cells, c);
		}
		value_map_set(s->arena, r, "cells", cells);
		value_list_push(s->arena, rows, r);
	}
	{
		struct value *mx = value_map(s->arena);

		value_map_set(s->arena, mx, "columns", cols);
		value_map_set(s->arena, mx, "rows", rows);
		value_map_set(s->arena, mx, "totals", totals);
		value_map_set(s->arena, f, "matrix", mx);
	}
	value_map_set(s->arena, f, "has_matrix", nz > 0 ? s->yes : s->no);
	value_map_set(s->arena, f, "has_results", any ? s->yes : s->no);
	put(s, f, "targets_text", buf_cstr(&sum));
	buf_release(&sum);
}

const struct kind kind_plan = {
	.name = "plan",
	.check = plan_check,
	.frame = plan_frame,
};
