/*
 * Fuzz harness for the YAML loader (value_yaml.c): any bytes go in; the
 * loader may refuse them with diagnostics but must never crash, leak,
 * hang or blow up on aliases.  Trees that load are written as JSON to
 * exercise every node.
 */
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct value *v = NULL;
	struct buf out = {0};

	if (value_parse_yaml(a, d, "fuzz.yaml", (const char *)data, size, 1,
	    &v) == 0) {
		value_to_json(v, &out, 1);
		value_scalar_text(v, &out);
	}
	buf_release(&out);
	arena_free(a);
	return 0;
}
