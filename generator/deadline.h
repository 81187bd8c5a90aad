/*
 * Publication deadlines as data (generator/deadlines.yaml, compiled in):
 * the rules of each budget-disclosure regime and the default rule for
 * inspection conclusions, counted in calendar or working days on the
 * civil-service calendar (calendar.h).  Validate stage; budget records
 * use it through budget_deadline.c, inspections through
 * records_deadline.c.
 */
#ifndef MINHBACH_DEADLINE_H
#define MINHBACH_DEADLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct arena;
struct calendar;
struct diags;
struct site;

/* The embedded generator/deadlines.yaml (made by the Makefile). */
extern const char deadlines_yaml[];
extern const size_t deadlines_yaml_len;

enum deadline_trigger {
	DL_APPROVAL,		/* approval.date */
	DL_PERIOD_END,		/* last day of fiscal_year's period */
	DL_REPORTED_ON,		/* reported_on */
	DL_CONCLUSION		/* conclusion.date (inspections) */
};

struct deadline_rule {
	const char *record;	/* "budget", "inspection" */
	const char *regime;	/* regime id; NULL for inspections */
	const char *kinds;	/* space-separated; NULL: any */
	const char *periods;	/* space-separated; NULL: any */
	enum deadline_trigger trigger;
	int count;
	bool working;		/* count in working days */
	const char *article, *quote;
	const char *note[2];	/* Vietnamese, English; may be NULL */
};

struct deadlines;		/* opaque; arena memory, read-only */

/*
 * Reads rules from YAML text src[0..n) named name, to be counted on
 * calendar cal (borrowed).  NULL after recording located errors in d.
 */
const struct deadlines *deadlines_load(struct arena *a, struct diags *d,
    const char *name, const char *src, size_t n, const struct calendar *cal);
/*
 * The built-in rules and calendar of s, read on first use into s's arena
 * and kept in s->deadlines.  Aborts, printing why, when the built-in data
 * is broken (a bug, not content).
 */
const struct deadlines *deadlines_of(struct site *s);
/* The calendar the rules count on (borrowed). */
const struct calendar *deadlines_calendar(const struct deadlines *dl);
/*
 * The id of the regime whose circulars hold circular, and its title in
 * *title (may be NULL); NULL when no regime does.
 */
const char *deadlines_regime(const struct deadlines *dl,
    const char *circular, const char **title);
/*
 * The rule for a record of kind record (and, for budgets, regime, kind
 * and period; each may be NULL for inspections), or NULL when none.
 */
const struct deadline_rule *deadlines_find(const struct deadlines *dl,
    const char *record, const char *regime, const char *kind,
    const char *period);
/*
 * The due date (days since 1970-01-01) of rule r counted from trigger;
 * *unknown_year (may be NULL) as calendar_add_working_days(), also set
 * for a calendar-day count whose due date falls in a year not announced.
 */
long deadline_due(const struct deadlines *dl, const struct deadline_rule *r,
    long trigger, int *unknown_year);
/*
 * Checks a publication on day published against rule r counted from
 * trigger: a warning at `at` when it is later than the due date (citing
 * the article, the trigger, the due date and the publication date; when
 * the due date is provisional, saying so) or earlier than the trigger.
 * Returns true when on time.
 */
bool deadline_check(const struct deadlines *dl, struct arena *a,
    struct diags *d, const struct deadline_rule *r, struct pos at,
    long trigger, long published);


#endif
