#!/bin/sh
# End-to-end tests: builds every fixture site under tests/golden/<case>/
# with the real binary ($MINHBACH) and compares what it did with what the
# case expects:
#   content/ [themes/]   the source; themes/ defaults to tests/golden/_theme
#                        (a small fixed theme), or the project's themes/
#                        when the case holds a file project-theme
#   project-content      (a file) build the project's own content/ instead
#   expect/              the output tree, byte for byte (optional)
#   stderr               the diagnostics, exactly (default: none)
#   exit                 the exit status (default 0)
#   args                 extra arguments for `minhbach build`
#   previous/            an earlier site put in --out first; with a non-zero
#                        exit it must survive byte for byte
#   cmd                  "check" to run `minhbach check` instead of build
# BLESS=1 rewrites expect/, stderr and exit from what the binary does.
set -u
# An unknown message id or a wrong argument count aborts (messages.h).
export MINHBACH_STRICT_MESSAGES=1
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${MINHBACH:-$top/generator/minhbach}
pass=0
fail=0
failed=
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for dir in "$top"/tests/golden/[!_]*/; do
	case=$(basename "$dir")
	t="$work/$case"
	mkdir -p "$t/src"
	if [ -f "$dir/project-content" ]; then
		cp -R "$top/content" "$t/src/content"
	else
		cp -R "$dir/content" "$t/src/content"
	fi
	if [ -d "$dir/themes" ]; then
		cp -R "$dir/themes" "$t/src/themes"
	elif [ -f "$dir/project-theme" ]; then
		cp -R "$top/themes" "$t/src/themes"
	else
		cp -R "$top/tests/golden/_theme" "$t/src/themes"
	fi
	if [ -d "$dir/previous" ]; then
		cp -R "$dir/previous" "$t/out"
		: > "$t/out/.minhbach"
	fi
	cmd=build
	[ -f "$dir/cmd" ] && cmd=$(cat "$dir/cmd")
	args=
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	if [ "$cmd" = build ]; then
		outarg="--out ../out"
	else
		outarg=
	fi
	# shellcheck disable=SC2086
	(cd "$t/src" && SOURCE_DATE_EPOCH=1700000000 "$bin" $cmd --quiet \
	    --source . $outarg $args) > "$t/stdout" 2> "$t/stderr"
	code=$?
	want_exit=0
	[ -f "$dir/exit" ] && want_exit=$(cat "$dir/exit")

	if [ "${BLESS:-}" = 1 ]; then
		[ "$code" != 0 ] && echo "$code" > "$dir/exit" || rm -f "$dir/exit"
		if [ -s "$t/stderr" ]; then cp "$t/stderr" "$dir/stderr"; else rm -f "$dir/stderr"; fi
		if [ "$code" = 0 ] && [ "$cmd" = build ] && [ ! -f "$dir/no-expect" ]; then
			rm -rf "$dir/expect"
			cp -R "$t/out" "$dir/expect"
			rm -f "$dir/expect/.minhbach"
		fi
		echo "blessed: $case"
		continue
	fi

	ok=1
	if [ "$code" != "$want_exit" ]; then
		echo "FAIL $case: exit $code, expected $want_exit"; ok=0
	fi
	if [ -f "$dir/stderr" ]; then
		diff -u "$dir/stderr" "$t/stderr" > "$t/d" || {
			echo "FAIL $case: stderr differs"; cat "$t/d"; ok=0; }
	elif [ -s "$t/stderr" ]; then
		echo "FAIL $case: unexpected stderr:"; cat "$t/stderr"; ok=0
	fi
	if [ -d "$dir/expect" ]; then
		diff -r -u -x .minhbach "$dir/expect" "$t/out" > "$t/d" || {
			echo "FAIL $case: output differs"; head -60 "$t/d"; ok=0; }
	fi
	if [ -d "$dir/previous" ] && [ "$want_exit" != 0 ]; then
		diff -r -x .minhbach "$dir/previous" "$t/out" > "$t/d" || {
			echo "FAIL $case: the previous site was changed"; head -20 "$t/d"; ok=0; }
		# No temporary folder may be left behind.
		if ls -a "$t" | grep -q 'minhbach-tmp'; then
			echo "FAIL $case: a temporary folder was left behind"; ok=0
		fi
	fi
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); failed="$failed $case"
	fi
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ] || { echo "failed:$failed"; exit 1; }
