/*
 * The consultation kind: a draft open for public comment.  Validate:
 * the draft is a file of the site, it closes after it opens, a summary
 * of comments once closed (warning).  Model: upcoming / open / closed
 * at the build date, with the days left.
 */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "kind.h"
#include "records.h"
#include "site.h"
#include "value.h"
#include "words.h"

/* "upcoming", "open" or "closed" on day today; NULL without dates. */
static const char *
status_at(const struct value *d, const char *today)
{
	const char *op = records_date_of(value_map_get(d, "opens_on"));
	const char *cl = records_date_of(value_map_get(d, "closes_on"));

	if (op == NULL || cl == NULL || today == NULL)
		return NULL;
	if (strcmp(today, op) < 0)
		return "upcoming";
	return strcmp(today, cl) <= 0 ? "open" : "closed";
}

static void
check_consultation(struct site *s, const struct site_names *x,
    const struct item *it)
{
	const struct value *d = it->data;
	const struct value *op = value_map_get(d, "opens_on");
	const struct value *cl = value_map_get(d, "closes_on");
	const struct value *f = value_map_get(value_map_get(d, "draft_file"),
	    "url");
	const struct value *sum = value_map_get(d, "comments_summary");
	const struct value *sp = value_map_get(sum, "published_on");
	const char *st = status_at(d, s->build_date);

	if (f != NULL && f->type == VALUE_STR && strncmp(f->text, "/files/",
	    7) != 0)
		diag_error(s->diags, f->pos, "consultation.draft-not-local",
		    f->text);
	if (records_date_of(op) && records_date_of(cl) && strcmp(cl->text,
	    op->text) <= 0)
		diag_error(s->diags, cl->pos, "consultation.closes-not-after",
		    cl->text, op->text);
	if (records_date_of(sp) && records_date_of(cl) && strcmp(sp->text,
	    cl->text) < 0)
		diag_error(s->diags, sp->pos,
		    "consultation.summary-before-close", sp->text, cl->text);
	/* Dates in the wrong order have their error: no warning on top. */
	if (st != NULL && strcmp(st, "closed") == 0 && strcmp(cl->text,
	    op->text) > 0 && (sum == NULL || sum->type != VALUE_MAP))
		diag_warning(s->diags, cl->pos, "consultation.no-summary",
		    cl->text, s->build_date);
}

static void
frame_consultation(struct site *s, const struct site_names *x,
    struct item *it)
{
	const struct value *d = it->data;
	const char *st = status_at(d, s->build_date), *lang = it->lang;
	struct value *f = it->frame;

	records_set(s, f, "status_computed", st);
	records_set(s, f, "status_text", st ? site_word(s, lang,
	    arena_printf(s->arena, "consultation.status_values.%s", st)) :
	    NULL);
	records_setb(s, f, "is_upcoming", st && strcmp(st, "upcoming") == 0);
	records_setb(s, f, "is_open", st && strcmp(st, "open") == 0);
	records_setb(s, f, "is_closed", st && strcmp(st, "closed") == 0);
	records_set(s, f, "opens_on_text", records_date_text(s,
	    value_map_get(d, "opens_on"), lang));
	records_set(s, f, "closes_on_text", records_date_text(s,
	    value_map_get(d, "closes_on"), lang));
	records_set(s, f, "summary_published_on_text", records_date_text(s,
	    value_path(d, "comments_summary.published_on"), lang));
	if (st != NULL && strcmp(st, "open") == 0)
		value_map_set(s->arena, f, "days_left", value_int(s->arena,
		    date_days(value_map_str(d, "closes_on")) -
		    date_days(s->build_date)));
	else
		records_set(s, f, "days_left", NULL);
}

const struct kind kind_consultation = {
	.name = "consultation",
	.check = check_consultation,
	.frame = frame_consultation,
};
