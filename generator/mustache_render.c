/*
 * Render stage, templates, render half: op tree (from mustache.c) +
 * value frames → HTML (mustache_render).  Walks the tree only; the
 * indentation of partials and blocks is applied per line as it goes;
 * errors are located at the tag, and runaway templates are stopped.
 * In builds, a list row that would show a value not its own is an error.
 */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "mustache_impl.h"
#include "value.h"

#define MAX_STEPS (1UL << 26)	/* ops per render: stops runaway recursion */
/*
 * Bytes one render may add: twice a page's limit (render.h,
 * RENDER_MAX_PAGE_BYTES, 16 MiB), so that a page just over that limit
 * is reported by the renderer at its record, and a template that runs
 * away stops here, long before eight workers' buffers fill the memory.
 */
#define MAX_OUT ((size_t)32 << 20)
#define MAX_ERRORS 20		/* per render */
#define FOUND_SLOTS 128 /* names the frames were asked for, per render */
#define MEMO_SLOTS 4096 /* dotted names kept from page to page */
#define TMPL_SLOTS 256 /* partials and parents kept from page to page */

/*
 * Rendering.  An xform says how a source line starts in the output:
 * strip up to `strip` bytes of its leading whitespace, then prepend
 * ind[off..off+len) (the indentation of partials and blocks, built in
 * a scratch buf that grows and shrinks like a stack).
 */
struct xform {
	size_t strip, off, len;
};

/*
 * The frames pushed by sections: a list on the C stack.  row is the
 * section when it pushed v as an item of a list and v is a map: a row,
 * whose names must be its own (the row check).
 */
struct ctx {
	const struct value *v;
	const struct op *row;
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

/*
 * What the frames hold under one name (NULL: nothing).  The frames do
 * not change while a page renders, and a page asks them for "site" and
 * "t" dozens of times, and for names no frame has (each a scan of every
 * frame): the answer is kept for the rest of the render.  (Whole dotted
 * names are not worth keeping: most are asked for once a page.)
 */
struct found {
	const char *name; /* NULL: a free slot */
	size_t n, hash;
	const struct value *v;
	bool stable; /* v is in one of the frames below nstable */
};

/* One value of a dotted name below a first part base (mustache.h). */
struct memo_slot {
	const struct value *base; /* NULL: a free slot */
	const char *name; /* the whole name, in the template */
	size_t n;
	const struct value *v;
};

/* The template that loader ld found for the name of tag o. */
struct tmpl_slot {
	const struct op *o; /* NULL: a free slot */
	const struct mustache_loader *ld;
	const struct mustache *t;
};

struct mustache_memo {
	size_t n, ntmpls;
	struct memo_slot slots[MEMO_SLOTS]; /* open addressing */
	struct tmpl_slot tmpls[TMPL_SLOTS]; /* open addressing */
};

struct render {
	const struct mustache_loader *ld;
	enum mustache_mode mode;
	const struct value *const *frames;
	size_t nframes, nstable;
	struct mustache_memo *memo;
	struct buf *out;
	size_t out0;
	struct diags *d;
	struct buf ind;
	unsigned depth;
	unsigned long steps;
	int errors;
	bool stop;
	size_t nfound;
	struct found found[FOUND_SLOTS]; /* open addressing */
};

static void render_ops(struct render *, const struct op *,
    const struct ctx *, const struct xform *, const struct ovr *);

/* fail(r, o, fatal, id, args...): a catalogue message (diag.h). */
#define fail(r, o, fatal, ...)                                          \
	fail_at((r), (o), (fatal), DIAG_ARGV_(__VA_ARGS__))

/* Records an error at tag o; a fatal one (or too many) stops rendering. */
static void
fail_at(struct render *r, const struct op *o, bool fatal,
    const char *const *argv, size_t argc)
{
	diag_add(r->d, DIAG_ERROR, o->pos, argv, argc);
	if (fatal || ++r->errors >= MAX_ERRORS)
		r->stop = true;
}

static const struct value *
member(const struct value *v, const struct part *p)
{
	return value_map_getn(v, p->s, p->n);
}

/* True when o's name may come from outside a row (see mustache.h). */
static bool
may_inherit(const struct op *o)
{
	const struct part *p = &o->parts[0];
	size_t i;

	if (mustache_same_name(p->s, p->n, "site", 4) ||
	    mustache_same_name(p->s, p->n, "t", 1))
		return true;
	for (i = 0; o->tpl != NULL && i < o->tpl->ninherit; i++)
		if (mustache_same_name(p->s, p->n, o->tpl->inherit[i].s,
		    o->tpl->inherit[i].n))
			return true;
	return false;
}

/* True the first time tag o is told about row section row (any thread). */
static bool
first_told(const struct op *o, const struct op *row)
{
	/* The one thing of a compiled template that changes. */
	const struct op *_Atomic *told = (const struct op *_Atomic *)o->told;
	size_t i;

	for (i = 0; i < MUSTACHE_TOLD; i++) {
		const struct op *was = NULL;

		if (atomic_compare_exchange_strong(&told[i], &was, row))
			return true;
		if (was == row)
			return false;
	}
	return false;	/* a tag in more sections than that: enough said */
}

/*
 * Records, once per tag and row section, that o found its first part
 * outside the row that section `row` pushed: the row would show a value
 * that is not its own.  The message names no value: which page met the
 * tag first depends on the render threads, and diagnostics must not.
 */
static void
borrowed(struct render *r, const struct op *o, const struct op *row)
{
	static const char *const open[] = {
		[OP_VAR] = "{{", [OP_RAW] = "{{&", [OP_SECTION] = "{{#",
		[OP_INVERTED] = "{{^", [OP_PARTIAL] = "{{>*",
		[OP_PARENT] = "{{<*",
	};
	int n = (int)o->parts[0].n;

	if (!first_told(o, row))
		return;
	fail(r, o, false, "template.row-borrows", diag_fmt(r->d, "%s%.*s}}",
	    open[o->kind] ? open[o->kind] : "{{", (int)o->len, o->text),
	    diag_fmt(r->d, "{{#%.*s}}", (int)row->len, row->text),
	    diag_fmt(r->d, "%.*s", n, o->parts[0].s),
	    diag_fmt(r->d, "{{! inherit: %.*s }}", n, o->parts[0].s));
}

/*
 * The value of name p in the innermost frame that has it, or NULL;
 * *stable tells whether that frame is one of the first nstable.
 */
static const struct value *
in_frames(struct render *r, const struct part *p, bool *stable)
{
	const struct value *v = NULL;
	struct found *f;
	size_t i;

	for (i = p->hash & (FOUND_SLOTS - 1); (f = &r->found[i])->name != NULL;
	     i = (i + 1) & (FOUND_SLOTS - 1))
		if (f->hash == p->hash && f->n == p->n &&
		    memcmp(f->name, p->s, p->n) == 0) {
			*stable = f->stable;
			return f->v;
		}
	for (i = r->nframes; i > 0 && v == NULL; i--)
		v = member(r->frames[i - 1], p);
	*stable = v != NULL && i < r->nstable; /* found in frames[i] */
	/* Kept while the table is at most three quarters full. */
	if (4 * (r->nfound + 1) <= 3 * FOUND_SLOTS) {
		f->name = p->s;
		f->n = p->n;
		f->hash = p->hash;
		f->v = v;
		f->stable = *stable;
		r->nfound++;
	}
	return v;
}

/* The rest of o's name below base, its first part's value. */
static const struct value *
below(const struct value *base, const struct op *o)
{
	const struct value *v = base;
	size_t i;

	for (i = 1; i < o->nparts && v != NULL; i++)
		v = member(v, &o->parts[i]);
	return v;
}

/* below() for a base that does not change while memo is used. */
static const struct value *
below_memo(struct mustache_memo *m, const struct value *base,
    const struct op *o)
{
	struct memo_slot *s;
	uintptr_t b = (uintptr_t)base;
	size_t i;

	/* Addresses are 16-byte aligned: their low bits say nothing. */
	i = (o->hash ^ (size_t)(b >> 4)) * 16777619u;
	for (i &= MEMO_SLOTS - 1; (s = &m->slots[i])->base != NULL;
	     i = (i + 1) & (MEMO_SLOTS - 1))
		if (s->base == base && s->n == o->len &&
		    memcmp(s->name, o->text, o->len) == 0)
			return s->v;
	if (4 * (m->n + 1) > 3 * MEMO_SLOTS)
		return below(base, o);
	s->base = base;
	s->name = o->text;
	s->n = o->len;
	s->v = below(base, o);
	m->n++;
	return s->v;
}

/*
 * The template named by tag o (not a dynamic one), as r's loader finds
 * it: kept in the memo, since a page includes a dozen partials, each
 * found by name among the theme's templates.  A name not found is asked
 * again (an error, said at every page).
 */
static const struct mustache *
find_tmpl(struct render *r, const struct op *o)
{
	struct mustache_memo *m = r->memo;
	struct tmpl_slot *s;
	size_t i;

	if (m == NULL)
		return r->ld->find(r->ld->ctx, o->text, o->len);
	/* Ops are allocated apart: their low bits say little. */
	i = (size_t)(((uintptr_t)o >> 4) * 16777619u);
	for (i &= TMPL_SLOTS - 1; (s = &m->tmpls[i])->o != NULL;
	     i = (i + 1) & (TMPL_SLOTS - 1))
		if (s->o == o && s->ld == r->ld)
			return s->t;
	s->t = r->ld->find(r->ld->ctx, o->text, o->len);
	if (s->t != NULL && 4 * (m->ntmpls + 1) <= 3 * TMPL_SLOTS) {
		s->o = o;
		s->ld = r->ld;
		m->ntmpls++;
	}
	return s->t;
}

/*
 * Resolves o's name: first part up the stack, the rest inside it.  In
 * builds, a first part found only beyond a row is reported.
 */
static const struct value *
lookup(struct render *r, const struct ctx *cx, const struct op *o)
{
	const struct value *v = NULL;
	const struct op *row = NULL;	/* the innermost row passed */
	bool stable = false;

	if (o->nparts == 0)
		return cx ? cx->v :
		    r->nframes ? r->frames[r->nframes - 1] : NULL;
	for (; cx != NULL && v == NULL; cx = cx->up)
		if ((v = member(cx->v, &o->parts[0])) == NULL && row == NULL)
			row = cx->row;
	if (v == NULL)
		v = in_frames(r, &o->parts[0], &stable);
	if (v != NULL && row != NULL && r->mode == MUSTACHE_STRICT &&
	    !may_inherit(o))
		borrowed(r, o, row);
	/* o->text is the whole dotted name the parts were cut from. */
	if (stable && r->memo != NULL && o->nparts > 1)
		return below_memo(r->memo, v, o);
	return v != NULL ? below(v, o) : NULL;
}

/*
 * buf_add() with its common case here: a page is some four hundred
 * short pieces, nearly all of which fit in the room the buffer has.
 */
static inline void
out_add(struct buf *b, const char *s, size_t n)
{
	if (n < b->cap - b->len) { /* room for the NUL as well */
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else {
		buf_add(b, s, n);
	}
}

static void
emit_value(struct render *r, const struct value *v, bool escape)
{
	size_t at = r->out->len, i;

	if (v->type == VALUE_STR) {
		if (escape)
			buf_add_html(r->out, v->text, v->len);
		else
			out_add(r->out, v->text, v->len);
		return;
	}
	if (v->type == VALUE_INT) {
		/* As value_scalar_text() ("%lld"), without printf; digits
		 * and a '-' need no escaping. */
		char d[24], *p = d + sizeof d;
		uint64_t u = v->u.i < 0 ? -(uint64_t)v->u.i : (uint64_t)v->u.i;

		do
			*--p = (char)('0' + u % 10);
		while ((u /= 10) != 0);
		if (v->u.i < 0)
			*--p = '-';
		out_add(r->out, p, (size_t)(d + sizeof d - p));
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
		out_add(r->out, r->ind.data + f->off, f->len);
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
		out_add(r->out, s, n);
		return;
	}
	if (o->bol)
		i = line_start(r, f, s, n);
	while (i < n) {
		nl = memchr(s + i, '\n', n - i);
		if (nl == NULL) {
			out_add(r->out, s + i, n - i);
			return;
		}
		out_add(r->out, s + i, (size_t)(nl - s) + 1 - i);
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
				fail(r, o, false, "template.dynamic-name",
				    diag_fmt(r->d, "%.*s", (int)o->len,
				    o->text));
			return;
		}
		name = v->text;
		n = v->len;
	}
	if (r->ld != NULL)
		t = o->dynamic ? r->ld->find(r->ld->ctx, name, n) :
		                 find_tmpl(r, o);
	if (t == NULL) {
		if (r->mode != MUSTACHE_STRICT)
			return;
		if (o->kind == OP_PARENT)
			fail(r, o, false, "template.parent-missing",
			    diag_fmt(r->d, "%.*s", (int)n, name),
			    diag_fmt(r->d, "{{<%.*s}}", (int)n, name));
		else
			fail(r, o, false, "template.partial-missing",
			    diag_fmt(r->d, "%.*s", (int)n, name));
		return;
	}
	if (r->depth >= MUSTACHE_MAX_DEPTH) {
		fail(r, o, true, "template.recursion", diag_fmt(r->d, "%.*s",
		    (int)n, name), diag_fmt(r->d, "%d", MUSTACHE_MAX_DEPTH));
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
			if (mustache_same_name(k->text, k->len, o->text,
			    o->len)) {
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
			const struct op *at = o;

			/* Text has no position: the next tag's. */
			while (at->pos.path == NULL && at->next != NULL)
				at = at->next;
			fail(r, at, true, "template.too-large");
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
			c2.row = NULL;
			if (v->type != VALUE_LIST) {
				c2.v = v;
				render_ops(r, o->kids, &c2, f, ov);
				break;
			}
			for (i = 0; i < v->n && !r->stop; i++) {
				c2.v = v->items[i];
				c2.row = c2.v->type == VALUE_MAP ? o : NULL;
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

struct mustache_memo *
mustache_memo_new(void)
{
	return xcalloc(1, sizeof(struct mustache_memo));
}

void
mustache_memo_free(struct mustache_memo *m)
{
	free(m);
}

int
mustache_render(const struct mustache *t,
    const struct mustache_loader *loader, enum mustache_mode mode,
    const struct value *const *frames, size_t nframes, struct buf *out,
    struct diags *d)
{
	return mustache_render_memo(t, loader, mode, frames, nframes, 0, NULL,
	    out, d);
}

int
mustache_render_memo(const struct mustache *t,
    const struct mustache_loader *loader, enum mustache_mode mode,
    const struct value *const *frames, size_t nframes, size_t nstable,
    struct mustache_memo *memo, struct buf *out, struct diags *d)
{
	struct render r = {0};
	struct xform f = {0, 0, 0};

	r.ld = loader;
	r.mode = mode;
	r.frames = frames;
	r.nframes = nframes;
	r.nstable = memo != NULL ? nstable : 0;
	r.memo = memo;
	r.out = out;
	r.out0 = out->len;
	r.d = d;
	render_ops(&r, t->root, NULL, &f, NULL);
	buf_release(&r.ind);
	return r.stop || r.errors > 0 ? -1 : 0;
}
