/// A path glob: `*` matches within one folder name, `?` one character, `**` any number of folders.
///
/// Patterns and paths are relative to the site root with `/` separators. `**/x.yaml` matches
/// `x.yaml` at the root too, as in Hugo and git.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  private let segments: [Substring]
  /// The segments' characters, split once rather than for every path matched.
  private let segmentScalars: [[Unicode.Scalar]]
  /// The leading names without wildcards, joined by `/` (`content/catalog` of
  /// `content/catalog/**/*.yaml`): a path that does not start with them cannot match.
  private let literalLead: [UInt8]

  /// Creates a pattern.
  public init(_ pattern: String) {
    self.pattern = pattern
    var trimmed = Substring(pattern)
    while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
    segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
    segmentScalars = segments.map { Array($0.unicodeScalars) }
    literalLead = Array(segments.prefix { !$0.contains("*") && !$0.contains("?") }.joined(separator: "/").utf8)
  }

  public var description: String { pattern }

  /// Whether `path` matches the whole pattern.
  public func matches(_ path: String) -> Bool {
    // Most paths a walk offers are in other folders: turned away by their bytes, unsplit.
    guard Self.mayStart(path, with: literalLead) else { return false }
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    return Self.matches(
      segmentScalars, parts, isStar: { $0 == Self.anyFolders },
      matchesOne: { pattern, part in
        Self.matches(pattern, part, isStar: { $0 == "*" }) { wildcard, scalar in wildcard == "?" || wildcard == scalar }
      })
  }

  private static let anyFolders: [Unicode.Scalar] = ["*", "*"]

  /// Whether `path`'s first names can be those of `lead`: it starts with `lead`'s bytes and a
  /// name ends there, or it holds an empty name (`/a`, `a//b`), which splitting drops.
  private static func mayStart(_ path: String, with lead: [UInt8]) -> Bool {
    guard !lead.isEmpty else { return true }
    let slash = UInt8(ascii: "/")
    let bytes = path.utf8
    if bytes.starts(with: lead) {
      let next = bytes.dropFirst(lead.count).first
      if next == nil || next == slash { return true }
    }
    var previous = slash
    for byte in bytes {
      if byte == slash, previous == slash { return true }
      previous = byte
    }
    return false
  }

  /// The fixed folder prefix before the first wildcard, for pruning walks (`content/catalog`).
  public var literalPrefix: [Substring] {
    Array(segments.prefix { !$0.contains("*") && !$0.contains("?") && !$0.contains("[") }.dropLast())
  }

  /// The last segment when it holds no wildcard (`catalog-info.yaml` of `**/catalog-info.yaml`):
  /// a matching path's last folder name or file name is exactly it.
  public var literalName: String? {
    guard let last = segments.last, !last.contains("*"), !last.contains("?"), !last.contains("[") else { return nil }
    return String(last)
  }

  /// Whether `pattern` matches the whole of `text`, where a star matches any run of elements
  /// (none included) and every other pattern element exactly one element.
  ///
  /// On a mismatch only the latest star takes one more element: an earlier star could not
  /// enable a match the latest one cannot. That keeps this O(pattern × text); trying every split
  /// at every star instead took exponential time on a Location target such as `?***(***yaml`,
  /// which fuzz-catalog found.
  private static func matches<Element>(
    _ pattern: [Element], _ text: [Element], isStar: (Element) -> Bool, matchesOne: (Element, Element) -> Bool
  ) -> Bool {
    var next = 0
    var position = 0
    var latestStar: (index: Int, matchedUpTo: Int)?
    while position < text.count {
      if next < pattern.count, isStar(pattern[next]) {
        latestStar = (next, position)
        next += 1
      } else if next < pattern.count, matchesOne(pattern[next], text[position]) {
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
    while next < pattern.count, isStar(pattern[next]) { next += 1 }
    return next == pattern.count
  }
}
