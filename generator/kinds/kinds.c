/*
 * The table of kinds (kind.h): one entry per file of generator/kinds/.
 */
#include <string.h>

#include "kind.h"

extern const struct kind kind_organization;
extern const struct kind kind_procedure;
extern const struct kind kind_consultation;
extern const struct kind kind_report;
extern const struct kind kind_qa;

static const struct kind *const table[] = {
	NULL,			/* keeps the table valid while it is empty */
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
