/*
 * Budget disclosures, validate stage.  In: the loaded site's budget
 * records and the forms of generator/forms.yaml.  Out: located errors
 * and warnings (sums, "of which" rows, percentages, stt numbering, the
 * estimate across files, year-to-date quarters, deadlines).  The forms
 * and the one computed table of a record, which budget_render.c turns
 * into pages, are made in budget_table.c.
 *
 * THE FRAME KEYS that budget_model() adds to each budget item's frame
 * (theme authors: budget.mustache may use all of these):
 *   budget_kind         du_toan / thuc_hien / quyet_toan (the frame's
 *                       `kind` is the collection kind, "budget")
 *   kind_text           "Dự toán ngân sách" / "Budget estimate" ...
 *   period_text         "năm 2020", "6 tháng đầu năm 2020" / "first six
 *                       months of 2020" ...
 *   title               set only when the record has none:
 *                       "<kind_text> <period_text>"
 *   form_id, form_title, form_circular, form_number
 *   currency_unit_text  "đồng" / "nghìn đồng" / "triệu đồng" (English on
 *                       en pages: "dong", "thousand dong", "million dong")
 *   unit_name, unit_level, unit_chapter, unit_budget_code
 *   form_header         [{label, value}]: Đơn vị, Chương, Mã ĐVQHNS as
 *                       given, in the page's language
 *   form_attached_text  "(Kèm theo Quyết định số … ngày … của …)", or ""
 *   decision_form_text  "Mẫu số 01/QĐ-CKNS", or ""
 *   form_verified, form_unverified_text  the form was (not) checked
 *                       against the printed appendix; the sentence that
 *                       says so to readers ("" when verified)
 *   headline            {label, text, percent_text, row_label}: the
 *                       figure the form declares for the kind
 *                       ("Quyết toán được duyệt", "5.579.950.000 đồng"),
 *                       or false when the record has no such row
 *   summary             "<label>: <text>[, <percent_text>]" unless the
 *                       record writes one (page description, feeds)
 *   columns             [{key, label, is_percent, is_amount, is_computed}]
 *                       the shown columns, in the form's order
 *   rows                [{stt, label, depth, level ("level-0".. "level-5"),
 *                         is_total, is_of_which, is_parent,
 *                         cells: [{text (1.060.000.000, 94,68%), raw
 *                                  (1060000000, 94.68; "" when empty),
 *                                  is_computed, is_percent, is_empty}]}]
 *   has_total, total    the total row (same shape as a row) when the
 *                       form has one; it is also the last of `rows`
 *   csv_url, json_url   the downloads (…/du-lieu.csv, …/du-lieu.json)
 *   chart_svg           inline SVG bar chart of the top-level lines (the
 *                       lines of the only one, B of Biểu số 2) in the
 *                       headline's column (use {{{chart_svg}}})
 *   has_chart, chart_title, chart_text  [{stt, label, text}]: the chart's
 *                       figures as a list, its text equivalent
 *   decision_date_text, approval_date_text, reported_on_text,
 *   published_on_text  (15/01/2020)
 *   illustrative_text   the record's sentence, or a default one when
 *                       `illustrative: true`; absent otherwise
 *
 * THE RULES (what the checks decide):
 * - Figures are read from the text the file holds into 64-bit integers
 *   scaled by the record's most decimals (at most 6); never floating
 *   point.  Amounts beyond 10^17 such units are refused.
 * - A parent's figure is checked only when at least one of its lines
 *   that is not "of which" has a figure in that column; a parent
 *   without a stated figure shows the computed sum.
 * - Percentages: a stated one is accepted when it is the exact ratio
 *   rounded to as many decimals as it is written with (a tie may go
 *   either way: 12 or 13 for 12.5); pages show the ratio recomputed at
 *   the form's `decimals`, rounded half away from zero.  A stated
 *   percentage whose denominator is 0 or missing is an error.
 * - stt: A, B (Đ allowed) -> I, II -> 1, 2 -> 1.1 -> a, b (đ allowed);
 *   levels may be skipped but never climbed; siblings share one style;
 *   duplicates and gaps (I, III) are errors; the first sibling may be
 *   any number; "-", "+", "*" and no stt are unnumbered lines.
 * - The form's skeleton (forms.yaml rows): lines are matched by row
 *   code (B.I.1.2); a heading has no figure and is never summed; an
 *   "of which" row is never added; other wording is a warning; gaps
 *   between skeleton rows are rows left out; identities (A.I = A.II +
 *   A.III) hold exactly per amount column.
 * - The law: each form serves fixed kinds, its circular's periods and
 *   fiscal years; a form not verified against the printed appendix
 *   needs site.yaml's budget.unverified_forms; đồng amounts are whole.
 * - Estimate across files: a thuc_hien record's `role: estimate` column
 *   must equal, line by line (matched by stt path, compared in đồng),
 *   the estimate in force at the end of its period: of the du_toan
 *   records of its fiscal_year, unit.name and language (an estimate and
 *   the adjustments that name it in `adjusts`), the latest assigned on
 *   or before that day (budget_deadline.c).
 * - Deadlines: budget_deadline.c, from generator/deadlines.yaml.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "budget_deadline.h"
#include "budget_table.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

/* stt numbering -------------------------------------------------------- */

enum {
	S_UPPER = 1, S_ROMAN = 2, S_ARABIC = 4, S_DOTTED = 8, S_LOWER = 16,
	S_BULLET = 32
};

/* Letters in order: the Latin alphabet and the Vietnamese legal one
 * (a, b, c, d, đ, e, g, h, i, k ...): either succession is accepted. */
static const char *const latin_lo[] = {"a", "b", "c", "d", "e", "f", "g",
    "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
    "v", "w", "x", "y", "z", NULL};
static const char *const viet_lo[] = {"a", "b", "c", "d", "\xc4\x91", "e",
    "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
    "v", "x", "y", NULL};
static const char *const latin_up[] = {"A", "B", "C", "D", "E", "F", "G",
    "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U",
    "V", "W", "X", "Y", "Z", NULL};
static const char *const viet_up[] = {"A", "B", "C", "D", "\xc4\x90", "E",
    "G", "H", "I", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U",
    "V", "X", "Y", NULL};

static int
letter_at(const char *const *abc, const char *s)
{
	for (int i = 0; abc[i] != NULL; i++)
		if (strcmp(abc[i], s) == 0)
			return i;
	return -1;
}

/* The letter after prev in either alphabet (t.next[0], t.next[1]). */
static bool
letter_next(const char *const *lat, const char *const *vie,
    const char *prev, const char *cur)
{
	int i = letter_at(lat, prev), j = letter_at(vie, prev);

	return (i >= 0 && lat[i + 1] && strcmp(lat[i + 1], cur) == 0) ||
	    (j >= 0 && vie[j + 1] && strcmp(vie[j + 1], cur) == 0);
}

static const char *
letter_expected(struct arena *a, const char *const *lat,
    const char *const *vie, const char *prev)
{
	int i = letter_at(lat, prev), j = letter_at(vie, prev);
	const char *x = i >= 0 && lat[i + 1] ? lat[i + 1] : NULL;
	const char *y = j >= 0 && vie[j + 1] ? vie[j + 1] : NULL;

	if (x && y && strcmp(x, y) != 0)
		return arena_printf(a, "'%s' or '%s'", y, x);
	return arena_printf(a, "'%s'", x ? x : y ? y : "?");
}

/* Writes the Roman numeral of v (1..3999) into out. */
static void
roman_fill(int v, char out[20])
{
	static const struct { int v; const char *s; } t[] = {{1000, "M"},
	    {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
	    {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"},
	    {4, "IV"}, {1, "I"}};
	size_t n = 0;

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		for (; v >= t[i].v; v -= t[i].v)
			for (const char *p = t[i].s; *p; p++)
				out[n++] = *p;
	out[n] = '\0';
}

/* Value of a canonical Roman numeral (I..MMMCMXCIX), else 0. */
static int
roman(const char *s)
{
	static const char digits[] = "IVXLCDM";
	static const int vals[] = {1, 5, 10, 50, 100, 500, 1000};
	char back[20];
	int v = 0, i, cur, next;

	if (strlen(s) > 15 || *s == '\0')
		return 0;
	for (i = 0; s[i]; i++) {
		const char *p = strchr(digits, s[i]), *q;

		if (p == NULL)
			return 0;
		cur = vals[p - digits];
		q = s[i + 1] ? strchr(digits, s[i + 1]) : NULL;
		next = q ? vals[q - digits] : 0;
		v += cur < next ? -cur : cur;
	}
	if (v <= 0 || v >= 4000)
		return 0;
	roman_fill(v, back);
	return strcmp(back, s) == 0 ? v : 0;
}

static const char *
roman_text(struct arena *a, int v)
{
	char tmp[20];

	roman_fill(v, tmp);
	return arena_strdup(a, tmp);
}

/* Arabic number without leading zero (1..999999), else -1. */
static long
arabic(const char *s, size_t n)
{
	long v = 0;

	if (n == 0 || n > 6 || s[0] == '0')
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!ascii_isdigit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The styles an stt may be in (several for I, V, X, L, C, D, M). */
static int
stt_styles(const char *s)
{
	int m = 0;
	const char *p;

	if (strcmp(s, "-") == 0 || strcmp(s, "+") == 0 ||
	    strcmp(s, "*") == 0)
		return S_BULLET;
	if (letter_at(latin_up, s) >= 0 || letter_at(viet_up, s) >= 0)
		m |= S_UPPER;
	if (roman(s) > 0)
		m |= S_ROMAN;
	if (letter_at(latin_lo, s) >= 0 || letter_at(viet_lo, s) >= 0)
		m |= S_LOWER;
	if (arabic(s, strlen(s)) > 0)
		m |= S_ARABIC;
	/* 1.1, 1.2.3: arabic parts joined by single dots. */
	if (strchr(s, '.') != NULL) {
		const char *q = s;

		for (p = s;; p++) {
			if (*p == '.' || *p == '\0') {
				if (arabic(q, (size_t)(p - q)) < 0)
					break;
				if (*p == '\0') {
					m |= S_DOTTED;
					break;
				}
				q = p + 1;
			}
		}
	}
	return m;
}

/* Depth of a style: A < I < 1 < 1.1 < 1.1.1 < a. */
static int
stt_rank(int style, const char *s)
{
	int dots = 0;

	switch (style) {
	case S_UPPER: return 1;
	case S_ROMAN: return 2;
	case S_ARABIC: return 3;
	case S_DOTTED:
		for (; *s; s++)
			dots += *s == '.';
		return 3 + dots;
	default: return 20;
	}
}

static const char *
stt_of(const struct value *line, const struct value **node)
{
	*node = value_map_get(line, "stt");
	if (*node == NULL || !value_is_scalar(*node) || (*node)->len == 0)
		return NULL;
	return (*node)->text;
}

/* True when prev and cur are rows of f's skeleton, in its order. */
static bool
skipped(struct arena *a, const struct bform *f, const char *pcode,
    const char *pstt, const char *prev, const char *cur)
{
	int i = budget_form_row(f, budget_row_code(a, pcode, pstt, prev));
	int j = budget_form_row(f, budget_row_code(a, pcode, pstt, cur));

	return i >= 0 && j > i;
}

/*
 * Checks the numbering of the sibling lines, then their children.  f
 * (may be NULL) is the record's form and pcode the parent's row code
 * ("" at the top, NULL when unknown): a gap between two rows of the
 * form's skeleton, in its order, is the form's rows left out, not an
 * error (1 then 6 under B.I).
 */
static void
check_stt(struct arena *a, struct diags *d, const struct value *lines,
    int prank, const char *pstt, int pstyle, const struct bform *f,
    const char *pcode)
{
	const struct value *first = NULL, *node;
	const char *prev = NULL, *s, *dot;
	int common = ~0, style = 0, rank;
	size_t i, j;

	if (lines == NULL || lines->type != VALUE_LIST)
		return;
	for (i = 0; i < lines->n; i++) {
		int m;

		if ((s = stt_of(lines->items[i], &node)) == NULL)
			continue;
		m = stt_styles(s);
		if (m == 0) {
			diag_error(d, node->pos, "stt '%s' is not a form "
			    "number: use A, B..., I, II..., 1, 2..., 1.1..., "
			    "a, b... or '-'", s);
			continue;
		}
		if (m == S_BULLET)
			continue;
		if (first == NULL) {
			first = node;
			common = m;
		} else if ((common & m) == 0) {
			diag_error(d, node->pos, "stt '%s' among lines "
			    "numbered like '%s': number sibling lines in one "
			    "style", s, first->text);
			continue;
		} else {
			common &= m;
		}
	}
	if (first != NULL) {
		/* "I" alone is a Roman one when the list starts with it. */
		if ((common & S_ROMAN) && (common & S_UPPER))
			style = strcmp(first->text, "I") == 0 ? S_ROMAN :
			    S_UPPER;
		else
			for (style = 1; !(common & style); style <<= 1)
				;
	}
	for (i = 0; i < lines->n && first != NULL; i++) {
		bool dup = false;

		if ((s = stt_of(lines->items[i], &node)) == NULL ||
		    !(stt_styles(s) & style))
			continue;
		rank = stt_rank(style, s);
		if (rank <= prank)
			diag_error(d, node->pos, "stt '%s' under '%s' is not "
			    "a lower level: number A, B -> I, II -> 1, 2 -> "
			    "1.1 -> a, b", s, pstt);
		dot = strrchr(s, '.');
		if (style == S_DOTTED && (pstyle == S_ARABIC ||
		    pstyle == S_DOTTED) && (strlen(pstt) !=
		    (size_t)(dot - s) || strncmp(s, pstt, strlen(pstt)) != 0))
			diag_error(d, node->pos, "stt '%s' under '%s' should "
			    "begin with '%s.'", s, pstt, pstt);
		for (j = 0; j < i; j++) {
			const struct value *o;
			const char *t = stt_of(lines->items[j], &o);

			if (t != NULL && strcmp(t, s) == 0) {
				diag_error(d, node->pos, "stt '%s' is used "
				    "twice among sibling lines (first at "
				    "%u:%u)", s, o->pos.line, o->pos.col);
				dup = true;
				break;
			}
		}
		if (prev != NULL && !dup) {
			bool ok;
			const char *want;
			long pv, cv;

			switch (style) {
			case S_ROMAN:
				ok = roman(s) == roman(prev) + 1;
				want = arena_printf(a, "'%s'", roman_text(a,
				    roman(prev) + 1));
				break;
			case S_ARABIC:
				ok = arabic(s, strlen(s)) ==
				    arabic(prev, strlen(prev)) + 1;
				want = arena_printf(a, "'%ld'", arabic(prev,
				    strlen(prev)) + 1);
				break;
			case S_DOTTED: {
				const char *pd = strrchr(prev, '.');

				pv = arabic(pd + 1, strlen(pd + 1));
				cv = arabic(dot + 1, strlen(dot + 1));
				ok = cv == pv + 1 && pd - prev == dot - s &&
				    strncmp(prev, s, (size_t)(dot - s)) == 0;
				want = arena_printf(a, "'%.*s.%ld'",
				    (int)(pd - prev), prev, pv + 1);
				break;
			}
			case S_UPPER:
				ok = letter_next(latin_up, viet_up, prev, s);
				want = letter_expected(a, latin_up, viet_up,
				    prev);
				break;
			default:
				ok = letter_next(latin_lo, viet_lo, prev, s);
				want = letter_expected(a, latin_lo, viet_lo,
				    prev);
				break;
			}
			if (!ok && skipped(a, f, pcode, pstt, prev, s))
				ok = true;
			if (!ok)
				diag_error(d, node->pos, "stt '%s' follows "
				    "'%s': expected %s (lines are numbered "
				    "without gaps)", s, prev, want);
		}
		prev = s;
	}
	for (i = 0; i < lines->n; i++) {
		const struct value *line = lines->items[i];
		int m;

		s = stt_of(line, &node);
		m = s ? stt_styles(s) : 0;
		if (s == NULL || m == S_BULLET || !(m & style))
			check_stt(a, d, value_map_get(line, "children"),
			    prank, pstt, pstyle, f, NULL);
		else
			check_stt(a, d, value_map_get(line, "children"),
			    stt_rank(style, s), s, style, f,
			    budget_row_code(a, pcode, pstt, s));
	}
}

/* Across records and dates --------------------------------------------- */

/* One budget record with its computed table. */
struct rec {
	const struct item *it;
	const struct bform *f;
	const struct btab *t;
	const char *kind, *period, *unit;
	int64_t year;
	int unit_exp;		/* 0 đồng, 3 nghìn đồng, 6 triệu đồng */
};

static int
unit_exp(const char *cu)
{
	int e = budget_unit_exp(cu);

	return e < 0 ? 0 : e;
}

static const char *const unit_vi[] = {"đồng", "", "", "nghìn đồng", "", "",
    "triệu đồng", "", "", "tỷ đồng"};

/* Months a period covers from 1 January (reports are year-to-date). */
static int
period_months(const char *p)
{
	static const struct { const char *p; int m; } t[] = {{"quy_1", 3},
	    {"quy_2", 6}, {"6_thang", 6}, {"quy_3", 9}, {"9_thang", 9},
	    {"quy_4", 12}, {"nam", 12}};

	for (size_t i = 0; p != NULL && i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].p, p) == 0)
			return t[i].m;
	return 0;
}

static int
col_role(const struct bform *f, enum bcol_role role)
{
	for (size_t k = 0; k < f->ncols; k++)
		if (f->cols[k].role == role && f->cols[k].type == BCOL_AMOUNT)
			return (int)k;
	return -1;
}

static const struct brow *
row_at(const struct btab *t, const char *path)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].path != NULL && strcmp(t->rows[i].path,
		    path) == 0)
			return &t->rows[i];
	return NULL;
}

/* Compares a (record ra) with b (record rb) in đồng: <0, 0, >0; 2 when
 * the comparison does not fit in 64 bits. */
static int
cmp_dong(const struct rec *ra, int64_t a, const struct rec *rb, int64_t b)
{
	int ea = ra->unit_exp + rb->t->scale, eb = rb->unit_exp +
	    ra->t->scale;

	for (; ea > 0; ea--)
		if (__builtin_mul_overflow(a, 10, &a))
			return 2;
	for (; eb > 0; eb--)
		if (__builtin_mul_overflow(b, 10, &b))
			return 2;
	return a < b ? -1 : a > b;
}

static struct pos
cell_pos(const struct brow *r, const struct bcell *c)
{
	if (c->node != NULL)
		return c->node->pos;
	return r->line != NULL ? r->line->pos : pos_file(NULL);
}

static const char *
amount_text(struct arena *a, const struct rec *r, const struct bcell *c,
    bool unit)
{
	const char *s = budget_vi_amount(a, c->v, r->t->scale, c->dec);

	return unit ? arena_printf(a, "%s %s", s, unit_vi[r->unit_exp]) : s;
}

static bool
same_report(const struct rec *a, const struct rec *b)
{
	return a->year == b->year && a->unit && b->unit &&
	    strcmp(a->unit, b->unit) == 0 && a->it->lang_index ==
	    b->it->lang_index;
}

/*
 * The execution report's annual estimate against est, the estimate in
 * force at the end of its period (budget_estimates_in_force()).
 */
static void
check_estimate(struct arena *a, struct diags *d, const struct rec *e,
    const struct rec *est)
{
	int ke = col_role(e->f, BROLE_ESTIMATE), kd;
	bool units;
	char iso[11] = "";
	struct buf when = {0};
	long end = budget_period_end(e->year, e->period);

	if (ke < 0 || est == NULL || col_role(est->f, BROLE_ESTIMATE) < 0)
		return;
	if (end >= 0) {
		fmt_iso_from_days(end, iso);
		buf_adds(&when, " on ");
		fmt_date(&when, iso, "vi");
	}
	kd = col_role(est->f, BROLE_ESTIMATE);
	units = e->unit_exp != est->unit_exp;
	for (size_t i = 0; i < e->t->nrows; i++) {
		const struct brow *r = &e->t->rows[i], *o;
		const struct bcell *c = &r->cells[ke];

		if (r->path == NULL || !c->has)
			continue;
		if ((o = row_at(est->t, r->path)) == NULL) {
			diag_error(d, cell_pos(r, c), "%s, %s: the estimate "
			    "in force%s, %s, has no line %s",
			    budget_line_name(a, r), e->f->cols[ke].key,
			    buf_cstr(&when), est->it->path, r->path);
			continue;
		}
		if (!o->cells[kd].has || cmp_dong(e, c->v, est,
		    o->cells[kd].v) % 2 == 0)
			continue;
		diag_error(d, cell_pos(r, c), "%s, %s: %s differs from %s in "
		    "the estimate in force%s (%s:%u:%u)",
		    budget_line_name(a, r), e->f->cols[ke].key,
		    amount_text(a, e, c, units), amount_text(a, est,
		    &o->cells[kd], units), buf_cstr(&when), est->it->path,
		    cell_pos(o, &o->cells[kd]).line,
		    cell_pos(o, &o->cells[kd]).col);
	}
	buf_release(&when);
}

/* Year-to-date: a report's figures do not exceed the next longer one's. */
static void
check_ytd(struct arena *a, struct diags *d, const struct rec *e,
    const struct rec *all, size_t n)
{
	const struct rec *next = NULL;
	int m = period_months(e->period), ke = col_role(e->f,
	    BROLE_EXECUTION), kn;
	bool units;

	for (size_t i = 0; i < n; i++) {
		int mi = period_months(all[i].period);

		if (strcmp(all[i].kind, "thuc_hien") == 0 &&
		    same_report(e, &all[i]) && mi > m && (next == NULL ||
		    mi < period_months(next->period)) && col_role(all[i].f,
		    BROLE_EXECUTION) >= 0)
			next = &all[i];
	}
	if (ke < 0 || m == 0 || next == NULL)
		return;
	kn = col_role(next->f, BROLE_EXECUTION);
	units = e->unit_exp != next->unit_exp;
	for (size_t i = 0; i < e->t->nrows; i++) {
		const struct brow *r = &e->t->rows[i], *o;
		const struct bcell *c = &r->cells[ke];

		if (r->path == NULL || !c->has ||
		    (o = row_at(next->t, r->path)) == NULL ||
		    !o->cells[kn].has || cmp_dong(e, c->v, next,
		    o->cells[kn].v) != 1)
			continue;
		diag_warning(d, cell_pos(r, c), "%s, %s: %s for %s exceeds "
		    "%s for %s (%s:%u:%u); the figures of execution reports "
		    "are year-to-date", budget_line_name(a, r),
		    e->f->cols[ke].key,
		    amount_text(a, e, c, units), e->period, amount_text(a,
		    next, &o->cells[kn], units), next->period, next->it->path,
		    cell_pos(o, &o->cells[kn]).line,
		    cell_pos(o, &o->cells[kn]).col);
	}
}

/* The form and its law ------------------------------------------------- */

/* The position of key's name in map m, else of m itself. */
static struct pos
key_pos(const struct value *m, const char *key)
{
	for (size_t i = 0; m != NULL && m->type == VALUE_MAP && i < m->n; i++)
		if (strcmp(m->pairs[i].key, key) == 0)
			return m->pairs[i].keypos;
	return m != NULL ? m->pos : pos_file(NULL);
}

/*
 * site.yaml's budget: {unverified_forms: [...]}: the list, after checking
 * that every entry names a known form.  NULL when there is none.
 */
static const struct value *
opted_in(struct site *s, const struct bforms *fs)
{
	const struct value *b = value_map_get(s->conf, "budget");
	const struct value *l = value_map_get(b, "unverified_forms");
	struct buf known = {0};

	if (b != NULL && b->type != VALUE_MAP) {
		diag_error(s->diags, b->pos, "site.yaml: budget must be a map "
		    "such as {unverified_forms: [\"90/2018/TT-BTC:2\"]}");
		return NULL;
	}
	for (size_t i = 0; b != NULL && i < b->n; i++)
		if (strcmp(b->pairs[i].key, "unverified_forms") != 0)
			diag_warning(s->diags, b->pairs[i].keypos, "unknown "
			    "key '%s' in site.yaml's budget (known: "
			    "unverified_forms)", b->pairs[i].key);
	if (l == NULL)
		return NULL;
	if (l->type != VALUE_LIST) {
		diag_error(s->diags, l->pos, "site.yaml: budget."
		    "unverified_forms must be a list of form ids such as "
		    "\"90/2018/TT-BTC:2\"");
		return NULL;
	}
	for (size_t i = 0; i < fs->n; i++)
		if (!fs->forms[i].decision && !fs->forms[i].verified)
			buf_addf(&known, "%s%s", known.len ? ", " : "",
			    fs->forms[i].id);
	for (size_t i = 0; i < l->n; i++) {
		const struct value *v = l->items[i];
		const struct bform *f = value_is_scalar(v) ?
		    budget_form_by_id(fs, v->text) : NULL;

		if (f == NULL || f->decision)
			diag_error(s->diags, v->pos, "site.yaml: budget."
			    "unverified_forms: '%s' is not a form; the "
			    "unverified forms are %s", value_is_scalar(v) ?
			    v->text : "?", buf_cstr(&known));
	}
	buf_release(&known);
	return l;
}

static bool
in_list(const struct bforms *fs, const struct value *l,
    const struct bform *f)
{
	for (size_t i = 0; l != NULL && i < l->n; i++)
		if (value_is_scalar(l->items[i]) &&
		    budget_form_by_id(fs, l->items[i]->text) == f)
			return true;
	return false;
}

static bool
has_word(const char *list, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = list; p && (p = strstr(p, w)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return true;
	return false;
}

/* fiscal_years: {from, to, KIND_from, KIND_to}: the bound, or dflt. */
static long
year_bound(const struct bcirc *c, const char *kind, const char *end,
    long dflt)
{
	char key[40];
	const struct value *v;

	snprintf(key, sizeof key, "%s_%s", kind, end);
	if ((v = value_map_get(c->years, key)) == NULL)
		v = value_map_get(c->years, end);
	return v != NULL && v->type == VALUE_INT ? (long)v->u.i : dflt;
}

static bool
only_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!ascii_isdigit(s[i]))
			return false;
	return i == n;
}

/*
 * What the law fixes about a record's form: verified or opted in, the
 * periods and fiscal years of its circular, the decision form, and the
 * codes of the header (Chương, mã ĐVQHNS).
 */
static void
check_form_law(struct site *s, const struct bforms *fs,
    const struct value *optin, const struct rec *r)
{
	const struct value *d = r->it->data, *v;
	const struct bcirc *c = r->f->circ;
	const char *pub = value_map_str(d, "published_on");
	const char *df = value_map_str(d, "decision_form");
	long lo, hi;

	if (!r->f->verified && !in_list(fs, optin, r->f))
		diag_error(s->diags, key_pos(d, "form"), "form %s has not "
		    "been checked against the printed appendix of its "
		    "circular (its layout follows the articles only); to "
		    "publish it anyway, name it in content/site.yaml: "
		    "budget: {unverified_forms: [\"%s\"]}, and its page "
		    "will say so", r->f->id, r->f->id);
	if (r->period != NULL && c->periods != NULL &&
	    !has_word(c->periods, r->period))
		diag_error(s->diags, value_map_get(d, "period")->pos, "period "
		    "%s is not a period of %s: its execution reports cover "
		    "%s (%s)", r->period, c->circular, c->periods,
		    c->periods_rule ? c->periods_rule : c->rule[0]);
	lo = year_bound(c, r->kind, "from", 0);
	hi = year_bound(c, r->kind, "to", 9999);
	v = value_map_get(d, "fiscal_year");
	if (r->year >= 0 && (r->year < lo || r->year > hi) &&
	    !(r->year > hi && c->until != NULL && pub != NULL &&
	    fmt_is_date(pub, strlen(pub)) && strcmp(pub, c->until) <= 0)) {
		if (r->year > hi)
			diag_error(s->diags, v->pos, "fiscal year %lld: the "
			    "forms of %s serve %s records up to %ld (%s)%s",
			    (long long)r->year, c->circular, r->kind, hi,
			    c->years_rule ? c->years_rule : c->rule[0],
			    c->until ? arena_printf(s->arena, "; only a "
			    "record published by %s may use them for a later "
			    "year", c->until) : "");
		else
			diag_error(s->diags, v->pos, "fiscal year %lld: the "
			    "forms of %s serve %s records from %ld (%s)",
			    (long long)r->year, c->circular, r->kind, lo,
			    c->years_rule ? c->years_rule : c->rule[0]);
	}
	if (c->since != NULL && pub != NULL && fmt_is_date(pub,
	    strlen(pub)) && strcmp(pub, c->since) < 0)
		diag_error(s->diags, value_map_get(d, "published_on")->pos,
		    "published on %s, before %s took effect (%s): a record "
		    "uses the forms in force on the day it is published",
		    pub, c->circular, c->since);
	if (df != NULL) {
		const struct bform *f = budget_form_by_id(fs, arena_printf(
		    s->arena, "%s:%s", c->circular, df));

		if (f == NULL || !f->decision)
			diag_error(s->diags, value_map_get(d,
			    "decision_form")->pos, "decision_form %s is not "
			    "a decision form of %s%s", df, c->circular,
			    strcmp(c->circular, "90/2018/TT-BTC") == 0 ?
			    " (its decision form is 01/QĐ-CKNS)" : " (its "
			    "articles name none)");
		else if (!has_word(f->kinds, r->kind))
			diag_error(s->diags, value_map_get(d,
			    "decision_form")->pos, "decision_form %s "
			    "publishes %s records, not %s", f->id, f->kinds,
			    r->kind);
	}
	v = value_map_get(value_map_get(d, "unit"), "chapter");
	if (v != NULL && value_is_scalar(v) && !only_digits(v->text, 3))
		diag_error(s->diags, v->pos, "unit.chapter '%s' is not a "
		    "budget chapter code (Chương): three digits, e.g. \"415\"",
		    v->text);
	v = value_map_get(value_map_get(d, "unit"), "budget_code");
	if (v != NULL && value_is_scalar(v) && !only_digits(v->text, 7))
		diag_error(s->diags, v->pos, "unit.budget_code '%s' is not a "
		    "budget relationship code (mã ĐVQHNS): seven digits, e.g. "
		    "\"1234567\"", v->text);
}

void
budget_check(struct site *s)
{
	const struct bforms *fs = budget_forms_builtin(s->arena, s->diags);
	const struct value *optin = opted_in(s, fs);
	struct rec *recs;
	struct budget_ref *refs;
	int *force;
	size_t n = 0, cap = 0, i, j;

	for (i = 0; i < s->ncolls; i++)
		if (strcmp(s->colls[i].kind, "budget") == 0)
			cap += s->colls[i].n;
	recs = arena_calloc(s->arena, cap + 1, sizeof *recs);
	for (i = 0; i < s->ncolls; i++) {
		const struct collection *co = &s->colls[i];

		if (strcmp(co->kind, "budget") != 0)
			continue;
		for (j = 0; j < co->n; j++) {
			const struct item *it = co->items[j];
			const struct value *data = it->data, *y;
			struct rec *r = &recs[n];

			if (data == NULL || data->type != VALUE_MAP)
				continue;
			r->f = budget_form_find(fs, data, s->diags);
			check_stt(s->arena, s->diags, value_map_get(data,
			    "lines"), 0, "", 0, r->f, "");
			if (r->f == NULL)
				continue;
			r->it = it;
			r->t = budget_table_make(s->arena, s->diags, r->f,
			    data);
			r->kind = value_map_str(data, "kind");
			r->period = value_map_str(data, "period");
			r->unit = value_map_str(value_map_get(data, "unit"),
			    "name");
			r->unit_exp = unit_exp(value_map_str(data,
			    "currency_unit"));
			y = value_map_get(data, "fiscal_year");
			r->year = y && y->type == VALUE_INT ? y->u.i : -1;
			if (r->kind == NULL)
				continue;
			check_form_law(s, fs, optin, r);
			n++;
		}
	}
	/* Dates: deadlines, and which estimate is in force when. */
	refs = arena_calloc(s->arena, n + 1, sizeof *refs);
	for (i = 0; i < n; i++) {
		refs[i] = (struct budget_ref){recs[i].it, recs[i].kind,
		    recs[i].period, recs[i].unit, recs[i].f->circular,
		    recs[i].year};
		budget_deadline_check(s, &refs[i]);
	}
	force = budget_estimates_in_force(s, refs, n);
	for (i = 0; i < n; i++) {
		if (strcmp(recs[i].kind, "thuc_hien") != 0)
			continue;
		check_estimate(s->arena, s->diags, &recs[i], force[i] >= 0 ?
		    &recs[force[i]] : NULL);
		check_ytd(s->arena, s->diags, &recs[i], recs, n);
	}
}
