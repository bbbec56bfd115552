/// One line as `pymdownx.snippets` reads it: a `--8<-- "file"` directive, a `--8<--` block
/// marker, or a `--8<-- [start:name]` section marker, each possibly escaped with a leading `;`.
///
/// The shapes follow pymdown-extensions 11.0.1 (the version techdocs-core 1.7 pins): a marker is
/// one or more dashes, `8<`, one or more dashes; a directive line holds nothing but leading
/// blanks, the marker, blanks and one quoted path (no trailing blank), else it is plain text.
enum SnippetDirective: Equatable {
  /// `--8<-- "path"`: the line's leading blanks and the path as written (trimmed).
  case inline(space: Substring, path: Substring)
  /// `--8<--` alone: opens or closes a block of one path per line.
  case blockMarker
  /// Either of the above with leading `;`s: the line stays, without its first `;`.
  case escaped

  /// The directive on `line` (a trailing CR is allowed), or nil for any other line.
  static func parse(_ line: Substring) -> SnippetDirective? {
    var text = line
    if text.last == "\r" { text = text.dropLast() }
    let space = text.prefix { $0 == " " || $0 == "\t" }
    var rest = text.dropFirst(space.count)
    let escapes = rest.prefix { $0 == ";" }
    rest = rest.dropFirst(escapes.count)
    guard let afterMarker = marker(rest) else { return nil }
    let directive: SnippetDirective
    if afterMarker.isEmpty {
      directive = .blockMarker
    } else {
      let blanks = afterMarker.prefix { $0 == " " || $0 == "\t" }
      guard !blanks.isEmpty, let path = quotedPath(afterMarker.dropFirst(blanks.count)) else { return nil }
      directive = .inline(space: space, path: path)
    }
    return escapes.isEmpty ? directive : .escaped
  }

  /// Whether `text` holds `8<` (checked on the bytes).
  static func hasMarker<Text: StringProtocol>(_ text: Text) -> Bool {
    hasMarker(bytes: text.utf8)
  }

  /// Whether `bytes` (UTF-8) hold `8<`.
  static func hasMarker<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == UInt8(ascii: "<"), previous == UInt8(ascii: "8") { return true }
      previous = byte
    }
    return false
  }

  /// What follows a `-+8<-+` marker at the start of `text`, or nil when there is none.
  static func marker(_ text: Substring) -> Substring? {
    let before = text.prefix { $0 == "-" }
    guard !before.isEmpty else { return nil }
    let rest = text.dropFirst(before.count)
    guard rest.hasPrefix("8<") else { return nil }
    let after = rest.dropFirst(2)
    let dashes = after.prefix { $0 == "-" }
    guard !dashes.isEmpty else { return nil }
    return after.dropFirst(dashes.count)
  }

  /// The trimmed content of `"…"` or `'…'` filling all of `text`; the quote may appear inside
  /// only escaped (`\"`), and the content is not empty.
  static func quotedPath(_ text: Substring) -> Substring? {
    guard let quote = text.first, quote == "\"" || quote == "'", text.count >= 3, text.last == quote else {
      return nil
    }
    let inner = text.dropFirst().dropLast()
    var previous: Character?
    for character in inner {
      if character == "\n" || character == "\r" { return nil }
      // A backslash before the quote escapes it; "\\" is still one backslash then the quote.
      if character == quote, previous != "\\" { return nil }
      previous = character
    }
    return inner.trimmingWhitespace()
  }
}

/// A `--8<-- [start:name]` or `[end:name]` marker anywhere in a line.
struct SnippetSectionMarker: Equatable {
  /// `start` or `end` as written (case kept; only the lower-case words are acted on).
  var kind: Substring
  var name: Substring
  /// Whether `;`s stand right before the marker's dashes.
  var isEscaped: Bool
  /// The line with the first of those `;`s removed.
  var unescaped: String

  /// The first section marker on `line`, or nil.
  static func find(in line: Substring) -> SnippetSectionMarker? {
    guard SnippetDirective.hasMarker(line) else { return nil }
    var searchStart = line.startIndex
    while let range = line[searchStart...].firstRange(of: "8<") {
      searchStart = range.upperBound
      var dashStart = range.lowerBound
      while dashStart > line.startIndex, line[line.index(before: dashStart)] == "-" {
        dashStart = line.index(before: dashStart)
      }
      guard dashStart < range.lowerBound, let after = SnippetDirective.marker(line[dashStart...]),
        let (kind, name) = section(after)
      else { continue }
      var escapeStart = dashStart
      while escapeStart > line.startIndex, line[line.index(before: escapeStart)] == ";" {
        escapeStart = line.index(before: escapeStart)
      }
      let isEscaped = escapeStart < dashStart
      let unescaped = isEscaped ? String(line[..<escapeStart] + line[line.index(after: escapeStart)...]) : String(line)
      return SnippetSectionMarker(kind: kind, name: name, isEscaped: isEscaped, unescaped: unescaped)
    }
    return nil
  }

  /// `[ start : name ]` after at least one blank, at the start of `text`: the kind and name.
  private static func section(_ text: Substring) -> (Substring, Substring)? {
    let blanks = text.prefix { $0 == " " || $0 == "\t" }
    guard !blanks.isEmpty else { return nil }
    var rest = text.dropFirst(blanks.count)
    func skipBlanks() { rest = rest.drop { $0 == " " || $0 == "\t" } }
    guard rest.first == "[" else { return nil }
    rest = rest.dropFirst()
    skipBlanks()
    let kind = rest.prefix { $0.isASCII && $0.isLetter }
    guard kind.lowercased() == "start" || kind.lowercased() == "end" else { return nil }
    rest = rest.dropFirst(kind.count)
    skipBlanks()
    guard rest.first == ":" else { return nil }
    rest = rest.dropFirst()
    skipBlanks()
    guard let first = rest.first, first.isASCII, first.isLetter else { return nil }
    let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    rest = rest.dropFirst(name.count)
    skipBlanks()
    guard rest.first == "]" else { return nil }
    return (kind, name)
  }
}
