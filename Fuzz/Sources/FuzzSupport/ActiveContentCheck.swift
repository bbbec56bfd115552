/// Finds markup that would run in a browser, in HTML the library made from untrusted text.
///
/// Compares ASCII bytes case-insensitively rather than through `String.lowercased()` and
/// Foundation's `contains`, which cost more than the rest of a fuzz input's work.
public enum ActiveContentCheck {
  /// What is searched for: a script element and script URLs in the attributes cmark-gfm writes.
  public static let patterns = ["<script", "href=\"javascript:", "src=\"javascript:", "href=\"vbscript:", "src=\"vbscript:"]

  /// The first pattern `html` contains, or nil.
  public static func firstActiveContent(in html: String) -> String? {
    let bytes = Array(html.utf8)
    for pattern in patterns where contains(bytes, Array(pattern.utf8)) { return pattern }
    return nil
  }

  private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
    guard bytes.count >= needle.count else { return false }
    for start in 0...(bytes.count - needle.count) where lowercased(bytes[start]) == needle[0] {
      var index = 1
      while index < needle.count, lowercased(bytes[start + index]) == needle[index] { index += 1 }
      if index == needle.count { return true }
    }
    return false
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }
}
