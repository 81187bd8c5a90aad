# Render worker processes (render_procs.c, issue 14): the site and the
# diagnostics do not depend on how pages are rendered: one thread
# (--jobs 1), worker processes (--jobs 2, the default on two cores) or
# worker threads (MINHBACH_RENDER=threads); a worker that dies, an error
# in one page and a stop each fail the build and keep the previous site.
rp="$work/render-procs"
mkdir -p "$rp"

# Builds source $1 into $rp/$2 with the arguments after; stderr without
# its last line (the summary, which names the folder and the time) to
# $rp/$2.err, the exit status to $rp/$2.rc.
rp_build() {
	s=$1; o=$2; shift 2
	"$bin" build --no-history --date 2026-12-07 --source "$s" \
	    --out "$rp/$o" "$@" > /dev/null 2> "$rp/$o.all"
	echo $? > "$rp/$o.rc"
	sed '$d' "$rp/$o.all" > "$rp/$o.err"
}

# Three ways, one site: $1 the source, $2 a name.
rp_same() {
	rp_build "$1" "$2-1" --jobs 1
	rp_build "$1" "$2-2" --jobs 2
	# (Exported: an assignment before a function call may not be.)
	export MINHBACH_RENDER=threads
	rp_build "$1" "$2-t" --jobs 2
	unset MINHBACH_RENDER
	for v in 2 t; do
		[ "$(cat "$rp/$2-1.rc")" = 0 ] &&
		    [ "$(cat "$rp/$2-$v.rc")" = 0 ] && ok ||
			bad "render-procs $2: exit $(cat "$rp/$2-1.rc") and $(cat "$rp/$2-$v.rc")"
		diff -r "$rp/$2-1" "$rp/$2-$v" > /dev/null && ok ||
			bad "render-procs $2: --jobs 1 and $v write different sites"
		cmp -s "$rp/$2-1.err" "$rp/$2-$v.err" && ok ||
			bad "render-procs $2: --jobs 1 and $v print different diagnostics"
	done
}

# The sample portal (it has warnings: they must come through the pipe
# unchanged) and a bench corpus.
mkdir -p "$rp/portal"
cp -R "$top/content" "$top/themes" "$rp/portal/"
rp_same "$rp/portal" portal
[ -s "$rp/portal-2.err" ] && ok || bad "render-procs: the sample printed no warnings to compare"
if [ -n "$gen" ]; then
	"$gen" "$rp/bench" 400 > /dev/null
	cp -R "$top/themes" "$rp/bench/themes"
	rp_same "$rp/bench" bench
fi

# An error found while rendering (a broken link in one body): the same diagnostics from the workers as from one
# thread, exit 1, the previous site kept.
cp -R "$rp/portal" "$rp/bad"
first=$(find "$rp/bad/content/news" -name '*.md' | sort | head -n 1)
printf '\nXem [trang này](/khong-co-trang-nay/).\n' >> "$first"
for j in 1 2; do
	cp -R "$rp/portal-1" "$rp/bad-$j"
	rp_build "$rp/bad" "bad-$j" --jobs "$j"
	[ "$(cat "$rp/bad-$j.rc")" = 1 ] && ok ||
		bad "render-procs: an error in one page exits $(cat "$rp/bad-$j.rc") with --jobs $j"
	diff -r "$rp/portal-1" "$rp/bad-$j" > /dev/null && ok ||
		bad "render-procs: an error in one page changed the site (--jobs $j)"
done
grep -q '\[link\.broken\]' "$rp/bad-2.err" && ok ||
	bad "render-procs: the broken link is not reported by a worker"
cmp -s "$rp/bad-1.err" "$rp/bad-2.err" && ok ||
	bad "render-procs: a page's errors differ between --jobs 1 and 2"
# check renders too, in the workers, and says the same.
"$bin" check --no-history --date 2026-12-07 --source "$rp/bad" --jobs 2 \
    > /dev/null 2> "$rp/bad-check.all"
[ $? = 1 ] && ok || bad "render-procs: check of a bad page does not exit 1"
sed '$d' "$rp/bad-check.all" | cmp -s - "$rp/bad-1.err" && ok ||
	bad "render-procs: check's diagnostics differ from build's"

# A worker that dies: an error says so, exit 1, the site kept.
cp -R "$rp/portal-1" "$rp/crash"
export MINHBACH_TEST_WORKER_CRASH=1
rp_build "$rp/portal" crash --jobs 2
unset MINHBACH_TEST_WORKER_CRASH
[ "$(cat "$rp/crash.rc")" = 1 ] && ok ||
	bad "render-procs: a dead worker exits $(cat "$rp/crash.rc")"
grep -q '^minhbach: lỗi: .*\[render\.worker-died\]' "$rp/crash.err" && ok ||
	bad "render-procs: a dead worker is not reported"
diff -r "$rp/portal-1" "$rp/crash" > /dev/null && ok ||
	bad "render-procs: a dead worker changed the site"

# Stopped while the workers render: the site kept, no worker left.
if [ -n "$gen" ]; then
	"$gen" "$rp/bigsrc" 3000 > /dev/null
	cp -R "$top/themes" "$rp/bigsrc/themes"
	rp_build "$rp/bigsrc" big --jobs 2
	cp -R "$rp/big" "$rp/big-prev"
	for sig in TERM INT; do
		"$bin" build --quiet --no-history --date 2026-12-07 \
		    --source "$rp/bigsrc" --out "$rp/big" --jobs 2 2> /dev/null &
		pid=$!
		# Into the render stage: after the model, before the end.
		sleep 0.4
		kill -$sig $pid 2> /dev/null
		wait $pid
		code=$?
		echo "render-procs: SIG$sig: exit $code" >> "$rp/log"
		[ $code != 0 ] || echo "render-procs: SIG$sig came too late to stop the build (not a failure)"
		diff -r "$rp/big-prev" "$rp/big" > /dev/null && ok ||
			bad "render-procs: SIG$sig changed the site (exit $code)"
		sleep 0.2
		pgrep -f "out $rp/big --jobs" > /dev/null &&
			bad "render-procs: SIG$sig left a worker running" || ok
	done
fi
