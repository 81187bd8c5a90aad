/*
 * Open data, the descriptions (opendata_impl.h): from the datasets
 * opendata.c made, the DCAT-AP catalogue as JSON-LD, Project Open
 * Data's data.json and the Frictionless Data Package with a Table
 * Schema per CSV.  Each object is a value tree value_to_json() writes;
 * a dataset, resource or field on a line of its own.
 */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "budget_model.h"
#include "budget_table.h"
#include "buf.h"
#include "opendata.h"
#include "opendata_impl.h"
#include "site.h"
#include "value.h"
#include "words.h"

static const char *const type_names[] = {"string", "number", "integer",
    "date"};

/* {"@id": iri}: a node named by its IRI (JSON-LD). */
static struct value *
jref(struct od *o, const char *iri)
{
	struct value *m = value_map(o->s->arena);

	jset(o, m, "@id", iri);
	return m;
}

/* {"@type": type, "@value": v}: a typed literal (JSON-LD). */
static struct value *
jtyped(struct od *o, const char *type, const char *v)
{
	struct value *m = value_map(o->s->arena);

	jset(o, m, "@type", type);
	jset(o, m, "@value", v);
	return m;
}

/* The publisher: site.yaml's publisher:, else the site's title, base
 * URL and contact e-mail. */
static const char *
pub_name(struct od *o, int lang)
{
	const struct value *p = value_map_get(o->s->conf, "publisher");
	const char *l = o->s->langs[lang < (int)o->s->nlangs ? lang : 0];
	const char *t = value_ltext(value_map_get(p, "name"), l, o->main);

	return t ? t : value_ltext(value_map_get(o->s->conf, "title"), l,
	    o->main);
}

static const char *
pub_url(struct od *o)
{
	const char *u = value_map_str(value_map_get(o->s->conf, "publisher"),
	    "url");

	return u ? u : o->s->base_url;
}

static const char *
pub_email(struct od *o)
{
	const char *e = value_map_str(value_map_get(o->s->conf, "publisher"),
	    "email");

	return e ? e : value_map_str(value_map_get(o->s->conf, "contact"),
	    "email");
}

static const char *
license_url(struct od *o)
{
	return value_map_str(value_map_get(o->s->conf, "license"), "url");
}

static const char *
license_name(struct od *o)
{
	return value_map_str(value_map_get(o->s->conf, "license"), "name");
}

/* [{"@value": vi, "@language": "vi"}, {… en}] */
static struct value *
lang_pair(struct od *o, const char *vi, const char *en)
{
	struct value *l = value_list(o->s->arena);
	struct value *a = value_map(o->s->arena), *b = value_map(o->s->arena);

	jset(o, a, "@value", vi);
	jset(o, a, "@language", o->main);
	jset(o, b, "@value", en);
	jset(o, b, "@language", en_lang(o));
	value_list_push(o->s->arena, l, a);
	value_list_push(o->s->arena, l, b);
	return l;
}

/* Appends to l the comma separated words of kw: strings, or {"@value",
 * "@language"} with a language. */
static void
words(struct od *o, struct value *l, const char *kw, const char *lang)
{
	struct arena *a = o->s->arena;
	const char *p = kw, *e;

	for (; *p != '\0'; p = *e ? e + 1 : e) {
		struct value *w, *m;

		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		w = value_str(a, p, (size_t)(e - p));
		if (lang == NULL) {
			value_list_push(a, l, w);
			continue;
		}
		m = value_map(a);
		value_map_set(a, m, "@value", w);
		jset(o, m, "@language", lang);
		value_list_push(a, l, m);
	}
}

/* The EU's language URIs of the site's languages (the codes this table
 * knows; others left out), as [{"@id": …}]. */
static struct value *
languages(struct od *o)
{
	static const char *const codes[][2] = {{"vi", "VIE"}, {"en", "ENG"},
	    {"fr", "FRA"}, {"zh", "ZHO"}, {"ja", "JPN"}, {"ko", "KOR"},
	    {"de", "DEU"}, {"ru", "RUS"}, {"km", "KHM"}, {"lo", "LAO"}};
	struct value *l = value_list(o->s->arena);
	size_t i, j;

	for (i = 0; i < o->s->nlangs; i++)
		for (j = 0; j < sizeof codes / sizeof *codes; j++)
			if (strcmp(o->s->langs[i], codes[j][0]) == 0)
				value_list_push(o->s->arena, l, jref(o,
				    arena_printf(o->s->arena, "%slanguage/%s",
				    EU_AUTHORITY, codes[j][1])));
	return l;
}

/* One distribution of d in the DCAT catalogue. */
static struct value *
dcat_dist(struct od *o, const struct dataset *d, const struct dist *t)
{
	struct arena *a = o->s->arena;
	struct value *m = value_map(a);
	const char *lu = license_url(o);

	jset(o, m, "@id", t->url);
	jset(o, m, "@type", "dcat:Distribution");
	jset(o, m, "dct:title", arena_printf(a, "%s (%s)", d->title[0],
	    t->format));
	value_map_set(a, m, "dcat:accessURL", jref(o, t->url));
	value_map_set(a, m, "dcat:downloadURL", jref(o, t->url));
	/* The vocabularies DCAT-AP names: IANA's media types, the EU's
	 * file types. */
	value_map_set(a, m, "dcat:mediaType", jref(o, arena_printf(a,
	    "http://www.iana.org/assignments/media-types/%s", t->media)));
	value_map_set(a, m, "dct:format", jref(o, arena_printf(a, "%s%s",
	    EU_AUTHORITY "file-type/", t->format)));
	value_map_set(a, m, "dcat:byteSize", jtyped(o,
	    "xsd:nonNegativeInteger", arena_printf(a, "%zu", t->size)));
	if (lu != NULL)
		value_map_set(a, m, "dct:license", jref(o, lu));
	return m;
}

/* One dataset in the DCAT catalogue. */
static struct value *
dcat_dataset(struct od *o, const struct dataset *d)
{
	struct arena *a = o->s->arena;
	struct value *m = value_map(a), *c = value_map(a), *l;
	const char *lu = license_url(o), *email = pub_email(o);
	const struct value *sp = value_map_get(o->s->conf, "coverage");
	size_t j;

	jset(o, m, "@id", d->uri);
	jset(o, m, "@type", "dcat:Dataset");
	jset(o, m, "dct:identifier", d->id);
	value_map_set(a, m, "dct:title", lang_pair(o, d->title[0],
	    d->title[1]));
	value_map_set(a, m, "dct:description", lang_pair(o, d->desc[0],
	    d->desc[1]));
	value_map_set(a, m, "dct:publisher", jref(o, pub_url(o)));
	jset(o, c, "@type", "vcard:Kind");
	jset(o, c, "vcard:fn", pub_name(o, 0));
	if (email != NULL)
		value_map_set(a, c, "vcard:hasEmail", jref(o, arena_printf(a,
		    "mailto:%s", email)));
	value_map_set(a, m, "dcat:contactPoint", c);
	if (lu != NULL)
		value_map_set(a, m, "dct:license", jref(o, lu));
	if (d->issued != NULL) {
		value_map_set(a, m, "dct:issued", jtyped(o, "xsd:date",
		    d->issued));
		value_map_set(a, m, "dct:modified", jtyped(o, "xsd:date",
		    d->modified));
	}
	if (d->from != NULL) {
		struct value *t = value_map(a);

		jset(o, t, "@type", "dct:PeriodOfTime");
		value_map_set(a, t, "dcat:startDate", jtyped(o, "xsd:date",
		    d->from));
		value_map_set(a, t, "dcat:endDate", jtyped(o, "xsd:date",
		    d->to));
		value_map_set(a, m, "dct:temporal", t);
	}
	if (sp != NULL) {
		struct value *t = value_map(a);

		jset(o, t, "@type", "dct:Location");
		value_map_set(a, t, "locn:geographicName", lang_pair(o,
		    value_ltext(sp, o->main, o->main), value_ltext(sp,
		    en_lang(o), o->main)));
		value_map_set(a, m, "dct:spatial", t);
	}
	value_map_set(a, m, "dct:language", languages(o));
	l = value_list(a);
	words(o, l, d->kw[0], o->main);
	words(o, l, d->kw[1], en_lang(o));
	value_map_set(a, m, "dcat:keyword", l);
	value_map_set(a, m, "dcat:theme", jref(o, arena_printf(a, "%s%s",
	    THEME_URI, d->theme)));
	value_map_set(a, m, "dcat:landingPage", jref(o, d->landing));
	l = value_list(a);
	for (j = 0; j < d->ndist; j++)
		value_list_push(a, l, dcat_dist(o, d, &d->dist[j]));
	value_map_set(a, m, "dcat:distribution", l);
	return m;
}

/* The DCAT-AP catalogue: the catalogue's own properties, then a line
 * per dataset. */
void
opendata_dcat(struct od *o, struct buf *b)
{
	struct site *s = o->s;
	struct arena *a = s->arena;
	struct value *h = value_map(a), *p = value_map(a);
	const char *lu = license_url(o);
	size_t i;

	buf_adds(b, "{\"@context\":{"
	    "\"dcat\":\"http://www.w3.org/ns/dcat#\","
	    "\"dct\":\"http://purl.org/dc/terms/\","
	    "\"foaf\":\"http://xmlns.com/foaf/0.1/\","
	    "\"vcard\":\"http://www.w3.org/2006/vcard/ns#\","
	    "\"locn\":\"http://www.w3.org/ns/locn#\","
	    "\"xsd\":\"http://www.w3.org/2001/XMLSchema#\"},\n");
	jset(o, h, "@id", site_absurl(s, arena_printf(a, "%s%scatalog.jsonld",
	    s->root, OPENDATA_DIR)));
	jset(o, h, "@type", "dcat:Catalog");
	value_map_set(a, h, "dct:title", lang_pair(o, pub_name(o, 0),
	    pub_name(o, 1)));
	value_map_set(a, h, "dct:description", lang_pair(o, arena_printf(a,
	    "Danh mục dữ liệu mở của %s.", pub_name(o, 0)), arena_printf(a,
	    "Open data catalogue of the %s.", pub_name(o, 1))));
	value_map_set(a, h, "foaf:homepage", jref(o, s->base_url));
	value_map_set(a, h, "dct:language", languages(o));
	jset(o, p, "@id", pub_url(o));
	jset(o, p, "@type", "foaf:Agent");
	value_map_set(a, p, "foaf:name", lang_pair(o, pub_name(o, 0),
	    pub_name(o, 1)));
	value_map_set(a, h, "dct:publisher", p);
	if (lu != NULL)
		value_map_set(a, h, "dct:license", jref(o, lu));
	json_members(b, h);
	buf_adds(b, ",\"dcat:dataset\":[");
	for (i = 0; i < o->n; i++) {
		buf_adds(b, i ? ",\n" : "\n");
		value_to_json(dcat_dataset(o, &o->ds[i]), b, 0);
	}
	buf_adds(b, "]}\n");
}

/* One dataset of data.json (Project Open Data v1.1). */
static struct value *
pod_dataset(struct od *o, const struct dataset *d)
{
	struct site *s = o->s;
	struct arena *a = s->arena;
	struct value *m = value_map(a), *v;
	const char *lu = license_url(o), *email = pub_email(o);
	const char *mod = d->modified ? d->modified : d->to;
	size_t j;

	jset(o, m, "@type", "dcat:Dataset");
	jset(o, m, "title", d->title[0]);
	jset(o, m, "description", d->desc[0]);
	v = value_list(a);
	words(o, v, d->kw[0], NULL);
	value_map_set(a, m, "keyword", v);
	if (mod != NULL)
		jset(o, m, "modified", mod);
	if (d->issued != NULL)
		jset(o, m, "issued", d->issued);
	v = value_map(a);
	jset(o, v, "@type", "org:Organization");
	jset(o, v, "name", pub_name(o, 0));
	value_map_set(a, m, "publisher", v);
	v = value_map(a);
	jset(o, v, "@type", "vcard:Contact");
	jset(o, v, "fn", pub_name(o, 0));
	if (email != NULL)
		jset(o, v, "hasEmail", arena_printf(a, "mailto:%s", email));
	value_map_set(a, m, "contactPoint", v);
	jset(o, m, "identifier", d->uri);
	jset(o, m, "accessLevel", "public");
	if (lu != NULL)
		jset(o, m, "license", lu);
	jset(o, m, "landingPage", d->landing);
	if (d->from != NULL)
		jset(o, m, "temporal", arena_printf(a, "%s/%s", d->from,
		    d->to));
	v = value_list(a);
	for (j = 0; j < s->nlangs; j++)
		value_list_push(a, v, jstr(o, s->langs[j]));
	value_map_set(a, m, "language", v);
	v = value_list(a);
	value_list_push(a, v, jstr(o, d->theme));
	value_map_set(a, m, "theme", v);
	v = value_list(a);
	for (j = 0; j < d->ndist; j++) {
		struct value *t = value_map(a);

		jset(o, t, "@type", "dcat:Distribution");
		jset(o, t, "downloadURL", d->dist[j].url);
		jset(o, t, "mediaType", d->dist[j].media);
		jset(o, t, "format", d->dist[j].format);
		value_list_push(a, v, t);
	}
	value_map_set(a, m, "distribution", v);
	return m;
}

/* Project Open Data v1.1 (the data.json JKAN and data.gov read). */
void
opendata_pod(struct od *o, struct buf *b)
{
	size_t i;

	buf_adds(b, "{\"@context\":\"https://project-open-data.cio.gov/"
	    "v1.1/schema/catalog.jsonld\",\"@type\":\"dcat:Catalog\","
	    "\"conformsTo\":\"https://project-open-data.cio.gov/v1.1/"
	    "schema\",\"describedBy\":\"https://project-open-data.cio.gov/"
	    "v1.1/schema/catalog.json\",\"dataset\":[");
	for (i = 0; i < o->n; i++) {
		buf_adds(b, i ? ",\n" : "\n");
		value_to_json(pod_dataset(o, &o->ds[i]), b, 0);
	}
	buf_adds(b, "]}\n");
}

/* A resource's name, path, titles, format and dialect, with a ','
 * after them for its schema. */
static void
resource_head(struct od *o, struct buf *b, const struct dataset *d)
{
	struct arena *a = o->s->arena;
	struct value *m = value_map(a), *dl = value_map(a);

	jset(o, m, "name", d->id);
	jset(o, m, "path", d->dist[0].url);
	jset(o, m, "title", d->title[0]);
	jset(o, m, "description", d->desc[0]);
	jset(o, m, "profile", "tabular-data-resource");
	jset(o, m, "format", "csv");
	jset(o, m, "mediatype", "text/csv");
	jset(o, m, "encoding", "utf-8");
	value_map_set(a, m, "bytes", value_int(a, (int64_t)d->dist[0].size));
	jset(o, dl, "delimiter", ",");
	jset(o, dl, "lineTerminator", "\r\n");
	value_map_set(a, dl, "header", value_bool(a, true));
	value_map_set(a, m, "dialect", dl);
	json_members(b, m);
	buf_addc(b, ',');
}

/* One Table Schema field. */
static struct value *
field(struct od *o, const char *name, const char *type, const char *vi,
    const char *en, const char *unit)
{
	struct value *m = value_map(o->s->arena), *t = value_map(o->s->arena);

	jset(o, m, "name", name);
	jset(o, m, "type", type);
	jset(o, m, "title", vi);
	jset(o, t, "vi", vi);
	jset(o, t, "en", en);
	value_map_set(o->s->arena, m, "titles", t);
	if (unit != NULL)
		jset(o, m, "unit", unit);
	return m;
}

/* "schema":{"fields":[a field a line],<the members of tail>} */
static void
schema(struct buf *b, const struct value *fields, const struct value *tail)
{
	size_t i;

	buf_adds(b, "\"schema\":{\"fields\":[");
	for (i = 0; i < fields->n; i++) {
		buf_adds(b, i ? ",\n" : "\n");
		value_to_json(fields->items[i], b, 0);
	}
	buf_adds(b, "],");
	json_members(b, tail);
	buf_addc(b, '}');
}

/* A schema's primary key (column pk), the empty cell as missing, and
 * the parent column's key into the same table (budgets, series). */
static struct value *
row_keys(struct od *o, const char *pk, const char *parent)
{
	struct arena *a = o->s->arena;
	struct value *m = value_map(a), *l = value_list(a);
	struct value *k = value_map(a), *r = value_map(a);

	jset(o, m, "primaryKey", pk);
	value_list_push(a, l, jstr(o, ""));
	value_map_set(a, m, "missingValues", l);
	jset(o, k, "fields", parent);
	jset(o, r, "resource", "");
	jset(o, r, "fields", pk);
	value_map_set(a, k, "reference", r);
	l = value_list(a);
	value_list_push(a, l, k);
	value_map_set(a, m, "foreignKeys", l);
	return m;
}

/* The n-th comma separated part of list (no quoting: the theme's
 * budget.csv_head), or "". */
static const char *
nth(struct site *s, const char *list, size_t n)
{
	const char *e;

	while (n-- > 0 && list != NULL)
		list = (list = strchr(list, ',')) != NULL ? list + 1 : NULL;
	if (list == NULL)
		return "";
	e = strchr(list, ',');
	return arena_printf(s->arena, "%.*s", e ? (int)(e - list) :
	    (int)strlen(list), list);
}

/*
 * The Table Schema of a budget's du-lieu.csv (budget_model.c writes it
 * in the record's language): the six row columns, then each shown
 * column with its unit; the row code is the primary key and the
 * parent's code a key into the same table.
 */
static bool
budget_schema(struct od *o, struct buf *b, const struct dataset *d)
{
	struct site *s = o->s;
	struct item *it = d->it;
	const struct btab *t = it->btab;
	const char *lang = it->lang, *other = en_lang(o);
	const char *hv = budget_csv_head(s, lang);
	const char *he = budget_csv_head(s, other);
	const char *cu = value_map_str(it->data, "currency_unit");
	static const char *const types[] = {"string", "integer", "string",
	    "string", "string", "string"};
	struct value *l = value_list(s->arena);
	size_t k;

	if (t == NULL || t->form == NULL)
		return false;
	for (k = 0; k < 6; k++)
		value_list_push(s->arena, l, field(o, nth(s, hv, k), types[k],
		    nth(s, hv, k), nth(s, he, k), NULL));
	for (k = 0; k < t->form->ncols; k++) {
		const struct bcol *c = &t->form->cols[k];
		const char *uv = site_word(s, lang, arena_printf(s->arena,
		    "budget.unit.%s", cu ? cu : "dong"));
		const char *ue = site_word(s, other, arena_printf(s->arena,
		    "budget.unit.%s", cu ? cu : "dong"));
		const char *hk = budget_col_heading(s->arena, t->form, k, uv,
		    0);

		if (!t->shown[k])
			continue;
		value_list_push(s->arena, l, field(o, hk, "number", hk,
		    budget_col_heading(s->arena, t->form, k, ue, 1),
		    c->type == BCOL_PERCENT ? "%" : uv));
	}
	schema(b, l, row_keys(o, nth(s, hv, 0), nth(s, hv, 2)));
	return true;
}

/*
 * The n-th heading of the CSV made for page p (after its BOM; a quoted
 * field unquoted), or NULL past the last.
 */
static const char *
csv_heading(struct site *s, const struct page *p, size_t n)
{
	const char *c = p->data, *e = p->data + p->len;
	struct buf b = {0};
	const char *r = NULL;

	if (p->len >= 3 && memcmp(c, "\xef\xbb\xbf", 3) == 0)
		c += 3;
	for (;;) {
		buf_reset(&b);
		if (c < e && *c == '"') {
			for (c++; c < e && !(*c == '"' && (c + 1 == e ||
			    c[1] != '"')); c++) {
				buf_addc(&b, *c);
				if (*c == '"')
					c++;
			}
			c++;
		} else
			for (; c < e && *c != ',' && *c != '\r' &&
			    *c != '\n'; c++)
				buf_addc(&b, *c);
		if (n-- == 0) {
			r = arena_printf(s->arena, "%s", buf_cstr(&b));
			break;
		}
		if (c >= e || *c != ',')
			break;
		c++;
	}
	buf_release(&b);
	return r;
}

/*
 * The Table Schema of a budget series' CSV (budget_series.c): its
 * headings, the six row columns typed as a record's, the figures
 * numbers; English titles from the English page's CSV.  The row code is
 * the primary key, the parent's code a key into the same table.
 */
static void
series_schema(struct od *o, struct buf *b, const struct dataset *d)
{
	static const char *const types[] = {"string", "integer", "string",
	    "string", "string", "string"};
	struct value *l = value_list(o->s->arena);
	const char *h, *en;
	size_t k;

	for (k = 0; (h = csv_heading(o->s, d->head[0], k)) != NULL; k++) {
		en = csv_heading(o->s, d->head[1], k);
		value_list_push(o->s->arena, l, field(o, h, k < 6 ? types[k] :
		    "number", h, en != NULL ? en : h, NULL));
	}
	schema(b, l, row_keys(o, csv_heading(o->s, d->head[0], 0),
	    csv_heading(o->s, d->head[0], 2)));
}

/* The Table Schema of a record table: its columns, the first the key,
 * and a foreign key for each column naming another kind's record. */
static void
record_schema(struct od *o, struct buf *b, const struct odkind *k)
{
	struct arena *a = o->s->arena;
	struct value *l = value_list(a), *tail = value_map(a);
	struct value *fk = value_list(a), *v;
	size_t c, m;

	for (c = 0; c < k->ncols; c++) {
		const struct odcol *f = &k->cols[c];

		v = field(o, f->name, type_names[f->type], f->vi, f->en,
		    f->unit);
		if (strcmp(f->path, "@url") == 0)
			jset(o, v, "format", "uri");
		if (c == 0) {
			struct value *cs = value_map(a);

			value_map_set(a, cs, "required", value_bool(a, true));
			value_map_set(a, cs, "unique", value_bool(a, true));
			value_map_set(a, v, "constraints", cs);
		}
		value_list_push(a, l, v);
	}
	jset(o, tail, "primaryKey", k->cols[0].name);
	v = value_list(a);
	value_list_push(a, v, jstr(o, ""));
	value_map_set(a, tail, "missingValues", v);
	/* A column naming another kind's record: a foreign key to that
	 * kind's table, when the site publishes one. */
	for (c = 0; c < k->ncols; c++) {
		const char *to = NULL;
		struct value *e, *r;

		for (m = 0; k->cols[c].ref != NULL && m < o->n; m++)
			if (o->ds[m].k != NULL && strcmp(o->ds[m].k->kind,
			    k->cols[c].ref) == 0)
				to = o->ds[m].id;
		if (to == NULL)
			continue;
		e = value_map(a);
		r = value_map(a);
		jset(o, e, "fields", k->cols[c].name);
		jset(o, r, "resource", to);
		jset(o, r, "fields", "slug");
		value_map_set(a, e, "reference", r);
		value_list_push(a, fk, e);
	}
	if (fk->n > 0)
		value_map_set(a, tail, "foreignKeys", fk);
	schema(b, l, tail);
}

/* The Frictionless Data Package of every table, a resource a line,
 * foreign keys between them (call → zone). */
void
opendata_package(struct od *o, struct buf *b)
{
	struct site *s = o->s;
	struct value *h = value_map(s->arena);
	const char *lu = license_url(o), *ln = license_name(o);
	size_t i;
	bool first = true;

	jset(o, h, "profile", "tabular-data-package");
	jset(o, h, "name", "du-lieu-mo");
	jset(o, h, "title", pub_name(o, 0));
	jset(o, h, "homepage", site_absurl(s, arena_printf(s->arena, "%s%s",
	    s->root, OPENDATA_DIR)));
	if (lu != NULL) {
		struct value *l = value_list(s->arena);
		struct value *m = value_map(s->arena);

		jset(o, m, "path", lu);
		if (ln != NULL)
			jset(o, m, "title", ln);
		value_list_push(s->arena, l, m);
		value_map_set(s->arena, h, "licenses", l);
	}
	buf_addc(b, '{');
	json_members(b, h);
	buf_adds(b, ",\"resources\":[");
	for (i = 0; i < o->n; i++) {
		const struct dataset *d = &o->ds[i];
		size_t at = b->len;

		buf_adds(b, first ? "\n{" : ",\n{");
		resource_head(o, b, d);
		if (d->k != NULL)
			record_schema(o, b, d->k);
		else if (d->head[0] != NULL)
			series_schema(o, b, d);
		else if (!budget_schema(o, b, d)) {
			buf_truncate(b, at);
			continue;
		}
		buf_addc(b, '}');
		first = false;
	}
	buf_adds(b, "]}\n");
}
