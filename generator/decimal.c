/*
 * Exact decimals (decimal.h): the digits a data file writes, read into a
 * 64-bit integer and a power of ten; sums, comparisons and percentages
 * by integer arithmetic only, every overflow detected; text for data
 * files and, through fmt_decimal(), for readers.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "decimal.h"
#include "fmt.h"
#include "utf8.h"
#include "value.h"

/* Room for 19 digits and a scale of up to 40 decimals. */
#define TEXT_MAX 48

enum decimal_status
decimal_parse(const char *s, size_t n, int max_scale, int64_t max,
    struct decimal *out)
{
	bool neg = false, dot = false;
	int64_t v = 0;
	int d = 0, digits = 0;
	size_t i = 0;

	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		neg = s[i++] == '-';
	for (; i < n; i++) {
		if (s[i] == '.' && !dot && digits > 0) {
			dot = true;
			continue;
		}
		if (!ascii_isdigit(s[i]))
			return DECIMAL_SYNTAX;
		if (dot && ++d > max_scale)
			return DECIMAL_RANGE;
		if (v > max / 10)
			return DECIMAL_RANGE;
		v = v * 10 + (s[i] - '0');
		digits++;
	}
	if (digits == 0 || (dot && d == 0))
		return DECIMAL_SYNTAX;
	if (v > max)
		return DECIMAL_RANGE;
	out->m = neg ? -v : v;
	out->scale = d;
	return DECIMAL_OK;
}

enum decimal_status
decimal_parse_units(const char *s, int scale, int64_t max, int64_t *units,
    int *dec)
{
	struct decimal d;
	enum decimal_status rc = decimal_parse(s, strlen(s), scale, max, &d);
	int64_t v;

	if (rc != DECIMAL_OK)
		return rc;
	*dec = d.scale;
	v = d.m < 0 ? -d.m : d.m;
	for (; d.scale < scale; d.scale++) {
		if (v > max / 10)
			return DECIMAL_RANGE;
		v *= 10;
	}
	*units = d.m < 0 ? -v : v;
	return DECIMAL_OK;
}

bool
decimal_of_value(const struct value *v, struct decimal *d)
{
	if (v == NULL || (v->type != VALUE_INT && v->type != VALUE_NUM) ||
	    v->text == NULL)
		return false;
	return decimal_parse(v->text, v->len, DECIMAL_DIGITS,
	    DECIMAL_DIGITS_MAX, d) == DECIMAL_OK;
}

int
decimal_count(const char *s)
{
	const char *dot = strchr(s, '.');

	return dot ? (int)strlen(dot + 1) : 0;
}

bool
decimal_rescale(struct decimal *d, int scale)
{
	while (d->scale < scale) {
		if (__builtin_mul_overflow(d->m, (int64_t)10, &d->m))
			return false;
		d->scale++;
	}
	return true;
}

bool
decimal_align(struct decimal *a, struct decimal *b)
{
	int s = a->scale > b->scale ? a->scale : b->scale;

	return decimal_rescale(a, s) && decimal_rescale(b, s);
}

bool
decimal_add(struct decimal *sum, struct decimal x)
{
	return decimal_align(sum, &x) &&
	    !__builtin_add_overflow(sum->m, x.m, &sum->m);
}

int
decimal_cmp(struct decimal a, struct decimal b, bool *ok)
{
	*ok = decimal_align(&a, &b);
	return (a.m > b.m) - (a.m < b.m);
}

bool
decimal_is_whole(struct decimal d)
{
	for (; d.scale > 0; d.scale--) {
		if (d.m % 10 != 0)
			return false;
		d.m /= 10;
	}
	return true;
}

struct decimal
decimal_trunc(struct decimal d, int dec)
{
	if (dec < 0)
		dec = 0;
	for (; d.scale > dec; d.scale--)
		d.m /= 10;
	return d;
}

bool
decimal_percent(struct decimal num, struct decimal den, int k,
    struct decimal_pct *out)
{
	uint64_t a, b, q, r;
	int i;

	if (!decimal_align(&num, &den))
		return false;
	a = num.m < 0 ? (uint64_t)0 - (uint64_t)num.m : (uint64_t)num.m;
	b = den.m < 0 ? (uint64_t)0 - (uint64_t)den.m : (uint64_t)den.m;
	if (b == 0 || b > UINT64_MAX / 10)
		return false;
	q = a / b;
	r = a % b;
	/* Long division: two more digits make the percentage. */
	for (i = 0; i < k + 2; i++) {
		if (q > (UINT64_MAX - 9) / 10)
			return false;
		q = q * 10 + (r * 10) / b;
		r = (r * 10) % b;
	}
	if (q > (uint64_t)INT64_MAX)
		return false;
	out->q = q;
	out->r = r;
	out->den = b;
	out->scale = k;
	out->neg = (num.m < 0) != (den.m < 0) && num.m != 0;
	return true;
}

struct decimal
decimal_pct_round(const struct decimal_pct *p)
{
	struct decimal d;

	d.m = (int64_t)(p->q + (2 * p->r >= p->den));
	if (p->neg)
		d.m = -d.m;
	d.scale = p->scale;
	return d;
}

bool
decimal_percent_of(struct decimal num, struct decimal den, int k,
    struct decimal *out)
{
	struct decimal_pct p;

	if (num.m < 0 || den.m <= 0 || !decimal_percent(num, den, k, &p))
		return false;
	*out = decimal_pct_round(&p);
	return true;
}

bool
decimal_pct_agrees(const struct decimal_pct *p, struct decimal stated)
{
	uint64_t s = stated.m < 0 ? (uint64_t)0 - (uint64_t)stated.m :
	    (uint64_t)stated.m;

	if ((stated.m < 0) != p->neg && s != 0)
		return false;
	/* Either rounding of a tie is accepted. */
	return (s == p->q && 2 * p->r <= p->den) ||
	    (s == p->q + 1 && 2 * p->r >= p->den);
}

void
decimal_text(struct buf *b, struct decimal d)
{
	char tmp[TEXT_MAX];
	uint64_t u = d.m < 0 ? (uint64_t)0 - (uint64_t)d.m : (uint64_t)d.m;
	size_t n = 0, scale = d.scale > 0 ? (size_t)d.scale : 0;

	if (scale > TEXT_MAX - 2)
		scale = TEXT_MAX - 2;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (n < sizeof tmp && (u > 0 || n <= scale));
	if (d.m < 0)
		buf_addc(b, '-');
	while (n > 0) {
		buf_addc(b, tmp[--n]);
		if (n == scale && n > 0)
			buf_addc(b, '.');
	}
}

const char *
decimal_str(struct arena *a, struct decimal d)
{
	struct buf b = {0};
	char *s;

	decimal_text(&b, d);
	s = buf_keep(&b, a);
	buf_release(&b);
	return s;
}

void
decimal_format(struct buf *b, struct decimal d, const struct fmt_style *st)
{
	struct buf t = {0};

	decimal_text(&t, d);
	fmt_decimal(b, buf_cstr(&t), st);
	buf_release(&t);
}

const char *
decimal_figure(struct arena *a, struct decimal d, const struct fmt_style *st,
    const char *unit)
{
	struct buf b = {0};
	char *s;

	decimal_format(&b, d, st);
	buf_adds(&b, strcmp(unit, "%") == 0 ? st->percent : unit);
	s = buf_keep(&b, a);
	buf_release(&b);
	return s;
}
