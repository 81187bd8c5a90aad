/*
 * Exact decimals: a figure as a data file writes it ("112.9579", "-3",
 * "1060000000.5") held as an integer and a power of ten, never as a
 * binary fraction.  Parsing from the YAML text, scale alignment, sums,
 * comparison, percentages with their rounding, and text for data files
 * ('.' decimal mark) or readers (fmt.h's separators).  The one decimal
 * engine of the generator: budget tables and zone, call and plan records
 * both use it.  Pure functions; nothing here reports errors itself.
 */
#ifndef MINHBACH_DECIMAL_H
#define MINHBACH_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct buf;
struct fmt_style;
struct value;

/* A decimal: m / 10^scale, exactly; scale >= 0. */
struct decimal {
	int64_t m;
	int scale;
};

/*
 * The limits of a budget amount: beyond 10^17 units of 10^-scale, or
 * with more than 6 decimals, an amount is refused (sums of such amounts
 * and their percentages then stay inside 64 bits).
 */
#define DECIMAL_AMOUNT_MAX 100000000000000000LL
#define DECIMAL_SCALE_MAX 6
/* The limits of a record's figure (decimal_of_value): 18 digits. */
#define DECIMAL_DIGITS_MAX 999999999999999999LL
#define DECIMAL_DIGITS 18

/* What decimal_parse() found. */
enum decimal_status {
	DECIMAL_OK = 0,
	DECIMAL_SYNTAX = -1,	/* not [-+]digits[.digits] */
	DECIMAL_RANGE = -2	/* too many decimals, or too large */
};

/*
 * Reads s[0..n), written [-+]digits[.digits], into *out at the scale
 * written ("1.50" is {150, 2}).  Left to right, the first fault decides:
 * DECIMAL_RANGE as soon as it has more than max_scale decimals or its
 * digits exceed max (in units of the last digit read), DECIMAL_SYNTAX at
 * any other character ("1e3", ".5", "5.", "1_000").  *out is set only on
 * DECIMAL_OK.  max must not exceed INT64_MAX - 9.
 */
enum decimal_status decimal_parse(const char *s, size_t n, int max_scale,
    int64_t max, struct decimal *out);
/*
 * Reads s as an amount in units of 10^-scale: *units the integer, *dec
 * the decimals written.  DECIMAL_RANGE with more than scale decimals or
 * beyond max units (budget: DECIMAL_AMOUNT_MAX).
 */
enum decimal_status decimal_parse_units(const char *s, int scale,
    int64_t max, int64_t *units, int *dec);
/*
 * The figure of an INT or NUM node written as a plain decimal of at most
 * 18 digits (DECIMAL_DIGITS_MAX) into *d: true.  False for anything else
 * (1e3, strings, NULL, overflow): the caller then skips its check.
 */
bool decimal_of_value(const struct value *v, struct decimal *d);
/* The decimals written in s ("1.500" 3; 0 when none or not a number). */
int decimal_count(const char *s);

/* Raises d to scale (not lower); false on overflow (d then undefined). */
bool decimal_rescale(struct decimal *d, int scale);
/* Brings a and b to the larger of their scales; false on overflow. */
bool decimal_align(struct decimal *a, struct decimal *b);
/* *sum += x exactly, at the larger scale; false on overflow. */
bool decimal_add(struct decimal *sum, struct decimal x);
/* -1, 0, 1 as a < b, a == b, a > b; *ok false when out of range. */
int decimal_cmp(struct decimal a, struct decimal b, bool *ok);
/* True when d has no fraction ("12.00" yes, "12.5" no). */
bool decimal_is_whole(struct decimal d);
/* d with its first dec decimals only (0 <= dec <= d.scale): the digits
 * dropped, toward zero, are expected to be 0s. */
struct decimal decimal_trunc(struct decimal d, int dec);

/*
 * A percentage 100 * num / den to `scale` decimals, exactly: q the
 * truncated quotient in units of 10^-scale and r the remainder over den,
 * both of the absolute values, neg its sign (false for 0).
 */
struct decimal_pct {
	uint64_t q, r, den;
	int scale;
	bool neg;
};
/*
 * Computes *out for num / den (aligned first, any signs) to k decimals.
 * False when den is 0 or the scales or the quotient do not fit.
 */
bool decimal_percent(struct decimal num, struct decimal den, int k,
    struct decimal_pct *out);
/* The percentage rounded half away from zero (94.675 -> 94.68). */
struct decimal decimal_pct_round(const struct decimal_pct *p);
/*
 * 100 * num / den rounded half away from zero to k decimals into *out,
 * for num >= 0 and den > 0 (a share, an occupancy): false otherwise or
 * when it does not fit.
 */
bool decimal_percent_of(struct decimal num, struct decimal den, int k,
    struct decimal *out);
/*
 * True when stated is a rounding of p to its decimals (p computed with
 * k = stated.scale): either rounding of a tie is accepted, so for
 * 100 * 1 / 8 = 12.5, both 12 and 13 agree at 0 decimals.
 */
bool decimal_pct_agrees(const struct decimal_pct *p, struct decimal stated);

/* Appends d as a data file writes it: "94.68", "-3", "0.05". */
void decimal_text(struct buf *b, struct decimal d);
/* decimal_text() in arena a. */
const char *decimal_str(struct arena *a, struct decimal d);
/*
 * Appends d for readers in style st with fmt_decimal(): vi
 * "1.060.000,5", en "1,060,000.5".
 */
void decimal_format(struct buf *b, struct decimal d,
    const struct fmt_style *st);
/* decimal_format() in arena a, with unit appended ("112,9579 ha"; unit
 * may be ""; "%" is written as st's percent: fr "94,68 %"). */
const char *decimal_figure(struct arena *a, struct decimal d,
    const struct fmt_style *st, const char *unit);

#endif
