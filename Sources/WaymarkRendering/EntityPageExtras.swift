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
      uniqueKeysWithValues: scorecards.reports.map {
        ($0.scorecard.name, rollup.rollups(of: $0)["groups"]?.objectValue ?? [:])
      })
  }

  /// The entity page's model: `entity`, scorecards and the kind's extras (delivery, docs and
  /// guardrails are added by the caller).
  package func page(for entity: Entity, root: String, scorecards section: [EntityScorecard]) -> EntityPage {
    var page = EntityPage(
      entity: EntityViewModel(catalog: catalog).details(for: entity, root: root), scorecards: section,
      hasScorecards: !section.isEmpty)
    let kind = entity.ref.kind.lowercased()
    let graph = EntityGraph.neighbourhood(of: entity.ref, in: catalog, edges: edges)
    if graph.nodes.count > 1 {
      page.graph = GraphSVGRenderer().svg(
        graph, link: { root + SitePaths.entityPage($0) },
        label: "Dependencies of \(entity.title)")
    }
    if kind == "system" || kind == "domain" {
      let map = EntityGraph.map(of: entity.ref, in: catalog, edges: edges)
      if !map.nodes.isEmpty {
        page.map = GraphSVGRenderer().svg(
          map, link: { root + SitePaths.entityPage($0) },
          label: "Map of \(entity.title)")
      }
    }
    if kind == "api" { page.api = apiModel(entity) }
    if kind == "group" { page.group = groupModel(entity, root: root) }
    if kind == "user" {
      let profile = entity.document.value(at: ["spec", "profile"])
      page.user = EntityPage.UserDetails(
        displayName: TemplateScalar.present(profile?["displayName"]), email: TemplateScalar.present(profile?["email"]),
        groups: links(to: catalog.groupHierarchy.groups(containing: entity.ref), root: root))
    }
    if kind == "template" { page.template = TemplateModel(catalog: catalog).model(for: entity, root: root) }
    return page
  }

  private func apiModel(_ entity: Entity) -> APIDetails {
    let type = entity.type ?? ""
    let definition = entity.document.value(at: ["spec", "definition"])
    let text = definition?.stringValue ?? definition.map { JSONWriter().string(for: $0) } ?? ""
    let summary = APIDefinitionSummary(type: type, definition: text)
    return APIDetails(
      definition: text, hasDefinition: !text.isEmpty,
      operations: summary.operations.map {
        APIDetails.Operation(
          method: $0.method, path: $0.path, summary: $0.summary, parameters: $0.parameters.joined(separator: ", "))
      },
      hasOperations: !summary.operations.isEmpty,
      channels: summary.channels.map {
        APIDetails.Channel(name: $0.name, actions: $0.actions.joined(separator: ", "), description: $0.description)
      },
      hasChannels: !summary.channels.isEmpty,
      services: summary.services.map { APIDetails.Service(name: $0.name, methods: $0.methods) },
      hasServices: !summary.services.isEmpty, fields: summary.fields, hasFields: !summary.fields.isEmpty)
  }

  /// Links to `refs`, sorted by reference; one provided outside the repository is shown as text.
  private func links(to refs: [EntityRef], root: String) -> [EntityLink] {
    refs.sorted().map { catalog.contains($0) ? EntityLink(to: $0, in: catalog, root: root) : EntityLink(external: $0) }
  }

  private func groupModel(_ entity: Entity, root: String) -> GroupDetails {
    // Members and sub-groups an org provider supplies (`catalog.external`) are listed as text.
    let members =
      entity.targets(of: "hasMember").map { EntityLink(to: $0, in: catalog, root: root) }
      + entity.externalTargets(of: "hasMember").map { EntityLink(external: $0) }
    let children =
      entity.targets(of: "parentOf").map { EntityLink(to: $0, in: catalog, root: root) }
      + entity.externalTargets(of: "parentOf").map { EntityLink(external: $0) }
    let owned = entity.targets(of: "ownerOf").map { ref in
      var link = EntityLink(to: ref, in: catalog, root: root)
      for report in scorecards.reports where report.scorecard.name == "production-readiness" {
        if let score = report.result(for: ref) { link.level = score.level ?? "none" }
      }
      return link
    }
    var readiness: [GroupDetails.Readiness] = []
    for report in scorecards.reports {
      guard let summary = groupSummaries[report.scorecard.name]?[entity.ref.canonical] else { continue }
      let levels = (["none"] + report.scorecard.levels).map { level in
        LevelCount(level: level, count: TemplateScalar(summary["levels"]?[level] ?? 0))
      }
      readiness.append(
        GroupDetails.Readiness(
          title: report.scorecard.title,
          averageScore: ScorecardViewModel.percentText(summary["averageScore"]?.doubleValue),
          levels: levels))
    }
    var details = GroupDetails(
      members: members, hasMembers: !members.isEmpty, children: children, hasChildren: !children.isEmpty,
      owned: owned, hasOwned: !owned.isEmpty, readiness: readiness, hasReadiness: !readiness.isEmpty)
    let profile = entity.document.value(at: ["spec", "profile"])
    let displayName = profile?["displayName"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? entity.title
    details.displayName = displayName
    details.initials = Self.initials(of: displayName)
    details.email = profile?["email"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    details.picture = profile?["picture"]?.stringValue.flatMap(EntityActionLinks.httpURL).flatMap { url in
      url.lowercased().hasPrefix("https://") ? url : nil
    }
    return details
  }

  /// The first letters of the first two words of `name` (`Platform Engineering` → `PE`).
  package static func initials(of name: String) -> String {
    let words = name.split { !$0.isLetter && !$0.isNumber }
    return String(words.prefix(2).compactMap(\.first)).uppercased()
  }
}
