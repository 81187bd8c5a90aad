/*
 * The preview server.  In: struct options and a loopback address.  Out: a
 * site built by build_run() (in a child process) into a private temporary
 * folder, served over HTTP by libmicrohttpd with production's headers,
 * and rebuilt when the fingerprint of content/ and themes/ changes.  The
 * server reopens the site folder by path on every request, so the swap
 * done by a rebuild (RENAME_EXCHANGE) is seen at once.  HTML it serves
 * carries the reload script (serve_page.c), which an event stream
 * (serve_events.c) tells when a rebuild is done; while the last build
 * has errors, every page is the list of them.
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "build.h"
#include "diag.h"
#include "fsutil.h"
#include "hash.h"
#include "messages.h"
#include "serve.h"
#include "serve_impl.h"

#define MAX_URL 2048		/* decoded request paths longer: 414 */
#define MAX_DEPTH 32		/* folders deeper are not fingerprinted */
#define STOP_GRACE_MS 1000	/* then a build still running is killed */
/* Looks at the tree at least this often: a save, a still tree one look
 * later, a build and the reload fit in about a second. */
#define MAX_POLL_MS 100

/*
 * Set by the signal handler (the count of signals seen): the one mutable
 * global, as in build.c, because a handler can reach nothing else.  The
 * builds run in child processes, so build.c's handler never replaces
 * this one in the serving process.
 */
static volatile sig_atomic_t stop_signals;

static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
#define NCAUGHT (sizeof caught / sizeof caught[0])

/* The same policy as deploy/nginx.conf, so the preview fails the same
 * way production would (an inline script shows up here first). */
static const char *const sec_headers[][2] = {
	{"Content-Security-Policy", "default-src 'self'; script-src 'self'; "
	    "style-src 'self'; img-src 'self'; font-src 'self'; connect-src "
	    "'self'; object-src 'none'; media-src 'self'; frame-src 'none'; "
	    "worker-src 'none'; manifest-src 'self'; base-uri 'self'; "
	    "form-action 'self'; frame-ancestors 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "strict-origin-when-cross-origin"},
	{"Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), "
	    "gyroscope=(), magnetometer=(), microphone=(), payment=(), "
	    "usb=()"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
	{"Cache-Control", "no-store"},
};

/* Content types by extension (lower case), as nginx's mime.types and
 * charset_types give them. */
#define XLSX_TYPE \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
/* clang-format off */
static const char *const types[][2] = {
	{"html", "text/html; charset=utf-8"},
	{"htm", "text/html; charset=utf-8"},
	{"css", "text/css; charset=utf-8"},
	{"js", "text/javascript; charset=utf-8"},
	{"mjs", "text/javascript; charset=utf-8"},
	{"json", "application/json; charset=utf-8"},
	{"jsonld", "application/ld+json; charset=utf-8"},
	{"xml", "text/xml; charset=utf-8"},
	{"svg", "image/svg+xml; charset=utf-8"},
	{"csv", "text/csv; charset=utf-8"},
	{"txt", "text/plain; charset=utf-8"},
	{"png", "image/png"},
	{"jpg", "image/jpeg"},
	{"jpeg", "image/jpeg"},
	{"gif", "image/gif"},
	{"webp", "image/webp"},
	{"ico", "image/x-icon"},
	{"pdf", "application/pdf"},
	{"xlsx", XLSX_TYPE},
	{"woff", "font/woff"},
	{"woff2", "font/woff2"},
};
/* clang-format on */

static const char not_found_text[] =
    "<!DOCTYPE html>\n<title>404</title>\n<p>Không tìm thấy trang. "
    "(Page not found.)</p>\n";
static const char bad_request_text[] = "400 Bad Request\n";
static const char bad_method_text[] = "405 Method Not Allowed\n";
static const char too_long_text[] = "414 URI Too Long\n";

static void
on_signal(int sig)
{
	(void)sig;
	if (stop_signals < 100)
		stop_signals++;
}

/* Installs on_signal for caught[], saving the old actions in old. */
static void
catch_signals(struct sigaction *old)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;	/* no SA_RESTART: sleeps wake up */
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &sa, &old[i]);
}

static void
restore_signals(const struct sigaction *old)
{
	size_t i;

	for (i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &old[i], NULL);
}

/* Sleeps ms milliseconds, or less when a signal arrives. */
static void
nap(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

/* ---- answering requests ---- */

static void
add_headers(struct MHD_Response *r, const char *type)
{
	size_t i;

	for (i = 0; i < sizeof sec_headers / sizeof sec_headers[0]; i++)
		MHD_add_response_header(r, sec_headers[i][0],
		    sec_headers[i][1]);
	if (type != NULL)
		MHD_add_response_header(r, "Content-Type", type);
}

/* Queues a response with a static body text. */
static enum MHD_Result
reply_text(struct MHD_Connection *c, unsigned status, const char *type,
    const char *text)
{
	struct MHD_Response *r;
	enum MHD_Result ok;

	r = MHD_create_response_from_buffer(strlen(text), (void *)text,
	    MHD_RESPMEM_PERSISTENT);
	if (r == NULL)
		return MHD_NO;
	add_headers(r, type);
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, "Allow", "GET, HEAD");
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

/* The generation the site on show was built at. */
static unsigned long
generation(struct server *sv)
{
	unsigned long g;

	pthread_mutex_lock(&sv->lock);
	g = sv->gen;
	pthread_mutex_unlock(&sv->lock);
	return g;
}

/* Queues HTML with the reload script added (html is taken). */
static enum MHD_Result
reply_html(struct MHD_Connection *c, unsigned status, struct buf *html,
    unsigned long gen)
{
	struct MHD_Response *r;
	enum MHD_Result ok;

	serve_page_inject(html, gen);
	r = MHD_create_response_from_buffer(html->len, html->data,
	    MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		buf_release(html);
		return MHD_NO;
	}
	*html = (struct buf){0};	/* MHD frees the bytes */
	add_headers(r, "text/html; charset=utf-8");
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

/* Reads the open file fd (taken) into b; -1 on a read error. */
static int
slurp(int fd, struct buf *b)
{
	char tmp[16384];
	ssize_t n;

	while ((n = read(fd, tmp, sizeof tmp)) > 0 ||
	    (n == -1 && errno == EINTR))
		if (n > 0)
			buf_add(b, tmp, (size_t)n);
	close(fd);
	return n == 0 ? 0 : -1;
}

/*
 * Queues the open regular file fd (taken, whatever happens); HTML with
 * the reload script, stamped with the generation read before the file
 * was opened (so a page is never older than its stamp).
 */
static enum MHD_Result
reply_file(struct MHD_Connection *c, unsigned status, int fd,
    const struct stat *st, const char *type, unsigned long gen)
{
	struct MHD_Response *r;
	enum MHD_Result ok;
	int fl;

	/* Opened O_NONBLOCK (a FIFO must not hang us); we want blocking. */
	if ((fl = fcntl(fd, F_GETFL)) != -1)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	if (strncmp(type, "text/html", 9) == 0) {
		struct buf b = {0};

		if (slurp(fd, &b) == -1) {
			buf_release(&b);
			return MHD_NO;
		}
		return reply_html(c, status, &b, gen);
	}
	r = MHD_create_response_from_fd((size_t)st->st_size, fd);
	if (r == NULL) {
		close(fd);
		return MHD_NO;
	}
	add_headers(r, type);
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

/* The content type for file name name. */
static const char *
type_of(const char *name)
{
	const char *dot = strrchr(name, '.');
	char ext[8];
	size_t i, n;

	if (dot == NULL || strchr(dot, '/') != NULL)
		return "application/octet-stream";
	dot++;
	if ((n = strlen(dot)) >= sizeof ext)
		return "application/octet-stream";
	for (i = 0; i <= n; i++)	/* ASCII lower case, with the NUL */
		ext[i] = dot[i] >= 'A' && dot[i] <= 'Z' ?
		    (char)(dot[i] - 'A' + 'a') : dot[i];
	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(ext, types[i][0]) == 0)
			return types[i][1];
	return "application/octet-stream";
}

static int
hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

enum verdict { PATH_OK, PATH_BAD, PATH_LONG, PATH_HIDDEN };

/*
 * Decodes the request path raw ("/a/b%20c/") into rel ("a/b c", no
 * leading or trailing '/', empty segments dropped) and says whether it
 * ended in '/' and whether its first segment is "en".  Refuses (PATH_BAD)
 * a path not starting with '/', a bad %XX, NUL, '\\', and "." or ".."
 * segments, before or after decoding; a segment starting with '.' other
 * than .well-known is PATH_HIDDEN (404, like production).
 */
static enum verdict
decode_path(const char *raw, char *rel, size_t size, bool *slash, bool *en)
{
	char dec[MAX_URL + 1];
	size_t n = 0, o = 0, seg;
	const char *p;
	bool hidden = false;

	if (raw[0] != '/')
		return PATH_BAD;
	for (p = raw; *p != '\0'; p++) {
		char ch = *p;

		if (ch == '%') {
			int hi = hexval(p[1]), lo = hi < 0 ? -1 : hexval(p[2]);

			if (hi < 0 || lo < 0)
				return PATH_BAD;
			ch = (char)(hi * 16 + lo);
			p += 2;
		}
		if (ch == '\0' || ch == '\\')
			return PATH_BAD;
		if (n == MAX_URL)
			return PATH_LONG;
		dec[n++] = ch;
	}
	dec[n] = '\0';
	*slash = dec[n - 1] == '/';
	*en = strncmp(dec, "/en/", 4) == 0 || strcmp(dec, "/en") == 0;
	for (p = dec; *p != '\0'; p += seg) {
		while (*p == '/')
			p++;
		/* strcspn(p, "/"), spelt out so that the analyzer sees
		 * p + seg stay within the decoded string. */
		for (seg = 0; p[seg] != '\0' && p[seg] != '/'; seg++)
			;
		if (seg == 0)
			break;
		if ((seg == 1 && p[0] == '.') ||
		    (seg == 2 && p[0] == '.' && p[1] == '.'))
			return PATH_BAD;
		if (p[0] == '.' && !(seg == 11 &&
		    strncmp(p, ".well-known", 11) == 0))
			hidden = true;
		if (o + seg + 2 > size)
			return PATH_LONG;
		if (o > 0)
			rel[o++] = '/';
		memcpy(rel + o, p, seg);
		o += seg;
	}
	rel[o] = '\0';
	return hidden ? PATH_HIDDEN : PATH_OK;
}

/*
 * Opens rel ('/'-separated, checked by decode_path) below the folder
 * root without following a symbolic link anywhere on the way: each
 * folder is opened O_NOFOLLOW below the previous one.  Returns the fd
 * (O_NONBLOCK, so a FIFO cannot block) and fills *st, or -1 with errno
 * set (ENOENT for a link or a missing part).
 */
static int
open_below(const char *root, const char *rel, struct stat *st)
{
	char name[NAME_MAX + 1];
	const char *p = rel;
	size_t n;
	int dfd, fd, saved;

	dfd = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd == -1)
		return -1;
	while (*p != '\0') {
		n = strcspn(p, "/");
		if (n > NAME_MAX) {
			close(dfd);
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		p += n;
		if (*p == '/')
			p++;
		fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
		    O_NONBLOCK | (*p != '\0' ? O_DIRECTORY : 0));
		saved = errno;
		close(dfd);
		if (fd == -1) {
			errno = saved == ELOOP || saved == ENOTDIR ? ENOENT :
			    saved;
			return -1;
		}
		dfd = fd;
	}
	if (fstat(dfd, st) == -1) {
		saved = errno;
		close(dfd);
		errno = saved;
		return -1;
	}
	return dfd;
}

/* 404 with the site's own page (en/404.html below /en/), else ours. */
static enum MHD_Result
reply_missing(struct MHD_Connection *c, struct server *sv, bool en,
    unsigned long gen)
{
	struct stat st;
	int fd;

	fd = open_below(sv->site, en ? "en/404.html" : "404.html", &st);
	if (fd != -1 && S_ISREG(st.st_mode))
		return reply_file(c, MHD_HTTP_NOT_FOUND, fd, &st,
		    "text/html; charset=utf-8", gen);
	if (fd != -1)
		close(fd);
	return reply_text(c, MHD_HTTP_NOT_FOUND, "text/html; charset=utf-8",
	    not_found_text);
}

/* 301 to "/rel/", the path re-encoded (the raw one is not trusted). */
static enum MHD_Result
reply_slash(struct MHD_Connection *c, const char *rel)
{
	static const char hex[] = "0123456789ABCDEF";
	struct MHD_Response *r;
	struct buf loc = {0};
	enum MHD_Result ok = MHD_NO;
	const unsigned char *p;

	buf_addc(&loc, '/');
	for (p = (const unsigned char *)rel; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '/' || *p == '-' ||
		    *p == '.' || *p == '_' || *p == '~') {
			buf_addc(&loc, (char)*p);
		} else {
			buf_addc(&loc, '%');
			buf_addc(&loc, hex[*p >> 4]);
			buf_addc(&loc, hex[*p & 15]);
		}
	}
	buf_addc(&loc, '/');
	r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (r != NULL) {
		add_headers(r, NULL);
		MHD_add_response_header(r, "Location", buf_cstr(&loc));
		ok = MHD_queue_response(c, MHD_HTTP_MOVED_PERMANENTLY, r);
		MHD_destroy_response(r);
	}
	buf_release(&loc);
	return ok;
}

/*
 * The page shown while the last build has errors: the list its child
 * wrote, else one saying that the build died.  Status 500: the site
 * cannot be served as it stands (the title says why, in words).
 */
static enum MHD_Result
reply_errors(struct MHD_Connection *c, struct server *sv,
    unsigned long gen)
{
	struct buf b = {0};
	int fd = open(sv->errors, O_RDONLY | O_CLOEXEC);

	if (fd == -1 || slurp(fd, &b) == -1 || b.len == 0) {
		buf_reset(&b);
		serve_page_died(&b, sv->lang);
	}
	return reply_html(c, MHD_HTTP_INTERNAL_SERVER_ERROR, &b, gen);
}

/* The preview's own files, below /_preview/ (rel without it). */
static enum MHD_Result
reply_own(struct MHD_Connection *c, struct server *sv, const char *rel,
    bool en, unsigned long gen)
{
	struct buf b = {0};

	if (strcmp(rel, "reload.js") == 0)
		return reply_text(c, MHD_HTTP_OK,
		    "text/javascript; charset=utf-8", serve_reload_js);
	if (strcmp(rel, "preview.css") == 0)
		return reply_text(c, MHD_HTTP_OK, "text/css; charset=utf-8",
		    serve_css);
	if (strcmp(rel, "events") == 0)
		return serve_events(c, sv, add_headers);
	if (strcmp(rel, "thong-bao") == 0) {
		serve_page_guide(&b);
		return reply_html(c, MHD_HTTP_OK, &b, gen);
	}
	return reply_missing(c, sv, en, gen);
}

/* MHD's access handler: one call per request (bodies are not read). */
static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct server *sv = cls;
	char rel[MAX_URL + 16];
	struct stat st;
	bool slash, en, failed;
	unsigned long gen;
	int fd;

	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return reply_text(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "text/plain; charset=utf-8", bad_method_text);
	switch (decode_path(url, rel, sizeof rel - 16, &slash, &en)) {
	case PATH_BAD:
		return reply_text(c, MHD_HTTP_BAD_REQUEST,
		    "text/plain; charset=utf-8", bad_request_text);
	case PATH_LONG:
		return reply_text(c, MHD_HTTP_URI_TOO_LONG,
		    "text/plain; charset=utf-8", too_long_text);
	case PATH_HIDDEN:
		return reply_missing(c, sv, en, generation(sv));
	case PATH_OK:
		break;
	}
	pthread_mutex_lock(&sv->lock);
	gen = sv->gen;
	failed = sv->failed;
	pthread_mutex_unlock(&sv->lock);
	if (strncmp(rel, SERVE_PREFIX, strlen(SERVE_PREFIX)) == 0)
		return reply_own(c, sv, rel + strlen(SERVE_PREFIX), en, gen);
	/* Not the stale site: what is wrong with the new one. */
	if (failed)
		return reply_errors(c, sv, gen);
	if (rel[0] == '\0' || slash) {
		/* "/" and "/x/" name x/index.html */
		size_t n = strlen(rel);

		snprintf(rel + n, sizeof rel - n, "%sindex.html",
		    n ? "/" : "");
	}
	if ((fd = open_below(sv->site, rel, &st)) == -1)
		return reply_missing(c, sv, en, gen);
	if (S_ISDIR(st.st_mode) && !slash) {
		close(fd);
		return reply_slash(c, rel);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return reply_missing(c, sv, en, gen);
	}
	return reply_file(c, MHD_HTTP_OK, fd, &st, type_of(rel), gen);
}

/* Leaves the path as the client sent it: decode_path decodes it, and
 * must see a %00 that MHD's decoder would turn into a silent cut. */
static size_t
keep_escapes(void *cls, struct MHD_Connection *c, char *s)
{
	return strlen(s);
}

/* ---- listening ---- */

/*
 * Opens a listening TCP socket on addr:*port (an IPv4 or IPv6 literal)
 * and sets *port to the port bound (for port 0) and *v6.  Returns the
 * socket, or -1 after printing why in words an editor can act on.
 */
static int
listen_on(struct diags *d, const char *addr, int *port, bool *v6)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
	socklen_t len;
	int fd, one = 1;

	memset(&ss, 0, sizeof ss);
	if (inet_pton(AF_INET, addr, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)*port);
		len = sizeof *in4;
		*v6 = false;
	} else if (inet_pton(AF_INET6, addr, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)*port);
		len = sizeof *in6;
		*v6 = true;
	} else {
		diag_say(d, stderr, "preview.not-an-address", addr);
		return -1;
	}
	if ((fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1) {
		diag_say(d, stderr, "preview.no-socket", strerror(errno));
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (*v6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&ss, len) == -1 ||
	    listen(fd, 64) == -1) {
		const char *pn = diag_fmt(d, "%d", *port);

		if (errno == EADDRINUSE)
			diag_say(d, stderr, "preview.port-in-use", pn, addr);
		else if (errno == EACCES)
			diag_say(d, stderr, "preview.port-denied", pn);
		else
			diag_say(d, stderr, "preview.cannot-listen", addr, pn,
			    strerror(errno));
		close(fd);
		return -1;
	}
	len = sizeof ss;
	if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
		*port = ntohs(ss.ss_family == AF_INET ? in4->sin_port :
		    in6->sin6_port);
	return fd;
}

/* ---- watching ---- */

/* True for names that editors' tools leave around and builds ignore:
 * hidden files (vim's .x.swp, emacs's .#x) and backups ending in '~'. */
static bool
is_noise(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' || (n > 0 && name[n - 1] == '~');
}

/*
 * Folds every entry below the folder dfd (taken) into h: its name, and
 * for files their size, mtime and inode.  Folder mtimes are left out:
 * an editor's swap file would change them.  Links are not followed.
 */
static uint64_t
fold_tree(uint64_t h, int dfd, int depth)
{
	struct dirent *e;
	struct stat st;
	DIR *dir;
	int fd;

	if ((dir = fdopendir(dfd)) == NULL) {
		close(dfd);
		return hash_fnv1a(h, "?", 1);
	}
	while ((e = readdir(dir)) != NULL) {
		if (is_noise(e->d_name))
			continue;
		h = hash_fnv1a(h, e->d_name, strlen(e->d_name) + 1);
		if (fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW)
		    == -1)
			continue;
		if (S_ISDIR(st.st_mode)) {
			h = hash_fnv1a(h, "/", 1);
			if (depth < MAX_DEPTH && (fd = openat(dirfd(dir),
			    e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			    O_CLOEXEC)) != -1)
				h = fold_tree(h, fd, depth + 1);
			h = hash_fnv1a(h, "\\", 1);	/* end of the folder */
			continue;
		}
		h = hash_fnv1a(h, &st.st_size, sizeof st.st_size);
		h = hash_fnv1a(h, &st.st_mtim.tv_sec,
		    sizeof st.st_mtim.tv_sec);
		h = hash_fnv1a(h, &st.st_mtim.tv_nsec,
		    sizeof st.st_mtim.tv_nsec);
		h = hash_fnv1a(h, &st.st_ino, sizeof st.st_ino);
		h = hash_fnv1a(h, &st.st_mode, sizeof st.st_mode);
	}
	closedir(dir);
	return h;
}

/* The fingerprint of source's content/ and themes/. */
static uint64_t
fingerprint(const char *source)
{
	static const char *const watched[] = {"content", "themes"};
	uint64_t h = HASH_FNV1A_INIT;
	size_t i;
	int sfd, fd;

	sfd = open(source, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (i = 0; i < sizeof watched / sizeof watched[0]; i++) {
		h = hash_fnv1a(h, watched[i], strlen(watched[i]) + 1);
		fd = sfd == -1 ? -1 : openat(sfd, watched[i], O_RDONLY |
		    O_DIRECTORY | O_CLOEXEC);
		h = fd == -1 ? hash_fnv1a(h, "-", 1) : fold_tree(h, fd, 0);
	}
	if (sfd != -1)
		close(sfd);
	return h;
}

/* ---- building ---- */

/* Closes every descriptor from first up (a build must not keep the
 * server's sockets open: their clients would wait for its end). */
static void
close_from(int first)
{
	long i, max;

#ifdef SYS_close_range
	if (syscall(SYS_close_range, (unsigned)first, ~0U, 0U) == 0)
		return;
#endif
	max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 65536)
		max = 65536;
	for (i = first; i < max; i++)
		close((int)i);
}

/*
 * Runs build_run(bo) in a child process and waits for it, stopping it
 * (SIGTERM, repeated until build.c's handler has been installed to see
 * it; SIGKILL after a grace period or a second Ctrl-C) when a stop
 * signal arrives.  The status comes back through a pipe, not the exit
 * code, which a wrapper such as valgrind may change.  Forking beside
 * MHD's thread is safe with glibc (fork takes malloc's locks), not with
 * GCC 12's ASan allocator if that thread is answering a request just
 * then.  Returns the build's exit status, or -1 if stopped or dead.
 */
static int
build_child(struct diags *d, const struct options *bo)
{
	pid_t pid, parent = getpid();
	int wst, stopping = 0, rc, fds[2];
	unsigned char byte;

	if (pipe(fds) == -1) {
		diag_say(d, stderr, "preview.cannot-build", strerror(errno));
		return -1;
	}
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1) {
		diag_say(d, stderr, "preview.cannot-build", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		/* Die with the server, whatever kills it. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent || dup2(fds[1], 3) == -1)
			_exit(2);
		close_from(4);
		byte = (unsigned char)build_run(bo);
		fflush(stdout);
		fflush(stderr);
		if (write(3, &byte, 1) != 1)
			_exit(2);
		_exit(byte);
	}
	close(fds[1]);
	for (;;) {
		pid_t w = waitpid(pid, &wst, WNOHANG);

		if (w == pid)
			break;
		if (w == -1 && errno != EINTR) {
			diag_say(d, stderr, "preview.lost-build",
			    strerror(errno));
			close(fds[0]);
			return -1;
		}
		if (stop_signals) {
			/* Repeated: the first may land before build_run()
			 * has installed the handler that notices it. */
			if (stop_signals > 1 || stopping >= STOP_GRACE_MS)
				kill(pid, SIGKILL);
			else if (stopping % 200 == 0)
				kill(pid, SIGTERM);
			stopping += 20;
		}
		nap(20);
	}
	rc = read(fds[0], &byte, 1) == 1 ? byte : -1;
	close(fds[0]);
	if (stop_signals)
		return -1;
	if (rc == -1 && WIFSIGNALED(wst))
		diag_say(d, stderr, "preview.build-signal",
		    diag_fmt(d, "%d", WTERMSIG(wst)));
	else if (rc == -1)
		diag_say(d, stderr, "preview.build-exit",
		    diag_fmt(d, "%d", WEXITSTATUS(wst)));
	return rc;
}

/*
 * build_run's last word, in the build's child process: the page listing
 * a failed build's diagnostics, written beside the site (whole, then
 * renamed) for the server to show instead of it.
 */
static void
write_errors(void *ctx, const struct diags *d)
{
	const struct server *sv = ctx;
	char tmp[PATH_MAX + 8];
	struct buf b = {0};
	FILE *f;

	if (diags_errors(d) == 0)
		return;
	serve_page_errors(&b, d);
	snprintf(tmp, sizeof tmp, "%s.new", sv->errors);
	if ((f = fopen(tmp, "we")) == NULL) {
		buf_release(&b);
		return;	/* the server says the build died instead */
	}
	fwrite(b.data, 1, b.len, f);
	if (fclose(f) == 0)
		rename(tmp, sv->errors);
	buf_release(&b);
}

/* Publishes the end of a build: a new generation, failed or not. */
static void
built(struct server *sv, bool failed)
{
	pthread_mutex_lock(&sv->lock);
	sv->gen++;
	sv->failed = failed;
	pthread_cond_broadcast(&sv->changed);
	pthread_mutex_unlock(&sv->lock);
}

/* Runs a build for the preview, its error page removed first. */
static int
rebuild(struct server *sv, struct diags *d, const struct options *bo)
{
	int rc;

	unlink(sv->errors);
	rc = build_child(d, bo);
	if (!stop_signals)
		built(sv, rc != 0);
	return rc;
}

/* The host part of a URL for bind address addr. */
static void
url_host(const char *addr, bool v6, char *out, size_t size)
{
	/* Bound to every address: this computer still answers on loopback. */
	if (strcmp(addr, "0.0.0.0") == 0)
		addr = "127.0.0.1";
	else if (v6 && strcmp(addr, "::") == 0)
		addr = "::1";
	snprintf(out, size, v6 ? "[%s]" : "%s", addr);
}

int
serve_run(const struct options *o, const struct serve_options *so)
{
	struct sigaction old[NCAUGHT];
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);	/* only for its language */
	struct server sv = {0};
	pthread_condattr_t ca;
	struct options bo = *o;
	struct MHD_Daemon *daemon = NULL;
	char tmp[PATH_MAX - 16], host[80], base[128];
	const char *tdir = getenv("TMPDIR");
	const char *addr = so->bind != NULL ? so->bind : "127.0.0.1";
	uint64_t built, seen, now;
	int interval = so->interval_ms > 0 && so->interval_ms < MAX_POLL_MS ?
	    so->interval_ms : MAX_POLL_MS;
	int port = so->port, lfd = -1, status = 2, rc, rebuilds = 0;
	bool v6;

	if (o->lang != NULL)
		diags_set_lang(d, o->lang);
	if (port < 0 || port > 65535) {
		diag_say(d, stderr, "preview.bad-port");
		arena_free(a);
		return 2;
	}
	stop_signals = 0;
	pthread_mutex_init(&sv.lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&sv.changed, &ca);
	pthread_condattr_destroy(&ca);
	sv.lang = msg_lang(o->lang);
	catch_signals(old);
	if (tdir == NULL || tdir[0] != '/')
		tdir = "/tmp";
	if ((size_t)snprintf(tmp, sizeof tmp, "%s/minhbach-serve-XXXXXX",
	    tdir) >= sizeof tmp)
		tdir = "/tmp";	/* a TMPDIR that long is no use */
	snprintf(tmp, sizeof tmp, "%s/minhbach-serve-XXXXXX", tdir);
	if (mkdtemp(tmp) == NULL) {
		diag_say(d, stderr, "preview.no-tmp", tdir, strerror(errno));
		tmp[0] = '\0';
		goto out;
	}
	snprintf(sv.site, sizeof sv.site, "%s/site", tmp);
	snprintf(sv.errors, sizeof sv.errors, "%s/errors.html", tmp);
	if ((lfd = listen_on(d, addr, &port, &v6)) == -1)
		goto out;
	url_host(addr, v6, host, sizeof host);
	snprintf(base, sizeof base, "http://%s:%d/", host, port);
	bo.cmd = BUILD_BUILD;
	bo.out = sv.site;
	bo.base_url = base;
	bo.preview = true;
	bo.diags_done = write_errors;
	bo.diags_ctx = &sv;

	/* The first build runs before the server's thread exists (a browser
	 * waits in the listen queue meanwhile): no fork beside a thread. */
	built = seen = fingerprint(o->source);
	rc = rebuild(&sv, d, &bo);
	if (stop_signals) {
		status = 0;
		goto out;
	}
	if (rc == 2)
		goto out;	/* build_run has said why */
	/* A thread per connection: an event stream waits in its own. */
	daemon = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION |
	    (v6 ? MHD_USE_IPv6 : 0), (uint16_t)port, NULL, NULL, answer, &sv,
	    MHD_OPTION_LISTEN_SOCKET, lfd,
	    MHD_OPTION_UNESCAPE_CALLBACK, keep_escapes, NULL,
	    MHD_OPTION_CONNECTION_TIMEOUT, 30U,
	    MHD_OPTION_CONNECTION_LIMIT, 64U,
	    MHD_OPTION_END);
	if (daemon == NULL) {
		diag_say(d, stderr, "preview.no-server", addr,
		    diag_fmt(d, "%d", port));
		goto out;
	}
	lfd = -1;	/* MHD_stop_daemon() closes it */
	diag_say(d, stderr, "preview.at", base);
	if (rc != 0)
		diag_say(d, stderr, "preview.first-errors");
	status = 0;
	while (!stop_signals) {
		int slept;

		for (slept = 0; slept < interval && !stop_signals;
		    slept += 50)
			nap(interval - slept < 50 ? interval - slept : 50);
		if (stop_signals)
			break;
		/* Build only once the tree has held still for one interval:
		 * an editor may save a file in several writes. */
		now = fingerprint(o->source);
		if (now == built || now != seen) {
			seen = now;
			continue;
		}
		built = now;
		diag_say(d, stderr, "preview.rebuilding");
		rc = rebuild(&sv, d, &bo);
		if (stop_signals)
			break;
		diag_say(d, stderr, rc == 0 ? "preview.updated" :
		    "preview.errors");
		if (so->max_rebuilds > 0 && ++rebuilds >= so->max_rebuilds)
			break;
	}
	if (stop_signals)
		diag_say(d, stderr, "preview.stopped");
out:
	/* The event streams end, so that the daemon's threads do. */
	pthread_mutex_lock(&sv.lock);
	sv.stopping = true;
	pthread_cond_broadcast(&sv.changed);
	pthread_mutex_unlock(&sv.lock);
	if (daemon != NULL)
		MHD_stop_daemon(daemon);
	if (lfd != -1)
		close(lfd);
	if (tmp[0] != '\0' && fsutil_rmtree(AT_FDCWD, tmp) == -1)
		diag_say(d, stderr, "preview.cannot-remove", tmp,
		    strerror(errno));
	pthread_cond_destroy(&sv.changed);
	pthread_mutex_destroy(&sv.lock);
	restore_signals(old);
	arena_free(a);
	return status;
}
