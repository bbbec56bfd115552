"""Checks that every yaml-test-suite case Waymark's loader allowlists fails for libyaml itself.

The allowlist (Tests/YAMLTests/Fixtures/yaml-test-suite-allowlist.json) blames libyaml 0.2.5 for
each case. This test asks a second, independent libyaml consumer — PyYAML's CSafeLoader — to load
the same inputs: it must reject every case or load data other than the suite's expected JSON. If a
case loads correctly through libyaml here, the failure is Waymark's own and its reason is wrong.

Run by `make test` on the vendored suite (Tests/Conformance/yaml-test-suite); skips only when PyYAML
with libyaml is absent.
"""

import json
import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ALLOWLIST = os.path.join(ROOT, "Tests", "YAMLTests", "Fixtures", "yaml-test-suite-allowlist.json")
SUITE = os.path.join(ROOT, "Tests", "Conformance", "yaml-test-suite")

try:
    import yaml
    HAVE_LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))
except ImportError:  # pragma: no cover - depends on the machine
    yaml = None
    HAVE_LIBYAML = False


def expected_documents(case):
    """The suite's in.json: zero or more JSON values concatenated."""
    with open(os.path.join(SUITE, case, "in.json"), encoding="utf-8") as handle:
        text = handle.read()
    decoder = json.JSONDecoder()
    values, index = [], 0
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return values
        value, index = decoder.raw_decode(text, index)
        values.append(value)


class AllowlistIsLibyamlsTests(unittest.TestCase):
    @unittest.skipUnless(HAVE_LIBYAML, "PyYAML built with libyaml (CSafeLoader) is not installed")
    def test_every_allowlisted_case_fails_in_libyaml_too(self):
        with open(ALLOWLIST, encoding="utf-8") as handle:
            cases = sorted(json.load(handle)["failures"])
        self.assertGreater(len(cases), 0)
        self.assertTrue(os.path.isdir(SUITE), f"{SUITE} is missing; it is part of the repository")
        loaded_correctly = []
        for case in cases:
            with open(os.path.join(SUITE, case, "in.yaml"), "rb") as handle:
                source = handle.read()
            try:
                documents = list(yaml.load_all(source, Loader=yaml.CSafeLoader))
            except yaml.YAMLError:
                continue
            if os.path.exists(os.path.join(SUITE, case, "in.json")) and documents == expected_documents(case):
                loaded_correctly.append(case)
        self.assertEqual(loaded_correctly, [], "libyaml loads these correctly, so their allowlist reason is wrong")


if __name__ == "__main__":
    unittest.main()
