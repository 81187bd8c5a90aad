/*
 * The message catalogue (messages.h): the generator/messages_*.yaml
 * files compiled in, parsed once into a table sorted by id, and the
 * one function that fills a text's {n} with its arguments.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "buf.h"
#include "messages.h"

/* The catalogue files (Makefile: generator/NAME.yaml → NAME_yaml). */
extern const char messages_core_yaml[], messages_budget_yaml[],
    messages_records_yaml[], messages_theme_yaml[], messages_tools_yaml[],
    messages_serve_yaml[];
extern const size_t messages_core_yaml_len, messages_budget_yaml_len,
    messages_records_yaml_len, messages_theme_yaml_len,
    messages_tools_yaml_len, messages_serve_yaml_len;

static const struct {
	const char *path;
	const char *text;
	const size_t *len;
} files[] = {
	{"generator/messages_core.yaml", messages_core_yaml,
	    &messages_core_yaml_len},
	{"generator/messages_budget.yaml", messages_budget_yaml,
	    &messages_budget_yaml_len},
	{"generator/messages_records.yaml", messages_records_yaml,
	    &messages_records_yaml_len},
	{"generator/messages_theme.yaml", messages_theme_yaml,
	    &messages_theme_yaml_len},
	{"generator/messages_tools.yaml", messages_tools_yaml,
	    &messages_tools_yaml_len},
	{"generator/messages_serve.yaml", messages_serve_yaml,
	    &messages_serve_yaml_len},
};

static struct arena *cat_arena;
static struct msg *cat;
static size_t ncat;
static pthread_once_t cat_once = PTHREAD_ONCE_INIT;

static int
valid_id(const char *s)
{
	int dots = 0;
	const char *p;

	if (*s < 'a' || *s > 'z')
		return 0;
	for (p = s; *p; p++) {
		if (*p == '.') {
			if (p[1] == '\0' || p[1] == '.' || p[1] == '-')
				return 0;
			dots++;
		} else if (!((*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	}
	return dots > 0;
}

/* The set of {n} in t as a bit mask (bit n), or -1 for a stray brace. */
static long
arg_mask(const char *t)
{
	long m = 0;

	for (; *t; t++) {
		if (*t != '{')
			continue;
		if (t[1] < '1' || t[1] > '9' || t[2] != '}')
			return -1;
		m |= 1L << (t[1] - '0');
		t += 2;
	}
	return m;
}

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct msg *)a)->id,
	    ((const struct msg *)b)->id);
}

/* A broken built-in catalogue is a bug in minhbach: the tests load it. */
static void
broken(const char *path, const yaml_event_t *ev, const char *what,
    const char *id)
{
	fprintf(stderr, "%s:%lu:%lu: error: %s%s%s\n", path,
	    ev != NULL ? (unsigned long)ev->start_mark.line + 1 : 1UL,
	    ev != NULL ? (unsigned long)ev->start_mark.column + 1 : 1UL, what,
	    id != NULL ? ": " : "", id != NULL ? id : "");
	fputs("minhbach: the built-in message catalogue is broken\n", stderr);
	abort();
}

static char *
scalar(const yaml_event_t *ev)
{
	return arena_strndup(cat_arena, (const char *)ev->data.scalar.value,
	    ev->data.scalar.length);
}

/* One file: a map of id → map of level, vi, en, help (plain strings;
 * the catalogue is ours, so no anchors, tags or other shapes). */
static void
load_file(const char *path, const char *text, size_t len, size_t *cap)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, done = 0;
	struct msg *m = NULL;
	char *key = NULL;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev))
			broken(path, NULL, p.problem != NULL ? p.problem :
			    "not YAML", NULL);
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_MAPPING_START_EVENT:
			if (++depth > 2 || (depth == 2 && m == NULL))
				broken(path, &ev, "a map where a text belongs",
				    m != NULL ? m->id : NULL);
			break;
		case YAML_MAPPING_END_EVENT:
			if (depth-- == 2)
				m = NULL;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_ALIAS_EVENT:
			broken(path, &ev, "only maps and strings belong here",
			    m != NULL ? m->id : NULL);
			break;
		case YAML_SCALAR_EVENT:
			if (depth == 1) {
				cat = arena_grow(cat_arena, cat, ncat, cap,
				    sizeof *cat);
				m = &cat[ncat++];
				memset(m, 0, sizeof *m);
				m->id = scalar(&ev);
				m->file = path;
				if (!valid_id(m->id))
					broken(path, &ev, "not a message id like "
					    "budget.sum-mismatch", m->id);
			} else if (depth == 2 && key == NULL) {
				key = scalar(&ev);
			} else if (depth == 2) {
				const char **slot =
				    strcmp(key, "level") == 0 ? &m->level :
				    strcmp(key, "vi") == 0 ? &m->vi :
				    strcmp(key, "en") == 0 ? &m->en :
				    strcmp(key, "help") == 0 ? &m->help : NULL;

				if (slot == NULL || *slot != NULL)
					broken(path, &ev, "an unknown or "
					    "repeated key (level, vi, en, help)",
					    m->id);
				*slot = scalar(&ev);
				key = NULL;
			} else {
				broken(path, &ev, "a map of message ids",
				    NULL);
			}
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
}

static void
load(void)
{
	size_t i, cap = 0;

	cat_arena = arena_new();
	for (i = 0; i < sizeof files / sizeof files[0]; i++)
		load_file(files[i].path, files[i].text, *files[i].len, &cap);
	qsort(cat, ncat, sizeof *cat, by_id);
	for (i = 0; i < ncat; i++) {
		struct msg *m = &cat[i];
		long mv, me;

		if (i > 0 && strcmp(cat[i - 1].id, m->id) == 0)
			broken(m->file, NULL, "an id defined twice", m->id);
		if (m->level == NULL || (strcmp(m->level, "error") &&
		    strcmp(m->level, "warning") && strcmp(m->level, "note")))
			broken(m->file, NULL, "level is error, warning or "
			    "note", m->id);
		if (m->vi == NULL || m->en == NULL || m->help == NULL)
			broken(m->file, NULL, "vi, en and help are needed",
			    m->id);
		mv = arg_mask(m->vi);
		me = arg_mask(m->en);
		if (mv == -1 || me == -1 || mv != me)
			broken(m->file, NULL, "vi and en must use the same "
			    "arguments {1} … {9} (and no other braces)", m->id);
		m->nargs = 0;
		while ((mv >> (m->nargs + 1)) != 0)
			m->nargs++;
		/* {1} … {n} all used: a gap is a forgotten argument. */
		if (mv != 0 && mv != ((1L << (m->nargs + 1)) - 2))
			broken(m->file, NULL, "arguments must be {1} … {n} "
			    "without a gap", m->id);
	}
}

size_t
msg_count(void)
{
	pthread_once(&cat_once, load);
	return ncat;
}

const struct msg *
msg_at(size_t i)
{
	pthread_once(&cat_once, load);
	return i < ncat ? &cat[i] : NULL;
}

const struct msg *
msg_find(const char *id)
{
	struct msg key = {0};

	pthread_once(&cat_once, load);
	if (id == NULL)
		return NULL;
	key.id = id;
	return bsearch(&key, cat, ncat, sizeof *cat, by_id);
}

const char *
msg_lang(const char *lang)
{
	if (lang == NULL || *lang == '\0' || strcmp(lang, "vi") == 0)
		return "vi";
	return "en";
}

static void
fill(struct buf *out, const char *t, const char *const *argv, size_t argc)
{
	const char *p;

	for (p = t; *p; p++) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' &&
		    (size_t)(p[1] - '1') < argc) {
			const char *v = argv[p[1] - '1'];

			buf_adds(out, v != NULL ? v : "");
			p += 2;
		} else
			buf_addc(out, *p);
	}
}

void
msg_format(struct buf *out, const char *lang, const char *id,
    const char *const *argv, size_t argc)
{
	const struct msg *m = msg_find(id);
	size_t i;

	if (m != NULL && m->nargs == argc) {
		fill(out, strcmp(msg_lang(lang), "vi") == 0 ? m->vi : m->en,
		    argv, argc);
		return;
	}
	if (getenv("MINHBACH_STRICT_MESSAGES") != NULL) {
		fprintf(stderr, "minhbach: bug: message '%s' %s (%zu "
		    "arguments given)\n", id != NULL ? id : "(null)",
		    m == NULL ? "is not in the catalogue" :
		    "takes another number of arguments", argc);
		abort();
	}
	buf_adds(out, id != NULL ? id : "(null)");
	for (i = 0; i < argc; i++) {
		buf_adds(out, i == 0 ? ": " : ", ");
		buf_adds(out, argv[i] != NULL ? argv[i] : "");
	}
}

const char *
msg_level_word(const char *lang, const char *level)
{
	int vi = strcmp(msg_lang(lang), "vi") == 0;

	if (strcmp(level, "error") == 0)
		return vi ? "lỗi" : "error";
	if (strcmp(level, "warning") == 0)
		return vi ? "cảnh báo" : "warning";
	return vi ? "ghi chú" : "note";
}

/* Markdown-safe inline text: the texts hold no Markdown on purpose;
 * a pipe or a backslash is escaped so that nothing can turn into one. */
static void
add_md(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}') {
			buf_adds(out, "…");
			s += 2;
			continue;
		}
		if (*s == '|' || *s == '\\' || *s == '<' || *s == '*' ||
		    *s == '_')
			buf_addc(out, '\\');
		buf_addc(out, *s);
	}
}

void
msg_write_catalogue(struct buf *out, const char *lang, int markdown)
{
	size_t i, n = msg_count();
	const char *area = "";

	for (i = 0; i < n; i++) {
		const struct msg *m = &cat[i];
		const char *dot = strchr(m->id, '.');

		if (!markdown) {
			buf_addf(out, "%s\t%s\t%s\n", m->id, m->level,
			    strcmp(msg_lang(lang), "vi") == 0 ? m->vi : m->en);
			continue;
		}
		if (strlen(area) != (size_t)(dot - m->id) ||
		    strncmp(area, m->id, (size_t)(dot - m->id)) != 0) {
			area = arena_strndup(cat_arena, m->id,
			    (size_t)(dot - m->id));
			buf_addf(out, "\n### Nhóm `%s`\n", area);
		}
		buf_addf(out, "\n<a id=\"%s\"></a>\n**`%s`** (%s)  \n", m->id,
		    m->id, msg_level_word("vi", m->level));
		buf_adds(out, "Thông báo: ");
		add_md(out, m->vi);
		buf_adds(out, "  \n");
		add_md(out, m->help);
		buf_adds(out, "\n");
	}
}
