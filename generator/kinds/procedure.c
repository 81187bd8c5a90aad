/*
 * The procedure kind: an administrative procedure the board handles
 * (Luật Tiếp cận thông tin 2016 Điều 19 k1 a; NĐ 224/2026 Điều 9 k1 a).
 * Validate: the shape of its national code, a link to the national
 * public service portal.  Model: level, fee and time limit for readers.
 */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "kind.h"
#include "records.h"
#include "site.h"
#include "utf8.h"
#include "value.h"
#include "words.h"

/* The national portal's host; its sub-domains (thutuc.) are its too. */
#define PORTAL_HOST "dichvucong.gov.vn"

/* True when s[0..n) is n digits. */
static bool
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!ascii_isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/*
 * The shape of a code of the national procedures database as the
 * national portal shows it: one digit, '.', six digits (1.009763); a
 * local variant adds ".000.00.00.H29" (three, two, two digits, then a
 * capital and two digits).  Read from the portal's published codes, not
 * from a text of law.
 */
static bool
code_shape(const char *c, size_t n)
{
	if (n < 8 || !digits(c, 1) || c[1] != '.' || !digits(c + 2, 6))
		return false;
	if (n == 8)
		return true;
	return n == 22 && c[8] == '.' && digits(c + 9, 3) && c[12] == '.' &&
	    digits(c + 13, 2) && c[15] == '.' && digits(c + 16, 2) &&
	    c[18] == '.' && c[19] >= 'A' && c[19] <= 'Z' && digits(c + 20, 2);
}

/* The host of an absolute URL u (arena), or NULL. */
static const char *
url_host(struct site *s, const char *u, bool *https)
{
	const char *p = strstr(u, "://"), *e;

	if (p == NULL)
		return NULL;
	*https = (size_t)(p - u) == 5 && strncmp(u, "https", 5) == 0;
	p += 3;
	for (e = p; *e != '\0' && *e != '/' && *e != ':' && *e != '?' &&
	    *e != '#'; e++)
		;
	return arena_strndup(s->arena, p, (size_t)(e - p));
}

static void
check_procedure(struct site *s, const struct site_names *x,
    const struct item *it)
{
	const struct value *code = value_map_get(it->data, "code");
	const struct value *url = value_map_get(it->data, "portal_url");
	const char *host;
	bool https = false;
	size_t h, p = strlen(PORTAL_HOST);

	if (code != NULL && value_is_scalar(code) &&
	    !code_shape(code->text, code->len))
		diag_error(s->diags, code->pos, "procedure.bad-code",
		    code->text);
	if (url == NULL || url->type != VALUE_STR)
		return;
	host = url_host(s, url->text, &https);
	h = host != NULL ? strlen(host) : 0;
	if (host == NULL || !(strcmp(host, PORTAL_HOST) == 0 || (h > p &&
	    strcmp(host + h - p, PORTAL_HOST) == 0 && host[h - p - 1] ==
	    '.')))
		diag_error(s->diags, url->pos, "procedure.not-portal",
		    url->text, PORTAL_HOST);
	else if (!https)
		diag_error(s->diags, url->pos, "procedure.not-https",
		    url->text);
}

static void
frame_procedure(struct site *s, const struct site_names *x,
    struct item *it)
{
	const struct value *d = it->data, *fee = value_map_get(d, "fee");
	const struct value *amt = value_map_get(fee, "amount");
	const struct value *days = value_map_get(d, "processing_days");
	const char *lang = it->lang, *v;

	v = value_map_str(d, "level");
	records_set(s, it->frame, "level_text", v ? site_word(s, lang,
	    arena_printf(s->arena, "procedure.level_values.%s", v)) : NULL);
	v = value_map_str(d, "online");
	records_set(s, it->frame, "online_text", v ? site_word(s, lang,
	    arena_printf(s->arena, "procedure.online_values.%s", v)) : NULL);
	if (amt != NULL && amt->type == VALUE_INT && amt->u.i == 0)
		records_set(s, it->frame, "fee_text", site_word(s, lang,
		    "procedure.free"));
	else
		records_set(s, it->frame, "fee_text", records_figure(s, amt,
		    lang, site_word(s, lang, "procedure.dong")));
	records_set(s, it->frame, "processing_text", days != NULL &&
	    days->type == VALUE_INT ? arena_printf(s->arena, "%s %s",
	    days->text, site_word(s, lang, "procedure.working_days")) : NULL);
}

const struct kind kind_procedure = {
	.name = "procedure",
	.check = check_procedure,
	.frame = frame_procedure,
};
