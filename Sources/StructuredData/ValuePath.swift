/// A path from a document's root to a value inside it: `spec.links[0].url`.
public struct ValuePath: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// One step: an object key or an array index.
  public enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  /// The steps from the root.
  public var components: [Component]

  /// Creates a path from its steps.
  public init(_ components: [Component] = []) {
    self.components = components
  }

  /// A path of object keys, e.g. `ValuePath(keys: "spec", "owner")`.
  public init(keys: String...) {
    self.components = keys.map(Component.key)
  }

  /// This path extended by an object key.
  public func appending(_ key: String) -> ValuePath {
    ValuePath(components + [.key(key)])
  }

  /// This path extended by an array index.
  public func appending(index: Int) -> ValuePath {
    ValuePath(components + [.index(index)])
  }

  /// The dotted form users see in diagnostics: `spec.links[0].url`; the root is empty.
  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key):
        if !text.isEmpty { text.append(".") }
        text.append(key)
      case .index(let index):
        text.append("[\(index)]")
      }
    }
    return text
  }

  public static func < (lhs: ValuePath, rhs: ValuePath) -> Bool {
    lhs.description.utf8.lexicographicallyPrecedes(rhs.description.utf8)
  }
}
