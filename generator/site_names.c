/*
 * Names of records: the main-language items of a site by their
 * collection's kind and each of their names (file base name, front-
 * matter slug, and the computed slug once the model has made it), sorted
 * once so that every reference resolves by binary search.  The validate
 * stage resolves references with it, the model stage links with it.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "site.h"
#include "site_names.h"
#include "value.h"

struct entry {
	const char *kind;
	const char *key;
	size_t len;
	size_t order;		/* first declared wins */
	struct item *it;
};

struct site_names {
	struct entry *v;
	size_t n;
};

/* Byte order of two counted keys, the shorter first on a tie. */
static int
keycmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c != 0 ? c : (an > bn) - (an < bn);
}

static int
cmp_entry(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = strcmp(a->kind, b->kind);

	if (c == 0)
		c = keycmp(a->key, a->len, b->key, b->len);
	return c != 0 ? c : (a->order > b->order) - (a->order < b->order);
}

/*
 * Three names per record at most: the file base name (what references
 * name before the model has made slugs), the slug, and a front-matter
 * slug.  A name given twice resolves to the first record declared.
 */
/* The names of a main-language item into keys; returns how many. */
static size_t
item_names(const struct item *it, const char *keys[3])
{
	const char *k[3];
	size_t i, n = 0;

	if (it->lang_index != 0)
		return 0;
	/* content.c names every item; k[0] anchors the duplicate check
	 * below. */
	assert(it->base != NULL);
	k[0] = it->base;
	k[1] = it->slug;
	k[2] = value_map_str(it->data, "slug");
	for (i = 0; i < 3; i++)
		if (k[i] != NULL && *k[i] != '\0' &&
		    (i == 0 || strcmp(k[i], k[0]) != 0))
			keys[n++] = k[i];
	return n;
}

struct site_names *
site_names(struct site *s)
{
	struct site_names *x = arena_calloc(s->arena, 1, sizeof *x);
	const char *keys[3];
	size_t i, j, k, nk, n = 0;

	/* Counted first: one to three names an item, and an array sized
	 * for three would leave the rest empty in the arena. */
	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n; j++)
			n += item_names(s->colls[i].items[j], keys);
	x->v = arena_alloc(s->arena, (n > 0 ? n : 1) * sizeof *x->v);
	for (i = 0; i < s->ncolls; i++) {
		for (j = 0; j < s->colls[i].n; j++) {
			struct item *it = s->colls[i].items[j];

			nk = item_names(it, keys);
			for (k = 0; k < nk; k++) {
				struct entry *e = &x->v[x->n];

				e->kind = s->colls[i].kind;
				e->key = keys[k];
				e->len = strlen(keys[k]);
				e->order = x->n;
				e->it = it;
				x->n++;
			}
		}
	}
	if (x->n > 1)
		qsort(x->v, x->n, sizeof *x->v, cmp_entry);
	return x;
}

struct item *
site_lookup(const struct site_names *x, const char *kind, const char *key,
    size_t n)
{
	size_t lo = 0, hi = x->n, mid;
	int c;

	/* The first entry not below (kind, key). */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(x->v[mid].kind, kind);
		if (c == 0)
			c = keycmp(x->v[mid].key, x->v[mid].len, key, n);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->n && strcmp(x->v[lo].kind, kind) == 0 &&
	    keycmp(x->v[lo].key, x->v[lo].len, key, n) == 0)
		return x->v[lo].it;
	return NULL;
}
