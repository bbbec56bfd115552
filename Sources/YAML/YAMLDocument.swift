import StructuredData

/// One document of a YAML stream.
public struct YAMLDocument: Sendable, Hashable {
  /// The document's root node.
  public var root: YAMLNode
  /// The 0-based index of the document in its stream, counting empty documents too.
  public var index: Int

  /// Creates a document.
  public init(root: YAMLNode, index: Int) {
    self.root = root
    self.index = index
  }
}

extension YAMLDocument {
  /// The document's value, its source map and the problems found converting it.
  public func converted() -> YAMLConversion {
    YAMLConverter().convert(root)
  }
}
