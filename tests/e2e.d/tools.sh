# The editors' tools (content/README.md, section 9), on a copy of the
# sample portal: `minhbach new` makes a record that check refuses until
# its required fields are filled; `minhbach schema` writes JSON Schemas
# that a real validator (ajv) takes every sample record against and that
# refuse a misspelled key and a wrong type; the pull-request workflow's
# command prints GitHub annotation lines; `make hooks` installs a
# pre-commit hook that refuses a commit with errors.
# Sourced by tests/e2e.sh (see tests/e2e.d/README).

tw="$work/tools"
mkdir -p "$tw"
tools_sample() {	# tools_sample DIR: the sample's content and theme
	mkdir -p "$1"
	cp -R "$top/content" "$1/content"
	cp -R "$top/themes" "$1/themes"
}
tools_sample "$tw/s"
# SOURCE_DATE_EPOCH=1700000000 (tests/e2e.sh) is 2023-11-15 in Vietnam.
today=2023-11-15

# --- minhbach new ---------------------------------------------------------
expect_exit 0 "new call" "$bin" new call thu-nghiem --source "$tw/s"
rec="$tw/s/content/calls/thu-nghiem.md"
[ "$(cat "$work/out.txt")" = "$tw/s/content/calls/thu-nghiem.md" ] && ok ||
	bad "new: printed '$(cat "$work/out.txt")', not the path it wrote"
grep -q '\[new.wrote\]' "$work/err.txt" && bad "new: a note printed as a diagnostic" || ok
[ -f "$rec" ] && ok || bad "new: no $rec"
head -1 "$rec" | grep -qx -- '---' && ok || bad "new: a .md record does not open with ---"
grep -qx "published_on: $today" "$rec" && ok || bad "new: published_on is not today ($today)"
grep -qx "# deadline: $today" "$rec" && ok || bad "new: the optional deadline is not commented out with today"
# Required fields first, each under a one-line comment.
req_end=$(grep -n '^published_on:' "$rec" | cut -d: -f1)
opt_first=$(grep -n '^# slug:' "$rec" | cut -d: -f1)
[ -n "$req_end" ] && [ -n "$opt_first" ] && [ "$req_end" -lt "$opt_first" ] && ok ||
	bad "new: required fields do not come first"
for f in title sector location area_ha selection published_on; do
	prev=$(grep -B1 "^$f:" "$rec" | head -1)
	case $prev in '# '*'bắt buộc') ok ;; *) bad "new: '$f' has no comment saying it is required" ;; esac
done
# check refuses the record, naming each empty required field.
(cd "$tw/s" && "$bin" check --no-history) > "$work/out.txt" 2> "$work/err.txt"
[ $? = 1 ] && ok || bad "check passed a record just made by new"
for f in title sector location area_ha amount unit selection; do
	grep -q "^content/calls/thu-nghiem.md:[0-9]*:[0-9]*: .*$f" "$work/err.txt" && ok ||
		bad "check does not name the empty required field '$f'"
done
# Filled in (the zone too: kinds/call.c wants one), check passes.
sed -i -e 's/^title:$/title: Dự án thử nghiệm/' -e 's/^sector:$/sector: Công nghiệp chế biến/' \
	-e 's/^#   zone:$/  zone: kcn-loc-son/' -e 's/^area_ha:$/area_ha: 2.5/' \
	-e 's/^  amount:$/  amount: 50/' -e 's/^  unit:$/  unit: ty_dong/' \
	-e 's/^selection:$/selection: tender/' "$rec"
(cd "$tw/s" && "$bin" check --no-history) > "$work/out.txt" 2> "$work/err.txt"
[ $? = 0 ] && ok || { bad "check refuses the filled record"; grep thu-nghiem "$work/err.txt"; }
# Never replaces a file, under either extension.
cp "$rec" "$tw/kept.md"
expect_exit 1 "new over an existing record" "$bin" new call thu-nghiem --source "$tw/s"
grep -q "content/calls/thu-nghiem.md:1:1: .*\[new.exists\]" "$work/err.txt" && ok ||
	{ bad "new over an existing record: no [new.exists]"; cat "$work/err.txt"; }
cmp -s "$rec" "$tw/kept.md" && ok || bad "new changed an existing record"
touch "$tw/s/content/calls/song-song.yaml"
expect_exit 1 "new beside a .yaml of that name" "$bin" new call song-song --source "$tw/s"
grep -q '\[new.exists\]' "$work/err.txt" && ok || bad "new beside a .yaml: no [new.exists]"
[ ! -e "$tw/s/content/calls/song-song.md" ] && ok || bad "new wrote beside a .yaml of that name"
rm -f "$tw/s/content/calls/song-song.yaml"
# An unknown kind lists the kinds; a name that is no slug gets one.
expect_exit 2 "new unknown kind" "$bin" new cal --source "$tw/s"
grep -q '\[new.unknown-kind\]' "$work/err.txt" && grep -q 'call, zone' "$work/err.txt" && ok ||
	{ bad "new unknown kind: no [new.unknown-kind] listing the kinds"; cat "$work/err.txt"; }
expect_exit 2 "new bad name" "$bin" new call "Nhà kho lạnh" --source "$tw/s"
grep -q 'nha-kho-lanh.*\[new.bad-name\]' "$work/err.txt" && ok ||
	{ bad "new bad name: no [new.bad-name] suggesting nha-kho-lanh"; cat "$work/err.txt"; }
expect_exit 2 "new without a kind" "$bin" new
# Default name: today and the kind; a .yaml folder gets a .yaml; the
# folder's name is taken for its kind; --lang en.  (In a second copy:
# these stay unfilled.)
tools_sample "$tw/k"
expect_exit 0 "new zone" "$bin" new zone --source "$tw/k"
[ -f "$tw/k/content/zones/$today-zone.yaml" ] && ok || bad "new zone: no zones/$today-zone.yaml"
expect_exit 0 "new by folder" "$bin" new news ban-tin --source "$tw/k"
[ -f "$tw/k/content/news/ban-tin.md" ] && ok || bad "new news: no news/ban-tin.md"
expect_exit 1 "new --lang en" "$bin" new news ban-tin --source "$tw/k" --lang en
grep -q '^minhbach: error: \|: error: .*\[new.exists\]' "$work/err.txt" && ok || bad "new --lang en: not English"
# Every kind (whether each file parses is tests/unit/check_new.c's).
for k in page news budget inspection call zone document plan organization \
    procedure consultation report qa; do
	"$bin" new "$k" "moi-$k" --source "$tw/k" > /dev/null 2>&1 || bad "new $k failed"
done

# --- minhbach schema --------------------------------------------------------
expect_exit 0 "schema" "$bin" schema --out "$tw/schemas"
[ "$(wc -l < "$work/out.txt")" -ge 13 ] && ok || bad "schema: fewer than 13 files"
for k in call zone budget news; do
	[ -s "$tw/schemas/$k.json" ] && ok || bad "schema: no $k.json"
done
grep -q '"additionalProperties": false' "$tw/schemas/call.json" && ok || bad "schema: unknown keys allowed"
# shellcheck disable=SC2016  # the literal key "$schema"
grep -q '"\$schema": "https://json-schema.org/draft/2020-12/schema"' "$tw/schemas/call.json" && ok ||
	bad "schema: no \$schema"
# The committed schemas/ (make schemas) are the ones minhbach writes.
diff -r "$top/schemas" "$tw/schemas" > /dev/null && ok ||
	bad "schemas/ is stale: run make schemas and commit it"
# A real validator: every sample record (and the record made by new,
# filled in) passes; a misspelled key and a wrong type are refused.
# make test runs tests/browser/deps.sh after this file: in CI, run it now.
tools_ajv() {
	[ -d "$top/tests/browser/node_modules/ajv" ] &&
	    [ -d "$top/tests/browser/node_modules/yaml" ] && command -v node > /dev/null
}
if ! tools_ajv && [ "${CI:-}" = true ]; then
	sh "$top/tests/browser/deps.sh" > "$work/out.txt" 2>&1 || cat "$work/out.txt"
fi
if tools_ajv; then
	for s in "$top" "$tw/s"; do
		node "$top/tests/schemas.mjs" "$tw/schemas" "$s" > "$work/out.txt" 2> "$work/err.txt" &&
			ok || { bad "JSON Schemas with ajv on $s"; cat "$work/out.txt" "$work/err.txt"; }
	done
	grep -q "refused (additionalProperties)" "$work/out.txt" && grep -q "refused (type)" "$work/out.txt" &&
		ok || bad "ajv: the broken records were not refused"
elif [ "${CI:-}" = true ]; then
	bad "ajv is missing (run sh tests/browser/deps.sh): the JSON Schemas are not tested"
else
	echo "NOTE: tests/browser/node_modules/ajv missing: JSON Schemas not validated (sh tests/browser/deps.sh)"
fi

# --- the pull-request workflow's command: annotations -----------------------
grep -qF 'run: ./generator/minhbach check --format=github' "$top/.github/workflows/check.yml" && ok ||
	bad ".github/workflows/check.yml does not run ./generator/minhbach check --format=github"
grep -q '^on: \[pull_request\]' "$top/.github/workflows/check.yml" && ok ||
	bad ".github/workflows/check.yml does not run on pull requests"
tools_sample "$tw/pr"
mkdir -p "$tw/pr/generator"
cp "$bin" "$tw/pr/generator/minhbach"
# A date written dd/mm/yyyy (line 3, column 7) and a misspelled key.
sed -i -e 's/^date: 2021-04-05$/date: 05\/04\/2021/' -e 's/^title:/tittle:/' \
	"$tw/pr/content/news/2021-04-05-uu-dai-dau-tu-tai-cac-khu-cong-nghiep-theo-nghi-dinh-31.md"
line=$(grep -n '^date: 05/04/2021' "$tw/pr/content/news/2021-04-05-uu-dai-dau-tu-tai-cac-khu-cong-nghiep-theo-nghi-dinh-31.md" | cut -d: -f1)
(cd "$tw/pr" && ./generator/minhbach check --format=github --no-history) > "$work/out.txt" 2> "$work/err.txt"
[ $? = 1 ] && ok || bad "check --format=github: exit not 1 on errors"
cat "$work/out.txt" "$work/err.txt" > "$work/gh.txt"
grep -q "^::error file=content/news/2021-04-05-uu-dai-dau-tu-tai-cac-khu-cong-nghiep-theo-nghi-dinh-31.md,line=$line,col=7" "$work/gh.txt" &&
	ok || { bad "check --format=github: no ::error line for the date at line $line, col 7"; cat "$work/gh.txt"; }
grep -q '^::error file=content/news/[^,]*,line=[0-9]*,col=[0-9]*' "$work/gh.txt" && ok ||
	bad "check --format=github: no annotation line"
# A misspelled required key is one error at the key, by id.
grep -q '^::error file=content/news/[^,]*,line=[0-9]*,col=[0-9]*,title=record.misspelled-required::.*tittle' "$work/gh.txt" && ok ||
	{ bad "check --format=github: the misspelled key is not an annotation by id"; cat "$work/gh.txt"; }

# --- make hooks: the pre-commit hook refuses a commit with errors ----------
if command -v git > /dev/null && command -v make > /dev/null; then
	repo="$tw/repo"
	tools_sample "$repo"
	cp "$top/Makefile" "$repo/"
	cp -R "$top/.githooks" "$repo/.githooks"
	(
		cd "$repo" && git init -q && git config user.name "Biên tập viên" &&
		git config user.email bien-tap@example.invalid &&
		make -s hooks > /dev/null
	) > "$work/out.txt" 2>&1 || { bad "make hooks failed"; cat "$work/out.txt"; }
	[ "$(git -C "$repo" config core.hooksPath)" = .githooks ] && ok || bad "make hooks: core.hooksPath not set"
	(cd "$repo" && git add -A && MINHBACH="$bin" git commit -qm "Nội dung mẫu") \
		> "$work/out.txt" 2>&1 && ok || { bad "hook refused a clean commit"; cat "$work/out.txt"; }
	head=$(git -C "$repo" rev-parse HEAD)
	sed -i 's/^area_ha: 4$/area_ha: bốn/' "$repo/content/calls/nha-o-cong-nhan-kcn-loc-son-giai-doan-1.md"
	(cd "$repo" && git add -A && MINHBACH="$bin" git commit -qm "Sửa diện tích") \
		> "$work/out.txt" 2>&1 && bad "hook let a commit with errors through" || ok
	[ "$(git -C "$repo" rev-parse HEAD)" = "$head" ] && ok || bad "hook: the commit with errors was made"
	grep -q '^content/calls/nha-o-cong-nhan-kcn-loc-son-giai-doan-1.md:[0-9]*:[0-9]*: ' "$work/out.txt" && ok ||
		{ bad "hook: the error is not shown located"; cat "$work/out.txt"; }
	# Fixed, the commit goes through.
	sed -i 's/^area_ha: bốn$/area_ha: 4/' "$repo/content/calls/nha-o-cong-nhan-kcn-loc-son-giai-doan-1.md"
	echo "Thêm một dòng." >> "$repo/content/calls/nha-o-cong-nhan-kcn-loc-son-giai-doan-1.md"
	(cd "$repo" && git add -A && MINHBACH="$bin" git commit -qm "Thêm một dòng") \
		> "$work/out.txt" 2>&1 && ok || { bad "hook refused the fixed commit"; cat "$work/out.txt"; }
else
	bad "git or make missing: the pre-commit hook is not tested"
fi

# --- the guide's section 9 is true -------------------------------------------
# Its example of a new call is the head of what new writes on 2026-12-07.
tools_sample "$tw/g"
SOURCE_DATE_EPOCH=1796601600 "$bin" new call vi-du --source "$tw/g" > /dev/null 2>&1 ||
	bad "new call for the guide's example failed"
awk '/^Phần đầu của tệp vừa tạo/ { f = 1 }
	f && /^```yaml$/ { inb = 1; next } inb && /^```/ { exit } inb' \
	"$top/content/README.md" > "$tw/guide-new.txt"
grep -q 'tạo bằng minhbach new' "$tw/guide-new.txt" && ok || bad "guide: no example of a new record"
n=$(wc -l < "$tw/guide-new.txt")
head -n "$n" "$tw/g/content/calls/vi-du.md" | cmp -s - "$tw/guide-new.txt" && ok ||
	{ bad "guide: the example of minhbach new is not what it writes"; head -n "$n" "$tw/g/content/calls/vi-du.md" | diff - "$tw/guide-new.txt"; }
# Its yaml.schemas settings: one line per collection of the sample, each
# naming the schema of the folder's kind, which schemas/ holds.
grep -o '"\./schemas/[a-z_]*\.json": "content/[a-z_]*/\*\.yaml"' "$top/content/README.md" |
	sed 's|"\./schemas/\([a-z_]*\)\.json": "content/\([a-z_]*\)/\*\.yaml"|\1 \2|' > "$tw/globs.txt"
[ "$(wc -l < "$tw/globs.txt")" -ge 13 ] && ok || bad "guide: yaml.schemas maps fewer than 13 folders"
while read -r k f; do
	[ -f "$top/schemas/$k.json" ] || bad "guide: yaml.schemas names schemas/$k.json, which does not exist"
	grep -q "^  $f:\$" "$top/content/site.yaml" &&
	    sed -n "/^  $f:\$/,/kind:/p" "$top/content/site.yaml" | grep -q "kind: $k\$" ||
		bad "guide: content/$f is not a collection of kind $k"
done < "$tw/globs.txt"
# shellcheck disable=SC2013  # collection names are single words
for f in $(sed -n '/^collections:/,/^[a-z]/s/^  \([a-z_]*\):$/\1/p' "$top/content/site.yaml"); do
	grep -q " $f\$" "$tw/globs.txt" && ok || bad "guide: yaml.schemas does not map content/$f"
done
