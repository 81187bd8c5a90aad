/*
 * Unit tests for calendar.c and the built-in holiday table: Tết 2020
 * and its days off, a Saturday worked in exchange counts, a swapped
 * weekday does not (also across the new year 2018/2019), 2025 and 2026,
 * counts that reach a year not yet announced, and a broken table.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "calendar.h"
#include "date.h"
#include "diag.h"
#include "testutil.h"
#include "summary.h"

Suite *calendar_suite(void);

static long
day(const char *iso)
{
	ck_assert(date_is_valid(iso, strlen(iso)));
	return date_days(iso);
}

/* Asserts day iso is (or is not) a working day of a known year. */
static void
expect_working(const struct calendar *c, const char *iso, bool want)
{
	bool known = false;

	ck_assert_msg(calendar_is_working_day(c, day(iso), &known) == want,
	    "%s should %sbe a working day", iso, want ? "" : "not ");
	ck_assert_msg(known, "%s should be in an announced year", iso);
}

static void
expect_iso(long d, const char *want)
{
	char iso[11];

	date_iso(d, iso);
	ck_assert_str_eq(iso, want);
}

START_TEST(test_calendar_tet_2020)
{
	struct arena *a = arena_new();
	const struct calendar *c = calendar_builtin(a, diags_new(a));
	static const char *const off[] = {"2020-01-23", "2020-01-24",
	    "2020-01-27", "2020-01-28", "2020-01-29"};

	/* 25/01/2020 was mùng 1 Tết, a Saturday. */
	ck_assert_ptr_null(calendar_holiday_name(c, day("2020-01-25")));
	expect_working(c, "2020-01-25", false);
	for (size_t i = 0; i < sizeof off / sizeof *off; i++) {
		expect_working(c, off[i], false);
		ck_assert_ptr_nonnull(strstr(calendar_holiday_name(c,
		    day(off[i])), "Tết Nguyên đán"));
	}
	ck_assert_str_eq(calendar_holiday_name(c, day("2020-01-28")),
	    "nghỉ bù Tết Nguyên đán (mùng 1 là thứ Bảy)");
	expect_working(c, "2020-01-22", true);
	expect_working(c, "2020-01-30", true);
	ck_assert_ptr_null(calendar_holiday_name(c, day("2020-01-30")));
	/* Five working days after Monday 20/01: 21, 22, 30, 31/01, 03/02. */
	expect_iso(calendar_add_working_days(c, day("2020-01-20"), 5, NULL),
	    "2020-02-03");
	ck_assert_int_eq(calendar_working_days_between(c, day("2020-01-20"),
	    day("2020-02-03"), NULL), 5);
	/* Tết 2021: 10-16/02 (10, 11, 12, 15, 16 are weekdays off). */
	ck_assert_int_eq(calendar_working_days_between(c, day("2021-02-09"),
	    day("2021-02-17"), NULL), 1);
	ck_assert_ptr_nonnull(strstr(calendar_year_source(c, 2020),
	    "4544/TB-LĐTBXH"));
	arena_free(a);
}
END_TEST

START_TEST(test_calendar_swaps)
{
	struct arena *a = arena_new();
	const struct calendar *c = calendar_builtin(a, diags_new(a));
	int unknown = -1;

	/* 2019: Monday 29/04 off, Saturday 04/05 worked. */
	expect_working(c, "2019-04-29", false);
	expect_working(c, "2019-05-04", true);
	expect_working(c, "2019-05-11", false);	/* an ordinary Saturday */
	/* Across the new year: 31/12/2018 off, Saturday 05/01/2019 worked. */
	expect_working(c, "2018-12-31", false);
	ck_assert_ptr_nonnull(strstr(calendar_holiday_name(c,
	    day("2018-12-31")), "hoán đổi"));
	expect_working(c, "2019-01-01", false);
	expect_working(c, "2019-01-05", true);
	/* Friday 28/12/2018 + 2 working days: 02/01 (Wed), not 01/01. */
	expect_iso(calendar_add_working_days(c, day("2018-12-28"), 2,
	    &unknown), "2019-01-03");
	ck_assert_int_eq(unknown, 0);
	/* From Thursday 03/01/2019: Friday 04, Saturday 05 worked. */
	expect_iso(calendar_add_working_days(c, day("2019-01-03"), 2, NULL),
	    "2019-01-05");
	arena_free(a);
}
END_TEST

START_TEST(test_calendar_2025_2026)
{
	struct arena *a = arena_new();
	const struct calendar *c = calendar_builtin(a, diags_new(a));

	/* 2025: Tết 27-31/01; 02/05 swapped for Saturday 26/04. */
	expect_working(c, "2025-01-27", false);
	expect_working(c, "2025-01-31", false);
	expect_working(c, "2025-02-03", true);
	expect_working(c, "2025-04-26", true);
	expect_working(c, "2025-05-02", false);
	expect_working(c, "2025-09-01", false);
	/* 2026: 02/01 for 10/01; Tết 16-20/02; 31/08 for 22/08; 24/11. */
	expect_working(c, "2026-01-02", false);
	expect_working(c, "2026-01-10", true);
	expect_working(c, "2026-02-16", false);
	expect_working(c, "2026-02-20", false);
	expect_working(c, "2026-02-23", true);
	expect_working(c, "2026-08-22", true);
	expect_working(c, "2026-08-31", false);
	expect_working(c, "2026-11-24", false);
	ck_assert_str_eq(calendar_holiday_name(c, day("2026-11-24")),
	    "Ngày Văn hóa Việt Nam");
	/* The proposed 23/11/2026 swap was not decided: a working day. */
	expect_working(c, "2026-11-23", true);
	expect_working(c, "2026-11-28", false);
	/* Ten working days from Friday 13/02/2026: Tết skipped. */
	expect_iso(calendar_add_working_days(c, day("2026-02-13"), 10,
	    NULL), "2026-03-06");
	arena_free(a);
}
END_TEST

START_TEST(test_calendar_unknown_year)
{
	struct arena *a = arena_new();
	const struct calendar *c = calendar_builtin(a, diags_new(a));
	bool known = true;
	int unknown = 0;

	/* 2027 lists only the days the law fixes: not announced. */
	ck_assert(!calendar_year_known(c, 2027));
	ck_assert(calendar_year_known(c, 2026));
	ck_assert(!calendar_is_working_day(c, day("2027-01-01"), &known));
	ck_assert(!known);
	ck_assert(calendar_is_working_day(c, day("2027-02-08"), &known));
	ck_assert(!known);
	/* Thursday 24/12/2026 + 5: 25, 28, 29, 30, 31/12, then 04/01. */
	expect_iso(calendar_add_working_days(c, day("2026-12-24"), 5,
	    &unknown), "2026-12-31");
	ck_assert_int_eq(unknown, 0);
	expect_iso(calendar_add_working_days(c, day("2026-12-24"), 6,
	    &unknown), "2027-01-04");
	ck_assert_int_eq(unknown, 2027);
	/* Not in the table at all. */
	ck_assert_ptr_null(calendar_year_source(c, 2016));
	ck_assert(calendar_is_working_day(c, day("2016-01-01"), &known));
	ck_assert(!known);
	ck_assert_int_eq(calendar_working_days_between(c, day("2016-12-30"),
	    day("2017-01-03"), &unknown), 1);
	ck_assert_int_eq(unknown, 2016);
	arena_free(a);
}
END_TEST

START_TEST(test_calendar_load_errors)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	static const char bad[] =
	    "years:\n"
	    "  - year: 2020\n"
	    "    announced: true\n"
	    "    source: x\n"
	    "    off:\n"
	    "      - {date: 2020-01-25, reason: mùng 1}\n"
	    "      - {date: 2021-01-01, reason: y}\n"
	    "    saturdays_worked:\n"
	    "      - {date: 2020-05-04, reason: z}\n"
	    "  - year: 2020\n"
	    "    announced: true\n";

	ck_assert_ptr_null(calendar_load(a, d, "h.yaml", bad, strlen(bad)));
	ck_assert_str_eq(tu_summary(a, d),
	    "h.yaml:6:16: error [calendar.off-saturday] 2020 -01 -25\n"
	    "h.yaml:7:16: error [calendar.day-year] 2021 -01 -01 2020\n"
	    "h.yaml:9:16: error [calendar.not-saturday] 2020 -05 -04\n"
	    "h.yaml:10:11: error [calendar.year-order] 2020\n");
	arena_free(a);
}
END_TEST

Suite *
calendar_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("holidays");

	tcase_add_test(tc, test_calendar_tet_2020);
	tcase_add_test(tc, test_calendar_swaps);
	tcase_add_test(tc, test_calendar_2025_2026);
	tcase_add_test(tc, test_calendar_unknown_year);
	tcase_add_test(tc, test_calendar_load_errors);
	suite_add_tcase(s, tc);
	return s;
}
