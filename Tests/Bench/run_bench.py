#!/usr/bin/env python3
"""`make bench`: Waymark against Hugo, mkdocs and the raw parsers on one generated corpus.

usage:
  run_bench.py [--preset small|medium|large] [--seed 42] [--reps 3] [--only yaml,catalog,…]
               [--waymark .build/release/waymark] [--waymark-bench .build/release/waymark-bench]
               [--python .bench/venv/bin/python] [--mkdocs .bench/venv/bin/mkdocs]
               [--out-root DIR] [--pause 0.5]
  run_bench.py --report .bench/results-medium.json    (print a saved run's table again)

Generates the corpus once (reused while preset and seed match), lays it out for each contender,
then for every stage of bench_stages.STAGES runs Waymark and its peers alternately
(W, P1, P2, W, P1, P2, …) `--reps` times, each under `/usr/bin/time -v` after setting the
previous output aside (renamed; all deleted after the last stage) and `sync`. Writes `.bench/results.md` (printed too) and `.bench/results.json`.
Standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bench_layout  # noqa: E402
import bench_report  # noqa: E402
import bench_scaling  # noqa: E402
import bench_stages  # noqa: E402
import docs_fidelity  # noqa: E402
import output_size  # noqa: E402
import page_weight  # noqa: E402
import rollup_size  # noqa: E402
import search_compare  # noqa: E402
import serve_latency  # noqa: E402

REPOSITORY = os.path.dirname(os.path.dirname(HERE))


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Waymark benchmark harness")
    parser.add_argument("--preset", default="small", choices=["small", "medium", "large"])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--only", default=",".join([stage.id for stage in bench_stages.STAGES]
                                                   + ["weight", "search", "rollups", "serve"]),
                        help="comma-separated stage ids; `weight`: the page weight per page type of the whole portal; "
                        "`search`: Waymark's search against Pagefind (Tests/Bench/search_compare.py); "
                        "`rollups`: delivery rollup bytes vs raw event bytes; "
                        "`serve`: saving a markdown page to the browser showing it under `waymark serve` "
                        "(Tests/Bench/serve_latency.py)")
    parser.add_argument("--bench-dir", default=os.path.join(REPOSITORY, ".bench"))
    parser.add_argument("--out-root", help="where every contender writes (default: BENCH_DIR/out, the same disk "
                        "for all); e.g. /dev/shm/waymark-bench for tmpfs")
    parser.add_argument("--waymark", default=os.path.join(REPOSITORY, ".build", "release", "waymark"))
    parser.add_argument("--waymark-bench", default=os.path.join(REPOSITORY, ".build", "release", "waymark-bench"))
    parser.add_argument("--python", default=sys.executable, help="Python with PyYAML (libyaml) and mkdocs")
    parser.add_argument("--mkdocs", default="mkdocs")
    parser.add_argument("--rollups-python", default=sys.executable, help="Python with duckdb, for contrib/rollups")
    parser.add_argument("--browser-python", default=os.path.join(REPOSITORY, ".bench", "browser-venv", "bin", "python"),
                        help="Python with Selenium (the browser tests'), for the `serve` row")
    parser.add_argument("--mkdocs-site-sample", type=int, default=20,
                        help="how many docs sites the per-site mkdocs peer builds (times scaled to all; 0: all)")
    parser.add_argument("--pause", type=float, default=0.5, help="seconds to wait after sync, before each run")
    parser.add_argument("--report", metavar="RESULTS_JSON", help="only print the table of a saved results.json")
    arguments = parser.parse_args(argv)
    if arguments.reps < 3:
        parser.error("--reps must be at least 3")
    return arguments


def timed_run(argv, extra_env, pause):
    """One run under `/usr/bin/time -v` after `sync` and a pause; its figures and probe report."""
    subprocess.run(["sync"])
    time.sleep(pause)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="true", NO_COLOR="1", **extra_env)
    process = subprocess.run(["/usr/bin/time", "-v"] + [str(part) for part in argv], capture_output=True, text=True,
                             env=env)
    run = bench_report.parse_time_report(process.stderr)
    run["inner"] = bench_report.inner_report(process.stdout)
    if run["exit_status"] not in (0, 1):
        run["stderr_tail"] = process.stderr[-1500:]
    return run


def measure_stage(stage, context, reps, pause):
    """Runs the stage's contenders alternately, `reps` times each; their results and ratios."""
    contenders = [stage.waymark] + list(stage.peers) if stage.waymark else list(stage.peers)
    active = [c for c in contenders if not (c.skip and c.skip(context))]
    if stage.setup and active:
        stage.setup(context)
    runs = {id(c): [] for c in active}
    for rep in range(reps):
        for contender in active:
            if contender.before_each:
                contender.before_each(context)
            run = timed_run(contender.argv(context), contender.env, pause)
            runs[id(contender)].append(run)
            print(f"  rep {rep + 1} {contender.name}: wall {run['wall_s']:.3f} s, user+sys "
                  f"{run['user_s'] + run['sys_s']:.3f} s, rss {run['max_rss_mb']:.0f} MB, exit {run['exit_status']}",
                  flush=True)

    def result(contender):
        if contender is None:
            return {"name": bench_report.NOT_BUILT, "status": bench_report.NOT_BUILT}
        if id(contender) not in runs:
            return {"name": contender.name, "status": "skipped", "note": contender.skip(context)}
        contender_runs = runs[id(contender)]
        failed = any(run["exit_status"] not in (0, 1) for run in contender_runs) or (
            contender is not stage.waymark and any(run["exit_status"] != 0 for run in contender_runs))
        note = contender.note(context, contender_runs) if contender.note else None
        if contender.versus and stage.waymark and id(stage.waymark) in runs:
            note = contender.versus(context, runs[id(stage.waymark)], contender_runs)
        summary = bench_report.summarize(contender_runs)
        measured = {"name": contender.name, "status": "failed" if failed else "measured", "summary": summary,
                    "runs": contender_runs, "note": note}
        if contender.scale:
            measured["sample_summary"] = summary
            measured["summary"] = bench_report.scaled_summary(summary, contender.scale(context))
        return measured

    waymark = result(stage.waymark)
    peers = [result(peer) for peer in stage.peers]
    ratios = [dict(peer=peer["name"], **bench_report.stage_ratios(bench_report.summary_of(waymark),
                                                                   bench_report.summary_of(peer))) for peer in peers]
    return {"id": stage.id, "title": stage.title, "waymark": waymark, "peers": peers, "ratios": ratios}


def measure_page_weight(context, pause):
    """Writes the whole portal once (`waymark-bench site`, timed) and weighs its pages by type."""
    output = context.out("waymark-site")
    bench_stages.set_aside(output)
    run = timed_run([context.waymark_bench, "site", context.site, output], {}, pause)
    print(f"  site: wall {run['wall_s']:.2f} s, user+sys {run['user_s'] + run['sys_s']:.2f} s, "
          f"rss {run['max_rss_mb']:.0f} MB, exit {run['exit_status']}", flush=True)
    if run["exit_status"] != 0 or not os.path.isdir(output):
        return {"status": "failed", "build": run}
    weight = page_weight.measure_site(output)
    weight.update(status="measured", build=run, output=output, output_size=output_size.measure_output(output))
    return weight


def measure_search(context, pause, build_seconds_known=None):
    """Waymark's search against Pagefind: the fixture's queries over the demo portal, and queries made
    from the catalog (entity titles, and the same with two letters swapped) over the preset's portal."""
    demo = context.out("waymark-demo")
    bench_stages.set_aside(demo)
    subprocess.run([context.waymark, "build", "--root", REPOSITORY, "--output", demo, "--quiet"], check=True)
    with open(search_compare.QUERIES) as handle:
        fixture = json.load(handle)["queries"]
    results = {"demo": search_compare.compare(demo, fixture, context.python)}
    site = context.out("waymark-site")
    build_seconds = build_seconds_known
    if build_seconds is None or not os.path.isdir(os.path.join(site, "search", "v2")):
        bench_stages.set_aside(site)
        build_seconds = timed_run([context.waymark_bench, "site", context.site, site], {}, pause)["wall_s"]
    with open(os.path.join(site, "api", "catalog.json")) as handle:
        entities = json.load(handle)["entities"]
    preset = search_compare.compare(site, search_compare.catalog_queries(entities), context.python)
    preset["fixture"] = "entity titles from api/catalog.json"
    preset["waymark"]["build_seconds"] = build_seconds
    probe = search_index_timing(context)
    if probe is not None:
        preset["waymark"]["index_seconds"] = probe["fullText"]["seconds"]
        preset["waymark"]["index_probe"] = probe
    results["preset"] = preset
    return results


def search_index_timing(context):
    """`waymark-bench search`: the full-text index (and the older title index) made alone from the
    render stage's input, which the probe prepares first, untimed; None when the probe fails."""
    run = subprocess.run([context.waymark_bench, "search", context.site], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"  search index probe failed: {run.stderr.strip()}", flush=True)
        return None
    report = json.loads(run.stdout)
    print(f"  search index alone: full text {report['fullText']['seconds']:.2f} s "
          f"({report['fullText']['cpuSeconds']:.2f} s CPU, {report['fullText']['files']} files), "
          f"titles {report['titles']['seconds']:.2f} s", flush=True)
    return report


def measure_serve(context, arguments):
    """The live-reload latency (Tests/Bench/serve_latency.py, run by the browser tests' Python)."""
    if not os.path.exists(arguments.browser_python):
        return {"status": "skipped", "note": f"no {arguments.browser_python} (make browser-deps)"}
    run = subprocess.run([arguments.browser_python, os.path.join(HERE, "serve_latency.py"), "--site", context.site,
                          "--waymark", context.waymark, "--reps", str(max(arguments.reps, 5))],
                         stdout=subprocess.PIPE, text=True)
    if run.returncode != 0:
        return {"status": "failed", "note": f"serve_latency.py exited {run.returncode}"}
    return json.loads(run.stdout)


def machine_facts():
    def first(path, prefix):
        try:
            with open(path) as handle:
                for line in handle:
                    if line.startswith(prefix):
                        return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "unknown"

    memory_kib = first("/proc/meminfo", "MemTotal")
    return {"cores": os.cpu_count(), "cpu": first("/proc/cpuinfo", "model name"),
            "memory_gib": int(memory_kib.split()[0]) / 1024 / 1024 if memory_kib != "unknown" else 0,
            "system": f"{platform.system()} {platform.release()}", "load_start": load_average()}


def load_average():
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def filesystem_of(path):
    """(filesystem type, device) of the mount holding `path`, from /proc/mounts."""
    path = os.path.realpath(path)
    best = ("", "unknown", "unknown")
    try:
        with open("/proc/mounts") as handle:
            for line in handle:
                device, mount, kind = line.split()[:3]
                inside = path == mount or path.startswith(mount.rstrip("/") + "/")
                if inside and len(mount) > len(best[0]):
                    best = (mount, kind, device)
    except OSError:
        pass
    return best[1], best[2]


def versions(arguments):
    def first_line(argv):
        try:
            output = subprocess.run(argv, capture_output=True, text=True)
            return (output.stdout or output.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "unavailable"

    return {
        "waymark": first_line([arguments.waymark, "--version"]),
        "swift": first_line(["swift", "--version"]),
        "hugo": first_line(["hugo", "version"]),
        "mkdocs": first_line([arguments.mkdocs, "--version"]),
        "python": first_line([arguments.python, "--version"]),
        "pyyaml": first_line([arguments.python, "-c", "import yaml; print(yaml.__version__, 'libyaml',"
                              " yaml.__with_libyaml__)"]),
        "cel-expr-python": first_line([arguments.python, "-c", "from importlib import metadata; "
                                       "print(metadata.version('cel-expr-python'))"]),
    }


def main(argv):
    arguments = parse_arguments(argv)
    if arguments.report:
        with open(arguments.report) as handle:
            print(bench_report.report_markdown(json.load(handle)), end="")
        return
    bench_dir = os.path.abspath(arguments.bench_dir)
    os.makedirs(bench_dir, exist_ok=True)
    corpus = bench_layout.ensure_corpus(bench_dir, arguments.preset, arguments.seed)
    site = bench_layout.ensure_site(bench_dir, corpus)
    out_root = os.path.abspath(arguments.out_root or os.path.join(bench_dir, "out"))
    os.makedirs(out_root, exist_ok=True)
    bench_stages.empty_set_aside(out_root)   # an interrupted run's
    context = bench_stages.BenchContext(
        preset=arguments.preset, corpus=corpus, site=site,
        peers=os.path.join(bench_dir, os.path.basename(corpus).replace("corpus-", "peers-", 1)), out_root=out_root,
        waymark=os.path.abspath(arguments.waymark), waymark_bench=os.path.abspath(arguments.waymark_bench),
        python=arguments.python, mkdocs=arguments.mkdocs, mkdocs_site_sample=arguments.mkdocs_site_sample)
    filesystem, device = filesystem_of(out_root)
    results = {
        "preset": arguments.preset, "seed": arguments.seed, "reps": arguments.reps,
        "started_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_facts(), "output": {"path": out_root, "filesystem": filesystem, "device": device},
        "corpus": bench_layout.corpus_sizes(corpus), "versions": versions(arguments), "stages": [],
    }
    selected = arguments.only.split(",")
    markdown = write_results(results, bench_dir)
    for stage in bench_stages.STAGES:
        if stage.id in selected:
            print(f"== {stage.id}: {stage.title}", flush=True)
            results["stages"].append(measure_stage(stage, context, arguments.reps, arguments.pause))
            markdown = write_results(results, bench_dir)   # after every stage: a stopped run keeps its figures
    if "docs" in selected:
        print("== docs fidelity: the TechDocs fidelity corpus, Waymark against mkdocs", flush=True)
        results["docs_fidelity"] = docs_fidelity.measure(context.waymark, arguments.mkdocs, context.out("fidelity"))
        markdown = write_results(results, bench_dir)
    if "rollups" in selected:
        print("== rollups: delivery rollups vs raw events (bytes)", flush=True)
        results["rollups"] = rollup_size.measure(arguments.rollups_python, corpus, context.out("rollups"))
        markdown = write_results(results, bench_dir)
    if "weight" in selected:
        print("== weight: page weight per page type of the whole portal", flush=True)
        results["page_weight"] = measure_page_weight(context, arguments.pause)
        markdown = write_results(results, bench_dir)
    if "search" in selected:
        print("== search: Waymark's search against Pagefind over the same portal", flush=True)
        weight = results.get("page_weight", {})
        known = weight.get("build", {}).get("wall_s") if weight.get("status") == "measured" else None
        results["search"] = measure_search(context, arguments.pause, known)
        markdown = write_results(results, bench_dir)
    if "serve" in selected:
        print("== serve: saving a markdown page to the browser showing it, under waymark serve", flush=True)
        results["serve"] = measure_serve(context, arguments)
        markdown = write_results(results, bench_dir)
    bench_stages.empty_set_aside(out_root)
    print("\n" + markdown)
    print(f"written: {os.path.join(bench_dir, 'results.md')} and results.json (also results-{arguments.preset}.*)")


def write_results(results, bench_dir):
    """Writes the latest run, and a copy per preset so presets can sit side by side; the table,
    with the scaling table when another preset's saved run is there to compare with."""
    results["machine"]["load_end"] = load_average()
    markdown = bench_report.report_markdown(results)
    scaling = bench_scaling.scaling_markdown(saved_presets(bench_dir, results))
    if scaling:
        markdown += "\n" + scaling
    for name, summary in sorted(results.get("search", {}).items()):
        where = "the demo portal" if name == "demo" else f"the {results['preset']} preset's portal"
        markdown += "\n" + search_compare.markdown(summary, f"Search over {where}: Waymark and Pagefind")
    if "serve" in results:
        markdown += serve_latency.markdown(results["serve"], results["preset"])
    for suffix in ("", f"-{results['preset']}"):
        with open(os.path.join(bench_dir, f"results{suffix}.json"), "w") as handle:
            json.dump(results, handle, indent=1)
        with open(os.path.join(bench_dir, f"results{suffix}.md"), "w") as handle:
            handle.write(markdown)
    return markdown


def saved_presets(bench_dir, results):
    """{preset: results}: this run for its preset, the saved `results-<preset>.json` for the others."""
    by_preset = {}
    for preset in bench_scaling.PRESET_ORDER:
        path = os.path.join(bench_dir, f"results-{preset}.json")
        if preset == results["preset"]:
            by_preset[preset] = results
        elif os.path.exists(path):
            with open(path) as handle:
                by_preset[preset] = json.load(handle)
    return by_preset


if __name__ == "__main__":
    main(sys.argv[1:])
