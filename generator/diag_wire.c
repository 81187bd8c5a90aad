/*
 * The diagnostics of a render worker process, sent to its parent.  In:
 * diag_add()'s arguments in the child.  Out: the same diag_add() call in
 * the parent.  A record is a 4-byte length, then the level, line and
 * column, then the path and the strings, each a 4-byte length and its
 * bytes (a path of length 0xffffffff is NULL); integers in the
 * machine's order, since both ends are one program on one machine.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "diag_wire.h"

#define NO_PATH UINT32_MAX
/* A diagnostic bigger than this is not one of ours. */
#define MAX_RECORD ((size_t)1 << 20)

static void
add_u32(struct buf *b, uint32_t v)
{
	buf_add(b, (const char *)&v, sizeof v);
}

static void
add_str(struct buf *b, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	add_u32(b, (uint32_t)n);
	buf_add(b, s != NULL ? s : "", n);
}

int
diag_wire_send(int fd, enum diag_level level, struct pos p,
    const char *const *argv, size_t argc)
{
	struct buf b = {0};
	uint32_t len;
	size_t i, done = 0;
	ssize_t w;
	int rc = 0;

	add_u32(&b, 0); /* the length, set below */
	add_u32(&b, (uint32_t)level);
	add_u32(&b, p.line);
	add_u32(&b, p.col);
	if (p.path == NULL)
		add_u32(&b, NO_PATH);
	else
		add_str(&b, p.path);
	add_u32(&b, (uint32_t)argc);
	for (i = 0; i < argc; i++)
		add_str(&b, argv[i]);
	len = (uint32_t)(b.len - sizeof len);
	memcpy(b.data, &len, sizeof len);
	while (done < b.len) {
		w = write(fd, b.data + done, b.len - done);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = -1;
			break;
		}
		done += (size_t)w;
	}
	buf_release(&b);
	return rc;
}

/* Reads a u32 at *at if it fits before end. */
static int
get_u32(const char **at, const char *end, uint32_t *v)
{
	if ((size_t)(end - *at) < sizeof *v)
		return -1;
	memcpy(v, *at, sizeof *v);
	*at += sizeof *v;
	return 0;
}

/* A string at *at, NUL-terminated in a; NULL for NO_PATH if nullable. */
static int
get_str(struct arena *a, const char **at, const char *end, int nullable,
    const char **s)
{
	uint32_t n;

	if (get_u32(at, end, &n) == -1)
		return -1;
	if (nullable && n == NO_PATH) {
		*s = NULL;
		return 0;
	}
	if ((size_t)(end - *at) < n)
		return -1;
	*s = arena_strndup(a, *at, n);
	*at += n;
	return 0;
}

/* Adds the record at [at, end) to d. */
static int
replay(int (*add)(struct diags *, enum diag_level, struct pos,
           const char *const *, size_t),
    struct diags *d, struct arena *a, const char *at, const char *end)
{
	uint32_t level, argc, i;
	struct pos p;
	const char **argv;

	if (get_u32(&at, end, &level) == -1 ||
	    (level != DIAG_ERROR && level != DIAG_WARNING) ||
	    get_u32(&at, end, &p.line) == -1 ||
	    get_u32(&at, end, &p.col) == -1 ||
	    get_str(a, &at, end, 1, &p.path) == -1 ||
	    get_u32(&at, end, &argc) == -1 || argc == 0 ||
	    argc > (size_t)(end - at) / sizeof(uint32_t))
		return -1;
	argv = arena_calloc(a, argc, sizeof *argv);
	for (i = 0; i < argc; i++)
		if (get_str(a, &at, end, 0, &argv[i]) == -1)
			return -1;
	if (at != end)
		return -1;
	add(d, (enum diag_level)level, p, argv, argc);
	return 0;
}

int
diag_wire_take(struct buf *in,
    int (*add)(struct diags *, enum diag_level, struct pos, const char *const *,
        size_t),
    struct diags *d)
{
	struct arena *a = arena_new();
	size_t off = 0;
	uint32_t len;
	int rc = 0;

	while (in->len - off >= sizeof len) {
		memcpy(&len, in->data + off, sizeof len);
		if (len > MAX_RECORD) {
			rc = -1;
			break;
		}
		if (in->len - off - sizeof len < len)
			break; /* the rest comes with the next read */
		off += sizeof len;
		if (replay(add, d, a, in->data + off, in->data + off + len) ==
		    -1) {
			rc = -1;
			break;
		}
		off += len;
		arena_reset(a);
	}
	if (rc == -1)
		off = in->len;
	if (off > 0) {
		memmove(in->data, in->data + off, in->len - off);
		buf_truncate(in, in->len - off);
	}
	arena_free(a);
	return rc;
}
