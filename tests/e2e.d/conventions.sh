# The conventions of a C project (issue 11): every command's -h/--help,
# --version naming the commit and the libraries, the man page rendering
# without a warning, and make install putting the binary, the man page
# and the default theme under PREFIX.
# Sourced by tests/e2e.sh (see tests/e2e.d/README).

cw="$work/conventions"
mkdir -p "$cw"

# --- -h and --help: the command's usage on stdout, exit 0 -------------
for c in build check serve render messages new schema; do
	for h in -h --help; do
		expect_exit 0 "$c $h" "$bin" "$c" "$h"
		head -1 "$work/out.txt" | grep -q "^usage: minhbach $c " && ok ||
			bad "$c $h: no 'usage: minhbach $c' on stdout"
		[ ! -s "$work/err.txt" ] && ok || bad "$c $h wrote to stderr"
		# Its own usage, not every command's.
		grep -q "minhbach --version" "$work/out.txt" &&
			bad "$c $h printed the general usage" || ok
	done
done
expect_exit 0 "-h" "$bin" -h
grep -q "^usage: minhbach build" "$work/out.txt" && ok || bad "-h: no usage"

# --- --version: version, commit, the five libraries -------------------
expect_exit 0 "--version" "$bin" --version
head -1 "$work/out.txt" | grep -q "^minhbach $(cat "$top/VERSION") (commit [0-9a-z-]*)$" && ok ||
	{ bad "--version: first line is not 'minhbach VERSION (commit ...)'"; cat "$work/out.txt"; }
for lib in cmark-gfm libgit2 libyaml utf8proc libxlsxwriter; do
	grep -q "^$lib [0-9][0-9.]*" "$work/out.txt" && ok ||
		bad "--version does not name $lib's version"
done
# Built by the Makefile from a git checkout: the commit is known.
if git -C "$top" rev-parse --short HEAD > "$cw/head" 2> /dev/null; then
	grep -q "(commit $(cat "$cw/head")" "$work/out.txt" && ok ||
		echo "NOTE: --version names another commit than HEAD (binary built before the last commit?)"
fi

# --- the man page renders without a warning ---------------------------
if command -v groff > /dev/null; then
	groff -mandoc -Tutf8 -ww -z "$top/minhbach.1" > "$cw/groff.txt" 2>&1
	[ $? = 0 ] && [ ! -s "$cw/groff.txt" ] && ok ||
		{ bad "minhbach.1: groff warns"; cat "$cw/groff.txt"; }
	LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$top/minhbach.1" > "$cw/man.txt" 2> "$cw/man.err"
	[ $? = 0 ] && [ ! -s "$cw/man.err" ] && ok ||
		{ bad "man -l minhbach.1 fails or warns"; cat "$cw/man.err"; }
	# Every command and every option of the usage is in the page.
	"$bin" 2> "$cw/usage.txt"
	for w in $(grep -o -- '--[a-z-]*' "$cw/usage.txt" | sort -u) \
	    build check serve render messages new schema; do
		grep -q -- "$w" "$cw/man.txt" && ok || bad "minhbach.1 does not document $w"
	done
elif [ "${CI:-}" = true ]; then
	bad "groff is missing: the man page is not checked"
else
	echo "NOTE: groff missing: minhbach.1 not rendered"
fi

# --- make install DESTDIR=... PREFIX=... ------------------------------
# The binary under test is the one installed (INSTALL_BIN; -o: make does
# not rebuild generator/minhbach).
if command -v make > /dev/null; then
	make -s -C "$top" -o generator/minhbach install DESTDIR="$cw/dest" \
	    PREFIX=/opt/mb INSTALL_BIN="$bin" > "$cw/install.txt" 2>&1
	[ $? = 0 ] && ok || { bad "make install fails"; cat "$cw/install.txt"; }
	p="$cw/dest/opt/mb"
	[ -x "$p/bin/minhbach" ] && cmp -s "$p/bin/minhbach" "$bin" && ok ||
		bad "make install: no bin/minhbach"
	[ -f "$p/share/man/man1/minhbach.1" ] && ok || bad "make install: no share/man/man1/minhbach.1"
	grep -q '/opt/mb/share/minhbach/themes/default/' "$p/share/man/man1/minhbach.1" && ok ||
		bad "make install: the man page does not name PREFIX's theme folder"
	for f in theme.yaml templates/base.mustache static; do
		[ -e "$p/share/minhbach/themes/default/$f" ] && ok ||
			bad "make install: no share/minhbach/themes/default/$f"
	done
	diff -r "$top/themes/default" "$p/share/minhbach/themes/default" > /dev/null && ok ||
		bad "make install: the installed theme differs from themes/default"
	# A site without themes/ builds with the installed theme (the
	# binary's PREFIX is /usr/local: MINHBACH_DATADIR points at DESTDIR's)
	# the same pages as with its own copy.
	mkdir -p "$cw/notheme" && cp -R "$top/content" "$cw/notheme/"
	MINHBACH_DATADIR="$p/share/minhbach" "$bin" build --no-history --date 2026-12-07 \
	    --source "$cw/notheme" --out "$cw/notheme-out" > "$cw/nt.txt" 2>&1
	[ $? = 0 ] && grep -q '\[\?theme\.installed\]\?\|/opt/mb/share/minhbach/themes/default' "$cw/nt.txt" && ok ||
		{ bad "a site without themes/ does not build with the installed theme"; cat "$cw/nt.txt"; }
	"$bin" build --quiet --no-history --date 2026-12-07 --source "$top" \
	    --out "$cw/withtheme-out" 2> /dev/null
	diff -r "$cw/notheme-out" "$cw/withtheme-out" > /dev/null && ok ||
		bad "the installed theme gives other pages than themes/default"
	# Without an installed theme, the theme is missing, located in site.yaml.
	MINHBACH_DATADIR="$cw/nowhere" "$bin" check --no-history --source "$cw/notheme" \
	    > /dev/null 2> "$cw/nt.txt"
	grep -q '^content/site.yaml:[0-9]*:[0-9]*: .*\[theme.missing\]' "$cw/nt.txt" && ok ||
		{ bad "no theme anywhere is not theme.missing"; cat "$cw/nt.txt"; }
	make -s -C "$top" uninstall DESTDIR="$cw/dest" PREFIX=/opt/mb > "$cw/install.txt" 2>&1
	[ -z "$(find "$cw/dest" -type f)" ] && ok || bad "make uninstall left files"
else
	echo "NOTE: make missing: make install not tested"
fi

# --- deploy/nginx.conf: cache, compression, CORS, redirect, 405 ------
# The sample portal served by nginx with the production server block (as
# tests/browser/run.sh does), asked with curl.  nginx is installed by
# tests/browser/deps.sh, which make test runs after this file: without
# nginx or curl, a note.
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ -x "$nginx" ] && command -v curl > /dev/null; then
	# nginx's workers run as nobody when started by root: a folder they
	# can read, outside $work (mode 700).
	nx=$(mktemp -d "${TMPDIR:-/tmp}/minhbach-nginx.XXXXXX")
	chmod 755 "$nx"
	"$bin" build --quiet --no-history --precompress --source "$top" --out "$nx/site" > /dev/null 2>&1 ||
		bad "nginx: the sample portal does not build"
	chmod -R a+rX "$nx/site"
	nx_pid=
	for port in 18181 18182 18183 18184 18185 18186 18187 18188 18189; do
		sed -e "s|^\([[:space:]]*\)listen [^;]*;\([[:space:]]*# test: listen\)$|\1listen 127.0.0.1:$port;\2|" \
		    -e '/# test: listen6$/d' \
		    -e "s|^\([[:space:]]*\)server_name [^;]*;|\1server_name 127.0.0.1;|" \
		    -e "s|^\([[:space:]]*\)root [^;]*;\([[:space:]]*# test: root\)$|\1root $nx/site;\2|" \
		    "$top/deploy/nginx.conf" > "$nx/site.conf"
		cat > "$nx/nginx.conf" <<-NGINX
		daemon off;
		master_process on;
		worker_processes 1;
		pid $nx/nginx.pid;
		error_log $nx/error.log warn;
		events { worker_connections 64; }
		http {
			access_log off;
			client_body_temp_path $nx/client_body;
			proxy_temp_path $nx/proxy;
			fastcgi_temp_path $nx/fastcgi;
			uwsgi_temp_path $nx/uwsgi;
			scgi_temp_path $nx/scgi;
			include $nx/site.conf;
		}
		NGINX
		rm -f "$nx/nginx.pid"
		"$nginx" -p "$nx" -c "$nx/nginx.conf" -e "$nx/error.log" 2>> "$nx/stderr" &
		nx_pid=$!
		i=0
		while [ $i -lt 50 ] && [ ! -s "$nx/nginx.pid" ] && kill -0 "$nx_pid" 2> /dev/null; do
			sleep 0.1
			i=$((i + 1))
		done
		[ -s "$nx/nginx.pid" ] && break
		kill "$nx_pid" 2> /dev/null
		wait "$nx_pid" 2> /dev/null
		nx_pid=
	done
	if [ -z "$nx_pid" ]; then
		bad "nginx does not start with deploy/nginx.conf"
		cat "$nx/stderr" "$nx/error.log" 2> /dev/null
	else
		u="http://127.0.0.1:$port"
		# nx_head METHOD PATH: the response's status line and headers,
		# lower-cased, in $nx/h.
		nx_head() {
			curl -s -o /dev/null -D - -X "$1" "$u$2" | tr -d '\r' |
				tr '[:upper:]' '[:lower:]' > "$nx/h"
		}
		nx_has() {	# nx_has REGEX WHAT: a header line matches, else bad
			grep -q "$1" "$nx/h" && ok || { bad "nginx: $2"; cat "$nx/h"; }
		}
		nx_hasnt() {
			grep -q "$1" "$nx/h" && { bad "nginx: $2"; cat "$nx/h"; } || ok
		}
		v=$(grep -o 'css/site\.css?v=[0-9a-z]*' "$nx/site/index.html" | head -1)
		[ -n "$v" ] && ok || bad "nginx: the home page links no site.css?v="
		# Immutable only for the fingerprinted URL.
		nx_head GET "/$v"
		nx_has '^http/1.1 200' "fingerprinted CSS is not 200"
		nx_has '^cache-control: public, max-age=31536000, immutable$' "/$v is not immutable"
		nx_head GET /css/site.css
		nx_hasnt 'immutable' "/css/site.css without ?v= is immutable"
		nx_has '^cache-control: public, max-age=300, must-revalidate$' "/css/site.css: not revalidated"
		nx_head GET /js/filter.js?v=0000000000
		nx_has 'immutable' "/js/filter.js?v= is not immutable"
		nx_head GET /css/khong-co.css?v=0000000000
		nx_has '^http/1.1 404' "a missing asset is not 404"
		nx_hasnt 'immutable' "a 404 for a fingerprinted URL is immutable"
		nx_head GET /
		nx_hasnt 'immutable' "HTML is immutable"
		nx_hasnt '^access-control-allow-origin' "HTML has CORS"
		# Compression: the .gz that build --precompress wrote, as it is
		# (gzip_static), to a client that accepts gzip; plain otherwise.
		curl -s -H 'Accept-Encoding: gzip' -o "$nx/body.gz" -D "$nx/h" "$u/" &&
			tr -d '\r' < "$nx/h" | tr '[:upper:]' '[:lower:]' > "$nx/h2" && mv "$nx/h2" "$nx/h"
		nx_has '^content-encoding: gzip' "/ is not sent gzip-compressed"
		cmp -s "$nx/body.gz" "$nx/site/index.html.gz" && ok ||
			bad "nginx: / is not the precompressed index.html.gz"
		curl -s -o "$nx/body" "$u/"
		cmp -s "$nx/body" "$nx/site/index.html" && ok ||
			bad "nginx: / without Accept-Encoding is not index.html"
		# CORS for JSON, CSV and feeds.
		for f in "$(cd "$nx/site" && find . -name '*.json' | head -1)" \
		    "$(cd "$nx/site" && find . -name '*.csv' | head -1)" \
		    "$(cd "$nx/site" && find . -name 'atom.xml' | head -1)"; do
			[ -n "$f" ] || { bad "nginx: the sample has no file for a CORS check"; continue; }
			nx_head GET "${f#.}"
			nx_has '^http/1.1 200' "${f#.}: not 200"
			nx_has '^access-control-allow-origin: \*$' "${f#.}: no Access-Control-Allow-Origin: *"
		done
		# /x/index.html is /x/; /x/ itself is served, not redirected.
		nx_head GET /tin-tuc/index.html
		nx_has '^http/1.1 301' "/tin-tuc/index.html is not redirected"
		nx_has '^location: /tin-tuc/$' "/tin-tuc/index.html does not go to /tin-tuc/"
		nx_head GET /index.html
		nx_has '^location: /$' "/index.html does not go to /"
		nx_head GET /tin-tuc/
		nx_has '^http/1.1 200' "/tin-tuc/ is not 200"
		nx_head GET /tin-tuc/index.html?trang=2
		nx_has '^location: /tin-tuc/?trang=2$' "the redirect drops the query"
		# 405 with Allow; GET answers carry no Allow.
		nx_head POST /
		nx_has '^http/1.1 405' "POST is not 405"
		nx_has '^allow: get, head$' "405 without Allow: GET, HEAD"
		nx_head GET /
		nx_hasnt '^allow:' "a GET answer carries Allow"
		kill "$nx_pid" 2> /dev/null
		wait "$nx_pid" 2> /dev/null
	fi
	rm -rf "$nx"
else
	echo "NOTE: nginx or curl missing: deploy/nginx.conf headers not tested (make test's browser suite installs nginx)"
fi
