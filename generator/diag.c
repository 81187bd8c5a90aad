/*
 * Diagnostics: every stage appends here instead of printing or exiting.
 * At the end main() prints them once, sorted by position, and chooses
 * the exit status from the error count.  A diagnostic keeps its id and
 * arguments; its text is made when printed, in the list's language.  A
 * mutex makes appending safe from the render workers; everything lives
 * in the arena.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "diag_wire.h"
#include "messages.h"

struct diag {
	struct pos pos;
	enum diag_level level;
	size_t seq;
	const char *id;
	const char *const *argv;	/* the id's arguments */
	size_t argc;
	const char *msg;
};

struct diags {
	struct arena *arena;
	pthread_mutex_t lock;
	struct diag *v;
	size_t n, cap;
	size_t errors, warnings;
	const char *lang;
	enum diag_format format;
	int wire; /* a render worker's pipe to its parent */
	bool wire_failed;
};

struct diags *
diags_new(struct arena *a)
{
	struct diags *d = arena_calloc(a, 1, sizeof *d);

	d->arena = a;
	d->lang = "vi";
	d->wire = -1;
	pthread_mutex_init(&d->lock, NULL);
	return d;
}

void
diags_set_lang(struct diags *d, const char *lang)
{
	d->lang = msg_lang(lang);
}

const char *
diags_lang(const struct diags *d)
{
	return d->lang;
}

void
diags_set_format(struct diags *d, enum diag_format f)
{
	d->format = f;
}

int
diags_send_to(struct diags *d, int fd)
{
	int failed;

	pthread_mutex_lock(&d->lock);
	failed = d->wire_failed ? -1 : 0;
	d->wire = fd;
	d->wire_failed = false;
	pthread_mutex_unlock(&d->lock);
	return failed;
}

/* Called with the lock held. */
static struct diag *
push(struct diags *d, enum diag_level level, struct pos p)
{
	struct diag *x;

	d->v = arena_grow(d->arena, d->v, d->n, &d->cap, sizeof *d->v);
	x = &d->v[d->n];
	memset(x, 0, sizeof *x);
	x->pos = p;
	if (p.path != NULL)
		x->pos.path = arena_strdup(d->arena, p.path);
	x->level = level;
	x->seq = d->n++;
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	return x;
}

int
diag_add(struct diags *d, enum diag_level level, struct pos p,
    const char *const *argv, size_t argc)
{
	struct diag *x;
	const char **copy;
	struct buf b = {0};
	size_t i;

	pthread_mutex_lock(&d->lock);
	x = push(d, level, p);
	x->id = arena_strdup(d->arena, argv[0]);
	x->argc = argc - 1;
	copy = arena_calloc(d->arena, argc, sizeof *copy);
	for (i = 1; i < argc; i++)
		copy[i - 1] = arena_strdup(d->arena,
		    argv[i] != NULL ? argv[i] : "");
	x->argv = copy;
	/* A worker process: the parent's list is the one printed.  If
	 * the parent is gone, nobody reads: this worker's end is near. */
	if (d->wire >= 0 && diag_wire_send(d->wire, level, p, argv, argc) == -1)
		d->wire_failed = true;
	pthread_mutex_unlock(&d->lock);
	/* Fail early and loudly in the tests on an unknown id or a wrong
	 * number of arguments (msg_format aborts under strict). */
	if (getenv("MINHBACH_STRICT_MESSAGES") != NULL) {
		msg_format(&b, "vi", argv[0], argv + 1, argc - 1);
		buf_release(&b);
	}
	return level == DIAG_ERROR ? -1 : 0;
}

const char *
diag_fmt(struct diags *d, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	const char *s;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&d->lock);
	s = buf_keep(&b, d->arena);
	pthread_mutex_unlock(&d->lock);
	buf_release(&b);
	return s;
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

bool
diags_has(struct diags *d, const char *id, const char *path)
{
	size_t i;
	bool found = false;

	pthread_mutex_lock(&d->lock);
	for (i = d->n; i-- > 0 && !found;)
		found = strcmp(d->v[i].id, id) == 0 &&
		    (path == NULL || (d->v[i].pos.path != NULL &&
		    strcmp(d->v[i].pos.path, path) == 0));
	pthread_mutex_unlock(&d->lock);
	return found;
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

size_t
diags_view(const struct diags *d, struct arena *a, struct diag_view **out)
{
	struct diag *v;
	struct diag_view *r;
	struct buf b = {0};
	size_t i, n = 0;

	*out = NULL;
	if (d->n == 0)
		return 0;
	/* Texts in this language, then sort a copy: printing must not
	 * reorder the list under a reader. */
	v = xreallocarray(NULL, d->n, sizeof *v);
	memcpy(v, d->v, d->n * sizeof *v);
	for (i = 0; i < d->n; i++) {
		buf_reset(&b);
		msg_format(&b, d->lang, v[i].id, v[i].argv, v[i].argc);
		v[i].msg = arena_strdup(a, buf_cstr(&b));
	}
	buf_release(&b);
	qsort(v, d->n, sizeof *v, cmp);
	r = arena_calloc(a, d->n, sizeof *r);
	for (i = 0; i < d->n; i++) {
		/* Identical messages (one mistake met twice) print once. */
		if (i > 0 && same(&v[i - 1], &v[i]))
			continue;
		r[n].pos = v[i].pos;
		if (r[n].pos.path != NULL && r[n].pos.line == 0)
			r[n].pos.line = 1;
		if (r[n].pos.path != NULL && r[n].pos.col == 0)
			r[n].pos.col = 1;
		r[n].level = v[i].level;
		r[n].id = v[i].id;
		r[n].text = v[i].msg;
		n++;
	}
	free(v);
	*out = r;
	return n;
}

/* GitHub's workflow commands: %, CR and LF escaped in the message;
 * also : and , in a property. */
static void
gh_escape(FILE *f, const char *s, int prop)
{
	for (; *s; s++) {
		if (*s == '%')
			fputs("%25", f);
		else if (*s == '\r')
			fputs("%0D", f);
		else if (*s == '\n')
			fputs("%0A", f);
		else if (prop && *s == ':')
			fputs("%3A", f);
		else if (prop && *s == ',')
			fputs("%2C", f);
		else
			fputc(*s, f);
	}
}

void
diags_print(const struct diags *d, FILE *f)
{
	struct arena *a = arena_new();
	struct diag_view *v;
	size_t i, n = diags_view(d, a, &v);

	for (i = 0; i < n; i++) {
		const char *level = v[i].level == DIAG_ERROR ? "error" :
		    "warning";
		const char *word;

		if (d->format == DIAG_GITHUB) {
			fprintf(f, "::%s", level);
			if (v[i].pos.path != NULL) {
				fputs(" file=", f);
				gh_escape(f, v[i].pos.path, 1);
				fprintf(f, ",line=%u,col=%u", v[i].pos.line,
				    v[i].pos.col);
			}
			fputs(v[i].pos.path != NULL ? ",title=" : " title=", f);
			gh_escape(f, v[i].id, 1);
			fputs("::", f);
			gh_escape(f, v[i].text, 0);
			fputc('\n', f);
			continue;
		}
		word = msg_level_word(d->lang, level);
		if (v[i].pos.path == NULL)
			fprintf(f, "minhbach: %s: %s", word, v[i].text);
		else
			fprintf(f, "%s:%u:%u: %s: %s", v[i].pos.path,
			    v[i].pos.line, v[i].pos.col, word, v[i].text);
		fprintf(f, " [%s]\n", v[i].id);
	}
	arena_free(a);
}

void
diags_say(const struct diags *d, FILE *f, const char *const *argv,
    size_t argc)
{
	struct buf b = {0};

	msg_format(&b, d->lang, argv[0], argv + 1, argc - 1);
	fprintf(f, "minhbach: %s\n", buf_cstr(&b));
	buf_release(&b);
}

struct pos
pos_file(const char *path)
{
	struct pos p = {path, 0, 0};

	return p;
}
