/*
 * Model stage (feeds.c): the Atom feeds, the sitemap, robots.txt and the
 * JSON lists, added to the site as data pages.
 */
#ifndef MINHBACH_FEEDS_H
#define MINHBACH_FEEDS_H

struct site;

/* Adds the feeds, sitemap, robots.txt and JSON lists as data pages. */
void feeds_make(struct site *s);

#endif
