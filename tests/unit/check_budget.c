/*
 * Unit tests for budget.c and budget_render.c: every reviewer's check
 * fails with its exact located message and passes on good records
 * (sums, "of which", percentages, stt, estimate across files, quarters,
 * deadlines, forms); exact decimals; the CSV, JSON and SVG bytes.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "budget_table.h"
#include "buf.h"
#include "diag.h"
#include "site.h"
#include "value.h"
#include "testutil.h"

Suite *budget_suite(void);

#define MAXREC 6

/* A site with one budget collection, made by hand (no site.c). */
struct fx {
	struct arena *a;
	struct diags *d;
	struct site s;
	struct collection co;
	struct item it[MAXREC];
	struct item *items[MAXREC];
};

static void
fx_init(struct fx *x)
{
	memset(x, 0, sizeof *x);
	x->a = arena_new();
	x->d = diags_new(x->a);
	x->s.arena = x->a;
	x->s.diags = x->d;
	x->s.root = "/";
	x->s.base_url = "https://example.invalid/";
	x->s.langs[0] = "vi";
	x->s.langs[1] = "en";
	x->s.nlangs = 2;
	x->s.colls = &x->co;
	x->s.ncolls = 1;
	x->co.name = "budgets";
	x->co.kind = "budget";
	x->co.items = x->items;
}

/* Adds the record yaml as content/budgets/<base>.yaml in lang. */
static struct item *
fx_add(struct fx *x, const char *base, const char *lang, const char *yaml)
{
	struct item *it = &x->it[x->co.n];
	struct value *v = NULL;

	ck_assert_int_lt(x->co.n, MAXREC);
	it->path = arena_printf(x->a, "content/budgets/%s.yaml", base);
	it->coll = &x->co;
	it->base = base;
	it->lang = lang;
	it->lang_index = strcmp(lang, "vi") == 0 ? 0 : 1;
	ck_assert_int_eq(value_parse_yaml(x->a, x->d, it->path, yaml,
	    strlen(yaml), 1, &v), 0);
	it->data = v;
	it->slug = base;
	it->url = arena_printf(x->a, "/%sngan-sach/%s/", it->lang_index ?
	    "en/" : "", base);
	it->out = arena_printf(x->a, "%sngan-sach/%s/index.html",
	    it->lang_index ? "en/" : "", base);
	it->frame = value_map(x->a);
	x->items[x->co.n++] = it;
	return it;
}

/* budget_check over the records; compares every diagnostic printed. */
static void
expect_check(struct fx *x, const char *want)
{
	const char *got;

	budget_check(&x->s);
	got = tu_diags_text(x->a, x->d);
	ck_assert_msg(strcmp(got, want) == 0, "want:\n%sgot:\n%s", want, got);
	arena_free(x->a);
}

static void
expect_one(const char *yaml, const char *want)
{
	struct fx x;

	fx_init(&x);
	fx_add(&x, "r", "vi", yaml);
	expect_check(&x, want);
}

/* The head of an estimate in form 2: its lines start on line 10. */
#define DU_TOAN(cu) \
	"kind: du_toan\n" \
	"fiscal_year: 2020\n" \
	"unit: {name: Ban A}\n" \
	"form: {circular: 90/2018/TT-BTC, number: 2}\n" \
	"decision: {number: 01/QĐ-BQL, date: 2020-01-10}\n" \
	"approval: {number: 05/QĐ-UBND, date: 2020-01-06}\n" \
	"published_on: 2020-01-20\n" \
	"currency_unit: " cu "\n" \
	"lines:\n"

/* The head of an execution report in form 3: lines from line 11. */
#define THUC_HIEN(period, basis, pub) \
	"kind: thuc_hien\n" \
	"period: " period "\n" \
	"fiscal_year: 2020\n" \
	"unit: {name: Ban A}\n" \
	"form: {circular: 90/2018/TT-BTC, number: 3}\n" \
	"decision: {number: 02/QĐ-BQL, date: " basis "}\n" \
	"# the deadline counts from the end of the period\n" \
	"published_on: " pub "\n" \
	"currency_unit: dong\n" \
	"lines:\n"

/* An estimate whose lines add up (with an "of which" row). */
static const char good_estimate[] = DU_TOAN("dong")
    "  - stt: A\n"
    "    label: Thu phí, lệ phí\n"
    "    values: {du_toan: 60000000}\n"
    "  - stt: B\n"
    "    label: Chi ngân sách\n"
    "    children:\n"
    "      - stt: I\n"
    "        label: Chi thường xuyên\n"
    "        values: {du_toan: 1250000000}\n"
    "        children:\n"
    "          - {stt: '1', label: Chi lương, values: {du_toan: 1000000000}}\n"
    "          - {label: 'Trong đó: phụ cấp', of_which: true, values: {du_toan: 200000000}}\n"
    "          - {stt: '2', label: Chi hoạt động, values: {du_toan: 250000000}}\n"
    "      - stt: II\n"
    "        label: Chi không thường xuyên\n"
    "        values: {du_toan: 50000000}\n";

/* Sums ------------------------------------------------------------------ */

START_TEST(test_budget_sum_ok)
{
	expect_one(good_estimate, "");
}
END_TEST

START_TEST(test_budget_sum_one_dong)
{
	/* The 1-đồng change: one child off by one. */
	expect_one(DU_TOAN("dong")
	    "  - stt: I\n"
	    "    label: Chi thường xuyên\n"
	    "    values: {du_toan: 1250000000}\n"
	    "    children:\n"
	    "      - {stt: '1', label: Chi lương, values: {du_toan: 1000000000}}\n"
	    "      - {stt: '2', label: Chi khác, values: {du_toan: 249999999}}\n",
	    "content/budgets/r.yaml:12:23: error: line I \"Chi thường xuyên\", "
	    "du_toan: 1.250.000.000 is stated but its lines add up to "
	    "1.249.999.999 (difference 1)\n");
}
END_TEST

START_TEST(test_budget_sum_computed_parent)
{
	struct fx x;
	const struct value *rows, *cells;

	fx_init(&x);
	fx_add(&x, "r", "vi", DU_TOAN("dong")
	    "  - stt: I\n"
	    "    label: Chi\n"
	    "    children:\n"
	    "      - {stt: '1', label: a, values: {du_toan: 700}}\n"
	    "      - {stt: '2', label: b, values: {du_toan: 300}}\n");
	budget_check(&x.s);
	ck_assert_int_eq(diags_errors(x.d), 0);
	budget_model(&x.s);
	rows = value_map_get(x.it[0].frame, "rows");
	ck_assert_int_eq(rows->n, 3);
	cells = value_map_get(rows->items[0], "cells");
	ck_assert_str_eq(value_map_str(cells->items[0], "text"), "1.000");
	ck_assert_str_eq(value_map_str(cells->items[0], "raw"), "1000");
	ck_assert(value_map_get(cells->items[0], "is_computed")->u.b);
	arena_free(x.a);
}
END_TEST

START_TEST(test_budget_sum_exact_decimals)
{
	/* 0.1 + 0.2 is 0.3 exactly (not so in binary floating point). */
	expect_one(DU_TOAN("trieu_dong")
	    "  - stt: I\n"
	    "    label: Chi\n"
	    "    values: {du_toan: 0.3}\n"
	    "    children:\n"
	    "      - {stt: '1', label: a, values: {du_toan: 0.1}}\n"
	    "      - {stt: '2', label: b, values: {du_toan: 0.2}}\n", "");
	expect_one(DU_TOAN("trieu_dong")
	    "  - stt: I\n"
	    "    label: Chi\n"
	    "    values: {du_toan: 1250.5}\n"
	    "    children:\n"
	    "      - {stt: '1', label: a, values: {du_toan: 1000.25}}\n"
	    "      - {stt: '2', label: b, values: {du_toan: 250.24}}\n",
	    "content/budgets/r.yaml:12:23: error: line I \"Chi\", du_toan: "
	    "1.250,5 is stated but its lines add up to 1.250,49 "
	    "(difference 0,01)\n");
	expect_one(DU_TOAN("dong")
	    "  - {stt: I, label: x, values: {du_toan: 1e3}}\n",
	    "content/budgets/r.yaml:10:42: error: line I \"x\", du_toan: "
	    "'1e3' must be written as plain digits with at most one '.' to "
	    "be checked exactly\n");
}
END_TEST

START_TEST(test_budget_of_which)
{
	/* Not added to the parent: 100 + 50 = 150, the 120 is "of which". */
	expect_one(DU_TOAN("dong")
	    "  - stt: I\n"
	    "    label: Chi\n"
	    "    values: {du_toan: 150}\n"
	    "    children:\n"
	    "      - {stt: '1', label: a, values: {du_toan: 100}}\n"
	    "      - {label: 'Trong đó: b', of_which: true, values: {du_toan: 120}}\n"
	    "      - {stt: '2', label: c, values: {du_toan: 50}}\n", "");
	expect_one(DU_TOAN("dong")
	    "  - stt: I\n"
	    "    label: Chi\n"
	    "    values: {du_toan: 150}\n"
	    "    children:\n"
	    "      - {label: 'Trong đó: b', of_which: true, values: {du_toan: 151}}\n",
	    "content/budgets/r.yaml:14:66: error: line \"Trong đó: b\" (of "
	    "which), du_toan: 151 exceeds its parent line I \"Chi\" (150)\n");
}
END_TEST

/* Percentages ------------------------------------------------------------ */

#define PCT(stated) THUC_HIEN("6_thang", "2020-07-10", "2020-07-15") \
	"  - stt: I\n" \
	"    label: Chi\n" \
	"    values: {du_toan_nam: 1060000000, uoc_thuc_hien: 1003608000" \
	stated "}\n"

START_TEST(test_budget_percent)
{
	/* 1003608000 / 1060000000 = 94.68 % exactly. */
	expect_one(PCT(", ty_le: 94.68"), "");
	expect_one(PCT(", ty_le: 94.7"), "");
	expect_one(PCT(", ty_le: 95"), "");
	expect_one(PCT(", ty_le: 94.69"),
	    "content/budgets/r.yaml:13:73: error: line I \"Chi\", ty_le: "
	    "94,69% is stated but uoc_thuc_hien / du_toan_nam is 94,68%\n");
	expect_one(PCT(", ty_le: 94"),
	    "content/budgets/r.yaml:13:73: error: line I \"Chi\", ty_le: "
	    "94% is stated but uoc_thuc_hien / du_toan_nam is 94,68%\n");
}
END_TEST

START_TEST(test_budget_percent_tie)
{
	/* 1 / 8 = 12.5 %: 12 and 13 are both within the rounding. */
	expect_one(THUC_HIEN("6_thang", "2020-07-10", "2020-07-15")
	    "  - {stt: I, label: x, values: {du_toan_nam: 8, uoc_thuc_hien: 1, ty_le: 13}}\n",
	    "");
	expect_one(THUC_HIEN("6_thang", "2020-07-10", "2020-07-15")
	    "  - {stt: I, label: x, values: {du_toan_nam: 8, uoc_thuc_hien: 1, ty_le: 12}}\n",
	    "");
	expect_one(THUC_HIEN("6_thang", "2020-07-10", "2020-07-15")
	    "  - {stt: I, label: x, values: {du_toan_nam: 0, uoc_thuc_hien: 1, ty_le: 12}}\n",
	    "content/budgets/r.yaml:11:74: error: line I \"x\", ty_le: 12% is "
	    "stated but cannot be recomputed: uoc_thuc_hien or du_toan_nam "
	    "is missing or 0\n");
}
END_TEST

/* stt numbering ----------------------------------------------------------- */

static void
expect_stt(const char *lines, const char *want)
{
	struct buf b = {0};

	buf_adds(&b, DU_TOAN("dong"));
	buf_adds(&b, lines);
	expect_one(buf_cstr(&b), want);
	buf_release(&b);
}

START_TEST(test_budget_stt)
{
	expect_stt("  - {stt: A, label: a}\n"
	    "  - stt: B\n"
	    "    label: b\n"
	    "    children:\n"
	    "      - stt: I\n"
	    "        label: c\n"
	    "        children:\n"
	    "          - stt: '1'\n"
	    "            label: d\n"
	    "            children:\n"
	    "              - stt: '1.1'\n"
	    "                label: e\n"
	    "                children:\n"
	    "                  - {stt: a, label: f}\n"
	    "                  - {stt: b, label: g}\n"
	    "                  - {stt: c, label: g}\n"
	    "                  - {stt: d, label: g}\n"
	    "                  - {stt: đ, label: g}\n"
	    "                  - {stt: e, label: g}\n"
	    "              - {stt: '1.2', label: h}\n"
	    "          - {stt: '-', label: i}\n"
	    "          - {stt: '2', label: j}\n"
	    "      - {stt: II, label: k}\n"
	    "      - {stt: III, label: k}\n"
	    "      - {stt: IV, label: k}\n"
	    "      - {stt: V, label: k}\n", "");
	expect_stt("  - {stt: I, label: a}\n"
	    "  - {stt: III, label: b}\n",
	    "content/budgets/r.yaml:11:11: error: stt 'III' follows 'I': "
	    "expected 'II' (lines are numbered without gaps)\n");
	expect_stt("  - {stt: A, label: a}\n"
	    "  - {stt: A, label: b}\n",
	    "content/budgets/r.yaml:11:11: error: stt 'A' is used twice "
	    "among sibling lines (first at 10:11)\n");
	expect_stt("  - {stt: '1)', label: a}\n",
	    "content/budgets/r.yaml:10:11: error: stt '1)' is not a form "
	    "number: use A, B..., I, II..., 1, 2..., 1.1..., a, b... or "
	    "'-'\n");
	expect_stt("  - {stt: A, label: a}\n"
	    "  - {stt: '2', label: b}\n",
	    "content/budgets/r.yaml:11:11: error: stt '2' among lines "
	    "numbered like 'A': number sibling lines in one style\n");
	expect_stt("  - stt: '1'\n"
	    "    label: a\n"
	    "    children:\n"
	    "      - {stt: I, label: b}\n",
	    "content/budgets/r.yaml:13:15: error: stt 'I' under '1' is not a "
	    "lower level: number A, B -> I, II -> 1, 2 -> 1.1 -> a, b\n");
	expect_stt("  - stt: '1'\n"
	    "    label: a\n"
	    "    children:\n"
	    "      - {stt: '2.1', label: b}\n",
	    "content/budgets/r.yaml:13:15: error: stt '2.1' under '1' should "
	    "begin with '1.'\n");
	expect_stt("  - {stt: d, label: a}\n"
	    "  - {stt: f, label: b}\n",
	    "content/budgets/r.yaml:11:11: error: stt 'f' follows 'd': "
	    "expected 'đ' or 'e' (lines are numbered without gaps)\n");
}
END_TEST

/* Forms ----------------------------------------------------------------- */

START_TEST(test_budget_forms)
{
	expect_one("kind: du_toan\n"
	    "form: {circular: 90/2018/TT-BTC, number: 9}\n"
	    "lines: []\n",
	    "content/budgets/r.yaml:2:7: error: unknown form "
	    "90/2018/TT-BTC:9; the known forms are 90/2018/TT-BTC:2 "
	    "(du_toan), 90/2018/TT-BTC:3 (thuc_hien), 90/2018/TT-BTC:4 "
	    "(quyet_toan), 26/2026/TT-BTC:1 (du_toan), 26/2026/TT-BTC:2 "
	    "(thuc_hien), 26/2026/TT-BTC:3 (quyet_toan)\n");
	expect_one("kind: thuc_hien\n"
	    "form: {circular: 90/2018/TT-BTC, number: 2}\n"
	    "lines: []\n",
	    "content/budgets/r.yaml:2:7: error: form 90/2018/TT-BTC:2 serves "
	    "du_toan records, not thuc_hien\n");
	expect_one(DU_TOAN("dong")
	    "  - {stt: A, label: a, values: {du_toan: 1, uoc_thuc_hien: 2}}\n",
	    "content/budgets/r.yaml:10:45: error: 'uoc_thuc_hien' is not a "
	    "column of form 90/2018/TT-BTC:2 (its columns: du_toan)\n");
}
END_TEST

START_TEST(test_budget_forms_load)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	static const char bad[] =
	    "circulars: [{circular: X/2020/TT-BTC}]\n"
	    "forms:\n"
	    "  - id: 'X/2020/TT-BTC:1'\n"
	    "    kinds: [du_toan]\n"
	    "    columns:\n"
	    "      - {key: a, type: amount}\n"
	    "      - {key: p, type: percent, of: [a, b]}\n";
	const struct bforms *fs;
	const char *got;

	fs = budget_forms_builtin(a, d);
	ck_assert_int_eq(fs->n, 6);
	ck_assert_ptr_null(budget_forms_load(a, d, "f.yaml", bad,
	    strlen(bad)));
	got = tu_diags_text(a, d);
	ck_assert_str_eq(got, "f.yaml:7:41: error: 'b' is not an earlier "
	    "amount column\n");
	arena_free(a);
}
END_TEST

/* Across files ------------------------------------------------------------ */

static const char exec_lines[] =
    "  - stt: B\n"
    "    label: Chi ngân sách\n"
    "    children:\n"
    "      - stt: I\n"
    "        label: Chi thường xuyên\n"
    "        values: {du_toan_nam: 1250000000, uoc_thuc_hien: 600000000}\n"
    "      - stt: II\n"
    "        label: Chi không thường xuyên\n"
    "        values: {du_toan_nam: 50000000, uoc_thuc_hien: 10000000}\n";

START_TEST(test_budget_estimate_across)
{
	struct fx x;
	struct buf b = {0};

	fx_init(&x);
	fx_add(&x, "du-toan", "vi", good_estimate);
	buf_adds(&b, THUC_HIEN("6_thang", "2020-07-10", "2020-07-15"));
	buf_adds(&b, exec_lines);
	fx_add(&x, "thuc-hien", "vi", buf_cstr(&b));
	expect_check(&x, "");

	fx_init(&x);
	fx_add(&x, "du-toan", "vi", good_estimate);
	buf_reset(&b);
	buf_adds(&b, THUC_HIEN("6_thang", "2020-07-10", "2020-07-15"));
	buf_adds(&b, "  - stt: B\n"
	    "    label: Chi ngân sách\n"
	    "    children:\n"
	    "      - stt: I\n"
	    "        label: Chi thường xuyên\n"
	    "        values: {du_toan_nam: 1300000000, uoc_thuc_hien: 600000000}\n"
	    "      - stt: III\n"
	    "        label: Chi khác\n"
	    "        values: {du_toan_nam: 5, uoc_thuc_hien: 1}\n");
	fx_add(&x, "thuc-hien", "vi", buf_cstr(&b));
	expect_check(&x,
	    "content/budgets/thuc-hien.yaml:11:5: error: line B \"Chi ngân "
	    "sách\", du_toan_nam: 1.300.000.005 differs from 1.300.000.000 "
	    "in the estimate in force on 30/06/2020 "
	    "(content/budgets/du-toan.yaml:13:5)\n"
	    "content/budgets/thuc-hien.yaml:16:31: error: line I \"Chi thường "
	    "xuyên\", du_toan_nam: 1.300.000.000 differs from 1.250.000.000 "
	    "in the estimate in force on 30/06/2020 "
	    "(content/budgets/du-toan.yaml:18:27)\n"
	    "content/budgets/thuc-hien.yaml:17:14: error: stt 'III' follows "
	    "'I': expected 'II' (lines are numbered without gaps)\n"
	    "content/budgets/thuc-hien.yaml:19:31: error: line III \"Chi "
	    "khác\", du_toan_nam: the estimate in force on 30/06/2020, "
	    "content/budgets/du-toan.yaml, has no line B/III\n");
	buf_release(&b);
}
END_TEST

START_TEST(test_budget_year_to_date)
{
	struct fx x;
	struct buf b = {0};

	fx_init(&x);
	buf_adds(&b, THUC_HIEN("quy_1", "2020-04-10", "2020-04-15"));
	buf_adds(&b, "  - {stt: I, label: x, values: {du_toan_nam: 1000, "
	    "uoc_thuc_hien: 400}}\n");
	fx_add(&x, "q1", "vi", buf_cstr(&b));
	buf_reset(&b);
	buf_adds(&b, THUC_HIEN("6_thang", "2020-07-10", "2020-07-15"));
	buf_adds(&b, "  - {stt: I, label: x, values: {du_toan_nam: 1000, "
	    "uoc_thuc_hien: 300}}\n");
	fx_add(&x, "h1", "vi", buf_cstr(&b));
	expect_check(&x, "content/budgets/q1.yaml:11:67: warning: line I "
	    "\"x\", uoc_thuc_hien: 400 for quy_1 exceeds 300 for 6_thang "
	    "(content/budgets/h1.yaml:11:67); the figures of execution "
	    "reports are year-to-date\n");

	fx_init(&x);
	buf_reset(&b);
	buf_adds(&b, THUC_HIEN("quy_1", "2020-04-10", "2020-04-15"));
	buf_adds(&b, "  - {stt: I, label: x, values: {du_toan_nam: 1000, "
	    "uoc_thuc_hien: 300}}\n");
	fx_add(&x, "q1", "vi", buf_cstr(&b));
	buf_reset(&b);
	buf_adds(&b, THUC_HIEN("6_thang", "2020-07-10", "2020-07-15"));
	buf_adds(&b, "  - {stt: I, label: x, values: {du_toan_nam: 1000, "
	    "uoc_thuc_hien: 300}}\n");
	fx_add(&x, "h1", "vi", buf_cstr(&b));
	expect_check(&x, "");
	buf_release(&b);
}
END_TEST

/* Pages and downloads -------------------------------------------------------- */

static const struct page *
page_of(const struct site *s, const char *out)
{
	for (size_t i = 0; i < s->npages; i++)
		if (strcmp(s->pages[i].out, out) == 0)
			return &s->pages[i];
	return NULL;
}

/* A cell's key in the frame's rows. */
static const char *
cell(const struct value *f, size_t row, size_t col, const char *key)
{
	const struct value *rows = value_map_get(f, "rows"), *cells;

	ck_assert_uint_gt(rows->n, row);
	cells = value_map_get(rows->items[row], "cells");
	ck_assert_uint_gt(cells->n, col);
	return value_map_str(cells->items[col], key);
}

START_TEST(test_budget_csv_json)
{
	struct fx x;
	const struct page *p;
	const struct value *f;

	fx_init(&x);
	fx_add(&x, "2020-thuc-hien", "vi",
	    THUC_HIEN("6_thang", "2020-07-10", "2020-07-15")
	    "  - stt: I\n"
	    "    label: 'Chi \"thường\", xuyên'\n"
	    "    children:\n"
	    "      - {stt: '1', label: '=cmd', values: {du_toan_nam: 1000000000, uoc_thuc_hien: 946800000}}\n"
	    "      - {stt: '2', label: b, values: {du_toan_nam: 60000000, uoc_thuc_hien: 56808000}}\n");
	budget_check(&x.s);
	ck_assert_int_eq(diags_errors(x.d), 0);
	budget_model(&x.s);
	ck_assert_int_eq(x.s.npages, 2);
	p = page_of(&x.s, "ngan-sach/2020-thuc-hien/du-lieu.csv");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->data, "\xef\xbb\xbf"
	    "Mã dòng,Cấp,Mã dòng cha,Loại dòng,STT,Nội dung,"
	    "Dự toán năm (đồng),Ước thực hiện (đồng),"
	    "Ước thực hiện/Dự toán năm (%)\r\n"
	    "I,0,,sum,I,\"Chi \"\"thường\"\", xuyên\",1060000000,"
	    "1003608000,94.68\r\n"
	    "I.1,1,I,stated,1,\"'=cmd\",1000000000,946800000,94.68\r\n"
	    "I.2,1,I,stated,2,b,60000000,56808000,94.68\r\n");
	ck_assert_uint_eq(p->len, strlen(p->data));
	p = page_of(&x.s, "ngan-sach/2020-thuc-hien/du-lieu.json");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p->data, "{\"code\":\"I\",\"level\":0,"
	    "\"parent\":null,\"kind\":\"sum\",\"stt\":\"I\",\"label\":"
	    "\"Chi \\\"thường\\\", xuyên\",\"depth\":0,\"of_which\":false,"
	    "\"total\":false,\"values\":{\"du_toan_nam\":1060000000,"
	    "\"uoc_thuc_hien\":1003608000,\"ty_le\":94.68}}"));
	ck_assert_ptr_nonnull(strstr(p->data, "\"form\":{\"id\":"
	    "\"90/2018/TT-BTC:3\""));
	f = x.it[0].frame;
	ck_assert_str_eq(value_map_str(f, "csv_url"),
	    "/ngan-sach/2020-thuc-hien/du-lieu.csv");
	ck_assert_str_eq(value_map_str(f, "period_text"),
	    "6 tháng đầu năm 2020");
	ck_assert_str_eq(value_map_str(f, "currency_unit_text"), "đồng");
	ck_assert_str_eq(value_map_str(f, "published_on_text"), "15/07/2020");
	ck_assert_str_eq(cell(f, 0, 0, "text"), "1.060.000.000");
	ck_assert_str_eq(cell(f, 0, 2, "text"), "94,68%");
	ck_assert_str_eq(cell(f, 0, 2, "raw"), "94.68");
	ck_assert_int_eq(value_map_get(f, "columns")->n, 3);
	arena_free(x.a);
}
END_TEST

START_TEST(test_budget_english_and_total)
{
	struct fx x;
	const struct value *f, *rows;

	fx_init(&x);
	fx_add(&x, "r", "en", "kind: du_toan\nfiscal_year: 2026\n"
	    "unit: {name: Board}\n"
	    "form: {circular: 26/2026/TT-BTC, number: 1}\n"
	    "currency_unit: trieu_dong\n"
	    "lines:\n"
	    "  - {stt: '1', label: a, values: {du_toan: 1250.5}}\n"
	    "  - {stt: '2', label: b, values: {du_toan: 10}}\n");
	budget_check(&x.s);
	ck_assert_int_eq(diags_errors(x.d), 0);
	budget_model(&x.s);
	f = x.it[0].frame;
	ck_assert_str_eq(value_map_str(f, "currency_unit_text"),
	    "million dong");
	ck_assert_str_eq(value_map_str(f, "title"),
	    "Budget estimate year 2026");
	rows = value_map_get(f, "rows");
	ck_assert_int_eq(rows->n, 3);
	ck_assert(value_map_get(rows->items[2], "is_total")->u.b);
	ck_assert_str_eq(cell(f, 2, 0, "text"), "1,260.5");
	ck_assert_str_eq(value_map_str(value_map_get(value_map_get(f,
	    "total"), "cells")->items[0], "raw"), "1260.5");
	/* The optional columns nobody filled are not shown. */
	ck_assert_int_eq(value_map_get(f, "columns")->n, 1);
	arena_free(x.a);
}
END_TEST

START_TEST(test_budget_chart)
{
	struct fx x;
	const char *svg;

	fx_init(&x);
	fx_add(&x, "r", "vi", DU_TOAN("dong")
	    "  - {stt: A, label: '<script>x</script> & \"q\"', values: {du_toan: 100}}\n"
	    "  - {stt: B, label: b, values: {du_toan: 50}}\n"
	    "  - {stt: C, label: c, values: {du_toan: -5}}\n");
	budget_model(&x.s);
	svg = value_map_str(x.it[0].frame, "chart_svg");
	ck_assert_ptr_nonnull(svg);
	ck_assert_ptr_null(strstr(svg, "<script"));
	ck_assert_ptr_null(strstr(svg, "href"));
	ck_assert_ptr_nonnull(strstr(svg, "role=\"img\""));
	ck_assert_ptr_nonnull(strstr(svg, "<title id=\"budget-chart-title\">"
	    "Dự toán được giao (đồng)</title>"));
	ck_assert_ptr_nonnull(strstr(svg, "A &lt;script&gt;x&lt;/script&gt; "
	    "&amp; &quot;q&quot;</text><rect x=\"0\" y=\"20\" width=\"360\""));
	ck_assert_ptr_nonnull(strstr(svg, "width=\"180\""));
	ck_assert_ptr_nonnull(strstr(svg, "width=\"0\""));
	ck_assert_int_eq(value_map_get(x.it[0].frame, "chart_text")->n, 3);
	ck_assert_str_eq(value_map_str(value_map_get(x.it[0].frame,
	    "chart_text")->items[1], "text"), "50 đồng");
	arena_free(x.a);
}
END_TEST

/* Downloads a reader can re-check; series and chains ------------------------ */

START_TEST(test_budget_row_codes)
{
	struct fx x;
	const struct page *p;
	const char **codes;
	const struct btab *t;
	struct buf b = {0};
	struct bident id;
	size_t eq[2];

	fx_init(&x);
	fx_add(&x, "r", "vi", "kind: du_toan\nfiscal_year: 2026\n"
	    "unit: {name: Ban A}\n"
	    "form: {circular: 26/2026/TT-BTC, number: 1}\n"
	    "currency_unit: trieu_dong\n"
	    "lines:\n"
	    "  - stt: A\n"
	    "    label: Thu\n"
	    "    children:\n"
	    "      - {stt: I, label: a, values: {du_toan: 10.5}}\n"
	    "      - {label: 'Trong đó: b', of_which: true, values: {du_toan: 2}}\n"
	    "      - {stt: '-', label: c, values: {du_toan: 1}}\n"
	    "  - {label: d, values: {du_toan: 3}}\n");
	budget_model(&x.s);
	p = page_of(&x.s, "ngan-sach/r/du-lieu.csv");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->data, "\xef\xbb\xbf"
	    "Mã dòng,Cấp,Mã dòng cha,Loại dòng,STT,Nội dung,"
	    "Dự toán năm (triệu đồng)\r\n"
	    "A,0,,sum,A,Thu,11.5\r\n"
	    "A.I,1,A,stated,I,a,10.5\r\n"
	    "A-1,1,A,of_which,,Trong đó: b,2\r\n"
	    "A-2,1,A,stated,\"'-\",c,1\r\n"
	    "0-1,0,,stated,,d,3\r\n"
	    "TONG,0,,total,,Tổng cộng,14.5\r\n");
	p = page_of(&x.s, "ngan-sach/r/du-lieu.json");
	ck_assert_ptr_nonnull(strstr(p->data, "{\"key\":\"du_toan\","
	    "\"label\":\"Dự toán năm\",\"labels\":{\"vi\":\"Dự toán năm\","
	    "\"en\":\"Annual estimate\"},\"unit\":\"trieu_dong\","
	    "\"type\":\"amount\",\"heading\":\"Dự toán năm (triệu đồng)\"}"));
	ck_assert_ptr_nonnull(strstr(p->data, "{\"code\":\"A-1\",\"level\":1,"
	    "\"parent\":\"A\",\"kind\":\"of_which\",\"stt\":\"\","));
	ck_assert_ptr_nonnull(strstr(p->data, "{\"code\":\"TONG\",\"level\":0,"
	    "\"parent\":null,\"kind\":\"total\","));
	/* The identities file: A = A.I + A-2, as the lead will feed it. */
	t = budget_table_make(x.a, NULL, budget_form_find(
	    budget_forms_builtin(x.a, x.d), x.it[0].data, NULL), x.it[0].data);
	codes = budget_row_codes(x.a, t);
	eq[0] = 1;
	eq[1] = 3;
	id.row = 0;
	id.eq = eq;
	id.neq = 2;
	budget_identities_csv(&b, t, codes, &id, 0, 0);
	ck_assert_uint_eq(b.len, 0);
	budget_identities_csv(&b, t, codes, &id, 1, 0);
	ck_assert_str_eq(buf_cstr(&b), "\xef\xbb\xbf"
	    "Mã dòng,Bằng tổng các dòng\r\nA,A.I+A-2\r\n");
	buf_release(&b);
	arena_free(x.a);
}
END_TEST

START_TEST(test_budget_csv_difference_heading)
{
	struct fx x;
	const struct page *p;

	fx_init(&x);
	fx_add(&x, "qt", "en", "kind: quyet_toan\nfiscal_year: 2019\n"
	    "unit: {name: Board}\n"
	    "form: {circular: 90/2018/TT-BTC, number: 4}\n"
	    "currency_unit: dong\n"
	    "lines:\n"
	    "  - {stt: I, label: a, values: {bao_cao_qt: 10, duoc_duyet: 7}}\n");
	budget_model(&x.s);
	p = page_of(&x.s, "en/ngan-sach/qt/du-lieu.csv");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->data, "\xef\xbb\xbf"
	    "Code,Level,Parent code,Row kind,No.,Item,"
	    "Reported accounts (dong),Approved accounts (dong),"
	    "Difference (dong) = Approved accounts - Reported accounts\r\n"
	    "I,0,,stated,I,a,10,7,-3\r\n");
	p = page_of(&x.s, "en/ngan-sach/qt/du-lieu.json");
	ck_assert_ptr_nonnull(strstr(p->data, "\"type\":\"difference\","
	    "\"of\":[\"duoc_duyet\",\"bao_cao_qt\"]"));
	arena_free(x.a);
}
END_TEST

/* The list's first page, as site_model() makes it (the keys read). */
static struct value *
fx_list_page(struct fx *x)
{
	struct value *f = value_map(x->a);
	struct page *p;

	x->s.globals[0] = value_map(x->a);
	x->co.list = true;
	x->co.list_url[0] = "/ngan-sach/";
	value_map_set(x->a, f, "is_list", value_bool(x->a, true));
	value_map_set(x->a, f, "url", value_strz(x->a, "/ngan-sach/"));
	p = site_add_page(&x->s, "ngan-sach/index.html", "content");
	p->frames[0] = x->s.globals[0];
	p->frames[1] = f;
	p->nframes = 2;
	return f;
}

static const char *
chain_title(const struct value *year, const char *step, size_t i)
{
	const struct value *l = value_map_get(year, step);

	ck_assert_ptr_nonnull(l);
	ck_assert_uint_gt(l->n, i);
	return value_map_str(l->items[i], "title");
}

START_TEST(test_budget_series)
{
	struct fx x;
	struct value *list;
	const struct value *units, *years, *y;
	const struct page *p;
	const char *slug = "ngan-sach/chuoi/ban-a/du-lieu.csv";

	fx_init(&x);
	list = fx_list_page(&x);
	fx_add(&x, "2020-6-thang", "vi", "title: T6\n"
	    THUC_HIEN("6_thang", "2020-07-10", "2020-07-15")
	    "  - {stt: I, label: Chi mới, values: {du_toan_nam: 12, uoc_thuc_hien: 5}}\n"
	    "  - {stt: II, label: Chi khác, values: {du_toan_nam: 3, uoc_thuc_hien: 1}}\n");
	fx_add(&x, "2020-dieu-chinh", "vi", "title: ĐC\nadjusts: 2020-du-toan\n"
	    DU_TOAN("dong")
	    "  - {stt: I, label: Chi, values: {du_toan: 12}}\n");
	fx_add(&x, "2020-du-toan", "vi", "title: DT\n" DU_TOAN("dong")
	    "  - {stt: I, label: Chi, values: {du_toan: 10}}\n");
	fx_add(&x, "2019-qt", "vi", "title: QT\nkind: quyet_toan\n"
	    "fiscal_year: 2019\nunit: {name: Ban A}\n"
	    "form: {circular: 90/2018/TT-BTC, number: 4}\n"
	    "currency_unit: dong\nlines:\n"
	    "  - stt: I\n"
	    "    label: Chi cũ\n"
	    "    children:\n"
	    "      - {stt: '1', label: x, values: {bao_cao_qt: 8, duoc_duyet: 7}}\n"
	    "      - {stt: '2', label: y, values: {bao_cao_qt: 1, duoc_duyet: 1}}\n");
	fx_add(&x, "b", "vi", "title: B\nkind: du_toan\nfiscal_year: 2020\n"
	    "unit: {name: Ban B}\n"
	    "form: {circular: 90/2018/TT-BTC, number: 2}\n"
	    "lines:\n  - {stt: I, label: Chi, values: {du_toan: 1}}\n");
	budget_model(&x.s);
	budget_series_model(&x.s, NULL);
	p = page_of(&x.s, slug);
	ck_assert_ptr_nonnull(p);
	/* Fiscal-year order, then estimate, adjustment, report, accounts;
	 * rows merged by code, the newest record's labels. */
	ck_assert_str_eq(p->data, "\xef\xbb\xbf"
	    "Mã dòng,Cấp,Mã dòng cha,Loại dòng,STT,Nội dung,"
	    "2019 · Quyết toán ngân sách năm 2019: Số liệu báo cáo quyết "
	    "toán (đồng),"
	    "2019 · Quyết toán ngân sách năm 2019: Số liệu quyết toán được "
	    "duyệt (đồng),"
	    "2020 · Dự toán ngân sách năm 2020: Dự toán được giao (đồng),"
	    "\"2020 · Dự toán ngân sách năm 2020 (điều chỉnh, 01/QĐ-BQL): "
	    "Dự toán được giao (đồng)\","
	    "2020 · Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm "
	    "2020: Dự toán năm (đồng),"
	    "2020 · Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm "
	    "2020: Ước thực hiện (đồng)\r\n"
	    "I,0,,sum,I,Chi mới,9,8,10,12,12,5\r\n"
	    "I.1,1,I,stated,1,x,8,7,,,,\r\n"
	    "I.2,1,I,stated,2,y,1,1,,,,\r\n"
	    "II,0,,stated,II,Chi khác,,,,,3,1\r\n");
	ck_assert_ptr_nonnull(page_of(&x.s, "ngan-sach/chuoi/ban-b/du-lieu.csv"));
	/* Without the theme's template: the CSV, no page, no page link. */
	ck_assert_ptr_null(page_of(&x.s, "ngan-sach/chuoi/ban-a/index.html"));
	ck_assert_str_eq(value_map_str(x.it[0].frame, "series_csv_url"),
	    "/ngan-sach/chuoi/ban-a/du-lieu.csv");
	ck_assert_ptr_null(value_map_get(x.it[0].frame, "series_url"));
	/* The chain on the list: units by name, newest year first. */
	units = value_map_get(list, "budget_units");
	ck_assert_ptr_nonnull(units);
	ck_assert_uint_eq(units->n, 2);
	ck_assert_str_eq(value_map_str(units->items[0], "name"), "Ban A");
	ck_assert_str_eq(value_map_str(units->items[0], "slug"), "ban-a");
	ck_assert_str_eq(value_map_str(units->items[1], "name"), "Ban B");
	years = value_map_get(units->items[0], "years");
	ck_assert_uint_eq(years->n, 2);
	y = years->items[0];
	ck_assert_str_eq(value_map_str(y, "year"), "2020");
	ck_assert_str_eq(chain_title(y, "estimates", 0), "DT");
	ck_assert_str_eq(chain_title(y, "adjustments", 0), "ĐC");
	ck_assert_str_eq(value_map_str(value_map_get(y, "adjustments")->
	    items[0], "adjusts_url"), "/ngan-sach/2020-du-toan/");
	ck_assert_str_eq(chain_title(y, "reports", 0), "T6");
	ck_assert_int_eq(value_map_get(y, "accounts")->n, 0);
	ck_assert(!value_map_get(y, "has_accounts")->u.b);
	y = years->items[1];
	ck_assert_str_eq(value_map_str(y, "year"), "2019");
	ck_assert_str_eq(chain_title(y, "accounts", 0), "QT");
	ck_assert(!value_map_get(y, "has_estimates")->u.b);
	arena_free(x.a);
}
END_TEST

/* Deadlines and estimates in force (budget_deadline.c) ------------------- */

/*
 * A record of kind in the first form of circular that serves kind (so
 * that renumbered forms keep the test), published_on on line 1: its
 * warnings point at 1:15.  extra holds fiscal_year, period and the
 * trigger fields, one per line, from line 3 on.
 */
static const char *
dated(struct arena *a, const char *circular, const char *kind,
    const char *extra, const char *pub)
{
	struct diags *d = diags_new(a);
	const struct bforms *fs = budget_forms_builtin(a, d);
	const struct bform *f = NULL;

	for (size_t i = 0; i < fs->n && f == NULL; i++)
		if (strcmp(fs->forms[i].circular, circular) == 0 &&
		    strstr(fs->forms[i].kinds, kind) != NULL)
			f = &fs->forms[i];
	ck_assert_ptr_nonnull(f);
	return arena_printf(a, "published_on: %s\nkind: %s\n%s"
	    "unit: {name: Ban A}\n"
	    "form: {circular: %s, number: '%s'}\n"
	    "currency_unit: dong\n"
	    "lines:\n  - {stt: I, label: x, values: {%s: 1}}\n",
	    pub, kind, extra, f->circular, f->number, f->cols[0].key);
}

static void
expect_dated(const char *circular, const char *kind, const char *extra,
    const char *pub, const char *want)
{
	struct fx x;

	fx_init(&x);
	fx_add(&x, "r", "vi", dated(x.a, circular, kind, extra, pub));
	expect_check(&x, want);
}

#define TT61 "90/2018/TT-BTC"
#define TT26 "26/2026/TT-BTC"

START_TEST(test_budget_deadline_period_end)
{
	/* The six months end on 30/06/2020: due 15/07, 20/07 is 5 late. */
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2020\n"
	    "period: 6_thang\n", "2020-07-15", "");
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2020\n"
	    "period: 6_thang\n", "2020-07-20",
	    "content/budgets/r.yaml:1:15: warning: published on 20/07/2020, "
	    "5 days after the due date 15/07/2020: Thông tư 61/2017/TT-BTC, "
	    "Điều 6 gives 15 days from the end of the period (30/06/2020)\n");
	/* Whatever date the editor would choose: the law's is used. */
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2020\n"
	    "period: quy_1\n", "2020-04-16",
	    "content/budgets/r.yaml:1:15: warning: published on 16/04/2020, "
	    "1 day after the due date 15/04/2020: Thông tư 61/2017/TT-BTC, "
	    "Điều 6 gives 15 days from the end of the period (31/03/2020)\n");
	/* TT 26: 10 days after a 9-month period (due Saturday 10/10). */
	expect_dated(TT26, "thuc_hien", "fiscal_year: 2026\n"
	    "period: 9_thang\n", "2026-10-12",
	    "content/budgets/r.yaml:1:15: warning: published on 12/10/2026, "
	    "2 days after the due date 10/10/2026: Nghị định 73/2026/NĐ-CP, "
	    "Điều 37 khoản 3 gives 10 days from the end of the period "
	    "(30/09/2026); the due date is not a working day and is not "
	    "moved: the reference gives no rule for that\n");
	/* Published before the period ended: the dates are wrong. */
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2020\n"
	    "period: 6_thang\n", "2020-06-20",
	    "content/budgets/r.yaml:1:15: warning: published on 20/06/2020, "
	    "before the end of the period (30/06/2020), from which Thông tư "
	    "61/2017/TT-BTC, Điều 6 counts: check both dates\n");
}
END_TEST

START_TEST(test_budget_deadline_over_tet)
{
	/*
	 * Reported upward on Monday 20/01/2020: five working days are 21,
	 * 22/01 then, past Tết (23-29/01 off), 30, 31/01 and 03/02.
	 * Counting weekdays only would have made it Monday 27/01.
	 */
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2019\nperiod: nam\n"
	    "reported_on: 2020-01-20\n", "2020-01-31", "");
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2019\nperiod: nam\n"
	    "reported_on: 2020-01-20\n", "2020-02-03", "");
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2019\nperiod: nam\n"
	    "reported_on: 2020-01-20\n", "2020-02-05",
	    "content/budgets/r.yaml:1:15: warning: published on 05/02/2020, "
	    "2 working days after the due date 03/02/2020: Thông tư "
	    "61/2017/TT-BTC, Điều 6 gives 5 working days from the day the "
	    "report was submitted upward (reported_on 20/01/2020); working "
	    "days skip weekends and 5 weekdays off (from 23/01/2020, Tết "
	    "Nguyên đán (29 tháng Chạp))\n");
	/* Without the date it counts from, the deadline cannot be known. */
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2019\nperiod: nam\n",
	    "2020-02-05",
	    "content/budgets/r.yaml:4:9: error: an annual execution report "
	    "needs 'reported_on' (the day it was submitted upward): Thông tư "
	    "61/2017/TT-BTC, Điều 6 counts the publication deadline from it\n");
}
END_TEST

START_TEST(test_budget_deadline_decision)
{
	/* TT 61: 15 days from the allocation decision. */
	expect_dated(TT61, "du_toan", "fiscal_year: 2020\n"
	    "approval: {number: 05/QĐ-UBND, date: 2020-01-06}\n",
	    "2020-01-21", "");
	expect_dated(TT61, "du_toan", "fiscal_year: 2020\n"
	    "approval: {number: 05/QĐ-UBND, date: 2020-01-06}\n",
	    "2020-01-22",
	    "content/budgets/r.yaml:1:15: warning: published on 22/01/2020, "
	    "1 day after the due date 21/01/2020: Thông tư 61/2017/TT-BTC, "
	    "Điều 6 gives 15 days from the decision that assigns, adjusts or "
	    "approves (approval.date 06/01/2020)\n");
	/* TT 26 (NĐ 73 Điều 37 k2): 30 days for a 2026 estimate. */
	expect_dated(TT26, "du_toan", "fiscal_year: 2026\n"
	    "approval: {number: 05/QĐ-UBND, date: 2026-03-30}\n",
	    "2026-04-29", "");
	expect_dated(TT26, "du_toan", "fiscal_year: 2026\n"
	    "approval: {number: 05/QĐ-UBND, date: 2026-03-30}\n",
	    "2026-05-04",
	    "content/budgets/r.yaml:1:15: warning: published on 04/05/2026, "
	    "5 days after the due date 29/04/2026: Nghị định 73/2026/NĐ-CP, "
	    "Điều 37 khoản 2 gives 30 days from the decision that assigns, "
	    "adjusts or approves (approval.date 30/03/2026)\n");
	/* Final accounts under TT 26, due in 2027, not yet announced. */
	expect_dated(TT26, "quyet_toan", "fiscal_year: 2026\n"
	    "approval: {number: 09/TB-STC, date: 2026-12-15}\n",
	    "2027-01-15",
	    "content/budgets/r.yaml:1:15: warning: published on 15/01/2027, "
	    "1 day after the due date 14/01/2027: Nghị định 73/2026/NĐ-CP, "
	    "Điều 37 khoản 2 gives 30 days from the decision that assigns, "
	    "adjusts or approves (approval.date 15/12/2026); the holiday "
	    "schedule of 2027 is not announced yet, so the due date is "
	    "provisional\n");
	expect_dated(TT61, "quyet_toan", "fiscal_year: 2019\n",
	    "2020-06-22",
	    "content/budgets/r.yaml:2:7: error: a quyet_toan record needs "
	    "'approval' (number and date of the decision that approves the "
	    "final accounts): Thông tư 61/2017/TT-BTC, Điều 6 counts the "
	    "publication deadline from it\n");
}
END_TEST

/* An estimate (form 2) approved on date, line I at figure; adjusts. */
static const char *
estimate(struct arena *a, const char *date, const char *figure,
    const char *adjusts)
{
	return arena_printf(a, "kind: du_toan\nfiscal_year: 2020\n"
	    "unit: {name: Ban A}\n"
	    "form: {circular: 90/2018/TT-BTC, number: 2}\n"
	    "approval: {number: 01/QĐ-UBND, date: %s}\n"
	    "published_on: %s\ncurrency_unit: dong\n%s"
	    "lines:\n  - {stt: I, label: Chi, values: {du_toan: %s}}\n",
	    date, date, adjusts, figure);
}

/* An execution report of period (form 3) stating the annual estimate. */
static const char *
report(struct arena *a, const char *period, const char *pub,
    const char *figure)
{
	return arena_printf(a, "kind: thuc_hien\nperiod: %s\n"
	    "fiscal_year: 2020\nunit: {name: Ban A}\n"
	    "form: {circular: 90/2018/TT-BTC, number: 3}\n"
	    "reported_on: %s\npublished_on: %s\ncurrency_unit: dong\n"
	    "lines:\n  - {stt: I, label: Chi, values: {du_toan_nam: %s, "
	    "uoc_thuc_hien: 1}}\n", period, pub, pub, figure);
}

/* The initial estimate, an adjustment of 10/08/2020, two reports. */
static void
expect_chain(const char *h1, const char *year, const char *want)
{
	struct fx x;

	fx_init(&x);
	fx_add(&x, "2020-du-toan", "vi", estimate(x.a, "2020-01-06", "1000",
	    ""));
	fx_add(&x, "2020-du-toan-dieu-chinh", "vi", estimate(x.a,
	    "2020-08-10", "1200", "adjusts: 2020-du-toan\n"));
	fx_add(&x, "2020-6-thang", "vi", report(x.a, "6_thang", "2020-07-10",
	    h1));
	fx_add(&x, "2020-nam", "vi", report(x.a, "nam", "2021-01-20", year));
	expect_check(&x, want);
}

START_TEST(test_budget_estimate_in_force)
{
	/* 30/06: the initial estimate; 31/12: the adjusted one. */
	expect_chain("1000", "1200", "");
	expect_chain("1200", "1000",
	    "content/budgets/2020-6-thang.yaml:10:48: error: line I \"Chi\", "
	    "du_toan_nam: 1.200 differs from 1.000 in the estimate in force "
	    "on 30/06/2020 (content/budgets/2020-du-toan.yaml:9:44)\n"
	    "content/budgets/2020-nam.yaml:10:48: error: line I \"Chi\", "
	    "du_toan_nam: 1.000 differs from 1.200 in the estimate in force "
	    "on 31/12/2020 (content/budgets/2020-du-toan-dieu-chinh.yaml:10:44)"
	    "\n");
}
END_TEST

START_TEST(test_budget_estimate_chain_errors)
{
	struct fx x;

	/* Two estimates, no link: an error naming both files. */
	fx_init(&x);
	fx_add(&x, "a", "vi", estimate(x.a, "2020-01-06", "1000", ""));
	fx_add(&x, "b", "vi", estimate(x.a, "2020-08-10", "1200", ""));
	expect_check(&x, "content/budgets/b.yaml:1:7: error: two estimates "
	    "for 2020 of 'Ban A' with no adjustment link: "
	    "content/budgets/a.yaml and content/budgets/b.yaml; an "
	    "adjustment names the estimate it adjusts in 'adjusts' "
	    "(adjusts: a)\n");

	/* Adjusting a report; a report adjusting; a loop. */
	fx_init(&x);
	fx_add(&x, "a", "vi", estimate(x.a, "2020-01-06", "1000",
	    "adjusts: h1\n"));
	fx_add(&x, "h1", "vi", report(x.a, "6_thang", "2020-07-10", "1000"));
	expect_check(&x, "content/budgets/a.yaml:8:10: error: 'adjusts' "
	    "names content/budgets/h1.yaml, a thuc_hien record: an "
	    "adjustment adjusts an estimate (du_toan)\n");
	fx_init(&x);
	fx_add(&x, "a", "vi", estimate(x.a, "2020-01-06", "1000",
	    "adjusts: b\n"));
	fx_add(&x, "b", "vi", estimate(x.a, "2020-02-06", "1000",
	    "adjusts: a\n"));
	expect_check(&x, "content/budgets/a.yaml:8:10: error: 'adjusts' "
	    "makes a loop: content/budgets/a.yaml adjusts "
	    "content/budgets/b.yaml, which leads back to it\n");
}
END_TEST

Suite *
budget_suite(void)
{
	Suite *s = suite_create("budget");
	TCase *tc;

	tc = tcase_create("sums");
	tcase_add_test(tc, test_budget_sum_ok);
	tcase_add_test(tc, test_budget_sum_one_dong);
	tcase_add_test(tc, test_budget_sum_computed_parent);
	tcase_add_test(tc, test_budget_sum_exact_decimals);
	tcase_add_test(tc, test_budget_of_which);
	suite_add_tcase(s, tc);
	tc = tcase_create("percentages");
	tcase_add_test(tc, test_budget_percent);
	tcase_add_test(tc, test_budget_percent_tie);
	suite_add_tcase(s, tc);
	tc = tcase_create("stt");
	tcase_add_test(tc, test_budget_stt);
	suite_add_tcase(s, tc);
	tc = tcase_create("forms");
	tcase_add_test(tc, test_budget_forms);
	tcase_add_test(tc, test_budget_forms_load);
	suite_add_tcase(s, tc);
	tc = tcase_create("across");
	tcase_add_test(tc, test_budget_estimate_across);
	tcase_add_test(tc, test_budget_year_to_date);
	suite_add_tcase(s, tc);
	tc = tcase_create("pages");
	tcase_add_test(tc, test_budget_csv_json);
	tcase_add_test(tc, test_budget_english_and_total);
	tcase_add_test(tc, test_budget_chart);
	suite_add_tcase(s, tc);
	tc = tcase_create("downloads");
	tcase_add_test(tc, test_budget_row_codes);
	tcase_add_test(tc, test_budget_csv_difference_heading);
	tcase_add_test(tc, test_budget_series);
	suite_add_tcase(s, tc);
	tc = tcase_create("dates");
	tcase_add_test(tc, test_budget_deadline_period_end);
	tcase_add_test(tc, test_budget_deadline_over_tet);
	tcase_add_test(tc, test_budget_deadline_decision);
	tcase_add_test(tc, test_budget_estimate_in_force);
	tcase_add_test(tc, test_budget_estimate_chain_errors);
	suite_add_tcase(s, tc);
	return s;
}
