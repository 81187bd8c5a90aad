/*
 * The name index (site_names.c): records by kind and each name they
 * answer to, for references (validate) and links (model).
 */
#ifndef MINHBACH_SITE_NAMES_H
#define MINHBACH_SITE_NAMES_H

#include <stdbool.h>
#include <stddef.h>

struct item;
struct site;
struct site_names;

/*
 * The name index of s (site_names.c): its main-language items by kind and
 * by each name they answer to — file base name, front-matter slug, and
 * the computed slug once site_model() has run.  Arena memory; built once
 * per stage that needs it, read-only afterwards.
 */
struct site_names *site_names(struct site *s);
/* The item of kind named key[0..n), or NULL (first declared wins). */
struct item *site_lookup(const struct site_names *x, const char *kind,
    const char *key, size_t n);

#endif
