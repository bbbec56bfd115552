"""Lays the generated corpus out as inputs for each contender, once per corpus.

* the corpus itself: `.bench/corpus-<preset>-s<seed>/`, written by gen_corpus.py and reused while
  its manifest's parameters match;
* a Waymark site root: `.bench/site-<preset>-s<seed>/content/{catalog,docs,events,policy-results}`
  (the catalog copied, so touching a file never touches the corpus; the rest hard-linked), so the
  default globs `content/catalog/**/*.yaml` and `**/catalog-info.yaml` find every catalog file —
  the root `catalog-info.yaml` matches both and is read once — and the techdocs-ref paths
  (`dir:../../../docs/<name>`) still reach the docs; its `waymark.yaml` names the corpus's checkout
  root (`/workspace/{org}/{repo}`), so the SARIF results map to their repositories' components,
  and makes the corpus's deliberate dangling refs warnings (`catalog.danglingRefs: warning`), so
  `waymark build` publishes;
* the peers' sites: `.bench/peers-<preset>-s<seed>/` with a Hugo site whose theme has the same
  parts as Waymark's docs page (site nav, docs nav, table of contents), and the list of the
  mkdocs sites (the corpus's own `mkdocs.yml` folders) the per-site peer builds.
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "gen_corpus.py")
LAYOUT_VERSION = "5"


def ensure_corpus(bench_dir, preset, seed):
    """The corpus folder for (preset, seed), generated unless a matching one exists."""
    corpus = os.path.join(bench_dir, f"corpus-{preset}-s{seed}")
    manifest = read_json(os.path.join(corpus, "manifest.json"))
    params = (manifest or {}).get("params", {})
    parts_present = all(key in (manifest or {}) for key in ("catalog", "docs", "events", "policy_results"))
    current = (manifest or {}).get("generator_version") == generator_version()
    if params.get("preset") == preset and params.get("seed") == seed and parts_present and current:
        print(f"corpus: reusing {corpus}", flush=True)
        return corpus
    print(f"corpus: generating {corpus} (preset {preset}, seed {seed})", flush=True)
    subprocess.run([sys.executable, GENERATOR, "--out", corpus, "--preset", preset, "--seed", str(seed), "--force"],
                   check=True)
    return corpus


def generator_version():
    """gen_corpus.py's GENERATOR_VERSION, read from its source (a corpus of an older one is regenerated)."""
    with open(GENERATOR) as handle:
        found = re.search(r'^GENERATOR_VERSION = "([^"]+)"', handle.read(), re.M)
    return found.group(1) if found else ""


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
    with open(os.path.join(site, "waymark.yaml"), "w") as handle:
        handle.write(SITE_CONFIG)
    write_stamp(site, corpus)
    print(f"site: laid out {site}", flush=True)
    return site


# The corpus's scanners ran in per-repository checkouts under /workspace/<org>/<repo>; its
# deliberate dangling refs are warnings, so the whole-build rows time a build that publishes.
SITE_CONFIG = (
    'guardrails:\n  checkoutRoots: ["/workspace/{org}/{repo}"]\n'
    "catalog:\n  danglingRefs: warning\n"
)


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


HUGO_CONFIG = """baseURL = "https://portal.acme.example/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.parser.attribute]
block = true
title = true
[markup.tableOfContents]
startLevel = 2
endLevel = 3
""" + "".join(f"""[[menus.main]]
name = "{name}"
url = "/{target}"
weight = {weight}
""" for weight, (name, target) in enumerate([
    ("Home", ""), ("Catalog", "catalog/"), ("Golden paths", "golden-paths/"), ("Scorecards", "scorecards/"),
    ("Readiness", "readiness/"), ("Delivery", "dora/"), ("Guardrails", "guardrails/"), ("Search", "search/")], start=1))

# The theme mirrors Waymark's docs page (layouts/docs.html): site header with the portal's nav,
# breadcrumbs, the docs site's nav (its pages), the page, previous/next, edit link and word count,
# and the table of contents (h2–h3). Hugo's `NextInSection` is the page before in weight order.
HUGO_BASEOF = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header class="site-header">
  <a class="brand" href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
  <nav aria-label="Site"><ul>
    {{ range .Site.Menus.main }}<li><a href="{{ .URL | relURL }}">{{ .Name }}</a></li>{{ end }}
  </ul></nav>
</header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer class="site-footer"><p>Built by Hugo</p></footer>
</body>
</html>
"""
HUGO_DOCS_PAGE = """{{ define "main" }}{{ partial "docs.html" . }}{{ end }}
"""
HUGO_DOCS_PARTIAL = """{{ $page := . }}{{ $section := .CurrentSection }}
<nav class="breadcrumbs" aria-label="Breadcrumbs">{{ range .Ancestors.Reverse }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> › {{ end }}<span aria-current="page">{{ .Title }}</span></nav>
<div class="docs-layout">
<nav class="docs-nav" aria-label="{{ $section.Title }}">
  <p class="docs-site-name"><a href="{{ $section.RelPermalink }}">{{ $section.Title }}</a></p>
  <ul>
    <li><a href="{{ $section.RelPermalink }}"{{ if eq $section $page }} aria-current="page"{{ end }}>{{ $section.Title }}</a></li>
    {{ range $section.RegularPages }}<li><a href="{{ .RelPermalink }}"{{ if eq . $page }} aria-current="page"{{ end }}>{{ .Title }}</a></li>{{ end }}
  </ul>
</nav>
<article class="docs-content">
  {{ .Content }}
  <nav class="docs-pager" aria-label="Previous and next pages">
    {{ with .NextInSection }}<a href="{{ .RelPermalink }}" rel="prev">← {{ .Title }}</a>{{ end }}
    {{ with .PrevInSection }}<a href="{{ .RelPermalink }}" rel="next">{{ .Title }} →</a>{{ end }}
  </nav>
  <p class="docs-source">{{ with .Params.edit_url }}<a href="{{ . }}" rel="noopener">Edit this page</a> · {{ end }}Source: <code>{{ with .File }}{{ .Path }}{{ end }}</code> · {{ .WordCount }} words</p>
</article>
<nav class="docs-toc" aria-labelledby="toc-heading"><h2 id="toc-heading">On this page</h2>{{ .TableOfContents }}</nav>
</div>
"""
HUGO_HOME = """{{ define "main" }}<h1>Docs</h1>
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""
# Relative `.md` links become page URLs, looked up (and so checked) like Waymark's link rewriting.
HUGO_RENDER_LINK = """{{ $url := urls.Parse .Destination }}{{ $href := .Destination }}
{{- if and (not $url.IsAbs) (strings.HasSuffix $url.Path ".md") }}
{{- with .Page.GetPage (cond (eq $url.Path "index.md") "_index.md" $url.Path) }}{{ $href = .RelPermalink }}{{ end }}
{{- with $url.Fragment }}{{ $href = printf "%s#%s" $href . }}{{ end }}
{{- end -}}
<a href="{{ $href | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>"""
HUGO_STYLE = """body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24}
.site-header{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;border-bottom:1px solid #d0d7de}
.site-header ul{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}
.docs-layout{display:grid;grid-template-columns:14rem minmax(0,1fr) 14rem;gap:2rem;padding:1rem}
.docs-nav ul,.docs-toc ul{list-style:none;padding-left:.75rem}
[aria-current=page]{font-weight:600}
pre{overflow:auto;background:#f6f8fa;padding:.75rem}
"""


# The TechDocs constructs of the corpus, as Hugo shortcodes writing Material's HTML: admonitions,
# collapsible blocks, content tabs (radio inputs and labels, as Material's alternate style) and
# snippets (the file read and rendered in place). Bodies go through `.Page.RenderString`, Hugo's
# way of rendering markdown inside a shortcode; `{.lead}` and `{#id}` attribute lists are Goldmark's
# own (`markup.goldmark.parser.attribute`). Hugo cannot render Graphviz at build time, so a ```dot
# fence stays a code block there (Waymark runs `dot`); code is highlighted by both.
HUGO_SHORTCODES = {
    "admonition": """<div class="admonition {{ .Get "type" }}"><p class="admonition-title">{{ .Get "title" }}</p>
{{ .Inner | .Page.RenderString (dict "display" "block") }}</div>
""",
    "details": """<details class="{{ .Get "type" }}"{{ if eq (.Get "open") "true" }} open{{ end }}><summary>{{ .Get "summary" }}</summary>
{{ .Inner | .Page.RenderString (dict "display" "block") }}</details>
""",
    "tab": """{{ .Parent.Scratch.Add "tabs" (slice (dict "label" (.Get 0) "body" (.Inner | .Page.RenderString (dict "display" "block")))) }}""",
    "tabs": """{{ $_ := .Inner }}{{ $id := .Ordinal }}<div class="tabbed-set tabbed-alternate">
{{ range $i, $t := .Scratch.Get "tabs" }}<input type="radio" name="__tabbed_{{ $id }}" id="__tabbed_{{ $id }}_{{ $i }}"{{ if eq $i 0 }} checked{{ end }}>{{ end }}
<div class="tabbed-labels">{{ range $i, $t := .Scratch.Get "tabs" }}<label for="__tabbed_{{ $id }}_{{ $i }}">{{ $t.label }}</label>{{ end }}</div>
<div class="tabbed-content">{{ range .Scratch.Get "tabs" }}<div class="tabbed-block">{{ .body }}</div>{{ end }}</div></div>
""",
    # A snippet that is one admonition (the corpus's support box) gets the admonition's wrapper.
    "include": """{{ $text := readFile (printf "snippets/%s" (.Get 0)) }}
{{- with findRESubmatch `^!!! ([a-z]+) "([^"]*)"\n` $text 1 }}{{ $head := index . 0 -}}
<div class="admonition {{ index $head 1 }}"><p class="admonition-title">{{ index $head 2 }}</p>
{{ replaceRE `(?m)^    ` "" (replaceRE `^[^\n]*\n` "" $text) | $.Page.RenderString (dict "display" "block") }}</div>
{{- else }}{{ $text | $.Page.RenderString (dict "display" "block") }}{{ end }}""",
}

ADMONITION_HEAD = re.compile(r'^(!!!|\?\?\?\+?) ([a-z]+)(?: "([^"]*)")?$')
TAB_HEAD = re.compile(r'^=== "([^"]*)"$')
SNIPPET_LINE = re.compile(r'^--8<-- "([^"]+)"$')


def indented_body(lines, start):
    """The four-space-indented lines from `start` (blank lines inside kept), dedented; and the next index."""
    end = start
    last = start
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
        if lines[end].strip():
            last = end + 1
        end += 1
    return [line[4:] for line in lines[start:last]], last


def hugo_markdown(text, component):
    """The corpus page in Hugo's terms: admonitions, details and tabs as shortcodes, snippets as
    `include`; fenced code and everything else unchanged."""
    lines = text.split("\n")
    out = []
    index = 0
    fence = None
    while index < len(lines):
        line = lines[index]
        if fence is not None or line.startswith("```"):
            if line.startswith("```"):
                fence = None if fence is not None else line
            out.append(line)
            index += 1
            continue
        head = ADMONITION_HEAD.match(line)
        snippet = SNIPPET_LINE.match(line)
        if head:
            body, index = indented_body(lines, index + 1)
            inner = hugo_markdown("\n".join(body), component)
            marker, kind, title = head.groups()
            if marker == "!!!":
                out += [f'{{{{< admonition type="{kind}" title="{title if title is not None else kind.title()}" >}}}}',
                        inner, "{{< /admonition >}}"]
            else:
                is_open = "true" if marker.endswith("+") else "false"
                out += [f'{{{{< details type="{kind}" summary="{title or kind.title()}" open="{is_open}" >}}}}',
                        inner, "{{< /details >}}"]
        elif TAB_HEAD.match(line):
            out.append("{{< tabs >}}")
            while index < len(lines) and TAB_HEAD.match(lines[index]):
                label = TAB_HEAD.match(lines[index]).group(1)
                body, index = indented_body(lines, index + 1)
                out += [f'{{{{< tab "{label}" >}}}}', hugo_markdown("\n".join(body), component), "{{< /tab >}}"]
                while index < len(lines) and not lines[index].strip() and index + 1 < len(lines) \
                        and TAB_HEAD.match(lines[index + 1]):
                    index += 1
            out.append("{{< /tabs >}}")
        elif snippet:
            out.append(f'{{{{< include "{component}/{snippet.group(1)}" >}}}}')
            index += 1
        else:
            out.append(line)
            index += 1
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def first_heading(text):
    """The text of the page's first `# ` heading, else ''."""
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def mkdocs_site_settings(site_folder):
    """(site_name, repo_url, edit_uri, nav order of page files) from a generated mkdocs.yml.

    The generator writes `key: value` lines and a flat `nav:` of `- "Title": file.md`, so plain
    line reading is enough (no PyYAML in the system Python that lays the sites out).
    """
    settings = {"site_name": "", "repo_url": "", "edit_uri": "edit/master/docs/"}
    order = []
    with open(os.path.join(site_folder, "mkdocs.yml")) as handle:
        for line in handle:
            stripped = line.strip()
            if stripped.startswith("- ") and stripped.endswith(".md"):
                order.append(stripped.rsplit(":", 1)[-1].strip())
            elif ":" in line and not line.startswith(" "):
                key, value = line.split(":", 1)
                if key in settings and value.strip():
                    settings[key] = value.strip().strip('"')
    return settings, order


def lay_out_hugo(corpus, site):
    """A Hugo site of every markdown page with the theme above: same markdown, plus front matter.

    `index.md` would make a leaf bundle whose siblings are resources, not pages, so it becomes
    `_index.md` (a branch bundle: the docs site's home) and every file is rendered. Each file
    gets front matter with what Waymark reads from the page and mkdocs.yml: its title (the first
    `# ` heading, as Waymark takes it), its position in the `nav:` (weight: the nav, previous
    and next follow it) and its edit URL. The markdown itself is unchanged.
    """
    for path, text in (("hugo.toml", HUGO_CONFIG), ("layouts/_default/baseof.html", HUGO_BASEOF),
                       ("layouts/_default/single.html", HUGO_DOCS_PAGE), ("layouts/_default/list.html", HUGO_DOCS_PAGE),
                       ("layouts/partials/docs.html", HUGO_DOCS_PARTIAL), ("layouts/index.html", HUGO_HOME),
                       ("layouts/_default/_markup/render-link.html", HUGO_RENDER_LINK), ("static/style.css", HUGO_STYLE)):
        write(os.path.join(site, path), text)
    for name, text in HUGO_SHORTCODES.items():
        write(os.path.join(site, "layouts", "shortcodes", name + ".html"), text)
    for snippet in sorted(glob.glob(os.path.join(corpus, "docs", "*", "snippets", "*.md"))):
        component = os.path.basename(os.path.dirname(os.path.dirname(snippet)))
        with open(snippet) as handle:
            write(os.path.join(site, "snippets", component, "snippets", os.path.basename(snippet)), handle.read())
    settings_by_site = {}
    for page in markdown_pages(corpus):
        site_folder = os.path.dirname(os.path.dirname(page))
        if site_folder not in settings_by_site:
            settings_by_site[site_folder] = mkdocs_site_settings(site_folder)
        settings, order = settings_by_site[site_folder]
        component = os.path.basename(site_folder)
        name = os.path.basename(page)
        with open(page) as handle:
            text = handle.read()
        title = first_heading(text) or (settings["site_name"] if name == "index.md" else name[:-3])
        weight = order.index(name) + 1 if name in order else len(order) + 1
        edit_url = settings["repo_url"].rstrip("/") + "/" + settings["edit_uri"].strip("/") + "/" + name
        front = f"---\ntitle: {json.dumps(title)}\nweight: {weight}\nedit_url: {json.dumps(edit_url)}\n---\n"
        write(os.path.join(site, "content", component, "_index.md" if name == "index.md" else name),
              front + hugo_markdown(text, component))


def sample_sites(corpus, count):
    """Every k-th component site in name order, `count` of them (all when count <= 0)."""
    sites = sorted(glob.glob(os.path.join(corpus, "docs", "*", "mkdocs.yml")))
    if count <= 0 or count >= len(sites):
        return sites
    step = len(sites) / count
    return [sites[int(index * step)] for index in range(count)]


def lay_out_peer_sites(corpus, peers, mkdocs_site_sample):
    """The Hugo site and the list of the mkdocs sites sampled (one `mkdocs build` each) under `peers`."""
    listing = os.path.join(peers, "mkdocs-sites.txt")
    if not (os.path.isdir(peers) and stamp_matches(peers, corpus)):
        shutil.rmtree(peers, ignore_errors=True)
        lay_out_hugo(corpus, os.path.join(peers, "hugo"))
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
