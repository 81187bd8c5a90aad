/*
 * Unit tests for the Markdown stage: GFM extensions, safe mode against
 * a list of script-injection attempts (checked by a strict scanner of
 * the tags and attributes in the output), heading ids, the table of
 * contents, the first paragraph, concurrent rendering and inputs that
 * are pathological for a Markdown parser.
 */
#include <check.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "markdown.h"
#include "testutil.h"
#include "utf8.h"
#include "value.h"

/* Each test gets a fresh arena and diagnostics list. */
struct fixture {
	struct arena *a;
	struct diags *d;
	struct markdown_result r;
};

static struct fixture f;

static void
setup(void)
{
	markdown_init();
	f.a = arena_new();
	f.d = diags_new(f.a);
	memset(&f.r, 0, sizeof f.r);
}

static void
teardown(void)
{
	arena_free(f.a);
	f.a = NULL;
	f.d = NULL;
}

/* Renders s (NUL-terminated) into f.r and returns the HTML. */
static const char *
md(const char *s)
{
	struct pos body = {"content/tin-tuc/a.md", 5, 1};

	ck_assert_int_eq(markdown_render(f.a, f.d, body, s, strlen(s), &f.r),
	    0);
	ck_assert_ptr_nonnull(f.r.html);
	ck_assert_uint_eq(strlen(f.r.html), f.r.len);
	ck_assert_uint_eq(diags_errors(f.d), 0);
	return f.r.html;
}

#define ck_assert_has(h, s)                                             \
	ck_assert_msg(strstr((h), (s)) != NULL, "missing %s in:\n%s", (s), (h))
#define ck_assert_lacks(h, s)                                           \
	ck_assert_msg(strstr((h), (s)) == NULL, "unexpected %s in:\n%s", (s), \
	    (h))

/*
 * A strict reading of cmark's output.  Safe mode escapes every '<' of
 * text, so each '<' opens a tag, a closing tag or cmark's comment.  The
 * scanner accepts only the tags and attributes that cmark-gfm emits for
 * Markdown and only http(s)/mailto/relative links and data:image
 * sources.  Returns NULL when html passes, else why (static text).
 */
static const char *const tags[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong",
	"del", "code", "pre", "blockquote", "ul", "ol", "li", "table", "thead",
	"tbody", "tr", "th", "td", "input", "br", "hr", "sup", "section",
};
static const char *const attrs[] = {
	"id", "class", "href", "src", "alt", "title", "align", "type",
	"checked", "disabled", "start", "data-footnotes", "data-footnote-ref",
	"data-footnote-backref", "aria-label",
};

static bool
in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	return false;
}

static bool
name_char(char c)
{
	return ascii_isalnum((unsigned char)c) || c == '-';
}

/* Decodes the entities cmark writes in attributes, drops tab/LF/CR. */
static void
decode_attr(const char *s, size_t n, char *out, size_t cap)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 1 < cap; i++) {
		unsigned long c = (unsigned char)s[i];

		if (s[i] == '&') {
			const char *semi = memchr(s + i, ';', n - i);

			if (semi == NULL)
				c = '&';
			else if (s[i + 1] == '#' && (s[i + 2] == 'x' ||
			    s[i + 2] == 'X'))
				c = strtoul(s + i + 3, NULL, 16);
			else if (s[i + 1] == '#')
				c = strtoul(s + i + 2, NULL, 10);
			else if (strncmp(s + i, "&amp;", 5) == 0)
				c = '&';
			else if (strncmp(s + i, "&quot;", 6) == 0)
				c = '"';
			else
				c = '?';
			if (semi != NULL)
				i = (size_t)(semi - s);
		}
		if (c == '\t' || c == '\n' || c == '\r')
			continue;	/* browsers drop these from URLs */
		out[o++] = (char)(c < 128 ? ascii_tolower((int)c) : '?');
	}
	out[o] = '\0';
}

static const char *
check_url(const char *v, size_t n, bool img)
{
	char u[256];
	const char *p, *colon;

	decode_attr(v, n, u, sizeof u);
	for (p = u; *p != '\0' && (unsigned char)*p <= ' '; p++)
		;
	colon = strchr(p, ':');
	if (colon == NULL || !ascii_isalpha((unsigned char)*p))
		return NULL;		/* relative */
	for (v = p; v < colon; v++)
		if (!ascii_isalnum((unsigned char)*v) && *v != '+' &&
		    *v != '-' && *v != '.')
			return NULL;	/* no scheme: relative */
	if (strncmp(p, "http:", 5) == 0 || strncmp(p, "https:", 6) == 0 ||
	    strncmp(p, "mailto:", 7) == 0)
		return NULL;
	if (img && (strncmp(p, "data:image/png", 14) == 0 ||
	    strncmp(p, "data:image/gif", 14) == 0 ||
	    strncmp(p, "data:image/jpeg", 15) == 0 ||
	    strncmp(p, "data:image/webp", 15) == 0))
		return NULL;
	return "dangerous URL scheme";
}

static const char *
html_unsafe(const char *h)
{
	const char *p = h, *q, *why;
	static const char omitted[] = "<!-- raw HTML omitted -->";

	while ((p = strchr(p, '<')) != NULL) {
		bool img, closing;

		if (strncmp(p, "<!--", 4) == 0) {
			if (strncmp(p, omitted, sizeof omitted - 1) != 0)
				return "comment other than cmark's";
			p += sizeof omitted - 1;
			continue;
		}
		closing = p[1] == '/';
		q = p + 1 + closing;
		for (p = q; name_char(*p); p++)
			;
		if (!in_list(tags, sizeof tags / sizeof *tags, q,
		    (size_t)(p - q)))
			return "tag not allowed";
		img = strncmp(q, "img", 3) == 0;
		for (;;) {
			const char *an, *v = NULL;
			size_t alen, vlen = 0;

			while (*p == ' ')
				p++;
			if (*p == '>' || (p[0] == '/' && p[1] == '>'))
				break;
			if (closing)
				return "attribute on a closing tag";
			for (an = p; name_char(*p); p++)
				;
			alen = (size_t)(p - an);
			if (alen == 0)
				return "garbage in a tag";
			if (!in_list(attrs, sizeof attrs / sizeof *attrs, an,
			    alen))
				return "attribute not allowed";
			if (*p == '=') {
				if (p[1] != '"')
					return "unquoted attribute";
				v = p + 2;
				if ((p = strchr(v, '"')) == NULL)
					return "unterminated attribute";
				vlen = (size_t)(p - v);
				if (memchr(v, '<', vlen) != NULL)
					return "'<' in an attribute";
				p++;
			}
			if (alen == 4 && memcmp(an, "type", 4) == 0 &&
			    (vlen != 8 || memcmp(v, "checkbox", 8) != 0))
				return "input other than a checkbox";
			if (v != NULL && ((alen == 4 &&
			    memcmp(an, "href", 4) == 0) || (alen == 3 &&
			    memcmp(an, "src", 3) == 0)) &&
			    (why = check_url(v, vlen, img)) != NULL)
				return why;
		}
	}
	return NULL;
}

#define ck_assert_safe(h)                                               \
	do {                                                            \
		const char *why_ = html_unsafe(h);                      \
		ck_assert_msg(why_ == NULL, "%s in:\n%s", why_, (h));   \
	} while (0)

/* The scanner itself must catch what it is there to catch. */
START_TEST(test_markdown_scanner_rejects)
{
	ck_assert_ptr_null(html_unsafe("<p>a <a href=\"https://x.vn/\">b</a>"
	    "</p>\n<img src=\"data:image/png;base64,AA\" alt=\"\" />"));
	ck_assert_ptr_nonnull(html_unsafe("<script>x</script>"));
	ck_assert_ptr_nonnull(html_unsafe("<img src=\"x\" onerror=\"y\" />"));
	ck_assert_ptr_nonnull(html_unsafe("<a href=\"javascript:x\">a</a>"));
	ck_assert_ptr_nonnull(html_unsafe("<a href=\"JaVa&#x09;Script:x\">"));
	ck_assert_ptr_nonnull(html_unsafe("<a href=\"&#106;avascript:x\">"));
	ck_assert_ptr_nonnull(html_unsafe("<a href=\" vbscript:x\">"));
	ck_assert_ptr_nonnull(html_unsafe("<img src=\"data:text/html,x\">"));
	ck_assert_ptr_nonnull(html_unsafe("<a href=\"data:image/png,x\">"));
	ck_assert_ptr_nonnull(html_unsafe("<input type=\"text\" />"));
	ck_assert_ptr_nonnull(html_unsafe("<!-- x --><p>"));
}
END_TEST

START_TEST(test_markdown_table)
{
	const char *h = md("| Khu | Diện tích (ha) |\n|:--|--:|\n"
	    "| KCN Lộc Sơn | 185,74 |\n| KCN Phú Hội | 109 |\n");

	ck_assert_has(h, "<table>");
	ck_assert_has(h, "<th align=\"left\">Khu</th>");
	ck_assert_has(h, "<th align=\"right\">Diện tích (ha)</th>");
	ck_assert_has(h, "<td align=\"left\">KCN Lộc Sơn</td>");
	ck_assert_has(h, "<td align=\"right\">109</td>");
	ck_assert_safe(h);
}
END_TEST

START_TEST(test_markdown_strikethrough)
{
	const char *h = md("~~bãi bỏ~~ và ~khoảng~ 10~20 ha\n");

	ck_assert_has(h, "<del>bãi bỏ</del>");
	/* One tilde is text: figures use it (option DOUBLE_TILDE). */
	ck_assert_has(h, "~khoảng~ 10~20 ha");
	ck_assert_int_eq(strstr(strstr(h, "</del>") + 1, "<del>") == NULL, 1);
}
END_TEST

START_TEST(test_markdown_autolink)
{
	const char *h = md("Xem www.lamdong.gov.vn hoặc https://x.vn/a?b=1 "
	    "và thư banquanly@lamdong.gov.vn.\n");

	ck_assert_has(h, "<a href=\"http://www.lamdong.gov.vn\">"
	    "www.lamdong.gov.vn</a>");
	ck_assert_has(h, "<a href=\"https://x.vn/a?b=1\">"
	    "https://x.vn/a?b=1</a>");
	ck_assert_has(h, "<a href=\"mailto:banquanly@lamdong.gov.vn\">");
	ck_assert_safe(h);
}
END_TEST

START_TEST(test_markdown_tasklist)
{
	const char *h = md("- [ ] Lập hồ sơ\n- [x] Thẩm định\n");

	ck_assert_has(h, "<li><input type=\"checkbox\" disabled=\"\" /> "
	    "Lập hồ sơ</li>");
	ck_assert_has(h, "<li><input type=\"checkbox\" checked=\"\" "
	    "disabled=\"\" /> Thẩm định</li>");
	ck_assert_safe(h);
}
END_TEST

START_TEST(test_markdown_footnotes)
{
	const char *h = md("Theo Luật Đầu tư[^1].\n\n"
	    "[^1]: Luật số 61/2020/QH14.\n");

	ck_assert_has(h, "<sup class=\"footnote-ref\"><a href=\"#fn-1\" "
	    "id=\"fnref-1\" data-footnote-ref>1</a></sup>");
	ck_assert_has(h, "<section class=\"footnotes\" data-footnotes>");
	ck_assert_has(h, "<li id=\"fn-1\">\n<p>Luật số 61/2020/QH14.");
	ck_assert_safe(h);
	/* The definition is not the first paragraph. */
	ck_assert_str_eq(f.r.first_para, "Theo Luật Đầu tư.");
}
END_TEST

START_TEST(test_markdown_tagfilter)
{
	static const char *const bad[] = {"title", "textarea", "style", "xmp",
	    "iframe", "noembed", "noframes", "script", "plaintext"};
	size_t i;
	char src[256], tag[32];

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *h;

		snprintf(src, sizeof src, "<%s>\nkhối\n</%s>\n\ndòng <%s>x"
		    "</%s> y\n", bad[i], bad[i], bad[i], bad[i]);
		h = md(src);
		snprintf(tag, sizeof tag, "<%s", bad[i]);
		ck_assert_lacks(h, tag);
		ck_assert_safe(h);
	}
}
END_TEST

static const char *toc_str(size_t i, const char *key);

/* Every item of the brief's list, each also through the scanner. */
START_TEST(test_markdown_safe_raw_html)
{
	const char *h;

	h = md("<script>alert(1)</script>\n\nchữ <script>alert(2)</script>\n");
	ck_assert_lacks(h, "<script");
	ck_assert_lacks(h, "alert(1)");
	ck_assert_has(h, "<!-- raw HTML omitted -->");
	ck_assert_safe(h);
	h = md("<img src=x onerror=alert(1)>\n\nảnh <img src=x "
	    "onerror=alert(1)> <a href=\"javascript:x\">y</a>\n");
	ck_assert_lacks(h, "<img");
	ck_assert_lacks(h, "onerror");
	ck_assert_safe(h);
	h = md("<div onclick=\"x()\">\n\n*a*\n\n</div>\n");
	ck_assert_lacks(h, "<div");
	ck_assert_has(h, "<em>a</em>");
	ck_assert_safe(h);
}
END_TEST

START_TEST(test_markdown_safe_links)
{
	static const char *const srcs[] = {
		"[x](javascript:alert(1))",
		"[x](JAVASCRIPT:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](vbscript:msgbox(1))",
		"[x](file:///etc/passwd)",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
		"[x](&#106;avascript:alert(1))",
		"[x]( javascript:alert(1))",
		"[x](<javascript:alert(1)>)",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"[x](javascript&#58;alert(1))",
	};
	size_t i;

	for (i = 0; i < sizeof srcs / sizeof *srcs; i++) {
		const char *h = md(srcs[i]);

		ck_assert_msg(strstr(h, "<a href=\"\">x</a>") != NULL,
		    "%s gave %s", srcs[i], h);
		ck_assert_safe(h);
	}
	/* A tab inside the scheme is percent-encoded: a relative link. */
	ck_assert_has(md("[x](java&#x09;script:alert(1))"),
	    "href=\"java%09script:alert(1)\"");
	ck_assert_safe(f.r.html);
	ck_assert_has(md("[x](java\tscript:alert(1))"), "[x](java");
	ck_assert_safe(f.r.html);
	ck_assert_has(md("<javascript:alert(1)>"), "<a href=\"\">");
	ck_assert_safe(f.r.html);
	ck_assert_has(md("<JAVASCRIPT:alert(1)>"), "<a href=\"\">");
	ck_assert_has(md("![x](data:text/html;base64,PHNjcmlwdD4=)"),
	    "<img src=\"\" alt=\"x\" />");
	ck_assert_has(md("![x](data:image/png;base64,iVBORw0KGgo=)"),
	    "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"x\" />");
	ck_assert_safe(f.r.html);
	/* Titles and alt text are escaped, not parsed. */
	ck_assert_safe(md("[x](https://a.vn \"\\\" onmouseover=\\\"y\")"));
	ck_assert_has(f.r.html, "title=\"&quot; onmouseover=&quot;y\"");
	ck_assert_safe(md("![\" onerror=\"y](https://a.vn/i.png)"));
}
END_TEST

START_TEST(test_markdown_safe_footnotes_tables)
{
	const char *h;

	h = md("Chú thích[^<b>x</b>] và[^a\"b'].\n\n"
	    "[^<b>x</b>]: ghi chú <i onclick=\"y\">z</i>\n"
	    "[^a\"b']: <script>alert(1)</script>\n");
	ck_assert_lacks(h, "<b>");
	ck_assert_lacks(h, "<i ");
	ck_assert_lacks(h, "<script");
	ck_assert_has(h, "id=\"fn-%3Cb%3Ex%3C/b%3E\"");
	ck_assert_safe(h);
	h = md("| <b>a</b> | b |\n|---|---|\n"
	    "| <script>alert(1)</script> | <img src=x onerror=y> |\n"
	    "| [x](javascript:y) | `<td>` |\n");
	ck_assert_has(h, "<table>");
	ck_assert_lacks(h, "<script");
	ck_assert_lacks(h, "<b>");
	ck_assert_has(h, "<code>&lt;td&gt;</code>");
	ck_assert_safe(h);
}
END_TEST

START_TEST(test_markdown_invalid_utf8)
{
	static const char src[] = "# Ti\xff\xfe\xc3u \xe1\xba\n\nđo\xc0\x80n\n";
	unsigned line, col;
	const char *why;

	md(src);
	ck_assert(utf8_validate(f.r.html, f.r.len, &line, &col, &why));
	ck_assert(utf8_validate(f.r.first_para, strlen(f.r.first_para),
	    &line, &col, &why));
	ck_assert_has(f.r.html, "\xef\xbf\xbd");	/* U+FFFD */
	/* cmark-gfm itself cuts a U+FFFD here ("[^\xef]"): repaired. */
	md("[^\xff\n\xff]");
	ck_assert(utf8_validate(f.r.html, f.r.len, &line, &col, &why));
	ck_assert(utf8_validate(f.r.first_para, strlen(f.r.first_para),
	    &line, &col, &why));
	/* No stray byte survives (the load stage never lets one in). */
	ck_assert_ptr_null(strchr(f.r.first_para, '\xff'));
	ck_assert_ptr_null(strchr(f.r.html, '\xff'));
}
END_TEST

START_TEST(test_markdown_heading_ids)
{
	const char *h = md("# Kết quả thanh tra\n\n## Kết quả thanh tra\n\n"
	    "## Kết quả thanh tra\n\nĐặt vấn đề\n----------\n\n"
	    "### `<h2>` **Đấu** thầu & *giá*\n");

	ck_assert_has(h, "<h1 id=\"ket-qua-thanh-tra\">Kết quả thanh tra</h1>");
	ck_assert_has(h, "<h2 id=\"ket-qua-thanh-tra-1\">");
	ck_assert_has(h, "<h2 id=\"ket-qua-thanh-tra-2\">");
	ck_assert_has(h, "<h2 id=\"dat-van-de\">Đặt vấn đề</h2>");
	ck_assert_has(h, "<h3 id=\"h2-dau-thau-gia\"><code>&lt;h2&gt;</code> "
	    "<strong>Đấu</strong> thầu &amp; <em>giá</em></h3>");
	ck_assert_safe(h);
}
END_TEST

/*
 * The ids go into the headings' tags and nothing else moves: every byte
 * around them, other tags included (before the first heading, between
 * two, after the last), is cmark's, in its order.
 */
START_TEST(test_markdown_heading_ids_exact)
{
	const char *h = md("Mở *đầu* <b>x</b> `a<b`\n\n# Một\n\n"
	                   "- [liên kết](https://example.invalid/) **đậm**\n\n"
	                   "## Hai & <ba>\n### Bốn\n\n> trích\n\n---\n");

	ck_assert_str_eq(h,
	    "<p>Mở <em>đầu</em> <!-- raw HTML omitted -->x"
	    "<!-- raw HTML omitted --> <code>a&lt;b</code></p>\n"
	    "<h1 id=\"mot\">Một</h1>\n<ul>\n<li><a href=\"https://example"
	    ".invalid/\">liên kết</a> <strong>đậm</strong></li>\n</ul>\n"
	    "<h2 id=\"hai\">Hai &amp; <!-- raw HTML omitted --></h2>\n"
	    "<h3 id=\"bon\">Bốn</h3>\n<blockquote>\n<p>trích</p>\n"
	    "</blockquote>\n<hr />\n");
}
END_TEST

/*
 * Headings' ids are utf8_slugify() of their text, also where the
 * Markdown stage finds them by its own table (every Latin letter up to
 * U+024F and U+1E00..U+1EFF, beside ASCII, marks and other scripts).
 */
START_TEST(test_markdown_heading_ids_slugify)
{
	static const utf8proc_int32_t other[] = {
	    0x300,
	    0x323,
	    0x2044,
	    0x4E00,
	    0xFF21,
	    0xBD,
	    0x13F,
	};
	struct buf src = {0};
	size_t i, n = 0x250 - 0x80 + 0x100 + 7, k;
	const struct value *toc;

	for (i = 0; i < n; i++) {
		utf8proc_int32_t c = i < 0x1D0 ? (utf8proc_int32_t)i + 0x80 :
		    i < 0x2D0 ? (utf8proc_int32_t)(i - 0x1D0) + 0x1E00 :
		                other[i - 0x2D0];
		unsigned char u[4];

		k = (size_t)utf8proc_encode_char(c, u);
		buf_addf(&src, "## k%zu ", i);
		buf_add(&src, (const char *)u, k);
		buf_adds(&src, "Ả.x\n\n");
	}
	md(buf_cstr(&src));
	toc = f.r.toc;
	ck_assert_uint_eq(toc->n, n);
	for (i = 0; i < n; i++) {
		const char *t = value_map_str(toc->items[i], "text");

		ck_assert_str_eq(value_map_str(toc->items[i], "id"),
		    utf8_slugify(f.a, t, strlen(t)));
	}
	buf_release(&src);
}
END_TEST

START_TEST(test_markdown_heading_ids_edge)
{
	const char *h;

	/* No letters: "section"; raw HTML is not part of the text. */
	h = md("# \n\n## !!!\n\n## <b></b>\n\n### a\n\n### a\n\n### a-1\n");
	ck_assert_has(h, "<h1 id=\"section\"></h1>");
	ck_assert_has(h, "<h2 id=\"section-1\">!!!</h2>");
	ck_assert_has(h, "<h2 id=\"section-2\">");
	ck_assert_has(h, "<h3 id=\"a\">a</h3>");
	ck_assert_has(h, "<h3 id=\"a-1\">a</h3>");
	ck_assert_has(h, "<h3 id=\"a-1-1\">a-1</h3>");
	/* Headings in quotes, lists and footnotes, and NFD input. */
	h = md("> ## Trích dẫn\n\n- ### Mục\n\n"
	    "Câu[^n].\n\n[^n]: ## Ghi chú\n\n"
	    "## Ke\xcc\x82\xcc\x81t qua\xcc\x89\n");
	ck_assert_has(h, "<h2 id=\"trich-dan\">");
	ck_assert_has(h, "<h3 id=\"muc\">");
	ck_assert_has(h, "<h2 id=\"ghi-chu\">");
	ck_assert_has(h, "<h2 id=\"ket-qua\">");
	ck_assert_int_eq(strstr(h, "ket-qua") < strstr(h, "ghi-chu"), 1);
	/* Footnotes own fn-N and fnref-N: headings keep off them. */
	h = md("## Fn 1\n\n## Fnref 1\n\nCâu[^1].\n\n[^1]: Ghi chú.\n");
	ck_assert_has(h, "<h2 id=\"fn-1-1\">");
	ck_assert_has(h, "<h2 id=\"fnref-1-1\">");
	ck_assert_has(h, "<li id=\"fn-1\">");
	ck_assert_str_eq(toc_str(0, "id"), "fn-1-1");
	/* Code blocks mentioning headings do not shift the ids. */
	h = md("```html\n<h1>giả</h1>\n```\n\n    <h2>thụt</h2>\n\n"
	    "`<h3>` x\n\n# Thật\n");
	ck_assert_has(h, "<h1 id=\"that\">Thật</h1>");
	ck_assert_has(h, "&lt;h1&gt;giả");
}
END_TEST

/* Returns the i-th toc entry's key as a string. */
static const char *
toc_str(size_t i, const char *key)
{
	ck_assert_uint_gt(f.r.toc->n, i);
	return value_map_str(f.r.toc->items[i], key);
}

static int64_t
toc_level(size_t i)
{
	struct value *v = value_map_get(f.r.toc->items[i], "level");

	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(v->type, VALUE_INT);
	return v->u.i;
}

START_TEST(test_markdown_toc)
{
	md("# Báo cáo\n\nMở đầu.\n\n## Tình hình *thu* &amp; chi\n\n"
	    "### Chi `thường xuyên`\n\n## Kiến nghị\n\n#### Sâu\n\n"
	    "###### Rất sâu\n\nCâu[^1].\n\n[^1]: ## Trong chú thích\n");
	ck_assert_ptr_nonnull(f.r.toc);
	ck_assert_int_eq(f.r.toc->type, VALUE_LIST);
	ck_assert_uint_eq(f.r.toc->n, 5);
	ck_assert_int_eq(toc_level(0), 2);
	ck_assert_str_eq(toc_str(0, "id"), "tinh-hinh-thu-chi");
	ck_assert_str_eq(toc_str(0, "text"), "Tình hình thu & chi");
	ck_assert_int_eq(toc_level(1), 3);
	ck_assert_str_eq(toc_str(1, "id"), "chi-thuong-xuyen");
	ck_assert_str_eq(toc_str(1, "text"), "Chi thường xuyên");
	ck_assert_str_eq(toc_str(2, "id"), "kien-nghi");
	ck_assert_int_eq(toc_level(3), 4);
	ck_assert_int_eq(toc_level(4), 6);
	ck_assert_str_eq(toc_str(4, "text"), "Rất sâu");
	/* Entries point at the heading's line in the file (body at 5). */
	ck_assert_uint_eq(f.r.toc->items[0]->pos.line, 5 + 4);
	ck_assert_str_eq(f.r.toc->items[0]->pos.path, "content/tin-tuc/a.md");
}
END_TEST

START_TEST(test_markdown_first_para)
{
	md("# Tiêu đề\n\n<div>thô</div>\n\nNgày 15/01/2020, Ban Quản lý các "
	    "*khu công nghiệp*\ntỉnh `Lâm Đồng` tổ chức **hội nghị**.\n\n"
	    "Đoạn hai.\n");
	ck_assert_str_eq(f.r.first_para, "Ngày 15/01/2020, Ban Quản lý các "
	    "khu công nghiệp tỉnh Lâm Đồng tổ chức hội nghị.");
	md("- mục một\n- mục hai\n\nđoạn\n");
	ck_assert_str_eq(f.r.first_para, "mục một");
	md("<b></b>\n\nthật &amp; đúng\\\ndòng\n");
	ck_assert_str_eq(f.r.first_para, "thật & đúng dòng");
	md("# Chỉ có tiêu đề\n\n| a |\n|---|\n| b |\n");
	ck_assert_str_eq(f.r.first_para, "");
}
END_TEST

START_TEST(test_markdown_empty)
{
	struct pos body = {"x.md", 3, 1};

	ck_assert_int_eq(markdown_render(f.a, f.d, body, NULL, 0, &f.r), 0);
	ck_assert_str_eq(f.r.html, "");
	ck_assert_uint_eq(f.r.len, 0);
	ck_assert_ptr_nonnull(f.r.toc);
	ck_assert_int_eq(f.r.toc->type, VALUE_LIST);
	ck_assert_uint_eq(f.r.toc->n, 0);
	ck_assert_str_eq(f.r.first_para, "");
	md("\n   \n\t\n");
	ck_assert_str_eq(f.r.html, "");
	ck_assert_uint_eq(f.r.toc->n, 0);
}
END_TEST

/*
 * Concurrency: two threads render documents full of strikethrough and
 * autolinks (the constructs that depend on cmark's global table of
 * special characters) and compare with a single-threaded rendering.
 */
#define CONC_ROUNDS 60

struct worker {
	const char *src;
	const char *expect;
	int mismatches, failures;
};

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct markdown_result r;
	int i;

	for (i = 0; i < CONC_ROUNDS; i++) {
		if (markdown_render(a, d, pos_file("t.md"), w->src,
		    strlen(w->src), &r) != 0)
			w->failures++;
		else if (strcmp(r.html, w->expect) != 0)
			w->mismatches++;
		arena_reset(a);
		d = diags_new(a);
	}
	arena_free(a);
	return NULL;
}

START_TEST(test_markdown_concurrent)
{
	struct buf src[2] = {{0}, {0}};
	struct worker w[2];
	pthread_t t[2];
	int i, j;

	for (i = 0; i < 400; i++) {
		buf_addf(&src[0], "## Mục %d\n\nĐoạn ~~cũ~~ mới www.a%d.vn và "
		    "https://b.vn/%d x.\n\n", i, i, i);
		buf_addf(&src[1], "| a | ~~b~~ |\n|---|---|\n| www.c%d.vn | "
		    "~~d~~ |\n\n- [x] ~~e~~ f@g.vn\n\n", i);
	}
	for (j = 0; j < 2; j++) {
		w[j] = (struct worker){buf_cstr(&src[j]), NULL, 0, 0};
		w[j].expect = md(w[j].src);
		ck_assert_has(w[j].expect, "<del>");
	}
	for (j = 0; j < 2; j++)
		ck_assert_int_eq(pthread_create(&t[j], NULL, work, &w[j]), 0);
	for (j = 0; j < 2; j++)
		ck_assert_int_eq(pthread_join(t[j], NULL), 0);
	for (j = 0; j < 2; j++) {
		ck_assert_int_eq(w[j].failures, 0);
		ck_assert_int_eq(w[j].mismatches, 0);
	}
	buf_release(&src[0]);
	buf_release(&src[1]);
}
END_TEST

/* A header of cols columns, its delimiter row and rows - 1 short rows
 * (cmark pads each to cols cells), after two lines of text. */
static void
table_of(struct buf *b, const char *lead, size_t cols, size_t rows)
{
	size_t i;

	buf_reset(b);
	buf_adds(b, "Bảng:\n\n");
	buf_adds(b, lead);
	for (i = 0; i < cols; i++)
		buf_adds(b, "|a");
	buf_adds(b, "|\n");
	buf_adds(b, lead);
	for (i = 0; i < cols; i++)
		buf_adds(b, "|-");
	buf_adds(b, "|\n");
	for (i = 1; i < rows; i++) {
		buf_adds(b, lead);
		buf_adds(b, "x\n");
	}
}

/*
 * Table cells per page (MARKDOWN_MAX_TABLE_CELLS): counted from the
 * source before cmark pads the rows; over the limit, an error at the
 * table's first line, and no HTML.
 */
START_TEST(test_markdown_table_limit)
{
	struct pos body = {"content/tin-tuc/a.md", 5, 1};
	struct buf b = {0};
	struct diag_view *v;

	/* 500 × 200 = 100,000: at the limit, rendered. */
	table_of(&b, "", 500, 200);
	ck_assert_has(md(buf_cstr(&b)), "<table>");
	/* 500 × 201: refused, at the header (body line 3 = file line 7). */
	table_of(&b, "", 500, 201);
	ck_assert_int_eq(markdown_render(f.a, f.d, body, b.data, b.len,
	    &f.r), -1);
	ck_assert_str_eq(f.r.html, "");
	ck_assert_uint_eq(diags_view(f.d, f.a, &v), 1);
	ck_assert_str_eq(v[0].id, "markdown.table-too-large");
	ck_assert_uint_eq(v[0].pos.line, 7);
	ck_assert_uint_eq(v[0].pos.col, 1);
	ck_assert_has(v[0].text, "500");
	ck_assert_has(v[0].text, "201");
	ck_assert_has(v[0].text, "100500");
	/* In a block quote too, located at the header's first character. */
	f.d = diags_new(f.a);
	table_of(&b, "> ", 2000, 5000);
	ck_assert_int_eq(markdown_render(f.a, f.d, body, b.data, b.len,
	    &f.r), -1);
	ck_assert_uint_eq(diags_view(f.d, f.a, &v), 1);
	ck_assert_uint_eq(v[0].pos.line, 7);
	ck_assert_uint_eq(v[0].pos.col, 3);
	/* Two tables add up; a blank line ends each. */
	f.d = diags_new(f.a);
	table_of(&b, "", 400, 200);
	buf_adds(&b, "\n");
	buf_add(&b, b.data, b.len);
	ck_assert_int_eq(markdown_render(f.a, f.d, body, b.data, b.len,
	    &f.r), -1);
	ck_assert_uint_eq(diags_view(f.d, f.a, &v), 1);
	ck_assert_uint_eq(v[0].pos.line, 5 + 206);
	/* A heading underline or a rule is no table. */
	f.d = diags_new(f.a);
	buf_reset(&b);
	buf_adds(&b, "Tiêu đề\n---\n");
	while (b.len < 400000)
		buf_adds(&b, "dòng\n");
	ck_assert_has(md(buf_cstr(&b)), "<h2");
	buf_release(&b);
}
END_TEST

/* Inputs that are slow or deep for naive parsers: must stay fast. */
START_TEST(test_markdown_pathological)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < 10000; i++)
		buf_adds(&b, "> ");
	buf_adds(&b, "sâu\n");
	ck_assert_has(md(buf_cstr(&b)), "sâu");
	buf_reset(&b);
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "- ");
	buf_adds(&b, "x\n");
	ck_assert_has(md(buf_cstr(&b)), "<li>x</li>");
	buf_reset(&b);
	for (i = 0; i < 1 << 20; i++)
		buf_addc(&b, "ab *_[`"[i % 7]);
	ck_assert_uint_gt(strlen(md(buf_cstr(&b))), 1 << 19);
	buf_reset(&b);
	for (i = 0; i < 50000; i++)
		buf_adds(&b, "[a](");
	md(buf_cstr(&b));
	buf_reset(&b);
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "## Trùng\n");
	md(buf_cstr(&b));
	ck_assert_uint_eq(f.r.toc->n, 10000);
	ck_assert_str_eq(toc_str(9999, "id"), "trung-9999");
	ck_assert_has(f.r.html, "<h2 id=\"trung-9999\">");
	buf_release(&b);
}
END_TEST

Suite *markdown_suite(void);

/* The site of the link tests: three pages and one file. */
static const char *
fake_missing(void *ctx, struct arena *a, const char *path)
{
	static const char *const have[] = {"/", "/tin-tuc/", "/tin-tuc/a/",
	    "/files/b\xc3\xa1o c\xc3\xa1o.pdf"};
	size_t i;

	(void)ctx;
	(void)a;
	for (i = 0; i < sizeof have / sizeof have[0]; i++)
		if (strcmp(path, have[i]) == 0)
			return NULL;
	return "/kcn/tin-tuc/";
}

/* Issue 11: internal links and images are checked, located in the file;
 * external ones and fragments are not; root-relative ones get the base
 * path. */
START_TEST(test_markdown_links)
{
	struct markdown_links l = {"/kcn/", "/tin-tuc/a/", fake_missing, NULL};
	struct pos body = {"content/news/a.md", 5, 1};
	const char *s =
	    "Xem [tin](/tin-tuc/) và [a](../a/#x), [b](./) [r](/?q=1)\n"
	    "[ngoài](https://x.vn/k/) [m](mailto:a@b) [t](tel:1) [#](#x)\n"
	    "[tệp](/files/b%C3%A1o%20c%C3%A1o.pdf) [//](//x.vn/)\n"
	    "\n"
	    "Đọc [x](/khong-co/) và ![ảnh](../anh.png) [y](../../../x/)\n";
	const char *txt;

	ck_assert_int_eq(markdown_render_site(f.a, f.d, body, s, strlen(s), &l,
	                     &f.r),
	    0);
	ck_assert_uint_eq(diags_errors(f.d), 3);
	txt = tu_diags_text(f.a, f.d);
	ck_assert_has(txt, "content/news/a.md:9:5: ");
	ck_assert_has(txt, "«/khong-co/»");
	ck_assert_has(txt, "«/kcn/tin-tuc/»");
	ck_assert_has(txt, "[link.broken]");
	ck_assert_has(txt, "content/news/a.md:9:24: ");
	ck_assert_has(txt, "[link.broken-image]");
	ck_assert_has(txt, "content/news/a.md:9:43: ");
	ck_assert_has(f.r.html, "href=\"/kcn/tin-tuc/\"");
	ck_assert_has(f.r.html, "href=\"../a/#x\"");
	ck_assert_has(f.r.html, "href=\"/kcn/?q=1\"");
	ck_assert_has(f.r.html, "href=\"https://x.vn/k/\"");
	ck_assert_has(f.r.html, "href=\"/kcn/files/b%C3%A1o%20c%C3%A1o.pdf\"");
	ck_assert_has(f.r.html, "href=\"//x.vn/\"");
}
END_TEST

Suite *
markdown_suite(void)
{
	Suite *s = suite_create("markdown");
	TCase *tc;

	tc = tcase_create("extensions");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_markdown_table);
	tcase_add_test(tc, test_markdown_strikethrough);
	tcase_add_test(tc, test_markdown_autolink);
	tcase_add_test(tc, test_markdown_tasklist);
	tcase_add_test(tc, test_markdown_footnotes);
	suite_add_tcase(s, tc);

	tc = tcase_create("safety");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_markdown_scanner_rejects);
	tcase_add_test(tc, test_markdown_tagfilter);
	tcase_add_test(tc, test_markdown_safe_raw_html);
	tcase_add_test(tc, test_markdown_safe_links);
	tcase_add_test(tc, test_markdown_safe_footnotes_tables);
	tcase_add_test(tc, test_markdown_invalid_utf8);
	suite_add_tcase(s, tc);

	tc = tcase_create("headings");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_markdown_heading_ids);
	tcase_add_test(tc, test_markdown_heading_ids_exact);
	tcase_add_test(tc, test_markdown_heading_ids_edge);
	tcase_add_test(tc, test_markdown_heading_ids_slugify);
	tcase_add_test(tc, test_markdown_toc);
	suite_add_tcase(s, tc);

	tc = tcase_create("results");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_markdown_first_para);
	tcase_add_test(tc, test_markdown_empty);
	tcase_add_test(tc, test_markdown_links);
	suite_add_tcase(s, tc);

	tc = tcase_create("concurrency");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_markdown_concurrent);
	suite_add_tcase(s, tc);

	tc = tcase_create("pathological");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_markdown_pathological);
	tcase_add_test(tc, test_markdown_table_limit);
	suite_add_tcase(s, tc);
	return s;
}
