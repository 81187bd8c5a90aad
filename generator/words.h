/*
 * Words for readers that the generator itself puts on pages (statuses,
 * units, column titles, URL segments of generated pages): looked up in
 * the theme's UI strings (i18n/<lang>.yaml, the globals' `t`), never
 * written in C, so that adding a language is adding i18n files.
 */
#ifndef MINHBACH_WORDS_H
#define MINHBACH_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct arena;
struct fmt_style;
struct site;

/*
 * The UI string at dotted key ("values.call.status.open") in language
 * lang (a code of s->langs; site_model() must have made the globals).
 * When lang lacks it: the first language's string that has it, and the
 * key is recorded as untranslated in lang (words_missing()); when no
 * language has it, the key's last part.  Never NULL; arena or
 * globals' memory.
 */
const char *site_word(struct site *s, const char *lang, const char *key);

/*
 * How lang writes figures and dates: the UI strings format.thousands,
 * format.decimal, format.date, format.percent and, when the date names
 * the month,
 * format.months.jan … format.months.dec, each through site_word()'s
 * fallback (a gap recorded); a key no language has takes
 * fmt_messages()'s value (months: their number).  Made once per
 * language of s->langs (cached on s; a code outside it is made anew).
 * Never NULL; arena memory.  Model stage (after site_model()'s
 * globals): it writes to s.
 */
const struct fmt_style *site_fmt(struct site *s, const char *lang);

/*
 * The keys site_word() could not find in a language, as
 * "lang: key" lines in the order first asked for (arena; *n set);
 * NULL when every word was found.
 */
const char *const *words_missing(const struct site *s, size_t *n);

/*
 * text with every "{name}" of pairs (name, value, …, NULL) replaced by
 * its value, in one pass (a value is never scanned again); other
 * braces stay as they are.  Arena memory.
 */
const char *words_fill(struct arena *a, const char *text,
    const char *const *pairs);

/*
 * words_check.c: what a translation lacks, as warnings (nothing stops a
 * build).  For every language after the first, each UI string of the
 * first language's i18n file (its key tree walked) that the language's
 * own file lacks, located at that file; each word site_word() met that
 * no file of its language had and that is not reported so; with
 * records (`check`), for each collection and language, the published
 * records of the first language that have no translation into it, one
 * line per collection, located at the language in site.yaml.  Call
 * after the model stage.
 */
void words_check(struct site *s, bool records);

/*
 * `check`'s summary of what is not translated: for every language after
 * the first that lacks some, one note (words.translation-summary) with
 * how many published first-language records have no translation into
 * it, of how many, and the count per collection ("calls 3/3, zones
 * 2/3"), written to f in the diagnostics' language.  After the model
 * stage; `check --untranslated` names the files (words_check()).
 */
void words_summary(struct site *s, FILE *f);

#endif
