/*
 * Open data (opendata.h): the record tables as CSV and JSON, each a
 * dataset as each budget and budget series is, and the open-data page;
 * opendata_files.c describes them (DCAT-AP, data.json, Data Package).
 * What a table holds is the table `kinds` below: one
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
#include "opendata_impl.h"
#include "records.h"
#include "site.h"
#include "site_lists.h"
#include "theme.h"
#include "value.h"
#include "words.h"
#include "xlsx.h"

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
	/* The two bases the board reports (kinds/zone.c). */
	{"cleared_land_ha", "cleared_land_ha", OD_NUMBER,
	    "Đất công nghiệp đã giải phóng mặt bằng (ha)",
	    "Cleared industrial land (ha)", "ha", NULL},
	{"occupancy_cleared_land", "occupancy.cleared_land", OD_NUMBER,
	    "Tỷ lệ lấp đầy trên đất đã giải phóng mặt bằng (%)",
	    "Occupancy of cleared industrial land (%)", "%", NULL},
	{"occupancy_industrial_land", "occupancy.industrial_land", OD_NUMBER,
	    "Tỷ lệ lấp đầy trên toàn bộ đất công nghiệp (%)",
	    "Occupancy of all industrial land (%)", "%", NULL},
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
	ds->landing = site_permalink(s, it);
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
	struct buf b = {0};
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
	opendata_package(&o, &b);
	add_file(&o, OPENDATA_DIR "datapackage.json", &b);
	opendata_dcat(&o, &b);
	add_file(&o, OPENDATA_DIR "catalog.jsonld", &b);
	opendata_pod(&o, &b);
	add_file(&o, "data.json", &b);
	page(&o, th);
}
