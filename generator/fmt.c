/*
 * Formatting of figures and dates for pages, in a style the theme's
 * i18n gives (site_fmt()).  Money and areas come in as the digits
 * written in the data files and go out with the reader's separators;
 * nothing passes through floating point, so a figure is never rounded.
 */
#include <string.h>

#include "buf.h"
#include "date.h"
#include "fmt.h"
#include "utf8.h"

static const struct fmt_style messages = {".", ",", "{dd}/{mm}/{y}",
    {NULL}, "%"};

const struct fmt_style *
fmt_messages(void)
{
	return &messages;
}

static int
num2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Appends two digits at p, without the leading zero unless pad. */
static void
two(struct buf *b, const char *p, bool pad)
{
	if (pad || p[0] != '0')
		buf_addc(b, p[0]);
	buf_addc(b, p[1]);
}

/*
 * If p opens a placeholder of a date pattern, appends its part of iso
 * and returns the placeholder's length; else returns 0.
 */
static size_t
placeholder(struct buf *b, const char *p, const char *iso,
    const struct fmt_style *st)
{
	const char *name = st->months[num2(iso + 5) - 1];

	if (strncmp(p, "{dd}", 4) == 0 || strncmp(p, "{d}", 3) == 0) {
		two(b, iso + 8, p[2] == 'd');
		return p[2] == 'd' ? 4 : 3;
	}
	if (strncmp(p, "{mm}", 4) == 0 || strncmp(p, "{m}", 3) == 0) {
		two(b, iso + 5, p[2] == 'm');
		return p[2] == 'm' ? 4 : 3;
	}
	if (strncmp(p, "{month}", 7) == 0) {
		if (name != NULL)
			buf_adds(b, name);
		else
			two(b, iso + 5, false);
		return 7;
	}
	if (strncmp(p, "{y}", 3) == 0) {
		buf_add(b, iso, 4);
		return 3;
	}
	return 0;
}

void
fmt_date(struct buf *b, const char *iso, const struct fmt_style *st)
{
	const char *p;
	size_t n;

	if (iso == NULL)
		return;
	if (!date_is_valid(iso, strlen(iso))) {
		buf_adds(b, iso);
		return;
	}
	for (p = st->date; *p != '\0'; p += n)
		if ((n = placeholder(b, p, iso, st)) == 0) {
			buf_addc(b, *p);
			n = 1;
		}
}

/* Appends digits[0..n) grouped by three with sep. */
static void
group(struct buf *b, const char *digits, size_t n, const char *sep)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_adds(b, sep);
		buf_addc(b, digits[i]);
	}
}

void
fmt_int(struct buf *b, int64_t v, const struct fmt_style *st)
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
		group(b, d, n, st->thousands);
	}
}

bool
fmt_decimal(struct buf *b, const char *text, const struct fmt_style *st)
{
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
	group(b, p, ni, st->thousands);
	if (dot != NULL) {
		buf_adds(b, st->decimal);
		buf_adds(b, dot + 1);
	}
	return true;
}
