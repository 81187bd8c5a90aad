/*
 * Private to history.c and history_diff.c: what both halves of the
 * history stage share.
 */
#ifndef MINHBACH_HISTORY_IMPL_H
#define MINHBACH_HISTORY_IMPL_H

#include <stddef.h>
#include <stdint.h>

/*
 * FNV-1a of s[0..n), for path names (history.c) and paragraphs
 * (history_diff.c).  Pure; no allocation.
 */
uint64_t history_hash(const char *s, size_t n);

#endif
