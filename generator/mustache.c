/*
 * Render stage, templates: Mustache source → op tree (mustache_compile)
 * and op tree + value frames → HTML (mustache_render).  Compiling runs
 * three passes over the source: tokens with positions, the spec's
 * standalone-line rules, then the tree.  Rendering walks the tree only;
 * indentation of partials and blocks is applied per line as it goes.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "value.h"

#define MAX_DEPTH 64		/* section nesting, partial nesting */
#define MAX_STEPS (1UL << 26)	/* ops per render: stops runaway recursion */
#define MAX_OUT ((size_t)256 << 20)
#define MAX_ERRORS 20		/* per render */

enum op_kind {
	OP_TEXT,
	OP_VAR,		/* {{name}}: escaped */
	OP_RAW,		/* {{{name}}}, {{&name}} */
	OP_SECTION,
	OP_INVERTED,
	OP_PARTIAL,
	OP_PARENT,	/* {{<name}}: kids are its block overrides */
	OP_BLOCK,	/* {{$name}}: kids are the default content */
};

struct part {
	const char *s;
	size_t n;
};

struct op {
	enum op_kind kind;
	bool bol;		/* TEXT: starts a source line */
	bool standalone;	/* PARTIAL, PARENT, BLOCK: alone on its line */
	bool dynamic;		/* PARTIAL, PARENT: {{>*dotted.name}} */
	const char *text;	/* TEXT: the bytes; others: the name */
	size_t len;
	const struct part *parts;	/* dotted name; none for "." */
	size_t nparts;
	const char *indent;	/* standalone: whitespace before the tag */
	size_t nindent;
	const char *dent;	/* standalone BLOCK: common indentation */
	size_t ndent;		/* of its content lines */
	struct pos pos;		/* of the tag */
	struct op *kids;
	struct op *next;
};

struct mustache {
	const char *path;
	struct op *root;
};

/*
 * Compiling.  A token is a piece of text (never past a newline) or a
 * tag; byte offsets index c->src, the arena copy of the source that
 * every op points into.
 */
struct tok {
	char kind;		/* 0 text; v & # ^ / ! = > < $ */
	bool standalone, keepnl, dynamic;
	size_t s, e;		/* bytes: text, or the whole tag */
	size_t ns, nn;		/* the name */
	size_t ls, le;		/* the tag's line (before trimming) */
	size_t mate;		/* opener <-> closer */
	unsigned line, col;
};

struct compiler {
	struct arena *a;
	struct diags *d;
	const char *path;
	const char *src;
	size_t n;
	struct tok *t;
	size_t nt, cap;
	size_t at;		/* offset that line/col describe */
	unsigned line, col;
	int errors;
};

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* Moves the line/col counters forward to offset to (columns in code points). */
static void
advance(struct compiler *c, size_t to)
{
	for (; c->at < to; c->at++) {
		unsigned char b = (unsigned char)c->src[c->at];

		if (b == '\n') {
			c->line++;
			c->col = 1;
		} else if ((b & 0xC0) != 0x80) {
			c->col++;
		}
	}
}

static struct pos
tok_pos(const struct compiler *c, const struct tok *k)
{
	struct pos p = {c->path, k->line, k->col};

	return p;
}

static struct tok *
tok_add(struct compiler *c, char kind, size_t s, size_t e)
{
	struct tok *k;

	if (c->nt == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->t = xreallocarray(c->t, c->cap, sizeof *c->t);
	}
	k = &c->t[c->nt++];
	memset(k, 0, sizeof *k);
	k->kind = kind;
	k->s = s;
	k->e = e;
	return k;
}

/* Adds src[s..e) as text tokens, cut after every newline. */
static void
add_text(struct compiler *c, size_t s, size_t e)
{
	while (s < e) {
		const char *nl = memchr(c->src + s, '\n', e - s);
		size_t end = nl ? (size_t)(nl - c->src) + 1 : e;

		tok_add(c, 0, s, end);
		s = end;
	}
}

static size_t
find(const char *s, size_t n, size_t from, const char *pat, size_t m)
{
	while (from + m <= n) {
		const char *p = memchr(s + from, pat[0], n - from - m + 1);

		if (p == NULL)
			break;
		if (memcmp(p, pat, m) == 0)
			return (size_t)(p - s);
		from = (size_t)(p - s) + 1;
	}
	return n;
}

static bool
same_name(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn && memcmp(a, b, an) == 0;
}

/* Parses "<% %>" of {{=<% %>=}} into the new delimiters; false if bad. */
static bool
parse_delims(const char *s, size_t n, const char **o, size_t *on,
    const char **cl, size_t *cn)
{
	size_t i = 0, a, b;

	while (i < n && is_ws(s[i]))
		i++;
	for (a = i; i < n && !is_ws(s[i]) && s[i] != '='; i++)
		;
	if (i == a || i == n || s[i] == '=')
		return false;
	*o = s + a;
	*on = i - a;
	while (i < n && is_ws(s[i]))
		i++;
	for (b = i; i < n && !is_ws(s[i]) && s[i] != '='; i++)
		;
	if (i == b)
		return false;
	*cl = s + b;
	*cn = i - b;
	while (i < n && is_ws(s[i]))
		i++;
	return i == n;
}

/*
 * Pass 1: tokens.  Matches openers with closers on a stack so that the
 * standalone pass knows what a closer closes.  Stops at the first tag
 * it cannot delimit (the rest would be guesswork).
 */
static void
tokenize(struct compiler *c)
{
	const char *src = c->src, *ot = "{{", *ct = "}}";
	size_t otn = 2, ctn = 2, p = 0, stack[MAX_DEPTH], depth = 0, i;

	while (p < c->n) {
		size_t t = find(src, c->n, p, ot, otn), q, e, cs, ce;
		char kind, closer = 0;
		struct tok *k;
		unsigned line, col;

		add_text(c, p, t);
		if (t == c->n)
			break;
		advance(c, t);
		line = c->line;
		col = c->col;
		q = t + otn;
		kind = q < c->n ? src[q] : 'v';
		switch (kind) {
		case '{':
			closer = '}';
			kind = '&';
			q++;
			break;
		case '=':
			closer = '=';
			q++;
			break;
		case '&': case '#': case '^': case '/': case '!':
		case '>': case '<': case '$':
			q++;
			break;
		default:
			kind = 'v';
		}
		for (e = q;; e++) {
			e = find(src, c->n, e, ct, ctn);
			if (e == c->n || closer == 0 ||
			    (e > q && src[e - 1] == closer))
				break;
		}
		if (e == c->n) {
			struct pos ps = {c->path, line, col};

			diag_error(c->d, ps, "unclosed tag");
			c->errors++;
			return;
		}
		cs = q;
		ce = closer ? e - 1 : e;
		k = tok_add(c, kind, t, e + ctn);
		k->line = line;
		k->col = col;
		if (kind == '!') {
			p = k->e;
			continue;
		}
		if (kind == '=') {
			if (!parse_delims(src + cs, ce - cs, &ot, &otn, &ct,
			    &ctn)) {
				while (cs < ce && is_ws(src[cs]))
					cs++;
				while (ce > cs && is_ws(src[ce - 1]))
					ce--;
				diag_error(c->d, tok_pos(c, k), "bad delimiters "
				    "'%.*s'", (int)(ce - cs), src + cs);
				c->errors++;
				return;
			}
			p = k->e;
			continue;
		}
		while (cs < ce && is_ws(src[cs]))
			cs++;
		while (ce > cs && is_ws(src[ce - 1]))
			ce--;
		if ((kind == '>' || kind == '<') && cs < ce && src[cs] == '*') {
			k->dynamic = true;
			for (cs++; cs < ce && is_ws(src[cs]); cs++)
				;
		}
		k->ns = cs;
		k->nn = ce - cs;
		p = k->e;
		if (k->nn == 0) {
			diag_error(c->d, tok_pos(c, k), "empty tag");
			c->errors++;
			continue;
		}
		for (i = cs; i < ce && !is_ws(src[i]); i++)
			;
		if (i < ce) {
			diag_error(c->d, tok_pos(c, k), "bad tag name '%.*s'",
			    (int)k->nn, src + cs);
			c->errors++;
			continue;
		}
		if (kind == '#' || kind == '^' || kind == '<' || kind == '$') {
			if (depth == MAX_DEPTH) {
				diag_error(c->d, tok_pos(c, k), "sections nested "
				    "deeper than %d", MAX_DEPTH);
				c->errors++;
				return;
			}
			stack[depth++] = c->nt - 1;
		} else if (kind == '/') {
			struct tok *o;

			if (depth == 0) {
				diag_error(c->d, tok_pos(c, k), "unexpected "
				    "closing tag '%.*s'", (int)k->nn, src + cs);
				c->errors++;
				continue;
			}
			o = &c->t[stack[depth - 1]];
			if (!same_name(src + o->ns, o->nn, src + cs, k->nn)) {
				diag_error(c->d, tok_pos(c, k), "closing tag "
				    "'%.*s' does not match '%.*s' opened at "
				    "%u:%u", (int)k->nn, src + cs, (int)o->nn,
				    src + o->ns, o->line, o->col);
				c->errors++;
				continue;
			}
			o->mate = c->nt - 1;
			k->mate = stack[--depth];
		}
	}
	while (depth > 0) {
		struct tok *o = &c->t[stack[--depth]];

		diag_error(c->d, tok_pos(c, o), "unclosed section '%.*s'",
		    (int)o->nn, src + o->ns);
		c->errors++;
	}
}

static bool
inherit_kind(const struct compiler *c, const struct tok *k)
{
	char kind = k->kind == '/' ? c->t[k->mate].kind : k->kind;

	return kind == '<' || kind == '$';
}

/*
 * Is line t[i..j] standalone?  The spec's rule is one non-output tag
 * with only whitespace around it.  Parent and block tags may share
 * their line ({{<parent}}{{$block}}, {{/block}}{{/parent}}), as the
 * inheritance spec requires.
 */
static bool
standalone(const struct compiler *c, size_t i, size_t j)
{
	size_t ntags = 0, multi = 0, k, b;

	for (k = i; k <= j; k++) {
		const struct tok *t = &c->t[k];

		if (t->kind == 0) {
			for (b = t->s; b < t->e; b++) {
				char ch = c->src[b];

				if (ch == ' ' || ch == '\t' || ch == '\n')
					continue;
				if (ch == '\r' && b + 1 < t->e &&
				    c->src[b + 1] == '\n')
					continue;
				return false;
			}
			continue;
		}
		if (t->kind == 'v' || t->kind == '&')
			return false;
		ntags++;
		multi += inherit_kind(c, t);
	}
	return ntags == 1 || (ntags > 1 && multi == ntags);
}

/* Pass 2: trims standalone lines and notes each tag's indentation. */
static void
trim_lines(struct compiler *c)
{
	size_t i = 0, j, k, tags[2], ntags;

	while (i < c->nt) {
		size_t ls = c->t[i].s, le;

		for (j = i; j + 1 < c->nt; j++)
			if (c->t[j].kind == 0 && c->src[c->t[j].e - 1] == '\n')
				break;
		le = c->t[j].e;
		ntags = 0;
		for (k = i; k <= j; k++) {
			if (c->t[k].kind == 0)
				continue;
			c->t[k].ls = ls;
			c->t[k].le = le;
			if (ntags < 2)
				tags[ntags] = k;
			ntags++;
		}
		if (ntags > 0 && standalone(c, i, j)) {
			struct tok *f = &c->t[tags[0]];
			bool keepnl = ntags == 2 && f->kind == '$' &&
			    f->mate == tags[1];

			f->keepnl = keepnl;
			for (k = i; k <= j; k++) {
				struct tok *t = &c->t[k];

				if (t->kind != 0) {
					t->standalone = true;
				} else if (keepnl && k == j &&
				    c->src[t->e - 1] == '\n') {
					t->s = t->e - 1;
					if (t->s > 0 && c->src[t->s - 1] == '\r')
						t->s--;
				} else {
					t->s = t->e;
				}
			}
		}
		i = j + 1;
	}
}

/* Sets the common indentation of the lines of src[s..e) on o. */
static void
dedent(const struct compiler *c, struct op *o, size_t s, size_t e)
{
	bool first = true;

	while (s < e) {
		size_t w = s, m;
		const char *nl;

		while (w < e && (c->src[w] == ' ' || c->src[w] == '\t'))
			w++;
		nl = memchr(c->src + w, '\n', e - w);
		if (w < e && c->src[w] != '\n' &&
		    !(c->src[w] == '\r' && w + 1 < e && c->src[w + 1] == '\n')) {
			if (first) {
				o->dent = c->src + s;
				o->ndent = w - s;
				first = false;
			} else {
				for (m = 0; m < o->ndent && m < w - s &&
				    o->dent[m] == c->src[s + m]; m++)
					;
				o->ndent = m;
			}
		}
		s = nl ? (size_t)(nl - c->src) + 1 : e;
	}
}

static struct op *
op_new(struct compiler *c, enum op_kind kind, const struct tok *k)
{
	struct op *o = arena_calloc(c->a, 1, sizeof *o);

	o->kind = kind;
	if (k != NULL) {
		o->pos = tok_pos(c, k);
		o->text = c->src + k->ns;
		o->len = k->nn;
	}
	return o;
}

/* Splits a dotted name; "." has no parts.  Returns -1 on "a..b". */
static int
split_name(struct compiler *c, struct op *o)
{
	size_t i, n = 1, s = 0;
	struct part *p;

	if (o->len == 1 && o->text[0] == '.')
		return 0;
	for (i = 0; i < o->len; i++)
		n += o->text[i] == '.';
	p = arena_calloc(c->a, n, sizeof *p);
	o->parts = p;
	o->nparts = n;
	for (i = 0; i <= o->len; i++) {
		if (i < o->len && o->text[i] != '.')
			continue;
		if (i == s) {
			c->errors++;
			return diag_error(c->d, o->pos, "bad name '%.*s'",
			    (int)o->len, o->text);
		}
		p->s = o->text + s;
		p->n = i - s;
		p++;
		s = i + 1;
	}
	return 0;
}

struct level {
	struct op *op;		/* NULL for the template's top */
	struct op **tail;
};

/* Pass 3: the op tree.  Tokens are known to nest properly. */
static struct op *
build(struct compiler *c)
{
	struct level lv[MAX_DEPTH + 1];
	struct op *root = NULL, *o, *last = NULL;
	size_t depth = 0, i;

	lv[0].op = NULL;
	lv[0].tail = &root;
	for (i = 0; i < c->nt; i++) {
		const struct tok *k = &c->t[i];
		enum op_kind kind;

		if (k->kind == 0) {
			if (k->s == k->e)
				continue;
			if (last != NULL && last->kind == OP_TEXT &&
			    last->text + last->len == c->src + k->s) {
				last->len += k->e - k->s;
				continue;
			}
			o = op_new(c, OP_TEXT, NULL);
			o->text = c->src + k->s;
			o->len = k->e - k->s;
			o->bol = k->s == 0 || c->src[k->s - 1] == '\n';
			goto append;
		}
		if (!k->standalone && (k->s == 0 || c->src[k->s - 1] == '\n')) {
			/* A line that starts with a tag: indent it too. */
			o = op_new(c, OP_TEXT, NULL);
			o->text = c->src + k->s;
			o->bol = true;
			*lv[depth].tail = o;
			lv[depth].tail = &o->next;
			last = NULL;
		}
		switch (k->kind) {
		case 'v': kind = OP_VAR; break;
		case '&': kind = OP_RAW; break;
		case '#': kind = OP_SECTION; break;
		case '^': kind = OP_INVERTED; break;
		case '>': kind = OP_PARTIAL; break;
		case '<': kind = OP_PARENT; break;
		case '$': kind = OP_BLOCK; break;
		case '/':
			o = lv[depth--].op;
			if (o->kind == OP_PARENT) {
				struct op **pp = &o->kids;

				/* Only blocks count inside a parent. */
				while (*pp != NULL)
					if ((*pp)->kind != OP_BLOCK)
						*pp = (*pp)->next;
					else
						pp = &(*pp)->next;
			}
			last = NULL;
			continue;
		default:
			continue;	/* comments, delimiters */
		}
		o = op_new(c, kind, k);
		o->standalone = k->standalone;
		o->dynamic = k->dynamic;
		if (k->standalone && k->ls < k->s) {
			o->indent = c->src + k->ls;
			o->nindent = k->s - k->ls;
		}
		if (kind <= OP_INVERTED || o->dynamic)
			split_name(c, o);	/* an error is counted */
		if (kind == OP_BLOCK && k->standalone) {
			const struct tok *m = &c->t[k->mate];

			dedent(c, o, k->le, m->standalone ? m->ls : m->s);
		}
append:
		*lv[depth].tail = o;
		lv[depth].tail = &o->next;
		last = o;
		if (o->kind >= OP_SECTION && o->kind != OP_PARTIAL) {
			depth++;
			lv[depth].op = o;
			lv[depth].tail = &o->kids;
			last = NULL;
		}
	}
	return root;
}

struct mustache *
mustache_compile(struct arena *a, struct diags *d, const char *path,
    const char *src, size_t n)
{
	struct compiler c = {0};
	struct mustache *t = NULL;
	struct op *root;

	c.a = a;
	c.d = d;
	c.path = arena_strdup(a, path);
	c.src = arena_strndup(a, src, n);
	c.n = n;
	c.line = c.col = 1;
	tokenize(&c);
	if (c.errors == 0) {
		trim_lines(&c);
		root = build(&c);
		if (c.errors == 0) {
			t = arena_calloc(a, 1, sizeof *t);
			t->path = c.path;
			t->root = root;
		}
	}
	free(c.t);
	return t;
}

const char *
mustache_path(const struct mustache *t)
{
	return t->path;
}

/*
 * Rendering.  An xform says how a source line starts in the output:
 * strip up to `strip` bytes of its leading whitespace, then prepend
 * ind[off..off+len) (the indentation of partials and blocks, built in
 * a scratch buf that grows and shrinks like a stack).
 */
struct xform {
	size_t strip, off, len;
};

/* The frames pushed by sections: a list on the C stack. */
struct ctx {
	const struct value *v;
	const struct ctx *up;
};

/*
 * Block overrides in force: one node per parent tag being rendered.
 * The outermost override of a name wins; its content renders with the
 * xform and overrides of the place that defined it.
 */
struct ovr {
	const struct op *parent;
	struct xform f;
	const struct ovr *next;
};

struct render {
	const struct mustache_loader *ld;
	enum mustache_mode mode;
	const struct value *const *frames;
	size_t nframes;
	struct buf *out;
	size_t out0;
	struct diags *d;
	struct buf ind;
	unsigned depth;
	unsigned long steps;
	int errors;
	bool stop;
};

static void render_ops(struct render *, const struct op *,
    const struct ctx *, const struct xform *, const struct ovr *);

static void fail(struct render *, const struct op *, bool, const char *, ...)
    __attribute__((format(printf, 4, 5)));

/* Records an error at tag o; a fatal one (or too many) stops rendering. */
static void
fail(struct render *r, const struct op *o, bool fatal, const char *fmt, ...)
{
	struct buf msg = {0};
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_error(r->d, o->pos, "%s", buf_cstr(&msg));
	buf_release(&msg);
	if (fatal || ++r->errors >= MAX_ERRORS)
		r->stop = true;
}

static const struct value *
member(const struct value *v, const struct part *p)
{
	return value_map_getn(v, p->s, p->n);
}

/* Resolves o's name: first part up the stack, the rest inside it. */
static const struct value *
lookup(const struct render *r, const struct ctx *cx, const struct op *o)
{
	const struct value *v = NULL;
	size_t i;

	if (o->nparts == 0)
		return cx ? cx->v :
		    r->nframes ? r->frames[r->nframes - 1] : NULL;
	for (; cx != NULL && v == NULL; cx = cx->up)
		v = member(cx->v, &o->parts[0]);
	for (i = r->nframes; i-- > 0 && v == NULL;)
		v = member(r->frames[i], &o->parts[0]);
	for (i = 1; i < o->nparts && v != NULL; i++)
		v = member(v, &o->parts[i]);
	return v;
}

static void
emit_value(struct render *r, const struct value *v, bool escape)
{
	size_t at = r->out->len, i;

	if (v->type == VALUE_STR) {
		if (escape)
			buf_add_html(r->out, v->text, v->len);
		else
			buf_add(r->out, v->text, v->len);
		return;
	}
	value_scalar_text(v, r->out);
	if (!escape)
		return;
	for (i = at; i < r->out->len; i++) {
		if (memchr("&<>\"'", r->out->data[i], 5) != NULL) {
			struct buf tmp = {0};

			buf_add(&tmp, r->out->data + at, r->out->len - at);
			buf_truncate(r->out, at);
			buf_add_html(r->out, tmp.data, tmp.len);
			buf_release(&tmp);
			return;
		}
	}
}

/*
 * Starts an output line from s[0..n) (a source line start): returns
 * how many bytes of its whitespace f strips, after writing f's prefix.
 * Empty lines get no prefix.
 */
static size_t
line_start(struct render *r, const struct xform *f, const char *s, size_t n)
{
	size_t w = 0;

	if (n > 0 && (s[0] == '\n' || (s[0] == '\r' && n > 1 && s[1] == '\n')))
		return 0;
	if (f->len > 0)
		buf_add(r->out, r->ind.data + f->off, f->len);
	while (w < n && w < f->strip && (s[w] == ' ' || s[w] == '\t'))
		w++;
	return w;
}

static void
emit_text(struct render *r, const struct op *o, const struct xform *f)
{
	const char *s = o->text, *nl;
	size_t n = o->len, i = 0;

	if (f->len == 0 && f->strip == 0) {
		buf_add(r->out, s, n);
		return;
	}
	if (o->bol)
		i = line_start(r, f, s, n);
	while (i < n) {
		nl = memchr(s + i, '\n', n - i);
		if (nl == NULL) {
			buf_add(r->out, s + i, n - i);
			return;
		}
		buf_add(r->out, s + i, (size_t)(nl - s) + 1 - i);
		i = (size_t)(nl - s) + 1;
		if (i < n)
			i += line_start(r, f, s + i, n - i);
	}
}

/* Appends f's prefix plus x[0..n) less what f strips: f applied to x. */
static struct xform
indent_by(struct render *r, const struct xform *f, const char *x, size_t n)
{
	struct xform g = {0, r->ind.len, 0};
	size_t skip = n < f->strip ? n : f->strip;

	if (f->len > 0) {
		buf_grow(&r->ind, f->len);
		memmove(r->ind.data + r->ind.len, r->ind.data + f->off, f->len);
		r->ind.len += f->len;
		r->ind.data[r->ind.len] = '\0';
	}
	if (n > skip)
		buf_add(&r->ind, x + skip, n - skip);
	g.len = r->ind.len - g.off;
	return g;
}

/* Renders template name (a partial or a parent) in place of tag o. */
static void
include(struct render *r, const struct op *o, const struct ctx *cx,
    const struct xform *f, const struct ovr *ov)
{
	const struct mustache *t = NULL;
	const char *name = o->text;
	size_t n = o->len, mark = r->ind.len;
	struct xform g = {0, 0, 0};

	if (o->dynamic) {
		const struct value *v = lookup(r, cx, o);

		if (v == NULL || v->type != VALUE_STR || v->len == 0) {
			if (r->mode == MUSTACHE_STRICT)
				fail(r, o, false, "dynamic name '%.*s' does "
				    "not name a partial", (int)o->len, o->text);
			return;
		}
		name = v->text;
		n = v->len;
	}
	if (r->ld != NULL)
		t = r->ld->find(r->ld->ctx, name, n);
	if (t == NULL) {
		if (r->mode == MUSTACHE_STRICT)
			fail(r, o, false, "partial '%.*s' not found", (int)n,
			    name);
		return;
	}
	if (r->depth >= MAX_DEPTH) {
		fail(r, o, true, "partial '%.*s' nested deeper than %d "
		    "(endless recursion?)", (int)n, name, MAX_DEPTH);
		return;
	}
	if (o->standalone)
		g = indent_by(r, f, o->indent, o->nindent);
	r->depth++;
	render_ops(r, t->root, cx, &g, ov);
	r->depth--;
	buf_truncate(&r->ind, mark);
}

/* Renders block o: its outermost override, else its own content. */
static void
block(struct render *r, const struct op *o, const struct ctx *cx,
    const struct xform *f, const struct ovr *ov)
{
	const struct op *b = o, *k;
	const struct ovr *scope = ov, *x;
	struct xform fc = *f, g = {0, 0, 0};
	size_t mark = r->ind.len;

	for (x = ov; x != NULL; x = x->next)
		for (k = x->parent->kids; k != NULL; k = k->next)
			if (same_name(k->text, k->len, o->text, o->len)) {
				b = k;
				fc = x->f;
				scope = x->next;
			}
	if (o->standalone) {
		/*
		 * Its content is re-indented: the indentation it has where
		 * it is written goes, the one of this place comes.
		 */
		g = indent_by(r, f, o->dent, o->ndent);
		if (g.len == 0)
			g = indent_by(r, f, o->indent, o->nindent);
		if (b->standalone) {
			g.strip = b->ndent;
		} else {
			struct xform h = indent_by(r, &fc, "", 0);

			g.strip = fc.strip;
			g.len += h.len;
		}
	} else if (b->standalone) {
		g.strip = b->ndent;
	} else {
		g = fc;
	}
	render_ops(r, b->kids, cx, &g, scope);
	buf_truncate(&r->ind, mark);
}

static void
render_ops(struct render *r, const struct op *o, const struct ctx *cx,
    const struct xform *f, const struct ovr *ov)
{
	const struct value *v;
	struct ctx c2;
	struct ovr node;
	size_t i;

	for (; o != NULL && !r->stop; o = o->next) {
		if (++r->steps > MAX_STEPS || r->out->len - r->out0 > MAX_OUT) {
			fail(r, o, true, "template expansion too large "
			    "(endless recursion?)");
			return;
		}
		switch (o->kind) {
		case OP_TEXT:
			emit_text(r, o, f);
			break;
		case OP_VAR:
		case OP_RAW:
			if ((v = lookup(r, cx, o)) != NULL)
				emit_value(r, v, o->kind == OP_VAR);
			break;
		case OP_SECTION:
			v = lookup(r, cx, o);
			if (!value_truthy(v))
				break;
			c2.up = cx;
			if (v->type != VALUE_LIST) {
				c2.v = v;
				render_ops(r, o->kids, &c2, f, ov);
				break;
			}
			for (i = 0; i < v->n && !r->stop; i++) {
				c2.v = v->items[i];
				render_ops(r, o->kids, &c2, f, ov);
			}
			break;
		case OP_INVERTED:
			if (!value_truthy(lookup(r, cx, o)))
				render_ops(r, o->kids, cx, f, ov);
			break;
		case OP_PARTIAL:
			include(r, o, cx, f, ov);
			break;
		case OP_PARENT:
			node.parent = o;
			node.f = *f;
			node.next = ov;
			include(r, o, cx, f, &node);
			break;
		case OP_BLOCK:
			block(r, o, cx, f, ov);
			break;
		}
	}
}

int
mustache_render(const struct mustache *t,
    const struct mustache_loader *loader, enum mustache_mode mode,
    const struct value *const *frames, size_t nframes, struct buf *out,
    struct diags *d)
{
	struct render r = {0};
	struct xform f = {0, 0, 0};

	r.ld = loader;
	r.mode = mode;
	r.frames = frames;
	r.nframes = nframes;
	r.out = out;
	r.out0 = out->len;
	r.d = d;
	render_ops(&r, t->root, NULL, &f, NULL);
	buf_release(&r.ind);
	return r.stop || r.errors > 0 ? -1 : 0;
}
