import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// Golden HTML of every page type, rendered from the demo (`content/`): the `<main>` element of
/// the home page, the catalog explorer, an entity page of each kind, a docs page, the scorecards,
/// readiness, delivery, guardrails, golden paths, search and not-found pages.
@Suite struct PageGoldenTests {
  /// Output path → golden file name.
  static let pages: [(String, String)] = [
    ("index.html", "demo-home.html"),
    ("catalog/index.html", "demo-catalog.html"),
    ("scorecards/index.html", "demo-scorecards.html"),
    ("readiness/index.html", "demo-readiness.html"),
    ("dora/index.html", "demo-dora.html"),
    ("guardrails/index.html", "demo-guardrails.html"),
    ("golden-paths/index.html", "demo-golden-paths.html"),
    ("search/index.html", "demo-search.html"),
    ("404.html", "demo-404.html"),
    ("docs/default/component/payments-api/adr/0001-idempotency-keys/index.html", "demo-docs.html"),
    ("docs/index.html", "demo-docs-index.html"),
    ("catalog/default/component/account-web/index.html", "demo-entity-links.html"),
    ("catalog/default/component/checkout-web/index.html", "demo-entity-component.html"),
    ("catalog/default/api/payments-v2/index.html", "demo-entity-api.html"),
    ("catalog/default/system/payments/index.html", "demo-entity-system.html"),
    ("catalog/default/domain/commerce/index.html", "demo-entity-domain.html"),
    ("catalog/default/group/payments/index.html", "demo-entity-group.html"),
    ("catalog/default/user/amara.okafor/index.html", "demo-entity-user.html"),
    ("catalog/default/resource/payments-db/index.html", "demo-entity-resource.html"),
    ("catalog/default/location/golden-paths/index.html", "demo-entity-location.html"),
    ("catalog/default/template/go-service/index.html", "demo-entity-template.html"),
  ]

  @Test func everyPageTypeMatchesItsGolden() async throws {
    let result = try await SiteBuilder().build(
      BuildOptions(
        root: TestPaths.repositoryRoot, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"),
        writesOutput: false))
    #expect(result.diagnostics.errorCount == 0)
    for (path, golden) in Self.pages {
      let file = try #require(result.files.first { $0.path == path }, "\(path)")
      let html = String(decoding: file.bytes, as: UTF8.self)
      let start = try #require(html.range(of: "<main id=\"main\">"), "\(path)")
      let end = try #require(html.range(of: "</main>", range: start.upperBound..<html.endIndex), "\(path)")
      assertGolden(String(html[start.lowerBound..<end.upperBound]) + "\n", named: golden)
    }
  }
}
