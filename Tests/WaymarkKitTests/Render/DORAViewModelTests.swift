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

/// On a large organisation the dashboard lists only the components that deploy most, so that the
/// page stays light; the rest are on their own pages and in `api/dora.json`.
@Suite struct DORADashboardLimitTests {
  typealias F = DeliveryFixture

  static func component(_ name: String) -> String {
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: \(name)}
    spec: {type: service, lifecycle: production, owner: team-a}
    """
  }

  static func deployment(of name: String, number: Int) -> String {
    F.cdevent(
      "service.deployed.0.3.0", id: "\(name)-\(number)", at: "2026-10-1\(number)T10:00:00Z", subject: "service/\(name)",
      chain: nil,
      content: #"{"environment":{"id":"production"},"artifactId":"pkg:oci/\#(name)@a\#(number)"}"#)
  }

  @Test func theDashboardListsTheFiftyComponentsThatDeployMost() async throws {
    let names = (0..<52).map { String(format: "c%02d", $0) }
    let team =
      "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\nspec: {type: team, children: []}"
    let catalog = ([team] + names.map(Self.component)).joined(separator: "\n---\n") + "\n"
    var events = names.map { Self.deployment(of: $0, number: 1) }
    events += [
      Self.deployment(of: "c51", number: 2), Self.deployment(of: "c51", number: 3),
      Self.deployment(of: "c07", number: 2),
    ]
    let result = try await F.build(["content/events/all.jsonl": events.joined(separator: "\n")], catalog: catalog)
    let file = try #require(result.files.first { $0.path == "dora/index.html" })
    let html = String(decoding: file.bytes, as: UTF8.self)
    let start = try #require(html.range(of: "<h2>Components</h2>"))
    let section = html[start.lowerBound...]
    let tableEnd = try #require(section.range(of: "</table>"))
    let table = String(section[..<tableEnd.lowerBound])
    #expect(
      table.contains(
        "The 50 of 52 with the most deployments; every component&#39;s figures are on its page and in api/dora.json."))
    let listed = names.filter { table.contains("component/\($0)/") }
    #expect(listed == names.filter { $0 != "c49" && $0 != "c50" })
    let first = try #require(table.range(of: "component/c51/"))
    let second = try #require(table.range(of: "component/c07/"))
    let third = try #require(table.range(of: "component/c00/"))
    #expect(first.lowerBound < second.lowerBound && second.lowerBound < third.lowerBound)
  }
}
