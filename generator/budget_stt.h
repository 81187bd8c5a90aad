/*
 * The numbering (stt) of a budget record's lines, validate stage
 * (budget_stt.c): I, II / 1, 2 / a, b in order, by the form's rows.
 */
#ifndef MINHBACH_BUDGET_STT_H
#define MINHBACH_BUDGET_STT_H

struct arena;
struct bform;
struct diags;
struct value;

/*
 * Checks the numbering (stt) of the sibling lines, then
 * their children, recording located errors in d.  Called with prank 0,
 * pstt "", pstyle 0 at the top; f (may be NULL) is the record's form and
 * pcode the parent's row code ("" at the top, NULL when unknown).
 */
void budget_check_stt(struct arena *a, struct diags *d,
    const struct value *lines, int prank, const char *pstt, int pstyle,
    const struct bform *f, const char *pcode);

#endif
