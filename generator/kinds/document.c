/*
 * The document kind (văn bản): legal and administrative documents.
 * Validate stage: the year in a legal number against the issue date,
 * the dates in order, a stale "in force", both sides of a replacement
 * naming each other.  Model stage: the status at the build date, from
 * the dates, replaced_by and other documents' replaces.
 *
 * Frame keys for theme authors (texts in the item's language):
 *   type_text, status_computed (in_force, not_yet_in_force,
 *   partly_expired, expired, suspended, replaced), status_text,
 *   is_in_force, is_expired, is_replaced, issued_on_text,
 *   effective_from_text, expires_on_text
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "kind.h"
#include "records.h"
#include "site.h"
#include "site_names.h"
#include "utf8.h"
#include "value.h"

#define NAME "document"

/* True if one entry of list l (refs) names document target. */
static bool
names(const struct site_names *x, const struct value *l, const struct item
    *target)
{
	size_t i;

	for (i = 0; l != NULL && l->type == VALUE_LIST && i < l->n; i++)
		if (value_is_scalar(l->items[i]) && site_lookup(x, NAME,
		    l->items[i]->text, l->items[i]->len) == target)
			return true;
	return false;
}

static void
check_document(struct site *s, const struct site_names *x, const struct item
    *it)
{
	static const char *const sides[][2] = {{"replaces", "replaced_by"},
	    {"replaced_by", "replaces"}};
	const struct value *d = it->data, *num, *iss, *eff, *exp, *l, *st;
	const char *start;
	size_t i, k;

	num = value_map_get(d, "number");
	iss = value_map_get(d, "issued_on");
	eff = value_map_get(d, "effective_from");
	exp = value_map_get(d, "expires_on");
	if (num != NULL && num->type == VALUE_STR && records_date_of(iss)) {
		const char *sl = memchr(num->text, '/', num->len);

		/* Legal-normative numbers: NNN/YYYY/SYMBOL. */
		if (sl != NULL && num->len - (size_t)(sl - num->text) > 6 &&
		    ascii_isdigit((unsigned char)sl[1]) &&
		    ascii_isdigit((unsigned char)sl[2]) &&
		    ascii_isdigit((unsigned char)sl[3]) &&
		    ascii_isdigit((unsigned char)sl[4]) && sl[5] == '/' &&
		    memcmp(sl + 1, iss->text, 4) != 0)
			diag_error(s->diags, num->pos, "document.number-year",
			    num->text, diag_fmt(s->diags, "%.4s", sl + 1),
			    iss->text);
	}
	if (records_date_of(eff) && records_date_of(iss) && strcmp(eff->text,
	    iss->text) < 0)
		diag_error(s->diags, eff->pos,
		    "document.effective-before-issued", eff->text, iss->text);
	start = records_date_of(eff) ? eff->text : records_date_of(iss);
	if (records_date_of(exp) && start != NULL &&
	    strcmp(exp->text, start) <= 0)
		diag_error(s->diags, exp->pos, "document.expires-not-after",
		    exp->text, records_date_of(eff) ? "effective_from" :
		    "issued_on", start);
	/* Expired is a fact of the dates: a stale 'in force' misleads. */
	st = value_map_get(d, "status");
	if (records_date_of(exp) && s->build_date != NULL &&
	    strcmp(exp->text, s->build_date) <= 0 && st != NULL &&
	    st->type == VALUE_STR && strcmp(st->text, "in_force") == 0)
		diag_warning(s->diags, st->pos, "document.expired-in-force",
		    exp->text, s->build_date);
	if (it->lang_index != 0)
		return;
	for (k = 0; k < 2; k++) {
		l = value_map_get(d, sides[k][0]);
		for (i = 0; l != NULL && l->type == VALUE_LIST && i < l->n; i++)
		    {
			const struct value *e = l->items[i];
			const struct item *o;

			if (!value_is_scalar(e) || (o = site_lookup(x,
			    NAME, e->text, e->len)) == NULL || o == it)
				continue;
			if (!names(x, value_map_get(o->data, sides[k][1]), it))
				diag_warning(s->diags, e->pos,
				    "document.link-one-way", sides[k][0],
				    e->text, o->path, sides[k][1]);
		}
	}
}



static int
cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(void *const *)a;
	uintptr_t y = (uintptr_t)*(void *const *)b;

	return (x > y) - (x < y);
}

/* Main-language documents that another document says it replaces. */
struct replaced {
	const struct item **v;
	size_t n;
};

/* Sorted by address, for bsearch() from document_status(). */
static void
find_replaced(struct site *s, const struct site_names *x, struct replaced *r)
{
	size_t i, j, k, cap = 0, n = 0;

	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n; j++) {
			const struct value *l = value_map_get(
			    s->colls[i].items[j]->data, "replaces");

			if (strcmp(s->colls[i].kind, NAME) == 0 &&
			    l != NULL && l->type == VALUE_LIST)
				cap += l->n;
		}
	r->v = arena_alloc(s->arena, (cap ? cap : 1) * sizeof *r->v);
	for (i = 0; i < s->ncolls; i++) {
		if (strcmp(s->colls[i].kind, NAME) != 0)
			continue;
		for (j = 0; j < s->colls[i].n; j++) {
			const struct item *it = s->colls[i].items[j];
			const struct value *l = value_map_get(it->data,
			    "replaces");

			if (it->draft || l == NULL || l->type != VALUE_LIST)
				continue;
			for (k = 0; k < l->n && n < cap; k++)
				if (value_is_scalar(l->items[k]) && (r->v[n] =
				    site_lookup(x, NAME, l->items[k]->text,
				    l->items[k]->len)) != NULL)
					n++;
		}
	}
	if (n > 1)
		qsort(r->v, n, sizeof *r->v, cmp_ptr);
	r->n = n;
}

/*
 * What the dates and replacements say at the build date: replaced,
 * then expired once 'expires_on' has come (whatever the stored status
 * says); the stated status counts where dates cannot tell (suspended,
 * partly expired).
 */
static const char *
document_status(const struct site *s, const struct item *it,
    const struct replaced *r)
{
	const struct value *d = it->data, *rb = value_map_get(d, "replaced_by");
	const char *st = value_map_str(d, "status"), *today = s->build_date;
	const char *exp = records_date_of(value_map_get(d, "expires_on"));
	const char *eff = records_date_of(value_map_get(d, "effective_from"));
	const struct item *main = it->tr[0] != NULL ? it->tr[0] : it;

	if (st == NULL)
		st = "";
	if (today == NULL || !date_is_valid(today, strlen(today)))
		today = "9999-12-31";
	if ((rb != NULL && rb->type == VALUE_LIST && rb->n > 0) || (r->n > 0 &&
	    bsearch(&main, r->v, r->n, sizeof *r->v, cmp_ptr) != NULL))
		return "replaced";
	/* A passed expiry date outranks whatever status is stored. */
	if (exp != NULL && strcmp(exp, today) <= 0)
		return "expired";
	if (strcmp(st, "suspended") == 0)
		return "suspended";
	if (strcmp(st, "expired") == 0)
		return "expired";
	if ((eff != NULL && strcmp(eff, today) > 0) || (eff == NULL &&
	    strcmp(st, "not_yet_in_force") == 0))
		return "not_yet_in_force";
	if (strcmp(st, "partly_expired") == 0)
		return "partly_expired";
	return "in_force";
}

static void
document_frame(struct site *s, struct item *it, const struct replaced *r)
{
	const struct value *d = it->data;
	struct value *f = it->frame;
	const char *lang = it->lang, *st = document_status(s, it, r);

	records_set(s, f, "type_text", records_value_text(s, lang,
	    "document.type", value_map_str(d, "type")));
	records_set(s, f, "status_computed", st);
	records_set(s, f, "status_text", records_value_text(s, lang,
	    "document.status", st));
	records_setb(s, f, "is_in_force", strcmp(st, "in_force") == 0);
	records_setb(s, f, "is_expired", strcmp(st, "expired") == 0);
	records_setb(s, f, "is_replaced", strcmp(st, "replaced") == 0);
	records_set(s, f, "issued_on_text", records_date_text(s,
	    value_map_get(d, "issued_on"), lang));
	records_set(s, f, "effective_from_text", records_date_text(s,
	    value_map_get(d, "effective_from"), lang));
	records_set(s, f, "expires_on_text", records_date_text(s,
	    value_map_get(d, "expires_on"), lang));
}

/* Every document's frame, and its shadows' (site_frames.h): the
 * status needs who replaces whom. */
static void
document_frames(struct site *s, const struct site_names *x)
{
	struct replaced r;
	size_t i, j, l;

	find_replaced(s, x, &r);
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		for (j = 0; j < co->n && strcmp(co->kind, NAME) == 0; j++) {
			struct item *it = co->items[j];

			if (it->frame != NULL)
				document_frame(s, it, &r);
			for (l = 1; l < s->nlangs; l++)
				if (it->shadow[l] != NULL &&
				    it->shadow[l]->frame != NULL)
					document_frame(s, it->shadow[l], &r);
		}
	}
}

const struct kind kind_document = {
	.name = NAME,
	.check = check_document,
	.frames = document_frames,
};
