"""The demo portal in real headless Chromium (issue 11, item 5): built from content/ with the real
`waymark` binary under the sub-path /portal/, served by http.server on loopback.

Every page loads without console errors, every internal link and #anchor resolves, the catalog
explorer's filters narrow the table to the counts the catalog gives, search finds an entity and a
docs page, axe-core finds no serious or critical violation on the main pages in light and dark,
and the keyboard reaches the skip link, the navigation and the sort buttons with a visible focus.
Screenshots of the main pages go to .screenshots/ (ignored by git).
"""

import re
import unittest
from collections import Counter

from axe_selenium_python import Axe
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

import portal_browser as pb

SITE = None
DRIVER = None

# The pages whose design is checked (axe, screenshots): one of each page type.
MAIN_PAGES = {
    "home": "",
    "catalog": "catalog/",
    "entity-component": "catalog/default/component/payments-api/",
    "entity-api": "catalog/default/api/payments-v2/",
    "entity-group": "catalog/default/group/payments/",
    "entity-system": "catalog/default/system/payments/",
    "entity-user": "catalog/default/user/priya.raman/",
    "entity-template": "catalog/default/template/go-service/",
    "docs": "docs/default/component/payments-api/runbook/",
    "docs-index": "docs/",
    "entity-links": "catalog/default/component/account-web/",
    "scorecards": "scorecards/",
    "readiness": "readiness/",
    "dora": "dora/",
    "guardrails": "guardrails/",
    "golden-paths": "golden-paths/",
    "search": "search/?q=payments",
    "404": "404.html",
}


def setUpModule():
    global SITE, DRIVER
    DRIVER = pb.start_chromium()
    SITE = pb.BuiltSite(pb.REPO, "portal")


def tearDownModule():
    if DRIVER:
        DRIVER.quit()
    if SITE:
        SITE.close()


def focus_is_visible(driver):
    """Whether the focused element draws a focus indicator (an outline or a box shadow)."""
    return driver.execute_script(
        "var s = getComputedStyle(document.activeElement);"
        "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';")


class PortalTests(unittest.TestCase):
    maxDiff = None

    def test_every_page_loads_cleanly_and_every_link_resolves(self):
        crawl = pb.Crawl(DRIVER, SITE.server, SITE.folder, SITE.base).visit_all()
        self.assertEqual(len(crawl.pages), len(pb.html_files(SITE.folder)))
        self.assertEqual(crawl.errors, {}, "console errors")
        self.assertEqual(crawl.broken_links(), [])
        # Every page but the 404 page is reachable by links from the home page.
        self.assertEqual(crawl.unreachable(SITE.base), [SITE.base + "404.html"])
        internal = sum(1 for facts in crawl.pages.values() for link in facts["links"] if link.startswith(SITE.base))
        print(f"\nbrowser crawl: {len(crawl.pages)} pages, {internal} internal links, "
              f"{len(crawl.statuses)} other files checked over HTTP under {SITE.base}")

    def visible_rows(self):
        return DRIVER.execute_script(
            "return Array.from(document.querySelectorAll('#catalog-table tbody tr')).filter(function (r) { return !r.hidden; }).length;")

    def test_catalog_filters_narrow_the_table(self):
        entities = SITE.json("api/catalog.json")["entities"]
        levels = {r["entity"]: r["level"] or "none" for card in SITE.json("api/scorecards.json")["scorecards"]
                  if card["name"] == "production-readiness" for r in card["results"]}
        kinds = Counter(e["kind"] for e in entities)
        components = [e for e in entities if e["kind"] == "Component"]
        production = [e for e in components if e["spec"].get("lifecycle") == "production"]
        ref = lambda e: f"{e['kind'].lower()}:{e['metadata']['namespace']}/{e['metadata']['name']}"
        bronze = [e for e in production if levels.get(ref(e)) == "bronze"]
        self.assertTrue(len(entities) > len(components) > len(production) > len(bronze) > 0)

        DRIVER.get(SITE.base + "catalog/")
        count = DRIVER.find_element(By.ID, "catalog-count")
        # The whole list is in the HTML; the script shows the filters and counts.
        self.assertEqual(len(DRIVER.find_elements(By.CSS_SELECTOR, "#catalog-table tbody tr")), len(entities))
        self.assertEqual(count.text, f"{len(entities)} of {len(entities)} entities")
        steps = [("kind", "Component", components), ("lifecycle", "production", production), ("level", "bronze", bronze)]
        for name, value, expected in steps:
            Select(DRIVER.find_element(By.NAME, name)).select_by_visible_text(value)
            self.assertEqual(self.visible_rows(), len(expected), f"after {name} = {value}")
            self.assertEqual(count.text, f"{len(expected)} of {len(entities)} entities")
        Select(DRIVER.find_element(By.NAME, "kind")).select_by_visible_text("All")
        Select(DRIVER.find_element(By.NAME, "lifecycle")).select_by_visible_text("All")
        Select(DRIVER.find_element(By.NAME, "level")).select_by_visible_text("All")
        Select(DRIVER.find_element(By.NAME, "kind")).select_by_visible_text("API")
        self.assertEqual(self.visible_rows(), kinds["API"])
        # Sorting by name: ascending, then descending, every row kept.
        button = DRIVER.find_element(By.XPATH, "//th/button[normalize-space()='Name']")
        button.click()
        names = DRIVER.execute_script(
            "return Array.from(document.querySelectorAll('#catalog-table tbody tr')).map(function (r) { return r.cells[0].textContent.trim().toLowerCase(); });")
        self.assertEqual(names, sorted(names))
        self.assertEqual(button.find_element(By.XPATH, "..").get_attribute("aria-sort"), "ascending")
        self.assertEqual(pb.console_errors(DRIVER), [])

    def test_and_n_more_opens_the_catalog_filtered_to_the_whole_list(self):
        DRIVER.get(SITE.base + "scorecards/")
        more = DRIVER.find_elements(By.PARTIAL_LINK_TEXT, "more")
        self.assertTrue(more, "a check with more than 20 failing entities")
        row = more[0].find_element(By.XPATH, "./ancestor::tr")
        failing = int(re.match(r"\d+", row.find_elements(By.TAG_NAME, "td")[3].text).group())
        shown = len(row.find_elements(By.CSS_SELECTOR, "td:nth-child(4) a")) - 1
        self.assertEqual(more[0].text, f"and {failing - shown} more")
        more[0].click()
        self.assertIn("catalog/?failing=", DRIVER.current_url)
        self.assertEqual(self.visible_rows(), failing)
        total = len(SITE.json("api/catalog.json")["entities"])
        self.assertEqual(DRIVER.find_element(By.ID, "catalog-count").text, f"{failing} of {total} entities")
        self.assertTrue(DRIVER.find_element(By.ID, "catalog-failing").is_displayed())
        self.assertEqual(pb.console_errors(DRIVER), [])

    def search(self, query):
        """Types `query` into the header's search box on the home page and submits it."""
        DRIVER.get(SITE.base)
        box = DRIVER.find_element(By.ID, "site-search-q")
        box.send_keys(query, Keys.ENTER)
        WebDriverWait(DRIVER, 10).until(
            lambda d: re.fullmatch(r"\d+\+? results|No results\.", d.find_element(By.ID, "search-status").text))
        self.assertEqual(pb.console_errors(DRIVER), [])
        return [a.get_attribute("href") for a in DRIVER.find_elements(By.CSS_SELECTOR, "#search-results a")]

    def test_search_finds_an_entity_and_a_docs_page(self):
        entity = next(e for e in SITE.json("api/catalog.json")["entities"] if e["metadata"]["name"] == "payments-api")
        links = self.search(entity["metadata"]["title"])
        self.assertTrue(DRIVER.current_url.startswith(SITE.base + "search/?q="))
        self.assertIn(SITE.base + "catalog/default/component/payments-api/", links[:5])
        runbook = next(p for p in SITE.json("api/docs/default/component/payments-api.json")["pages"] if p["path"] == "runbook.md")
        links = self.search(f"{runbook['title']} payments")
        self.assertIn(SITE.base + runbook["url"], links[:5])
        self.assertEqual(self.search("zzqxv"), [])

    def test_search_results_sharing_a_title_show_their_references(self):
        self.search("Payments")
        refs = [c.text for c in DRIVER.find_elements(By.CSS_SELECTOR, "#search-results code.ref")]
        self.assertIn("group:default/payments", refs)
        self.assertIn("system:default/payments", refs)
        self.assertNotIn("api:default/payments-v2", refs)

    def test_axe_finds_no_serious_or_critical_violation_in_light_and_dark(self):
        pb.SCREENSHOTS.mkdir(exist_ok=True)
        found = {}
        try:
            for scheme in ("light", "dark"):
                pb.set_color_scheme(DRIVER, scheme)
                for name, path in MAIN_PAGES.items():
                    DRIVER.get(SITE.base + path)
                    if name == "search":
                        WebDriverWait(DRIVER, 10).until(lambda d: "results" in d.find_element(By.ID, "search-status").text)
                    axe = Axe(DRIVER)
                    axe.inject()
                    results = axe.run()
                    bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
                           for v in results["violations"] if v["impact"] in ("serious", "critical")]
                    if bad:
                        found[f"{name} [{scheme}]"] = bad
                    pb.save_page_screenshot(DRIVER, pb.SCREENSHOTS / f"{name}-{scheme}.png")
        finally:
            pb.set_color_scheme(DRIVER, "light")
        self.assertEqual(found, {})

    def tab_until(self, condition, limit=40):
        """Presses Tab until `condition` (a JS expression about document.activeElement) holds."""
        for presses in range(1, limit + 1):
            ActionChains(DRIVER).send_keys(Keys.TAB).perform()
            if DRIVER.execute_script(f"var e = document.activeElement; return !!({condition});"):
                return presses
        self.fail(f"Tab never reached {condition}")

    def test_keyboard_reaches_the_skip_link_navigation_and_controls(self):
        DRIVER.get(SITE.base)
        self.assertEqual(self.tab_until("e.classList.contains('skip')"), 1)
        skip = DRIVER.switch_to.active_element
        self.assertEqual(skip.text, "Skip to content")
        self.assertTrue(focus_is_visible(DRIVER))
        rect = DRIVER.execute_script("return document.activeElement.getBoundingClientRect().toJSON();")
        self.assertGreaterEqual(rect["left"], 0, "the focused skip link is on screen")
        skip.send_keys(Keys.ENTER)
        self.assertTrue(DRIVER.current_url.endswith("#main"))
        DRIVER.get(SITE.base)
        self.assertLessEqual(self.tab_until("e.closest('nav[aria-label=Site]')"), 4)
        self.assertTrue(focus_is_visible(DRIVER))
        DRIVER.get(SITE.base + "catalog/")
        self.tab_until("e.matches('#catalog-filters select')")
        self.assertTrue(focus_is_visible(DRIVER))
        self.tab_until("e.matches('th button')")
        self.assertTrue(focus_is_visible(DRIVER))
        ActionChains(DRIVER).send_keys(Keys.ENTER).perform()
        self.assertIsNotNone(DRIVER.execute_script("return document.querySelector('th[aria-sort]');"))


if __name__ == "__main__":
    unittest.main()
