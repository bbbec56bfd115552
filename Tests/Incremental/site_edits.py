"""Random, seeded edits of a generated Waymark site, for the incremental-build test.

Every kind of input is edited: catalog files, docs pages and `mkdocs.yml`, event exports, policy
results (SARIF), scorecards (policies/), the site's layouts and `waymark.yaml`; each is changed,
added, deleted or renamed, and now and then a file is put back as it was some edits ago (so the
cache meets contents it has seen before). A few edits break the site (a layout syntax error, a
YAML error): the build then publishes nothing, and the next edits repair it. Standard library only:
YAML is edited as text.
"""

import glob
import json
import os
import random
import re
import shutil

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATOR = os.path.join(REPOSITORY, "Tests", "Bench", "gen_corpus.py")

# The bench's site settings (Tests/Bench/bench_layout.py), and the site's layouts folder.
SITE_CONFIG = (
    "site:\n  title: Incremental\n"
    'guardrails:\n  checkoutRoots: ["/workspace/{org}/{repo}"]\n'
    "catalog:\n  danglingRefs: warning\n"
)

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
         "quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split()


def lay_out(corpus, site):
    """A site root from a generated corpus, laid out as the bench does, with a site layout."""
    content = os.path.join(site, "content")
    for part in ("catalog", "docs", "events", "policy-results"):
        shutil.copytree(os.path.join(corpus, part), os.path.join(content, part))
    os.makedirs(os.path.join(site, "policies"))
    for path in sorted(glob.glob(os.path.join(REPOSITORY, "policies", "*.yaml"))):
        if os.path.basename(path) != "waivers.yaml":
            shutil.copyfile(path, os.path.join(site, "policies", os.path.basename(path)))
    write(os.path.join(site, "waymark.yaml"), SITE_CONFIG)
    theme_partial = os.path.join(REPOSITORY, "layouts", "_partials", "foot.html")
    write(os.path.join(site, "layouts", "_partials", "foot.html"), read(theme_partial) + "<!-- site foot -->\n")


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def phrase(rng, count=4):
    return " ".join(rng.choice(WORDS) for _ in range(count))


class SiteEditor:
    """Applies one random edit at a time to the site at `root`; `history` keeps old contents."""

    def __init__(self, root, rng):
        self.root = root
        self.rng = rng
        self.history = {}   # relative path -> list of contents it has had
        self.serial = 0
        self.broken = []    # (what to say, how to repair it) for edits that leave errors behind
        self.moved = set()  # paths renamed away: their contents live on under the new name

    # ---- helpers ---------------------------------------------------------------------------

    def files(self, pattern):
        found = sorted(glob.glob(os.path.join(self.root, pattern), recursive=True))
        return [os.path.relpath(path, self.root) for path in found if os.path.isfile(path)]

    def remember(self, relative):
        path = os.path.join(self.root, relative)
        if os.path.isfile(path):
            versions = self.history.setdefault(relative, [])
            text = read(path)
            if text not in versions:
                versions.append(text)

    def replace(self, relative, text):
        self.remember(relative)
        write(os.path.join(self.root, relative), text)
        self.remember(relative)

    def remove(self, relative):
        self.remember(relative)
        os.remove(os.path.join(self.root, relative))

    def rename(self, relative, new_relative):
        self.remember(relative)
        self.moved.add(relative)
        target = os.path.join(self.root, new_relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.rename(os.path.join(self.root, relative), target)
        self.remember(new_relative)

    def fresh(self, stem):
        self.serial += 1
        return f"{stem}-{self.serial}"

    def pick(self, pattern):
        files = self.files(pattern)
        return self.rng.choice(files) if files else None

    # ---- the edits -------------------------------------------------------------------------

    def edit(self):
        """Applies one edit; returns what it did, for the failure message."""
        kinds = [
            (self.catalog_change, 14), (self.catalog_add, 4), (self.catalog_delete, 2), (self.catalog_rename, 2),
            (self.docs_change, 14), (self.docs_add, 4), (self.docs_delete, 2), (self.docs_rename, 2),
            (self.docs_nav, 2), (self.docs_snippet, 3), (self.events_change, 5), (self.events_add, 2), (self.events_delete, 1),
            (self.results_change, 4), (self.results_delete, 1), (self.results_rename, 1),
            (self.scorecard_change, 4), (self.scorecard_delete, 1), (self.scorecard_rename, 1),
            (self.layout_change, 4), (self.layout_add, 2), (self.layout_delete, 1), (self.layout_break, 1),
            (self.config_change, 3), (self.yaml_break, 1), (self.restore, 6),
        ]
        total = sum(weight for _, weight in kinds)
        if self.broken and self.rng.random() < 0.5:
            what, repair = self.broken.pop(0)
            repair()
            return f"repaired: {what}"
        while True:
            point = self.rng.uniform(0, total)
            for action, weight in kinds:
                point -= weight
                if point <= 0:
                    break
            done = action()
            if done:
                return done

    def catalog_change(self):
        relative = self.pick("content/catalog/**/*.yaml")
        if not relative:
            return None
        text = read(os.path.join(self.root, relative))
        choice = self.rng.randrange(4)
        if choice == 0 and "description:" in text:
            lines = [i for i, line in enumerate(text.split("\n")) if line.strip().startswith("description:")]
            lines_list = text.split("\n")
            index = self.rng.choice(lines)
            indent = lines_list[index][: len(lines_list[index]) - len(lines_list[index].lstrip())]
            lines_list[index] = f'{indent}description: "{phrase(self.rng, 6)}"'
            text = "\n".join(lines_list)
            what = "description"
        elif choice == 1 and "lifecycle:" in text:
            text = re.sub(r"lifecycle: \w+", "lifecycle: " + self.rng.choice(["production", "experimental",
                                                                              "deprecated"]), text, count=1)
            what = "lifecycle"
        elif choice == 2 and "title:" in text:
            matches = list(re.finditer(r'(\n  title: )"?([^"\n]*)"?', text))
            match = self.rng.choice(matches)
            text = text[: match.start()] + f'{match.group(1)}"{phrase(self.rng, 2).title()}"' + text[match.end():]
            what = "title"
        else:
            field = self.fresh("note")
            text = text.replace("\nspec:\n", f"\nspec:\n  {field}: {phrase(self.rng, 1)}\n", 1) if "\nspec:\n" in text \
                else text + "\n"
            what = "spec field"
        self.replace(relative, text)
        return f"catalog: {what} in {relative}"

    def catalog_add(self):
        name = self.fresh("extra-component")
        systems = re.findall(r"^  name: (\S+)", "\n".join(
            read(os.path.join(self.root, path)) for path in self.files("content/catalog/systems/*/*.yaml")),
            re.MULTILINE)
        groups = re.findall(r"kind: Group\nmetadata:\n  name: (\S+)",
                            "\n".join(read(os.path.join(self.root, path)) for path in
                                      self.files("content/catalog/org/*.yaml")))
        docs = self.files("content/docs/*/mkdocs.yml")
        annotations = ""
        if docs and self.rng.random() < 0.5:
            site = os.path.basename(os.path.dirname(self.rng.choice(docs)))
            annotations = f"  annotations:\n    backstage.io/techdocs-ref: dir:../docs/{site}\n"
        text = (f"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: {name}\n"
                f'  description: "{phrase(self.rng, 5)}"\n{annotations}spec:\n  type: service\n'
                f"  lifecycle: production\n  owner: {self.rng.choice(groups) if groups else 'nobody'}\n")
        if systems:
            text += f"  system: {self.rng.choice(systems)}\n"
        self.replace(f"content/catalog/{name}.yaml", text)
        return f"catalog: added content/catalog/{name}.yaml"

    def catalog_delete(self):
        relative = self.pick("content/catalog/**/*.yaml")
        if not relative or len(self.files("content/catalog/**/*.yaml")) < 4:
            return None
        self.breaks(relative, read(os.path.join(self.root, relative)))   # a Location may name it
        self.remove(relative)
        return f"catalog: deleted {relative}"

    def catalog_rename(self):
        relative = self.pick("content/catalog/**/*.yaml")
        if not relative:
            return None
        new = os.path.join(os.path.dirname(relative), self.fresh("renamed") + ".yaml")
        self.rename(relative, new)
        self.broken.append((f"{new} renamed back", lambda: os.path.exists(os.path.join(self.root, new))
                            and not os.path.exists(os.path.join(self.root, relative)) and self.rename(new, relative)))
        return f"catalog: renamed {relative} to {new}"

    def docs_change(self):
        relative = self.pick("content/docs/*/docs/**/*.md")
        if not relative:
            return None
        text = read(os.path.join(self.root, relative))
        choice = self.rng.randrange(4)
        if choice == 0:
            text += f"\n## {phrase(self.rng, 2).title()}\n\n{phrase(self.rng, 12)}.\n"
            what = "heading"
        elif choice == 1:
            pages = [os.path.basename(p) for p in self.files(os.path.join(os.path.dirname(relative), "*.md"))]
            target = self.rng.choice(pages) + self.rng.choice(["", "#usage", "#missing-anchor"])
            text += f"\nSee [{phrase(self.rng, 2)}]({target}).\n"
            what = "link"
        elif choice == 2 and text.startswith("# "):
            text = f"# {phrase(self.rng, 3).title()}" + text[text.index("\n"):]
            what = "title"
        else:
            paragraphs = text.split("\n\n")
            paragraphs[self.rng.randrange(len(paragraphs))] += f" {phrase(self.rng, 8)}."
            text = "\n\n".join(paragraphs)
            what = "paragraph"
        self.replace(relative, text)
        return f"docs: {what} in {relative}"

    def docs_snippet(self):
        """Changes a file pages include with --8<-- (their HTML, headings and links come from it too)."""
        relative = self.pick("content/docs/*/snippets/*.md")
        if not relative:
            return None
        text = read(os.path.join(self.root, relative))
        choice = self.rng.randrange(4)
        if choice == 0:
            text += f"\n{phrase(self.rng, 10)}.\n"
            what = "paragraph"
        elif choice == 1:
            text += f"\nSee [{phrase(self.rng, 2)}]({self.rng.choice(['index.md', 'index.md#missing-anchor', 'nowhere.md'])}).\n"
            what = "link"
        elif choice == 2:
            text += f"\n## {phrase(self.rng, 2).title()}\n"
            what = "heading"
        else:
            self.breaks(relative, text)   # check_paths makes a missing snippet an error
            self.remove(relative)
            return f"docs: deleted the snippet {relative}"
        self.replace(relative, text)
        return f"docs: {what} in the snippet {relative}"

    def docs_add(self):
        folder = self.pick("content/docs/*/mkdocs.yml")
        if not folder:
            return None
        name = self.fresh("page") + ".md"
        relative = os.path.join(os.path.dirname(folder), "docs", name)
        self.replace(relative, f"# {phrase(self.rng, 3).title()}\n\n{phrase(self.rng, 20)}.\n\n## Usage\n\nRun it.\n")
        return f"docs: added {relative}"

    def docs_delete(self):
        relative = self.pick("content/docs/*/docs/**/*.md")
        if not relative:
            return None
        if len(self.files("/".join(relative.split("/")[:3]) + "/docs/**/*.md")) == 1:
            self.breaks(relative, read(os.path.join(self.root, relative)))   # the site's last page: docs.not-found
        self.remove(relative)
        return f"docs: deleted {relative}"

    def docs_rename(self):
        relative = self.pick("content/docs/*/docs/**/*.md")
        if not relative:
            return None
        new = os.path.join(os.path.dirname(relative), self.fresh("moved") + ".md")
        self.rename(relative, new)
        return f"docs: renamed {relative} to {new}"

    def docs_nav(self):
        relative = self.pick("content/docs/*/mkdocs.yml")
        if not relative:
            return None
        text = read(os.path.join(self.root, relative))
        if "\nnav:\n" in text and self.rng.random() < 0.5:
            text = re.sub(r"\nnav:\n(  - .*\n)+", "\n", text)
            what = "nav removed"
        else:
            text = text.replace("site_name: ", f'site_name: "{phrase(self.rng, 2).title()}"\n#', 1)
            what = "site name"
        self.replace(relative, text)
        return f"docs: {what} in {relative}"

    def events_change(self):
        relative = self.pick("content/events/**/*.jsonl")
        if not relative:
            return None
        lines = read(os.path.join(self.root, relative)).splitlines()
        if len(lines) < 10:
            return None
        choice = self.rng.randrange(3)
        if choice == 0:
            start = self.rng.randrange(len(lines))
            del lines[start:start + self.rng.randint(1, 40)]
            what = "lines removed"
        elif choice == 1:
            line = self.rng.choice(lines)
            record = json.loads(line)
            record["context"]["id"] = f"incremental-{self.fresh('event')}"
            lines.append(json.dumps(record, separators=(",", ":")))
            what = "event added"
        else:
            index = self.rng.randrange(len(lines))
            lines[index] = lines[index].replace('"outcome":"success"', '"outcome":"failure"')
            what = "outcome changed"
        self.replace(relative, "\n".join(lines) + "\n")
        return f"events: {what} in {relative}"

    def events_add(self):
        source = self.pick("content/events/**/*.jsonl")
        if not source:
            return None
        lines = read(os.path.join(self.root, source)).splitlines()
        start = self.rng.randrange(max(1, len(lines)))
        relative = f"content/events/{self.fresh('extra')}.jsonl"
        self.replace(relative, "\n".join(lines[start:start + 30]) + "\n")
        return f"events: added {relative}"

    def events_delete(self):
        files = self.files("content/events/**/*.jsonl")
        if len(files) < 2:
            return None
        relative = self.rng.choice(files)
        self.remove(relative)
        return f"events: deleted {relative}"

    def results_change(self):
        relative = self.pick("content/policy-results/*")
        if not relative:
            return None
        text = read(os.path.join(self.root, relative))
        levels = list(re.finditer(r'"level": ?"(error|warning|note)"', text))
        if not levels:
            return None
        match = self.rng.choice(levels)
        text = text[:match.start()] + f'"level": "{self.rng.choice(["error", "warning", "note"])}"' + text[match.end():]
        self.replace(relative, text)
        return f"policy results: level changed in {relative}"

    def results_delete(self):
        files = self.files("content/policy-results/*")
        if len(files) < 2:
            return None
        relative = self.rng.choice(files)
        self.remove(relative)
        return f"policy results: deleted {relative}"

    def results_rename(self):
        relative = self.pick("content/policy-results/*")
        if not relative:
            return None
        new = f"content/policy-results/{self.fresh('results')}.sarif"
        self.rename(relative, new)
        return f"policy results: renamed {relative} to {new}"

    def scorecard_change(self):
        relative = self.pick("policies/*.yaml")
        if not relative:
            return None
        text = read(os.path.join(self.root, relative))
        choice = self.rng.randrange(3)
        if choice == 0 and "  title: " in text:
            text = re.sub(r"\n  title: .*", f"\n  title: {phrase(self.rng, 2).title()}", text, count=1)
            what = "title"
        elif choice == 1 and "level: gold" in text:
            text = text.replace("level: gold", "level: silver", 1)
            what = "check level"
        else:
            text = re.sub(r"\n  description: .*", f"\n  description: {phrase(self.rng, 6)}", text, count=1)
            what = "description"
        self.replace(relative, text)
        return f"scorecards: {what} in {relative}"

    def scorecard_delete(self):
        files = self.files("policies/*.yaml")
        if len(files) < 2:
            return None
        relative = self.rng.choice(files)
        self.remove(relative)
        return f"scorecards: deleted {relative}"

    def scorecard_rename(self):
        relative = self.pick("policies/*.yaml")
        if not relative:
            return None
        new = f"policies/{self.fresh('scorecard')}.yaml"
        self.rename(relative, new)
        return f"scorecards: renamed {relative} to {new}"

    def layout_change(self):
        relative = self.pick("layouts/**/*.html")
        if not relative:
            return None
        self.replace(relative, read(os.path.join(self.root, relative)) + f"<!-- {phrase(self.rng, 2)} -->\n")
        return f"layouts: changed {relative}"

    def layout_add(self):
        choice = self.rng.randrange(3)
        if choice == 0:
            relative = "layouts/component/entity.html"
            text = read(os.path.join(REPOSITORY, "layouts", "entity.html")) + "<!-- component layout -->\n"
        elif choice == 1:
            relative = "layouts/docs.html"
            text = read(os.path.join(REPOSITORY, "layouts", "docs.html")).replace("</main>", "<p>site docs</p></main>", 1)
        else:
            relative = f"layouts/_assets/{self.fresh('extra')}.css"
            text = f"/* {phrase(self.rng, 3)} */\nbody {{ margin: 0; }}\n"
        self.replace(relative, text)
        return f"layouts: added {relative}"

    def layout_delete(self):
        relative = self.pick("layouts/**/*.*")
        if not relative:
            return None
        self.remove(relative)
        return f"layouts: deleted {relative}"

    def layout_break(self):
        relative = self.pick("layouts/**/*.html")
        if not relative:
            return None
        text = read(os.path.join(self.root, relative))
        self.breaks(relative, text)
        self.replace(relative, text + "{{#unclosed}}\n")
        return f"layouts: syntax error in {relative}"

    def config_change(self):
        text = read(os.path.join(self.root, "waymark.yaml"))
        choice = self.rng.randrange(3)
        if choice == 0:
            text = re.sub(r"title: .*", f"title: {phrase(self.rng, 2).title()}", text, count=1)
            what = "title"
        elif choice == 1:
            good = text
            text = text.replace("danglingRefs: warning", "danglingRefs: error")
            self.broken.append(("danglingRefs: warning again", lambda: self.replace("waymark.yaml", good)))
            what = "danglingRefs: error (the corpus has dangling references)"
        else:
            text = (text.replace("diagnostics:\n  ignore: [policy.unmapped]\n", "") if "ignore:" in text
                    else text + "diagnostics:\n  ignore: [policy.unmapped]\n")
            what = "diagnostics.ignore"
        self.replace("waymark.yaml", text)
        return f"waymark.yaml: {what}"

    def yaml_break(self):
        relative = self.pick("content/catalog/**/*.yaml")
        if not relative:
            return None
        text = read(os.path.join(self.root, relative))
        self.breaks(relative, text)
        self.replace(relative, text + "\n  : [unclosed\n")
        return f"catalog: YAML syntax error in {relative}"

    def breaks(self, relative, text):
        """Notes that `relative`, whose good text is `text`, is being broken (or deleted): repaired later."""
        self.broken.append((relative, lambda: self.replace(relative, text)))

    def restore(self):
        """Puts a file back as it was some edits ago (deleted files other than catalog files come back too:
        a catalog file's entities may live on in a renamed copy, as a renamed file's contents do, so
        neither comes back: a scorecard would then be defined twice)."""
        candidates = sorted(path for path, versions in self.history.items()
                            if (len(versions) > 1 and os.path.exists(os.path.join(self.root, path)))
                            or (not os.path.exists(os.path.join(self.root, path))
                                and not path.startswith("content/catalog/") and path not in self.moved))
        if not candidates:
            return None
        relative = self.rng.choice(candidates)
        versions = self.history[relative]
        self.replace(relative, self.rng.choice(versions[:-1] or versions))
        return f"restored an earlier {relative}"
