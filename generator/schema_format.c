/*
 * Validate stage, format half of schema.c.  In: the text of one scalar
 * (bytes and length, not NUL-terminated).  Out: whether it has the shape
 * a schema format asks for (datetime, slug, url, email, phone,
 * tax code, Vietnamese document number); schema.c turns no into errors.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "schema_format.h"
#include "utf8.h"

static bool
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!ascii_isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

static unsigned
num(const char *s, size_t n)
{
	unsigned x = 0;

	while (n-- > 0)
		x = x * 10 + (unsigned)(*s++ - '0');
	return x;
}

/* YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+HH:MM|-HH:MM] */
bool
schema_is_datetime(const char *s, size_t n)
{
	size_t i = 16;

	if (n < 16 || !date_is_valid(s, 10) || s[10] != 'T' ||
	    s[13] != ':' || !digits(s + 11, 2) || !digits(s + 14, 2) ||
	    num(s + 11, 2) > 23 || num(s + 14, 2) > 59)
		return false;
	if (i < n && s[i] == ':') {
		if (n < i + 3 || !digits(s + i + 1, 2) ||
		    num(s + i + 1, 2) > 60)
			return false;
		i += 3;
		if (i < n && s[i] == '.') {
			for (i++; i < n && ascii_isdigit((unsigned char)s[i]);)
				i++;
			if (!ascii_isdigit((unsigned char)s[i - 1]))
				return false;
		}
	}
	if (i == n || (s[i] == 'Z' && i + 1 == n))
		return true;
	return (s[i] == '+' || s[i] == '-') && n == i + 6 &&
	    s[i + 3] == ':' && digits(s + i + 1, 2) && digits(s + i + 4, 2) &&
	    num(s + i + 1, 2) <= 14 && num(s + i + 4, 2) <= 59;
}

bool
schema_is_slug(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '-' ? i == 0 || i + 1 == n || s[i - 1] == '-' :
		    !((s[i] >= 'a' && s[i] <= 'z') ||
		    ascii_isdigit((unsigned char)s[i])))
			return false;
	return n > 0;
}

static bool
prefix(const char *s, size_t n, const char *p)
{
	size_t i, m = strlen(p);

	if (n < m)
		return false;
	for (i = 0; i < m; i++)
		if (ascii_tolower((unsigned char)s[i]) != p[i])
			return false;
	return true;
}

bool
schema_is_url(const char *s, size_t n)
{
	size_t i, skip;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == '"' || s[i] == '<' ||
		    s[i] == '>' || s[i] == '\\' || s[i] == '`' || s[i] == 0x7F)
			return false;
	if (prefix(s, n, "https://") || prefix(s, n, "http://"))
		skip = s[4] == ':' ? 7 : 8;
	else if (prefix(s, n, "mailto:") || prefix(s, n, "tel:"))
		return n > (s[0] == 't' || s[0] == 'T' ? 4u : 7u);
	else	/* site-relative; "//host" would leave the site */
		return n > 0 && s[0] == '/' && (n == 1 || s[1] != '/');
	return n > skip && s[skip] != '/';
}

bool
schema_is_email(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n), *d;
	size_t i, m, label = 0;

	if (at == NULL || at == s || memchr(at + 1, '@', n - (size_t)(at -
	    s) - 1) != NULL)
		return false;
	for (i = 0; s + i < at; i++)
		if (!ascii_isalnum((unsigned char)s[i]) &&
		    strchr(".!#$%&'*+/=?^_{|}~-", s[i]) == NULL)
			return false;
	d = at + 1;
	m = n - (size_t)(d - s);
	for (i = 0; i <= m; i++) {
		if (i == m || d[i] == '.') {
			if (label == 0 || d[i - 1] == '-' ||
			    d[i - label] == '-')
				return false;
			label = 0;
		} else if (ascii_isalnum((unsigned char)d[i]) || d[i] == '-') {
			label++;
		} else {
			return false;
		}
	}
	return memchr(d, '.', m) != NULL;
}

bool
schema_is_phone(const char *s, size_t n)
{
	size_t i, nd = 0;

	for (i = 0; i < n; i++) {
		if (ascii_isdigit((unsigned char)s[i]))
			nd++;
		else if (!(s[i] == '+' && i == 0) &&
		    strchr(" .-()", s[i]) == NULL)
			return false;
	}
	return nd >= 8 && nd <= 15;
}

bool
schema_is_taxcode(const char *s, size_t n)
{
	return (n == 10 && digits(s, 10)) ||
	    (n == 14 && digits(s, 10) && s[10] == '-' && digits(s + 11, 3));
}

/* Latin letters of Vietnamese (precomposed), Đ and đ included. */
static bool
viet_letter(unsigned long c)
{
	if (c < 0x80)
		return ascii_isalpha((int)c);
	if (c >= 0xC0 && c <= 0xFF)
		return c != 0xD0 && c != 0xD7 && c != 0xF0 && c != 0xF7;
	return c == 0x102 || c == 0x103 || c == 0x110 || c == 0x111 ||
	    c == 0x128 || c == 0x129 || c == 0x168 || c == 0x169 ||
	    c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0 ||
	    (c >= 0x1EA0 && c <= 0x1EF9);
}

/* Vietnamese capitals: A-Z, À-Þ but Ð and ×, Ă, Đ, Ĩ, Ũ, Ơ, Ư, Ạ-Ỹ. */
static bool
viet_upper(unsigned long c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0x1EA0 && c <= 0x1EF9)
		return c % 2 == 0;
	return (c >= 0xC0 && c <= 0xDE && c != 0xD0 && c != 0xD7) ||
	    c == 0x102 || c == 0x110 || c == 0x128 || c == 0x168 ||
	    c == 0x1A0 || c == 0x1AF;
}

/*
 * A Vietnamese document number: digits, '/', an optional 4-digit year
 * and '/', then a symbol of parts led by a capital, joined by '-'
 * (130/2019/NQ-HĐND, 83/2015/QH13, 1293/TTg-CN, 01/QĐ-CKNS).
 */
bool
schema_is_docnumber(const char *s, size_t n)
{
	size_t i = 0, part = 0;
	uint32_t c;

	while (i < n && ascii_isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i == n || s[i++] != '/')
		return false;
	if (n - i > 5 && digits(s + i, 4) && s[i + 4] == '/')
		i += 5;
	if (i == n)
		return false;
	while (i < n) {
		i += utf8_decode(s + i, n - i, &c, UTF8_LOOSE);
		if (c == '-') {
			if (part == 0 || i == n)
				return false;
			part = 0;
		} else if (part == 0 ? viet_upper(c) : viet_letter(c) ||
		    (c < 0x80 && ascii_isdigit((int)c))) {
			part++;
		} else {
			return false;
		}
	}
	return true;
}

/*
 * The first look-alike of Đ/đ in s[0..n): Ð (U+00D0, Icelandic eth) or
 * ð (U+00F0), which keyboards and OCR put in "NQ-HĐND"; 0 when none.
 */
unsigned long
schema_docnumber_lookalike(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t ch;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &ch, UTF8_LOOSE);
		if (ch == 0xD0 || ch == 0xF0)
			return ch;
	}
	return 0;
}
