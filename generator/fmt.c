/*
 * Formatting of figures and dates for pages.  Money and areas come in as
 * the digits written in the data files and go out with the reader's
 * separators; nothing passes through floating point, so a figure is
 * never rounded on its way to the page.
 */
#include <string.h>

#include "buf.h"
#include "date.h"
#include "fmt.h"
#include "utf8.h"

static int
num2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

void
fmt_date(struct buf *b, const char *iso, const char *lang)
{
	static const char *const months[] = {"January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December"};

	if (iso == NULL)
		return;
	if (!date_is_valid(iso, strlen(iso))) {
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
