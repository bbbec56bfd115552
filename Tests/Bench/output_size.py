"""The whole portal's size per top-level folder, and its largest files (issue 24: the output must
not repeat itself, and the catalog explorer's HTML stays under 512 KB at the large preset).

`measure_output(folder)` walks the output once; `report_markdown(sizes)` is the table the bench
prints under the page weights. Files at the top level (index.html, 404.html) count as `(top level)`.
"""

import os

TOP_LEVEL = "(top level)"
CATALOG_PAGE = "catalog/index.html"
CATALOG_PAGE_BUDGET = 512 * 1024


def measure_output(folder, largest=5):
    """{"folders": {name: {"files", "bytes"}}, "files", "bytes", "largest": [[path, bytes]…],
    "catalog_page_bytes"}: every regular file under `folder`, by the top-level folder it is in."""
    folders = {}
    sizes = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories.sort()
        for name in sorted(names):
            path = os.path.join(directory, name)
            if not os.path.isfile(path) or os.path.islink(path):
                continue
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            size = os.path.getsize(path)
            top = relative.split("/", 1)[0] if "/" in relative else TOP_LEVEL
            entry = folders.setdefault(top, {"files": 0, "bytes": 0})
            entry["files"] += 1
            entry["bytes"] += size
            sizes.append((relative, size))
    sizes.sort(key=lambda item: (-item[1], item[0]))
    return {
        "folders": dict(sorted(folders.items())),
        "files": len(sizes), "bytes": sum(size for _, size in sizes),
        "largest": [list(item) for item in sizes[:largest]],
        "catalog_page_bytes": dict(sizes).get(CATALOG_PAGE),
    }


def format_bytes(count):
    """Bytes as B, KB or MB (1,000-based, one decimal above a kilobyte)."""
    if count < 1000:
        return f"{count} B"
    if count < 1000 * 1000:
        return f"{count / 1000:.1f} KB"
    return f"{count / 1e6:.1f} MB"


def report_markdown(sizes):
    """A table of folders, biggest first, then the largest files and the catalog page's budget."""
    rows = sorted(sizes["folders"].items(), key=lambda item: (-item[1]["bytes"], item[0]))
    total = sizes["bytes"] or 1
    lines = ["| folder | files | bytes | share |", "| --- | ---: | ---: | ---: |"]
    for name, entry in rows:
        label = name if name == TOP_LEVEL else f"`{name}/`"
        lines.append(f"| {label} | {entry['files']:,} | {format_bytes(entry['bytes'])} | "
                     f"{100 * entry['bytes'] / total:.1f} % |")
    lines.append(f"| **all** | {sizes['files']:,} | {format_bytes(sizes['bytes'])} | 100.0 % |")
    largest = ", ".join(f"`{path}` {format_bytes(size)}" for path, size in sizes["largest"])
    lines += ["", f"Largest files: {largest}."]
    page = sizes.get("catalog_page_bytes")
    if page is not None:
        verdict = "within" if page <= CATALOG_PAGE_BUDGET else "**OVER**"
        lines.append(f"`{CATALOG_PAGE}`: {format_bytes(page)}, {verdict} its 512 KB budget.")
    return "\n".join(lines) + "\n"
