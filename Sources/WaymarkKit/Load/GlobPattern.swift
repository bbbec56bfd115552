/// A path glob: `*` matches within one folder name, `?` one character, `**` any number of folders.
///
/// Patterns and paths are relative to the site root with `/` separators. `**/x.yaml` matches
/// `x.yaml` at the root too, as in Hugo and git.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  private let segments: [Substring]

  /// Creates a pattern.
  public init(_ pattern: String) {
    self.pattern = pattern
    var trimmed = Substring(pattern)
    while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
    segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
  }

  public var description: String { pattern }

  /// Whether `path` matches the whole pattern.
  public func matches(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    return Self.match(segments[...], parts[...])
  }

  /// The fixed folder prefix before the first wildcard, for pruning walks (`content/catalog`).
  public var literalPrefix: [Substring] {
    Array(segments.prefix { !$0.contains("*") && !$0.contains("?") && !$0.contains("[") }.dropLast())
  }

  private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
    var pattern = pattern
    var path = path
    while let head = pattern.first {
      if head == "**" {
        let rest = pattern.dropFirst()
        if rest.isEmpty { return true }
        var candidate = path
        while true {
          if match(rest, candidate) { return true }
          guard !candidate.isEmpty else { return false }
          candidate = candidate.dropFirst()
        }
      }
      guard let part = path.first, matchSegment(Array(head.unicodeScalars)[...], Array(part.unicodeScalars)[...]) else {
        return false
      }
      pattern = pattern.dropFirst()
      path = path.dropFirst()
    }
    return path.isEmpty
  }

  private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
    var pattern = pattern
    var text = text
    while let head = pattern.first {
      switch head {
      case "*":
        let rest = pattern.dropFirst()
        var candidate = text
        while true {
          if matchSegment(rest, candidate) { return true }
          guard !candidate.isEmpty else { return false }
          candidate = candidate.dropFirst()
        }
      case "?":
        guard !text.isEmpty else { return false }
      default:
        guard text.first == head else { return false }
      }
      pattern = pattern.dropFirst()
      text = text.dropFirst()
    }
    return text.isEmpty
  }
}
