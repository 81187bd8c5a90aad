/*
 * Diagnostics as the budget, deadline and calendar tests compare them:
 * place, level, id and figures, not the catalogue's wording.
 */
#ifndef MINHBACH_TEST_SUMMARY_H
#define MINHBACH_TEST_SUMMARY_H

#include "arena.h"
#include "buf.h"
#include "diag.h"

/*
 * The diagnostics as the tests compare them, one a line: place, level,
 * id and the figures of the text (its digit runs: 1.250.000.000, 94,68,
 * 2.1), not its wording, which is the catalogue's:
 *
 *     r.yaml:12:23: error [budget.sum-mismatch] 1.250.000.000 1.249.999.999 1
 */
static inline const char *
tu_summary(struct arena *a, const struct diags *d)
{
	struct diag_view *v;
	size_t n = diags_view(d, a, &v);
	struct buf b = {0};
	const char *r;

	for (size_t i = 0; i < n; i++) {
		const char *t = v[i].text;

		buf_addf(&b, "%s:%u:%u: %s [%s]", v[i].pos.path ?
		    v[i].pos.path : "", v[i].pos.line, v[i].pos.col,
		    v[i].level == DIAG_ERROR ? "error" : "warning",
		    v[i].id ? v[i].id : "?");
		while (*t != '\0') {
			const char *e;

			if (!(*t >= '0' && *t <= '9') && !(*t == '-' &&
			    t[1] >= '0' && t[1] <= '9')) {
				t++;
				continue;
			}
			/* A run of digits, dots and commas ending in a
			 * digit, and a percent sign after it. */
			for (e = t + 1; (*e >= '0' && *e <= '9') ||
			    ((*e == '.' || *e == ',') && e[1] >= '0' &&
			    e[1] <= '9'); e++)
				;
			if (*e == '%')
				e++;
			buf_addf(&b, " %.*s", (int)(e - t), t);
			t = e;
		}
		buf_addc(&b, '\n');
	}
	r = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return r;
}

#endif
