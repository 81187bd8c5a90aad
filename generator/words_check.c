/*
 * What a translation lacks (words.h, words_check): the theme's UI
 * strings of each language against the first language's, the words
 * the generator asked for and found nowhere, and (for `check`) the
 * records not yet translated, so that adding a language shows its gaps.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "site.h"
#include "value.h"
#include "words.h"

#define MAX_NAMED 10	/* files named per collection, then "and N more" */

/* Language i's UI strings (the globals' t), or NULL. */
static const struct value *
strings(const struct site *s, size_t i)
{
	const struct value *t = s->globals[i] ? value_map_get(s->globals[i],
	    "t") : NULL;

	return t != NULL && t->type == VALUE_MAP ? t : NULL;
}

/* The file that language i's strings came from, or NULL (no file). */
static const char *
file_of(const struct site *s, size_t i)
{
	const struct value *t = strings(s, i);

	return t != NULL && t->pos.path != NULL ? t->pos.path : NULL;
}

/*
 * Walks ref (the first language's map at prefix): every leaf key that
 * has no value in have is a warning at the file of language lang.
 */
static void
walk(struct site *s, const struct value *ref, const struct value *have,
    const char *prefix, size_t lang)
{
	for (size_t i = 0; i < ref->n; i++) {
		const struct value_pair *p = &ref->pairs[i];
		const char *key = prefix[0] ? arena_printf(s->arena, "%s.%s",
		    prefix, p->key) : p->key;
		const struct value *v = have ? value_map_get(have, p->key) :
		    NULL;
		struct pos at;

		if (p->val->type == VALUE_MAP && (v == NULL ||
		    v->type == VALUE_MAP) && p->val->n > 0) {
			walk(s, p->val, v, key, lang);
			continue;
		}
		if (v != NULL)
			continue;
		at = value_pair_pos(p);
		diag_warning(s->diags, pos_file(file_of(s, lang)),
		    "words.untranslated", key, s->langs[lang],
		    diag_fmt(s->diags, "%s:%u",
		        at.path ? at.path : file_of(s, 0), at.line));
	}
}

/* True when the walk above already reported key of language lang. */
static bool
reported(const struct site *s, size_t lang, const char *key)
{
	const struct value *first = strings(s, 0);

	return lang > 0 && file_of(s, lang) != NULL && first != NULL &&
	    value_path(first, key) != NULL;
}

static void
gaps(struct site *s)
{
	size_t n;
	const char *const *miss = words_missing(s, &n);

	for (size_t i = 0; i < n; i++) {
		const char *colon = strchr(miss[i], ':');
		size_t lang;

		if (colon == NULL)
			continue;
		for (lang = 0; lang < s->nlangs; lang++)
			if (strlen(s->langs[lang]) == (size_t)(colon - miss[i])
			    && strncmp(s->langs[lang], miss[i],
			    (size_t)(colon - miss[i])) == 0)
				break;
		/* Without a file, theme_strings() said so already. */
		if (lang == s->nlangs || file_of(s, lang) == NULL ||
		    reported(s, lang, colon + 2))
			continue;
		diag_warning(s->diags, pos_file(file_of(s, lang)),
		    "words.missing", colon + 2, s->langs[lang],
		    strrchr(colon + 2, '.') ? strrchr(colon + 2, '.') + 1 :
		    colon + 2);
	}
}

/* The position of language lang in site.yaml's languages, or the file. */
static struct pos
lang_pos(const struct site *s, size_t lang)
{
	const struct value *l = value_map_get(s->conf, "languages");

	if (l != NULL && l->type == VALUE_LIST && lang < l->n)
		return l->items[lang]->pos;
	return pos_file("content/site.yaml");
}

/* One warning per collection: its first-language records without a
 * translation into language lang. */
static void
untranslated(struct site *s, const struct collection *co, size_t lang)
{
	struct buf b = {0};
	size_t n = 0, total = 0;
	const struct item *one = NULL;

	for (size_t i = 0; i < co->n; i++) {
		const struct item *it = co->items[i], *t;

		if (it->lang_index != 0 || it->url == NULL || it->draft)
			continue;
		total++;
		t = it->tr[lang];
		if (t != NULL && t->url != NULL && !t->draft)
			continue;
		if (n < MAX_NAMED)
			buf_addf(&b, "%s%s", n ? ", " : "", it->path);
		if (one == NULL)
			one = it;
		n++;
	}
	if (n > MAX_NAMED)
		buf_addf(&b, ", … (+%zu)", n - MAX_NAMED);
	if (n > 0) {
		const char *dot = strrchr(one->path, '.');
		const char *name = strrchr(one->base, '/');

		diag_warning(s->diags, lang_pos(s, lang),
		    "words.records-untranslated", diag_fmt(s->diags, "%zu",
		    n), diag_fmt(s->diags, "%zu", total), co->name,
		    s->langs[lang], s->langs[0], diag_fmt(s->diags, "%s",
		    buf_cstr(&b)), diag_fmt(s->diags, "%s.%s%s", name ?
		    name + 1 : one->base, s->langs[lang], dot ? dot : ""));
	}
	buf_release(&b);
}

void
words_check(struct site *s, bool records)
{
	const struct value *first = strings(s, 0);

	for (size_t lang = 1; first != NULL && lang < s->nlangs; lang++)
		if (file_of(s, lang) != NULL)
			walk(s, first, strings(s, lang), "", lang);
	gaps(s);
	for (size_t lang = 1; records && lang < s->nlangs; lang++)
		for (size_t i = 0; i < s->ncolls; i++)
			untranslated(s, &s->colls[i], lang);
}

/* True when it is a published first-language record that language lang
 * has no published translation of. */
static bool
lacks(const struct item *it, size_t lang)
{
	const struct item *t = it->tr[lang];

	return it->lang_index == 0 && it->url != NULL && !it->draft &&
	    (t == NULL || t->url == NULL || t->draft);
}

void
words_summary(struct site *s, FILE *f)
{
	struct buf b = {0};

	for (size_t lang = 1; lang < s->nlangs; lang++) {
		size_t n = 0, total = 0;

		buf_reset(&b);
		for (size_t i = 0; i < s->ncolls; i++) {
			const struct collection *co = &s->colls[i];
			size_t cn = 0, ct = 0;

			for (size_t j = 0; j < co->n; j++) {
				const struct item *it = co->items[j];

				if (it->lang_index != 0 || it->url == NULL ||
				    it->draft)
					continue;
				ct++;
				cn += lacks(it, lang);
			}
			if (cn > 0)
				buf_addf(&b, "%s%s %zu/%zu", b.len ? ", " : "",
				    co->name, cn, ct);
			n += cn;
			total += ct;
		}
		if (n > 0)
			diag_say(s->diags, f, "words.translation-summary",
			    s->langs[lang], diag_fmt(s->diags, "%zu", n),
			    diag_fmt(s->diags, "%zu", total),
			    diag_fmt(s->diags, "%s", buf_cstr(&b)));
	}
	buf_release(&b);
}
