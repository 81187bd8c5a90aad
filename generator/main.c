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

#include "buf.h"
#include "build.h"
#include "date.h"
#include "messages.h"
#include "serve.h"
#include "cmd_new.h"
#include "cmd_render.h"
#include "cmd_schema.h"

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
"                   first language; Vietnamese unless that is English)\n"
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
		fprintf(stderr, "minhbach: %s needs a value\n%s", name, usage);
		exit(2);
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
	fprintf(stderr, "minhbach: --date takes a real day written "
	    "YYYY-MM-DD, not '%s'\n%s", date, usage);
	return 1;
}

/* The catalogue has Vietnamese and English. */
static int
bad_lang(const char *lang)
{
	if (strcmp(lang, "vi") == 0 || strcmp(lang, "en") == 0)
		return 0;
	fprintf(stderr, "minhbach: --lang is vi or en\n");
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
		fprintf(stderr, "minhbach render: unknown option '%s'\n%s",
		    argv[i], usage);
		return 2;
	}
	if (url != NULL && tmpl == NULL && data == NULL && partials == NULL) {
		if (bad_date(o.date))
			return 2;
		if (*o.source == '\0') {
			fprintf(stderr, "minhbach: empty --source\n");
			return 2;
		}
		return cmd_render_context(&o, url);
	}
	if (tmpl == NULL || data == NULL || url != NULL || o.date != NULL) {
		fprintf(stderr, "minhbach render: either --template and "
		    "--data, or --context (and --date with it)\n%s",
		    usage);
		return 2;
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
		fprintf(stderr, "minhbach messages: unknown option '%s'\n%s",
		    argv[i], usage);
		return 2;
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
			fprintf(stderr, "minhbach new: unknown option '%s'\n%s",
			    argv[i], usage);
			return 2;
		}
		if (kind == NULL)
			kind = argv[i];
		else if (name == NULL)
			name = argv[i];
		else {
			fprintf(stderr, "minhbach new: one KIND and one NAME"
			    "\n%s", usage);
			return 2;
		}
	}
	if (kind == NULL) {
		fprintf(stderr, "minhbach new: which KIND?\n%s", usage);
		return 2;
	}
	if ((lang != NULL && bad_lang(lang)) || *source == '\0') {
		if (*source == '\0')
			fprintf(stderr, "minhbach: empty --source\n");
		return 2;
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
		fprintf(stderr, "minhbach schema: unknown option '%s'\n%s",
		    argv[i], usage);
		return 2;
	}
	if ((lang != NULL && bad_lang(lang)) || *out == '\0') {
		if (*out == '\0')
			fprintf(stderr, "minhbach: empty --out\n");
		return 2;
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
		fprintf(stderr, "minhbach serve: unknown option '%s'\n%s",
		    argv[i], usage);
		return 2;
	}
	if (port != NULL) {
		char *end;
		long n = strtol(port, &end, 10);

		if (end == port || *end != '\0' || n < 0 || n > 65535) {
			fprintf(stderr, "minhbach: --port takes a number from "
			    "1 to 65535 (0: any free port)\n");
			return 2;
		}
		so.port = (int)n;
	}
	if (bad_date(o.date))
		return 2;
	if (*o.source == '\0') {
		fprintf(stderr, "minhbach: empty --source\n");
		return 2;
	}
	return serve_run(&o, &so);
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
		fprintf(stderr, "minhbach: unknown command '%s'\n%s", argv[1],
		    usage);
		return 2;
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
		fprintf(stderr, "minhbach %s: unknown option '%s'\n%s",
		    argv[1], argv[i], usage);
		return 2;
	}
	if (jobs != NULL) {
		char *end;
		long n = strtol(jobs, &end, 10);

		if (*end != '\0' || n < 1 || n > 64) {
			fprintf(stderr, "minhbach: --jobs takes a number from "
			    "1 to 64\n");
			return 2;
		}
		o.jobs = (int)n;
	}
	if ((o.lang != NULL && bad_lang(o.lang)) || bad_date(o.date))
		return 2;
	if (format != NULL) {
		if (strcmp(format, "github") == 0)
			o.github = true;
		else if (strcmp(format, "text") != 0) {
			fprintf(stderr, "minhbach: --format is text or "
			    "github\n");
			return 2;
		}
	}
	if (*o.source == '\0' || *o.out == '\0') {
		fprintf(stderr, "minhbach: empty --source or --out\n");
		return 2;
	}
	return build_run(&o);
}
