/*
 * `minhbach render`, for theme authors: either one template against one
 * YAML data file, outside any build, exactly as the Mustache spec says
 * (a missing partial renders as nothing); or the context a page of the
 * site is rendered against, printed as YAML (--context URL).
 */
#ifndef MINHBACH_CMD_RENDER_H
#define MINHBACH_CMD_RENDER_H

#include <stddef.h>

struct options;

/*
 * Renders template_path with data_path (YAML; JSON is YAML too) as the
 * context to stdout.  Partials are partials_dir/<name>.mustache, read
 * and compiled when first used; partials_dir NULL means the template's
 * folder.  A partial name that would leave partials_dir (absolute, or
 * with a ".." part) counts as missing.  Diagnostics go to stderr.
 * Returns the exit status: 0 rendered, 1 template or data errors (no
 * output), 2 a file could not be read or stdout could not be written.
 */
int cmd_render_template(const char *template_path, const char *data_path,
    const char *partials_dir);

/* Strings longer than this are shortened in a printed context. */
#define CMD_RENDER_MAX_STR 300

/*
 * Makes the model of the site o describes (o->source, o->ref,
 * o->no_history; nothing is rendered or written) and prints to stdout,
 * as YAML (value_to_yaml), the context the page at url is rendered
 * against: its frames merged innermost first as the renderer looks
 * names up (the page's own `content`, `toc`, `menu`; the item's or
 * list's frame; the language's globals `site`, `t`, `lang`), top-level
 * keys sorted, strings over CMD_RENDER_MAX_STR bytes shortened with a
 * note.  url is the page's path ("/khu-cong-nghiep/kcn-loc-son/"; the
 * leading and trailing slashes and "index.html" may be left out).
 * Returns the exit status: 0 printed; 1 content errors, or no such
 * page (an error naming the nearest URL and the pages beside it); 2 an
 * unusable source.
 */
int cmd_render_context(const struct options *o, const char *url);

#endif
