# Refused, never guessed (issue 11): a repository git refuses for its
# owner is an error with the fix unless --no-history; control characters,
# a bad file name, a FIFO and a broken Markdown link are located errors;
# NFD text is normalised with a warning; every XML output of the sample
# is well-formed.  Sourced by tests/e2e.sh.

rf="$work/refuse"
mkdir -p "$rf/home"

# A small site of its own: the sample's theme, one page.
rf_site() {
	rm -rf "$1"
	mkdir -p "$1/content/pages"
	cp -R "$top/themes" "$1/themes"
	cp "$top/content/site.yaml" "$1/content/site.yaml"
}

# --- safe.directory -----------------------------------------------------
# Needs root (chown to another user).  As root the repository is handed
# to nobody, and the build (as root, with a HOME that trusts nothing)
# must refuse it with the advice; --no-history builds.
if [ "$(id -u)" = 0 ]; then
	rf_site "$rf/owned"
	(cd "$rf/owned" && git init -q && git add -A &&
	    git -c user.name=t -c user.email=t@t commit -qm t) >/dev/null
	chown -R nobody "$rf/owned"
	expect_exit 1 "repository of another user" env HOME="$rf/home" \
	    XDG_CONFIG_HOME="$rf/home" GIT_CONFIG_NOSYSTEM=1 \
	    sh -c "cd '$rf/owned' && '$bin' build --source . --out ../owned-out"
	grep -q "safe.directory $rf/owned.*\[repo.not-owned\]" "$work/err.txt" &&
	    ok || { bad "not-owned: no advice"; cat "$work/err.txt"; }
	expect_exit 0 "repository of another user, --no-history" \
	    env HOME="$rf/home" XDG_CONFIG_HOME="$rf/home" \
	    GIT_CONFIG_NOSYSTEM=1 sh -c "cd '$rf/owned' && '$bin' build \
	    --no-history --source . --out ../owned-out"
	chown -R "$(id -u)" "$rf/owned"
elif [ -n "${CI:-}" ]; then
	bad "refuse: safe.directory test needs root under CI"
else
	echo "note: not root: the safe.directory test is skipped"
fi

# --- bad inputs: each a located diagnostic --------------------------------
rf_site "$rf/bad"
rf_page() {	# name, front matter and body after the first '---'
	echo --- > "$rf/bad/content/pages/$1"
	printf '%b' "$2" >> "$rf/bad/content/pages/$1"
}
rf_page ok.md 'title: Được\n---\nNội dung.\n'
rf_page vt.md 'title: Tin\vmới\n---\n'
rf_page soh.md 'title: Tin\n---\nThân \0001bài.\n'
rf_page esc.md 'title: "Tin\\x01"\n---\n'
expect_exit 1 "control characters" "$bin" check --no-history \
    --source "$rf/bad"
for want in 'content/pages/vt.md:2:11: .*U+000B.*\[text.control-char\]' \
    'content/pages/soh.md:4:6: .*U+0001.*\[text.control-char\]' \
    'content/pages/esc.md:2:8: .*U+0001.*\[text.control-char\]'; do
	grep -q "^$want" "$work/err.txt" && ok ||
	    { bad "control: no '$want'"; cat "$work/err.txt"; }
done
rm -f "$rf/bad/content/pages/vt.md" "$rf/bad/content/pages/soh.md" \
    "$rf/bad/content/pages/esc.md"
# NFD: "mới" as o + U+031B + U+0301; warned at its letter, output NFC.
rf_page nfd.md 'title: Tin mo\0314\0233\0314\0201i\n---\n'
mkfifo "$rf/bad/content/pages/ong"
expect_exit 0 "NFD text and a FIFO" "$bin" build --no-history \
    --source "$rf/bad" --out "$rf/bad-out"
grep -q '^content/pages/nfd.md:2:13: .*\[text.not-nfc\]' "$work/err.txt" &&
    ok || { bad "NFD: no warning"; cat "$work/err.txt"; }
grep -q '^content/pages/ong:1:1: .*FIFO.*\[source.special-file\]' \
    "$work/err.txt" && ok || { bad "FIFO: no warning"; cat "$work/err.txt"; }
grep -rq 'Tin mới' "$rf/bad-out" && ! grep -rq "$(printf '%b' 'mo\0314\0233')" \
    "$rf/bad-out" && ok || bad "NFD: the output is not NFC"
rm -f "$rf/bad/content/pages/ong"
# A name that is not UTF-8: refused, shown escaped.
rf_page "$(printf 'b\341o-c\341o.md')" 'title: Báo cáo\n---\n'
expect_exit 1 "a name not UTF-8" "$bin" check --no-history \
    --source "$rf/bad"
grep -q '^content/pages/b\\xe1o-c\\xe1o.md:1:1: .*\[source.name-not-utf8\]' \
    "$work/err.txt" && ok || { bad "bad name: no error"; cat "$work/err.txt"; }
rm -f "$rf/bad/content/pages/b"*

# A broken Markdown link: located, with the nearest URL; once fixed,
# root-relative links get the base path of base_url.
rf_page lk.md 'title: Liên kết\n---\nXem [x](/khong-co/) và [ok](/ok/).\n'
expect_exit 1 "a broken link" "$bin" check --no-history --source "$rf/bad"
grep -q '^content/pages/lk.md:4:5: .*«/khong-co/».*«/[^»]*».*\[link.broken\]' \
    "$work/err.txt" && ok || { bad "broken link: no error"; cat "$work/err.txt"; }
rf_page lk.md 'title: Liên kết\n---\nXem [ok](/ok/) và [ok](../ok/#a).\n'
expect_exit 0 "links under a base path" "$bin" build --no-history \
    --source "$rf/bad" --out "$rf/bad-out" --base-url https://x.gov.vn/kcn/
grep -q 'href="/kcn/ok/"' "$rf/bad-out/lk/index.html" &&
    grep -q 'href="../ok/#a"' "$rf/bad-out/lk/index.html" && ok ||
    bad "links under a base path: not rewritten"

# --- every XML output of the sample is well-formed ------------------------
# The Atom feeds, the sitemap and the SVG charts: a control character in
# a title would break them (it is refused above); xmllint proves the rest.
if command -v xmllint > /dev/null; then
	rf_n=0
	expect_exit 0 "sample build for XML" "$bin" build --quiet \
	    --no-history --source "$top" --out "$rf/sample-out"
	for f in $(find "$rf/sample-out" -type f \( -name '*.xml' -o \
	    -name '*.atom' -o -name '*.svg' \) | sort); do
		rf_n=$((rf_n + 1))
		xmllint --noout "$f" 2> "$rf/xmllint.txt" && ok ||
		    { bad "not well-formed XML: ${f#"$rf/sample-out/"}"
		    head -5 "$rf/xmllint.txt"; }
	done
	[ "$rf_n" -ge 3 ] && ok || bad "XML outputs: only $rf_n found"
elif [ -n "${CI:-}" ]; then
	bad "xmllint missing (generator/deps.sh test installs libxml2-utils)"
else
	echo "note: no xmllint: the XML outputs are not checked"
fi
