/// A titled link.
public struct PolicyLink: Sendable, Hashable {
  /// The link text.
  public var title: String
  /// The URL.
  public var url: String

  /// Creates a value from each stored property.
  package init(title: String, url: String) {
    self.title = title
    self.url = url
  }
}
