/*
 * 64-bit FNV-1a (Fowler, Noll, Vo), written once: every table, the
 * history diff, theme asset versions and the serve loop's fingerprint
 * call this, so that they all start from the same offset basis.
 */
#include "hash.h"

uint64_t
hash_fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *u = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ u[i]) * 1099511628211ULL;
	return h;
}
