import Mustache

/// The built-in theme's layouts compiled for `LayoutProgramRenderer`, used for the pages whose
/// layout is the theme's own: the chosen layout and every partial it reaches have exactly the
/// theme's text in the site's layout set (not overridden, or overridden by identical copies).
/// Every other page, and any page holding a value the compiled path does not print as
/// swift-mustache would, renders through swift-mustache.
package struct BuiltInLayouts: Sendable {
  /// The compiled layouts of the choices that may use them, by library name (`theme:entity.html`).
  private let layouts: [String: LayoutProgram]
  private let renderer: LayoutProgramRenderer
  private let library: MustacheLibrary

  /// The built-in layouts that apply to `set`; `theme` is the built-in theme's files.
  package init(for set: LayoutSet, theme: [String: [UInt8]] = EmbeddedLayouts.files) {
    library = set.library
    var partials: [String: LayoutProgram] = [:]
    var pages: [String: LayoutProgram] = [:]
    var partialTexts: [String: String] = [:]
    var pageTexts: [String: String] = [:]
    for (path, bytes) in theme where path.hasSuffix(".html") && !path.hasPrefix("_assets/") {
      let text = String(decoding: bytes, as: UTF8.self)
      guard let program = try? LayoutProgramParser.program(of: text) else { continue }
      if path.hasPrefix("_partials/") {
        let name = String(path.dropFirst("_partials/".count).dropLast(".html".count))
        partials[name] = program
        partialTexts[name] = text
      } else if LayoutSet.isPageLayout(path) {
        pages[path] = program
        pageTexts[path] = text
      }
    }
    let sources = set.keyChecker.sources
    var layouts: [String: LayoutProgram] = [:]
    for name in sources.keys where set.compilesBuiltInLayouts {
      guard let colon = name.firstIndex(of: ":") else { continue }
      let path = String(name[name.index(after: colon)...])
      guard let program = pages[path], sources[name]?.text == pageTexts[path],
        Self.partialsMatch(reachedFrom: program, partials: partials, texts: partialTexts, sources: sources)
      else { continue }
      layouts[name] = program
    }
    self.layouts = layouts
    renderer = LayoutProgramRenderer(partials: partials)
  }

  /// Whether every partial `program` reaches is the theme's in the site's set too (or in neither).
  private static func partialsMatch(
    reachedFrom program: LayoutProgram, partials: [String: LayoutProgram], texts: [String: String],
    sources: [String: LayoutKeyChecker.Source]
  ) -> Bool {
    var pending = program.partialNames
    var seen = Set<String>()
    while let name = pending.popLast() {
      guard seen.insert(name).inserted else { continue }
      guard sources[name]?.text == texts[name] else { return false }
      if let partial = partials[name] { pending += partial.partialNames }
    }
    return true
  }

  /// Whether pages with the layout `choice` render through the compiled layouts.
  package func compiles(_ choice: LayoutResolver.Choice) -> Bool {
    layouts["\(choice.origin.rawValue):\(choice.path)"] != nil
  }

  /// The page `model` rendered with the layout `choice`: through its compiled layout when it has
  /// one, else (or when the model holds a value only swift-mustache prints) through swift-mustache.
  package func html(of model: any Encodable & Sendable, choice: LayoutResolver.Choice) -> [UInt8] {
    compiledHTML(of: model, choice: choice) ?? mustacheHTML(of: model, choice: choice)
  }

  /// The page rendered through the compiled layout of `choice`; nil when it has none or the model
  /// holds a value only swift-mustache prints.
  package func compiledHTML(of model: any Encodable & Sendable, choice: LayoutResolver.Choice) -> [UInt8]? {
    guard let program = layouts["\(choice.origin.rawValue):\(choice.path)"] else { return nil }
    return try? renderer.render(program, TemplateValueEncoder().layoutValue(of: model))
  }

  /// The page whose model encodes to `node` rendered with the layout `choice` (see
  /// `html(of:choice:)`), for a caller that encoded the model already.
  func html(of node: TemplateNode, choice: LayoutResolver.Choice) -> [UInt8] {
    if let program = layouts["\(choice.origin.rawValue):\(choice.path)"],
      let html = try? renderer.render(program, node.layoutValue)
    {
      return html
    }
    return Array(
      (library.render(node.mustacheValue, withTemplate: "\(choice.origin.rawValue):\(choice.path)") ?? "").utf8)
  }

  /// The page rendered through swift-mustache.
  package func mustacheHTML(of model: any Encodable & Sendable, choice: LayoutResolver.Choice) -> [UInt8] {
    let context = TemplateValueEncoder().mustacheValue(of: model)
    return Array((library.render(context, withTemplate: "\(choice.origin.rawValue):\(choice.path)") ?? "").utf8)
  }
}
