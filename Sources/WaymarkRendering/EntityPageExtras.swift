import StructuredData
import WaymarkModel
import WaymarkScorecards

/// What an entity page shows beyond the entity's own fields, by kind: its dependency graph,
/// an API's operations, a group's members and owned entities, a system's or domain's map.
package struct EntityPageExtras {
  package let catalog: Catalog
  package let scorecards: ScorecardOutcome
  /// Each scorecard's per-group summaries, computed once rather than once per group page.
  package let groupSummaries: [String: [String: JSONValue]]
  /// The dependency edges, indexed once for every entity's graph.
  package let edges: DependencyEdges

  package init(catalog: Catalog, scorecards: ScorecardOutcome) {
    self.catalog = catalog
    self.scorecards = scorecards
    edges = DependencyEdges(catalog: catalog)
    let rollup = ScorecardRollup(catalog: catalog)
    groupSummaries = Dictionary(
      uniqueKeysWithValues: scorecards.reports.map { ($0.scorecard.name, rollup.rollups(of: $0)["groups"]?.objectValue ?? [:]) })
  }

  package func extras(for entity: Entity, root: String) -> [String: JSONValue] {
    let links = EntityViewModel(catalog: catalog)
    var extra: [String: JSONValue] = [:]
    let kind = entity.ref.kind.lowercased()
    let graph = EntityGraph.neighbourhood(of: entity.ref, in: catalog, edges: edges)
    if graph.nodes.count > 1 {
      extra["graph"] = .string(
        GraphSVGRenderer().svg(graph, link: { root + SitePaths.entityPage($0) }, label: "Dependencies of \(entity.title)"))
    }
    if kind == "system" || kind == "domain" {
      let map = EntityGraph.map(of: entity.ref, in: catalog, edges: edges)
      if !map.nodes.isEmpty {
        extra["map"] = .string(GraphSVGRenderer().svg(map, link: { root + SitePaths.entityPage($0) }, label: "Map of \(entity.title)"))
      }
    }
    if kind == "api" {
      extra["api"] = apiModel(entity)
    }
    if kind == "group" {
      extra["group"] = groupModel(entity, root: root, links: links)
    }
    if kind == "user" {
      let profile = entity.document.value(at: ["spec", "profile"])
      extra["user"] = [
        "displayName": profile?["displayName"] ?? .null, "email": profile?["email"] ?? .null,
        "groups": .array(catalog.groupHierarchy.groups(containing: entity.ref).map { links.link(to: $0, root: root) }),
      ]
    }
    if kind == "template" {
      extra["template"] = TemplateModel(catalog: catalog).model(for: entity, root: root)
    }
    return extra
  }

  private func apiModel(_ entity: Entity) -> JSONValue {
    let type = entity.type ?? ""
    let definition = entity.document.value(at: ["spec", "definition"])
    let text = definition?.stringValue ?? definition.map { JSONWriter().string(for: $0) } ?? ""
    let summary = APIDefinitionSummary(type: type, definition: text)
    return [
      "definition": .string(text), "hasDefinition": .bool(!text.isEmpty),
      "operations": .array(
        summary.operations.map {
          ["method": .string($0.method), "path": .string($0.path), "summary": .string($0.summary), "parameters": .string($0.parameters.joined(separator: ", "))]
        }),
      "hasOperations": .bool(!summary.operations.isEmpty),
      "channels": .array(
        summary.channels.map { ["name": .string($0.name), "actions": .string($0.actions.joined(separator: ", ")), "description": .string($0.description)] }),
      "hasChannels": .bool(!summary.channels.isEmpty),
      "services": .array(summary.services.map { ["name": .string($0.name), "methods": .array($0.methods.map(JSONValue.string))] }),
      "hasServices": .bool(!summary.services.isEmpty),
      "fields": .array(summary.fields.map(JSONValue.string)),
      "hasFields": .bool(!summary.fields.isEmpty),
    ]
  }

  private func groupModel(_ entity: Entity, root: String, links: EntityViewModel) -> JSONValue {
    let members = entity.targets(of: "hasMember").map { links.link(to: $0, root: root) }
    let children = entity.targets(of: "parentOf").map { links.link(to: $0, root: root) }
    let owned = entity.targets(of: "ownerOf").map { ref -> JSONValue in
      var link = links.link(to: ref, root: root).objectValue ?? [:]
      for report in scorecards.reports where report.scorecard.name == "production-readiness" {
        if let score = report.result(for: ref) { link["level"] = .string(score.level ?? "none") }
      }
      return .object(link)
    }
    var readiness: [JSONValue] = []
    for report in scorecards.reports {
      guard let summary = groupSummaries[report.scorecard.name]?[entity.ref.canonical] else { continue }
      let levels = (["none"] + report.scorecard.levels).map { level -> JSONValue in
        ["level": .string(level), "count": summary["levels"]?[level] ?? 0]
      }
      readiness.append([
        "title": .string(report.scorecard.title), "averageScore": ScorecardViewModel.percent(summary["averageScore"]?.doubleValue),
        "levels": .array(levels),
      ])
    }
    return [
      "members": .array(members), "hasMembers": .bool(!members.isEmpty),
      "children": .array(children), "hasChildren": .bool(!children.isEmpty),
      "owned": .array(owned), "hasOwned": .bool(!owned.isEmpty),
      "readiness": .array(readiness), "hasReadiness": .bool(!readiness.isEmpty),
    ]
  }
}
