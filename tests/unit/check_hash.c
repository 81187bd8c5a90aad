/*
 * Unit tests for hash.c: 64-bit FNV-1a against the published test
 * vectors (so a wrong offset basis or prime fails here), and hashing in
 * pieces equal to hashing the whole.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "hash.h"

Suite *hash_suite(void);

static uint64_t
fnv(const char *s)
{
	return hash_fnv1a(HASH_FNV1A_INIT, s, strlen(s));
}

START_TEST(test_hash_vectors)
{
	ck_assert_uint_eq(HASH_FNV1A_INIT, 0xcbf29ce484222325ULL);
	ck_assert_uint_eq(fnv(""), 0xcbf29ce484222325ULL);
	ck_assert_uint_eq(fnv("a"), 0xaf63dc4c8601ec8cULL);
	ck_assert_uint_eq(fnv("foobar"), 0x85944171f73967e8ULL);
	ck_assert_uint_eq(hash_fnv1a(HASH_FNV1A_INIT, NULL, 0),
	    0xcbf29ce484222325ULL);
}
END_TEST

START_TEST(test_hash_pieces)
{
	uint64_t h = HASH_FNV1A_INIT;
	unsigned char bytes[] = {0x00, 0xFF, 0x80};

	h = hash_fnv1a(h, "foo", 3);
	h = hash_fnv1a(h, "bar", 3);
	ck_assert_uint_eq(h, 0x85944171f73967e8ULL);
	/* Bytes above 0x7F are folded in unsigned. */
	h = hash_fnv1a(HASH_FNV1A_INIT, bytes, sizeof bytes);
	ck_assert_uint_eq(h, 0xd6c4781869e88da0ULL);
	ck_assert_uint_ne(h, fnv(""));
	ck_assert_uint_ne(fnv("ab"), fnv("ba"));
}
END_TEST

Suite *
hash_suite(void)
{
	Suite *s = suite_create("hash");
	TCase *tc = tcase_create("fnv1a");

	tcase_add_test(tc, test_hash_vectors);
	tcase_add_test(tc, test_hash_pieces);
	suite_add_tcase(s, tc);
	return s;
}
