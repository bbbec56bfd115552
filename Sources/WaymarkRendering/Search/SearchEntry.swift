/// One thing the full-text index finds (an entity, a docs page, a scorecard), its text by field.
public struct SearchEntry: Sendable, Hashable {
  /// The URL relative to the site root.
  public var url: String
  /// What it is: the entity kind, `Docs` or `Scorecard`.
  public var kind: String
  /// The result's title.
  public var title: String
  /// The owner's title, if any.
  public var owner: String
  /// Names an exact query matches first (an entity's name and title), compared as `SearchText.compact`.
  public var names: [String]
  /// Name and title words: the heaviest field.
  public var titleText: String
  /// Tags.
  public var tags: [String]
  /// Headings and the description.
  public var headings: String
  /// Everything else: docs body, owner, system, annotations, API operations, Template parameters.
  public var body: String
  /// The text the results page takes an excerpt from.
  public var excerpt: String

  /// Creates an entry.
  public init(
    url: String, kind: String, title: String, owner: String = "", names: [String] = [], titleText: String,
    tags: [String] = [], headings: String = "", body: String = "", excerpt: String = ""
  ) {
    self.url = url
    self.kind = kind
    self.title = title
    self.owner = owner
    self.names = names
    self.titleText = titleText
    self.tags = tags
    self.headings = headings
    self.body = body
    self.excerpt = excerpt
  }
}
