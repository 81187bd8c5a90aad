/*
 * fx.c: site.yaml's exchange rate, checked with located errors, and the
 * US-dollar equivalents and footnote of the pages in other languages.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "fx.h"
#include "site.h"
#include "value.h"
#include "testutil.h"

Suite *fx_suite(void);

/* A two-language site whose site.yaml is conf and whose languages have
 * the theme's number styles and words. */
static void
site_of(struct site *s, struct arena *a, const char *conf)
{
	static const char *const g[] = {
	    "site: {}\n"
	    "t:\n"
	    "  format: {thousands: \".\", decimal: \",\", percent: \"%\","
	    " date: \"{dd}/{mm}/{y}\"}\n"
	    "  usd_equivalent: \"(≈ {usd} USD)\"\n"
	    "  exchange_rate_note: \"1 USD = {rate} đồng ({date}; {source})\"\n",
	    "site: {}\n"
	    "t:\n"
	    "  format: {thousands: \",\", decimal: \".\", percent: \"%\","
	    " date: \"{d} {month} {y}\", months: {jan: Jan, feb: Feb,"
	    " mar: Mar, apr: Apr, may: May, jun: Jun, jul: Jul, aug: Aug,"
	    " sep: Sep, oct: Oct, nov: Nov, dec: Dec}}\n"
	    "  usd_equivalent: \"(≈ US$ {usd})\"\n"
	    "  exchange_rate_note: \"US$ 1 = {rate} VND ({date}; {source})\"\n",
	};
	size_t i;

	memset(s, 0, sizeof *s);
	s->arena = a;
	s->diags = diags_new(a);
	s->langs[0] = "vi";
	s->langs[1] = "en";
	s->nlangs = 2;
	for (i = 0; i < 2; i++)
		ck_assert_int_eq(value_parse_yaml(a, s->diags, "theme.yaml",
		                     g[i], strlen(g[i]), 1, &s->globals[i]),
		    0);
	ck_assert_int_eq(value_parse_yaml(a, s->diags, "content/site.yaml",
	                     conf, strlen(conf), 1, &s->conf),
	    0);
}

static const struct value *
money(struct arena *a, const char *yaml)
{
	struct value *v = NULL;
	struct diags *d = diags_new(a);

	ck_assert_int_eq(value_parse_yaml(a, d, "x.yaml", yaml, strlen(yaml), 1,
	                     &v),
	    0);
	return v;
}

START_TEST(test_fx_equivalents)
{
	struct arena *a = arena_new();
	struct site s;
	const char *note;

	site_of(&s, a,
	    "title: x\n"
	    "exchange_rate:\n"
	    "  usd_vnd: 25400\n"
	    "  date: 2026-11-30\n"
	    "  source: {vi: Ngân hàng Nhà nước, en: State Bank of Vietnam}\n");
	fx_load(&s);
	ck_assert_str_eq(tu_diags_text(a, s.diags), "");
	ck_assert_ptr_nonnull(s.fx);
	/* 120 tỷ đồng / 25 400 = 4 724 409,4: rounded to the dollar. */
	ck_assert_str_eq(fx_usd_text(&s,
	                     money(a,
	                         "{amount: 120, unit: "
	                         "ty_dong}"),
	                     "en"),
	    "(≈ US$ 4,724,409)");
	ck_assert_str_eq(fx_usd_text(&s,
	                     money(a,
	                         "{amount: 1060000000, "
	                         "unit: dong}"),
	                     "en"),
	    "(≈ US$ 41,732)");
	ck_assert_str_eq(fx_usd_text(&s,
	                     money(a,
	                         "{amount: 1.5, unit: "
	                         "trieu_dong}"),
	                     "en"),
	    "(≈ US$ 59)");
	/* Vietnamese pages stay in đồng; dollars need no equivalent. */
	ck_assert_ptr_null(fx_usd_text(&s,
	    money(a,
	        "{amount: 120, unit: "
	        "ty_dong}"),
	    "vi"));
	ck_assert_ptr_null(fx_usd_text(&s,
	    money(a,
	        "{amount: 120, unit: "
	        "usd}"),
	    "en"));
	ck_assert_ptr_null(fx_usd_text(&s,
	    money(a,
	        "{amount: abc, unit: "
	        "dong}"),
	    "en"));
	/* A budget's figure in its currency unit. */
	ck_assert_str_eq(fx_usd_figure(&s, "2750000000", "dong", "en"),
	    "(≈ US$ 108,268)");
	ck_assert_str_eq(fx_usd_figure(&s, "1060000", "nghin_dong", "en"),
	    "(≈ US$ 41,732)");
	ck_assert_ptr_null(fx_usd_figure(&s, "2750000000", "dong", "vi"));
	ck_assert_ptr_null(fx_usd_figure(&s, "-5", "dong", "en"));
	ck_assert_ptr_null(fx_usd_figure(&s, "1e3", "dong", "en"));
	ck_assert_ptr_null(fx_usd_figure(&s, NULL, "dong", "en"));
	fx_globals(&s);
	note = value_map_str(value_map_get(s.globals[1], "site"),
	    "exchange_rate_note");
	ck_assert_str_eq(note,
	    "US$ 1 = 25,400 VND (30 Nov 2026; State Bank "
	    "of Vietnam)");
	ck_assert_ptr_null(value_map_get(value_map_get(s.globals[0], "site"),
	    "exchange_rate_note"));
	arena_free(a);
}
END_TEST

START_TEST(test_fx_none)
{
	struct arena *a = arena_new();
	struct site s;

	site_of(&s, a, "title: x\n");
	fx_load(&s);
	ck_assert_str_eq(tu_diags_text(a, s.diags), "");
	ck_assert_ptr_null(s.fx);
	ck_assert_ptr_null(fx_usd_text(&s,
	    money(a,
	        "{amount: 120, unit: "
	        "ty_dong}"),
	    "en"));
	fx_globals(&s);
	ck_assert_ptr_null(value_map_get(value_map_get(s.globals[1], "site"),
	    "exchange_rate_note"));
	arena_free(a);
}
END_TEST

START_TEST(test_fx_errors)
{
	struct arena *a = arena_new();
	struct site s;

	/* A rate written with separators, an impossible date, an extra
	 * key; each error where it stands. */
	site_of(&s, a,
	    "title: x\n"
	    "exchange_rate:\n"
	    "  usd_vnd: \"25.400\"\n"
	    "  date: 2026-02-30\n"
	    "  source: SBV\n"
	    "  sorce: x\n");
	fx_load(&s);
	ck_assert_ptr_null(s.fx);
	tu_assert_diag(s.diags, "content/site.yaml:3:12: lỗi: ");
	tu_assert_diag(s.diags, "«25.400» [config.fx-rate]");
	tu_assert_diag(s.diags, "content/site.yaml:4:9: lỗi: ");
	tu_assert_diag(s.diags, "«2026-02-30» [config.fx-date]");
	tu_assert_diag(s.diags, "content/site.yaml:6:3: cảnh báo: ");
	tu_assert_diag(s.diags, "[config.fx-unknown-key]");
	ck_assert_ptr_null(fx_usd_text(&s,
	    money(a,
	        "{amount: 120, unit: "
	        "ty_dong}"),
	    "en"));
	arena_free(a);

	/* 25.400 is 25.4 to YAML: a slip of the thousands dot. */
	a = arena_new();
	site_of(&s, a,
	    "exchange_rate:\n"
	    "  usd_vnd: 25.400\n"
	    "  date: 2026-11-30\n"
	    "  source: SBV\n");
	fx_load(&s);
	ck_assert_ptr_null(s.fx);
	tu_assert_diag(s.diags, "content/site.yaml:2:12: lỗi: ");
	tu_assert_diag(s.diags, "«25.400»");
	tu_assert_diag(s.diags, "[config.fx-rate-range]");
	arena_free(a);

	/* A missing source (at the map), a zero rate, not a map. */
	a = arena_new();
	site_of(&s, a,
	    "exchange_rate:\n"
	    "  usd_vnd: 0\n"
	    "  date: 2026-11-30\n");
	fx_load(&s);
	ck_assert_ptr_null(s.fx);
	tu_assert_diag(s.diags, "content/site.yaml:2:12: lỗi: ");
	tu_assert_diag(s.diags, "[config.fx-rate]");
	tu_assert_diag(s.diags, "content/site.yaml:1:1: lỗi: ");
	tu_assert_diag(s.diags, "`source`");
	tu_assert_diag(s.diags, "[config.fx-missing]");
	arena_free(a);
	a = arena_new();
	site_of(&s, a, "exchange_rate: 25400\n");
	fx_load(&s);
	ck_assert_ptr_null(s.fx);
	tu_assert_diag(s.diags, "content/site.yaml:1:16: lỗi: ");
	tu_assert_diag(s.diags, "[config.fx-not-map]");
	arena_free(a);
}
END_TEST

Suite *
fx_suite(void)
{
	Suite *s = suite_create("fx");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_fx_equivalents);
	tcase_add_test(tc, test_fx_none);
	tcase_add_test(tc, test_fx_errors);
	suite_add_tcase(s, tc);
	return s;
}
