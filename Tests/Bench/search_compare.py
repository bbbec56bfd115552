#!/usr/bin/env python3
"""Waymark's search side by side with Pagefind over the same built portal.

usage:
  search_compare.py SITE [--queries Tests/Search/queries.json] [--pagefind-python PY] [--node node]

Runs Pagefind (`python -m pagefind`, PyPI `pagefind[extended]`) over SITE's HTML into SITE/pagefind/,
then answers every query of the fixture with both engines under node: Waymark's search.js over
search/v2/ (Tests/Search/waymark_search.cjs) and Pagefind's pagefind.js + wasm over HTTP
(Tests/Search/pagefind_search.mjs). Reports each engine's top-5 recall (the share of a query's
expected pages found in its first five results, averaged over queries, also per query kind), the
bytes a first query fetches (index files: manifest/metadata, shards/chunks and the first ten results'
fragments; and the engine code: search.js, or pagefind.js and its wasm), the index's total size and
Pagefind's indexing time. Exits 1 when Waymark's recall is below Pagefind's or its median first-query
bytes (index plus engine) above. Standard library only.
"""

import argparse
import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(os.path.dirname(HERE))
SEARCH_TESTS = os.path.join(REPOSITORY, "Tests", "Search")
QUERIES = os.path.join(SEARCH_TESTS, "queries.json")
PAGEFIND_CODE = ("pagefind.js",)


def index_with_pagefind(site, python):
    """Runs Pagefind over `site` into site/pagefind/; the seconds it took."""
    start = time.monotonic()
    subprocess.run([python, "-m", "pagefind", "--site", site, "--output-path", os.path.join(site, "pagefind")],
                   check=True, capture_output=True, text=True)
    return time.monotonic() - start


def folder_bytes(folder, keep=lambda name: True):
    total = 0
    for parent, _, names in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(parent, n)) for n in names if keep(n))
    return total


def pagefind_index_bytes(folder):
    """Pagefind's index: everything it wrote but its UI bundles (the `*-ui.*` and highlight files)."""
    return folder_bytes(folder, lambda n: not ("-ui." in n or n.startswith("pagefind-highlight")))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    """A local HTTP server for `site` on a free port: (server, base URL)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_lines(argv):
    output = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return {row["query"]: row for row in map(json.loads, output.splitlines())}


def run_waymark(site, queries, node="node"):
    return run_lines([node, os.path.join(SEARCH_TESTS, "waymark_search.cjs"), site] + queries)


def run_pagefind(site, queries, node="node"):
    server, base = serve(site)
    try:
        return run_lines([node, os.path.join(SEARCH_TESTS, "pagefind_search.mjs"),
                          os.path.join(site, "pagefind", "pagefind.js"), base] + queries)
    finally:
        server.shutdown()


def recall(rows, fixture):
    """Average top-5 recall over the fixture's queries, overall and per query kind."""
    per_kind = {}
    for item in fixture:
        top = rows[item["query"]]["top"][:5]
        found = sum(1 for url in item["expect"] if url in top) / len(item["expect"])
        per_kind.setdefault(item["kind"], []).append(found)
    every = [value for values in per_kind.values() for value in values]
    return {"all": statistics.mean(every), **{kind: statistics.mean(v) for kind, v in per_kind.items()}}


def first_query_bytes(rows):
    index = [row["indexBytes"] for row in rows.values()]
    total = [row["indexBytes"] + row["engineBytes"] for row in rows.values()]
    return {"index_median": statistics.median(index), "index_max": max(index),
            "total_median": statistics.median(total), "total_max": max(total)}


def compare(site, fixture, pagefind_python, node="node"):
    """Both engines over `site` and `fixture` (a list of {kind, query, expect}): the summary."""
    seconds = index_with_pagefind(site, pagefind_python)
    queries = [item["query"] for item in fixture]
    waymark, pagefind = run_waymark(site, queries, node), run_pagefind(site, queries, node)
    misses = {name: [item["query"] for item in fixture if not set(item["expect"]) & set(rows[item["query"]]["top"][:5])]
              for name, rows in (("waymark", waymark), ("pagefind", pagefind))}
    return {
        "site": site, "queries": len(fixture),
        "waymark": {"recall": recall(waymark, fixture), "bytes": first_query_bytes(waymark),
                    "index_bytes": folder_bytes(os.path.join(site, "search", "v2")), "misses": misses["waymark"]},
        "pagefind": {"recall": recall(pagefind, fixture), "bytes": first_query_bytes(pagefind),
                     "index_bytes": pagefind_index_bytes(os.path.join(site, "pagefind")),
                     "index_seconds": seconds, "misses": misses["pagefind"]},
    }


def catalog_queries(entities, count=20):
    """A fixture from a catalog: `count` Components and APIs spread over it, each looked up by its
    title (kind `name`) and by its title with two letters of its longest word swapped (`typo`)."""
    chosen = [e for e in entities if e["kind"] in ("Component", "API")]
    chosen = chosen[::max(1, len(chosen) // count)][:count]
    fixture = []
    for entity in chosen:
        metadata = entity["metadata"]
        title = metadata.get("title") or metadata["name"]
        url = f"catalog/{metadata.get('namespace', 'default')}/{entity['kind'].lower()}/{metadata['name']}/".lower()
        fixture.append({"kind": "name", "query": title, "expect": [url]})
        longest = max(title.split(), key=len)
        if len(longest) >= 5:
            swapped = longest[:2] + longest[3] + longest[2] + longest[4:]
            fixture.append({"kind": "typo", "query": title.replace(longest, swapped, 1), "expect": [url]})
    return fixture


def passes(summary):
    w, p = summary["waymark"], summary["pagefind"]
    return w["recall"]["all"] >= p["recall"]["all"] and w["bytes"]["total_median"] <= p["bytes"]["total_median"]


def kib(n):
    return f"{n / 1024:,.1f} KB"


def index_time(engine):
    if engine.get("index_seconds") is not None:
        return f"{engine['index_seconds']:.2f} s"
    if engine.get("build_seconds") is not None:
        return f"in the build (all of it: {engine['build_seconds']:.2f} s)"
    return "in the build"


def markdown(summary, title="Search: Waymark and Pagefind over the same portal"):
    w, p = summary["waymark"], summary["pagefind"]
    kinds = [k for k in w["recall"] if k != "all"]
    lines = [f"### {title}", "", f"{summary['queries']} queries (`{summary.get('fixture', 'Tests/Search/queries.json')}`)"
             f" over `{summary['site']}`. First query: a fresh engine and an empty cache; the median (max) over the "
             "queries.", "",
             "| | top-5 recall | " + " | ".join(kinds) + " | first query: index | + engine code | index size | index time |",
             "| --- | ---: | " + " | ".join("---:" for _ in kinds) + " | ---: | ---: | ---: | ---: |"]
    for name, s in (("Waymark", w), ("Pagefind", p)):
        lines.append(f"| {name} | {s['recall']['all']:.2f} | " + " | ".join(f"{s['recall'][k]:.2f}" for k in kinds)
                     + f" | {kib(s['bytes']['index_median'])} ({kib(s['bytes']['index_max'])})"
                     f" | {kib(s['bytes']['total_median'])} ({kib(s['bytes']['total_max'])}) | {kib(s['index_bytes'])}"
                     f" | {index_time(s)} |")
    lines += ["", f"Waymark missed: {', '.join(w['misses']) or 'none'}; Pagefind missed: {', '.join(p['misses']) or 'none'}."]
    lines.append("" if passes(summary) else "**Waymark is behind Pagefind here.**")
    return "\n".join(lines) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--queries", default=QUERIES)
    parser.add_argument("--pagefind-python", default=sys.executable)
    parser.add_argument("--node", default="node")
    arguments = parser.parse_args(argv)
    with open(arguments.queries) as handle:
        fixture = json.load(handle)["queries"]
    summary = compare(os.path.abspath(arguments.site), fixture, arguments.pagefind_python, arguments.node)
    summary["fixture"] = os.path.relpath(arguments.queries, REPOSITORY)
    print(markdown(summary), end="")
    return 0 if passes(summary) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
