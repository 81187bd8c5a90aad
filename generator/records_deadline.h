/*
 * The inspection kind's publication deadline (records_deadline.c), on
 * the rules and calendar of deadline.h.
 */
#ifndef MINHBACH_RECORDS_DEADLINE_H
#define MINHBACH_RECORDS_DEADLINE_H

struct item;
struct site;

/*
 * An inspection record's conclusion against the
 * inspection rule (counted from conclusion.date to
 * conclusion_published_on, when given): an error when published
 * before it was concluded, a warning when late.  Records in s->diags.
 */
void deadline_check_inspection(struct site *s, const struct item *it);

#endif
