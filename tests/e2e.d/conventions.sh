# The conventions of a C project (issue 11): every command's -h/--help,
# --version naming the commit and the libraries, the man page rendering
# without a warning, and make install putting the binary, the man page
# and the default theme under PREFIX.
# Sourced by tests/e2e.sh (see tests/e2e.d/README).

cw="$work/conventions"
mkdir -p "$cw"

# --- -h and --help: the command's usage on stdout, exit 0 -------------
for c in build check serve render messages new schema; do
	for h in -h --help; do
		expect_exit 0 "$c $h" "$bin" "$c" "$h"
		head -1 "$work/out.txt" | grep -q "^usage: minhbach $c " && ok ||
			bad "$c $h: no 'usage: minhbach $c' on stdout"
		[ ! -s "$work/err.txt" ] && ok || bad "$c $h wrote to stderr"
		# Its own usage, not every command's.
		grep -q "minhbach --version" "$work/out.txt" &&
			bad "$c $h printed the general usage" || ok
	done
done
expect_exit 0 "-h" "$bin" -h
grep -q "^usage: minhbach build" "$work/out.txt" && ok || bad "-h: no usage"

# --- --version: version, commit, the four libraries -------------------
expect_exit 0 "--version" "$bin" --version
head -1 "$work/out.txt" | grep -q "^minhbach $(cat "$top/VERSION") (commit [0-9a-z-]*)$" && ok ||
	{ bad "--version: first line is not 'minhbach VERSION (commit ...)'"; cat "$work/out.txt"; }
for lib in cmark-gfm libgit2 libyaml utf8proc; do
	grep -q "^$lib [0-9][0-9.]*" "$work/out.txt" && ok ||
		bad "--version does not name $lib's version"
done
# Built by the Makefile from a git checkout: the commit is known.
if git -C "$top" rev-parse --short HEAD > "$cw/head" 2> /dev/null; then
	grep -q "(commit $(cat "$cw/head")" "$work/out.txt" && ok ||
		echo "NOTE: --version names another commit than HEAD (binary built before the last commit?)"
fi

# --- the man page renders without a warning ---------------------------
if command -v groff > /dev/null; then
	groff -mandoc -Tutf8 -ww -z "$top/minhbach.1" > "$cw/groff.txt" 2>&1
	[ $? = 0 ] && [ ! -s "$cw/groff.txt" ] && ok ||
		{ bad "minhbach.1: groff warns"; cat "$cw/groff.txt"; }
	LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$top/minhbach.1" > "$cw/man.txt" 2> "$cw/man.err"
	[ $? = 0 ] && [ ! -s "$cw/man.err" ] && ok ||
		{ bad "man -l minhbach.1 fails or warns"; cat "$cw/man.err"; }
	# Every command and every option of the usage is in the page.
	"$bin" 2> "$cw/usage.txt"
	for w in $(grep -o -- '--[a-z-]*' "$cw/usage.txt" | sort -u) \
	    build check serve render messages new schema; do
		grep -q -- "$w" "$cw/man.txt" && ok || bad "minhbach.1 does not document $w"
	done
elif [ "${CI:-}" = true ]; then
	bad "groff is missing: the man page is not checked"
else
	echo "NOTE: groff missing: minhbach.1 not rendered"
fi

# --- make install DESTDIR=... PREFIX=... ------------------------------
# The binary under test is the one installed (INSTALL_BIN; -o: make does
# not rebuild generator/minhbach).
if command -v make > /dev/null; then
	make -s -C "$top" -o generator/minhbach install DESTDIR="$cw/dest" \
	    PREFIX=/opt/mb INSTALL_BIN="$bin" > "$cw/install.txt" 2>&1
	[ $? = 0 ] && ok || { bad "make install fails"; cat "$cw/install.txt"; }
	p="$cw/dest/opt/mb"
	[ -x "$p/bin/minhbach" ] && cmp -s "$p/bin/minhbach" "$bin" && ok ||
		bad "make install: no bin/minhbach"
	[ -f "$p/share/man/man1/minhbach.1" ] && ok || bad "make install: no share/man/man1/minhbach.1"
	grep -q '/opt/mb/share/minhbach/themes/default/' "$p/share/man/man1/minhbach.1" && ok ||
		bad "make install: the man page does not name PREFIX's theme folder"
	for f in theme.yaml templates/base.mustache static; do
		[ -e "$p/share/minhbach/themes/default/$f" ] && ok ||
			bad "make install: no share/minhbach/themes/default/$f"
	done
	diff -r "$top/themes/default" "$p/share/minhbach/themes/default" > /dev/null && ok ||
		bad "make install: the installed theme differs from themes/default"
	make -s -C "$top" uninstall DESTDIR="$cw/dest" PREFIX=/opt/mb > "$cw/install.txt" 2>&1
	[ -z "$(find "$cw/dest" -type f)" ] && ok || bad "make uninstall left files"
else
	echo "NOTE: make missing: make install not tested"
fi
