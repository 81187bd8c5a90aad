/*
 * The load stage (content.c): content/site.yaml and every item of every
 * declared collection, read into the site model's structs (site.h).
 */
#ifndef MINHBACH_CONTENT_H
#define MINHBACH_CONTENT_H

struct arena;
struct diags;
struct site;
struct source;

/*
 * Reads content/site.yaml and every item of every declared collection
 * from src into a new site (arena a).  Problems are recorded in d; the
 * site is returned even then, so that every file is checked in one
 * run.  Returns NULL only when site.yaml itself is unusable.
 */
struct site *content_load(struct arena *a, struct diags *d,
    struct source *src);

#endif
