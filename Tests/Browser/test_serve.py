"""`waymark serve` in headless Chromium (issue 26): with a page open, editing a docs page and a
catalog description shows both without a manual reload; breaking a catalog file shows its located
diagnostics over the last good page, and fixing it takes them away again. The page is never
reloaded by the test: a marker set in the window before each edit must be gone afterwards (the
page reloaded itself) while the new text is there.
"""

import shutil
import tempfile
import time
import unittest
from pathlib import Path

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import portal_browser as pb
from serve_session import ServeSession, replace_file

DRIVER = None

CATALOG = """apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc
  description: The first description
spec:
  type: service
  lifecycle: production
  owner: team-a
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: handbook
  annotations: {backstage.io/techdocs-ref: dir:../../handbook}
spec: {type: service, lifecycle: production, owner: team-a}
"""

# Builds of a debug binary on a loaded machine take seconds; the waits allow minutes.
WAIT = 180


def setUpModule():
    global DRIVER
    DRIVER = pb.start_chromium()


def tearDownModule():
    if DRIVER:
        DRIVER.quit()


class ServeTests(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.root = Path(tempfile.mkdtemp(prefix="waymark-serve-browser-"))
        (self.root / "content/catalog").mkdir(parents=True)
        (self.root / "handbook/docs").mkdir(parents=True)
        (self.root / "waymark.yaml").write_text("asOf: 2026-11-01T00:00:00Z\n")
        (self.root / "content/catalog/a.yaml").write_text(CATALOG)
        (self.root / "handbook/docs/index.md").write_text("# Handbook\n\nThe first words.\n")
        pb.console_errors(DRIVER)  # drop what earlier tests left in the log
        self.serve = ServeSession(pb.waymark_binary(), self.root)
        self.status = self.serve.wait_for(lambda status: status["built"], WAIT)
        self.assertEqual(self.status["errorCount"], 0, self.serve.output())

    def tearDown(self):
        # Leave the page first: an open page would retry the stopped server's events.
        DRIVER.get("about:blank")
        code = self.serve.stop()
        shutil.rmtree(self.root, ignore_errors=True)
        self.assertEqual(code, 0)

    def body_text(self):
        return DRIVER.find_element(By.TAG_NAME, "body").text

    def edit_and_wait(self, path, text, shows):
        """Marks the window, saves `text` at `path`, and waits until the page reloaded itself and
        `shows(driver)` holds."""
        DRIVER.execute_script("window.__beforeEdit = true;")
        replace_file(self.root / path, text)

        def reloaded(driver):
            try:
                return not driver.execute_script("return window.__beforeEdit === true;") and shows(driver)
            except WebDriverException:  # the page is between documents
                return False

        WebDriverWait(DRIVER, WAIT, poll_frequency=0.05).until(reloaded)
        self.status = self.serve.status()

    def test_a_docs_page_and_a_catalog_description_update_without_a_manual_reload(self):
        DRIVER.get(self.serve.url + "docs/default/component/handbook/")
        self.assertIn("The first words.", self.body_text())
        builds = self.status["builds"]
        self.edit_and_wait("handbook/docs/index.md", "# Handbook\n\nThe second words.\n",
                           lambda driver: "The second words." in self.body_text())
        self.assertNotIn("The first words.", self.body_text())
        # The edited page is shown before the whole build, which then publishes the same page:
        # the page is not reloaded a second time.
        self.assertEqual(self.status["early"]["changed"], ["handbook/docs/index.md"])
        self.assertEqual(self.status["early"]["files"], ["docs/default/component/handbook/index.html"])
        DRIVER.execute_script("window.__shownEarly = true;")
        self.status = self.serve.wait_for_build_after(builds, WAIT)
        self.assertEqual(self.status["timing"]["changed"], ["handbook/docs/index.md"])
        time.sleep(0.5)  # a reload the build asked for would have begun by now
        self.assertTrue(DRIVER.execute_script("return window.__shownEarly === true;"))
        self.assertIn("The second words.", self.body_text())

        DRIVER.get(self.serve.url + "catalog/default/component/svc/")
        self.assertIn("The first description", self.body_text())
        self.edit_and_wait("content/catalog/a.yaml", CATALOG.replace("The first description", "The second description"),
                           lambda driver: "The second description" in self.body_text())
        self.assertEqual(self.status["timing"]["changed"], ["content/catalog/a.yaml"])
        self.assertEqual(pb.console_errors(DRIVER), [])

    def test_a_broken_catalog_file_shows_its_diagnostics_until_it_is_fixed(self):
        DRIVER.get(self.serve.url + "catalog/default/component/svc/")
        self.assertEqual(DRIVER.find_elements(By.ID, "waymark-serve-errors"), [])
        broken = CATALOG.replace("  owner: team-a\n---", "  owner: team-x\n---", 1)
        self.edit_and_wait("content/catalog/a.yaml", broken,
                           lambda driver: driver.find_elements(By.ID, "waymark-serve-errors"))
        overlay = DRIVER.find_element(By.ID, "waymark-serve-errors")
        self.assertTrue(overlay.is_displayed())
        self.assertIn("waymark serve: the latest build failed with 1 error", overlay.text)
        self.assertIn("content/catalog/a.yaml:17:10: error: spec.owner 'group:default/team-x' does not exist; "
                      "did you mean 'group:default/team-a'? [catalog.dangling-ref]", overlay.text)
        # The last good page is still there under it.
        self.assertIn("The first description", self.body_text())

        self.edit_and_wait("content/catalog/a.yaml", CATALOG,
                           lambda driver: not driver.find_elements(By.ID, "waymark-serve-errors"))
        self.assertEqual(self.status["errorCount"], 0)
        self.assertIn("The first description", self.body_text())


if __name__ == "__main__":
    unittest.main()
