/*
 * The preview's event stream (server-sent events): one long response
 * per open page, which says when a rebuild has finished, so that the
 * page's reload script reloads it.  Each stream has its own thread
 * (the daemon runs one per connection) and sleeps on the server's
 * condition variable between events.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "serve_impl.h"

struct stream {
	struct server *sv;
	unsigned long since;	/* the generation the page shows */
	bool started;
};

/* MHD's content reader: one event, one comment, or the end. */
static ssize_t
stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream *st = cls;
	struct server *sv = st->sv;
	struct timespec until;
	int n, rc = 0;

	(void)pos;
	if (max < 64)
		return 0;
	if (!st->started) {
		/* At once, so that the browser sees the stream open; and
		 * reconnect soon when the preview restarts. */
		st->started = true;
		return snprintf(out, max, "retry: 1000\n\n");
	}
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += SERVE_HEARTBEAT_S;
	pthread_mutex_lock(&sv->lock);
	while (sv->gen == st->since && !sv->stopping && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&sv->changed, &sv->lock, &until);
	if (sv->stopping) {
		pthread_mutex_unlock(&sv->lock);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (sv->gen != st->since) {
		st->since = sv->gen;
		n = snprintf(out, max, "data: %lu\n\n", st->since);
	} else {
		/* Keeps the connection (and any proxy) from timing out. */
		n = snprintf(out, max, ": still here\n\n");
	}
	pthread_mutex_unlock(&sv->lock);
	return n;
}

enum MHD_Result
serve_events(struct MHD_Connection *c, struct server *sv,
    void (*headers)(struct MHD_Response *, const char *))
{
	const char *arg = MHD_lookup_connection_value(c,
	    MHD_GET_ARGUMENT_KIND, "since");
	struct MHD_Response *r;
	struct stream *st;
	enum MHD_Result ok;
	char *end;

	st = xcalloc(1, sizeof *st);
	st->sv = sv;
	pthread_mutex_lock(&sv->lock);
	st->since = sv->gen;
	pthread_mutex_unlock(&sv->lock);
	/* A page made at another generation (or by an earlier preview)
	 * hears of the current one at once. */
	if (arg != NULL && *arg != '\0') {
		unsigned long g = strtoul(arg, &end, 10);

		st->since = *end == '\0' ? g : 0;
	}
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256,
	    stream_read, st, free);
	if (r == NULL) {
		free(st);
		return MHD_NO;
	}
	headers(r, "text/event-stream; charset=utf-8");
	ok = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ok;
}
