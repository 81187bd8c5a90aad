/*
 * Budget disclosures, table half of the validate stage.  In: a form
 * (budget_forms.c) and one budget record's value tree.  Out: the
 * record's computed table in exact scaled integers (stated figures,
 * sums, differences, percentages, the total, rows matched to the form's
 * skeleton) with located errors where the file's figures disagree, and
 * the record's headline figure.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "budget_forms.h"
#include "budget_table.h"
#include "buf.h"
#include "decimal.h"
#include "diag.h"
#include "fmt.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

/* Amounts beyond 10^17 (in units of 10^-scale) are refused: sums and
 * percentages then stay inside 64 bits without a wider type. */
#define AMOUNT_MAX DECIMAL_AMOUNT_MAX
#define SCALE_MAX DECIMAL_SCALE_MAX

/* v (units of 10^-scale) as data text with dec decimals (decimal.c). */
static const char *
units_text(struct arena *a, int64_t v, int scale, int dec)
{
	return decimal_str(a, decimal_trunc((struct decimal){v, scale}, dec));
}

/* The Vietnamese text of v (units of 10^-scale, dec decimals shown). */
const char *
budget_vi_amount(struct arena *a, int64_t v, int scale, int dec)
{
	return decimal_figure(a, decimal_trunc((struct decimal){v, scale},
	    dec), fmt_messages(), "");
}

/* The table ------------------------------------------------------------ */

struct tb {
	struct arena *a;
	struct diags *d;
	const struct bform *f;
	struct btab *t;
	size_t cap;
};

/*
 * How a line is named in messages, the same in both languages (the
 * catalogue's text says "dòng"/"line" around it): by its code and label,
 * B.I.1.2 «Kinh phí ...»; an unnumbered line by its label and the code
 * of the nearest numbered line above it.
 */
const char *
budget_line_name(struct arena *a, const struct brow *r)
{
	const struct brow *p;

	if (r->is_total)
		return arena_printf(a, "\u00AB%s\u00BB", r->label);
	if (r->code != NULL)
		return arena_printf(a, "%s \u00AB%s\u00BB", r->code, r->label);
	if (r->stt[0] != '\0')
		return arena_printf(a, "%s \u00AB%s\u00BB", r->stt, r->label);
	for (p = r->parent; p != NULL; p = p->parent)
		if (p->code != NULL)
			return arena_printf(a, "\u00AB%s\u00BB (%s)", r->label,
			    p->code);
	return arena_printf(a, "\u00AB%s\u00BB", r->label);
}

/* A column by its heading on the form, in the messages' language. */
const char *
budget_col_name(const struct diags *d, const struct bcol *c)
{
	const char *l = c->label[d != NULL && strcmp(diags_lang(d),
	    "en") == 0];

	return l != NULL ? l : c->key;
}

/* Highest number of decimals of any amount in the lines, at most the
 * currency unit's (exp >= 0): finer amounts are refused, not scaled. */
static int
scan_scale(const struct bform *f, const struct value *lines, int scale,
    int exp)
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
			k = budget_form_col(f, vals->pairs[j].key);
			if (k < 0 || f->cols[k].type == BCOL_PERCENT ||
			    vals->pairs[j].val->type != VALUE_NUM)
				continue;
			n = decimal_count(vals->pairs[j].val->text);
			if (n > scale && n <= SCALE_MAX && (exp < 0 ||
			    n <= exp))
				scale = n;
		}
		scale = scan_scale(f, value_map_get(lines->items[i],
		    "children"), scale, exp);
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

/* "1,5" in Vietnamese messages, "1.5" in English: int part and
 * decimals of a figure text, the decimals' trailing zeros dropped. */
static const char *
lang_decimal(struct tb *b, const char *ip, size_t in, const char *fp,
    size_t fn)
{
	bool en = strcmp(diags_lang(b->d), "en") == 0;

	while (fn > 0 && fp[fn - 1] == '0')
		fn--;
	if (fn == 0)
		return arena_strndup(b->a, ip, in);
	return arena_printf(b->a, "%.*s%c%.*s", (int)in, ip, en ? '.' : ',',
	    (int)fn, fp);
}

/*
 * An amount finer than one đồng: in đồng every amount is whole ("1.500"
 * is one and a half đồng to YAML, and would be published as 1,5 đồng);
 * in nghìn đồng at most 3 decimals, in triệu đồng 6.
 */
static void
money_error(struct tb *b, const struct brow *r, const struct bcol *col,
    const struct value *v, int dec)
{
	static const char *const units[] = {"đồng", "", "", "nghìn đồng",
	    "", "", "triệu đồng", "", "", "tỷ đồng"};
	const char *dot = strchr(v->text, '.');
	const char *line = budget_line_name(b->a, r);
	const char *cn = budget_col_name(b->d, col);
	const char *half = lang_decimal(b, v->text, (size_t)(dot - v->text),
	    dot + 1, strlen(dot + 1));

	if (b->t->unit_exp != 0)
		diag_error(b->d, v->pos, "budget.amount-decimals", line, cn,
		    v->text, diag_fmt(b->d, "%d", dec),
		    units[b->t->unit_exp], diag_fmt(b->d, "%d",
		    b->t->unit_exp));
	else if (strlen(dot + 1) == 3)
		/* Three decimals: a thousands separator was likely meant. */
		diag_error(b->d, v->pos, "budget.amount-thousands", line, cn,
		    v->text, half, arena_printf(b->a, "%.*s%s",
		    (int)(dot - v->text), v->text, dot + 1));
	else
		diag_error(b->d, v->pos, "budget.amount-fraction", line, cn,
		    v->text, half);
}

/* The figure a look-alike letter stands for: O, o, Ð, Ø for 0; l, I
 * for 1; 0 when cp is none of them. */
static char
lookalike_digit(uint32_t cp)
{
	switch (cp) {
	case 'O': case 'o': case 0xD0: case 0xD8: case 0xF8: case 0x39F:
	case 0x3BF: case 0x41E: case 0x43E:
		return '0';
	case 'l': case 'I': case '|':
		return '1';
	default:
		return 0;
	}
}

/* True for 1.500.000 or 1 500 000: one to three figures, then groups
 * of three, each after the separator sep. */
static bool
grouped(const char *s, size_t n, char sep)
{
	size_t i = 0, lead = 0, g = 0;

	if (i < n && s[i] == '-')
		i++;
	for (; i < n && ascii_isdigit(s[i]); i++)
		lead++;
	if (lead == 0 || lead > 3)
		return false;
	for (; i < n; i += 4, g++) {
		if (n - i < 4 || s[i] != sep)
			return false;
		for (size_t j = 1; j <= 3; j++)
			if (!ascii_isdigit(s[i + j]))
				return false;
	}
	return g > 0;
}

/*
 * What a figure written with separators was meant to be, as data text,
 * or NULL: 1.500.000 and 1 500 000 (thousands, with a decimal comma or
 * not), 1,500,000, 23,44.
 */
static const char *
separators_meant(struct arena *a, const char *t, size_t n)
{
	const char *comma = memchr(t, ',', n), *c2;
	size_t ip = comma ? (size_t)(comma - t) : n;
	struct buf d = {0};
	const char *out = NULL;
	size_t i;

	c2 = comma ? memchr(comma + 1, ',', n - ip - 1) : NULL;
	if (grouped(t, ip, '.') || grouped(t, ip, ' ') ||
	    (c2 != NULL && grouped(t, n, ','))) {
		if (c2 != NULL)
			ip = n;
		for (i = 0; i < ip; i++)
			if (ascii_isdigit(t[i]) || t[i] == '-')
				buf_addc(&d, t[i]);
		if (ip < n)
			buf_addf(&d, ".%.*s", (int)(n - ip - 1), t + ip + 1);
	} else if (comma != NULL && c2 == NULL) {
		buf_addf(&d, "%.*s.%.*s", (int)ip, t, (int)(n - ip - 1),
		    t + ip + 1);
	} else {
		buf_add(&d, t, n);
	}
	if (decimal_parse_units(buf_cstr(&d), SCALE_MAX, AMOUNT_MAX,
	    &(int64_t){0}, &(int){0}) == 0)
		out = arena_strdup(a, buf_cstr(&d));
	buf_release(&d);
	return out;
}

/*
 * A figure that is not a number (the schema leaves figures to us): says
 * what was meant where it can tell — a look-alike letter (6OO), figures
 * grouped in thousands (1.500.000), a decimal comma (23,44), a percent
 * sign — else that it must be a number.
 */
static void
figure_error(struct tb *b, const struct brow *r, const struct bcol *col,
    const struct value *v)
{
	const char *line = budget_line_name(b->a, r);
	const char *cn = budget_col_name(b->d, col);
	const char *t = v->text, *bad = NULL, *meant;
	struct buf fix = {0};
	size_t n = v->len, i, len;
	uint32_t cp, badcp = 0;
	bool pct;

	/* The letters that look like figures, replaced by them. */
	for (i = 0; i < n; i += len) {
		char c;

		len = utf8_decode(t + i, n - i, &cp, UTF8_STRICT);
		if ((c = lookalike_digit(cp)) != 0) {
			if (bad == NULL) {
				bad = arena_strndup(b->a, t + i, len);
				badcp = cp;
			}
			buf_addc(&fix, c);
		} else
			buf_add(&fix, t + i, len);
	}
	n = fix.len;
	/* A percent sign at the end goes too. */
	pct = n > 1 && buf_cstr(&fix)[n - 1] == '%';
	meant = separators_meant(b->a, buf_cstr(&fix), pct ? n - 1 : n);
	if (bad != NULL && meant != NULL)
		diag_error(b->d, v->pos, "budget.figure-lookalike", line, cn,
		    v->text, bad, diag_fmt(b->d, "U+%04X", (unsigned)badcp),
		    meant);
	else if (meant != NULL && pct && strcmp(arena_printf(b->a, "%s%%",
	    meant), v->text) == 0)
		diag_error(b->d, v->pos, "budget.figure-percent-sign", line,
		    cn, v->text, meant);
	else if (meant != NULL && strchr(v->text, '.') == NULL &&
	    strchr(meant, '.') != NULL)
		diag_error(b->d, v->pos, "budget.figure-decimal-comma", line,
		    cn, v->text, meant);
	else if (meant != NULL)
		diag_error(b->d, v->pos, "budget.figure-grouped", line, cn,
		    v->text, meant);
	else
		diag_error(b->d, v->pos, "budget.figure-not-number", line, cn,
		    v->text);
	buf_release(&fix);
}

/*
 * True when `ty_le: 23,44%` was written inside {…}: the comma ends the
 * value there, and "44%" becomes a key without a value.  p is that key,
 * prev the pair before it.
 */
static bool
flow_comma(const struct value_pair *p, const struct value_pair *prev)
{
	const char *k = p->key;

	if (prev == NULL || p->val->type != VALUE_NULL ||
	    (prev->val->type != VALUE_INT && prev->val->type != VALUE_NUM) ||
	    !ascii_isdigit(k[0]))
		return false;
	while (ascii_isdigit(*k))
		k++;
	return *k == '\0' || strcmp(k, "%") == 0;
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
		int k = budget_form_col(f, p->key), rc, dec = 0;
		struct bcell *c;
		int64_t x;

		if (k < 0 && j > 0 && flow_comma(p, &vals->pairs[j - 1]) &&
		    (k = budget_form_col(f, vals->pairs[j - 1].key)) >= 0) {
			/* One cause: the figure before the comma is not
			 * what was meant either, so it is not checked. */
			const struct value_pair *q = &vals->pairs[j - 1];
			size_t kl = strlen(p->key);

			if (p->key[kl - 1] == '%')
				kl--;
			c = &r->cells[k];
			memset(c, 0, sizeof *c);
			c->bad = true;
			if (b->d != NULL)
				diag_error(b->d, q->val->pos,
				    "budget.flow-comma", budget_line_name(b->a,
				    r), budget_col_name(b->d, &f->cols[k]),
				    q->key, q->val->text, p->key, arena_printf(
				    b->a, "%s.%.*s", q->val->text, (int)kl,
				    p->key), "{\u2026}");
			continue;
		}
		if (k < 0) {
			if (b->d != NULL) {
				struct buf l = {0};

				for (size_t m = 0; m < f->ncols; m++)
					buf_addf(&l, "%s%s", m ? ", " : "",
					    f->cols[m].key);
				diag_error(b->d, value_pair_pos(p),
				    "budget.unknown-column",
				    budget_line_name(b->a, r), p->key, f->id,
				    buf_cstr(&l));
				buf_release(&l);
			}
			continue;
		}
		c = &r->cells[k];
		if (v->type == VALUE_NULL)
			continue;
		if (v->type != VALUE_INT && v->type != VALUE_NUM) {
			if (b->d != NULL && value_is_scalar(v))
				figure_error(b, r, &f->cols[k], v);
			c->bad = true;
			continue;
		}
		/* Finer than one đồng: refused, and left out of the sums. */
		if (f->cols[k].type != BCOL_PERCENT && b->t->unit_exp >= 0 &&
		    (dec = decimal_count(v->text)) > b->t->unit_exp) {
			if (b->d != NULL)
				money_error(b, r, &f->cols[k], v, dec);
			c->bad = true;
			continue;
		}
		rc = decimal_parse_units(v->text, f->cols[k].type ==
		    BCOL_PERCENT ? SCALE_MAX : b->t->scale, AMOUNT_MAX, &x,
		    &dec);
		if (rc != 0) {
			if (b->d != NULL)
				diag_error(b->d, v->pos, rc == DECIMAL_SYNTAX ?
				    "budget.figure-not-number" :
				    "budget.figure-too-large",
				    budget_line_name(b->a, r), budget_col_name(
				    b->d, &f->cols[k]), v->text);
			c->bad = true;
			continue;
		}
		c->has = c->stated = true;
		c->v = x;
		c->dec = dec;
		c->node = v;
	}
}

static struct pos
row_pos(const struct brow *r, const struct bcell *c)
{
	if (c != NULL && c->node != NULL)
		return c->node->pos;
	return r->line != NULL ? r->line->pos : pos_file(NULL);
}

/* Sums of the kids that are not "of which" into r, column k. */
static void
sum_kids(struct tb *b, struct brow *r, size_t k)
{
	struct btab *t = b->t;
	struct bcell *c = &r->cells[k];
	struct decimal sum = {0, t->scale};
	int dec = 0;
	bool any = false, big = false;
	size_t i;

	/* A refused figure of its own is not filled in from the lines:
	 * what the editor meant is not known, so nothing above is checked
	 * against it. */
	if (c->bad)
		return;
	for (i = 0; i < r->nkids; i++) {
		const struct brow *kid = &t->rows[r->kids[i]];
		const struct bcell *kc = &kid->cells[k];

		if (kid->of_which || kid->heading)
			continue;
		/* One refused figure, one message: its sums are not known. */
		if (kc->bad) {
			c->bad = true;
			return;
		}
		if (!kc->has)
			continue;
		if (!decimal_add(&sum, (struct decimal){kc->v, t->scale}) ||
		    sum.m > AMOUNT_MAX || sum.m < -AMOUNT_MAX)
			big = true;
		if (kc->dec > dec)
			dec = kc->dec;
		any = true;
	}
	if (!any || big) {
		if (big && b->d != NULL)
			diag_error(b->d, row_pos(r, NULL),
			    "budget.sum-too-large", budget_line_name(b->a, r),
			    budget_col_name(b->d, &b->f->cols[k]));
		return;
	}
	if (!c->stated) {
		c->has = true;
		c->v = sum.m;
		c->dec = dec;
		return;
	}
	if (c->v != sum.m && b->d != NULL)
		diag_error(b->d, c->node->pos, "budget.sum-mismatch",
		    budget_line_name(b->a, r), budget_col_name(b->d,
		    &b->f->cols[k]),
		    budget_vi_amount(b->a, c->v, t->scale, c->dec),
		    budget_vi_amount(b->a, sum.m, t->scale,
		    dec > c->dec ? dec : c->dec),
		    budget_vi_amount(b->a, c->v - sum.m, t->scale,
		    dec > c->dec ? dec : c->dec), units_text(b->a, sum.m,
		    t->scale, dec > c->dec ? dec : c->dec));
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
		struct decimal_pct pct;
		bool fits;

		if (col->type == BCOL_AMOUNT)
			continue;
		if (col->type == BCOL_DIFFERENCE) {
			int64_t v;

			if (!x->has || !y->has)
				continue;
			v = x->v - y->v;	/* both within ±10^17 */
			if (c->stated && c->v != v && b->d != NULL)
				diag_error(b->d, c->node->pos,
				    "budget.difference-mismatch",
				    budget_line_name(b->a, r), budget_col_name(
				    b->d, col),
				    budget_vi_amount(b->a, c->v, t->scale,
				    c->dec), budget_col_name(b->d,
				    &f->cols[col->of[0]]), budget_col_name(b->d,
				    &f->cols[col->of[1]]),
				    budget_vi_amount(b->a, v, t->scale,
				    x->dec > y->dec ? x->dec : y->dec),
				    units_text(b->a, v, t->scale, x->dec >
				    y->dec ? x->dec : y->dec));
			c->has = true;
			c->v = v;
			c->dec = x->dec > y->dec ? x->dec : y->dec;
			continue;
		}
		fits = x->has && y->has && decimal_percent((struct decimal){
		    x->v, t->scale}, (struct decimal){y->v, t->scale},
		    col->decimals, &pct);
		/* A refused figure was reported: its ratio is unknown. */
		if (c->stated && b->d != NULL && !x->bad && !y->bad) {
			struct decimal_pct spct;
			/* c->v: units of 10^-SCALE_MAX */
			struct decimal sv = decimal_trunc((struct decimal){
			    c->v, SCALE_MAX}, c->dec);
			bool ok = x->has && y->has && decimal_percent(
			    (struct decimal){x->v, t->scale}, (struct decimal){
			    y->v, t->scale}, sv.scale, &spct) &&
			    decimal_pct_agrees(&spct, sv);

			if (!ok && fits)
				diag_error(b->d, c->node->pos,
				    "budget.ratio-mismatch",
				    budget_line_name(b->a, r), budget_col_name(
				    b->d, col), budget_vi_amount(b->a, sv.m,
				    sv.scale, sv.scale), budget_col_name(b->d,
				    &f->cols[col->of[0]]), budget_col_name(b->d,
				    &f->cols[col->of[1]]),
				    budget_vi_amount(b->a, decimal_pct_round(
				    &pct).m, col->decimals, col->decimals),
				    units_text(b->a, decimal_pct_round(&pct).m,
				    col->decimals, col->decimals));
			else if (!ok)
				diag_error(b->d, c->node->pos,
				    "budget.ratio-unknown",
				    budget_line_name(b->a, r), budget_col_name(
				    b->d, col), budget_vi_amount(b->a, sv.m,
				    sv.scale, sv.scale), budget_col_name(b->d,
				    &f->cols[col->of[0]]), budget_col_name(b->d,
				    &f->cols[col->of[1]]));
		}
		c->has = fits;
		c->stated = false;
		if (fits) {
			/* Shown rounded half away from zero. */
			c->v = decimal_pct_round(&pct).m;
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
			diag_error(b->d, row_pos(kid, kc),
			    "budget.of-which-exceeds", budget_line_name(b->a,
			    kid), budget_col_name(b->d, &b->f->cols[k]),
			    budget_vi_amount(b->a, kc->v,
			    b->t->scale, kc->dec), budget_line_name(b->a, r),
			    budget_vi_amount(b->a, pc->v, b->t->scale,
			    pc->dec));
		}
	}
}

static bool
is_bullet(const char *stt)
{
	return strcmp(stt, "-") == 0 || strcmp(stt, "+") == 0 ||
	    strcmp(stt, "*") == 0;
}

const char *
budget_row_code(struct arena *a, const char *pcode, const char *pstt,
    const char *stt)
{
	size_t n = strlen(pstt);

	if (stt[0] == '\0' || is_bullet(stt) || pcode == NULL)
		return NULL;
	if (pcode[0] == '\0')
		return stt;
	if (n > 0 && strncmp(stt, pstt, n) == 0 && stt[n] == '.')
		return arena_printf(a, "%s%s", pcode, stt + n);
	return arena_printf(a, "%s.%s", pcode, stt);
}

/* The row code of a line numbered stt under parent p (NULL: top). */
static const char *
row_code(struct arena *a, const struct brow *p, const char *stt)
{
	return budget_row_code(a, p == NULL ? "" : p->code, p == NULL ? "" :
	    p->stt, stt);
}

/* True when the record's words are the form's (or begin with them and
 * go on with the unit's own, where the form leaves them open). */
static bool
label_matches(const struct bskel *k, const char *label)
{
	size_t n = strlen(k->label);

	if (strcmp(label, k->label) == 0)
		return true;
	return k->detail && strncmp(label, k->label, n) == 0 &&
	    (label[n] == ' ' || label[n] == ':' || label[n] == ',');
}

/* The ids of budget_stt.c's numbering errors: what follows from them
 * is not said. */
static const char *const stt_ids[] = {"budget.stt-duplicate",
    "budget.stt-order", "budget.stt-gap", "budget.stt-invalid",
    "budget.stt-lookalike", "budget.stt-mixed", "budget.stt-level",
    "budget.stt-prefix"};

bool
budget_stt_reported(struct diags *d, const char *path)
{
	for (size_t i = 0; path != NULL && i < sizeof stt_ids /
	    sizeof stt_ids[0]; i++)
		if (diags_has(d, stt_ids[i], path))
			return true;
	return false;
}

/* Row r against the form's skeleton row of its code. */
static void
match_skeleton(struct tb *b, struct brow *r)
{
	static const char *const kinds[2][5] = {{"", "tiêu đề",
	    "dòng tổng", "dòng ghi số", "dòng «trong đó»"}, {"",
	    "a heading", "a sum", "a stated figure", "an \"of which\" line"}};
	const struct value *lv = value_map_get(r->line, "label");
	const struct bskel *k = budget_form_skel(b->f, r->code);
	const struct value *ow = value_map_get(r->line, "of_which");

	if ((r->skel = k) == NULL)
		return;
	r->heading = k->kind == BROW_HEADING;
	if (k->kind == BROW_OF_WHICH)
		r->of_which = true;
	else if (r->of_which && b->d != NULL)
		diag_error(b->d, ow->pos, "budget.of-which-not-in-form",
		    budget_line_name(b->a, r), b->f->id, k->code,
		    kinds[strcmp(diags_lang(b->d), "en") == 0][k->kind]);
	/* A line numbered wrongly is matched to another row of the form:
	 * the numbering error says it all. */
	if (k->label != NULL && b->d != NULL &&
	    !label_matches(k, r->label) &&
	    !budget_stt_reported(b->d, r->line->pos.path))
		diag_warning(b->d, lv != NULL ? lv->pos : r->line->pos,
		    k->detail ? "budget.label-differs-detail" :
		    "budget.label-differs", budget_line_name(b->a, r),
		    b->f->id, k->code, k->label);
}

/* A heading has no figure: a stated one is refused, none is computed. */
static void
heading_cells(struct tb *b, struct brow *r)
{
	for (size_t k = 0; k < b->f->ncols; k++) {
		struct bcell *c = &r->cells[k];

		if (c->stated && b->d != NULL)
			diag_error(b->d, c->node->pos, "budget.heading-figure",
			    budget_line_name(b->a, r), budget_col_name(b->d,
			    &b->f->cols[k]), b->f->id, r->code);
		memset(c, 0, sizeof *c);
	}
}

/* "Trong đó" columns never exceed the column they are part of. */
static void
part_columns(struct tb *b, const struct brow *r)
{
	for (size_t k = 0; k < b->f->ncols && b->d != NULL; k++) {
		const struct bcol *col = &b->f->cols[k];
		const struct bcell *c = &r->cells[k], *w;

		if (col->part_of < 0 || !c->has)
			continue;
		w = &r->cells[col->part_of];
		if (!w->has || c->v <= w->v || w->v < 0)
			continue;
		diag_error(b->d, row_pos(r, c), "budget.part-exceeds",
		    budget_line_name(b->a, r), budget_col_name(b->d, col),
		    budget_vi_amount(b->a, c->v, b->t->scale, c->dec),
		    budget_col_name(b->d, &b->f->cols[col->part_of]),
		    budget_vi_amount(b->a,
		    w->v, b->t->scale, w->dec));
	}
}

/* True for a label that begins "Trong đó" (or "trong đó"). */
static bool
of_which_words(const char *label)
{
	while (*label == ' ')
		label++;
	return (label[0] == 'T' || label[0] == 't') &&
	    strncmp(label + 1, "rong \xc4\x91\xc3\xb3", 9) == 0;
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
	r->code = row_code(b->a, r->parent, r->stt);
	match_skeleton(b, r);
	/* "Trong đó: ..." is an "of which" line whatever it says: taken
	 * as one (its figure is then not added up a second time), and
	 * the missing flag is the one message. */
	if (!r->of_which && r->skel == NULL && of_which_words(r->label)) {
		const struct value *lv = value_map_get(line, "label");

		/* of_which: false is the editor's word; any other value
		 * than a boolean the schema reports. */
		if (b->d != NULL && ow == NULL)
			diag_error(b->d, lv != NULL ? lv->pos : line->pos,
			    "budget.of-which-missing", budget_line_name(b->a,
			    r));
		r->of_which = ow == NULL || ow->type != VALUE_BOOL;
	}
	stated(b, r, value_map_get(line, "values"));
	if (r->heading)
		heading_cells(b, r);
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
	if (r->heading)
		return me;
	for (k = 0; k < b->f->ncols; k++)
		if (b->f->cols[k].type == BCOL_AMOUNT && nk > 0)
			sum_kids(b, r, k);
	derived(b, r);
	of_which(b, r);
	part_columns(b, r);
	return me;
}

static const struct brow *
row_by_code(const struct btab *t, const char *code)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].code != NULL && strcmp(t->rows[i].code,
		    code) == 0)
			return &t->rows[i];
	return NULL;
}

/* The form's identities (A.I = A.II + A.III), per amount column. */
static void
identities(struct tb *b)
{
	const struct bform *f = b->f;
	struct btab *t = b->t;

	for (size_t i = 0; i < f->nidents && b->d != NULL; i++) {
		const struct bident *e = &f->idents[i];
		const struct brow *r = row_by_code(t, e->row);
		struct buf names = {0};

		if (r == NULL)
			continue;
		buf_addf(&names, "%s = ", e->row);
		for (size_t j = 0; j < e->nequals; j++)
			buf_addf(&names, "%s%s", j ? " + " : "", e->equals[j]);
		for (size_t k = 0; k < f->ncols; k++) {
			const struct bcell *c = &r->cells[k];
			int64_t sum = 0;
			int dec = c->dec;
			bool any = false, bad = false;

			if (f->cols[k].type != BCOL_AMOUNT || !c->has ||
			    c->bad)
				continue;
			for (size_t j = 0; j < e->nequals && !bad; j++) {
				const struct brow *o = row_by_code(t,
				    e->equals[j]);

				if (o == NULL)
					continue;
				bad = o->cells[k].bad;
				if (bad || !o->cells[k].has)
					continue;
				sum += o->cells[k].v;	/* each < 10^17 */
				if (o->cells[k].dec > dec)
					dec = o->cells[k].dec;
				any = true;
			}
			/* A refused figure has been reported: nothing more. */
			any = any && !bad;
			if (!any || sum == c->v)
				continue;
			diag_error(b->d, row_pos(r, c),
			    "budget.identity-mismatch",
			    budget_line_name(b->a, r), budget_col_name(b->d,
			    &f->cols[k]), buf_cstr(&names),
			    e->label[strcmp(diags_lang(b->d), "en") == 0] ?
			    e->label[strcmp(diags_lang(b->d), "en") == 0] :
			    e->label[0], e->row,
			    budget_vi_amount(b->a, c->v, t->scale, dec),
			    strchr(buf_cstr(&names), '=') + 2,
			    budget_vi_amount(b->a, sum, t->scale, dec),
			    budget_vi_amount(b->a, c->v - sum, t->scale, dec));
		}
		buf_release(&names);
	}
}

/* Rows the form says every record has. */
static void
required_rows(struct tb *b, const struct value *lines)
{
	for (size_t i = 0; i < b->f->nrows && b->d != NULL; i++) {
		const struct bskel *k = &b->f->rows[i];

		if (k->required && row_by_code(b->t, k->code) == NULL)
			diag_error(b->d, lines ? lines->pos : pos_file(NULL),
			    "budget.required-line", b->f->id, k->code,
			    k->label ? k->label : "");
	}
}

bool
budget_headline(const struct btab *t, const char *kind,
    struct bheadline *out)
{
	const struct bform *f = t->form;
	const struct bhead *h = NULL;
	const struct brow *r = NULL;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; kind != NULL && i < f->nheads; i++)
		if (strcmp(f->heads[i].kind, kind) == 0)
			h = &f->heads[i];
	if (h == NULL)
		return false;
	if (strcmp(h->row, "total") == 0) {
		for (size_t i = 0; i < t->nrows; i++)
			if (t->rows[i].is_total)
				r = &t->rows[i];
	} else {
		r = row_by_code(t, h->row);
	}
	if (r == NULL || r->heading || !r->cells[h->col].has)
		return false;
	out->h = h;
	out->row = r;
	out->col = &f->cols[h->col];
	out->cell = &r->cells[h->col];
	for (size_t k = 0; h->pct_of >= 0 && k < f->ncols; k++)
		if (f->cols[k].type == BCOL_PERCENT && f->cols[k].of[0] ==
		    h->col && f->cols[k].of[1] == h->pct_of) {
			out->pct_col = &f->cols[k];
			out->pct = r->cells[k].has ? &r->cells[k] : NULL;
		}
	return true;
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
				c->raw = units_text(b->a, c->v, c->dec, c->dec);
			else
				c->raw = units_text(b->a, c->v, t->scale,
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
	t->record = record;
	t->shown = arena_calloc(a, f->ncols, sizeof *t->shown);
	t->unit_exp = budget_unit_exp(value_map_str(record, "currency_unit"));
	t->scale = scan_scale(f, lines, 0, t->unit_exp);
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
		part_columns(&b, r);
	}
	identities(&b);
	required_rows(&b, lines);
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
    const struct bcell *cell, const struct fmt_style *st)
{
	if (!cell->has)
		return;
	fmt_decimal(b, cell->raw, st);
	if (c->type == BCOL_PERCENT)
		buf_adds(b, st->percent);
}

const struct btab *
budget_table_of(struct site *s, struct item *it, const struct bform *f)
{
	/* An earlier revision may be a copy of the item with other data. */
	if (it->btab == NULL || it->btab->form != f ||
	    it->btab->record != it->data)
		it->btab = budget_table_make(s->arena, NULL, f, it->data);
	return it->btab;
}
