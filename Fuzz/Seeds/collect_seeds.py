#!/usr/bin/env python3
"""Copies the seed inputs of one fuzzer into a folder: `collect_seeds.py TARGET OUT [--shared DIR]`.

Seeds come from the demo site, the manual (docs/) and the conformance suites vendored in
Tests/Conformance; when ../shared/conformance is present, its files the tests do not read (GitHub
webhooks, Four Keys fixtures, Backstage's create-app examples, yaml-test-suite cases without an
expected result) are added. Each seed is one file named by its content's hash, so running twice
gives the same folder. Run by Fuzz/run-fuzzers.sh before each fuzzing session.
"""
import argparse
import glob
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENDORED = os.path.join(ROOT, "Tests", "Conformance")


def files(base, *patterns):
    found = []
    for pattern in patterns:
        found += glob.glob(os.path.join(base, pattern), recursive=True)
    return sorted(path for path in set(found) if os.path.isfile(path))


def conformance(shared, *patterns):
    """Suite files matching patterns (relative to a conformance folder): the vendored copy's, and
    ../shared/conformance's too when present, each relative path once."""
    found = {os.path.relpath(path, VENDORED): path for path in files(VENDORED, *patterns)}
    if shared:
        base = os.path.join(shared, "conformance")
        for path in files(base, *patterns):
            found.setdefault(os.path.relpath(path, base), path)
    return [found[key] for key in sorted(found)]


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def yaml_seeds(shared):
    yield from map(read, files(ROOT, "content/**/*.yaml", "content/**/*.yml", "policies/**/*.yaml"))
    yield from map(read, conformance(shared, "yaml-test-suite/*/in.yaml", "yaml-test-suite/*/*/in.yaml"))


def catalog_seeds(shared):
    yield from map(read, files(ROOT, "content/catalog/**/*.yaml", "content/**/catalog-info.yaml"))
    yield from map(read, conformance(shared, "backstage/examples/**/*.yaml", "backstage/create-app-examples/**/*.yaml"))
    with open(os.path.join(VENDORED, "backstage/invalid-cases.json")) as handle:
        for case in json.load(handle):
            if isinstance(case.get("yaml"), str):
                yield case["yaml"].encode()


# Patterns that backtrack exponentially in a Perl-style engine, and RE2 syntax policies use:
# matches() must stay linear and inside the step budget whatever the pattern.
REGEX_SEEDS = [
    b"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'.matches('(x+x+)+y')",
    b"entity.metadata.name.matches('^(a|a)*b$')",
    b"y.matches('(a*)*b') || y.matches('(?i)^[a-z][\\\\w-]*(?:\\\\.[a-z]+){0,3}$')",
    b"matches(entity.spec.owner, '(?P<kind>group):(?P<ns>[[:alpha:]]+)/\\\\pL+')",
]


def cel_seeds(shared):
    yield from REGEX_SEEDS
    # The expressions of the demo's scorecards (expr, applicable, appliesTo, where, entity filters).
    pattern = re.compile(r'^\s*(?:-\s*)?(?:expr|applicable|appliesTo|where|entities):\s*"(.*)"\s*$')
    for path in files(ROOT, "policies/**/*.yaml"):
        for line in read(path).decode().splitlines():
            match = pattern.match(line)
            if match:
                yield match.group(1).replace('\\"', '"').encode()
    for path in conformance(shared, "cel/*.json"):
        with open(path) as handle:
            suite = json.load(handle)
        for section in suite.get("sections", []):
            for test in section.get("tests", []):
                if isinstance(test.get("expr"), str):
                    yield test["expr"].encode()


def event_seeds(shared):
    for path in files(ROOT, "content/events/**/*.jsonl", "content/events/**/*.ndjson"):
        lines = read(path).splitlines()
        # Every distinct event type once, plus the first lines of each file.
        seen = set()
        for number, line in enumerate(lines):
            kind = re.search(rb'"(?:type|event)"\s*:\s*"([^"]+)"', line)
            key = kind.group(1) if kind else b""
            if number < 20 or key not in seen:
                seen.add(key)
                yield line
    for path in files(ROOT, "content/events/**/*.json"):
        yield compact(read(path))
    for path in conformance(shared, "cdevents/*/conformance/**/*.json"):
        yield compact(read(path))
    # A JSON array of records over several lines (each element located), and a line with CR LF.
    record = b'{"context":{"version":"0.4.1","id":"ID","source":"s","type":"dev.cdevents.service.deployed.0.1.1",' \
        b'"timestamp":"2026-10-01T00:00:00Z"},"subject":{"id":"svc","content":{"environment":{"id":"prod"}}}}'
    yield b"[\n" + b",\n".join(b"  " + record.replace(b"ID", str(n).encode()) for n in range(50)) + b"\n]\n"
    yield record + b"\r\n" + record.replace(b"ID", b"2") + b"\r\n"
    if not shared:
        return
    for path in files(shared, "conformance/github-webhooks/api.github.com/*/*.json"):
        event = os.path.basename(os.path.dirname(path))
        yield compact_delivery(event, read(path))
    for path in files(shared, "conformance/fourkeys/fixtures/github.*.json"):
        event = os.path.basename(path).split(".")[-2]
        yield compact_delivery(event, read(path))


def compact(data):
    try:
        return json.dumps(json.loads(data), separators=(",", ":"), sort_keys=True).encode()
    except ValueError:
        return data


def compact_delivery(event, payload):
    try:
        return json.dumps({"event": event, "payload": json.loads(payload)}, separators=(",", ":"), sort_keys=True).encode()
    except ValueError:
        return payload


def policy_seeds(patterns_here, patterns_suite):
    def seeds(shared):
        yield from map(read, files(ROOT, *patterns_here))
        yield from map(read, conformance(shared, *patterns_suite))
    return seeds


def config_seeds(shared):
    # The manual's annotated example of every key.
    page = read(os.path.join(ROOT, "docs", "manual", "configuration.md")).decode()
    example = re.search(r"```yaml\n(.*?)```", page, re.S)
    if example:
        yield example.group(1).encode()
    yield from map(read, files(ROOT, "**/waymark.yaml"))
    yield b"site: {title: Docs, baseURL: /portal/}\nasOf: 2026-11-01T00:00:00Z\n"
    yield b"inputs:\n  catalog: [\"catalog/**/*.yaml\"]\n  events: [\"events/**/*.jsonl\"]\nmetrics: {windowDays: 30, bands: dora-2024}\n"


def markdown_seeds(shared):
    yield from map(read, files(ROOT, "content/docs/**/*.md", "Tests/**/Fixtures/**/*.md", "README.md",
                               "docs/manual/*.md"))


TARGETS = {
    "yaml": yaml_seeds,
    "catalog": catalog_seeds,
    "cel": cel_seeds,
    "events": event_seeds,
    "sarif": policy_seeds(["content/policy-results/**/*.sarif"],
                          ["policy-results/sarif/**/*.sarif*", "policy-results/checkov/*/*.sarif"]),
    "checkov": policy_seeds(["content/policy-results/checkov/**/*.json"],
                            ["policy-results/checkov/*/results_json.json"]),
    "conftest": policy_seeds([], ["policy-results/conftest/**/*.json"]),
    "opa": policy_seeds([], ["policy-results/opa/results/*.json"]),
    "policyreport": policy_seeds(["content/policy-results/kyverno/**/*"],
                                 ["policy-results/policyreport/**/*.yaml",
                                  "policy-results/policyreport/**/*.txt"]),
    "config": config_seeds,
    "markdown": markdown_seeds,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("out")
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    parser.add_argument("--max-bytes", type=int, default=1 << 20, help="seeds larger than this are left out")
    args = parser.parse_args()
    shared = args.shared if os.path.isdir(os.path.join(args.shared, "conformance")) else None
    if shared is None:
        print(f"note: {args.shared} is absent; seeding {args.target} from the demo site and Tests/Conformance",
              file=sys.stderr)
    os.makedirs(args.out, exist_ok=True)
    count = 0
    for seed in TARGETS[args.target](shared):
        if not seed or len(seed) > args.max_bytes:
            continue
        name = hashlib.sha1(seed).hexdigest()
        with open(os.path.join(args.out, name), "wb") as handle:
            handle.write(seed)
        count += 1
    print(f"{args.target}: {count} seeds in {args.out}")


if __name__ == "__main__":
    main()
