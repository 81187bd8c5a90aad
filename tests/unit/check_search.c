/*
 * Unit tests for search.c: the folding that makes "ngan sach" find
 * "ngân sách" (NFC and NFD alike, đ → d), and the shard of a term,
 * which js/search.js computes the same way.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "content.h"
#include "diag.h"
#include "search.h"
#include "search_terms.h"
#include "site.h"
#include "utf8.h"
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

/*
 * What search_cut_text() must count: the text with what Markdown drops
 * blanked (HTML tags, links' targets), folded whole by search_fold(),
 * split at the bytes that are not term bytes; pieces of one byte but a
 * digit, or of more than 40, no terms; a body's count seven at most.
 */
struct ref {
	char *s[512];
	size_t len[512], count[512], n;
};

static void
ref_cut(struct ref *r, const char *s, size_t n, bool md)
{
	struct buf t = {0}, f = {0};
	size_t i, j, k, start;

	buf_add(&t, s, n);
	for (i = 0; md && i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		/* as the tokenizer sees them: only outside words */
		if (c >= 0x80 || ascii_isalnum(c))
			continue;
		start = i;
		if (c == '<' && i + 1 < n &&
		    (ascii_isalpha(s[i + 1]) || s[i + 1] == '/' ||
		        s[i + 1] == '!'))
			while (i + 1 < n && s[i] != '>')
				i++;
		else if (c == ']' && i + 1 < n && s[i + 1] == '(')
			while (i + 1 < n && s[i] != ')')
				i++;
		memset(t.data + start, ' ', i + 1 - start);
	}
	search_fold(&f, t.data ? t.data : "", t.len);
	memset(r, 0, sizeof *r);
	for (i = 0; i <= f.len; i = j + 1) {
		for (j = i; j < f.len; j++) {
			unsigned char c = (unsigned char)f.data[j];

			if (!((c >= 'a' && c <= 'z') || ascii_isdigit(c) ||
			        c >= 0x80))
				break;
		}
		if (j == i || j - i > 40 ||
		    (j - i == 1 && !ascii_isdigit(f.data[i])))
			continue;
		for (k = 0; k < r->n; k++)
			if (r->len[k] == j - i &&
			    memcmp(r->s[k], f.data + i, j - i) == 0)
				break;
		if (k == r->n) {
			ck_assert_uint_lt(r->n, 512);
			r->s[k] = strndup(f.data + i, j - i);
			r->len[k] = j - i;
			r->n++;
		}
		r->count[k]++;
	}
	buf_release(&t);
	buf_release(&f);
}

/*
 * Cuts s[0..n) into a new index and compares it with ref_cut(); a body
 * (md) also as the search thread cuts it, its terms kept (c.touch: the
 * path without a branch at a term's first occurrence), after an other
 * body whose terms are let go as read_body() does: each term once in
 * the list, with the same weight.
 */
static void
cuts_as_ref(const char *s, size_t n, bool md)
{
	struct index x, y;
	struct cut c = body_cut, d = body_cut;
	struct ref r;
	size_t i, k, j;
	char *copy = malloc(n ? n : 1);
	static const char other[] = "Ngân sách nhà nước năm 2024, "
	                            "công khai <b>ngân sách</b>.";

	/* exactly n bytes: a read past them is an error under ASan */
	memcpy(copy, s, n);
	memset(&x, 0, sizeof x);
	memset(&y, 0, sizeof y);
	c.x = &x;
	search_terms_init();
	search_cut_text(&c, copy, n, md);
	ref_cut(&r, s, n, md);
	ck_assert_uint_eq(x.nterms, r.n);
	d.x = &y;
	d.captouch = 1; /* grown as it goes */
	d.touch = malloc(d.captouch * sizeof *d.touch);
	if (md) {
		search_cut_text(&d, other, strlen(other), true);
		for (k = 0; k < d.ntouch; k++)
			y.terms[d.touch[k]].last = NO_DOC;
		d.doc = 1;
		d.ntouch = 0;
		search_cut_text(&d, copy, n, true);
	}
	for (k = 0; k < r.n; k++) {
		for (i = 0; i < x.nterms; i++)
			if (x.terms[i].len == r.len[k] &&
			    memcmp(x.terms[i].s, r.s[k], r.len[k]) == 0)
				break;
		ck_assert_msg(i < x.nterms, "term %s missing", r.s[k]);
		ck_assert_uint_eq(x.terms[i].w & 15,
		    r.count[k] < 7 ? r.count[k] : 7);
		for (j = 0; md && j < d.ntouch; j++)
			if (y.terms[d.touch[j]].len == r.len[k] &&
			    memcmp(y.terms[d.touch[j]].s, r.s[k], r.len[k]) ==
			        0)
				break;
		ck_assert_msg(!md || j < d.ntouch, "term %s not kept", r.s[k]);
		if (md) {
			ck_assert_uint_eq(y.terms[d.touch[j]].last, 1);
			ck_assert_uint_eq(y.terms[d.touch[j]].w & 15,
			    r.count[k] < 7 ? r.count[k] : 7);
		}
		free(r.s[k]);
	}
	/* no term twice */
	ck_assert_uint_eq(md ? d.ntouch : r.n, r.n);
	free(d.touch);
	search_index_release(&x);
	search_index_release(&y);
	free(copy);
}

START_TEST(test_search_cut)
{
	static const char *const piece[] = {
		"a", "B", "z", "0", "9", " ", "  ", ".", ",", "-", "<", ">",
		"]", "(", ")", "[", "!", "/", "<b>", "</p>", "](http://x.vn/a)",
		"<!-- c -->", "\xc4\x90", "\xc4\x91", "\xe1\xbb\x87",
		"\xc3\xa1", "\xcc\x81", "\xe2\x80\x93", "\xff", "\xe1\xbb",
		"ngan", "NG\xc3\x82N", "s\xc3\xa1" "ch", "Vi\xe1\xbb\x87t",
		"abcdefghijklmno", "abcdefghijklmnop", "0123456789abcdefg",
		"\n", "\t", "_", "*", "#",
	};
	struct buf b = {0};
	uint32_t seed = 14;
	size_t t, k, m;

	cuts_as_ref("", 0, true);
	cuts_as_ref("Ng\xc3\xa2n s\xc3\xa1" "ch", 12, false);
	for (t = 0; t < 3000; t++) {
		buf_reset(&b);
		seed = seed * 1103515245u + 12345u;
		m = (seed >> 16) % 90;
		for (k = 0; k < m; k++) {
			seed = seed * 1103515245u + 12345u;
			buf_adds(&b, piece[(seed >> 16) %
			    (sizeof piece / sizeof *piece)]);
		}
		cuts_as_ref(b.data ? b.data : "", b.len, t % 2 == 0);
	}
	buf_release(&b);
}
END_TEST

/* search_plain_markdown() as it was first written: the reference. */
static void
plain_ref(struct buf *b, const char *s, size_t n, size_t max)
{
	static const char drop[] = "#*_>|`~[]!{}\\=\t\n\r\f\v";
	size_t i;

	for (i = 0; i < n && b->len < max; i++) {
		char c = s[i];

		if (c == '<' && i + 1 < n &&
		    (ascii_isalpha(s[i + 1]) || s[i + 1] == '/' ||
		        s[i + 1] == '!')) {
			while (i < n && s[i] != '>')
				i++;
			c = ' ';
		} else if (c == ']' && i + 1 < n && s[i + 1] == '(') {
			while (i < n && s[i] != ')')
				i++;
			c = ' ';
		} else if (c != '\0' && strchr(drop, c) != NULL) {
			c = ' ';
		}
		if (c == ' ' && (b->len == 0 || b->data[b->len - 1] == ' '))
			continue;
		buf_addc(b, c);
	}
}

START_TEST(test_search_plain)
{
	static const char *const piece[] = {
		"a", "B", " ", "  ", "#", "*", "_", ">", "<", "<b>", "</p>",
		"<!--", "<1", "]", "](", "](x)", "[", "!", "`", "\n", "\t",
		"\\", "=", "{", "}", "|", "~", "\r\n", "Vi\xe1\xbb\x87t", ")",
	};
	uint32_t seed = 7;
	size_t t, k, m, max;

	for (t = 0; t < 3000; t++) {
		struct buf in = {0}, got = {0}, want = {0};

		seed = seed * 1103515245u + 12345u;
		m = (seed >> 16) % 60;
		max = (seed >> 8) % 2 ? 1000 : (seed >> 4) % 40;
		if (t % 3 == 0) { /* what a summary left before the words */
			buf_adds(&got, "x ");
			buf_adds(&want, "x ");
		}
		for (k = 0; k < m; k++) {
			seed = seed * 1103515245u + 12345u;
			buf_adds(&in, piece[(seed >> 16) %
			    (sizeof piece / sizeof *piece)]);
		}
		search_plain_markdown(&got, in.data ? in.data : "", in.len,
		    max);
		plain_ref(&want, in.data ? in.data : "", in.len, max);
		ck_assert_uint_eq(got.len, want.len);
		ck_assert_mem_eq(buf_cstr(&got), buf_cstr(&want), want.len);
		ck_assert_int_eq(got.data[got.len], '\0');
		buf_release(&in);
		buf_release(&got);
		buf_release(&want);
	}
}
END_TEST

/*
 * The bodies' terms are read by a thread that may run while the render
 * forks, so it records nothing: a body it cannot read (changed since
 * the load) is read again by search_join(), which says why, once.
 */
START_TEST(test_search_unread_reported_at_join)
{
	static const struct tu_file files[] = {
	    {"content/site.yaml",
	        "title: T\ncollections:\n"
	        "  news: {kind: news}\n"},
	    {"content/news/a.md", "---\ntitle: A\n---\nMột hai ba.\n"},
	    {"content/news/b.md", "---\ntitle: B\n---\nBốn năm.\n"},
	    {NULL, NULL},
	};
	struct tu_site t;
	struct site *s;
	size_t errors;

	tu_site_load(&t, files);
	ck_assert_ptr_nonnull(t.s);
	s = content_load(t.a, t.d, t.src, CONTENT_REREAD);
	ck_assert_ptr_nonnull(s);
	errors = diags_errors(t.d);
	/* same length, other bytes */
	tu_put(t.dir, "content/news/b.md", "---\ntitle: B\n---\nBốn sáu.\n");
	search_begin(s, false);
	ck_assert_uint_eq(diags_errors(t.d), errors);
	ck_assert(!search_threaded(s));
	search_join(s);
	ck_assert_uint_eq(diags_errors(t.d), errors + 1);
	tu_assert_diag(t.d, "content/news/b.md:4:1: ");
	tu_assert_diag(t.d, "[source.changed]");
	search_join(s); /* said once */
	ck_assert_uint_eq(diags_errors(t.d), errors + 1);
	search_end(s);
	tu_site_close(&t);
}
END_TEST

Suite *
search_suite(void)
{
	Suite *s = suite_create("search");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_search_fold);
	tcase_add_test(tc, test_search_shard);
	tcase_add_test(tc, test_search_cut);
	tcase_add_test(tc, test_search_plain);
	tcase_add_test(tc, test_search_unread_reported_at_join);
	suite_add_tcase(s, tc);
	return s;
}
