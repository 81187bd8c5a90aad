# Records (issue 10): each mistake an editor makes in a record of the
# sample portal gives one located Vietnamese line, "path:L:C: lỗi: …
# [id]", that names the place and says the fix; --lang en gives the same
# ids in English.  Sourced by tests/e2e.sh.

# A fresh copy of the sample portal in $work/r1, then sed -i $1 on $2.
rec_break() {
	rm -rf "$work/r1"
	mkdir -p "$work/r1"
	cp -R "$top/content" "$top/themes" "$work/r1/"
	rec_file=$work/r1/content/$2
	sed -i "$1" "$rec_file" || bad "records: cannot edit $2"
}

# rec_check STATUS LANG PATTERN WHAT: `check` exits STATUS and prints a
# line matching PATTERN (grep -E), and no error line without it.
rec_check() {
	"$bin" check --quiet --no-history --lang "$2" --source "$work/r1" \
	    > /dev/null 2> "$work/rec.txt"
	rec_rc=$?
	if [ "$rec_rc" != "$1" ]; then
		bad "records, $4: exit $rec_rc, expected $1"
		cat "$work/rec.txt"
	elif ! grep -Eq "$3" "$work/rec.txt"; then
		bad "records, $4: no line like $3"
		cat "$work/rec.txt"
	elif [ "$1" != 0 ] && [ "$(grep -Ec ': (lỗi|error): ' \
	    "$work/rec.txt")" != 1 ]; then
		bad "records, $4: more than one error for one mistake"
		cat "$work/rec.txt"
	else
		ok
	fi
}

rec_call=calls/nha-o-cong-nhan-kcn-loc-son-giai-doan-1.md
rec_news=news/2019-07-15-hdnd-tinh-thong-qua-nghi-quyet-ve-kcn-phu-binh.md
rec_zone=zones/kcn-loc-son.yaml
rec_doc=documents/nq-130-2019-nq-hdnd.yaml

# A date written day/month/year: the ISO date to write, computed.
rec_break 's/^published_on: 2021-05-10$/published_on: 10\/05\/2021/' "$rec_call"
rec_check 1 vi "^content/$rec_call:42:15: lỗi: .*10/05/2021.*viết 2021-05-10.*\[record\.date-dmy\]$" "dd/mm/yyyy date"
rec_check 1 en "^content/$rec_call:42:15: error: .*write 2021-05-10.*\[record\.date-dmy\]$" "dd/mm/yyyy date, English"

# A tab in the indentation: named by line and column, nothing else.
rec_break 's/^  cleared_land: 94.68$/\tcleared_land: 94.68/' "$rec_zone"
rec_check 1 vi "^content/$rec_zone:20:1: lỗi: dòng 20 .*Tab ở dòng 20, cột 1 bằng dấu cách \[yaml\.tab-indent\]$" "tab indentation"
rec_check 1 en "^content/$rec_zone:20:1: error: .*replace the tab at line 20, column 1 with spaces \[yaml\.tab-indent\]$" "tab indentation, English"

# Ð (U+00D0) for Đ in a title: a warning at the letter.
rec_break '2s/^title: HĐND/title: HÐND/' "$rec_news"
rec_check 0 vi "^content/$rec_news:2:9: cảnh báo: trường \`title\`: chữ Ð .*dòng 2, cột 9.*thay Ð bằng Đ \[record\.text-lookalike\]$" "Ð in a title"
rec_check 0 en "^content/$rec_news:2:9: warning: .*line 2, column 9.*replace Ð with Đ \[record\.text-lookalike\]$" "Ð in a title, English"

# ... and in a document number: an error.
rec_break 's/^number: 130\/2019\/NQ-HĐND$/number: 130\/2019\/NQ-HÐND/' "$rec_doc"
rec_check 1 vi "^content/$rec_doc:4:9: lỗi: trường \`number\`: .*thay Ð bằng Đ \[record\.docnumber-lookalike\]$" "Ð in a document number"
rec_check 1 en "^content/$rec_doc:4:9: error: .*replace Ð with Đ \[record\.docnumber-lookalike\]$" "Ð in a document number, English"

# A zone that does not exist: the nearest one there is.
rec_break 's/^  zone: kcn-loc-son$/  zone: kcn-loc-sonn/' "$rec_call"
rec_check 1 vi "^content/$rec_call:10:9: lỗi: trường \`location.zone\`: .*\`kcn-loc-sonn\`; có phải ý bạn là \`kcn-loc-son\`\? \[record\.unknown-ref-near\]$" "unknown zone"
rec_check 1 en "^content/$rec_call:10:9: error: .*did you mean \`kcn-loc-son\`\? \[record\.unknown-ref-near\]$" "unknown zone, English"

# A misspelt key: the one it stands for, in one error.
rec_break '2s/^title:/tittle:/' "$rec_news"
rec_check 1 vi "^content/$rec_news:2:1: lỗi: không có trường \`tittle\`; có phải ý bạn là \`title\`\? .*\[record\.misspelled-required\]$" "misspelt key"
rec_check 1 en "^content/$rec_news:2:1: error: there is no field \`tittle\`; did you mean \`title\`\? .*\[record\.misspelled-required\]$" "misspelt key, English"

# A required field left out: named, with an example line.
rec_break '/^published_on: 2021-05-10$/d' "$rec_call"
rec_check 1 vi "^content/$rec_call:2:1: lỗi: thiếu trường bắt buộc \`published_on\`; thêm một dòng, ví dụ \`published_on: [0-9-]*\` \[record\.missing-field\]$" "missing required field"
rec_check 1 en "^content/$rec_call:2:1: error: the required field \`published_on\` is missing; add a line such as \`published_on: [0-9-]*\` \[record\.missing-field\]$" "missing required field, English"

# An occupancy figure miscopied: the figure the areas give, to write.
# (Both bases recomputed when the leased area changes: tests/e2e.d/zones.sh.)
rec_break 's/^  industrial_land: 84.17$/  industrial_land: 84.71/' "$rec_zone"
rec_check 1 vi "^content/$rec_zone:21:20: lỗi: .*ghi 84,71% .*112,9579 ha .*134,2 ha là 84,17[0-9]*%; sửa thành 84,17 \(trong tệp viết \`industrial_land: 84.17\`\) \[zone\.occupancy-mismatch\]$" "occupancy miscopied"
rec_check 1 en "^content/$rec_zone:21:20: error: .*write 84.17 .*\[zone\.occupancy-mismatch\]$" "occupancy miscopied, English"
# A figure refused for its type: its one error, not also "missing".
rec_break 's/^leased_ha: 61.84$/leased_ha: 61,84/' zones/kcn-phu-hoi.yaml
rec_check 1 vi "^content/zones/kcn-phu-hoi.yaml:17:12: lỗi: trường \`leased_ha\` .*«61,84» \[record\.wrong-type\]$" "a refused figure"
rm -rf "$work/r1"
