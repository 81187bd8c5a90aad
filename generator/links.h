/*
 * Cross references between records, model stage: what the schemas'
 * ref fields name, linked both ways.  Keys for theme authors, on every
 * kind's frames:
 *   <field>_link {title, url} for a reference field, <field>_links
 *   [{title, url}] for a list of them (dots in the field's path become
 *   '_': subject_zone_link, location_zone_link, zones_links);
 *   linked.<collection> {title, url, count, items: [frames]} on the
 *   target of references, with has_linked; url is "" when the target
 *   is a draft.
 * Frames refer to frames (linked items): never walk them recursively.
 */
#ifndef MINHBACH_LINKS_H
#define MINHBACH_LINKS_H

struct schemas;
struct site;
struct site_names;

/*
 * Links on the referring frames and `linked`/`has_linked` on the
 * targets, for every reference of every record with a frame (using the
 * schemas' ref fields; nothing when sc is NULL).  Runs after the frames
 * have their own values.  *x is the name index, made here at the first
 * reference when NULL.  Arena memory.
 */
void
links_model(struct site *s, const struct schemas *sc, struct site_names **x);

#endif
