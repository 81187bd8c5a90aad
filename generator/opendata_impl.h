/*
 * Open data, inside the module: what its two halves share.  opendata.c
 * makes the tables (CSV and JSON), the datasets and the page;
 * opendata_files.c describes the datasets: the DCAT-AP catalogue,
 * data.json and the Data Package.
 */
#ifndef MINHBACH_OPENDATA_IMPL_H
#define MINHBACH_OPENDATA_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "site.h"
#include "value.h"

enum odtype { OD_STRING, OD_NUMBER, OD_INTEGER, OD_DATE };

struct odcol {
	const char *name;	/* CSV heading, JSON key, schema field */
	const char *path;	/* dotted, in the record's data; or @slug,
				 * @url (absolute), @title */
	enum odtype type;
	const char *vi, *en;	/* titles */
	const char *unit;	/* NULL for none */
	const char *ref;	/* the kind whose slug it names, or NULL */
};

struct odkind {
	const char *kind;
	const char *desc_vi, *desc_en;
	const char *theme;	/* EU data theme (DCAT-AP) */
	const char *kw_vi, *kw_en;	/* keywords, comma separated */
	const char *temporal;	/* date field for the temporal coverage */
	const struct odcol *cols;
	size_t ncols;
	bool per_target;	/* a row per target and zone share (plans) */
};

#define EU_AUTHORITY "http://publications.europa.eu/resource/authority/"
#define THEME_URI EU_AUTHORITY "data-theme/"

/* One dataset: a record table of ours or one budget's downloads. */
struct dist {
	const char *url;	/* absolute */
	const char *format;	/* CSV, JSON */
	const char *media;	/* text/csv, application/json */
	size_t size;
};

struct dataset {
	const char *id;		/* khu-cong-nghiep; ngan-sach-<slug> */
	const char *uri;	/* its @id: the open-data page's URL#id */
	const char *title[2], *desc[2];	/* vi, en */
	const char *kw[2];	/* comma separated */
	const char *theme;
	const char *landing;	/* absolute URL of its page or list */
	const char *issued, *modified;	/* from git, or NULL */
	const char *from, *to;	/* temporal coverage, or NULL */
	struct dist dist[3];
	size_t ndist;
	const struct odkind *k;	/* NULL for a budget or a series */
	struct item *it;	/* a budget: its record */
	const struct page *head[2];	/* a series: its CSV, vi and en */
	const struct collection *co;	/* a record table: its collection */
	size_t nrows;
};

struct od {
	struct site *s;
	const struct history *h;
	struct dataset *ds;
	size_t n, cap;
	const char *main;	/* the main language */
};

/* The second language (the English texts'), else the main one. */
static inline const char *
en_lang(struct od *o)
{
	return o->s->nlangs > 1 ? o->s->langs[1] : o->main;
}

/*
 * JSON: each object is a value tree that value_to_json() writes; only
 * the files' outer skeletons, which put a dataset, record or field on a
 * line of its own (so that a diff of two builds reads line by line), are
 * written by hand.
 */

/* A string, or null for none (a site.yaml without a title). */
static inline struct value *
jstr(struct od *o, const char *v)
{
	return v != NULL ? value_strz(o->s->arena, v) :
	    value_null(o->s->arena);
}

static inline void
jset(struct od *o, struct value *m, const char *k, const char *v)
{
	value_map_set(o->s->arena, m, k, jstr(o, v));
}

/* A figure as the CSV writes it ("112.9579"): a JSON number with the
 * same digits. */
static inline struct value *
jnum(struct od *o, const char *t)
{
	struct value *v = value_new(o->s->arena, VALUE_NUM,
	    (struct pos){NULL, 0, 0});

	v->text = t;
	v->len = strlen(t);
	v->u.d = strtod(t, NULL);
	return v;
}

/* Writes the members of map m, "k":v,…, without braces: the part of an
 * object written before or after a member laid out by hand. */
static inline void
json_members(struct buf *b, const struct value *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (i)
			buf_addc(b, ',');
		buf_add_json(b, m->pairs[i].key, strlen(m->pairs[i].key));
		buf_addc(b, ':');
		value_to_json(m->pairs[i].val, b, 0);
	}
}

/* The files describing the datasets o->ds, appended to b: the DCAT-AP
 * catalogue (JSON-LD), Project Open Data's data.json, the Data Package
 * (a Table Schema per CSV). */
void opendata_dcat(struct od *o, struct buf *b);
void opendata_pod(struct od *o, struct buf *b);
void opendata_package(struct od *o, struct buf *b);

#endif
