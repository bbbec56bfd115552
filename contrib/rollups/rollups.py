#!/usr/bin/env python3
"""Computes Waymark delivery rollups (waymark.delivery-rollup/v1) from CDEvents exports.

    rollups.py --events PATH --out DIR [--window-days 90] [--as-of 2025-06-30T00:00:00Z]
               [--production prod,production] [--engine duckdb|spark]
    spark-submit rollups.py --engine spark --events s3a://bucket/events/ --out DIR

PATH is a JSON Lines file or a folder of them (every *.jsonl, *.ndjson and *.json below it).
The SQL is rollups.sql, flows.sql and rollups-metrics.sql (Spark SQL; DuckDB through
dialect-duckdb.sql and the two definitions below). DIR gets one file per month,
YYYY-MM.jsonl, with one line per subject and UTC day; the last --window-days days before
--as-of (default: the end of the newest event's day) are written, computed over all history.
See README.md and docs/manual/delivery-rollups.md.
"""

import argparse
import datetime
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FORMAT = "waymark.delivery-rollup/v1"
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
                      .config("spark.ui.enabled", "false").getOrCreate())
        self.spark.read.text(files).withColumnRenamed("value", "line").createOrReplaceTempView("raw_lines")

    def run(self, sql):
        self.spark.sql(sql)

    def rows(self, sql):
        return [tuple(row) for row in self.spark.sql(sql).collect()]

    def materialise(self, name, sql):
        self.spark.sql(sql).localCheckpoint().createOrReplaceTempView(name)


def label_flows(engine):
    """flows(node, flow): connected components, by label propagation to a fixed point."""
    parts = statements("flows.sql")
    for sql in parts[:-2]:
        engine.run(sql)
    start, step = parts[-2], parts[-1]
    engine.materialise("flows", start)
    for _ in range(MAX_FLOW_ROUNDS):
        before = engine.rows("SELECT count(*), sum(CASE WHEN node = flow THEN 1 ELSE 0 END) FROM flows")[0]
        engine.materialise("flows", step)
        after = engine.rows("SELECT count(*), sum(CASE WHEN node = flow THEN 1 ELSE 0 END) FROM flows")[0]
        if after == before:
            return
    raise SystemExit("rollups: flows did not settle in %d rounds" % MAX_FLOW_ROUNDS)


def histogram(entries):
    """{count, sumMilliseconds, zeros, buckets} from (bucket, n, sum_ms) entries."""
    out = {"count": 0, "sumMilliseconds": 0, "zeros": 0, "buckets": {}}
    for bucket, n, sum_ms in entries:
        out["count"] += int(n)
        out["sumMilliseconds"] += int(sum_ms)
        if bucket is None:
            out["zeros"] += int(n)
        else:
            out["buckets"][str(int(bucket))] = int(n)
    out["buckets"] = dict(sorted(out["buckets"].items(), key=lambda item: int(item[0])))
    return out


def iso_day(day):
    return datetime.date.fromordinal(datetime.date(1970, 1, 1).toordinal() + day).isoformat()


def rollup_lines(counts, buckets, first_day, last_day):
    """The rollup rows, sorted by day then subject key, as (day, JSON line)."""
    by_key = {}
    for skey, day, metric, bucket, n, sum_ms in buckets:
        by_key.setdefault((skey, int(day)), {}).setdefault(metric, []).append((bucket, n, sum_ms))
    lines = []
    for skey, day, subject, repository, purl, events, deploys, failed, rework, open_failures, runs, ok in counts:
        day = int(day)
        if not (first_day <= day <= last_day) or not (subject or repository or purl):
            continue
        metrics = by_key.get((skey, day), {})
        row = {"format": FORMAT, "day": iso_day(day)}
        figures = [("subject", subject or None), ("repository", repository or None), ("purl", purl or None),
                   ("events", int(events)), ("deployments", int(deploys)), ("deploymentDays", 1 if deploys else 0),
                   ("failedDeployments", int(failed)), ("reworkDeployments", int(rework)),
                   ("openFailures", int(open_failures))]
        row.update((name, value) for name, value in figures if value)
        # Empty figures are left out: a missing count, histogram or pipelines object reads as 0.
        for metric in ("leadTimeHours", "recoveryHours"):
            if metric in metrics:
                row[metric] = histogram(metrics[metric])
        if runs:
            row["pipelines"] = {"runs": int(runs), "successes": int(ok)}
        lines.append((day, skey, json.dumps(row, sort_keys=True, separators=(",", ":"))))
    lines.sort()
    return lines


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", required=True, help="a JSON Lines export, or a folder of them")
    parser.add_argument("--out", required=True, help="the folder to write YYYY-MM.jsonl files into")
    parser.add_argument("--window-days", type=int, default=90, help="days written, ending at --as-of")
    parser.add_argument("--as-of", help="the window's end (RFC 3339); default: the end of the newest event's day")
    parser.add_argument("--production", default="prod,production", help="production environments, comma-separated")
    parser.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    return parser.parse_args(argv)


def main(argv=None):
    arguments = parse_arguments(argv)
    files = export_files(arguments.events)
    if not files:
        raise SystemExit("rollups: no .jsonl, .ndjson or .json file at " + arguments.events)
    engine = DuckDBEngine(files) if arguments.engine == "duckdb" else SparkEngine(files)
    production = "," + ",".join(p.strip().lower() for p in arguments.production.split(",") if p.strip()) + ","
    for sql in statements("rollups.sql") + statements("dialect-%s.sql" % arguments.engine):
        engine.run(sql)
    label_flows(engine)
    if arguments.as_of:
        end = datetime.datetime.fromisoformat(arguments.as_of.replace("Z", "+00:00"))
        end_ms = int(end.timestamp() * 1000)
    else:
        newest = engine.rows("SELECT max(time_ms) FROM keyed")[0][0] or 0
        end_ms = (newest // DAY_MS + 1) * DAY_MS
    engine.materialise("params", "SELECT CAST(%d AS BIGINT) AS window_end_ms, %d AS window_days, '%s' AS production"
                       % (end_ms, arguments.window_days, production.replace("'", "''")))
    for sql in statements("rollups-metrics.sql"):
        engine.run(sql)
    counts = engine.rows("SELECT skey, day, subject, repository, purl, events, deployments, failed, rework, "
                         "open_failures, runs, successes FROM rollup_counts")
    buckets = engine.rows("SELECT skey, day, metric, bucket, n, sum_ms FROM rollup_buckets")
    last_day = (end_ms - 1) // DAY_MS
    lines = rollup_lines(counts, buckets, last_day - arguments.window_days + 1, last_day)
    os.makedirs(arguments.out, exist_ok=True)
    months = {}
    for day, _, line in lines:
        month = iso_day(day)[:7]
        months.setdefault(month, []).append(line)
    for month, month_lines in sorted(months.items()):
        with open(os.path.join(arguments.out, month + ".jsonl"), "w", encoding="utf-8", newline="\n") as out:
            out.write("\n".join(month_lines) + "\n")
    print("rollups: %d rows in %d files from %d export files (%s)" % (len(lines), len(months), len(files),
                                                                     arguments.engine), file=sys.stderr)


if __name__ == "__main__":
    main()
