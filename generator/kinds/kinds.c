/*
 * The table of kinds (kind.h): one entry per file of generator/kinds/.
 */
#include <string.h>

#include "kind.h"

static const struct kind *const table[] = {
	NULL,			/* keeps the table valid while it is empty */
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
