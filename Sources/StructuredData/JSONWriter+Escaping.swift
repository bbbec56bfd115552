/// The byte-level writing of `JSONWriter`: string literals, integers and fixed words.
extension JSONWriter {
  /// Appends `text` as a JSON string literal, escaping what JSON requires plus `<`, `>` and `&`
  /// so the text is inert when a JSON file is inlined into HTML.
  public static func appendQuoted(_ text: String, to out: inout String) {
    var bytes: [UInt8] = []
    appendQuoted(text, to: &bytes)
    out.append(String(decoding: bytes, as: UTF8.self))
  }

  /// Appends `text` as a JSON string literal in UTF-8, escaped as `appendQuoted(_:to:)` on a `String` does.
  public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    // Native strings are contiguous UTF-8; others (bridged ones) are copied out once.
    if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
      Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &out) }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Appends `bytes` (UTF-8) escaped. The text between escapes is copied in runs: most strings
  /// need no escape and are copied whole, after one table lookup per byte.
  private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    escapes.withUnsafeBufferPointer { escapes in
      var runStart = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        let escape = escapes[Int(byte)]
        guard escape != 0 else {
          index += 1
          continue
        }
        var length = 1
        if escape == lineSeparatorLead {
          // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other E2 sequences are written as they are.
          guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 else {
            index += 1
            continue
          }
          length = 3
        }
        // An escape starts at an ASCII byte or at the lead byte of U+2028/U+2029: a scalar boundary.
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        if length == 3 {
          append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &out)
        } else if escape == UInt8(ascii: "u") {
          append("\\u00", to: &out)
          out.append(hexDigit(byte >> 4))
          out.append(hexDigit(byte & 0x0F))
        } else {
          out.append(UInt8(ascii: "\\"))
          out.append(escape)
        }
        index += length
        runStart = index
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
    }
  }

  /// The mark in `escapes` of the lead byte of U+2028 and U+2029.
  private static let lineSeparatorLead: UInt8 = 1

  /// For each byte: 0 when it is written as it is; the letter after the backslash of its short
  /// escape (`n` for a newline, `"` for a quote); `u` for a `\u00XX` escape; `lineSeparatorLead`.
  private static let escapes: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for byte in 0..<0x20 { table[byte] = UInt8(ascii: "u") }
    for byte in "<>&".utf8 { table[Int(byte)] = UInt8(ascii: "u") }
    table[Int(UInt8(ascii: "\""))] = UInt8(ascii: "\"")
    table[Int(UInt8(ascii: "\\"))] = UInt8(ascii: "\\")
    table[Int(UInt8(ascii: "\n"))] = UInt8(ascii: "n")
    table[Int(UInt8(ascii: "\r"))] = UInt8(ascii: "r")
    table[Int(UInt8(ascii: "\t"))] = UInt8(ascii: "t")
    table[0xE2] = lineSeparatorLead
    return table
  }()

  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
  }

  /// Appends a fixed ASCII word.
  static func append(_ word: StaticString, to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
  }

  /// Appends `number` in decimal, as `String(number)` writes it.
  static func appendDecimal(_ number: Int64, to out: inout [UInt8]) {
    if number < 0 { out.append(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    let start = out.count
    repeat {
      out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    // The digits were written least significant first.
    var low = start
    var high = out.count - 1
    while low < high {
      out.swapAt(low, high)
      low += 1
      high -= 1
    }
  }
}
