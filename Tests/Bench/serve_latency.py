#!/usr/bin/env python3
"""`make bench`'s live-reload row (issue 26): under `waymark serve`, from saving a markdown page to
headless Chromium showing it. Goal: at most 300 ms at the medium preset.

usage:
  serve_latency.py --site SITE --waymark BIN [--reps 5]

Starts `waymark serve` on SITE (it builds into SITE/.waymark/serve/, never the output), opens a
docs page in Chromium, then `--reps` times adds a unique line to that page's markdown (saved as
editors save: a hidden file renamed over it, which also leaves the corpus's hard-linked original
untouched) and waits, without reloading the page itself, until the page shows the line, then
until the whole build after the save has finished. The
latency is the reloaded page's first contentful paint (`performance.timeOrigin` plus the paint
entry; DOMContentLoaded where there is none) minus the time the save finished, both this
machine's wall clock. The build status the server publishes (`/.waymark/status.json`) splits it:
`settle` (the first change seen to the build's start: the watcher's quiet period), `build` (with
its stages; when the server showed the edited page before the whole build, its `early` record
gives the settle time and `build` is rendering that page), and `reload` (the rest: the change
noticed, the event sent, the page fetched and painted). The page's markdown is restored at the end. Prints one JSON document on stdout.

Needs Selenium and Chromium (`make browser-deps`): run it with the browser tests' Python.
"""

import argparse
import glob
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BROWSER_TESTS = os.path.join(os.path.dirname(HERE), "Browser")
sys.path.insert(0, BROWSER_TESTS)

GOAL_MS = 300

SHOWN_AT = """
var marker = arguments[0];
if (!document.body || document.body.innerText.indexOf(marker) < 0) { return null; }
var paint = performance.getEntriesByName('first-contentful-paint')[0];
var navigation = performance.getEntriesByType('navigation')[0];
var at = paint ? paint.startTime : (navigation ? navigation.domContentLoadedEventEnd : performance.now());
return {epochMs: performance.timeOrigin + at, paint: !!paint};
"""


def docs_page(site):
    """(markdown file, page URL path) of the first page of the first docs site the preview published."""
    listings = sorted(glob.glob(os.path.join(site, ".waymark", "serve", "site", "api", "docs", "**", "*.json"),
                                recursive=True))
    for listing in listings:
        with open(listing) as handle:
            pages = json.load(handle).get("pages", [])
        for page in pages:
            source = os.path.join(site, page["source"])
            if page["source"].endswith(".md") and os.path.isfile(source):
                return source, page["url"].lstrip("/")
    raise AssertionError(f"no docs page in the preview of {site}")


def shown_at(driver, marker, timeout):
    """The epoch milliseconds at which the page showing `marker` painted, polling every 5 ms."""
    from selenium.common.exceptions import WebDriverException

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = driver.execute_script(SHOWN_AT, marker)
        except WebDriverException:  # between documents
            found = None
        if found:
            return found
        time.sleep(0.005)
    raise AssertionError(f"the page did not show {marker!r} within {timeout} s")


def measure(site, waymark, reps, timeout=600):
    import portal_browser
    from serve_session import ServeSession, replace_file

    serve = ServeSession(waymark, site, timeout)
    driver = None
    try:
        status = serve.wait_for(lambda s: s["built"], timeout)
        if status["errorCount"]:
            raise AssertionError(f"the first build failed: {status['errors'][:5]}")
        first_build_ms = status["timing"]["buildMilliseconds"]
        source, url = docs_page(site)
        with open(source) as handle:
            original = handle.read()
        driver = portal_browser.start_chromium()
        driver.get(serve.url + url)
        runs = []
        try:
            for rep in range(reps):
                marker = f"waymark-serve-latency-{os.getpid()}-{rep}"
                builds = serve.status()["builds"]
                replace_file(source, original + f"\n{marker}\n")
                saved_ms = time.time() * 1000
                shown = shown_at(driver, marker, timeout)
                # The next save comes once the whole build after this one has finished, as a writer's would.
                status = serve.wait_for_build_after(builds, timeout)
                runs.append(run_record(status, shown, saved_ms))
                print(f"  rep {rep + 1}: {runs[-1]['latency_ms']} ms (settle {runs[-1]['settle_ms']:.0f}, "
                      f"{'page' if runs[-1]['early'] else 'build'} {runs[-1]['build_ms']:.0f}, "
                      f"reload {runs[-1]['reload_ms']}; whole build {runs[-1]['whole_build_ms']:.0f})",
                      file=sys.stderr, flush=True)
        finally:
            builds = serve.status()["builds"]
            replace_file(source, original)
            serve.wait_for_build_after(builds, timeout)  # so Ctrl-C finds no build running
    finally:
        if driver:
            driver.quit()
        serve.stop()
    return summarize(runs, first_build_ms, os.path.relpath(source, site), url)


def run_record(status, shown, saved_ms):
    """One save's figures. When serve showed the edited page before its build (`early` in the
    status), the split is the settle time, the page's rendering, and the reload; else the build's."""
    timing, early = status["timing"], status.get("early")
    latency = shown["epochMs"] - saved_ms
    settle, build = ((early["settleMilliseconds"], early["milliseconds"]) if early
                     else (timing["settleMilliseconds"], timing["buildMilliseconds"]))
    return {
        "latency_ms": round(latency), "settle_ms": settle, "build_ms": build, "early": bool(early),
        "reload_ms": round(latency - settle - build), "whole_build_ms": timing["buildMilliseconds"],
        "stages": {stage["name"]: stage["milliseconds"] for stage in timing["stages"]},
        "paint_timing": shown["paint"], "changed": timing["changed"],
    }


def summarize(runs, first_build_ms, page, url):
    def median(key):
        return round(statistics.median(run[key] for run in runs))

    stage_names = list(runs[0]["stages"]) if runs else []
    return {
        "status": "measured", "goal_ms": GOAL_MS, "page": page, "url": url, "first_build_ms": round(first_build_ms),
        "latency_ms": median("latency_ms"), "latency_max_ms": max(run["latency_ms"] for run in runs),
        "settle_ms": median("settle_ms"), "build_ms": median("build_ms"), "reload_ms": median("reload_ms"),
        "stages_ms": {name: round(statistics.median(run["stages"].get(name, 0) for run in runs))
                      for name in stage_names},
        "early_saves": sum(1 for run in runs if run.get("early")),
        "whole_build_ms": round(statistics.median(run.get("whole_build_ms", run["build_ms"]) for run in runs)),
        "runs": runs,
    }


def markdown(result, preset):
    """The report's section: the median latency against the goal and its split."""
    title = f"Live reload under `waymark serve` ({preset} preset): saving a markdown page to Chromium showing it"
    if result.get("status") != "measured":
        return f"\n### {title}\n\nnot measured: {result.get('note', result.get('status'))}\n"
    verdict = "meets" if result["latency_ms"] <= result["goal_ms"] else "misses"
    stages = ", ".join(f"{name} {ms}" for name, ms in result["stages_ms"].items() if ms >= 1)
    saves = len(result["runs"])
    early = result.get("early_saves", 0)
    shown = (f"The edited page was shown before the whole build on {early} of {saves} saves, so `build` is "
             f"rendering that page; the whole build after each save took {result.get('whole_build_ms')} ms "
             f"(median). " if early else "")
    return (
        f"\n### {title}\n\n"
        f"Median {result['latency_ms']} ms over {saves} saves (max {result['latency_max_ms']} ms): "
        f"{verdict} the {result['goal_ms']} ms goal. Split (medians): settle {result['settle_ms']} ms, "
        f"build {result['build_ms']} ms, reload {result['reload_ms']} ms (change noticed, event sent, page fetched "
        f"and painted). {shown}Build stages (ms): {stages}. Page: `{result['page']}`; the first build took "
        f"{result['first_build_ms']} ms.\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", required=True)
    parser.add_argument("--waymark", required=True)
    parser.add_argument("--reps", type=int, default=5)
    arguments = parser.parse_args(argv)
    print(json.dumps(measure(os.path.abspath(arguments.site), os.path.abspath(arguments.waymark), arguments.reps),
                     indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
