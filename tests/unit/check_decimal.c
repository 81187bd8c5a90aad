/*
 * decimal: the one exact-decimal engine.  Parsing as written (syntax,
 * the first fault deciding, the budget's 10^17 and 6-decimal limits, the
 * records' 18 digits, YAML nodes), scale alignment and overflow, sums,
 * comparison, percentages (half away from zero, either rounding of a tie
 * accepted, signs, a zero denominator) and text for data and readers.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "budget_forms.h"
#include "buf.h"
#include "budget_table.h"
#include "decimal.h"
#include "diag.h"
#include "fmt.h"
#include "testutil.h"
#include "summary.h"
#include "value.h"

Suite *decimal_suite(void);

/* As themes/default/i18n/{vi,en}.yaml's `format:` write figures. */
static const struct fmt_style vi_ = {".", ",", "{dd}/{mm}/{y}", {NULL},
    "%"};
static const struct fmt_style en_ = {",", ".", "{d} {month} {y}", {NULL},
    "%"};

static enum decimal_status
parse(const char *s, int max_scale, int64_t max, struct decimal *d)
{
	return decimal_parse(s, strlen(s), max_scale, max, d);
}

static struct decimal
dec(int64_t m, int scale)
{
	return (struct decimal){m, scale};
}

/* The data text of d, in a static buffer (one at a time). */
static const char *
text(struct decimal d)
{
	static char out[64];
	struct buf b = {0};

	decimal_text(&b, d);
	ck_assert_uint_lt(b.len, sizeof out);
	memcpy(out, buf_cstr(&b), b.len + 1);
	buf_release(&b);
	return out;
}

START_TEST(test_decimal_parse)
{
	struct decimal d = {42, 42};

	ck_assert_int_eq(parse("-1250.50", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_OK);
	ck_assert_int_eq(d.m, -125050);
	ck_assert_int_eq(d.scale, 2);
	ck_assert_int_eq(parse("+7", 6, DECIMAL_AMOUNT_MAX, &d), DECIMAL_OK);
	ck_assert_int_eq(d.m, 7);
	ck_assert_int_eq(d.scale, 0);
	ck_assert_int_eq(parse("0.000001", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_OK);
	ck_assert_int_eq(d.m, 1);
	ck_assert_int_eq(d.scale, 6);
	/* Not plain decimals: *d is left alone. */
	d = dec(42, 42);
	ck_assert_int_eq(parse("1e3", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_SYNTAX);
	ck_assert_int_eq(parse(".5", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_SYNTAX);
	ck_assert_int_eq(parse("5.", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_SYNTAX);
	ck_assert_int_eq(parse("1.2.3", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_SYNTAX);
	ck_assert_int_eq(parse("1_000", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_SYNTAX);
	ck_assert_int_eq(parse("-", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_SYNTAX);
	ck_assert_int_eq(parse("", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_SYNTAX);
	ck_assert_int_eq(parse("1,5", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_SYNTAX);
	ck_assert_int_eq(d.m, 42);
	ck_assert_int_eq(d.scale, 42);
	/* Only n bytes are read. */
	ck_assert_int_eq(decimal_parse("12x", 2, 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_OK);
	ck_assert_int_eq(d.m, 12);
}
END_TEST

START_TEST(test_decimal_parse_limits)
{
	struct decimal d;
	int64_t u = 0;
	int n = -1;

	/* Seven decimals where six are allowed: too fine, even when the
	 * text would be refused further on. */
	ck_assert_int_eq(parse("1.1234567", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_RANGE);
	ck_assert_int_eq(parse("1.1234567e3", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_RANGE);
	ck_assert_int_eq(parse("1.5e3", 6, DECIMAL_AMOUNT_MAX, &d),
	    DECIMAL_SYNTAX);
	/* 10^17 is the largest amount, at the table's scale. */
	ck_assert_int_eq(decimal_parse_units("100000000000000000", 0,
	    DECIMAL_AMOUNT_MAX, &u, &n), DECIMAL_OK);
	ck_assert_int_eq(u, DECIMAL_AMOUNT_MAX);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(decimal_parse_units("100000000000000001", 0,
	    DECIMAL_AMOUNT_MAX, &u, &n), DECIMAL_RANGE);
	ck_assert_int_eq(decimal_parse_units("-100000000000000001", 0,
	    DECIMAL_AMOUNT_MAX, &u, &n), DECIMAL_RANGE);
	/* In units of 10^-2, 10^15 is the largest. */
	ck_assert_int_eq(decimal_parse_units("1000000000000000", 2,
	    DECIMAL_AMOUNT_MAX, &u, &n), DECIMAL_OK);
	ck_assert_int_eq(u, DECIMAL_AMOUNT_MAX);
	ck_assert_int_eq(decimal_parse_units("1000000000000000.01", 2,
	    DECIMAL_AMOUNT_MAX, &u, &n), DECIMAL_RANGE);
	ck_assert_int_eq(decimal_parse_units("1000000000000001", 2,
	    DECIMAL_AMOUNT_MAX, &u, &n), DECIMAL_RANGE);
	/* Scaled up to the table's decimals, written decimals kept. */
	ck_assert_int_eq(decimal_parse_units("-1060.5", 3,
	    DECIMAL_AMOUNT_MAX, &u, &n), DECIMAL_OK);
	ck_assert_int_eq(u, -1060500);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(decimal_parse_units("1.2345", 3,
	    DECIMAL_AMOUNT_MAX, &u, &n), DECIMAL_RANGE);
	/* Far beyond 64 bits: refused, never wrapped. */
	ck_assert_int_eq(parse("99999999999999999999999999", 0,
	    DECIMAL_AMOUNT_MAX, &d), DECIMAL_RANGE);
	/* A record's figure: 18 digits, not 19. */
	ck_assert_int_eq(parse("999999999999999999", 18, DECIMAL_DIGITS_MAX,
	    &d), DECIMAL_OK);
	ck_assert_int_eq(d.m, DECIMAL_DIGITS_MAX);
	ck_assert_int_eq(parse("1000000000000000000", 18, DECIMAL_DIGITS_MAX,
	    &d), DECIMAL_RANGE);
	ck_assert_int_eq(parse("12345678.12345678912", 18,
	    DECIMAL_DIGITS_MAX, &d), DECIMAL_RANGE);
	ck_assert_int_eq(decimal_count("1.500"), 3);
	ck_assert_int_eq(decimal_count("1500"), 0);
	ck_assert_int_eq(decimal_count("-0.25"), 2);
}
END_TEST

START_TEST(test_decimal_of_value)
{
	static const char src[] = "a: 112.9579\nb: -3\nc: 1e3\nd: '5'\n"
	    "e: 1234567890123456789\nf: ~\ng: 0.5\n";
	struct arena *a = arena_new();
	struct diags *dg = diags_new(a);
	struct value *v = NULL;
	struct decimal d;

	ck_assert_int_eq(value_parse_yaml(a, dg, "t.yaml", src,
	    sizeof src - 1, 1, &v), 0);
	ck_assert(decimal_of_value(value_map_get(v, "a"), &d));
	ck_assert_int_eq(d.m, 1129579);
	ck_assert_int_eq(d.scale, 4);
	ck_assert(decimal_of_value(value_map_get(v, "b"), &d));
	ck_assert_int_eq(d.m, -3);
	ck_assert_int_eq(d.scale, 0);
	ck_assert(decimal_of_value(value_map_get(v, "g"), &d));
	ck_assert_int_eq(d.m, 5);
	ck_assert_int_eq(d.scale, 1);
	ck_assert(!decimal_of_value(value_map_get(v, "c"), &d));
	ck_assert(!decimal_of_value(value_map_get(v, "d"), &d));
	ck_assert(!decimal_of_value(value_map_get(v, "e"), &d));
	ck_assert(!decimal_of_value(value_map_get(v, "f"), &d));
	ck_assert(!decimal_of_value(value_map_get(v, "missing"), &d));
	ck_assert(!decimal_of_value(NULL, &d));
	arena_free(a);
}
END_TEST

START_TEST(test_decimal_align_add_cmp)
{
	struct decimal x = dec(15, 1), y = dec(-325, 2), s = dec(0, 0);
	bool ok = false;

	ck_assert(decimal_align(&x, &y));
	ck_assert_int_eq(x.m, 150);
	ck_assert_int_eq(x.scale, 2);
	ck_assert_int_eq(y.m, -325);
	ck_assert(decimal_add(&s, dec(333, 1)));
	ck_assert(decimal_add(&s, dec(3334, 2)));
	ck_assert(decimal_add(&s, dec(3333, 2)));
	ck_assert_str_eq(text(s), "99.97");
	ck_assert_int_eq(decimal_cmp(s, dec(100, 0), &ok), -1);
	ck_assert(ok);
	ck_assert_int_eq(decimal_cmp(dec(9468, 2), dec(94680, 3), &ok), 0);
	ck_assert(ok);
	ck_assert_int_eq(decimal_cmp(dec(-1, 0), dec(-5, 1), &ok), -1);
	ck_assert(ok);
	/* Overflow is detected, in alignment and in sums. */
	x = dec(DECIMAL_DIGITS_MAX, 0);
	y = dec(1, 2);
	ck_assert(!decimal_align(&x, &y));
	decimal_cmp(dec(DECIMAL_DIGITS_MAX, 0), dec(1, 2), &ok);
	ck_assert(!ok);
	s = dec(INT64_MAX - 1, 0);
	ck_assert(decimal_add(&s, dec(1, 0)));
	ck_assert_int_eq(s.m, INT64_MAX);
	ck_assert(!decimal_add(&s, dec(1, 0)));
	s = dec(INT64_MIN + 1, 0);
	ck_assert(!decimal_add(&s, dec(-2, 0)));
	x = dec(5, 0);
	ck_assert(decimal_rescale(&x, 3));
	ck_assert_int_eq(x.m, 5000);
	ck_assert(decimal_rescale(&x, 1));	/* never lowers */
	ck_assert_int_eq(x.scale, 3);
	ck_assert(decimal_is_whole(dec(1200, 2)));
	ck_assert(decimal_is_whole(dec(-7, 0)));
	ck_assert(!decimal_is_whole(dec(1250, 2)));
	ck_assert(!decimal_is_whole(dec(-1, 18)));
	x = decimal_trunc(dec(-1060500, 3), 1);
	ck_assert_int_eq(x.m, -10605);
	ck_assert_int_eq(x.scale, 1);
}
END_TEST

/* 100 * num / den at k decimals, rounded, as data text. */
static const char *
pct(struct decimal num, struct decimal den, int k)
{
	struct decimal_pct p;

	if (!decimal_percent(num, den, k, &p))
		return "refused";
	return text(decimal_pct_round(&p));
}

START_TEST(test_decimal_percent)
{
	struct decimal r = {0, 0};
	struct decimal_pct p;

	/* 112.9579 ha over 119.3 ha: 94.68390...% */
	ck_assert_str_eq(pct(dec(1129579, 4), dec(1193, 1), 2), "94.68");
	ck_assert_str_eq(pct(dec(1129579, 4), dec(1193, 1), 3), "94.684");
	/* Half away from zero, both signs: 1/8 = 12.5%. */
	ck_assert_str_eq(pct(dec(1, 0), dec(8, 0), 0), "13");
	ck_assert_str_eq(pct(dec(-1, 0), dec(8, 0), 0), "-13");
	ck_assert_str_eq(pct(dec(1, 0), dec(-8, 0), 0), "-13");
	ck_assert_str_eq(pct(dec(-1, 0), dec(-8, 0), 0), "13");
	ck_assert_str_eq(pct(dec(1, 0), dec(8, 0), 1), "12.5");
	ck_assert_str_eq(pct(dec(2, 0), dec(3, 0), 1), "66.7");
	ck_assert_str_eq(pct(dec(0, 0), dec(3, 0), 2), "0.00");
	/* 0 as denominator, and a quotient beyond 64 bits. */
	ck_assert_str_eq(pct(dec(1, 0), dec(0, 2), 1), "refused");
	ck_assert_str_eq(pct(dec(DECIMAL_AMOUNT_MAX / 10, 0), dec(1, 0), 1),
	    "refused");
	ck_assert_str_eq(pct(dec(DECIMAL_AMOUNT_MAX / 10, 0), dec(1, 0), 0),
	    "1000000000000000000");
	/* Scales that cannot be aligned. */
	ck_assert_str_eq(pct(dec(DECIMAL_DIGITS_MAX, 0), dec(1, 3), 0),
	    "refused");
	/* A share or occupancy: num >= 0, den > 0 only. */
	ck_assert(decimal_percent_of(dec(429, 0), dec(1000, 0), 1, &r));
	ck_assert_str_eq(text(r), "42.9");
	ck_assert(!decimal_percent_of(dec(-1, 0), dec(8, 0), 1, &r));
	ck_assert(!decimal_percent_of(dec(1, 0), dec(-8, 0), 1, &r));
	ck_assert(!decimal_percent_of(dec(1, 0), dec(0, 0), 1, &r));
	ck_assert_int_eq(r.m, 429);
	/* Exactly: q and r of the absolute values. */
	ck_assert(decimal_percent(dec(-2, 0), dec(3, 0), 1, &p));
	ck_assert_uint_eq(p.q, 666);
	ck_assert_uint_eq(p.r, 2);
	ck_assert_uint_eq(p.den, 3);
	ck_assert(p.neg);
	ck_assert_int_eq(p.scale, 1);
}
END_TEST

START_TEST(test_decimal_pct_agrees)
{
	struct decimal_pct p;

	/* 1/8 = 12.5%: at 0 decimals both 12 and 13 are accepted. */
	ck_assert(decimal_percent(dec(1, 0), dec(8, 0), 0, &p));
	ck_assert(decimal_pct_agrees(&p, dec(12, 0)));
	ck_assert(decimal_pct_agrees(&p, dec(13, 0)));
	ck_assert(!decimal_pct_agrees(&p, dec(11, 0)));
	ck_assert(!decimal_pct_agrees(&p, dec(14, 0)));
	ck_assert(!decimal_pct_agrees(&p, dec(-12, 0)));
	/* 2/3 = 66.666...%: only 66.7 at one decimal. */
	ck_assert(decimal_percent(dec(2, 0), dec(3, 0), 1, &p));
	ck_assert(decimal_pct_agrees(&p, dec(667, 1)));
	ck_assert(!decimal_pct_agrees(&p, dec(666, 1)));
	/* Negative: -1/8 = -12.5%. */
	ck_assert(decimal_percent(dec(-1, 0), dec(8, 0), 0, &p));
	ck_assert(decimal_pct_agrees(&p, dec(-12, 0)));
	ck_assert(decimal_pct_agrees(&p, dec(-13, 0)));
	ck_assert(!decimal_pct_agrees(&p, dec(12, 0)));
	/* A tiny negative rounds to 0, whichever sign 0 is written with. */
	ck_assert(decimal_percent(dec(-1, 0), dec(1000, 0), 0, &p));
	ck_assert(decimal_pct_agrees(&p, dec(0, 0)));
	ck_assert(!decimal_pct_agrees(&p, dec(1, 0)));
}
END_TEST

START_TEST(test_decimal_text)
{
	struct arena *a = arena_new();
	struct buf b = {0};

	ck_assert_str_eq(text(dec(9468, 2)), "94.68");
	ck_assert_str_eq(text(dec(-3, 0)), "-3");
	ck_assert_str_eq(text(dec(5, 2)), "0.05");
	ck_assert_str_eq(text(dec(-5, 3)), "-0.005");
	ck_assert_str_eq(text(dec(0, 0)), "0");
	ck_assert_str_eq(text(dec(INT64_MIN, 0)), "-9223372036854775808");
	ck_assert_str_eq(text(dec(DECIMAL_DIGITS_MAX, 18)),
	    "0.999999999999999999");
	ck_assert_str_eq(decimal_str(a, dec(10605, 1)), "1060.5");
	decimal_format(&b, dec(10600000005, 1), &vi_);
	ck_assert_str_eq(buf_cstr(&b), "1.060.000.000,5");
	buf_reset(&b);
	decimal_format(&b, dec(10600000005, 1), &en_);
	ck_assert_str_eq(buf_cstr(&b), "1,060,000,000.5");
	buf_release(&b);
	ck_assert_str_eq(decimal_figure(a, dec(1129579, 4), &vi_, " ha"),
	    "112,9579 ha");
	ck_assert_str_eq(decimal_figure(a, dec(-9468, 2), &en_, "%"),
	    "-94.68%");
	ck_assert_str_eq(decimal_figure(a, decimal_trunc(dec(-1060500000,
	    6), 0), &vi_, ""), "-1.060");
	arena_free(a);
}
END_TEST

/* A form with two amounts, their difference and their percentage. */
static const char form_src[] = "circulars: [{circular: X/2020/TT-BTC}]\n"
    "forms:\n"
    "  - id: 'X/2020/TT-BTC:1'\n"
    "    kinds: [du_toan]\n"
    "    columns:\n"
    "      - {key: a, type: amount}\n"
    "      - {key: b, type: amount}\n"
    "      - {key: d, type: difference, of: [a, b]}\n"
    "      - {key: p, type: percent, of: [a, b], decimals: 1}\n";

/* The diagnostics of a record in that form whose lines are lines. */
static const char *
budget_diags(struct arena *a, const char *unit, const char *lines)
{
	struct diags *d = diags_new(a);
	const struct bforms *fs = budget_forms_load(a, d, "f.yaml",
	    form_src, strlen(form_src));
	struct value *v = NULL;
	const char *rec = arena_printf(a, "kind: du_toan\ncurrency_unit: "
	    "%s\nlines:\n%s", unit, lines);

	ck_assert_ptr_nonnull(fs);
	ck_assert_int_eq(value_parse_yaml(a, d, "r.yaml", rec, strlen(rec), 1,
	    &v), 0);
	budget_table_make(a, d, &fs->forms[0], v);
	return tu_summary(a, d);
}

START_TEST(test_decimal_in_budget)
{
	struct arena *a = arena_new();

	/* 10^17 đồng is the largest amount; one more is refused. */
	ck_assert_str_eq(budget_diags(a, "dong",
	    "  - {stt: I, label: x, values: {a: 100000000000000000}}\n"), "");
	ck_assert_str_eq(budget_diags(a, "dong",
	    "  - {stt: I, label: x, values: {a: 100000000000000001}}\n"),
	    "r.yaml:4:36: error [budget.figure-too-large] 100000000000000001 "
	    "6\n");
	/* Seven decimals of a percentage: refused, not rounded. */
	ck_assert_str_eq(budget_diags(a, "trieu_dong",
	    "  - {stt: I, label: x, values: {a: 1, b: 8, p: 12.5000001}}\n"),
	    "r.yaml:4:48: error [budget.figure-too-large] 12.5000001 6\n");
	/* Two lines of 10^17: their sum cannot be checked. */
	ck_assert_str_eq(budget_diags(a, "dong",
	    "  - stt: I\n"
	    "    label: x\n"
	    "    children:\n"
	    "      - {stt: '1', label: y, values: {a: 100000000000000000}}\n"
	    "      - {stt: '2', label: z, values: {a: 1}}\n"),
	    "r.yaml:4:5: error [budget.sum-too-large]\n");
	/* Sums aligned to the finest decimals, shown with separators. */
	ck_assert_str_eq(budget_diags(a, "trieu_dong",
	    "  - stt: I\n"
	    "    label: x\n"
	    "    values: {a: 1000.5}\n"
	    "    children:\n"
	    "      - {stt: '1', label: y, values: {a: 1000.25}}\n"
	    "      - {stt: '2', label: z, values: {a: 0.125}}\n"),
	    "r.yaml:6:17: error [budget.sum-mismatch] 1.000,5 1.000,375 0,125 "
	    "1.000,375 1000.375\n");
	/* 1 / 8 = 12.5% at 1 decimal: 12.5 only, of either sign. */
	ck_assert_str_eq(budget_diags(a, "dong",
	    "  - {stt: I, label: x, values: {a: 1, b: 8, p: 12.5}}\n"), "");
	ck_assert_str_eq(budget_diags(a, "dong",
	    "  - {stt: I, label: x, values: {a: -1, b: 8, p: -12.5}}\n"), "");
	ck_assert_str_eq(budget_diags(a, "dong",
	    "  - {stt: I, label: x, values: {a: 1, b: 8, p: 12.6}}\n"),
	    "r.yaml:4:48: error [budget.ratio-mismatch] 12,6% 12,5% 12,5 12.5\n");
	/* A stated percentage with fewer decimals: either rounding of the
	 * tie 12.5 is accepted. */
	ck_assert_str_eq(budget_diags(a, "dong",
	    "  - {stt: I, label: x, values: {a: 1, b: 8, p: 12}}\n"), "");
	ck_assert_str_eq(budget_diags(a, "dong",
	    "  - {stt: I, label: x, values: {a: 1, b: 8, p: 13}}\n"), "");
	ck_assert_str_eq(budget_diags(a, "dong",
	    "  - {stt: I, label: x, values: {a: 1, b: 8, p: -13}}\n"),
	    "r.yaml:4:48: error [budget.ratio-mismatch] -13% 12,5% 12,5 12.5\n");
	/* The difference, exactly. */
	ck_assert_str_eq(budget_diags(a, "nghin_dong",
	    "  - {stt: I, label: x, values: {a: 5.5, b: 8.25, d: -2.7}}\n"),
	    "r.yaml:4:53: error [budget.difference-mismatch] -2,7 -2,75 -2,75 "
	    "-2.75\n");
	arena_free(a);
}
END_TEST

Suite *
decimal_suite(void)
{
	Suite *s = suite_create("decimal");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_test(tc, test_decimal_parse);
	tcase_add_test(tc, test_decimal_parse_limits);
	tcase_add_test(tc, test_decimal_of_value);
	suite_add_tcase(s, tc);

	tc = tcase_create("arithmetic");
	tcase_add_test(tc, test_decimal_align_add_cmp);
	tcase_add_test(tc, test_decimal_percent);
	tcase_add_test(tc, test_decimal_pct_agrees);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_test(tc, test_decimal_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("budget");
	tcase_add_test(tc, test_decimal_in_budget);
	suite_add_tcase(s, tc);
	return s;
}
