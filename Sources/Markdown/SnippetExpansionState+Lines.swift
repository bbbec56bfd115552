extension SnippetExpansionState {
  /// A file's lines as Python reads a text file: split at LF, CR LF and CR, with an empty last
  /// line when the text ends in a line break; none for an empty file.
  static func lines(of text: String) -> [Substring] {
    guard !text.isEmpty else { return [] }
    // "\r\n" is one Character in Swift, so the three separators are three Characters.
    return text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
  }

  /// `space` with each tab widened to the next multiple of four columns (Python's `expandtabs`).
  static func expandingTabs(_ space: Substring) -> String {
    guard space.contains("\t") else { return String(space) }
    var result = ""
    for character in space {
      if character == "\t" {
        result += String(repeating: " ", count: 4 - result.count % 4)
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The lines between `--8<-- [start:name]` and `[end:name]`, other sections' markers left
  /// out and escaped ones unescaped; nil when the section never starts. An `end` before the
  /// `start` ends the search, as in pymdownx.
  static func section(_ name: Substring, of lines: [SourceLine]) -> [SourceLine]? {
    var found: [SourceLine] = []
    var started = false
    var seen = false
    for line in lines {
      let marker = SnippetSectionMarker.find(in: line.text)
      if let marker, started, marker.isEscaped {
        var unescaped = line
        unescaped.text = Substring(marker.unescaped)
        found.append(unescaped)
        continue
      }
      if let marker, marker.name == name {
        if !started, marker.kind == "start" {
          started = true
          seen = true
          continue
        }
        if started, marker.kind == "start" { continue }
        break
      }
      if marker != nil {
        continue
      }
      if started { found.append(line) }
    }
    return seen ? found : nil
  }

  /// `lines` without the leading blanks all non-blank ones share; blank lines become empty
  /// (Python's `textwrap.dedent`).
  static func dedented(_ lines: [SourceLine]) -> [SourceLine] {
    var common: Substring?
    for line in lines where !line.text.allSatisfy({ $0 == " " || $0 == "\t" }) {
      let indent = line.text.prefix { $0 == " " || $0 == "\t" }
      guard let shared = common else {
        common = indent
        continue
      }
      common = shared.prefix(zip(shared, indent).prefix { $0 == $1 }.count)
    }
    let width = common?.count ?? 0
    return lines.map { line in
      var dedented = line
      dedented.text = line.text.allSatisfy { $0 == " " || $0 == "\t" } ? "" : line.text.dropFirst(width)
      return dedented
    }
  }
}
