/*
 * The model stage's provenance part.  In: the model and the history of
 * every content file (history.c: one walk of the repository).  Out, for
 * each published record: frame keys `history` (first published, last
 * changed, revisions, amendments, authors, the history page's url) and
 * `has_uncommitted`; a history page at <record>/lich-su/ (template
 * `history`, else `list`) listing every revision newest first with its
 * field changes in the reader's terms and the paragraphs added and
 * removed; each earlier revision as it was, at <record>/lich-su/<id>/;
 * the change log at /thay-doi/ (template `changes`, else `list`) with an
 * Atom feed of all changes and one per collection.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "atom.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "fmt.h"
#include "frontmatter.h"
#include "history.h"
#include "item_body.h"
#include "kind.h"
#include "provenance.h"
#include "segments.h"
#include "site.h"
#include "site_frames.h"
#include "site_lists.h"
#include "site_names.h"
#include "theme.h"
#include "utf8.h"
#include "value.h"
#include "words.h"

/* Entries on the change log page: the feeds hold as many, and each
 * record's own history page all of its; more would pass the page
 * weight the theme keeps to (50 KB with its stylesheet). */
#define CHANGELOG_MAX 50
#define FEED_MAX 50		/* entries in a feed */

struct change {
	struct item *it;
	const struct revision *rev;
	size_t index;		/* 0 = the revision that added the file */
	struct value *entry;	/* its frame on the change log */
};

struct prov {
	struct site *s;
	const struct theme *th;
	struct history *h;
	struct diags *scratch;	/* old revisions' own problems */
	struct change *ch;
	size_t nch, capch;
	const struct site_names *x;	/* for the kinds' revision frames */
};

static struct value *
str(struct site *s, const char *t)
{
	return value_str_borrow(s->arena, t, strlen(t));
}

static const char *
date_text(struct site *s, const char *iso, const char *lang)
{
	struct buf b = {0};
	char *r;

	fmt_date(&b, iso, site_fmt(s, lang));
	r = buf_keep(&b, s->arena);
	buf_release(&b);
	return r;
}

/* A UI string of the theme in the page's language, or dflt. */
static const char *
ui(struct site *s, int lang, const char *key, const char *dflt)
{
	const char *v = value_map_str(value_map_get(s->globals[lang], "t"),
	    key);

	return v != NULL ? v : dflt;
}

static const char *
seg_history(const struct site *s, int lang)
{
	return site_segment(s, lang, "history");
}

static const char *
seg_changes(const struct site *s, int lang)
{
	return site_segment(s, lang, "changes");
}

/* Site-relative URL → output path of its index.html. */
static const char *
out_of(struct site *s, const char *url)
{
	return arena_printf(s->arena, "%sindex.html", url + strlen(s->root));
}

/*
 * Parses one revision's bytes as the record's kind of file; *data and
 * *body are NULL/"" when it cannot be read (its problems go to the
 * scratch list: they were the build's problems back then, not now).
 */
static void
parse_rev(struct prov *p, const struct item *it, const struct revision *r,
    struct value **data, const char **body, size_t *bodylen)
{
	struct site *s = p->s;
	struct buf b = {0};
	struct frontmatter fm;
	char *text;
	size_t len;

	*data = NULL;
	*body = "";
	*bodylen = 0;
	if (history_read(p->h, r, &b) == -1)
		goto out;
	len = b.len;
	text = buf_keep(&b, s->arena);
	if (!utf8_validate(text, len, &(unsigned){0}, &(unsigned){0},
	    &(const char *){NULL}))
		goto out;
	if (!it->markdown) {
		if (value_parse_yaml(s->arena, p->scratch, r->path, text, len,
		    1, data) == -1)
			*data = NULL;
		goto out;
	}
	if (frontmatter_split(p->scratch, r->path, text, len, &fm) == -1)
		goto out;
	if (fm.present && value_parse_yaml(s->arena, p->scratch, r->path,
	    fm.yaml, fm.yaml_len, fm.yaml_line, data) == -1)
		*data = NULL;
	*body = fm.body;
	*bodylen = fm.body_len;
out:
	if (*data != NULL && (*data)->type != VALUE_MAP)
		*data = NULL;
	buf_release(&b);
}

/* True if s[0..n) is a plain decimal as data files write figures. */
static bool
numeric(const char *t)
{
	size_t i = (t[0] == '-');

	if (!ascii_isdigit(t[i]))
		return false;
	for (; t[i]; i++)
		if (!ascii_isdigit(t[i]) && t[i] != '.')
			return false;
	return true;
}

/* A changed value as readers see it: figures with their separators,
 * codes (open, du_toan) by the theme's words for them. */
static const char *
show_value(struct site *s, int lang, const char *v, const char *key)
{
	const struct value *labels = value_path(s->globals[lang],
	    "t.value_labels");
	const struct fmt_style *st = site_fmt(s, s->langs[lang]);
	const char *w;
	struct buf b = {0};
	char *r;

	if (v == NULL || *v == '\0')
		return "—";
	if ((w = value_map_str(labels, v)) != NULL)
		return w;
	if (!numeric(v) || !fmt_decimal(&b, v, st)) {
		buf_release(&b);
		return v;
	}
	/* Shares are read with their sign: 84,17% rather than 84,17. */
	if (key != NULL && (strcmp(key, "percent") == 0 ||
	    strcmp(key, "share") == 0 || strcmp(key, "ty_le") == 0))
		buf_adds(&b, st->percent);
	r = buf_keep(&b, s->arena);
	buf_release(&b);
	return r;
}

/*
 * The label of a change in the reader's terms: every field name of the
 * diff's label replaced by the theme's name for that field ("unit ›
 * chapter" → "Đơn vị › Chương"; "Chi quản lý hành chính › du_toan" →
 * "Chi quản lý hành chính › dự toán").  Parts that are not field names
 * (a budget line's label) stay as they are.
 */
static const char *
show_label(struct site *s, int lang, const struct value *c)
{
	static const char sep[] = " \xe2\x80\xba ";	/* " › " */
	const struct value *labels = value_path(s->globals[lang],
	    "t.field_labels");
	const char *label = value_map_str(c, "label"), *p, *e, *r;
	struct buf b = {0};

	if (label == NULL || label[0] == '\0')
		return "";
	for (p = label;; p = e + sizeof sep - 1) {
		const struct value *name;

		e = strstr(p, sep);
		name = value_map_getn(labels, p, e ? (size_t)(e - p) :
		    strlen(p));
		if (name != NULL && name->type == VALUE_STR)
			buf_add(&b, name->text, name->len);
		else
			buf_add(&b, p, e ? (size_t)(e - p) : strlen(p));
		if (e == NULL)
			break;
		buf_adds(&b, sep);
	}
	r = buf_keep(&b, s->arena);
	buf_release(&b);
	return r;
}

static struct value *
changes_of(struct prov *p, int lang, const struct value *old,
    const struct value *new_)
{
	struct site *s = p->s;
	struct value *d = history_diff_values(s->arena, old, new_);
	size_t i;

	for (i = 0; i < d->n; i++) {
		struct value *c = d->items[i];

		value_map_set(s->arena, c, "label_text", str(s,
		    show_label(s, lang, c)));
		value_map_set(s->arena, c, "old_text", str(s,
		    show_value(s, lang, value_map_str(c, "old"),
		    value_map_str(c, "key"))));
		value_map_set(s->arena, c, "new_text", str(s,
		    show_value(s, lang, value_map_str(c, "new"),
		    value_map_str(c, "key"))));
		value_map_set(s->arena, c, "is_added", strcmp(
		    value_map_str(c, "kind"), "added") == 0 ? s->yes : s->no);
		value_map_set(s->arena, c, "is_removed", strcmp(
		    value_map_str(c, "kind"), "removed") == 0 ? s->yes :
		    s->no);
	}
	return d;
}

static void
add_change(struct prov *p, struct item *it, const struct revision *r,
    size_t index, struct value *entry)
{
	p->ch = arena_grow(p->s->arena, p->ch, p->nch, &p->capch,
	    sizeof *p->ch);
	p->ch[p->nch].it = it;
	p->ch[p->nch].rev = r;
	p->ch[p->nch].index = index;
	p->ch[p->nch].entry = entry;
	p->nch++;
}

/* An earlier revision as it was published, at its own stable URL. */
static const char *
old_page(struct prov *p, struct item *it, const struct revision *r,
    const char *hist_url, struct value *data, const char *body,
    size_t bodylen)
{
	struct site *s = p->s;
	struct item *old = arena_alloc(s->arena, sizeof *old);
	struct value *rv;
	struct page *pg;

	*old = *it;
	old->data = data;
	old->body = body;
	old->body_len = bodylen;
	old->body_pos.path = r->path;
	old->url = arena_printf(s->arena, "%s%s/", hist_url, r->short_id);
	old->out = out_of(s, old->url);
	site_item_frame(s, old);
	/* The figures the kind computes, as they were then. */
	kinds_frame(s, p->x, old);
	rv = value_map(s->arena);
	value_map_set(s->arena, rv, "date_text", str(s, date_text(s, r->date,
	    it->lang)));
	value_map_set(s->arena, rv, "datetime", str(s, r->datetime));
	value_map_set(s->arena, rv, "short_id", str(s, r->short_id));
	value_map_set(s->arena, rv, "message", str(s, r->message));
	value_map_set(s->arena, rv, "author", str(s, r->author));
	value_map_set(s->arena, old->frame, "revision", rv);
	value_map_set(s->arena, old->frame, "is_old_revision", s->yes);
	value_map_set(s->arena, old->frame, "current_url", str(s, it->url));
	value_map_set(s->arena, old->frame, "history_url", str(s, hist_url));
	/* An old revision is not a page to index or to list. */
	value_map_set(s->arena, old->frame, "noindex", s->yes);
	pg = site_add_frame_page(s, old->out, it->path, site_template(s,
	    p->th, it->coll->kind, "single"), it->lang_index, old->frame);
	pg->item = old;
	return old->url;
}

static void
record(struct prov *p, struct item *it)
{
	struct site *s = p->s;
	const struct file_history *fh = history_file(p->h, it->path);
	int lang = it->lang_index;
	struct value *info, *revs, *authors, *f;
	const char *hist_url, *title;
	struct value *prev = NULL, *data;
	const char *prev_body = "", *body;
	size_t prev_len = 0, len, i, k;
	struct buf tip = {0};

	if (history_dirty(p->h, it->path))
		value_map_set(s->arena, it->frame, "has_uncommitted", s->yes);
	if (fh == NULL)
		return;		/* not committed yet */
	hist_url = arena_printf(s->arena, "%s%s/", it->url,
	    seg_history(s, lang));
	info = value_map(s->arena);
	value_map_set(s->arena, info, "url", str(s, hist_url));
	value_map_set(s->arena, info, "first_published_iso",
	    str(s, fh->revs[0].date));
	value_map_set(s->arena, info, "first_published_text",
	    str(s, date_text(s, fh->revs[0].date, it->lang)));
	value_map_set(s->arena, info, "last_changed_iso",
	    str(s, fh->revs[fh->n - 1].date));
	value_map_set(s->arena, info, "last_changed_text",
	    str(s, date_text(s, fh->revs[fh->n - 1].date, it->lang)));
	value_map_set(s->arena, info, "revisions", value_int(s->arena,
	    (int64_t)fh->n));
	value_map_set(s->arena, info, "amendments", value_int(s->arena,
	    (int64_t)fh->n - 1));
	value_map_set(s->arena, info, "is_amended", fh->n > 1 ? s->yes :
	    s->no);
	authors = value_list(s->arena);
	for (i = 0; i < fh->n; i++) {
		for (k = 0; k < i; k++)
			if (strcmp(fh->revs[k].author, fh->revs[i].author) == 0)
				break;
		if (k == i && fh->revs[i].author[0])
			value_list_push(s->arena, authors,
			    str(s, fh->revs[i].author));
	}
	value_map_set(s->arena, info, "authors", authors);
	value_map_set(s->arena, it->frame, "history", info);
	value_map_set(s->arena, it->frame, "is_amended", fh->n > 1 ? s->yes :
	    s->no);

	/* Oldest first, so that each revision is compared with the last. */
	revs = value_list(s->arena);
	value_reserve(s->arena, revs, fh->n);
	for (i = 0; i < fh->n; i++) {
		const struct revision *r = &fh->revs[i];
		struct value *e = value_map(s->arena), *ch, *txt;
		const char *url;

		if (i + 1 < fh->n) {
			parse_rev(p, it, r, &data, &body, &len);
		} else {
			/* The tip: what this build publishes (its body read
			 * again when not kept, CONTENT_REREAD). */
			data = it->data;
			body = "";
			len = 0;
			if (i > 0 && it->markdown &&
			    item_body(s, it, &tip, &body) == 0)
				len = it->body_len;
		}
		value_map_set(s->arena, e, "date_text", str(s,
		    date_text(s, r->date, it->lang)));
		value_map_set(s->arena, e, "date_iso", str(s, r->date));
		value_map_set(s->arena, e, "datetime", str(s, r->datetime));
		value_map_set(s->arena, e, "author", str(s, r->author));
		value_map_set(s->arena, e, "message", str(s, r->message));
		value_map_set(s->arena, e, "short_id", str(s, r->short_id));
		value_map_set(s->arena, e, "commit", str(s, r->commit));
		value_map_set(s->arena, e, "is_first", i == 0 ? s->yes : s->no);
		value_map_set(s->arena, e, "is_current", i + 1 == fh->n ?
		    s->yes : s->no);
		if (i > 0 && (data != NULL || prev != NULL)) {
			ch = changes_of(p, lang, prev, data);
			value_map_set(s->arena, e, "changes", ch);
			value_map_set(s->arena, e, "has_changes", ch->n ?
			    s->yes : s->no);
		}
		if (i > 0 && it->markdown) {
			txt = history_diff_text(s->arena, prev_body, prev_len,
			    body, len);
			value_map_set(s->arena, e, "text_changes", txt);
			value_map_set(s->arena, e, "has_text_changes", txt->n ?
			    s->yes : s->no);
		}
		if (i + 1 < fh->n && data != NULL)
			url = old_page(p, it, r, hist_url, data, body, len);
		else
			url = i + 1 == fh->n ? it->url : NULL;
		if (url != NULL)
			value_map_set(s->arena, e, "url", str(s, url));
		/* For the list template's sake, a title and a summary too. */
		value_map_set(s->arena, e, "title", str(s, arena_printf(
		    s->arena, "%s — %s", date_text(s, r->date, it->lang),
		    r->author[0] ? r->author : r->short_id)));
		value_map_set(s->arena, e, "summary", str(s, r->message));
		value_list_push(s->arena, revs, e);
		add_change(p, it, r, i, e);
		prev = data;
		prev_body = body;
		prev_len = len;
	}
	buf_release(&tip);
	/* Pages show the newest first. */
	for (i = 0; i < revs->n / 2; i++) {
		struct value *t = revs->items[i];

		revs->items[i] = revs->items[revs->n - 1 - i];
		revs->items[revs->n - 1 - i] = t;
	}
	title = value_map_str(it->frame, "title");
	if (title == NULL)
		title = value_map_str(it->frame, "name");
	f = value_map(s->arena);
	value_map_set(s->arena, f, "title", str(s, arena_printf(s->arena,
	    "%s: %s", ui(s, lang, "history_title", "History"),
	    title ? title : it->slug)));
	value_map_set(s->arena, f, "url", str(s, hist_url));
	value_map_set(s->arena, f, "is_history", s->yes);
	value_map_set(s->arena, f, "record", it->frame);
	value_map_set(s->arena, f, "revisions", revs);
	value_map_set(s->arena, f, "pages", revs);
	value_map_set(s->arena, f, "count", value_int(s->arena,
	    (int64_t)fh->n));
	value_map_set(s->arena, f, "noindex", s->yes);
	{
		struct value *bc = value_list(s->arena);
		struct value *crumbs = value_map_get(it->frame, "breadcrumbs");
		struct value *m = value_map(s->arena);

		/* The record's own trail, the record as a link, then here. */
		for (i = 0; crumbs && i + 1 < crumbs->n; i++)
			value_list_push(s->arena, bc, crumbs->items[i]);
		value_map_set(s->arena, m, "title", str(s, title ? title :
		    it->slug));
		value_map_set(s->arena, m, "url", str(s, it->url));
		value_map_set(s->arena, m, "current", s->no);
		value_list_push(s->arena, bc, m);
		m = value_map(s->arena);
		value_map_set(s->arena, m, "title", str(s, ui(s, lang,
		    "history_title", "History")));
		value_map_set(s->arena, m, "current", s->yes);
		value_list_push(s->arena, bc, m);
		value_map_set(s->arena, f, "breadcrumbs", bc);
		value_map_set(s->arena, f, "has_breadcrumbs", s->yes);
	}
	site_add_frame_page(s, out_of(s, hist_url), it->path, site_template(s,
	    p->th, "history", "list"), lang, f);
}

static int
cmp_change(const void *pa, const void *pb)
{
	const struct change *a = pa, *b = pb;
	int c;

	/* Newest first; one commit's files in path order. */
	if (a->rev->time != b->rev->time)
		return a->rev->time > b->rev->time ? -1 : 1;
	if ((c = strcmp(a->rev->commit, b->rev->commit)) != 0)
		return c;
	return strcmp(a->it->path, b->it->path);
}

/* The entry of one change as the change log and feeds show it. */
static struct value *
log_entry(struct prov *p, const struct change *c)
{
	struct site *s = p->s;
	struct value *e = value_map(s->arena);
	const char *title = value_map_str(c->it->frame, "title");

	if (title == NULL)
		title = value_map_str(c->it->frame, "name");
	value_map_set(s->arena, e, "title", str(s, title ? title :
	    c->it->slug));
	value_map_set(s->arena, e, "url", str(s, c->it->url));
	value_map_set(s->arena, e, "history_url", value_map_get(
	    value_map_get(c->it->frame, "history"), "url"));
	value_map_set(s->arena, e, "date_text", str(s, date_text(s,
	    c->rev->date, c->it->lang)));
	value_map_set(s->arena, e, "date_iso", str(s, c->rev->date));
	value_map_set(s->arena, e, "author", str(s, c->rev->author));
	value_map_set(s->arena, e, "message", str(s, c->rev->message));
	value_map_set(s->arena, e, "summary", str(s, c->rev->message));
	value_map_set(s->arena, e, "short_id", str(s, c->rev->short_id));
	value_map_set(s->arena, e, "is_new", c->index == 0 ? s->yes : s->no);
	value_map_set(s->arena, e, "collection", value_map_get(c->it->frame,
	    "collection"));
	if (value_map_get(c->entry, "has_changes"))
		value_map_set(s->arena, e, "changes",
		    value_map_get(c->entry, "changes"));
	return e;
}

/* An Atom feed of changes (of one collection, or all when co NULL). */
static void
feed(struct prov *p, int lang, const struct collection *co,
    const char *url, const char *title)
{
	struct site *s = p->s;
	struct buf b = {0};
	struct atom_feed f = {0};
	struct page *pg;
	size_t i, n = 0;

	f.lang = s->langs[lang];
	f.title = title;
	f.self = site_absurl(s, url);
	f.updated = "1970-01-01T00:00:00" DATE_VN_ZONE;
	for (i = 0; i < p->nch; i++) {
		const struct change *c = &p->ch[i];

		if (c->it->lang_index == lang && (co == NULL || c->it->coll ==
		    co)) {
			f.updated = c->rev->datetime;	/* the newest */
			break;
		}
	}
	atom_begin(&b, &f);
	for (i = 0; i < p->nch && n < FEED_MAX; i++) {
		const struct change *c = &p->ch[i];
		struct atom_entry e = {0};
		const char *u = site_permalink(s, c->it);

		if (c->it->lang_index != lang || (co && c->it->coll != co))
			continue;
		n++;
		e.title = arena_printf(s->arena, "%s%s",
		    value_map_str(c->it->frame, "title") ?
		    value_map_str(c->it->frame, "title") : c->it->slug,
		    c->index == 0 ? " (+)" : " (±)");
		e.id = arena_printf(s->arena, "%s#%s", u, c->rev->commit);
		e.link = u;
		e.updated = c->rev->datetime;
		e.author = c->rev->author[0] ? c->rev->author : "—";
		e.summary = c->rev->message;
		atom_add_entry(&b, &e);
	}
	atom_end(&b);
	pg = site_add_page(s, arena_printf(s->arena, "%s", url +
	    strlen(s->root)), "content");
	pg->len = b.len;
	pg->data = buf_keep(&b, s->arena);
	buf_release(&b);
}

static void
changelog(struct prov *p, int lang)
{
	struct site *s = p->s;
	const char *url = arena_printf(s->arena, "%s%s%s/", s->root,
	    lang ? arena_printf(s->arena, "%s/", s->langs[lang]) : "",
	    seg_changes(s, lang));
	const char *title = ui(s, lang, "changes_title", "Changes");
	struct value *f = value_map(s->arena), *l = value_list(s->arena);
	struct value *feeds = value_list(s->arena);
	size_t i;

	for (i = 0; i < p->nch && l->n < CHANGELOG_MAX; i++)
		if (p->ch[i].it->lang_index == lang)
			value_list_push(s->arena, l, log_entry(p, &p->ch[i]));
	value_map_set(s->arena, f, "title", str(s, title));
	value_map_set(s->arena, f, "url", str(s, url));
	value_map_set(s->arena, f, "is_changelog", s->yes);
	value_map_set(s->arena, f, "changes", l);
	value_map_set(s->arena, f, "pages", l);
	value_map_set(s->arena, f, "count", value_int(s->arena,
	    (int64_t)l->n));
	value_map_set(s->arena, f, "feed_url", str(s, arena_printf(s->arena,
	    "%satom.xml", url)));
	feed(p, lang, NULL, arena_printf(s->arena, "%satom.xml", url),
	    arena_printf(s->arena, "%s — %s", title, value_map_str(
	    value_map_get(s->globals[lang], "site"), "title")));
	for (i = 0; i < s->ncolls; i++) {
		const struct collection *co = &s->colls[i];
		const char *ctitle = value_path(co->frame_coll[lang] ?
		    co->frame_coll[lang] : value_map(s->arena), "title") ?
		    value_map_str(co->frame_coll[lang], "title") : co->name;
		const char *furl = arena_printf(s->arena, "%s%s/atom.xml",
		    url, co->name);
		struct value *e = value_map(s->arena);

		feed(p, lang, co, furl, arena_printf(s->arena, "%s — %s",
		    title, ctitle));
		value_map_set(s->arena, e, "title", str(s, ctitle));
		value_map_set(s->arena, e, "url", str(s, furl));
		value_list_push(s->arena, feeds, e);
	}
	value_map_set(s->arena, f, "feeds", feeds);
	{
		struct value *bc = value_list(s->arena), *m;

		m = value_map(s->arena);
		value_map_set(s->arena, m, "title", value_map_get(
		    value_map_get(s->globals[lang], "site"), "title"));
		value_map_set(s->arena, m, "url", value_map_get(
		    value_map_get(s->globals[lang], "site"), "url"));
		value_map_set(s->arena, m, "current", s->no);
		value_list_push(s->arena, bc, m);
		m = value_map(s->arena);
		value_map_set(s->arena, m, "title", str(s, title));
		value_map_set(s->arena, m, "current", s->yes);
		value_list_push(s->arena, bc, m);
		value_map_set(s->arena, f, "breadcrumbs", bc);
		value_map_set(s->arena, f, "has_breadcrumbs", s->yes);
	}
	site_add_frame_page(s, out_of(s, url), "content", site_template(s,
	    p->th, "changes", "list"), lang, f);
}

void
provenance_model(struct site *s, const struct theme *th, struct history *h)
{
	struct prov p = {s, th, h, diags_new(s->arena), NULL, 0, 0,
	    site_names(s)};
	size_t i, j, npub = 0;
	int lang;

	for (i = 0; i < s->ncolls; i++) {
		struct collection *co = &s->colls[i];

		/* Only the published records: ones the model gave a page. */
		for (j = 0; j < co->n; j++) {
			if (co->items[j]->url == NULL || co->items[j]->draft ||
			    co->items[j]->frame == NULL)
				continue;
			record(&p, co->items[j]);
			npub++;
		}
	}
	if (p.nch > 1)
		qsort(p.ch, p.nch, sizeof *p.ch, cmp_change);
	for (lang = 0; lang < (int)s->nlangs; lang++)
		if (lang == 0 || npub > 0)
			changelog(&p, lang);
	for (lang = 0; lang < (int)s->nlangs; lang++) {
		struct value *site = value_map_get(s->globals[lang], "site");
		const char *url = arena_printf(s->arena, "%s%s%s/", s->root,
		    lang ? arena_printf(s->arena, "%s/", s->langs[lang]) : "",
		    seg_changes(s, lang));

		value_map_set(s->arena, site, "changes_url", str(s, url));
		value_map_set(s->arena, site, "has_history", s->yes);
	}
}
