/*
 * Unit tests for value_yaml.c: core-schema typing of scalars, exact
 * positions (Vietnamese text, first_line, BOM, CRLF), tags, anchors and
 * the alias-bomb limit, depth, duplicate keys, bad input and libyaml's
 * own errors, each checked by its diagnostic text and location.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "value.h"
#include "tu_skel.h"

Suite *yaml_suite(void);

/* One parse: the arena, its diagnostics and what they printed. */
struct run {
	struct arena *a;
	struct diags *d;
	struct value *v;
	int rc;
	char *out;	/* diags_print output, malloc'd */
};

static void
parse_n(struct run *r, const char *src, size_t n, unsigned first_line)
{
	size_t len = 0;
	FILE *f;

	r->a = arena_new();
	r->d = diags_new(r->a);
	r->v = (struct value *)&r->v;	/* must be overwritten */
	r->rc = value_parse_yaml(r->a, r->d, "t.yaml", src, n, first_line,
	    &r->v);
	r->out = NULL;
	f = open_memstream(&r->out, &len);
	ck_assert_ptr_nonnull(f);
	diags_print(r->d, f);
	fclose(f);
}

static void
parse(struct run *r, const char *src)
{
	parse_n(r, src, strlen(src), 1);
}

static void
done(struct run *r)
{
	free(r->out);
	arena_free(r->a);
}

/* Asserts that parsing src fails with exactly the diagnostics want. */
static void
fails(const char *src, const char *want)
{
	struct run r;

	parse(&r, src);
	ck_assert_int_eq(r.rc, -1);
	ck_assert_ptr_null(r.v);
	assert_skel(r.out, want);
	done(&r);
}

static struct value *
get(struct run *r, const char *key)
{
	struct value *v = value_map_get(r->v, key);

	ck_assert_msg(v != NULL, "no key %s", key);
	return v;
}

START_TEST(test_yaml_scalar_types)
{
	static const struct {
		const char *text;
		enum value_type type;
	} cases[] = {
		{"~", VALUE_NULL}, {"null", VALUE_NULL}, {"Null", VALUE_NULL},
		{"NULL", VALUE_NULL}, {"true", VALUE_BOOL},
		{"False", VALUE_BOOL}, {"TRUE", VALUE_BOOL},
		{"0", VALUE_INT}, {"-12", VALUE_INT}, {"+7", VALUE_INT},
		{"0o17", VALUE_INT}, {"0x1F", VALUE_INT}, {"012", VALUE_INT},
		{"1.5", VALUE_NUM}, {"1.210", VALUE_NUM}, {".5", VALUE_NUM},
		{"1.", VALUE_NUM}, {"-1e3", VALUE_NUM}, {"2E-2", VALUE_NUM},
		{".inf", VALUE_NUM}, {"-.Inf", VALUE_NUM}, {".NaN", VALUE_NUM},
		{"1.060.000.000", VALUE_STR}, {"1,5", VALUE_STR},
		{"yes", VALUE_STR}, {"no", VALUE_STR}, {"on", VALUE_STR},
		{"nULL", VALUE_STR}, {"0x", VALUE_STR}, {"0o8", VALUE_STR},
		{"12abc", VALUE_STR}, {"1e", VALUE_STR}, {".", VALUE_STR},
		{"+.5e", VALUE_STR}, {"15/01/2020", VALUE_STR},
		{"2024-05-02", VALUE_STR}, {"\"12\"", VALUE_STR},
		{"'true'", VALUE_STR}, {"\"~\"", VALUE_STR},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct run r;
		char src[64];

		snprintf(src, sizeof src, "v: %s\n", cases[i].text);
		parse(&r, src);
		ck_assert_int_eq(r.rc, 0);
		ck_assert_msg(get(&r, "v")->type == cases[i].type,
		    "%s: type %s", cases[i].text,
		    value_type_name(get(&r, "v")->type));
		done(&r);
	}
}
END_TEST

START_TEST(test_yaml_scalar_values)
{
	struct run r;

	parse(&r, "i: -12\nh: 0x1F\no: 0o17\np: +7\nf: 1.210\nb: True\n"
	    "n: ~\ne:\nmax: 9223372036854775807\n"
	    "min: -9223372036854775808\ninf: -.inf\nnan: .nan\n"
	    "money: 1.060.000.000\nblock: |\n  a\n  b\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(get(&r, "i")->u.i, -12);
	ck_assert_int_eq(get(&r, "h")->u.i, 31);
	ck_assert_str_eq(get(&r, "h")->text, "0x1F");
	ck_assert_int_eq(get(&r, "o")->u.i, 15);
	ck_assert_int_eq(get(&r, "p")->u.i, 7);
	ck_assert_double_eq(get(&r, "f")->u.d, 1.21);
	ck_assert_str_eq(get(&r, "f")->text, "1.210");
	ck_assert_uint_eq(get(&r, "f")->len, 5);
	ck_assert(get(&r, "b")->u.b);
	ck_assert_str_eq(get(&r, "b")->text, "True");
	ck_assert_str_eq(get(&r, "n")->text, "~");
	ck_assert_int_eq(get(&r, "e")->type, VALUE_NULL);
	ck_assert_int_eq(get(&r, "max")->u.i, INT64_MAX);
	ck_assert_int_eq(get(&r, "min")->u.i, INT64_MIN);
	ck_assert(isinf(get(&r, "inf")->u.d) && get(&r, "inf")->u.d < 0);
	ck_assert(isnan(get(&r, "nan")->u.d));
	ck_assert_str_eq(get(&r, "money")->text, "1.060.000.000");
	ck_assert_int_eq(get(&r, "block")->type, VALUE_STR);
	ck_assert_str_eq(get(&r, "block")->text, "a\nb\n");
	done(&r);
}
END_TEST

START_TEST(test_yaml_int_overflow)
{
	fails("a: 1\nbig: 9223372036854775808\n",
	    "t.yaml:2:6: E [yaml.int-range]|9223372036854775808|2\n");
	fails("x: -9223372036854775809\n",
	    "t.yaml:1:4: E [yaml.int-range]|-9223372036854775809\n");
	fails("- 0x10000000000000000\n",
	    "t.yaml:1:3: E [yaml.int-range]|0x10000000000000000\n");
}
END_TEST

START_TEST(test_yaml_positions)
{
	struct run r;
	struct value *l;

	/* Columns count code points, not bytes, after Vietnamese text. */
	parse(&r, "tiêu đề: Hội nghị Cán bộ\n"
	    "khu:\n"
	    "  - [Đà Lạt, Bảo Lộc]\n"
	    "  - \"Đức Trọng\"\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_uint_eq(r.v->pos.line, 1);
	ck_assert_uint_eq(r.v->pos.col, 1);
	ck_assert_str_eq(r.v->pos.path, "t.yaml");
	ck_assert_uint_eq(r.v->pairs[0].line, 1);
	ck_assert_uint_eq(r.v->pairs[0].col, 1);
	ck_assert_uint_eq(get(&r, "tiêu đề")->pos.line, 1);
	ck_assert_uint_eq(get(&r, "tiêu đề")->pos.col, 10);
	ck_assert_uint_eq(r.v->pairs[1].line, 2);
	l = get(&r, "khu");
	ck_assert_uint_eq(l->pos.line, 3);
	ck_assert_uint_eq(l->pos.col, 3);
	ck_assert_uint_eq(l->items[0]->items[1]->pos.line, 3);
	ck_assert_uint_eq(l->items[0]->items[1]->pos.col, 14);
	ck_assert_str_eq(l->items[0]->items[1]->text, "Bảo Lộc");
	ck_assert_uint_eq(l->items[1]->pos.line, 4);
	ck_assert_uint_eq(l->items[1]->pos.col, 5);
	done(&r);
}
END_TEST

/*
 * A pair keeps its key's line and column; its file is its value's
 * (value_pair_pos()): so for every key of a document, also one whose
 * value is an alias, a block or a nested map.
 */
START_TEST(test_yaml_pair_pos)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct value *v = NULL, *m, *copy;
	const char *src = "a: 1\n"
	                  "  # a comment\n"
	                  "tiêu đề: &x Hội nghị\n"
	                  "khu:\n"
	                  "  đất: *x\n"
	                  "  ghi chú: |\n"
	                  "    hai dòng\n"
	                  "    ở đây\n";
	struct pos p;

	ck_assert_int_eq(value_parse_yaml_borrow(a, d, "content/t.md", src,
	                     strlen(src), 3, &v),
	    0);
	ck_assert_uint_eq(sizeof(struct value_pair), 3 * sizeof(void *));
	p = value_pair_pos(&v->pairs[0]);
	ck_assert_str_eq(p.path, "content/t.md");
	ck_assert_uint_eq(p.line, 3);
	ck_assert_uint_eq(p.col, 1);
	p = value_pair_pos(&v->pairs[1]);
	ck_assert_str_eq(p.path, "content/t.md");
	ck_assert_uint_eq(p.line, 5);
	ck_assert_uint_eq(p.col, 1);
	m = v->pairs[2].val;
	p = value_pair_pos(&m->pairs[0]); /* an alias's value */
	ck_assert_str_eq(p.path, "content/t.md");
	ck_assert_uint_eq(p.line, 7);
	ck_assert_uint_eq(p.col, 3);
	p = value_pair_pos(&m->pairs[1]); /* a block's */
	ck_assert_str_eq(p.path, "content/t.md");
	ck_assert_uint_eq(p.line, 8);
	ck_assert_uint_eq(p.col, 3);
	/* A copied pair (a frame's) is where the original is... */
	copy = value_map(a);
	value_map_append(a, copy, m->pairs[1].key, strlen(m->pairs[1].key),
	    value_pair_pos(&m->pairs[1]), m->pairs[1].val);
	p = value_pair_pos(&copy->pairs[0]);
	ck_assert_str_eq(p.path, "content/t.md");
	ck_assert_uint_eq(p.line, 8);
	ck_assert_uint_eq(p.col, 3);
	/* ...and a key set from another file's value is in that file. */
	value_map_set(a, copy, "đất", m->pairs[0].val);
	ck_assert_str_eq(value_pair_pos(&copy->pairs[1]).path, "content/t.md");
	ck_assert_uint_eq(value_pair_pos(&copy->pairs[1]).line, 5);
	ck_assert_uint_eq(value_pair_pos(&copy->pairs[1]).col, 10);
	/* Its value replaced by one of the same file: the key stays... */
	value_map_set(a, copy, "đất", m->pairs[1].val);
	p = value_pair_pos(&copy->pairs[1]);
	ck_assert_str_eq(p.path, "content/t.md");
	ck_assert_uint_eq(p.line, 5);
	ck_assert_uint_eq(p.col, 10);
	/* ...by one of another file: the key goes where that value is,
	 * not to its old line and column in the other file. */
	{
		struct value *o = value_strz(a, "x");

		o->pos.path = "content/khac.yaml";
		o->pos.line = 40;
		o->pos.col = 7;
		value_map_set(a, copy, "đất", o);
		p = value_pair_pos(&copy->pairs[1]);
		ck_assert_str_eq(p.path, "content/khac.yaml");
		ck_assert_uint_eq(p.line, 40);
		ck_assert_uint_eq(p.col, 7);
		ck_assert_uint_eq(copy->n, 2);
	}
	arena_free(a);
}
END_TEST

/*
 * A map's pairs and a list's items take exactly their length of arena:
 * seven keys are seven pairs, not eight (or the 4 + 8 that growing by
 * doubling leaves behind).  Beyond the stack's array they grow, and
 * every entry is still there in order; so are they after an error in
 * a nested collection.
 */
START_TEST(test_yaml_exact_size)
{
	struct run r;
	struct buf b = {0};
	size_t i;

	parse(&r,
	    "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: [1, 2, 3, 4, 5]\n"
	    "h: {}\ni: []\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_uint_eq(r.v->n, 9);
	ck_assert_uint_eq(r.v->cap, 9);
	ck_assert_uint_eq(get(&r, "g")->n, 5);
	ck_assert_uint_eq(get(&r, "g")->cap, 5);
	ck_assert_uint_eq(get(&r, "h")->cap, 0);
	ck_assert_ptr_null(get(&r, "h")->pairs);
	ck_assert_uint_eq(get(&r, "i")->cap, 0);
	ck_assert_uint_eq(value_pair_pos(&r.v->pairs[6]).line, 7);
	done(&r);
	for (i = 0; i < 40; i++)
		buf_addf(&b, "k%zu: [%zu, x, {n: %zu}]\n", i, i, i);
	parse(&r, buf_cstr(&b));
	ck_assert_int_eq(r.rc, 0);
	ck_assert_uint_eq(r.v->n, 40);
	for (i = 0; i < 40; i++) {
		char k[16];

		snprintf(k, sizeof k, "k%zu", i);
		ck_assert_str_eq(r.v->pairs[i].key, k);
		ck_assert_uint_eq(r.v->pairs[i].line, i + 1);
		ck_assert_uint_eq(r.v->pairs[i].val->n, 3);
		ck_assert_int_eq(r.v->pairs[i].val->items[2]->pairs[0].val->u.i,
		    (int64_t)i);
	}
	done(&r);
	buf_release(&b);
	parse(&r, "a: 1\nb: [1, {c: 2, d: [3, {e: *nope}]}]\n");
	ck_assert_int_eq(r.rc, -1);
	done(&r);
}
END_TEST

START_TEST(test_yaml_positions_first_line)
{
	struct run r;
	const char *src = "title: Hội nghị\ndate: 2024-05-02\n";

	parse_n(&r, src, strlen(src), 2);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_uint_eq(r.v->pairs[0].line, 2);
	ck_assert_uint_eq(r.v->pairs[1].line, 3);
	ck_assert_uint_eq(get(&r, "date")->pos.line, 3);
	ck_assert_uint_eq(get(&r, "date")->pos.col, 7);
	done(&r);
	src = "a: 1\nb: [1, 2\n";
	parse_n(&r, src, strlen(src), 5);
	ck_assert_int_eq(r.rc, -1);
	assert_skel(r.out, "t.yaml:7:1: E [yaml.flow-list]|,|]|6\n");
	done(&r);
}
END_TEST

START_TEST(test_yaml_bom_crlf)
{
	struct run r;

	parse(&r, "\xEF\xBB\xBFtên: Phú Hội\r\nloại: KCN\r\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_uint_eq(r.v->n, 2);
	ck_assert_str_eq(r.v->pairs[0].key, "tên");
	ck_assert_str_eq(get(&r, "tên")->text, "Phú Hội");
	ck_assert_uint_eq(get(&r, "tên")->pos.col, 6);
	ck_assert_uint_eq(get(&r, "loại")->pos.line, 2);
	ck_assert_uint_eq(get(&r, "loại")->pos.col, 7);
	done(&r);
	/* U+2028 breaks a line for libyaml but not for editors. */
	parse(&r, "a: \"x\xE2\x80\xA8y\"\nb: c\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_uint_eq(get(&r, "b")->pos.line, 2);
	ck_assert_uint_eq(get(&r, "b")->pos.col, 4);
	done(&r);
}
END_TEST

START_TEST(test_yaml_empty)
{
	static const char *const empties[] = {"", "# chỉ chú thích\n",
	    "---\n", "---\n...\n", "\xEF\xBB\xBF", "\n\n"};
	struct run r;
	size_t i;

	for (i = 0; i < sizeof empties / sizeof empties[0]; i++) {
		parse(&r, empties[i]);
		ck_assert_int_eq(r.rc, 0);
		ck_assert_ptr_null(r.v);
		assert_skel(r.out, "");
		done(&r);
	}
	parse(&r, "~\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_ptr_nonnull(r.v);
	ck_assert_int_eq(r.v->type, VALUE_NULL);
	done(&r);
}
END_TEST

START_TEST(test_yaml_duplicate_keys)
{
	struct run r;
	struct buf b = {0};
	int i;

	fails("# tin\n\ntitle: a\ndate: 2024-05-02\ntitle: b\n",
	    "t.yaml:5:1: E [yaml.duplicate-key]|title|3\n");
	fails("a:\n  x: 1\n  y: 2\n  x: 3\n",
	    "t.yaml:4:3: E [yaml.duplicate-key]|x|2\n");
	/* Every duplicate of a file is reported in one run. */
	parse(&r, "a: 1\na: 2\nb: 1\nb: 2\n");
	ck_assert_int_eq(r.rc, -1);
	ck_assert_uint_eq(diags_errors(r.d), 2);
	done(&r);
	/* Large maps use a table: a duplicate far apart is still found. */
	for (i = 0; i < 5000; i++)
		buf_addf(&b, "k%d: %d\n", i, i);
	buf_adds(&b, "k17: again\n");
	parse(&r, buf_cstr(&b));
	ck_assert_int_eq(r.rc, -1);
	assert_skel(r.out, "t.yaml:5001:1: E [yaml.duplicate-key]|k17|18\n");
	done(&r);
	b.len -= strlen("k17: again\n");	/* buf_truncate is ambiguous */
	b.data[b.len] = '\0';
	parse(&r, buf_cstr(&b));
	ck_assert_int_eq(r.rc, 0);
	ck_assert_uint_eq(r.v->n, 5000);
	ck_assert_int_eq(get(&r, "k4999")->u.i, 4999);
	ck_assert_str_eq(r.v->pairs[4321].key, "k4321");
	done(&r);
	buf_release(&b);
	/* "1" and 1 are the same key; "01" is another. */
	fails("1: a\n\"1\": b\n",
	    "t.yaml:2:1: E [yaml.duplicate-key]|`1`|1\n");
}
END_TEST

START_TEST(test_yaml_keys)
{
	struct run r;

	fails("? [a, b]\n: c\n",
	    "t.yaml:1:3: E [yaml.key-not-scalar]\n");
	fails("{a: 1}: x\n",
	    "t.yaml:1:1: E [yaml.key-not-scalar]\n");
	fails("~: x\n", "t.yaml:1:1: E [yaml.empty-key]\n");
	fails("base: &b {a: 1}\nx:\n  <<: *b\n",
	    "t.yaml:3:3: E [yaml.merge-key]\n");
	parse(&r, "'<<': quoted is a plain key\n2024: năm\ntrue: x\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(get(&r, "<<")->text, "quoted is a plain key");
	ck_assert_str_eq(get(&r, "2024")->text, "năm");
	ck_assert_str_eq(get(&r, "true")->text, "x");
	done(&r);
}
END_TEST

START_TEST(test_yaml_depth)
{
	struct buf b = {0};
	struct run r;
	int i;

	for (i = 0; i < VALUE_MAX_DEPTH; i++)
		buf_addc(&b, '[');
	for (i = 0; i < VALUE_MAX_DEPTH; i++)
		buf_addc(&b, ']');
	parse(&r, buf_cstr(&b));
	ck_assert_int_eq(r.rc, 0);
	done(&r);
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_addc(&b, '[');
	parse(&r, buf_cstr(&b));
	ck_assert_int_eq(r.rc, -1);
	assert_skel(r.out, "t.yaml:1:65: E [yaml.too-deep]|64\n");
	done(&r);
	/* Block style counts the same: 65 maps, one inside the other. */
	buf_reset(&b);
	for (i = 0; i <= VALUE_MAX_DEPTH; i++) {
		buf_addf(&b, "%*sk:", i, "");
		buf_addc(&b, i == VALUE_MAX_DEPTH ? ' ' : '\n');
	}
	buf_adds(&b, "1\n");
	parse(&r, buf_cstr(&b));
	ck_assert_int_eq(r.rc, -1);
	assert_skel(r.out, "t.yaml:65:65: E [yaml.too-deep]|64\n");
	done(&r);
	buf_release(&b);
}
END_TEST

START_TEST(test_yaml_aliases_shared)
{
	struct run r;

	parse(&r, "zone: &z {name: Lộc Sơn, area: 185.5}\n"
	    "again: *z\nname: &n KCN\nlist: [*n, *z]\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_ptr_eq(get(&r, "again"), get(&r, "zone"));
	ck_assert_ptr_eq(get(&r, "list")->items[1], get(&r, "zone"));
	ck_assert_ptr_eq(get(&r, "list")->items[0], get(&r, "name"));
	done(&r);
	fails("a: *nowhere\n",
	    "t.yaml:1:4: E [yaml.alias-unknown]|*nowhere|&nowhere\n");
	/* A node cannot contain itself. */
	fails("a: &a [1, *a]\n", "t.yaml:1:11: E [yaml.alias-unknown]|*a|&a\n");
	/* A later anchor of the same name wins. */
	parse(&r, "a: &x 1\nb: &x 2\nc: *x\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(get(&r, "c")->u.i, 2);
	done(&r);
}
END_TEST

START_TEST(test_yaml_billion_laughs)
{
	static const char bomb[] =
	    "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
	    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
	    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
	    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
	    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
	    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
	    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
	    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
	    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

	/* *e stands for 111,111 nodes: its eighth use crosses 1,000,000. */
	fails(bomb, "t.yaml:6:29: E [yaml.alias-too-big]|*e|1000000\n");
}
END_TEST

START_TEST(test_yaml_tags)
{
	struct run r;

	parse(&r, "s: !!str 12\ni: !!int \"12\"\nf: !!float 1\n"
	    "b: !!bool 'true'\nn: !!null ''\nl: !!seq [1]\nm: !!map {a: 1}\n"
	    "x: ! 12\n");
	ck_assert_int_eq(r.rc, 0);
	ck_assert_int_eq(get(&r, "s")->type, VALUE_STR);
	ck_assert_str_eq(get(&r, "s")->text, "12");
	ck_assert_int_eq(get(&r, "i")->type, VALUE_INT);
	ck_assert_int_eq(get(&r, "i")->u.i, 12);
	ck_assert_int_eq(get(&r, "f")->type, VALUE_NUM);
	ck_assert_double_eq(get(&r, "f")->u.d, 1.0);
	ck_assert_int_eq(get(&r, "b")->type, VALUE_BOOL);
	ck_assert_int_eq(get(&r, "n")->type, VALUE_NULL);
	ck_assert_int_eq(get(&r, "l")->type, VALUE_LIST);
	ck_assert_int_eq(get(&r, "m")->type, VALUE_MAP);
	ck_assert_int_eq(get(&r, "x")->type, VALUE_STR);
	done(&r);
	fails("a: !!int abc\n",
	    "t.yaml:1:4: E [yaml.bad-tagged]|abc\n");
	fails("a: !!bool yes\n",
	    "t.yaml:1:4: E [yaml.bad-tagged]|yes|!!bool\n");
	fails("a: !vn 1.000\n", "t.yaml:1:4: E [yaml.unknown-tag]|!vn\n");
	fails("a: !!binary aGk=\n",
	    "t.yaml:1:4: E [yaml.unknown-tag]|!!binary\n");
	fails("a: !!map [1]\n",
	    "t.yaml:1:4: E [yaml.tag-on-collection]|!!map\n");
}
END_TEST

START_TEST(test_yaml_multi_document)
{
	fails("---\na: 1\n---\nb: 2\n",
	    "t.yaml:3:1: E [yaml.second-document]\n");
	fails("a: 1\n...\n---\nb: 2\n",
	    "t.yaml:3:1: E [yaml.second-document]\n");
}
END_TEST

START_TEST(test_yaml_bad_bytes)
{
	static const char nul[] = "a: 1\nb: x\0y\n";
	struct run r;

	fails("tên: ok\nmô tả: Bảo\xC3(\n",
	    "t.yaml:2:11: E [file.not-utf8]|8\n");
	fails("a: \xC0\xAF\n", "t.yaml:1:4: E [file.not-utf8]|overlong\n");
	fails("a: \xED\xA0\x80\n",
	    "t.yaml:1:4: E [file.not-utf8]|UTF-16 surrogate\n");
	parse_n(&r, nul, sizeof nul - 1, 1);
	ck_assert_int_eq(r.rc, -1);
	assert_skel(r.out, "t.yaml:2:5: E [file.nul-byte]\n");
	done(&r);
	/* First line after a BOM: the BOM is no column. */
	fails("\xEF\xBB\xBF\xFF", "t.yaml:1:1: E [file.not-utf8]\n");
	fails("a: \"x\\0y\"\n", "t.yaml:1:4: E [yaml.nul-in-string]\n");
	fails("mô tả: x\x01y\n",
	    "t.yaml:1:9: E [yaml.reader]|control characters\n");
}
END_TEST

START_TEST(test_yaml_syntax_errors)
{
	fails("title: Hội nghị: tổng kết\n",
	    "t.yaml:1:16: E [yaml.colon-in-value]\n");
	fails("a: 1\n b: 2\nc: 3\n", "t.yaml:2:3: E [yaml.colon-in-value]\n");
	/* A tab in the indentation: named, with the fix, and nothing else. */
	fails("a:\n\tb: 1\n", "t.yaml:2:1: E [yaml.tab-indent]|dòng 2|cột 1\n");
	fails("a:\n  b:\n  \t c: 1\n",
	    "t.yaml:3:3: E [yaml.tab-indent]|dòng 3|cột 3\n");
	fails("a: \"unclosed\n", "t.yaml:2:1: E [yaml.quote]|1\n");
	/* A tab inside a block scalar is text: not the cause of a later
	 * error. */
	fails("a: |\n  x\n  \ty\nb: [1\nc: 2\n",
	    "t.yaml:5:2: E [yaml.flow-list]|4\n");
}
END_TEST

START_TEST(test_yaml_json_roundtrip)
{
	struct run r;
	struct buf b = {0};

	parse(&r, "z: 1\na: [1.50, 0x10, \"x\"]\nm: {k: ~, t: yes}\n");
	ck_assert_int_eq(r.rc, 0);
	value_to_json(r.v, &b, 0);
	ck_assert_str_eq(buf_cstr(&b),
	    "{\"z\":1,\"a\":[1.50,16,\"x\"],\"m\":{\"k\":null,\"t\":\"yes\"}}");
	buf_release(&b);
	done(&r);
}
END_TEST

/* True when a and b are the same tree: types, texts, places, sizes. */
static bool
same_tree(const struct value *a, const struct value *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->type != b->type || a->len != b->len || a->style != b->style ||
	    a->n != b->n || a->cap != b->cap || a->pos.line != b->pos.line ||
	    a->pos.col != b->pos.col || strcmp(a->pos.path, b->pos.path) != 0 ||
	    (a->text == NULL) != (b->text == NULL) ||
	    (a->text != NULL && memcmp(a->text, b->text, a->len + 1) != 0))
		return false;
	switch (a->type) {
	case VALUE_BOOL: return a->u.b == b->u.b;
	case VALUE_INT: return a->u.i == b->u.i;
	case VALUE_NUM: return memcmp(&a->u.d, &b->u.d, sizeof a->u.d) == 0;
	case VALUE_LIST:
		for (i = 0; i < a->n; i++)
			if (!same_tree(a->items[i], b->items[i]))
				return false;
		return true;
	case VALUE_MAP:
		for (i = 0; i < a->n; i++)
			if (strcmp(a->pairs[i].key, b->pairs[i].key) != 0 ||
			    a->pairs[i].line != b->pairs[i].line ||
			    a->pairs[i].col != b->pairs[i].col ||
			    !same_tree(a->pairs[i].val, b->pairs[i].val))
				return false;
		return true;
	default: return true;
	}
}

/*
 * quick_scan() reads simple documents without libyaml: what it takes
 * must come out as libyaml's reading does (values, places, diagnostics),
 * and what it leaves, near misses, goes to libyaml.
 */
START_TEST(test_yaml_quick_same)
{
	static const char *const docs[] = {
	    "title: \"Công khai danh mục: dự án\"\ndate: 2020-08-31\n"
	    "tags: [đầu tư, xây dựng]\n",
	    "a: 1\nb: -5\nc: 0x1F\nd: 1.5\ne: .inf\nf: ~\ng: true\n"
	    "h: False\ni: null\nj: ''\nk: \"\"\n",
	    "a:   x  y   \nb: [ a , b ]\nc: []\nd: [ ]\ne: 'it: is'\n",
	    "a: 1\nb: 2\na: 3\n", /* duplicate */
	    "null: 1\n", /* empty key */
	    "true: 1\n1a: x\n",
	    "a: 99999999999999999999\n", /* out of range */
	    "a: [1, 99999999999999999999]\n",
	    "a: ừ 😀 a\u00a0b\n",
	    "a: a\u2028b\n",
	    "a: a\ufeffb\n",
	    "a: \u00a0x\n",
	    "a: x\xc2\x85y\n",
	    "a: x\xc2\x9fy\n",
	    "a: x\x7fy\n",
	    "a: \"a\tb\"\n",
	    "a:\tb\n",
	    "a: b\r\n",
	    "a: b\n\nc: d\n",
	    "a: b\n  c\n",
	    "a: b # c\n",
	    "a: b#c\n",
	    "a: b: c\n",
	    "a: b:c\n",
	    "a: [a: b]\n",
	    "a: [a,]\n",
	    "a: [a, [b]]\n",
	    "a: {b: c}\n",
	    "a: - b\n",
	    "a: -b\n",
	    "a: ---\n",
	    "a: ...\n",
	    "a: &x b\n",
	    "a: *x\n",
	    "a: !x b\n",
	    "a: |\n  b\n",
	    "a: \"b\\\"c\"\n",
	    "a: 'b''c'\n",
	    "a: 'b' c\n",
	    "a: b",
	    "a:\n",
	    "a: \n",
	    "- a\n",
	    "? a\n",
	    "# c\na: b\n",
	    " a: b\n",
	    "a : b\n",
	    "a:b\n",
	    "a: [\"b\"]\n",
	    "a: [b] c\n",
	    "a: 1e5\nb: 1e\nc: +1\nd: 0o19\ne: .NaN\n",
	};
	size_t i;

	for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		struct run slow, quick;

		value_yaml_quick = false;
		parse_n(&slow, docs[i], strlen(docs[i]), 3);
		value_yaml_quick = true;
		parse_n(&quick, docs[i], strlen(docs[i]), 3);
		ck_assert_msg(slow.rc == quick.rc && same_tree(slow.v, quick.v),
		    "doc %zu: not the same tree", i);
		ck_assert_str_eq(slow.out, quick.out);
		done(&slow);
		done(&quick);
	}
}
END_TEST

Suite *
yaml_suite(void)
{
	Suite *s = suite_create("yaml");
	TCase *tc;

	tc = tcase_create("scalars");
	tcase_add_test(tc, test_yaml_scalar_types);
	tcase_add_test(tc, test_yaml_scalar_values);
	tcase_add_test(tc, test_yaml_int_overflow);
	tcase_add_test(tc, test_yaml_tags);
	suite_add_tcase(s, tc);
	tc = tcase_create("positions");
	tcase_add_test(tc, test_yaml_positions);
	tcase_add_test(tc, test_yaml_positions_first_line);
	tcase_add_test(tc, test_yaml_pair_pos);
	tcase_add_test(tc, test_yaml_exact_size);
	tcase_add_test(tc, test_yaml_bom_crlf);
	suite_add_tcase(s, tc);
	tc = tcase_create("structure");
	tcase_add_test(tc, test_yaml_empty);
	tcase_add_test(tc, test_yaml_duplicate_keys);
	tcase_add_test(tc, test_yaml_keys);
	tcase_add_test(tc, test_yaml_multi_document);
	tcase_add_test(tc, test_yaml_json_roundtrip);
	tcase_add_test(tc, test_yaml_quick_same);
	suite_add_tcase(s, tc);
	tc = tcase_create("limits");
	tcase_add_test(tc, test_yaml_depth);
	tcase_add_test(tc, test_yaml_aliases_shared);
	tcase_add_test(tc, test_yaml_billion_laughs);
	suite_add_tcase(s, tc);
	tc = tcase_create("errors");
	tcase_add_test(tc, test_yaml_bad_bytes);
	tcase_add_test(tc, test_yaml_syntax_errors);
	suite_add_tcase(s, tc);
	return s;
}
