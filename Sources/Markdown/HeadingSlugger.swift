import Foundation

/// Makes heading anchors in one `HeadingIDStyle`, unique within one document.
///
/// GitHub style lowercases, drops punctuation except `-` and `_`, turns spaces into `-`, and
/// disambiguates repeats with `-1`, `-2`, …. mkdocs style follows Python-Markdown's `toc`
/// extension (`slugify` and `unique`); see `mkdocsSlug(_:)`.
public struct HeadingSlugger: Sendable {
  /// The style anchors are made in.
  public let style: HeadingIDStyle
  /// GitHub style: each base slug with the highest number given to it.
  private var seen: [String: Int] = [:]
  /// mkdocs style: every id taken, reserved or given.
  private var used: Set<String> = []

  /// Creates a slugger with no anchors used yet.
  public init(style: HeadingIDStyle = .github) {
    self.style = style
  }

  /// Marks ids as taken (mkdocs style: ids set by attribute lists anywhere in the page, which a
  /// made anchor never repeats, even when the id comes later in the page).
  public mutating func reserve<S: Sequence>(_ ids: S) where S.Element == String {
    used.formUnion(ids)
  }

  /// The next unique anchor for a heading's text.
  public mutating func slug(for text: String) -> String {
    switch style {
    case .github: githubSlug(for: text)
    case .mkdocs: unique(Self.mkdocsSlug(text))
    }
  }

  private mutating func githubSlug(for text: String) -> String {
    var base = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber || character == "-" || character == "_" {
        base.append(character)
      } else if character == " " {
        base.append("-")
      }
    }
    if base.isEmpty { base = "section" }
    var candidate = base
    if let count = seen[base] {
      var next = count
      repeat {
        next += 1
        candidate = "\(base)-\(next)"
      } while seen[candidate] != nil
      seen[base] = next
    } else {
      seen[base] = 0
    }
    seen[candidate] = seen[candidate] ?? 0
    return candidate
  }

  /// Python-Markdown's `unique`: while the id is empty or taken, a trailing `_N` becomes
  /// `_N+1`, else `_1` is appended.
  private mutating func unique(_ slug: String) -> String {
    var id = slug
    while id.isEmpty || used.contains(id) {
      id = Self.bumped(id)
    }
    used.insert(id)
    return id
  }

  /// `id` with its trailing `_N` counted up, or with `_1` appended.
  static func bumped(_ id: String) -> String {
    let digits = id.utf8.reversed().prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
    let stemEnd = id.utf8.index(id.utf8.endIndex, offsetBy: -digits)
    guard digits > 0, stemEnd > id.utf8.startIndex, id.utf8[id.utf8.index(before: stemEnd)] == UInt8(ascii: "_")
    else { return id + "_1" }
    return String(id[..<stemEnd]) + Self.incremented(String(id[stemEnd...]))
  }

  /// A decimal number of any length plus one, without leading zeros (as Python's `int` reads it).
  static func incremented(_ digits: String) -> String {
    var bytes = Array(digits.utf8.drop { $0 == UInt8(ascii: "0") })
    var index = bytes.count - 1
    while index >= 0, bytes[index] == UInt8(ascii: "9") {
      bytes[index] = UInt8(ascii: "0")
      index -= 1
    }
    if index >= 0 { bytes[index] += 1 } else { bytes.insert(UInt8(ascii: "1"), at: 0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Python-Markdown's default `slugify` with `-`: compatibility-decompose (NFKD), drop what is
  /// not ASCII, drop what is not a word character, whitespace or `-`, trim whitespace,
  /// lowercase, and make each run of whitespace and `-` one `-`.
  public static func mkdocsSlug(_ text: String) -> String {
    var kept: [UInt8] = []
    for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars where scalar.isASCII {
      let byte = UInt8(scalar.value)
      if isWordByte(byte) || isSpaceByte(byte) || byte == UInt8(ascii: "-") { kept.append(byte) }
    }
    let start = kept.firstIndex { !isSpaceByte($0) } ?? kept.endIndex
    let end = (kept.lastIndex { !isSpaceByte($0) }).map { $0 + 1 } ?? start
    var slug: [UInt8] = []
    slug.reserveCapacity(end - start)
    var inRun = false
    for byte in kept[start..<max(start, end)] {
      if isSpaceByte(byte) || byte == UInt8(ascii: "-") {
        if !inRun { slug.append(UInt8(ascii: "-")) }
        inRun = true
      } else {
        slug.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        inRun = false
      }
    }
    return String(decoding: slug, as: UTF8.self)
  }

  /// Python's `\w` on ASCII text.
  private static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
  }

  /// Python's `\s` (and `str.strip`) on ASCII text: space, tab to carriage return, and the
  /// separators 0x1C to 0x1F.
  private static func isSpaceByte(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F)
  }
}
