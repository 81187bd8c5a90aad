/*
 * The civil-service calendar of Vietnam: which days are working days
 * for a state agency (Monday to Friday, less public holidays, Tết,
 * compensatory days off and swapped weekdays, plus the Saturdays worked
 * in exchange), read from generator/holidays.yaml (compiled in), and
 * legal deadlines counted in calendar or working days.  Days are counted
 * as date_days() counts them: days since 1970-01-01.
 *
 * The table covers the years it lists (2017-2027 at least).  A year it
 * does not list, or lists with `announced: false` (only the days the law
 * fixes: 2027 today), is "not announced": counts that cross such a year
 * still give an answer (weekends and the listed days only) and say so
 * through *known / *unknown_year.
 */
#ifndef MINHBACH_CALENDAR_H
#define MINHBACH_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct diags;
struct calendar;		/* opaque; arena memory */

/* The embedded generator/holidays.yaml (made by the Makefile). */
extern const char holidays_yaml[];
extern const size_t holidays_yaml_len;

/*
 * Reads the built-in table (generator/holidays.yaml).  Aborts with the
 * diagnostics printed when the built-in data is broken: that is a bug,
 * not content.  Tests may load other text with calendar_load().
 */
const struct calendar *calendar_builtin(struct arena *a, struct diags *d);
/* Reads a table from YAML text src[0..n) named name; NULL after errors. */
const struct calendar *calendar_load(struct arena *a, struct diags *d,
    const char *name, const char *src, size_t n);

/*
 * True if day is a working day of the civil service.  *known (may be
 * NULL) is set false when day's year is not announced (the answer then
 * skips Saturdays, Sundays and the days the law fixes, if listed).
 */
bool calendar_is_working_day(const struct calendar *c, long day, bool *known);

/*
 * The day n working days after day (n >= 1; day itself not counted).
 * *unknown_year (may be NULL) is set to the first year crossed that is
 * not announced (see above), or 0 when every year crossed is known.
 */
long calendar_add_working_days(const struct calendar *c, long day, int n,
    int *unknown_year);

/*
 * Working days after from up to and including to (0 when to <= from).
 * *unknown_year as above.
 */
int calendar_working_days_between(const struct calendar *c, long from,
    long to, int *unknown_year);

/*
 * The source of year's official schedule ("Thông báo 6150/TB-BLĐTBXH
 * ..."), arena text owned by c; NULL when the year is not in the table.
 */
const char *calendar_year_source(const struct calendar *c, int year);

/* True if year's schedule is in the table and officially announced. */
bool calendar_year_known(const struct calendar *c, int year);

/*
 * The reason day is not a working day ("Tết Nguyên đán", "nghỉ bù
 * Quốc khánh"), Vietnamese arena text owned by c; NULL for a working
 * day or an ordinary weekend.
 */
const char *calendar_holiday_name(const struct calendar *c, long day);

#endif
