# Zones (issue 13): the facts an investor acts on, checked on the sample
# portal.  KCN Lộc Sơn states its occupancy on both bases the board
# reports (94,68% of cleared industrial land, 84,17% of all industrial
# land); `check` recomputes both from the areas.  Each case: a fresh
# copy, one mistake, the located id and the figures.  Sourced by
# tests/e2e.sh.

zn_zone=content/zones/kcn-loc-son.yaml

# A fresh copy of the sample portal in $work/zn, then sed -i $1 on $zn_zone.
zn_break() {
	rm -rf "$work/zn"
	mkdir -p "$work/zn"
	cp -R "$top/content" "$top/themes" "$work/zn/"
	sed -i "$1" "$work/zn/$zn_zone" || bad "zones: cannot edit $zn_zone"
}

# zn_check STATUS WHAT: `check` on the copy exits STATUS; its output in
# $work/zn.txt for the greps that follow.
zn_check() {
	"$bin" check --quiet --no-history --date 2023-11-15 --source "$work/zn" \
	    > /dev/null 2> "$work/zn.txt"
	zn_rc=$?
	[ "$zn_rc" = "$1" ] && ok ||
	    { bad "zones, $2: exit $zn_rc, expected $1"; cat "$work/zn.txt"; }
}

zn_has() {
	grep -Eq "$1" "$work/zn.txt" && ok ||
	    { bad "zones, $2: no line like $1"; cat "$work/zn.txt"; }
}

# The sample as it is: both figures right, no zone error.
zn_break 's/^$//'
zn_check 0 "sample as it is"
grep -q 'zone\.' "$work/zn.txt" && { bad "zones: the sample has zone messages"; \
    cat "$work/zn.txt"; } || ok

# A wrong figure on each basis: located, with the figure to write.
zn_break 's/^  cleared_land: 94.68$/  cleared_land: 84.17/'
zn_check 1 "wrong cleared-land occupancy"
zn_has "^$zn_zone:20:17: lỗi: .*\`occupancy\.cleared_land\` ghi 84,17% .*119,3 ha là 94,68[0-9]*%; sửa thành 94,68 .*\[zone\.occupancy-mismatch\]$" "cleared land"
zn_break 's/^  industrial_land: 84.17$/  industrial_land: 94.68/'
zn_check 1 "wrong industrial-land occupancy"
zn_has "^$zn_zone:21:20: lỗi: .*\`occupancy\.industrial_land\` ghi 94,68% .*134,2 ha là 84,17[0-9]*%; sửa thành 84,17 .*\[zone\.occupancy-mismatch\]$" "industrial land"

# The leased area changed: both stated figures are named, each with its fix.
zn_break 's/^leased_ha: 112.9579$/leased_ha: 115.2/'
zn_check 1 "leased area changed"
zn_has "^$zn_zone:20:17: .*sửa thành 96,56 .*\[zone\.occupancy-mismatch\]$" "leased, cleared basis"
zn_has "^$zn_zone:21:20: .*sửa thành 85,84 .*\[zone\.occupancy-mismatch\]$" "leased, industrial basis"

# Coordinates outside Vietnam, and swapped.
zn_break 's/^coordinates: {lat: 11.53, lon: 107.81}$/coordinates: {lat: 1.53, lon: 107.81}/'
zn_check 1 "coordinates outside"
zn_has "^$zn_zone:[0-9]+:[0-9]+: lỗi: .*1\.53.*107\.81.*\[zone\.coordinates-outside\]$" "coordinates outside"
zn_break 's/^coordinates: {lat: 11.53, lon: 107.81}$/coordinates: {lat: 107.81, lon: 11.53}/'
zn_check 1 "coordinates swapped"
zn_has "^$zn_zone:[0-9]+:[0-9]+: lỗi: .*\`lat: 11\.53\`.*\`lon: 107\.81\`.*\[zone\.coordinates-swapped\]$" "coordinates swapped"

# A lease ending before the figures' date; a sublease range upside down.
zn_break 's/^  ends: 2054$/  ends: 2020/'
zn_check 1 "lease ended"
zn_has "^$zn_zone:[0-9]+:[0-9]+: lỗi: .*2020.*2022-12-31.*\[zone\.lease-ended\]$" "lease ended"
zn_break 's/^  min: 40$/  min: 60/'
zn_check 1 "sublease range"
zn_has "^$zn_zone:[0-9]+:[0-9]+: lỗi: .*\(60\).*\(55\).*\[zone\.sublease-range\]$" "sublease range"

# A power price per m³: the unit it is counted in.
zn_break 's/^  power: {amount: 1900, currency: VND, per: kwh}$/  power: {amount: 1900, currency: VND, per: m3}/'
zn_check 1 "power price unit"
zn_has "^$zn_zone:[0-9]+:[0-9]+: lỗi: .*utilities\.power.*per: kwh.*\[zone\.rate-unit\]$" "power price unit"

# An incentive whose basis is not the number of the document it links.
zn_break 's/^    basis: 61\/2020\/QH14$/    basis: 67\/2014\/QH13/'
zn_check 1 "incentive basis"
zn_has "^$zn_zone:[0-9]+:[0-9]+: lỗi: .*67/2014/QH13.*sửa thành 61/2020/QH14.*\[zone\.incentive-basis\]$" "incentive basis"

# Both occupancy figures on the zone page and in the comparison.
rm -rf "$work/zn-site"
"$bin" build --quiet --no-history --date 2023-11-15 --source "$top" \
    --out "$work/zn-site" 2> /dev/null && ok || bad "zones: build failed"
zp=$work/zn-site/khu-cong-nghiep/kcn-loc-son/index.html
for want in '94,68%' '84,17%' '40–55 USD/m² cho cả thời hạn' '50 năm, đến năm 2054' \
    'href="/van-ban/nd-31-2021-nd-cp/"' 'dautu@bqlkcn.lamdong.example'; do
	grep -qF "$want" "$zp" && ok || bad "zone page lacks '$want'"
done
zl=$work/zn-site/khu-cong-nghiep/index.html
grep -q '<td class="num">94,68%</td><td class="num">84,17%</td>' "$zl" && ok ||
    bad "zone comparison lacks both occupancy figures of KCN Lộc Sơn"
grep -qF '94.68%' "$work/zn-site/en/khu-cong-nghiep/kcn-loc-son/index.html" && ok ||
    bad "English zone page lacks 94.68%"
# An incentive's document without an English version: the English page's
# link says where it leads (hreflang, "Vietnamese only") and that its
# text, the document's number (zone.incentive-basis), is Vietnamese; the
# Vietnamese page's link, to a page in its own language, says nothing.
grep -qF '<a href="/van-ban/nd-31-2021-nd-cp/" lang="vi" hreflang="vi">31/2021/NĐ-CP</a> <span class="badge untranslated">Vietnamese only</span>' \
    "$work/zn-site/en/khu-cong-nghiep/kcn-loc-son/index.html" && ok ||
    bad "English zone page: the incentive's Vietnamese-only document is not marked"
grep -qF '<a href="/van-ban/nd-31-2021-nd-cp/">31/2021/NĐ-CP</a>;' "$zp" && ok ||
    bad "Vietnamese zone page: the incentive's document link is marked"
# Records without dates are listed by slug: "kcn-nhan-co" before
# "kcn-nhan-co-2" (their file names, ".yaml" and "-2.yaml", sort the
# other way).
[ "$(grep -o 'href="/khu-cong-nghiep/kcn-nhan-co[-2]*/"' "$zl" | head -n 1)" = \
    'href="/khu-cong-nghiep/kcn-nhan-co/"' ] && ok ||
    bad "zones: Nhân Cơ 2 listed before Nhân Cơ"
# The other language's page is named by the zone's name, not its file.
grep -qF 'hreflang="en" lang="en">Loc Son Industrial Zone</a>' "$zp" && ok ||
    bad "zone page names its English version by file, not by name"
[ "$(ls "$work/zn-site/khu-cong-nghiep" | grep -c '^kcn-')" = 15 ] && ok ||
    bad "zones: the sample has not 15 zone pages"
rm -rf "$work/zn" "$work/zn-site"
