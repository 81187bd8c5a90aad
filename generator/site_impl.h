/*
 * What the model stage's three files share: site.c (URLs, items,
 * orchestration), site_frames.c (template contexts) and site_lists.c
 * (list pages, home, 404).  Private to them.
 */
#ifndef MINHBACH_SITE_IMPL_H
#define MINHBACH_SITE_IMPL_H

struct site;
struct collection;
struct theme;
struct source;
struct value;

#define HOME_RECENT 5		/* records per collection on the home page */
#define DEFAULT_PER_PAGE 20	/* records per list page */

/* A string value borrowing str (arena or static memory). */
struct value *site_vstr(struct site *s, const char *str);
/* v with every {vi: …, en: …} map resolved to lang. */
struct value *site_localize(struct site *s, struct value *v, int lang);
/* The text of v in lang, or dflt. */
const char *site_ltext(struct site *s, struct value *v, int lang,
    const char *dflt);
/* A collection's title in lang. */
const char *site_coll_title(struct site *s, struct collection *co,
    int lang);
/* The per-language globals frame {site, t, lang}. */
struct value *site_globals(struct site *s, const struct theme *th,
    struct source *src, int lang);
/* A plain-text excerpt of Markdown (summaries of records without one). */
const char *site_excerpt(struct site *s, const char *md, size_t n);
/* The list pages of a collection and the home and 404 pages. */
void site_model_lists(struct site *s, const struct theme *th,
    struct collection *co, int lang);
void site_model_home(struct site *s, const struct theme *th, int lang);

#endif
