"""Shared pieces of the browser tests: build a site with the real `waymark` binary, serve it over
HTTP on loopback under a sub-path, drive headless Chromium through Selenium, and crawl pages.

Needs Debian's `chromium` and `chromium-driver` and PyPI's `selenium` and `axe-selenium-python`
(`make browser-deps` installs them). Nothing here touches the network beyond 127.0.0.1.
"""

import base64
import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
import unittest
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / ".screenshots"


def waymark_binary():
    """The `waymark` to build with: $WAYMARK, else the newest of the release and debug builds."""
    if os.environ.get("WAYMARK"):
        return Path(os.environ["WAYMARK"])
    built = [p for p in (REPO / ".build/release/waymark", REPO / ".build/debug/waymark") if p.exists()]
    if not built:
        raise AssertionError("no waymark binary: run `swift build` first (or set WAYMARK=path)")
    return max(built, key=lambda p: p.stat().st_mtime)


def build_site(root, output, base_url):
    """Runs `waymark build` for the site at `root` into `output`; fails on a non-zero exit."""
    run = subprocess.run(
        [str(waymark_binary()), "build", "--root", str(root), "--output", str(output), "--base-url", base_url, "--quiet"],
        capture_output=True, text=True)
    if run.returncode != 0:
        raise AssertionError(f"waymark build of {root} exited {run.returncode}:\n{run.stdout}{run.stderr}")
    return run.stdout + run.stderr


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class StaticServer:
    """Python's http.server over a folder, on a free loopback port, in a background thread."""

    def __init__(self, folder):
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def status(self, url):
        """The HTTP status of a HEAD request for `url`."""
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="HEAD")) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# Records every dialog a page opens (and still opens it, so Selenium sees it too).
DIALOG_HOOK = """
window.__dialogs = [];
['alert', 'confirm', 'prompt', 'print'].forEach(function (name) {
  var original = window[name];
  window[name] = function (message) { window.__dialogs.push(name + ': ' + message); return original.apply(window, arguments); };
});
"""


def start_chromium():
    """Headless Chromium (root, no display: --no-sandbox), or SkipTest when it cannot start."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not binary or not driver_path:
        raise unittest.SkipTest("Chromium or chromedriver is not installed (make browser-deps installs them)")
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager download a browser or driver
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.set_capability("unhandledPromptBehavior", "ignore")
    try:
        driver = webdriver.Chrome(options=options, service=Service(driver_path))
    except WebDriverException as error:
        raise unittest.SkipTest(f"Chromium could not start: {error.msg}")
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": DIALOG_HOOK})
    return driver


def set_color_scheme(driver, scheme):
    """Emulates `prefers-color-scheme: light|dark` through the DevTools protocol."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def save_page_screenshot(driver, path, max_height=3000):
    """A PNG of the whole page (up to `max_height` CSS pixels), not just the window."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], max_height), "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
    Path(path).write_bytes(base64.b64decode(shot["data"]))


def open_alert_text(driver):
    """The text of an open alert/confirm/prompt, dismissing it; None when there is none."""
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return None
    text = alert.text
    alert.dismiss()
    return text


def console_errors(driver):
    """The browser log's errors since the last call (uncaught exceptions, failed loads, console.error)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


# What one page offers the crawl: links, sub-resources and the ids anchors can target.
PAGE_FACTS = """
function resolve(value) { try { return new URL(value, document.baseURI).href; } catch (e) { return 'invalid:' + value; } }
var links = Array.from(document.querySelectorAll('a[href], area[href]')).map(function (a) { return resolve(a.getAttribute('href')); });
var resources = Array.from(document.querySelectorAll('link[href], script[src], img[src]')).map(function (e) {
  return resolve(e.getAttribute(e.tagName === 'LINK' ? 'href' : 'src'));
}).filter(function (u) { return u !== document.location.href; });
var ids = Array.from(document.querySelectorAll('[id]')).map(function (e) { return e.id; })
  .concat(Array.from(document.querySelectorAll('a[name]')).map(function (e) { return e.getAttribute('name'); }));
return {links: links, resources: resources, ids: ids, title: document.title};
"""


def page_url(base, relative_file):
    """The URL of an output file, with `index.html` as its folder (how the site links pages)."""
    path = relative_file[: -len("index.html")] if relative_file.endswith("index.html") else relative_file
    return base + urllib.parse.quote(path)


def html_files(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*.html"))


class Crawl:
    """Visits every HTML page of a built site in the browser and checks what the pages link to."""

    def __init__(self, driver, server, folder, base):
        self.driver, self.server, self.folder, self.base = driver, server, Path(folder), base
        self.pages = {}  # url → facts
        self.errors = {}  # url → console errors
        self.statuses = {}

    def visit_all(self):
        for relative in html_files(self.folder):
            url = page_url(self.base, relative)
            self.driver.get(url)
            self.pages[url] = self.driver.execute_script(PAGE_FACTS)
            errors = console_errors(self.driver)
            if errors:
                self.errors[url] = errors
        return self

    def broken_links(self):
        """`(page, link, why)` for every internal link or resource that does not resolve."""
        broken = []
        for page, facts in sorted(self.pages.items()):
            for link in facts["links"] + facts["resources"]:
                why = self.problem(link)
                if why:
                    broken.append((page, link, why))
        return broken

    def problem(self, link):
        parts = urllib.parse.urlsplit(link)
        if parts.scheme in ("javascript", "data", "vbscript") or link.startswith("invalid:"):
            return "unsafe or invalid URL"
        if f"{parts.scheme}://{parts.netloc}" != self.server.origin:
            return None  # external: not fetched (no network here)
        target = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
        if not target.startswith(self.base):
            return f"leaves the base URL {self.base}"
        if target in self.pages:
            if parts.fragment and urllib.parse.unquote(parts.fragment) not in self.pages[target]["ids"]:
                return f"no element with id '{urllib.parse.unquote(parts.fragment)}'"
            return None
        if target.endswith("/"):
            return "no page at this folder"
        if target not in self.statuses:
            self.statuses[target] = self.server.status(target)
        if self.statuses[target] != 200:
            return f"HTTP {self.statuses[target]}"
        if parts.fragment:
            return "anchor into a file that is not a page"
        return None

    def unreachable(self, start):
        """Pages no chain of links from `start` reaches."""
        seen, queue = {start}, [start]
        while queue:
            for link in self.pages.get(queue.pop(), {"links": []})["links"]:
                target = link.split("#", 1)[0]
                if target in self.pages and target not in seen:
                    seen.add(target)
                    queue.append(target)
        return sorted(set(self.pages) - seen)


class BuiltSite:
    """A site built into a temporary folder and served at `<origin>/<name>/`."""

    def __init__(self, root, name):
        self.temp = tempfile.TemporaryDirectory(prefix="waymark-browser-")
        self.folder = Path(self.temp.name) / name
        self.log = build_site(root, self.folder, f"/{name}/")
        self.server = StaticServer(self.temp.name)
        self.base = f"{self.server.origin}/{name}/"

    def json(self, path):
        return json.loads((self.folder / path).read_text())

    def close(self):
        self.server.close()
        self.temp.cleanup()
