/*
 * Diagnostics: every stage appends here instead of printing or exiting.
 * At the end main() prints them once, sorted by position, and chooses
 * the exit status from the error count.  A mutex makes appending safe
 * from the render workers; messages live in the arena.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"

struct diag {
	struct pos pos;
	enum diag_level level;
	size_t seq;
	const char *msg;
};

struct diags {
	struct arena *arena;
	pthread_mutex_t lock;
	struct diag *v;
	size_t n, cap;
	size_t errors, warnings;
};

struct diags *
diags_new(struct arena *a)
{
	struct diags *d = arena_calloc(a, 1, sizeof *d);

	d->arena = a;
	pthread_mutex_init(&d->lock, NULL);
	return d;
}

static void add(struct diags *, enum diag_level, struct pos, const char *,
    va_list) __attribute__((format(printf, 4, 0)));

static void
add(struct diags *d, enum diag_level level, struct pos p, const char *fmt,
    va_list ap)
{
	struct buf b = {0};
	struct diag *x;

	buf_vaddf(&b, fmt, ap);
	pthread_mutex_lock(&d->lock);
	d->v = arena_grow(d->arena, d->v, d->n, &d->cap, sizeof *d->v);
	x = &d->v[d->n];
	x->pos = p;
	if (p.path != NULL)
		x->pos.path = arena_strdup(d->arena, p.path);
	x->level = level;
	x->seq = d->n++;
	x->msg = buf_keep(&b, d->arena);
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	pthread_mutex_unlock(&d->lock);
	buf_release(&b);
}

int
diag_error(struct diags *d, struct pos p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, DIAG_ERROR, p, fmt, ap);
	va_end(ap);
	return -1;
}

int
diag_warning(struct diags *d, struct pos p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, DIAG_WARNING, p, fmt, ap);
	va_end(ap);
	return 0;
}

size_t
diags_errors(const struct diags *d)
{
	return d->errors;
}

size_t
diags_warnings(const struct diags *d)
{
	return d->warnings;
}

static int
cmp(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c;

	/* Diagnostics without a path (whole-run problems) come first. */
	if ((a->pos.path == NULL) != (b->pos.path == NULL))
		return a->pos.path == NULL ? -1 : 1;
	if (a->pos.path && (c = strcmp(a->pos.path, b->pos.path)) != 0)
		return c;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	if (a->msg != b->msg && (c = strcmp(a->msg, b->msg)) != 0)
		return c;
	/* Errors before warnings, so that repeats of one sit together. */
	if (a->level != b->level)
		return a->level == DIAG_ERROR ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
same(const struct diag *a, const struct diag *b)
{
	if (a->level != b->level || a->pos.line != b->pos.line ||
	    a->pos.col != b->pos.col || strcmp(a->msg, b->msg) != 0)
		return 0;
	if (a->pos.path == NULL || b->pos.path == NULL)
		return a->pos.path == b->pos.path;
	return strcmp(a->pos.path, b->pos.path) == 0;
}

void
diags_print(const struct diags *d, FILE *f)
{
	struct diag *v;
	size_t i;

	if (d->n == 0)
		return;
	/* Sort a copy: printing must not reorder the list under a reader. */
	v = xreallocarray(NULL, d->n, sizeof *v);
	memcpy(v, d->v, d->n * sizeof *v);
	qsort(v, d->n, sizeof *v, cmp);
	for (i = 0; i < d->n; i++) {
		const char *lvl = v[i].level == DIAG_ERROR ? "error" : "warning";

		/* Identical messages (one mistake met twice) print once. */
		if (i > 0 && same(&v[i - 1], &v[i]))
			continue;
		if (v[i].pos.path == NULL)
			fprintf(f, "minhbach: %s: %s\n", lvl, v[i].msg);
		else if (v[i].pos.line == 0)
			fprintf(f, "%s: %s: %s\n", v[i].pos.path, lvl, v[i].msg);
		else
			fprintf(f, "%s:%u:%u: %s: %s\n", v[i].pos.path,
			    v[i].pos.line, v[i].pos.col ? v[i].pos.col : 1,
			    lvl, v[i].msg);
	}
	free(v);
}

struct pos
pos_file(const char *path)
{
	struct pos p = {path, 0, 0};

	return p;
}
