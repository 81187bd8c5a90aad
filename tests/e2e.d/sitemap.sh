# A sitemap file holds 50,000 URLs at most (sitemaps.org); a larger site
# gets sitemap-1.xml, sitemap-2.xml, … under a sitemap index at
# sitemap.xml (generator/feeds.c).  The sample portal is far below the
# limit, so MINHBACH_TEST_SITEMAP_MAX lowers it to 40 URLs a file: the
# files must hold every URL of the one-file sitemap, in its order, with
# its alternates, 40 at most each, and the index must name each file.
sm="$work/sitemap"
mkdir -p "$sm"
expect_exit 0 "sitemap: the sample in one file" "$bin" build --quiet \
    --no-history --date 2026-12-07 --source "$top" --out "$sm/one"
export MINHBACH_TEST_SITEMAP_MAX=40
expect_exit 0 "sitemap: the sample split" "$bin" build --quiet \
    --no-history --date 2026-12-07 --source "$top" --out "$sm/split"
unset MINHBACH_TEST_SITEMAP_MAX
grep -q '<urlset' "$sm/one/sitemap.xml" && ok ||
	bad "sitemap: the sample's sitemap.xml is not one urlset"
[ ! -e "$sm/one/sitemap-1.xml" ] && ok ||
	bad "sitemap: a small site got sitemap-1.xml"
n=$(grep -c '<loc>' "$sm/one/sitemap.xml")
[ "$n" -gt 80 ] && ok || bad "sitemap: only $n URLs in the sample (the test needs more than 2 files)"
grep -q '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' \
    "$sm/split/sitemap.xml" && ok || bad "sitemap: the split sitemap.xml is not a sitemap index"
files=$(ls "$sm/split" | grep -c '^sitemap-[0-9]*\.xml$')
[ "$files" = $(( (n + 39) / 40 )) ] && ok ||
	bad "sitemap: $files files for $n URLs at 40 a file"
: > "$sm/urls"
i=1
while [ -e "$sm/split/sitemap-$i.xml" ]; do
	f="$sm/split/sitemap-$i.xml"
	grep -q "<loc>https://[^<]*/sitemap-$i.xml</loc>" "$sm/split/sitemap.xml" && ok ||
		bad "sitemap: the index does not name sitemap-$i.xml"
	k=$(grep -c '<url>' "$f")
	[ "$k" -le 40 ] && [ "$k" -gt 0 ] && ok || bad "sitemap: sitemap-$i.xml has $k URLs"
	if command -v xmllint > /dev/null; then
		xmllint --noout "$f" 2> /dev/null && ok || bad "sitemap: sitemap-$i.xml is not well-formed"
	fi
	sed -e '1,/^<urlset/d' -e '/xmlns:xhtml/d' -e '/^<\/urlset>/d' "$f" >> "$sm/urls"
	i=$((i + 1))
done
sed -e '1,/^<urlset/d' -e '/xmlns:xhtml/d' -e '/^<\/urlset>/d' "$sm/one/sitemap.xml" |
    cmp -s - "$sm/urls" && ok ||
	bad "sitemap: the split files do not hold the one file's entries, in order"
if command -v xmllint > /dev/null; then
	xmllint --noout "$sm/split/sitemap.xml" 2> /dev/null && ok ||
		bad "sitemap: the sitemap index is not well-formed"
fi
grep -q "^Sitemap: https://[^ ]*/sitemap.xml$" "$sm/split/robots.txt" && ok ||
	bad "sitemap: robots.txt does not name sitemap.xml"
