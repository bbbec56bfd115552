/// A titled link.
public struct PolicyLink: Sendable, Hashable {
  /// The link text.
  public var title: String
  /// The URL.
  public var url: String
}
