/*
 * Fuzz harness for the template engine: the input is a template, which
 * is compiled and, if it compiles, rendered against a small fixed
 * context, with partials "self" (the input again) and "p" (fixed).
 * May reject input; must never crash, leak or hang.
 */
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct partials {
	const struct mustache *self, *p;
};

static const struct mustache *
find(void *ctx, const char *name, size_t n)
{
	const struct partials *ps = ctx;

	if (n == 4 && name[0] == 's' && name[1] == 'e' && name[2] == 'l' &&
	    name[3] == 'f')
		return ps->self;
	if (n == 1 && name[0] == 'p')
		return ps->p;
	return NULL;
}

/* {name: "Lâm & <Đồng>", n: 3, t: true, l: [1, "two", {x: "x"}], m: {k: v}} */
static struct value *
fuzz_context(struct arena *a)
{
	struct value *top = value_map(a), *l = value_list(a), *m = value_map(a),
	    *x = value_map(a);

	value_map_set(a, top, "name", value_strz(a, "L\xc3\xa2m & <\xc4\x90"
	    "\xe1\xbb\x93ng>"));
	value_map_set(a, top, "n", value_int(a, 3));
	value_map_set(a, top, "t", value_bool(a, true));
	value_map_set(a, top, "f", value_bool(a, false));
	value_map_set(a, top, "which", value_strz(a, "p"));
	value_list_push(a, l, value_int(a, 1));
	value_list_push(a, l, value_strz(a, "two"));
	value_map_set(a, x, "x", value_strz(a, "x\ny"));
	value_list_push(a, l, x);
	value_map_set(a, top, "l", l);
	value_map_set(a, m, "k", value_strz(a, "v"));
	value_map_set(a, top, "m", m);
	return top;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char psrc[] = "<p>\n  {{$b}}\n  {{name}}\n  {{/b}}\n"
	    "{{#l}}{{.}}{{/l}}</p>\n";
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct buf out = {0};
	struct partials ps;
	struct mustache_loader ld = {find, &ps};
	const struct value *frames[1];
	struct mustache *t;

	t = mustache_compile(a, d, "fuzz", (const char *)data, size);
	ps.self = t;
	ps.p = mustache_compile(a, d, "p", psrc, sizeof psrc - 1);
	frames[0] = fuzz_context(a);
	if (t != NULL)
		mustache_render(t, &ld, size % 2 ? MUSTACHE_STRICT :
		    MUSTACHE_SPEC, frames, 1, &out, d);
	buf_release(&out);
	arena_free(a);
	return 0;
}
