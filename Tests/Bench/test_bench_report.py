"""Checks the benchmark report's logic (parsing, medians, ratios, the table); no timing.

Run by `make test`: python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_report  # noqa: E402

TIME_OUTPUT = """\tCommand being timed: "waymark build"
\tUser time (seconds): 1.25
\tSystem time (seconds): 0.50
\tPercent of CPU this job got: 150%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:01.17
\tMaximum resident set size (kbytes): 204800
\tExit status: 0
"""


def run(wall, user=1.0, system=0.0, rss=10.0, status=0, inner=None):
    return {"wall_s": wall, "user_s": user, "sys_s": system, "max_rss_mb": rss, "exit_status": status,
            "inner": None if inner is None else {"seconds": inner}}


def measured(name, runs, note=None):
    return {"name": name, "status": "measured", "summary": bench_report.summarize(runs), "note": note}


class TimeReportTests(unittest.TestCase):
    def test_parses_wall_cpu_rss_and_success(self):
        report = bench_report.parse_time_report(TIME_OUTPUT)
        self.assertEqual(report, {"wall_s": 1.17, "user_s": 1.25, "sys_s": 0.5, "max_rss_mb": 200.0, "exit_status": 0})

    def test_reads_a_non_zero_exit_status(self):
        stderr = "\tCommand exited with non-zero status 1\n" + TIME_OUTPUT
        self.assertEqual(bench_report.parse_time_report(stderr)["exit_status"], 1)

    def test_reads_hours_in_the_clock(self):
        self.assertAlmostEqual(bench_report.parse_clock("1:02:03"), 3723.0)
        self.assertAlmostEqual(bench_report.parse_clock("2:03.50"), 123.5)

    def test_missing_fields_are_an_error(self):
        with self.assertRaises(ValueError):
            bench_report.parse_time_report("no figures here")

    def test_inner_report_is_the_last_json_line(self):
        self.assertEqual(bench_report.inner_report('progress\n{"seconds": 0.5}\n'), {"seconds": 0.5})
        self.assertIsNone(bench_report.inner_report("not json"))
        self.assertIsNone(bench_report.inner_report(""))


class SummaryAndRatioTests(unittest.TestCase):
    def test_median_range_cpu_and_peak(self):
        summary = bench_report.summarize([run(3.0, 1, 1, 50), run(1.0, 1, 0, 70), run(2.0, 2, 1, 60)])
        self.assertEqual(summary["median_wall_s"], 2.0)
        self.assertEqual((summary["min_wall_s"], summary["max_wall_s"]), (1.0, 3.0))
        self.assertEqual(summary["median_cpu_s"], 2.0)
        self.assertEqual(summary["max_rss_mb"], 70)
        self.assertIsNone(summary["median_inner_s"])

    def test_inner_median_only_when_every_rep_reported_it(self):
        self.assertEqual(bench_report.summarize([run(1, inner=0.2), run(1, inner=0.4), run(1, inner=0.3)])
                         ["median_inner_s"], 0.3)
        self.assertIsNone(bench_report.summarize([run(1, inner=0.2), run(1)])["median_inner_s"])

    def test_ratio_is_waymark_over_peer(self):
        self.assertAlmostEqual(bench_report.ratio(1.0, 4.0), 0.25)
        self.assertIsNone(bench_report.ratio(None, 4.0))
        self.assertIsNone(bench_report.ratio(1.0, 0))

    def test_stage_ratios_of_a_pair(self):
        waymark = bench_report.summarize([run(1.0, 0.5, 0.5, inner=0.1)] * 3)
        peer = bench_report.summarize([run(4.0, 2.0, 0.0, inner=0.4)] * 3)
        ratios = bench_report.stage_ratios(waymark, peer)
        self.assertAlmostEqual(ratios["wall"], 0.25)
        self.assertAlmostEqual(ratios["cpu"], 0.5)
        self.assertAlmostEqual(ratios["in_process"], 0.25)

    def test_a_scaled_sample_multiplies_times_not_memory(self):
        sample = bench_report.summarize([run(2.0, 1.5, 0.5, rss=50, inner=1.0), run(3.0, 2.0, 0.0, rss=60, inner=1.5),
                                         run(1.0, 1.0, 0.0, rss=40, inner=0.5)])
        scaled = bench_report.scaled_summary(sample, 10.0)
        self.assertEqual((scaled["median_wall_s"], scaled["min_wall_s"], scaled["max_wall_s"]), (20.0, 10.0, 30.0))
        self.assertEqual((scaled["median_cpu_s"], scaled["median_inner_s"]), (20.0, 10.0))
        self.assertEqual((scaled["max_rss_mb"], scaled["reps"], scaled["scale"]), (60, 3, 10.0))
        self.assertEqual(sample["median_wall_s"], 2.0)
        waymark = bench_report.summarize([run(4.0, 4.0)] * 3)
        self.assertAlmostEqual(bench_report.stage_ratios(waymark, scaled)["wall"], 0.2)

    def test_formats(self):
        self.assertEqual(bench_report.format_ratio(0.254), "0.25×")
        self.assertEqual(bench_report.format_ratio(3.14), "3.1×")
        self.assertEqual(bench_report.format_ratio(31.4), "31×")
        self.assertEqual(bench_report.format_ratio(0.0037), "0.004×")
        self.assertEqual(bench_report.format_ratio(None), "—")
        self.assertEqual(bench_report.format_seconds(0.01234), "0.0123")
        self.assertEqual(bench_report.format_seconds(1.234), "1.23")
        self.assertEqual(bench_report.format_seconds(123.4), "123")
        self.assertEqual(bench_report.format_mb(1234.5), "1,234")


class TableTests(unittest.TestCase):
    def test_a_measured_pair_has_its_ratios(self):
        stage = {"title": "YAML", "waymark": measured("waymark-bench yaml", [run(1.0, inner=0.1)] * 3, "fast"),
                 "peers": [measured("CSafeLoader", [run(2.0, inner=0.4)] * 3, "slow")]}
        [row] = bench_report.stage_rows(stage)
        self.assertEqual(row, ["YAML", "waymark-bench yaml", "CSafeLoader", "1.00 / 2.00", "1.00 / 1.00", "0.50×",
                               "1.0×", "0.25×", "10 / 10", "W: fast; P: slow"])

    def test_a_stage_not_built_shows_the_peer_and_no_ratio(self):
        stage = {"title": "events", "waymark": {"name": "not built", "status": "not built"},
                 "peers": [measured("json", [run(2.0)] * 3)]}
        [row] = bench_report.stage_rows(stage)
        self.assertEqual(row[1], "not built")
        self.assertEqual(row[3], "— / 2.00")
        self.assertEqual(row[5:8], ["—", "—", "—"])

    def test_a_stage_without_peers_has_one_row(self):
        stage = {"title": "build", "waymark": measured("waymark build", [run(1.0, status=1)] * 3, "exit 1"), "peers": []}
        rows = bench_report.stage_rows(stage)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][2], "—")
        self.assertEqual(rows[0][-1], "exit 1")

    def test_a_skipped_peer_says_so(self):
        stage = {"title": "docs", "waymark": {"name": "not built", "status": "not built"},
                 "peers": [{"name": "mkdocs", "status": "skipped", "note": "too big"}]}
        [row] = bench_report.stage_rows(stage)
        self.assertEqual(row[2], "mkdocs (skipped)")
        self.assertEqual(row[-1], "too big")

    def test_the_report_ends_with_the_page_weight_section(self):
        import page_weight
        weights = page_weight.page_weights([("index.html", '<link rel="stylesheet" href="assets/s.css">', 2048)],
                                           {"assets/s.css": 1024}.get)
        results = {"preset": "small", "seed": 42, "reps": 3, "started_at": "2026-11-29 06:00 UTC",
                   "machine": {"cores": 2, "cpu": "EPYC", "memory_gib": 24, "system": "Linux", "load_start": "1.0",
                               "load_end": "2.0"},
                   "corpus": {"catalog_mb": 0.2, "entities": 200, "catalog_files": 16, "docs_mb": 0.8, "docs_pages": 200,
                              "docs_sites": 81, "events_mb": 10.3, "events": 20000, "sarif_mb": 0.6, "sarif_files": 4},
                   "output": {"path": "/tmp/out", "filesystem": "ext4", "device": "/dev/vda"}, "stages": [],
                   "page_weight": {"status": "measured", "pages": 1, "output": "/tmp/out/waymark-site-small",
                                   "build": {"wall_s": 2.5, "max_rss_mb": 80, "inner": {"errors": 6}},
                                   "rows": page_weight.summarize(weights),
                                   "site": page_weight.site_assets(weights, {"assets/s.css": 1024}.get)}}
        report = bench_report.report_markdown(results)
        self.assertIn("**Page weight per page type** (1 pages of the whole portal written by `waymark-bench site` to "
                      "`/tmp/out/waymark-site-small` in 2.50 s wall, peak RSS 80 MB;", report)
        self.assertIn("the corpus has 6 errors", report)
        self.assertIn("| home | 1 | 2.0 KB | 2.0 KB | 1.0 KB | 0 B |", report)
        self.assertNotIn("Output size", report)
        results["page_weight"]["output_size"] = {
            "folders": {"api": {"files": 2, "bytes": 3000}, "catalog": {"files": 1, "bytes": 1000}},
            "files": 3, "bytes": 4000, "largest": [["api/catalog.json", 2500]], "catalog_page_bytes": 1000}
        sized = bench_report.report_markdown(results)
        self.assertIn("**Output size per top-level folder** (the same output, every file):\n\n"
                      "| folder | files | bytes | share |\n| --- | ---: | ---: | ---: |\n"
                      "| `api/` | 2 | 3.0 KB | 75.0 % |\n| `catalog/` | 1 | 1.0 KB | 25.0 % |\n"
                      "| **all** | 3 | 4.0 KB | 100.0 % |\n\nLargest files: `api/catalog.json` 2.5 KB.\n"
                      "`catalog/index.html`: 1.0 KB, within its 512 KB budget.\n", sized)
        failed = dict(results, page_weight={"status": "failed", "build": {"exit_status": 3, "stderr_tail": "x\nboom\n"}})
        self.assertIn("**Page weight**: not measured: `waymark-bench site` exited 3: boom.",
                      bench_report.report_markdown(failed))

    def test_markdown_table_escapes_pipes_and_aligns(self):
        table = bench_report.markdown_table([["a|b"] + ["x"] * 9])
        lines = table.splitlines()
        self.assertEqual(len(lines), 3)
        self.assertTrue(lines[1].startswith("| --- | --- | --- | ---: |"))
        self.assertIn("a\\|b", lines[2])
        self.assertEqual(lines[0].count("|"), len(bench_report.TABLE_HEADER) + 1)


if __name__ == "__main__":
    unittest.main()
