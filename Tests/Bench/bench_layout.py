"""Lays the generated corpus out as inputs for each contender, once per corpus.

* the corpus itself: `.bench/corpus-<preset>-s<seed>/`, written by gen_corpus.py and reused while
  its manifest's parameters match;
* a Waymark site root: `.bench/site-<preset>-s<seed>/content/{catalog,docs,events,policy-results}`
  (the catalog copied, so touching a file never touches the corpus; the rest hard-linked), so the
  default globs `content/catalog/**/*.yaml` and `**/catalog-info.yaml` find every catalog file —
  the root `catalog-info.yaml` matches both and is read once — and the techdocs-ref paths
  (`dir:../../../docs/<name>`) still reach the docs;
* the peers' sites: `.bench/peers-<preset>-s<seed>/` with a minimal Hugo site and mkdocs sites.
"""

import glob
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "gen_corpus.py")
LAYOUT_VERSION = "1"


def ensure_corpus(bench_dir, preset, seed):
    """The corpus folder for (preset, seed), generated unless a matching one exists."""
    corpus = os.path.join(bench_dir, f"corpus-{preset}-s{seed}")
    manifest = read_json(os.path.join(corpus, "manifest.json"))
    params = (manifest or {}).get("params", {})
    parts_present = all(key in (manifest or {}) for key in ("catalog", "docs", "events", "policy_results"))
    if params.get("preset") == preset and params.get("seed") == seed and parts_present:
        print(f"corpus: reusing {corpus}", flush=True)
        return corpus
    print(f"corpus: generating {corpus} (preset {preset}, seed {seed})", flush=True)
    subprocess.run([sys.executable, GENERATOR, "--out", corpus, "--preset", preset, "--seed", str(seed), "--force"],
                   check=True)
    return corpus


def read_json(path):
    try:
        with open(path) as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def stamp_matches(folder, corpus):
    """Whether `folder` was laid out from this corpus by this version of the layout."""
    stamp = read_json(os.path.join(folder, ".layout.json"))
    return stamp == {"corpus": os.path.abspath(corpus), "version": LAYOUT_VERSION,
                     "manifest_mtime": os.path.getmtime(os.path.join(corpus, "manifest.json"))}


def write_stamp(folder, corpus):
    with open(os.path.join(folder, ".layout.json"), "w") as handle:
        json.dump({"corpus": os.path.abspath(corpus), "version": LAYOUT_VERSION,
                   "manifest_mtime": os.path.getmtime(os.path.join(corpus, "manifest.json"))}, handle)


def link_or_copy(source, destination):
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    try:
        os.link(source, destination)
    except OSError:
        shutil.copyfile(source, destination)


def ensure_site(bench_dir, corpus):
    """The Waymark site root laid out from `corpus` (see the module summary)."""
    site = os.path.join(bench_dir, os.path.basename(corpus).replace("corpus-", "site-", 1))
    if os.path.isdir(site) and stamp_matches(site, corpus):
        copy_scorecards(site)
        return site
    shutil.rmtree(site, ignore_errors=True)
    content = os.path.join(site, "content")
    shutil.copytree(os.path.join(corpus, "catalog"), os.path.join(content, "catalog"))
    for part in ("docs", "events", "policy-results"):
        for path in glob.glob(os.path.join(corpus, part, "**", "*"), recursive=True):
            if os.path.isfile(path):
                link_or_copy(path, os.path.join(content, os.path.relpath(path, corpus)))
    copy_scorecards(site)
    write_stamp(site, corpus)
    print(f"site: laid out {site}", flush=True)
    return site


def copy_scorecards(site):
    """This repository's scorecards (not its waivers, which name demo entities) as the site's policies."""
    repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    target = os.path.join(site, "policies")
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    for path in sorted(glob.glob(os.path.join(repository, "policies", "*.yaml"))):
        if os.path.basename(path) != "waivers.yaml":
            shutil.copyfile(path, os.path.join(target, os.path.basename(path)))


def markdown_pages(corpus):
    return sorted(glob.glob(os.path.join(corpus, "docs", "*", "docs", "*.md")))


HUGO_CONFIG = '''baseURL = "https://portal.acme.example/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
'''
HUGO_SINGLE = '''<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ .Content }}</main></body></html>
'''
HUGO_LIST = '''<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ .Content }}</main><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
'''


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def lay_out_hugo(corpus, site):
    """A minimal Hugo site rendering every markdown page (as ../shared/bench/anchors does).

    `index.md` would make a leaf bundle whose siblings are resources, not pages, so it becomes
    `_index.md` (a branch bundle) and every file is rendered.
    """
    write(os.path.join(site, "hugo.toml"), HUGO_CONFIG)
    write(os.path.join(site, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(site, "layouts", "_default", "list.html"), HUGO_LIST)
    write(os.path.join(site, "layouts", "index.html"), HUGO_LIST)
    for page in markdown_pages(corpus):
        component = page.split(os.sep)[-3]
        name = os.path.basename(page)
        link_or_copy(page, os.path.join(site, "content", component, "_index.md" if name == "index.md" else name))


def sample_sites(corpus, count):
    """Every k-th component site in name order, `count` of them (all when count <= 0)."""
    sites = sorted(glob.glob(os.path.join(corpus, "docs", "*", "mkdocs.yml")))
    if count <= 0 or count >= len(sites):
        return sites
    step = len(sites) / count
    return [sites[int(index * step)] for index in range(count)]


def lay_out_mkdocs_combined(corpus, site):
    """One mkdocs site holding every component's docs, with a one-entry nav (every page is built)."""
    docs = os.path.join(site, "docs")
    components = []
    for page in markdown_pages(corpus):
        component = page.split(os.sep)[-3]
        if not components or components[-1] != component:
            components.append(component)
        link_or_copy(page, os.path.join(docs, component, os.path.basename(page)))
    write(os.path.join(docs, "index.md"),
          "# Developer portal docs\n\n" + "".join(f"- [{c}]({c}/index.md)\n" for c in components))
    write(os.path.join(site, "mkdocs.yml"),
          "site_name: Combined docs\ndocs_dir: docs\nnav:\n  - Home: index.md\nplugins:\n  - techdocs-core\n")


def lay_out_peer_sites(corpus, peers, mkdocs_site_sample):
    """The Hugo site, the mkdocs combined site and the per-site sample list under `peers`."""
    listing = os.path.join(peers, "mkdocs-sites.txt")
    if not (os.path.isdir(peers) and stamp_matches(peers, corpus)):
        shutil.rmtree(peers, ignore_errors=True)
        lay_out_hugo(corpus, os.path.join(peers, "hugo"))
        lay_out_mkdocs_combined(corpus, os.path.join(peers, "mkdocs-combined"))
        write_stamp(peers, corpus)
        print(f"peers: laid out {peers}", flush=True)
    write(listing, "\n".join(os.path.abspath(s) for s in sample_sites(corpus, mkdocs_site_sample)) + "\n")


def corpus_sizes(corpus):
    """Files and MB of each part, and the counts from the manifest."""
    def size(paths):
        return sum(os.path.getsize(path) for path in paths) / 1e6

    catalog = sorted(glob.glob(os.path.join(corpus, "catalog", "**", "*.yaml"), recursive=True))
    pages = markdown_pages(corpus)
    sarif = sorted(glob.glob(os.path.join(corpus, "policy-results", "*.sarif")))
    events = os.path.join(corpus, "events", "events.jsonl")
    manifest = read_json(os.path.join(corpus, "manifest.json")) or {}
    return {
        "catalog_files": len(catalog), "catalog_mb": size(catalog),
        "entities": manifest.get("catalog", {}).get("entities", 0),
        "docs_sites": manifest.get("docs", {}).get("sites", 0), "docs_pages": len(pages), "docs_mb": size(pages),
        "events": manifest.get("events", {}).get("events", 0), "events_mb": size([events]),
        "sarif_files": len(sarif), "sarif_mb": size(sarif),
        "sarif_results": manifest.get("policy_results", {}).get("results", 0),
    }
