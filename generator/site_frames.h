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

/*
 * Makes it->shadow[lang] and its frame for every published main-language
 * record that language lang (after the first) has no translation of:
 * the frame that lang's lists, home page and linked sections show, with
 * `untranslated` true and `content_lang` the record's language (the
 * templates mark its title lang="vi" and label it).  After the item
 * frames; the kinds fill the shadows' frames like any other.
 */
void site_shadows(struct site *s);
/* The frame that language lang's pages show for it: its shadow's in
 * lang when it has one, else its own. */
struct value *site_frame_in(const struct item *it, int lang);
/*
 * Gives each shadow's frame what its record's frame has and the kinds
 * did not make in the shadow's language (the cross links' targets
 * excepted, set per language): call after links_model().
 */
void site_shadows_complete(struct site *s);

#endif
