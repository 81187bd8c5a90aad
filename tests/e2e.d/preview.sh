# Drafts and records dated after the build date (SOURCE_DATE_EPOCH:
# 2023-11-15) are never built: a future-dated record is left out with
# [publish.scheduled] at its date, by `build` and `check` alike; a
# consultation, dated by the day comments open, is announced ahead.
# (What `serve` shows of them: tests/unit/check_serve.c and the browser
# group `preview`.)
pv="$work/preview"
mkdir -p "$pv"
cp -R "$src" "$pv/src"
cat > "$pv/src/content/news/2099-01-02-hen-ngay.md" <<'EOT'
---
title: Tin hẹn ngày
date: 2099-01-02
---
Chưa đến ngày.
EOT
expect_exit 0 "build with a future-dated record" \
    "$bin" build --quiet --no-history --source "$pv/src" --out "$pv/site"
grep -q 'content/news/2099-01-02-hen-ngay.md:3:7: .*2099-01-02.*2023-11-15.*\[publish.scheduled\]' \
    "$work/err.txt" && ok || { bad "build: no publish.scheduled at the date"; cat "$work/err.txt"; }
if [ -e "$pv/site/tin-tuc/2099/hen-ngay" ] ||
    grep -rqs 'hen-ngay\|Tin hẹn ngày' "$pv/site"; then
	bad "build published a record dated 2099"
else ok; fi
if [ -e "$pv/site/tin-tuc/2020/ban-nhap" ] || grep -rqs 'ban-nhap' "$pv/site"; then
	bad "build published a draft"
else ok; fi
grep -rqs '_preview\|preview_' "$pv/site" && bad "build wrote the preview's script or keys" || ok
expect_exit 0 "check with a future-dated record" \
    "$bin" check --no-history --source "$pv/src"
grep -q 'hen-ngay.md:3:7: .*\[publish.scheduled\]' "$work/err.txt" && ok ||
    bad "check: no publish.scheduled"
# The sample: its two reports, a question and a call (in both languages)
# dated 2025-2026 wait; its consultations opening in 2026 are announced.
expect_exit 0 "build the sample on 2023-11-15" \
    "$bin" build --quiet --no-history --source "$top" --out "$pv/sample"
[ "$(grep -c '\[publish.scheduled\]' "$work/err.txt")" = 5 ] && ok ||
    { bad "sample: not 5 records waiting"; cat "$work/err.txt"; }
[ -f "$pv/sample/lay-y-kien/ke-hoach-xuc-tien-dau-tu-2027/index.html" ] && ok ||
    bad "sample: an upcoming consultation was left out"
[ ! -e "$pv/sample/bao-cao/bao-cao-6-thang-2026" ] && ok ||
    bad "sample: a report dated 2026 was built on 2023-11-15"
