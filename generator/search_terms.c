/*
 * The search index's terms (search_terms.h), for search.c: text folded
 * (search_fold(), from a table of the folds made once) and cut into
 * terms word by word, each word of the source looked up as written and
 * folded only the first time it is met; each term counted into the
 * document being read, its postings coded in base64url for its shard.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
 * when first needed, 128 at a time: utf8proc for every character of
 * every page made the index build slow, and for all 8,704 took as long
 * as cutting 200 pages (a text in Vietnamese needs six blocks).  A
 * character folds alone as in a string, since its marks are all
 * dropped.
 */
#define FOLD_TABLE 0x2200
#define FOLD_BLOCK 128
static struct {
	unsigned char len, s[7];
} fold_table[FOLD_TABLE];
/* a block is made under the lock, then marked (release) */
static atomic_bool fold_made[FOLD_TABLE / FOLD_BLOCK];
static pthread_mutex_t fold_lock = PTHREAD_MUTEX_INITIALIZER;
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

	for (cp = 0; cp < 256; cp++)
		word_byte[cp] = cp >= 0x80 || ascii_isalnum((int)cp);
	mask_init();
}

/* fold_table[cp], made if its block is not yet. */
static inline const unsigned char *
fold_of(uint32_t cp, size_t *len)
{
	atomic_bool *made = &fold_made[cp / FOLD_BLOCK];
	uint32_t c;

	if (!atomic_load_explicit(made, memory_order_acquire)) {
		pthread_mutex_lock(&fold_lock);
		if (!atomic_load_explicit(made, memory_order_relaxed)) {
			for (c = cp - cp % FOLD_BLOCK;
			     c < cp - cp % FOLD_BLOCK + FOLD_BLOCK; c++)
				fold_table[c].len = (unsigned char)fold_cp(c,
				    fold_table[c].s);
			atomic_store_explicit(made, true,
			    memory_order_release);
		}
		pthread_mutex_unlock(&fold_lock);
	}
	*len = fold_table[cp].len;
	return fold_table[cp].s;
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
		*f = fold_of(cp, len);
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
 * again, so that a page's text is hashed, not decoded and folded.  32
 * bytes, two to a cache line: a word of 16 bytes or fewer (nearly all)
 * is held whole, compared in two loads.
 */
struct word {
	uint64_t b[2]; /* its first 16 bytes, then zeros */
	uint32_t len, hash; /* len 0: an empty slot */
	int32_t term; /* its term's number, or: */
#define WORD_NONE (-1) /* no term: one letter, too long */
#define WORD_SPLIT (-2) /* several pieces: folded each time */
	uint32_t rest; /* past 16 bytes: the next ones at x->wrest[rest] */
};

#define WORD_MAX 64 /* longer words are folded each time */
#define WORD_REST ((WORD_MAX - 16) / 8) /* 8-byte groups past 16 */

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
static inline void term_flush(struct term *);

/* The first occurrence in the document of term t, number k. */
static void
term_first(struct cut *c, struct term *t, uint32_t k)
{
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

static inline void
term_count(struct cut *c, uint32_t k)
{
	struct term *t = &c->x->terms[k];

	if (t->last != c->doc)
		term_first(c, t, k);
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

/* The masks that keep the first k bytes of 8, as memory holds them;
 * of a word's first 16 bytes, the masks of the first 8 (lo) and the
 * next (hi) that keep its first k. */
static uint64_t keep_mask[9], keep_lo[17], keep_hi[17];

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
	for (k = 0; k <= 16; k++) {
		keep_lo[k] = keep_mask[k < 8 ? k : 8];
		keep_hi[k] = keep_mask[k > 8 ? k - 8 : 0];
	}
}

/* The 8 bytes at p (any alignment). */
static inline uint64_t
load8(const void *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

#define MIX1 0x9E3779B97F4A7C15u
#define MIX2 0xC2B2AE3D27D4EB4Fu

/* The hash of a word's bytes: its first 16 in b0 and b1, the rest (nr
 * groups of 8) at rest, each zeros past the word's end. */
static inline uint32_t
word_hash(uint64_t b0, uint64_t b1, const uint64_t *rest, size_t nr)
{
	uint64_t h = (b0 ^ b1 * MIX2) * MIX1;
	size_t k;

	for (k = 0; k < nr; k++)
		h = (h ^ rest[k]) * MIX1;
	return (uint32_t)(h >> 32);
}

/* Counts term (a word's cache entry) into the document. */
static inline void
word_term(struct cut *c, const char *w, size_t n, int32_t term)
{
	if (term >= 0)
		term_count(c, (uint32_t)term);
	else if (term == WORD_SPLIT)
		fold_word(c, w, n);
}

/* Room in x's word table for one more. */
static void
words_room(struct index *x)
{
	struct word *old = x->words;
	size_t oldsize = x->wsize, i, k;

	if (2 * (x->wused + 1) <= x->wsize)
		return;
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

/* The word w[0..n) of hash h, met for the first time: into the cache,
 * folded and counted. */
static void
word_new(struct cut *c, const char *w, size_t n, uint64_t b0, uint64_t b1,
    const uint64_t *rest, size_t nr, uint32_t h)
{
	struct index *x = c->x;
	struct word *e;
	size_t i;

	words_room(x);
	for (i = h & (x->wsize - 1); x->words[i].len;
	     i = (i + 1) & (x->wsize - 1))
		;
	e = &x->words[i];
	e->b[0] = b0;
	e->b[1] = b1;
	e->len = (uint32_t)n;
	e->hash = h;
	e->rest = 0;
	if (nr > 0) {
		if (x->nwrest + nr > x->capwrest) {
			x->capwrest = x->capwrest ? 2 * x->capwrest : 1024;
			x->wrest = xreallocarray(x->wrest, x->capwrest,
			    sizeof *x->wrest);
		}
		/* a word table's offsets take 32 bits: memory ends first */
		e->rest = (uint32_t)x->nwrest;
		memcpy(x->wrest + x->nwrest, rest, nr * sizeof *rest);
		x->nwrest += nr;
	}
	x->wused++;
	e->term = fold_word(c, w, n);
}

/*
 * Counts the word w[0..n) of bytes b0, b1 and rest[0..nr) (zeros past
 * n) and hash h: looked up in the cache, folded only when new.
 */
static inline void
word_count(struct cut *c, const char *w, size_t n, uint64_t b0, uint64_t b1,
    const uint64_t *rest, size_t nr, uint32_t h)
{
	struct index *x = c->x;
	const struct word *e;
	size_t i;

	if (x->wsize > 0)
		for (i = h & (x->wsize - 1); (e = &x->words[i])->len != 0;
		     i = (i + 1) & (x->wsize - 1))
			if (e->hash == h && e->b[0] == b0 && e->b[1] == b1 &&
			    e->len == n &&
			    (nr == 0 || memcmp(x->wrest + e->rest, rest,
			        nr * sizeof *rest) == 0)) {
				word_term(c, w, n, e->term);
				return;
			}
	word_new(c, w, n, b0, b1, rest, nr, h);
}

/* Counts the word w[0..n), n <= WORD_MAX, wherever it is. */
static void
count_word(struct cut *c, const char *w, size_t n)
{
	uint64_t q[2 + WORD_REST] = {0};
	size_t nr = n > 16 ? (n - 16 + 7) / 8 : 0;

	memcpy(q, w, n);
	word_count(c, w, n, q[0], q[1], q + 2, nr,
	    word_hash(q[0], q[1], q + 2, nr));
}

/*
 * What the words of a text are counted with, kept in locals of
 * search_cut_text() (the stores into terms could change a struct cut,
 * for all the compiler knows): read again after a word is folded, which
 * may move the tables.
 */
struct hot {
	const struct word *words;
	size_t wmask;
	struct term *terms;
	uint32_t doc;
};

static void
hot_load(struct hot *o, const struct cut *c)
{
	o->words = c->x->words;
	o->wmask = c->x->wsize - 1;
	o->terms = c->x->terms;
	o->doc = c->doc;
}

/*
 * Counts the word w[0..n), n <= 16, with 16 bytes to read at w: as
 * word_count(), the common case (a word met before, one term) here;
 * wt, mask and max are c's.  touched: c->touch is kept, with room for
 * one more, and every term's last is NO_DOC or c->doc (no posting to
 * flush, read_body()): a term's first occurrence then costs no branch
 * (a third of a body's words are, in no order a guess could follow).
 */
static inline __attribute__((always_inline)) void
count_short(struct cut *c, struct hot *o, const char *w, size_t n, uint32_t wt,
    uint32_t mask, uint32_t max, bool touched)
{
	uint64_t b0 = load8(w) & keep_lo[n], b1 = load8(w + 8) & keep_hi[n];
	uint32_t h = word_hash(b0, b1, NULL, 0);
	const struct word *e;
	struct term *t;
	size_t i;

	for (i = h & o->wmask; (e = &o->words[i])->len != 0;
	     i = (i + 1) & o->wmask)
		if (e->hash == h && e->b[0] == b0 && e->b[1] == b1 &&
		    e->len == n) {
			if (e->term < 0)
				break;
			t = &o->terms[e->term];
			if (touched) {
				uint32_t first = t->last != o->doc, tw;

				c->touch[c->ntouch] = (uint32_t)e->term;
				c->ntouch += first;
				t->last = o->doc;
				tw = first ? 0 : t->w;
				t->w = tw + ((tw & mask) < max ? wt : 0);
				return;
			}
			if (t->last != o->doc)
				term_first(c, t, (uint32_t)e->term);
			if ((t->w & mask) < max)
				t->w += wt;
			return;
		}
	word_count(c, w, n, b0, b1, NULL, 0, h);
	hot_load(o, c);
}

/*
 * Skips what search_plain_markdown() drops from the words at u (a '<'
 * or ']' of Markdown): an HTML tag, a link's target.  Returns the byte
 * after.
 */
static inline const unsigned char *
md_skip(const unsigned char *u, const unsigned char *end)
{
	if (*u == '<' && u + 1 < end &&
	    (ascii_isalpha(u[1]) || u[1] == '/' || u[1] == '!'))
		while (u + 1 < end && *u != '>')
			u++;
	else if (*u == ']' && u + 1 < end && u[1] == '(')
		while (u + 1 < end && *u != ')')
			u++;
	return u + 1;
}

/* Counts the word at w, whose end is not known yet; returns it. */
static const unsigned char *
long_word(struct cut *c, const unsigned char *w, const unsigned char *u,
    const unsigned char *end)
{
	size_t len;

	while (u < end && word_byte[*u])
		u++;
	len = (size_t)(u - w);
	if (len > WORD_MAX)
		fold_word(c, (const char *)w, len);
	else
		count_word(c, (const char *)w, len);
	return u;
}

#ifdef __SSE2__
/* The word bytes of the 16 at u (bit k for u[k]: ASCII letters and
 * digits, non-ASCII bytes), and at *sp those md_skip() looks at. */
static inline unsigned
classify16(const unsigned char *u, bool md, unsigned *sp)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)u);
	__m128i low = _mm_or_si128(x, _mm_set1_epi8(0x20));
	__m128i letter = _mm_and_si128(
	    _mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
	    _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
	__m128i digit = _mm_and_si128(
	    _mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
	    _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
	/* signed: the bytes of 0x80 and above are below zero */
	__m128i high = _mm_cmplt_epi8(x, _mm_setzero_si128());

	*sp = md ? (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('<')),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8(']')))) : 0;
	return (unsigned)_mm_movemask_epi8(
	    _mm_or_si128(_mm_or_si128(letter, digit), high));
}

/* classify16() of the 64 bytes at u. */
static inline uint64_t
classify(const unsigned char *u, bool md, uint64_t *sp)
{
	unsigned s0, s1, s2, s3;
	uint64_t m = (uint64_t)classify16(u, md, &s0) |
	    (uint64_t)classify16(u + 16, md, &s1) << 16 |
	    (uint64_t)classify16(u + 32, md, &s2) << 32 |
	    (uint64_t)classify16(u + 48, md, &s3) << 48;

	*sp = (uint64_t)s0 | (uint64_t)s1 << 16 | (uint64_t)s2 << 32 |
	    (uint64_t)s3 << 48;
	return m;
}
#endif

#ifdef __SSE2__
/*
 * search_cut_text() of u[0..end - u), wt, mask and max c's, touched as
 * count_short()'s: made twice, for the bodies whose terms are kept
 * (constants, nearly all the text) and for the rest.
 * Sixty-four bytes classified at once: where each word starts and
 * ends, and where the next tag or link may be, are bits of two masks;
 * a word of 16 bytes or fewer is read in two loads.  A window is 64
 * bytes and a word in it may be read 16 bytes past its start: the last
 * 79 bytes or fewer are read from a copy with zeros (no word bytes)
 * after them.
 */
static inline __attribute__((always_inline)) void
cut_windows(struct cut *c, const unsigned char *u, const unsigned char *end,
    bool md, uint32_t wt, uint32_t mask, uint32_t max, bool touched)
{
	unsigned char pad[80 + 80];
	const unsigned char *next;
	uint64_t m, sp, starts, ends;
	unsigned k, len;
	bool padded = false;
	struct hot o;

	words_room(c->x); /* a table to look words up in */
	hot_load(&o, c);
	for (;;) {
		if (!padded && (size_t)(end - u) < 80) {
			size_t r = (size_t)(end - u);

			memset(pad, 0, sizeof pad);
			memcpy(pad, u, r);
			u = pad;
			end = pad + r;
			padded = true;
		}
		if (u >= end)
			break;
		/* room for the window's words (32 at most) */
		if (touched && c->ntouch + 32 > c->captouch) {
			c->captouch = 2 * c->captouch + 32;
			c->touch = xreallocarray(c->touch, c->captouch,
			    sizeof *c->touch);
		}
		m = classify(u, md, &sp);
		if (m == UINT64_MAX) {	/* a word of 64 bytes or more */
			u = long_word(c, u, u + 64, end);
			hot_load(&o, c);
			continue;
		}
		/* the words before the first tag or link, if any: none
		 * has a '<' or a ']' */
		k = sp != 0 ? (unsigned)__builtin_ctzll(sp) : 64;
		if (k < 64)
			m &= ((uint64_t)1 << k) - 1;
		next = k < 64 ? md_skip(u + k, end) : u + 64;
		/* each word's first and last byte: two chains of one
		 * instruction each from word to word */
		starts = m & ~(m << 1);
		ends = m & ~(m >> 1);
		if (m >> 63) {
			/* the last word may go on past the window: read
			 * again from its start (not 0: m was no long word) */
			k = 63 - (unsigned)__builtin_clzll(starts);
			next = u + k;
			starts ^= (uint64_t)1 << k;
			ends ^= (uint64_t)1 << 63;
		}
		while (starts != 0) {
			k = (unsigned)__builtin_ctzll(starts);
			len = (unsigned)__builtin_ctzll(ends) + 1 - k;
			starts &= starts - 1;
			ends &= ends - 1;
			if (len <= 16) {
				count_short(c, &o, (const char *)u + k, len, wt,
				    mask, max, touched);
			} else {
				count_word(c, (const char *)u + k, len);
				hot_load(&o, c);
			}
		}
		u = next;
	}
}
#endif

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

#ifdef __SSE2__
	if (md && c->w == body_cut.w && c->mask == body_cut.mask &&
	    c->max == body_cut.max && c->touch != NULL)
		cut_windows(c, u, end, true, body_cut.w, body_cut.mask,
		    body_cut.max, true);
	else
		cut_windows(c, u, end, md, c->w, c->mask, c->max, false);
#else
	while (u < end) {
		if (word_byte[*u]) {
			u = long_word(c, u, u + 1, end);
			continue;
		}
		if (md)
			u = md_skip(u, end);
		else
			u++;
	}
#endif
}

/*
 * Appends Markdown s[0..n) as plain words: HTML tags, link targets and
 * the punctuation of emphasis, headings, quotes and tables dropped,
 * white space collapsed.
 */
void
search_plain_markdown(struct buf *b, const char *s, size_t n, size_t max)
{
	/* 1: white space, or dropped (as white space); 2: '<', 3: ']' */
	static const unsigned char cls[256] = {
		['#'] = 1, ['*'] = 1, ['_'] = 1, ['>'] = 1, ['|'] = 1,
		['`'] = 1, ['~'] = 1, ['['] = 1, ['!'] = 1, ['{'] = 1,
		['}'] = 1, ['\\'] = 1, ['='] = 1, ['\t'] = 1, ['\n'] = 1,
		['\r'] = 1, ['\f'] = 1, ['\v'] = 1, [' '] = 1, ['<'] = 2,
		[']'] = 3,
	};
	size_t i = 0, len = b->len;
	unsigned k;
	char *d, c;

	/* the text is never longer than its source */
	buf_grow(b, n);
	d = b->data;
	while (i < n && len < max) {
		c = s[i];
		k = cls[(unsigned char)c];
		if (k == 0 || (k == 2 && !(i + 1 < n &&
		    (ascii_isalpha(s[i + 1]) || s[i + 1] == '/' ||
		    s[i + 1] == '!')))) {
			d[len++] = c;
			i++;
			continue;
		}
		if (k == 2)
			while (i < n && s[i] != '>')
				i++;
		else if (k == 3 && i + 1 < n && s[i + 1] == '(')
			while (i < n && s[i] != ')')
				i++;
		/* white space collapsed */
		if (len > 0 && d[len - 1] != ' ')
			d[len++] = ' ';
		i++;
	}
	b->len = len;
	d[len] = '\0';
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
static inline void
term_flush(struct term *t)
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

void
search_term_flush(struct term *t)
{
	term_flush(t);
}

void
search_count_coded(struct cut *c, const uint32_t *e, size_t n)
{
	struct term *terms = c->x->terms;
	size_t k;

	for (k = 0; k < n; k++) {
		struct term *t = &terms[e[k] >> 3];
		uint32_t w;

		/* the terms are met in no order: ask for one ahead */
		if (k + 8 < n)
			__builtin_prefetch(&terms[e[k + 8] >> 3], 1);
		if (t->last != c->doc) {
			term_flush(t);
			t->last = c->doc;
			t->w = 0;
		}
		w = (t->w & 15) + (e[k] & 7);
		t->w = (t->w & ~15u) | (w < 7 ? w : 7);
	}
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
	free(x->words);
	free(x->wrest);
}
