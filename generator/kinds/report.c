/*
 * The report kind: periodic work reports and the annual financial
 * report (Luật Tiếp cận thông tin 2016 Điều 17 k1 l, Điều 19 k1 e).
 * Validate: the period fits the type and year, and the report is not
 * published before its period begins.  Model: type and period in words.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "kind.h"
#include "records.h"
#include "site.h"
#include "value.h"
#include "words.h"

/* First and last month of each period (thang: month: gives both). */
static const struct period {
	const char *code;
	int first, last;
} periods[] = {
	{"quy_1", 1, 3}, {"quy_2", 4, 6}, {"quy_3", 7, 9}, {"quy_4", 10, 12},
	{"6_thang", 1, 6}, {"9_thang", 1, 9}, {"nam", 1, 12},
};

/* The months of period code in *first, *last; false when unknown. */
static bool
months(const char *code, int month, int *first, int *last)
{
	size_t i;

	if (code != NULL && strcmp(code, "thang") == 0 && month >= 1 &&
	    month <= 12) {
		*first = *last = month;
		return true;
	}
	for (i = 0; code != NULL && i < sizeof periods / sizeof *periods; i++)
		if (strcmp(periods[i].code, code) == 0) {
			*first = periods[i].first;
			*last = periods[i].last;
			return true;
		}
	return false;
}

static void
check_report(struct site *s, const struct site_names *x,
    const struct item *it)
{
	const struct value *d = it->data;
	const struct value *per = value_map_get(d, "period");
	const struct value *mon = value_map_get(d, "month");
	const struct value *yr = value_map_get(d, "year");
	const struct value *pub = value_map_get(d, "published_on");
	const char *type = value_map_str(d, "type");
	const char *p = value_map_str(d, "period");
	bool hm = mon != NULL && mon->type == VALUE_INT;
	int first, last;
	char begin[11];

	if (type != NULL && strcmp(type, "tai_chinh_nam") == 0 && p != NULL &&
	    strcmp(p, "nam") != 0)
		diag_error(s->diags, per->pos, "report.annual-period", p);
	if (p != NULL && strcmp(p, "thang") == 0 && !hm)
		diag_error(s->diags, per->pos, "report.month-missing");
	else if (p != NULL && strcmp(p, "thang") != 0 && hm)
		diag_error(s->diags, mon->pos, "report.month-not-monthly",
		    mon->text, p);
	if (yr == NULL || yr->type != VALUE_INT || yr->u.i < 1000 ||
	    yr->u.i > 9999 || records_date_of(pub) == NULL ||
	    !months(p, hm ? (int)mon->u.i : 0, &first, &last))
		return;
	snprintf(begin, sizeof begin, "%04d-%02d-01", (int)yr->u.i, first);
	if (strcmp(pub->text, begin) < 0)
		diag_error(s->diags, pub->pos, "report.published-before-period",
		    pub->text, p, yr->text, diag_fmt(s->diags, "%s", begin));
	else if (type != NULL && strcmp(type, "tai_chinh_nam") == 0 &&
	    strncmp(pub->text, yr->text, 4) <= 0)
		diag_error(s->diags, pub->pos, "report.annual-too-early",
		    pub->text, yr->text);
}

/* w with {year} and {month} replaced (arena). */
static const char *
fill(struct site *s, const char *w, const char *year, const char *month)
{
	struct buf b = {0};
	const char *r;

	while (*w != '\0') {
		if (strncmp(w, "{year}", 6) == 0) {
			buf_add(&b, year, strlen(year));
			w += 6;
		} else if (strncmp(w, "{month}", 7) == 0) {
			buf_add(&b, month, strlen(month));
			w += 7;
		} else {
			buf_add(&b, w++, 1);
		}
	}
	r = buf_keep(&b, s->arena);
	buf_release(&b);
	return r;
}

static void
frame_report(struct site *s, const struct site_names *x, struct item *it)
{
	const struct value *d = it->data;
	const char *type = value_map_str(d, "type");
	const char *p = value_map_str(d, "period");
	const char *yr = value_map_str(d, "year");
	const char *mon = value_map_str(d, "month"), *lang = it->lang;

	records_set(s, it->frame, "type_text", type ? site_word(s, lang,
	    arena_printf(s->arena, "report.type_values.%s", type)) : NULL);
	records_set(s, it->frame, "period_text", p && yr ? fill(s,
	    site_word(s, lang, arena_printf(s->arena,
	    "report.period_values.%s", p)), yr, mon ? mon : "") : NULL);
	records_setb(s, it->frame, "is_financial", type != NULL &&
	    strcmp(type, "tai_chinh_nam") == 0);
	records_set(s, it->frame, "published_on_text", records_date_text(s,
	    value_map_get(d, "published_on"), lang));
}

const struct kind kind_report = {
	.name = "report",
	.check = check_report,
	.frame = frame_report,
};
