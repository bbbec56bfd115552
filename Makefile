# Waymark: `make site` builds the demo portal into output/, `make test` runs every test.
# Both install the C libraries Waymark links (Debian/Ubuntu packages) when they are missing.
# `make bench [PRESET=small|medium|large]` benchmarks Waymark against Hugo, mkdocs and the raw
# parsers on a generated corpus (Tests/Bench/; results in .bench/results.md and .bench/results.json).

SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev zlib1g-dev pkg-config graphviz
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

PRESET ?= small
SEED ?= 42
REPS ?= 3
BENCH_ARGS ?=
BENCH_APT_PACKAGES := hugo time
BENCH_VENV := .bench/venv
BENCH_PIP_PACKAGES := mkdocs mkdocs-techdocs-core pyyaml cel-expr-python protobuf 'pagefind[extended]' duckdb
# The browser tests (Tests/Browser/): headless Chromium from Debian, Selenium, axe-core and Pagefind
# (search compared in test_search_vs_pagefind.py) from PyPI.
BROWSER_APT_PACKAGES := chromium chromium-driver fonts-liberation
BROWSER_VENV := .bench/browser-venv
BROWSER_PIP_PACKAGES := selenium axe-selenium-python 'pagefind[extended]'
# The delivery-rollup tests (Tests/Rollups/): contrib/rollups on DuckDB and on Spark in local mode
# (PyPI duckdb and pyspark in a venv; Java 17 from Debian unless a Java 17 or later is on PATH).
ROLLUPS_VENV := .bench/rollups-venv
ROLLUPS_PIP_PACKAGES := duckdb pyspark
SPARK_APT_PACKAGES := openjdk-17-jre-headless

# $(call apt_install,PACKAGES): installs the Debian packages among PACKAGES that are missing.
apt_install = missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Swift sources are formatted by swift-format (the toolchain's `swift format`, settings in
# .swift-format: 2-space indent, lines up to 120); `make format` rewrites them, `make test` checks.
SWIFT_FORMAT_PATHS := Sources Tests Package.swift Fuzz

.PHONY: site test deps format format-check browser-deps build release clean serve bench bench-deps bench-events bench-guardrails fuzz test-sanitize
.PHONY: dist dist-build dist-files dist-test install
.PHONY: rollups-deps test-rollups

deps:
	@$(call apt_install,$(APT_PACKAGES))

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product waymark

site: release
	.build/release/waymark build
	@echo "The portal is in output/. Preview it while editing with: make serve  (then http://127.0.0.1:8000/)"

# The demo portal on http://127.0.0.1:8000/, rebuilt and reloaded on every change (output/ is not written).
serve: release
	.build/release/waymark serve

browser-deps:
	@$(call apt_install,$(BROWSER_APT_PACKAGES))
	@# The search engine's tests run search.js under Node (Debian's nodejs when none is on PATH).
	@command -v node >/dev/null || { $(call apt_install,nodejs); }
	@if ! $(BROWSER_VENV)/bin/python -c 'import selenium, axe_selenium_python, pagefind' 2>/dev/null; then \
	  echo "Installing into $(BROWSER_VENV): $(BROWSER_PIP_PACKAGES)"; \
	  python3 -m venv $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install -q $(BROWSER_PIP_PACKAGES); \
	fi

rollups-deps:
	@java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])' || { $(call apt_install,$(SPARK_APT_PACKAGES)); }
	@if ! $(ROLLUPS_VENV)/bin/python -c 'import duckdb, pyspark' 2>/dev/null; then \
	  echo "Installing into $(ROLLUPS_VENV): $(ROLLUPS_PIP_PACKAGES)"; \
	  python3 -m venv $(ROLLUPS_VENV) && $(ROLLUPS_VENV)/bin/pip install -q $(ROLLUPS_PIP_PACKAGES); \
	fi

format:
	$(SWIFT) format format --in-place --recursive --parallel $(SWIFT_FORMAT_PATHS)

format-check:
	@$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_FORMAT_PATHS) \
	  || { echo "Unformatted Swift code: run 'make format'."; exit 1; }

test: deps browser-deps rollups-deps format-check
	python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
	$(SWIFT) build --build-tests
	WAYMARK=$(CURDIR)/.build/debug/waymark node --test Tests/Search/test_search_engine.cjs
	WAYMARK=$(CURDIR)/.build/debug/waymark $(BROWSER_VENV)/bin/python -m unittest discover -s Tests/Browser -p 'test_*.py'
	WAYMARK=$(CURDIR)/.build/debug/waymark ROLLUPS_SPARK=1 \
	  $(ROLLUPS_VENV)/bin/python -m unittest discover -s Tests/Rollups -p 'test_*.py'
	WAYMARK=$(CURDIR)/.build/debug/waymark python3 -m unittest discover -s Tests/Incremental -p 'test_*.py'
	$(SWIFT) test --skip-build 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

# The rollup tests alone (DuckDB and Spark, the small corpus with GitHub deliveries and the medium one).
test-rollups: deps rollups-deps
	$(SWIFT) build --product waymark
	WAYMARK=$(CURDIR)/.build/debug/waymark ROLLUPS_SPARK=1 \
	  $(ROLLUPS_VENV)/bin/python -m unittest discover -s Tests/Rollups -p 'test_*.py'

# libFuzzer targets (Linux; Fuzz/, built into .build-fuzz with AddressSanitizer): each of FUZZ_TARGETS
# (default all: yaml catalog cel events sarif checkov conftest opa policyreport config markdown)
# runs FUZZ_SECONDS; corpora, crashes and logs stay in .fuzz/<target>/. See docs/manual/fuzzing.md.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz: deps
	SWIFT=$(SWIFT) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" Fuzz/run-fuzzers.sh

# The whole test suite under AddressSanitizer (and LeakSanitizer), then under ThreadSanitizer, each
# in its own scratch path; the leak suppressions, each one explained, are in Tests/Sanitizers/.
test-sanitize: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp:print_suppressions=0 \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

# The peers the benchmark compares against: Hugo and GNU time from Debian (without Hugo's
# recommended Go toolchain), mkdocs (+ TechDocs' plugin), PyYAML with libyaml, cel-expr-python
# (Google's cel-cpp) and Pagefind (its binary, run as `python -m pagefind`; node runs its search) in a
# venv under .bench/.
bench-deps: deps
	@$(call apt_install,$(BENCH_APT_PACKAGES))
	@if ! $(BENCH_VENV)/bin/python -c 'import mkdocs, techdocs_core, yaml, cel_expr_python, pagefind, duckdb; assert yaml.__with_libyaml__' 2>/dev/null; then \
	  echo "Installing into $(BENCH_VENV): $(BENCH_PIP_PACKAGES)"; \
	  python3 -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/pip install -q $(BENCH_PIP_PACKAGES); \
	fi

bench: bench-deps browser-deps
	$(SWIFT) build -c release --product waymark
	$(SWIFT) build -c release --product waymark-bench
	python3 Tests/Bench/run_bench.py --preset $(PRESET) --seed $(SEED) --reps $(REPS) \
	  --waymark .build/release/waymark --waymark-bench .build/release/waymark-bench \
	  --python $(BENCH_VENV)/bin/python --mkdocs $(BENCH_VENV)/bin/mkdocs \
	  --rollups-python $(BENCH_VENV)/bin/python --browser-python $(BROWSER_VENV)/bin/python $(BENCH_ARGS)

clean:
	rm -rf .build $(DIST) $(VERSION_STAMP) .waymark-cache
	find output -mindepth 1 ! -name .gitkeep -delete

# Event ingestion + DORA evaluation vs Python's json module merely parsing the same file (same run).
# Compare the CPU seconds and peak RSS printed by /usr/bin/time (the stage lines give wall time
# per stage: events, metrics); EVENTS_PRESET=large for 2M events.
EVENTS_PRESET ?= medium
bench-events: release
	@corpus=.bench/events-$(EVENTS_PRESET); \
	[ -f $$corpus/events/events.jsonl ] || python3 Tests/Bench/gen_corpus.py --out $$corpus --preset $(EVENTS_PRESET) --only catalog,events -q; \
	printf 'inputs:\n  catalog: ["catalog/**/*.yaml"]\n  events: ["events/**/*.jsonl"]\n' > $$corpus/waymark.yaml; \
	ls -l $$corpus/events/events.jsonl; \
	/usr/bin/time -f "python json.loads: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
	  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' $$corpus/events/events.jsonl; \
	/usr/bin/time -f "waymark check:     %e s wall, %U s user, %S s sys, %M KB peak RSS" \
	  .build/release/waymark check --root $$corpus --as-of 2025-06-30T00:00:00Z > /dev/null || test $$? -eq 1  # the synthetic catalog has deliberate dangling refs

# Policy-result ingestion (the build's `policy:` stage: read + parse + map to entities) vs. Python's
# json.load of the same SARIF files, same run, alternating; prints wall and CPU medians and both
# ratios against the target (<= 0.5x). GUARDRAILS_PRESET=medium for a smaller corpus.
GUARDRAILS_PRESET ?= large
GUARDRAILS_CORPUS := .bench/corpus-sarif-$(GUARDRAILS_PRESET)
bench-guardrails: release
	[ -f $(GUARDRAILS_CORPUS)/manifest.json ] || python3 Tests/Bench/gen_corpus.py --out $(GUARDRAILS_CORPUS) --preset $(GUARDRAILS_PRESET) --only catalog,sarif --force -q
	printf 'inputs:\n  catalog: ["catalog/**/*.yaml"]\n  policyResults: ["policy-results/**/*"]\nguardrails:\n  checkoutRoots: ["/workspace/{org}/{repo}"]\n' > $(GUARDRAILS_CORPUS)/waymark.yaml
	python3 Tests/Bench/policy_ingest.py --corpus $(GUARDRAILS_CORPUS) --waymark .build/release/waymark --reps $(REPS)

# Release artifacts (docs/manual/getting-started.md): `make dist` builds Waymark with the Swift runtime
# linked in (--static-swift-stdlib; libc, libstdc++, libcmark-gfm, libyaml and libxml2 stay shared) in its
# own scratch path .build-dist, and packs $(DIST)/waymark-<version>-linux-<arch>.tar.gz and
# $(DIST)/waymark_<version>_<debian arch>.deb (binary, man page, bash/zsh/fish completions, README).
# `make install [PREFIX=/usr/local] [DESTDIR=]` installs the same files; `make dist-test` checks them
# (Tests/Dist/). The version comes from contrib/dist/version.sh (VERSION file or `git describe`) and is
# compiled in through the gitignored $(VERSION_STAMP), read only with -DWAYMARK_RELEASE_VERSION, so
# plain `swift build`s keep the version in WaymarkVersion.swift and never run git.
PREFIX ?= /usr/local
DESTDIR ?=
DIST := .build-dist
WAYMARK_VERSION := $(shell contrib/dist/version.sh)
DEB_VERSION = $(shell contrib/dist/deb-version.sh $(WAYMARK_VERSION))
DEB_ARCH = $(shell dpkg --print-architecture)
DIST_NAME = waymark-$(WAYMARK_VERSION)-linux-$(shell uname -m)
DIST_BIN := $(DIST)/release/waymark
DIST_FILES := $(DIST)/files
VERSION_STAMP := Sources/WaymarkModel/Common/WaymarkVersion+Release.swift
# The package's Maintainer: whoever made the commit it is built from.
DEB_MAINTAINER ?= $(shell git log -1 --format='%an <%ae>' 2>/dev/null || echo 'Waymark <root@localhost>')
# The man page's date: the commit's, so the same commit gives the same page.
MAN_DATE = $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

# The static Foundation's URLSession (waymark fetch) links the system libcurl: its headers and
# linker name come from libcurl4-openssl-dev.
DIST_APT_PACKAGES := libcurl4-openssl-dev
dist-build: deps
	@$(call apt_install,$(DIST_APT_PACKAGES))
	@stamp='extension WaymarkVersion { static let release = "$(WAYMARK_VERSION)" }'; \
	[ "$$(cat $(VERSION_STAMP) 2>/dev/null)" = "$$stamp" ] || echo "$$stamp" > $(VERSION_STAMP)
	$(SWIFT) build -c release --product waymark --static-swift-stdlib --scratch-path $(DIST) \
	  -Xswiftc -DWAYMARK_RELEASE_VERSION -Xlinker -lcurl
	@[ "$$($(DIST_BIN) --version)" = "$(WAYMARK_VERSION)" ] || { echo "$(DIST_BIN) --version is not $(WAYMARK_VERSION)"; exit 1; }

# The man page comes from swift-argument-parser's generate-manual plugin, run on the debug build that
# `make test` leaves (the plugin builds every product; the command definitions are the same and the
# page carries no version); the completions from the release binary.
dist-files: dist-build
	rm -rf $(DIST_FILES) && mkdir -p $(DIST_FILES)/man
	$(SWIFT) package plugin generate-manual --configuration debug --date $(MAN_DATE)
	cp "$$(find .build/plugins -path '*GenerateManual*' -name waymark.1 | head -n 1)" $(DIST_FILES)/man/waymark.1
	for shell in bash zsh fish; do $(DIST_BIN) --generate-completion-script $$shell > $(DIST_FILES)/waymark.$$shell; done
	for file in $(DIST_FILES)/man/waymark.1 $(DIST_FILES)/waymark.bash $(DIST_FILES)/waymark.zsh $(DIST_FILES)/waymark.fish; do \
	  [ -s $$file ] || { echo "$$file is empty"; exit 1; }; done

# $(call install_tree,ROOT,ZSH_DIR): the binary (stripped: 110 MB -> 70 MB), man page, completions and
# docs under ROOT.
install_tree = install -D -s -m 755 $(DIST_BIN) $(1)/bin/waymark && \
	install -D -m 644 $(DIST_FILES)/man/waymark.1 $(1)/share/man/man1/waymark.1 && \
	install -D -m 644 $(DIST_FILES)/waymark.bash $(1)/share/bash-completion/completions/waymark && \
	install -D -m 644 $(DIST_FILES)/waymark.zsh $(1)/share/$(2)/_waymark && \
	install -D -m 644 $(DIST_FILES)/waymark.fish $(1)/share/fish/vendor_completions.d/waymark.fish && \
	install -D -m 644 README.md $(1)/share/doc/waymark/README.md && \
	for licence in $(wildcard LICENSE* COPYING*); do install -D -m 644 $$licence $(1)/share/doc/waymark/$$licence; done

install: dist-files
	$(call install_tree,$(DESTDIR)$(PREFIX),zsh/site-functions)

dist: dist-files
	rm -rf $(DIST)/tar $(DIST)/deb $(DIST)/waymark-*.tar.gz $(DIST)/waymark_*.deb
	$(call install_tree,$(DIST)/tar/$(DIST_NAME),zsh/site-functions)
	echo "$(WAYMARK_VERSION)" > $(DIST)/tar/$(DIST_NAME)/VERSION
	contrib/dist/deb-depends.sh $(DIST_BIN) > $(DIST)/tar/$(DIST_NAME)/share/doc/waymark/debian-depends.txt
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$$(git log -1 --format=%ct 2>/dev/null || date +%s) \
	  -C $(DIST)/tar -czf $(DIST)/$(DIST_NAME).tar.gz $(DIST_NAME)
	$(call install_tree,$(DIST)/deb/usr,zsh/vendor-completions)
	gzip -9n $(DIST)/deb/usr/share/man/man1/waymark.1
	mkdir -p $(DIST)/deb/DEBIAN
	{ echo "Package: waymark"; echo "Version: $(DEB_VERSION)"; echo "Architecture: $(DEB_ARCH)"; \
	  echo "Maintainer: $(DEB_MAINTAINER)"; \
	  echo "Depends: $$(contrib/dist/deb-depends.sh $(DIST_BIN))"; \
	  echo "Section: devel"; echo "Priority: optional"; \
	  echo "Installed-Size: $$(du -sk $(DIST)/deb/usr | cut -f1)"; \
	  echo "Description: static developer portal from Backstage catalog files"; \
	  echo " waymark build reads Backstage catalog YAML, TechDocs folders, pipeline events, policy results"; \
	  echo " and CEL scorecards and writes a static portal and JSON API; waymark check gates pull requests."; \
	} > $(DIST)/deb/DEBIAN/control
	dpkg-deb --root-owner-group -Zxz --build $(DIST)/deb $(DIST)/waymark_$(DEB_VERSION)_$(DEB_ARCH).deb
	@ls -l $(DIST)/$(DIST_NAME).tar.gz $(DIST)/waymark_$(DEB_VERSION)_$(DEB_ARCH).deb

dist-test: dist
	DIST_DIR=$(CURDIR)/$(DIST) WAYMARK_VERSION=$(WAYMARK_VERSION) python3 -m unittest discover -s Tests/Dist -p 'test_*.py' -v
