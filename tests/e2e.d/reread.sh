# Bodies read again (CONTENT_REREAD, item_body.c, issue 14): a build from
# a folder keeps no Markdown body that is its file's own bytes, and reads
# each again where it is needed (the search thread, the render workers,
# excerpts, diffs); a build from a git commit (--ref) keeps them all.
# The two must publish the same site, also for the files whose bytes are
# unusual: CRLF line ends, a byte-order mark, NFD text (kept: the load
# rewrites it), a body without a summary (its excerpt), a body that is
# only a newline.
rr="$work/reread"
mkdir -p "$rr/repo"
cp -R "$top/content" "$top/themes" "$rr/repo/"
printf -- '---\r\ntitle: "Dòng CRLF"\r\ndate: 2024-03-01\r\n---\r\nĐoạn một, không có tóm tắt.\r\n\r\nĐoạn hai.\r\n' \
    > "$rr/repo/content/news/2024-03-01-crlf.md"
printf '\357\273\277---\ntitle: "Có BOM"\ndate: 2024-03-02\nsummary: "Tóm tắt."\n---\nThân bài có BOM ở đầu tệp.\n' \
    > "$rr/repo/content/news/2024-03-02-bom.md"
printf -- '---\ntitle: "NFD"\ndate: 2024-03-03\n---\nVie\314\202\314\243t Nam.\n' \
    > "$rr/repo/content/news/2024-03-03-nfd.md"
printf -- '---\ntitle: "Trống"\ndate: 2024-03-04\n---\n\n' \
    > "$rr/repo/content/news/2024-03-04-trong.md"
if git -C "$rr/repo" init -q 2> /dev/null &&
    git -C "$rr/repo" add -A &&
    git -C "$rr/repo" -c user.name=T -c user.email=t@example.invalid \
        commit -q -m "mẫu" > /dev/null; then
	expect_exit 0 "reread: build from the folder" "$bin" build --quiet \
	    --date 2026-12-07 --source "$rr/repo" --out "$rr/dir"
	expect_exit 0 "reread: build from the commit" "$bin" build --quiet \
	    --date 2026-12-07 --source "$rr/repo" --ref HEAD --out "$rr/ref"
	diff -r "$rr/dir" "$rr/ref" > "$rr/diff" 2>&1 && ok ||
		{ bad "reread: the folder's build (bodies read again) and the commit's (kept) differ"; head -20 "$rr/diff"; }
	# the odd files made it to their pages, whole
	grep -q "Đoạn hai." "$rr/dir/tin-tuc/crlf/index.html" 2> /dev/null && ok ||
		bad "reread: the CRLF body's second paragraph is missing"
	grep -q "Thân bài có BOM" "$rr/dir/tin-tuc/bom/index.html" 2> /dev/null && ok ||
		bad "reread: the body after a byte-order mark is missing"
	grep -q "Việt Nam" "$rr/dir/tin-tuc/nfd/index.html" 2> /dev/null && ok ||
		bad "reread: the NFD body is not published in NFC"
	# the excerpt of a body without a summary, on the news list
	grep -rq "Đoạn một, không có tóm tắt." "$rr/dir/tin-tuc/index.html" && ok ||
		bad "reread: the excerpt of a body without a summary is missing"
else
	bad "reread: could not make a git repository"
fi
