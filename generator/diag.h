/*
 * The one diagnostics list of a build.  Every stage appends errors and
 * warnings with a position and a message id from the catalogue
 * (messages.h, generator/messages_*.yaml) with its arguments;
 * diags_print() writes them sorted by path, line, column (then order of
 * arrival) in the list's language:
 *
 *     path:line:col: lỗi: text [id]          (Vietnamese, the default)
 *     path:line:col: error: text [id]        (--lang en)
 *     ::error file=path,line=l,col=c,title=id::text   (--format=github)
 *
 * A position without a line prints as 1:1.  Appending is thread-safe,
 * so render workers may report too.
 *
 * Warnings "like" each other — the same id with the same arguments,
 * hence the same text, at other places — are summarised: when there
 * are more than DIAG_LIKE_KEEP places, the first DIAG_LIKE_SHOWN (in
 * the sorted order) print and a note follows them, "… and 9,997 more
 * like it (id)" [diag.more-like-it].  Only DIAG_LIKE_KEEP of them are
 * stored: memory grows with the kinds of warnings, not their number.
 * Errors are never summarised.
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

/* DIAG_NOTE: only in a view, the summary line of a group of warnings. */
enum diag_level { DIAG_WARNING, DIAG_ERROR, DIAG_NOTE };

#define DIAG_LIKE_KEEP 10	/* places of one warning printed in full */
#define DIAG_LIKE_SHOWN 3	/* printed of a larger group */
enum diag_format { DIAG_TEXT, DIAG_GITHUB };

struct diags;

/* Returns a new list living in arena a (which must outlive it);
 * its language is Vietnamese until diags_set_lang(). */
struct diags *diags_new(struct arena *a);

/*
 * Records an error: diag_error(d, pos, "budget.sum-mismatch", stt, col,
 * stated, sum) — the id, then one string per {n} of its text.  Returns
 * -1, so `return diag_error(...);` works.  diag_warning() returns 0.
 * Every argument must be a string (the compiler checks); diag_fmt()
 * makes one from a number.
 */
#define diag_error(d, p, ...)                                           \
	diag_add((d), DIAG_ERROR, (p), DIAG_ARGV_(__VA_ARGS__))
#define diag_warning(d, p, ...)                                         \
	diag_add((d), DIAG_WARNING, (p), DIAG_ARGV_(__VA_ARGS__))
#define DIAG_ARGV_(...)                                                 \
	(const char *const[]){__VA_ARGS__},                             \
	    sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)
/* argv[0] is the id, argv[1 .. argc-1] its arguments. */
int diag_add(struct diags *d, enum diag_level level, struct pos p,
    const char *const *argv, size_t argc);
/* A printf-made argument, in the list's arena (thread-safe). */
const char *diag_fmt(struct diags *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

size_t diags_errors(const struct diags *d);
size_t diags_warnings(const struct diags *d);
/* True when a diagnostic with this id was recorded at path (any path
 * if NULL): lets a check stay silent about what follows from an error
 * already reported ("one cause, one message").  A warning counted in
 * its group beyond the DIAG_LIKE_KEEP stored is not found. */
bool diags_has(struct diags *d, const char *id, const char *path);

/* The language of the printed texts: "vi" or "en" (msg_lang()). */
void diags_set_lang(struct diags *d, const char *lang);
const char *diags_lang(const struct diags *d);
void diags_set_format(struct diags *d, enum diag_format f);
/*
 * In a render worker process (render_procs.c): every diagnostic
 * recorded from now on is also written to fd (diag_wire.c) for the
 * parent to add to its list; fd -1 stops that.  Returns -1 when a write
 * since the last call failed, else 0.
 */
int diags_send_to(struct diags *d, int fd);

/* One diagnostic as printed: sorted, duplicates dropped, large groups
 * of warnings summarised (the note right after the last shown of its
 * group, without a position), texts in the list's language.
 * diags_view() returns how many. */
struct diag_view {
	struct pos pos;
	enum diag_level level;
	const char *id;
	const char *text;
};
size_t diags_view(const struct diags *d, struct arena *a, struct diag_view **out);

/* Writes "minhbach: " and a catalogue text (a note, e.g. the summary
 * line) in d's language to f: diag_say(d, stderr, "run.ok", n, w). */
#define diag_say(d, f, ...) diags_say((d), (f), DIAG_ARGV_(__VA_ARGS__))
void diags_say(const struct diags *d, FILE *f, const char *const *argv,
    size_t argc);

/* How many diagnostics the list holds (tests: summarised warnings are
 * counted, not held). */
size_t diags_stored(const struct diags *d);

/* Writes every diagnostic, sorted, one per line, to f. */
void diags_print(const struct diags *d, FILE *f);
/* Convenience: a position with only a path. */
struct pos pos_file(const char *path);

#endif
