import StructuredData
import WaymarkModel
import WaymarkScorecards

/// The catalog explorer: every entity as a table row with the values its filters match on.
package struct CatalogExplorerModel {
  package let catalog: Catalog
  package let scorecards: ScorecardOutcome

  /// The scorecard whose level the explorer shows and filters by.
  package static let levelScorecard = "production-readiness"

  package func model(root: String) -> [String: JSONValue] {
    let links = EntityViewModel(catalog: catalog)
    let levels = Dictionary(
      (scorecards.reports.first { $0.scorecard.name == Self.levelScorecard }?.results ?? []).map { ($0.entity, $0.level ?? "none") },
      uniquingKeysWith: { first, _ in first })
    var options: [String: Set<String>] = [:]
    let rows: [JSONValue] = catalog.entities.map { entity in
      let owner = entity.targets(of: "ownedBy").first
      let system = entity.targets(of: "partOf").first { $0.kind.lowercased() == "system" }
      var row: [String: JSONValue] = [
        "ref": .string(entity.ref.canonical), "title": .string(entity.title), "kind": .string(entity.ref.kind),
        "url": .string(root + SitePaths.entityPage(entity.ref)), "tags": .array(entity.tags.map(JSONValue.string)),
        "tagList": .string(entity.tags.joined(separator: " ")),
        "type": .string(entity.type ?? ""), "lifecycle": .string(entity.lifecycle ?? ""),
        "ownerRef": .string(owner?.canonical ?? ""), "systemRef": .string(system?.canonical ?? ""),
        "level": .string(levels[entity.ref] ?? ""),
      ]
      if let description = entity.description { row["description"] = .string(description) }
      if let owner { row["owner"] = links.link(to: owner, root: root) }
      if let system { row["system"] = links.link(to: system, root: root) }
      options["kind", default: []].insert(entity.ref.kind)
      if let type = entity.type { options["type", default: []].insert(type) }
      if let lifecycle = entity.lifecycle { options["lifecycle", default: []].insert(lifecycle) }
      if let owner { options["owner", default: []].insert(owner.canonical) }
      if let system { options["system", default: []].insert(system.canonical) }
      for tag in entity.tags { options["tag", default: []].insert(tag) }
      if let level = levels[entity.ref] { options["level", default: []].insert(level) }
      return .object(row)
    }
    let filters: [JSONValue] = [
      ("kind", "Kind"), ("type", "Type"), ("lifecycle", "Lifecycle"), ("owner", "Owner"), ("system", "System"), ("tag", "Tag"),
      ("level", "Level"),
    ].map { name, label in
      ["name": .string(name), "label": .string(label), "options": .array((options[name] ?? []).sorted().map(JSONValue.string))]
    }
    return ["entities": .array(rows), "filters": .array(filters), "count": .int(Int64(rows.count))]
  }
}
