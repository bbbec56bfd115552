import WaymarkModel

/// Reports what a docs page's (or an included snippet file's) bytes lose on the way to HTML: NUL
/// bytes (CommonMark replaces them with U+FFFD for security) and invalid UTF-8 (shown as U+FFFD),
/// each as one located warning (`docs.bad-encoding`, `docs.snippet-bad-encoding`) at its first
/// occurrence, with how many there are.
package enum DocsEncodingCheck {
  /// The warnings for `file`: none for a valid UTF-8 page without NUL bytes.
  package static func diagnostics(for file: SourceFile) -> [Diagnostic] {
    diagnostics(for: file, code: .docsBadEncoding, subject: "the page", shown: "shown as U+FFFD")
  }

  /// The warnings for a file `--8<--` snippets include (`docs.snippet-bad-encoding`), reported
  /// once at the file rather than at each page including it.
  package static func snippetDiagnostics(for file: SourceFile) -> [Diagnostic] {
    diagnostics(
      for: file, code: .docsSnippetBadEncoding, subject: "the snippet", shown: "shown as U+FFFD where it is included")
  }

  private static func diagnostics(
    for file: SourceFile, code: DiagnosticCode, subject: String, shown: String
  ) -> [Diagnostic] {
    let bytes = file.bytes
    var firstNUL: Int?
    var nulCount = 0
    var firstInvalid: Int?
    var invalidCount = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0 {
          nulCount += 1
          if firstNUL == nil { firstNUL = index }
        }
        index += 1
        continue
      }
      let length = sequenceLength(bytes, at: index)
      if length == 0 {
        invalidCount += 1
        if firstInvalid == nil { firstInvalid = index }
        index += 1
      } else {
        index += length
      }
    }
    var diagnostics: [Diagnostic] = []
    if let offset = firstNUL {
      diagnostics.append(
        .warning(
          code, "\(subject) holds \(nulCount) NUL byte\(nulCount == 1 ? "" : "s") (U+0000), \(shown)",
          at: location(of: offset, in: file)))
    }
    if let offset = firstInvalid {
      diagnostics.append(
        .warning(
          code,
          "\(subject) is not valid UTF-8 (\(invalidCount) byte\(invalidCount == 1 ? "" : "s") that no character can start or continue), \(shown)",
          at: location(of: offset, in: file)))
    }
    return diagnostics
  }

  /// The length of the valid UTF-8 sequence at `index`, or 0 when it is invalid (overlong forms,
  /// surrogates and values over U+10FFFF included).
  package static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, low) = (3, 0xA0)
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: (length, high) = (3, 0x9F)
    case 0xF0: (length, low) = (4, 0x90)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, high) = (4, 0x8F)
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    guard (low...high).contains(bytes[index + 1]) else { return 0 }
    for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
    return length
  }

  /// Line and column (in characters) of a byte offset.
  package static func location(of offset: Int, in file: SourceFile) -> SourceLocation {
    var line = 1
    var column = 1
    for byte in file.bytes[..<offset] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SourceLocation(path: file.path, line: line, column: column)
  }
}
