/*
 * `minhbach schema`: in, the compiled schemas of the kinds
 * (schema_impl.h; read-only, as schema_check.c reads them); out, one
 * JSON Schema (draft 2020-12) per kind for editors' text editors, and
 * the Vietnamese words for a schema's values that `minhbach new` writes
 * as comments.  The JSON Schema is a help while typing: it is looser
 * than `check` (no calendar, no sums, no references), never stricter,
 * except that an unknown key, a warning for `check`, is refused.  A
 * site's collections that declare fields of their own in site.yaml
 * (schema_declare) get one more file each.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "buf.h"
#include "cmd_schema.h"
#include "diag.h"
#include "schema.h"
#include "schema_impl.h"
#include "source.h"
#include "value.h"

/* What a value of each built-in type must be, for editors. */
static const char *const hints[] = {
	[T_ANY] = "",
	[T_TEXT] = "văn bản",
	[T_LTEXT] = "văn bản, hoặc {vi: …, en: …} cho từng ngôn ngữ",
	[T_INT] = "số nguyên, ví dụ 12",
	[T_DECIMAL] = "số, dấu chấm trước phần thập phân, ví dụ 112.9579",
	[T_AMOUNT] = "số tiền nguyên, không dấu phân cách, ví dụ 1060000000",
	[T_FIGURE] = "số liệu, dấu chấm trước phần thập phân, không dấu "
	    "phân cách, ví dụ 1060000000 hoặc 112.5",
	[T_PERCENT] = "tỷ lệ phần trăm, chỉ ghi số, ví dụ 94.68",
	[T_DATE] = "ngày dạng năm-tháng-ngày, ví dụ 2020-01-15",
	[T_DATETIME] = "ngày giờ, ví dụ 2020-01-15T08:30",
	[T_BOOL] = "true (có) hoặc false (không)",
	[T_ENUM] = "",
	[T_SLUG] = "chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "
	    "hoi-nghi-can-bo",
	[T_URL] = "địa chỉ web https://… hoặc một trang của cổng bắt đầu "
	    "bằng /",
	[T_EMAIL] = "thư điện tử, ví dụ bql@lamdong.gov.vn",
	[T_PHONE] = "số điện thoại, ví dụ 0263 3822 123",
	[T_DOCNUMBER] = "số hiệu văn bản, ví dụ 130/2019/NQ-HĐND",
	[T_TAXCODE] = "mã số thuế: 10 chữ số, hoặc 10 chữ số, dấu - và 3 "
	    "chữ số; đặt trong ngoặc kép",
	[T_LIST] = "danh sách",
	[T_MAP] = "",
	[T_REF] = "",
	[T_DEF] = "",
	[T_UNION] = "",
};

/* The JSON Schema of each built-in scalar type: its JSON types (a
 * number written plainly is text for `check`) and its pattern. */
static const struct {
	const char *types;	/* space-separated */
	const char *pattern;
} scalars[] = {
	[T_TEXT] = {"string number", NULL},
	[T_INT] = {"integer", NULL},
	[T_DECIMAL] = {"number", NULL},
	[T_AMOUNT] = {"integer", NULL},
	[T_FIGURE] = {"number", NULL},
	[T_PERCENT] = {"number", NULL},
	[T_DATE] = {"string", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
	[T_DATETIME] = {"string", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:"
	    "[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?$"},
	[T_BOOL] = {"boolean", NULL},
	[T_ENUM] = {"string number", NULL},
	[T_SLUG] = {"string integer", "^[a-z0-9]+(-[a-z0-9]+)*$"},
	[T_URL] = {"string", "^(https?://[^/]|mailto:.|tel:.|/(?!/))"},
	[T_EMAIL] = {"string", "^[^@\\s]+@[^@\\s]+[.][^@\\s]+$"},
	[T_PHONE] = {"string integer", "^[+]?[0-9 .()-]{8,}$"},
	[T_DOCNUMBER] = {"string", "^[0-9]+/"},
	[T_TAXCODE] = {"string integer", "^[0-9]{10}(-[0-9]{3})?$"},
	[T_REF] = {"string number", NULL},
};

static void hint(struct buf *out, const struct node *n, unsigned depth);

/* " (từ 0 đến 100)" for a node with bounds. */
static void
bounds(struct buf *out, const struct node *n)
{
	const char *unit = n->type == T_LIST ? " mục" :
	    n->type == T_TEXT || n->type == T_LTEXT ? " ký tự" : "";

	if (n->min != NULL && n->max != NULL)
		buf_addf(out, " (từ %s đến %s%s)", n->min->text, n->max->text,
		    unit);
	else if (n->min != NULL)
		buf_addf(out, " (ít nhất %s%s)", n->min->text, unit);
	else if (n->max != NULL)
		buf_addf(out, " (nhiều nhất %s%s)", n->max->text, unit);
}

static void
hint(struct buf *out, const struct node *n, unsigned depth)
{
	size_t i, len;

	/* A def that names itself through a list (budget_line) ends here. */
	if (depth > 8)
		return;
	while (n->type == T_DEF)
		n = n->def->node;
	switch (n->type) {
	case T_UNION:
		for (i = 0; i < n->nalt; i++) {
			len = out->len;
			if (i > 0)
				buf_adds(out, " hoặc ");
			hint(out, n->alts[i], depth + 1);
			if (out->len == len + (i > 0 ? strlen(" hoặc ") : 0))
				buf_truncate(out, len);
		}
		break;
	case T_ENUM:
		buf_adds(out, "một trong: ");
		for (i = 0; i < n->nenum; i++)
			buf_addf(out, "%s%s", i ? ", " : "", n->enums[i]);
		break;
	case T_REF:
		buf_addf(out, "tên tệp (không có .md, .yaml) của một bản ghi "
		    "loại %s", n->to);
		break;
	case T_MAP:
		/* Inside a union: name its fields ("from, to"). */
		if (depth == 0 || n->nfield == 0)
			break;
		buf_adds(out, "các trường ");
		for (i = 0; i < n->nfield; i++)
			buf_addf(out, "%s%s:", i ? ", " : "", n->names[i]);
		break;
	case T_LIST:
		buf_adds(out, hints[T_LIST]);
		bounds(out, n);
		len = out->len;
		buf_adds(out, ", mỗi mục một dòng «- …»: ");
		hint(out, n->of, depth + 1);
		/* A list of maps: its items' fields say it. */
		if (out->len == len + strlen(", mỗi mục một dòng «- …»: "))
			buf_truncate(out, len);
		break;
	default:
		buf_adds(out, hints[n->type]);
		bounds(out, n);
		break;
	}
}

void
cmd_schema_hint(struct buf *out, const struct node *n)
{
	hint(out, n, 0);
}

/* ---- JSON Schema ---- */

struct js {
	struct arena *a;
	const struct schemas *s;
	struct value *defs;	/* $defs: those the kind reaches */
};

static struct value *js_node(struct js *, const struct node *, bool);

static struct value *
str(struct js *j, const char *s)
{
	return value_strz(j->a, s);
}

static struct value *
num(struct js *j, const struct value *v)
{
	struct value *r = value_new(j->a, v->type, v->pos);

	*r = *v;
	return r;
}

/* "type": one JSON type, or a list of them, null last if nullable. */
static void
set_types(struct js *j, struct value *m, const char *types, bool nullable)
{
	struct value *l = value_list(j->a);
	const char *p = types, *sp;

	for (;;) {
		sp = strchr(p, ' ');
		value_list_push(j->a, l, value_str(j->a, p,
		    sp ? (size_t)(sp - p) : strlen(p)));
		if (sp == NULL)
			break;
		p = sp + 1;
	}
	if (nullable)
		value_list_push(j->a, l, str(j, "null"));
	value_map_set(j->a, m, "type", l->n == 1 ? l->items[0] : l);
}

/* The field's doc, then what its value must be: one line. */
static void
describe(struct js *j, struct value *m, const struct node *n)
{
	struct buf b = {0};

	if (n->doc != NULL)
		buf_adds(&b, n->doc);
	if (n->type != T_DEF || n->doc == NULL) {
		size_t len = b.len;

		if (len > 0)
			buf_adds(&b, " — ");
		hint(&b, n, 0);
		if (b.len == len + (len > 0 ? strlen(" — ") : 0))
			buf_truncate(&b, len);
	}
	if (n->deprecated != NULL)
		buf_addf(&b, "%s(không dùng nữa%s%s)", b.len ? " " : "",
		    *n->deprecated ? ": " : "", n->deprecated);
	if (b.len > 0)
		value_map_set(j->a, m, "description", value_strz(j->a,
		    buf_cstr(&b)));
	if (n->deprecated != NULL)
		value_map_set(j->a, m, "deprecated", value_bool(j->a, true));
	buf_release(&b);
}

static struct value *
js_map(struct js *j, const struct node *n, bool nullable)
{
	struct value *m = value_map(j->a), *props, *req;
	size_t i;

	set_types(j, m, "object", nullable);
	if (n->nfield > 0) {
		props = value_map(j->a);
		req = value_list(j->a);
		for (i = 0; i < n->nfield; i++) {
			value_map_set(j->a, props, n->names[i], js_node(j,
			    n->fields[i], !n->fields[i]->required));
			if (n->fields[i]->required)
				value_list_push(j->a, req, str(j,
				    n->names[i]));
		}
		value_map_set(j->a, m, "properties", props);
		if (req->n > 0)
			value_map_set(j->a, m, "required", req);
	}
	/* Free keys (budget columns) take values' schema; with neither,
	 * any key is fine (the schema says nothing about them). */
	if (n->values != NULL)
		value_map_set(j->a, m, "additionalProperties", js_node(j,
		    n->values, false));
	else if (n->nfield > 0)
		value_map_set(j->a, m, "additionalProperties",
		    value_bool(j->a, false));
	return m;
}

/* A reference to a def, which is compiled into $defs on first use. */
static struct value *
js_def(struct js *j, const struct node *n)
{
	struct value *r = value_map(j->a);
	const char *name = n->def->name;

	if (value_map_get(j->defs, name) == NULL) {
		/* Placed first, so that a def reaching itself stops here. */
		value_map_set(j->a, j->defs, name, value_map(j->a));
		value_map_set(j->a, j->defs, name, js_node(j, n->def->node,
		    false));
	}
	value_map_set(j->a, r, "$ref", value_strz(j->a,
	    arena_printf(j->a, "#/$defs/%s", name)));
	return r;
}

/* Wraps r so that null is also taken (an empty optional field). */
static struct value *
or_null(struct js *j, struct value *r)
{
	struct value *m = value_map(j->a), *any = value_list(j->a);
	struct value *null = value_map(j->a);

	set_types(j, null, "null", false);
	value_list_push(j->a, any, r);
	value_list_push(j->a, any, null);
	value_map_set(j->a, m, "anyOf", any);
	return m;
}

static struct value *
js_node(struct js *j, const struct node *n, bool nullable)
{
	struct value *m, *l, *o;
	size_t i;

	switch (n->type) {
	case T_DEF:
		m = js_def(j, n);
		if (nullable)
			m = or_null(j, m);
		break;
	case T_UNION:
		m = value_map(j->a);
		l = value_list(j->a);
		for (i = 0; i < n->nalt; i++)
			value_list_push(j->a, l, js_node(j, n->alts[i], false));
		if (nullable) {
			o = value_map(j->a);
			set_types(j, o, "null", false);
			value_list_push(j->a, l, o);
		}
		value_map_set(j->a, m, "anyOf", l);
		break;
	case T_ANY:
		m = value_map(j->a);
		break;
	case T_LTEXT:
		m = value_map(j->a);
		l = value_list(j->a);
		o = value_map(j->a);
		set_types(j, o, scalars[T_TEXT].types, nullable);
		value_list_push(j->a, l, o);
		o = value_map(j->a);
		set_types(j, o, "object", false);
		value_map_set(j->a, o, "properties", value_map(j->a));
		value_map_set(j->a, value_map_get(o, "properties"), "vi",
		    js_node(j, &(struct node){.type = T_TEXT}, true));
		value_map_set(j->a, value_map_get(o, "properties"), "en",
		    js_node(j, &(struct node){.type = T_TEXT}, true));
		value_map_set(j->a, o, "minProperties", value_int(j->a, 1));
		value_map_set(j->a, o, "additionalProperties",
		    value_bool(j->a, false));
		value_list_push(j->a, l, o);
		value_map_set(j->a, m, "anyOf", l);
		break;
	case T_LIST:
		m = value_map(j->a);
		set_types(j, m, "array", nullable);
		value_map_set(j->a, m, "items", js_node(j, n->of, false));
		if (n->min != NULL)
			value_map_set(j->a, m, "minItems", num(j, n->min));
		if (n->max != NULL)
			value_map_set(j->a, m, "maxItems", num(j, n->max));
		break;
	case T_MAP:
		m = js_map(j, n, nullable);
		break;
	default:
		m = value_map(j->a);
		set_types(j, m, scalars[n->type].types, nullable);
		if (scalars[n->type].pattern != NULL)
			value_map_set(j->a, m, "pattern",
			    str(j, scalars[n->type].pattern));
		if (n->type == T_ENUM) {
			l = value_list(j->a);
			for (i = 0; i < n->nenum; i++)
				value_list_push(j->a, l, str(j, n->enums[i]));
			if (nullable)
				value_list_push(j->a, l, value_null(j->a));
			value_map_set(j->a, m, "enum", l);
		}
		if (n->type == T_TEXT && (n->min || n->max)) {
			if (n->min != NULL)
				value_map_set(j->a, m, "minLength",
				    num(j, n->min));
			if (n->max != NULL)
				value_map_set(j->a, m, "maxLength",
				    num(j, n->max));
		} else if (n->type != T_TEXT) {
			if (n->min != NULL)
				value_map_set(j->a, m, "minimum",
				    num(j, n->min));
			if (n->max != NULL)
				value_map_set(j->a, m, "maximum",
				    num(j, n->max));
		}
		break;
	}
	describe(j, m, n);
	return m;
}

struct value *
cmd_schema_json(struct arena *a, const struct schemas *s, const char *kind)
{
	const struct node *n = schema_find_kind(s, kind);
	struct js j = {a, s, value_map(a)};
	struct value *root, *body;
	size_t i;

	if (n == NULL)
		return NULL;
	root = value_map(a);
	value_map_set(a, root, "$schema", value_strz(a,
	    "https://json-schema.org/draft/2020-12/schema"));
	value_map_set(a, root, "title", value_strz(a, kind));
	body = js_map(&j, n, false);
	describe(&j, body, n);
	for (i = 0; i < body->n; i++)
		value_map_set(a, root, body->pairs[i].key, body->pairs[i].val);
	if (j.defs->n > 0)
		value_map_set(a, root, "$defs", j.defs);
	return root;
}

/* Writes schema name's JSON Schema to path; -1 after a diagnostic. */
static int
write_one(struct arena *a, struct diags *d, const struct schemas *s,
    const char *name, const char *path, struct buf *b)
{
	FILE *f;

	buf_reset(b);
	value_to_json(cmd_schema_json(a, s, name), b, 2);
	buf_addc(b, '\n');
	if ((f = fopen(path, "w")) != NULL) {
		bool bad = fwrite(b->data, 1, b->len, f) != b->len;

		if (fclose(f) == EOF || bad)
			f = NULL;
	}
	if (f == NULL)
		return diag_error(d, pos_file(path),
		    "jsonschema.write-failed", path, strerror(errno));
	puts(path);
	return 0;
}

/*
 * The collections of source's site.yaml that declare fields: one file
 * each, named after the collection.  -1 after a diagnostic.
 */
static int
write_declared(struct arena *a, struct diags *d, struct schemas *s,
    const char *source, const char *dir, struct buf *b)
{
	const char *site = "content/site.yaml", *kind, *name;
	struct source *src = NULL;
	struct value *conf = NULL;
	const struct value *c;
	size_t i, errors = diags_errors(d);
	int rc = -1;

	if (source_open_dir(a, d, source, &src) == -1 ||
	    source_read(src, site, b) == -1 ||
	    value_parse_yaml(a, d, site, buf_cstr(b), b->len, 1,
	    &conf) == -1)
		goto out;
	c = value_map_get(conf, "collections");
	for (i = 0; c != NULL && c->type == VALUE_MAP && i < c->n; i++) {
		kind = value_map_str(c->pairs[i].val, "kind");
		if (kind == NULL || !schema_has_kind(s, kind))
			continue;	/* check says why */
		name = schema_declare(s, a, d, c->pairs[i].key, kind,
		    value_map_get(c->pairs[i].val, "fields"));
		if (strcmp(name, kind) != 0)
			write_one(a, d, s, name, arena_printf(a,
			    "%s/collection-%s.json", dir, c->pairs[i].key), b);
	}
	rc = diags_errors(d) > errors ? -1 : 0;
out:
	if (src != NULL)
		source_close(src);
	return rc;
}

int
cmd_schema(const char *dir, const char *source, const char *lang)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *s = schema_builtin(a, d);
	const char *const *kinds;
	size_t nkind, i;
	struct buf b = {0};
	int status = 0;

	diags_set_lang(d, lang != NULL ? lang : "vi");
	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		diag_error(d, pos_file(dir), "jsonschema.write-failed", dir,
		    strerror(errno));
		status = 1;
		goto out;
	}
	kinds = schema_kinds(s, &nkind);
	for (i = 0; i < nkind; i++) {
		const char *path = arena_printf(a, "%s/%s.json", dir,
		    kinds[i]);

		if (write_one(a, d, s, kinds[i], path, &b) == -1)
			status = 1;
	}
	if (source != NULL && write_declared(a, d, s, source, dir, &b) == -1)
		status = 1;
out:
	diags_print(d, stderr);
	buf_release(&b);
	arena_free(a);
	return status;
}
