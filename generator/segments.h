/*
 * URL segments of the pages the generator makes itself (revision
 * history, changes, list pages, budget series, call browse pages): the
 * site's, from site.yaml's `segments:`, with today's words as defaults.
 */
#ifndef MINHBACH_SEGMENTS_H
#define MINHBACH_SEGMENTS_H

struct site;

/*
 * The segment called name ("history", "changes", "page", "series",
 * "zone", "sector", "status", "search", "opportunities") for language
 * index lang: site.yaml's
 * `segments: {name: {vi: …, en: …}}` (or one text for every
 * language), else the default (the Vietnamese word for "vi", the
 * English one for any other language).  Never NULL; static or the
 * configuration's memory.  An unknown name is returned as it is.
 */
const char *site_segment(const struct site *s, int lang, const char *name);

/*
 * Checks site.yaml's `segments:`: a map of known names, each a slug
 * (lower-case ASCII letters, digits, single '-') or a map of the
 * site's languages to slugs, two names of one language not the same
 * segment.  Returns 0, or -1 after located errors.
 */
int segments_check(struct site *s);

#endif
