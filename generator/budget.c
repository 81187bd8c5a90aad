/*
 * Budget disclosures, validate stage.  In: the loaded site's budget
 * records and the forms of generator/forms.yaml.  Out: located errors
 * and warnings (sums, "of which" rows, percentages, stt numbering, the
 * estimate across files, year-to-date quarters, deadlines, the form's
 * law).  The forms are read in budget_forms.c, the one computed table of
 * a record (which budget_model.c turns into pages) is made in
 * budget_table.c, the stt numbering is checked in budget_stt.c and the
 * deadlines and estimates in force in budget_deadline.c.
 *
 * THE FRAME KEYS that budget_model_item() adds to each budget item's
 * frame (theme authors: budget.mustache may use all of these).  The
 * words in them are the theme's (i18n `budget:` keys, e.g.
 * budget.kind.du_toan, budget.period.6_thang "6 tháng đầu năm {year}");
 * the quotes below are the default theme's:
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
 *   duplicates, lines out of order (2 before 1: swap them) and gaps
 *   (I, III) are errors, each its own; the first sibling may be any
 *   number; "-", "+", "*" and no stt are unnumbered lines.  A label
 *   "Trong đó: ..." is an "of which" line: without the flag, an error.
 * - One cause, one message: a refused figure (6OO, 1.500.000, a comma
 *   inside {...}) is not summed, compared or divided; wrong numbering
 *   silences what it causes (wording warnings, lines missing from the
 *   estimate).
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
#include "budget_forms.h"
#include "budget_stt.h"
#include "budget_table.h"
#include "buf.h"
#include "date.h"
#include "decimal.h"
#include "diag.h"
#include "fmt.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

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
	/* Both as decimals of the larger currency unit, 10^k đồng. */
	int k = ra->unit_exp > rb->unit_exp ? ra->unit_exp : rb->unit_exp;
	bool ok;
	int c = decimal_cmp((struct decimal){a, ra->t->scale - ra->unit_exp +
	    k}, (struct decimal){b, rb->t->scale - rb->unit_exp + k}, &ok);

	return ok ? c : 2;
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
	/* The estimate's own errors come first: its numbering may be
	 * wrong, so its lines are not compared (one cause, one message). */
	if (budget_stt_reported(d, est->it->path))
		return;
	if (end >= 0) {
		date_iso(end, iso);
		fmt_date(&when, iso, fmt_messages());
	} else
		buf_adds(&when, "?");
	kd = col_role(est->f, BROLE_ESTIMATE);
	units = e->unit_exp != est->unit_exp;
	for (size_t i = 0; i < e->t->nrows; i++) {
		const struct brow *r = &e->t->rows[i], *o;
		const struct bcell *c = &r->cells[ke];

		if (r->path == NULL || !c->has)
			continue;
		if ((o = row_at(est->t, r->path)) == NULL) {
			/* Numbered wrongly here: named wrongly there. */
			if (budget_stt_reported(d, e->it->path))
				continue;
			diag_error(d, cell_pos(r, c), "budget.estimate-no-line",
			    budget_line_name(a, r), budget_col_name(d,
			    &e->f->cols[ke]), buf_cstr(&when), est->it->path,
			    r->code != NULL ? r->code : r->path);
			continue;
		}
		if (!o->cells[kd].has || cmp_dong(e, c->v, est,
		    o->cells[kd].v) % 2 == 0)
			continue;
		diag_error(d, cell_pos(r, c), "budget.estimate-differs",
		    budget_line_name(a, r), budget_col_name(d,
		    &e->f->cols[ke]), amount_text(a, e, c, units),
		    amount_text(a, est, &o->cells[kd], units),
		    buf_cstr(&when), diag_fmt(d, "%s:%u:%u", est->it->path,
		    cell_pos(o, &o->cells[kd]).line,
		    cell_pos(o, &o->cells[kd]).col));
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
		diag_warning(d, cell_pos(r, c), "budget.ytd-exceeds",
		    budget_line_name(a, r), budget_col_name(d,
		    &e->f->cols[ke]), amount_text(a, e, c, units), e->period,
		    amount_text(a, next, &o->cells[kn], units), next->period,
		    diag_fmt(d, "%s:%u:%u", next->it->path,
		    cell_pos(o, &o->cells[kn]).line,
		    cell_pos(o, &o->cells[kn]).col));
	}
}

/* The form and its law ------------------------------------------------- */

/* The position of key's name in map m, else of m itself. */
static struct pos
key_pos(const struct value *m, const char *key)
{
	for (size_t i = 0; m != NULL && m->type == VALUE_MAP && i < m->n; i++)
		if (strcmp(m->pairs[i].key, key) == 0)
			return value_pair_pos(&m->pairs[i]);
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
		diag_error(s->diags, b->pos, "budget.site-not-map",
		    "{unverified_forms: [\"90/2018/TT-BTC:2\"]}");
		return NULL;
	}
	for (size_t i = 0; b != NULL && i < b->n; i++)
		if (strcmp(b->pairs[i].key, "unverified_forms") != 0)
			diag_warning(s->diags, value_pair_pos(&b->pairs[i]),
			    "budget.site-unknown-key", b->pairs[i].key);
	if (l == NULL)
		return NULL;
	if (l->type != VALUE_LIST) {
		diag_error(s->diags, l->pos, "budget.site-unverified-list");
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
			diag_error(s->diags, v->pos,
			    "budget.site-unverified-unknown",
			    value_is_scalar(v) ? v->text : "?",
			    buf_cstr(&known));
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

/* An ISO date as messages show it (20/01/2026). */
static const char *
day_text(struct diags *d, const char *iso)
{
	struct buf b = {0};
	const char *s;

	fmt_date(&b, iso, fmt_messages());
	s = diag_fmt(d, "%s", buf_cstr(&b));
	buf_release(&b);
	return s;
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
		diag_error(s->diags, key_pos(d, "form"),
		    "budget.form-unverified", r->f->id, arena_printf(s->arena,
		    "{unverified_forms: [\"%s\"]}", r->f->id));
	if (r->period != NULL && c->periods != NULL &&
	    !utf8_has_word(c->periods, r->period))
		diag_error(s->diags, value_map_get(d, "period")->pos,
		    "budget.period-not-in-circular", r->period, c->circular,
		    c->periods, c->periods_rule ? c->periods_rule :
		    c->rule[0]);
	lo = year_bound(c, r->kind, "from", 0);
	hi = year_bound(c, r->kind, "to", 9999);
	v = value_map_get(d, "fiscal_year");
	if (r->year >= 0 && (r->year < lo || r->year > hi) &&
	    !(r->year > hi && c->until != NULL && pub != NULL &&
	    date_is_valid(pub, strlen(pub)) && strcmp(pub, c->until) <= 0)) {
		const char *rule = c->years_rule ? c->years_rule : c->rule[0];

		if (r->year > hi && c->until != NULL)
			diag_error(s->diags, v->pos, "budget.year-after-until",
			    diag_fmt(s->diags, "%lld", (long long)r->year),
			    c->circular, r->kind, diag_fmt(s->diags, "%ld",
			    hi), rule, day_text(s->diags, c->until));
		else if (r->year > hi)
			diag_error(s->diags, v->pos, "budget.year-after",
			    diag_fmt(s->diags, "%lld", (long long)r->year),
			    c->circular, r->kind, diag_fmt(s->diags, "%ld",
			    hi), rule);
		else
			diag_error(s->diags, v->pos, "budget.year-before",
			    diag_fmt(s->diags, "%lld", (long long)r->year),
			    c->circular, r->kind, diag_fmt(s->diags, "%ld",
			    lo), rule);
	}
	if (c->since != NULL && pub != NULL && date_is_valid(pub,
	    strlen(pub)) && strcmp(pub, c->since) < 0)
		diag_error(s->diags, value_map_get(d, "published_on")->pos,
		    "budget.published-before-circular", day_text(s->diags,
		    pub), c->circular, day_text(s->diags, c->since));
	if (df != NULL) {
		const struct bform *f = budget_form_by_id(fs, arena_printf(
		    s->arena, "%s:%s", c->circular, df));

		if (f == NULL || !f->decision)
			diag_error(s->diags, value_map_get(d,
			    "decision_form")->pos, strcmp(c->circular,
			    "90/2018/TT-BTC") == 0 ?
			    "budget.decision-form-unknown" :
			    "budget.decision-form-none", df, c->circular);
		else if (!utf8_has_word(f->kinds, r->kind))
			diag_error(s->diags, value_map_get(d,
			    "decision_form")->pos, "budget.decision-form-kind",
			    f->id, f->kinds, r->kind);
	}
	v = value_map_get(value_map_get(d, "unit"), "chapter");
	if (v != NULL && value_is_scalar(v) && !only_digits(v->text, 3))
		diag_error(s->diags, v->pos, "budget.chapter-code", v->text);
	v = value_map_get(value_map_get(d, "unit"), "budget_code");
	if (v != NULL && value_is_scalar(v) && !only_digits(v->text, 7))
		diag_error(s->diags, v->pos, "budget.unit-code", v->text);
}

void
budget_check(struct site *s, const char *kind)
{
	const struct bforms *fs = budget_forms_of(s);
	const struct value *optin = opted_in(s, fs);
	struct rec *recs;
	struct budget_ref *refs;
	int *force;
	size_t n = 0, cap = 0, i, j;

	for (i = 0; i < s->ncolls; i++)
		if (strcmp(s->colls[i].kind, kind) == 0)
			cap += s->colls[i].n;
	recs = arena_calloc(s->arena, cap + 1, sizeof *recs);
	for (i = 0; i < s->ncolls; i++) {
		const struct collection *co = &s->colls[i];

		if (strcmp(co->kind, kind) != 0)
			continue;
		for (j = 0; j < co->n; j++) {
			const struct item *it = co->items[j];
			const struct value *data = it->data, *y;
			struct rec *r = &recs[n];

			if (data == NULL || data->type != VALUE_MAP)
				continue;
			r->f = budget_form_find(fs, data, s->diags);
			budget_check_stt(s->arena, s->diags, value_map_get(data,
			    "lines"), 0, "", 0, r->f, "");
			if (r->f == NULL)
				continue;
			r->it = it;
			r->t = budget_table_make(s->arena, s->diags, r->f,
			    data);
			co->items[j]->btab = r->t;	/* the model's too */
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
