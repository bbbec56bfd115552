import StructuredData
import WaymarkModel

extension SiteRenderer {
  /// Renders one page through its layout (the built-in theme's compiled layouts where they
  /// apply), or, when `sink` keys pages, first asks it for the page a previous build rendered
  /// (`OutputSink.claim`): by the page's inputs when it has them, so an unchanged page's model is
  /// not even built; else by its model's value tree, layouts and path.
  package static func renderPage<Sink: OutputSink>(
    _ page: Page, choice: LayoutResolver.Choice, layouts: LayoutSet, builtIn: BuiltInLayouts, sink: Sink
  ) -> OutputFile {
    let path = page.path + (page.path.hasSuffix(".html") ? "" : "index.html")
    let template = "\(choice.origin.rawValue):\(choice.path)"
    guard sink.keysPages, let layoutsKey = layouts.fingerprint else {
      return OutputFile(path: path, bytes: builtIn.html(of: page.viewModel(), choice: choice))
    }
    let inputs = page.inputsKey.map { key in
      var hasher = MemoHasher("page-by-inputs")
      hasher.add(layoutsKey)
      hasher.add(template)
      hasher.add(path)
      hasher.add(key())
      return hasher.finish()
    }
    if let inputs, sink.claim(path: path, source: inputs) { return .claimed(path: path, source: nil, inputs: inputs) }
    let model = page.viewModel()
    guard let node = try? TemplateNode.encoding(model) else {
      return OutputFile(path: path, bytes: builtIn.html(of: model, choice: choice))
    }
    var hasher = MemoHasher("page")
    hasher.add(layoutsKey)
    hasher.add(template)
    hasher.add(path)
    node.addFingerprint(to: &hasher)
    let key = hasher.finish()
    if sink.claim(path: path, source: key) { return .claimed(path: path, source: key, inputs: inputs) }
    var file = OutputFile(path: path, bytes: builtIn.html(of: node, choice: choice))
    file.source = key
    file.inputs = inputs
    return file
  }
}
