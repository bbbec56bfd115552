"""Delivery rollups end to end: bench corpora through contrib/rollups on DuckDB and on Spark (local
mode), read by Waymark, against Waymark's direct ingest of the same events.

Two corpora, each generated here by Tests/Bench/gen_corpus.py:
- the small preset with --github-deliveries: the components whose CI is GitHub Actions report
  through GitHub webhook deliveries (pushes, pull requests, workflow runs, deployments and their
  statuses, incident issues, redeliveries, API delivery records), the others through CDEvents;
- the medium preset (200,000 CDEvents, 830 components): the bench's medium corpus.

Counts, frequencies, rates and bands must be equal; medians and p90s within 1 % (DDSketch buckets,
alpha = 0.01); DuckDB's and Spark's rollups byte-identical; v1 and v2 rollups the same figures.
Needs WAYMARK (the binary) and duckdb, and pyspark with Java for Spark (ROLLUPS_SPARK=1; without
it the Spark tests are skipped). `make test` provides all of them.
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WAYMARK = os.environ.get("WAYMARK", os.path.join(REPOSITORY, ".build", "debug", "waymark"))
RUNNER = os.path.join(REPOSITORY, "contrib", "rollups", "rollups.py")
AS_OF = "2025-06-30T00:00:00Z"  # gen_corpus.py's default end: midnight, so days and window agree
SPARK = os.environ.get("ROLLUPS_SPARK") == "1"
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
         ("changeFailureRate", "value"), ("changeFailureRate", "failed"),
         ("changeFailureRate", "deployments"), ("changeFailureRate", "band"), ("recoveryHours", "failures"),
         ("recoveryHours", "open"), ("reworkRate", "value"), ("reworkRate", "deployments"), ("ci", "runs"),
         ("ci", "successRate")]
APPROXIMATE = [("leadTimeHours", "median"), ("leadTimeHours", "p90"), ("recoveryHours", "median"),
               ("ci", "medianMinutes")]


def run(argv, **kwargs):
    return subprocess.run(argv, capture_output=True, text=True, **kwargs)


def field(metrics, path):
    for key in path:
        metrics = metrics[key]
    return metrics


def tables(dora):
    yield "org", dora["org"]
    for table in ("entities", "systems", "domains", "groups"):
        for ref, metrics in sorted(dora[table].items()):
            yield ref, metrics


class Agreement:
    """What a comparison checked: figures equal, medians and p90s compared, the largest deviation."""

    def __init__(self):
        self.equal = 0
        self.approximate = 0
        self.largest = 0.0

    def __str__(self):
        return ("%d figures equal, %d medians/p90s within 1 %% (largest deviation %.3f %%)"
                % (self.equal, self.approximate, 100 * self.largest))


class RollupsCase:
    """A corpus, its direct ingest and its rollups; the test classes name the corpus."""

    PRESET = None
    GITHUB = False

    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="waymark-rollups-")
        corpus = os.path.join(cls.work, "corpus")
        generated = run([sys.executable, os.path.join(REPOSITORY, "Tests", "Bench", "gen_corpus.py"), "--out", corpus,
                         "--preset", cls.PRESET, "--only", "catalog,events", "-q"]
                        + (["--github-deliveries"] if cls.GITHUB else []))
        assert generated.returncode == 0, generated.stderr
        # The corpus's docs are not generated: drop the TechDocs references to them.
        for path in glob.glob(os.path.join(corpus, "catalog", "**", "*.yaml"), recursive=True):
            with open(path, encoding="utf-8") as source:
                text = source.read()
            with open(path, "w", encoding="utf-8") as target:
                target.write(re.sub(r"(?m)^\s*backstage\.io/techdocs-ref:.*\n", "", text))
        cls.events = os.path.join(corpus, "events")
        cls.catalog = os.path.join(corpus, "catalog")
        cls.prepare()
        cls.direct = cls.build("direct", events=cls.events)
        cls.rollups = {"duckdb": cls.job("duckdb")}
        if SPARK:
            cls.rollups["spark"] = cls.job("spark")

    @classmethod
    def prepare(cls):
        """Adds to the generated events before anything reads them."""

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    @classmethod
    def site(cls, name, events=None, rollups=None):
        site = os.path.join(cls.work, name)
        os.makedirs(site)
        shutil.copytree(cls.catalog, os.path.join(site, "catalog"))
        if events:
            shutil.copytree(events, os.path.join(site, "events"))
        if rollups:
            shutil.copytree(rollups, os.path.join(site, "rollups"))
        with open(os.path.join(site, "waymark.yaml"), "w", encoding="utf-8") as config:
            config.write(CONFIG)
        return site

    @classmethod
    def build(cls, name, events=None, rollups=None):
        site = cls.site(name, events=events, rollups=rollups)
        built = run([WAYMARK, "build"], cwd=site)
        assert built.returncode == 0, built.stdout + built.stderr
        with open(os.path.join(site, "output", "api", "dora.json"), encoding="utf-8") as dora:
            return json.load(dora)

    @classmethod
    def job(cls, engine, *options, events=None):
        out = os.path.join(cls.work, "rollups-" + engine + "".join(options) + ("-" + os.path.basename(events)
                                                                               if events else ""))
        started = time.monotonic()
        made = run([sys.executable, RUNNER, "--events", events or cls.events, "--out", out, "--window-days", "90",
                    "--as-of", AS_OF, "--engine", engine] + list(options))
        assert made.returncode == 0, made.stderr
        print("\n%s, %s%s: %s (%.0f s)" % (cls.PRESET, engine, " ".join(options), made.stderr.strip().splitlines()[-1],
                                           time.monotonic() - started), file=sys.stderr)
        return out

    def assert_matches(self, direct, rolled):
        """Asserts the agreement and returns what was compared."""
        self.assertEqual(set(direct["entities"]), set(rolled["entities"]))
        agreement = Agreement()
        for (ref, expected), (_, actual) in zip(tables(direct), tables(rolled)):
            for path in EXACT:
                self.assertEqual(field(actual, path), field(expected, path), "%s %s" % (ref, ".".join(path)))
                agreement.equal += 1
            for path in APPROXIMATE:
                want, got = field(expected, path), field(actual, path)
                self.assertEqual(got is None, want is None, "%s %s" % (ref, ".".join(path)))
                if want is not None:
                    # 1 % relative, plus the 0.0001 that rounding to four places may add.
                    self.assertLessEqual(abs(got - want), 0.01 * want + 0.0001, "%s %s" % (ref, ".".join(path)))
                    agreement.approximate += 1
                    if want > 0.01:
                        agreement.largest = max(agreement.largest, abs(got - want) / want)
            weeks = [(w["start"], w["deployments"], w["failed"], w["changeFailureRate"]) for w in actual["weekly"]]
            self.assertEqual(weeks, [(w["start"], w["deployments"], w["failed"], w["changeFailureRate"])
                                     for w in expected["weekly"]], ref)
            agreement.equal += len(weeks)
        return agreement

    def check_engine(self, engine):
        rolled = self.build("via-" + engine, rollups=self.rollups[engine])
        self.assertGreater(self.direct["org"]["deployments"], 500)
        agreement = self.assert_matches(self.direct, rolled)
        self.assertGreater(agreement.approximate, 100)
        print("\n%s, %s rollups against the direct ingest: %s" % (self.PRESET, engine, agreement), file=sys.stderr)

    def test_duckdb_rollups_match_direct_ingest(self):
        self.check_engine("duckdb")

    def test_spark_rollups_match_direct_ingest_and_equal_duckdb_rollups(self):
        if not SPARK:
            self.skipTest("Spark runs with ROLLUPS_SPARK=1 (make test)")
        names = sorted(os.listdir(self.rollups["duckdb"]))
        self.assertEqual(sorted(os.listdir(self.rollups["spark"])), names)
        self.assertTrue(names and all(name.endswith(".jsonl.gz") for name in names), names)
        for name in names:
            with open(os.path.join(self.rollups["duckdb"], name), "rb") as duck, \
                    open(os.path.join(self.rollups["spark"], name), "rb") as spark:
                self.assertEqual(spark.read(), duck.read(), name)
        self.check_engine("spark")


def edge_cases(repository):
    """GitHub deliveries for `repository` that Waymark leaves out, reads in an unusual way, or warns about."""
    def delivery(event, payload):
        payload["repository"] = {"full_name": repository, "default_branch": "main"}
        return json.dumps({"event": event, "payload": payload})

    def commit(sha, timestamp):
        return {"id": sha, "timestamp": timestamp} if timestamp else {"id": sha}

    status = {"action": "created", "deployment_status": {"id": 880001, "state": "SUCCESS", "environment": "prod-eu",
                                                         "created_at": "2025-06-10T09:00:00Z"},
              "deployment": {"id": 770001, "sha": "e1" * 20, "production_environment": True}}
    issue = {"number": 99001, "labels": [{"name": "Incident"}], "created_at": "2025-06-10T09:30:00Z"}
    lines = [
        # A commit without a timestamp: the whole push is invalid.
        delivery("push", {"ref": "refs/heads/main", "commits": [commit("e0" * 20, "2025-06-10T07:00:00+02:00"),
                                                                 commit("e9" * 20, None)]}),
        delivery("push", {"ref": "refs/heads/main", "commits": [commit("e1" * 20, "2025-06-10T08:00:00+02:00")]}),
        # Production by the deployment's flag, though prod-eu is not a production environment.
        delivery("deployment_status", dict(status)),
        # The same status again, as an API delivery record.
        json.dumps({"id": 1, "guid": "d-1", "event": "deployment_status", "action": "created",
                    "request": {"headers": {"X-GitHub-Event": "deployment_status"},
                                "payload": dict(status, repository={"full_name": repository})}}),
        # Closed without closed_at: invalid.
        delivery("issues", {"action": "closed", "issue": {"number": 99002, "labels": ["INCIDENT"],
                                                          "created_at": "2025-06-10T09:10:00Z"}}),
        delivery("issues", {"action": "opened", "issue": dict(issue)}),
        delivery("issues", {"action": "closed", "issue": dict(issue, closed_at="2025-06-10T11:00:00Z")}),
        # A line cut off: malformed, though its first members read.
        delivery("push", {"ref": "refs/heads/main", "commits": [commit("e2" * 20, "2025-06-10T10:00:00Z")]})[:120],
        delivery("workflow_run", {"action": "completed", "workflow_run": {
            "id": 660001, "name": "CI", "status": "completed", "conclusion": "cancelled",
            "updated_at": "2025-06-10T10:00:00Z"}}),
        delivery("workflow_run", {"action": "completed", "workflow_run": {
            "id": 660002, "name": "CI", "status": "completed", "conclusion": None,
            "updated_at": "2025-06-10T10:05:00Z"}}),
        # Merged, but no merge commit: not a change.
        delivery("pull_request", {"action": "closed", "pull_request": {"number": 5, "merged_at": "2025-06-10T08:00:00Z"}}),
    ]
    return "\n".join(lines) + "\n"


class SmallCorpusWithGitHubDeliveries(RollupsCase, unittest.TestCase):
    PRESET = "small"
    GITHUB = True

    @classmethod
    def prepare(cls):
        with open(os.path.join(cls.events, "github-deliveries.jsonl"), encoding="utf-8") as deliveries:
            first = json.loads(next(line for line in deliveries if '"full_name"' in line))
        payload = first.get("payload") or first["request"]["payload"]
        cls.edge_repository = payload["repository"]["full_name"]
        with open(os.path.join(cls.events, "edge-cases.jsonl"), "w", encoding="utf-8") as edge:
            edge.write(edge_cases(cls.edge_repository))

    def test_edge_cases_count_as_in_waymark(self):
        edge = os.path.join(self.work, "edge-events")
        os.makedirs(edge)
        shutil.copy(os.path.join(self.events, "edge-cases.jsonl"), edge)
        site = self.site("edge-direct", events=edge)
        built = run([WAYMARK, "build"], cwd=site)
        self.assertEqual(built.returncode, 0, built.stdout + built.stderr)
        warnings = sorted(line for line in (built.stdout + built.stderr).splitlines()
                          if line.startswith("events/edge-cases.jsonl"))
        self.assertEqual(warnings, [
            "events/edge-cases.jsonl:1:1: warning: missing the time of the push event [events.invalid]",
            "events/edge-cases.jsonl:5:1: warning: missing the time of the issues event [events.invalid]",
            "events/edge-cases.jsonl:8:120: warning: unterminated string [events.malformed]"])
        with open(os.path.join(site, "output", "api", "dora.json"), encoding="utf-8") as dora:
            direct = json.load(dora)
        component = "component:default/" + self.edge_repository.split("/")[1]
        figures = direct["entities"][component]
        self.assertEqual((figures["deployments"], figures["changeFailureRate"]["failed"],
                          figures["leadTimeHours"]["changes"], figures["leadTimeHours"]["median"],
                          figures["recoveryHours"]["median"], figures["ci"]["runs"], figures["ci"]["successRate"]),
                         (1, 1, 1, 3.0, 1.5, 1, 1.0))
        # Spark reads these lines too, in the corpus's events (test_spark_…): here DuckDB alone.
        rolled = self.build("edge-duckdb", rollups=self.job("duckdb", events=edge))
        self.assert_matches(direct, rolled)

    def test_github_deliveries_are_in_the_figures(self):
        self.assertIsNotNone(self.direct["org"]["ci"]["medianMinutes"])  # only GitHub runs have durations
        github = [ref for ref, metrics in self.direct["entities"].items()
                  if metrics["ci"]["medianMinutes"] is not None and metrics["deployments"] > 0]
        self.assertGreater(len(github), 20)

    def test_v1_rollups_give_the_same_figures(self):
        v1 = self.job("duckdb", "--format", "v1", "--no-gzip")
        self.assertTrue(all(name.endswith(".jsonl") for name in os.listdir(v1)))
        self.assertEqual(self.build("via-v1", rollups=v1), self.build("via-v2", rollups=self.rollups["duckdb"]))

    def test_rollups_and_raw_events_for_the_same_days_are_an_error(self):
        site = self.site("overlap", events=self.events, rollups=self.rollups["duckdb"])
        built = run([WAYMARK, "build"], cwd=site)
        self.assertEqual(built.returncode, 1)
        overlaps = [line for line in built.stderr.splitlines() + built.stdout.splitlines()
                    if line.endswith("[events.rollup-overlap]")]
        self.assertGreater(len(overlaps), 100)
        self.assertRegex(overlaps[0], r"^rollups/2025-04\.jsonl\.gz:\d+:1: error: the rollup of '[^']+' for "
                                      r"2025-04-\d\d overlaps \d+ raw events? of component:default/[a-z0-9-]+ that "
                                      r"day; they would be counted twice \[events.rollup-overlap\]$")


class MediumCorpus(RollupsCase, unittest.TestCase):
    PRESET = "medium"


if __name__ == "__main__":
    unittest.main()
