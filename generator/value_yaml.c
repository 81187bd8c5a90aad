/*
 * The load stage for YAML: bytes of one document (a .yaml file or the
 * front matter of a Markdown file) go in, a value tree in the arena comes
 * out, every node and key with its path:line:col.  libyaml's event API
 * does the parsing; this file types scalars by the YAML 1.2 core schema
 * and enforces the limits: depth, alias expansion, duplicate keys, tags.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "buf.h"
#include "hash.h"
#include "utf8.h"
#include "value.h"

#define CORE_TAG "tag:yaml.org,2002:"

bool value_yaml_quick = true;

/* An open-addressing table from strings to indices (anchors, keys). */
struct slot {
	const char *key;	/* NULL: empty */
	size_t len, idx;
};

struct table {
	struct slot *v;
	size_t cap, n;
};

struct anchor {
	const char *name;
	struct value *node;
	uint64_t weight;	/* nodes it stands for, aliases expanded */
};

/* An event of a document read by quick_scan(): what of libyaml's
 * event the loader looks at. */
struct qevent {
	yaml_event_type_t type;
	yaml_scalar_style_t style;
	size_t index; /* the start mark's, in code points */
	size_t off, len; /* a scalar's bytes in the input */
};

struct loader {
	struct arena *a;
	struct diags *d;
	yaml_parser_t *p;
	const char *path;	/* arena copy, or NULL */
	const char *src;	/* the input after any BOM */
	size_t n;
	unsigned first_line;
	size_t *lines;		/* code-point offset of each line's start */
	size_t nlines;
	uint64_t total;		/* nodes so far, each alias use at full size */
	struct anchor *anchors;
	size_t nanchors, capanchors;
	struct table anchor_index;
	bool failed;		/* a located error that does not stop us */
	/* A document quick_scan() read: its events, in place of libyaml's. */
	const struct qevent *q;
	size_t nq, iq;
};

static int node(struct loader *, yaml_event_t *, unsigned, struct value **,
    uint64_t *);

/* FNV-1a (hash.c): short keys, no adversary worth more than this. */
static size_t
hash(const char *s, size_t n)
{
	return (size_t)hash_fnv1a(HASH_FNV1A_INIT, s, n);
}

/* Returns the slot of key in t, or the empty slot where it belongs. */
static struct slot *
table_find(struct table *t, const char *key, size_t len)
{
	size_t i = hash(key, len) & (t->cap - 1);

	while (t->v[i].key != NULL) {
		if (t->v[i].len == len && memcmp(t->v[i].key, key, len) == 0)
			break;
		i = (i + 1) & (t->cap - 1);
	}
	return &t->v[i];
}

/* Maps key to idx, replacing an earlier idx; keeps the load below 1/2. */
static void
table_put(struct arena *a, struct table *t, const char *key, size_t len,
    size_t idx)
{
	struct slot *s;

	if ((t->n + 1) * 2 > t->cap) {
		struct table nt;
		size_t i;

		nt.cap = t->cap ? t->cap * 2 : 16;
		nt.n = t->n;
		nt.v = arena_calloc(a, nt.cap, sizeof *nt.v);
		for (i = 0; i < t->cap; i++)
			if (t->v[i].key != NULL)
				*table_find(&nt, t->v[i].key, t->v[i].len) =
				    t->v[i];
		*t = nt;
	}
	s = table_find(t, key, len);
	if (s->key == NULL) {
		s->key = key;
		s->len = len;
		t->n++;
	}
	s->idx = idx;
}

/* Returns the index stored for key, or SIZE_MAX. */
static size_t
table_get(struct table *t, const char *key, size_t len)
{
	struct slot *s;

	if (t->cap == 0)
		return SIZE_MAX;
	s = table_find(t, key, len);
	return s->key != NULL ? s->idx : SIZE_MAX;
}

/*
 * libyaml's marks count code points from the start of the input, but it
 * also breaks lines at CR, NEL, U+2028 and U+2029.  Lines are counted here
 * from the mark's index at '\n' only, as editors and the rest of minhbach
 * count them.
 */
static struct pos
mkpos(const struct loader *L, yaml_mark_t m)
{
	struct pos p;
	size_t lo = 0, hi = L->nlines;

	/* The last line start <= m.index. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (L->lines[mid] <= m.index)
			lo = mid;
		else
			hi = mid;
	}
	p.path = L->path;
	p.line = L->first_line + (unsigned)lo;
	p.col = (unsigned)(m.index - L->lines[lo]) + 1;
	return p;
}

/* Fills L->lines from src[0..n). */
static void
index_lines(struct loader *L, const char *src, size_t n)
{
	size_t i, cp = 0, cap = 64;

	L->lines = xreallocarray(NULL, cap, sizeof *L->lines);
	L->lines[0] = 0;
	L->nlines = 1;
	/* Counted without a branch: Vietnamese text would mispredict one
	 * every few bytes, and every front matter comes here. */
	for (i = 0; i < n; i++) {
		cp += utf8_is_lead((unsigned char)src[i]);
		if (src[i] != '\n')
			continue;
		if (L->nlines == cap) {
			cap *= 2;
			L->lines = xreallocarray(L->lines, cap,
			    sizeof *L->lines);
		}
		L->lines[L->nlines++] = cp;
	}
}

/*
 * The first tab in the indentation of lines [first, last] of the input
 * (0-based; a tab after the text of a line is harmless): its position,
 * or false.  YAML refuses tabs there, and libyaml's complaint names
 * only a symptom ("found character that cannot start any token").
 * Only the lines at the error count: a block scalar may hold tabs.
 */
static bool
tab_indent(const struct loader *L, size_t first, size_t last,
    struct pos *at)
{
	size_t i, line = 0, col = 0;
	bool lead = true;

	for (i = 0; i < L->n && line <= last; i++) {
		if (L->src[i] == '\n') {
			line++;
			col = 0;
			lead = true;
			continue;
		}
		if (utf8_is_lead((unsigned char)L->src[i]))
			col++;
		if (lead && L->src[i] == '\t' && line >= first) {
			at->path = L->path;
			at->line = L->first_line + (unsigned)line;
			at->col = (unsigned)col;
			return true;
		}
		if (L->src[i] != ' ')
			lead = false;
	}
	return false;
}

/* Records libyaml's error (its problem text, located); returns -1. */
static int
parse_error(struct loader *L)
{
	yaml_parser_t *p = L->p;
	const char *problem = p->problem ? p->problem : "syntax error";
	struct pos at, tab;

	if (p->error == YAML_MEMORY_ERROR)
		xoom();
	if (p->error == YAML_READER_ERROR) {
		/* problem_offset counts bytes, not code points. */
		size_t off = p->problem_offset < L->n ? p->problem_offset :
		    L->n;
		yaml_mark_t m = {0, 0, 0};

		m.index = utf8_count(L->src, off);
		at = mkpos(L, m);
		return diag_error(L->d, at, "yaml.reader", problem);
	}
	at = mkpos(L, p->problem_mark);
	/* One cause, one message: a tab explains what follows it. */
	if (tab_indent(L, p->problem_mark.line > 0 ?
	    p->problem_mark.line - 1 : 0, p->problem_mark.line, &tab))
		return diag_error(L->d, tab, "yaml.tab-indent",
		    diag_fmt(L->d, "%u", tab.line),
		    diag_fmt(L->d, "%u", tab.col));
	if (strcmp(problem, "mapping values are not allowed in this "
	    "context") == 0)
		return diag_error(L->d, at, "yaml.colon-in-value");
	if (strcmp(problem, "did not find expected key") == 0)
		return diag_error(L->d, at, "yaml.indent");
	if (strcmp(problem, "found character that cannot start any "
	    "token") == 0)
		return diag_error(L->d, at, "yaml.bad-start");
	if (p->context != NULL) {
		struct pos ctx = mkpos(L, p->context_mark);

		/* "while parsing a flow sequence" started somewhere. */
		if (strstr(p->context, "flow sequence") != NULL)
			return diag_error(L->d, at, "yaml.flow-list",
			    diag_fmt(L->d, "%u", ctx.line));
		if (strstr(p->context, "flow mapping") != NULL)
			return diag_error(L->d, at, "yaml.flow-map",
			    diag_fmt(L->d, "%u", ctx.line));
		if (strstr(p->context, "quoted scalar") != NULL)
			return diag_error(L->d, at, "yaml.quote",
			    diag_fmt(L->d, "%u", ctx.line));
		return diag_error(L->d, at, "yaml.syntax-context", problem,
		    p->context, diag_fmt(L->d, "%u", ctx.line));
	}
	return diag_error(L->d, at, "yaml.syntax", problem);
}

/*
 * The front matter of nearly every page is a few lines of `key: value`,
 * and libyaml reads each with its buffers, tokens and copies: most of
 * the load's time.  quick_scan() reads such a document itself and gives
 * the events libyaml would give; anything else goes to libyaml, whose
 * events the same loader then reads.  What quick_scan() takes is
 * narrow on purpose, where libyaml's reading is plain to see:
 *
 *	key: plain scalar
 *	key: "double-quoted, without escapes"
 *	key: 'single-quoted, without quotes inside'
 *	key: [plain, flow, items]
 *
 * each line at column 1, ending in '\n' (a CR anywhere, a tab, a
 * comment, an empty value, a blank line, an indented line, an escape, a
 * ':' or '#' in a plain scalar: libyaml), keys of ASCII letters, digits,
 * '_' and '-'.  Diagnostics stay the loader's own (a duplicate key, an
 * integer out of range), from the same events.
 */
#define QUICK_MAX 256 /* events: longer documents go to libyaml */

/* What may not stand in each kind of quick scalar, by ASCII byte
 * (besides the controls and DEL, which stand in none). */
enum {
	Q_PLAIN = 1, /* ':' '#', which could end a plain scalar */
	Q_FLOW = 2, /* those and a flow's indicators, and quotes */
	Q_DQ = 4, /* '"' '\\' in double quotes */
	Q_SQ = 8, /* '\'' in single quotes */
};

/* clang-format off */
static const unsigned char quick_ascii[128] = {
	[':'] = Q_PLAIN | Q_FLOW, ['#'] = Q_PLAIN | Q_FLOW,
	[','] = Q_FLOW, ['['] = Q_FLOW, [']'] = Q_FLOW, ['{'] = Q_FLOW,
	['}'] = Q_FLOW, ['"'] = Q_FLOW | Q_DQ, ['\''] = Q_FLOW | Q_SQ,
	['\\'] = Q_DQ,
};
/* clang-format on */

/*
 * Steps over the characters from u[*i] that may stand in a quick scalar
 * of kind stop (Q_PLAIN...): ASCII ones the table lets through, and
 * those beyond that libyaml reads as printable, neither a blank nor a
 * line break (U+0085, U+2028, U+2029), nor a BOM.  *cp counts code
 * points.  The input is valid UTF-8 (parse() checked it), and ends in
 * '\n', which stops every kind.
 */
static void
quick_span(const unsigned char *u, size_t *i, size_t *cp, unsigned stop)
{
	size_t j = *i, k = *cp;

	for (;; k++) {
		uint32_t c = u[j];

		if (c < 0x80) {
			if (c < 0x20 || c == 0x7F || (quick_ascii[c] & stop))
				break;
			j++;
		} else if (c < 0xE0) {
			if (c == 0xC2 && u[j + 1] < 0xA0)
				break;
			j += 2;
		} else if (c < 0xF0) {
			c = (c & 0x0F) << 12 | (u[j + 1] & 0x3Fu) << 6 |
			    (u[j + 2] & 0x3Fu);
			if (c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
			    c > 0xFFFD)
				break;
			j += 3;
		} else {
			j += 4;
		}
	}
	*i = j;
	*cp = k;
}

/* Adds an event; false when there are too many. */
static bool
quick_add(struct qevent *q, size_t *nq, yaml_event_type_t type,
    yaml_scalar_style_t style, size_t index, size_t off, size_t len)
{
	if (*nq == QUICK_MAX)
		return false;
	q[(*nq)++] = (struct qevent){type, style, index, off, len};
	return true;
}

/*
 * A plain scalar at u[*i], in a block (stop Q_PLAIN) or a flow (Q_FLOW);
 * it must not start as an indicator would.  Trailing blanks are trimmed,
 * as libyaml does.  Adds its event.
 */
static bool
quick_plain(const unsigned char *u, size_t *i, size_t *cp, unsigned stop,
    struct qevent *q, size_t *nq)
{
	size_t off = *i, at = *cp, end;

	if (u[off] == ' ' || strchr("-?:,[]{}#&*!|>'\"%@`", u[off]) != NULL) {
		if (u[off] != '-' || !ascii_isdigit(u[off + 1]))
			return false;
	}
	quick_span(u, i, cp, stop);
	/* Trailing blanks are no part of it: back to the last other one. */
	for (end = *i; end > off && u[end - 1] == ' '; end--)
		;
	if (end == off)
		return false;
	*cp -= *i - end;
	*i = end;
	return quick_add(q, nq, YAML_SCALAR_EVENT, YAML_PLAIN_SCALAR_STYLE, at,
	    off, end - off);
}

static void
quick_blanks(const unsigned char *u, size_t *i, size_t *cp)
{
	while (u[*i] == ' ') {
		(*i)++;
		(*cp)++;
	}
}

/* The value of a `key: value` line at u[*i], up to its '\n'. */
static bool
quick_value(const unsigned char *u, size_t *i, size_t *cp, struct qevent *q,
    size_t *nq)
{
	unsigned char c = u[*i];
	size_t off;

	if (c == '"' || c == '\'') {
		size_t at = *cp;

		(*i)++;
		(*cp)++;
		off = *i;
		quick_span(u, i, cp, c == '"' ? Q_DQ : Q_SQ);
		if (u[*i] != c ||
		    !quick_add(q, nq, YAML_SCALAR_EVENT,
		        c == '"' ? YAML_DOUBLE_QUOTED_SCALAR_STYLE :
		                   YAML_SINGLE_QUOTED_SCALAR_STYLE,
		        at, off, *i - off))
			return false;
		(*i)++;
		(*cp)++;
	} else if (c == '[') {
		if (!quick_add(q, nq, YAML_SEQUENCE_START_EVENT, 0, *cp, 0, 0))
			return false;
		(*i)++;
		(*cp)++;
		quick_blanks(u, i, cp);
		while (u[*i] != ']') {
			if (!quick_plain(u, i, cp, Q_FLOW, q, nq))
				return false;
			quick_blanks(u, i, cp);
			if (u[*i] == ',') {
				(*i)++;
				(*cp)++;
				quick_blanks(u, i, cp);
				if (u[*i] == ']')
					return false;
			} else if (u[*i] != ']') {
				return false;
			}
		}
		if (!quick_add(q, nq, YAML_SEQUENCE_END_EVENT, 0, *cp, 0, 0))
			return false;
		(*i)++;
		(*cp)++;
	} else if (!quick_plain(u, i, cp, Q_PLAIN, q, nq)) {
		return false;
	}
	quick_blanks(u, i, cp);
	return u[*i] == '\n';
}

/*
 * Reads L's document into q[0..*nq) if it is one quick_scan() takes
 * (see above); false, with nothing said, for libyaml to read it.
 */
static bool
quick_scan(const struct loader *L, struct qevent *q, size_t *nq)
{
	const unsigned char *u = (const unsigned char *)L->src;
	size_t n = L->n, i = 0, cp = 0, off;

	*nq = 0;
	if (n == 0 || u[n - 1] != '\n' || !ascii_isalpha(u[0]))
		return false;
	quick_add(q, nq, YAML_STREAM_START_EVENT, 0, 0, 0, 0);
	quick_add(q, nq, YAML_DOCUMENT_START_EVENT, 0, 0, 0, 0);
	quick_add(q, nq, YAML_MAPPING_START_EVENT, 0, 0, 0, 0);
	while (i < n) {
		off = i;
		if (!ascii_isalpha(u[i]) && u[i] != '_')
			return false;
		while (ascii_isalnum(u[i]) || u[i] == '_' || u[i] == '-')
			i++;
		if (i - off > 64 || u[i] != ':' || u[i + 1] != ' ' ||
		    !quick_add(q, nq, YAML_SCALAR_EVENT,
		        YAML_PLAIN_SCALAR_STYLE, cp, off, i - off))
			return false;
		cp += i - off + 1;
		i++;
		quick_blanks(u, &i, &cp);
		if (!quick_value(u, &i, &cp, q, nq))
			return false;
		i++; /* the '\n' */
		cp++;
	}
	return quick_add(q, nq, YAML_MAPPING_END_EVENT, 0, cp, 0, 0) &&
	    quick_add(q, nq, YAML_DOCUMENT_END_EVENT, 0, cp, 0, 0) &&
	    quick_add(q, nq, YAML_STREAM_END_EVENT, 0, cp, 0, 0);
}

/* Reads the next event into *ev; -1 after recording libyaml's error. */
static int
next(struct loader *L, yaml_event_t *ev)
{
	if (L->q != NULL) {
		const struct qevent *e = &L->q[L->iq++];

		assert(L->iq <= L->nq);
		memset(ev, 0, sizeof *ev);
		ev->type = e->type;
		ev->start_mark.index = e->index;
		if (e->type == YAML_SCALAR_EVENT) {
			ev->data.scalar.value =
			    (yaml_char_t *)(uintptr_t)(L->src + e->off);
			ev->data.scalar.length = e->len;
			ev->data.scalar.style = e->style;
		}
		return 0;
	}
	if (!yaml_parser_parse(L->p, ev))
		return parse_error(L);
	return 0;
}

/* Lets go of an event: libyaml's own, not quick_scan()'s. */
static void
drop(struct loader *L, yaml_event_t *ev)
{
	if (L->q == NULL)
		yaml_event_delete(ev);
}

/* Returns "!!int" for libyaml's "tag:yaml.org,2002:int". */
static const char *
tag_name(struct loader *L, const char *tag)
{
	size_t k = strlen(CORE_TAG);

	if (strncmp(tag, CORE_TAG, k) == 0)
		return arena_printf(L->a, "!!%s", tag + k);
	return tag;
}

/* Returns true when tag is absent, "!" or the core tag named core. */
static bool
tag_is(const char *tag, const char *core)
{
	size_t k = strlen(CORE_TAG);

	return tag == NULL || strcmp(tag, "!") == 0 ||
	    (strncmp(tag, CORE_TAG, k) == 0 && strcmp(tag + k, core) == 0);
}

static bool
eq(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static bool
is_null(const char *s, size_t n)
{
	return n == 0 || eq(s, n, "~") || eq(s, n, "null") ||
	    eq(s, n, "Null") || eq(s, n, "NULL");
}

/* Returns 1 for true, 0 for false, -1 when s is neither. */
static int
is_bool(const char *s, size_t n)
{
	if (eq(s, n, "true") || eq(s, n, "True") || eq(s, n, "TRUE"))
		return 1;
	if (eq(s, n, "false") || eq(s, n, "False") || eq(s, n, "FALSE"))
		return 0;
	return -1;
}

static int
digit(char c, unsigned base)
{
	int v;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	else
		return -1;
	return (unsigned)v < base ? v : -1;
}

/*
 * Core schema integers: [-+]?[0-9]+, 0o[0-7]+, 0x[0-9a-fA-F]+.
 * Returns 1 with *out set, 0 when s is no integer, -1 on overflow.
 */
static int
parse_int(const char *s, size_t n, int64_t *out)
{
	unsigned base = 10;
	bool neg = false;
	uint64_t v = 0, limit;
	size_t i = 0;
	int dg;

	if (n > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
		base = s[1] == 'o' ? 8 : 16;
		i = 2;
	} else if (n > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == n)
		return 0;
	for (size_t j = i; j < n; j++)
		if (digit(s[j], base) < 0)
			return 0;
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < n; i++) {
		dg = digit(s[i], base);
		if (v > (limit - (uint64_t)dg) / base)
			return -1;
		v = v * base + (uint64_t)dg;
	}
	if (neg)
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	else
		*out = (int64_t)v;
	return 1;
}

/*
 * Core schema floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
 * and the spellings of infinity and NaN.  "1.060.000.000" is none of
 * these: Vietnamese thousands stay strings.
 */
static bool
parse_float(const char *s, size_t n, double *out)
{
	size_t i = 0, d, digits = 0;
	const char *t = s;

	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		i = 1;
	t = s + i;
	if (eq(t, n - i, ".inf") || eq(t, n - i, ".Inf") ||
	    eq(t, n - i, ".INF")) {
		*out = s[0] == '-' ? -INFINITY : INFINITY;
		return true;
	}
	if (eq(s, n, ".nan") || eq(s, n, ".NaN") || eq(s, n, ".NAN")) {
		*out = NAN;
		return true;
	}
	for (d = i; i < n && ascii_isdigit(s[i]); i++)
		;
	digits = i - d;
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && ascii_isdigit(s[i]); i++)
			;
		digits += i - d;
	}
	if (digits == 0)
		return false;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && ascii_isdigit(s[i]); i++)
			;
		if (i == d)
			return false;
	}
	if (i != n)
		return false;
	/* s is NUL-terminated arena text; no locale sets LC_NUMERIC. */
	*out = strtod(s, NULL);
	return true;
}

/* Records an error after which loading goes on (to find the others). */
#define soft(L, at, ...) do {						\
	diag_error((L)->d, (at), __VA_ARGS__);				\
	(L)->failed = true;						\
} while (0)

/*
 * Types the scalar of ev into v (a VALUE_STR, zeroed): untagged plain
 * scalars by the core schema, quoted and block scalars as strings,
 * tagged ones as their tag says.
 */
static void
scalar_in(struct loader *L, yaml_event_t *ev, struct value *v)
{
	const char *tag = (const char *)ev->data.scalar.tag;
	size_t n = ev->data.scalar.length;
	/* Keys and short words (a tag, a status) are kept once an arena. */
	const char *s =
	    arena_intern(L->a, (const char *)ev->data.scalar.value, n);
	struct pos at = mkpos(L, ev->start_mark);
	bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	int b, r = 0;

	v->pos = at;
	v->text = s;
	v->len = value_len(n);
	v->style = plain ? 0 :
	    ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	        ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE ?
	                   1 :
	                   2;
	if (tag != NULL && strcmp(tag, "!") == 0)
		return;		/* "! 12": explicitly a string */
	if (memchr(s, '\0', n) != NULL) {
		/* "\0" in double quotes: C strings downstream would stop. */
		soft(L, at, "yaml.nul-in-string");
		return;
	}
	/* "\v", "\x01", "\N" in double quotes: the file's own bytes were
	 * checked on load (content.c), the escapes are seen only here. */
	if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
		unsigned line, col;
		uint32_t cp;

		if (!utf8_find_control(s, n, &line, &col, &cp)) {
			soft(L, at, "text.control-char",
			    diag_fmt(L->d, "U+%04X", (unsigned)cp));
			return;
		}
	}
	if (tag == NULL && !plain)
		return;		/* quoted and block scalars are strings */
	if (tag != NULL && tag_is(tag, "str"))
		return;
	if ((tag == NULL || tag_is(tag, "null")) && is_null(s, n)) {
		v->type = VALUE_NULL;
		return;
	}
	if ((tag == NULL || tag_is(tag, "bool")) && (b = is_bool(s, n)) >= 0) {
		v->type = VALUE_BOOL;
		v->u.b = b == 1;
		return;
	}
	if ((tag == NULL || tag_is(tag, "int") || tag_is(tag, "float")) &&
	    (r = parse_int(s, n, &v->u.i)) == 1) {
		v->type = VALUE_INT;
		if (tag != NULL && tag_is(tag, "float")) {
			v->type = VALUE_NUM;
			v->u.d = (double)v->u.i;
		}
		return;
	}
	if (r == -1 && (tag == NULL || tag_is(tag, "int"))) {
		soft(L, at, "yaml.int-range", s);
		return;
	}
	if ((tag == NULL || tag_is(tag, "float")) &&
	    parse_float(s, n, &v->u.d)) {
		v->type = VALUE_NUM;
		return;
	}
	if (tag == NULL)
		return;		/* any other plain scalar is a string */
	if (tag_is(tag, "null") || tag_is(tag, "bool") ||
	    tag_is(tag, "int") || tag_is(tag, "float"))
		soft(L, at, "yaml.bad-tagged", s, tag_name(L, tag));
	else
		soft(L, at, "yaml.unknown-tag", tag_name(L, tag));
}

/* A scalar node of its own, in the arena. */
static void
scalar(struct loader *L, yaml_event_t *ev, struct value **out)
{
	*out = value_new(L->a, VALUE_STR, mkpos(L, ev->start_mark));
	scalar_in(L, ev, *out);
}

/* Remembers a finished node under its anchor (later ones win). */
static void
anchor(struct loader *L, const yaml_char_t *name, struct value *v,
    uint64_t weight)
{
	struct anchor *an;

	if (name == NULL)
		return;
	if (L->nanchors == L->capanchors) {
		struct anchor *old = L->anchors;

		/* The old array stays behind in the arena. */
		L->capanchors = L->capanchors ? L->capanchors * 2 : 8;
		L->anchors = arena_calloc(L->a, L->capanchors, sizeof *an);
		if (L->nanchors)
			memcpy(L->anchors, old, L->nanchors * sizeof *an);
	}
	an = &L->anchors[L->nanchors];
	an->name = arena_strdup(L->a, (const char *)name);
	an->node = v;
	an->weight = weight;
	table_put(L->a, &L->anchor_index, an->name, strlen(an->name),
	    L->nanchors);
	L->nanchors++;
}

static int
alias(struct loader *L, yaml_event_t *ev, struct value **out,
    uint64_t *weight)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct pos at = mkpos(L, ev->start_mark);
	size_t i = table_get(&L->anchor_index, name, strlen(name));

	/*
	 * Here and in node(), failures return a literal -1: callers read
	 * *out only after checking for it, and diag_error()'s -1 is not
	 * visible from this file to the static analyzer.
	 */
	if (i == SIZE_MAX) {
		/* Also an alias inside its own anchor: a cycle. */
		diag_error(L->d, at, "yaml.alias-unknown", name);
		return -1;
	}
	L->total += L->anchors[i].weight;
	if (L->total > VALUE_MAX_NODES) {
		diag_error(L->d, at, "yaml.alias-too-big", name,
		    diag_fmt(L->d, "%d", VALUE_MAX_NODES));
		return -1;
	}
	*out = L->anchors[i].node;
	*weight = L->anchors[i].weight;
	return 0;
}

/*
 * A collection is built in an array on the stack, then moved to an
 * arena array of exactly its length: grown in the arena (4, 8, 16...)
 * a record of seven keys would leave twelve pairs there, five of them
 * never used, and the first four as a copy no one reads.  Only a
 * collection longer than the stack's array grows in the arena.
 */
#define SMALL_SEQ 16
#define SMALL_PAIRS 16

/* The arena copy of the n entries of size sz at small; *cap = n. */
static void *
settle(struct arena *a, const void *small, uint32_t *cap, uint32_t n, size_t sz)
{
	void *p = NULL;

	if (n > 0) {
		p = arena_alloc(a, n * sz);
		memcpy(p, small, n * sz);
	}
	*cap = n;
	return p;
}

/* Returns -1 for a collection left unfinished by an error: it points
 * no more at the stack it was built on. */
static int
unstack(struct value *v, const void *small)
{
	if ((const void *)v->pairs == small) {
		v->pairs = NULL;
		v->n = v->cap = 0;
	}
	return -1;
}

static int
sequence(struct loader *L, yaml_event_t *start, unsigned depth,
    struct value **out, uint64_t *weight)
{
	struct value *l = value_new(L->a, VALUE_LIST,
	    mkpos(L, start->start_mark));
	struct value *item, *small[SMALL_SEQ];
	yaml_event_t ev;
	uint64_t w = 1, iw;
	int rc;

	l->items = small;
	l->cap = SMALL_SEQ;
	for (;;) {
		if (next(L, &ev) == -1)
			return unstack(l, small);
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			drop(L, &ev);
			break;
		}
		rc = node(L, &ev, depth, &item, &iw);
		drop(L, &ev);
		if (rc == -1)
			return unstack(l, small);
		value_list_push(L->a, l, item);
		w += iw;
	}
	if (l->items == small)
		l->items = settle(L->a, small, &l->cap, l->n, sizeof *small);
	anchor(L, start->data.sequence_start.anchor, l, w);
	*out = l;
	*weight = w;
	return 0;
}

/* Returns true for the merge key "<<" (plain, untagged). */
static bool
is_merge(const yaml_event_t *ev)
{
	return ev->type == YAML_SCALAR_EVENT && ev->data.scalar.tag == NULL &&
	    ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    eq((const char *)ev->data.scalar.value, ev->data.scalar.length,
	    "<<");
}

/*
 * Small maps are searched in order; from SMALL_MAP keys on, a table
 * keeps duplicate detection linear for maps of many thousand keys.
 */
#define SMALL_MAP 8

static size_t
find_key(const struct value *m, struct table *keys, const char *k,
    size_t n)
{
	size_t i;

	if (m->n > SMALL_MAP)
		return table_get(keys, k, n);
	/* Keys hold no NUL (yaml.nul-in-string fails the load). */
	for (i = 0; i < m->n; i++)
		if (strncmp(m->pairs[i].key, k, n) == 0 &&
		    m->pairs[i].key[n] == '\0')
			return i;
	return SIZE_MAX;
}

static void
add_key(struct loader *L, struct value *m, struct table *keys)
{
	size_t i;

	if (m->n < SMALL_MAP + 1)
		return;
	for (i = m->n == SMALL_MAP + 1 ? 0 : m->n - 1; i < m->n; i++)
		table_put(L->a, keys, m->pairs[i].key, strlen(m->pairs[i].key),
		    i);
}

/*
 * Keys must be non-null scalars and unique.  Merge keys ("<<", YAML 1.1)
 * are refused: they are not part of YAML 1.2 and hide where a value
 * comes from.  Such errors are recorded and loading goes on, so that one
 * run reports every duplicate of a file.
 */
/*
 * Loads a map's key.  A plain scalar key without an anchor (nearly all
 * of them) is typed and checked as any scalar, but in *tmp: only its
 * text is kept (the pair's key), not a node that no one would read.
 */
static int
key_node(struct loader *L, yaml_event_t *ev, unsigned depth, struct value *tmp,
    struct value **out, uint64_t *weight)
{
	if (ev->type != YAML_SCALAR_EVENT || ev->data.scalar.anchor != NULL)
		return node(L, ev, depth, out, weight);
	if (++L->total > VALUE_MAX_NODES) {
		diag_error(L->d, mkpos(L, ev->start_mark),
		    "yaml.too-many-values",
		    diag_fmt(L->d, "%d", VALUE_MAX_NODES));
		return -1;
	}
	memset(tmp, 0, sizeof *tmp);
	tmp->type = VALUE_STR;
	scalar_in(L, ev, tmp);
	*out = tmp;
	*weight = 1;
	return 0;
}

static int
mapping(struct loader *L, yaml_event_t *start, unsigned depth,
    struct value **out, uint64_t *weight)
{
	struct value *m = value_new(L->a, VALUE_MAP,
	    mkpos(L, start->start_mark));
	struct value *key, *val, keytmp;
	struct value_pair small[SMALL_PAIRS];
	struct table keys = {0};
	yaml_event_t ev;
	struct pos kp;
	uint64_t w = 1, kw, vw;
	bool merge;
	size_t first;
	int rc;

	m->pairs = small;
	m->cap = SMALL_PAIRS;
	m->n = 0; /* as made: said for clang-analyzer (find_key()) */
	for (;;) {
		if (next(L, &ev) == -1)
			return unstack(m, small);
		if (ev.type == YAML_MAPPING_END_EVENT) {
			drop(L, &ev);
			break;
		}
		kp = mkpos(L, ev.start_mark);
		merge = is_merge(&ev);
		rc = key_node(L, &ev, depth, &keytmp, &key, &kw);
		drop(L, &ev);
		if (rc == -1 || next(L, &ev) == -1)
			return unstack(m, small);
		rc = node(L, &ev, depth, &val, &vw);
		drop(L, &ev);
		if (rc == -1)
			return unstack(m, small);
		w += kw + vw;
		if (merge) {
			soft(L, kp, "yaml.merge-key");
		} else if (!value_is_scalar(key)) {
			soft(L, kp, "yaml.key-not-scalar");
		} else if (key->type == VALUE_NULL) {
			soft(L, kp, "yaml.empty-key");
		} else if ((first = find_key(m, &keys, key->text,
		    key->len)) != SIZE_MAX) {
			soft(L, kp, "yaml.duplicate-key", key->text,
			    diag_fmt(L->d, "%u", m->pairs[first].line));
		} else {
			value_map_append(L->a, m, key->text, key->len, kp,
			    val);
			add_key(L, m, &keys);
		}
	}
	if (m->pairs == small)
		m->pairs = settle(L->a, small, &m->cap, m->n, sizeof *small);
	anchor(L, start->data.mapping_start.anchor, m, w);
	*out = m;
	*weight = w;
	return 0;
}

/* Checks a collection's tag: none, "!" or the core tag core. */
static void
collection_tag(struct loader *L, const yaml_char_t *tag, const char *core,
    struct pos at)
{
	const char *t = (const char *)tag;

	if (tag_is(t, core))
		return;
	if (tag_is(t, "seq") || tag_is(t, "map"))
		soft(L, at, "yaml.tag-on-collection", tag_name(L, t));
	else
		soft(L, at, "yaml.unknown-tag", tag_name(L, t));
}

/*
 * Loads the node that ev starts, inside depth collections, into *out;
 * *weight is its size with aliases expanded.  Returns -1 after a
 * located error that stops loading (libyaml's, depth, size).
 */
static int
node(struct loader *L, yaml_event_t *ev, unsigned depth, struct value **out,
    uint64_t *weight)
{
	struct pos at = mkpos(L, ev->start_mark);

	if (ev->type == YAML_ALIAS_EVENT)
		return alias(L, ev, out, weight);
	if (++L->total > VALUE_MAX_NODES) {
		diag_error(L->d, at, "yaml.too-many-values",
		    diag_fmt(L->d, "%d", VALUE_MAX_NODES));
		return -1;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		scalar(L, ev, out);
		*weight = 1;
		anchor(L, ev->data.scalar.anchor, *out, 1);
		return 0;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (depth + 1 > VALUE_MAX_DEPTH) {
			diag_error(L->d, at, "yaml.too-deep",
			    diag_fmt(L->d, "%d", VALUE_MAX_DEPTH));
			return -1;
		}
		if (ev->type == YAML_SEQUENCE_START_EVENT) {
			collection_tag(L, ev->data.sequence_start.tag, "seq",
			    at);
			return sequence(L, ev, depth + 1, out, weight);
		}
		collection_tag(L, ev->data.mapping_start.tag, "map", at);
		return mapping(L, ev, depth + 1, out, weight);
	default:
		/* libyaml only starts nodes with the events above. */
		diag_error(L->d, at, "yaml.unexpected-event");
		return -1;
	}
}

/* Reads the one document of the stream; *out stays NULL when empty. */
static int
document(struct loader *L, struct value **out)
{
	yaml_event_t ev;
	uint64_t w;
	int rc;

	if (next(L, &ev) == -1)
		return -1;
	drop(L, &ev); /* STREAM-START */
	if (next(L, &ev) == -1)
		return -1;
	if (ev.type == YAML_STREAM_END_EVENT) {
		drop(L, &ev);
		return 0;		/* nothing but comments */
	}
	drop(L, &ev); /* DOCUMENT-START */
	if (next(L, &ev) == -1)
		return -1;
	rc = node(L, &ev, 0, out, &w);
	drop(L, &ev);
	if (rc == -1 || next(L, &ev) == -1)
		return -1;
	drop(L, &ev); /* DOCUMENT-END */
	if (next(L, &ev) == -1)
		return -1;
	if (ev.type != YAML_STREAM_END_EVENT) {
		rc = diag_error(L->d, mkpos(L, ev.start_mark),
		    "yaml.second-document");
		drop(L, &ev);
		return rc;
	}
	drop(L, &ev);
	/* "" and "---" alone are empty documents; "~" is a null. */
	if (*out != NULL && (*out)->type == VALUE_NULL && (*out)->len == 0)
		*out = NULL;
	return 0;
}

static int
parse(struct arena *a, struct diags *d, const char *path, bool copy,
    const char *src, size_t n, unsigned first_line, struct value **out)
{
	struct loader L = {0};
	struct qevent q[QUICK_MAX];
	yaml_parser_t p;
	const char *why = NULL;
	unsigned line = 0, col = 0;
	int rc = -1;

	*out = NULL;
	L.a = a;
	L.d = d;
	L.path = path != NULL && copy ? arena_strdup(a, path) : path;
	L.first_line = first_line > 0 ? first_line : 1;
	/* libyaml skips a BOM too, but marks must not count it. */
	if (n >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
		src += 3;
		n -= 3;
	}
	L.src = src;
	L.n = n;
	/* A borrowed text was checked as its file was read (value.h). */
	if (copy && !utf8_validate(src, n, &line, &col, &why)) {
		struct pos at = {L.path, L.first_line + line - 1, col};

		if (strcmp(why, "NUL byte") == 0)
			return diag_error(d, at, "file.nul-byte");
		return diag_error(d, at, "file.not-utf8", why);
	}
	index_lines(&L, src, n);
	if (value_yaml_quick && quick_scan(&L, q, &L.nq)) {
		L.q = q;
	} else {
		if (!yaml_parser_initialize(&p))
			xoom(); /* fails only on allocation */
		L.p = &p;
		yaml_parser_set_input_string(&p, (const unsigned char *)src, n);
	}
	if (document(&L, out) == -1 || L.failed) {
		*out = NULL;
		goto out;
	}
	rc = 0;
out:
	if (L.p != NULL)
		yaml_parser_delete(&p);
	free(L.lines);
	return rc;
}

int
value_parse_yaml(struct arena *a, struct diags *d, const char *path,
    const char *src, size_t n, unsigned first_line, struct value **out)
{
	return parse(a, d, path, true, src, n, first_line, out);
}

int
value_parse_yaml_borrow(struct arena *a, struct diags *d, const char *path,
    const char *src, size_t n, unsigned first_line, struct value **out)
{
	return parse(a, d, path, false, src, n, first_line, out);
}
