#!/bin/sh
# make bench: generates a site of BENCH_PAGES Markdown pages (3-6 KB of
# Vietnamese text each, several collections), builds it BENCH_RUNS times
# and prints the median wall time, pages per second and peak memory; runs
# the reference (cmark-gfm alone, single-threaded, same bodies, also
# writing its output) the same way and prints the ratio; the same for
# records with undeclared and with declared extra fields; then the search
# index: its size, the first query's transfer and time, what it adds to
# the build.  Works in a tmpfs folder when /dev/shm exists, as the
# figures in the README do.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
B=${B:-$top/build}
N=${BENCH_PAGES:-10000}
RUNS=${BENCH_RUNS:-5}
base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
work=$(mktemp -d "$base/minhbach-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$B/release/benchgen" "$work/src" "$N" >/dev/null
cp -R "$top/themes" "$work/src/themes"
pages=$(find "$work/src/content" -name '*.md' | wc -l)
kb=$(du -sk "$work/src/content" | cut -f1)
echo "bench: $pages Markdown files, $kb KB of content, $RUNS runs each, in $base"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One run of each, RUNS times, alternating, so that a change in the
# machine's load falls on both alike; then the medians.
once() {	# file, command...: appends "seconds peak_kb cpu_seconds" to file
	f=$1; shift
	rm -rf "$work/out" "$work/cmark-out"; mkdir -p "$work/cmark-out"
	"$B/release/measure" "$@" 2>"$work/err" >>"$f" || {
		echo "bench: $* failed:"; cat "$work/err"; exit 1; }
}
stats() {	# file: the median seconds, the max peak, the median CPU
	t=$(cut -d' ' -f1 "$1" | median)
	rss=$(cut -d' ' -f2 "$1" | sort -n | tail -1)
	cpu=$(cut -d' ' -f3 "$1" | median)
	echo "$t $rss $cpu"
}
: > "$work/mtimes"
: > "$work/ctimes"
i=0
while [ $i -lt "$RUNS" ]; do
	once "$work/mtimes" "${MINHBACH:-$top/generator/minhbach}" build --quiet \
	    --source "$work/src" --out "$work/out"
	once "$work/ctimes" "$B/release/cmarkbench" "$work/src" "$work/cmark-out"
	i=$((i + 1))
done
set -- $(stats "$work/mtimes")
mt=$1; mrss=$2; mcpu=$3
set -- $(stats "$work/ctimes")
ct=$1; crss=$2; ccpu=$3
npages=$(find "$work/src/content" -name '*.md' | wc -l)
awk -v mt="$mt" -v ct="$ct" -v n="$npages" -v mrss="$mrss" -v crss="$crss" \
    -v mcpu="$mcpu" -v ccpu="$ccpu" 'BEGIN {
	printf "minhbach build:          %.3f s median, %d pages/s, peak memory %.1f MB, CPU %.3f s\n", mt, n / mt, mrss / 1024, mcpu
	printf "cmark-gfm alone (1 core): %.3f s median, %d pages/s, peak memory %.1f MB, CPU %.3f s\n", ct, n / ct, crss / 1024, ccpu
	printf "ratio minhbach / cmark-gfm: %.2f\n", mt / ct
}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"

# Records with fields their kind does not know (zone, sector, area_ha on
# every record: three warnings each, summarised), then the same fields
# declared in site.yaml (no warnings): same bodies, so the same
# reference.  BENCH_FIELDS=0 leaves it out.
if [ "${BENCH_FIELDS:-1}" = 1 ]; then
	for mode in extra declared; do
		rm -rf "$work/src-$mode"
		"$B/release/benchgen" "$work/src-$mode" "$N" "$mode" >/dev/null
		cp -R "$top/themes" "$work/src-$mode/themes"
		: > "$work/ftimes"
		i=0
		while [ $i -lt "$RUNS" ]; do
			once "$work/ftimes" "${MINHBACH:-$top/generator/minhbach}" \
			    build --quiet --source "$work/src-$mode" --out "$work/out"
			i=$((i + 1))
		done
		set -- $(stats "$work/ftimes")
		lines=$(wc -l < "$work/err")
		awk -v m="$mode" -v t="$1" -v ct="$ct" -v rss="$2" -v l="$lines" 'BEGIN {
			printf "fields %-8s: %.3f s median, ratio to cmark-gfm %.2f, peak memory %.1f MB, %d lines on stderr\n", m, t, t / ct, rss / 1024, l
		}'
		rm -rf "$work/src-$mode"
	done
fi

# The history walk: a repository of BENCH_COMMITS commits touching
# BENCH_FILES files, made directly with libgit2, walked as a build does.
if [ "${BENCH_HISTORY:-1}" = 1 ]; then
	"$B/release/histbench" "$work/hist" "${BENCH_COMMITS:-10000}" "${BENCH_FILES:-5000}"
fi

# The search index (generator/search.c) of the site above: its size, what
# the first query for common words loads (meta.json, the terms' shards,
# the chunks of the ten results shown) and what it adds to the build:
# above all the build of the same site with a theme without the search
# page (no index made or written); then --timings' "search" stage (the
# search pages; the bodies' terms, read beside the model, joined) and
# the index's time beside the render (made and written by the parent
# while the workers render).
# Builds with and without alternate, so that a change in the machine's
# load falls on both alike.
# A difference of a few per cent needs more runs than the build's
# median: BENCH_SEARCH_RUNS pairs (default 15, at least BENCH_RUNS).
cp -R "$work/src" "$work/src-nosearch"
rm "$work/src-nosearch/themes/default/templates/search.mustache"
: > "$work/with"
: > "$work/without"
SRUNS=${BENCH_SEARCH_RUNS:-15}
[ "$SRUNS" -ge "$RUNS" ] || SRUNS=$RUNS
i=0
while [ $i -lt "$SRUNS" ]; do
	for v in with without; do
		src=$work/src
		[ $v = with ] || src=$work/src-nosearch
		rm -rf "$work/out"
		"$B/release/measure" "${MINHBACH:-$top/generator/minhbach}" build --quiet \
		    --source "$src" --out "$work/out" 2>"$work/err" >>"$work/$v" || {
			echo "bench: build $v search failed:"; cat "$work/err"; exit 1; }
	done
	i=$((i + 1))
done
rm -rf "$work/src-nosearch"
wt=$(cut -d' ' -f1 "$work/with" | median)
nt=$(cut -d' ' -f1 "$work/without" | median)
wm=$(cut -d' ' -f1 "$work/with" | awk '{ s += $1 } END { print s / NR }')
nm=$(cut -d' ' -f1 "$work/without" | awk '{ s += $1 } END { print s / NR }')
awk -v wt="$wt" -v nt="$nt" -v wm="$wm" -v nm="$nm" -v n="$SRUNS" 'BEGIN {
	printf "search adds %.3f s to the build: %.3f s with it, %.3f s without (medians of %d runs each, alternating): %.1f %% (by the means %.1f %%)\n", wt - nt, wt, nt, n, 100 * (wt - nt) / nt, 100 * (wm - nm) / nm
}'
"${MINHBACH:-$top/generator/minhbach}" build --quiet --timings --source "$work/src" \
    --out "$work/out" 2>"$work/timings"
idx="$work/out/tim-kiem/idx/vi"
if [ -f "$idx/meta.json" ]; then
	ikb=$(du -sk "$work/out/tim-kiem/idx" | cut -f1)
	nf=$(find "$work/out/tim-kiem/idx" -type f | wc -l)
	# the serial stage (search pages, the bodies' terms joined) and
	# the index made and written beside the render (in parentheses,
	# not a stage of its own: not in the sum)
	st=$(sed -n 's/.* search \([0-9]*\) ms.*/\1/p' "$work/timings")
	bt=$(sed -n 's/.*(search index beside it \([0-9]*\) ms).*/\1/p' "$work/timings")
	tt=$(sed 's/([^)]*)//g' "$work/timings" | awk '/timings:/ { for (i = 1; i <= NF; i++) if ($i == "ms") s += $(i - 1) } END { print s }')
	awk -v st="$st" -v bt="${bt:-0}" -v tt="$tt" -v k="$ikb" -v nf="$nf" 'BEGIN {
		printf "search index: %d KB in %d files (all languages); its serial stage %d ms, %.1f %% of this build (%d ms by --timings); made and written beside the render in %d ms\n", k, nf, st, 100 * st / tt, tt, bt
	}'
	if command -v node > /dev/null; then
		for q in "ngân sách" "khu công nghiệp" "thanh tra"; do
			set -- $(node "$top/tests/search/query.mjs" "$work/out" bench "$q")
			printf 'search "%s": %d results; first query loads %d files, %.1f KB (%.1f KB gzipped), %s ms in node; after load %s ms\n' \
			    "$q" "$4" "$3" "$(echo "$1" | awk '{print $1 / 1024}')" "$(echo "$2" | awk '{print $1 / 1024}')" "$5" "$6"
		done
	else
		echo "search: node not installed, no query figures"
	fi
fi
