/*
 * Budget series and yearly chains, model stage (after the budget frames).
 * In: each language's budget records grouped by unit.name.  Out: a
 * series page per unit (<list>/chuoi/<unit-slug>/, "series" in other
 * languages) with every row code across years and records, its CSV and
 * XLSX, the same unit's page in the other languages as translations;
 * series_url on each record's frame; budget_units on the collection's
 * first list page: each unit's years, each year's chain.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "budget_forms.h"
#include "budget_model.h"
#include "budget_series.h"
#include "budget_table.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "segments.h"
#include "site.h"
#include "site_lists.h"
#include "theme.h"
#include "utf8.h"
#include "value.h"
#include "words.h"
#include "xlsx.h"

/* The row columns of a series CSV before the figures (code, level,
 * parent, kind, STT, label), as in a record's. */
#define SERIES_FIXED 6

/* One record of a unit in the series. */
struct srec {
	struct item *it;
	const char *unit;	/* unit.name */
	int year;		/* fiscal_year */
	int rank;	/* 0 estimate, 1 adjustment, 2 report, 3 accounts */
	int month;	/* the period's last month: quy_1 3 ... nam 12 */
	const char *kind, *adjusts;
	const struct btab *t;
	const char **codes;
};

/* One column of the series: amount column k of record r. */
struct scol {
	const struct srec *r;
	size_t k;
};

/* One row of the series: the newest record's text of a code. */
struct srow {
	const char *code, *parent, *kind, *stt, *label;
	int depth;
};

struct series {
	struct site *s;
	int lang, li;
	struct srec *v;		/* one unit's records, in chain order */
	size_t n;
	struct scol *cols;
	size_t ncols;
	struct srow *rows;
	size_t nrows, caprows;
	const struct bcell **cells;	/* [col * caprows + row], or NULL */
};

/* A unit's series page in one language, kept until every language has
 * its own so that each can name the others (hreflang alternates). */
struct spage {
	int lang;
	struct value *f;	/* its frame */
	const char *url, *title;
	const struct item **keys;	/* its records, one per translation
					 * group (group_of) */
	size_t nkeys;
};

struct spages {
	struct spage *v;
	size_t n, cap;
};

/* The record standing for its translation group: its first language
 * version (one pointer for every version of one record). */
static const struct item *
group_of(const struct site *s, const struct item *it)
{
	for (size_t l = 0; l < s->nlangs; l++)
		if (it->tr[l] != NULL)
			return it->tr[l];
	return it;
}

static struct value *
vs(struct site *s, const char *t)
{
	return value_strz(s->arena, t ? t : "");
}

static void
put(struct site *s, struct value *m, const char *key, const char *t)
{
	value_map_set(s->arena, m, key, vs(s, t));
}

static int
period_month(const char *p)
{
	static const char *const t[] = {"quy_1", "quy_2", "6_thang", "quy_3",
	    "9_thang", "quy_4", "nam"};
	static const int m[] = {3, 6, 6, 9, 9, 12, 12};

	for (size_t i = 0; p != NULL && i < sizeof m / sizeof m[0]; i++)
		if (strcmp(t[i], p) == 0)
			return m[i];
	return 12;
}

static int
kind_rank(const char *kind, const char *adjusts)
{
	if (adjusts != NULL)
		return 1;
	if (kind != NULL && strcmp(kind, "thuc_hien") == 0)
		return 2;
	if (kind != NULL && strcmp(kind, "quyet_toan") == 0)
		return 3;
	return 0;
}

/* Unit, fiscal year, chain step, period, date, path. */
static int
rec_cmp(const void *pa, const void *pb)
{
	const struct srec *a = pa, *b = pb;
	int c = strcmp(a->unit, b->unit);

	if (c != 0)
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	c = strcmp(a->it->date ? a->it->date : "",
	    b->it->date ? b->it->date : "");
	return c != 0 ? c : strcmp(a->it->path, b->it->path);
}

/*
 * The records of co that lists of language lang show, with a unit name,
 * a fiscal year and a known form, sorted by rec_cmp; *n set.
 */
static struct srec *
records_of(struct site *s, const struct bforms *fs, struct collection *co,
    int lang, size_t *n)
{
	struct srec *v = arena_calloc(s->arena, co->n + 1, sizeof *v);
	size_t k = 0;

	for (size_t i = 0; i < co->n; i++) {
		struct item *it = co->items[i];
		const struct value *d = it->data, *y;
		const struct bform *f;
		struct srec *r = &v[k];

		if (!site_shows(s, it, lang) || d == NULL)
			continue;
		y = value_map_get(d, "fiscal_year");
		r->unit = value_map_str(value_map_get(d, "unit"), "name");
		f = budget_form_find(fs, d, NULL);
		if (r->unit == NULL || y == NULL || y->type != VALUE_INT ||
		    f == NULL)
			continue;
		r->it = it;
		r->year = (int)y->u.i;
		r->kind = value_map_str(d, "kind");
		r->adjusts = value_map_str(d, "adjusts");
		r->rank = kind_rank(r->kind, r->adjusts);
		r->month = period_month(value_map_str(d, "period"));
		r->t = budget_table_of(s, it, f);
		r->codes = budget_row_codes(s->arena, r->t);
		k++;
	}
	qsort(v, k, sizeof *v, rec_cmp);
	*n = k;
	return v;
}

static size_t
row_find(const struct series *x, const char *code)
{
	for (size_t i = 0; i < x->nrows; i++)
		if (strcmp(x->rows[i].code, code) == 0)
			return i;
	return (size_t)-1;
}

/*
 * The rows: every code of every record, newest record first, a code new
 * to the list put after the row that precedes it in its own record.
 */
static void
merge_rows(struct series *x)
{
	struct arena *a = x->s->arena;
	size_t total = 0, i, j;

	for (i = 0; i < x->n; i++)
		total += x->v[i].t->nrows;
	x->caprows = total + 1;
	x->rows = arena_calloc(a, x->caprows, sizeof *x->rows);
	for (i = x->n; i-- > 0;) {
		const struct srec *r = &x->v[i];
		size_t at = 0;

		for (j = 0; j < r->t->nrows; j++) {
			const struct brow *b = &r->t->rows[j];
			size_t p = row_find(x, r->codes[j]);
			struct srow *w;

			if (p != (size_t)-1) {
				/* Lines in any record: a sum in the series. */
				if (strcmp(budget_row_kind(r->t, b), "sum") ==
				    0 && strcmp(x->rows[p].kind, "stated") == 0)
					x->rows[p].kind = "sum";
				at = p + 1;
				continue;
			}
			memmove(&x->rows[at + 1], &x->rows[at],
			    (x->nrows - at) * sizeof *x->rows);
			w = &x->rows[at];
			w->code = r->codes[j];
			w->parent = b->parent ?
			    r->codes[b->parent - r->t->rows] : "";
			w->kind = budget_row_kind(r->t, b);
			w->stt = b->stt;
			w->label = b->label;
			w->depth = b->depth;
			x->nrows++;
			at++;
		}
	}
}

/* The columns (each shown amount column of each record) and cells. */
static void
fill_cells(struct series *x)
{
	struct arena *a = x->s->arena;
	size_t i, k, n = 0;

	for (i = 0; i < x->n; i++)
		for (k = 0; k < x->v[i].t->form->ncols; k++)
			if (x->v[i].t->shown[k] &&
			    x->v[i].t->form->cols[k].type == BCOL_AMOUNT)
				n++;
	x->cols = arena_calloc(a, n + 1, sizeof *x->cols);
	x->cells = arena_calloc(a, (n + 1) * x->caprows, sizeof *x->cells);
	for (i = 0; i < x->n; i++) {
		const struct srec *r = &x->v[i];

		for (k = 0; k < r->t->form->ncols; k++) {
			if (!r->t->shown[k] ||
			    r->t->form->cols[k].type != BCOL_AMOUNT)
				continue;
			x->cols[x->ncols].r = r;
			x->cols[x->ncols].k = k;
			for (size_t j = 0; j < r->t->nrows; j++)
				x->cells[x->ncols * x->caprows +
				    row_find(x, r->codes[j])] =
				    &r->t->rows[j].cells[k];
			x->ncols++;
		}
	}
}

/* "Quyết toán ngân sách năm 2019" (+ "điều chỉnh" for an adjustment). */
static const char *
rec_name(const struct series *x, const struct srec *r)
{
	struct arena *a = x->s->arena;
	const struct value *d = r->it->data;
	const char *lang = x->s->langs[x->lang];
	const char *p = budget_period_text(x->s, lang, value_map_str(d,
	    "period"), arena_printf(a, "%d", r->year));
	const char *num = value_map_str(value_map_get(d, "decision"),
	    "number");
	const char *name = arena_printf(a, "%s %s",
	    budget_kind_text(x->s, lang, r->kind), p);

	if (r->adjusts == NULL)
		return name;
	return arena_printf(a, "%s (%s%s%s)", name, site_word(x->s, lang,
	    "budget.adjustment"), num ? ", " : "", num ? num : "");
}

/* "2019 · Quyết toán … năm 2019: Số liệu quyết toán được duyệt (đồng)" */
static const char *
col_heading(const struct series *x, const struct scol *c)
{
	const struct bcol *col = &c->r->t->form->cols[c->k];

	return arena_printf(x->s->arena, "%d · %s: %s (%s)", c->r->year,
	    rec_name(x, c->r), col->label[x->li], budget_unit_text(x->s,
	    x->s->langs[x->lang], value_map_str(c->r->it->data,
	    "currency_unit")));
}

/* The series CSV: the record CSV's conventions, one column per scol. */
static void
series_csv(const struct series *x, struct buf *b)
{
	size_t i, k;

	buf_adds(b, "\xef\xbb\xbf");
	buf_adds(b, budget_csv_head(x->s, x->s->langs[x->lang]));
	for (k = 0; k < x->ncols; k++) {
		const char *h = col_heading(x, &x->cols[k]);

		buf_addc(b, ',');
		buf_add_csv(b, h, strlen(h));
	}
	buf_adds(b, "\r\n");
	for (i = 0; i < x->nrows; i++) {
		const struct srow *w = &x->rows[i];

		buf_add_csv(b, w->code, strlen(w->code));
		buf_addf(b, ",%d,", w->depth);
		buf_add_csv(b, w->parent, strlen(w->parent));
		buf_addf(b, ",%s,", w->kind);
		buf_add_csv(b, w->stt, strlen(w->stt));
		buf_addc(b, ',');
		buf_add_csv(b, w->label, strlen(w->label));
		for (k = 0; k < x->ncols; k++) {
			const struct bcell *c = x->cells[k * x->caprows + i];

			buf_addc(b, ',');
			if (c != NULL && c->has)
				buf_adds(b, c->raw);
		}
		buf_adds(b, "\r\n");
	}
}

/*
 * The series XLSX: the page's title above the CSV's table cell for cell
 * (the row's code, parent, kind, STT and label as text, its level and
 * the figures as numbers), as the records' workbooks (budget_model.c);
 * tests/xlsx-vs-csv.py compares the two.
 */
static int
series_xlsx(const struct series *x, const char *title, struct buf *b,
    const char **why)
{
	struct arena *a = x->s->arena;
	const char *p = budget_csv_head(x->s, x->s->langs[x->lang]);
	const char **heads, **cells;
	bool *numeric;
	struct xlsx_table t = {0};
	size_t i, k, c;

	t.ncols = SERIES_FIXED + x->ncols;
	heads = arena_calloc(a, t.ncols, sizeof *heads);
	numeric = arena_calloc(a, t.ncols, sizeof *numeric);
	for (c = 0; c < SERIES_FIXED; c++) {
		size_t n = strcspn(p, ",");

		heads[c] = arena_strndup(a, p, n);
		p += n + (p[n] == ',');
	}
	numeric[1] = true;	/* the level */
	for (k = 0; k < x->ncols; k++) {
		heads[c] = col_heading(x, &x->cols[k]);
		numeric[c++] = true;
	}
	cells = arena_calloc(a, x->nrows * t.ncols + 1, sizeof *cells);
	for (i = 0; i < x->nrows; i++) {
		const struct srow *w = &x->rows[i];
		const char **row = cells + i * t.ncols;

		row[0] = w->code;
		row[1] = arena_printf(a, "%d", w->depth);
		row[2] = w->parent;
		row[3] = w->kind;
		row[4] = w->stt;
		row[5] = w->label;
		for (k = 0; k < x->ncols; k++) {
			const struct bcell *cl = x->cells[k * x->caprows + i];

			row[SERIES_FIXED + k] = cl != NULL && cl->has ?
			    cl->raw : NULL;
		}
	}
	t.name = site_word(x->s, x->s->langs[x->lang], "budget.series_title");
	t.titles = &title;
	t.ntitles = 1;
	t.heads = heads;
	t.numeric = numeric;
	t.cells = cells;
	t.nrows = x->nrows;
	return xlsx_write(&t, 1, x->s->build_date, b, why);
}

/* The page's frame: columns, rows with their cells, the records. */
static struct value *
series_frame(const struct series *x)
{
	struct site *s = x->s;
	struct arena *a = s->arena;
	struct value *f = value_map(a), *cols = value_list(a);
	struct value *rows = value_list(a), *recs = value_list(a);
	struct buf b = {0};
	size_t i, k;

	for (k = 0; k < x->ncols; k++) {
		const struct scol *c = &x->cols[k];
		struct value *m = value_map(a);

		put(s, m, "year", arena_printf(a, "%d", c->r->year));
		put(s, m, "record", rec_name(x, c->r));
		put(s, m, "record_url", c->r->it->url);
		put(s, m, "label", c->r->t->form->cols[c->k].label[x->li]);
		put(s, m, "unit", budget_unit_text(s, s->langs[x->lang],
		    value_map_str(c->r->it->data, "currency_unit")));
		value_list_push(a, cols, m);
	}
	for (i = 0; i < x->nrows; i++) {
		const struct srow *w = &x->rows[i];
		struct value *m = value_map(a), *cells = value_list(a);

		put(s, m, "code", w->code);
		put(s, m, "stt", w->stt);
		put(s, m, "label", w->label);
		put(s, m, "level", arena_printf(a, "level-%d",
		    w->depth > 5 ? 5 : w->depth));
		value_map_set(a, m, "is_of_which", value_bool(a,
		    strcmp(w->kind, "of_which") == 0));
		value_map_set(a, m, "is_total", value_bool(a,
		    strcmp(w->kind, "total") == 0));
		value_map_set(a, m, "is_parent", value_bool(a,
		    strcmp(w->kind, "sum") == 0));
		for (k = 0; k < x->ncols; k++) {
			const struct bcell *c = x->cells[k * x->caprows + i];
			struct value *cv = value_map(a);

			buf_reset(&b);
			if (c != NULL)
				budget_cell_text(&b, &x->cols[k].r->t->form->
				    cols[x->cols[k].k], c, site_fmt(s,
				    s->langs[x->lang]));
			put(s, cv, "text", buf_cstr(&b));
			value_map_set(a, cv, "is_empty", value_bool(a,
			    c == NULL || !c->has));
			value_list_push(a, cells, cv);
		}
		value_map_set(a, m, "cells", cells);
		value_list_push(a, rows, m);
	}
	for (i = 0; i < x->n; i++) {
		struct value *m = value_map(a);

		put(s, m, "year", arena_printf(a, "%d", x->v[i].year));
		put(s, m, "name", rec_name(x, &x->v[i]));
		put(s, m, "title", value_map_str(x->v[i].it->data, "title") ?
		    value_map_str(x->v[i].it->data, "title") :
		    rec_name(x, &x->v[i]));
		put(s, m, "url", x->v[i].it->url);
		value_list_push(a, recs, m);
	}
	buf_release(&b);
	value_map_set(a, f, "columns", cols);
	value_map_set(a, f, "rows", rows);
	value_map_set(a, f, "records", recs);
	value_map_set(a, f, "is_budget_series", value_bool(a, true));
	return f;
}

/* The chain step of a record: which list of the year it joins. */
static const char *const steps[] = {"estimates", "adjustments", "reports",
    "accounts"};

/*
 * One unit's years for the list page, newest first, each with its
 * chain: {year, estimates, adjustments, reports, accounts} (lists of
 * {title, url, name, published_on_text, adjusts_title, adjusts_url},
 * and has_<step>).
 */
static struct value *
chain_years(const struct series *x)
{
	struct site *s = x->s;
	struct arena *a = s->arena;
	struct value *years = value_list(a), *y = NULL;
	size_t i, j, st;

	for (i = 0; i < x->n; i++) {
		const struct srec *r = &x->v[i];
		struct value *m = value_map(a);
		const char *adj = NULL, *adj_url = NULL;
		struct buf b = {0};

		if (y == NULL || x->v[i - 1].year != r->year) {
			y = value_map(a);
			put(s, y, "year", arena_printf(a, "%d", r->year));
			for (st = 0; st < 4; st++) {
				value_map_set(a, y, steps[st], value_list(a));
				value_map_set(a, y, arena_printf(a, "has_%s",
				    steps[st]), value_bool(a, false));
			}
			value_list_push(a, years, y);
		}
		/* The record adjusted: its slug or file name, this unit. */
		for (j = 0; r->adjusts != NULL && j < x->n; j++)
			if (strcmp(x->v[j].it->slug, r->adjusts) == 0 ||
			    strcmp(x->v[j].it->base, r->adjusts) == 0) {
				adj = rec_name(x, &x->v[j]);
				adj_url = x->v[j].it->url;
			}
		put(s, m, "title", value_map_str(r->it->data, "title") ?
		    value_map_str(r->it->data, "title") : rec_name(x, r));
		put(s, m, "url", r->it->url);
		put(s, m, "name", rec_name(x, r));
		if (value_map_str(r->it->data, "published_on") != NULL)
			fmt_date(&b, value_map_str(r->it->data,
			    "published_on"), site_fmt(s, s->langs[x->lang]));
		put(s, m, "published_on_text", buf_cstr(&b));
		buf_release(&b);
		put(s, m, "adjusts_title", adj ? adj : r->adjusts);
		put(s, m, "adjusts_url", adj_url);
		value_list_push(a, value_map_get(y, steps[r->rank]), m);
		value_map_set(a, y, arena_printf(a, "has_%s",
		    steps[r->rank]), value_bool(a, true));
	}
	/* Lists show the newest year first; within a year, chain order. */
	for (i = 0; i < years->n / 2; i++) {
		struct value *t = years->items[i];

		years->items[i] = years->items[years->n - 1 - i];
		years->items[years->n - 1 - i] = t;
	}
	return years;
}

/* "Ban Quản lý…" → "ban-quan-ly…", unique among used[0..n). */
static const char *
unit_slug(struct site *s, const char *unit, const char **used, size_t n)
{
	const char *base = utf8_slugify(s->arena, unit, strlen(unit));
	const char *slug;
	int k = 1;

	if (base == NULL || base[0] == '\0')
		base = "don-vi";
	slug = base;
	for (size_t i = 0; i < n; i++)
		if (strcmp(used[i], slug) == 0) {
			slug = arena_printf(s->arena, "%s-%d", base, ++k);
			i = (size_t)-1;
		}
	return slug;
}

/* The first list page of co in language lang, or NULL. */
static struct value *
first_list_page(struct site *s, struct collection *co, int lang)
{
	for (size_t i = 0; i < s->npages; i++) {
		const struct page *p = &s->pages[i];
		const struct value *f = p->nframes > 1 ? p->frames[1] : NULL;

		if (f == NULL || p->frames[0] != s->globals[lang] ||
		    value_map_get(f, "is_list") == NULL ||
		    value_map_str(f, "url") == NULL ||
		    strcmp(value_map_str(f, "url"), co->list_url[lang]) != 0)
			continue;
		/* The model stage owns the frames it made until render. */
		return (struct value *)f;
	}
	return NULL;
}

/* One collection in one language: each unit's series and chain. */
static void
series_lang(struct site *s, const struct theme *th, const struct bforms *fs,
    struct collection *co, int lang, struct spages *out)
{
	struct arena *a = s->arena;
	const struct mustache *tm = th ? theme_find(th, "budget-series") :
	    NULL;
	struct value *list = first_list_page(s, co, lang);
	struct value *units = value_list(a);
	struct series x = {s, lang, strcmp(s->langs[lang], "vi") != 0,
	    NULL, 0, NULL, 0, NULL, 0, 0, NULL};
	struct srec *v;
	const char **used;
	size_t n, i, j, nu = 0;
	const char *seg = site_segment(s, lang, "series");

	if (!co->list || co->list_url[lang] == NULL)
		return;
	v = records_of(s, fs, co, lang, &n);
	used = arena_calloc(a, n + 1, sizeof *used);
	for (i = 0; i < n; i = j) {
		const char *slug, *url, *dir, *title, *why;
		struct value *f, *u, *bc;
		struct spage *sp;
		bool xl = false;
		const struct value *crumbs;
		struct page *pg;
		struct buf b = {0};

		for (j = i; j < n && strcmp(v[j].unit, v[i].unit) == 0; j++)
			;
		x.cols = NULL;
		x.rows = NULL;
		x.cells = NULL;
		x.ncols = x.nrows = x.caprows = 0;
		x.v = &v[i];
		x.n = j - i;
		merge_rows(&x);
		fill_cells(&x);
		slug = unit_slug(s, v[i].unit, used, nu);
		used[nu++] = slug;
		url = arena_printf(a, "%s%s/%s/", co->list_url[lang], seg,
		    slug);
		dir = url + strlen(s->root);
		title = arena_printf(a, "%s: %s", site_word(s, s->langs[lang],
		    "budget.series_title"), v[i].unit);
		series_csv(&x, &b);
		pg = site_add_page(s, arena_printf(a, "%sdu-lieu.csv", dir),
		    v[i].it->path);
		pg->len = b.len;
		pg->data = buf_keep(&b, a);
		if (series_xlsx(&x, title, &b, &why) == -1) {
			diag_error(s->diags, pos_file(v[i].it->path),
			    "budget.xlsx-failed", why);
			buf_reset(&b);
		} else {
			pg = site_add_page(s, arena_printf(a,
			    "%sdu-lieu.xlsx", dir), v[i].it->path);
			pg->len = b.len;
			pg->data = buf_keep(&b, a);
			xl = true;
		}
		buf_release(&b);
		u = value_map(a);
		put(s, u, "name", v[i].unit);
		put(s, u, "slug", slug);
		put(s, u, "series_csv_url", arena_printf(a, "%sdu-lieu.csv",
		    url));
		if (xl)
			put(s, u, "series_xlsx_url", arena_printf(a,
			    "%sdu-lieu.xlsx", url));
		put(s, u, "series_url", tm ? url : NULL);
		value_map_set(a, u, "years", chain_years(&x));
		value_list_push(a, units, u);
		for (size_t k = i; k < j; k++)
			if (v[k].it->lang_index == lang &&
			    v[k].it->frame != NULL) {
				put(s, v[k].it->frame, "series_csv_url",
				    arena_printf(a, "%sdu-lieu.csv", url));
				if (tm != NULL)
					put(s, v[k].it->frame, "series_url",
					    url);
			}
		if (tm == NULL)
			continue;
		f = series_frame(&x);
		put(s, f, "title", title);
		put(s, f, "unit_name", v[i].unit);
		put(s, f, "url", url);
		put(s, f, "csv_url", arena_printf(a, "%sdu-lieu.csv", url));
		if (xl)
			put(s, f, "xlsx_url", arena_printf(a,
			    "%sdu-lieu.xlsx", url));
		out->v = arena_grow(a, out->v, out->n, &out->cap,
		    sizeof *out->v);
		sp = &out->v[out->n++];
		sp->lang = lang;
		sp->f = f;
		sp->url = url;
		sp->title = title;
		sp->keys = arena_calloc(a, x.n, sizeof *sp->keys);
		for (sp->nkeys = 0; sp->nkeys < x.n; sp->nkeys++)
			sp->keys[sp->nkeys] = group_of(s, x.v[sp->nkeys].it);
		bc = value_list(a);
		crumbs = list ? value_map_get(list, "breadcrumbs") : NULL;
		if (crumbs != NULL && crumbs->n > 0) {
			struct value *home = value_map(a), *c = value_map(a);
			struct value *h = value_map(a);
			const struct value *l0 = crumbs->items[0];

			value_map_set(a, home, "title",
			    value_map_get(l0, "title"));
			value_map_set(a, home, "url", value_map_get(l0, "url"));
			value_map_set(a, home, "current", value_bool(a, false));
			value_list_push(a, bc, home);
			value_map_set(a, c, "title", value_map_get(list,
			    "title"));
			put(s, c, "url", co->list_url[lang]);
			value_map_set(a, c, "current", value_bool(a, false));
			value_list_push(a, bc, c);
			value_map_set(a, h, "title", value_map_get(f,
			    "title"));
			value_map_set(a, h, "current", value_bool(a, true));
			value_list_push(a, bc, h);
			value_map_set(a, f, "breadcrumbs", bc);
			value_map_set(a, f, "has_breadcrumbs",
			    value_bool(a, true));
		}
		site_add_frame_page(s, arena_printf(a, "%sindex.html", dir),
		    v[i].it->path, tm, lang, f);
	}
	if (list != NULL && units->n > 0)
		value_map_set(a, list, "budget_units", units);
}

/* How many records (in any of their languages) two series pages share. */
static size_t
shared(const struct spage *p, const struct spage *q)
{
	size_t n = 0;

	for (size_t i = 0; i < p->nkeys; i++)
		for (size_t j = 0; j < q->nkeys; j++)
			n += p->keys[i] == q->keys[j];
	return n;
}

/* Of the pages in language lang, the one sharing the most records with
 * sp.v[i] (the first of equals), or -1 for none. */
static long
best(const struct spages *sp, size_t i, int lang)
{
	size_t j, n, most = 0;
	long r = -1;

	for (j = 0; j < sp->n; j++)
		if (sp->v[j].lang == lang &&
		    (n = shared(&sp->v[i], &sp->v[j])) > most) {
			most = n;
			r = (long)j;
		}
	return r;
}

void
budget_series_model(struct site *s, const struct theme *th,
    struct collection *co)
{
	const struct bforms *fs = budget_forms_of(s);
	struct spages sp = {0};
	size_t i;

	for (size_t lang = 0; lang < s->nlangs; lang++)
		series_lang(s, th, fs, co, (int)lang, &sp);
	/*
	 * Each page's translations: in each other language, the page
	 * sharing the most records with it, when it is that page's best
	 * too.  Unit names may be translated, so slugs differ, and the
	 * records may split into other units in another language; pairing
	 * only the mutual best keeps hreflang links reciprocal.
	 */
	for (i = 0; i < sp.n; i++) {
		struct value *l = value_list(s->arena);

		for (int lang = 0; lang < (int)s->nlangs; lang++) {
			long j = best(&sp, i, lang);
			struct value *e;

			if (lang == sp.v[i].lang || j < 0 ||
			    best(&sp, (size_t)j, sp.v[i].lang) != (long)i)
				continue;
			e = value_map(s->arena);
			put(s, e, "lang", s->langs[lang]);
			put(s, e, "url", sp.v[j].url);
			put(s, e, "title", sp.v[j].title);
			value_list_push(s->arena, l, e);
		}
		value_map_set(s->arena, sp.v[i].f, "translations", l);
	}
}
