"""search_compare's arithmetic on made-up engine answers: recall, first-query bytes, the catalog fixture."""

import json
import os
import unittest

import search_compare

FIXTURE = [
    {"kind": "name", "query": "payments api", "expect": ["a/", "b/"]},
    {"kind": "typo", "query": "kafak", "expect": ["k/"]},
]


def row(query, top, index, engine):
    return {"query": query, "top": top, "indexBytes": index, "engineBytes": engine}


class SearchCompareTests(unittest.TestCase):
    def test_recall_counts_expected_pages_in_the_first_five(self):
        rows = {"payments api": row("payments api", ["x", "a/", "y", "z", "w", "b/"], 0, 0),
                "kafak": row("kafak", ["k/"], 0, 0)}
        self.assertEqual(search_compare.recall(rows, FIXTURE), {"all": 0.75, "name": 0.5, "typo": 1.0})

    def test_first_query_bytes_are_medians_and_maxima(self):
        rows = {"a": row("a", [], 100, 10), "b": row("b", [], 300, 10), "c": row("c", [], 200, 10)}
        self.assertEqual(search_compare.first_query_bytes(rows),
                         {"index_median": 200, "index_max": 300, "total_median": 210, "total_max": 310})

    def test_passes_needs_recall_at_least_and_bytes_at_most_pagefinds(self):
        def summary(recall, total):
            return {"recall": {"all": recall}, "bytes": {"total_median": total}}
        self.assertTrue(search_compare.passes({"waymark": summary(0.9, 100), "pagefind": summary(0.9, 100)}))
        self.assertFalse(search_compare.passes({"waymark": summary(0.8, 100), "pagefind": summary(0.9, 900)}))
        self.assertFalse(search_compare.passes({"waymark": summary(1.0, 901), "pagefind": summary(0.9, 900)}))

    def test_catalog_queries_are_titles_and_titles_with_two_letters_swapped(self):
        entities = [{"kind": "Component", "metadata": {"name": "payments-api", "title": "Payments API"}},
                    {"kind": "User", "metadata": {"name": "ana"}},
                    {"kind": "API", "metadata": {"name": "dns", "namespace": "Ops"}}]
        self.assertEqual(search_compare.catalog_queries(entities), [
            {"kind": "name", "query": "Payments API", "expect": ["catalog/default/component/payments-api/"]},
            {"kind": "typo", "query": "Pamyents API", "expect": ["catalog/default/component/payments-api/"]},
            {"kind": "name", "query": "dns", "expect": ["catalog/ops/api/dns/"]},
        ])

    def test_the_fixture_has_forty_queries_of_every_kind(self):
        with open(search_compare.QUERIES) as handle:
            fixture = json.load(handle)["queries"]
        self.assertGreaterEqual(len(fixture), 40)
        self.assertEqual({item["kind"] for item in fixture}, {"name", "partial", "body", "typo", "multi"})
        self.assertTrue(all(item["expect"] for item in fixture))
        self.assertTrue(os.path.isfile(os.path.join(search_compare.SEARCH_TESTS, "pagefind_search.mjs")))


if __name__ == "__main__":
    unittest.main()
