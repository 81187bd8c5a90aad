/*
 * Budget disclosures, model stage (budget_model.c): each record's frame,
 * its CSV and JSON downloads, and the texts of rows and columns that the
 * downloads and the series share.
 */
#ifndef MINHBACH_BUDGET_MODEL_H
#define MINHBACH_BUDGET_MODEL_H

#include <stddef.h>

struct arena;
struct bform;
struct brow;
struct btab;
struct buf;
struct item;
struct site;

/*
 * The model stage's budget part for one item, run after site_model()
 * (also for an earlier revision, outside the collections): adds to its
 * frame what its page shows (see budget.c's head comment for the keys)
 * and, when it has a URL, the CSV and JSON downloads beside the page as
 * data pages.  Single-threaded; arena memory.
 */
void budget_model_item(struct site *s, struct item *it);
/*
 * What the downloads say of rows and columns (README,
 * "Transparency records", lists the CSV and JSON columns).
 */
#define BUDGET_TOTAL_CODE "TONG"	/* the code of a form's total row */
/*
 * The stable code of every row of t, an array of t->nrows strings in
 * arena a: the stt path joined with '.' ("B.I.1.2"); a row without stt
 * ("", "-", "+", "*") is its parent's code, '-' and its place among
 * its parent's unnumbered lines ("III-1"; "0-1" at the top level); the
 * total row is BUDGET_TOTAL_CODE.
 */
const char **budget_row_codes(struct arena *a, const struct btab *t);
/* "total", "heading", "of_which", "sum" (it has lines that are not "of
 * which") or "stated"; static text. */
const char *budget_row_kind(const struct btab *t, const struct brow *r);
/* The heading of column k in downloads: "Dự toán được giao (đồng)",
 * "… (%)", "Chênh lệch (đồng) = <label a> - <label b>", with the
 * form's labels in li (0 vi, 1 en) and unit the amounts' unit as
 * budget_unit_text() gives it; arena. */
const char *budget_col_heading(struct arena *a, const struct bform *f,
    size_t k, const char *unit, int li);
/* The CSV's first six headings (code … label): the theme's
 * budget.csv_head in lang (site_word). */
const char *budget_csv_head(struct site *s, const char *lang);
/* Appends row i's first six CSV fields (no newline). */
void budget_csv_row_head(struct buf *b, const struct btab *t,
    const char *const *codes, size_t i);
/*
 * The identities file beside a CSV (du-lieu.identities.csv): BOM, a
 * heading, then one CRLF line per identity of f "A.I,A.II+A.III".
 * Appends nothing when f has none.  head is the heading line (the
 * theme's budget.identities_head), without CRLF.
 */
void budget_identities_csv(struct buf *b, const struct bform *f,
    const char *head);
/* The texts pages use, from the theme's UI strings (site_word) in
 * lang: "đồng" (budget.unit.*), "Dự toán ngân sách" (budget.kind.*),
 * "6 tháng đầu năm 2020" (budget.period.*, {year} filled); the
 * globals' or arena text. */
const char *budget_unit_text(struct site *s, const char *lang,
    const char *currency_unit);
const char *budget_kind_text(struct site *s, const char *lang,
    const char *kind);
const char *budget_period_text(struct site *s, const char *lang,
    const char *period, const char *year);

#endif
