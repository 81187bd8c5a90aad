/*
 * Private to schema.c and schema_format.c: the format predicates behind
 * the schema types datetime, slug, url, email, phone, taxcode and
 * docnumber.  Each takes s[0..n) (no NUL needed), reads only, keeps
 * nothing and allocates nothing.
 */
#ifndef MINHBACH_SCHEMA_FORMAT_H
#define MINHBACH_SCHEMA_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

/* A real date, 'T', HH:MM[:SS[.fff]], then nothing, Z, or +HH:MM/-HH:MM. */
bool schema_is_datetime(const char *s, size_t n);
/* a-z, 0-9 and single '-' between them ("hoi-nghi-can-bo"). */
bool schema_is_slug(const char *s, size_t n);
/*
 * https:// or http:// and a host, mailto: or tel: and something, or a
 * site path "/..." (not "//host"); no spaces, quotes, <, >, \ or `.
 */
bool schema_is_url(const char *s, size_t n);
/* local@domain: ASCII, one '@', dotted labels not led or ended by '-'. */
bool schema_is_email(const char *s, size_t n);
/* 8 to 15 digits; spaces . - ( ) between them, '+' only first. */
bool schema_is_phone(const char *s, size_t n);
/* 10 digits, or 10 digits, '-' and 3 digits. */
bool schema_is_taxcode(const char *s, size_t n);
/*
 * A Vietnamese document number: digits, '/', an optional year and '/',
 * then '-'-joined parts led by a capital (130/2019/NQ-HĐND).
 */
bool schema_is_docnumber(const char *s, size_t n);
/* U+00D0 (Ð) or U+00F0 (ð) when s holds one, the first found; else 0. */
unsigned long schema_docnumber_lookalike(const char *s, size_t n);

#endif
