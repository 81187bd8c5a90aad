# Site search (generator/search.c, js/search.js): each language's index
# is written beside /tim-kiem/, two builds give the same bytes, the shard
# of the term "ngan" lists the budget pages, the search pages exist in
# both languages with the collections' lists for readers without
# JavaScript, and the page's script answers the issue's queries in node
# (tests/search/query.mjs) when node is installed.
se="$work/search"
mkdir -p "$se"
expect_exit 0 "build for search" "$bin" build --quiet --no-history \
	--date 2026-12-07 --source "$top" --out "$se/a"
expect_exit 0 "build for search again" "$bin" build --quiet --no-history \
	--date 2026-12-07 --source "$top" --out "$se/b"
idx="$se/a/tim-kiem/idx"
[ -f "$idx/vi/meta.json" ] && [ -f "$idx/en/meta.json" ] && [ -f "$idx/vi/s0.json" ] &&
	[ -f "$idx/vi/d0.json" ] && ok || bad "search: the index is not written"
diff -r "$se/a/tim-kiem" "$se/b/tim-kiem" > /dev/null && ok ||
	bad "search: two builds write different indexes"
# The documents numbered in d<k>.json (10 a chunk), the budgets' numbers
# from meta.json's kind letters; the "ngan" postings are base64url
# characters: 32-63 a digit of the gap less one, 0-31 the weight.
if command -v python3 > /dev/null; then
	python3 - "$idx/vi" <<'PY' && ok || bad "search: the \"ngan\" shard lacks the budget pages"
import json, sys, glob, os
d = sys.argv[1]
meta = json.load(open(os.path.join(d, "meta.json")))
b = meta["kinds"].index("budget")
budgets = {i for i, c in enumerate(meta["k"]) if ord(c) - 97 == b}
hits = [f for f in glob.glob(os.path.join(d, "s*.json")) if "ngan" in json.load(open(f))]
assert len(hits) == 1, hits
B = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
p, docs, n, g = json.load(open(hits[0]))["ngan"], set(), -1, 0
for c in p:
    v = B.index(c)
    if v & 32:
        g = g * 32 + (v & 31)
        continue
    n, g = n + g + 1, 0
    docs.add(n)
assert len(budgets) == 3 and budgets <= docs, (budgets, docs)
PY
fi
for p in "$se/a/tim-kiem/index.html" "$se/a/en/search/index.html"; do
	grep -q 'js/search.js' "$p" && grep -q 'id="search-form"' "$p" &&
		grep -q 'href="/ngan-sach/"\|href="/en/ngan-sach/"' "$p" && ok ||
		bad "search: $p lacks the form, the script or the collections' lists"
done
grep -q '<script>' "$se/a/tim-kiem/index.html" && bad "search: inline script" || ok
if command -v node > /dev/null; then
	node "$top/tests/search/query.mjs" "$se/a" check > "$se/node.log" 2>&1 && ok ||
		bad "search: the node checks failed: $(cat "$se/node.log")"
fi
