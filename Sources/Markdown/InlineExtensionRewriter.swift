/// The inline TechDocs extensions, applied to one text node's literal: critic markup, mark
/// (`==x==`), caret (`^^x^^`, `^x^`), tilde (`~~x~~`, `~x~`), emoji shortcodes, smart symbols and
/// abbreviations. HTML goes into placeholders; the text between stays text (cmark-gfm escapes it).
///
/// One left-to-right scan; a closing delimiter is searched for once per opener within the same
/// text node, so the work is bounded by the literal's length times the openers it holds.
struct InlineExtensionRewriter {
  let context: MarkdownExtensionContext

  static let critic: [(open: String, close: String, tag: String)] = [
    ("{++", "++}", "<ins class=\"critic\">|</ins>"), ("{--", "--}", "<del class=\"critic\">|</del>"),
    ("{==", "==}", "<mark class=\"critic\">|</mark>"), ("{>>", "<<}", "<span class=\"critic comment\">|</span>"),
  ]
  static let pairs: [(delimiter: String, tag: String, allowsSpace: Bool)] = [
    ("==", "mark", true), ("^^", "ins", true), ("~~", "del", true), ("^", "sup", false), ("~", "sub", false),
  ]
  static let symbols: [(String, String)] = [
    ("<-->", "\u{2194}"), ("<==>", "\u{21D4}"), ("-->", "\u{2192}"), ("<--", "\u{2190}"), ("==>", "\u{21D2}"),
    ("<==", "\u{21D0}"), ("(tm)", "\u{2122}"), ("(c)", "\u{00A9}"), ("(r)", "\u{00AE}"), ("c/o", "\u{2105}"),
    ("+/-", "\u{00B1}"), ("=/=", "\u{2260}"), ("1/4", "\u{00BC}"), ("1/2", "\u{00BD}"), ("3/4", "\u{00BE}"),
  ]

  /// Whether `scalar` starts one of `symbols` (most positions skip the list).
  static func startsSymbol(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "<", "-", "=", "(", "c", "+", "1", "3": return true
    default: return false
    }
  }

  /// The literal with extensions replaced by placeholders; nil when nothing applies.
  func rewrite(_ literal: String) -> String? {
    rewrite(Array(literal.unicodeScalars)[...])
  }

  /// One scan in which only scalars that can start an extension are tried; the UTF-8 output is
  /// begun at the first change, so a text node without one (most) is never built again.
  private func rewrite(_ text: ArraySlice<Unicode.Scalar>) -> String? {
    var out: [UInt8] = []
    var changed = false
    var kept = text.startIndex  // what lies before it is in `out` already
    var index = text.startIndex
    while index < text.endIndex {
      // A placeholder already in the text (a magic link) is kept whole.
      if text[index] == MarkdownPlaceholders.open,
        let close = text[index...].firstIndex(of: MarkdownPlaceholders.close)
      {
        index = close + 1
        continue
      }
      guard mayStart(text[index]), let (html, next) = match(text, at: index) else {
        index += 1
        continue
      }
      if let html {
        if !changed { out.reserveCapacity(text.count + 32) }
        changed = true
        Self.append(text[kept..<index], to: &out)
        out.append(contentsOf: html.utf8)
        kept = next
      }
      index = next
    }
    guard changed else { return nil }
    Self.append(text[kept...], to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// `text` (what a pair or critic mark encloses) with its extensions applied, changed or not.
  private func rewritten(_ text: ArraySlice<Unicode.Scalar>) -> String {
    rewrite(text) ?? String(String.UnicodeScalarView(text))
  }

  private static func append(_ scalars: ArraySlice<Unicode.Scalar>, to out: inout [UInt8]) {
    for scalar in scalars {
      if scalar.isASCII {
        out.append(UInt8(truncatingIfNeeded: scalar.value))
      } else {
        UTF8.encode(scalar) { out.append($0) }
      }
    }
  }

  /// Whether `match` can find anything at `scalar` (most scalars of prose start nothing).
  private func mayStart(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "{", "=", "^", "~", ":", "<", "-", "(", "c", "+", "0"..."9": return true
    default: return !context.abbreviations.isEmpty
    }
  }

  /// What starts at `index` and where it ends: its HTML (placeholders), or nil when it is text
  /// kept as it is (a word that is no abbreviation).
  private func match(_ text: ArraySlice<Unicode.Scalar>, at index: Int) -> (String?, Int)? {
    let scalar = text[index]
    if scalar == "{", let found = criticMatch(text, at: index) { return found }
    if scalar == "=" || scalar == "^" || scalar == "~", let found = pairMatch(text, at: index) { return found }
    if scalar == ":", let found = emojiMatch(text, at: index) { return found }
    if Self.startsSymbol(scalar), let found = symbolMatch(text, at: index) { return found }
    if let found = ordinalMatch(text, at: index) { return found }
    if let found = abbreviationMatch(text, at: index) { return found }
    return nil
  }

  private func symbolMatch(_ text: ArraySlice<Unicode.Scalar>, at index: Int) -> (String, Int)? {
    for (pattern, symbol) in Self.symbols where text[index...].starts(with: pattern.unicodeScalars) {
      let isFraction = pattern.first?.isNumber == true
      let end = index + pattern.unicodeScalars.count
      if isFraction, Self.isWordScalar(text, index - 1) || Self.isWordScalar(text, end) {
        continue
      }
      return (symbol, end)
    }
    return nil
  }

  private func criticMatch(_ text: ArraySlice<Unicode.Scalar>, at index: Int) -> (String, Int)? {
    if text[index...].starts(with: "{~~".unicodeScalars), let close = Self.find("~~}", in: text, from: index + 3),
      let arrow = Self.find("~>", in: text[..<close], from: index + 3)
    {
      let removed = marked("<del class=\"critic\">|</del>", rewritten(text[(index + 3)..<arrow]))
      let added = marked("<ins class=\"critic\">|</ins>", rewritten(text[(arrow + 2)..<close]))
      return (removed + added, close + 3)
    }
    for rule in Self.critic where text[index...].starts(with: rule.open.unicodeScalars) {
      guard let close = Self.find(rule.close, in: text, from: index + 3) else { return nil }
      return (marked(rule.tag, rewritten(text[(index + 3)..<close])), close + 3)
    }
    return nil
  }

  private func pairMatch(_ text: ArraySlice<Unicode.Scalar>, at index: Int) -> (String, Int)? {
    for pair in Self.pairs where text[index...].starts(with: pair.delimiter.unicodeScalars) {
      let width = pair.delimiter.unicodeScalars.count
      let start = index + width
      guard start < text.endIndex, !text[start].properties.isWhitespace, text[start] != text[index] else { return nil }
      var cursor = start
      while let close = Self.find(pair.delimiter, in: text, from: cursor) {
        let inner = text[start..<close]
        if !pair.allowsSpace, inner.contains(where: { $0.properties.isWhitespace }) { return nil }
        let doubled = close + width < text.endIndex && text[close + width] == text[index]
        if !inner.isEmpty, !text[close - 1].properties.isWhitespace, !doubled || width == 2 {
          return (marked("<\(pair.tag)>|</\(pair.tag)>", rewritten(inner)), close + width)
        }
        cursor = close + 1
      }
      return nil
    }
    return nil
  }

  private func emojiMatch(_ text: ArraySlice<Unicode.Scalar>, at index: Int) -> (String, Int)? {
    var cursor = index + 1
    while cursor < text.endIndex, cursor - index < 64, Self.isShortcodeScalar(text[cursor]) { cursor += 1 }
    guard cursor < text.endIndex, text[cursor] == ":", cursor > index + 1 else { return nil }
    let name = String(String.UnicodeScalarView(text[(index + 1)..<cursor]))
    guard let emoji = EmojiShortcodes.table[name] else { return nil }
    let html = "<span class=\"emojione\" title=\":\(name):\">\(emoji)</span>"
    return (context.placeholders.marker(for: html), cursor + 1)
  }

  private func ordinalMatch(_ text: ArraySlice<Unicode.Scalar>, at index: Int) -> (String, Int)? {
    guard ("0"..."9").contains(text[index]), !Self.isWordScalar(text, index - 1) else { return nil }
    var cursor = index
    while cursor < text.endIndex, ("0"..."9").contains(text[cursor]) { cursor += 1 }
    guard cursor + 2 <= text.endIndex, !Self.isWordScalar(text, cursor + 2) else { return nil }
    let suffix = String(String.UnicodeScalarView(text[cursor..<(cursor + 2)]))
    guard ["st", "nd", "rd", "th"].contains(suffix) else { return nil }
    let digits = String(String.UnicodeScalarView(text[index..<cursor]))
    return (digits + context.placeholders.marker(for: "<sup>\(suffix)</sup>"), cursor + 2)
  }

  private func abbreviationMatch(_ text: ArraySlice<Unicode.Scalar>, at index: Int) -> (String?, Int)? {
    guard !context.abbreviations.isEmpty, Self.isWordScalar(text, index), !Self.isWordScalar(text, index - 1) else {
      return nil
    }
    var cursor = index
    while Self.isWordScalar(text, cursor) { cursor += 1 }
    let word = String(String.UnicodeScalarView(text[index..<cursor]))
    guard let expansion = context.abbreviations[word] else {
      return (nil, cursor)
    }
    let html = "<abbr title=\"\(AttributeList.escape(expansion))\">\(AttributeList.escape(word))</abbr>"
    return (context.placeholders.marker(for: html), cursor)
  }

  /// `template` (`<tag>|</tag>`) around already rewritten inner text, the tags as placeholders.
  private func marked(_ template: String, _ inner: String) -> String {
    let parts = template.split(separator: "|", maxSplits: 1)
    return context.placeholders.marker(for: String(parts[0])) + inner
      + context.placeholders.marker(for: String(parts[1]))
  }

  static func find(_ needle: String, in text: ArraySlice<Unicode.Scalar>, from: Int) -> Int? {
    let pattern = Array(needle.unicodeScalars)
    var index = from
    while index + pattern.count <= text.endIndex {
      if text[index] == pattern[0], text[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
      index += 1
    }
    return nil
  }

  static func isWordScalar(_ text: ArraySlice<Unicode.Scalar>, _ index: Int) -> Bool {
    guard index >= text.startIndex, index < text.endIndex else { return false }
    let scalar = text[index]
    if scalar.isASCII {
      return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || scalar == "_"
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  static func isShortcodeScalar(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "+"
  }
}
