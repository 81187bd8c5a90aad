/*
 * Open data (opendata.h): the record tables as CSV and JSON, the Data
 * Package, the DCAT-AP catalogue, Project Open Data's data.json and the
 * open-data page.  What a table holds is the table `kinds` below: one
 * row of columns per kind, each naming where in a record its value is,
 * its Table Schema type, titles and unit.  A column's name never changes
 * once published (readers' scripts depend on it); new ones go last.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "budget_model.h"
#include "budget_table.h"
#include "buf.h"
#include "history.h"
#include "opendata.h"
#include "records.h"
#include "site.h"
#include "site_lists.h"
#include "theme.h"
#include "value.h"
#include "words.h"
#include "xlsx.h"

enum odtype { OD_STRING, OD_NUMBER, OD_INTEGER, OD_DATE };

static const char *const type_names[] = {"string", "number", "integer",
    "date"};

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

/* clang-format off */
static const struct odcol zone_cols[] = {
	{"slug", "@slug", OD_STRING, "Mã khu", "Zone code", NULL, NULL},
	{"name", "name", OD_STRING, "Tên khu công nghiệp", "Name", NULL, NULL},
	{"url", "@url", OD_STRING, "Trang", "Page", NULL, NULL},
	{"status", "status", OD_STRING, "Tình trạng", "Status", NULL, NULL},
	{"area_ha", "area_ha", OD_NUMBER, "Tổng diện tích (ha)",
	    "Total area (ha)", "ha", NULL},
	{"industrial_land_ha", "industrial_land_ha", OD_NUMBER,
	    "Đất công nghiệp (ha)", "Industrial land (ha)", "ha", NULL},
	{"leased_ha", "leased_ha", OD_NUMBER, "Đã cho thuê (ha)",
	    "Leased (ha)", "ha", NULL},
	{"occupancy_percent", "occupancy.percent", OD_NUMBER,
	    "Tỷ lệ lấp đầy (%)", "Occupancy (%)", "%", NULL},
	{"occupancy_basis", "occupancy.basis", OD_STRING,
	    "Cơ sở tính tỷ lệ lấp đầy", "Occupancy basis", NULL, NULL},
	{"projects_total", "projects.total", OD_INTEGER, "Số dự án",
	    "Projects", NULL, NULL},
	{"projects_fdi", "projects.fdi", OD_INTEGER, "Số dự án FDI",
	    "FDI projects", NULL, NULL},
	{"projects_domestic", "projects.domestic", OD_INTEGER,
	    "Số dự án trong nước", "Domestic projects", NULL, NULL},
	{"wastewater_design_m3_day", "infrastructure.wastewater.design_m3_day",
	    OD_NUMBER, "Công suất xử lý nước thải thiết kế (m³/ngày đêm)",
	    "Wastewater plant, design (m³/day)", "m3/day", NULL},
	{"wastewater_built_m3_day", "infrastructure.wastewater.built_m3_day",
	    OD_NUMBER, "Công suất xử lý nước thải đã xây dựng (m³/ngày đêm)",
	    "Wastewater plant, built (m³/day)", "m3/day", NULL},
	{"as_of", "as_of", OD_DATE, "Số liệu tính đến ngày", "Figures as of",
	    NULL, NULL},
};

static const struct odcol call_cols[] = {
	{"slug", "@slug", OD_STRING, "Mã dự án", "Project code", NULL, NULL},
	{"title", "@title", OD_STRING, "Tên dự án", "Title", NULL, NULL},
	{"url", "@url", OD_STRING, "Trang", "Page", NULL, NULL},
	{"sector", "sector", OD_STRING, "Ngành, lĩnh vực", "Sector", NULL,
	    NULL},
	{"zone", "location.zone", OD_STRING, "Khu công nghiệp (mã khu)",
	    "Industrial zone (zone code)", NULL, "zone"},
	{"district", "location.district", OD_STRING, "Huyện, thành phố",
	    "District", NULL, NULL},
	{"commune", "location.commune", OD_STRING, "Xã, phường", "Commune",
	    NULL, NULL},
	{"area_ha", "area_ha", OD_NUMBER, "Diện tích (ha)", "Area (ha)", "ha",
	    NULL},
	{"est_capital_amount", "est_capital.amount", OD_NUMBER,
	    "Vốn đầu tư dự kiến (theo đơn vị ở cột sau)",
	    "Estimated capital (in the next column's unit)", NULL, NULL},
	{"est_capital_unit", "est_capital.unit", OD_STRING,
	    "Đơn vị của vốn đầu tư", "Unit of the capital", NULL, NULL},
	{"selection", "selection", OD_STRING,
	    "Hình thức lựa chọn nhà đầu tư", "Investor selection", NULL, NULL},
	{"published_on", "published_on", OD_DATE, "Ngày đăng", "Published on",
	    NULL, NULL},
	{"deadline", "deadline", OD_DATE, "Hạn nhận hồ sơ", "Deadline", NULL,
	    NULL},
	{"status", "status", OD_STRING, "Tình trạng", "Status", NULL, NULL},
};

static const struct odcol inspection_cols[] = {
	{"slug", "@slug", OD_STRING, "Mã cuộc thanh tra",
	    "Inspection code", NULL, NULL},
	{"title", "@title", OD_STRING, "Tiêu đề", "Title", NULL, NULL},
	{"url", "@url", OD_STRING, "Trang", "Page", NULL, NULL},
	{"type", "type", OD_STRING, "Loại", "Type", NULL, NULL},
	{"mode", "mode", OD_STRING, "Theo kế hoạch hay đột xuất", "Mode",
	    NULL, NULL},
	{"authority", "authority", OD_STRING, "Cơ quan tiến hành", "Authority",
	    NULL, NULL},
	{"enterprise", "subject.enterprise", OD_STRING, "Doanh nghiệp",
	    "Enterprise", NULL, NULL},
	{"tax_code", "subject.tax_code", OD_STRING, "Mã số thuế", "Tax code",
	    NULL, NULL},
	{"zone", "subject.zone", OD_STRING, "Khu công nghiệp (mã khu)",
	    "Industrial zone (zone code)", NULL, "zone"},
	{"decision_number", "decision.number", OD_STRING,
	    "Số quyết định thanh tra", "Decision number", NULL, NULL},
	{"decision_date", "decision.date", OD_DATE, "Ngày quyết định",
	    "Decision date", NULL, NULL},
	{"duration_days", "duration_days", OD_INTEGER, "Số ngày tiến hành",
	    "Duration (days)", "day", NULL},
	{"conclusion_number", "conclusion.number", OD_STRING,
	    "Số kết luận", "Conclusion number", NULL, NULL},
	{"conclusion_date", "conclusion.date", OD_DATE, "Ngày kết luận",
	    "Conclusion date", NULL, NULL},
	{"status", "status", OD_STRING, "Tình trạng", "Status", NULL, NULL},
	{"published_on", "published_on", OD_DATE, "Ngày đăng", "Published on",
	    NULL, NULL},
};

static const struct odcol document_cols[] = {
	{"slug", "@slug", OD_STRING, "Mã văn bản", "Document code", NULL,
	    NULL},
	{"number", "number", OD_STRING, "Số hiệu", "Number", NULL, NULL},
	{"title", "@title", OD_STRING, "Tên văn bản", "Title", NULL, NULL},
	{"url", "@url", OD_STRING, "Trang", "Page", NULL, NULL},
	{"type", "type", OD_STRING, "Loại văn bản", "Type", NULL, NULL},
	{"issuer", "issuer", OD_STRING, "Cơ quan ban hành", "Issuer", NULL,
	    NULL},
	{"signer", "signer", OD_STRING, "Người ký", "Signer", NULL, NULL},
	{"issued_on", "issued_on", OD_DATE, "Ngày ban hành", "Issued on", NULL,
	    NULL},
	{"effective_from", "effective_from", OD_DATE, "Ngày có hiệu lực",
	    "Effective from", NULL, NULL},
	{"expires_on", "expires_on", OD_DATE, "Ngày hết hiệu lực",
	    "Expires on", NULL, NULL},
	{"status", "status", OD_STRING, "Hiệu lực", "Status", NULL, NULL},
	{"field", "field", OD_STRING, "Lĩnh vực", "Field", NULL, NULL},
	{"summary", "summary", OD_STRING, "Trích yếu", "Summary", NULL, NULL},
};

/*
 * Plans: a row per target (zone empty) and per zone's share of it; the
 * row code "<plan>/<n>" or "<plan>/<n>/<zone>" is the key.  "t:" paths
 * are in the target, "p:" in the share; @target and @result the
 * share's figure, else the target's.
 */
static const struct odcol plan_cols[] = {
	{"row", "@row", OD_STRING, "Mã dòng", "Row code", NULL, NULL},
	{"plan", "@slug", OD_STRING, "Mã kế hoạch", "Plan code", NULL, NULL},
	{"url", "@url", OD_STRING, "Trang", "Page", NULL, NULL},
	{"year", "year", OD_INTEGER, "Năm", "Year", NULL, NULL},
	{"indicator", "t:indicator", OD_STRING, "Chỉ tiêu", "Indicator", NULL,
	    NULL},
	{"unit", "t:unit", OD_STRING, "Đơn vị", "Unit", NULL, NULL},
	{"zone", "p:zone", OD_STRING,
	    "Khu công nghiệp (mã khu; trống: cả Ban)",
	    "Industrial zone (zone code; empty: the whole board)", NULL,
	    "zone"},
	{"target", "@target", OD_NUMBER, "Chỉ tiêu (theo đơn vị ở cột unit)",
	    "Target (in the unit column's unit)", NULL, NULL},
	{"result", "@result", OD_NUMBER, "Kết quả (theo đơn vị ở cột unit)",
	    "Result (in the unit column's unit)", NULL, NULL},
	{"result_as_of", "@result_as_of", OD_DATE, "Kết quả tính đến ngày",
	    "Result as of", NULL, NULL},
};

#define COLS(c) (c), sizeof(c) / sizeof *(c)
static const struct odkind kinds[] = {
	{"zone", "Các khu công nghiệp của tỉnh: diện tích, diện tích đã cho "
	    "thuê, tỷ lệ lấp đầy, số dự án, công suất xử lý nước thải.",
	    "The province's industrial zones: area, leased area, occupancy, "
	    "projects, wastewater treatment capacity.", "ECON",
	    "khu công nghiệp,tỷ lệ lấp đầy,đất công nghiệp",
	    "industrial zones,occupancy,industrial land", "as_of",
	    COLS(zone_cols), false},
	{"call", "Các dự án kêu gọi đầu tư: ngành, địa điểm, diện tích, vốn "
	    "dự kiến, hình thức lựa chọn nhà đầu tư, hạn nộp hồ sơ.",
	    "Projects open to investors: sector, location, area, estimated "
	    "capital, investor selection, deadline.", "ECON",
	    "kêu gọi đầu tư,dự án,đầu tư",
	    "investment calls,projects,investment", "published_on",
	    COLS(call_cols), false},
	{"inspection", "Các cuộc thanh tra, kiểm tra doanh nghiệp trong khu "
	    "công nghiệp: quyết định, đối tượng, kết luận, tình trạng.",
	    "Inspections of enterprises in the zones: decision, subject, "
	    "conclusion, status.", "GOVE",
	    "thanh tra,kiểm tra,doanh nghiệp",
	    "inspections,enforcement,enterprises", "published_on",
	    COLS(inspection_cols), false},
	{"document", "Các văn bản pháp luật và văn bản hành chính mà Ban đăng: "
	    "số hiệu, cơ quan ban hành, ngày ban hành, hiệu lực.",
	    "The legal and administrative documents the board publishes: "
	    "number, issuer, dates, status.", "JUST",
	    "văn bản,pháp luật,quyết định", "documents,law,decisions",
	    "issued_on", COLS(document_cols), false},
	{"plan", "Các chỉ tiêu kế hoạch năm của Ban và phần của từng khu công "
	    "nghiệp, kèm kết quả thực hiện.",
	    "The board's annual targets and each zone's share, with the "
	    "results.", "ECON", "kế hoạch,chỉ tiêu,kết quả thực hiện",
	    "plans,targets,results", "date", COLS(plan_cols), true},
};
/* clang-format on */

#define NKINDS (sizeof kinds / sizeof *kinds)

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

const char *
opendata_cell(struct site *s, const struct value *v)
{
	struct buf b = {0};
	const char *r;

	if (v == NULL || v->type == VALUE_NULL)
		return "";
	if (v->type == VALUE_MAP)
		return value_ltext(v, s->langs[0], s->langs[0]) ?
		    value_ltext(v, s->langs[0], s->langs[0]) : "";
	if (!value_is_scalar(v))
		return "";
	value_scalar_text(v, &b);
	r = buf_keep(&b, s->arena);
	buf_release(&b);
	return r != NULL ? r : "";
}

/* One row of a table: a record, or a plan's target (t) or a zone's
 * share of it (p). */
struct odrow {
	const struct item *it;
	const struct value *t, *p;
	size_t ti;
};

/* The figure of a target's share, else of the target: key "value" /
 * "total", or "result.value", "result.as_of". */
static const struct value *
figure(const struct odrow *r, const char *share, const char *target)
{
	return r->p != NULL ? value_path(r->p, share) : value_path(r->t,
	    target);
}

/* The text of column c in row r ("" for none). */
static const char *
col_text(struct od *o, const struct odrow *r, const struct odcol *c)
{
	const struct item *it = r->it;
	const struct value *v;

	if (strcmp(c->path, "@slug") == 0)
		return it->slug;
	if (strcmp(c->path, "@url") == 0)
		return site_absurl(o->s, it->url);
	if (strcmp(c->path, "@title") == 0)
		return records_title(o->s, it);
	if (strcmp(c->path, "@row") == 0)
		return r->p != NULL ? arena_printf(o->s->arena, "%s/%zu/%s",
		    it->slug, r->ti + 1, opendata_cell(o->s,
		    value_map_get(r->p, "zone"))) : arena_printf(o->s->arena,
		    "%s/%zu", it->slug, r->ti + 1);
	if (strncmp(c->path, "t:", 2) == 0)
		v = value_path(r->t, c->path + 2);
	else if (strncmp(c->path, "p:", 2) == 0)
		v = r->p != NULL ? value_path(r->p, c->path + 2) : NULL;
	else if (strcmp(c->path, "@target") == 0)
		v = figure(r, "value", "total");
	else if (strcmp(c->path, "@result") == 0)
		v = figure(r, "result.value", "result.value");
	else if (strcmp(c->path, "@result_as_of") == 0)
		v = figure(r, "result.as_of", "result.as_of");
	else
		v = value_path(it->data, c->path);
	if (c->type == OD_DATE)
		return records_date_of(v) ? records_date_of(v) : "";
	if ((c->type == OD_NUMBER || c->type == OD_INTEGER) && v != NULL &&
	    v->type != VALUE_INT && v->type != VALUE_NUM)
		return "";
	return opendata_cell(o->s, v);
}

/* The folder of a collection's URLs: "khu-cong-nghiep" from the
 * permalink /khu-cong-nghiep/:slug/; the collection's name failing. */
static const char *
coll_id(struct site *s, const struct collection *co)
{
	const char *p = co->permalink, *e;

	if (p == NULL || *p++ != '/' || (e = strchr(p, '/')) == NULL ||
	    e == p || memchr(p, ':', e - p) != NULL)
		return co->name;
	return arena_printf(s->arena, "%.*s", (int)(e - p), p);
}

/* Widens [ds->issued, ds->modified] by the history of path. */
static void
dates_of(struct od *o, struct dataset *ds, const char *path)
{
	const struct file_history *fh = history_file(o->h, path);

	if (fh == NULL || fh->n == 0)
		return;
	if (ds->issued == NULL || strcmp(fh->revs[0].date, ds->issued) < 0)
		ds->issued = fh->revs[0].date;
	if (ds->modified == NULL ||
	    strcmp(fh->revs[fh->n - 1].date, ds->modified) > 0)
		ds->modified = fh->revs[fh->n - 1].date;
}

static void
span(struct dataset *ds, const char *from, const char *to)
{
	if (from != NULL && (ds->from == NULL || strcmp(from, ds->from) < 0))
		ds->from = from;
	if (to != NULL && (ds->to == NULL || strcmp(to, ds->to) > 0))
		ds->to = to;
}

/* Every translation's file counts as a change of the record. */
static void
item_dates(struct od *o, struct dataset *ds, const struct item *it)
{
	size_t l;

	for (l = 0; l < o->s->nlangs; l++)
		if (it->tr[l] != NULL)
			dates_of(o, ds, it->tr[l]->path);
	if (it->tr[it->lang_index] == NULL)
		dates_of(o, ds, it->path);
}

/*
 * A dataset's @id in the catalogue, the identifier of data.json and of
 * the pages' schema.org Dataset: the open-data page's URL with the
 * dataset's row there (id="…") as fragment, so that it resolves.
 */
static const char *
ds_uri(struct site *s, const char *id)
{
	return arena_printf(s->arena, "%s#%s", site_absurl(s,
	    arena_printf(s->arena, "%s%s", s->root, OPENDATA_DIR)), id);
}

/*
 * Names the catalogue entry on each language's page of a record (its
 * schema.org Dataset says the same @id and identifier as the DCAT
 * catalogue, meta.c).
 */
static void
name_dataset(struct site *s, struct item *it, const struct dataset *ds)
{
	size_t l;

	for (l = 0; l < s->nlangs; l++) {
		struct item *t = it->tr[l] != NULL ? it->tr[l] :
		    (int)l == it->lang_index ? it : NULL;

		if (t == NULL || t->frame == NULL)
			continue;
		records_set(s, t->frame, "dataset_uri", ds->uri);
		records_set(s, t->frame, "dataset_id", ds->id);
	}
}

static struct dataset *
add_ds(struct od *o)
{
	struct dataset *d;

	o->ds = arena_grow(o->s->arena, o->ds, o->n, &o->cap, sizeof *o->ds);
	d = &o->ds[o->n++];
	memset(d, 0, sizeof *d);
	return d;
}

/*
 * JSON: each object is a value tree that value_to_json() writes; only
 * the files' outer skeletons, which put a dataset, record or field on a
 * line of its own (so that a diff of two builds reads line by line), are
 * written by hand.
 */

/* A string, or null for none (a site.yaml without a title). */
static struct value *
jstr(struct od *o, const char *v)
{
	return v != NULL ? value_strz(o->s->arena, v) :
	    value_null(o->s->arena);
}

static void
jset(struct od *o, struct value *m, const char *k, const char *v)
{
	value_map_set(o->s->arena, m, k, jstr(o, v));
}

/* A figure as the CSV writes it ("112.9579"): a JSON number with the
 * same digits. */
static struct value *
jnum(struct od *o, const char *t)
{
	struct value *v = value_new(o->s->arena, VALUE_NUM,
	    (struct pos){NULL, 0, 0});

	v->text = t;
	v->len = strlen(t);
	v->u.d = strtod(t, NULL);
	return v;
}

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

/* Writes the members of map m, "k":v,…, without braces: the part of an
 * object written before or after a member laid out by hand. */
static void
json_members(struct buf *b, const struct value *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (i)
			buf_addc(b, ',');
		buf_add_json(b, m->pairs[i].key, m->pairs[i].keylen);
		buf_addc(b, ':');
		value_to_json(m->pairs[i].val, b, 0);
	}
}

static void
add_file(struct od *o, const char *out, struct buf *b)
{
	site_add_data(o->s, out, "content/site.yaml", b);
	buf_release(b);
}

/*
 * Gives the collection's list pages (and browse pages) `csv_url`, the
 * table's download: the theme shows it beside the list's JSON, with
 * the licence.
 */
static void
list_csv(struct site *s, const struct collection *co, const char *url)
{
	size_t i;

	for (i = 0; i < s->npages; i++) {
		struct value *f = (struct value *)s->pages[i].frames[1];
		const char *c;

		if (s->pages[i].nframes < 2 || f == NULL ||
		    f->type != VALUE_MAP || !value_truthy(value_map_get(f,
		    "is_list")) || (c = value_map_str(f, "collection")) ==
		    NULL || strcmp(c, co->name) != 0)
			continue;
		value_map_set(s->arena, f, "csv_url", value_strz(s->arena,
		    url));
	}
}

/* The CSV and JSON of one kind's records (main language, published). */
static void
record_table(struct od *o, const struct odkind *k, struct collection *co)
{
	struct site *s = o->s;
	struct item **v;
	size_t nv = site_published(s, co, 0, &v), n = 0, cap = 0, i, c;
	struct odrow *rows = NULL;
	struct buf b = {0};
	struct dataset *ds = add_ds(o);
	struct value *h;
	const char *id = coll_id(s, co);

	for (i = 0; i < nv; i++) {
		const struct value *tl = value_map_get(v[i]->data, "targets");

		item_dates(o, ds, v[i]);
		{
			const char *d = records_date_of(value_map_get(
			    v[i]->data, k->temporal));

			span(ds, d, d);
		}
		if (!k->per_target) {
			rows = arena_grow(s->arena, rows, n, &cap,
			    sizeof *rows);
			rows[n++] = (struct odrow){v[i], NULL, NULL, 0};
			continue;
		}
		for (size_t ti = 0; tl != NULL && tl->type == VALUE_LIST &&
		    ti < tl->n; ti++) {
			const struct value *t = tl->items[ti];
			const struct value *bz = value_map_get(t, "by_zone");

			rows = arena_grow(s->arena, rows, n, &cap,
			    sizeof *rows);
			rows[n++] = (struct odrow){v[i], t, NULL, ti};
			for (size_t z = 0; bz != NULL && bz->type ==
			    VALUE_LIST && z < bz->n; z++) {
				rows = arena_grow(s->arena, rows, n, &cap,
				    sizeof *rows);
				rows[n++] = (struct odrow){v[i], t,
				    bz->items[z], ti};
			}
		}
	}
	ds->id = id;
	ds->uri = ds_uri(s, id);
	ds->k = k;
	ds->co = co;
	ds->nrows = n;
	ds->title[0] = records_coll_title(s, co, 0);
	ds->title[1] = s->nlangs > 1 ? records_coll_title(s, co, 1) :
	    ds->title[0];
	ds->desc[0] = k->desc_vi;
	ds->desc[1] = k->desc_en;
	ds->kw[0] = k->kw_vi;
	ds->kw[1] = k->kw_en;
	ds->theme = k->theme;
	ds->landing = co->list_url[0] != NULL ? site_absurl(s,
	    co->list_url[0]) : s->base_url;

	buf_adds(&b, "\xef\xbb\xbf");
	for (c = 0; c < k->ncols; c++) {
		if (c)
			buf_addc(&b, ',');
		buf_adds(&b, k->cols[c].name);
	}
	buf_adds(&b, "\r\n");
	for (i = 0; i < n; i++) {
		for (c = 0; c < k->ncols; c++) {
			const char *t = col_text(o, &rows[i], &k->cols[c]);

			if (c)
				buf_addc(&b, ',');
			buf_add_csv(&b, t, strlen(t));
		}
		buf_adds(&b, "\r\n");
	}
	ds->dist[0] = (struct dist){site_absurl(s, arena_printf(s->arena,
	    "%s%s%s.csv", s->root, OPENDATA_DIR, id)), "CSV", "text/csv",
	    b.len};
	list_csv(s, co, arena_printf(s->arena, "%s%s%s.csv", s->root,
	    OPENDATA_DIR, id));
	add_file(o, arena_printf(s->arena, "%s%s.csv", OPENDATA_DIR, id), &b);

	/* The JSON: the same rows as objects, figures as numbers. */
	h = value_map(s->arena);
	jset(o, h, "dataset", id);
	jset(o, h, "license", opendata_cell(s, value_path(s->conf,
	    "license.url")));
	jset(o, h, "source", ds->landing);
	buf_addc(&b, '{');
	json_members(&b, h);
	buf_adds(&b, ",\"records\":[");
	for (i = 0; i < n; i++) {
		struct value *r = value_map(s->arena);

		for (c = 0; c < k->ncols; c++) {
			const char *t = col_text(o, &rows[i], &k->cols[c]);

			value_map_set(s->arena, r, k->cols[c].name, *t ==
			    '\0' ? value_null(s->arena) : k->cols[c].type ==
			    OD_NUMBER || k->cols[c].type == OD_INTEGER ?
			    jnum(o, t) : value_strz(s->arena, t));
		}
		buf_adds(&b, i ? ",\n" : "\n");
		value_to_json(r, &b, 0);
	}
	buf_adds(&b, "]}\n");
	ds->dist[1] = (struct dist){site_absurl(s, arena_printf(s->arena,
	    "%s%s%s.json", s->root, OPENDATA_DIR, id)), "JSON",
	    "application/json", b.len};
	ds->ndist = 2;
	add_file(o, arena_printf(s->arena, "%s%s.json", OPENDATA_DIR, id), &b);
}

static const struct page *
find_page(struct site *s, const char *out)
{
	size_t i;

	for (i = 0; i < s->npages; i++)
		if (strcmp(s->pages[i].out, out) == 0)
			return &s->pages[i];
	return NULL;
}

/* A budget table (budget_model.c wrote its du-lieu.csv and .json). */
static void
budget_table(struct od *o, struct item *it)
{
	struct site *s = o->s;
	const char *dir, *slash = strrchr(it->out, '/');
	const struct page *csv, *json, *xlsx;
	const struct value *fy;
	struct dataset *ds;

	dir = slash ? arena_printf(s->arena, "%.*s", (int)(slash - it->out +
	    1), it->out) : "";
	csv = find_page(s, arena_printf(s->arena, "%sdu-lieu.csv", dir));
	json = find_page(s, arena_printf(s->arena, "%sdu-lieu.json", dir));
	xlsx = find_page(s, arena_printf(s->arena, "%sdu-lieu.xlsx", dir));
	if (csv == NULL || json == NULL)
		return;
	ds = add_ds(o);
	ds->it = it;
	ds->id = arena_printf(s->arena, "%s-%s", coll_id(s, it->coll),
	    it->slug);
	ds->uri = ds_uri(s, ds->id);
	name_dataset(s, it, ds);
	/* The page's title (made from the form when the record has none);
	 * in English the translation's, else the form's English title. */
	fy = value_map_get(it->data, "fiscal_year");
	ds->title[0] = value_map_str(it->frame, "title") != NULL ?
	    value_map_str(it->frame, "title") : records_title(s, it);
	if (s->nlangs > 1 && it->tr[1] != NULL && it->tr[1]->frame != NULL &&
	    value_map_str(it->tr[1]->frame, "title") != NULL)
		ds->title[1] = value_map_str(it->tr[1]->frame, "title");
	else if (it->btab != NULL && it->btab->form != NULL &&
	    it->btab->form->title[1] != NULL)
		ds->title[1] = fy != NULL && fy->type == VALUE_INT ?
		    arena_printf(s->arena, "%s, %s", it->btab->form->title[1],
		    fy->text) : it->btab->form->title[1];
	else
		ds->title[1] = ds->title[0];
	ds->desc[0] = arena_printf(s->arena, "Bảng công khai ngân sách "
	    "«%s» theo mẫu biểu của Bộ Tài chính, từng dòng với mã dòng, STT "
	    "và số liệu.", ds->title[0]);
	ds->desc[1] = arena_printf(s->arena, "The budget disclosure “%s” in "
	    "the Ministry of Finance's form, line by line with the row code, "
	    "number and figures.", ds->title[1]);
	ds->kw[0] = "ngân sách,công khai ngân sách,dự toán,quyết toán";
	ds->kw[1] = "budget,budget disclosure,estimates,final accounts";
	ds->theme = "GOVE";
	ds->landing = site_absurl(s, it->url);
	ds->dist[0] = (struct dist){site_absurl(s, arena_printf(s->arena,
	    "%sdu-lieu.csv", it->url)), "CSV", "text/csv", csv->len};
	ds->dist[1] = (struct dist){site_absurl(s, arena_printf(s->arena,
	    "%sdu-lieu.json", it->url)), "JSON", "application/json",
	    json->len};
	ds->ndist = 2;
	if (xlsx != NULL)
		ds->dist[ds->ndist++] = (struct dist){site_absurl(s,
		    arena_printf(s->arena, "%sdu-lieu.xlsx", it->url)), "XLSX",
		    XLSX_MEDIA_TYPE, xlsx->len};
	item_dates(o, ds, it);
	if (fy != NULL && fy->type == VALUE_INT)
		span(ds, arena_printf(s->arena, "%s-01-01", fy->text),
		    arena_printf(s->arena, "%s-12-31", fy->text));
}

/* The second language (the English texts'), else the main one. */
static const char *
en_lang(struct od *o)
{
	return o->s->nlangs > 1 ? o->s->langs[1] : o->main;
}

/* The frame of the budget series page at url (a site URL), or NULL. */
static struct value *
series_frame_at(struct site *s, const char *url)
{
	size_t i;

	for (i = 0; i < s->npages; i++) {
		const struct value *f = s->pages[i].nframes > 1 ?
		    s->pages[i].frames[1] : NULL;
		const char *u = value_map_str(f, "url");

		/* The model stage owns the frames it made until render. */
		if (u != NULL && strcmp(u, url) == 0 &&
		    value_truthy(value_map_get(f, "is_budget_series")))
			return (struct value *)f;
	}
	return NULL;
}

/*
 * A unit's budget series (budget_series.c: its page in the main
 * language, frame f): one dataset of its CSV and XLSX, named on its
 * page in every language.  Its dates and coverage are its records'.
 */
static void
series_table(struct od *o, struct value *f)
{
	struct site *s = o->s;
	const char *url = value_map_str(f, "url"), *id, *dir;
	const struct value *tr = value_map_get(f, "translations");
	const struct value *recs = value_map_get(f, "records");
	const struct page *csv, *xlsx;
	struct value *named[SITE_MAX_LANGS];
	struct dataset *ds;
	size_t i, j, nn = 0;
	char *p;

	if (url == NULL || strncmp(url, s->root, strlen(s->root)) != 0)
		return;
	dir = url + strlen(s->root);
	csv = find_page(s, arena_printf(s->arena, "%sdu-lieu.csv", dir));
	xlsx = find_page(s, arena_printf(s->arena, "%sdu-lieu.xlsx", dir));
	if (csv == NULL)
		return;
	/* ngan-sach/chuoi/<unit>/ → ngan-sach-chuoi-<unit> */
	id = p = arena_printf(s->arena, "%.*s", (int)strlen(dir) - 1, dir);
	for (; *p != '\0'; p++)
		if (*p == '/')
			*p = '-';
	ds = add_ds(o);
	ds->id = id;
	ds->uri = ds_uri(s, id);
	ds->title[0] = ds->title[1] = value_map_str(f, "title");
	ds->head[0] = ds->head[1] = csv;
	named[nn++] = f;
	for (i = 0; tr != NULL && tr->type == VALUE_LIST && i < tr->n; i++) {
		const char *l = value_map_str(tr->items[i], "lang");
		const char *u = value_map_str(tr->items[i], "url");
		struct value *g = u != NULL ? series_frame_at(s, u) : NULL;

		if (g == NULL || nn == SITE_MAX_LANGS)
			continue;
		named[nn++] = g;
		if (l == NULL || strcmp(l, en_lang(o)) != 0)
			continue;
		ds->title[1] = value_map_str(g, "title");
		ds->head[1] = find_page(s, arena_printf(s->arena,
		    "%sdu-lieu.csv", u + strlen(s->root)));
		if (ds->head[1] == NULL)
			ds->head[1] = csv;
	}
	ds->desc[0] = arena_printf(s->arena, "Các bảng công khai ngân sách "
	    "của «%s» qua các năm trong một bảng: mỗi dòng theo mã dòng, "
	    "mỗi cột là một cột số liệu của một lần công khai.",
	    value_map_str(f, "unit_name"));
	ds->desc[1] = arena_printf(s->arena, "The budget disclosures of "
	    "“%s” across the years in one table: a line per row code, a "
	    "column per figure column of each disclosure.",
	    value_map_str(f, "unit_name"));
	ds->kw[0] = "ngân sách,công khai ngân sách,chuỗi số liệu";
	ds->kw[1] = "budget,budget disclosure,time series";
	ds->theme = "GOVE";
	ds->landing = site_absurl(s, url);
	ds->dist[0] = (struct dist){site_absurl(s, arena_printf(s->arena,
	    "%sdu-lieu.csv", url)), "CSV", "text/csv", csv->len};
	ds->ndist = 1;
	if (xlsx != NULL)
		ds->dist[ds->ndist++] = (struct dist){site_absurl(s,
		    arena_printf(s->arena, "%sdu-lieu.xlsx", url)), "XLSX",
		    XLSX_MEDIA_TYPE, xlsx->len};
	/* The records it draws on: the budgets' datasets already made. */
	for (i = 0; recs != NULL && recs->type == VALUE_LIST && i < recs->n;
	    i++) {
		const char *u = value_map_str(recs->items[i], "url");

		for (j = 0; u != NULL && j + 1 < o->n; j++) {
			const struct dataset *b = &o->ds[j];

			if (b->it == NULL || strcmp(b->it->url, u) != 0)
				continue;
			item_dates(o, ds, b->it);
			span(ds, b->from, b->to);
		}
	}
	for (i = 0; i < nn; i++) {
		records_set(s, named[i], "dataset_uri", ds->uri);
		records_set(s, named[i], "dataset_id", ds->id);
	}
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
static void
dcat(struct od *o)
{
	struct site *s = o->s;
	struct arena *a = s->arena;
	struct buf b = {0};
	struct value *h = value_map(a), *p = value_map(a);
	const char *lu = license_url(o);
	size_t i;

	buf_adds(&b, "{\"@context\":{"
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
	json_members(&b, h);
	buf_adds(&b, ",\"dcat:dataset\":[");
	for (i = 0; i < o->n; i++) {
		buf_adds(&b, i ? ",\n" : "\n");
		value_to_json(dcat_dataset(o, &o->ds[i]), &b, 0);
	}
	buf_adds(&b, "]}\n");
	add_file(o, OPENDATA_DIR "catalog.jsonld", &b);
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
static void
pod(struct od *o)
{
	struct buf b = {0};
	size_t i;

	buf_adds(&b, "{\"@context\":\"https://project-open-data.cio.gov/"
	    "v1.1/schema/catalog.jsonld\",\"@type\":\"dcat:Catalog\","
	    "\"conformsTo\":\"https://project-open-data.cio.gov/v1.1/"
	    "schema\",\"describedBy\":\"https://project-open-data.cio.gov/"
	    "v1.1/schema/catalog.json\",\"dataset\":[");
	for (i = 0; i < o->n; i++) {
		buf_adds(&b, i ? ",\n" : "\n");
		value_to_json(pod_dataset(o, &o->ds[i]), &b, 0);
	}
	buf_adds(&b, "]}\n");
	add_file(o, "data.json", &b);
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
static void
package(struct od *o)
{
	struct site *s = o->s;
	struct buf b = {0};
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
	buf_addc(&b, '{');
	json_members(&b, h);
	buf_adds(&b, ",\"resources\":[");
	for (i = 0; i < o->n; i++) {
		const struct dataset *d = &o->ds[i];
		size_t at = b.len;

		buf_adds(&b, first ? "\n{" : ",\n{");
		resource_head(o, &b, d);
		if (d->k != NULL)
			record_schema(o, &b, d->k);
		else if (d->head[0] != NULL)
			series_schema(o, &b, d);
		else if (!budget_schema(o, &b, d)) {
			buf_truncate(&b, at);
			continue;
		}
		buf_addc(&b, '}');
		first = false;
	}
	buf_adds(&b, "]}\n");
	add_file(o, OPENDATA_DIR "datapackage.json", &b);
}

/* "" for the main language, "en/" for another (as site.c lays out). */
static const char *
prefix(struct site *s, int lang)
{
	return lang ? arena_printf(s->arena, "%s/", s->langs[lang]) : "";
}

/* A site URL for the pages (they link within the site, as every page
 * does, so that a preview stays on its own server): u past base_url. */
static const char *
rel(struct site *s, const char *u)
{
	size_t n = strlen(s->base_url);

	return strncmp(u, s->base_url, n) == 0 ? arena_printf(s->arena,
	    "%s%s", s->root, u + n) : u;
}

/* A byte size for people: "2,3 KB" / "2.3 KB", "812 B". */
static const char *
size_text(struct site *s, size_t n, int lang)
{
	const char *sep = strcmp(s->langs[lang], "vi") == 0 ? "," : ".";

	if (n < 1024)
		return arena_printf(s->arena, "%zu B", n);
	return arena_printf(s->arena, "%zu%s%zu KB", n / 1024, sep,
	    (n % 1024) * 10 / 1024);
}

static void
page(struct od *o, const struct theme *th)
{
	struct site *s = o->s;
	const struct mustache *tm;
	int lang;
	size_t i, j;

	/* A theme without the template has no place for the page (nor
	 * the words of it): the files are made all the same. */
	if ((tm = theme_find(th, "opendata")) == NULL)
		return;
	for (lang = 0; lang < (int)s->nlangs; lang++) {
		struct value *f = value_map(s->arena);
		struct value *l = value_list(s->arena);
		const char *dir = lang ? OPENDATA_DIR_OTHER : OPENDATA_DIR;
		int li = lang ? 1 : 0;

		records_set(s, f, "title", site_word(s, s->langs[lang],
		    "opendata.title"));
		records_set(s, f, "lang", s->langs[lang]);
		records_set(s, f, "url", arena_printf(s->arena, "%s%s%s",
		    s->root, prefix(s, lang), dir));
		records_setb(s, f, "is_opendata", true);
		records_set(s, f, "catalog_url", arena_printf(s->arena,
		    "%s%scatalog.jsonld", s->root, OPENDATA_DIR));
		records_set(s, f, "data_json_url", arena_printf(s->arena,
		    "%sdata.json", s->root));
		records_set(s, f, "datapackage_url", arena_printf(s->arena,
		    "%s%sdatapackage.json", s->root, OPENDATA_DIR));
		for (i = 0; i < o->n; i++) {
			const struct dataset *d = &o->ds[i];
			struct value *r = value_map(s->arena);
			struct value *fl = value_list(s->arena);

			records_set(s, r, "id", d->id);
			records_set(s, r, "uri", d->uri);
			records_set(s, r, "title", d->title[li]);
			records_set(s, r, "description", d->desc[li]);
			/* A table's list in the page's language. */
			records_set(s, r, "page_url", d->co != NULL &&
			    d->co->list_url[lang] != NULL ?
			    d->co->list_url[lang] : rel(s, d->landing));
			records_set(s, r, "modified", d->modified);
			for (j = 0; j < d->ndist; j++) {
				struct value *e = value_map(s->arena);

				records_set(s, e, "format", d->dist[j].format);
				records_set(s, e, "media", d->dist[j].media);
				records_set(s, e, "url", rel(s,
				    d->dist[j].url));
				records_set(s, e, "size_text", size_text(s,
				    d->dist[j].size, lang));
				value_list_push(s->arena, fl, e);
			}
			value_map_set(s->arena, r, "formats", fl);
			value_list_push(s->arena, l, r);
		}
		value_map_set(s->arena, f, "datasets", l);
		/* The page in the other languages (hreflang alternates). */
		l = value_list(s->arena);
		for (j = 0; j < s->nlangs; j++) {
			struct value *e;

			if ((int)j == lang)
				continue;
			e = value_map(s->arena);
			records_set(s, e, "lang", s->langs[j]);
			records_set(s, e, "url", arena_printf(s->arena,
			    "%s%s%s", s->root, prefix(s, (int)j), j ?
			    OPENDATA_DIR_OTHER : OPENDATA_DIR));
			records_set(s, e, "title", site_word(s, s->langs[j],
			    "opendata.title"));
			value_list_push(s->arena, l, e);
		}
		value_map_set(s->arena, f, "translations", l);
		/* The footer's link to it (site.opendata_url). */
		value_map_set(s->arena, value_map_get(s->globals[lang],
		    "site"), "opendata_url", value_map_get(f, "url"));
		site_add_frame_page(s, arena_printf(s->arena, "%s%sindex.html",
		    prefix(s, lang), dir), "content/site.yaml", tm,
		    lang, f);
	}
}

void
opendata_model(struct site *s, const struct theme *th,
    const struct history *h)
{
	struct od o = {s, h, NULL, 0, 0, s->langs[0]};
	size_t i, k, j;

	for (k = 0; k < NKINDS; k++)
		for (i = 0; i < s->ncolls; i++)
			if (s->colls[i].list &&
			    strcmp(s->colls[i].kind, kinds[k].kind) == 0) {
				record_table(&o, &kinds[k], &s->colls[i]);
				break;
			}
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];
		struct item **v;
		size_t n;

		if (!co->list || strcmp(co->kind, "budget") != 0)
			continue;
		n = site_published(s, co, 0, &v);
		for (j = 0; j < n; j++)
			budget_table(&o, v[j]);
	}
	/* The series pages of the main language, after the budgets they
	 * draw on. */
	for (i = 0; i < s->npages; i++) {
		const struct page *p = &s->pages[i];

		if (p->nframes > 1 && p->frames[0] == s->globals[0] &&
		    value_truthy(value_map_get(p->frames[1],
		    "is_budget_series")))
			series_table(&o, (struct value *)p->frames[1]);
	}
	if (o.n == 0)
		return;
	package(&o);
	dcat(&o);
	pod(&o);
	page(&o, th);
}
