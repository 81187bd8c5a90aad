/*
 * Budget records' dates, validate stage.  In: the budget records (their
 * kind, period, fiscal_year, form circular, approval, reported_on,
 * published_on and adjusts).  Out: located errors and warnings for late
 * publication (rules of generator/deadlines.yaml by regime) and for
 * broken chains of estimates, and the estimate in force for each
 * execution report (which budget.c then compares line by line).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "budget_deadline.h"
#include "calendar.h"
#include "date.h"
#include "deadline.h"
#include "diag.h"
#include "site.h"
#include "value.h"

long
budget_period_end(int64_t year, const char *period)
{
	static const struct { const char *p; const char *md; } t[] = {
	    {"quy_1", "-03-31"}, {"3_thang", "-03-31"}, {"quy_2", "-06-30"},
	    {"6_thang", "-06-30"}, {"quy_3", "-09-30"}, {"9_thang", "-09-30"},
	    {"quy_4", "-12-31"}, {"nam", "-12-31"}};
	char iso[16];

	if (period == NULL || year < 1970 || year > 9999)
		return -1;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].p, period) == 0) {
			snprintf(iso, sizeof iso, "%04d%s", (int)year, t[i].md);
			return date_days(iso);
		}
	return -1;
}

/* The date node at dotted path in data when it holds a real date. */
static const struct value *
date_at(const struct value *data, const char *path)
{
	const struct value *v = value_path(data, path);

	return v != NULL && v->type == VALUE_STR && date_is_valid(v->text,
	    v->len) ? v : NULL;
}

static struct pos
pos_of(const struct item *it, const char *key)
{
	const struct value *v = value_map_get(it->data, key);

	return v != NULL ? v->pos : pos_file(it->path);
}

void
budget_deadline_check(struct site *s, const struct budget_ref *r)
{
	const struct deadlines *dl = deadlines_of(s);
	const struct value *pv = date_at(r->it->data, "published_on"), *tv;
	const struct deadline_rule *rule;
	const char *regime;
	long trigger;

	if (pv == NULL || r->kind == NULL)
		return;
	if ((regime = deadlines_regime(dl, r->circular, NULL)) == NULL ||
	    (rule = deadlines_find(dl, "budget", regime, r->kind,
	    r->period)) == NULL)
		return;
	switch (rule->trigger) {
	case DL_PERIOD_END:
		if ((trigger = budget_period_end(r->year, r->period)) < 0)
			return;
		break;
	case DL_APPROVAL:
		if ((tv = date_at(r->it->data, "approval.date")) == NULL) {
			if (value_map_get(r->it->data, "approval") == NULL)
				diag_error(s->diags, pos_of(r->it, "kind"),
				    strcmp(r->kind, "quyet_toan") == 0 ?
				    "budget.approval-missing-accounts" :
				    "budget.approval-missing", r->kind,
				    rule->article);
			return;
		}
		trigger = date_days(tv->text);
		break;
	case DL_REPORTED_ON:
		if ((tv = date_at(r->it->data, "reported_on")) == NULL) {
			if (value_map_get(r->it->data, "reported_on") == NULL)
				diag_error(s->diags, pos_of(r->it, "period"),
				    "budget.reported-on-missing",
				    rule->article);
			return;
		}
		trigger = date_days(tv->text);
		break;
	default:
		return;
	}
	deadline_check(dl, s->arena, s->diags, rule, pv->pos, trigger,
	    date_days(pv->text));
}

/* Estimate chains -------------------------------------------------------- */

static bool
is_estimate(const struct budget_ref *r)
{
	return r->kind != NULL && strcmp(r->kind, "du_toan") == 0;
}

/* One year, unit and language: whose reports compare with each other. */
static bool
same_group(const struct budget_ref *a, const struct budget_ref *b)
{
	return a->year == b->year && a->unit != NULL && b->unit != NULL &&
	    strcmp(a->unit, b->unit) == 0 && a->it->lang_index ==
	    b->it->lang_index;
}

/* The day an estimate takes effect: its approval, else its decision. */
static long
estimate_day(const struct budget_ref *r)
{
	const struct value *v = date_at(r->it->data, "approval.date");

	if (v == NULL)
		v = date_at(r->it->data, "decision.date");
	return v != NULL ? date_days(v->text) : -1;
}

/* The record of v[0..n) in lang named key (file base name or slug). */
static int
find_named(const struct budget_ref *v, size_t n, int lang, const char *key)
{
	for (size_t i = 0; i < n; i++) {
		const char *slug = value_map_str(v[i].it->data, "slug");

		if (v[i].it->lang_index == lang && ((v[i].it->base != NULL &&
		    strcmp(v[i].it->base, key) == 0) || (slug != NULL &&
		    strcmp(slug, key) == 0)))
			return (int)i;
	}
	return -1;
}

/*
 * Resolves each record's adjusts into up[i]: the index it adjusts, -1
 * for none, -2 when it names no usable estimate (reported here or, for
 * an unknown name, by the schema's reference check).
 */
static void
link_chains(struct site *s, const struct budget_ref *v, size_t n, int *up)
{
	for (size_t i = 0; i < n; i++) {
		const struct value *av = value_map_get(v[i].it->data,
		    "adjusts");
		int j;

		up[i] = -1;
		if (av == NULL || !value_is_scalar(av) || av->len == 0)
			continue;
		up[i] = -2;
		if (!is_estimate(&v[i])) {
			diag_error(s->diags, av->pos,
			    "budget.adjusts-not-estimate", v[i].kind ?
			    v[i].kind : "?");
			continue;
		}
		/* An unknown name: the schema's reference check says so. */
		if ((j = find_named(v, n, v[i].it->lang_index,
		    av->text)) < 0)
			continue;
		if ((size_t)j == i) {
			diag_error(s->diags, av->pos, "budget.adjusts-itself");
			continue;
		}
		if (!is_estimate(&v[j])) {
			diag_error(s->diags, av->pos,
			    "budget.adjusts-non-estimate", v[j].it->path,
			    v[j].kind ? v[j].kind : "?");
			continue;
		}
		if (!same_group(&v[i], &v[j])) {
			diag_error(s->diags, av->pos,
			    "budget.adjusts-other-unit", v[j].it->path,
			    diag_fmt(s->diags, "%lld", (long long)v[j].year),
			    v[j].unit ? v[j].unit : "?");
			continue;
		}
		up[i] = j;
	}
	/* Loops: a chain longer than the records is one. */
	for (size_t i = 0; i < n; i++) {
		size_t steps = 0;
		int j = (int)i;

		while (j >= 0 && steps <= n)
			j = up[j], steps++;
		if (j >= 0) {
			diag_error(s->diags, value_map_get(v[i].it->data,
			    "adjusts")->pos, "budget.adjusts-loop",
			    v[i].it->path, v[up[i]].it->path);
			up[i] = -2;
		}
	}
}

static int
root_of(const int *up, int i)
{
	while (up[i] >= 0)
		i = up[i];
	return i;
}

static int
depth_of(const int *up, int i)
{
	int d = 0;

	for (; up[i] >= 0; i = up[i])
		d++;
	return d;
}

int *
budget_estimates_in_force(struct site *s, const struct budget_ref *v,
    size_t n)
{
	int *up = arena_calloc(s->arena, n + 1, sizeof *up);
	int *force = arena_calloc(s->arena, n + 1, sizeof *force);
	int *first = arena_calloc(s->arena, n + 1, sizeof *first);
	size_t i, j;

	link_chains(s, v, n, up);
	/* Roots: one per year, unit and language; the earliest wins. */
	for (i = 0; i < n; i++) {
		long di = estimate_day(&v[i]);

		first[i] = -1;
		if (!is_estimate(&v[i]) || up[i] != -1)
			continue;
		for (j = 0; j < n; j++) {
			long dj = estimate_day(&v[j]);
			int f = first[i];

			if (j == i || !is_estimate(&v[j]) || up[j] != -1 ||
			    !same_group(&v[i], &v[j]) || dj > di || (dj == di &&
			    strcmp(v[j].it->path, v[i].it->path) > 0))
				continue;
			if (f < 0 || dj < estimate_day(&v[f]) || (dj ==
			    estimate_day(&v[f]) && strcmp(v[j].it->path,
			    v[f].it->path) < 0))
				first[i] = (int)j;
		}
		if (first[i] >= 0)
			diag_error(s->diags, pos_of(v[i].it, "kind"),
			    "budget.estimates-unlinked", diag_fmt(s->diags,
			    "%lld", (long long)v[i].year), v[i].unit,
			    v[first[i]].it->path, v[i].it->path,
			    v[first[i]].it->base);
	}
	for (i = 0; i < n; i++) {
		long end;
		int best = -1, early = -1;

		force[i] = -1;
		if (v[i].kind == NULL || strcmp(v[i].kind, "thuc_hien") != 0)
			continue;
		end = budget_period_end(v[i].year, v[i].period);
		for (j = 0; j < n; j++) {
			long dj, db;
			int r;

			if (!is_estimate(&v[j]) || !same_group(&v[i], &v[j]))
				continue;
			/* Only the chain of the group's first estimate. */
			r = root_of(up, (int)j);
			if (up[r] == -2 || first[r] >= 0)
				continue;
			dj = estimate_day(&v[j]);
			if (early < 0 || dj < estimate_day(&v[early]))
				early = (int)j;
			if (end >= 0 && dj > end)
				continue;
			db = best >= 0 ? estimate_day(&v[best]) : 0;
			if (best < 0 || dj > db || (dj == db &&
			    depth_of(up, (int)j) > depth_of(up, best)))
				best = (int)j;
		}
		force[i] = best >= 0 ? best : early;
	}
	return force;
}
