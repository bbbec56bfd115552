/// One thing search can find: an entity or a docs page.
public struct SearchDocument: Sendable, Hashable {
  /// The result's title.
  public var title: String
  /// The URL relative to the site root.
  public var url: String
  /// What it is (`Component`, `API`, `Docs`, …).
  public var kind: String
  /// A one-line summary shown under the title.
  public var summary: String
  /// Further searchable text (tags, owner, headings, body words).
  public var text: String

  /// Creates a search document.
  public init(title: String, url: String, kind: String, summary: String, text: String) {
    self.title = title
    self.url = url
    self.kind = kind
    self.summary = summary
    self.text = text
  }
}
