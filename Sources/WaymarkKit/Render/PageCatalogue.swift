import StructuredData

/// Lists the portal's pages with their view models: home, catalog explorer, entity pages, 404.
struct PageCatalogue {
  let input: RenderInput

  /// The annotation a catalog entity uses to ask for a layout by name.
  static let layoutAnnotation = "waymark.dev/layout"

  func pages() -> [SiteRenderer.Page] {
    var pages: [SiteRenderer.Page] = [
      page(path: "", kind: "home", title: input.config.title, extra: homeModel(root: "")),
      page(path: "catalog/", kind: "catalog", title: "Catalog", extra: catalogModel(root: "../")),
      page(path: "404.html", kind: "404", title: "Page not found", extra: [:]),
    ]
    if let delivery = input.delivery {
      let dashboard = DORAViewModel(delivery: delivery).dashboard(catalog: input.catalog, root: "../")
      pages.append(page(path: "dora/", kind: "dora", title: "Delivery metrics", extra: ["dora": dashboard]))
    }
    let entities = EntityViewModel(catalog: input.catalog)
    for entity in input.catalog.entities {
      let path = SitePaths.entityPage(entity.ref)
      let root = SitePaths.rootPrefix(forPageAt: path)
      let layoutPath = ValuePath(keys: "metadata", "annotations", Self.layoutAnnotation)
      let layout = entity.document.value(at: ["metadata", "annotations", Self.layoutAnnotation])?.stringValue
      var extra = ["entity": entities.model(for: entity, root: root)]
      if let delivery = input.delivery { extra["dora"] = DORAViewModel(delivery: delivery).tiles(for: entity.ref) }
      var built = page(
        path: path, kind: "entity", section: SitePaths.safeSegment(entity.ref.kind), layout: layout, title: entity.title,
        extra: extra)
      built.layoutLocation = entity.source.location(of: layout == nil ? ValuePath(keys: "kind") : layoutPath)
      pages.append(built)
    }
    return pages
  }

  private func page(
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
    model["nav"] = .array(
      ([("Home", ""), ("Catalog", "catalog/")] + (input.delivery == nil ? [] : [("Delivery", "dora/")])).map { label, target in
        ["label": .string(label), "url": .string(root + target), "current": .bool(target == path)]
      })
    return SiteRenderer.Page(path: path, descriptor: PageDescriptor(kind: kind, section: section, layout: layout), model: .object(model))
  }

  private func homeModel(root: String) -> [String: JSONValue] {
    let counts = input.catalog.countsByKind.sorted { $0.key < $1.key }
    return [
      "entityCount": .int(Int64(input.catalog.entities.count)),
      "kinds": .array(counts.map { kind, count in ["kind": .string(kind), "count": .int(Int64(count))] }),
    ]
  }

  private func catalogModel(root: String) -> [String: JSONValue] {
    let entities = EntityViewModel(catalog: input.catalog)
    return [
      "entities": .array(
        input.catalog.entities.map { entity in
          var row: [String: JSONValue] = [
            "ref": .string(entity.ref.canonical), "title": .string(entity.title), "kind": .string(entity.ref.kind),
            "url": .string(root + SitePaths.entityPage(entity.ref)),
            "tags": .array(entity.tags.map(JSONValue.string)),
          ]
          if let type = entity.type { row["type"] = .string(type) }
          if let lifecycle = entity.lifecycle { row["lifecycle"] = .string(lifecycle) }
          if let description = entity.description { row["description"] = .string(description) }
          if let owner = entity.targets(of: "ownedBy").first { row["owner"] = entities.link(to: owner, root: root) }
          return .object(row)
        })
    ]
  }
}
