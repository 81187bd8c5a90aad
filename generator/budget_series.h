/*
 * Budget series and yearly chains, model stage (budget_series.c).
 */
#ifndef MINHBACH_BUDGET_SERIES_H
#define MINHBACH_BUDGET_SERIES_H

struct collection;
struct site;
struct theme;

/*
 * After every budget frame: for budget collection co,
 * a series page per budget unit and language (<list>/chuoi/<unit-slug>/
 * with du-lieu.csv and du-lieu.xlsx; the page only when the theme has
 * budget-series.mustache, with the unit's page in the other languages
 * as translations), series_url and series_csv_url on each record's
 * frame, budget_units (each unit's years and their chain, its series'
 * downloads) on the collection's first list page.  Arena memory; a
 * workbook that cannot be made is an error (budget.xlsx-failed) and
 * left out.
 */
void budget_series_model(struct site *s, const struct theme *th,
    struct collection *co);

#endif
