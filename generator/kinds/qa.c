/*
 * The qa kind: a published question and its answer (the Markdown
 * body).  Validate: an answer, answered not before asked, and no
 * personal data (no asker's name or contact, no e-mail address or
 * mobile number in the question).  Model: the dates for readers.
 */
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "item_body.h"
#include "kind.h"
#include "records.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

/* Keys that would publish a person: refused whatever their value. */
static const char *const personal[] = {"asker", "name", "email", "phone",
    "address"};

/* The offset of a mobile number (ten digits from 03/05/07/08/09, or
 * +84 and nine) in s[0..n), the run's length in *len; n when none. */
static size_t
find_mobile(const char *s, size_t n, size_t *len)
{
	size_t i, j, k;
	char d[12];

	for (i = 0; i < n; i++) {
		if (!ascii_isdigit((unsigned char)s[i]) && !(s[i] == '+' &&
		    i + 1 < n && ascii_isdigit((unsigned char)s[i + 1])))
			continue;
		if (i > 0 && ascii_isdigit((unsigned char)s[i - 1]))
			continue;
		/* One run: digits joined by single spaces, dots, dashes. */
		for (j = s[i] == '+' ? i + 1 : i, k = 0; j < n; j++) {
			if (ascii_isdigit((unsigned char)s[j])) {
				if (k < sizeof d)
					d[k] = s[j];
				k++;
			} else if (strchr(" .-", s[j]) == NULL || j + 1 >= n ||
			    !ascii_isdigit((unsigned char)s[j + 1])) {
				break;
			}
		}
		if ((k == 10 && d[0] == '0' && strchr("35789", d[1])) ||
		    (k == 11 && d[0] == '8' && d[1] == '4' &&
		    strchr("35789", d[2]))) {
			*len = j - i;
			return i;
		}
		i = j;
	}
	return n;
}

static void
check_qa(struct site *s, const struct site_names *x, const struct item *it)
{
	const struct value *d = it->data;
	const struct value *q = value_map_get(d, "question");
	const struct value *a = value_map_get(d, "asked_on");
	const struct value *r = value_map_get(d, "answered_on");
	const char *body;
	struct buf mb = {0};
	size_t i, at, len;

	for (i = 0; i < sizeof personal / sizeof *personal; i++) {
		const struct value *v = value_map_get(d, personal[i]);
		size_t k;

		for (k = 0; k < d->n && d->pairs[k].val != v; k++)
			;
		if (v != NULL && k < d->n)
			diag_error(s->diags, value_pair_pos(&d->pairs[k]),
			    "qa.personal-field", personal[i]);
	}
	if (q != NULL && q->type == VALUE_STR) {
		for (i = 0; i < q->len && q->text[i] != '@'; i++)
			;
		if (i < q->len)
			diag_error(s->diags, q->pos, "qa.email-in-question");
		if ((at = find_mobile(q->text, q->len, &len)) < q->len)
			diag_error(s->diags, q->pos, "qa.mobile-in-question",
			    diag_fmt(s->diags, "%.*s", (int)len, q->text + at));
	}
	if (records_date_of(a) && records_date_of(r) && strcmp(r->text,
	    a->text) < 0)
		diag_error(s->diags, r->pos, "qa.answered-before-asked",
		    r->text, a->text);
	if (item_body(s, it, &mb, &body) == -1)
		goto out;
	for (i = 0; i < it->body_len && ascii_isspace((unsigned char)body[i]);
	     i++)
		;
	if (i == it->body_len) {
		struct pos top = {it->path, 1, 1};

		diag_error(s->diags, it->markdown ? it->body_pos : top,
		    "qa.no-answer");
	}
out:
	buf_release(&mb);
}

static void
frame_qa(struct site *s, const struct site_names *x, struct item *it)
{
	records_set(s, it->frame, "asked_on_text", records_date_text(s,
	    value_map_get(it->data, "asked_on"), it->lang));
	records_set(s, it->frame, "answered_on_text", records_date_text(s,
	    value_map_get(it->data, "answered_on"), it->lang));
}

const struct kind kind_qa = {
	.name = "qa",
	.check = check_qa,
	.frame = frame_qa,
};
