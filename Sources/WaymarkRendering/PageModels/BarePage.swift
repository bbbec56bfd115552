/// A page with only the keys every page has: search (`search.html`) and not found (`404.html`).
package struct BarePage: Codable, Sendable, TemplateDescribed {
  package init() {}

  package static let keyMeanings: [String: String] = [:]
}
