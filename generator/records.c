/*
 * Zone, call, inspection, document and plan records.  Validate stage:
 * the checks a reviewer makes (areas, occupancy and project counts,
 * shares, a call's zone, dates in order, repeated inspections, personal
 * ID numbers, document numbers, replacements and expiry; plan.c: a
 * plan's parts against its totals), as located errors and warnings.
 * Model stage: records_model() puts the reader-ready values below in
 * every item's frame (browse.c: zones, calls, inspections; links.c:
 * documents; plan.c: plans), then cross links (links.c) and browse
 * pages (browse.c).
 *
 * Frame keys for theme authors (texts in the item's language, vi or en;
 * a key is absent when its field is):
 *   zone        area_text "183 ha", industrial_land_text, leased_text
 *               "112,9579 ha", occupancy_text "94,68%", occupancy_percent
 *               (number 0-100, dot decimals, for a CSS bar width),
 *               occupancy_computed (true when recomputed from the areas,
 *               none being stated), occupancy_basis_text, status_text,
 *               as_of_text, since_text, projects_text "12 (3 FDI)",
 *               registered_capital_domestic_text / _fdi_text,
 *               wastewater_design_text "6.000 m³/ngày",
 *               wastewater_built_text, wastewater_text (one line for
 *               tables), prices[].amount_text "45 USD/m²/năm",
 *               distances[].km_text, vacant_lots[].area_text,
 *               sources[].date_text
 *   call        status_computed: open | closing_soon (deadline within 30
 *               days) | closed (deadline passed) at the build date, or
 *               the explicit status (closed, awarded, cancelled; an
 *               explicit open may still be closing_soon); is_open (open
 *               or closing_soon), is_closing_soon, is_closed (closed,
 *               awarded or cancelled), status_text, deadline_text,
 *               days_left (0 or more, while the deadline has not
 *               passed), published_on_text, capital_text "2.000 tỷ đồng",
 *               area_text, selection_text, mix[].share_text "60%",
 *               mix[].area_text
 *   inspection  type_text, mode_text, status_text, decision_text "số
 *               01/QĐ-BQL ngày 15/01/2020", decision_date_text,
 *               conclusion_text, conclusion_date_text, period_covered_text,
 *               published_on_text, measures[].kind_text,
 *               measures[].amount_text "15.000.000 đồng",
 *               measures[].decision_text, measures_total_text
 *   document    type_text, status_computed (in_force, not_yet_in_force,
 *               partly_expired, expired, suspended, replaced: from the
 *               dates, replaced_by and other documents' replaces at the
 *               build date), status_text, is_in_force, is_expired,
 *               is_replaced, issued_on_text, effective_from_text,
 *               expires_on_text
 *   every kind  <field>_link {title, url} for a reference field,
 *               <field>_links [{title, url}] for a list of them (dots in
 *               the field's path become '_': subject_zone_link,
 *               location_zone_link, zones_links); linked.<collection>
 *               {title, url, count, items: [frames]} on the target of
 *               references, with has_linked; url is "" when the
 *               target is a draft
 *   plan        year (the year the targets are for), targets[]
 *               .unit_text "tỷ đồng", .total_text "230 tỷ đồng",
 *               .has_result, .result_text, .result_as_of_text,
 *               .achieved_text "42,9%" ("—" when unknown), .note,
 *               .zones [{title, url, has_url, value_text, has_result,
 *               result_text, result_as_of_text, achieved_text}];
 *               matrix {columns: [{title, unit_text}], rows: [{title,
 *               url, has_url, cells: [{text}]}], totals: [{text}]} (a
 *               row per zone, a column per target), has_matrix,
 *               has_results, targets_text "7 dự án · 230 tỷ đồng"
 *   call lists  browse {zones, sectors, statuses: [{title, key, url, count}]}
 *               on every call frame and list page; browse pages also get
 *               browse_facet (zone, sector, status) and browse_title
 *               each call frame: zone_key, sector_key, status_key (the
 *               browse keys, for the filter script)
 *   zone lists  compare {columns: [{title}], rows: [{title, url,
 *               cells: [{text}]}]} (area, industrial land, leased,
 *               occupancy, projects, wastewater; "—" when unknown)
 * Frames refer to frames (linked items): never walk them recursively.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "deadline.h"
#include "decimal.h"
#include "diag.h"
#include "kind.h"
#include "records.h"
#include "records_impl.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

/* ---- small helpers ---- */

const char *
records_date_of(const struct value *v)
{
	return v != NULL && v->type == VALUE_STR &&
	    date_is_valid(v->text, v->len) ? v->text : NULL;
}

bool
records_shown(const struct item *t)
{
	return t != NULL && t->frame != NULL && t->url != NULL && !t->draft;
}

bool
records_vi(const char *lang)
{
	return lang != NULL && strcmp(lang, "vi") == 0;
}

const char *
records_title(struct site *s, const struct item *it)
{
	static const char *const keys[] = {"title", "name", "number"};
	const char *t;
	size_t i;

	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if ((t = value_ltext(value_map_get(it->data, keys[i]),
		    it->lang, s->langs[0])) != NULL)
			return t;
	return it->slug != NULL ? it->slug : it->base;
}

const char *
records_coll_title(struct site *s, const struct collection *co, int lang)
{
	const char *t = value_ltext(value_map_get(co->conf, "title"),
	    s->langs[lang], s->langs[0]);

	return t != NULL ? t : co->name;
}

const char *
records_word(const struct word *w, size_t n, const char *code, const char *lang)
{
	size_t i;

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp(w[i].code, code) == 0)
			return records_vi(lang) ? w[i].vi : w[i].en;
	return code;
}

/* ---- the checks ---- */

static void
check_zone(struct site *s, const struct item *it)
{
	const struct value *d = it->data, *area, *ind, *leased, *occ, *v;
	const struct value *den;
	struct decimal a, i, l, p, dn, r, w;
	struct decimal_pct pw;
	bool ha = false, hi = false, hl = false, ok;
	const char *basis, *asof;

	area = value_map_get(d, "area_ha");
	ind = value_map_get(d, "industrial_land_ha");
	leased = value_map_get(d, "leased_ha");
	ha = decimal_of_value(area, &a);
	hi = decimal_of_value(ind, &i);
	hl = decimal_of_value(leased, &l);
	if (hl && hi && decimal_cmp(l, i, &ok) > 0 && ok)
		diag_error(s->diags, leased->pos, "'leased_ha' (%s ha) is "
		    "larger than 'industrial_land_ha' (%s ha)", leased->text,
		    ind->text);
	else if (hl && !hi && ha && decimal_cmp(l, a, &ok) > 0 && ok)
		diag_error(s->diags, leased->pos, "'leased_ha' (%s ha) is "
		    "larger than 'area_ha' (%s ha)", leased->text, area->text);
	if (hi && ha && decimal_cmp(i, a, &ok) > 0 && ok)
		diag_error(s->diags, ind->pos, "'industrial_land_ha' (%s ha) "
		    "is larger than 'area_ha' (%s ha)", ind->text, area->text);

	occ = value_map_get(d, "occupancy");
	basis = value_map_str(occ, "basis");
	v = value_map_get(occ, "percent");
	if (occ != NULL && occ->type == VALUE_MAP && basis != NULL &&
	    decimal_of_value(v, &p)) {
		bool land = strcmp(basis, "industrial_land") == 0;

		den = land ? ind : area;
		if (!hl) {
			diag_error(s->diags, occ->pos, "'occupancy' cannot be "
			    "checked without 'leased_ha'");
		} else if (!decimal_of_value(den, &dn)) {
			diag_error(s->diags, value_map_get(occ, "basis")->pos,
			    "occupancy on basis '%s' needs '%s'", basis, land ?
			    "industrial_land_ha" : "area_ha");
		} else if (dn.m == 0) {
			diag_error(s->diags, den->pos, "'%s' is 0: occupancy "
			    "cannot be computed", land ? "industrial_land_ha" :
			    "area_ha");
		} else if (decimal_percent(l, dn, p.scale, &pw) &&
		    !decimal_pct_agrees(&pw, p) && decimal_percent_of(l, dn,
		    p.scale > 2 ? p.scale + 1 : 2, &r) &&
		    decimal_percent_of(l, dn, p.scale, &w)) {
			/* w has fewer decimals than r: it fits if r did. */
			diag_error(s->diags, v->pos, "'occupancy.percent' is "
			    "%s, but leased_ha %s over %s %s gives %s; write "
			    "%s", v->text, leased->text, land ?
			    "industrial_land_ha" : "area_ha", den->text,
			    decimal_str(s->arena, r), decimal_str(s->arena, w));
		}
	}

	v = value_map_get(d, "projects");
	{
		const struct value *fdi = value_map_get(v, "fdi");
		const struct value *tot = value_map_get(v, "total");
		const struct value *dom = value_map_get(v, "domestic");
		bool hf = fdi != NULL && fdi->type == VALUE_INT;
		bool ht = tot != NULL && tot->type == VALUE_INT;
		bool hd = dom != NULL && dom->type == VALUE_INT;
		int64_t sum;

		/* All three given: the one identity says everything. */
		if (hf && ht && hd && (__builtin_add_overflow(dom->u.i,
		    fdi->u.i, &sum) || sum != tot->u.i))
			diag_error(s->diags, tot->pos, "'projects.total' is "
			    "%s, but 'domestic' %s + 'fdi' %s = %s", tot->text,
			    dom->text, fdi->text, arena_printf(s->arena, "%lld",
			    (long long)sum));
		else if (hf && ht && !hd && fdi->u.i > tot->u.i)
			diag_error(s->diags, fdi->pos, "'projects.fdi' (%s) is "
			    "more than 'projects.total' (%s)", fdi->text,
			    tot->text);
		else if (hd && ht && !hf && dom->u.i > tot->u.i)
			diag_error(s->diags, dom->pos, "'projects.domestic' "
			    "(%s) is more than 'projects.total' (%s)",
			    dom->text, tot->text);
	}

	v = value_map_get(d, "as_of");
	if ((asof = records_date_of(v)) != NULL && s->build_date != NULL &&
	    date_is_valid(s->build_date, strlen(s->build_date))) {
		char cut[DATE_ISO_SIZE];

		/* 12 months before the build date: the same day a year back. */
		date_add_years(s->build_date, -1, cut);
		if (strcmp(asof, cut) < 0)
			diag_warning(s->diags, v->pos, "the figures are as of "
			    "%s, more than 12 months before the build date "
			    "%s; update them and 'as_of'", asof, s->build_date);
	}

	v = value_path(d, "infrastructure.wastewater");
	{
		const struct value *bu = value_map_get(v, "built_m3_day");
		const struct value *de = value_map_get(v, "design_m3_day");
		struct decimal x, y;

		if (decimal_of_value(bu, &x) && decimal_of_value(de, &y) &&
		    decimal_cmp(x, y, &ok) > 0 && ok)
			diag_error(s->diags, bu->pos, "'infrastructure."
			    "wastewater.built_m3_day' (%s) is more than "
			    "'design_m3_day' (%s)", bu->text, de->text);
	}
}

static void
check_call(struct site *s, const struct item *it)
{
	const struct value *d = it->data, *mix, *dl, *pub, *loc, *z;
	struct decimal sum = {0, 0}, x, hundred = {100, 0};
	size_t i;
	bool ok = true;

	mix = value_map_get(d, "mix");
	if (mix != NULL && mix->type == VALUE_LIST && mix->n > 0) {
		for (i = 0; ok && i < mix->n; i++) {
			/* Exact: the digits as written, never binary. */
			ok = decimal_of_value(value_map_get(mix->items[i],
			    "share"), &x) && decimal_add(&sum, x);
		}
		if (ok && decimal_cmp(sum, hundred, &ok) != 0 && ok)
			diag_error(s->diags, mix->pos, "the shares in 'mix' "
			    "add up to %s, not 100", decimal_str(s->arena,
			    sum));
	}
	/* The schema cannot say it alone: 'location' is required, 'zone'
	 * inside it optional for the schema, required here by name. */
	loc = value_map_get(d, "location");
	z = value_map_get(loc, "zone");
	if (loc != NULL && loc->type == VALUE_MAP && (z == NULL || z->type ==
	    VALUE_NULL || (z->type == VALUE_STR && z->len == 0)))
		diag_error(s->diags, z != NULL ? z->pos : loc->pos, "a call "
		    "must name its zone (zone: <slug>, e.g. zone: kcn-loc-son, "
		    "under 'location')");
	dl = value_map_get(d, "deadline");
	pub = value_map_get(d, "published_on");
	if (records_date_of(dl) && records_date_of(pub) && strcmp(dl->text,
	    pub->text) < 0)
		diag_error(s->diags, dl->pos, "'deadline' %s is before "
		    "'published_on' %s", dl->text, pub->text);
}

/* True if digits s[i..j) are part of a longer number (1.060.000.000). */
static bool
joined(const char *s, size_t n, size_t i, size_t j)
{
	static const char seps[] = ".,/-";

	if (i >= 1 && s[i - 1] == '+')
		return true;	/* +84...: a phone number */
	if (i >= 2 && strchr(seps, s[i - 1]) != NULL &&
	    ascii_isdigit((unsigned char)s[i - 2]))
		return true;
	return j + 1 < n && s[j] != '\0' && strchr(seps, s[j]) != NULL &&
	    ascii_isdigit((unsigned char)s[j + 1]);
}

/* True if an amount's unit follows s[j]: "150000000 đồng", "... VND". */
static bool
money_after(const char *s, size_t n, size_t j)
{
	/* đ, đồng, vnđ, vnd, usd, dong: each a whole word. */
	static const char *const units[] = {"\xC4\x91",
	    "\xC4\x91\xE1\xBB\x93ng", "vn\xC4\x91", "vnd", "usd", "dong"};
	size_t k, m;

	while (j < n && s[j] == ' ')
		j++;
	for (k = 0; k < sizeof units / sizeof *units; k++) {
		for (m = 0; units[k][m] != '\0' && j + m < n; m++)
			if (ascii_tolower((unsigned char)s[j + m]) !=
			    (unsigned char)units[k][m])
				break;
		if (units[k][m] == '\0' && (j + m == n ||
		    (!ascii_isalpha((unsigned char)s[j + m]) &&
		    (unsigned char)s[j + m] < 0x80)))
			return true;
	}
	return false;
}

/*
 * The offset of the first standalone run of 9 (CMND) or 12 (CCCD)
 * digits in s[from..n), its length in *len; n when there is none.
 */
static size_t
find_id(const char *s, size_t n, size_t from, size_t *len)
{
	size_t i = from, j;

	while (i < n) {
		if (!ascii_isdigit((unsigned char)s[i])) {
			i++;
			continue;
		}
		for (j = i; j < n && ascii_isdigit((unsigned char)s[j]); j++)
			;
		if ((j - i == 9 || j - i == 12) && !joined(s, n, i, j) &&
		    !money_after(s, n, j)) {
			*len = j - i;
			return i;
		}
		i = j;
	}
	return n;
}

static void
id_error(struct site *s, struct pos p, const char *where, const char *id, size_t
    len)
{
	diag_error(s->diags, p, "%s%.3s…%.3s looks like a personal identity "
	    "number (%s, %zu digits); remove it or record the redaction", where,
	    id, id + len - 3, len == 12 ? "CCCD" : "CMND", len);
}

/* Scans every string under v; path names the node ('findings[2]'). */
static void
scan_value(struct site *s, const struct value *v, struct buf *path,
    unsigned depth)
{
	size_t i, at, len, outer = path->len;
	struct buf w = {0};

	if (v == NULL || depth > 4 * VALUE_MAX_DEPTH)
		return;
	switch (v->type) {
	case VALUE_STR:
	case VALUE_INT:
		/* A number is an amount unless it keeps a leading zero. */
		if (v->type == VALUE_INT && (v->len == 0 || v->text[0] != '0'))
			break;
		at = find_id(v->text, v->len, 0, &len);
		if (at == v->len)
			break;
		buf_addf(&w, "'%s': ", buf_cstr(path));
		id_error(s, v->pos, buf_cstr(&w), v->text + at, len);
		break;
	case VALUE_LIST:
		for (i = 0; i < v->n; i++) {
			buf_addf(path, "[%zu]", i + 1);
			scan_value(s, v->items[i], path, depth + 1);
			buf_truncate(path, outer);
		}
		break;
	case VALUE_MAP:
		for (i = 0; i < v->n; i++) {
			/* Tax codes and phone numbers are meant to be seen. */
			if (strcmp(v->pairs[i].key, "tax_code") == 0 ||
			    strcmp(v->pairs[i].key, "phone") == 0)
				continue;
			buf_addf(path, "%s%s", outer ? "." : "",
			    v->pairs[i].key);
			scan_value(s, v->pairs[i].val, path, depth + 1);
			buf_truncate(path, outer);
		}
		break;
	default:
		break;
	}
	buf_release(&w);
}

static void
scan_body(struct site *s, const struct item *it)
{
	const char *b = it->body;
	size_t n = it->body_len, at = 0, len = 0, i, lstart = 0;
	struct pos p;

	while ((at = find_id(b, n, at, &len)) < n) {
		p = it->body_pos;
		lstart = 0;
		for (i = 0; i < at; i++)
			if (b[i] == '\n') {
				p.line++;
				lstart = i + 1;
			}
		p.col = (p.line == it->body_pos.line ? p.col : 1) +
		    (unsigned)utf8_count(b + lstart, at - lstart);
		id_error(s, p, "", b + at, len);
		at += len;
	}
}

/* Enterprise key of a planned inspection, for the repeat check. */
struct planned {
	const char *key;	/* tax code, else enterprise name */
	char year[5];
	const char *date;	/* decision.date: the later ones are warned */
	const struct item *it;
	const struct value *mode;
};

static int
cmp_planned(const void *pa, const void *pb)
{
	const struct planned *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	if (c == 0)
		c = strcmp(a->year, b->year);
	if (c == 0)
		c = strcmp(a->date, b->date);
	return c != 0 ? c : strcmp(a->it->path, b->it->path);
}

static void
check_inspection(struct site *s, const struct item *it, struct planned *pl,
    size_t *npl)
{
	const struct value *d = it->data, *dd, *cd, *st, *mode;
	struct buf path = {0};
	const char *key;

	dd = value_path(d, "decision.date");
	cd = value_path(d, "conclusion.date");
	if (records_date_of(dd) && records_date_of(cd) && strcmp(cd->text,
	    dd->text) < 0)
		diag_error(s->diags, cd->pos, "'conclusion.date' %s is before "
		    "'decision.date' %s", cd->text, dd->text);
	st = value_map_get(d, "status");
	if (st != NULL && st->type == VALUE_STR &&
	    (strcmp(st->text, "concluded") == 0 ||
	    strcmp(st->text, "remedying") == 0 ||
	    strcmp(st->text, "completed") == 0)) {
		cd = value_map_get(d, "conclusion");
		if (cd == NULL || cd->type != VALUE_MAP || cd->n == 0)
			diag_error(s->diags, st->pos, "status '%s' needs "
			    "'conclusion' (its number and date)", st->text);
	}
	deadline_check_inspection(s, it);
	scan_value(s, d, &path, 0);
	buf_release(&path);
	if (it->markdown)
		scan_body(s, it);

	mode = value_map_get(d, "mode");
	key = value_map_str(value_map_get(d, "subject"), "tax_code");
	if (key == NULL || *key == '\0')
		key = value_map_str(value_map_get(d, "subject"), "enterprise");
	if (it->lang_index == 0 && mode != NULL && mode->type == VALUE_STR &&
	    strcmp(mode->text, "planned") == 0 && key != NULL && *key &&
	    records_date_of(dd)) {
		pl[*npl].key = key;
		memcpy(pl[*npl].year, dd->text, 4);
		pl[*npl].year[4] = '\0';
		pl[*npl].date = dd->text;
		pl[*npl].it = it;
		pl[*npl].mode = mode;
		(*npl)++;
	}
}

static void
check_repeats(struct site *s, struct planned *pl, size_t n)
{
	size_t i, first = 0;

	if (n > 1)
		qsort(pl, n, sizeof *pl, cmp_planned);
	for (i = 1; i < n; i++) {
		if (strcmp(pl[i].key, pl[first].key) != 0 || strcmp(pl[i].year,
		    pl[first].year) != 0) {
			first = i;
			continue;
		}
		diag_warning(s->diags, pl[i].mode->pos, "another planned "
		    "inspection of the same enterprise ('%s') in %s: %s",
		    pl[i].key, pl[i].year, pl[first].it->path);
	}
}

/* True if one entry of list l (refs) names document target. */
static bool
names(const struct site_names *x, const struct value *l, const struct item
    *target)
{
	size_t i;

	for (i = 0; l != NULL && l->type == VALUE_LIST && i < l->n; i++)
		if (value_is_scalar(l->items[i]) && site_lookup(x, "document",
		    l->items[i]->text, l->items[i]->len) == target)
			return true;
	return false;
}

static void
check_document(struct site *s, const struct site_names *x, const struct item
    *it)
{
	static const char *const sides[][2] = {{"replaces", "replaced_by"},
	    {"replaced_by", "replaces"}};
	const struct value *d = it->data, *num, *iss, *eff, *exp, *l, *st;
	const char *start;
	size_t i, k;

	num = value_map_get(d, "number");
	iss = value_map_get(d, "issued_on");
	eff = value_map_get(d, "effective_from");
	exp = value_map_get(d, "expires_on");
	if (num != NULL && num->type == VALUE_STR && records_date_of(iss)) {
		const char *sl = memchr(num->text, '/', num->len);

		/* Legal-normative numbers: NNN/YYYY/SYMBOL. */
		if (sl != NULL && num->len - (size_t)(sl - num->text) > 6 &&
		    ascii_isdigit((unsigned char)sl[1]) &&
		    ascii_isdigit((unsigned char)sl[2]) &&
		    ascii_isdigit((unsigned char)sl[3]) &&
		    ascii_isdigit((unsigned char)sl[4]) && sl[5] == '/' &&
		    memcmp(sl + 1, iss->text, 4) != 0)
			diag_error(s->diags, num->pos, "the year in number "
			    "'%s' is %.4s, but 'issued_on' is %s", num->text, sl
			    + 1, iss->text);
	}
	if (records_date_of(eff) && records_date_of(iss) && strcmp(eff->text,
	    iss->text) < 0)
		diag_error(s->diags, eff->pos, "'effective_from' %s is before "
		    "'issued_on' %s", eff->text, iss->text);
	start = records_date_of(eff) ? eff->text : records_date_of(iss);
	if (records_date_of(exp) && start != NULL &&
	    strcmp(exp->text, start) <= 0)
		diag_error(s->diags, exp->pos, "'expires_on' %s is not after "
		    "'%s' %s", exp->text, records_date_of(eff) ?
		    "effective_from" : "issued_on", start);
	/* Expired is a fact of the dates: a stale 'in force' misleads. */
	st = value_map_get(d, "status");
	if (records_date_of(exp) && s->build_date != NULL &&
	    strcmp(exp->text, s->build_date) <= 0 && st != NULL &&
	    st->type == VALUE_STR && strcmp(st->text, "in_force") == 0)
		diag_warning(s->diags, st->pos, "'status' is in_force, but "
		    "'expires_on' %s is on or before the build date %s: the "
		    "page shows the document as expired; write 'status: "
		    "expired'",
		    exp->text, s->build_date);
	if (it->lang_index != 0)
		return;
	for (k = 0; k < 2; k++) {
		l = value_map_get(d, sides[k][0]);
		for (i = 0; l != NULL && l->type == VALUE_LIST && i < l->n; i++)
		    {
			const struct value *e = l->items[i];
			const struct item *o;

			if (!value_is_scalar(e) || (o = site_lookup(x,
			    "document", e->text, e->len)) == NULL || o == it)
				continue;
			if (!names(x, value_map_get(o->data, sides[k][1]), it))
				diag_warning(s->diags, e->pos, "'%s' names "
				    "'%s', but %s does not name this document "
				    "in its '%s'", sides[k][0], e->text,
				    o->path, sides[k][1]);
		}
	}
}

void
records_check(struct site *s)
{
	struct site_names *x = site_names(s);
	struct planned *pl;
	size_t i, j, n = 0, npl = 0;

	for (i = 0; i < s->ncolls; i++)
		if (strcmp(s->colls[i].kind, "inspection") == 0)
			n += s->colls[i].n;
	pl = arena_alloc(s->arena, (n ? n : 1) * sizeof *pl);
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		for (j = 0; j < co->n; j++) {
			struct item *it = co->items[j];

			if (it->data == NULL || it->data->type != VALUE_MAP)
				continue;
			if (strcmp(co->kind, "zone") == 0)
				check_zone(s, it);
			else if (strcmp(co->kind, "call") == 0)
				check_call(s, it);
			else if (strcmp(co->kind, "inspection") == 0)
				check_inspection(s, it, pl, &npl);
			else if (strcmp(co->kind, "document") == 0)
				check_document(s, x, it);
			else if (strcmp(co->kind, "plan") == 0)
				plan_check(s, it);
			else if (kind_find(co->kind) != NULL &&
			    kind_find(co->kind)->check != NULL)
				kind_find(co->kind)->check(s, x, it);
		}
	}
	check_repeats(s, pl, npl);
	for (i = 0; i < s->ncolls; i++) {
		const struct kind *k = kind_find(s->colls[i].kind);
		size_t m;

		for (m = 0; m < i && strcmp(s->colls[m].kind,
		    s->colls[i].kind) != 0; m++)
			;
		if (m == i && k != NULL && k->check_all != NULL)
			k->check_all(s, x);
	}
}

void
records_model(struct site *s, const struct theme *th, const struct schemas *sc)
{
	struct site_names *x = site_names(s);

	size_t i, j;

	browse_frames(s);
	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n && strcmp(s->colls[i].kind,
		    "plan") == 0; j++)
			plan_frame(s, x, s->colls[i].items[j]);
	links_document_frames(s, x);
	/* Links copy the frames' values, so they come last but browsing. */
	links_model(s, sc, x);
	browse_model(s, th, x);
}
