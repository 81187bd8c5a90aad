/*
 * The budget engine's data (private to budget*.c): the forms read from
 * generator/forms.yaml (budget_forms.h reads them) and the one computed
 * table of a budget record (budget_table.c: stated and computed figures,
 * exact scaled integers) from which the checks, the HTML frame, the CSV
 * and the JSON are all made (budget.c, budget_model.h).
 */
#ifndef MINHBACH_BUDGET_TABLE_H
#define MINHBACH_BUDGET_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct buf;
struct diags;
struct fmt_style;
struct site;
struct value;

enum bcol_type { BCOL_AMOUNT, BCOL_PERCENT, BCOL_DIFFERENCE };
enum bcol_role {
	BROLE_NONE, BROLE_ESTIMATE, BROLE_EXECUTION, BROLE_APPROVED
};
/* The kind of a skeleton row (forms.yaml rows: kind). */
enum brow_kind { BROW_ANY, BROW_HEADING, BROW_SUM, BROW_STATED,
	BROW_OF_WHICH };

/* Labels and titles: [0] Vietnamese, [1] English. */
struct bcol {
	const char *key;
	const char *label[2];
	enum bcol_type type;
	enum bcol_role role;
	int of[2];		/* PERCENT, DIFFERENCE: column indexes */
	int decimals;		/* PERCENT: decimals shown */
	int part_of;		/* "Trong đó" column: the column it is part
				 * of, else -1 */
	bool optional;
};

/* A row of a form's fixed skeleton. */
struct bskel {
	const char *code;	/* "B.I.1.1" */
	const char *label;	/* the form's wording, or NULL */
	enum brow_kind kind;
	bool detail;		/* the unit's own words may follow */
	bool required;
	const struct value *node;	/* in forms.yaml */
};

/* row = sum of equals, per amount column. */
struct bident {
	const char *row;
	const char **equals;
	size_t nequals;
	const char *label[2];
};

/* The figure that summarises a record of one kind. */
struct bhead {
	const char *kind;	/* du_toan ... */
	const char *row;	/* a row code, or "total" */
	int col, pct_of;	/* column indexes; pct_of -1 when none */
	const char *label[2];	/* may hold "{period}" */
};

struct bcirc {
	const char *circular;
	const char **aliases;	/* other numbers of the same family */
	size_t naliases;
	const char *rule[2];
	const char *periods;	/* "nam quy_1 ...", space-separated */
	const char *periods_rule, *years_rule;
	const struct value *years;	/* fiscal_years map, or NULL */
	const char *since, *until;	/* YYYY-MM-DD, or NULL */
};

struct bform {
	const char *id;		/* "90/2018/TT-BTC:2" */
	const char *circular, *number;
	const char *title[2];
	const char *total[2];	/* NULL: no total row */
	const char *kinds;	/* "du_toan thuc_hien", space-separated */
	struct bcol *cols;
	size_t ncols;
	const struct bcirc *circ;
	bool verified;		/* checked against the printed appendix */
	bool decision;		/* a decision form, not a table */
	struct bskel *rows;	/* the skeleton, in the form's order */
	size_t nrows;
	struct bident *idents;
	size_t nidents;
	struct bhead *heads;
	size_t nheads;
};

struct bforms {
	struct bform *forms;
	size_t n;
	struct bcirc *circs;
	size_t ncircs;
};

struct bcell {
	bool has;		/* a figure, stated or computed */
	bool bad;		/* a figure refused (reported), here or in
				 * a line it sums: no check built on it */
	bool stated;		/* written in the file (node set) */
	int64_t v;		/* amounts: units of 10^-scale; percent: 10^-decimals */
	int dec;		/* decimals shown */
	const char *raw;	/* plain text: digits, '-', '.' decimal mark */
	const struct value *node;	/* the stated value, or NULL */
};

struct brow {
	const struct value *line;	/* NULL for the total row */
	const char *stt;	/* "" when none */
	const char *label;
	const char *path;	/* "B/II/1": stt path, NULL if a step lacks stt */
	const char *code;	/* "B.II.1", "B.I.1.2" (a dotted stt adds its
				 * last part): stable row code, NULL as path */
	const struct bskel *skel;	/* the form's row it matches, or NULL */
	int depth;
	bool of_which, is_total, heading;
	struct brow *parent;
	size_t *kids, nkids;	/* indexes of child rows */
	struct bcell *cells;	/* one per form column */
};

struct btab {
	const struct bform *form;
	const struct value *record;	/* the budget map it was made from */
	int scale;		/* decimals of the amounts as integers */
	int unit_exp;		/* currency unit: 0 đồng, 3, 6, 9 */
	struct brow *rows;	/* depth-first, parents first; total last */
	size_t nrows;
	bool *shown;		/* per column: shown on pages and downloads */
};

/*
 * The table of budget record it in form f, computed once and kept in
 * it->btab: validation makes it with its diagnostics, the page, the
 * downloads and the series reuse it.
 */
struct item;
const struct btab *budget_table_of(struct site *s, struct item *it,
    const struct bform *f);

/*
 * The row code of a line numbered stt under a parent of code pcode
 * ("" at the top, NULL when the parent has none) and stt pstt: "B.I" +
 * "1" is "B.I.1"; a dotted stt that repeats its parent's ("1.2" under
 * "1") adds only its last part, so 1.2 under B.I.1 is "B.I.1.2".  NULL
 * for unnumbered lines ("-", none) and below them.  Arena memory.
 */
const char *budget_row_code(struct arena *a, const char *pcode,
    const char *pstt, const char *stt);
/*
 * Computes the table of record in form f: stated figures, sums of lines
 * for parents that state none, differences, percentages, the total row.
 * With d, records the table checks as located errors: values that are
 * not columns, figures that are not plain decimals, sums, "of which"
 * rows, stated differences and percentages.  Never NULL.
 */
struct btab *budget_table_make(struct arena *a, struct diags *d,
    const struct bform *f, const struct value *record);
/* The headline of a record: where its summary figure comes from. */
struct bheadline {
	const struct bhead *h;
	const struct brow *row;
	const struct bcol *col;
	const struct bcell *cell;	/* has: true */
	const struct bcol *pct_col;	/* the % column, or NULL */
	const struct bcell *pct;	/* its cell, or NULL when none */
};
/*
 * Fills *out with the headline that t's form declares for kind, when the
 * row exists and has a figure in that column: true.  A heading row is
 * never a headline (it has no figure).  False otherwise (*out zeroed).
 */
bool budget_headline(const struct btab *t, const char *kind,
    struct bheadline *out);

/* Appends the cell as pages show it in style st (vi 1.060,5). */
void budget_cell_text(struct buf *b, const struct bcol *c,
    const struct bcell *cell, const struct fmt_style *st);
/* 0 for Vietnamese, 1 for any other language. */
int budget_lang(const char *lang);
/*
 * The Vietnamese text of v (units of 10^-scale, dec decimals shown:
 * "1.060.000.000,5"), for messages; arena memory.
 */
const char *budget_vi_amount(struct arena *a, int64_t v, int scale,
    int dec);
/* How row r is named in messages, the same in every language:
 * B.II «Chi thường xuyên»; arena memory. */
const char *budget_line_name(struct arena *a, const struct brow *r);
/* A column as messages name it: its heading on the form in d's
 * language («Dự toán được giao»), else its key. */
const char *budget_col_name(const struct diags *d, const struct bcol *c);
/*
 * True when the numbering of the record at path was found wrong: its
 * lines may then be matched to the wrong rows of the form or of another
 * record, and what follows from that is not said (one cause, one
 * message).
 */
bool budget_stt_reported(struct diags *d, const char *path);

#endif
