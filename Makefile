# PaperDigest: the two commands of the README, plus a few helpers.
# Each target installs what it needs on Debian (libcmark-dev) when it is missing.

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DIGEST := .build/release/digest

.PHONY: site test serve bench deps format-lint

## make site: build the demo site from Content/ into Output/
site: deps
	swift build -c release --product digest
	$(DIGEST) build
	@echo "Open Output/index.html through a web server, e.g.: python3 -m http.server -d Output 8000"

## make test: run the whole test suite
test: deps
	swift test

## make bench: print normaliser and build throughput on the demo content
bench: deps
	swift run -c release digest-bench

deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
		echo "Installing libcmark-dev…"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config; }

format-lint:
	swift format lint --recursive Sources Tests
