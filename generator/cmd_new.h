/*
 * `minhbach new KIND [NAME]`: starts a record for editors, so that no
 * one has to copy an old record and clean it: a file in the kind's
 * folder with every field of the kind's schema, each under a one-line
 * Vietnamese comment, required fields first and left empty (so that
 * `check` names them until they are filled), optional ones commented
 * out, today's date where a date belongs.
 */
#ifndef MINHBACH_CMD_NEW_H
#define MINHBACH_CMD_NEW_H

struct buf;
struct schemas;

/*
 * Appends to out the YAML of a new record of kind (which s must have;
 * or a collection's schema name from schema_declare()):
 * the fields as described above, today ("YYYY-MM-DD") in date fields.
 * markdown: the YAML goes between "---" lines, as a .md file's front
 * matter.
 */
void cmd_new_record(struct buf *out, const struct schemas *s,
    const char *kind, const char *today, int markdown);

/*
 * `minhbach new`: writes content/<folder>/<name>.<md|yaml> below
 * source, where folder is the collection of site.yaml whose kind is
 * kind (kind may also name the folder itself), the extension the one
 * most of the folder's files have (.md when none), name a slug
 * (NULL: today and the kind, "2026-12-07-call"); the fields the
 * collection declares in site.yaml (`fields:`) are written after the
 * kind's, and a broken declaration is an error.  Today is in
 * Asia/Ho_Chi_Minh, from SOURCE_DATE_EPOCH when set.  Never replaces a
 * file.  Prints the path written on stdout, diagnostics on stderr in
 * lang (NULL: the site's first language).  Returns the exit status:
 * 0 written; 1 the file exists, site.yaml is unusable or the write
 * failed; 2 an unknown kind or a name that is not a slug.
 */
int cmd_new(const char *source, const char *kind, const char *name,
    const char *lang);

#endif
