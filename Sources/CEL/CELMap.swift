/// A CEL map: insertion-ordered entries with keys compared by CEL equality.
///
/// Order matters only for iteration (macros range over keys); equality ignores it.
public struct CELMap: Sendable, Equatable {
  /// The keys, in insertion order.
  public private(set) var keys: [CELMapKey] = []
  private var storage: [CELMapKey: CELValue] = [:]

  /// An empty map.
  public init() {}

  /// A map from string-keyed entries, in the order of their keys' sort.
  public init(_ entries: [String: CELValue]) {
    keys.reserveCapacity(entries.count)
    storage.reserveCapacity(entries.count)
    for key in entries.keys.sorted() {
      let mapKey = CELMapKey.string(key)
      keys.append(mapKey)
      storage[mapKey] = entries[key]
    }
  }

  /// The number of entries.
  public var count: Int { keys.count }

  /// Whether the map has no entries.
  public var isEmpty: Bool { keys.isEmpty }

  /// The value for `key`, or nil when absent.
  public subscript(key: CELMapKey) -> CELValue? {
    storage[key]
  }

  /// The value for a string key, the common case of JSON objects and field selection.
  public subscript(field: String) -> CELValue? {
    storage[.string(field)]
  }

  /// The entries, in insertion order.
  public var entries: [(key: CELMapKey, value: CELValue)] {
    keys.compactMap { key in storage[key].map { (key, $0) } }
  }

  /// Adds an entry; returns false, changing nothing, when the key is already present.
  @discardableResult
  public mutating func insert(_ value: CELValue, for key: CELMapKey) -> Bool {
    guard storage[key] == nil else { return false }
    keys.append(key)
    storage[key] = value
    return true
  }

  /// Sets the value for `key`, adding the key if needed.
  public mutating func updateValue(_ value: CELValue, for key: CELMapKey) {
    if storage.updateValue(value, forKey: key) == nil { keys.append(key) }
  }

  public static func == (lhs: CELMap, rhs: CELMap) -> Bool {
    lhs.storage == rhs.storage
  }
}
