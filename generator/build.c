/*
 * One build: the stages in order.  source → load → validate → model →
 * render → write, each appending to the one diagnostics list; nothing is
 * written unless every earlier stage was clean, and the new site
 * replaces the old one only when it is complete.  A check runs the same
 * stages but writes nothing.  Chooses nothing about exit codes beyond
 * returning them to main().
 */
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "content.h"
#include "build.h"
#include "catalogue.h"
#include "date.h"
#include "diag.h"
#include "feeds.h"
#include "history.h"
#include "markdown.h"
#include "opendata.h"
#include "outdir.h"
#include "precompress.h"
#include "provenance.h"
#include "kind.h"
#include "map.h"
#include "opportunities.h"
#include "repo.h"
#include "render.h"
#include "rows.h"
#include "schema.h"
#include "segments.h"
#include "serve_drafts.h"
#include "search.h"
#include "site.h"
#include "site_names.h"
#include "source.h"
#include "theme.h"
#include "utf8.h"
#include "value.h"
#include "words.h"

/*
 * The one mutable global: a signal handler can reach nothing else.  Set
 * on SIGINT/SIGTERM/SIGHUP; render workers stop and the build is
 * abandoned, leaving the published site as it was.
 */
static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Stage timings for --timings: when each stage ended. */
struct timings {
	struct timespec last;
	char text[512];
	size_t len;
};

static void
stage_done(struct timings *t, const char *name)
{
	struct timespec now;
	double ms;
	int n;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - t->last.tv_sec) * 1e3 +
	    (double)(now.tv_nsec - t->last.tv_nsec) / 1e6;
	t->last = now;
	n = snprintf(t->text + t->len, sizeof t->text - t->len, " %s %.0f ms",
	    name, ms);
	if (n > 0 && (size_t)n < sizeof t->text - t->len)
		t->len += (size_t)n;
}

/* A time spent beside a stage (in a thread of its own), noted after it. */
static void
stage_beside(struct timings *t, const char *name, double ms)
{
	int n = snprintf(t->text + t->len, sizeof t->text - t->len,
	    " (%s %.0f ms)", name, ms);

	if (n > 0 && (size_t)n < sizeof t->text - t->len)
		t->len += (size_t)n;
}

struct refs_ctx {
	struct site *s;
	struct site_names *names;
	struct diags *d;
	struct diag_view *errs;	/* the load's errors, once needed */
	size_t nerrs;
	bool scanned;
};

/*
 * True when the record of kind named key has a file that failed to load
 * (its error is reported): a reference to it is no second mistake.
 */
static bool
ref_broken(struct refs_ctx *r, const char *kind, const char *key)
{
	size_t i, j, k;

	if (!r->scanned) {
		r->nerrs = diags_view(r->d, r->s->arena, &r->errs);
		r->scanned = true;
	}
	for (i = 0; i < r->s->ncolls; i++) {
		const char *dir = r->s->colls[i].name;
		size_t n = strlen(dir), m = strlen(key);

		if (strcmp(r->s->colls[i].kind, kind) != 0)
			continue;
		for (j = 0; j < r->nerrs; j++) {
			const char *p = r->errs[j].pos.path;

			k = strlen("content/");
			if (r->errs[j].level != DIAG_ERROR || p == NULL ||
			    strncmp(p, "content/", k) != 0 ||
			    strncmp(p + k, dir, n) != 0 || p[k + n] != '/' ||
			    strncmp(p + k + n + 1, key, m) != 0 ||
			    p[k + n + 1 + m] != '.')
				continue;
			return true;
		}
	}
	return false;
}

/* Resolves a reference through the name index (sorted once). */
static bool
ref_exists(void *ctx, const char *kind, const char *key)
{
	struct refs_ctx *r = ctx;

	return site_lookup(r->names, kind, key, strlen(key)) != NULL ||
	    ref_broken(r, kind, key);
}

/*
 * The file name of the record of kind nearest to key, however far: an
 * unknown zone is answered with the closest zone there is.
 */
static const char *
ref_nearest(void *ctx, const char *kind, const char *key)
{
	struct refs_ctx *r = ctx;
	const char *best = NULL, *name;
	size_t i, j, d, bestd = SIZE_MAX;

	for (i = 0; i < r->s->ncolls; i++)
		for (j = 0; strcmp(r->s->colls[i].kind, kind) == 0 &&
		    j < r->s->colls[i].n; j++) {
			if (r->s->colls[i].items[j]->lang_index != 0)
				continue;
			name = r->s->colls[i].items[j]->base;
			if ((d = utf8_distance(key, name)) < bestd) {
				best = name;
				bestd = d;
			}
		}
	return best;
}

/*
 * The validate stage: every item against its kind's schema, then the
 * domain checks (budget sums, zone areas, dates in order...).  Returns
 * the schemas, which the model uses to follow references.
 */
static struct schemas *
validate(struct site *s, struct arena *a, struct diags *d)
{
	struct schemas *sc = schema_builtin(a, d);
	struct refs_ctx rc = {s, site_names(s), d, NULL, 0, false};
	struct schema_refs refs = {ref_exists, &rc, ref_nearest};
	size_t i, j;

	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		if (!schema_has_kind(sc, co->kind)) {
			struct value *k = value_map_get(co->conf, "kind");
			size_t nk, m;
			const char *const *names = schema_kinds(sc, &nk);
			struct buf b = {0};

			for (m = 0; m < nk; m++)
				buf_addf(&b, "%s%s", m ? ", " : "", names[m]);
			diag_error(d, k->pos, "build.unknown-kind", co->kind,
			    diag_fmt(d, "%s", buf_cstr(&b)));
			buf_release(&b);
			co->n = 0;	/* nothing to check or build */
			continue;
		}
		co->schema = schema_declare(sc, a, d, co->name, co->kind,
		    value_map_get(co->conf, "fields"));
		for (j = 0; j < co->n; j++)
			schema_check(sc, co->schema, co->items[j]->data, &refs,
			    d);
	}
	kinds_check(s);
	segments_check(s);
	return sc;
}

void
build_today_ict(time_t t, char out[DATE_ISO_SIZE])
{
	/* date.c floors t + 7 h to a day: no TZ database, no locale. */
	date_vn_iso((int64_t)t, out);
}

int
build_date_pick(const char *opt, const char *epoch, bool has_commit,
    long long commit_time, time_t now, char out[DATE_ISO_SIZE])
{
	int bad = 0;

	if (opt != NULL && date_is_valid(opt, strlen(opt))) {
		memcpy(out, opt, DATE_ISO_SIZE);
		return 0;
	}
	if (epoch != NULL && *epoch) {
		char *end;
		long long t;

		errno = 0;
		t = strtoll(epoch, &end, 10);
		if (*end == '\0' && t >= 0 && errno == 0 &&
		    t < 253402300800LL) {	/* before year 10000 */
			date_vn_iso(t, out);
			return 0;
		}
		bad = -1;
	}
	if (has_commit)
		date_vn_iso(commit_time, out);
	else
		build_today_ict(now, out);
	return bad;
}

static const char *
build_date(struct arena *a, const struct options *o, struct source *src,
    struct diags *d)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char iso[DATE_ISO_SIZE];

	if (build_date_pick(o->date, e, source_commit(src) != NULL,
	    source_commit_time(src), time(NULL), iso) == -1)
		diag_error(d, pos_file(NULL), "build.source-date-epoch", e);
	return arena_strdup(a, iso);
}

static const char *
theme_name(const struct site *s)
{
	const char *t = value_map_str(s->conf, "theme");

	return t != NULL ? t : "default";
}

/* Where `make install` put the default theme (PREFIX/share/minhbach);
 * MINHBACH_DATADIR in the environment says otherwise (tests). */
#ifndef MINHBACH_DATADIR
#define MINHBACH_DATADIR "/usr/local/share/minhbach"
#endif

/*
 * A site that names a theme it does not contain gets the installed one
 * of that name, if there is one (the theme check then reports a theme
 * found nowhere).  Says so on stderr unless quiet.
 */
static int
installed_theme(struct arena *a, struct diags *d, struct source *src,
    const char *name, bool quiet)
{
	const char *dir = arena_printf(a, "themes/%s", name);
	const char *data = getenv("MINHBACH_DATADIR");
	struct source *fb;
	char *tdir;
	struct stat st;
	bool there;

	if (source_has_dir(src, arena_printf(a, "%s/templates", dir)))
		return 0;
	if (data == NULL || *data == '\0')
		data = MINHBACH_DATADIR;
	tdir = arena_printf(a, "%s/%s/templates", data, dir);
	there = stat(tdir, &st) == 0 && S_ISDIR(st.st_mode);
	if (!there)
		return 0;
	if (source_open_dir(a, d, data, &fb) == -1)
		return -1;
	source_set_fallback(src, dir, fb);
	if (!quiet)
		diag_say(d, stderr, "theme.installed", name,
		    arena_printf(a, "%s/%s", data, dir));
	return 0;
}

int
build_run(const struct options *o)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct source *src = NULL;
	struct site *s = NULL;
	struct theme *th = NULL;
	struct outdir od = {NULL, NULL, -1};
	struct schemas *sc;
	struct history *h = NULL;
	struct repo *repo = NULL;	/* one per build: source, history */
	struct timings tm;
	struct timespec t0, t1;
	int status = 1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	tm.last = t0;
	tm.len = 0;
	tm.text[0] = '\0';
	catch_signals();
	if (o->lang != NULL)
		diags_set_lang(d, o->lang);
	if (o->github)
		diags_set_format(d, DIAG_GITHUB);
	if ((o->ref ? repo_open(a, d, o->source, &repo) == -1 ||
	    source_open_git(a, d, repo, o->ref, &src) == -1 :
	    source_open_dir(a, d, o->source, &src) == -1)) {
		status = 2;
		goto out;
	}
	/* load */
	s = content_load(a, d, src,
	    o->cmd == BUILD_BUILD || o->cmd == BUILD_CHECK ? CONTENT_REREAD :
	                                                     0);
	stage_done(&tm, "load");
	if (s == NULL)
		goto out;
	/* The bodies' search terms, read on the core the validation and
	 * the model leave idle (a build's only: check and render
	 * --context write no index). */
	if (o->cmd == BUILD_BUILD)
		search_begin(s, o->jobs != 1);
	s->commit = source_commit(src);
	if (o->lang == NULL && s->nlangs > 0)
		diags_set_lang(d, s->langs[0]);
	/* history: one walk of the repository, unless told not to */
	if (!o->no_history) {
		if ((repo == NULL && repo_find(a, d, o->source, &repo) == -1) ||
		    history_load(a, d, repo, o->ref, "content", false,
		    &h) == -1)
			goto out;
		if (h == NULL && !o->quiet)
			diag_say(d, stderr, "run.no-repository", o->source);
		if (s->commit == NULL && history_tip(h, NULL) != NULL) {
			/* A preview names the commit it stands on, and says
			 * when the work tree has more than that. */
			s->commit = history_tip(h, NULL);
			s->dirty = history_any_dirty(h);
		}
	}
	s->build_date = build_date(a, o, src, d);
	/* validate */
	stage_done(&tm, "history");
	sc = validate(s, a, d);
	s->schemas = sc;	/* the model's date fields */
	serve_drafts_apply(s, o->preview);	/* drafts, future dates */
	site_check_attachments(s);
	/* model (the theme is loaded here: templates are part of it) */
	{
		const char *tn = theme_name(s);
		const struct value *tv = value_map_get(s->conf, "theme");
		struct pos asked = tv != NULL ? tv->pos :
		    pos_file(s->conf->pos.path);

		if (!utf8_is_slug(tn)) {
			diag_error(d, asked, "theme.bad-name", tn);
			goto out;
		}
		if (installed_theme(a, d, src, tn, o->quiet) == -1)
			goto out;
		th = theme_load_at(a, d, src, tn, asked);
	}
	if (th == NULL)
		goto out;
	/* A theme without a search page has no index: its bodies' terms
	 * are not read on. */
	if (theme_find(th, "search") == NULL)
		search_end(s);
	stage_done(&tm, "validate+theme");
	if (site_model(s, th, src, o->base_url) == -1 || diags_errors(d))
		goto out;
	kinds_model(s, th, sc);
	map_model(s, th);
	opportunities_model(s, th);
	catalogue_model(s, th);
	/* After the budgets: their downloads are datasets too. */
	opendata_model(s, th, h);
	if (h != NULL)
		provenance_model(s, th, h);
	feeds_make(s);
	stage_done(&tm, "model");
	search_make(s, th);
	stage_done(&tm, "search");
	/* Last: every row its own keys, so that no row shows a value of
	 * the record or page around it. */
	rows_fill(s, sc);
	/* What a translation lacks; the untranslated records on request. */
	words_check(s, o->cmd == BUILD_CHECK && o->untranslated);
	if (site_check_outputs(s) == -1 || diags_errors(d))
		goto out;
	stage_done(&tm, "checks");
	if (o->cmd == BUILD_MODEL) {
		status = o->model_done(o->model_ctx, s, th);
		goto out;
	}
	if (o->cmd == BUILD_CHECK) {
		/* Every page rendered in memory: template errors (a row
		 * showing a value not its own, a missing partial) are
		 * content errors too. */
		if (render_site(s, th, src, -1, o->jobs, &interrupted) == -1 ||
		    diags_errors(d)) {
			if (interrupted)
				diag_error(d, pos_file(NULL),
				    "run.interrupted");
			goto out;
		}
		stage_done(&tm, "render");
		status = 0;
		goto out;
	}
	/* render and write, into a fresh folder; then the swap */
	if (outdir_begin(d, o->source, o->out, &od) == -1) {
		status = 2;
		goto out;
	}
	if (render_site(s, th, src, od.tmpfd, o->jobs, &interrupted) == -1 ||
	    diags_errors(d)) {
		outdir_abort(&od);
		if (interrupted)
			diag_error(d, pos_file(NULL),
			    "run.interrupted-kept");
		goto out;
	}
	stage_done(&tm, "render+write");
	if (search_pending(s))
		stage_beside(&tm, "search index beside it", s->search_ms);
	if (o->precompress && precompress_dir(d, od.tmp) == -1) {
		outdir_abort(&od);
		goto out;
	}
	if (o->precompress)
		stage_done(&tm, "precompress");
	if (outdir_commit(d, &od) == -1) {
		outdir_abort(&od);
		goto out;
	}
	stage_done(&tm, "swap");
	status = 0;
out:
	if (o->diags_done != NULL)
		o->diags_done(o->diags_ctx, d);
	diags_print(d, stderr);
	if (o->timings)
		fprintf(stderr, "minhbach: timings:%s\n", tm.text);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!o->quiet) {
		double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;

		if (status == 0 && o->cmd == BUILD_BUILD)
			diag_say(d, stderr, o->ref ? "run.wrote-ref" :
			    "run.wrote", diag_fmt(d, "%zu", s->npages),
			    diag_fmt(d, "%zu", s->ncopies), o->out,
			    diag_fmt(d, "%.0f", ms));
		else if (status == 0) {
			if (o->cmd == BUILD_CHECK)
				words_summary(s, stderr);
			diag_say(d, stderr, "run.ok",
			    diag_fmt(d, "%zu", s->npages),
			    diag_fmt(d, "%zu", diags_warnings(d)));
		} else
			diag_say(d, stderr, o->cmd == BUILD_BUILD ?
			    "run.failed-build" : "run.failed",
			    diag_fmt(d, "%zu", diags_errors(d)),
			    diag_fmt(d, "%zu", diags_warnings(d)));
	}
	search_end(s);
	history_close(h);
	free(od.out);
	free(od.tmp);
	if (src != NULL)
		source_close(src);
	repo_close(repo);	/* after everything that borrowed it */
	arena_free(a);
	return status;
}
