/*
 * Model stage, before the pages are made: drafts, future-dated records,
 * records with a later publish_on, and notices past their expires_on.
 * In: the loaded items, the schemas' date fields and the build date.
 * Out: it->draft for what a build must not publish, or, in a preview,
 * keys in the records' data that the theme shows as banners;
 * it->expired for a notice the lists no longer show.
 */
#include <string.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "records.h"
#include "schema.h"
#include "serve_drafts.h"
#include "site.h"
#include "value.h"

/*
 * Kinds whose date_field is not the day of publication: a consultation
 * is dated by the day comments open and is announced before it, with
 * its "upcoming" status.
 */
static const char *const dated_ahead[] = {"consultation"};

static bool
is_dated_ahead(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof dated_ahead / sizeof dated_ahead[0]; i++)
		if (strcmp(kind, dated_ahead[i]) == 0)
			return true;
	return false;
}

/*
 * Kinds whose expires_on ends a notice: after that day it leaves the
 * lists, the home page and the feeds, its page stays (links to it keep
 * working) with expired: true for the theme.  A document's expires_on
 * is another thing: the day it stops being in force (document.c).
 */
static const char *const notices[] = {"news"};

static bool
is_notice(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof notices / sizeof notices[0]; i++)
		if (strcmp(kind, notices[i]) == 0)
			return true;
	return false;
}

/*
 * The date of it as the model gives it (site.c, model_item): its date
 * field when that is a valid date, the date its file name starts with
 * when the field is absent, else NULL.  *at: where to point a message.
 */
static const char *
item_date(const struct item *it, const char *df, struct pos *at,
    char name_date[11])
{
	const struct value *v = value_path(it->data, df);
	const char *name = strrchr(it->base, '/');

	*at = (struct pos){it->path, 1, 1};
	if (v != NULL) {
		if (v->type != VALUE_STR || !date_is_valid(v->text, v->len))
			return NULL;	/* the schema has said so */
		*at = v->pos;
		return v->text; /* a date: no NUL inside */
	}
	name = name != NULL ? name + 1 : it->base;
	if (strlen(name) > 11 && date_is_valid(name, 10) && name[10] == '-') {
		memcpy(name_date, name, 10);
		name_date[10] = '\0';
		return name_date;
	}
	return NULL;
}

/* Whether a record of co in the main language has key. */
static bool
main_has(const struct collection *co, const char *key)
{
	size_t i;

	for (i = 0; i < co->n; i++)
		if (co->items[i]->lang_index == 0 &&
		    value_map_get(co->items[i]->data, key) != NULL)
			return true;
	return false;
}

/*
 * it's key (a date), or, when a translation has none, that of its record
 * in the main language: a translation comes out and expires with it.
 * any: main_has(co, key), which spares the search (rarely true).  *own:
 * whether it was its own.
 */
static const struct value *
calendar_field(const struct collection *co, const struct item *it,
    const char *key, bool any, bool *own)
{
	const struct value *v = value_map_get(it->data, key);
	size_t i;

	*own = true;
	if (v != NULL || it->lang_index == 0 || !any)
		return v;
	*own = false;
	for (i = 0; i < co->n; i++)
		if (co->items[i]->lang_index == 0 &&
		    strcmp(co->items[i]->base, it->base) == 0)
			return value_map_get(co->items[i]->data, key);
	return NULL;
}

/*
 * publish_on: not published before that day, whatever the kind and its
 * own date.  Left out of a build with a warning at the field (the main
 * language's warning speaks for a translation that has none); shown in
 * a preview with the banner, which then names that day.
 */
static void
publish_on(struct site *s, const struct collection *co, struct item *it,
    bool any, bool preview)
{
	bool own;
	const struct value *v = calendar_field(co, it, "publish_on", any,
	    &own);
	const char *on = records_date_of(v);

	if (on == NULL || s->build_date == NULL || strcmp(on,
	    s->build_date) <= 0)
		return;
	if (preview) {
		value_map_set(s->arena, it->data, "preview_future",
		    value_bool(s->arena, true));
		/* Its text is made with the page's (site_frames.c): the
		 * theme's date format is not loaded yet. */
		value_map_set(s->arena, it->data, "preview_on",
		    value_strz(s->arena, on));
	} else if (!it->draft) {
		it->draft = true;
		if (own)
			diag_warning(s->diags, v->pos, "publish.publish-on",
			    on, s->build_date);
	}
}

/* A notice is shown in the lists up to its expires_on, that day too. */
static void
expires_on(struct site *s, const struct collection *co, struct item *it,
    bool any)
{
	bool own;
	const char *on = records_date_of(calendar_field(co, it, "expires_on",
	    any, &own));

	if (on == NULL || s->build_date == NULL || strcmp(on,
	    s->build_date) >= 0)
		return;
	it->expired = true;
	value_map_set(s->arena, it->data, "expired", value_bool(s->arena,
	    true));
}

void
serve_drafts_apply(struct site *s, bool preview)
{
	size_t i, j;

	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];
		const char *df = s->schemas == NULL ? NULL :
		    schema_date_field(s->schemas, co->kind);
		bool dated = df != NULL && !is_dated_ahead(co->kind) &&
		    s->build_date != NULL;
		bool any_on = main_has(co, "publish_on");
		bool any_exp = is_notice(co->kind) && main_has(co,
		    "expires_on");

		for (j = 0; j < co->n; j++) {
			struct item *it = co->items[j];
			const char *date;
			char nd[11];
			struct pos at;

			if (preview && it->draft) {
				it->draft = false;
				value_map_set(s->arena, it->data,
				    "preview_draft", value_bool(s->arena,
				    true));
			}
			if (is_notice(co->kind))
				expires_on(s, co, it, any_exp);
			if (!dated ||
			    (date = item_date(it, df, &at, nd)) == NULL ||
			    strcmp(date, s->build_date) <= 0) {
				publish_on(s, co, it, any_on, preview);
				continue;
			}
			if (preview) {
				value_map_set(s->arena, it->data,
				    "preview_future", value_bool(s->arena,
				    true));
			} else if (!it->draft) {
				/* A draft is not published anyway. */
				it->draft = true;
				diag_warning(s->diags, at, "publish.scheduled",
				    date, s->build_date);
			}
		}
	}
}
