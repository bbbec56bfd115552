import StructuredData

/// Prints diagnostics for people (`text`), for GitHub Actions (`github`) or for tools (`json`).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
  case text, json, github

  /// The diagnostics in this format; text and github end with a newline when non-empty.
  public func format(_ list: DiagnosticList) -> String {
    switch self {
    case .text: return list.items.map(Self.textLine).joined()
    case .github: return list.items.map(Self.githubLine).joined()
    case .json: return JSONWriter(pretty: true).string(for: .array(list.items.map(Self.jsonValue)))
    }
  }

  /// `path:line:col: error: message [code]`, then indented notes.
  ///
  /// Paths and messages quote untrusted input, so control characters are shown escaped (`\n`,
  /// `\u{1B}`): a value cannot start a line of its own (a forged diagnostic, or a `::error::`
  /// workflow command in a CI log) or drive the terminal. The one multi-line message, a CEL
  /// line with a caret under it, keeps its caret line.
  package static func textLine(_ diagnostic: Diagnostic) -> String {
    var line = ""
    if let location = diagnostic.location { line += "\(printable(location.description)): " }
    line += "\(diagnostic.severity.rawValue): \(printable(diagnostic.message)) [\(diagnostic.code)]\n"
    for note in diagnostic.notes {
      line += "  "
      if let location = note.location { line += "\(printable(location.description)): " }
      line += "note: \(printable(note.message))\n"
    }
    return line
  }

  /// `text` with control characters (C0, DEL, C1) and bidirectional overrides escaped, except a
  /// line break before a caret line (spaces and one `^`).
  package static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnprintable) else { return text }
    // Split on the scalar: "\r\n" is one Character, which a split on "\n" would not cut.
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    var out = ""
    for (index, line) in lines.enumerated() {
      if index > 0 {
        let isCaret = line.contains("^") && line.allSatisfy { $0 == " " || $0 == "^" }
        out += isCaret ? "\n" : "\\n"
      }
      for scalar in line {
        switch scalar {
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case _ where isUnprintable(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  package static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
      || (0x2066...0x2069).contains(scalar.value)
  }

  /// A workflow command: `::error file=…,line=…,col=…,title=code::message`.
  package static func githubLine(_ diagnostic: Diagnostic) -> String {
    let command: String
    switch diagnostic.severity {
    case .error: command = "error"
    case .warning: command = "warning"
    case .note: command = "notice"
    }
    var properties: [String] = []
    if let location = diagnostic.location {
      properties.append("file=\(escapeProperty(location.path))")
      if location.line > 0 { properties.append("line=\(location.line)") }
      if location.column > 0 { properties.append("col=\(location.column)") }
    }
    properties.append("title=\(escapeProperty(diagnostic.code.rawValue))")
    var message = diagnostic.message
    for note in diagnostic.notes {
      message += "\n" + (note.location.map { "\($0): " } ?? "") + "note: " + note.message
    }
    return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
  }

  // GitHub's escaping rules for workflow commands (toolkit/core command.ts).
  package static func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  package static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }

  package static func jsonValue(_ diagnostic: Diagnostic) -> JSONValue {
    var object: [String: JSONValue] = [
      "severity": .string(diagnostic.severity.rawValue),
      "code": .string(diagnostic.code.rawValue),
      "message": .string(diagnostic.message),
      "notes": .array(
        diagnostic.notes.map { note in
          var value: [String: JSONValue] = ["message": .string(note.message)]
          if let location = note.location { value.merge(locationMembers(location)) { $1 } }
          return .object(value)
        }),
    ]
    if let location = diagnostic.location { object.merge(locationMembers(location)) { $1 } }
    return .object(object)
  }

  private static func locationMembers(_ location: SourceLocation) -> [String: JSONValue] {
    ["path": .string(location.path), "line": .int(Int64(location.line)), "column": .int(Int64(location.column))]
  }
}
