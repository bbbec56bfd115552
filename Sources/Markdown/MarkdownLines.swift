/// Splits markdown into lines at each line feed, on the bytes: splitting a `String` at `"\n"` by
/// `Character` is slow (grapheme breaking) and never splits `"\r\n"`, which is one `Character`.
/// A carriage return before the line feed stays at the end of its line.
enum MarkdownLines {
  /// The lines of `text` (one more than it has line feeds).
  static func split(_ text: String) -> [Substring] {
    let utf8 = text.utf8
    var lines: [Substring] = []
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == UInt8(ascii: "\n") {
        lines.append(Substring(utf8[start..<index]) ?? "")
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    lines.append(Substring(utf8[start..<utf8.endIndex]) ?? "")
    return lines
  }
}
