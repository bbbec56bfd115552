import FuzzSupport
import WaymarkDocs
import WaymarkModel

/// The docs page path: one markdown page (front matter included) in, rendered by cmark-gfm
/// through the docs builder with every link resolved and rewritten against a small docs site;
/// HTML and located diagnostics out. Raw HTML is off, as by default, so no script may come out.
///
/// The site is found and read once, with the library's own loader; each input then replaces
/// the home page's bytes in memory and goes through `DocsSetBuilder.build(_:diagnostics:)`,
/// everything a build does after reading the files (writing and re-reading the page per input
/// cost more than rendering a small one).
let site = FuzzSite([
  "catalog-info.yaml": FuzzSite.catalogYAML,
  "openapi.yaml": "openapi: 3.0.0\n",
  "docs/index.md": "# Home\n",
  "docs/guide/setup.md": "# Setup\n\n## Install\n\nBack to [the start](../index.md#top).\n",
  "docs/images/logo.png": "PNG",
  "src/main.swift": "print(1)\n",
])
let builder = DocsSetBuilder(root: site.root, config: SiteConfig())
let loaded = BlockingWait.value { [catalog = site.catalog(), files = site.files] in
  await builder.load(catalog: catalog, files: files)
}
let homePage: Int = {
  guard loaded.diagnostics.isEmpty, loaded.sites.count == 1,
    let index = loaded.sites[0].pages.firstIndex(where: { $0.path == "index.md" })
  else { fatalError("the fuzzing docs site did not load as one site with a home page: \(loaded)") }
  return index
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocsPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzInput.bytes(data, size)
  var sites = loaded.sites
  let path = sites[0].pages[homePage].file.path
  sites[0].pages[homePage].file = SourceFile(path: path, bytes: bytes)
  let docs = BlockingWait.value { [sites] in await builder.build(sites, diagnostics: []) }
  DiagnosticInvariants.check(docs.diagnostics, path: path, bytes: bytes)
  for page in docs.sites.flatMap(\.pages) {
    if let active = ActiveContentCheck.firstActiveContent(in: page.html) {
      fatalError("\(page.source) renders active content (\(active)): \(page.html)")
    }
  }
  return FuzzInput.keep
}
