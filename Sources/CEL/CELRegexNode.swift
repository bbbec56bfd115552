/// A parsed regular expression: what `CELRegexParser` builds and `CELRegexCompiler` compiles.
///
/// Capture groups are plain nodes (a boolean match needs no submatches), and laziness is not
/// kept: whether a text matches at all does not depend on it.
indirect enum CELRegexNode: Sendable, Equatable {
  /// Matches the empty string.
  case empty
  /// One scalar; with `foldsCase`, any scalar in the same simple case-folding orbit.
  case scalar(Unicode.Scalar, foldsCase: Bool)
  /// Any scalar of a class (`[a-z]`, `\d`, `\pL`).
  case set(CELRegexCharacterClass)
  /// `.`: any scalar, a line feed only when `matchesNewline` (flag `s`).
  case any(matchesNewline: Bool)
  /// An empty-width test: `^`, `$`, `\A`, `\z`, `\b`, `\B`.
  case assertion(CELRegexAssertion)
  /// Each node in turn.
  case concatenation([CELRegexNode])
  /// Any one of the nodes.
  case alternation([CELRegexNode])
  /// The node repeated `minimum` to `maximum` times (nil: unbounded).
  case repetition(CELRegexNode, minimum: Int, maximum: Int?)
}

/// An empty-width test at a position between two scalars.
enum CELRegexAssertion: Sendable, Equatable {
  /// `\A`, or `^` without flag `m`.
  case beginText
  /// `\z`, or `$` without flag `m` (RE2: not before a final line feed).
  case endText
  /// `^` with flag `m`: at the start or after a line feed.
  case beginLine
  /// `$` with flag `m`: at the end or before a line feed.
  case endLine
  /// `\b`: between an ASCII word scalar and a non-word one (or an end).
  case wordBoundary
  /// `\B`: not at a word boundary.
  case notWordBoundary

  /// Whether the test holds between `previous` and `next` (nil at either end of the text).
  func holds(previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
    switch self {
    case .beginText: return previous == nil
    case .endText: return next == nil
    case .beginLine: return previous.map { $0 == "\n" } ?? true
    case .endLine: return next.map { $0 == "\n" } ?? true
    case .wordBoundary: return Self.isWord(previous) != Self.isWord(next)
    case .notWordBoundary: return Self.isWord(previous) == Self.isWord(next)
    }
  }

  /// RE2's word scalars are ASCII only: `[0-9A-Za-z_]`.
  static func isWord(_ scalar: Unicode.Scalar?) -> Bool {
    guard let value = scalar?.value, value < 0x80 else { return false }
    return CELRegexCharacterClass.perlWord.containsASCII(value)
  }
}
