/*
 * Model stage: the page of the categories of information the law requires
 * the portal to carry (site.yaml's access_info: title, basis, collection).
 * In: the model after the kinds' frames.  Out: one page per language, each
 * category linked to its collection's list, or "not yet" when the
 * collection is missing or has nothing in that language.
 */
#include <string.h>

#include "arena.h"
#include "catalogue.h"
#include "diag.h"
#include "records.h"
#include "site.h"
#include "site_lists.h"
#include "utf8.h"
#include "value.h"
#include "words.h"

#define CATALOGUE_URL "tiep-can-thong-tin/"

/* True when path is "seg/.../" with every segment a slug. */
static bool
slug_path(struct site *s, const char *path)
{
	const char *p = path, *e;

	if (*p == '\0')
		return false;
	for (; *p != '\0'; p = e + 1) {
		if ((e = strchr(p, '/')) == NULL || !utf8_is_slug(
		    arena_strndup(s->arena, p, (size_t)(e - p))))
			return false;
	}
	return true;
}

/* The collection named name (a folder of content/), or NULL. */
static struct collection *
coll_named(struct site *s, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < s->ncolls; i++)
		if (strcmp(s->colls[i].name, name) == 0)
			return &s->colls[i];
	return NULL;
}

/* True when co has a published item that lists of lang show. */
static bool
has_items(const struct site *s, const struct collection *co, int lang)
{
	size_t i;

	for (i = 0; i < co->n; i++)
		if (co->items[i]->url != NULL && !co->items[i]->draft &&
		    site_shows(s, co->items[i], lang))
			return true;
	return false;
}

/* The categories' rows for language lang (warnings only once). */
static struct value *
rows(struct site *s, const struct value *cats, int lang)
{
	const char *l = s->langs[lang], *main = s->langs[0];
	struct value *r = value_list(s->arena);
	size_t i;

	for (i = 0; i < cats->n; i++) {
		const struct value *c = cats->items[i];
		const struct value *cn = value_map_get(c, "collection");
		const char *t = value_ltext(value_map_get(c, "title"), l, main);
		struct collection *co;
		struct value *m = value_map(s->arena);

		if (t == NULL) {
			if (lang == 0)
				diag_error(s->diags, c->pos,
				    "access.category-title", diag_fmt(s->diags,
				    "%zu", i + 1));
			continue;
		}
		co = coll_named(s, value_map_str(c, "collection"));
		if (co == NULL && cn != NULL && lang == 0)
			diag_warning(s->diags, cn->pos,
			    "access.unknown-collection", diag_fmt(s->diags,
			    "%zu", i + 1), value_is_scalar(cn) ? cn->text :
			    "");
		records_set(s, m, "id", value_map_str(c, "id"));
		records_set(s, m, "title", t);
		records_set(s, m, "basis", value_ltext(value_map_get(c,
		    "basis"), l, main));
		if (co != NULL && co->list && has_items(s, co, lang)) {
			records_set(s, m, "url", co->list_url[lang]);
			records_set(s, m, "where", records_coll_title(s, co,
			    lang));
		} else {
			records_set(s, m, "url", NULL);
			records_set(s, m, "where", NULL);
		}
		records_setb(s, m, "published", value_map_get(m, "url")->type
		    == VALUE_STR);
		value_list_push(s->arena, r, m);
	}
	return r;
}

void
catalogue_model(struct site *s, const struct theme *th)
{
	const struct value *ai = value_map_get(s->conf, "access_info");
	const struct value *cats = value_map_get(ai, "categories");
	const char *path = value_map_str(ai, "url"), *main = s->langs[0];
	const struct mustache *tm;
	struct value *urls[SITE_MAX_LANGS] = {NULL};
	size_t k;
	int lang;

	if (ai == NULL)
		return;
	if (cats == NULL || cats->type != VALUE_LIST || path == NULL ||
	    !slug_path(s, path)) {
		diag_error(s->diags, ai->pos, "access.needs-url",
		    CATALOGUE_URL);
		return;
	}
	if ((tm = site_template(s, th, "catalogue", "single")) == NULL)
		return;
	for (lang = 0; lang < (int)s->nlangs; lang++)
		urls[lang] = value_strz(s->arena, arena_printf(s->arena,
		    "%s%s%s", s->root, lang ? arena_printf(s->arena, "%s/",
		    s->langs[lang]) : "", path));
	for (lang = 0; lang < (int)s->nlangs; lang++) {
		const char *l = s->langs[lang], *t;
		struct value *f = value_map(s->arena);
		struct value *tr = value_list(s->arena);
		struct value *cr = value_list(s->arena), *e;

		t = value_ltext(value_map_get(ai, "title"), l, main);
		records_set(s, f, "title", t ? t : site_word(s, l,
		    "catalogue.title"));
		records_set(s, f, "intro", value_ltext(value_map_get(ai,
		    "intro"), l, main));
		value_map_set(s->arena, f, "url", urls[lang]);
		records_set(s, f, "lang", l);
		records_setb(s, f, "is_catalogue", true);
		value_map_set(s->arena, f, "categories", rows(s, cats, lang));
		for (k = 0; k < s->nlangs; k++) {
			if ((int)k == lang)
				continue;
			e = value_map(s->arena);
			records_set(s, e, "lang", s->langs[k]);
			value_map_set(s->arena, e, "url", urls[k]);
			records_set(s, e, "title", value_ltext(value_map_get(ai,
			    "title"), s->langs[k], main));
			value_list_push(s->arena, tr, e);
		}
		value_map_set(s->arena, f, "translations", tr);
		e = value_map(s->arena);
		records_set(s, e, "title", value_ltext(value_map_get(s->conf,
		    "short_title"), l, main));
		records_set(s, e, "url", arena_printf(s->arena, "%s%s",
		    s->root, lang ? arena_printf(s->arena, "%s/", l) : ""));
		records_setb(s, e, "current", false);
		value_list_push(s->arena, cr, e);
		e = value_map(s->arena);
		records_set(s, e, "title", value_map_str(f, "title"));
		records_set(s, e, "url", NULL);
		records_setb(s, e, "current", true);
		value_list_push(s->arena, cr, e);
		value_map_set(s->arena, f, "breadcrumbs", cr);
		records_setb(s, f, "has_breadcrumbs", true);
		site_add_frame_page(s, arena_printf(s->arena, "%s%s%sindex.html",
		    lang ? l : "", lang ? "/" : "", path), "content/site.yaml",
		    tm, lang, f);
	}
}
