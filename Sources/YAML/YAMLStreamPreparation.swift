import StructuredData

/// Rewrites, without moving any character, the lines between documents that libyaml 0.2.5
/// rejects although YAML 1.2 allows them.
///
/// Works line by line on column 0, where document markers and directives are unambiguous:
/// `...` and `---` followed by whitespace always end or start a document, and a `%` line is a
/// directive exactly when no document is open (at the start or after `...`). libyaml fails on
/// a `...` when no document is open, on a bare document right after `...`, on tabs before a
/// document's top flow collection, on reserved directives (`%FOO`) and on `%YAML 1.3`; YAML 1.2
/// asks for the first three to be accepted and the others to be ignored with a warning. Each
/// fix is a same-length edit, so every position libyaml reports stays true. Text without `.`,
/// `%` or a tab at the start of a line is not touched.
struct YAMLStreamPreparation {
  /// Replacement bytes for one line start.
  struct Edit {
    var offset: Int
    var bytes: [UInt8]
  }

  private(set) var edits: [Edit] = []
  /// Whether the text ends in a line of spaces without a line break, which libyaml drops from
  /// a block scalar (YAML 1.2 keeps it as an empty or more-indented line); one is appended.
  private(set) var appendsLineBreak = false
  /// Warnings (ignored directives) and errors in directive lines, in source order.
  private(set) var problems: [YAMLProblem] = []

  /// Whether any line of `bytes` starts with `.`, `%` or a tab: only then can there be anything to fix.
  static func mayNeedEdits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    YAMLSourceText.survey(bytes).hasPreparableLineStart
  }

  /// Whether the last line of `bytes` holds only spaces (at least one) and no line break follows.
  static func endsInLineOfSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = bytes.count - 1
    while index >= 0, bytes[index] == UInt8(ascii: " ") { index -= 1 }
    return index < bytes.count - 1 && (index < 0 || bytes[index] == 0x0A || bytes[index] == 0x0D)
  }

  /// The fixes `bytes` needs; `scanLines` false skips the line-by-line pass (see `YAMLSourceText.survey`).
  init(scanning bytes: UnsafeBufferPointer<UInt8>, scanLines: Bool = true) {
    appendsLineBreak = Self.endsInLineOfSpaces(bytes)
    guard scanLines else { return }
    var inDocument = false
    // The last `...` since a document closed: it becomes `---` if a bare document follows.
    var lastEndMarker: Int?
    // Fixes to directive lines wait for the `---` that makes them directives; without one
    // the text is invalid anyway and libyaml should say so.
    var pendingEdits: [Edit] = []
    var pendingProblems: [YAMLProblem] = []
    var lineStart = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    var line = 1
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
      let text = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
      if Self.isMarker(text, UInt8(ascii: ".")) {
        if !inDocument {
          edits.append(Edit(offset: lineStart, bytes: Array("#..".utf8)))
        }
        inDocument = false
        lastEndMarker = lineStart
        pendingEdits = []
        pendingProblems = []
      } else if Self.isMarker(text, UInt8(ascii: "-")) {
        inDocument = true
        lastEndMarker = nil
        edits += pendingEdits
        problems += pendingProblems
        pendingEdits = []
        pendingProblems = []
      } else if !inDocument {
        let first = text.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        if text.first == UInt8(ascii: "%") {
          let fix = Self.directiveFix(text, at: lineStart, line: line)
          pendingEdits += fix.edits
          pendingProblems += fix.problems
          lastEndMarker = nil
        } else if let first, text[first] != UInt8(ascii: "#") {
          pendingEdits = []
          pendingProblems = []
          if text[first] == UInt8(ascii: "[") || text[first] == UInt8(ascii: "{") {
            // Tabs may separate a document's top flow collection from the margin; libyaml takes
            // them for indentation. Spaces mean the same here.
            for index in 0..<first where text[index] == UInt8(ascii: "\t") {
              edits.append(Edit(offset: lineStart + index, bytes: [UInt8(ascii: " ")]))
            }
          }
          inDocument = true
          if let marker = lastEndMarker {
            edits.removeAll { $0.offset == marker }
            edits.append(Edit(offset: marker, bytes: Array("---".utf8)))
            lastEndMarker = nil
          }
        }
      }
      // Step over the line break; CR LF counts as one.
      if lineEnd < bytes.count, bytes[lineEnd] == 0x0D, lineEnd + 1 < bytes.count, bytes[lineEnd + 1] == 0x0A {
        lineEnd += 1
      }
      lineStart = lineEnd + 1
      line += 1
    }
  }

  /// `bytes` with the edits applied.
  func apply(to bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var copy = Array(bytes)
    for edit in edits {
      copy.replaceSubrange(edit.offset..<edit.offset + edit.bytes.count, with: edit.bytes)
    }
    if appendsLineBreak { copy.append(0x0A) }
    return copy
  }

  /// `---` or `...` alone or followed by whitespace.
  private static func isMarker(_ text: UnsafeBufferPointer<UInt8>, _ character: UInt8) -> Bool {
    guard text.count >= 3, text[0] == character, text[1] == character, text[2] == character else { return false }
    return text.count == 3 || text[3] == UInt8(ascii: " ") || text[3] == UInt8(ascii: "\t")
  }

  /// The edits and problems for one directive line.
  private static func directiveFix(
    _ text: UnsafeBufferPointer<UInt8>, at offset: Int, line: Int
  ) -> (edits: [Edit], problems: [YAMLProblem]) {
    var end = 1
    while end < text.count, text[end] != UInt8(ascii: " "), text[end] != UInt8(ascii: "\t") { end += 1 }
    let name = String(decoding: UnsafeBufferPointer(rebasing: text[1..<end]), as: UTF8.self)
    switch name {
    case "TAG":
      return ([], [])
    case "YAML":
      return versionFix(text, after: end, at: offset, line: line)
    default:
      // A reserved directive: YAML 1.2 says ignore it with a warning; libyaml rejects it.
      return (
        [Edit(offset: offset, bytes: [UInt8(ascii: "#")])],
        [
          YAMLProblem(
            severity: .warning, code: .directive, message: "unknown directive '%\(name)' is ignored",
            position: SourcePosition(line: line, column: 1))
        ]
      )
    }
  }

  private static func versionFix(
    _ text: UnsafeBufferPointer<UInt8>, after nameEnd: Int, at offset: Int, line: Int
  ) -> (edits: [Edit], problems: [YAMLProblem]) {
    var index = nameEnd
    while index < text.count, text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t") { index += 1 }
    let versionStart = index
    while index < text.count, text[index] != UInt8(ascii: " "), text[index] != UInt8(ascii: "\t"),
      text[index] != UInt8(ascii: "#")
    {
      index += 1
    }
    let version = Array(text[versionStart..<index])
    if index < text.count, text[index] == UInt8(ascii: "#") {
      let problem = YAMLProblem(
        code: .syntax, message: "a comment needs whitespace before its '#'",
        position: SourcePosition(line: line, column: index + 1))
      return ([], [problem])
    }
    // 1.3 to 1.9: a later minor version is read as 1.2 with a warning (libyaml refuses it).
    guard version.count == 3, version[0] == UInt8(ascii: "1"), version[1] == UInt8(ascii: "."),
      version[2] >= UInt8(ascii: "3"), version[2] <= UInt8(ascii: "9")
    else { return ([], []) }
    let problem = YAMLProblem(
      severity: .warning, code: .directive,
      message: "YAML \(String(decoding: version, as: UTF8.self)) is newer than 1.2; the document is read as YAML 1.2",
      position: SourcePosition(line: line, column: versionStart + 1))
    return ([Edit(offset: offset + versionStart + 2, bytes: [UInt8(ascii: "2")])], [problem])
  }
}
