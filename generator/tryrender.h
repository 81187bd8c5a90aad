/*
 * `minhbach render`: tries one template against one YAML data file,
 * outside any build, exactly as the Mustache spec says (a missing
 * partial renders as nothing).  For theme authors and the spec tests.
 */
#ifndef MINHBACH_TRYRENDER_H
#define MINHBACH_TRYRENDER_H

/*
 * Renders template_path with data_path (YAML; JSON is YAML too) as the
 * context to stdout.  Partials are partials_dir/<name>.mustache, read
 * and compiled when first used; partials_dir NULL means the template's
 * folder.  A partial name that would leave partials_dir (absolute, or
 * with a ".." part) counts as missing.  Diagnostics go to stderr.
 * Returns the exit status: 0 rendered, 1 template or data errors (no
 * output), 2 a file could not be read or stdout could not be written.
 */
int tryrender_run(const char *template_path, const char *data_path,
    const char *partials_dir);

#endif
