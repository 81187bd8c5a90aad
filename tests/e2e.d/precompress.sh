# build --precompress: a .gz twin of each text file of 256 bytes or more,
# that decompresses to the file, none for small or binary files, and two
# builds identical byte for byte (gzip -n: no name, no time).
pc="$work/precompress"
mkdir -p "$pc"
expect_exit 0 "build --precompress" "$bin" build --quiet --no-history \
	--date 2026-12-07 --precompress --source "$top" --out "$pc/a"
expect_exit 0 "build --precompress again" "$bin" build --quiet --no-history \
	--date 2026-12-07 --precompress --source "$top" --out "$pc/b"
diff -r "$pc/a" "$pc/b" > /dev/null && ok || bad "precompress: two builds differ"
[ -f "$pc/a/index.html.gz" ] && gzip -dc "$pc/a/index.html.gz" | cmp -s - "$pc/a/index.html" &&
	ok || bad "precompress: index.html.gz is not index.html compressed"
# (Output paths hold no spaces: they are slugs.)
missing=$(find "$pc/a" -type f \( -name '*.html' -o -name '*.css' -o -name '*.json' \
    -o -name '*.csv' -o -name '*.xml' -o -name '*.svg' \) -size +255c |
    while read -r f; do [ -f "$f.gz" ] || echo "$f"; done | wc -l)
extra=$(find "$pc/a" -type f -name '*.gz' |
    while read -r f; do [ "$(wc -c < "${f%.gz}")" -ge 256 ] || echo "$f"; done | wc -l)
[ "$missing" = 0 ] && ok || bad "precompress: $missing text files of 256 bytes or more have no .gz"
[ "$extra" = 0 ] && ok || bad "precompress: $extra files under 256 bytes got a .gz"
find "$pc/a" -name '*.png.gz' -o -name '*.pdf.gz' | grep -q . &&
	bad "precompress: a binary file was compressed" || ok
# Without the flag, no .gz at all.
expect_exit 0 "build without --precompress" "$bin" build --quiet --no-history \
	--date 2026-12-07 --source "$top" --out "$pc/c"
find "$pc/c" -name '*.gz' | grep -q . && bad "precompress: .gz written without the flag" || ok
