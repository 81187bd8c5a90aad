/*
 * The template engine: Mustache as the official spec defines it
 * (interpolation, sections, inverted sections, comments, partials, set
 * delimiters, template inheritance with blocks and parents; no lambdas).
 * A template is compiled once into an op tree; rendering walks the tree
 * against a stack of value frames and never re-parses text.
 */
#ifndef MINHBACH_MUSTACHE_H
#define MINHBACH_MUSTACHE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct buf;
struct diags;
struct value;
struct mustache;

/*
 * Where partials and parents come from.  find() returns the compiled
 * template named name[0..n), or NULL when there is none.  It is called
 * during rendering, possibly from several threads at once: it must only
 * read (the theme compiles everything before rendering starts).
 */
struct mustache_loader {
	const struct mustache *(*find)(void *ctx, const char *name, size_t n);
	void *ctx;
};

/*
 * SPEC follows the specification to the letter (minhbach render): a
 * missing partial or parent renders as nothing, and a name missing from
 * a context is looked up in the ones around it.  STRICT (builds) makes
 * these located errors at the tag: a missing partial or parent; and the
 * row check: inside a section that iterates a list, while the item is a
 * map (a row), a name whose first part is not a key of the row but is
 * found outside it (the row would show a value that is not its own).
 * Exempt from the row check: ".", names whose first part is "site" or
 * "t", and the names that the template the tag is written in declares
 * with a comment "{{! inherit: name ... }}".  Rows of scalars and
 * sections over a map or a boolean are not rows.  A tag's row-check
 * error is recorded once per row section, however many pages or rows
 * meet it.
 */
enum mustache_mode {
	MUSTACHE_SPEC,
	MUSTACHE_STRICT,
};

/*
 * Compiles src[0..n) named path (used in diagnostics) into a template
 * in arena a.  Returns NULL after recording located errors (unclosed or
 * mismatched section, unclosed tag, bad delimiters, empty tag name).
 */
struct mustache *mustache_compile(struct arena *a, struct diags *d,
    const char *path, const char *src, size_t n);

/* Returns the path the template was compiled under. */
const char *mustache_path(const struct mustache *t);

/*
 * Renders t into out.  frames[0..nframes) is the initial context stack,
 * bottom first (lookups start at frames[nframes-1]).  Variables are
 * HTML-escaped unless {{{triple}}} or {{&amp}}.  Partial nesting deeper
 * than 64 (endless recursion) is a located error in both modes.
 * Returns 0, or -1 after recording errors (output is then partial).
 * Reentrant: t, loader and frames are only read (but for the atomic
 * "recorded once" slots of a tag that failed the row check).
 */
int mustache_render(const struct mustache *t,
    const struct mustache_loader *loader, enum mustache_mode mode,
    const struct value *const *frames, size_t nframes, struct buf *out,
    struct diags *d);

/*
 * What the renders of one worker keep from page to page: the values of
 * dotted names ("t.published_on", "site.title") whose first part comes
 * from a frame that every page shares and nothing changes while pages
 * render (a page asks the 600 keys of "t" some thirty times).  Owned by
 * one worker; bounded (past its size nothing more is kept).
 */
struct mustache_memo;

struct mustache_memo *mustache_memo_new(void);
void mustache_memo_free(struct mustache_memo *m);

/*
 * mustache_render() that keeps, in memo, the values found below
 * frames[0..nstable): those frames, and every value they reach, must
 * stay the same and unchanged for as long as memo is used.  The frames
 * from nstable on may change from one render to the next.  The
 * templates that loader finds for partials and parents named in the
 * template (not {{>*dynamic}} ones) are kept too: loader must find the
 * same for as long as memo is used.
 */
int mustache_render_memo(const struct mustache *t,
    const struct mustache_loader *loader, enum mustache_mode mode,
    const struct value *const *frames, size_t nframes, size_t nstable,
    struct mustache_memo *memo, struct buf *out, struct diags *d);

#endif
