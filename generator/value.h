/*
 * The value tree: what YAML documents, front matter and the site model
 * are made of.  Every node remembers where it came from (path:line:col)
 * so that validation can point at it.  Nodes live in an arena and are
 * never freed one by one.  Scalars keep the text they were written as:
 * money must be shown exactly as the file holds it.
 */
#ifndef MINHBACH_VALUE_H
#define MINHBACH_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct arena;
struct buf;

enum value_type {
	VALUE_NULL,
	VALUE_BOOL,
	VALUE_INT,
	VALUE_NUM,	/* decimal; text keeps the digits as written */
	VALUE_STR,
	VALUE_LIST,
	VALUE_MAP,
};

struct value_pair;

/*
 * A site of 100,000 pages holds some three million of these, so the
 * layout is packed to 48 bytes.  A scalar's number shares its word with
 * a list's items and a map's pairs: only the type says which of the
 * three is there (an empty list or map has n == 0 and nothing is read
 * through its pointer, a scalar has n == 0 too, and no code takes a
 * non-NULL items or pairs for a type test).  Lengths and counts are 32
 * bits: no source file is larger than SOURCE_MAX_FILE, and the
 * constructors refuse anything longer (value_len()).  The type is an
 * enum value_type kept in a byte.
 */
struct value {
	struct pos pos;
	const char *text;	/* STR: the string; INT/NUM/BOOL/NULL: source text */
	union {
		union {
			bool b; /* BOOL */
			int64_t i; /* INT */
			double d; /* NUM */
		} u;
		struct value **items; /* LIST */
		struct value_pair *pairs; /* MAP, in document order */
	};
	uint32_t len; /* bytes of text */
	uint32_t n, cap; /* LIST: items; MAP: pairs */
	unsigned char type; /* enum value_type */
	/* How a scalar was written: 0 plain (or built), 1 in quotes, 2 a
	 * block (| or >): where its text starts, for a column inside it. */
	unsigned char style;
};

/* n as a length or count of a value; aborts beyond 32 bits (no input
 * comes near: files are refused beyond a few megabytes). */
uint32_t value_len(size_t n);

/*
 * 24 bytes: a key's length is strlen(key) (keys hold no NUL).  A page's
 * frame has some forty pairs, so a site of 100,000 pages has millions:
 * the key's file is not kept beside its line and column, it is its
 * value's (value_pair_pos()).  Every pair is made so: the loader's
 * key and value come from one document, value_map_set() and _put()
 * place a key where its value came from, and a copied pair keeps its
 * value or one of the same document (a language's entry of it).
 */
struct value_pair {
	const char *key; /* NUL-terminated */
	struct value *val;
	unsigned line, col; /* the key's, in val's file */
};

/* Where p's key is written: val's path, the key's line and column. */
struct pos value_pair_pos(const struct value_pair *p);

/* Constructors: every result lives in a; strings are copied. */
struct value *value_new(struct arena *a, enum value_type t, struct pos p);
struct value *value_null(struct arena *a);
struct value *value_bool(struct arena *a, bool b);
struct value *value_int(struct arena *a, int64_t i);
struct value *value_str(struct arena *a, const char *s, size_t n);
struct value *value_strz(struct arena *a, const char *s);
/* Borrows s (which must outlive the tree): no copy. */
struct value *value_str_borrow(struct arena *a, const char *s, size_t n);
struct value *value_list(struct arena *a);
struct value *value_map(struct arena *a);

/* Makes room for n items or pairs in list or map v, so that building a
 * value of known size wastes no arena memory on doubling. */
void value_reserve(struct arena *a, struct value *v, size_t n);
/* Appends v to list l (growing in the arena). */
void value_list_push(struct arena *a, struct value *l, struct value *v);
/*
 * Sets key in map m to v, replacing an existing value of that key;
 * key is copied.  Order of first insertion is kept.
 */
void value_map_set(struct arena *a, struct value *m, const char *key,
    struct value *v);
/* As value_map_set(), but borrows key, which must outlive the tree (a
 * literal, an arena string): the model's frames set many. */
void value_map_put(struct arena *a, struct value *m, const char *key,
    struct value *v);
/* Appends without looking for an existing key (loader use; key borrowed,
 * keylen its strlen()).  Keeps keypos's line and column: its path is
 * taken to be v's (value_pair_pos()). */
void value_map_append(struct arena *a, struct value *m, const char *key,
    size_t keylen, struct pos keypos, struct value *v);

/* Returns the value of key in m, or NULL when m is not a map or lacks it. */
struct value *value_map_get(const struct value *m, const char *key);
struct value *value_map_getn(const struct value *m, const char *key,
    size_t n);
/* Follows a dotted path ("decision.number"); NULL when any step fails. */
struct value *value_path(const struct value *m, const char *dotted);
/* Returns the string of key when it is a scalar, else NULL. */
const char *value_map_str(const struct value *m, const char *key);

/*
 * The one language picker.  Of a {vi: …, en: …} map m: the value of
 * lang, else of main_lang (the site's first language), else the map's
 * first entry.  NULL when m is not a map or is empty.  Borrowed.
 */
struct value *value_lang(const struct value *m, const char *lang,
    const char *main_lang);
/*
 * The text of an ltext v for lang: v's own when a scalar, else the entry
 * value_lang() picks.  NULL when that is missing, null, not a scalar or
 * empty.  Borrowed.
 */
const char *value_ltext(const struct value *v, const char *lang,
    const char *main_lang);

/* Truthiness as Mustache sees it: false, null, "" and [] are false. */
bool value_truthy(const struct value *v);
bool value_is_scalar(const struct value *v);
/*
 * Appends the scalar's text as templates show it: strings as they are,
 * integers in decimal, decimals in their shortest form ("1.21").
 * Lists and maps append nothing.
 */
void value_scalar_text(const struct value *v, struct buf *out);
const char *value_type_name(enum value_type t);

/* True (the default): a simple document is read without libyaml
 * (value_yaml.c quick_scan()), to the same values and diagnostics;
 * tests set it false to compare the two. */
extern bool value_yaml_quick;

/*
 * Parses src[0..n) as one YAML document named path into *out (NULL for
 * an empty document); first_line is the line of path on which src
 * starts (1 for a whole file, later for front matter).  Positions are
 * 1-based with columns in code points.  Refuses, with located errors:
 * duplicate keys, non-string keys, nesting deeper than 64, alias
 * expansion beyond VALUE_MAX_NODES nodes (billion laughs), more than one
 * document, tags other than the core schema's.  Plain scalars are typed
 * by the YAML 1.2 core schema (null, true/false, integers, decimals);
 * quoted scalars are strings.  Returns -1 after recording errors.
 */
#define VALUE_MAX_DEPTH 64
#define VALUE_MAX_NODES 1000000
int value_parse_yaml(struct arena *a, struct diags *d, const char *path,
    const char *src, size_t n, unsigned first_line, struct value **out);
/* As value_parse_yaml(), but the nodes' positions borrow path, which
 * must outlive the tree (an item's path): no copy of it per file; and
 * src must be valid UTF-8 without NUL, checked by the caller (the load
 * checks every file as it reads it): not checked again here. */
int value_parse_yaml_borrow(struct arena *a, struct diags *d, const char *path,
    const char *src, size_t n, unsigned first_line, struct value **out);

/* Appends v as JSON (maps keep their order); pretty with indent > 0. */
void value_to_json(const struct value *v, struct buf *out, int indent);
/* As value_to_json(), leaving out every pair of a map whose value is
 * skip itself (the nulls rows_fill() adds: JSON made at write time, as
 * it was before them). */
void value_to_json_without(const struct value *v, struct buf *out, int indent,
    const struct value *skip);
/*
 * Appends v as block-style YAML that value_parse_yaml() reads back as an
 * equal tree: maps keep their order, keys are plain when that reads
 * back the same, scalars are written as value_to_json() writes them.
 * A list or map met more than once (frames share maps; they may even
 * refer back) is written once with an anchor (&v1) and then as an alias
 * (*v1), so the output stays finite.  With max_str > 0, a string longer
 * than max_str bytes is cut at a character, ends in "…" and is followed
 * by a comment giving its length (it then no longer reads back equal).
 */
void value_to_yaml(const struct value *v, struct buf *out, size_t max_str);

#endif
