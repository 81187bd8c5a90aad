/*
 * Head metadata (meta.h): canonical URL, hreflang alternates, OpenGraph
 * and schema.org JSON-LD.  Runs in render workers: everything it makes
 * goes to the worker's arena, never the site's, and the site is only
 * read.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "meta.h"
#include "site.h"
#include "site_impl.h"
#include "value.h"
#include "xlsx.h"

/* The page's own frame (globals are frames[0]). */
static const struct value *
page_frame(const struct page *p)
{
	return p->nframes > 1 ? p->frames[p->nframes - 1] : NULL;
}

static int
page_lang(const struct site *s, const struct page *p)
{
	const char *l = p->nframes ? value_map_str(p->frames[0], "lang") :
	    NULL;
	size_t i;

	for (i = 0; l != NULL && i < s->nlangs; i++)
		if (strcmp(s->langs[i], l) == 0)
			return (int)i;
	return 0;
}

const char *
meta_page_url(const struct site *s, struct arena *a, const struct page *p)
{
	size_t len = strlen(p->out);

	if (len >= 10 && strcmp(p->out + len - 10, "index.html") == 0 &&
	    (len == 10 || p->out[len - 11] == '/'))
		len -= 10;
	return arena_printf(a, "%s%.*s", s->base_url, (int)len, p->out);
}

/* A site URL (starting with the root) made absolute. */
static const char *
absurl(const struct site *s, struct arena *a, const char *url)
{
	size_t n = strlen(s->root);

	if (strncmp(url, s->root, n) == 0)
		url += n;
	else if (strstr(url, "://") != NULL)
		return url;
	else
		while (*url == '/')
			url++;
	return arena_printf(a, "%s%s", s->base_url, url);
}

size_t
meta_alternates(const struct site *s, struct arena *a, const struct page *p,
    struct meta_alt alt[SITE_MAX_LANGS])
{
	const struct value *f = page_frame(p), *tr;
	const char *by[SITE_MAX_LANGS] = {0};
	size_t i, j, n = 0;
	int lang = page_lang(s, p);

	/* An old revision names its record's translations, which do not
	 * name it back: hreflang links must be reciprocal. */
	if (f == NULL || value_truthy(value_map_get(f, "noindex")))
		return 0;
	tr = value_map_get(f, "translations");
	if (tr == NULL || tr->type != VALUE_LIST || tr->n == 0)
		return 0;
	by[lang] = meta_page_url(s, a, p);
	for (i = 0; i < tr->n; i++) {
		const char *l = value_map_str(tr->items[i], "lang");
		const char *u = value_map_str(tr->items[i], "url");

		for (j = 0; l != NULL && u != NULL && j < s->nlangs; j++)
			if (strcmp(s->langs[j], l) == 0 && (int)j != lang)
				by[j] = absurl(s, a, u);
	}
	for (j = 0; j < s->nlangs; j++)
		if (by[j] != NULL) {
			alt[n].lang = s->langs[j];
			alt[n++].url = by[j];
		}
	return n > 1 ? n : 0;
}

/* ---- JSON-LD ---- */

/* The text of field key of m in lang (an ltext or a scalar), or NULL. */
static const char *
text(const struct site *s, struct arena *a, const struct value *m,
    const char *key, int lang)
{
	const struct value *v = m != NULL ? value_path(m, key) : NULL;
	struct buf b = {0};
	const char *r;

	if (v == NULL)
		return NULL;
	if (v->type == VALUE_MAP)
		return value_ltext(v, s->langs[lang], s->langs[0]);
	if (!value_is_scalar(v) || v->type == VALUE_NULL)
		return NULL;
	value_scalar_text(v, &b);
	r = b.len ? buf_keep(&b, a) : NULL;
	buf_release(&b);
	return r;
}

/* Sets key (a literal: borrowed, not copied) to str unless empty. */
static void
put(struct arena *a, struct value *m, const char *key, const char *str)
{
	if (str != NULL && *str != '\0')
		value_map_put(a, m, key, value_strz(a, str));
}

static struct value *
typed(struct arena *a, const char *type)
{
	struct value *m = value_map(a);

	put(a, m, "@type", type);
	return m;
}

/* The board: publisher of every dataset and article. */
static struct value *
organization(const struct site *s, struct arena *a, const struct value *g,
    int lang, bool full)
{
	struct value *m = typed(a, "GovernmentOrganization");
	const char *addr;

	put(a, m, "name", text(s, a, g, "site.title", lang));
	put(a, m, "url", arena_printf(a, "%s%s", s->base_url,
	    site_lang_prefix(s, lang)));
	if (!full)
		return m;
	put(a, m, "description", text(s, a, g, "site.description", lang));
	put(a, m, "logo", arena_printf(a, "%sapple-touch-icon.png",
	    s->base_url));
	if ((addr = text(s, a, g, "site.contact.address", lang)) != NULL) {
		struct value *pa = typed(a, "PostalAddress");

		put(a, pa, "streetAddress", addr);
		put(a, pa, "addressCountry", "VN");
		value_map_set(a, m, "address", pa);
	}
	put(a, m, "email", text(s, a, g, "site.contact.email", lang));
	put(a, m, "telephone", text(s, a, g, "site.contact.phone", lang));
	return m;
}

static struct value *
download(const struct site *s, struct arena *a, const char *url,
    const char *type)
{
	struct value *d = typed(a, "DataDownload");

	put(a, d, "encodingFormat", type);
	put(a, d, "contentUrl", absurl(s, a, url));
	return d;
}

/* schema.org's legal force of a document's computed status. */
static const char *
legal_force(const char *st)
{
	if (st == NULL)
		return NULL;
	if (strcmp(st, "in_force") == 0)
		return "https://schema.org/InForce";
	if (strcmp(st, "partly_expired") == 0)
		return "https://schema.org/PartiallyInForce";
	return "https://schema.org/NotInForce";
}

/*
 * The open-data page (opendata.c) as a DataCatalog: its datasets with
 * the @id and identifier of their DCAT entries (catalog_url, which is
 * the catalogue's own @id), each download with its media type.
 */
static struct value *
catalog(const struct site *s, struct arena *a, const struct page *p,
    const struct value *f, const struct value *g, int lang)
{
	const struct value *l = value_map_get(f, "datasets");
	struct value *m = typed(a, "DataCatalog"), *ds = value_list(a);
	const char *u;
	size_t i, j;

	if ((u = value_map_str(f, "catalog_url")) != NULL)
		put(a, m, "@id", absurl(s, a, u));
	put(a, m, "name", text(s, a, f, "title", lang));
	put(a, m, "description", text(s, a, g, "site.description", lang));
	put(a, m, "url", meta_page_url(s, a, p));
	put(a, m, "inLanguage", s->langs[lang]);
	put(a, m, "license", text(s, a, g, "site.license.url", lang));
	value_map_set(a, m, "publisher", organization(s, a, g, lang, false));
	for (i = 0; l != NULL && l->type == VALUE_LIST && i < l->n; i++) {
		const struct value *e = l->items[i], *fl;
		struct value *d = typed(a, "Dataset"), *dist = value_list(a);

		put(a, d, "@id", value_map_str(e, "uri"));
		put(a, d, "identifier", value_map_str(e, "id"));
		put(a, d, "name", value_map_str(e, "title"));
		put(a, d, "description", value_map_str(e, "description"));
		if ((u = value_map_str(e, "page_url")) != NULL)
			put(a, d, "url", absurl(s, a, u));
		put(a, d, "dateModified", value_map_str(e, "modified"));
		put(a, d, "license", text(s, a, g, "site.license.url", lang));
		fl = value_map_get(e, "formats");
		for (j = 0; fl != NULL && fl->type == VALUE_LIST && j < fl->n;
		    j++)
			if ((u = value_map_str(fl->items[j], "url")) != NULL)
				value_list_push(a, dist, download(s, a, u,
				    value_map_str(fl->items[j], "media")));
		value_map_set(a, d, "distribution", dist);
		value_list_push(a, ds, d);
	}
	value_map_set(a, m, "dataset", ds);
	return m;
}

/* The object for p, whose URL is url, or NULL when its kind has none. */
static struct value *
jsonld(const struct site *s, struct arena *a, const struct page *p,
    const char *url)
{
	const struct value *f = page_frame(p), *g = p->frames[0];
	const char *kind, *csv, *json, *v;
	struct value *m;
	int lang = page_lang(s, p);

	/* Old revisions and history pages are not what a search shows. */
	if (f == NULL || value_truthy(value_map_get(f, "noindex")))
		return NULL;
	kind = value_map_str(f, "kind");
	csv = value_map_str(f, "csv_url");
	json = value_map_str(f, "json_url");
	if (value_truthy(value_map_get(f, "is_home"))) {
		m = organization(s, a, g, lang, true);
	} else if (value_truthy(value_map_get(f, "is_list"))) {
		return NULL;
	} else if (value_map_str(f, "dataset_uri") != NULL) {
		/* A page that is a catalogue entry (opendata.c): the same @id
		 * and identifier as there, so that a harvester reading both
		 * sees one dataset. */
		struct value *dist = value_list(a);

		m = typed(a, "Dataset");
		put(a, m, "@id", value_map_str(f, "dataset_uri"));
		put(a, m, "identifier", value_map_str(f, "dataset_id"));
		put(a, m, "name", text(s, a, f, "title", lang));
		/* Google requires a description: the site's, failing all. */
		v = text(s, a, f, "summary", lang);
		put(a, m, "description", v != NULL ? v : text(s, a, g,
		    "site.description", lang));
		put(a, m, "url", url);
		put(a, m, "inLanguage", s->langs[lang]);
		put(a, m, "temporalCoverage", text(s, a, f, "fiscal_year",
		    lang));
		put(a, m, "license", text(s, a, g, "site.license.url", lang));
		value_map_set(a, m, "publisher", organization(s, a, g, lang,
		    false));
		if (csv != NULL)
			value_list_push(a, dist, download(s, a, csv,
			    "text/csv"));
		if (json != NULL)
			value_list_push(a, dist, download(s, a, json,
			    "application/json"));
		if ((v = value_map_str(f, "xlsx_url")) != NULL)
			value_list_push(a, dist, download(s, a, v,
			    XLSX_MEDIA_TYPE));
		value_map_set(a, m, "distribution", dist);
	} else if (value_truthy(value_map_get(f, "is_opendata"))) {
		m = catalog(s, a, p, f, g, lang);
	} else if (kind != NULL && strcmp(kind, "document") == 0) {
		m = typed(a, "Legislation");
		put(a, m, "name", text(s, a, f, "title", lang));
		put(a, m, "url", url);
		put(a, m, "inLanguage", s->langs[lang]);
		put(a, m, "legislationIdentifier", text(s, a, f, "number",
		    lang));
		put(a, m, "legislationDate", text(s, a, f, "issued_on", lang));
		put(a, m, "legislationType", text(s, a, f, "type_text", lang));
		put(a, m, "legislationLegalForce", legal_force(value_map_str(f,
		    "status_computed")));
		if ((v = text(s, a, f, "issuer", lang)) != NULL) {
			struct value *o = typed(a, "Organization");

			put(a, o, "name", v);
			value_map_set(a, m, "legislationPassedBy", o);
		}
		put(a, m, "description", text(s, a, f, "summary", lang));
	} else if (kind != NULL && strcmp(kind, "news") == 0) {
		struct value *org;

		m = typed(a, "NewsArticle");
		put(a, m, "headline", text(s, a, f, "title", lang));
		put(a, m, "url", url);
		put(a, m, "inLanguage", s->langs[lang]);
		put(a, m, "datePublished", text(s, a, f, "date_iso", lang));
		v = text(s, a, f, "history.last_changed_iso", lang);
		put(a, m, "dateModified", v != NULL ? v : text(s, a, f,
		    "date_iso", lang));
		put(a, m, "description", text(s, a, f, "summary", lang));
		put(a, m, "image", arena_printf(a, "%sapple-touch-icon.png",
		    s->base_url));
		/* The same board twice: one value, printed twice. */
		org = organization(s, a, g, lang, false);
		value_map_set(a, m, "author", org);
		value_map_set(a, m, "publisher", org);
	} else if (kind != NULL && strcmp(kind, "zone") == 0) {
		m = typed(a, "Place");
		put(a, m, "name", text(s, a, f, "title", lang));
		put(a, m, "url", url);
		put(a, m, "description", text(s, a, f, "summary", lang));
		if ((v = text(s, a, f, "address", lang)) != NULL) {
			struct value *pa = typed(a, "PostalAddress");

			put(a, pa, "streetAddress", v);
			put(a, pa, "addressCountry", "VN");
			value_map_set(a, m, "address", pa);
		}
	} else
		return NULL;
	{
		/* "@context" first, as readers expect; m's keys are its
		 * own already (value_map_set()), so they are appended. */
		struct value *r = value_map(a);
		size_t i;

		value_reserve(a, r, m->n + 1);
		put(a, r, "@context", "https://schema.org");
		for (i = 0; i < m->n; i++)
			value_map_append(a, r, m->pairs[i].key,
			    strlen(m->pairs[i].key),
			    value_pair_pos(&m->pairs[i]), m->pairs[i].val);
		return r;
	}
}

/* meta_jsonld() for a page whose URL is known already. */
static void
jsonld_at(const struct site *s, struct arena *a, const struct page *p,
    const char *url, struct buf *out)
{
	const struct value *v = jsonld(s, a, p, url);

	if (v != NULL)
		value_to_json(v, out, 0);
}

void
meta_jsonld(const struct site *s, struct arena *a, const struct page *p,
    struct buf *out)
{
	jsonld_at(s, a, p, meta_page_url(s, a, p), out);
}

static const char *
og_locale(const char *lang)
{
	if (strcmp(lang, "vi") == 0)
		return "vi_VN";
	if (strcmp(lang, "en") == 0)
		return "en_US";
	return lang;
}

void
meta_frame(const struct site *s, struct arena *a, const struct page *p,
    struct value *over)
{
	struct meta_alt alt[SITE_MAX_LANGS];
	const struct value *f = page_frame(p);
	struct buf b = {0};
	size_t i, n;
	int lang = page_lang(s, p);
	const char *url = meta_page_url(s, a, p);

	put(a, over, "canonical", url);
	if ((n = meta_alternates(s, a, p, alt)) > 0) {
		struct value *l = value_list(a);

		for (i = 0; i < n; i++) {
			struct value *e = value_map(a);

			put(a, e, "lang", alt[i].lang);
			put(a, e, "url", alt[i].url);
			value_list_push(a, l, e);
		}
		value_map_set(a, over, "alternates", l);
		/* The first language's version, else the first there is. */
		for (i = 0; i < n && strcmp(alt[i].lang, s->langs[0]) != 0;
		    i++)
			;
		put(a, over, "x_default", alt[i < n ? i : 0].url);
	}
	put(a, over, "og_locale", og_locale(s->langs[lang]));
	put(a, over, "og_type", f != NULL && value_map_get(f, "date_iso") !=
	    NULL && !value_truthy(value_map_get(f, "is_list")) ? "article" :
	    "website");
	jsonld_at(s, a, p, url, &b);
	if (b.len)
		value_map_set(a, over, "jsonld", value_str(a, b.data, b.len));
	buf_release(&b);
}
