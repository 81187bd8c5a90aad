/*
 * Validate stage, generic half: checking.  In: the compiled schemas
 * (schema.c) and an item's value tree.  Out: located errors and warnings
 * for every problem of the item, all in one pass; and the walks over a
 * record that its schema guides (references, absent fields).  Domain
 * checks (sums, dates in order) live elsewhere.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "schema.h"
#include "schema_format.h"
#include "schema_impl.h"
#include "utf8.h"
#include "value.h"

static const char *const lang_keys[] = {"vi", "en"};

/* ---- naming places and values in the editor's terms ---- */

/*
 * One step of the way from the record to the value being checked: a
 * field name, or an item of a list (its 0-based index and the item, so
 * that a message can name it by its title).
 */
struct frame {
	const char *key;		/* NULL for a list item */
	size_t index;
	const struct value *item;
};

struct ck {
	const struct schema_refs *refs;
	struct diags *d;	/* NULL while trying a union's alternatives */
	struct utf8_memo *near; /* the schemas' memo of utf8_nearest() */
	bool vi;		/* messages in Vietnamese */
	struct frame fr[4 * VALUE_MAX_DEPTH + 2];
	size_t nfr;
	size_t errors;
	unsigned depth;
};

static void push(struct ck *, const char *, size_t, const struct value *);

/* Appends at most 40 code points of s[0..n), up to its first line end. */
static void
clip(struct buf *b, const char *s, size_t n)
{
	size_t i, cps = 0;

	for (i = 0; i < n; i++) {
		if (utf8_is_lead((unsigned char)s[i]) && ++cps > 40)
			break;
		if (s[i] == '\n' || s[i] == '\r')
			break;
		buf_addc(b, s[i]);
	}
	if (i < n)
		buf_adds(b, "…");
}

static void
open_quote(struct buf *b, bool vi)
{
	buf_adds(b, vi ? "«" : "“");
}

static void
close_quote(struct buf *b, bool vi)
{
	buf_adds(b, vi ? "»" : "”");
}

/* Appends a scalar as a message shows it: quoted and cut short. */
static void
show(struct buf *b, const struct value *v, bool vi)
{
	if (v == NULL || v->type == VALUE_NULL) {
		buf_adds(b, vi ? "để trống" : "empty");
		return;
	}
	if (v->type == VALUE_LIST || v->type == VALUE_MAP) {
		buf_adds(b, v->type == VALUE_LIST ? vi ? "một danh sách" :
		    "a list" : vi ? "các dòng 'tên: giá trị'" : "a map");
		return;
	}
	open_quote(b, vi);
	clip(b, v->text, v->len);
	close_quote(b, vi);
}

/* The text of field key of map item (vi: of an ltext), or NULL. */
static const struct value *
item_text(const struct value *item, const char *key)
{
	const struct value *t = value_map_get(item, key);

	if (t != NULL && t->type == VALUE_MAP)
		t = value_map_get(t, "vi");
	return t != NULL && schema_plain_text(t) && t->len > 0 ? t : NULL;
}

/* Appends the field names of frames [from, to) joined by dots. */
static void
keys(struct buf *b, const struct ck *c, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		buf_addf(b, "%s%s", i > from ? "." : "", c->fr[i].key);
}

/*
 * Appends where the value being checked is, as the editor sees it:
 * "trường `area_ha` của mục thứ 2 «Kho lạnh» trong `mix`", a budget
 * line by its STT and label ("dòng 1.2 «Chi thường xuyên»"), never
 * "mix[2].area_ha".
 */
static void
place(struct buf *b, const struct ck *c)
{
	const struct value *stt, *title;
	size_t end = c->nfr, i;
	bool first = true, vi = c->vi;

	for (i = end; i > 0 && c->fr[i - 1].key != NULL; i--)
		;
	if (i < end) {
		buf_adds(b, vi ? "trường `" : "field `");
		keys(b, c, i, end);
		buf_adds(b, "`");
		first = false;
	}
	for (end = i; end > 0; end = i) {
		const struct frame *f = &c->fr[end - 1];

		for (i = end - 1; i > 0 && c->fr[i - 1].key != NULL; i--)
			;
		if (!first)
			buf_adds(b, vi ? " của " : " of ");
		first = false;
		stt = item_text(f->item, "stt");
		if ((title = item_text(f->item, "name")) == NULL &&
		    (title = item_text(f->item, "title")) == NULL &&
		    (title = item_text(f->item, "label")) == NULL &&
		    (title = item_text(f->item, "use")) == NULL)
			title = item_text(f->item, "what");
		if (stt != NULL) {
			/* The STT names a budget line in the whole form. */
			buf_adds(b, vi ? "dòng " : "line ");
			clip(b, stt->text, stt->len);
		} else {
			buf_addf(b, vi ? "mục thứ %zu" : "item %zu",
			    f->index + 1);
		}
		if (title != NULL) {
			buf_addc(b, ' ');
			open_quote(b, vi);
			clip(b, title->text, title->len);
			close_quote(b, vi);
		}
		if (stt != NULL)
			break;
		if (i < end - 1) {
			buf_adds(b, vi ? " trong `" : " in `");
			keys(b, c, i, end - 1);
			buf_adds(b, "`");
		}
	}
	if (first)
		buf_adds(b, vi ? "bản ghi" : "the record");
}

/* place() as a string for a message argument (NULL while silent). */
static const char *
where(const struct ck *c)
{
	struct buf b = {0};
	const char *r;

	if (c->d == NULL)
		return NULL;
	place(&b, c);
	r = diag_fmt(c->d, "%s", buf_cstr(&b));
	buf_release(&b);
	return r;
}

/* show() as a string for a message argument. */
static const char *
shown(const struct ck *c, const struct value *v)
{
	struct buf b = {0};
	const char *r;

	show(&b, v, c->vi);
	r = diag_fmt(c->d, "%s", buf_cstr(&b));
	buf_release(&b);
	return r;
}

const char *
schema_place(struct diags *d, const char *list, size_t index,
    const struct value *item, const char *field)
{
	struct ck *c = xcalloc(1, sizeof *c);
	const char *r;

	c->d = d;
	c->vi = strcmp(diags_lang(d), "vi") == 0;
	if (list != NULL) {
		push(c, list, 0, NULL);
		push(c, NULL, index, item);
	}
	if (field != NULL)
		push(c, field, 0, NULL);
	r = where(c);
	free(c);
	return r;
}

static bool
empty(const struct value *v)
{
	return v == NULL || v->type == VALUE_NULL ||
	    (v->type == VALUE_STR && v->len == 0);
}

/* ---- checking a value tree ---- */

/*
 * Counts an error (or not, for a warning); records it unless a union's
 * alternatives are being tried.  The arguments are the message id's
 * (diag.h); those made with where() and shown() are NULL while silent.
 */
#define report(c, error, p, ...) do {					\
	if (error)							\
		(c)->errors++;						\
	if ((c)->d != NULL) {						\
		if (error)						\
			diag_error((c)->d, (p), __VA_ARGS__);		\
		else							\
			diag_warning((c)->d, (p), __VA_ARGS__);		\
	}								\
} while (0)

/* Appends what a value of n must be ("a date like 2020-01-15"). */
static void
want(struct buf *b, const struct node *n, bool vi)
{
	size_t i;

	while (n->type == T_DEF)
		n = n->def->node;
	if (n->type == T_UNION) {
		for (i = 0; i < n->nalt; i++) {
			if (i > 0)
				buf_adds(b, vi ? " hoặc " : " or ");
			want(b, n->alts[i], vi);
		}
	} else if (n->type == T_ENUM) {
		buf_adds(b, vi ? "một trong: " : "one of: ");
		for (i = 0; i < n->nenum; i++)
			buf_addf(b, "%s%s", i ? ", " : "", n->enums[i]);
	} else if (n->type == T_REF) {
		buf_addf(b, vi ? "tên của một bản ghi loại `%s`" :
		    "the name of a %s record", n->to);
	} else {
		buf_adds(b, schema_type_want(n->type, vi ? "vi" : "en"));
	}
}

static void
mismatch(struct ck *c, const struct node *n, const struct value *v,
    const char *id)
{
	struct buf w = {0};

	if (c->d == NULL) {
		c->errors++;
		return;
	}
	want(&w, n, c->vi);
	report(c, true, v->pos, id, where(c), diag_fmt(c->d, "%s",
	    buf_cstr(&w)), shown(c, v));
	buf_release(&w);
}

static void
push(struct ck *c, const char *key, size_t index, const struct value *item)
{
	c->fr[c->nfr].key = key;
	c->fr[c->nfr].index = index;
	c->fr[c->nfr].item = item;
	c->nfr++;
}

/* " của trường `location`" for a key inside a map; "" at the top. */
static const char *
inside(const struct ck *c)
{
	struct buf b = {0};
	const char *r;

	if (c->nfr == 0)
		return "";
	buf_adds(&b, c->vi ? " của " : " of ");
	place(&b, c);
	r = diag_fmt(c->d, "%s", buf_cstr(&b));
	buf_release(&b);
	return r;
}

/* Appends the known keys as a list for a message: "`vi`, `en`". */
static void
add_keys(struct buf *b, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_addf(b, "%s`%s`", i ? ", " : "", names[i]);
}

/* add_keys() as a string for a message argument. */
static const char *
key_list(const struct ck *c, const char *const *names, size_t n)
{
	struct buf b = {0};
	const char *r;

	add_keys(&b, names, n);
	r = diag_fmt(c->d, "%s", buf_cstr(&b));
	buf_release(&b);
	return r;
}

static void
unknown_key(struct ck *c, const struct value_pair *p,
    const char *const *names, size_t n)
{
	const char *near = utf8_nearest_memo(c->near, p->key, names, n);
	struct buf list = {0};

	if (c->d == NULL)
		return;
	if (near != NULL) {
		report(c, false, value_pair_pos(p), "record.unknown-key-near",
		    p->key, inside(c), near);
	} else if (n <= 8) {
		/*
		 * A scratch buffer, not diag_fmt(): the list copies what it
		 * keeps, and the same warning on 100,000 records would
		 * otherwise leave 100,000 copies in the arena.
		 */
		add_keys(&list, names, n);
		report(c, false, value_pair_pos(p), "record.unknown-key-list",
		    p->key, inside(c), buf_cstr(&list));
		buf_release(&list);
	} else {
		report(c, false, value_pair_pos(p), "record.unknown-key",
		    p->key, inside(c));
	}
}

/* Compares number v with bound b (both INT or NUM). */
static int
numcmp(const struct value *v, const struct value *b)
{
	double x, y;

	if (v->type == VALUE_INT && b->type == VALUE_INT)
		return (v->u.i > b->u.i) - (v->u.i < b->u.i);
	x = v->type == VALUE_INT ? (double)v->u.i : v->u.d;
	y = b->type == VALUE_INT ? (double)b->u.i : b->u.d;
	return (x > y) - (x < y);
}

/* Checks number v against min/max. */
static void
bounds(struct ck *c, const struct node *n, const struct value *v)
{
	if (n->min != NULL && numcmp(v, n->min) < 0)
		report(c, true, v->pos, "record.number-too-small", where(c),
		    n->min->text, v->text);
	if (n->max != NULL && numcmp(v, n->max) > 0)
		report(c, true, v->pos, "record.number-too-large", where(c),
		    n->max->text, v->text);
}

static void check(struct ck *, const struct node *, const struct value *);

static void
check_ref(struct ck *c, const struct node *n, const struct value *v)
{
	struct buf key = {0};
	const char *near;

	if (!schema_plain_text(v) || v->len == 0) {
		mismatch(c, n, v, "record.wrong-type");
		return;
	}
	if (c->refs == NULL || c->refs->exists == NULL)
		return;
	buf_add(&key, v->text, v->len);
	if (!c->refs->exists(c->refs->ctx, n->to, buf_cstr(&key))) {
		near = c->refs->nearest != NULL && c->d != NULL ?
		    c->refs->nearest(c->refs->ctx, n->to, buf_cstr(&key)) :
		    NULL;
		if (near != NULL)
			report(c, true, v->pos, "record.unknown-ref-near",
			    where(c), n->to, diag_fmt(c->d, "%s",
			    buf_cstr(&key)), near);
		else
			report(c, true, v->pos, "record.unknown-ref",
			    where(c), n->to, c->d ? diag_fmt(c->d, "%s",
			    buf_cstr(&key)) : NULL);
	}
	buf_release(&key);
}

static void
check_enum(struct ck *c, const struct node *n, const struct value *v)
{
	struct buf s = {0};
	const char *near = NULL;
	size_t i;

	for (i = 0; schema_plain_text(v) && i < n->nenum; i++)
		if (strlen(n->enums[i]) == v->len &&
		    memcmp(n->enums[i], v->text, v->len) == 0)
			return;
	if (c->d != NULL && v->type == VALUE_STR) {
		buf_add(&s, v->text, v->len);
		near = utf8_nearest(buf_cstr(&s), n->enums, n->nenum);
	}
	if (near != NULL)
		report(c, true, v->pos, "record.enum-near", where(c),
		    shown(c, v), near, key_list(c, n->enums, n->nenum));
	else if (c->d != NULL)
		report(c, true, v->pos, "record.enum", where(c), shown(c, v),
		    key_list(c, n->enums, n->nenum));
	else
		c->errors++;
	buf_release(&s);
}

/*
 * Where in the file byte off of scalar v is: its line, and its column
 * when the value sits on one line (a plain or quoted scalar).  False
 * when the text alone cannot tell (a block, or a value over lines).
 */
static bool
spot(const struct value *v, size_t off, struct pos *p)
{
	*p = v->pos;
	if (v->style == 2 || memchr(v->text, '\n', v->len) != NULL ||
	    p->line == 0)
		return false;
	p->col += (unsigned)utf8_count(v->text, off) + (v->style == 1);
	return true;
}

static void
check_docnumber(struct ck *c, const struct node *n, const struct value *v)
{
	unsigned long ch;

	if (v->type == VALUE_STR && (ch = schema_docnumber_lookalike(v->text,
	    v->len)) != 0) {
		report(c, true, v->pos, "record.docnumber-lookalike",
		    where(c), shown(c, v), ch == 0xD0 ? "Ð" : "ð",
		    ch == 0xD0 ? "U+00D0" : "U+00F0", ch == 0xD0 ? "Đ" : "đ",
		    ch == 0xD0 ? "U+0110" : "U+0111");
		return;
	}
	if (v->type != VALUE_STR || !schema_is_docnumber(v->text, v->len))
		mismatch(c, n, v, "record.wrong-type");
}

/*
 * Ð (U+00D0) and ð (U+00F0) look like Đ and đ but are other letters:
 * search, sorting and screen readers go wrong.  In running text they
 * are a warning at the letter itself.
 */
static void
lookalike(struct ck *c, const struct value *v)
{
	const char *t = v->text, *e = t + v->len, *q;
	uint32_t ch;
	struct pos p;

	if (c->d == NULL || v->type != VALUE_STR)
		return;
	/* Both are C3 and one continuation byte (90, B0); C3 only ever
	 * leads, so a byte search finds what decoding would. */
	for (q = t; (q = memchr(q, 0xC3, (size_t)(e - q))) != NULL && q + 1 < e;
	     q++) {
		if ((unsigned char)q[1] != 0x90 && (unsigned char)q[1] != 0xB0)
			continue;
		ch = (unsigned char)q[1] == 0x90 ? 0xD0 : 0xF0;
		spot(v, (size_t)(q - t), &p);
		report(c, false, p, "record.text-lookalike", where(c),
		    ch == 0xD0 ? "Ð" : "ð", ch == 0xD0 ? "U+00D0" : "U+00F0",
		    diag_fmt(c->d, "%u", p.line), diag_fmt(c->d, "%u", p.col),
		    ch == 0xD0 ? "Đ" : "đ");
		return;		/* one per value: the fix finds the rest */
	}
}

/* Text: a string, or a number written plainly, within length bounds. */
static void
check_text(struct ck *c, const struct node *n, const struct value *v)
{
	size_t len;

	if (!schema_plain_text(v)) {
		mismatch(c, n, v, v->type == VALUE_BOOL ?
		    "record.wrong-type-bool" : "record.wrong-type");
		return;
	}
	/* Counted only for a bound: most texts have none. */
	len =
	    n->min != NULL || n->max != NULL ? utf8_count(v->text, v->len) : 0;
	if (n->min != NULL && (int64_t)len < n->min->u.i)
		report(c, true, v->pos, "record.text-too-short", where(c),
		    n->min->text, c->d ? diag_fmt(c->d, "%zu", len) : NULL);
	if (n->max != NULL && (int64_t)len > n->max->u.i)
		report(c, true, v->pos, "record.text-too-long", where(c),
		    n->max->text, c->d ? diag_fmt(c->d, "%zu", len) : NULL);
	lookalike(c, v);
}

static void
check_ltext(struct ck *c, const struct node *n, const struct value *v)
{
	struct node text = *n;	/* for "'title.en' must be text" */
	size_t i;

	if (v->type != VALUE_MAP) {
		check_text(c, n, v);
		return;
	}
	if (v->n == 0)
		mismatch(c, n, v, "record.wrong-type");
	for (i = 0; i < v->n; i++) {
		const struct value_pair *p = &v->pairs[i];

		if (strcmp(p->key, "vi") != 0 && strcmp(p->key, "en") != 0) {
			unknown_key(c, p, lang_keys, 2);
			continue;
		}
		push(c, p->key, 0, NULL);
		text.type = T_TEXT;
		check_text(c, &text, p->val);
		c->nfr--;
	}
}


/*
 * True for "1.500", "12.000", "-250.000": one to three digits (not a
 * lone 0), a dot, three digits ending in "00" — how a round thousand
 * looks in Vietnamese, and rarely how a decimal is written.
 */
static bool
thousands_like(const char *t)
{
	const char *dot;
	size_t i, n;

	if (*t == '-')
		t++;
	if ((dot = strchr(t, '.')) == NULL || dot == t || dot - t > 3 ||
	    strlen(dot + 1) != 3)
		return false;
	n = (size_t)(dot - t);
	for (i = 0; i < n; i++)
		if (t[i] < '0' || t[i] > '9')
			return false;
	for (i = 1; i <= 3; i++)
		if (dot[i] < '0' || dot[i] > '9')
			return false;
	return !(n == 1 && t[0] == '0') && dot[2] == '0' && dot[3] == '0';
}

/*
 * A date written day first — 15/06/2021, 5-6-2021, 15.06.2021 — as
 * YYYY-MM-DD in out; false when s is not one, or not a real date.
 */
static bool
date_dmy(const char *s, size_t n, char out[DATE_ISO_SIZE])
{
	unsigned part[3] = {0, 0, 0}, digs[3] = {0, 0, 0};
	size_t i, k = 0;
	char sep = 0;

	for (i = 0; i < n; i++) {
		if (ascii_isdigit((unsigned char)s[i])) {
			if (++digs[k] > 4)
				return false;
			part[k] = part[k] * 10 + (unsigned)(s[i] - '0');
		} else if ((s[i] == '/' || s[i] == '-' || s[i] == '.') &&
		    k < 2 && digs[k] > 0 && (sep == 0 || s[i] == sep)) {
			sep = s[i];
			k++;
		} else {
			return false;
		}
	}
	if (k != 2 || digs[0] > 2 || digs[1] > 2 || digs[2] != 4)
		return false;
	snprintf(out, DATE_ISO_SIZE, "%04u-%02u-%02u", part[2], part[1],
	    part[0]);
	return date_is_valid(out, 10);
}

/* The text without the dot: "1.500" → "1500". */
static const char *
undotted(const struct ck *c, const char *t)
{
	const char *dot = strchr(t, '.');

	return diag_fmt(c->d, "%.*s%s", (int)(dot - t), t, dot + 1);
}

static void
check_scalar(struct ck *c, const struct node *n, const struct value *v)
{
	const char *s = v->text;
	size_t len = v->len;
	bool str = v->type == VALUE_STR, text = schema_plain_text(v), ok;
	char iso[DATE_ISO_SIZE];
	int date = 0;

	switch (n->type) {
	case T_INT:
	case T_AMOUNT:
		ok = v->type == VALUE_INT;
		break;
	case T_FIGURE:
		/* A budget figure: budget.c judges its decimals against the
		 * record's currency unit, and any other scalar (6OO,
		 * 1.500.000), saying what was meant: one message.  A list
		 * or a map is the schema's to refuse. */
		ok = value_is_scalar(v);
		break;
	case T_DECIMAL:
	case T_PERCENT:
		ok = v->type == VALUE_INT || v->type == VALUE_NUM;
		/*
		 * "1.500" is one and a half to YAML; an editor used to
		 * Vietnamese figures may have meant one thousand five
		 * hundred.  Say so, once, where it is written.
		 */
		if (ok && v->type == VALUE_NUM && thousands_like(v->text) &&
		    c->d != NULL)
			report(c, false, v->pos, "record.thousands-like",
			    where(c), v->text, diag_fmt(c->d, "%.*s,%s",
			    (int)(strchr(v->text, '.') - v->text), v->text,
			    strchr(v->text, '.') + 1), undotted(c, v->text));
		break;
	case T_DATE:
		if (text && date_dmy(s, len, iso)) {
			report(c, true, v->pos, "record.date-dmy", where(c),
			    shown(c, v), c->d ? diag_fmt(c->d, "%s", iso) :
			    NULL);
			return;
		}
		if (str && (date = date_check(s, len)) == -1) {
			report(c, true, v->pos, "record.date-impossible",
			    where(c), c->d ? diag_fmt(c->d, "%.10s", s) : NULL);
			return;
		}
		ok = str && date == 1;
		break;
	case T_DATETIME:
		ok = str && schema_is_datetime(s, len);
		break;
	case T_BOOL:
		ok = v->type == VALUE_BOOL;
		break;
	case T_SLUG:
		ok = text && schema_is_slug(s, len);
		break;
	case T_URL:
		ok = str && schema_is_url(s, len);
		break;
	case T_EMAIL:
		ok = str && schema_is_email(s, len);
		break;
	case T_PHONE:
		ok = text && schema_is_phone(s, len);
		break;
	case T_TAXCODE:
		ok = text && schema_is_taxcode(s, len);
		break;
	default:
		ok = true;
		break;
	}
	if (!ok)
		mismatch(c, n, v, "record.wrong-type");
	else if (n->type <= T_PERCENT && n->type >= T_INT)
		bounds(c, n, v);
}

/* An example line for field name of schema n: "published_on: 2024-01-15". */
static const char *
example(const struct ck *c, const char *name, const struct node *n)
{
	static const char *const ex[] = {
		[T_TEXT] = "…", [T_LTEXT] = "…", [T_INT] = "10",
		[T_DECIMAL] = "112.5", [T_AMOUNT] = "1060000000",
		[T_FIGURE] = "1060000000", [T_PERCENT] = "94.68",
		[T_DATE] = "2024-01-15",
		[T_DATETIME] = "2024-01-15T08:30:00+07:00",
		[T_BOOL] = "true", [T_SLUG] = "ten-khong-dau",
		[T_URL] = "https://…", [T_EMAIL] = "bql@…",
		[T_PHONE] = "0263 3822 123",
		[T_DOCNUMBER] = "130/2019/NQ-HĐND",
		[T_TAXCODE] = "5800123456", [T_LIST] = "[…]",
		[T_MAP] = "{…}", [T_REF] = "…",
	};
	const char *x = NULL;

	while (n->type == T_DEF)
		n = n->def->node;
	if (n->type == T_UNION && n->nalt > 0)
		return example(c, name, n->alts[0]);
	if (n->type == T_ENUM && n->nenum > 0)
		x = n->enums[0];
	else if (n->type < sizeof ex / sizeof *ex)
		x = ex[n->type];
	return diag_fmt(c->d, "%s: %s", name, x != NULL ? x : "…");
}

static void
check_map(struct ck *c, const struct node *n, const struct value *v)
{
	const struct value_pair *p;
	const struct node *f;
	const char *near;
	size_t i, j;
	bool *covered;

	if (v->type != VALUE_MAP) {
		mismatch(c, n, v, "record.wrong-type");
		return;
	}
	covered = xcalloc(n->nfield + 1, sizeof *covered);
	/*
	 * A misspelt key that stands for a missing required field is one
	 * mistake: one error at the key, and no "missing" for the field.
	 */
	for (i = 0; i < v->n && n->nfield > 0; i++) {
		p = &v->pairs[i];
		for (j = 0; j < n->nfield; j++)
			if (strcmp(p->key, n->names[j]) == 0)
				break;
		if (j < n->nfield || n->values != NULL ||
		    (near = utf8_nearest_memo(c->near, p->key, n->names,
		         n->nfield)) == NULL)
			continue;
		for (j = 0; j < n->nfield; j++)
			if (strcmp(near, n->names[j]) == 0 &&
			    n->fields[j]->required &&
			    value_map_get(v, near) == NULL && !covered[j]) {
				covered[j] = true;
				report(c, true, value_pair_pos(p),
				    "record.misspelled-required", p->key,
				    c->d ? inside(c) : NULL, near);
			}
	}
	for (i = 0; i < n->nfield; i++) {
		const struct value *x;

		if (!n->fields[i]->required || covered[i] ||
		    !empty(x = value_map_get(v, n->names[i])))
			continue;
		if (x == NULL) {
			report(c, true, v->pos, "record.missing-field",
			    n->names[i], c->d ? inside(c) : NULL, c->d ?
			    example(c, n->names[i], n->fields[i]) : NULL);
			continue;
		}
		push(c, n->names[i], 0, NULL);
		report(c, true, x->pos, "record.empty-field", where(c),
		    c->d ? example(c, n->names[i], n->fields[i]) : NULL);
		c->nfr--;
	}
	for (i = 0; i < v->n; i++) {
		p = &v->pairs[i];
		for (j = 0, f = NULL; j < n->nfield && f == NULL; j++)
			if (strcmp(p->key, n->names[j]) == 0)
				f = n->fields[j];
		if (f == NULL && n->values == NULL) {
			near = utf8_nearest_memo(c->near, p->key, n->names,
			    n->nfield);
			for (j = 0; near != NULL && j < n->nfield; j++)
				if (covered[j] && strcmp(near,
				    n->names[j]) == 0)
					break;
			if (n->nfield > 0 && (near == NULL || j == n->nfield))
				unknown_key(c, p, n->names, n->nfield);
			continue;
		}
		push(c, p->key, 0, NULL);
		if (f != NULL && f->deprecated != NULL) {
			if (*f->deprecated != '\0')
				report(c, false, value_pair_pos(p),
				    "record.deprecated-advice", where(c),
				    f->deprecated);
			else
				report(c, false, value_pair_pos(p),
				    "record.deprecated", where(c));
		}
		/* An optional field left empty counts as left out. */
		if (!empty(p->val))
			check(c, f != NULL ? f : n->values, p->val);
		c->nfr--;
	}
	free(covered);
}

static void
check_list(struct ck *c, const struct node *n, const struct value *v)
{
	size_t i;

	if (v->type != VALUE_LIST) {
		mismatch(c, n, v, "record.wrong-type");
		return;
	}
	if (n->min != NULL && (int64_t)v->n < n->min->u.i)
		report(c, true, v->pos, "record.list-too-short", where(c),
		    n->min->text,
		    c->d ? diag_fmt(c->d, "%zu", (size_t)v->n) : NULL);
	if (n->max != NULL && (int64_t)v->n > n->max->u.i)
		report(c, true, v->pos, "record.list-too-long", where(c),
		    n->max->text,
		    c->d ? diag_fmt(c->d, "%zu", (size_t)v->n) : NULL);
	for (i = 0; n->of != NULL && i < v->n; i++) {
		push(c, NULL, i, v->items[i]);
		check(c, n->of, v->items[i]);
		c->nfr--;
	}
}

/* Which shapes of value a schema can take: 1 scalar, 2 list, 4 map. */
static unsigned
shapes(const struct node *n)
{
	unsigned m = 0;
	size_t i;

	while (n->type == T_DEF)
		n = n->def->node;
	switch (n->type) {
	case T_ANY:
		return 7;
	case T_LIST:
		return 2;
	case T_MAP:
		return 4;
	case T_LTEXT:
		return 5;
	case T_UNION:
		for (i = 0; i < n->nalt; i++)
			m |= shapes(n->alts[i]);
		return m;
	default:
		return 1;
	}
}

/*
 * The first alternative that takes v without error wins.  Only those of
 * v's shape are tried; when one alone has that shape, its own precise
 * errors are reported, else one message names every alternative.
 */
static void
check_union(struct ck *c, const struct node *n, const struct value *v)
{
	unsigned shape = v->type == VALUE_LIST ? 2 : v->type == VALUE_MAP ?
	    4 : 1;
	struct diags *d = c->d;
	size_t i, errors = c->errors, fit = 0, last = 0;

	for (i = 0; i < n->nalt; i++)
		if (shapes(n->alts[i]) & shape) {
			fit++;
			last = i;
		}
	if (fit == 1) {
		check(c, n->alts[last], v);
		return;
	}
	for (i = 0; fit > 1 && i < n->nalt; i++) {
		if (!(shapes(n->alts[i]) & shape))
			continue;
		c->d = NULL;
		c->errors = 0;
		check(c, n->alts[i], v);
		c->d = d;
		if (c->errors == 0) {
			c->errors = errors;
			check(c, n->alts[i], v);	/* for its warnings */
			return;
		}
	}
	c->errors = errors;
	mismatch(c, n, v, "record.wrong-type");
}

static void
check(struct ck *c, const struct node *n, const struct value *v)
{
	while (n->type == T_DEF)
		n = n->def->node;
	/* Loaded trees are at most 64 deep; a built one might not be. */
	if (c->depth >= 4 * VALUE_MAX_DEPTH) {
		report(c, true, v->pos, "record.too-deep", where(c));
		return;
	}
	c->depth++;
	switch (n->type) {
	case T_ANY:
		break;
	case T_TEXT:
		check_text(c, n, v);
		break;
	case T_LTEXT:
		check_ltext(c, n, v);
		break;
	case T_ENUM:
		check_enum(c, n, v);
		break;
	case T_DOCNUMBER:
		check_docnumber(c, n, v);
		break;
	case T_REF:
		check_ref(c, n, v);
		break;
	case T_LIST:
		check_list(c, n, v);
		break;
	case T_MAP:
		check_map(c, n, v);
		break;
	case T_UNION:
		check_union(c, n, v);
		break;
	default:
		check_scalar(c, n, v);
		break;
	}
	c->depth--;
}

int
schema_check(const struct schemas *s, const char *kind,
    const struct value *v, const struct schema_refs *refs,
    struct diags *d)
{
	const struct node *n = schema_find_kind(s, kind);
	struct ck *c;
	int rc;

	if (n == NULL) {
		struct pos p = v != NULL ? v->pos : pos_file(NULL);

		return diag_error(d, p, "record.no-schema", kind);
	}
	c = xcalloc(1, sizeof *c);
	c->refs = refs;
	c->d = d;
	c->near = s->near;
	c->vi = strcmp(diags_lang(d), "vi") == 0;
	if (v == NULL || v->type != VALUE_MAP) {
		diag_error(d, v != NULL ? v->pos : pos_file(NULL),
		    "record.not-map", kind, v != NULL ? shown(c, v) :
		    c->vi ? "không có gì" : "nothing");
		free(c);
		return -1;
	}
	check_map(c, n, v);
	rc = c->errors > 0 ? -1 : 0;
	free(c);
	return rc;
}

/* ---- walking a record's references ---- */

struct each {
	void (*fn)(void *, const char *, const char *, const struct value *);
	void *ctx;
	struct buf path;	/* dotted field names, no list indexes */
	unsigned depth;
};

static void
each_ref(struct each *e, const struct node *n, const struct value *v)
{
	unsigned shape = v->type == VALUE_LIST ? 2 : v->type == VALUE_MAP ?
	    4 : 1;
	size_t i, j, outer = e->path.len;

	while (n->type == T_DEF)
		n = n->def->node;
	if (empty(v) || e->depth > 4 * VALUE_MAX_DEPTH)
		return;
	e->depth++;
	switch (n->type) {
	case T_REF:
		if (schema_plain_text(v))
			e->fn(e->ctx, buf_cstr(&e->path), n->to, v);
		break;
	case T_LIST:
		for (i = 0; v->type == VALUE_LIST && n->of != NULL &&
		    i < v->n; i++)
			each_ref(e, n->of, v->items[i]);
		break;
	case T_MAP:
		for (i = 0; v->type == VALUE_MAP && i < v->n; i++) {
			const struct value_pair *p = &v->pairs[i];
			const struct node *f = n->values;

			for (j = 0; j < n->nfield; j++)
				if (strcmp(p->key, n->names[j]) == 0) {
					f = n->fields[j];
					break;
				}
			while (f != NULL && f->type == T_DEF)
				f = f->def->node;
			/* A text, a date...: no reference below. */
			if (f == NULL ||
			    (f->type != T_REF && f->type != T_LIST &&
			        f->type != T_MAP && f->type != T_UNION))
				continue;
			if (outer)
				buf_addc(&e->path, '.');
			buf_adds(&e->path, p->key);
			each_ref(e, f, p->val);
			buf_truncate(&e->path, outer);
		}
		break;
	case T_UNION:
		/* The first alternative of the value's shape, as checked. */
		for (i = 0; i < n->nalt; i++)
			if (shapes(n->alts[i]) & shape) {
				each_ref(e, n->alts[i], v);
				break;
			}
		break;
	default:
		break;
	}
	e->depth--;
}

void
schema_each_ref(const struct schemas *s, const char *kind,
    const struct value *v,
    void (*fn)(void *ctx, const char *field, const char *to_kind,
    const struct value *node), void *ctx)
{
	const struct node *n = schema_find_kind(s, kind);
	struct each e = {fn, ctx, {0}, 0};

	if (n == NULL || v == NULL || v->type != VALUE_MAP)
		return;
	each_ref(&e, n, v);
	buf_release(&e.path);
}

/* Adds nul for every field that n knows and the maps below v lack. */
static void
fill(struct arena *a, const struct node *n, struct value *v, int depth,
    struct value *nul)
{
	unsigned shape = v->type == VALUE_LIST ? 2 :
	    v->type == VALUE_MAP               ? 4 :
	                                         1;
	size_t i, j;

	while (n->type == T_DEF)
		n = n->def->node;
	if (depth > 4 * VALUE_MAX_DEPTH)
		return;
	switch (n->type) {
	case T_LIST:
		for (i = 0; v->type == VALUE_LIST && n->of != NULL &&
		    i < v->n; i++)
			fill(a, n->of, v->items[i], depth + 1, nul);
		break;
	case T_MAP:
		if (v->type != VALUE_MAP)
			break;
		for (j = 0; j < n->nfield; j++) {
			struct value *x = value_map_get(v, n->names[j]);

			if (x != NULL) {
				fill(a, n->fields[j], x, depth + 1, nul);
				continue;
			}
			value_map_append(a, v, n->names[j], strlen(n->names[j]),
			    v->pos, nul);
		}
		break;
	case T_UNION:
		for (i = 0; i < n->nalt; i++)
			if (shapes(n->alts[i]) & shape) {
				fill(a, n->alts[i], v, depth + 1, nul);
				break;
			}
		break;
	default:
		break;
	}
}

void
schema_fill_absent(const struct schemas *s, const char *kind, struct arena *a,
    struct value *v, struct value *nul)
{
	const struct node *n = schema_find_kind(s, kind);
	size_t i, j;

	if (n == NULL || v == NULL || v->type != VALUE_MAP)
		return;
	while (n->type == T_DEF)
		n = n->def->node;
	if (n->type != T_MAP)
		return;
	/* Only below the top: the record's own frame is made already.
	 * A scalar has nothing below it. */
	for (i = 0; i < v->n; i++) {
		if (v->pairs[i].val->type != VALUE_MAP &&
		    v->pairs[i].val->type != VALUE_LIST)
			continue;
		for (j = 0; j < n->nfield; j++)
			if (strcmp(v->pairs[i].key, n->names[j]) == 0) {
				fill(a, n->fields[j], v->pairs[i].val, 1, nul);
				break;
			}
	}
}

void
schema_fill_frame(const struct schemas *s, const char *kind, struct arena *a,
    struct value *f, struct value *nul)
{
	const struct node *n = schema_find_kind(s, kind);

	if (n != NULL && f != NULL && f->type == VALUE_MAP)
		fill(a, n, f, 0, nul);
}
