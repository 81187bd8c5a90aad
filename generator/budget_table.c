/*
 * Budget disclosures, table half of the validate stage.  In: the forms
 * of generator/forms.yaml and one budget record's value tree.  Out: the
 * loaded forms, and the record's computed table in exact scaled
 * integers (stated figures, sums, differences, percentages, the total)
 * with located errors where the file's figures disagree.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "budget_table.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
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
const char *
budget_vi_amount(struct arena *a, int64_t v, int scale, int dec)
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
const char *
budget_line_name(struct arena *a, const struct brow *r)
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
				    budget_line_name(b->a, r), p->key, v->text,
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
			    "more than can be checked",
			    budget_line_name(b->a, r), b->f->cols[k].key);
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
		    "lines add up to %s (difference %s)",
		    budget_line_name(b->a, r), b->f->cols[k].key,
		    budget_vi_amount(b->a, c->v, t->scale, c->dec),
		    budget_vi_amount(b->a, sum, t->scale,
		    dec > c->dec ? dec : c->dec),
		    budget_vi_amount(b->a, c->v - sum, t->scale,
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
				    budget_line_name(b->a, r), col->key,
				    budget_vi_amount(b->a, c->v, t->scale,
				    c->dec), f->cols[col->of[0]].key,
				    f->cols[col->of[1]].key,
				    budget_vi_amount(b->a, v, t->scale,
				    x->dec > y->dec ? x->dec : y->dec));
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
				    budget_line_name(b->a, r), col->key,
				    budget_vi_amount(b->a, sv, sdec, sdec),
				    f->cols[col->of[0]].key,
				    f->cols[col->of[1]].key,
				    budget_vi_amount(b->a, (neg ? -1 : 1) *
				    (int64_t)(q + (2 * rem >= den)),
				    col->decimals, col->decimals));
			else if (!ok)
				diag_error(b->d, c->node->pos, "%s, %s: %s%% "
				    "is stated but cannot be recomputed: %s "
				    "or %s is missing or 0",
				    budget_line_name(b->a, r), col->key,
				    budget_vi_amount(b->a, sv, sdec, sdec),
				    f->cols[col->of[0]].key,
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
			    "its parent %s (%s)", budget_line_name(b->a, kid),
			    b->f->cols[k].key, budget_vi_amount(b->a, kc->v,
			    b->t->scale, kc->dec), budget_line_name(b->a, r),
			    budget_vi_amount(b->a, pc->v, b->t->scale,
			    pc->dec));
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

