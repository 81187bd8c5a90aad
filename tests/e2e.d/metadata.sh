# What search engines and link previews read (issue 12, Metadata): on
# every HTML page of the sample one absolute canonical link, absolute
# hreflang alternates with x-default wherever a page has another
# language version (both versions naming each other), the icons, the
# OpenGraph keys, and JSON-LD data blocks that parse, with the @type of
# the page's kind; sitemap.xml well-formed with the same alternates; a
# hostile title stays inside its JSON string.
# Sourced by tests/e2e.sh (see tests/e2e.d/README).
md="$work/metadata"
mkdir -p "$md"
expect_exit 0 "metadata: build the sample" \
    "$bin" build --quiet --source "$top" --out "$md/site"
# The small source with the default theme and a news item whose title
# tries to close the data block.
mkdir -p "$md/src"
cp -R "$src/content" "$md/src/content"
cp -R "$top/themes" "$md/src/themes"
cat > "$md/src/content/news/2020-05-05-hostile.md" <<'EOT'
---
title: "</script><script>alert(1)</script>"
date: 2020-05-05
summary: "x <!-- y"
---
Thân bài.
EOT
expect_exit 0 "metadata: build with a hostile title" \
    "$bin" build --quiet --no-history --source "$md/src" --out "$md/hostile"

python3 - "$md/site" "$md/hostile" > "$md/report.txt" 2>&1 <<'PY'
import html.parser, json, os, re, sys

site, hostile = sys.argv[1], sys.argv[2]
BASE = "https://bqlkcn.lamdong.example/"
fails = []


class Head(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.metas, self.ld, self.cur = [], {}, [], None

    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag == "link":
            self.links.append(a)
        elif tag == "meta" and "property" in a:
            self.metas.setdefault(a["property"], []).append(a.get("content"))
        elif tag == "meta" and a.get("name", "").startswith("twitter:"):
            self.metas.setdefault(a["name"], []).append(a.get("content"))
        elif tag == "script" and a.get("type") == "application/ld+json":
            self.cur = ""

    def handle_data(self, d):
        if self.cur is not None:
            self.cur += d

    def handle_endtag(self, tag):
        if tag == "script" and self.cur is not None:
            self.ld.append(self.cur)
            self.cur = None


def parse(path):
    h = Head()
    with open(path, encoding="utf-8") as f:
        h.feed(f.read())
    return h


def kind_of(rel):
    """The @type the sample's page at rel must carry, or None."""
    parts = rel.split("/")
    if parts[0] == "en":
        parts = parts[1:]
    if "history" in parts or "lich-su" in parts:
        return None
    if parts == ["index.html"]:
        return "GovernmentOrganization"
    if len(parts) == 3 and parts[2] == "index.html":
        return {"ngan-sach": "Dataset", "budgets": "Dataset",
                "van-ban": "Legislation", "documents": "Legislation",
                "tin-tuc": "NewsArticle", "news": "NewsArticle",
                "khu-cong-nghiep": "Place", "zones": "Place"}.get(parts[0])
    return None


pages = {}
for d, _, fs in os.walk(site):
    for f in fs:
        if f.endswith(".html"):
            p = os.path.join(d, f)
            pages[os.path.relpath(p, site)] = parse(p)

seen_types = set()
alts = {}
for rel, h in sorted(pages.items()):
    canon = [l["href"] for l in h.links if l.get("rel") == "canonical"]
    if len(canon) != 1 or not canon[0].startswith(BASE):
        fails.append("%s: %d canonical links, %s" % (rel, len(canon), canon))
        continue
    want = BASE + re.sub(r"(^|/)index\.html$", r"\1", rel)
    if canon[0] != want:
        fails.append("%s: canonical %s, not %s" % (rel, canon[0], want))
    hl = {l["hreflang"]: l["href"] for l in h.links
          if l.get("rel") == "alternate" and "hreflang" in l}
    if hl:
        if any(not u.startswith(BASE) for u in hl.values()):
            fails.append("%s: a relative hreflang: %s" % (rel, hl))
        if "x-default" not in hl or hl.get("vi") != hl["x-default"]:
            fails.append("%s: x-default is not the vi version: %s" % (rel, hl))
        lang = "en" if rel.startswith("en/") else "vi"
        if hl.get(lang) != canon[0]:
            fails.append("%s: no hreflang for itself: %s" % (rel, hl))
        alts[canon[0]] = hl
    for k in ("og:title", "og:description", "og:url", "og:type",
              "og:locale", "og:site_name", "og:image", "twitter:card"):
        if len(h.metas.get(k, [])) != 1:
            fails.append("%s: %s %d times" % (rel, k, len(h.metas.get(k, []))))
    if h.metas.get("og:url") != canon:
        fails.append("%s: og:url is not the canonical URL" % rel)
    loc = h.metas.get("og:locale", [""])[0]
    if loc != ("en_US" if rel.startswith("en/") else "vi_VN"):
        fails.append("%s: og:locale %s" % (rel, loc))
    icons = [l.get("href") for l in h.links
             if l.get("rel") in ("icon", "apple-touch-icon")]
    if len(icons) != 3:
        fails.append("%s: %d icons" % (rel, len(icons)))
    for i in icons:
        if not os.path.isfile(os.path.join(site, i.lstrip("/"))):
            fails.append("%s: icon %s missing" % (rel, i))
    types = []
    for blk in h.ld:
        try:
            types.append(json.loads(blk)["@type"])
        except Exception as e:
            fails.append("%s: JSON-LD does not parse: %s" % (rel, e))
    k = kind_of(rel)
    if k is not None and types != [k]:
        fails.append("%s: JSON-LD types %s, not [%s]" % (rel, types, k))
    seen_types.update(types)

# Both versions name each other.
for u, hl in alts.items():
    for l, v in hl.items():
        if l != "x-default" and v in alts and alts[v] != hl:
            fails.append("%s and %s list different versions" % (u, v))
for t in ("GovernmentOrganization", "Dataset", "Legislation", "NewsArticle",
          "Place"):
    if t not in seen_types:
        fails.append("no page has JSON-LD of @type %s" % t)
if not any(u.startswith(BASE + "en/") for u in alts):
    fails.append("no English page has hreflang alternates")

# A hostile title stays inside its JSON string.
p = os.path.join(hostile, "tin-tuc", "2020", "hostile", "index.html")
with open(p, encoding="utf-8") as f:
    text = f.read()
h = parse(p)
if len(h.ld) != 1:
    fails.append("hostile: %d JSON-LD blocks" % len(h.ld))
else:
    o = json.loads(h.ld[0])
    if o.get("headline") != "</script><script>alert(1)</script>":
        fails.append("hostile: headline %r" % o.get("headline"))
if text.count("<script") != 1 + text.count('<script src='):
    fails.append("hostile: a script element besides the data block")

for f in fails:
    print(f)
print("checked %d pages, %d with alternates" % (len(pages), len(alts)))
sys.exit(1 if fails else 0)
PY
[ $? = 0 ] && ok || { bad "metadata: the pages' head"; head -30 "$md/report.txt"; }

# --- sitemap.xml: well-formed, with the same alternates -------------------
if command -v xmllint > /dev/null; then
	xmllint --noout "$md/site/sitemap.xml" 2> "$md/xmllint.txt" && ok ||
		{ bad "sitemap.xml is not well-formed"; cat "$md/xmllint.txt"; }
else
	echo "NOTE: xmllint not installed (apt-get install libxml2-utils): sitemap.xml not parsed"
fi
grep -q '<xhtml:link rel="alternate" hreflang="en" href="https://bqlkcn.lamdong.example/en/tin-tuc/"/>' \
    "$md/site/sitemap.xml" && ok || bad "sitemap.xml: no xhtml:link to the English news list"
grep -q 'hreflang="x-default"' "$md/site/sitemap.xml" && ok ||
	bad "sitemap.xml: no x-default"
grep -q '<lastmod>[0-9-]*</lastmod>' "$md/site/sitemap.xml" && ok ||
	bad "sitemap.xml: no lastmod"
# History pages and old revisions are noindex: not in the sitemap.
grep -q '/lich-su/\|/history/' "$md/site/sitemap.xml" &&
	bad "sitemap.xml lists a noindex history page" || ok
# Small icons, PNGs where PNGs are said.
for f in favicon-32.png apple-touch-icon.png; do
	head -c 8 "$md/site/$f" | od -An -c | grep -q 'P   N   G' && ok ||
		bad "$f is not a PNG"
	[ "$(wc -c < "$md/site/$f")" -lt 8192 ] && ok || bad "$f is over 8 KB"
done
