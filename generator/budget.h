/*
 * Budget disclosures (kind: budget): the Ministry of Finance's forms as
 * data (generator/forms.yaml, compiled in), the checks a finance
 * reviewer makes, and the table, downloads and chart that pages show.
 */
#ifndef MINHBACH_BUDGET_H
#define MINHBACH_BUDGET_H

struct site;

/* The embedded generator/forms.yaml (made by the Makefile). */
extern const char forms_yaml[];
extern const size_t forms_yaml_len;

/*
 * The validate stage's budget checks over every record of the
 * collections of kind `kind` (the budget kind's name, kinds/budget.c):
 * sums of children per amount column (exact), "of which" rows,
 * recomputed percentages, stt numbering, the annual estimate of an
 * execution report against the published estimate (across files),
 * year-to-date quarters, publication deadlines.  Records located
 * errors and warnings in s->diags.  Records that failed their schema
 * are checked as far as their data allows, never crashed on.
 */
void budget_check(struct site *s, const char *kind);

/*
 * The model stage's budget part for one item, run after site_model()
 * (also for an earlier revision, outside the collections): adds to its
 * frame what its page shows (see budget.c's head comment for the keys)
 * and, when it has a URL, the CSV and JSON downloads beside the page as
 * data pages.  Single-threaded; arena memory.
 */
struct item;
void budget_model_item(struct site *s, struct item *it);

/*
 * budget_series.c, after every budget frame: for budget collection co,
 * a series page per budget unit and language (<list>/chuoi/<unit-slug>/
 * with du-lieu.csv; the page only when the theme has
 * budget-series.mustache), series_url and series_csv_url on each
 * record's frame, budget_units (each unit's years and their chain) on
 * the collection's first list page.  Arena memory.
 */
struct collection;
struct theme;
void budget_series_model(struct site *s, const struct theme *th,
    struct collection *co);

#endif
