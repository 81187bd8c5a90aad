/*
 * What the kinds of records share (generator/kinds/, kind.h): the title
 * of a record or collection in a language, dates, decisions, figures and
 * amounts formatted for readers, and the setters that put them in a
 * frame.  It calls no kind: the kinds call it, never each other.
 */
#ifndef MINHBACH_RECORDS_H
#define MINHBACH_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

struct collection;
struct item;
struct site;
struct value;

/* v's text when v is a real YYYY-MM-DD date string, else NULL. */
const char *records_date_of(const struct value *v);

/*
 * The reader's word for value code of a kind's field in language lang:
 * the theme's UI string values.<field>.<code> (field "call.status":
 * values.call.status.open; words.h), code itself when no language has
 * it; NULL when code is.  Model stage (after site_model()).
 */
const char *records_value_text(struct site *s, const char *lang,
    const char *field, const char *code);

/* Frame setters: a string (null when str is NULL and the key is not
 * there yet) and a boolean. */
void records_set(struct site *s, struct value *f, const char *key,
    const char *str);
void records_setb(struct site *s, struct value *f, const char *key, bool b);
/* A number node for readers with a unit after it: "112,9579 ha"
 * (arena; decimal.h); NULL when v is not a plain decimal. */
const char *records_figure(struct site *s, const struct value *v,
    const char *lang, const char *unit);
/* {amount, unit} of a zone's capital or a call's estimate as "2.000 tỷ
 * đồng" (arena); NULL without a unit or a plain amount. */
const char *records_money_text(struct site *s, const struct value *m,
    const char *lang);
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

#endif
