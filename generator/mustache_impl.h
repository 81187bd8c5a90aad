/*
 * Private to mustache.c (which builds it) and mustache_render.c (which
 * walks it): the compiled template, a tree of ops in the build arena
 * whose texts and names point into the arena copy of the source.
 */
#ifndef MINHBACH_MUSTACHE_IMPL_H
#define MINHBACH_MUSTACHE_IMPL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define MUSTACHE_MAX_DEPTH 64	/* section nesting, partial nesting */
#define MUSTACHE_TOLD 4		/* row sections a tag's row error names */

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
	size_t hash; /* mustache_hash(s, n), for the render's tables */
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
	size_t hash; /* mustache_hash(text, len) when it has parts */
	const char *indent;	/* standalone: whitespace before the tag */
	size_t nindent;
	const char *dent;	/* standalone BLOCK: common indentation */
	size_t ndent;		/* of its content lines */
	struct pos pos;		/* of the tag */
	const struct mustache *tpl;	/* the template it is written in */
	/* The row sections its row-check error was recorded for, once
	 * each (set by render threads; the rest of the op is read-only). */
	const struct op *_Atomic told[MUSTACHE_TOLD];
	struct op *kids;
	struct op *next;
};

struct mustache {
	const char *path;
	struct op *root;
	/* {{! inherit: a b }}: names a list row may take from outside. */
	const struct part *inherit;
	size_t ninherit;
};

/* FNV-1a of s[0..n), in a size_t: names are hashed once, when compiled. */
static inline size_t
mustache_hash(const char *s, size_t n)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* True when names a[0..an) and b[0..bn) are the same bytes. */
bool mustache_same_name(const char *a, size_t an, const char *b,
    size_t bn);

#endif
