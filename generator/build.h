/*
 * One run of `minhbach build` or `minhbach check`: the pipeline's
 * stages in order, source → load → validate → model → render → write,
 * with one arena and one diagnostics list, and the output swap.
 */
#ifndef MINHBACH_BUILD_H
#define MINHBACH_BUILD_H

#include <stdbool.h>

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

/* Runs the command; returns the exit status: 0 done, 1 content or
 * template errors, 2 unsafe request or unusable source. */
int build_run(const struct options *o);

#endif
