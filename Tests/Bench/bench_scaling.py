"""The scaling table: each build stage's time per item at each preset, and where it grows.

`waymark-bench site` reports the whole build's stage lines (`{"stage", "seconds", "cpuSeconds",
"summary"}`, the ones `waymark build` prints); each stage's CPU time (every thread's: the work,
steadier than wall time on a shared machine; wall time when a line has none) is divided by what
it works on (an entity, an event, a page, a result, a file), read from the stage lines'
summaries. A stage whose cost per item at a larger preset is more than SUPERLINEAR_FACTOR × its
cost at the next smaller preset measured is marked SUPERLINEAR: a linear stage keeps its cost per
item as the corpus grows (issue 24: the quadratic facts showed as evaluate's cost per entity
growing with the entities). A stage that took less than MIN_SECONDS at the smaller preset is not
judged: its time is mostly fixed costs and noise.

Pure: nothing here runs a process or reads the clock; `test_bench_scaling.py` checks it.
"""

import re

PRESET_ORDER = ["small", "medium", "large"]
SUPERLINEAR_FACTOR = 1.5
MIN_SECONDS = 0.05
DASH = "—"

# stage → (item, the stage whose summary counts it, the summary's pattern for the count).
STAGE_ITEMS = {
    "load": ("document", "load", r"(\d+) documents"),
    "model": ("entity", "model", r"(\d+) entities"),
    "policy": ("result", "policy", r"(\d+) results"),
    "events": ("event", "events", r"(\d+) events"),
    "docs": ("page", "docs", r"(\d+) pages"),
    "metrics": ("event", "events", r"(\d+) events"),
    "evaluate": ("entity", "model", r"(\d+) entities"),
    "secrets": ("file", "secrets", r"(\d+) files"),
    "render": ("file", "render", r"(\d+) files"),
    "publish": ("file", "publish", r"(\d+) files"),
}


def stage_lines_of(results):
    """The stage lines of a run's `waymark-bench site` probe, or [] when it did not report them."""
    build = (results.get("page_weight") or {}).get("build") or {}
    return (build.get("inner") or {}).get("stages") or []


def item_count(stage, lines):
    """How many items `stage` worked on, from the stage lines; None when no line says."""
    if stage not in STAGE_ITEMS:
        return None
    _, source, pattern = STAGE_ITEMS[stage]
    for line in lines:
        if line["stage"] == source:
            match = re.search(pattern, line["summary"])
            return int(match.group(1)) if match else None
    return None


def per_item(lines):
    """{stage: (seconds per item, items, seconds)} of one run, for stages with a known item count."""
    costs = {}
    for line in lines:
        count = item_count(line["stage"], lines)
        seconds = line.get("cpuSeconds", line["seconds"])
        if count:
            costs[line["stage"]] = (seconds / count, count, seconds)
    return costs


def scaling_rows(results_by_preset):
    """One row per stage: its item, each preset's cost per item, and growth verdicts.

    `results_by_preset` maps a preset name to that preset's saved results; presets are compared
    in PRESET_ORDER, each with the next smaller one that has the stage. Returns dicts with
    `stage`, `item`, `presets` ({preset: (per item, items, seconds)}), `growth` ([(smaller,
    larger, ratio)]) and `superlinear` (a growth ratio above SUPERLINEAR_FACTOR).
    """
    presets = [preset for preset in PRESET_ORDER if preset in results_by_preset]
    costs = {preset: per_item(stage_lines_of(results_by_preset[preset])) for preset in presets}
    stages = []
    for preset in presets:
        for line in stage_lines_of(results_by_preset[preset]):
            if line["stage"] in costs[preset] and line["stage"] not in stages:
                stages.append(line["stage"])
    rows = []
    for stage in stages:
        measured = {preset: costs[preset][stage] for preset in presets if stage in costs[preset]}
        order = [preset for preset in presets if preset in measured]
        growth = [(smaller, larger, measured[larger][0] / measured[smaller][0])
                  for smaller, larger in zip(order, order[1:]) if measured[smaller][2] >= MIN_SECONDS]
        rows.append({"stage": stage, "item": STAGE_ITEMS[stage][0], "presets": measured, "growth": growth,
                     "superlinear": any(ratio > SUPERLINEAR_FACTOR for _, _, ratio in growth)})
    return rows


def format_per_item(seconds):
    """Seconds per item in a readable unit: `12.3 µs`, `4.56 ms`, `1.20 s`."""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def scaling_markdown(results_by_preset):
    """The scaling table as markdown, or "" with fewer than two presets measured."""
    rows = scaling_rows(results_by_preset)
    presets = [preset for preset in PRESET_ORDER if preset in results_by_preset]
    if len(presets) < 2 or not rows:
        return ""
    header = ["stage", "per"] + [f"{preset}: CPU per item (items, stage CPU s)" for preset in presets] + [
        "growth per item"]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(["---", "---"] + ["---:"] * len(presets) + ["---"])
             + " |"]
    for row in rows:
        cells = [row["stage"], row["item"]]
        for preset in presets:
            if preset in row["presets"]:
                cost, count, seconds = row["presets"][preset]
                cells.append(f"{format_per_item(cost)} ({count:,}, {seconds:.2f} s)")
            else:
                cells.append(DASH)
        verdict = ", ".join(f"{larger}/{smaller} ×{ratio:.2f}" for smaller, larger, ratio in row["growth"])
        verdict = verdict or f"too short to judge (under {MIN_SECONDS} s)"
        cells.append(("**SUPERLINEAR** " if row["superlinear"] else "") + verdict)
        lines.append("| " + " | ".join(cells) + " |")
    return ("**Scaling** (the whole build's stage lines from `waymark-bench site` at each preset, CPU time of "
            f"every thread; a stage is SUPERLINEAR when its CPU time per item grows more than {SUPERLINEAR_FACTOR}× "
            "from one preset to the next):\n\n" + "\n".join(lines) + "\n")
