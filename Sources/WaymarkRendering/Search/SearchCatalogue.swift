import WaymarkModel

/// The documents the search index covers: every entity (with owner, tags and description) and
/// every docs page (with its headings and tags).
package struct SearchCatalogue: Sendable {
  package let input: RenderInput

  package init(input: RenderInput) {
    self.input = input
  }

  package func documents() -> [SearchDocument] {
    var documents = input.catalog.entities.map { entity in
      let owner =
        entity.targets(of: "ownedBy").first.map { input.catalog[$0]?.title ?? $0.name }
        ?? entity.externalTargets(of: "ownedBy").first?.name ?? ""
      let text = ([entity.ref.name, entity.type ?? "", entity.lifecycle ?? "", owner] + entity.tags).joined(
        separator: " ")
      return SearchDocument(
        title: entity.title, url: SitePaths.entityPage(entity.ref), kind: entity.ref.kind,
        summary: entity.description ?? "", text: text)
    }
    for site in input.docs.sites {
      let entityTitle = input.catalog[site.entity]?.title ?? site.name
      for page in site.pages {
        let text = ([entityTitle, site.name] + page.tags + page.headings.map(\.text)).joined(separator: " ")
        documents.append(
          SearchDocument(
            title: page.slug.isEmpty ? "\(entityTitle) documentation" : "\(page.title) · \(entityTitle)",
            url: SitePaths.docsSite(site.entity) + page.slug, kind: "Docs", summary: page.description ?? "", text: text)
        )
      }
    }
    return documents
  }
}
