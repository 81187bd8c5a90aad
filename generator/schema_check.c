/*
 * Validate stage, generic half: checking.  In: the compiled schemas
 * (schema.c) and an item's value tree.  Out: located errors and warnings
 * for every problem of the item, all in one pass; and the walks over a
 * record that its schema guides (references, absent fields).  Domain
 * checks (sums, dates in order) live elsewhere.
 */
#include <stdarg.h>
#include <stdint.h>
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

/* Appends a scalar as a message shows it: strings quoted and cut short. */
static void
show(struct buf *b, const struct value *v)
{
	const char *s = v->text;
	size_t i, cps = 0;

	if (v->type == VALUE_NULL) {
		buf_adds(b, "empty");
		return;
	}
	if (v->type == VALUE_LIST || v->type == VALUE_MAP) {
		buf_adds(b, v->type == VALUE_LIST ? "a list" : "a map");
		return;
	}
	if (v->type == VALUE_STR)
		buf_addc(b, '\'');
	for (i = 0; i < v->len; i++) {
		if (utf8_is_lead((unsigned char)s[i]) && ++cps > 40)
			break;
		if (s[i] == '\n' || s[i] == '\r')
			break;
		buf_addc(b, s[i]);
	}
	if (i < v->len)
		buf_adds(b, "…");
	if (v->type == VALUE_STR)
		buf_addc(b, '\'');
}

static bool
empty(const struct value *v)
{
	return v == NULL || v->type == VALUE_NULL ||
	    (v->type == VALUE_STR && v->len == 0);
}

/* ---- checking a value tree ---- */

struct ck {
	const struct schema_refs *refs;
	struct diags *d;	/* NULL while trying a union's alternatives */
	struct buf path;	/* the name of the node being checked */
	size_t errors;
	unsigned depth;
};

static void report(struct ck *, bool, struct pos, const char *, ...)
    __attribute__((format(printf, 4, 5)));

static void
report(struct ck *c, bool error, struct pos p, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	if (error)
		c->errors++;
	if (c->d == NULL)
		return;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (error)
		diag_errorf(c->d, p, "%s", buf_cstr(&b));
	else
		diag_warningf(c->d, p, "%s", buf_cstr(&b));
	buf_release(&b);
}

/* Appends what a value of n must be ("a date like 2020-01-15"). */
static void
want(struct buf *b, const struct node *n)
{
	size_t i;

	while (n->type == T_DEF)
		n = n->def->node;
	if (n->type == T_UNION) {
		for (i = 0; i < n->nalt; i++) {
			if (i > 0)
				buf_adds(b, " or ");
			want(b, n->alts[i]);
		}
	} else if (n->type == T_ENUM) {
		buf_adds(b, "one of: ");
		for (i = 0; i < n->nenum; i++)
			buf_addf(b, "%s%s", i ? ", " : "", n->enums[i]);
	} else if (n->type == T_REF) {
		buf_addf(b, "the name of a %s record", n->to);
	} else {
		buf_adds(b, schema_type_want(n->type));
	}
}

static void
mismatch(struct ck *c, const struct node *n, const struct value *v,
    const char *extra)
{
	struct buf w = {0}, s = {0};

	if (c->d != NULL) {
		want(&w, n);
		show(&s, v);
	}
	report(c, true, v->pos, "'%s' must be %s, not %s%s",
	    buf_cstr(&c->path), buf_cstr(&w), buf_cstr(&s), extra);
	buf_release(&w);
	buf_release(&s);
}

static size_t
push(struct ck *c, const char *key, size_t index)
{
	size_t len = c->path.len;

	if (key == NULL)
		buf_addf(&c->path, "[%zu]", index + 1);
	else
		buf_addf(&c->path, "%s%s", len ? "." : "", key);
	return len;
}

static void
unknown_key(struct ck *c, size_t outer, const struct value_pair *p,
    const char *const *names, size_t n)
{
	const char *near = utf8_nearest(p->key, names, n);
	struct buf b = {0};
	size_t i;

	if (c->d == NULL)
		return;
	if (outer > 0)
		buf_addf(&b, " in '%.*s'", (int)outer, c->path.data);
	if (near != NULL)
		buf_addf(&b, " (did you mean '%s'?)", near);
	else if (n <= 8) {
		buf_adds(&b, " (known keys: ");
		for (i = 0; i < n; i++)
			buf_addf(&b, "%s%s", i ? ", " : "", names[i]);
		buf_adds(&b, ")");
	}
	report(c, false, p->keypos, "unknown key '%s'%s", p->key,
	    buf_cstr(&b));
	buf_release(&b);
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
		report(c, true, v->pos, "'%s' must be at least %s, not %s",
		    buf_cstr(&c->path), n->min->text, v->text);
	if (n->max != NULL && numcmp(v, n->max) > 0)
		report(c, true, v->pos, "'%s' must be at most %s, not %s",
		    buf_cstr(&c->path), n->max->text, v->text);
}

static void check(struct ck *, const struct node *, const struct value *);

static void
check_ref(struct ck *c, const struct node *n, const struct value *v)
{
	struct buf key = {0};

	if (!schema_plain_text(v) || v->len == 0) {
		mismatch(c, n, v, "");
		return;
	}
	if (c->refs == NULL || c->refs->exists == NULL)
		return;
	buf_add(&key, v->text, v->len);
	if (!c->refs->exists(c->refs->ctx, n->to, buf_cstr(&key)))
		report(c, true, v->pos, "there is no %s record '%s' (named "
		    "in '%s')", n->to, buf_cstr(&key), buf_cstr(&c->path));
	buf_release(&key);
}

static void
check_enum(struct ck *c, const struct node *n, const struct value *v)
{
	struct buf s = {0}, extra = {0};
	const char *near;
	size_t i;

	for (i = 0; schema_plain_text(v) && i < n->nenum; i++)
		if (strlen(n->enums[i]) == v->len &&
		    memcmp(n->enums[i], v->text, v->len) == 0)
			return;
	if (c->d != NULL && v->type == VALUE_STR) {
		buf_add(&s, v->text, v->len);
		near = utf8_nearest(buf_cstr(&s), n->enums, n->nenum);
		if (near != NULL)
			buf_addf(&extra, " (did you mean '%s'?)", near);
	}
	mismatch(c, n, v, buf_cstr(&extra));
	buf_release(&s);
	buf_release(&extra);
}

static void
check_docnumber(struct ck *c, const struct node *n, const struct value *v)
{
	unsigned long ch;

	if (v->type == VALUE_STR && (ch = schema_docnumber_lookalike(v->text,
	    v->len)) != 0) {
		report(c, true, v->pos, "'%s' uses the look-alike letter %s "
		    "(U+00%X); type %s (U+011%c)", buf_cstr(&c->path),
		    ch == 0xD0 ? "Ð" : "ð", (unsigned)ch,
		    ch == 0xD0 ? "Đ" : "đ", ch == 0xD0 ? '0' : '1');
		return;
	}
	if (v->type != VALUE_STR || !schema_is_docnumber(v->text, v->len))
		mismatch(c, n, v, "");
}

/* Text: a string, or a number written plainly, within length bounds. */
static void
check_text(struct ck *c, const struct node *n, const struct value *v)
{
	size_t len;

	if (!schema_plain_text(v)) {
		mismatch(c, n, v, v->type == VALUE_BOOL ? " (put it in "
		    "quotes if it is meant as text)" : "");
		return;
	}
	len = utf8_count(v->text, v->len);
	if (n->min != NULL && (int64_t)len < n->min->u.i)
		report(c, true, v->pos, "'%s' must be at least %s "
		    "characters long, not %zu", buf_cstr(&c->path),
		    n->min->text, len);
	if (n->max != NULL && (int64_t)len > n->max->u.i)
		report(c, true, v->pos, "'%s' must be at most %s characters "
		    "long, not %zu", buf_cstr(&c->path), n->max->text, len);
}

static void
check_ltext(struct ck *c, const struct node *n, const struct value *v)
{
	struct node text = *n;	/* for "'title.en' must be text" */
	size_t i, outer;

	if (v->type != VALUE_MAP) {
		check_text(c, n, v);
		return;
	}
	if (v->n == 0)
		mismatch(c, n, v, "");
	for (i = 0; i < v->n; i++) {
		const struct value_pair *p = &v->pairs[i];

		if (strcmp(p->key, "vi") != 0 && strcmp(p->key, "en") != 0) {
			outer = c->path.len;
			unknown_key(c, outer, p, lang_keys, 2);
			continue;
		}
		outer = push(c, p->key, 0);
		text.type = T_TEXT;
		check_text(c, &text, p->val);
		buf_truncate(&c->path, outer);
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

static void
check_scalar(struct ck *c, const struct node *n, const struct value *v)
{
	const char *s = v->text;
	size_t len = v->len;
	bool str = v->type == VALUE_STR, text = schema_plain_text(v), ok;
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
		if (ok && v->type == VALUE_NUM && thousands_like(v->text))
			report(c, false, v->pos, "'%s' is %s, read as a "
			    "decimal (%.*s,%s); if a thousands separator was "
			    "meant, write it without the dot",
			    buf_cstr(&c->path), v->text,
			    (int)(strchr(v->text, '.') - v->text), v->text,
			    strchr(v->text, '.') + 1);
		break;
	case T_DATE:
		if (str && (date = date_check(s, len)) == -1) {
			report(c, true, v->pos, "'%s' must be a real date; "
			    "%.10s does not exist", buf_cstr(&c->path), s);
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
		mismatch(c, n, v, "");
	else if (n->type <= T_PERCENT && n->type >= T_INT)
		bounds(c, n, v);
}

static void
check_map(struct ck *c, const struct node *n, const struct value *v)
{
	const struct value_pair *p;
	const struct node *f;
	size_t i, j, outer = c->path.len;

	if (v->type != VALUE_MAP) {
		mismatch(c, n, v, "");
		return;
	}
	for (i = 0; i < n->nfield; i++) {
		const struct value *x = value_map_get(v, n->names[i]);

		if (!n->fields[i]->required || !empty(x))
			continue;
		push(c, n->names[i], 0);
		if (x == NULL)
			report(c, true, v->pos, "missing required field "
			    "'%s'", buf_cstr(&c->path));
		else
			report(c, true, x->pos, "'%s' is required but empty",
			    buf_cstr(&c->path));
		buf_truncate(&c->path, outer);
	}
	for (i = 0; i < v->n; i++) {
		p = &v->pairs[i];
		for (j = 0, f = NULL; j < n->nfield && f == NULL; j++)
			if (strcmp(p->key, n->names[j]) == 0)
				f = n->fields[j];
		if (f == NULL && n->values == NULL) {
			if (n->nfield > 0)
				unknown_key(c, outer, p, n->names, n->nfield);
			continue;
		}
		push(c, p->key, 0);
		if (f != NULL && f->deprecated != NULL)
			report(c, false, p->keypos, "'%s' is deprecated%s%s",
			    buf_cstr(&c->path), *f->deprecated ? ": " : "",
			    f->deprecated);
		/* An optional field left empty counts as left out. */
		if (!empty(p->val))
			check(c, f != NULL ? f : n->values, p->val);
		buf_truncate(&c->path, outer);
	}
}

static void
check_list(struct ck *c, const struct node *n, const struct value *v)
{
	size_t i, outer = c->path.len;

	if (v->type != VALUE_LIST) {
		mismatch(c, n, v, "");
		return;
	}
	if (n->min != NULL && (int64_t)v->n < n->min->u.i)
		report(c, true, v->pos, "'%s' must have at least %s item%s, "
		    "not %zu", buf_cstr(&c->path), n->min->text,
		    n->min->u.i == 1 ? "" : "s", v->n);
	if (n->max != NULL && (int64_t)v->n > n->max->u.i)
		report(c, true, v->pos, "'%s' must have at most %s item%s, "
		    "not %zu", buf_cstr(&c->path), n->max->text,
		    n->max->u.i == 1 ? "" : "s", v->n);
	for (i = 0; n->of != NULL && i < v->n; i++) {
		push(c, NULL, i);
		check(c, n->of, v->items[i]);
		buf_truncate(&c->path, outer);
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
	mismatch(c, n, v, "");
}

static void
check(struct ck *c, const struct node *n, const struct value *v)
{
	while (n->type == T_DEF)
		n = n->def->node;
	/* Loaded trees are at most 64 deep; a built one might not be. */
	if (c->depth > 4 * VALUE_MAX_DEPTH) {
		report(c, true, v->pos, "'%s' is nested too deeply",
		    buf_cstr(&c->path));
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
	struct ck c = {refs, d, {0}, 0, 0};
	struct buf what = {0};

	if (n == NULL) {
		struct pos p = v != NULL ? v->pos : pos_file(NULL);

		return diag_errorf(d, p, "no schema for kind '%s'", kind);
	}
	if (v == NULL || v->type != VALUE_MAP) {
		if (v != NULL)
			show(&what, v);
		diag_errorf(d, v != NULL ? v->pos : pos_file(NULL), "a %s "
		    "record must be a map of 'key: value' lines, not %s",
		    kind, v != NULL ? buf_cstr(&what) : "nothing");
		buf_release(&what);
		return -1;
	}
	check_map(&c, n, v);
	buf_release(&c.path);
	return c.errors > 0 ? -1 : 0;
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
			const struct node *f = n->values;

			for (j = 0; j < n->nfield; j++)
				if (strcmp(v->pairs[i].key, n->names[j]) == 0)
					f = n->fields[j];
			if (f == NULL)
				continue;
			buf_addf(&e->path, "%s%s", outer ? "." : "",
			    v->pairs[i].key);
			each_ref(e, f, v->pairs[i].val);
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

/* Adds a null for every field that n knows and the maps below v lack. */
static void
fill(struct arena *a, const struct node *n, struct value *v, int depth)
{
	unsigned shape = v->type == VALUE_LIST ? 2 : v->type == VALUE_MAP ?
	    4 : 1;
	size_t i, j;

	while (n->type == T_DEF)
		n = n->def->node;
	if (depth > 4 * VALUE_MAX_DEPTH)
		return;
	switch (n->type) {
	case T_LIST:
		for (i = 0; v->type == VALUE_LIST && n->of != NULL &&
		    i < v->n; i++)
			fill(a, n->of, v->items[i], depth + 1);
		break;
	case T_MAP:
		if (v->type != VALUE_MAP)
			break;
		for (j = 0; j < n->nfield; j++) {
			struct value *x = value_map_get(v, n->names[j]);

			if (x != NULL) {
				fill(a, n->fields[j], x, depth + 1);
				continue;
			}
			x = value_null(a);
			x->pos = v->pos;
			value_map_append(a, v, n->names[j],
			    strlen(n->names[j]), v->pos, x);
		}
		break;
	case T_UNION:
		for (i = 0; i < n->nalt; i++)
			if (shapes(n->alts[i]) & shape) {
				fill(a, n->alts[i], v, depth + 1);
				break;
			}
		break;
	default:
		break;
	}
}

void
schema_fill_absent(const struct schemas *s, const char *kind,
    struct arena *a, struct value *v)
{
	const struct node *n = schema_find_kind(s, kind);
	size_t i, j;

	if (n == NULL || v == NULL || v->type != VALUE_MAP)
		return;
	while (n->type == T_DEF)
		n = n->def->node;
	if (n->type != T_MAP)
		return;
	/* Only below the top: the record's own frame is made already. */
	for (i = 0; i < v->n; i++)
		for (j = 0; j < n->nfield; j++)
			if (strcmp(v->pairs[i].key, n->names[j]) == 0)
				fill(a, n->fields[j], v->pairs[i].val, 1);
}

void
schema_fill_frame(const struct schemas *s, const char *kind,
    struct arena *a, struct value *f)
{
	const struct node *n = schema_find_kind(s, kind);

	if (n != NULL && f != NULL && f->type == VALUE_MAP)
		fill(a, n, f, 0);
}
