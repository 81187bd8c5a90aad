/*
 * Budget disclosures, validate stage.  In: the loaded site's budget
 * records and the forms of generator/forms.yaml.  Out: located errors
 * and warnings (sums, "of which" rows, percentages, stt numbering, the
 * estimate across files, year-to-date quarters, deadlines) and the one
 * computed table of a record that budget_render.c turns into pages.
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
 *   unit_name, unit_level
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
 *   chart_svg           inline SVG bar chart of the top-level lines in the
 *                       first amount column (use {{{chart_svg}}})
 *   has_chart, chart_title, chart_text  [{stt, label, text}]: the chart's
 *                       figures as a list, its text equivalent
 *   decision_date_text, basis_date_text, published_on_text  (15/01/2020)
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
 * - Estimate across files: a thuc_hien record's `role: estimate` column
 *   must equal the du_toan record (same fiscal_year, unit.name and
 *   language) line by line, matched by stt path, compared in đồng.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "budget_table.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

/* Amounts beyond 10^17 (in units of 10^-scale) are refused: sums and
 * percentages then stay inside 64 bits without a wider type. */
#define AMOUNT_MAX 100000000000000000LL
#define SCALE_MAX 6

/* forms.yaml ---------------------------------------------------------- */

static void
ltext2(const struct value *v, const char *out[2], const char *dflt)
{
	out[0] = out[1] = dflt;
	if (v == NULL)
		return;
	if (v->type == VALUE_STR) {
		out[0] = out[1] = v->text;
		return;
	}
	if (value_map_str(v, "vi"))
		out[0] = out[1] = value_map_str(v, "vi");
	if (value_map_str(v, "en"))
		out[1] = value_map_str(v, "en");
}

static int
col_index(const struct bform *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->ncols; i++)
		if (strcmp(f->cols[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int
load_column(struct arena *a, struct diags *d, struct bform *f, size_t i,
    const struct value *cv)
{
	struct bcol *c = &f->cols[i];
	const char *type = value_map_str(cv, "type");
	const char *role = value_map_str(cv, "role");
	const struct value *of = value_map_get(cv, "of");
	const struct value *v;

	c->key = value_map_str(cv, "key");
	if (c->key == NULL || type == NULL)
		return diag_error(d, cv->pos, "a column needs key and type");
	ltext2(value_map_get(cv, "label"), c->label, c->key);
	c->decimals = 2;
	if ((v = value_map_get(cv, "decimals")) != NULL &&
	    v->type == VALUE_INT && v->u.i >= 0 && v->u.i <= 4)
		c->decimals = (int)v->u.i;
	v = value_map_get(cv, "optional");
	c->optional = v != NULL && v->type == VALUE_BOOL && v->u.b;
	if (strcmp(type, "amount") == 0)
		c->type = BCOL_AMOUNT;
	else if (strcmp(type, "percent") == 0)
		c->type = BCOL_PERCENT;
	else if (strcmp(type, "difference") == 0)
		c->type = BCOL_DIFFERENCE;
	else
		return diag_error(d, cv->pos, "unknown column type '%s'", type);
	c->role = role == NULL ? BROLE_NONE : strcmp(role, "estimate") == 0 ?
	    BROLE_ESTIMATE : strcmp(role, "execution") == 0 ?
	    BROLE_EXECUTION : BROLE_NONE;
	if (c->type == BCOL_AMOUNT)
		return 0;
	/* Operands must be earlier amount columns. */
	if (of == NULL || of->type != VALUE_LIST || of->n != 2)
		return diag_error(d, cv->pos, "column '%s' needs of: [a, b]",
		    c->key);
	for (int k = 0; k < 2; k++) {
		int j = -1;
		size_t m;

		for (m = 0; m < i; m++)
			if (strcmp(f->cols[m].key, of->items[k]->text) == 0)
				j = (int)m;
		if (j < 0 || f->cols[j].type != BCOL_AMOUNT)
			return diag_error(d, of->items[k]->pos, "'%s' is not "
			    "an earlier amount column", of->items[k]->text);
		c->of[k] = j;
	}
	return 0;
}

static int
load_form(struct arena *a, struct diags *d, struct bforms *fs,
    struct bform *f, const struct value *fv)
{
	const struct value *cols = value_map_get(fv, "columns");
	const struct value *kinds = value_map_get(fv, "kinds");
	const char *colon;
	struct buf b = {0};
	size_t i;
	int rc = 0;

	f->id = value_map_str(fv, "id");
	if (f->id == NULL || (colon = strrchr(f->id, ':')) == NULL)
		return diag_error(d, fv->pos, "a form needs an id "
		    "\"CIRCULAR:NUMBER\"");
	f->circular = arena_strndup(a, f->id, (size_t)(colon - f->id));
	f->number = colon + 1;
	ltext2(value_map_get(fv, "title"), f->title, f->id);
	if (value_map_get(fv, "total") != NULL)
		ltext2(value_map_get(fv, "total"), f->total, "Total");
	for (i = 0; i < fs->ncircs; i++)
		if (strcmp(fs->circs[i].circular, f->circular) == 0)
			f->circ = &fs->circs[i];
	if (f->circ == NULL)
		return diag_error(d, fv->pos, "form %s: circular %s is not "
		    "among the circulars", f->id, f->circular);
	if (kinds == NULL || kinds->type != VALUE_LIST || kinds->n == 0)
		return diag_error(d, fv->pos, "form %s needs kinds", f->id);
	for (i = 0; i < kinds->n; i++) {
		if (i)
			buf_addc(&b, ' ');
		buf_add(&b, kinds->items[i]->text, kinds->items[i]->len);
	}
	f->kinds = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	if (cols == NULL || cols->type != VALUE_LIST || cols->n == 0)
		return diag_error(d, fv->pos, "form %s needs columns", f->id);
	f->ncols = cols->n;
	f->cols = arena_calloc(a, cols->n, sizeof *f->cols);
	for (i = 0; i < cols->n; i++) {
		if (load_column(a, d, f, i, cols->items[i]) == -1) {
			rc = -1;
			continue;
		}
		/* Keys are unique within a form (checked after loading). */
		if (col_index(f, f->cols[i].key) != (int)i)
			rc = diag_error(d, cols->items[i]->pos, "column '%s' "
			    "twice in form %s", f->cols[i].key, f->id);
	}
	return rc;
}

const struct bforms *
budget_forms_load(struct arena *a, struct diags *d, const char *name,
    const char *src, size_t n)
{
	struct value *root = NULL;
	const struct value *circs, *forms;
	struct bforms *fs;
	size_t i;
	int rc = 0;

	if (value_parse_yaml(a, d, name, src, n, 1, &root) == -1)
		return NULL;
	circs = value_map_get(root, "circulars");
	forms = value_map_get(root, "forms");
	if (circs == NULL || circs->type != VALUE_LIST || forms == NULL ||
	    forms->type != VALUE_LIST) {
		diag_error(d, pos_file(name), "forms need lists 'circulars' "
		    "and 'forms'");
		return NULL;
	}
	fs = arena_calloc(a, 1, sizeof *fs);
	fs->circs = arena_calloc(a, circs->n + 1, sizeof *fs->circs);
	fs->ncircs = circs->n;
	for (i = 0; i < circs->n; i++) {
		const struct value *cv = circs->items[i], *v;
		struct bcirc *c = &fs->circs[i];

		c->circular = value_map_str(cv, "circular");
		if (c->circular == NULL) {
			rc = diag_error(d, cv->pos, "a circular needs "
			    "'circular'");
			c->circular = "";
		}
		ltext2(value_map_get(cv, "rule"), c->rule, c->circular);
		v = value_map_get(cv, "deadline_days");
		c->days = v && v->type == VALUE_INT ? (int)v->u.i : 15;
		v = value_map_get(cv, "annual_execution_working_days");
		c->workdays = v && v->type == VALUE_INT ? (int)v->u.i : 5;
	}
	fs->forms = arena_calloc(a, forms->n + 1, sizeof *fs->forms);
	fs->n = forms->n;
	for (i = 0; i < forms->n; i++)
		if (load_form(a, d, fs, &fs->forms[i], forms->items[i]) == -1)
			rc = -1;
	return rc == -1 ? NULL : fs;
}

const struct bforms *
budget_forms_builtin(struct arena *a, struct diags *d)
{
	const struct bforms *fs = budget_forms_load(a, d,
	    "generator/forms.yaml", forms_yaml, forms_yaml_len);

	if (fs == NULL) {
		diags_print(d, stderr);
		fputs("minhbach: the built-in budget forms are broken\n",
		    stderr);
		abort();
	}
	return fs;
}

static bool
has_word(const char *list, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = list; (p = strstr(p, w)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return true;
	return false;
}

const struct bform *
budget_form_find(const struct bforms *fs, const struct value *record,
    struct diags *d)
{
	const struct value *form = value_map_get(record, "form");
	const char *circ = value_map_str(form, "circular");
	const char *num = value_map_str(form, "number");
	const char *kind = value_map_str(record, "kind");
	struct buf b = {0};
	size_t i;

	if (circ == NULL || num == NULL)
		return NULL;		/* the schema has said so */
	for (i = 0; i < fs->n; i++) {
		const struct bform *f = &fs->forms[i];

		if (strcmp(f->circular, circ) != 0 ||
		    strcmp(f->number, num) != 0)
			continue;
		if (d != NULL && kind != NULL && !has_word(f->kinds, kind))
			diag_error(d, form->pos, "form %s serves %s records, "
			    "not %s", f->id, f->kinds, kind);
		return f;
	}
	if (d == NULL)
		return NULL;
	for (i = 0; i < fs->n; i++)
		buf_addf(&b, "%s%s (%s)", i ? ", " : "", fs->forms[i].id,
		    fs->forms[i].kinds);
	diag_error(d, form->pos, "unknown form %s:%s; the known forms are %s",
	    circ, num, buf_cstr(&b));
	buf_release(&b);
	return NULL;
}

/* Exact decimals ------------------------------------------------------ */

/*
 * Reads a plain decimal ("-1250.5") as an integer in units of
 * 10^-scale into *out and its number of decimals into *dec.  Returns 0,
 * -1 when the text is not a plain decimal, -2 when it has more decimals
 * than scale or is beyond AMOUNT_MAX.
 */
static int
dec_parse(const char *s, int scale, int64_t *out, int *dec)
{
	bool neg = false, dot = false;
	int64_t v = 0;
	int d = 0, digits = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s; s++) {
		if (*s == '.' && !dot && digits > 0) {
			dot = true;
			continue;
		}
		if (!ascii_isdigit(*s))
			return -1;
		if (dot && ++d > scale)
			return -2;
		if (v > AMOUNT_MAX / 10)
			return -2;
		v = v * 10 + (*s - '0');
		digits++;
	}
	if (digits == 0 || (dot && d == 0))
		return -1;
	for (*dec = d; d < scale; d++) {
		if (v > AMOUNT_MAX / 10)
			return -2;
		v *= 10;
	}
	if (v > AMOUNT_MAX)
		return -2;
	*out = neg ? -v : v;
	return 0;
}

/* Decimals written in s (0 when none or not a number). */
static int
dec_count(const char *s)
{
	const char *dot = strchr(s, '.');

	return dot ? (int)strlen(dot + 1) : 0;
}

/* Writes v (units of 10^-scale) as plain text with dec decimals. */
static const char *
dec_text(struct arena *a, int64_t v, int scale, int dec)
{
	char digits[32], *s;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int n;
	struct buf b = {0};

	n = snprintf(digits, sizeof digits, "%0*llu", scale + 1,
	    (unsigned long long)u);
	if (v < 0)
		buf_addc(&b, '-');
	buf_add(&b, digits, (size_t)(n - scale));
	if (dec > 0) {
		buf_addc(&b, '.');
		buf_add(&b, digits + n - scale, (size_t)dec);
	}
	s = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return s;
}

/*
 * The percentage 100 * num / den to `dec` decimals, exactly: *q the
 * truncated quotient in units of 10^-dec, *r the remainder over den,
 * both of the absolute values; *neg the sign.  False when den is 0 or
 * the quotient does not fit.
 */
static bool
pct_div(int64_t num, int64_t den, int dec, uint64_t *q, uint64_t *r,
    uint64_t *absden, bool *neg)
{
	uint64_t a = num < 0 ? (uint64_t)0 - (uint64_t)num : (uint64_t)num;
	uint64_t b = den < 0 ? (uint64_t)0 - (uint64_t)den : (uint64_t)den;
	int i;

	if (b == 0 || b > UINT64_MAX / 10)
		return false;
	*neg = (num < 0) != (den < 0) && num != 0;
	*q = a / b;
	*r = a % b;
	for (i = 0; i < dec + 2; i++) {
		if (*q > (UINT64_MAX - 9) / 10)
			return false;
		*q = *q * 10 + (*r * 10) / b;
		*r = (*r * 10) % b;
	}
	*absden = b;
	return *q <= (uint64_t)INT64_MAX;
}

/* The Vietnamese text of v (units of 10^-scale, dec decimals shown). */
static const char *
vi_amount(struct arena *a, int64_t v, int scale, int dec)
{
	struct buf b = {0};
	char *s;

	fmt_decimal(&b, dec_text(a, v, scale, dec), "vi");
	s = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return s;
}

/* The table ------------------------------------------------------------ */

struct tb {
	struct arena *a;
	struct diags *d;
	const struct bform *f;
	struct btab *t;
	size_t cap;
};

/* How a line is named in messages: line II "Chi thường xuyên". */
static const char *
line_name(struct arena *a, const struct brow *r)
{
	if (r->is_total)
		return arena_printf(a, "the total \"%s\"", r->label);
	if (r->stt[0] != '\0')
		return arena_printf(a, "line %s \"%s\"", r->stt, r->label);
	return arena_printf(a, "line \"%s\"", r->label);
}

/* Highest number of decimals of any amount in the lines. */
static int
scan_scale(const struct bform *f, const struct value *lines, int scale)
{
	size_t i, j;

	if (lines == NULL || lines->type != VALUE_LIST)
		return scale;
	for (i = 0; i < lines->n; i++) {
		const struct value *vals = value_map_get(lines->items[i],
		    "values");
		int k, n;

		for (j = 0; vals && vals->type == VALUE_MAP && j < vals->n;
		    j++) {
			k = col_index(f, vals->pairs[j].key);
			if (k < 0 || f->cols[k].type == BCOL_PERCENT ||
			    vals->pairs[j].val->type != VALUE_NUM)
				continue;
			n = dec_count(vals->pairs[j].val->text);
			if (n > scale && n <= SCALE_MAX)
				scale = n;
		}
		scale = scan_scale(f, value_map_get(lines->items[i],
		    "children"), scale);
	}
	return scale;
}

static struct brow *
new_row(struct tb *b)
{
	struct btab *t = b->t;
	struct brow *r;

	if (t->nrows == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 16;
		struct brow *v = arena_calloc(b->a, cap, sizeof *v);

		if (t->nrows)
			memcpy(v, t->rows, t->nrows * sizeof *v);
		/* Parent pointers move with the rows. */
		for (size_t i = 0; i < t->nrows; i++)
			if (v[i].parent != NULL)
				v[i].parent = v + (v[i].parent - t->rows);
		t->rows = v;
		b->cap = cap;
	}
	r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->cells = arena_calloc(b->a, b->f->ncols, sizeof *r->cells);
	r->stt = r->label = "";
	return r;
}

/* Reads the stated figures of row r from its `values` map. */
static void
stated(struct tb *b, struct brow *r, const struct value *vals)
{
	const struct bform *f = b->f;
	size_t j;

	if (vals == NULL || vals->type != VALUE_MAP)
		return;
	for (j = 0; j < vals->n; j++) {
		const struct value_pair *p = &vals->pairs[j];
		const struct value *v = p->val;
		int k = col_index(f, p->key), rc, dec = 0;
		struct bcell *c;
		int64_t x;

		if (k < 0) {
			if (b->d != NULL) {
				struct buf l = {0};

				for (size_t m = 0; m < f->ncols; m++)
					buf_addf(&l, "%s%s", m ? ", " : "",
					    f->cols[m].key);
				diag_error(b->d, p->keypos, "'%s' is not a "
				    "column of form %s (its columns: %s)",
				    p->key, f->id, buf_cstr(&l));
				buf_release(&l);
			}
			continue;
		}
		if (v->type != VALUE_INT && v->type != VALUE_NUM)
			continue;	/* the schema has said so */
		c = &r->cells[k];
		rc = dec_parse(v->text, f->cols[k].type == BCOL_PERCENT ?
		    SCALE_MAX : b->t->scale, &x, &dec);
		if (rc != 0) {
			if (b->d != NULL)
				diag_error(b->d, v->pos, "%s, %s: '%s' %s",
				    line_name(b->a, r), p->key, v->text,
				    rc == -1 ? "must be written as plain "
				    "digits with at most one '.' to be "
				    "checked exactly" : "is too large or has "
				    "more than 6 decimals");
			continue;
		}
		c->has = c->stated = true;
		c->v = x;
		c->dec = dec;
		c->node = v;
	}
}

/* Sums of the kids that are not "of which" into r, column k. */
static void
sum_kids(struct tb *b, struct brow *r, size_t k)
{
	struct btab *t = b->t;
	struct bcell *c = &r->cells[k];
	int64_t sum = 0;
	int dec = 0;
	bool any = false, big = false;
	size_t i;

	for (i = 0; i < r->nkids; i++) {
		const struct brow *kid = &t->rows[r->kids[i]];
		const struct bcell *kc = &kid->cells[k];

		if (kid->of_which || !kc->has)
			continue;
		if (__builtin_add_overflow(sum, kc->v, &sum) ||
		    sum > AMOUNT_MAX || sum < -AMOUNT_MAX)
			big = true;
		if (kc->dec > dec)
			dec = kc->dec;
		any = true;
	}
	if (!any || big) {
		if (big && b->d != NULL)
			diag_error(b->d, r->line ? r->line->pos :
			    pos_file(NULL), "%s, %s: the lines add up to "
			    "more than can be checked", line_name(b->a, r),
			    b->f->cols[k].key);
		return;
	}
	if (!c->stated) {
		c->has = true;
		c->v = sum;
		c->dec = dec;
		return;
	}
	if (c->v != sum && b->d != NULL)
		diag_error(b->d, c->node->pos, "%s, %s: %s is stated but its "
		    "lines add up to %s (difference %s)", line_name(b->a, r),
		    b->f->cols[k].key, vi_amount(b->a, c->v, t->scale,
		    c->dec), vi_amount(b->a, sum, t->scale, dec > c->dec ?
		    dec : c->dec), vi_amount(b->a, c->v - sum, t->scale,
		    dec > c->dec ? dec : c->dec));
}

/* Differences and percentages of row r, from its amounts. */
static void
derived(struct tb *b, struct brow *r)
{
	const struct bform *f = b->f;
	struct btab *t = b->t;
	size_t k;

	for (k = 0; k < f->ncols; k++) {
		const struct bcol *col = &f->cols[k];
		struct bcell *c = &r->cells[k];
		const struct bcell *x = &r->cells[col->of[0]];
		const struct bcell *y = &r->cells[col->of[1]];
		uint64_t q, rem, den;
		bool neg, fits;

		if (col->type == BCOL_AMOUNT)
			continue;
		if (col->type == BCOL_DIFFERENCE) {
			int64_t v;

			if (!x->has || !y->has)
				continue;
			v = x->v - y->v;	/* both within ±10^17 */
			if (c->stated && c->v != v && b->d != NULL)
				diag_error(b->d, c->node->pos, "%s, %s: %s is "
				    "stated but %s - %s is %s",
				    line_name(b->a, r), col->key,
				    vi_amount(b->a, c->v, t->scale, c->dec),
				    f->cols[col->of[0]].key,
				    f->cols[col->of[1]].key, vi_amount(b->a,
				    v, t->scale, x->dec > y->dec ? x->dec :
				    y->dec));
			c->has = true;
			c->v = v;
			c->dec = x->dec > y->dec ? x->dec : y->dec;
			continue;
		}
		fits = x->has && y->has && pct_div(x->v, y->v, col->decimals,
		    &q, &rem, &den, &neg);
		if (c->stated && b->d != NULL) {
			uint64_t sq, sr, sd;
			bool sneg, ok = false;
			int sdec = c->dec;
			int64_t sv = c->v;	/* units of 10^-SCALE_MAX */

			for (int i = sdec; i < SCALE_MAX; i++)
				sv /= 10;
			if (x->has && y->has && pct_div(x->v, y->v, sdec,
			    &sq, &sr, &sd, &sneg)) {
				uint64_t s = sv < 0 ? (uint64_t)0 -
				    (uint64_t)sv : (uint64_t)sv;

				/* Either rounding of a tie is accepted. */
				if ((sv < 0) == sneg || s == 0)
					ok = (s == sq && 2 * sr <= sd) ||
					    (s == sq + 1 && 2 * sr >= sd);
			}
			if (!ok && fits)
				diag_error(b->d, c->node->pos, "%s, %s: %s%% "
				    "is stated but %s / %s is %s%%",
				    line_name(b->a, r), col->key,
				    vi_amount(b->a, sv, sdec, sdec),
				    f->cols[col->of[0]].key,
				    f->cols[col->of[1]].key, vi_amount(b->a,
				    (neg ? -1 : 1) * (int64_t)(q + (2 * rem >=
				    den)), col->decimals, col->decimals));
			else if (!ok)
				diag_error(b->d, c->node->pos, "%s, %s: %s%% "
				    "is stated but cannot be recomputed: %s "
				    "or %s is missing or 0", line_name(b->a,
				    r), col->key, vi_amount(b->a, sv, sdec,
				    sdec), f->cols[col->of[0]].key,
				    f->cols[col->of[1]].key);
		}
		c->has = fits;
		c->stated = false;
		if (fits) {
			/* Shown rounded half away from zero. */
			c->v = (int64_t)(q + (2 * rem >= den));
			if (neg)
				c->v = -c->v;
			c->dec = col->decimals;
		}
	}
}

/* "Of which" rows of r must not exceed r, column by column. */
static void
of_which(struct tb *b, const struct brow *r)
{
	size_t i, k;

	for (i = 0; i < r->nkids && b->d != NULL; i++) {
		const struct brow *kid = &b->t->rows[r->kids[i]];

		if (!kid->of_which)
			continue;
		for (k = 0; k < b->f->ncols; k++) {
			const struct bcell *kc = &kid->cells[k];
			const struct bcell *pc = &r->cells[k];

			if (b->f->cols[k].type != BCOL_AMOUNT || !kc->has ||
			    !pc->has || kc->v <= pc->v || pc->v < 0)
				continue;
			diag_error(b->d, kc->node ? kc->node->pos :
			    kid->line->pos, "%s (of which), %s: %s exceeds "
			    "its parent %s (%s)", line_name(b->a, kid),
			    b->f->cols[k].key, vi_amount(b->a, kc->v,
			    b->t->scale, kc->dec), line_name(b->a, r),
			    vi_amount(b->a, pc->v, b->t->scale, pc->dec));
		}
	}
}

static size_t
add_line(struct tb *b, const struct value *line, size_t parent, int depth)
{
	const struct value *kids = value_map_get(line, "children");
	const struct value *ow = value_map_get(line, "of_which");
	size_t me = b->t->nrows, i, k;
	struct brow *r = new_row(b);
	const char *stt = value_map_str(line, "stt");
	size_t *kidv = NULL, nk = 0;

	r->line = line;
	r->depth = depth;
	r->stt = stt ? stt : "";
	r->label = value_map_str(line, "label") ? value_map_str(line,
	    "label") : "";
	r->of_which = ow != NULL && ow->type == VALUE_BOOL && ow->u.b;
	r->parent = parent == (size_t)-1 ? NULL : &b->t->rows[parent];
	if (r->stt[0] != '\0' && (parent == (size_t)-1 ||
	    b->t->rows[parent].path != NULL))
		r->path = parent == (size_t)-1 ? r->stt : arena_printf(b->a,
		    "%s/%s", b->t->rows[parent].path, r->stt);
	stated(b, r, value_map_get(line, "values"));
	if (kids != NULL && kids->type == VALUE_LIST && kids->n > 0) {
		kidv = arena_calloc(b->a, kids->n, sizeof *kidv);
		for (i = 0; i < kids->n; i++)
			if (kids->items[i]->type == VALUE_MAP)
				kidv[nk++] = add_line(b, kids->items[i], me,
				    depth + 1);
	}
	r = &b->t->rows[me];	/* the rows may have moved */
	r->kids = kidv;
	r->nkids = nk;
	for (k = 0; k < b->f->ncols; k++)
		if (b->f->cols[k].type == BCOL_AMOUNT && nk > 0)
			sum_kids(b, r, k);
	derived(b, r);
	of_which(b, r);
	return me;
}

static void
raw_texts(struct tb *b)
{
	struct btab *t = b->t;
	size_t i, k;

	for (i = 0; i < t->nrows; i++)
		for (k = 0; k < b->f->ncols; k++) {
			struct bcell *c = &t->rows[i].cells[k];

			if (!c->has)
				c->raw = "";
			else if (b->f->cols[k].type == BCOL_PERCENT)
				c->raw = dec_text(b->a, c->v, c->dec, c->dec);
			else
				c->raw = dec_text(b->a, c->v, t->scale,
				    c->dec);
			if (c->has && c->v != 0)
				t->shown[k] = true;
			else if (c->stated)
				t->shown[k] = true;
		}
	for (k = 0; k < b->f->ncols; k++) {
		const struct bcol *col = &b->f->cols[k];

		if (!col->optional)
			t->shown[k] = true;
		else if (col->type != BCOL_AMOUNT)
			t->shown[k] = t->shown[col->of[0]] &&
			    t->shown[col->of[1]];
	}
}

struct btab *
budget_table_make(struct arena *a, struct diags *d, const struct bform *f,
    const struct value *record)
{
	const struct value *lines = value_map_get(record, "lines");
	struct tb b = {a, d, f, NULL, 0};
	struct btab *t = arena_calloc(a, 1, sizeof *t);
	size_t i, top = 0, k;

	b.t = t;
	t->form = f;
	t->shown = arena_calloc(a, f->ncols, sizeof *t->shown);
	t->scale = scan_scale(f, lines, 0);
	for (i = 0; lines && lines->type == VALUE_LIST && i < lines->n; i++)
		if (lines->items[i]->type == VALUE_MAP)
			add_line(&b, lines->items[i], (size_t)-1, 0);
	if (f->total[0] != NULL) {
		size_t *kids = arena_calloc(a, t->nrows + 1, sizeof *kids);
		struct brow *r;

		for (i = 0; i < t->nrows; i++)
			if (t->rows[i].depth == 0)
				kids[top++] = i;
		r = new_row(&b);
		r->is_total = true;
		r->label = f->total[0];
		r->kids = kids;
		r->nkids = top;
		for (k = 0; k < f->ncols; k++)
			if (f->cols[k].type == BCOL_AMOUNT)
				sum_kids(&b, r, k);
		derived(&b, r);
	}
	raw_texts(&b);
	return t;
}

int
budget_lang(const char *lang)
{
	return lang != NULL && strcmp(lang, "vi") == 0 ? 0 : 1;
}

void
budget_cell_text(struct buf *b, const struct bcol *c,
    const struct bcell *cell, const char *lang)
{
	if (!cell->has)
		return;
	fmt_decimal(b, cell->raw, budget_lang(lang) == 0 ? "vi" : "en");
	if (c->type == BCOL_PERCENT)
		buf_addc(b, '%');
}

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

/* Checks the numbering of the sibling lines, then their children. */
static void
check_stt(struct arena *a, struct diags *d, const struct value *lines,
    int prank, const char *pstt, int pstyle)
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
			    prank, pstt, pstyle);
		else
			check_stt(a, d, value_map_get(line, "children"),
			    stt_rank(style, s), s, style);
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
	if (cu != NULL && strcmp(cu, "nghin_dong") == 0)
		return 3;
	if (cu != NULL && strcmp(cu, "trieu_dong") == 0)
		return 6;
	return 0;
}

static const char *const unit_vi[] = {"đồng", "", "", "nghìn đồng", "", "",
    "triệu đồng"};

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
	const char *s = vi_amount(a, c->v, r->t->scale, c->dec);

	return unit ? arena_printf(a, "%s %s", s, unit_vi[r->unit_exp]) : s;
}

static bool
same_report(const struct rec *a, const struct rec *b)
{
	return a->year == b->year && a->unit && b->unit &&
	    strcmp(a->unit, b->unit) == 0 && a->it->lang_index ==
	    b->it->lang_index;
}

/* The execution report's annual estimate against the published one. */
static void
check_estimate(struct arena *a, struct diags *d, const struct rec *e,
    const struct rec *all, size_t n)
{
	const struct rec *est = NULL;
	int ke = col_role(e->f, BROLE_ESTIMATE), kd;
	bool units;

	for (size_t i = 0; i < n && est == NULL; i++)
		if (strcmp(all[i].kind, "du_toan") == 0 &&
		    same_report(e, &all[i]) && col_role(all[i].f,
		    BROLE_ESTIMATE) >= 0)
			est = &all[i];
	if (ke < 0 || est == NULL)
		return;
	kd = col_role(est->f, BROLE_ESTIMATE);
	units = e->unit_exp != est->unit_exp;
	for (size_t i = 0; i < e->t->nrows; i++) {
		const struct brow *r = &e->t->rows[i], *o;
		const struct bcell *c = &r->cells[ke];

		if (r->path == NULL || !c->has)
			continue;
		if ((o = row_at(est->t, r->path)) == NULL) {
			diag_error(d, cell_pos(r, c), "%s, %s: the published "
			    "estimate %s has no line %s", line_name(a, r),
			    e->f->cols[ke].key, est->it->path, r->path);
			continue;
		}
		if (!o->cells[kd].has || cmp_dong(e, c->v, est,
		    o->cells[kd].v) % 2 == 0)
			continue;
		diag_error(d, cell_pos(r, c), "%s, %s: %s differs from %s in "
		    "the published estimate (%s:%u:%u)", line_name(a, r),
		    e->f->cols[ke].key, amount_text(a, e, c, units),
		    amount_text(a, est, &o->cells[kd], units), est->it->path,
		    cell_pos(o, &o->cells[kd]).line,
		    cell_pos(o, &o->cells[kd]).col);
	}
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
		    "are year-to-date", line_name(a, r), e->f->cols[ke].key,
		    amount_text(a, e, c, units), e->period, amount_text(a,
		    next, &o->cells[kn], units), next->period, next->it->path,
		    cell_pos(o, &o->cells[kn]).line,
		    cell_pos(o, &o->cells[kn]).col);
	}
}

static bool
weekday(long days)
{
	/* 1970-01-01 was a Thursday: Monday is 0. */
	return ((days % 7 + 7 + 3) % 7) < 5;
}

/*
 * Publication deadlines after basis_date: the circular's calendar days
 * (15) for estimates, final accounts and quarterly, 6- and 9-month
 * reports; its working days (5, Monday to Friday: public holidays are
 * not known here and not taken off) for the annual execution report.
 */
static void
check_deadline(struct arena *a, struct diags *d, const struct rec *r)
{
	const struct value *bv = value_map_get(r->it->data, "basis_date");
	const struct value *pv = value_map_get(r->it->data, "published_on");
	const struct bcirc *c = r->f->circ;
	struct buf b1 = {0}, b2 = {0}, b3 = {0};
	long bd, pd, day, due;
	int wd = 0;

	if (bv == NULL || pv == NULL || bv->type != VALUE_STR ||
	    pv->type != VALUE_STR || !fmt_is_date(bv->text, bv->len) ||
	    !fmt_is_date(pv->text, pv->len))
		return;
	bd = fmt_days(bv->text);
	pd = fmt_days(pv->text);
	fmt_date(&b1, pv->text, "vi");
	fmt_date(&b2, bv->text, "vi");
	if (strcmp(r->kind, "thuc_hien") == 0 && r->period != NULL &&
	    strcmp(r->period, "nam") == 0) {
		char iso[11];

		for (day = bd, due = bd; wd < c->workdays; )
			if (weekday(++day))
				wd++, due = day;
		if (pd <= due)
			goto out;
		for (wd = 0, day = bd; day < pd && day - bd < 100000; )
			wd += weekday(++day);
		fmt_iso_from_days(due, iso);
		fmt_date(&b3, iso, "vi");
		diag_warning(d, pv->pos, "published on %s, %d working days "
		    "after the basis date %s: the annual execution report is "
		    "due within %d working days, by %s (%s; working days are "
		    "Monday to Friday, public holidays not taken off)",
		    buf_cstr(&b1), wd, buf_cstr(&b2), c->workdays,
		    buf_cstr(&b3), c->rule[0]);
	} else if (pd - bd > c->days) {
		diag_warning(d, pv->pos, "published on %s, %ld days after "
		    "the basis date %s: the deadline is %d days (%s)",
		    buf_cstr(&b1), pd - bd, buf_cstr(&b2), c->days,
		    c->rule[0]);
	}
out:
	(void)a;
	buf_release(&b1);
	buf_release(&b2);
	buf_release(&b3);
}

void
budget_check(struct site *s)
{
	const struct bforms *fs = budget_forms_builtin(s->arena, s->diags);
	struct rec *recs;
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
			check_stt(s->arena, s->diags, value_map_get(data,
			    "lines"), 0, "", 0);
			if ((r->f = budget_form_find(fs, data,
			    s->diags)) == NULL)
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
			check_deadline(s->arena, s->diags, r);
			n++;
		}
	}
	for (i = 0; i < n; i++) {
		if (strcmp(recs[i].kind, "thuc_hien") != 0)
			continue;
		check_estimate(s->arena, s->diags, &recs[i], recs, n);
		check_ytd(s->arena, s->diags, &recs[i], recs, n);
	}
}
