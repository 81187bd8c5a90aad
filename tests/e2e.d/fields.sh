# Declared fields and summarised warnings (issue 14): records that carry
# fields their kind does not know give three warnings of each kind and
# one "… and N more like it" note; the same fields declared under the
# collection's `fields:` in site.yaml give none, reach the page's
# context as written, and are type-checked with located errors.
# Sourced by tests/e2e.sh.

fd=$work/fields
mkdir -p "$fd"

if [ -n "$gen" ]; then
	# 300 records (270 news, 30 pages), each with zone, sector, area_ha.
	"$gen" "$fd/x" 300 extra > /dev/null
	cp -R "$top/themes" "$fd/x/themes"
	"$bin" check --no-history --date 2030-01-01 --source "$fd/x" > /dev/null 2> "$fd/x.txt"
	[ $? = 0 ] && ok || bad "fields: undeclared extra fields are not errors"
	# Six groups (three fields, news and page): three lines each, then
	# the note with the rest of the group (news: 270 - 3).
	n=$(grep -c '\[record\.unknown-key' "$fd/x.txt")
	[ "$n" = 18 ] && ok || bad "fields: $n warning lines, expected 18"
	n=$(grep -c '^minhbach: ghi chú: .*\[diag\.more-like-it\]$' "$fd/x.txt")
	[ "$n" = 6 ] && ok || bad "fields: $n summary notes, expected 6"
	grep -q '^minhbach: ghi chú: … và 267 .*(record\.unknown-key[a-z-]*) \[diag\.more-like-it\]$' \
	    "$fd/x.txt" && ok || { bad "fields: no note for 267 more"; cat "$fd/x.txt"; }
	# Each note right after the third line of its group.
	awk '/diag\.more-like-it/ { if (prev !~ /unknown-key/) bad = 1 }
	    { prev = $0 } END { exit bad }' "$fd/x.txt" && ok ||
		bad "fields: a note not after its group's lines"
	# The count of warnings is every one recorded.
	grep -q '(900 cảnh báo)' "$fd/x.txt" && ok || bad "fields: warnings not all counted"
	"$bin" check --no-history --date 2030-01-01 --lang en --source "$fd/x" 2>&1 > /dev/null |
	    grep -q '^minhbach: note: … and 267 more like it' && ok ||
		bad "fields: no English note"
	# GitHub: notices without a file, three warnings per group.
	"$bin" check --no-history --date 2030-01-01 --format=github --source "$fd/x" \
	    > /dev/null 2> "$fd/gh.txt"
	n=$(grep -c '^::warning file=' "$fd/gh.txt")
	[ "$n" = 18 ] && ok || bad "fields: $n GitHub warnings, expected 18"
	grep -q '^::notice title=diag\.more-like-it::… và 267 ' "$fd/gh.txt" &&
	    ok || bad "fields: no GitHub notice"
	# The same output twice (the order does not depend on threads).
	"$bin" check --no-history --date 2030-01-01 --source "$fd/x" > /dev/null 2> "$fd/x2.txt"
	cmp -s "$fd/x.txt" "$fd/x2.txt" && ok || bad "fields: output changed between runs"

	# Declared: no warning at all.
	"$gen" "$fd/d" 300 declared > /dev/null
	cp -R "$top/themes" "$fd/d/themes"
	"$bin" check --no-history --date 2030-01-01 --source "$fd/d" > /dev/null 2> "$fd/d.txt"
	[ $? = 0 ] && ok || bad "fields: declared fields refused"
	grep -q 'cảnh báo:' "$fd/d.txt" && { bad "fields: declared fields warned about"; cat "$fd/d.txt"; } || ok
	grep -q '(0 cảnh báo)' "$fd/d.txt" && ok || bad "fields: declared: warnings counted"
fi

# The sample portal with fields of its own for the news.
fd_site() {	# sed script for site.yaml's news collection
	rm -rf "$fd/s"
	mkdir -p "$fd/s"
	cp -R "$top/content" "$top/themes" "$fd/s/"
	sed -i "$1" "$fd/s/content/site.yaml"
}
fd_news=news/2019-07-15-hdnd-tinh-thong-qua-nghi-quyet-ve-kcn-phu-binh.md
fd_decl='s|^    permalink: /tin-tuc/:slug/$|&\n    fields:\n      zone: zone\n      area_ha: number\n      sectors: list of text\n      signed_on: date|'

fd_site "$fd_decl"
sed -i '2a zone: kcn-loc-son\narea_ha: 12.5\nsectors: [dệt may, cơ khí]\nsigned_on: 2019-07-10' \
    "$fd/s/content/$fd_news"
"$bin" check --no-history --date 2030-01-01 --source "$fd/s" > /dev/null 2> "$fd/s.txt"
[ $? = 0 ] && ok || { bad "fields: declared fields on the sample portal"; cat "$fd/s.txt"; }
grep -q "content/$fd_news.*\[record\.unknown-key" "$fd/s.txt" &&
    bad "fields: a declared field warned about" || ok
# The page's context holds them as written.
"$bin" render --no-history --source "$fd/s" \
    --context /tin-tuc/hdnd-tinh-thong-qua-nghi-quyet-ve-kcn-phu-binh/ \
    > "$fd/ctx.txt" 2> "$fd/ctx.err"
grep -q '^area_ha: 12.5$' "$fd/ctx.txt" && grep -q '^zone: "kcn-loc-son"$' "$fd/ctx.txt" &&
    grep -q '^signed_on: "2019-07-10"$' "$fd/ctx.txt" && grep -q '^  - "cơ khí"$' "$fd/ctx.txt" && ok ||
	{ bad "fields: declared fields not in the page's context"; head -c 2000 "$fd/ctx.txt"; cat "$fd/ctx.err"; }
# A declared kind's name links the records as the kinds' own references do.
grep -q '^zone_link:$' "$fd/ctx.txt" && ok || bad "fields: no zone_link for a declared zone"

# minhbach schema --source: one more JSON Schema, for the news only.
"$bin" schema --out "$fd/js" --source "$fd/s" > "$fd/js.txt" 2>&1 && ok || bad "fields: schema --source failed"
grep -q '"area_ha": {' "$fd/js/collection-news.json" 2> /dev/null &&
    grep -q '"signed_on": {' "$fd/js/collection-news.json" && ok ||
	bad "fields: declared fields not in collection-news.json"
[ ! -e "$fd/js/collection-pages.json" ] && cmp -s "$fd/js/news.json" "$top/schemas/news.json" && ok ||
	bad "fields: schema --source wrote more than the declaring collection's"

# minhbach new writes the declared fields after the kind's.
"$bin" new news thu --source "$fd/s" > /dev/null 2>&1 && ok || bad "fields: new failed"
grep -q '^# area_ha:$' "$fd/s/content/news/thu.md" 2> /dev/null &&
    grep -q '^# Bản ghi mới loại «news»' "$fd/s/content/news/thu.md" && ok ||
	bad "fields: new does not write the declared fields"
rm -f "$fd/s/content/news/thu.md"

# A value of the wrong type, a zone that does not exist: located errors.
sed -i 's/^area_ha: 12.5$/area_ha: "12,5"/; s/^zone: kcn-loc-son$/zone: kcn-loc-som/' \
    "$fd/s/content/$fd_news"
"$bin" check --no-history --date 2030-01-01 --source "$fd/s" > /dev/null 2> "$fd/s.txt"
[ $? = 1 ] && ok || bad "fields: a wrong declared value is not an error"
grep -q "^content/$fd_news:4:10: lỗi: .*«12,5».*\[record\.wrong-type\]$" "$fd/s.txt" && ok ||
    { bad "fields: no located wrong-type error"; cat "$fd/s.txt"; }
grep -q "^content/$fd_news:3:7: lỗi: .*kcn-loc-son.*\[record\.unknown-ref-near\]$" "$fd/s.txt" && ok ||
    { bad "fields: no located unknown-ref error"; cat "$fd/s.txt"; }

# Declarations that cannot be used: an unknown type, a field the kind
# has, a name the pages use.
fd_site 's|^    permalink: /tin-tuc/:slug/$|&\n    fields:\n      area_ha: nummber\n      title: text\n      url: text|'
"$bin" check --no-history --date 2030-01-01 --source "$fd/s" > /dev/null 2> "$fd/s.txt"
[ $? = 1 ] && ok || bad "fields: a broken declaration is not an error"
# The lines the sed script wrote: the first after `fields:`.
fd_l=$(grep -n '^      area_ha: nummber$' "$fd/s/content/site.yaml" | cut -d: -f1)
grep -q "^content/site.yaml:$fd_l:16: lỗi: .*«nummber».*\`number\`.*\[config\.field-type-near\]\$" "$fd/s.txt" &&
    grep -q "^content/site.yaml:$((fd_l + 1)):7: lỗi: .*\`title\`.*\[config\.field-of-kind\]\$" "$fd/s.txt" &&
    grep -q "^content/site.yaml:$((fd_l + 2)):7: lỗi: .*\`url\`.*\[config\.field-reserved\]\$" "$fd/s.txt" && ok ||
	{ bad "fields: declaration errors not located"; cat "$fd/s.txt"; }
