/*
 * What search engines and link previews read in a page's <head>: the
 * canonical URL, the absolute hreflang alternates with x-default, the
 * OpenGraph locale and type, and a schema.org JSON-LD data block.  Made
 * per page at render time (render_frames()) from the page's frames, and
 * for the sitemap (feeds.c), so both say the same.
 */
#ifndef MINHBACH_META_H
#define MINHBACH_META_H

#include <stddef.h>

#include "site.h"

struct arena;
struct buf;
struct value;

struct meta_alt {
	const char *lang;	/* a site language */
	const char *url;	/* absolute */
};

/* The absolute URL page p is published at ("x/index.html" is "x/"). */
const char *meta_page_url(const struct site *s, struct arena *a,
    const struct page *p);
/*
 * The language versions of p, p's own included, in the site's language
 * order, into alt.  Returns their number, or 0 when p has no other
 * language version (a page alone needs no alternates) or is not to be
 * indexed (an old revision).
 */
size_t meta_alternates(const struct site *s, struct arena *a,
    const struct page *p, struct meta_alt alt[SITE_MAX_LANGS]);
/*
 * Writes p's schema.org description as one JSON object, or nothing when
 * its kind has none.  The JSON escapes '<', so that no "</script>" in a
 * title can end the data block early.
 */
void meta_jsonld(const struct site *s, struct arena *a, const struct page *p,
    struct buf *out);
/*
 * Sets in over what the head needs: canonical, alternates ({lang, url}
 * list) and x_default when there are any, og_locale, og_type and
 * jsonld (absent when meta_jsonld() writes nothing).
 */
void meta_frame(const struct site *s, struct arena *a, const struct page *p,
    struct value *over);

#endif
