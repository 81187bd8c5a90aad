/*
 * Words for readers from the theme's UI strings (words.h): the
 * language's own, else the first language that has the word, with the
 * gap recorded so that `check` can list what a translation lacks.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
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

const char *
site_word(struct site *s, const char *lang, const char *key)
{
	const char *w, *dot;
	size_t i;

	for (i = 0; i < s->nlangs; i++)
		if (strcmp(s->langs[i], lang) == 0 &&
		    (w = lookup(s, i, key)) != NULL)
			return w;
	note_missing(s, lang, key);
	for (i = 0; i < s->nlangs; i++)
		if ((w = lookup(s, i, key)) != NULL)
			return w;
	dot = strrchr(key, '.');
	return dot ? dot + 1 : key;
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
