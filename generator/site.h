/*
 * The site model: what the load stage read (collections of items with
 * their front matter and bodies) and what the model stage derives from
 * it (slugs, dates, URLs, translations, list pages, the page list that
 * the render stage writes).  Everything lives in the build arena and is
 * read-only once the model is complete, so render workers share it.
 */
#ifndef MINHBACH_SITE_H
#define MINHBACH_SITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct arena;
struct diags;
struct source;
struct value;
struct buf;
struct theme;
struct mustache;
struct fmt_style;
struct fx;
struct search_pre;
struct site;
struct fsutil_sink;

#define SITE_MAX_LANGS 8

struct item {
	const char *path;	/* source path, e.g. content/news/x.md */
	struct collection *coll;
	const char *base;	/* file name without language and extension */
	const char *lang;	/* language of this file */
	int lang_index;
	struct value *data;	/* front matter or data file (a map) */
	/* Markdown body (arena), "" for none; NULL when not kept
	 * (CONTENT_REREAD, content.h): read it with item_body() */
	const char *body;
	size_t body_len;
	struct pos body_pos;	/* where the body starts */
	/* not kept: the bytes at body_off of the file at path, whose
	 * hash_words() is body_hash */
	size_t body_off;
	uint64_t body_hash;
	bool markdown;		/* .md (true) or .yaml (false) */
	bool draft;
	/* a notice past its expires_on: out of lists, home page and feeds,
	 * its page kept (serve_drafts.c) */
	bool expired;
	/* model */
	const char *slug;
	const char *date;	/* "YYYY-MM-DD" or NULL */
	const char *url;	/* site-relative, with the base path: /tin-tuc/x/ */
	/* The absolute URL, of which url is the tail (one string for the
	 * two); see site_permalink(). */
	const char *permalink;
	const char *out;	/* output file: tin-tuc/x/index.html */
	struct value *frame;	/* the template context of this item */
	struct item *tr[SITE_MAX_LANGS];	/* the same item per language */
	/*
	 * A main-language record that has no translation into language i,
	 * as i's pages list it (site_shadows()): a copy whose lang is i, so
	 * that its frame's figures, dates and statuses are in i's words
	 * and formats while its texts stay its own.  Same url, no out: a
	 * shadow has no page of its own.  shadow_of: the record a shadow
	 * stands for (NULL for a real item).
	 */
	struct item *shadow[SITE_MAX_LANGS];
	const struct item *shadow_of;
	/* budget records: the computed table, made once (budget_table_of) */
	const struct btab *btab;
};

struct collection {
	const char *name;	/* folder under content/ */
	const char *kind;	/* page, news, budget, ... */
	/* The schema its records are checked against: kind, or its kind
	 * plus the fields site.yaml declares for it (schema_declare). */
	const char *schema;
	struct value *conf;	/* its entry in site.yaml */
	const char *permalink;	/* pattern, e.g. /tin-tuc/:slug/ */
	const char *list_url[SITE_MAX_LANGS];	/* its list page per language */
	bool dated;		/* items carry dates: sorted newest first, feed */
	bool list;		/* has list pages */
	/* Its records' card: "partials/card-<kind>" when the theme has it,
	 * else "partials/card-generic" (site_model; frames' `card`); in
	 * another record's linked section partials/linked-<kind> first
	 * (`linked_card`); linked_rank orders those sections (theme.yaml). */
	const char *card, *linked_card;
	size_t linked_rank;
	struct item **items;	/* all languages, sorted */
	size_t n, cap;
	/* Shared by the frames of its items, per language (model). */
	struct value *frame_coll[SITE_MAX_LANGS];
	struct value *crumbs[SITE_MAX_LANGS];
	/* The same in every item's frame, made once: kind, card,
	 * linked_card and the key is_<kind> (site_item_frame()). */
	struct value *vkind, *vcard, *vlinked_card;
	const char *is_kind;
};

/* One output file made by rendering a template against frames. */
struct page {
	const char *out;	/* relative output path */
	const char *origin;	/* source path that asked for it (diagnostics) */
	const struct mustache *tmpl;
	const struct value *frames[4];
	size_t nframes;
	struct item *item;	/* for item pages: Markdown is rendered late */
	const char *data;	/* or: bytes made by the model (feeds, JSON) */
	size_t len;
	/* or: bytes made when the page is written, into out with arena a
	 * (a list's JSON, the sitemap: too large to hold from the model to
	 * the render; what make() reads of the model must not change
	 * before); make() passes out to sink as it fills, sink NULL: all of
	 * it stays in out */
	void (*make)(struct site *s, const struct page *p, struct arena *a,
	    struct buf *out, struct fsutil_sink *sink);
	const void *ctx; /* make()'s */
};

/* A file copied as it is (theme static files, content/files). */
struct copy {
	const char *from;	/* source path */
	const char *to;		/* output path */
};

struct site {
	struct arena *arena;
	struct diags *diags;
	struct value *conf;	/* content/site.yaml */
	const char *base_url;	/* https://host/path/ (ends with '/') */
	const char *root;	/* base path: "/" or "/path/" */
	const char *langs[SITE_MAX_LANGS];
	size_t nlangs;
	const char *build_date;	/* YYYY-MM-DD */
	const char *commit;	/* the commit built (--ref) or previewed */
	bool dirty;		/* the work tree has uncommitted content */
	struct collection *colls;
	size_t ncolls;
	struct copy *copies;
	size_t ncopies, capcopies;
	struct page *pages;
	size_t npages, cappages;
	size_t npages_site;	/* site_model()'s; kinds add theirs after */
	/* site_check_outputs(): every output path, sorted, as pairs
	 * {out, origin}; what a Markdown link may name (issue 11) */
	const char **outs;
	size_t nouts;
	struct value *globals[SITE_MAX_LANGS];	/* {site, t, lang, ...} */
	struct value *yes, *no;	/* shared true and false */
	/*
	 * site_item_frame()'s shared values, so that ten thousand frames
	 * do not hold ten thousand copies of one: each language's name,
	 * an empty list (translations), the has_<field> keys met so far,
	 * and per language the last date's texts (items come sorted by
	 * date, so neighbours mostly share one).
	 */
	struct value *vlang[SITE_MAX_LANGS];
	struct value *empty_list;
	const char *has_keys[16];
	size_t nhas_keys;
	struct {
		const char *date;
		struct value *text, *iso, *year;
	} last_date[SITE_MAX_LANGS];
	struct {
		char year[5];
		struct value *v;
	} years[32];
	size_t nyears;
	/* deadline.c: holiday table and deadline rules, read on first use */
	const struct deadlines *deadlines;
	/* budget_forms.c: the forms of forms.yaml, read on first use */
	const struct bforms *forms;
	/* words.c: "lang: key" of every word a language lacked */
	const char **missing;
	size_t nmissing, capmissing;
	/* words.c: site_fmt()'s style per language, made on first use */
	const struct fmt_style *fmt[SITE_MAX_LANGS];
	/* schema.c: the kinds' schemas (date fields); site_model() reads
	 * the built-in ones when the build has not set them */
	const struct schemas *schemas;
	/* fx.c: site.yaml's exchange_rate, checked; NULL: none */
	const struct fx *fx;
	/* search.c: the bodies' terms, read while the model is made
	 * (search_begin()); NULL: none yet */
	struct search_pre *search_pre;
	/* search_begin() started a thread, detached: it may still be
	 * ending, whatever search_end() did (search_threaded()) */
	bool search_thread;
	double search_ms; /* search_write()'s time, beside the render */
	/* content.c: the source bodies are read again from (CONTENT_REREAD);
	 * NULL: every body is kept */
	struct source *reread;
	/* rows.c: the one null rows_fill() gives the keys rows lack; NULL
	 * before it (a page's make() leaves it out, value_to_json_without()) */
	const struct value *rows_null;
};

/*
 * NULL if the build writes the page or file at path (below the root,
 * '/' first, decoded: "/tin-tuc/", "/files/a.pdf", "/tin-tuc" for a
 * folder); else the nearest URL it writes (with the root, for a hint),
 * "" if none.  Uses the list site_check_outputs() made.  ctx is the
 * site; for struct markdown_links.
 */
const char *site_link_missing(void *ctx, struct arena *a, const char *path);

/* site.c — the model stage (the other halves: site_frames.h, site_lists.h). */
/*
 * Derives slugs, dates, URLs, translations, sort orders and the list of
 * pages and copies, checking that no two outputs share a path.  Returns
 * 0, or -1 after recording errors.
 */
int site_model(struct site *s, const struct theme *th, struct source *src,
    const char *base_url);
/*
 * Checks that no two pages or copies write one output path and that
 * every path stays inside the output folder.  -1 after errors naming
 * both sources.
 */
int site_check_outputs(struct site *s);
/*
 * Checks that every "/files/…" link in the records' data names a file of
 * content/files (so an attachment cannot go missing unnoticed).  -1
 * after located errors.
 */
int site_check_attachments(struct site *s);

/* Adds a page / a copy to the site's lists (model stage only). */
struct page *site_add_page(struct site *s, const char *out,
    const char *origin);
/* Makes room for n more pages (a page pointer stays valid only until
 * the next page is added, as with site_add_page()). */
void site_reserve_pages(struct site *s, size_t n);
/* A page whose bytes are made already (a feed, a data file): b's text,
 * kept in the site's arena; b is reset, not released. */
struct page *site_add_data(struct site *s, const char *out,
    const char *origin, struct buf *b);
void site_add_copy(struct site *s, const char *from, const char *to);
/*
 * The absolute URL of url, a site URL that starts with s->root:
 * base_url, then url past the root ("/tin-tuc/a/" →
 * "https://example.gov.vn/tin-tuc/a/").  Arena memory.
 */
const char *site_absurl(struct site *s, const char *url);
/* it's url as site_absurl() makes it, without a copy when model_item()
 * made the two as one string. */
const char *site_permalink(struct site *s, const struct item *it);

/* Shared with the model's page makers (map.c, opportunities.c). */
/* "" for the main language, "en/" for the others. */
const char *site_lang_prefix(const struct site *s, int lang);
/* A {title, url} map. */
struct value *site_link(struct site *s, const char *title, const char *url);
/* Ends a breadcrumb list with the current page. */
void site_crumb_here(struct site *s, struct value *l, const char *title);

#endif
