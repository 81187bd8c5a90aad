/*
 * Model stage: what pages and lists show.  In: zone, call and
 * inspection records with their frames.  Out: their figures, texts and
 * (calls) status in the frames, with the formatting helpers the other
 * files share (keys in records.c's head comment); browse pages of call
 * collections by zone, sector and status with the `browse` facet map;
 * the `compare` table on zone list pages.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "decimal.h"
#include "fmt.h"
#include "kind.h"
#include "records.h"
#include "records_impl.h"
#include "segments.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

#define CLOSING_SOON_DAYS 30

/* ---- frame values ---- */

/* Texts of each code, vi and en: templates never translate codes. */
static const struct word insp_type[] = {
	{"thanh_tra", "Thanh tra", "Inspection"},
	{"kiem_tra", "Kiểm tra", "Compliance check"},
};
static const struct word insp_mode[] = {
	{"planned", "Theo kế hoạch", "Planned"},
	{"ad_hoc", "Đột xuất", "Ad hoc"},
};
static const struct word insp_status[] = {
	{"in_progress", "Đang thực hiện", "In progress"},
	{"concluded", "Đã có kết luận", "Concluded"},
	{"remedying", "Đang khắc phục", "Remedying"},
	{"completed", "Hoàn thành", "Completed"},
};
static const struct word measure_kind[] = {
	{"fine", "Xử phạt", "Fine"},
	{"recovery", "Thu hồi", "Recovery"},
	{"remedy", "Khắc phục", "Remedy"},
	{"recommendation", "Kiến nghị", "Recommendation"},
	{"other", "Khác", "Other"},
};

/* Frames only get values that exist: {{#x}} then tests presence. */
void
records_set(struct site *s, struct value *f, const char *key, const char *str)
{
	/* Absent is null, never missing: a row without the figure must not
	 * let a template find the record's own (rows.c does the rest). */
	if (str != NULL)
		value_map_set(s->arena, f, key, value_strz(s->arena, str));
	else if (value_map_get(f, key) == NULL)
		value_map_set(s->arena, f, key, value_null(s->arena));
}

void
records_setb(struct site *s, struct value *f, const char *key, bool b)
{
	value_map_set(s->arena, f, key, value_bool(s->arena, b));
}

const char *
records_figure(struct site *s, const struct value *v, const char *lang,
    const char *unit)
{
	struct decimal d;

	return decimal_of_value(v, &d) ? decimal_figure(s->arena, d, lang,
	    unit) : NULL;
}

const char *
records_date_text(struct site *s, const struct value *v, const char *lang)
{
	struct buf b = {0};
	char *r;

	if (records_date_of(v) == NULL)
		return NULL;
	fmt_date(&b, v->text, lang);
	r = buf_keep(&b, s->arena);
	buf_release(&b);
	return r;
}

const char *
records_decision_text(struct site *s, const struct value *dec, const char *lang)
{
	const char *num = value_map_str(dec, "number");
	const char *day = records_date_text(s, value_map_get(dec, "date"),
	    lang);

	if (num == NULL)
		return NULL;
	if (day == NULL)
		return arena_printf(s->arena, "%s %s", records_vi(lang) ? "số" :
		    "No.", num);
	return arena_printf(s->arena, records_vi(lang) ? "số %s ngày %s" :
	    "No. %s of %s", num, day);
}

/* A frame's own copy of a list of maps, so that rows can get texts. */
struct value *
records_copy_rows(struct site *s, struct value *f, const char *key)
{
	const struct value *l = value_map_get(f, key);
	struct value *r, *m;
	size_t i, k;

	if (l == NULL || l->type != VALUE_LIST)
		return NULL;
	r = value_list(s->arena);
	r->pos = l->pos;
	for (i = 0; i < l->n; i++) {
		const struct value *e = l->items[i];

		if (e->type != VALUE_MAP) {
			value_list_push(s->arena, r, l->items[i]);
			continue;
		}
		m = value_map(s->arena);
		m->pos = e->pos;
		for (k = 0; k < e->n; k++)
			value_map_append(s->arena, m, e->pairs[k].key,
			    e->pairs[k].keylen, e->pairs[k].keypos,
			    e->pairs[k].val);
		value_list_push(s->arena, r, m);
	}
	value_map_set(s->arena, f, key, r);
	return r;
}

/* Adds key (a figure of field in each row) to every row of list key. */
void
records_row_figures(struct site *s, struct value *f, const char *list,
    const char *field, const char *key, const char *unit, const char *lang)
{
	struct value *l = records_copy_rows(s, f, list);
	size_t i;

	for (i = 0; l != NULL && i < l->n; i++)
		if (l->items[i]->type == VALUE_MAP)
			records_set(s, l->items[i], key, records_figure(s,
			    value_map_get( l->items[i], field), lang, unit));
}

/* Decision texts, measure amounts in đồng and their total. */
static void
inspection_frame(struct site *s, struct item *it)
{
	const struct value *d = it->data, *v;
	struct value *f = it->frame, *l;
	const char *lang = it->lang;
	struct buf b = {0};
	int64_t total = 0;
	bool any = false, ok = true;
	size_t i;

	records_set(s, f, "type_text", WORD(insp_type, value_map_str(d, "type"),
	    lang));
	records_set(s, f, "mode_text", WORD(insp_mode, value_map_str(d, "mode"),
	    lang));
	records_set(s, f, "status_text", WORD(insp_status, value_map_str(d,
	    "status"), lang));
	records_set(s, f, "decision_text", records_decision_text(s,
	    value_map_get(d, "decision"), lang));
	records_set(s, f, "decision_date_text", records_date_text(s,
	    value_path(d, "decision.date"), lang));
	records_set(s, f, "conclusion_text", records_decision_text(s,
	    value_map_get(d, "conclusion"), lang));
	records_set(s, f, "conclusion_date_text", records_date_text(s,
	    value_path(d, "conclusion.date"), lang));
	records_set(s, f, "published_on_text", records_date_text(s,
	    value_map_get(d, "published_on"), lang));
	v = value_map_get(d, "period_covered");
	if (v != NULL && v->type == VALUE_MAP && records_date_text(s,
	    value_map_get(v, "from"), lang) != NULL && records_date_text(s,
	    value_map_get(v, "to"), lang) != NULL)
		records_set(s, f, "period_covered_text", arena_printf(s->arena,
		    "%s – %s", records_date_text(s, value_map_get(v, "from"),
		    lang), records_date_text(s, value_map_get(v, "to"), lang)));
	else
		records_set(s, f, "period_covered_text", value_ltext(v,
		    lang, s->langs[0]));
	l = records_copy_rows(s, f, "measures");
	for (i = 0; l != NULL && i < l->n; i++) {
		struct value *m = l->items[i];

		if (m->type != VALUE_MAP)
			continue;
		records_set(s, m, "kind_text", WORD(measure_kind,
		    value_map_str(m, "kind"), lang));
		records_set(s, m, "decision_text", records_decision_text(s,
		    value_map_get(m, "decision"), lang));
		v = value_map_get(m, "amount");
		if (v == NULL || v->type != VALUE_INT)
			continue;
		any = true;
		ok = ok && !__builtin_add_overflow(total, v->u.i, &total);
		buf_reset(&b);
		fmt_int(&b, v->u.i, lang);
		buf_adds(&b, records_vi(lang) ? " đồng" : " VND");
		records_set(s, m, "amount_text", buf_keep(&b, s->arena));
	}
	if (any && ok) {
		buf_reset(&b);
		fmt_int(&b, total, lang);
		buf_adds(&b, records_vi(lang) ? " đồng" : " VND");
		records_set(s, f, "measures_total_text", buf_keep(&b,
		    s->arena));
	}
	buf_release(&b);
}

static const struct word zone_status[] = {
	{"operating", "Đang hoạt động", "Operating"},
	{"building", "Đang xây dựng", "Under construction"},
	{"planned", "Quy hoạch", "Planned"},
};
static const struct word occ_basis[] = {
	{"industrial_land", "trên diện tích đất công nghiệp",
	    "of industrial land"},
	{"total_area", "trên tổng diện tích", "of the total area"},
};
static const struct word money_unit[] = {
	{"dong", "đồng", "VND"},
	{"trieu_dong", "triệu đồng", "million VND"},
	{"ty_dong", "tỷ đồng", "billion VND"},
	{"usd", "USD", "USD"},
	{"trieu_usd", "triệu USD", "million USD"},
};
static const struct word call_status_w[] = {
	{"open", "Đang kêu gọi", "Open"},
	{"closing_soon", "Sắp hết hạn", "Closing soon"},
	{"closed", "Đã hết hạn", "Closed"},
	{"awarded", "Đã lựa chọn nhà đầu tư", "Investor selected"},
	{"cancelled", "Đã huỷ", "Cancelled"},
};
static const struct word selection_w[] = {
	{"auction", "Đấu giá quyền sử dụng đất", "Auction of land-use rights"},
	{"tender", "Đấu thầu lựa chọn nhà đầu tư", "Investor tender"},
	{"investment_policy", "Chấp thuận chủ trương đầu tư",
	    "Approval of the investment policy"},
	{"ppp", "Đối tác công tư (PPP)", "Public-private partnership (PPP)"},
};

/* {amount, unit} → "2.000 tỷ đồng". */
static const char *
money_text(struct site *s, const struct value *m, const char *lang)
{
	const char *u = value_map_str(m, "unit");

	if (u == NULL)
		return NULL;
	return records_figure(s, value_map_get(m, "amount"), lang, arena_printf(
	    s->arena, " %s", WORD(money_unit, u, lang)));
}

/*
 * The stated occupancy, else one computed from the areas on the stated
 * (or, failing that, the likeliest) basis; nothing when neither is
 * possible.  The check stage has already compared the two.
 */
static void
zone_occupancy(struct site *s, struct item *it)
{
	const struct value *d = it->data, *occ = value_map_get(d, "occupancy");
	const char *basis = value_map_str(occ, "basis");
	struct decimal p, num, den;
	struct value *n;
	bool stated;

	stated = decimal_of_value(value_map_get(occ, "percent"), &p);
	if (basis == NULL)
		basis = value_map_get(d, "industrial_land_ha") != NULL ?
		    "industrial_land" : "total_area";
	if (!stated && !(decimal_of_value(value_map_get(d, "leased_ha"), &num)
	    && decimal_of_value(value_map_get(d, strcmp(basis, "total_area")
	    == 0 ? "area_ha" : "industrial_land_ha"), &den) &&
	    decimal_percent_of(num, den, 2, &p)))
		return;
	records_set(s, it->frame, "occupancy_text", decimal_figure(s->arena, p,
	    it->lang, "%"));
	records_set(s, it->frame, "occupancy_basis_text", WORD(occ_basis, basis,
	    it->lang));
	records_setb(s, it->frame, "occupancy_computed", !stated);
	/* A width for a bar: a plain number within 0..100. */
	if (p.m < 0)
		p.m = 0;
	if (decimal_cmp(p, (struct decimal){100, 0}, &stated) > 0)
		p = (struct decimal){100, 0};
	n = value_new(s->arena, VALUE_NUM, occ != NULL ? occ->pos : d->pos);
	n->text = decimal_str(s->arena, p);
	n->len = strlen(n->text);
	n->u.d = strtod(n->text, NULL);
	value_map_set(s->arena, it->frame, "occupancy_percent", n);
}

/* Areas, occupancy, projects, capital, wastewater, and row texts. */
static void
zone_frame(struct site *s, struct item *it)
{
	const struct value *d = it->data, *v, *ww;
	struct value *f = it->frame;
	const char *lang = it->lang, *de, *bu, *t, *fdi;
	bool vi = records_vi(lang);

	records_set(s, f, "area_text", records_figure(s, value_map_get(d,
	    "area_ha"), lang, " ha"));
	records_set(s, f, "industrial_land_text", records_figure(s,
	    value_map_get(d, "industrial_land_ha"), lang, " ha"));
	records_set(s, f, "leased_text", records_figure(s, value_map_get(d,
	    "leased_ha"), lang, " ha"));
	zone_occupancy(s, it);
	records_set(s, f, "status_text", WORD(zone_status, value_map_str(d,
	    "status"), lang));
	records_set(s, f, "as_of_text", records_date_text(s, value_map_get(d,
	    "as_of"), lang));
	v = value_map_get(d, "since");
	records_set(s, f, "since_text", records_date_of(v) ?
	    records_date_text(s, v, lang) : v != NULL && v->type == VALUE_INT ?
	    v->text : NULL);

	v = value_map_get(d, "projects");
	t = records_figure(s, value_map_get(v, "total"), lang, "");
	fdi = records_figure(s, value_map_get(v, "fdi"), lang, " FDI");
	records_set(s, f, "projects_text", t != NULL && fdi != NULL ?
	    arena_printf(s->arena, "%s (%s)", t, fdi) : t != NULL ? t : fdi);
	v = value_map_get(d, "registered_capital");
	records_set(s, f, "registered_capital_domestic_text", money_text(s,
	    value_map_get(v, "domestic"), lang));
	records_set(s, f, "registered_capital_fdi_text", money_text(s,
	    value_map_get(v, "fdi"), lang));

	ww = value_path(d, "infrastructure.wastewater");
	de = records_figure(s, value_map_get(ww, "design_m3_day"), lang, vi ?
	    " m³/ngày" : " m³/day");
	bu = records_figure(s, value_map_get(ww, "built_m3_day"), lang, vi ?
	    " m³/ngày" : " m³/day");
	records_set(s, f, "wastewater_design_text", de);
	records_set(s, f, "wastewater_built_text", bu);
	v = value_map_get(ww, "central_plant");
	if (v != NULL && v->type == VALUE_BOOL && !v->u.b)
		t = vi ? "Chưa có nhà máy xử lý nước thải tập trung" :
		    "No central wastewater plant";
	else if (de != NULL && bu != NULL)
		t = arena_printf(s->arena, vi ? "thiết kế %s, đã xây dựng %s" :
		    "designed %s, built %s", de, bu);
	else if (de != NULL || bu != NULL)
		t = arena_printf(s->arena, "%s %s", de != NULL ? vi ? "thiết kế"
		    : "designed" : vi ? "đã xây dựng" : "built", de != NULL ? de
		    : bu);
	else
		t = NULL;
	records_set(s, f, "wastewater_text", t);

	{
		struct value *l = records_copy_rows(s, f, "prices");
		size_t i;

		for (i = 0; l != NULL && i < l->n; i++) {
			struct value *r = l->items[i];
			const char *u = value_map_str(r, "unit");

			if (r->type == VALUE_MAP)
				records_set(s, r, "amount_text",
				    records_figure(s, value_map_get(r,
				    "amount"), lang, u ? arena_printf(s->arena,
				    " %s", u) : ""));
		}
	}
	records_row_figures(s, f, "distances", "km", "km_text", " km", lang);
	records_row_figures(s, f, "vacant_lots", "area_ha", "area_text", " ha",
	    lang);
	{
		struct value *l = records_copy_rows(s, f, "sources");
		size_t i;

		for (i = 0; l != NULL && i < l->n; i++)
			if (l->items[i]->type == VALUE_MAP)
				records_set(s, l->items[i], "date_text",
				    records_date_text(s,
				    value_map_get(l->items[i], "date"), lang));
	}
}

/* The call's status at the build date; *left: days to the deadline. */
static const char *
call_status(const struct site *s, const struct value *d, long *left)
{
	const char *st = value_map_str(d, "status");
	const char *dl = records_date_of(value_map_get(d, "deadline"));
	const char *today = s->build_date;

	*left = -1;
	if (st != NULL && strcmp(st, "closed") != 0 && strcmp(st, "awarded") !=
	    0 && strcmp(st, "cancelled") != 0 && strcmp(st, "open") != 0)
		st = NULL;	/* not a status: the schema has said so */
	if (dl != NULL && today != NULL && date_is_valid(today, strlen(today)))
		*left = date_days(dl) - date_days(today);
	else
		dl = NULL;
	if (st != NULL && strcmp(st, "open") != 0)
		return st;
	if (dl == NULL)
		return "open";
	if (*left < 0)
		return st != NULL ? "open" : "closed";
	return *left <= CLOSING_SOON_DAYS ? "closing_soon" : "open";
}

/*
 * Status and its booleans (a closed call stays published, marked
 * closed), dates, capital, area, selection and the land-use mix.
 */
static void
call_frame(struct site *s, struct item *it)
{
	const struct value *d = it->data;
	struct value *f = it->frame, *l;
	const char *lang = it->lang, *st;
	long left;
	size_t i;

	st = call_status(s, d, &left);
	records_set(s, f, "status_computed", st);
	records_set(s, f, "status_text", WORD(call_status_w, st, lang));
	records_setb(s, f, "is_open", strcmp(st, "open") == 0 || strcmp(st,
	    "closing_soon") == 0);
	records_setb(s, f, "is_closing_soon", strcmp(st, "closing_soon") == 0);
	records_setb(s, f, "is_closed", strcmp(st, "closed") == 0 || strcmp(st,
	    "awarded") == 0 || strcmp(st, "cancelled") == 0);
	if (left >= 0)
		value_map_set(s->arena, f, "days_left", value_int(s->arena,
		    left));
	records_set(s, f, "deadline_text", records_date_text(s, value_map_get(d,
	    "deadline"), lang));
	records_set(s, f, "published_on_text", records_date_text(s,
	    value_map_get(d, "published_on"), lang));
	records_set(s, f, "capital_text", money_text(s, value_map_get(d,
	    "est_capital"), lang));
	records_set(s, f, "area_text", records_figure(s, value_map_get(d,
	    "area_ha"), lang, " ha"));
	records_set(s, f, "selection_text", WORD(selection_w, value_map_str(d,
	    "selection"), lang));
	l = records_copy_rows(s, f, "mix");
	for (i = 0; l != NULL && i < l->n; i++) {
		if (l->items[i]->type != VALUE_MAP)
			continue;
		records_set(s, l->items[i], "share_text", records_figure(s,
		    value_map_get( l->items[i], "share"), lang, "%"));
		records_set(s, l->items[i], "area_text", records_figure(s,
		    value_map_get( l->items[i], "area_ha"), lang, " ha"));
	}
}


void
browse_frames(struct site *s)
{
	size_t i, j;

	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		/* Plans need the name index: records_model() does them. */
		for (j = 0; j < co->n && strcmp(co->kind, "plan") != 0; j++)
			records_item_frame(s, co->items[j]);
	}
}

void
records_item_frame(struct site *s, struct item *it)
{
	const char *kind = it->coll->kind;

	if (it->frame == NULL)
		return;
	if (strcmp(kind, "zone") == 0)
		zone_frame(s, it);
	else if (strcmp(kind, "call") == 0)
		call_frame(s, it);
	else if (strcmp(kind, "inspection") == 0)
		inspection_frame(s, it);
	else if (strcmp(kind, "plan") == 0)
		plan_frame(s, site_names(s), it);
	else if (kind_find(kind) != NULL && kind_find(kind)->frame != NULL)
		kind_find(kind)->frame(s, site_names(s), it);
}

/* ---- browse pages ---- */

/* One value of a facet and the items of one language that have it. */
struct group {
	const char *key;	/* URL segment: a slug */
	const char *title;
	struct item **v;
	size_t n;
};

struct facet {
	const char *name;	/* zone, sector, status */
	const char *seg;	/* khu, linh-vuc, trang-thai / zone, ... */
	struct group *g;
	size_t n;
};

/* The order statuses are listed in, whatever order the items come in. */
static const char *const statuses[] = {"open", "closing_soon", "closed",
    "awarded", "cancelled"};

static size_t
status_rank(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof statuses / sizeof *statuses; i++)
		if (strcmp(statuses[i], code) == 0)
			return i;
	return i;
}

/* Adds it to the group key of f (made, with room for max, when new). */
static void
facet_add(struct site *s, struct facet *f, const char *key, const char *title,
    struct item *it, size_t max)
{
	struct group *g = NULL;
	size_t i;

	if (key == NULL || *key == '\0')
		return;
	for (i = 0; i < f->n && g == NULL; i++)
		if (strcmp(f->g[i].key, key) == 0)
			g = &f->g[i];
	if (g == NULL) {
		g = &f->g[f->n++];
		g->key = key;
		g->title = title;
		g->v = arena_alloc(s->arena, max * sizeof *g->v);
		g->n = 0;
	}
	g->v[g->n++] = it;
}

/* Statuses in their fixed order; zones and sectors by slug. */
static int
cmp_group(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	size_t ra = status_rank(a->key), rb = status_rank(b->key);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(a->key, b->key);
}

/*
 * Sets key on the list pages that site_model() made for co in lang (the
 * first npages pages): their frames are the model's own, not yet shared
 * with render workers, so the const of struct page is cast away here.
 */
static void
inject(struct site *s, size_t npages, const struct collection *co, int lang,
    const char *key, struct value *v)
{
	const char *u, *c;
	size_t i, n = strlen(co->list_url[lang]);

	for (i = 0; i < npages; i++) {
		const struct page *p = &s->pages[i];
		struct value *f;

		if (p->nframes < 2 || p->item != NULL || p->data != NULL)
			continue;
		f = (struct value *)p->frames[1];
		c = value_map_str(f, "collection");
		u = value_map_str(f, "url");
		if (!value_truthy(value_map_get(f, "is_list")) || c == NULL ||
		    strcmp(c, co->name) != 0 || u == NULL || strncmp(u,
		    co->list_url[lang], n) != 0)
			continue;
		value_map_set(s->arena, f, key, v);
	}
}

/*
 * The items of co that lists in lang show (site_shows(): its own and
 * untranslated main-language ones), in the collection's order.
 */
static size_t
published(struct site *s, struct collection *co, int lang, struct item ***out)
{
	struct item **v = arena_alloc(s->arena, (co->n ? co->n : 1) * sizeof
	    *v);
	size_t i, n = 0;

	for (i = 0; i < co->n; i++)
		if (site_shows(s, co->items[i], lang))
			v[n++] = co->items[i];
	*out = v;
	return n;
}

/*
 * One call collection in one language: the facets from the published
 * items, `browse` on every frame and list page, then one paginated
 * list per facet value (khu/<zone>/, linh-vuc/<sector>/,
 * trang-thai/<status>/; zone/, sector/, status/ in other languages).
 */
static void
browse_calls(struct site *s, const struct theme *th, const struct site_names
    *x, struct collection *co, int lang, size_t npages)
{
	const char *l = s->langs[lang], *ctitle;
	struct facet f[3] = {
		{"zone", site_segment(s, lang, "zone"), NULL, 0},
		{"sector", site_segment(s, lang, "sector"), NULL, 0},
		{"status", site_segment(s, lang, "status"), NULL, 0},
	};
	struct value *browse = value_map(s->arena);
	struct item **v;
	size_t n, i, k, j;

	n = published(s, co, lang, &v);
	for (k = 0; k < 3; k++)
		f[k].g = arena_alloc(s->arena, (n ? n : 1) * sizeof *f[k].g);
	for (i = 0; i < n; i++) {
		struct item *it = v[i], *z;
		const struct value *zv = value_path(it->data, "location.zone");
		const char *sec = value_ltext(value_map_get(it->data,
		    "sector"), l, s->langs[0]), *st;

		z = zv != NULL && value_is_scalar(zv) ? site_lookup(x, "zone",
		    zv->text, zv->len) : NULL;
		if (z != NULL && z->slug != NULL) {
			facet_add(s, &f[0], z->slug, records_title(s,
			    records_shown(z->tr[lang]) ? z->tr[lang] : z), it, n);
			/* The filter script matches on these keys. */
			if (it->lang_index == lang)
				records_set(s, it->frame, "zone_key", z->slug);
		}
		if (sec != NULL) {
			const char *sk = utf8_slugify(s->arena, sec,
			    strlen(sec));

			facet_add(s, &f[1], sk, sec, it, n);
			if (it->lang_index == lang)
				records_set(s, it->frame, "sector_key", sk);
		}
		st = value_map_str(it->frame, "status_computed");
		if (st != NULL) {
			char *key = arena_strdup(s->arena, st);

			for (j = 0; key[j] != '\0'; j++)
				if (key[j] == '_')
					key[j] = '-';
			facet_add(s, &f[2], key, WORD(call_status_w, st, l),
			    it, n);
			if (it->lang_index == lang)
				records_set(s, it->frame, "status_key", key);
		}
	}
	ctitle = records_coll_title(s, co, lang);
	for (k = 0; k < 3; k++) {
		struct value *list = value_list(s->arena);

		qsort(f[k].g, f[k].n, sizeof *f[k].g, cmp_group);
		for (i = 0; i < f[k].n; i++) {
			struct value *e = value_map(s->arena);

			records_set(s, e, "title", f[k].g[i].title);
			records_set(s, e, "key", f[k].g[i].key);
			records_set(s, e, "url", arena_printf(s->arena,
			    "%s%s/%s/", co->list_url[lang], f[k].seg,
			    f[k].g[i].key));
			value_map_set(s->arena, e, "count", value_int(s->arena,
			    (int64_t)f[k].g[i].n));
			value_list_push(s->arena, list, e);
		}
		value_map_set(s->arena, browse, k == 0 ? "zones" : k == 1 ?
		    "sectors" : "statuses", list);
	}
	for (i = 0; i < co->n; i++)
		if (co->items[i]->lang_index == lang && co->items[i]->frame !=
		    NULL)
			value_map_set(s->arena, co->items[i]->frame, "browse",
			    browse);
	inject(s, npages, co, lang, "browse", browse);
	for (k = 0; k < 3; k++)
		for (i = 0; i < f[k].n; i++) {
			struct value *extra = value_map(s->arena);
			const struct group *g = &f[k].g[i];

			value_map_set(s->arena, extra, "browse", browse);
			records_set(s, extra, "browse_facet", f[k].name);
			records_set(s, extra, "browse_title", g->title);
			site_add_list(s, th, co, lang, g->v, g->n,
			    arena_printf(s->arena, "%s%s/%s/",
			    co->list_url[lang], f[k].seg, g->key),
			    arena_printf(s->arena, "%s — %s", ctitle, g->title),
			    extra);
		}
}

/* ---- the zone comparison ---- */

static const struct word compare_cols[] = {
	{"area_text", "Tổng diện tích", "Total area"},
	{"industrial_land_text", "Đất công nghiệp", "Industrial land"},
	{"leased_text", "Đã cho thuê", "Leased"},
	{"occupancy_text", "Tỷ lệ lấp đầy", "Occupancy"},
	{"projects_text", "Dự án", "Projects"},
	{"wastewater_text", "Xử lý nước thải", "Wastewater treatment"},
};

/* One zone list's `compare` table: a row per zone, cells ready to print. */
static void
compare_zones(struct site *s, struct collection *co, int lang, size_t npages)
{
	const size_t ncols = sizeof compare_cols / sizeof *compare_cols;
	struct value *t = value_map(s->arena), *cols, *rows;
	struct item **v;
	size_t n, i, k;

	n = published(s, co, lang, &v);
	if (n == 0)
		return;
	cols = value_list(s->arena);
	for (k = 0; k < ncols; k++) {
		struct value *c = value_map(s->arena);

		records_set(s, c, "key", compare_cols[k].code);
		records_set(s, c, "title", records_vi(s->langs[lang]) ?
		    compare_cols[k].vi : compare_cols[k].en);
		value_list_push(s->arena, cols, c);
	}
	rows = value_list(s->arena);
	for (i = 0; i < n; i++) {
		struct value *r = value_map(s->arena);
		struct value *cells = value_list(s->arena);

		records_set(s, r, "title", records_title(s, v[i]));
		records_set(s, r, "url", v[i]->url);
		for (k = 0; k < ncols; k++) {
			struct value *c = value_map(s->arena);
			const char *txt = value_map_str(v[i]->frame,
			    compare_cols[k].code);

			records_set(s, c, "text", txt != NULL ? txt : "—");
			value_list_push(s->arena, cells, c);
		}
		value_map_set(s->arena, r, "cells", cells);
		value_list_push(s->arena, rows, r);
	}
	value_map_set(s->arena, t, "columns", cols);
	value_map_set(s->arena, t, "rows", rows);
	inject(s, npages, co, lang, "compare", t);
}

/*
 * Only the pages that site_model() made are injected into: the first
 * npages, counted before any browse page is added.
 */
void
browse_model(struct site *s, const struct theme *th, const struct site_names
    *x)
{
	size_t npages = s->npages, i;
	int lang;

	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		if (!co->list)
			continue;
		for (lang = 0; lang < (int)s->nlangs; lang++) {
			if (strcmp(co->kind, "call") == 0)
				browse_calls(s, th, x, co, lang, npages);
			else if (strcmp(co->kind, "zone") == 0)
				compare_zones(s, co, lang, npages);
		}
		if (kind_find(co->kind) != NULL &&
		    kind_find(co->kind)->model != NULL)
			kind_find(co->kind)->model(s, th, x, co);
	}
}
