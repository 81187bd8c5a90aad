# Budget tables as XLSX (issue 12): every du-lieu.xlsx of the sample
# portal (each budget's, each unit's budget series'), read back with
# Debian's python3-openpyxl (tests/xlsx-vs-csv.py), holds its CSV cell
# for cell, figures as numbers; two builds, in two
# time zones, give byte-identical workbooks.  Sourced by tests/e2e.sh.
xw="$work/xlsx"
mkdir -p "$xw"

# A python3 that has openpyxl: the one on PATH, or Debian's (a python
# from pyenv or a venv does not see Debian's packages).
xlsx_py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' > /dev/null 2>&1; then
		xlsx_py=$p
		break
	fi
done

"$bin" build --quiet --no-history --source "$top" --out "$xw/a" \
    > /dev/null 2> "$xw/a.err"
[ $? = 0 ] && ok || { bad "xlsx: the sample does not build"; cat "$xw/a.err"; }
TZ=Asia/Ho_Chi_Minh "$bin" build --quiet --no-history --source "$top" \
    --out "$xw/b" > /dev/null 2> "$xw/b.err"
[ $? = 0 ] && ok || { bad "xlsx: the sample does not build"; cat "$xw/b.err"; }

xn=0
for x in $(cd "$xw/a" && find . -name du-lieu.xlsx | sort); do
	xn=$((xn + 1))
	c="${x%.xlsx}.csv"
	[ -f "$xw/a/$c" ] && ok || bad "xlsx: $x has no CSV beside it"
	cmp -s "$xw/a/$x" "$xw/b/$x" && ok ||
	    bad "xlsx: $x differs between two builds"
	# The budget page links it beside the CSV.
	grep -q 'href="[^"]*du-lieu.xlsx"' "$xw/a/${x%du-lieu.xlsx}index.html" &&
	    ok || bad "xlsx: ${x%du-lieu.xlsx}index.html does not link it"
	if [ -n "$xlsx_py" ]; then
		"$xlsx_py" "$top/tests/xlsx-vs-csv.py" "$xw/a/$x" "$xw/a/$c" \
		    > /dev/null 2> "$xw/cmp.err" && ok ||
		    { bad "xlsx: $x is not its CSV"; cat "$xw/cmp.err"; }
	fi
done
# One per budget of content/budgets (the history pages have theirs too).
nb=$(find "$top/content/budgets" -name '*.yaml' | wc -l)
[ "$xn" -ge "$nb" ] && [ "$nb" -gt 0 ] && ok ||
    bad "xlsx: $xn workbooks for $nb budgets"

# A label that a spreadsheet would take for a formula: the CSV guards it
# with an apostrophe, the workbook holds it as text (no formula).
mkdir -p "$xw/src"
cp -R "$top/content" "$top/themes" "$xw/src/"
sed -i 's/^            label: Phí thẩm định hồ sơ dự án đầu tư$/            label: "=SUM(1;2) Phí thẩm định"/' \
    "$xw/src/content/budgets/2020-du-toan.yaml"
"$bin" build --quiet --no-history --source "$xw/src" --out "$xw/c" \
    > /dev/null 2> "$xw/c.err"
[ $? = 0 ] && ok || { bad "xlsx: the formula-like label does not build"; cat "$xw/c.err"; }
xc="$xw/c/ngan-sach/2020-du-toan/du-lieu"
grep -q "'=SUM(1;2)" "$xc.csv" && ok || bad "xlsx: the CSV does not guard =SUM"
if [ -n "$xlsx_py" ]; then
	"$xlsx_py" "$top/tests/xlsx-vs-csv.py" "$xc.xlsx" "$xc.csv" \
	    > /dev/null 2> "$xw/cmp.err" && ok ||
	    { bad "xlsx: the formula-like label"; cat "$xw/cmp.err"; }
fi

# The reader compares: a workbook with a figure typed as text fails.
if [ -n "$xlsx_py" ]; then
	x=$(cd "$xw/a" && find . -name du-lieu.xlsx | sort | head -n 1)
	"$xlsx_py" - "$xw/a/$x" "$xw/bad.xlsx" <<'PY' || bad "xlsx: could not spoil a workbook"
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
for row in ws.iter_rows():
    for c in row:
        if c.column > 6 and isinstance(c.value, (int, float)):
            c.value = str(c.value)
            wb.save(sys.argv[2])
            sys.exit(0)
sys.exit(1)
PY
	"$xlsx_py" "$top/tests/xlsx-vs-csv.py" "$xw/bad.xlsx" \
	    "$xw/a/${x%.xlsx}.csv" > /dev/null 2> "$xw/bad.err"
	[ $? = 1 ] && grep -q 'is not a number' "$xw/bad.err" && ok ||
	    bad "xlsx: the reader accepts a figure written as text"
elif [ "${CI:-}" = true ]; then
	bad "xlsx: python3-openpyxl is missing: the workbooks are not read back (apt-get install python3-openpyxl)"
else
	echo "NOTE: python3-openpyxl missing: the budgets' XLSX not read back (apt-get install python3-openpyxl)"
fi
