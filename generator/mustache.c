/*
 * Render stage, templates, compile half: Mustache source → op tree
 * (mustache_compile; mustache_render.c walks it).  Three passes over
 * the source: tokens with positions, the spec's standalone-line rules,
 * then the tree.  Errors are located at the tag.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "mustache_impl.h"
#include "utf8.h"
#include "value.h"

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
	struct mustache *tpl;	/* the result, made first: ops point to it */
	const char *path;
	const char *src;
	size_t n;
	struct tok *t;
	size_t nt, cap;
	size_t at;		/* offset that line/col describe */
	unsigned line, col;
	int errors;
	/* A broken tag ("{{a}</b>{{#x}}") may have swallowed an opener or
	 * a closer: the unmatched tags after it follow from it and are
	 * not reported (one cause, one message). */
	bool ate;
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
		} else if (utf8_is_lead(b)) {
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

bool
mustache_same_name(const char *a, size_t an, const char *b, size_t bn)
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
	size_t otn = 2, ctn = 2, p = 0, stack[MUSTACHE_MAX_DEPTH], depth = 0, i;

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

			diag_error(c->d, ps, "template.unclosed-tag",
			    diag_fmt(c->d, "%.*s", (int)otn, ot),
			    diag_fmt(c->d, "%.*s", (int)ctn, ct));
			c->errors++;
			return;
		}
		cs = q;
		ce = closer ? e - 1 : e;
		k = tok_add(c, kind, t, e + ctn);
		k->line = line;
		k->col = col;
		if (kind == '!') {
			k->ns = cs;	/* the text, for pragmas */
			k->nn = ce - cs;
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
				diag_error(c->d, tok_pos(c, k),
				    "template.bad-delimiters", diag_fmt(c->d,
				    "%.*s", (int)(ce - cs), src + cs));
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
			diag_error(c->d, tok_pos(c, k), "template.empty-tag");
			c->errors++;
			continue;
		}
		/* A blank, or a brace ("{{title}</h1>…}}": a brace
		 * missing), is no part of a name: the tag is broken. */
		for (i = cs; i < ce && !is_ws(src[i]) && src[i] != '{' &&
		    src[i] != '}'; i++)
			;
		if (i < ce) {
			const char *nl = memchr(src + cs, '\n', ce - cs);
			size_t shown = nl != NULL ? (size_t)(nl - (src + cs)) :
			    k->nn;

			c->ate = true;
			diag_error(c->d, tok_pos(c, k), "template.bad-tag-name",
			    diag_fmt(c->d, "%.*s%s", (int)shown, src + cs,
			    shown < k->nn ? "…" : ""));
			c->errors++;
			continue;
		}
		if (kind == '#' || kind == '^' || kind == '<' || kind == '$') {
			if (depth == MUSTACHE_MAX_DEPTH) {
				diag_error(c->d, tok_pos(c, k),
				    "template.too-deep", diag_fmt(c->d, "%d",
				    MUSTACHE_MAX_DEPTH));
				c->errors++;
				return;
			}
			stack[depth++] = c->nt - 1;
		} else if (kind == '/') {
			struct tok *o;
			size_t m = depth;

			/* The section it closes, however deep: those opened
			 * inside it and never closed are one error each,
			 * and the closers after them still match. */
			while (m > 0 && !mustache_same_name(src +
			    c->t[stack[m - 1]].ns, c->t[stack[m - 1]].nn,
			    src + cs, k->nn))
				m--;
			if (m == 0) {
				/* One cause, one message: after a broken
				 * tag, its opener may be what is missing. */
				if (!c->ate)
					diag_error(c->d, tok_pos(c, k),
					    "template.unexpected-close",
					    diag_fmt(c->d, "{{/%.*s}}",
					    (int)k->nn, src + cs));
				c->errors++;
				continue;
			}
			while (depth > m) {
				o = &c->t[stack[--depth]];
				if (c->ate)	/* its closer was eaten */
					continue;
				diag_error(c->d, tok_pos(c, o),
				    "template.unclosed-section", diag_fmt(c->d,
				    "%.*s", (int)o->nn, src + o->ns),
				    diag_fmt(c->d, "%u:%u", k->line, k->col),
				    diag_fmt(c->d, "{{/%.*s}}", (int)o->nn,
				    src + o->ns));
				c->errors++;
			}
			o = &c->t[stack[depth - 1]];
			o->mate = c->nt - 1;
			k->mate = stack[--depth];
		}
	}
	while (depth > 0) {
		struct tok *o = &c->t[stack[--depth]];

		if (c->ate)	/* its closer may be in the broken tag */
			continue;
		diag_error(c->d, tok_pos(c, o), "template.unclosed-at-end",
		    diag_fmt(c->d, "%.*s", (int)o->nn, src + o->ns),
		    diag_fmt(c->d, "{{/%.*s}}", (int)o->nn, src + o->ns));
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
	o->tpl = c->tpl;
	for (size_t i = 0; i < MUSTACHE_TOLD; i++)
		atomic_init(&o->told[i], NULL);
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
	o->hash = mustache_hash(o->text, o->len);
	for (i = 0; i <= o->len; i++) {
		if (i < o->len && o->text[i] != '.')
			continue;
		if (i == s) {
			c->errors++;
			return diag_error(c->d, o->pos, "template.bad-name",
			    diag_fmt(c->d, "%.*s", (int)o->len, o->text));
		}
		p->s = o->text + s;
		p->n = i - s;
		p->hash = mustache_hash(p->s, p->n);
		p++;
		s = i + 1;
	}
	return 0;
}

/*
 * A comment "{{! inherit: a b }}" declares names that a list row in
 * this template may take from the context around the row (the row check
 * of mustache_render() otherwise reports them).  Words are separated by
 * white space or commas; of a dotted word only the first part counts.
 */
static void
pragma(struct compiler *c, const struct tok *k)
{
	static const char kw[] = "inherit:";
	const char *s = c->src + k->ns, *e = s + k->nn, *w;
	struct part *v = (struct part *)c->tpl->inherit;
	size_t n = c->tpl->ninherit, cap = n;

	while (s < e && is_ws(*s))
		s++;
	if ((size_t)(e - s) < sizeof kw - 1 ||
	    memcmp(s, kw, sizeof kw - 1) != 0)
		return;
	for (s += sizeof kw - 1; s < e; s = w) {
		while (s < e && (is_ws(*s) || *s == ','))
			s++;
		for (w = s; w < e && !is_ws(*w) && *w != ',' && *w != '.';
		    w++)
			;
		if (w > s) {
			v = arena_grow(c->a, v, n, &cap, sizeof *v);
			v[n].s = s;
			v[n++].n = (size_t)(w - s);
		}
		while (w < e && !is_ws(*w) && *w != ',')
			w++;
	}
	c->tpl->inherit = v;
	c->tpl->ninherit = n;
}

struct level {
	struct op *op;		/* NULL for the template's top */
	struct op **tail;
};

/* Pass 3: the op tree.  Tokens are known to nest properly. */
static struct op *
build(struct compiler *c)
{
	struct level lv[MUSTACHE_MAX_DEPTH + 1];
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
		case '!':
			pragma(c, k);
			continue;
		case '/':
			/* tokenize() paired every closing tag with an open
			 * section, so there is one to close. */
			assert(depth > 0 && lv[depth].op != NULL);
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
	c.tpl = arena_calloc(a, 1, sizeof *c.tpl);
	c.path = arena_strdup(a, path);
	c.src = arena_strndup(a, src, n);
	c.n = n;
	c.line = c.col = 1;
	tokenize(&c);
	if (c.errors == 0) {
		trim_lines(&c);
		root = build(&c);
		if (c.errors == 0) {
			t = c.tpl;
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
