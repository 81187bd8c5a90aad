/*
 * Formatting of figures and dates for pages.  Money and areas come in as
 * the digits written in the data files and go out with the reader's
 * separators; nothing passes through floating point, so a figure is
 * never rounded on its way to the page.
 */
#include <string.h>

#include "buf.h"
#include "fmt.h"
#include "utf8.h"

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

bool
fmt_is_date(const char *s, size_t n)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	size_t i;
	long y;
	int m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !ascii_isdigit(s[i]))
			return false;
	y = num2(s) * 100 + num2(s + 2);
	m = num2(s + 5);
	d = num2(s + 8);
	if (m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

void
fmt_date(struct buf *b, const char *iso, const char *lang)
{
	static const char *const months[] = {"January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December"};

	if (iso == NULL)
		return;
	if (!fmt_is_date(iso, strlen(iso))) {
		buf_adds(b, iso);
		return;
	}
	if (strcmp(lang, "vi") == 0) {
		buf_add(b, iso + 8, 2);
		buf_addc(b, '/');
		buf_add(b, iso + 5, 2);
		buf_addc(b, '/');
		buf_add(b, iso, 4);
	} else {
		buf_addf(b, "%d %s %.4s", num2(iso + 8),
		    months[num2(iso + 5) - 1], iso);
	}
}

/* Appends digits[0..n) grouped by three with sep. */
static void
group(struct buf *b, const char *digits, size_t n, char sep)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_addc(b, sep);
		buf_addc(b, digits[i]);
	}
}

void
fmt_int(struct buf *b, int64_t v, const char *lang)
{
	char tmp[24];
	uint64_t u;
	size_t n = 0;

	if (v < 0) {
		buf_addc(b, '-');
		u = (uint64_t)0 - (uint64_t)v;
	} else {
		u = (uint64_t)v;
	}
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	{
		char d[24];
		size_t i;

		for (i = 0; i < n; i++)
			d[i] = tmp[n - 1 - i];
		group(b, d, n, strcmp(lang, "vi") == 0 ? '.' : ',');
	}
}

bool
fmt_decimal(struct buf *b, const char *text, const char *lang)
{
	bool vi = strcmp(lang, "vi") == 0;
	const char *p = text, *dot;
	size_t ni, i;

	if (*p == '-' || *p == '+')
		p++;
	dot = strchr(p, '.');
	ni = dot ? (size_t)(dot - p) : strlen(p);
	if (ni == 0)
		return false;
	for (i = 0; i < ni; i++)
		if (!ascii_isdigit(p[i]))
			return false;
	if (dot != NULL) {
		if (dot[1] == '\0')
			return false;
		for (i = 1; dot[i]; i++)
			if (!ascii_isdigit(dot[i]))
				return false;
	}
	if (text[0] == '-')
		buf_addc(b, '-');
	group(b, p, ni, vi ? '.' : ',');
	if (dot != NULL) {
		buf_addc(b, vi ? ',' : '.');
		buf_adds(b, dot + 1);
	}
	return true;
}

long
fmt_days(const char *iso)
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

void
fmt_iso_from_days(long z, char out[11])
{
	long era, y;
	unsigned doe, yoe, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	if (y < 0 || y > 9999)
		y = 0;
	/* Each field is clamped above, so the output always fits. */
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}
