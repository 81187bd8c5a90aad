/*
 * Model stage, last step: rows own their keys.  In: the finished model
 * (item data and frames, every page's frames) and the schemas.  Out:
 * nulls added where a row lacks a key that its schema knows or that a
 * sibling row has.  One walk over everything the pages can reach, each
 * map and list once (frames are shared between pages, and link to each
 * other in cycles), with an explicit stack.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "rows.h"
#include "schema.h"
#include "site.h"
#include "value.h"

/* The maps and lists walked already: open addressing on the address. */
struct seen {
	const struct value **v;
	size_t n, cap;		/* cap: a power of two */
};

static size_t
slot(const struct seen *t, const struct value *v)
{
	uintptr_t h = (uintptr_t)v;

	h ^= h >> 17;
	h *= (uintptr_t)0x9E3779B97F4A7C15u;
	h ^= h >> 29;
	return (size_t)h & (t->cap - 1);
}

/* Adds v; returns false when it was there already. */
static bool
seen_add(struct seen *t, const struct value *v)
{
	size_t i;

	if (2 * (t->n + 1) > t->cap) {
		struct seen g = {NULL, 0, 2 * t->cap};

		g.v = xcalloc(g.cap, sizeof *g.v);
		for (i = 0; i < t->cap; i++)
			if (t->v[i] != NULL)
				seen_add(&g, t->v[i]);
		free(t->v);
		*t = g;
	}
	for (i = slot(t, v); t->v[i] != NULL; i = (i + 1) & (t->cap - 1))
		if (t->v[i] == v)
			return false;
	t->v[i] = v;
	t->n++;
	return true;
}

/*
 * The keys of a list's rows, each once, in order of first sight; mark
 * is scratch: which of them the row at hand has.
 */
struct keys {
	const struct value_pair **k;
	bool *mark;
	size_t n, cap;
};

/* Frames borrow their computed keys (literals): often one pointer. */
static bool
same_key(const struct value_pair *a, const struct value_pair *b)
{
	return a->key == b->key ||
	    (a->key[0] == b->key[0] && strcmp(a->key, b->key) == 0);
}

/* Returns the index of p's key in u, or u->n when it is not there. */
static size_t
key_index(const struct keys *u, const struct value_pair *p, size_t hint)
{
	size_t i;

	/* Rows made by one builder list their keys in one order. */
	if (hint < u->n && same_key(u->k[hint], p))
		return hint;
	for (i = 0; i < u->n; i++)
		if (same_key(u->k[i], p))
			return i;
	return u->n;
}

/*
 * Gives every map of list l a null for each key another map of l has.
 * Lists of scalars, and lists with one map, have nothing to share.
 */
static void
share_keys(struct arena *a, struct value *l, struct value *nul,
    struct keys *u)
{
	size_t i, j, maps = 0;
	bool uneven = false;

	for (i = 0; i < l->n && maps < 2; i++)
		if (l->items[i]->type == VALUE_MAP)
			maps++;
	if (maps < 2)
		return;
	u->n = 0;
	for (i = 0; i < l->n; i++) {
		const struct value *m = l->items[i];

		if (m->type != VALUE_MAP)
			continue;
		for (j = 0; j < m->n; j++) {
			/* The first map's keys are all new (one of each). */
			if (u->n > j && key_index(u, &m->pairs[j], j) < u->n)
				continue;
			if (u->n == u->cap) {
				u->cap = u->cap ? 2 * u->cap : 64;
				u->k = xreallocarray(u->k, u->cap,
				    sizeof *u->k);
				u->mark = xreallocarray(u->mark, u->cap,
				    sizeof *u->mark);
			}
			u->k[u->n++] = &m->pairs[j];
		}
	}
	for (i = 0; i < l->n; i++)
		if (l->items[i]->type == VALUE_MAP && l->items[i]->n != u->n)
			uneven = true;
	if (!uneven)
		return;		/* every row has every key already */
	for (i = 0; i < l->n; i++) {
		struct value *m = l->items[i];

		if (m->type != VALUE_MAP || m->n == u->n)
			continue;
		memset(u->mark, 0, u->n * sizeof *u->mark);
		for (j = 0; j < m->n; j++)
			u->mark[key_index(u, &m->pairs[j], j)] = true;
		for (j = 0; j < u->n; j++)
			if (!u->mark[j])
				value_map_append(a, m, u->k[j]->key,
				    strlen(u->k[j]->key), m->pos, nul);
	}
}

/* Walks everything reachable from the pages' frames, sharing keys. */
static void
walk_pages(struct site *s, struct value *nul)
{
	struct seen seen = {0};
	struct keys u = {0};
	struct value **stack = NULL, *v;
	size_t n = 0, cap = 0, i, j;

	/* Some six maps and lists a page, at most half full: no rehash. */
	for (seen.cap = 1024; seen.cap < 12 * s->npages; seen.cap *= 2)
		;
	seen.v = xcalloc(seen.cap, sizeof *seen.v);

	for (i = 0; i < s->npages; i++) {
		for (j = 0; j < s->pages[i].nframes; j++) {
			if (n == cap) {
				cap = cap ? 2 * cap : 256;
				stack = xreallocarray(stack, cap,
				    sizeof *stack);
			}
			/* The model is still being made: its frames are
			 * writable, only the page's view is const. */
			stack[n++] = (struct value *)s->pages[i].frames[j];
		}
		while (n > 0) {
			v = stack[--n];
			if (v == NULL || (v->type != VALUE_MAP &&
			    v->type != VALUE_LIST) || !seen_add(&seen, v))
				continue;
			if (v->type == VALUE_LIST)
				share_keys(s->arena, v, nul, &u);
			for (j = 0; j < v->n; j++) {
				struct value *x = v->type == VALUE_LIST ?
				    v->items[j] : v->pairs[j].val;

				if (x->type != VALUE_MAP &&
				    x->type != VALUE_LIST)
					continue;
				if (n == cap) {
					cap = cap ? 2 * cap : 256;
					stack = xreallocarray(stack, cap,
					    sizeof *stack);
				}
				stack[n++] = x;
			}
		}
	}
	free(stack);
	free(u.k);
	free(u.mark);
	free(seen.v);
}

void
rows_fill(struct site *s, const struct schemas *sc)
{
	struct value *nul = value_null(s->arena);
	size_t i, j;

	s->rows_null = nul;
	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n; j++)
			schema_fill_absent(sc, s->colls[i].schema, s->arena,
			    s->colls[i].items[j]->data, nul);
	/* Every item page's frame; earlier revisions of records are items
	 * outside the collections. */
	for (i = 0; i < s->npages; i++)
		if (s->pages[i].item != NULL && s->pages[i].item->coll != NULL)
			schema_fill_frame(sc, s->pages[i].item->coll->schema,
			    s->arena, s->pages[i].item->frame, nul);
	walk_pages(s, nul);
}
