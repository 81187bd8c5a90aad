/*
 * The one hash of the generator: 64-bit FNV-1a, for hash tables (keys,
 * path names), paragraph comparison in history diffs, the asset version
 * in theme URLs and the serve loop's fingerprint of the source folders.
 * Not for anything an adversary chooses keys for.  hash_words(): the
 * check that a body read again is the body read at the load.
 */
#ifndef MINHBACH_HASH_H
#define MINHBACH_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a's 64-bit offset basis: the h to start a new hash with. */
#define HASH_FNV1A_INIT 14695981039346656037ULL

/*
 * Returns h with the n bytes at p folded in by 64-bit FNV-1a (prime
 * 1099511628211).  Start with HASH_FNV1A_INIT; pass the result back in
 * to hash several pieces as one, so that hash_fnv1a(hash_fnv1a(INIT, "ab",
 * 2), "c", 1) equals hash_fnv1a(INIT, "abc", 3).  Pure; p may be NULL when
 * n is 0.
 */
uint64_t hash_fnv1a(uint64_t h, const void *p, size_t n);

/*
 * Returns a 64-bit hash of the n bytes at p, eight at a time: several
 * times faster than FNV-1a on long texts.  For telling whether a text
 * read again is the text read before (a body read twice in one build):
 * its value depends on the machine's byte order, so it is never
 * written anywhere.  Pure; p may be NULL when n is 0.
 */
uint64_t hash_words(const void *p, size_t n);

#endif
