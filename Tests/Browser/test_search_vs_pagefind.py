"""Waymark's search against Pagefind (issue 25) over the same demo portal: the 48 queries of
Tests/Search/queries.json answered by both engines (search.js, and pagefind.js with its wasm, under
node); Waymark's top-5 recall must be at least Pagefind's and its median first-query bytes at most
Pagefind's. Needs PyPI `pagefind[extended]` in this venv (`make browser-deps`) and node.
"""

import json
import sys
import tempfile
import unittest
from pathlib import Path

import portal_browser as pb

sys.path.insert(0, str(pb.REPO / "Tests" / "Bench"))
import search_compare  # noqa: E402


class SearchAgainstPagefindTests(unittest.TestCase):
    def test_waymark_finds_at_least_as_much_as_pagefind_for_fewer_bytes(self):
        with tempfile.TemporaryDirectory() as scratch:
            site = Path(scratch) / "site"
            pb.build_site(pb.REPO, site, "/")
            fixture = json.loads(Path(search_compare.QUERIES).read_text())["queries"]
            summary = search_compare.compare(str(site), fixture, sys.executable)
        waymark, pagefind = summary["waymark"], summary["pagefind"]
        report = search_compare.markdown(summary)
        self.assertEqual(waymark["misses"], [], report)
        self.assertGreaterEqual(waymark["recall"]["all"], pagefind["recall"]["all"], report)
        self.assertLessEqual(waymark["bytes"]["total_median"], pagefind["bytes"]["total_median"], report)
        self.assertLessEqual(waymark["bytes"]["index_max"], pagefind["bytes"]["index_max"], report)
        # Pagefind really ran: it finds the docs-body words too.
        self.assertEqual(pagefind["recall"]["body"], 1.0, report)


if __name__ == "__main__":
    unittest.main()
