# Open data (issue 12): the sample portal's record tables as CSV and
# JSON, the Data Package, the DCAT-AP catalogue and data.json, and the
# open-data page.  Sourced by tests/e2e.sh.
od="$work/od"
rm -rf "$od"
"$bin" build --quiet --no-history --source "$top" --out "$od" \
    2> "$work/od.err" ||
	{ bad "opendata: the sample does not build"; cat "$work/od.err"; }
# Without history no dates are made up: the build stays reproducible.
grep -q 'dct:issued\|dct:modified' "$od/du-lieu/catalog.jsonld" &&
	bad "opendata: dates without history" || ok

for f in du-lieu/index.html en/data/index.html du-lieu/catalog.jsonld \
    data.json du-lieu/datapackage.json; do
	[ -s "$od/$f" ] && ok || bad "opendata: no $f"
done

# One line per check from Python: "ok" or "bad MESSAGE".
python3 - "$od" "$top" > "$work/od.txt" 2>&1 <<'EOF'
import csv, io, json, os, re, sys
from urllib.parse import urlparse

out, top = sys.argv[1], sys.argv[2]
def ok(): print("ok")
def bad(m): print("bad opendata: " + m)
def check(c, m): ok() if c else bad(m)

# The records of a collection as published: its list's index.json
# (drafts and records dated after the build date left out), which says
# the same as the HTML list.
def records(folder):
    j = json.load(open(os.path.join(out, folder, "index.json"), encoding="utf-8"))
    if folder == "ke-hoach":	# plans: a row per target and zone share
        return sum(1 + len(x.get("by_zone", [])) for i in j["items"]
                   for x in i["targets"])
    return len(j["items"])

base = None
for line in open(os.path.join(top, "content/site.yaml"), encoding="utf-8"):
    if line.startswith("base_url:"):
        base = line.split(":", 1)[1].strip()

tables = {n: n for n in ("khu-cong-nghiep", "keu-goi-dau-tu", "thanh-tra",
                         "van-ban", "ke-hoach")}
for name, folder in tables.items():
    raw = open(os.path.join(out, "du-lieu", name + ".csv"), "rb").read()
    check(raw.startswith(b"\xef\xbb\xbf"), name + ".csv has no BOM")
    body = raw[3:]
    check(body.count(b"\n") == body.count(b"\r\n") and body.endswith(b"\r\n"),
          name + ".csv: lines not ended by CRLF")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    n = records(folder)
    check(len(rows) - 1 == n and n > 0, "%s.csv: %d rows, %d records" % (name, len(rows) - 1, n))
    listed = json.load(open(os.path.join(out, folder, "index.json"), encoding="utf-8"))
    check(sorted(set(r[rows[0].index("url")] for r in rows[1:])) ==
          sorted(i["url"] for i in listed["items"]),
          name + ".csv: not the records of the list")
    check(rows[0][0] in ("slug", "row") and len(set(rows[0])) == len(rows[0]),
          name + ".csv: heading")
    j = json.load(open(os.path.join(out, "du-lieu", name + ".json"), encoding="utf-8"))
    check(len(j["records"]) == n, name + ".json: %d records" % len(j["records"]))
    check([list(r) for r in j["records"]] == [rows[0]] * n,
          name + ".json: keys are not the CSV's columns")

# Every machine-readable file parses, and every URL in it is absolute.
# The search index is the page script's own (its keys are words, such
# as "url", and its values coded postings), not data for others.
files = []
for d, _, fs in os.walk(out):
    if os.path.relpath(d, out).split(os.sep)[:2] == ["tim-kiem", "idx"]:
        continue
    for f in fs:
        if f.endswith((".json", ".jsonld")) or (f.endswith(".csv") and "du-lieu" in d):
            files.append(os.path.join(d, f))
urlish = re.compile(r'"(?:url|source|path|@id|downloadURL|accessURL|landingPage|identifier|homepage|license)"\s*:\s*"([^"]*)"')
for p in files:
    t = open(p, encoding="utf-8-sig").read()
    if p.endswith((".json", ".jsonld")):
        try:
            json.loads(t)
            ok()
        except ValueError as e:
            bad("%s does not parse: %s" % (p, e))
        for u in urlish.findall(t):
            if u.startswith("mailto:") or re.fullmatch(r"[a-z0-9-]+", u):
                continue
            if not urlparse(u).scheme in ("http", "https"):
                bad("%s: relative URL %s" % (os.path.relpath(p, out), u))
                break
        else:
            ok()
    else:
        for r in csv.DictReader(io.StringIO(t, newline="")):
            u = r.get("url", "")
            if u and not u.startswith(base):
                bad("%s: relative URL %s" % (p, u))
                break
        else:
            ok()

# DCAT-AP 2.1.1, class Dataset (section 4.2): the mandatory properties
# (dct:description, dct:title) and the recommended ones (dcat:contactPoint,
# dcat:distribution, dcat:keyword, dct:publisher, dct:spatial,
# dct:temporal, dcat:theme); each of our datasets has all of them, the
# texts in both languages.  Distribution (4.3): dcat:accessURL mandatory;
# dcat:byteSize, dcat:downloadURL, dcat:mediaType, dct:license as used.
cat = json.load(open(os.path.join(out, "du-lieu/catalog.jsonld"), encoding="utf-8"))
check(cat.get("@type") == "dcat:Catalog", "catalog: not a dcat:Catalog")
for k in ("dct:title", "dct:description", "dct:publisher"):
    check(k in cat, "catalog: no " + k)
required = ["dct:title", "dct:description"]
recommended = ["dcat:contactPoint", "dcat:distribution", "dcat:keyword",
               "dct:publisher", "dct:spatial", "dct:temporal", "dcat:theme"]
ds = cat.get("dcat:dataset", [])
# The record tables, each budget, each unit's budget series.
nseries = len(os.listdir(os.path.join(out, "ngan-sach", "chuoi")))
want = len(tables) + records("ngan-sach") + nseries
check(nseries > 0 and len(ds) == want,
      "catalog: %d datasets, want %d" % (len(ds), want))
for d in ds:
    i = d.get("dct:identifier")
    miss = [k for k in required + recommended if not d.get(k)]
    check(not miss, "catalog: %s lacks %s" % (i, miss))
    for k in ("dct:title", "dct:description"):
        check(sorted(x.get("@language") for x in d.get(k, [])) == ["en", "vi"],
              "catalog: %s %s not in vi and en" % (i, k))
    check(d.get("dct:license"), "catalog: %s has no licence" % i)
    for t in d.get("dcat:distribution", []):
        m = [k for k in ("dcat:accessURL", "dcat:downloadURL", "dcat:mediaType",
                         "dcat:byteSize", "dct:license") if k not in t]
        check(not m, "catalog: %s distribution lacks %s" % (i, m))
        # The byte size is the file's.
        u = t["dcat:downloadURL"]["@id"]
        f = os.path.join(out, u[len(base):])
        check(os.path.getsize(f) == int(t["dcat:byteSize"]["@value"]),
              "catalog: byte size of %s" % u)

# Project Open Data v1.1 data.json.  The official schema cannot be
# fetched here (only the Debian and npm registries are reachable, and no
# package of either ships it; README "Open data" says what was looked
# for): this is our transcription of what its catalog.json, dataset.json,
# distribution.json, organization.json and vcard.json require, checked
# with Debian's python3-jsonschema.  It was compared, property by
# property, with the v1.1 schema files (project-open-data.github.io) and
# with the non-federal variant data.gov's harvester applies to state and
# local catalogues (GSA/ckanext-datajson, dataset-non-federal.json): it
# requires all that either requires of a catalogue, a dataset, a
# distribution, a publisher and a contact point, but bureauCode and
# programCode (US federal agencies' budget codes, which the non-federal
# variant does not require), and its patterns for the properties we
# write are narrower than theirs (dates as YYYY-MM-DD, URLs as http(s),
# languages as ISO 639 codes).
import copy
import jsonschema
iso = r"^\d{4}-\d{2}-\d{2}$"
pod = {
  "type": "object",
  "required": ["conformsTo", "dataset"],
  "dependencies": {"@type": ["@context"]},
  "properties": {
    "@context": {"type": "string", "pattern": "^https?://"},
    "@id": {"type": "string", "pattern": "^https?://"},
    "@type": {"enum": ["dcat:Catalog"]},
    "conformsTo": {"enum": ["https://project-open-data.cio.gov/v1.1/schema"]},
    "describedBy": {"type": "string", "pattern": "^https?://"},
    "dataset": {"type": "array", "items": {
      "type": "object",
      "required": ["title", "description", "keyword", "modified", "publisher",
                   "contactPoint", "identifier", "accessLevel"],
      "properties": {
        "@type": {"enum": ["dcat:Dataset"]},
        "title": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "keyword": {"type": "array", "minItems": 1,
                    "items": {"type": "string", "minLength": 1}},
        "modified": {"type": "string", "pattern": iso},
        "issued": {"type": "string", "pattern": iso},
        "publisher": {"type": "object", "required": ["name"], "properties": {
            "@type": {"enum": ["org:Organization"]},
            "name": {"type": "string", "minLength": 1}}},
        "contactPoint": {"type": "object", "required": ["fn", "hasEmail"],
            "properties": {"@type": {"enum": ["vcard:Contact"]},
            "fn": {"type": "string", "minLength": 1},
            "hasEmail": {"type": "string",
                         "pattern": r"^mailto:[\w_~!$&'()*+,;=:.-]+@[\w.-]+\.[\w.-]+?$"}}},
        "identifier": {"type": "string", "minLength": 1},
        "accessLevel": {"enum": ["public", "restricted public", "non-public"]},
        "license": {"type": "string", "pattern": "^https?://"},
        "landingPage": {"type": "string", "pattern": "^https?://"},
        "temporal": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$"},
        "language": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{2,3}$"}},
        "theme": {"type": "array", "minItems": 1, "uniqueItems": True,
                  "items": {"type": "string", "minLength": 1}},
        "distribution": {"type": "array", "minItems": 1, "items": {
          "type": "object", "required": ["downloadURL", "mediaType"],
          "properties": {
            "@type": {"enum": ["dcat:Distribution"]},
            "downloadURL": {"type": "string", "pattern": "^https?://"},
            "mediaType": {"type": "string",
                          "pattern": r"^[-\w]+/[-\w]+(\.[-\w]+)*([+][-\w]+)?$"},
            "format": {"type": "string", "minLength": 1}}}}}}}}}
dj = json.load(open(os.path.join(out, "data.json"), encoding="utf-8"))
errs = list(jsonschema.Draft7Validator(pod).iter_errors(dj))
check(not errs, "data.json: " + "; ".join(e.message for e in errs[:3]))
# The transcription can fail: a dataset without its contact point, a
# catalogue typed without its context, a repeated theme.
for spoil in ("contact", "context", "theme"):
    bad = copy.deepcopy(dj)
    if spoil == "contact":
        del bad["dataset"][0]["contactPoint"]
    elif spoil == "context":
        del bad["@context"]
    else:
        bad["dataset"][0]["theme"] = ["ECON", "ECON"]
    check(any(True for _ in jsonschema.Draft7Validator(pod).iter_errors(bad)),
          "data.json schema: passes a data.json without " + spoil)
check(len(dj["dataset"]) == len(ds), "data.json and the catalogue disagree")
check(len({d["identifier"] for d in dj["dataset"]}) == len(ds),
      "data.json: identifiers repeat")

# The Data Package: one resource per record table, a Table Schema whose
# fields are the CSV's columns, titles in both languages, a primary key,
# and the foreign keys call -> zone and inspection -> zone.
dp = json.load(open(os.path.join(out, "du-lieu/datapackage.json"), encoding="utf-8"))
res = {r["name"]: r for r in dp["resources"]}
fk = lambda n: [(k["fields"], k["reference"]["resource"])
                for k in res[n]["schema"].get("foreignKeys", [])]
check(sorted(res) == sorted(d["dct:identifier"] for d in ds),
      "datapackage: resources %s" % sorted(res))
for name, r in res.items():
    head = next(csv.reader(open(os.path.join(out, r["path"][len(base):]),
                                encoding="utf-8-sig", newline="")))
    f = r["schema"]["fields"]
    check([x["name"] for x in f] == head, name + ": schema fields are not the CSV's")
    check(all(x.get("titles", {}).get("vi") and x["titles"].get("en") for x in f),
          name + ": a field without vi and en titles")
    check(r["schema"].get("primaryKey") == head[0], name + ": no primary key")
    if name not in tables:	# a budget: the parent's code names a row
        check(fk(name) == [(head[2], "")], name + ": parent -> code")
check(fk("keu-goi-dau-tu") == [("zone", "khu-cong-nghiep")], "datapackage: call -> zone")
check(fk("thanh-tra") == [("zone", "khu-cong-nghiep")], "datapackage: inspection -> zone")
check(fk("ke-hoach") == [("zone", "khu-cong-nghiep")], "datapackage: plan -> zone")

# The page lists every dataset with its downloads and the licence.
page = open(os.path.join(out, "du-lieu/index.html"), encoding="utf-8").read()
for d in ds:
    for t in d["dcat:distribution"]:
        check('"/%s"' % t["dcat:downloadURL"]["@id"][len(base):] in page,
              "the page lacks " + t["dcat:downloadURL"]["@id"])
check('rel="license"' in page, "the page shows no licence")
# Each table's list page offers its CSV, the licence beside it.
for name, folder in tables.items():
    t = open(os.path.join(out, folder, "index.html"), encoding="utf-8").read()
    check('href="/du-lieu/%s.csv"' % name in t and 'rel="license"' in t,
          folder + "/: no link to its CSV")
for p in ("index.html", "en/index.html", "ngan-sach/2020-du-toan/index.html"):
    t = open(os.path.join(out, p), encoding="utf-8").read()
    check(t.count('rel="license"') >= (2 if "ngan-sach" in p else 1),
          p + ": no licence in the footer or beside the downloads")
EOF
[ $? = 0 ] || bad "opendata: the Python checks stopped"
while read -r w rest; do
	case $w in
	ok) ok ;;
	bad) bad "$rest" ;;
	*) bad "opendata: $w $rest" ;;
	esac
done < "$work/od.txt"

# A real validator: the Data Package through the `datapackage` npm
# package (tests/browser, installed by its deps.sh; NODE_PATH may point
# at another copy), reading every CSV and checking the primary and
# foreign keys.  It does not strip a UTF-8 BOM, so it reads copies
# without one; the resources' absolute paths are mapped onto the build.
dpdir="$work/od-nobom"
rm -rf "$dpdir"
base=$(sed -n 's/^base_url: *//p' "$top/content/site.yaml")
if NODE_PATH="$top/tests/browser/node_modules${NODE_PATH:+:$NODE_PATH}" \
    node -e 'require.resolve("datapackage")' 2> /dev/null; then
	cat > "$work/od-dp.js" <<'EOF'
const {Package} = require('datapackage');
const fs = require('fs');
const path = require('path');
const [file, base, dir, out] = process.argv.slice(2);
(async () => {
	const d = JSON.parse(fs.readFileSync(file, 'utf8'));
	for (const r of d.resources) {
		r.path = r.path.slice(base.length);
		const to = path.join(dir, r.path);
		fs.mkdirSync(path.dirname(to), {recursive: true});
		fs.writeFileSync(to, fs.readFileSync(path.join(out, r.path))
		    .subarray(3));
	}
	const p = await Package.load(d, {basePath: dir, strict: true});
	for (const r of p.resources)
		await r.read({relations: true});
})().catch(e => { console.error(e.message); process.exit(1); });
EOF
	dp_run() {	# dp_run OUT: validates OUT's datapackage.json
		rm -rf "$dpdir"
		NODE_PATH="$top/tests/browser/node_modules${NODE_PATH:+:$NODE_PATH}" \
		    node "$work/od-dp.js" "$1/du-lieu/datapackage.json" "$base" \
		    "$dpdir" "$1" > "$work/od-dp.txt" 2>&1
	}
	dp_run "$od" && ok || { bad "opendata: datapackage.json fails the datapackage validator"; cat "$work/od-dp.txt"; }
	# It does check the keys: a call naming no zone, a budget row whose
	# parent is no row, each fail.
	rm -rf "$work/od-bad" && cp -R "$od" "$work/od-bad"
	sed -i '2s/,kcn-[a-z-]*,/,kcn-nowhere,/' "$work/od-bad/du-lieu/keu-goi-dau-tu.csv"
	dp_run "$work/od-bad" && bad "opendata: a call naming no zone passes" ||
	    { grep -q 'Foreign key "zone"' "$work/od-dp.txt" && ok || { bad "opendata: the validator failed otherwise"; cat "$work/od-dp.txt"; }; }
	rm -rf "$work/od-bad" && cp -R "$od" "$work/od-bad"
	sed -i '3s/^\([^,]*\),\([0-9]*\),[^,]*,/\1,\2,ZZ,/' \
	    "$work/od-bad/ngan-sach/2020-du-toan/du-lieu.csv"
	dp_run "$work/od-bad" && bad "opendata: a budget row with no parent passes" || ok
	rm -rf "$work/od-bad"
elif [ "${CI:-}" = true ]; then
	bad "opendata: the datapackage npm package is missing (sh tests/browser/deps.sh): its check cannot run"
else
	echo "opendata: the datapackage npm package is not installed (sh tests/browser/deps.sh): its check is skipped" >&2
fi

# The catalogue as JSON-LD: expanded and turned into RDF by the `jsonld`
# npm package in safe mode (a term without a mapping is an error, not
# silently dropped).
if NODE_PATH="$top/tests/browser/node_modules${NODE_PATH:+:$NODE_PATH}" \
    node -e 'require.resolve("jsonld")' 2> /dev/null; then
	NODE_PATH="$top/tests/browser/node_modules${NODE_PATH:+:$NODE_PATH}" \
	    node - "$od/du-lieu/catalog.jsonld" > "$work/od-ld.txt" 2>&1 <<'EOF'
const jsonld = require('jsonld');
const fs = require('fs');
const d = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
jsonld.toRDF(d, {format: 'application/n-quads', safe: true})
	.then(q => { if (!q.includes('http://www.w3.org/ns/dcat#Dataset')) throw new Error('no dcat:Dataset'); })
	.catch(e => { console.error(e.message); process.exit(1); });
EOF
	[ $? = 0 ] && ok || { bad "opendata: catalog.jsonld is not valid JSON-LD"; cat "$work/od-ld.txt"; }
elif [ "${CI:-}" = true ]; then
	bad "opendata: the jsonld npm package is missing (sh tests/browser/deps.sh): its check cannot run"
else
	echo "opendata: the jsonld npm package is not installed (sh tests/browser/deps.sh): its check is skipped" >&2
fi

# With history: a dataset's first and last change are its records'
# commits (dct:issued, dct:modified, data.json's modified, the page).
if command -v git > /dev/null; then
	og="$work/od-git"
	rm -rf "$og"
	mkdir -p "$og"
	cp -R "$top/content" "$top/themes" "$og/"
	(cd "$og" && git init -q && git add -A &&
	    GIT_AUTHOR_DATE=2024-03-05T10:00:00+07:00 \
	    GIT_COMMITTER_DATE=2024-03-05T10:00:00+07:00 \
	    git -c user.name=T -c user.email=t@example.invalid commit -qm 1 &&
	    printf '\n' >> content/zones/kcn-loc-son.yaml && git add -A &&
	    GIT_AUTHOR_DATE=2024-04-09T10:00:00+07:00 \
	    GIT_COMMITTER_DATE=2024-04-09T10:00:00+07:00 \
	    git -c user.name=T -c user.email=t@example.invalid commit -qm 2) ||
		bad "opendata: cannot make the test repository"
	"$bin" build --quiet --source "$og" --out "$og/out" 2> "$work/od.err" ||
		{ bad "opendata: the sample with history does not build"; cat "$work/od.err"; }
	python3 - "$og/out" > "$work/od.txt" 2>&1 <<'PYEOF2'
import json, os, sys
out = sys.argv[1]
c = json.load(open(os.path.join(out, "du-lieu/catalog.jsonld"), encoding="utf-8"))
d = {x["dct:identifier"]: x for x in c["dcat:dataset"]}
z, v = d["khu-cong-nghiep"], d["van-ban"]
print("ok" if (z["dct:issued"]["@value"], z["dct:modified"]["@value"]) ==
      ("2024-03-05", "2024-04-09") else "bad opendata: zones' dates %s" % z.get("dct:modified"))
print("ok" if v["dct:modified"]["@value"] == "2024-03-05" else "bad opendata: documents' date")
p = json.load(open(os.path.join(out, "data.json"), encoding="utf-8"))
m = {x["identifier"].split("#")[1]: x["modified"] for x in p["dataset"]}
print("ok" if m["khu-cong-nghiep"] == "2024-04-09" else "bad opendata: data.json modified")
page = open(os.path.join(out, "du-lieu/index.html"), encoding="utf-8").read()
print("ok" if 'datetime="2024-04-09"' in page else "bad opendata: the page has no last change")
PYEOF2
	while read -r w rest; do
		case $w in
		ok) ok ;;
		bad) bad "$rest" ;;
		*) bad "opendata: $w $rest" ;;
		esac
	done < "$work/od.txt"
fi
