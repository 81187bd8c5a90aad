/*
 * Render and write.  In: the finished, read-only model.  Out: files
 * below the temporary output folder.  Workers take pages by an atomic
 * counter; each has its own arena (reset after every page), output
 * buffer and template memo (what the model's frames hold under dotted
 * names, kept from page to page), so the hot path allocates almost
 * nothing.  A page's Markdown
 * is rendered here, by the worker that writes the page, and put in a
 * small frame of its own on top of the item's: the shared model is
 * never written to.  Without an output folder (check) every page is
 * rendered all the same, so that template errors show, and dropped.
 * The workers are processes when this one may fork (render_procs.c),
 * so that cmark-gfm's global table needs no lock; threads otherwise.
 */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "item_body.h"
#include "markdown.h"
#include "meta.h"
#include "mustache.h"
#include "render.h"
#include "render_procs.h"
#include "search.h"
#include "site.h"
#include "source.h"
#include "theme.h"
#include "value.h"

#define MAX_JOBS 8

struct pool {
	struct site *site;
	const struct theme *theme;
	int dirfd;
	atomic_size_t *next; /* the next page to take; may be shared */
	atomic_int failed;
	volatile sig_atomic_t *stop;
};

/* The menu of the page's language with the entry it belongs to marked. */
static struct value *
menu_for(struct arena *a, const struct value *globals, const char *url)
{
	const struct value *menu = value_path(globals, "site.menu");
	const char *home = value_path(globals, "site.url")->text;
	struct value *l;
	size_t i, best = (size_t)-1, bestlen = 0;

	if (menu == NULL || menu->n == 0 || url == NULL)
		return NULL;
	/* The longest entry that is a prefix of the page's URL wins. */
	for (i = 0; i < menu->n; i++) {
		const char *u = value_map_str(menu->items[i], "url");
		size_t n = u ? strlen(u) : 0;

		if (u == NULL || strncmp(url, u, n) != 0 || n <= bestlen)
			continue;
		if (strcmp(u, home) == 0 && strcmp(url, home) != 0)
			continue;
		best = i;
		bestlen = n;
	}
	l = value_list(a);
	for (i = 0; i < menu->n; i++) {
		struct value *e = value_map(a);

		value_map_set(a, e, "title", value_map_get(menu->items[i],
		    "title"));
		value_map_set(a, e, "url", value_map_get(menu->items[i],
		    "url"));
		/* current: this very page; in_section: a page below it. */
		value_map_set(a, e, "current", value_bool(a, i == best &&
		    strcmp(url, value_map_str(menu->items[i], "url")) == 0));
		value_map_set(a, e, "in_section", value_bool(a, i == best));
		value_list_push(a, l, e);
	}
	return l;
}

int
render_frames(struct site *s, const struct page *p, struct arena *a,
    const struct value *frames[RENDER_MAX_FRAMES], size_t *nframes)
{
	struct value *over = value_map(a), *menu;
	size_t n = p->nframes;

	assert(n > 0 && n < RENDER_MAX_FRAMES);
	memcpy(frames, p->frames, n * sizeof *frames);
	if (p->item != NULL && p->item->body_len > 0) {
		struct markdown_result md;

		struct markdown_links l = {s->root, "/", site_link_missing, s};
		const char *slash = strrchr(p->out, '/'), *body;
		struct buf b = {0};
		int rc;

		/* Relative links from the page's folder: "tin-tuc/a/" for
		 * tin-tuc/a/index.html.  Checked once the outputs are
		 * known (site_check_outputs()); a preview of one page
		 * (serve, render --context) may come before. */
		if (slash != NULL)
			l.dir = arena_printf(a, "/%.*s/", (int)(slash - p->out),
			    p->out);
		/* read again from its file when not kept (CONTENT_REREAD) */
		rc = item_body(s, p->item, &b, &body) == -1 ?
		    -1 :
		    markdown_render_site(a, s->diags, p->item->body_pos, body,
		        p->item->body_len, s->outs != NULL ? &l : NULL, &md);
		buf_release(&b);
		if (rc == -1)
			return -1;
		if (md.len > RENDER_MAX_PAGE_BYTES)
			return diag_error(s->diags, p->item->body_pos,
			    "render.page-too-large", diag_fmt(s->diags, "%.1f",
			    (double)md.len / (1 << 20)), diag_fmt(s->diags, "%zu",
			    RENDER_MAX_PAGE_BYTES >> 20));
		value_map_set(a, over, "content", value_str_borrow(a, md.html,
		    md.len));
		if (md.toc != NULL && md.toc->n > 1) {
			value_map_set(a, over, "toc", md.toc);
			value_map_set(a, over, "has_toc", value_bool(a, true));
		}
	}
	menu = menu_for(a, p->frames[0],
	    value_map_str(p->frames[n - 1], "url"));
	if (menu != NULL)
		value_map_set(a, over, "menu", menu);
	meta_frame(s, a, p, over);
	frames[n++] = over;
	*nframes = n;
	return 0;
}

/* Where a page comes from: its record's first line, or its origin. */
static struct pos
page_pos(const struct page *p)
{
	if (p->item != NULL)
		return pos_file(p->item->path);
	return pos_file(p->origin);
}

/*
 * Renders page p with the worker's arena, output buffer and memo; the
 * page's own frames (p->frames) are the model's, which no render
 * changes: what the templates find below them is kept in memo.
 */
static int
render_page(struct pool *pl, struct page *p, struct arena *a, struct buf *out,
    struct mustache_memo *memo)
{
	struct site *s = pl->site;
	const struct value *frames[RENDER_MAX_FRAMES];
	size_t n = 0;

	if (p->data != NULL)
		return pl->dirfd < 0 ? 0 : fsutil_write(s->diags, pl->dirfd,
		    p->out, p->data, p->len);
	if (p->make != NULL) {
		struct fsutil_sink k;

		if (pl->dirfd < 0)
			return 0; /* check: nothing to find in them */
		if (fsutil_sink_open(s->diags, pl->dirfd, p->out, &k) == -1)
			return -1;
		buf_reset(out);
		p->make(s, p, a, out, &k);
		fsutil_sink_write(&k, out->data, out->len);
		return fsutil_sink_close(&k);
	}
	if (render_frames(s, p, a, frames, &n) == -1)
		return -1;
	buf_reset(out);
	if (mustache_render_memo(p->tmpl, &pl->theme->loader, MUSTACHE_STRICT,
	        frames, n, p->nframes, memo, out, s->diags) == -1)
		return -1;
	if (out->len > RENDER_MAX_PAGE_BYTES)
		return diag_error(s->diags, page_pos(p), "render.page-too-large",
		    diag_fmt(s->diags, "%.1f", (double)out->len / (1 << 20)),
		    diag_fmt(s->diags, "%zu", RENDER_MAX_PAGE_BYTES >> 20));
	if (pl->dirfd < 0)
		return 0;
	return fsutil_write(s->diags, pl->dirfd, p->out, buf_cstr(out),
	    out->len);
}

/*
 * Takes pages until there are none left: one at a time, from a counter
 * every worker shares (threads or processes), so that a worker that
 * drew short pages takes more and all end together.
 */
static int
work(void *arg)
{
	struct pool *pl = arg;
	struct arena *a = arena_new();
	struct mustache_memo *memo = mustache_memo_new();
	struct buf out = {0};
	size_t i;

	while (!*pl->stop &&
	    (i = atomic_fetch_add(pl->next, 1)) < pl->site->npages) {
		if (render_page(pl, &pl->site->pages[i], a, &out, memo) == -1)
			atomic_store(&pl->failed, 1);
		arena_reset(a);
	}
	buf_release(&out);
	mustache_memo_free(memo);
	arena_free(a);
	return atomic_load(&pl->failed) || *pl->stop ? -1 : 0;
}

static void *
worker(void *arg)
{
	work(arg);
	return NULL;
}

/*
 * The search index, made and written by this process while the workers
 * render (search_write()): in a thread of its own, started once the
 * workers are forked or beside the worker threads.
 */
struct beside {
	struct pool *pl;
	pthread_t th;
	bool started;
	int rc;
};

static void *
beside_run(void *arg)
{
	struct beside *b = arg;

	b->rc = search_write(b->pl->site, b->pl->dirfd);
	return NULL;
}

static void
beside_start(void *arg)
{
	struct beside *b = arg;

	b->started = pthread_create(&b->th, NULL, beside_run, b) == 0;
	if (!b->started) /* then before the wait, here */
		beside_run(b);
}

/* What the worker processes share: the page counter and a stop. */
struct shared {
	atomic_size_t next;
	volatile sig_atomic_t stop;
};

/*
 * Renders with n worker processes.  Returns 0, -1 (reported) or -2
 * when no process could be started.
 */
static int
render_forked(struct pool *pl, int n, struct beside *bs)
{
	struct shared *sh = render_procs_shared(sizeof *sh);
	atomic_size_t *own = pl->next;
	volatile sig_atomic_t *stop = pl->stop;
	int rc;

	if (sh == NULL)
		return -2;
	atomic_init(&sh->next, 0);
	sh->stop = *stop;
	pl->next = &sh->next;
	pl->stop = &sh->stop; /* the workers' */
	rc = render_procs_run(pl->site->diags, n, stop, &sh->stop, work, pl,
	    bs != NULL ? beside_start : NULL, bs);
	pl->next = own;
	pl->stop = stop;
	render_procs_unshare(sh, sizeof *sh);
	return rc;
}

static int
copy_files(struct site *s, struct source *src, int dirfd,
    volatile sig_atomic_t *stop)
{
	struct buf b = {0};
	size_t i;
	int rc = 0;

	for (i = 0; i < s->ncopies && !*stop; i++) {
		if (source_read(src, s->copies[i].from, &b) == -1 ||
		    fsutil_write(s->diags, dirfd, s->copies[i].to,
		    buf_cstr(&b), b.len) == -1)
			rc = -1;
	}
	buf_release(&b);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds every folder of path out ("a/b/c.html": "a", "a/b") to v. */
static void
add_dirs(struct arena *a, const char *out, const char ***v, size_t *n,
    size_t *cap)
{
	const char *p;

	for (p = strchr(out, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*v = arena_grow(a, *v, *n, cap, sizeof **v);
		(*v)[(*n)++] = arena_strndup(a, out, (size_t)(p - out));
	}
}

/*
 * Makes every folder the pages need, once, parents first, before the
 * workers start: each page is then one open, one write, one close.
 */
static int
make_dirs(struct site *s, int dirfd)
{
	struct arena *a = arena_new();
	const char **v = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	for (i = 0; i < s->npages; i++)
		add_dirs(a, s->pages[i].out, &v, &n, &cap);
	for (i = 0; i < s->ncopies; i++)
		add_dirs(a, s->copies[i].to, &v, &n, &cap);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_str);	/* "a" before "a/b" */
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
			continue;
		if (fsutil_mkdir_fresh(dirfd, v[i]) == -1) {
			diag_error(s->diags, pos_file(NULL), "output.mkdir",
			    v[i], strerror(errno));
			rc = -1;
			break;
		}
	}
	arena_free(a);
	return rc;
}

int
render_site(struct site *s, const struct theme *th, struct source *src,
    int dirfd, int jobs, volatile sig_atomic_t *stop)
{
	struct pool pl;
	struct beside bs = {&pl, 0, false, -2}, *index = NULL;
	pthread_t tid[MAX_JOBS];
	atomic_size_t next;
	int i, rc = -2, started = 0;

	if (jobs <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		jobs = n > 0 ? (int)n : 1;
	}
	if (jobs > MAX_JOBS)
		jobs = MAX_JOBS;
	markdown_init();
	/* The folders first, while the thread reading the bodies' search
	 * terms may still run (it can outlast the model). */
	if (dirfd >= 0 && make_dirs(s, dirfd) == -1)
		return -1;
	pl.site = s;
	pl.theme = th;
	pl.dirfd = dirfd;
	atomic_init(&next, 0);
	pl.next = &next;
	atomic_init(&pl.failed, 0);
	pl.stop = stop;
	/* The search index is written beside the pages (not in check),
	 * in a thread that first waits for the one reading the bodies'
	 * terms: the workers start meanwhile (that thread holds no lock
	 * they could want after a fork, search.h).  Without an index to
	 * write, it is waited for here. */
	if (dirfd >= 0 && search_pending(s))
		index = &bs;
	else
		search_join(s);
	/* jobs processes while this one waits (and makes the index); else
	 * this thread works too, with jobs - 1 helpers and the index's. */
	if (jobs > 1 && render_procs_usable(search_threaded(s) ? 1 : 0))
		rc = render_forked(&pl, jobs, index);
	if (rc == -1)
		atomic_store(&pl.failed, 1);
	if (rc == -2) {
		if (index != NULL)
			beside_start(index);
		for (i = 1; i < jobs; i++)
			if (pthread_create(&tid[started], NULL, worker, &pl) ==
			    0)
				started++;
		work(&pl);
		for (i = 0; i < started; i++)
			pthread_join(tid[i], NULL);
	}
	if (index != NULL && index->started)
		pthread_join(index->th, NULL);
	if (index != NULL && index->rc != 0)
		atomic_store(&pl.failed, 1);
	if (dirfd >= 0 && copy_files(s, src, dirfd, stop) == -1)
		atomic_store(&pl.failed, 1);
	return atomic_load(&pl.failed) || *stop ? -1 : 0;
}
