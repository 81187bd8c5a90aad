/*
 * Render worker processes.  cmark-gfm 0.29 keeps a global table that
 * its inline parser changes (github/cmark-gfm#176), so worker threads
 * must take turns there; worker processes each have their own copy and
 * render in parallel all the way.  The model is built once and shared
 * with the workers by fork() (copy on write, never written); what they
 * report comes back through a pipe each (diag_wire.c).
 */
#ifndef MINHBACH_RENDER_PROCS_H
#define MINHBACH_RENDER_PROCS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

struct diags;

/*
 * True when this process may fork workers: it runs one thread besides
 * the safe ones, those known to hold no lock a worker takes (any other
 * the load and the search index started is joined: a fork beside a
 * running thread could copy a lock it holds), and MINHBACH_RENDER in
 * the environment is not "threads".
 */
bool render_procs_usable(int safe);

/*
 * n bytes of zeroed memory that the workers forked afterwards share
 * with this process (for the counter of pages taken), or NULL.
 * Released with render_procs_unshare().
 */
void *render_procs_shared(size_t n);
void render_procs_unshare(void *p, size_t n);

/*
 * Runs fn(arg) in n worker processes at once and waits for them all,
 * meanwhile adding what they report to d.  Each worker's diagnostics go
 * to the parent as they are recorded; the worker's status is fn's
 * result.  When *stop becomes non-zero (this process's signal flag),
 * *tell is set, which must be in render_procs_shared() memory and what
 * fn watches.  Returns 0 when every worker returned 0; -1 when one
 * failed (its errors are in d), died (an error says so) or *stop is
 * set; -2 when not one worker could be started (nothing done: the
 * caller renders otherwise).  forked(ctx), when not NULL, is called in
 * this process once the workers are forked, before the wait: where it
 * may start a thread of its own (one started before a fork could hold a
 * lock that the workers would then wait on forever).
 */
int render_procs_run(struct diags *d, int n, volatile sig_atomic_t *stop,
    volatile sig_atomic_t *tell, int (*fn)(void *), void *arg,
    void (*forked)(void *), void *ctx);

#endif
