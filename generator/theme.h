/*
 * The theme: every template of themes/<name>/templates compiled once per
 * build, the UI strings of each language (i18n/<lang>.yaml) and the list
 * of static files.  After theme_load() it is read-only, and its loader
 * serves partials and parents to render workers without locking.
 */
#ifndef MINHBACH_THEME_H
#define MINHBACH_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "mustache.h"

struct arena;
struct diags;
struct source;
struct value;

struct theme_tmpl {
	const char *name;	/* "news", "partials/header" */
	const struct mustache *t;
};

struct theme {
	const char *dir;	/* themes/default */
	struct theme_tmpl *tmpls;	/* sorted by name */
	size_t ntmpls;
	struct mustache_loader loader;
	const char **statics;	/* source paths below dir/static */
	size_t nstatics;
	const char *asset_version;	/* hash of the static files */
	/* theme.yaml (optional): linked_order, a list of kinds; an empty
	 * map when the theme has no such file.  Never NULL once loaded. */
	struct value *conf;
	/* Templates that did not compile ("single"): a page that needs
	 * one says nothing more, its compile errors said it. */
	const char **failed;
	size_t nfailed;
};

/*
 * Loads theme `name` from src: compiles every .mustache file below
 * templates/ (errors located in the templates).  Returns NULL after a
 * diagnostic when the theme folder does not exist.
 */
struct theme *theme_load(struct arena *a, struct diags *d,
    struct source *src, const char *name);
/* theme_load() with the place that named the theme (the `theme:` line of
 * content/site.yaml), where a missing theme is reported. */
struct theme *theme_load_at(struct arena *a, struct diags *d,
    struct source *src, const char *name, struct pos asked);
/* True when template name exists but did not compile. */
bool theme_failed(const struct theme *th, const char *name);
/* Returns the template called name, or NULL. */
const struct mustache *theme_find(const struct theme *th, const char *name);
/*
 * Returns the UI strings of lang (i18n/<lang>.yaml), an empty map when
 * the file does not exist (with a warning at `asked`, the place that
 * named the language).  Never NULL.
 */
struct value *theme_strings(struct arena *a, struct diags *d,
    struct source *src, const struct theme *th, const char *lang,
    struct pos asked);

#endif
