"""Pure logic of the benchmark report: reading `/usr/bin/time -v`, medians, ratios, the table.

Nothing here runs a process or reads the clock, so `test_bench_report.py` checks all of it
without timing anything.
"""

import json
import re
import statistics

import docs_fidelity
import output_size
import page_weight
import rollup_size

NOT_BUILT = "not built"
DASH = "—"


def parse_clock(text):
    """Seconds in GNU time's elapsed format: `m:ss.ss` or `h:mm:ss`."""
    parts = [float(part) for part in text.split(":")]
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds


def parse_time_report(stderr):
    """The figures `/usr/bin/time -v` appends to a command's standard error.

    Returns wall, user and system seconds, peak RSS in MB and the command's exit status
    (GNU time exits with it too, and says so when it is not zero).
    """
    def field(pattern):
        match = re.search(pattern, stderr)
        if match is None:
            raise ValueError(f"no '{pattern}' in /usr/bin/time output")
        return match.group(1)

    status = re.search(r"Command exited with non-zero status (\d+)", stderr)
    signal = re.search(r"Command terminated by signal (\d+)", stderr)
    return {
        "wall_s": parse_clock(field(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)")),
        "user_s": float(field(r"User time \(seconds\): (\S+)")),
        "sys_s": float(field(r"System time \(seconds\): (\S+)")),
        "max_rss_mb": round(int(field(r"Maximum resident set size \(kbytes\): (\d+)")) / 1024, 1),
        "exit_status": int(status.group(1)) if status else (128 + int(signal.group(1)) if signal else 0),
    }


def inner_report(stdout):
    """The JSON object a probe prints as its last line of output, or None."""
    lines = [line for line in stdout.strip().splitlines() if line.strip()]
    if not lines:
        return None
    try:
        value = json.loads(lines[-1])
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def summarize(runs):
    """Median wall, median user+sys, the range, the largest peak RSS and every exit status."""
    walls = [run["wall_s"] for run in runs]
    inner = [run["inner"]["seconds"] for run in runs if run.get("inner") and "seconds" in run["inner"]]
    return {
        "reps": len(runs),
        "median_wall_s": statistics.median(walls),
        "min_wall_s": min(walls),
        "max_wall_s": max(walls),
        "median_cpu_s": statistics.median(run["user_s"] + run["sys_s"] for run in runs),
        "max_rss_mb": max(run["max_rss_mb"] for run in runs),
        "median_inner_s": statistics.median(inner) if len(inner) == len(runs) else None,
        "exit_statuses": sorted({run["exit_status"] for run in runs}),
    }


def scaled_summary(summary, factor):
    """A sample's summary extrapolated linearly to the whole input: times × factor, RSS unchanged.

    For peers too slow to run on everything (one `mkdocs build` per docs site): the table shows
    the scaled figures, so the ratio compares the same work, and `scale` records the factor.
    """
    scaled = dict(summary)
    for key in ("median_wall_s", "min_wall_s", "max_wall_s", "median_cpu_s", "median_inner_s"):
        if scaled.get(key) is not None:
            scaled[key] = scaled[key] * factor
    scaled["scale"] = factor
    return scaled


def ratio(waymark, peer):
    """Waymark / peer, or None when either side is missing or the peer's figure is zero."""
    if waymark is None or peer is None or peer == 0:
        return None
    return waymark / peer


def stage_ratios(waymark_summary, peer_summary):
    """The three ratios of one pair: wall, user+sys CPU and in-process seconds."""
    if waymark_summary is None or peer_summary is None:
        return {"wall": None, "cpu": None, "in_process": None}
    return {
        "wall": ratio(waymark_summary["median_wall_s"], peer_summary["median_wall_s"]),
        "cpu": ratio(waymark_summary["median_cpu_s"], peer_summary["median_cpu_s"]),
        "in_process": ratio(waymark_summary.get("median_inner_s"), peer_summary.get("median_inner_s")),
    }


def format_ratio(value):
    """`0.42×`, `3.1×`, `12×`, `0.004×` (one significant figure below 0.01); a dash when there is no ratio."""
    if value is None:
        return DASH
    if value >= 10:
        return f"{value:.0f}×"
    if value >= 1:
        return f"{value:.1f}×"
    if value >= 0.01:
        return f"{value:.2f}×"
    return f"{value:.1g}×"


def format_seconds(value):
    """Three significant figures at most: `0.0123`, `0.123`, `1.23`, `12.3`, `123`."""
    if value is None:
        return DASH
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    if value >= 0.1:
        return f"{value:.3f}"
    return f"{value:.4f}"


def format_mb(value):
    """Peak RSS in whole MB."""
    return DASH if value is None else f"{value:,.0f}"


def pair(left, right):
    """`left / right`, the cell format for Waymark and peer side by side."""
    return f"{left} / {right}"


def contender_cells(contender):
    """Name, wall, CPU and RSS cells of one contender (`not built` when it has no figures)."""
    if contender is None:
        return DASH, DASH, DASH, DASH
    summary = contender.get("summary")
    if contender["status"] != "measured" or summary is None:
        return f"{contender['name']} ({contender['status']})", DASH, DASH, DASH
    return (contender["name"], format_seconds(summary["median_wall_s"]), format_seconds(summary["median_cpu_s"]),
            format_mb(summary["max_rss_mb"]))


def stage_rows(stage):
    """The table rows of one stage: one per peer, or one with no peer."""
    waymark = stage["waymark"]
    name, wall, cpu, rss = contender_cells(waymark)
    if waymark["status"] == NOT_BUILT:
        name = NOT_BUILT
    rows = []
    for peer in stage["peers"] or [None]:
        peer_name, peer_wall, peer_cpu, peer_rss = contender_cells(peer)
        ratios = stage_ratios(summary_of(waymark), summary_of(peer))
        notes = combined_notes(waymark.get("note"), peer and peer.get("note"))
        rows.append([stage["title"], name, peer_name, pair(wall, peer_wall), pair(cpu, peer_cpu),
                     format_ratio(ratios["wall"]), format_ratio(ratios["cpu"]), format_ratio(ratios["in_process"]),
                     pair(rss, peer_rss), notes or DASH])
    return rows


def combined_notes(waymark_note, peer_note):
    """The notes cell: each side's note, marked `W:` and `P:` when both have one."""
    if waymark_note and peer_note:
        return f"W: {waymark_note}; P: {peer_note}"
    return waymark_note or peer_note or ""


def summary_of(contender):
    """The summary of a measured contender, else None."""
    if contender is None or contender["status"] != "measured":
        return None
    return contender.get("summary")


TABLE_HEADER = ["stage", "Waymark", "peer", "median wall s (W / P)", "user+sys s (W / P)", "W/P wall",
                "W/P CPU", "W/P in-process", "peak RSS MB (W / P)", "notes"]


def markdown_table(rows):
    """A GitHub markdown table of TABLE_HEADER and rows (pipes in cells escaped)."""
    def line(cells):
        return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"

    align = ["---", "---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---"]
    return "\n".join([line(TABLE_HEADER), line(align)] + [line(row) for row in rows])


def report_markdown(results):
    """The whole report: what ran where, then the table, then how to read it."""
    machine = results["machine"]
    corpus = results["corpus"]
    output = results["output"]
    rows = [row for stage in results["stages"] for row in stage_rows(stage)]
    lines = [
        f"### Preset `{results['preset']}` (seed {results['seed']}), {results['reps']} alternating reps, "
        f"{results['started_at']}",
        "",
        f"Machine: {machine['cores']} cores ({machine['cpu']}), {machine['memory_gib']:.0f} GiB, "
        f"{machine['system']}; load average {machine['load_start']} at the start, {machine['load_end']} at the end.",
        f"Corpus: {corpus_line(corpus)}.",
        f"Output of Waymark, Hugo and mkdocs: `{output['path']}` ({output['filesystem']} on {output['device']}), "
        "set aside (renamed, deleted after the last stage) and `sync`ed before each rep.",
        "",
        markdown_table(rows),
        "",
        "W = Waymark, P = peer. Ratios are Waymark / peer from medians of the same run (below 1× Waymark is "
        "faster); \"in-process\" compares the stage's own timing printed by each side, without process start-up.",
    ]
    if results.get("docs_fidelity"):
        lines += ["", docs_line(results)]
    if results.get("page_weight"):
        lines += ["", page_weight_section(results["page_weight"])]
    if results.get("rollups"):
        lines += ["", rollup_size.report_markdown(results["rollups"])]
    return "\n".join(lines) + "\n"


def docs_line(results):
    """The docs stage's wall ratio against each peer, next to the pages' agreement with mkdocs."""
    stage = next((stage for stage in results["stages"] if stage["id"] == "docs"), None)
    ratios = ", ".join(f"{format_ratio(ratio['wall'])} vs {ratio['peer']}"
                       for ratio in (stage or {}).get("ratios", []))
    speed = f"W/P wall {ratios}; " if ratios else ""
    return f"**Docs**: {speed}{docs_fidelity.report_text(results['docs_fidelity'])}."


def page_weight_section(weight):
    """The page-weight part of the report: how the portal was written, then page_weight's table."""
    build = weight.get("build") or {}
    if weight.get("status") != "measured":
        return (f"**Page weight**: not measured: `waymark-bench site` exited {build.get('exit_status', '?')}"
                f"{': ' + build['stderr_tail'].strip().splitlines()[-1] if build.get('stderr_tail') else ''}.")
    inner = build.get("inner") or {}
    errors = inner.get("errors", 0)
    return (f"**Page weight per page type** ({weight['pages']:,} pages of the whole portal written by "
            f"`waymark-bench site` to `{weight['output']}` in {format_seconds(build.get('wall_s'))} s wall, "
            f"peak RSS {format_mb(build.get('max_rss_mb'))} MB; it writes what `waymark build` renders even though "
            f"the corpus has {errors} errors; budget from `Tests/Bench/page_weight.py`):\n\n"
            + page_weight.report_markdown(weight).rstrip("\n")
            + output_size_section(weight.get("output_size")))


def output_size_section(sizes):
    """The output's size per top-level folder, after the page weights (runs saved before it was
    measured have none)."""
    if not sizes:
        return ""
    return ("\n\n**Output size per top-level folder** (the same output, every file):\n\n"
            + output_size.report_markdown(sizes).rstrip("\n"))


def corpus_line(corpus):
    """One sentence of corpus sizes."""
    return (f"catalog {corpus['catalog_mb']:.1f} MB ({corpus['entities']:,} entities, {corpus['catalog_files']} files), "
            f"docs {corpus['docs_mb']:.1f} MB ({corpus['docs_pages']:,} pages, {corpus['docs_sites']:,} sites), "
            f"events {corpus['events_mb']:.1f} MB ({corpus['events']:,}), "
            f"SARIF {corpus['sarif_mb']:.1f} MB ({corpus['sarif_files']} files)")
