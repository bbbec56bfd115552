"""Checks how `make bench-guardrails` reads both sides' figures and judges the ratios; no timing.

Run by `make test`: python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import policy_ingest  # noqa: E402

BUILD_STDERR = """waymark: load: 20000 documents from 659 catalog files (813 ms, 1502 ms CPU)
waymark: model: 20000 entities, 134768 relations (942 ms, 951 ms CPU)
waymark: policy: 113094 results from 152 policy files, 113094 unmapped (412 ms, 655 ms CPU)
waymark: events: 0 events from 0 files (1 ms, 0 ms CPU)
"""


def side(wall, cpu, **extra):
    return dict(wall_s=wall, cpu_s=cpu, results=113094, files=152, unmapped=113094, bytes=63514738, **extra)


class ParsingTests(unittest.TestCase):
    def test_reads_the_policy_line_only(self):
        self.assertEqual(policy_ingest.parse_policy_line(BUILD_STDERR),
                         {"results": 113094, "files": 152, "unmapped": 113094, "wall_s": 0.412, "cpu_s": 0.655})

    def test_no_policy_line_is_none(self):
        self.assertIsNone(policy_ingest.parse_policy_line("waymark: load: 1 documents (3 ms, 2 ms CPU)\n"))

    def test_reads_the_peer_report(self):
        stdout = ('{"peer": "json-files", "seconds": 0.6875, "cpuSeconds": 0.334, "files": 152, "bytes": 63514738, '
                  '"items": 152, "mbPerSecond": 92.4}\n')
        self.assertEqual(policy_ingest.parse_peer_report(stdout),
                         {"files": 152, "bytes": 63514738, "wall_s": 0.6875, "cpu_s": 0.334})


class SummaryTests(unittest.TestCase):
    def test_medians_and_ratios(self):
        summary = policy_ingest.summarize([side(0.4, 0.6), side(0.2, 0.1), side(0.3, 0.15)],
                                          [side(1.0, 0.5), side(0.5, 0.4), side(0.8, 0.3)])
        self.assertEqual((summary["waymark_wall_s"], summary["waymark_cpu_s"]), (0.3, 0.15))
        self.assertEqual((summary["python_wall_s"], summary["python_cpu_s"]), (0.8, 0.4))
        self.assertAlmostEqual(summary["wall_ratio"], 0.375)
        self.assertAlmostEqual(summary["cpu_ratio"], 0.375)
        self.assertTrue(summary["met"])

    def test_the_target_is_judged_on_wall_time(self):
        summary = policy_ingest.summarize([side(0.3, 0.3)], [side(1.0, 0.5)])
        self.assertAlmostEqual(summary["cpu_ratio"], 0.6)
        self.assertTrue(summary["met"])
        summary = policy_ingest.summarize([side(0.51, 0.2)], [side(1.0, 0.5)])
        self.assertAlmostEqual(summary["cpu_ratio"], 0.4)
        self.assertFalse(summary["met"])

    def test_the_report_states_the_verdict(self):
        lines = policy_ingest.report_lines([side(0.6, 0.3)], [side(1.0, 0.5)])
        self.assertEqual(lines[0], "policy-results ingest: 152 SARIF files, 63.5 MB, 113,094 results from 152 files "
                                   "(113,094 unmapped, 0.00 % mapped)")
        self.assertEqual(lines[-1], "Waymark / Python: wall 0.60x, CPU 0.60x (target <= 0.5x on wall time: NOT met)")


class StageNoteTests(unittest.TestCase):
    def waymark(self, cpu):
        return {"inner": {"seconds": cpu, "cpuSeconds": cpu, "findings": 11004, "entities": 3, "unmapped": 11000}}

    def test_the_note_compares_in_process_cpu(self):
        note = policy_ingest.stage_note(None, [self.waymark(0.02), self.waymark(0.04), self.waymark(0.03)],
                                        [{"inner": {"cpuSeconds": 0.06}}, {"inner": {"cpuSeconds": 0.05}},
                                         {"inner": {"cpuSeconds": 0.07}}])
        self.assertEqual(note, "in-process CPU W 0.030 s / P 0.060 s = 0.50× (the 0.5× target is on wall time); W read + parse + map "
                               "11,004 results to 3 entities (11,000 unmapped, 0.03 % mapped); P json.load per file")

    def test_the_mapped_share_is_the_mapped_part_of_the_results(self):
        self.assertEqual(policy_ingest.mapped_share(113094, 452), "99.60 % mapped")
        self.assertEqual(policy_ingest.mapped_share(113094, 21), "99.98 % mapped")
        self.assertEqual(policy_ingest.mapped_share(113094, 1), "99.99 % mapped")
        self.assertEqual(policy_ingest.mapped_share(10, 0), "100.00 % mapped")
        self.assertEqual(policy_ingest.mapped_share(0, 0), "n/a mapped")

    def test_no_note_without_cpu_figures(self):
        self.assertEqual(policy_ingest.stage_note(None, [{"inner": {"seconds": 0.1}}], [{"inner": {"cpuSeconds": 1}}]),
                         "")


if __name__ == "__main__":
    unittest.main()
