import WaymarkModel

extension DocsLinkResolver.SiteIndex {
  /// The index of a site whose pages are `pages` (path in the docs folder, and the file's own
  /// root-relative path) and whose kept assets are `assets` (paths in the docs folder).
  package init(
    entity: EntityRef, docsFolder: String, pages: [(path: String, source: String)], assets: [String]
  ) {
    self.init(
      entity: entity, docsFolder: docsFolder,
      pages: Dictionary(
        pages.enumerated().flatMap { [(docsFolder + "/" + $1.path, $0), ($1.source, $0)] },
        uniquingKeysWith: { first, _ in first }),
      slugs: pages.map { DocsSlug.slug(for: $0.path) }, assets: Set(assets))
  }

  /// The index of a site already built: the same one its build resolved links with.
  package init(site: DocsSite) {
    self.init(
      entity: site.entity, docsFolder: site.docsFolder, pages: site.pages.map { (path: $0.path, source: $0.source) },
      assets: site.assets.map(\.path))
  }
}
