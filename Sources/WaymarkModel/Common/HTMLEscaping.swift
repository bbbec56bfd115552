/// Text escaped for HTML, SVG and XML content and attribute values.
///
/// `&`, `<`, `>`, `"` and `'` are replaced where each is a character of its own (a grapheme
/// cluster), as swift-mustache escapes them, so one joined with a combining mark stays as it is.
package enum HTMLEscaping {
  /// `text` with `&`, `<`, `>`, `"` and `'` as character references.
  package static func escape(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    append(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `text`, escaped, to `output`: byte by byte, unless a character to replace stands
  /// next to a non-ASCII scalar, when characters decide.
  package static func append(_ text: String, to output: inout [UInt8]) {
    var text = text
    let done = text.withUTF8 { bytes -> Bool in
      let mark = output.count
      for index in bytes.indices {
        let byte = bytes[index]
        guard isEscaped(byte) else {
          output.append(byte)
          continue
        }
        // Next to a non-ASCII scalar the byte may share a grapheme cluster with it.
        if index > 0 && bytes[index - 1] >= 0x80 || index + 1 < bytes.count && bytes[index + 1] >= 0x80 {
          output.removeSubrange(mark...)
          return false
        }
        appendReplacement(of: byte, to: &output)
      }
      return true
    }
    guard !done else { return }
    for character in text {
      let scalars = character.unicodeScalars
      if scalars.count == 1, let scalar = scalars.first, scalar.isASCII, isEscaped(UInt8(scalar.value)) {
        appendReplacement(of: UInt8(scalar.value), to: &output)
      } else {
        output.append(contentsOf: character.utf8)
      }
    }
  }

  @inline(__always) private static func isEscaped(_ byte: UInt8) -> Bool {
    byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
  }

  private static func appendReplacement(of byte: UInt8, to output: inout [UInt8]) {
    switch byte {
    case 0x3C: output.append(contentsOf: "&lt;".utf8)
    case 0x3E: output.append(contentsOf: "&gt;".utf8)
    case 0x26: output.append(contentsOf: "&amp;".utf8)
    case 0x22: output.append(contentsOf: "&quot;".utf8)
    default: output.append(contentsOf: "&#39;".utf8)
    }
  }
}
