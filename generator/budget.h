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
 * The validate stage's budget checks over every budget record of s:
 * sums of children per amount column (exact), "of which" rows,
 * recomputed percentages, stt numbering, the annual estimate of an
 * execution report against the published estimate (across files),
 * year-to-date quarters, publication deadlines.  Records located
 * errors and warnings in s->diags.  Records that failed their schema
 * are checked as far as their data allows, never crashed on.
 */
void budget_check(struct site *s);

/*
 * The model stage's budget part, run after site_model(): adds to each
 * budget item's frame what its page shows (see budget.c's head comment
 * for the keys) and adds the CSV and JSON downloads beside the page as
 * data pages.  Single-threaded; arena memory.
 */
void budget_model(struct site *s);

/*
 * budget_model() for one item outside the collections (an earlier
 * revision): its frame keys and, when it has a URL, its downloads.
 */
struct item;
void budget_model_item(struct site *s, struct item *it);

/*
 * budget_series.c, after budget_model(): a series page per budget unit
 * and language (<list>/chuoi/<unit-slug>/ with du-lieu.csv; the page
 * only when the theme has budget-series.mustache), series_url and
 * series_csv_url on each record's frame, budget_units (each unit's years
 * and their chain) on the collection's first list page.  Arena memory.
 */
struct theme;
void budget_series_model(struct site *s, const struct theme *th);

#endif
