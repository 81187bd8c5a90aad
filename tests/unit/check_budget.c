/*
 * Unit tests for budget.c and budget_model.c: every reviewer's check
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
#include "budget_forms.h"
#include "budget_model.h"
#include "budget_series.h"
#include "budget_table.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "site.h"
#include "value.h"
#include "words.h"
#include "testutil.h"
#include "summary.h"

Suite *budget_suite(void);

#define MAXREC 6

/* site.yaml's opt-in of every unverified table form (all of them). */
#define ALL_FORMS "budget: {unverified_forms: [\"90/2018/TT-BTC:1\", " \
	"\"90/2018/TT-BTC:2\", \"61/2017/TT-BTC:3\", \"90/2018/TT-BTC:4\", " \
	"\"90/2018/TT-BTC:5\", \"26/2026/TT-BTC:73\", \"26/2026/TT-BTC:74\", " \
	"\"26/2026/TT-BTC:75\", \"26/2026/TT-BTC:76\"]}\n"

/* A site with one budget collection, made by hand (no site.c). */
struct fx {
	struct arena *a;
	struct diags *d;
	struct site s;
	struct collection co;
	struct item it[MAXREC];
	struct item *items[MAXREC];
};

/*
 * The default theme's UI strings as the globals' `t` of vi and en, as
 * site_model() makes them: the words budget pages take (the suites run
 * from the top of the repository).
 */
static void
fx_words(struct fx *x)
{
	for (size_t i = 0; i < 2; i++) {
		const char *path = arena_printf(x->a,
		    "themes/default/i18n/%s.yaml", x->s.langs[i]);
		struct buf b = {0};
		struct value *t = NULL;
		FILE *f = fopen(path, "rb");
		char chunk[4096];
		size_t n;

		ck_assert_msg(f != NULL, "cannot read %s", path);
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&b, chunk, n);
		fclose(f);
		ck_assert_int_eq(value_parse_yaml(x->a, x->d, path,
		    buf_cstr(&b), b.len, 1, &t), 0);
		buf_release(&b);
		x->s.globals[i] = value_map(x->a);
		value_map_set(x->a, x->s.globals[i], "t", t);
	}
}

/* The identities file's heading line in Vietnamese, from the theme. */
static const char *
budget_csv_ident_head(struct fx *x)
{
	return site_word(&x->s, "vi", "budget.identities_head");
}

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
	ck_assert_int_eq(value_parse_yaml(x->a, x->d, "content/site.yaml",
	    ALL_FORMS, strlen(ALL_FORMS), 1, &x->s.conf), 0);
	fx_words(x);
}

/* Replaces site.yaml (NULL: none). */
static void
fx_site(struct fx *x, const char *yaml)
{
	x->s.conf = NULL;
	if (yaml != NULL)
		ck_assert_int_eq(value_parse_yaml(x->a, x->d,
		    "content/site.yaml", yaml, strlen(yaml), 1, &x->s.conf),
		    0);
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

/* The budget frames (and downloads) of every record, as the model
 * stage makes them (kinds/budget.c). */
static void
fx_model(struct fx *x)
{
	size_t i;

	for (i = 0; i < x->co.n; i++)
		budget_model_item(&x->s, x->items[i]);
}

/* budget_check over the records; compares every diagnostic's summary:
 * place, id and figures (summary.h). */
static void
expect_check(struct fx *x, const char *want)
{
	const char *got;

	budget_check(&x->s, "budget");
	got = tu_summary(x->a, x->d);
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

/* An estimate whose lines add up (with an "of which" row); C and D are
 * not rows of Biểu số 2, so they follow the general rule. */
static const char good_estimate[] = DU_TOAN("dong")
    "  - stt: C\n"
    "    label: Thu phí, lệ phí\n"
    "    values: {du_toan: 60000000}\n"
    "  - stt: D\n"
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
	    "content/budgets/r.yaml:12:23: error [budget.sum-mismatch] "
	    "1.250.000.000 1.249.999.999 1 1.249.999.999 1249999999\n");
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
	budget_check(&x.s, "budget");
	ck_assert_int_eq(diags_errors(x.d), 0);
	fx_model(&x);
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
	    "content/budgets/r.yaml:12:23: error [budget.sum-mismatch] 1.250,5 "
	    "1.250,49 0,01 1.250,49 1250.49\n");
	expect_one(DU_TOAN("dong")
	    "  - {stt: I, label: x, values: {du_toan: 1e3}}\n",
	    "content/budgets/r.yaml:10:42: error [budget.figure-not-number] 1 "
	    "3 1500000 112.5\n");
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
	    "content/budgets/r.yaml:14:66: error [budget.of-which-exceeds] 151 "
	    "150\n");
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
	    "content/budgets/r.yaml:13:73: error [budget.ratio-mismatch] "
	    "94,69% 94,68% 94,68 94.68\n");
	expect_one(PCT(", ty_le: 94"),
	    "content/budgets/r.yaml:13:73: error [budget.ratio-mismatch] 94% "
	    "94,68% 94,68 94.68\n");
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
	    "content/budgets/r.yaml:11:74: error "
	    "[budget.ratio-unknown] 12% 0\n");
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
	expect_stt("  - {stt: C, label: a}\n"
	    "  - stt: D\n"
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
	    "content/budgets/r.yaml:11:11: error [budget.stt-gap]\n");
	expect_stt("  - {stt: C, label: a}\n"
	    "  - {stt: C, label: b}\n",
	    "content/budgets/r.yaml:11:11: error [budget.stt-duplicate] 10\n");
	expect_stt("  - {stt: '1)', label: a}\n",
	    "content/budgets/r.yaml:10:11: error [budget.stt-invalid] 1 1 2 "
	    "1.1\n");
	expect_stt("  - {stt: C, label: a}\n"
	    "  - {stt: '2', label: b}\n",
	    "content/budgets/r.yaml:11:11: error [budget.stt-mixed] 2\n");
	expect_stt("  - stt: '1'\n"
	    "    label: a\n"
	    "    children:\n"
	    "      - {stt: I, label: b}\n",
	    "content/budgets/r.yaml:13:15: error "
	    "[budget.stt-level] 1 1 2 1.1\n");
	expect_stt("  - stt: '1'\n"
	    "    label: a\n"
	    "    children:\n"
	    "      - {stt: '2.1', label: b}\n",
	    "content/budgets/r.yaml:13:15: error "
	    "[budget.stt-prefix] 2.1 1 1\n");
	expect_stt("  - {stt: d, label: a}\n"
	    "  - {stt: f, label: b}\n",
	    "content/budgets/r.yaml:11:11: error [budget.stt-gap]\n");
}
END_TEST

/* Forms ----------------------------------------------------------------- */

START_TEST(test_budget_forms)
{
	expect_one("kind: du_toan\n"
	    "form: {circular: 90/2018/TT-BTC, number: 9}\n"
	    "lines: []\n",
	    "content/budgets/r.yaml:2:7: error [budget.form-unknown] 90 2018 9 "
	    "90 2018 1 90 2018 2 90 2018 3 90 2018 4 90 2018 5 90 2018 01 26 "
	    "2026 73 26 2026 74 26 2026 75 26 2026 76\n");
	/* The kind of each form is fixed by the circular. */
	expect_one("kind: thuc_hien\n"
	    "form: {circular: 90/2018/TT-BTC, number: 4}\n"
	    "lines: []\n",
	    "content/budgets/r.yaml:2:7: error [budget.form-kind] 90 2018 4 61 "
	    "2017 3 26 2026 27 90 2018 3 26 2026 75\n");
	/* The decision form is not a table. */
	expect_one("kind: du_toan\n"
	    "form: {circular: 90/2018/TT-BTC, number: 01/QĐ-CKNS}\n"
	    "lines: []\n",
	    "content/budgets/r.yaml:2:7: error [budget.form-is-decision] 90 "
	    "2018 01\n");
	/* 61/2017/TT-BTC names the same family. */
	expect_one("kind: du_toan\n"
	    "form: {circular: 61/2017/TT-BTC, number: 2}\n"
	    "lines: []\n", "");
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: a, values: {du_toan: 1, uoc_thuc_hien: 2}}\n",
	    "content/budgets/r.yaml:10:45: error [budget.unknown-column] 90 "
	    "2018 2\n");
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
	ck_assert_int_eq(fs->n, 10);
	/* Every built-in form is unverified: no printed appendix found. */
	for (size_t i = 0; i < fs->n; i++)
		ck_assert_msg(!fs->forms[i].verified, "%s", fs->forms[i].id);
	ck_assert_ptr_eq(budget_form_by_id(fs, "61/2017/TT-BTC:4"),
	    budget_form_by_id(fs, "90/2018/TT-BTC:4"));
	ck_assert_ptr_null(budget_form_by_id(fs, "26/2026/TT-BTC:1"));
	ck_assert_ptr_null(budget_forms_load(a, d, "f.yaml", bad,
	    strlen(bad)));
	got = tu_summary(a, d);
	ck_assert_str_eq(got, "f.yaml:7:41: error "
	    "[budget.form-column-of-unknown]\n");
	arena_free(a);
}
END_TEST


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

/* Rows of the form ----------------------------------------------------- */

/* Biểu số 2's A section as the form prints it (lines from line 10), A.II
 * stated as aii, and B. */
#define BIEU2_A(aii) DU_TOAN("dong") \
	"  - stt: A\n" \
	"    label: Tổng số thu, chi, nộp ngân sách phí, lệ phí\n" \
	"    children:\n" \
	"      - stt: I\n" \
	"        label: Số thu phí, lệ phí\n" \
	"        values: {du_toan: 190000000}\n" \
	"      - stt: II\n" \
	"        label: Chi từ nguồn thu phí được để lại\n" \
	"        values: {du_toan: " aii "}\n" \
	"      - stt: III\n" \
	"        label: Số phí, lệ phí nộp ngân sách nhà nước\n" \
	"        values: {du_toan: 160000000}\n" \
	"  - stt: B\n" \
	"    label: Dự toán chi ngân sách nhà nước\n" \
	"    children:\n" \
	"      - stt: I\n" \
	"        label: Nguồn ngân sách trong nước\n" \
	"        children:\n" \
	"          - {stt: '1', label: Chi quản lý hành chính, values: {du_toan: 700}}\n" \
	"          - {stt: '6', label: Chi hoạt động kinh tế, values: {du_toan: 300}}\n"

START_TEST(test_budget_heading)
{
	struct fx x;
	const struct value *f;

	/* A is a heading: not I + II + III = 380.000.000, no figure. */
	fx_init(&x);
	fx_add(&x, "r", "vi", BIEU2_A("30000000"));
	budget_check(&x.s, "budget");
	ck_assert_str_eq(tu_diags_text(x.a, x.d), "");
	fx_model(&x);
	f = x.it[0].frame;
	ck_assert_str_eq(cell(f, 0, 0, "text"), "");
	ck_assert_str_eq(cell(f, 0, 0, "raw"), "");
	ck_assert_str_eq(cell(f, 1, 0, "text"), "190.000.000");
	/* B = 700 + 300: the gap 1 -> 6 is the form's rows left out. */
	ck_assert_str_eq(cell(f, 4, 0, "text"), "1.000");
	/* The chart skips the heading and shows how B splits: 1 and 6. */
	ck_assert_int_eq(value_map_get(f, "chart_text")->n, 2);
	ck_assert_str_eq(value_map_str(value_map_get(f, "chart_text")->
	    items[1], "text"), "300 đồng");
	arena_free(x.a);
	/* A stated figure on the heading is refused where it is written. */
	expect_one(DU_TOAN("dong")
	    "  - stt: A\n"
	    "    label: Tổng số thu, chi, nộp ngân sách phí, lệ phí\n"
	    "    values: {du_toan: 380000000}\n"
	    "    children:\n"
	    "      - {stt: I, label: 'Số thu phí, lệ phí', values: {du_toan: 190000000}}\n",
	    "content/budgets/r.yaml:12:23: error [budget.heading-figure] 90 "
	    "2018 2\n");
	/* Outside the skeleton, a gap is still an error. */
	expect_one(DU_TOAN("dong")
	    "  - stt: C\n"
	    "    label: x\n"
	    "    children:\n"
	    "      - {stt: '1', label: a, values: {du_toan: 700}}\n"
	    "      - {stt: '6', label: b, values: {du_toan: 300}}\n",
	    "content/budgets/r.yaml:14:15: error "
	    "[budget.stt-gap] 6 1 2 6 2 2\n");
}
END_TEST

START_TEST(test_budget_identity)
{
	expect_one(BIEU2_A("30000000"), "");
	/* A.II changed: A.I = A.II + A.III fails, at A.I's figure. */
	expect_one(BIEU2_A("40000000"),
	    "content/budgets/r.yaml:15:27: error [budget.identity-mismatch] "
	    "190.000.000 200.000.000 -10.000.000\n");
	/* Biểu số 4 carries the same identity, per amount column. */
	expect_one("kind: quyet_toan\nfiscal_year: 2019\n"
	    "form: {circular: 90/2018/TT-BTC, number: 4}\n"
	    "currency_unit: dong\nlines:\n"
	    "  - stt: A\n"
	    "    label: Tổng số thu, chi, nộp ngân sách phí, lệ phí\n"
	    "    children:\n"
	    "      - {stt: I, label: 'Số thu phí, lệ phí', values: {bao_cao_qt: 10, duoc_duyet: 10}}\n"
	    "      - {stt: II, label: Chi từ nguồn thu phí được để lại, values: {bao_cao_qt: 4, duoc_duyet: 5}}\n"
	    "      - {stt: III, label: 'Số phí, lệ phí nộp ngân sách nhà nước', values: {bao_cao_qt: 6, duoc_duyet: 6}}\n",
	    "content/budgets/r.yaml:9:84: error [budget.identity-mismatch] 10 "
	    "11 -1\n");
}
END_TEST

START_TEST(test_budget_wording)
{
	/* Other words: a warning naming the form's; "Lệ phí (…)" is open. */
	expect_one(DU_TOAN("dong")
	    "  - stt: A\n"
	    "    label: Thu phí\n"
	    "    children:\n"
	    "      - stt: I\n"
	    "        label: Số thu phí, lệ phí\n"
	    "        children:\n"
	    "          - {stt: '1', label: Lệ phí cấp giấy phép lao động, values: {du_toan: 5}}\n"
	    "          - {stt: '2', label: Phí thẩm định, values: {du_toan: 5}}\n"
	    "      - {stt: III, label: Nộp ngân sách, values: {du_toan: 10}}\n",
	    "content/budgets/r.yaml:11:12: warning [budget.label-differs] 90 "
	    "2018 2\n"
	    "content/budgets/r.yaml:18:27: warning [budget.label-differs] 90 "
	    "2018 2\n");
	/* "Lệ phí" alone is not "Phí". */
	expect_one(DU_TOAN("dong")
	    "  - stt: A\n"
	    "    label: Tổng số thu, chi, nộp ngân sách phí, lệ phí\n"
	    "    children:\n"
	    "      - stt: III\n"
	    "        label: Số phí, lệ phí nộp ngân sách nhà nước\n"
	    "        children:\n"
	    "          - {stt: '2', label: Lệ phí, values: {du_toan: 5}}\n",
	    "content/budgets/r.yaml:16:31: warning [budget.label-differs] 2 90 "
	    "2018 2 2\n");
}
END_TEST

/* Verified forms and the law ----------------------------------------------- */

START_TEST(test_budget_unverified)
{
	struct fx x;

	/* No opt-in: refused at the record's form: key. */
	fx_init(&x);
	fx_site(&x, NULL);
	fx_add(&x, "r", "vi", good_estimate);
	expect_check(&x, "content/budgets/r.yaml:4:1: error "
	    "[budget.form-unverified] 90 2018 2 90 2018 2\n");
	/* Opted in by name (or the family's other number). */
	fx_init(&x);
	fx_site(&x, "budget: {unverified_forms: [\"61/2017/TT-BTC:2\"]}\n");
	fx_add(&x, "r", "vi", good_estimate);
	expect_check(&x, "");
	/* Another form opted in does not count; unknown ids are errors. */
	fx_init(&x);
	fx_site(&x, "budget:\n  unverified_forms: [\"90/2018/TT-BTC:3\", "
	    "\"26/2026/TT-BTC:1\"]\n");
	fx_add(&x, "r", "vi", good_estimate);
	expect_check(&x, "content/budgets/r.yaml:4:1: error "
	    "[budget.form-unverified] 90 2018 2 90 2018 2\n"
	"content/site.yaml:2:42: error [budget.site-unverified-unknown] 26 "
	"2026 1 90 2018 1 90 2018 2 90 2018 3 90 2018 4 90 2018 5 26 2026 73 "
	"26 2026 74 26 2026 75 26 2026 76\n");
}
END_TEST

/* A record of kind in form circ:num, period, fiscal year, published. */
static void
expect_law(const char *kind, const char *form, const char *period,
    int year, const char *pub, const char *want)
{
	struct buf b = {0};

	buf_addf(&b, "kind: %s\nperiod: %s\nfiscal_year: %d\n"
	    "form: {circular: %s}\npublished_on: %s\ncurrency_unit: dong\n"
	    "lines: []\napproval: {number: 1/QĐ-UBND, date: %s}\n", kind,
	    period, year, form, pub, pub);
	expect_one(buf_cstr(&b), want);
	buf_release(&b);
}

START_TEST(test_budget_law)
{
	expect_law("thuc_hien", "90/2018/TT-BTC, number: 3", "quy_2", 2020,
	    "2020-07-10", "");
	expect_law("thuc_hien", "90/2018/TT-BTC, number: 3", "9_thang", 2020,
	    "2020-10-10", "content/budgets/r.yaml:2:9: error "
	    "[budget.period-not-in-circular] 9 90 2018 1 2 3 4 6 61 2017 3 "
	    "2 6\n");
	expect_law("thuc_hien", "26/2026/TT-BTC, number: 75", "9_thang", 2026,
	    "2026-10-10", "");
	expect_law("thuc_hien", "26/2026/TT-BTC, number: 75", "quy_3", 2026,
	    "2026-10-10", "content/budgets/r.yaml:2:9: error "
	    "[budget.period-not-in-circular] 3 26 2026 1 6 9 26 2026 27 2 "
	    "03 06 09\n");
	/* TT 26 from budget year 2026, and the final accounts of 2025. */
	expect_law("quyet_toan", "26/2026/TT-BTC, number: 76", "nam", 2025,
	    "2026-07-01", "");
	expect_law("du_toan", "26/2026/TT-BTC, number: 74", "nam", 2025,
	    "2026-04-01", "content/budgets/r.yaml:3:14: error "
	    "[budget.year-before] 2025 26 2026 2026 26 2026 37 3 38 1\n");
	expect_law("du_toan", "26/2026/TT-BTC, number: 74", "nam", 2026,
	    "2026-01-20", "content/budgets/r.yaml:5:15: error "
	    "[budget.published-before-circular] 20 01 2026 26 2026 25 03 "
	    "2026\n");
	/* TT 61/90 not for 2026, unless published while in force. */
	expect_law("du_toan", "90/2018/TT-BTC, number: 2", "nam", 2026,
	    "2026-01-20", "");
	expect_law("du_toan", "90/2018/TT-BTC, number: 2", "nam", 2026,
	    "2026-04-01", "content/budgets/r.yaml:3:14: error "
	    "[budget.year-after-until] 2026 90 2018 2025 26 2026 37 3 38 "
	    "24 03 2026\n");
	expect_law("quyet_toan", "90/2018/TT-BTC, number: 4", "nam", 2025,
	    "2026-06-01", "content/budgets/r.yaml:3:14: error "
	    "[budget.year-after-until] 2025 90 2018 2024 26 2026 37 3 38 "
	    "24 03 2026\n");
}
END_TEST

START_TEST(test_budget_header)
{
	struct fx x;
	const struct value *h;

	fx_init(&x);
	fx_add(&x, "r", "vi", "kind: du_toan\nfiscal_year: 2020\n"
	    "unit: {name: Ban A, chapter: '415', budget_code: '1234567'}\n"
	    "form: {circular: 90/2018/TT-BTC, number: 2}\n"
	    "decision: {number: 12/QĐ-BQLKCN, date: 2020-01-15, issuer: Ban A}\n"
	    "decision_form: 01/QĐ-CKNS\n"
	    "currency_unit: dong\nlines:\n"
	    "  - {stt: B, label: Dự toán chi ngân sách nhà nước, values: {du_toan: 5}}\n");
	budget_check(&x.s, "budget");
	ck_assert_str_eq(tu_diags_text(x.a, x.d), "");
	fx_model(&x);
	h = value_map_get(x.it[0].frame, "form_header");
	ck_assert_int_eq(h->n, 3);
	ck_assert_str_eq(value_map_str(h->items[1], "label"), "Chương");
	ck_assert_str_eq(value_map_str(h->items[1], "value"), "415");
	ck_assert_str_eq(value_map_str(h->items[2], "label"), "Mã ĐVQHNS");
	ck_assert_str_eq(value_map_str(h->items[2], "value"), "1234567");
	ck_assert_str_eq(value_map_str(x.it[0].frame, "form_attached_text"),
	    "(Kèm theo Quyết định số 12/QĐ-BQLKCN ngày 15/01/2020 của Ban A)");
	ck_assert_str_eq(value_map_str(x.it[0].frame, "decision_form_text"),
	    "Mẫu số 01/QĐ-CKNS");
	arena_free(x.a);
	expect_one("kind: thuc_hien\nfiscal_year: 2020\n"
	    "unit: {name: Ban A, chapter: 41, budget_code: '12345678'}\n"
	    "form: {circular: 90/2018/TT-BTC, number: 3}\n"
	    "decision_form: 01/QĐ-CKNS\n"
	    "currency_unit: dong\nlines: []\n",
	    "content/budgets/r.yaml:3:30: error [budget.chapter-code] 41 415\n"
	    "content/budgets/r.yaml:3:47: error [budget.unit-code] 12345678 "
	    "1234567\n"
	    "content/budgets/r.yaml:5:16: error [budget.decision-form-kind] 90 "
	    "2018 01\n");
	expect_one("kind: du_toan\nfiscal_year: 2026\n"
	    "form: {circular: 26/2026/TT-BTC, number: 74}\n"
	    "decision_form: 01/QĐ-CKNS\n"
	    "currency_unit: dong\nlines: []\n",
	    "content/budgets/r.yaml:4:16: error [budget.decision-form-none] 01 "
	    "26 2026\n");
}
END_TEST

/* Money ------------------------------------------------------------------- */

START_TEST(test_budget_money)
{
	/* 1.500 is one and a half đồng to YAML: an error in đồng. */
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, values: {du_toan: 1.500}}\n",
	    "content/budgets/r.yaml:10:42: error [budget.amount-thousands] "
	    "1.500 1,5 1.500 1500\n");
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, values: {du_toan: 2.25}}\n",
	    "content/budgets/r.yaml:10:42: error [budget.amount-fraction] 2.25 "
	    "2,25\n");
	/*
	 * One slip, one message: the refused figure is left out, and the
	 * sums and the identity built on it are not checked (III would
	 * otherwise add up to 148 and A.I = A.II + A.III would fail).
	 */
	expect_one(DU_TOAN("dong")
	    "  - stt: A\n"
	    "    label: Tổng số thu, chi, nộp ngân sách phí, lệ phí\n"
	    "    children:\n"
	    "      - {stt: I, label: 'Số thu phí, lệ phí', values: {du_toan: 200}}\n"
	    "      - {stt: II, label: Chi từ nguồn thu phí được để lại, values: {du_toan: 50}}\n"
	    "      - stt: III\n"
	    "        label: Số phí, lệ phí nộp ngân sách nhà nước\n"
	    "        values: {du_toan: 150}\n"
	    "        children:\n"
	    "          - {stt: '1', label: Lệ phí, values: {du_toan: 1.500}}\n"
	    "          - {stt: '2', label: Phí, values: {du_toan: 148}}\n",
	    "content/budgets/r.yaml:19:57: error [budget.amount-thousands] 1 "
	    "1.500 1,5 1.500 1500\n");
	/* Nghìn đồng: three decimals are whole đồng, four are not. */
	expect_one(DU_TOAN("nghin_dong")
	    "  - {stt: C, label: x, values: {du_toan: 1.5}}\n"
	    "  - {stt: D, label: y, values: {du_toan: 1.2345}}\n",
	    "content/budgets/r.yaml:11:42: error [budget.amount-decimals] "
	    "1.2345 4 3\n");
	/* Tỷ đồng: decimals summed exactly. */
	expect_one(DU_TOAN("ty_dong")
	    "  - stt: C\n"
	    "    label: Chi\n"
	    "    values: {du_toan: 1.3}\n"
	    "    children:\n"
	    "      - {stt: '1', label: a, values: {du_toan: 1.1}}\n"
	    "      - {stt: '2', label: b, values: {du_toan: 0.2}}\n", "");
}
END_TEST

START_TEST(test_budget_part_columns)
{
	expect_one("kind: quyet_toan\nfiscal_year: 2019\n"
	    "form: {circular: 90/2018/TT-BTC, number: 4}\n"
	    "currency_unit: dong\nlines:\n"
	    "  - {stt: C, label: x, values: {bao_cao_qt: 9, duoc_duyet: 8, quy_luong: 8, trich_lap_quy: 9}}\n",
	    "content/budgets/r.yaml:6:92: error [budget.part-exceeds] 9 8\n");
}
END_TEST

/* Headlines --------------------------------------------------------------- */

static const struct value *
headline_of(struct fx *x, size_t i, const char *key)
{
	const struct value *h = value_map_get(x->it[i].frame, "headline");

	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(h->type, VALUE_MAP);
	return value_map_get(h, key);
}

START_TEST(test_budget_headline)
{
	struct fx x;

	fx_init(&x);
	/* Final accounts: the approved column of B, never the report's. */
	fx_add(&x, "qt", "vi", "kind: quyet_toan\nfiscal_year: 2019\n"
	    "form: {circular: 90/2018/TT-BTC, number: 4}\n"
	    "currency_unit: dong\nlines:\n"
	    "  - stt: A\n"
	    "    label: Tổng số thu, chi, nộp ngân sách phí, lệ phí\n"
	    "    children:\n"
	    "      - {stt: I, label: 'Số thu phí, lệ phí', values: {bao_cao_qt: 10, duoc_duyet: 10}}\n"
	    "      - {stt: III, label: 'Số phí, lệ phí nộp ngân sách nhà nước', values: {bao_cao_qt: 10, duoc_duyet: 10}}\n"
	    "  - stt: B\n"
	    "    label: Quyết toán chi ngân sách nhà nước\n"
	    "    children:\n"
	    "      - {stt: I, label: Nguồn ngân sách trong nước, values: {bao_cao_qt: 5620000000, duoc_duyet: 5579950000}}\n");
	/* Execution: the execution column, with its % of the estimate. */
	fx_add(&x, "th", "vi", THUC_HIEN("6_thang", "2020-07-10",
	    "2020-07-15")
	    "  - {stt: B, label: Dự toán chi ngân sách nhà nước, values: {du_toan_nam: 6250000000, uoc_thuc_hien: 2750000000}}\n");
	/* Estimate: the assigned figure; in English. */
	fx_add(&x, "dt", "en", DU_TOAN("dong")
	    "  - {stt: B, label: Dự toán chi ngân sách nhà nước, values: {du_toan: 6250000000}}\n");
	/* No row B: no headline, and no figure borrowed from elsewhere. */
	fx_add(&x, "none", "vi", DU_TOAN("dong")
	    "  - {stt: C, label: x, values: {du_toan: 5}}\n");
	budget_check(&x.s, "budget");
	fx_model(&x);
	ck_assert_str_eq(value_map_str(x.it[0].frame, "summary"),
	    "Quyết toán được duyệt: 5.579.950.000 đồng");
	ck_assert_str_eq(headline_of(&x, 0, "text")->text,
	    "5.579.950.000 đồng");
	ck_assert_str_eq(headline_of(&x, 0, "percent_text")->text, "");
	ck_assert_str_eq(value_map_str(x.it[1].frame, "summary"),
	    "Thực hiện 6 tháng: 2.750.000.000 đồng, bằng 44,00% dự toán năm");
	ck_assert_str_eq(headline_of(&x, 1, "label")->text,
	    "Thực hiện 6 tháng");
	ck_assert_str_eq(value_map_str(x.it[2].frame, "summary"),
	    "Assigned estimate: 6,250,000,000 VND");
	ck_assert_int_eq(value_map_get(x.it[3].frame, "headline")->type,
	    VALUE_BOOL);
	ck_assert_ptr_null(value_map_get(x.it[3].frame, "summary"));
	arena_free(x.a);
}
END_TEST

START_TEST(test_budget_headline_heading)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	/* A form whose headline row is a heading: never a headline. */
	static const char src[] =
	    "circulars: [{circular: X/2020/TT-BTC}]\n"
	    "forms:\n"
	    "  - id: 'X/2020/TT-BTC:1'\n"
	    "    kinds: [du_toan]\n"
	    "    columns: [{key: v, type: amount}]\n"
	    "    rows: [{code: A, kind: heading}, {code: B, kind: sum, required: true}]\n"
	    "    headline: {du_toan: {row: A, column: v, label: x}}\n"
	    "  - id: 'X/2020/TT-BTC:2'\n"
	    "    kinds: [du_toan]\n"
	    "    columns: [{key: v, type: amount}]\n"
	    "    rows_from: 'X/2020/TT-BTC:1'\n"
	    "    rows: [{code: C, kind: of_which}, {code: A, kind: sum}]\n";
	static const char rec[] = "kind: du_toan\ncurrency_unit: dong\n"
	    "lines:\n"
	    "  - stt: A\n"
	    "    label: a\n"
	    "    children: [{stt: I, label: b, values: {v: 5}}]\n";
	const struct bforms *fs = budget_forms_load(a, d, "f.yaml", src,
	    strlen(src));
	struct value *v = NULL;
	const struct btab *t;
	struct bheadline h;

	ck_assert_ptr_nonnull(fs);
	ck_assert(!fs->forms[0].verified);
	ck_assert_int_eq(value_parse_yaml(a, d, "r.yaml", rec, strlen(rec), 1,
	    &v), 0);
	t = budget_table_make(a, d, &fs->forms[0], v);
	ck_assert_str_eq(tu_summary(a, d), "r.yaml:4:3: error "
	    "[budget.required-line] 2020 1\n");
	ck_assert(t->rows[0].heading);
	ck_assert(!t->rows[0].cells[0].has);
	ck_assert(!budget_headline(t, "du_toan", &h));
	/* rows_from: the earlier rows in their order, own rows in place. */
	ck_assert_int_eq(fs->forms[1].nrows, 3);
	ck_assert_str_eq(fs->forms[1].rows[0].code, "A");
	ck_assert_int_eq(fs->forms[1].rows[0].kind, BROW_SUM);
	ck_assert_str_eq(fs->forms[1].rows[2].code, "C");
	arena_free(a);
}
END_TEST

/* Across files ------------------------------------------------------------ */

static const char exec_lines[] =
    "  - stt: D\n"
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
	buf_adds(&b, "  - stt: D\n"
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
	    "content/budgets/thuc-hien.yaml:11:5: error "
	    "[budget.estimate-differs] 1.300.000.005 1.300.000.000 30 06 2020 "
	    "13 5\n"
	    "content/budgets/thuc-hien.yaml:16:31: error "
	    "[budget.estimate-differs] 1.300.000.000 1.250.000.000 30 06 2020 "
	    "18 27\n"
	    "content/budgets/thuc-hien.yaml:17:14: error [budget.stt-gap]\n");
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
	expect_check(&x, "content/budgets/q1.yaml:11:67: warning "
	    "[budget.ytd-exceeds] 400 1 300 6 1 11 67\n");

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

/* Reports in different currency units are compared in đồng (decimal.c). */
START_TEST(test_budget_year_to_date_units)
{
	static const char *const q1[] = {"0.4", "0.3"};
	struct fx x;
	struct buf b = {0};

	for (size_t i = 0; i < 2; i++) {
		fx_init(&x);
		buf_reset(&b);
		buf_adds(&b, "kind: thuc_hien\n"
		    "period: quy_1\n"
		    "fiscal_year: 2020\n"
		    "unit: {name: Ban A}\n"
		    "form: {circular: 90/2018/TT-BTC, number: 3}\n"
		    "decision: {number: 02/QĐ-BQL, date: 2020-04-10}\n"
		    "# the deadline counts from the end of the period\n"
		    "published_on: 2020-04-15\n"
		    "currency_unit: nghin_dong\n"
		    "lines:\n");
		buf_addf(&b, "  - {stt: I, label: x, values: {du_toan_nam: 1, "
		    "uoc_thuc_hien: %s}}\n", q1[i]);
		fx_add(&x, "q1", "vi", buf_cstr(&b));
		buf_reset(&b);
		buf_adds(&b, THUC_HIEN("6_thang", "2020-07-10",
		    "2020-07-15"));
		buf_adds(&b, "  - {stt: I, label: x, values: {du_toan_nam: "
		    "1000, uoc_thuc_hien: 300}}\n");
		fx_add(&x, "h1", "vi", buf_cstr(&b));
		/* 0,4 nghìn đồng is 400 đồng; 0,3 is 300: equal. */
		expect_check(&x, i == 0 ? "content/budgets/q1.yaml:11:64: "
		    "warning [budget.ytd-exceeds] 0,4 1 300 6 1 11 67\n" : "");
	}
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
	budget_check(&x.s, "budget");
	ck_assert_int_eq(diags_errors(x.d), 0);
	/* One table per record: validation's, reused by the model. */
	{
		const struct btab *t = x.it[0].btab;
		struct item old = x.it[0];

		ck_assert_ptr_nonnull(t);
		ck_assert_ptr_eq(budget_table_of(&x.s, &x.it[0], t->form), t);
		/* A copy with other data (an earlier revision): its own. */
		old.data = value_map_get(x.it[0].data, "unit");
		ck_assert_ptr_ne(budget_table_of(&x.s, &old, t->form), t);
		ck_assert_ptr_eq(old.btab->record, old.data);
	}
	fx_model(&x);
	ck_assert_ptr_eq(x.it[0].btab->record, x.it[0].data);
	/* The CSV, the XLSX, the JSON and the identities of Biểu 3 (A.I). */
	ck_assert_int_eq(x.s.npages, 4);
	p = page_of(&x.s, "ngan-sach/2020-thuc-hien/du-lieu.xlsx");
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_gt(p->len, 1000);
	ck_assert(memcmp(p->data, "PK\3\4", 4) == 0);
	ck_assert_ptr_nonnull(page_of(&x.s,
	    "ngan-sach/2020-thuc-hien/du-lieu.identities.csv"));
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
	ck_assert_ptr_nonnull(strstr(p->data, "\"verified\":false,"
	    "\"identities\":[{\"row\":\"A.I\",\"equals\":[\"A.II\","
	    "\"A.III\"]}]}"));
	f = x.it[0].frame;
	ck_assert_str_eq(value_map_str(f, "csv_url"),
	    "/ngan-sach/2020-thuc-hien/du-lieu.csv");
	ck_assert_str_eq(value_map_str(f, "xlsx_url"),
	    "/ngan-sach/2020-thuc-hien/du-lieu.xlsx");
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

START_TEST(test_budget_english)
{
	struct fx x;
	const struct value *f, *rows;

	fx_init(&x);
	fx_add(&x, "r", "en", "kind: du_toan\nfiscal_year: 2026\n"
	    "unit: {name: Board}\n"
	    "form: {circular: 26/2026/TT-BTC, number: 74}\n"
	    "currency_unit: trieu_dong\n"
	    "lines:\n"
	    "  - {stt: '1', label: a, values: {du_toan: 1250.5}}\n"
	    "  - {stt: '2', label: b, values: {du_toan: 10}}\n");
	budget_check(&x.s, "budget");
	ck_assert_int_eq(diags_errors(x.d), 0);
	fx_model(&x);
	f = x.it[0].frame;
	ck_assert_str_eq(value_map_str(f, "currency_unit_text"), "million VND");
	ck_assert_str_eq(value_map_str(f, "title"),
	    "Budget estimate year 2026");
	rows = value_map_get(f, "rows");
	ck_assert_int_eq(rows->n, 2);
	ck_assert_str_eq(cell(f, 0, 0, "text"), "1,250.5");
	ck_assert_int_eq(value_map_get(f, "columns")->n, 1);
	/* The page says, in the reader's words, what is not verified. */
	ck_assert_str_eq(value_map_str(f, "form_unverified_text"),
	    "The layout of this table follows the articles of Circular "
	    "26/2026/TT-BTC but has not been checked against the form "
	    "printed in the circular's appendix.");
	ck_assert(!value_map_get(f, "form_verified")->u.b);
	arena_free(x.a);
}
END_TEST

/* A form with a total row (none of the built-in ones has one). */
START_TEST(test_budget_total_row)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	static const char src[] =
	    "circulars: [{circular: X/2020/TT-BTC}]\n"
	    "forms:\n"
	    "  - id: 'X/2020/TT-BTC:1'\n"
	    "    verified: true\n"
	    "    kinds: [du_toan]\n"
	    "    total: {vi: Tổng cộng, en: Total}\n"
	    "    columns:\n"
	    "      - {key: du_toan, type: amount, optional: true}\n"
	    "      - {key: khac, type: amount, optional: true}\n";
	static const char rec[] = "kind: du_toan\ncurrency_unit: trieu_dong\n"
	    "lines:\n"
	    "  - {stt: '1', label: a, values: {du_toan: 1250.5}}\n"
	    "  - {stt: '2', label: b, values: {du_toan: 10}}\n";
	const struct bforms *fs = budget_forms_load(a, d, "f.yaml", src,
	    strlen(src));
	struct value *v = NULL;
	const struct btab *t;
	struct buf b = {0};
	/* en's figures, as the default theme's i18n writes them */
	const struct fmt_style en = {",", ".", "{d} {month} {y}", {NULL},
	    "%"};

	ck_assert_ptr_nonnull(fs);
	ck_assert(fs->forms[0].verified);
	ck_assert_int_eq(value_parse_yaml(a, d, "r.yaml", rec, strlen(rec), 1,
	    &v), 0);
	t = budget_table_make(a, d, &fs->forms[0], v);
	ck_assert_int_eq(diags_errors(d), 0);
	ck_assert_int_eq(t->nrows, 3);
	ck_assert(t->rows[2].is_total);
	budget_cell_text(&b, &fs->forms[0].cols[0], &t->rows[2].cells[0],
	    &en);
	ck_assert_str_eq(buf_cstr(&b), "1,260.5");
	ck_assert_str_eq(t->rows[2].cells[0].raw, "1260.5");
	/* The optional column nobody filled is not shown. */
	ck_assert(t->shown[0]);
	ck_assert(!t->shown[1]);
	buf_release(&b);
	arena_free(a);
}
END_TEST

START_TEST(test_budget_chart)
{
	struct fx x;
	const char *svg;

	fx_init(&x);
	fx_add(&x, "r", "vi", DU_TOAN("dong")
	    "  - {stt: C, label: '<script>x</script> & \"q\"', values: {du_toan: 100}}\n"
	    "  - {stt: D, label: b, values: {du_toan: 50}}\n"
	    "  - {stt: E, label: c, values: {du_toan: -5}}\n");
	fx_model(&x);
	svg = value_map_str(x.it[0].frame, "chart_svg");
	ck_assert_ptr_nonnull(svg);
	ck_assert_ptr_null(strstr(svg, "<script"));
	ck_assert_ptr_null(strstr(svg, "href"));
	ck_assert_ptr_nonnull(strstr(svg, "role=\"img\""));
	ck_assert_ptr_nonnull(strstr(svg, "<title id=\"budget-chart-title\">"
	    "Dự toán được giao (đồng)</title>"));
	ck_assert_ptr_nonnull(strstr(svg, "C &lt;script&gt;x&lt;/script&gt; "
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
	struct buf b = {0};

	fx_init(&x);
	fx_add(&x, "r", "vi", "kind: du_toan\nfiscal_year: 2026\n"
	    "unit: {name: Ban A}\n"
	    "form: {circular: 26/2026/TT-BTC, number: 74}\n"
	    "currency_unit: trieu_dong\n"
	    "lines:\n"
	    "  - stt: A\n"
	    "    label: Thu\n"
	    "    children:\n"
	    "      - {stt: I, label: a, values: {du_toan: 10.5}}\n"
	    "      - {label: 'Trong đó: b', of_which: true, values: {du_toan: 2}}\n"
	    "      - {stt: '-', label: c, values: {du_toan: 1}}\n"
	    "  - {label: d, values: {du_toan: 3}}\n");
	fx_model(&x);
	p = page_of(&x.s, "ngan-sach/r/du-lieu.csv");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->data, "\xef\xbb\xbf"
	    "Mã dòng,Cấp,Mã dòng cha,Loại dòng,STT,Nội dung,"
	    "Dự toán được giao (triệu đồng)\r\n"
	    "A,0,,sum,A,Thu,11.5\r\n"
	    "A.I,1,A,stated,I,a,10.5\r\n"
	    "A-1,1,A,of_which,,Trong đó: b,2\r\n"
	    "A-2,1,A,stated,\"'-\",c,1\r\n"
	    "0-1,0,,stated,,d,3\r\n");
	p = page_of(&x.s, "ngan-sach/r/du-lieu.json");
	ck_assert_ptr_nonnull(strstr(p->data, "{\"key\":\"du_toan\","
	    "\"label\":\"Dự toán được giao\",\"labels\":{\"vi\":"
	    "\"Dự toán được giao\",\"en\":\"Assigned estimate\"},"
	    "\"unit\":\"trieu_dong\",\"type\":\"amount\",\"heading\":"
	    "\"Dự toán được giao (triệu đồng)\"}"));
	ck_assert_ptr_nonnull(strstr(p->data, "{\"code\":\"A-1\",\"level\":1,"
	    "\"parent\":\"A\",\"kind\":\"of_which\",\"stt\":\"\","));
	/* The identities file: the form's identities, by row code. */
	{
		/* Read once per build: the budget frames have read them. */
		const struct bforms *fs = budget_forms_of(&x.s);
		const struct bform *f2 = NULL;

		ck_assert_ptr_eq(fs, x.s.forms);
		ck_assert_ptr_eq(budget_forms_of(&x.s), fs);

		for (size_t i = 0; i < fs->n; i++)
			if (strcmp(fs->forms[i].id, "90/2018/TT-BTC:2") == 0)
				f2 = &fs->forms[i];
		ck_assert_ptr_nonnull(f2);
		budget_identities_csv(&b, budget_form_find(fs, x.it[0].data,
		    NULL), budget_csv_ident_head(&x));
		ck_assert_uint_eq(b.len, 0);
		budget_identities_csv(&b, f2, budget_csv_ident_head(&x));
		ck_assert_str_eq(buf_cstr(&b), "\xef\xbb\xbf"
		    "Mã dòng,Bằng tổng các dòng\r\nA.I,A.II+A.III\r\n");
	}
	buf_release(&b);
	arena_free(x.a);
}
END_TEST

START_TEST(test_budget_csv_difference_heading)
{
	/* No built-in form has a difference column today: a loaded one. */
	static const char src[] =
	    "circulars: [{circular: X/2020/TT-BTC}]\n"
	    "forms:\n"
	    "  - id: 'X/2020/TT-BTC:4'\n"
	    "    title: {vi: QT, en: Accounts}\n"
	    "    kinds: [quyet_toan]\n"
	    "    columns:\n"
	    "      - {key: bao_cao_qt, type: amount,\n"
	    "         label: {vi: Báo cáo, en: Reported accounts}}\n"
	    "      - {key: duoc_duyet, type: amount,\n"
	    "         label: {vi: Được duyệt, en: Approved accounts}}\n"
	    "      - {key: chenh_lech, type: difference,\n"
	    "         of: [duoc_duyet, bao_cao_qt],\n"
	    "         label: {vi: Chênh lệch, en: Difference}}\n";
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const struct bforms *fs = budget_forms_load(a, d, "f.yaml", src,
	    strlen(src));

	ck_assert_str_eq(tu_diags_text(a, d), "");
	ck_assert_ptr_nonnull(fs);
	ck_assert_str_eq(budget_col_heading(a, &fs->forms[0], 2, "dong", 1),
	    "Difference (dong) = Approved accounts - Reported accounts");
	ck_assert_str_eq(budget_col_heading(a, &fs->forms[0], 2,
	    "triệu đồng", 0), "Chênh lệch (triệu đồng) = Được duyệt - "
	    "Báo cáo");
	ck_assert_str_eq(budget_col_heading(a, &fs->forms[0], 0, "đồng", 0),
	    "Báo cáo (đồng)");
	arena_free(a);
}
END_TEST

/* The list's first page, as site_model() makes it (the keys read). */
static struct value *
fx_list_page(struct fx *x)
{
	struct value *f = value_map(x->a);
	struct page *p;

	if (x->s.globals[0] == NULL)
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
	fx_model(&x);
	budget_series_model(&x.s, NULL, &x.co);
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
	    "content/budgets/r.yaml:1:15: warning [deadline.late] 20 07 2020 5 "
	    "15 07 2020 61 2017 6 15 30 06 2020\n");
	/* Whatever date the editor would choose: the law's is used. */
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2020\n"
	    "period: quy_1\n", "2020-04-16",
	    "content/budgets/r.yaml:1:15: warning [deadline.late] 16 04 2020 1 "
	    "15 04 2020 61 2017 6 15 31 03 2020\n");
	/* TT 26: 10 days after a 9-month period (due Saturday 10/10). */
	expect_dated(TT26, "thuc_hien", "fiscal_year: 2026\n"
	    "period: 9_thang\n", "2026-10-12",
	    "content/budgets/r.yaml:1:15: warning [deadline.late] 12 10 2026 2 "
	    "10 10 2026 73 2026 37 3 10 30 09 2026\n");
	/* Published before the period ended: the dates are wrong. */
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2020\n"
	    "period: 6_thang\n", "2020-06-20",
	    "content/budgets/r.yaml:1:15: warning [deadline.before-trigger] 20 "
	    "06 2020 30 06 2020 61 2017 6\n");
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
	    "content/budgets/r.yaml:1:15: warning [deadline.late-working] 05 "
	    "02 2020 2 03 02 2020 61 2017 6 5 20 01 2020 5 23 01 2020 29\n");
	/* Without the date it counts from, the deadline cannot be known. */
	expect_dated(TT61, "thuc_hien", "fiscal_year: 2019\nperiod: nam\n",
	    "2020-02-05",
	    "content/budgets/r.yaml:4:9: error [budget.reported-on-missing] 61 "
	    "2017 6\n");
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
	    "content/budgets/r.yaml:1:15: warning [deadline.late] 22 01 2020 1 "
	    "21 01 2020 61 2017 6 15 06 01 2020\n");
	/* TT 26 (NĐ 73 Điều 37 k2): 30 days for a 2026 estimate. */
	expect_dated(TT26, "du_toan", "fiscal_year: 2026\n"
	    "approval: {number: 05/QĐ-UBND, date: 2026-03-30}\n",
	    "2026-04-29", "");
	expect_dated(TT26, "du_toan", "fiscal_year: 2026\n"
	    "approval: {number: 05/QĐ-UBND, date: 2026-03-30}\n",
	    "2026-05-04",
	    "content/budgets/r.yaml:1:15: warning [deadline.late] 04 05 2026 5 "
	    "29 04 2026 73 2026 37 2 30 30 03 2026\n");
	/* Final accounts under TT 26, due in 2027, not yet announced. */
	expect_dated(TT26, "quyet_toan", "fiscal_year: 2026\n"
	    "approval: {number: 09/TB-STC, date: 2026-12-15}\n",
	    "2027-01-15",
	    "content/budgets/r.yaml:1:15: warning [deadline.late] 15 01 2027 1 "
	    "14 01 2027 73 2026 37 2 30 15 12 2026 2027\n");
	expect_dated(TT61, "quyet_toan", "fiscal_year: 2019\n",
	    "2020-06-22",
	    "content/budgets/r.yaml:2:7: error "
	    "[budget.approval-missing-accounts] 61 2017 6\n");
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
	    "content/budgets/2020-6-thang.yaml:10:48: error "
	    "[budget.estimate-differs] 1.200 1.000 30 06 2020 2020 9 44\n"
	    "content/budgets/2020-nam.yaml:10:48: error "
	    "[budget.estimate-differs] 1.000 1.200 31 12 2020 2020 10 44\n");
}
END_TEST

START_TEST(test_budget_estimate_chain_errors)
{
	struct fx x;

	/* Two estimates, no link: an error naming both files. */
	fx_init(&x);
	fx_add(&x, "a", "vi", estimate(x.a, "2020-01-06", "1000", ""));
	fx_add(&x, "b", "vi", estimate(x.a, "2020-08-10", "1200", ""));
	expect_check(&x, "content/budgets/b.yaml:1:7: error "
	    "[budget.estimates-unlinked] 2020\n");

	/* Adjusting a report; a report adjusting; a loop. */
	fx_init(&x);
	fx_add(&x, "a", "vi", estimate(x.a, "2020-01-06", "1000",
	    "adjusts: h1\n"));
	fx_add(&x, "h1", "vi", report(x.a, "6_thang", "2020-07-10", "1000"));
	expect_check(&x, "content/budgets/a.yaml:8:10: error "
	    "[budget.adjusts-non-estimate] 1\n");
	fx_init(&x);
	fx_add(&x, "a", "vi", estimate(x.a, "2020-01-06", "1000",
	    "adjusts: b\n"));
	fx_add(&x, "b", "vi", estimate(x.a, "2020-02-06", "1000",
	    "adjusts: a\n"));
	expect_check(&x, "content/budgets/a.yaml:8:10: error "
	    "[budget.adjusts-loop]\n");
}
END_TEST

/* Each mistake an editor makes: one message, its place and its fix ---- */

/* Lines of Biểu số 2 under B.I.1 (codes B.I.1.1, B.I.1.2): x and y are
 * the stt of the two lines, a and b their figures, s the stated sum. */
#define B_I_1(x, a, y, b, s) DU_TOAN("dong") \
	"  - stt: B\n" \
	"    label: Dự toán chi ngân sách nhà nước\n" \
	"    children:\n" \
	"      - stt: I\n" \
	"        label: Nguồn ngân sách trong nước\n" \
	"        children:\n" \
	"          - stt: '1'\n" \
	"            label: Chi quản lý hành chính\n" \
	"            values: {du_toan: " s "}\n" \
	"            children:\n" \
	"              - stt: '" x "'\n" \
	"                label: Kinh phí thực hiện chế độ tự chủ\n" \
	"                values: {du_toan: " a "}\n" \
	"              - stt: '" y "'\n" \
	"                label: Kinh phí không thực hiện chế độ tự chủ\n" \
	"                values: {du_toan: " b "}\n"

/* The diagnostics of one record as printed, in lang. */
static const char *
printed(struct arena *a, const char *lang, const char *yaml)
{
	struct fx x;
	const char *got;

	fx_init(&x);
	diags_set_lang(x.d, lang);
	fx_add(&x, "r", "vi", yaml);
	budget_check(&x.s, "budget");
	got = arena_strdup(a, tu_diags_text(x.a, x.d));
	arena_free(x.a);
	return got;
}

START_TEST(test_budget_msg_sum)
{
	struct arena *a = arena_new();
	const char *t;

	expect_one(B_I_1("1.1", "4650000000", "1.2", "800000000",
	    "5450000000"), "");
	/* Named by code and label, the column by its heading; the fix is
	 * the sum, as the page writes it and as the file takes it. */
	t = printed(a, "vi", B_I_1("1.1", "4650000000", "1.2", "800000001",
	    "5450000000"));
	ck_assert_msg(tu_count(t, "\n") == 1, "%s", t);
	ck_assert_msg(strstr(t, "content/budgets/r.yaml:18:31: lỗi: ") != NULL,
	    "%s", t);
	ck_assert_msg(strstr(t, "B.I.1 \u00ABChi quản lý hành chính\u00BB") !=
	    NULL && strstr(t, "\u00ABDự toán được giao\u00BB") != NULL,
	    "%s", t);
	ck_assert_msg(strstr(t, " 5.450.000.001 (") != NULL && strstr(t,
	    " 5450000001) [budget.sum-mismatch]") != NULL, "%s", t);
	/* The same in English, with the same id and figures. */
	t = printed(a, "en", B_I_1("1.1", "4650000000", "1.2", "800000001",
	    "5450000000"));
	ck_assert_msg(strstr(t, "content/budgets/r.yaml:18:31: error: line "
	    "B.I.1 \u00ABChi quản lý hành chính\u00BB, column "
	    "\u00ABAssigned estimate\u00BB") != NULL, "%s", t);
	ck_assert_msg(strstr(t, " 5.450.000.001 (") != NULL && strstr(t,
	    "(5450000001 in the file) [budget.sum-mismatch]") != NULL, "%s",
	    t);
	arena_free(a);
}
END_TEST

START_TEST(test_budget_msg_stt)
{
	/* Swapped: move the lines, not renumber them; one message, on the
	 * line that comes too late, naming both. */
	expect_one(B_I_1("1.2", "800000000", "1.1", "4650000000",
	    "5450000000"),
	    "content/budgets/r.yaml:23:22: error [budget.stt-order] 1.1 1.2 "
	    "1.1 1.2\n");
	/* A gap: the number left out. */
	expect_one(B_I_1("1.1", "4650000000", "1.3", "800000000",
	    "5450000000"),
	    "content/budgets/r.yaml:23:22: error [budget.stt-gap] 1.3 1.1 1.2 "
	    "1.3 1.2 1.2\n");
	/* Twice the same number: renumber; its own message only. */
	expect_one(B_I_1("1.1", "4650000000", "1.1", "800000000",
	    "5450000000"),
	    "content/budgets/r.yaml:23:22: error [budget.stt-duplicate] 1.1 "
	    "1.1 1.1 20\n");
	/* 2, 1, 3: one swap, and 3 after 2 is no gap. */
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, children: [{stt: '2', label: b}, "
	    "{stt: '1', label: a}, {stt: '3', label: c}]}\n",
	    "content/budgets/r.yaml:10:63: error [budget.stt-order] 1 2 1 2\n");
	/* Ð (U+00D0) for Đ in a number. */
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, children: [{stt: a, label: b}, "
	    "{stt: \"\u00D0\", label: c}]}\n",
	    "content/budgets/r.yaml:10:61: error [budget.stt-lookalike] 00 0 "
	    "0110\n");
}
END_TEST

START_TEST(test_budget_msg_of_which)
{
	static const char ok[] = DU_TOAN("dong")
	    "  - stt: C\n"
	    "    label: x\n"
	    "    values: {du_toan: 150}\n"
	    "    children:\n"
	    "      - {stt: '1', label: a, values: {du_toan: 150}}\n"
	    "      - {label: 'Trong đó: b', of_which: true, values: {du_toan: "
	    "100}}\n";
	struct buf b = {0};
	const char *p;

	expect_one(ok, "");
	/* Without the flag: that, not a sum error (150 + 100 ≠ 150). */
	buf_adds(&b, ok);
	p = strstr(buf_cstr(&b), " of_which: true,");
	memmove((char *)p, p + 16, strlen(p + 16) + 1);
	expect_one(buf_cstr(&b), "content/budgets/r.yaml:15:17: error "
	    "[budget.of-which-missing]\n");
	/* "trong đó" in lower case too; of_which: false is the editor's
	 * word, and the sums then say what is wrong. */
	expect_one(DU_TOAN("dong")
	    "  - stt: C\n"
	    "    label: x\n"
	    "    values: {du_toan: 150}\n"
	    "    children:\n"
	    "      - {stt: '1', label: a, values: {du_toan: 150}}\n"
	    "      - {label: 'trong đó: b', of_which: false, values: "
	    "{du_toan: 100}}\n",
	    "content/budgets/r.yaml:12:23: error [budget.sum-mismatch] 150 250 "
	    "-100 250 250\n");
	buf_release(&b);
}
END_TEST

START_TEST(test_budget_msg_figures)
{
	/* 1.500.000: the dots are thousands; the fix is the digits. */
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, values: {du_toan: 1.500.000}}\n",
	    "content/budgets/r.yaml:10:42: error [budget.figure-grouped] "
	    "1.500.000 1500000\n");
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, values: {du_toan: 1500000}}\n", "");
	/* 1.500 in đồng: one and a half, or fifteen hundred? */
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, values: {du_toan: 1.500}}\n",
	    "content/budgets/r.yaml:10:42: error [budget.amount-thousands] "
	    "1.500 1,5 1.500 1500\n");
	/* 23,44 outside {…}: a decimal comma. */
	expect_one(DU_TOAN("trieu_dong")
	    "  - stt: C\n"
	    "    label: x\n"
	    "    values:\n"
	    "      du_toan: 23,44\n",
	    "content/budgets/r.yaml:13:16: error [budget.figure-decimal-comma] "
	    "23,44 23.44\n");
	/* A letter that looks like a figure: which, and what was meant. */
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, values: {du_toan: 6OO}}\n",
	    "content/budgets/r.yaml:10:42: error [budget.figure-lookalike] 6 "
	    "004 600 600\n");
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, values: {du_toan: 6\u00D0\u00D0}}\n",
	    "content/budgets/r.yaml:10:42: error [budget.figure-lookalike] 6 "
	    "00 0 600 600\n");
	/* Nothing to say what was meant: a number is needed. */
	expect_one(DU_TOAN("dong")
	    "  - {stt: C, label: x, values: {du_toan: abc}}\n",
	    "content/budgets/r.yaml:10:42: error [budget.figure-not-number] "
	    "1500000 112.5\n");
}
END_TEST

START_TEST(test_budget_msg_one_cause)
{
	/* A refused figure: no sum error above it, no ratio beside it. */
	expect_one(THUC_HIEN("6_thang", "2020-07-10", "2020-07-15")
	    "  - stt: I\n"
	    "    label: Chi\n"
	    "    values: {du_toan_nam: 1000, uoc_thuc_hien: 700, ty_le: 70}\n"
	    "    children:\n"
	    "      - {stt: '1', label: a, values: {du_toan_nam: 6OO, "
	    "uoc_thuc_hien: 400, ty_le: 66.67}}\n"
	    "      - {stt: '2', label: b, values: {du_toan_nam: 400, "
	    "uoc_thuc_hien: 300, ty_le: 75}}\n",
	    "content/budgets/r.yaml:15:52: error [budget.figure-lookalike] 1 6 "
	    "004 600 600\n");
	/* ty_le: 94,68% inside {…}: the comma, once; 94 is not judged. */
	expect_one(PCT(", ty_le: 94,68%"),
	    "content/budgets/r.yaml:13:73: error [budget.flow-comma] 94,68% 94 "
	    "68% 94.68\n");
	expect_one(PCT(", ty_le: 94.68"), "");
}
END_TEST

START_TEST(test_budget_msg_across)
{
	struct fx x;
	struct buf b = {0};

	/* A line the estimate lacks, numbered rightly: said once. */
	fx_init(&x);
	fx_add(&x, "du-toan", "vi", good_estimate);
	buf_adds(&b, THUC_HIEN("6_thang", "2020-07-10", "2020-07-15"));
	buf_adds(&b, "  - stt: D\n"
	    "    label: Chi ngân sách\n"
	    "    children:\n"
	    "      - stt: I\n"
	    "        label: Chi thường xuyên\n"
	    "        values: {du_toan_nam: 1250000000, uoc_thuc_hien: "
	    "600000000}\n"
	    "      - stt: II\n"
	    "        label: Chi không thường xuyên\n"
	    "        values: {du_toan_nam: 50000000, uoc_thuc_hien: 1}\n"
	    "      - stt: III\n"
	    "        label: Chi khác\n"
	    "        values: {du_toan_nam: 0, uoc_thuc_hien: 1}\n");
	fx_add(&x, "thuc-hien", "vi", buf_cstr(&b));
	expect_check(&x, "content/budgets/thuc-hien.yaml:22:31: error "
	    "[budget.estimate-no-line] 30 06 2020\n");
	buf_release(&b);
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
	tc = tcase_create("rows");
	tcase_add_test(tc, test_budget_heading);
	tcase_add_test(tc, test_budget_identity);
	tcase_add_test(tc, test_budget_wording);
	tcase_add_test(tc, test_budget_part_columns);
	suite_add_tcase(s, tc);
	tc = tcase_create("law");
	tcase_add_test(tc, test_budget_unverified);
	tcase_add_test(tc, test_budget_law);
	tcase_add_test(tc, test_budget_header);
	tcase_add_test(tc, test_budget_money);
	suite_add_tcase(s, tc);
	tc = tcase_create("headline");
	tcase_add_test(tc, test_budget_headline);
	tcase_add_test(tc, test_budget_headline_heading);
	suite_add_tcase(s, tc);
	tc = tcase_create("across");
	tcase_add_test(tc, test_budget_estimate_across);
	tcase_add_test(tc, test_budget_year_to_date);
	tcase_add_test(tc, test_budget_year_to_date_units);
	suite_add_tcase(s, tc);
	tc = tcase_create("pages");
	tcase_add_test(tc, test_budget_csv_json);
	tcase_add_test(tc, test_budget_english);
	tcase_add_test(tc, test_budget_total_row);
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
	tc = tcase_create("messages");
	tcase_add_test(tc, test_budget_msg_sum);
	tcase_add_test(tc, test_budget_msg_stt);
	tcase_add_test(tc, test_budget_msg_of_which);
	tcase_add_test(tc, test_budget_msg_figures);
	tcase_add_test(tc, test_budget_msg_one_cause);
	tcase_add_test(tc, test_budget_msg_across);
	suite_add_tcase(s, tc);
	return s;
}
