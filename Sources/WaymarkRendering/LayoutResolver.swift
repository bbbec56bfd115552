/// Chooses the layout for a page, most specific first, the site's own layouts before the theme's.
///
/// The candidates, after Hugo's lookup order:
/// 1. `<section>/<layout>.html`
/// 2. `<layout>.html`
/// 3. `<section>/<kind>.html`
/// 4. `<kind>.html`
/// 5. `all.html`
///
/// For each candidate the site's `layouts/` is tried, then the built-in theme, so a more specific
/// theme layout wins over a less specific site layout, as in Hugo's merged layout folders.
public struct LayoutResolver: Sendable {
  /// Where a layout file comes from.
  public enum Origin: String, Sendable, Hashable { case site, theme }

  /// A chosen layout.
  public struct Choice: Sendable, Hashable {
    /// The path relative to a layouts folder, e.g. `component/entity.html`.
    public var path: String
    /// Whether it is the site's or the theme's.
    public var origin: Origin
  }

  /// Site layout paths present.
  public let sitePaths: Set<String>
  /// Theme layout paths present.
  public let themePaths: Set<String>

  /// Creates a resolver over the layout paths present in each layer.
  public init(sitePaths: Set<String>, themePaths: Set<String>) {
    self.sitePaths = sitePaths
    self.themePaths = themePaths
  }

  /// The candidate paths for a page, most specific first.
  public static func candidates(for page: PageDescriptor) -> [String] {
    var names: [String] = []
    if let layout = page.layout {
      if let section = page.section { names.append("\(section)/\(layout)") }
      names.append(layout)
    }
    if let section = page.section { names.append("\(section)/\(page.kind)") }
    names.append(page.kind)
    names.append("all")
    return names.map { $0 + ".html" }
  }

  /// The layout for `page`, or nil when no candidate exists in either layer.
  public func resolve(_ page: PageDescriptor) -> Choice? {
    for candidate in Self.candidates(for: page) {
      if sitePaths.contains(candidate) { return Choice(path: candidate, origin: .site) }
      if themePaths.contains(candidate) { return Choice(path: candidate, origin: .theme) }
    }
    return nil
  }

  /// Whether the layout a page names (`page.layout`) exists in either layer.
  public func namedLayoutExists(for page: PageDescriptor) -> Bool {
    guard let layout = page.layout else { return true }
    var names = ["\(layout).html"]
    if let section = page.section { names.append("\(section)/\(layout).html") }
    return names.contains { sitePaths.contains($0) || themePaths.contains($0) }
  }
}
