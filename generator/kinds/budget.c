/*
 * The budget kind (công khai ngân sách): the table of kinds' entry for
 * the budget engine (budget.c and the budget_* modules, which stay
 * where they are).  Validate stage: the finance reviewer's checks over
 * every budget record at once.  Model stage: each record's table and
 * downloads (also for earlier revisions), then a collection's series.
 */
#include <stddef.h>

#include "budget.h"
#include "budget_model.h"
#include "budget_series.h"
#include "kind.h"

#define NAME "budget"

/* Checks across budget records: estimates in force, year to date. */
static void
check_all_budgets(struct site *s, const struct site_names *x)
{
	budget_check(s, NAME);
}

static void
budget_frame(struct site *s, const struct site_names *x, struct item *it)
{
	budget_model_item(s, it);
}

static void
budget_model(struct site *s, const struct theme *th,
    const struct site_names *x, struct collection *co)
{
	budget_series_model(s, th, co);
}

const struct kind kind_budget = {
	.name = NAME,
	.check_all = check_all_budgets,
	.frame = budget_frame,
	.model = budget_model,
};
