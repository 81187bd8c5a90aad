/*
 * Diagnostics across a pipe: a render worker process (render_procs.c)
 * sends every diagnostic it records to its parent, which adds it to the
 * build's list as if a worker thread had recorded it there.  A record
 * is the level, the position and the id with its arguments: the text is
 * made only when the parent prints, in the list's language.
 */
#ifndef MINHBACH_DIAG_WIRE_H
#define MINHBACH_DIAG_WIRE_H

#include <stddef.h>

#include "diag.h"

struct buf;

/*
 * Writes one record (argv[0] the id, argv[1 .. argc-1] its arguments)
 * to fd, whole.  Returns 0, or -1 with errno set when the write failed
 * (the parent is gone).
 */
int diag_wire_send(int fd, enum diag_level level, struct pos p,
    const char *const *argv, size_t argc);

/*
 * Calls add(d, ...) for every complete record at the start
 * of in (bytes read from the pipe) and drops them from in; a partial
 * record stays for the next read.  Returns 0, or -1 when in does not
 * hold records (a broken worker), after which in is emptied.  add is
 * diag_add, passed in so that diag.c, which calls this module, is not
 * called back by name (tests/call-graph.sh: no circles).
 */
int diag_wire_take(struct buf *in,
    int (*add)(struct diags *, enum diag_level, struct pos, const char *const *,
        size_t),
    struct diags *d);

#endif
