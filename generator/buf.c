/*
 * Growable byte strings and the escapers every output format needs:
 * HTML/XML, URL paths, JSON strings and CSV fields.  Input bytes are
 * assumed to be valid UTF-8 (the loader has checked them).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "arena.h"
#include "buf.h"

void
buf_grow(struct buf *b, size_t n)
{
	size_t want;

	if (n > SIZE_MAX - b->len - 1)
		xoom();
	want = b->len + n + 1;
	if (want <= b->cap)
		return;
	if (b->cap < 64)
		b->cap = 64;
	while (b->cap < want) {
		if (b->cap > SIZE_MAX / 2)
			xoom();
		b->cap *= 2;
	}
	b->data = xrealloc(b->data, b->cap);
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (n == 0)
		return;
	/* no call while there is room (len < cap once data is there) */
	if (n >= b->cap - b->len)
		buf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	/* The hot path of every escaper: no call while there is room. */
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		xoom();
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

/* What buf_add_html() replaces: html_esc[c] indexes its table; 0 is
 * none. */
static const unsigned char html_esc[256] = {
    ['&'] = 1,
    ['<'] = 2,
    ['>'] = 3,
    ['"'] = 4,
    ['\''] = 5,
};

/* The length of the start of s[0..n) that HTML takes as it is. */
static size_t
html_plain(const char *s, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	/* Sixteen bytes a step: nearly every byte of a page is plain. */
	const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<');
	const __m128i gt = _mm_set1_epi8('>'), quot = _mm_set1_epi8('"');
	const __m128i apos = _mm_set1_epi8('\'');

	for (; i + 16 <= n; i += 16) {
		__m128i x =
		    _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, amp),
		                             _mm_cmpeq_epi8(x, lt)),
		    _mm_or_si128(_mm_cmpeq_epi8(x, gt),
		        _mm_or_si128(_mm_cmpeq_epi8(x, quot),
		            _mm_cmpeq_epi8(x, apos))));
		int bits = _mm_movemask_epi8(m);

		if (bits != 0)
			return i + (size_t)__builtin_ctz((unsigned)bits);
	}
#endif
	while (i < n && html_esc[(unsigned char)s[i]] == 0)
		i++;
	return i;
}

void
buf_add_html(struct buf *b, const char *s, size_t n)
{
	static const char *const rep[] = {
	    "",
	    "&amp;",
	    "&lt;",
	    "&gt;",
	    "&quot;",
	    "&#39;",
	};
	size_t k;

	/* Copy plain runs whole; replace the rest one by one. */
	while (n > 0) {
		k = html_plain(s, n);
		buf_add(b, s, k);
		if (k == n)
			break;
		buf_adds(b, rep[html_esc[(unsigned char)s[k]]]);
		s += k + 1;
		n -= k + 1;
	}
}

static int
unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~' || c == '/';
}

void
buf_add_urlpath(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (unreserved(c)) {
			buf_addc(b, (char)c);
		} else {
			buf_addc(b, '%');
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
		}
	}
}

/* What buf_add_json() must escape: control characters, '"', '\\' and
 * '<' (which keeps "</script>" inert if JSON is ever inlined). */
static const unsigned char json_esc[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1,
	[0x05] = 1, [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1,
	[0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1,
	[0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1,
	[0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1,
	[0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1,
	[0x1E] = 1, [0x1F] = 1, ['"'] = 1, ['\\'] = 1, ['<'] = 1,
};

/* The length of the start of s[0..n) that JSON takes as it is. */
static size_t
json_plain(const char *s, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	/* Sixteen bytes a step: nearly every byte of a text is plain. */
	const __m128i ctl = _mm_set1_epi8(0x1F), quot = _mm_set1_epi8('"');
	const __m128i bsl = _mm_set1_epi8('\\'), lt = _mm_set1_epi8('<');

	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));
		/* unsigned x <= 0x1F: the smaller of the two is x */
		__m128i m = _mm_or_si128(
		    _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x),
		    _mm_or_si128(_mm_cmpeq_epi8(x, quot),
		    _mm_or_si128(_mm_cmpeq_epi8(x, bsl),
		    _mm_cmpeq_epi8(x, lt))));
		int bits = _mm_movemask_epi8(m);

		if (bits != 0)
			return i + (size_t)__builtin_ctz((unsigned)bits);
	}
#endif
	while (i < n && json_esc[(unsigned char)s[i]] == 0)
		i++;
	return i;
}

void
buf_add_json(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t k;
	unsigned char c;

	/* the string unescaped and its quotes, the NUL: one growth */
	if (n + 2 >= b->cap - b->len)
		buf_grow(b, n + 2);
	b->data[b->len++] = '"';
	for (;;) {
		/* Copy plain runs whole; escape the rest one by one. */
		k = json_plain(s, n);
		buf_add(b, s, k);
		if (k == n)
			break;
		c = (unsigned char)s[k];
		switch (c) {
		case '"': buf_add(b, "\\\"", 2); break;
		case '\\': buf_add(b, "\\\\", 2); break;
		case '\n': buf_add(b, "\\n", 2); break;
		case '\r': buf_add(b, "\\r", 2); break;
		case '\t': buf_add(b, "\\t", 2); break;
		case '<': buf_add(b, "\\u003c", 6); break;
		default:
			buf_add(b, "\\u00", 4);
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
		}
		s += k + 1;
		n -= k + 1;
	}
	buf_addc(b, '"');
}

void
buf_add_csv(struct buf *b, const char *s, size_t n)
{
	size_t i;
	int quote = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '"' || s[i] == ',' || s[i] == '\n' ||
		    s[i] == '\r' || s[i] == ';')
			quote = 1;
	/*
	 * A field starting with = + - @ would be a formula in spreadsheet
	 * software; a leading apostrophe keeps it text (OWASP advice).
	 * Negative numbers stay numbers: only non-numeric text is guarded.
	 */
	if (n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '@' ||
	    (s[0] == '-' && (n == 1 || s[1] < '0' || s[1] > '9')))) {
		buf_addc(b, '"');
		buf_addc(b, '\'');
		quote = 2;
	} else if (quote) {
		buf_addc(b, '"');
	}
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, s[i]);
	}
	if (quote)
		buf_addc(b, '"');
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

const char *
buf_cstr(const struct buf *b)
{
	return b->len ? b->data : "";
}

char *
buf_keep(struct buf *b, struct arena *a)
{
	char *p = arena_strndup(a, buf_cstr(b), b->len);

	buf_reset(b);
	return p;
}

void
buf_release(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
