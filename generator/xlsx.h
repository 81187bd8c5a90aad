/*
 * Spreadsheet downloads (XLSX, through libxlsxwriter): a workbook of
 * tables, each with title lines above its bold column headings and one
 * row per line, a column either text or numbers.  The 2018 disclosure
 * rules ask for tables as Excel files, and a spreadsheet set to
 * Vietnamese regional settings misreads a CSV's decimal points: here
 * figures are typed numbers and need no parsing.
 *
 * The bytes are byte-identical from run to run: the creation time
 * stored in docProps/core.xml is the date given (the build date), and
 * libxlsxwriter dates every zip entry 1980-01-01.
 */
#ifndef MINHBACH_XLSX_H
#define MINHBACH_XLSX_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* The workbook's media type (catalogues, schema.org downloads). */
#define XLSX_MEDIA_TYPE \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

struct xlsx_table {
	const char *name; /* the sheet's tab (cut to 31) */
	const char *const *titles; /* lines above the table */
	size_t ntitles;
	const char *const *heads; /* ncols column headings */
	const bool *numeric; /* ncols: its cells are numbers */
	size_t ncols;
	const char *const *cells; /* nrows * ncols, row by row; NULL
					 * or "" leaves a cell empty */
	size_t nrows;
};

/*
 * Appends the workbook of the n tables to out; date (YYYY-MM-DD) is its
 * creation date.  A numeric cell that is not a plain decimal is written
 * as text.  Returns 0, or -1 with *why saying what failed (static
 * text): the workbook goes through a private temporary folder under
 * $TMPDIR (or /tmp), libxlsxwriter writing only to files.
 */
int xlsx_write(const struct xlsx_table *t, size_t n, const char *date,
    struct buf *out, const char **why);

/* The sheet row (0-based) of table t's headings: after its titles and
 * one empty row (none without titles). */
size_t xlsx_head_row(const struct xlsx_table *t);

#endif
