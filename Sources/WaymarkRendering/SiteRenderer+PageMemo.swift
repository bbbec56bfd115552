import StructuredData
import WaymarkModel

extension SiteRenderer {
  /// Renders one page through its layout (the built-in theme's compiled layouts where they
  /// apply), or, when `sink` keys pages, first asks it for the page a previous build rendered from
  /// the same layouts, model and path (`OutputSink.claim`): the page's key is computed from its
  /// model's value tree.
  package static func renderPage<Sink: OutputSink>(
    _ page: Page, choice: LayoutResolver.Choice, layouts: LayoutSet, builtIn: BuiltInLayouts, sink: Sink
  ) -> OutputFile {
    let path = page.path + (page.path.hasSuffix(".html") ? "" : "index.html")
    let template = "\(choice.origin.rawValue):\(choice.path)"
    guard sink.keysPages, let layoutsKey = layouts.fingerprint,
      let node = try? TemplateNode.encoding(page.viewModel())
    else {
      return OutputFile(path: path, bytes: builtIn.html(of: page.viewModel(), choice: choice))
    }
    var hasher = MemoHasher("page")
    hasher.add(layoutsKey)
    hasher.add(template)
    hasher.add(path)
    node.addFingerprint(to: &hasher)
    let key = hasher.finish()
    if sink.claim(path: path, source: key) { return .claimed(path: path, source: key) }
    var file = OutputFile(path: path, bytes: builtIn.html(of: page.viewModel(), choice: choice))
    file.source = key
    return file
  }
}
