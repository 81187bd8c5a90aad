/*
 * The search index (search.h).  Per language: the published records are
 * numbered newest first; each document's title and text (the Markdown
 * body without tags and link targets, or a data record's strings) are
 * folded and cut into terms in one pass, two workers sharing the
 * documents; a term's postings are (document number, weight), a title
 * occurrence weighing 16 body ones (two counted at most, seven body
 * ones), written as base64url characters (post_code()), most one a
 * posting.  Terms go to shards by a hash, so that a query loads one
 * small file per term;
 * the documents' url, title, kind, date and an excerpt go to chunks of
 * DOC_CHUNK, loaded only for the results shown.  meta.json says how
 * many shards and chunks there are and holds each document's kind (one
 * letter each), so that the filter by kind needs no chunk.
 */
#include <assert.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "fsutil.h"
#include "records.h"
#include "search.h"
#include "segments.h"
#include "site.h"
#include "site_lists.h"
#include "theme.h"
#include "utf8.h"
#include "value.h"
#include "words.h"

#define DOC_CHUNK 10 /* documents per d<k>.json */
#define EXCERPT 320 /* bytes of text kept per document */
#define TEXT_MAX 65536 /* bytes of a document's text indexed */
#define TERM_MAX 40 /* longer "terms" are not words */
#define SHARD_BYTES 6144 /* the size a shard aims at */
#define SHARD_MAX 4096

static utf8proc_int32_t
premap(utf8proc_int32_t c, void *data)
{
	(void)data;
	return c == 0x0110 || c == 0x0111 ? 'd' : c;
}

/* The fold of one code point by utf8proc into out (7 bytes at most
 * kept); returns its length. */
static size_t
fold_cp(uint32_t cp, unsigned char out[7])
{
	utf8proc_uint8_t in[4], *dst = NULL;
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, in);
	utf8proc_ssize_t m;
	size_t len = 0;

	if (n <= 0)
		return 0;
	m = utf8proc_map_custom(in, n, &dst,
	    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, premap,
	    NULL);
	if (m > 0 && m <= 7) {
		memcpy(out, dst, (size_t)m);
		len = (size_t)m;
	}
	free(dst);
	return len;
}

/*
 * The folds of U+0000-U+21FF (Latin, Vietnamese's precomposed letters
 * of U+1E00-U+1EFF, the combining marks, quotes and dashes), made
 * once: utf8proc for every character of every page made the index build
 * slow.  A character folds
 * alone as in a string, since its marks are all dropped.
 */
#define FOLD_TABLE 0x2200
static struct {
	unsigned char len, s[7];
} fold_table[FOLD_TABLE];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/* The bytes that words are made of (count_word()): ASCII letters and
 * digits, and any non-ASCII byte (a letter's fold is term bytes, but in
 * rare cases). */
static bool word_byte[256];

static void mask_init(void);

static void
fold_init(void)
{
	uint32_t cp;

	for (cp = 0; cp < FOLD_TABLE; cp++)
		fold_table[cp].len =
		    (unsigned char)fold_cp(cp, fold_table[cp].s);
	for (cp = 0; cp < 256; cp++)
		word_byte[cp] = cp >= 0x80 || ascii_isalnum((int)cp);
	mask_init();
}

void
search_fold(struct buf *out, const char *s, size_t n)
{
	unsigned char tmp[7];
	const unsigned char *f;
	uint32_t cp;
	size_t i = 0, k, len;

	pthread_once(&fold_once, fold_init);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		/* room for a fold (7 bytes) without a call per byte */
		if (out->len + 8 > out->cap)
			buf_grow(out, n - i + 8);
		if (c < 0x80) {
			out->data[out->len++] = (char)ascii_tolower(c);
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp, UTF8_STRICT);
		i += k;
		if (cp == UTF8_REPLACEMENT && k == 1)
			continue; /* not UTF-8: dropped */
		if (cp < FOLD_TABLE) {
			f = fold_table[cp].s;
			len = fold_table[cp].len;
		} else {
			f = tmp;
			len = fold_cp(cp, tmp);
		}
		memcpy(out->data + out->len, f, len);
		out->len += len;
	}
	if (out->data != NULL)
		out->data[out->len] = '\0';
}

#define FNV_BASIS 2166136261u

static uint32_t
fnv(const char *s, size_t n)
{
	uint32_t h = FNV_BASIS;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

uint32_t
search_shard(const char *term, size_t len, uint32_t n)
{
	return n ? fnv(term, len) % n : 0;
}

/* A term byte: ASCII letters and digits (folded text has no capitals)
 * and any non-ASCII byte, as search.js's split. */
static int
term_byte(int c)
{
	return (c >= 'a' && c <= 'z') || ascii_isdigit(c) || c >= 0x80;
}

struct term {
	const char *s;
	uint32_t len, hash;
	uint32_t last, w; /* the document last read, its weight so far */
	uint32_t *post; /* doc << 5 | titles * 8 + body occurrences */
	size_t n, cap;
	uint32_t shard; /* hash % the number of shards, once known */
	size_t bytes; /* its postings coded, once known */
};

#define NO_DOC UINT32_MAX

/*
 * A word of the source as it is written (a run of ASCII letters and
 * digits and non-ASCII bytes, never split by the fold but in rare
 * cases), and the term it folds to: most words are met again and
 * again, so that a page's text is hashed, not decoded and folded.
 */
struct word {
	uint64_t head; /* its first 8 bytes, then zeros */
	const uint64_t *rest; /* the next ones, then zeros */
	uint32_t len, hash; /* len 0: an empty slot */
	int32_t term; /* its term's number, or: */
#define WORD_NONE (-1) /* no term: one letter, too long */
#define WORD_SPLIT (-2) /* several pieces: folded each time */
};

#define WORD_MAX 64 /* longer words are folded each time */

/* Open addressing, sizes powers of 2; terms numbered as first met. */
struct index {
	struct term *terms;
	size_t nterms, capterms;
	uint32_t *slot; /* a term's number + 1, by its hash; 0 empty */
	size_t size;
	struct word *words;
	size_t wsize, wused;
};

/* The number of term s[0..n) of hash h (fnv()), added when new. */
static uint32_t
term_get(struct index *x, const char *s, size_t n, uint32_t h)
{
	struct term *t;
	size_t i, k;
	char *copy;

	if (2 * (x->nterms + 1) > x->size) {
		free(x->slot);
		x->size = x->size ? 2 * x->size : 4096;
		x->slot = xcalloc(x->size, sizeof *x->slot);
		for (k = 0; k < x->nterms; k++) {
			for (i = x->terms[k].hash & (x->size - 1); x->slot[i];
			     i = (i + 1) & (x->size - 1))
				;
			x->slot[i] = (uint32_t)k + 1;
		}
	}
	for (i = h & (x->size - 1); x->slot[i]; i = (i + 1) & (x->size - 1)) {
		t = &x->terms[x->slot[i] - 1];
		if (t->hash == h && t->len == n && memcmp(t->s, s, n) == 0)
			return x->slot[i] - 1;
	}
	if (x->nterms == x->capterms) {
		x->capterms = x->capterms ? 2 * x->capterms : 1024;
		x->terms =
		    xreallocarray(x->terms, x->capterms, sizeof *x->terms);
	}
	t = &x->terms[x->nterms];
	memset(t, 0, sizeof *t);
	copy = xmalloc(n + 1); /* workers share no arena */
	memcpy(copy, s, n);
	copy[n] = '\0';
	t->s = copy;
	t->len = (uint32_t)n;
	t->hash = h;
	t->last = NO_DOC;
	x->slot[i] = (uint32_t)++x->nterms;
	return (uint32_t)x->nterms - 1;
}

/* Appends t's posting of its last document. */
static void
term_flush(struct term *t)
{
	if (t->last == NO_DOC)
		return;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 4;
		t->post = xreallocarray(t->post, t->cap, sizeof *t->post);
	}
	t->post[t->n++] = t->last << 5 | (t->w >> 4) * 8 | (t->w & 15);
	t->last = NO_DOC;
}

/* The reading of one text of document doc: a weight's bits (mask)
 * under max grow by w, 16 in a title (bits 4-5), 1 in a body (0-3). */
struct cut {
	struct index *x;
	uint32_t doc, w, mask, max;
	/* the terms the document has so far, when a body's terms are
	 * kept (read_bodies()); NULL: not kept */
	uint32_t *touch;
	size_t ntouch, captouch;
};

static const struct cut title_cut = {NULL, 0, 16, 0x30, 0x20, NULL, 0, 0};
static const struct cut body_cut = {NULL, 0, 1, 0x0F, 0x07, NULL, 0, 0};

/*
 * An occurrence of term k: counted into the document, as a title's (16
 * an occurrence, two at most) or a body's (1, seven at most: a long
 * text is not more relevant).  A term's weight in a document is kept in
 * the term until another document has it.
 */
static inline void
term_count(struct cut *c, uint32_t k)
{
	struct term *t = &c->x->terms[k];

	if (t->last != c->doc) {
		term_flush(t);
		t->last = c->doc;
		t->w = 0;
		if (c->touch != NULL) {
			if (c->ntouch == c->captouch) {
				c->captouch = 2 * c->captouch;
				c->touch = xreallocarray(c->touch, c->captouch,
				    sizeof *c->touch);
			}
			c->touch[c->ntouch++] = k;
		}
	}
	if ((t->w & c->mask) < c->max)
		t->w += c->w;
}

/* A term being folded by fold_word(), and what the word gave so far. */
struct piece {
	char b[TERM_MAX];
	size_t len; /* only TERM_MAX bytes are kept */
	uint32_t h;
	size_t n; /* pieces ended */
	int32_t got; /* the last one's term, or WORD_NONE */
};

static void
piece_end(struct cut *c, struct piece *p)
{
	if (p->len == 0)
		return;
	p->n++;
	p->got = WORD_NONE;
	/* One letter is no word; one digit may be (a "Phần 2"). */
	if ((p->len >= 2 || ascii_isdigit(p->b[0])) && p->len <= TERM_MAX) {
		p->got = (int32_t)term_get(c->x, p->b, p->len, p->h);
		term_count(c, (uint32_t)p->got);
	}
	p->len = 0;
	p->h = FNV_BASIS;
}

/*
 * Folds word s[0..n) and cuts it into terms (runs of term_byte()),
 * counting each into the document.  Returns what the word is to the
 * cache: the number of its one term, WORD_NONE or WORD_SPLIT.
 */
static int32_t
fold_word(struct cut *c, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s, *end = u + n;
	struct piece p = {{0}, 0, FNV_BASIS, 0, WORD_NONE};
	unsigned char tmp[7];
	const unsigned char *f;
	uint32_t cp;
	size_t k, fl;

	while (u < end) {
		k = utf8_decode((const char *)u, (size_t)(end - u), &cp,
		    UTF8_STRICT);
		u += k;
		if (cp == UTF8_REPLACEMENT && k == 1)
			continue; /* not UTF-8: dropped */
		if (cp < FOLD_TABLE) {
			f = fold_table[cp].s;
			fl = fold_table[cp].len;
		} else {
			f = tmp;
			fl = fold_cp(cp, tmp);
		}
		for (k = 0; k < fl; k++) {
			if (!term_byte(f[k])) {
				piece_end(c, &p);
				continue;
			}
			if (p.len < TERM_MAX)
				p.b[p.len] = (char)f[k];
			p.len++;
			p.h = (p.h ^ f[k]) * 16777619u;
		}
	}
	piece_end(c, &p);
	return p.n > 1 ? WORD_SPLIT : p.got;
}

/* The masks that keep the first k bytes of 8, as memory holds them. */
static uint64_t keep_mask[9];

static void
mask_init(void)
{
	unsigned char m[8];
	size_t k;

	for (k = 0; k <= 8; k++) {
		memset(m, 0, sizeof m);
		memset(m, 0xFF, k);
		memcpy(&keep_mask[k], m, sizeof m);
	}
}

/* The 8 bytes at p (any alignment). */
static inline uint64_t
load8(const char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

/*
 * Counts the word w[0..n), n <= WORD_MAX, whose bytes are read 8 at a
 * time: w has (n + 7) / 8 * 8 bytes to read, those after n ignored.  A
 * word is hashed and compared a word of memory at a time.
 */
static inline void
count_word(struct cut *c, const char *w, size_t n)
{
	struct index *x = c->x;
	struct word *e;
	size_t nc = (n + 7) / 8, i, k;
	uint64_t last = load8(w + 8 * (nc - 1)) & keep_mask[n - 8 * (nc - 1)];
	uint64_t head = nc > 1 ? load8(w) : last, h64 = 0;
	uint64_t *rest = NULL;
	uint32_t h;

	for (k = 0; k + 1 < nc; k++)
		h64 = (h64 ^ load8(w + 8 * k)) * 0x9E3779B97F4A7C15u;
	h64 = (h64 ^ last) * 0x9E3779B97F4A7C15u;
	h = (uint32_t)(h64 >> 32);
	if (x->wsize > 0)
		for (i = h & (x->wsize - 1); (e = &x->words[i])->len != 0;
		     i = (i + 1) & (x->wsize - 1)) {
			if (e->hash != h || e->len != n || e->head != head)
				continue;
			for (k = 1;
			     k + 1 < nc && e->rest[k - 1] == load8(w + 8 * k);
			     k++)
				;
			if (nc > 1 && (k + 1 < nc || e->rest[nc - 2] != last))
				continue;
			if (e->term >= 0)
				term_count(c, (uint32_t)e->term);
			else if (e->term == WORD_SPLIT)
				fold_word(c, w, n);
			return;
		}
	/* a word not met yet */
	if (2 * (x->wused + 1) > x->wsize) {
		struct word *old = x->words;
		size_t oldsize = x->wsize;

		x->wsize = x->wsize ? 2 * x->wsize : 1024;
		x->words = xcalloc(x->wsize, sizeof *x->words);
		for (k = 0; k < oldsize; k++) {
			if (old[k].len == 0)
				continue;
			for (i = old[k].hash & (x->wsize - 1); x->words[i].len;
			     i = (i + 1) & (x->wsize - 1))
				;
			x->words[i] = old[k];
		}
		free(old);
	}
	for (i = h & (x->wsize - 1); x->words[i].len;
	     i = (i + 1) & (x->wsize - 1))
		;
	e = &x->words[i];
	if (nc > 1) {
		rest = xreallocarray(NULL, nc - 1, sizeof *rest);
		memcpy(rest, w + 8, 8 * (nc - 2));
		rest[nc - 2] = last;
	}
	e->head = head;
	e->rest = rest;
	e->len = (uint32_t)n;
	e->hash = h;
	e->term = fold_word(c, w, n);
	x->wused++;
}

/*
 * Cuts s[0..n) into terms, as search_fold() then a split at the bytes
 * that are not term bytes would: word by word, each looked up as it is
 * written, folded only the first time.  Markdown (md) also drops what
 * plain_markdown() drops from the words: HTML tags and links' targets
 * (its other drops are punctuation, no term bytes anyway).  A word
 * ends at an ASCII byte, so that its fold depends on its bytes alone.
 */
static void
cut_text(struct cut *c, const char *s, size_t n, bool md)
{
	const unsigned char *u = (const unsigned char *)s, *end = u + n;
	const unsigned char *w;
	char pad[WORD_MAX + 8] = {0};
	size_t len;
	unsigned b;

	while (u < end) {
		b = *u;
		if (word_byte[b]) {
			w = u;
			while (++u < end && word_byte[*u])
				;
			len = (size_t)(u - w);
			if (len > WORD_MAX) {
				fold_word(c, (const char *)w, len);
				continue;
			}
			if ((size_t)(end - w) < len + 7) {
				/* at the end: the bytes read after it */
				memcpy(pad, w, len);
				w = (const unsigned char *)pad;
			}
			count_word(c, (const char *)w, len);
			continue;
		}
		if (md && b == '<' && u + 1 < end &&
		    (ascii_isalpha(u[1]) || u[1] == '/' || u[1] == '!'))
			while (u + 1 < end && *u != '>')
				u++;
		else if (md && b == ']' && u + 1 < end && u[1] == '(')
			while (u + 1 < end && *u != ')')
				u++;
		u++;
	}
}

/*
 * Appends Markdown s[0..n) as plain words: HTML tags, link targets and
 * the punctuation of emphasis, headings, quotes and tables dropped,
 * white space collapsed.
 */
static void
plain_markdown(struct buf *b, const char *s, size_t n, size_t max)
{
	static const char drop[] = "#*_>|`~[]!{}\\=\t\n\r\f\v";
	bool space[256] = {false};
	size_t i;

	for (i = 0; drop[i] != '\0'; i++)
		space[(unsigned char)drop[i]] = true;
	/* the text is never longer than its source */
	buf_grow(b, n);
	for (i = 0; i < n && b->len < max; i++) {
		char c = s[i];

		if (c == '<' && i + 1 < n &&
		    (ascii_isalpha(s[i + 1]) || s[i + 1] == '/' ||
		        s[i + 1] == '!')) {
			while (i < n && s[i] != '>')
				i++;
			c = ' ';
		} else if (c == ']' && i + 1 < n && s[i + 1] == '(') {
			while (i < n && s[i] != ')')
				i++;
			c = ' ';
		} else if (space[(unsigned char)c]) {
			c = ' ';
		}
		if (c == ' ' && (b->len == 0 || b->data[b->len - 1] == ' '))
			continue;
		b->data[b->len++] = c;
	}
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

/* Appends the strings of a data record (not its links and file names). */
static void
plain_value(struct buf *b, const struct value *v, int depth, size_t max)
{
	size_t i;

	if (v == NULL || depth > 8 || b->len >= max)
		return;
	switch (v->type) {
	case VALUE_STR:
		if (v->len == 0 || v->text[0] == '/' ||
		    strncmp(v->text, "http", 4) == 0)
			return;
		plain_markdown(b, v->text, v->len, max);
		buf_addc(b, ' ');
		break;
	case VALUE_INT:
		buf_add(b, v->text, v->len);
		buf_addc(b, ' ');
		break;
	case VALUE_LIST:
		for (i = 0; i < v->n; i++)
			plain_value(b, v->items[i], depth + 1, max);
		break;
	case VALUE_MAP:
		for (i = 0; i < v->n; i++)
			if (depth > 0 ||
			    (strcmp(v->pairs[i].key, "title") &&
			        strcmp(v->pairs[i].key, "slug")))
				plain_value(b, v->pairs[i].val, depth + 1, max);
		break;
	default: break;
	}
}

/*
 * The postings of a term, coded in characters of base64url, so that a
 * shard is a JSON object of strings that needs no parsing of numbers:
 * a character of value 32-63 is a digit (its low 5 bits) of the gap to
 * the previous document less one, most significant first; one of 0-31
 * ends the posting and is its weight, titles (0-2) * 8 + body
 * occurrences (0-7).  A term in most pages takes one character a page.
 */
static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* The number of gap digits of g. */
static size_t
gap_digits(uint32_t g)
{
	size_t n = 0;

	for (; g > 0; g >>= 5)
		n++;
	return n;
}

/* The bytes t's postings take, coded. */
static size_t
post_bytes(const struct term *t)
{
	uint32_t prev = UINT32_MAX; /* the first gap is doc + 1 */
	size_t k, n = 0;

	for (k = 0; k < t->n; k++) {
		n += 1 + gap_digits((t->post[k] >> 5) - prev - 1);
		prev = t->post[k] >> 5;
	}
	return n;
}

/* Codes t's postings at o, which has t->bytes bytes; returns their end. */
static char *
post_code(char *o, const struct term *t)
{
	uint32_t prev = UINT32_MAX, g;
	size_t k, d;

	for (k = 0; k < t->n; k++) {
		g = (t->post[k] >> 5) - prev - 1;
		for (d = gap_digits(g); d > 0; d--)
			*o++ = b64[32 | ((g >> (5 * (d - 1))) & 31)];
		*o++ = b64[t->post[k] & 31];
		prev = t->post[k] >> 5;
	}
	return o;
}

static int
term_cmp(const void *a, const void *b)
{
	const struct term *x = *(const struct term *const *)a;
	const struct term *y = *(const struct term *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c;

	if (x->shard != y->shard)
		return x->shard < y->shard ? -1 : 1;
	c = memcmp(x->s, y->s, n);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The length of at most max bytes of s[0..n), cut at a space when one
 * is near, never inside a UTF-8 sequence. */
static size_t
excerpt_len(const char *s, size_t n, size_t max)
{
	size_t k, j;

	if (n <= max)
		return n;
	for (k = max; k > 0 && !utf8_is_lead((unsigned char)s[k]); k--)
		;
	for (j = k; j > max / 2; j--)
		if (s[j] == ' ')
			return j;
	return k;
}

/* Stable sort of v[0..n) by date, newest first, undated last
 * (insertion into a merge: a few thousand items, once a build). */
static void
sort_by_date(struct item **v, size_t n)
{
	struct item **tmp = xreallocarray(NULL, n ? n : 1, sizeof *tmp);
	size_t w, i, j, k;

	for (w = 1; w < n; w *= 2) {
		for (k = 0; k < n; k += 2 * w) {
			size_t mid = k + w < n ? k + w : n;
			size_t end = k + 2 * w < n ? k + 2 * w : n, o = k;

			for (i = k, j = mid; i < mid || j < end;) {
				const char *a = i < mid ? v[i]->date : NULL;
				const char *b = j < end ? v[j]->date : NULL;
				bool take_j = i >= mid ||
				    (j < end && b &&
				        (a == NULL || strcmp(b, a) > 0));

				tmp[o++] = take_j ? v[j++] : v[i++];
			}
		}
		memcpy(v, tmp, n * sizeof *v);
	}
	free(tmp);
}

/* The text of a document: its summary, then its body's words or its
 * data's strings, about max bytes at most. */
static void
doc_text(struct buf *text, const struct item *it, size_t max)
{
	const char *sum = value_map_str(it->frame, "summary");

	buf_reset(text);
	if (sum != NULL) {
		buf_adds(text, sum);
		buf_addc(text, ' ');
	}
	if (it->markdown)
		plain_markdown(text, it->body, it->body_len, max);
	else
		plain_value(text, it->data, 0, max);
}

static const char *
doc_title(const struct item *it)
{
	const char *title = value_map_str(it->frame, "title");

	return title != NULL ? title : it->slug;
}

/*
 * The Markdown bodies' terms, read once for every language, in a thread
 * of their own while the model is made (search_begin()): a body is most
 * of a document's text, and the model leaves the other core idle.  Each
 * body's terms are kept as term << 3 | occurrences (1-7), in the order
 * first met; the index's terms are then every language's.
 */
struct body_terms {
	const struct item *it;
	const char *body;
	size_t len;
	size_t off, n; /* its n terms, coded at pre->t + off */
};

struct search_pre {
	struct index x;
	struct body_terms *v; /* by item, sorted by address once read */
	size_t n;
	/* term << 3 | occurrences, each in 7-bit groups, least significant
	 * first, the high bit on but in the last: 2 bytes for the 2,048
	 * terms met first, which most words of a text are */
	unsigned char *t;
	size_t nt, capt;
	pthread_t th;
	bool running, sorted;
	/* search_make()'s: the index to write (search_write()) */
	bool made;
	const char *dirs[SITE_MAX_LANGS]; /* idx/<lang>/ below the root */
	const char *kinds[25];
	size_t nkinds;
};

/* Reads the terms of every body of pre->v, as cut_text() counts them. */
static void *
read_bodies(void *arg)
{
	struct search_pre *pre = arg;
	struct cut c = {&pre->x, 0, 0, 0, 0, NULL, 0, 0};
	size_t i, k;

	pthread_once(&fold_once, fold_init);
	c.w = body_cut.w;
	c.mask = body_cut.mask;
	c.max = body_cut.max;
	c.captouch = 256;
	c.touch = xreallocarray(NULL, c.captouch, sizeof *c.touch);
	for (i = 0; i < pre->n; i++) {
		struct body_terms *b = &pre->v[i];

		c.doc = (uint32_t)i;
		c.ntouch = 0;
		cut_text(&c, b->body, b->len < TEXT_MAX ? b->len : TEXT_MAX,
		    true);
		if (pre->nt + 5 * c.ntouch > pre->capt) {
			pre->capt = 2 * (pre->nt + 5 * c.ntouch);
			pre->t = xrealloc(pre->t, pre->capt);
		}
		b->off = pre->nt;
		b->n = c.ntouch;
		for (k = 0; k < c.ntouch; k++) {
			struct term *t = &pre->x.terms[c.touch[k]];
			uint32_t e;

			/* a term's number takes 29 bits: memory ends first */
			assert(c.touch[k] < (uint32_t)1 << 29);
			for (e = c.touch[k] << 3 | (t->w & 7); e >= 0x80;
			     e >>= 7)
				pre->t[pre->nt++] = (unsigned char)(e | 0x80);
			pre->t[pre->nt++] = (unsigned char)e;
			t->last = NO_DOC;
		}
	}
	free(c.touch);
	return NULL;
}

static int
cmp_body(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct body_terms *)a)->it;
	uintptr_t y = (uintptr_t)((const struct body_terms *)b)->it;

	return x < y ? -1 : x > y;
}

void
search_begin(struct site *s, bool thread)
{
	struct search_pre *pre;
	size_t c, i;

	if (s->search_pre != NULL)
		return;
	pre = xcalloc(1, sizeof *pre);
	for (c = 0; c < s->ncolls; c++)
		pre->n += s->colls[c].n;
	pre->v = xreallocarray(NULL, pre->n ? pre->n : 1, sizeof *pre->v);
	pre->n = 0;
	/* what the thread reads, copied here: the model changes items */
	for (c = 0; c < s->ncolls; c++)
		for (i = 0; i < s->colls[c].n; i++) {
			const struct item *it = s->colls[c].items[i];

			if (!it->markdown || it->body_len == 0)
				continue;
			pre->v[pre->n].it = it;
			pre->v[pre->n].body = it->body;
			pre->v[pre->n++].len = it->body_len;
		}
	s->search_pre = pre;
	pre->running =
	    thread && pthread_create(&pre->th, NULL, read_bodies, pre) == 0;
	if (!pre->running)
		read_bodies(pre);
}

/* The bodies read: joined, sorted for body_of(). */
static struct search_pre *
bodies_read(struct site *s)
{
	struct search_pre *pre;

	search_begin(s, false);
	pre = s->search_pre;
	if (pre->running) {
		pthread_join(pre->th, NULL);
		pre->running = false;
	}
	if (!pre->sorted) {
		qsort(pre->v, pre->n, sizeof *pre->v, cmp_body);
		pre->sorted = true;
	}
	return pre;
}

/* The terms read of it's body (a shadow's: its record's), or NULL when
 * not read or changed since. */
static const struct body_terms *
body_of(const struct search_pre *pre, const struct item *it)
{
	struct body_terms key = {0}, *b;

	key.it = it->shadow_of != NULL ? it->shadow_of : it;
	b = bsearch(&key, pre->v, pre->n, sizeof *pre->v, cmp_body);
	if (b == NULL || b->body != it->body || b->len != it->body_len)
		return NULL;
	return b;
}

/* Counts the body terms b into document c->doc, as cut_text() would
 * have: seven occurrences at most. */
static void
body_count(struct cut *c, const struct search_pre *pre,
    const struct body_terms *b, uint32_t **dec, size_t *cap)
{
	const unsigned char *u = pre->t + b->off;
	size_t k;

	if (b->n > *cap) {
		*cap = 2 * b->n;
		*dec = xreallocarray(*dec, *cap, sizeof **dec);
	}
	for (k = 0; k < b->n; k++) {
		uint32_t e = 0;
		unsigned sh = 0;

		do
			e |= (uint32_t)(*u & 0x7F) << sh, sh += 7;
		while (*u++ & 0x80);
		(*dec)[k] = e;
	}
	for (k = 0; k < b->n; k++) {
		uint32_t e = (*dec)[k];
		struct term *t = &c->x->terms[e >> 3];
		uint32_t w;

		/* the terms are met in no order: ask for one ahead */
		if (k + 8 < b->n)
			__builtin_prefetch(&c->x->terms[(*dec)[k + 8] >> 3], 1);

		if (t->last != c->doc) {
			term_flush(t);
			t->last = c->doc;
			t->w = 0;
		}
		w = (t->w & 15) + (e & 7);
		t->w = (t->w & ~15u) | (w < 7 ? w : 7);
	}
}

void
search_end(struct site *s)
{
	struct search_pre *pre = s != NULL ? s->search_pre : NULL;
	size_t i;

	if (pre == NULL)
		return;
	if (pre->running)
		pthread_join(pre->th, NULL);
	for (i = 0; i < pre->x.nterms; i++) {
		free(pre->x.terms[i].post);
		free((char *)pre->x.terms[i].s);
	}
	free(pre->x.terms);
	free(pre->x.slot);
	for (i = 0; i < pre->x.wsize; i++)
		free((uint64_t *)pre->x.words[i].rest);
	free(pre->x.words);
	free(pre->v);
	free(pre->t);
	free(pre);
	s->search_pre = NULL;
}

/* Writes the file dir/name of n bytes at data: the build's own writer,
 * whose diagnostics are safe from any thread. */
static int
write_file(struct site *s, int dirfd, const char *dir, const char *name,
    const char *data, size_t n)
{
	char path[4096];
	int len = snprintf(path, sizeof path, "%s%s", dir, name);

	if (len < 0 || (size_t)len >= sizeof path)
		return fsutil_write(s->diags, dirfd, NULL, data, n);
	return fsutil_write(s->diags, dirfd, path, data, n);
}

/*
 * The documents all[0..to) of one language: their terms into the index
 * (the bodies' from what read_bodies() read), their chunks written to
 * dir as each is made, their kinds' letters into klet.
 */
struct part {
	struct item **all;
	size_t to;
	const char *const *kinds;
	size_t nkinds;
	struct index *x;
	struct buf docs, klet;
	struct site *s;
	int dirfd, rc;
	const char *dir;
};

/* Adds document i to the chunk being made in p->docs; writes the chunk
 * when it is whole. */
static void
doc_add(struct part *p, struct buf *text, size_t i)
{
	const struct item *it = p->all[i];
	const char *title = doc_title(it);
	char name[32];
	size_t k;

	doc_text(text, it, 2 * EXCERPT); /* enough to cut */
	buf_adds(&p->docs, i % DOC_CHUNK ? ",\n[" : "[\n[");
	buf_add_json(&p->docs, it->url, strlen(it->url));
	buf_addc(&p->docs, ',');
	buf_add_json(&p->docs, title, strlen(title));
	buf_addc(&p->docs, ',');
	buf_add_json(&p->docs, it->date ? it->date : "",
	    it->date ? strlen(it->date) : 0);
	buf_addc(&p->docs, ',');
	buf_add_json(&p->docs, text->len ? text->data : "",
	    excerpt_len(text->data, text->len, EXCERPT));
	buf_addc(&p->docs, ']');
	if (i % DOC_CHUNK == DOC_CHUNK - 1 || i + 1 == p->to) {
		buf_adds(&p->docs, "\n]\n");
		snprintf(name, sizeof name, "d%zu.json", i / DOC_CHUNK);
		if (p->rc == 0)
			p->rc = write_file(p->s, p->dirfd, p->dir, name,
			    p->docs.data, p->docs.len);
		buf_reset(&p->docs);
	}
	for (k = 0; k < p->nkinds; k++)
		if (strcmp(p->kinds[k], it->coll->kind) == 0)
			break;
	buf_addc(&p->klet, (char)('a' + k));
}

static void
index_docs(struct part *p, const struct search_pre *pre)
{
	struct cut c = {p->x, 0, 0, 0, 0, NULL, 0, 0};
	struct buf text = {0};
	const struct body_terms *b;
	const char *sum;
	uint32_t *dec = NULL;
	size_t i, cap = 0;

	for (i = 0; i < p->to; i++) {
		const struct item *it = p->all[i];
		const char *title = doc_title(it);

		c.doc = (uint32_t)i;
		c.w = title_cut.w;
		c.mask = title_cut.mask;
		c.max = title_cut.max;
		cut_text(&c, title, strlen(title), false);
		/* the year counts as much as the title: "thanh tra 2020" */
		if (it->date)
			cut_text(&c, it->date, strnlen(it->date, 4), false);
		c.w = body_cut.w;
		c.mask = body_cut.mask;
		c.max = body_cut.max;
		if ((sum = value_map_str(it->frame, "summary")) != NULL)
			cut_text(&c, sum, strlen(sum), false);
		b = it->markdown ? body_of(pre, it) : NULL;
		if (b != NULL) {
			body_count(&c, pre, b, &dec, &cap);
		} else if (it->markdown) {
			cut_text(&c, it->body,
			    it->body_len < TEXT_MAX ? it->body_len : TEXT_MAX,
			    true);
		} else {
			buf_reset(&text);
			plain_value(&text, it->data, 0, TEXT_MAX);
			cut_text(&c, text.data, text.len, false);
		}
		doc_add(p, &text, i);
	}
	for (i = 0; i < p->x->nterms; i++)
		term_flush(&p->x->terms[i]);
	buf_release(&text);
	free(dec);
}

/*
 * Writes the shards of the terms of x that have postings, all made in
 * one block: terms sorted by shard, then by their bytes (the same bytes
 * every build).  Returns the number of shards, or 0 after a reported
 * failure to write.
 */
static uint32_t
write_shards(struct site *s, int dirfd, const char *dir, struct index *x)
{
	struct term **terms;
	uint32_t nshards, sh;
	size_t i, j, nt, bytes = 0;
	char *block, *o, *start, name[32];
	int rc = 0;

	terms = xreallocarray(NULL, x->nterms ? x->nterms : 1, sizeof *terms);
	for (i = nt = 0; i < x->nterms; i++) {
		struct term *t = &x->terms[i];

		if (t->n == 0) /* only in another language's documents */
			continue;
		t->bytes = post_bytes(t);
		/* ,\n"term":"postings" */
		bytes += 7 + t->len + t->bytes;
		terms[nt++] = t;
	}
	for (nshards = 1; nshards < SHARD_MAX && bytes / nshards > SHARD_BYTES;
	     nshards *= 2)
		;
	for (i = 0; i < nt; i++)
		terms[i]->shard = terms[i]->hash % nshards;
	qsort(terms, nt, sizeof *terms, term_cmp);
	/* each shard's "{" and "\n}\n" */
	o = block = xmalloc(bytes + 4 * (size_t)nshards);
	for (sh = 0, i = 0; sh < nshards && rc == 0; sh++) {
		start = o;
		*o++ = '{';
		for (j = i; i < nt && terms[i]->shard == sh; i++) {
			struct term *t = terms[i];

			if (i > j)
				*o++ = ',';
			*o++ = '\n';
			*o++ = '"'; /* term bytes need no escape */
			memcpy(o, t->s, t->len);
			o += t->len;
			memcpy(o, "\":\"", 3);
			o += 3;
			o = post_code(o, t);
			*o++ = '"';
		}
		memcpy(o, "\n}\n", 3);
		o += 3;
		snprintf(name, sizeof name, "s%u.json", sh);
		rc =
		    write_file(s, dirfd, dir, name, start, (size_t)(o - start));
	}
	assert(o <= block + bytes + 4 * (size_t)nshards);
	free(block);
	free(terms);
	return rc == 0 ? nshards : 0;
}

/* Makes and writes the index of language lang into dir; -1 after a
 * reported failure to write. */
static int
index_lang(struct site *s, struct search_pre *pre, int lang, int dirfd)
{
	const char *dir = pre->dirs[lang];
	struct index *x = &pre->x;
	struct part p;
	struct buf b = {0};
	struct item **all;
	size_t nall, i, c;
	uint32_t nshards = 0;
	int rc = 0;

	nall = 0;
	for (c = 0; c < s->ncolls; c++)
		nall += s->colls[c].n;
	all = xreallocarray(NULL, nall ? nall : 1, sizeof *all);
	for (c = nall = 0; c < s->ncolls; c++)
		for (i = 0; i < s->colls[c].n; i++)
			if (site_shows(s, s->colls[c].items[i], lang))
				all[nall++] = s->colls[c].items[i];
	/* Numbered newest first: search.js breaks ties by number.  A
	 * posting holds its number in 27 bits: memory ends long before. */
	assert(nall < (size_t)1 << 27);
	sort_by_date(all, nall);
	memset(&p, 0, sizeof p);
	p.all = all;
	p.to = nall;
	p.kinds = pre->kinds;
	p.nkinds = pre->nkinds;
	p.x = x;
	p.s = s;
	p.dirfd = dirfd;
	p.dir = dir;
	index_docs(&p, pre);
	rc = p.rc;
	if (rc == 0 && (nshards = write_shards(s, dirfd, dir, x)) == 0)
		rc = -1;
	buf_addf(&b, "{\"v\":2,\"lang\":");
	buf_add_json(&b, s->langs[lang], strlen(s->langs[lang]));
	buf_addf(&b, ",\"docs\":%zu,\"chunk\":%u,\"shards\":%u,\"kinds\":[",
	    nall, DOC_CHUNK, nshards);
	for (c = 0; c < pre->nkinds; c++) {
		buf_adds(&b, c ? "," : "");
		buf_add_json(&b, pre->kinds[c], strlen(pre->kinds[c]));
	}
	buf_adds(&b, "],\"k\":\"");
	buf_add(&b, p.klet.data, p.klet.len);
	buf_adds(&b, "\"}\n");
	if (rc == 0)
		rc = write_file(s, dirfd, dir, "meta.json", b.data, b.len);
	/* the terms stay, for the next language; their postings go */
	for (i = 0; i < x->nterms; i++) {
		free(x->terms[i].post);
		x->terms[i].post = NULL;
		x->terms[i].n = x->terms[i].cap = 0;
		x->terms[i].last = NO_DOC;
	}
	buf_release(&p.docs);
	buf_release(&p.klet);
	free(all);
	buf_release(&b);
	return rc;
}

int
search_write(struct site *s, int dirfd)
{
	struct search_pre *pre = s->search_pre;
	struct timespec t0, t1;
	int lang, rc = 0;

	if (pre == NULL || !pre->made)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (lang = 0; lang < (int)s->nlangs && rc == 0; lang++)
		rc = index_lang(s, pre, lang, dirfd);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s->search_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	return rc;
}

bool
search_pending(const struct site *s)
{
	return s->search_pre != NULL && s->search_pre->made;
}

/* The search page of language lang: the form, and the collections'
 * lists for readers without JavaScript. */
static void
search_page(struct site *s, const struct mustache *tm, int lang,
    const char *const *urls, const char *idx)
{
	const char *l = s->langs[lang], *title, *home;
	struct value *f = value_map(s->arena);
	struct value *tr = value_list(s->arena);
	struct value *cr = value_list(s->arena);
	struct value *cl = value_list(s->arena), *kl = value_list(s->arena);
	struct value *e;
	size_t k, c;

	title = site_word(s, l, "search.title");
	records_set(s, f, "title", title);
	records_set(s, f, "url", urls[lang]);
	records_set(s, f, "lang", l);
	records_set(s, f, "search_index", idx);
	records_setb(s, f, "is_search", true);
	for (c = 0; c < s->ncolls; c++) {
		struct collection *co = &s->colls[c];
		const char *ct = value_map_str(
		    value_map_get(value_map_get(value_map_get(s->globals[lang],
		                                    "site"),
		                      "collections"),
		        co->name),
		    "title");

		if (!co->list || co->list_url[lang] == NULL)
			continue;
		e = value_map(s->arena);
		records_set(s, e, "title", ct ? ct : co->name);
		records_set(s, e, "url", co->list_url[lang]);
		records_set(s, e, "kind", co->kind);
		value_list_push(s->arena, cl, e);
		for (k = 0; k < c; k++)
			if (s->colls[k].list &&
			    strcmp(s->colls[k].kind, co->kind) == 0)
				break;
		if (k == c) /* one choice per kind */
			value_list_push(s->arena, kl, e);
	}
	value_map_set(s->arena, f, "search_collections", cl);
	value_map_set(s->arena, f, "search_kinds", kl);
	for (k = 0; k < s->nlangs; k++) {
		if ((int)k == lang)
			continue;
		e = value_map(s->arena);
		records_set(s, e, "lang", s->langs[k]);
		records_set(s, e, "url", urls[k]);
		records_set(s, e, "title",
		    site_word(s, s->langs[k], "search.title"));
		value_list_push(s->arena, tr, e);
	}
	value_map_set(s->arena, f, "translations", tr);
	e = value_map(s->arena);
	home =
	    value_ltext(value_map_get(s->conf, "short_title"), l, s->langs[0]);
	if (home == NULL) /* as the other pages' breadcrumbs */
		home = value_ltext(value_map_get(s->conf, "title"), l,
		    s->langs[0]);
	records_set(s, e, "title", home ? home : "Home");
	records_set(s, e, "url",
	    arena_printf(s->arena, "%s%s", s->root,
	        lang ? arena_printf(s->arena, "%s/", l) : ""));
	records_setb(s, e, "current", false);
	value_list_push(s->arena, cr, e);
	e = value_map(s->arena);
	records_set(s, e, "title", title);
	records_set(s, e, "url", NULL);
	records_setb(s, e, "current", true);
	value_list_push(s->arena, cr, e);
	value_map_set(s->arena, f, "breadcrumbs", cr);
	records_setb(s, f, "has_breadcrumbs", true);
	site_add_frame_page(s,
	    arena_printf(s->arena, "%sindex.html",
	        urls[lang] + strlen(s->root)),
	    "content/site.yaml", tm, lang, f);
}

void
search_make(struct site *s, const struct theme *th)
{
	const char *urls[SITE_MAX_LANGS] = {0};
	const struct mustache *tm;
	struct search_pre *pre;
	size_t c, k;
	int lang;

	/* A theme without a search page (an older one) has no search:
	 * nothing would load the index. */
	if ((tm = theme_find(th, "search")) == NULL) {
		search_end(s);
		return;
	}
	pre = bodies_read(s);
	for (c = 0; c < s->ncolls; c++) {
		for (k = 0; k < pre->nkinds; k++)
			if (strcmp(pre->kinds[k], s->colls[c].kind) == 0)
				break;
		if (k == pre->nkinds && pre->nkinds < 25) /* 'a'..'y' */
			pre->kinds[pre->nkinds++] = s->colls[c].kind;
	}
	for (lang = 0; lang < (int)s->nlangs; lang++)
		urls[lang] = arena_printf(s->arena, "%s%s%s/", s->root,
		    lang ? arena_printf(s->arena, "%s/", s->langs[lang]) : "",
		    site_segment(s, lang, "search"));
	for (lang = 0; lang < (int)s->nlangs; lang++) {
		/* every language's index beside the first one's page */
		pre->dirs[lang] = arena_printf(s->arena, "%sidx/%s/",
		    urls[0] + strlen(s->root), s->langs[lang]);
		search_page(s, tm, lang, urls,
		    arena_printf(s->arena, "%s%s", s->root, pre->dirs[lang]));
		value_map_set(s->arena, s->globals[lang], "search_url",
		    value_strz(s->arena, urls[lang]));
	}
	pre->made = true;
}
