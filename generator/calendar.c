/*
 * The civil-service calendar (calendar.h).  In: generator/holidays.yaml
 * (compiled in) or any table of that shape.  Out: a read-only calendar
 * in the arena that says which days are working days, and counts legal
 * deadlines in working days.  The loader refuses a table that is not
 * what it claims (an "off" day on a weekend, a worked day that is not a
 * Saturday, a date outside its year, dates out of order).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "calendar.h"
#include "date.h"
#include "diag.h"
#include "value.h"

struct cday {
	long day;		/* days since 1970-01-01 */
	const char *reason;
};

struct cyear {
	int year;
	bool announced;
	const char *source;
	struct cday *off, *sat;	/* sorted */
	size_t noff, nsat;
};

struct calendar {
	struct cyear *years;	/* sorted by year */
	size_t n;
};

static const struct cyear *
year_at(const struct calendar *c, int year)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->years[mid].year == year)
			return &c->years[mid];
		if (c->years[mid].year < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const struct cday *
day_in(const struct cday *v, size_t n, long day)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].day == day)
			return &v[mid];
		if (v[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Reads one list of {date, reason} of year y; sat: Saturdays only. */
static int
load_days(struct diags *d, const struct value *l, int y, bool sat,
    const char *what, struct cday **out, size_t *nout, struct arena *a)
{
	int rc = 0;

	*out = NULL;
	*nout = 0;
	if (l == NULL || l->type == VALUE_NULL)
		return 0;
	if (l->type != VALUE_LIST)
		return diag_error(d, l->pos, "calendar.days-list", what);
	*out = arena_calloc(a, l->n + 1, sizeof **out);
	for (size_t i = 0; i < l->n; i++) {
		const struct value *e = l->items[i];
		const struct value *dv = value_map_get(e, "date");
		const char *r = value_map_str(e, "reason");
		long day;
		int wd;

		if (dv == NULL || dv->type != VALUE_STR ||
		    !date_is_valid(dv->text, dv->len) || r == NULL ||
		    *r == '\0') {
			rc = diag_error(d, e->pos, "calendar.day-fields", what);
			continue;
		}
		day = date_days(dv->text);
		wd = date_weekday(day);
		if (date_year(day) != y)
			rc = diag_error(d, dv->pos, "calendar.day-year",
			    dv->text, diag_fmt(d, "%d", y));
		else if (sat && wd != 5)
			rc = diag_error(d, dv->pos, "calendar.not-saturday",
			    dv->text, what);
		else if (!sat && wd >= 5)
			rc = diag_error(d, dv->pos, wd == 5 ?
			    "calendar.off-saturday" : "calendar.off-sunday",
			    dv->text, what);
		else if (*nout > 0 && (*out)[*nout - 1].day >= day)
			rc = diag_error(d, dv->pos, "calendar.day-order",
			    dv->text, what);
		else {
			(*out)[*nout].day = day;
			(*out)[(*nout)++].reason = r;
		}
	}
	return rc;
}

const struct calendar *
calendar_load(struct arena *a, struct diags *d, const char *name,
    const char *src, size_t n)
{
	struct value *root = NULL;
	const struct value *ys;
	struct calendar *c;
	int rc = 0;

	if (value_parse_yaml(a, d, name, src, n, 1, &root) == -1)
		return NULL;
	ys = value_map_get(root, "years");
	if (ys == NULL || ys->type != VALUE_LIST) {
		struct pos at = root ? root->pos : pos_file(name);

		diag_error(d, at, "calendar.years-missing");
		return NULL;
	}
	c = arena_calloc(a, 1, sizeof *c);
	c->years = arena_calloc(a, ys->n + 1, sizeof *c->years);
	for (size_t i = 0; i < ys->n; i++) {
		const struct value *e = ys->items[i], *y, *an;
		struct cyear *cy = &c->years[c->n];

		y = value_map_get(e, "year");
		an = value_map_get(e, "announced");
		if (y == NULL || y->type != VALUE_INT || y->u.i < 1970 ||
		    y->u.i > 9999) {
			rc = diag_error(d, e->pos, "calendar.year-missing");
			continue;
		}
		if (c->n > 0 && c->years[c->n - 1].year >= y->u.i) {
			rc = diag_error(d, y->pos, "calendar.year-order",
			    diag_fmt(d, "%d", (int)y->u.i));
			continue;
		}
		if (an == NULL || an->type != VALUE_BOOL) {
			rc = diag_error(d, e->pos, "calendar.announced-missing",
			    diag_fmt(d, "%d", (int)y->u.i));
			continue;
		}
		cy->year = (int)y->u.i;
		cy->announced = an->u.b;
		cy->source = value_map_str(e, "source");
		if (cy->source == NULL || *cy->source == '\0')
			rc = diag_error(d, e->pos, "calendar.source-missing",
			    diag_fmt(d, "%d", cy->year));
		if (load_days(d, value_map_get(e, "off"), cy->year, false,
		    "off", &cy->off, &cy->noff, a) == -1)
			rc = -1;
		if (load_days(d, value_map_get(e, "saturdays_worked"),
		    cy->year, true, "saturdays_worked", &cy->sat, &cy->nsat,
		    a) == -1)
			rc = -1;
		c->n++;
	}
	return rc == 0 ? c : NULL;
}

const struct calendar *
calendar_builtin(struct arena *a, struct diags *d)
{
	const struct calendar *c = calendar_load(a, d,
	    "generator/holidays.yaml", holidays_yaml, holidays_yaml_len);

	if (c == NULL) {
		diags_print(d, stderr);
		fputs("minhbach: the built-in holiday table is broken\n",
		    stderr);
		abort();
	}
	return c;
}

bool
calendar_year_known(const struct calendar *c, int year)
{
	const struct cyear *y = year_at(c, year);

	return y != NULL && y->announced;
}

bool
calendar_is_working_day(const struct calendar *c, long day, bool *known)
{
	const struct cyear *y = year_at(c, date_year(day));
	int wd = date_weekday(day);

	if (known != NULL)
		*known = y != NULL && y->announced;
	if (y == NULL)
		return wd < 5;
	if (wd == 5)
		return day_in(y->sat, y->nsat, day) != NULL;
	if (wd == 6)
		return false;
	return day_in(y->off, y->noff, day) == NULL;
}

long
calendar_add_working_days(const struct calendar *c, long day, int n,
    int *unknown_year)
{
	bool known;

	if (unknown_year != NULL)
		*unknown_year = 0;
	while (n > 0) {
		day++;
		if (calendar_is_working_day(c, day, &known))
			n--;
		if (!known && unknown_year != NULL && *unknown_year == 0)
			*unknown_year = date_year(day);
	}
	return day;
}

int
calendar_working_days_between(const struct calendar *c, long from, long to,
    int *unknown_year)
{
	bool known;
	int n = 0;

	if (unknown_year != NULL)
		*unknown_year = 0;
	/* Beyond ten years the count means nothing to anyone. */
	if (to - from > 3660)
		from = to - 3660;
	for (long day = from + 1; day <= to; day++) {
		n += calendar_is_working_day(c, day, &known);
		if (!known && unknown_year != NULL && *unknown_year == 0)
			*unknown_year = date_year(day);
	}
	return n;
}

const char *
calendar_year_source(const struct calendar *c, int year)
{
	const struct cyear *y = year_at(c, year);

	return y != NULL ? y->source : NULL;
}

const char *
calendar_holiday_name(const struct calendar *c, long day)
{
	const struct cyear *y = year_at(c, date_year(day));
	const struct cday *o;

	if (y == NULL || date_weekday(day) >= 5)
		return NULL;
	o = day_in(y->off, y->noff, day);
	return o != NULL ? o->reason : NULL;
}
