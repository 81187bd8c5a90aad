/*
 * The transparency records other than budgets (zone, call, inspection,
 * document) and what joins all records together: the reviewer's domain
 * checks, the figures readers need computed for them, cross references
 * in both directions, and browse pages (calls by zone, sector, status).
 */
#ifndef MINHBACH_RECORDS_H
#define MINHBACH_RECORDS_H

struct site;
struct theme;
struct schemas;

/*
 * The validate stage's domain checks for zone, call, inspection and
 * document records, within and across files.  Records located errors
 * and warnings in s->diags; never crashes on records that failed their
 * schema.
 */
void records_check(struct site *s);

/*
 * The model stage's part, run after site_model(): computed values in
 * each record's frame (formatted figures, call status from the build
 * date, recomputed occupancy...), references resolved both ways (using
 * the schemas' ref fields), and browse pages added with site_add_list().
 * Single-threaded; arena memory.
 */
void records_model(struct site *s, const struct theme *th,
    const struct schemas *sc);

/*
 * The reader figures of one record's frame (zone, call, inspection; no
 * links, no browse pages): for records outside the collections' lists,
 * such as earlier revisions.
 */
struct item;
void records_item_frame(struct site *s, struct item *it);

#endif
