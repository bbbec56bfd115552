"""Normalised content trees of TechDocs pages, for comparing Waymark's rendering with mkdocs'.

A page's content area becomes a list of lines, one per element or text run, indented by depth:
`div.admonition.note`, `p.admonition-title`, `#Heads up`. Kept: element names, the classes that
carry meaning (admonition types, tabs, details, critic, attribute-list classes), text with
whitespace collapsed. Presentation that differs by design is folded:

- a code block (Pygments' table or Waymark's `<pre>`) is one `codeblock` node, with its file name
  and its code text (line numbers left out); inline code is `code` and its text;
- `span` wrappers are unwrapped (highlighting tokens), except critic comments and file names;
- an emoji, as mkdocs' `<img alt="😄">` or Waymark's `<span>😄</span>`, is `emoji` + the character;
- an inline SVG diagram is one `svg` node (its drawing depends on the Graphviz version);
- permalinks (`a.headerlink`) and mkdocs' own page chrome are dropped;
- a heading keeps its id (`h2 id=setup_1`), so anchors are compared too.

Used by render_goldens.py (mkdocs' side) and Tests/Browser/test_techdocs_fidelity.py (Waymark's).
"""

from difflib import SequenceMatcher
from html.parser import HTMLParser

KEPT_CLASSES = {
    "admonition", "admonition-title", "note", "abstract", "info", "tip", "success", "question", "warning",
    "failure", "danger", "bug", "example", "quote", "tabbed-set", "tabbed-alternate", "tabbed-labels",
    "tabbed-content", "tabbed-block", "critic", "comment", "section", "figure", "note-text", "mermaid",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col"}
LITERAL_SYNTAX = ["!!!", "???", "===", "{:", "*[", "++", "==", "^^", "{%", "--8<--"]


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html):
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def find(node, predicate):
    if not isinstance(node, Node):
        return None
    if predicate(node):
        return node
    for child in node.children:
        found = find(child, predicate)
        if found is not None:
            return found
    return None


def code_text(node):
    """The code of a code block, without Pygments' line-number cells."""
    code = find(node, lambda n: n.tag == "td" and "code" in n.classes()) or find(node, lambda n: n.tag == "code")
    return " ".join((code.text() if code else node.text()).split())


def lines(node, depth=0, out=None):
    out = [] if out is None else out
    for child in node.children:
        if isinstance(child, str):
            text = " ".join(child.split())
            if text:
                out.append("  " * depth + "#" + text)
            continue
        classes = child.classes()
        if child.tag == "a" and "headerlink" in classes:
            continue
        if child.tag == "div" and "highlight" in classes:
            out.append("  " * depth + "codeblock")
            title = find(child, lambda n: "filename" in n.classes())
            if title is not None:
                out.append("  " * (depth + 1) + "#" + " ".join(title.text().split()))
            out.append("  " * (depth + 1) + "#" + code_text(child))
            continue
        if child.tag == "svg":
            out.append("  " * depth + "svg")
            continue
        if "emojione" in classes or "twemoji" in classes:
            out.append("  " * depth + "emoji " + (child.attrs.get("alt") or child.text()).strip())
            continue
        if child.tag == "code" and not ({"critic"} & set(classes)):
            out.append("  " * depth + "code")
            text = " ".join(child.text().split())
            if text:
                out.append("  " * (depth + 1) + "#" + text)
            continue
        if child.tag == "span" and not ({"critic", "filename"} & set(classes)):
            lines(child, depth, out)
            continue
        kept = [c for c in classes if c in KEPT_CLASSES]
        name = ".".join([child.tag] + kept)
        if child.tag in HEADINGS and child.attrs.get("id"):
            name += " id=" + child.attrs["id"]
        out.append("  " * depth + name)
        lines(child, depth + 1, out)
    return out


def mkdocs_content(html):
    """The rendered markdown of an mkdocs (Material) page."""
    article = find(parse(html), lambda n: n.tag == "article")
    article.children = [c for c in article.children if not (isinstance(c, Node) and c.tag == "a")]
    return article


def waymark_content(html):
    """The rendered markdown of a Waymark docs page (the pager and source line left out)."""
    article = find(parse(html), lambda n: n.tag == "article" and "docs-content" in n.classes())
    article.children = [
        c for c in article.children
        if not (isinstance(c, Node) and (c.tag == "nav" or "docs-source" in c.classes()))
    ]
    return article


def pages(site):
    """(golden name, output folder) of each page: the site's own and those its monorepo include
    (`ledger/`) merges in, published under the included site's name."""
    found = []
    for docs, prefix in [(site / "docs", ""), (site / "ledger" / "docs", "ledger/")]:
        for page in sorted(docs.glob("*.md")):
            folder = prefix + ("" if page.stem == "index" else page.stem)
            found.append(((prefix.replace("/", "--") + page.stem), folder))
    return found


def agreement(expected, actual):
    """The share of nodes the two trees have in common, in order (difflib's ratio)."""
    return SequenceMatcher(None, expected, actual, autojunk=False).ratio()


def heading_ids(tree_lines):
    """The headings of a normalised tree with their ids, in order (`h2 id=setup_1`)."""
    return [line.strip() for line in tree_lines if line.strip().split(".")[0].split(" ")[0] in HEADINGS]


def literal_syntax(tree_lines):
    """The extension syntax left as text in a normalised tree (code blocks excluded)."""
    found = []
    previous = ""
    for line in tree_lines:
        stripped = line.strip()
        if stripped.startswith("#") and previous.strip() != "codeblock" and not previous.strip().startswith("code"):
            found += [token for token in LITERAL_SYNTAX if token in stripped]
        previous = line if not stripped.startswith("#") else previous
    return found
