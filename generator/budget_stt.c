/*
 * Budget disclosures, validate stage: the numbering of a record's
 * lines (stt).  In: the record's `lines` and its form.  Out: located
 * errors for gaps, duplicates, a style that climbs or mixes.  The rules
 * are listed in budget.c's head comment ("stt").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget_forms.h"
#include "budget_stt.h"
#include "budget_table.h"
#include "diag.h"
#include "utf8.h"
#include "value.h"

enum {
	S_UPPER = 1, S_ROMAN = 2, S_ARABIC = 4, S_DOTTED = 8, S_LOWER = 16,
	S_BULLET = 32
};

/* Letters in order: the Latin alphabet and the Vietnamese legal one
 * (a, b, c, d, đ, e, g, h, i, k ...): either succession is accepted. */
static const char *const latin_lo[] = {"a", "b", "c", "d", "e", "f", "g",
    "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
    "v", "w", "x", "y", "z", NULL};
static const char *const viet_lo[] = {"a", "b", "c", "d", "\xc4\x91", "e",
    "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
    "v", "x", "y", NULL};
static const char *const latin_up[] = {"A", "B", "C", "D", "E", "F", "G",
    "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U",
    "V", "W", "X", "Y", "Z", NULL};
static const char *const viet_up[] = {"A", "B", "C", "D", "\xc4\x90", "E",
    "G", "H", "I", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U",
    "V", "X", "Y", NULL};

static int
letter_at(const char *const *abc, const char *s)
{
	for (int i = 0; abc[i] != NULL; i++)
		if (strcmp(abc[i], s) == 0)
			return i;
	return -1;
}

/* The letter after prev in either alphabet (t.next[0], t.next[1]). */
static bool
letter_next(const char *const *lat, const char *const *vie,
    const char *prev, const char *cur)
{
	int i = letter_at(lat, prev), j = letter_at(vie, prev);

	return (i >= 0 && lat[i + 1] && strcmp(lat[i + 1], cur) == 0) ||
	    (j >= 0 && vie[j + 1] && strcmp(vie[j + 1], cur) == 0);
}

static const char *
letter_expected(struct arena *a, const char *const *lat,
    const char *const *vie, const char *prev)
{
	int i = letter_at(lat, prev), j = letter_at(vie, prev);
	const char *x = i >= 0 && lat[i + 1] ? lat[i + 1] : NULL;
	const char *y = j >= 0 && vie[j + 1] ? vie[j + 1] : NULL;

	if (x && y && strcmp(x, y) != 0)
		return arena_printf(a, "%s/%s", y, x);
	return arena_printf(a, "%s", x ? x : y ? y : "?");
}

/* Writes the Roman numeral of v (1..3999) into out. */
static void
roman_fill(int v, char out[20])
{
	static const struct { int v; const char *s; } t[] = {{1000, "M"},
	    {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
	    {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"},
	    {4, "IV"}, {1, "I"}};
	size_t n = 0;

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		for (; v >= t[i].v; v -= t[i].v)
			for (const char *p = t[i].s; *p; p++)
				out[n++] = *p;
	out[n] = '\0';
}

/* Value of a canonical Roman numeral (I..MMMCMXCIX), else 0. */
static int
roman(const char *s)
{
	static const char digits[] = "IVXLCDM";
	static const int vals[] = {1, 5, 10, 50, 100, 500, 1000};
	char back[20];
	int v = 0, i, cur, next;

	if (strlen(s) > 15 || *s == '\0')
		return 0;
	for (i = 0; s[i]; i++) {
		const char *p = strchr(digits, s[i]), *q;

		if (p == NULL)
			return 0;
		cur = vals[p - digits];
		q = s[i + 1] ? strchr(digits, s[i + 1]) : NULL;
		next = q ? vals[q - digits] : 0;
		v += cur < next ? -cur : cur;
	}
	if (v <= 0 || v >= 4000)
		return 0;
	roman_fill(v, back);
	return strcmp(back, s) == 0 ? v : 0;
}

static const char *
roman_text(struct arena *a, int v)
{
	char tmp[20];

	roman_fill(v, tmp);
	return arena_strdup(a, tmp);
}

/* Arabic number without leading zero (1..999999), else -1. */
static long
arabic(const char *s, size_t n)
{
	long v = 0;

	if (n == 0 || n > 6 || s[0] == '0')
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!ascii_isdigit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The styles an stt may be in (several for I, V, X, L, C, D, M). */
static int
stt_styles(const char *s)
{
	int m = 0;
	const char *p;

	if (strcmp(s, "-") == 0 || strcmp(s, "+") == 0 ||
	    strcmp(s, "*") == 0)
		return S_BULLET;
	if (letter_at(latin_up, s) >= 0 || letter_at(viet_up, s) >= 0)
		m |= S_UPPER;
	if (roman(s) > 0)
		m |= S_ROMAN;
	if (letter_at(latin_lo, s) >= 0 || letter_at(viet_lo, s) >= 0)
		m |= S_LOWER;
	if (arabic(s, strlen(s)) > 0)
		m |= S_ARABIC;
	/* 1.1, 1.2.3: arabic parts joined by single dots. */
	if (strchr(s, '.') != NULL) {
		const char *q = s;

		for (p = s;; p++) {
			if (*p == '.' || *p == '\0') {
				if (arabic(q, (size_t)(p - q)) < 0)
					break;
				if (*p == '\0') {
					m |= S_DOTTED;
					break;
				}
				q = p + 1;
			}
		}
	}
	return m;
}

/* Depth of a style: A < I < 1 < 1.1 < 1.1.1 < a. */
static int
stt_rank(int style, const char *s)
{
	int dots = 0;

	switch (style) {
	case S_UPPER: return 1;
	case S_ROMAN: return 2;
	case S_ARABIC: return 3;
	case S_DOTTED:
		for (; *s; s++)
			dots += *s == '.';
		return 3 + dots;
	default: return 20;
	}
}

static const char *
stt_of(const struct value *line, const struct value **node)
{
	*node = value_map_get(line, "stt");
	if (*node == NULL || !value_is_scalar(*node) || (*node)->len == 0)
		return NULL;
	return (*node)->text;
}

/* True when prev and cur are rows of f's skeleton, in its order. */
static bool
skipped(struct arena *a, const struct bform *f, const char *pcode,
    const char *pstt, const char *prev, const char *cur)
{
	int i = budget_form_row(f, budget_row_code(a, pcode, pstt, prev));
	int j = budget_form_row(f, budget_row_code(a, pcode, pstt, cur));

	return i >= 0 && j > i;
}

/* A line as messages name it: its code (or number) and label. */
static const char *
line_name(struct arena *a, const struct value *line, const char *pcode,
    const char *pstt, const char *s)
{
	const char *code = pcode != NULL ? budget_row_code(a, pcode, pstt, s) :
	    NULL;
	const char *label = value_map_str(line, "label");

	return arena_printf(a, "%s \u00AB%s\u00BB", code != NULL ? code : s,
	    label != NULL ? label : "");
}

/* A number as messages name it: its code (B.I.6), else itself. */
static const char *
code_of(struct arena *a, const char *pcode, const char *pstt, const char *s)
{
	const char *code = pcode != NULL ? budget_row_code(a, pcode, pstt, s) :
	    NULL;

	return code != NULL ? code : s;
}

/* The place of s in its style's succession: 1 for A, I, 1, x.1, a;
 * letters in one order of both alphabets (d, đ, e ... w, x, y, z). */
static long
ordinal(int style, const char *s)
{
	static const char *const lo[] = {"a", "b", "c", "d", "\xc4\x91",
	    "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q",
	    "r", "s", "t", "u", "v", "w", "x", "y", "z", NULL};
	static const char *const up[] = {"A", "B", "C", "D", "\xc4\x90",
	    "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q",
	    "R", "S", "T", "U", "V", "W", "X", "Y", "Z", NULL};
	const char *dot;

	switch (style) {
	case S_ROMAN: return roman(s);
	case S_ARABIC: return arabic(s, strlen(s));
	case S_DOTTED:
		dot = strrchr(s, '.');
		return arabic(dot + 1, strlen(dot + 1));
	case S_UPPER: return letter_at(up, s) + 1;
	default: return letter_at(lo, s) + 1;
	}
}

/* The number that follows prev in style, for a message. */
static const char *
successor(struct arena *a, int style, const char *prev)
{
	const char *pd;

	switch (style) {
	case S_ROMAN:
		return roman_text(a, roman(prev) + 1);
	case S_ARABIC:
		return arena_printf(a, "%ld", arabic(prev, strlen(prev)) + 1);
	case S_DOTTED:
		pd = strrchr(prev, '.');
		return arena_printf(a, "%.*s.%ld", (int)(pd - prev), prev,
		    arabic(pd + 1, strlen(pd + 1)) + 1);
	case S_UPPER:
		return letter_expected(a, latin_up, viet_up, prev);
	default:
		return letter_expected(a, latin_lo, viet_lo, prev);
	}
}

/* True when cur directly follows prev in style. */
static bool
follows(int style, const char *prev, const char *cur)
{
	switch (style) {
	case S_UPPER:
		return letter_next(latin_up, viet_up, prev, cur);
	case S_LOWER:
		return letter_next(latin_lo, viet_lo, prev, cur);
	default:
		return ordinal(style, cur) == ordinal(style, prev) + 1;
	}
}

/*
 * Checks the numbering of the sibling lines, then their children.  f
 * (may be NULL) is the record's form and pcode the parent's row code
 * ("" at the top, NULL when unknown): a gap between two rows of the
 * form's skeleton, in its order, is the form's rows left out, not an
 * error (1 then 6 under B.I).  Each wrong number is one message, with
 * its fix: a number used twice, two lines swapped (2.2 then 2.1: swap
 * them, not renumber), a number left out.
 */
void
budget_check_stt(struct arena *a, struct diags *d, const struct value *lines,
    int prank, const char *pstt, int pstyle, const struct bform *f,
    const char *pcode)
{
	const struct value *first = NULL, *node, *hinode = NULL;
	const char *hi = NULL, *s, *dot;
	int common = ~0, style = 0, rank;
	size_t i, j;

	if (lines == NULL || lines->type != VALUE_LIST)
		return;
	for (i = 0; i < lines->n; i++) {
		int m;

		if ((s = stt_of(lines->items[i], &node)) == NULL)
			continue;
		m = stt_styles(s);
		if (m == 0 && strstr(s, "\xc3\x90") != NULL) {
			/* Ð (U+00D0, Icelandic eth) for Đ (U+0110). */
			diag_error(d, node->pos, "budget.stt-lookalike", s);
			continue;
		}
		if (m == 0) {
			diag_error(d, node->pos, "budget.stt-invalid", s);
			continue;
		}
		if (m == S_BULLET)
			continue;
		if (first == NULL) {
			first = node;
			common = m;
		} else if ((common & m) == 0) {
			diag_error(d, node->pos, "budget.stt-mixed", s,
			    first->text);
			continue;
		} else {
			common &= m;
		}
	}
	if (first != NULL) {
		/* "I" alone is a Roman one when the list starts with it. */
		if ((common & S_ROMAN) && (common & S_UPPER))
			style = strcmp(first->text, "I") == 0 ? S_ROMAN :
			    S_UPPER;
		else
			for (style = 1; !(common & style); style <<= 1)
				;
	}
	for (i = 0; i < lines->n && first != NULL; i++) {
		const struct value *line = lines->items[i];
		bool done = false;
		long cv, hv;

		if ((s = stt_of(line, &node)) == NULL ||
		    !(stt_styles(s) & style))
			continue;
		rank = stt_rank(style, s);
		dot = strrchr(s, '.');
		if (rank <= prank) {
			diag_error(d, node->pos, "budget.stt-level", s, pstt);
			continue;
		}
		if (style == S_DOTTED && (pstyle == S_ARABIC ||
		    pstyle == S_DOTTED) && (strlen(pstt) !=
		    (size_t)(dot - s) || strncmp(s, pstt, strlen(pstt)) != 0)) {
			diag_error(d, node->pos, "budget.stt-prefix", s, pstt);
			continue;
		}
		for (j = 0; j < i && !done; j++) {
			const struct value *o;
			const char *t = stt_of(lines->items[j], &o);

			if (t != NULL && strcmp(t, s) == 0) {
				diag_error(d, node->pos, "budget.stt-duplicate",
				    line_name(a, line, pcode, pstt, s), s,
				    line_name(a, lines->items[j], pcode, pstt,
				    t), diag_fmt(d, "%u", o->pos.line));
				done = true;
			}
		}
		if (done)
			continue;
		if (hi == NULL) {
			hi = s;
			hinode = lines->items[i];
			continue;
		}
		cv = ordinal(style, s);
		hv = ordinal(style, hi);
		if (style == S_DOTTED && strncmp(hi, s, (size_t)(dot -
		    s) + 1) != 0)
			continue;
		if (cv < hv) {
			/* Out of order: the fix is to move it, the numbers
			 * are right. */
			diag_error(d, node->pos, "budget.stt-order",
			    line_name(a, line, pcode, pstt, s), s, hi,
			    line_name(a, hinode, pcode, pstt, hi));
			continue;
		}
		if (!follows(style, hi, s) && !skipped(a, f, pcode, pstt, hi,
		    s))
			diag_error(d, node->pos, "budget.stt-gap",
			    line_name(a, line, pcode, pstt, s), s,
			    code_of(a, pcode, pstt, hi), successor(a, style,
			    hi));
		hi = s;
		hinode = line;
	}
	for (i = 0; i < lines->n; i++) {
		const struct value *line = lines->items[i];
		int m;

		s = stt_of(line, &node);
		m = s ? stt_styles(s) : 0;
		if (s == NULL || m == S_BULLET || !(m & style))
			budget_check_stt(a, d, value_map_get(line, "children"),
			    prank, pstt, pstyle, f, NULL);
		else
			budget_check_stt(a, d, value_map_get(line, "children"),
			    stt_rank(style, s), s, style, f,
			    budget_row_code(a, pcode, pstt, s));
	}
}
