# faqexport — the two commands: `make` (deps, build, Output/) and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
DOCDIR ?= $(DATADIR)/doc/faqexport
SCHEMADIR ?= $(DATADIR)/faqexport
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/vendor-completions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
DESTDIR ?=

# The static Swift runtime halves process start (bench/NOTES.md).
RELEASE_FLAGS ?= -c release --static-swift-stdlib
BIN := .build/release/faqexport
FUZZ_SECONDS ?= 600
# Seeds: the fuzz corpus proper plus the reader fixtures and the bad-input corpus (not copied).
FUZZ_SEEDS := Tests/FAQReadersTests/Fixtures Tests/BadInput/cases
FUZZ_SEEDS_REPLAY := Tests/Fuzz/corpus/*/* Tests/FAQReadersTests/Fixtures/*.* Tests/FAQReadersTests/Fixtures/questions/* Tests/FAQReadersTests/Fixtures/docbook/* Tests/BadInput/cases/*
FUZZ_FLAGS := -c debug --product FAQFuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --scratch-path .build-fuzz
# Reproducible Output/: dates come from the last commit, not the clock.
# (from the last change to the sources of Output/, so committing Output/ does not make it stale)
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct -- Sources-content 2>/dev/null | grep . || echo 0)
export SOURCE_DATE_EPOCH

# Debian packages: build (C libraries) and test (the real validators, the benchmark peers,
# and the platforms whose heading ids the readers reproduce: Pandoc, kramdown, Hugo, Python-Markdown).
BUILD_DEPS := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libjemalloc-dev
# The converters the RST and AsciiDoc readers run (DocBook needs only libxml2).
RUNTIME_DEPS := python3-docutils asciidoctor
TEST_DEPS := mandoc groff man-db libxml2-utils epubcheck default-jre-headless cmark-gfm \
  chromium chromium-driver fonts-noto-cjk pandoc ruby-kramdown ruby-kramdown-parser-gfm hugo python3-markdown

.PHONY: all deps test-deps build output check-output test browser-test screenshots fuzz bench generated install uninstall dist clean
all: deps build output

# Installs what is missing with apt-get when run as root; otherwise names it.
define install-missing
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing: $$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "missing Debian packages: $$missing (run 'sudo make $(2)')"; exit 1; fi; fi
endef

deps:
	$(call install-missing,$(BUILD_DEPS) $(RUNTIME_DEPS),deps)

test-deps: deps
	$(call install-missing,$(TEST_DEPS),test-deps)
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
	@python3 -c 'import selenium, axe_selenium_python' 2>/dev/null || python3 -m pip install -q selenium axe-selenium-python
	@# A current axe-core: only the package's axe.min.js is used, so not its Playwright dependency.
	@python3 -c 'import axe_playwright_python' 2>/dev/null || python3 -m pip install -q --no-deps axe-playwright-python==0.1.8

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product faqexport

# Output/ is generated from Sources-content/ and committed.
output: build
	@rm -rf Output.tmp && mkdir -p Output.tmp
	$(BIN) --quiet --output-dir Output.tmp
	@rm -rf Output && mv Output.tmp Output

# Fails when the committed Output/ is not what the current code generates.
check-output: build
	@rm -rf .build/output-check && mkdir -p .build/output-check
	$(BIN) --quiet --output-dir .build/output-check
	@diff -r Output .build/output-check >/dev/null || { echo "Output/ is stale: run 'make output' and commit it"; diff -r Output .build/output-check | head -20; exit 1; }
	@echo "Output/ is up to date"

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	.build/debug/FAQFuzz $(FUZZ_SEEDS_REPLAY)
	$(MAKE) --no-print-directory check-output
	$(MAKE) --no-print-directory browser-test
	Tests/Install/install-check.sh

# The XHTML goldens, Output/'s page and every EPUB content document in headless Chromium:
# axe-core, sideways scrolling at phone width, in-page links (Tests/Browser/check_pages.py).
browser-test: test-deps
	python3 Tests/Browser/check_pages.py

# PNGs of the shipped FAQ for the README (docs/screenshots/): pixels differ between
# machines, so no test compares them; run after changing the page template or Output/.
screenshots: test-deps
	python3 Tests/Browser/screenshots.py

# Each harness for FUZZ_SECONDS; new inputs go to a scratch corpus, findings to Tests/Fuzz/crashes/.
# An input slower than FUZZ_TIMEOUT seconds or using more than FUZZ_RSS_MB fails the run like a
# crash does (the debug build with ASan is ~10x slower than release: 5 s here is 0.5 s there).
FUZZ_TIMEOUT ?= 5
FUZZ_RSS_MB ?= 2048
fuzz: deps
	$(SWIFT) build $(FUZZ_FLAGS)
	@mkdir -p Tests/Fuzz/crashes
	@set -o pipefail; for t in markdown html frontmatter docbook; do \
	  mkdir -p .build-fuzz/corpus/$$t Tests/Fuzz/corpus/$$t; \
	  echo "== fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  before=$$(ls Tests/Fuzz/crashes | wc -l); \
	  FAQFUZZ_TARGET=$$t SWIFT_BACKTRACE=enable=no .build-fuzz/debug/FAQFuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) -malloc_limit_mb=$(FUZZ_RSS_MB) -report_slow_units=$(FUZZ_TIMEOUT) \
	    -artifact_prefix=Tests/Fuzz/crashes/$$t- -print_final_stats=1 .build-fuzz/corpus/$$t Tests/Fuzz/corpus/$$t $$([ $$t = frontmatter ] || echo $(FUZZ_SEEDS)) > .build-fuzz/$$t.log 2>&1; status=$$?; \
	  grep -E 'stat::number_of_executed_units|Done|ERROR|SUMMARY|Fatal error|Slowest unit|out-of-memory|timeout' .build-fuzz/$$t.log; \
	  [ $$status = 0 ] || { echo "fuzz $$t: failed (input kept in Tests/Fuzz/crashes/)"; exit 1; }; \
	  [ $$(ls Tests/Fuzz/crashes | wc -l) = $$before ] || { echo "fuzz $$t: new findings in Tests/Fuzz/crashes/"; exit 1; }; \
	done

# faqexport against cmark-gfm and pandoc on generated FAQs (1,000 / 10,000 / 100,000 entries).
BENCH_SIZES ?= 1000 10000 100000
bench: build
	$(call install-missing,cmark-gfm pandoc time,bench)
	python3 bench/run.py $(BIN) $(BENCH_SIZES)

# The tool's own page and shell completions, made by the tool itself.
GENERATED := .build/generated
generated: build
	@mkdir -p $(GENERATED)/completions
	$(BIN) --quiet --ascii --format man -o $(GENERATED)/faqexport.1 docs/faqexport.1.md
	$(BIN) --generate-completion-script bash > $(GENERATED)/completions/faqexport.bash
	$(BIN) --generate-completion-script zsh > $(GENERATED)/completions/_faqexport
	$(BIN) --generate-completion-script fish > $(GENERATED)/completions/faqexport.fish

install: generated
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DOCDIR) \
	  $(DESTDIR)$(SCHEMADIR) $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/faqexport
	install -m 644 $(GENERATED)/faqexport.1 $(DESTDIR)$(MANDIR)/man1/faqexport.1
	install -m 644 Output/*.7 $(DESTDIR)$(MANDIR)/man7/
	install -m 644 Output/*.txt Output/*.epub Output/*.xhtml Output/*.json Output/*.jsonld README.md $(DESTDIR)$(DOCDIR)/
	install -m 644 schema/faqexport.schema.json $(DESTDIR)$(SCHEMADIR)/
	install -m 644 $(GENERATED)/completions/faqexport.bash $(DESTDIR)$(BASHCOMPDIR)/faqexport
	install -m 644 $(GENERATED)/completions/_faqexport $(DESTDIR)$(ZSHCOMPDIR)/_faqexport
	install -m 644 $(GENERATED)/completions/faqexport.fish $(DESTDIR)$(FISHCOMPDIR)/faqexport.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/faqexport $(DESTDIR)$(MANDIR)/man1/faqexport.1 \
	  $(addprefix $(DESTDIR)$(MANDIR)/man7/,$(notdir $(wildcard Output/*.7))) \
	  $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(wildcard Output/*)) README.md) \
	  $(DESTDIR)$(SCHEMADIR)/faqexport.schema.json $(DESTDIR)$(BASHCOMPDIR)/faqexport \
	  $(DESTDIR)$(ZSHCOMPDIR)/_faqexport $(DESTDIR)$(FISHCOMPDIR)/faqexport.fish
	-rmdir $(DESTDIR)$(DOCDIR) $(DESTDIR)$(SCHEMADIR) 2>/dev/null

# A source tarball of what is committed.
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/faqexport/FAQExportCommand.swift)
dist:
	@mkdir -p .build/dist
	git archive --format=tar.gz --prefix=faqexport-$(VERSION)/ -o .build/dist/faqexport-$(VERSION).tar.gz HEAD
	@echo .build/dist/faqexport-$(VERSION).tar.gz

clean:
	rm -rf .build .build-fuzz Output.tmp
