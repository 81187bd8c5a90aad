#!/bin/sh
# Installs what minhbach needs from Debian's packages, or says exactly
# what to install.  "build": the generator's libraries; "test": also
# check, git, python3, xmllint and openpyxl (unit and end-to-end tests;
# libxml2-utils holds xmllint, which checks the feeds, sitemap and SVG;
# python3-openpyxl reads the budgets' XLSX back, tests/xlsx-vs-csv.py);
# "lint": cppcheck, clang-tidy, clang-format and shellcheck; "fuzz":
# clang.  Run by `make site`, `make test`, `make lint` and `make fuzz`.
set -eu
what=${1:-build}
pkgs="pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libgit2-dev libyaml-dev libutf8proc-dev libmicrohttpd-dev libxlsxwriter-dev"
[ "$what" = test ] && pkgs="$pkgs check git python3 libxml2-utils python3-openpyxl"
[ "$what" = lint ] && pkgs="$pkgs cppcheck clang-tidy clang-format shellcheck"
[ "$what" = fuzz ] && pkgs="$pkgs clang"

missing=
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	echo "minhbach: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >&2
else
	echo "minhbach: missing packages; run as root:" >&2
	echo "  apt-get install -y$missing" >&2
	exit 1
fi
