/*
 * The render and write stages: every page of the model rendered (the
 * item's Markdown, then its template) and written below the temporary
 * output folder by worker processes (render_procs.h), or threads where
 * this process may not fork, then the copies.
 */
#ifndef MINHBACH_RENDER_H
#define MINHBACH_RENDER_H

#include <signal.h>
#include <stddef.h>

struct arena;
struct page;
struct site;
struct theme;
struct source;
struct value;

/*
 * The most bytes one rendered page may have: 16 MiB, some hundred times
 * the largest page of the sample (a budget form).  A page over it is a
 * located error (at its Markdown body when the body alone passes it),
 * in check as in build, instead of a file no browser would open.
 */
#define RENDER_MAX_PAGE_BYTES ((size_t)16 << 20)

/* A page's frames and the one the renderer puts on top of them. */
#define RENDER_MAX_FRAMES 5

/*
 * Renders and writes every page of s below dirfd with `jobs` workers
 * (0: one per core, at most 8) and copies the static files from src.
 * More than one worker: processes, each with its own cmark-gfm state,
 * whose diagnostics are added to s->diags as they arrive; threads when
 * render_procs_usable() says no.
 * With dirfd -1 (check) every page is rendered in memory and nothing is
 * written or copied: template errors are found as a build finds them.
 * Stops early when *stop becomes non-zero (a signal).  Returns 0, or -1
 * after recording errors.
 */
int render_site(struct site *s, const struct theme *th, struct source *src,
    int dirfd, int jobs, volatile sig_atomic_t *stop);

/*
 * The contexts page p (a template page, not a data page) is rendered
 * against, outermost first, exactly as render_site() makes them: the
 * page's frames (the language's globals, the item's or list's frame …)
 * and on top a frame of a's with `content` and `toc`/`has_toc` (the
 * item's Markdown as HTML) and `menu` (the menu with this page's entry
 * marked).  Sets frames[0..*n).  Returns -1 after a diagnostic when the
 * Markdown is refused.
 */
int render_frames(struct site *s, const struct page *p, struct arena *a,
    const struct value *frames[RENDER_MAX_FRAMES], size_t *n);

#endif
