#!/usr/bin/env python3
"""Computes Waymark delivery rollups from CDEvents and GitHub webhook delivery exports.

    rollups.py --events PATH --out DIR [--window-days 90] [--as-of 2025-06-30T00:00:00Z]
               [--production prod,production] [--engine duckdb|spark] [--format v2|v1] [--no-gzip]
    spark-submit rollups.py --engine spark --events s3a://bucket/events/ --out DIR

PATH is a JSON Lines file or a folder of them (every *.jsonl, *.ndjson and *.json below it).
The SQL is rollups.sql, dialect-<engine>.sql, github.sql, flows.sql and rollups-metrics.sql
(Spark SQL; DuckDB through dialect-duckdb.sql and the two definitions below). DIR gets one file
per month, YYYY-MM.jsonl.gz (waymark.delivery-rollup/v2: one line per subject and month, gzipped)
or with --format v1 / --no-gzip YYYY-MM.jsonl; the last --window-days days before --as-of
(default: the end of the newest event's day) are written, computed over all history. See
README.md and docs/manual/delivery-rollups.md.
"""

import argparse
import datetime
import glob
import gzip
import io
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FORMAT_V1 = "waymark.delivery-rollup/v1"
FORMAT_V2 = "waymark.delivery-rollup/v2"
DAY_MS = 86_400_000
MAX_FLOW_ROUNDS = 64


def statements(name):
    """The statements of one SQL file: split at lines ending with ';', comments dropped."""
    text = open(os.path.join(HERE, name), encoding="utf-8").read()
    parts, current = [], []
    for line in text.splitlines():
        if line.lstrip().startswith("--") and not current:
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            parts.append("\n".join(current).rstrip().rstrip(";"))
            current = []
    return parts


def export_files(path):
    if os.path.isfile(path):
        return [path]
    found = []
    for ext in ("jsonl", "ndjson", "json"):
        found += glob.glob(os.path.join(path, "**", "*." + ext), recursive=True)
    return sorted(found)


class DuckDBEngine:
    """DuckDB in process: the Spark functions the SQL uses, as macros."""

    def __init__(self, files):
        import duckdb
        self.db = duckdb.connect()
        self.db.execute("SET TimeZone = 'UTC'")
        self.db.execute("CREATE MACRO get_json_object(j, p) AS json_extract_string(j, p)")
        self.db.execute("CREATE MACRO unix_millis(t) AS epoch_ms(t)")
        self.db.execute("CREATE MACRO json_object_keys(j) AS json_keys(j)")
        listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
        self.db.execute(
            "CREATE OR REPLACE TEMPORARY VIEW raw_lines AS SELECT line FROM read_csv([" + listing + "], "
            "columns = {'line': 'VARCHAR'}, header = false, delim = '\\x1e', quote = '', escape = '', "
            "auto_detect = false, max_line_size = 16777216) WHERE json_valid(line)")

    def run(self, sql):
        self.db.execute(sql.replace(" AS TIMESTAMP)", " AS TIMESTAMPTZ)"))

    def rows(self, sql):
        return self.db.execute(sql).fetchall()

    def materialise(self, name, sql):
        self.db.execute("CREATE OR REPLACE TABLE " + name + "_next AS " + sql)
        self.db.execute("DROP TABLE IF EXISTS " + name)
        self.db.execute("ALTER TABLE " + name + "_next RENAME TO " + name)


class SparkEngine:
    """Spark (a cluster through spark-submit, or local mode)."""

    def __init__(self, files):
        from pyspark.sql import SparkSession
        self.spark = (SparkSession.builder.appName("waymark-rollups")
                      .config("spark.sql.session.timeZone", "UTC")
                      .config("spark.sql.shuffle.partitions", os.environ.get("ROLLUPS_SHUFFLE_PARTITIONS", "8"))
                      .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                      .getOrCreate())
        self.spark.sparkContext.setLogLevel("ERROR")
        self.spark.read.text(files).withColumnRenamed("value", "line").createOrReplaceTempView("raw_lines")

    def run(self, sql):
        self.spark.sql(sql)

    def rows(self, sql):
        return [tuple(row) for row in self.spark.sql(sql).collect()]

    def materialise(self, name, sql):
        self.spark.sql(sql).localCheckpoint().createOrReplaceTempView(name)


def run(engine, sql):
    """Runs one statement; a view named X_view is then materialised as the table X, because what
    follows reads it more than once (a view would be computed again each time, JSON parsing and all)."""
    engine.run(sql)
    created = re.search(r"^CREATE OR REPLACE TEMPORARY VIEW (\w+)_view AS", sql, re.M)
    if created:
        engine.materialise(created.group(1), "SELECT * FROM %s_view" % created.group(1))


def run_file(engine, name):
    for sql in statements(name):
        run(engine, sql)


def label_flows(engine):
    """flows(node, flow): connected components, by label propagation to a fixed point."""
    parts = statements("flows.sql")
    for sql in parts[:-2]:
        run(engine, sql)
    start, step = parts[-2], parts[-1]
    engine.materialise("flows", start)
    for _ in range(MAX_FLOW_ROUNDS):
        before = engine.rows("SELECT count(*), sum(CASE WHEN node = flow THEN 1 ELSE 0 END) FROM flows")[0]
        engine.materialise("flows", step)
        after = engine.rows("SELECT count(*), sum(CASE WHEN node = flow THEN 1 ELSE 0 END) FROM flows")[0]
        if after == before:
            return
    raise SystemExit("rollups: flows did not settle in %d rounds" % MAX_FLOW_ROUNDS)


def iso_day(day):
    return datetime.date.fromordinal(datetime.date(1970, 1, 1).toordinal() + day).isoformat()


class Cell:
    """One subject's figures for one UTC day."""

    COUNTS = ("events", "deployments", "failedDeployments", "reworkDeployments", "openFailures")
    HISTOGRAMS = ("leadTimeHours", "recoveryHours", "pipelineMinutes")

    def __init__(self, skey, day, subject, repository, purl, counts, runs, successes, histograms):
        self.skey, self.day = skey, day
        self.subject, self.repository, self.purl = subject or None, repository or None, purl or None
        self.counts = dict(zip(self.COUNTS, counts))
        self.runs, self.successes = runs, successes
        # metric -> {"zeros", "sum", "buckets": {index: n}}
        self.histograms = histograms

    def histogram_v1(self, metric):
        entry = self.histograms[metric]
        return {"count": entry["zeros"] + sum(entry["buckets"].values()), "sumMilliseconds": entry["sum"],
                "zeros": entry["zeros"], "buckets": {str(i): n for i, n in sorted(entry["buckets"].items())}}

    def v1(self):
        """The v1 line: one object per subject and day."""
        row = {"format": FORMAT_V1, "day": iso_day(self.day)}
        figures = [("subject", self.subject), ("repository", self.repository), ("purl", self.purl)]
        figures += [(name, self.counts[name]) for name in self.COUNTS[:2]]
        figures += [("deploymentDays", 1 if self.counts["deployments"] else 0)]
        figures += [(name, self.counts[name]) for name in self.COUNTS[2:]]
        # Empty figures are left out: a missing count, histogram or pipelines object reads as 0.
        row.update((name, value) for name, value in figures if value)
        for metric in ("leadTimeHours", "recoveryHours"):
            if metric in self.histograms:
                row[metric] = self.histogram_v1(metric)
        if self.runs:
            row["pipelines"] = {"runs": self.runs, "successes": self.successes}
            if "pipelineMinutes" in self.histograms:
                row["pipelines"]["minutes"] = self.histogram_v1("pipelineMinutes")
        return json.dumps(row, sort_keys=True, separators=(",", ":"))


def histogram_v2(cells, metric):
    """A v2 histogram: per day, the buckets as flat [index, count, …] pairs, the exact sum, the zeros."""
    entries = [cell.histograms.get(metric) for cell in cells]
    if not any(entries):
        return None
    empty = {"zeros": 0, "sum": 0, "buckets": {}}
    entries = [entry or empty for entry in entries]
    out = {"buckets": [[v for i, n in sorted(e["buckets"].items()) for v in (i, n)] for e in entries],
           "sumMilliseconds": [e["sum"] for e in entries]}
    if any(e["zeros"] for e in entries):
        out["zeros"] = [e["zeros"] for e in entries]
    return out


def line_v2(cells):
    """The v2 line of one subject and month: a column per figure, one entry per day in `days`."""
    first = cells[0]
    row = {"format": FORMAT_V2, "month": iso_day(first.day)[:7]}
    for name in ("subject", "repository", "purl"):
        if getattr(first, name):
            row[name] = getattr(first, name)
    row["days"] = [int(iso_day(cell.day)[8:]) for cell in cells]
    for name in Cell.COUNTS:
        column = [cell.counts[name] for cell in cells]
        if any(column):
            row[name] = column
    for metric in ("leadTimeHours", "recoveryHours"):
        histogram = histogram_v2(cells, metric)
        if histogram:
            row[metric] = histogram
    if any(cell.runs for cell in cells):
        row["pipelines"] = {"runs": [cell.runs for cell in cells], "successes": [cell.successes for cell in cells]}
        minutes = histogram_v2(cells, "pipelineMinutes")
        if minutes:
            row["pipelines"]["minutes"] = minutes
    return json.dumps(row, separators=(",", ":"))


def rollup_cells(counts, buckets, first_day, last_day):
    """The cells of the window's days, sorted by subject key then day."""
    by_key = {}
    for skey, day, metric, bucket, n, sum_ms in buckets:
        entry = by_key.setdefault((skey, int(day)), {}).setdefault(metric, {"zeros": 0, "sum": 0, "buckets": {}})
        entry["sum"] += int(sum_ms)
        if bucket is None:
            entry["zeros"] += int(n)
        else:
            entry["buckets"][int(bucket)] = int(n)
    cells = []
    for skey, day, subject, repository, purl, events, deploys, failed, rework, open_failures, runs, ok in counts:
        day = int(day)
        if not (first_day <= day <= last_day) or not (subject or repository or purl):
            continue
        figures = [int(x) for x in (events, deploys, failed, rework, open_failures)]
        cells.append(Cell(skey, day, subject, repository, purl, figures, int(runs), int(ok),
                          by_key.get((skey, day), {})))
    cells.sort(key=lambda cell: (cell.skey, cell.day))
    return cells


def month_files(cells, version):
    """{"YYYY-MM": text}: v1, one line per subject and day sorted by day then subject key; v2, one
    line per subject and month sorted by subject key."""
    months = {}
    for cell in cells:
        months.setdefault(iso_day(cell.day)[:7], []).append(cell)
    files = {}
    for month, month_cells in sorted(months.items()):
        if version == "v1":
            lines = [line for _, _, line in sorted((c.day, c.skey, c.v1()) for c in month_cells)]
        else:
            groups = {}
            for cell in month_cells:
                groups.setdefault(cell.skey, []).append(cell)
            lines = [line_v2(group) for _, group in sorted(groups.items())]
        files[month] = "\n".join(lines) + "\n"
    return files


def gzipped(text):
    """Deterministic gzip (no file name, mtime 0): the same rollups give the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", required=True, help="a JSON Lines export, or a folder of them")
    parser.add_argument("--out", required=True, help="the folder to write YYYY-MM.jsonl files into")
    parser.add_argument("--window-days", type=int, default=90, help="days written, ending at --as-of")
    parser.add_argument("--as-of", help="the window's end (RFC 3339); default: the end of the newest event's day")
    parser.add_argument("--production", default="prod,production", help="production environments, comma-separated")
    parser.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    parser.add_argument("--format", choices=["v2", "v1"], default="v2",
                        help="v2: one line per subject and month (default); v1: one line per subject and day")
    parser.add_argument("--no-gzip", action="store_true", help="write YYYY-MM.jsonl instead of YYYY-MM.jsonl.gz")
    return parser.parse_args(argv)


def main(argv=None):
    arguments = parse_arguments(argv)
    files_read = export_files(arguments.events)
    if not files_read:
        raise SystemExit("rollups: no .jsonl, .ndjson or .json file at " + arguments.events)
    engine = DuckDBEngine(files_read) if arguments.engine == "duckdb" else SparkEngine(files_read)
    production = "," + ",".join(p.strip().lower() for p in arguments.production.split(",") if p.strip()) + ","
    for name in ("rollups.sql", "dialect-%s.sql" % arguments.engine, "github.sql"):
        run_file(engine, name)
    label_flows(engine)
    if arguments.as_of:
        end = datetime.datetime.fromisoformat(arguments.as_of.replace("Z", "+00:00"))
        end_ms = int(end.timestamp() * 1000)
    else:
        newest = engine.rows("SELECT max(time_ms) FROM keyed")[0][0] or 0
        end_ms = (newest // DAY_MS + 1) * DAY_MS
    engine.materialise("params", "SELECT CAST(%d AS BIGINT) AS window_end_ms, %d AS window_days, '%s' AS production"
                       % (end_ms, arguments.window_days, production.replace("'", "''")))
    run_file(engine, "rollups-metrics.sql")
    counts = engine.rows("SELECT skey, day, subject, repository, purl, events, deployments, failed, rework, "
                         "open_failures, runs, successes FROM rollup_counts")
    buckets = engine.rows("SELECT skey, day, metric, bucket, n, sum_ms FROM rollup_buckets")
    last_day = (end_ms - 1) // DAY_MS
    cells = rollup_cells(counts, buckets, last_day - arguments.window_days + 1, last_day)
    files = month_files(cells, arguments.format)
    os.makedirs(arguments.out, exist_ok=True)
    suffix = ".jsonl" if arguments.no_gzip else ".jsonl.gz"
    for month, text in files.items():
        with open(os.path.join(arguments.out, month + suffix), "wb") as out:
            out.write(text.encode("utf-8") if arguments.no_gzip else gzipped(text))
    lines = sum(text.count("\n") for text in files.values())
    print("rollups: %d subject-days in %d lines (%s) in %d files from %d export files (%s)"
          % (len(cells), lines, arguments.format, len(files), len(files_read), arguments.engine), file=sys.stderr)


if __name__ == "__main__":
    main()
