/*
 * The organization kind: the board's functions, units, leaders and
 * contacts (Luật Tiếp cận thông tin 2016 Điều 17 k1 k, m; Điều 19 k1 đ;
 * NĐ 224/2026 Điều 9 k1 b).  Validate: units form a tree, official
 * contacts only.  Model: the organisation chart as nested rows.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "kind.h"
#include "records.h"
#include "schema.h"
#include "site.h"
#include "utf8.h"
#include "value.h"
#include "words.h"

/*
 * A personal number is a Vietnamese mobile number: ten digits starting
 * 03, 05, 07, 08 or 09 (the same after +84 or 84, without the 0).  Fixed
 * lines (02x...) and hotlines (1800..., 1900...) are official.  This is
 * the portal's rule for "personal", written in content/README.md, not a
 * text of law.
 */
static bool
mobile(const char *p, size_t n)
{
	char d[20];
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (ascii_isdigit((unsigned char)p[i])) {
			if (k == sizeof d)
				return false;
			d[k++] = p[i];
		}
	}
	if (k == 11 && d[0] == '8' && d[1] == '4')	/* 84 9x xxx xxxx */
		return strchr("35789", d[2]) != NULL;
	return k == 10 && d[0] == '0' && strchr("35789", d[1]) != NULL;
}

/* True when a and b are equal but for the case of ASCII letters. */
static bool
same_nocase(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++)
		if (ascii_tolower((unsigned char)*a) !=
		    ascii_tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

/* True when host is one of the official domains or below one of them. */
static bool
official_host(const char *host, const struct value *doms)
{
	size_t i, h = strlen(host);

	for (i = 0; doms != NULL && i < doms->n; i++) {
		const struct value *d = doms->items[i];

		if (!value_is_scalar(d) || d->len == 0 || d->len > h)
			continue;
		if (same_nocase(host + h - d->len, d->text) &&
		    (h == d->len || host[h - d->len - 1] == '.'))
			return true;
	}
	return false;
}

/*
 * The official e-mail domains: site.yaml's contact.official_domains,
 * else the domain of contact.email; an empty list when neither is given
 * (then no address is refused).  Arena memory.
 */
static struct value *
official_domains(struct site *s)
{
	const struct value *c = value_map_get(s->conf, "contact");
	const struct value *l = value_map_get(c, "official_domains");
	const char *e = value_map_str(c, "email"), *at;
	struct value *r = value_list(s->arena);
	size_t i;

	if (l != NULL && l->type == VALUE_LIST) {
		for (i = 0; i < l->n; i++)
			if (value_is_scalar(l->items[i]))
				value_list_push(s->arena, r, l->items[i]);
	} else if (e != NULL && (at = strchr(e, '@')) != NULL) {
		value_list_push(s->arena, r, value_strz(s->arena, at + 1));
	}
	return r;
}

/*
 * Where field of contact m is, in the editor's terms: m is item index
 * of list (leaders, units), or the record's field list when index is
 * SIZE_MAX.
 */
static const char *
place(struct site *s, const struct value *m, const char *list,
    size_t index, const char *field)
{
	if (index == SIZE_MAX)
		return schema_place(s->diags, NULL, 0, NULL,
		    arena_printf(s->arena, "%s.%s", list, field));
	return schema_place(s->diags, list, index, m, field);
}

/* Checks the phone and email of map m (item index of list). */
static void
check_contact(struct site *s, const struct value *m, const char *list,
    size_t index, const struct value *doms)
{
	const struct value *p = value_map_get(m, "phone");
	const struct value *e = value_map_get(m, "email");
	const char *at;

	if (p != NULL && value_is_scalar(p) && mobile(p->text, p->len))
		diag_error(s->diags, p->pos, "organization.mobile-phone",
		    place(s, m, list, index, "phone"), p->text);
	if (e != NULL && e->type == VALUE_STR && doms->n > 0 &&
	    (at = strchr(e->text, '@')) != NULL &&
	    !official_host(at + 1, doms))
		diag_error(s->diags, e->pos, "organization.private-email",
		    place(s, m, list, index, "email"), e->text,
		    doms->items[0]->text);
}

/* The index in units of the unit whose id is id, or units->n. */
static size_t
unit_index(const struct value *units, const char *id)
{
	size_t i;

	for (i = 0; i < units->n; i++)
		if (id != NULL && value_map_str(units->items[i], "id") &&
		    strcmp(value_map_str(units->items[i], "id"), id) == 0)
			return i;
	return units->n;
}

/* Units: ids unique, parents known, no unit its own ancestor. */
static void
check_units(struct site *s, const struct value *units)
{
	size_t i, j, k, top = 0;

	for (i = 0; i < units->n; i++) {
		const struct value *u = units->items[i];
		const struct value *id = value_map_get(u, "id");
		const struct value *par = value_map_get(u, "parent");

		if (id == NULL || !value_is_scalar(id))
			continue;
		j = unit_index(units, id->text);
		if (j < i)
			diag_error(s->diags, id->pos, "organization.unit-twice",
			    id->text, schema_place(s->diags, "units", j,
			    units->items[j], NULL));
		if (par == NULL || !value_is_scalar(par)) {
			top++;
			continue;
		}
		if (unit_index(units, par->text) == units->n) {
			diag_error(s->diags, par->pos,
			    "organization.unknown-unit", schema_place(s->diags,
			    "units", i, u, "parent"), par->text);
			continue;
		}
		/* Walk up at most n steps: more means a loop. */
		for (j = i, k = 0; k <= units->n; k++) {
			const char *p = value_map_str(units->items[j],
			    "parent");

			if (p == NULL || (j = unit_index(units, p)) ==
			    units->n)
				break;
			if (j == i) {
				diag_error(s->diags, par->pos,
				    "organization.parent-loop", id->text);
				break;
			}
		}
	}
	if (units->n > 0 && top == 0)
		diag_error(s->diags, units->pos, "organization.no-top");
}

static void
check_organization(struct site *s, const struct site_names *x,
    const struct item *it)
{
	const struct value *d = it->data, *units, *l;
	struct value *doms = official_domains(s);
	size_t i;

	units = value_map_get(d, "units");
	if (units != NULL && units->type == VALUE_LIST)
		check_units(s, units);
	l = value_map_get(d, "leaders");
	for (i = 0; l != NULL && l->type == VALUE_LIST && i < l->n; i++) {
		const struct value *u = value_map_get(l->items[i], "unit");

		check_contact(s, l->items[i], "leaders", i, doms);
		if (u != NULL && value_is_scalar(u) && units != NULL &&
		    units->type == VALUE_LIST &&
		    unit_index(units, u->text) == units->n)
			diag_error(s->diags, u->pos,
			    "organization.unknown-unit", schema_place(s->diags,
			    "leaders", i, l->items[i], "unit"), u->text);
	}
	for (i = 0; units != NULL && units->type == VALUE_LIST &&
	    i < units->n; i++)
		check_contact(s, units->items[i], "units", i, doms);
	check_contact(s, value_map_get(d, "contact"), "contact", SIZE_MAX,
	    doms);
	check_contact(s, value_map_get(d, "information_contact"),
	    "information_contact", SIZE_MAX, doms);
}

/* The chart row of units[i] with its children, depth-first. */
static struct value *
chart_row(struct site *s, const struct value *units, size_t i,
    unsigned depth)
{
	const struct value *u = units->items[i];
	const char *id = value_map_str(u, "id");
	struct value *m = value_map(s->arena), *kids = value_list(s->arena);
	static const char *const keys[] = {"id", "name", "duties", "phone",
	    "email"};
	size_t j, k;

	for (k = 0; k < sizeof keys / sizeof *keys; k++)
		records_set(s, m, keys[k], value_map_str(u, keys[k]));
	for (j = 0; depth < 32 && j < units->n; j++) {
		const char *p = value_map_str(units->items[j], "parent");

		if (p != NULL && id != NULL && strcmp(p, id) == 0 && j != i)
			value_list_push(s->arena, kids, chart_row(s, units, j,
			    depth + 1));
	}
	value_map_set(s->arena, m, "children", kids);
	records_setb(s, m, "has_children", kids->n > 0);
	return m;
}

static void
frame_organization(struct site *s, const struct site_names *x,
    struct item *it)
{
	const struct value *units = value_map_get(it->data, "units");
	struct value *chart = value_list(s->arena), *l;
	size_t i;

	for (i = 0; units != NULL && units->type == VALUE_LIST &&
	    i < units->n; i++) {
		const char *p = value_map_str(units->items[i], "parent");

		if (p == NULL || unit_index(units, p) == units->n)
			value_list_push(s->arena, chart, chart_row(s, units,
			    i, 0));
	}
	value_map_set(s->arena, it->frame, "chart", chart);
	records_setb(s, it->frame, "has_chart", chart->n > 0);
	records_set(s, it->frame, "updated_on_text", records_date_text(s,
	    value_map_get(it->data, "updated_on"), it->lang));
	l = records_copy_rows(s, it->frame, "leaders");
	for (i = 0; l != NULL && i < l->n; i++) {
		const char *u = value_map_str(l->items[i], "unit");
		size_t j = units != NULL && units->type == VALUE_LIST ?
		    unit_index(units, u) : 0;

		records_set(s, l->items[i], "unit_name", units != NULL &&
		    units->type == VALUE_LIST && j < units->n ?
		    value_map_str(units->items[j], "name") : NULL);
	}
}

const struct kind kind_organization = {
	.name = "organization",
	.check = check_organization,
	.frame = frame_organization,
};
