"""Delivery rollups against the raw events they stand for: `make bench` runs contrib/rollups
(DuckDB) over the corpus's whole event span and reports rollup bytes vs raw event bytes."""

import glob
import json
import os
import shutil
import subprocess
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(REPOSITORY, "contrib", "rollups", "rollups.py")


def measure(python, corpus, out):
    """{status, raw_bytes, events, rollup_bytes, rows, files, ratio, wall_s}, or the reason it was not measured."""
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
    files = sorted(glob.glob(os.path.join(out, "*.jsonl")))
    rollup_bytes = sum(os.path.getsize(path) for path in files)
    rows = 0
    for path in files:
        with open(path, "rb") as handle:
            rows += sum(1 for _ in handle)
    raw_bytes = sum(os.path.getsize(path) for path in raw)
    with open(raw[0], "rb") as handle:
        events = sum(1 for _ in handle)
    return {"status": "measured", "raw_bytes": raw_bytes, "events": events, "rollup_bytes": rollup_bytes,
            "rows": rows, "files": len(files), "ratio": rollup_bytes / raw_bytes, "wall_s": round(wall, 2)}


def report_markdown(result):
    """One paragraph for the bench report."""
    if result.get("status") != "measured":
        return "**Delivery rollups**: %s." % result.get("status", "not measured")
    return ("**Delivery rollups** (`contrib/rollups/rollups.py`, DuckDB, every day of the corpus): "
            "%s rows in %d month files, %s bytes for %s raw events of %s bytes: **%.2f %%** of the raw bytes "
            "(%.0f bytes a row); the job took %.1f s wall." % (
                format(result["rows"], ","), result["files"], format(result["rollup_bytes"], ","),
                format(result["events"], ","), format(result["raw_bytes"], ","), 100 * result["ratio"],
                result["rollup_bytes"] / max(1, result["rows"]), result["wall_s"]))
