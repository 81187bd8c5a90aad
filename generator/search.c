/*
 * The search index (search.h).  Per language: the published records are
 * numbered in collection order; each document's title and text (the
 * Markdown body stripped to words, or a data record's strings) are
 * folded and cut into terms; a term's postings are (document number,
 * weight), a title occurrence weighing 16 body ones (two counted at
 * most, seven body ones), written as one number each.  Terms go
 * to shards by a hash, so that a query loads one small file per term;
 * the documents' url, title, kind, date and an excerpt go to chunks of
 * DOC_CHUNK, loaded only for the results shown.  meta.json says how
 * many shards and chunks there are and holds each document's kind (one
 * letter each), so that the filter by kind needs no chunk.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "records.h"
#include "search.h"
#include "segments.h"
#include "site.h"
#include "site_lists.h"
#include "theme.h"
#include "utf8.h"
#include "value.h"
#include "words.h"

#define DOC_CHUNK 10 /* documents per d<k>.json */
#define EXCERPT 320 /* bytes of text kept per document */
#define TEXT_MAX 65536 /* bytes of a document's text indexed */
#define TERM_MAX 40 /* longer "terms" are not words */
#define SHARD_BYTES 6144 /* the size a shard aims at */
#define SHARD_MAX 4096

static utf8proc_int32_t
premap(utf8proc_int32_t c, void *data)
{
	(void)data;
	return c == 0x0110 || c == 0x0111 ? 'd' : c;
}

/* The fold of one code point by utf8proc into out (7 bytes at most
 * kept); returns its length. */
static size_t
fold_cp(uint32_t cp, unsigned char out[7])
{
	utf8proc_uint8_t in[4], *dst = NULL;
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, in);
	utf8proc_ssize_t m;
	size_t len = 0;

	if (n <= 0)
		return 0;
	m = utf8proc_map_custom(in, n, &dst,
	    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, premap,
	    NULL);
	if (m > 0 && m <= 7) {
		memcpy(out, dst, (size_t)m);
		len = (size_t)m;
	}
	free(dst);
	return len;
}

/*
 * The folds of U+0000-U+1FFF (Latin, Vietnamese's precomposed letters
 * of U+1E00-U+1EFF, the combining marks), made once: utf8proc for every
 * character of every page made the index build slow.  A character folds
 * alone as in a string, since its marks are all dropped.
 */
#define FOLD_TABLE 0x2000
static struct {
	unsigned char len, s[7];
} fold_table[FOLD_TABLE];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void
fold_init(void)
{
	uint32_t cp;

	for (cp = 0; cp < FOLD_TABLE; cp++)
		fold_table[cp].len =
		    (unsigned char)fold_cp(cp, fold_table[cp].s);
}

void
search_fold(struct buf *out, const char *s, size_t n)
{
	unsigned char tmp[7];
	const unsigned char *f;
	uint32_t cp;
	size_t i = 0, k, len;

	pthread_once(&fold_once, fold_init);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		/* room for a fold (7 bytes) without a call per byte */
		if (out->len + 8 > out->cap)
			buf_grow(out, n - i + 8);
		if (c < 0x80) {
			out->data[out->len++] = (char)ascii_tolower(c);
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp, UTF8_STRICT);
		i += k;
		if (cp == UTF8_REPLACEMENT && k == 1)
			continue; /* not UTF-8: dropped */
		if (cp < FOLD_TABLE) {
			f = fold_table[cp].s;
			len = fold_table[cp].len;
		} else {
			f = tmp;
			len = fold_cp(cp, tmp);
		}
		memcpy(out->data + out->len, f, len);
		out->len += len;
	}
	if (out->data != NULL)
		out->data[out->len] = '\0';
}

static uint32_t
fnv(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

uint32_t
search_shard(const char *term, size_t len, uint32_t n)
{
	return n ? fnv(term, len) % n : 0;
}

/* A term byte: ASCII letters and digits (folded text has no capitals)
 * and any non-ASCII byte, as search.js's split. */
static int
term_byte(int c)
{
	return (c >= 'a' && c <= 'z') || ascii_isdigit(c) || c >= 0x80;
}

struct term {
	const char *s;
	size_t len;
	uint32_t hash;
	uint32_t shard; /* hash % the number of shards, once known */
	uint32_t *post; /* doc, weight, doc, weight, ... */
	size_t n, cap;
};

struct index {
	struct term *tab; /* open addressing, size a power of 2 */
	size_t size, used;
};

static struct term *
term_get(struct index *x, const char *s, size_t n)
{
	uint32_t h = fnv(s, n);
	size_t i;

	if (2 * (x->used + 1) > x->size) {
		struct term *old = x->tab;
		size_t oldsize = x->size, k;

		x->size = x->size ? 2 * x->size : 4096;
		x->tab = xcalloc(x->size, sizeof *x->tab);
		for (k = 0; k < oldsize; k++) {
			if (old[k].s == NULL)
				continue;
			for (i = old[k].hash & (x->size - 1); x->tab[i].s;
			     i = (i + 1) & (x->size - 1))
				;
			x->tab[i] = old[k];
		}
		free(old);
	}
	for (i = h & (x->size - 1); x->tab[i].s; i = (i + 1) & (x->size - 1))
		if (x->tab[i].hash == h && x->tab[i].len == n &&
		    memcmp(x->tab[i].s, s, n) == 0)
			return &x->tab[i];
	x->tab[i].s = xmalloc(n + 1); /* workers share no arena */
	memcpy((char *)x->tab[i].s, s, n);
	((char *)x->tab[i].s)[n] = '\0';
	x->tab[i].len = n;
	x->tab[i].hash = h;
	x->used++;
	return &x->tab[i];
}

/* Counts the terms of folded text f into document doc, each occurrence
 * adding w (a title's 16, a body's 1) to its weight. */
static void
add_terms(struct index *x, uint32_t doc, const char *f, size_t n, uint32_t w)
{
	size_t i = 0, j;

	while (i < n) {
		if (!term_byte((unsigned char)f[i])) {
			i++;
			continue;
		}
		for (j = i; j < n && term_byte((unsigned char)f[j]); j++)
			;
		/* One letter is no word; one digit may be (a "Phần 2"). */
		if ((j - i >= 2 || ascii_isdigit(f[i])) && j - i <= TERM_MAX) {
			struct term *t = term_get(x, f + i, j - i);

			if (t->n == 0 || t->post[t->n - 2] != doc) {
				if (t->n + 2 > t->cap) {
					t->cap = t->cap ? 2 * t->cap : 4;
					t->post = xreallocarray(t->post, t->cap,
					    sizeof *t->post);
				}
				t->post[t->n++] = doc;
				t->post[t->n++] = 0;
			}
			/* title: 16 an occurrence, two at most; body: 1,
			 * seven at most (a long text is not more relevant) */
			if (w == 16 && t->post[t->n - 1] >> 4 < 2)
				t->post[t->n - 1] += 16;
			else if (w == 1 && (t->post[t->n - 1] & 15) < 7)
				t->post[t->n - 1]++;
		}
		i = j;
	}
}

/*
 * Appends Markdown s[0..n) as plain words: HTML tags, link targets and
 * the punctuation of emphasis, headings, quotes and tables dropped,
 * white space collapsed.
 */
static void
plain_markdown(struct buf *b, const char *s, size_t n, size_t max)
{
	static const char drop[] = "#*_>|`~[]!{}\\=\t\n\r\f\v";
	bool space[256] = {false};
	size_t i;

	for (i = 0; drop[i] != '\0'; i++)
		space[(unsigned char)drop[i]] = true;
	/* the text is never longer than its source */
	buf_grow(b, n);
	for (i = 0; i < n && b->len < max; i++) {
		char c = s[i];

		if (c == '<' && i + 1 < n &&
		    (ascii_isalpha(s[i + 1]) || s[i + 1] == '/' ||
		        s[i + 1] == '!')) {
			while (i < n && s[i] != '>')
				i++;
			c = ' ';
		} else if (c == ']' && i + 1 < n && s[i + 1] == '(') {
			while (i < n && s[i] != ')')
				i++;
			c = ' ';
		} else if (space[(unsigned char)c]) {
			c = ' ';
		}
		if (c == ' ' && (b->len == 0 || b->data[b->len - 1] == ' '))
			continue;
		b->data[b->len++] = c;
	}
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

/* Appends the strings of a data record (not its links and file names). */
static void
plain_value(struct buf *b, const struct value *v, int depth, size_t max)
{
	size_t i;

	if (v == NULL || depth > 8 || b->len >= max)
		return;
	switch (v->type) {
	case VALUE_STR:
		if (v->len == 0 || v->text[0] == '/' ||
		    strncmp(v->text, "http", 4) == 0)
			return;
		plain_markdown(b, v->text, v->len, max);
		buf_addc(b, ' ');
		break;
	case VALUE_INT:
		buf_add(b, v->text, v->len);
		buf_addc(b, ' ');
		break;
	case VALUE_LIST:
		for (i = 0; i < v->n; i++)
			plain_value(b, v->items[i], depth + 1, max);
		break;
	case VALUE_MAP:
		for (i = 0; i < v->n; i++)
			if (depth > 0 ||
			    (strcmp(v->pairs[i].key, "title") &&
			        strcmp(v->pairs[i].key, "slug")))
				plain_value(b, v->pairs[i].val, depth + 1, max);
		break;
	default: break;
	}
}

/* buf_addf("%u") without printf: the postings are most of the index. */
static void
add_uint(struct buf *b, uint32_t v)
{
	char d[10];
	size_t n = 0;

	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n > 0)
		buf_addc(b, d[--n]);
}

static int
term_cmp(const void *a, const void *b)
{
	const struct term *x = *(const struct term *const *)a;
	const struct term *y = *(const struct term *const *)b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c;

	if (x->shard != y->shard)
		return x->shard < y->shard ? -1 : 1;
	c = memcmp(x->s, y->s, n);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The length of at most max bytes of s[0..n), cut at a space when one
 * is near, never inside a UTF-8 sequence. */
static size_t
excerpt_len(const char *s, size_t n, size_t max)
{
	size_t k, j;

	if (n <= max)
		return n;
	for (k = max; k > 0 && !utf8_is_lead((unsigned char)s[k]); k--)
		;
	for (j = k; j > max / 2; j--)
		if (s[j] == ' ')
			return j;
	return k;
}

/* Stable sort of v[0..n) by date, newest first, undated last
 * (insertion into a merge: a few thousand items, once a build). */
static void
sort_by_date(struct item **v, size_t n)
{
	struct item **tmp = xreallocarray(NULL, n ? n : 1, sizeof *tmp);
	size_t w, i, j, k;

	for (w = 1; w < n; w *= 2) {
		for (k = 0; k < n; k += 2 * w) {
			size_t mid = k + w < n ? k + w : n;
			size_t end = k + 2 * w < n ? k + 2 * w : n, o = k;

			for (i = k, j = mid; i < mid || j < end;) {
				const char *a = i < mid ? v[i]->date : NULL;
				const char *b = j < end ? v[j]->date : NULL;
				bool take_j = i >= mid ||
				    (j < end && b &&
				        (a == NULL || strcmp(b, a) > 0));

				tmp[o++] = take_j ? v[j++] : v[i++];
			}
		}
		memcpy(v, tmp, n * sizeof *v);
	}
	free(tmp);
}

/* The text of a document: its summary, then its body's words or its
 * data's strings, about max bytes at most. */
static void
doc_text(struct buf *text, const struct item *it, size_t max)
{
	const char *sum = value_map_str(it->frame, "summary");

	buf_reset(text);
	if (sum != NULL) {
		buf_adds(text, sum);
		buf_addc(text, ' ');
	}
	if (it->markdown)
		plain_markdown(text, it->body, it->body_len, max);
	else
		plain_value(text, it->data, 0, max);
}

static const char *
doc_title(const struct item *it)
{
	const char *title = value_map_str(it->frame, "title");

	return title != NULL ? title : it->slug;
}

/* One worker's share of the documents: all[from..to) into its index. */
struct part {
	struct item **all;
	size_t from, to;
	struct index x;
};

static void *
index_part(void *arg)
{
	struct part *p = arg;
	struct buf text = {0}, f = {0};
	size_t i;

	for (i = p->from; i < p->to; i++) {
		const struct item *it = p->all[i];
		const char *title = doc_title(it);

		doc_text(&text, it, TEXT_MAX);
		buf_reset(&f);
		search_fold(&f, title, strlen(title));
		/* the year counts as much as the title: "thanh tra 2020" */
		if (it->date)
			buf_addf(&f, " %.4s", it->date);
		add_terms(&p->x, (uint32_t)i, f.data, f.len, 16);
		buf_reset(&f);
		search_fold(&f, text.data, text.len);
		add_terms(&p->x, (uint32_t)i, f.data, f.len, 1);
	}
	buf_release(&text);
	buf_release(&f);
	return NULL;
}

/*
 * The terms of all[0..n), in two workers when there are many (the
 * index build is most of what search adds to a build): the second's
 * documents follow the first's, so its postings are appended.
 */
static void
index_terms(struct index *x, struct item **all, size_t n)
{
	struct part p[2] = {{all, 0, n, {0}}, {all, n, n, {0}}};
	pthread_t th;
	bool threaded = false;
	size_t i;

	if (n >= 400) {
		p[0].to = p[1].from = n / 2;
		threaded = pthread_create(&th, NULL, index_part, &p[1]) == 0;
		if (!threaded) {
			p[0].to = n;
			p[1].from = n;
		}
	}
	index_part(&p[0]);
	if (threaded) {
		pthread_join(th, NULL);
		for (i = 0; i < p[1].x.size; i++) {
			struct term *u = &p[1].x.tab[i], *v;

			if (u->s == NULL)
				continue;
			v = term_get(&p[0].x, u->s, u->len);
			if (v->n + u->n > v->cap) {
				v->cap = v->n + u->n;
				v->post = xreallocarray(v->post, v->cap,
				    sizeof *v->post);
			}
			memcpy(v->post + v->n, u->post, u->n * sizeof *u->post);
			v->n += u->n;
			free(u->post);
			free((char *)u->s);
		}
		free(p[1].x.tab);
	}
	*x = p[0].x;
}

static void
index_lang(struct site *s, int lang, const char *dir, const char *const *kinds,
    size_t nkinds)
{
	struct index x = {NULL, 0, 0};
	struct buf text = {0}, b = {0}, docs = {0}, klet = {0};
	struct term **terms;
	struct item **all;
	size_t nall;
	uint32_t ndoc = 0, nshards, sh;
	size_t i, c, k, bytes = 0, nt;

	nall = 0;
	for (c = 0; c < s->ncolls; c++)
		nall += s->colls[c].n;
	all = xreallocarray(NULL, nall ? nall : 1, sizeof *all);
	for (c = nall = 0; c < s->ncolls; c++)
		for (i = 0; i < s->colls[c].n; i++)
			if (site_shows(s, s->colls[c].items[i], lang))
				all[nall++] = s->colls[c].items[i];
	/* Numbered newest first: search.js breaks ties by number. */
	sort_by_date(all, nall);
	index_terms(&x, all, nall);
	/* the documents, in chunks */
	for (i = 0; i < nall; i++) {
		struct item *it = all[i];
		const char *title = doc_title(it);

		doc_text(&text, it, 2 * EXCERPT); /* enough to cut */
		if (ndoc % DOC_CHUNK == 0) {
			if (ndoc > 0) {
				buf_adds(&docs, "\n]\n");
				site_add_data(s,
				    arena_printf(s->arena, "%sd%u.json", dir,
				        ndoc / DOC_CHUNK - 1),
				    "content/site.yaml", &docs);
			}
			buf_adds(&docs, "[\n");
		} else {
			buf_adds(&docs, ",\n");
		}
		buf_addc(&docs, '[');
		buf_add_json(&docs, it->url, strlen(it->url));
		buf_addc(&docs, ',');
		buf_add_json(&docs, title, strlen(title));
		buf_addc(&docs, ',');
		buf_add_json(&docs, it->date ? it->date : "",
		    it->date ? strlen(it->date) : 0);
		buf_addc(&docs, ',');
		buf_add_json(&docs, text.len ? text.data : "",
		    excerpt_len(text.data, text.len, EXCERPT));
		buf_addc(&docs, ']');
		for (k = 0; k < nkinds; k++)
			if (strcmp(kinds[k], it->coll->kind) == 0)
				break;
		buf_addc(&klet, (char)('a' + k));
		ndoc++;
	}
	if (ndoc > 0) {
		buf_adds(&docs, "\n]\n");
		site_add_data(s,
		    arena_printf(s->arena, "%sd%u.json", dir,
		        (ndoc - 1) / DOC_CHUNK),
		    "content/site.yaml", &docs);
	}
	/* the terms, sorted (the same bytes every build), into shards */
	terms = xreallocarray(NULL, x.used ? x.used : 1, sizeof *terms);
	for (i = nt = 0; i < x.size; i++)
		if (x.tab[i].s != NULL) {
			terms[nt++] = &x.tab[i];
			bytes += x.tab[i].len + 6 + 2 * x.tab[i].n;
		}
	for (nshards = 1; nshards < SHARD_MAX && bytes / nshards > SHARD_BYTES;
	     nshards *= 2)
		;
	/* by shard, then by term: one pass writes every shard */
	for (i = 0; i < nt; i++)
		terms[i]->shard = terms[i]->hash % nshards;
	qsort(terms, nt, sizeof *terms, term_cmp);
	for (sh = 0, i = 0; sh < nshards; sh++) {
		int first = 1;

		buf_addc(&b, '{');
		for (; i < nt && terms[i]->shard == sh; i++) {
			struct term *t = terms[i];
			uint32_t prev = 0;

			buf_adds(&b, first ? "\n" : ",\n");
			first = 0;
			buf_add_json(&b, t->s, t->len);
			buf_adds(&b, ":[");
			/* one number a posting: the gap from the last
			 * document times 32, plus the weight in 5 bits
			 * (titles 0-2 times 8, body 0-7); most take 2-3
			 * digits */
			for (k = 0; k < t->n; k += 2) {
				uint32_t w = t->post[k + 1];

				if (k)
					buf_addc(&b, ',');
				add_uint(&b,
				    (t->post[k] - prev) * 32 + (w >> 4) * 8 +
				        (w & 15));
				prev = t->post[k];
			}
			buf_addc(&b, ']');
		}
		buf_adds(&b, "\n}\n");
		site_add_data(s, arena_printf(s->arena, "%ss%u.json", dir, sh), "content/site.yaml", &b);
	}
	buf_addf(&b, "{\"v\":1,\"lang\":");
	buf_add_json(&b, s->langs[lang], strlen(s->langs[lang]));
	buf_addf(&b, ",\"docs\":%u,\"chunk\":%u,\"shards\":%u,\"kinds\":[",
	    ndoc, DOC_CHUNK, nshards);
	for (k = 0; k < nkinds; k++) {
		buf_adds(&b, k ? "," : "");
		buf_add_json(&b, kinds[k], strlen(kinds[k]));
	}
	buf_adds(&b, "],\"k\":");
	buf_add_json(&b, klet.len ? klet.data : "", klet.len);
	buf_adds(&b, "}\n");
	site_add_data(s, arena_printf(s->arena, "%smeta.json", dir), "content/site.yaml", &b);
	for (i = 0; i < x.size; i++) {
		free(x.tab[i].post);
		free((char *)x.tab[i].s);
	}
	free(x.tab);
	free(terms);
	free(all);
	buf_release(&text);
	buf_release(&b);
	buf_release(&docs);
	buf_release(&klet);
}

/* The search page of language lang: the form, and the collections'
 * lists for readers without JavaScript. */
static void
search_page(struct site *s, const struct mustache *tm, int lang,
    const char *const *urls, const char *idx)
{
	const char *l = s->langs[lang], *title, *home;
	struct value *f = value_map(s->arena);
	struct value *tr = value_list(s->arena);
	struct value *cr = value_list(s->arena);
	struct value *cl = value_list(s->arena), *kl = value_list(s->arena);
	struct value *e;
	size_t k, c;

	title = site_word(s, l, "search.title");
	records_set(s, f, "title", title);
	records_set(s, f, "url", urls[lang]);
	records_set(s, f, "lang", l);
	records_set(s, f, "search_index", idx);
	records_setb(s, f, "is_search", true);
	for (c = 0; c < s->ncolls; c++) {
		struct collection *co = &s->colls[c];
		const char *ct = value_map_str(
		    value_map_get(value_map_get(value_map_get(s->globals[lang],
		                                    "site"),
		                      "collections"),
		        co->name),
		    "title");

		if (!co->list || co->list_url[lang] == NULL)
			continue;
		e = value_map(s->arena);
		records_set(s, e, "title", ct ? ct : co->name);
		records_set(s, e, "url", co->list_url[lang]);
		records_set(s, e, "kind", co->kind);
		value_list_push(s->arena, cl, e);
		for (k = 0; k < c; k++)
			if (s->colls[k].list &&
			    strcmp(s->colls[k].kind, co->kind) == 0)
				break;
		if (k == c) /* one choice per kind */
			value_list_push(s->arena, kl, e);
	}
	value_map_set(s->arena, f, "search_collections", cl);
	value_map_set(s->arena, f, "search_kinds", kl);
	for (k = 0; k < s->nlangs; k++) {
		if ((int)k == lang)
			continue;
		e = value_map(s->arena);
		records_set(s, e, "lang", s->langs[k]);
		records_set(s, e, "url", urls[k]);
		records_set(s, e, "title",
		    site_word(s, s->langs[k], "search.title"));
		value_list_push(s->arena, tr, e);
	}
	value_map_set(s->arena, f, "translations", tr);
	e = value_map(s->arena);
	home =
	    value_ltext(value_map_get(s->conf, "short_title"), l, s->langs[0]);
	if (home == NULL) /* as the other pages' breadcrumbs */
		home = value_ltext(value_map_get(s->conf, "title"), l,
		    s->langs[0]);
	records_set(s, e, "title", home ? home : "Home");
	records_set(s, e, "url",
	    arena_printf(s->arena, "%s%s", s->root,
	        lang ? arena_printf(s->arena, "%s/", l) : ""));
	records_setb(s, e, "current", false);
	value_list_push(s->arena, cr, e);
	e = value_map(s->arena);
	records_set(s, e, "title", title);
	records_set(s, e, "url", NULL);
	records_setb(s, e, "current", true);
	value_list_push(s->arena, cr, e);
	value_map_set(s->arena, f, "breadcrumbs", cr);
	records_setb(s, f, "has_breadcrumbs", true);
	site_add_frame_page(s,
	    arena_printf(s->arena, "%sindex.html",
	        urls[lang] + strlen(s->root)),
	    "content/site.yaml", tm, lang, f);
}

void
search_make(struct site *s, const struct theme *th)
{
	const char *urls[SITE_MAX_LANGS] = {0}, *kinds[64];
	const struct mustache *tm;
	size_t nkinds = 0, c, k;
	int lang;

	/* A theme without a search page (an older one) has no search:
	 * nothing would load the index. */
	if ((tm = theme_find(th, "search")) == NULL)
		return;
	for (c = 0; c < s->ncolls; c++) {
		for (k = 0; k < nkinds; k++)
			if (strcmp(kinds[k], s->colls[c].kind) == 0)
				break;
		if (k == nkinds && nkinds < 25) /* 'a'..'y' */
			kinds[nkinds++] = s->colls[c].kind;
	}
	for (lang = 0; lang < (int)s->nlangs; lang++)
		urls[lang] = arena_printf(s->arena, "%s%s%s/", s->root,
		    lang ? arena_printf(s->arena, "%s/", s->langs[lang]) : "",
		    site_segment(s, lang, "search"));
	for (lang = 0; lang < (int)s->nlangs; lang++) {
		/* every language's index beside the first one's page */
		const char *dir = arena_printf(s->arena, "%sidx/%s/",
		    urls[0] + strlen(s->root), s->langs[lang]);

		index_lang(s, lang, dir, kinds, nkinds);
		search_page(s, tm, lang, urls,
		    arena_printf(s->arena, "%s%s", s->root, dir));
		value_map_set(s->arena, s->globals[lang], "search_url",
		    value_strz(s->arena, urls[lang]));
	}
}
