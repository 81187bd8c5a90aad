/*
 * Text helpers for content bytes: UTF-8 validation with a position,
 * code-point columns, ASCII classes (never <ctype.h> on content bytes),
 * Vietnamese-aware slugs (utf8proc) and the edit distance behind
 * "did you mean" hints.
 */
#ifndef MINHBACH_UTF8_H
#define MINHBACH_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

static inline bool ascii_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline bool ascii_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline bool ascii_isalnum(int c)
{
	return ascii_isalpha(c) || ascii_isdigit(c);
}
static inline bool ascii_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}
static inline int ascii_tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/*
 * True unless b is a continuation byte (10xxxxxx): true for the bytes
 * that start a code point, or start nothing valid.  Counting them is how
 * columns and utf8_count() count code points, for any input.
 */
static inline bool utf8_is_lead(int b) { return (b & 0xC0) != 0x80; }

/* What utf8_decode() gives for a byte that starts no sequence. */
#define UTF8_REPLACEMENT 0xFFFDu

/* How strict utf8_decode() is about which sequences it decodes. */
enum utf8_decoding {
	/*
	 * Unicode's well-formed sequences only (Table 3-7, as in
	 * utf8_validate()), but NUL is decoded as U+0000: overlongs,
	 * UTF-16 surrogates, code points beyond U+10FFFF, stray
	 * continuation bytes and truncated sequences are replaced.
	 */
	UTF8_STRICT,
	/*
	 * The length from the lead byte alone (C0-DF two bytes, E0-EF
	 * three, F0-FF four) and the continuation bytes checked: overlongs,
	 * surrogates and values beyond U+10FFFF are decoded as they come.
	 * Only stray continuation bytes and truncated sequences are
	 * replaced.
	 */
	UTF8_LOOSE,
};

/*
 * Decodes the code point that starts s[0..n) into *cp and returns its
 * length in bytes (1-4).  A byte that starts no sequence by mode gives
 * *cp = UTF8_REPLACEMENT and length 1, so that the caller goes on at the
 * next byte (as browsers do).  Returns 0 with *cp = UTF8_REPLACEMENT
 * when n is 0.  Pure.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp,
    enum utf8_decoding mode);

/*
 * Returns true when s[0..n) is valid UTF-8 with no NUL byte.  Otherwise
 * returns false and sets *line and *col (1-based, columns in code
 * points) to the first offending byte, and *why to a short reason.
 */
bool utf8_validate(const char *s, size_t n, unsigned *line, unsigned *col,
    const char **why);
/*
 * True if cp is a control character that text must not hold: C0 other
 * than TAB, LF and CR, DEL (U+007F), C1 (U+0080-U+009F).  They are
 * invisible, and not even allowed in XML 1.0 (the feeds, the sitemap).
 */
static inline bool
utf8_is_refused_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
	    (cp >= 0x7F && cp <= 0x9F);
}
/*
 * Returns true when valid UTF-8 s[0..n) holds no refused control
 * character.  Otherwise returns false and sets *line and *col (1-based,
 * columns in code points) to the first one and *cp to it.
 */
bool utf8_find_control(const char *s, size_t n, unsigned *line, unsigned *col,
    uint32_t *cp);
/*
 * Normalises valid UTF-8 s[0..n) (no NUL) to NFC.  Returns NULL if it is
 * NFC already; else a malloc'd NUL-terminated copy in NFC, its length in
 * *outlen, and in *line and *col the first place that changed (in s).
 */
char *utf8_nfc(const char *s, size_t n, size_t *outlen, unsigned *line,
    unsigned *col);
/*
 * A quick check of a file's text, in one pass: true when s[0..n) is
 * certainly valid UTF-8 that utf8_validate() and utf8_find_control()
 * accept and utf8_nfc() leaves unchanged, with *eth set to whether it
 * holds Ð (U+00D0) or ð (U+00F0).  It knows only ASCII, U+00A0-U+02FF,
 * U+1E00-U+1EFF and U+2002-U+20CF (Vietnamese text): false means "ask
 * those three", not that the text is bad; *eth is then unchanged.
 */
bool utf8_quick_check(const char *s, size_t n, bool *eth);
/* Returns the number of code points in s[0..n) (valid UTF-8 assumed). */
size_t utf8_count(const char *s, size_t n);
/*
 * Returns the slug of s[0..n): NFKD-decomposed, marks dropped, đ/Đ → d,
 * lower-case ASCII letters and digits, every other run → one '-', no
 * leading or trailing '-'.  "Hội nghị Cán bộ" → "hoi-nghi-can-bo".  NFC
 * and NFD input give the same slug.  May return "" (arena memory).
 */
char *utf8_slugify(struct arena *a, const char *s, size_t n);
/* Returns true if s is a non-empty slug: [a-z0-9] runs joined by '-'. */
bool utf8_is_slug(const char *s);
/* Returns the Levenshtein distance of two short strings (bytes). */
size_t utf8_distance(const char *a, const char *b);
/*
 * Returns the nearest of names[0..n) to key (by utf8_distance), or NULL
 * when none is near enough to be a typo of it: the distance must be
 * below key's length and at most 2 or a third of that length.  An equal
 * name is returned as itself.  Borrowed from names; no allocation.
 */
const char *utf8_nearest(const char *key, const char *const *names,
    size_t n);
/*
 * A memo of utf8_nearest(): 100,000 records with the same unknown key
 * ask the same question of the same names.  Lives in arena a; safe to
 * use from several threads (a mutex).  utf8_nearest_memo() returns what
 * utf8_nearest(key, names, n) returns; a result is kept by key's text
 * and by names' address and n, so names[0..n) must not change while
 * the memo lives (a schema's field names; they are arena memory of the
 * same build).  Past UTF8_MEMO_MAX keys it computes without keeping.
 */
#define UTF8_MEMO_MAX 1024
struct utf8_memo;
struct utf8_memo *utf8_memo_new(struct arena *a);
const char *utf8_nearest_memo(struct utf8_memo *m, const char *key,
    const char *const *names, size_t n);
/*
 * True if w is one of the words of list, a space-separated string such
 * as "du_toan quyet_toan" (NULL: no words).
 */
bool utf8_has_word(const char *list, const char *w);

#endif
