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
