/*
 * 64-bit FNV-1a (Fowler, Noll, Vo), written once: every table, the
 * history diff, theme asset versions and the serve loop's fingerprint
 * call this, so that they all start from the same offset basis.
 */
#include <string.h>

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

uint64_t
hash_words(const void *p, size_t n)
{
	const unsigned char *u = p;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, g = 0x6a09e667f3bcc909ULL, w, v;

	/* Two lanes of one multiply per eight bytes, independent of each
	 * other so that the multiplies overlap; the shift brings the high
	 * bits, which a multiply mixed, back down for the next word. */
	for (; n >= 16; n -= 16, u += 16) {
		memcpy(&w, u, 8);
		memcpy(&v, u + 8, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		g = (g ^ v) * 0xc4ceb9fe1a85ec53ULL;
		h ^= h >> 32;
		g ^= g >> 32;
	}
	if (n >= 8) {
		memcpy(&w, u, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
		n -= 8;
		u += 8;
	}
	w = 0;
	if (n > 0)
		memcpy(&w, u, n);
	h = (h ^ w ^ (g * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL;
	/* MurmurHash3's finaliser: every input bit reaches every bit. */
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}
