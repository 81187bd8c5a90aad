/*
 * Unit tests for map.c: the projection (centred, a degree of longitude
 * shortened by the cosine of the mean latitude, a km as long across as
 * up), the scale bar's km, the coordinates read from a record and their
 * limits, the OpenStreetMap link's fixed decimals, and the SVG: every
 * text escaped (a zone named <script>), every zone a link, the same
 * bytes for the same zones, crowded labels reduced to their numbers.
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "map.h"
#include "site.h"
#include "value.h"
#include "testutil.h"

Suite *map_suite(void);

static const struct map_words words = {"Map", "Zones:", "N", "N", "S", "E", "W",
    ","};

START_TEST(test_map_projection)
{
	struct map_zone z[] = {{"a", "/a/", 11.0, 107.0},
	    {"b", "/b/", 12.0, 108.0}};
	struct map_view v;
	double x0, y0, x1, y1, cx, cy;

	map_fit(&v, z, 2, 640, 520, 56);
	ck_assert_double_eq_tol(v.k, cos(11.5 * M_PI / 180), 1e-12);
	map_project(&v, 11.0, 107.0, &x0, &y0);
	map_project(&v, 12.0, 108.0, &x1, &y1);
	/* North is up; east is right. */
	ck_assert(y1 < y0);
	ck_assert(x1 > x0);
	/* A degree of longitude is cos(lat) of a degree of latitude. */
	ck_assert_double_eq_tol((x1 - x0) / (y0 - y1), v.k, 1e-9);
	/* The taller side fills the height less the margins. */
	ck_assert_double_eq_tol(y0 - y1, 520 - 2 * 56, 1e-9);
	/* The extent is centred. */
	map_project(&v, 11.5, 107.5, &cx, &cy);
	ck_assert_double_eq_tol(cx, 320, 1e-9);
	ck_assert_double_eq_tol(cy, 260, 1e-9);
	/* A degree of latitude is about 111.2 km. */
	ck_assert_double_eq_tol(map_km_per_unit(&v) * (y0 - y1), 111.195, 0.01);
}
END_TEST

START_TEST(test_map_one_zone)
{
	struct map_zone z[] = {{"a", "/a/", 11.53, 107.81}};
	struct map_view v;
	double x, y;

	map_fit(&v, z, 1, 640, 520, 56);
	map_project(&v, 11.53, 107.81, &x, &y);
	ck_assert_double_eq_tol(x, 320, 1e-9);
	ck_assert_double_eq_tol(y, 260, 1e-9);
	/* Not a point: 0.05° over the height less the margins. */
	ck_assert_double_eq_tol(v.scale, (520 - 2 * 56) / 0.05, 1e-6);
}
END_TEST

START_TEST(test_map_svg_escapes)
{
	struct map_zone z[] = {{"<script>alert(1)</script>",
	                           "/k/\"><script>x</script>/", 11.5, 107.8},
	    {"Lộc Sơn & Phú Hội", "/k/b/", 11.7, 108.4}};
	struct buf b = {0}, c = {0};
	const char *t;

	map_svg(&b, z, 2, &words, "m");
	t = buf_cstr(&b);
	ck_assert_ptr_null(strstr(t, "<script"));
	ck_assert_ptr_nonnull(
	    strstr(t, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	ck_assert_ptr_nonnull(strstr(t, "href=\"/k/&quot;&gt;&lt;script&gt;"));
	ck_assert_ptr_nonnull(strstr(t, "Lộc Sơn &amp; Phú Hội"));
	ck_assert_ptr_nonnull(strstr(t, "<title id=\"m-title\">Map</title>"));
	ck_assert_ptr_nonnull(strstr(t, "aria-labelledby=\"m-title\""));
	ck_assert_ptr_nonnull(strstr(t,
	    "<a class=\"map-zone\" href=\"/k/b/\" "
	    "aria-label=\"2. Lộc Sơn &amp; Phú Hội\">"));
	ck_assert_ptr_nonnull(strstr(t, "km</text>"));
	/* The graticule's degrees with the page's decimal mark. */
	ck_assert_ptr_nonnull(strstr(t, "11,6° N</text>"));
	/* Deterministic: the same zones, the same bytes. */
	map_svg(&c, z, 2, &words, "m");
	ck_assert_str_eq(buf_cstr(&b), buf_cstr(&c));
	buf_release(&b);
	buf_release(&c);
}
END_TEST

/* Zones too close for their names: the later ones show their number
 * alone, and every link still names its zone. */
START_TEST(test_map_crowded_labels)
{
	static const char *const names[] = {"Khu công nghiệp Thử Nghiệm Một",
	    "Khu công nghiệp Thử Nghiệm Hai", "Khu công nghiệp Thử Nghiệm Ba",
	    "Khu công nghiệp Thử Nghiệm Bốn", "Khu công nghiệp Thử Nghiệm Năm",
	    "Khu công nghiệp Thử Nghiệm Sáu", "Khu công nghiệp Xa"};
	struct map_zone z[7];
	struct buf b = {0};
	const char *t;
	size_t i;

	/* Six within a few hundred metres, one far off. */
	for (i = 0; i < 6; i++)
		z[i] = (struct map_zone){names[i], "/k/",
		    11.7 + 0.001 * (double)i, 108.38};
	z[6] = (struct map_zone){names[6], "/x/", 10.5, 107.2};
	map_svg(&b, z, 7, &words, "m");
	t = buf_cstr(&b);
	ck_assert_ptr_nonnull(strstr(t, ">1. Khu công nghiệp Thử Nghiệm Một<"));
	ck_assert_ptr_nonnull(strstr(t, ">7. Khu công nghiệp Xa</text>"));
	ck_assert_ptr_nonnull(strstr(t, ">6</text>"));
	ck_assert_ptr_nonnull(
	    strstr(t, "aria-label=\"6. Khu công nghiệp Thử Nghiệm Sáu\""));
	buf_release(&b);
}
END_TEST

START_TEST(test_map_coordinates)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct value *v;
	double lat, lon;
	const char *ok = "coordinates: {lat: 11.53, lon: 107.81}\n";
	const char *far = "coordinates: {lat: 91, lon: 107.81}\n";
	const char *text = "coordinates: {lat: \"11.53\", lon: 107.81}\n";

	ck_assert_int_eq(value_parse_yaml(a, d, "z.yaml", ok, strlen(ok), 1,
	                     &v),
	    0);
	ck_assert(map_coordinates(v, &lat, &lon));
	ck_assert_double_eq_tol(lat, 11.53, 1e-12);
	ck_assert_double_eq_tol(lon, 107.81, 1e-12);
	ck_assert_int_eq(value_parse_yaml(a, d, "z.yaml", far, strlen(far), 1,
	                     &v),
	    0);
	ck_assert(!map_coordinates(v, &lat, &lon));
	ck_assert_int_eq(value_parse_yaml(a, d, "z.yaml", text, strlen(text), 1,
	                     &v),
	    0);
	ck_assert(!map_coordinates(v, &lat, &lon));
	ck_assert(!map_coordinates(NULL, &lat, &lon));
	arena_free(a);
}
END_TEST

START_TEST(test_map_osm_url)
{
	struct arena *a = arena_new();
	struct site s;

	memset(&s, 0, sizeof s);
	s.arena = a;
	ck_assert_str_eq(map_osm_url(&s, 11.53, 107.81),
	    "https://www.openstreetmap.org/?mlat=11.53&mlon=107.81"
	    "#map=14/11.53/107.81");
	ck_assert_str_eq(map_osm_url(&s, -0.000001, 108.0),
	    "https://www.openstreetmap.org/?mlat=0&mlon=108#map=14/0/108");
	arena_free(a);
}
END_TEST

Suite *
map_suite(void)
{
	Suite *s = suite_create("map");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_map_projection);
	tcase_add_test(tc, test_map_one_zone);
	tcase_add_test(tc, test_map_svg_escapes);
	tcase_add_test(tc, test_map_crowded_labels);
	tcase_add_test(tc, test_map_coordinates);
	tcase_add_test(tc, test_map_osm_url);
	suite_add_tcase(s, tc);
	return s;
}
