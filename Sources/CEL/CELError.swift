/// A compile-time error in CEL source (lexing, parsing, macro or declaration checks), with its position.
///
/// `description` reads `14:22: error: unexpected ')'`; callers that know the file put its path
/// in front. `renderedWithCaret(source:)` adds the source line and a caret under the column.
public struct CELError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, without position.
  public let message: String
  /// 1-based line in the source.
  public let line: Int
  /// 1-based column in the source, counted in Unicode scalars.
  public let column: Int

  /// Creates an error at a known position.
  public init(message: String, line: Int, column: Int) {
    self.message = message
    self.line = line
    self.column = column
  }

  /// Creates an error at a UTF-8 byte offset of `source`.
  init(_ message: String, offset: Int, in source: String) {
    var line = 1
    var column = 1
    var consumed = 0
    for scalar in source.unicodeScalars {
      if consumed >= offset { break }
      consumed += String(scalar).utf8.count
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    self.init(message: message, line: line, column: column)
  }

  /// `line:column: error: message`.
  public var description: String {
    "\(line):\(column): error: \(message)"
  }

  /// The description, then the offending source line and a caret under the column.
  public func renderedWithCaret(source: String) -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return description }
    let sourceLine = String(lines[line - 1].unicodeScalars.filter { $0 != "\r" })
    // Keep tabs in the padding so the caret lines up however the terminal renders them.
    let padding = sourceLine.unicodeScalars.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
    return "\(description)\n\(sourceLine)\n\(padding)^"
  }
}
