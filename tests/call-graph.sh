#!/bin/sh
# No circle of calls between the generator's modules.  For every library
# object (generator/*.c and generator/*/*.c but main.c, compiled into
# $OBJDIR, default build/release), the global symbols it uses that
# another object defines are an edge "caller callee" (nm); tsort(1)
# then finds any loop.  The halves of one module that share a private
# X_impl.h (site.c, site_frames.c, site_lists.c) count as one module X.
# The kinds (generator/kinds/*.c) call the shared helpers (records.c,
# links.c, site_*), never each other: the table in kinds/kinds.c is the
# only way in.  Prints the loop and exits 1 when there is one.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
obj=${OBJDIR:-$top/build/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$top" || exit 2
: > "$work/def"
: > "$work/use"
for c in generator/*.c generator/*/*.c; do
	[ "$c" = generator/main.c ] && continue
	rel=${c#generator/}
	o="$obj/${rel%.c}.o"
	if [ ! -f "$o" ]; then
		echo "call-graph: $o is missing: build first (make all)" >&2
		exit 2
	fi
	# The module: the X of an X_impl.h it includes, else the file.
	mod=$(sed -n 's/^#include "\([a-z_]*\)_impl\.h".*/\1/p' "$c" |
	    head -n 1)
	[ -n "$mod" ] || mod=${rel%.c}
	nm -g --defined-only "$o" | awk -v m="$mod" 'NF == 3 {print $3, m}' \
	    >> "$work/def"
	nm -u "$o" | awk -v m="$mod" '{print $NF, m}' >> "$work/use"
done
sort -u "$work/def" > "$work/def.s"
sort -u "$work/use" > "$work/use.s"
# symbol user + symbol definer -> "user definer", self-calls left out.
join "$work/use.s" "$work/def.s" | awk '$2 != $3 {print $2, $3}' |
    sort -u > "$work/edges"
rc=0
if ! tsort "$work/edges" > /dev/null 2> "$work/loops"; then
	echo "call-graph: a circle of calls between modules:" >&2
	sed 's/^tsort: .*: input contains a loop:$/loop:/; s/^tsort: /  /' \
	    "$work/loops" >&2
	rc=1
fi
# Only the table reaches a kind; a kind reaches no other kind.
awk '$2 ~ /^kinds\// && $2 != "kinds/kinds" && $1 != "kinds/kinds"' \
    "$work/edges" > "$work/kinds"
if [ -s "$work/kinds" ]; then
	echo "call-graph: a kind called other than through the table:" >&2
	cat "$work/kinds" >&2
	rc=1
fi
[ "$rc" = 0 ] || exit 1
echo "call-graph: $(wc -l < "$work/edges") calls between modules, no circle"
