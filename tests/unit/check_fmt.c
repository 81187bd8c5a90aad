/*
 * fmt: calendar dates (leap years, month lengths, malformed text), dates
 * for readers in Vietnamese and English, integers and decimals with the
 * language's separators (negatives, INT64_MIN, refusals), and the day
 * counts used for UTC+7 build dates, checked against timegm().
 */
#include <check.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "fmt.h"

Suite *fmt_suite(void);

static bool
is_date(const char *s)
{
	return fmt_is_date(s, strlen(s));
}

START_TEST(test_fmt_is_date)
{
	ck_assert(is_date("2020-01-15"));
	ck_assert(is_date("2020-12-31"));
	ck_assert(is_date("1970-01-01"));
	ck_assert(is_date("0001-01-01"));
	ck_assert(is_date("9999-12-31"));
	/* Month lengths. */
	ck_assert(is_date("2021-01-31"));
	ck_assert(!is_date("2021-04-31"));
	ck_assert(is_date("2021-04-30"));
	ck_assert(!is_date("2021-06-31"));
	ck_assert(!is_date("2021-09-31"));
	ck_assert(!is_date("2021-11-31"));
	ck_assert(is_date("2021-08-31"));
	/* Bad months and days. */
	ck_assert(!is_date("2020-00-10"));
	ck_assert(!is_date("2020-13-01"));
	ck_assert(!is_date("2020-99-01"));
	ck_assert(!is_date("2020-01-00"));
	ck_assert(!is_date("2020-01-32"));
	/* Shapes. */
	ck_assert(!is_date(""));
	ck_assert(!is_date("2020-1-15"));
	ck_assert(!is_date("2020-01-5"));
	ck_assert(!is_date("20-01-2020"));
	ck_assert(!is_date("2020/01/15"));
	ck_assert(!is_date("2020-01-15T00"));
	ck_assert(!is_date("2020-0a-15"));
	ck_assert(!is_date("+020-01-15"));
	ck_assert(!is_date("2020-01-1 "));
	ck_assert(!is_date("２020-01-15"));
	/* Only n bytes are looked at. */
	ck_assert(fmt_is_date("2020-01-15xyz", 10));
	ck_assert(!fmt_is_date("2020-01-15", 9));
}
END_TEST

START_TEST(test_fmt_is_date_leap)
{
	ck_assert(is_date("2020-02-29"));	/* divisible by 4 */
	ck_assert(is_date("2024-02-29"));
	ck_assert(!is_date("2019-02-29"));
	ck_assert(!is_date("2023-02-29"));
	ck_assert(is_date("2023-02-28"));
	ck_assert(!is_date("1900-02-29"));	/* by 100, not 400 */
	ck_assert(!is_date("2100-02-29"));
	ck_assert(is_date("2000-02-29"));	/* by 400 */
	ck_assert(is_date("1600-02-29"));
	ck_assert(!is_date("2020-02-30"));
	ck_assert(!is_date("2000-02-30"));
}
END_TEST

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

START_TEST(test_fmt_days)
{
	char iso[11];

	ck_assert_int_eq(fmt_days("1970-01-01"), 0);
	ck_assert_int_eq(fmt_days("1970-01-02"), 1);
	ck_assert_int_eq(fmt_days("1969-12-31"), -1);
	ck_assert_int_eq(fmt_days("2000-03-01"), 11017);
	ck_assert_int_eq(fmt_days("2024-02-29"), 19782);
	ck_assert_int_eq(fmt_days("1900-01-01"), -25567);
	ck_assert_int_eq(fmt_days("2100-12-31"), 47846);
	ck_assert_int_eq(fmt_days("0001-01-01"), -719162);
	ck_assert_int_eq(fmt_days("9999-12-31"), 2932896);
	fmt_iso_from_days(0, iso);
	ck_assert_str_eq(iso, "1970-01-01");
	fmt_iso_from_days(-1, iso);
	ck_assert_str_eq(iso, "1969-12-31");
	fmt_iso_from_days(19782, iso);
	ck_assert_str_eq(iso, "2024-02-29");
	fmt_iso_from_days(-719162, iso);
	ck_assert_str_eq(iso, "0001-01-01");
	fmt_iso_from_days(2932896, iso);
	ck_assert_str_eq(iso, "9999-12-31");
	/* 1700000000 s (the golden tests' SOURCE_DATE_EPOCH) in UTC+7. */
	fmt_iso_from_days((1700000000L + 7 * 3600) / 86400, iso);
	ck_assert_str_eq(iso, "2023-11-15");
}
END_TEST

START_TEST(test_fmt_days_round_trip)
{
	long day, first = fmt_days("1800-01-01"), last = fmt_days("2200-12-31");
	char iso[11], prev[11] = "";

	ck_assert_int_lt(first, last);
	for (day = first; day <= last; day++) {
		struct tm tm;

		fmt_iso_from_days(day, iso);
		/* Plain tests in the loop: check's asserts are slow. */
		if (!fmt_is_date(iso, 10) || fmt_days(iso) != day ||
		    strcmp(prev, iso) >= 0)	/* increasing ISO text */
			ck_abort_msg("%ld gave '%s' (after '%s')", day, iso,
			    prev);
		memcpy(prev, iso, sizeof prev);
		/* And agree with the C library's calendar. */
		if (day % 97 == 0) {
			memset(&tm, 0, sizeof tm);
			tm.tm_year = (iso[0] - '0') * 1000 + (iso[1] - '0') *
			    100 + (iso[2] - '0') * 10 + (iso[3] - '0') - 1900;
			tm.tm_mon = (iso[5] - '0') * 10 + (iso[6] - '0') - 1;
			tm.tm_mday = (iso[8] - '0') * 10 + (iso[9] - '0');
			if ((long)(timegm(&tm) / 86400) != day)
				ck_abort_msg("timegm disagrees on %s", iso);
		}
	}
	ck_assert_str_eq(iso, "2200-12-31");
}
END_TEST

Suite *
fmt_suite(void)
{
	Suite *s = suite_create("fmt");
	TCase *tc;

	tc = tcase_create("dates");
	tcase_add_test(tc, test_fmt_is_date);
	tcase_add_test(tc, test_fmt_is_date_leap);
	tcase_add_test(tc, test_fmt_date);
	suite_add_tcase(s, tc);

	tc = tcase_create("numbers");
	tcase_add_test(tc, test_fmt_int);
	tcase_add_test(tc, test_fmt_decimal);
	tcase_add_test(tc, test_fmt_decimal_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("days");
	tcase_add_test(tc, test_fmt_days);
	tcase_add_test(tc, test_fmt_days_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
