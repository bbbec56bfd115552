#!/usr/bin/env python3
"""Renders the fidelity corpus with `mkdocs build` (mkdocs-techdocs-core) and writes each page's
normalised content tree to goldens/<page>.txt, so the comparison test needs no mkdocs.

Usage: render_goldens.py [path/to/mkdocs]   (default: .bench/venv/bin/mkdocs, then `mkdocs`)
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import fidelity_tree

HERE = Path(__file__).resolve().parent
SITE = HERE / "content" / "docs" / "fidelity"


def main():
    mkdocs = sys.argv[1] if len(sys.argv) > 1 else None
    if mkdocs is None:
        local = HERE.parents[2] / ".bench" / "venv" / "bin" / "mkdocs"
        mkdocs = str(local) if local.exists() else shutil.which("mkdocs")
    with tempfile.TemporaryDirectory(dir=HERE.parents[2] / ".build") as temp:
        subprocess.run([mkdocs, "build", "--quiet", "--site-dir", temp], cwd=SITE, check=True)
        goldens = HERE / "goldens"
        goldens.mkdir(exist_ok=True)
        for name, folder in fidelity_tree.pages(SITE):
            html = (Path(temp) / folder / "index.html").read_text()
            tree = fidelity_tree.lines(fidelity_tree.mkdocs_content(html))
            (goldens / f"{name}.txt").write_text("\n".join(tree) + "\n")
    print(f"wrote {len(list(goldens.glob('*.txt')))} goldens")


if __name__ == "__main__":
    main()
