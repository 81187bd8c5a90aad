# The budget mistakes an editor makes, tried on a copy of the sample
# portal: each gives one located message, by id, with the fix where it
# can be computed, and the same id in English (sourced by tests/e2e.sh).
b1="$work/b1"
mkdir -p "$b1"
cp -R "$top/content" "$top/themes" "$b1/"
bf="$b1/content/budgets/2020-du-toan.yaml"
b6="$b1/content/budgets/2020-6-thang.yaml"
cp "$bf" "$work/b1-du-toan.yaml"
cp "$b6" "$work/b1-6-thang.yaml"

# budget_try NAME FILE PYTHON: restores both budget files, edits FILE
# with the Python expression PYTHON over s (the text), runs check in
# Vietnamese and in English into $work/b1.vi and $work/b1.en.
budget_try() {
	cp "$work/b1-du-toan.yaml" "$bf"
	cp "$work/b1-6-thang.yaml" "$b6"
	python3 - "$2" "$3" <<'EOF' || bad "budget: $1: the edit did not apply"
import sys
p, expr = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
t = eval(expr)
if t == s:
    sys.exit(1)
open(p, "w", encoding="utf-8").write(t)
EOF
	"$bin" check --no-history --source "$b1" > /dev/null 2> "$work/b1.vi"
	[ $? = 1 ] || bad "budget: $1: check did not fail"
	"$bin" check --no-history --lang en --source "$b1" > /dev/null \
	    2> "$work/b1.en"
}

# budget_expect NAME FILE LINE ID [FIGURE]: exactly one error in FILE,
# at LINE, with ID, FIGURE in its text; the English one has the same.
budget_expect() {
	n=$(grep -c "^content/budgets/$2:.*: lỗi: " "$work/b1.vi")
	[ "$n" = 1 ] && ok || { bad "budget: $1: $n errors, want 1"; cat "$work/b1.vi"; }
	grep -q "^content/budgets/$2:$3:[0-9]*: lỗi: .*\[$4\]\$" "$work/b1.vi" &&
	    ok || { bad "budget: $1: no $4 at $2:$3"; cat "$work/b1.vi"; }
	if [ $# -ge 5 ]; then
		grep -F -- "$5" "$work/b1.vi" | grep -q "\[$4\]" && ok ||
		    { bad "budget: $1: no '$5' in the message"; cat "$work/b1.vi"; }
	fi
	grep -q "^content/budgets/$2:$3:[0-9]*: error: .*\[$4\]\$" "$work/b1.en" &&
	    ok || { bad "budget: $1: --lang en lacks $4"; cat "$work/b1.en"; }
	grep -q ': lỗi: ' "$work/b1.en" && bad "budget: $1: Vietnamese under --lang en" || ok
}

# The copy checks clean before any edit.
expect_exit 0 "budget: the sample copy" "$bin" check --quiet --no-history --source "$b1"

line_of() {	# FILE TEXT: the first line holding TEXT
	grep -n -F -- "$2" "$1" | head -n 1 | cut -d: -f1
}

# A wrong sum: the parent names the sum to write, as the page shows it.
# (The execution report copies this line's estimate, and says in its own
# file that it no longer matches: another file, another fact.)
budget_try "wrong sum" "$bf" 's.replace("{du_toan: 800000000}", "{du_toan: 800000001}", 1)'
budget_expect "wrong sum" 2020-du-toan.yaml "$(line_of "$bf" '{du_toan: 5450000000}')" \
    budget.sum-mismatch "sửa thành 5.450.000.001"
grep -q 'B.I.1 «Chi quản lý hành chính», cột «Dự toán được giao»' "$work/b1.vi" &&
    ok || { bad "budget: wrong sum: the line by code and label, the column by heading"; cat "$work/b1.vi"; }
grep -q 'write 5.450.000.001' "$work/b1.en" && ok || bad "budget: wrong sum: English fix"

# Two lines out of order: swap them, not renumber.
budget_try "lines out of order" "$bf" '
(lambda L: "\n".join(L[:83] + L[90:93] + L[83:90] + L[93:])
)(s.split("\n"))'
budget_expect "lines out of order" 2020-du-toan.yaml "$(line_of "$bf" 'stt: "1.1"')" \
    budget.stt-order "(1.1 phải đứng trước 1.2)"
grep -q 'đổi chỗ hai dòng' "$work/b1.vi" && ok || bad "budget: order: the fix"

# A gap in the numbers.
budget_try "gap in STT" "$bf" 's.replace("stt: \"7\"", "stt: \"8\"", 1)'
budget_expect "gap in STT" 2020-du-toan.yaml "$(line_of "$bf" 'stt: "8"')" \
    budget.stt-gap "thiếu số 7"
grep -q 'form .* words\|\[budget.label-differs\]' "$work/b1.vi" &&
    bad "budget: gap: a wording warning follows from the number" || ok

# The same number twice.
budget_try "duplicate STT" "$bf" 's.replace("stt: \"7\"", "stt: \"6\"", 1)'
budget_expect "duplicate STT" 2020-du-toan.yaml \
    "$(grep -n 'stt: "6"' "$bf" | tail -n 1 | cut -d: -f1)" budget.stt-duplicate \
    "(dòng $(line_of "$bf" 'stt: "6"') của tệp)"
grep -q '\[budget.label-differs\]\|\[budget.estimate-no-line\]' "$work/b1.vi" &&
    bad "budget: duplicate: a message follows from the number" || ok

# "Trong đó" without of_which: that, not a sum error.
budget_try "Trong đó without of_which" "$bf" 's.replace("                    of_which: true\n", "", 1)'
# shellcheck disable=SC2016 # the backquotes are the message's, not a command
budget_expect "Trong đó without of_which" 2020-du-toan.yaml \
    "$(line_of "$bf" 'Trong đó: quỹ lương')" budget.of-which-missing '`of_which: true`'

# A comma inside {…}: the comma is the cause, not an unknown column.
budget_try "comma inside {…}" "$b6" 's.replace("ty_le: 50}", "ty_le: 50,00%}", 1)'
budget_expect "comma inside {…}" 2020-6-thang.yaml \
    "$(line_of "$b6" 'ty_le: 50,00%')" budget.flow-comma "viết ty_le: 50.00"
grep -q '\[budget.unknown-column\]\|\[budget.ratio' "$work/b1.vi" &&
    bad "budget: comma: a follow-on error" || ok

# 1.500.000: dots as thousands.
budget_try "1.500.000" "$bf" 's.replace("{du_toan: 800000000}", "{du_toan: 800.000.000}", 1)'
budget_expect "1.500.000" 2020-du-toan.yaml "$(line_of "$bf" '800.000.000')" \
    budget.figure-grouped "viết 800000000"

# 1.500: one and a half đồng, or fifteen hundred?
budget_try "1.500" "$bf" 's.replace("{du_toan: 120000000}", "{du_toan: 1.500}", 1)'
budget_expect "1.500" 2020-du-toan.yaml "$(line_of "$bf" '{du_toan: 1.500}')" \
    budget.amount-thousands "1.500 là 1,5 đồng hay 1.500 đồng? Trong tệp dữ liệu dấu chấm là dấu thập phân; viết 1500"

# A letter O in a figure: which letter, the likely figure, and no sum
# error on its parent (one cause, one message).
budget_try "letter O" "$bf" 's.replace("{du_toan: 800000000}", "{du_toan: 8OOOOOOOO}", 1)'
budget_expect "letter O" 2020-du-toan.yaml "$(line_of "$bf" '8OOOOOOOO')" \
    budget.figure-lookalike "chữ «O» (U+004F)"
grep -q 'viết 800000000' "$work/b1.vi" && ok || bad "budget: letter O: the figure"
grep -q 'lines\[' "$work/b1.vi" "$work/b1.en" && bad "budget: a JSON-like path" || ok

# Ð (U+00D0) in a figure.
budget_try "Ð in a figure" "$bf" 's.replace("{du_toan: 800000000}", "{du_toan: 8\u00d0\u00d0}", 1)'
budget_expect "Ð in a figure" 2020-du-toan.yaml "$(line_of "$bf" '8ÐÐ')" \
    budget.figure-lookalike "(U+00D0)"

# Back as it was: clean again.
cp "$work/b1-du-toan.yaml" "$bf"
cp "$work/b1-6-thang.yaml" "$b6"
expect_exit 0 "budget: the sample copy, restored" "$bin" check --quiet --no-history --source "$b1"
