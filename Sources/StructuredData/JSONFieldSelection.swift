/// The members a `JSONFieldScanner` keeps: paths of object keys, each numbered by its position.
///
/// Stored as a trie of UTF-8 keys so that matching a key in the input is a byte comparison
/// against a handful of candidates, with no `String` built for members that are skipped.
public struct JSONFieldSelection: Sendable {
  struct Node: Sendable {
    var keys: [[UInt8]] = []
    var children: [Int] = []
    /// The field number when a selected path ends here; its value is kept whole.
    var field: Int?
  }

  var nodes: [Node] = [Node()]
  /// How many paths were selected; scans fill that many slots.
  public let count: Int

  /// Selects `paths`; the value at each path is kept whole, and its number is its index here.
  public init(_ paths: [[String]]) {
    count = paths.count
    for (field, path) in paths.enumerated() {
      var node = 0
      for key in path {
        let bytes = Array(key.utf8)
        if let found = nodes[node].keys.firstIndex(of: bytes) {
          node = nodes[node].children[found]
        } else {
          nodes.append(Node())
          nodes[node].keys.append(bytes)
          nodes[node].children.append(nodes.count - 1)
          node = nodes.count - 1
        }
      }
      nodes[node].field = field
    }
  }

  /// The child of `node` reached by the key bytes, if selected.
  func child(of node: Int, key: UnsafeBufferPointer<UInt8>) -> Int? {
    let candidates = nodes[node].keys
    for index in candidates.indices where candidates[index].count == key.count {
      let match = candidates[index].withUnsafeBufferPointer { candidate in
        candidate.elementsEqual(key)
      }
      if match { return nodes[node].children[index] }
    }
    return nil
  }
}
