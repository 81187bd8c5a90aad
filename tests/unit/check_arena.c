/*
 * arena: every allocation aligned for any type, small and big requests
 * (bigger than a block), reset reuses the first block, the string
 * helpers, the used counter, and the process-wide x* helpers.
 */
#include <check.h>
#include <signal.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "testutil.h"

/* The same test as arena.c's: poisoning is checked under ASan only. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#endif

Suite *arena_suite(void);

#define MAXALIGN _Alignof(max_align_t)

START_TEST(test_arena_alignment)
{
	struct arena *a = arena_new();
	size_t n;

	/* Odd sizes between requests must not break alignment. */
	for (n = 0; n < 300; n++) {
		char *p = arena_alloc(a, n);

		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq((uintptr_t)p % MAXALIGN, 0);
		memset(p, 0xA5, n);
	}
	/* Across many blocks (256 KiB each) too. */
	for (n = 0; n < 5000; n++) {
		void *p = arena_alloc(a, 1 + n % 251);

		ck_assert_uint_eq((uintptr_t)p % MAXALIGN, 0);
	}
	/* Strings (8-byte aligned) between them do not either. */
	for (n = 0; n < 5000; n++) {
		char *s = arena_printf(a, "%.*s", (int)(n % 37),
		    "abcdefghij"
		    "abcdefghijabcdefghijabcdefghij");
		void *p = arena_alloc(a, 1 + n % 61);

		ck_assert_uint_eq((uintptr_t)s % 8, 0);
		ck_assert_uint_eq((uintptr_t)p % MAXALIGN, 0);
		ck_assert_uint_eq((uintptr_t)arena_strndup(a, "xyz", n % 4) % 8,
		    0);
	}
	arena_free(a);
}
END_TEST

START_TEST(test_arena_distinct)
{
	struct arena *a = arena_new();
	unsigned char *p[64];
	size_t i, j;

	/* Allocations never overlap: fill each with its own byte. */
	for (i = 0; i < 64; i++) {
		p[i] = arena_alloc(a, 1000 + i * 37);
		memset(p[i], (int)i, 1000 + i * 37);
	}
	for (i = 0; i < 64; i++)
		for (j = 0; j < 1000 + i * 37; j++)
			ck_assert_uint_eq(p[i][j], i);
	arena_free(a);
}
END_TEST

START_TEST(test_arena_big)
{
	struct arena *a = arena_new();
	size_t big = 3u * 1024 * 1024 + 5;
	unsigned char *small1, *b, *small2;
	size_t i;

	small1 = arena_alloc(a, 16);
	memset(small1, 1, 16);
	b = arena_alloc(a, big);
	ck_assert_uint_eq((uintptr_t)b % MAXALIGN, 0);
	memset(b, 2, big);
	/* The big block goes behind the head: small requests go on in it. */
	small2 = arena_alloc(a, 16);
	memset(small2, 3, 16);
	ck_assert_ptr_eq(small2, small1 + 16);
	for (i = 0; i < big; i += 4093)
		ck_assert_uint_eq(b[i], 2);
	ck_assert_uint_eq(b[big - 1], 2);
	ck_assert_uint_eq(small1[15], 1);
	/* Over a quarter block but room in the head: it goes there. */
	b = arena_alloc(a, 64 * 1024 + 1);
	ck_assert_ptr_eq(b, small2 + 16);
	memset(b, 4, 64 * 1024 + 1);
	ck_assert_ptr_eq(arena_alloc(a, 1),
	    b + ((64 * 1024 + 1 + MAXALIGN - 1) / MAXALIGN) * MAXALIGN);
	arena_free(a);
}
END_TEST

START_TEST(test_arena_big_first)
{
	struct arena *a = arena_new();
	unsigned char *b;

	/* Big requests right after a reset (head reused) work too. */
	arena_reset(a);
	b = arena_alloc(a, 1024 * 1024);
	memset(b, 7, 1024 * 1024);
	ck_assert_uint_eq(b[1024 * 1024 - 1], 7);
	ck_assert_uint_eq(arena_used(a), 1024 * 1024);
	arena_free(a);
}
END_TEST

START_TEST(test_arena_reset)
{
	struct arena *a = arena_new();
	void *first, *again;
	size_t i;

	first = arena_alloc(a, 100);
	for (i = 0; i < 2000; i++)	/* several more blocks */
		arena_alloc(a, 1000);
	arena_alloc(a, 2 * 1024 * 1024);
	ck_assert_uint_gt(arena_used(a), 2u * 1024 * 1024);
	arena_reset(a);
	ck_assert_uint_eq(arena_used(a), 0);
	/* The oldest block is kept and handed out from its start. */
	again = arena_alloc(a, 100);
	ck_assert_ptr_eq(again, first);
	/* And it can be reset and refilled many times (no leak: ASan). */
	for (i = 0; i < 50; i++) {
		arena_reset(a);
		ck_assert_ptr_eq(arena_alloc(a, 8), first);
		arena_alloc(a, 200 * 1024);	/* fits: no big block */
	}
	arena_free(a);
}
END_TEST

START_TEST(test_arena_reset_keeps_first)
{
	struct arena *a = arena_new();
	void *first;

	/*
	 * arena.h: reset "keeps the first block for reuse".  A big request
	 * made while the first block is the head is chained behind it, so
	 * it is last in the chain: reset must still keep the first block.
	 */
	first = arena_alloc(a, 8);
	arena_reset(a);
	memset(arena_alloc(a, 300 * 1024), 1, 300 * 1024);
	arena_reset(a);
	ck_assert_ptr_eq(arena_alloc(a, 8), first);
	arena_free(a);
}
END_TEST

START_TEST(test_arena_strings)
{
	struct arena *a = arena_new();
	char *s;

	s = arena_strndup(a, "hello world", 5);
	ck_assert_str_eq(s, "hello");
	ck_assert_uint_eq((uintptr_t)s % 8, 0);
	s = arena_strndup(a, NULL, 0);
	ck_assert_str_eq(s, "");
	s = arena_strndup(a, "a\0b", 3);
	ck_assert_int_eq(memcmp(s, "a\0b\0", 4), 0);
	s = arena_strdup(a, "Hội nghị");
	ck_assert_str_eq(s, "Hội nghị");
	s = arena_printf(a, "%s-%d-%05.1f-%zu", "x", -42, 3.14159, (size_t)7);
	ck_assert_str_eq(s, "x--42-003.1-7");
	s = arena_printf(a, "%s", "");
	ck_assert_str_eq(s, "");
	s = arena_cat(a, "https://x.invalid/", "tin-tuc/");
	ck_assert_str_eq(s, "https://x.invalid/tin-tuc/");
	ck_assert_str_eq(arena_cat(a, "", ""), "");
	{
		/* Longer than any stack buffer a lazy version might use. */
		char big[5000];

		memset(big, 'q', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		s = arena_printf(a, "<%s>", big);
		ck_assert_uint_eq(strlen(s), 5001);
		ck_assert_int_eq(s[0], '<');
		ck_assert_int_eq(s[5000], '>');
	}
	{
		/* Strings formatted into the head block's rest: those that
		 * no longer fit there, and one larger than a block, are
		 * formatted again where they do; none overwrites another. */
		static char huge[300 * 1024];
		char *v[1000];
		size_t i;

		memset(huge, 'h', sizeof huge - 1);
		for (i = 0; i < 1000; i++)
			v[i] = arena_printf(a, "%04zu%.*s", i, (int)(i % 997),
			    huge);
		s = arena_printf(a, "[%s]", huge);
		ck_assert_uint_eq(strlen(s), sizeof huge + 1);
		for (i = 0; i < 1000; i++) {
			ck_assert_uint_eq(strlen(v[i]), 4 + i % 997);
			ck_assert_int_eq(atoi(v[i]), (int)i);
			ck_assert_uint_eq((uintptr_t)v[i] % 8, 0);
		}
	}
	arena_free(a);
}
END_TEST

START_TEST(test_arena_intern)
{
	struct arena *a = arena_new(), *c = arena_new();
	char big[ARENA_INTERN_MAX + 2];
	const char *x, *y;
	size_t i;

	x = arena_intern(a, "title: x", 5);
	ck_assert_str_eq(x, "title");
	ck_assert_ptr_eq(arena_intern(a, "title", 5), x);
	ck_assert_ptr_eq(arena_intern(a, "", 0), arena_intern(a, "", 0));
	ck_assert_ptr_ne(arena_intern(a, "titles", 6), x);
	ck_assert_ptr_ne(arena_intern(a, "titl", 4), x);
	/* Another arena has its own. */
	ck_assert_ptr_ne(arena_intern(c, "title", 5), x);
	/* Long strings and ones holding a NUL are plain copies. */
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	y = arena_intern(a, big, sizeof big - 1);
	ck_assert_ptr_ne(arena_intern(a, big, sizeof big - 1), y);
	ck_assert_str_eq(y, big);
	y = arena_intern(a, "a\0b", 3);
	ck_assert_int_eq(memcmp(y, "a\0b\0", 4), 0);
	/* Past the table's first size, every string still found. */
	for (i = 0; i < 2000; i++) {
		char k[16];

		snprintf(k, sizeof k, "k%zu", i);
		y = arena_intern(a, k, strlen(k));
		ck_assert_str_eq(y, k);
	}
	for (i = 0; i < 2000; i += 97) {
		char k[16];

		snprintf(k, sizeof k, "k%zu", i);
		ck_assert_ptr_eq(arena_intern(a, k, strlen(k)),
		    arena_intern(a, k, strlen(k)));
	}
	ck_assert_ptr_eq(arena_intern(a, "title", 5), x);
	/* Adopted, the child's strings stay readable. */
	y = arena_intern(c, "status", 6);
	arena_adopt(a, c);
	ck_assert_str_eq(y, "status");
	/* Reset forgets them. */
	arena_reset(a);
	ck_assert_str_eq(arena_intern(a, "title", 5), "title");
	arena_free(a);
}
END_TEST

START_TEST(test_arena_used)
{
	struct arena *a = arena_new();

	ck_assert_uint_eq(arena_used(a), 0);
	arena_alloc(a, 0);
	ck_assert_uint_eq(arena_used(a), 0);
	arena_alloc(a, 1);
	ck_assert_uint_eq(arena_used(a), MAXALIGN);
	arena_alloc(a, MAXALIGN);
	ck_assert_uint_eq(arena_used(a), 2 * MAXALIGN);
	arena_alloc(a, MAXALIGN + 1);
	ck_assert_uint_eq(arena_used(a), 4 * MAXALIGN);
	arena_strdup(a, "abc"); /* 4 bytes → 8, a string's unit */
	ck_assert_uint_eq(arena_used(a), 4 * MAXALIGN + 8);
	arena_strdup(a, "abc"); /* right after it */
	ck_assert_uint_eq(arena_used(a), 4 * MAXALIGN + 16);
	arena_strdup(a, "abc");
	/* Then the padding to the next full alignment counts too. */
	ck_assert_uint_eq((uintptr_t)arena_alloc(a, 1) % MAXALIGN, 0);
	ck_assert_uint_eq(arena_used(a), 7 * MAXALIGN);
	arena_alloc(a, 100000);	/* a big one counts too */
	ck_assert_uint_eq(arena_used(a), 7 * MAXALIGN + 100000);
	arena_free(a);
}
END_TEST

START_TEST(test_arena_calloc)
{
	struct arena *a = arena_new();
	size_t i;
	int *v;

	/* Dirty the block, reset, then calloc must still give zeros. */
	memset(arena_alloc(a, 4096), 0xFF, 4096);
	arena_reset(a);
	v = arena_calloc(a, 1024, sizeof *v);
	for (i = 0; i < 1024; i++)
		ck_assert_int_eq(v[i], 0);
	ck_assert_ptr_nonnull(arena_calloc(a, 0, 8));
	arena_free(a);
	arena_free(NULL);	/* a may be NULL */
}
END_TEST

START_TEST(test_arena_calloc_overflow)
{
	struct arena *a = arena_new();

	/* n * sz overflows: out of memory, which aborts. */
	arena_calloc(a, SIZE_MAX / 2, 4);
	arena_free(a);
}
END_TEST

START_TEST(test_arena_x_helpers)
{
	char *s = xstrdup("chuỗi");
	int *v = xcalloc(16, sizeof *v);
	size_t i;

	ck_assert_str_eq(s, "chuỗi");
	for (i = 0; i < 16; i++)
		ck_assert_int_eq(v[i], 0);
	v = xreallocarray(v, 1000, sizeof *v);
	v[999] = 5;
	ck_assert_int_eq(v[0], 0);	/* kept */
	ck_assert_int_eq(v[999], 5);
	free(v);
	free(s);
	free(xmalloc(0));
}
END_TEST

START_TEST(test_arena_xreallocarray_overflow)
{
	xreallocarray(NULL, SIZE_MAX / 2, 3);
}
END_TEST

#ifdef ARENA_ASAN
/* True when ASan would report an access to p (nothing is accessed). */
static int
poisoned(const void *p)
{
	return __asan_address_is_poisoned(p);
}

START_TEST(test_arena_poison)
{
	struct arena *a = arena_new();
	unsigned char *p, *q, *big;
	size_t n;

	/*
	 * Every size up to a few alignment units: the n bytes handed out
	 * are usable, the byte after them (padding, or the block's unused
	 * tail) is not, so an overrun inside a block is an ASan report.
	 */
	for (n = 1; n <= 4 * MAXALIGN + 1; n++) {
		p = arena_alloc(a, n);
		ck_assert_msg(!poisoned(p) && !poisoned(p + n - 1),
		    "n=%zu: allocation poisoned", n);
		ck_assert_msg(poisoned(p + n), "n=%zu: byte after it usable",
		    n);
		if (n % MAXALIGN != 0)	/* the padding up to the next one */
			ck_assert(poisoned(p + (n + MAXALIGN - 1) / MAXALIGN *
			    MAXALIGN - 1));
	}
	/* n = 0 hands out nothing. */
	p = arena_alloc(a, 0);
	ck_assert(poisoned(p));
	/* A string's terminator is its own; the byte after it is not. */
	p = (unsigned char *)arena_strdup(a, "abc");
	ck_assert(!poisoned(p + 3) && poisoned(p + 4));
	/* A big request (a block of its own) ends at its n bytes too. */
	big = arena_alloc(a, 300 * 1024 + 3);
	ck_assert(!poisoned(big + 300 * 1024 + 2));
	ck_assert(poisoned(big + 300 * 1024 + 3));
	/* Reset poisons what was handed out from the kept block. */
	arena_reset(a);
	q = arena_alloc(a, 8);
	ck_assert(!poisoned(q + 7) && poisoned(q + 8));
	ck_assert(poisoned(q + 64));
	arena_free(a);
}
END_TEST
#endif

Suite *
arena_suite(void)
{
	Suite *s = suite_create("arena");
	TCase *tc;

	tc = tcase_create("alloc");
	tcase_add_test(tc, test_arena_alignment);
	tcase_add_test(tc, test_arena_intern);
	tcase_add_test(tc, test_arena_distinct);
	tcase_add_test(tc, test_arena_big);
	tcase_add_test(tc, test_arena_big_first);
	tcase_add_test(tc, test_arena_calloc);
	suite_add_tcase(s, tc);

	tc = tcase_create("reset");
	tcase_add_test(tc, test_arena_reset);
	tcase_add_test(tc, test_arena_reset_keeps_first);
	suite_add_tcase(s, tc);

	tc = tcase_create("strings");
	tcase_add_test(tc, test_arena_strings);
	suite_add_tcase(s, tc);

	tc = tcase_create("used");
	tcase_add_test(tc, test_arena_used);
	suite_add_tcase(s, tc);

#ifdef ARENA_ASAN
	tc = tcase_create("poison");
	tcase_add_test(tc, test_arena_poison);
	suite_add_tcase(s, tc);
#endif

	tc = tcase_create("oom");
	tcase_add_test(tc, test_arena_x_helpers);
	/* Aborting tests need a forked runner (not CK_FORK=no: gdb, valgrind). */
	if (forking())
		tcase_add_test_raise_signal(tc, test_arena_calloc_overflow,
		    SIGABRT);
	if (forking())
		tcase_add_test_raise_signal(tc, test_arena_xreallocarray_overflow,
		    SIGABRT);
	suite_add_tcase(s, tc);
	return s;
}
