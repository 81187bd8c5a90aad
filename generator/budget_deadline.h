/*
 * Private to budget.c and budget_deadline.c: the dates of budget records
 * (publication deadlines by regime, the end of a report's period) and
 * the chains of estimates (an initial dự toán and the adjustments that
 * name it in `adjusts`), from which an execution report's estimate in
 * force on its own date is chosen.
 */
#ifndef MINHBACH_BUDGET_DEADLINE_H
#define MINHBACH_BUDGET_DEADLINE_H

#include <stddef.h>
#include <stdint.h>

struct item;
struct site;

/* A budget record as the date checks see it (borrowed pointers). */
struct budget_ref {
	const struct item *it;
	const char *kind, *period, *unit;	/* may be NULL */
	const char *circular;	/* its form's circular */
	int64_t year;		/* fiscal_year, -1 when unknown */
};

/*
 * The last day of period (quy_1 .. quy_4, 3_thang, 6_thang, 9_thang,
 * nam) of year as days since 1970-01-01, or -1 when unknown.
 */
long budget_period_end(int64_t year, const char *period);

/*
 * Checks r's publication (published_on) against the rule of its regime
 * (its form's circular), kind and period: a located error when the date
 * the rule counts from is missing (approval, reported_on), a warning
 * when late.  Records in s->diags.
 */
void budget_deadline_check(struct site *s, const struct budget_ref *r);

/*
 * Checks the chains of estimates among v[0..n): `adjusts` names an
 * estimate of the same year and unit, without loops; two estimates of
 * one year, unit and language with no adjustment link are an error
 * naming both files.  Returns, per record, the index in v of the
 * estimate in force at the end of its period for execution reports (the
 * latest of the chain assigned on or before that day), else -1; arena
 * memory.
 */
int *budget_estimates_in_force(struct site *s, const struct budget_ref *v,
    size_t n);

#endif
