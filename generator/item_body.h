/*
 * A record's Markdown body (item_body.c): the one kept from the load, or
 * read again from its file when the load did not keep it (CONTENT_REREAD,
 * content.h).
 */
#ifndef MINHBACH_ITEM_BODY_H
#define MINHBACH_ITEM_BODY_H

struct buf;
struct item;
struct site;

/*
 * Sets *body to it's Markdown body (it->body_len bytes): the one kept,
 * else read again from its file into b (reset first; the caller's, so
 * that a worker reuses one).  Safe in several threads and in forked
 * workers.  -1 after a diagnostic: the file cannot be read, or it has
 * changed since the load (source.changed): the build then fails rather
 * than publish a page made of two versions of one file.
 */
int item_body(struct site *s, const struct item *it, struct buf *b,
    const char **body);
/* item_body() that records nothing: -1 when it would have reported.  It
 * takes no lock (the diagnostics' is the only one item_body() takes):
 * safe in a thread that runs while the process forks. */
int item_body_quiet(struct site *s, const struct item *it, struct buf *b,
    const char **body);

#endif
