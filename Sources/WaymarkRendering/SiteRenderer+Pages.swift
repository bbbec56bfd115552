import WaymarkModel
extension SiteRenderer {
  /// What rendering a list of pages through the layouts produced.
  package struct RenderedPages: Sendable {
    package var files: [OutputFile]
    package var chosenLayouts: Set<LayoutResolver.Choice>
    package var diagnostics: [Diagnostic]
  }

  /// Renders `pages` through `layouts` in parallel (a few chunks per core), one HTML file each;
  /// a page whose layout does not exist is a `layout.missing` error and renders nothing.
  package func renderPages(_ pages: [Page], layouts: LayoutSet) async -> RenderedPages {
    var diagnostics: [Diagnostic] = []
    var chosen = Set<LayoutResolver.Choice>()
    var jobs: [(Page, LayoutResolver.Choice)] = []
    for page in pages {
      guard layouts.resolver.namedLayoutExists(for: page.descriptor), let choice = layouts.resolver.resolve(page.descriptor)
      else {
        let wanted = page.descriptor.layout ?? page.descriptor.kind
        let tried = LayoutResolver.candidates(for: page.descriptor).joined(separator: ", ")
        diagnostics.append(
          .error(
            .layoutMissing, "page '\(page.path)' needs layout '\(wanted)', which does not exist (looked for \(tried))",
            at: page.layoutLocation))
        continue
      }
      chosen.insert(choice)
      jobs.append((page, choice))
    }
    let library = layouts.library
    let files = await withTaskGroup(of: [OutputFile].self) { group in
      let chunkSize = max(1, jobs.count / 8 + 1)
      for start in stride(from: 0, to: jobs.count, by: chunkSize) {
        let chunk = Array(jobs[start..<min(jobs.count, start + chunkSize)])
        group.addTask {
          chunk.map { page, choice in
            let html = library.render(MustacheContext.value(page.model), withTemplate: "\(choice.origin.rawValue):\(choice.path)") ?? ""
            return OutputFile(path: page.path + (page.path.hasSuffix(".html") ? "" : "index.html"), text: html)
          }
        }
      }
      var files: [OutputFile] = []
      for await chunk in group { files += chunk }
      return files
    }
    return RenderedPages(files: files, chosenLayouts: chosen, diagnostics: diagnostics)
  }
}
