"""Delivery rollups end to end: the bench corpus's events through contrib/rollups (DuckDB, and
Spark when pyspark is importable and ROLLUPS_SPARK=1), read by Waymark, against Waymark's direct
ingest of the same events.

Counts, frequencies and rates must be equal; medians and p90s within 1 % (DDSketch buckets,
alpha = 0.01); DuckDB's and Spark's rollups byte-identical. Needs WAYMARK (the binary) and
duckdb; `make test` provides both (`make test-rollups` runs this file alone, with Spark).
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WAYMARK = os.environ.get("WAYMARK", os.path.join(REPOSITORY, ".build", "debug", "waymark"))
AS_OF = "2025-06-30T00:00:00Z"  # gen_corpus.py's default end: midnight, so days and window agree
PRESET = os.environ.get("ROLLUPS_PRESET", "small")
CONFIG = """inputs:
  catalog: ["catalog/**/*.yaml"]
  events: ["events/**/*"]
  rollups: ["rollups/**/*"]
asOf: "%s"
catalog:
  danglingRefs: warning
""" % AS_OF

EXACT = [("deployments",), ("deploymentFrequency", "perDay"), ("deploymentFrequency", "deploymentDaysPerWeek"),
         ("deploymentFrequency", "bucket"), ("deploymentFrequency", "band"), ("leadTimeHours", "changes"),
         ("changeFailureRate", "value"), ("changeFailureRate", "failed"), ("changeFailureRate", "deployments"),
         ("changeFailureRate", "band"), ("recoveryHours", "failures"), ("recoveryHours", "open"),
         ("reworkRate", "value"), ("reworkRate", "deployments"), ("ci", "runs"), ("ci", "successRate")]
APPROXIMATE = [("leadTimeHours", "median"), ("leadTimeHours", "p90"), ("recoveryHours", "median")]


def run(argv, **kwargs):
    return subprocess.run(argv, capture_output=True, text=True, **kwargs)


def field(metrics, path):
    for key in path:
        metrics = metrics[key]
    return metrics


class RollupsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="waymark-rollups-")
        corpus = os.path.join(cls.work, "corpus")
        generated = run([sys.executable, os.path.join(REPOSITORY, "Tests", "Bench", "gen_corpus.py"), "--out", corpus,
                         "--preset", PRESET, "--only", "catalog,events", "-q"])
        assert generated.returncode == 0, generated.stderr
        # The corpus's docs are not generated: drop the TechDocs references to them.
        for path in glob.glob(os.path.join(corpus, "catalog", "**", "*.yaml"), recursive=True):
            with open(path, encoding="utf-8") as source:
                text = source.read()
            with open(path, "w", encoding="utf-8") as target:
                target.write(re.sub(r"(?m)^\s*backstage\.io/techdocs-ref:.*\n", "", text))
        cls.events = os.path.join(corpus, "events")
        cls.catalog = os.path.join(corpus, "catalog")
        cls.direct = cls.build("direct", events=True)
        cls.rollups = {"duckdb": cls.job("duckdb")}
        if os.environ.get("ROLLUPS_SPARK") == "1":
            cls.rollups["spark"] = cls.job("spark")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    @classmethod
    def site(cls, name, events=False, rollups=None):
        site = os.path.join(cls.work, name)
        os.makedirs(site)
        shutil.copytree(cls.catalog, os.path.join(site, "catalog"))
        if events:
            shutil.copytree(cls.events, os.path.join(site, "events"))
        if rollups:
            shutil.copytree(rollups, os.path.join(site, "rollups"))
        with open(os.path.join(site, "waymark.yaml"), "w", encoding="utf-8") as config:
            config.write(CONFIG)
        return site

    @classmethod
    def build(cls, name, events=False, rollups=None):
        site = cls.site(name, events=events, rollups=rollups)
        built = run([WAYMARK, "build"], cwd=site)
        assert built.returncode == 0, built.stdout + built.stderr
        with open(os.path.join(site, "output", "api", "dora.json"), encoding="utf-8") as dora:
            return json.load(dora)

    @classmethod
    def job(cls, engine):
        out = os.path.join(cls.work, "rollups-" + engine)
        runner = os.path.join(REPOSITORY, "contrib", "rollups", "rollups.py")
        made = run([sys.executable, runner, "--events", cls.events,
                    "--out", out, "--window-days", "90", "--as-of", AS_OF, "--engine", engine])
        assert made.returncode == 0, made.stderr
        return out

    def tables(self, dora):
        yield "org", dora["org"]
        for table in ("entities", "systems", "domains", "groups"):
            for ref, metrics in sorted(dora[table].items()):
                yield ref, metrics

    def assert_matches(self, direct, rolled):
        self.assertEqual(set(direct["entities"]), set(rolled["entities"]))
        compared = 0
        for (ref, expected), (_, actual) in zip(self.tables(direct), self.tables(rolled)):
            for path in EXACT:
                self.assertEqual(field(actual, path), field(expected, path), "%s %s" % (ref, ".".join(path)))
            for path in APPROXIMATE:
                want, got = field(expected, path), field(actual, path)
                self.assertEqual(got is None, want is None, "%s %s" % (ref, ".".join(path)))
                if want is not None:
                    # 1 % relative, plus the 0.0001 that rounding to four places may add.
                    self.assertLessEqual(abs(got - want), 0.01 * want + 0.0001, "%s %s" % (ref, ".".join(path)))
                    compared += 1
            self.assertEqual([(w["start"], w["deployments"], w["failed"], w["changeFailureRate"])
                              for w in actual["weekly"]],
                             [(w["start"], w["deployments"], w["failed"], w["changeFailureRate"])
                              for w in expected["weekly"]], ref)
        return compared

    def test_duckdb_rollups_match_direct_ingest(self):
        rolled = self.build("via-duckdb", rollups=self.rollups["duckdb"])
        self.assertGreater(self.direct["org"]["deployments"], 1000)
        self.assertGreater(self.assert_matches(self.direct, rolled), 100)

    def test_spark_rollups_equal_duckdb_rollups(self):
        if "spark" not in self.rollups:
            self.skipTest("Spark runs in `make test-rollups` (ROLLUPS_SPARK=1)")
        for engine in ("duckdb", "spark"):
            files = sorted(os.listdir(self.rollups[engine]))
            self.assertEqual(files, sorted(os.listdir(self.rollups["duckdb"])))
        for name in sorted(os.listdir(self.rollups["duckdb"])):
            with open(os.path.join(self.rollups["duckdb"], name)) as duck, \
                    open(os.path.join(self.rollups["spark"], name)) as spark:
                self.assertEqual(spark.read(), duck.read(), name)

    def test_rollups_and_raw_events_for_the_same_days_are_an_error(self):
        site = self.site("overlap", events=True, rollups=self.rollups["duckdb"])
        built = run([WAYMARK, "build"], cwd=site)
        self.assertEqual(built.returncode, 1)
        overlaps = [line for line in built.stderr.splitlines() + built.stdout.splitlines()
                    if line.endswith("[events.rollup-overlap]")]
        self.assertGreater(len(overlaps), 100)
        self.assertRegex(overlaps[0], r"^rollups/2025-04\.jsonl:\d+:1: error: the rollup of '[^']+' for 2025-04-\d\d "
                                      r"overlaps \d+ raw events? of component:default/[a-z0-9-]+ that day; "
                                      r"they would be counted twice \[events.rollup-overlap\]$")


if __name__ == "__main__":
    unittest.main()
