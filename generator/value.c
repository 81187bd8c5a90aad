/*
 * The value tree: constructors, lists and ordered maps grown in the
 * arena, lookups by key and dotted path, and the ways a value leaves
 * the program: as template text (value_scalar_text), as JSON
 * (value_to_json) and as YAML for people (value_to_yaml, `minhbach
 * render --context`).  The YAML loader that builds trees is value_yaml.c.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "utf8.h"
#include "value.h"

uint32_t
value_len(size_t n)
{
	if (n > UINT32_MAX)
		xoom();
	return (uint32_t)n;
}

struct value *
value_new(struct arena *a, enum value_type t, struct pos p)
{
	struct value *v = arena_calloc(a, 1, sizeof *v);

	v->type = (unsigned char)t;
	v->pos = p;
	/* Never NULL, so that callers may print any scalar's text. */
	v->text = "";
	return v;
}

static const struct pos nopos;

struct value *
value_null(struct arena *a)
{
	return value_new(a, VALUE_NULL, nopos);
}

struct value *
value_bool(struct arena *a, bool b)
{
	struct value *v = value_new(a, VALUE_BOOL, nopos);

	v->u.b = b;
	v->text = b ? "true" : "false";
	v->len = value_len(strlen(v->text));
	return v;
}

struct value *
value_int(struct arena *a, int64_t i)
{
	struct value *v = value_new(a, VALUE_INT, nopos);

	v->u.i = i;
	v->text = arena_printf(a, "%lld", (long long)i);
	v->len = value_len(strlen(v->text));
	return v;
}

struct value *
value_str(struct arena *a, const char *s, size_t n)
{
	return value_str_borrow(a, arena_strndup(a, s, n), n);
}

struct value *
value_strz(struct arena *a, const char *s)
{
	return value_str(a, s, strlen(s));
}

struct value *
value_str_borrow(struct arena *a, const char *s, size_t n)
{
	struct value *v = value_new(a, VALUE_STR, nopos);

	v->text = s;
	v->len = value_len(n);
	return v;
}

struct value *
value_list(struct arena *a)
{
	return value_new(a, VALUE_LIST, nopos);
}

struct value *
value_map(struct arena *a)
{
	return value_new(a, VALUE_MAP, nopos);
}

void
value_reserve(struct arena *a, struct value *v, size_t n)
{
	assert(v->type == VALUE_LIST || v->type == VALUE_MAP);
	if (n <= v->cap)
		return;
	if (v->type == VALUE_LIST) {
		struct value **p = arena_calloc(a, n, sizeof *p);

		if (v->n)
			memcpy(p, v->items, v->n * sizeof *p);
		v->items = p;
	} else {
		struct value_pair *p = arena_calloc(a, n, sizeof *p);

		if (v->n)
			memcpy(p, v->pairs, v->n * sizeof *p);
		v->pairs = p;
	}
	v->cap = value_len(n);
}

void
value_list_push(struct arena *a, struct value *l, struct value *v)
{
	assert(l->type == VALUE_LIST && v != NULL);
	if (l->n == l->cap) {
		size_t cap = l->cap;

		l->items =
		    arena_grow(a, l->items, l->n, &cap, sizeof *l->items);
		l->cap = value_len(cap);
	}
	l->items[l->n++] = v;
}

void
value_map_append(struct arena *a, struct value *m, const char *key,
    size_t keylen, struct pos keypos, struct value *v)
{
	struct value_pair *p;

	assert(m->type == VALUE_MAP && v != NULL);
	if (m->n == m->cap) {
		size_t cap = m->cap;

		m->pairs =
		    arena_grow(a, m->pairs, m->n, &cap, sizeof *m->pairs);
		m->cap = value_len(cap);
	}
	assert(key[keylen] == '\0');
	p = &m->pairs[m->n++];
	p->key = key;
	p->line = keypos.line;
	p->col = keypos.col;
	p->val = v;
}

struct pos
value_pair_pos(const struct value_pair *p)
{
	struct pos r = {p->val->pos.path, p->line, p->col};

	return r;
}

/*
 * True when NUL-terminated k is key[0..n).  Reads no byte of k past its
 * NUL: the first byte settles most keys (a frame has some forty, many
 * of a length), and a shorter k ends the loop.
 */
static bool
key_is(const char *k, const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (k[i] != key[i] || k[i] == '\0')
			return false;
	return k[n] == '\0';
}

/* Replaces the value of key[0..n) in m; false when m lacks it. */
static bool
replace(struct value *m, const char *key, size_t n, struct value *v)
{
	size_t i;

	assert(m->type == VALUE_MAP && v != NULL);
	for (i = 0; i < m->n; i++) {
		if (key_is(m->pairs[i].key, key, n)) {
			struct value_pair *p = &m->pairs[i];
			const char *was = p->val->pos.path;

			/* Keeps its place in the map.  A value from another
			 * file moves the key there too (value_pair_pos()
			 * takes the value's path): the line and column of
			 * the new value, never the old key's in a new file. */
			if (was != v->pos.path && (was == NULL ||
			    v->pos.path == NULL || strcmp(was, v->pos.path))) {
				p->line = v->pos.line;
				p->col = v->pos.col;
			}
			p->val = v;
			return true;
		}
	}
	return false;
}

void
value_map_set(struct arena *a, struct value *m, const char *key,
    struct value *v)
{
	size_t n = strlen(key);

	/* A computed key is located where its value came from. */
	if (!replace(m, key, n, v))
		value_map_append(a, m, arena_strndup(a, key, n), n, v->pos, v);
}

void
value_map_put(struct arena *a, struct value *m, const char *key,
    struct value *v)
{
	size_t n = strlen(key);

	if (!replace(m, key, n, v))
		value_map_append(a, m, key, n, v->pos, v);
}

/*
 * Maps are small (front matter, one budget line): a linear scan is as
 * fast as hashing and keeps the pairs in document order with no index
 * to maintain.  The loader's duplicate check has a table of its own.
 * A page's frame has some forty keys: key_is() settles most of them
 * at their first byte.
 */
struct value *
value_map_getn(const struct value *m, const char *key, size_t n)
{
	const struct value_pair *p;
	size_t i;

	if (m == NULL || m->type != VALUE_MAP)
		return NULL;
	for (i = 0, p = m->pairs; i < m->n; i++, p++)
		if (key_is(p->key, key, n))
			return p->val;
	return NULL;
}

struct value *
value_map_get(const struct value *m, const char *key)
{
	return value_map_getn(m, key, strlen(key));
}

/* As in Mustache, a key that itself holds a '.' is out of reach here. */
struct value *
value_path(const struct value *m, const char *dotted)
{
	const struct value *v = m;
	const char *s = dotted, *dot;

	for (;;) {
		dot = strchr(s, '.');
		if (dot == NULL)
			return value_map_get(v, s);
		v = value_map_getn(v, s, (size_t)(dot - s));
		if (v == NULL)
			return NULL;
		s = dot + 1;
	}
}

const char *
value_map_str(const struct value *m, const char *key)
{
	const struct value *v = value_map_get(m, key);

	/* A null has no text worth showing: "title: ~" is no title. */
	if (v == NULL || !value_is_scalar(v) || v->type == VALUE_NULL)
		return NULL;
	return v->text;
}

struct value *
value_lang(const struct value *m, const char *lang, const char *main_lang)
{
	struct value *t;

	if (m == NULL || m->type != VALUE_MAP || m->n == 0)
		return NULL;
	if (lang != NULL && (t = value_map_get(m, lang)) != NULL)
		return t;
	if (main_lang != NULL && (t = value_map_get(m, main_lang)) != NULL)
		return t;
	return m->pairs[0].val;
}

const char *
value_ltext(const struct value *v, const char *lang, const char *main_lang)
{
	if (v != NULL && v->type == VALUE_MAP)
		v = value_lang(v, lang, main_lang);
	if (v == NULL || !value_is_scalar(v) || v->type == VALUE_NULL ||
	    v->len == 0)
		return NULL;
	return v->text;
}

bool
value_truthy(const struct value *v)
{
	if (v == NULL)
		return false;
	switch (v->type) {
	case VALUE_NULL:
		return false;
	case VALUE_BOOL:
		return v->u.b;
	case VALUE_STR:
		return v->len > 0;
	case VALUE_LIST:
		return v->n > 0;
	case VALUE_INT:
	case VALUE_NUM:
		/* "count: 0" is a value to show, not an absence. */
		return true;
	case VALUE_MAP:
		return true;
	}
	return true;
}

bool
value_is_scalar(const struct value *v)
{
	return v != NULL && v->type != VALUE_LIST && v->type != VALUE_MAP;
}

/*
 * Writes d in the fewest significant digits that read back as d
 * ("1.21", not "1.2100000000000000"), in plain notation unless the
 * exponent is far out (as JavaScript does: 100, 0.001, 1e+21).
 * Infinities and NaN come out in YAML's spelling.
 */
static void
shortest(double d, char *s, size_t n)
{
	int prec, exp;
	char *e;

	if (isnan(d)) {
		snprintf(s, n, ".nan");
		return;
	}
	if (isinf(d)) {
		snprintf(s, n, d < 0 ? "-.inf" : ".inf");
		return;
	}
	for (prec = 0; prec < 17; prec++) {
		snprintf(s, n, "%.*e", prec, d);
		if (strtod(s, NULL) == d)
			break;
	}
	e = strchr(s, 'e');
	exp = e != NULL ? atoi(e + 1) : 0;
	if (exp > -7 && exp < 21)
		snprintf(s, n, "%.*f", prec - exp > 0 ? prec - exp : 0, d);
}

void
value_scalar_text(const struct value *v, struct buf *out)
{
	char num[64];

	if (v == NULL)
		return;
	switch (v->type) {
	case VALUE_NULL:	/* the spec: null interpolates as "" */
	case VALUE_LIST:
	case VALUE_MAP:
		break;
	case VALUE_BOOL:
		buf_adds(out, v->u.b ? "true" : "false");
		break;
	case VALUE_INT:
		/* 0x1F and +7 are shown as 31 and 7. */
		buf_addf(out, "%lld", (long long)v->u.i);
		break;
	case VALUE_NUM:
		shortest(v->u.d, num, sizeof num);
		buf_adds(out, num);
		break;
	case VALUE_STR:
		buf_add(out, v->text, v->len);
		break;
	}
}

const char *
value_type_name(enum value_type t)
{
	switch (t) {
	case VALUE_NULL: return "null";
	case VALUE_BOOL: return "boolean";
	case VALUE_INT: return "integer";
	case VALUE_NUM: return "number";
	case VALUE_STR: return "string";
	case VALUE_LIST: return "list";
	case VALUE_MAP: return "map";
	}
	return "value";
}

/* Returns true when s[0..n) is a number as JSON spells it (RFC 8259). */
static bool
json_number(const char *s, size_t n)
{
	size_t i = 0, d;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0') {
		i++;
	} else {
		for (d = i; i < n && ascii_isdigit(s[i]); i++)
			;
		if (i == d || s[d] == '0')
			return false;
	}
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && ascii_isdigit(s[i]); i++)
			;
		if (i == d)
			return false;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && ascii_isdigit(s[i]); i++)
			;
		if (i == d)
			return false;
	}
	return i == n;
}

static void
newline(struct buf *out, int indent, int level)
{
	int i;

	if (indent <= 0)
		return;
	buf_addc(out, '\n');
	for (i = 0; i < indent * level; i++)
		buf_addc(out, ' ');
}

/* Depth is bounded by the loader (VALUE_MAX_DEPTH) and by the model. */
static void
json(const struct value *v, struct buf *out, int indent, int level,
    const struct value *skip)
{
	char num[64];
	size_t i, k;

	if (v == NULL) {
		buf_adds(out, "null");
		return;
	}
	switch (v->type) {
	case VALUE_NULL:
		buf_adds(out, "null");
		break;
	case VALUE_BOOL:
		buf_adds(out, v->u.b ? "true" : "false");
		break;
	case VALUE_INT:
		/* Keep the digits as written when JSON can say them so. */
		if (json_number(v->text, v->len))
			buf_add(out, v->text, v->len);
		else
			buf_addf(out, "%lld", (long long)v->u.i);
		break;
	case VALUE_NUM:
		/* "120.50" stays 120.50: money keeps its written digits. */
		if (json_number(v->text, v->len)) {
			buf_add(out, v->text, v->len);
		} else if (isnan(v->u.d) || isinf(v->u.d)) {
			buf_adds(out, "null");	/* JSON has neither */
		} else {
			shortest(v->u.d, num, sizeof num);
			buf_adds(out, num);
		}
		break;
	case VALUE_STR:
		buf_add_json(out, v->text, v->len);
		break;
	case VALUE_LIST:
		buf_addc(out, '[');
		for (i = 0; i < v->n; i++) {
			if (i)
				buf_addc(out, ',');
			newline(out, indent, level + 1);
			json(v->items[i], out, indent, level + 1, skip);
		}
		if (v->n)
			newline(out, indent, level);
		buf_addc(out, ']');
		break;
	case VALUE_MAP:
		buf_addc(out, '{');
		for (i = k = 0; i < v->n; i++) {
			if (skip != NULL && v->pairs[i].val == skip)
				continue;
			if (k++)
				buf_addc(out, ',');
			newline(out, indent, level + 1);
			buf_add_json(out, v->pairs[i].key,
			    strlen(v->pairs[i].key));
			buf_adds(out, indent > 0 ? ": " : ":");
			json(v->pairs[i].val, out, indent, level + 1, skip);
		}
		if (k)
			newline(out, indent, level);
		buf_addc(out, '}');
		break;
	}
}

void
value_to_json(const struct value *v, struct buf *out, int indent)
{
	json(v, out, indent, 0, NULL);
}

void
value_to_json_without(const struct value *v, struct buf *out, int indent,
    const struct value *skip)
{
	json(v, out, indent, 0, skip);
}

/* ---- YAML, for people reading a context ---- */

/* A list or map met while writing YAML: how often, and its anchor. */
struct ynode {
	const struct value *v;
	size_t count;
	unsigned anchor;	/* 0: none yet */
	bool done;		/* written once already */
};

struct ywriter {
	struct buf *out;
	size_t max_str;
	struct ynode *nodes;
	size_t n, cap;
	unsigned anchors;
};

static struct ynode *
ynode_find(struct ywriter *w, const struct value *v)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->nodes[i].v == v)
			return &w->nodes[i];
	return NULL;
}

/* Counts every non-empty list and map, each one's insides once. */
static void
ycount(struct ywriter *w, const struct value *v)
{
	struct ynode *e;
	size_t i;

	if (v == NULL || (v->type != VALUE_LIST && v->type != VALUE_MAP) ||
	    v->n == 0)
		return;
	if ((e = ynode_find(w, v)) != NULL) {
		e->count++;
		return;
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->nodes = xreallocarray(w->nodes, w->cap, sizeof *w->nodes);
	}
	w->nodes[w->n++] = (struct ynode){v, 1, 0, false};
	for (i = 0; i < v->n; i++)
		ycount(w, v->type == VALUE_LIST ? v->items[i] :
		    v->pairs[i].val);
}

/* True if key reads back as the same string when written plain. */
static bool
plain_key(const char *k, size_t n)
{
	size_t i;

	if (n == 0 || !(ascii_isalpha(k[0]) || k[0] == '_'))
		return false;
	for (i = 1; i < n; i++)
		if (!(ascii_isalnum(k[i]) || k[i] == '_' || k[i] == '-'))
			return false;
	/* The core schema would read these as null or booleans. */
	return !((n == 4 && (memcmp(k, "null", 4) == 0 ||
	    memcmp(k, "Null", 4) == 0 || memcmp(k, "NULL", 4) == 0 ||
	    memcmp(k, "true", 4) == 0 || memcmp(k, "True", 4) == 0 ||
	    memcmp(k, "TRUE", 4) == 0)) || (n == 5 && (memcmp(k, "false",
	    5) == 0 || memcmp(k, "False", 5) == 0 || memcmp(k, "FALSE",
	    5) == 0)));
}

static void
spaces(struct buf *out, size_t n)
{
	while (n-- > 0)
		buf_addc(out, ' ');
}

static void ynode(struct ywriter *w, const struct value *v, size_t col,
    bool dash);

static void
ypairs(struct ywriter *w, const struct value *v, size_t col, bool inline1)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		size_t kn = strlen(v->pairs[i].key);

		if (i > 0 || !inline1)
			spaces(w->out, col);
		if (plain_key(v->pairs[i].key, kn))
			buf_add(w->out, v->pairs[i].key, kn);
		else
			buf_add_json(w->out, v->pairs[i].key, kn);
		buf_addc(w->out, ':');
		ynode(w, v->pairs[i].val, col + 2, false);
	}
}

static void
yitems(struct ywriter *w, const struct value *v, size_t col)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		spaces(w->out, col);
		buf_addc(w->out, '-');
		ynode(w, v->items[i], col + 2, true);
	}
}

/* A scalar, shortened past max_str bytes (at a character) with a note. */
static void
yscalar(struct ywriter *w, const struct value *v)
{
	struct buf b = {0};
	size_t cut;

	if (v == NULL || v->type != VALUE_STR || w->max_str == 0 ||
	    v->len <= w->max_str) {
		json(v, w->out, 0, 0, NULL); /* JSON scalars are YAML's */
		return;
	}
	for (cut = w->max_str; cut > 0 && !utf8_is_lead(
	    (unsigned char)v->text[cut]); cut--)
		;
	buf_add(&b, v->text, cut);
	buf_adds(&b, "…");
	buf_add_json(w->out, b.data, b.len);
	buf_addf(w->out, "  # shortened: %zu bytes in all", (size_t)v->len);
	buf_release(&b);
}

/* Writes v after "key:" or "-" (dash), its insides at column col. */
static void
ynode(struct ywriter *w, const struct value *v, size_t col, bool dash)
{
	struct ynode *e = NULL;

	if (v != NULL && (v->type == VALUE_LIST || v->type == VALUE_MAP) &&
	    v->n > 0)
		e = ynode_find(w, v);
	if (e != NULL && e->done) {
		buf_addf(w->out, " *v%u\n", e->anchor);
		return;
	}
	if (e != NULL) {
		e->done = true;
		if (e->count > 1) {
			e->anchor = ++w->anchors;
			buf_addf(w->out, " &v%u", e->anchor);
		}
	}
	if (e == NULL) {
		buf_addc(w->out, ' ');
		if (v != NULL && v->type == VALUE_LIST)
			buf_adds(w->out, "[]");
		else if (v != NULL && v->type == VALUE_MAP)
			buf_adds(w->out, "{}");
		else
			yscalar(w, v);
		buf_addc(w->out, '\n');
	} else if (v->type == VALUE_MAP && dash && e->anchor == 0) {
		buf_addc(w->out, ' ');	/* - first: …, the rest below */
		ypairs(w, v, col, true);
	} else if (v->type == VALUE_MAP) {
		buf_addc(w->out, '\n');
		ypairs(w, v, col, false);
	} else {
		buf_addc(w->out, '\n');
		yitems(w, v, col);
	}
}

void
value_to_yaml(const struct value *v, struct buf *out, size_t max_str)
{
	struct ywriter w = {out, max_str, NULL, 0, 0, 0};
	struct ynode *e;

	ycount(&w, v);
	if (v != NULL && (v->type == VALUE_MAP || v->type == VALUE_LIST) &&
	    v->n > 0) {
		e = ynode_find(&w, v);
		e->done = true;
		if (e->count > 1) {	/* something inside refers back */
			e->anchor = ++w.anchors;
			buf_addf(out, "&v%u\n", e->anchor);
		}
		if (v->type == VALUE_MAP)
			ypairs(&w, v, 0, false);
		else
			yitems(&w, v, 0);
	} else {
		yscalar(&w, v);
		buf_addc(out, '\n');
	}
	free(w.nodes);
}
