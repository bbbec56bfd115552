import StructuredData
import WaymarkModel

extension SearchCatalogue {
  /// The full-text index's entries: every entity, every docs page and every scorecard.
  package func entries() -> [SearchEntry] {
    entries(plainText: SearchText.plainText(fromHTML:))
  }

  /// `entries()`, with each docs page's HTML made plain text by `plainText`.
  package func entries(plainText: (String) -> String) -> [SearchEntry] {
    entityEntries(input.catalog.entities[...]) + docsEntries(plainText: plainText) + scorecardEntries()
  }

  /// The entries of `entities`.
  package func entityEntries(_ entities: ArraySlice<Entity>) -> [SearchEntry] {
    entities.map(entry(for:))
  }

  private func ownerTitle(_ entity: Entity) -> String {
    entity.targets(of: "ownedBy").first.map { input.catalog[$0]?.title ?? $0.name }
      ?? entity.externalTargets(of: "ownedBy").first?.name ?? ""
  }

  private func entry(for entity: Entity) -> SearchEntry {
    let owner = ownerTitle(entity)
    let system = entity.targets(of: "partOf").map { input.catalog[$0]?.title ?? $0.name }
    var body = [entity.ref.kind, entity.type ?? "", entity.lifecycle ?? "", owner] + system
    body += humanAnnotations(entity) + kindSpecificText(entity)
    let description = entity.description ?? ""
    // A User's or Group's display name is its title in all but name.
    let display = entity.document.value(at: ["spec", "profile", "displayName"])?.stringValue
    let names = [entity.ref.name, entity.title] + (display.map { [$0] } ?? [])
    return SearchEntry(
      url: SitePaths.entityPage(entity.ref), kind: entity.ref.kind, title: display ?? entity.title, owner: owner,
      names: names, titleText: names.joined(separator: " "), tags: entity.tags,
      headings: description, body: body.filter { !$0.isEmpty }.joined(separator: " "),
      excerpt: ([description] + entity.tags + body.filter { !$0.isEmpty }).joined(separator: " · "))
  }

  /// Annotation values written for people: with a space, not a URL.
  private func humanAnnotations(_ entity: Entity) -> [String] {
    guard case .object(let annotations)? = entity.document.value(at: ["metadata", "annotations"]) else { return [] }
    return annotations.keys.sorted().compactMap { key in
      guard let value = annotations[key]?.stringValue, value.contains(" "), !value.contains("://") else { return nil }
      return value
    }
  }

  private func kindSpecificText(_ entity: Entity) -> [String] {
    switch entity.ref.kind.lowercased() {
    case "api":
      let definition = entity.document.value(at: ["spec", "definition"])
      let text = definition?.stringValue ?? definition.map { JSONWriter().string(for: $0) } ?? ""
      let summary = APIDefinitionSummary(type: entity.type ?? "", definition: text)
      return summary.operations.flatMap { [$0.path, $0.summary] }
        + summary.channels.flatMap { [$0.name, $0.description] }
        + summary.services.flatMap { [$0.name] + $0.methods }
    case "template":
      return Self.schemaText(entity.document.value(at: ["spec", "parameters"]))
    default:
      return []
    }
  }

  /// The `title` and `description` strings anywhere in a Template's parameter schemas, in order.
  static func schemaText(_ value: JSONValue?) -> [String] {
    switch value {
    case .array(let items)?: return items.flatMap { schemaText($0) }
    case .object(let object)?:
      return object.keys.sorted().flatMap { key -> [String] in
        if key == "title" || key == "description", let text = object[key]?.stringValue { return [text] }
        return schemaText(object[key])
      }
    default: return []
    }
  }

  /// Every docs page's entry, its HTML made plain text by `plainText`.
  package func docsEntries(plainText: (String) -> String) -> [SearchEntry] {
    input.docs.sites.flatMap { site -> [SearchEntry] in
      let entity = input.catalog[site.entity]
      let entityTitle = entity?.title ?? site.name
      let owner = entity.map(ownerTitle) ?? ""
      return site.pages.map { page in
        let text = plainText(page.html)
        let headings = ([page.description ?? ""] + page.headings.map(\.text)).joined(separator: " ")
        return SearchEntry(
          url: SitePaths.docsSite(site.entity) + page.slug, kind: "Docs",
          title: page.slug.isEmpty ? "\(entityTitle) documentation" : "\(page.title) · \(entityTitle)", owner: owner,
          titleText: page.title, tags: page.tags, headings: headings, body: "\(site.name) \(entityTitle) \(text)",
          excerpt: text)
      }
    }
  }

  /// Every scorecard's entry.
  package func scorecardEntries() -> [SearchEntry] {
    input.scorecards.reports.map { report in
      let card = report.scorecard
      let checks = card.checks.map { [$0.title, $0.description ?? ""].joined(separator: " ") }
      return SearchEntry(
        url: "scorecards/#sc-\(card.name)", kind: "Scorecard", title: card.title,
        owner: card.owner.map { input.catalog[$0]?.title ?? $0.name } ?? "", titleText: "\(card.name) \(card.title)",
        headings: ([card.description ?? ""] + card.checks.map(\.title)).joined(separator: " "),
        body: checks.joined(separator: " "), excerpt: ([card.description ?? ""] + checks).joined(separator: " · "))
    }
  }
}
