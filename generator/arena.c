/*
 * Memory: the per-build bump allocator and the process-wide x*alloc
 * helpers.  Blocks are chained; a request larger than a block gets a
 * block of its own.  Everything goes at arena_free().
 *
 * Under AddressSanitizer a block's bytes are poisoned until handed out,
 * and each allocation unpoisons exactly its n bytes (the alignment
 * padding after it stays poisoned): malloc's redzones are per block, so
 * without this an overrun from one allocation into the next, or into
 * the block's unused tail, would go unseen.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "hash.h"

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n)	ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n)	ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n)	((void)(p), (void)(n))
#define UNPOISON(p, n)	((void)(p), (void)(n))
#endif

#define BLOCK_SIZE (256 * 1024)
#define ALIGN _Alignof(max_align_t)
/* Strings need no alignment; 8 keeps AddressSanitizer's granules whole
 * (a string's tail granule is then its own) and wastes half of 16. */
#define STR_ALIGN 8

struct block {
	struct block *next;
	size_t size, used;
	max_align_t data[];
};

struct arena {
	struct block *head;
	struct block *first;	/* the block made with the arena: kept */
	size_t total;
	/* arena_intern(): its short strings, open addressing (malloc) */
	const char **intern;
	size_t nintern, capintern;
};

_Noreturn void
xoom(void)
{
	static const char msg[] = "minhbach: out of memory\n";

	fwrite(msg, 1, sizeof msg - 1, stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		xoom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		xoom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		xoom();
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		xoom();
	return xrealloc(p, n * sz);
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

static struct block *
block_new(size_t size)
{
	struct block *b;

	if (size > SIZE_MAX - sizeof *b)
		xoom();
	b = xmalloc(sizeof *b + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	POISON(b->data, size);
	return b;
}

/* Gives a block back to malloc, which expects its bytes unpoisoned. */
static void
block_free(struct block *b)
{
	UNPOISON(b->data, b->size);
	free(b);
}

struct arena *
arena_new(void)
{
	struct arena *a = xcalloc(1, sizeof *a);

	a->head = a->first = block_new(BLOCK_SIZE);
	return a;
}

void
arena_free(struct arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	free(a->intern);
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		block_free(b);
	}
	free(a);
}

void
arena_reset(struct arena *a)
{
	struct block *b, *next;

	free(a->intern);
	a->intern = NULL;
	a->nintern = a->capintern = 0;
	/* Keep the first block (a worker's per-page arena reuses it). */
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (b != a->first)
			block_free(b);
	}
	a->head = a->first;
	if (a->first != NULL) {
		a->first->next = NULL;
		a->first->used = 0;
		POISON(a->first->data, a->first->size);
	}
	a->total = 0;
}

/*
 * n bytes at a multiple of align (ALIGN or STR_ALIGN) in the head block,
 * after the padding that takes: a string may have left the block's end
 * at a multiple of STR_ALIGN only.  The padding counts as used.
 */
static void *
alloc(struct arena *a, size_t n, size_t align)
{
	struct block *b = a->head;
	size_t need, off = 0;
	void *p;

	if (n > SIZE_MAX - ALIGN)
		xoom();
	need = (n + align - 1) & ~(align - 1);
	if (b != NULL)
		off = (b->used + align - 1) & ~(align - 1);
	if (b == NULL || off > b->size || b->size - off < need) {
		if (need > BLOCK_SIZE / 4) {
			/* A big request: its own block, behind the head. */
			struct block *big = block_new(need);

			if (b == NULL) {
				a->head = big;
			} else {
				big->next = b->next;
				b->next = big;
			}
			big->used = need;
			a->total += need;
			UNPOISON(big->data, n);
			return big->data;
		}
		b = block_new(BLOCK_SIZE);
		b->next = a->head;
		a->head = b;
		off = 0;
	}
	p = (char *)b->data + off;
	a->total += off - b->used + need;
	b->used = off + need;
	UNPOISON(p, n);
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	return alloc(a, n, ALIGN);
}

void *
arena_calloc(struct arena *a, size_t n, size_t sz)
{
	void *p;

	if (sz != 0 && n > SIZE_MAX / sz)
		xoom();
	p = arena_alloc(a, n * sz);
	memset(p, 0, n * sz);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = alloc(a, n + 1, STR_ALIGN);

	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_cat(struct arena *a, const char *x, const char *y)
{
	size_t nx = strlen(x), ny = strlen(y);
	char *p = alloc(a, nx + ny + 1, STR_ALIGN);

	memcpy(p, x, nx);
	memcpy(p + nx, y, ny + 1);
	return p;
}

/*
 * Formats straight into what is left of the head block: the string
 * almost always fits, and then vsnprintf() runs once, not twice (it
 * is most of the cost of a URL made of two strings).
 */
char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	struct block *b = a->head;
	size_t room = b != NULL ? b->size - b->used : 0;
	va_list ap;
	int n;
	char *p;

	if (room > 0) {
		p = (char *)b->data + b->used;
		UNPOISON(p, room);
		va_start(ap, fmt);
		n = vsnprintf(p, room, fmt, ap);
		va_end(ap);
		POISON(p, room);
		if (n < 0)
			xoom();
		/* used and room are multiples of STR_ALIGN: the
		 * allocation is p. */
		if ((size_t)n < room)
			return alloc(a, (size_t)n + 1, STR_ALIGN);
	} else {
		va_start(ap, fmt);
		n = vsnprintf(NULL, 0, fmt, ap);
		va_end(ap);
		if (n < 0)
			xoom();
	}
	p = alloc(a, (size_t)n + 1, STR_ALIGN);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *
arena_grow(struct arena *a, void *v, size_t n, size_t *cap, size_t sz)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return v;
	ncap = *cap ? *cap * 2 : 4;
	if (ncap < *cap)
		xoom();
	p = arena_calloc(a, ncap, sz);
	if (n)
		memcpy(p, v, n * sz);
	*cap = ncap;
	return p;
}

void
arena_adopt(struct arena *a, struct arena *child)
{
	struct block *tail;

	if (child == NULL)
		return;
	if (child->head != NULL) {
		/* Behind a's head, so that a keeps allocating where it was. */
		for (tail = child->head; tail->next != NULL; tail = tail->next)
			;
		if (a->head == NULL) {
			a->head = child->head;
		} else {
			tail->next = a->head->next;
			a->head->next = child->head;
		}
	}
	a->total += child->total;
	/* Its strings stay (their blocks are a's now), its table goes: a
	 * string interned in both is then kept twice, which is no harm. */
	free(child->intern);
	free(child);
}

/* The slot of s[0..n) in a's table: it, or the empty one it goes in. */
static size_t
intern_slot(const struct arena *a, const char *s, size_t n)
{
	size_t i =
	    (size_t)hash_fnv1a(HASH_FNV1A_INIT, s, n) & (a->capintern - 1);
	const char *t;

	while ((t = a->intern[i]) != NULL) {
		if (strncmp(t, s, n) == 0 && t[n] == '\0')
			break;
		i = (i + 1) & (a->capintern - 1);
	}
	return i;
}

const char *
arena_intern(struct arena *a, const char *s, size_t n)
{
	size_t i;

	if (n > ARENA_INTERN_MAX || memchr(s, '\0', n) != NULL)
		return arena_strndup(a, s, n);
	if ((a->nintern + 1) * 2 > a->capintern) {
		const char **old = a->intern;
		size_t oldcap = a->capintern;

		a->capintern = oldcap ? oldcap * 2 : 256;
		a->intern = xcalloc(a->capintern, sizeof *a->intern);
		for (i = 0; i < oldcap; i++)
			if (old[i] != NULL)
				a->intern[intern_slot(a, old[i],
				    strlen(old[i]))] = old[i];
		free(old);
	}
	i = intern_slot(a, s, n);
	if (a->intern[i] == NULL) {
		a->intern[i] = arena_strndup(a, s, n);
		a->nintern++;
	}
	return a->intern[i];
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}
