"""Checks how the bench reports the docs fidelity figure next to the docs speed ratio; no builds.

Run by `make test`: python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_report  # noqa: E402
import docs_fidelity  # noqa: E402

MEASURED = {"status": "measured", "pages": {"index": 1.0, "faq": 0.9512, "api-guide": 0.9512, "runbook": 0.99}}


def docs_stage(ratios):
    return {"id": "docs", "ratios": [dict(peer=peer, wall=wall, cpu=None, in_process=None) for peer, wall in ratios]}


class DocsFidelityReportTest(unittest.TestCase):
    def test_summary_names_the_first_lowest_page_and_averages_every_page(self):
        figures = docs_fidelity.summary(MEASURED)
        self.assertEqual(figures.pop("mean"), (1.0 + 0.9512 + 0.9512 + 0.99) / 4)
        self.assertEqual(figures, {"pages": 4, "lowest": 0.9512, "lowest_page": "api-guide"})

    def test_summary_is_none_without_measured_pages(self):
        self.assertIsNone(docs_fidelity.summary(None))
        self.assertIsNone(docs_fidelity.summary({"status": "failed", "note": "mkdocs build exited 1: x"}))
        self.assertIsNone(docs_fidelity.summary({"status": "measured", "pages": {}}))

    def test_docs_line_puts_the_agreement_next_to_the_wall_ratios(self):
        results = {"stages": [docs_stage([("Hugo", 0.42), ("mkdocs", 0.031)])], "docs_fidelity": MEASURED}
        self.assertEqual(
            bench_report.docs_line(results),
            "**Docs**: W/P wall 0.42× vs Hugo, 0.03× vs mkdocs; fidelity with mkdocs (techdocs-core) over the "
            "4-page corpus Tests/Fixtures/techdocs-fidelity: lowest 95.1% (`api-guide`), mean 97.3% of "
            "content-tree nodes agree.")

    def test_docs_line_says_why_the_agreement_is_missing(self):
        results = {"stages": [], "docs_fidelity": {"status": "failed", "note": "mkdocs build exited 1: boom"}}
        self.assertEqual(bench_report.docs_line(results),
                         "**Docs**: fidelity with mkdocs not measured: mkdocs build exited 1: boom.")


if __name__ == "__main__":
    unittest.main()
