"""TechDocs extensions in real headless Chromium (issue 30, item 5): a page of the fidelity corpus
with admonitions, content tabs, collapsible blocks and a Graphviz diagram, built with the real
`waymark` binary and served on loopback.

Admonitions are coloured by type, tabs switch by their labels with no script on the page, a closed
block opens on its summary, the diagram is an SVG with a drawn size, and axe-core finds no serious
or critical violation in light and dark. Screenshots go to .screenshots/ (ignored by git).
"""

import unittest

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

import portal_browser as pb

FIXTURE = pb.REPO / "Tests" / "Fixtures" / "techdocs-fidelity"
PAGE = "docs/default/component/fidelity/architecture/"
SITE = None
DRIVER = None


def setUpModule():
    global SITE, DRIVER
    DRIVER = pb.start_chromium()
    SITE = pb.BuiltSite(FIXTURE, "fidelity")


def tearDownModule():
    if DRIVER:
        DRIVER.quit()
    if SITE:
        SITE.close()


class TechDocsExtensionsTest(unittest.TestCase):
    def setUp(self):
        pb.set_color_scheme(DRIVER, "light")
        DRIVER.get(SITE.base + PAGE)

    def visible_blocks(self, tab_set):
        return [b.text.strip() for b in tab_set.find_elements(By.CSS_SELECTOR, ".tabbed-block") if b.is_displayed()]

    def test_admonitions_are_coloured_by_type(self):
        warning = DRIVER.find_element(By.CSS_SELECTOR, ".admonition.warning")
        note = DRIVER.find_element(By.CSS_SELECTOR, ".admonition.note")
        colour = lambda e: DRIVER.execute_script("return getComputedStyle(arguments[0]).borderLeftColor", e)
        self.assertEqual(warning.find_element(By.CSS_SELECTOR, ".admonition-title").text, "Nested")
        self.assertNotEqual(colour(warning), colour(note))
        self.assertEqual(DRIVER.find_elements(By.CSS_SELECTOR, "script"), [])

    def test_tabs_switch_by_label_without_script(self):
        tab_set = DRIVER.find_element(By.CSS_SELECTOR, ".tabbed-set")
        self.assertEqual(len(self.visible_blocks(tab_set)), 1)
        self.assertIn("client = Client", self.visible_blocks(tab_set)[0])
        tab_set.find_elements(By.CSS_SELECTOR, ".tabbed-labels > label")[1].click()
        self.assertEqual(len(self.visible_blocks(tab_set)), 1)
        self.assertIn("c := client.New", self.visible_blocks(tab_set)[0])

    def test_collapsible_block_opens_on_its_summary(self):
        closed = DRIVER.find_element(By.CSS_SELECTOR, ".docs-content details:not([open])")
        body = closed.find_element(By.CSS_SELECTOR, "p")
        self.assertFalse(body.is_displayed())
        closed.find_element(By.CSS_SELECTOR, "summary").click()
        self.assertTrue(body.is_displayed())
        self.assertTrue(DRIVER.find_element(By.CSS_SELECTOR, "details[open] .admonition.warning").is_displayed())

    def test_graphviz_diagram_is_drawn(self):
        svg = DRIVER.find_element(By.CSS_SELECTOR, ".diagram.diagram-graphviz svg")
        self.assertGreater(svg.size["width"], 50)
        self.assertGreater(svg.size["height"], 20)
        labels = [t.text for t in svg.find_elements(By.CSS_SELECTOR, "g.node text")]
        self.assertEqual(sorted(labels), ["client", "fidelity", "gateway", "postgres", "queue"])

    def test_axe_finds_no_serious_or_critical_violation_in_light_and_dark(self):
        pb.SCREENSHOTS.mkdir(exist_ok=True)
        found = {}
        try:
            for scheme in ("light", "dark"):
                pb.set_color_scheme(DRIVER, scheme)
                DRIVER.get(SITE.base + PAGE)
                for summary in DRIVER.find_elements(By.CSS_SELECTOR, ".docs-content details:not([open]) > summary"):
                    summary.click()
                axe = Axe(DRIVER)
                axe.inject()
                results = axe.run()
                bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
                       for v in results["violations"] if v["impact"] in ("serious", "critical")]
                if bad:
                    found[scheme] = bad
                pb.save_page_screenshot(DRIVER, pb.SCREENSHOTS / f"techdocs-extensions-{scheme}.png")
        finally:
            pb.set_color_scheme(DRIVER, "light")
        self.assertEqual(found, {})


if __name__ == "__main__":
    unittest.main()
