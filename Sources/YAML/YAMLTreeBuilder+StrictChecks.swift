import CYAML
import StructuredData

/// Rules of YAML 1.2 that libyaml 0.2.5 does not enforce, checked against the source text.
///
/// Each check looks only at places where libyaml has already decided what the text means, so it
/// can reject invalid input without ever rejecting valid input: a `#` right after a quoted scalar
/// or a flow collection (a comment needs whitespace before it), a lone `-` read as a plain
/// scalar, and continuation lines of a flow node that are not indented past the block
/// collection around it (including lines indented with tabs).
extension YAMLTreeBuilder {
  /// A problem with a scalar that libyaml accepted, if any.
  mutating func strictScalarProblem(_ event: yaml_event_t, node: YAMLNode) -> YAMLProblem? {
    guard let scalar = node.scalar else { return nil }
    if scalar.style == .plain && scalar.text == "-" {
      return YAMLProblem(
        code: .syntax, message: "a plain scalar cannot be a lone '-'; quote it ('-') if it is meant as text",
        position: node.start)
    }
    guard source.isUTF8 else { return nil }
    switch scalar.style {
    case .literal, .folded:
      let offset = source.offset(ofCharacter: Int(event.start_mark.index))
      return blockHeaderProblem(at: offset, node: node)
    case .singleQuoted, .doubleQuoted:
      let multiLine = node.end.line > node.start.line && flowDepth == 0
      let startOffset = multiLine ? source.offset(ofCharacter: Int(event.start_mark.index)) : 0
      let endOffset = source.offset(ofCharacter: Int(event.end_mark.index))
      if let problem = commentProblem(after: endOffset, at: node.end) { return problem }
      if multiLine, let parent = stack.last, !parent.isFlow {
        return indentationProblem(
          from: startOffset, to: endOffset, firstLine: node.start.line, required: parent.indent + 1,
          what: "a multi-line quoted scalar",
          isCollection: false)
      }
    case .plain:
      if flowDepth > 0 {
        let endOffset = source.offset(ofCharacter: Int(event.end_mark.index))
        return commentProblem(after: endOffset, at: node.end)
      }
    }
    return nil
  }

  /// A problem at the end of a flow collection that libyaml accepted, if any; `frame` is already popped.
  mutating func strictFlowEndProblem(_ event: yaml_event_t, frame: Frame) -> YAMLProblem? {
    guard source.isUTF8 else { return nil }
    let endOffset = source.offset(ofCharacter: Int(event.end_mark.index))
    if let problem = commentProblem(after: endOffset, at: Self.position(event.end_mark)) { return problem }
    if let startOffset = frame.flowStartOffset, let parent = stack.last, frame.start.line < Int(event.end_mark.line) + 1
    {
      return indentationProblem(
        from: startOffset, to: endOffset, firstLine: frame.start.line, required: parent.indent + 1,
        what: frame.isMapping ? "a multi-line flow mapping" : "a multi-line flow sequence", isCollection: true)
    }
    return nil
  }

  /// `#` directly after a node, or after the `,` that follows it in a flow collection, is not a comment.
  private func commentProblem(after offset: Int, at position: SourcePosition) -> YAMLProblem? {
    var index = offset
    if flowDepth > 0 {
      while let byte = source.byte(at: index), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
      guard source.byte(at: index) == UInt8(ascii: ",") else {
        return index == offset ? hashProblem(at: offset, position: position) : nil
      }
      index += 1
    }
    return hashProblem(
      at: index, position: SourcePosition(line: position.line, column: position.column + index - offset))
  }

  private func hashProblem(at offset: Int, position: SourcePosition) -> YAMLProblem? {
    guard source.byte(at: offset) == UInt8(ascii: "#") else { return nil }
    return YAMLProblem(
      code: .syntax, message: "a comment needs whitespace before its '#'", position: position)
  }

  /// The header of a block scalar (`|`, `>-`, `|2+` …) may be followed by a comment only after whitespace.
  private func blockHeaderProblem(at offset: Int, node: YAMLNode) -> YAMLProblem? {
    var index = offset
    // Skip the node's properties (`&anchor`, `!tag`), which come before the indicator.
    while let byte = source.byte(at: index), byte == UInt8(ascii: "&") || byte == UInt8(ascii: "!") {
      while let next = source.byte(at: index),
        next != UInt8(ascii: " ") && next != UInt8(ascii: "\t") && next != 0x0A && next != 0x0D
      {
        index += 1
      }
      while let next = source.byte(at: index), next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") { index += 1 }
    }
    guard let indicator = source.byte(at: index), indicator == UInt8(ascii: "|") || indicator == UInt8(ascii: ">")
    else { return nil }
    let headerStart = index
    index += 1
    while let byte = source.byte(at: index),
      byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9"))
    {
      index += 1
    }
    guard source.byte(at: index) == UInt8(ascii: "#") else {
      let hasIndentation = source.bytes[headerStart..<index].contains {
        $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9")
      }
      return hasIndentation ? nil : leadingEmptyLinesProblem(after: index, headerLine: node.start.line)
    }
    return YAMLProblem(
      code: .syntax, message: "a comment needs whitespace before its '#'",
      position: SourcePosition(line: node.start.line, column: node.start.column + index - offset)
    )
    .withNote(
      "the block scalar header starts here",
      at: SourcePosition(line: node.start.line, column: node.start.column + headerStart - offset))
  }

  /// Without an indentation indicator, a block scalar's leading empty lines may not hold more
  /// spaces than its first non-empty line (libyaml silently accepts them).
  private func leadingEmptyLinesProblem(after headerEnd: Int, headerLine: Int) -> YAMLProblem? {
    let parentIndent = stack.last.map(\.indent) ?? -1
    var index = headerEnd
    var line = headerLine
    var widest = 0
    while let byte = source.byte(at: index), byte != 0x0A, byte != 0x0D { index += 1 }
    while let byte = source.byte(at: index) {
      index += byte == 0x0D && source.byte(at: index + 1) == 0x0A ? 2 : 1
      line += 1
      var spaces = 0
      while source.byte(at: index) == UInt8(ascii: " ") {
        spaces += 1
        index += 1
      }
      guard let next = source.byte(at: index) else { return nil }
      if next == 0x0A || next == 0x0D {
        widest = max(widest, spaces)
        continue
      }
      guard spaces > parentIndent, spaces < widest else { return nil }
      return YAMLProblem(
        code: .syntax,
        message:
          "a block scalar's leading empty lines hold more spaces than its first non-empty line; remove the spaces or add an indentation indicator (such as '|2')",
        position: SourcePosition(line: line, column: spaces + 1))
    }
    return nil
  }

  /// Lines after the first of a flow node inside a block collection must be indented by at least
  /// `required` spaces; blank lines (and, in flow collections, comment lines and closing brackets) are exempt.
  private func indentationProblem(
    from start: Int, to end: Int, firstLine: Int, required: Int, what: String, isCollection: Bool
  ) -> YAMLProblem? {
    var index = start
    var line = firstLine
    while index < end {
      let byte = source.bytes[index]
      index += 1
      let isBreak = byte == 0x0A || (byte == 0x0D && source.byte(at: index) != 0x0A)
      guard isBreak else { continue }
      line += 1
      var spaces = 0
      while index < end, source.bytes[index] == UInt8(ascii: " ") {
        spaces += 1
        index += 1
      }
      var first = index
      while first < end, source.bytes[first] == UInt8(ascii: " ") || source.bytes[first] == UInt8(ascii: "\t") {
        first += 1
      }
      guard first < end, let content = source.byte(at: first), content != 0x0A, content != 0x0D else { continue }
      if isCollection && (content == UInt8(ascii: "#") || content == UInt8(ascii: "]") || content == UInt8(ascii: "}"))
      {
        continue
      }
      if spaces < required {
        let tabs = source.bytes[index] == UInt8(ascii: "\t") ? "; tabs do not count as indentation" : ""
        let plural = required == 1 ? "space" : "spaces"
        return YAMLProblem(
          code: .syntax,
          message:
            "\(what) must be indented past the block collection it is in: at least \(required) \(plural) on each line\(tabs)",
          position: SourcePosition(line: line, column: spaces + 1))
      }
    }
    return nil
  }
}

extension YAMLProblem {
  /// This problem with one more note.
  func withNote(_ message: String, at position: SourcePosition) -> YAMLProblem {
    var copy = self
    copy.notes.append(YAMLNote(message: message, position: position))
    return copy
  }
}
