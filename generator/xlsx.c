/*
 * Spreadsheet downloads (xlsx.h).  libxlsxwriter 1.1 writes only to a
 * named file (no memory output before 1.1.5), so each workbook is made in
 * a private folder from mkdtemp, read back into the caller's buffer and
 * removed: the page is then written, served or checked like any other
 * bytes of the model, and nothing of it lands beside the site.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "xlsx.h"

/* Widths in characters: enough for a figure, no wider than a label
 * that wraps nowhere would make the sheet unreadable. */
#define WIDTH_MIN 8
#define WIDTH_MAX 60

size_t
xlsx_head_row(const struct xlsx_table *t)
{
	return t->ntitles > 0 ? t->ntitles + 1 : 0;
}

/* Characters of UTF-8 text (bytes that do not continue one). */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; s != NULL && *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * A plain decimal (what the CSV holds: an optional '-', digits, an
 * optional '.' and digits), then strtod, correctly rounded; minhbach
 * never calls setlocale, so the C locale's '.' is the decimal mark.
 */
static bool
decimal(const char *s, double *out)
{
	const char *p = s + (*s == '-');
	bool digits = false;

	for (; *p >= '0' && *p <= '9'; p++)
		digits = true;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (!digits || *p != '\0')
		return false;
	*out = strtod(s, NULL);
	return true;
}

/* A sheet name Excel accepts: no []:*?/\, at most 31 characters (UTF-8
 * text cut on a character boundary), never empty. */
static void
sheet_name(const char *in, size_t i, char *out, size_t size)
{
	size_t n = 0, k = 0;

	for (; in != NULL && *in != '\0' && k + 4 < size; in++) {
		unsigned char c = (unsigned char)*in;

		if ((c & 0xc0) != 0x80 && ++n > 31)
			break;
		out[k++] = strchr("[]:*?/\\", c) != NULL ? '-' : (char)c;
	}
	out[k] = '\0';
	if (k == 0)
		snprintf(out, size, "%zu", i + 1);
}

/* Midnight UTC of a YYYY-MM-DD date; 0 (1970) for anything else. */
static time_t
date_time(const char *date)
{
	struct tm tm = {0};
	int n;

	if (date == NULL)
		return 0;
	n = sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	if (n != 3)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

static lxw_error
sheet(lxw_workbook *wb, const struct xlsx_table *t, size_t ti, lxw_format *bold)
{
	char name[128];
	lxw_worksheet *ws;
	lxw_error e = LXW_NO_ERROR;
	size_t r, c, h = xlsx_head_row(t);

	sheet_name(t->name, ti, name, sizeof name);
	if ((ws = workbook_add_worksheet(wb, name)) == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	for (r = 0; r < t->ntitles && e == LXW_NO_ERROR; r++)
		e = worksheet_write_string(ws, (lxw_row_t)r, 0, t->titles[r],
		    bold);
	for (c = 0; c < t->ncols && e == LXW_NO_ERROR; c++) {
		size_t w = chars(t->heads[c]);

		e = worksheet_write_string(ws, (lxw_row_t)h, (lxw_col_t)c,
		    t->heads[c], bold);
		for (r = 0; r < t->nrows && e == LXW_NO_ERROR; r++) {
			const char *v = t->cells[r * t->ncols + c];
			lxw_row_t row = (lxw_row_t)(h + 1 + r);
			double x;

			if (v == NULL || v[0] == '\0')
				continue;
			if (chars(v) > w)
				w = chars(v);
			if (t->numeric[c] && decimal(v, &x))
				e = worksheet_write_number(ws, row,
				    (lxw_col_t)c, x, NULL);
			else
				e = worksheet_write_string(ws, row,
				    (lxw_col_t)c, v, NULL);
		}
		/* The widest cell, headings wrapping past WIDTH_MAX. */
		w = w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ? WIDTH_MAX : w;
		if (e == LXW_NO_ERROR)
			e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
			    (double)w + 2, NULL);
	}
	/* The headings stay in sight while the lines scroll. */
	if (e == LXW_NO_ERROR && t->ncols > 0)
		worksheet_freeze_panes(ws, (lxw_row_t)(h + 1), 0);
	return e;
}

/* Appends the file at path to out. */
static int
slurp(const char *path, struct buf *out)
{
	char chunk[8192];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd == -1)
		return -1;
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(out, chunk, (size_t)n);
	close(fd);
	return n == 0 ? 0 : -1;
}

int
xlsx_write(const struct xlsx_table *t, size_t n, const char *date,
    struct buf *out, const char **why)
{
	char dir[PATH_MAX - 32], path[PATH_MAX];
	const char *tdir = getenv("TMPDIR");
	lxw_workbook_options opt = {0};
	lxw_doc_properties props = {0};
	lxw_workbook *wb;
	lxw_format *bold;
	lxw_error e = LXW_NO_ERROR;
	int rc = -1;

	if (tdir == NULL || tdir[0] != '/' ||
	    (size_t)snprintf(dir, sizeof dir, "%s/minhbach-xlsx-XXXXXX",
	        tdir) >= sizeof dir)
		snprintf(dir, sizeof dir, "/tmp/minhbach-xlsx-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		*why = strerror(errno);
		return -1;
	}
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	opt.tmpdir = dir;
	if ((wb = workbook_new_opt(path, &opt)) == NULL) {
		*why = "libxlsxwriter: workbook_new_opt failed";
		goto out;
	}
	props.created = date_time(date);
	workbook_set_properties(wb, &props);
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	for (size_t i = 0; i < n && e == LXW_NO_ERROR; i++)
		e = sheet(wb, &t[i], i, bold);
	if (e != LXW_NO_ERROR) {
		*why = lxw_strerror(e);
		workbook_close(wb);
		goto out;
	}
	if ((e = workbook_close(wb)) != LXW_NO_ERROR) {
		*why = lxw_strerror(e);
		goto out;
	}
	if (slurp(path, out) == -1) {
		*why = strerror(errno);
		goto out;
	}
	rc = 0;
out:
	unlink(path);
	rmdir(dir);
	return rc;
}
