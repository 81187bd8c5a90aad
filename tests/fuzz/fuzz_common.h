/*
 * What the data harnesses share: cutting one input into several files
 * and printing the diagnostics a run made (the message catalogue's
 * formatting is part of what is fuzzed).  Header-only: each harness is
 * one translation unit linked with the generator's sources.
 */
#ifndef MINHBACH_FUZZ_COMMON_H
#define MINHBACH_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/*
 * Cuts data[0..size) at each occurrence of sep into at most max parts
 * (the last one takes the rest, separators included).  Returns the
 * number of parts, at least 1.
 */
static inline size_t
fuzz_split(const char *data, size_t size, const char *sep,
    const char **part, size_t *len, size_t max)
{
	size_t n = 0, sl = strlen(sep);
	const char *p = data, *end = data + size;

	while (n + 1 < max) {
		const char *q = NULL;
		const char *s;

		for (s = p; (size_t)(end - s) >= sl; s++)
			if (memcmp(s, sep, sl) == 0) {
				q = s;
				break;
			}
		if (q == NULL)
			break;
		part[n] = p;
		len[n++] = (size_t)(q - p);
		p = q + sl;
	}
	part[n] = p;
	len[n++] = (size_t)(end - p);
	return n;
}

/* Formats every diagnostic of d (in memory: nothing is shown). */
static inline void
fuzz_print_diags(const struct diags *d)
{
	char *mem = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&mem, &n);

	if (f == NULL)
		abort();
	diags_print(d, f);
	fclose(f);
	free(mem);
}

#endif
