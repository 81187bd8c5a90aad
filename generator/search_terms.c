/*
 * The search index's terms (search_terms.h), for search.c: text folded
 * (search_fold(), from a table of the folds made once) and cut into
 * terms word by word, each word of the source looked up as written and
 * folded only the first time it is met; each term counted into the
 * document being read, its postings coded in base64url for its shard.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "search.h"
#include "search_terms.h"
#include "utf8.h"
#include "value.h"

#define TERM_MAX 40 /* longer "terms" are not words */

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
search_terms_init(void)
{
	pthread_once(&fold_once, fold_init);
}

/*
 * The fold of the code point at s[0..n): its bytes at *f (the table's,
 * or tmp's), their number at *len (0 for bytes that are not UTF-8:
 * dropped).  Returns the bytes of s read.
 */
static size_t
fold_next(const char *s, size_t n, unsigned char tmp[7],
    const unsigned char **f, size_t *len)
{
	uint32_t cp;
	size_t k = utf8_decode(s, n, &cp, UTF8_STRICT);

	if (cp == UTF8_REPLACEMENT && k == 1) {
		*len = 0;
	} else if (cp < FOLD_TABLE) {
		*f = fold_table[cp].s;
		*len = fold_table[cp].len;
	} else {
		*f = tmp;
		*len = fold_cp(cp, tmp);
	}
	return k;
}

void
search_fold(struct buf *out, const char *s, size_t n)
{
	unsigned char tmp[7];
	const unsigned char *f;
	size_t i = 0, len;

	search_terms_init();
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
		i += fold_next(s + i, n - i, tmp, &f, &len);
		if (len == 0)
			continue; /* not UTF-8: dropped */
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
	t->prev = NO_DOC;
	x->slot[i] = (uint32_t)++x->nterms;
	return (uint32_t)x->nterms - 1;
}

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
		search_term_flush(t);
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
	size_t k, fl;

	while (u < end) {
		u +=
		    fold_next((const char *)u, (size_t)(end - u), tmp, &f, &fl);
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
 * search_plain_markdown() drops from the words: HTML tags and links'
 * targets (its other drops are punctuation, no term bytes anyway).  A
 * word ends at an ASCII byte, so that its fold depends on its bytes
 * alone.
 */
void
search_cut_text(struct cut *c, const char *s, size_t n, bool md)
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
void
search_plain_markdown(struct buf *b, const char *s, size_t n, size_t max)
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
void
search_plain_value(struct buf *b, const struct value *v, int depth, size_t max)
{
	size_t i;

	if (v == NULL || depth > 8 || b->len >= max)
		return;
	switch (v->type) {
	case VALUE_STR:
		if (v->len == 0 || v->text[0] == '/' ||
		    strncmp(v->text, "http", 4) == 0)
			return;
		search_plain_markdown(b, v->text, v->len, max);
		buf_addc(b, ' ');
		break;
	case VALUE_INT:
		buf_add(b, v->text, v->len);
		buf_addc(b, ' ');
		break;
	case VALUE_LIST:
		for (i = 0; i < v->n; i++)
			search_plain_value(b, v->items[i], depth + 1, max);
		break;
	case VALUE_MAP:
		for (i = 0; i < v->n; i++)
			if (depth > 0 ||
			    (strcmp(v->pairs[i].key, "title") &&
			        strcmp(v->pairs[i].key, "slug")))
				search_plain_value(b, v->pairs[i].val,
				    depth + 1, max);
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

/* Codes t's posting of its last document, if any, after its others. */
void
search_term_flush(struct term *t)
{
	uint32_t g;
	size_t d;

	if (t->last == NO_DOC)
		return;
	/* the first gap is doc + 1 - 1: prev starts at UINT32_MAX */
	g = t->last - t->prev - 1;
	d = gap_digits(g);
	if (t->len_code + d + 1 > t->cap_code) {
		t->cap_code = t->cap_code ? 2 * t->cap_code : 8;
		if (t->cap_code < t->len_code + d + 1)
			t->cap_code = t->len_code + d + 1;
		t->code = xrealloc(t->code, t->cap_code);
	}
	for (; d > 0; d--)
		t->code[t->len_code++] = b64[32 | ((g >> (5 * (d - 1))) & 31)];
	t->code[t->len_code++] = b64[(t->w >> 4) * 8 | (t->w & 15)];
	t->n++;
	t->prev = t->last;
	t->last = NO_DOC;
}

int
search_term_cmp(const void *a, const void *b)
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

void
search_index_release(struct index *x)
{
	size_t i;

	for (i = 0; i < x->nterms; i++) {
		free(x->terms[i].code);
		free((char *)x->terms[i].s);
	}
	free(x->terms);
	free(x->slot);
	for (i = 0; i < x->wsize; i++)
		free((uint64_t *)x->words[i].rest);
	free(x->words);
}
