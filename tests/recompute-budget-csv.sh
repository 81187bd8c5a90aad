#!/bin/sh
# Recomputes every published budget CSV as a reader would, from the CSV
# alone: each parent row against the sum of its lines, each difference
# column against its two columns, and each identity of the companion
# du-lieu.identities.csv.  Exact: figures are added as decimal digit
# strings, never as floating point, so any size is exact.
#
#   sh tests/recompute-budget-csv.sh PATH...
#
# A PATH is a CSV file or a folder searched for du-lieu.csv files (a built
# site: every record's and every series' table).  Prints one line per
# difference; exits 0 when at least one table was read and nothing
# differs, 1 otherwise.  POSIX sh and awk only (CI has no Python).
#
# The CSV it reads (README.md, "Transparency records"): UTF-8 with BOM,
# CRLF; columns 1-6 are the row code, level, parent's code, kind (sum,
# stated, of_which, heading, total), STT and label; then one column per
# figure.  A heading ending "(%)" is a percentage (not summed); one of the
# form "L (unit) = A - B" is the difference of the columns headed
# "A (unit)" and "B (unit)"; every other figure column is an amount.
# A parent is the row whose code a row names as its parent; the total row
# (kind total) adds the top-level rows.  "of which" and heading rows are
# never added.  As the generator does, a parent is checked in a column
# when one of its lines has a figure there (an empty cell counts 0).
set -u
status=0
n=0
list=$(mktemp)
trap 'rm -f "$list"' EXIT
for p in "$@"; do
	if [ -d "$p" ]; then
		find "$p" -name du-lieu.csv | LC_ALL=C sort
	else
		echo "$p"
	fi
done > "$list"
while IFS= read -r f; do
	[ -n "$f" ] || continue
	if [ ! -f "$f" ]; then
		echo "$f: no such file"
		status=1
		continue
	fi
	ids=${f%.csv}.identities.csv
	[ -f "$ids" ] || ids=/dev/null
	n=$((n + 1))
	awk -v name="$f" -v idsname="$ids" '
# --- reading CSV: quoted fields, "" escapes, BOM, CRLF, joined lines ---
function parse(line, out,    i, c, field, nf, q) {
	nf = 0; field = ""; q = 0
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (q) {
			if (c == "\"") {
				if (substr(line, i + 1, 1) == "\"") {
					field = field "\""; i++
				} else
					q = 0
			} else
				field = field c
		} else if (c == "\"")
			q = 1
		else if (c == ",") {
			out[++nf] = field; field = ""
		} else
			field = field c
	}
	out[++nf] = field
	return nf
}
function clean(s) {
	sub(/\r$/, "", s)
	sub(/^\357\273\277/, "", s)
	return s
}
function quotes(s,    t) {
	t = s
	return gsub(/"/, "", t)
}
# --- exact decimals: sign and digit strings scaled to "scale" decimals ---
function isnum(s) {
	return s ~ /^-?[0-9]+(\.[0-9]+)?$/
}
function decs(s) {
	return index(s, ".") ? length(s) - index(s, ".") : 0
}
function strip(m) {
	sub(/^0+/, "", m)
	return m == "" ? "0" : m
}
# s scaled: "-12.5" at scale 2 -> "-1250"
function scaled(s,    neg, ip, fp) {
	neg = substr(s, 1, 1) == "-"
	if (neg)
		s = substr(s, 2)
	ip = s; fp = ""
	if (index(s, ".")) {
		ip = substr(s, 1, index(s, ".") - 1)
		fp = substr(s, index(s, ".") + 1)
	}
	while (length(fp) < scale)
		fp = fp "0"
	s = strip(ip fp)
	return (neg && s != "0") ? "-" s : s
}
function ucmp(a, b) {
	if (length(a) != length(b))
		return length(a) < length(b) ? -1 : 1
	return a < b ? -1 : (a > b ? 1 : 0)
}
function uadd(a, b,    r, i, j, c, d) {
	r = ""; c = 0; i = length(a); j = length(b)
	while (i > 0 || j > 0 || c) {
		d = c + (i > 0 ? substr(a, i, 1) : 0) + (j > 0 ? substr(b, j, 1) : 0)
		c = d >= 10; r = (d % 10) r
		i--; j--
	}
	return strip(r)
}
function usub(a, b,    r, i, j, c, d) {	# a >= b
	r = ""; c = 0; i = length(a); j = length(b)
	while (i > 0) {
		d = substr(a, i, 1) - c - (j > 0 ? substr(b, j, 1) : 0)
		c = d < 0; if (c) d += 10
		r = d r
		i--; j--
	}
	return strip(r)
}
function sadd(a, b,    na, nb, r) {
	na = substr(a, 1, 1) == "-"; if (na) a = substr(a, 2)
	nb = substr(b, 1, 1) == "-"; if (nb) b = substr(b, 2)
	if (na == nb)
		r = uadd(a, b)
	else if (ucmp(a, b) >= 0) {
		r = usub(a, b); nb = na
	} else
		r = usub(b, a)
	return (nb && r != "0") ? "-" r : r
}
function neg(a) {
	return a == "0" ? a : (substr(a, 1, 1) == "-" ? substr(a, 2) : "-" a)
}
# back to the CSV style: "-1250" at scale 2 -> "-12.50"
function show(a,    s, m) {
	s = substr(a, 1, 1) == "-"; m = s ? substr(a, 2) : a
	if (scale > 0) {
		while (length(m) <= scale)
			m = "0" m
		m = substr(m, 1, length(m) - scale) "." substr(m, length(m) - scale + 1)
	}
	return (s ? "-" : "") m
}
function differs(what) {
	print name ": " what
	bad++
}
# --- the table ---
BEGIN { bad = 0; nrec = 0; pending = "" }
{
	line = clean($0)
	if (pending != "")
		line = pending "\n" line
	if (quotes(line) % 2) {
		pending = line
		next
	}
	pending = ""
	nf = parse(line, f)
	if (++nrec == 1) {
		ncol = nf
		if (nf < 6) {
			differs("the heading has " nf " columns, expected at least 6")
			exit
		}
		for (k = 7; k <= nf; k++) {
			head[k] = f[k]
			colof[f[k]] = k
			if (f[k] ~ /\(%\)$/)
				type[k] = "percent"
			else if (index(f[k], ") = "))
				type[k] = "difference"
			else
				type[k] = "amount"
		}
		next
	}
	nrows++
	if (nf != ncol)
		differs("line " nrec " has " nf " fields, the heading " ncol)
	code[nrows] = f[1]; parent[nrows] = f[3]; kind[nrows] = f[4]
	if (f[1] in row)
		differs("row \"" f[1] "\" appears twice")
	row[f[1]] = nrows
	for (k = 7; k <= ncol; k++) {
		cell[nrows, k] = f[k]
		if (f[k] != "" && !isnum(f[k]))
			differs("row \"" f[1] "\", column \"" head[k] "\": \"" f[k] "\" is not a plain decimal")
		else if (type[k] != "percent" && decs(f[k]) > scale)
			scale = decs(f[k])
	}
}
END {
	if (nrec == 0) {
		differs("empty file")
		exit 1
	}
	# The lines of each parent, in file order.
	for (i = 1; i <= nrows; i++) {
		if (kind[i] == "of_which" || kind[i] == "heading" ||
		    kind[i] == "total")
			continue
		p = parent[i]
		if (p != "" && !(p in row)) {
			differs("row \"" code[i] "\" names parent \"" p "\", which is not in the table")
			continue
		}
		kids[p] = kids[p] " " i
	}
	for (i = 1; i <= nrows; i++)
		if (kind[i] == "total")
			kids[code[i]] = kids[""]
	checked = 0
	for (i = 1; i <= nrows; i++) {
		if (!(code[i] in kids) || kind[i] == "heading")
			continue
		nk = split(kids[code[i]], kl, " ")
		for (k = 7; k <= ncol; k++) {
			if (type[k] != "amount")
				continue
			any = 0; sum = "0"
			for (j = 1; j <= nk; j++)
				if (cell[kl[j], k] != "") {
					any = 1
					sum = sadd(sum, scaled(cell[kl[j], k]))
				}
			if (!any)
				continue
			checked++
			if (cell[i, k] == "") {
				if (kind[i] != "total")
					differs("row \"" code[i] "\", column \"" head[k] "\": no figure, but its lines add up to " show(sum))
			} else if (scaled(cell[i, k]) != sum)
				differs("row \"" code[i] "\", column \"" head[k] "\": " cell[i, k] " stated, its lines add up to " show(sum))
		}
	}
	# Differences: "L (unit) = A - B" is column "A (unit)" - "B (unit)".
	for (k = 7; k <= ncol; k++) {
		if (type[k] != "difference")
			continue
		h = head[k]
		u = substr(h, 1, index(h, ") = "))
		sub(/^.* \(/, "(", u)
		rest = substr(h, index(h, ") = ") + 4)
		sep = index(rest, " - ")
		a = substr(rest, 1, sep - 1) " " u
		b = substr(rest, sep + 3) " " u
		if (!sep || !(a in colof) || !(b in colof)) {
			differs("column \"" h "\": its two columns are not in the table")
			continue
		}
		for (i = 1; i <= nrows; i++) {
			x = cell[i, colof[a]]; y = cell[i, colof[b]]
			if (x == "" || y == "")
				continue
			checked++
			d = sadd(scaled(x), neg(scaled(y)))
			if (cell[i, k] == "" || scaled(cell[i, k]) != d)
				differs("row \"" code[i] "\", column \"" h "\": \"" cell[i, k] "\" stated, " x " - " y " is " show(d))
		}
	}
	# Identities: "A.I,A.II+A.III" in the companion file.
	nid = 0
	while ((getline l < idsname) > 0) {
		l = clean(l)
		if (++nid == 1 || l == "")
			continue
		parse(l, g)
		if (!(g[1] in row)) {
			differs("identity of row \"" g[1] "\": no such row")
			continue
		}
		ne = split(g[2], el, "+")
		for (k = 7; k <= ncol; k++) {
			if (type[k] != "amount" || cell[row[g[1]], k] == "")
				continue
			any = 0; sum = "0"
			for (j = 1; j <= ne; j++) {
				if (!(el[j] in row)) {
					differs("identity of row \"" g[1] "\": no row \"" el[j] "\"")
					continue
				}
				if (cell[row[el[j]], k] != "") {
					any = 1
					sum = sadd(sum, scaled(cell[row[el[j]], k]))
				}
			}
			if (!any)
				continue
			checked++
			if (scaled(cell[row[g[1]], k]) != sum)
				differs("row \"" g[1] "\" = " g[2] ", column \"" head[k] "\": " cell[row[g[1]], k] " stated, the rows add up to " show(sum))
		}
	}
	if (bad)
		exit 1
	printf "%s: %d rows, %d figures recomputed, no difference\n", name, nrows, checked > "/dev/stderr"
}
' "$f" || status=1
done < "$list"
if [ "$n" -eq 0 ]; then
	echo "no budget CSV found in: $*"
	status=1
fi
exit $status
