/*
 * Unit tests for schema.c: every type takes good values and refuses bad
 * ones with the exact message and line:col; required fields, unknown
 * keys with hints, nesting, recursion through defs, unions, references,
 * the built-in schemas (each kind, sample records) and broken schemas.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "schema.h"
#include "value.h"
#include "testutil.h"
#include "tu_skel.h"

Suite *schema_suite(void);

/* A schema with one field of every type, a recursive def and a union. */
static const char tschema[] =
    "defs:\n"
    "  line:\n"
    "    type: map\n"
    "    fields:\n"
    "      stt: {type: text, required: true}\n"
    "      amount: amount\n"
    "      children: {type: list, of: line}\n"
    "  item: {type: line, doc: an alias of line}\n"
    "kinds:\n"
    "  t:\n"
    "    fields:\n"
    "      need: {type: text, required: true}\n"
    "      text: text\n"
    "      short: {type: text, max: 5}\n"
    "      ltext: ltext\n"
    "      int: {type: int, min: 1, max: 10}\n"
    "      decimal: decimal\n"
    "      figure: figure\n"
    "      amount: amount\n"
    "      percent: {type: percent, min: 0, max: 100}\n"
    "      date: date\n"
    "      datetime: datetime\n"
    "      bool: bool\n"
    "      enum: {type: enum, values: [planned, operating, building]}\n"
    "      slug: slug\n"
    "      url: url\n"
    "      email: email\n"
    "      phone: phone\n"
    "      docnumber: docnumber\n"
    "      taxcode: taxcode\n"
    "      list: {type: list, of: int, min: 1, max: 3}\n"
    "      map: {type: map, fields: {a: {type: int, required: true}, "
    "b: text}}\n"
    "      free: {type: map, values: amount}\n"
    "      ref: {type: ref, to: zone}\n"
    "      refs: {type: list, of: {type: ref, to: zone}}\n"
    "      either: {type: [bool, text]}\n"
    "      shape: {type: [int, {type: map, fields: {x: int}}]}\n"
    "      old: {type: text, deprecated: \"use 'text'\"}\n"
    "      gone: {type: text, deprecated: true}\n"
    "      lines: {type: list, of: item}\n"
    "      any: any\n"
    "  zone:\n"
    "    fields:\n"
    "      name: text\n";

/* Known records for the fake reference resolver: "kind/key". */
static const char *const known[] = {"zone/loc-son", "zone/phu-hoi",
    "document/nq-130-2019", NULL};

static bool
exists(void *ctx, const char *kind, const char *key)
{
	int *calls = ctx;
	size_t i, n = strlen(kind);

	(*calls)++;
	for (i = 0; known[i] != NULL; i++)
		if (strncmp(known[i], kind, n) == 0 && known[i][n] == '/' &&
		    strcmp(known[i] + n + 1, key) == 0)
			return true;
	return false;
}

/*
 * Checks yaml as kind against schema (NULL: the built-in ones); returns
 * the diagnostics as printed (malloc) and schema_check's result in *rc.
 */
static char *
run(const char *schema, const char *kind, const char *yaml,
    const struct schema_refs *refs, int *rc)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *s;
	struct value *v = NULL;
	char *out;
	int r;

	s = schema != NULL ? schema_load(a, d, "s.yaml", schema,
	    strlen(schema)) : schema_builtin(a, d);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(value_parse_yaml(a, d, "t.yaml", yaml, strlen(yaml),
	    1, &v), 0);
	r = schema_check(s, kind, v, refs, d);
	out = xstrdup(tu_diags_text(a, d));
	/* The result agrees with what was recorded. */
	ck_assert_int_eq(r, strstr(out, ": lỗi: ") != NULL ? -1 : 0);
	if (rc != NULL)
		*rc = r;
	arena_free(a);
	return out;
}

static void
expect(const char *kind, const char *yaml, const char *want)
{
	char *got = run(kind[0] == 't' && kind[1] == '\0' ? tschema : NULL,
	    kind, yaml, NULL, NULL);

	ck_assert_msg(tu_skel(got, want), "for:\n%s\nwant:\n%sgot:\n%s",
	    yaml, want, got);
	free(got);
}

/* One field's value: "" accepted, else the error at the value's column. */
struct fcase {
	const char *key, *val, *msg;
};

static void
cases(const struct fcase *c, size_t n)
{
	char yaml[512], want[1024];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(yaml, sizeof yaml, "need: x\n%s: %s\n", c[i].key,
		    c[i].val);
		if (c[i].msg[0] == '\0')
			want[0] = '\0';
		else
			snprintf(want, sizeof want, "t.yaml:2:%zu: %s\n",
			    strlen(c[i].key) + 3, c[i].msg);
		expect("t", yaml, want);
	}
}

#define CASES(c) cases(c, sizeof c / sizeof *c)

START_TEST(test_schema_text)
{
	static const struct fcase c[] = {
		{"text", "hello", ""},
		{"text", "\"true\"", ""},
		{"text", "2020", ""},	/* a plain number is its text */
		{"text", "1.5", ""},
		{"text", "true", "E [record.wrong-type-bool]|true"},
		{"text", "[a]", "E [record.wrong-type]"},
		{"text", "{a: 1}", "E [record.wrong-type]"},
		{"short", "\"Hội n\"", ""},	/* 5 code points, 7 bytes */
		{"short", "Hội ng", "E [record.text-too-long]|5|6"},
		{"ltext", "xin chào", ""},
		{"ltext", "{vi: Khu công nghiệp, en: Industrial zone}", ""},
		{"ltext", "{en: Industrial zone}", ""},
		{"ltext", "{}", "E [record.wrong-type]"},
	};

	CASES(c);
	/* Inside an ltext map: a typo warns at the key, a bad value errs. */
	expect("t", "need: x\nltext: {vn: a}\n",
	    "t.yaml:2:9: W [record.unknown-key-near]|vn|vi\n");
	expect("t", "need: x\nltext: {vi: a, en: [b]}\n",
	    "t.yaml:2:20: E [record.wrong-type]\n");
	/* A long string is cut short in the message. */
	expect("t", "need: x\ntext: [1]\nint: "
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
	    "t.yaml:2:7: E [record.wrong-type]\n"
	    "t.yaml:3:6: E [record.wrong-type]"
	    "|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\n");
}
END_TEST

START_TEST(test_schema_numbers)
{
	static const struct fcase c[] = {
		{"int", "5", ""},
		{"int", "1", ""},
		{"int", "10", ""},
		{"int", "0", "E [record.number-too-small]|1|0"},
		{"int", "11", "E [record.number-too-large]|10|11"},
		{"int", "1.5", "E [record.wrong-type]|1.5"},
		{"int", "\"5\"", "E [record.wrong-type]|5"},
		{"decimal", "112.9579", ""},
		{"decimal", "3", ""},
		{"decimal", "-1.5", ""},
		{"decimal", "112,9579", "E [record.wrong-type]|112,9579"},
		{"amount", "1060000000", ""},
		{"amount", "-5", ""},
		{"amount", "1.060.000.000",
		    "E [record.wrong-type]|1.060.000.000"},
		{"amount", "1.5", "E [record.wrong-type]|1.5"},
		{"percent", "94.68", ""},
		{"percent", "100", ""},
		{"percent", "0", ""},
		{"percent", "100.5", "E [record.number-too-large]|100|100.5"},
		{"percent", "-0.1", "E [record.number-too-small]|0|-0.1"},
		{"percent", "94,68%", "E [record.wrong-type]|94,68%"},
	};

	CASES(c);
}
END_TEST

START_TEST(test_schema_dates)
{
	static const struct fcase c[] = {
		{"date", "2020-01-15", ""},
		{"date", "\"2020-02-29\"", ""},
		{"date", "2000-02-29", ""},
		{"date", "2020-12-31", ""},
		{"date", "15/01/2020",
		    "E [record.date-dmy]|15/01/2020|2020-01-15"},
		{"date", "20200115", "E [record.wrong-type]|20200115"},
		{"date", "2020-1-15", "E [record.wrong-type]|2020-1-15"},
		{"date", "2019-02-29", "E [record.date-impossible]|2019-02-29"},
		{"date", "1900-02-29", "E [record.date-impossible]|1900-02-29"},
		{"date", "2020-13-01", "E [record.date-impossible]|2020-13-01"},
		{"date", "2020-04-31", "E [record.date-impossible]|2020-04-31"},
		{"datetime", "2020-01-15T08:30", ""},
		{"datetime", "2020-01-15T08:30:59", ""},
		{"datetime", "2020-01-15T08:30:00+07:00", ""},
		{"datetime", "2020-01-15T08:30:00.25Z", ""},
		{"datetime", "2020-01-15", "E [record.wrong-type]|2020-01-15"},
		{"datetime", "2020-01-15T24:00",
		    "E [record.wrong-type]|2020-01-15T24:00"},
		{"datetime", "2020-01-15T08:30:00.Z",
		    "E [record.wrong-type]|2020-01-15T08:30:00.Z"},
		{"datetime", "2020-01-15T08:30+0700",
		    "E [record.wrong-type]|2020-01-15T08:30+0700"},
	};

	CASES(c);
}
END_TEST

START_TEST(test_schema_bool_enum)
{
	static const struct fcase c[] = {
		{"bool", "true", ""},
		{"bool", "false", ""},
		{"bool", "yes", "E [record.wrong-type]|yes"},
		{"bool", "1", "E [record.wrong-type]|1"},
		{"enum", "operating", ""},
		{"enum", "\"planned\"", ""},
		{"enum", "operatng", "E [record.enum-near]|operatng|operating"},
		{"enum", "closed", "E [record.enum]|closed"},
		{"enum", "[planned]", "E [record.enum]"},
	};

	CASES(c);
}
END_TEST

START_TEST(test_schema_formats)
{
	static const struct fcase c[] = {
		{"slug", "hoi-nghi-can-bo", ""},
		{"slug", "2020", ""},
		{"slug", "Hoi-nghi", "E [record.wrong-type]|-|Hoi-nghi"},
		{"slug", "hội-nghị", "E [record.wrong-type]|-|hội-nghị"},
		{"slug", "a--b", "E [record.wrong-type]|-|a--b"},
		{"slug", "-a", "E [record.wrong-type]|-|-a"},
		{"slug", "a-", "E [record.wrong-type]|-|a-"},
		{"slug", "a_b", "E [record.wrong-type]|-|a_b"},
		{"url", "https://lamdong.gov.vn/x?a=1", ""},
		{"url", "HTTP://a.vn", ""},
		{"url", "mailto:bql@lamdong.gov.vn", ""},
		{"url", "tel:+842633822123", ""},
		{"url", "/files/du-toan-2020.pdf", ""},
		{"url", "/", ""},
		{"url", "javascript:alert(1)",
		    "E [record.wrong-type]|javascript:alert(1)"},
		{"url", "JavaScript:x", "E [record.wrong-type]|JavaScript:x"},
		{"url", "//evil.example/x",
		    "E [record.wrong-type]|//evil.example/x"},
		{"url", "files/a.pdf", "E [record.wrong-type]|files/a.pdf"},
		{"url", "https://", "E [record.wrong-type]|https://"},
		{"url", "https:///x", "E [record.wrong-type]|https:///x"},
		{"url", "\"https://a.vn/a b\"",
		    "E [record.wrong-type]|https://a.vn/a b"},
		{"url", "ftp://a.vn", "E [record.wrong-type]|ftp://a.vn"},
		{"url", "\"mailto:\"", "E [record.wrong-type]|mailto:"},
		{"url", "data:text/html,x",
		    "E [record.wrong-type]|data:text/html,x"},
		{"email", "bql@lamdong.gov.vn", ""},
		{"email", "a.b+c@x-y.vn", ""},
		{"email", "bql@lamdong", "E [record.wrong-type]|bql@lamdong"},
		{"email", "\"@x.vn\"", "E [record.wrong-type]|@x.vn"},
		{"email", "a@@x.vn", "E [record.wrong-type]|a@@x.vn"},
		{"email", "a@-x.vn", "E [record.wrong-type]|a@-x.vn"},
		{"email", "a@x..vn", "E [record.wrong-type]|a@x..vn"},
		{"email", "a@x.vn.", "E [record.wrong-type]|a@x.vn."},
		{"email", "\"a b@x.vn\"", "E [record.wrong-type]|a b@x.vn"},
		{"phone", "0263 3822 123", ""},
		{"phone", "+84 263 3822 123", ""},
		{"phone", "(0263) 3.822.123", ""},
		{"phone", "19001234", ""},
		{"phone", "113", "E [record.wrong-type]|113"},
		{"phone", "0263-ABC-123", "E [record.wrong-type]|0263-ABC-123"},
		{"phone", "84+263 3822 123",
		    "E [record.wrong-type]|84+263 3822 123"},
		{"phone", "0263 3822 123 4567 89",
		    "E [record.wrong-type]|0263 3822 123 4567 89"},
	};

	CASES(c);
}
END_TEST

START_TEST(test_schema_docnumber_taxcode)
{
	static const struct fcase c[] = {
		{"docnumber", "130/2019/NQ-HĐND", ""},
		{"docnumber", "83/2015/QH13", ""},
		{"docnumber", "1293/TTg-CN", ""},
		{"docnumber", "01/QĐ-CKNS", ""},
		{"docnumber", "26/2026/TT-BTC", ""},
		{"docnumber", "90/2018/TT-BTC", ""},
		{"docnumber", "130/2019/NQ-H\xc3\x90ND",
		    "E [record.docnumber-lookalike]|Ð|Đ"},
		{"docnumber", "01/q\xc3\xb0-ckns",
		    "E [record.docnumber-lookalike]|ð|đ"},
		{"docnumber", "NQ-HĐND", "E [record.wrong-type]|NQ-HĐND"},
		{"docnumber", "130-2019-NQ",
		    "E [record.wrong-type]|130-2019-NQ"},
		{"docnumber", "130/2019/", "E [record.wrong-type]|130/2019/"},
		{"docnumber", "130/2019", "E [record.wrong-type]|130/2019"},
		{"docnumber", "130/nq-hdnd",
		    "E [record.wrong-type]|130/nq-hdnd"},
		{"docnumber", "130/2019/NQ--HĐND",
		    "E [record.wrong-type]|130/2019/NQ--HĐND"},
		{"docnumber", "130/2019/NQ-",
		    "E [record.wrong-type]|130/2019/NQ-"},
		{"docnumber", "\"130/2019/NQ HĐND\"",
		    "E [record.wrong-type]|130/2019/NQ HĐND"},
		{"docnumber", "130", "E [record.wrong-type]|130"},
		{"taxcode", "5800000000", ""},	/* plain: an integer */
		{"taxcode", "\"0100109106\"", ""},
		{"taxcode", "0100109106-001", ""},
		{"taxcode", "58000000", "E [record.wrong-type]|-"},
		{"taxcode", "5800000000-01",
		    "E [record.wrong-type]|-|5800000000-01"},
		{"taxcode", "580000000a", "E [record.wrong-type]|-|580000000a"},
	};

	CASES(c);
}
END_TEST

START_TEST(test_schema_required)
{
	expect("t", "text: a\n", "t.yaml:1:1: E [record.missing-field]|need\n");
	expect("t", "need: \"\"\n", "t.yaml:1:7: E [record.empty-field]\n");
	expect("t", "need: ~\n", "t.yaml:1:7: E [record.empty-field]\n");
	/* An optional field left empty counts as left out. */
	expect("t", "need: x\ndate:\nurl: \"\"\n", "");
	/* Nested: at the map, named by its path. */
	expect("t", "need: x\nmap: {b: x}\n",
	    "t.yaml:2:6: E [record.missing-field]|a\n");
	expect("t", "need: x\nmap:\n  b: x\n  a:\n",
	    "t.yaml:4:5: E [record.empty-field]\n");
}
END_TEST

START_TEST(test_schema_unknown_key)
{
	/* A warning at the key, with the closest known key. */
	expect("t", "need: x\nnede: y\n",
	    "t.yaml:2:1: W [record.unknown-key-near]|nede|need\n");
	expect("t", "need: x\nzzz: 1\n",
	    "t.yaml:2:1: W [record.unknown-key]|zzz\n");
	/* Few keys: they are listed when none is close. */
	expect("t", "need: x\nmap: {a: 1, zzz: 2}\n",
	    "t.yaml:2:13: W [record.unknown-key-list]|zzz\n");
	expect("news", "title: Hội nghị\ntittle: x\ndate: 2020-01-15\n",
	    "t.yaml:2:1: W [record.unknown-key-near]|tittle|title\n");
	/* Free keys of `values` are not unknown. */
	expect("t", "need: x\nfree: {du_toan: 1, ty_le: 2}\n", "");
	expect("t", "need: x\nfree: {du_toan: 1.5}\n",
	    "t.yaml:2:17: E [record.wrong-type]|1.5\n");
}
END_TEST

/*
 * A build checks every record against one set of schemas, whose memo
 * of "did you mean" is shared: one key asked of other names (another
 * kind, a nested map) gets their answer, in any order, as a fresh set
 * of schemas gives it.
 */
START_TEST(test_schema_unknown_key_memo)
{
	static const struct {
		const char *kind, *yaml, *want;
	} recs[] = {
	    {"zone", "name: x\nnames: y\n",
	        "t.yaml:2:1: W [record.unknown-key-near]|names|name\n"},
	    {"t", "need: x\nnames: y\n",
	        "t.yaml:2:1: W [record.unknown-key]|names\n"},
	    {"t", "need: x\nmap: {a: 1, names: 2}\n",
	        "t.yaml:2:13: W [record.unknown-key-list]|names\n"},
	    {"t", "need: x\nab: 1\nmap: {a: 1, ab: 2}\n",
	        "t.yaml:2:1: W [record.unknown-key]|ab\n"
	        "t.yaml:3:13: W [record.unknown-key-near]|ab|a\n"},
	    {"zone", "name: x\nab: 1\n",
	        "t.yaml:2:1: W [record.unknown-key-list]|ab\n"},
	};
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *s =
	    schema_load(a, d, "s.yaml", tschema, strlen(tschema));
	size_t round, i, k;

	ck_assert_ptr_nonnull(s);
	for (round = 0; round < 4; round++) {
		for (k = 0; k < sizeof recs / sizeof *recs; k++) {
			struct value *v = NULL;
			char *fresh;

			/* forwards, then backwards */
			i = round % 2 ? sizeof recs / sizeof *recs - 1 - k : k;
			d = diags_new(a);
			ck_assert_int_eq(value_parse_yaml(a, d, "t.yaml",
			                     recs[i].yaml, strlen(recs[i].yaml),
			                     1, &v),
			    0);
			schema_check(s, recs[i].kind, v, NULL, d);
			fresh = run(tschema, recs[i].kind, recs[i].yaml, NULL,
			    NULL);
			ck_assert_str_eq(tu_diags_text(a, d), fresh);
			ck_assert_msg(tu_skel(fresh, recs[i].want),
			    "for:\n%s\nwant:\n%sgot:\n%s", recs[i].yaml,
			    recs[i].want, fresh);
			free(fresh);
		}
	}
	arena_free(a);
}
END_TEST

START_TEST(test_schema_nested)
{
	expect("t", "need: x\nlist: [1, 2]\n", "");
	expect("t", "need: x\nlist: []\n",
	    "t.yaml:2:7: E [record.list-too-short]|1|0\n");
	expect("t", "need: x\nlist: [1, 2, 3, 4]\n",
	    "t.yaml:2:7: E [record.list-too-long]|3|4\n");
	expect("t", "need: x\nlist: 5\n",
	    "t.yaml:2:7: E [record.wrong-type]|5\n");
	expect("t", "need: x\nlist:\n  - 1\n  - x\n  - [20]\n",
	    "t.yaml:4:5: E [record.wrong-type]|x\n"
	    "t.yaml:5:5: E [record.wrong-type]\n");
	expect("t", "need: x\nmap: {a: x, b: [1]}\n",
	    "t.yaml:2:10: E [record.wrong-type]|x\n"
	    "t.yaml:2:16: E [record.wrong-type]\n");
	expect("t", "need: x\nmap: [a]\n",
	    "t.yaml:2:6: E [record.wrong-type]\n");
}
END_TEST

/* A 4-deep tree of lines through the recursive def `line`. */
START_TEST(test_schema_recursion)
{
	static const char tree[] =
	    "need: x\n"
	    "lines:\n"
	    "  - stt: A\n"
	    "    amount: 10\n"
	    "    children:\n"
	    "      - stt: I\n"
	    "        children:\n"
	    "          - stt: 1\n"
	    "            children:\n"
	    "              - stt: 1.1\n"
	    "                amount: 2\n";

	expect("t", tree, "");
	expect("t",
	    "need: x\n"
	    "lines:\n"
	    "  - stt: A\n"
	    "    children:\n"
	    "      - stt: I\n"
	    "        children:\n"
	    "          - stt: 1\n"
	    "            children:\n"
	    "              - label: x\n"
	    "                amount: 2.5\n"
	    "              - stt: 1.2\n"
	    "                children: {stt: 9}\n",
	    "t.yaml:9:17: E [record.missing-field]|stt\n"
	    "t.yaml:9:17: W [record.unknown-key-list]|label\n"
	    "t.yaml:10:25: E [record.wrong-type]|2.5\n"
	    "t.yaml:12:27: E [record.wrong-type]\n");
}
END_TEST

START_TEST(test_schema_union_deprecated)
{
	static const struct fcase c[] = {
		{"either", "true", ""},
		{"either", "\"Số liệu minh họa\"", ""},
		{"either", "[a]", "E [record.wrong-type]"},
		{"shape", "3", ""},
		{"shape", "{x: 1}", ""},
		/* The only scalar alternative speaks for itself. */
		{"shape", "x", "E [record.wrong-type]|x"},
		{"shape", "[1]", "E [record.wrong-type]"},
		{"any", "[1, {a: b}]", ""},
	};

	CASES(c);
	/* One alternative has the value's shape: its own precise errors. */
	expect("t", "need: x\nshape: {x: y, z: 1}\n",
	    "t.yaml:2:12: E [record.wrong-type]|y\n"
	    "t.yaml:2:15: W [record.unknown-key-list]|z\n");
	expect("t", "need: x\nold: a\ngone: b\n",
	    "t.yaml:2:1: W [record.deprecated-advice]|old|text\n"
	    "t.yaml:3:1: W [record.deprecated]|gone\n");
}
END_TEST

START_TEST(test_schema_one_pass)
{
	int rc;
	char *got = run(tschema, "t", "int: 0\ndate: 15/01/2020\n"
	    "enum: x\nnede: y\nbool: no\n", NULL, &rc);

	ck_assert_int_eq(rc, -1);
	assert_skel(got,
	    "t.yaml:1:6: E [record.number-too-small]|1|0\n"
	    "t.yaml:2:7: E [record.date-dmy]|15/01/2020|2020-01-15\n"
	    "t.yaml:3:7: E [record.enum]|x\n"
	    "t.yaml:4:1: E [record.misspelled-required]|nede|need\n"
	    "t.yaml:5:7: E [record.wrong-type]|no\n");
	free(got);
	/* Warnings alone do not fail the check. */
	got = run(tschema, "t", "need: x\nnede: 1\n", NULL, &rc);
	ck_assert_int_eq(rc, 0);
	free(got);
}
END_TEST

START_TEST(test_schema_refs)
{
	int calls = 0, rc;
	struct schema_refs refs = {exists, &calls, NULL};
	char *got;

	got = run(tschema, "t", "need: x\nref: loc-son\n"
	    "refs: [phu-hoi, loc-son]\n", &refs, &rc);
	assert_skel(got, "");
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(calls, 3);
	free(got);
	got = run(tschema, "t", "need: x\nref: loc-sonn\n"
	    "refs:\n  - phu-hoi\n  - phu-binh\n", &refs, &rc);
	assert_skel(got,
	    "t.yaml:2:6: E [record.unknown-ref]|loc-sonn\n"
	    "t.yaml:5:5: E [record.unknown-ref]|phu-binh\n");
	ck_assert_int_eq(rc, -1);
	free(got);
	/* Without a resolver only the shape is checked. */
	got = run(tschema, "t", "need: x\nref: anything\n", NULL, &rc);
	assert_skel(got, "");
	free(got);
	got = run(tschema, "t", "need: x\nref: [a]\n", &refs, &rc);
	assert_skel(got, "t.yaml:2:6: E [record.wrong-type]\n");
	free(got);
	/* The built-in kinds resolve theirs by kind name. */
	calls = 0;
	got = run(NULL, "news", "title: a\ndate: 2020-01-15\nzones: "
	    "[loc-son]\nrelated_documents: [nq-130-2019, nq-1]\n", &refs,
	    &rc);
	assert_skel(got, "t.yaml:4:34: E [record.unknown-ref]|nq-1\n");
	ck_assert_int_eq(calls, 3);
	free(got);
}
END_TEST

/*
 * Declares fields (site.yaml's `fields:` of a collection, as YAML text
 * at line 1 of site.yaml) for a news collection, then checks rec as one
 * of its records; returns what both printed (malloc) and the schema's
 * name in *name (NULL: not wanted).
 */
static char *
declared(const char *fields, const char *rec, bool *own)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *s = schema_builtin(a, d);
	int calls = 0;
	struct schema_refs refs = {exists, &calls, NULL};
	struct value *f = NULL, *v = NULL;
	const char *name;
	char *out;

	ck_assert_int_eq(value_parse_yaml(a, d, "site.yaml", fields,
	    strlen(fields), 1, &f), 0);
	name = schema_declare(s, a, d, "tin-tuc", "news", f);
	if (own != NULL)
		*own = strcmp(name, "news") != 0;
	ck_assert_int_eq(value_parse_yaml(a, d, "t.yaml", rec, strlen(rec),
	    1, &v), 0);
	schema_check(s, name, v, &refs, d);
	out = xstrdup(tu_diags_text(a, d));
	arena_free(a);
	return out;
}

START_TEST(test_schema_declare)
{
	static const char fields[] = "{zone: zone, area_ha: number, "
	    "n: integer, on: date, ok: bool, link: url, mail: email, "
	    "tel: phone, names: list of text, zones2: list of zone, "
	    "must: {type: text, required: true, doc: \"một trường\"}}";
	bool own;
	char *got;

	/* Right values: nothing to say, not even about unknown fields. */
	got = declared(fields, "title: a\ndate: 2020-01-15\nzone: loc-son\n"
	    "area_ha: 12.5\nn: 3\non: 2021-02-01\nok: true\n"
	    "link: https://x.vn/\nmail: a@b.vn\ntel: 0263 3822 123\n"
	    "names: [a, b]\nzones2: [phu-hoi]\nmust: x\n", &own);
	assert_skel(got, "");
	ck_assert(own);
	free(got);
	/* Wrong values: located errors, one each. */
	got = declared(fields, "title: a\ndate: 2020-01-15\nzone: loc-sonn\n"
	    "area_ha: \"12,5\"\nn: 1.5\non: 2021-02-30\nok: maybe\n"
	    "link: javascript:x\nnames: {a: 1}\nzones2: [nowhere]\n"
	    "sector: x\n", NULL);
	assert_skel(got,
	    "t.yaml:1:1: E [record.missing-field]|must\n"
	    "t.yaml:3:7: E [record.unknown-ref]|loc-sonn\n"
	    "t.yaml:4:10: E [record.wrong-type]|12,5\n"
	    "t.yaml:5:4: E [record.wrong-type]|1.5\n"
	    "t.yaml:6:5: E [record.date-impossible]|2021-02-30\n"
	    "t.yaml:7:5: E [record.wrong-type]|maybe\n"
	    "t.yaml:8:7: E [record.wrong-type]|javascript:x\n"
	    "t.yaml:9:8: E [record.wrong-type]\n"
	    "t.yaml:10:10: E [record.unknown-ref]|nowhere\n"
	    "t.yaml:11:1: W [record.unknown-key]|sector\n");
	free(got);
	/* Nothing declared: the kind's own schema. */
	got = declared("{}", "title: a\ndate: 2020-01-15\n", &own);
	assert_skel(got, "");
	ck_assert(!own);
	free(got);
	/* Declarations that cannot be used, each at its line. */
	got = declared("title: text\nurl: text\nzone_text: text\n"
	    "is_big: bool\nBad: text\ncount: nummber\nx: list of list of "
	    "text\ny: {type: text, rquired: true}\nz: {required: true}\n"
	    "w: {type: text, required: 1}\nv: [text]\n",
	    "title: a\ndate: 2020-01-15\n", &own);
	assert_skel(got,
	    "site.yaml:1:1: E [config.field-of-kind]|title|tin-tuc|news\n"
	    "site.yaml:2:1: E [config.field-reserved]|url\n"
	    "site.yaml:3:1: E [config.field-reserved]|zone_text\n"
	    "site.yaml:4:1: E [config.field-reserved]|is_big\n"
	    "site.yaml:5:1: E [config.field-name]|Bad\n"
	    "site.yaml:6:8: E [config.field-type-near]|nummber|number\n"
	    "site.yaml:7:4: E [config.field-list-of-list]\n"
	    "site.yaml:8:17: E [config.field-key]|rquired\n"
	    "site.yaml:9:4: E [config.field-not-type]\n"
	    "site.yaml:10:27: E [config.field-required]\n"
	    "site.yaml:11:4: E [config.field-not-type]\n");
	/* y still counts: only its stray setting is refused. */
	ck_assert(own);
	free(got);
	got = declared("[zone]", "title: a\ndate: 2020-01-15\n", NULL);
	assert_skel(got, "site.yaml:1:1: E [config.fields-not-map]|tin-tuc\n");
	free(got);
}
END_TEST

START_TEST(test_schema_not_a_map)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *s = schema_load(a, d, "s.yaml", tschema,
	    strlen(tschema));
	struct value *v;
	const char *got;

	ck_assert_int_eq(value_parse_yaml(a, d, "t.yaml", "- a\n", 4, 1, &v),
	    0);
	ck_assert_int_eq(schema_check(s, "t", v, NULL, d), -1);
	ck_assert_int_eq(schema_check(s, "blog", v, NULL, d), -1);
	got = tu_diags_text(a, d);
	assert_skel(got, "t.yaml:1:1: E [record.not-map]\n"
	    "t.yaml:1:1: E [record.no-schema]|blog\n");
	arena_free(a);
}
END_TEST

START_TEST(test_schema_builtin_kinds)
{
	static const char *const want[] = {"page", "news", "budget",
	    "inspection", "call", "zone", "document", "plan",
	    "organization", "procedure", "consultation", "report", "qa"};
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *s = schema_builtin(a, d);
	const char *const *k;
	size_t n, i;

	ck_assert_uint_eq(diags_errors(d) + diags_warnings(d), 0);
	k = schema_kinds(s, &n);
	ck_assert_uint_eq(n, sizeof want / sizeof *want);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(k[i], want[i]);
		ck_assert(schema_has_kind(s, want[i]));
	}
	ck_assert(!schema_has_kind(s, "blog"));
	ck_assert(!schema_has_kind(s, "decision"));	/* a def, not a kind */
	arena_free(a);
}
END_TEST

/* A realistic record of each kind passes the built-in schemas. */
static const char *const samples[][2] = {
	{"page", "title: Giới thiệu\nslug: gioi-thieu\nweight: 1\n"
	    "menu: main\ndraft: false\n"},
	{"news", "title: Hội nghị tổng kết năm 2019\ndate: 2020-01-15\n"
	    "summary: Ban Quản lý tổ chức hội nghị.\ntags: [hội nghị]\n"
	    "image: {src: /images/hoi-nghi.jpg, alt: Toàn cảnh hội nghị}\n"
	    "zones: [loc-son, phu-hoi]\nrelated_documents: [nq-130-2019]\n"
	    "author: Văn phòng\n"},
	{"budget", "kind: du_toan\nfiscal_year: 2020\nperiod: nam\n"
	    "unit: {name: Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng}\n"
	    "form: {circular: 90/2018/TT-BTC, number: 2}\n"
	    "legal_basis: [Luật Ngân sách nhà nước 83/2015/QH13]\n"
	    "decision: {number: 01/QĐ-BQL, date: 2020-01-10, signer: A}\n"
	    "approval: {number: 05/QĐ-UBND, date: 2020-01-05}\npublished_on: 2020-01-15\n"
	    "currency_unit: dong\n"
	    "lines:\n"
	    "  - stt: A\n    label: Tổng số thu\n"
	    "    values: {du_toan: 1060000000}\n"
	    "    children:\n"
	    "      - stt: I\n        label: Phí\n"
	    "        values: {du_toan: 1060000000}\n"
	    "      - label: Trong đó\n        of_which: true\n"
	    "narrative: Thuyết minh.\n"
	    "attachments: [{title: Quyết định, url: /files/qd.pdf}]\n"
	    "illustrative: Số liệu dòng B là minh họa.\n"},
	{"inspection", "title: Thanh tra Công ty A\ntype: thanh_tra\n"
	    "mode: planned\ndecision: {number: 12/QĐ-BQL, date: 2020-03-02}\n"
	    "authority: Ban Quản lý\nsubject: {enterprise: Công ty A, "
	    "tax_code: 5800000000, zone: loc-son}\n"
	    "period_covered: {from: 2018-01-01, to: 2019-12-31}\n"
	    "duration_days: 10\nconclusion: {number: 30/KL-BQL, date: "
	    "2020-05-01}\nfindings: [Chậm nộp báo cáo]\n"
	    "measures: [{kind: fine, amount: 15000000}]\nstatus: concluded\n"
	    "published_on: 2020-05-10\n"
	    "redactions: [{what: Số CMND, reason: Thông tin cá nhân}]\n"
	    "illustrative: true\n"},
	{"call", "title: Nhà máy xử lý nước thải tập trung KCN Phú Hội\n"
	    "sector: Hạ tầng\nlocation: {commune: Phú Hội, zone: phu-hoi}\n"
	    "area_ha: 2.5\nmix: [{use: Nhà máy, share: 100}]\n"
	    "est_capital: {amount: 120, unit: ty_dong}\nselection: tender\n"
	    "incentives: [{what: Miễn tiền thuê đất, basis: 31/2021/NĐ-CP}]\n"
	    "contact: {name: Văn phòng, phone: 0263 3822 123, email: "
	    "bql@lamdong.gov.vn}\npublished_on: 2020-02-01\n"
	    "deadline: 2020-06-30\nillustrative: true\n"},
	{"zone", "name: KCN Lộc Sơn\nstatus: operating\nsince: 1998\n"
	    "area_ha: 183\nindustrial_land_ha: 130\nleased_ha: 112.9579\n"
	    "occupancy: {percent: 86.89, basis: industrial_land}\n"
	    "projects: {total: 40, fdi: 12, operating: 35}\n"
	    "registered_capital: {fdi: {amount: 150, unit: trieu_usd}}\n"
	    "infrastructure:\n  wastewater: {design_m3_day: 6000, "
	    "built_m3_day: 1000}\n"
	    "distances: [{to: Sân bay Liên Khương, km: 90}]\n"
	    "as_of: 2020-01-01\nsources: [{title: Báo cáo năm 2019}]\n"
	    "illustrative: false\n"},
	{"document", "type: nghi_quyet\nnumber: 130/2019/NQ-HĐND\n"
	    "issuer: HĐND tỉnh Lâm Đồng\nissued_on: 2019-07-10\n"
	    "effective_from: 2019-07-20\nstatus: in_force\n"
	    "summary: Về chủ trương đầu tư KCN Phú Bình\nzones: [phu-binh]\n"
	    "files: [{title: Toàn văn, url: /files/130-2019.pdf}]\n"},
	{"organization", "name: Ban\nfunctions: [Quản lý]\nduties: [Cấp "
	    "phép]\nunits: [{id: ban, name: Ban}]\nleaders: [{name: A, "
	    "title: Trưởng ban, duties: Chung}]\ncontact: {address: Đà Lạt, "
	    "phone: \"0263 3800 000\", email: a@b.vn}\ninformation_contact: "
	    "{unit: VP, address: Đà Lạt, phone: \"0263 3800 001\", email: "
	    "vp@b.vn}\n"},
	{"procedure", "title: Cấp giấy\ncode: \"1.009763\"\nfield: Đầu tư\n"
	    "level: tinh\nprocessing_days: 15\nfee: {amount: 0}\n"
	    "legal_basis: [61/2020/QH14]\nportal_url: "
	    "https://dichvucong.gov.vn/x\n"},
	{"consultation", "title: Dự thảo\ndraft_file: {title: D, url: "
	    "/files/d.txt}\nopens_on: 2026-10-01\ncloses_on: 2026-10-31\n"
	    "how_to_comment: Gửi thư\n"},
	{"report", "title: Báo cáo\ntype: cong_tac\nyear: 2026\nperiod: "
	    "quy_3\npublished_on: 2026-10-05\nattachments: [{title: B, url: "
	    "/files/b.txt}]\n"},
	{"qa", "title: Hỏi\nquestion: Có ưu đãi?\nfield: Đầu tư\n"
	    "asked_on: 2026-09-02\nanswered_on: 2026-09-15\n"},
};

START_TEST(test_schema_builtin_samples)
{
	size_t i;

	for (i = 0; i < sizeof samples / sizeof *samples; i++)
		expect(samples[i][0], samples[i][1], "");
	/* Every kind requires something: an empty record is refused. */
	for (i = 0; i < sizeof samples / sizeof *samples; i++) {
		int rc;
		char *got = run(NULL, samples[i][0], "{}\n", NULL, &rc);

		ck_assert_msg(rc == -1 && strstr(got, "[record.missing-field]")
		    != NULL, "%s: %s", samples[i][0], got);
		free(got);
	}
	expect("document", "type: nghi_quyet\nnumber: 130/2019/NQ-HÐND\n"
	    "issuer: X\nissued_on: 2019-07-10\nstatus: in_force\nsummary: Y\n",
	    "t.yaml:2:9: E [record.docnumber-lookalike]|Ð|Đ\n");
}
END_TEST

/* Loads a schema document that must be refused with this output. */
static void
broken(const char *src, const char *want)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	const char *got;

	ck_assert_ptr_null(schema_load(a, d, "s.yaml", src, strlen(src)));
	got = tu_diags_text(a, d);
	ck_assert_msg(tu_skel(got, want), "for:\n%s\nwant:\n%sgot:\n%s",
	    src, want, got);
	arena_free(a);
}

START_TEST(test_schema_broken)
{
	broken("kinds: {k: {fields: {a: txt}}}\n",
	    "s.yaml:1:25: E [schema.unknown-type-near]|txt|text\n");
	broken("kinds: {k: {fields: {a: {type: text, requird: true}}}}\n",
	    "s.yaml:1:38: E [schema.unknown-key-near]|requird|required\n");
	broken("kinds: {k: {fields: {a: {type: list, fields: {}}}}}\n",
	    "s.yaml:1:38: E [schema.key-not-for-type]|fields\n");
	broken("kinds: {k: {fields: {a: enum}}}\n",
	    "s.yaml:1:25: E [schema.enum-no-values]\n");
	broken("kinds: {k: {fields: {a: {type: ref, to: zone}}}}\n",
	    "s.yaml:1:41: E [schema.to-not-kind]\n");
	broken("kinds: {k: {fields: {a: {type: int, min: x}}}}\n",
	    "s.yaml:1:42: E [schema.bound-number]\n");
	broken("kinds: {k: {fields: {a: {doc: x}}}}\n",
	    "s.yaml:1:25: E [schema.no-type]\n");
	broken("kinds: {k: text}\n", "s.yaml:1:12: E [schema.kind-not-map]\n");
	broken("defs: {a: b, b: {type: [int, a]}}\n"
	    "kinds: {k: {fields: {x: a}}}\n",
	    "s.yaml:1:8: E [schema.def-loop]|a\n");
	broken("defs: {text: int}\nkinds: {}\n",
	    "s.yaml:1:8: E [schema.def-hides-type]|text\n");
	broken("kind: {}\n", "s.yaml:1:1: E [schema.no-kinds]\n"
	    "s.yaml:1:1: E [schema.unknown-key-near]|kind|kinds\n");
	broken("kinds: {k: {fields: {a: {type: enum, values: [a, a]}}}}\n",
	    "s.yaml:1:50: E [schema.enum-twice]|a\n");
	broken("kinds: {k: {date_field: d, fields: {a: date}}}\n",
	    "s.yaml:1:25: E [schema.date-field]\n");
	/* YAML that does not parse is reported by the loader. */
	{
		struct arena *a = arena_new();
		struct diags *d = diags_new(a);

		ck_assert_ptr_null(schema_load(a, d, "s.yaml", "kinds: [", 8));
		ck_assert_uint_gt(diags_errors(d), 0);
		arena_free(a);
	}
	/* Recursion through a list is fine. */
	{
		struct arena *a = arena_new();
		struct diags *d = diags_new(a);
		static const char ok[] = "defs: {t: {type: list, of: t}}\n"
		    "kinds: {k: {fields: {x: t}}}\n";

		ck_assert_ptr_nonnull(schema_load(a, d, "s.yaml", ok,
		    strlen(ok)));
		arena_free(a);
	}
}
END_TEST

/* Where a kind's date is: data of schemas.yaml, read by the model. */
START_TEST(test_schema_date_field)
{
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *sc = schema_builtin(a, d);
	static const char doc[] = "kinds: {k: {date_field: on, fields: "
	    "{on: date}}, u: {fields: {on: date}}}\n";
	struct schemas *own;

	ck_assert_str_eq(schema_date_field(sc, "news"), "date");
	ck_assert_str_eq(schema_date_field(sc, "budget"), "published_on");
	ck_assert_str_eq(schema_date_field(sc, "call"), "published_on");
	ck_assert_str_eq(schema_date_field(sc, "inspection"), "published_on");
	ck_assert_str_eq(schema_date_field(sc, "document"), "issued_on");
	ck_assert_str_eq(schema_date_field(sc, "plan"), "date");
	ck_assert_ptr_null(schema_date_field(sc, "zone"));
	ck_assert_ptr_null(schema_date_field(sc, "page"));
	ck_assert_ptr_null(schema_date_field(sc, "nope"));
	ck_assert_ptr_null(schema_date_field(NULL, "news"));
	own = schema_load(a, d, "s.yaml", doc, strlen(doc));
	ck_assert_ptr_nonnull(own);
	ck_assert_str_eq(schema_date_field(own, "k"), "on");
	ck_assert_ptr_null(schema_date_field(own, "u"));
	ck_assert_uint_eq(diags_errors(d), 0);
	arena_free(a);
}
END_TEST

/* The nearest zone there is, however far, for "did you mean". */
static const char *
nearest(void *ctx, const char *kind, const char *key)
{
	return strcmp(kind, "zone") == 0 ? "loc-son" : NULL;
}

/*
 * Issue 10: places in the editor's terms, computed fixes, one message
 * for one mistake.
 */
START_TEST(test_schema_editor_terms)
{
	int calls = 0, rc;
	struct schema_refs refs = {exists, &calls, nearest};
	char *got;

	/* dd/mm/yyyy: the ISO date to write, computed. */
	expect("t", "need: x\ndate: 15/6/2021\n",
	    "t.yaml:2:7: E [record.date-dmy]|15/6/2021|viết 2021-06-15\n");
	expect("t", "need: x\ndate: 31/02/2021\n",
	    "t.yaml:2:7: E [record.wrong-type]|31/02/2021\n");
	/* A misspelt required key: one error, at the key, with the fix. */
	expect("news", "tittle: Hội nghị\ndate: 2020-01-15\n",
	    "t.yaml:1:1: E [record.misspelled-required]|tittle"
	    "|ý bạn là `title`\n");
	/* A missing field: named, with an example line. */
	expect("news", "date: 2020-01-15\n",
	    "t.yaml:1:1: E [record.missing-field]|`title`|`title: …`\n");
	expect("t", "text: a\n",
	    "t.yaml:1:1: E [record.missing-field]|`need`|`need: …`\n");
	/* A list item by its position and title, never mix[2].area_ha. */
	expect("call", "title: A\nsector: B\nlocation: {zone: loc-son}\n"
	    "area_ha: 2\nest_capital: {amount: 1, unit: ty_dong}\n"
	    "selection: tender\n"
	    "mix:\n  - {use: Nhà xưởng, share: 60}\n"
	    "  - {use: Kho lạnh, share: x}\npublished_on: 2020-01-01\n",
	    "t.yaml:9:28: E [record.wrong-type]"
	    "|trường `share` của mục thứ 2 «Kho lạnh» trong `mix`\n");
	expect("t", "need: x\nlines:\n  - stt: A\n    children:\n"
	    "      - {stt: \"1\", amount: x}\n",
	    "t.yaml:5:28: E [record.wrong-type]"
	    "|trường `amount` của dòng 1\n");
	/* An unknown record: the nearest one there is. */
	got = run(tschema, "t", "need: x\nref: kcn-loc-sonn\n", &refs, &rc);
	assert_skel(got, "t.yaml:2:6: E [record.unknown-ref-near]"
	    "|`kcn-loc-sonn`|ý bạn là `loc-son`\n");
	free(got);
	/* Ð in text: a warning at the letter; in a number, an error. */
	expect("t", "need: x\ntext: Ðà Lạt\n",
	    "t.yaml:2:7: W [record.text-lookalike]|dòng 2, cột 7"
	    "|thay Ð bằng Đ\n");
	expect("t", "need: x\ntext: \"Hội đồng ÐND\"\n",
	    "t.yaml:2:17: W [record.text-lookalike]|dòng 2, cột 17\n");
	/* ð after other letters of two bytes (C3 leads them too). */
	expect("t", "need: x\ntext: Ấp à ðông\n",
	    "t.yaml:2:12: W [record.text-lookalike]|thay ð bằng đ\n");
	expect("t", "need: x\ndocnumber: 130/2019/NQ-HÐND\n",
	    "t.yaml:2:12: E [record.docnumber-lookalike]|thay Ð bằng Đ\n");
}
END_TEST

/* "1.500" may be a Vietnamese thousand: a warning, not an error. */
START_TEST(test_schema_thousands_warning)
{
	expect("t", "need: x\ndecimal: 1.500\n",
	    "t.yaml:2:10: W [record.thousands-like]|1.500|1,500|1500\n");
	expect("t", "need: x\ndecimal: 112.9579\n", "");
	expect("t", "need: x\ndecimal: 1500\n", "");
	expect("t", "need: x\ndecimal: 4.979\n", "");
	expect("t", "need: x\ndecimal: 0.500\n", "");
	/* A budget figure: budget.c judges it against the currency unit,
	 * and any text (6OO, 1.500.000), saying what was meant. */
	expect("t", "need: x\nfigure: 1.500\n", "");
	expect("t", "need: x\nfigure: x\n", "");
}
END_TEST

/* Maps below the record get nulls for the fields they lack; the record
 * itself and fields present are left alone. */
START_TEST(test_schema_fill_absent)
{
	static const char yaml[] =
	    "need: x\n"
	    "map: {a: 1}\n"
	    "lines:\n"
	    "  - stt: I\n"
	    "    children:\n"
	    "      - {stt: '1', amount: 5}\n";
	struct arena *a = arena_new();
	struct diags *d = diags_new(a);
	struct schemas *sc = schema_load(a, d, "s.yaml", tschema,
	    strlen(tschema));
	struct value *v = NULL, *x;

	ck_assert_ptr_nonnull(sc);
	ck_assert_int_eq(value_parse_yaml(a, d, "t.yaml", yaml, strlen(yaml),
	    1, &v), 0);
	schema_fill_absent(sc, "t", a, v, value_null(a));
	/* The record keeps its own keys only. */
	ck_assert_uint_eq(v->n, 3);
	x = value_map_get(v, "map");
	ck_assert_uint_eq(x->n, 2);
	ck_assert_int_eq(value_map_get(x, "b")->type, VALUE_NULL);
	ck_assert_int_eq(value_map_get(x, "a")->type, VALUE_INT);
	x = value_path(v, "lines")->items[0];
	ck_assert_int_eq(value_map_get(x, "amount")->type, VALUE_NULL);
	ck_assert_int_eq(value_map_get(x, "children")->type, VALUE_LIST);
	x = value_map_get(x, "children")->items[0];
	ck_assert_int_eq(value_map_get(x, "amount")->type, VALUE_INT);
	ck_assert_int_eq(value_map_get(x, "children")->type, VALUE_NULL);
	/* A null is false and prints nothing: the stack stops there. */
	ck_assert(!value_truthy(value_map_get(x, "children")));
	arena_free(a);
}
END_TEST

Suite *
schema_suite(void)
{
	Suite *s = suite_create("schema");
	TCase *t;

	t = tcase_create("types");
	tcase_add_test(t, test_schema_text);
	tcase_add_test(t, test_schema_numbers);
	tcase_add_test(t, test_schema_thousands_warning);
	tcase_add_test(t, test_schema_dates);
	tcase_add_test(t, test_schema_bool_enum);
	tcase_add_test(t, test_schema_formats);
	tcase_add_test(t, test_schema_docnumber_taxcode);
	suite_add_tcase(s, t);
	t = tcase_create("structure");
	tcase_add_test(t, test_schema_required);
	tcase_add_test(t, test_schema_unknown_key);
	tcase_add_test(t, test_schema_unknown_key_memo);
	tcase_add_test(t, test_schema_nested);
	tcase_add_test(t, test_schema_recursion);
	tcase_add_test(t, test_schema_union_deprecated);
	tcase_add_test(t, test_schema_one_pass);
	tcase_add_test(t, test_schema_not_a_map);
	tcase_add_test(t, test_schema_fill_absent);
	suite_add_tcase(s, t);
	t = tcase_create("declared");
	tcase_add_test(t, test_schema_declare);
	suite_add_tcase(s, t);
	t = tcase_create("refs");
	tcase_add_test(t, test_schema_refs);
	tcase_add_test(t, test_schema_editor_terms);
	suite_add_tcase(s, t);
	t = tcase_create("builtin");
	tcase_add_test(t, test_schema_builtin_kinds);
	tcase_add_test(t, test_schema_builtin_samples);
	tcase_add_test(t, test_schema_date_field);
	suite_add_tcase(s, t);
	t = tcase_create("load");
	tcase_add_test(t, test_schema_broken);
	suite_add_tcase(s, t);
	return s;
}
