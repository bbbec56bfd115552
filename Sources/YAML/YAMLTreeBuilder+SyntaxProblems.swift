import CYAML
import StructuredData

/// Turns libyaml's error state (problem, context, marks) into a located `YAMLProblem`.
extension YAMLTreeBuilder {
  mutating func syntaxProblem(from parser: yaml_parser_t) -> YAMLProblem {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    switch parser.error {
    case YAML_MEMORY_ERROR:
      return YAMLProblem(
        code: .memory, message: "libyaml ran out of memory", position: SourcePosition(line: 1, column: 1))
    case YAML_READER_ERROR:
      // Reader errors carry a byte offset, not a mark.
      let offset = Int(parser.problem_offset)
      return YAMLProblem(
        code: .syntax, message: Self.readerMessage(problem, value: Int(parser.problem_value)),
        position: YAMLSourceText.position(ofOffset: offset, in: source.bytes))
    default:
      break
    }
    let end = YAMLSourceText.endPosition(
      of: UnsafeBufferPointer(rebasing: source.bytes[..<min(textLength, source.bytes.count)]))
    let position = Self.position(parser.problem_mark, notPast: end)
    var message = problem + hint(for: problem, at: parser.problem_mark)
    var notes: [YAMLNote] = []
    if let context = parser.context.map({ String(cString: $0) }) {
      let contextPosition = Self.position(parser.context_mark, notPast: end)
      message += ", \(context) that starts at \(contextPosition)"
      notes.append(YAMLNote(message: Self.subject(of: context) + " starts here", position: contextPosition))
    }
    return YAMLProblem(code: .syntax, message: message, position: position, notes: notes)
  }

  /// The position of `mark`, or `end` when the mark lies past it.
  ///
  /// libyaml ends the stream on a line of its own ("force new line"), so a problem at the end of
  /// a text without a final line break (`key: [a, b` cut short) would be reported on a line the
  /// text does not have, one an editor cannot jump to; so would one after a line break the loader
  /// appended. `end` is where the text stops.
  private static func position(_ mark: yaml_mark_t, notPast end: SourcePosition) -> SourcePosition {
    min(position(mark), end)
  }

  /// A few words on the usual cause of libyaml's terser problems.
  private mutating func hint(for problem: String, at mark: yaml_mark_t) -> String {
    guard source.isUTF8 else { return "" }
    let offset = source.offset(ofCharacter: Int(mark.index))
    if source.byte(at: offset) == UInt8(ascii: "\t") || problem.contains("tab") {
      return " (a tab; YAML indents with spaces only)"
    }
    if problem == "mapping values are not allowed in this context" {
      return " (a ': ' inside an unquoted value? quote the value)"
    }
    return ""
  }

  /// "while parsing a block mapping" → "a block mapping".
  private static func subject(of context: String) -> String {
    for prefix in ["while parsing ", "while scanning "] where context.hasPrefix(prefix) {
      return String(context.dropFirst(prefix.count))
    }
    return context
  }

  private static func readerMessage(_ problem: String, value: Int) -> String {
    let byte = "0x" + String(value & 0xFF, radix: 16, uppercase: true)
    let scalar = "U+" + String(value, radix: 16, uppercase: true)
    switch problem {
    case "invalid leading UTF-8 octet":
      return "the text is not valid UTF-8: byte \(byte) cannot start a character"
    case "invalid trailing UTF-8 octet":
      return "the text is not valid UTF-8: byte \(byte) cannot continue a character"
    case "incomplete UTF-8 octet sequence":
      return "the text is not valid UTF-8: it ends inside a character"
    case "invalid length of a UTF-8 sequence":
      return "the text is not valid UTF-8: a character is encoded with more bytes than it needs"
    case "invalid Unicode character":
      return "the text is not valid UTF-8: it encodes \(scalar), which is not a Unicode character"
    case "control characters are not allowed":
      return "the text contains the control character \(scalar), which YAML does not allow"
    default:
      return "the text cannot be decoded: \(problem)"
    }
  }
}
