/*
 * Budget disclosures, the forms.  In: generator/forms.yaml (compiled in
 * as forms_yaml) or any such text.  Out: the circulars and forms as
 * structs (columns, row skeletons, identities, headlines, verified and
 * decision flags), and a record's form found by its circular and number,
 * with located errors for a form that is unknown or serves another kind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "budget_forms.h"
#include "budget_table.h"
#include "buf.h"
#include "diag.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

/* forms.yaml ---------------------------------------------------------- */

/*
 * A text of forms.yaml in its two slots, [0] vi and [1] en (dflt when
 * it has none).  The fallback is "vi" and not the site's first language
 * on purpose: forms.yaml is the generator's own file, written in
 * Vietnamese first whatever languages a site has.
 */
static void
ltext2(const struct value *v, const char *out[2], const char *dflt)
{
	const char *t;

	t = value_ltext(v, "vi", "vi");
	out[0] = t != NULL ? t : dflt;
	t = value_ltext(v, "en", "vi");
	out[1] = t != NULL ? t : dflt;
}

int
budget_form_col(const struct bform *f, const char *key)
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
		return diag_error(d, cv->pos, "budget.form-column-fields");
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
		return diag_error(d, cv->pos, "budget.form-column-type",
		    type);
	c->role = role == NULL ? BROLE_NONE : strcmp(role, "estimate") == 0 ?
	    BROLE_ESTIMATE : strcmp(role, "execution") == 0 ?
	    BROLE_EXECUTION : strcmp(role, "approved") == 0 ?
	    BROLE_APPROVED : BROLE_NONE;
	if (role != NULL && c->role == BROLE_NONE)
		return diag_error(d, cv->pos, "budget.form-column-role",
		    role);
	c->part_of = -1;
	if ((v = value_map_get(cv, "of_which")) != NULL) {
		for (size_t m = 0; m < i && v->type == VALUE_STR; m++)
			if (strcmp(f->cols[m].key, v->text) == 0 &&
			    f->cols[m].type == BCOL_AMOUNT)
				c->part_of = (int)m;
		if (c->part_of < 0 || c->type != BCOL_AMOUNT)
			return diag_error(d, v->pos,
			    "budget.form-column-of-which");
	}
	if (c->type == BCOL_AMOUNT)
		return 0;
	/* Operands must be earlier amount columns. */
	if (of == NULL || of->type != VALUE_LIST || of->n != 2)
		return diag_error(d, cv->pos, "budget.form-column-of",
		    c->key);
	for (int k = 0; k < 2; k++) {
		int j = -1;
		size_t m;

		for (m = 0; m < i; m++)
			if (strcmp(f->cols[m].key, of->items[k]->text) == 0)
				j = (int)m;
		if (j < 0 || f->cols[j].type != BCOL_AMOUNT)
			return diag_error(d, of->items[k]->pos,
			    "budget.form-column-of-unknown",
			    of->items[k]->text);
		c->of[k] = j;
	}
	return 0;
}

/* Space-separated words of a list of strings; arena. */
static const char *
words(struct arena *a, const struct value *l)
{
	struct buf b = {0};
	const char *s;

	for (size_t i = 0; l != NULL && l->type == VALUE_LIST && i < l->n;
	    i++) {
		if (i)
			buf_addc(&b, ' ');
		buf_add(&b, l->items[i]->text, l->items[i]->len);
	}
	s = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return s;
}

static bool
flag(const struct value *m, const char *key)
{
	const struct value *v = value_map_get(m, key);

	return v != NULL && v->type == VALUE_BOOL && v->u.b;
}

const struct bskel *
budget_form_skel(const struct bform *f, const char *code)
{
	for (size_t i = 0; code != NULL && i < f->nrows; i++)
		if (strcmp(f->rows[i].code, code) == 0)
			return &f->rows[i];
	return NULL;
}

/* rows:, identities: and headline: of a form. */
static int
load_skeleton(struct arena *a, struct diags *d, struct bform *f,
    const struct value *fv)
{
	static const char *const kinds[] = {"", "heading", "sum", "stated",
	    "of_which"};
	const struct value *rows = value_map_get(fv, "rows");
	const struct value *ids = value_map_get(fv, "identities");
	const struct value *hl = value_map_get(fv, "headline");
	const char *lab[2];
	size_t i, j;
	int rc = 0;

	if (rows != NULL && rows->type == VALUE_LIST) {
		f->rows = arena_calloc(a, rows->n + 1, sizeof *f->rows);
		for (i = 0; i < rows->n; i++) {
			const struct value *rv = rows->items[i];
			struct bskel *k = &f->rows[f->nrows];
			const char *kind = value_map_str(rv, "kind");

			k->code = value_map_str(rv, "code");
			k->node = rv;
			for (j = 1; kind != NULL && j < 5; j++)
				if (strcmp(kind, kinds[j]) == 0)
					k->kind = (enum brow_kind)j;
			if (k->code == NULL || k->kind == BROW_ANY) {
				rc = diag_error(d, rv->pos,
				    "budget.form-row-fields", f->id);
				continue;
			}
			if (budget_form_skel(f, k->code) != NULL) {
				rc = diag_error(d, rv->pos,
				    "budget.form-row-twice", f->id, k->code);
				continue;
			}
			if (value_map_get(rv, "label") != NULL) {
				ltext2(value_map_get(rv, "label"), lab, NULL);
				k->label = lab[0];
			}
			k->detail = flag(rv, "detail");
			k->required = flag(rv, "required");
			f->nrows++;
		}
	}
	if (ids != NULL && ids->type == VALUE_LIST) {
		f->idents = arena_calloc(a, ids->n + 1, sizeof *f->idents);
		for (i = 0; i < ids->n; i++) {
			const struct value *iv = ids->items[i];
			const struct value *eq = value_map_get(iv, "equals");
			struct bident *e = &f->idents[f->nidents];

			e->row = value_map_str(iv, "row");
			if (e->row == NULL || eq == NULL ||
			    eq->type != VALUE_LIST || eq->n == 0) {
				rc = diag_error(d, iv->pos,
				    "budget.form-identity-fields", f->id);
				continue;
			}
			e->equals = arena_calloc(a, eq->n, sizeof *e->equals);
			for (j = 0; j < eq->n; j++)
				e->equals[j] = eq->items[j]->text;
			e->nequals = eq->n;
			ltext2(value_map_get(iv, "label"), e->label, "");
			f->nidents++;
		}
	}
	if (hl != NULL && hl->type == VALUE_MAP) {
		f->heads = arena_calloc(a, hl->n + 1, sizeof *f->heads);
		for (i = 0; i < hl->n; i++) {
			const struct value *hv = hl->pairs[i].val;
			struct bhead *h = &f->heads[f->nheads];
			const char *col = value_map_str(hv, "column");
			const char *pct = value_map_str(hv, "percent_of");

			h->kind = hl->pairs[i].key;
			h->row = value_map_str(hv, "row");
			h->col = col ? budget_form_col(f, col) : -1;
			h->pct_of = pct ? budget_form_col(f, pct) : -1;
			ltext2(value_map_get(hv, "label"), h->label, "");
			if (h->row == NULL || h->col < 0 ||
			    f->cols[h->col].type != BCOL_AMOUNT ||
			    (pct != NULL && h->pct_of < 0)) {
				rc = diag_error(d, hv->pos,
				    "budget.form-headline-fields", f->id);
				continue;
			}
			f->nheads++;
		}
	}
	return rc;
}

/*
 * rows_from: ID: the skeleton of an earlier form, in its order, with the
 * rows f lists itself taking the place of the same codes (f's other
 * rows follow).
 */
static int
rows_from(struct arena *a, struct diags *d, const struct bforms *fs,
    struct bform *f, const struct value *v)
{
	const struct bform *src = NULL;
	struct bskel *rows;
	size_t n = 0, i;

	for (i = 0; i < fs->n && &fs->forms[i] != f; i++)
		if (v->type == VALUE_STR && strcmp(fs->forms[i].id,
		    v->text) == 0)
			src = &fs->forms[i];
	if (src == NULL)
		return diag_error(d, v->pos, "budget.form-rows-from",
		    f->id);
	rows = arena_calloc(a, src->nrows + f->nrows + 1, sizeof *rows);
	for (i = 0; i < src->nrows; i++) {
		const struct bskel *own = budget_form_skel(f, src->rows[i].code);

		rows[n++] = own != NULL ? *own : src->rows[i];
	}
	for (i = 0; i < f->nrows; i++)
		if (budget_form_skel(src, f->rows[i].code) == NULL)
			rows[n++] = f->rows[i];
	f->rows = rows;
	f->nrows = n;
	return 0;
}

static int
load_form(struct arena *a, struct diags *d, struct bforms *fs,
    struct bform *f, const struct value *fv)
{
	const struct value *cols = value_map_get(fv, "columns");
	const struct value *kinds = value_map_get(fv, "kinds");
	const char *colon;
	size_t i;
	int rc = 0;

	f->id = value_map_str(fv, "id");
	if (f->id == NULL || (colon = strrchr(f->id, ':')) == NULL)
		return diag_error(d, fv->pos, "budget.form-id");
	f->circular = arena_strndup(a, f->id, (size_t)(colon - f->id));
	f->number = colon + 1;
	ltext2(value_map_get(fv, "title"), f->title, f->id);
	if (value_map_get(fv, "total") != NULL)
		ltext2(value_map_get(fv, "total"), f->total, "Total");
	for (i = 0; i < fs->ncircs; i++)
		if (strcmp(fs->circs[i].circular, f->circular) == 0)
			f->circ = &fs->circs[i];
	if (f->circ == NULL)
		return diag_error(d, fv->pos, "budget.form-circular",
		    f->id, f->circular);
	if (kinds == NULL || kinds->type != VALUE_LIST || kinds->n == 0)
		return diag_error(d, fv->pos, "budget.form-kinds", f->id);
	f->kinds = words(a, kinds);
	/* Unverified unless forms.yaml says otherwise, in so many words. */
	f->verified = flag(fv, "verified");
	f->decision = flag(fv, "decision");
	if (f->decision)
		return 0;	/* a decision: no table */
	if (cols == NULL || cols->type != VALUE_LIST || cols->n == 0)
		return diag_error(d, fv->pos, "budget.form-columns", f->id);
	f->ncols = cols->n;
	f->cols = arena_calloc(a, cols->n, sizeof *f->cols);
	for (i = 0; i < cols->n; i++) {
		if (load_column(a, d, f, i, cols->items[i]) == -1) {
			rc = -1;
			continue;
		}
		/* Keys are unique within a form (checked after loading). */
		if (budget_form_col(f, f->cols[i].key) != (int)i)
			rc = diag_error(d, cols->items[i]->pos,
			    "budget.form-column-twice", f->cols[i].key,
			    f->id);
	}
	if (rc == 0)
		rc = load_skeleton(a, d, f, fv);
	if (rc == 0 && value_map_get(fv, "rows_from") != NULL)
		rc = rows_from(a, d, fs, f, value_map_get(fv, "rows_from"));
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
		diag_error(d, pos_file(name), "budget.forms-lists");
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
			rc = diag_error(d, cv->pos,
			    "budget.forms-circular-missing");
			c->circular = "";
		}
		ltext2(value_map_get(cv, "rule"), c->rule, c->circular);
		if ((v = value_map_get(cv, "aliases")) != NULL &&
		    v->type == VALUE_LIST) {
			c->aliases = arena_calloc(a, v->n + 1,
			    sizeof *c->aliases);
			for (size_t k = 0; k < v->n; k++)
				c->aliases[c->naliases++] = v->items[k]->text;
		}
		c->periods = value_map_get(cv, "periods") ? words(a,
		    value_map_get(cv, "periods")) : NULL;
		c->periods_rule = value_map_str(cv, "periods_rule");
		c->years_rule = value_map_str(cv, "years_rule");
		c->years = value_map_get(cv, "fiscal_years");
		c->since = value_map_str(cv, "since");
		c->until = value_map_str(cv, "until");
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

const struct bforms *
budget_forms_of(struct site *s)
{
	if (s->forms == NULL)
		s->forms = budget_forms_builtin(s->arena, s->diags);
	return s->forms;
}

static bool
same(const char *a, const char *s, size_t n)
{
	return strlen(a) == n && memcmp(a, s, n) == 0;
}

/* True when circ[0..n) names c: its number or one of its aliases. */
static bool
circ_named(const struct bcirc *c, const char *circ, size_t n)
{
	if (c == NULL)
		return false;
	if (same(c->circular, circ, n))
		return true;
	for (size_t i = 0; i < c->naliases; i++)
		if (same(c->aliases[i], circ, n))
			return true;
	return false;
}

const struct bform *
budget_form_by_id(const struct bforms *fs, const char *id)
{
	/* The number may hold no ':'; the circular never does. */
	const char *colon = id ? strchr(id, ':') : NULL;
	size_t i;

	if (colon == NULL)
		return NULL;
	for (i = 0; i < fs->n; i++) {
		const struct bform *f = &fs->forms[i];

		if (strcmp(f->number, colon + 1) == 0 &&
		    circ_named(f->circ, id, (size_t)(colon - id)))
			return f;
	}
	return NULL;
}

int
budget_unit_exp(const char *cu)
{
	static const struct { const char *u; int e; } t[] = {{"dong", 0},
	    {"nghin_dong", 3}, {"trieu_dong", 6}, {"ty_dong", 9}};

	for (size_t i = 0; cu != NULL && i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].u, cu) == 0)
			return t[i].e;
	return -1;
}

/* "90/2018/TT-BTC:3, 26/2026/TT-BTC:75": the table forms of kind. */
static void
forms_of_kind(struct buf *b, const struct bforms *fs, const char *kind)
{
	bool first = true;

	for (size_t i = 0; i < fs->n; i++)
		if (!fs->forms[i].decision && utf8_has_word(fs->forms[i].kinds,
		    kind)) {
			buf_addf(b, "%s%s", first ? "" : ", ",
			    fs->forms[i].id);
			first = false;
		}
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

		if (!circ_named(f->circ, circ, strlen(circ)) ||
		    strcmp(f->number, num) != 0)
			continue;
		if (f->decision) {
			if (d != NULL)
				diag_error(d, form->pos,
				    "budget.form-is-decision", f->id);
			return NULL;
		}
		if (d != NULL && kind != NULL && !utf8_has_word(f->kinds, kind)) {
			forms_of_kind(&b, fs, kind);
			diag_error(d, form->pos, "budget.form-kind", f->id,
			    f->kinds, kind, buf_cstr(&b));
			buf_release(&b);
		}
		return f;
	}
	if (d == NULL)
		return NULL;
	for (i = 0; i < fs->n; i++)
		buf_addf(&b, "%s%s (%s)", i ? ", " : "", fs->forms[i].id,
		    fs->forms[i].decision ? "QĐ" : fs->forms[i].kinds);
	diag_error(d, form->pos, "budget.form-unknown", circ, num,
	    buf_cstr(&b));
	buf_release(&b);
	return NULL;
}

int
budget_form_row(const struct bform *f, const char *code)
{
	const struct bskel *k = f != NULL ? budget_form_skel(f, code) : NULL;

	return k != NULL ? (int)(k - f->rows) : -1;
}
