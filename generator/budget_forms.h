/*
 * The Ministry of Finance's forms as data (budget_forms.c): read from
 * generator/forms.yaml once per build, found by a record's form, with
 * their columns and skeleton rows (structs in budget_table.h).
 */
#ifndef MINHBACH_BUDGET_FORMS_H
#define MINHBACH_BUDGET_FORMS_H

#include <stddef.h>

struct arena;
struct bform;
struct bforms;
struct bskel;
struct diags;
struct site;
struct value;

/*
 * Reads the built-in forms (forms_yaml).  Aborts with the diagnostics
 * printed when the built-in data is broken: that is a bug, not content.
 */
const struct bforms *budget_forms_builtin(struct arena *a,
    struct diags *d);
/*
 * The built-in forms of s's build, read once and kept in s->forms (the
 * validate and model stages, and every earlier revision, share them).
 */
const struct bforms *budget_forms_of(struct site *s);
/*
 * Reads forms from YAML text src[0..n) named name; NULL after recording
 * located errors in d.
 */
const struct bforms *budget_forms_load(struct arena *a, struct diags *d,
    const char *name, const char *src, size_t n);
/*
 * The form that record (a budget map) names in form: {circular, number},
 * or NULL.  With d, an unknown form or one that does not serve the
 * record's kind is a located error listing the known forms.
 */
const struct bform *budget_form_find(const struct bforms *fs,
    const struct value *record, struct diags *d);
/* The index of column key in f, or -1. */
int budget_form_col(const struct bform *f, const char *key);
/* f's skeleton row of code, or NULL (code may be NULL). */
const struct bskel *budget_form_skel(const struct bform *f,
    const char *code);
/*
 * The form named id ("90/2018/TT-BTC:2", or with a circular's alias
 * "61/2017/TT-BTC:2"), or NULL.
 */
const struct bform *budget_form_by_id(const struct bforms *fs,
    const char *id);
/* The index of code among f's skeleton rows, or -1 (also when f NULL). */
int budget_form_row(const struct bform *f, const char *code);
/* The power of ten of a currency_unit: dong 0, nghin_dong 3,
 * trieu_dong 6, ty_dong 9; -1 when unknown. */
int budget_unit_exp(const char *currency_unit);

#endif
