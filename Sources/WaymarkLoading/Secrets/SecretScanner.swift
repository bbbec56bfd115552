/// Finds credentials in bytes already in memory, in one pass.
///
/// Only ten byte pairs can start a secret (`--`, `AK`, `ey`, …); they are looked for 16 positions
/// at a time with vector compares, and only the rare blocks holding one are looked at byte by
/// byte, before any shape is measured. The shapes (see `SecretRule`):
///
/// - `private-key`: `-----BEGIN ` + up to 60 of `[A-Z0-9 _-]` ending in `PRIVATE KEY` or
///   `PRIVATE KEY BLOCK` + `-----`, then at least 64 base64 characters (whitespace, `\n` escapes
///   and `Proc-Type:`/`DEK-Info:`/`Version:`/`Comment:` header lines skipped), so a documented
///   `-----BEGIN RSA PRIVATE KEY-----` with `...` as its body is not one;
/// - `aws-access-key-id`: `AKIA|ASIA|ABIA|ACCA` + 16 of `[A-Z2-7]`, except ids ending in
///   `EXAMPLE` (AWS's documentation placeholder `AKIAIOSFODNN7EXAMPLE`);
/// - `github-token`: `gh[pousr]_` + 36 of `[A-Za-z0-9]`, or `github_pat_` + 82 of `[A-Za-z0-9_]`;
/// - `slack-token`: `xox[abeoprs]-` + at least 20 of `[A-Za-z0-9-]` holding 8 digits or more;
/// - `google-api-key`: `AIza` + 35 of `[A-Za-z0-9_-]`;
/// - `jwt`: `eyJ` + 10 or more base64url characters, `.`, `eyJ` + 10 or more, `.`, a signature
///   of 16 or more (an unsigned token is not a credential).
///
/// Fixed-length tokens must not be part of a longer word (the bytes either side are not
/// letters or digits). Lines and columns are 1-based, columns counted in characters.
public struct SecretScanner: Sendable {
  /// One credential found.
  public struct Match: Sendable, Hashable {
    /// Which rule found it.
    public var rule: SecretRule
    /// The byte offset where it starts.
    public var offset: Int
    /// Its length in bytes.
    public var length: Int
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in characters.
    public var column: Int
    /// The public part that may be shown: the prefix (`ghp_`), or a PEM header.
    public var shown: String
    /// The matched text itself, for allow patterns; never printed.
    public var text: String

    /// The redacted form for messages, `'ghp_…', 40 characters`: never the secret part.
    public var redacted: String {
      rule == .privateKey ? "'\(shown)'" : "'\(shown)…', \(length) characters"
    }
  }

  /// Creates a scanner.
  public init() {}

  /// Every credential in `bytes`, in order.
  public func scan(_ bytes: [UInt8]) -> [Match] {
    bytes.withUnsafeBufferPointer { scan($0) }
  }

  /// Every credential in `buffer`, in order.
  public func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> [Match] {
    var matches: [Match] = []
    var locator = Locator()
    var index = 0
    // Every prefix is at least four bytes; the last three bytes cannot start one.
    let end = buffer.count - 3
    while index < end {
      // Sixteen positions at a time: almost no block holds a byte pair that can start a secret.
      if index + 16 <= end, !Self.blockMayStartSecret(buffer, at: index) {
        index += 16
        continue
      }
      let blockEnd = min(index + 16, end)
      while index < blockEnd {
        guard let (rule, length, shownLength) = Self.secret(in: buffer, at: index) else {
          index += 1
          continue
        }
        let (line, column) = locator.position(of: index, in: buffer)
        matches.append(
          Match(
            rule: rule, offset: index, length: length, line: line, column: column,
            shown: String(
              decoding: UnsafeBufferPointer(rebasing: buffer[index..<(index + shownLength)]), as: UTF8.self),
            text: String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<(index + length)]), as: UTF8.self)))
        index += max(1, length)
      }
    }
    return matches
  }

  /// Whether a secret may start at one of the 16 positions from `index` (which has 17 bytes from
  /// it): whether one of them holds a byte pair the switch in `secret(in:at:)` measures further.
  /// Compared as vectors, a few instructions for 16 bytes where a table costs one lookup each.
  @inline(__always)
  private static func blockMayStartSecret(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let start = UnsafeRawPointer(buffer.baseAddress! + index)
    let first = start.loadUnaligned(as: SIMD16<UInt8>.self)
    let second = start.loadUnaligned(fromByteOffset: 1, as: SIMD16<UInt8>.self)
    // Compared with whole vectors: the operators taking a scalar compare lane by lane.
    func byte(_ value: UInt8) -> SIMD16<UInt8> { SIMD16(repeating: value) }
    let twoAsB = second & byte(0xFE)
    // `--`; `A` + `K`/`S`/`B`/`C`/`I`; `ey`; `g` + `h`/`i`; `xo`.
    let dashes = (first .== byte(0x2D)) .& (second .== byte(0x2D))
    let afterA =
      (second .== byte(0x4B)) .| (second .== byte(0x53)) .| (twoAsB .== byte(0x42)) .| (second .== byte(0x49))
    let capitalA = (first .== byte(0x41)) .& afterA
    let ey = (first .== byte(0x65)) .& (second .== byte(0x79))
    let gh = (first .== byte(0x67)) .& (twoAsB .== byte(0x68))
    let xo = (first .== byte(0x78)) .& (second .== byte(0x6F))
    return any(dashes .| capitalA .| ey .| gh .| xo)
  }

  /// The secret starting at `index` (before `buffer.count - 3`) as (rule, length, shown length), if any.
  ///
  /// The byte pair decides almost every position without a call: `e` must be followed by `y`,
  /// `A` by `K`/`S`/`B`/`C`/`I`, `g` by `h`/`i`, `x` by `o`, `-` by `-`.
  @inline(__always)
  private static func secret(in buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (SecretRule, Int, Int)? {
    switch (buffer[index], buffer[index + 1]) {
    case (0x2D, 0x2D): return privateKey(buffer, at: index)  // --
    case (0x41, 0x4B), (0x41, 0x53), (0x41, 0x42), (0x41, 0x43): return aws(buffer, at: index)  // AK AS AB AC
    case (0x41, 0x49): return google(buffer, at: index)  // AI
    case (0x65, 0x79): return jwt(buffer, at: index)  // ey
    case (0x67, 0x68), (0x67, 0x69): return github(buffer, at: index)  // gh gi
    case (0x78, 0x6F): return slack(buffer, at: index)  // xo
    default: return nil
    }
  }

  /// `text` with every credential replaced by its redacted form.
  public func redacting(_ text: String) -> String {
    let bytes = Array(text.utf8)
    let matches = scan(bytes)
    guard !matches.isEmpty else { return text }
    var out: [UInt8] = []
    var cursor = 0
    for match in matches {
      out += bytes[cursor..<match.offset]
      out += Array("\(match.shown)…[redacted]".utf8)
      cursor = match.offset + match.length
    }
    out += bytes[cursor...]
    return String(decoding: out, as: UTF8.self)
  }

  /// Lines and columns of increasing offsets, counted once over the text.
  package struct Locator {
    package var scanned = 0
    package var line = 1
    package var column = 1

    package mutating func position(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
      while scanned < offset {
        let byte = buffer[scanned]
        if byte == 0x0A {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
        scanned += 1
      }
      return (line, column)
    }
  }

  // MARK: - Shapes: each returns (rule, length, shown length) when a secret starts at `index`.

  package static func privateKey(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (SecretRule, Int, Int)? {
    guard starts(with: "-----BEGIN ", buffer, at: index) else { return nil }
    var cursor = index + 11
    let labelStart = cursor
    while cursor < buffer.count, cursor - labelStart <= 60, isLabel(buffer[cursor]) { cursor += 1 }
    guard starts(with: "-----", buffer, at: cursor) else { return nil }
    let label = String(decoding: UnsafeBufferPointer(rebasing: buffer[labelStart..<cursor]), as: UTF8.self)
    guard label.hasSuffix("PRIVATE KEY") || label.hasSuffix("PRIVATE KEY BLOCK") else { return nil }
    let headerEnd = cursor + 5
    cursor = headerEnd
    var body = 0
    while cursor < buffer.count, body < 64 {
      let byte = buffer[cursor]
      if isBase64(byte) {
        body += 1
        cursor += 1
      } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "\"")
        || byte == UInt8(ascii: "'")
      {
        cursor += 1
      } else if byte == UInt8(ascii: "\\"), cursor + 1 < buffer.count,
        [UInt8(ascii: "n"), UInt8(ascii: "r")].contains(buffer[cursor + 1])
      {
        cursor += 2
      } else if ["Proc-Type:", "DEK-Info:", "Version:", "Comment:"].contains(where: {
        starts(with: $0, buffer, at: cursor)
      }) {
        while cursor < buffer.count, buffer[cursor] != 0x0A, !starts(with: "\\n", buffer, at: cursor) { cursor += 1 }
      } else {
        break
      }
    }
    guard body >= 64 else { return nil }
    return (.privateKey, headerEnd - index, headerEnd - index)
  }

  package static func aws(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (SecretRule, Int, Int)? {
    guard index + 4 <= buffer.count, buffer[index + 3] == UInt8(ascii: "A"),
      ["AKIA", "ASIA", "ABIA", "ACCA"].contains(where: { starts(with: $0, buffer, at: index) }),
      isBoundary(before: index, buffer)
    else { return nil }
    let end = index + 20
    guard end <= buffer.count, (index + 4..<end).allSatisfy({ isBase32(buffer[$0]) }), isBoundary(at: end, buffer)
    else { return nil }
    if starts(with: "EXAMPLE", buffer, at: end - 7) { return nil }
    return (.awsAccessKeyID, 20, 4)
  }

  package static func google(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (SecretRule, Int, Int)? {
    guard starts(with: "AIza", buffer, at: index), isBoundary(before: index, buffer) else { return nil }
    let end = index + 39
    guard end <= buffer.count, (index + 4..<end).allSatisfy({ isBase64URL(buffer[$0]) }),
      end == buffer.count || !isBase64URL(buffer[end])
    else { return nil }
    return (.googleAPIKey, 39, 4)
  }

  package static func github(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (SecretRule, Int, Int)? {
    guard index + 4 <= buffer.count, isBoundary(before: index, buffer) else { return nil }
    if buffer[index + 1] == UInt8(ascii: "i"), starts(with: "github_pat_", buffer, at: index) {
      let end = index + 11 + 82
      guard end <= buffer.count,
        (index + 11..<end).allSatisfy({ isAlphanumeric(buffer[$0]) || buffer[$0] == UInt8(ascii: "_") }),
        end == buffer.count || !(isAlphanumeric(buffer[end]) || buffer[end] == UInt8(ascii: "_"))
      else { return nil }
      return (.githubToken, 93, 11)
    }
    guard buffer[index + 1] == UInt8(ascii: "h"), "pousr".utf8.contains(buffer[index + 2]),
      buffer[index + 3] == UInt8(ascii: "_")
    else {
      return nil
    }
    let end = index + 4 + 36
    guard end <= buffer.count, (index + 4..<end).allSatisfy({ isAlphanumeric(buffer[$0]) }), isBoundary(at: end, buffer)
    else {
      return nil
    }
    return (.githubToken, 40, 4)
  }

  package static func slack(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (SecretRule, Int, Int)? {
    guard starts(with: "xox", buffer, at: index), index + 5 <= buffer.count, "abeoprs".utf8.contains(buffer[index + 3]),
      buffer[index + 4] == UInt8(ascii: "-"), isBoundary(before: index, buffer)
    else { return nil }
    var cursor = index + 5
    var digits = 0
    while cursor < buffer.count, isAlphanumeric(buffer[cursor]) || buffer[cursor] == UInt8(ascii: "-") {
      if buffer[cursor] >= UInt8(ascii: "0") && buffer[cursor] <= UInt8(ascii: "9") { digits += 1 }
      cursor += 1
    }
    guard cursor - index - 5 >= 20, digits >= 8 else { return nil }
    return (.slackToken, cursor - index, 5)
  }

  package static func jwt(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (SecretRule, Int, Int)? {
    guard starts(with: "eyJ", buffer, at: index),
      index == 0 || !(isBase64URL(buffer[index - 1]) || buffer[index - 1] == UInt8(ascii: "."))
    else { return nil }
    func part(from start: Int) -> Int {
      var cursor = start
      while cursor < buffer.count, isBase64URL(buffer[cursor]) { cursor += 1 }
      return cursor
    }
    let headerEnd = part(from: index)
    guard headerEnd - index >= 13, headerEnd < buffer.count, buffer[headerEnd] == UInt8(ascii: "."),
      starts(with: "eyJ", buffer, at: headerEnd + 1)
    else { return nil }
    let payloadEnd = part(from: headerEnd + 1)
    guard payloadEnd - headerEnd - 1 >= 13, payloadEnd < buffer.count, buffer[payloadEnd] == UInt8(ascii: ".") else {
      return nil
    }
    let signatureEnd = part(from: payloadEnd + 1)
    guard signatureEnd - payloadEnd - 1 >= 16 else { return nil }
    return (.jwt, signatureEnd - index, 3)
  }

  // MARK: - Bytes

  package static func starts(with prefix: String, _ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    var cursor = index
    for byte in prefix.utf8 {
      guard cursor < buffer.count, buffer[cursor] == byte else { return false }
      cursor += 1
    }
    return true
  }

  package static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  package static func isBase32(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x32 && byte <= 0x37)
  }

  package static func isBase64(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
  }

  package static func isBase64URL(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
  }

  package static func isLabel(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x20 || byte == UInt8(ascii: "_")
  }

  package static func isBoundary(before index: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    index == 0 || !isAlphanumeric(buffer[index - 1])
  }

  package static func isBoundary(at index: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    index >= buffer.count || !isAlphanumeric(buffer[index])
  }
}
