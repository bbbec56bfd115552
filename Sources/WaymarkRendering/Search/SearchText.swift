import Foundation

/// The word rules the full-text index and `assets/search.js` share: both must turn a text into the
/// same terms, so a change here is a change to the JS (`words`, `stem`, `compact`) too.
public enum SearchText {
  /// Lowercased words of letters and digits, diacritics removed, at least two characters long.
  public static func words(in text: String) -> [String] {
    // ASCII punctuation and spaces end a word however the text around them folds, so the text is
    // cut there: runs of ASCII letters and digits are words as they are, lowercased; a run with
    // other characters is folded and split as a whole text.
    var text = text
    return text.withUTF8 { bytes in
      var words: [String] = []
      var start = 0
      var ascii = true
      func run(to end: Int) {
        guard end > start else { return }
        let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !ascii {
          words += foldedWords(in: String(decoding: part, as: UTF8.self))
        } else if part.count >= 2 {
          words.append(
            String(unsafeUninitializedCapacity: part.count) { lowered in
              for (offset, byte) in part.enumerated() {
                lowered[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
              }
              return part.count
            })
        }
      }
      for index in bytes.indices {
        switch bytes[index] {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: continue
        case 0x80...: ascii = false
        default:
          run(to: index)
          start = index + 1
          ascii = true
        }
      }
      run(to: bytes.count)
      return words
    }
  }

  /// `words(in:)` by Unicode scalars: the text folded, then cut at every scalar that is not a
  /// letter or digit.
  package static func foldedWords(in text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      if current.count >= 2 { words.append(String(current)) }
      current = String.UnicodeScalarView()
    }
    for scalar in folded(text).unicodeScalars {
      if isWordScalar(scalar) { current.append(scalar) } else { flush() }
    }
    flush()
    return words
  }

  /// The text with diacritics removed and lowercased (NFD, combining marks dropped).
  public static func folded(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(scalar) {
      scalars.append(scalar)
    }
    return String(scalars).lowercased()
  }

  /// A name with everything but letters and digits removed: `Payments-API` and `payments api` both
  /// give `paymentsapi`, the key for exact name matches.
  public static func compact(_ text: String) -> String {
    words(in: text).joined()
  }

  /// A light English stemmer: plural `s`, then one of `ment`, `ation`/`ion`, `ing`, `ed`, then a
  /// final `e`, so `deploys`, `deployed`, `deploying` and `deployment` all give `deploy`.
  public static func stem(_ word: String) -> String {
    var w = Array(word)
    if w.count <= 3 || w.contains(where: \.isNumber) { return word }
    w = singular(w)
    w = withoutSuffix(w)
    if w.count > 4, w.last == "e" { w.removeLast() }
    return String(w)
  }

  private static func singular(_ w: [Character]) -> [Character] {
    guard w.last == "s" else { return w }
    let text = String(w)
    if text.hasSuffix("ies"), !text.hasSuffix("eies"), !text.hasSuffix("aies") { return w.dropLast(3) + ["y"] }
    if text.hasSuffix("es"), !text.hasSuffix("aes"), !text.hasSuffix("ees"), !text.hasSuffix("oes") {
      return Array(w.dropLast())
    }
    if text.hasSuffix("us") || text.hasSuffix("ss") { return w }
    return Array(w.dropLast())
  }

  private static func withoutSuffix(_ w: [Character]) -> [Character] {
    let text = String(w)
    if text.hasSuffix("ment"), w.count - 4 >= 5 { return Array(w.dropLast(4)) }
    if text.hasSuffix("ation"), w.count - 5 >= 5 { return Array(w.dropLast(5)) }
    if text.hasSuffix("ion"), w.count - 3 >= 4 { return Array(w.dropLast(3)) }
    if text.hasSuffix("ing"), w.count - 3 >= 4 { return undoubled(Array(w.dropLast(3))) }
    if text.hasSuffix("ed"), w.count - 2 >= 4 { return undoubled(Array(w.dropLast(2))) }
    return w
  }

  /// `runn` → `run`, `stopp` → `stop`; `ll`, `ss` and `zz` stay (`install`, `pass`).
  private static func undoubled(_ w: [Character]) -> [Character] {
    guard w.count >= 2, let last = w.last, w[w.count - 2] == last, !"aeiouylsz".contains(last) else { return w }
    return Array(w.dropLast())
  }

  /// The terms of `text`: its words, stemmed.
  public static func terms(in text: String) -> [String] {
    words(in: text).map(stem)
  }

  /// Plain text from rendered HTML: tags dropped (block ends become spaces), entities decoded.
  ///
  /// Read by bytes: every delimiter (`<`, `>`, `&`, `;`) is ASCII, and the renderer escapes them
  /// in text, so a `<` always opens a tag and a `&` an entity.
  public static func plainText(fromHTML html: String) -> String {
    var html = html
    let text = html.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var index = 0
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "<"):
          guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) else { return out }
          out.append(0x20)
          index = close + 1
        case UInt8(ascii: "&"):
          index = appendEntity(at: index, of: bytes, to: &out)
        case let byte:
          out.append(byte)
          index += 1
        }
      }
      return out
    }
    let joined = String(decoding: text, as: UTF8.self)
    return collapsingWhitespace(joined) ?? joined.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Appends the entity starting at `start` (a `&`) decoded, or as written when it is not one
  /// (up to ten letters, digits or `#` and then `;`), with the byte after it unless that opens a
  /// tag; returns the index to read on from.
  private static func appendEntity(at start: Int, of bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Int {
    var end = start + 1
    while end < bytes.count, end - start <= 10, isEntityByte(bytes[end]) { end += 1 }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
    guard end < bytes.count else {
      out += bytes[start..<end]
      return end
    }
    if bytes[end] == UInt8(ascii: ";") {
      out += decodedEntity(name).utf8
      return end + 1
    }
    out += bytes[start..<end]
    // Not an entity: the byte that ended it is text, unless it opens a tag.
    if bytes[end] == UInt8(ascii: "<") { return end }
    out.append(bytes[end])
    return end + 1
  }

  /// Whether `byte` may be part of an entity's name.
  private static func isEntityByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "#"): return true
    default: return false
    }
  }

  /// `text` split at whitespace characters and joined with single spaces, computed by scalars;
  /// nil when a whitespace scalar may share a character with its neighbour (a mark or joiner
  /// after it, a prepended sign before it), where only splitting by characters gives the answer.
  package static func collapsingWhitespace(_ text: String) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var space = false
    var previous: Unicode.Scalar?
    var afterWhitespace = false
    for scalar in text.unicodeScalars {
      let isWhitespace =
        scalar.isASCII ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
      if isWhitespace {
        if let previous, !previous.isASCII, joinsTheNextScalar(previous) { return nil }
        space = !out.isEmpty
        afterWhitespace = true
      } else {
        if afterWhitespace, !scalar.isASCII, joinsThePreviousScalar(scalar) { return nil }
        if space { out.append(0x20) }
        space = false
        afterWhitespace = false
        out.append(contentsOf: scalar.utf8)
      }
      previous = scalar
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A scalar a grapheme cluster may end with (an extending mark, a joiner, a spacing mark).
  private static func joinsThePreviousScalar(_ scalar: Unicode.Scalar) -> Bool {
    let category = scalar.properties.generalCategory
    return scalar.properties.isGraphemeExtend || category == .spacingMark || category == .format
      || (0x1F3FB...0x1F3FF).contains(scalar.value) || scalar.value == 0x0E33 || scalar.value == 0x0EB3
  }

  /// A scalar that joins the next one into its grapheme cluster (a prepended sign).
  private static func joinsTheNextScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .format
      || [0x0D4E, 0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11D46, 0x11F02].contains(scalar.value)
      || (0x11A84...0x11A89).contains(scalar.value)
  }

  private static func decodedEntity(_ name: String) -> String {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos", "#39", "#x27": return "'"
    case "nbsp": return " "
    default:
      let hex = name.hasPrefix("#x") || name.hasPrefix("#X")
      let digits = name.dropFirst(hex ? 2 : 1)
      if name.hasPrefix("#"), let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) {
        return String(Character(scalar))
      }
      return "&\(name);"
    }
  }

  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default: return false
    }
  }
}
