# The calendar (issue 11): --date sets the build date.  Two builds of one
# commit of the sample, on 2021-09-01 and on 2022-01-15: the call that
# closes on 31/12/2021 is open in the first and closed in the second; a
# record with publish_on 2022-01-01 is in the second only, with
# [publish.publish-on] in the first; each date rebuilt gives the same
# bytes; the same from a git commit (--ref HEAD).  A notice's expires_on
# takes it out of the lists the day after.  Without --date or
# SOURCE_DATE_EPOCH a --ref build takes the commit's date, a work tree
# build today in Vietnam.  A bad --date is a usage error.
cal="$work/calendar"
mkdir -p "$cal"
cp -R "$top/content" "$top/themes" "$cal/"
call=keu-goi-dau-tu/nha-o-cong-nhan-kcn-loc-son-giai-doan-1/index.html
grep -qx 'deadline: 2021-12-31' \
    "$cal/content/calls/nha-o-cong-nhan-kcn-loc-son-giai-doan-1.md" && ok ||
    bad "calendar: the sample's call no longer closes on 2021-12-31"
cat > "$cal/content/news/2021-08-20-hen-dang.md" <<'EOT'
---
title: Tin hẹn đăng đầu năm
date: 2021-08-20
publish_on: 2022-01-01
---
Đăng từ ngày 01/01/2022.
EOT
cat > "$cal/content/news/2021-08-25-thong-bao-nghi-le.md" <<'EOT'
---
title: Thông báo lịch trực dịp lễ
date: 2021-08-25
expires_on: 2021-12-31
---
Hết hạn sau ngày 31/12/2021.
EOT

# cal_build NAME DATE [ARGS...]: builds into $cal/NAME at DATE.
cal_build() {
	n=$1; d=$2; shift 2
	expect_exit 0 "calendar: build $n on $d" "$bin" build --quiet \
	    --date "$d" --out "$cal/$n" "$@"
	cp "$work/err.txt" "$cal/$n.err"
}
# cal_judge NAME: the call open before, closed after; publish_on.
cal_judge() {
	case $1 in
	*2021*) st=status-open;   other=status-closed ;;
	*)      st=status-closed; other=status-open ;;
	esac
	grep -q "badge $st\"" "$cal/$1/$call" && ok ||
	    bad "calendar $1: the call is not $st"
	grep -q "badge $other\"" "$cal/$1/$call" &&
	    bad "calendar $1: the call is also $other" || ok
	case $1 in
	*2021*)
		[ -e "$cal/$1/tin-tuc/hen-dang" ] &&
		    bad "calendar $1: the publish_on record is out" || ok
		grep -rqs 'Tin hẹn đăng đầu năm' "$cal/$1" &&
		    bad "calendar $1: the publish_on record is named" || ok
		grep -q 'content/news/2021-08-20-hen-dang.md:4:13: .*2022-01-01.*2021-09-01.*\[publish.publish-on\]' \
		    "$cal/$1.err" && ok ||
		    { bad "calendar $1: no publish.publish-on"; cat "$cal/$1.err"; }
		grep -q 'Thông báo lịch trực dịp lễ' "$cal/$1/tin-tuc/index.html" &&
		    ok || bad "calendar $1: the notice is not listed"
		;;
	*)
		grep -q 'Tin hẹn đăng đầu năm' "$cal/$1/tin-tuc/hen-dang/index.html" &&
		    ok || bad "calendar $1: the publish_on record is not out"
		grep -q 'Tin hẹn đăng đầu năm' "$cal/$1/tin-tuc/index.html" &&
		    ok || bad "calendar $1: the publish_on record is not listed"
		grep -q 'publish-on' "$cal/$1.err" &&
		    bad "calendar $1: publish.publish-on on its day" || ok
		grep -q 'Thông báo lịch trực dịp lễ' "$cal/$1/tin-tuc/index.html" \
		    "$cal/$1/index.html" "$cal/$1/tin-tuc/atom.xml" &&
		    bad "calendar $1: the expired notice is still listed" || ok
		grep -q 'notice-expired' \
		    "$cal/$1/tin-tuc/thong-bao-nghi-le/index.html" && ok ||
		    bad "calendar $1: the expired notice's page is not marked"
		;;
	esac
}
for d in 2021-09-01 2022-01-15; do
	cal_build "w$d" "$d" --no-history --source "$cal"
	# The guide's example of the warning is what minhbach prints.
	[ "$d" = 2021-09-01 ] && { grep '\[publish.publish-on\]' "$cal/w$d.err" |
	    grep -qxFf - "$top/content/README.md" && ok ||
	    bad "content/README.md: the publish_on example is not what minhbach prints"; }
	cal_judge "w$d"
	cal_build "w$d-again" "$d" --no-history --source "$cal"
	diff -r "$cal/w$d" "$cal/w$d-again" > /dev/null && ok ||
	    bad "calendar: two builds on $d differ"
done
# (tests/e2e.sh exports SOURCE_DATE_EPOCH, 2023-11-15: --date came first.)

# The same from one commit.  Committed on 2022-03-01 in Vietnam: that is
# the build date of a --ref build given neither --date nor the variable.
if command -v git > /dev/null; then
	cr="$cal/repo"
	mkdir -p "$cr"
	cp -R "$cal/content" "$cal/themes" "$cr/"
	(cd "$cr" && git init -q && git add -A &&
	 GIT_AUTHOR_DATE=2022-03-01T08:00:00+07:00 \
	 GIT_COMMITTER_DATE=2022-03-01T08:00:00+07:00 \
	 git -c user.name=Biên\ tập -c user.email=bt@example.invalid \
	     commit -qm "calendar") || bad "calendar: git setup"
	for d in 2021-09-01 2022-01-15; do
		cal_build "g$d" "$d" --source "$cr" --ref HEAD
		cal_judge "g$d"
		cal_build "g$d-again" "$d" --source "$cr" --ref HEAD
		diff -r "$cal/g$d" "$cal/g$d-again" > /dev/null && ok ||
		    bad "calendar: two --ref builds on $d differ"
	done
	(unset SOURCE_DATE_EPOCH; "$bin" render --source "$cr" --ref HEAD \
	    --context /keu-goi-dau-tu/nha-o-cong-nhan-kcn-loc-son-giai-doan-1/) \
	    > "$cal/ctx.yaml" 2> "$work/err.txt"
	grep -q '^  build_date: "2022-03-01"$' "$cal/ctx.yaml" && ok ||
	    { bad "calendar: --ref build not at the commit's date"; cat "$work/err.txt"; }
fi

# A work tree build, no --date, no SOURCE_DATE_EPOCH: today in Vietnam
# (read before and after, in case midnight falls in between).
before=$(TZ=UTC-7 date +%F)
(unset SOURCE_DATE_EPOCH; "$bin" render --source "$cal" --no-history \
    --context /keu-goi-dau-tu/nha-o-cong-nhan-kcn-loc-son-giai-doan-1/) \
    > "$cal/ctx.yaml" 2> "$work/err.txt"
after=$(TZ=UTC-7 date +%F)
got=$(sed -n 's/^  build_date: "\(.*\)"$/\1/p' "$cal/ctx.yaml")
[ "$got" = "$before" ] || [ "$got" = "$after" ] && ok ||
    bad "calendar: today in Vietnam is $before, the build said '$got'"
"$bin" render --source "$cal" --no-history --date 2021-09-01 \
    --context /keu-goi-dau-tu/nha-o-cong-nhan-kcn-loc-son-giai-doan-1/ \
    > "$cal/ctx.yaml" 2> "$work/err.txt"
grep -qx 'status_computed: "open"' "$cal/ctx.yaml" && ok ||
    bad "calendar: render --context --date 2021-09-01: not open"

# A bad date: exit 2, the build and the old site untouched.
for d in 2021-02-29 2021-9-1 21-09-01 2021-09-01x ""; do
	expect_exit 2 "calendar: build --date '$d'" "$bin" build --date "$d" \
	    --source "$cal" --out "$cal/bad"
	expect_exit 2 "calendar: check --date '$d'" "$bin" check --date "$d" \
	    --source "$cal"
done
[ -e "$cal/bad" ] && bad "calendar: a bad --date wrote a site" || ok
expect_exit 2 "calendar: serve --date bad" "$bin" serve --date 2021-13-01 \
    --source "$cal"
expect_exit 2 "calendar: render --context --date bad" "$bin" render \
    --date 2021-00-10 --source "$cal" --context /
expect_exit 2 "calendar: render --template with --date" "$bin" render \
    --date 2021-09-01 --template x --data y
