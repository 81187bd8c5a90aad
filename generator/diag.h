/*
 * The one diagnostics list of a build.  Every stage appends errors and
 * warnings with a position; diags_print() writes them sorted by path,
 * line, column (then order of arrival) as "path:line:col: error: msg".
 * Appending is thread-safe, so render workers may report too.
 */
#ifndef MINHBACH_DIAG_H
#define MINHBACH_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct arena;

struct pos {
	const char *path;	/* relative to --source; arena memory; may be NULL */
	unsigned line, col;	/* 1-based; col in code points; 0 = unknown */
};

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diags;

/* Returns a new list living in arena a (which must outlive it). */
struct diags *diags_new(struct arena *a);
/* Records an error; returns -1, so `return diag_error(...);` works. */
int diag_error(struct diags *d, struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records a warning; returns 0. */
int diag_warning(struct diags *d, struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
size_t diags_errors(const struct diags *d);
size_t diags_warnings(const struct diags *d);
/* Writes every diagnostic, sorted, one per line, to f. */
void diags_print(const struct diags *d, FILE *f);
/* Convenience: a position with only a path. */
struct pos pos_file(const char *path);

#endif
