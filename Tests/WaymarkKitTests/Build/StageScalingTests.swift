import Foundation
import StructuredData
import Synchronization
import Testing
import WaymarkCatalog
import WaymarkKit
import WaymarkLoading
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// Stages run on N and 10 N synthetic entities must do the same number of whole-site operations:
/// counts, not times, so a stage that rebuilds a site-wide table per entity (quadratic: the
/// scorecard facts once built `api/dora.json`'s whole metrics table for every entity's note)
/// fails here, whatever the machine's speed.
@Suite struct StageScalingTests {
  static let sizes = [20, 200]

  /// Counts the builds of the whole metrics table (`DeliveryMetrics.value`).
  final class TableBuilds: Sendable {
    let count = Atomic<Int>(0)
  }

  @Test func scorecardFactsNeverBuildTheWholeMetricsTable() async throws {
    var counts: [Int] = []
    var notedEntities: [Int] = []
    for size in Self.sizes {
      let catalog = try await Self.catalog(components: size)
      let builds = TableBuilds()
      let delivery = Self.metrics(for: catalog, counting: builds)
      let facts = SiteBuilder.facts(catalog: catalog, docs: .empty, delivery: delivery, guardrails: .empty)
      counts.append(builds.count.load(ordering: .relaxed))
      notedEntities.append(facts.provenance.values.filter { $0["dora"] != nil }.count)
    }
    #expect(notedEntities == [20, 200])
    #expect(counts == [0, 0])
  }

  @Test func renderingBuildsTheWholeMetricsTableOnceWhateverTheEntities() async throws {
    var counts: [Int] = []
    var entityPages: [Int] = []
    for size in Self.sizes {
      let catalog = try await Self.catalog(components: size)
      let builds = TableBuilds()
      let (layouts, _) = LayoutSet.load(site: [:], displayPath: "layouts")
      let input = RenderInput(
        config: SiteConfig(), catalog: catalog, layouts: layouts, now: Self.now,
        delivery: Self.metrics(for: catalog, counting: builds))
      let site = await SiteRenderer().render(input)
      counts.append(builds.count.load(ordering: .relaxed))
      let pages = site.files.filter {
        $0.path.hasPrefix("catalog/default/component/") && $0.path.hasSuffix("/index.html")
      }
      entityPages.append(pages.count)
    }
    #expect(entityPages == [20, 200])
    #expect(counts == [1, 1])
  }

  static let now = Timestamp(iso8601: "2026-11-01T00:00:00Z")!

  /// `components` services of one team, each with delivery figures (as the events stage leaves them).
  static func catalog(components: Int) async throws -> Catalog {
    var yaml = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team}
      spec: {type: team, children: []}

      """
    for index in 0..<components {
      yaml += """
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: svc-\(index)}
        spec: {type: service, lifecycle: production, owner: team}

        """
    }
    let root = try SiteFixture.make(["catalog-info.yaml": yaml])
    let loaded = await CatalogLoader(root: root).load(paths: ["catalog-info.yaml"])
    let (catalog, diagnostics) = CatalogBuilder().build(loaded.documents)
    #expect(diagnostics.isEmpty)
    return catalog
  }

  /// Metrics with one component's figures per component, counting table builds in `builds`.
  static func metrics(for catalog: Catalog, counting builds: TableBuilds) -> DeliveryMetrics {
    var metrics = DeliveryMetrics(window: MetricWindow(end: now, days: 28), bands: .dora2024)
    for entity in catalog.entities where entity.ref.kind.lowercased() == "component" {
      metrics.entities[entity.ref] = ["deployments": 3, "events": 4]
    }
    metrics.onTableBuilt = { builds.count.add(1, ordering: .relaxed) }
    return metrics
  }
}
