/*
 * Budget disclosures, model stage.  In: each budget item, its form and
 * the one computed table (budget_table_make).  Out: the frame keys that
 * budget.c's head comment lists, and the CSV (UTF-8 with BOM, CRLF),
 * JSON and XLSX downloads beside the page, all made from that same table.
 */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "budget_forms.h"
#include "budget_model.h"
#include "budget_table.h"
#include "buf.h"
#include "fmt.h"
#include "fx.h"
#include "site.h"
#include "value.h"
#include "words.h"
#include "xlsx.h"

/* The CSV's fields before the figures: code, level, parent, kind, STT,
 * label (budget_csv_row_head()). */
#define XLSX_FIXED 6
#define CHART_W 640
#define CHART_BAR 360		/* widest bar, pixels */
#define CHART_ROW 44

struct mk {
	struct site *s;
	struct item *it;
	const struct btab *t;
	const char *lang;	/* "vi" or another */
	int li;			/* 0 vi, 1 en */
	const struct fmt_style *st;	/* lang's figures and dates */
};

static struct value *
str(struct mk *m, const char *s)
{
	return value_strz(m->s->arena, s ? s : "");
}

static void
set(struct mk *m, struct value *f, const char *key, struct value *v)
{
	value_map_set(m->s->arena, f, key, v);
}

static void
setb(struct mk *m, struct value *f, const char *key, bool b)
{
	value_map_set(m->s->arena, f, key, value_bool(m->s->arena, b));
}

/* The theme's word "budget.<group>.<code>" in lang (code: a value of
 * the schema's enum; fallback when the record has none). */
static const char *
coded(struct site *s, const char *lang, const char *group, const char *code,
    const char *fallback)
{
	return site_word(s, lang, arena_printf(s->arena, "budget.%s.%s",
	    group, code ? code : fallback));
}

static const char *
currency_text(struct site *s, const char *lang, const char *cu)
{
	return coded(s, lang, "unit", cu, "dong");
}

static const char *
kind_text(struct site *s, const char *lang, const char *kind)
{
	return kind ? coded(s, lang, "kind", kind, kind) : "";
}

static const char *
period_text(struct site *s, const char *lang, const char *p,
    const char *year)
{
	const char *pairs[] = {"year", year, NULL};

	return words_fill(s->arena, coded(s, lang, "period", p, "nam"),
	    pairs);
}

static void
set_date(struct mk *m, struct value *f, const char *key, const char *iso)
{
	struct buf b = {0};

	if (iso == NULL)
		return;
	fmt_date(&b, iso, m->st);
	set(m, f, key, str(m, buf_cstr(&b)));
	buf_release(&b);
}

/* One row of the frame: its cells in the shown columns. */
static struct value *
row_frame(struct mk *m, const struct brow *r)
{
	struct arena *a = m->s->arena;
	const struct bform *f = m->t->form;
	struct value *v = value_map(a), *cells = value_list(a);
	struct buf b = {0};
	int level = r->depth > 5 ? 5 : r->depth;

	set(m, v, "stt", str(m, r->stt));
	set(m, v, "label", str(m, r->label));
	set(m, v, "depth", value_int(a, r->depth));
	set(m, v, "level", str(m, arena_printf(a, "level-%d", level)));
	setb(m, v, "is_total", r->is_total);
	setb(m, v, "is_of_which", r->of_which);
	setb(m, v, "is_parent", r->nkids > 0);
	for (size_t k = 0; k < f->ncols; k++) {
		const struct bcell *c = &r->cells[k];
		struct value *cv;

		if (!m->t->shown[k])
			continue;
		cv = value_map(a);
		budget_cell_text(&b, &f->cols[k], c, m->st);
		set(m, cv, "text", str(m, buf_cstr(&b)));
		buf_reset(&b);
		set(m, cv, "raw", str(m, c->raw));
		setb(m, cv, "is_computed", c->has && !c->stated);
		setb(m, cv, "is_percent", f->cols[k].type == BCOL_PERCENT);
		setb(m, cv, "is_empty", !c->has);
		value_list_push(a, cells, cv);
	}
	set(m, v, "cells", cells);
	buf_release(&b);
	return v;
}

/*
 * The CSV: BOM, CRLF; the row's code, level, parent's code and kind
 * (budget_row_codes, budget_row_kind), STT and label, then the shown
 * columns with their unit in the heading (budget_col_heading); plain
 * figures ('.' decimal mark), empty where there is none.
 */
static void
make_csv(struct mk *m, struct buf *b)
{
	const struct bform *f = m->t->form;
	const char **codes = budget_row_codes(m->s->arena, m->t);
	const char *cu = value_map_str(m->it->data, "currency_unit");
	size_t i, k;

	buf_adds(b, "\xef\xbb\xbf");
	buf_adds(b, budget_csv_head(m->s, m->lang));
	for (k = 0; k < f->ncols; k++) {
		const char *h;

		if (!m->t->shown[k])
			continue;
		h = budget_col_heading(m->s->arena, f, k, currency_text(m->s,
		    m->lang, cu), m->li);
		buf_addc(b, ',');
		buf_add_csv(b, h, strlen(h));
	}
	buf_adds(b, "\r\n");
	for (i = 0; i < m->t->nrows; i++) {
		const struct brow *r = &m->t->rows[i];

		budget_csv_row_head(b, m->t, codes, i);
		for (k = 0; k < f->ncols; k++) {
			if (!m->t->shown[k])
				continue;
			buf_addc(b, ',');
			buf_adds(b, r->cells[k].raw);
		}
		buf_adds(b, "\r\n");
	}
}

/* Appends fr's text at key to the list v of n lines, when there is one. */
static void
title_line(const struct value *fr, const char *key, const char **v, size_t *n)
{
	const char *t = value_map_str(fr, key);

	if (t != NULL && t[0] != '\0')
		v[(*n)++] = t;
}

/*
 * The XLSX: the form's header as title lines (the record's title, the
 * decision's form, unit, chapter and budget code, the form's number and
 * title, the decision it accompanies, the currency unit), then the CSV's
 * table cell for cell: the same headings and, per line, the code, level,
 * parent and kind, STT and label as text (the level a number), the
 * figures as numbers.  tests/xlsx-vs-csv.py compares the two.
 */
static int
make_xlsx(struct mk *m, const struct value *fr, struct buf *b, const char **why)
{
	struct arena *a = m->s->arena;
	const struct bform *f = m->t->form;
	const char **codes = budget_row_codes(a, m->t);
	const char *cu = value_map_str(m->it->data, "currency_unit");
	const struct value *fh = value_map_get(fr, "form_header");
	const char *head = budget_csv_head(m->s, m->lang), *p, *num;
	const char **titles, **heads, **cells, *form, *sheet;
	const char *pairs[] = {"number", NULL, "title", NULL, "unit", NULL,
	    NULL};
	bool *numeric;
	struct xlsx_table t = {0};
	size_t i, k, c, nh = fh ? fh->n : 0;

	titles = arena_calloc(a, 5 + nh, sizeof *titles);
	title_line(fr, "title", titles, &t.ntitles);
	title_line(fr, "decision_form_text", titles, &t.ntitles);
	for (i = 0; i < nh; i++)
		titles[t.ntitles++] = arena_printf(a, "%s: %s",
		    value_map_str(fh->items[i], "label"),
		    value_map_str(fh->items[i], "value"));
	num = f->number != NULL && f->number[0] != '\0' ? f->number : NULL;
	pairs[1] = num;
	pairs[3] = f->title[m->li];
	pairs[5] = currency_text(m->s, m->lang, cu);
	form = f->title[m->li];
	sheet = f->id;
	if (num != NULL) {
		form = site_word(m->s, m->lang, "budget.xlsx_form");
		form = words_fill(a, form, pairs);
		sheet = site_word(m->s, m->lang, "budget.xlsx_sheet");
		sheet = words_fill(a, sheet, pairs);
	}
	titles[t.ntitles++] = form;
	title_line(fr, "form_attached_text", titles, &t.ntitles);
	titles[t.ntitles++] =
	    words_fill(a, site_word(m->s, m->lang, "budget.xlsx_unit"), pairs);

	/* The headings: the CSV's first fields (as many as budget.csv_head
	 * names, up to the XLSX_FIXED the rows have), then the shown
	 * columns. */
	t.ncols = XLSX_FIXED;
	for (k = 0; k < f->ncols; k++)
		t.ncols += m->t->shown[k];
	heads = arena_calloc(a, t.ncols, sizeof *heads);
	numeric = arena_calloc(a, t.ncols, sizeof *numeric);
	for (c = 0, p = head; c < XLSX_FIXED; c++) {
		size_t n = strcspn(p, ",");

		heads[c] = arena_strndup(a, p, n);
		p += n + (p[n] == ',');
	}
	numeric[1] = true; /* the level */
	for (k = 0; k < f->ncols; k++)
		if (m->t->shown[k]) {
			heads[c] = budget_col_heading(a, f, k,
			    currency_text(m->s, m->lang, cu), m->li);
			numeric[c++] = true;
		}
	cells = arena_calloc(a, m->t->nrows * t.ncols + 1, sizeof *cells);
	for (i = 0; i < m->t->nrows; i++) {
		const struct brow *r = &m->t->rows[i];
		const char **row = cells + i * t.ncols;

		row[0] = codes[i];
		row[1] = arena_printf(a, "%d", r->depth);
		row[2] = r->parent ? codes[r->parent - m->t->rows] : "";
		row[3] = budget_row_kind(m->t, r);
		row[4] = r->stt;
		row[5] = r->label;
		for (c = XLSX_FIXED, k = 0; k < f->ncols; k++)
			if (m->t->shown[k])
				row[c++] = r->cells[k].raw;
	}
	t.name = sheet;
	t.titles = titles;
	t.heads = heads;
	t.numeric = numeric;
	t.cells = cells;
	t.nrows = m->t->nrows;
	return xlsx_write(&t, 1, m->s->build_date, b, why);
}

static void
json_str(struct buf *b, const char *key, const char *s)
{
	buf_add_json(b, key, strlen(key));
	buf_addc(b, ':');
	if (s == NULL)
		buf_adds(b, "null");
	else
		buf_add_json(b, s, strlen(s));
}

/*
 * The JSON: the record's metadata, the form, the shown columns (key,
 * labels vi/en, unit, type, the CSV heading) and the rows (code, level,
 * parent, kind as in the CSV; figures as JSON numbers written exactly
 * as the CSV's plain decimals, null where there is none).
 */
static void
make_json(struct mk *m, struct buf *b)
{
	const struct value *d = m->it->data, *v;
	const struct bform *f = m->t->form;
	static const char *const meta[] = {"title", "kind", "period",
	    "currency_unit", "reported_on", "published_on"};
	static const char *const maps[] = {"unit", "decision", "approval",
	    "illustrative"};
	const char **codes = budget_row_codes(m->s->arena, m->t);
	const char *cu = value_map_str(d, "currency_unit");
	size_t i, k;
	bool first;

	buf_adds(b, "{");
	json_str(b, "source", site_absurl(m->s, m->it->url));
	for (i = 0; i < sizeof meta / sizeof meta[0]; i++) {
		buf_addc(b, ',');
		json_str(b, meta[i], value_map_str(d, meta[i]));
	}
	buf_adds(b, ",\"fiscal_year\":");
	v = value_map_get(d, "fiscal_year");
	buf_adds(b, v && v->type == VALUE_INT ? v->text : "null");
	for (i = 0; i < sizeof maps / sizeof maps[0]; i++) {
		buf_addc(b, ',');
		buf_add_json(b, maps[i], strlen(maps[i]));
		buf_addc(b, ':');
		if ((v = value_map_get(d, maps[i])) != NULL)
			value_to_json(v, b, 0);
		else
			buf_adds(b, "null");
	}
	buf_adds(b, ",\"form\":{");
	json_str(b, "id", f->id);
	buf_addc(b, ',');
	json_str(b, "circular", f->circular);
	buf_addc(b, ',');
	json_str(b, "number", f->number);
	buf_addc(b, ',');
	json_str(b, "title", f->title[m->li]);
	buf_addf(b, ",\"verified\":%s,\"identities\":[", f->verified ?
	    "true" : "false");
	/* Rows that equal the sum of other rows (A.I = A.II + A.III), as
	 * du-lieu.identities.csv lists them: a reader re-checks them. */
	for (i = 0; i < f->nidents; i++) {
		const struct bident *e = &f->idents[i];

		buf_adds(b, i ? ",{" : "{");
		json_str(b, "row", e->row);
		buf_adds(b, ",\"equals\":[");
		for (size_t j = 0; j < e->nequals; j++) {
			if (j)
				buf_addc(b, ',');
			buf_add_json(b, e->equals[j], strlen(e->equals[j]));
		}
		buf_adds(b, "]}");
	}
	buf_adds(b, "]},\n\"columns\":[");
	for (k = 0, first = true; k < f->ncols; k++) {
		static const char *const types[] = {"amount", "percent",
		    "difference"};
		const struct bcol *c = &f->cols[k];

		if (!m->t->shown[k])
			continue;
		buf_adds(b, first ? "\n{" : ",\n{");
		first = false;
		json_str(b, "key", c->key);
		buf_addc(b, ',');
		json_str(b, "label", c->label[m->li]);
		buf_adds(b, ",\"labels\":{");
		json_str(b, "vi", c->label[0]);
		buf_addc(b, ',');
		json_str(b, "en", c->label[1]);
		buf_adds(b, "},");
		json_str(b, "unit", c->type == BCOL_PERCENT ? "%" :
		    cu ? cu : "dong");
		buf_addc(b, ',');
		json_str(b, "type", types[c->type]);
		if (c->type != BCOL_AMOUNT) {
			buf_adds(b, ",\"of\":[");
			buf_add_json(b, f->cols[c->of[0]].key,
			    strlen(f->cols[c->of[0]].key));
			buf_addc(b, ',');
			buf_add_json(b, f->cols[c->of[1]].key,
			    strlen(f->cols[c->of[1]].key));
			buf_addc(b, ']');
		}
		buf_addc(b, ',');
		json_str(b, "heading", budget_col_heading(m->s->arena, f, k,
		    currency_text(m->s, m->lang, cu), m->li));
		buf_addc(b, '}');
	}
	buf_adds(b, "],\n\"rows\":[");
	for (i = 0; i < m->t->nrows; i++) {
		const struct brow *r = &m->t->rows[i];

		buf_adds(b, i ? ",\n{" : "\n{");
		json_str(b, "code", codes[i]);
		buf_addf(b, ",\"level\":%d,", r->depth);
		json_str(b, "parent", r->parent ?
		    codes[r->parent - m->t->rows] : NULL);
		buf_addc(b, ',');
		json_str(b, "kind", budget_row_kind(m->t, r));
		buf_addc(b, ',');
		json_str(b, "stt", r->stt);
		buf_addc(b, ',');
		json_str(b, "label", r->label);
		buf_addf(b, ",\"depth\":%d,\"of_which\":%s,\"total\":%s,"
		    "\"values\":{", r->depth, r->of_which ? "true" : "false",
		    r->is_total ? "true" : "false");
		for (k = 0, first = true; k < f->ncols; k++) {
			if (!m->t->shown[k])
				continue;
			if (!first)
				buf_addc(b, ',');
			first = false;
			buf_add_json(b, f->cols[k].key,
			    strlen(f->cols[k].key));
			buf_addc(b, ':');
			buf_adds(b, r->cells[k].has ? r->cells[k].raw :
			    "null");
		}
		buf_adds(b, "}}");
	}
	buf_adds(b, "]}\n");
}

/* Width in pixels of v against the largest figure max (both > 0). */
static long
bar_width(int64_t v, int64_t max)
{
	if (v <= 0 || max <= 0)
		return 0;
	/* v * CHART_BAR fits 64 bits: amounts stay below 10^17. */
	return (long)((v * CHART_BAR + max / 2) / max);
}

/* A line the chart may draw: a figure, not "of which", a heading or the
 * total. */
static bool
drawable(const struct brow *r, int k)
{
	return !r->of_which && !r->heading && !r->is_total &&
	    r->cells[k].has;
}

/*
 * Marks in pick the lines the chart draws: the top-level lines; while
 * that is one line (B of Biểu số 2, its heading A having no figure), its
 * lines instead, so the chart shows how the figure splits.  Returns how
 * many.
 */
static size_t
chart_rows(const struct btab *t, int k, bool *pick)
{
	size_t i, n = 0, one = 0;

	for (i = 0; i < t->nrows; i++)
		if ((pick[i] = t->rows[i].depth == 0 && drawable(&t->rows[i],
		    k)))
			n++, one = i;
	while (n == 1) {
		const struct brow *r = &t->rows[one];
		size_t m = 0, last = 0;

		for (i = 0; i < r->nkids; i++)
			if (drawable(&t->rows[r->kids[i]], k))
				m++, last = r->kids[i];
		if (m == 0)
			break;
		pick[one] = false;
		for (i = 0; i < r->nkids; i++)
			pick[r->kids[i]] = drawable(&t->rows[r->kids[i]], k);
		n = m;
		one = last;
	}
	return n;
}

/* A column key as a CSS class part: "du_toan" → "du-toan"; only a-z,
 * 0-9 and '-' kept; arena. */
static const char *
class_name(struct arena *a, const char *key)
{
	char *c = arena_strdup(a, key), *o = c;

	for (const char *p = key; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			*o++ = *p;
		else if (*p == '_' || *p == '-')
			*o++ = '-';
	*o = '\0';
	return c;
}

/*
 * The chart: the lines chart_rows() picks, in the column of the form's
 * headline for the record's kind (the approved accounts, the execution),
 * else the first shown amount column.  Returns false when there is
 * nothing to draw.  Shapes only: the look (bar colour, text sizes) is
 * the theme's CSS, by class: bar bar-<column key>, bar-label,
 * bar-value.
 */
static bool
make_chart(struct mk *m, struct value *f, const char *unit)
{
	struct arena *a = m->s->arena;
	const struct bform *fo = m->t->form;
	struct value *list = value_list(a);
	struct buf svg = {0}, txt = {0}, title = {0};
	bool *pick = arena_calloc(a, m->t->nrows + 1, sizeof *pick);
	struct bheadline h;
	const char *cls;
	int k = -1;
	int64_t max = 0;
	size_t i, n = 0;

	if (budget_headline(m->t, value_map_str(m->it->data, "kind"), &h) &&
	    m->t->shown[h.h->col])
		k = h.h->col;
	for (i = 0; i < fo->ncols && k < 0; i++)
		if (fo->cols[i].type == BCOL_AMOUNT && m->t->shown[i])
			k = (int)i;
	if (k < 0)
		return false;
	n = chart_rows(m->t, k, pick);
	for (i = 0; i < m->t->nrows; i++)
		if (pick[i] && m->t->rows[i].cells[k].v > max)
			max = m->t->rows[i].cells[k].v;
	if (n == 0)
		return false;
	cls = class_name(a, fo->cols[k].key);
	buf_addf(&title, "%s (%s)", fo->cols[k].label[m->li], unit);
	buf_addf(&svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "class=\"budget-chart\" role=\"img\" width=\"%d\" height=\"%zu\" "
	    "viewBox=\"0 0 %d %zu\" aria-labelledby=\"budget-chart-title "
	    "budget-chart-desc\"><title id=\"budget-chart-title\">",
	    CHART_W, n * CHART_ROW + 8, CHART_W, n * CHART_ROW + 8);
	buf_add_xml(&svg, title.data, title.len);
	buf_adds(&svg, "</title><desc id=\"budget-chart-desc\">");
	n = 0;
	for (i = 0; i < m->t->nrows; i++) {
		const struct brow *r = &m->t->rows[i];
		const struct bcell *c = &r->cells[k];
		struct value *e;
		struct buf one = {0};

		if (!pick[i])
			continue;
		budget_cell_text(&one, &fo->cols[k], c, m->st);
		e = value_map(a);
		set(m, e, "stt", str(m, r->stt));
		set(m, e, "label", str(m, r->label));
		set(m, e, "text", str(m, arena_printf(a, "%s %s",
		    buf_cstr(&one), unit)));
		value_list_push(a, list, e);
		buf_addf(&txt, "%s%s%s%s: %s %s", n ? "; " : "", r->stt,
		    r->stt[0] ? " " : "", r->label, buf_cstr(&one), unit);
		buf_release(&one);
		n++;
	}
	buf_add_xml(&svg, txt.data, txt.len);
	buf_adds(&svg, "</desc>");
	n = 0;
	for (i = 0; i < m->t->nrows; i++) {
		const struct brow *r = &m->t->rows[i];
		const struct bcell *c = &r->cells[k];
		struct buf one = {0};
		long y = (long)n * CHART_ROW, w;

		if (!pick[i])
			continue;
		w = bar_width(c->v, max);
		buf_addf(&svg, "<text x=\"0\" y=\"%ld\" class=\"bar-label\">",
		    y + 14);
		if (r->stt[0]) {
			buf_add_xml(&svg, r->stt, strlen(r->stt));
			buf_addc(&svg, ' ');
		}
		buf_add_xml(&svg, r->label, strlen(r->label));
		buf_addf(&svg, "</text><rect x=\"0\" y=\"%ld\" width=\"%ld\" "
		    "height=\"16\" class=\"bar bar-%s\"/><text x=\"%ld\" "
		    "y=\"%ld\" class=\"bar-value\">", y + 20, w, cls, w + 6,
		    y + 33);
		budget_cell_text(&one, &fo->cols[k], c, m->st);
		buf_add_xml(&svg, one.data, one.len);
		buf_adds(&svg, "</text>");
		buf_release(&one);
		n++;
	}
	buf_adds(&svg, "</svg>");
	set(m, f, "chart_title", str(m, buf_cstr(&title)));
	set(m, f, "chart_svg", str(m, buf_cstr(&svg)));
	set(m, f, "chart_text", list);
	buf_release(&svg);
	buf_release(&txt);
	buf_release(&title);
	return true;
}

/* "a/b/index.html" → "a/b/NAME"; "a/b.html" → "a/NAME". */
static const char *
beside(struct arena *a, const char *out, const char *name)
{
	const char *slash = strrchr(out, '/');

	if (slash == NULL)
		return arena_strdup(a, name);
	return arena_printf(a, "%.*s/%s", (int)(slash - out), out, name);
}

/* The period as a headline names it: "6 tháng", "quý I" / "six months"
 * (the theme's budget.period_short). */
static const char *
period_short(struct mk *m, const char *p)
{
	return coded(m->s, m->lang, "period_short", p, "nam");
}

/* label with "{period}" replaced; arena. */
static const char *
fill_period(struct arena *a, const char *label, const char *period)
{
	const char *at = strstr(label, "{period}");

	if (at == NULL)
		return label;
	return arena_printf(a, "%.*s%s%s", (int)(at - label), label, period,
	    at + strlen("{period}"));
}

/* A column label as a phrase: "Dự toán năm" -> "dự toán năm". */
static const char *
lower_first(struct arena *a, const char *s)
{
	char *c = arena_strdup(a, s);

	if (c[0] >= 'A' && c[0] <= 'Z')
		c[0] = (char)(c[0] - 'A' + 'a');
	return c;
}

/*
 * The headline of the record (forms.yaml headline:) as frame keys:
 * headline {label, text, percent_text, row_label} or false, and the
 * sentence that summarises the record where it is listed.  Returns that
 * sentence, or NULL.
 */
static const char *
model_headline(struct mk *m, struct value *fr, const char *unit)
{
	struct arena *a = m->s->arena;
	const struct value *d = m->it->data;
	struct bheadline h;
	struct value *hv;
	struct buf num = {0}, pct = {0};
	const char *label, *text, *ptext = "", *sum, *usd;

	if (!budget_headline(m->t, value_map_str(d, "kind"), &h)) {
		set(m, fr, "headline", value_bool(a, false));
		return NULL;
	}
	label = fill_period(a, h.h->label[m->li], period_short(m,
	    value_map_str(d, "period")));
	budget_cell_text(&num, h.col, h.cell, m->st);
	text = arena_printf(a, "%s %s", buf_cstr(&num), unit);
	/* The headline, not the table: the table stays the record. */
	if (h.col->type == BCOL_AMOUNT &&
	    (usd = fx_usd_figure(m->s, h.cell->raw,
	         value_map_str(d, "currency_unit"), m->lang)) != NULL)
		text = arena_printf(a, "%s %s", text, usd);
	if (h.pct != NULL) {
		const char *of = lower_first(a, m->t->form->cols[h.h->pct_of].
		    label[m->li]);
		const char *pairs[] = {"percent", NULL, "of", of, NULL};

		budget_cell_text(&pct, h.pct_col, h.pct, m->st);
		pairs[1] = buf_cstr(&pct);
		ptext = words_fill(a, site_word(m->s, m->lang,
		    "budget.percent_of"), pairs);
	}
	hv = value_map(a);
	set(m, hv, "label", str(m, label));
	set(m, hv, "text", str(m, text));
	set(m, hv, "percent_text", str(m, ptext));
	set(m, hv, "row_label", str(m, h.row->label));
	set(m, fr, "headline", hv);
	sum = arena_printf(a, "%s: %s%s%s", label, text, ptext[0] ? ", " : "",
	    ptext);
	buf_release(&num);
	buf_release(&pct);
	return sum;
}

/*
 * What the printed form carries above the table: Đơn vị, Chương, mã
 * ĐVQHNS (form_header: [{label, value}], only those given), the decision
 * it accompanies (form_attached_text), and, for a form not checked
 * against the printed appendix, the sentence that says so.
 */
static void
model_header(struct mk *m, struct value *fr)
{
	static const char *const labels[] = {"name", "chapter",
	    "budget_code"};
	struct arena *a = m->s->arena;
	const struct value *d = m->it->data;
	const struct value *u = value_map_get(d, "unit");
	const struct value *dec = value_map_get(d, "decision");
	const struct bform *f = m->t->form;
	struct value *l = value_list(a);
	struct buf date = {0};
	const char *df = value_map_str(d, "decision_form");

	for (size_t i = 0; i < 3; i++) {
		const char *v = value_map_str(u, labels[i]);
		struct value *e;

		if (v == NULL)
			continue;
		e = value_map(a);
		set(m, e, "label", str(m, coded(m->s, m->lang, "header",
		    labels[i], NULL)));
		set(m, e, "value", str(m, v));
		value_list_push(a, l, e);
	}
	set(m, fr, "form_header", l);
	set(m, fr, "unit_chapter", str(m, value_map_str(u, "chapter")));
	set(m, fr, "unit_budget_code", str(m, value_map_str(u,
	    "budget_code")));
	if (df != NULL) {
		const char *pairs[] = {"form", df, NULL};

		set(m, fr, "decision_form_text", str(m, words_fill(a,
		    site_word(m->s, m->lang, "budget.decision_form"),
		    pairs)));
	} else {
		set(m, fr, "decision_form_text", str(m, ""));
	}
	if (value_map_str(dec, "number") != NULL) {
		const char *iss = value_map_str(dec, "issuer");
		const char *pairs[] = {"number", value_map_str(dec, "number"),
		    "date", "", "issuer", "", NULL};
		const char *one[] = {"date", NULL, "issuer", iss, NULL};

		if (value_map_str(dec, "date") != NULL)
			fmt_date(&date, value_map_str(dec, "date"), m->st);
		one[1] = buf_cstr(&date);
		if (date.len)
			pairs[3] = words_fill(a, site_word(m->s, m->lang,
			    "budget.attached_date"), one);
		if (iss != NULL)
			pairs[5] = words_fill(a, site_word(m->s, m->lang,
			    "budget.attached_issuer"), one + 2);
		set(m, fr, "form_attached_text", str(m, words_fill(a,
		    site_word(m->s, m->lang, "budget.attached"), pairs)));
	} else {
		set(m, fr, "form_attached_text", str(m, ""));
	}
	buf_release(&date);
	setb(m, fr, "form_verified", f->verified);
	if (f->verified) {
		set(m, fr, "form_unverified_text", str(m, ""));
	} else {
		const char *pairs[] = {"rule", f->circ->rule[m->li], NULL};

		set(m, fr, "form_unverified_text", str(m, words_fill(a,
		    site_word(m->s, m->lang, "budget.unverified"), pairs)));
	}
}

static void
model_item(struct site *s, const struct bforms *fs, struct item *it)
{
	struct arena *a = s->arena;
	struct mk m = {s, it, NULL, it->lang ? it->lang : "vi", 0,
	    NULL};
	const struct value *d = it->data, *v;
	const struct bform *f = budget_form_find(fs, d, NULL);
	struct value *fr = it->frame, *l;
	const char *year, *unit, *kt, *pt, *hs, *why;
	struct page *pg;
	struct buf b = {0};
	size_t i;

	if (f == NULL || fr == NULL)
		return;
	m.li = budget_lang(m.lang);
	m.st = site_fmt(s, m.lang);
	m.t = budget_table_of(s, it, f);
	v = value_map_get(d, "fiscal_year");
	year = v && value_is_scalar(v) ? v->text : "";
	unit = currency_text(s, m.lang, value_map_str(d, "currency_unit"));
	kt = kind_text(s, m.lang, value_map_str(d, "kind"));
	pt = period_text(s, m.lang, value_map_str(d, "period"), year);
	set(&m, fr, "budget_kind", str(&m, value_map_str(d, "kind")));
	set(&m, fr, "kind_text", str(&m, kt));
	set(&m, fr, "period_text", str(&m, pt));
	if (value_map_str(d, "title") == NULL)
		set(&m, fr, "title", str(&m, arena_printf(a, "%s %s", kt,
		    pt)));
	set(&m, fr, "form_id", str(&m, f->id));
	set(&m, fr, "form_title", str(&m, f->title[m.li]));
	set(&m, fr, "form_circular", str(&m, f->circular));
	set(&m, fr, "form_number", str(&m, f->number));
	set(&m, fr, "currency_unit_text", str(&m, unit));
	set(&m, fr, "unit_name", str(&m, value_map_str(value_map_get(d,
	    "unit"), "name")));
	set(&m, fr, "unit_level", str(&m, value_map_str(value_map_get(d,
	    "unit"), "level")));
	set_date(&m, fr, "decision_date_text", value_map_str(value_map_get(d,
	    "decision"), "date"));
	set_date(&m, fr, "approval_date_text", value_map_str(value_map_get(d,
	    "approval"), "date"));
	set_date(&m, fr, "reported_on_text", value_map_str(d, "reported_on"));
	set_date(&m, fr, "published_on_text", value_map_str(d,
	    "published_on"));
	v = value_map_get(d, "illustrative");
	if (v != NULL && v->type == VALUE_STR && v->len > 0)
		set(&m, fr, "illustrative_text", str(&m, v->text));
	else if (v != NULL && v->type == VALUE_BOOL && v->u.b)
		set(&m, fr, "illustrative_text", str(&m, site_word(s, m.lang,
		    "budget.illustrative")));

	l = value_list(a);
	for (i = 0; i < f->ncols; i++) {
		struct value *c;

		if (!m.t->shown[i])
			continue;
		c = value_map(a);
		set(&m, c, "key", str(&m, f->cols[i].key));
		set(&m, c, "label", str(&m, f->cols[i].label[m.li]));
		setb(&m, c, "is_percent", f->cols[i].type == BCOL_PERCENT);
		setb(&m, c, "is_amount", f->cols[i].type == BCOL_AMOUNT);
		setb(&m, c, "is_computed", f->cols[i].type != BCOL_AMOUNT);
		value_list_push(a, l, c);
	}
	set(&m, fr, "columns", l);
	l = value_list(a);
	for (i = 0; i < m.t->nrows; i++) {
		struct value *r = row_frame(&m, &m.t->rows[i]);

		value_list_push(a, l, r);
		if (m.t->rows[i].is_total)
			set(&m, fr, "total", r);
	}
	set(&m, fr, "rows", l);
	setb(&m, fr, "has_total", f->total[0] != NULL);
	setb(&m, fr, "has_chart", make_chart(&m, fr, unit));
	model_header(&m, fr);
	/* The headline is the record's summary (page description, feeds)
	 * unless the record writes one. */
	if ((hs = model_headline(&m, fr, unit)) != NULL &&
	    value_map_get(d, "summary") == NULL)
		set(&m, fr, "summary", str(&m, hs));

	if (it->url == NULL || it->out == NULL || it->draft)
		return;
	set(&m, fr, "csv_url", str(&m, arena_printf(a, "%sdu-lieu.csv",
	    it->url)));
	set(&m, fr, "json_url", str(&m, arena_printf(a, "%sdu-lieu.json",
	    it->url)));
	set(&m, fr, "xlsx_url",
	    str(&m, arena_printf(a, "%sdu-lieu.xlsx", it->url)));
	make_csv(&m, &b);
	pg = site_add_page(s, beside(a, it->out, "du-lieu.csv"), it->path);
	pg->len = b.len;
	pg->data = buf_keep(&b, a);
	make_json(&m, &b);
	pg = site_add_page(s, beside(a, it->out, "du-lieu.json"), it->path);
	pg->len = b.len;
	pg->data = buf_keep(&b, a);
	if (make_xlsx(&m, fr, &b, &why) == -1) {
		diag_error(s->diags, pos_file(it->path), "budget.xlsx-failed",
		    why);
		buf_reset(&b);
	} else {
		pg = site_add_page(s, beside(a, it->out, "du-lieu.xlsx"),
		    it->path);
		pg->len = b.len;
		pg->data = buf_keep(&b, a);
	}
	/* The identities beside it, so that the CSV alone can be re-checked
	 * (tests/recompute-budget-csv.sh reads both). */
	budget_identities_csv(&b, m.t->form, site_word(s, m.lang,
	    "budget.identities_head"));
	if (b.len > 0) {
		pg = site_add_page(s, beside(a, it->out,
		    "du-lieu.identities.csv"), it->path);
		pg->len = b.len;
		pg->data = buf_keep(&b, a);
	}
	buf_release(&b);
}

void
budget_model_item(struct site *s, struct item *it)
{
	model_item(s, budget_forms_of(s), it);
}

/*
 * Downloads a reader can re-check (README, "Transparency records"): row
 * codes, row kinds, column headings and the identities file, shared by
 * the record's CSV and JSON here and the series of budget_series.c.
 */

/* True when stt numbers nothing: "", "-", "+", "*". */
static bool
unnumbered(const char *stt)
{
	return stt[0] == '\0' || ((stt[0] == '-' || stt[0] == '+' ||
	    stt[0] == '*') && stt[1] == '\0');
}

const char **
budget_row_codes(struct arena *a, const struct btab *t)
{
	const char **codes = arena_calloc(a, t->nrows + 1, sizeof *codes);
	size_t *seen = arena_calloc(a, t->nrows + 1, sizeof *seen);

	/* Rows come parents first: a parent's code is always known. */
	for (size_t i = 0; i < t->nrows; i++) {
		const struct brow *r = &t->rows[i];
		size_t p = r->parent ? (size_t)(r->parent - t->rows) :
		    t->nrows;
		const char *pc = r->parent ? codes[p] : NULL;

		if (r->is_total)
			codes[i] = BUDGET_TOTAL_CODE;
		else if (r->code != NULL)
			codes[i] = r->code;	/* the form's own code */
		else if (!unnumbered(r->stt))
			codes[i] = pc ? arena_printf(a, "%s.%s", pc, r->stt) :
			    arena_strdup(a, r->stt);
		else
			codes[i] = arena_printf(a, "%s-%zu", pc ? pc : "0",
			    ++seen[p]);
	}
	return codes;
}

const char *
budget_row_kind(const struct btab *t, const struct brow *r)
{
	if (r->is_total)
		return "total";
	if (r->heading)
		return "heading";
	if (r->of_which)
		return "of_which";
	for (size_t i = 0; i < r->nkids; i++)
		if (!t->rows[r->kids[i]].of_which)
			return "sum";
	return "stated";
}

const char *
budget_unit_text(struct site *s, const char *lang, const char *currency_unit)
{
	return currency_text(s, lang, currency_unit);
}

const char *
budget_kind_text(struct site *s, const char *lang, const char *kind)
{
	return kind_text(s, lang, kind);
}

const char *
budget_period_text(struct site *s, const char *lang, const char *period,
    const char *year)
{
	return period_text(s, lang, period, year);
}

const char *
budget_col_heading(struct arena *a, const struct bform *f, size_t k,
    const char *u, int li)
{
	const struct bcol *c = &f->cols[k];
	size_t n = strlen(c->label[li]);

	if (c->type == BCOL_PERCENT)
		return n >= 3 && strcmp(c->label[li] + n - 3, "(%)") == 0 ?
		    c->label[li] : arena_printf(a, "%s (%%)", c->label[li]);
	if (c->type == BCOL_DIFFERENCE)
		return arena_printf(a, "%s (%s) = %s - %s", c->label[li], u,
		    f->cols[c->of[0]].label[li], f->cols[c->of[1]].label[li]);
	return arena_printf(a, "%s (%s)", c->label[li], u);
}

const char *
budget_csv_head(struct site *s, const char *lang)
{
	return site_word(s, lang, "budget.csv_head");
}
void
budget_csv_row_head(struct buf *b, const struct btab *t,
    const char *const *codes, size_t i)
{
	const struct brow *r = &t->rows[i];
	const char *pc = r->parent ? codes[r->parent - t->rows] : "";

	buf_add_csv(b, codes[i], strlen(codes[i]));
	buf_addf(b, ",%d,", r->depth);
	buf_add_csv(b, pc, strlen(pc));
	buf_addc(b, ',');
	buf_adds(b, budget_row_kind(t, r));
	buf_addc(b, ',');
	buf_add_csv(b, r->stt, strlen(r->stt));
	buf_addc(b, ',');
	buf_add_csv(b, r->label, strlen(r->label));
}

void
budget_identities_csv(struct buf *b, const struct bform *f, const char *head)
{
	if (f->nidents == 0)
		return;
	buf_adds(b, "\xef\xbb\xbf");
	buf_adds(b, head);
	buf_adds(b, "\r\n");
	for (size_t i = 0; i < f->nidents; i++) {
		const struct bident *e = &f->idents[i];

		buf_add_csv(b, e->row, strlen(e->row));
		buf_addc(b, ',');
		for (size_t j = 0; j < e->nequals; j++)
			buf_addf(b, "%s%s", j ? "+" : "", e->equals[j]);
		buf_adds(b, "\r\n");
	}
}
