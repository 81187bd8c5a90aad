/*
 * Words for readers from the theme's UI strings (words.h): the
 * language's own, else the first language that has the word, with the
 * gap recorded so that `check` can list what a translation lacks; and
 * the style in which a language writes figures and dates (`format:`).
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "fmt.h"
#include "site.h"
#include "value.h"
#include "words.h"

/* The string at key in language i's UI strings, or NULL. */
static const char *
lookup(const struct site *s, size_t i, const char *key)
{
	const struct value *t, *v;

	if (s->globals[i] == NULL)
		return NULL;
	t = value_map_get(s->globals[i], "t");
	v = t ? value_path(t, key) : NULL;
	return v != NULL && v->type == VALUE_STR ? v->text : NULL;
}

static void
note_missing(struct site *s, const char *lang, const char *key)
{
	const char *line = arena_printf(s->arena, "%s: %s", lang, key);
	size_t i;

	for (i = 0; i < s->nmissing; i++)
		if (strcmp(s->missing[i], line) == 0)
			return;
	if (s->nmissing == s->capmissing) {
		size_t cap = s->capmissing ? 2 * s->capmissing : 16;
		const char **v = arena_alloc(s->arena, cap * sizeof *v);

		if (s->nmissing)
			memcpy(v, s->missing, s->nmissing * sizeof *v);
		s->missing = v;
		s->capmissing = cap;
	}
	s->missing[s->nmissing++] = line;
}

/* site_word(), but dflt when no language has the key (the gap is
 * still recorded). */
static const char *
word_or(struct site *s, const char *lang, const char *key, const char *dflt)
{
	const char *w;
	size_t i;

	for (i = 0; i < s->nlangs; i++)
		if (strcmp(s->langs[i], lang) == 0 &&
		    (w = lookup(s, i, key)) != NULL)
			return w;
	note_missing(s, lang, key);
	for (i = 0; i < s->nlangs; i++)
		if ((w = lookup(s, i, key)) != NULL)
			return w;
	return dflt;
}

const char *
site_word(struct site *s, const char *lang, const char *key)
{
	const char *w = word_or(s, lang, key, NULL), *dot;

	if (w != NULL)
		return w;
	dot = strrchr(key, '.');
	return dot ? dot + 1 : key;
}

const struct fmt_style *
site_fmt(struct site *s, const char *lang)
{
	static const char *const months[12] = {"jan", "feb", "mar", "apr",
	    "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
	const struct fmt_style *dflt = fmt_messages();
	struct fmt_style *st;
	size_t i, li;

	for (li = 0; li < s->nlangs; li++)
		if (strcmp(s->langs[li], lang) == 0)
			break;
	if (li < s->nlangs && s->fmt[li] != NULL)
		return s->fmt[li];
	st = arena_alloc(s->arena, sizeof *st);
	st->thousands = word_or(s, lang, "format.thousands", dflt->thousands);
	st->decimal = word_or(s, lang, "format.decimal", dflt->decimal);
	st->date = word_or(s, lang, "format.date", dflt->date);
	st->percent = word_or(s, lang, "format.percent", dflt->percent);
	/* Month names only where the pattern writes them. */
	for (i = 0; i < 12; i++)
		st->months[i] = strstr(st->date, "{month}") == NULL ? NULL :
		    word_or(s, lang, arena_printf(s->arena, "format.months.%s",
		    months[i]), NULL);
	if (li < s->nlangs)
		s->fmt[li] = st;
	return st;
}

const char *const *
words_missing(const struct site *s, size_t *n)
{
	*n = s->nmissing;
	return s->nmissing ? s->missing : NULL;
}

const char *
words_fill(struct arena *a, const char *text, const char *const *pairs)
{
	struct buf b = {0};
	const char *p = text, *r;

	while (*p) {
		const char *const *q = NULL;

		if (*p == '{')
			for (q = pairs; *q != NULL; q += 2) {
				size_t n = strlen(q[0]);

				if (strncmp(p + 1, q[0], n) == 0 &&
				    p[1 + n] == '}')
					break;
			}
		if (q == NULL || *q == NULL) {
			buf_addc(&b, *p++);
			continue;
		}
		buf_adds(&b, q[1] ? q[1] : "");
		p += strlen(q[0]) + 2;
	}
	r = buf_keep(&b, a);
	buf_release(&b);
	return r;
}
