/*
 * Fuzz harness for front matter (frontmatter.c) and what follows it in
 * the loader: split any bytes, parse the YAML part at its file line and
 * slug the body.  May reject input; never crash, leak or hang; the
 * parts must lie inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "diag.h"
#include "frontmatter.h"
#include "utf8.h"
#include "value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *src = (const char *)data;
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct frontmatter fm;
	struct value *v = NULL;

	if (frontmatter_split(d, "fuzz.md", src, size, &fm) == 0) {
		if (fm.body < src || fm.body + fm.body_len > src + size ||
		    fm.yaml < src || fm.yaml + fm.yaml_len > src + size ||
		    fm.body_line < fm.yaml_line)
			abort();
		if (fm.present)
			value_parse_yaml(a, d, "fuzz.md", fm.yaml, fm.yaml_len,
			    fm.yaml_line, &v);
		if (utf8_validate(fm.body, fm.body_len, NULL, NULL, NULL))
			utf8_slugify(a, fm.body,
			    fm.body_len < 256 ? fm.body_len : 256);
	}
	arena_free(a);
	return 0;
}
