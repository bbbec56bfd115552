import StructuredData
import WaymarkModel

/// Lists the portal's pages with their view models: home, catalog explorer, entity pages, 404.
package struct PageCatalogue {
  package let input: RenderInput

  /// Creates the catalogue of `input`'s pages.
  package init(input: RenderInput) {
    self.input = input
  }

  /// The annotation a catalog entity uses to ask for a layout by name.
  package static let layoutAnnotation = "waymark.dev/layout"

  package var scorecards: ScorecardViewModel {
    ScorecardViewModel(outcome: input.scorecards, catalog: input.catalog, now: input.now)
  }

  package func pages() -> [SiteRenderer.Page] {
    var pages: [SiteRenderer.Page] = [
      page(path: "", kind: "home", title: input.config.title, extra: homeModel(root: "")),
      page(path: "catalog/", kind: "catalog", title: "Catalog", extra: catalogModel(root: "../")),
      page(path: "404.html", kind: "404", title: "Page not found", extra: [:]),
      page(path: "scorecards/", kind: "scorecards", title: "Scorecards", extra: scorecards.scorecardsPage(root: "../")),
      page(path: "readiness/", kind: "readiness", title: "Readiness report", extra: scorecards.readinessPage(root: "../")),
      page(path: "search/", kind: "search", title: "Search", extra: [:]),
      page(path: "golden-paths/", kind: "golden-paths", title: "Golden paths", extra: TemplateModel(catalog: input.catalog).page(root: "../")),
    ]
    if let delivery = input.delivery {
      let dashboard = DORAViewModel(delivery: delivery).dashboard(catalog: input.catalog, root: "../")
      pages.append(page(path: "dora/", kind: "dora", title: "Delivery metrics", extra: ["dora": dashboard]))
    }
    let extras = EntityPageExtras(catalog: input.catalog, scorecards: input.scorecards)
    let entities = EntityViewModel(catalog: input.catalog)
    let policy = GuardrailResultsRenderer(results: input.guardrails, catalog: input.catalog)
    if policy.isActive {
      pages.append(page(path: "guardrails/", kind: "guardrails", title: "Guardrails", extra: policy.overviewModel(root: "../")))
    }
    for entity in input.catalog.entities {
      let path = SitePaths.entityPage(entity.ref)
      let root = SitePaths.rootPrefix(forPageAt: path)
      let layoutPath = ValuePath(keys: "metadata", "annotations", Self.layoutAnnotation)
      let layout = entity.document.value(at: ["metadata", "annotations", Self.layoutAnnotation])?.stringValue
      var extra = extras.extras(for: entity, root: root)
      let scorecardSection = scorecards.entitySection(entity.ref)
      extra["entity"] = entities.model(for: entity, root: root)
      extra["scorecards"] = scorecardSection
      extra["hasScorecards"] = .bool(scorecardSection.arrayValue?.isEmpty == false)
      if let delivery = input.delivery { extra["dora"] = DORAViewModel(delivery: delivery).tiles(for: entity.ref) }
      extra["docs"] = entityDocsModel(for: entity.ref, root: root) ?? .null
      extra["policy"] = policy.entityModel(for: entity, root: root) ?? .null
      var built = page(
        path: path, kind: "entity", section: SitePaths.safeSegment(entity.ref.kind), layout: layout, title: entity.title,
        extra: extra)
      built.layoutLocation = entity.source.location(of: layout == nil ? ValuePath(keys: "kind") : layoutPath)
      pages.append(built)
    }
    pages += docsPages()
    return pages
  }

  package func page(
    path: String, kind: String, section: String? = nil, layout: String? = nil, title: String, extra: [String: JSONValue]
  ) -> SiteRenderer.Page {
    let root = SitePaths.rootPrefix(forPageAt: path)
    var model = extra
    model["site"] = [
      "title": .string(input.config.title),
      "baseURL": .string(input.config.baseURL),
      "asOf": .string(input.now.description),
      "asOfDate": .string(input.now.dateString),
      "generator": .string("Waymark \(WaymarkVersion.current)"),
    ]
    model["page"] = ["title": .string(title), "kind": .string(kind), "path": .string(path)]
    model["root"] = .string(root)
    let guardrails = GuardrailResultsRenderer(results: input.guardrails, catalog: input.catalog).isActive ? [("Guardrails", "guardrails/")] : []
    model["nav"] = .array(
      ([("Home", ""), ("Catalog", "catalog/"), ("Golden paths", "golden-paths/"), ("Scorecards", "scorecards/"), ("Readiness", "readiness/")]
        + (input.delivery == nil ? [] : [("Delivery", "dora/")]) + guardrails + [("Search", "search/")]).map { label, target in
        ["label": .string(label), "url": .string(root + target), "current": .bool(target == path)]
      })
    return SiteRenderer.Page(path: path, descriptor: PageDescriptor(kind: kind, section: section, layout: layout), model: .object(model))
  }

  private func homeModel(root: String) -> [String: JSONValue] {
    HomeModel(input: input).model(root: root)
  }

  private func catalogModel(root: String) -> [String: JSONValue] {
    CatalogExplorerModel(catalog: input.catalog, scorecards: input.scorecards).model(root: root)
  }
}
