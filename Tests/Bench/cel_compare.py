"""The notes of the CEL stage: evaluations per second of Waymark and cel-cpp, and their ratio.

Both probes (`waymark-bench cel`, `cel_peer.py`) print the same figures for the same checks:
`evaluations`, `evaluationsPerSecond` (wall), `evaluationsPerCpuSecond` (the evaluating
thread's CPU time: the per-core rate, which holds on a shared machine), and per check the
number of entities the check is true for. Nothing here runs a process or reads the clock, so
`test_cel_compare.py` checks all of it.
"""

import statistics

from bench_report import DASH, format_ratio


def inner_value(run, path):
    """The value at `path` (a list of keys) in a run's probe report, or None."""
    value = run.get("inner")
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def median_of(runs, path):
    """The median over runs of the value at `path`, or None when a run lacks it."""
    values = [inner_value(run, path) for run in runs]
    if not values or any(not isinstance(value, (int, float)) for value in values):
        return None
    return statistics.median(values)


def format_rate(value):
    """Evaluations per second: `2.31 M/s`, `612 k/s`, `950/s`; a dash when unknown."""
    if value is None:
        return DASH
    if value >= 999_500:   # what would round to `1000 k/s`
        return f"{value / 1e6:.2f} M/s"
    if value >= 999.5:
        return f"{value / 1e3:.0f} k/s"
    return f"{value:.0f}/s"


def check_names(runs, prefix=()):
    """The checks named in the last run's report, in its order (Waymark writes keys sorted)."""
    checks = inner_value(runs[-1], list(prefix) + ["checks"]) if runs else None
    return list(checks) if isinstance(checks, dict) else []


def per_check_rates(runs, prefix=()):
    """`annotation 3.10 M/s, enum …`: each check's median CPU rate."""
    return ", ".join(f"{name} {format_rate(median_of(runs, list(prefix) + ['checks', name, 'evaluationsPerCpuSecond']))}"
                     for name in check_names(runs, prefix))


def waymark_note(context, runs):
    """Waymark's side: the CPU and wall rates, the work done and each check's rate."""
    if not runs or inner_value(runs[-1], ["evaluations"]) is None:
        return ""
    last = runs[-1]["inner"]
    return (f"{format_rate(median_of(runs, ['evaluationsPerCpuSecond']))} per CPU second, "
            f"{format_rate(median_of(runs, ['evaluationsPerSecond']))} per wall second; "
            f"{last['entities']:,} entities × {len(check_names(runs))} checks × {last['passes']:,} passes "
            f"= {last['evaluations']:,} evaluations; {per_check_rates(runs)}")


def ratio(numerator, denominator):
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def agreement(waymark_inner, peer_inner):
    """`results agree`, or what differs: entity counts or a check's true count, per mode."""
    if not waymark_inner or not peer_inner:
        return "results not compared"
    differences = []
    if waymark_inner.get("entities") != peer_inner.get("entities"):
        differences.append(f"entities W {waymark_inner.get('entities')} / P {peer_inner.get('entities')}")
    for mode, peer_checks in (("", peer_inner.get("checks") or {}),
                              ("batched ", (peer_inner.get("batched") or {}).get("checks") or {})):
        for name, figures in (waymark_inner.get("checks") or {}).items():
            peer_figures = peer_checks.get(name) or {}
            if (figures.get("true"), figures.get("notBool")) != (peer_figures.get("true"), peer_figures.get("notBool")):
                differences.append(f"{mode}{name} true W {figures.get('true')} / P {peer_figures.get('true')}, "
                                   f"not bool W {figures.get('notBool')} / P {peer_figures.get('notBool')}")
    return "results agree" if not differences else "RESULTS DIFFER: " + "; ".join(differences)


def peer_note(context, waymark_runs, peer_runs):
    """cel-cpp's side: its per-call and batched CPU rates, Waymark's throughput over each, agreement."""
    if not peer_runs or inner_value(peer_runs[-1], ["evaluations"]) is None:
        return ""
    waymark_rate = median_of(waymark_runs, ["evaluationsPerCpuSecond"])
    call_rate = median_of(peer_runs, ["evaluationsPerCpuSecond"])
    batched_rate = median_of(peer_runs, ["batched", "evaluationsPerCpuSecond"])
    version = inner_value(peer_runs[-1], ["version"]) or "?"
    same_work = inner_value(peer_runs[-1], ["evaluations"]) == inner_value(waymark_runs[-1], ["evaluations"]) \
        if waymark_runs else False
    return (f"cel-expr-python {version}: {format_rate(call_rate)} per CPU second one call per evaluation "
            f"({per_check_rates(peer_runs)}), {format_rate(batched_rate)} batched as one filter() per pass "
            f"({per_check_rates(peer_runs, ('batched',))}); "
            f"Waymark/cel-cpp throughput per CPU second {format_ratio(ratio(waymark_rate, call_rate))} "
            f"per call, {format_ratio(ratio(waymark_rate, batched_rate))} batched; "
            f"{'same' if same_work else 'DIFFERENT'} number of evaluations; "
            f"{agreement(waymark_runs[-1].get('inner') if waymark_runs else None, peer_runs[-1].get('inner'))}")
