/*
 * The inspection kind (thanh tra, kiểm tra): decisions, conclusions and
 * the measures taken.  Validate stage: the conclusion after the
 * decision and present once concluded, its publication deadline
 * (records_deadline.c), no personal identity numbers anywhere in the
 * record, a planned inspection of one enterprise once a year.  Model
 * stage: the frame's texts.
 *
 * Frame keys for theme authors (texts in the item's language):
 *   type_text, mode_text, status_text, decision_text "số 01/QĐ-BQL ngày
 *   15/01/2020", decision_date_text, conclusion_text,
 *   conclusion_date_text, period_covered_text, published_on_text,
 *   measures[].kind_text, measures[].amount_text "15.000.000 đồng",
 *   measures[].decision_text, measures_total_text
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "deadline.h"
#include "diag.h"
#include "fmt.h"
#include "item_body.h"
#include "kind.h"
#include "records.h"
#include "records_deadline.h"
#include "schema.h"
#include "site.h"
#include "utf8.h"
#include "value.h"
#include "words.h"

#define NAME "inspection"

/* True if digits s[i..j) are part of a longer number (1.060.000.000). */
static bool
joined(const char *s, size_t n, size_t i, size_t j)
{
	static const char seps[] = ".,/-";

	if (i >= 1 && s[i - 1] == '+')
		return true;	/* +84...: a phone number */
	if (i >= 2 && strchr(seps, s[i - 1]) != NULL &&
	    ascii_isdigit((unsigned char)s[i - 2]))
		return true;
	return j + 1 < n && s[j] != '\0' && strchr(seps, s[j]) != NULL &&
	    ascii_isdigit((unsigned char)s[j + 1]);
}

/* True if an amount's unit follows s[j]: "150000000 đồng", "... VND". */
static bool
money_after(const char *s, size_t n, size_t j)
{
	/* đ, đồng, vnđ, vnd, usd, dong: each a whole word. */
	static const char *const units[] = {"\xC4\x91",
	    "\xC4\x91\xE1\xBB\x93ng", "vn\xC4\x91", "vnd", "usd", "dong"};
	size_t k, m;

	while (j < n && s[j] == ' ')
		j++;
	for (k = 0; k < sizeof units / sizeof *units; k++) {
		for (m = 0; units[k][m] != '\0' && j + m < n; m++)
			if (ascii_tolower((unsigned char)s[j + m]) !=
			    (unsigned char)units[k][m])
				break;
		if (units[k][m] == '\0' && (j + m == n ||
		    (!ascii_isalpha((unsigned char)s[j + m]) &&
		    (unsigned char)s[j + m] < 0x80)))
			return true;
	}
	return false;
}

/*
 * The offset of the first standalone run of 9 (CMND) or 12 (CCCD)
 * digits in s[from..n), its length in *len; n when there is none.
 */
static size_t
find_id(const char *s, size_t n, size_t from, size_t *len)
{
	size_t i = from, j;

	while (i < n) {
		if (!ascii_isdigit((unsigned char)s[i])) {
			i++;
			continue;
		}
		for (j = i; j < n && ascii_isdigit((unsigned char)s[j]); j++)
			;
		if ((j - i == 9 || j - i == 12) && !joined(s, n, i, j) &&
		    !money_after(s, n, j)) {
			*len = j - i;
			return i;
		}
		i = j;
	}
	return n;
}

/*
 * Reports a personal identity number at p; where names the field in
 * the editor's terms (schema_place()), NULL in the body.
 */
static void
id_error(struct site *s, struct pos p, const char *where, const char *id, size_t
    len)
{
	const char *shown = diag_fmt(s->diags, "%.3s…%.3s", id, id + len - 3);
	const char *what = len == 12 ? "CCCD" : "CMND";
	const char *digits = diag_fmt(s->diags, "%zu", len);

	if (where != NULL)
		diag_error(s->diags, p, "inspection.personal-id-field", where,
		    shown, what, digits);
	else
		diag_error(s->diags, p, "inspection.personal-id", shown, what,
		    digits);
}

/*
 * Where a scanned string is: the dotted fields down to the first list,
 * that list's item, and the dotted fields below it.
 */
struct spath {
	struct buf keys;	/* down to the list, then below the item */
	const char *list;	/* NULL until a list is entered */
	size_t index;
	const struct value *item;
};

/* Scans every string under v. */
static void
scan_value(struct site *s, const struct value *v, struct spath *sp,
    unsigned depth)
{
	size_t i, at, len, outer = sp->keys.len;

	if (v == NULL || depth > 4 * VALUE_MAX_DEPTH)
		return;
	switch (v->type) {
	case VALUE_STR:
	case VALUE_INT:
		/* A number is an amount unless it keeps a leading zero. */
		if (v->type == VALUE_INT && (v->len == 0 || v->text[0] != '0'))
			break;
		at = find_id(v->text, v->len, 0, &len);
		if (at == v->len)
			break;
		id_error(s, v->pos, schema_place(s->diags, sp->list,
		    sp->index, sp->item, sp->keys.len ? buf_cstr(&sp->keys) :
		    NULL), v->text + at, len);
		break;
	case VALUE_LIST:
		if (sp->list != NULL) {
			/* Deeper lists: named by the outer item. */
			for (i = 0; i < v->n; i++)
				scan_value(s, v->items[i], sp, depth + 1);
			break;
		}
		sp->list = arena_strdup(s->arena, buf_cstr(&sp->keys));
		buf_truncate(&sp->keys, 0);
		for (i = 0; i < v->n; i++) {
			sp->index = i;
			sp->item = v->items[i];
			scan_value(s, v->items[i], sp, depth + 1);
			buf_truncate(&sp->keys, 0);
		}
		buf_truncate(&sp->keys, 0);
		buf_adds(&sp->keys, sp->list);
		sp->list = NULL;
		break;
	case VALUE_MAP:
		for (i = 0; i < v->n; i++) {
			/* Tax codes and phone numbers are meant to be seen. */
			if (strcmp(v->pairs[i].key, "tax_code") == 0 ||
			    strcmp(v->pairs[i].key, "phone") == 0)
				continue;
			buf_addf(&sp->keys, "%s%s", outer ? "." : "",
			    v->pairs[i].key);
			scan_value(s, v->pairs[i].val, sp, depth + 1);
			buf_truncate(&sp->keys, outer);
		}
		break;
	default:
		break;
	}
}

static void
scan_body(struct site *s, const struct item *it)
{
	const char *b;
	size_t n = it->body_len, at = 0, len = 0, i, lstart = 0;
	struct pos p;
	struct buf mb = {0};

	/* read again when not kept (CONTENT_REREAD) */
	if (item_body(s, it, &mb, &b) == -1)
		n = 0;

	while ((at = find_id(b, n, at, &len)) < n) {
		p = it->body_pos;
		lstart = 0;
		for (i = 0; i < at; i++)
			if (b[i] == '\n') {
				p.line++;
				lstart = i + 1;
			}
		p.col = (p.line == it->body_pos.line ? p.col : 1) +
		    (unsigned)utf8_count(b + lstart, at - lstart);
		id_error(s, p, NULL, b + at, len);
		at += len;
	}
	buf_release(&mb);
}

/* Enterprise key of a planned inspection, for the repeat check. */
struct planned {
	const char *key;	/* tax code, else enterprise name */
	char year[5];
	const char *date;	/* decision.date: the later ones are warned */
	const struct item *it;
	const struct value *mode;
};

static int
cmp_planned(const void *pa, const void *pb)
{
	const struct planned *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	if (c == 0)
		c = strcmp(a->year, b->year);
	if (c == 0)
		c = strcmp(a->date, b->date);
	return c != 0 ? c : strcmp(a->it->path, b->it->path);
}

static void
check_inspection(struct site *s, const struct site_names *x,
    const struct item *it)
{
	const struct value *d = it->data, *dd, *cd, *st;
	struct spath sp = {{0}, NULL, 0, NULL};

	dd = value_path(d, "decision.date");
	cd = value_path(d, "conclusion.date");
	if (records_date_of(dd) && records_date_of(cd) && strcmp(cd->text,
	    dd->text) < 0)
		diag_error(s->diags, cd->pos,
		    "inspection.conclusion-before-decision", cd->text,
		    dd->text);
	st = value_map_get(d, "status");
	if (st != NULL && st->type == VALUE_STR &&
	    (strcmp(st->text, "concluded") == 0 ||
	    strcmp(st->text, "remedying") == 0 ||
	    strcmp(st->text, "completed") == 0)) {
		cd = value_map_get(d, "conclusion");
		/* A conclusion there but refused has its error already. */
		if (cd == NULL || cd->type == VALUE_NULL ||
		    (cd->type == VALUE_MAP && cd->n == 0))
			diag_error(s->diags, st->pos,
			    "inspection.status-needs-conclusion", st->text);
	}
	deadline_check_inspection(s, it);
	scan_value(s, d, &sp, 0);
	buf_release(&sp.keys);
	if (it->markdown)
		scan_body(s, it);
}

/* Adds it to pl[*npl] when it is a planned inspection of a named
 * enterprise with a decision date. */
static void
add_planned(const struct item *it, struct planned *pl, size_t *npl)
{
	const struct value *d = it->data, *dd, *mode;
	const char *key;

	dd = value_path(d, "decision.date");
	mode = value_map_get(d, "mode");
	key = value_map_str(value_map_get(d, "subject"), "tax_code");
	if (key == NULL || *key == '\0')
		key = value_map_str(value_map_get(d, "subject"), "enterprise");
	if (it->lang_index == 0 && mode != NULL && mode->type == VALUE_STR &&
	    strcmp(mode->text, "planned") == 0 && key != NULL && *key &&
	    records_date_of(dd)) {
		pl[*npl].key = key;
		memcpy(pl[*npl].year, dd->text, 4);
		pl[*npl].year[4] = '\0';
		pl[*npl].date = dd->text;
		pl[*npl].it = it;
		pl[*npl].mode = mode;
		(*npl)++;
	}
}

static void
check_repeats(struct site *s, struct planned *pl, size_t n)
{
	size_t i, first = 0;

	if (n > 1)
		qsort(pl, n, sizeof *pl, cmp_planned);
	for (i = 1; i < n; i++) {
		if (strcmp(pl[i].key, pl[first].key) != 0 || strcmp(pl[i].year,
		    pl[first].year) != 0) {
			first = i;
			continue;
		}
		diag_warning(s->diags, pl[i].mode->pos,
		    "inspection.planned-twice", pl[i].key, pl[i].year,
		    pl[first].it->path);
	}
}

/* Planned inspections of one enterprise in one year, across files. */
static void
check_all_inspections(struct site *s, const struct site_names *x)
{
	struct planned *pl;
	size_t i, j, n = 0, npl = 0;

	for (i = 0; i < s->ncolls; i++)
		if (strcmp(s->colls[i].kind, NAME) == 0)
			n += s->colls[i].n;
	pl = arena_alloc(s->arena, (n ? n : 1) * sizeof *pl);
	for (i = 0; i < s->ncolls; i++) {
		const struct collection *co = &s->colls[i];

		if (strcmp(co->kind, NAME) != 0)
			continue;
		for (j = 0; j < co->n; j++)
			if (co->items[j]->data != NULL &&
			    co->items[j]->data->type == VALUE_MAP)
				add_planned(co->items[j], pl, &npl);
	}
	check_repeats(s, pl, npl);
}

/* Decision texts, measure amounts in đồng and their total. */
static void
inspection_frame(struct site *s, const struct site_names *x,
    struct item *it)
{
	const struct value *d = it->data, *v;
	struct value *f = it->frame, *l;
	const char *lang = it->lang;
	const char *dong = records_value_text(s, lang, "money_unit", "dong");
	struct buf b = {0};
	int64_t total = 0;
	bool any = false, ok = true;
	size_t i;

	records_set(s, f, "type_text", records_value_text(s, lang,
	    "inspection.type", value_map_str(d, "type")));
	records_set(s, f, "mode_text", records_value_text(s, lang,
	    "inspection.mode", value_map_str(d, "mode")));
	records_set(s, f, "status_text", records_value_text(s, lang,
	    "inspection.status", value_map_str(d, "status")));
	records_set(s, f, "decision_text", records_decision_text(s,
	    value_map_get(d, "decision"), lang));
	records_set(s, f, "decision_date_text", records_date_text(s,
	    value_path(d, "decision.date"), lang));
	records_set(s, f, "conclusion_text", records_decision_text(s,
	    value_map_get(d, "conclusion"), lang));
	records_set(s, f, "conclusion_date_text", records_date_text(s,
	    value_path(d, "conclusion.date"), lang));
	records_set(s, f, "published_on_text", records_date_text(s,
	    value_map_get(d, "published_on"), lang));
	v = value_map_get(d, "period_covered");
	if (v != NULL && v->type == VALUE_MAP && records_date_text(s,
	    value_map_get(v, "from"), lang) != NULL && records_date_text(s,
	    value_map_get(v, "to"), lang) != NULL)
		records_set(s, f, "period_covered_text", arena_printf(s->arena,
		    "%s – %s", records_date_text(s, value_map_get(v, "from"),
		    lang), records_date_text(s, value_map_get(v, "to"), lang)));
	else
		records_set(s, f, "period_covered_text", value_ltext(v,
		    lang, s->langs[0]));
	l = records_copy_rows(s, f, "measures");
	for (i = 0; l != NULL && i < l->n; i++) {
		struct value *m = l->items[i];

		if (m->type != VALUE_MAP)
			continue;
		records_set(s, m, "kind_text", records_value_text(s, lang,
		    "inspection.measure", value_map_str(m, "kind")));
		records_set(s, m, "decision_text", records_decision_text(s,
		    value_map_get(m, "decision"), lang));
		v = value_map_get(m, "amount");
		if (v == NULL || v->type != VALUE_INT)
			continue;
		any = true;
		ok = ok && !__builtin_add_overflow(total, v->u.i, &total);
		buf_reset(&b);
		fmt_int(&b, v->u.i, site_fmt(s, lang));
		buf_addf(&b, " %s", dong);
		records_set(s, m, "amount_text", buf_keep(&b, s->arena));
	}
	if (any && ok) {
		buf_reset(&b);
		fmt_int(&b, total, site_fmt(s, lang));
		buf_addf(&b, " %s", dong);
		records_set(s, f, "measures_total_text", buf_keep(&b,
		    s->arena));
	}
	buf_release(&b);
}

const struct kind kind_inspection = {
	.name = NAME,
	.check = check_inspection,
	.check_all = check_all_inspections,
	.frame = inspection_frame,
};
