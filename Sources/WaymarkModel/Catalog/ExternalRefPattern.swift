/// A pattern naming entities provided outside the repository (`catalog.external`): Users and
/// Groups an org provider (GitHub, LDAP, Okta) ingests into Backstage, which the catalog files
/// refer to but never define.
///
/// Written as an entity reference, `[kind:][namespace/]name`, where `*` matches any run of
/// characters; a missing namespace is `default`, as in Backstage (`user:guest` is
/// `user:default/guest`), and a missing kind matches every kind. Compared case-insensitively.
public struct ExternalRefPattern: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  private let kind: [Character]?
  private let namespace: [Character]
  private let name: [Character]

  /// Parses a pattern; nil when a part is empty (`user:`, `/x`).
  public init?(_ pattern: String) {
    self.pattern = pattern
    var rest = Substring(pattern.lowercased())
    let colon = rest.firstIndex(of: ":")
    if let colon, rest.firstIndex(of: "/").map({ colon < $0 }) ?? true {
      guard colon != rest.startIndex else { return nil }
      kind = Array(rest[..<colon])
      rest = rest[rest.index(after: colon)...]
    } else {
      kind = nil
    }
    if let slash = rest.firstIndex(of: "/") {
      namespace = Array(rest[..<slash])
      rest = rest[rest.index(after: slash)...]
      guard !namespace.isEmpty else { return nil }
    } else {
      namespace = Array("default")
    }
    guard !rest.isEmpty else { return nil }
    name = Array(rest)
  }

  public var description: String { pattern }

  /// Whether `ref` is one of the entities this pattern names.
  public func matches(_ ref: EntityRef) -> Bool {
    if let kind, !Self.matches(kind, Array(ref.kind.lowercased())) { return false }
    return Self.matches(namespace, Array(ref.namespace.lowercased()))
      && Self.matches(name, Array(ref.name.lowercased()))
  }

  /// Whether `pattern` matches the whole of `text`, `*` standing for any run of characters;
  /// on a mismatch only the latest star takes one more character, which keeps it linear-ish.
  private static func matches(_ pattern: [Character], _ text: [Character]) -> Bool {
    var next = 0
    var position = 0
    var latestStar: (index: Int, matchedUpTo: Int)?
    while position < text.count {
      if next < pattern.count, pattern[next] == "*" {
        latestStar = (next, position)
        next += 1
      } else if next < pattern.count, pattern[next] == text[position] {
        next += 1
        position += 1
      } else if let star = latestStar {
        latestStar = (star.index, star.matchedUpTo + 1)
        next = star.index + 1
        position = star.matchedUpTo + 1
      } else {
        return false
      }
    }
    while next < pattern.count, pattern[next] == "*" { next += 1 }
    return next == pattern.count
  }
}
