/// `pymdownx.magiclink` as techdocs-core turns it on (no settings): bare `http(s)://`,
/// `ftp(s)://` and `www.` addresses and e-mail addresses in text become links. Its shorthands
/// (`@user`, `#123`, `org/repo#12`) and URL shortening are off by default, so they stay text.
///
/// The rules are pymdown-extensions 11.0.1's patterns, written out: an address starts after a
/// non-word character or `_`; its host starts with a letter or digit; it runs over letters,
/// digits and `-_.?,!'(){}[]/+&@%$#=:"|~;` and ends at the last letter, digit or `-/#@$+=` of
/// that run (so a closing `)` or a full stop after it is left out). Addresses are found first,
/// then e-mail addresses in the text between them, as mkdocs' inline patterns run in that order.
enum MagicLinkScanner {
  /// A link found: the scalars it covers and where it leads.
  struct Match: Equatable {
    var range: Range<Int>
    var href: String
  }

  /// Whether `text` could hold a magic link at all: an `@`, a `://` or a `www.` (a cheap test on
  /// the bytes before the scalars are scanned).
  static func mayContainLinks(_ text: String) -> Bool {
    let (at, colon, slash, dot, w) = (
      UInt8(ascii: "@"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "w")
    )
    var last = (UInt8(0), UInt8(0), UInt8(0))
    for byte in text.utf8 {
      if byte == at { return true }
      if byte == slash, last.2 == slash, last.1 == colon { return true }
      if byte == dot, last.0 | 0x20 == w, last.1 | 0x20 == w, last.2 | 0x20 == w { return true }
      last = (last.1, last.2, byte)
    }
    return false
  }

  /// The links in `text`, in order, not overlapping.
  static func links(in text: ArraySlice<Unicode.Scalar>) -> [Match] {
    var found: [Match] = []
    var index = text.startIndex
    var gapStart = text.startIndex
    while index < text.endIndex {
      guard let match = address(in: text, at: index) else {
        index += 1
        continue
      }
      found += mails(in: text[gapStart..<index])
      found.append(match)
      index = match.range.upperBound
      gapStart = index
    }
    found += mails(in: text[gapStart...])
    return found
  }

  /// An address starting at `index`, or nil.
  static func address(in text: ArraySlice<Unicode.Scalar>, at index: Int) -> Match? {
    guard "hHfFwW".unicodeScalars.contains(text[index]) else { return nil }
    if index > text.startIndex, isWord(text[index - 1]), text[index - 1] != "_" { return nil }
    var hostStart: Int?
    var isWWW = false
    for scheme in ["http://", "https://", "ftp://", "ftps://", "www."]
    where startsCaseInsensitively(text, index, scheme) {
      hostStart = index + scheme.unicodeScalars.count
      isWWW = scheme == "www."
      break
    }
    guard let hostStart, hostStart < text.endIndex, isAlphanumeric(text[hostStart]) else { return nil }
    var runEnd = hostStart + 1
    while runEnd < text.endIndex, isPathScalar(text[runEnd]) { runEnd += 1 }
    var end = runEnd - 1
    while end > hostStart, !isEndScalar(text[end]) { end -= 1 }
    guard end > hostStart else { return nil }
    let written = String(String.UnicodeScalarView(text[index...end]))
    return Match(range: index..<(end + 1), href: isWWW ? "http://" + written : written)
  }

  /// The e-mail addresses in `text` (a stretch between addresses).
  static func mails(in text: ArraySlice<Unicode.Scalar>) -> [Match] {
    var found: [Match] = []
    var searchFrom = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "@", let start = localPartStart(in: text[searchFrom...], at: index),
        let end = domainEnd(in: text, after: index)
      {
        let written = String(String.UnicodeScalarView(text[start...end]))
        found.append(Match(range: start..<(end + 1), href: "mailto:" + written))
        index = end + 1
        searchFrom = index
        continue
      }
      index += 1
    }
    return found
  }

  /// The leftmost start of a local part ending just before the `@` at `at`: not after a
  /// `-/+@`, letter, digit or `_`; no `..`; not starting or ending with `.`.
  static func localPartStart(in text: ArraySlice<Unicode.Scalar>, at: Int) -> Int? {
    guard at > text.startIndex, text[at - 1] != "." else { return nil }
    var runStart = at
    while runStart > text.startIndex, isLocalScalar(text[runStart - 1]) { runStart -= 1 }
    guard runStart < at else { return nil }
    var lastDoubleDot = runStart - 1
    for position in runStart..<(at - 1) where text[position] == "." && text[position + 1] == "." {
      lastDoubleDot = position + 1
    }
    for start in max(runStart, lastDoubleDot + 1)..<at where text[start] != "." {
      let before = start > text.startIndex ? text[start - 1] : " "
      let allowed = start == runStart ? !(isLocalScalar(before) || before == "/" || before == "@") : before == "."
      if allowed { return start }
    }
    return nil
  }

  /// The last scalar of a domain after the `@` at `at`: a name and `.`, then names joined by
  /// single dots, ending in a letter at a word boundary not followed by `-` or `@`.
  static func domainEnd(in text: ArraySlice<Unicode.Scalar>, after at: Int) -> Int? {
    var cursor = at + 1
    while cursor < text.endIndex, isDomainScalar(text[cursor]) { cursor += 1 }
    guard cursor > at + 1, cursor < text.endIndex, text[cursor] == "." else { return nil }
    let restStart = cursor + 1
    var restEnd = restStart
    while restEnd < text.endIndex {
      let scalar = text[restEnd]
      if scalar == "." {
        guard text[restEnd - 1] != ".", restEnd + 1 >= text.endIndex || text[restEnd + 1] != "." else { break }
      } else if !isDomainScalar(scalar) {
        break
      }
      restEnd += 1
    }
    var end = restEnd - 1
    while end >= restStart {
      let next = end + 1 < text.endIndex ? text[end + 1] : " "
      if isASCIILetter(text[end]), !isWord(next), next != "-", next != "@" { return end }
      end -= 1
    }
    return nil
  }

  static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "_" }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { isWord(scalar) && scalar != "_" }

  static func isPathScalar(_ scalar: Unicode.Scalar) -> Bool {
    isWord(scalar) || "-.?,!'(){}[]/+&@%$#=:\"|~;".unicodeScalars.contains(scalar)
  }

  static func isEndScalar(_ scalar: Unicode.Scalar) -> Bool {
    isAlphanumeric(scalar) || "-/#@$+=".unicodeScalars.contains(scalar)
  }

  static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
    isASCIILetter(scalar) || scalar.properties.numericType == .decimal || scalar == "-" || scalar == "_"
  }

  static func isLocalScalar(_ scalar: Unicode.Scalar) -> Bool {
    isDomainScalar(scalar) || scalar == "+" || scalar == "."
  }

  static func startsCaseInsensitively(_ text: ArraySlice<Unicode.Scalar>, _ index: Int, _ prefix: String) -> Bool {
    var position = index
    for expected in prefix.unicodeScalars {
      guard position < text.endIndex else { return false }
      let actual = text[position]
      guard actual == expected || (isASCIILetter(actual) && actual.value | 0x20 == expected.value) else { return false }
      position += 1
    }
    return true
  }
}
