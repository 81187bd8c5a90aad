/*
 * Unit tests for hash.c: 64-bit FNV-1a against the published test
 * vectors (so a wrong offset basis or prime fails here), and hashing in
 * pieces equal to hashing the whole; hash_words() telling apart every
 * one-bit change of a text at every length and offset, and the tail.
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

/* Every single-bit change of a text, at each length up to 40 (so every
 * tail length and the eight-byte steps), gives another hash; the same
 * bytes at another address give the same. */
START_TEST(test_hash_words_bits)
{
	unsigned char t[40], u[48];
	size_t n, i;
	int bit;

	for (i = 0; i < sizeof t; i++)
		t[i] = (unsigned char)(i * 37 + 11);
	ck_assert_uint_eq(hash_words(NULL, 0), hash_words(t, 0));
	for (n = 0; n <= sizeof t; n++) {
		uint64_t h = hash_words(t, n);

		memcpy(u + 3, t, n);
		ck_assert_uint_eq(hash_words(u + 3, n), h);
		if (n > 0)
			ck_assert_uint_ne(hash_words(t, n - 1), h);
		for (i = 0; i < n; i++)
			for (bit = 0; bit < 8; bit++) {
				t[i] ^= (unsigned char)(1u << bit);
				ck_assert_uint_ne(hash_words(t, n), h);
				t[i] ^= (unsigned char)(1u << bit);
			}
	}
	/* A zero byte more is another text, not a longer tail of zeros. */
	memset(u, 0, sizeof u);
	ck_assert_uint_ne(hash_words(u, 3), hash_words(u, 4));
	ck_assert_uint_ne(hash_words(u, 8), hash_words(u, 16));
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
	tc = tcase_create("words");
	tcase_add_test(tc, test_hash_words_bits);
	suite_add_tcase(s, tc);
	return s;
}
