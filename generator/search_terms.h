/*
 * The search index's terms (search_terms.c, private to search*.c): text
 * folded and cut into terms, each counted into the document being read,
 * and a term's postings coded for its shard.  search.c numbers the
 * documents, reads each through these and writes the files.
 */
#ifndef MINHBACH_SEARCH_TERMS_H
#define MINHBACH_SEARCH_TERMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct value;
struct word;

/* A folded term and its postings in the language being indexed. */
struct term {
	const char *s;
	uint32_t len, hash;
	uint32_t last, w; /* the document last read, its weight so far */
	/* its postings (n) as they are written (search_term_flush()), the
	 * last one's document prev (NO_DOC: none yet) */
	char *code;
	size_t n, len_code, cap_code;
	uint32_t prev;
	uint32_t shard; /* hash % the number of shards, once known */
};

#define NO_DOC UINT32_MAX

/* Open addressing, sizes powers of 2; terms numbered as first met. */
struct index {
	struct term *terms;
	size_t nterms, capterms;
	uint32_t *slot; /* a term's number + 1, by its hash; 0 empty */
	size_t size;
	struct word *words;
	size_t wsize, wused;
	uint64_t *wrest; /* the bytes of words past their first 16 */
	size_t nwrest, capwrest;
};

/* The reading of one text of document doc: a weight's bits (mask)
 * under max grow by w, 16 in a title (bits 4-5), 1 in a body (0-3). */
struct cut {
	struct index *x;
	uint32_t doc, w, mask, max;
	/* the terms the document has so far, when a body's terms are
	 * kept (read_body()); NULL: not kept.  When kept, every term's
	 * last is NO_DOC or doc: read_body() resets the touched ones */
	uint32_t *touch;
	size_t ntouch, captouch;
};

static const struct cut title_cut = {NULL, 0, 16, 0x30, 0x20, NULL, 0, 0};
static const struct cut body_cut = {NULL, 0, 1, 0x0F, 0x07, NULL, 0, 0};

/* Makes the fold table once, from any thread (pthread_once): before
 * search_cut_text(). */
void search_terms_init(void);

/* Cuts s[0..n) (Markdown when md) into terms, counting each into
 * document c->doc of c->x, adding the terms not met yet. */
void search_cut_text(struct cut *c, const char *s, size_t n, bool md);

/* Codes t's posting of its last document, if any, after its others:
 * the gap from the previous one less one in base 32, most significant
 * digit first, then titles (0-2) * 8 + body occurrences (0-7). */
void search_term_flush(struct term *t);

/* Counts into document c->doc the terms e[0..n), each its number << 3 |
 * its occurrences in a body (1-7, as a body's cut counts them): seven
 * occurrences at most, as search_cut_text() would have. */
void search_count_coded(struct cut *c, const uint32_t *e, size_t n);

/* Append to b, up to about max bytes, the plain words of Markdown
 * s[0..n), or the strings of a data record v (depth 0 at the top). */
void search_plain_markdown(struct buf *b, const char *s, size_t n, size_t max);
void
search_plain_value(struct buf *b, const struct value *v, int depth, size_t max);

/* qsort() order of struct term pointers: by shard, then by bytes. */
int search_term_cmp(const void *a, const void *b);

/* Frees what x holds (its terms, their postings and the words); not x. */
void search_index_release(struct index *x);

#endif
