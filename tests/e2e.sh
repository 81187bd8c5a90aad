#!/bin/sh
# End-to-end behaviour that fixture folders cannot express: builds from a
# git commit (--ref), interrupted and killed builds, byte-identical
# rebuilds, `check` writing nothing, and the command line's exit codes.
# Uses the real binary ($MINHBACH) and real git repositories in a temp dir.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${MINHBACH:-$top/generator/minhbach}
gen=${BENCHGEN:-}
pass=0
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_exit() {	# want, description, command...
	want=$1; what=$2; shift 2
	"$@" > "$work/out.txt" 2> "$work/err.txt"
	got=$?
	if [ "$got" = "$want" ]; then ok; else
		bad "$what: exit $got, expected $want"; cat "$work/err.txt"; fi
}

# A small source folder: the golden 'basic' fixture with its theme.
src="$work/src"
mkdir -p "$src"
cp -R "$top/tests/golden/basic/content" "$src/content"
cp -R "$top/tests/golden/_theme" "$src/themes"

# --- command line ------------------------------------------------------
expect_exit 0 "--help" "$bin" --help
grep -q "minhbach build" "$work/out.txt" && ok || bad "--help prints usage"
expect_exit 0 "--version" "$bin" --version
expect_exit 2 "no command" "$bin"
expect_exit 2 "unknown command" "$bin" frobnicate
expect_exit 2 "unknown option" "$bin" build --frob
expect_exit 2 "missing value" "$bin" build --out
expect_exit 2 "render without --data" "$bin" render --template x

# --- check writes nothing ----------------------------------------------
expect_exit 0 "check" "$bin" check --quiet --source "$src"
[ ! -e "$src/site" ] && ok || bad "check wrote a site"

# --- two builds are byte-identical ---------------------------------------
expect_exit 0 "build 1" "$bin" build --quiet --source "$src" --out "$work/a"
expect_exit 0 "build 2" "$bin" build --quiet --source "$src" --out "$work/b" --jobs 1
diff -r "$work/a" "$work/b" > /dev/null && ok || bad "two builds differ"
# A rebuild into the same folder replaces it (the swap) and leaves no temp.
echo stale > "$work/a/stale.html"
expect_exit 0 "rebuild" "$bin" build --quiet --source "$src" --out "$work/a"
[ ! -e "$work/a/stale.html" ] && ok || bad "rebuild kept a stale file"
ls -a "$work" | grep -q minhbach-tmp && bad "temporary folder left" || ok

# --- refusals: a foreign non-empty folder, the source itself -------------
mkdir -p "$work/foreign" && echo mine > "$work/foreign/keep.txt"
expect_exit 2 "foreign folder" "$bin" build --quiet --source "$src" --out "$work/foreign"
[ "$(cat "$work/foreign/keep.txt")" = mine ] && ok || bad "foreign folder touched"
expect_exit 2 "out = source" "$bin" build --quiet --source "$src" --out "$src"
expect_exit 2 "out = /" "$bin" build --quiet --source "$src" --out /
expect_exit 2 "out in content" "$bin" build --quiet --source "$src" --out "$src/content/x"

# --- a broken build leaves the previous site -----------------------------
cp -R "$work/a" "$work/prev"
printf -- '---\ntitle: [broken\n---\n' > "$src/content/news/broken.md"
expect_exit 1 "broken content" "$bin" build --quiet --source "$src" --out "$work/a"
grep -q 'broken.md:[0-9]*:[0-9]*: error' "$work/err.txt" && ok || bad "error not located"
diff -r "$work/prev" "$work/a" > /dev/null && ok || bad "failed build changed the site"
rm "$src/content/news/broken.md"

# --- interrupted and killed builds ---------------------------------------
if [ -n "$gen" ]; then
	big="$work/big"
	"$gen" "$big" 3000 > /dev/null
	cp -R "$top/themes" "$big/themes"
	expect_exit 0 "big build" "$bin" build --quiet --source "$big" --out "$work/bigout"
	cp -R "$work/bigout" "$work/bigprev"
	for sig in TERM INT KILL; do
		"$bin" build --quiet --source "$big" --out "$work/bigout" --jobs 1 \
		    2> /dev/null &
		pid=$!
		sleep 0.05
		kill -$sig $pid 2> /dev/null
		wait $pid 2> /dev/null
		code=$?
		diff -r "$work/bigprev" "$work/bigout" > /dev/null && ok ||
			bad "SIG$sig during a build changed the site (exit $code)"
		if [ $sig != KILL ]; then
			ls -a "$work" | grep -q minhbach-tmp &&
				bad "SIG$sig left a temporary folder" || ok
		fi
	done
	# The next build clears what the killed one left, and succeeds.
	expect_exit 0 "build after kill" "$bin" build --quiet --source "$big" --out "$work/bigout"
	ls -a "$work" | grep -q minhbach-tmp && bad "stale temporary folder kept" || ok
fi

# --- builds from a git commit (--ref) ------------------------------------
if command -v git > /dev/null; then
	repo="$work/repo"
	mkdir -p "$repo"
	cp -R "$src/content" "$src/themes" "$repo/"
	(cd "$repo" && git init -q && git add -A &&
	 git -c user.name=Biên\ tập -c user.email=bt@example.invalid commit -qm "first" &&
	 git tag v1) || bad "git setup"
	sed -i 's/Tổng kết năm 2019./Tổng kết năm 2019 (sửa)./' \
	    "$repo/content/news/2020-01-15-hoi-nghi-can-bo.md"
	(cd "$repo" && git -c user.name=B -c user.email=b@example.invalid commit -qam "second")
	echo "uncommitted" >> "$repo/content/pages/gioi-thieu.md"
	expect_exit 0 "build --ref v1" "$bin" build --quiet --source "$repo" --ref v1 --out "$work/r1"
	grep -rq "(sửa)" "$work/r1" && bad "--ref v1 saw the later commit" || ok
	grep -rq "uncommitted" "$work/r1" && bad "--ref read the work tree" || ok
	expect_exit 0 "build --ref HEAD" "$bin" build --quiet --source "$repo" --ref HEAD --out "$work/r2"
	grep -rq "(sửa)" "$work/r2" && ok || bad "--ref HEAD missed the second commit"
	expect_exit 0 "build --ref v1 again" "$bin" build --quiet --source "$repo" --ref v1 --out "$work/r3"
	diff -r "$work/r1" "$work/r3" > /dev/null && ok || bad "two builds of one commit differ"
	expect_exit 2 "unknown ref" "$bin" build --quiet --source "$repo" --ref no-such-tag --out "$work/r4"
	expect_exit 2 "--ref outside git" "$bin" build --quiet --source "$src" --ref HEAD --out "$work/r5"
fi

echo "e2e: $pass passed, $fail failed"
[ "$fail" = 0 ]
