import StructuredData
import WaymarkModel
import WaymarkScorecards

/// The catalog explorer: every entity as a table row with the values its filters match on.
package struct CatalogExplorerModel {
  package let catalog: Catalog
  package let scorecards: ScorecardOutcome

  /// The scorecard whose level the explorer shows and filters by.
  package static let levelScorecard = "production-readiness"

  /// How many rows the page holds; a larger catalog's rows load from shards, so the page stays
  /// small (about 650 bytes a row) whatever the catalog's size.
  package static let rowsInPage = 100

  /// Rows per `api/catalog-explorer/<n>.json` shard.
  package static let rowsPerShard = 2000

  /// The path of shard `index`.
  package static func shardPath(_ index: Int) -> String { "api/catalog-explorer/\(index).json" }

  /// The explorer's page model: every row, the first page of them, and the shards to load the rest from.
  package func model(root: String) -> CatalogPage {
    var page = allRows(root: root)
    page.firstRows = Array(page.entities.prefix(Self.rowsInPage))
    page.firstCount = page.firstRows.count
    page.moreRows = page.entities.count > Self.rowsInPage
    page.shards = page.moreRows ? (0..<shardCount).map { root + Self.shardPath($0) } : []
    page.catalogJSON = root + "api/catalog.json"
    return page
  }

  /// The shard files, with URLs relative to the site's root; none when the page holds every row.
  package func shardFiles() -> [OutputFile] {
    guard catalog.entities.count > Self.rowsInPage else { return [] }
    let rows = allRows(root: "").entities
    let encoder = TemplateValueEncoder()
    let writer = JSONWriter(pretty: false)
    return (0..<shardCount).map { index in
      let slice = rows[(index * Self.rowsPerShard)..<min(rows.count, (index + 1) * Self.rowsPerShard)]
      return OutputFile(
        path: Self.shardPath(index),
        bytes: writer.bytes(for: ["rows": .array(slice.map(encoder.value(of:)))]) + [UInt8(ascii: "\n")])
    }
  }

  private var shardCount: Int { (catalog.entities.count + Self.rowsPerShard - 1) / Self.rowsPerShard }

  private func allRows(root: String) -> CatalogPage {
    let levels = Dictionary(
      (scorecards.reports.first { $0.scorecard.name == Self.levelScorecard }?.results ?? []).map {
        ($0.entity, $0.level ?? "none")
      },
      uniquingKeysWith: { first, _ in first })
    var failing: [EntityRef: [String]] = [:]
    for report in scorecards.reports {
      for score in report.results {
        for check in score.checks where check.outcome == .fail || check.outcome == .error {
          failing[score.entity, default: []].append(ScorecardViewModel.failingKey(report.scorecard.name, check.id))
        }
      }
    }
    var options: [String: Set<String>] = [:]
    let rows = catalog.entities.map { entity in
      let owner = entity.targets(of: "ownedBy").first ?? entity.externalTargets(of: "ownedBy").first
      let system = entity.targets(of: "partOf").first { $0.kind.lowercased() == "system" }
      var row = CatalogPage.Row(
        ref: entity.ref.canonical, title: entity.title, kind: entity.ref.kind,
        url: root + SitePaths.entityPage(entity.ref),
        description: entity.description, tags: entity.tags, tagList: entity.tags.joined(separator: " "),
        type: entity.type ?? "", lifecycle: entity.lifecycle ?? "",
        owner: owner.map {
          catalog.contains($0) ? EntityLink(to: $0, in: catalog, root: root) : EntityLink(external: $0)
        },
        ownerRef: owner?.canonical ?? "",
        system: system.map { EntityLink(to: $0, in: catalog, root: root) }, systemRef: system?.canonical ?? "",
        level: levels[entity.ref] ?? "")
      row.failing = (failing[entity.ref] ?? []).joined(separator: " ")
      row.sharedTitle = catalog.sharesTitle(entity.ref)
      options["kind", default: []].insert(entity.ref.kind)
      if let type = entity.type { options["type", default: []].insert(type) }
      if let lifecycle = entity.lifecycle { options["lifecycle", default: []].insert(lifecycle) }
      if let owner { options["owner", default: []].insert(owner.canonical) }
      if let system { options["system", default: []].insert(system.canonical) }
      for tag in entity.tags { options["tag", default: []].insert(tag) }
      if let level = levels[entity.ref] { options["level", default: []].insert(level) }
      return row
    }
    let filters = [
      ("kind", "Kind"), ("type", "Type"), ("lifecycle", "Lifecycle"), ("owner", "Owner"), ("system", "System"),
      ("tag", "Tag"),
      ("level", "Level"),
    ].map { name, label in
      CatalogPage.Filter(name: name, label: label, options: (options[name] ?? []).sorted())
    }
    return CatalogPage(entities: rows, filters: filters, count: rows.count)
  }
}
