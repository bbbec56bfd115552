/// The documents the search index covers: every entity, with its owner, tags and description.
struct SearchCatalogue {
  let input: RenderInput

  func documents() -> [SearchDocument] {
    input.catalog.entities.map { entity in
      let owner = entity.targets(of: "ownedBy").first.map { input.catalog[$0]?.title ?? $0.name } ?? ""
      let text = ([entity.ref.name, entity.type ?? "", entity.lifecycle ?? "", owner] + entity.tags).joined(separator: " ")
      return SearchDocument(
        title: entity.title, url: SitePaths.entityPage(entity.ref), kind: entity.ref.kind,
        summary: entity.description ?? "", text: text)
    }
  }
}
