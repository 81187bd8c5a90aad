# minhbach: one entry point.  GNU make, no configure.
#   make            build generator/minhbach (the first target: all)
#   make check      unit suites (check), Mustache spec, golden sites and
#                   end-to-end tests; installs nothing, needs no network
#   make test       install the test packages, make check, then the
#                   browser suite (installs its npm packages; what CI runs)
#   make site       install missing packages, build, render content/ into site/
#   make serve      the editors' preview at http://127.0.0.1:8080/
#   make install    binary, man page and default theme under
#                   $(DESTDIR)$(PREFIX) (PREFIX=/usr/local)
#   make messages-doc  rewrite the guide's catalogue of messages
#   make schemas    rewrite schemas/*.json (JSON Schemas for text editors)
#   make hooks      run `minhbach check` before every local commit
#   make asan       the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make tsan       the threaded builds under ThreadSanitizer (tests/tsan.sh)
#   make lint       cppcheck, clang-tidy, clang-format --dry-run, shellcheck
#   make format     reformat the C sources with .clang-format
#   make bench      benchmark (BENCH_PAGES=10000, median of BENCH_RUNS=5)
#   make fuzz       run the fuzz harnesses for FUZZ_TIME seconds each (clang)
# CPPFLAGS, CFLAGS and LDFLAGS are honoured as usual; WERROR=1 turns
# warnings into errors.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
CFLAGS  ?= -O2 -g
PKGS     = libcmark-gfm libgit2 yaml-0.1 libutf8proc libmicrohttpd xlsxwriter
WARN     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra \
	   -Wpedantic -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	   -Wwrite-strings -Wformat=2 -Wvla -Wimplicit-fallthrough \
	   -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN    += -Werror
endif
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -pthread -lm
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)
ALL_CFLAGS = $(WARN) $(CPPFLAGS) $(CFLAGS) -pthread $(PKG_CFLAGS) \
	     -Igenerator -DMINHBACH_VERSION='"$(VERSION)"' \
	     -DMINHBACH_DATADIR='"$(PREFIX)/share/minhbach"'
# --version names the commit: git describe, "unknown" outside git (a
# tarball).  Only main.o uses it; $(B)/<variant>/commit.txt changes when
# it does, so main.o is remade after a commit.
COMMIT := $(shell [ -e .git ] && git describe --always --dirty 2>/dev/null || echo unknown)

# The Debian package that provides each pkg-config name (generator/deps.sh
# installs them all).
DEB_libcmark-gfm  = libcmark-gfm-dev libcmark-gfm-extensions-dev
DEB_libgit2       = libgit2-dev
DEB_yaml-0.1      = libyaml-dev
DEB_libutf8proc   = libutf8proc-dev
DEB_libmicrohttpd = libmicrohttpd-dev
DEB_xlsxwriter    = libxlsxwriter-dev
DEB_check         = check

# B: the build folder.  While a module is being written, MODULES="arena
# buf ..." and UNIT="mustache ..." narrow the build to those files.
B ?= build
SRCS  := $(sort $(wildcard generator/*.c generator/*/*.c))
LIB_SRCS := $(filter-out generator/main.c,$(SRCS))
TSRCS := $(sort $(wildcard tests/unit/check_*.c))
ifneq ($(MODULES),)
LIB_SRCS := $(foreach m,$(MODULES),generator/$(m).c)
endif
ifneq ($(UNIT),)
TSRCS := $(foreach m,$(UNIT),tests/unit/check_$(m).c)
endif
SUITES := $(patsubst tests/unit/check_%.c,%,$(TSRCS))

# Variants: $(B)/release (generator/minhbach), $(B)/asan and $(B)/tsan.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	     -fno-sanitize-recover=undefined
TSAN_FLAGS = -O1 -g -fsanitize=thread -fno-omit-frame-pointer

# The first target, so that a plain `make` builds the generator.
all: generator/minhbach

.PHONY: all site serve messages-doc schemas hooks deps test-deps lint-deps \
	fuzz-deps check test asan tsan valgrind bench fuzz fuzz-build lint format \
	format-check shellcheck install uninstall clean bless pkgs pkgs-check
.DELETE_ON_ERROR:
.PHONY: FORCE
FORCE:

# Stops before compiling when pkg-config cannot find a library, naming it
# and the Debian package to install (order-only: it never forces a
# rebuild).
pkgs:
	@command -v pkg-config >/dev/null || { \
	  echo "minhbach: pkg-config not found: apt-get install pkg-config" >&2; \
	  exit 1; }
	@for p in $(PKGS); do pkg-config --exists $$p && continue; \
	  case $$p in \
	  libcmark-gfm) d="$(DEB_libcmark-gfm)" ;; libgit2) d="$(DEB_libgit2)" ;; \
	  yaml-0.1) d="$(DEB_yaml-0.1)" ;; libutf8proc) d="$(DEB_libutf8proc)" ;; \
	  libmicrohttpd) d="$(DEB_libmicrohttpd)" ;; \
	  xlsxwriter) d="$(DEB_xlsxwriter)" ;; *) d="the -dev package" ;; \
	  esac; \
	  echo "minhbach: pkg-config cannot find $$p: apt-get install $$d" \
	    "(or make deps, as root)" >&2; exit 1; \
	done
pkgs-check: pkgs
	@pkg-config --exists check || { \
	  echo "minhbach: pkg-config cannot find check: apt-get install" \
	    "$(DEB_check) (or make test-deps, as root)" >&2; exit 1; }

deps:
	@sh generator/deps.sh build

test-deps:
	@sh generator/deps.sh test

lint-deps:
	@sh generator/deps.sh lint

DATA := $(patsubst generator/%.yaml,%,$(wildcard generator/*.yaml))

define variant
DATA_OBJS_$(1) := $$(patsubst %,$(B)/$(1)/%_data.o,$$(DATA))
$(1)_OBJS := $$(patsubst generator/%.c,$(B)/$(1)/%.o,$$(LIB_SRCS))
$(1)_TOBJS := $$(patsubst tests/unit/%.c,$(B)/$(1)/tests/%.o,$$(TSRCS))

$(B)/$(1)/%.o: generator/%.c $$(wildcard generator/*.h generator/*/*.h) | $(B)/$(1)/tests pkgs
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CFLAGS) $(2) -c -o $$@ $$<

$(B)/$(1)/main.o: generator/main.c $$(wildcard generator/*.h) $(B)/$(1)/commit.txt | $(B)/$(1)/tests pkgs
	$$(CC) $$(ALL_CFLAGS) $(2) -DMINHBACH_COMMIT='"$$(COMMIT)"' -c -o $$@ $$<

$(B)/$(1)/commit.txt: FORCE | $(B)/$(1)/tests
	@echo '$$(COMMIT)' > $$@.tmp
	@if cmp -s $$@.tmp $$@; then rm -f $$@.tmp; else mv $$@.tmp $$@; fi

$(B)/$(1)/tests/%.o: tests/unit/%.c $$(wildcard generator/*.h generator/*/*.h tests/unit/*.h) $(B)/$(1)/suites.inc | $(B)/$(1)/tests pkgs-check
	$$(CC) $$(ALL_CFLAGS) $(2) -Itests/unit -I$(B)/$(1) -c -o $$@ $$<

$(B)/$(1)/tests/main.o: tests/unit/main.c $(B)/$(1)/suites.inc | $(B)/$(1)/tests pkgs-check
	$$(CC) $$(ALL_CFLAGS) $(2) -Itests/unit -I$(B)/$(1) -c -o $$@ $$<

# Remade on every run, replaced only when the list of suites changed.
$(B)/$(1)/suites.inc: FORCE | $(B)/$(1)/tests
	@rm -f $$@.tmp
	@for s in $$(SUITES); do echo "SUITE($$$$s)" >> $$@.tmp; done
	@touch $$@.tmp
	@if cmp -s $$@.tmp $$@; then rm -f $$@.tmp; else mv $$@.tmp $$@; fi

# Schemas and forms are data (generator/*.yaml) compiled into the binary
# as `const char NAME_yaml[]` and `const size_t NAME_yaml_len`.
$(B)/$(1)/%_data.c: generator/%.yaml | $(B)/$(1)/tests
	{ echo '#include <stddef.h>'; \
	  echo 'extern const char $$*_yaml[]; extern const size_t $$*_yaml_len;'; \
	  echo 'const char $$*_yaml[] = {'; \
	  od -An -v -tx1 $$< | sed 's/\([0-9a-f][0-9a-f]\)/(char)0x\1,/g'; \
	  echo '0};'; \
	  echo 'const size_t $$*_yaml_len = sizeof $$*_yaml - 1;'; } > $$@

$(B)/$(1)/%_data.o: $(B)/$(1)/%_data.c | pkgs
	$$(CC) $$(ALL_CFLAGS) $(2) -c -o $$@ $$<

$(B)/$(1)/libminhbach.a: $$($(1)_OBJS) $$(DATA_OBJS_$(1))
	rm -f $$@ && ar rcs $$@ $$^

$(B)/$(1)/minhbach: $(B)/$(1)/main.o $(B)/$(1)/libminhbach.a
	$$(CC) $$(CFLAGS) $(2) $$(LDFLAGS) -o $$@ $$^ $$(PKG_LIBS)

$(B)/$(1)/unit_tests: $(B)/$(1)/tests/main.o $$($(1)_TOBJS) $(B)/$(1)/libminhbach.a
	$$(CC) $$(CFLAGS) $(2) $$(LDFLAGS) -o $$@ $$^ $$(PKG_LIBS) $$(CHECK_LIBS)

$(B)/$(1)/tests:
	mkdir -p $$@
endef

$(eval $(call variant,release,))
$(eval $(call variant,asan,$(ASAN_FLAGS)))
$(eval $(call variant,tsan,$(TSAN_FLAGS)))

generator/minhbach: $(B)/release/minhbach
	cp $< $@

site: deps
	@$(MAKE) --no-print-directory generator/minhbach
	./generator/minhbach build --source . --out site
	@echo "site/ is ready: serve it with any web server (deploy/nginx.conf), or preview with make serve"

# The editors' preview: http://127.0.0.1:8080/, rebuilt on every save.
serve: deps
	@$(MAKE) --no-print-directory generator/minhbach
	./generator/minhbach serve --source .

# The editors' guide's catalogue of messages, from generator/messages_*.yaml.
messages-doc: generator/minhbach
	sh generator/messages-doc.sh ./generator/minhbach

# The kinds' JSON Schemas for editors' text editors (content/README.md,
# section 9), committed so that VS Code finds them in a fresh clone.
schemas: generator/minhbach
	./generator/minhbach schema --out schemas

# Editors who commit locally: git runs .githooks/pre-commit (minhbach
# check) before each commit and refuses the commit on errors.
hooks:
	git config core.hooksPath .githooks
	@echo "hooks: git now runs .githooks/pre-commit before every commit"

# The suites find the Mustache spec in ../shared/mustache-spec unless
# MUSTACHE_SPEC_DIR says otherwise.  check installs nothing and needs no
# network (tests/e2e.d/tools.sh notes and skips its ajv check when
# tests/browser/node_modules is missing, outside CI).
check:
	@$(MAKE) --no-print-directory generator/minhbach $(B)/release/unit_tests \
	    $(B)/release/benchgen
	MINHBACH=$(CURDIR)/generator/minhbach ./$(B)/release/unit_tests
	MINHBACH=$(CURDIR)/generator/minhbach sh tests/golden.sh
	MINHBACH=$(CURDIR)/generator/minhbach BENCHGEN=$(CURDIR)/$(B)/release/benchgen \
	    sh tests/e2e.sh

# What CI runs (.ci/run): the packages, make check, the browser suite
# (tests/browser/run.sh installs its npm packages and Chromium).
test: test-deps
	@# First: e2e's open-data checks use its npm validators too.
	sh tests/browser/deps.sh
	@$(MAKE) --no-print-directory check
	MINHBACH=$(CURDIR)/generator/minhbach sh tests/browser/run.sh

asan: test-deps
	@$(MAKE) --no-print-directory $(B)/asan/minhbach $(B)/asan/unit_tests \
	    $(B)/release/benchgen
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	MINHBACH=$(CURDIR)/$(B)/asan/minhbach ./$(B)/asan/unit_tests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	MINHBACH=$(CURDIR)/$(B)/asan/minhbach sh tests/golden.sh
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	MINHBACH=$(CURDIR)/$(B)/asan/minhbach BENCHGEN=$(CURDIR)/$(B)/release/benchgen sh tests/e2e.sh

# The builds that run threads at once, under ThreadSanitizer (tests/tsan.sh).
tsan: test-deps
	@$(MAKE) --no-print-directory generator/minhbach $(B)/tsan/minhbach \
	    $(B)/release/benchgen
	MINHBACH=$(CURDIR)/generator/minhbach TSAN=$(CURDIR)/$(B)/tsan/minhbach \
	    BENCHGEN=$(CURDIR)/$(B)/release/benchgen sh tests/tsan.sh

valgrind: test-deps
	@$(MAKE) --no-print-directory generator/minhbach $(B)/release/unit_tests
	# Forked, as the suites need (a test may chdir); each test's process
	# is checked on its own and fails its test on any error or leak.
	MINHBACH=$(CURDIR)/generator/minhbach valgrind --error-exitcode=1 \
	    --leak-check=full --errors-for-leak-kinds=definite -q \
	    ./$(B)/release/unit_tests

bless: generator/minhbach
	MINHBACH=$(CURDIR)/generator/minhbach BLESS=1 sh tests/golden.sh

BENCH_PAGES ?= 10000
BENCH_RUNS  ?= 5
bench: deps
	@$(MAKE) --no-print-directory generator/minhbach $(B)/release/benchgen \
	    $(B)/release/cmarkbench $(B)/release/measure $(B)/release/histbench
	B=$(B) BENCH_PAGES=$(BENCH_PAGES) BENCH_RUNS=$(BENCH_RUNS) sh tests/bench/bench.sh

$(B)/release/benchgen: tests/bench/benchgen.c | $(B)/release/tests pkgs
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(PKG_LIBS)

$(B)/release/cmarkbench: tests/bench/cmarkbench.c | $(B)/release/tests pkgs
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(PKG_LIBS)

$(B)/release/measure: tests/bench/measure.c | $(B)/release/tests
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

$(B)/release/histbench: tests/bench/histbench.c $(B)/release/libminhbach.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# FUZZERS="fuzz_budget fuzz_schema" narrows the run to those harnesses;
# FUZZ_FLAGS adds libFuzzer options (-jobs, -dict...).  `make fuzz-build`
# only compiles them (to start several runs at once by hand).
FUZZ_TIME ?= 60
FUZZ_FLAGS ?=
FUZZERS ?= $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
fuzz-deps:
	@sh generator/deps.sh build && sh generator/deps.sh fuzz
fuzz-build: fuzz-deps $(patsubst %,$(B)/release/%_data.c,$(DATA))
	@mkdir -p $(B)/fuzz
	@for f in $(FUZZERS); do \
	  echo "clang $$f"; \
	  clang $(WARN) $(CPPFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) -Igenerator \
	    -DMINHBACH_VERSION='"fuzz"' -o $(B)/fuzz/$$f tests/fuzz/$$f.c $(LIB_SRCS) \
	    $(patsubst %,$(B)/release/%_data.c,$(DATA)) $(LDFLAGS) $(PKG_LIBS) || exit 1; \
	done
fuzz: fuzz-build
	@for f in $(FUZZERS); do \
	  mkdir -p $(B)/fuzz/corpus-$$f; \
	  ./$(B)/fuzz/$$f -max_total_time=$(FUZZ_TIME) -max_len=65536 $(FUZZ_FLAGS) \
	    $(B)/fuzz/corpus-$$f tests/fuzz/seeds/$${f#fuzz_} || exit 1; \
	done

# clang-tidy runs once per file: given several files, clang-tidy 14
# carries va_list state from one to the next and reports a valid
# va_copy() as uninitialized (llvm/llvm-project#40656).  Every file is
# checked; any finding fails the target.
lint: lint-deps
	cppcheck --std=c11 --enable=warning,performance,portability --error-exitcode=1 \
	    --inline-suppr -q generator
	@rc=0; for f in $(SRCS); do \
	  echo "clang-tidy $$f"; \
	  clang-tidy --quiet --config-file=.clang-tidy --warnings-as-errors='*' \
	    "$$f" -- $(WARN) $(PKG_CFLAGS) -Igenerator \
	    -DMINHBACH_VERSION='"lint"' || rc=1; \
	done; exit $$rc
	@$(MAKE) --no-print-directory format-check shellcheck

# .clang-format describes the house style, but no formatter reproduces
# where a person chose to break each long line (clang-format 14 would
# rewrite some 6,700 of 46,000 lines), so the tree as a whole is not run
# through it.  Both targets cover the lines of generator/ and tests/unit/
# C files changed since FORMAT_BASE (default: the branch point from
# origin/main, else HEAD, i.e. the uncommitted changes): make format
# reformats them in place, make format-check (part of make lint) fails
# when one differs from .clang-format.  On an unchanged tree both do
# nothing.
FORMAT_BASE ?= $(shell git merge-base HEAD origin/main 2>/dev/null || echo HEAD)
format:
	git clang-format --force --extensions c,h $(FORMAT_BASE) -- generator tests/unit

format-check:
	@out=$$(git clang-format --diff --extensions c,h $(FORMAT_BASE) -- \
	    generator tests/unit) || exit 1; \
	case $$out in \
	""|"no modified files to format"|"clang-format did not modify any files") \
	  echo "format-check: lines changed since $(FORMAT_BASE) follow .clang-format" ;; \
	*) printf "%s\n" "$$out"; echo "format-check: run make format" >&2; exit 1 ;; \
	esac

# Every shell script; tests/e2e.d/*.sh are parts sourced by tests/e2e.sh
# (no #! line; $top, $bin and $work come from it).  .shellcheckrc says
# which checks are off and why.
SHELL_SCRIPTS = tests/*.sh generator/*.sh tests/browser/*.sh .githooks/* .ci/run
shellcheck:
	shellcheck $(SHELL_SCRIPTS)
	shellcheck -s sh -e SC2154 tests/e2e.d/*.sh

# The binary, the man page (its FILES section names PREFIX's theme
# folder) and the default theme, under $(DESTDIR)$(PREFIX).
# INSTALL_BIN: the binary to install (the e2e tests install the one
# under test).
MANDIR   ?= $(PREFIX)/share/man
SHAREDIR ?= $(PREFIX)/share/minhbach
INSTALL_BIN ?= generator/minhbach
install: generator/minhbach
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(SHAREDIR)/themes
	install -m 0755 $(INSTALL_BIN) $(DESTDIR)$(PREFIX)/bin/minhbach
	sed 's|/usr/local/share/minhbach|$(SHAREDIR)|' minhbach.1 \
	    > $(DESTDIR)$(MANDIR)/man1/minhbach.1
	chmod 0644 $(DESTDIR)$(MANDIR)/man1/minhbach.1
	rm -rf $(DESTDIR)$(SHAREDIR)/themes/default
	cp -R themes/default $(DESTDIR)$(SHAREDIR)/themes/default
	chmod -R u=rwX,go=rX $(DESTDIR)$(SHAREDIR)/themes/default

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/minhbach $(DESTDIR)$(MANDIR)/man1/minhbach.1
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf $(B) generator/minhbach
