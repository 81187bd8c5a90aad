/*
 * fmt: dates, integers and decimals in a language's style (the vi and
 * en styles of the default theme's i18n, a made-up one that proves
 * nothing is fixed in C), the messages' style, and site_fmt()'s style
 * from the i18n with its fallback.  What is a date: check_date.c.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "decimal.h"
#include "diag.h"
#include "fmt.h"
#include "site.h"
#include "value.h"
#include "words.h"

Suite *fmt_suite(void);

/* As themes/default/i18n/{vi,en}.yaml's `format:` write them. */
static const struct fmt_style vi_ = {".", ",", "{dd}/{mm}/{y}", {NULL},
    "%"};
static const struct fmt_style en_ = {",", ".", "{d} {month} {y}",
    {"January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"}, "%"};
#define VI (&vi_)
#define EN (&en_)

#define DATE(iso, lang, want)                           \
	do {                                            \
		struct buf b_ = {0};                    \
		fmt_date(&b_, (iso), (lang));           \
		ck_assert_str_eq(buf_cstr(&b_), (want)); \
		buf_release(&b_);                       \
	} while (0)

START_TEST(test_fmt_date)
{
	DATE("2020-01-15", VI, "15/01/2020");
	DATE("2020-03-05", VI, "05/03/2020");
	DATE("1999-12-31", VI, "31/12/1999");
	DATE("2020-01-15", EN, "15 January 2020");
	DATE("2020-03-05", EN, "5 March 2020");
	DATE("2021-02-01", EN, "1 February 2021");
	DATE("2021-12-31", EN, "31 December 2021");
	/* Not a date: appended as it is. */
	DATE("2019-02-29", VI, "2019-02-29");
	DATE("quý 3/2020", EN, "quý 3/2020");
	DATE("", VI, "");
	{
		struct buf b = {0};

		buf_adds(&b, "on ");
		fmt_date(&b, NULL, VI);	/* nothing */
		fmt_date(&b, "2020-07-04", VI);
		ck_assert_str_eq(buf_cstr(&b), "on 04/07/2020");
		buf_release(&b);
	}
}
END_TEST

#define INT(v, lang, want)                              \
	do {                                            \
		struct buf b_ = {0};                    \
		fmt_int(&b_, (v), (lang));              \
		ck_assert_str_eq(buf_cstr(&b_), (want)); \
		buf_release(&b_);                       \
	} while (0)

START_TEST(test_fmt_int)
{
	INT(0, VI, "0");
	INT(7, VI, "7");
	INT(999, VI, "999");
	INT(1000, VI, "1.000");
	INT(12345, VI, "12.345");
	INT(123456, VI, "123.456");
	INT(1060000000, VI, "1.060.000.000");
	INT(1060000000, EN, "1,060,000,000");
	INT(1000, EN, "1,000");
	INT(-1, VI, "-1");
	INT(-999, EN, "-999");
	INT(-1000, VI, "-1.000");
	INT(-1234567, EN, "-1,234,567");
	INT(INT64_MAX, VI, "9.223.372.036.854.775.807");
	INT(INT64_MIN, VI, "-9.223.372.036.854.775.808");
	INT(INT64_MIN, EN, "-9,223,372,036,854,775,808");
}
END_TEST

#define DEC(text, lang, want)                                   \
	do {                                                    \
		struct buf b_ = {0};                            \
		ck_assert(fmt_decimal(&b_, (text), (lang)));    \
		ck_assert_str_eq(buf_cstr(&b_), (want));        \
		buf_release(&b_);                               \
	} while (0)

#define NODEC(text)                                             \
	do {                                                    \
		struct buf b_ = {0};                            \
		buf_adds(&b_, "k");                             \
		ck_assert_msg(!fmt_decimal(&b_, (text), VI),  \
		    "'%s' accepted", (text));                   \
		ck_assert_str_eq(buf_cstr(&b_), "k");           \
		buf_release(&b_);                               \
	} while (0)

START_TEST(test_fmt_decimal)
{
	DEC("112.9579", VI, "112,9579");
	DEC("112.9579", EN, "112.9579");
	DEC("1060000000", VI, "1.060.000.000");
	DEC("1060000000", EN, "1,060,000,000");
	DEC("1234567.891", VI, "1.234.567,891");
	DEC("1234567.891", EN, "1,234,567.891");
	DEC("-3", VI, "-3");
	DEC("-1234.5", VI, "-1.234,5");
	DEC("+1234", VI, "1.234");
	DEC("0.000", VI, "0,000");
	DEC("94.68", VI, "94,68");
	DEC("100", VI, "100");
	/* Digits are kept as written: no rounding, no float. */
	DEC("0.10000000000000000555", VI, "0,10000000000000000555");
	DEC("12345678901234567890123", EN,
	    "12,345,678,901,234,567,890,123");
}
END_TEST

START_TEST(test_fmt_decimal_refused)
{
	NODEC("1e3");
	NODEC("");
	NODEC("-");
	NODEC("+");
	NODEC(".5");
	NODEC("5.");
	NODEC("1.2.3");
	NODEC("1,5");
	NODEC("1.060.000");
	NODEC(" 1");
	NODEC("1 ");
	NODEC("abc");
	NODEC("--5");
	NODEC("0x10");
	NODEC("NaN");
	NODEC("-.5");
}
END_TEST

/* A style no language has: every mark comes from the style. */
static const struct fmt_style odd_ = {"\xe2\x80\xaf", "\xc2\xb7",
    "{y}|{m}|{mm}|{d}|{dd}|{month}|{x}{", {"M1", "M2", "M3", "M4", "M5",
    "M6", "M7", "M8", "M9", "M10", "M11", "Mười hai"}, " pct"};

START_TEST(test_fmt_style)
{
	const struct fmt_style nameless = {" ", ",", "{d} {month} {y}",
	    {NULL}, "%"};
	const struct fmt_style *m = fmt_messages();

	DATE("2020-03-05", &odd_, "2020|3|03|5|05|M3|{x}{");
	DATE("2021-12-31", &odd_, "2021|12|12|31|31|Mười hai|{x}{");
	DATE("2019-02-29", &odd_, "2019-02-29");	/* not a date */
	/* No month names: the month's number. */
	DATE("2020-01-15", &nameless, "15 1 2020");
	INT(1060000000, &odd_, "1\xe2\x80\xaf" "060\xe2\x80\xaf" "000"
	    "\xe2\x80\xaf" "000");
	INT(-1000, &nameless, "-1 000");
	DEC("1234567.891", &odd_, "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567"
	    "\xc2\xb7" "891");
	DEC("-0.5", &nameless, "-0,5");
	/* The messages' style: the editors' conventions. */
	ck_assert_str_eq(m->thousands, ".");
	ck_assert_str_eq(m->decimal, ",");
	ck_assert_str_eq(m->percent, "%");
	DATE("2020-07-04", m, "04/07/2020");
	DEC("1060000000.5", m, "1.060.000.000,5");
}
END_TEST

/* Globals {t: {format: …}} from YAML (NULL: no `format:` at all). */
static struct value *
globals(struct arena *a, const char *yaml)
{
	struct diags *d = diags_new(a);
	struct value *g = value_map(a), *t = NULL;

	if (yaml == NULL)
		t = value_map(a);
	else
		ck_assert_int_eq(value_parse_yaml(a, d, "i18n.yaml", yaml,
		    strlen(yaml), 1, &t), 0);
	value_map_set(a, g, "t", t);
	return g;
}

START_TEST(test_site_fmt)
{
	struct arena *a = arena_new();
	struct site s;
	const struct fmt_style *vi, *en, *fr, *xx;
	const char *const *miss;
	size_t n;
	struct buf b = {0};

	memset(&s, 0, sizeof s);
	s.arena = a;
	s.langs[0] = "vi";
	s.langs[1] = "en";
	s.langs[2] = "fr";
	s.nlangs = 3;
	s.globals[0] = globals(a, "format: {thousands: '.', decimal: ',', "
	    "percent: '%', "
	    "date: '{dd}/{mm}/{y}', months: {jan: tháng 1, feb: tháng 2, "
	    "mar: tháng 3, apr: tháng 4, may: tháng 5, jun: tháng 6, "
	    "jul: tháng 7, aug: tháng 8, sep: tháng 9, oct: tháng 10, "
	    "nov: tháng 11, dec: tháng 12}}\n");
	s.globals[1] = globals(a, "format: {thousands: ',', decimal: '.', "
	    "percent: '%', "
	    "date: '{d} {month} {y}', months: {jan: January, feb: February, "
	    "mar: March, apr: April, may: May, jun: June, jul: July, "
	    "aug: August, sep: September, oct: October, nov: November, "
	    "dec: December}}\n");
	/* fr: its own mark and pattern; the rest from the first language,
	 * each gap recorded. */
	s.globals[2] = globals(a, "format: {thousands: \"\\u202F\", "
	    "percent: \"\\u202F%\", date: '{d} {month} {y}', "
	    "months: {jan: janvier}}\n");
	vi = site_fmt(&s, "vi");
	en = site_fmt(&s, "en");
	ck_assert_ptr_eq(site_fmt(&s, "vi"), vi);	/* made once */
	ck_assert_ptr_null(words_missing(&s, &n));
	ck_assert_uint_eq(n, 0);
	fmt_date(&b, "2020-01-15", vi);
	buf_adds(&b, " ");
	fmt_date(&b, "2020-01-15", en);
	buf_adds(&b, " ");
	fmt_decimal(&b, "1060000000.5", vi);
	buf_adds(&b, " ");
	fmt_decimal(&b, "1060000000.5", en);
	ck_assert_str_eq(buf_cstr(&b), "15/01/2020 15 January 2020 "
	    "1.060.000.000,5 1,060,000,000.5");
	/* vi's pattern has no {month}: its names are not asked for. */
	ck_assert_ptr_null(vi->months[0]);
	fr = site_fmt(&s, "fr");
	buf_reset(&b);
	fmt_date(&b, "2020-01-15", fr);
	buf_adds(&b, " ");
	fmt_date(&b, "2020-02-01", fr);
	buf_adds(&b, " ");
	fmt_decimal(&b, "1060000000.5", fr);
	ck_assert_str_eq(buf_cstr(&b), "15 janvier 2020 1 tháng 2 2020 "
	    "1\xe2\x80\xaf" "060\xe2\x80\xaf" "000\xe2\x80\xaf" "000,5");
	/* A percentage in the language's manner (decimal_figure). */
	ck_assert_str_eq(decimal_figure(a, (struct decimal){9468, 2}, fr,
	    "%"), "94,68\xe2\x80\xaf%");
	ck_assert_str_eq(decimal_figure(a, (struct decimal){-9468, 2}, en,
	    "%"), "-94.68%");
	ck_assert_str_eq(decimal_figure(a, (struct decimal){9468, 2}, fr,
	    " ha"), "94,68 ha");
	miss = words_missing(&s, &n);
	ck_assert_uint_eq(n, 12);
	ck_assert_str_eq(miss[0], "fr: format.decimal");
	ck_assert_str_eq(miss[1], "fr: format.months.feb");
	ck_assert_str_eq(miss[11], "fr: format.months.dec");
	/* A language outside the site: the first language's style. */
	xx = site_fmt(&s, "de");
	ck_assert_str_eq(xx->date, "{dd}/{mm}/{y}");
	buf_release(&b);
	arena_free(a);
}
END_TEST

START_TEST(test_site_fmt_none)
{
	struct arena *a = arena_new();
	struct site s;
	const struct fmt_style *en;
	const char *const *miss;
	size_t n;
	struct buf b = {0};

	/* A theme without `format:`: the messages' style, gaps named. */
	memset(&s, 0, sizeof s);
	s.arena = a;
	s.langs[0] = "vi";
	s.langs[1] = "en";
	s.nlangs = 2;
	s.globals[0] = globals(a, NULL);
	s.globals[1] = globals(a, NULL);
	en = site_fmt(&s, "en");
	fmt_date(&b, "2020-01-15", en);
	buf_adds(&b, " ");
	fmt_int(&b, 1060000, en);
	ck_assert_str_eq(buf_cstr(&b), "15/01/2020 1.060.000");
	miss = words_missing(&s, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(miss[0], "en: format.thousands");
	ck_assert_str_eq(miss[2], "en: format.date");
	ck_assert_str_eq(miss[3], "en: format.percent");
	ck_assert_str_eq(en->percent, "%");
	buf_release(&b);
	arena_free(a);
}
END_TEST

Suite *
fmt_suite(void)
{
	Suite *s = suite_create("fmt");
	TCase *tc;

	tc = tcase_create("dates");
	tcase_add_test(tc, test_fmt_date);
	suite_add_tcase(s, tc);

	tc = tcase_create("numbers");
	tcase_add_test(tc, test_fmt_int);
	tcase_add_test(tc, test_fmt_decimal);
	tcase_add_test(tc, test_fmt_decimal_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("styles");
	tcase_add_test(tc, test_fmt_style);
	tcase_add_test(tc, test_site_fmt);
	tcase_add_test(tc, test_site_fmt_none);
	suite_add_tcase(s, tc);
	return s;
}
