/*
 * Publication deadlines (deadline.h), validate stage.  In: the rules of
 * generator/deadlines.yaml and the calendar of generator/holidays.yaml.
 * Out: due dates, and warnings for late publication that cite the
 * article, the date counted from, the due date and the publication date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "calendar.h"
#include "date.h"
#include "deadline.h"
#include "diag.h"
#include "fmt.h"
#include "site.h"
#include "utf8.h"
#include "value.h"

struct regime {
	const char *id, *title;
	const char *circulars;	/* space-separated */
};

struct deadlines {
	const struct calendar *cal;
	struct regime *regimes;
	size_t nregimes;
	struct deadline_rule *rules;
	size_t nrules;
};

static const char *const trigger_names[] = {"approval", "period_end",
    "reported_on", "conclusion"};

/* The record kinds that have deadline rules (a rule's `record`), and
 * whether their rules name a regime (budgets: which circulars apply). */
static const struct {
	const char *record;
	bool regime;
} ruled[] = {
	{"budget", true},
	{"inspection", false},
};

/* A list of scalars as one space-separated string; NULL when absent. */
static const char *
words(struct arena *a, struct diags *d, const struct value *l,
    const char *what, int *rc)
{
	struct buf b = {0};
	const char *s;

	if (l == NULL)
		return NULL;
	if (l->type != VALUE_LIST || l->n == 0) {
		*rc = diag_error(d, l->pos, "deadline.list-empty", what);
		return NULL;
	}
	for (size_t i = 0; i < l->n; i++) {
		if (!value_is_scalar(l->items[i])) {
			*rc = diag_error(d, l->items[i]->pos,
			    "deadline.list-names", what);
			continue;
		}
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_add(&b, l->items[i]->text, l->items[i]->len);
	}
	s = b.len ? buf_keep(&b, a) : NULL;
	buf_release(&b);
	return s;
}

static const char *
need_text(struct diags *d, const struct value *m, const char *key, int *rc)
{
	const char *s = value_map_str(m, key);

	if (s == NULL || *s == '\0') {
		*rc = diag_error(d, m->pos, "deadline.rule-key", key);
		return "";
	}
	return s;
}

static void
load_rule(struct deadlines *dl, struct arena *a, struct diags *d,
    const struct value *e, struct deadline_rule *r, int *rc)
{
	const struct value *days = value_map_get(e, "days");
	const struct value *wdays = value_map_get(e, "working_days");
	const char *t;
	size_t k;

	r->record = need_text(d, e, "record", rc);
	for (k = 0; k < sizeof ruled / sizeof *ruled; k++)
		if (strcmp(r->record, ruled[k].record) == 0)
			break;
	if (k == sizeof ruled / sizeof *ruled && *r->record)
		*rc = diag_error(d, value_map_get(e, "record")->pos,
		    "deadline.record-unknown", r->record);
	r->regime = value_map_str(e, "regime");
	if (k < sizeof ruled / sizeof *ruled && ruled[k].regime) {
		size_t i;

		for (i = 0; r->regime && i < dl->nregimes; i++)
			if (strcmp(dl->regimes[i].id, r->regime) == 0)
				break;
		if (r->regime == NULL || i == dl->nregimes)
			*rc = diag_error(d, e->pos, "deadline.regime-missing",
			    r->record);
	}
	r->kinds = words(a, d, value_map_get(e, "kinds"), "kinds", rc);
	r->periods = words(a, d, value_map_get(e, "periods"), "periods", rc);
	t = need_text(d, e, "trigger", rc);
	for (k = 0; k < sizeof trigger_names / sizeof *trigger_names; k++)
		if (strcmp(trigger_names[k], t) == 0)
			break;
	if (k == sizeof trigger_names / sizeof *trigger_names) {
		if (*t)
			*rc = diag_error(d, value_map_get(e, "trigger")->pos,
			    "deadline.trigger-unknown", t);
		k = 0;
	}
	r->trigger = (enum deadline_trigger)k;
	if ((days == NULL) == (wdays == NULL) ||
	    (days && (days->type != VALUE_INT || days->u.i < 1 ||
	    days->u.i > 366)) || (wdays && (wdays->type != VALUE_INT ||
	    wdays->u.i < 1 || wdays->u.i > 366))) {
		*rc = diag_error(d, e->pos, "deadline.days-missing");
		r->count = 1;
	} else {
		r->working = wdays != NULL;
		r->count = (int)(days ? days : wdays)->u.i;
	}
	r->article = need_text(d, e, "article", rc);
	r->quote = need_text(d, e, "quote", rc);
	/* A caveat in both languages of the messages: {vi, en}. */
	r->note[0] = value_map_str(value_map_get(e, "note"), "vi");
	r->note[1] = value_map_str(value_map_get(e, "note"), "en");
	if (value_map_get(e, "note") != NULL && (r->note[0] == NULL ||
	    r->note[1] == NULL))
		*rc = diag_error(d, value_map_get(e, "note")->pos,
		    "deadline.note-languages");
}

const struct deadlines *
deadlines_load(struct arena *a, struct diags *d, const char *name,
    const char *src, size_t n, const struct calendar *cal)
{
	struct value *root = NULL;
	const struct value *rg, *ru;
	struct deadlines *dl;
	int rc = 0;
	size_t i;

	if (value_parse_yaml(a, d, name, src, n, 1, &root) == -1)
		return NULL;
	rg = value_map_get(root, "regimes");
	ru = value_map_get(root, "rules");
	if (rg == NULL || rg->type != VALUE_LIST || ru == NULL ||
	    ru->type != VALUE_LIST) {
		struct pos at = root ? root->pos : pos_file(name);

		diag_error(d, at, "deadline.lists-missing");
		return NULL;
	}
	dl = arena_calloc(a, 1, sizeof *dl);
	dl->cal = cal;
	dl->regimes = arena_calloc(a, rg->n + 1, sizeof *dl->regimes);
	dl->nregimes = rg->n;
	for (i = 0; i < rg->n; i++) {
		const struct value *e = rg->items[i];
		struct regime *r = &dl->regimes[i];

		r->id = need_text(d, e, "id", &rc);
		r->title = need_text(d, e, "title", &rc);
		r->circulars = words(a, d, value_map_get(e, "circulars"),
		    "circulars", &rc);
		if (r->circulars == NULL) {
			rc = diag_error(d, e->pos,
			    "deadline.circulars-missing");
			r->circulars = "";
		}
	}
	dl->rules = arena_calloc(a, ru->n + 1, sizeof *dl->rules);
	dl->nrules = ru->n;
	for (i = 0; i < ru->n; i++)
		load_rule(dl, a, d, ru->items[i], &dl->rules[i], &rc);
	return rc == 0 ? dl : NULL;
}

const struct deadlines *
deadlines_of(struct site *s)
{
	const struct calendar *cal;

	if (s->deadlines != NULL)
		return s->deadlines;
	cal = calendar_builtin(s->arena, s->diags);
	s->deadlines = deadlines_load(s->arena, s->diags,
	    "generator/deadlines.yaml", deadlines_yaml, deadlines_yaml_len,
	    cal);
	if (s->deadlines == NULL) {
		diags_print(s->diags, stderr);
		fputs("minhbach: the built-in deadline rules are broken\n",
		    stderr);
		abort();
	}
	return s->deadlines;
}

const struct calendar *
deadlines_calendar(const struct deadlines *dl)
{
	return dl->cal;
}

const char *
deadlines_regime(const struct deadlines *dl, const char *circular,
    const char **title)
{
	for (size_t i = 0; circular != NULL && i < dl->nregimes; i++)
		if (utf8_has_word(dl->regimes[i].circulars, circular)) {
			if (title != NULL)
				*title = dl->regimes[i].title;
			return dl->regimes[i].id;
		}
	return NULL;
}

const struct deadline_rule *
deadlines_find(const struct deadlines *dl, const char *record,
    const char *regime, const char *kind, const char *period)
{
	for (size_t i = 0; i < dl->nrules; i++) {
		const struct deadline_rule *r = &dl->rules[i];

		if (strcmp(r->record, record) != 0)
			continue;
		if (r->regime != NULL && (regime == NULL ||
		    strcmp(r->regime, regime) != 0))
			continue;
		if (r->kinds != NULL && (kind == NULL ||
		    !utf8_has_word(r->kinds, kind)))
			continue;
		if (r->periods != NULL && (period == NULL ||
		    !utf8_has_word(r->periods, period)))
			continue;
		return r;
	}
	return NULL;
}

long
deadline_due(const struct deadlines *dl, const struct deadline_rule *r,
    long trigger, int *unknown_year)
{
	long due;

	if (r->working)
		return calendar_add_working_days(dl->cal, trigger, r->count,
		    unknown_year);
	due = trigger + r->count;
	if (unknown_year != NULL)
		*unknown_year = calendar_year_known(dl->cal,
		    date_year(due)) ? 0 : date_year(due);
	return due;
}

static const char *
day_text(struct diags *d, long day)
{
	char iso[11];
	struct buf b = {0};
	const char *s;

	date_iso(day, iso);
	fmt_date(&b, iso, fmt_messages());
	s = diag_fmt(d, "%s", buf_cstr(&b));
	buf_release(&b);
	return s;
}

/* How a message names the day counted from, in d's language. */
static const char *
trigger_text(struct diags *d, const struct deadline_rule *r)
{
	static const char *const what[2][4] = {{
	    "quyết định giao, điều chỉnh hoặc phê duyệt (approval.date)",
	    "cuối kỳ",
	    "ngày gửi báo cáo lên cấp trên (reported_on)",
	    "kết luận (conclusion.date)"}, {
	    "the decision that assigns, adjusts or approves (approval.date)",
	    "the end of the period",
	    "the day the report was submitted upward (reported_on)",
	    "the conclusion (conclusion.date)"}};

	return what[strcmp(diags_lang(d), "en") == 0][r->trigger];
}

bool
deadline_check(const struct deadlines *dl, struct arena *a, struct diags *d,
    const struct deadline_rule *r, struct pos at, long trigger,
    long published)
{
	struct buf b = {0};
	int unknown = 0, off = 0;
	long due = deadline_due(dl, r, trigger, &unknown), late, first = 0;
	const char *why;
	bool en = strcmp(diags_lang(d), "en") == 0;

	(void)a;
	if (published < trigger) {
		diag_warning(d, at, "deadline.before-trigger", day_text(d,
		    published), trigger_text(d, r), day_text(d, trigger),
		    r->article);
		return false;
	}
	if (published <= due)
		return true;
	late = r->working ? calendar_working_days_between(dl->cal, due,
	    published, NULL) : published - due;
	/* The details, each a clause in the message's language. */
	if (r->working) {
		for (long day = trigger + 1; day <= due; day++)
			if (calendar_holiday_name(dl->cal, day) != NULL &&
			    off++ == 0)
				first = day;
		buf_adds(&b, en ? "; working days skip weekends" :
		    "; ngày làm việc không tính thứ Bảy, Chủ nhật");
		if (off > 0)
			buf_addf(&b, en ? " and %d weekday%s off (from %s, "
			    "%s)" : " và %d%s ngày nghỉ (từ %s, %s)", off, en &&
			    off != 1 ? "s" : "", day_text(d, first),
			    calendar_holiday_name(dl->cal, first));
	} else if (!calendar_is_working_day(dl->cal, due, NULL)) {
		why = calendar_holiday_name(dl->cal, due);
		buf_adds(&b, en ? "; the due date is not a working day" :
		    "; hạn rơi vào ngày nghỉ");
		if (why != NULL)
			buf_addf(&b, " (%s)", why);
		buf_adds(&b, en ? " and is not moved: the reference gives no "
		    "rule for that" : " nhưng không được lùi: văn bản không "
		    "quy định việc lùi hạn");
	}
	if (unknown != 0)
		buf_addf(&b, en ? "; the holiday schedule of %d is not "
		    "announced yet, so the due date is provisional" :
		    "; lịch nghỉ năm %d chưa công bố nên hạn chỉ là tạm tính",
		    unknown);
	if (r->note[en] != NULL)
		buf_addf(&b, "; %s", r->note[en]);
	diag_warning(d, at, r->working ? "deadline.late-working" :
	    "deadline.late", day_text(d, published), diag_fmt(d, "%ld", late),
	    day_text(d, due), r->article, diag_fmt(d, "%d", r->count),
	    trigger_text(d, r), day_text(d, trigger), diag_fmt(d, "%s",
	    buf_cstr(&b)));
	buf_release(&b);
	return false;
}
