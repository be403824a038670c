# faqexport — the two commands: `make` (deps, build, Output/) and `make test`.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?= -c release
BIN := .build/release/faqexport
# Reproducible Output/: dates come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

# Debian packages: build (C libraries) and test (the real validators).
BUILD_DEPS := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev
TEST_DEPS := mandoc groff man-db libxml2-utils epubcheck default-jre-headless cmark-gfm

.PHONY: all deps test-deps build output test clean
all: deps build output

# Installs what is missing with apt-get when run as root; otherwise says what to install.
deps:
	@missing=$$(for p in $(BUILD_DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "missing Debian packages: $$missing (run 'sudo make deps')"; exit 1; fi; fi

test-deps: deps
	@missing=$$(for p in $(TEST_DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "missing Debian packages: $$missing (run 'sudo make test-deps')"; exit 1; fi; fi
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema

build: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product faqexport

# Output/ is generated from Sources-content/ and committed.
output: build
	@mkdir -p Output
	$(BIN) --format json --output-dir Output

test: test-deps
	$(SWIFT) test
	
clean:
	rm -rf .build
