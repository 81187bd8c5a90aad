/*
 * The Markdown stage: one item's body (UTF-8 bytes) goes in; HTML made
 * by cmark-gfm in safe mode comes out, with an id on every heading, the
 * table of contents (h2..h6) and the plain text of the first paragraph.
 * Everything returned is copied into the caller's arena; cmark's own
 * objects never leave markdown_render().
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "hash.h"
#include "markdown.h"
#include "utf8.h"
#include "value.h"

/*
 * Safe mode is the default since cmark 0.29 (CMARK_OPT_UNSAFE appeared
 * then): raw HTML becomes "<!-- raw HTML omitted -->" and dangerous
 * link targets become "".  An older library would render raw HTML.
 */
#ifndef CMARK_OPT_UNSAFE
#error "cmark-gfm 0.29 or later is required (safe mode by default)"
#endif

/*
 * Parse and render options, chosen for a government portal:
 * - FOOTNOTES: legal citations are written as footnotes.
 * - STRIKETHROUGH_DOUBLE_TILDE: only ~~x~~ strikes through; a single
 *   '~' is common in Vietnamese figures ("~5 ha", "10~20 tỷ") and must
 *   stay text.
 * Not set: VALIDATE_UTF8 (the load stage refuses invalid UTF-8 before
 * any body gets here, and whatever cmark emits is checked and repaired
 * below: add_utf8() turns stray bytes into U+FFFD), SMART (text stays exactly as the editor wrote it, quotes in
 * decisions included), HARDBREAKS, SOURCEPOS (would change the "<hN>"
 * tags that add_ids() looks for), UNSAFE (never).
 */
#define MD_OPTIONS                                                     \
	(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES |                     \
	    CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE)
_Static_assert((MD_OPTIONS & CMARK_OPT_UNSAFE) == 0,
    "Markdown must be rendered in safe mode");
_Static_assert((MD_OPTIONS & CMARK_OPT_SOURCEPOS) == 0,
    "add_ids() expects bare <hN> tags");

static const char *const ext_names[] = {
	"table", "strikethrough", "autolink", "tagfilter", "tasklist",
};

/*
 * The only mutable file-scope state, both synchronisation objects.
 * cmark-gfm 0.29 keeps its table of special inline characters in a
 * global array: cmark_parser_finish() adds the extensions' characters
 * (such as '~') before parsing inlines and removes them afterwards
 * (github/cmark-gfm#176).  Two threads finishing at once would make one
 * of them miss strikethrough and autolinks, so the inline phase runs
 * under a lock; block parsing and HTML rendering stay parallel.  A
 * build renders in worker processes (render_procs.c), one thread each,
 * where the lock is never waited for; threads meet it only where a
 * process may not fork.
 */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t inline_lock = PTHREAD_MUTEX_INITIALIZER;
/*
 * The extensions of ext_names, looked up once by markdown_init() (under
 * init_once) rather than by name for every page; read-only after.
 */
static cmark_syntax_extension *exts[sizeof ext_names / sizeof ext_names[0]];

/*
 * Headings' slugs without utf8proc's decomposition for each heading (it
 * was most of what a heading cost).  For the Latin letters (Latin-1 to
 * Extended-B, and Latin Extended Additional, where Vietnamese is), what
 * utf8_slugify() makes of each code point alone, found once by asking
 * it (slug_init()).  Decomposing, folding case and dropping marks act
 * on each code point by itself, so a heading of these letters and ASCII
 * gets the slug utf8_slugify() would give it; a heading with any other
 * letter goes to utf8_slugify().  Written under init_once; read-only
 * after.
 */
#define SLUG_LATIN_END 0x250
#define SLUG_EXTRA 0x1E00 /* to 0x1EFF */
#define SLUG_CHARS (SLUG_LATIN_END - 0x80 + 0x100)

struct slug_char {
	char s[4]; /* what it becomes: [a-z0-9], ' ' for a '-' */
	unsigned char n;
	bool known; /* false: utf8_slugify() for the whole heading */
};

static struct slug_char slug_chars[SLUG_CHARS];

/*
 * A heading in document order, as walk() finds it; its id is given
 * once the HTML is made (name_headings()), since footnotes' ids must be
 * reserved first.
 */
struct heading {
	const char *id; /* arena; NULL until named */
	const char *slug; /* arena */
	const char *text; /* arena: its plain text, for the toc */
	size_t len;
	struct pos at; /* its line, for the toc */
	int level;
	bool infoot; /* inside a footnote: not in the toc */
};

/* One slot of the id set: key (arena) and the next suffix to try. */
struct slot {
	const char *key;
	size_t next;
};

/* Open-addressing set of ids already given out in this document. */
struct idset {
	struct slot *slots;	/* malloc scratch */
	size_t n, cap;		/* cap is 0 or a power of two */
};

/* The code point of slug_chars[i]. */
static utf8proc_int32_t
slug_cp(size_t i)
{
	return (utf8proc_int32_t)(i < SLUG_LATIN_END - 0x80 ?
	        i + 0x80 :
	        i - (SLUG_LATIN_END - 0x80) + SLUG_EXTRA);
}

/*
 * Fills slug_chars: the slug of "0" c "0" is "0" x "0", and x is what c
 * becomes: nothing, "-" (a separator) or letters and digits.  Anything
 * else ("1-2" for '½') is left unknown.
 */
static void
slug_init(void)
{
	struct arena *a = arena_new();
	size_t i, k, n;

	for (i = 0; i < SLUG_CHARS; i++) {
		unsigned char probe[8];
		const char *r, *x;
		struct slug_char *sc = &slug_chars[i];

		probe[0] = '0';
		n = 1 + (size_t)utf8proc_encode_char(slug_cp(i), probe + 1);
		probe[n++] = '0';
		r = utf8_slugify(a, (const char *)probe, n);
		n = strlen(r);
		if (n < 2 || r[0] != '0' || r[n - 1] != '0')
			continue;
		x = r + 1;
		n -= 2;
		if (n == 1 && x[0] == '-') {
			sc->s[0] = ' ';
			sc->n = 1;
			sc->known = true;
			continue;
		}
		if (n >= sizeof sc->s)
			continue;
		for (k = 0; k < n && ascii_isalnum((unsigned char)x[k]); k++)
			sc->s[k] = x[k];
		sc->n = (unsigned char)n;
		sc->known = k == n;
	}
	arena_free(a);
}

static void
register_extensions(void)
{
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	for (i = 0; i < sizeof ext_names / sizeof ext_names[0]; i++)
		exts[i] = cmark_find_syntax_extension(ext_names[i]);
	slug_init();
}

/* Appends slug character c at w (as slug_bytes() in utf8.c). */
static char *
slug_put(char *w, const char *start, int c)
{
	c = ascii_tolower(c);
	if (ascii_isalnum(c))
		*w++ = (char)c;
	else if (w > start && w[-1] != '-')
		*w++ = '-';
	return w;
}

/* utf8_slugify(a, s, n) by slug_chars where it knows every letter. */
static char *
heading_slug(struct arena *a, const char *s, size_t n)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	char *r, *w;
	size_t i = 0, j, at;

	/* Each byte gives at most one and a half characters. */
	if (n > (SIZE_MAX - 1) / 2)
		xoom();
	w = r = arena_alloc(a, 2 * n + 1);
	while (i < n) {
		if (u[i] < 0x80) {
			w = slug_put(w, r, u[i++]);
			continue;
		}
		k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0)
			return utf8_slugify(a, s, n);
		if (c >= 0x80 && c < SLUG_LATIN_END)
			at = (size_t)c - 0x80;
		else if (c >= SLUG_EXTRA && c < SLUG_EXTRA + 0x100)
			at = (size_t)(c - SLUG_EXTRA) + SLUG_LATIN_END - 0x80;
		else
			return utf8_slugify(a, s, n);
		if (!slug_chars[at].known)
			return utf8_slugify(a, s, n);
		for (j = 0; j < slug_chars[at].n; j++)
			w = slug_put(w, r, slug_chars[at].s[j]);
		i += (size_t)k;
	}
	if (w > r && w[-1] == '-')
		w--;
	*w = '\0';
	return r;
}

void
markdown_init(void)
{
	/* ensure_registered() has an unguarded flag: run it exactly once. */
	pthread_once(&init_once, register_extensions);
}

static uint64_t
hash(const char *s)
{
	return hash_fnv1a(HASH_FNV1A_INIT, s, strlen(s));
}

/* Returns the slot of key: its own, or the empty one it would take. */
static struct slot *
idset_find(const struct idset *set, const char *key)
{
	size_t i = (size_t)hash(key) & (set->cap - 1);

	while (set->slots[i].key != NULL && strcmp(set->slots[i].key, key))
		i = (i + 1) & (set->cap - 1);
	return &set->slots[i];
}

/* Adds key (borrowed; must not be present); keeps the load under 1/2. */
static struct slot *
idset_add(struct idset *set, const char *key)
{
	struct slot *s;
	size_t i;

	if (2 * (set->n + 1) > set->cap) {
		struct idset big = {0};

		big.cap = set->cap ? 2 * set->cap : 64;
		big.slots = xcalloc(big.cap, sizeof *big.slots);
		for (i = 0; i < set->cap; i++) {
			if (set->slots[i].key != NULL)
				*idset_find(&big, set->slots[i].key) =
				    set->slots[i];
		}
		big.n = set->n;
		free(set->slots);
		*set = big;
	}
	s = idset_find(set, key);
	s->key = key;
	s->next = 1;
	set->n++;
	return s;
}

/*
 * Returns a unique id for slug: slug itself the first time, then
 * slug-1, slug-2 ... (skipping ids that some heading already has, so
 * "a", "a", "a-1" give a, a-1, a-1-1).  "section" stands in for "".
 */
static const char *
unique_id(struct arena *a, struct idset *set, const char *slug)
{
	struct slot *base;
	const char *id;
	size_t k;

	if (*slug == '\0')
		slug = "section";
	if (set->cap == 0 || idset_find(set, slug)->key == NULL)
		return idset_add(set, slug)->key;
	base = idset_find(set, slug);
	for (k = base->next;; k++) {
		id = arena_printf(a, "%s-%zu", slug, k);
		if (idset_find(set, id)->key == NULL)
			break;
	}
	/* idset_add() may move the slots: write the counter first. */
	base->next = k + 1;
	return idset_add(set, id)->key;
}

/*
 * cmark-gfm 0.29 can cut a character in two when a footnote label spans
 * lines ("[^\xff\n\xff]" rendered "[^\xef]" even with VALIDATE_UTF8).
 * Pages and feeds must be valid UTF-8, so whatever comes out of cmark is
 * checked; appends s[0..n) to out with each
 * invalid byte replaced by U+FFFD.
 */
static bool
valid_utf8(const char *s, size_t n)
{
	unsigned line, col;
	const char *why;

	return utf8_validate(s, n, &line, &col, &why);
}

static void
add_utf8(struct buf *out, const char *s, size_t n)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t i = 0;

	while (i < n) {
		k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &c);
		if (k > 0 && c != 0) {
			buf_add(out, s + i, (size_t)k);
			i += (size_t)k;
		} else {
			buf_adds(out, "\xef\xbf\xbd");
			i++;
		}
	}
}

/*
 * Appends s to out with every run of ASCII white space as one ' ' (none
 * at the start of out); the text between runs is added whole.
 */
static void
add_collapsed(struct buf *out, const char *s)
{
	const char *run;

	while (s != NULL && *s != '\0') {
		for (run = s; *s != '\0' && !ascii_isspace((unsigned char)*s);
		     s++)
			;
		buf_add(out, run, (size_t)(s - run));
		if (*s == '\0')
			break;
		while (ascii_isspace((unsigned char)*s))
			s++;
		if (out->len > 0 && out->data[out->len - 1] != ' ')
			buf_addc(out, ' ');
	}
}

/*
 * Appends the plain text of node's inlines: text and code spans as
 * written (entities already decoded), breaks as spaces; raw HTML and
 * footnote references, which show no text of their own, are skipped.
 * The result has no leading, trailing or doubled white space.
 */
static void
plain_text(cmark_node *node, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	buf_reset(out);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			add_collapsed(out, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			add_collapsed(out, " ");
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	if (out->len > 0 && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	if (!valid_utf8(buf_cstr(out), out->len)) {
		struct buf fixed = {0};

		add_utf8(&fixed, out->data, out->len);
		buf_release(out);
		*out = fixed;
	}
}

/* Returns the number of the "<hN>" tag at p[0..n), or 0 if none. */
static int
heading_tag(const char *p, size_t n)
{
	if (n >= 4 && p[0] == '<' && p[1] == 'h' && p[2] >= '1' &&
	    p[2] <= '6' && p[3] == '>')
		return p[2] - '0';
	return 0;
}

/* Copies id to w, HTML-escaped; returns the end. */
static char *
put_html(char *w, const char *id)
{
	for (; *id != '\0'; id++) {
		switch (*id) {
		case '&':
			memcpy(w, "&amp;", 5);
			w += 5;
			break;
		case '<':
			memcpy(w, "&lt;", 4);
			w += 4;
			break;
		case '>':
			memcpy(w, "&gt;", 4);
			w += 4;
			break;
		case '"':
			memcpy(w, "&quot;", 6);
			w += 6;
			break;
		case '\'':
			memcpy(w, "&#39;", 5);
			w += 5;
			break;
		default: *w++ = *id; break;
		}
	}
	return w;
}

/*
 * Returns html[0..len) (arena) with ` id="…"` in the i-th "<hN>" tag,
 * in a; *outlen its length.  In safe mode only heading nodes produce
 * that tag, in document order: text, code, attribute values and info
 * strings escape '<', raw HTML is omitted, and footnote definitions
 * (the only blocks cmark renders out of place) are moved to the end of
 * the tree while parsing.  Should that ever not hold, html is returned
 * without ids rather than with wrong ones (the fuzz harness checks that
 * every heading has its id); so it is without headings, and no copy.
 */
static const char *
add_ids(struct arena *a, const char *html, size_t len, const struct heading *h,
    size_t nh, size_t *outlen)
{
	const char *p = html, *q, *s, *end = html + len;
	char *r, *w;
	size_t i, room = len + 1;
	int level;

	*outlen = len;
	if (nh == 0)
		return html;
	/* Each id takes ` id=""` and at most six bytes a character. */
	for (i = 0; i < nh; i++)
		room += 6 + 6 * strlen(h[i].id);
	w = r = arena_alloc(a, room);
	/* A page has a hundred other tags: the bytes up to a heading's
	 * are copied in one piece once it is found (from p), not a tag at
	 * a time; s is where the search for the next '<' goes on. */
	for (i = 0, s = p; (q = memchr(s, '<', (size_t)(end - s))) != NULL;
	     s = q + 1) {
		if ((level = heading_tag(q, (size_t)(end - q))) == 0)
			continue;
		if (i == nh || h[i].level != level)
			return html;
		memcpy(w, p, (size_t)(q - p) + 3); /* up to "<hN" */
		w += q - p + 3;
		memcpy(w, " id=\"", 5);
		w = put_html(w + 5, h[i].id);
		*w++ = '"';
		p = q + 3;
		i++;
	}
	if (i != nh)
		return html;
	memcpy(w, p, (size_t)(end - p));
	w += end - p;
	*w = '\0';
	*outlen = (size_t)(w - r);
	return r;
}

/*
 * Adds the ids that cmark gave footnotes ("fn-1", "fnref-1", ...) to
 * the set, so that a heading never repeats one (duplicate ids break
 * links and WCAG 4.1.1).  Only footnotes carry ids in cmark's output;
 * text cannot fake one, since it escapes '"'.
 */
static void
reserve_ids(struct arena *a, struct idset *set, const char *html)
{
	const char *p = html, *q;
	char *id;

	while ((p = strstr(p, " id=\"")) != NULL) {
		p += 5;
		if ((q = strchr(p, '"')) == NULL)
			break;
		id = arena_strndup(a, p, (size_t)(q - p));
		if (set->cap == 0 || idset_find(set, id)->key == NULL)
			idset_add(set, id);
		p = q + 1;
	}
}

/* Appends {level, id, text} of h to the toc list. */
static void
toc_push(struct arena *a, struct value *toc, const struct heading *h)
{
	static const char *const digits[] = {
	    "0",
	    "1",
	    "2",
	    "3",
	    "4",
	    "5",
	    "6",
	};
	struct value *m = value_map(a), *v;

	m->pos = h->at;
	/* value_int() without its printf: a level is one digit, 1 to 6. */
	v = value_new(a, VALUE_INT, h->at);
	v->u.i = h->level;
	v->text = digits[h->level];
	v->len = 1;
	value_map_append(a, m, "level", 5, h->at, v);
	v = value_str_borrow(a, h->id, strlen(h->id)); /* arena already */
	v->pos = h->at;
	value_map_append(a, m, "id", 2, h->at, v);
	v = value_str_borrow(a, h->text, h->len); /* arena already */
	v->pos = h->at;
	value_map_append(a, m, "text", 4, h->at, v);
	value_list_push(a, toc, m);
}

/*
 * Gives every heading of hs[0..nh) a unique id, in document order,
 * after the ids of footnotes in html when doc has any, and lists
 * h2..h6 outside footnotes in toc.
 */
static void
name_headings(struct arena *a, cmark_node *doc, const char *html,
    struct heading *hs, size_t nh, struct value *toc)
{
	struct idset ids = {0};
	cmark_node *last = cmark_node_last_child(doc);
	size_t i;

	/* cmark moves footnote definitions to the end of the tree. */
	if (last != NULL &&
	    cmark_node_get_type(last) == CMARK_NODE_FOOTNOTE_DEFINITION)
		reserve_ids(a, &ids, html);
	for (i = 0; i < nh; i++) {
		hs[i].id = unique_id(a, &ids, hs[i].slug);
		if (hs[i].level >= 2 && !hs[i].infoot)
			toc_push(a, toc, &hs[i]);
	}
	free(ids.slots);
}

static void check_link(struct arena *, struct diags *, struct pos, const char *,
    size_t, cmark_node *, cmark_node_type, const struct markdown_links *);

/*
 * Walks the tree once: checks every link and image by l (when not
 * NULL), lists the headings (into *hs, malloc scratch the caller frees)
 * and, when para, keeps the first non-empty paragraph outside footnotes
 * as out->first_para.
 */
static void
walk(struct arena *a, struct diags *d, struct pos body, const char *src,
    size_t len, cmark_node *doc, const struct markdown_links *l, bool para,
    struct heading **hs, size_t *nh, struct markdown_result *out)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	struct buf text = {0};
	size_t cap = 0, infoot = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		struct heading *h;

		if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
			if (ev == CMARK_EVENT_ENTER)
				infoot++;
			else
				infoot--;
			continue;
		}
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
			if (l != NULL)
				check_link(a, d, body, src, len, n, t, l);
			continue;
		}
		if (t == CMARK_NODE_PARAGRAPH && para &&
		    *out->first_para == '\0' && infoot == 0) {
			plain_text(n, &text);
			out->first_para = buf_keep(&text, a);
			continue;
		}
		if (t != CMARK_NODE_HEADING)
			continue;
		if (*nh == cap) {
			cap = cap ? 2 * cap : 16;
			*hs = xreallocarray(*hs, cap, sizeof **hs);
		}
		h = &(*hs)[(*nh)++];
		plain_text(n, &text);
		h->id = NULL;
		h->slug = heading_slug(a, buf_cstr(&text), text.len);
		h->len = text.len;
		h->text = buf_keep(&text, a);
		h->level = cmark_node_get_heading_level(n);
		h->infoot = infoot > 0;
		h->at = body;
		if (h->at.line > 0) /* body line 1 is file line body.line */
			h->at.line +=
			    (unsigned)cmark_node_get_start_line(n) - 1;
		h->at.col = 0;
	}
	cmark_iter_free(it);
	buf_release(&text);
}

/*
 * cmark's memory comes from the calling thread's arena: a page's parse
 * tree is thousands of small allocations, and malloc/free of them cost
 * more than parsing.  cmark_mem passes no context, so the arena is
 * reached through a thread-local heap, set only for the duration of one
 * markdown_render() call.  Blocks are cut from chunks of the arena by a
 * pointer that moves on; each has its size in a header before it.
 * Freeing is a no-op; realloc grows the chunk's last block in place
 * when the chunk has room (the HTML buffer, growing while nothing else
 * is allocated), else copies into a larger block.
 */
#define MD_HEADER _Alignof(max_align_t)
#define MD_CHUNK (16 * 1024) /* well under the arena's block */

struct md_heap {
	struct arena *a;
	unsigned char *p, *end; /* what is left of the current chunk */
	unsigned char *last; /* the chunk's last block; NULL: none */
};

static _Thread_local struct md_heap md;

/* Bytes a block of sz takes after its header: sz rounded up. */
static size_t
md_room(size_t sz)
{
	if (sz > SIZE_MAX - 2 * MD_HEADER)
		xoom();
	return (sz + MD_HEADER - 1) & ~(size_t)(MD_HEADER - 1);
}

static void *
md_alloc(size_t sz)
{
	size_t room = md_room(sz);
	unsigned char *p;

	if ((size_t)(md.end - md.p) < MD_HEADER + room) {
		if (MD_HEADER + room > MD_CHUNK / 4) {
			/* A big block: its own, from the arena. */
			p = arena_alloc(md.a, MD_HEADER + room);
			memcpy(p, &room, sizeof room);
			return p + MD_HEADER;
		}
		md.p = arena_alloc(md.a, MD_CHUNK);
		md.end = md.p + MD_CHUNK;
	}
	p = md.p;
	md.p += MD_HEADER + room;
	memcpy(p, &room, sizeof room);
	md.last = p + MD_HEADER;
	return md.last;
}

static void *
md_calloc(size_t n, size_t sz)
{
	void *p;

	/* Mostly calloc(1, size): no division for those. */
	if (n > 1 && sz != 0 && n > SIZE_MAX / sz)
		xoom();
	p = md_alloc(n * sz);
	memset(p, 0, n * sz);
	return p;
}

static void *
md_realloc(void *old, size_t sz)
{
	unsigned char *o = old;
	size_t have, room;
	void *p;

	if (o == NULL)
		return md_alloc(sz);
	memcpy(&have, o - MD_HEADER, sizeof have);
	if (sz <= have)
		return old;
	room = md_room(sz);
	if (o == md.last && room <= (size_t)(md.end - o)) {
		md.p = o + room;
		memcpy(o - MD_HEADER, &room, sizeof room);
		return old;
	}
	p = md_alloc(sz);
	memcpy(p, old, have);
	return p;
}

static void
md_free(void *p)
{
	(void)p;		/* the arena goes as a whole */
}

/* True if s[0..n) holds "[^" (a footnote, where cmark cuts letters). */
static bool
has_footnote_mark(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while (p < end && (p = memchr(p, '[', (size_t)(end - p))) != NULL) {
		if (p + 1 < end && p[1] == '^')
			return true;
		p++;
	}
	return false;
}

/* The end of the line that starts at p (its '\n', or end). */
static const char *
line_end(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl != NULL ? nl : end;
}

/* Skips the blanks and block-quote markers that start a line. */
static const char *
skip_prefix(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '>'))
		p++;
	return p;
}

/*
 * The columns of a GFM delimiter row ("| --- | :-: |"), or 0 when the
 * line [p, e) is not one: only '|', '-', ':' and blanks, at least one
 * '-' and one '|' (without a '|' it is a heading underline or a rule).
 */
static size_t
delimiter_columns(const char *p, const char *e)
{
	size_t pipes = 0, dashes = 0;
	const char *q;

	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	for (q = p; q < e; q++) {
		if (*q == '|')
			pipes++;
		else if (*q == '-')
			dashes++;
		else if (*q != ':' && *q != ' ' && *q != '\t')
			return 0;
	}
	if (pipes == 0 || dashes == 0)
		return 0;
	/* "|a|b|" has three pipes and two columns, "a|b" one and two. */
	return pipes + 1 - (*p == '|') - (e[-1] == '|' && e - 1 > p);
}

/*
 * Counts the table cells of src[0..n) as cmark-gfm will make them,
 * without parsing: a delimiter row under a non-blank line starts a
 * table of that many columns, which runs to the next blank line; every
 * row, the header's included, has that many cells.  Containers are
 * skipped at the start of a line, and a line of a code block that looks
 * like a delimiter row counts too: the count can only be too high, and
 * the limit is far above any real page.  Returns -1 after a diagnostic
 * at the header line of the table that passes the limit.
 */
static int
check_tables(struct diags *d, struct pos body, const char *src, size_t n)
{
	const char *end = src + n, *p = src, *prev = NULL, *prev_start = NULL;
	unsigned line = 0, prev_line = 0;
	size_t total = 0;

	/* Every delimiter row has a '|' (delimiter_columns()). */
	if (n == 0 || memchr(src, '|', n) == NULL) /* src NULL if empty */
		return 0;
	for (; p < end; line++) {
		const char *e = line_end(p, end), *q = skip_prefix(p, e);
		size_t cols, rows = 1;
		struct pos at;

		if (prev == NULL || q == e ||
		    (cols = delimiter_columns(q, e)) == 0) {
			prev = q < e && *q != '\r' ? q : NULL;
			prev_start = p;
			prev_line = line;
			p = e < end ? e + 1 : end;
			continue;
		}
		/* The header (prev), the delimiter row, then the body rows. */
		for (p = e < end ? e + 1 : end; p < end; line++) {
			e = line_end(p, end);
			q = skip_prefix(p, e);
			if (q == e || *q == '\r')
				break;
			rows++;
			p = e < end ? e + 1 : end;
		}
		total += cols * rows;
		if (total > MARKDOWN_MAX_TABLE_CELLS) {
			at = body;
			if (at.line > 0) {
				at.line += prev_line;
				at.col = 1 + (unsigned)(prev - prev_start);
			}
			return diag_error(d, at, "markdown.table-too-large",
			    diag_fmt(d, "%zu", cols), diag_fmt(d, "%zu", rows),
			    diag_fmt(d, "%zu", cols * rows),
			    diag_fmt(d, "%d", MARKDOWN_MAX_TABLE_CELLS));
		}
		prev = NULL;
	}
	return 0;
}

/* --- links (issue 11) --------------------------------------------- */

/* True if u starts with a URL scheme ("https:", "mailto:", "tel:"). */
static bool
has_scheme(const char *u)
{
	size_t i;

	if (!ascii_isalpha((unsigned char)u[0]))
		return false;
	for (i = 1; u[i] != '\0'; i++) {
		int c = (unsigned char)u[i];

		if (c == ':')
			return true;
		if (!ascii_isalnum(c) && c != '+' && c != '-' && c != '.')
			return false;
	}
	return false;
}

static int
hexval(int c)
{
	if (ascii_isdigit(c))
		return c - '0';
	c = ascii_tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * The path of link u[0..n) below the root: dir + u for a relative one,
 * "." and ".." segments resolved, %XX decoded.  NULL if ".." climbs
 * above the root (no page of the site is there).
 */
static char *
link_path(struct arena *a, const char *dir, const char *u, size_t n)
{
	struct buf b = {0}, seg = {0};
	size_t i = 0, start;
	char *r;

	buf_adds(&b, u[0] == '/' ? "/" : dir);
	if (u[0] == '/')
		i = 1;
	while (i <= n) {
		start = i;
		while (i < n && u[i] != '/')
			i++;
		buf_reset(&seg);
		buf_add(&seg, u + start, i - start);
		if (strcmp(buf_cstr(&seg), "..") == 0) {
			if (b.len <= 1) {
				buf_release(&b);
				buf_release(&seg);
				return NULL;
			}
			buf_truncate(&b, b.len - 1); /* the last '/' */
			while (b.len > 0 && b.data[b.len - 1] != '/')
				buf_truncate(&b, b.len - 1);
		} else if (seg.len > 0 && strcmp(buf_cstr(&seg), ".") != 0) {
			buf_add(&b, seg.data, seg.len);
			if (i < n)
				buf_addc(&b, '/');
		}
		i++;
	}
	buf_release(&seg);
	/* %XX: "/files/b%C3%A1o-c%C3%A1o.pdf" names "báo-cáo.pdf". */
	r = arena_alloc(a, b.len + 1);
	for (i = 0, start = 0; i < b.len; i++) {
		int h, l;

		if (b.data[i] == '%' && i + 2 < b.len &&
		    (h = hexval((unsigned char)b.data[i + 1])) >= 0 &&
		    (l = hexval((unsigned char)b.data[i + 2])) >= 0) {
			r[start++] = (char)(h * 16 + l);
			i += 2;
		} else {
			r[start++] = b.data[i];
		}
	}
	r[start] = '\0';
	buf_release(&b);
	return r;
}

/* The file position of node n of a body that starts at body. */
static struct pos
node_pos(cmark_node *n, struct pos body, const char *src, size_t len)
{
	struct pos at = body;
	int line = cmark_node_get_start_line(n);
	int col = cmark_node_get_start_column(n);
	size_t i = 0, k;
	unsigned cp = 1;

	if (at.line == 0 || line < 1)
		return at;
	at.line += (unsigned)line - 1;
	/* cmark counts bytes; the messages count characters. */
	for (k = 1; k < (size_t)line && i < len; i++)
		if (src[i] == '\n')
			k++;
	for (k = 1; k < (size_t)col && i < len && src[i] != '\n'; k++, i++)
		if (utf8_is_lead((unsigned char)src[i]))
			cp++;
	/* body.col: the indentation of a "body: |" block, on every line. */
	at.col = body.col + cp - 1;
	if (at.col == 0)
		at.col = 1;
	return at;
}

/* Checks link or image n (of type t) by l; rewrites a root-relative one. */
static void
check_link(struct arena *a, struct diags *d, struct pos body, const char *src,
    size_t len, cmark_node *n, cmark_node_type t,
    const struct markdown_links *l)
{
	const char *u = cmark_node_get_url(n), *near;
	char *path;
	size_t pn;

	if (u == NULL || u[0] == '\0' || u[0] == '#' || u[0] == '?' ||
	    has_scheme(u) || (u[0] == '/' && u[1] == '/'))
		return;
	pn = strcspn(u, "?#");
	if ((path = link_path(a, l->dir, u, pn)) == NULL ||
	    (near = l->missing(l->ctx, a, path)) != NULL) {
		struct pos at = node_pos(n, body, src, len);

		/* Above the root: the home page is the nearest. */
		if (path == NULL || near[0] == '\0')
			near = l->root;
		diag_error(d, at,
		    t == CMARK_NODE_IMAGE ? "link.broken-image" : "link.broken",
		    u, near);
		return;
	}
	if (u[0] == '/' && strcmp(l->root, "/") != 0) {
		char *w = arena_printf(a, "%s%s", l->root, u + 1);

		cmark_node_set_url(n, w);
	}
}

/*
 * The parser, the tree and the HTML are never freed one by one: all of
 * them are in a (md_alloc()), and cmark_node_free() would walk the whole
 * tree again to no effect.  Nothing of cmark's is malloc'd outside the
 * cmark_mem it is given (a test with a counting allocator found none in
 * cmark-gfm 0.29), so nothing leaks.
 */
static int
render(struct arena *a, struct diags *d, struct pos body, const char *src,
    size_t n, bool trusted, bool para, const struct markdown_links *links,
    struct markdown_result *out)
{
	cmark_mem arena_mem = {md_calloc, md_realloc, md_free};
	cmark_parser *parser = NULL;
	cmark_node *doc = NULL;
	char *html = NULL;
	struct heading *hs = NULL;
	struct buf fixed = {0};
	const char *h;
	size_t i, nh = 0, len;
	int rc = -1, said = 0;

	out->html = "";
	out->len = 0;
	out->toc = value_list(a);
	out->first_para = "";
	markdown_init();
	if (check_tables(d, body, src, n) == -1)
		return -1;
	md.a = a;
	md.p = md.end = md.last = NULL;
	if ((parser = cmark_parser_new_with_mem(MD_OPTIONS, &arena_mem)) ==
	    NULL)
		goto out;
	for (i = 0; i < sizeof ext_names / sizeof ext_names[0]; i++) {
		if (exts[i] == NULL ||
		    !cmark_parser_attach_syntax_extension(parser, exts[i])) {
			diag_error(d, body, "markdown.extension",
			    ext_names[i]);
			said = 1;
			goto out;
		}
	}
	if (n > 0)
		cmark_parser_feed(parser, src, n);
	pthread_mutex_lock(&inline_lock);
	doc = cmark_parser_finish(parser);
	pthread_mutex_unlock(&inline_lock);
	if (doc == NULL)
		goto out;
	/* Before the HTML: links are rewritten in the tree. */
	walk(a, d, body, src, n, doc, links, para, &hs, &nh, out);
	html = cmark_render_html_with_mem(doc, MD_OPTIONS,
	    cmark_parser_get_syntax_extensions(parser), &arena_mem);
	if (html == NULL)
		goto out;
	name_headings(a, doc, html, hs, nh, out->toc);
	h = html;
	len = strlen(html);
	/*
	 * From valid input cmark makes valid output, except through
	 * footnote labels (see add_utf8()): only a body with "[^", or one
	 * that was not valid to begin with, is checked byte by byte.
	 */
	if ((!trusted || has_footnote_mark(src, n)) &&
	    !valid_utf8(h, len)) {
		add_utf8(&fixed, h, len);
		len = fixed.len;
		h = buf_keep(&fixed, a);
	}
	out->html = add_ids(a, h, len, hs, nh, &out->len);
	rc = 0;
out:
	if (rc == -1 && !said)
		diag_error(d, body, "markdown.failed");
	buf_release(&fixed);
	free(hs);
	md.a = NULL;
	md.p = md.end = md.last = NULL;
	return rc;
}

int
markdown_render(struct arena *a, struct diags *d, struct pos body,
    const char *src, size_t n, struct markdown_result *out)
{
	return render(a, d, body, src, n, false, true, NULL, out);
}

int
markdown_render_valid(struct arena *a, struct diags *d, struct pos body,
    const char *src, size_t n, struct markdown_result *out)
{
	return render(a, d, body, src, n, true, true, NULL, out);
}

/* No page shows the first paragraph: not made here. */
int
markdown_render_site(struct arena *a, struct diags *d, struct pos body,
    const char *src, size_t n, const struct markdown_links *l,
    struct markdown_result *out)
{
	return render(a, d, body, src, n, true, false, l, out);
}
