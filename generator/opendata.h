/*
 * Open data, model stage: every record table as a dataset.  The zones,
 * investment calls, inspections and documents each as one CSV (UTF-8
 * with BOM, CRLF, stable column names with the unit in the name) and
 * one JSON under du-lieu/, a row per record; the plans' targets a row
 * per target and zone share; the budgets' own downloads (budget_model.c)
 * as one dataset per table; a Frictionless Data Package describing the
 * CSVs (field types, titles in both languages, units, keys), a DCAT-AP
 * catalogue as JSON-LD, Project Open Data's data.json, and the open-data
 * page (template `opendata`) in every language.  Every URL in the
 * machine-readable files is absolute (site.yaml's base_url).
 */
#ifndef MINHBACH_OPENDATA_H
#define MINHBACH_OPENDATA_H

struct history;
struct value;
struct site;
struct theme;

/* The folder of the downloads and of the main language's page. */
#define OPENDATA_DIR "du-lieu/"
/* The page in the other languages, under their prefix: en/data/. */
#define OPENDATA_DIR_OTHER "data/"

/*
 * Adds the datasets' files and pages.  Runs after kinds_model() (the
 * budgets' downloads exist, their sizes known).  h (may be NULL) gives
 * the dates a dataset was first published and last changed: the commits
 * of its records' files; without it those dates are left out, so that a
 * build stays reproducible.
 */
void opendata_model(struct site *s, const struct theme *th,
    const struct history *h);

/* A CSV cell of a JSON-free scalar: the text of v in the main language
 * ({vi:, en:} maps), "" for none.  Exposed for the unit tests. */
const char *opendata_cell(struct site *s, const struct value *v);

#endif
