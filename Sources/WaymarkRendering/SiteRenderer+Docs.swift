extension SiteRenderer {
  /// Renders only the docs part of the portal, exactly as `render` writes it: every docs page
  /// and the docs index through the layouts (site nav, docs nav, table of contents, breadcrumbs), the layouts'
  /// static assets, each docs site's images and other files, and `api/docs/…json`.
  ///
  /// For measuring the docs path alone (`waymark-bench docs-site`); a build uses `render`.
  public func renderDocs(_ input: RenderInput) async -> RenderedSite {
    let catalogue = PageCatalogue(input: input)
    let nav = catalogue.navigation
    let index = catalogue.docsIndexPage(nav: nav).map { [$0] } ?? []
    let pages = await renderPages(index + catalogue.docsPages(nav: nav), layouts: input.layouts)
    var files = pages.files
    files += input.layouts.assets.map { OutputFile(path: $0.key, bytes: $0.value) }
    files += DocsAPIRenderer(input: input).assetFiles() + DocsAPIRenderer(input: input).files()
    files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return RenderedSite(files: files, chosenLayouts: pages.chosenLayouts, diagnostics: pages.diagnostics)
  }
}
