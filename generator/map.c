/*
 * The map of the zones (map.h): an equirectangular projection fitted to
 * the zones, drawn as inline SVG with numbers in fixed decimals and every
 * text escaped, and the outbound OpenStreetMap links.  In: the model after
 * the kinds' frames.  Out: frame keys (osm_url, coordinates_text,
 * zone_map); no file of its own.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "map.h"
#include "records.h"
#include "site.h"
#include "site_lists.h"
#include "value.h"
#include "words.h"

#define MAP_PI 3.14159265358979323846
#define EARTH_R_KM 6371.0088
#define MIN_SPAN 0.05 /* degrees: a lone zone is not a point */
#define LABEL_EM 6.9 /* SVG units per character of a label */

static double
rad(double deg)
{
	return deg * MAP_PI / 180.0;
}

void
map_fit(struct map_view *v, const struct map_zone *z, size_t n, double w,
    double h, double margin)
{
	double lat = 0, x0, x1, y0, y1, dx, dy, sx, sy;
	size_t i;

	for (i = 0; i < n; i++)
		lat += z[i].lat;
	v->k = cos(rad(lat / (double)n));
	x0 = x1 = z[0].lon * v->k;
	y0 = y1 = z[0].lat;
	for (i = 1; i < n; i++) {
		double x = z[i].lon * v->k;

		x0 = fmin(x0, x);
		x1 = fmax(x1, x);
		y0 = fmin(y0, z[i].lat);
		y1 = fmax(y1, z[i].lat);
	}
	v->cx = (x0 + x1) / 2;
	v->cy = (y0 + y1) / 2;
	dx = fmax(x1 - x0, MIN_SPAN);
	dy = fmax(y1 - y0, MIN_SPAN);
	sx = (w - 2 * margin) / dx;
	sy = (h - 2 * margin) / dy;
	v->scale = fmin(sx, sy);
	v->w = w;
	v->h = h;
}

void
map_project(const struct map_view *v, double lat, double lon, double *x,
    double *y)
{
	*x = v->w / 2 + (lon * v->k - v->cx) * v->scale;
	*y = v->h / 2 - (lat - v->cy) * v->scale;
}

double
map_km_per_unit(const struct map_view *v)
{
	return (2 * MAP_PI * EARTH_R_KM / 360.0) / v->scale;
}

/* A graticule step in degrees that draws at most 6 lines over span. */
static double
grid_step(double span, int *decimals)
{
	static const double steps[] = {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1,
	    2, 5, 10, 20, 30};
	static const int dec[] = {2, 2, 2, 1, 1, 2, 1, 0, 0, 0, 0, 0, 0};
	size_t i, n = sizeof steps / sizeof *steps;

	for (i = 0; i < n - 1 && span / steps[i] > 6; i++)
		;
	*decimals = dec[i];
	return steps[i];
}

/* A scale bar's length in km: 1, 2 or 5 × 10^n, at most max_km. */
static double
bar_km(double max_km)
{
	double p = 1;

	while (p * 10 <= max_km)
		p *= 10;
	while (p > max_km && p > 0.001)
		p /= 10;
	if (p * 5 <= max_km)
		return p * 5;
	if (p * 2 <= max_km)
		return p * 2;
	return p;
}

/* Characters of a UTF-8 text (not its bytes): a label's width. */
static size_t
chars(const char *t)
{
	size_t n = 0;

	for (; *t != '\0'; t++)
		if (((unsigned char)*t & 0xc0) != 0x80)
			n++;
	return n;
}

struct box {
	double x0, y0, x1, y1;
};

static bool
overlaps(const struct box *a, const struct box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/*
 * Where zone i's label of width lw goes: right of its marker, left,
 * above, below, then the four corners, the first place inside the
 * drawing and clear of every marker and of the labels placed before it
 * (greedy, in the zones' order: the same input places the same way).
 * False when no place is clear (*box is then the right of the marker).
 */
static bool
place_label(const struct map_view *v, const double *px, const double *py,
    size_t n, const struct box *boxes, size_t i, double lw, struct box *box)
{
	const double x = px[i], y = py[i];
	const struct box cand[] = {
	    {x + 9, y - 9, x + 9 + lw, y + 5},
	    {x - 9 - lw, y - 9, x - 9, y + 5},
	    {x - lw / 2, y - 24, x + lw / 2, y - 10},
	    {x - lw / 2, y + 10, x + lw / 2, y + 24},
	    {x + 4, y - 24, x + 4 + lw, y - 10},
	    {x + 4, y + 10, x + 4 + lw, y + 24},
	    {x - 4 - lw, y - 24, x - 4, y - 10},
	    {x - 4 - lw, y + 10, x - 4, y + 24},
	};
	size_t c, j;

	for (c = 0; c < sizeof cand / sizeof *cand; c++) {
		const struct box *b = &cand[c];
		bool clear = b->x0 >= 2 && b->x1 <= v->w - 2 && b->y0 >= 2 &&
		    b->y1 <= v->h - 2;

		for (j = 0; clear && j < n; j++) {
			struct box m = {px[j] - 7, py[j] - 7, px[j] + 7,
			    py[j] + 7};

			if ((j < i && overlaps(b, &boxes[j])) ||
			    (j != i && overlaps(b, &m)))
				clear = false;
		}
		if (clear) {
			*box = *b;
			return true;
		}
	}
	*box = cand[0];
	return false;
}

/* "11.5° " with the page's decimal mark (escaped: a theme's text). */
static void
degrees(struct buf *b, double d, int dec, const char *mark)
{
	char t[64], *p;

	snprintf(t, sizeof t, "%.*f", dec, d);
	if ((p = strchr(t, '.')) != NULL) {
		*p = '\0';
		buf_adds(b, t);
		buf_add_xml(b, mark != NULL ? mark : ".",
		    strlen(mark != NULL ? mark : "."));
		buf_adds(b, p + 1);
	} else
		buf_adds(b, t);
	buf_adds(b, "° ");
}

void
map_svg(struct buf *b, const struct map_zone *z, size_t n,
    const struct map_words *w, const char *id)
{
	struct map_view v;
	double *px, *py, lat0, lat1, lon0, lon1, step, km, len;
	struct box *boxes;
	long k;
	int dec;
	size_t i;

	map_fit(&v, z, n, MAP_W, MAP_H, MAP_MARGIN);
	px = calloc(n, sizeof *px);
	py = calloc(n, sizeof *py);
	boxes = calloc(n, sizeof *boxes);
	if (px == NULL || py == NULL || boxes == NULL)
		abort();
	buf_addf(b,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "class=\"zone-map-svg\" role=\"group\" viewBox=\"0 0 %d %d\" "
	    "aria-labelledby=\"%s-title\" aria-describedby=\"%s-desc\">"
	    "<title id=\"%s-title\">",
	    MAP_W, MAP_H, id, id, id);
	buf_add_xml(b, w->title, strlen(w->title));
	buf_addf(b, "</title><desc id=\"%s-desc\">", id);
	buf_add_xml(b, w->desc, strlen(w->desc));
	for (i = 0; i < n; i++) {
		buf_adds(b, i ? "; " : " ");
		buf_addf(b, "%zu. ", i + 1);
		buf_add_xml(b, z[i].name, strlen(z[i].name));
	}
	buf_adds(b, "</desc>");
	buf_addf(b,
	    "<rect class=\"map-frame\" x=\"0.5\" y=\"0.5\" "
	    "width=\"%d\" height=\"%d\"/>",
	    MAP_W - 1, MAP_H - 1);

	/* The graticule: the degrees the drawing spans, round steps. */
	lat1 = v.cy + (v.h / 2) / v.scale;
	lat0 = v.cy - (v.h / 2) / v.scale;
	lon0 = (v.cx - (v.w / 2) / v.scale) / v.k;
	lon1 = (v.cx + (v.w / 2) / v.scale) / v.k;
	step = grid_step(lat1 - lat0, &dec);
	buf_adds(b, "<g class=\"map-grid\" aria-hidden=\"true\">");
	for (k = (long)ceil(lat0 / step); (double)k * step <= lat1; k++) {
		double x, y, g = (double)k * step;

		map_project(&v, g, lon0, &x, &y);
		if (y < 14 || y > v.h - 4)
			continue;
		buf_addf(b,
		    "<line x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
		    "<text x=\"4\" y=\"%.1f\">",
		    y, MAP_W, y, y - 3);
		degrees(b, fabs(g), dec, w->decimal);
		buf_add_xml(b, g < 0 ? w->s : w->n,
		    strlen(g < 0 ? w->s : w->n));
		buf_adds(b, "</text>");
	}
	step = grid_step(lon1 - lon0, &dec);
	for (k = (long)ceil(lon0 / step); (double)k * step <= lon1; k++) {
		double x, y, g = (double)k * step;

		map_project(&v, lat0, g, &x, &y);
		if (x < 40 || x > v.w - 40)
			continue;
		buf_addf(b,
		    "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\"/>"
		    "<text x=\"%.1f\" y=\"%d\">",
		    x, x, MAP_H, x + 3, MAP_H - 6);
		degrees(b, fabs(g), dec, w->decimal);
		buf_add_xml(b, g < 0 ? w->w : w->e,
		    strlen(g < 0 ? w->w : w->e));
		buf_adds(b, "</text>");
	}
	buf_adds(b, "</g>");

	/* North arrow, top right. */
	buf_addf(b,
	    "<g class=\"map-north\" aria-hidden=\"true\"><path d=\"M%d 14 L%d 40 L%d 34 "
	    "L%d 40 Z\"/><text x=\"%d\" y=\"54\">",
	    MAP_W - 24, MAP_W - 32, MAP_W - 24, MAP_W - 16, MAP_W - 24);
	buf_add_xml(b, w->north, strlen(w->north));
	buf_adds(b, "</text></g>");

	/* Scale bar, bottom right: a round number of km, at most a
	 * quarter of the width. */
	km = bar_km(map_km_per_unit(&v) * MAP_W / 4);
	len = km / map_km_per_unit(&v);
	buf_addf(b,
	    "<g class=\"map-scale\" aria-hidden=\"true\"><path d=\"M%.1f %d v6 h%.1f v-6\"/>"
	    "<text x=\"%.1f\" y=\"%d\">%g km</text></g>",
	    MAP_W - 16 - len, MAP_H - 30, len, MAP_W - 16 - len / 2, MAP_H - 32,
	    km);

	/* The zones: markers first, then the labels placed around them. */
	for (i = 0; i < n; i++)
		map_project(&v, z[i].lat, z[i].lon, &px[i], &py[i]);
	for (i = 0; i < n; i++) {
		char num[32];
		bool full;

		/* The number and the name where they fit, else the number
		 * alone (the list beside the map names it, and so does the
		 * link's aria-label). */
		snprintf(num, sizeof num, "%zu", i + 1);
		full = place_label(&v, px, py, n, boxes, i,
		    (double)(chars(z[i].name) + strlen(num) + 2) * LABEL_EM,
		    &boxes[i]);
		if (!full)
			place_label(&v, px, py, n, boxes, i,
			    (double)strlen(num) * LABEL_EM, &boxes[i]);
		buf_adds(b, "<a class=\"map-zone\" href=\"");
		buf_add_xml(b, z[i].url, strlen(z[i].url));
		/* The name read out holds the label shown (WCAG 2.5.3). */
		buf_addf(b, "\" aria-label=\"%s. ", num);
		buf_add_xml(b, z[i].name, strlen(z[i].name));
		buf_addf(b,
		    "\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\"/>"
		    "<text x=\"%.1f\" y=\"%.1f\">%s",
		    px[i], py[i], boxes[i].x0, boxes[i].y1 - 1, num);
		if (full) {
			buf_adds(b, ". ");
			buf_add_xml(b, z[i].name, strlen(z[i].name));
		}
		buf_adds(b, "</text></a>");
	}
	buf_adds(b, "</svg>");
	free(px);
	free(py);
	free(boxes);
}

/* A plain number's value: an int or a decimal as written. */
static bool
number(const struct value *v, double *out)
{
	char *end;

	if (v == NULL || (v->type != VALUE_INT && v->type != VALUE_NUM) ||
	    v->text == NULL)
		return false;
	*out = strtod(v->text, &end);
	return end != v->text && *end == '\0' && isfinite(*out);
}

bool
map_coordinates(const struct value *data, double *lat, double *lon)
{
	const struct value *c = value_map_get(data, "coordinates");

	if (c == NULL || c->type != VALUE_MAP ||
	    !number(value_map_get(c, "lat"), lat) ||
	    !number(value_map_get(c, "lon"), lon))
		return false;
	return fabs(*lat) <= 90 && fabs(*lon) <= 180;
}

/* d with 5 decimals (about a metre), trailing zeros dropped. */
static const char *
deg(struct arena *a, double d, char sep)
{
	char t[64], *p;

	snprintf(t, sizeof t, "%.5f", d);
	p = t + strlen(t);
	while (p > t && p[-1] == '0')
		*--p = '\0';
	if (p > t && p[-1] == '.')
		*--p = '\0';
	if (strcmp(t, "-0") == 0)
		strcpy(t, "0");
	if ((p = strchr(t, '.')) != NULL)
		*p = sep;
	return arena_strdup(a, t);
}

const char *
map_osm_url(struct site *s, double lat, double lon)
{
	const char *la = deg(s->arena, lat, '.'), *lo = deg(s->arena, lon, '.');

	return arena_printf(s->arena,
	    "https://www.openstreetmap.org/"
	    "?mlat=%s&mlon=%s#map=14/%s/%s",
	    la, lo, la, lo);
}

/* "11,53° B, 107,81° Đ" in the words of lang. */
static const char *
coord_text(struct site *s, const char *lang, double lat, double lon)
{
	const char *d = site_word(s, lang, "format.decimal");

	return arena_printf(s->arena, "%s° %s, %s° %s",
	    deg(s->arena, fabs(lat), *d ? *d : '.'),
	    site_word(s, lang, lat < 0 ? "map.south" : "map.north"),
	    deg(s->arena, fabs(lon), *d ? *d : '.'),
	    site_word(s, lang, lon < 0 ? "map.west" : "map.east"));
}

/* The home page's frame of language lang, or NULL. */
static struct value *
home_frame(struct site *s, int lang)
{
	const char *u =
	    arena_printf(s->arena, "%s%s", s->root, site_lang_prefix(s, lang));
	size_t i;

	for (i = 0; i < s->npages; i++) {
		const struct page *p = &s->pages[i];
		struct value *f;

		if (p->nframes < 2 || p->item != NULL || p->data != NULL ||
		    p->make != NULL)
			continue;
		f = (struct value *)p->frames[1];
		if (value_truthy(value_map_get(f, "is_home")) &&
		    value_map_str(f, "url") != NULL &&
		    strcmp(value_map_str(f, "url"), u) == 0)
			return f;
	}
	return NULL;
}

/* The map of collection co's zones in language lang, or NULL. */
static struct value *
zone_map(struct site *s, struct collection *co, int lang)
{
	const char *l = s->langs[lang];
	struct value *m, *on, *off;
	struct map_zone *z;
	struct map_words w;
	struct item **v;
	struct buf b = {0};
	size_t n, i, nz = 0;

	n = site_published(s, co, lang, &v);
	if (n == 0)
		return NULL;
	z = arena_alloc(s->arena, n * sizeof *z);
	m = value_map(s->arena);
	on = value_list(s->arena);
	off = value_list(s->arena);
	for (i = 0; i < n; i++) {
		struct value *e = value_map(s->arena);
		const char *name = records_title(s, v[i]);
		double lat, lon;

		records_set(s, e, "name", name);
		records_set(s, e, "url", v[i]->url);
		if (!map_coordinates(v[i]->data, &lat, &lon)) {
			value_list_push(s->arena, off, e);
			continue;
		}
		z[nz] = (struct map_zone){name, v[i]->url, lat, lon};
		records_set(s, e, "number",
		    arena_printf(s->arena, "%zu", nz + 1));
		records_set(s, e, "osm_url", map_osm_url(s, lat, lon));
		records_set(s, e, "coordinates_text",
		    coord_text(s, l, lat, lon));
		value_list_push(s->arena, on, e);
		nz++;
	}
	if (nz == 0)
		return NULL;
	w.title = site_word(s, l, "map.title");
	w.desc = site_word(s, l, "map.desc");
	w.north = site_word(s, l, "map.north_arrow");
	w.decimal = site_word(s, l, "format.decimal");
	w.n = site_word(s, l, "map.north");
	w.s = site_word(s, l, "map.south");
	w.e = site_word(s, l, "map.east");
	w.w = site_word(s, l, "map.west");
	map_svg(&b, z, nz, &w, arena_printf(s->arena, "map-%s", co->name));
	records_set(s, m, "svg", buf_cstr(&b));
	buf_release(&b);
	value_map_set(s->arena, m, "zones", on);
	value_map_set(s->arena, m, "off_map", off);
	records_setb(s, m, "has_off_map", off->n > 0);
	return m;
}

void
map_model(struct site *s, const struct theme *th)
{
	size_t c, i;
	int lang;

	(void)th;
	for (c = 0; c < s->ncolls; c++) {
		struct collection *co = &s->colls[c];

		if (strcmp(co->kind, "zone") != 0)
			continue;
		/* Every zone page links out to OpenStreetMap. */
		for (i = 0; i < co->n; i++) {
			struct item *it = co->items[i];
			double lat, lon;

			if (it->frame == NULL ||
			    !map_coordinates(it->data, &lat, &lon))
				continue;
			records_set(s, it->frame, "osm_url",
			    map_osm_url(s, lat, lon));
			records_set(s, it->frame, "coordinates_text",
			    coord_text(s, it->lang, lat, lon));
		}
		if (!co->list)
			continue;
		for (lang = 0; lang < (int)s->nlangs; lang++) {
			struct value *m = zone_map(s, co, lang), *h;

			if (m == NULL)
				continue;
			site_lists_set(s, co, lang, "zone_map", m);
			h = value_map_get(value_map_get(home_frame(s, lang),
			                      "recent"),
			    co->name);
			if (h != NULL && h->type == VALUE_MAP)
				value_map_set(s->arena, h, "zone_map", m);
		}
	}
}
