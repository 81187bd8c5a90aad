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
 *
 * CONTENT_REREAD: the Markdown bodies, a third of what a build held,
 * are not kept but read again from their files when needed (item_body.h):
 * by the search index's thread, by each render worker for its own pages,
 * by the model for an excerpt or a revision's diff.  Only for a folder
 * source: a git source's reader is the load's alone, so its bodies are
 * kept, as they are for a body made NFC (not the file's bytes).
 */
#define CONTENT_REREAD 1u
struct site *content_load(struct arena *a, struct diags *d, struct source *src,
    unsigned flags);

#endif
