/*
 * opendata: the record tables as CSV and JSON (BOM, CRLF, one row per
 * published record, absolute URLs), the Data Package's keys, the DCAT
 * catalogue without history (no dates made up) and data.json.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "opendata.h"
#include "site.h"
#include "testutil.h"
#include "value.h"

Suite *opendata_suite(void);

static const struct tu_file files[] = {
	{"content/site.yaml", "title: {vi: Cổng, en: Portal}\n"
	    "base_url: https://example.invalid/cong/\n"
	    "languages: [vi, en]\n"
	    "license: {name: CC BY 4.0, url: "
	    "\"https://creativecommons.org/licenses/by/4.0/\"}\n"
	    "publisher: {name: {vi: Ban, en: Board}, "
	    "email: a@example.invalid}\n"
	    "coverage: {vi: Tỉnh Lâm Đồng, en: Lam Dong Province}\n"
	    "collections:\n"
	    "  zones: {kind: zone, title: {vi: Khu, en: Zones}, "
	    "permalink: \"/khu/:slug/\"}\n"
	    "  calls: {kind: call, title: {vi: Dự án, en: Calls}, "
	    "permalink: \"/du-an/:slug/\"}\n"
	    "  plans: {kind: plan, title: {vi: Kế hoạch, en: Plans}, "
	    "permalink: \"/ke-hoach/:slug/\"}\n"},
	{"content/plans/p.yaml", "title: P\nyear: 2020\ndate: 2020-01-15\n"
	    "targets:\n  - indicator: \"Số dự án\"\n    unit: du_an\n"
	    "    total: 3\n    by_zone: [{zone: kcn-a, value: 3, "
	    "result: {value: 2, as_of: 2020-12-31}}]\n"},
	{"content/zones/kcn-a.yaml", "name: \"KCN A, B\"\nstatus: operating\n"
	    "area_ha: 12.5\nprojects: {total: 3}\nas_of: 2020-06-30\n"},
	{"content/zones/kcn-nhap.yaml", "name: Nháp\ndraft: true\n"
	    "area_ha: 1\nas_of: 2020-06-30\n"},
	{"content/calls/x.md", "---\ntitle: X\nsector: Kho\n"
	    "location: {zone: kcn-a}\narea_ha: 2\n"
	    "est_capital: {amount: 10, unit: ty_dong}\n"
	    "selection: tender\npublished_on: 2021-02-03\n---\n"},
	{NULL, NULL},
};

static struct tu_site t;

static void
setup(void)
{
	tu_site_load(&t, files);
	ck_assert_int_eq(tu_site_model(&t), 0);
	opendata_model(t.s, t.th, NULL);
}

static void
teardown(void)
{
	tu_site_close(&t);
}

START_TEST(test_opendata_csv)
{
	const char *csv = tu_data(t.s, "du-lieu/khu.csv");

	/* BOM, CRLF, the draft left out, a comma quoted, empty cells. */
	ck_assert_str_eq(csv, "\xef\xbb\xbf" "slug,name,url,status,area_ha,"
	    "industrial_land_ha,leased_ha,occupancy_percent,occupancy_basis,"
	    "projects_total,projects_fdi,projects_domestic,"
	    "wastewater_design_m3_day,wastewater_built_m3_day,as_of,"
	    "cleared_land_ha,occupancy_cleared_land,"
	    "occupancy_industrial_land\r\n"
	    "kcn-a,\"KCN A, B\",https://example.invalid/cong/khu/kcn-a/,"
	    "operating,12.5,,,,,3,,,,,2020-06-30,,,\r\n");
}
END_TEST

/* Plans: a row per target, then per zone's share, the share's figures
 * (the target's result absent: empty). */
START_TEST(test_opendata_plan)
{
	const char *csv = tu_data(t.s, "du-lieu/ke-hoach.csv");

	ck_assert_str_eq(csv, "\xef\xbb\xbf" "row,plan,url,year,indicator,"
	    "unit,zone,target,result,result_as_of\r\n"
	    "p/1,p,https://example.invalid/cong/ke-hoach/p/,2020,Số dự án,"
	    "du_an,,3,,\r\n"
	    "p/1/kcn-a,p,https://example.invalid/cong/ke-hoach/p/,2020,"
	    "Số dự án,du_an,kcn-a,3,2,2020-12-31\r\n");
}
END_TEST

START_TEST(test_opendata_json)
{
	const char *j = tu_data(t.s, "du-lieu/du-an.json");

	ck_assert_ptr_nonnull(strstr(j, "\"zone\":\"kcn-a\""));
	ck_assert_ptr_nonnull(strstr(j, "\"area_ha\":2,"));
	ck_assert_ptr_nonnull(strstr(j, "\"deadline\":null"));
	ck_assert_ptr_nonnull(strstr(j,
	    "\"url\":\"https://example.invalid/cong/du-an/x/\""));
	ck_assert_uint_eq(tu_count(j, "\"slug\":"), 1);
}
END_TEST

START_TEST(test_opendata_package)
{
	const char *p = tu_data(t.s, "du-lieu/datapackage.json");

	ck_assert_ptr_nonnull(strstr(p, "\"foreignKeys\":[{\"fields\":"
	    "\"zone\",\"reference\":{\"resource\":\"khu\",\"fields\":"
	    "\"slug\"}}]"));
	ck_assert_ptr_nonnull(strstr(p, "\"primaryKey\":\"slug\""));
	ck_assert_ptr_nonnull(strstr(p, "\"path\":"
	    "\"https://example.invalid/cong/du-lieu/khu.csv\""));
	ck_assert_ptr_nonnull(strstr(p, "\"unit\":\"ha\""));
}
END_TEST

START_TEST(test_opendata_catalogue)
{
	const char *c = tu_data(t.s, "du-lieu/catalog.jsonld");
	const char *d = tu_data(t.s, "data.json");
	char size[64];

	/* No history: no dates from git, the coverage from the records. */
	ck_assert_ptr_null(strstr(c, "dct:issued"));
	ck_assert_ptr_nonnull(strstr(c, "\"dcat:startDate\":{\"@type\":"
	    "\"xsd:date\",\"@value\":\"2020-06-30\"}"));
	ck_assert_ptr_nonnull(strstr(c, "{\"@value\":\"Lam Dong Province\","
	    "\"@language\":\"en\"}"));
	ck_assert_ptr_nonnull(strstr(c, "mailto:a@example.invalid"));
	snprintf(size, sizeof size, "\"@value\":\"%zu\"}",
	    strlen(tu_data(t.s, "du-lieu/khu.csv")));
	ck_assert_ptr_nonnull(strstr(c, size));
	/* data.json: modified falls back to the newest record's date. */
	ck_assert_ptr_nonnull(strstr(d, "\"modified\":\"2021-02-03\""));
	ck_assert_ptr_nonnull(strstr(d, "\"accessLevel\":\"public\""));
	ck_assert_uint_eq(tu_count(d, "\"@type\":\"dcat:Dataset\""), 3);
	/* One identifier: the open-data page's URL and the dataset's row
	 * there, the catalogue's @id and data.json's identifier. */
	ck_assert_ptr_nonnull(strstr(c, "{\"@id\":\"https://example.invalid/"
	    "cong/du-lieu/#khu\",\"@type\":\"dcat:Dataset\","
	    "\"dct:identifier\":\"khu\","));
	ck_assert_ptr_nonnull(strstr(d, "\"identifier\":\"https://"
	    "example.invalid/cong/du-lieu/#khu\""));
}
END_TEST

/* The golden tests' theme has no `opendata` template: no page. */
START_TEST(test_opendata_pages)
{
	ck_assert_ptr_null(tu_page(t.s, "du-lieu/index.html"));
	ck_assert_ptr_null(tu_page(t.s, "en/data/index.html"));
}
END_TEST

START_TEST(test_opendata_cell)
{
	struct value *m = value_map(t.a);

	value_map_set(t.a, m, "vi", value_strz(t.a, "Khu"));
	value_map_set(t.a, m, "en", value_strz(t.a, "Zone"));
	ck_assert_str_eq(opendata_cell(t.s, m), "Khu");
	ck_assert_str_eq(opendata_cell(t.s, NULL), "");
	ck_assert_str_eq(opendata_cell(t.s, value_list(t.a)), "");
	ck_assert_str_eq(opendata_cell(t.s, value_int(t.a, 7)), "7");
}
END_TEST

Suite *
opendata_suite(void)
{
	Suite *s = suite_create("opendata");
	TCase *tc = tcase_create("files");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_opendata_csv);
	tcase_add_test(tc, test_opendata_json);
	tcase_add_test(tc, test_opendata_plan);
	tcase_add_test(tc, test_opendata_package);
	tcase_add_test(tc, test_opendata_catalogue);
	tcase_add_test(tc, test_opendata_pages);
	tcase_add_test(tc, test_opendata_cell);
	suite_add_tcase(s, tc);
	return s;
}
