/*
 * date: what is a date (shapes, month lengths, leap years, year 0000),
 * day counts both ways checked against timegm(), weekdays and years of
 * day counts, a year back from 29 February, and Unix times as days and
 * times in Vietnam (UTC+7), floored before 1970 and across midnight.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "date.h"

Suite *date_suite(void);

static bool
is_date(const char *s)
{
	return date_is_valid(s, strlen(s));
}

START_TEST(test_date_is_valid)
{
	ck_assert(is_date("2020-01-15"));
	ck_assert(is_date("2020-12-31"));
	ck_assert(is_date("1970-01-01"));
	ck_assert(is_date("0001-01-01"));
	/* Year 0000 (1 BC) is no date a record can bear. */
	ck_assert(!is_date("0000-01-01"));
	ck_assert(!is_date("0000-02-29"));
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
	ck_assert(date_is_valid("2020-01-15xyz", 10));
	ck_assert(!date_is_valid("2020-01-15", 9));
}
END_TEST

START_TEST(test_date_is_valid_leap)
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

START_TEST(test_date_days)
{
	char iso[11];

	ck_assert_int_eq(date_days("1970-01-01"), 0);
	ck_assert_int_eq(date_days("1970-01-02"), 1);
	ck_assert_int_eq(date_days("1969-12-31"), -1);
	ck_assert_int_eq(date_days("2000-03-01"), 11017);
	ck_assert_int_eq(date_days("2024-02-29"), 19782);
	ck_assert_int_eq(date_days("1900-01-01"), -25567);
	ck_assert_int_eq(date_days("2100-12-31"), 47846);
	ck_assert_int_eq(date_days("0001-01-01"), -719162);
	ck_assert_int_eq(date_days("9999-12-31"), 2932896);
	date_iso(0, iso);
	ck_assert_str_eq(iso, "1970-01-01");
	date_iso(-1, iso);
	ck_assert_str_eq(iso, "1969-12-31");
	date_iso(19782, iso);
	ck_assert_str_eq(iso, "2024-02-29");
	date_iso(-719162, iso);
	ck_assert_str_eq(iso, "0001-01-01");
	date_iso(2932896, iso);
	ck_assert_str_eq(iso, "9999-12-31");
	/* 1700000000 s (the golden tests' SOURCE_DATE_EPOCH) in UTC+7. */
	date_iso(date_days_vn(1700000000), iso);
	ck_assert_str_eq(iso, "2023-11-15");
}
END_TEST

START_TEST(test_date_days_round_trip)
{
	long day, first = date_days("1800-01-01");
	long last = date_days("2200-12-31");
	char iso[11], prev[11] = "";

	ck_assert_int_lt(first, last);
	for (day = first; day <= last; day++) {
		struct tm tm;

		date_iso(day, iso);
		/* Plain tests in the loop: check's asserts are slow. */
		if (!date_is_valid(iso, 10) || date_days(iso) != day ||
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

START_TEST(test_date_check)
{
	/* Shape wrong: 0; shape right, no such day: -1 (schema's message). */
	ck_assert_int_eq(date_check("2020-02-29", 10), 1);
	ck_assert_int_eq(date_check("2019-02-29", 10), -1);
	ck_assert_int_eq(date_check("0000-01-01", 10), -1);
	ck_assert_int_eq(date_check("2020-13-01", 10), -1);
	ck_assert_int_eq(date_check("2020-04-31", 10), -1);
	ck_assert_int_eq(date_check("2020-01-00", 10), -1);
	ck_assert_int_eq(date_check("2020/01/15", 10), 0);
	ck_assert_int_eq(date_check("2020-1-15", 9), 0);
	ck_assert_int_eq(date_check("2020-01-15", 9), 0);
	ck_assert_int_eq(date_check("", 0), 0);
	ck_assert_int_eq(date_check("2020-01-15T08:00", 16), 0);
}
END_TEST

START_TEST(test_date_weekday_year)
{
	ck_assert_int_eq(date_weekday(0), 3);		/* 1970-01-01 Thu */
	ck_assert_int_eq(date_weekday(date_days("2026-12-07")), 0); /* Mon */
	ck_assert_int_eq(date_weekday(date_days("2025-09-02")), 1); /* Tue */
	ck_assert_int_eq(date_weekday(date_days("2020-02-29")), 5); /* Sat */
	ck_assert_int_eq(date_weekday(date_days("2000-01-01")), 5); /* Sat */
	ck_assert_int_eq(date_weekday(date_days("1975-04-30")), 2); /* Wed */
	ck_assert_int_eq(date_weekday(-1), 2);		/* 1969-12-31 Wed */
	ck_assert_int_eq(date_weekday(-4), 6);		/* 1969-12-28 Sun */
	ck_assert_int_eq(date_weekday(date_days("1945-09-02")), 6); /* Sun */
	ck_assert_int_eq(date_year(0), 1970);
	ck_assert_int_eq(date_year(-1), 1969);
	ck_assert_int_eq(date_year(date_days("2024-12-31")), 2024);
	ck_assert_int_eq(date_year(date_days("2025-01-01")), 2025);
	ck_assert_int_eq(date_year(date_days("0001-01-01")), 1);
}
END_TEST

START_TEST(test_date_add_years)
{
	char iso[DATE_ISO_SIZE];

	date_add_years("2026-12-07", -1, iso);
	ck_assert_str_eq(iso, "2025-12-07");
	date_add_years("2024-02-29", -1, iso);	/* no 29/02/2023 */
	ck_assert_str_eq(iso, "2023-02-28");
	date_add_years("2024-02-29", -4, iso);
	ck_assert_str_eq(iso, "2020-02-29");
	date_add_years("2000-02-29", 100, iso);	/* 2100: not leap */
	ck_assert_str_eq(iso, "2100-02-28");
	date_add_years("0001-03-01", -1, iso);	/* a bound, not a date */
	ck_assert_str_eq(iso, "0000-03-01");
}
END_TEST

START_TEST(test_date_vn)
{
	char iso[DATE_ISO_SIZE], dt[DATE_VN_DATETIME_SIZE];

	ck_assert_int_eq(date_days_vn(0), 0);
	/* 1970-01-01 16:59:59 UTC is 23:59:59 in Vietnam; 17:00 is next day. */
	ck_assert_int_eq(date_days_vn(17 * 3600 - 1), 0);
	ck_assert_int_eq(date_days_vn(17 * 3600), 1);
	/* 2024-06-30 23:30 UTC is 1 July 06:30 in Vietnam. */
	date_vn_iso(1719790200, iso);
	ck_assert_str_eq(iso, "2024-07-01");
	date_vn_datetime(1719790200, dt);
	ck_assert_str_eq(dt, "2024-07-01T06:30:00+07:00");
	/* Before 1970 the day floors: -1 s is 1970-01-01 06:59:59 local. */
	ck_assert_int_eq(date_days_vn(-1), 0);
	date_vn_datetime(-1, dt);
	ck_assert_str_eq(dt, "1970-01-01T06:59:59+07:00");
	/* -7 h is local midnight of 1 January; one second less is 31/12. */
	ck_assert_int_eq(date_days_vn(-7 * 3600), 0);
	ck_assert_int_eq(date_days_vn(-7 * 3600 - 1), -1);
	date_vn_datetime(-7 * 3600 - 1, dt);
	ck_assert_str_eq(dt, "1969-12-31T23:59:59+07:00");
	/* Truncating division said 1969-12-31 here: a day late. */
	date_vn_iso(-86400 - 7 * 3600 - 1, iso);
	ck_assert_str_eq(iso, "1969-12-30");
	/* 1954-05-07 10:30 UTC (-493997400 s) is 17:30 in Vietnam. */
	date_vn_datetime(-493997400, dt);
	ck_assert_str_eq(dt, "1954-05-07T17:30:00+07:00");
	/* The extremes do not overflow. */
	ck_assert_int_eq(date_days_vn(INT64_MAX), INT64_MAX / 86400);
	ck_assert_int_eq(date_days_vn(INT64_MIN), INT64_MIN / 86400 - 1);
}
END_TEST

START_TEST(test_date_vn_agrees_with_gmtime)
{
	int64_t t;
	char iso[DATE_ISO_SIZE], want[DATE_ISO_SIZE];

	/* Every 7 hours 13 minutes 7 s from 1900 to 2100. */
	for (t = -2208988800LL; t < 4102444800LL; t += 26987) {
		time_t local = (time_t)(t + 7 * 3600);
		struct tm tm;

		gmtime_r(&local, &tm);
		strftime(want, sizeof want, "%Y-%m-%d", &tm);
		date_vn_iso(t, iso);
		/* Plain test in the loop: check's asserts are slow. */
		if (strcmp(iso, want) != 0)
			ck_abort_msg("%lld: '%s', gmtime '%s'", (long long)t,
			    iso, want);
	}
}
END_TEST

Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc;

	tc = tcase_create("valid");
	tcase_add_test(tc, test_date_is_valid);
	tcase_add_test(tc, test_date_is_valid_leap);
	tcase_add_test(tc, test_date_check);
	suite_add_tcase(s, tc);

	tc = tcase_create("days");
	tcase_add_test(tc, test_date_days);
	tcase_add_test(tc, test_date_days_round_trip);
	tcase_add_test(tc, test_date_weekday_year);
	tcase_add_test(tc, test_date_add_years);
	suite_add_tcase(s, tc);

	tc = tcase_create("vietnam");
	tcase_add_test(tc, test_date_vn);
	tcase_add_test(tc, test_date_vn_agrees_with_gmtime);
	suite_add_tcase(s, tc);
	return s;
}
