"""The bench's docs fidelity figure: the TechDocs fidelity corpus (Tests/Fixtures/techdocs-fidelity)
built by mkdocs (techdocs-core, the bench's venv) and by Waymark, each page's content compared as
fidelity_tree's normalised trees, so the docs speed ratio is read next to how alike the pages are.

Standard library only (mkdocs runs as a command).
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(os.path.dirname(HERE), "Fixtures", "techdocs-fidelity")
SITE = os.path.join(FIXTURE, "content", "docs", "fidelity")
sys.path.insert(0, FIXTURE)

import fidelity_tree  # noqa: E402


def measure(waymark, mkdocs, scratch):
    """{"status": "measured", "pages": {page: agreement}}, or {"status": "failed", "note": why}."""
    os.makedirs(scratch, exist_ok=True)
    # mkdocs runs from the site's folder (snippets' base_path is the working directory), so a
    # relative command path (the Makefile's .bench/venv/bin/mkdocs) is made absolute first.
    mkdocs = os.path.abspath(mkdocs) if os.sep in mkdocs else mkdocs
    with tempfile.TemporaryDirectory(dir=scratch, prefix="fidelity-") as temp:
        mkdocs_out = os.path.join(temp, "mkdocs")
        waymark_out = os.path.join(temp, "waymark")
        builds = [
            ("mkdocs build", [mkdocs, "build", "--quiet", "--site-dir", mkdocs_out], SITE),
            ("waymark build", [waymark, "build", "--root", FIXTURE, "--output", waymark_out,
                               "--base-url", "/site/", "--quiet"], None),
        ]
        for name, argv, cwd in builds:
            try:
                process = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
            except OSError as error:
                return {"status": "failed", "note": f"{name}: {error}"}
            if process.returncode != 0:
                tail = (process.stderr or process.stdout).strip().splitlines()[-1:] or [""]
                return {"status": "failed", "note": f"{name} exited {process.returncode}: {tail[0]}"}
        pages = {}
        for page, folder in fidelity_tree.pages(Path(SITE)):
            with open(os.path.join(mkdocs_out, folder, "index.html")) as handle:
                expected = fidelity_tree.lines(fidelity_tree.mkdocs_content(handle.read()))
            path = os.path.join(waymark_out, "docs", "default", "component", "fidelity", folder, "index.html")
            with open(path) as handle:
                actual = fidelity_tree.lines(fidelity_tree.waymark_content(handle.read()))
            pages[page] = round(fidelity_tree.agreement(expected, actual), 4)
    return {"status": "measured", "pages": pages}


def summary(fidelity):
    """{"pages", "lowest", "lowest_page", "mean"} of a measured result, else None (ties on the lowest
    score name the first page in order)."""
    if not fidelity or fidelity.get("status") != "measured" or not fidelity.get("pages"):
        return None
    pages = fidelity["pages"]
    lowest_page = min(sorted(pages), key=lambda page: pages[page])
    return {"pages": len(pages), "lowest": pages[lowest_page], "lowest_page": lowest_page,
            "mean": sum(pages.values()) / len(pages)}


def report_text(fidelity):
    """The agreement as results.md states it, or why it is missing."""
    figures = summary(fidelity)
    if figures is None:
        return f"fidelity with mkdocs not measured: {(fidelity or {}).get('note', 'no pages')}"
    return (f"fidelity with mkdocs (techdocs-core) over the {figures['pages']}-page corpus "
            f"Tests/Fixtures/techdocs-fidelity: lowest {figures['lowest']:.1%} (`{figures['lowest_page']}`), "
            f"mean {figures['mean']:.1%} of content-tree nodes agree")
