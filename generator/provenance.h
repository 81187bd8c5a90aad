/*
 * Provenance: what git knows about each record, made part of the site.
 * Amendment notes on record pages, a revision history page beside each
 * record with field-by-field changes, every earlier revision as it was
 * published, and a site-wide change log with Atom feeds.
 */
#ifndef MINHBACH_PROVENANCE_H
#define MINHBACH_PROVENANCE_H

struct site;
struct theme;
struct history;

/*
 * The model stage's history part, run after site_model() (and the kinds'
 * model parts) with the loaded history h (not NULL).  Adds to item
 * frames, adds history, revision and change-log pages and feeds.
 * Single-threaded; reads old revisions through h.  Problems in old
 * revisions (a YAML error fixed since) are not the build's problems:
 * such a revision is shown without its field changes.
 */
void provenance_model(struct site *s, const struct theme *th,
    struct history *h);

#endif
