/*
 * The validate stage's generic half: one schema per content kind, read
 * from generator/schemas.yaml (compiled into the binary as data), and a
 * checker that walks an item's value tree against it.  Errors and
 * warnings are recorded at the offending node.  Domain checks that need
 * arithmetic or several records (budget sums...) live in their own
 * modules, not here.
 */
#ifndef MINHBACH_SCHEMA_H
#define MINHBACH_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct diags;
struct value;
struct schemas;

/* The embedded generator/schemas.yaml (made by the Makefile). */
extern const char schemas_yaml[];
extern const size_t schemas_yaml_len;

/*
 * Resolves references: exists() returns true when collection `kind`'s
 * record `key` exists (key: the record's slug or file base name).
 */
struct schema_refs {
	bool (*exists)(void *ctx, const char *kind, const char *key);
	void *ctx;
	/* The existing name of kind nearest to key (for "did you mean"),
	 * or NULL; the pointer may be NULL. */
	const char *(*nearest)(void *ctx, const char *kind, const char *key);
};

/*
 * Parses a schema document (name is used in diagnostics).  Returns NULL
 * after recording errors: a broken schema is a bug in minhbach.
 */
struct schemas *schema_load(struct arena *a, struct diags *d,
    const char *name, const char *src, size_t n);
/* Returns the schemas compiled into the binary; aborts if they are broken. */
struct schemas *schema_builtin(struct arena *a, struct diags *d);
bool schema_has_kind(const struct schemas *s, const char *kind);
/*
 * The field that dates a record of kind (its `date_field`: lists sort
 * newest first, feeds carry it), or NULL for an undated or unknown kind
 * (also when s is NULL).
 */
const char *schema_date_field(const struct schemas *s, const char *kind);
/*
 * The fields a record of kind may have (a collection's declared ones
 * included): its frame gets every one (schema_fill_frame()).  0 for an
 * unknown kind or a NULL s.
 */
size_t schema_nfields(const struct schemas *s, const char *kind);
/* How many of those fields record data lacks: the nulls its frame gets. */
size_t schema_nabsent(const struct schemas *s, const char *kind,
    const struct value *data);
/* Returns the kinds' names in the document's order (arena array). */
const char *const *schema_kinds(const struct schemas *s, size_t *n);

/*
 * Declares the fields a collection's records may carry beside those of
 * its kind: v is the collection's `fields:` in site.yaml (NULL: none), a
 * map of field name to type, "text", "number", "integer", "date",
 * "bool", "url", "email", "phone", a kind's name (the name of one of its
 * records, which must exist), or "list of" one of these; or to a map
 * {type, required, doc}.  Returns the schema name to pass as `kind` to
 * schema_check() and the walks below (kind itself when v declares
 * nothing), arena memory.  A declaration that cannot be used (an
 * unknown type, a name the kind has already or that the generator
 * gives every record page) is a located error; the others still count.
 * Not thread-safe: declare before checking.
 */
const char *schema_declare(struct schemas *s, struct arena *a,
    struct diags *d, const char *coll, const char *kind,
    const struct value *v);

/*
 * Checks map v (an item's front matter or data file; at its pos) against
 * kind's schema: required fields, types, enums, formats, nested maps and
 * lists, references (when refs is not NULL).  Unknown keys are warnings
 * with a "did you mean" hint.  Returns 0, or -1 when an error was
 * recorded.  Read-only on v; thread-compatible.
 */
int schema_check(const struct schemas *s, const char *kind,
    const struct value *v, const struct schema_refs *refs,
    struct diags *d);

/*
 * Calls fn for every value of type ref in record v of kind (nothing when
 * kind is unknown or v is not a map): field is the dotted path of the
 * field, list indexes left out ("zones", "subject.zone"; valid during
 * the call only), to_kind the kind referred to, node the string node
 * naming the target.  Values that do not fit their schema are skipped.
 */
void schema_each_ref(const struct schemas *s, const char *kind,
    const struct value *v,
    void (*fn)(void *ctx, const char *field, const char *to_kind,
    const struct value *node), void *ctx);

/*
 * Gives every map inside record v (not v itself) a null for each field
 * its schema knows and the map lacks.  Run after the checks and the
 * model: a template looking up a field that a list element lacks then
 * finds nothing, instead of the surrounding record's field of the same
 * name (Mustache's context stack would otherwise show, say, an
 * inspection's decision as a measure's decision).  nul is the null
 * they get (one for all: no template sees where a null came from).
 */
void schema_fill_absent(const struct schemas *s, const char *kind,
    struct arena *a, struct value *v, struct value *nul);
/*
 * The same for a template context made from a record of kind (an item
 * frame): f itself gets its nulls too, because a record shown in a list
 * (a card) is a row whose missing fields the page around it would
 * otherwise answer.  Keys the frame holds beyond the schema are kept.
 */
void schema_fill_frame(const struct schemas *s, const char *kind,
    struct arena *a, struct value *f, struct value *nul);

/*
 * Names a place in the editor's terms, in d's language, for a message
 * argument: field of item index (0-based) of list, "trường `phone` của
 * mục thứ 1 «Nguyễn Văn A» trong `leaders`"; list NULL for a field of
 * the record, field NULL for the item itself.
 */
const char *schema_place(struct diags *d, const char *list, size_t index,
    const struct value *item, const char *field);

#endif
