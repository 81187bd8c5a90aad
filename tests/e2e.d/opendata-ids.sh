# One dataset, one identifier (issue 12): the schema.org Dataset of every
# page (a budget's, a budget series', each entry of the open-data page's
# DataCatalog) carries the @id and identifier of its DCAT entry in
# du-lieu/catalog.jsonld, data.json names the same, and every catalogue
# entry is on the open-data page in each language and, when it has a
# page of its own, on that page.  Budget series pages: their XLSX and
# their hreflang pair (reciprocal), in the head and in the sitemap; with
# a budget translated into English under an English unit name too, where
# the English records form two units and only the one that shares the
# most records with the Vietnamese series is its translation.  Sourced
# by tests/e2e.sh.
oi="$work/od-ids"
rm -rf "$oi"
mkdir -p "$oi/tr"
"$bin" build --quiet --no-history --source "$top" --out "$oi/out" \
    2> "$work/od-ids.err" ||
	{ bad "opendata-ids: the sample does not build"; cat "$work/od-ids.err"; }
cp -R "$top/content" "$top/themes" "$oi/tr/"
sed 's/^  name: Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng$/  name: Lam Dong Industrial Zones Management Board/
s/^title: .*/title: Disclosure of the 2020 budget estimate/' \
    "$top/content/budgets/2020-du-toan.yaml" \
    > "$oi/tr/content/budgets/2020-du-toan.en.yaml"
"$bin" build --quiet --no-history --source "$oi/tr" --out "$oi/tr/out" \
    2> "$work/od-ids.err" ||
	{ bad "opendata-ids: the translated budget does not build"; cat "$work/od-ids.err"; }

python3 - "$oi/out" "$oi/tr/out" > "$work/od-ids.txt" 2>&1 <<'EOF'
import json, os, re, sys

def ok(): print("ok")
def bad(m): print("bad opendata-ids: " + m)
def check(c, m): ok() if c else bad(m)

def checks(out, series_pages):
    """The checks on one build of series_pages series pages; returns the
    pages naming each catalogue entry and each series page's alternates."""
    cat = json.load(open(os.path.join(out, "du-lieu/catalog.jsonld"), encoding="utf-8"))
    dcat = {d["@id"]: d for d in cat["dcat:dataset"]}
    pod = json.load(open(os.path.join(out, "data.json"), encoding="utf-8"))
    check(sorted(d["identifier"] for d in pod["dataset"]) == sorted(dcat),
          "data.json's identifiers are not the catalogue's @ids")

    block = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

    pages = {}	# page (relative path) -> its JSON-LD objects
    for d, _, fs in os.walk(out):
        for f in fs:
            if f.endswith(".html"):
                p = os.path.join(d, f)
                t = open(p, encoding="utf-8").read()
                pages[os.path.relpath(p, out)] = [json.loads(b) for b in block.findall(t)]

    def same(ds, where):
        """A schema.org Dataset names a catalogue entry, by @id and identifier."""
        i = ds.get("@id")
        if i not in dcat:
            bad("%s: Dataset %r is not in the catalogue" % (where, i))
            return None
        check(ds.get("identifier") == dcat[i]["dct:identifier"],
              "%s: identifier %r, the catalogue says %r"
              % (where, ds.get("identifier"), dcat[i]["dct:identifier"]))
        return i

    own = {}	# catalogue @id -> the pages whose Dataset it is
    catalogs = {}
    for p, objs in pages.items():
        for o in objs:
            if o.get("@type") == "Dataset":
                i = same(o, p)
                if i:
                    own.setdefault(i, []).append(p)
            elif o.get("@type") == "DataCatalog":
                catalogs[p] = o
                check(o.get("@id") == cat["@id"],
                      "%s: DataCatalog %r, the catalogue is %r" % (p, o.get("@id"), cat["@id"]))
                for ds in o.get("dataset", []):
                    check(ds.get("@type") == "Dataset", p + ": a catalogue entry is no Dataset")
                    same(ds, p)
                check(sorted(ds.get("@id") for ds in o.get("dataset", [])) == sorted(dcat),
                      p + ": the DataCatalog does not list every catalogue entry")
    check(sorted(catalogs) == ["du-lieu/index.html", "en/data/index.html"],
          "the DataCatalog is on %s" % sorted(catalogs))

    # Every entry with a page of its own (a budget, a series) is that page's
    # Dataset: its landing page, in the main language, says so.
    for i, d in dcat.items():
        land = d["dcat:landingPage"]["@id"]
        rel = land[len(cat["foaf:homepage"]["@id"]):] + "index.html"
        if rel in pages and not rel.startswith(("khu-cong-nghiep/", "keu-goi-dau-tu/",
                                                "thanh-tra/", "van-ban/", "ke-hoach/")):
            check(rel in own.get(i, []), "%s: its page %s has not its Dataset" % (i, rel))
    series = [i for i in dcat if "-chuoi-" in i]
    check(len(series) > 0, "no budget series in the catalogue")
    for i in series:
        check(len(own.get(i, [])) == 2, "%s: Dataset on %s, want both languages" % (i, own.get(i)))
        check(any(t["dcat:downloadURL"]["@id"].endswith("/du-lieu.xlsx")
                  for t in dcat[i]["dcat:distribution"]), i + ": no XLSX distribution")

    # Budget series: each page links its XLSX, names its other language
    # (reciprocal hreflang alternates), and the sitemap says the same.
    sm = open(os.path.join(out, "sitemap.xml"), encoding="utf-8").read()
    alt = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
    home = cat["foaf:homepage"]["@id"]
    sp = sorted(p for p in pages if re.match(r"(ngan-sach/chuoi|en/ngan-sach/series)/[^/]+/index.html$", p))
    check(len(sp) == series_pages, "series pages %s" % sp)
    salt = {}
    for p in sp:
        t = open(os.path.join(out, p), encoding="utf-8").read()
        d = os.path.dirname(p)
        check(os.path.isfile(os.path.join(out, d, "du-lieu.xlsx")) and
              'href="/%s/du-lieu.xlsx"' % d in t, p + ": no XLSX")
        a = salt[p] = dict(alt.findall(t))
        if not a:
            continue
        check(sorted(a) == ["en", "vi", "x-default"], "%s: alternates %s" % (p, a))
        me = home + d + "/"
        check(me in a.values(), p + ": not among its own alternates")
        for l, u in a.items():
            o = u[len(home):] + "index.html"
            check(o in pages and me in dict(alt.findall(open(os.path.join(out, o), encoding="utf-8").read())).values(),
                  "%s: %s does not name it back" % (p, u))
        check(re.search(r"<loc>%s</loc>\s*<xhtml:link" % re.escape(me), sm),
              p + ": no alternates in the sitemap")
    return own, salt


# The sample: one unit, its series in both languages, a pair.
own, salt = checks(sys.argv[1], 2)
check(len(salt) == 2 and all(salt.values()), "sample: series alternates %s" % salt)

# 2020-du-toan in English, its unit named in English: the English
# records form two units; the Vietnamese series pairs with the one that
# shares two records with it, the other has no translation and, being in
# no catalogue, no Dataset; the English budget page names the budget's
# catalogue entry.
own, salt = checks(sys.argv[2], 3)
u = "https://bqlkcn.lamdong.example/"
vi = "ngan-sach/chuoi/ban-quan-ly-cac-khu-cong-nghiep-tinh-lam-dong/index.html"
enb = "en/ngan-sach/series/ban-quan-ly-cac-khu-cong-nghiep-tinh-lam-dong/index.html"
enl = "en/ngan-sach/series/lam-dong-industrial-zones-management-board/index.html"
check(salt.get(vi, {}).get("en") == u + enb[:-len("index.html")],
      "translated unit: the vi series' English version %s" % salt.get(vi))
check(salt.get(enl) == {}, "translated unit: %s has alternates %s" % (enl, salt.get(enl)))
check(sorted(own.get(u + "du-lieu/#ngan-sach-2020-du-toan", [])) ==
      ["en/ngan-sach/2020-du-toan/index.html", "ngan-sach/2020-du-toan/index.html"],
      "translated budget: its Dataset is on %s" % own.get(u + "du-lieu/#ngan-sach-2020-du-toan"))

EOF
[ $? = 0 ] || bad "opendata-ids: the Python checks stopped"
while read -r w rest; do
	case $w in
	ok) ok ;;
	bad) bad "$rest" ;;
	*) bad "opendata-ids: $w $rest" ;;
	esac
done < "$work/od-ids.txt"
