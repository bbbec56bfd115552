"""Checks the output-size report on a small written folder; no corpus, no timing.

Run by `make test`: python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
"""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import output_size  # noqa: E402


def write(root, path, size):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as handle:
        handle.write(b"x" * size)


class OutputSizeTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="output-size-")
        write(self.folder, "index.html", 300)
        write(self.folder, "404.html", 50)
        write(self.folder, "catalog/index.html", 600 * 1024)
        write(self.folder, "catalog/default/component/a/index.html", 2000)
        write(self.folder, "api/catalog.json", 5000)
        write(self.folder, "api/catalog-explorer/0.json", 4000)
        write(self.folder, "api/catalog-explorer/1.json", 1000)

    def tearDown(self):
        for directory, _, names in os.walk(self.folder, topdown=False):
            for name in names:
                os.remove(os.path.join(directory, name))
            os.rmdir(directory)

    def test_sizes_per_top_level_folder(self):
        sizes = output_size.measure_output(self.folder, largest=2)
        self.assertEqual(sizes["folders"], {
            "(top level)": {"files": 2, "bytes": 350},
            "api": {"files": 3, "bytes": 10000},
            "catalog": {"files": 2, "bytes": 614400 + 2000},
        })
        self.assertEqual(sizes["files"], 7)
        self.assertEqual(sizes["bytes"], 350 + 10000 + 616400)
        self.assertEqual(sizes["largest"], [["catalog/index.html", 614400], ["api/catalog.json", 5000]])
        self.assertEqual(sizes["catalog_page_bytes"], 614400)

    def test_report_lists_folders_biggest_first_and_flags_the_catalog_page(self):
        report = output_size.report_markdown(output_size.measure_output(self.folder, largest=1))
        self.assertEqual(report.splitlines(), [
            "| folder | files | bytes | share |",
            "| --- | ---: | ---: | ---: |",
            "| `catalog/` | 2 | 616.4 KB | 98.3 % |",
            "| `api/` | 3 | 10.0 KB | 1.6 % |",
            "| (top level) | 2 | 350 B | 0.1 % |",
            "| **all** | 7 | 626.8 KB | 100.0 % |",
            "",
            "Largest files: `catalog/index.html` 614.4 KB.",
            "`catalog/index.html`: 614.4 KB, **OVER** its 512 KB budget.",
        ])

    def test_a_catalog_page_within_budget_and_no_catalog_page(self):
        os.remove(os.path.join(self.folder, "catalog/index.html"))
        write(self.folder, "catalog/index.html", 100 * 1024)
        report = output_size.report_markdown(output_size.measure_output(self.folder))
        self.assertIn("`catalog/index.html`: 102.4 KB, within its 512 KB budget.", report)
        os.remove(os.path.join(self.folder, "catalog/index.html"))
        sizes = output_size.measure_output(self.folder)
        self.assertIsNone(sizes["catalog_page_bytes"])
        self.assertNotIn("budget", output_size.report_markdown(sizes))


if __name__ == "__main__":
    unittest.main()
