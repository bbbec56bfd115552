"""Checks the CEL stage's notes (rates, ratios, agreement) and the peer's entity selection; no timing.

Run by `make test`: python3 -m unittest discover -s Tests/Bench -p 'test_*.py'
"""

import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cel_compare  # noqa: E402
import cel_peer  # noqa: E402


def figures(cpu_rate, wall_rate=None, true=None, not_bool=0):
    result = {"evaluationsPerCpuSecond": cpu_rate, "evaluationsPerSecond": wall_rate or cpu_rate / 2}
    if true is not None:
        result.update({"true": true, "notBool": not_bool})
    return result


def waymark_run(cpu_rate, annotation_true=26):
    inner = dict(figures(cpu_rate), entities=200, passes=1250, evaluations=500000,
                 checks={"annotation": figures(cpu_rate * 2, true=annotation_true),
                         "exists": figures(cpu_rate / 2, true=69)})
    return {"inner": inner}


def peer_run(cpu_rate, batched_rate, annotation_true=26, evaluations=500000):
    inner = dict(figures(cpu_rate), entities=200, passes=1250, evaluations=evaluations, version="0.1.3",
                 checks={"annotation": figures(cpu_rate, true=annotation_true), "exists": figures(cpu_rate, true=69)},
                 batched=dict(figures(batched_rate), checks={"annotation": figures(batched_rate, true=annotation_true),
                                                             "exists": figures(batched_rate, true=69)}))
    return {"inner": inner}


class FormatTests(unittest.TestCase):
    def test_rates_in_millions_thousands_and_units(self):
        self.assertEqual(cel_compare.format_rate(2_314_000), "2.31 M/s")
        self.assertEqual(cel_compare.format_rate(612_400), "612 k/s")
        self.assertEqual(cel_compare.format_rate(950), "950/s")
        self.assertEqual(cel_compare.format_rate(999_700), "1.00 M/s")
        self.assertEqual(cel_compare.format_rate(999.7), "1 k/s")
        self.assertEqual(cel_compare.format_rate(None), "—")

    def test_throughput_ratios(self):
        self.assertEqual(cel_compare.format_ratio(12.4), "12×")
        self.assertEqual(cel_compare.format_ratio(3.44), "3.4×")
        self.assertEqual(cel_compare.format_ratio(0.523), "0.52×")
        self.assertEqual(cel_compare.format_ratio(None), "—")
        self.assertIsNone(cel_compare.ratio(1.0, 0))


class MedianTests(unittest.TestCase):
    def test_median_over_runs_at_a_path(self):
        runs = [waymark_run(1e6), waymark_run(3e6), waymark_run(2e6)]
        self.assertEqual(cel_compare.median_of(runs, ["evaluationsPerCpuSecond"]), 2e6)
        self.assertEqual(cel_compare.median_of(runs, ["checks", "annotation", "evaluationsPerCpuSecond"]), 4e6)

    def test_no_median_when_a_run_lacks_the_value(self):
        self.assertIsNone(cel_compare.median_of([waymark_run(1e6), {"inner": None}], ["evaluationsPerCpuSecond"]))
        self.assertIsNone(cel_compare.median_of([waymark_run(1e6)], ["checks", "missing", "true"]))
        self.assertIsNone(cel_compare.median_of([], ["evaluations"]))


class NoteTests(unittest.TestCase):
    def test_waymark_note_gives_rates_work_and_checks_in_file_order(self):
        note = cel_compare.waymark_note(None, [waymark_run(2e6), waymark_run(2.2e6), waymark_run(1.8e6)])
        self.assertEqual(note, "2.00 M/s per CPU second, 1.00 M/s per wall second; 200 entities × 2 checks × "
                               "1,250 passes = 500,000 evaluations; annotation 4.00 M/s, exists 1.00 M/s")

    def test_peer_note_gives_both_modes_the_ratios_and_agreement(self):
        note = cel_compare.peer_note(None, [waymark_run(2e6)] * 3, [peer_run(2e5, 5e5)] * 3)
        self.assertEqual(note, "cel-expr-python 0.1.3: 200 k/s per CPU second one call per evaluation "
                               "(annotation 200 k/s, exists 200 k/s), 500 k/s batched as one filter() per pass "
                               "(annotation 500 k/s, exists 500 k/s); Waymark/cel-cpp throughput per CPU second "
                               "10× per call, 4.0× batched; same number of evaluations; results agree")

    def test_peer_note_flags_different_work_and_results(self):
        note = cel_compare.peer_note(None, [waymark_run(2e6)], [peer_run(2e5, 5e5, annotation_true=25, evaluations=1)])
        self.assertIn("DIFFERENT number of evaluations", note)
        self.assertTrue(note.endswith("RESULTS DIFFER: annotation true W 26 / P 25, not bool W 0 / P 0; "
                                      "batched annotation true W 26 / P 25, not bool W 0 / P 0"), note)

    def test_notes_are_empty_without_reports(self):
        self.assertEqual(cel_compare.waymark_note(None, [{"inner": None}]), "")
        self.assertEqual(cel_compare.peer_note(None, [waymark_run(1e6)], [{"inner": None}]), "")

    def test_agreement_compares_entity_counts(self):
        waymark = waymark_run(1e6)["inner"]
        peer = dict(peer_run(1e5, 1e5)["inner"], entities=199)
        self.assertEqual(cel_compare.agreement(waymark, peer), "RESULTS DIFFER: entities W 200 / P 199")
        self.assertEqual(cel_compare.agreement(None, peer), "results not compared")


class PeerTests(unittest.TestCase):
    def test_entity_documents_need_a_kind_and_a_metadata_name(self):
        documents = [{"kind": "Component", "metadata": {"name": "a"}}, None, "text", {"kind": "Component"},
                     {"kind": 3, "metadata": {"name": "b"}}, {"kind": "API", "metadata": {"title": "c"}},
                     {"kind": "API", "metadata": {"name": "d"}, "spec": {}}]
        self.assertEqual([d["metadata"]["name"] for d in cel_peer.entity_documents(documents)], ["a", "d"])

    def test_passes_round_up_to_whole_passes(self):
        self.assertEqual(cel_peer.passes_for(250_000, 200), 1250)
        self.assertEqual(cel_peer.passes_for(250_000, 201), 1244)
        self.assertEqual(cel_peer.passes_for(10, 200), 1)

    def test_the_checks_file_names_each_check_once(self):
        with open(os.path.join(HERE, "cel_checks.json")) as handle:
            spec = json.load(handle)
        names = [check["name"] for check in spec["checks"]]
        self.assertEqual(names, ["annotation", "enum", "exists", "threshold"])
        self.assertGreater(spec["evaluationsPerCheck"], 0)
        self.assertTrue(all(check["expr"].strip() for check in spec["checks"]))


if __name__ == "__main__":
    unittest.main()
