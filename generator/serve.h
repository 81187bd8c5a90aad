/*
 * `minhbach serve`: the editors' live preview.  The site is built into a
 * private temporary folder, served over HTTP on a loopback address and
 * rebuilt whenever a file under content/ or themes/ changes; open pages
 * reload by themselves (server-sent events).  While a rebuild has errors
 * every page is the list of them.  Drafts and records dated after the
 * build date are shown, with a banner; a build leaves them out.
 */
#ifndef MINHBACH_SERVE_H
#define MINHBACH_SERVE_H

struct options;

struct serve_options {
	const char *bind;	/* IPv4 or IPv6 address; NULL = 127.0.0.1 */
	int port;		/* 0 = any free port (the one printed) */
	int interval_ms;	/* how often to look for changes; <= 0 or
				 * more than 100: 100 */
	int max_rebuilds;	/* stop after this many rebuilds; 0 = never */
};

/*
 * Builds o->source (as o says: --ref, --no-history, --jobs, --quiet,
 * --lang; --out and --base-url are replaced, preview is set) into
 * $TMPDIR/minhbach-serve-XXXXXX/site (or /tmp), serves it on so->bind:so->port with libmicrohttpd and
 * rebuilds on changes (a fingerprint of the paths, sizes and mtimes
 * under content/ and themes/, taken every interval_ms).  Every build
 * runs in a child process, so that Ctrl-C stops a build under way and
 * the server alike.  Prints "minhbach: preview at http://HOST:PORT/
 * (Ctrl-C to stop)" on stderr.  Runs until SIGINT, SIGTERM or SIGHUP (or
 * max_rebuilds), removes the temporary folder and restores the previous
 * signal dispositions.  Not reentrant: one preview per process.
 * Returns the exit status: 0 after a clean stop; 2 if the address is
 * unusable, the port cannot be bound, or the first build fails for
 * usage reasons (no such source, unsafe request).  Content errors in
 * the first build are not fatal: the preview lists them (HTTP 500, a
 * page titled with the count of errors) and keeps watching.  Besides
 * the site it serves /_preview/reload.js (added to every HTML page it
 * serves, before </body>), /_preview/events (the event stream),
 * /_preview/thong-bao (the catalogue of messages, each id an anchor)
 * and /_preview/preview.css.
 */
int serve_run(const struct options *o, const struct serve_options *so);

#endif
