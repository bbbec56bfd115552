"""Checks the live-reload row's summary, report section and page choice on made-up runs; no
browser, no timing.

Run by `make test`: python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
"""

import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import serve_latency  # noqa: E402


def run(latency, settle, build, load):
    return {"latency_ms": latency, "settle_ms": settle, "build_ms": build, "reload_ms": latency - settle - build,
            "stages": {"load": load, "render": build - load}, "paint_timing": True, "changed": ["docs/a.md"]}


class ServeLatencyTests(unittest.TestCase):
    maxDiff = None

    def test_medians_and_the_split(self):
        runs = [run(900, 52, 800, 100), run(1000, 55, 880, 120), run(950, 51, 850, 110)]
        summary = serve_latency.summarize(runs, 12345.6, "content/docs/x/docs/index.md", "docs/default/component/x/")
        self.assertEqual(
            {key: value for key, value in summary.items() if key != "runs"},
            {"status": "measured", "goal_ms": 300, "page": "content/docs/x/docs/index.md",
             "url": "docs/default/component/x/", "first_build_ms": 12346, "latency_ms": 950, "latency_max_ms": 1000,
             "settle_ms": 52, "build_ms": 850, "reload_ms": 49, "stages_ms": {"load": 110, "render": 740},
             "early_saves": 0, "whole_build_ms": 850})

    def test_a_page_shown_before_the_build_is_split_by_its_early_record(self):
        status = {"timing": {"settleMilliseconds": 51.0, "buildMilliseconds": 2900.0, "changed": ["docs/a.md"],
                             "stages": [{"name": "docs", "milliseconds": 900.0}]},
                  "early": {"settleMilliseconds": 50.0, "milliseconds": 40.0, "changed": ["docs/a.md"]}}
        record = serve_latency.run_record(status, {"epochMs": 1000.0 + 170, "paint": True}, 1000.0)
        self.assertEqual(record, {
            "latency_ms": 170, "settle_ms": 50.0, "build_ms": 40.0, "early": True, "reload_ms": 80,
            "whole_build_ms": 2900.0, "stages": {"docs": 900.0}, "paint_timing": True, "changed": ["docs/a.md"]})
        del status["early"]
        record = serve_latency.run_record(status, {"epochMs": 1000.0 + 3100, "paint": False}, 1000.0)
        self.assertEqual((record["early"], record["settle_ms"], record["build_ms"], record["reload_ms"]),
                         (False, 51.0, 2900.0, 149))
        summary = serve_latency.summarize(
            [serve_latency.run_record(dict(status, early={"settleMilliseconds": 50.0, "milliseconds": 40.0}),
                                      {"epochMs": 1170.0, "paint": True}, 1000.0)] * 3, 9000, "docs/a.md", "docs/")
        self.assertEqual((summary["early_saves"], summary["whole_build_ms"], summary["build_ms"]), (3, 2900, 40))
        self.assertIn("The edited page was shown before the whole build on 3 of 3 saves, so `build` is rendering "
                      "that page; the whole build after each save took 2900 ms (median). Build stages (ms): docs 900.",
                      serve_latency.markdown(summary, "medium"))

    def test_the_report_section(self):
        summary = serve_latency.summarize([run(250, 50, 150, 20)] * 3, 900, "docs/a.md", "docs/")
        self.assertEqual(
            serve_latency.markdown(summary, "small"),
            "\n### Live reload under `waymark serve` (small preset): saving a markdown page to Chromium showing it\n\n"
            "Median 250 ms over 3 saves (max 250 ms): meets the 300 ms goal. Split (medians): settle 50 ms, build "
            "150 ms, reload 50 ms (change noticed, event sent, page fetched and painted). Build stages (ms): load 20, "
            "render 130. Page: `docs/a.md`; the first build took 900 ms.\n")
        self.assertIn("misses the 300 ms goal", serve_latency.markdown(
            serve_latency.summarize([run(301, 50, 200, 20)] * 3, 900, "docs/a.md", "docs/"), "medium"))
        self.assertEqual(
            serve_latency.markdown({"status": "skipped", "note": "no browser"}, "medium"),
            "\n### Live reload under `waymark serve` (medium preset): saving a markdown page to Chromium showing it"
            "\n\nnot measured: no browser\n")

    def test_the_page_is_the_first_markdown_page_the_preview_lists(self):
        site = tempfile.mkdtemp(prefix="serve-latency-")
        self.addCleanup(shutil.rmtree, site)
        listing = os.path.join(site, ".waymark/serve/site/api/docs/default/component")
        os.makedirs(listing)
        os.makedirs(os.path.join(site, "content/docs/b/docs"))
        with open(os.path.join(site, "content/docs/b/docs/guide.md"), "w") as handle:
            handle.write("# Guide\n")
        with open(os.path.join(listing, "a.json"), "w") as handle:
            json.dump({"pages": [{"source": "content/docs/a/docs/missing.md", "url": "docs/default/component/a/"}]},
                      handle)
        with open(os.path.join(listing, "b.json"), "w") as handle:
            json.dump({"pages": [{"source": "content/docs/b/docs/guide.md", "url": "/docs/default/component/b/guide/"}]},
                      handle)
        self.assertEqual(serve_latency.docs_page(site),
                         (os.path.join(site, "content/docs/b/docs/guide.md"), "docs/default/component/b/guide/"))


if __name__ == "__main__":
    unittest.main()
