# `check` is `build` without writing (issue 10): for every golden case
# where `build` fails, `check` fails with the same status and the same
# diagnostics; and the Markdown table bomb (a 14 KB body that cmark would
# pad to millions of cells) is a located error in both, quickly and in
# little memory.  Sourced by tests/e2e.sh.

cb="$work/check-build"
mkdir -p "$cb"

# The source of golden case $1 in folder $2, as tests/golden.sh makes it.
cb_source() {
	mkdir -p "$2"
	if [ -f "$1/project-content" ]; then
		cp -R "$top/content" "$2/content"
	else
		cp -R "$1/content" "$2/content"
	fi
	if [ -d "$1/themes" ]; then
		cp -R "$1/themes" "$2/themes"
	elif [ -f "$1/project-theme" ]; then
		cp -R "$top/themes" "$2/themes"
	else
		cp -R "$top/tests/golden/_theme" "$2/themes"
	fi
}

# Runs `minhbach $1` in source $2 (build into $2/../out); stderr without
# its last line (the summary, which names the command) to $3; the exit
# status to $3.rc.
cb_run() {
	if [ "$1" = build ]; then
		(cd "$2" && "$bin" build --source . --out ../out) \
		    > /dev/null 2> "$3.all"
	else
		(cd "$2" && "$bin" check --source .) > /dev/null 2> "$3.all"
	fi
	echo $? > "$3.rc"
	sed '$d' "$3.all" > "$3"
}

cb_cases=0
for dir in "$top"/tests/golden/[!_]*/; do
	case=$(basename "$dir")
	[ -f "$dir/exit" ] && [ "$(cat "$dir/exit")" != 0 ] || continue
	[ -f "$dir/cmd" ] && continue		# a case of check already
	# --out is build's own argument: its refusals have no check.
	if [ -f "$dir/args" ] && grep -q -- '--out' "$dir/args"; then
		continue
	fi
	cb_cases=$((cb_cases + 1))
	cb_source "$dir" "$cb/$case/src"
	cb_run build "$cb/$case/src" "$cb/$case/build"
	cb_run check "$cb/$case/src" "$cb/$case/check"
	if [ "$(cat "$cb/$case/build.rc")" = "$(cat "$cb/$case/check.rc")" ] &&
	    [ "$(cat "$cb/$case/check.rc")" != 0 ]; then ok; else
		bad "check-build $case: build exit $(cat "$cb/$case/build.rc"), check exit $(cat "$cb/$case/check.rc")"
	fi
	if cmp -s "$cb/$case/build" "$cb/$case/check" &&
	    [ -s "$cb/$case/check" ]; then ok; else
		bad "check-build $case: check's diagnostics differ from build's"
		diff "$cb/$case/build" "$cb/$case/check" | head -10
	fi
	[ ! -e "$cb/$case/out" ] && ok ||
	    bad "check-build $case: a failed build wrote its output"
done
# The fixtures the issue names are among them.
for c in template-partial-missing template-layout-missing template-recursive \
    template-broken theme-missing table-limit collision refuse; do
	[ -d "$cb/$c" ] && ok || bad "check-build: fixture $c was not compared"
done
# One broken template, one message: not also "the theme has no template".
grep -q 'theme.template-missing' "$cb/template-broken/check" &&
    bad "check-build: a template that does not compile is also missing" || ok
[ "$(grep -c 'template.partial-missing' \
    "$cb/template-partial-missing/check")" = 1 ] && ok ||
    bad "check-build: a missing partial is not reported exactly once"

# --- the table bomb ------------------------------------------------------
# A header of $1 columns, its delimiter row and $2 one-letter rows: cmark
# would give every row $1 cells.  Refused from the source, before cmark
# parses it (markdown.h, MARKDOWN_MAX_TABLE_CELLS).
cb_bomb() {
	b="$cb/bomb-$1x$2"
	cb_source "$top/tests/golden/basic" "$b/src"
	{
		printf -- '---\ntitle: Bom\ndate: 2020-05-01\n---\n\n'
		awk -v C="$1" -v R="$2" 'BEGIN {
			s = ""; for (c = 0; c < C; c++) s = s "|a"; print s "|"
			s = ""; for (c = 0; c < C; c++) s = s "|-"; print s "|"
			for (r = 0; r < R; r++) print "x"
		}'
	} > "$b/src/content/news/2020-05-01-bom.md"
	for cmd in build check; do
		if [ "$cmd" = build ]; then set -- --out ../out; else set --; fi
		(cd "$b/src" && /usr/bin/time -v "$bin" "$cmd" --quiet \
		    --source . "$@") > /dev/null 2> "$b/$cmd.err"
		rc=$?
		[ "$rc" = 1 ] && ok || bad "table bomb $b $cmd: exit $rc"
		# The table's first line: line 6 of the file, column 1.
		grep -q '^content/news/2020-05-01-bom.md:6:1: .*\[markdown.table-too-large\]$' \
		    "$b/$cmd.err" && ok ||
		    bad "table bomb $b $cmd: no located error"
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' \
		    "$b/$cmd.err")
		wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' \
		    "$b/$cmd.err")
		secs=$(echo "$wall" | awk -F: '{ s = 0
			for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
		echo "check-build: table bomb $(basename "$b") $cmd:" \
		    "$secs s, max RSS $rss KB"
		[ -n "$rss" ] && [ "$rss" -lt 100000 ] && ok ||
		    bad "table bomb $b $cmd: max RSS ${rss:-?} KB (limit 100000)"
		# Well under a second here; 3 s leaves room for a loaded machine.
		awk -v s="${secs:-99}" 'BEGIN { exit !(s < 3) }' && ok ||
		    bad "table bomb $b $cmd: ${secs:-?} s (limit 3 s)"
	done
	[ ! -e "$b/out" ] && ok || bad "table bomb $b: build wrote its output"
}
cb_bomb 1000 5000
cb_bomb 2000 5000
echo "check-build: $cb_cases failing golden builds compared with check"
# The guide's example of the table limit is what the table-limit case prints.
grep -qxF "$(cat "$top/tests/golden/table-limit/stderr")" \
    "$top/content/README.md" && ok ||
    bad "content/README.md: the table-limit example is not what minhbach prints"
