import CYAML
import StructuredData

/// Drives libyaml's parser and assembles its events into `YAMLNode` trees.
///
/// Iterative, with an explicit stack, so deep nesting costs heap, not call stack. libyaml's
/// parser struct lives only inside `build(bytes:)`.
struct YAMLTreeBuilder {
  let limits: YAMLLoader.Limits

  private struct Frame {
    var isMapping: Bool
    var tag: String?
    var anchor: String?
    var start: SourcePosition
    var elements: [YAMLNode] = []
    var weight = 1
  }

  private var stack: [Frame] = []
  private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
  private var documents: [YAMLDocument] = []
  private var problems: [YAMLProblem] = []
  private var documentIndex = 0
  private var documentRoot: (node: YAMLNode, weight: Int)?

  init(limits: YAMLLoader.Limits) {
    self.limits = limits
  }

  mutating func build(bytes: [UInt8]) -> YAMLStream {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      return YAMLStream(
        documents: [],
        problems: [YAMLProblem(code: "yaml.memory", message: "libyaml could not allocate a parser", position: .init(line: 1, column: 1))])
    }
    defer { yaml_parser_delete(&parser) }
    bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else {
          problems.append(Self.syntaxProblem(from: parser))
          return
        }
        let done = event.type == YAML_STREAM_END_EVENT
        let keepGoing = handle(&event)
        yaml_event_delete(&event)
        if done || !keepGoing { return }
      }
    }
    return YAMLStream(documents: documents, problems: problems)
  }

  /// Handles one event; returns false when the document must be abandoned.
  private mutating func handle(_ event: inout yaml_event_t) -> Bool {
    let start = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    let end = SourcePosition(line: Int(event.end_mark.line) + 1, column: Int(event.end_mark.column) + 1)
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      anchors = [:]
      documentRoot = nil
    case YAML_DOCUMENT_END_EVENT:
      if let root = documentRoot, !Self.isEmptyDocument(root.node) {
        documents.append(YAMLDocument(root: root.node, index: documentIndex))
      }
      documentIndex += 1
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      let text = Self.string(data.value, length: data.length)
      let node = YAMLNode(
        kind: .scalar(YAMLScalar(text: text, style: Self.style(data.style))),
        tag: Self.optionalString(data.tag), anchor: Self.optionalString(data.anchor), start: start, end: end)
      return add(node, weight: 1)
    case YAML_ALIAS_EVENT:
      let name = Self.optionalString(event.data.alias.anchor) ?? ""
      guard let target = anchors[name] else {
        problems.append(YAMLProblem(code: "yaml.unknown-anchor", message: "alias '*\(name)' names no anchor defined before it", position: start))
        return false
      }
      var node = target.node
      node.start = start
      node.end = end
      return add(node, weight: target.weight)
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
      let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
      if stack.count >= limits.maximumDepth {
        problems.append(YAMLProblem(code: "yaml.too-deep", message: "nesting is deeper than \(limits.maximumDepth) levels", position: start))
        return false
      }
      stack.append(Frame(isMapping: isMapping, tag: Self.optionalString(tag), anchor: Self.optionalString(anchor), start: start))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast() else { return false }
      let kind: YAMLNode.Kind
      if frame.isMapping {
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(frame.elements.count / 2)
        var index = 0
        while index + 1 < frame.elements.count {
          pairs.append(YAMLPair(key: frame.elements[index], value: frame.elements[index + 1]))
          index += 2
        }
        kind = .mapping(pairs)
      } else {
        kind = .sequence(frame.elements)
      }
      return add(YAMLNode(kind: kind, tag: frame.tag, anchor: frame.anchor, start: frame.start, end: end), weight: frame.weight)
    default:
      break
    }
    return true
  }

  private mutating func add(_ node: YAMLNode, weight: Int) -> Bool {
    if let anchor = node.anchor {
      anchors[anchor] = (node, weight)
    }
    if stack.isEmpty {
      documentRoot = (node, weight)
      return true
    }
    stack[stack.count - 1].elements.append(node)
    stack[stack.count - 1].weight += weight
    if stack[stack.count - 1].weight > limits.maximumExpandedNodes {
      problems.append(
        YAMLProblem(
          code: "yaml.alias-limit",
          message: "the document expands to more than \(limits.maximumExpandedNodes) nodes through aliases",
          position: node.start))
      return false
    }
    return true
  }

  private static func isEmptyDocument(_ node: YAMLNode) -> Bool {
    if case .scalar(let scalar) = node.kind, scalar.text.isEmpty, scalar.style == .plain, node.tag == nil { return true }
    return false
  }

  private static func syntaxProblem(from parser: yaml_parser_t) -> YAMLProblem {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    let mark = parser.problem_mark
    var message = problem
    var notes: [YAMLNote] = []
    if let context = parser.context.map({ String(cString: $0) }) {
      message = "\(problem) (\(context))"
      let contextMark = parser.context_mark
      notes.append(
        YAMLNote(message: context, position: SourcePosition(line: Int(contextMark.line) + 1, column: Int(contextMark.column) + 1)))
    }
    return YAMLProblem(
      code: "yaml.syntax", message: message,
      position: SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1), notes: notes)
  }

  private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
    guard let pointer else { return "" }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }
}
