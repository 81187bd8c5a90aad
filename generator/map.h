/*
 * Model stage (map.c): the map of a site's zones, drawn by minhbach
 * itself as inline SVG from the zones' `coordinates: {lat, lon}` (decimal
 * degrees), so that no page asks a third party for tiles.  The province
 * outline is not drawn: no openly licensed boundary of the province as it
 * is since 01/07/2025 could be bundled and verified, so the map is a
 * scaled schematic (graticule, north arrow, scale bar in km).  Every zone
 * also links out to OpenStreetMap at its coordinates: a plain link, no
 * request until a reader follows it.
 */
#ifndef MINHBACH_MAP_H
#define MINHBACH_MAP_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct site;
struct theme;
struct value;

/* The drawing's size in SVG user units (the CSS scales it). */
#define MAP_W 640
#define MAP_H 520
#define MAP_MARGIN 56

/* One zone on the map: its name and page (any text; escaped here). */
struct map_zone {
	const char *name, *url;
	double lat, lon;
};

/*
 * The projection: equirectangular, x scaled by the cosine of the zones'
 * mean latitude (so that a km is as long across as up), fitted to the
 * zones' extent with a margin and centred.
 */
struct map_view {
	double k; /* cos(mean latitude) */
	double cx, cy; /* the extent's centre: lon * k, lat */
	double scale; /* SVG units per degree of latitude */
	double w, h;
};

/* Fits v to z[0..n) in a w × h drawing with margin on each side; n > 0.
 * A single zone or a tight cluster is shown over at least 0.05°. */
void map_fit(struct map_view *v, const struct map_zone *z, size_t n, double w,
    double h, double margin);
/* The point of (lat, lon) in the drawing (y grows downwards). */
void map_project(const struct map_view *v, double lat, double lon, double *x,
    double *y);
/* Kilometres per SVG unit (a sphere of radius 6371.0088 km). */
double map_km_per_unit(const struct map_view *v);

/* The reader's words of the drawing (any text; escaped here). */
struct map_words {
	const char *title; /* the SVG's <title> */
	const char *desc; /* the start of its <desc>: the zones follow */
	const char *north; /* "B" / "N" by the arrow */
	const char *n, *s, *e, *w; /* after the graticule's degrees */
	const char *decimal; /* their decimal mark; NULL: "." */
};

/*
 * Appends the SVG of z[0..n) (n > 0) to b: role="group" (not "img",
 * whose children would be presentational: the zones are links) labelled
 * by its <title> and described by a <desc> naming every zone, a graticule with its degrees, a north
 * arrow, a scale bar in km, and each zone a marker and a visible label
 * inside <a href> to its page.  Only numbers (fixed decimals) and escaped
 * texts are written: the output is the same for the same input.  id
 * makes the title's and desc's ids unique on a page.
 */
void map_svg(struct buf *b, const struct map_zone *z, size_t n,
    const struct map_words *w, const char *id);

/*
 * The zone's coordinates from its data (`coordinates: {lat, lon}`, plain
 * numbers within ±90 and ±180): true and *lat, *lon set, or false.
 */
bool map_coordinates(const struct value *data, double *lat, double *lon);
/* "https://www.openstreetmap.org/?mlat=…&mlon=…#map=14/…/…" (arena). */
const char *map_osm_url(struct site *s, double lat, double lon);

/*
 * Model stage, after the kinds' frames: on every zone record's frame
 * osm_url and coordinates_text (when it has coordinates); on the list
 * pages of every collection of kind zone, and beside it on the home
 * page's recent.<collection>, `zone_map`: {svg (raw: {{{zone_map.svg}}}),
 * zones: [{number, name, url, osm_url}], off_map: [{name, url}],
 * has_off_map}.  Nothing for a collection none of whose zones has
 * coordinates.
 */
void map_model(struct site *s, const struct theme *th);

#endif
