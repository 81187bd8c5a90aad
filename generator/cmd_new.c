/*
 * `minhbach new`: in, the kind's compiled schema (schema_impl.h, read
 * only) and content/site.yaml (which folder holds the kind); out, one
 * new file below content/ that `check` refuses until its required
 * fields are filled.  Nothing else is read or written.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "cmd_new.h"
#include "cmd_schema.h"
#include "date.h"
#include "diag.h"
#include "messages.h"
#include "schema.h"
#include "schema_impl.h"
#include "utf8.h"
#include "value.h"

/* site.yaml is small; a larger one is not a site.yaml. */
#define NEW_MAX_SITE (8u << 20)
/* Nesting written out; deeper maps and lists are left to the editor. */
#define NEW_MAX_DEPTH 6

struct gen {
	struct buf *out;
	const char *today;
	const struct def *open[NEW_MAX_DEPTH + 1];	/* defs being written */
	unsigned depth;
};

static void field(struct gen *, unsigned, bool, const char *,
    const struct node *);

static const struct node *
resolve(const struct node *n)
{
	while (n->type == T_DEF)
		n = n->def->node;
	return n;
}

/* A value written on the key's line: not a map, not a list. */
static bool
scalar(const struct node *n)
{
	size_t i;

	n = resolve(n);
	if (n->type == T_UNION) {
		for (i = 0; i < n->nalt; i++)
			if (scalar(n->alts[i]))
				return true;
		return false;
	}
	return n->type != T_MAP && n->type != T_LIST;
}

static bool
is_date(const struct node *n)
{
	size_t i;

	n = resolve(n);
	if (n->type == T_UNION) {
		for (i = 0; i < n->nalt; i++)
			if (resolve(n->alts[i])->type == T_DATE)
				return true;
		return false;
	}
	return n->type == T_DATE;
}

/* Starts a line: the comment mark of a commented-out field, then the
 * indentation, so that removing the first "# " of each line of a
 * block (VS Code: Ctrl+/) brings the whole block in. */
static void
line(struct gen *g, unsigned indent, bool off)
{
	size_t i;

	if (off)
		buf_adds(g->out, "# ");
	for (i = 0; i < indent; i++)
		buf_addc(g->out, ' ');
}

/* The one-line comment above a field: its doc, what it takes, and
 * whether it must be filled. */
static void
comment(struct gen *g, unsigned indent, bool off, const struct node *n)
{
	const char *doc = n->doc;
	size_t len;

	if (doc == NULL && n->type == T_DEF)
		doc = n->def->node->doc;
	/* A commented-out record field is brought in by its own line and
	 * those below: its comment need not be commented twice. */
	line(g, indent, off && indent > 0);
	buf_adds(g->out, "# ");
	len = g->out->len;
	if (doc != NULL)
		buf_adds(g->out, doc);
	if (scalar(n) || resolve(n)->type == T_LIST) {
		if (g->out->len > len)
			buf_adds(g->out, " — ");
		cmd_schema_hint(g->out, n);
	}
	if (g->out->len > len)
		buf_adds(g->out, "; ");
	buf_adds(g->out, n->required ? "bắt buộc" : "tuỳ chọn");
	buf_addc(g->out, '\n');
}

/*
 * The fields of map n at indent: required first, then the others
 * commented out (all commented when off).  A retired (deprecated) field
 * and an optional one of type any are left out: the schema names them
 * to warn about them or to refuse them (qa's personal data).
 */
static void
fields(struct gen *g, unsigned indent, bool off, const struct node *n)
{
	const struct node *f;
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n->nfield; i++) {
			f = n->fields[i];
			if (f->required != (pass == 0) || (!f->required &&
			    (f->deprecated != NULL ||
			    resolve(f)->type == T_ANY)))
				continue;
			field(g, indent, off || pass == 1, n->names[i], f);
		}
}

/* Enters def d unless it is being written already (budget_line's
 * children): returns false then, and the field stays empty. */
static bool
enter(struct gen *g, const struct node *n)
{
	unsigned i;

	if (g->depth >= NEW_MAX_DEPTH)
		return false;
	for (i = 0; n->type == T_DEF && i < g->depth; i++)
		if (g->open[i] == n->def)
			return false;
	g->open[g->depth++] = n->type == T_DEF ? n->def : NULL;
	return true;
}

static void
field(struct gen *g, unsigned indent, bool off, const char *name,
    const struct node *n)
{
	const struct node *r = resolve(n), *of;

	comment(g, indent, off, n);
	line(g, indent, off);
	buf_addf(g->out, "%s:", name);
	if (scalar(n)) {
		if (is_date(n))
			buf_addf(g->out, " %s", g->today);
		buf_addc(g->out, '\n');
		return;
	}
	buf_addc(g->out, '\n');
	if (!enter(g, n))
		return;
	if (r->type == T_MAP) {
		fields(g, indent + 2, off, r);
		if (r->values != NULL) {
			/* Free keys (budget columns): say how to write one. */
			line(g, indent + 2, off);
			buf_adds(g->out, "# mỗi dòng «tên: giá trị», giá trị "
			    "là ");
			cmd_schema_hint(g->out, r->values);
			buf_addc(g->out, '\n');
		}
	} else if (r->type == T_LIST) {
		of = resolve(r->of);
		/* A list of maps gets one item to fill; a list of words is
		 * explained by its comment. */
		if (of->type == T_MAP && of->nfield > 0 && enter(g, r->of)) {
			line(g, indent + 2, off);
			buf_adds(g->out, "-\n");
			fields(g, indent + 4, off, of);
			g->depth--;
		}
	}
	g->depth--;
}

void
cmd_new_record(struct buf *out, const struct schemas *s, const char *kind,
    const char *today, int markdown)
{
	const struct node *n = schema_find_kind(s, kind);
	struct gen g = {out, today, {NULL}, 0};

	if (n == NULL)
		return;
	if (markdown)
		buf_adds(out, "---\n");
	/* A collection's own schema (schema_declare) is "kind/folder". */
	buf_addf(out, "# Bản ghi mới loại «%.*s»%s%s%s, tạo bằng minhbach new "
	    "ngày %s.\n", (int)strcspn(kind, "/"), kind, n->doc ? " (" : "",
	    n->doc ? n->doc : "", n->doc ? ")" : "", today);
	buf_adds(out, "# Điền mọi trường «bắt buộc» đang để trống, rồi chạy "
	    "minhbach check cho đến khi hết lỗi.\n");
	buf_adds(out, "# Trường «tuỳ chọn» đang bị tắt bằng «# » ở đầu dòng: "
	    "muốn dùng, xoá «# » ở dòng tên trường và các dòng thụt lề bên "
	    "dưới nó.\n");
	if (markdown)
		buf_adds(out, "# Nội dung bài viết theo Markdown, bên dưới dòng "
		    "--- cuối cùng.\n");
	fields(&g, 0, false, n);
	if (markdown)
		buf_adds(out, "---\n\n");
}

/* ---- the command ---- */

static const char *
today_vn(struct arena *a)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char iso[DATE_ISO_SIZE], *end = NULL;
	long long t = -1;

	/* The build's rule (build.c): SOURCE_DATE_EPOCH is today; one
	 * that is not a number of seconds is the build's error to report. */
	if (e != NULL && *e != '\0')
		t = strtoll(e, &end, 10);
	if (end == NULL || *end != '\0' || t < 0)
		t = (long long)time(NULL);
	date_vn_iso(t, iso);
	return arena_strdup(a, iso);
}

static int
read_small(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;
	int rc = 0;

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf_add(b, chunk, n);
		if (b->len > NEW_MAX_SITE) {
			errno = EFBIG;
			rc = -1;
			break;
		}
	}
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

/* ".md" or ".yaml": the one most files of folder dir have. */
static const char *
extension(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t md = 0, yaml = 0, len;

	while (dp != NULL && (e = readdir(dp)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.')
			continue;
		if (len > 3 && strcmp(e->d_name + len - 3, ".md") == 0)
			md++;
		else if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0)
			yaml++;
	}
	if (dp != NULL)
		closedir(dp);
	return yaml > md ? ".yaml" : ".md";
}

/* The kinds, for the message that lists them. */
static const char *
kind_list(struct arena *a, const struct schemas *s)
{
	const char *const *k;
	struct buf b = {0};
	size_t n, i;
	char *r;

	k = schema_kinds(s, &n);
	for (i = 0; i < n; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", k[i]);
	r = buf_keep(&b, a);
	buf_release(&b);
	return r;
}

/* The folder of site.yaml's collections that holds kind (or that is
 * named kind); *kind becomes the collection's kind.  NULL if none. */
static const char *
folder_of(const struct value *conf, const char **kind)
{
	const struct value *c = value_map_get(conf, "collections");
	const char *k;
	size_t i;

	for (i = 0; c != NULL && c->type == VALUE_MAP && i < c->n; i++) {
		k = value_map_str(c->pairs[i].val, "kind");
		if (k != NULL && strcmp(c->pairs[i].key, *kind) == 0)
			*kind = k;
		if (k != NULL && strcmp(k, *kind) == 0)
			return c->pairs[i].key;
	}
	return NULL;
}

int
cmd_new(const char *source, const char *kind, const char *name,
    const char *lang)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *s = schema_builtin(a, d);
	const char *site = "content/site.yaml", *folder, *ext, *rel, *other;
	const char *schema;
	const char *dir, *path, *today = today_vn(a);
	struct value *conf = NULL, *langs;
	struct buf b = {0};
	int fd = -1, status = 1;
	size_t off;

	if (lang != NULL)
		diags_set_lang(d, lang);
	if (read_small(arena_printf(a, "%s/%s", source, site), &b) == -1) {
		diag_error(d, pos_file(site), "new.no-site", site,
		    strerror(errno));
		goto out;
	}
	if (value_parse_yaml(a, d, site, buf_cstr(&b), b.len, 1, &conf) == -1)
		goto out;
	langs = value_map_get(conf, "languages");
	if (lang == NULL && langs != NULL && langs->type == VALUE_LIST &&
	    langs->n > 0 && langs->items[0]->type == VALUE_STR)
		diags_set_lang(d, msg_lang(langs->items[0]->text));
	folder = folder_of(conf, &kind);
	if (!schema_has_kind(s, kind)) {
		diag_error(d, pos_file(NULL), "new.unknown-kind", kind,
		    kind_list(a, s));
		status = 2;
		goto out;
	}
	if (folder == NULL) {
		diag_error(d, pos_file(site), "new.no-collection", kind);
		goto out;
	}
	/* The fields the collection declares are written too. */
	schema = schema_declare(s, a, d, folder, kind, value_map_get(
	    value_map_get(value_map_get(conf, "collections"), folder),
	    "fields"));
	if (diags_errors(d) > 0)
		goto out;
	if (name == NULL) {
		name = arena_printf(a, "%s-%s", today, kind);
	} else if (!utf8_is_slug(name)) {
		const char *sl = utf8_slugify(a, name, strlen(name));

		diag_error(d, pos_file(NULL), "new.bad-name", name,
		    *sl ? sl : "thu-nghiem");
		status = 2;
		goto out;
	}
	dir = arena_printf(a, "%s/content/%s", source, folder);
	ext = extension(dir);
	/* Paths as editors see them: below --source, as check prints. */
	rel = arena_printf(a, "content/%s/%s%s", folder, name, ext);
	other = arena_printf(a, "content/%s/%s%s", folder, name,
	    strcmp(ext, ".md") == 0 ? ".yaml" : ".md");
	if (access(arena_printf(a, "%s/%s", source, other), F_OK) == 0) {
		diag_error(d, pos_file(other), "new.exists", other);
		goto out;
	}
	path = arena_printf(a, "%s/%s", source, rel);
	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		diag_error(d, pos_file(rel), "new.write-failed", rel,
		    strerror(errno));
		goto out;
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644)) == -1) {
		if (errno == EEXIST)
			diag_error(d, pos_file(rel), "new.exists", rel);
		else
			diag_error(d, pos_file(rel), "new.write-failed", rel,
			    strerror(errno));
		goto out;
	}
	buf_reset(&b);
	cmd_new_record(&b, s, schema, today, strcmp(ext, ".md") == 0);
	for (off = 0; off < b.len; ) {
		ssize_t w = write(fd, b.data + off, b.len - off);

		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			diag_error(d, pos_file(rel), "new.write-failed", rel,
			    strerror(errno));
			unlink(path);
			goto out;
		}
		off += (size_t)w;
	}
	if (close(fd) == -1) {
		fd = -1;
		diag_error(d, pos_file(rel), "new.write-failed", rel,
		    strerror(errno));
		unlink(path);
		goto out;
	}
	fd = -1;
	puts(strcmp(source, ".") == 0 ? rel : path);
	diag_say(d, stderr, "new.wrote", strcmp(source, ".") == 0 ? rel :
	    path);
	status = 0;
out:
	if (fd != -1)
		close(fd);
	diags_print(d, stderr);
	buf_release(&b);
	arena_free(a);
	return status;
}
