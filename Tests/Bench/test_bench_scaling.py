"""Checks the scaling table's logic: items from stage summaries, cost per item, the SUPERLINEAR mark.

Run by `make test`: python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_scaling  # noqa: E402


def results(*lines):
    """A saved run whose `waymark-bench site` probe reported `lines` as (stage, seconds, summary)."""
    stages = [{"stage": stage, "seconds": seconds, "cpuSeconds": seconds, "summary": summary}
              for stage, seconds, summary in lines]
    return {"page_weight": {"build": {"inner": {"stages": stages}}}}


def build(entities, events, model_s, evaluate_s, events_s, render_s, files):
    return results(
        ("load", 0.5, f"{entities} documents from 3 catalog files (500 ms, 500 ms CPU)"),
        ("model", model_s, f"{entities} entities, {entities * 2} relations (1 ms, 1 ms CPU)"),
        ("events", events_s, f"{events} events from 1 files (1 ms, 1 ms CPU)"),
        ("evaluate", evaluate_s, "4 scorecards, 0 waivers (1 ms, 1 ms CPU)"),
        ("render", render_s, f"{files} files (1 ms, 1 ms CPU)"))


class ScalingTests(unittest.TestCase):
    def test_item_counts_come_from_the_stage_lines_summaries(self):
        lines = bench_scaling.stage_lines_of(build(1000, 5000, 1.0, 2.0, 0.5, 3.0, 4200))
        stages = ("model", "evaluate", "events", "render")
        self.assertEqual([bench_scaling.item_count(stage, lines) for stage in stages], [1000, 1000, 5000, 4200])
        self.assertIsNone(bench_scaling.item_count("docs", lines))

    def test_a_stage_whose_cost_per_item_grows_more_than_one_and_a_half_times_is_superlinear(self):
        small = build(1000, 5000, 1.0, 2.0, 0.5, 3.0, 4000)
        # ×10 entities: model linear (×10 time), evaluate quadratic (×100 time), render ×14 for ×10 files.
        medium = build(10000, 50000, 10.0, 200.0, 5.5, 42.0, 40000)
        rows = {row["stage"]: row for row in bench_scaling.scaling_rows({"medium": medium, "small": small})}
        self.assertEqual(list(rows), ["load", "model", "events", "evaluate", "render"])
        self.assertEqual(rows["evaluate"]["item"], "entity")
        self.assertEqual(rows["evaluate"]["presets"]["small"], (0.002, 1000, 2.0))
        self.assertEqual(rows["evaluate"]["presets"]["medium"], (0.02, 10000, 200.0))
        growth = [(smaller, larger, round(ratio, 2)) for smaller, larger, ratio in rows["evaluate"]["growth"]]
        self.assertEqual(growth, [("small", "medium", 10.0)])
        self.assertEqual({stage: row["superlinear"] for stage, row in rows.items()},
                         {"load": False, "model": False, "events": False, "evaluate": True, "render": False})
        self.assertAlmostEqual(rows["render"]["growth"][0][2], 1.4)

    def test_the_table_marks_superlinear_stages_and_needs_two_presets(self):
        small = build(1000, 5000, 1.0, 2.0, 0.5, 3.0, 4000)
        medium = build(10000, 50000, 10.0, 200.0, 5.0, 30.0, 40000)
        self.assertEqual(bench_scaling.scaling_markdown({"small": small}), "")
        table = bench_scaling.scaling_markdown({"small": small, "medium": medium}).splitlines()
        self.assertEqual(table[2], "| stage | per | small: CPU per item (items, stage CPU s) "
                                   "| medium: CPU per item (items, stage CPU s) | growth per item |")
        self.assertIn("| evaluate | entity | 2.00 ms (1,000, 2.00 s) | 20.00 ms (10,000, 200.00 s) | "
                      "**SUPERLINEAR** medium/small ×10.00 |", table)
        self.assertIn("| model | entity | 1.00 ms (1,000, 1.00 s) | 1.00 ms (10,000, 10.00 s) | medium/small ×1.00 |",
                      table)

    def test_cpu_time_is_judged_and_a_stage_too_short_at_the_smaller_preset_is_not(self):
        small = results(("model", 0.9, "200 entities, 400 relations"), ("evaluate", 0.5, "4 scorecards, 0 waivers"))
        medium = results(("model", 9.0, "2000 entities, 4000 relations"), ("evaluate", 30.0, "4 scorecards"))
        small["page_weight"]["build"]["inner"]["stages"][0]["cpuSeconds"] = 0.04
        small["page_weight"]["build"]["inner"]["stages"][1]["cpuSeconds"] = 0.1
        medium["page_weight"]["build"]["inner"]["stages"][0]["cpuSeconds"] = 4.0
        medium["page_weight"]["build"]["inner"]["stages"][1]["cpuSeconds"] = 2.0
        rows = {row["stage"]: row for row in bench_scaling.scaling_rows({"small": small, "medium": medium})}
        self.assertEqual(rows["model"]["presets"], {"small": (0.0002, 200, 0.04), "medium": (0.002, 2000, 4.0)})
        self.assertEqual((rows["model"]["growth"], rows["model"]["superlinear"]), ([], False))
        self.assertEqual(rows["evaluate"]["growth"], [("small", "medium", 2.0)])
        self.assertTrue(rows["evaluate"]["superlinear"])
        table = bench_scaling.scaling_markdown({"small": small, "medium": medium})
        self.assertIn("| model | entity | 200.0 µs (200, 0.04 s) | 2.00 ms (2,000, 4.00 s) | too short to judge "
                      "(under 0.05 s) |", table)

    def test_a_run_without_stage_lines_adds_no_row(self):
        self.assertEqual(bench_scaling.scaling_rows({"small": {"page_weight": {"status": "failed"}}, "medium": {}}), [])

    def test_cost_per_item_reads_in_a_fitting_unit(self):
        self.assertEqual([bench_scaling.format_per_item(s) for s in (0.0000123, 0.00456, 1.2)],
                         ["12.3 µs", "4.56 ms", "1.20 s"])


if __name__ == "__main__":
    unittest.main()
