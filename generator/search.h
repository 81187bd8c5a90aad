/*
 * Model stage (search.c): the site search that works on a static host.
 * The build writes, per language, a sharded index of folded terms and
 * the search page; themes/default/static/js/search.js answers queries
 * in the browser, loading only the shards of the query's terms.
 */
#ifndef MINHBACH_SEARCH_H
#define MINHBACH_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct site;
struct theme;

/*
 * Appends s[0..n) folded for search: decomposed (NFD), combining marks
 * dropped, đ/Đ → d, lower case.  "Ngân sách" → "ngan sach"; NFC and
 * NFD input fold alike.  Bytes that are not UTF-8 are kept when ASCII.
 * search.js's fold() does the same in the browser.
 */
void search_fold(struct buf *out, const char *s, size_t n);

/* The shard of a folded term: FNV-1a (32 bits) of its bytes mod n, as
 * search.js computes it. */
uint32_t search_shard(const char *term, size_t len, uint32_t n);

/*
 * When the theme has a template "search" (else nothing): adds the
 * search pages (segment "search" per language) and readies each
 * language's index, which search_write() writes under the first
 * language's search page: idx/<lang>/meta.json, idx/<lang>/s<k>.json
 * (terms) and idx/<lang>/d<k>.json (documents, by number).
 * Deterministic: the same content gives the same bytes.
 */
void search_make(struct site *s, const struct theme *th);

/*
 * Reads the terms of the Markdown bodies of s's records as loaded, in a
 * thread of its own when thread (the model, which does not change them,
 * is made meanwhile), else at once.  search_join() waits for the
 * thread; search_write() uses them (reading them itself when
 * search_begin() was not called); search_end() frees them.
 */
void search_begin(struct site *s, bool thread);

/* Waits for search_begin()'s thread, if running (search_write() does),
 * and reads again the bodies it could not read, saying why.  For an
 * index to write, then keeps of the bodies' first words only what the
 * excerpts need. */
void search_join(struct site *s);

/*
 * Whether search_begin() started a thread: it may still run, or be
 * ending, after search_join() or search_end().  It takes no lock that a
 * process forked meanwhile could want (it says nothing to the
 * diagnostics: search_join() does), so that the render may fork its
 * workers beside it and wait for it in the thread that writes the index.
 */
bool search_threaded(const struct site *s);

/* Whether search_make() readied an index for search_write(). */
bool search_pending(const struct site *s);

/*
 * Makes the index search_make() readied and writes its files below
 * dirfd (fsutil_write(): reported, safe from any thread).  Reads the
 * model, writes nothing into it but s->search_ms and the diagnostics:
 * the render runs it beside its workers.  0, or -1 after a reported
 * failure.
 */
int search_write(struct site *s, int dirfd);

/* Waits for search_begin()'s thread and frees what it read. */
void search_end(struct site *s);

#endif
