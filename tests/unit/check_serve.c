/*
 * serve: the preview server run in a child process on a free loopback
 * port over a copy of the golden "basic" site, spoken to with a tiny
 * HTTP/1.0 client.  Pages, types, headers, 404/301/400/405, symlinks planted in
 * the served folder, rebuilds after a save, a broken save that shows the
 * list of errors instead of the site, the reload script and the event
 * stream, drafts and future-dated records, stopping, and the temporary
 * folder's removal.
 */
#include <arpa/inet.h>
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "build.h"
#include "diag.h"
#include "serve.h"
#include "serve_impl.h"
#include "testutil.h"

Suite *serve_suite(void);

#define WAIT_MS 20000	/* for a build or rebuild, even under ASan */

struct fx {
	char root[128];		/* everything of one test lives here */
	char src[160];		/* content/ and themes/ */
	char tmp[160];		/* TMPDIR for serve_run */
	struct options o;
	struct serve_options so;
	pid_t pid;		/* the server's process */
	struct tu_capture cap;
	struct arena *a;
	char *old_tmpdir;	/* given back: CK_FORK=no runs on after us */
};

struct resp {
	int status;
	struct buf head;	/* status line and headers */
	struct buf body;
};

static void
sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

/* A port nobody listens on right now. */
static int
free_port(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port;

	ck_assert_int_ge(fd, 0);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	port = ntohs(a.sin_port);
	close(fd);
	return port;
}

/* Sends "METHOD path HTTP/1.0" (path sent as is) and reads the answer
 * until the server closes; status -1 if nobody answered. */
static void
http(int port, const char *method, const char *path, struct resp *r)
{
	struct sockaddr_in a;
	struct timeval tv = {5, 0};
	struct buf req = {0}, all = {0};
	char tmp[4096];
	const char *p;
	ssize_t n;
	int fd;

	r->status = -1;
	buf_reset(&r->head);
	buf_reset(&r->body);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	ck_assert_int_ge(fd, 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	if (connect(fd, (struct sockaddr *)&a, sizeof a) == -1) {
		close(fd);
		return;
	}
	buf_addf(&req, "%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\n", method, path);
	if (strcmp(method, "POST") == 0)
		buf_adds(&req, "Content-Type: application/x-www-form-urlencoded"
		    "\r\nContent-Length: 3\r\n\r\nx=1");
	else
		buf_adds(&req, "\r\n");
	ck_assert_int_eq(write(fd, req.data, req.len), (ssize_t)req.len);
	while ((n = read(fd, tmp, sizeof tmp)) > 0)
		buf_add(&all, tmp, (size_t)n);
	close(fd);
	p = buf_cstr(&all);
	if (all.len > 12 && strncmp(p, "HTTP/1.", 7) == 0)
		r->status = atoi(p + 9);
	if ((p = strstr(buf_cstr(&all), "\r\n\r\n")) != NULL) {
		buf_add(&r->head, all.data, (size_t)(p - all.data) + 2);
		buf_add(&r->body, p + 4, all.len - (size_t)(p + 4 - all.data));
	}
	buf_release(&req);
	buf_release(&all);
}

static void
resp_release(struct resp *r)
{
	buf_release(&r->head);
	buf_release(&r->body);
}

/* True if the headers hold "Name: value" exactly. */
static bool
has_header(const struct resp *r, const char *name, const char *value)
{
	char line[512];

	snprintf(line, sizeof line, "\r\n%s: %s\r\n", name, value);
	return tu_contains(r->head.data, r->head.len, line);
}

static bool
body_has(const struct resp *r, const char *needle)
{
	return tu_contains(r->body.data, r->body.len, needle);
}

/* Makes the source (golden basic + the small theme) and TMPDIR. */
static void
fx_init(struct fx *f)
{
	char p[256];

	memset(f, 0, sizeof *f);
	tu_mkdtemp(f->root, sizeof f->root, "servetest");
	snprintf(f->src, sizeof f->src, "%s/src", f->root);
	snprintf(f->tmp, sizeof f->tmp, "%s/tmp", f->root);
	ck_assert_int_eq(mkdir(f->src, 0755), 0);
	ck_assert_int_eq(mkdir(f->tmp, 0755), 0);
	snprintf(p, sizeof p, "%s/content", f->src);
	tu_copy_tree("tests/golden/basic/content", p);
	snprintf(p, sizeof p, "%s/themes", f->src);
	tu_copy_tree("tests/golden/_theme", p);
	f->old_tmpdir = getenv("TMPDIR") ? xstrdup(getenv("TMPDIR")) : NULL;
	ck_assert_int_eq(setenv("TMPDIR", f->tmp, 1), 0);
	/* English: the tests wait for what the preview says (Vietnamese
	 * unless told; the catalogue has both). */
	f->o = (struct options){.cmd = BUILD_BUILD, .source = f->src,
	    .jobs = 1, .quiet = true, .no_history = true, .lang = "en"};
	f->so = (struct serve_options){NULL, free_port(), 100, 0};
	f->a = arena_new();
	tu_stderr_begin(&f->cap);
}

/* What serve_run has printed so far (stderr is captured). */
static const char *
captured(struct fx *f)
{
	static char text[65536];
	ssize_t n;

	fflush(stderr);
	n = pread(fileno(f->cap.tmp), text, sizeof text - 1, 0);
	text[n > 0 ? n : 0] = '\0';
	return text;
}

static bool
printed(struct fx *f, const char *needle)
{
	return strstr(captured(f), needle) != NULL;
}

/* Waits until needle has been printed n times in all. */
static void
wait_printed_n(struct fx *f, const char *needle, size_t n)
{
	int t;

	for (t = 0; t < WAIT_MS && tu_count(captured(f), needle) < n;
	    t += 50)
		sleep_ms(50);
	ck_assert_msg(tu_count(captured(f), needle) >= n, "'%s' not printed "
	    "%zu times:\n%s", needle, n, captured(f));
}

static void
wait_printed(struct fx *f, const char *needle)
{
	wait_printed_n(f, needle, 1);
}

/* Polls GET path until it answers status with needle in the body. */
static void
wait_for(struct fx *f, const char *path, int status, const char *needle)
{
	struct resp r = {0};
	int t;

	for (t = 0; t < WAIT_MS; t += 50) {
		http(f->so.port, "GET", path, &r);
		if (r.status == status && body_has(&r, needle))
			break;
		sleep_ms(50);
	}
	ck_assert_msg(r.status == status && body_has(&r, needle),
	    "GET %s: %d without '%s'; printed:\n%s", path, r.status, needle,
	    captured(f));
	resp_release(&r);
}

/*
 * Starts serve_run in a child process.  Not a thread: the server forks
 * its builds, and GCC 12's ASan allocator deadlocks a child forked while
 * another thread allocates.  For the same reason the tests send no
 * request while a build may be starting: they wait for its message.
 */
static void
fx_launch(struct fx *f)
{
	fflush(NULL);
	f->pid = fork();
	ck_assert_int_ge(f->pid, 0);
	if (f->pid == 0)
		exit(serve_run(&f->o, &f->so));	/* exit: LSan looks */
}

static void
fx_start(struct fx *f)
{
	fx_launch(f);
	wait_printed(f, "minhbach: preview at ");
	wait_for(f, "/", 200, "<title>");
}

/* Waits for the server to end by itself; returns its exit status. */
static int
fx_wait(struct fx *f)
{
	int st;

	ck_assert_int_eq(waitpid(f->pid, &st, 0), f->pid);
	ck_assert_msg(WIFEXITED(st), "the server died: %s", captured(f));
	return WEXITSTATUS(st);
}

/* Entries of folder path (without . and ..). */
static int
count_entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* The folder being served: TMPDIR/minhbach-serve-XXXXXX/site. */
static void
served_dir(struct fx *f, char *out, size_t size)
{
	DIR *d = opendir(f->tmp);
	struct dirent *e;

	out[0] = '\0';
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, "minhbach-serve-", 15) == 0)
			ck_assert((size_t)snprintf(out, size, "%s/%s/site",
			    f->tmp, e->d_name) < size);
	closedir(d);
	ck_assert_msg(out[0] != '\0', "no minhbach-serve-* in %s", f->tmp);
}

/* Stops the server as Ctrl-C would; returns serve_run's status. */
static int
fx_stop(struct fx *f)
{
	ck_assert_int_eq(kill(f->pid, SIGTERM), 0);
	return fx_wait(f);
}

static void
fx_done(struct fx *f)
{
	tu_stderr_end(&f->cap, f->a);
	arena_free(f->a);
	tu_rmtree(f->root);
	if (f->old_tmpdir != NULL)
		setenv("TMPDIR", f->old_tmpdir, 1);
	else
		unsetenv("TMPDIR");
	free(f->old_tmpdir);
}

static void
rewrite(struct fx *f, const char *rel, const char *text)
{
	char p[256];

	/* A new size as well as a new mtime: coarse clocks cannot hide it. */
	snprintf(p, sizeof p, "%s/content", f->src);
	tu_put(p, rel, text);
}

/* ---- answers ---- */

START_TEST(test_serve_pages_and_types)
{
	static const char *const typed[][2] = {
		{"/", "text/html; charset=utf-8"},
		{"/gioi-thieu/", "text/html; charset=utf-8"},
		{"/style.css", "text/css; charset=utf-8"},
		{"/robots.txt", "text/plain; charset=utf-8"},
		{"/sitemap.xml", "text/xml; charset=utf-8"},
		{"/tin-tuc/index.json", "application/json; charset=utf-8"},
		{"/files/docs/quyet-dinh.pdf", "application/pdf"},
	};
	struct fx f;
	struct resp r = {0};
	struct buf want = {0};
	char site[256], base[64];
	size_t i;

	fx_init(&f);
	fx_start(&f);
	served_dir(&f, site, sizeof site);
	snprintf(base, sizeof base, "http://127.0.0.1:%d/", f.so.port);
	wait_printed(&f, "minhbach: preview at ");
	ck_assert(printed(&f, base));
	/* The home page, byte for byte what was built, with local links,
	 * and the reload script's tag before </body>. */
	http(f.so.port, "GET", "/", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(tu_read(site, "index.html", &want));
	ck_assert(!tu_contains(want.data, want.len, "_preview"));
	serve_page_inject(&want, 1);
	/* (This theme leaves </body> out: the tag goes at the end.) */
	ck_assert(tu_contains(want.data, want.len, "</footer>\n<script src=\""
	    "/_preview/reload.js\" data-gen=\"1\"></script>\n"));
	ck_assert_uint_eq(r.body.len, want.len);
	ck_assert_mem_eq(r.body.data, want.data, want.len);
	ck_assert(body_has(&r, "<title>Cổng thử</title>"));
	ck_assert(body_has(&r, "href=\"/gioi-thieu/\""));
	http(f.so.port, "GET", "/sitemap.xml", &r);
	ck_assert(body_has(&r, base));
	for (i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		http(f.so.port, "GET", typed[i][0], &r);
		ck_assert_msg(r.status == 200, "%s: %d", typed[i][0], r.status);
		ck_assert_msg(has_header(&r, "Content-Type", typed[i][1]),
		    "%s: %s", typed[i][0], buf_cstr(&r.head));
	}
	/* Production's headers on every answer, errors included. */
	http(f.so.port, "GET", "/khong-co/", &r);
	ck_assert(has_header(&r, "X-Content-Type-Options", "nosniff"));
	ck_assert(has_header(&r, "Cache-Control", "no-store"));
	ck_assert(has_header(&r, "Referrer-Policy",
	    "strict-origin-when-cross-origin"));
	ck_assert(tu_contains(r.head.data, r.head.len,
	    "\r\nContent-Security-Policy: default-src 'self'; "));
	/* HEAD: the headers, no body. */
	http(f.so.port, "HEAD", "/style.css", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has_header(&r, "Content-Type", "text/css; charset=utf-8"));
	ck_assert_uint_eq(r.body.len, 0);
	ck_assert_int_eq(fx_stop(&f), 0);
	resp_release(&r);
	buf_release(&want);
	fx_done(&f);
}
END_TEST

START_TEST(test_serve_missing_and_redirect)
{
	struct fx f;
	struct resp r = {0};
	struct buf vi = {0}, en = {0};
	char site[256];

	fx_init(&f);
	fx_start(&f);
	served_dir(&f, site, sizeof site);
	ck_assert(tu_read(site, "404.html", &vi));
	ck_assert(tu_read(site, "en/404.html", &en));
	ck_assert(vi.len != en.len || memcmp(vi.data, en.data, vi.len) != 0);
	/* 404 with the site's page, the English one below /en/ (with
	 * the reload script: it is HTML the preview serves). */
	serve_page_inject(&vi, 1);
	serve_page_inject(&en, 1);
	http(f.so.port, "GET", "/khong-co/", &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert_uint_eq(r.body.len, vi.len);
	ck_assert_mem_eq(r.body.data, vi.data, vi.len);
	http(f.so.port, "GET", "/en/missing", &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert_uint_eq(r.body.len, en.len);
	ck_assert_mem_eq(r.body.data, en.data, en.len);
	/* A file asked for as a folder does not exist. */
	http(f.so.port, "GET", "/style.css/", &r);
	ck_assert_int_eq(r.status, 404);
	/* The build's marker and other hidden files are not the site. */
	http(f.so.port, "GET", "/.minhbach", &r);
	ck_assert_int_eq(r.status, 404);
	/* A folder without its slash: 301 to the slash. */
	http(f.so.port, "GET", "/gioi-thieu", &r);
	ck_assert_int_eq(r.status, 301);
	ck_assert(has_header(&r, "Location", "/gioi-thieu/"));
	http(f.so.port, "GET", "/en/tin-tuc", &r);
	ck_assert_int_eq(r.status, 301);
	ck_assert(has_header(&r, "Location", "/en/tin-tuc/"));
	/* %XX is decoded. */
	http(f.so.port, "GET", "/gioi%2Dthieu/", &r);
	ck_assert_int_eq(r.status, 200);
	/* GET and HEAD only. */
	http(f.so.port, "POST", "/", &r);
	ck_assert_int_eq(r.status, 405);
	ck_assert(has_header(&r, "Allow", "GET, HEAD"));
	http(f.so.port, "DELETE", "/index.html", &r);
	ck_assert_int_eq(r.status, 405);
	ck_assert(tu_exists(site, "index.html"));
	ck_assert_int_eq(fx_stop(&f), 0);
	resp_release(&r);
	buf_release(&vi);
	buf_release(&en);
	fx_done(&f);
}
END_TEST

/* ---- safety ---- */

START_TEST(test_serve_bad_paths)
{
	static const char *const bad[] = {
		"/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E", "/a/../b",
		"/tin-tuc/%2e/", "/./index.html", "/index.html%00.txt",
		"/a%5cb", "/a\\b", "/%zz", "/%2", "/en/..%2findex.html",
	};
	struct fx f;
	struct resp r = {0};
	size_t i;

	fx_init(&f);
	fx_start(&f);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		http(f.so.port, "GET", bad[i], &r);
		ck_assert_msg(r.status == 400, "%s: %d", bad[i], r.status);
		ck_assert(!body_has(&r, "root:"));
	}
	ck_assert_int_eq(fx_stop(&f), 0);
	resp_release(&r);
	fx_done(&f);
}
END_TEST

START_TEST(test_serve_no_symlinks)
{
	struct fx f;
	struct resp r = {0};
	char site[256], p[320], q[320], out[256];

	fx_init(&f);
	snprintf(out, sizeof out, "%s/ngoai", f.root);
	ck_assert_int_eq(mkdir(out, 0755), 0);
	tu_put(out, "index.html", "BI MAT: outside the site");
	tu_put(out, "secret.txt", "BI MAT: outside the site");
	fx_start(&f);
	served_dir(&f, site, sizeof site);
	/* A link to a file outside, a link to a folder outside, and a
	 * link in the middle of a path. */
	snprintf(p, sizeof p, "%s/secret.txt", out);
	snprintf(q, sizeof q, "%s/secret.txt", site);
	ck_assert_int_eq(symlink(p, q), 0);
	snprintf(q, sizeof q, "%s/ngoai", site);
	ck_assert_int_eq(symlink(out, q), 0);
	snprintf(q, sizeof q, "%s/index.html", site);
	snprintf(p, sizeof p, "%s/trang-chu.html", site);
	ck_assert_int_eq(symlink(q, p), 0);
	http(f.so.port, "GET", "/secret.txt", &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert(!body_has(&r, "BI MAT"));
	http(f.so.port, "GET", "/ngoai/", &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert(!body_has(&r, "BI MAT"));
	http(f.so.port, "GET", "/ngoai/secret.txt", &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert(!body_has(&r, "BI MAT"));
	http(f.so.port, "GET", "/ngoai", &r);
	ck_assert_int_eq(r.status, 404);
	/* Even a link that stays inside is not followed. */
	http(f.so.port, "GET", "/trang-chu.html", &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert_int_eq(fx_stop(&f), 0);
	resp_release(&r);
	fx_done(&f);
}
END_TEST

/* ---- rebuilds ---- */

START_TEST(test_serve_rebuilds)
{
	struct fx f;
	struct resp r = {0};

	fx_init(&f);
	fx_start(&f);
	wait_for(&f, "/gioi-thieu/", 200, "Trang giới thiệu.");
	/* A save shows up. */
	rewrite(&f, "pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n"
	    "weight: 1\n---\nNội dung đã sửa lần một.\n");
	wait_printed_n(&f, "minhbach: preview updated", 1);
	wait_for(&f, "/gioi-thieu/", 200, "Nội dung đã sửa lần một.");
	/* A broken save: its error is printed, and every page is the
	 * list of errors, not the stale site. */
	rewrite(&f, "pages/gioi-thieu.md", "---\ntittle: Giới thiệu\n"
	    "weight: 1\n---\nBản hỏng.\n");
	wait_printed(&f, "the preview lists the errors");
	ck_assert_msg(printed(&f, "content/pages/gioi-thieu.md:"), "%s",
	    captured(&f));
	http(f.so.port, "GET", "/gioi-thieu/", &r);
	ck_assert_int_eq(r.status, 500);
	ck_assert(has_header(&r, "Content-Type", "text/html; charset=utf-8"));
	ck_assert(body_has(&r, "content/pages/gioi-thieu.md:"));
	ck_assert(body_has(&r, "/_preview/reload.js\" data-gen=\"3\""));
	ck_assert(!body_has(&r, "Nội dung đã sửa lần một."));
	ck_assert(!body_has(&r, "Bản hỏng."));
	http(f.so.port, "GET", "/style.css", &r);
	ck_assert_int_eq(r.status, 500);
	/* The preview's own files are still there. */
	http(f.so.port, "GET", "/_preview/reload.js", &r);
	ck_assert_int_eq(r.status, 200);
	/* Corrected: shown again.  A theme change counts too. */
	rewrite(&f, "pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n"
	    "weight: 1\n---\nĐã sửa lại.\n");
	wait_printed_n(&f, "minhbach: preview updated", 2);
	wait_for(&f, "/gioi-thieu/", 200, "Đã sửa lại.");
	{
		char p[256];

		snprintf(p, sizeof p, "%s/themes/default/static", f.src);
		tu_put(p, "style.css", "body { color: #123456 }\n");
	}
	wait_printed_n(&f, "minhbach: preview updated", 3);
	wait_for(&f, "/style.css", 200, "#123456");
	ck_assert_int_eq(fx_stop(&f), 0);
	wait_printed(&f, "minhbach: preview stopped");
	ck_assert_int_eq(count_entries(f.tmp), 0);
	/* Nothing was written beside the source or in it. */
	ck_assert_int_eq(count_entries(f.root), 2);	/* src, tmp */
	ck_assert_int_eq(count_entries(f.src), 2);	/* content, themes */
	resp_release(&r);
	fx_done(&f);
}
END_TEST

START_TEST(test_serve_first_build_broken)
{
	struct fx f;

	fx_init(&f);
	rewrite(&f, "pages/gioi-thieu.md", "---\ntittle: x\n---\nx\n");
	fx_launch(&f);
	wait_printed(&f, "the site has errors");
	ck_assert(printed(&f, "content/pages/gioi-thieu.md:"));
	/* Served meanwhile: the list of errors. */
	wait_for(&f, "/", 500, "content/pages/gioi-thieu.md:");
	rewrite(&f, "pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n"
	    "Đã sửa.\n");
	wait_printed(&f, "minhbach: preview updated");
	wait_for(&f, "/gioi-thieu/", 200, "Đã sửa.");
	ck_assert_int_eq(fx_stop(&f), 0);
	ck_assert_int_eq(count_entries(f.tmp), 0);
	fx_done(&f);
}
END_TEST

/* ---- live reload, errors, drafts ---- */

/* True if a file below root holds needle. */
static bool
tree_has(const char *root, const char *needle)
{
	char *hit = tu_tree_find(root, needle);
	bool has = hit != NULL;

	free(hit);
	return has;
}

/*
 * Opens the event stream with since (NULL: none) over HTTP/1.1 and
 * returns the socket; the caller reads with stream_until.
 */
static int
stream_open(int port, const char *since)
{
	struct sockaddr_in a;
	struct timeval tv = {0, 200000};
	char req[256];
	int fd;

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	ck_assert_int_ge(fd, 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	ck_assert_int_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
	snprintf(req, sizeof req, "GET /_preview/events%s%s HTTP/1.1\r\n"
	    "Host: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
	    since ? "?since=" : "", since ? since : "");
	ck_assert_int_eq(write(fd, req, strlen(req)), (ssize_t)strlen(req));
	return fd;
}

/* Reads from the stream into all until needle is in it (true), the
 * server closes it or WAIT_MS pass (false). */
static bool
stream_until(int fd, struct buf *all, const char *needle)
{
	char tmp[1024];
	ssize_t n;
	int t;

	for (t = 0; t < WAIT_MS; t += 200) {
		if (tu_contains(all->data, all->len, needle))
			return true;
		n = read(fd, tmp, sizeof tmp);
		if (n == 0)
			break;
		if (n > 0)
			buf_add(all, tmp, (size_t)n);
	}
	return tu_contains(all->data, all->len, needle);
}

START_TEST(test_serve_events)
{
	struct fx f;
	struct buf s1 = {0}, s2 = {0};
	int fd1, fd2;

	fx_init(&f);
	fx_start(&f);
	/* A page from another generation hears of the current one at once,
	 * as an event stream with production's headers. */
	fd1 = stream_open(f.so.port, "0");
	ck_assert_msg(stream_until(fd1, &s1, "data: 1\n\n"), "%s",
	    buf_cstr(&s1));
	ck_assert(tu_contains(s1.data, s1.len, "HTTP/1.1 200"));
	ck_assert(tu_contains(s1.data, s1.len, "\r\nContent-Type: "
	    "text/event-stream; charset=utf-8\r\n"));
	ck_assert(tu_contains(s1.data, s1.len, "\r\nCache-Control: "
	    "no-store\r\n"));
	ck_assert(tu_contains(s1.data, s1.len, "retry: "));
	/* A page of the current one waits for the next build. */
	fd2 = stream_open(f.so.port, "1");
	ck_assert(stream_until(fd2, &s2, "retry: "));
	ck_assert(!tu_contains(s2.data, s2.len, "data: "));
	rewrite(&f, "pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n"
	    "weight: 1\n---\nMới.\n");
	ck_assert_msg(stream_until(fd2, &s2, "data: 2\n\n"), "%s",
	    buf_cstr(&s2));
	ck_assert(stream_until(fd1, &s1, "data: 2\n\n"));
	/* A failed build is news too: the page shows the errors. */
	rewrite(&f, "pages/gioi-thieu.md", "---\ntittle: x\n---\nx\n");
	ck_assert(stream_until(fd2, &s2, "data: 3\n\n"));
	ck_assert(stream_until(fd1, &s1, "data: 3\n\n"));
	/* Stopping ends the streams, and the server with them. */
	ck_assert_int_eq(fx_stop(&f), 0);
	s1.len = 0;
	ck_assert(!stream_until(fd1, &s1, "data: "));
	close(fd1);
	close(fd2);
	buf_release(&s1);
	buf_release(&s2);
	fx_done(&f);
}
END_TEST

START_TEST(test_serve_reload_script)
{
	struct fx f;
	struct resp r = {0};
	char site[256];

	fx_init(&f);
	fx_start(&f);
	served_dir(&f, site, sizeof site);
	http(f.so.port, "GET", "/_preview/reload.js", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(has_header(&r, "Content-Type",
	    "text/javascript; charset=utf-8"));
	ck_assert(body_has(&r, "new EventSource('/_preview/events?since="));
	ck_assert(body_has(&r, "location.reload()"));
	/* The page CSP allows it: same origin, a file. */
	ck_assert(tu_contains(r.head.data, r.head.len, "script-src 'self'"));
	ck_assert(tu_contains(r.head.data, r.head.len, "connect-src 'self'"));
	http(f.so.port, "GET", "/gioi-thieu/", &r);
	ck_assert_int_eq(tu_count(buf_cstr(&r.body), "/_preview/reload.js"),
	    1);
	/* Only HTML gets it; nothing the build wrote has it. */
	http(f.so.port, "GET", "/sitemap.xml", &r);
	ck_assert(!body_has(&r, "_preview"));
	ck_assert(!tree_has(site, "_preview"));
	http(f.so.port, "GET", "/_preview/khong-co", &r);
	ck_assert_int_eq(r.status, 404);
	/* The guide: every id an anchor. */
	http(f.so.port, "GET", "/_preview/thong-bao", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(body_has(&r, "<section id=\"publish.scheduled\">"));
	ck_assert_int_eq(fx_stop(&f), 0);
	resp_release(&r);
	fx_done(&f);
}
END_TEST

/* The page of errors escapes what content and paths bring. */
START_TEST(test_serve_errors_escaped)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct buf b = {0};
	struct pos p = {"content/pages/<script>x.md", 3, 2};

	diag_error(d, p, "run.interrupted");
	diag_warning(d, pos_file("content/a&b.md"), "publish.scheduled",
	    "<img src=x onerror=alert(1)>", "\"2020-01-01\"");
	serve_page_errors(&b, d);
	ck_assert(!tu_contains(b.data, b.len, "<script>"));
	ck_assert(!tu_contains(b.data, b.len, "<img"));
	ck_assert(tu_contains(b.data, b.len, "content/pages/&lt;script&gt;x.md"
	    ":3:2</span>"));
	ck_assert(tu_contains(b.data, b.len, "content/a&amp;b.md:1:1"));
	ck_assert(tu_contains(b.data, b.len, "&lt;img src=x"));
	ck_assert(tu_contains(b.data, b.len, "&quot;2020-01-01&quot;"));
	/* Vietnamese, with each id linked to the guide. */
	ck_assert(tu_contains(b.data, b.len, "<html lang=\"vi\">"));
	ck_assert(tu_contains(b.data, b.len, "lỗi</span>"));
	ck_assert(tu_contains(b.data, b.len, "<a href=\"/_preview/thong-bao"
	    "#run.interrupted\">[run.interrupted]</a>"));
	ck_assert(tu_contains(b.data, b.len, "#publish.scheduled\""));
	/* The error first, then the warning. */
	ck_assert(strstr(b.data, "run.interrupted") <
	    strstr(b.data, "publish.scheduled"));
	buf_reset(&b);
	diags_set_lang(d, "en");
	serve_page_errors(&b, d);
	ck_assert(tu_contains(b.data, b.len, "<html lang=\"en\">"));
	ck_assert(tu_contains(b.data, b.len, "error</span>"));
	buf_release(&b);
	arena_free(a);
}
END_TEST

/* Many warnings like each other: three, then one note, not linked. */
START_TEST(test_serve_errors_summarised)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct buf b = {0};
	char path[32];
	const char *note, *last;
	int i;

	for (i = 0; i < 100; i++) {
		snprintf(path, sizeof path, "content/news/%03d.md", i);
		diag_warning(d, pos_file(path), "record.unknown-key", "zone",
		    "");
	}
	diag_error(d, pos_file("content/z.md"), "run.interrupted");
	serve_page_errors(&b, d);
	ck_assert_uint_eq(tu_count(b.data, "<li class=\"warning\">"), 3);
	ck_assert_uint_eq(tu_count(b.data, "<li class=\"note\">"), 1);
	note = strstr(b.data, "<li class=\"note\">");
	last = strstr(b.data, "content/news/002.md");
	ck_assert(last != NULL && note > last);
	ck_assert(tu_contains(b.data, b.len, "97 chỗ khác"));
	ck_assert(!tu_contains(b.data, b.len, "#diag.more-like-it"));
	/* The error still first. */
	ck_assert(strstr(b.data, "run.interrupted") < last);
	buf_release(&b);
	arena_free(a);
}
END_TEST

START_TEST(test_serve_drafts_and_future)
{
	static const char future[] = "---\ntitle: Tin hẹn ngày\n"
	    "date: 2099-01-02\n---\nSau này.\n";
	static const char on[] = "---\ntitle: Tin hẹn đăng\n"
	    "date: 2020-02-01\npublish_on: 2099-03-04\n---\nĐúng hẹn.\n";
	struct fx f;
	struct resp r = {0};
	struct options bo;
	char out[256];

	fx_init(&f);
	rewrite(&f, "news/2099-01-02-hen-ngay.md", future);
	rewrite(&f, "news/2020-02-01-hen-dang.md", on);
	/* The preview shows the draft and the records not yet due. */
	fx_start(&f);
	wait_for(&f, "/tin-tuc/2020/hen-dang/", 200, "Đúng hẹn.");
	wait_for(&f, "/tin-tuc/2020/ban-nhap/", 200, "Không được xuất bản.");
	wait_for(&f, "/tin-tuc/2099/hen-ngay/", 200, "Sau này.");
	wait_for(&f, "/tin-tuc/", 200, "Tin hẹn ngày");
	ck_assert(!printed(&f, "[publish.scheduled]"));
	ck_assert_int_eq(fx_stop(&f), 0);
	/* A build leaves both out, and says why for the second. */
	bo = f.o;
	snprintf(out, sizeof out, "%s/out", f.root);
	bo.out = out;
	ck_assert_int_eq(build_run(&bo), 0);
	ck_assert(tu_exists(out, "tin-tuc/2020/hoi-nghi-can-bo/index.html"));
	ck_assert(!tu_exists(out, "tin-tuc/2020/ban-nhap/index.html"));
	ck_assert(!tu_exists(out, "tin-tuc/2099/hen-ngay/index.html"));
	ck_assert(!tree_has(out, "Tin hẹn ngày"));
	ck_assert(!tree_has(out, "_preview"));
	ck_assert(!tree_has(out, "preview_"));
	ck_assert_msg(printed(&f, "content/news/2099-01-02-hen-ngay.md:3:7: "),
	    "%s", captured(&f));
	ck_assert(printed(&f, "[publish.scheduled]"));
	ck_assert(printed(&f, "2099-01-02"));
	/* publish_on: left out too, the warning at the field. */
	ck_assert(!tu_exists(out, "tin-tuc/2020/hen-dang/index.html"));
	ck_assert(!tree_has(out, "Tin hẹn đăng"));
	ck_assert_msg(printed(&f, "content/news/2020-02-01-hen-dang.md:4:13: "),
	    "%s", captured(&f));
	ck_assert(printed(&f, "[publish.publish-on]"));
	resp_release(&r);
	fx_done(&f);
}
END_TEST

/* Without drafts or records not yet due, the preview builds exactly
 * what `minhbach build` writes (it only adds the script as it serves). */
START_TEST(test_serve_same_as_build)
{
	struct fx f;
	struct options bo;
	char site[256], out[256], base[64], p[256], *why;

	fx_init(&f);
	snprintf(p, sizeof p, "%s/content/news/2020-04-01-ban-nhap.md", f.src);
	ck_assert_int_eq(unlink(p), 0);
	fx_start(&f);
	served_dir(&f, site, sizeof site);
	bo = f.o;
	snprintf(out, sizeof out, "%s/out", f.root);
	snprintf(base, sizeof base, "http://127.0.0.1:%d/", f.so.port);
	bo.out = out;
	bo.base_url = base;
	ck_assert_int_eq(build_run(&bo), 0);
	why = tu_tree_diff(site, out);
	ck_assert_msg(why == NULL, "differs: %s", why);
	ck_assert_int_eq(fx_stop(&f), 0);
	fx_done(&f);
}
END_TEST

/* ---- starting and stopping ---- */

START_TEST(test_serve_max_rebuilds)
{
	struct fx f;

	fx_init(&f);
	f.so.max_rebuilds = 1;
	fx_start(&f);
	rewrite(&f, "news/2020-03-02-thong-bao.md", "---\ntitle: Mới\n"
	    "date: 2020-03-02\n---\nMới.\n");
	/* Returns by itself after one rebuild, and cleans up. */
	ck_assert_int_eq(fx_wait(&f), 0);
	ck_assert(printed(&f, "a file changed; rebuilding"));
	ck_assert_int_eq(count_entries(f.tmp), 0);
	fx_done(&f);
}
END_TEST

START_TEST(test_serve_port_taken)
{
	struct fx f;
	struct sockaddr_in a;
	int fd, one = 1;

	fx_init(&f);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)f.so.port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	ck_assert_int_eq(listen(fd, 1), 0);
	ck_assert_int_eq(serve_run(&f.o, &f.so), 2);
	ck_assert(printed(&f, "already in use"));
	ck_assert_int_eq(count_entries(f.tmp), 0);
	close(fd);
	/* Not an address, and a port out of range. */
	f.so.bind = "localhost";
	ck_assert_int_eq(serve_run(&f.o, &f.so), 2);
	ck_assert(printed(&f, "'localhost' is not an IP address"));
	f.so.bind = NULL;
	f.so.port = 70000;
	ck_assert_int_eq(serve_run(&f.o, &f.so), 2);
	ck_assert_int_eq(count_entries(f.tmp), 0);
	fx_done(&f);
}
END_TEST

START_TEST(test_serve_unusable_source)
{
	struct fx f;
	char p[256];

	struct sigaction before, after;

	fx_init(&f);
	snprintf(p, sizeof p, "%s/nothing-here", f.root);
	f.o.source = p;
	ck_assert_int_eq(sigaction(SIGINT, NULL, &before), 0);
	ck_assert_int_eq(serve_run(&f.o, &f.so), 2);
	ck_assert(!printed(&f, "preview at"));
	ck_assert_int_eq(count_entries(f.tmp), 0);
	/* The signal dispositions are given back. */
	ck_assert_int_eq(sigaction(SIGINT, NULL, &after), 0);
	ck_assert(after.sa_handler == before.sa_handler);
	fx_done(&f);
}
END_TEST

Suite *
serve_suite(void)
{
	Suite *s = suite_create("serve");
	TCase *tc;

	tc = tcase_create("answers");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_serve_pages_and_types);
	tcase_add_test(tc, test_serve_missing_and_redirect);
	suite_add_tcase(s, tc);
	tc = tcase_create("safety");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_serve_bad_paths);
	tcase_add_test(tc, test_serve_no_symlinks);
	suite_add_tcase(s, tc);
	tc = tcase_create("rebuilds");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_serve_rebuilds);
	tcase_add_test(tc, test_serve_first_build_broken);
	suite_add_tcase(s, tc);
	tc = tcase_create("reload");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_serve_events);
	tcase_add_test(tc, test_serve_reload_script);
	tcase_add_test(tc, test_serve_errors_escaped);
	tcase_add_test(tc, test_serve_errors_summarised);
	tcase_add_test(tc, test_serve_drafts_and_future);
	tcase_add_test(tc, test_serve_same_as_build);
	suite_add_tcase(s, tc);
	tc = tcase_create("lifecycle");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_serve_max_rebuilds);
	tcase_add_test(tc, test_serve_port_taken);
	tcase_add_test(tc, test_serve_unusable_source);
	suite_add_tcase(s, tc);
	return s;
}
