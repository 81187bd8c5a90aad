/*
 * The search index (search.h).  Per language: the published records are
 * numbered newest first; each document's title and text (the Markdown
 * body without tags and link targets, or a data record's strings) are
 * folded and cut into terms in one pass, two workers sharing the
 * documents; a term's postings are (document number, weight), a title
 * occurrence weighing 16 body ones (two counted at most, seven body
 * ones), written as base64url characters (search_term_flush(), in
 * search_terms.c with the fold and the cut), most one a posting.  Terms
 * go to shards by a hash, so that a query loads one small file per term;
 * the documents' url, title, kind, date and an excerpt go to chunks of
 * DOC_CHUNK, loaded only for the results shown.  meta.json says how
 * many shards and chunks there are and holds each document's kind (one
 * letter each), so that the filter by kind needs no chunk.
 */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "item_body.h"
#include "records.h"
#include "search.h"
#include "search_terms.h"
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
#define SHARD_BYTES 6144 /* the size a shard aims at */
#define SHARD_MAX 4096

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

/*
 * The text of a document, as much of it as excerpt_len() reads to cut
 * EXCERPT bytes: its summary, then its body's words or its data's
 * strings.  pl: the body's first words, made with its terms beside the
 * model (the index is written later, when a body not kept,
 * CONTENT_REREAD, is no longer at hand); NULL: read it->body.  sum:
 * its summary (the frame's, NULL: none).
 */
static void
doc_text(struct buf *text, const struct item *it, const char *sum,
    const char *pl, size_t npl)
{
	size_t max = EXCERPT + 1;

	buf_reset(text);
	if (sum != NULL) {
		buf_adds(text, sum);
		buf_addc(text, ' ');
	}
	if (pl != NULL) {
		/* what search_plain_markdown() appends here: the words
		 * were made from the start, which counts as after a space,
		 * as the summary's end does */
		if (text->len < max)
			buf_add(text, pl,
			    npl < max - text->len ? npl : max - text->len);
	} else if (it->markdown) {
		if (it->body != NULL)
			search_plain_markdown(text, it->body, it->body_len,
			    max);
	} else {
		search_plain_value(text, it->data, 0, max);
	}
}

static const char *
doc_title(const struct item *it)
{
	const char *title = value_map_str(it->frame, "title");

	return title != NULL ? title : it->slug;
}

/*
 * The Markdown bodies' terms, read once for every language, in a thread
 * of their own while the model is made (search_begin()): a body is most
 * of a document's text, and the model leaves the other core idle.  Each
 * body's terms are kept as term << 3 | occurrences (1-7), in the order
 * first met; the index's terms are then every language's.
 */
struct body_terms {
	const struct item *it;
	const char *body; /* NULL: not kept, read again (item_body()) */
	size_t len;
	size_t off, n; /* its n terms, coded at pre->t + off */
	/* its first words for the excerpt (doc_text()), at pre->pl.data +
	 * poff: the index is written beside the render's workers, which
	 * alone read a body not kept */
	size_t poff, npl;
	bool unread; /* it could not be read (reported) */
};

struct search_pre {
	struct index x;
	struct body_terms *v; /* by item, sorted by address once read */
	size_t n;
	/* term << 3 | occurrences, each in 7-bit groups, least significant
	 * first, the high bit on but in the last: 2 bytes for the 2,048
	 * terms met first, which most words of a text are */
	unsigned char *t;
	size_t nt, capt;
	struct buf pl; /* the bodies' first words (struct body_terms) */
	struct site *s; /* to read a body not kept */
	/* The thread is detached (a forked worker must not find it
	 * unjoined: ThreadSanitizer's leak check) and says it is done
	 * under lock: running until waited for (wait_thread()). */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool done; /* under lock */
	bool begun, running, sorted;
	bool checked; /* the bodies left unread read again (search_join()) */
	atomic_bool cancel; /* search_end(): stop reading */
	/* search_make()'s: the index to write (search_write()) */
	bool made;
	const char *dirs[SITE_MAX_LANGS]; /* idx/<lang>/ below the root */
	const char *kinds[25];
	size_t nkinds;
};

/*
 * Reads the terms of body i of pre->v into it, as search_cut_text()
 * counts them (c, words and rb: the reader's).  Quiet (the thread): a
 * body unread is left for search_join() to read again, saying why; the
 * thread may run while the render forks its workers, and so takes no
 * lock a worker could want (the diagnostics').
 */
static void
read_body(struct search_pre *pre, struct cut *c, struct buf *words,
    struct buf *rb, size_t i, bool quiet)
{
	struct body_terms *b = &pre->v[i];
	const char *body = b->body;
	size_t k;

	c->doc = (uint32_t)i;
	c->ntouch = 0;
	if (body == NULL &&
	    (quiet ? item_body_quiet : item_body)(pre->s, b->it, rb, &body) ==
	        -1) {
		b->unread = true; /* reported when not quiet */
		return;
	}
	b->unread = false;
	search_cut_text(c, body, b->len < TEXT_MAX ? b->len : TEXT_MAX, true);
	buf_reset(words);
	search_plain_markdown(words, body, b->len, EXCERPT + 1);
	b->poff = pre->pl.len;
	b->npl = words->len;
	buf_add(&pre->pl, words->data, words->len);
	if (pre->nt + 5 * c->ntouch > pre->capt) {
		pre->capt = 2 * (pre->nt + 5 * c->ntouch);
		pre->t = xrealloc(pre->t, pre->capt);
	}
	b->off = pre->nt;
	b->n = c->ntouch;
	for (k = 0; k < c->ntouch; k++) {
		struct term *t = &pre->x.terms[c->touch[k]];
		uint32_t e;

		/* a term's number takes 29 bits: memory ends first */
		assert(c->touch[k] < (uint32_t)1 << 29);
		for (e = c->touch[k] << 3 | (t->w & 7); e >= 0x80; e >>= 7)
			pre->t[pre->nt++] = (unsigned char)(e | 0x80);
		pre->t[pre->nt++] = (unsigned char)e;
		t->last = NO_DOC;
	}
}

/* Reads the bodies of pre->v, from the first (all) or those left unread
 * (!all, saying why one still cannot be read). */
static void
read_bodies_of(struct search_pre *pre, bool all)
{
	struct cut c = {&pre->x, 0, 0, 0, 0, NULL, 0, 0};
	struct buf words = {0}, rb = {0};
	size_t i;

	search_terms_init();
	c.w = body_cut.w;
	c.mask = body_cut.mask;
	c.max = body_cut.max;
	c.captouch = 256;
	c.touch = xreallocarray(NULL, c.captouch, sizeof *c.touch);
	for (i = 0; i < pre->n && !atomic_load(&pre->cancel); i++)
		if (all || pre->v[i].unread)
			read_body(pre, &c, &words, &rb, i, all);
	free(c.touch);
	buf_release(&words);
	buf_release(&rb);
}

static void *
read_bodies(void *arg)
{
	struct search_pre *pre = arg;

	read_bodies_of(pre, true);
	/* the last touch of pre: the waiter may free it next */
	pthread_mutex_lock(&pre->lock);
	pre->done = true;
	pthread_cond_signal(&pre->cond);
	pthread_mutex_unlock(&pre->lock);
	return NULL;
}

/* Waits for read_bodies()'s thread, if running. */
static void
wait_thread(struct search_pre *pre)
{
	if (!pre->running)
		return;
	pthread_mutex_lock(&pre->lock);
	while (!pre->done)
		pthread_cond_wait(&pre->cond, &pre->lock);
	pthread_mutex_unlock(&pre->lock);
	pre->running = false;
}

static int
cmp_body(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct body_terms *)a)->it;
	uintptr_t y = (uintptr_t)((const struct body_terms *)b)->it;

	return x < y ? -1 : x > y;
}

/* s's index state, made on first use. */
static struct search_pre *
pre_of(struct site *s)
{
	if (s->search_pre == NULL) {
		s->search_pre = xcalloc(1, sizeof *s->search_pre);
		atomic_init(&s->search_pre->cancel, false);
		pthread_mutex_init(&s->search_pre->lock, NULL);
		pthread_cond_init(&s->search_pre->cond, NULL);
	}
	return s->search_pre;
}

void
search_begin(struct site *s, bool thread)
{
	struct search_pre *pre = pre_of(s);
	pthread_t th;
	size_t c, i;

	if (pre->begun)
		return;
	pre->begun = true;
	pre->s = s;
	for (c = 0; c < s->ncolls; c++)
		pre->n += s->colls[c].n;
	pre->v = xreallocarray(NULL, pre->n ? pre->n : 1, sizeof *pre->v);
	pre->n = 0;
	/* what the thread reads, copied here: the model changes items */
	for (c = 0; c < s->ncolls; c++)
		for (i = 0; i < s->colls[c].n; i++) {
			const struct item *it = s->colls[c].items[i];

			if (!it->markdown || it->body_len == 0)
				continue;
			memset(&pre->v[pre->n], 0, sizeof *pre->v);
			pre->v[pre->n].it = it;
			pre->v[pre->n].body = it->body;
			pre->v[pre->n++].len = it->body_len;
		}
	pre->running =
	    thread && pthread_create(&th, NULL, read_bodies, pre) == 0;
	if (pre->running)
		pthread_detach(th);
	s->search_thread = pre->running;
	if (!pre->running)
		read_bodies(pre);
}

static void trim_words(struct search_pre *pre);

void
search_join(struct site *s)
{
	struct search_pre *pre = s->search_pre;

	if (pre != NULL)
		wait_thread(pre);
	/* what the thread could not read, read again to say why */
	if (pre != NULL && pre->begun && !pre->checked) {
		read_bodies_of(pre, false);
		pre->checked = true;
	}
	/* Before the fork, so that the memory let go is the workers' too
	 * (the model is complete: the frames' summaries are known). */
	if (pre != NULL && pre->made && pre->begun && !pre->sorted) {
		trim_words(pre);
		qsort(pre->v, pre->n, sizeof *pre->v, cmp_body);
		pre->sorted = true;
	}
}

/*
 * Keeps of each body's first words only what doc_text() will add after
 * its record's summary, now that the frames are made: a summary of 300
 * bytes leaves room for 21 (the index's excerpts are cut at EXCERPT).
 * A third of the words' memory is left, on the bench's records.
 */
static void
trim_words(struct search_pre *pre)
{
	size_t i, to = 0;

	for (i = 0; i < pre->n; i++) {
		struct body_terms *b = &pre->v[i];
		const char *sum = value_map_str(b->it->frame, "summary");
		size_t used = sum != NULL ? strlen(sum) + 1 : 0;
		size_t need = used < EXCERPT + 1 ? EXCERPT + 1 - used : 0;

		if (b->npl > need)
			b->npl = need;
		if (b->npl > 0)
			memmove(pre->pl.data + to, pre->pl.data + b->poff,
			    b->npl);
		b->poff = to;
		to += b->npl;
	}
	if (pre->pl.data != NULL) {
		pre->pl.len = to;
		pre->pl.cap = to + 1;
		pre->pl.data = xrealloc(pre->pl.data, pre->pl.cap);
		pre->pl.data[to] = '\0';
	}
}

/* The bodies read (here, when search_begin() was not called), joined,
 * their words trimmed and sorted for body_of() (search_join(), for an
 * index search_make() readied). */
static struct search_pre *
bodies_read(struct site *s)
{
	search_begin(s, false);
	search_join(s);
	assert(s->search_pre->sorted);
	return s->search_pre;
}

/* The terms read of it's body (a shadow's: its record's), or NULL when
 * not read or changed since. */
static const struct body_terms *
body_of(const struct search_pre *pre, const struct item *it)
{
	struct body_terms key = {0}, *b;

	key.it = it->shadow_of != NULL ? it->shadow_of : it;
	b = bsearch(&key, pre->v, pre->n, sizeof *pre->v, cmp_body);
	if (b == NULL || b->unread || b->body != it->body ||
	    b->len != it->body_len)
		return NULL;
	return b;
}

/* Counts the body terms b into document c->doc, as search_cut_text()
 * would have: seven occurrences at most. */
static void
body_count(struct cut *c, const struct search_pre *pre,
    const struct body_terms *b, uint32_t **dec, size_t *cap)
{
	const unsigned char *u = pre->t + b->off;
	size_t k;

	if (b->n > *cap) {
		*cap = 2 * b->n;
		*dec = xreallocarray(*dec, *cap, sizeof **dec);
	}
	for (k = 0; k < b->n; k++) {
		uint32_t e = 0;
		unsigned sh = 0;

		do
			e |= (uint32_t)(*u & 0x7F) << sh, sh += 7;
		while (*u++ & 0x80);
		(*dec)[k] = e;
	}
	search_count_coded(c, *dec, b->n);
}

void
search_end(struct site *s)
{
	struct search_pre *pre = s != NULL ? s->search_pre : NULL;

	if (pre == NULL)
		return;
	if (pre->running) {
		atomic_store(&pre->cancel, true);
		wait_thread(pre);
	}
	pthread_mutex_destroy(&pre->lock);
	pthread_cond_destroy(&pre->cond);
	search_index_release(&pre->x);
	free(pre->v);
	free(pre->t);
	buf_release(&pre->pl);
	free(pre);
	s->search_pre = NULL;
}

/* Writes the file dir/name of n bytes at data: the build's own writer,
 * whose diagnostics are safe from any thread. */
static int
write_file(struct site *s, int dirfd, const char *dir, const char *name,
    const char *data, size_t n)
{
	char path[4096];
	int len = snprintf(path, sizeof path, "%s%s", dir, name);

	if (len < 0 || (size_t)len >= sizeof path)
		return diag_error(s->diags, pos_file(NULL),
		    "output.unsafe-path", dir);
	return fsutil_write(s->diags, dirfd, path, data, n);
}

/*
 * The documents all[0..to) of one language: their terms into the index
 * (the bodies' from what read_bodies() read), their chunks written to
 * dir as each is made, their kinds' letters into klet.
 */
struct part {
	struct item **all;
	size_t to;
	const char *const *kinds;
	size_t nkinds;
	struct index *x;
	struct buf docs, klet;
	struct site *s;
	int dirfd, rc;
	const char *dir;
};

/* Adds document i, of title and summary sum (doc_text()), to the chunk
 * being made in p->docs; writes the chunk when it is whole. */
static void
doc_add(struct part *p, struct buf *text, size_t i, const char *title,
    const char *sum, const struct search_pre *pre, const struct body_terms *b)
{
	const struct item *it = p->all[i];
	char name[32];
	size_t k;

	if (b != NULL)
		doc_text(text, it, sum, b->npl ? pre->pl.data + b->poff : "",
		    b->npl);
	else
		doc_text(text, it, sum, NULL, 0);
	buf_adds(&p->docs, i % DOC_CHUNK ? ",\n[" : "[\n[");
	buf_add_json(&p->docs, it->url, strlen(it->url));
	buf_addc(&p->docs, ',');
	buf_add_json(&p->docs, title, strlen(title));
	buf_addc(&p->docs, ',');
	buf_add_json(&p->docs, it->date ? it->date : "",
	    it->date ? strlen(it->date) : 0);
	buf_addc(&p->docs, ',');
	buf_add_json(&p->docs, text->len ? text->data : "",
	    excerpt_len(text->data, text->len, EXCERPT));
	buf_addc(&p->docs, ']');
	if (i % DOC_CHUNK == DOC_CHUNK - 1 || i + 1 == p->to) {
		buf_adds(&p->docs, "\n]\n");
		snprintf(name, sizeof name, "d%zu.json", i / DOC_CHUNK);
		if (p->rc == 0)
			p->rc = write_file(p->s, p->dirfd, p->dir, name,
			    p->docs.data, p->docs.len);
		buf_reset(&p->docs);
	}
	for (k = 0; k < p->nkinds; k++)
		if (strcmp(p->kinds[k], it->coll->kind) == 0)
			break;
	buf_addc(&p->klet, (char)('a' + k));
}

static void
index_docs(struct part *p, const struct search_pre *pre)
{
	struct cut c = {p->x, 0, 0, 0, 0, NULL, 0, 0};
	struct buf text = {0};
	const struct body_terms *b;
	const char *sum;
	uint32_t *dec = NULL;
	size_t i, cap = 0;

	for (i = 0; i < p->to; i++) {
		const struct item *it = p->all[i];
		const char *title = doc_title(it);

		c.doc = (uint32_t)i;
		c.w = title_cut.w;
		c.mask = title_cut.mask;
		c.max = title_cut.max;
		search_cut_text(&c, title, strlen(title), false);
		/* the year counts as much as the title: "thanh tra 2020" */
		if (it->date)
			search_cut_text(&c, it->date, strnlen(it->date, 4),
			    false);
		c.w = body_cut.w;
		c.mask = body_cut.mask;
		c.max = body_cut.max;
		if ((sum = value_map_str(it->frame, "summary")) != NULL)
			search_cut_text(&c, sum, strlen(sum), false);
		b = it->markdown ? body_of(pre, it) : NULL;
		if (b != NULL) {
			body_count(&c, pre, b, &dec, &cap);
		} else if (it->markdown) {
			/* not read beside the model: kept, or unreadable */
			if (it->body != NULL)
				search_cut_text(&c, it->body,
				    it->body_len < TEXT_MAX ? it->body_len :
				                              TEXT_MAX,
				    true);
		} else {
			buf_reset(&text);
			search_plain_value(&text, it->data, 0, TEXT_MAX);
			search_cut_text(&c, text.data, text.len, false);
		}
		doc_add(p, &text, i, title, sum, pre, b);
	}
	for (i = 0; i < p->x->nterms; i++)
		search_term_flush(&p->x->terms[i]);
	buf_release(&text);
	free(dec);
}

/*
 * Writes the shards of the terms of x that have postings, each made in
 * one block the size of the largest: terms sorted by shard, then by
 * their bytes (the same bytes every build).  A term's postings are let
 * go once written: at 100,000 pages the postings are tens of MB, and a
 * block for every shard at once doubled them at the build's peak.
 * Returns the number of shards, or 0 after a reported failure to write.
 */
static uint32_t
write_shards(struct site *s, int dirfd, const char *dir, struct index *x)
{
	struct term **terms;
	uint32_t nshards, sh;
	size_t i, j, k, nt, bytes = 0, most = 0, in;
	char *block, *o, name[32];
	int rc = 0;

	terms = xreallocarray(NULL, x->nterms ? x->nterms : 1, sizeof *terms);
	for (i = nt = 0; i < x->nterms; i++) {
		struct term *t = &x->terms[i];

		if (t->n == 0) /* only in another language's documents */
			continue;
		/* ,\n"term":"postings" */
		bytes += 7 + t->len + t->len_code;
		terms[nt++] = t;
	}
	for (nshards = 1; nshards < SHARD_MAX && bytes / nshards > SHARD_BYTES;
	     nshards *= 2)
		;
	for (i = 0; i < nt; i++)
		terms[i]->shard = terms[i]->hash % nshards;
	qsort(terms, nt, sizeof *terms, search_term_cmp);
	for (i = 0; i < nt; i = k) {
		for (k = i, in = 0;
		     k < nt && terms[k]->shard == terms[i]->shard; k++)
			in += 7 + terms[k]->len + terms[k]->len_code;
		if (in > most)
			most = in;
	}
	/* a shard's "{" and "\n}\n" */
	block = xmalloc(most + 4);
	for (sh = 0, i = 0; sh < nshards && rc == 0; sh++) {
		o = block;
		*o++ = '{';
		for (j = i; i < nt && terms[i]->shard == sh; i++) {
			struct term *t = terms[i];

			if (i > j)
				*o++ = ',';
			*o++ = '\n';
			*o++ = '"'; /* term bytes need no escape */
			memcpy(o, t->s, t->len);
			o += t->len;
			memcpy(o, "\":\"", 3);
			o += 3;
			memcpy(o, t->code, t->len_code);
			o += t->len_code;
			*o++ = '"';
			/* written: its postings go (index_lang() would) */
			free(t->code);
			t->code = NULL;
			t->cap_code = 0;
		}
		memcpy(o, "\n}\n", 3);
		o += 3;
		assert(o <= block + most + 4);
		snprintf(name, sizeof name, "s%u.json", sh);
		rc =
		    write_file(s, dirfd, dir, name, block, (size_t)(o - block));
	}
	free(block);
	free(terms);
	return rc == 0 ? nshards : 0;
}

/* Makes and writes the index of language lang into dir; -1 after a
 * reported failure to write. */
static int
index_lang(struct site *s, struct search_pre *pre, int lang, int dirfd)
{
	const char *dir = pre->dirs[lang];
	struct index *x = &pre->x;
	struct part p;
	struct buf b = {0};
	struct item **all;
	size_t nall, i, c;
	uint32_t nshards = 0;
	int rc = 0;

	nall = 0;
	for (c = 0; c < s->ncolls; c++)
		nall += s->colls[c].n;
	all = xreallocarray(NULL, nall ? nall : 1, sizeof *all);
	for (c = nall = 0; c < s->ncolls; c++)
		for (i = 0; i < s->colls[c].n; i++)
			if (site_shows(s, s->colls[c].items[i], lang))
				all[nall++] = s->colls[c].items[i];
	/* Numbered newest first: search.js breaks ties by number.  A
	 * posting holds its number in 27 bits: memory ends long before. */
	assert(nall < (size_t)1 << 27);
	sort_by_date(all, nall);
	memset(&p, 0, sizeof p);
	p.all = all;
	p.to = nall;
	p.kinds = pre->kinds;
	p.nkinds = pre->nkinds;
	p.x = x;
	p.s = s;
	p.dirfd = dirfd;
	p.dir = dir;
	index_docs(&p, pre);
	rc = p.rc;
	if (rc == 0 && (nshards = write_shards(s, dirfd, dir, x)) == 0)
		rc = -1;
	buf_addf(&b, "{\"v\":2,\"lang\":");
	buf_add_json(&b, s->langs[lang], strlen(s->langs[lang]));
	buf_addf(&b, ",\"docs\":%zu,\"chunk\":%u,\"shards\":%u,\"kinds\":[",
	    nall, DOC_CHUNK, nshards);
	for (c = 0; c < pre->nkinds; c++) {
		buf_adds(&b, c ? "," : "");
		buf_add_json(&b, pre->kinds[c], strlen(pre->kinds[c]));
	}
	buf_adds(&b, "],\"k\":\"");
	buf_add(&b, p.klet.data, p.klet.len);
	buf_adds(&b, "\"}\n");
	if (rc == 0)
		rc = write_file(s, dirfd, dir, "meta.json", b.data, b.len);
	/* the terms stay, for the next language; their postings go */
	for (i = 0; i < x->nterms; i++) {
		free(x->terms[i].code);
		x->terms[i].code = NULL;
		x->terms[i].n = x->terms[i].len_code = 0;
		x->terms[i].cap_code = 0;
		x->terms[i].prev = NO_DOC;
		x->terms[i].last = NO_DOC;
	}
	buf_release(&p.docs);
	buf_release(&p.klet);
	free(all);
	buf_release(&b);
	return rc;
}

int
search_write(struct site *s, int dirfd)
{
	struct search_pre *pre = s->search_pre;
	struct timespec t0, t1;
	int lang, rc = 0;

	if (pre == NULL || !pre->made)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pre = bodies_read(s);
	for (lang = 0; lang < (int)s->nlangs && rc == 0; lang++)
		rc = index_lang(s, pre, lang, dirfd);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s->search_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	return rc;
}

bool
search_threaded(const struct site *s)
{
	return s->search_thread;
}

bool
search_pending(const struct site *s)
{
	return s->search_pre != NULL && s->search_pre->made;
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
	const char *urls[SITE_MAX_LANGS] = {0};
	const struct mustache *tm;
	struct search_pre *pre;
	size_t c, k;
	int lang;

	/* A theme without a search page (an older one) has no search:
	 * nothing would load the index. */
	if ((tm = theme_find(th, "search")) == NULL) {
		search_end(s);
		return;
	}
	/* the bodies are read beside the model and joined before the
	 * render (search_join()): nothing here waits for them */
	pre = pre_of(s);
	for (c = 0; c < s->ncolls; c++) {
		for (k = 0; k < pre->nkinds; k++)
			if (strcmp(pre->kinds[k], s->colls[c].kind) == 0)
				break;
		if (k == pre->nkinds && pre->nkinds < 25) /* 'a'..'y' */
			pre->kinds[pre->nkinds++] = s->colls[c].kind;
	}
	for (lang = 0; lang < (int)s->nlangs; lang++)
		urls[lang] = arena_printf(s->arena, "%s%s%s/", s->root,
		    lang ? arena_printf(s->arena, "%s/", s->langs[lang]) : "",
		    site_segment(s, lang, "search"));
	for (lang = 0; lang < (int)s->nlangs; lang++) {
		/* every language's index beside the first one's page */
		pre->dirs[lang] = arena_printf(s->arena, "%sidx/%s/",
		    urls[0] + strlen(s->root), s->langs[lang]);
		search_page(s, tm, lang, urls,
		    arena_printf(s->arena, "%s%s", s->root, pre->dirs[lang]));
		value_map_set(s->arena, s->globals[lang], "search_url",
		    value_strz(s->arena, urls[lang]));
	}
	pre->made = true;
}
