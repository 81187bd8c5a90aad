/*
 * Unit tests for utf8.c: validation (every class of ill-formed sequence,
 * with the line and code-point column of the first bad byte), counting,
 * decoding one code point (strict and loose, on every class of bad
 * input), Vietnamese slugs from NFC and NFD input, slug checks and the
 * edit distance behind "did you mean".
 */
#include <check.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "utf8.h"

Suite *utf8_suite(void);

/* Asserts that s[0..n) is invalid at line:col for reason why. */
static void
invalid(const char *s, size_t n, unsigned line, unsigned col,
    const char *why)
{
	unsigned l = 0, c = 0;
	const char *w = NULL;

	ck_assert_msg(!utf8_validate(s, n, &l, &c, &w), "accepted");
	ck_assert_uint_eq(l, line);
	ck_assert_uint_eq(c, col);
	ck_assert_str_eq(w, why);
}

#define INVALID(lit, line, col, why) \
	invalid(lit, sizeof lit - 1, line, col, why)

START_TEST(test_utf8_validate_good)
{
	static const char *const good[] = {
		"", "ascii", "Hội nghị Cán bộ", "Đà Lạt\nBảo Lộc\r\n",
		"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xEF\xBF\xBF",
		"\xED\x9F\xBF", "\xEE\x80\x80", "\xF0\x90\x80\x80",
		"\xF4\x8F\xBF\xBF", "😀 emoji", "\xEF\xBB\xBFx",
	};
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(utf8_validate(good[i], strlen(good[i]), NULL,
		    NULL, NULL), "rejected #%zu", i);
}
END_TEST

START_TEST(test_utf8_validate_bad)
{
	INVALID("\x80", 1, 1, "unexpected continuation byte");
	INVALID("ab\xBF", 1, 3, "unexpected continuation byte");
	INVALID("\xC0\xAF", 1, 1, "overlong encoding");
	INVALID("\xC1\xBF", 1, 1, "overlong encoding");
	INVALID("\xE0\x80\xAF", 1, 1, "overlong encoding");
	INVALID("\xE0\x9F\xBF", 1, 1, "overlong encoding");
	INVALID("\xF0\x80\x80\xAF", 1, 1, "overlong encoding");
	INVALID("\xF0\x8F\xBF\xBF", 1, 1, "overlong encoding");
	INVALID("\xED\xA0\x80", 1, 1, "UTF-16 surrogate");
	INVALID("\xED\xBF\xBF", 1, 1, "UTF-16 surrogate");
	INVALID("\xF4\x90\x80\x80", 1, 1, "code point beyond U+10FFFF");
	INVALID("\xF5\x80\x80\x80", 1, 1, "code point beyond U+10FFFF");
	INVALID("\xF8\x88\x80\x80\x80", 1, 1,
	    "byte that never occurs in UTF-8");
	INVALID("\xFF", 1, 1, "byte that never occurs in UTF-8");
	INVALID("x\xE1\xBA", 1, 2, "truncated sequence");
	INVALID("x\xE1", 1, 2, "truncated sequence");
	INVALID("\xE1\x41\x80", 1, 1, "truncated sequence");
	INVALID("\xF0\x90\x80", 1, 1, "truncated sequence");
	INVALID("\xF0\x90\x80z", 1, 1, "truncated sequence");
	INVALID("a\0b", 1, 2, "NUL byte");
	/* Columns count code points: "đà" is 2 columns, 4 bytes. */
	INVALID("dòng 1\nđà\xFF", 2, 3, "byte that never occurs in UTF-8");
	INVALID("a\r\nb\r\n\xC3", 3, 1, "truncated sequence");
}
END_TEST

START_TEST(test_utf8_count)
{
	ck_assert_uint_eq(utf8_count("", 0), 0);
	ck_assert_uint_eq(utf8_count("abc", 3), 3);
	ck_assert_uint_eq(utf8_count("Đà Lạt", strlen("Đà Lạt")), 6);
	/* NFD: "à" is a + U+0300, two code points. */
	ck_assert_uint_eq(utf8_count("a\xCC\x80", 3), 2);
	ck_assert_uint_eq(utf8_count("😀", 4), 1);
	/* Bad bytes: each lead-like byte counts, continuations do not. */
	ck_assert_uint_eq(utf8_count("\x80\xC3\xFF", 3), 2);
}
END_TEST

START_TEST(test_utf8_is_lead)
{
	ck_assert(utf8_is_lead('a'));
	ck_assert(utf8_is_lead('\n'));
	ck_assert(utf8_is_lead(0xC3));
	ck_assert(utf8_is_lead(0xE1));
	ck_assert(utf8_is_lead(0xFF));
	ck_assert(!utf8_is_lead(0x80));
	ck_assert(!utf8_is_lead(0xBF));
}
END_TEST

/* Asserts that s[0..n) decodes by mode to code point cp in len bytes. */
static void
decodes(const char *s, size_t n, enum utf8_decoding mode, uint32_t cp,
    size_t len)
{
	uint32_t got = 0x12345;
	size_t k = utf8_decode(s, n, &got, mode);

	ck_assert_msg(k == len && got == cp,
	    "mode %d: got U+%04X in %zu bytes, want U+%04X in %zu",
	    (int)mode, (unsigned)got, k, (unsigned)cp, len);
}

#define STRICT(lit, cp, len) \
	decodes(lit, sizeof lit - 1, UTF8_STRICT, cp, len)
#define LOOSE(lit, cp, len) \
	decodes(lit, sizeof lit - 1, UTF8_LOOSE, cp, len)
#define BOTH(lit, cp, len) do { STRICT(lit, cp, len); \
	LOOSE(lit, cp, len); } while (0)

START_TEST(test_utf8_decode_good)
{
	BOTH("A", 0x41, 1);
	BOTH("\0x", 0, 1);		/* NUL is a code point here */
	BOTH("\x7F", 0x7F, 1);
	BOTH("đ", 0x111, 2);
	BOTH("ạ", 0x1EA1, 3);
	BOTH("Ỹ!", 0x1EF8, 3);		/* only the first code point */
	BOTH("\xEF\xBF\xBD", UTF8_REPLACEMENT, 3);
	BOTH("😀", 0x1F600, 4);
	BOTH("\xF4\x8F\xBF\xBF", 0x10FFFF, 4);
	decodes("", 0, UTF8_STRICT, UTF8_REPLACEMENT, 0);
	decodes("", 0, UTF8_LOOSE, UTF8_REPLACEMENT, 0);
	/* n ends the sequence, not the string. */
	decodes("\xE1\xBA\xA1", 2, UTF8_STRICT, UTF8_REPLACEMENT, 1);
}
END_TEST

START_TEST(test_utf8_decode_bad)
{
	/* Replaced by both: the decoder goes on at the next byte. */
	BOTH("\x80", UTF8_REPLACEMENT, 1);	/* stray continuation */
	BOTH("\xBF" "a", UTF8_REPLACEMENT, 1);
	BOTH("\xC3", UTF8_REPLACEMENT, 1);	/* truncated */
	BOTH("\xE1\xBA", UTF8_REPLACEMENT, 1);
	BOTH("\xC3" "A", UTF8_REPLACEMENT, 1);	/* not a continuation */
	BOTH("\xF0\x9F\x98" "A", UTF8_REPLACEMENT, 1);
	/* Replaced only when strict; loose decodes what the bits say. */
	STRICT("\xC0\x80", UTF8_REPLACEMENT, 1);	/* overlong NUL */
	LOOSE("\xC0\x80", 0, 2);
	STRICT("\xC1\x81", UTF8_REPLACEMENT, 1);
	LOOSE("\xC1\x81", 0x41, 2);
	STRICT("\xE0\x80\xAF", UTF8_REPLACEMENT, 1);	/* overlong '/' */
	LOOSE("\xE0\x80\xAF", 0x2F, 3);
	STRICT("\xED\xA0\x80", UTF8_REPLACEMENT, 1);	/* surrogate */
	LOOSE("\xED\xA0\x80", 0xD800, 3);
	STRICT("\xF0\x80\x80\x80", UTF8_REPLACEMENT, 1);
	LOOSE("\xF0\x80\x80\x80", 0, 4);
	STRICT("\xF4\x90\x80\x80", UTF8_REPLACEMENT, 1);	/* > U+10FFFF */
	LOOSE("\xF4\x90\x80\x80", 0x110000, 4);
	STRICT("\xF5\x80\x80\x80", UTF8_REPLACEMENT, 1);
	LOOSE("\xF5\x80\x80\x80", 0x140000, 4);
	STRICT("\xFF\x80\x80\x80", UTF8_REPLACEMENT, 1);
	LOOSE("\xFF\x80\x80\x80", 0x1C0000, 4);	/* 0xFF & 0x07 */
}
END_TEST

START_TEST(test_utf8_slugify_vietnamese)
{
	static const char *const cases[][2] = {
		{"Hội nghị Cán bộ", "hoi-nghi-can-bo"},
		{"Đà Lạt", "da-lat"},
		{"KCN Lộc Sơn (Bảo Lộc)", "kcn-loc-son-bao-loc"},
		{"Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
		    "ban-quan-ly-cac-khu-cong-nghiep-tinh-lam-dong"},
		{"Quyết định số 12/QĐ-BQL", "quyet-dinh-so-12-qd-bql"},
		{"ĐỨC TRỌNG", "duc-trong"},
		{"Ðà (eth)", "da-eth"},
		{"Phú Hội, Đức Trọng", "phu-hoi-duc-trong"},
		{"Dự toán năm 2024", "du-toan-nam-2024"},
	};
	struct arena *a = arena_new();
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_str_eq(utf8_slugify(a, cases[i][0],
		    strlen(cases[i][0])), cases[i][1]);
	arena_free(a);
}
END_TEST

START_TEST(test_utf8_slugify_nfd)
{
	/* "Hội nghị Đà Lạt" decomposed: o + U+031B + U+0323, etc. */
	static const char nfd[] = "Ho\xCC\x9B\xCC\xA3i nghi\xCC\xA3 "
	    "\xC4\x90" "a\xCC\x80 La\xCC\xA3t";
	struct arena *a = arena_new();

	ck_assert_str_eq(utf8_slugify(a, nfd, strlen(nfd)),
	    "hoi-nghi-da-lat");
	ck_assert_str_eq(utf8_slugify(a, "Hội nghị Đà Lạt",
	    strlen("Hội nghị Đà Lạt")), "hoi-nghi-da-lat");
	arena_free(a);
}
END_TEST

START_TEST(test_utf8_slugify_punctuation)
{
	static const char *const cases[][2] = {
		{"../../etc", "etc"},
		{"  --Hello, World!--  ", "hello-world"},
		{"a__b..c", "a-b-c"},
		{"", ""},
		{"!!!", ""},
		{"— “” …", ""},
		{"ＫＣＮ ①", "kcn-1"},
		{"ﬁle", "file"},
		{"tab\tand\nnewline", "tab-and-newline"},
		{"already-a-slug", "already-a-slug"},
	};
	struct arena *a = arena_new();
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_str_eq(utf8_slugify(a, cases[i][0],
		    strlen(cases[i][0])), cases[i][1]);
	/* Not UTF-8: the ASCII survives, the rest separates. */
	ck_assert_str_eq(utf8_slugify(a, "ab\xFF" "cd", 5), "ab-cd");
	/* Only n bytes are read. */
	ck_assert_str_eq(utf8_slugify(a, "Lạt Đà", 5), "lat");
	arena_free(a);
}
END_TEST

START_TEST(test_utf8_is_slug)
{
	ck_assert(utf8_is_slug("hoi-nghi-can-bo"));
	ck_assert(utf8_is_slug("2024"));
	ck_assert(utf8_is_slug("a"));
	ck_assert(!utf8_is_slug(""));
	ck_assert(!utf8_is_slug(NULL));
	ck_assert(!utf8_is_slug("-a"));
	ck_assert(!utf8_is_slug("a-"));
	ck_assert(!utf8_is_slug("a--b"));
	ck_assert(!utf8_is_slug("A"));
	ck_assert(!utf8_is_slug("a_b"));
	ck_assert(!utf8_is_slug("a/b"));
	ck_assert(!utf8_is_slug(".."));
	ck_assert(!utf8_is_slug("đà"));
}
END_TEST

START_TEST(test_utf8_distance)
{
	ck_assert_uint_eq(utf8_distance("title", "title"), 0);
	ck_assert_uint_eq(utf8_distance("tittle", "title"), 1);
	ck_assert_uint_eq(utf8_distance("titel", "title"), 2);
	ck_assert_uint_eq(utf8_distance("kitten", "sitting"), 3);
	ck_assert_uint_eq(utf8_distance("", "abc"), 3);
	ck_assert_uint_eq(utf8_distance("abc", ""), 3);
	ck_assert_uint_eq(utf8_distance("", ""), 0);
	ck_assert_uint_eq(utf8_distance("date", "data"), 1);
}
END_TEST

/* The one "did you mean" rule: a typo, not a different word. */
/* Words of a space-separated list: whole words only. */
START_TEST(test_utf8_has_word)
{
	ck_assert(utf8_has_word("du_toan quyet_toan", "du_toan"));
	ck_assert(utf8_has_word("du_toan quyet_toan", "quyet_toan"));
	ck_assert(!utf8_has_word("du_toan quyet_toan", "toan"));
	ck_assert(!utf8_has_word("du_toan_nam", "du_toan"));
	ck_assert(!utf8_has_word("quy_1 quy_2", "quy"));
	ck_assert(!utf8_has_word(NULL, "nam"));
	ck_assert(!utf8_has_word("nam", ""));
}
END_TEST

START_TEST(test_utf8_nearest)
{
	static const char *const keys[] = {
		"title", "short_title", "per_page", "id", "description",
	};
	static const char *const kinds[] = {"defs", "kinds"};
	size_t n = sizeof keys / sizeof *keys;

	ck_assert_str_eq(utf8_nearest("tittle", keys, n), "title");
	ck_assert_str_eq(utf8_nearest("titel", keys, n), "title");
	ck_assert_str_eq(utf8_nearest("perpage", keys, n), "per_page");
	ck_assert_str_eq(utf8_nearest("title", keys, n), "title");
	ck_assert_str_eq(utf8_nearest("kind", kinds, 2), "kinds");
	/* Three edits in a key of nine or more are still a typo... */
	ck_assert_str_eq(utf8_nearest("dscriptonn", keys, n), "description");
	/* ...but not in a short one, nor as many edits as letters. */
	ck_assert_ptr_null(utf8_nearest("colour", keys, n));
	ck_assert_ptr_null(utf8_nearest("x", keys, n));
	ck_assert_ptr_null(utf8_nearest("ab", keys, n));
	ck_assert_ptr_null(utf8_nearest("", keys, n));
	ck_assert_ptr_null(utf8_nearest("title", keys, 0));
}
END_TEST

/*
 * The memo answers as utf8_nearest() does: asked once or many times,
 * for one names array with different lengths (the same address, other
 * names), for two arrays of other names, and past UTF8_MEMO_MAX keys.
 */
static const char *const memo_keys[] = {
    "tittle",
    "titel",
    "zone",
    "zones",
    "sector",
    "area_ha",
    "x",
    "",
    "perpage",
    "dscriptonn",
    "summay",
    "dat",
    "date",
    "colour",
};
static const char *const memo_a[] = {
    "title",
    "short_title",
    "per_page",
    "id",
    "description",
    "zones",
    "date",
    "summary",
};
static const char *const memo_b[] = {"zone", "sectors", "area", "data"};

static void
memo_agrees(struct utf8_memo *m, const char *key)
{
	size_t n;

	for (n = 0; n <= 8; n++)
		ck_assert_ptr_eq(utf8_nearest_memo(m, key, memo_a, n),
		    utf8_nearest(key, memo_a, n));
	for (n = 0; n <= 4; n++)
		ck_assert_ptr_eq(utf8_nearest_memo(m, key, memo_b, n),
		    utf8_nearest(key, memo_b, n));
}

START_TEST(test_utf8_nearest_memo)
{
	struct arena *a = arena_new();
	struct utf8_memo *m = utf8_memo_new(a), *m2;
	char key[32];
	size_t i, round;

	for (round = 0; round < 3; round++)
		for (i = 0; i < sizeof memo_keys / sizeof *memo_keys; i++)
			memo_agrees(m, memo_keys[i]);
	/* The key is the memo's own copy: the caller's may change.  A
	 * memo filled from one buffer, then asked with other text in it,
	 * would otherwise meet the old questions at every other slot. */
	m2 = utf8_memo_new(a);
	for (i = 0; i < UTF8_MEMO_MAX; i++) {
		snprintf(key, sizeof key, "q%zu", i);
		ck_assert_ptr_null(utf8_nearest_memo(m2, key, memo_a, 8));
	}
	for (i = 0; i < sizeof memo_keys / sizeof *memo_keys; i++) {
		snprintf(key, sizeof key, "%s", memo_keys[i]);
		ck_assert_ptr_eq(utf8_nearest_memo(m2, key, memo_a, 8),
		    utf8_nearest(memo_keys[i], memo_a, 8));
	}
	/* Full: computed, not kept, still right. */
	for (i = 0; i < 2 * UTF8_MEMO_MAX; i++) {
		snprintf(key, sizeof key, "zone%zu", i % 97);
		ck_assert_ptr_eq(utf8_nearest_memo(m, key, memo_b, 4),
		    utf8_nearest(key, memo_b, 4));
		snprintf(key, sizeof key, "k%zu", i);
		ck_assert_ptr_eq(utf8_nearest_memo(m, key, memo_a, 8),
		    utf8_nearest(key, memo_a, 8));
	}
	for (i = 0; i < sizeof memo_keys / sizeof *memo_keys; i++)
		memo_agrees(m, memo_keys[i]);
	arena_free(a);
}
END_TEST

static void *
memo_thread(void *arg)
{
	size_t i, round;

	for (round = 0; round < 50; round++)
		for (i = 0; i < sizeof memo_keys / sizeof *memo_keys; i++)
			memo_agrees(arg,
			    memo_keys[(i + round) %
			        (sizeof memo_keys / sizeof *memo_keys)]);
	return NULL;
}

/* Several threads on one memo (make tsan runs this one too). */
START_TEST(test_utf8_nearest_memo_threads)
{
	struct arena *a = arena_new();
	struct utf8_memo *m = utf8_memo_new(a);
	pthread_t t[4];
	size_t i;

	for (i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&t[i], NULL, memo_thread, m),
		    0);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	arena_free(a);
}
END_TEST

/* Issue 11: C0 (not TAB, LF, CR), DEL and C1 are refused, located. */
START_TEST(test_utf8_find_control)
{
	unsigned line = 0, col = 0;
	uint32_t cp = 0;

	ck_assert(utf8_find_control("a\tb\r\nđ ạ\n", 11, &line, &col, &cp));
	ck_assert(!utf8_find_control("ab\nTin\vm", 8, &line, &col, &cp));
	ck_assert_uint_eq(cp, 0x0B);
	ck_assert_uint_eq(line, 2);
	ck_assert_uint_eq(col, 4);
	ck_assert(!utf8_find_control("đ\x7f", 3, &line, &col, &cp));
	ck_assert_uint_eq(cp, 0x7F);
	ck_assert_uint_eq(col, 2);
	ck_assert(!utf8_find_control("ạ\xc2\x85", 5, &line, &col, &cp));
	ck_assert_uint_eq(cp, 0x85);
	ck_assert_uint_eq(line, 1);
	ck_assert_uint_eq(col, 2);
	/* U+00A0 (C2 A0) is no control. */
	ck_assert(utf8_find_control("a\xc2\xa0"
	                            "b",
	    4, &line, &col, &cp));
	ck_assert(!utf8_find_control("\x01", 1, &line, &col, &cp));
	ck_assert_uint_eq(cp, 1);
}
END_TEST

/* NFC text gives NULL; NFD is composed, located at its first letter. */
START_TEST(test_utf8_nfc)
{
	const char *nfd = "Tin\nm\xc6\xa1\xcc\x81i"; /* mơ + U+0301 + i */
	size_t n = 0;
	unsigned line = 0, col = 0;
	char *r;

	ck_assert_ptr_null(utf8_nfc("abc", 3, &n, &line, &col));
	ck_assert_ptr_null(utf8_nfc("mới", strlen("mới"), &n, &line, &col));
	r = utf8_nfc(nfd, strlen(nfd), &n, &line, &col);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r, "Tin\nmới");
	ck_assert_uint_eq(n, strlen("Tin\nmới"));
	ck_assert_uint_eq(line, 2);
	ck_assert_uint_eq(col, 2);
	free(r);
	/* The quick ranges: "– ₫ ạ" is NFC; ạ + U+0302 composes to ậ;
	 * U+2000 (a singleton) becomes U+2002. */
	ck_assert_ptr_null(utf8_nfc("– ₫ ạ", strlen("– ₫ ạ"), &n, &line, &col));
	r = utf8_nfc("xạ\xcc\x82", strlen("xạ\xcc\x82"), &n, &line, &col);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r, "xậ");
	ck_assert_uint_eq(col, 2);
	free(r);
	r = utf8_nfc("a\xe2\x80\x80", 4, &n, &line, &col);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r, "a\xe2\x80\x82");
	free(r);
}
END_TEST

/*
 * Text around the places where the quick pass must stop or go on:
 * bytes it refuses, the last ones it takes, sequences cut short.
 * "\0" is the NUL byte itself (piece_len()).
 */
static const char *const piece[] = {
    "",
    "a",
    "\t",
    "\n",
    "\r\n",
    "\x01",
    "\x0b",
    "\x1f",
    "\x7f",
    "\x80",
    "\xbf",
    "\xff",
    "\xc0\xaf",
    "\xc1\xbf",
    "\xc2",
    "\xc2\x85",
    "\xc2\x9f",
    "\xc2\xa0",
    "\xc3",
    "\xc3\x80",
    "\xc3\x90",
    "\xc3\xb0",
    "Ð",
    "ð",
    "\xc3\x91",
    "\xc3\xb1",
    "\xc3\x41",
    "ă",
    "đ",
    "ơ",
    "ư",
    "\xcb\xbf",
    "\xcc\x80",
    "\xcc\x81",
    "e\xcc\x81",
    "\xcd\xaf",
    "\xdf\xbf",
    "\xe0\xa0\x80",
    "\xe0\x80\x80",
    "\xe1",
    "\xe1\xba",
    "\xe1\xba\xa1",
    "ạ",
    "ỹ",
    "\xe1\xb7\xbf",
    "\xe1\xb8\x80",
    "\xe1\xbb\xbf",
    "\xe1\xbc\x80",
    "\xe1\xba\x41",
    "\xe2\x80\x80",
    "\xe2\x80\x81",
    "\xe2\x80\x82",
    "–",
    "“",
    "”",
    "…",
    "₫",
    "€",
    "\xe2\x83\x8f",
    "\xe2\x83\x90",
    "\xe2\x84\x80",
    "\xe2\x80",
    "\xe3\x80\x80",
    "\xe4\xb8\xad",
    "\xed\xa0\x80",
    "\xef\xbb\xbf",
    "\xf0\x9f\x98\x80",
    "\xf0\x9f",
    "\xf4\x90\x80\x80",
    "\xf5\x80\x80\x80",
    "\0",
    "ạ\xcc\x82",
    "\xc3\x90\xc3\xb0",
};

static size_t
piece_len(size_t p)
{
	return p > 0 && piece[p][0] == '\0' ? 1 : strlen(piece[p]);
}

/*
 * What utf8_quick_check() must say, the slow way: true when the three
 * checks pass and every code point is in the quick ranges, with *eth
 * when one is Ð or ð.
 */
static bool
quick_ref(const char *s, size_t n, bool *eth)
{
	unsigned line, col;
	const char *why;
	uint32_t cp;
	size_t i = 0, on;
	char *r;

	*eth = false;
	if (!utf8_validate(s, n, &line, &col, &why) ||
	    !utf8_find_control(s, n, &line, &col, &cp))
		return false;
	if ((r = utf8_nfc(s, n, &on, &line, &col)) != NULL) {
		free(r);
		return false;
	}
	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp, UTF8_STRICT);
		if (cp == 0xD0 || cp == 0xF0)
			*eth = true;
		if (!((cp >= 0x20 && cp < 0x7F) || cp == '\t' || cp == '\n' ||
		        cp == '\r' || (cp >= 0xA0 && cp <= 0x2FF) ||
		        (cp >= 0x1E00 && cp <= 0x1EFF) ||
		        (cp >= 0x2002 && cp <= 0x20CF)))
			return false;
	}
	return true;
}

/* Asserts that the quick check of s[0..n) agrees with quick_ref(). */
static void
quick_agrees(const char *s, size_t n)
{
	bool want_eth, eth = true, want = quick_ref(s, n, &want_eth);
	bool got = utf8_quick_check(s, n, &eth);

	ck_assert_msg(got == want, "quick %d, slow %d: \"%.*s\" (%zu bytes)",
	    got, want, (int)n, s, n);
	if (want)
		ck_assert_msg(eth == want_eth, "eth %d: \"%.*s\"", eth, (int)n,
		    s);
}

/*
 * Each piece after 0-40 bytes of ASCII, of Vietnamese or mixed, with
 * 0-20 bytes after it or none (the piece ends the text, or is cut short
 * there): every offset in a 16-byte block, the first and the last.
 */
START_TEST(test_utf8_quick_check)
{
	static const char *const fill[] = {"a", "ạ", "ă b", "\n"};
	char text[256];
	size_t p, f, before, after, n, len, cut;

	for (p = 0; p < sizeof piece / sizeof piece[0]; p++) {
		len = piece_len(p);
		for (f = 0; f < sizeof fill / sizeof fill[0]; f++)
			for (before = 0; before <= 40; before++)
				for (after = 0; after <= 20; after++) {
					size_t k;

					n = 0;
					for (k = 0; n < before; k++)
						text[n++] = fill[f][k %
						    strlen(fill[f])];
					memcpy(text + n, piece[p], len);
					n += len;
					for (k = 0; k < after; k++)
						text[n++] = 'z';
					quick_agrees(text, n);
				}
		/* The piece cut short at the end, after ASCII. */
		for (cut = 0; cut < len; cut++) {
			memset(text, 'x', 30);
			memcpy(text + 30, piece[p], cut);
			quick_agrees(text, 30 + cut);
			quick_agrees(text + 30, cut);
		}
	}
}
END_TEST

/*
 * The three checks start with the quick pass and go on byte by byte
 * where it stops: whatever text is before a piece, they must say of it
 * what they say of the piece alone, its place moved by that text; and
 * utf8_nfc() must give what utf8proc gives.
 */
static void
prefix_agrees(const char *pre, size_t np, const char *s, size_t n)
{
	char text[2048];
	unsigned nl = 0, tail = 0, l0 = 0, c0 = 0, l = 0, c = 0;
	const char *w0 = NULL, *w = NULL;
	uint32_t cp0 = 0, cp = 0;
	utf8proc_uint8_t *ref = NULL;
	utf8proc_ssize_t m;
	size_t i, on = 0;
	bool ok0, ok;
	char *r;

	for (i = 0; i < np; i++)
		if (pre[i] == '\n') {
			nl++;
			tail = 0;
		} else if (utf8_is_lead((unsigned char)pre[i])) {
			tail++;
		}
	memcpy(text, pre, np);
	memcpy(text + np, s, n);
	ok0 = utf8_validate(s, n, &l0, &c0, &w0);
	ok = utf8_validate(text, np + n, &l, &c, &w);
	ck_assert_msg(ok == ok0, "validate: \"%.*s\"", (int)(np + n), text);
	if (!ok) {
		ck_assert_uint_eq(l, l0 + nl);
		ck_assert_uint_eq(c, l0 == 1 ? c0 + tail : c0);
		ck_assert_str_eq(w, w0);
		return;
	}
	ok0 = utf8_find_control(s, n, &l0, &c0, &cp0);
	ok = utf8_find_control(text, np + n, &l, &c, &cp);
	ck_assert_msg(ok == ok0, "control: \"%.*s\"", (int)(np + n), text);
	if (!ok) {
		ck_assert_uint_eq(l, l0 + nl);
		ck_assert_uint_eq(c, l0 == 1 ? c0 + tail : c0);
		ck_assert_uint_eq(cp, cp0);
		return;
	}
	r = utf8_nfc(text, np + n, &on, &l, &c);
	m = utf8proc_map((const utf8proc_uint8_t *)text,
	    (utf8proc_ssize_t)(np + n), &ref,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	ck_assert_int_ge(m, 0);
	if ((size_t)m == np + n && memcmp(ref, text, np + n) == 0) {
		ck_assert_msg(r == NULL, "nfc: \"%.*s\"", (int)(np + n), text);
	} else {
		ck_assert_msg(r != NULL, "not nfc: \"%.*s\"", (int)(np + n),
		    text);
		ck_assert_uint_eq(on, (size_t)m);
		ck_assert_mem_eq(r, ref, on);
	}
	free(r);
	free(ref);
}

START_TEST(test_utf8_checks_after_prefix)
{
	static const char *const fill[] = {"a", "ạ", "ă b", "x\n", "Đ\nạ"};
	char pre[64], s[64];
	size_t p, f, before, after, np, len, k;

	for (p = 0; p < sizeof piece / sizeof piece[0]; p++) {
		len = piece_len(p);
		for (f = 0; f < sizeof fill / sizeof fill[0]; f++)
			for (before = 0; before <= 40; before++)
				for (after = 0; after <= 20; after += 4) {
					const char *fl = fill[f];

					for (np = 0, k = 0; np < before; k++)
						pre[np++] = fl[k % strlen(fl)];
					/* Whole letters only: "ạ" cut is bad. */
					while (np > 0 &&
					    !utf8_is_lead((unsigned char)
					            fl[k % strlen(fl)]))
						pre[np++] =
						    fl[k++ % strlen(fl)];
					memcpy(s, piece[p], len);
					memset(s + len, 'z', after);
					prefix_agrees(pre, np, s, len + after);
				}
	}
}
END_TEST

/*
 * Texts of every length up to 300 in buffers of exactly that size: the
 * quick pass reads no byte outside them (make asan sees it), and the
 * blocks it starts with and ends on (17 bytes: both at once) agree.
 */
START_TEST(test_utf8_quick_check_bounds)
{
	static const char *const fill[] = {"a", "ạ", "\xcc\x81", "\x01", "Ð",
	    "ă\n"};
	size_t f, n, i;

	for (f = 0; f < sizeof fill / sizeof fill[0]; f++)
		for (n = 0; n < 300; n++) {
			char *p = malloc(n ? n : 1);

			for (i = 0; i < n; i++)
				p[i] = fill[f][i % strlen(fill[f])];
			quick_agrees(p, n);
			free(p);
		}
}
END_TEST

/*
 * Long texts: each piece anywhere in 1 KB of Vietnamese, past the first
 * blocks and across the places where the quick pass looks back.
 */
START_TEST(test_utf8_quick_check_long)
{
	static const char line[] = "Hội nghị\n ạ";
	char text[1100], copy[1100];
	size_t n = 0, at, p, len;
	bool eth = true;

	while (n + sizeof line < 1024) {
		memcpy(text + n, line, sizeof line - 1);
		n += sizeof line - 1;
	}
	ck_assert(utf8_quick_check(text, n, &eth));
	ck_assert(!eth);
	quick_agrees(text, n);
	for (p = 0; p < sizeof piece / sizeof piece[0]; p++) {
		len = piece_len(p);
		for (at = 0; at + len <= n; at++) {
			/* Over any byte: a letter cut short is bad too. */
			memcpy(copy, text, n);
			memcpy(copy + at, piece[p], len);
			quick_agrees(copy, n);
			if (utf8_is_lead((unsigned char)text[at]))
				prefix_agrees(text, at, copy + at, n - at);
		}
	}
}
END_TEST

Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc;

	tc = tcase_create("validate");
	tcase_add_test(tc, test_utf8_validate_good);
	tcase_add_test(tc, test_utf8_validate_bad);
	tcase_add_test(tc, test_utf8_count);
	tcase_add_test(tc, test_utf8_find_control);
	tcase_add_test(tc, test_utf8_nfc);
	tcase_add_test(tc, test_utf8_quick_check);
	tcase_add_test(tc, test_utf8_quick_check_long);
	tcase_add_test(tc, test_utf8_quick_check_bounds);
	tcase_add_test(tc, test_utf8_checks_after_prefix);
	suite_add_tcase(s, tc);
	tc = tcase_create("decode");
	tcase_add_test(tc, test_utf8_is_lead);
	tcase_add_test(tc, test_utf8_decode_good);
	tcase_add_test(tc, test_utf8_decode_bad);
	suite_add_tcase(s, tc);
	tc = tcase_create("slug");
	tcase_add_test(tc, test_utf8_slugify_vietnamese);
	tcase_add_test(tc, test_utf8_slugify_nfd);
	tcase_add_test(tc, test_utf8_slugify_punctuation);
	tcase_add_test(tc, test_utf8_is_slug);
	suite_add_tcase(s, tc);
	tc = tcase_create("distance");
	tcase_add_test(tc, test_utf8_distance);
	tcase_add_test(tc, test_utf8_nearest);
	tcase_add_test(tc, test_utf8_nearest_memo);
	tcase_add_test(tc, test_utf8_nearest_memo_threads);
	tcase_add_test(tc, test_utf8_has_word);
	suite_add_tcase(s, tc);
	return s;
}
