#!/bin/sh
# Installs what the browser suite needs on Debian 12: chromium, nginx,
# a Java runtime (for the Nu HTML checker), node and npm, then the npm
# packages pinned by package-lock.json.  As non-root it prints the exact
# apt-get line and fails.  It never downloads a browser: the suite
# drives /usr/bin/chromium through playwright-core.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

missing=
need() {	# need PACKAGE COMMAND...: PACKAGE unless one COMMAND exists
	pkg=$1
	shift
	for c in "$@"; do
		case $c in
		/*) [ -x "$c" ] && return 0 ;;
		*) command -v "$c" >/dev/null 2>&1 && return 0 ;;
		esac
	done
	missing="$missing $pkg"
}
need chromium /usr/bin/chromium
need nginx-light nginx /usr/sbin/nginx
need default-jre-headless java
need nodejs node
need npm npm
# Vietnamese needs fonts with full Latin Extended Additional coverage.
dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null |
	grep -q 'ok installed' || missing="$missing fonts-noto-core"
missing=${missing# }

if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "browser: installing $missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >&2
	else
		echo "browser: missing packages; run as root:" >&2
		echo "  apt-get install -y --no-install-recommends $missing" >&2
		exit 1
	fi
fi

# npm ci only when node_modules is missing or the lockfile changed.
stamp="$here/node_modules/.minhbach-lock.sha256"
want=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
have=$(cat "$stamp" 2>/dev/null || true)
if [ ! -d "$here/node_modules" ] || [ "$want" != "$have" ]; then
	echo "browser: npm ci" >&2
	# Playwright must not fetch its own browsers (it cannot here).
	(cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	printf '%s\n' "$want" >"$stamp"
fi
