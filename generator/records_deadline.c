/*
 * Inspection conclusions' publication, validate stage.  In: an
 * inspection record's conclusion.date and conclusion_published_on.
 * Out: located diagnostics against the inspection rule of
 * generator/deadlines.yaml (Luật Tiếp cận thông tin Điều 18 k4, the
 * default rule: the reference sources no deadline of the Luật Thanh tra).
 */
#include <string.h>

#include "buf.h"
#include "date.h"
#include "deadline.h"
#include "diag.h"
#include "fmt.h"
#include "records_deadline.h"
#include "site.h"
#include "value.h"

static const struct value *
date_at(const struct value *data, const char *path)
{
	const struct value *v = value_path(data, path);

	return v != NULL && v->type == VALUE_STR && date_is_valid(v->text,
	    v->len) ? v : NULL;
}

void
deadline_check_inspection(struct site *s, const struct item *it)
{
	const struct value *cd = date_at(it->data, "conclusion.date");
	const struct value *cp = date_at(it->data, "conclusion_published_on");
	const struct deadlines *dl;
	const struct deadline_rule *r;

	if (cd == NULL)
		return;
	dl = deadlines_of(s);
	if ((r = deadlines_find(dl, "inspection", NULL, NULL, NULL)) == NULL)
		return;
	/*
	 * Without the date there is nothing to count; the reader cannot
	 * tell whether the conclusion came out on time: say so, once.
	 */
	if (cp == NULL) {
		struct buf b = {0};

		fmt_date(&b, cd->text, fmt_messages());
		diag_warning(s->diags, cd->pos,
		    "deadline.conclusion-date-missing", buf_cstr(&b),
		    r->article);
		buf_release(&b);
		return;
	}
	if (strcmp(cp->text, cd->text) < 0) {
		diag_error(s->diags, cp->pos, "deadline.conclusion-date-early",
		    cp->text, cd->text);
		return;
	}
	deadline_check(dl, s->arena, s->diags, r, cp->pos,
	    date_days(cd->text), date_days(cp->text));
}
