#!/bin/sh
# Writes the catalogue section of the editors' guide (content/README.md,
# between the two "messages" markers) from the built-in catalogue:
#   sh generator/messages-doc.sh MINHBACH           rewrite the section
#   sh generator/messages-doc.sh MINHBACH --check   exit 1 if it drifted
set -eu
bin=$1
guide=content/README.md
begin='<!-- messages: begin (make messages-doc writes this section from generator/messages_*.yaml) -->'
end='<!-- messages: end -->'
tmp=$(mktemp)
sec=$(mktemp)
trap 'rm -f "$tmp" "$sec"' EXIT
"$bin" messages --markdown > "$sec"
grep -qxF "$begin" "$guide" || { echo "$guide: no line '$begin'" >&2; exit 1; }
grep -qxF "$end" "$guide" || { echo "$guide: no line '$end'" >&2; exit 1; }
awk -v b="$begin" -v e="$end" -v f="$sec" '
	$0 == b { print; while ((getline l < f) > 0) print l; skip = 1; next }
	$0 == e { skip = 0 }
	!skip { print }
' "$guide" > "$tmp"
if [ "${2:-}" = --check ]; then
	if ! cmp -s "$tmp" "$guide"; then
		echo "$guide: the catalogue section differs from generator/messages_*.yaml; run make messages-doc" >&2
		diff -u "$guide" "$tmp" | head -40 >&2
		exit 1
	fi
	exit 0
fi
cat "$tmp" > "$guide"
