"""rollup_size.py's figures from a job's output folder (v2 gzipped, v1 plain) and its report line."""

import gzip
import os
import tempfile
import unittest

import rollup_size


class RollupSizeTest(unittest.TestCase):
    def test_figures_count_lines_and_subject_days_of_both_formats(self):
        with tempfile.TemporaryDirectory() as out:
            v2 = ('{"format":"waymark.delivery-rollup/v2","month":"2025-06","subject":"s","days":[1,2,9]}\n'
                  '{"format":"waymark.delivery-rollup/v2","month":"2025-06","subject":"t","days":[4]}\n')
            with gzip.GzipFile(os.path.join(out, "2025-06.jsonl.gz"), "wb", mtime=0) as handle:
                handle.write(v2.encode())
            v1 = '{"format":"waymark.delivery-rollup/v1","day":"2025-05-31","subject":"s"}\n'
            with open(os.path.join(out, "2025-05.jsonl"), "w") as handle:
                handle.write(v1)
            figures = rollup_size.rollup_figures(out)
            self.assertEqual(figures["files"], 2)
            self.assertEqual(figures["lines"], 3)
            self.assertEqual(figures["subject_days"], 5)
            self.assertEqual(figures["text_bytes"], len(v2) + len(v1))
            self.assertEqual(figures["rollup_bytes"], sum(os.path.getsize(os.path.join(out, name))
                                                          for name in os.listdir(out)))

    def test_report_says_whether_the_goal_is_met(self):
        result = {"status": "measured", "subject_days": 1_000_000, "lines": 200_000, "files": 8,
                  "rollup_bytes": 6_000_000, "text_bytes": 40_000_000, "events": 2_000_000,
                  "raw_bytes": 1_000_000_000, "ratio": 0.006, "wall_s": 600.0}
        self.assertEqual(
            rollup_size.report_markdown(result),
            "**Delivery rollups** (`contrib/rollups/rollups.py`, DuckDB, every day of the corpus, "
            "`waymark.delivery-rollup/v2` gzipped): 1,000,000 subject-days in 200,000 lines and 8 month files, "
            "6,000,000 bytes (40,000,000 uncompressed) for 2,000,000 raw events of 1,000,000,000 bytes: "
            "**0.60 %** of the raw bytes (goal ≤ 1 %: met, 6.0 bytes a subject-day); the job took 600.0 s wall.")
        self.assertIn("not measured: x", rollup_size.report_markdown({"status": "not measured: x"}))


if __name__ == "__main__":
    unittest.main()
