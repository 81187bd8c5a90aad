/*
 * Private to schema.c (which compiles a schema document into these
 * nodes) and schema_check.c (which walks an item's value tree against
 * them): the compiled schemas, all in the arena of schema_load().
 */
#ifndef MINHBACH_SCHEMA_IMPL_H
#define MINHBACH_SCHEMA_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct value;

enum stype {
	T_ANY, T_TEXT, T_LTEXT, T_INT, T_DECIMAL, T_AMOUNT, T_FIGURE,
	T_PERCENT,
	T_DATE, T_DATETIME, T_BOOL, T_ENUM, T_SLUG, T_URL, T_EMAIL,
	T_PHONE, T_DOCNUMBER, T_TAXCODE, T_LIST, T_MAP, T_REF,
	T_DEF,			/* a name from defs: the def's node */
	T_UNION,		/* type: [a, b]: the first that fits */
};

struct def;

struct node {
	enum stype type;
	bool required;
	const char *deprecated;		/* NULL, or advice ("" for none) */
	const char *doc;
	const struct value *min, *max;	/* numbers; text length; list items */
	const char **enums;		/* enum values, as written */
	size_t nenum;
	const char **names;		/* map: known keys ... */
	struct node **fields;		/* ... and their schemas */
	size_t nfield;
	struct node *values;		/* map: schema of any other key */
	struct node *of;		/* list: schema of each item */
	struct node **alts;		/* union: alternatives, in order */
	size_t nalt;
	const char *to;			/* ref: the kind referred to */
	struct def *def;		/* T_DEF */
};

struct def {
	const char *name;
	struct pos pos;
	struct node *node;
	int state;		/* cycle search: 0 new, 1 open, 2 done */
};

struct schemas {
	struct def *defs;
	size_t ndef;
	const char **kinds;
	const char **date_fields;	/* per kind: its date_field or NULL */
	struct node **nodes;
	size_t nkind;
	/* schema_declare(): a collection's kind plus its own fields, by
	 * the name it returned ("news/tin-tuc"); not among kinds. */
	struct decl {
		const char *name;
		struct node *node;
	} *decls;
	size_t ndecl, declcap;
	/* "did you mean": the same unknown key on every record of a kind
	 * is one question (schema_check.c) */
	struct utf8_memo *near;
};

/* Returns what a value of built-in type t must be, for messages in
 * lang ("vi" or "en": "a date like 2020-01-15"); "?" for T_DEF and
 * T_UNION.  Static text. */
const char *schema_type_want(enum stype t, const char *lang);
/* True for a string, or a number written plainly (its text kept). */
bool schema_plain_text(const struct value *v);
/* Returns kind's compiled schema, or NULL when s has no such kind. */
const struct node *schema_find_kind(const struct schemas *s,
    const char *kind);

#endif
