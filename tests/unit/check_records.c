/*
 * Unit tests for the kinds (generator/kinds/), records.c and links.c:
 * each domain check fails with its exact located message and passes on
 * good records; the figures readers see; call and document status at given
 * build dates; plans' parts against totals and their zone table; cross
 * links in both directions; browse pages and the zone comparison; and
 * schema_each_ref.  Each test loads a small site from a fresh folder.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "content.h"
#include "diag.h"
#include "fsutil.h"
#include "kind.h"
#include "records.h"
#include "schema.h"
#include "site.h"
#include "site_frames.h"
#include "source.h"
#include "theme.h"
#include "value.h"
#include "words.h"
#include "tu_skel.h"

Suite *records_suite(void);

/* A file of the test site: path below the source root and its text. */
struct file {
	const char *path, *text;
};

struct fx {
	char dir[64];
	struct arena *a;
	struct diags *d;
	struct source *src;
	struct site *s;
	struct theme *th;
};

static const char *const colls[][2] = {
	{"zones", "  zones: {kind: zone, title: {vi: Khu công nghiệp, en: "
	    "Industrial zones}, permalink: /khu-cong-nghiep/:slug/}\n"},
	{"calls", "  calls: {kind: call, title: {vi: Kêu gọi đầu tư, en: "
	    "Investment calls}, permalink: /keu-goi-dau-tu/:slug/}\n"},
	{"inspections", "  inspections: {kind: inspection, title: {vi: "
	    "Thanh tra, en: Inspections}, permalink: /thanh-tra/:slug/}\n"},
	{"documents", "  documents: {kind: document, title: {vi: Văn bản, "
	    "en: Documents}, permalink: /van-ban/:slug/}\n"},
	{"news", "  news: {kind: news, title: {vi: Tin tức, en: News}, "
	    "permalink: /tin-tuc/:slug/}\n"},
	{"plans", "  plans: {kind: plan, title: {vi: Kế hoạch, en: Plans}, "
	    "permalink: /ke-hoach/:slug/}\n"},
};

static void
put(struct fx *x, const char *rel, const char *text)
{
	int fd = open(x->dir, O_RDONLY | O_DIRECTORY);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fsutil_write(x->d, fd, rel, text, strlen(text)), 0);
	close(fd);
}

/*
 * The theme's words of the kinds' values (themes/default/i18n, values:),
 * as the fixtures' minimal theme carries them.
 */
/* The figures' and dates' style, as the default theme's i18n has it. */
#define FORMAT_VI "format: {thousands: '.', decimal: ',', percent: '%', " \
    "date: '{dd}/{mm}/{y}'}\n"
#define FORMAT_EN "format: {thousands: ',', decimal: '.', percent: '%', " \
    "date: '{d} {month} {y}', months: {jan: January, feb: February, " \
    "mar: March, apr: April, may: May, jun: June, jul: July, " \
    "aug: August, sep: September, oct: October, nov: November, " \
    "dec: December}}\n"
static const char values_vi[] = FORMAT_VI
    "values:\n"
    "  inspection:\n"
    "    type: {thanh_tra: \"Thanh tra\", kiem_tra: \"Kiểm tra\"}\n"
    "    mode: {planned: \"Theo kế hoạch\", ad_hoc: \"Đột xuất\"}\n"
    "    status: {in_progress: \"Đang thực hiện\", "
    "concluded: \"Đã có kết luận\", remedying: \"Đang khắc phục\", "
    "completed: \"Hoàn thành\"}\n"
    "    measure: {fine: \"Xử phạt\", recovery: \"Thu hồi\", "
    "remedy: \"Khắc phục\", recommendation: \"Kiến nghị\", "
    "other: \"Khác\"}\n"
    "  zone:\n"
    "    status: {operating: \"Đang hoạt động\", "
    "building: \"Đang xây dựng\", planned: \"Quy hoạch\"}\n"
    "    occupancy_basis: {industrial_land: \"trên diện tích đất c"
    "ông nghiệp\", total_area: \"trên tổng diện tích\"}\n"
    "    compare: {area_text: \"Tổng diện tích\", "
    "industrial_land_text: \"Đất công nghiệp\", "
    "leased_text: \"Đã cho thuê\", "
    "occupancy_text: \"Tỷ lệ lấp đầy\", projects_text: \"Dự án\", "
    "occupancy_cleared_land_text: \"Lấp đầy (đất đã giải phóng)\", "
    "occupancy_industrial_land_text: \"Lấp đầy (đất công nghiệp)\", "
    "sublease_text: \"Giá thuê lại đất\", "
    "wastewater_text: \"Xử lý nước thải\"}\n"
    "    wastewater: {per_day: \"m³/ngày\", designed: \"thiết kế\", "
    "built: \"đã xây dựng\", "
    "no_central_plant: \"Chưa có nhà máy xử lý nước thải tập trung"
    "\"}\n"
    "    lease: {years: năm, until: đến năm}\n"
    "    currency: {VND: đồng, USD: USD}\n"
    "    per: {m2_term: \"m² cho cả thời hạn\", m2_year: \"m²/năm\", "
    "kwh: kWh, m3: \"m³\"}\n"
    "  call:\n"
    "    status: {open: \"Đang kêu gọi\", "
    "closing_soon: \"Sắp hết hạn\", closed: \"Đã hết hạn\", "
    "awarded: \"Đã lựa chọn nhà đầu tư\", cancelled: \"Đã huỷ\"}\n"
    "    selection: {auction: \"Đấu giá quyền sử dụng đất\", "
    "tender: \"Đấu thầu lựa chọn nhà đầu tư\", "
    "investment_policy: \"Chấp thuận chủ trương đầu tư\", "
    "ppp: \"Đối tác công tư (PPP)\"}\n"
    "  money_unit: {dong: \"đồng\", trieu_dong: \"triệu đồng\", "
    "ty_dong: \"tỷ đồng\", usd: \"USD\", trieu_usd: \"triệu USD\"}\n"
    "  document:\n"
    "    type: {luat: \"Luật\", nghi_dinh: \"Nghị định\", "
    "nghi_quyet: \"Nghị quyết\", quyet_dinh: \"Quyết định\", "
    "thong_tu: \"Thông tư\", chi_thi: \"Chỉ thị\", "
    "ke_hoach: \"Kế hoạch\", cong_van: \"Công văn\", "
    "thong_bao: \"Thông báo\", bao_cao: \"Báo cáo\", "
    "huong_dan: \"Hướng dẫn\", quy_che: \"Quy chế\", "
    "quy_dinh: \"Quy định\", khac: \"Khác\"}\n"
    "    status: {in_force: \"Còn hiệu lực\", "
    "not_yet_in_force: \"Chưa có hiệu lực\", "
    "partly_expired: \"Hết hiệu lực một phần\", "
    "expired: \"Hết hiệu lực\", suspended: \"Ngưng hiệu lực\", "
    "replaced: \"Đã được thay thế\"}\n"
    "  plan:\n"
    "    unit: {du_an: \"dự án\", doanh_nghiep: \"doanh nghiệp\", "
    "nguoi: \"người\", ha: \"ha\", ty_dong: \"tỷ đồng\", "
    "trieu_dong: \"triệu đồng\", trieu_usd: \"triệu USD\", "
    "phan_tram: \"%\"}\n"
    "  decision: {number: \"số\", dated: \"ngày\"}\n";
static const char values_en[] = FORMAT_EN
    "values:\n"
    "  inspection:\n"
    "    type: {thanh_tra: \"Inspection\", "
    "kiem_tra: \"Compliance check\"}\n"
    "    mode: {planned: \"Planned\", ad_hoc: \"Ad hoc\"}\n"
    "    status: {in_progress: \"In progress\", "
    "concluded: \"Concluded\", remedying: \"Remedying\", "
    "completed: \"Completed\"}\n"
    "    measure: {fine: \"Fine\", recovery: \"Recovery\", "
    "remedy: \"Remedy\", recommendation: \"Recommendation\", "
    "other: \"Other\"}\n"
    "  zone:\n"
    "    status: {operating: \"Operating\", "
    "building: \"Under construction\", planned: \"Planned\"}\n"
    "    occupancy_basis: {industrial_land: \"of industrial land\","
    " total_area: \"of the total area\"}\n"
    "    compare: {area_text: \"Total area\", "
    "industrial_land_text: \"Industrial land\", "
    "leased_text: \"Leased\", occupancy_text: \"Occupancy\", "
    "projects_text: \"Projects\", "
    "wastewater_text: \"Wastewater treatment\"}\n"
    "    wastewater: {per_day: \"m³/day\", designed: \"designed\", "
    "built: \"built\", "
    "no_central_plant: \"No central wastewater plant\"}\n"
    "  call:\n"
    "    status: {open: \"Open\", closing_soon: \"Closing soon\", "
    "closed: \"Closed\", awarded: \"Investor selected\", "
    "cancelled: \"Cancelled\"}\n"
    "    selection: {auction: \"Auction of land-use rights\", "
    "tender: \"Investor tender\", "
    "investment_policy: \"Approval of the investment policy\", "
    "ppp: \"Public-private partnership (PPP)\"}\n"
    "  money_unit: {dong: \"VND\", trieu_dong: \"million VND\", "
    "ty_dong: \"billion VND\", usd: \"USD\", trieu_usd: \"million USD\"}\n"
    "  document:\n"
    "    type: {luat: \"Law\", nghi_dinh: \"Decree\", "
    "nghi_quyet: \"Resolution\", quyet_dinh: \"Decision\", "
    "thong_tu: \"Circular\", chi_thi: \"Directive\", "
    "ke_hoach: \"Plan\", cong_van: \"Official letter\", "
    "thong_bao: \"Notice\", bao_cao: \"Report\", "
    "huong_dan: \"Guidance\", quy_che: \"Rules\", "
    "quy_dinh: \"Regulation\", khac: \"Other\"}\n"
    "    status: {in_force: \"In force\", "
    "not_yet_in_force: \"Not yet in force\", "
    "partly_expired: \"Partly expired\", expired: \"Expired\", "
    "suspended: \"Suspended\", replaced: \"Replaced\"}\n"
    "  plan:\n"
    "    unit: {du_an: \"projects\", doanh_nghiep: \"enterprises\", "
    "nguoi: \"people\", ha: \"ha\", ty_dong: \"billion VND\", "
    "trieu_dong: \"million VND\", trieu_usd: \"million USD\", "
    "phan_tram: \"%\"}\n"
    "  decision: {number: \"No.\", dated: \"of\"}\n";

/*
 * Writes files (NULL-terminated) and a site.yaml declaring the
 * collections they use into a fresh folder and loads it.  With model,
 * also a minimal theme, site_model() and kinds_model(); else
 * kinds_check().
 */
static void
fx_open(struct fx *x, const struct file *f, const char *date, bool model)
{
	char conf[2048] = "title: T\nbase_url: https://example.invalid/\n"
	    "languages: [vi, en]\ncollections:\n";
	size_t i, k, n;

	memset(x, 0, sizeof *x);
	snprintf(x->dir, sizeof x->dir, "/tmp/minhbach-records-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(x->dir));
	x->a = arena_new();
	x->d = diags_new(x->a);
	for (k = 0; k < sizeof colls / sizeof *colls; k++)
		for (i = 0; f[i].path != NULL; i++)
			if (strncmp(f[i].path + 8, colls[k][0],
			    strlen(colls[k][0])) == 0) {
				n = strlen(conf);
				snprintf(conf + n, sizeof conf - n, "%s",
				    colls[k][1]);
				break;
			}
	put(x, "content/site.yaml", conf);
	for (i = 0; f[i].path != NULL; i++)
		put(x, f[i].path, f[i].text);
	put(x, "themes/default/templates/single.mustache", "{{title}}");
	put(x, "themes/default/templates/list.mustache", "{{title}}");
	put(x, "themes/default/templates/home.mustache", "home");
	put(x, "themes/default/templates/404.mustache", "404");
	put(x, "themes/default/i18n/vi.yaml", arena_printf(x->a,
	    "more: Xem thêm\n%s", values_vi));
	for (i = 0; f[i].path != NULL && strcmp(f[i].path,
	    "themes/default/i18n/en.yaml") != 0; i++)
		;
	if (f[i].path == NULL)	/* a test may bring its own */
		put(x, "themes/default/i18n/en.yaml", arena_printf(x->a,
		    "more: More\n%s", values_en));
	ck_assert_int_eq(source_open_dir(x->a, x->d, x->dir, &x->src), 0);
	x->s = content_load(x->a, x->d, x->src, 0);
	ck_assert_ptr_nonnull(x->s);
	x->s->build_date = date;
	if (!model) {
		kinds_check(x->s);
		return;
	}
	x->th = theme_load(x->a, x->d, x->src, "default");
	ck_assert_ptr_nonnull(x->th);
	ck_assert_int_eq(site_model(x->s, x->th, x->src, NULL), 0);
	kinds_model(x->s, x->th, schema_builtin(x->a, x->d));
	ck_assert_int_eq(diags_errors(x->d), 0);
}

static void
fx_close(struct fx *x)
{
	source_close(x->src);
	fsutil_rmtree(AT_FDCWD, x->dir);
	arena_free(x->a);
}

/* The diagnostics kinds_check() gives for files (malloc). */
static char *
check(const struct file *f, const char *date)
{
	struct fx x;
	char *out = NULL;
	size_t n = 0;
	FILE *m;

	fx_open(&x, f, date, false);
	m = open_memstream(&out, &n);
	ck_assert_ptr_nonnull(m);
	diags_print(x.d, m);
	fclose(m);
	fx_close(&x);
	return out;
}

static void
expect(const struct file *f, const char *date, const char *want)
{
	char *got = check(f, date);

	ck_assert_msg(tu_skel(got, want), "for %s:\nwant:\n%sgot:\n%s",
	    f[0].path, want, got);
	free(got);
}

/* The item of collection name whose base is base, in language lang. */
static struct item *
item(struct fx *x, const char *name, const char *base, int lang)
{
	size_t i, j;

	for (i = 0; i < x->s->ncolls; i++)
		for (j = 0; strcmp(x->s->colls[i].name, name) == 0 &&
		    j < x->s->colls[i].n; j++) {
			struct item *it = x->s->colls[i].items[j];

			if (strcmp(it->base, base) == 0 &&
			    it->lang_index == lang)
				return it;
		}
	ck_abort_msg("no item %s/%s (%d)", name, base, lang);
	return NULL;
}

/* The frame of the page written to out, or NULL. */
static struct value *
page(struct fx *x, const char *out)
{
	size_t i;

	for (i = 0; i < x->s->npages; i++)
		if (strcmp(x->s->pages[i].out, out) == 0)
			return (struct value *)x->s->pages[i].frames[1];
	return NULL;
}

static const char *
str(const struct value *f, const char *path)
{
	const struct value *v = value_path(f, path);

	ck_assert_msg(v != NULL, "no '%s'", path);
	return v->text;
}

/* ---- zones ---- */

#define ZONE(area, ind, leased, occ, projects, ww, asof) \
	"name: KCN Lộc Sơn\n" \
	"status: operating\n" \
	"area_ha: " area "\n" \
	"industrial_land_ha: " ind "\n" \
	"leased_ha: " leased "\n" \
	"occupancy: {" occ "}\n" \
	"projects: {" projects "}\n" \
	"infrastructure:\n" \
	"  wastewater: {" ww "}\n" \
	"as_of: \"" asof "\"\n" \
	"sources: [{title: Báo cáo của Ban}]\n"

#define GOOD_ZONE ZONE("183", "119.3", "112.9579", \
	"percent: 94.68, basis: industrial_land", "total: 40, fdi: 12", \
	"design_m3_day: 6000, built_m3_day: 1000", "2023-06-30")

START_TEST(test_records_zone_passes)
{
	static const struct file f[] = {
		{"content/zones/loc-son.yaml", GOOD_ZONE},
		/* 94.684...: 94.7 with one decimal; total-area basis 61.73 */
		{"content/zones/b.yaml", ZONE("183", "119.3", "112.9579",
		    "percent: 94.7, basis: industrial_land", "total: 12",
		    "central_plant: false", "2022-11-14")},
		{"content/zones/c.yaml", ZONE("183", "119.3", "112.9579",
		    "percent: 61.73, basis: total_area", "fdi: 3", "",
		    "2023-11-14")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14", "");
}
END_TEST

START_TEST(test_records_zone_areas)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", ZONE("183", "119.3", "130",
		    "percent: 100, basis: total_area", "", "", "2023-06-30")},
		{"content/zones/b.yaml", ZONE("183", "190", "112.9579",
		    "percent: 59.45, basis: industrial_land", "", "",
		    "2023-06-30")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/zones/a.yaml:5:12: E"
	    " [zone.leased-over-industrial]|leased_ha"
	    "|industrial_land_ha|130|119,3\n"
	    "content/zones/a.yaml:6:22: E [zone.occupancy-mismatch]"
	    "|occupancy.percent|100|130|183\n"
	    "content/zones/b.yaml:4:21: E"
	    " [zone.industrial-over-area]|industrial_land_ha|area_ha"
	    "|190|183\n");
}
END_TEST

START_TEST(test_records_zone_occupancy)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", ZONE("183", "119.3", "112.9579",
		    "percent: 90, basis: industrial_land", "", "",
		    "2023-06-30")},
		{"content/zones/b.yaml", ZONE("183", "119.3", "112.9579",
		    "percent: 94.69, basis: industrial_land", "", "",
		    "2023-06-30")},
		{"content/zones/c.yaml", ZONE("183", "0", "0",
		    "percent: 0, basis: industrial_land", "", "",
		    "2023-06-30")},
		{"content/zones/d.yaml",
		    "name: D\nstatus: planned\narea_ha: 246\n"
		    "occupancy: {percent: 0, basis: industrial_land}\n"
		    "leased_ha: 0\nas_of: \"2023-06-30\"\nsources: [{title: "
		    "x}]\n"},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/zones/a.yaml:6:22: E [zone.occupancy-mismatch]"
	    "|occupancy.percent|90|112,9579|119,3\n"
	    "content/zones/b.yaml:6:22: E [zone.occupancy-mismatch]"
	    "|occupancy.percent|94,69|112,9579|119,3\n"
	    "content/zones/c.yaml:4:21: E [zone.occupancy-zero-base]"
	    "|industrial_land_ha|0\n"
	    "content/zones/d.yaml:4:32: E [zone.occupancy-no-base]"
	    "|industrial_land|industrial_land_ha\n");
}
END_TEST

START_TEST(test_records_zone_projects_wastewater_age)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", ZONE("183", "119.3", "112.9579",
		    "percent: 94.68, basis: industrial_land",
		    "total: 10, fdi: 12",
		    "design_m3_day: 6000, built_m3_day: 7000", "2022-11-13")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/zones/a.yaml:7:28: E [zone.fdi-over-total]"
	    "|projects.fdi|projects.total|12|10\n"
	    "content/zones/a.yaml:9:51: E"
	    " [zone.wastewater-over-design]"
	    "|infrastructure.wastewater.built_m3_day|design_m3_day\n"
	    "content/zones/a.yaml:10:8: W [zone.figures-old]|as_of"
	    "|2022-11-13|12|2023-11-14\n");
}
END_TEST

/* ---- calls ---- */

#define CALL(mix, pub, deadline, status) \
	"---\n" \
	"title: Nhà máy xử lý nước thải KCN Phú Hội\n" \
	"sector: Hạ tầng môi trường\n" \
	"location: {commune: Phú Hội, zone: phu-hoi}\n" \
	"area_ha: 2.5\n" \
	"mix: [" mix "]\n" \
	"est_capital: {amount: 2000, unit: ty_dong}\n" \
	"selection: investment_policy\n" \
	"published_on: \"" pub "\"\n" \
	"deadline: \"" deadline "\"\n" \
	status \
	"---\n" \
	"Nội dung.\n"

START_TEST(test_records_call_passes)
{
	static const struct file f[] = {
		/* 0.1 + 0.2 + 99.7 is 100 in decimals, not in binary. */
		{"content/calls/a.md", CALL("{use: a, share: 0.1}, {use: b, "
		    "share: 0.2}, {use: c, share: 99.7}", "2023-09-01",
		    "2023-09-01", "")},
		{"content/calls/b.md", CALL("{use: a, share: 60}, {use: b, "
		    "share: 40.00}", "2023-09-01", "2023-12-01", "")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14", "");
}
END_TEST

START_TEST(test_records_call_fails)
{
	static const struct file f[] = {
		{"content/calls/a.md", CALL("{use: a, share: 60.5}, {use: b, "
		    "share: 39}", "2023-09-01", "2023-08-31", "")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/calls/a.md:6:6: E [call.mix-sum]|mix|99,5|100\n"
	    "content/calls/a.md:10:11: E"
	    " [call.deadline-before-published]|deadline|published_on"
	    "|2023-08-31|2023-09-01\n");
}
END_TEST

/* ---- inspections ---- */

#define INSPECTION(mode, tax, status, conclusion, extra, body) \
	"---\n" \
	"title: Thanh tra Công ty A\n" \
	"type: thanh_tra\n" \
	"mode: " mode "\n" \
	"decision: {number: 01/QĐ-BQL, date: \"2020-03-02\"}\n" \
	"authority: Ban Quản lý các KCN\n" \
	"subject: {enterprise: Công ty A, " tax "zone: loc-son}\n" \
	"status: " status "\n" \
	conclusion \
	extra \
	"published_on: \"2020-06-01\"\n" \
	"---\n" \
	body

#define CONCLUDED "conclusion: {number: 05/KL-BQL, date: \"2020-05-20\"}\n" \
	"conclusion_published_on: \"2020-05-25\"\n"

START_TEST(test_records_inspection_passes)
{
	static const struct file f[] = {
		{"content/inspections/a.md", INSPECTION("planned",
		    "tax_code: \"5800123456\", ", "concluded", CONCLUDED,
		    "findings: [\"Nộp phạt 150000000 đồng ngày 2020-05-20\", "
		    "\"Mã số thuế 5800123456-001, số tiền 1.060.000.000\"]\n"
		    "measures: [{kind: fine, amount: 150000000}]\n",
		    "Kết luận số 05/KL-BQL; điện thoại +84912345678.\n")},
		/* Another enterprise, and an ad hoc one: no repeat. */
		{"content/inspections/b.md", INSPECTION("planned",
		    "tax_code: \"5800123457\", ", "in_progress", "", "", "")},
		{"content/inspections/c.md", INSPECTION("ad_hoc",
		    "tax_code: \"5800123456\", ", "in_progress", "", "", "")},
		{NULL, NULL},
	};
	expect(f, "2023-11-14", "");
}
END_TEST

START_TEST(test_records_inspection_dates_status)
{
	static const struct file f[] = {
		{"content/inspections/a.md", INSPECTION("ad_hoc", "",
		    "concluded", "conclusion: {number: 05/KL-BQL, date: "
		    "\"2020-03-01\"}\n", "", "")},
		{"content/inspections/b.md", INSPECTION("ad_hoc", "",
		    "remedying", "", "", "")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/inspections/a.md:9:39: E"
	    " [inspection.conclusion-before-decision]"
	    "|conclusion.date|decision.date|2020-03-01|2020-03-02\n"
	    "content/inspections/a.md:9:39: W"
	    " [deadline.conclusion-date-missing]|01/03/2020\n"
	    "content/inspections/b.md:8:9: E"
	    " [inspection.status-needs-conclusion]|remedying"
	    "|conclusion\n");
}
END_TEST

START_TEST(test_records_inspection_repeat)
{
	static const struct file f[] = {
		{"content/inspections/a.md", INSPECTION("planned", "",
		    "in_progress", "", "", "")},
		{"content/inspections/b.md", INSPECTION("planned", "",
		    "in_progress", "", "", "")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/inspections/b.md:4:7: W"
	    " [inspection.planned-twice]|Công ty A|2020\n");
}
END_TEST

START_TEST(test_records_inspection_personal_id)
{
	static const struct file f[] = {
		{"content/inspections/a.md", INSPECTION("ad_hoc", "",
		    "in_progress", "", "findings: [Đúng quy định, \"Ông B "
		    "(CCCD 012345678901) vắng mặt\"]\nnote_id: 012345678\n",
		    "Dòng một.\nÔng Đức, CMND 123456789, đã ký.\n"
		    "Bà E, CCCD 012345678902 đã ký; phạt 150000000 đ.\n")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/inspections/a.md:9:27: E"
	    " [inspection.personal-id-field]|2|012|901|12\n"
	    "content/inspections/a.md:10:10: E"
	    " [inspection.personal-id-field]|note_id|012|678|9\n"
	    "content/inspections/a.md:14:15: E"
	    " [inspection.personal-id]|123|789|9\n"
	    "content/inspections/a.md:15:12: E"
	    " [inspection.personal-id]|012|902|12\n");
}
END_TEST

/* ---- documents ---- */

#define DOC(number, issued, rest) \
	"type: nghi_quyet\n" \
	"number: " number "\n" \
	"issuer: HĐND tỉnh Lâm Đồng\n" \
	"issued_on: \"" issued "\"\n" \
	"status: in_force\n" \
	"summary: Quy hoạch KCN Phú Bình\n" \
	rest

START_TEST(test_records_document_passes)
{
	static const struct file f[] = {
		{"content/documents/nq-130.yaml", DOC("130/2019/NQ-HĐND",
		    "2019-07-10", "effective_from: \"2019-07-20\"\n"
		    "expires_on: \"2025-01-01\"\nreplaces: [nq-01]\n")},
		{"content/documents/nq-01.yaml", DOC("01/2015/NQ-HĐND",
		    "2015-03-01", "replaced_by: [nq-130]\n")},
		{"content/documents/cv.yaml", DOC("1293/TTg-CN", "2019-07-10",
		    "effective_from: \"2019-07-10\"\n")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14", "");
}
END_TEST

START_TEST(test_records_document_fails)
{
	static const struct file f[] = {
		{"content/documents/a.yaml", DOC("130/2018/NQ-HĐND",
		    "2019-07-10", "effective_from: \"2019-07-01\"\n"
		    "expires_on: \"2019-07-01\"\nreplaces: [b]\n")},
		{"content/documents/b.yaml", DOC("01/2015/NQ-HĐND",
		    "2015-03-01", "replaced_by: [c]\n")},
		{"content/documents/c.yaml", DOC("02/2016/NQ-HĐND",
		    "2016-03-01", "")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/documents/a.yaml:2:9: E [document.number-year]"
	    "|130/2018/NQ-HĐND|issued_on|130/2018|2018\n"
	    "content/documents/a.yaml:5:9: W"
	    " [document.expired-in-force]|status|expires_on"
	    "|status: expired|2019-07-01\n"
	    "content/documents/a.yaml:7:17: E"
	    " [document.effective-before-issued]|effective_from"
	    "|issued_on|2019-07-01|2019-07-10\n"
	    "content/documents/a.yaml:8:13: E"
	    " [document.expires-not-after]|expires_on|effective_from"
	    "|2019-07-01\n"
	    "content/documents/a.yaml:9:12: W"
	    " [document.link-one-way]|replaces|b|replaced_by\n"
	    "content/documents/b.yaml:7:15: W"
	    " [document.link-one-way]|replaced_by|c|replaces\n");
}
END_TEST

/* Records that failed their schema are checked as far as they go. */
START_TEST(test_records_bad_types)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", "name: [x]\narea_ha: \"183\"\n"
		    "industrial_land_ha: {a: 1}\nleased_ha: 1e3\n"
		    "occupancy: [percent]\nprojects: 3\ninfrastructure: "
		    "{wastewater: [1]}\nas_of: 2020\nsources: x\n"},
		{"content/zones/b.yaml", "occupancy: {percent: x, basis: 3}\n"
		    "leased_ha: 1\n"},
		{"content/calls/a.md", "---\nmix: [1, {share: [x]}]\n"
		    "deadline: 3\nlocation: zone\nest_capital: [1]\n---\n"},
		{"content/inspections/a.md", "---\ndecision: x\nconclusion: "
		    "[y]\nstatus: [concluded]\nsubject: 5\nmode: planned\n"
		    "measures: [1, {amount: x}]\n---\n"},
		{"content/documents/a.yaml", "number: 5\nissued_on: [x]\n"
		    "replaces: [[a], a, nonesuch]\nreplaced_by: x\n"},
		{NULL, NULL},
	};
	struct fx x;

	expect(f, "2023-11-14", "");
	fx_open(&x, f, "2023-11-14", true);
	/* No figure: the key is there, null, so no template borrows one. */
	ck_assert_int_eq(value_map_get(item(&x, "zones", "a", 0)->frame,
	    "area_text")->type, VALUE_NULL);
	ck_assert_str_eq(str(item(&x, "calls", "a", 0)->frame,
	    "status_computed"), "open");
	fx_close(&x);
}
END_TEST

/* ---- figures ---- */

START_TEST(test_records_figures)
{
	static const struct file f[] = {
		{"content/zones/loc-son.yaml", GOOD_ZONE},
		{"content/zones/loc-son.en.yaml", GOOD_ZONE},
		{"content/zones/phu-hoi.yaml", ZONE("109", "75.5", "61.84",
		    "basis: industrial_land", "", "central_plant: false",
		    "2020-12-31")},
		{"content/calls/a.md", CALL("{use: a, share: 60}, {use: b, "
		    "share: 40}", "2023-09-01", "2023-12-01", "")},
		{"content/inspections/a.md", INSPECTION("ad_hoc", "",
		    "concluded", CONCLUDED, "measures: [{kind: fine, amount: "
		    "15000000}, {kind: recovery, amount: 5000000}]\n", "")},
		{NULL, NULL},
	};
	struct fx x;
	const struct value *z, *e, *c, *i;

	fx_open(&x, f, "2023-11-14", true);
	z = item(&x, "zones", "loc-son", 0)->frame;
	ck_assert_str_eq(str(z, "area_text"), "183 ha");
	ck_assert_str_eq(str(z, "industrial_land_text"), "119,3 ha");
	ck_assert_str_eq(str(z, "leased_text"), "112,9579 ha");
	ck_assert_str_eq(str(z, "occupancy_text"), "94,68%");
	ck_assert_str_eq(str(z, "occupancy_percent"), "94.68");
	ck_assert_int_eq(value_path(z, "occupancy_percent")->type, VALUE_NUM);
	ck_assert_str_eq(str(z, "status_text"), "Đang hoạt động");
	ck_assert_str_eq(str(z, "as_of_text"), "30/06/2023");
	ck_assert_str_eq(str(z, "projects_text"), "40 (12 FDI)");
	ck_assert_str_eq(str(z, "wastewater_design_text"), "6.000 m³/ngày");
	ck_assert_str_eq(str(z, "wastewater_built_text"), "1.000 m³/ngày");
	e = item(&x, "zones", "loc-son", 1)->frame;
	ck_assert_str_eq(str(e, "leased_text"), "112.9579 ha");
	ck_assert_str_eq(str(e, "occupancy_text"), "94.68%");
	ck_assert_str_eq(str(e, "status_text"), "Operating");
	ck_assert_str_eq(str(e, "as_of_text"), "30 June 2023");
	ck_assert_str_eq(str(e, "wastewater_design_text"), "6,000 m³/day");
	/* No stated percentage: computed from the areas, two decimals. */
	z = item(&x, "zones", "phu-hoi", 0)->frame;
	ck_assert_str_eq(str(z, "occupancy_text"), "81,91%");
	ck_assert_int_eq(value_path(z, "occupancy_computed")->u.b, true);
	ck_assert_str_eq(str(z, "wastewater_text"),
	    "Chưa có nhà máy xử lý nước thải tập trung");

	c = item(&x, "calls", "a", 0)->frame;
	ck_assert_str_eq(str(c, "capital_text"), "2.000 tỷ đồng");
	ck_assert_str_eq(str(c, "area_text"), "2,5 ha");
	ck_assert_str_eq(str(c, "deadline_text"), "01/12/2023");
	ck_assert_str_eq(str(c, "selection_text"),
	    "Chấp thuận chủ trương đầu tư");
	ck_assert_str_eq(str(value_path(c, "mix")->items[0], "share_text"),
	    "60%");
	/* The frame's rows are copies: the data is untouched. */
	ck_assert_ptr_null(value_map_get(value_path(item(&x, "calls", "a",
	    0)->data, "mix")->items[0], "share_text"));

	i = item(&x, "inspections", "a", 0)->frame;
	ck_assert_str_eq(str(i, "type_text"), "Thanh tra");
	ck_assert_str_eq(str(i, "mode_text"), "Đột xuất");
	ck_assert_str_eq(str(i, "status_text"), "Đã có kết luận");
	ck_assert_str_eq(str(i, "decision_text"),
	    "số 01/QĐ-BQL ngày 02/03/2020");
	ck_assert_str_eq(str(i, "conclusion_date_text"), "20/05/2020");
	ck_assert_str_eq(str(value_path(i, "measures")->items[0],
	    "amount_text"), "15.000.000 đồng");
	ck_assert_str_eq(str(value_path(i, "measures")->items[1],
	    "kind_text"), "Thu hồi");
	ck_assert_str_eq(str(i, "measures_total_text"), "20.000.000 đồng");
	fx_close(&x);
}
END_TEST

START_TEST(test_records_document_status)
{
	static const struct file f[] = {
		{"content/documents/new.yaml", DOC("130/2019/NQ-HĐND",
		    "2019-07-10", "effective_from: \"2019-07-20\"\n"
		    "replaces: [old]\n")},
		{"content/documents/old.yaml", DOC("01/2015/NQ-HĐND",
		    "2015-03-01", "")},
		{"content/documents/gone.yaml", DOC("02/2016/NQ-HĐND",
		    "2016-03-01", "expires_on: \"2023-11-14\"\n")},
		{"content/documents/later.yaml", DOC("03/2023/NQ-HĐND",
		    "2023-11-01", "effective_from: \"2024-01-01\"\n")},
		{NULL, NULL},
	};
	struct fx x;
	const struct value *d;

	fx_open(&x, f, "2023-11-14", true);
	d = item(&x, "documents", "new", 0)->frame;
	ck_assert_str_eq(str(d, "status_computed"), "in_force");
	ck_assert_str_eq(str(d, "status_text"), "Còn hiệu lực");
	ck_assert_str_eq(str(d, "type_text"), "Nghị quyết");
	ck_assert_str_eq(str(d, "issued_on_text"), "10/07/2019");
	ck_assert_str_eq(str(d, "effective_from_text"), "20/07/2019");
	/* Replaced although it says nothing: the other one replaces it. */
	d = item(&x, "documents", "old", 0)->frame;
	ck_assert_str_eq(str(d, "status_computed"), "replaced");
	ck_assert_int_eq(value_path(d, "is_replaced")->u.b, true);
	d = item(&x, "documents", "gone", 0)->frame;
	ck_assert_str_eq(str(d, "status_computed"), "expired");
	d = item(&x, "documents", "later", 0)->frame;
	ck_assert_str_eq(str(d, "status_computed"), "not_yet_in_force");
	fx_close(&x);
}
END_TEST

/* ---- call status at the build date ---- */

static void
status_at(const char *status, const char *date, const char *want,
    long days)
{
	char text[1024];
	struct file f[] = {{"content/calls/a.md", text}, {NULL, NULL}};
	struct fx x;
	const struct value *c, *d;
	bool open, closed;

	snprintf(text, sizeof text, CALL("{use: a, share: 100}",
	    "2023-09-01", "2023-12-01", "%s"), status);
	fx_open(&x, f, date, true);
	c = item(&x, "calls", "a", 0)->frame;
	ck_assert_str_eq(str(c, "status_computed"), want);
	open = strcmp(want, "open") == 0 || strcmp(want, "closing_soon") == 0;
	closed = !open;
	ck_assert_int_eq(value_path(c, "is_open")->u.b, open);
	ck_assert_int_eq(value_path(c, "is_closed")->u.b, closed);
	ck_assert_int_eq(value_path(c, "is_closing_soon")->u.b,
	    strcmp(want, "closing_soon") == 0);
	d = value_path(c, "days_left");
	if (days < 0)
		ck_assert_ptr_null(d);
	else
		ck_assert_int_eq(d->u.i, days);
	fx_close(&x);
}

START_TEST(test_records_call_status)
{
	status_at("", "2023-10-01", "open", 61);
	status_at("", "2023-11-01", "closing_soon", 30);
	status_at("", "2023-12-01", "closing_soon", 0);
	status_at("", "2023-12-02", "closed", -1);
	status_at("status: awarded\n", "2023-10-01", "awarded", 61);
	status_at("status: closed\n", "2023-10-01", "closed", 61);
	status_at("status: open\n", "2023-11-20", "closing_soon", 11);
	status_at("status: open\n", "2024-01-01", "open", -1);
}
END_TEST

/* The table of kinds: each entry found by its name, each a kind of
 * schemas.yaml; kinds without checks or figures are not in it. */
START_TEST(test_records_kind_table)
{
	static const char *const names[] = {"budget", "call", "document",
	    "inspection", "plan", "zone"};
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *sc = schema_builtin(a, d);
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		const struct kind *k = kind_find(names[i]);

		ck_assert_ptr_nonnull(k);
		ck_assert_str_eq(k->name, names[i]);
		ck_assert(schema_has_kind(sc, k->name));
	}
	ck_assert_ptr_null(kind_find("news"));
	ck_assert_ptr_null(kind_find("page"));
	ck_assert_ptr_null(kind_find("zones"));
	arena_free(a);
}
END_TEST

/* The words come from the theme: a language without one borrows the
 * first language's, and the gap is listed for check. */
START_TEST(test_records_words_from_theme)
{
	static const struct file f[] = {
		{"content/calls/a.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2023-12-01", "")},
		{"content/calls/a.en.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2023-12-01", "")},
		{"themes/default/i18n/en.yaml", "more: More\n" FORMAT_EN
		    "values: {call: {status: {open: Taking offers}}, "
		    "money_unit: {ty_dong: bn VND}}\n"},
		{NULL, NULL},
	};
	struct fx x;
	const char *const *gaps;
	size_t n;

	fx_open(&x, f, "2023-11-14", true);
	ck_assert_str_eq(str(item(&x, "calls", "a", 1)->frame,
	    "status_text"), "Sắp hết hạn");
	ck_assert_str_eq(str(item(&x, "calls", "a", 1)->frame,
	    "capital_text"), "2,000 bn VND");
	gaps = words_missing(x.s, &n);
	ck_assert_ptr_nonnull(gaps);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(gaps[0], "en: values.call.status.closing_soon");
	ck_assert_str_eq(gaps[1], "en: values.call.selection."
	    "investment_policy");
	fx_close(&x);
}
END_TEST

START_TEST(test_records_call_status_text)
{
	static const struct file f[] = {
		{"content/calls/a.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2023-12-01", "")},
		{"content/calls/a.en.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2023-12-01", "")},
		{NULL, NULL},
	};
	struct fx x;

	fx_open(&x, f, "2023-11-14", true);
	ck_assert_str_eq(str(item(&x, "calls", "a", 0)->frame,
	    "status_text"), "Sắp hết hạn");
	ck_assert_str_eq(str(item(&x, "calls", "a", 1)->frame,
	    "status_text"), "Closing soon");
	ck_assert_str_eq(str(item(&x, "calls", "a", 1)->frame,
	    "capital_text"), "2,000 billion VND");
	fx_close(&x);
}
END_TEST

/* ---- cross links ---- */

#define NEWS(title, zones) \
	"---\ntitle: " title "\ndate: \"2023-01-15\"\nzones: [" zones "]\n" \
	"related_documents: [nq-130]\n---\nTin.\n"

START_TEST(test_records_links)
{
	static const struct file f[] = {
		{"content/zones/loc-son.yaml", GOOD_ZONE},
		{"content/zones/loc-son.en.yaml", GOOD_ZONE},
		{"content/calls/a.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2023-12-01", "")},
		{"content/news/hoi-nghi.md", NEWS("Hội nghị", "loc-son")},
		{"content/news/hoi-nghi.en.md", NEWS("Conference", "loc-son")},
		{"content/documents/nq-130.yaml", DOC("130/2019/NQ-HĐND",
		    "2019-07-10", "zones: [loc-son]\n")},
		{NULL, NULL},
	};
	struct fx x;
	struct item *zv, *ze, *call, *nv, *ne, *doc;
	const struct value *l;

	/* The call names phu-hoi: no such zone, so no link either way. */
	fx_open(&x, f, "2023-11-14", true);
	zv = item(&x, "zones", "loc-son", 0);
	ze = item(&x, "zones", "loc-son", 1);
	call = item(&x, "calls", "a", 0);
	nv = item(&x, "news", "hoi-nghi", 0);
	ne = item(&x, "news", "hoi-nghi", 1);
	doc = item(&x, "documents", "nq-130", 0);
	ck_assert_ptr_null(value_map_get(call->frame, "location_zone_link"));

	/* Forward: to the target in the same language. */
	l = value_map_get(nv->frame, "zones_links");
	ck_assert_int_eq(l->n, 1);
	ck_assert_str_eq(str(l->items[0], "url"), "/khu-cong-nghiep/loc-son/");
	ck_assert_str_eq(str(l->items[0], "title"), "KCN Lộc Sơn");
	l = value_map_get(ne->frame, "zones_links");
	ck_assert_str_eq(str(l->items[0], "url"),
	    "/en/khu-cong-nghiep/loc-son/");
	/* ... else to the main language's. */
	l = value_map_get(ne->frame, "related_documents_links");
	ck_assert_str_eq(str(l->items[0], "url"), "/van-ban/nq-130/");
	ck_assert_str_eq(str(l->items[0], "title"), "130/2019/NQ-HĐND");

	/* Back: the zone gathers news and documents, per language. */
	ck_assert_int_eq(value_map_get(zv->frame, "has_linked")->u.b, true);
	ck_assert_str_eq(str(zv->frame, "linked.news.title"), "Tin tức");
	ck_assert_str_eq(str(zv->frame, "linked.news.url"), "/tin-tuc/");
	l = value_path(zv->frame, "linked.news.items");
	ck_assert_int_eq(l->n, 1);
	ck_assert_ptr_eq(l->items[0], nv->frame);
	l = value_path(zv->frame, "linked.documents.items");
	ck_assert_ptr_eq(l->items[0], doc->frame);
	ck_assert_int_eq(value_path(zv->frame, "linked.documents.count")->u.i,
	    1);
	l = value_path(ze->frame, "linked.news.items");
	ck_assert_int_eq(l->n, 1);
	ck_assert_ptr_eq(l->items[0], ne->frame);
	ck_assert_str_eq(str(ze->frame, "linked.news.title"), "News");
	/* An untranslated document shows on the English zone page too,
	 * as English pages show it (its shadow). */
	l = value_path(ze->frame, "linked.documents.items");
	ck_assert_ptr_nonnull(doc->shadow[1]);
	ck_assert_ptr_eq(l->items[0], doc->shadow[1]->frame);
	ck_assert_str_eq(str(l->items[0], "lang"), "en");
	ck_assert_str_eq(str(l->items[0], "content_lang"), "vi");
	ck_assert_int_eq(value_map_get(l->items[0], "untranslated")->u.b, true);
	/* The shadow writes English: status and dates in its words and
	 * formats, the record's own texts unchanged, the same page. */
	ck_assert_str_eq(str(doc->frame, "status_text"), "Còn hiệu lực");
	ck_assert_str_eq(str(l->items[0], "status_text"), "In force");
	ck_assert_str_eq(str(doc->frame, "issued_on_text"), "10/07/2019");
	ck_assert_str_eq(str(l->items[0], "issued_on_text"), "10 July 2019");
	ck_assert_str_eq(str(l->items[0], "summary"),
	    str(doc->frame, "summary"));
	ck_assert_str_eq(str(l->items[0], "url"), doc->url);
	ck_assert_ptr_null(doc->shadow[1]->out);
	ck_assert_int_eq(value_map_get(doc->frame, "untranslated")->u.b, false);
	ck_assert_ptr_eq(site_frame_in(doc, 1), l->items[0]);
	ck_assert_ptr_eq(site_frame_in(doc, 0), doc->frame);
	/* The untranslated call: its capital in English, and the
	 * English zone has no shadow (it is translated). */
	ck_assert_ptr_null(zv->shadow[1]);
	ck_assert_str_eq(str(call->shadow[1]->frame, "capital_text"),
	    "2,000 billion VND");
	ck_assert_str_eq(str(call->frame, "capital_text"), "2.000 tỷ đồng");
	ck_assert_ptr_null(value_path(zv->frame, "linked.calls"));
	/* The document gathers the news that cite it. */
	ck_assert_ptr_eq(value_path(doc->frame, "linked.news.items")->
	    items[0], nv->frame);
	fx_close(&x);
}
END_TEST

START_TEST(test_records_links_call_zone)
{
	static const struct file f[] = {
		{"content/zones/phu-hoi.yaml", GOOD_ZONE},
		{"content/calls/a.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2023-12-01", "")},
		{"content/inspections/x.md", INSPECTION("ad_hoc", "",
		    "in_progress", "", "", "")},
		{NULL, NULL},
	};
	struct fx x;
	struct item *z, *call;

	fx_open(&x, f, "2023-11-14", true);
	z = item(&x, "zones", "phu-hoi", 0);
	call = item(&x, "calls", "a", 0);
	ck_assert_str_eq(str(call->frame, "location_zone_link.url"),
	    "/khu-cong-nghiep/phu-hoi/");
	ck_assert_ptr_eq(value_path(z->frame, "linked.calls.items")->items[0],
	    call->frame);
	ck_assert_str_eq(str(z->frame, "linked.calls.title"),
	    "Kêu gọi đầu tư");
	/* subject.zone names loc-son, which is not there. */
	ck_assert_ptr_null(value_path(z->frame, "linked.inspections"));
	fx_close(&x);
}
END_TEST

/*
 * Cards and linked sections by kind: every frame names its card
 * (partials/card-<kind> when the theme has it, else card-generic) and
 * its linked card (partials/linked-<kind> first); a record's
 * linked_sections come in the theme's linked_order, unlisted kinds
 * after, each the same map as linked.<folder>, with the folder's id.
 */
START_TEST(test_records_linked_sections)
{
	static const struct file f[] = {
		{"content/zones/phu-hoi.yaml", GOOD_ZONE},
		{"content/calls/a.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2023-12-01", "")},
		{"content/news/hoi-nghi.md", NEWS("Hội nghị", "phu-hoi")},
		{"content/documents/nq-130.yaml", DOC("130/2019/NQ-HĐND",
		    "2019-07-10", "zones: [phu-hoi]\n")},
		{"themes/default/theme.yaml", "linked_order: [news, call]\n"},
		{"themes/default/templates/partials/card-news.mustache", "n"},
		{"themes/default/templates/partials/card-document.mustache",
		    "d"},
		{"themes/default/templates/partials/linked-document.mustache",
		    "ld"},
		{NULL, NULL},
	};
	struct fx x;
	struct item *z, *call, *news, *doc;
	const struct value *l;

	fx_open(&x, f, "2023-11-14", true);
	z = item(&x, "zones", "phu-hoi", 0);
	call = item(&x, "calls", "a", 0);
	news = item(&x, "news", "hoi-nghi", 0);
	doc = item(&x, "documents", "nq-130", 0);
	ck_assert_str_eq(str(news->frame, "card"), "partials/card-news");
	ck_assert_str_eq(str(news->frame, "linked_card"), "partials/card-news");
	ck_assert_str_eq(str(call->frame, "card"), "partials/card-generic");
	ck_assert_str_eq(str(z->frame, "card"), "partials/card-generic");
	ck_assert_str_eq(str(doc->frame, "card"), "partials/card-document");
	ck_assert_str_eq(str(doc->frame, "linked_card"),
	    "partials/linked-document");

	l = value_map_get(z->frame, "linked_sections");
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(l->n, 3);
	ck_assert_str_eq(str(l->items[0], "kind"), "news");
	ck_assert_str_eq(str(l->items[0], "id"), "l-news");
	ck_assert_str_eq(str(l->items[0], "title"), "Tin tức");
	ck_assert_str_eq(str(l->items[0], "card"), "partials/card-news");
	ck_assert_ptr_eq(l->items[0], value_path(z->frame, "linked.news"));
	ck_assert_ptr_eq(value_map_get(l->items[0], "items")->items[0],
	    news->frame);
	ck_assert_str_eq(str(l->items[1], "kind"), "call");
	ck_assert_str_eq(str(l->items[1], "name"), "calls");
	ck_assert_str_eq(str(l->items[1], "id"), "l-calls");
	ck_assert_str_eq(str(l->items[1], "card"), "partials/card-generic");
	ck_assert_ptr_eq(value_map_get(l->items[1], "items")->items[0],
	    call->frame);
	/* Not in linked_order: after those that are. */
	ck_assert_str_eq(str(l->items[2], "kind"), "document");
	ck_assert_str_eq(str(l->items[2], "id"), "l-documents");
	ck_assert_str_eq(str(l->items[2], "card"), "partials/linked-document");
	ck_assert_int_eq(value_path(l->items[2], "count")->u.i, 1);
	/* A record nothing refers to has no sections. */
	ck_assert_ptr_null(value_map_get(call->frame, "linked_sections"));
	fx_close(&x);
}
END_TEST

/* ---- browse pages ---- */

START_TEST(test_records_browse)
{
	static const struct file f[] = {
		{"content/zones/phu-hoi.yaml", GOOD_ZONE},
		{"content/zones/loc-son.yaml", ZONE("109", "75.5", "61.84",
		    "basis: industrial_land", "", "", "2023-06-30")},
		{"content/calls/a.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2023-12-01", "")},
		{"content/calls/b.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2024-06-01", "")},
		{"content/calls/b.en.md", CALL("{use: a, share: 100}",
		    "2023-09-01", "2024-06-01", "")},
		{NULL, NULL},
	};
	struct fx x;
	const struct value *p, *b;

	fx_open(&x, f, "2023-11-14", true);
	p = page(&x, "keu-goi-dau-tu/khu/phu-hoi/index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(str(p, "title"), "Kêu gọi đầu tư — KCN Lộc Sơn");
	ck_assert_int_eq(value_map_get(p, "pages")->n, 2);
	ck_assert_str_eq(str(p, "browse_facet"), "zone");
	p = page(&x, "keu-goi-dau-tu/linh-vuc/ha-tang-moi-truong/index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(str(p, "title"),
	    "Kêu gọi đầu tư — Hạ tầng môi trường");
	p = page(&x, "keu-goi-dau-tu/trang-thai/closing-soon/index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(value_map_get(p, "pages")->n, 1);
	ck_assert_str_eq(str(p, "title"), "Kêu gọi đầu tư — Sắp hết hạn");
	ck_assert_ptr_nonnull(page(&x,
	    "keu-goi-dau-tu/trang-thai/open/index.html"));
	/* English segments for English pages. */
	p = page(&x, "en/keu-goi-dau-tu/status/open/index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(str(p, "title"), "Investment calls — Open");
	ck_assert_ptr_nonnull(page(&x, "en/keu-goi-dau-tu/zone/phu-hoi/"
	    "index.html"));
	/* Untranslated calls are listed too, under English facet names. */
	p = page(&x, "en/keu-goi-dau-tu/status/closing-soon/index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(str(p, "title"), "Investment calls — Closing soon");
	ck_assert_int_eq(value_map_get(page(&x, "en/keu-goi-dau-tu/zone/"
	    "phu-hoi/index.html"), "pages")->n, 2);
	ck_assert_ptr_null(page(&x, "keu-goi-dau-tu/khu/loc-son/index.html"));

	/* The facets: on item frames, the list page and browse pages. */
	b = value_map_get(item(&x, "calls", "a", 0)->frame, "browse");
	ck_assert_int_eq(value_map_get(b, "zones")->n, 1);
	ck_assert_str_eq(str(value_map_get(b, "zones")->items[0], "url"),
	    "/keu-goi-dau-tu/khu/phu-hoi/");
	ck_assert_int_eq(value_path(value_map_get(b, "zones")->items[0],
	    "count")->u.i, 2);
	ck_assert_int_eq(value_map_get(b, "statuses")->n, 2);
	ck_assert_str_eq(str(value_map_get(b, "statuses")->items[0],
	    "title"), "Đang kêu gọi");
	ck_assert_ptr_eq(value_map_get(page(&x, "keu-goi-dau-tu/index.html"),
	    "browse"), b);

	/* The zone list compares the zones. */
	p = page(&x, "khu-cong-nghiep/index.html");
	b = value_map_get(p, "compare");
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(value_map_get(b, "columns")->n, 8);
	ck_assert_str_eq(str(value_map_get(b, "columns")->items[3], "title"),
	    "Lấp đầy (đất đã giải phóng)");
	ck_assert_str_eq(str(value_map_get(b, "columns")->items[4], "title"),
	    "Lấp đầy (đất công nghiệp)");
	ck_assert_int_eq(value_map_get(b, "rows")->n, 2);
	fx_close(&x);
}
END_TEST

START_TEST(test_records_compare_cells)
{
	static const struct file f[] = {
		{"content/zones/loc-son.yaml", GOOD_ZONE},
		{NULL, NULL},
	};
	struct fx x;
	const struct value *r;

	fx_open(&x, f, "2023-11-14", true);
	r = value_path(page(&x, "khu-cong-nghiep/index.html"),
	    "compare.rows")->items[0];
	ck_assert_str_eq(str(r, "title"), "KCN Lộc Sơn");
	ck_assert_str_eq(str(r, "url"), "/khu-cong-nghiep/loc-son/");
	ck_assert_str_eq(str(value_map_get(r, "cells")->items[0], "text"),
	    "183 ha");
	ck_assert_str_eq(str(value_map_get(r, "cells")->items[3], "text"),
	    "—");
	ck_assert_str_eq(str(value_map_get(r, "cells")->items[4], "text"),
	    "94,68%");
	ck_assert_str_eq(str(value_map_get(r, "cells")->items[7], "text"),
	    "thiết kế 6.000 m³/ngày, đã xây dựng 1.000 m³/ngày");
	fx_close(&x);
}
END_TEST

/* ---- rules the first pass missed ---- */

START_TEST(test_records_zone_projects_sum)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", ZONE("183", "119.3", "112.9579",
		    "percent: 94.68, basis: industrial_land",
		    "total: 52, domestic: 38, fdi: 14", "", "2023-06-30")},
		{"content/zones/b.yaml", ZONE("183", "119.3", "112.9579",
		    "percent: 94.68, basis: industrial_land",
		    "total: 52, domestic: 38, fdi: 15", "", "2023-06-30")},
		/* Two given: only "a part is more than the whole". */
		{"content/zones/c.yaml", ZONE("183", "119.3", "112.9579",
		    "percent: 94.68, basis: industrial_land",
		    "total: 10, domestic: 11", "", "2023-06-30")},
		{"content/zones/d.yaml", ZONE("183", "119.3", "112.9579",
		    "percent: 94.68, basis: industrial_land",
		    "total: 10, domestic: 9", "", "2023-06-30")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/zones/b.yaml:7:19: E [zone.projects-sum]"
	    "|projects.total|52|38|15\n"
	    "content/zones/c.yaml:7:33: E [zone.domestic-over-total]"
	    "|projects.domestic|projects.total|11|10\n");
}
END_TEST

START_TEST(test_records_call_zone)
{
	static const struct file f[] = {
		{"content/calls/a.md", "---\ntitle: Kho lạnh\n"
		    "location: {commune: Phú Hội}\n---\n"},
		{"content/calls/b.md", "---\ntitle: Kho lạnh\n"
		    "location:\n  commune: Phú Hội\n  zone:\n---\n"},
		/* No 'location' at all: the schema says so, not this. */
		{"content/calls/c.md", "---\ntitle: Kho lạnh\n---\n"},
		{"content/calls/d.md", "---\ntitle: Kho lạnh\n"
		    "location: {zone: kcn-phu-hoi}\n---\n"},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/calls/a.md:3:11: E [call.no-zone]|location\n"
	    "content/calls/b.md:5:8: E [call.no-zone]|location\n");
}
END_TEST

/* The same documents the day before and on the day they expire. */
START_TEST(test_records_document_expiry)
{
	static const struct file f[] = {
		{"content/documents/a.yaml", DOC("02/2016/NQ-HĐND",
		    "2016-03-01", "expires_on: \"2023-11-15\"\n")},
		{"content/documents/b.yaml", "type: nghi_quyet\n"
		    "number: 03/2016/NQ-HĐND\nissuer: HĐND\n"
		    "issued_on: \"2016-03-01\"\nstatus: suspended\n"
		    "summary: x\nexpires_on: \"2023-11-15\"\n"},
		{NULL, NULL},
	};
	struct fx x;

	expect(f, "2023-11-14", "");
	expect(f, "2023-11-15",
	    "content/documents/a.yaml:5:9: W"
	    " [document.expired-in-force]|status|expires_on"
	    "|status: expired|2023-11-15\n");
	fx_open(&x, f, "2023-11-14", true);
	ck_assert_str_eq(str(item(&x, "documents", "a", 0)->frame,
	    "status_computed"), "in_force");
	ck_assert_str_eq(str(item(&x, "documents", "b", 0)->frame,
	    "status_computed"), "suspended");
	fx_close(&x);
	fx_open(&x, f, "2023-11-15", true);
	ck_assert_str_eq(str(item(&x, "documents", "a", 0)->frame,
	    "status_computed"), "expired");
	ck_assert_str_eq(str(item(&x, "documents", "a", 0)->frame,
	    "status_text"), "Hết hiệu lực");
	ck_assert_int_eq(value_path(item(&x, "documents", "a", 0)->frame,
	    "is_expired")->u.b, true);
	/* Whatever the stored status: suspended too. */
	ck_assert_str_eq(str(item(&x, "documents", "b", 0)->frame,
	    "status_computed"), "expired");
	fx_close(&x);
}
END_TEST

/* ---- plans ---- */

#define PLAN(source, targets) \
	"title: Chỉ tiêu năm 2020\n" \
	"year: 2020\n" \
	"date: \"2020-01-15\"\n" \
	"source: {" source "}\n" \
	"targets:\n" \
	targets

#define TARGET(ind, unit, total, zones) \
	"  - indicator: " ind "\n" \
	"    unit: " unit "\n" \
	"    total: " total "\n" \
	"    by_zone: [" zones "]\n"

#define SEED_2020 \
	TARGET("Số dự án thu hút", "du_an", "7", \
	    "{zone: loc-son, value: 5}, {zone: phu-hoi, value: 2}") \
	TARGET("Vốn đăng ký", "ty_dong", "230", \
	    "{zone: loc-son, value: 150}, {zone: phu-hoi, value: 80}")

START_TEST(test_records_plan_passes)
{
	static const struct file f[] = {
		{"content/plans/a.yaml", PLAN("news: hoi-nghi", SEED_2020)},
		/* Exact decimals: 0.1 + 0.2 is 0.3; a percentage's parts
		 * are not added; a total without parts is fine. */
		{"content/plans/b.yaml", PLAN("url: https://example.invalid/",
		    TARGET("Diện tích", "ha", "0.3", "{zone: loc-son, value: "
		    "0.1}, {zone: phu-hoi, value: 0.2}")
		    TARGET("Tỷ lệ lấp đầy", "phan_tram", "80", "{zone: "
		    "loc-son, value: 90}, {zone: phu-hoi, value: 70}")
		    "  - {indicator: Lao động, unit: nguoi, total: 5.0}\n")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14", "");
}
END_TEST

/* The conference report's workforce: 200 + 100 stated as 350. */
START_TEST(test_records_plan_parts)
{
	static const struct file f[] = {
		{"content/plans/a.yaml", PLAN("news: hoi-nghi",
		    TARGET("Lao động", "nguoi", "350", "{zone: loc-son, "
		    "value: 200}, {zone: phu-hoi, value: 100}")
		    TARGET("Vốn", "ty_dong", "0.3", "{zone: loc-son, value: "
		    "0.1}, {zone: phu-hoi, value: 0.21}"))},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/plans/a.yaml:8:12: lỗi: chỉ tiêu «Lao động» (1): total "
	    "ghi 350 nhưng các khu cộng lại là 300 (loc-son 200 + phu-hoi "
	    "100); đối chiếu với báo cáo gốc [plan.total-mismatch]\n"
	    "content/plans/a.yaml:12:12: lỗi: chỉ tiêu «Vốn» (2): total ghi "
	    "0.3 nhưng các khu cộng lại là 0.31 (loc-son 0.1 + phu-hoi 0.21); "
	    "đối chiếu với báo cáo gốc [plan.total-mismatch]\n");
}
END_TEST

START_TEST(test_records_plan_other_rules)
{
	static const struct file f[] = {
		{"content/plans/a.yaml", PLAN("title: Báo cáo",
		    TARGET("Số dự án", "du_an", "2.5", "{zone: loc-son, "
		    "value: 2.5}, {zone: loc-son, value: 0}")
		    "    result: {value: 3, as_of: \"2019-12-31\"}\n")},
		{"content/plans/b.yaml", PLAN("news: hoi-nghi",
		    TARGET("Số dự án", "du_an", "7", "{zone: loc-son, value: "
		    "5, result: {value: 4, as_of: \"2020-12-31\"}}, {zone: "
		    "phu-hoi, value: 2, result: {value: 1, as_of: "
		    "\"2020-12-31\"}}")
		    "    result: {value: 6, as_of: \"2020-12-31\"}\n"
		    /* Results of different dates are not added. */
		    TARGET("Vốn", "ty_dong", "230", "{zone: loc-son, value: "
		    "150, result: {value: 1, as_of: \"2020-06-30\"}}, {zone: "
		    "phu-hoi, value: 80, result: {value: 1, as_of: "
		    "\"2020-12-31\"}}")
		    "    result: {value: 6, as_of: \"2020-12-31\"}\n")},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/plans/a.yaml:4:9: lỗi: kế hoạch phải ghi nguồn của các "
	    "chỉ tiêu: `news` (tin về cuộc họp), `document` (quyết định) hoặc "
	    "`url` trong `source` [plan.source-missing]\n"
	    "content/plans/a.yaml:8:12: lỗi: chỉ tiêu «Số dự án» (1), total: "
	    "2.5 là số đếm (đơn vị du_an), phải là số nguyên "
	    "[plan.count-fraction]\n"
	    "content/plans/a.yaml:9:38: lỗi: chỉ tiêu «Số dự án» (1), by_zone "
	    "1 «loc-son», value: 2.5 là số đếm (đơn vị du_an), phải là số "
	    "nguyên [plan.count-fraction]\n"
	    "content/plans/a.yaml:9:51: lỗi: chỉ tiêu «Số dự án» (1): khu "
	    "«loc-son» có hai lần trong by_zone (mục thứ 1 và thứ 2) "
	    "[plan.zone-twice]\n"
	    "content/plans/a.yaml:10:31: lỗi: chỉ tiêu «Số dự án» (1), result: "
	    "as_of 31/12/2019 trước ngày của kế hoạch (15/01/2020) "
	    "[plan.result-before-plan]\n"
	    "content/plans/b.yaml:10:21: lỗi: chỉ tiêu «Số dự án» (1): "
	    "result.value ghi 6 nhưng kết quả các khu cộng lại là 5 (loc-son 4 "
	    "+ phu-hoi 1); đối chiếu với báo cáo gốc [plan.result-mismatch]\n");
}
END_TEST

START_TEST(test_records_plan_frame)
{
	static const struct file f[] = {
		{"content/zones/loc-son.yaml", GOOD_ZONE},
		{"content/zones/phu-hoi.yaml", ZONE("109", "75.5", "61.84",
		    "basis: industrial_land", "", "", "2023-06-30")},
		{"content/news/hoi-nghi.md", NEWS("Hội nghị", "loc-son")},
		{"content/plans/a.yaml", PLAN("news: hoi-nghi",
		    TARGET("Số dự án", "du_an", "7", "{zone: loc-son, value: "
		    "5, result: {value: 4, as_of: \"2020-12-31\"}}, {zone: "
		    "phu-hoi, value: 2}")
		    "    result: {value: 6, as_of: \"2020-12-31\"}\n"
		    TARGET("Vốn đăng ký", "ty_dong", "230", "{zone: loc-son, "
		    "value: 150}"))},
		{"content/plans/a.en.yaml", PLAN("news: hoi-nghi",
		    TARGET("Projects", "du_an", "7", "{zone: loc-son, value: "
		    "5, result: {value: 4, as_of: \"2020-12-31\"}}, {zone: "
		    "phu-hoi, value: 2}")
		    "    result: {value: 6, as_of: \"2020-12-31\"}\n")},
		{NULL, NULL},
	};
	struct fx x;
	const struct value *p, *t, *z, *m;

	fx_open(&x, f, "2023-11-14", true);
	p = item(&x, "plans", "a", 0)->frame;
	ck_assert_int_eq(value_map_get(p, "year")->u.i, 2020);
	ck_assert_str_eq(str(p, "targets_text"), "7 dự án · 230 tỷ đồng");
	ck_assert_int_eq(value_map_get(p, "has_results")->u.b, true);
	t = value_map_get(p, "targets")->items[0];
	ck_assert_str_eq(str(t, "unit_text"), "dự án");
	ck_assert_str_eq(str(t, "total_text"), "7 dự án");
	ck_assert_str_eq(str(t, "result_text"), "6 dự án");
	ck_assert_str_eq(str(t, "result_as_of_text"), "31/12/2020");
	ck_assert_str_eq(str(t, "achieved_text"), "85,7%");
	z = value_map_get(t, "zones");
	ck_assert_int_eq(z->n, 2);
	ck_assert_str_eq(str(z->items[0], "title"), "KCN Lộc Sơn");
	ck_assert_str_eq(str(z->items[0], "url"), "/khu-cong-nghiep/loc-son/");
	ck_assert_str_eq(str(z->items[0], "value_text"), "5 dự án");
	ck_assert_str_eq(str(z->items[0], "achieved_text"), "80%");
	/* No result: "—", never the target's (the row's own keys). */
	ck_assert_int_eq(value_map_get(z->items[1], "has_result")->u.b, false);
	ck_assert_str_eq(str(z->items[1], "result_text"), "—");
	ck_assert_str_eq(str(z->items[1], "achieved_text"), "—");
	t = value_map_get(p, "targets")->items[1];
	ck_assert_str_eq(str(t, "total_text"), "230 tỷ đồng");
	ck_assert_str_eq(str(t, "result_text"), "—");
	/* The targets-by-zone table: a row per zone, a column per target. */
	m = value_map_get(p, "matrix");
	ck_assert_int_eq(value_map_get(m, "columns")->n, 2);
	ck_assert_str_eq(str(value_map_get(m, "columns")->items[1], "title"),
	    "Vốn đăng ký");
	ck_assert_int_eq(value_map_get(m, "rows")->n, 2);
	z = value_map_get(m, "rows")->items[1];
	ck_assert_str_eq(str(z, "url"), "/khu-cong-nghiep/phu-hoi/");
	ck_assert_str_eq(str(value_map_get(z, "cells")->items[0], "text"),
	    "2");
	ck_assert_str_eq(str(value_map_get(z, "cells")->items[1], "text"),
	    "—");
	ck_assert_str_eq(str(value_map_get(m, "totals")->items[1], "text"),
	    "230");
	/* English texts on the English plan. */
	t = value_map_get(item(&x, "plans", "a", 1)->frame,
	    "targets")->items[0];
	ck_assert_str_eq(str(t, "total_text"), "7 projects");
	ck_assert_str_eq(str(t, "achieved_text"), "85.7%");
	ck_assert_str_eq(str(t, "result_as_of_text"), "31 December 2020");
	/* The zones and the source gather the plan. */
	ck_assert_ptr_eq(value_path(item(&x, "zones", "phu-hoi", 0)->frame,
	    "linked.plans.items")->items[0], p);
	ck_assert_ptr_eq(value_path(item(&x, "news", "hoi-nghi", 0)->frame,
	    "linked.plans.items")->items[0], p);
	ck_assert_str_eq(str(p, "source_news_link.url"), "/tin-tuc/hoi-nghi/");
	fx_close(&x);
}
END_TEST

/* ---- schema_each_ref ---- */

struct seen {
	char buf[512];
};

static void
seen_ref(void *ctx, const char *field, const char *to,
    const struct value *node)
{
	struct seen *s = ctx;
	size_t n = strlen(s->buf);

	snprintf(s->buf + n, sizeof s->buf - n, "%s>%s:%s@%u:%u;", field, to,
	    node->text, node->pos.line, node->pos.col);
}

START_TEST(test_records_each_ref)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *sc = schema_builtin(a, d);
	struct value *v = NULL;
	struct seen s = {""};
	static const char news[] = "title: x\ndate: \"2020-01-01\"\n"
	    "zones: [loc-son, phu-hoi]\nrelated_documents: [nq-130]\n";
	static const char insp[] = "title: x\nsubject: {enterprise: A, "
	    "zone: loc-son}\nmeasures: [{kind: fine}]\n";

	ck_assert_int_eq(value_parse_yaml(a, d, "n.yaml", news, strlen(news),
	    1, &v), 0);
	schema_each_ref(sc, "news", v, seen_ref, &s);
	ck_assert_str_eq(s.buf, "zones>zone:loc-son@3:9;"
	    "zones>zone:phu-hoi@3:18;related_documents>document:nq-130@4:21;");
	s.buf[0] = '\0';
	ck_assert_int_eq(value_parse_yaml(a, d, "i.yaml", insp, strlen(insp),
	    1, &v), 0);
	schema_each_ref(sc, "inspection", v, seen_ref, &s);
	ck_assert_str_eq(s.buf, "subject.zone>zone:loc-son@2:32;");
	s.buf[0] = '\0';
	schema_each_ref(sc, "nonesuch", v, seen_ref, &s);
	ck_assert_str_eq(s.buf, "");
	arena_free(a);
}
END_TEST

/* ---- zones: both occupancy bases, what investors act on ---- */

/* KCN Lộc Sơn as the board reports it: leased 112,9579 ha is 94,68% of
 * the cleared industrial land and 84,17% of all its industrial land. */
#define TWO_BASES(cleared, ind) \
	"name: KCN Lộc Sơn\n" \
	"status: operating\n" \
	"area_ha: 183\n" \
	"industrial_land_ha: 134.2\n" \
	"cleared_land_ha: 119.3\n" \
	"leased_ha: 112.9579\n" \
	"occupancy: {cleared_land: " cleared ", industrial_land: " ind "}\n" \
	"as_of: \"2023-06-30\"\n" \
	"sources: [{title: Báo cáo của Ban}]\n"

START_TEST(test_records_zone_two_bases)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", TWO_BASES("94.68", "84.17")},
		{"content/zones/b.yaml", TWO_BASES("94.68", "84.71")},
		{"content/zones/c.yaml", TWO_BASES("84.17", "84.17")},
		{"content/zones/d.yaml",
		    "name: D\nstatus: operating\narea_ha: 183\n"
		    "industrial_land_ha: 119.3\ncleared_land_ha: 130\n"
		    "leased_ha: 112.9579\noccupancy: {percent: 94.68}\n"
		    "as_of: \"2023-06-30\"\nsources: [{title: x}]\n"},
		{NULL, NULL},
	};

	expect(f, "2023-11-14",
	    "content/zones/b.yaml:7:51: E [zone.occupancy-mismatch]"
	    "|occupancy.industrial_land|84,71|134,2|84,17|industrial_land: "
	    "84.17\n"
	    "content/zones/c.yaml:7:27: E [zone.occupancy-mismatch]"
	    "|occupancy.cleared_land|84,17|119,3|94,68|cleared_land: 94.68\n"
	    "content/zones/d.yaml:5:18: E [zone.cleared-over-industrial]"
	    "|cleared_land_ha|130|119,3\n"
	    "content/zones/d.yaml:7:22: E [zone.occupancy-half]|percent"
	    "|basis\n");
}
END_TEST

/* Both figures reach the frame, each with its basis. */
START_TEST(test_records_zone_two_bases_frame)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", TWO_BASES("94.68", "84.17")},
		{NULL, NULL},
	};
	struct fx x;
	const struct value *p, *r;

	fx_open(&x, f, "2023-11-14", true);
	p = page(&x, "khu-cong-nghiep/a/index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(str(p, "occupancy_cleared_land_text"), "94,68%");
	ck_assert_str_eq(str(p, "occupancy_industrial_land_text"), "84,17%");
	ck_assert_str_eq(str(p, "occupancy_text"), "84,17%");
	ck_assert_str_eq(str(p, "free_land_text"), "6,3421 ha");
	r = value_map_get(p, "occupancies");
	ck_assert_int_eq(r->n, 2);
	ck_assert_str_eq(str(r->items[0], "basis"), "cleared_land");
	r = value_path(page(&x, "khu-cong-nghiep/index.html"),
	    "compare.rows")->items[0];
	ck_assert_str_eq(str(value_map_get(r, "cells")->items[3], "text"),
	    "94,68%");
	ck_assert_str_eq(str(value_map_get(r, "cells")->items[4], "text"),
	    "84,17%");
	fx_close(&x);
}
END_TEST

/* Old figures are said once, on the record, not again on its translation. */
START_TEST(test_records_zone_old_once)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", TWO_BASES("94.68", "84.17")},
		{"content/zones/a.en.yaml", TWO_BASES("94.68", "84.17")},
		{NULL, NULL},
	};

	expect(f, "2024-11-14",
	    "content/zones/a.yaml:8:8: W [zone.figures-old]|2023-06-30\n");
}
END_TEST

#define FACTS(rest) \
	"name: KCN Thử\n" \
	"status: operating\n" \
	"area_ha: 183\n" \
	"industrial_land_ha: 134.2\n" \
	"leased_ha: 112.9579\n" \
	"as_of: \"2025-06-30\"\n" \
	"sources: [{title: Báo cáo của Ban}]\n" \
	rest

START_TEST(test_records_zone_facts_pass)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", FACTS(
		    "coordinates: {lat: 11.53, lon: 107.81}\n"
		    "lease: {term_years: 50, ends: 2054}\n"
		    "sublease: {min: 45, max: 60, currency: USD, per: m2_term}\n"
		    "fees:\n"
		    "  infrastructure: {amount: 0.5, currency: USD, "
		    "per: m2_year}\n"
		    "  management: {amount: 6000, currency: VND, per: m2_year}\n"
		    "utilities:\n"
		    "  power: {amount: 1800, currency: VND, per: kwh}\n"
		    "  water: {amount: 15000, currency: VND, per: m3}\n"
		    "  wastewater: {amount: 0.4, currency: USD, per: m3}\n"
		    "infrastructure:\n"
		    "  power_capacity: {amount: 63, unit: MVA}\n"
		    "  water_m3_day: 15000\n"
		    "  wastewater: {design_m3_day: 6000, built_m3_day: 1000, "
		    "operating: true}\n"
		    "vacant_lots: [{lot: CN7, area_ha: 4.979}]\n"
		    "labour: {pool: 120000, workers: 8000}\n"
		    "incentives:\n"
		    "  - {what: Miễn thuế, basis: 31/2021/NĐ-CP, document: nd}\n"
		    "contact: {name: Ban, phone: 0263 3822 000}\n")},
		{"content/documents/nd.yaml", DOC("31/2021/NĐ-CP",
		    "2021-03-26", "")},
		{NULL, NULL},
	};
	struct fx x;
	const struct value *p;

	expect(f, "2025-11-14", "");
	fx_open(&x, f, "2025-11-14", true);
	p = page(&x, "khu-cong-nghiep/a/index.html");
	ck_assert_str_eq(str(p, "lease_text"), "50 năm, đến năm 2054");
	ck_assert_str_eq(str(p, "sublease_text"),
	    "45–60 USD/m² cho cả thời hạn");
	ck_assert_str_eq(str(p, "power_price_text"), "1.800 đồng/kWh");
	ck_assert_str_eq(str(p, "power_capacity_text"), "63 MVA");
	ck_assert_str_eq(str(p, "water_capacity_text"), "15.000 m³/ngày");
	ck_assert_str_eq(str(value_map_get(p, "incentives")->items[0],
	    "document_url"), "/van-ban/nd/");
	fx_close(&x);
}
END_TEST

START_TEST(test_records_zone_facts_fail)
{
	static const struct file f[] = {
		{"content/zones/a.yaml", FACTS(
		    "coordinates: {lat: 31.53, lon: 107.81}\n"
		    "lease: {term_years: 50, ends: 2020}\n"
		    "sublease: {min: 60, max: 45, currency: USD, per: m2_term}\n"
		    "utilities:\n"
		    "  power: {amount: 1800, currency: VND, per: m3}\n"
		    "  water: {amount: 15, currency: VND, per: m3}\n"
		    "infrastructure:\n"
		    "  wastewater: {central_plant: false, operating: true}\n"
		    "vacant_lots: [{lot: CN7, area_ha: 30}]\n"
		    "incentives:\n"
		    "  - {what: Miễn thuế, basis: 118/2015/NĐ-CP, document: nd}\n"
		    "contact: {name: Ban}\n")},
		{"content/zones/b.yaml", FACTS(
		    "coordinates: {lat: 107.81, lon: 11.53}\n"
		    "lease: {term_years: 50, ends: 2080}\n")},
		{"content/documents/nd.yaml", DOC("31/2021/NĐ-CP",
		    "2021-03-26", "")},
		{NULL, NULL},
	};

	expect(f, "2025-11-14",
	    "content/zones/a.yaml:8:20: E [zone.coordinates-outside]|31.53"
	    "|107.81\n"
	    "content/zones/a.yaml:9:31: E [zone.lease-ended]|2020"
	    "|2025-06-30\n"
	    "content/zones/a.yaml:10:17: E [zone.sublease-range]|60|45\n"
	    "content/zones/a.yaml:12:45: E [zone.rate-unit]"
	    "|utilities.power|m3|kwh\n"
	    "content/zones/a.yaml:13:19: W [zone.rate-range]"
	    "|utilities.water.amount|15|VND\n"
	    "content/zones/a.yaml:15:49: E [zone.wastewater-operating]"
	    "|central_plant: false\n"
	    "content/zones/a.yaml:16:14: E [zone.vacant-over-free]|30"
	    "|industrial_land_ha|134,2|112,9579|21,2421\n"
	    "content/zones/a.yaml:18:30: E [zone.incentive-basis]"
	    "|118/2015/NĐ-CP|31/2021/NĐ-CP\n"
	    "content/zones/a.yaml:19:10: W [zone.contact-unreachable]\n"
	    "content/zones/b.yaml:8:20: E [zone.coordinates-swapped]"
	    "|107.81|11.53\n"
	    "content/zones/b.yaml:9:31: E [zone.lease-over-term]|2080"
	    "|55|50\n");
}
END_TEST

Suite *
records_suite(void)
{
	Suite *s = suite_create("records");
	TCase *t;

	t = tcase_create("zone");
	tcase_add_test(t, test_records_zone_passes);
	tcase_add_test(t, test_records_zone_areas);
	tcase_add_test(t, test_records_zone_occupancy);
	tcase_add_test(t, test_records_zone_projects_wastewater_age);
	tcase_add_test(t, test_records_zone_two_bases);
	tcase_add_test(t, test_records_zone_two_bases_frame);
	tcase_add_test(t, test_records_zone_old_once);
	tcase_add_test(t, test_records_zone_facts_pass);
	tcase_add_test(t, test_records_zone_facts_fail);
	suite_add_tcase(s, t);
	t = tcase_create("call");
	tcase_add_test(t, test_records_call_passes);
	tcase_add_test(t, test_records_call_fails);
	suite_add_tcase(s, t);
	t = tcase_create("inspection");
	tcase_add_test(t, test_records_inspection_passes);
	tcase_add_test(t, test_records_inspection_dates_status);
	tcase_add_test(t, test_records_inspection_repeat);
	tcase_add_test(t, test_records_inspection_personal_id);
	suite_add_tcase(s, t);
	t = tcase_create("document");
	tcase_add_test(t, test_records_document_passes);
	tcase_add_test(t, test_records_document_fails);
	tcase_add_test(t, test_records_bad_types);
	suite_add_tcase(s, t);
	t = tcase_create("figures");
	tcase_add_test(t, test_records_figures);
	tcase_add_test(t, test_records_document_status);
	suite_add_tcase(s, t);
	t = tcase_create("status");
	tcase_add_test(t, test_records_call_status);
	tcase_add_test(t, test_records_call_status_text);
	tcase_add_test(t, test_records_words_from_theme);
	tcase_add_test(t, test_records_kind_table);
	suite_add_tcase(s, t);
	t = tcase_create("links");
	tcase_add_test(t, test_records_links);
	tcase_add_test(t, test_records_links_call_zone);
	tcase_add_test(t, test_records_linked_sections);
	tcase_add_test(t, test_records_each_ref);
	suite_add_tcase(s, t);
	t = tcase_create("missed");
	tcase_add_test(t, test_records_zone_projects_sum);
	tcase_add_test(t, test_records_call_zone);
	tcase_add_test(t, test_records_document_expiry);
	suite_add_tcase(s, t);
	t = tcase_create("plan");
	tcase_add_test(t, test_records_plan_passes);
	tcase_add_test(t, test_records_plan_parts);
	tcase_add_test(t, test_records_plan_other_rules);
	tcase_add_test(t, test_records_plan_frame);
	suite_add_tcase(s, t);
		t = tcase_create("browse");
	tcase_add_test(t, test_records_browse);
	tcase_add_test(t, test_records_compare_cells);
	suite_add_tcase(s, t);
	return s;
}
