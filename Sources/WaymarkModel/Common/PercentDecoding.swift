import Foundation

/// Percent-decoding (`%20` → a space) that costs nothing for text without a `%`.
///
/// Foundation's `removingPercentEncoding` goes through CFString on every call, even for text
/// with nothing to decode, and it runs for every link of every docs page and every SARIF URI.
package enum PercentDecoding {
  /// `text` with its escapes decoded; `text` as it is when it has none or one is malformed.
  package static func decoded(_ text: some StringProtocol) -> String {
    let string = String(text)
    guard string.utf8.contains(UInt8(ascii: "%")) else { return string }
    return string.removingPercentEncoding ?? string
  }
}
