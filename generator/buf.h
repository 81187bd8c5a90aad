/*
 * A growable byte string: `struct buf b = {0};` is ready to use.  The
 * storage is malloc-backed scratch owned by whoever declared the buf;
 * buf_keep() copies it into an arena, buf_release() frees it.  data is
 * NUL-terminated once non-empty; the NUL is not counted in len.
 */
#ifndef MINHBACH_BUF_H
#define MINHBACH_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct buf {
	char *data;
	size_t len, cap;
};

/* Ensures room for n more bytes (plus the NUL). */
void buf_grow(struct buf *b, size_t n);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Appends s with & < > " ' replaced by entities. */
void buf_add_html(struct buf *b, const char *s, size_t n);
/* Appends s escaped for XML text and attributes (same set as HTML). */
#define buf_add_xml buf_add_html
/* Appends s percent-encoded for a URL path (keeps / and unreserved). */
void buf_add_urlpath(struct buf *b, const char *s, size_t n);
/* Appends s as a JSON string literal, quotes included. */
void buf_add_json(struct buf *b, const char *s, size_t n);
/* Appends s as one CSV field (quoted when needed, RFC 4180). */
void buf_add_csv(struct buf *b, const char *s, size_t n);
/* Shortens b to len bytes (no-op if it is shorter already). */
void buf_truncate(struct buf *b, size_t len);
void buf_reset(struct buf *b);		/* len = 0, keeps storage */
const char *buf_cstr(const struct buf *b);	/* "" while empty */
/* Copies the contents into the arena (NUL-terminated) and empties b. */
char *buf_keep(struct buf *b, struct arena *a);
void buf_release(struct buf *b);	/* frees storage; b is {0} again */

#endif
