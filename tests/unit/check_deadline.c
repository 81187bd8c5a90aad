/*
 * Unit tests for deadline.c and records_deadline.c: the built-in rules
 * by regime (TT 61 vs TT 26 + NĐ 73), due dates in calendar and working
 * days, an inspection conclusion published late (Luật TCTT Điều 18 k4,
 * the default rule) or before it was concluded, and a broken rule file.
 */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "calendar.h"
#include "date.h"
#include "deadline.h"
#include "diag.h"
#include "records_deadline.h"
#include "site.h"
#include "value.h"
#include "testutil.h"
#include "summary.h"

Suite *deadline_suite(void);

static void
expect_iso(long d, const char *want)
{
	char iso[11];

	date_iso(d, iso);
	ck_assert_str_eq(iso, want);
}

START_TEST(test_deadline_rules)
{
	struct arena *a = arena_new();
	struct site s = {0};
	const struct deadlines *dl;
	const struct deadline_rule *r;
	const char *title = NULL;
	int unknown = -1;

	s.arena = a;
	s.diags = diags_new(a);
	dl = deadlines_of(&s);
	ck_assert_ptr_eq(deadlines_of(&s), dl);	/* read once */
	ck_assert_str_eq(deadlines_regime(dl, "90/2018/TT-BTC", &title),
	    "tt61");
	ck_assert_str_eq(deadlines_regime(dl, "61/2017/TT-BTC", NULL),
	    "tt61");
	ck_assert_str_eq(deadlines_regime(dl, "26/2026/TT-BTC", &title),
	    "tt26");
	ck_assert_str_eq(title, "Thông tư 26/2026/TT-BTC và Nghị định "
	    "73/2026/NĐ-CP");
	ck_assert_ptr_null(deadlines_regime(dl, "342/2016/TT-BTC", NULL));
	/* TT 61: 15 days; TT 26: 30 days for the estimate. */
	r = deadlines_find(dl, "budget", "tt61", "du_toan", "nam");
	ck_assert(r != NULL && r->count == 15 && !r->working);
	ck_assert_int_eq(r->trigger, DL_APPROVAL);
	r = deadlines_find(dl, "budget", "tt26", "du_toan", NULL);
	ck_assert(r != NULL && r->count == 30 && !r->working);
	ck_assert_str_eq(r->article, "Nghị định 73/2026/NĐ-CP, Điều 37 "
	    "khoản 2");
	expect_iso(deadline_due(dl, r, date_days("2026-03-30"), &unknown),
	    "2026-04-29");
	ck_assert_int_eq(unknown, 0);
	/* Execution: the end of the period; annual: reported upward. */
	r = deadlines_find(dl, "budget", "tt61", "thuc_hien", "6_thang");
	ck_assert(r != NULL && r->trigger == DL_PERIOD_END && r->count == 15);
	r = deadlines_find(dl, "budget", "tt61", "thuc_hien", "nam");
	ck_assert(r != NULL && r->trigger == DL_REPORTED_ON && r->working &&
	    r->count == 5);
	r = deadlines_find(dl, "budget", "tt26", "thuc_hien", "9_thang");
	ck_assert(r != NULL && r->trigger == DL_PERIOD_END && r->count == 10);
	r = deadlines_find(dl, "budget", "tt26", "thuc_hien", "nam");
	ck_assert(r != NULL && r->trigger == DL_REPORTED_ON && !r->working &&
	    r->count == 10);
	/* No 9-month rule under TT 61. */
	ck_assert_ptr_null(deadlines_find(dl, "budget", "tt61", "thuc_hien",
	    "9_thang"));
	r = deadlines_find(dl, "inspection", NULL, NULL, NULL);
	ck_assert(r != NULL && r->working && r->count == 5);
	ck_assert_str_eq(r->article, "Luật Tiếp cận thông tin 104/2016/QH13, "
	    "Điều 18 khoản 4");
	arena_free(a);
}
END_TEST

/* An inspection item with front matter yaml, checked alone. */
static const char *
inspection(const char *yaml)
{
	struct arena *a = arena_new();
	struct site s = {0};
	struct item it = {0};
	struct value *v = NULL;
	const char *got;
	static char out[2048];

	s.arena = a;
	s.diags = diags_new(a);
	it.path = "content/inspections/a.md";
	ck_assert_int_eq(value_parse_yaml(a, s.diags, it.path, yaml,
	    strlen(yaml), 2, &v), 0);
	it.data = v;
	deadline_check_inspection(&s, &it);
	got = tu_summary(a, s.diags);
	ck_assert_uint_lt(strlen(got), sizeof out);
	memcpy(out, got, strlen(got) + 1);
	arena_free(a);
	return out;
}

START_TEST(test_deadline_inspection)
{
	/* Concluded Wednesday 20/05/2020: due Wednesday 27/05. */
	ck_assert_str_eq(inspection("conclusion: {number: 05/KL-BQL, date: "
	    "2020-05-20}\nconclusion_published_on: 2020-05-27\n"), "");
	ck_assert_str_eq(inspection("conclusion: {number: 05/KL-BQL, date: "
	    "2020-05-20}\nconclusion_published_on: 2020-06-01\n"),
	    "content/inspections/a.md:3:26: warning [deadline.late-working] "
	    "01 06 2020 3 27 05 2020 104 2016 13 18 4 5 20 05 2020\n");
	/* Concluded 29/04/2020: 30/04 and 01/05 are holidays. */
	ck_assert_str_eq(inspection("conclusion: {number: 05/KL-BQL, date: "
	    "2020-04-29}\nconclusion_published_on: 2020-05-08\n"), "");
	ck_assert_str_eq(inspection("conclusion: {number: 05/KL-BQL, date: "
	    "2020-05-20}\nconclusion_published_on: 2020-05-19\n"),
	    "content/inspections/a.md:3:26: error "
	    "[deadline.conclusion-date-early] 2020 -05 -19 2020 -05 -20\n");
	/* Nothing to count without the date: the editor is told. */
	ck_assert_str_eq(inspection("conclusion: {number: 05/KL-BQL, date: "
	    "2020-05-20}\n"), "content/inspections/a.md:2:39: warning "
	    "[deadline.conclusion-date-missing] 20 05 2020 104 2016 13 18 "
	    "4\n");
}
END_TEST

START_TEST(test_deadline_load_errors)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const struct calendar *c = calendar_builtin(a, d);
	static const char bad[] =
	    "regimes:\n"
	    "  - {id: x, title: X, circulars: [1/2020/TT-BTC]}\n"
	    "rules:\n"
	    "  - {record: budget, regime: y, trigger: approval, days: 15, "
	    "article: A, quote: Q, note: x}\n"
	    "  - {record: budget, regime: x, trigger: soon, days: 15, "
	    "working_days: 5, article: A, quote: Q}\n";

	ck_assert_ptr_null(deadlines_load(a, d, "d.yaml", bad, strlen(bad),
	    c));
	ck_assert_str_eq(tu_summary(a, d),
	    "d.yaml:4:5: error [deadline.regime-missing]\n"
	    "d.yaml:4:90: error [deadline.note-languages]\n"
	    "d.yaml:5:5: error [deadline.days-missing] 1 366\n"
	    "d.yaml:5:42: error [deadline.trigger-unknown]\n");
	arena_free(a);
}
END_TEST

Suite *
deadline_suite(void)
{
	Suite *s = suite_create("deadline");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, test_deadline_rules);
	tcase_add_test(tc, test_deadline_inspection);
	tcase_add_test(tc, test_deadline_load_errors);
	suite_add_tcase(s, tc);
	return s;
}
