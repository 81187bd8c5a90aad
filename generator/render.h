/*
 * The render and write stages: every page of the model rendered (the
 * item's Markdown, then its template) and written below the temporary
 * output folder by a pool of worker threads, then the copies.
 */
#ifndef MINHBACH_RENDER_H
#define MINHBACH_RENDER_H

#include <signal.h>

struct site;
struct theme;
struct source;

/*
 * Renders and writes every page of s below dirfd with `jobs` threads
 * (0: one per core, at most 8) and copies the static files from src.
 * With dirfd -1 (check) every page is rendered in memory and nothing is
 * written or copied: template errors are found as a build finds them.
 * Stops early when *stop becomes non-zero (a signal).  Returns 0, or -1
 * after recording errors.
 */
int render_site(struct site *s, const struct theme *th, struct source *src,
    int dirfd, int jobs, volatile sig_atomic_t *stop);

#endif
