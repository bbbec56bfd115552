"""The release artifacts of `make dist` (run by `make dist-test`): the Debian package installs into a
scratch root, and its binary builds the demo portal with no Swift toolchain on PATH and no Swift
library linked, and fetches a federated catalog from a loopback server (URLSession over the linked
libcurl, gzip through zlib) and then builds it offline; the tarball holds the same files; the
Dockerfile installs the package's dependencies.

DIST_DIR is the dist folder (.build-dist) and WAYMARK_VERSION the version `make dist` stamped.
"""

import glob
import hashlib
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import threading
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DIST = os.environ.get("DIST_DIR", os.path.join(REPO, ".build-dist"))
VERSION = os.environ.get("WAYMARK_VERSION", "")
# Only the system's own folders: no /opt/swift, no ~/.local, nothing a developer added.
BARE_PATH = "/usr/bin:/bin"


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)


def control_field(deb, field):
    return run(["dpkg-deb", "--field", deb, field]).stdout.strip()


def dockerfile_runtime_packages():
    """The packages the Dockerfile's runtime stage installs with apt-get."""
    with open(os.path.join(REPO, "Dockerfile")) as handle:
        text = handle.read()
    runtime = text[text.rindex("\nFROM "):]
    command = re.search(r"apt-get install ([^&]*)&&", runtime.replace("\\\n", " "))
    return sorted(word for word in command.group(1).split() if not word.startswith("-"))


class DebianPackageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        debs = glob.glob(os.path.join(DIST, "waymark_*.deb"))
        if len(debs) != 1:
            raise AssertionError(f"expected one .deb in {DIST}, found {debs}; run `make dist` first")
        cls.deb = debs[0]
        cls.root = os.path.join(DIST, "test-root")
        shutil.rmtree(cls.root, ignore_errors=True)
        os.makedirs(cls.root)
        subprocess.run(["dpkg-deb", "-x", cls.deb, cls.root], check=True)
        cls.binary = os.path.join(cls.root, "usr", "bin", "waymark")
        cls.env = {"PATH": BARE_PATH, "HOME": cls.root, "LANG": "C.UTF-8"}

    def test_no_swift_on_the_bare_path(self):
        self.assertIsNone(shutil.which("swift", path=BARE_PATH))
        self.assertIsNone(shutil.which("swiftc", path=BARE_PATH))

    def test_links_no_swift_library(self):
        ldd = run(["ldd", self.binary], env=self.env)
        self.assertEqual(ldd.returncode, 0, ldd.stderr)
        self.assertNotIn("not found", ldd.stdout)
        self.assertNotIn("swift", ldd.stdout.lower())
        self.assertIn("libcmark-gfm.so", ldd.stdout)
        self.assertIn("libyaml-0.so", ldd.stdout)

    def test_version(self):
        result = run([self.binary, "--version"], env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, VERSION + "\n")
        deb_version = run([os.path.join(REPO, "contrib/dist/deb-version.sh"), VERSION]).stdout.strip()
        self.assertEqual(control_field(self.deb, "Version"), deb_version)

    def test_builds_the_demo_without_a_toolchain(self):
        output = os.path.join(DIST, "test-output")
        shutil.rmtree(output, ignore_errors=True)
        result = run([self.binary, "build", "--root", REPO, "--output", output], env=self.env, cwd=self.root)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertTrue(os.path.isfile(os.path.join(output, "index.html")))
        with open(os.path.join(output, "api", "build.json")) as handle:
            build = json.load(handle)
        self.assertEqual(build["version"], VERSION)
        for name in ["policy", "waymark-config"]:
            with open(os.path.join(output, "api", "schema", f"{name}.schema.json")) as published, \
                    open(os.path.join(REPO, "docs", "schema", f"{name}.schema.json")) as committed:
                self.assertEqual(published.read(), committed.read(), name)

    def test_depends_names_the_runtime_libraries(self):
        depends = [name.strip() for name in control_field(self.deb, "Depends").split(",")]
        owners = set()
        sonames = ["libcmark-gfm.so", "libcmark-gfm-extensions.so", "libyaml-0.so", "libxml2.so", "libcurl.so", "libz.so"]
        for soname in sonames:
            library = run(["sh", "-c", f"ldd {self.binary} | awk '/{soname}/ {{print $3}}'"]).stdout.strip()
            # dpkg knows a file by the path its package installed (/lib/… for zlib on Debian 12, whose
            # /lib is a link to /usr/lib), so the resolved path is tried, then the one ldd printed.
            owner = (run(["dpkg", "-S", os.path.realpath(library)]).stdout
                     or run(["dpkg", "-S", library]).stdout).split(":")[0]
            owners.add(owner)
            self.assertIn(owner, depends, soname)
        self.assertEqual(len(owners), 6)
        self.assertEqual(depends, sorted(depends))
        self.assertEqual(dockerfile_runtime_packages(), depends)
        tarballs = glob.glob(os.path.join(DIST, "waymark-*-linux-*.tar.gz"))
        with tarfile.open(tarballs[0]) as tar:
            listed = next(m for m in tar.getmembers() if m.name.endswith("/debian-depends.txt"))
            self.assertEqual(tar.extractfile(listed).read().decode(), ", ".join(depends) + "\n")

    def test_man_page_and_completions(self):
        files = {
            "usr/share/man/man1/waymark.1.gz": "waymark",
            "usr/share/bash-completion/completions/waymark": "_waymark",
            "usr/share/zsh/vendor-completions/_waymark": "#compdef waymark",
            "usr/share/fish/vendor_completions.d/waymark.fish": "complete -c 'waymark'",
        }
        for path, marker in files.items():
            full = os.path.join(self.root, path)
            self.assertGreater(os.path.getsize(full), 500, path)
            if path.endswith(".gz"):
                text = run(["sh", "-c", f"gzip -dc {full}"]).stdout
                self.assertIn(".Dt WAYMARK 1", text)  # mdoc, as generate-manual writes it
                self.assertIn("test-policies", text)
                self.assertIn("serve", text)
            else:
                with open(full) as handle:
                    text = handle.read()
                self.assertIn("test-policies", text, path)
                self.assertIn("serve", text, path)
            self.assertIn(marker, text, path)


class RepositoryHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `raw/<owner>/<repo>/<ref>/<path>` files and, in GitHub's API shape, the tarball of a
    repository at a ref (`/api/repos/<owner>/<repo>/tarball/<ref>`, under one top folder)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if parts[:2] == ["api", "repos"] and len(parts) == 6 and parts[4] == "tarball":
            folder = os.path.join(self.directory, "raw", parts[2], parts[3], parts[5])
            buffer = io.BytesIO()
            with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
                tar.add(folder, arcname="%s-%s-0123abc" % (parts[2], parts[3]))
            data = buffer.getvalue()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        super().do_GET()


class FetchTests(unittest.TestCase):
    """`waymark fetch` in the packaged binary: a Location naming a GitHub-shaped blob URL, its
    `$text` OpenAPI and its docs site (`techdocs-ref: dir:.`, read from the repository's tarball),
    fetched from a loopback server; then an offline build reads them from the cache."""

    FILES = {
        "raw/acme/orders/main/catalog-info.yaml": (
            "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\n"
            "  annotations:\n    backstage.io/techdocs-ref: dir:.\n"
            "spec:\n  type: service\n  lifecycle: production\n  owner: group:team-a\n  providesApis: [orders-api]\n"
            "---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: orders-api\n"
            "spec:\n  type: openapi\n  lifecycle: production\n  owner: group:team-a\n"
            "  definition:\n    $text: ./openapi.yaml\n"),
        "raw/acme/orders/main/openapi.yaml": (
            "openapi: 3.0.3\ninfo: {title: Orders, version: 1.0.0}\n"
            "paths:\n  /orders:\n    get: {summary: List orders, responses: {'200': {description: OK}}}\n"),
        "raw/acme/orders/main/mkdocs.yml": "site_name: Orders handbook\n",
        "raw/acme/orders/main/docs/index.md": "# Orders handbook\n\nHow orders flow.\n",
    }

    @classmethod
    def setUpClass(cls):
        debs = glob.glob(os.path.join(DIST, "waymark_*.deb"))
        if len(debs) != 1:
            raise AssertionError(f"expected one .deb in {DIST}, found {debs}; run `make dist` first")
        cls.work = os.path.join(DIST, "test-fetch")
        shutil.rmtree(cls.work, ignore_errors=True)
        os.makedirs(cls.work)
        subprocess.run(["dpkg-deb", "-x", debs[0], os.path.join(cls.work, "package")], check=True)
        cls.binary = os.path.join(cls.work, "package", "usr", "bin", "waymark")
        cls.env = {"PATH": BARE_PATH, "HOME": cls.work, "LANG": "C.UTF-8"}
        served = os.path.join(cls.work, "served")
        for path, text in cls.FILES.items():
            os.makedirs(os.path.dirname(os.path.join(served, path)), exist_ok=True)
            with open(os.path.join(served, path), "w") as handle:
                handle.write(text)
        handler = lambda *args, **kwargs: RepositoryHandler(*args, directory=served, **kwargs)
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        base = "http://127.0.0.1:%d" % cls.server.server_address[1]
        cls.base = base
        cls.site = os.path.join(cls.work, "site")
        os.makedirs(os.path.join(cls.site, "content", "catalog"))
        with open(os.path.join(cls.site, "waymark.yaml"), "w") as handle:
            handle.write(
                "site: {title: Acme}\nasOf: 2026-11-01T00:00:00Z\nintegrations:\n  github:\n"
                f"    host: 127.0.0.1:{cls.server.server_address[1]}\n    rawBaseUrl: {base}/raw\n"
                f"    apiBaseUrl: {base}/api\n")
        with open(os.path.join(cls.site, "content", "catalog", "all.yaml"), "w") as handle:
            handle.write(
                "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\n"
                "spec: {type: team, children: []}\n---\n"
                "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: acme}\n"
                f"spec:\n  type: url\n  targets:\n    - {base}/acme/orders/blob/main/catalog-info.yaml\n")

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def test_fetches_then_builds_offline(self):
        fetch = run([self.binary, "fetch", "--root", self.site], env=self.env)
        self.assertEqual(fetch.returncode, 0, fetch.stdout + fetch.stderr)
        self.assertIn("3 URLs locked in waymark.lock; 3 downloaded", fetch.stdout + fetch.stderr)
        with open(os.path.join(self.site, "waymark.lock")) as handle:
            lock = json.load(handle)
        entries = {entry["url"]: entry for entry in lock["entries"]}
        info = f"{self.base}/acme/orders/blob/main/catalog-info.yaml"
        site = f"{self.base}/acme/orders/blob/main/"
        self.assertEqual(sorted(entries), [site, info, f"{self.base}/acme/orders/blob/main/openapi.yaml"])
        expected = hashlib.sha256(self.FILES["raw/acme/orders/main/catalog-info.yaml"].encode()).hexdigest()
        self.assertEqual(entries[info]["sha256"], expected)
        self.assertEqual(entries[site]["kind"], "folder")
        self.assertEqual(entries[site]["resolvedURL"], f"{self.base}/api/repos/acme/orders/tarball/main")
        for entry in entries.values():
            with open(os.path.join(self.site, ".waymark", "cache", entry["sha256"]), "rb") as handle:
                self.assertEqual(hashlib.sha256(handle.read()).hexdigest(), entry["sha256"])
        again = run([self.binary, "fetch", "--root", self.site], env=self.env)
        self.assertIn("; 0 downloaded", again.stdout + again.stderr)
        self.server.shutdown()
        output = os.path.join(self.work, "output")
        build = run([self.binary, "build", "--root", self.site, "--output", output], env=self.env)
        self.assertEqual(build.returncode, 0, build.stdout + build.stderr)
        self.assertNotIn("warning", build.stdout + build.stderr)
        with open(os.path.join(output, "api", "catalog.json")) as handle:
            catalog = json.load(handle)
        orders = next(e for e in catalog["entities"] if e["metadata"]["name"] == "orders")
        self.assertEqual(orders["source"], {"line": 1, "path": info, "sha256": expected})
        api = next(e for e in catalog["entities"] if e["metadata"]["name"] == "orders-api")
        self.assertIn("List orders", api["spec"]["definition"])
        with open(os.path.join(output, "docs", "default", "component", "orders", "index.html")) as handle:
            page = handle.read()
        self.assertIn("How orders flow.", page)
        self.assertIn(f'Fetched from <a href="{site}" rel="noopener">{site}</a>', page)
        with open(os.path.join(output, "api", "docs", "default", "component", "orders.json")) as handle:
            docs = json.load(handle)
        self.assertEqual(docs["fetched"], {
            "url": site, "resolvedURL": f"{self.base}/api/repos/acme/orders/tarball/main",
            "sha256": entries[site]["sha256"]})


class TarballTests(unittest.TestCase):
    def test_members(self):
        tarballs = glob.glob(os.path.join(DIST, "waymark-*-linux-*.tar.gz"))
        self.assertEqual(len(tarballs), 1, tarballs)
        name = f"waymark-{VERSION}-linux-{os.uname().machine}"
        self.assertEqual(os.path.basename(tarballs[0]), name + ".tar.gz")
        with tarfile.open(tarballs[0]) as tar:
            members = {m.name: m for m in tar.getmembers() if m.isfile()}
            self.assertEqual(tar.extractfile(members[f"{name}/VERSION"]).read().decode(), VERSION + "\n")
        expected = {
            "bin/waymark", "share/man/man1/waymark.1", "share/bash-completion/completions/waymark",
            "share/zsh/site-functions/_waymark", "share/fish/vendor_completions.d/waymark.fish",
            "share/doc/waymark/README.md", "share/doc/waymark/debian-depends.txt", "VERSION",
        }
        expected |= {f"share/doc/waymark/{os.path.basename(p)}" for p in glob.glob(os.path.join(REPO, "LICENSE*"))}
        self.assertEqual({path.removeprefix(name + "/") for path in members}, expected)
        self.assertEqual(members[f"{name}/bin/waymark"].mode & 0o777, 0o755)


if __name__ == "__main__":
    unittest.main()
