"""TechDocs fidelity (issue 30): Waymark's rendering of the fidelity corpus against mkdocs'.

The corpus (Tests/Fixtures/techdocs-fidelity, 35 pages using every extension techdocs-core turns
on, snippets and magic links included, and 2 more merged in by a monorepo `!include`) is built with the real `waymark` binary; each page's content area is normalised
(fidelity_tree.py) and compared with the golden mkdocs rendered (render_goldens.py): at least 95 %
of the nodes agree on every page, no extension syntax is left as text, every heading has the id
mkdocs gave it, and links written for those ids (anchors.md) are not reported broken.

Needs no browser: it lives here because this suite runs against the built binary ($WAYMARK).
"""

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "Tests" / "Fixtures" / "techdocs-fidelity"
sys.path.insert(0, str(FIXTURE))
import fidelity_tree  # noqa: E402

THRESHOLD = 0.95


class TechDocsFidelityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.temp = tempfile.TemporaryDirectory(prefix="waymark-fidelity-")
        cls.output = Path(cls.temp.name) / "site"
        waymark = os.environ.get("WAYMARK") or str(REPO / ".build" / "debug" / "waymark")
        run = subprocess.run(
            [waymark, "build", "--root", str(FIXTURE), "--output", str(cls.output), "--base-url", "/site/", "--quiet"],
            capture_output=True, text=True)
        if run.returncode != 0:
            raise AssertionError(f"waymark build exited {run.returncode}:\n{run.stdout}{run.stderr}")
        cls.folders = dict(fidelity_tree.pages(FIXTURE / "content" / "docs" / "fidelity"))
        cls.pages = sorted(cls.folders)

    @classmethod
    def tearDownClass(cls):
        cls.temp.cleanup()

    def waymark_tree(self, page):
        path = self.output / "docs" / "default" / "component" / "fidelity" / self.folders[page] / "index.html"
        return fidelity_tree.lines(fidelity_tree.waymark_content(path.read_text()))

    def test_corpus_has_thirty_pages_and_a_golden_for_each(self):
        self.assertEqual(len(self.pages), 37)
        self.assertEqual(sorted(p.stem for p in (FIXTURE / "goldens").glob("*.txt")), self.pages)

    def test_monorepo_include_merges_the_ledger_site(self):
        tree = self.waymark_tree("ledger--reconciliation")
        self.assertIn("details.question", tree)
        nav = (self.output / "docs" / "default" / "component" / "fidelity" / "index.html").read_text()
        self.assertIn('<a href="ledger/reconciliation/">Reconciliation</a>', nav)

    def test_every_page_agrees_with_mkdocs(self):
        scores = {}
        for page in self.pages:
            expected = (FIXTURE / "goldens" / f"{page}.txt").read_text().splitlines()
            scores[page] = fidelity_tree.agreement(expected, self.waymark_tree(page))
        low = {page: round(score, 3) for page, score in scores.items() if score < THRESHOLD}
        self.assertEqual(low, {}, f"pages below {THRESHOLD:.0%} agreement with mkdocs")
        print(f"\nfidelity: lowest {min(scores.values()):.3f}, mean {sum(scores.values()) / len(scores):.3f}")

    def test_every_heading_has_the_id_mkdocs_gave_it(self):
        differing = {}
        for page in self.pages:
            expected = fidelity_tree.heading_ids((FIXTURE / "goldens" / f"{page}.txt").read_text().splitlines())
            actual = fidelity_tree.heading_ids(self.waymark_tree(page))
            if actual != expected:
                differing[page] = (expected, actual)
        self.assertEqual(differing, {})
        self.assertEqual(
            fidelity_tree.heading_ids(self.waymark_tree("anchors"))[1:5],
            ["h2 id=client-vs-server", "h2 id=setup", "h2 id=setup_1", "h2 id=setup_2"])

    def test_links_written_for_mkdocs_anchors_are_not_reported(self):
        waymark = os.environ.get("WAYMARK") or str(REPO / ".build" / "debug" / "waymark")
        run = subprocess.run([waymark, "check", "--root", str(FIXTURE)], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertNotIn("docs.broken-link", run.stdout + run.stderr)

    def test_no_extension_syntax_survives(self):
        leftovers = {page: fidelity_tree.literal_syntax(self.waymark_tree(page)) for page in self.pages}
        self.assertEqual({page: found for page, found in leftovers.items() if found}, {})


if __name__ == "__main__":
    unittest.main()
