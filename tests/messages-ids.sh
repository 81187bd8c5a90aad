#!/bin/sh
# The catalogue and the code agree: every id the code passes to
# diag_error, diag_warning or diag_say is in generator/messages_*.yaml,
# and every id of the catalogue is used somewhere in generator/.
# Prints what disagrees and exits 1.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${MINHBACH:-$top/generator/minhbach}
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" messages | cut -f1 | sort -u > "$tmp/catalogue"
# Ids in a diag call: every string literal shaped like an id between the
# call's opening parenthesis and its semicolon (ternaries included).
perl -0777 -ne '
	while (/\bdiag_(?:error|warning|say)\s*\(([^;]*);/g) {
		my $call = $1;
		while ($call =~ /"([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)"/g) {
			print "$1\n";
		}
	}' generator/*.c generator/*/*.c | sort -u > "$tmp/used"
# Every id literal anywhere in the code (an id may be chosen in a
# variable before the call).
cat generator/*.c generator/*/*.c | grep -o '"[a-z][a-z0-9-]*\.[a-z0-9.-]*"' |
    tr -d '"' | sort -u > "$tmp/literals"
rc=0
for id in $(comm -23 "$tmp/used" "$tmp/catalogue"); do
	echo "messages: '$id' is used in generator/ but not in the catalogue" >&2
	rc=1
done
for id in $(comm -23 "$tmp/catalogue" "$tmp/literals"); do
	echo "messages: '$id' is in the catalogue but no code uses it" >&2
	rc=1
done
n=$(wc -l < "$tmp/catalogue")
[ $rc = 0 ] && echo "messages: $n ids, each used, each in the catalogue"
exit $rc
