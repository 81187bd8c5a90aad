/*
 * The history stage's diffs, for revision pages.  In: two versions of a
 * record (value trees) or of a Markdown body (text).  Out: value lists
 * of changes, each with its kind and a dotted path and label for value
 * diffs, or a paragraph for text diffs; all in the build arena.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "hash.h"
#include "history.h"
#include "history_impl.h"
#include "utf8.h"
#include "value.h"

#define NONE SIZE_MAX

/*
 * Value diffs.  The path being compared is a stack of steps (a map key,
 * or a list index with the element's label when it has one); a record's
 * dotted path and human label are both made from it.
 */
struct step {
	const char *key;		/* map step; NULL for a list step */
	size_t index;			/* list step: 0-based */
	const char *label;		/* list step: the element's label */
};

struct vdiff {
	struct arena *a;
	struct value *out;
	struct step st[VALUE_MAX_DEPTH + 2];
	size_t depth;
};

/* The scalar as written; "" for null, a map or a list. */
static const char *
scalar(struct arena *a, const struct value *v)
{
	struct buf b = {0};
	const char *s;

	if (v == NULL || v->type == VALUE_NULL || v->type == VALUE_MAP ||
	    v->type == VALUE_LIST)
		return "";
	if (v->text != NULL)
		return arena_strndup(a, v->text, v->len);
	value_scalar_text(v, &b);
	s = buf_keep(&b, a);
	buf_release(&b);
	return s;
}

/* The element's label (label, title or name; vi of a {vi, en} map). */
static const char *
label_of(struct arena *a, const struct value *v)
{
	static const char *const keys[] = {"label", "title", "name"};
	const struct value *l;
	const char *s;
	size_t i;

	if (v == NULL || v->type != VALUE_MAP)
		return NULL;
	for (i = 0; i < sizeof keys / sizeof *keys; i++) {
		if ((l = value_map_get(v, keys[i])) == NULL)
			continue;
		/*
		 * "vi" and not the site's first language: a diff is made
		 * once per revision, before (and without) the site.
		 */
		if (l->type == VALUE_MAP)
			l = value_lang(l, "vi", NULL);
		if (l != NULL && value_is_scalar(l) &&
		    *(s = scalar(a, l)) != '\0')
			return s;
	}
	return NULL;
}

static void
emit(struct vdiff *x, const char *kind, const char *old, const char *new_)
{
	struct buf path = {0}, label = {0};
	struct value *r = value_map(x->a);
	const struct step *s;
	size_t i, lastkey = NONE;
	bool labelled = false;

	for (i = 0; i < x->depth; i++) {
		s = &x->st[i];
		if (s->key != NULL)
			lastkey = i;
		else if (s->label != NULL)
			labelled = true;
		if (i > 0)
			buf_addc(&path, '.');
		if (s->key != NULL)
			buf_adds(&path, s->key);
		else
			buf_addf(&path, "%zu", s->index);
	}
	/* With labels: the labels, then the last key and what follows it. */
	for (i = 0; i < x->depth; i++) {
		s = &x->st[i];
		if (labelled && !(s->key == NULL && s->label != NULL) &&
		    lastkey != NONE && i < lastkey)
			continue;
		if (label.len > 0)
			buf_adds(&label, " \xE2\x80\xBA ");
		if (s->key != NULL)
			buf_adds(&label, s->key);
		else if (s->label != NULL)
			buf_adds(&label, s->label);
		else
			buf_addf(&label, "%zu", s->index + 1);
	}
	value_map_set(x->a, r, "path", value_strz(x->a, buf_cstr(&path)));
	value_map_set(x->a, r, "label", value_strz(x->a, buf_cstr(&label)));
	value_map_set(x->a, r, "key", value_strz(x->a,
	    lastkey != NONE ? x->st[lastkey].key : ""));
	value_map_set(x->a, r, "old", value_strz(x->a, old));
	value_map_set(x->a, r, "new", value_strz(x->a, new_));
	value_map_set(x->a, r, "kind", value_strz(x->a, kind));
	value_list_push(x->a, x->out, r);
	buf_release(&path);
	buf_release(&label);
}

/* Pushes a step; false (nothing pushed) beyond the depth limit. */
static bool
push(struct vdiff *x, const char *key, size_t index, const char *label)
{
	if (x->depth >= VALUE_MAX_DEPTH)
		return false;
	x->st[x->depth].key = key;
	x->st[x->depth].index = index;
	x->st[x->depth++].label = label;
	return true;
}

/* Reports every scalar in v as added (or removed). */
static void
leaves(struct vdiff *x, const struct value *v, bool added)
{
	const char *s;
	size_t i;

	if (v != NULL && v->type == VALUE_MAP && v->n > 0) {
		for (i = 0; i < v->n; i++)
			if (push(x, v->pairs[i].key, 0, NULL)) {
				leaves(x, v->pairs[i].val, added);
				x->depth--;
			}
		return;
	}
	if (v != NULL && v->type == VALUE_LIST && v->n > 0) {
		for (i = 0; i < v->n; i++)
			if (push(x, NULL, i, label_of(x->a, v->items[i]))) {
				leaves(x, v->items[i], added);
				x->depth--;
			}
		return;
	}
	s = scalar(x->a, v);
	if (v != NULL && v->type == VALUE_MAP)
		s = "{}";
	else if (v != NULL && v->type == VALUE_LIST)
		s = "[]";
	emit(x, added ? "added" : "removed", added ? "" : s, added ? s : "");
}

static void compare(struct vdiff *, const struct value *,
    const struct value *);

/* Labels usable as identities: every element has one, all distinct. */
static const char **
identities(struct arena *a, const struct value *l)
{
	const char **id = arena_calloc(a, l->n ? l->n : 1, sizeof *id);
	size_t i, j;

	for (i = 0; i < l->n; i++) {
		if ((id[i] = label_of(a, l->items[i])) == NULL)
			return NULL;
		for (j = 0; j < i; j++)	/* lists are short: budget lines */
			if (strcmp(id[i], id[j]) == 0)
				return NULL;
	}
	return id;
}

static void
compare_lists(struct vdiff *x, const struct value *o, const struct value *n)
{
	const char **oid = identities(x->a, o), **nid = identities(x->a, n);
	size_t *match = arena_calloc(x->a, n->n ? n->n : 1, sizeof *match);
	bool *used = arena_calloc(x->a, o->n ? o->n : 1, sizeof *used);
	size_t i, j, lost = 0, come = 0;

	for (j = 0; j < n->n; j++) {
		match[j] = NONE;
		if (oid == NULL || nid == NULL)
			match[j] = j < o->n ? j : NONE;
		else
			for (i = 0; i < o->n && match[j] == NONE; i++)
				if (strcmp(oid[i], nid[j]) == 0)
					match[j] = i;
		if (match[j] != NONE)
			used[match[j]] = true;
		else
			come++;
	}
	for (i = 0; i < o->n; i++)
		lost += !used[i];
	/* As many went as came: relabelled in place, paired in order. */
	if (lost > 0 && lost == come)
		for (i = j = 0; j < n->n; j++) {
			if (match[j] != NONE)
				continue;
			while (used[i])
				i++;
			match[j] = i;
			used[i] = true;
		}
	for (j = 0; j < n->n; j++) {
		if (!push(x, NULL, j, label_of(x->a, n->items[j])))
			continue;
		if (match[j] == NONE)
			leaves(x, n->items[j], true);
		else
			compare(x, o->items[match[j]], n->items[j]);
		x->depth--;
	}
	for (i = 0; i < o->n; i++)
		if (!used[i] && push(x, NULL, i, label_of(x->a, o->items[i]))) {
			leaves(x, o->items[i], false);
			x->depth--;
		}
}

static void
compare(struct vdiff *x, const struct value *o, const struct value *n)
{
	const char *os, *ns;
	size_t i;

	if (o == NULL || n == NULL) {
		if (o != NULL || n != NULL)
			leaves(x, o != NULL ? o : n, o == NULL);
		return;
	}
	if (o->type == VALUE_MAP && n->type == VALUE_MAP) {
		for (i = 0; i < n->n; i++)
			if (push(x, n->pairs[i].key, 0, NULL)) {
				compare(x, value_map_get(o, n->pairs[i].key),
				    n->pairs[i].val);
				x->depth--;
			}
		for (i = 0; i < o->n; i++)
			if (value_map_get(n, o->pairs[i].key) == NULL &&
			    push(x, o->pairs[i].key, 0, NULL)) {
				leaves(x, o->pairs[i].val, false);
				x->depth--;
			}
		return;
	}
	if (o->type == VALUE_LIST && n->type == VALUE_LIST) {
		compare_lists(x, o, n);
		return;
	}
	if (value_is_scalar(o) && value_is_scalar(n)) {
		os = scalar(x->a, o);
		ns = scalar(x->a, n);
		if (strcmp(os, ns) != 0)
			emit(x, "changed", os, ns);
		return;
	}
	/* A scalar became a map or a list, or the other way round. */
	leaves(x, o, false);
	leaves(x, n, true);
}

struct value *
history_diff_values(struct arena *a, const struct value *old,
    const struct value *new_)
{
	struct vdiff x;

	memset(&x, 0, sizeof x);
	x.a = a;
	x.out = value_list(a);
	compare(&x, old, new_);
	return x.out;
}

/* Text diffs: a paragraph is a run of non-blank lines. */
struct para {
	const char *s;
	size_t n;
	uint64_t h;
};

static bool
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* Splits s into paragraphs (malloc array, pointing into s). */
static struct para *
split(const char *s, size_t n, size_t *np)
{
	struct para *p = NULL;
	size_t cap = 0, i = 0, e, start = NONE, end = 0;

	*np = 0;
	while (i <= n) {
		for (e = i; e < n && s[e] != '\n'; e++)
			;
		if (i < n && !blank(s + i, e - i)) {
			if (start == NONE)
				start = i;
			end = e;
		} else if (start != NONE) {
			while (end > start &&
			    ascii_isspace((unsigned char)s[end - 1]))
				end--;
			if (*np == cap) {
				cap = cap ? cap * 2 : 16;
				p = xreallocarray(p, cap, sizeof *p);
			}
			p[*np].s = s + start;
			p[*np].n = end - start;
			p[*np].h = hash_fnv1a(HASH_FNV1A_INIT, s + start,
			    end - start);
			(*np)++;
			start = NONE;
		}
		/* A last line without '\n': one more turn to close it. */
		i = e == n && i < n ? n : e + 1;
	}
	return p;
}

static bool
same(const struct para *x, const struct para *y)
{
	return x->h == y->h && x->n == y->n && memcmp(x->s, y->s, x->n) == 0;
}

static void
text_rec(struct arena *a, struct value *out, const char *kind,
    const struct para *p)
{
	struct value *r = value_map(a);

	value_map_set(a, r, "kind", value_strz(a, kind));
	value_map_set(a, r, "text", value_str(a, p->s, p->n));
	value_list_push(a, out, r);
}

struct value *
history_diff_text(struct arena *a, const char *old, size_t oldn,
    const char *new_, size_t newn)
{
	struct value *out = value_list(a);
	struct para *o, *n;
	size_t no, nn, lo, i, j, m, k, w;
	uint16_t *L = NULL;

	o = split(old != NULL ? old : "", old != NULL ? oldn : 0, &no);
	n = split(new_ != NULL ? new_ : "", new_ != NULL ? newn : 0, &nn);
	/* The common start and end cost nothing and are usually most. */
	for (lo = 0; lo < no && lo < nn && same(&o[lo], &n[lo]); lo++)
		;
	while (no > lo && nn > lo && same(&o[no - 1], &n[nn - 1])) {
		no--;
		nn--;
	}
	m = no - lo;
	k = nn - lo;
	w = k + 1;
	if (m <= HISTORY_DIFF_MAX_PARAS && k <= HISTORY_DIFF_MAX_PARAS) {
		/* L[i][j]: LCS of old[lo+i..] and new[lo+j..]; < 2^16. */
		L = xcalloc((m + 1) * w, sizeof *L);
		for (i = m; i-- > 0;)
			for (j = k; j-- > 0;)
				L[i * w + j] = same(&o[lo + i], &n[lo + j]) ?
				    L[(i + 1) * w + j + 1] + 1 :
				    L[(i + 1) * w + j] > L[i * w + j + 1] ?
				    L[(i + 1) * w + j] : L[i * w + j + 1];
	}
	/* Without L (too big): every old paragraph, then every new one. */
	for (i = j = 0; i < m || j < k;) {
		if (L != NULL && i < m && j < k &&
		    same(&o[lo + i], &n[lo + j])) {
			i++;
			j++;
		} else if (i < m && (j == k || L == NULL ||
		    L[(i + 1) * w + j] >= L[i * w + j + 1])) {
			text_rec(a, out, "removed", &o[lo + i++]);
		} else {
			text_rec(a, out, "added", &n[lo + j++]);
		}
	}
	free(L);
	free(o);
	free(n);
	return out;
}
