/*
 * The load stage: content/site.yaml and every file of every collection
 * it declares, read through the source interface, checked for UTF-8,
 * split into front matter and body, parsed into value trees.  In: a
 * source.  Out: a struct site whose collections hold raw items.  Every
 * file is read once; a broken file is reported and skipped, so one run
 * reports every problem.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "content.h"
#include "diag.h"
#include "frontmatter.h"
#include "fx.h"
#include "hash.h"
#include "site.h"
#include "source.h"
#include "utf8.h"
#include "value.h"

#define SITE_YAML "content/site.yaml"

/*
 * The settings site.yaml may hold.  Templates see every key of site.yaml
 * as site.*, so a theme may need more: those go under `params:`, and any
 * other unknown key is a warning (a misspelt `titel` would otherwise
 * leave the title empty without a word).
 */
/* clang-format off */
static const char *const site_keys[] = {
	"title", "short_title", "description", "base_url", "languages",
	"theme", "per_page", "contact", "menu", "collections", "params",
	"budget", "segments",
	"access_info",
	"license", "publisher", "coverage",
	"copyright", "logo", "exchange_rate", NULL,
};
static const char *const coll_keys[] = {
	"kind", "title", "permalink", "per_page", "list", "description",
	"fields", NULL,
};
/* clang-format on */

/*
 * Warns about keys of m that are not in known, with the nearest one;
 * coll names the collection m configures, NULL for site.yaml itself.
 */
static void
unknown_keys(struct site *s, const struct value *m, const char *const *known,
    const char *coll)
{
	size_t i, n = 0;

	while (known[n] != NULL)
		n++;
	for (i = 0; m != NULL && m->type == VALUE_MAP && i < m->n; i++) {
		const char *key = m->pairs[i].key;
		const char *best = utf8_nearest(key, known, n);

		if (best != NULL && strcmp(best, key) == 0)
			continue;
		if (coll != NULL && best != NULL)
			diag_warning(s->diags, value_pair_pos(&m->pairs[i]),
			    "config.unknown-collection-key-near", key, coll,
			    best);
		else if (coll != NULL)
			diag_warning(s->diags, value_pair_pos(&m->pairs[i]),
			    "config.unknown-collection-key", key, coll);
		else if (best != NULL)
			diag_warning(s->diags, value_pair_pos(&m->pairs[i]),
			    "config.unknown-key-near", key, best);
		else
			diag_warning(s->diags, value_pair_pos(&m->pairs[i]),
			    "config.unknown-key", key);
	}
}

/*
 * Ð (U+00D0) and ð (U+00F0) look like Đ and đ in the body but are other
 * letters: search and sorting go wrong.  A warning at the first of each
 * line, which names its line and column (the fix finds the rest).
 */
static void
body_lookalikes(struct site *s, const struct item *it)
{
	const unsigned char *b = (const unsigned char *)it->body;
	const unsigned char *p;
	size_t n = it->body_len, i = 0, seen = 0, bol = 0;
	unsigned line = it->body_pos.line, warned = 0;

	/*
	 * The body is valid UTF-8 (read_text()), where Ð is C3 90, ð is
	 * C3 B0, and C3 is never a continuation byte: the pairs are found
	 * without decoding.  Lines are counted up to each one found, and its
	 * column is the code points from its line's start.
	 */
	while (i < n && (p = memchr(b + i, 0xC3, n - i)) != NULL) {
		i = (size_t)(p - b) + 1;
		if (i == n || (b[i] & 0xDF) != 0x90)
			continue;
		for (; seen < i; seen++)
			if (b[seen] == '\n') {
				line++;
				bol = seen + 1;
			}
		if (warned != line) {
			struct pos at = {it->path, line, 0};
			bool eth = b[i] == 0x90;

			at.col = 1 +
			    (unsigned)utf8_count((const char *)b + bol,
			        i - 1 - bol);
			warned = line;
			diag_warning(s->diags, at, "text.lookalike",
			    eth ? "Ð" : "ð", eth ? "U+00D0" : "U+00F0",
			    diag_fmt(s->diags, "%u", line),
			    diag_fmt(s->diags, "%u", at.col), eth ? "Đ" : "đ");
		}
		i++;
	}
}

/*
 * Reads path and checks its text; -1 after a located diagnostic.  *eth
 * is false when the text holds no Ð or ð (body_lookalikes() has nothing
 * to find); *same is false when the text is not the file's bytes (made
 * NFC), so that its body cannot be read again from the file.
 */
static int
read_text(struct site *s, struct source *src, const char *path, struct buf *b,
    bool *eth, bool *same)
{
	unsigned line, col;
	const char *why;
	uint32_t cp;
	char *nfc;
	size_t n;

	*same = true;
	if (source_read(src, path, b) == -1)
		return -1;
	/* Nearly every file: the three checks below at once, faster. */
	if (utf8_quick_check(buf_cstr(b), b->len, eth))
		return 0;
	*eth = true;
	if (!utf8_validate(buf_cstr(b), b->len, &line, &col, &why)) {
		struct pos p = {path, line, col};

		return diag_error(s->diags, p, strcmp(why, "NUL byte") == 0 ?
		    "file.nul-byte" : "file.not-utf8", why);
	}
	/*
	 * Here, before any parsing, every value, key, front matter and body
	 * of the file is seen once: a control character is refused where it
	 * stands (a YAML escape such as "\v" is refused by the YAML reader),
	 * and the text is made NFC so that one word is one byte string in
	 * the pages, the search index and the links.
	 */
	if (!utf8_find_control(buf_cstr(b), b->len, &line, &col, &cp)) {
		struct pos p = {path, line, col};

		return diag_error(s->diags, p, "text.control-char",
		    diag_fmt(s->diags, "U+%04X", (unsigned)cp));
	}
	if ((nfc = utf8_nfc(buf_cstr(b), b->len, &n, &line, &col)) != NULL) {
		struct pos p = {path, line, col};

		diag_warning(s->diags, p, "text.not-nfc");
		*same = false;
		buf_reset(b);
		buf_add(b, nfc, n);
		free(nfc);
	}
	return 0;
}

static bool
lang_code_ok(const char *c)
{
	size_t i, n = strlen(c);

	if (n < 2 || n > 8)
		return false;
	for (i = 0; i < n; i++)
		if (!(c[i] >= 'a' && c[i] <= 'z') &&
		    !(i >= 2 && (c[i] == '-' || ascii_isalnum(c[i]))))
			return false;
	return true;
}

static void
load_languages(struct site *s)
{
	struct value *l = value_map_get(s->conf, "languages");
	size_t i;

	if (l == NULL) {
		s->langs[s->nlangs++] = "vi";
		return;
	}
	if (l->type != VALUE_LIST || l->n == 0) {
		diag_error(s->diags, l->pos, "config.languages-not-list");
		s->langs[s->nlangs++] = "vi";
		return;
	}
	for (i = 0; i < l->n; i++) {
		struct value *c = l->items[i];
		size_t j;

		if (c->type != VALUE_STR || !lang_code_ok(c->text)) {
			diag_error(s->diags, c->pos, "config.bad-language",
			    c->text ? c->text : "");
			continue;
		}
		for (j = 0; j < s->nlangs; j++)
			if (strcmp(s->langs[j], c->text) == 0)
				break;
		if (j < s->nlangs) {
			diag_error(s->diags, c->pos, "config.language-twice",
			    c->text);
			continue;
		}
		if (s->nlangs == SITE_MAX_LANGS) {
			diag_error(s->diags, c->pos,
			    "config.too-many-languages",
			    diag_fmt(s->diags, "%d", SITE_MAX_LANGS));
			break;
		}
		s->langs[s->nlangs++] = c->text;
	}
	if (s->nlangs == 0)
		s->langs[s->nlangs++] = "vi";
}

/* Finds the collection whose folder is name, or NULL. */
static struct collection *
coll_named(struct site *s, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < s->ncolls; i++)
		if (strlen(s->colls[i].name) == n &&
		    memcmp(s->colls[i].name, name, n) == 0)
			return &s->colls[i];
	return NULL;
}

static void
load_collections(struct site *s)
{
	struct value *c = value_map_get(s->conf, "collections");
	size_t i;

	if (c == NULL || c->type != VALUE_MAP) {
		struct pos at = {SITE_YAML, 1, 1};

		diag_error(s->diags, c ? c->pos : at, "config.no-collections");
		return;
	}
	s->colls = arena_calloc(s->arena, c->n, sizeof *s->colls);
	for (i = 0; i < c->n; i++) {
		struct value_pair *p = &c->pairs[i];
		struct collection *co;
		const char *kind;

		if (!utf8_is_slug(p->key)) {
			diag_error(s->diags, value_pair_pos(p),
			    "config.collection-name", p->key);
			continue;
		}
		if (strcmp(p->key, "files") == 0) {
			diag_error(s->diags, value_pair_pos(p),
			    "config.collection-files");
			continue;
		}
		if (p->val->type != VALUE_MAP) {
			diag_error(s->diags, p->val->pos,
			    "config.collection-not-map", p->key);
			continue;
		}
		kind = value_map_str(p->val, "kind");
		if (kind == NULL) {
			diag_error(s->diags, p->val->pos,
			    "config.collection-no-kind", p->key);
			continue;
		}
		unknown_keys(s, p->val, coll_keys, p->key);
		co = &s->colls[s->ncolls++];
		co->name = p->key;
		co->kind = kind;
		co->schema = kind;	/* until validate reads `fields` */
		co->conf = p->val;
	}
}

/*
 * Splits a file name below a collection into base name and language:
 * "2020/hoi-nghi.en.md" → base "2020/hoi-nghi", lang "en".  Returns
 * false when the extension is not one of ours.
 */
static bool
split_name(struct site *s, const char *rel, const char **base,
    int *lang, bool *md)
{
	size_t n = strlen(rel), e;
	const char *dot;
	size_t i;

	if (n > 3 && strcmp(rel + n - 3, ".md") == 0) {
		e = n - 3;
		*md = true;
	} else if (n > 5 && strcmp(rel + n - 5, ".yaml") == 0) {
		e = n - 5;
		*md = false;
	} else if (n > 4 && strcmp(rel + n - 4, ".yml") == 0) {
		e = n - 4;
		*md = false;
	} else {
		return false;
	}
	*lang = 0;
	dot = NULL;
	for (i = e; i > 0; i--) {
		if (rel[i - 1] == '/')
			break;
		if (rel[i - 1] == '.') {
			dot = rel + i - 1;
			break;
		}
	}
	if (dot != NULL) {
		size_t ln = (size_t)(rel + e - dot - 1);

		for (i = 1; i < s->nlangs; i++)
			if (strlen(s->langs[i]) == ln &&
			    memcmp(s->langs[i], dot + 1, ln) == 0) {
				*lang = (int)i;
				e = (size_t)(dot - rel);
				break;
			}
	}
	*base = arena_strndup(s->arena, rel, e);
	return true;
}

/*
 * A "body: |" block starts on the line after the '|', indented: the
 * places in it (a broken link, a table, a lookalike letter) are then
 * counted from its first character.  Every line of a block has the same
 * indentation, so one column serves them all.
 */
static void
block_body_pos(struct pos *p, const char *text, size_t len)
{
	unsigned line = 1;
	size_t i = 0, k = 0;

	while (i < len && line < p->line + 1)
		if (text[i++] == '\n')
			line++;
	if (i >= len)
		return;
	while (i + k < len && text[i + k] == ' ')
		k++;
	p->line++;
	p->col = 1 + (unsigned)k;
}

static void
push_item(struct site *s, struct collection *co, struct item *it)
{
	co->items = arena_grow(s->arena, co->items, co->n, &co->cap,
	    sizeof *co->items);
	co->items[co->n++] = it;
}

/*
 * Reads one record into an item allocated in a (the calling worker's
 * arena); NULL after recording why it cannot be used.  A Markdown body
 * that is its file's own bytes is not kept when the bodies are read
 * again (s->reread): only where it is and its hash.
 */
static struct item *
load_item(struct site *s, struct arena *a, struct source *src,
    struct collection *co, const char *path, const char *base, int lang,
    bool md)
{
	struct buf b = {0};
	struct item *it = NULL, *ok = NULL;
	struct frontmatter fm;
	struct value *v = NULL;
	char *text;
	size_t len;
	bool eth, same, keep;

	if (read_text(s, src, path, &b, &eth, &same) == -1)
		goto out;
	len = b.len;
	keep = !md || !same || s->reread == NULL;
	text = keep ? buf_keep(&b, a) : b.data;
	it = arena_calloc(a, 1, sizeof *it);
	it->path = path;
	it->coll = co;
	it->base = base;
	it->lang_index = lang;
	it->lang = s->langs[lang];
	it->markdown = md;
	it->body = "";
	if (md) {
		if (frontmatter_split(s->diags, path, text, len, &fm) == -1)
			goto out;
		if (fm.present &&
		    value_parse_yaml_borrow(a, s->diags, path, fm.yaml,
		        fm.yaml_len, fm.yaml_line, &v) == -1)
			goto out;
		it->body = fm.body;
		it->body_len = fm.body_len;
		it->body_pos.path = path;
		it->body_pos.line = fm.body_line;
		it->body_pos.col = 1;
		if (eth)
			body_lookalikes(s, it);
		if (!keep && fm.body_len > 0) {
			it->body_off = (size_t)(fm.body - text);
			it->body_hash = hash_words(fm.body, fm.body_len);
			it->body = NULL; /* item_body() reads it */
		} else if (!keep) {
			it->body = "";
		}
	} else if (value_parse_yaml_borrow(a, s->diags, path, text, len, 1,
	               &v) == -1) {
		goto out;
	}
	if (v == NULL) {
		struct pos p = {path, 1, 1};

		diag_error(s->diags, p, md ? "record.no-front-matter" :
		    "record.empty-file");
		goto out;
	}
	if (v->type != VALUE_MAP) {
		diag_error(s->diags, v->pos, md ?
		    "record.front-matter-not-map" : "record.file-not-map");
		goto out;
	}
	it->data = v;
	if (!md) {
		/* A data file may carry its body as Markdown text. */
		struct value *body = value_map_get(v, "body");

		if (body != NULL && body->type == VALUE_STR) {
			it->body = body->text;
			it->body_len = body->len;
			it->body_pos = body->pos;
			if (body->style == 2)
				block_body_pos(&it->body_pos, text, len);
		}
	}
	{
		struct value *d = value_map_get(v, "draft");

		it->draft = d != NULL && d->type == VALUE_BOOL && d->u.b;
	}
	ok = it;
out:
	buf_release(&b);
	return ok;
}

/* One file to load, and what came of it. */
struct job {
	struct collection *co;
	const char *path, *base;
	int lang;
	bool md;
	struct item *it;
};

struct jobs {
	struct job *v;
	size_t n, cap;
};

static void
add_job(struct site *s, struct jobs *j, struct collection *co,
    const char *path, const char *base, int lang, bool md)
{
	/* malloc: the list is dropped once its items are loaded. */
	if (j->n == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 256;
		j->v = xreallocarray(j->v, j->cap, sizeof *j->v);
	}
	j->v[j->n++] = (struct job){co, path, base, lang, md, NULL};
}

static void
load_folder(struct site *s, struct source *src, struct collection *co,
    struct jobs *jobs)
{
	const char *dir = arena_printf(s->arena, "content/%s", co->name);
	const char **paths;
	size_t n, i, pre = strlen(dir) + 1;

	if (source_list(src, dir, &paths, &n) == -1)
		return;
	if (n == 0) {
		struct pos p = co->conf->pos;

		diag_warning(s->diags, p, "config.collection-empty", co->name,
		    dir);
	}
	for (i = 0; i < n; i++) {
		const char *base;
		int lang;
		bool md;

		if (!split_name(s, paths[i] + pre, &base, &lang, &md)) {
			diag_warning(s->diags, pos_file(paths[i]),
			    "record.file-ignored");
			continue;
		}
		add_job(s, jobs, co, paths[i], base, lang, md);
	}
}

struct pool {
	struct site *s;
	struct source *src;
	struct jobs *jobs;
	atomic_size_t next;
};

struct worker {
	struct pool *pool;
	struct arena *arena;
	pthread_t tid;
};

static void *
load_worker(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;
	size_t i;

	while ((i = atomic_fetch_add(&p->next, 1)) < p->jobs->n) {
		struct job *j = &p->jobs->v[i];

		j->it = load_item(p->s, w->arena, p->src, j->co, j->path,
		    j->base, j->lang, j->md);
	}
	return NULL;
}

/*
 * Loads every file of jobs, reading and parsing on one thread per core
 * (one for a git source, whose reader is single-threaded), each into an
 * arena of its own that the build's arena then adopts.  Items join their
 * collections in the order of the listing, whatever the threads did.
 */
static void
load_all(struct site *s, struct source *src, struct jobs *jobs)
{
	struct pool p = {s, src, jobs, 0};
	struct worker w[8];
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nw = source_commit(src) != NULL || ncpu < 1 ? 1 :
	    (size_t)ncpu, i, started;

	if (nw > sizeof w / sizeof w[0])
		nw = sizeof w / sizeof w[0];
	if (nw > jobs->n / 64 + 1)
		nw = jobs->n / 64 + 1;	/* threads only when they pay */
	if (nw < 1)
		nw = 1;
	atomic_init(&p.next, 0);
	memset(w, 0, sizeof w);
	for (i = 0; i < nw; i++) {
		w[i].pool = &p;
		w[i].arena = arena_new();
	}
	for (started = 1; started < nw; started++)
		if (pthread_create(&w[started].tid, NULL, load_worker,
		    &w[started]) != 0)
			break;
	load_worker(&w[0]);
	for (i = 1; i < started; i++)
		pthread_join(w[i].tid, NULL);
	for (i = 0; i < nw; i++)
		arena_adopt(s->arena, w[i].arena);
	for (i = 0; i < jobs->n; i++)
		if (jobs->v[i].it != NULL)
			push_item(s, jobs->v[i].co, jobs->v[i].it);
}

/* Files in content/ that belong to no collection are worth a word. */
static void
check_strays(struct site *s, struct source *src)
{
	struct arena *tmp = arena_new();
	const char **paths;
	size_t n, i;

	/* Every file of content/, looked at once: a scratch listing. */
	if (source_list_in(src, tmp, "content", &paths, &n) == -1) {
		arena_free(tmp);
		return;
	}
	for (i = 0; i < n; i++) {
		const char *rel = paths[i] + strlen("content/");
		const char *slash = strchr(rel, '/');

		if (slash == NULL) {
			if (strcmp(rel, "site.yaml") != 0 &&
			    strcmp(rel, "README.md") != 0)
				diag_warning(s->diags, pos_file(paths[i]),
				    "record.stray-file");
			continue;
		}
		if ((size_t)(slash - rel) == 5 && memcmp(rel, "files", 5) == 0) {
			const char *from = arena_strdup(s->arena, paths[i]);

			site_add_copy(s, from, from + strlen("content/"));
			continue;
		}
		if (coll_named(s, rel, (size_t)(slash - rel)) == NULL) {
			/* One warning per folder: at its first file. */
			if (i > 0) {
				const char *prev = paths[i - 1] +
				    strlen("content/");
				size_t k = (size_t)(slash - rel) + 1;

				if (strncmp(prev, rel, k) == 0)
					continue;
			}
			diag_warning(s->diags, pos_file(paths[i]),
			    "record.stray-folder", diag_fmt(s->diags,
			    "content/%.*s/", (int)(slash - rel), rel));
		}
	}
	arena_free(tmp);
}

struct site *
content_load(struct arena *a, struct diags *d, struct source *src,
    unsigned flags)
{
	struct site *s = arena_calloc(a, 1, sizeof *s);
	struct buf b = {0};
	struct value *conf = NULL;
	size_t i;
	bool eth, same;

	s->arena = a;
	s->diags = d;
	if ((flags & CONTENT_REREAD) && source_rereadable(src))
		s->reread = src;
	if (!source_exists(src, SITE_YAML)) {
		diag_error(d, pos_file(SITE_YAML), "config.missing");
		goto fail;
	}
	if (read_text(s, src, SITE_YAML, &b, &eth, &same) == -1 ||
	    value_parse_yaml(a, d, SITE_YAML, buf_cstr(&b), b.len, 1, &conf) ==
	        -1)
		goto fail;
	if (conf == NULL || conf->type != VALUE_MAP) {
		struct pos p = {SITE_YAML, 1, 1};

		diag_error(d, conf ? conf->pos : p, "config.not-map");
		goto fail;
	}
	buf_release(&b);
	s->conf = conf;
	unknown_keys(s, conf, site_keys, NULL);
	load_languages(s);
	fx_load(s);
	load_collections(s);
	{
		struct jobs jobs = {NULL, 0, 0};

		for (i = 0; i < s->ncolls; i++)
			load_folder(s, src, &s->colls[i], &jobs);
		load_all(s, src, &jobs);
		free(jobs.v);
	}
	check_strays(s, src);
	return s;
fail:
	buf_release(&b);
	return NULL;
}
