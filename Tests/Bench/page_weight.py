"""Page weight per page type of a built portal, checked against the budget below.

`make bench` writes the whole portal of the preset (`waymark-bench site`) and reads it back here:
every HTML page is classified by its path (home, catalog explorer, entity page, API page, …),
and for each type the report gives the number of pages, the median and largest HTML size, and
the CSS and JS bytes a page of that type loads: the stylesheets (`<link rel="stylesheet">`) and
scripts (`<script src>`) it references, each distinct file counted once per page. Assets shared
by every page (`assets/style.css`) therefore appear in every row, although a visitor downloads
them once; the site line counts every asset once. Inline `<style>`/`<script>` and inline SVG
are part of the HTML bytes.

BUDGETS is the budget, the one place it is kept (the manual's performance page quotes it).
Pure logic apart from reading the folder in `measure_site`, so `test_page_weight.py` checks it
without the corpus. Standard library only.
"""

import os
import re
import statistics
from dataclasses import dataclass

KB = 1024


@dataclass(frozen=True)
class Budget:
    """The most one page of a type may weigh: its HTML, and the CSS and JS it loads (bytes)."""
    html: int
    css: int
    js: int


# Page types in report order: (id, what the table calls it).
PAGE_TYPES = [
    ("home", "home"),
    ("catalog", "catalog explorer"),
    ("entity", "entity page"),
    ("api", "API page"),
    ("group", "group page"),
    ("user", "user page"),
    ("system-domain", "system / domain page"),
    ("docs", "docs page"),
    ("golden-paths", "golden paths"),
    ("scorecards", "scorecards"),
    ("readiness", "readiness report"),
    ("dora", "DORA dashboard"),
    ("guardrails", "guardrails"),
    ("search", "search"),
    ("404", "404"),
    ("other", "other (unclassified)"),
]

# The budget, set for the large preset (20,000 entities, 10,000 docs pages, 600 groups). A page
# about one thing (an entity, a docs page, a team) must stay small whatever the catalog's size;
# the pages that list the whole catalog grow with it and get a budget for the large preset: the
# explorer holds its first 100 rows and its filters' options, and loads the other rows from
# `api/catalog-explorer/<n>.json` (issue 24: under 512 KB at 20,000 entities); the
# readiness report lists the entities below a level; the DORA dashboard and the guardrails page
# should summarise (tables of teams and findings by rule), not list every component or result.
# CSS and JS: what one page loads, shared files included; no page needs more than one script.
BUDGETS = {
    "home": Budget(html=64 * KB, css=16 * KB, js=8 * KB),
    "catalog": Budget(html=512 * KB, css=16 * KB, js=8 * KB),
    "entity": Budget(html=160 * KB, css=16 * KB, js=8 * KB),
    "api": Budget(html=256 * KB, css=16 * KB, js=8 * KB),
    "group": Budget(html=512 * KB, css=16 * KB, js=8 * KB),
    "user": Budget(html=64 * KB, css=16 * KB, js=8 * KB),
    "system-domain": Budget(html=512 * KB, css=16 * KB, js=8 * KB),
    "docs": Budget(html=64 * KB, css=16 * KB, js=8 * KB),
    "golden-paths": Budget(html=128 * KB, css=16 * KB, js=8 * KB),
    "scorecards": Budget(html=1024 * KB, css=16 * KB, js=8 * KB),
    "readiness": Budget(html=4 * 1024 * KB, css=16 * KB, js=8 * KB),
    "dora": Budget(html=1024 * KB, css=16 * KB, js=8 * KB),
    "guardrails": Budget(html=2 * 1024 * KB, css=16 * KB, js=8 * KB),
    "search": Budget(html=16 * KB, css=16 * KB, js=16 * KB),
    "404": Budget(html=8 * KB, css=16 * KB, js=8 * KB),
}
# Every distinct stylesheet and script the site ships, each counted once.
SITE_BUDGET = {"css": 24 * KB, "js": 24 * KB}

ENTITY_KIND_TYPES = {"api": "api", "group": "group", "user": "user", "system": "system-domain",
                     "domain": "system-domain"}
TOP_LEVEL_PAGES = {"index.html": "home", "catalog/index.html": "catalog", "404.html": "404",
                   "scorecards/index.html": "scorecards", "readiness/index.html": "readiness",
                   "dora/index.html": "dora", "guardrails/index.html": "guardrails", "search/index.html": "search",
                   "golden-paths/index.html": "golden-paths"}


def classify(path):
    """The page type of an output file (a `/`-separated path relative to the site), or None
    when it is not a page (`.json`, `.css`, images, …)."""
    if not path.endswith(".html"):
        return None
    if path in TOP_LEVEL_PAGES:
        return TOP_LEVEL_PAGES[path]
    parts = path.split("/")
    # catalog/<namespace>/<kind>/<name>/index.html
    if parts[0] == "catalog" and len(parts) == 5 and parts[4] == "index.html":
        return ENTITY_KIND_TYPES.get(parts[2], "entity")
    # docs/<namespace>/<kind>/<name>/[<page>/…]index.html
    if parts[0] == "docs" and len(parts) >= 5 and parts[-1] == "index.html":
        return "docs"
    return "other"


TAG = re.compile(r"<(link|script)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def attributes(text):
    """The attributes of a tag's inside, names lower-cased."""
    return {match.group(1).lower(): next(group for group in match.groups()[1:] if group is not None)
            for match in ATTRIBUTE.finditer(text)}


def referenced_assets(html):
    """(stylesheets, scripts): the hrefs of `<link rel="stylesheet">` and srcs of `<script src>`,
    in order of appearance, each once."""
    styles, scripts = [], []
    for match in TAG.finditer(html):
        attrs = attributes(match.group(2))
        if match.group(1).lower() == "link":
            if "stylesheet" in attrs.get("rel", "").lower().split() and attrs.get("href"):
                styles.append(attrs["href"])
        elif attrs.get("src"):
            scripts.append(attrs["src"])
    return list(dict.fromkeys(styles)), list(dict.fromkeys(scripts))


def resolve(page_path, reference):
    """The site-relative path a page's relative reference points to, or None when it is absolute
    (another host, a root-relative URL) or climbs out of the site."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", reference) or reference.startswith("/"):
        return None
    reference = reference.split("#", 1)[0].split("?", 1)[0]
    parts = page_path.split("/")[:-1]
    for segment in reference.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(segment)
    return "/".join(parts)


def page_weights(pages, asset_size):
    """Per page: {path, type, html, css, js (bytes), assets: {css: [paths], js: [paths]}, unresolved}.

    `pages` is a list of (path, html text, html byte count); `asset_size(path)` gives a
    site-relative file's size, or None when it does not exist. A reference that is absolute
    or missing adds nothing and is listed as unresolved.
    """
    weights = []
    for path, html, size in pages:
        kind = classify(path)
        if kind is None:
            continue
        styles, scripts = referenced_assets(html)
        totals = {"css": 0, "js": 0}
        assets = {"css": [], "js": []}
        unresolved = []
        for group, references in (("css", styles), ("js", scripts)):
            for resolved in dict.fromkeys(resolve(path, reference) or reference for reference in references):
                file_size = asset_size(resolved)
                if file_size is None:
                    unresolved.append(resolved)
                else:
                    totals[group] += file_size
                    assets[group].append(resolved)
        weights.append({"path": path, "type": kind, "html": size, "css": totals["css"], "js": totals["js"],
                        "assets": assets, "unresolved": unresolved})
    return weights


def summarize(weights, budgets=None):
    """Per page type: pages, median and max HTML (and the largest page), max CSS and JS, and the
    budget breaches. Types with no page are left out."""
    budgets = BUDGETS if budgets is None else budgets
    rows = []
    for kind, label in PAGE_TYPES:
        of_kind = [weight for weight in weights if weight["type"] == kind]
        if not of_kind:
            continue
        largest = max(of_kind, key=lambda weight: (weight["html"], weight["path"]))
        row = {"type": kind, "label": label, "pages": len(of_kind),
               "median_html": statistics.median(weight["html"] for weight in of_kind),
               "max_html": largest["html"], "max_html_path": largest["path"],
               "css": max(weight["css"] for weight in of_kind), "js": max(weight["js"] for weight in of_kind),
               "unresolved": sorted({ref for weight in of_kind for ref in weight["unresolved"]})}
        row["budget"] = vars(budgets[kind]) if kind in budgets else None
        row["over"] = breaches(row, budgets.get(kind))
        rows.append(row)
    return rows


def breaches(row, budget):
    """What of `row` exceeds `budget`: a list of `(measure, value, limit)`; a page type with no
    budget (`other`) is itself a breach, so nothing goes unbudgeted."""
    if budget is None:
        return [("budget", row["pages"], 0)]
    return [(measure, value, limit) for measure, value, limit in
            (("html", row["max_html"], budget.html), ("css", row["css"], budget.css), ("js", row["js"], budget.js))
            if value > limit]


def site_assets(weights, asset_size):
    """Every distinct stylesheet and script any page loads, each counted once:
    {"css": bytes, "js": bytes, "css_files": n, "js_files": n, "over": [(measure, value, limit)]}."""
    totals = {}
    for group in ("css", "js"):
        paths = {path for weight in weights for path in weight["assets"][group]}
        totals[group] = sum(asset_size(path) or 0 for path in paths)
        totals[f"{group}_files"] = len(paths)
    totals["over"] = [(group, totals[group], SITE_BUDGET[group]) for group in ("css", "js")
                      if totals[group] > SITE_BUDGET[group]]
    return totals


def measure_site(folder):
    """Reads every page of a built portal under `folder`: the per-type summary and site assets."""
    sizes = {}

    def asset_size(path):
        if path not in sizes:
            full = os.path.join(folder, *path.split("/"))
            sizes[path] = os.path.getsize(full) if os.path.isfile(full) else None
        return sizes[path]

    weights = []
    for directory, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            full = os.path.join(directory, name)
            path = os.path.relpath(full, folder).replace(os.sep, "/")
            if classify(path) is None:
                continue
            with open(full, "rb") as handle:
                data = handle.read()
            weights += page_weights([(path, data.decode("utf-8", "replace"), len(data))], asset_size)
    return {"rows": summarize(weights), "site": site_assets(weights, asset_size), "pages": len(weights)}


def format_bytes(value):
    """`812 B`, `14.2 KB`, `3.40 MB` (1 KB = 1,024 bytes)."""
    if value < KB:
        return f"{value:.0f} B"
    if value < KB * KB:
        return f"{value / KB:.1f} KB"
    return f"{value / KB / KB:.2f} MB"


def report_markdown(weight):
    """The page-weight section of the bench report: the table, then the site's assets."""
    lines = [
        "| page type | pages | median HTML | max HTML | CSS loaded | JS loaded | budget (HTML / CSS / JS) | within budget |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in weight["rows"]:
        budget = row["budget"]
        budget_cell = (f"{format_bytes(budget['html'])} / {format_bytes(budget['css'])} / {format_bytes(budget['js'])}"
                       if budget else "none")
        verdict = "yes" if not row["over"] else "**OVER BUDGET**: " + ", ".join(
            breach_text(*breach) for breach in row["over"])
        if row["over"] and row["max_html_path"]:
            verdict += f" (largest: `{row['max_html_path']}`)"
        if row["unresolved"]:
            verdict += f"; unresolved assets: {', '.join(row['unresolved'][:3])}"
        lines.append(f"| {row['label']} | {row['pages']:,} | {format_bytes(row['median_html'])} | "
                     f"{format_bytes(row['max_html'])} | {format_bytes(row['css'])} | {format_bytes(row['js'])} | "
                     f"{budget_cell} | {verdict} |")
    site = weight["site"]
    over = [row for row in weight["rows"] if row["over"]] + ([site] if site["over"] else [])
    lines += [
        "",
        f"CSS and JS per row: the distinct files one page of the type loads (the shared `assets/style.css` is in every "
        f"row; a visitor downloads it once). The site ships {format_bytes(site['css'])} of CSS in {site['css_files']} "
        f"files and {format_bytes(site['js'])} of JS in {site['js_files']} files, each counted once (budget "
        f"{format_bytes(SITE_BUDGET['css'])} CSS, {format_bytes(SITE_BUDGET['js'])} JS"
        + ("" if not site["over"] else "; **OVER BUDGET**: " + ", ".join(breach_text(*b) for b in site["over"])) + ").",
        "",
        ("**Over budget:** " + ", ".join(row.get("label", "site assets") for row in over) + "."
         if over else "Every page type is within its budget."),
    ]
    return "\n".join(lines) + "\n"


def breach_text(measure, value, limit):
    if measure == "budget":
        return "no budget for this page type"
    return f"{measure.upper()} {format_bytes(value)} > {format_bytes(limit)}"
