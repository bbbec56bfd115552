"""Incremental builds against cold builds, after each of 200 random edits (issue #26).

A corpus is generated with the bench's generator (Tests/Bench/gen_corpus.py) and laid out as the
bench lays it out, plus a site layout; then, for the first build and after each seeded random
edit (site_edits.py: catalog files, docs pages and nav, events, policy results, scorecards,
layouts and waymark.yaml, each changed, added, deleted, renamed or put back as it was), the site
is built twice: incrementally (`waymark build`, its cache kept beside the output between
builds) and cold (`--no-cache` into a new folder). Every time, the two must agree: the same exit
status and diagnostics and, when the build publishes, the same files with the same bytes; when
it does not, the incremental output must be the previous one, untouched. Files whose bytes did
not change since the previous incremental build must be the same files (same inode: linked, not
rewritten), `api/build.json` excepted.

Size: `make test` uses a reduced corpus (40 entities, 30 docs pages, 1,500 events), because a debug
build of the small preset (200 / 200 / 20,000) takes 10–25 s on the 2-core machine and the test
makes 402 builds; the reduced corpus has every kind of input the small one has (catalog with
Locations, docs sites with nav, CDEvents, SARIF, scorecards). INCREMENTAL_PRESET=small runs the
issue's small corpus (with a release build: WAYMARK=.build/release/waymark), INCREMENTAL_EDITS and
INCREMENTAL_SEED change the number of edits and the seed.
"""

import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import site_edits  # noqa: E402

WAYMARK = os.environ.get("WAYMARK", os.path.join(site_edits.REPOSITORY, ".build", "debug", "waymark"))
EDITS = int(os.environ.get("INCREMENTAL_EDITS", "200"))
SEED = int(os.environ.get("INCREMENTAL_SEED", "26"))
PRESET = os.environ.get("INCREMENTAL_PRESET", "reduced")
SIZES = {
    "reduced": ["--entities", "40", "--docs-pages", "30", "--events", "1500"],
    "small": ["--preset", "small"],
}
# Always written: its inputs' hashes and counts describe the build.
ALWAYS_WRITTEN = {"api/build.json"}


def tree(folder):
    """{relative path: (SHA-256, inode)} of every file under `folder`."""
    files = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            with open(path, "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()
            files[os.path.relpath(path, folder)] = (digest, os.lstat(path).st_ino)
    return files


def build(site, output, *extra):
    process = subprocess.run([WAYMARK, "build", "--root", site, "--output", output, "--quiet", *extra],
                             capture_output=True, text=True)
    return process.returncode, process.stderr


@unittest.skipUnless(os.path.exists(WAYMARK), f"no waymark binary at {WAYMARK}")
class RandomEditTest(unittest.TestCase):
    def test_incremental_builds_equal_cold_builds_after_every_edit(self):
        with tempfile.TemporaryDirectory(prefix="waymark-incremental-") as work:
            corpus, site = os.path.join(work, "corpus"), os.path.join(work, "site")
            subprocess.run([sys.executable, site_edits.GENERATOR, "--out", corpus, *SIZES[PRESET], "--seed", str(SEED),
                            "-q"], check=True)
            site_edits.lay_out(corpus, site)
            output = os.path.join(work, "incremental", "output")
            cold_parent = os.path.join(work, "cold")
            editor = site_edits.SiteEditor(site, random.Random(SEED))
            published, previous = 0, None
            linked = written = 0
            started = time.monotonic()
            for step in range(EDITS + 1):
                what = editor.edit() if step else "the first build"
                context = f"after edit {step} ({what}), seed {SEED}"
                status, stderr = build(site, output)
                shutil.rmtree(cold_parent, ignore_errors=True)
                cold = os.path.join(cold_parent, "output")
                cold_status, cold_stderr = build(site, cold, "--no-cache")
                self.assertNotIn("waymark: warning:", stderr, context)
                self.assertEqual((status, stderr), (cold_status, cold_stderr), context)
                self.assertIn(status, (0, 1), f"{context}: {stderr[-2000:]}")
                if status != 0:
                    self.assertFalse(os.path.exists(cold), context)
                    if previous is not None:
                        self.assertEqual(tree(output), previous, f"{context}: a failed build changed the output")
                    continue
                current, expected = tree(output), tree(cold)
                self.assertEqual(sorted(current), sorted(expected), f"{context}: the files differ")
                differing = [path for path in current if current[path][0] != expected[path][0]]
                self.assertEqual(differing, [], f"{context}: these files' bytes differ from a cold build")
                if previous is not None:
                    kept = [path for path, (digest, _) in current.items()
                            if path in previous and previous[path][0] == digest and path not in ALWAYS_WRITTEN]
                    rewritten = sorted(path for path in kept if previous[path][1] != current[path][1])
                    self.assertEqual(rewritten[:20], [], f"{context}: unchanged files were written again")
                    linked += len(kept)
                    written += len(current) - len(kept)
                previous = current
                published += 1
            print(f"\nincremental: {EDITS} edits ({PRESET} corpus, seed {SEED}), {published} builds published and "
                  f"compared, {linked:,} unchanged files kept in place and {written:,} written, "
                  f"{time.monotonic() - started:.0f} s", file=sys.stderr)
            self.assertGreater(published, EDITS // 2, "too few edits left a site that publishes")


if __name__ == "__main__":
    unittest.main()
