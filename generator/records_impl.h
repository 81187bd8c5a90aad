/*
 * Private to records.c, links.c and browse.c: the index that resolves
 * references by kind and name, the helpers that give an item or
 * collection its title in a language, and the two model passes that
 * live outside records.c (exact decimals: decimal.h).  Nothing here is
 * used by other modules.
 */
#ifndef MINHBACH_RECORDS_IMPL_H
#define MINHBACH_RECORDS_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct collection;
struct item;
struct schemas;
struct site;
struct site_names;
struct theme;
struct value;

/* v's text when v is a real YYYY-MM-DD date string, else NULL. */
const char *records_date_of(const struct value *v);

/* A code and its texts, for the static tables of each kind. */
struct word {
	const char *code, *vi, *en;
};

/* code's text for lang in table w[0..n); code itself when unlisted. */
const char *records_word(const struct word *w, size_t n, const char *code,
    const char *lang);
#define WORD(table, code, lang) \
	records_word(table, sizeof table / sizeof *table, code, lang)

/* Frame setters: a string (null when str is NULL and the key is not
 * there yet) and a boolean. */
void records_set(struct site *s, struct value *f, const char *key,
    const char *str);
void records_setb(struct site *s, struct value *f, const char *key, bool b);
/* A number node for readers with a unit after it: "112,9579 ha"
 * (arena; decimal.h); NULL when v is not a plain decimal. */
const char *records_figure(struct site *s, const struct value *v,
    const char *lang, const char *unit);
/* "15/01/2020" / "15 January 2020" of a date node; NULL if not a date. */
const char *records_date_text(struct site *s, const struct value *v,
    const char *lang);
/* "số 01/QĐ-BQL ngày 15/01/2020" of a decision map; NULL without number. */
const char *records_decision_text(struct site *s, const struct value *dec,
    const char *lang);
/*
 * Replaces f's list `key` by a copy whose maps are the frame's own (the
 * data stays untouched), so that rows can be given texts; returns the
 * copy, or NULL when f has no such list.
 */
struct value *records_copy_rows(struct site *s, struct value *f,
    const char *key);
/* Gives every row of f's list `list` key = the figure of its field. */
void records_row_figures(struct site *s, struct value *f, const char *list,
    const char *field, const char *key, const char *unit, const char *lang);

/* The item's title in its own language: title, name, number or slug. */
const char *records_title(struct site *s, const struct item *it);
/* A collection's title (site.yaml, maybe {vi:, en:}) in language lang. */
const char *records_coll_title(struct site *s, const struct collection *co,
    int lang);
/* True when lang is Vietnamese: tables pick vi, else en. */
bool records_vi(const char *lang);
/* True for a page that is published: it may be linked to and gather
 * links (a frame, a URL, not a draft). */
bool records_shown(const struct item *t);

/*
 * The plan kind (plan.c).  plan_check(): the validate stage's checks of
 * one plan (source cited, parts by zone adding up to each total and
 * result, whole counts, results dated after the plan), as located
 * errors.  plan_frame(): its frame's reader values (x resolves zones).
 */
void plan_check(struct site *s, const struct item *it);
void plan_frame(struct site *s, const struct site_names *x,
    struct item *it);

/* Zone, call and inspection frames' values (browse.c). */
void browse_frames(struct site *s);
/* Document frames' values (links.c): status from dates and replacements. */
void links_document_frames(struct site *s, const struct site_names *x);

/*
 * Cross references both ways (see records.c's head comment for the
 * keys): `<field>_link(s)` on the referring frames, `linked` and
 * `has_linked` on the targets.  Runs after the frames have their own
 * values.
 */
void links_model(struct site *s, const struct schemas *sc,
    const struct site_names *x);
/*
 * Browse pages of call collections (by zone, sector, status) with the
 * `browse` facet map, and the `compare` table of zone lists.  Needs
 * status_computed/status_text in call frames and the *_text figures in
 * zone frames.
 */
void browse_model(struct site *s, const struct theme *th,
    const struct site_names *x);

#endif
