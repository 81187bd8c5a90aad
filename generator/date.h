/*
 * The one date module: calendar dates and the time zone of the portal.
 * Every date in minhbach is a proleptic Gregorian date written
 * YYYY-MM-DD (years 0001 to 9999; year 0000 is refused, it is no day a
 * record can bear), or a day count: days since 1970-01-01, negative
 * before.  Readers' clocks are Asia/Ho_Chi_Minh, a fixed UTC+07:00 with
 * no summer time, so a Unix time becomes a local day by one floored
 * division (23:30 UTC is already the next day in Vietnam; times before
 * 1970 floor too).  Pure functions: no allocation, no state, no locale.
 * How a date is written for readers (15/01/2020) is fmt_date() (fmt.h).
 */
#ifndef MINHBACH_DATE_H
#define MINHBACH_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes for an ISO date and its NUL ("2020-01-15"). */
#define DATE_ISO_SIZE 11
/* Bytes for a local date-time and its NUL ("2020-01-15T08:30:00+07:00"). */
#define DATE_VN_DATETIME_SIZE 26
/* Seconds east of UTC of Asia/Ho_Chi_Minh (no daylight saving time). */
#define DATE_VN_OFFSET (7 * 3600)
/* The same offset as ISO 8601 writes it, for "T00:00:00" DATE_VN_ZONE. */
#define DATE_VN_ZONE "+07:00"

/*
 * Judges s[0..n) (no NUL needed): 1 if it is a real date YYYY-MM-DD;
 * 0 if it does not have that shape (ten bytes, ASCII digits, two '-');
 * -1 if it has the shape but names no day (month 13, 2019-02-29, year
 * 0000).  Reads only n bytes.
 */
int date_check(const char *s, size_t n);
/* True if s[0..n) is a real date: date_check(s, n) == 1. */
bool date_is_valid(const char *s, size_t n);
/* Days since 1970-01-01 of iso, which must be a valid date. */
long date_days(const char *iso);
/*
 * Writes the ISO date of days (since 1970-01-01) into out, always
 * NUL-terminated; a day outside the years 0000-9999 is written with the
 * year 0000 (no caller comes near).
 */
void date_iso(long days, char out[DATE_ISO_SIZE]);
/* The year (1970 for day 0) of days since 1970-01-01. */
int date_year(long days);
/* 0 Monday .. 6 Sunday of days since 1970-01-01 (a Thursday: 3). */
int date_weekday(long days);
/*
 * Writes into out the same day n years after iso (a valid date; n may
 * be negative): 29 February becomes 28 February in a common year.  The
 * year is kept within 0000-9999, so out is a bound for comparing ISO
 * text, not always a valid date.
 */
void date_add_years(const char *iso, int n, char out[DATE_ISO_SIZE]);
/* The day in Vietnam (days since 1970-01-01) of Unix time t, floored. */
long date_days_vn(int64_t t);
/* Writes the ISO date in Vietnam of Unix time t into out. */
void date_vn_iso(int64_t t, char out[DATE_ISO_SIZE]);
/* Writes t as YYYY-MM-DDTHH:MM:SS+07:00, the local time in Vietnam. */
void date_vn_datetime(int64_t t, char out[DATE_VN_DATETIME_SIZE]);

#endif
