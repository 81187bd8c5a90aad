/*
 * The table of kinds (kind.h): one entry per file of generator/kinds/,
 * and the one place the stages dispatch through it: the validate
 * stage's checks, the model stage's frames, cross links and collection
 * models, and the frame of an earlier revision.
 */
#include <stdbool.h>
#include <string.h>

#include "kind.h"
#include "links.h"
#include "site.h"
#include "site_frames.h"
#include "site_names.h"
#include "value.h"

extern const struct kind kind_budget, kind_call, kind_document,
    kind_inspection, kind_plan, kind_zone;

extern const struct kind kind_organization;
extern const struct kind kind_procedure;
extern const struct kind kind_consultation;
extern const struct kind kind_report;
extern const struct kind kind_qa;

static const struct kind *const table[] = {
	&kind_budget,
	&kind_call,
	&kind_document,
	&kind_inspection,
	&kind_plan,
	&kind_zone,
	&kind_organization,
	&kind_procedure,
	&kind_consultation,
	&kind_report,
	&kind_qa,
};

const struct kind *
kind_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof table / sizeof *table; i++)
		if (table[i] != NULL && strcmp(table[i]->name, name) == 0)
			return table[i];
	return NULL;
}

/* True when collection i is the first of its kind (once-per-kind hooks). */
static bool
first_of_kind(const struct site *s, size_t i)
{
	size_t m;

	for (m = 0; m < i && strcmp(s->colls[m].kind, s->colls[i].kind) != 0;
	    m++)
		;
	return m == i;
}

/* The name index, made at the first need: news and pages need none. */
static struct site_names *
names(struct site *s, struct site_names **x)
{
	if (*x == NULL)
		*x = site_names(s);
	return *x;
}

void
kinds_check(struct site *s)
{
	struct site_names *x = NULL;
	size_t i, j;

	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];
		const struct kind *k = kind_find(co->kind);

		for (j = 0; k != NULL && k->check != NULL && j < co->n; j++) {
			const struct item *it = co->items[j];

			if (it->data != NULL && it->data->type == VALUE_MAP)
				k->check(s, names(s, &x), it);
		}
	}
	for (i = 0; i < s->ncolls; i++) {
		const struct kind *k = kind_find(s->colls[i].kind);

		if (k != NULL && k->check_all != NULL && first_of_kind(s, i))
			k->check_all(s, names(s, &x));
	}
}

void
kinds_frame(struct site *s, const struct site_names *x, struct item *it)
{
	const struct kind *k = kind_find(it->coll->kind);

	if (it->frame != NULL && k != NULL && k->frame != NULL)
		k->frame(s, x, it);
}

void
kinds_model(struct site *s, const struct theme *th, const struct schemas *sc)
{
	struct site_names *x = NULL;
	size_t i, j;
	int l;

	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];
		const struct kind *k = kind_find(co->kind);

		if (k != NULL && k->frames != NULL) {
			if (first_of_kind(s, i))
				k->frames(s, names(s, &x));
			continue;
		}
		for (j = 0; k != NULL && k->frame != NULL && j < co->n; j++)
			kinds_frame(s, names(s, &x), co->items[j]);
	}
	/* The shadows (site_frames.h) of every kind, even one that makes
	 * its frames at once: their figures in their own language. */
	for (i = 0; i < s->ncolls; i++) {
		const struct kind *k = kind_find(s->colls[i].kind);

		for (j = 0; k != NULL && k->frame != NULL && j < s->colls[i].n;
		     j++)
			for (l = 1; l < (int)s->nlangs; l++)
				if (s->colls[i].items[j]->shadow[l] != NULL)
					kinds_frame(s, names(s, &x),
					    s->colls[i].items[j]->shadow[l]);
	}
	/* Links copy the frames' values: they come after every frame. */
	links_model(s, sc, &x);
	site_shadows_complete(s);
	for (i = 0; i < s->ncolls; i++) {
		const struct kind *k = kind_find(s->colls[i].kind);

		if (s->colls[i].list && k != NULL && k->model != NULL)
			k->model(s, th, names(s, &x), &s->colls[i]);
	}
}
