/*
 * The model stage's one Atom writer (RFC 4287), used by feeds.c and
 * provenance.c.  In: the head and entries as plain strings.  Out: the
 * feed's bytes in a buf, each text and attribute escaped by
 * buf_add_xml, elements in one fixed order, two-space indentation.
 */
#include <string.h>

#include "atom.h"
#include "buf.h"

static void
xml(struct buf *b, const char *s)
{
	buf_add_xml(b, s, strlen(s));
}

/* Appends <name>text</name> on a line of its own, indented by ind. */
static void
element(struct buf *b, const char *ind, const char *name, const char *text)
{
	if (text == NULL)
		return;
	buf_addf(b, "%s<%s>", ind, name);
	xml(b, text);
	buf_addf(b, "</%s>\n", name);
}

/* Appends <link rel="rel" [type="text/html"] href="url"/>. */
static void
add_link(struct buf *b, const char *ind, const char *rel, const char *url)
{
	if (url == NULL)
		return;
	buf_addf(b, "%s<link rel=\"%s\" ", ind, rel);
	if (strcmp(rel, "alternate") == 0)
		buf_adds(b, "type=\"text/html\" ");
	buf_adds(b, "href=\"");
	xml(b, url);
	buf_adds(b, "\"/>\n");
}

void
atom_begin(struct buf *b, const struct atom_feed *f)
{
	buf_adds(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
	xml(b, f->lang);
	buf_adds(b, "\">\n");
	element(b, "  ", "title", f->title);
	element(b, "  ", "id", f->self);
	add_link(b, "  ", "self", f->self);
	add_link(b, "  ", "alternate", f->alternate);
	element(b, "  ", "updated", f->updated);
	element(b, "  ", "generator", f->generator);
}

void
atom_add_entry(struct buf *b, const struct atom_entry *e)
{
	if (e->lang != NULL) {
		buf_adds(b, "  <entry xml:lang=\"");
		xml(b, e->lang);
		buf_adds(b, "\">\n");
	} else {
		buf_adds(b, "  <entry>\n");
	}
	element(b, "    ", "title", e->title);
	element(b, "    ", "id", e->id);
	add_link(b, "    ", "alternate", e->link);
	element(b, "    ", "published", e->published);
	element(b, "    ", "updated", e->updated);
	if (e->author != NULL) {
		buf_adds(b, "    <author><name>");
		xml(b, e->author);
		buf_adds(b, "</name></author>\n");
	}
	element(b, "    ", "summary", e->summary);
	buf_adds(b, "  </entry>\n");
}

void
atom_end(struct buf *b)
{
	buf_adds(b, "</feed>\n");
}
