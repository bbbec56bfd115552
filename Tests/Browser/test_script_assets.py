"""Docs assets that ran script in Chromium (issue 19, item 6): Tests/Fixtures/hostile/script-assets
is a docs site whose folder holds HTML, XML, XSLT and SVG files that got past a markup filter
(UTF-16 with a BOM, `<!-->` and `--!>` comments, CDATA and `<?` bogus comments, an ISO-2022-JP
`<meta charset>`, an XSLT `xml-stylesheet` that builds `<script>`, zero-padded character references
spelling `javascript:`). Each would set `document.title` to 'pwned' and `window.__pwned`. Built with
the real `waymark`, no published file and no page linking them may run it, opened directly,
through their links, and with every link in them clicked; plain SVG drawings are still published.
"""

import time
import unittest

from selenium.webdriver.common.by import By

import portal_browser as pb

SITE = None
DRIVER = None

DOCS = "docs/default/component/svc/"
SHAPES = ["utf16.html", "comment-open.html", "comment-bang.html", "cdata.html", "bogus-pi.html", "iso2022.html",
          "report.xml", "build.xsl", "padded.html", "padded.svg"]

RAN = "return [document.title, window.__pwned === 1, window.__dialogs || []];"


def setUpModule():
    global SITE, DRIVER
    DRIVER = pb.start_chromium()
    SITE = pb.BuiltSite(pb.REPO / "Tests/Fixtures/hostile/script-assets/site", "assets")


def tearDownModule():
    if DRIVER:
        DRIVER.quit()
    if SITE:
        SITE.close()


class ScriptAssetTests(unittest.TestCase):
    def assert_nothing_ran(self, url):
        time.sleep(0.2)  # an XSLT transform or a load event finishes after `get` returns
        pb.open_alert_text(DRIVER)
        title, flagged, dialogs = DRIVER.execute_script(RAN)
        self.assertNotEqual(title, "pwned", url)
        self.assertFalse(flagged, url)
        self.assertEqual(dialogs, [], url)

    def open_and_click_everything(self, url):
        DRIVER.get(url)
        self.assert_nothing_ran(url)
        for index in range(len(DRIVER.find_elements(By.CSS_SELECTOR, "a"))):
            links = DRIVER.find_elements(By.CSS_SELECTOR, "a")
            if index >= len(links):
                break
            DRIVER.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));", links[index])
            self.assert_nothing_ran(url)
            if DRIVER.current_url != url:
                DRIVER.get(url)

    def test_no_published_asset_runs_script(self):
        for name in SHAPES:
            with self.subTest(name):
                url = SITE.base + DOCS + name
                self.open_and_click_everything(url)
                self.assertFalse((SITE.folder / DOCS / name).exists(), f"{name} was published")
                self.assertEqual(SITE.server.status(url), 404, url)

    def test_the_page_linking_them_runs_nothing_and_keeps_plain_drawings(self):
        url = SITE.base + DOCS
        self.open_and_click_everything(url)
        DRIVER.get(url)
        images = DRIVER.execute_script(
            "return Array.from(document.querySelectorAll('main img, article img')).map(function (i) {"
            " return [i.getAttribute('src'), i.naturalWidth]; });")
        self.assertIn(["plain.svg", 10], images)
        self.assertTrue((SITE.folder / DOCS / "plain.svg").exists())
        self.open_and_click_everything(SITE.base + DOCS + "plain.svg")

    def test_build_warns_once_per_file_left_out(self):
        warnings = [line for line in SITE.log.splitlines() if "[docs.unsafe-asset]" in line]
        self.assertEqual(len(warnings), len(SHAPES), "\n".join(warnings))
        for name in SHAPES:
            self.assertEqual(sum(f"content/docs/svc/docs/{name}:" in line for line in warnings), 1, name)


if __name__ == "__main__":
    unittest.main()
