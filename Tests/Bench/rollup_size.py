"""Delivery rollups against the raw events they stand for: `make bench` runs contrib/rollups
(DuckDB) over the corpus's whole event span and reports rollup bytes (v2, gzipped: what the job
writes) vs raw event bytes, and the goal: at most 1 %."""

import glob
import gzip
import json
import os
import shutil
import subprocess
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(REPOSITORY, "contrib", "rollups", "rollups.py")
GOAL = 0.01


def count_lines(paths):
    """Lines in the files, gzipped or not."""
    lines = 0
    for path in paths:
        with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as handle:
            lines += sum(1 for _ in handle)
    return lines


def rollup_figures(out):
    """{files, rollup_bytes, text_bytes, lines, subject_days} of the job's output folder."""
    files = sorted(glob.glob(os.path.join(out, "*.jsonl.gz")) + glob.glob(os.path.join(out, "*.jsonl")))
    text_bytes = lines = subject_days = 0
    for path in files:
        with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as handle:
            for line in handle:
                text_bytes += len(line)
                lines += 1
                row = json.loads(line)
                subject_days += len(row["days"]) if "days" in row else 1
    return {"files": len(files), "rollup_bytes": sum(os.path.getsize(path) for path in files),
            "text_bytes": text_bytes, "lines": lines, "subject_days": subject_days}


def measure(python, corpus, out):
    """{status, raw_bytes, events, rollup_bytes, text_bytes, lines, subject_days, files, ratio, wall_s}, or the
    reason it was not measured."""
    manifest_path = os.path.join(corpus, "manifest.json")
    with open(manifest_path, encoding="utf-8") as handle:
        params = json.load(handle)["params"]
    raw = sorted(glob.glob(os.path.join(corpus, "events", "*.jsonl")))
    if not raw:
        return {"status": "no events in the corpus"}
    shutil.rmtree(out, ignore_errors=True)
    started = time.monotonic()
    run = subprocess.run([python, RUNNER, "--events", os.path.join(corpus, "events"), "--out", out,
                          "--as-of", params["end"], "--window-days", str(params["days"] + 60)],
                         capture_output=True, text=True)
    wall = time.monotonic() - started
    if run.returncode != 0:
        tail = (run.stderr.strip().splitlines() or ["?"])[-1]
        return {"status": "not measured: rollups.py exited %d: %s" % (run.returncode, tail)}
    result = rollup_figures(out)
    raw_bytes = sum(os.path.getsize(path) for path in raw)
    result.update({"status": "measured", "raw_bytes": raw_bytes, "events": count_lines(raw),
                   "ratio": result["rollup_bytes"] / raw_bytes, "goal": GOAL, "wall_s": round(wall, 2)})
    return result


def report_markdown(result):
    """One paragraph for the bench report."""
    if result.get("status") != "measured":
        return "**Delivery rollups**: %s." % result.get("status", "not measured")
    return ("**Delivery rollups** (`contrib/rollups/rollups.py`, DuckDB, every day of the corpus, "
            "`waymark.delivery-rollup/v2` gzipped): %s subject-days in %s lines and %d month files, %s bytes "
            "(%s uncompressed) for %s raw events of %s bytes: **%.2f %%** of the raw bytes (goal ≤ %.0f %%: %s, "
            "%.1f bytes a subject-day); the job took %.1f s wall." % (
                format(result["subject_days"], ","), format(result["lines"], ","), result["files"],
                format(result["rollup_bytes"], ","), format(result["text_bytes"], ","), format(result["events"], ","),
                format(result["raw_bytes"], ","), 100 * result["ratio"], 100 * GOAL,
                "met" if result["ratio"] <= GOAL else "not met",
                result["rollup_bytes"] / max(1, result["subject_days"]), result["wall_s"]))
