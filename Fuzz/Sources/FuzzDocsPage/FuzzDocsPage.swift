import FuzzSupport
import WaymarkKit

/// The docs page path: one markdown page (front matter included) in, rendered by cmark-gfm
/// through the docs builder with every link resolved and rewritten against a small docs site;
/// HTML and located diagnostics out. Raw HTML is off, as by default, so no script may come out.
let site = FuzzSite([
  "catalog-info.yaml": FuzzSite.catalogYAML,
  "openapi.yaml": "openapi: 3.0.0\n",
  "docs/index.md": "",
  "docs/guide/setup.md": "# Setup\n\n## Install\n\nBack to [the start](../index.md#top).\n",
  "docs/images/logo.png": "PNG",
  "src/main.swift": "print(1)\n",
])
let catalog = site.catalog()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocsPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzInput.bytes(data, size)
  site.write(bytes, to: "docs/index.md")
  let root = site.root
  let files = site.files
  let docs = BlockingWait.value { await DocsSetBuilder(root: root, config: SiteConfig()).build(catalog: catalog, files: files) }
  DiagnosticInvariants.check(docs.diagnostics, path: "docs/index.md", bytes: bytes)
  for page in docs.sites.flatMap(\.pages) {
    if let active = ActiveContentCheck.firstActiveContent(in: page.html) {
      fatalError("\(page.source) renders active content (\(active)): \(page.html)")
    }
  }
  return FuzzInput.keep
}
