import WaymarkModel

/// Text made safe to place in HTML, in element content and in quoted attribute values.
enum HTMLText {
  /// `text` with `&`, `<`, `>`, `"` and `'` escaped, and control characters and bidirectional
  /// overrides shown as escapes (as the terminal shows them), so a file name or message from an
  /// input can neither add markup nor disguise itself.
  static func escaped(_ text: String) -> String {
    var out = ""
    for character in DiagnosticFormat.printable(text) {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
