#!/bin/sh
# End-to-end behaviour that fixture folders cannot express: builds from a
# git commit (--ref), interrupted and killed builds, byte-identical
# rebuilds, `check` writing nothing, and the command line's exit codes;
# and that the modules call each other without a circle (call-graph.sh).
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
export MINHBACH_STRICT_MESSAGES=1

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
# Wrong usage is told in the catalogue's words: Vietnamese, or English
# with --lang en anywhere on the line; the command's own usage follows.
expect_exit 2 "typo of a command" "$bin" buidl
# shellcheck disable=SC2016 # the backquotes are the message's, not a command
grep -qx 'minhbach: lỗi: không có lệnh «buidl»; có phải ý bạn là `build`? \[usage.unknown-command-near\]' "$work/err.txt" &&
	ok || { bad "typo of a command: message"; cat "$work/err.txt"; }
expect_exit 2 "unknown option, English" "$bin" check --frob --lang en
grep -qx 'minhbach: error: check: unknown option “--frob” \[usage.unknown-option\]' "$work/err.txt" &&
	ok || { bad "unknown option in English: message"; cat "$work/err.txt"; }
sed -n 2p "$work/err.txt" | grep -q '^usage: minhbach check ' && ! grep -q 'minhbach build' "$work/err.txt" &&
	ok || { bad "unknown option: not followed by check's own usage"; cat "$work/err.txt"; }
expect_exit 2 "--jobs 0" "$bin" build --jobs 0
grep -qx 'minhbach: lỗi: --jobs cần một số từ 1 đến 64, không phải «0» \[usage.bad-jobs\]' "$work/err.txt" &&
	ok || { bad "--jobs 0: message"; cat "$work/err.txt"; }
expect_exit 2 "--lang fr" "$bin" serve --lang fr
grep -q '\[usage.bad-lang\]$' "$work/err.txt" && ok || { bad "serve --lang fr: message"; cat "$work/err.txt"; }
expect_exit 2 "--out without a value" "$bin" build --lang=en --out
[ "$(cat "$work/err.txt")" = 'minhbach: error: --out needs a value [usage.needs-value]' ] &&
	ok || { bad "--out without a value: message"; cat "$work/err.txt"; }

# --- render --context: a page's context as YAML (the sample portal) ----
# From the repository's top, --source . by default, history included.
(cd "$top" && "$bin" render --context /khu-cong-nghiep/kcn-loc-son/) \
	> "$work/ctx.yaml" 2> "$work/err.txt"
[ $? = 0 ] && ok || { bad "render --context zone: exit"; cat "$work/err.txt"; }
head -1 "$work/ctx.yaml" | grep -q "^# The context of /khu-cong-nghiep/kcn-loc-son/ (themes/default/templates/zone.mustache)" &&
	ok || bad "render --context: no header naming the page and template"
for want in 'title: "Khu công nghiệp Lộc Sơn"' 'url: "/khu-cong-nghiep/kcn-loc-son/"' \
    'kind: "zone"' 'lang: "vi"' 'area_ha: 183' 'area_text: "183 ha"' \
    'card: "partials/card-zone"' 'is_zone: true' 'has_linked: true' \
    'site:' 't:' 'menu:' 'linked_sections:'; do
	grep -qx "$want" "$work/ctx.yaml" && ok || bad "zone context lacks top-level '$want'"
done
# Top-level keys in byte order; values the frames share written once.
grep '^[a-z_]*:' "$work/ctx.yaml" | cut -d: -f1 | LC_ALL=C sort -c 2> /dev/null &&
	ok || bad "render --context: top-level keys not sorted"
for want in '    id: "l-calls"' '    kind: "call"' '    card: "partials/card-call"' \
    '  calls: &v[0-9]*' '  - \*v[0-9]*'; do
	grep -qx "$want" "$work/ctx.yaml" && ok || bad "zone context lacks '$want'"
done
grep -q '# shortened: [0-9]* bytes in all$' "$work/ctx.yaml" && ok ||
	bad "render --context: long strings not shortened with a note"
# A list page.
expect_exit 0 "render --context list" sh -c "cd '$top' && '$bin' render --context khu-cong-nghiep --no-history"
for want in 'title: "Khu công nghiệp"' 'url: "/khu-cong-nghiep/"' 'is_list: true' \
    'kind: "zone"' 'count: 15' 'pages:' '  - name: "Khu công nghiệp Lộc Sơn"'; do
	grep -qx "$want" "$work/out.txt" && ok || bad "list context lacks '$want'"
done
# An unknown URL: exit 1, the nearest URL and the pages beside it.
expect_exit 1 "render --context unknown" sh -c "cd '$top' && '$bin' render --context /khu-cong-nghiep/kcn-loc-som/ --no-history"
[ ! -s "$work/out.txt" ] && ok || bad "render --context unknown printed a context"
grep -q "^minhbach: lỗi: .*«/khu-cong-nghiep/kcn-loc-som/».*«/khu-cong-nghiep/kcn-loc-son/».*«/khu-cong-nghiep/»: /khu-cong-nghiep/, .*/khu-cong-nghiep/kcn-loc-son/, .*\[render.no-page-near\]$" "$work/err.txt" &&
	ok || { bad "render --context unknown: message"; cat "$work/err.txt"; }
expect_exit 2 "render --context and --template" "$bin" render --context / --template x --data y

# --- the theme contract lists every template -----------------------------
# themes/default/README.md names each file of templates/ (partials too) as
# `name`; a template added without a line there fails here.
for f in $(cd "$top/themes/default/templates" && find . -name '*.mustache' | sort); do
	n=$(basename "$f" .mustache)
	grep -q "\`$n\`" "$top/themes/default/README.md" && ok ||
		bad "themes/default/README.md does not list template $f"
done

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
grep -q 'broken.md:[0-9]*:[0-9]*: lỗi: .*\[yaml\.' "$work/err.txt" && ok || bad "error not located"
diff -r "$work/prev" "$work/a" > /dev/null && ok || bad "failed build changed the site"
rm "$src/content/news/broken.md"

# --- interrupted and killed builds ---------------------------------------
[ -n "$gen" ] || bad "BENCHGEN is not set: the interrupted-build tests need it"
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
command -v git > /dev/null || bad "git is missing (generator/deps.sh test installs it)"
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

# --- the sample portal: one đồng off in a budget line fails the check ----
sp="$work/sample"
mkdir -p "$sp"
cp -R "$top/content" "$top/themes" "$sp/"
expect_exit 0 "sample check" "$bin" check --quiet --no-history --source "$sp"
sed -i 's/values: {du_toan: 18000000}/values: {du_toan: 18000001}/' "$sp/content/budgets/2020-du-toan.yaml"
expect_exit 1 "sample check, one đồng off" "$bin" check --quiet --no-history --source "$sp"
line=$(grep -n 'values: {du_toan: 30000000}' "$sp/content/budgets/2020-du-toan.yaml" | cut -d: -f1)
grep -q "^content/budgets/2020-du-toan.yaml:$line:[0-9]*: lỗi: .*30.000.000 .*30.000.001 (chênh lệch -1); sửa thành 30.000.001 (trong tệp viết 30000001) \[budget.sum-mismatch\]" "$work/err.txt" &&
	ok || { bad "the one-đồng error names the file, line and both sums"; cat "$work/err.txt"; }

# --- downloads a reader can re-check: every budget CSV recomputed ----------
# tests/recompute-budget-csv.sh reads the published CSVs alone (awk, exact
# digit-string sums): every parent, difference and identity must hold on
# the built sample, and a figure changed by one đồng must be found.
rc="$top/tests/recompute-budget-csv.sh"
rs="$work/recheck"
mkdir -p "$rs"
cp -R "$top/content" "$top/themes" "$rs/"
expect_exit 0 "sample build for the CSVs" "$bin" build --quiet --no-history --source "$rs" --out "$work/rsite"
expect_exit 0 "recompute the sample's budget CSVs" sh "$rc" "$work/rsite"
n_csv=$(find "$work/rsite" -name du-lieu.csv | wc -l)
[ "$n_csv" -ge 5 ] && ok || bad "$n_csv budget CSVs recomputed, expected the 3 records' and the series'"
unit=ban-quan-ly-cac-khu-cong-nghiep-tinh-lam-dong
series="$work/rsite/ngan-sach/chuoi/$unit"
[ -f "$series/index.html" ] && [ -f "$series/du-lieu.csv" ] &&
	[ -f "$work/rsite/en/ngan-sach/series/$unit/index.html" ] && ok ||
	bad "the sample unit's series page or its CSV is missing"
grep -q "href=\"/ngan-sach/chuoi/$unit/\"" "$work/rsite/ngan-sach/index.html" &&
	grep -q "href=\"/ngan-sach/chuoi/$unit/\"" "$work/rsite/ngan-sach/2019-quyet-toan/index.html" &&
	ok || bad "the budget list or a budget page does not link the series"
grep -q '<h3>Năm ngân sách 2019</h3>' "$work/rsite/ngan-sach/index.html" && ok ||
	bad "the budget list shows no chain for 2019"
grep -q '2019 · Quyết toán ngân sách năm 2019: Số liệu quyết toán được duyệt (đồng)' "$series/du-lieu.csv" &&
	grep -q ',5579950000,' "$series/du-lieu.csv" && ok ||
	bad "the series CSV lacks the 2019 approved accounts"
expect_exit 0 "recompute a fixture with identities" sh "$rc" "$top/tests/recompute/ok"
expect_exit 1 "an identity that does not hold" sh "$rc" "$top/tests/recompute/identity-off"
grep -q 'row "A.I" = A.I.1, column "Thực hiện (triệu đồng)": 190 stated, the rows add up to 100.00' "$work/out.txt" &&
	ok || { bad "the identity failure names the row and both figures"; cat "$work/out.txt"; }
sed 's/,698300000,/,698300001,/' "$work/rsite/ngan-sach/2019-quyet-toan/du-lieu.csv" > "$work/tampered.csv"
cmp -s "$work/tampered.csv" "$work/rsite/ngan-sach/2019-quyet-toan/du-lieu.csv" &&
	bad "the sample's 2019 accounts no longer hold 698300000: update the tampering"
expect_exit 1 "recompute a tampered CSV" sh "$rc" "$work/tampered.csv"
grep -q 'row "B.I.1", column "Số liệu quyết toán được duyệt (đồng)": 4996950000 stated, its lines add up to 4996950001' "$work/out.txt" &&
	ok || { bad "the tampered figure is not found"; cat "$work/out.txt"; }
sed 's/,5579950000,/,5579950001,/' "$series/du-lieu.csv" > "$work/tampered-series.csv"
expect_exit 1 "recompute a tampered series CSV" sh "$rc" "$work/tampered-series.csv"

# --- the editors' guide: every copy-ready example passes check --------------
# Each fenced block of content/README.md with a "# Tệp: PATH" line is
# dropped at PATH in a copy of the sample portal, which must then check
# without errors.
gd="$work/guide"
mkdir -p "$gd"
cp -R "$top/content" "$top/themes" "$gd/"
n_ex=$(awk -v root="$gd" '
	/^```/ { if (inb) { if (dest != "") { printf "%s", body > (root "/" dest);
		close(root "/" dest); n++ } inb = 0 } else { inb = 1; body = ""; dest = "" }
		next }
	inb { if (dest == "" && index($0, "# Tệp: ") > 0) {
		dest = substr($0, index($0, "# Tệp: ") + length("# Tệp: ")) }
		body = body $0 "\n" }
	END { print n + 0 }' "$top/content/README.md")
[ "$n_ex" -ge 7 ] && ok || bad "the editors' guide has $n_ex copy-ready examples, expected at least 7"
# The guide tells editors to put each attachment an example names into
# content/files/; do what it says.
awk '/^```/ { inb = !inb; next } inb' "$top/content/README.md" |
    grep -o 'url: /files/[^ ]*' | sed 's|url: /||' | while read -r f; do
	mkdir -p "$gd/content/$(dirname "$f")" && : > "$gd/content/$f"
done
expect_exit 0 "the guide's examples" "$bin" check --quiet --no-history --source "$gd"
grep -q -e ": lỗi: " -e ": error: " "$work/err.txt" && { bad "an example in content/README.md has errors"; cat "$work/err.txt"; } || ok

# --- provenance: revisions, amendments, renames, .mailmap, shallow clones --
if command -v git > /dev/null; then
	h="$work/hist"
	mkdir -p "$h/content/budgets"
	# The project's theme: its history and budget templates are under test.
	cp -R "$top/themes" "$h/themes"
	cat > "$h/content/site.yaml" <<'YAML'
title: Cổng lịch sử
base_url: https://example.invalid/
languages: [vi]
collections:
  budgets: {kind: budget, title: Ngân sách, permalink: "/ngan-sach/:slug/"}
  zones: {kind: zone, title: Khu công nghiệp, permalink: "/kcn/:slug/"}
  calls: {kind: call, title: Kêu gọi đầu tư, permalink: "/keu-goi/:slug/"}
budget: {unverified_forms: ["90/2018/TT-BTC:2"]}
YAML
	zone() {	# leased ha, occupancy %
		cat <<YAML
name: KCN Thử
status: operating
area_ha: 120
industrial_land_ha: 100
leased_ha: $1
occupancy: {percent: $2, basis: industrial_land}
as_of: 2020-01-01
sources: [{title: Báo cáo của Ban}]
YAML
	}
	call() {	# status
		cat <<YAML
---
title: Nhà xưởng cho thuê
sector: Công nghiệp hỗ trợ
location: {zone: kcn-thu}
area_ha: 2
mix: [{use: Nhà xưởng, share: 100}]
est_capital: {amount: 50, unit: ty_dong}
selection: tender
incentives: [{what: Miễn thuế, basis: Nghị định 31/2021/NĐ-CP}]
published_on: 2020-01-10
deadline: 2020-06-30
status: $1
---
Nội dung.
YAML
	}
	mkdir -p "$h/content/zones" "$h/content/calls"
	zone 84.17 84.17 > "$h/content/zones/kcn-thu.yaml"
	call open > "$h/content/calls/nha-xuong.md"
	budget() {	# amount of line 1 (the total follows)
		cat <<YAML
title: Dự toán 2020
kind: du_toan
fiscal_year: 2020
period: nam
unit: {name: Ban Quản lý}
form: {circular: 90/2018/TT-BTC, number: 2}
decision: {number: 12/QĐ-BQLKCN, date: 2020-01-15}
approval: {number: 01/QĐ-UBND, date: 2020-01-10}
published_on: 2020-01-15
currency_unit: dong
lines:
  - stt: I
    label: Chi quản lý hành chính
    values: {du_toan: $(($1 + 300000000))}
    children:
      - stt: "1"
        label: Chi thường xuyên
        values: {du_toan: $1}
      - stt: "2"
        label: Chi không thường xuyên
        values: {du_toan: 300000000}
YAML
	}
	budget 1200000000 > "$h/content/budgets/du-toan.yaml"
	printf 'Nguyễn Văn A <a@example.invalid> Old Name <old@example.invalid>\n' > "$h/.mailmap"
	commit() {	# date, name, email, message
		GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git -C "$h" \
		    -c user.name="$2" -c user.email="$3" commit -qm "$4"
	}
	git -C "$h" init -q && git -C "$h" add -A &&
	commit "2020-01-15T10:00:00+07:00" "Old Name" old@example.invalid "Công bố dự toán 2020"
	budget 1250000000 > "$h/content/budgets/du-toan.yaml"
	zone 86.02 86.02 > "$h/content/zones/kcn-thu.yaml"
	call awarded > "$h/content/calls/nha-xuong.md"
	git -C "$h" add -A && commit "2020-03-20T23:30:00+07:00" "Trần Thị B" b@example.invalid "Điều chỉnh dự toán"
	git -C "$h" mv content/budgets/du-toan.yaml content/budgets/du-toan-2020.yaml &&
	commit "2020-04-01T09:00:00+07:00" "Trần Thị B" b@example.invalid "Đổi tên tệp"
	first=$(git -C "$h" rev-list --max-parents=0 HEAD)

	expect_exit 0 "history build" "$bin" build --quiet --source "$h" --ref HEAD --out "$work/h1"
	hp="$work/h1/ngan-sach/du-toan-2020/lich-su/index.html"
	[ -f "$hp" ] && ok || bad "no history page at /ngan-sach/du-toan-2020/lich-su/"
	for want in "15/01/2020" "20/03/2020" "01/04/2020" "Nguyễn Văn A" "Trần Thị B" \
	    "1.200.000.000" "1.250.000.000" "Chi thường xuyên" "Điều chỉnh dự toán"; do
		grep -q "$want" "$hp" 2> /dev/null && ok || bad "history page lacks '$want'"
	done
	grep -q "Old Name" "$hp" 2> /dev/null && bad ".mailmap not applied" || ok
	# Field changes in the reader's terms, for a zone and a call too.
	zp="$work/h1/kcn/kcn-thu/lich-su/index.html"
	for want in "Tỷ lệ lấp đầy" "84,17%" "86,02%"; do
		grep -q "$want" "$zp" 2> /dev/null && ok || bad "zone history lacks '$want'"
	done
	cp="$work/h1/keu-goi/nha-xuong/lich-su/index.html"
	for want in "Trạng thái" "đang kêu gọi" "đã có nhà đầu tư"; do
		grep -q "$want" "$cp" 2> /dev/null && ok || bad "call history lacks '$want'"
	done
	grep -rqi "example.invalid>\|@example.invalid\|a@ex\|old@\|b@ex" "$work/h1" &&
		bad "an e-mail address reached the output" || ok
	# The earlier revisions are published at stable URLs.
	n=$(find "$work/h1/ngan-sach/du-toan-2020/lich-su" -mindepth 2 -name index.html | wc -l)
	[ "$n" = 2 ] && ok || bad "expected 2 earlier revision pages, found $n"
	grep -rq "1.200.000.000" "$work/h1/ngan-sach/du-toan-2020/lich-su/"*/index.html && ok ||
		bad "the first revision's page does not show its figure"
	[ -f "$work/h1/thay-doi/index.html" ] && [ -f "$work/h1/thay-doi/atom.xml" ] &&
		[ -f "$work/h1/thay-doi/budgets/atom.xml" ] && ok || bad "change log or its feeds missing"
	# The site's own URL segments for history and changes (site.yaml).
	cp -R "$h" "$work/hseg"
	printf 'segments: {history: lich-su-sua-doi, changes: {vi: nhat-ky}}\n' >> "$work/hseg/content/site.yaml"
	expect_exit 0 "history build, own segments" "$bin" build --quiet --source "$work/hseg" --out "$work/hs1"
	[ -f "$work/hs1/ngan-sach/du-toan-2020/lich-su-sua-doi/index.html" ] &&
		[ -f "$work/hs1/nhat-ky/atom.xml" ] && [ ! -e "$work/hs1/thay-doi" ] &&
		[ ! -e "$work/hs1/ngan-sach/du-toan-2020/lich-su" ] &&
		grep -q 'href="/ngan-sach/du-toan-2020/lich-su-sua-doi/"' "$work/hs1/ngan-sach/du-toan-2020/index.html" &&
		ok || bad "site.yaml's segments not used for history and changes"

	# --ref of the first commit gives the site as it was then, twice alike,
	# and the same as building a checkout of that commit.
	expect_exit 0 "build --ref first" "$bin" build --quiet --source "$h" --ref "$first" --out "$work/h2"
	expect_exit 0 "build --ref first again" "$bin" build --quiet --source "$h" --ref "$first" --out "$work/h3"
	diff -r "$work/h2" "$work/h3" > /dev/null && ok || bad "two builds of the first commit differ"
	[ -f "$work/h2/ngan-sach/du-toan/index.html" ] && ok || bad "first commit's URL missing"
	grep -q "1.250.000.000" "$work/h2/ngan-sach/du-toan/index.html" &&
		bad "--ref first shows a later figure" || ok
	git clone -q "$h" "$work/hc" && git -C "$work/hc" checkout -q "$first"
	expect_exit 0 "build checkout of first" "$bin" build --quiet --source "$work/hc" --out "$work/h4"
	diff -r "$work/h2" "$work/h4" > "$work/d" && ok || {
		bad "--ref first differs from a checkout of it"; head -20 "$work/d"; }

	# A shallow clone stops with advice; --no-history builds it.
	git clone -q --depth 1 "file://$h" "$work/shallow"
	expect_exit 1 "shallow clone" "$bin" build --quiet --source "$work/shallow" --out "$work/h5"
	grep -q "shallow" "$work/err.txt" && grep -q "no-history" "$work/err.txt" && ok ||
		{ bad "shallow clone message"; cat "$work/err.txt"; }
	[ ! -e "$work/h5" ] && ok || bad "shallow clone build wrote a site"
	expect_exit 0 "shallow --no-history" "$bin" build --quiet --source "$work/shallow" --no-history --out "$work/h5"
	[ ! -e "$work/h5/ngan-sach/du-toan-2020/lich-su" ] && ok || bad "--no-history made history pages"

	# A work-tree build marks records with uncommitted changes.
	budget 1300000000 > "$h/content/budgets/du-toan-2020.yaml"
	expect_exit 0 "dirty work tree" "$bin" build --quiet --source "$h" --out "$work/h6"
	grep -q 'class="notice uncommitted"' "$work/h6/ngan-sach/du-toan-2020/index.html" 2>/dev/null &&
		ok || bad "a record with uncommitted changes is not marked"
	grep -q 'class="notice uncommitted"' "$work/h6/kcn/kcn-thu/index.html" 2>/dev/null &&
		bad "a committed record is marked uncommitted" || ok
fi

# --- no circle of calls between modules (tests/call-graph.sh) -----------
sh "$top/tests/call-graph.sh" > "$work/graph.txt" 2>&1
case $? in
0) ok ;;
2) echo "e2e: note: $(cat "$work/graph.txt")" ;;
*) bad "call graph"; cat "$work/graph.txt" ;;
esac

# --- the message catalogue: ids agree with the code, the guide is current --
if MINHBACH="$bin" sh "$top/tests/messages-ids.sh" > "$work/ids.txt" 2>&1; then
	ok
else
	bad "message ids"; cat "$work/ids.txt"
fi
(cd "$top" && sh generator/messages-doc.sh "$bin" --check) > "$work/doc.txt" 2>&1 &&
	ok || { bad "the guide's catalogue of messages is stale"; cat "$work/doc.txt"; }
# --lang: the same diagnostics, in English; the site's first language by default.
"$bin" check --source "$top" --lang en > /dev/null 2> "$work/en.txt"
grep -q '^minhbach: no errors in [0-9]* pages' "$work/en.txt" && ok ||
	bad "check --lang en does not speak English: $(tail -1 "$work/en.txt")"
"$bin" check --source "$top" > /dev/null 2> "$work/vi.txt"
grep -q '^minhbach: không có lỗi trong [0-9]* trang' "$work/vi.txt" && ok ||
	bad "check of a Vietnamese site does not speak Vietnamese: $(tail -1 "$work/vi.txt")"
"$bin" check --source "$top" --lang xx > /dev/null 2>&1
[ $? = 2 ] && ok || bad "check --lang xx is not a usage error"

# --- more cases, one file per area: tests/e2e.d/*.sh, sourced here (they
# use $top, $bin, $work, ok, bad and expect_exit) ---------------------------
for part in "$top"/tests/e2e.d/*.sh; do
	[ -f "$part" ] || continue
	. "$part"
done

echo "e2e: $pass passed, $fail failed"
[ "$fail" = 0 ]
