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
BENCH_PIP_PACKAGES := mkdocs mkdocs-techdocs-core pyyaml cel-expr-python protobuf duckdb
# The browser tests (Tests/Browser/): headless Chromium from Debian, Selenium and axe-core from PyPI.
BROWSER_APT_PACKAGES := chromium chromium-driver fonts-liberation
BROWSER_VENV := .bench/browser-venv
BROWSER_PIP_PACKAGES := selenium axe-selenium-python
# The delivery-rollup tests (Tests/Rollups/): contrib/rollups on DuckDB in `make test`; on Spark
# (PyPI pyspark, Java 17 from Debian) in `make test-rollups`, minutes on two cores.
ROLLUPS_VENV := .bench/rollups-venv
SPARK_APT_PACKAGES := openjdk-17-jre-headless

# $(call apt_install,PACKAGES): installs the Debian packages among PACKAGES that are missing.
apt_install = missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

.PHONY: site test deps browser-deps rollups-deps test-rollups build release clean serve bench bench-deps bench-events bench-guardrails fuzz test-sanitize

deps:
	@$(call apt_install,$(APT_PACKAGES))

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product waymark

site: release
	.build/release/waymark build
	@echo "The portal is in output/. Open it with: python3 -m http.server -d output 8000  (then http://localhost:8000/)"

serve: site
	python3 -m http.server -d output 8000

browser-deps:
	@$(call apt_install,$(BROWSER_APT_PACKAGES))
	@if ! $(BROWSER_VENV)/bin/python -c 'import selenium, axe_selenium_python' 2>/dev/null; then \
	  echo "Installing into $(BROWSER_VENV): $(BROWSER_PIP_PACKAGES)"; \
	  python3 -m venv $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install -q $(BROWSER_PIP_PACKAGES); \
	fi

rollups-deps:
	@if ! $(ROLLUPS_VENV)/bin/python -c 'import duckdb' 2>/dev/null; then \
	  echo "Installing into $(ROLLUPS_VENV): duckdb"; \
	  python3 -m venv $(ROLLUPS_VENV) && $(ROLLUPS_VENV)/bin/pip install -q duckdb; \
	fi

test: deps browser-deps rollups-deps
	python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
	$(SWIFT) build --build-tests
	WAYMARK=$(CURDIR)/.build/debug/waymark $(BROWSER_VENV)/bin/python -m unittest discover -s Tests/Browser -p 'test_*.py'
	WAYMARK=$(CURDIR)/.build/debug/waymark $(ROLLUPS_VENV)/bin/python -m unittest discover -s Tests/Rollups -p 'test_*.py'
	$(SWIFT) test --skip-build 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

# The rollup tests with Spark too (local mode): DuckDB's and Spark's rollups byte-identical.
# ROLLUPS_PRESET=medium for the bench's medium corpus (200,000 events).
ROLLUPS_PRESET ?= small
test-rollups: deps rollups-deps
	@$(call apt_install,$(SPARK_APT_PACKAGES))
	@$(ROLLUPS_VENV)/bin/python -c 'import pyspark' 2>/dev/null || $(ROLLUPS_VENV)/bin/pip install -q pyspark
	$(SWIFT) build --product waymark
	WAYMARK=$(CURDIR)/.build/debug/waymark ROLLUPS_SPARK=1 ROLLUPS_PRESET=$(ROLLUPS_PRESET) \
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
# recommended Go toolchain), mkdocs (+ TechDocs' plugin), PyYAML with libyaml and cel-expr-python
# (Google's cel-cpp) in a venv under .bench/.
bench-deps: deps
	@$(call apt_install,$(BENCH_APT_PACKAGES))
	@if ! $(BENCH_VENV)/bin/python -c 'import mkdocs, techdocs_core, yaml, cel_expr_python, duckdb; assert yaml.__with_libyaml__' 2>/dev/null; then \
	  echo "Installing into $(BENCH_VENV): $(BENCH_PIP_PACKAGES)"; \
	  python3 -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/pip install -q $(BENCH_PIP_PACKAGES); \
	fi

bench: bench-deps
	$(SWIFT) build -c release --product waymark
	$(SWIFT) build -c release --product waymark-bench
	python3 Tests/Bench/run_bench.py --preset $(PRESET) --seed $(SEED) --reps $(REPS) \
	  --waymark .build/release/waymark --waymark-bench .build/release/waymark-bench \
	  --python $(BENCH_VENV)/bin/python --mkdocs $(BENCH_VENV)/bin/mkdocs \
	  --rollups-python $(BENCH_VENV)/bin/python $(BENCH_ARGS)

clean:
	rm -rf .build
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
