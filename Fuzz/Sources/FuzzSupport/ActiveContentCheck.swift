import CLibFuzzer

/// Finds markup that would run in a browser, in HTML the library made from untrusted text.
///
/// Searches in C (`fuzz_contains_ignoring_ascii_case`), which is not instrumented for coverage:
/// a Swift loop over every byte of the page cost a tenth of the markdown harness's time, and
/// `String.lowercased()` with Foundation's `contains` more.
public enum ActiveContentCheck {
  /// What is searched for: a script element and script URLs in the attributes cmark-gfm writes.
  public static let patterns = [
    "<script", "href=\"javascript:", "src=\"javascript:", "href=\"vbscript:", "src=\"vbscript:",
  ]

  /// The first pattern `html` contains (ASCII letters compared case-insensitively), or nil.
  public static func firstActiveContent(in html: String) -> String? {
    var html = html
    return html.withUTF8 { bytes in
      patterns.first { fuzz_contains_ignoring_ascii_case(bytes.baseAddress, bytes.count, $0) }
    }
  }
}
