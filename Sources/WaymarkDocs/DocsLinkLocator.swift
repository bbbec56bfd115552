import Markdown
import WaymarkModel

/// Turns the positions cmark-gfm gives links (1-based line, column in bytes) into diagnostic
/// locations (columns in Unicode scalars, as the YAML loader counts them), walking the page
/// forward once for all its links. Front matter is blanked line by line before cmark-gfm reads
/// the page, so the file's lines are the body's.
///
/// Links are asked for in document order, so each one continues from where the previous one
/// stopped; one out of order starts over. Finding each link's line from the top of the file
/// instead made a page with many broken links quadratic: 16,000 of them in an 870 KB page took
/// 19 times as long as 4,000 in a quarter of the text.
package struct DocsLinkLocator {
  private let file: SourceFile
  /// The line the cursor is on, and the offset where that line starts.
  private var line = 1
  private var lineStart = 0

  /// A locator for the links of `file`.
  package init(file: SourceFile) {
    self.file = file
  }

  /// Where `link` is, as `path:line:column`.
  package mutating func location(of link: MarkdownLink) -> SourceLocation {
    let bytes = file.bytes
    if link.line < line {
      line = 1
      lineStart = 0
    }
    var cursor = lineStart
    // cmark-gfm ends lines at LF, CR and CR LF.
    while line < link.line, cursor < bytes.count {
      if bytes[cursor] == UInt8(ascii: "\n") {
        line += 1
        lineStart = cursor + 1
      } else if bytes[cursor] == UInt8(ascii: "\r") {
        if cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "\n") { cursor += 1 }
        line += 1
        lineStart = cursor + 1
      }
      cursor += 1
    }
    // A line the file does not have (cmark-gfm never gives one) is located at its first column.
    let start = line == link.line ? lineStart : bytes.count
    let end = min(bytes.count, start + max(0, link.column - 1))
    let column = bytes[start..<end].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
    return SourceLocation(path: file.path, line: link.line, column: column)
  }
}
