/*
 * The table of record kinds, in the manner of cmark-gfm's extensions:
 * one source file per kind under generator/kinds/ defines one
 * `struct kind` of callbacks, and generator/kinds/kinds.c lists them.
 * The stages dispatch through kinds_check(), kinds_model() and
 * kinds_frame() below; no code outside the table compares a kind's
 * name.  What is data about a kind lives in generator/schemas.yaml (its
 * fields, its date_field) and the theme's i18n (the words of its
 * values: values.<kind>.<field>.<code>).
 *
 * Every callback may be NULL.  They run single-threaded, on arena
 * memory, and never crash on a record that failed its schema.
 */
#ifndef MINHBACH_KIND_H
#define MINHBACH_KIND_H

#include <stddef.h>

struct collection;
struct item;
struct site;
struct site_names;
struct theme;

struct kind {
	const char *name;	/* as in schemas.yaml and site.yaml's kind: */
	/*
	 * Validate stage: the domain checks of one record whose data is a
	 * map, as located errors and warnings in s->diags.
	 */
	void (*check)(struct site *s, const struct site_names *x,
	    const struct item *it);
	/* Validate stage, once after every record's check: checks across
	 * the records of the kind (repeats, both sides of a reference). */
	void (*check_all)(struct site *s, const struct site_names *x);
	/*
	 * Model stage: the reader figures of one record's frame
	 * (it->frame is not NULL): formatted figures, statuses from the
	 * build date.  Also for records outside the lists (revisions).
	 */
	void (*frame)(struct site *s, const struct site_names *x,
	    struct item *it);
	/*
	 * Model stage, after every frame and the cross links: what a
	 * collection of the kind adds (browse pages, comparison tables),
	 * once per collection that has list pages.
	 */
	void (*model)(struct site *s, const struct theme *th,
	    const struct site_names *x, struct collection *co);
	/*
	 * Model stage, instead of frame on each record: the frames of every
	 * record of the kind at once, when a frame needs an index over them
	 * all (documents: who replaces whom).  Once per kind, before the
	 * cross links.  A revision still gets frame (NULL: no figures).
	 * Last, so that positional initialisers of the fields above fit.
	 */
	void (*frames)(struct site *s, const struct site_names *x);
};

/* The kind named name, or NULL for a kind without callbacks. */
const struct kind *kind_find(const char *name);

/*
 * The stages' dispatch through the table (kinds/kinds.c).
 *
 * kinds_check(): the validate stage's domain checks, after the schemas:
 * every record's check (records whose data is a map), then each kind's
 * check_all once.  Located errors and warnings in s->diags.
 *
 * kinds_model(): the model stage's part, after site_model(): every
 * frame (frames or frame), the cross links (links.c, by the schemas'
 * ref fields), then each listed collection's model.  Single-threaded;
 * arena memory.
 *
 * kinds_frame(): the reader figures of one record outside the lists (an
 * earlier revision, it->frame made): its kind's frame, if any.
 */
struct schemas;
void kinds_check(struct site *s);
void kinds_model(struct site *s, const struct theme *th,
    const struct schemas *sc);
void kinds_frame(struct site *s, const struct site_names *x,
    struct item *it);

#endif
