/*
 * The optional exchange rate of site.yaml, for readers who count in US
 * dollars:
 *
 *	exchange_rate:
 *	  usd_vnd: 25400		# đồng for one US dollar
 *	  date: 2026-11-30		# the day the rate is of
 *	  source: {vi: …, en: …}	# who publishes it
 *
 * With it, pages in every language after the first show an amount in
 * đồng with its equivalent, "2,000 billion VND (≈ US$ 78,740,157)", and
 * the rate with its date and source in their footer.  Vietnamese pages
 * stay in đồng only.  The equivalent is rounded to the dollar: it is a
 * reading aid, never a figure of record.
 */
#ifndef MINHBACH_FX_H
#define MINHBACH_FX_H

#include <stdbool.h>

struct site;
struct value;

/*
 * Load stage: checks site.yaml's exchange_rate (when present) and keeps
 * it on s (s->fx); located errors for a missing or wrong usd_vnd, date
 * or source, warnings for unknown keys.  Without the key, or after an
 * error, no page shows an equivalent.
 */
void fx_load(struct site *s);

/*
 * "(≈ US$ 78,740,157)" for the money map m ({amount, unit}) on a page
 * in language lang, in lang's number style and words (usd_equivalent);
 * NULL when the site has no rate, lang is the first language, the unit
 * is not đồng or the amount is not a plain number.  Arena memory.
 */
const char *
fx_usd_text(struct site *s, const struct value *m, const char *lang);

/*
 * The same for a plain decimal amount ("2750000000", "1.5") in unit, a
 * budget's currency_unit (dong, nghin_dong, trieu_dong, ty_dong); NULL
 * as fx_usd_text() says.
 */
const char *fx_usd_figure(struct site *s, const char *amount, const char *unit,
    const char *lang);

/*
 * Model stage, after the globals: sets site.exchange_rate_note (the
 * rate, its date and source in the language's words, exchange_rate_note)
 * on the globals of every language that shows equivalents.
 */
void fx_globals(struct site *s);

#endif
