/*
 * Unit tests for search.c: the folding that makes "ngan sach" find
 * "ngân sách" (NFC and NFD alike, đ → d), and the shard of a term,
 * which js/search.js computes the same way.
 */
#include <check.h>
#include <string.h>

#include "buf.h"
#include "search.h"
#include "testutil.h"
#include "tu_skel.h"

Suite *search_suite(void);

static void
folds_to(const char *in, const char *want)
{
	struct buf b = {0};

	search_fold(&b, in, strlen(in));
	ck_assert_str_eq(buf_cstr(&b), want);
	buf_release(&b);
}

START_TEST(test_search_fold)
{
	folds_to("Ngân sách", "ngan sach");
	folds_to("Đồng", "dong");
	folds_to("đường ĐI", "duong di");
	folds_to("Lộc Sơn", "loc son");
	folds_to("Thanh tra 2020", "thanh tra 2020");
	folds_to("", "");
	/* NFD: base letters and combining marks, as a Mac may type them */
	folds_to("Nga\xcc\x82n sa\xcc\x81"
	         "ch",
	    "ngan sach");
	folds_to("Lo\xcc\xa3\xcc\x82"
	         "c So\xcc\x9b"
	         "n",
	    "loc son");
	folds_to("Quy\xe1\xba\xbft to\xc3\xa1n", "quyet toan");
	/* not UTF-8: the ASCII kept */
	folds_to("Ab\xff"
	         "c",
	    "abc");
}
END_TEST

START_TEST(test_search_shard)
{
	/* FNV-1a 32: "a" is 0xe40c292c; js/search.js's shardOf agrees */
	ck_assert_uint_eq(search_shard("a", 1, 0xFFFFFFFFu),
	    0xe40c292cu % 0xFFFFFFFFu);
	ck_assert_uint_eq(search_shard("ngan", 4, 1), 0);
	ck_assert_uint_lt(search_shard("ngan", 4, 8), 8);
}
END_TEST

Suite *
search_suite(void)
{
	Suite *s = suite_create("search");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_search_fold);
	tcase_add_test(tc, test_search_shard);
	suite_add_tcase(s, tc);
	return s;
}
