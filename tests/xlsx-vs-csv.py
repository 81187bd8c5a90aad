#!/usr/bin/python3
"""Compares a budget's du-lieu.xlsx with its du-lieu.csv, cell for cell;
a budget series' (<list>/chuoi/<unit>/du-lieu.xlsx, budget_series.c) the
same way: its one title line, then the series CSV's six row columns and
one figure column per record column.

Usage: xlsx-vs-csv.py FILE.xlsx FILE.csv  (exit 0 when they agree, 1 with
the differences on stderr, 2 when openpyxl is missing).

The workbook (generator/xlsx.c, budget_model.c, budget_series.c) has one
sheet: title lines in bold (the form's header), an empty row, the CSV's
heading row in bold, then one row per CSV row.  The level (column 2) and
every figure (the columns after the label, the 7th on) are numbers
(openpyxl type 'n') equal to the CSV's decimal; everything else is text
('s') equal to the CSV's text, the STT too (less the apostrophe the CSV
puts before a leading = + - @); an empty CSV field is an empty cell.  Read
with Debian's python3-openpyxl, a reader that does not share libxlsxwriter's
code.
"""
import csv
import sys

try:
    import openpyxl
except ImportError:
    print("xlsx-vs-csv: python3-openpyxl is missing", file=sys.stderr)
    sys.exit(2)

FIXED = 6       # code, level, parent, kind, STT, label
LEVEL = 1


def unguard(text):
    """The CSV's text without the apostrophe buf_add_csv() puts before a
    leading = + - @ (so that a spreadsheet does not run it as a formula);
    the workbook's text cells need none."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        return text[1:]
    return text


def main(xlsx, csvpath):
    bad = []
    with open(csvpath, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    head, data = rows[0], rows[1:]
    wb = openpyxl.load_workbook(xlsx)
    if len(wb.worksheets) != 1:
        bad.append("%d sheets, want 1" % len(wb.worksheets))
    ws = wb.worksheets[0]
    # The heading row: the first whose cells are the CSV's headings.
    h = None
    for r in range(1, ws.max_row + 1):
        if [ws.cell(r, c + 1).value for c in range(len(head))] == head:
            h = r
            break
    if h is None:
        print("%s: no row holds the CSV's headings %r" % (xlsx, head),
              file=sys.stderr)
        return 1
    if h < 2 or not all(ws.cell(r, 1).font.b
                        for r in range(1, h - 1)):
        bad.append("no bold title lines above the headings")
    if ws.cell(h - 1, 1).value is not None:
        bad.append("no empty row between the titles and the headings")
    for c in range(len(head)):
        if not ws.cell(h, c + 1).font.b:
            bad.append("heading %r is not bold" % head[c])
    if ws.max_row != h + len(data):
        bad.append("%d rows after the headings, the CSV has %d"
                   % (ws.max_row - h, len(data)))
    if ws.max_column != len(head):
        bad.append("%d columns, the CSV has %d"
                   % (ws.max_column, len(head)))
    for i, row in enumerate(data):
        for c, want in enumerate(row):
            cell = ws.cell(h + 1 + i, c + 1)
            where = "%s (row %d, %r)" % (cell.coordinate, i + 1, head[c])
            if want == "":
                if cell.value is not None:
                    bad.append("%s: %r, the CSV has nothing"
                               % (where, cell.value))
            elif c == LEVEL or c >= FIXED:
                if cell.data_type != "n" or isinstance(cell.value, bool):
                    bad.append("%s: %r is not a number" % (where, cell.value))
                elif cell.value != float(want):
                    bad.append("%s: %r, the CSV has %s"
                               % (where, cell.value, want))
            elif cell.data_type != "s" or cell.value not in (
                    want, unguard(want)):
                bad.append("%s: %r (type %s), the CSV has the text %r"
                           % (where, cell.value, cell.data_type, want))
    for b in bad:
        print("%s: %s" % (xlsx, b), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
