/// Makes text from the inputs inert in GitHub-flavoured markdown (pull-request comments).
///
/// Scorecard, check, waiver and entity names come from contributors' files; written raw they
/// could start headings, images, links, raw HTML or `@team` mentions (notifying a whole team).
package enum MarkdownEscaper {
  /// ASCII punctuation with a meaning in CommonMark or GFM; each is written backslash-escaped.
  private static let special: Set<Unicode.Scalar> = [
    "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "<", ">", "~", "&",
  ]

  /// A zero-width joiner: after `@` it stops GitHub from reading a mention, and it is invisible.
  package static let mentionBreaker: Unicode.Scalar = "\u{200D}"

  /// `text` as literal inline markdown: one line, punctuation escaped, mentions broken.
  package static func text(_ text: String) -> String {
    var escaped = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isLineBreak(scalar) {
        escaped.append(" ")
      } else if scalar == "@" {
        escaped.append(scalar)
        escaped.append(mentionBreaker)
      } else {
        if special.contains(scalar) { escaped.append("\\") }
        escaped.append(scalar)
      }
    }
    return String(escaped)
  }

  /// `text` as one code span: the fence is one backtick longer than the longest run inside, so
  /// no backtick closes it early, and line breaks become spaces so no line can start a block.
  package static func codeSpan(_ text: String) -> String {
    var flat = String.UnicodeScalarView()
    var longestRun = 0
    var run = 0
    for scalar in text.unicodeScalars {
      flat.append(isLineBreak(scalar) ? " " : scalar)
      run = scalar == "`" ? run + 1 : 0
      longestRun = max(longestRun, run)
    }
    let fence = String(repeating: "`", count: longestRun + 1)
    let content = String(flat)
    guard !content.isEmpty else { return "` `" }
    // CommonMark strips one space from each side when both are present; pad only when needed.
    let padded = content.hasPrefix("`") || content.hasSuffix("`") || content.hasPrefix(" ") ? " \(content) " : content
    return fence + padded + fence
  }

  /// CR, LF and the other characters that end a line somewhere (VT, FF, NEL, U+2028, U+2029).
  private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
  }
}
