/*
 * Diagnostics: every stage appends here instead of printing or exiting.
 * At the end main() prints them once, sorted by position, and chooses
 * the exit status from the error count.  A diagnostic keeps its id and
 * arguments; its text is made when printed, in the list's language.  A
 * mutex makes appending safe from the render workers; everything lives
 * in the arena.
 *
 * Warnings that are "like" each other (same id, same arguments: the
 * same text at another place) are grouped in a `struct like`: only the
 * first DIAG_LIKE_KEEP of a group by position are stored, the rest are
 * counted, so 100,000 records with the same unknown field cost one
 * group and ten entries, not 100,000 entries to hold and sort.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "diag_wire.h"
#include "messages.h"

struct like;

struct diag {
	struct pos pos;
	enum diag_level level;
	size_t seq;
	const char *id;
	const char *const *argv;	/* the id's arguments */
	size_t argc;
	const char *msg;
	struct like *like;		/* a warning's group; NULL for errors */
};

/* The warnings of one id and one set of arguments. */
struct like {
	uint64_t hash;
	size_t index;			/* order of creation: 0, 1, ... */
	size_t count;			/* places recorded (not repeats) */
	uint64_t last;			/* place_hash() of the last one */
	size_t kept[DIAG_LIKE_KEEP];	/* indexes in v: the first places */
	size_t nkept;
};

struct diags {
	struct arena *arena;
	pthread_mutex_t lock;
	struct diag *v;
	size_t n, cap;
	size_t seq;
	size_t errors, warnings;
	struct like **likes;		/* open addressing; NULL = free */
	size_t nlike, likecap;
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
	x->seq = d->seq++;
	d->n++;
	return x;
}

/* FNV-1a over the id and the arguments, each with its NUL. */
static uint64_t
like_hash(const char *const *argv, size_t argc)
{
	uint64_t h = 0xcbf29ce484222325u;
	const char *s;
	size_t i;

	for (i = 0; i < argc; i++) {
		s = argv[i] != NULL ? argv[i] : "";
		do {
			h ^= (unsigned char)*s;
			h *= 0x100000001b3u;
		} while (*s++ != '\0');
	}
	return h;
}

static bool
like_is(const struct diags *d, const struct like *l, uint64_t h,
    const char *const *argv, size_t argc)
{
	const struct diag *x = &d->v[l->kept[0]];
	size_t i;

	if (l->hash != h || x->argc != argc - 1 || strcmp(x->id, argv[0]))
		return false;
	for (i = 1; i < argc; i++)
		if (strcmp(x->argv[i - 1], argv[i] != NULL ? argv[i] : ""))
			return false;
	return true;
}

/* Called with the lock held: the slot of argv's group in d->likes (its
 * group, or the free slot where it goes). */
static struct like **
like_slot(struct diags *d, uint64_t h, const char *const *argv,
    size_t argc)
{
	struct like **old = d->likes;
	size_t i, cap = d->likecap;

	if (2 * (d->nlike + 1) > d->likecap) {
		/* Half full at most.  The old table stays in the arena:
		 * all of them together are twice the last. */
		d->likecap = cap ? 2 * cap : 64;
		d->likes = arena_calloc(d->arena, d->likecap,
		    sizeof *d->likes);
		for (i = 0; i < cap; i++)
			if (old[i] != NULL)
				*like_slot(d, old[i]->hash, NULL, 0) = old[i];
	}
	for (i = h & (d->likecap - 1);; i = (i + 1) & (d->likecap - 1))
		if (d->likes[i] == NULL || (argv != NULL &&
		    like_is(d, d->likes[i], h, argv, argc)))
			return &d->likes[i];
}

/* A place as a number: a repeat of the last place of a group (one
 * record checked twice) is then known without keeping the place. */
static uint64_t
place_hash(struct pos p)
{
	char lc[32];
	const char *argv[2] = {p.path, lc};

	snprintf(lc, sizeof lc, "%u:%u", p.line, p.col);
	return like_hash(argv, 2);
}

/* Orders places: path-less first, then path, line, column (as cmp()). */
static int
pos_cmp(struct pos a, struct pos b)
{
	int c;

	if ((a.path == NULL) != (b.path == NULL))
		return a.path == NULL ? -1 : 1;
	if (a.path != NULL && (c = strcmp(a.path, b.path)) != 0)
		return c;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return (a.col > b.col) - (a.col < b.col);
}

/*
 * Called with the lock held: records warning argv at p in its group.
 * The group keeps its first DIAG_LIKE_KEEP places by position, whatever
 * the order of arrival (render workers report in any order), so the
 * output does not depend on the threads.  Returns the entry to fill
 * with id and arguments (a new group's first), or NULL when the group
 * already has them.
 */
static struct diag *
like_add(struct diags *d, struct pos p, const char *const *argv,
    size_t argc)
{
	uint64_t h = like_hash(argv, argc);
	struct like **slot = like_slot(d, h, argv, argc), *l = *slot;
	struct diag *x, *last;
	uint64_t ph = place_hash(p);
	size_t i, k;

	if (l == NULL) {
		l = *slot = arena_calloc(d->arena, 1, sizeof *l);
		l->hash = h;
		l->last = ph;
		l->index = d->nlike++;
		x = push(d, DIAG_WARNING, p);
		x->like = l;
		l->kept[l->nkept++] = d->n - 1;
		l->count = 1;
		return x;
	}
	/*
	 * The same warning at the same place (one mistake met twice) is
	 * printed once: not another place.  Known when the place is kept,
	 * or was the group's last (a repeat further apart is counted).
	 */
	if (ph == l->last)
		return NULL;
	for (i = 0; i < l->nkept; i++)
		if (pos_cmp(d->v[l->kept[i]].pos, p) == 0)
			return NULL;
	l->last = ph;
	l->count++;
	if (l->nkept < DIAG_LIKE_KEEP) {
		last = push(d, DIAG_WARNING, p);
		x = &d->v[l->kept[0]];	/* push may have moved v */
		last->like = l;
		last->id = x->id;
		last->argv = x->argv;
		last->argc = x->argc;
		l->kept[l->nkept++] = d->n - 1;
		return NULL;
	}
	/* Full: p takes the place of the last kept one if it comes before
	 * it (rarely more than a few dozen times: arrival is mostly in
	 * order of files). */
	for (k = 0, i = 1; i < l->nkept; i++)
		if (pos_cmp(d->v[l->kept[i]].pos, d->v[l->kept[k]].pos) > 0)
			k = i;
	last = &d->v[l->kept[k]];
	if (pos_cmp(p, last->pos) < 0) {
		last->pos = p;
		if (p.path != NULL)
			last->pos.path = arena_strdup(d->arena, p.path);
		last->seq = d->seq++;
	}
	return NULL;
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
	if (level == DIAG_ERROR) {
		d->errors++;
		x = push(d, level, p);
	} else {
		/* Counted as recorded, repeats included. */
		d->warnings++;
		x = like_add(d, p, argv, argc);
	}
	if (x != NULL) {
		x->id = arena_strdup(d->arena, argv[0]);
		x->argc = argc - 1;
		copy = arena_calloc(d->arena, argc, sizeof *copy);
		for (i = 1; i < argc; i++)
			copy[i - 1] = arena_strdup(d->arena,
			    argv[i] != NULL ? argv[i] : "");
		x->argv = copy;
	}
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

/* n with thousands grouped as lang writes them: 9.997, 9,997. */
static const char *
grouped(struct arena *a, const char *lang, size_t n)
{
	char d[32];
	struct buf b = {0};
	const char *r;
	int len = snprintf(d, sizeof d, "%zu", n), i;

	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_addc(&b, strcmp(lang, "vi") == 0 ? '.' : ',');
		buf_addc(&b, d[i]);
	}
	r = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return r;
}

size_t
diags_view(const struct diags *d, struct arena *a, struct diag_view **out)
{
	struct diag *v;
	struct diag_view *r;
	struct buf b = {0};
	size_t i, n = 0, *shown;

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
	qsort(v, d->n, sizeof *v, cmp);
	/* Room for one summary line per group. */
	r = arena_calloc(a, d->n + d->nlike, sizeof *r);
	shown = xcalloc(d->nlike + 1, sizeof *shown);
	for (i = 0; i < d->n; i++) {
		struct like *l = v[i].like;

		/* Identical messages (one mistake met twice) print once. */
		if (i > 0 && same(&v[i - 1], &v[i]))
			continue;
		/* A group over its limit shows its first few places, then
		 * says how many more there are. */
		if (l != NULL && l->count > DIAG_LIKE_KEEP &&
		    shown[l->index]++ >= DIAG_LIKE_SHOWN)
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
		if (l != NULL && l->count > DIAG_LIKE_KEEP &&
		    shown[l->index] == DIAG_LIKE_SHOWN) {
			const char *argv[2] = {grouped(a, d->lang,
			    l->count - DIAG_LIKE_SHOWN), v[i].id};

			buf_reset(&b);
			msg_format(&b, d->lang, "diag.more-like-it", argv, 2);
			r[n].level = DIAG_NOTE;
			r[n].id = "diag.more-like-it";
			r[n].text = arena_strdup(a, buf_cstr(&b));
			n++;
		}
	}
	buf_release(&b);
	free(shown);
	free(v);
	*out = r;
	return n;
}

size_t
diags_stored(const struct diags *d)
{
	return d->n;
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
		    v[i].level == DIAG_NOTE ? "note" : "warning";
		const char *word;

		if (d->format == DIAG_GITHUB) {
			/* GitHub's word for a note is "notice". */
			fprintf(f, "::%s", v[i].level == DIAG_NOTE ? "notice" :
			    level);
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
