/*
 * A record's Markdown body, wherever it is: kept from the load, or read
 * again from its file (CONTENT_REREAD, content.h) and checked to be the
 * bytes the load read.  Apart from content.c so that the model's halves
 * may call it without calling back into the load.
 */
#include <stdbool.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "item_body.h"
#include "site.h"
#include "source.h"

/* item_body(), saying nothing when not say: -1 then leaves the
 * diagnostics (and their lock) alone. */
static int
body_of(struct site *s, const struct item *it, struct buf *b, const char **body,
    bool say)
{
	if (it->body != NULL) {
		*body = it->body;
		return 0;
	}
	if ((say ? source_read_part : source_read_part_quiet)(s->reread,
	        it->path, it->body_off, it->body_len, b) == -1)
		return -1;
	/* Edited while the site was being built: a page would be half the
	 * old file and half the new. */
	if (b->len != it->body_len ||
	    hash_words(b->data, b->len) != it->body_hash)
		return say ?
		    diag_error(s->diags, it->body_pos, "source.changed") :
		    -1;
	*body = b->data;
	return 0;
}

int
item_body(struct site *s, const struct item *it, struct buf *b,
    const char **body)
{
	return body_of(s, it, b, body, true);
}

int
item_body_quiet(struct site *s, const struct item *it, struct buf *b,
    const char **body)
{
	return body_of(s, it, b, body, false);
}
