import Foundation
import Testing
import WaymarkKit
import WaymarkTestSupport

/// Entity pages show DORA tiles (raw value, band with its report, what it rests on) and the
/// dashboard lists every roll-up level; pages of sites without events are unchanged.
@Suite struct DORAViewModelTests {
  typealias F = DeliveryFixture

  func page(_ result: BuildResult, _ path: String) throws -> String {
    let file = try #require(result.files.first { $0.path == path })
    return String(decoding: file.bytes, as: UTF8.self)
  }

  @Test func entityPagesShowTheTiles() async throws {
    let result = try await F.build(["content/events/svc.jsonl": DORAEvaluatorTests.scenario.joined(separator: "\n")])
    let html = try page(result, "catalog/default/component/svc/index.html")
    let start = try #require(html.range(of: "<section aria-labelledby=\"dora-heading\""))
    let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
    assertGolden(String(html[start.lowerBound..<end.upperBound]) + "\n", named: "entity-dora.html")
    // `web` has no events: no section at all, rather than a row of zeros.
    #expect(!(try page(result, "catalog/default/component/web/index.html")).contains("dora-heading"))
  }

  @Test func theDashboardListsEveryLevel() async throws {
    let result = try await F.build(["content/events/svc.jsonl": DORAEvaluatorTests.scenario.joined(separator: "\n")])
    let html = try page(result, "dora/index.html")
    for heading in ["<h2>Groups</h2>", "<h2>Domains</h2>", "<h2>Systems</h2>", "<h2>Components</h2>"] {
      #expect(html.contains(heading), "\(heading)")
    }
    #expect(html.contains("6 h <span class=\"band band-elite\">elite</span>"))
    #expect(html.contains("<a href=\"../dora/\" aria-current=\"page\">Delivery</a>"))
  }

  @Test func sitesWithoutEventsHaveNoDeliveryPages() async throws {
    let result = try await F.build([:])
    #expect(!result.files.contains { $0.path == "dora/index.html" || $0.path == "api/dora.json" })
    #expect(!(try page(result, "index.html")).contains("Delivery"))
  }
}
