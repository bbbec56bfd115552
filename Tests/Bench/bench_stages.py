"""The table of benchmark stages: for each, Waymark's command line and its peers'.

Adding a Waymark stage once it exists is one entry: give its `Stage` a `waymark=Contender(...)`
in place of `waymark=None`, e.g.

    waymark=Contender("waymark-bench events", lambda c: [c.waymark_bench, "events", c.events_file]),

Commands receive the run's `BenchContext`; a probe that prints a JSON object with `seconds` as its
last line of output also gets an in-process ratio. `before_each` runs before every rep of that
contender (not timed), `note` turns the contender's runs into the table's notes column, and a
peer's `versus` does the same from Waymark's runs and the peer's (for figures compared in the note).
"""

import glob
import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

import cel_compare
import policy_ingest
from bench_layout import lay_out_peer_sites

HERE = os.path.dirname(os.path.abspath(__file__))
PARSE_PEERS = os.path.join(HERE, "parse_peers.py")
CEL_PEER = os.path.join(HERE, "cel_peer.py")
CEL_CHECKS = os.path.join(HERE, "cel_checks.json")


@dataclass(frozen=True)
class BenchContext:
    """Where everything is for one run of the benchmark."""
    preset: str
    corpus: str          # the generated corpus (catalog/, docs/, events/, policy-results/)
    site: str            # a Waymark site root laid out from the corpus (content/…)
    peers: str           # the Hugo and mkdocs sites laid out from the corpus
    out_root: str        # every contender's output folder is under here (one disk for all)
    waymark: str
    waymark_bench: str
    python: str          # the bench venv's Python: PyYAML with libyaml, mkdocs
    mkdocs: str
    mkdocs_site_sample: int

    def out(self, name):
        return os.path.join(self.out_root, f"{name}-{self.preset}")

    @property
    def site_catalog(self):
        return os.path.join(self.site, "content", "catalog")

    @property
    def events_file(self):
        return os.path.join(self.corpus, "events", "events.jsonl")

    @property
    def sarif_folder(self):
        return os.path.join(self.corpus, "policy-results")


@dataclass(frozen=True)
class Contender:
    """One side of a comparison: a name, its command line, and what to do around it."""
    name: str
    argv: Callable[[BenchContext], list]
    env: dict = field(default_factory=dict)
    before_each: Optional[Callable[[BenchContext], None]] = None
    note: Optional[Callable[[BenchContext, list], str]] = None
    skip: Optional[Callable[[BenchContext], Optional[str]]] = None   # a reason to skip, or None
    versus: Optional[Callable[[BenchContext, list, list], str]] = None  # (context, Waymark's runs, own runs)
    scale: Optional[Callable[[BenchContext], float]] = None   # a sample's times × this = the whole input's


@dataclass(frozen=True)
class Stage:
    """A stage of the portal, Waymark's contender (None: not built yet) and its peers."""
    id: str
    title: str
    waymark: Optional[Contender]
    peers: list
    setup: Optional[Callable[[BenchContext], None]] = None


def remove(path):
    shutil.rmtree(path, ignore_errors=True)


SET_ASIDE = ".set-aside"


def set_aside(path):
    """Moves a previous output out of the way (one rename) instead of deleting it before a timed run.

    On ext4 without a journal (this bench's disks), creating inodes within a minute of deleting many
    others scans past the deleted ones (`recently_deleted` in `fs/ext4/ialloc.c`), so a tool that
    writes many files would pay for the deletion of its own previous output. The folders set aside
    are deleted once, after the last stage (`empty_set_aside`).
    """
    if not os.path.lexists(path):
        return
    folder = os.path.join(os.path.dirname(path), SET_ASIDE)
    os.makedirs(folder, exist_ok=True)
    os.rename(path, os.path.join(folder, f"{os.path.basename(path)}-{time.time_ns()}"))


def empty_set_aside(out_root):
    remove(os.path.join(out_root, SET_ASIDE))


# ---- notes ----------------------------------------------------------------------------------

def throughput_note(context, runs):
    inner = runs[-1].get("inner") or {}
    rate = inner.get("mbPerSecond")
    return f"{rate:.1f} MB/s in-process" if rate else ""


def catalog_note(context, runs):
    inner = runs[-1].get("inner") or {}
    if not inner:
        return ""
    return (f"{inner['entities']:,} entities, {inner['relations']:,} relations, {inner['errors']} errors "
            f"({codes_text(inner.get('diagnosticCodes', {}))}); find {inner['findSeconds']:.3f} s, "
            f"load {inner['loadSeconds']:.3f} s, validate+relate {inner['modelSeconds']:.3f} s")


def codes_text(codes):
    return ", ".join(f"{code} ×{count}" for code, count in sorted(codes.items())) or "none"


def build_note(output_name):
    """Exit status, the published build's own diagnostics (its `api/build.json`: `waymark check`
    also enforces the scorecards' gates, which a build does not) and the files it wrote."""
    def note(context, runs):
        statuses = sorted({run["exit_status"] for run in runs})
        output = context.out(output_name)
        counts = published_diagnostics(output) or diagnostics_of(context)
        text = (f"exit {'/'.join(map(str, statuses))}; {counts['errors']} errors, {counts['warnings']} warnings "
                f"({codes_text(counts['codes'])})")
        written = count_files(output)
        return text + (f"; wrote {written:,} files" if written else "; wrote nothing")
    return note


def count_files(folder):
    """Files (not folders) under `folder`; 0 when it does not exist."""
    return sum(len(files) for _, _, files in os.walk(folder))


def published_diagnostics(output):
    """The diagnostics a published site's `api/build.json` records, by severity and code; None
    when there is none (the build failed and published nothing)."""
    try:
        with open(os.path.join(output, "api", "build.json")) as handle:
            diagnostics = json.load(handle)["diagnostics"]
    except (OSError, ValueError, KeyError):
        return None
    codes = {}
    for item in diagnostics.get("items", []):
        codes[item["code"]] = codes.get(item["code"], 0) + 1
    return {"errors": diagnostics.get("errors", 0), "warnings": diagnostics.get("warnings", 0), "codes": codes}


def check_note(context, runs):
    counts = diagnostics_of(context)
    statuses = sorted({run["exit_status"] for run in runs})
    return (f"exit {'/'.join(map(str, statuses))}; {counts['errors']} errors, {counts['warnings']} warnings "
            f"({codes_text(counts['codes'])}); writes nothing by design")


DIAGNOSTICS_BY_SITE = {}


def diagnostics_of(context):
    """The site's diagnostics by severity and code, from one untimed `waymark check` per site."""
    cache = DIAGNOSTICS_BY_SITE
    if context.site not in cache:
        result = subprocess.run([context.waymark, "check", "--root", context.site, "--format", "json"],
                                capture_output=True, text=True)
        try:
            items = json.loads(result.stdout or "[]")
        except ValueError:
            items = []
        codes = {}
        for item in items:
            codes[item["code"]] = codes.get(item["code"], 0) + 1
        cache[context.site] = {"errors": sum(1 for i in items if i["severity"] == "error"),
                               "warnings": sum(1 for i in items if i["severity"] == "warning"), "codes": codes}
    return cache[context.site]


def output_note(output_name, extra=""):
    def note(context, runs):
        return f"output {context.out(output_name)}{extra}"
    return note


# ---- contenders -----------------------------------------------------------------------------

def yaml_peer(mode, name):
    return Contender(name, lambda c: [c.python, PARSE_PEERS, mode, c.site_catalog], note=throughput_note)


def waymark_build(context):
    """`waymark build`, its cache kept beside the output (`.waymark-cache` in the out root)."""
    return [context.waymark, "build", "--root", context.site, "--output", context.out("waymark"), "--quiet"]


def waymark_cold_build(context):
    """`waymark build --no-cache` into its own folder, removed before each run: a cold build."""
    return [context.waymark, "build", "--root", context.site, "--output", context.out("waymark-cold"), "--quiet",
            "--no-cache"]


def clean_waymark_output(context):
    set_aside(context.out("waymark"))
    set_aside(os.path.join(context.out_root, ".waymark-cache"))


def clean_cold_output(context):
    set_aside(context.out("waymark-cold"))


TOUCHED = {}


def touch_one_catalog_file(context):
    """Marks one catalog file changed (new mtime, same bytes) after a previous build, noting which
    `api/build.json` the output holds before the run."""
    path = os.path.join(context.site_catalog, "domains.yaml")
    os.utime(path)
    TOUCHED["manifest"] = manifest_stamp(context.out("waymark"))


def manifest_stamp(output):
    """The inode and modification time of the output's `api/build.json`, or None."""
    try:
        info = os.stat(os.path.join(output, "api", "build.json"))
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns)


def touch_note(context, runs):
    """The build's note, saying whether the last run kept the output as it was (nothing changed)."""
    text = build_note("waymark")(context, runs)
    stamp = TOUCHED.get("manifest")
    if stamp is not None and stamp == manifest_stamp(context.out("waymark")):
        return text.replace("; wrote ", "; kept ", 1) + " as they were (the build found nothing changed)"
    return text


def warm_build(context):
    """An untimed build first, so the touched-file stage starts from the previous output and cache."""
    clean_waymark_output(context)
    subprocess.run(waymark_build(context), capture_output=True)


EDITS = {"count": 0}


def edited_catalog_file(context):
    """The catalog file the incremental row edits: the first component file, by name."""
    files = sorted(glob.glob(os.path.join(context.site_catalog, "systems", "**", "*.yaml"), recursive=True))
    return next(path for path in files if "kind: Component" in open(path).read())


def edited_docs_page(context):
    """The docs page the incremental row edits: the middle one, by path."""
    pages = sorted(glob.glob(os.path.join(context.site, "content", "docs", "*", "docs", "*.md")))
    return pages[len(pages) // 2]


def edit_one_catalog_file(context):
    """Changes one component's description (a new text each run), as an author's edit would."""
    EDITS["count"] += 1
    path = edited_catalog_file(context)
    with open(path) as handle:
        text = handle.read()
    start = text.index("kind: Component")
    line_start = text.index("  description: ", start)
    line_end = text.index("\n", line_start)
    text = text[:line_start] + f'  description: "Edited for the incremental build, run {EDITS["count"]}."' + text[line_end:]
    replace_file(path, text)


def edit_one_docs_page(context):
    """Changes one paragraph of one docs page (a new text each run)."""
    EDITS["count"] += 1
    path = edited_docs_page(context)
    with open(path) as handle:
        text = handle.read()
    marker = "\n\nEdited for the incremental build"
    if marker in text:
        text = text[:text.index(marker)] + "\n"
    replace_file(path, text.rstrip("\n") + f"{marker}, run {EDITS['count']}.\n")


def replace_file(path, text):
    """Writes `text` as a new file at `path`: the site's docs are hard links to the corpus, never written through."""
    temporary = path + ".edit"
    with open(temporary, "w") as handle:
        handle.write(text)
    os.replace(temporary, path)


def incremental_note(what, goal):
    def note(context, runs):
        statuses = sorted({run["exit_status"] for run in runs})
        return (f"exit {'/'.join(map(str, statuses))}; after editing {what}, cache beside the output; goal: at most "
                f"{goal} of the cold build (the W/P ratio)")
    return note


def hugo_contender(name, env=None):
    def clean(context):
        set_aside(context.out("hugo"))
        remove(os.path.join(context.peers, "hugo", "resources"))
    return Contender(name, lambda c: ["hugo", "--source", os.path.join(c.peers, "hugo"), "--destination", c.out("hugo"),
                                      "--quiet"],
                     env=env or {}, before_each=clean, note=output_note("hugo"))


def docs_sites(context):
    return sorted(glob.glob(os.path.join(context.corpus, "docs", "*", "mkdocs.yml")))


def mkdocs_sites_contender():
    """One `mkdocs build` per docs site, as TechDocs runs it, on an even sample of the sites.

    All sites would take ≈ 0.65 s each (10 min at medium, 1 h 45 min at large, per rep), so a
    sample is built and its times are scaled by sites / sample (the cost is almost all per-site
    start-up); the table shows the scaled figures and the note the measured ones.
    """
    def argv(context):
        listing = os.path.abspath(os.path.join(context.peers, "mkdocs-sites.txt"))
        out = os.path.abspath(context.out("mkdocs-sites"))
        mkdocs = os.path.abspath(context.mkdocs) if os.sep in context.mkdocs else context.mkdocs
        # From each site's folder, as TechDocs runs it: snippets' base_path "." is the working directory.
        return ["bash", "-c", f'i=0; while IFS= read -r s; do (cd "$(dirname "$s")" && "{mkdocs}" build -q '
                              f'-d "{out}/$i") || exit 1; i=$((i+1)); done < "{listing}"']

    def sample_size(context):
        return min(len(docs_sites(context)), context.mkdocs_site_sample) if context.mkdocs_site_sample > 0 \
            else len(docs_sites(context))

    def note(context, runs):
        sites = len(docs_sites(context))
        sample = sample_size(context)
        median = sorted(run["wall_s"] for run in runs)[len(runs) // 2]
        return (f"built {sample} of {sites:,} sites, one `mkdocs build` each as TechDocs does (median "
                f"{median:.2f} s), times scaled ×{sites / sample:.1f} to all sites; output {context.out('mkdocs-sites')}")

    return Contender("mkdocs + techdocs-core, one build per site (sample, scaled to all sites)", argv,
                     before_each=lambda c: set_aside(c.out("mkdocs-sites")), note=note,
                     scale=lambda c: len(docs_sites(c)) / sample_size(c))


def docs_site_note(context, runs):
    inner = runs[-1].get("inner") or {}
    if not inner:
        return ""
    return (f"{inner['pages']:,} pages in {inner['sites']:,} sites, {inner['htmlBytes'] / 1e6:.1f} MB of HTML, "
            f"{inner['files']:,} files; catalog {inner['catalogSeconds']:.2f} s, docs read+render+link-check "
            f"{inner['docsSeconds']:.2f} s, pages through layouts {inner['renderSeconds']:.2f} s, "
            f"write {inner['writeSeconds']:.2f} s; output {context.out('waymark-docs')}")


def peer_sites(context):
    """Lays out the Hugo and mkdocs sites (see bench_layout) once per corpus."""
    lay_out_peer_sites(context.corpus, context.peers, context.mkdocs_site_sample)


# ---- the stages -----------------------------------------------------------------------------

STAGES = [
    Stage("yaml", "YAML loader throughput (catalog files)",
          Contender("waymark-bench yaml", lambda c: [c.waymark_bench, "yaml", c.site_catalog], note=throughput_note),
          [yaml_peer("yaml-load", "PyYAML CSafeLoader load_all"),
           yaml_peer("yaml-events", "libyaml events only (PyYAML CParser)")]),
    Stage("catalog", "catalog load + validate + relate",
          Contender("waymark-bench catalog", lambda c: [c.waymark_bench, "catalog", c.site], note=catalog_note),
          [yaml_peer("yaml-load", "PyYAML CSafeLoader load_all (parse only)")]),
    Stage("docs", "docs sites: every page with site nav, docs nav, TOC and layout, written to disk",
          Contender("waymark-bench docs-site", lambda c: [c.waymark_bench, "docs-site", c.site, c.out("waymark-docs")],
                    before_each=lambda c: set_aside(c.out("waymark-docs")), note=docs_site_note),
          [hugo_contender("Hugo (2 cores), theme with nav and TOC"), mkdocs_sites_contender()],
          setup=peer_sites),
    Stage("events", "events ingest + metrics (CDEvents JSON Lines)",
          Contender("waymark-bench events", lambda c: [c.waymark_bench, "events", c.site]),
          [Contender("Python json.loads per line", lambda c: [c.python, PARSE_PEERS, "jsonl", c.events_file],
                     note=throughput_note)]),
    Stage("policy", "policy results ingest (SARIF)",
          Contender("waymark-bench policy", lambda c: [c.waymark_bench, "policy", c.site]),
          [Contender("Python json.load per file", lambda c: [c.python, PARSE_PEERS, "json-files", c.sarif_folder],
                     versus=policy_ingest.stage_note)]),
    Stage("scorecards", "scorecard evaluation (this repository's policies/ over the corpus)",
          Contender("waymark-bench scorecards", lambda c: [c.waymark_bench, "scorecards", c.site]), []),
    Stage("cel", "CEL checks over the catalog's entities (compiled once, one thread; cel_checks.json)",
          Contender("waymark-bench cel", lambda c: [c.waymark_bench, "cel", c.site, CEL_CHECKS],
                    note=cel_compare.waymark_note),
          [Contender("cel-expr-python (Google's cel-cpp)", lambda c: [c.python, CEL_PEER, c.site_catalog, CEL_CHECKS],
                     versus=cel_compare.peer_note)]),
    Stage("check", "whole check (`waymark check`, nothing written)",
          Contender("waymark check", lambda c: [c.waymark, "check", "--root", c.site, "--format", "json"],
                    note=check_note), []),
    # Against Hugo building the docs pages alone (the same pages as the docs row): the goal is a whole
    # portal in at most the time Hugo takes for its docs.
    Stage("build-cold", "whole build, cold (no previous output, no cache)",
          Contender("waymark build --no-cache", waymark_cold_build, before_each=clean_cold_output,
                    note=build_note("waymark-cold")),
          [hugo_contender("Hugo (2 cores), docs only (the docs row's pages)")], setup=peer_sites),
    Stage("build-touch", "whole build after touching one catalog file",
          Contender("waymark build", waymark_build, before_each=touch_one_catalog_file, note=touch_note), [],
          setup=warm_build),
    # The incremental rows: Waymark with its cache after one edit, against a cold build of the same inputs (the
    # peer): the ratio is the incremental build's share of the cold build's time.
    Stage("build-edit-catalog", "incremental build after editing one catalog file, against a cold build",
          Contender("waymark build (cache)", waymark_build, before_each=edit_one_catalog_file,
                    note=incremental_note("one component's description", "10 %")),
          [Contender("waymark build --no-cache", waymark_cold_build, before_each=clean_cold_output,
                     note=build_note("waymark-cold"))],
          setup=warm_build),
    Stage("build-edit-docs", "incremental build after editing one docs page, against a cold build",
          Contender("waymark build (cache)", waymark_build, before_each=edit_one_docs_page,
                    note=incremental_note("one paragraph of one docs page", "5 %")),
          [Contender("waymark build --no-cache", waymark_cold_build, before_each=clean_cold_output,
                     note=build_note("waymark-cold"))],
          setup=warm_build),
]
