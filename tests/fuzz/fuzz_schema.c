/*
 * Fuzz harness for schema validation (schema_check.c, schema_format.c):
 * the first byte picks a kind among all those of generator/schemas.yaml,
 * the rest is a record's YAML, checked against that kind's schema with
 * references resolved (a made-up answer: a key exists when its length
 * is even), then walked for its references and given its absent fields
 * as the model does.  May record errors; never crash, leak or hang.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "schema.h"
#include "value.h"

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct schemas *schemas;
static const char *const *kinds;
static size_t nkinds;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct arena *a = arena_new();	/* kept for the whole process */
	struct diags *d = diags_new(a);

	setenv("MINHBACH_STRICT_MESSAGES", "1", 1);
	schemas = schema_builtin(a, d);
	kinds = schema_kinds(schemas, &nkinds);
	if (nkinds == 0)
		abort();
	return 0;
}

static bool
exists(void *ctx, const char *kind, const char *key)
{
	return strlen(key) % 2 == 0;
}

static void
each_ref(void *ctx, const char *field, const char *to_kind,
    const struct value *node)
{
	size_t *n = ctx;

	if (field == NULL || to_kind == NULL || node == NULL ||
	    node->type != VALUE_STR)
		abort();
	(*n)++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a;
	struct diags *d;
	struct value *v = NULL;
	struct schema_refs refs = {exists, NULL, NULL};
	const char *kind;
	size_t nrefs = 0;

	if (size < 1)
		return 0;
	kind = kinds[data[0] % nkinds];
	a = arena_new();
	d = diags_new(a);
	if (value_parse_yaml(a, d, "content/x/r.yaml", (const char *)data + 1,
	    size - 1, 1, &v) == 0 && v != NULL && v->type == VALUE_MAP) {
		schema_check(schemas, kind, v, &refs, d);
		schema_each_ref(schemas, kind, v, each_ref, &nrefs);
		schema_date_field(schemas, kind);
		schema_fill_absent(schemas, kind, a, v, value_null(a));
		schema_fill_frame(schemas, kind, a, v, value_null(a));
	}
	fuzz_print_diags(d);
	arena_free(a);
	return 0;
}
