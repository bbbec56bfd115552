import CYAML
import StructuredData

/// Drives libyaml's parser and assembles its events into `YAMLNode` trees.
///
/// Iterative, with an explicit stack, so deep nesting costs heap, not call stack. libyaml's
/// parser struct lives only inside `build()`. A problem inside a document (unknown anchor,
/// alias bomb, nesting through aliases too deep) drops that document and parsing goes on with
/// the next one; a syntax error ends the stream, because libyaml cannot resynchronise after
/// one, and so does nesting too deep, whose remaining text could be costly to scan.
struct YAMLTreeBuilder {
  let limits: YAMLLoader.Limits
  var source: YAMLSourceText
  /// The length of the text as given: `source` may end in one more byte, a line break the loader appended.
  let textLength: Int

  /// A sequence or mapping whose end event has not arrived yet.
  struct Frame {
    var isMapping: Bool
    var isFlow: Bool
    var tag: String?
    var anchor: String?
    var start: SourcePosition
    /// The 0-based column of a block collection's entries (`-` or keys); flow lines must go deeper.
    var indent: Int
    var elements: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    /// Nodes in this subtree once aliases are expanded, itself included.
    var weight = 1
    /// Collection levels in this subtree once aliases are expanded, itself included.
    var height = 1
    /// Bytes of scalar text in this subtree once aliases are expanded.
    var bytes = 0
    /// For an outermost flow collection inside a block one: where it starts, for the indentation check.
    var flowStartOffset: Int?
  }

  /// A node with an anchor, remembered for aliases to it.
  struct Anchored {
    var node: YAMLNode
    var weight: Int
    var height: Int
    var bytes: Int
  }

  var stack: [Frame] = []
  var anchors: [String: Anchored] = [:]
  var documents: [YAMLDocument] = []
  var problems: [YAMLProblem] = []
  var documentIndex = 0
  var documentRoot: Anchored?
  /// Nodes the current document holds once aliases are expanded.
  var expandedNodes = 0
  /// Bytes of scalar text the current document repeats through aliases.
  var aliasedBytes = 0
  /// Set after a problem that leaves the current document unusable: its remaining events are skipped.
  var abandoningDocument = false
  /// How many flow collections are open around the current event.
  var flowDepth = 0
  /// Whether the previous document ended without `...`, after which no directive may follow.
  var previousDocumentEndedImplicitly = false

  /// Errors found in directive lines before parsing, reported when their document starts.
  var directiveErrors: [YAMLProblem]

  /// Creates a builder; `directiveProblems` come from `YAMLStreamPreparation`.
  init(limits: YAMLLoader.Limits, source: YAMLSourceText, textLength: Int, directiveProblems: [YAMLProblem]) {
    self.limits = limits
    self.source = source
    self.textLength = textLength
    directiveErrors = directiveProblems.filter { $0.severity == .error }
    problems = directiveProblems.filter { $0.severity != .error }
  }

  mutating func build() -> YAMLStream {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      return YAMLStream(
        documents: [],
        problems: [
          YAMLProblem(
            code: .memory, message: "libyaml could not allocate a parser", position: .init(line: 1, column: 1))
        ])
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, source.bytes.baseAddress, source.bytes.count)
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else {
        problems.append(syntaxProblem(from: parser))
        break
      }
      let done = event.type == YAML_STREAM_END_EVENT
      let keepGoing = handle(&event)
      yaml_event_delete(&event)
      if done || !keepGoing { break }
    }
    // Warnings from directive lines were recorded first; keep the list in source order.
    let ordered = problems.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
    return YAMLStream(documents: documents, problems: ordered.map(\.element), documentCount: documentIndex)
  }

  static func position(_ mark: yaml_mark_t) -> SourcePosition {
    SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  /// Handles one event; returns false when the stream must end (a syntax error, nesting too deep).
  private mutating func handle(_ event: inout yaml_event_t) -> Bool {
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      return startDocument(event)
    case YAML_DOCUMENT_END_EVENT:
      if !abandoningDocument, let root = documentRoot, !Self.isEmptyDocument(root.node) {
        documents.append(YAMLDocument(root: root.node, index: documentIndex))
      }
      documentIndex += 1
      previousDocumentEndedImplicitly = event.data.document_end.implicit != 0
    case _ where abandoningDocument:
      break
    case YAML_SCALAR_EVENT:
      return scalar(event)
    case YAML_ALIAS_EVENT:
      alias(event)
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      return startCollection(event)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      return endCollection(event)
    default:
      break
    }
    return true
  }

  private mutating func startDocument(_ event: yaml_event_t) -> Bool {
    anchors = [:]
    documentRoot = nil
    stack = []
    expandedNodes = 0
    aliasedBytes = 0
    flowDepth = 0
    abandoningDocument = false
    if let error = directiveErrors.first, error.position.line <= Int(event.end_mark.line) + 1 {
      problems.append(error)
      return false
    }
    let data = event.data.document_start
    let hasDirectives = data.version_directive != nil || data.tag_directives.start != data.tag_directives.end
    if hasDirectives && documentIndex > 0 && previousDocumentEndedImplicitly {
      // libyaml accepts this, but YAML 1.2 requires `...` first (it would otherwise be document content).
      problems.append(
        YAMLProblem(
          code: .syntax,
          message: "a directive (%YAML or %TAG) must follow a document end marker '...' when a document precedes it",
          position: Self.position(event.start_mark)))
      return false
    }
    return true
  }

  private mutating func scalar(_ event: yaml_event_t) -> Bool {
    let data = event.data.scalar
    let style = Self.style(data.style)
    let text =
      data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) } ?? ""
    let node = YAMLNode(
      kind: .scalar(YAMLScalar(text: text, style: style)), tag: Self.string(data.tag), anchor: Self.string(data.anchor),
      start: Self.position(event.start_mark), end: Self.position(event.end_mark))
    if let problem = strictScalarProblem(event, node: node) {
      problems.append(problem)
      return false
    }
    add(node, weight: 1, height: 0, bytes: data.length, isAlias: false)
    return true
  }

  private mutating func alias(_ event: yaml_event_t) {
    let name = Self.string(event.data.alias.anchor) ?? ""
    let start = Self.position(event.start_mark)
    guard let target = anchors[name] else {
      abandonDocument(
        YAMLProblem(
          code: .unknownAnchor,
          message: "alias '*\(name)' refers to no anchor '&\(name)' defined before it in this document",
          position: start))
      return
    }
    var node = target.node
    node.start = start
    node.end = Self.position(event.end_mark)
    add(node, weight: target.weight, height: target.height, bytes: target.bytes, isAlias: true)
  }

  private mutating func startCollection(_ event: yaml_event_t) -> Bool {
    let isMapping = event.type == YAML_MAPPING_START_EVENT
    let start = Self.position(event.start_mark)
    if stack.count >= limits.maximumDepth {
      // End the stream, not just the document: libyaml's scanner does work proportional to the
      // open flow levels for every token, so reading on through 100,000 `[` would take minutes.
      problems.append(
        YAMLProblem(code: .tooDeep, message: "nesting is deeper than \(limits.maximumDepth) levels", position: start))
      return false
    }
    let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
    let isFlow =
      isMapping
      ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
      : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
    // A block mapping's start event ends at its first key; a block sequence's just after its first `-`.
    let indent = isMapping ? Int(event.end_mark.column) : max(Int(event.end_mark.column) - 1, 0)
    var frame = Frame(
      isMapping: isMapping, isFlow: isFlow, tag: Self.string(tag), anchor: Self.string(anchor), start: start,
      indent: indent)
    if isFlow {
      if flowDepth == 0, let parent = stack.last, !parent.isFlow, source.isUTF8 {
        frame.flowStartOffset = source.offset(ofCharacter: Int(event.start_mark.index))
      }
      flowDepth += 1
    }
    stack.append(frame)
    return true
  }

  private mutating func endCollection(_ event: yaml_event_t) -> Bool {
    guard let frame = stack.popLast() else { return true }
    let end: SourcePosition
    if frame.isFlow {
      flowDepth -= 1
      end = Self.position(event.end_mark)
      if let problem = strictFlowEndProblem(event, frame: frame) {
        problems.append(problem)
        return false
      }
    } else {
      // libyaml ends a block collection where the next token starts; the last entry's end is truer.
      let last = frame.isMapping ? frame.pairs.last?.value : frame.elements.last
      end = last?.end ?? frame.start
    }
    let kind: YAMLNode.Kind = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.elements)
    let node = YAMLNode(kind: kind, tag: frame.tag, anchor: frame.anchor, start: frame.start, end: end)
    add(node, weight: frame.weight, height: frame.height, bytes: frame.bytes, isAlias: false)
    return true
  }

  /// Adds `node`, with its nodes, levels and scalar bytes once aliases are followed.
  private mutating func add(_ node: YAMLNode, weight: Int, height: Int, bytes: Int, isAlias: Bool) {
    if isAlias {
      // Nodes and bytes are both bounded: a billion laughs multiplies nodes, an alias to a
      // large scalar multiplies text (a 1 MB file aliasing one 1 MB scalar 200 times).
      aliasedBytes += bytes
      if aliasedBytes > limits.maximumAliasedBytes {
        abandonDocument(
          YAMLProblem(
            code: .aliasLimit,
            message: "the document repeats more than \(limits.maximumAliasedBytes) bytes of text through aliases",
            position: node.start))
        return
      }
      expandedNodes += weight
      if expandedNodes > limits.maximumExpandedNodes {
        abandonDocument(
          YAMLProblem(
            code: .aliasLimit,
            message: "the document expands to more than \(limits.maximumExpandedNodes) nodes through aliases",
            position: node.start))
        return
      }
      if stack.count + height > limits.maximumDepth {
        abandonDocument(
          YAMLProblem(
            code: .tooDeep, message: "nesting through this alias is deeper than \(limits.maximumDepth) levels",
            position: node.start))
        return
      }
    } else {
      expandedNodes += 1
      if let anchor = node.anchor {
        anchors[anchor] = Anchored(node: node, weight: weight, height: height, bytes: bytes)
      }
    }
    guard !stack.isEmpty else {
      documentRoot = Anchored(node: node, weight: weight, height: height, bytes: bytes)
      return
    }
    let top = stack.count - 1
    stack[top].weight += weight
    stack[top].bytes += bytes
    stack[top].height = max(stack[top].height, height + 1)
    if !stack[top].isMapping {
      stack[top].elements.append(node)
    } else if let key = stack[top].pendingKey {
      stack[top].pairs.append(YAMLPair(key: key, value: node))
      stack[top].pendingKey = nil
    } else {
      stack[top].pendingKey = node
    }
  }

  private mutating func abandonDocument(_ problem: YAMLProblem) {
    problems.append(problem)
    abandoningDocument = true
    stack = []
    anchors = [:]
    documentRoot = nil
    flowDepth = 0
  }

  private static func isEmptyDocument(_ node: YAMLNode) -> Bool {
    if case .scalar(let scalar) = node.kind, scalar.text.isEmpty, scalar.style == .plain, node.tag == nil {
      return true
    }
    return false
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

  /// A NUL-terminated libyaml string (tags and anchors, which are short and rare).
  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }
}
