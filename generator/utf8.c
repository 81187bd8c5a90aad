/*
 * Text helpers for content bytes, used by every loader before anything
 * else looks at a file: strict UTF-8 validation that names the line and
 * column of the first bad byte, code-point counting, Vietnamese-aware
 * slugs through utf8proc, and the edit distance behind "did you mean".
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "utf8.h"

/*
 * Returns the length of the well-formed sequence at s[0..n), or 0 with
 * *why set.  Follows Unicode's table of well-formed byte sequences
 * (Table 3-7), which rules out overlongs, surrogates and code points
 * beyond U+10FFFF by the range allowed for the second byte.
 */
static size_t
sequence(const unsigned char *s, size_t n, const char **why)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (c == 0) {
		*why = "NUL byte";
		return 0;
	}
	if (c < 0x80)
		return 1;
	if (c < 0xC2) {
		*why = c < 0xC0 ? "unexpected continuation byte" :
		    "overlong encoding";
		return 0;
	}
	if (c < 0xE0) {
		len = 2;
	} else if (c < 0xF0) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;	/* below: overlong */
		else if (c == 0xED)
			hi = 0x9F;	/* above: UTF-16 surrogates */
	} else if (c < 0xF5) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;	/* below: overlong */
		else if (c == 0xF4)
			hi = 0x8F;	/* above: beyond U+10FFFF */
	} else {
		*why = c < 0xF8 ? "code point beyond U+10FFFF" :
		    "byte that never occurs in UTF-8";
		return 0;
	}
	if (n < 2) {
		*why = "truncated sequence";
		return 0;
	}
	if (s[1] < lo || s[1] > hi) {
		if (s[1] < 0x80 || s[1] > 0xBF)
			*why = "truncated sequence";
		else if (c == 0xE0 || c == 0xF0)
			*why = "overlong encoding";
		else if (c == 0xED)
			*why = "UTF-16 surrogate";
		else
			*why = "code point beyond U+10FFFF";
		return 0;
	}
	for (i = 2; i < len; i++) {
		if (i >= n || s[i] < 0x80 || s[i] > 0xBF) {
			*why = "truncated sequence";
			return 0;
		}
	}
	return len;
}

/*
 * utf8_quick_check() looks at 16 bytes at once through GCC's vector
 * extensions (clang has them too): SSE2 or NEON where there is one,
 * plain code elsewhere.  Each lane is compared with the byte one and two
 * places before it, so that a block needs no state from the one before.
 */
typedef signed char m16 __attribute__((vector_size(16)));

/*
 * The bytes are compared as signed, which SSE2 does in one instruction
 * (unsigned takes three): 0x80-0xFF are -128..-1, in the same order.
 */
#define S(b) ((signed char)(b))

static inline m16
load16(const unsigned char *p)
{
	m16 v;

	memcpy(&v, p, sizeof v);
	return v;
}

static inline bool
any16(m16 m)
{
	uint64_t a, b;

	memcpy(&a, &m, sizeof a);
	memcpy(&b, (const char *)&m + sizeof a, sizeof b);
	return (a | b) != 0;
}

/*
 * The lanes of p[0..16) that are not quick text, given p[-2] and p[-1]:
 * a byte is printable ASCII, TAB, LF or CR, a lead byte we know, or the
 * continuation byte that the lead one or two places before asks for.
 * Lanes holding the second byte of Ð or ð are set in *eth.
 */
static inline m16
quick_block(const unsigned char *p, m16 *eth)
{
	m16 c = load16(p), p1 = load16(p - 1), p2 = load16(p - 2);
	m16 ascii = ((c >= 0x20) & (c != 0x7F)) | (c == '\t') | (c == '\n') |
	    (c == '\r');
	m16 cont = c < S(0xC0);
	/* C2-CB: U+0080-U+02FF, Latin-1 and Latin Extended (ă đ ơ ư);
	 * E1 and E2 are narrowed to U+1E00-U+1EFF and U+2002-U+20CF. */
	m16 lead =
	    ((c >= S(0xC2)) & (c <= S(0xCB))) | (c == S(0xE1)) | (c == S(0xE2));
	m16 want = ((p1 >= S(0xC2)) & (p1 <= S(0xCB))) | (p1 == S(0xE1)) |
	    (p1 == S(0xE2)) | (p2 == S(0xE1)) | (p2 == S(0xE2));
	m16 bad = ~(ascii | cont | lead) | (cont ^ want);

	bad |= (p1 == S(0xC2)) & (c < S(0xA0)); /* C1 controls */
	bad |= (p1 == S(0xE1)) & ((c < S(0xB8)) | (c > S(0xBB)));
	bad |= (p1 == S(0xE2)) & (c > S(0x83));
	/* Not U+2000 and U+2001 (singletons), nor the marks from U+20D0. */
	bad |= (p2 == S(0xE2)) &
	    (((p1 == S(0x80)) & (c < S(0x82))) |
	        ((p1 == S(0x83)) & (c > S(0x8F))));
	/* C3 90 and C3 B0 */
	*eth |= (p1 == S(0xC3)) & ((c & S(0xDF)) == S(0x90));
	return bad;
}

/*
 * Returns how much of s[0..n) is quick text, in one pass: n when all of
 * it is (*eth then says whether Ð or ð is there), else a place at or
 * before the first byte that is not, where a code point starts and no
 * sequence before it runs on.  Every byte of every file comes here, and
 * Vietnamese text has a letter outside ASCII every few bytes, which a
 * byte loop pays for in mispredicted branches.
 */
static size_t
quick_prefix(const unsigned char *u, size_t n, bool *eth)
{
	unsigned char pad[2 + 16 + 16 + 2];
	m16 bad, e = {0};
	size_t i, end, good;

	/*
	 * The first and the last block are copied beside spaces: a space
	 * before the text asks for nothing, and one after it shows a
	 * sequence cut short at the end.  Blocks may overlap: a lane
	 * checked twice is no harm.
	 */
	memset(pad, ' ', sizeof pad);
	memcpy(pad + 2, u, n < 18 ? n : 16);
	bad = quick_block(pad + 2, &e);
	if (n < 18) /* the last block below starts 18 bytes back */
		bad |= quick_block(pad + 18, &e);
	if (any16(bad))
		return 0;
	if (n < 18)
		goto out;
	/* Every lane before good is checked, each against the two before
	 * it; 256 bytes between looks, so that a miss is soon known. */
	for (i = good = 16; n - i >= 16; good = i) {
		for (end = i + 256; n - i >= 16 && i < end; i += 16)
			bad |= quick_block(u + i, &e);
		if (any16(bad))
			goto back;
	}
	memcpy(pad, u + n - 18, 18);
	memset(pad + 18, ' ', sizeof pad - 18);
	bad |= quick_block(pad + 2, &e);
	bad |= quick_block(pad + 18, &e);
	if (any16(bad))
		goto back;
out:
	*eth = any16(e);
	return n;
back:
	/*
	 * The lead byte at or before good - 2: the lanes after it were
	 * checked, so no sequence before it asks for it as a continuation.
	 */
	good -= 2;
	while (good > 0 && !utf8_is_lead(u[good]))
		good--;
	return good;
}

bool
utf8_quick_check(const char *s, size_t n, bool *eth)
{
	return quick_prefix((const unsigned char *)s, n, eth) == n;
}

bool
utf8_validate(const char *s, size_t n, unsigned *line, unsigned *col,
    const char **why)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *reason = NULL;
	size_t i, k, j;
	unsigned ln = 1, cl = 1;
	bool eth;

	/*
	 * Every content byte passes here (files, YAML, rendered HTML), so
	 * the quick pass goes first and the rest is skipped without
	 * bookkeeping; the position is counted only once a bad byte has
	 * been found.
	 */
	i = quick_prefix(u, n, &eth);
	while (i < n) {
		unsigned char c = u[i];

		if (c != 0 && c < 0x80) {
			i++;
			continue;
		}
		/* Vietnamese letters: two bytes (ă, ơ, đ) or three (ạ, ế). */
		if (c >= 0xC2 && c < 0xE0 && n - i >= 2 &&
		    (u[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (c >= 0xE1 && c < 0xF0 && c != 0xED && n - i >= 3 &&
		    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if ((k = sequence(u + i, n - i, &reason)) == 0)
			break;
		i += k;
	}
	if (i >= n)
		return true;
	for (j = 0; j < i; j++) {
		if (u[j] == '\n') {
			ln++;
			cl = 1;
		} else if (utf8_is_lead(u[j])) {
			cl++;
		}
	}
	if (line != NULL)
		*line = ln;
	if (col != NULL)
		*col = cl;
	if (why != NULL)
		*why = reason;
	return false;
}

/* The line and column (code points) of byte off of s. */
static void
locate(const unsigned char *u, size_t off, unsigned *line, unsigned *col)
{
	unsigned ln = 1, cl = 1;
	size_t j;

	for (j = 0; j < off; j++) {
		if (u[j] == '\n') {
			ln++;
			cl = 1;
		} else if (utf8_is_lead(u[j])) {
			cl++;
		}
	}
	*line = ln;
	*col = cl;
}

bool
utf8_find_control(const char *s, size_t n, unsigned *line, unsigned *col,
    uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;
	bool eth;

	/* C0 and DEL are single bytes; C1 is C2 80 - C2 9F. */
	for (i = quick_prefix(u, n, &eth); i < n; i++) {
		unsigned char c = u[i];

		if (c >= 0x20 && c != 0x7F && c != 0xC2)
			continue;
		if (c < 0x80 && utf8_is_refused_control(c)) {
			*cp = c;
			break;
		}
		if (c == 0xC2 && i + 1 < n && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9F) {
			*cp = u[i + 1];
			break;
		}
	}
	if (i >= n)
		return true;
	locate(u, i, line, col);
	return false;
}

char *
utf8_nfc(const char *s, size_t n, size_t *outlen, unsigned *line, unsigned *col)
{
	const unsigned char *u = (const unsigned char *)s;
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t m;
	size_t i;
	bool eth;

	/*
	 * utf8proc_map() costs more than parsing the file: it runs only on
	 * a file with a code point outside the ranges that are NFC by
	 * themselves and compose with nothing before them (Unicode's
	 * NFC_Quick_Check=Yes with combining class 0): below U+0300 (ASCII,
	 * Latin-1, the Latin letters of Vietnamese: ă â đ ê ô ơ ư),
	 * U+1E00-U+1EFF (ạ ả ấ ... ỹ) and U+2002-U+20CF (– “ ” … ₫ €).
	 * Vietnamese text in NFC stays in them; a combining mark does not.
	 */
	for (i = quick_prefix(u, n, &eth); i < n; i++) {
		uint32_t c;

		if (u[i] < 0xCC) /* ASCII, or a lead byte below U+0300 */
			continue;
		if (!utf8_is_lead(u[i]))
			continue;
		/* E1 B8-BB: U+1E00-U+1EFF, without decoding. */
		if (u[i] == 0xE1 && i + 1 < n && u[i + 1] >= 0xB8 &&
		    u[i + 1] <= 0xBB)
			continue;
		utf8_decode(s + i, n - i, &c, UTF8_STRICT);
		if (!((c >= 0x1E00 && c <= 0x1EFF) ||
		        (c >= 0x2002 && c <= 0x20CF)))
			break;
	}
	if (i == n)
		return NULL;
	m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (m < 0)
		return NULL; /* valid UTF-8 only: cannot happen */
	if ((size_t)m == n && memcmp(dst, s, n) == 0) {
		free(dst);
		return NULL;
	}
	/* The first byte that differs, back to the start of its code
	 * point: a composed letter differs from its base letter on. */
	for (i = 0; i < n && i < (size_t)m && dst[i] == u[i]; i++)
		;
	while (i > 0 && i < n && !utf8_is_lead(u[i]))
		i--;
	locate(u, i, line, col);
	*outlen = (size_t)m;
	return (char *)dst;
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (utf8_is_lead((unsigned char)s[i]))
			count++;
	return count;
}

/* The length of a loose sequence by its lead byte, or 0. */
static size_t
loose_length(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len, k;

	len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 :
	    0;
	if (len > n)
		return 0;
	for (k = 1; k < len; k++)
		if (utf8_is_lead(s[k]))
			return 0;
	return len;
}

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp, enum utf8_decoding mode)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *why = NULL;
	size_t len, k;
	uint32_t c;

	*cp = UTF8_REPLACEMENT;
	if (n == 0)
		return 0;
	if (mode == UTF8_LOOSE)
		len = loose_length(u, n);
	else
		len = u[0] == 0 ? 1 : sequence(u, n, &why);
	if (len == 0)
		return 1;
	c = len == 1 ? u[0] : u[0] & (0x7Fu >> len);
	for (k = 1; k < len; k++)
		c = c << 6 | (u[k] & 0x3Fu);
	*cp = c;
	return len;
}

/*
 * Letters that carry their stroke in the letter itself, so that
 * decomposition leaves them alone: Vietnamese đ above all.
 */
static utf8proc_int32_t
premap(utf8proc_int32_t c, void *data)
{
	(void)data;
	switch (c) {
	case 0x0110:	/* Đ */
	case 0x0111:	/* đ */
	case 0x00D0:	/* Ð (eth, often typed for Đ) */
	case 0x00F0:	/* ð */
		return 'd';
	default:
		return c;
	}
}

/* Appends s[0..n) as slug characters: [a-z0-9] kept, runs → one '-'. */
static void
slug_bytes(struct buf *b, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int c = ascii_tolower(s[i]);

		if (ascii_isalnum(c))
			buf_addc(b, (char)c);
		else if (b->len > 0 && b->data[b->len - 1] != '-')
			buf_addc(b, '-');
	}
	/* buf.h and buf.c disagree on buf_truncate's argument: not used. */
	if (b->len > 0 && b->data[b->len - 1] == '-')
		b->data[--b->len] = '\0';
}

char *
utf8_slugify(struct arena *a, const char *s, size_t n)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t m;
	struct buf b = {0};
	char *slug;
	size_t i;

	/* File names are mostly ASCII already: no decomposition needed. */
	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n) {
		slug_bytes(&b, (const unsigned char *)s, n);
		slug = buf_keep(&b, a);
		buf_release(&b);
		return slug;
	}
	m = utf8proc_map_custom((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &dst, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, premap, NULL);
	if (m >= 0)
		slug_bytes(&b, dst, (size_t)m);
	else	/* not UTF-8: keep what is ASCII */
		slug_bytes(&b, (const unsigned char *)s, n);
	free(dst);
	slug = buf_keep(&b, a);
	buf_release(&b);
	return slug;
}

bool
utf8_is_slug(const char *s)
{
	bool prev_dash = true;	/* no leading '-' */

	if (s == NULL || *s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (*s == '-') {
			if (prev_dash)
				return false;
			prev_dash = true;
		} else if ((*s >= 'a' && *s <= 'z') || ascii_isdigit(*s)) {
			prev_dash = false;
		} else {
			return false;
		}
	}
	return !prev_dash;
}

size_t
utf8_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), i, j, d;
	size_t *row;

	/* One row of the Wagner-Fischer table, updated in place. */
	if (m == SIZE_MAX)
		xoom();
	row = xreallocarray(NULL, m + 1, sizeof *row);
	for (j = 0; j <= m; j++)
		row[j] = j;
	for (i = 1; i <= n; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= m; j++) {
			size_t up = row[j];

			d = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < d)
				d = up + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			diag = up;
		}
	}
	d = row[m];
	free(row);
	return d;
}

/*
 * The one "did you mean" rule: a typo, not a different word.  The
 * nearest name (the first of equals) counts when it is nearer than the
 * key is long, and at most 2 edits or a third of the key away ("tittle"
 * gets "title"; "x" does not get "id").
 */
const char *
utf8_nearest(const char *key, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t bestd = SIZE_MAX, len = strlen(key), i;

	for (i = 0; i < n; i++) {
		size_t d = utf8_distance(key, names[i]);

		if (d < bestd) {
			bestd = d;
			best = names[i];
		}
	}
	if (best == NULL || bestd >= len || (bestd > 2 && bestd * 3 > len))
		return NULL;
	return best;
}

/* One question asked: key of names[0..n), and its answer. */
struct memo_entry {
	const char *key; /* NULL: a free slot */
	const char *const *names;
	size_t n;
	const char *near;
};

/* Open addressing, at most half full: 2 * UTF8_MEMO_MAX slots, made
 * with the first answer kept. */
struct utf8_memo {
	pthread_mutex_t lock;
	struct arena *arena;
	struct memo_entry *v;
	size_t len;
};

struct utf8_memo *
utf8_memo_new(struct arena *a)
{
	struct utf8_memo *m = arena_calloc(a, 1, sizeof *m);

	pthread_mutex_init(&m->lock, NULL);
	m->arena = a;
	return m;
}

const char *
utf8_nearest_memo(struct utf8_memo *m, const char *key,
    const char *const *names, size_t n)
{
	const size_t cap = 2 * UTF8_MEMO_MAX;
	uint64_t h = 0xcbf29ce484222325u ^ (uintptr_t)names ^ n;
	struct memo_entry *e = NULL;
	const char *near, *s;
	size_t i;

	for (s = key; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3u;
	}
	pthread_mutex_lock(&m->lock);
	if (m->v == NULL)
		m->v = arena_calloc(m->arena, cap, sizeof *m->v);
	for (i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		e = &m->v[i];
		if (e->key == NULL)
			break;
		if (e->names == names && e->n == n &&
		    strcmp(e->key, key) == 0) {
			near = e->near;
			pthread_mutex_unlock(&m->lock);
			return near;
		}
	}
	/* The lock is held while computing: validation is one thread, and
	 * a second asking the same question waits for the answer rather
	 * than computing it again. */
	near = utf8_nearest(key, names, n);
	if (m->len < UTF8_MEMO_MAX) {
		e->key = arena_strdup(m->arena, key);
		e->names = names;
		e->n = n;
		e->near = near;
		m->len++;
	}
	pthread_mutex_unlock(&m->lock);
	return near;
}

bool
utf8_has_word(const char *list, const char *w)
{
	size_t n = strlen(w);

	if (n == 0)
		return false;
	for (const char *p = list; p && (p = strstr(p, w)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return true;
	return false;
}
