import WaymarkModel

/// The registry's codes as text: one code explained (`waymark explain CODE`), the list
/// (`--list`), and the manual's diagnostic codes page (`--list --format markdown`).
struct DiagnosticCodeReference {
  /// The codes, in the order they are listed.
  let codes: [DiagnosticCode]

  /// The summary, severity, an example input and the line it prints.
  func explanation(of code: DiagnosticCode) -> String {
    var text = "\(code.rawValue): \(code.summary)\n\n"
    text += "Severity: \(code.severityText)\nArea: \(code.area.title)\n\n"
    text += "Example input, \(code.example.path):\n\n"
    text += indented(code.example.input.isEmpty ? "(an empty file)\n" : code.example.input)
    text += "\nWaymark prints:\n\n"
    text += indented(code.example.output + "\n")
    return text
  }

  /// Every code with its summary, one a line, codes padded to one column.
  func list() -> String {
    let width = codes.map(\.rawValue.count).max() ?? 0
    return codes.map { code in
      code.rawValue + String(repeating: " ", count: width - code.rawValue.count + 2) + code.summary + "\n"
    }.joined()
  }

  /// `docs/manual/diagnostic-codes.md`: the introduction, then one table per area.
  func manualPage() -> String {
    var page = Self.introduction
    for area in DiagnosticCode.Area.allCases {
      let inArea = codes.filter { $0.area == area }
      guard !inArea.isEmpty else { continue }
      page += "\n## \(area.title)\n\n| code | severity | meaning |\n| --- | --- | --- |\n"
      for code in inArea {
        let summary = code.summary.replacingOccurrences(of: "|", with: "\\|")
        page += "| `\(code.rawValue)` | \(code.severityText) | \(summary) |\n"
      }
    }
    return page
  }

  private func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.isEmpty ? "\n" : "    \($0)\n" }
      .joined()
  }

  static let introduction = """
    # Diagnostic codes

    Every diagnostic Waymark prints ends with its code in brackets
    (`path:line:col: error: message [code]`). The codes are a contract: they are never renamed or
    dropped. Severity is the default; `--strict` and `docs.brokenLinksAreErrors` raise some warnings
    to errors, as noted. Any error fails `build` (nothing is published) and `check` (exit 1).

    `waymark explain CODE` prints what a code means with an example input and the line it prints
    (`waymark explain catalog.dangling-ref`); `waymark explain --list` lists them all. This page is
    generated from the same registry (`waymark explain --list --format markdown`).

    """
}
