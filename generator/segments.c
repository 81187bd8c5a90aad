/*
 * URL segments of generated pages (segments.h): site.yaml's
 * `segments:` over today's defaults, and the located checks of that
 * map (known names, slugs, the site's languages).
 */
#include <string.h>

#include "diag.h"
#include "site.h"
#include "segments.h"
#include "utf8.h"
#include "value.h"

/* Name, Vietnamese default, default of every other language. */
static const char *const defaults[][3] = {
    {"history", "lich-su", "history"},
    {"changes", "thay-doi", "changes"},
    {"page", "trang", "page"},
    {"series", "chuoi", "series"},
    {"zone", "khu", "zone"},
    {"sector", "linh-vuc", "sector"},
    {"status", "trang-thai", "status"},
    {"search", "tim-kiem", "search"},
    {"opportunities", "co-hoi-dau-tu", "opportunities"},
};
#define NSEG (sizeof defaults / sizeof defaults[0])

static int
seg_index(const char *name)
{
	for (size_t i = 0; i < NSEG; i++)
		if (strcmp(defaults[i][0], name) == 0)
			return (int)i;
	return -1;
}

const char *
site_segment(const struct site *s, int lang, const char *name)
{
	const struct value *v = value_map_get(value_map_get(s->conf,
	    "segments"), name);
	int i = seg_index(name);

	if (v != NULL && v->type == VALUE_STR && utf8_is_slug(v->text))
		return v->text;
	if (v != NULL && v->type == VALUE_MAP) {
		const char *t = value_map_str(v, s->langs[lang]);

		if (t != NULL && utf8_is_slug(t))
			return t;
	}
	if (i < 0)
		return name;
	return defaults[i][strcmp(s->langs[lang], "vi") == 0 ? 1 : 2];
}

/* One segment's text v (name, for messages): a slug, or -1. */
static int
check_slug(struct site *s, const struct value *v, const char *name,
    const char *lang)
{
	if (v->type == VALUE_STR && utf8_is_slug(v->text))
		return 0;
	return diag_error(s->diags, v->pos, "segments.not-slug",
	    lang ? diag_fmt(s->diags, "%s.%s", name, lang) : name,
	    defaults[seg_index(name)][1], value_is_scalar(v) ? v->text :
	    "[…]");
}

int
segments_check(struct site *s)
{
	const struct value *m = value_map_get(s->conf, "segments");
	const char *names[NSEG + 1];
	int rc = 0;

	if (m == NULL)
		return 0;
	if (m->type != VALUE_MAP)
		return diag_error(s->diags, m->pos, "segments.not-map");
	for (size_t i = 0; i < NSEG; i++)
		names[i] = defaults[i][0];
	names[NSEG] = NULL;
	for (size_t i = 0; i < m->n; i++) {
		const struct value_pair *p = &m->pairs[i];

		if (seg_index(p->key) < 0) {
			const char *near = utf8_nearest(p->key, names, NSEG);

			rc = near != NULL ?
			    diag_error(s->diags, value_pair_pos(p),
			        "segments.unknown-kind-near", p->key, near) :
			    diag_error(s->diags, value_pair_pos(p),
			        "segments.unknown-kind", p->key);
			continue;
		}
		if (p->val->type != VALUE_MAP) {
			if (check_slug(s, p->val, p->key, NULL) == -1)
				rc = -1;
			continue;
		}
		for (size_t j = 0; j < p->val->n; j++) {
			const struct value_pair *q = &p->val->pairs[j];
			size_t l;

			for (l = 0; l < s->nlangs; l++)
				if (strcmp(s->langs[l], q->key) == 0)
					break;
			if (l == s->nlangs) {
				rc = diag_error(s->diags, value_pair_pos(q),
				    "segments.unknown-language", p->key,
				    q->key);
				continue;
			}
			if (check_slug(s, q->val, p->key, q->key) == -1)
				rc = -1;
		}
	}
	/* Two page kinds of one language under one segment would write
	 * their pages into one folder. */
	for (size_t l = 0; l < s->nlangs && rc == 0; l++)
		for (size_t i = 0; i < NSEG; i++)
			for (size_t j = i + 1; j < NSEG; j++)
				if (strcmp(site_segment(s, (int)l,
				    defaults[i][0]), site_segment(s, (int)l,
				    defaults[j][0])) == 0)
					rc = diag_error(s->diags, m->pos,
					    "segments.same",
					    defaults[i][0], defaults[j][0],
					    site_segment(s, (int)l,
					    defaults[i][0]), s->langs[l]);
	return rc;
}
