/// Parses layout text into a `LayoutProgram` exactly as swift-mustache tokenizes it: text split
/// at each line end, standalone tags (alone on their line) taking their line with them, and a
/// standalone partial keeping its indentation.
///
/// It reads characters (grapheme clusters) as swift-mustache does, so both see the same tags and
/// lines. Tags the built-in layouts do not use (set delimiters, pragmas, inheritance, blocks,
/// dynamic partials, transforms) are `unsupported`: such a layout is rendered by swift-mustache.
package struct LayoutProgramParser {
  /// Why a text has no program.
  package enum Failure: Error, Equatable {
    /// A tag this parser does not compile.
    case unsupported
    /// Text swift-mustache refuses too (an unclosed tag or section).
    case malformed
  }

  private let text: String
  private var position: String.Index

  private struct State {
    var sectionName: String?
    var newLine = true
  }

  private static let nameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
  private static let partialNameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

  /// Parses `text`.
  package static func program(of text: String) throws(Failure) -> LayoutProgram {
    var parser = LayoutProgramParser(text: text, position: text.startIndex)
    return LayoutProgram(nodes: try parser.parse(State()))
  }

  private var atEnd: Bool { position == text.endIndex }
  /// The current character, or NUL at the end (as swift-mustache's parser answers).
  private var current: Character { atEnd ? "\0" : text[position] }

  private mutating func advance() { position = text.index(after: position) }

  private mutating func parse(_ initial: State) throws(Failure) -> [LayoutProgram.Node] {
    var nodes: [LayoutProgram.Node] = []
    var state = initial
    var whitespace: Substring = ""
    while !atEnd {
      if state.newLine { whitespace = read { $0 == " " || $0 == "\t" } }
      let run = try textUntilTagOrNewline()
      if current.isNewline {
        nodes.append(.text(Array((whitespace + run + String(current)).utf8)))
        state.newLine = true
        advance()
        continue
      }
      if !run.isEmpty {
        nodes.append(.text(Array((whitespace + run).utf8)))
        whitespace = ""
        state.newLine = false
      }
      if atEnd { break }
      var setNewLine = false
      let sigil = current
      switch sigil {
      case "#", "^":
        advance()
        let name = try tagName()
        if isStandalone(state) {
          setNewLine = true
        } else if !whitespace.isEmpty {
          nodes.append(.text(Array(whitespace.utf8)))
          whitespace = ""
        }
        let children = try parse(State(sectionName: name, newLine: setNewLine))
        nodes.append(
          sigil == "#"
            ? .section(LayoutProgram.Name(name), children) : .invertedSection(LayoutProgram.Name(name), children))
      case "/":
        advance()
        guard try tagName() == state.sectionName else { throw .malformed }
        if !isStandalone(state), !whitespace.isEmpty { nodes.append(.text(Array(whitespace.utf8))) }
        return nodes
      case "!":
        advance()
        try skipComment()
        setNewLine = isStandalone(state)
      case "{", "&":
        if !whitespace.isEmpty {
          nodes.append(.text(Array(whitespace.utf8)))
          whitespace = ""
        }
        advance()
        let name = try tagName()
        if sigil == "{" {
          guard current == "}" else { throw .malformed }
          advance()
        }
        nodes.append(.variable(LayoutProgram.Name(name), escaped: false))
      case ">":
        advance()
        _ = read(\.isWhitespace)
        guard current != "*" else { throw .unsupported }
        let name = try partialName()
        if !whitespace.isEmpty { nodes.append(.text(Array(whitespace.utf8))) }
        if isStandalone(state) {
          setNewLine = true
          nodes.append(.partial(name, indentation: Array(whitespace.utf8)))
        } else {
          nodes.append(.partial(name, indentation: nil))
        }
        whitespace = ""
      case "<", "$", "=", "%":
        throw .unsupported
      default:
        if !whitespace.isEmpty {
          nodes.append(.text(Array(whitespace.utf8)))
          whitespace = ""
        }
        nodes.append(.variable(LayoutProgram.Name(try tagName()), escaped: true))
      }
      state.newLine = setNewLine
    }
    guard state.sectionName == nil else { throw .malformed }
    return nodes
  }

  /// Text up to a line end or the next `{{` (consumed); a lone `{` is text.
  private mutating func textUntilTagOrNewline() throws(Failure) -> String {
    var run = ""
    while !atEnd {
      run += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
      if current.isNewline { break }
      if current == "{" {
        guard text.distance(from: position, to: text.endIndex) >= 2 else { throw .malformed }
        let next = text.index(after: position)
        if text[next] == "{" {
          position = text.index(after: next)
          break
        }
        run += "{"
        advance()
      }
    }
    return run
  }

  /// A variable or section name and the closing `}}`.
  private mutating func tagName() throws(Failure) -> String {
    _ = read(\.isWhitespace)
    let name = String(read { Self.nameCharacters.contains($0) })
    _ = read(\.isWhitespace)
    try closeTag()
    guard !name.contains("("), !name.contains(")") else { throw .unsupported }
    return name
  }

  private mutating func partialName() throws(Failure) -> String {
    _ = read(\.isWhitespace)
    let name = String(read { Self.partialNameCharacters.contains($0) })
    _ = read(\.isWhitespace)
    try closeTag()
    return name
  }

  private mutating func closeTag() throws(Failure) {
    guard text.distance(from: position, to: text.endIndex) >= 2 else { throw .malformed }
    let end = text.index(position, offsetBy: 2)
    guard text[position..<end] == "}}" else { throw .malformed }
    position = end
  }

  /// Skips a comment's text and its closing `}}`.
  private mutating func skipComment() throws(Failure) {
    guard let close = text[position...].firstRange(of: "}}") else { throw .malformed }
    position = close.upperBound
  }

  /// Whether the tag just read is alone on its line: it began one (after blanks) and only blanks
  /// follow it to the line end, which is then consumed, or the text ends right after it.
  private mutating func isStandalone(_ state: State) -> Bool {
    guard state.newLine else { return false }
    if atEnd { return true }
    var probe = position
    while probe != text.endIndex, text[probe] == " " || text[probe] == "\t" { probe = text.index(after: probe) }
    guard probe != text.endIndex, text[probe].isNewline else { return false }
    position = text.index(after: probe)
    return true
  }

  private mutating func read(_ matches: (Character) -> Bool) -> Substring {
    let start = position
    while !atEnd, matches(text[position]) { advance() }
    return text[start..<position]
  }
}
