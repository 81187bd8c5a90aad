/*
 * One run of `minhbach build` or `minhbach check`: the pipeline's
 * stages in order, source → load → validate → model → render → write,
 * with one arena and one diagnostics list, and the output swap.
 */
#ifndef MINHBACH_BUILD_H
#define MINHBACH_BUILD_H

#include <stdbool.h>
#include <time.h>

#include "date.h"

/* BUILD_MODEL: stop once the model is made and call model_done (for
 * `minhbach render --context`); nothing is rendered or written. */
enum build_cmd { BUILD_BUILD, BUILD_CHECK, BUILD_MODEL };

struct diags;
struct site;
struct theme;

struct options {
	enum build_cmd cmd;
	const char *source;	/* folder holding content/ and themes/ */
	const char *out;	/* output folder (build only) */
	const char *ref;	/* git commit-ish, or NULL for the work tree */
	const char *base_url;	/* overrides site.yaml's base_url */
	/* the build date, YYYY-MM-DD (main has checked it), or NULL:
	 * build_date_pick() chooses */
	const char *date;
	int jobs;		/* worker threads; 0 = one per core */
	bool quiet;		/* no summary line */
	bool no_history;	/* no revision history (shallow clones) */
	bool timings;		/* print each stage's time */
	bool untranslated;	/* check: list untranslated records */
	const char *lang;	/* messages' language; NULL: the site's first */
	bool github;		/* check: GitHub annotation lines */
	/* serve: drafts and records dated after the build date are built
	 * too, with a banner (serve_drafts.h) */
	bool preview;
	/* serve: called last with the run's diagnostics (its error page) */
	void (*diags_done)(void *ctx, const struct diags *d);
	void *diags_ctx;
	/* BUILD_MODEL only: called with the finished model (no errors);
	 * its result is the exit status. */
	int (*model_done)(void *ctx, struct site *s, const struct theme *th);
	void *model_ctx;
};

/*
 * The build date, which statuses, countdowns, staleness warnings and
 * what is published yet are judged at.  The first of: opt (--date, a
 * valid YYYY-MM-DD); SOURCE_DATE_EPOCH (epoch, seconds, as its day in
 * Vietnam); the commit's date for a --ref build (has_commit,
 * commit_time); today in Vietnam at now.  Writes it into out; returns
 * -1 when epoch is set but not a number of seconds (it is then passed
 * over for the next), else 0.  Pure but for errno: the unit tests give
 * it every input.
 */
int build_date_pick(const char *opt, const char *epoch, bool has_commit,
    long long commit_time, time_t now, char out[DATE_ISO_SIZE]);
/* Today in Asia/Ho_Chi_Minh (UTC+07:00, no summer time) at t. */
void build_today_ict(time_t t, char out[DATE_ISO_SIZE]);

/* Runs the command; returns the exit status: 0 done, 1 content or
 * template errors, 2 unsafe request or unusable source. */
int build_run(const struct options *o);

#endif
