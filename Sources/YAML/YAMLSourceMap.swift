import StructuredData

/// A side table from value paths to source positions, so later stages can point at a field.
///
/// Holds the converted tree (shared, not copied) and follows a path through it on demand, the
/// way the converter read it: first of duplicate keys, explicit keys before merged ones.
public struct YAMLSourceMap: Sendable, Hashable {
  private var root: YAMLNode?

  /// Creates an empty map, which knows no positions.
  public init() {}

  /// Creates the map of the value converted from `root`.
  public init(root: YAMLNode) {
    self.root = root
  }

  /// The tree the value was converted from (nil for an empty map), for the build cache.
  package var rootNode: YAMLNode? { root }

  /// The node the value at `path` was converted from, if the path exists.
  public func node(at path: ValuePath) -> YAMLNode? {
    let (node, matched) = deepestNode(along: path)
    return matched == path.components.count ? node : nil
  }

  /// Where the value at `path` starts, or where its nearest existing ancestor starts.
  public func position(of path: ValuePath) -> SourcePosition? {
    deepestNode(along: path).node?.start
  }

  /// Where the key of the member at `path` is written, if the path ends in an existing key.
  public func keyPosition(of path: ValuePath) -> SourcePosition? {
    guard case .key(let key)? = path.components.last else { return nil }
    let parentPath = ValuePath(Array(path.components.dropLast()))
    return node(at: parentPath)?.member(named: key)?.key.start
  }

  /// The node at the longest prefix of `path` that exists, and that prefix's length.
  private func deepestNode(along path: ValuePath) -> (node: YAMLNode?, matched: Int) {
    guard var node = root else { return (nil, 0) }
    var matched = 0
    for component in path.components {
      let child: YAMLNode?
      switch component {
      case .key(let key):
        child = node.member(named: key)?.value
      case .index(let index):
        child = node.sequence.flatMap { index >= 0 && index < $0.count ? $0[index] : nil }
      }
      guard let child else { break }
      node = child
      matched += 1
    }
    return (node, matched)
  }
}
