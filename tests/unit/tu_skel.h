/*
 * Diagnostics asserted by what they say, not by their wording: each
 * line of want is
 *
 *     path:line:col: E [id]|figure|figure
 *
 * (E an error, W a warning) and matches the printed line with that
 * place, level and id that holds every figure.  Lines are compared in
 * order and their numbers must agree; "" wants no diagnostics.  A
 * message still without an id ("path:l:c: error: text") is matched as
 * printed, and so is a line written out in full ("path:l:c: lỗi:
 * text [id]").
 */
#ifndef MINHBACH_TU_SKEL_H
#define MINHBACH_TU_SKEL_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* True when the printed line got[0..n) matches want[0..m). */
static inline bool
tu_skel_line(const char *got, size_t n, const char *want, size_t m)
{
	const char *sp = memchr(want, ' ', m), *bar, *idend;
	char head[256], id[128], fig[256];
	const char *level;
	size_t k;

	/* A message without an id yet (diag_errorf): as printed. */
	sp = memchr(want, ' ', m);
	if (sp != NULL && (strncmp(sp, " error: ", 8) == 0 ||
	    strncmp(sp, " warning: ", 10) == 0 ||
	    strncmp(sp, " lỗi: ", strlen(" lỗi: ")) == 0 ||
	    strncmp(sp, " cảnh báo: ", strlen(" cảnh báo: ")) == 0))
		return n == m && strncmp(got, want, n) == 0;
	/* "path:l:c:" then " E " or " W " */
	while (sp != NULL && !(sp + 2 < want + m && (sp[1] == 'E' ||
	    sp[1] == 'W') && sp[2] == ' '))
		sp = memchr(sp + 1, ' ', (size_t)(want + m - sp - 1));
	if (sp == NULL)
		return false;
	level = sp[1] == 'E' ? "lỗi: " : "cảnh báo: ";
	snprintf(head, sizeof head, "%.*s %s", (int)(sp - want), want,
	    level);
	if (n < strlen(head) || strncmp(got, head, strlen(head)) != 0)
		return false;
	idend = memchr(sp + 3, ']', (size_t)(want + m - sp - 3));
	if (idend == NULL)
		return false;
	snprintf(id, sizeof id, "%.*s", (int)(idend + 1 - (sp + 3)), sp + 3);
	k = strlen(id);
	if (n < k || strncmp(got + n - k, id, k) != 0)
		return false;
	for (bar = idend + 1; bar < want + m && *bar == '|';) {
		const char *next = memchr(bar + 1, '|', (size_t)(want + m -
		    bar - 1));

		if (next == NULL)
			next = want + m;
		snprintf(fig, sizeof fig, "%.*s", (int)(next - bar - 1),
		    bar + 1);
		{
			char line[2048];

			snprintf(line, sizeof line, "%.*s", (int)n, got);
			if (strstr(line, fig) == NULL)
				return false;
		}
		bar = next;
	}
	return true;
}

/*
 * True when the printed diagnostics got match want (see above): every
 * line of want matches its own line of got, in any order (lines at one
 * place are sorted by their text), and no line of got is left over.
 */
static inline bool
tu_skel(const char *got, const char *want)
{
	const char *gl[128], *we;
	size_t gn[128], ng = 0, i;
	bool used[128] = {false};

	while (*got != '\0' && ng < 128) {
		const char *ge = strchr(got, '\n');

		if (ge == NULL)
			ge = got + strlen(got);
		gl[ng] = got;
		gn[ng++] = (size_t)(ge - got);
		got = *ge ? ge + 1 : ge;
	}
	for (; *want != '\0'; want = *we ? we + 1 : we) {
		if ((we = strchr(want, '\n')) == NULL)
			we = want + strlen(want);
		for (i = 0; i < ng; i++)
			if (!used[i] && tu_skel_line(gl[i], gn[i], want,
			    (size_t)(we - want)))
				break;
		if (i == ng)
			return false;
		used[i] = true;
	}
	for (i = 0; i < ng; i++)
		if (!used[i])
			return false;
	return *got == '\0';
}

/* True when one line of got matches the one line want. */
static inline bool
tu_skel_has(const char *got, const char *want)
{
	size_t m = strcspn(want, "\n");

	while (*got != '\0') {
		size_t n = strcspn(got, "\n");

		if (tu_skel_line(got, n, want, m))
			return true;
		got += n + (got[n] == '\n');
	}
	return false;
}

#define assert_skel(got, want) do {					\
	const char *got_ = (got), *want_ = (want);			\
									\
	ck_assert_msg(tu_skel(got_, want_), "want:\n%sgot:\n%s",	\
	    want_, got_);						\
} while (0)

/* Fails unless one diagnostic of d matches the one line want (needs
 * testutil.h first). */
#define tu_assert_skel(d, want) do {					\
	struct arena *a_ = arena_new();					\
	const char *t_ = tu_diags_text(a_, (d));			\
									\
	ck_assert_msg(tu_skel_has(t_, (want)), "wanted \"%s\" in:\n%s",	\
	    (want), t_);						\
	arena_free(a_);							\
} while (0)

#endif
