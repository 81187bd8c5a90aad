/*
 * What the kinds of records share (generator/kinds/): their title in a
 * language, dates and figures formatted for readers, the setters that
 * put them in a frame, the frame's own copy of a list of rows.  Model
 * and validate stages; calls no kind (the kinds call it), arena memory.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "decimal.h"
#include "fmt.h"
#include "fx.h"
#include "records.h"
#include "site.h"
#include "value.h"
#include "words.h"

const char *
records_date_of(const struct value *v)
{
	return v != NULL && v->type == VALUE_STR &&
	    date_is_valid(v->text, v->len) ? v->text : NULL;
}

bool
records_shown(const struct item *t)
{
	return t != NULL && t->frame != NULL && t->url != NULL && !t->draft;
}

bool
records_vi(const char *lang)
{
	return lang != NULL && strcmp(lang, "vi") == 0;
}

const char *
records_title(struct site *s, const struct item *it)
{
	static const char *const keys[] = {"title", "name", "number"};
	const char *t;
	size_t i;

	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if ((t = value_ltext(value_map_get(it->data, keys[i]),
		    it->lang, s->langs[0])) != NULL)
			return t;
	return it->slug != NULL ? it->slug : it->base;
}

const char *
records_coll_title(struct site *s, const struct collection *co, int lang)
{
	const char *t = value_ltext(value_map_get(co->conf, "title"),
	    s->langs[lang], s->langs[0]);

	return t != NULL ? t : co->name;
}

const char *
records_value_text(struct site *s, const char *lang, const char *field,
    const char *code)
{
	if (code == NULL)
		return NULL;
	return site_word(s, lang, arena_printf(s->arena, "values.%s.%s", field,
	    code));
}

/* Frames only get values that exist: {{#x}} then tests presence. */
void
records_set(struct site *s, struct value *f, const char *key, const char *str)
{
	/* Absent is null, never missing: a row without the figure must not
	 * let a template find the record's own (rows.c does the rest). */
	if (str != NULL)
		value_map_set(s->arena, f, key, value_strz(s->arena, str));
	else if (value_map_get(f, key) == NULL)
		value_map_set(s->arena, f, key, value_null(s->arena));
}

void
records_setb(struct site *s, struct value *f, const char *key, bool b)
{
	value_map_set(s->arena, f, key, value_bool(s->arena, b));
}

const char *
records_figure(struct site *s, const struct value *v, const char *lang,
    const char *unit)
{
	struct decimal d;

	return decimal_of_value(v, &d) ? decimal_figure(s->arena, d,
	    site_fmt(s, lang), unit) : NULL;
}

const char *
records_date_text(struct site *s, const struct value *v, const char *lang)
{
	struct buf b = {0};
	char *r;

	if (records_date_of(v) == NULL)
		return NULL;
	fmt_date(&b, v->text, site_fmt(s, lang));
	r = buf_keep(&b, s->arena);
	buf_release(&b);
	return r;
}

const char *
records_decision_text(struct site *s, const struct value *dec, const char *lang)
{
	const char *num = value_map_str(dec, "number");
	const char *day = records_date_text(s, value_map_get(dec, "date"),
	    lang);

	const char *no = records_value_text(s, lang, "decision", "number");

	if (num == NULL)
		return NULL;
	if (day == NULL)
		return arena_printf(s->arena, "%s %s", no, num);
	return arena_printf(s->arena, "%s %s %s %s", no, num,
	    records_value_text(s, lang, "decision", "dated"), day);
}

/* A frame's own copy of a list of maps, so that rows can get texts. */
struct value *
records_copy_rows(struct site *s, struct value *f, const char *key)
{
	const struct value *l = value_map_get(f, key);
	struct value *r, *m;
	size_t i, k;

	if (l == NULL || l->type != VALUE_LIST)
		return NULL;
	r = value_list(s->arena);
	r->pos = l->pos;
	for (i = 0; i < l->n; i++) {
		const struct value *e = l->items[i];

		if (e->type != VALUE_MAP) {
			value_list_push(s->arena, r, l->items[i]);
			continue;
		}
		m = value_map(s->arena);
		m->pos = e->pos;
		for (k = 0; k < e->n; k++)
			value_map_append(s->arena, m, e->pairs[k].key,
			    strlen(e->pairs[k].key),
			    value_pair_pos(&e->pairs[k]), e->pairs[k].val);
		value_list_push(s->arena, r, m);
	}
	value_map_set(s->arena, f, key, r);
	return r;
}

/* Adds key (a figure of field in each row) to every row of list key. */
void
records_row_figures(struct site *s, struct value *f, const char *list,
    const char *field, const char *key, const char *unit, const char *lang)
{
	struct value *l = records_copy_rows(s, f, list);
	size_t i;

	for (i = 0; l != NULL && i < l->n; i++)
		if (l->items[i]->type == VALUE_MAP)
			records_set(s, l->items[i], key, records_figure(s,
			    value_map_get( l->items[i], field), lang, unit));
}

const char *
records_money_text(struct site *s, const struct value *m, const char *lang)
{
	const char *u = value_map_str(m, "unit"), *t, *usd;

	if (u == NULL)
		return NULL;
	t = records_figure(s, value_map_get(m, "amount"), lang,
	    arena_printf(s->arena, " %s",
	        records_value_text(s, lang, "money_unit", u)));
	/* Readers in other languages also see dollars, when the site
	 * gives a rate (fx.h). */
	if (t != NULL && (usd = fx_usd_text(s, m, lang)) != NULL)
		t = arena_printf(s->arena, "%s %s", t, usd);
	return t;
}
