/*
 * Fuzz harness for the history diff (history_diff.c): the input is two
 * revisions of a record cut at the first "\n=====\n".  Each is read as
 * the loader reads a file: front matter and a Markdown body when it
 * opens with "---", else a YAML data file.  The value trees are diffed
 * (history_diff_values) and the bodies too (history_diff_text), as the
 * revision pages do.  Either revision may fail to load (an empty
 * document, as a file added or removed).  Nothing may crash, leak or
 * hang; a revision diffed against itself has no changes; every change
 * has a kind the templates know.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "frontmatter.h"
#include "history.h"
#include "value.h"

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	setenv("MINHBACH_STRICT_MESSAGES", "1", 1);
	return 0;
}

struct rev {
	struct value *data;	/* NULL: did not load */
	const char *body;
	size_t body_len;
};

static void
load(struct arena *a, struct diags *d, const char *src, size_t n,
    struct rev *r)
{
	struct frontmatter fm;

	r->data = NULL;
	r->body = "";
	r->body_len = 0;
	if (n >= 3 && memcmp(src, "---", 3) == 0) {
		if (frontmatter_split(d, "content/news/x.md", src, n,
		    &fm) == -1)
			return;
		r->body = fm.body;
		r->body_len = fm.body_len;
		if (fm.present && value_parse_yaml(a, d, "content/news/x.md",
		    fm.yaml, fm.yaml_len, fm.yaml_line, &r->data) != 0)
			r->data = NULL;
	} else if (value_parse_yaml(a, d, "content/x/r.yaml", src, n, 1,
	    &r->data) != 0) {
		r->data = NULL;
	}
}

/* Every change record is a map whose kind is one the templates know. */
static void
check_changes(const struct value *l, int text)
{
	size_t i;

	if (l == NULL || l->type != VALUE_LIST)
		abort();
	for (i = 0; i < l->n; i++) {
		const char *k = value_map_str(l->items[i], "kind");

		if (k == NULL || (strcmp(k, "added") != 0 &&
		    strcmp(k, "removed") != 0 &&
		    (text || strcmp(k, "changed") != 0)))
			abort();
		if (!text && (value_map_str(l->items[i], "path") == NULL ||
		    value_map_str(l->items[i], "label") == NULL))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const char *part[2];
	size_t len[2];
	struct rev r[2] = {{0}};
	struct value *c;
	size_t n, i;

	n = fuzz_split((const char *)data, size, "\n=====\n", part, len, 2);
	for (i = 0; i < n; i++)
		load(a, d, part[i], len[i], &r[i]);
	c = history_diff_values(a, r[0].data, r[1].data);
	check_changes(c, 0);
	c = history_diff_text(a, r[0].body, r[0].body_len, r[1].body,
	    r[1].body_len);
	check_changes(c, 1);
	/* Against itself: nothing changed. */
	for (i = 0; i < n; i++) {
		if (history_diff_values(a, r[i].data, r[i].data)->n != 0 ||
		    history_diff_text(a, r[i].body, r[i].body_len, r[i].body,
		    r[i].body_len)->n != 0)
			abort();
	}
	fuzz_print_diags(d);
	arena_free(a);
	return 0;
}
