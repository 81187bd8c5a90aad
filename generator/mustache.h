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

enum mustache_mode {
	MUSTACHE_SPEC,	/* a missing partial/parent renders as nothing */
	MUSTACHE_STRICT,	/* it is a located error (builds) */
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
 * Reentrant: t, loader and frames are only read.
 */
int mustache_render(const struct mustache *t,
    const struct mustache_loader *loader, enum mustache_mode mode,
    const struct value *const *frames, size_t nframes, struct buf *out,
    struct diags *d);

#endif
