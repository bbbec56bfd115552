#!/usr/bin/env python3
"""`make bench-guardrails`: Waymark's policy-results ingest against Python's `json` on the same
SARIF files, in the same run.

usage:
  policy_ingest.py --corpus DIR [--waymark .build/release/waymark] [--reps 3] [--python python3]

What is compared (both sides open and read the files inside their clock):

* Waymark: the `policy:` stage line of `waymark build --root DIR`: finding the inputs by glob,
  reading, parsing every file (in parallel) and attaching each finding to its entity (grouped,
  de-duplicated and sorted): the per-entity results scorecards read. Not the rendering of
  `api/policy-results.json`. The line gives the stage's wall time and the process's CPU time
  (every thread) over it: `policy: … (W ms, C ms CPU)`.
* Python: `json.load(open(f))` for every `*.sarif` file, each tree dropped once parsed
  (`parse_peers.py json-files`): wall (`perf_counter`) and CPU (`process_time`).

Runs alternate (Waymark, Python, Waymark, …), `--reps` times each, and the medians give the two
ratios Waymark / Python. The target of 0.5× is judged on wall time, the time a build waits for
the stage (Waymark parses files on every core, `json` on one); the CPU ratio is printed beside it
so the work done is in view too. The arithmetic is in functions that `test_policy_ingest.py`
checks without timing anything.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PARSE_PEERS = os.path.join(HERE, "parse_peers.py")
TARGET = 0.5
POLICY_LINE = re.compile(
    r"policy: (?P<results>\d+) results from (?P<files>\d+) policy files, (?P<unmapped>\d+) unmapped "
    r"\((?P<wall>\d+) ms, (?P<cpu>\d+) ms CPU\)")


def parse_policy_line(stderr):
    """The figures of the build's `policy:` progress line, or None when there is none."""
    match = POLICY_LINE.search(stderr)
    if match is None:
        return None
    return {"results": int(match["results"]), "files": int(match["files"]), "unmapped": int(match["unmapped"]),
            "wall_s": int(match["wall"]) / 1000, "cpu_s": int(match["cpu"]) / 1000}


def parse_peer_report(stdout):
    """Python's figures from `parse_peers.py json-files` (its last line of output)."""
    report = json.loads(stdout.strip().splitlines()[-1])
    return {"files": report["files"], "bytes": report["bytes"], "wall_s": report["seconds"],
            "cpu_s": report["cpuSeconds"]}


def mapped_share(results, unmapped):
    """The share of results mapped to an entity, as text: `99.6 % mapped` (`n/a` without results).

    Two decimals, rounded down, so that 21 unmapped of 113,094 reads 99.98 %, never 100 %."""
    if not results:
        return "n/a mapped"
    hundredths = (results - unmapped) * 10000 // results
    return f"{hundredths // 100}.{hundredths % 100:02d} % mapped"


def summarize(waymark_runs, python_runs):
    """Medians of each side's wall and CPU seconds and the ratios Waymark / Python."""
    def median(runs, key):
        return statistics.median(run[key] for run in runs)

    summary = {"waymark_wall_s": median(waymark_runs, "wall_s"), "waymark_cpu_s": median(waymark_runs, "cpu_s"),
               "python_wall_s": median(python_runs, "wall_s"), "python_cpu_s": median(python_runs, "cpu_s")}
    summary["wall_ratio"] = summary["waymark_wall_s"] / summary["python_wall_s"]
    summary["cpu_ratio"] = summary["waymark_cpu_s"] / summary["python_cpu_s"]
    summary["met"] = summary["wall_ratio"] <= TARGET
    return summary


def report_lines(waymark_runs, python_runs):
    """The table printed at the end: one row per rep, the medians, the ratios and the verdict."""
    summary = summarize(waymark_runs, python_runs)
    first, peer = waymark_runs[0], python_runs[0]
    lines = [f"policy-results ingest: {peer['files']} SARIF files, {peer['bytes'] / 1e6:.1f} MB, "
             f"{first['results']:,} results from {first['files']} files ({first['unmapped']:,} unmapped, "
             f"{mapped_share(first['results'], first['unmapped'])})",
             "rep     Waymark wall   CPU      Python wall   CPU"]
    for index, (waymark, python) in enumerate(zip(waymark_runs, python_runs), start=1):
        lines.append(f"{index:<7} {waymark['wall_s']:8.3f} s {waymark['cpu_s']:7.3f} s "
                     f"{python['wall_s']:9.3f} s {python['cpu_s']:7.3f} s")
    lines.append(f"median  {summary['waymark_wall_s']:8.3f} s {summary['waymark_cpu_s']:7.3f} s "
                 f"{summary['python_wall_s']:9.3f} s {summary['python_cpu_s']:7.3f} s")
    verdict = "met" if summary["met"] else "NOT met"
    lines.append(f"Waymark / Python: wall {summary['wall_ratio']:.2f}x, CPU {summary['cpu_ratio']:.2f}x "
                 f"(target <= {TARGET}x on wall time: {verdict})")
    return lines


def stage_note(context, waymark_runs, peer_runs):
    """The note of `make bench`'s policy row: both probes' in-process CPU medians and their ratio."""
    def median(runs, key):
        values = [(run.get("inner") or {}).get(key) for run in runs]
        return statistics.median(values) if values and all(isinstance(v, (int, float)) for v in values) else None

    waymark_cpu, peer_cpu = median(waymark_runs, "cpuSeconds"), median(peer_runs, "cpuSeconds")
    if waymark_cpu is None or not peer_cpu:
        return ""
    inner = waymark_runs[-1]["inner"]
    return (f"in-process CPU W {waymark_cpu:.3f} s / P {peer_cpu:.3f} s = {waymark_cpu / peer_cpu:.2f}× "
            f"(the {TARGET}× target is on wall time); W read + parse + map {inner.get('findings', 0):,} results to "
            f"{inner.get('entities', 0):,} entities ({inner.get('unmapped', 0):,} unmapped, "
            f"{mapped_share(inner.get('findings', 0), inner.get('unmapped', 0))}); P json.load per file")


def run_waymark(waymark, corpus, output):
    process = subprocess.run([waymark, "build", "--root", corpus, "--output", output], capture_output=True, text=True,
                             env=dict(os.environ, NO_COLOR="1"))
    figures = parse_policy_line(process.stderr)
    if figures is None:
        sys.exit(f"no 'policy:' line from waymark build (exit {process.returncode}):\n{process.stderr[-2000:]}")
    return figures


def run_python(python, corpus):
    process = subprocess.run([python, PARSE_PEERS, "json-files", os.path.join(corpus, "policy-results")],
                             capture_output=True, text=True, check=True)
    return parse_peer_report(process.stdout)


def main(argv):
    parser = argparse.ArgumentParser(description="policy-results ingest vs Python's json, same run")
    parser.add_argument("--corpus", required=True, help="a site root with catalog/ and policy-results/")
    parser.add_argument("--waymark", default=".build/release/waymark")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--output", default=".bench/guardrails-out")
    parser.add_argument("--reps", type=int, default=3)
    arguments = parser.parse_args(argv)
    waymark_runs, python_runs = [], []
    for rep in range(1, arguments.reps + 1):
        waymark_runs.append(run_waymark(arguments.waymark, arguments.corpus, arguments.output))
        python_runs.append(run_python(arguments.python, arguments.corpus))
        print(f"rep {rep}: Waymark {waymark_runs[-1]['wall_s']:.3f} s wall {waymark_runs[-1]['cpu_s']:.3f} s CPU; "
              f"Python {python_runs[-1]['wall_s']:.3f} s wall {python_runs[-1]['cpu_s']:.3f} s CPU", flush=True)
    print("\n".join([""] + report_lines(waymark_runs, python_runs)))


if __name__ == "__main__":
    main(sys.argv[1:])
