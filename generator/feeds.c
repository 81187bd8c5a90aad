/*
 * The machine-readable outputs, made from the finished model: an Atom
 * feed per dated collection and language, sitemap.xml, robots.txt and a
 * JSON file per list (every record of the list with its fields), so
 * readers can follow and reuse what the portal publishes.  Each is a
 * page whose bytes are ready; nothing here depends on the build's time.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "atom.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "feeds.h"
#include "fsutil.h"
#include "meta.h"
#include "site.h"
#include "site_lists.h"
#include "value.h"

static const char *
rfc3339(struct site *s, const char *date)
{
	return arena_printf(s->arena, "%sT00:00:00" DATE_VN_ZONE, date);
}

static void
atom(struct site *s, struct collection *co, int lang)
{
	struct buf b = {0};
	const char *title, *site_title, *updated = NULL;
	struct atom_feed f = {0};
	struct value *t;
	size_t i, n = 0;

	t = value_map_get(s->globals[lang], "site");
	site_title = value_map_str(t, "title");
	t = value_map_get(value_map_get(t, "collections"), co->name);
	title = value_map_str(t, "title");
	for (i = 0; i < co->n; i++) {
		struct item *it = co->items[i];

		if (site_shows(s, it, lang) &&
		    it->date && (updated == NULL ||
		    strcmp(it->date, updated) > 0))
			updated = it->date;
	}
	f.lang = s->langs[lang];
	f.title = title ? title : co->name;
	if (site_title)
		f.title = arena_printf(s->arena, "%s — %s", f.title,
		    site_title);
	f.self = site_absurl(s, arena_printf(s->arena, "%satom.xml",
	    co->list_url[lang]));
	f.alternate = site_absurl(s, co->list_url[lang]);
	f.updated = rfc3339(s, updated ? updated : "1970-01-01");
	f.generator = "minhbach";
	atom_begin(&b, &f);
	for (i = 0; i < co->n && n < 50; i++) {
		struct item *it = co->items[i];
		struct atom_entry e = {0};

		if (!site_shows(s, it, lang) || it->date == NULL)
			continue;
		n++;
		e.lang = it->lang_index != lang ? it->lang : NULL;
		e.title = value_map_str(it->frame, "title") ?
		    value_map_str(it->frame, "title") : it->slug;
		e.id = e.link = site_permalink(s, it);
		e.published = e.updated = rfc3339(s, it->date);
		e.author = site_title;
		e.summary = value_map_str(it->frame, "summary");
		atom_add_entry(&b, &e);
	}
	atom_end(&b);
	site_add_data(s, arena_printf(s->arena, "%satom.xml",
	    co->list_url[lang] + strlen(s->root)), arena_printf(s->arena,
	    "content/%s", co->name), &b);
	buf_release(&b);
}


/* A site path as an absolute URL: under the base path as site_absurl(),
 * else on base_url's host ("/files/a.pdf" an editor wrote). */
static const char *
host_abs(const struct site *s, struct arena *a, const char *u)
{
	const char *h;

	if (strncmp(u, s->root, strlen(s->root)) == 0)
		return arena_cat(a, s->base_url, u + strlen(s->root));
	h = strstr(s->base_url, "://");
	h = h != NULL ? strchr(h + 3, '/') : NULL;
	return arena_printf(a, "%.*s%s",
	    h != NULL ? (int)(h - s->base_url) : (int)strlen(s->base_url),
	    s->base_url, u);
}

/* True when v is, or holds, a `url:` written as a site path. */
static bool
site_url(const struct value *v, const char *key)
{
	size_t i;

	if (v == NULL)
		return false;
	if (v->type == VALUE_STR)
		return key != NULL && strcmp(key, "url") == 0 &&
		    v->text[0] == '/' && v->text[1] != '/';
	for (i = 0; v->type == VALUE_LIST && i < v->n; i++)
		if (site_url(v->items[i], NULL))
			return true;
	for (i = 0; v->type == VALUE_MAP && i < v->n; i++)
		if (site_url(v->pairs[i].val, v->pairs[i].key))
			return true;
	return false;
}

/*
 * v with every `url:` an editor wrote as a site path made absolute, so
 * that the JSON alone leads to the page (a copy where something changes;
 * v itself, shared with the frames, stays as written).
 */
static struct value *
abs_urls(const struct site *s, struct arena *a, struct value *v,
    const char *key)
{
	struct value *c;
	size_t i;

	if (!site_url(v, key))
		return v; /* most records: no copy */
	if (v->type == VALUE_STR)
		return value_strz(a, host_abs(s, a, v->text));
	if (v->type == VALUE_LIST) {
		c = value_list(a);
		for (i = 0; i < v->n; i++)
			value_list_push(a, c,
			    abs_urls(s, a, v->items[i], NULL));
		return c;
	}
	if (v->type == VALUE_MAP) {
		c = value_map(a);
		for (i = 0; i < v->n; i++)
			value_map_set(a, c, v->pairs[i].key,
			    abs_urls(s, a, v->pairs[i].val, v->pairs[i].key));
		return c;
	}
	return v;
}

/* Writes what b holds to sink once it is 256 KB (a file made as it is
 * written); sink NULL: b keeps it all. */
static void
pass_on(struct buf *b, struct fsutil_sink *sink)
{
	if (sink != NULL && b->len >= 256 * 1024) {
		fsutil_sink_write(sink, b->data, b->len);
		buf_reset(b);
	}
}

/* A collection's JSON list in one language (json_list_make()). */
struct json_list {
	const struct collection *co;
	int lang;
};

/*
 * Writes a collection's JSON list, every record's scalar and list
 * fields, into b, when the page is written (by a render worker, with
 * its arena a): a site's lists are 500 bytes a record, all held from the
 * model to the render else.  The model is complete then; the nulls that
 * rows_fill() gave rows after the lists were asked for are left out, so
 * that the file is what it was when the model made it.
 */
static void
json_list_make(struct site *s, const struct page *pg, struct arena *a,
    struct buf *out, struct fsutil_sink *sink)
{
	const struct json_list *jl = pg->ctx;
	const struct collection *co = jl->co;
	int lang = jl->lang;
	struct buf u = {0}, *b = out;
	size_t i, n = 0;

	buf_adds(b, "{\n  \"collection\": ");
	buf_add_json(b, co->name, strlen(co->name));
	buf_adds(b, ",\n  \"kind\": ");
	buf_add_json(b, co->kind, strlen(co->kind));
	buf_adds(b, ",\n  \"lang\": ");
	buf_add_json(b, s->langs[lang], strlen(s->langs[lang]));
	buf_adds(b, ",\n  \"items\": [");
	for (i = 0; i < co->n; i++) {
		struct item *it = co->items[i];
		const struct value *hl;
		size_t k;

		if (!site_shows(s, it, lang))
			continue;
		/* The record as the editors wrote it, plus where it lives. */
		buf_adds(b, n++ ? ",\n    {\"url\":" : "\n    {\"url\":");
		/* Absolute: a reader of the file alone can follow it.  (As
		 * site_absurl() makes it, in a scratch buffer.) */
		buf_reset(&u);
		buf_adds(&u, s->base_url);
		buf_adds(&u, it->url + strlen(s->root));
		buf_add_json(b, u.data, u.len);
		buf_adds(b, ",\"lang\":");
		buf_add_json(b, it->lang, strlen(it->lang));
		if (it->date) {
			buf_adds(b, ",\"date_iso\":");
			buf_add_json(b, it->date, strlen(it->date));
		}
		for (k = 0; k < it->data->n; k++) {
			const struct value_pair *p = &it->data->pairs[k];

			if (p->val == s->rows_null ||
			    strcmp(p->key, "body") == 0 ||
			    strcmp(p->key, "draft") == 0 ||
			    strcmp(p->key, "url") == 0 ||
			    strcmp(p->key, "lang") == 0 ||
			    strcmp(p->key, "date_iso") == 0)
				continue;
			buf_addc(b, ',');
			buf_add_json(b, p->key, strlen(p->key));
			buf_addc(b, ':');
			value_to_json_without(abs_urls(s, a, p->val, p->key), b,
			    0, s->rows_null);
		}
		/* A budget's summary figure as its form declares it. */
		hl = value_map_get(it->frame, "headline");
		if (hl != NULL && hl->type == VALUE_MAP) {
			buf_adds(b, ",\"headline\":");
			value_to_json_without(hl, b, 0, s->rows_null);
		}
		buf_addc(b, '}');
		pass_on(b, sink);
	}
	buf_adds(b, n ? "\n  ]\n}\n" : "]\n}\n");
	buf_release(&u);
}

/* Asks for co's JSON list in lang: made when written (json_list_make). */
static void
json_list(struct site *s, struct collection *co, int lang)
{
	struct json_list *jl = arena_alloc(s->arena, sizeof *jl);
	struct page *p = site_add_page(s,
	    arena_printf(s->arena, "%sindex.json",
	        co->list_url[lang] + strlen(s->root)),
	    arena_printf(s->arena, "content/%s", co->name));

	jl->co = co;
	jl->lang = lang;
	p->make = json_list_make;
	p->ctx = jl;
}

static int
cmp_page_out(const void *a, const void *b)
{
	return strcmp((*(const struct page *const *)a)->out,
	    (*(const struct page *const *)b)->out);
}

/*
 * When the page last changed: its record's last commit (provenance's
 * history.last_changed_iso), else its date; nothing for a list.  Never
 * the build's time, so that one commit builds one sitemap.
 */
static const char *
lastmod(const struct page *p)
{
	const struct value *f;
	const char *d;

	if (p->item == NULL)
		return NULL;
	f = p->nframes > 1 ? p->frames[p->nframes - 1] : NULL;
	if (f != NULL && (d = value_map_str(value_map_get(f, "history"),
	    "last_changed_iso")) != NULL)
		return d;
	return p->item->date;
}

/*
 * What one sitemap file may hold (sitemaps.org): 50,000 URLs and
 * 50 MB (52,428,800 bytes) uncompressed.  A site past either gets
 * sitemap-1.xml, sitemap-2.xml, … and a sitemap.xml that indexes them.
 */
#define SITEMAP_MAX_URLS 50000
#define SITEMAP_MAX_BYTES 52428800u

static const char sitemap_head[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
static const char sitemap_xhtml[] =
    "\n    xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"";
static const char sitemap_tail[] = "</urlset>\n";

/* Appends the sitemap's entry of page p to b (a: the alternates'). */
static void
sitemap_entry(const struct site *s, struct arena *a, const struct page *p,
    struct buf *b)
{
	struct meta_alt alt[SITE_MAX_LANGS];
	const char *o = p->out, *lm = lastmod(p);
	size_t len = strlen(o) - 10, j, k; /* "index.html" */

	/* meta_page_url(), written straight in: ".../index.html" is the
	 * folder. */
	if (len > 0 && o[len - 1] != '/')
		len += 10;
	buf_adds(b, "  <url><loc>");
	buf_add_xml(b, s->base_url, strlen(s->base_url));
	buf_add_xml(b, o, len);
	buf_adds(b, "</loc>");
	if (lm != NULL) {
		buf_adds(b, "<lastmod>");
		buf_adds(b, lm);
		buf_adds(b, "</lastmod>");
	}
	/* One language has no alternates (there are two or none). */
	k = s->nlangs > 1 ? meta_alternates(s, a, p, alt) : 0;
	for (j = 0; j <= k && k > 0; j++) {
		/* The last round: x-default, the first language's. */
		const char *hl = j < k ? alt[j].lang : "x-default";
		const char *hu = j < k ? alt[j].url : NULL;
		size_t d;

		for (d = 0; hu == NULL && d < k; d++)
			if (strcmp(alt[d].lang, s->langs[0]) == 0)
				hu = alt[d].url;
		if (hu == NULL)
			hu = alt[0].url;
		if (hu == NULL)
			continue;
		buf_addf(b,
		    "\n    <xhtml:link rel=\"alternate\" "
		    "hreflang=\"%s\" href=\"",
		    hl);
		buf_add_xml(b, hu, strlen(hu));
		buf_adds(b, "\"/>");
	}
	buf_adds(b, k > 0 ? "\n  </url>\n" : "</url>\n");
}

/* One sitemap file: the entries of pv[from..to). */
struct sitemap_part {
	const struct page **pv;
	size_t from, to;
};

/* Writes a sitemap file when it is written (by a render worker, with its
 * arena a): 150 bytes a page, not held from the model to the render. */
static void
sitemap_make(struct site *s, const struct page *pg, struct arena *a,
    struct buf *out, struct fsutil_sink *sink)
{
	const struct sitemap_part *sp = pg->ctx;
	size_t i;

	buf_adds(out, sitemap_head);
	if (s->nlangs > 1)
		buf_adds(out, sitemap_xhtml);
	buf_adds(out, ">\n");
	for (i = sp->from; i < sp->to; i++) {
		sitemap_entry(s, a, sp->pv[i], out);
		pass_on(out, sink);
		/* the alternates' URLs are garbage once written, and a is
		 * this page's alone (render.c resets it after each) */
		if ((i - sp->from) % 1024 == 1023)
			arena_reset(a);
	}
	buf_adds(out, sitemap_tail);
}

/* Asks for sitemap file name (kept: the arena's) of pv[from..to). */
static void
sitemap_file(struct site *s, const char *name, const struct page **pv,
    size_t from, size_t to)
{
	struct sitemap_part *sp = arena_alloc(s->arena, sizeof *sp);
	struct page *p = site_add_page(s, name, "content/site.yaml");

	sp->pv = pv;
	sp->from = from;
	sp->to = to;
	p->make = sitemap_make;
	p->ctx = sp;
}

/* The length of s written by buf_add_xml(). */
static size_t
xml_len(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += *s == '&'              ? 5 :
		    *s == '<' || *s == '>'  ? 4 :
		    *s == '"' || *s == '\'' ? 6 :
		                              1;
	return n;
}

/*
 * Whether the n entries of pv surely fit one file of SITEMAP_MAX_BYTES:
 * each entry is bounded by its own URL and, for its alternates, the
 * longest URL of any (nearly every site: no entry need be made now).
 */
static bool
sitemap_fits(const struct site *s, const struct page **pv, size_t n)
{
	size_t i, base = xml_len(s->base_url), most = 0, sum = 0, l;

	for (i = 0; i < n; i++)
		if ((l = xml_len(pv[i]->out)) > most)
			most = l;
	for (i = 0; i < n && sum <= SITEMAP_MAX_BYTES; i++) {
		sum += 64 + base + xml_len(pv[i]->out);
		if (s->nlangs > 1)
			sum += (s->nlangs + 1) * (64 + base + most);
	}
	return sum + 256 <= SITEMAP_MAX_BYTES;
}

/*
 * sitemap.xml: every HTML page to index, sorted, with its last change
 * and, for a page in several languages, every version as an xhtml:link
 * (its own included, and x-default), as Google reads hreflang there.
 * Split in files of SITEMAP_MAX_URLS and SITEMAP_MAX_BYTES at most
 * under a sitemap index when it is larger (MINHBACH_TEST_SITEMAP_MAX
 * lowers the count, for the tests): then each entry is made once now
 * to be measured.  The files themselves are made when written.
 */
static void
sitemap(struct site *s)
{
	struct buf b = {0};
	const struct page **pv;
	size_t i, n = 0, maxu = SITEMAP_MAX_URLS, frame;
	const char *env = getenv("MINHBACH_TEST_SITEMAP_MAX");

	pv = arena_alloc(s->arena, (s->npages ? s->npages : 1) *
	    sizeof *pv);
	for (i = 0; i < s->npages; i++) {
		const char *o = s->pages[i].out;
		size_t len = strlen(o);

		const struct page *p = &s->pages[i];

		if (p->data != NULL || p->make != NULL || len < 10 ||
		    strcmp(o + len - 10, "index.html") != 0)
			continue;
		/* A history page or an old revision asks not to be indexed:
		 * listing it would contradict it. */
		if (p->nframes > 1 && value_truthy(value_map_get(
		    p->frames[p->nframes - 1], "noindex")))
			continue;
		pv[n++] = p;
	}
	qsort(pv, n, sizeof *pv, cmp_page_out);
	if (env != NULL && atoi(env) > 0)
		maxu = (size_t)atoi(env);
	frame = strlen(sitemap_head) + strlen(sitemap_xhtml) + 2 +
	    strlen(sitemap_tail);
	if (n <= maxu && sitemap_fits(s, pv, n)) {
		sitemap_file(s, "sitemap.xml", pv, 0, n);
	} else {
		struct arena *scratch = arena_new();
		size_t *off = xreallocarray(NULL, n + 1, sizeof *off);
		size_t from = 0, to, nf = 0, at = 0;

		/* Every entry's length, made once in scratch. */
		for (i = 0; i < n; i++) {
			off[i] = at;
			buf_reset(&b);
			sitemap_entry(s, scratch, pv[i], &b);
			at += b.len;
			arena_reset(scratch);
		}
		off[n] = at;
		arena_free(scratch);
		buf_reset(&b);
		buf_adds(&b,
		    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
		    "\n<sitemapindex xmlns=\"http://www.sitemaps.org/"
		    "schemas/sitemap/0.9\">\n");
		while (from < n) {
			char name[32];

			/* as many as fit (an entry is far below the byte
			 * limit) */
			for (to = from + 1; to < n && to - from < maxu &&
			     off[to + 1] - off[from] + frame <=
			         SITEMAP_MAX_BYTES;
			     to++)
				;
			snprintf(name, sizeof name, "sitemap-%zu.xml", ++nf);
			/* (the page keeps its name: the arena's) */
			sitemap_file(s, arena_strdup(s->arena, name), pv, from,
			    to);
			buf_adds(&b, "  <sitemap><loc>");
			buf_add_xml(&b, s->base_url, strlen(s->base_url));
			buf_adds(&b, name);
			buf_adds(&b, "</loc></sitemap>\n");
			from = to;
		}
		buf_adds(&b, "</sitemapindex>\n");
		site_add_data(s, "sitemap.xml", "content/site.yaml", &b);
		free(off);
	}
	buf_reset(&b);
	buf_addf(&b, "User-agent: *\nAllow: /\nSitemap: %ssitemap.xml\n",
	    s->base_url);
	site_add_data(s, "robots.txt", "content/site.yaml", &b);
	buf_release(&b);
}

void
feeds_make(struct site *s)
{
	size_t i;
	int lang;

	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		if (!co->list)
			continue;
		for (lang = 0; lang < (int)s->nlangs; lang++) {
			if (co->dated)
				atom(s, co, lang);
			json_list(s, co, lang);
		}
	}
	sitemap(s);
}
