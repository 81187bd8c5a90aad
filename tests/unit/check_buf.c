/*
 * buf: growth and the NUL invariant, add/addf, and each escaper exactly:
 * HTML/XML (& < > " '), URL paths, JSON strings (control characters,
 * quotes, backslash, '<'), CSV fields (quoting, formula guard, negative
 * numbers kept); keep, release, truncate and reset.
 */
#include <check.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "testutil.h"

Suite *buf_suite(void);

/* Runs one escaper over s and compares with want. */
#define ESC(fn, s, want)                                                   \
	do {                                                               \
		struct buf b_ = {0};                                       \
		fn(&b_, (s), sizeof(s) - 1);                               \
		ck_assert_uint_eq(b_.len, sizeof(want) - 1);               \
		ck_assert_mem_eq(buf_cstr(&b_), (want), sizeof(want) - 1); \
		buf_release(&b_);                                          \
	} while (0)

START_TEST(test_buf_empty)
{
	struct buf b = {0};

	ck_assert_str_eq(buf_cstr(&b), "");
	ck_assert_uint_eq(b.len, 0);
	buf_add(&b, "x", 0);	/* nothing added, nothing allocated */
	ck_assert_ptr_null(b.data);
	ck_assert_str_eq(buf_cstr(&b), "");
	buf_release(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(test_buf_growth)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < 100000; i++) {
		buf_addc(&b, (char)('a' + i % 26));
		/* Plain tests in the loop: check's asserts are slow. */
		if (b.len != i + 1 || b.cap <= b.len || b.data[b.len] != '\0')
			ck_abort_msg("after %zu bytes: len %zu cap %zu", i + 1,
			    b.len, b.cap);
	}
	for (i = 0; i < 100000; i++)
		if (b.data[i] != (char)('a' + i % 26))
			ck_abort_msg("byte %zu changed", i);
	ck_assert_uint_eq(strlen(buf_cstr(&b)), 100000);
	buf_release(&b);

	/* buf_grow promises room without changing the contents. */
	buf_adds(&b, "abc");
	buf_grow(&b, 1000);
	ck_assert_uint_ge(b.cap, 3 + 1000 + 1);
	ck_assert_str_eq(buf_cstr(&b), "abc");
	ck_assert_uint_eq(b.len, 3);
	buf_release(&b);
}
END_TEST

START_TEST(test_buf_add)
{
	struct buf b = {0};

	buf_add(&b, "Hội nghị", strlen("Hội"));
	ck_assert_str_eq(buf_cstr(&b), "Hội");
	buf_adds(&b, " nghị");
	buf_addc(&b, '!');
	ck_assert_str_eq(buf_cstr(&b), "Hội nghị!");
	buf_add(&b, "a\0b", 3);	/* bytes, NUL included */
	ck_assert_uint_eq(b.len, strlen("Hội nghị!") + 3);
	ck_assert_mem_eq(b.data + b.len - 3, "a\0b", 3);
	buf_release(&b);

	buf_addf(&b, "%d-%s-%05.2f", -7, "x", 2.5);
	ck_assert_str_eq(buf_cstr(&b), "-7-x-02.50");
	buf_addf(&b, "%s", "");
	ck_assert_str_eq(buf_cstr(&b), "-7-x-02.50");
	{
		char big[3000];

		memset(big, 'z', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		buf_addf(&b, "[%s]", big);
		ck_assert_uint_eq(b.len, 10 + 3001);
		ck_assert_int_eq(b.data[10], '[');
		ck_assert_int_eq(b.data[b.len - 1], ']');
		ck_assert_int_eq(b.data[b.len], '\0');
	}
	buf_release(&b);
}
END_TEST

START_TEST(test_buf_html)
{
	ESC(buf_add_html, "", "");
	ESC(buf_add_html, "plain text", "plain text");
	ESC(buf_add_html, "a & b", "a &amp; b");
	ESC(buf_add_html, "<script>alert('x')</script>",
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	ESC(buf_add_html, "\"q\"", "&quot;q&quot;");
	ESC(buf_add_html, "&amp;", "&amp;amp;");
	ESC(buf_add_html, "&<>\"'", "&amp;&lt;&gt;&quot;&#39;");
	ESC(buf_add_html, "Đồng & Xã", "Đồng &amp; Xã");
	/* XML uses the same set. */
	ESC(buf_add_xml, "<a href=\"x\">", "&lt;a href=&quot;x&quot;&gt;");
}
END_TEST

START_TEST(test_buf_html_appends)
{
	struct buf b = {0};

	buf_adds(&b, "<p>");
	buf_add_html(&b, "1 < 2", 5);
	buf_adds(&b, "</p>");
	ck_assert_str_eq(buf_cstr(&b), "<p>1 &lt; 2</p>");
	/* Only n bytes are read. */
	buf_reset(&b);
	buf_add_html(&b, "ab<cd", 2);
	ck_assert_str_eq(buf_cstr(&b), "ab");
	buf_release(&b);
}
END_TEST

START_TEST(test_buf_urlpath)
{
	ESC(buf_add_urlpath, "/tin-tuc/hoi-nghi/", "/tin-tuc/hoi-nghi/");
	ESC(buf_add_urlpath, "a_b.c~d-E9", "a_b.c~d-E9");
	ESC(buf_add_urlpath, "a b", "a%20b");
	ESC(buf_add_urlpath, "x?y#z&w=1%", "x%3Fy%23z%26w%3D1%25");
	ESC(buf_add_urlpath, "đ", "%C4%91");
	ESC(buf_add_urlpath, "files/quyết định.pdf",
	    "files/quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf");
	ESC(buf_add_urlpath, "\"<'>", "%22%3C%27%3E");
	ESC(buf_add_urlpath, "\x01\x7f", "%01%7F");
}
END_TEST

START_TEST(test_buf_json)
{
	ESC(buf_add_json, "", "\"\"");
	ESC(buf_add_json, "abc", "\"abc\"");
	ESC(buf_add_json, "say \"hi\"", "\"say \\\"hi\\\"\"");
	ESC(buf_add_json, "C:\\dir", "\"C:\\\\dir\"");
	ESC(buf_add_json, "a\nb\rc\td", "\"a\\nb\\rc\\td\"");
	ESC(buf_add_json, "\x01\x1f\b\f", "\"\\u0001\\u001f\\u0008\\u000c\"");
	ESC(buf_add_json, "</script>", "\"\\u003c/script>\"");
	ESC(buf_add_json, "Hội nghị", "\"Hội nghị\"");
	ESC(buf_add_json, "\x7f", "\"\x7f\"");	/* DEL is legal JSON */
	ESC(buf_add_json, "a\0b", "\"a\\u0000b\"");
	ESC(buf_add_json, "x<y\"z\\", "\"x\\u003cy\\\"z\\\\\"");
}
END_TEST

/* buf_add_json() as it was written byte by byte: what the 16-byte
 * scan must give. */
static void
json_ref(struct buf *b, const char *s, size_t n)
{
	size_t i;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			buf_addf(b, "\\%c", c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c < 0x20 || c == '<')
			buf_addf(b, "\\u%04x", c);
		else
			buf_addc(b, (char)c);
	}
	buf_addc(b, '"');
}

/*
 * Each byte of odd (escaped or not), at every place of texts of 1 to 70
 * bytes, with second 17 bytes further on: add (a 16-byte scan) gives
 * what ref (byte by byte) gives, after a byte already in the buffer.
 */
static void
scan_against(void (*add)(struct buf *, const char *, size_t),
    void (*ref)(struct buf *, const char *, size_t), const char *odd,
    size_t nodd, char second)
{
	char s[70];
	size_t n, at, k;

	for (n = 1; n <= sizeof s; n++)
		for (at = 0; at < n; at++)
			for (k = 0; k < nodd; k++) {
				struct buf got = {0}, want = {0};

				memset(s, 'a', n);
				s[at] = odd[k];
				if (at + 17 < n)
					s[at + 17] = second;
				buf_adds(&got, "x");
				buf_adds(&want, "x");
				add(&got, s, n);
				ref(&want, s, n);
				ck_assert_uint_eq(got.len, want.len);
				ck_assert_mem_eq(got.data, want.data, want.len);
				ck_assert_int_eq(got.data[got.len], '\0');
				buf_release(&got);
				buf_release(&want);
			}
}

/* Every byte that needs escaping, and some that do not, at every
 * place of texts of 1 to 70 bytes: the runs found 16 bytes at a time
 * end where the byte-by-byte loop's did. */
START_TEST(test_buf_json_scan)
{
	static const char odd[] = "\"\\<\n\r\t\x01\x1f\x7f\x80\xff \x20>/";

	scan_against(buf_add_json, json_ref, odd, sizeof odd, '"');
}
END_TEST

/* Every byte HTML escapes, and some it does not, at every place of
 * texts of 1 to 70 bytes, with a second one 17 bytes further: the runs
 * found 16 bytes at a time end where the byte-by-byte loop's did. */
START_TEST(test_buf_html_scan)
{
	static const char odd[] = "&<>\"'\x01\x7f\x80\xff /;";

	scan_against(buf_add_html, tu_html_ref, odd, sizeof odd, '\'');
}
END_TEST

START_TEST(test_buf_csv)
{
	ESC(buf_add_csv, "", "");
	ESC(buf_add_csv, "plain", "plain");
	ESC(buf_add_csv, "Hội nghị", "Hội nghị");
	ESC(buf_add_csv, "a,b", "\"a,b\"");
	ESC(buf_add_csv, "a;b", "\"a;b\"");
	ESC(buf_add_csv, "say \"hi\"", "\"say \"\"hi\"\"\"");
	ESC(buf_add_csv, "line1\nline2", "\"line1\nline2\"");
	ESC(buf_add_csv, "cr\rlf", "\"cr\rlf\"");
	ESC(buf_add_csv, "\"", "\"\"\"\"");
}
END_TEST

START_TEST(test_buf_csv_formula)
{
	/* Formulas are kept as text: a leading apostrophe, quoted. */
	ESC(buf_add_csv, "=SUM(A1:A9)", "\"'=SUM(A1:A9)\"");
	ESC(buf_add_csv, "+1", "\"'+1\"");
	ESC(buf_add_csv, "@cmd", "\"'@cmd\"");
	ESC(buf_add_csv, "-cmd", "\"'-cmd\"");
	ESC(buf_add_csv, "-", "\"'-\"");
	ESC(buf_add_csv, "- x", "\"'- x\"");
	ESC(buf_add_csv, "=\"x\",1", "\"'=\"\"x\"\",1\"");
	/* Negative numbers stay numbers. */
	ESC(buf_add_csv, "-5", "-5");
	ESC(buf_add_csv, "-1060000000", "-1060000000");
	ESC(buf_add_csv, "-3.25", "-3.25");
	/* Not at the start: nothing special. */
	ESC(buf_add_csv, "a=b", "a=b");
	ESC(buf_add_csv, "1-2", "1-2");
}
END_TEST

START_TEST(test_buf_keep)
{
	struct arena *a = arena_new();
	struct buf b = {0};
	char *k;

	buf_adds(&b, "giữ lại");
	k = buf_keep(&b, a);
	ck_assert_str_eq(k, "giữ lại");
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(buf_cstr(&b), "");
	ck_assert_ptr_ne(k, b.data);	/* a copy, not the storage */
	/* The storage is kept and reusable; the copy is independent. */
	ck_assert_uint_gt(b.cap, 0);
	buf_adds(&b, "XYZ");
	ck_assert_str_eq(k, "giữ lại");
	ck_assert_str_eq(buf_cstr(&b), "XYZ");
	/* Keeping an empty buf gives "" in the arena. */
	buf_reset(&b);
	k = buf_keep(&b, a);
	ck_assert_str_eq(k, "");
	buf_release(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
	/* A released buf is ready to use again. */
	buf_adds(&b, "again");
	ck_assert_str_eq(buf_cstr(&b), "again");
	buf_release(&b);
	arena_free(a);
}
END_TEST

START_TEST(test_buf_truncate_reset)
{
	struct buf b = {0};
	size_t cap;

	buf_truncate(&b, 0);	/* empty, never allocated: a no-op */
	buf_reset(&b);
	ck_assert_ptr_null(b.data);
	buf_adds(&b, "abcdef");
	buf_truncate(&b, 10);	/* longer: no-op */
	ck_assert_str_eq(buf_cstr(&b), "abcdef");
	buf_truncate(&b, 3);
	ck_assert_uint_eq(b.len, 3);
	ck_assert_str_eq(buf_cstr(&b), "abc");
	ck_assert_int_eq(b.data[3], '\0');
	cap = b.cap;
	buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, cap);	/* storage kept */
	ck_assert_str_eq(buf_cstr(&b), "");
	ck_assert_int_eq(b.data[0], '\0');
	buf_adds(&b, "x");
	ck_assert_str_eq(buf_cstr(&b), "x");
	buf_truncate(&b, 0);
	ck_assert_str_eq(buf_cstr(&b), "");
	buf_release(&b);
}
END_TEST

START_TEST(test_buf_grow_overflow)
{
	struct buf b = {0};

	buf_adds(&b, "x");
	buf_grow(&b, SIZE_MAX - 1);	/* aborts: out of memory */
	buf_release(&b);
}
END_TEST

Suite *
buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc;

	tc = tcase_create("grow");
	tcase_add_test(tc, test_buf_empty);
	tcase_add_test(tc, test_buf_growth);
	tcase_add_test(tc, test_buf_add);
	suite_add_tcase(s, tc);

	/* Aborting tests need a forked runner (not CK_FORK=no: gdb, valgrind). */
	if (forking()) {
		tc = tcase_create("oom");
		tcase_add_test_raise_signal(tc, test_buf_grow_overflow,
		    SIGABRT);
		suite_add_tcase(s, tc);
	}

	tc = tcase_create("escape");
	tcase_add_test(tc, test_buf_html);
	tcase_add_test(tc, test_buf_html_appends);
	tcase_add_test(tc, test_buf_urlpath);
	tcase_add_test(tc, test_buf_json);
	tcase_add_test(tc, test_buf_json_scan);
	tcase_add_test(tc, test_buf_html_scan);
	suite_add_tcase(s, tc);

	tc = tcase_create("csv");
	tcase_add_test(tc, test_buf_csv);
	tcase_add_test(tc, test_buf_csv_formula);
	suite_add_tcase(s, tc);

	tc = tcase_create("keep");
	tcase_add_test(tc, test_buf_keep);
	tcase_add_test(tc, test_buf_truncate_reset);
	suite_add_tcase(s, tc);
	return s;
}
