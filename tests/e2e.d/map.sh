# The zones' map, the sortable comparison, the calls' deadline filter and
# the opportunities page (generator/map.c, generator/opportunities.c,
# js/sort.js, js/filter.js): on the sample, every zone with coordinates is
# a link on the map and in its text alternative, every zone page links
# out to OpenStreetMap, nothing on the map asks another host for
# anything, two builds give the same map; /co-hoi-dau-tu/ and
# /en/opportunities/ list the vacant lots and are in the menu; a theme
# without the opportunities template gets no such page.
mp="$work/map"
mkdir -p "$mp"
expect_exit 0 "build for the map" "$bin" build --quiet --no-history \
	--date 2026-12-07 --source "$top" --out "$mp/a"
expect_exit 0 "build for the map again" "$bin" build --quiet --no-history \
	--date 2026-12-07 --source "$top" --out "$mp/b"
zl="$mp/a/khu-cong-nghiep/index.html"
# The zones that give coordinates, by their page's folder (a translation,
# kcn-x.en.yaml, is the same zone).
nz=$(grep -l '^coordinates:' "$top"/content/zones/*.yaml 2>/dev/null |
	grep -cv '\.[a-z][a-z]\.yaml$')
[ "$nz" -gt 0 ] && ok || bad "map: no sample zone gives coordinates"
for z in "$top"/content/zones/*.yaml; do
	grep -q '^coordinates:' "$z" || continue
	s=$(basename "$z" .yaml)
	case $s in *.*) continue ;; esac
	grep -q "<a class=\"map-zone\" href=\"/khu-cong-nghiep/$s/\" aria-label=\"[^\"]*\">" "$zl" &&
		grep -q "<li value=\"[0-9]*\"><a href=\"/khu-cong-nghiep/$s/\">" "$zl" &&
		ok || bad "map: zone $s is not a link on the map and in its list"
	grep -q 'href="https://www.openstreetmap.org/?mlat=[0-9.]*&amp;mlon=[0-9.]*#map=14/' \
		"$mp/a/khu-cong-nghiep/$s/index.html" && ok ||
		bad "map: the page of $s has no OpenStreetMap link"
done
[ "$(grep -o 'class="map-zone"' "$zl" | wc -l)" -eq "$nz" ] && ok ||
	bad "map: the map does not have one link per zone with coordinates"
grep -q '<svg [^>]*role="group"[^>]*aria-labelledby="map-zones-title"' "$zl" &&
	grep -q '<title id="map-zones-title">' "$zl" &&
	grep -q '<desc id="map-zones-desc">' "$zl" && ok ||
	bad "map: the SVG lacks its title, description or role"
# Nothing on the map loads from elsewhere: the only absolute URLs in the
# SVG are its namespace; the OpenStreetMap links are plain <a>.
grep -o '<svg .*</svg>' "$zl" | grep -o '\(href\|src\)="[a-z]*:[^"]*"' |
	grep -q . && bad "map: the SVG refers to another host" || ok
grep -q '<image\|<iframe\|<img[^>]*openstreetmap\|tile' "$zl" &&
	bad "map: the zone list embeds a remote map" || ok
grep -q 'class="zone-map"' "$mp/a/index.html" && ok ||
	bad "map: the home page does not show the map"
cmp -s "$zl" "$mp/b/khu-cong-nghiep/index.html" && ok ||
	bad "map: two builds draw different maps"
# The comparison sorts with a script of the site (no inline script).
grep -q '<script src="/js/sort.js?v=[0-9a-f]*" defer>' "$zl" &&
	grep -q '<table class="compare" data-sortable' "$zl" &&
	[ -f "$mp/a/js/sort.js" ] && ok ||
	bad "map: the comparison table is not sortable"
# The calls' filter by deadline.
grep -q '<select id="f-deadline" name="deadline">' "$mp/a/keu-goi-dau-tu/index.html" &&
	grep -q 'data-deadline-date="[0-9-]*" data-days-left="' \
		"$mp/a/keu-goi-dau-tu/index.html" && ok ||
	bad "map: the calls list has no deadline filter"
# The opportunities page, both languages, in the menu.
op="$mp/a/co-hoi-dau-tu/index.html"
[ -f "$op" ] && [ -f "$mp/a/en/opportunities/index.html" ] && ok ||
	bad "map: no opportunities page"
grep -q '<th scope="row">CN7</th><td class="num">4,979 ha</td>' "$op" &&
	grep -q '<td class="num">6,129 ha</td>' "$op" && ok ||
	bad "map: the opportunities page lacks Lộc Sơn's lot CN7 or its total"
grep -q '<td class="num">4.979 ha</td>' "$mp/a/en/opportunities/index.html" && ok ||
	bad "map: the English opportunities page does not write English figures"
grep -q 'href="/co-hoi-dau-tu/"' "$mp/a/index.html" &&
	grep -q 'href="/en/opportunities/"' "$mp/a/en/index.html" && ok ||
	bad "map: the opportunities page is not in the menu"
# A theme without the template: no page, no error.
mkdir -p "$mp/src/themes"
cp -R "$top/tests/golden/zone-map/content" "$mp/src/content"
cp -R "$top/themes/default" "$mp/src/themes/default"
rm -f "$mp/src/themes/default/templates/opportunities.mustache"
expect_exit 0 "build without the opportunities template" "$bin" build \
	--quiet --no-history --source "$mp/src" --out "$mp/c"
[ ! -e "$mp/c/co-hoi-dau-tu" ] && [ -f "$mp/c/khu-cong-nghiep/index.html" ] && ok ||
	bad "map: a theme without the template still gets an opportunities page"
