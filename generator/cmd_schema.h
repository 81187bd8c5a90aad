/*
 * `minhbach schema`, for editors' text editors: the kinds' schemas
 * (generator/schemas.yaml) as JSON Schema (draft 2020-12), one file per
 * kind, so that VS Code's YAML extension completes and checks a record
 * while it is typed.  Also the Vietnamese words for what a value of a
 * schema must be, which `minhbach new` (cmd_new.c) writes as comments.
 */
#ifndef MINHBACH_CMD_SCHEMA_H
#define MINHBACH_CMD_SCHEMA_H

struct arena;
struct buf;
struct node;
struct schemas;
struct value;

/*
 * Appends to out, in Vietnamese, what a value of schema n must be ("ngày
 * dạng năm-tháng-ngày, ví dụ 2020-01-15"; "một trong: open, closed").
 * Empty for a map, whose fields say it.
 */
void cmd_schema_hint(struct buf *out, const struct node *n);

/*
 * Returns kind's JSON Schema as a value tree (arena a), ready for
 * value_to_json(); NULL when s has no such kind.  A record's keys are
 * its properties (for a Markdown record: its front matter), with
 * `additionalProperties: false`; the schemas' doc texts and
 * cmd_schema_hint() are the descriptions; an optional field may be
 * null, as `check` takes an empty optional field for a missing one.
 */
struct value *cmd_schema_json(struct arena *a, const struct schemas *s,
    const char *kind);

/*
 * `minhbach schema [--out DIR] [--source SRC]`: writes DIR/<kind>.json
 * for every kind (DIR default: schemas; made if missing) and prints each
 * path; with a source (NULL: none), also DIR/collection-<name>.json for
 * every collection of SRC/content/site.yaml that declares fields of its
 * own (its kind's schema plus those).  lang ("vi", "en" or NULL for
 * Vietnamese) is the messages' language.  Returns the exit status: 0
 * written, 1 a file could not be written or site.yaml has errors.
 */
int cmd_schema(const char *dir, const char *source, const char *lang);

#endif
