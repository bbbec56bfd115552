import Foundation
import WaymarkDocs
import WaymarkLoading
import WaymarkModel
import WaymarkPublishing
import WaymarkRendering

/// `waymark serve`'s first answer to an edited docs page: the last published build's stages,
/// kept so that the page can be read, rendered and put in place at once, in the portal that
/// build made, while the whole build after the edit runs (as Hugo's server renders the pages
/// being looked at first). The whole build then publishes every page, this one included.
package struct DocsPagePreview: Sendable {
  /// The last published build's stages.
  package let stages: BuiltStages
  /// The folder it published to.
  package let output: URL

  /// The pages whose Markdown files are `paths` (root-relative) rendered as the files are now;
  /// nil when only the whole build can say what they show (a path that is no page of a docs
  /// site the build made, pages added or removed, a page with an error: see
  /// `DocsSetBuilder.refreshing`) or when a page would show a credential or lacks its layout.
  package func render(changed paths: Set<String>) async -> [OutputFile]? {
    let inputs = stages.inputs
    let builder = DocsSetBuilder(root: inputs.root, config: inputs.config, remote: inputs.remote)
    guard
      let refresh = builder.refreshing(
        stages.docs, pages: paths, catalog: stages.catalog.catalog, files: inputs.files)
    else { return nil }
    let (layouts, layoutDiagnostics) = LayoutSet.load(
      site: LayoutFolderReader(inputs: inputs).read(), displayPath: inputs.config.layoutsDirectory)
    var refreshed = stages
    refreshed.docs = refresh.docs
    let catalogue = PageCatalogue(input: SiteBuilder.renderInput(refreshed, layouts: layouts))
    let nav = catalogue.navigation
    let pages = refresh.pages.map { key in
      let site = refresh.docs.sites[key.site]
      return catalogue.docsPage(
        site: site, page: key.page, readingPosition: site.readingOrder.firstIndex(of: key.page), nav: nav)
    }
    let rendered = await SiteRenderer().renderPages(pages, layouts: layouts)
    let problems = layoutDiagnostics + rendered.diagnostics
    guard !problems.contains(where: { $0.severity == .error }), rendered.files.count == pages.count else { return nil }
    let scan = RenderedSecretScan(judged: stages.secrets.judged, outputFolder: inputs.config.outputDirectory)
    let judged = scan.comparableJudged
    guard rendered.files.allSatisfy({ scan.findings(in: $0, judged: judged).isEmpty }) else { return nil }
    return rendered.files
  }

  /// Puts `files` in place of those published in `output` (see `SiteWriter.replace`); returns
  /// the files they replaced, as they were, to put back should the whole build not publish.
  @discardableResult
  package static func replace(_ files: [OutputFile], in output: URL) throws(SiteWriter.Failure) -> [OutputFile] {
    try SiteWriter(output: output).replace(files)
  }
}
