/*
 * Figures and dates as readers expect them: Vietnamese conventions
 * (1.060.000.000; 112,9579; 94,68%; 15/01/2020) or English ones
 * (1,060,000,000; 15 January 2020).  Pure functions over text.  What
 * is a date, and day arithmetic, is date.h's.
 */
#ifndef MINHBACH_FMT_H
#define MINHBACH_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* Appends the ISO date iso (YYYY-MM-DD) for lang: vi 15/01/2020, en
 * 15 January 2020.  Appends iso unchanged when it is not a date. */
void fmt_date(struct buf *b, const char *iso, const char *lang);
/* Appends an integer with thousands separators ('.' for vi, ',' else). */
void fmt_int(struct buf *b, int64_t v, const char *lang);
/*
 * Appends a decimal written in a data file ("112.9579", "-3", "1e3" is
 * refused) with thousands separators and the language's decimal mark:
 * vi "112,9579".  Returns false (appending nothing) if text is not a
 * plain decimal.
 */
bool fmt_decimal(struct buf *b, const char *text, const char *lang);

#endif
