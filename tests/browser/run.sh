#!/bin/sh
# The browser suite, in groups (all of them without arguments:
# `sh run.sh [site] [preview] [search] [lighthouse] [english]`):
#   site     builds the sample portal (content/ + themes/default) with
#            $MINHBACH into a temporary folder, serves it through nginx
#            with deploy/nginx.conf on a free loopback port, and runs
#            check.mjs in Chromium ("browser: N passed, M failed");
#   preview  runs preview.mjs: `minhbach serve` on a copy of the sample,
#            edited while Chromium shows it ("browser preview: ...");
#   search   the site search on the sample portal served as for site
#            (search.mjs: queries, the filter, no JavaScript);
#   lighthouse  Lighthouse's SEO and best-practices categories on one
#            page of every kind in both languages, served as for site
#            (lighthouse.mjs: each score must be 100).
#   english  an investor's way through the English pages, served as for
#            site (english.mjs: home, zones, a zone, its open call, the
#            contact, in at most three clicks; English words and
#            formats on every page).
# Exits 1 on any failure.  Screenshots go to tests/browser/artifacts/.
set -eu
export MINHBACH_STRICT_MESSAGES=1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
MINHBACH=${MINHBACH:-$top/generator/minhbach}
case $MINHBACH in /*) ;; *) MINHBACH=$(pwd)/$MINHBACH ;; esac

# BROWSER_SITE (a built folder to check) has no preview to run.
if [ $# -gt 0 ]; then
	groups=$*
elif [ -n "${BROWSER_SITE:-}" ]; then
	groups=site
else
	groups="site preview search lighthouse english"
fi
for g in $groups; do
	case $g in
	site | preview | search | lighthouse | english) ;;
	*) echo "browser: unknown group '$g' (site, preview, search, lighthouse, english)" >&2; exit 2 ;;
	esac
done
want() {
	case " $groups " in *" $1 "*) return 0 ;; esac
	return 1
}

sh "$here/deps.sh"
[ -n "${BROWSER_SITE:-}" ] || [ -x "$MINHBACH" ] ||
	{ echo "browser: no generator at $MINHBACH" >&2; exit 1; }

status=0
mkdir -p "$here/artifacts"
if want preview; then
	MINHBACH=$MINHBACH TOP=$top ARTIFACTS=$here/artifacts \
	    node "$here/preview.mjs" || status=1
fi
want site || want search || want lighthouse || want english || exit $status

tmp=$(mktemp -d "${TMPDIR:-/tmp}/minhbach-browser.XXXXXX")
# nginx's workers run as nobody when started by root: let them in.
chmod 755 "$tmp"
nginx_pid=
# shellcheck disable=SC2317  # called by the trap below
cleanup() {
	if [ -n "$nginx_pid" ]; then
		kill "$nginx_pid" 2>/dev/null || true
		wait "$nginx_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

nginx=$(command -v nginx || echo /usr/sbin/nginx)

# start_nginx PORT: serve $tmp/site on 127.0.0.1:PORT with the production
# server block; 0 once it listens (the pid file appears only after the
# sockets are bound), 1 when it exits (typically: port taken).
start_nginx() {
	port=$1
	sed -e "s|^\([[:space:]]*\)listen [^;]*;\([[:space:]]*# test: listen\)$|\1listen 127.0.0.1:$port;\2|" \
	    -e '/# test: listen6$/d' \
	    -e "s|^\([[:space:]]*\)server_name [^;]*;|\1server_name 127.0.0.1;|" \
	    -e "s|^\([[:space:]]*\)root [^;]*;\([[:space:]]*# test: root\)$|\1root $tmp/site;\2|" \
	    "$top/deploy/nginx.conf" >"$tmp/site.conf"
	grep -q "listen 127.0.0.1:$port;" "$tmp/site.conf" &&
	    grep -q "root $tmp/site;" "$tmp/site.conf" || {
		echo "browser: deploy/nginx.conf lost its '# test:' lines" >&2
		return 2
	}
	cat >"$tmp/nginx.conf" <<-EOF
	daemon off;
	master_process on;
	worker_processes 1;
	pid $tmp/nginx.pid;
	error_log $tmp/error.log warn;
	events { worker_connections 128; }
	http {
		access_log $tmp/access.log;
		client_body_temp_path $tmp/client_body;
		proxy_temp_path $tmp/proxy;
		fastcgi_temp_path $tmp/fastcgi;
		uwsgi_temp_path $tmp/uwsgi;
		scgi_temp_path $tmp/scgi;
		include $tmp/site.conf;
	}
	EOF
	rm -f "$tmp/nginx.pid"
	"$nginx" -p "$tmp" -c "$tmp/nginx.conf" -e "$tmp/error.log" \
	    2>>"$tmp/nginx.stderr" &
	nginx_pid=$!
	i=0
	while [ $i -lt 100 ]; do
		[ -s "$tmp/nginx.pid" ] && return 0
		if ! kill -0 "$nginx_pid" 2>/dev/null; then
			wait "$nginx_pid" 2>/dev/null || true
			nginx_pid=
			return 1
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Check the configuration once, then look for a free port.
port=18080
start_nginx $port && started=1 || started=0
if [ "$started" = 0 ]; then
	"$nginx" -t -p "$tmp" -c "$tmp/nginx.conf" -e "$tmp/error.log" \
	    >"$tmp/nginx-t.log" 2>&1 || {
		cat "$tmp/nginx-t.log" >&2
		echo "browser: nginx rejects deploy/nginx.conf" >&2
		exit 1
	}
	for port in 18081 18082 18083 18084 18085 18086 18087 18088 18089 \
	    18090 18091 18092 18093 18094 18095 18096 18097 18098 18099; do
		start_nginx $port && { started=1; break; }
	done
fi
if [ "$started" = 0 ]; then
	echo "browser: nginx did not start on any port 18080-18099" >&2
	cat "$tmp/nginx.stderr" >&2 || true
	exit 1
fi
base=http://127.0.0.1:$port

# The site is built with the test address as its base URL, so absolute
# links the theme writes point at the server under test.  BROWSER_SITE
# names an already-built folder to check instead (to test the checks).
if [ -n "${BROWSER_SITE:-}" ]; then
	cp -R "$BROWSER_SITE" "$tmp/site"
else
	# A shallow checkout cannot give history pages: build without them
	# rather than fail (the generator refuses a shallow history).
	hist=
	[ "$(git -C "$top" rev-parse --is-shallow-repository 2>/dev/null)" = true ] &&
		hist=--no-history
	"$MINHBACH" build --quiet --source "$top" --out "$tmp/site" \
	    --base-url "$base/" $hist ||
		{ echo "browser: the sample portal does not build" >&2; exit 1; }
fi
chmod -R a+rX "$tmp/site"

if want site; then
	SITE_DIR=$tmp/site BASE_URL=$base ARTIFACTS=$here/artifacts \
	    NGINX_ERROR_LOG=$tmp/error.log node "$here/check.mjs" || status=$?
fi
if want search; then
	SITE_DIR=$tmp/site BASE_URL=$base node "$here/search.mjs" || status=$?
fi
if want lighthouse; then
	SITE_DIR=$tmp/site BASE_URL=$base node "$here/lighthouse.mjs" || status=$?
fi
if want english; then
	BASE_URL=$base TOP=$top node "$here/english.mjs" || status=$?
fi
exit $status
