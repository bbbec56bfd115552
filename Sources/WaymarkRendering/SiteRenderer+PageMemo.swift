import StructuredData
import WaymarkModel

extension SiteRenderer {
  /// Renders one page through its layout, or, when `sink` keys pages, first asks it for the
  /// page a previous build rendered from the same layouts, model and path (`OutputSink.claim`):
  /// the page's key is computed from its model's value tree, which rendering needs anyway.
  package static func renderPage<Sink: OutputSink>(
    _ page: Page, choice: LayoutResolver.Choice, layouts: LayoutSet, sink: Sink
  ) -> OutputFile {
    let path = page.path + (page.path.hasSuffix(".html") ? "" : "index.html")
    let template = "\(choice.origin.rawValue):\(choice.path)"
    guard sink.keysPages, let layoutsKey = layouts.fingerprint else {
      let context = TemplateValueEncoder().mustacheValue(of: page.viewModel())
      return OutputFile(path: path, text: layouts.library.render(context, withTemplate: template) ?? "")
    }
    // The page's inputs first: unchanged, the model is not even built.
    let inputs = page.inputsKey.map { key in
      var hasher = MemoHasher("page-by-inputs")
      hasher.add(layoutsKey)
      hasher.add(template)
      hasher.add(path)
      hasher.add(key())
      return hasher.finish()
    }
    if let inputs, sink.claim(path: path, source: inputs) { return .claimed(path: path, source: nil, inputs: inputs) }
    guard let node = try? TemplateNode.encoding(page.viewModel()) else {
      return OutputFile(path: path, text: layouts.library.render([String: Any](), withTemplate: template) ?? "")
    }
    var hasher = MemoHasher("page")
    hasher.add(layoutsKey)
    hasher.add(template)
    hasher.add(path)
    node.addFingerprint(to: &hasher)
    let key = hasher.finish()
    if sink.claim(path: path, source: key) { return .claimed(path: path, source: key, inputs: inputs) }
    var file = OutputFile(path: path, text: layouts.library.render(node.mustacheValue, withTemplate: template) ?? "")
    file.source = key
    file.inputs = inputs
    return file
  }
}
