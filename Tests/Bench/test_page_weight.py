"""Checks the page-weight report: page types, asset references, budgets; no corpus, no timing.

Run by `make test`: python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
"""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import page_weight  # noqa: E402
from page_weight import KB, Budget  # noqa: E402

HEAD = '<link rel="stylesheet" href="{root}assets/style.css">'


def page(root, body="", extra=""):
    return f'<!doctype html><html><head>{HEAD.format(root=root)}{extra}</head><body>{body}</body></html>'


class ClassifyTests(unittest.TestCase):
    def test_top_level_pages(self):
        expected = {"index.html": "home", "catalog/index.html": "catalog", "404.html": "404",
                    "scorecards/index.html": "scorecards", "readiness/index.html": "readiness",
                    "dora/index.html": "dora", "guardrails/index.html": "guardrails", "search/index.html": "search",
                    "golden-paths/index.html": "golden-paths"}
        for path, kind in expected.items():
            self.assertEqual(page_weight.classify(path), kind, path)

    def test_entity_pages_by_kind(self):
        self.assertEqual(page_weight.classify("catalog/default/component/payments-api/index.html"), "entity")
        self.assertEqual(page_weight.classify("catalog/default/resource/db/index.html"), "entity")
        self.assertEqual(page_weight.classify("catalog/default/api/payments/index.html"), "api")
        self.assertEqual(page_weight.classify("catalog/default/group/platform/index.html"), "group")
        self.assertEqual(page_weight.classify("catalog/default/user/priya/index.html"), "user")
        self.assertEqual(page_weight.classify("catalog/default/system/checkout/index.html"), "system-domain")
        self.assertEqual(page_weight.classify("catalog/acme/domain/commerce/index.html"), "system-domain")

    def test_docs_pages_at_any_depth(self):
        self.assertEqual(page_weight.classify("docs/default/component/svc/index.html"), "docs")
        self.assertEqual(page_weight.classify("docs/default/component/svc/guides/setup/index.html"), "docs")

    def test_files_that_are_not_pages(self):
        for path in ("api/catalog.json", "assets/style.css", "readiness/readiness.csv",
                     "docs/default/component/svc/img/flow.svg"):
            self.assertIsNone(page_weight.classify(path), path)

    def test_anything_else_is_other_not_dropped(self):
        self.assertEqual(page_weight.classify("docs/default/component/svc/raw.html"), "other")
        self.assertEqual(page_weight.classify("catalog/default/component/index.html"), "other")
        self.assertEqual(page_weight.classify("somewhere/else.html"), "other")


class ReferenceTests(unittest.TestCase):
    def test_stylesheets_and_scripts_in_order_each_once(self):
        html = ('<link href="a.css" rel="stylesheet"><link rel=\'preload stylesheet\' href=\'b.css\'>'
                '<link rel="icon" href="favicon.ico"><LINK REL=stylesheet HREF=c.css>'
                '<script src="x.js" defer></script><script>inline()</script><script src="x.js"></script>'
                '<link rel="stylesheet" href="a.css">')
        self.assertEqual(page_weight.referenced_assets(html), (["a.css", "b.css", "c.css"], ["x.js"]))

    def test_resolves_relative_references_from_the_page_folder(self):
        self.assertEqual(page_weight.resolve("catalog/default/api/x/index.html", "../../../../assets/style.css"),
                         "assets/style.css")
        self.assertEqual(page_weight.resolve("index.html", "assets/style.css?v=2#top"), "assets/style.css")
        self.assertEqual(page_weight.resolve("search/index.html", "./../assets/search.js"), "assets/search.js")

    def test_absolute_and_escaping_references_do_not_resolve(self):
        self.assertIsNone(page_weight.resolve("index.html", "https://cdn.example/x.js"))
        self.assertIsNone(page_weight.resolve("index.html", "//cdn.example/x.js"))
        self.assertIsNone(page_weight.resolve("index.html", "/assets/style.css"))
        self.assertIsNone(page_weight.resolve("search/index.html", "../../x.js"))


SIZES = {"assets/style.css": 5000, "assets/docs.css": 2000, "assets/catalog.js": 2100, "assets/search.js": 4000}


class WeightAndBudgetTests(unittest.TestCase):
    def weights(self):
        pages = [
            ("index.html", page(""), 3000),
            ("catalog/index.html", page("../", '<script src="../assets/catalog.js"></script>'), 90000),
            ("docs/default/component/a/index.html", page("../../../../", extra=HEAD.format(root="../../../../")
                                                          + '<link rel="stylesheet" href="../../../../assets/docs.css">'),
             10000),
            ("docs/default/component/a/b/index.html", page("../../../../../",
                                                            '<link rel="stylesheet" href="../../../../../assets/docs.css">'),
             30000),
            ("docs/default/component/c/index.html", page("../../../../", '<script src="https://cdn.example/x.js">'
                                                                         '</script><script src="gone.js"></script>'),
             20000),
        ]
        return page_weight.page_weights(pages, SIZES.get)

    def test_a_shared_asset_counts_once_per_page(self):
        docs = self.weights()[2]
        self.assertEqual((docs["html"], docs["css"], docs["js"]), (10000, 7000, 0))
        self.assertEqual(docs["assets"], {"css": ["assets/style.css", "assets/docs.css"], "js": []})

    def test_absolute_or_missing_assets_are_listed_not_counted(self):
        docs = self.weights()[4]
        self.assertEqual((docs["css"], docs["js"]), (5000, 0))
        self.assertEqual(docs["unresolved"], ["https://cdn.example/x.js", "docs/default/component/c/gone.js"])

    def test_summary_per_type_median_max_and_largest_page(self):
        rows = {row["type"]: row for row in page_weight.summarize(self.weights())}
        self.assertEqual(list(rows), ["home", "catalog", "docs"])
        docs = rows["docs"]
        self.assertEqual((docs["pages"], docs["median_html"], docs["max_html"]), (3, 20000, 30000))
        self.assertEqual(docs["max_html_path"], "docs/default/component/a/b/index.html")
        self.assertEqual((docs["css"], docs["js"]), (7000, 0))
        self.assertEqual(rows["catalog"]["js"], 2100)
        self.assertEqual(docs["unresolved"], ["docs/default/component/c/gone.js", "https://cdn.example/x.js"])

    def test_breaches_name_each_measure_over_its_limit(self):
        budgets = {"home": Budget(html=4000, css=6000, js=0), "catalog": Budget(html=80000, css=4000, js=2000),
                   "docs": Budget(html=64 * KB, css=16 * KB, js=8 * KB)}
        rows = {row["type"]: row for row in page_weight.summarize(self.weights(), budgets)}
        self.assertEqual(rows["home"]["over"], [])
        self.assertEqual(rows["catalog"]["over"], [("html", 90000, 80000), ("css", 5000, 4000), ("js", 2100, 2000)])
        self.assertEqual(rows["docs"]["over"], [])
        self.assertEqual(rows["docs"]["budget"], {"html": 64 * KB, "css": 16 * KB, "js": 8 * KB})

    def test_a_page_type_without_a_budget_is_a_breach(self):
        weights = page_weight.page_weights([("odd/page.html", page("../"), 100)], SIZES.get)
        (row,) = page_weight.summarize(weights)
        self.assertEqual((row["type"], row["budget"], row["over"]), ("other", None, [("budget", 1, 0)]))

    def test_site_assets_count_each_file_once(self):
        site = page_weight.site_assets(self.weights(), SIZES.get)
        self.assertEqual((site["css"], site["css_files"], site["js"], site["js_files"]), (7000, 2, 2100, 1))
        self.assertEqual(site["over"], [])

    def test_every_page_type_but_other_has_a_budget(self):
        self.assertEqual(sorted(page_weight.BUDGETS), sorted(kind for kind, _ in page_weight.PAGE_TYPES if kind != "other"))


class ReportTests(unittest.TestCase):
    def test_over_budget_rows_are_marked_and_listed(self):
        weights = page_weight.page_weights(
            [("404.html", page("", "x" * (9 * KB)), 9 * KB + 100), ("index.html", page(""), 2000)], SIZES.get)
        report = page_weight.report_markdown(
            {"rows": page_weight.summarize(weights), "site": page_weight.site_assets(weights, SIZES.get)})
        self.assertIn("| 404 | 1 | 9.1 KB | 9.1 KB | 4.9 KB | 0 B | 8.0 KB / 16.0 KB / 8.0 KB | **OVER BUDGET**: "
                      "HTML 9.1 KB > 8.0 KB (largest: `404.html`) |", report)
        self.assertIn("| home | 1 | 2.0 KB | 2.0 KB | 4.9 KB | 0 B | 64.0 KB / 16.0 KB / 8.0 KB | yes |", report)
        self.assertIn("**Over budget:** 404.", report)
        self.assertIn("4.9 KB of CSS in 1 files and 0 B of JS in 0 files, each counted once", report)

    def test_all_within_budget_says_so(self):
        weights = page_weight.page_weights([("index.html", page(""), 2000)], SIZES.get)
        report = page_weight.report_markdown(
            {"rows": page_weight.summarize(weights), "site": page_weight.site_assets(weights, SIZES.get)})
        self.assertIn("Every page type is within its budget.", report)

    def test_bytes_are_formatted_in_binary_units(self):
        self.assertEqual(page_weight.format_bytes(812), "812 B")
        self.assertEqual(page_weight.format_bytes(14540), "14.2 KB")
        self.assertEqual(page_weight.format_bytes(3565158), "3.40 MB")


class MeasureSiteTests(unittest.TestCase):
    def test_reads_a_built_folder(self):
        with tempfile.TemporaryDirectory() as folder:
            files = {
                "index.html": page(""),
                "catalog/default/group/team/index.html": page("../../../../"),
                "assets/style.css": "b" * 300,
                "api/catalog.json": "{}",
            }
            for path, text in files.items():
                full = os.path.join(folder, path)
                os.makedirs(os.path.dirname(full), exist_ok=True)
                with open(full, "w") as handle:
                    handle.write(text)
            measured = page_weight.measure_site(folder)
        self.assertEqual(measured["pages"], 2)
        self.assertEqual([(row["type"], row["max_html"], row["css"]) for row in measured["rows"]],
                         [("home", len(files["index.html"]), 300),
                          ("group", len(files["catalog/default/group/team/index.html"]), 300)])
        self.assertEqual((measured["site"]["css"], measured["site"]["css_files"]), (300, 1))


if __name__ == "__main__":
    unittest.main()
