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
