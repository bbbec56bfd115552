"""Full-text search in headless Chromium (issue 25) over the demo portal, built under /portal/.

The header box on any page opens the results; `kafka` finds the Kafka entities and the docs page
that mentions Kafka only in its body, with the word marked in the excerpt; `payment` and the
misspelt `paymnts api` put the Payments API component first; kind facets filter and go into the
URL; typing searches as one types; arrow keys move between the box and the results.
"""

import re
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import portal_browser as pb

SITE = None
DRIVER = None
PAYMENTS_API = "catalog/default/component/payments-api/"
KAFKA = ["catalog/default/api/parcel-events/", "catalog/default/component/parcel-event-ingest/",
         "catalog/default/resource/parcel-events-topic/"]


def setUpModule():
    global SITE, DRIVER
    DRIVER = pb.start_chromium()
    SITE = pb.BuiltSite(pb.REPO, "portal")


def tearDownModule():
    if DRIVER:
        DRIVER.quit()
    if SITE:
        SITE.close()


def settled(driver):
    return re.fullmatch(r"\d+ results?|No results\.", driver.find_element(By.ID, "search-status").text)


class SearchTests(unittest.TestCase):
    def header_search(self, query, page="catalog/default/group/payments/"):
        """Types `query` into the header box of `page`, submits, and returns the result paths in order."""
        DRIVER.get(SITE.base + page)
        DRIVER.find_element(By.ID, "site-search-q").send_keys(query, Keys.ENTER)
        WebDriverWait(DRIVER, 10).until(settled)
        self.assertEqual(pb.console_errors(DRIVER), [])
        return self.results()

    def results(self):
        return [a.get_attribute("href").removeprefix(SITE.base)
                for a in DRIVER.find_elements(By.CSS_SELECTOR, "#search-results a")]

    def test_kafka_finds_the_entities_and_the_docs_body_with_the_word_marked(self):
        links = self.header_search("kafka")
        self.assertEqual(DRIVER.current_url, SITE.base + "search/?q=kafka")
        self.assertEqual(sorted(links[:3]), KAFKA)
        self.assertIn("docs/default/component/invoice-worker/", links)
        item = DRIVER.find_element(By.XPATH, "//ol[@id='search-results']/li[a[contains(@href, 'invoice-worker')]]")
        self.assertEqual({m.text.lower() for m in item.find_elements(By.TAG_NAME, "mark")}, {"kafka"})
        self.assertEqual(item.find_element(By.CLASS_NAME, "kind").text, "Docs")
        self.assertIn("Payments", item.text)  # the owner

    def test_payment_and_a_misspelling_put_the_payments_api_first(self):
        self.assertEqual(self.header_search("payment")[0], PAYMENTS_API)
        self.assertEqual(self.header_search("paymnts api")[0], PAYMENTS_API)
        self.assertEqual(self.header_search("kafak")[:3], self.header_search("kafka")[:3])
        self.assertEqual(self.header_search("zzqxv"), [])

    def test_kind_facets_filter_and_go_into_the_url(self):
        self.header_search("payments")
        DRIVER.find_element(By.XPATH, "//div[@id='search-kinds']/button[starts-with(., 'Docs ')]").click()
        WebDriverWait(DRIVER, 10).until(lambda d: "kind=Docs" in d.current_url)
        WebDriverWait(DRIVER, 10).until(settled)
        kinds = {k.text for k in DRIVER.find_elements(By.CSS_SELECTOR, "#search-results .kind")}
        self.assertEqual(kinds, {"Docs"})
        DRIVER.refresh()
        WebDriverWait(DRIVER, 10).until(settled)
        pressed = DRIVER.find_element(By.CSS_SELECTOR, "#search-kinds button[aria-pressed=true]").text
        self.assertTrue(pressed.startswith("Docs "), pressed)

    def test_typing_searches_and_arrow_keys_move_through_the_results(self):
        DRIVER.get(SITE.base + "search/")
        box = DRIVER.find_element(By.ID, "search-q")
        box.send_keys("idempot")
        WebDriverWait(DRIVER, 10).until(settled)
        links = self.results()
        self.assertEqual(links[0], "docs/default/component/payments-api/adr/0001-idempotency-keys/")
        self.assertEqual(DRIVER.current_url, SITE.base + "search/?q=idempot")
        box.send_keys(Keys.ARROW_DOWN)
        self.assertEqual(DRIVER.switch_to.active_element.get_attribute("href"), SITE.base + links[0])
        DRIVER.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        self.assertEqual(DRIVER.switch_to.active_element.get_attribute("href"), SITE.base + links[1])
        DRIVER.switch_to.active_element.send_keys(Keys.ARROW_UP)
        DRIVER.switch_to.active_element.send_keys(Keys.ARROW_UP)
        self.assertEqual(DRIVER.switch_to.active_element.get_attribute("id"), "search-q")
        self.assertEqual(pb.console_errors(DRIVER), [])


if __name__ == "__main__":
    unittest.main()
