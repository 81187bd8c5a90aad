/*
 * Inside the preview server (serve*.c): the state the request threads
 * share with the loop that rebuilds, and the pages the preview makes
 * itself under /_preview/.
 */
#ifndef MINHBACH_SERVE_IMPL_H
#define MINHBACH_SERVE_IMPL_H

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>

#include <microhttpd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

struct buf;
struct diags;

/* The preview's own files live below this path, beside the site's. */
#define SERVE_PREFIX "_preview/"

/*
 * What the request handlers need.  site and errors are fixed before the
 * daemon starts; gen, failed and stopping change under lock, and every
 * change is broadcast on changed (the event streams wait on it).
 */
struct server {
	char site[PATH_MAX];	/* the folder served: <tmp>/site */
	char errors[PATH_MAX];	/* <tmp>/errors.html: a failed build's */
	const char *lang;	/* of the preview's words: "vi" or "en" */
	pthread_mutex_t lock;
	pthread_cond_t changed;	/* on CLOCK_MONOTONIC */
	unsigned long gen;	/* builds finished so far */
	bool failed;		/* the last one failed: show its errors */
	bool stopping;		/* the event streams end */
};

/* serve_page.c */

/* The reload script and the stylesheet of the preview's own pages. */
extern const char serve_reload_js[];
extern const char serve_css[];
/*
 * Appends the page listing d's diagnostics (diags_view(): sorted, in
 * d's language, escaped), each linked to its entry of the guide page.
 */
void serve_page_errors(struct buf *out, const struct diags *d);
/* Appends the page a build that died without diagnostics leaves. */
void serve_page_died(struct buf *out, const char *lang);
/* Appends the catalogue of messages as a page, one anchor per id. */
void serve_page_guide(struct buf *out);
/*
 * Inserts the reload script's tag, stamped with generation gen, before
 * the last "</body>" of the HTML in html (at its end if it has none).
 */
void serve_page_inject(struct buf *html, unsigned long gen);

/* serve_events.c */

/*
 * Queues the event stream /_preview/events?since=N: text/event-stream
 * that sends "data: G" as soon as the generation G differs from N (at
 * once if it already does), a comment every SERVE_HEARTBEAT_S seconds,
 * and ends when the server stops.  The request's thread blocks in it
 * (thread-per-connection daemon).
 */
#define SERVE_HEARTBEAT_S 15
enum MHD_Result serve_events(struct MHD_Connection *c, struct server *sv,
    void (*headers)(struct MHD_Response *, const char *));

#endif
