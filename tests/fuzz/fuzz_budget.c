/*
 * Fuzz harness for the budget checks (budget.c and the budget_* modules)
 * as the build runs them: up to three budget records, cut from the input
 * at each "\n%%\n", are loaded as content/budgets/r<i>.yaml of one
 * collection, checked against the budget schema, then through
 * budget_check() (sums, "of which", percentages, stt, estimates across
 * files, quarters, deadlines, forms); when no error was found, each
 * record's table, downloads and chart are made as the model stage makes
 * them.  Records may be refused with diagnostics; nothing may crash,
 * leak or hang.  The site is made by hand as tests/unit/check_budget.c
 * makes it (every unverified form opted in, the default theme's words).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget.h"
#include "budget_forms.h"
#include "budget_model.h"
#include "buf.h"
#include "deadline.h"
#include "diag.h"
#include "schema.h"
#include "site.h"
#include "value.h"

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXREC 3

static const char site_yaml[] =
    "budget: {unverified_forms: [\"90/2018/TT-BTC:1\", "
    "\"90/2018/TT-BTC:2\", \"61/2017/TT-BTC:3\", \"90/2018/TT-BTC:4\", "
    "\"90/2018/TT-BTC:5\", \"26/2026/TT-BTC:73\", \"26/2026/TT-BTC:74\", "
    "\"26/2026/TT-BTC:75\", \"26/2026/TT-BTC:76\"]}\n";

/* What every run shares, read once (read-only during the runs). */
static struct site base;
static const struct schemas *schemas;

static struct value *
theme_words(struct arena *a, struct diags *d, const char *lang)
{
	char path[128];
	struct buf b = {0};
	struct value *t = NULL, *g;
	char chunk[4096];
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "themes/default/i18n/%s.yaml", lang);
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "fuzz_budget: cannot read %s (run from the "
		    "top of the repository)\n", path);
		exit(1);
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (value_parse_yaml(a, d, path, buf_cstr(&b), b.len, 1, &t) != 0)
		abort();
	buf_release(&b);
	g = value_map(a);
	value_map_set(a, g, "t", t);
	return g;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct arena *a = arena_new();	/* kept for the whole process */
	struct diags *d = diags_new(a);

	setenv("MINHBACH_STRICT_MESSAGES", "1", 1);
	base.arena = a;
	base.diags = d;
	base.root = "/";
	base.base_url = "https://example.invalid/";
	base.langs[0] = "vi";
	base.langs[1] = "en";
	base.nlangs = 2;
	base.build_date = "2026-06-01";
	base.globals[0] = theme_words(a, d, "vi");
	base.globals[1] = theme_words(a, d, "en");
	if (value_parse_yaml(a, d, "content/site.yaml", site_yaml,
	    sizeof site_yaml - 1, 1, &base.conf) != 0)
		abort();
	/* Read on first use into the site's arena: once, here. */
	base.forms = budget_forms_of(&base);
	base.deadlines = deadlines_of(&base);
	schemas = schema_builtin(a, d);
	if (base.forms == NULL || base.deadlines == NULL ||
	    diags_errors(d) != 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const base_name[MAXREC] = {"r0", "r1", "r2"};
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct site s = base;
	struct collection co;
	struct item it[MAXREC], *items[MAXREC];
	const char *part[MAXREC];
	size_t len[MAXREC], n, i;

	s.arena = a;
	s.diags = d;
	s.yes = value_bool(a, true);
	s.no = value_bool(a, false);
	memset(&co, 0, sizeof co);
	memset(it, 0, sizeof it);
	co.name = "budgets";
	co.kind = "budget";
	co.items = items;
	s.colls = &co;
	s.ncolls = 1;
	n = fuzz_split((const char *)data, size, "\n%%\n", part, len, MAXREC);
	for (i = 0; i < n; i++) {
		struct item *r = &it[co.n];
		struct value *v = NULL;

		r->path = arena_printf(a, "content/budgets/%s.yaml",
		    base_name[i]);
		if (value_parse_yaml(a, d, r->path, part[i], len[i], 1,
		    &v) != 0 || v == NULL || v->type != VALUE_MAP)
			continue;	/* the loader refuses it */
		r->coll = &co;
		r->base = base_name[i];
		r->lang = i == 2 ? "en" : "vi";
		r->lang_index = i == 2;
		r->data = v;
		r->body = "";
		r->slug = base_name[i];
		r->url = arena_printf(a, "/%sngan-sach/%s/", r->lang_index ?
		    "en/" : "", base_name[i]);
		r->out = arena_printf(a, "%sngan-sach/%s/index.html",
		    r->lang_index ? "en/" : "", base_name[i]);
		r->frame = value_map(a);
		items[co.n++] = r;
	}
	/* The validate stage: schema, then the reviewer's checks. */
	for (i = 0; i < co.n; i++)
		schema_check(schemas, "budget", items[i]->data, NULL, d);
	budget_check(&s, "budget");
	/* The model stage runs only on a site without errors. */
	if (diags_errors(d) == 0)
		for (i = 0; i < co.n; i++)
			budget_model_item(&s, items[i]);
	fuzz_print_diags(d);
	arena_free(a);
	return 0;
}
