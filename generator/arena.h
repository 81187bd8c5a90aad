/*
 * Memory for one build: a bump allocator that is freed in one call.
 * Nothing allocated from an arena is freed piecemeal.  An arena is not
 * thread-safe: each worker thread renders with an arena of its own.
 * Out of memory is fatal everywhere (xoom), so no caller checks for NULL.
 */
#ifndef MINHBACH_ARENA_H
#define MINHBACH_ARENA_H

#include <stddef.h>

struct arena;

/* Returns a new, empty arena; never NULL. */
struct arena *arena_new(void);
/* Frees every block of a; a may be NULL. */
void arena_free(struct arena *a);
/* Forgets everything allocated so far but keeps the first block for reuse. */
void arena_reset(struct arena *a);
/* Returns n bytes aligned for any type, uninitialised; n may be 0. */
void *arena_alloc(struct arena *a, size_t n);
/* Returns n zeroed elements of size sz; overflow-checked. */
void *arena_calloc(struct arena *a, size_t n, size_t sz);
/* Returns a NUL-terminated copy of s[0..n).  Strings (this and the
 * three below) are aligned to 8 bytes only: they need no more. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Returns a NUL-terminated copy of s. */
char *arena_strdup(struct arena *a, const char *s);
/* Returns x followed by y (a URL, a key): arena_printf("%s%s") without
 * the formatting. */
char *arena_cat(struct arena *a, const char *x, const char *y);
/* Returns a formatted string in the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * Returns v (n elements of sz bytes, room for *cap) with room for one
 * more: v itself while it has room, else a copy twice as large (the old
 * one is left to the arena; doubling keeps that below the live size).
 */
void *arena_grow(struct arena *a, void *v, size_t n, size_t *cap, size_t sz);
/*
 * Makes child's memory a's: it is freed with a, and child (an arena a
 * worker thread filled) is gone.  Not thread-safe: after the join.
 */
void arena_adopt(struct arena *a, struct arena *child);
/*
 * Returns a NUL-terminated string equal to s[0..n), shared with every
 * other call on a for the same short string (up to ARENA_INTERN_MAX
 * bytes, without NUL): the keys and words a thousand records repeat
 * are kept once.  Never write to it.
 */
#define ARENA_INTERN_MAX 24
const char *arena_intern(struct arena *a, const char *s, size_t n);
/* Returns the bytes handed out so far (for the benchmark's figures). */
size_t arena_used(const struct arena *a);

/* Process-wide allocation helpers: abort with "minhbach: out of memory". */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t sz);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t sz);
char *xstrdup(const char *s);
_Noreturn void xoom(void);

#endif
