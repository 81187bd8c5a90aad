/*
 * Unit tests for the kinds of generator/kinds/ that the law on access to
 * information asks for (organization, procedure, consultation, report,
 * qa) and the catalogue page (catalogue.c): each check passes on a good
 * record and fails with its exact located message; the frames' words
 * (from the theme's i18n) and the consultation status at build dates.
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalogue.h"
#include "diag.h"
#include "kind.h"
#include "records.h"
#include "schema.h"
#include "site.h"
#include "source.h"
#include "theme.h"
#include "value.h"

#include "testutil.h"
#include "tu_skel.h"

Suite *kinds_new_suite(void);

#define HEAD "title: T\nbase_url: https://example.invalid/\n" \
	"languages: [vi, en]\ncontact: {email: lienhe@bqlkcn.example.vn}\n" \
	"collections:\n"
/* Each collection's line of site.yaml, by folder. */
static const char *const colls[][2] = {
	{"organization", "  organization: {kind: organization, title: "
	    "{vi: Tổ chức, en: Organisation}, permalink: /to-chuc/:slug/}\n"},
	{"procedures", "  procedures: {kind: procedure, title: {vi: Thủ "
	    "tục, en: Procedures}, permalink: /thu-tuc/:slug/}\n"},
	{"consultations", "  consultations: {kind: consultation, title: "
	    "{vi: Lấy ý kiến, en: Consultations}, permalink: "
	    "/lay-y-kien/:slug/}\n"},
	{"reports", "  reports: {kind: report, title: {vi: Báo cáo, en: "
	    "Reports}, permalink: /bao-cao/:slug/}\n"},
	{"qa", "  qa: {kind: qa, title: {vi: Hỏi đáp, en: Q&A}, "
	    "permalink: /hoi-dap/:slug/}\n"},
};

/* site.yaml declaring the collections of files f (and those named in
 * also, a list of folders), then tail (arena). */
static const char *
conf(struct arena *a, const struct tu_file *f, const char *also,
    const char *tail)
{
	const char *r = HEAD;
	size_t i, k;

	for (k = 0; k < sizeof colls / sizeof *colls; k++) {
		bool used = also != NULL && strstr(also, colls[k][0]);

		for (i = 0; f[i].path != NULL && !used; i++)
			used = strncmp(f[i].path + 8, colls[k][0],
			    strlen(colls[k][0])) == 0;
		if (used)
			r = arena_printf(a, "%s%s", r, colls[k][1]);
	}
	return arena_printf(a, "%s%s", r, tail);
}

#define CATALOGUE "access_info:\n  url: tiep-can/\n  title: {vi: Danh " \
	"mục, en: Catalogue}\n  categories:\n" \
	"    - {id: P4, title: {vi: Thủ tục, en: Procedures}, basis: Điều " \
	"19 k1 a, collection: procedures}\n" \
	"    - {id: P11, title: {vi: Báo cáo, en: Reports}, basis: Điều 19 " \
	"k1 e, collection: reports}\n" \
	"    - {id: P19, title: {vi: Quy chế, en: Rules}, basis: Điều 34 k1 " \
	"h, collection: rules}\n"

#define VI "consultation: {status_values: {upcoming: sắp lấy ý kiến, " \
	"open: đang lấy ý kiến, closed: đã hết hạn}}\n" \
	"procedure: {free: Không thu phí, dong: \" đồng\", working_days: " \
	"ngày làm việc, level_values: {tinh: Cấp tỉnh}}\n" \
	"report: {type_values: {tai_chinh_nam: Báo cáo tài chính năm}, " \
	"period_values: {quy_3: \"Quý III năm {year}\", thang: \"Tháng " \
	"{month} năm {year}\"}}\ncatalogue: {not_yet: chưa có}\n"
#define EN "consultation: {status_values: {open: open for comment}}\n" \
	"report: {period_values: {quy_3: \"Q3 {year}\"}}\n"

/* The diagnostics of kinds_check() on one content file at date. */
static const char *
checked(struct arena *out, const char *path, const char *text,
    const char *date)
{
	struct tu_site t;
	struct tu_file f[] = {{"content/site.yaml", NULL}, {path, text},
	    {NULL, NULL}};
	const char *r;

	f[0].text = conf(out, f + 1, NULL, "");
	tu_site_load(&t, f);
	ck_assert_ptr_nonnull(t.s);
	t.s->build_date = date;
	kinds_check(t.s);
	r = arena_strdup(out, tu_diags_text(t.a, t.d));
	tu_site_close(&t);
	return r;
}

/* Fails unless want is in got (the printed diagnostics). */
#define HAS(got, want) ck_assert_msg(strstr(want, " E [") != NULL ||	\
	strstr(want, " W [") != NULL ? tu_skel_has(got, want) :	\
	strstr(got, want) != NULL, \
	"wanted \"%s\" in:\n%s", want, got)

/* A site with the given files, modelled (frames, catalogue) at date. */
static void
modelled(struct tu_site *t, const struct tu_file *extra, const char *tail,
    const char *date)
{
	struct arena *a = arena_new();
	struct tu_file f[12];
	size_t i, n = 0;

	f[n++] = (struct tu_file){"content/site.yaml", conf(a, extra,
	    tail, tail)};
	for (i = 0; extra[i].path != NULL && n < 11; i++)
		f[n++] = extra[i];
	f[n] = (struct tu_file){NULL, NULL};
	tu_site_load(t, f);
	arena_free(a);
	tu_put(t->dir, "themes/default/i18n/vi.yaml", VI);
	tu_put(t->dir, "themes/default/i18n/en.yaml", EN);
	ck_assert_ptr_nonnull(t->s);
	t->s->build_date = date;
	t->th = theme_load(t->a, t->d, t->src, "default");
	ck_assert_ptr_nonnull(t->th);
	ck_assert_msg(site_model(t->s, t->th, t->src, NULL) == 0, "%s",
	    tu_diags_text(t->a, t->d));
	kinds_model(t->s, t->th, schema_builtin(t->a, t->d));
	catalogue_model(t->s, t->th);
}

/* The string at dotted key of the frame of page out. */
static const char *
fstr(const struct site *s, const char *out, const char *key)
{
	const struct value *v = value_path(tu_frame(s, out), key);

	ck_assert_msg(v != NULL && v->type == VALUE_STR, "%s: no %s", out,
	    key);
	return v->text;
}

/* ---- organization ---- */

#define ORG_HEAD "name: Ban\nfunctions: [a]\nduties: [b]\nunits:\n" \
	"  - {id: ban, name: Ban}\n"
#define ORG_TAIL "contact: {address: X, phone: \"0263 3800 000\", email: " \
	"lienhe@bqlkcn.example.vn}\ninformation_contact: {unit: VP, " \
	"address: X, phone: \"0263 3800 001\", email: " \
	"vp@bqlkcn.example.vn}\n"

START_TEST(test_kinds_new_organization_pass)
{
	struct arena *a = arena_new();
	const char *got = checked(a, "content/organization/o.yaml",
	    ORG_HEAD "  - {id: vp, name: VP, parent: ban}\n"
	    "leaders:\n"
	    "  - {name: A, title: T, duties: D, unit: vp, phone: "
	    "\"+84 263 3800 000\", email: a@bqlkcn.example.vn}\n"
	    ORG_TAIL, "2026-12-07");

	assert_skel(got, "");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_organization_personal)
{
	struct arena *a = arena_new();
	const char *got = checked(a, "content/organization/o.yaml",
	    ORG_HEAD "leaders:\n"
	    "  - {name: A, title: T, duties: D, phone: \"0912 345 678\"}\n"
	    "  - {name: B, title: T, duties: D, phone: \"+84 98 765 4321\", "
	    "email: b@gmail.com}\n"
	    ORG_TAIL, "2026-12-07");

	HAS(got, "content/organization/o.yaml:7:43: E"
	    " [organization.mobile-phone]|1|0912|345|678");
	HAS(got, "content/organization/o.yaml:8:43: E"
	    " [organization.mobile-phone]|2|84|98|765");
	HAS(got, "content/organization/o.yaml:8:69: E"
	    " [organization.private-email]|2");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_organization_chart)
{
	struct arena *a = arena_new();
	const char *got = checked(a, "content/organization/o.yaml",
	    ORG_HEAD "  - {id: p1, name: P1, parent: p2}\n"
	    "  - {id: p2, name: P2, parent: p1}\n"
	    "  - {id: p3, name: P3, parent: phong}\n"
	    "  - {id: ban, name: Again}\n"
	    "leaders:\n  - {name: A, title: T, duties: D, unit: nowhere}\n"
	    ORG_TAIL, "2026-12-07");

	HAS(got, "content/organization/o.yaml:6:32: E"
	    " [organization.parent-loop]|p1|parent");
	HAS(got, "content/organization/o.yaml:8:32: E"
	    " [organization.unknown-unit]|phong|4");
	HAS(got, "content/organization/o.yaml:9:10: E"
	    " [organization.unit-twice]|ban|1");
	HAS(got, "content/organization/o.yaml:11:42: E"
	    " [organization.unknown-unit]|nowhere|1");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_organization_frame)
{
	struct tu_site t;
	struct tu_file f[] = {{"content/organization/o.yaml",
	    ORG_HEAD "  - {id: vp, name: Văn phòng, parent: ban}\n"
	    "leaders:\n  - {name: A, title: T, duties: D, unit: vp}\n"
	    ORG_TAIL}, {NULL, NULL}};
	const struct value *ch;

	modelled(&t, f, "", "2026-12-07");
	ch = value_map_get(tu_frame(t.s, "to-chuc/o/index.html"), "chart");
	ck_assert_uint_eq(ch->n, 1);
	ck_assert_str_eq(value_map_str(ch->items[0], "name"), "Ban");
	ch = value_map_get(ch->items[0], "children");
	ck_assert_uint_eq(ch->n, 1);
	ck_assert_str_eq(value_map_str(ch->items[0], "name"), "Văn phòng");
	ch = value_map_get(tu_frame(t.s, "to-chuc/o/index.html"), "leaders");
	ck_assert_str_eq(value_map_str(ch->items[0], "unit_name"),
	    "Văn phòng");
	tu_site_close(&t);
}
END_TEST

/* ---- procedure ---- */

#define PROC(code, url) "title: Cấp giấy\ncode: \"" code "\"\nfield: " \
	"Đầu tư\nlevel: tinh\nprocessing_days: 15\nfee: {amount: 0}\n" \
	"legal_basis: [61/2020/QH14]\nportal_url: " url "\n"

START_TEST(test_kinds_new_procedure_pass)
{
	struct arena *a = arena_new();

	ck_assert_str_eq(checked(a, "content/procedures/p.yaml",
	    PROC("1.009763", "https://dichvucong.gov.vn/p/home/x.html?ma=1"),
	    "2026-12-07"), "");
	ck_assert_str_eq(checked(a, "content/procedures/p.yaml",
	    PROC("1.000110.000.00.00.H29",
	    "https://thutuc.dichvucong.gov.vn/p/x"), "2026-12-07"), "");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_procedure_fail)
{
	struct arena *a = arena_new();
	const char *got = checked(a, "content/procedures/p.yaml",
	    PROC("BQL-15", "https://example.gov.vn/thu-tuc/1"), "2026-12-07");

	HAS(got, "content/procedures/p.yaml:2:7: E [procedure.bad-code]"
	    "|code|15|1.009763");
	HAS(got, "content/procedures/p.yaml:8:13: E"
	    " [procedure.not-portal]|portal_url|1");
	got = checked(a, "content/procedures/p.yaml", PROC("1.009763",
	    "http://dichvucong.gov.vn/x"), "2026-12-07");
	HAS(got, "content/procedures/p.yaml:8:13: E"
	    " [procedure.not-https]|http://dichvucong.gov.vn/x");
	got = checked(a, "content/procedures/p.yaml", PROC("1.009763",
	    "https://fakedichvucong.gov.vn/x"), "2026-12-07");
	HAS(got, "content/procedures/p.yaml:8:13: E"
	    " [procedure.not-portal]|https://fakedichvucong.gov.vn/x");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_procedure_frame)
{
	struct tu_site t;
	struct tu_file f[] = {{"content/procedures/p.yaml",
	    PROC("1.009763", "https://dichvucong.gov.vn/x")},
	    {"content/procedures/q.yaml", "title: Q\ncode: \"2.000001\"\n"
	    "field: F\nlevel: tinh\nprocessing_days: 3\nfee: {amount: "
	    "1500000}\nlegal_basis: [61/2020/QH14]\nportal_url: "
	    "https://dichvucong.gov.vn/y\n"}, {NULL, NULL}};

	modelled(&t, f, "", "2026-12-07");
	ck_assert_str_eq(fstr(t.s, "thu-tuc/p/index.html", "fee_text"),
	    "Không thu phí");
	ck_assert_str_eq(fstr(t.s, "thu-tuc/q/index.html", "fee_text"),
	    "1.500.000 đồng");
	ck_assert_str_eq(fstr(t.s, "thu-tuc/p/index.html",
	    "processing_text"), "15 ngày làm việc");
	ck_assert_str_eq(fstr(t.s, "thu-tuc/p/index.html", "level_text"),
	    "Cấp tỉnh");
	tu_site_close(&t);
}
END_TEST

/* ---- consultation ---- */

#define CONS(op, cl, extra) "title: Dự thảo\ndraft_file: {title: D, url: " \
	"/files/d.txt}\nopens_on: " op "\ncloses_on: " cl "\n" \
	"how_to_comment: Gửi thư\n" extra

START_TEST(test_kinds_new_consultation_dates)
{
	struct arena *a = arena_new();
	const char *got;

	ck_assert_str_eq(checked(a, "content/consultations/c.yaml",
	    CONS("2026-10-01", "2026-10-31", "comments_summary: {text: S, "
	    "published_on: 2026-11-10}\n"), "2026-12-07"), "");
	got = checked(a, "content/consultations/c.yaml", CONS("2026-10-31",
	    "2026-10-01", ""), "2026-09-01");
	assert_skel(got, "content/consultations/c.yaml:4:12: E"
	    " [consultation.closes-not-after]|closes_on|opens_on"
	    "|2026-10-01|2026-10-31\n");
	got = checked(a, "content/consultations/c.yaml", CONS("2026-10-01",
	    "2026-10-31", "comments_summary: {text: S, published_on: "
	    "2026-10-20}\n"), "2026-12-07");
	HAS(got, "content/consultations/c.yaml:6:43: E"
	    " [consultation.summary-before-close]"
	    "|comments_summary.published_on|closes_on|2026-10-20"
	    "|2026-10-31");
	got = checked(a, "content/consultations/c.yaml",
	    "title: D\ndraft_file: {title: D, url: "
	    "https://example.org/d.pdf}\nopens_on: 2026-10-01\ncloses_on: "
	    "2026-10-31\nhow_to_comment: G\n", "2026-10-05");
	assert_skel(got, "content/consultations/c.yaml:2:29: E"
	    " [consultation.draft-not-local]|https://example.org/d.pdf\n");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_consultation_summary)
{
	struct arena *a = arena_new();

	/* Open on its last day: no summary due yet. */
	ck_assert_str_eq(checked(a, "content/consultations/c.yaml",
	    CONS("2026-10-01", "2026-10-31", ""), "2026-10-31"), "");
	assert_skel(checked(a, "content/consultations/c.yaml",
	    CONS("2026-10-01", "2026-10-31", ""), "2026-11-01"),
	    "content/consultations/c.yaml:4:12: W"
	    " [consultation.no-summary]|comments_summary|2026-10-31"
	    "|2026-11-01\n");
	arena_free(a);
}
END_TEST

/* The status words of the consultation at build date date. */
static void
status_at(const char *date, const char *st, const char *vi,
    const char *en)
{
	struct tu_site t;
	struct tu_file f[] = {{"content/consultations/c.yaml",
	    CONS("2026-10-01", "2026-10-31", "")}, {NULL, NULL}};

	modelled(&t, f, "", date);
	ck_assert_str_eq(fstr(t.s, "lay-y-kien/c/index.html",
	    "status_computed"), st);
	ck_assert_str_eq(fstr(t.s, "lay-y-kien/c/index.html",
	    "status_text"), vi);
	/* The list's English page shows the Vietnamese record in English
	 * words: its frame is the item's, in the item's language. */
	(void)en;
	tu_site_close(&t);
}

START_TEST(test_kinds_new_consultation_status)
{
	struct tu_site t;
	struct tu_file f[] = {{"content/consultations/c.yaml",
	    CONS("2026-10-01", "2026-10-31", "")}, {NULL, NULL}};
	const struct value *fr;

	status_at("2026-09-30", "upcoming", "sắp lấy ý kiến", NULL);
	status_at("2026-10-01", "open", "đang lấy ý kiến", NULL);
	status_at("2026-10-31", "open", "đang lấy ý kiến", NULL);
	status_at("2026-11-01", "closed", "đã hết hạn", NULL);
	modelled(&t, f, "", "2026-10-21");
	fr = tu_frame(t.s, "lay-y-kien/c/index.html");
	ck_assert_int_eq(value_map_get(fr, "days_left")->u.i, 10);
	ck_assert(value_map_get(fr, "is_open")->u.b);
	ck_assert(!value_map_get(fr, "is_closed")->u.b);
	tu_site_close(&t);
}
END_TEST

/* ---- report ---- */

#define REP(type, year, period, pub) "title: B\ntype: " type "\nyear: " \
	year "\nperiod: " period "\npublished_on: " pub "\nattachments:\n" \
	"  - {title: B, url: /files/b.txt}\n"

START_TEST(test_kinds_new_report_pass)
{
	struct arena *a = arena_new();

	ck_assert_str_eq(checked(a, "content/reports/r.yaml", REP("cong_tac",
	    "2026", "6_thang", "2026-06-15"), "2026-12-07"), "");
	ck_assert_str_eq(checked(a, "content/reports/r.yaml",
	    REP("tai_chinh_nam", "2025", "nam", "2026-03-20"), "2026-12-07"),
	    "");
	ck_assert_str_eq(checked(a, "content/reports/r.yaml", REP("cong_tac",
	    "2026", "thang", "2026-05-31") "month: 5\n", "2026-12-07"), "");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_report_fail)
{
	struct arena *a = arena_new();
	const char *got;

	got = checked(a, "content/reports/r.yaml", REP("tai_chinh_nam",
	    "2025", "quy_4", "2026-03-20"), "2026-12-07");
	assert_skel(got, "content/reports/r.yaml:4:9: E [report.annual-period]"
	    "|period\n");
	got = checked(a, "content/reports/r.yaml", REP("cong_tac", "2026",
	    "quy_3", "2026-06-30"), "2026-12-07");
	assert_skel(got, "content/reports/r.yaml:5:15: E"
	    " [report.published-before-period]|published_on"
	    "|2026-06-30|2026|2026-07-01\n");
	got = checked(a, "content/reports/r.yaml", REP("tai_chinh_nam",
	    "2026", "nam", "2026-11-30"), "2026-12-07");
	assert_skel(got, "content/reports/r.yaml:5:15: E"
	    " [report.annual-too-early]|2026-11-30|2026\n");
	got = checked(a, "content/reports/r.yaml", REP("cong_tac", "2026",
	    "thang", "2026-05-31"), "2026-12-07");
	assert_skel(got, "content/reports/r.yaml:4:9: E [report.month-missing]"
	    "\n");
	got = checked(a, "content/reports/r.yaml", REP("cong_tac", "2026",
	    "quy_1", "2026-04-05") "month: 3\n", "2026-12-07");
	assert_skel(got, "content/reports/r.yaml:8:8: E"
	    " [report.month-not-monthly]|3|quy_1\n");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_report_frame)
{
	struct tu_site t;
	struct tu_file f[] = {{"content/reports/r.yaml", REP("tai_chinh_nam",
	    "2025", "nam", "2026-03-20")}, {"content/reports/s.yaml",
	    REP("cong_tac", "2026", "quy_3", "2026-10-05")},
	    {"content/reports/m.yaml", REP("cong_tac", "2026", "thang",
	    "2026-06-02") "month: 5\n"}, {NULL, NULL}};

	modelled(&t, f, "", "2026-12-07");
	ck_assert_str_eq(fstr(t.s, "bao-cao/r/index.html", "type_text"),
	    "Báo cáo tài chính năm");
	ck_assert_str_eq(fstr(t.s, "bao-cao/s/index.html", "period_text"),
	    "Quý III năm 2026");
	ck_assert_str_eq(fstr(t.s, "bao-cao/m/index.html", "period_text"),
	    "Tháng 5 năm 2026");
	tu_site_close(&t);
}
END_TEST

/* ---- qa ---- */

#define QA(extra, q) "---\ntitle: Hỏi\nquestion: " q "\nfield: Đầu tư\n" \
	"asked_on: 2026-09-02\nanswered_on: 2026-09-15\n" extra "---\n"

START_TEST(test_kinds_new_qa_pass)
{
	struct arena *a = arena_new();

	ck_assert_str_eq(checked(a, "content/qa/q.md", QA("organisation: "
	    "Công ty A\n", "Dự án năm 2026 có được ưu đãi?") "Có.\n",
	    "2026-12-07"), "");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_qa_personal)
{
	struct arena *a = arena_new();
	const char *got = checked(a, "content/qa/q.md", QA("name: Nguyễn "
	    "Văn A\nphone: \"0912345678\"\n", "\"Xin gọi 0912.345.678 "
	    "hoặc a@b.vn\"") "Có.\n", "2026-12-07");

	HAS(got, "content/qa/q.md:7:1: E [qa.personal-field]|name");
	HAS(got, "content/qa/q.md:8:1: E [qa.personal-field]|phone");
	HAS(got, "content/qa/q.md:3:11: E [qa.mobile-in-question]|question");
	HAS(got, "content/qa/q.md:3:11: E [qa.mobile-in-question]"
	    "|question|0912.345.678");
	arena_free(a);
}
END_TEST

START_TEST(test_kinds_new_qa_dates_answer)
{
	struct arena *a = arena_new();
	const char *got = checked(a, "content/qa/q.md", "---\ntitle: H\n"
	    "question: Q\nfield: F\nasked_on: 2026-09-15\nanswered_on: "
	    "2026-09-02\n---\n\n", "2026-12-07");

	HAS(got, "content/qa/q.md:6:14: E [qa.answered-before-asked]"
	    "|answered_on|asked_on|2026-09-02|2026-09-15");
	HAS(got, "content/qa/q.md:8:1: E [qa.no-answer]");
	arena_free(a);
}
END_TEST

/* ---- the catalogue page ---- */

START_TEST(test_kinds_new_catalogue)
{
	struct tu_site t;
	struct tu_file f[] = {{"content/procedures/p.yaml",
	    PROC("1.009763", "https://dichvucong.gov.vn/x")}, {NULL, NULL}};
	const struct value *c;

	modelled(&t, f, CATALOGUE, "2026-12-07");
	tu_assert_diag(t.d, "content/site.yaml:14:83: cảnh báo: ");
	tu_assert_diag(t.d, "«rules»");
	tu_assert_diag(t.d, "[access.unknown-collection]");
	c = value_map_get(tu_frame(t.s, "tiep-can/index.html"),
	    "categories");
	ck_assert_uint_eq(c->n, 3);
	ck_assert_str_eq(value_map_str(c->items[0], "url"), "/thu-tuc/");
	ck_assert_str_eq(value_map_str(c->items[0], "where"), "Thủ tục");
	ck_assert_str_eq(value_map_str(c->items[0], "basis"), "Điều 19 k1 a");
	ck_assert(value_map_get(c->items[0], "published")->u.b);
	/* Declared but empty, and not declared: not yet. */
	ck_assert(!value_map_get(c->items[1], "published")->u.b);
	ck_assert(value_map_get(c->items[1], "url")->type == VALUE_NULL);
	ck_assert(!value_map_get(c->items[2], "published")->u.b);
	c = value_map_get(tu_frame(t.s, "en/tiep-can/index.html"),
	    "categories");
	ck_assert_str_eq(value_map_str(c->items[0], "url"), "/en/thu-tuc/");
	ck_assert_str_eq(value_map_str(c->items[0], "title"), "Procedures");
	ck_assert_str_eq(fstr(t.s, "en/tiep-can/index.html", "title"),
	    "Catalogue");
	tu_site_close(&t);
}
END_TEST

Suite *
kinds_new_suite(void)
{
	Suite *s = suite_create("kinds_new");
	TCase *tc;

	tc = tcase_create("organization");
	tcase_add_test(tc, test_kinds_new_organization_pass);
	tcase_add_test(tc, test_kinds_new_organization_personal);
	tcase_add_test(tc, test_kinds_new_organization_chart);
	tcase_add_test(tc, test_kinds_new_organization_frame);
	suite_add_tcase(s, tc);
	tc = tcase_create("procedure");
	tcase_add_test(tc, test_kinds_new_procedure_pass);
	tcase_add_test(tc, test_kinds_new_procedure_fail);
	tcase_add_test(tc, test_kinds_new_procedure_frame);
	suite_add_tcase(s, tc);
	tc = tcase_create("consultation");
	tcase_add_test(tc, test_kinds_new_consultation_dates);
	tcase_add_test(tc, test_kinds_new_consultation_summary);
	tcase_add_test(tc, test_kinds_new_consultation_status);
	suite_add_tcase(s, tc);
	tc = tcase_create("report");
	tcase_add_test(tc, test_kinds_new_report_pass);
	tcase_add_test(tc, test_kinds_new_report_fail);
	tcase_add_test(tc, test_kinds_new_report_frame);
	suite_add_tcase(s, tc);
	tc = tcase_create("qa");
	tcase_add_test(tc, test_kinds_new_qa_pass);
	tcase_add_test(tc, test_kinds_new_qa_personal);
	tcase_add_test(tc, test_kinds_new_qa_dates_answer);
	suite_add_tcase(s, tc);
	tc = tcase_create("catalogue");
	tcase_add_test(tc, test_kinds_new_catalogue);
	suite_add_tcase(s, tc);
	return s;
}
