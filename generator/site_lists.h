/*
 * Model stage (site_lists.c): list pages (paginated, per collection and
 * language, and those a kind adds), the home page, item pages' templates.
 */
#ifndef MINHBACH_SITE_LISTS_H
#define MINHBACH_SITE_LISTS_H

#include <stdbool.h>
#include <stddef.h>

struct collection;
struct item;
struct mustache;
struct page;
struct site;
struct theme;
struct value;

/* True if lists of language lang show it: its own records, and the main
 * language's records that have no translation into lang. */
bool site_shows(const struct site *s, const struct item *it, int lang);
/*
 * Adds the paginated list pages of items v[0..n) (sorted as they should
 * show) at list_url (site-relative with the base path, ending '/'),
 * titled title, rendered with template list-<kind> or list; every key
 * of the map extra (may be NULL) is added to each page's frame.  For
 * browse pages (by zone, sector, status) as well as collection lists.
 */
void site_add_list(struct site *s, const struct theme *th,
    struct collection *co, int lang, struct item **v, size_t n,
    const char *list_url, const char *title, struct value *extra);
/* Returns the theme's template a, else b; NULL after an error naming
 * both (a may be NULL). */
const struct mustache *site_template(struct site *s, const struct theme *th,
    const char *a, const char *b);
/* Adds a page rendering t against [the language's globals, f]. */
struct page *site_add_frame_page(struct site *s, const char *out,
    const char *origin, const struct mustache *t, int lang, struct value *f);
/*
 * The items of co that lists in lang show (site_shows()), in the
 * collection's order, into *out (arena); returns their number.
 */
size_t site_published(struct site *s, struct collection *co, int lang,
    struct item ***out);
/*
 * Sets key to v on the list pages that site_model() made for co in lang
 * (not the browse pages a kind's model adds with site_add_list()): for
 * what a kind puts beside a list (browse facets, a comparison table).
 */
void site_lists_set(struct site *s, const struct collection *co, int lang,
    const char *key, struct value *v);

#endif
