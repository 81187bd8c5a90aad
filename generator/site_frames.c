/*
 * The model stage's template contexts.  In: items with their URLs and
 * dates (site.c).  Out: each item's frame (its fields plus url, dates as
 * text, summary, collection, translations, breadcrumbs) and each
 * language's globals frame (site.yaml localized, menu, languages, UI
 * strings).  Shared pieces (a collection's crumbs) are made once.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "item_body.h"
#include "schema.h"
#include "site.h"
#include "site_frames.h"
#include "site_impl.h"
#include "theme.h"
#include "utf8.h"
#include "value.h"
#include "words.h"

static bool
is_lang_map(const struct site *s, const struct value *v)
{
	size_t i, j;

	if (v->type != VALUE_MAP || v->n == 0)
		return false;
	for (i = 0; i < v->n; i++) {
		for (j = 0; j < s->nlangs; j++)
			if (strcmp(v->pairs[i].key, s->langs[j]) == 0)
				break;
		if (j == s->nlangs)
			return false;
	}
	return true;
}

/*
 * Returns v with every {vi: …, en: …} map (a map whose keys are all site
 * languages) replaced by what value_lang() picks for lang.  Shares what
 * it can.
 */
struct value *
site_localize(struct site *s, struct value *v, int lang)
{
	struct value *r;
	size_t i;

	if (v == NULL)
		return NULL;
	if (is_lang_map(s, v))
		return value_lang(v, s->langs[lang], s->langs[0]);
	if (v->type == VALUE_LIST) {
		r = value_list(s->arena);
		r->pos = v->pos;
		for (i = 0; i < v->n; i++)
			value_list_push(s->arena, r,
			    site_localize(s, v->items[i], lang));
		return r;
	}
	if (v->type == VALUE_MAP) {
		r = value_map(s->arena);
		r->pos = v->pos;
		for (i = 0; i < v->n; i++)
			value_map_append(s->arena, r, v->pairs[i].key,
			    strlen(v->pairs[i].key),
			    value_pair_pos(&v->pairs[i]),
			    site_localize(s, v->pairs[i].val, lang));
		return r;
	}
	return v;
}

const char *
site_ltext(struct site *s, struct value *v, int lang, const char *dflt)
{
	v = site_localize(s, v, lang);
	return v != NULL && value_is_scalar(v) && v->text ? v->text : dflt;
}

struct value *
site_link(struct site *s, const char *title, const char *url)
{
	struct value *m = value_map(s->arena);

	value_map_put(s->arena, m, "title", site_vstr(s, title));
	value_map_put(s->arena, m, "url", site_vstr(s, url));
	return m;
}

/* site_crumb_here() with the title as a string value. */
static void
crumb_here(struct site *s, struct value *l, struct value *title)
{
	struct value *m = value_map(s->arena);
	size_t i;

	/* title and current, and the url: null that rows.c adds (its
	 * siblings are links). */
	value_reserve(s->arena, m, 3);
	/* Say "not current" outright, or {{#current}} would look further
	 * down the context stack. */
	for (i = 0; i < l->n; i++)
		value_map_put(s->arena, l->items[i], "current", s->no);

	value_map_put(s->arena, m, "title", title);
	value_map_put(s->arena, m, "current", s->yes);
	value_list_push(s->arena, l, m);
}

/* Ends a breadcrumb trail with the page itself (no link). */
void
site_crumb_here(struct site *s, struct value *l, const char *title)
{
	crumb_here(s, l, site_vstr(s, title ? title : ""));
}

/* A plain-text excerpt of the first paragraph of Markdown source. */
const char *
site_excerpt(struct site *s, const char *md, size_t n)
{
	struct buf b = {0};
	size_t i = 0, words = 0;

	/* Skip blank lines, headings, lists' markers, tables and fences. */
	while (i < n) {
		size_t e = i;

		while (e < n && md[e] != '\n')
			e++;
		if (e > i && md[i] != '#' && md[i] != '|' && md[i] != '`' &&
		    md[i] != '>' && md[i] != '-' && md[i] != '*' &&
		    md[i] != '!' && md[i] != '<' && md[i] != ' ' &&
		    md[i] != '\r')
			break;
		i = e + 1;
	}
	for (; i < n && words < 60; i++) {
		char c = md[i];

		if (c == '\n') {
			if (i + 1 < n && (md[i + 1] == '\n' ||
			    md[i + 1] == '\r'))
				break;
			c = ' ';
		}
		/* Footnote marks, images and inline HTML say nothing here. */
		if ((c == '[' && i + 1 < n && md[i + 1] == '^') ||
		    (c == '!' && i + 1 < n && md[i + 1] == '[') || c == '<') {
			char end = c == '<' ? '>' : c == '!' ? ')' : ']';

			while (i < n && md[i] != end && md[i] != '\n')
				i++;
			continue;
		}
		if (c == '*' || c == '_' || c == '[' || c == '`' || c == '\r')
			continue;
		if (c == ']' && i + 1 < n && md[i + 1] == '(') {
			while (i < n && md[i] != ')' && md[i] != '\n')
				i++;
			continue;
		}
		if (c == ' ' && b.len && b.data[b.len - 1] == ' ')
			continue;
		if (c == ' ')
			words++;
		buf_addc(&b, c);
	}
	while (b.len && b.data[b.len - 1] == ' ')
		buf_truncate(&b, b.len - 1);
	if (words >= 60)
		buf_adds(&b, " …");
	{
		char *r = buf_keep(&b, s->arena);

		buf_release(&b);
		return r;
	}
}

const char *
site_coll_title(struct site *s, struct collection *co, int lang)
{
	return site_ltext(s, value_map_get(co->conf, "title"), lang, co->name);
}

/* {name, title, url} of a collection in one language, made once. */
static struct value *
coll_frame(struct site *s, struct collection *co, int lang)
{
	struct value *l = co->frame_coll[lang];

	if (l != NULL)
		return l;
	l = value_map(s->arena);
	value_map_put(s->arena, l, "name", site_vstr(s, co->name));
	value_map_put(s->arena, l, "title",
	    site_vstr(s, site_coll_title(s, co, lang)));
	if (co->list)
		value_map_put(s->arena, l, "url",
		    site_vstr(s, co->list_url[lang]));
	return co->frame_coll[lang] = l;
}

/* The breadcrumbs above an item of co (home, the list), made once. */
static struct value *
coll_crumbs(struct site *s, struct collection *co, int lang)
{
	struct value *l = co->crumbs[lang];

	if (l != NULL)
		return l;
	l = value_list(s->arena);
	value_list_push(s->arena, l, site_link(s, site_ltext(s, value_map_get(s->conf,
	    "short_title"), lang, site_ltext(s, value_map_get(s->conf, "title"),
	    lang, "Home")), arena_printf(s->arena, "%s%s", s->root,
	    site_lang_prefix(s, lang))));
	if (co->list)
		value_list_push(s->arena, l, site_link(s, site_coll_title(s, co, lang),
		    co->list_url[lang]));
	for (size_t i = 0; i < l->n; i++)
		value_map_put(s->arena, l->items[i], "current", s->no);
	return co->crumbs[lang] = l;
}

/* A record's title: `title`, else the `name` (zones) or `number`
 * (documents) that names it; NULL when it has none. */
static struct value *
title_value(const struct value *data)
{
	struct value *v = value_map_get(data, "title");

	if (v == NULL && value_map_str(data, "name") != NULL)
		v = value_map_get(data, "name");
	else if (v == NULL && value_map_str(data, "number") != NULL)
		v = value_map_get(data, "number");
	return v;
}

/* The key has_<key>: one copy of each for all the frames. */
static const char *
has_key(struct site *s, const char *key)
{
	size_t i;
	const char *k;

	for (i = 0; i < s->nhas_keys; i++)
		if (strcmp(s->has_keys[i] + 4, key) == 0)
			return s->has_keys[i];
	k = arena_cat(s->arena, "has_", key);
	if (s->nhas_keys < sizeof s->has_keys / sizeof *s->has_keys)
		s->has_keys[s->nhas_keys++] = k;
	return k;
}

/* A string value for str, made once and kept in *slot. */
static struct value *
shared_str(struct site *s, struct value **slot, const char *str)
{
	if (*slot == NULL)
		*slot = site_vstr(s, str);
	return *slot;
}

/* The year of date as a string value, one per year. */
static struct value *
year_value(struct site *s, const char *date)
{
	size_t i, n = sizeof s->years / sizeof *s->years;
	struct value *v;

	for (i = 0; i < s->nyears; i++)
		if (memcmp(s->years[i].year, date, 4) == 0)
			return s->years[i].v;
	v = site_vstr(s, arena_strndup(s->arena, date, 4));
	if (s->nyears < n) {
		memcpy(s->years[s->nyears].year, date, 4);
		s->years[s->nyears].year[4] = '\0';
		s->years[s->nyears++].v = v;
	}
	return v;
}

/* The date field's own value when it->date is its text (a string:
 * templates show the text either way), else a new one. */
static struct value *
iso_value(struct site *s, const struct item *it)
{
	const char *df = schema_date_field(s->schemas, it->coll->kind);
	struct value *v = df != NULL ? value_path(it->data, df) : NULL;

	if (v != NULL && v->type == VALUE_STR && v->text == it->date)
		return v;
	return site_vstr(s, it->date);
}

/* date_text, date_iso and year of an item: shared with the item before
 * it when that has the same date in the same language. */
static void
put_date(struct site *s, struct value *f, const struct item *it)
{
	struct buf b = {0};
	int lang = it->lang_index;

	if (s->last_date[lang].date == NULL ||
	    strcmp(s->last_date[lang].date, it->date) != 0) {
		fmt_date(&b, it->date, site_fmt(s, it->lang));
		s->last_date[lang].date = it->date;
		s->last_date[lang].text = site_vstr(s, buf_keep(&b, s->arena));
		s->last_date[lang].iso = iso_value(s, it);
		s->last_date[lang].year = year_value(s, it->date);
		buf_release(&b);
	}
	value_map_put(s->arena, f, "date_text", s->last_date[lang].text);
	value_map_put(s->arena, f, "date_iso", s->last_date[lang].iso);
	value_map_put(s->arena, f, "year", s->last_date[lang].year);
}

/* How many keys site_item_frame() adds to the data's, at most: it
 * sizes the frame by them. */
static size_t
computed_keys(const struct item *it)
{
	const struct value *d = it->data;
	/* url, permalink, slug, lang, content_lang, untranslated, kind,
	 * source_path, is_<kind>, collection, translations, breadcrumbs,
	 * has_breadcrumbs */
	size_t n = 13;

	if (it->coll->card != NULL)
		n += 2;
	if (it->date)
		n += 3;
	if (value_map_get(d, "title") == NULL && title_value(d) != NULL)
		n++;
	if (value_map_get(d, "illustrative") != NULL)
		n++;
	if (value_map_get(d, "preview_on") != NULL)
		n++;
	if (value_map_get(d, "summary") == NULL && it->body_len)
		n++;
	return n;
}

void
site_item_frame(struct site *s, struct item *it)
{
	struct value *f = value_map(s->arena), *l, *tv;
	struct buf b = {0};
	const char *on;
	size_t i, nkeys = 0;
	int lang = it->lang_index;

	/* The data's fields, has_ for its lists, the computed ones and
	 * the nulls of the fields it lacks (rows.c): no regrowth, and no
	 * room that stays empty in ten thousand frames. */
	for (i = 0; i < it->data->n; i++)
		if (strcmp(it->data->pairs[i].key, "body") != 0)
			nkeys += it->data->pairs[i].val->type == VALUE_LIST &&
			        it->data->pairs[i].val->n > 0 ?
			    2 :
			    1;
	value_reserve(s->arena, f,
	    nkeys + computed_keys(it) +
	        schema_nabsent(s->schemas, it->coll->schema, it->data));
	for (i = 0; i < it->data->n; i++) {
		struct value_pair *p = &it->data->pairs[i];

		if (strcmp(p->key, "body") == 0)
			continue;
		value_map_append(s->arena, f, p->key, strlen(p->key),
		    value_pair_pos(p), p->val);
	}
	/* Templates cannot count: say which lists have something in them. */
	for (i = 0; i < it->data->n; i++) {
		struct value_pair *p = &it->data->pairs[i];

		if (p->val->type == VALUE_LIST && p->val->n > 0)
			value_map_put(s->arena, f, has_key(s, p->key), s->yes);
	}
	f->pos = it->data->pos;
	/* Records named by `name` (zones) or `number` (documents) still
	 * have a title: a card in a list would show the page's instead. */
	if (value_map_get(it->data, "title") == NULL &&
	    (tv = title_value(it->data)) != NULL)
		value_map_put(s->arena, f, "title", tv);
	/* Where figures are illustrative the page must say so in words. */
	{
		struct value *il = value_map_get(it->data, "illustrative");

		if (il != NULL && il->type == VALUE_STR && il->len > 0)
			value_map_put(s->arena, f, "illustrative_text", il);
		else if (il != NULL && il->type == VALUE_BOOL && il->u.b)
			value_map_put(s->arena, f, "illustrative_text",
			    site_vstr(s,
			        site_word(s, it->lang,
			            "illustrative_figures")));
	}
	value_map_put(s->arena, f, "url", site_vstr(s, it->url));
	value_map_put(s->arena, f, "permalink",
	    site_vstr(s, site_permalink(s, it)));
	value_map_put(s->arena, f, "slug", site_vstr(s, it->slug));
	value_map_put(s->arena, f, "lang",
	    shared_str(s, &s->vlang[lang], it->lang));
	/* A shadow (site_shadows()) says otherwise: its texts are in its
	 * record's language, not the page's. */
	if (it->shadow_of != NULL)
		value_map_put(s->arena, f, "content_lang",
		    shared_str(s, &s->vlang[it->shadow_of->lang_index],
		        it->shadow_of->lang));
	else
		value_map_put(s->arena, f, "content_lang",
		    shared_str(s, &s->vlang[lang], it->lang));
	value_map_put(s->arena, f, "untranslated",
	    it->shadow_of != NULL ? s->yes : s->no);
	value_map_put(s->arena, f, "kind",
	    shared_str(s, &it->coll->vkind, it->coll->kind));
	value_map_put(s->arena, f, "source_path", site_vstr(s, it->path));
	if (it->coll->is_kind == NULL)
		it->coll->is_kind = arena_cat(s->arena, "is_", it->coll->kind);
	value_map_put(s->arena, f, it->coll->is_kind, s->yes);
	/* {{>*card}}: the kind's own card, else the theme's generic one. */
	if (it->coll->card != NULL) {
		value_map_put(s->arena, f, "card",
		    shared_str(s, &it->coll->vcard, it->coll->card));
		value_map_put(s->arena, f, "linked_card",
		    shared_str(s, &it->coll->vlinked_card,
		        it->coll->linked_card));
	}
	if (it->date)
		put_date(s, f, it);
	/* The preview's banner names a publish_on day (serve_drafts.c). */
	if ((on = value_map_str(it->data, "preview_on")) != NULL) {
		fmt_date(&b, on, site_fmt(s, it->lang));
		value_map_put(s->arena, f, "preview_on_text",
		    site_vstr(s, buf_keep(&b, s->arena)));
	}
	if (value_map_get(it->data, "summary") == NULL && it->body_len) {
		const char *body;
		struct buf mb = {0};

		/* read again when not kept (CONTENT_REREAD) */
		if (item_body(s, it, &mb, &body) == 0)
			value_map_put(s->arena, f, "summary",
			    site_vstr(s, site_excerpt(s, body, it->body_len)));
		buf_release(&mb);
	}
	value_map_put(s->arena, f, "collection", coll_frame(s, it->coll, lang));

	/* Most records have no translation: one empty list for them all
	 * (nothing adds to a frame's translations; they are replaced). */
	l = NULL;
	for (i = 0; i < s->nlangs; i++) {
		struct item *t = it->tr[i];

		if (t == NULL || t == it || t->url == NULL || t->draft)
			continue;
		if (l == NULL)
			l = value_list(s->arena);
		value_list_push(s->arena, l, value_map(s->arena));
		value_map_put(s->arena, l->items[l->n - 1], "lang",
		    site_vstr(s, t->lang));
		value_map_put(s->arena, l->items[l->n - 1], "url",
		    site_vstr(s, t->url));
		value_map_put(s->arena, l->items[l->n - 1], "title",
		    site_vstr(s,
		        site_ltext(s, title_value(t->data), (int)i, t->slug)));
	}
	if (l == NULL)
		l = s->empty_list != NULL ?
		    s->empty_list :
		    (s->empty_list = value_list(s->arena));
	value_map_put(s->arena, f, "translations", l);

	l = value_list(s->arena);
	value_reserve(s->arena, l, 3);
	for (i = 0; i < coll_crumbs(s, it->coll, lang)->n; i++)
		value_list_push(s->arena, l,
		    coll_crumbs(s, it->coll, lang)->items[i]);
	/* The frame's title: a zone's is its name.  A string is the
	 * crumb's as it is (templates show its text either way). */
	tv = value_map_get(f, "title");
	if (tv != NULL && tv->type == VALUE_STR)
		crumb_here(s, l, tv);
	else
		site_crumb_here(s, l, value_map_str(f, "title"));
	value_map_put(s->arena, f, "breadcrumbs", l);
	value_map_put(s->arena, f, "has_breadcrumbs", s->yes);
	buf_release(&b);
	it->frame = f;
}

/* True when lang's pages have nothing of it but it: no published
 * translation. */
static bool
untranslated(const struct item *it, int lang)
{
	const struct item *t = it->tr[lang];

	return t == NULL || t == it || t->url == NULL || t->draft;
}

void
site_shadows(struct site *s)
{
	size_t i, j;
	int lang;

	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n; j++) {
			struct item *it = s->colls[i].items[j];

			if (it->lang_index != 0 || it->url == NULL ||
			    it->frame == NULL)
				continue;
			for (lang = 1; lang < (int)s->nlangs; lang++) {
				struct item *sh;

				if (!untranslated(it, lang))
					continue;
				sh = arena_alloc(s->arena, sizeof *sh);
				*sh = *it;
				sh->lang = s->langs[lang];
				sh->lang_index = lang;
				sh->out = NULL;
				sh->frame = NULL;
				sh->btab = NULL;
				sh->shadow_of = it;
				memset(sh->shadow, 0, sizeof sh->shadow);
				site_item_frame(s, sh);
				it->shadow[lang] = sh;
			}
		}
}

struct value *
site_frame_in(const struct item *it, int lang)
{
	if (lang >= 0 && lang < SITE_MAX_LANGS && it->shadow[lang] != NULL &&
	    it->shadow[lang]->frame != NULL)
		return it->shadow[lang]->frame;
	return it->frame;
}

void
site_shadows_complete(struct site *s)
{
	size_t i, j, k;
	int lang;

	for (i = 0; i < s->ncolls; i++)
		for (j = 0; j < s->colls[i].n; j++) {
			struct item *it = s->colls[i].items[j];

			for (lang = 1; lang < (int)s->nlangs; lang++) {
				struct value *f;

				if (it->shadow[lang] == NULL ||
				    it->frame == NULL)
					continue;
				f = it->shadow[lang]->frame;
				for (k = 0; k < it->frame->n; k++) {
					struct value_pair *p =
					    &it->frame->pairs[k];

					if (value_map_get(f, p->key) == NULL)
						value_map_append(s->arena, f,
						    p->key, strlen(p->key),
						    value_pair_pos(p), p->val);
				}
			}
		}
}

/* The line of site.yaml that names language lang (its `languages:`
 * entry), or the file's first line. */
static struct pos
lang_asked(const struct site *s, int lang)
{
	const struct value *l = value_map_get(s->conf, "languages");

	if (l != NULL && l->type == VALUE_LIST && (size_t)lang < l->n)
		return l->items[lang]->pos;
	return s->conf != NULL ? pos_file(s->conf->pos.path) :
	    pos_file(NULL);
}

/* The per-language frame that every page of that language sees. */
struct value *
site_globals(struct site *s, const struct theme *th, struct source *src,
    int lang)
{
	struct value *g = value_map(s->arena), *site, *v, *l;
	const char *home = arena_printf(s->arena, "%s%s", s->root,
	    site_lang_prefix(s, lang));
	size_t i;

	site = value_map(s->arena);
	for (i = 0; i < s->conf->n; i++) {
		struct value_pair *p = &s->conf->pairs[i];

		/* segments: site_segment() gives the one in force. */
		if (strcmp(p->key, "collections") == 0 ||
		    strcmp(p->key, "menu") == 0 ||
		    strcmp(p->key, "segments") == 0)
			continue;
		value_map_set(s->arena, site, p->key,
		    site_localize(s, p->val, lang));
	}
	value_map_put(s->arena, site, "url", site_vstr(s, home));
	value_map_put(s->arena, site, "root", site_vstr(s, s->root));
	value_map_put(s->arena, site, "base_url", site_vstr(s, s->base_url));
	value_map_put(s->arena, site, "lang", site_vstr(s, s->langs[lang]));
	value_map_put(s->arena, site, "build_date",
	    site_vstr(s, s->build_date));
	value_map_put(s->arena, site, "asset_version",
	    site_vstr(s, th->asset_version));
	value_map_put(s->arena, site, "generator",
	    site_vstr(s, "minhbach " MINHBACH_VERSION));
	if (s->commit) {
		value_map_put(s->arena, site, "commit",
		    site_vstr(s, s->commit));
		value_map_put(s->arena, site, "commit_short",
		    site_vstr(s, arena_strndup(s->arena, s->commit, 12)));
	}
	if (s->dirty)
		value_map_put(s->arena, site, "uncommitted", s->yes);
	if (s->nlangs > 1) {
		l = value_list(s->arena);
		for (i = 0; i < s->nlangs; i++) {
			v = value_map(s->arena);
			value_map_put(s->arena, v, "code",
			    site_vstr(s, s->langs[i]));
			value_map_put(s->arena, v, "url",
			    site_vstr(s,
			        arena_printf(s->arena, "%s%s", s->root,
			            site_lang_prefix(s, (int)i))));
			value_map_put(s->arena, v, "current",
			    (int)i == lang ? s->yes : s->no);
			value_list_push(s->arena, l, v);
		}
		value_map_put(s->arena, site, "languages", l);
		value_map_put(s->arena, site, "multilingual", s->yes);
	}
	/* Menu entries' urls are relative to the language's home. */
	l = value_list(s->arena);
	v = value_map_get(s->conf, "menu");
	for (i = 0; v && v->type == VALUE_LIST && i < v->n; i++) {
		struct value *e = v->items[i];
		/* A page whose address differs by language (the
		 * opportunities page): url: {vi: co-hoi-dau-tu/, en: …}. */
		const char *u = value_ltext(value_map_get(e, "url"),
		    s->langs[lang], s->langs[0]);

		if (e->type != VALUE_MAP || u == NULL ||
		    value_map_get(e, "title") == NULL) {
			diag_error(s->diags, e->pos, "theme.menu-entry",
			    diag_fmt(s->diags, "%zu", i + 1));
			continue;
		}
		while (*u == '/')
			u++;
		value_list_push(s->arena, l, site_link(s, site_ltext(s,
		    value_map_get(e, "title"), lang, ""),
		    arena_printf(s->arena, "%s%s", home, u)));
	}
	value_map_put(s->arena, site, "menu", l);
	l = value_map(s->arena);
	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		v = site_link(s, site_coll_title(s, co, lang), co->list ?
		    co->list_url[lang] : home);
		value_map_put(s->arena, v, "kind", site_vstr(s, co->kind));
		value_map_set(s->arena, l, co->name, v);
	}
	value_map_put(s->arena, site, "collections", l);
	value_map_put(s->arena, g, "site", site);
	value_map_put(s->arena, g, "t",
	    theme_strings(s->arena, s->diags, src, th, s->langs[lang],
	        lang_asked(s, lang)));
	value_map_put(s->arena, g, "lang", site_vstr(s, s->langs[lang]));
	return g;
}
