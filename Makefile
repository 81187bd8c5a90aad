# minhbach: one entry point.  GNU make, no configure.
#   make            build generator/minhbach
#   make site       install missing packages, build, render content/ into site/
#   make serve      the editors' preview at http://127.0.0.1:8080/
#   make messages-doc  rewrite the guide's catalogue of messages
#   make schemas    rewrite schemas/*.json (JSON Schemas for text editors)
#   make hooks      run `minhbach check` before every local commit
#   make test       unit suites (check), Mustache spec, golden sites
#   make asan       the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench      benchmark (BENCH_PAGES=10000, median of BENCH_RUNS=5)
#   make fuzz       run the fuzz harnesses for FUZZ_TIME seconds each (clang)

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
CFLAGS  ?= -O2 -g
PKGS     = libcmark-gfm libgit2 yaml-0.1 libutf8proc libmicrohttpd
WARN     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra \
	   -Wpedantic -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	   -Wwrite-strings -Wformat=2 -Wvla -Wimplicit-fallthrough \
	   -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN    += -Werror
endif
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)
ALL_CFLAGS = $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Igenerator \
	     -DMINHBACH_VERSION='"$(VERSION)"'

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

# Variants: $(B)/release (generator/minhbach) and $(B)/asan.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	     -fno-sanitize-recover=undefined

.PHONY: all site serve messages-doc schemas hooks deps test-deps lint-deps fuzz-deps test unit golden asan \
	valgrind bench fuzz fuzz-build \
	lint format install uninstall clean bless
.DELETE_ON_ERROR:
all: generator/minhbach

.PHONY: FORCE
FORCE:

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

$(B)/$(1)/%.o: generator/%.c $$(wildcard generator/*.h generator/*/*.h) | $(B)/$(1)/tests
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CFLAGS) $(2) -c -o $$@ $$<

$(B)/$(1)/tests/%.o: tests/unit/%.c $$(wildcard generator/*.h generator/*/*.h tests/unit/*.h) $(B)/$(1)/suites.inc | $(B)/$(1)/tests
	$$(CC) $$(ALL_CFLAGS) $(2) -Itests/unit -I$(B)/$(1) -c -o $$@ $$<

$(B)/$(1)/tests/main.o: tests/unit/main.c $(B)/$(1)/suites.inc | $(B)/$(1)/tests
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

$(B)/$(1)/%_data.o: $(B)/$(1)/%_data.c
	$$(CC) $$(ALL_CFLAGS) $(2) -c -o $$@ $$<

$(B)/$(1)/libminhbach.a: $$($(1)_OBJS) $$(DATA_OBJS_$(1))
	rm -f $$@ && ar rcs $$@ $$^

$(B)/$(1)/minhbach: $(B)/$(1)/main.o $(B)/$(1)/libminhbach.a
	$$(CC) $(2) -o $$@ $$^ $$(PKG_LIBS)

$(B)/$(1)/unit_tests: $(B)/$(1)/tests/main.o $$($(1)_TOBJS) $(B)/$(1)/libminhbach.a
	$$(CC) $(2) -o $$@ $$^ $$(PKG_LIBS) $$(CHECK_LIBS)

$(B)/$(1)/tests:
	mkdir -p $$@
endef

$(eval $(call variant,release,))
$(eval $(call variant,asan,$(ASAN_FLAGS)))

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
# MUSTACHE_SPEC_DIR says otherwise.
test: test-deps
	@$(MAKE) --no-print-directory generator/minhbach $(B)/release/unit_tests \
	    $(B)/release/benchgen
	MINHBACH=$(CURDIR)/generator/minhbach ./$(B)/release/unit_tests
	MINHBACH=$(CURDIR)/generator/minhbach sh tests/golden.sh
	MINHBACH=$(CURDIR)/generator/minhbach BENCHGEN=$(CURDIR)/$(B)/release/benchgen \
	    sh tests/e2e.sh
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

$(B)/release/benchgen: tests/bench/benchgen.c | $(B)/release/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS)

$(B)/release/cmarkbench: tests/bench/cmarkbench.c | $(B)/release/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS)

$(B)/release/measure: tests/bench/measure.c | $(B)/release/tests
	$(CC) $(ALL_CFLAGS) -o $@ $<

$(B)/release/histbench: tests/bench/histbench.c $(B)/release/libminhbach.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(PKG_LIBS)

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
	  clang $(WARN) -g -O1 -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) -Igenerator \
	    -DMINHBACH_VERSION='"fuzz"' -o $(B)/fuzz/$$f tests/fuzz/$$f.c $(LIB_SRCS) \
	    $(patsubst %,$(B)/release/%_data.c,$(DATA)) $(PKG_LIBS) || exit 1; \
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

format:
	clang-format -i generator/*.c generator/*.h generator/*/*.c tests/unit/*.c

install: generator/minhbach
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 generator/minhbach $(DESTDIR)$(PREFIX)/bin/minhbach

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/minhbach

clean:
	rm -rf $(B) generator/minhbach
