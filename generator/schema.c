/*
 * Validate stage, generic half: loading.  In: a schema document (the
 * embedded generator/schemas.yaml, whose opening comment defines the
 * language).  Out: compiled per-kind schemas (schema_impl.h), or located
 * errors for every problem of the document.  schema_check.c walks an
 * item's value tree against them.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "schema.h"
#include "schema_impl.h"
#include "utf8.h"
#include "value.h"

/* Which schema keys apply to a type, beside type/required/doc/deprecated. */
enum { P_MINMAX = 1, P_VALUES = 2, P_FIELDS = 4, P_OF = 8, P_TO = 16 };

/*
 * The built-in types: schema name, what a value must be (English, then
 * Vietnamese: messages name it in the diagnostics' language), keys
 * allowed.
 */
static const struct {
	const char *name;
	const char *want, *want_vi;
	unsigned props;
} types[] = {
	[T_ANY] = {"any", "anything", "bất kỳ giá trị nào", 0},
	[T_TEXT] = {"text", "text", "một đoạn chữ", P_MINMAX},
	[T_LTEXT] = {"ltext", "text, or a map with vi: and en: texts",
	    "một đoạn chữ, hoặc hai dòng vi: và en:", P_MINMAX},
	[T_INT] = {"int", "a whole number", "một số nguyên", P_MINMAX},
	[T_DECIMAL] = {"decimal", "a number like 112.9579 (a dot before "
	    "decimals, no thousands separators)", "một số như 112.9579 "
	    "(dấu chấm trước phần thập phân, không có dấu ngăn hàng "
	    "nghìn)", P_MINMAX},
	[T_AMOUNT] = {"amount", "a whole amount like 1060000000 (digits "
	    "only: no separators, no decimals)", "một số tiền như "
	    "1060000000 (chỉ chữ số: không dấu ngăn, không phần thập "
	    "phân)", P_MINMAX},
	[T_FIGURE] = {"figure", "a figure like 1060000000 or 112.5 (a dot "
	    "before decimals, no thousands separators)", "một số như "
	    "1060000000 hoặc 112.5 (dấu chấm trước phần thập phân, không "
	    "có dấu ngăn hàng nghìn)", P_MINMAX},
	[T_PERCENT] = {"percent", "a percentage written as a number like "
	    "94.68 (no % sign)", "một tỷ lệ phần trăm viết như 94.68 "
	    "(không có dấu %)", P_MINMAX},
	[T_DATE] = {"date", "a date like 2020-01-15", "một ngày viết như "
	    "2020-01-15 (năm-tháng-ngày)", 0},
	[T_DATETIME] = {"datetime", "a date and time like "
	    "2020-01-15T08:30:00+07:00", "ngày và giờ viết như "
	    "2020-01-15T08:30:00+07:00", 0},
	[T_BOOL] = {"bool", "true or false", "true (có) hoặc false "
	    "(không)", 0},
	[T_ENUM] = {"enum", "one of the listed values", "một trong các giá "
	    "trị được liệt kê", P_VALUES},
	[T_SLUG] = {"slug", "a slug of lower-case letters a-z, digits and "
	    "'-' like hoi-nghi-can-bo", "một tên đường dẫn gồm chữ thường "
	    "a-z không dấu, chữ số và '-', như hoi-nghi-can-bo", 0},
	[T_URL] = {"url", "a link starting with https://, http://, mailto:, "
	    "tel: or / (a page of this site)", "một liên kết bắt đầu bằng "
	    "https://, http://, mailto:, tel: hoặc / (một trang của cổng "
	    "này)", 0},
	[T_EMAIL] = {"email", "an e-mail address like bql@lamdong.gov.vn",
	    "một địa chỉ thư điện tử như bql@lamdong.gov.vn", 0},
	[T_PHONE] = {"phone", "a phone number like 0263 3822 123 or "
	    "+84 263 3822 123", "một số điện thoại như 0263 3822 123 hoặc "
	    "+84 263 3822 123", 0},
	[T_DOCNUMBER] = {"docnumber", "a document number like "
	    "130/2019/NQ-HĐND or 1293/TTg-CN", "một số hiệu văn bản như "
	    "130/2019/NQ-HĐND hoặc 1293/TTg-CN", 0},
	[T_TAXCODE] = {"taxcode", "a tax code of 10 digits, or 10 digits, "
	    "'-' and 3 digits", "một mã số thuế gồm 10 chữ số, hoặc 10 "
	    "chữ số, '-' và 3 chữ số", 0},
	[T_LIST] = {"list", "a list", "một danh sách (các dòng '- ')",
	    P_MINMAX | P_OF},
	[T_MAP] = {"map", "a map of 'key: value' lines", "các dòng "
	    "'tên: giá trị'", P_FIELDS | P_VALUES},
	[T_REF] = {"ref", "the name of a record", "tên của một bản ghi",
	    P_TO},
	[T_DEF] = {NULL, NULL, NULL, 0},
	[T_UNION] = {NULL, NULL, NULL, 0},
};

static const char *const schema_keys[] = {
	"type", "required", "doc", "deprecated", "min", "max", "values",
	"fields", "of", "to",
};
static const char *const top_keys[] = {"defs", "kinds"};

const char *
schema_type_want(enum stype t, const char *lang)
{
	if (types[t].name == NULL)
		return "?";
	return strcmp(lang, "vi") == 0 ? types[t].want_vi : types[t].want;
}

bool
schema_plain_text(const struct value *v)
{
	return v->type == VALUE_STR || v->type == VALUE_INT ||
	    v->type == VALUE_NUM;
}

/* ---- loading a schema document ---- */

struct ld {
	struct arena *a;
	struct diags *d;
	struct schemas *s;
	const struct value *kinds;	/* to check that ref's `to` exists */
};

static struct node *compile(struct ld *, const struct value *, bool);

static void
settype(struct ld *l, struct node *n, const struct value *t)
{
	const char **names;
	size_t i, nn = 0;

	n->type = T_ANY;
	if (t->type != VALUE_STR) {
		diag_error(l->d, t->pos, "schema.type-not-name");
		return;
	}
	for (i = 0; i < T_DEF; i++)
		if (strcmp(t->text, types[i].name) == 0) {
			n->type = (enum stype)i;
			return;
		}
	for (i = 0; i < l->s->ndef; i++)
		if (strcmp(t->text, l->s->defs[i].name) == 0) {
			n->type = T_DEF;
			n->def = &l->s->defs[i];
			return;
		}
	names = arena_calloc(l->a, T_DEF + l->s->ndef, sizeof *names);
	for (i = 0; i < T_DEF; i++)
		names[nn++] = types[i].name;
	for (i = 0; i < l->s->ndef; i++)
		names[nn++] = l->s->defs[i].name;
	if (utf8_nearest(t->text, names, nn) != NULL)
		diag_error(l->d, t->pos, "schema.unknown-type-near", t->text,
		    utf8_nearest(t->text, names, nn));
	else
		diag_error(l->d, t->pos, "schema.unknown-type", t->text);
}

static void
bound(struct ld *l, struct node *n, const struct value *v,
    const struct value **out)
{
	bool count = n->type == T_TEXT || n->type == T_LTEXT ||
	    n->type == T_LIST;

	if (count ? v->type != VALUE_INT || v->u.i < 0 :
	    v->type != VALUE_INT && v->type != VALUE_NUM)
		diag_error(l->d, v->pos, count ? "schema.bound-count" :
		    "schema.bound-number");
	else
		*out = v;
}

static void
enum_values(struct ld *l, struct node *n, const struct value *v)
{
	size_t i, j;

	if (v->type != VALUE_LIST || v->n == 0) {
		diag_error(l->d, v->pos, "schema.enum-not-list");
		return;
	}
	n->enums = arena_calloc(l->a, v->n, sizeof *n->enums);
	for (i = 0; i < v->n; i++) {
		if (!schema_plain_text(v->items[i]) || v->items[i]->len == 0) {
			diag_error(l->d, v->items[i]->pos,
			    "schema.enum-value");
			continue;
		}
		for (j = 0; j < n->nenum; j++)
			if (strcmp(n->enums[j], v->items[i]->text) == 0)
				diag_error(l->d, v->items[i]->pos,
				    "schema.enum-twice", v->items[i]->text);
		n->enums[n->nenum++] = v->items[i]->text;
	}
}

static void
fields(struct ld *l, struct node *n, const struct value *v)
{
	size_t i;

	if (v->type != VALUE_MAP) {
		diag_error(l->d, v->pos, "schema.fields-not-map");
		return;
	}
	n->names = arena_calloc(l->a, v->n, sizeof *n->names);
	n->fields = arena_calloc(l->a, v->n, sizeof *n->fields);
	for (i = 0; i < v->n; i++) {
		n->names[i] = v->pairs[i].key;
		n->fields[i] = compile(l, v->pairs[i].val, false);
	}
	n->nfield = v->n;
}

/* Reads one schema key of map node n (type already set). */
static void
schema_key(struct ld *l, struct node *n, const struct value_pair *p)
{
	const struct value *v = p->val;
	unsigned props = n->type < T_DEF ? types[n->type].props : 0;
	const char *near;
	size_t k;

	for (k = 0; k < sizeof schema_keys / sizeof *schema_keys; k++)
		if (strcmp(p->key, schema_keys[k]) == 0)
			break;
	if (k == sizeof schema_keys / sizeof *schema_keys) {
		near = utf8_nearest(p->key, schema_keys, k);
		if (near != NULL)
			diag_error(l->d, value_pair_pos(p),
			    "schema.unknown-key-near", p->key, near);
		else
			diag_error(l->d, value_pair_pos(p),
			    "schema.unknown-key", p->key);
		return;
	}
	if (k >= 4 && !(props & (k <= 5 ? P_MINMAX : k == 6 ? P_VALUES :
	    k == 7 ? P_FIELDS : k == 8 ? P_OF : P_TO))) {
		diag_error(l->d, value_pair_pos(p), "schema.key-not-for-type",
		    p->key);
		return;
	}
	switch (k) {
	case 1:
		if (v->type != VALUE_BOOL)
			diag_error(l->d, v->pos, "schema.required-not-bool");
		n->required = v->type == VALUE_BOOL && v->u.b;
		break;
	case 2:
	case 3:
		if (v->type == VALUE_STR)
			*(k == 2 ? &n->doc : &n->deprecated) = v->text;
		else if (k == 3 && v->type == VALUE_BOOL)
			n->deprecated = v->u.b ? "" : NULL;
		else
			diag_error(l->d, v->pos, "schema.key-not-text",
			    p->key);
		break;
	case 4:
	case 5:
		bound(l, n, v, k == 4 ? &n->min : &n->max);
		break;
	case 6:
		if (n->type == T_ENUM)
			enum_values(l, n, v);
		else
			n->values = compile(l, v, false);
		break;
	case 7:
		fields(l, n, v);
		break;
	case 8:
		n->of = compile(l, v, false);
		break;
	case 9:
		if (v->type != VALUE_STR || value_map_get(l->kinds,
		    v->text) == NULL)
			diag_error(l->d, v->pos, "schema.to-not-kind");
		n->to = v->type == VALUE_STR ? v->text : "";
		break;
	default:
		break;
	}
}

/*
 * Compiles one schema: a type name, or a map of schema keys.  A kind's
 * schema may leave out `type: map`.  Never NULL: a broken schema
 * becomes `any` after its error is recorded.
 */
static struct node *
compile(struct ld *l, const struct value *v, bool kind)
{
	struct node *n = arena_calloc(l->a, 1, sizeof *n);
	const struct value *t;
	size_t i;

	if (v->type == VALUE_STR) {
		settype(l, n, v);
		t = v;
	} else if (v->type != VALUE_MAP) {
		diag_error(l->d, v->pos, "schema.not-schema");
		return n;
	} else if ((t = value_map_get(v, "type")) == NULL) {
		n->type = T_MAP;
		if (!kind)
			diag_error(l->d, v->pos, "schema.no-type");
	} else if (t->type == VALUE_LIST && t->n > 0) {
		n->type = T_UNION;
		n->nalt = t->n;
		n->alts = arena_calloc(l->a, t->n, sizeof *n->alts);
		for (i = 0; i < t->n; i++)
			n->alts[i] = compile(l, t->items[i], false);
	} else {
		settype(l, n, t);
	}
	for (i = 0; v->type == VALUE_MAP && i < v->n; i++)
		/* A kind's date_field is the model's, read by schema_load(). */
		if (!kind || strcmp(v->pairs[i].key, "date_field") != 0)
			schema_key(l, n, &v->pairs[i]);
	if (n->type == T_ENUM || n->type == T_REF) {
		/* Only settype() makes these, from the type name t. */
		assert(t != NULL);
		if (n->type == T_ENUM && n->nenum == 0)
			diag_error(l->d, t->pos, "schema.enum-no-values");
		if (n->type == T_REF && n->to == NULL)
			diag_error(l->d, t->pos, "schema.ref-no-to");
	}
	if (kind && n->type != T_MAP)
		diag_error(l->d, v->pos, "schema.kind-not-map");
	return n;
}

/* Follows defs and unions, which go no deeper into the value. */
static bool
loops(struct ld *l, const struct node *n)
{
	size_t i;

	if (n->type == T_UNION) {
		for (i = 0; i < n->nalt; i++)
			if (loops(l, n->alts[i]))
				return true;
		return false;
	}
	if (n->type != T_DEF || n->def->state == 2)
		return false;
	if (n->def->state == 1) {
		diag_error(l->d, n->def->pos, "schema.def-loop",
		    n->def->name);
		return true;
	}
	n->def->state = 1;
	if (n->def->node != NULL && loops(l, n->def->node))
		return true;
	n->def->state = 2;
	return false;
}

/* A kind's date_field: a text naming one of its fields, or NULL. */
static const char *
date_field(struct ld *l, const struct node *n, const struct value *v)
{
	const struct value *f = value_map_get(v, "date_field");
	size_t i;

	if (f == NULL || v->type != VALUE_MAP)
		return NULL;
	for (i = 0; f->type == VALUE_STR && i < n->nfield; i++)
		if (strcmp(n->names[i], f->text) == 0)
			return f->text;
	diag_error(l->d, f->pos, "schema.date-field");
	return NULL;
}

static bool
check_top(struct ld *l, const char *name, const struct value *root)
{
	const char *near;
	size_t i, j;

	if (root == NULL || root->type != VALUE_MAP) {
		diag_error(l->d, root ? root->pos : pos_file(name),
		    "schema.document-not-map");
		return false;
	}
	for (i = 0; i < root->n; i++) {
		for (j = 0; j < 2; j++)
			if (strcmp(root->pairs[i].key, top_keys[j]) == 0)
				break;
		if (j < 2 && root->pairs[i].val->type != VALUE_MAP) {
			diag_error(l->d, root->pairs[i].val->pos,
			    "schema.top-not-map", top_keys[j]);
			return false;
		}
		if (j < 2)
			continue;
		near = utf8_nearest(root->pairs[i].key, top_keys, 2);
		if (near != NULL)
			diag_error(l->d, value_pair_pos(&root->pairs[i]),
			    "schema.unknown-key-near", root->pairs[i].key,
			    near);
		else
			diag_error(l->d, value_pair_pos(&root->pairs[i]),
			    "schema.unknown-key", root->pairs[i].key);
	}
	if (value_map_get(root, "kinds") == NULL)
		diag_error(l->d, root->pos, "schema.no-kinds");
	return value_map_get(root, "kinds") != NULL;
}

struct schemas *
schema_load(struct arena *a, struct diags *d, const char *name,
    const char *src, size_t n)
{
	struct ld l = {a, d, NULL, NULL};
	struct value *root;
	const struct value *defs, *kinds;
	size_t errors = diags_errors(d), i, j;

	if (value_parse_yaml(a, d, name, src, n, 1, &root) == -1)
		return NULL;
	if (!check_top(&l, name, root))
		return NULL;
	l.s = arena_calloc(a, 1, sizeof *l.s);
	l.s->near = utf8_memo_new(a);
	l.kinds = kinds = value_map_get(root, "kinds");
	defs = value_map_get(root, "defs");
	/* Names first, bodies second: definitions may refer to each other. */
	if (defs != NULL) {
		l.s->defs = arena_calloc(a, defs->n, sizeof *l.s->defs);
		l.s->ndef = defs->n;
		for (i = 0; i < defs->n; i++) {
			l.s->defs[i].name = defs->pairs[i].key;
			l.s->defs[i].pos = value_pair_pos(&defs->pairs[i]);
			for (j = 0; j < T_DEF; j++)
				if (strcmp(defs->pairs[i].key,
				    types[j].name) == 0)
					diag_error(d,
					    value_pair_pos(&defs->pairs[i]),
					    "schema.def-hides-type",
					    types[j].name);
		}
		for (i = 0; i < defs->n; i++)
			l.s->defs[i].node = compile(&l, defs->pairs[i].val,
			    false);
	}
	l.s->nkind = kinds->n;
	l.s->kinds = arena_calloc(a, kinds->n + 1, sizeof *l.s->kinds);
	l.s->nodes = arena_calloc(a, kinds->n, sizeof *l.s->nodes);
	l.s->date_fields = arena_calloc(a, kinds->n + 1,
	    sizeof *l.s->date_fields);
	for (i = 0; i < kinds->n; i++) {
		l.s->kinds[i] = kinds->pairs[i].key;
		l.s->nodes[i] = compile(&l, kinds->pairs[i].val, true);
		l.s->date_fields[i] = date_field(&l, l.s->nodes[i],
		    kinds->pairs[i].val);
	}
	for (i = 0; i < l.s->ndef; i++) {
		struct node alias = {.type = T_DEF, .def = &l.s->defs[i]};

		if (loops(&l, &alias))
			break;
	}
	return diags_errors(d) > errors ? NULL : l.s;
}

struct schemas *
schema_builtin(struct arena *a, struct diags *d)
{
	struct schemas *s = schema_load(a, d, "generator/schemas.yaml",
	    schemas_yaml, schemas_yaml_len);

	if (s == NULL) {
		diags_print(d, stderr);
		fputs("minhbach: the built-in schemas are broken\n", stderr);
		abort();
	}
	return s;
}

/* ---- fields a collection declares in site.yaml ---- */

/* The words of site.yaml's `fields:` and the types they stand for. */
static const struct {
	const char *word;
	enum stype type;
} field_types[] = {
	{"text", T_TEXT}, {"number", T_DECIMAL}, {"integer", T_INT},
	{"date", T_DATE}, {"bool", T_BOOL}, {"url", T_URL},
	{"email", T_EMAIL}, {"phone", T_PHONE},
};

/*
 * Names the model gives every record's frame (site_frames.c, links.c,
 * provenance.c): a declared field of the same name would be hidden by
 * them, or hide them.  So are is_* and has_* (booleans of the model)
 * and *_text, *_iso, *_link, *_links (the values it formats).
 */
static const char *const frame_keys[] = {
	"body", "url", "permalink", "slug", "lang", "kind", "source_path",
	"collection", "translations", "breadcrumbs", "card", "linked_card",
	"year", "content", "toc", "menu", "site", "t", "history", "linked",
	"linked_sections", "revision", "revisions",
};

static bool
field_reserved(const char *k)
{
	static const char *const pre[] = {"is_", "has_"};
	static const char *const suf[] = {"_text", "_iso", "_link", "_links"};
	size_t i, n = strlen(k), m;

	for (i = 0; i < sizeof frame_keys / sizeof *frame_keys; i++)
		if (strcmp(k, frame_keys[i]) == 0)
			return true;
	for (i = 0; i < 2; i++)
		if (strncmp(k, pre[i], strlen(pre[i])) == 0)
			return true;
	for (i = 0; i < 4; i++)
		if (n > (m = strlen(suf[i])) && strcmp(k + n - m, suf[i]) == 0)
			return true;
	return false;
}

/* A field name templates can print: a-z first, then a-z, 0-9, '_'. */
static bool
field_name_ok(const char *k)
{
	if (*k < 'a' || *k > 'z')
		return false;
	for (; *k; k++)
		if (!(*k >= 'a' && *k <= 'z') && !(*k >= '0' && *k <= '9') &&
		    *k != '_')
			return false;
	return true;
}

/* The type words and the kinds, for "did you mean" and the message. */
static const char **
field_words(struct arena *a, const struct schemas *s, size_t *n)
{
	size_t nt = sizeof field_types / sizeof *field_types, i;
	const char **w = arena_calloc(a, nt + s->nkind + 1, sizeof *w);

	for (i = 0; i < nt; i++)
		w[i] = field_types[i].word;
	for (i = 0; i < s->nkind; i++)
		w[nt + i] = s->kinds[i];
	*n = nt + s->nkind;
	return w;
}

/* Compiles one declared type, "list of number" or "zone"; NULL after
 * its error. */
static struct node *
field_type(struct arena *a, struct diags *d, const struct schemas *s,
    const struct value *t)
{
	struct node *n = arena_calloc(a, 1, sizeof *n), *of;
	const char *w, **words, *near;
	struct buf all = {0};
	size_t i, nw;

	if (t == NULL || t->type != VALUE_STR) {
		diag_error(d, t != NULL ? t->pos : pos_file(NULL),
		    "config.field-not-type");
		return NULL;
	}
	w = t->text;
	if (strncmp(w, "list of ", 8) == 0) {
		struct value inner = *t;

		inner.text = w + 8;
		inner.len = t->len - 8;
		if ((of = field_type(a, d, s, &inner)) == NULL)
			return NULL;
		if (of->type == T_LIST) {
			diag_error(d, t->pos, "config.field-list-of-list",
			    t->text);
			return NULL;
		}
		n->type = T_LIST;
		n->of = of;
		return n;
	}
	for (i = 0; i < sizeof field_types / sizeof *field_types; i++)
		if (strcmp(w, field_types[i].word) == 0) {
			n->type = field_types[i].type;
			return n;
		}
	for (i = 0; i < s->nkind; i++)
		if (strcmp(w, s->kinds[i]) == 0) {
			n->type = T_REF;
			n->to = s->kinds[i];
			return n;
		}
	words = field_words(a, s, &nw);
	for (i = 0; i < nw; i++)
		buf_addf(&all, "%s%s", i ? ", " : "", words[i]);
	near = utf8_nearest(w, words, nw);
	if (near != NULL)
		diag_error(d, t->pos, "config.field-type-near", w, near,
		    diag_fmt(d, "%s", buf_cstr(&all)));
	else
		diag_error(d, t->pos, "config.field-type", w,
		    diag_fmt(d, "%s", buf_cstr(&all)));
	buf_release(&all);
	return NULL;
}

/* Compiles one declaration: a type, or {type, required, doc}. */
static struct node *
field_decl(struct arena *a, struct diags *d, const struct schemas *s,
    const struct value *v)
{
	const struct value *t = v, *x;
	struct node *n;
	size_t i;

	if (v->type == VALUE_MAP) {
		t = value_map_get(v, "type");
		for (i = 0; i < v->n; i++)
			if (strcmp(v->pairs[i].key, "type") != 0 &&
			    strcmp(v->pairs[i].key, "required") != 0 &&
			    strcmp(v->pairs[i].key, "doc") != 0)
				diag_error(d, value_pair_pos(&v->pairs[i]),
				    "config.field-key", v->pairs[i].key);
		if (t == NULL) {
			diag_error(d, v->pos, "config.field-not-type");
			return NULL;
		}
	}
	if ((n = field_type(a, d, s, t)) == NULL || v->type != VALUE_MAP)
		return n;
	if ((x = value_map_get(v, "required")) != NULL) {
		if (x->type != VALUE_BOOL)
			diag_error(d, x->pos, "config.field-required");
		n->required = x->type == VALUE_BOOL && x->u.b;
	}
	if ((x = value_map_get(v, "doc")) != NULL && x->type == VALUE_STR)
		n->doc = x->text;
	return n;
}

const char *
schema_declare(struct schemas *s, struct arena *a, struct diags *d,
    const char *coll, const char *kind, const struct value *v)
{
	const struct node *k = schema_find_kind(s, kind);
	struct node *n, *f;
	size_t i, j;

	if (v == NULL || k == NULL)
		return kind;
	if (v->type != VALUE_MAP) {
		diag_error(d, v->pos, "config.fields-not-map", coll);
		return kind;
	}
	n = arena_calloc(a, 1, sizeof *n);
	*n = *k;
	n->names = arena_calloc(a, k->nfield + v->n, sizeof *n->names);
	n->fields = arena_calloc(a, k->nfield + v->n, sizeof *n->fields);
	memcpy(n->names, k->names, k->nfield * sizeof *n->names);
	memcpy(n->fields, k->fields, k->nfield * sizeof *n->fields);
	for (i = 0; i < v->n; i++) {
		const struct value_pair *p = &v->pairs[i];

		for (j = 0; j < k->nfield; j++)
			if (strcmp(p->key, k->names[j]) == 0)
				break;
		if (j < k->nfield) {
			diag_error(d, value_pair_pos(p), "config.field-of-kind",
			    p->key, coll, kind);
			continue;
		}
		if (!field_name_ok(p->key)) {
			diag_error(d, value_pair_pos(p), "config.field-name",
			    p->key);
			continue;
		}
		if (field_reserved(p->key)) {
			diag_error(d, value_pair_pos(p),
			    "config.field-reserved", p->key);
			continue;
		}
		if ((f = field_decl(a, d, s, p->val)) == NULL)
			continue;
		n->names[n->nfield] = p->key;
		n->fields[n->nfield++] = f;
	}
	if (n->nfield == k->nfield)
		return kind;
	s->decls = arena_grow(a, s->decls, s->ndecl, &s->declcap,
	    sizeof *s->decls);
	s->decls[s->ndecl].name = arena_printf(a, "%s/%s", kind, coll);
	s->decls[s->ndecl].node = n;
	return s->decls[s->ndecl++].name;
}

const struct node *
schema_find_kind(const struct schemas *s, const char *kind)
{
	size_t i;

	for (i = 0; i < s->nkind; i++)
		if (strcmp(s->kinds[i], kind) == 0)
			return s->nodes[i];
	for (i = 0; i < s->ndecl; i++)
		if (strcmp(s->decls[i].name, kind) == 0)
			return s->decls[i].node;
	return NULL;
}

bool
schema_has_kind(const struct schemas *s, const char *kind)
{
	return schema_find_kind(s, kind) != NULL;
}

size_t
schema_nfields(const struct schemas *s, const char *kind)
{
	const struct node *n =
	    s != NULL && kind != NULL ? schema_find_kind(s, kind) : NULL;

	while (n != NULL && n->type == T_DEF)
		n = n->def->node;
	return n != NULL && n->type == T_MAP ? n->nfield : 0;
}

size_t
schema_nabsent(const struct schemas *s, const char *kind,
    const struct value *data)
{
	const struct node *n =
	    s != NULL && kind != NULL ? schema_find_kind(s, kind) : NULL;
	size_t i, k = 0;

	while (n != NULL && n->type == T_DEF)
		n = n->def->node;
	if (n == NULL || n->type != T_MAP)
		return 0;
	for (i = 0; i < n->nfield; i++)
		if (value_map_get(data, n->names[i]) == NULL)
			k++;
	return k;
}

const char *
schema_date_field(const struct schemas *s, const char *kind)
{
	size_t i;

	for (i = 0; s != NULL && kind != NULL && i < s->nkind; i++)
		if (strcmp(s->kinds[i], kind) == 0)
			return s->date_fields[i];
	return NULL;
}

const char *const *
schema_kinds(const struct schemas *s, size_t *n)
{
	*n = s->nkind;
	return s->kinds;
}
