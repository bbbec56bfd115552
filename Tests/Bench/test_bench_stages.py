"""The whole-build rows' notes (bench_stages.build_note): the published build's own diagnostics
and the files it wrote, folders not counted; and how a previous output is set aside before a rep."""

import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_stages  # noqa: E402


class FakeContext:
    def __init__(self, root):
        self.root = root
        self.site = os.path.join(root, "site")

    def out(self, name):
        return os.path.join(self.root, "out", name)


class BuildNoteTests(unittest.TestCase):
    def test_reads_the_published_build_and_counts_files_only(self):
        with tempfile.TemporaryDirectory() as root:
            context = FakeContext(root)
            api = os.path.join(context.out("waymark-cold"), "api")
            os.makedirs(os.path.join(context.out("waymark-cold"), "catalog", "default"))
            with open(os.path.join(context.out("waymark-cold"), "index.html"), "w") as handle:
                handle.write("<html></html>")
            os.makedirs(api)
            items = [{"code": "catalog.dangling-ref", "severity": "warning"},
                     {"code": "catalog.dangling-ref", "severity": "warning"},
                     {"code": "policy.unmapped", "severity": "warning"}]
            with open(os.path.join(api, "build.json"), "w") as handle:
                json.dump({"diagnostics": {"errors": 0, "warnings": 3, "items": items}}, handle)
            note = bench_stages.build_note("waymark-cold")(context, [{"exit_status": 0}, {"exit_status": 0}])
            self.assertEqual(note, "exit 0; 0 errors, 3 warnings (catalog.dangling-ref ×2, policy.unmapped ×1); "
                                   "wrote 2 files")

    def test_no_published_build_has_no_diagnostics_of_its_own(self):
        with tempfile.TemporaryDirectory() as root:
            self.assertIsNone(bench_stages.published_diagnostics(os.path.join(root, "missing")))
            self.assertEqual(bench_stages.count_files(os.path.join(root, "missing")), 0)


class TouchNoteTests(unittest.TestCase):
    def published(self, context):
        api = os.path.join(context.out("waymark"), "api")
        os.makedirs(api, exist_ok=True)
        with open(os.path.join(api, "build.json"), "w") as handle:
            json.dump({"diagnostics": {"errors": 0, "warnings": 0, "items": []}}, handle)

    def test_says_when_the_run_kept_the_output_and_not_otherwise(self):
        with tempfile.TemporaryDirectory() as root:
            context = FakeContext(root)
            context.site_catalog = os.path.join(root, "site", "content", "catalog")
            os.makedirs(context.site_catalog)
            open(os.path.join(context.site_catalog, "domains.yaml"), "w").close()
            self.published(context)
            bench_stages.touch_one_catalog_file(context)
            runs = [{"exit_status": 0}]
            self.assertEqual(bench_stages.touch_note(context, runs),
                             "exit 0; 0 errors, 0 warnings (none); kept 1 files as they were "
                             "(the build found nothing changed)")
            # A build that publishes writes a new api/build.json (another inode).
            os.remove(os.path.join(context.out("waymark"), "api", "build.json"))
            self.published(context)
            self.assertEqual(bench_stages.touch_note(context, runs), "exit 0; 0 errors, 0 warnings (none); wrote 1 files")


class SetAsideTests(unittest.TestCase):
    def test_moves_outputs_aside_and_deletes_them_once_at_the_end(self):
        with tempfile.TemporaryDirectory() as root:
            output = os.path.join(root, "waymark-cold-large")
            for rep in range(2):
                os.makedirs(os.path.join(output, "api"))
                with open(os.path.join(output, "api", "build.json"), "w") as handle:
                    handle.write(str(rep))
                bench_stages.set_aside(output)
                self.assertFalse(os.path.lexists(output))
            aside = os.path.join(root, bench_stages.SET_ASIDE)
            kept = sorted(os.listdir(aside))
            self.assertEqual(len(kept), 2)
            self.assertTrue(all(name.startswith("waymark-cold-large-") for name in kept))
            self.assertEqual([open(os.path.join(aside, name, "api", "build.json")).read() for name in kept], ["0", "1"])
            bench_stages.set_aside(output)   # nothing there: nothing to do
            self.assertEqual(len(os.listdir(aside)), 2)
            bench_stages.empty_set_aside(root)
            self.assertEqual(os.listdir(root), [])


if __name__ == "__main__":
    unittest.main()
