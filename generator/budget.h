/*
 * Budget disclosures (kind: budget): the Ministry of Finance's forms as
 * data (generator/forms.yaml, compiled in), the checks a finance
 * reviewer makes, and the table, downloads and chart that pages show.
 */
#ifndef MINHBACH_BUDGET_H
#define MINHBACH_BUDGET_H

struct site;

/* The embedded generator/forms.yaml (made by the Makefile). */
extern const char forms_yaml[];
extern const size_t forms_yaml_len;

/*
 * The validate stage's budget checks over every record of the
 * collections of kind `kind` (the budget kind's name, kinds/budget.c):
 * sums of children per amount column (exact), "of which" rows,
 * recomputed percentages, stt numbering, the annual estimate of an
 * execution report against the published estimate (across files),
 * year-to-date quarters, publication deadlines.  Records located
 * errors and warnings in s->diags.  Records that failed their schema
 * are checked as far as their data allows, never crashed on.
 */
void budget_check(struct site *s, const char *kind);

#endif
