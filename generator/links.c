/*
 * Model stage: what joins records.  In: the site with its frames, the
 * schemas' ref fields and the name index (site_names.c).  Out:
 * `<field>_link(s)` on referring frames and `linked` collections (and
 * `linked_sections`) on their targets (links.h lists the keys).
 * Generic: it knows no kind.
 */
#include <assert.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "links.h"
#include "records.h"
#include "schema.h"
#include "site.h"
#include "site_names.h"
#include "value.h"

/* ---- cross links ---- */

/* What on_ref() needs: the site, the index and who is referring. */
struct lctx {
	struct site *s;
	struct site_names **x; /* made at the first reference */
	struct item *it;	/* the referring item */
};

/*
 * {title, url} of t; url "" for a page that is not published (never
 * absent: {{#url}} would then find the referring page's own).
 */
static struct value *
link_to(struct site *s, const struct item *t)
{
	struct value *m = value_map(s->arena);

	records_set(s, m, "title", records_title(s, t));
	records_set(s, m, "url", records_shown(t) ? t->url : "");
	return m;
}

/* The linked_rank of the collection folder a section is of. */
static size_t
section_rank(const struct site *s, const struct value *sec)
{
	const char *name = value_map_str(sec, "name");
	size_t i;

	for (i = 0; name != NULL && i < s->ncolls; i++)
		if (strcmp(s->colls[i].name, name) == 0)
			return s->colls[i].linked_rank;
	return (size_t)-1;
}

/* Puts section e into the list l at its collection's rank. */
static void
insert_section(struct site *s, struct value *l, struct value *e,
    size_t rank)
{
	size_t i;

	value_list_push(s->arena, l, e);
	for (i = l->n - 1; i > 0 && section_rank(s, l->items[i - 1]) > rank;
	    i--)
		l->items[i] = l->items[i - 1];
	l->items[i] = e;
}

/*
 * Adds ref's frame to recv's section of ref's collection: one map, both
 * linked.<collection folder> (for templates that name the folder) and
 * an entry of linked_sections, the list of sections in the theme's
 * order (theme.yaml linked_order) that one generic loop shows.
 */
static void
add_linked(struct site *s, struct item *recv, struct item *ref)
{
	struct value *linked, *e, *items, *secs;
	struct collection *co = ref->coll;
	int lang;

	if (!records_shown(recv) || ref->frame == NULL || recv == ref)
		return;
	lang = recv->lang_index;
	linked = value_map_get(recv->frame, "linked");
	if (linked == NULL || linked->type != VALUE_MAP) {
		linked = value_map(s->arena);
		value_map_set(s->arena, recv->frame, "linked", linked);
		value_map_set(s->arena, recv->frame, "linked_sections",
		    value_list(s->arena));
		records_setb(s, recv->frame, "has_linked", true);
	}
	e = value_map_get(linked, co->name);
	if (e == NULL) {
		e = value_map(s->arena);
		records_set(s, e, "title", records_coll_title(s, co, lang));
		if (co->list)
			records_set(s, e, "url", co->list_url[lang]);
		value_map_set(s->arena, e, "items", value_list(s->arena));
		records_set(s, e, "kind", co->kind);
		records_set(s, e, "name", co->name);
		/* The id the page's anchors use (#l-calls): the folder's. */
		records_set(s, e, "id", arena_printf(s->arena, "l-%s",
		    co->name));
		if (co->linked_card != NULL)
			records_set(s, e, "card", co->linked_card);
		value_map_set(s->arena, linked, co->name, e);
		secs = value_map_get(recv->frame, "linked_sections");
		insert_section(s, secs, e, co->linked_rank);
	}
	items = value_map_get(e, "items");
	/* One item's refs come together: a repeat would be the last. */
	if (items->n > 0 && items->items[items->n - 1] == ref->frame)
		return;
	value_list_push(s->arena, items, ref->frame);
	value_map_set(s->arena, e, "count", value_int(s->arena,
	    (int64_t)items->n));
}

/* Sets a frame's link key to t, or adds t to its list of links. */
static void
set_link(struct site *s, struct value *f, const char *key, bool many,
    const struct item *t)
{
	struct value *l;

	if (f == NULL)
		return;
	if (!many) {
		value_map_set(s->arena, f, key, link_to(s, t));
		return;
	}
	l = value_map_get(f, key);
	if (l == NULL || l->type != VALUE_LIST) {
		l = value_list(s->arena);
		value_map_set(s->arena, f, key, l);
	}
	value_list_push(s->arena, l, link_to(s, t));
}

/*
 * One reference of c->it: a link on its frame to the target in its
 * language (else the main one's), and the referrer on the target's
 * page in the same language; a record that has no translation also
 * shows on the target's translated pages.
 */
static void
on_ref(void *ctx, const char *field, const char *to_kind, const struct value
    *node)
{
	struct lctx *c = ctx;
	struct site *s = c->s;
	struct item *it = c->it, *t0;
	const struct value *fv = value_path(it->data, field);
	bool many = fv != NULL && fv->type == VALUE_LIST;
	char *key;
	size_t i;

	if (*c->x == NULL)
		*c->x = site_names(s);
	t0 = site_lookup(*c->x, to_kind, node->text, node->len);
	if (t0 == NULL || t0 == it || t0 == it->tr[0])
		return;
	key = arena_printf(s->arena, "%s_link%s", field, many ? "s" : "");
	for (i = 0; key[i] != '\0'; i++)
		if (key[i] == '.')
			key[i] = '_';
	set_link(s, it->frame, key, many,
	    records_shown(t0->tr[it->lang_index]) ? t0->tr[it->lang_index] :
	                                            t0);
	/* A shadow links to the target in its own language when it can. */
	for (i = 1; i < s->nlangs; i++)
		if (it->shadow[i] != NULL)
			set_link(s, it->shadow[i]->frame, key, many,
			    records_shown(t0->tr[i]) ? t0->tr[i] : t0);
	if (!records_shown(it))
		return;
	add_linked(s, it->lang_index == 0 ? t0 : t0->tr[it->lang_index], it);
	/* Untranslated records show on the translated target's page too,
	 * as that language shows them. */
	for (i = 1; it->lang_index == 0 && i < s->nlangs; i++)
		if (!records_shown(it->tr[i]))
			add_linked(s, t0->tr[i],
			    it->shadow[i] != NULL ? it->shadow[i] : it);
}

void
links_model(struct site *s, const struct schemas *sc, struct site_names **x)
{
	struct lctx c = {s, x, NULL};
	size_t i, j;

	if (sc == NULL)
		return;
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		for (j = 0; j < co->n; j++) {
			if (co->items[j]->frame == NULL)
				continue;
			c.it = co->items[j];
			schema_each_ref(sc, co->schema, c.it->data, on_ref,
			    &c);
		}
	}
}
