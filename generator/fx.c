/*
 * The exchange rate of site.yaml and the US-dollar equivalents that
 * pages in other languages than the first show beside amounts in đồng
 * (fx.h).
 */
#include <string.h>

#include "arena.h"
#include "budget_forms.h"
#include "buf.h"
#include "date.h"
#include "decimal.h"
#include "diag.h"
#include "fmt.h"
#include "fx.h"
#include "site.h"
#include "site_impl.h"
#include "value.h"
#include "words.h"

/* What site.yaml's exchange_rate said, checked. */
struct fx {
	long double usd_vnd; /* đồng for one dollar, > 0 */
	const char *rate; /* as written: "25400" */
	const char *date; /* YYYY-MM-DD */
	const struct value *source; /* text or {vi:, en:} */
};

/* The đồng for a dollar that a rate may say (it was about 25 400 in
 * 2025): wide enough for decades, narrow enough to catch 25.400. */
#define FX_MIN 1000
#define FX_MAX 1000000

static const char *const fx_keys[] = {"usd_vnd", "date", "source", NULL};

/* True for a scalar with text, or a map of texts (per language). */
static bool
has_text(const struct value *v)
{
	size_t i;

	if (v == NULL)
		return false;
	if (value_is_scalar(v))
		return v->text != NULL && v->len > 0;
	if (v->type != VALUE_MAP || v->n == 0)
		return false;
	for (i = 0; i < v->n; i++)
		if (!value_is_scalar(v->pairs[i].val) ||
		    v->pairs[i].val->len == 0)
			return false;
	return true;
}

void
fx_load(struct site *s)
{
	const struct value *m = value_map_get(s->conf, "exchange_rate");
	const struct value *r, *d, *src;
	struct decimal dr = {0, 0};
	struct fx *fx;
	struct pos at;
	bool ok = true;
	size_t i, k;

	s->fx = NULL;
	if (m == NULL)
		return;
	at = m->pos;
	if (m->type != VALUE_MAP) {
		diag_error(s->diags, m->pos, "config.fx-not-map");
		return;
	}
	for (i = 0; i < m->n; i++) {
		for (k = 0; fx_keys[k] != NULL; k++)
			if (strcmp(m->pairs[i].key, fx_keys[k]) == 0)
				break;
		if (fx_keys[k] == NULL)
			diag_warning(s->diags, value_pair_pos(&m->pairs[i]),
			    "config.fx-unknown-key", m->pairs[i].key);
	}
	/* A missing line: at the key `exchange_rate:` that asks for it. */
	for (i = 0; i < s->conf->n; i++)
		if (strcmp(s->conf->pairs[i].key, "exchange_rate") == 0)
			at = value_pair_pos(&s->conf->pairs[i]);
	for (k = 0; fx_keys[k] != NULL; k++)
		if (value_map_get(m, fx_keys[k]) == NULL) {
			diag_error(s->diags, at, "config.fx-missing",
			    fx_keys[k]);
			ok = false;
		}
	r = value_map_get(m, "usd_vnd");
	if (r != NULL && (!decimal_of_value(r, &dr) || dr.m <= 0)) {
		diag_error(s->diags, r->pos, "config.fx-rate",
		    value_is_scalar(r) && r->text ? r->text : "");
		ok = false;
	}
	d = value_map_get(m, "date");
	if (d != NULL &&
	    (!value_is_scalar(d) || d->text == NULL ||
	        !date_is_valid(d->text, d->len))) {
		diag_error(s->diags, d->pos, "config.fx-date",
		    value_is_scalar(d) && d->text ? d->text : "");
		ok = false;
	}
	src = value_map_get(m, "source");
	if (src != NULL && !has_text(src)) {
		diag_error(s->diags, src->pos, "config.fx-source");
		ok = false;
	}
	/* ok implies r and d; the analyser cannot tell. */
	if (!ok || r == NULL || d == NULL)
		return;
	fx = arena_alloc(s->arena, sizeof *fx);
	fx->usd_vnd = (long double)dr.m;
	for (i = 0; i < (size_t)dr.scale; i++)
		fx->usd_vnd /= 10;
	/* YAML reads 25.400 as 25.4: a rate outside what the đồng has
	 * been worth is a slip of the thousands dot, not a rate. */
	if (fx->usd_vnd < FX_MIN || fx->usd_vnd > FX_MAX) {
		struct buf lo = {0}, hi = {0};

		/* In the messages' own figures: 1.000 and 1.000.000. */
		fmt_int(&lo, FX_MIN, fmt_messages());
		fmt_int(&hi, FX_MAX, fmt_messages());
		diag_error(s->diags, r->pos, "config.fx-rate-range", r->text,
		    diag_fmt(s->diags, "%s", buf_cstr(&lo)),
		    diag_fmt(s->diags, "%s", buf_cstr(&hi)));
		buf_release(&lo);
		buf_release(&hi);
		return;
	}
	fx->rate = r->text;
	fx->date = d->text;
	fx->source = src;
	s->fx = fx;
}

/* Does language lang show equivalents?  Every language but the first. */
static bool
shows(const struct site *s, const char *lang)
{
	return s->fx != NULL && lang != NULL && s->nlangs > 0 &&
	    strcmp(lang, s->langs[0]) != 0;
}

/* The equivalent of a in unit (đồng, thousands, millions or billions of
 * đồng), or NULL. */
static const char *
usd_of(struct site *s, struct decimal a, const char *unit, const char *lang)
{
	const char *pairs[] = {"usd", NULL, NULL};
	struct buf b = {0};
	long double v, k;
	const char *r;
	int i, e;

	/* The budgets' table of đồng units; any other is not in đồng
	 * (already in dollars). */
	if (!shows(s, lang) || (e = budget_unit_exp(unit)) < 0)
		return NULL;
	v = (long double)a.m;
	for (i = 0; i < a.scale; i++)
		v /= 10;
	for (k = 1, i = 0; i < e; i++)
		k *= 10; /* exact: 1, 1e3, 1e6 or 1e9 */
	v *= k;
	v /= s->fx->usd_vnd;
	if (!(v < 9e18L) || v < 0)
		return NULL;
	/* v >= 0: a half added rounds to the nearest dollar (no libm). */
	fmt_int(&b, (int64_t)(v + 0.5L), site_fmt(s, lang));
	pairs[1] = buf_cstr(&b);
	r = words_fill(s->arena, site_word(s, lang, "usd_equivalent"), pairs);
	buf_release(&b);
	return r;
}

const char *
fx_usd_text(struct site *s, const struct value *m, const char *lang)
{
	struct decimal a;

	if (!decimal_of_value(value_map_get(m, "amount"), &a))
		return NULL;
	return usd_of(s, a, value_map_str(m, "unit"), lang);
}

const char *
fx_usd_figure(struct site *s, const char *amount, const char *unit,
    const char *lang)
{
	struct decimal a;

	if (amount == NULL ||
	    decimal_parse(amount, strlen(amount), DECIMAL_SCALE_MAX,
	        DECIMAL_DIGITS_MAX, &a) != DECIMAL_OK)
		return NULL;
	return usd_of(s, a, unit, lang);
}

void
fx_globals(struct site *s)
{
	struct buf rate = {0}, date = {0};
	size_t lang;

	for (lang = 1; s->fx != NULL && lang < s->nlangs; lang++) {
		const char *l = s->langs[lang];
		const struct fmt_style *st = site_fmt(s, l);
		struct value *site = value_map_get(s->globals[lang], "site");
		const char *pairs[] = {"rate", NULL, "date", NULL, "source",
		    NULL, NULL};

		if (site == NULL)
			continue;
		buf_reset(&rate);
		buf_reset(&date);
		if (!fmt_decimal(&rate, s->fx->rate, st))
			buf_adds(&rate, s->fx->rate);
		fmt_date(&date, s->fx->date, st);
		pairs[1] = buf_cstr(&rate);
		pairs[3] = buf_cstr(&date);
		pairs[5] = value_ltext(s->fx->source, l, s->langs[0]);
		if (pairs[5] == NULL)
			pairs[5] = "";
		value_map_set(s->arena, site, "exchange_rate_note",
		    site_vstr(s,
		        words_fill(s->arena,
		            site_word(s, l, "exchange_rate_note"), pairs)));
	}
	buf_release(&rate);
	buf_release(&date);
}
