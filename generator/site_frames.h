/*
 * Model stage (site_frames.c): the template context of each item.
 */
#ifndef MINHBACH_SITE_FRAMES_H
#define MINHBACH_SITE_FRAMES_H

struct item;
struct site;

/*
 * Makes it->frame, the template context of an item, from it->data and
 * what the model derived (url, slug, date...).  Also for synthetic
 * items such as earlier revisions of a record (it->url set first).
 */
void site_item_frame(struct site *s, struct item *it);

#endif
