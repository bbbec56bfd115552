import StructuredData

/// One node of a YAML document, with where it starts and ends in the source.
public struct YAMLNode: Sendable, Hashable {
  /// What the node holds.
  public enum Kind: Sendable, Hashable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  /// The node's content.
  public var kind: Kind
  /// The explicit tag as written after resolution of handles (`tag:yaml.org,2002:str`), if any.
  public var tag: String?
  /// The anchor name (`&name`), if any.
  public var anchor: String?
  /// Where the node starts (1-based).
  public var start: SourcePosition
  /// Where the node ends (1-based, just past the last character).
  public var end: SourcePosition

  /// Creates a node.
  public init(kind: Kind, tag: String? = nil, anchor: String? = nil, start: SourcePosition, end: SourcePosition) {
    self.kind = kind
    self.tag = tag
    self.anchor = anchor
    self.start = start
    self.end = end
  }

  /// The scalar, if this node is one.
  public var scalar: YAMLScalar? {
    if case .scalar(let scalar) = kind { return scalar }
    return nil
  }

  /// The elements, if this node is a sequence.
  public var sequence: [YAMLNode]? {
    if case .sequence(let elements) = kind { return elements }
    return nil
  }

  /// The key–value pairs in source order, if this node is a mapping.
  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = kind { return pairs }
    return nil
  }

  /// The value for the key that reads `key`, if this node is a mapping that has it; follows merge
  /// keys (`<<`) and takes the first of duplicate keys, as `YAMLConverter` does.
  public subscript(key: String) -> YAMLNode? {
    member(named: key)?.value
  }
}

/// A scalar's text and how it was written.
public struct YAMLScalar: Sendable, Hashable {
  /// The scalar's text after YAML's folding and escapes.
  public var text: String
  /// How the scalar was written; only plain scalars are resolved to non-strings.
  public var style: YAMLScalarStyle

  /// Creates a scalar.
  public init(text: String, style: YAMLScalarStyle) {
    self.text = text
    self.style = style
  }
}

/// How a scalar was written in the source.
public enum YAMLScalarStyle: String, Sendable, Hashable {
  case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One entry of a mapping.
public struct YAMLPair: Sendable, Hashable {
  /// The key node.
  public var key: YAMLNode
  /// The value node.
  public var value: YAMLNode

  /// Creates a pair.
  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
