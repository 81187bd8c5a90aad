/*
 * Figures and dates as readers expect them, in a language's style
 * (struct fmt_style, made from the theme's i18n `format:` by
 * site_fmt(), words.h): vi 1.060.000.000; 112,9579; 15/01/2020, en
 * 1,060,000,000; 15 Jan 2020.  Pure functions over text.  What is
 * a date, and day arithmetic, is date.h's.
 */
#ifndef MINHBACH_FMT_H
#define MINHBACH_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* How one language writes figures and dates (strings borrowed). */
struct fmt_style {
	const char *thousands;	/* between groups of three digits: "." */
	const char *decimal;	/* before the decimals: "," */
	/* The date: "{dd}/{mm}/{y}", "{d} {month} {y}"; {d} and {m} the
	 * day and month without a leading zero, {dd} {mm} with one,
	 * {month} the month's name, {y} the year's four digits. */
	const char *date;
	const char *months[12];	/* for {month}; NULL: the month's number */
	const char *percent;	/* after a percentage: "%", fr " %" */
};

/*
 * The fixed style of diagnostics (written before or apart from the
 * theme's words) and of a theme that has no `format:`: the editors'
 * conventions, 1.060.000; 112,9579; 15/01/2020; 94,68%.  Static
 * memory.
 */
const struct fmt_style *fmt_messages(void);

/* Appends the ISO date iso (YYYY-MM-DD) in style st's date pattern.
 * Appends iso unchanged when it is not a date, nothing when NULL. */
void fmt_date(struct buf *b, const char *iso, const struct fmt_style *st);
/* Appends an integer with st's thousands separator. */
void fmt_int(struct buf *b, int64_t v, const struct fmt_style *st);
/*
 * Appends a decimal written in a data file ("112.9579", "-3", "1e3" is
 * refused) with st's thousands separator and decimal mark: vi
 * "112,9579".  Returns false (appending nothing) if text is not a plain
 * decimal.
 */
bool fmt_decimal(struct buf *b, const char *text,
    const struct fmt_style *st);

#endif
