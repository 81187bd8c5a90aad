/*
 * The model stage's last step: every row of every list in the template
 * contexts gets every key a row of it may show, null when it has none,
 * so that a template's lookup stops at the row instead of taking the
 * record's or the page's value of the same name (Mustache's context
 * stack).  The render stage's row check reports what this misses.
 */
#ifndef MINHBACH_ROWS_H
#define MINHBACH_ROWS_H

struct schemas;
struct site;

/*
 * Adds, in s's arena, a null for every key that a map lacks and that
 * (1) its kind's schema knows: every map of each item's data below the
 * top, and every map of each page's item frame, the frame itself
 * included (a record shown as a card in a list is a row too);
 * (2) another map of the same list has, in every list reachable from
 * any page's frames (records' rows, cards, breadcrumbs, translations,
 * budget rows...).  Run after the whole model, before rendering.
 * Cannot fail (out of memory aborts).
 */
void rows_fill(struct site *s, const struct schemas *sc);

#endif
