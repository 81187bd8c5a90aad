#!/bin/sh
# make tsan: the builds that run threads at once, under ThreadSanitizer
# ($TSAN, build/tsan/minhbach): the load's workers, the bodies' search
# terms read beside the model, the search index written beside the
# render, and the render itself as worker processes and, with
# MINHBACH_RENDER=threads, as threads.  The sample portal and a bench
# site of 400 pages, each built both ways and checked: no report (a
# race stops the build with exit 66), and the same bytes as the release
# binary ($MINHBACH) writes.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tsan=${TSAN:-$top/build/tsan/minhbach}
rel=${MINHBACH:-$top/generator/minhbach}
gen=${BENCHGEN:-$top/build/release/benchgen}
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"
export MINHBACH_STRICT_MESSAGES=1
pass=0
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$gen" "$work/bench" 400 > /dev/null
cp -R "$top/themes" "$work/bench/themes"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "tsan: FAIL: $*"; }

for site in sample bench; do
	if [ $site = sample ]; then src=$top; else src=$work/bench; fi
	"$rel" build --quiet --no-history --date 2026-01-01 --source "$src" \
	    --out "$work/$site-ref" 2> "$work/$site-ref.err"
	for mode in procs threads; do
		out=$work/$site-$mode
		if [ $mode = threads ]; then
			MINHBACH_RENDER=threads "$tsan" build --quiet --no-history \
			    --date 2026-01-01 --source "$src" --out "$out" \
			    2> "$out.err"
		else
			"$tsan" build --quiet --no-history --date 2026-01-01 \
			    --source "$src" --out "$out" 2> "$out.err"
		fi
		rc=$?
		if [ $rc -ne 0 ] || grep -q 'ThreadSanitizer' "$out.err"; then
			bad "$site, render as $mode: exit $rc"
			head -40 "$out.err"
			continue
		fi
		ok
		if diff -r "$work/$site-ref" "$out" > "$work/diff" &&
		    cmp -s "$work/$site-ref.err" "$out.err"; then
			ok
		else
			bad "$site, render as $mode: not what the release binary writes"
			head -20 "$work/diff"
		fi
	done
done
echo "tsan: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
