import Foundation
import StructuredData
import WaymarkCatalog
import WaymarkDocs
import WaymarkLoading
import WaymarkModel
import WaymarkPublishing
import WaymarkRendering

/// Builds only the docs part of a site the way `waymark build` does and writes it to disk:
/// the catalog (docs are found through its entities), every docs site read, rendered and
/// link-checked (`DocsSetBuilder`), every page through the layouts (`SiteRenderer.renderDocs`:
/// site nav, docs nav, table of contents) and published with `SiteWriter`.
///
/// Unlike `waymark build`, it publishes even when the inputs have errors (the bench corpus has
/// dangling catalog references on purpose), so the docs are always written and timed.
struct DocsSiteProbe: Sendable {
  /// The site root.
  var root: URL
  /// Where the docs are published (replaced).
  var output: URL

  func run() async throws(ProbeFailure) -> ProbeReport {
    let clock = ContinuousClock()
    let start = clock.now
    let inputs = SiteInputsLoader(root: root).load()
    let config = inputs.config
    let catalogStage = CatalogStage(inputs: inputs)
    let catalog = catalogStage.assemble(await catalogStage.load()).catalog
    let modelled = clock.now
    let docs = await DocsStage(inputs: inputs, catalog: catalog).run()
    let docsDone = clock.now
    let (layouts, _) = LayoutSet.load(
      site: LayoutFolderReader(inputs: inputs).read(), displayPath: config.layoutsDirectory)
    let (now, _) = BuildClock.now(option: nil, config: config, newestInput: nil)
    var input = RenderInput(config: config, catalog: catalog, layouts: layouts, now: now)
    input.docs = docs
    let rendered = await SiteRenderer().renderDocs(input)
    let renderDone = clock.now
    do { try SiteWriter(output: output).publish(rendered.files) } catch {
      throw ProbeFailure("waymark-bench: \(error.description)")
    }
    let written = clock.now
    let pages = rendered.files.filter { $0.path.hasPrefix("docs/") && $0.path.hasSuffix("/index.html") }
    let broken = docs.diagnostics.filter { $0.code == .docsBrokenLink }.count
    return ProbeReport(
      stage: "docs-site", seconds: (written - start).seconds,
      fields: [
        "catalogSeconds": .double((modelled - start).seconds), "docsSeconds": .double((docsDone - modelled).seconds),
        "renderSeconds": .double((renderDone - docsDone).seconds),
        "writeSeconds": .double((written - renderDone).seconds),
        "sites": .int(Int64(docs.sites.count)), "pages": .int(Int64(pages.count)),
        "files": .int(Int64(rendered.files.count)), "htmlBytes": .int(Int64(pages.reduce(0) { $0 + $1.bytes.count })),
        "brokenLinks": .int(Int64(broken)), "renderErrors": .int(Int64(rendered.diagnostics.count)),
      ])
  }
}
