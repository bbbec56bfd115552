"""Hostile input in real headless Chromium (issue 11, item 6): Tests/Fixtures/xss is a site whose
every free-text field (titles, descriptions, types, lifecycles, annotations, links, profiles, API
definitions, docs markdown and front matter, mkdocs names, policy-result messages and rules,
event subjects and types, ticket types, scorecards, waivers, the site title) holds an HTML or
script payload. Built with the real `waymark` and opened page by page, no dialog may open, no
element the payloads describe may exist, and the payloads must read as plain text.
"""

import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

import portal_browser as pb

SITE = None
DRIVER = None

# Anything a payload could have injected: inline scripts, event-handler attributes (checked
# separately, for every attribute name), frames and plugins, script URLs.
INJECTED = """
var base = arguments[0], found = [];
document.querySelectorAll('script').forEach(function (s) {
  if (!s.src || s.src.indexOf(base + 'assets/') !== 0) found.push(s.outerHTML.slice(0, 120));
});
document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv], form[action^="javascript" i]').forEach(function (e) {
  found.push(e.outerHTML.slice(0, 120));
});
document.querySelectorAll('*').forEach(function (e) {
  Array.from(e.attributes).forEach(function (a) {
    if (/^on/i.test(a.name)) found.push(e.tagName + '[' + a.name + ']');
    if (/^\\s*(javascript|vbscript|data):/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name)) {
      found.push(e.tagName + '[' + a.name + '=' + a.value.slice(0, 60) + ']');
    }
  });
});
document.querySelectorAll('svg').forEach(function (s) {
  if (!/^(sparkline|graph|bar-chart|line-chart)$/.test(s.getAttribute('class') || '')) found.push(s.outerHTML.slice(0, 120));
});
return found;
"""

# Payloads that must read as text, page by page (`textContent`, so collapsed <details> count).
VISIBLE = {
    "": ["XSS <script>alert('site')</script> portal", "service/<script>alert('unmapped-subject')</script> (1)",
         "dev.cdevents.<img src=x onerror=alert('unknown-type')>.0.1.0 (1)"],
    "catalog/default/component/xss-svc/": [
        "<script>alert('title')</script> Payload service",
        "<img src=x onerror=alert('description')> and \"><svg onload=alert('description-2')> and "
        "&lt;script&gt;alert(3)&lt;/script&gt; &#60;b&#62;",
        "service<img src=x onerror=alert('type')>", "production\"><script>alert('lifecycle')</script>",
        "<script>alert('annotation')</script>", "\" onmouseover=\"alert('annotation-attr')\" x=\"",
        "\"><svg onload=alert('link-title-2')>", "<script>alert('message')</script> and \"><svg onload=alert('message-2')>",
        "Pager <svg onload=alert('check-title')>", "Team <script>alert('group-title')</script>",
        "Docs <script>alert('site_name')</script>"],
    "catalog/default/api/xss-api/": [
        "/pay/<script>alert('path')</script>", "<img src=x onerror=alert('summary')>",
        "</code></pre><script>alert('definition')</script>", "\"><svg onload=alert('parameter')>"],
    "catalog/default/api/xss-events/": ["orders/<script>alert('channel')</script>", "<img src=x onerror=alert('channel-description')>"],
    "catalog/default/user/xss-user/": ["<script>alert('user-displayName')</script>", "\"><script>alert('user-email')</script>@example.com"],
    "catalog/default/template/xss-template/": ["<script>alert('step-name')</script>", "fetch:template<img src=x onerror=alert('step-action')>"],
    "catalog/default/system/xss-system/": ["System <script>alert('system-title')</script>", "Database <script>alert('resource-title')</script>"],
    "docs/default/component/xss-svc/": [
        "Payloads <img src=x onerror=alert('heading')>", "<script>alert('entity')</script>", "<script>alert('code')</script>",
        "<script>alert('fenced')</script>", "<img src=x onerror=alert('front-matter-description')>",
        "<svg onload=alert('nav-title')>"],
    "guardrails/": ["<img src=x onerror=alert('unmapped-message')>", "RULE<img src=x onerror=alert('rule-id')>"],
    "dora/": ["<script>alert('ticket-type')</script> 1"],
    "scorecards/": ["Readiness <script>alert('scorecard-title')</script>"],
    "readiness/": ["Pager <svg onload=alert('check-title')>", "<img src=x onerror=alert('remediation-img')>"],
    "catalog/default/component/xss-dep/": ["Dependency <img src=x onerror=alert('dep-title')>", "<script>alert('waiver-reason')</script>"],
}


def setUpModule():
    global SITE, DRIVER
    DRIVER = pb.start_chromium()
    SITE = pb.BuiltSite(pb.REPO / "Tests/Fixtures/xss", "xss")


def tearDownModule():
    if DRIVER:
        DRIVER.quit()
    if SITE:
        SITE.close()


class EscapingTests(unittest.TestCase):
    maxDiff = None

    def assert_inert(self, url):
        """No dialog opened or was asked for, and nothing a payload describes is in the page."""
        self.assertIsNone(pb.open_alert_text(DRIVER), f"a dialog opened on {url}")
        self.assertEqual(DRIVER.execute_script("return window.__dialogs;"), [], url)
        self.assertEqual(DRIVER.execute_script(INJECTED, SITE.base), [], url)

    def test_no_page_runs_or_injects_a_payload(self):
        crawl = pb.Crawl(DRIVER, SITE.server, SITE.folder, SITE.base)
        for relative in pb.html_files(SITE.folder):
            url = pb.page_url(SITE.base, relative)
            DRIVER.get(url)
            self.assert_inert(url)
            crawl.pages[url] = DRIVER.execute_script(pb.PAGE_FACTS)
            self.assertEqual(pb.console_errors(DRIVER), [], url)
        # Script and data URLs were dropped, not linked; everything else resolves.
        self.assertEqual(crawl.broken_links(), [])
        self.assertGreaterEqual(len(crawl.pages), 20)

    def test_payloads_read_as_text(self):
        for path, texts in VISIBLE.items():
            DRIVER.get(SITE.base + path)
            text = DRIVER.execute_script("return document.body.textContent;")
            for payload in texts:
                self.assertIn(payload, text, f"{path or 'home'}")
            self.assert_inert(SITE.base + path)
        DRIVER.get(SITE.base + "catalog/default/component/xss-svc/")
        self.assertEqual(DRIVER.find_element(By.TAG_NAME, "h1").text, "<script>alert('title')</script> Payload service")
        self.assertTrue(DRIVER.title.startswith("<script>alert('title')</script> Payload service · "))

    def test_search_and_filters_keep_payloads_inert(self):
        DRIVER.get(SITE.base)
        DRIVER.find_element(By.ID, "site-search-q").send_keys("payload service", Keys.ENTER)
        WebDriverWait(DRIVER, 10).until(lambda d: "result" in d.find_element(By.ID, "search-status").text)
        titles = [a.text for a in DRIVER.find_elements(By.CSS_SELECTOR, "#search-results a")]
        self.assertIn("<script>alert('title')</script> Payload service", titles)
        self.assert_inert(DRIVER.current_url)
        DRIVER.get(SITE.base + "catalog/")
        Select(DRIVER.find_element(By.NAME, "lifecycle")).select_by_visible_text("production\"><script>alert('lifecycle')</script>")
        shown = DRIVER.execute_script(
            "return Array.from(document.querySelectorAll('#catalog-table tbody tr')).filter(function (r) { return !r.hidden; })"
            ".map(function (r) { return r.cells[0].querySelector('a').textContent; });")
        self.assertEqual(shown, ["<script>alert('title')</script> Payload service"])
        DRIVER.find_element(By.XPATH, "//th/button[normalize-space()='Type']").click()
        self.assert_inert(DRIVER.current_url)


if __name__ == "__main__":
    unittest.main()
