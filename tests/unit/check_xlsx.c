/*
 * xlsx: a workbook read back through a small zip reader (zlib's inflate,
 * which libxlsxwriter's own zip code does not share): numbers typed as
 * numbers (no t="s"), text as shared strings, bold headings below the
 * titles, the creation date given; byte-identical from call to call and
 * in any time zone; a failure says why and leaves out untouched.
 */
#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "buf.h"
#include "xlsx.h"

Suite *xlsx_suite(void);

static const char *const titles[] = {"Công khai dự toán năm 2020",
    "Đơn vị tính: triệu đồng"};
static const char *const heads[] = {"STT", "Nội dung", "Dự toán (triệu đồng)"};
static const bool numeric[] = {false, false, true};
static const char *const cells[] = {
    "1",
    "Chi thường xuyên",
    "1250.5",
    "2",
    "Chi đầu tư",
    "-3",
    "3",
    "Khác",
    "",
    "4",
    "Không số",
    "12,5",
};
static const struct xlsx_table table = {"Biểu [2]: chi/thu", titles, 2, heads,
    numeric, 3, cells, 4};

static uint32_t
le(const unsigned char *p, int n)
{
	uint32_t v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

/* The entry name of the zip in z, inflated, NUL-terminated (malloc), or
 * NULL.  Local headers only: libxlsxwriter writes sizes in them. */
static char *
entry(const struct buf *z, const char *name)
{
	const unsigned char *p = (const unsigned char *)z->data;
	size_t off = 0;

	while (off + 30 <= z->len && le(p + off, 4) == 0x04034b50) {
		uint32_t csize = le(p + off + 18, 4),
		         size = le(p + off + 22, 4);
		uint32_t nlen = le(p + off + 26, 2), xlen = le(p + off + 28, 2);
		const unsigned char *data = p + off + 30 + nlen + xlen;

		if (nlen == strlen(name) &&
		    memcmp(p + off + 30, name, nlen) == 0) {
			z_stream s = {0};
			char *out = calloc(1, size + 1);

			ck_assert_int_eq(le(p + off + 8, 2), 8); /* deflate */
			ck_assert_int_eq(inflateInit2(&s, -MAX_WBITS), Z_OK);
			s.next_in = (unsigned char *)(uintptr_t)data;
			s.avail_in = csize;
			s.next_out = (unsigned char *)out;
			s.avail_out = size;
			ck_assert_int_eq(inflate(&s, Z_FINISH), Z_STREAM_END);
			inflateEnd(&s);
			return out;
		}
		off = (size_t)(data - p) + csize;
	}
	return NULL;
}

static void
make(struct buf *b)
{
	const char *why = NULL;

	ck_assert_int_eq(xlsx_write(&table, 1, "2020-01-15", b, &why), 0);
	ck_assert_ptr_null(why);
}

START_TEST(test_xlsx_cells)
{
	struct buf b = {0};
	char *sheet, *strings, *core, *book;

	make(&b);
	ck_assert_uint_gt(b.len, 1000);
	ck_assert(memcmp(b.data, "PK\3\4", 4) == 0);
	ck_assert_uint_eq(xlsx_head_row(&table), 3);
	sheet = entry(&b, "xl/worksheets/sheet1.xml");
	strings = entry(&b, "xl/sharedStrings.xml");
	core = entry(&b, "docProps/core.xml");
	book = entry(&b, "xl/workbook.xml");
	ck_assert_ptr_nonnull(sheet);
	ck_assert_ptr_nonnull(strings);
	ck_assert_ptr_nonnull(core);
	ck_assert_ptr_nonnull(book);
	/* Titles rows 1-2 and headings row 4 in bold (style 1), text. */
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"A1\" s=\"1\" t=\"s\">"));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"A2\" s=\"1\" t=\"s\">"));
	ck_assert_ptr_null(strstr(sheet, "<row r=\"3\""));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"C4\" s=\"1\" t=\"s\">"));
	/* Figures are numbers; the STT "1" is text. */
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"C5\"><v>1250.5</v></c>"));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"C6\"><v>-3</v></c>"));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"A5\" t=\"s\">"));
	/* No figure: no cell.  Not a plain decimal: kept as text. */
	ck_assert_ptr_null(strstr(sheet, "r=\"C7\""));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"C8\" t=\"s\">"));
	ck_assert_ptr_nonnull(strstr(strings, "<t>12,5</t>"));
	ck_assert_ptr_nonnull(strstr(strings, "<t>Chi đầu tư</t>"));
	ck_assert_ptr_nonnull(
	    strstr(strings, "<t>Công khai dự toán năm 2020</t>"));
	/* The headings stay in sight: frozen below row 4. */
	ck_assert_ptr_nonnull(strstr(sheet, "ySplit=\"4\""));
	/* The tab's name without the characters Excel refuses. */
	ck_assert_ptr_nonnull(strstr(book, "name=\"Biểu -2-- chi-thu\""));
	ck_assert_ptr_nonnull(strstr(core, ">2020-01-15T00:00:00Z<"));
	free(sheet);
	free(strings);
	free(core);
	free(book);
	buf_release(&b);
}
END_TEST

START_TEST(test_xlsx_identical)
{
	struct buf a = {0}, b = {0};
	const char *tz = getenv("TZ");
	char *old = tz ? strdup(tz) : NULL;

	make(&a);
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	make(&b);
	if (old != NULL)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
	ck_assert_uint_eq(a.len, b.len);
	ck_assert(memcmp(a.data, b.data, a.len) == 0);
	buf_release(&a);
	buf_release(&b);
}
END_TEST

START_TEST(test_xlsx_fails)
{
	struct buf b = {0};
	const char *why = NULL;
	const char *tmp = getenv("TMPDIR");
	char *old = tmp ? strdup(tmp) : NULL;
	int rc;

	setenv("TMPDIR", "/nonexistent/minhbach-test", 1);
	rc = xlsx_write(&table, 1, "2020-01-15", &b, &why);
	if (old != NULL)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
	ck_assert_int_eq(rc, -1);
	ck_assert_ptr_nonnull(why);
	ck_assert_uint_eq(b.len, 0);
	buf_release(&b);
}
END_TEST

Suite *
xlsx_suite(void)
{
	Suite *s = suite_create("xlsx");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_xlsx_cells);
	tcase_add_test(tc, test_xlsx_identical);
	tcase_add_test(tc, test_xlsx_fails);
	suite_add_tcase(s, tc);
	return s;
}
