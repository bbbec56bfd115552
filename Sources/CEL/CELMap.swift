/// A CEL map: insertion-ordered entries with keys compared by CEL equality.
///
/// Order matters only for iteration (macros range over keys); equality ignores it. Most maps
/// in policies are small JSON objects, so up to `indexThreshold` entries a lookup scans the
/// keys, which is faster than hashing; larger maps keep a hash index as well.
public struct CELMap: Sendable {
  /// The keys, in insertion order.
  public private(set) var keys: [CELMapKey] = []
  private var values: [CELValue] = []
  private var index: [CELMapKey: Int]?

  private static let indexThreshold = 12

  /// An empty map.
  public init() {}

  /// A map from string-keyed entries, in the order of their keys' sort.
  public init(_ entries: [String: CELValue]) {
    keys.reserveCapacity(entries.count)
    values.reserveCapacity(entries.count)
    for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
      keys.append(.string(key))
      values.append(value)
    }
    if keys.count > Self.indexThreshold { buildIndex() }
  }

  /// The number of entries.
  public var count: Int { keys.count }

  /// Whether the map has no entries.
  public var isEmpty: Bool { keys.isEmpty }

  /// The value for `key`, or nil when absent.
  public subscript(key: CELMapKey) -> CELValue? {
    position(of: key).map { values[$0] }
  }

  /// The value for a string key, the common case of JSON objects and field selection.
  public subscript(field: String) -> CELValue? {
    if index != nil { return self[.string(field)] }
    let length = field.utf8.count
    for (position, key) in keys.enumerated() {
      if case .string(let name) = key, name.utf8.count == length, CELValue.stringsEqual(name, field) {
        return values[position]
      }
    }
    return nil
  }

  /// The entries, in insertion order.
  public var entries: [(key: CELMapKey, value: CELValue)] {
    zip(keys, values).map { (key: $0, value: $1) }
  }

  /// Adds an entry; returns false, changing nothing, when the key is already present.
  @discardableResult
  public mutating func insert(_ value: CELValue, for key: CELMapKey) -> Bool {
    guard position(of: key) == nil else { return false }
    append(value, for: key)
    return true
  }

  /// Sets the value for `key`, adding the key if needed.
  public mutating func updateValue(_ value: CELValue, for key: CELMapKey) {
    if let position = position(of: key) {
      values[position] = value
    } else {
      append(value, for: key)
    }
  }

  private mutating func append(_ value: CELValue, for key: CELMapKey) {
    keys.append(key)
    values.append(value)
    if index != nil {
      index?[key] = keys.count - 1
    } else if keys.count > Self.indexThreshold {
      buildIndex()
    }
  }

  private mutating func buildIndex() {
    var built: [CELMapKey: Int] = [:]
    built.reserveCapacity(keys.count)
    for (position, key) in keys.enumerated() { built[key] = position }
    index = built
  }

  private func position(of key: CELMapKey) -> Int? {
    if let index { return index[key] }
    return keys.firstIndex(of: key)
  }
}

extension CELMap: Equatable {
  /// Same keys (by CEL key equality) with structurally equal values, in any order.
  public static func == (lhs: CELMap, rhs: CELMap) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for (key, value) in zip(lhs.keys, lhs.values) {
      guard let other = rhs[key], other == value else { return false }
    }
    return true
  }
}
