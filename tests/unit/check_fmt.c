/*
 * fmt: dates for readers in Vietnamese and English, integers and
 * decimals with the language's separators (negatives, INT64_MIN,
 * refusals).  What is a date and day counts: check_date.c.
 */
#include <check.h>
#include <stdint.h>

#include "buf.h"
#include "fmt.h"

Suite *fmt_suite(void);

#define DATE(iso, lang, want)                           \
	do {                                            \
		struct buf b_ = {0};                    \
		fmt_date(&b_, (iso), (lang));           \
		ck_assert_str_eq(buf_cstr(&b_), (want)); \
		buf_release(&b_);                       \
	} while (0)

START_TEST(test_fmt_date)
{
	DATE("2020-01-15", "vi", "15/01/2020");
	DATE("2020-03-05", "vi", "05/03/2020");
	DATE("1999-12-31", "vi", "31/12/1999");
	DATE("2020-01-15", "en", "15 January 2020");
	DATE("2020-03-05", "en", "5 March 2020");
	DATE("2021-02-01", "en", "1 February 2021");
	DATE("2021-12-31", "en", "31 December 2021");
	DATE("2021-05-09", "fr", "9 May 2021");	/* others: English */
	/* Not a date: appended as it is. */
	DATE("2019-02-29", "vi", "2019-02-29");
	DATE("quý 3/2020", "en", "quý 3/2020");
	DATE("", "vi", "");
	{
		struct buf b = {0};

		buf_adds(&b, "on ");
		fmt_date(&b, NULL, "vi");	/* nothing */
		fmt_date(&b, "2020-07-04", "vi");
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
	INT(0, "vi", "0");
	INT(7, "vi", "7");
	INT(999, "vi", "999");
	INT(1000, "vi", "1.000");
	INT(12345, "vi", "12.345");
	INT(123456, "vi", "123.456");
	INT(1060000000, "vi", "1.060.000.000");
	INT(1060000000, "en", "1,060,000,000");
	INT(1000, "en", "1,000");
	INT(-1, "vi", "-1");
	INT(-999, "en", "-999");
	INT(-1000, "vi", "-1.000");
	INT(-1234567, "en", "-1,234,567");
	INT(INT64_MAX, "vi", "9.223.372.036.854.775.807");
	INT(INT64_MIN, "vi", "-9.223.372.036.854.775.808");
	INT(INT64_MIN, "en", "-9,223,372,036,854,775,808");
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
		ck_assert_msg(!fmt_decimal(&b_, (text), "vi"),  \
		    "'%s' accepted", (text));                   \
		ck_assert_str_eq(buf_cstr(&b_), "k");           \
		buf_release(&b_);                               \
	} while (0)

START_TEST(test_fmt_decimal)
{
	DEC("112.9579", "vi", "112,9579");
	DEC("112.9579", "en", "112.9579");
	DEC("1060000000", "vi", "1.060.000.000");
	DEC("1060000000", "en", "1,060,000,000");
	DEC("1234567.891", "vi", "1.234.567,891");
	DEC("1234567.891", "en", "1,234,567.891");
	DEC("-3", "vi", "-3");
	DEC("-1234.5", "vi", "-1.234,5");
	DEC("+1234", "vi", "1.234");
	DEC("0.000", "vi", "0,000");
	DEC("94.68", "vi", "94,68");
	DEC("100", "vi", "100");
	/* Digits are kept as written: no rounding, no float. */
	DEC("0.10000000000000000555", "vi", "0,10000000000000000555");
	DEC("12345678901234567890123", "en",
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
	return s;
}
