/*
 * The one Atom (RFC 4287) writer: a feed's head, its entries and its
 * end, appended to a buf with every text and attribute XML-escaped the
 * same way.  feeds.c (a feed per dated collection) and provenance.c
 * (the feeds of changes) fill the structs; element order is fixed here.
 */
#ifndef MINHBACH_ATOM_H
#define MINHBACH_ATOM_H

struct buf;

/* A feed's head.  Strings are borrowed; NULL leaves an element out. */
struct atom_feed {
	const char *lang;	/* xml:lang of the feed */
	const char *title;
	const char *self;	/* absolute URL: the feed's id and rel=self */
	const char *alternate;	/* the HTML page (rel=alternate), or NULL */
	const char *updated;	/* RFC 3339 date-time */
	const char *generator;	/* or NULL */
};

/* One entry.  Strings are borrowed; NULL leaves an element out. */
struct atom_entry {
	const char *lang;	/* xml:lang when not the feed's, or NULL */
	const char *title;
	const char *id;		/* an IRI, unique in the feed */
	const char *link;	/* the entry's page (rel=alternate) */
	const char *published;	/* RFC 3339, or NULL */
	const char *updated;	/* RFC 3339 */
	const char *author;	/* the author's name, or NULL */
	const char *summary;	/* or NULL */
};

/*
 * Appends the XML declaration and the feed's head: title, id (= self),
 * link rel=self, link rel=alternate, updated, generator, in that order.
 */
void atom_begin(struct buf *b, const struct atom_feed *f);
/*
 * Appends one entry: title, id, link, published, updated, author,
 * summary, in that order.
 */
void atom_add_entry(struct buf *b, const struct atom_entry *e);
/* Appends the feed's end tag. */
void atom_end(struct buf *b);

#endif
