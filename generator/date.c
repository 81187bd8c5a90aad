/*
 * Dates for every stage (date.h).  In: ISO text, day counts or Unix
 * times.  Out: validity, day counts (Howard Hinnant's civil-day
 * algorithms, exact for the proleptic Gregorian calendar), weekdays and
 * ISO text in the fixed UTC+07:00 of Vietnam.  No floating point, no
 * C library time zone: the build machine's TZ never shows on a page.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "utf8.h"

#define DAY_SECONDS 86400

_Static_assert(19 + sizeof DATE_VN_ZONE == DATE_VN_DATETIME_SIZE,
    "YYYY-MM-DDTHH:MM:SS and the zone fill the date-time buffer");

static int
num2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static bool
leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Writes v (0 <= v < 10^w) as w digits at out. */
static void
digits(char *out, long v, int w)
{
	while (w-- > 0) {
		out[w] = (char)('0' + v % 10);
		v /= 10;
	}
}

int
date_check(const char *s, size_t n)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	size_t i;
	long y;
	int m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !ascii_isdigit((unsigned char)s[i]))
			return 0;
	y = num2(s) * 100 + num2(s + 2);
	m = num2(s + 5);
	d = num2(s + 8);
	/* Year 0000 is 1 BC: a date no record of a public body carries. */
	if (y == 0 || m < 1 || m > 12 || d < 1)
		return -1;
	return d <= mdays[m - 1] + (m == 2 && leap(y)) ? 1 : -1;
}

bool
date_is_valid(const char *s, size_t n)
{
	return date_check(s, n) == 1;
}

long
date_days(const char *iso)
{
	/* Howard Hinnant's days_from_civil. */
	long y = num2(iso) * 100 + num2(iso + 2);
	unsigned m = (unsigned)num2(iso + 5), d = (unsigned)num2(iso + 8);
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

/* Hinnant's civil_from_days: *y, *m, *d of days since 1970-01-01. */
static void
civil(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

/* Writes y-m-d at out[0..11), y clamped to 0000-9999. */
static void
put_iso(char out[DATE_ISO_SIZE], long y, unsigned m, unsigned d)
{
	if (y < 0 || y > 9999)
		y = 0;
	digits(out, y, 4);
	out[4] = '-';
	digits(out + 5, (long)m, 2);
	out[7] = '-';
	digits(out + 8, (long)d, 2);
	out[10] = '\0';
}

void
date_iso(long days, char out[DATE_ISO_SIZE])
{
	long y;
	unsigned m, d;

	civil(days, &y, &m, &d);
	put_iso(out, y, m, d);
}

int
date_year(long days)
{
	long y;
	unsigned m, d;

	civil(days, &y, &m, &d);
	return (int)y;
}

int
date_weekday(long days)
{
	/* % truncates toward zero: +7 brings days before 1970 back. */
	return (int)((days % 7 + 7 + 3) % 7);
}

void
date_add_years(const char *iso, int n, char out[DATE_ISO_SIZE])
{
	long y = num2(iso) * 100 + num2(iso + 2) + n;
	unsigned m = (unsigned)num2(iso + 5), d = (unsigned)num2(iso + 8);

	if (y < 0)
		y = 0;
	if (m == 2 && d == 29 && !leap(y))
		d = 28;
	put_iso(out, y, m, d);
}

/* Floors t + DATE_VN_OFFSET into a day and *sec seconds into it. */
static long
split_vn(int64_t t, long *sec)
{
	/* Split first: t + offset could overflow near INT64_MAX. */
	int64_t days = t / DAY_SECONDS, s = t % DAY_SECONDS;

	if (s < 0) {		/* C division truncates; we want floor */
		s += DAY_SECONDS;
		days--;
	}
	s += DATE_VN_OFFSET;
	if (s >= DAY_SECONDS) {
		s -= DAY_SECONDS;
		days++;
	}
	*sec = (long)s;
	return (long)days;
}

long
date_days_vn(int64_t t)
{
	long sec;

	return split_vn(t, &sec);
}

void
date_vn_iso(int64_t t, char out[DATE_ISO_SIZE])
{
	date_iso(date_days_vn(t), out);
}

void
date_vn_datetime(int64_t t, char out[DATE_VN_DATETIME_SIZE])
{
	long sec, day = split_vn(t, &sec);

	date_iso(day, out);
	out[10] = 'T';
	digits(out + 11, sec / 3600, 2);
	out[13] = ':';
	digits(out + 14, sec / 60 % 60, 2);
	out[16] = ':';
	digits(out + 17, sec % 60, 2);
	memcpy(out + 19, DATE_VN_ZONE, sizeof DATE_VN_ZONE);	/* and NUL */
}
