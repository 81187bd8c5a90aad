/*
 * minhbach's entry point: argv → struct options → one command.  The
 * only place that chooses the exit status: 0 done, 1 content or
 * template errors, 2 wrong usage or an unsafe request.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <git2.h>
#include <utf8proc.h>
#include <xlsxwriter.h>
#include <yaml.h>

#include "arena.h"
#include "buf.h"
#include "build.h"
#include "date.h"
#include "diag.h"
#include "messages.h"
#include "serve.h"
#include "cmd_new.h"
#include "cmd_render.h"
#include "cmd_schema.h"
#include "utf8.h"

/* The Makefile passes git describe's answer; a build outside it has none. */
#ifndef MINHBACH_COMMIT
#define MINHBACH_COMMIT "unknown"
#endif

/*
 * One usage text per command, so that `minhbach CMD --help` prints its
 * own and the general usage is their concatenation.  Continuation lines
 * are indented for the 7 characters of "usage: " or of the indent below.
 * A table laid out by hand: clang-format would pack it.
 */
/* clang-format off */
#define USAGE_BUILD \
"minhbach build [--source DIR] [--out DIR] [--ref GITREF] [--base-url URL]\n" \
"                      [--date YYYY-MM-DD] [--no-history] [--jobs N]\n" \
"                      [--quiet] [--timings] [--lang vi|en] [--precompress]\n"
#define USAGE_CHECK \
"minhbach check [--source DIR] [--ref GITREF] [--date YYYY-MM-DD]\n" \
"                      [--no-history] [--untranslated] [--lang vi|en]\n" \
"                      [--format text|github]\n"
#define USAGE_MESSAGES \
"minhbach messages [--lang vi|en] [--markdown]\n"
#define USAGE_NEW \
"minhbach new KIND [NAME] [--source DIR] [--lang vi|en]\n"
#define USAGE_SCHEMA \
"minhbach schema [--out DIR] [--source DIR] [--lang vi|en]\n"
#define USAGE_SERVE \
"minhbach serve [--source DIR] [--port N] [--bind ADDR] [--ref GITREF]\n" \
"                      [--date YYYY-MM-DD] [--no-history] [--lang vi|en]\n"
#define USAGE_RENDER \
"minhbach render --template FILE --data FILE.yaml [--partials DIR]\n" \
"       minhbach render --context URL [--source DIR] [--ref GITREF]\n" \
"                       [--date YYYY-MM-DD] [--no-history]\n"

static const char usage[] =
"usage: " USAGE_BUILD
"       " USAGE_CHECK
"       " USAGE_MESSAGES
"       " USAGE_NEW
"       " USAGE_SCHEMA
"       " USAGE_SERVE
"       " USAGE_RENDER
"       minhbach --help | --version\n"
"Every command takes -h or --help: its usage.\n";
/* clang-format on */

static const char help[] =
"minhbach turns a portal's content (YAML and Markdown in content/) and its\n"
"theme (Mustache templates in themes/) into a static website.\n"
"\n"
"Commands:\n"
"  build    check everything, then write the site into --out (default: site).\n"
"           The site is built in a new folder beside --out and swapped in\n"
"           only when complete; a failed build leaves the old site as it was.\n"
"  check    check everything and write nothing.\n"
"  serve    preview: build into a private temporary folder, show the site at\n"
"           http://127.0.0.1:8080/ and rebuild whenever a file under content/\n"
"           or themes/ is saved (reload the page to see it).  Errors are\n"
"           printed here and the last good version stays on show.  Ctrl-C\n"
"           stops it.\n"
"  messages list every message minhbach can print: its id, level and\n"
"           text (--markdown: the catalogue section of the editors' guide,\n"
"           with what each message means and how to fix it).\n"
"  new      start a record: minhbach new call nha-kho-lanh writes\n"
"           content/calls/nha-kho-lanh.md (the folder from site.yaml) with\n"
"           every field of the kind, each under a Vietnamese comment,\n"
"           required ones first and empty (check fails until they are\n"
"           filled), optional ones commented out, today in date fields.\n"
"           NAME defaults to today and the kind (2026-12-07-call); an\n"
"           existing file is never replaced.  Prints the path written.\n"
"           An unknown KIND lists the kinds.\n"
"  schema   write a JSON Schema per kind into --out (default: schemas),\n"
"           for text editors (VS Code's YAML extension: completion and\n"
"           checking while typing; see content/README.md, section 9);\n"
"           with --source, also collection-NAME.json for each collection\n"
"           that declares fields of its own in site.yaml.\n"
"  render   render one Mustache template against one YAML file and print it\n"
"           (for theme authors; follows the Mustache spec to the letter);\n"
"           with --context URL, print as YAML the context the site's page\n"
"           at URL is rendered against (its keys, innermost frame first).\n";

/* Two strings: C11 compilers need take no string over 4095 bytes. */
/* clang-format off */
static const char help_options[] =
"\n"
"Options:\n"
"  --source DIR     folder holding content/ and themes/ (default: .)\n"
"  --out DIR        output folder (default: site); never the source folder,\n"
"                   '/', or a non-empty folder that minhbach did not make;\n"
"                   schema: the folder of the .json files (default: schemas)\n"
"  --ref GITREF     read content and theme from this commit or tag of the\n"
"                   git repository instead of the work tree\n"
"  --base-url URL   the address the site is published at (default: site.yaml's\n"
"                   base_url)\n"
"  --date YYYY-MM-DD   the build date: a call's status and days left, a\n"
"                   document in force, figures too old, records not to be\n"
"                   published yet (a date after it, publish_on) are judged\n"
"                   at it.  Default: SOURCE_DATE_EPOCH if set; else, with\n"
"                   --ref, the commit's date; else today in Vietnam\n"
"                   (UTC+07:00).  The same commit and date give the same\n"
"                   bytes; the daily publish workflow passes the day's date\n"
"  --no-history     build without revision history: no history pages, no\n"
"                   amendment notes (needed for a shallow clone, whose dates\n"
"                   would all be wrong; better: git fetch --unshallow)\n"
"  --untranslated   check: also list, per collection and language, the\n"
"                   records that have no translation into that language\n"
"  --lang vi|en     the language of the messages (default: the site's\n"
"                   first language; Vietnamese unless that is English;\n"
"                   for a mistake on the command line, which is found\n"
"                   before the site is read: Vietnamese)\n"
"  --format text|github   check: plain lines (default), or GitHub\n"
"                   annotation lines (::error file=…,line=…,col=…::…)\n"
"  --port N         serve: the port (default: 8080; 0: any free port)\n"
"  --bind ADDR      serve: the address (default: 127.0.0.1, this computer\n"
"                   only; 0.0.0.0 shows the preview to the whole network)\n"
"  --jobs N         render workers: processes, or threads where a process\n"
"                   cannot fork (default: one per core, at most 8)\n"
"  --quiet          no summary line\n"
"  --timings        print how long each stage took\n"
"  --precompress    build: also write FILE.gz (gzip -n) beside every HTML,\n"
"                   CSS, JS, JSON, CSV, XML, SVG and Atom file of 256 bytes\n"
"                   or more, for a server's gzip_static\n"
"  --template FILE, --data FILE, --partials DIR   for render (partials are\n"
"                   DIR/NAME.mustache; default: the template's folder)\n"
"  --context URL    for render: the page, e.g. /khu-cong-nghiep/kcn-loc-son/\n"
"\n"
"Every problem is printed as path:line:col: lỗi: message [id] (or\n"
"cảnh báo:; in English error: and warning:), all of them, sorted; the id\n"
"is the message's entry in the editors' guide (minhbach messages).\n"
"SOURCE_DATE_EPOCH, if set and no --date is given, is the build date.\n"
"\n"
"Exit status: 0 done; 1 content or template errors; 2 wrong usage or an\n"
"unsafe request.\n";
/* clang-format on */

/* -h or --help: a command's usage on stdout, exit 0. */
static int
is_help(const char *a)
{
	return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

static int
cmd_help(const char *cmd_usage)
{
	fputs("usage: ", stdout);
	fputs(cmd_usage, stdout);
	return 0;
}

/*
 * Wrong usage: a catalogue message in the language of --lang if the
 * command line names one (the site, whose first language is the
 * default elsewhere, is not read yet), else Vietnamese; then the usage.
 * main() sets lang before any command looks at its options.
 */
static struct {
	const char *lang;
	struct diags *d;
} wrong = {"vi", NULL};

static struct diags *
usage_diags(void)
{
	if (wrong.d == NULL) {
		wrong.d = diags_new(arena_new());
		diags_set_lang(wrong.d, wrong.lang);
	}
	return wrong.d;
}

/* Prints what usage_diags() holds, then text (the command's usage, or
 * NULL when the message says it all); returns 2. */
static int
usage_fail(const char *text)
{
	diags_print(usage_diags(), stderr);
	if (text != NULL)
		fputs(text, stderr);
	return 2;
}

/* --lang vi|en anywhere on the command line, for usage_fail(). */
static void
usage_lang(int argc, char **argv)
{
	const char *v = NULL;
	int i;

	for (i = 1; i < argc; i++)
		if (strncmp(argv[i], "--lang=", 7) == 0)
			v = argv[i] + 7;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			v = argv[i + 1];
	if (v != NULL && strcmp(v, "en") == 0)
		wrong.lang = "en";
}

static const struct pos nowhere;

/*
 * --version: the commit and the libraries' versions as linked (a bug
 * report needs the ones in use, not those the headers named).
 */
static int
print_version(void)
{
	int maj = 0, min = 0, rev = 0;

	git_libgit2_version(&maj, &min, &rev);
	printf("minhbach %s (commit %s)\n", MINHBACH_VERSION, MINHBACH_COMMIT);
	printf("cmark-gfm %s\n", cmark_version_string());
	printf("libgit2 %d.%d.%d\n", maj, min, rev);
	printf("libyaml %s\n", yaml_get_version_string());
	printf("utf8proc %s\n", utf8proc_version());
	printf("libxlsxwriter %s\n", lxw_version());
	return 0;
}

/* Matches "--name value" or "--name=value"; advances *i past it. */
static int
opt_value(int argc, char **argv, int *i, const char *name, const char **out)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*out = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		diag_error(usage_diags(), nowhere, "usage.needs-value", name);
		exit(usage_fail(NULL));
	}
	*out = argv[++*i];
	return 1;
}

/* --date: a real day written YYYY-MM-DD (2021-02-29 is no day). */
static int
bad_date(const char *date)
{
	if (date == NULL || date_is_valid(date, strlen(date)))
		return 0;
	diag_error(usage_diags(), nowhere, "usage.bad-date", date);
	usage_fail(NULL);
	return 1;
}

/* The catalogue has Vietnamese and English. */
static int
bad_lang(const char *lang)
{
	if (strcmp(lang, "vi") == 0 || strcmp(lang, "en") == 0)
		return 0;
	diag_error(usage_diags(), nowhere, "usage.bad-lang", lang);
	usage_fail(NULL);
	return 1;
}

static int
cmd_render(int argc, char **argv)
{
	struct options o = {.cmd = BUILD_MODEL, .source = "."};
	const char *tmpl = NULL, *data = NULL, *partials = NULL, *url = NULL;
	int i;

	for (i = 2; i < argc; i++) {
		if (opt_value(argc, argv, &i, "--template", &tmpl) ||
		    opt_value(argc, argv, &i, "--data", &data) ||
		    opt_value(argc, argv, &i, "--partials", &partials) ||
		    opt_value(argc, argv, &i, "--context", &url) ||
		    opt_value(argc, argv, &i, "--source", &o.source) ||
		    opt_value(argc, argv, &i, "--ref", &o.ref) ||
		    opt_value(argc, argv, &i, "--date", &o.date))
			continue;
		if (strcmp(argv[i], "--no-history") == 0) {
			o.no_history = true;
			continue;
		}
		if (is_help(argv[i]))
			return cmd_help(USAGE_RENDER);
		diag_error(usage_diags(), nowhere, "usage.unknown-option",
		    "render", argv[i]);
		return usage_fail("usage: " USAGE_RENDER);
	}
	if (url != NULL && tmpl == NULL && data == NULL && partials == NULL) {
		if (bad_date(o.date))
			return 2;
		if (*o.source == '\0') {
			diag_error(usage_diags(), nowhere, "usage.empty",
			    "--source");
			return usage_fail(NULL);
		}
		return cmd_render_context(&o, url);
	}
	if (tmpl == NULL || data == NULL || url != NULL || o.date != NULL) {
		diag_error(usage_diags(), nowhere, "usage.render-either");
		return usage_fail("usage: " USAGE_RENDER);
	}
	return cmd_render_template(tmpl, data, partials);
}

/* `minhbach messages`: the catalogue, as lines or as the guide's section. */
static int
cmd_messages(int argc, char **argv)
{
	const char *lang = "vi";
	int markdown = 0, i;
	struct buf b = {0};

	for (i = 2; i < argc; i++) {
		if (opt_value(argc, argv, &i, "--lang", &lang))
			continue;
		if (strcmp(argv[i], "--markdown") == 0) {
			markdown = 1;
			continue;
		}
		if (is_help(argv[i]))
			return cmd_help(USAGE_MESSAGES);
		diag_error(usage_diags(), nowhere, "usage.unknown-option",
		    "messages", argv[i]);
		return usage_fail("usage: " USAGE_MESSAGES);
	}
	if (bad_lang(lang))
		return 2;
	msg_write_catalogue(&b, lang, markdown);
	fputs(buf_cstr(&b), stdout);
	buf_release(&b);
	return 0;
}

/* `minhbach new KIND [NAME]`: a record to fill in (cmd_new.c). */
static int
cmd_new_main(int argc, char **argv)
{
	const char *source = ".", *lang = NULL, *kind = NULL, *name = NULL;
	int i;

	for (i = 2; i < argc; i++) {
		if (opt_value(argc, argv, &i, "--source", &source) ||
		    opt_value(argc, argv, &i, "--lang", &lang))
			continue;
		if (is_help(argv[i]))
			return cmd_help(USAGE_NEW);
		if (argv[i][0] == '-') {
			diag_error(usage_diags(), nowhere,
			    "usage.unknown-option", "new", argv[i]);
			return usage_fail("usage: " USAGE_NEW);
		}
		if (kind == NULL)
			kind = argv[i];
		else if (name == NULL)
			name = argv[i];
		else {
			diag_error(usage_diags(), nowhere, "usage.new-one-name",
			    argv[i]);
			return usage_fail("usage: " USAGE_NEW);
		}
	}
	if (kind == NULL) {
		diag_error(usage_diags(), nowhere, "usage.new-which-kind");
		return usage_fail("usage: " USAGE_NEW);
	}
	if (lang != NULL && bad_lang(lang))
		return 2;
	if (*source == '\0') {
		diag_error(usage_diags(), nowhere, "usage.empty", "--source");
		return usage_fail(NULL);
	}
	return cmd_new(source, kind, name, lang);
}

/* `minhbach schema [--out DIR] [--source DIR]`: JSON Schemas
 * (cmd_schema.c). */
static int
cmd_schema_main(int argc, char **argv)
{
	const char *out = "schemas", *lang = NULL, *source = NULL;
	int i;

	for (i = 2; i < argc; i++) {
		if (opt_value(argc, argv, &i, "--out", &out) ||
		    opt_value(argc, argv, &i, "--source", &source) ||
		    opt_value(argc, argv, &i, "--lang", &lang))
			continue;
		if (is_help(argv[i]))
			return cmd_help(USAGE_SCHEMA);
		diag_error(usage_diags(), nowhere, "usage.unknown-option",
		    "schema", argv[i]);
		return usage_fail("usage: " USAGE_SCHEMA);
	}
	if (lang != NULL && bad_lang(lang))
		return 2;
	if (*out == '\0') {
		diag_error(usage_diags(), nowhere, "usage.empty", "--out");
		return usage_fail(NULL);
	}
	return cmd_schema(out, source, lang);
}

/* `minhbach serve`: the editors' preview (serve.c). */
static int
cmd_serve(int argc, char **argv)
{
	struct options o = {.cmd = BUILD_BUILD, .source = "."};
	struct serve_options so = {"127.0.0.1", 8080, 500, 0};
	const char *port = NULL;
	int i;

	for (i = 2; i < argc; i++) {
		if (opt_value(argc, argv, &i, "--source", &o.source) ||
		    opt_value(argc, argv, &i, "--ref", &o.ref) ||
		    opt_value(argc, argv, &i, "--bind", &so.bind) ||
		    opt_value(argc, argv, &i, "--lang", &o.lang) ||
		    opt_value(argc, argv, &i, "--date", &o.date) ||
		    opt_value(argc, argv, &i, "--port", &port))
			continue;
		if (strcmp(argv[i], "--no-history") == 0) {
			o.no_history = true;
			continue;
		}
		if (is_help(argv[i]))
			return cmd_help(USAGE_SERVE);
		diag_error(usage_diags(), nowhere, "usage.unknown-option",
		    "serve", argv[i]);
		return usage_fail("usage: " USAGE_SERVE);
	}
	if (port != NULL) {
		char *end;
		long n = strtol(port, &end, 10);

		if (end == port || *end != '\0' || n < 0 || n > 65535) {
			diag_error(usage_diags(), nowhere, "usage.bad-port",
			    port);
			return usage_fail(NULL);
		}
		so.port = (int)n;
	}
	if (bad_date(o.date))
		return 2;
	if (o.lang != NULL && bad_lang(o.lang))
		return 2;
	if (*o.source == '\0') {
		diag_error(usage_diags(), nowhere, "usage.empty", "--source");
		return usage_fail(NULL);
	}
	return serve_run(&o, &so);
}

/* Not a command: the nearest one if it looks like a typo of it. */
static int
unknown_command(const char *cmd)
{
	static const char *const cmds[] = {"build", "check", "serve",
	    "messages", "new", "schema", "render", "help"};
	const char *near = utf8_nearest(cmd, cmds, sizeof cmds / sizeof *cmds);

	if (near != NULL)
		diag_error(usage_diags(), nowhere, "usage.unknown-command-near",
		    cmd, near);
	else
		diag_error(usage_diags(), nowhere, "usage.unknown-command",
		    cmd);
	return usage_fail(usage);
}

int
main(int argc, char **argv)
{
	struct options o = {.cmd = BUILD_BUILD, .source = ".", .out = "site"};
	const char *jobs = NULL, *format = NULL;
	int i;

	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	usage_lang(argc, argv);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage, stdout);
		fputs("\n", stdout);
		fputs(help, stdout);
		fputs(help_options, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0)
		return print_version();
	if (strcmp(argv[1], "render") == 0)
		return cmd_render(argc, argv);
	if (strcmp(argv[1], "messages") == 0)
		return cmd_messages(argc, argv);
	if (strcmp(argv[1], "serve") == 0)
		return cmd_serve(argc, argv);
	if (strcmp(argv[1], "new") == 0)
		return cmd_new_main(argc, argv);
	if (strcmp(argv[1], "schema") == 0)
		return cmd_schema_main(argc, argv);
	if (strcmp(argv[1], "build") == 0) {
		o.cmd = BUILD_BUILD;
	} else if (strcmp(argv[1], "check") == 0) {
		o.cmd = BUILD_CHECK;
	} else {
		return unknown_command(argv[1]);
	}
	for (i = 2; i < argc; i++) {
		if (opt_value(argc, argv, &i, "--source", &o.source) ||
		    opt_value(argc, argv, &i, "--ref", &o.ref) ||
		    opt_value(argc, argv, &i, "--base-url", &o.base_url) ||
		    opt_value(argc, argv, &i, "--jobs", &jobs) ||
		    opt_value(argc, argv, &i, "--date", &o.date) ||
		    opt_value(argc, argv, &i, "--lang", &o.lang))
			continue;
		if (o.cmd == BUILD_CHECK &&
		    opt_value(argc, argv, &i, "--format", &format))
			continue;
		if (o.cmd == BUILD_BUILD &&
		    opt_value(argc, argv, &i, "--out", &o.out))
			continue;
		if (strcmp(argv[i], "--timings") == 0) {
			o.timings = true;
			continue;
		}
		if (o.cmd == BUILD_BUILD &&
		    strcmp(argv[i], "--precompress") == 0) {
			o.precompress = true;
			continue;
		}
		if (o.cmd == BUILD_CHECK &&
		    strcmp(argv[i], "--untranslated") == 0) {
			o.untranslated = true;
			continue;
		}
		if (strcmp(argv[i], "--no-history") == 0) {
			o.no_history = true;
			continue;
		}
		if (strcmp(argv[i], "--quiet") == 0 ||
		    strcmp(argv[i], "-q") == 0) {
			o.quiet = true;
			continue;
		}
		if (is_help(argv[i]) && o.cmd == BUILD_CHECK)
			return cmd_help(USAGE_CHECK);
		if (is_help(argv[i]))
			return cmd_help(USAGE_BUILD);
		diag_error(usage_diags(), nowhere, "usage.unknown-option",
		    argv[1], argv[i]);
		return usage_fail(o.cmd == BUILD_CHECK ? "usage: " USAGE_CHECK :
		                                         "usage: " USAGE_BUILD);
	}
	if (jobs != NULL) {
		char *end;
		long n = strtol(jobs, &end, 10);

		if (*end != '\0' || n < 1 || n > 64) {
			diag_error(usage_diags(), nowhere, "usage.bad-jobs",
			    jobs);
			return usage_fail(NULL);
		}
		o.jobs = (int)n;
	}
	if ((o.lang != NULL && bad_lang(o.lang)) || bad_date(o.date))
		return 2;
	if (format != NULL) {
		if (strcmp(format, "github") == 0)
			o.github = true;
		else if (strcmp(format, "text") != 0) {
			diag_error(usage_diags(), nowhere, "usage.bad-format",
			    format);
			return usage_fail(NULL);
		}
	}
	if (*o.source == '\0' || *o.out == '\0') {
		diag_error(usage_diags(), nowhere, "usage.empty",
		    *o.source == '\0' ? "--source" : "--out");
		return usage_fail(NULL);
	}
	return build_run(&o);
}
