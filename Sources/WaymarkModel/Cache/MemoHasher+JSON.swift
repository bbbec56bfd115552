import StructuredData

extension MemoHasher {
  /// Adds a JSON value: a tag per kind, object members sorted by key.
  public mutating func add(_ value: JSONValue) {
    switch value {
    case .null: add(UInt64(0))
    case .bool(let flag): add(UInt64(flag ? 2 : 1))
    case .int(let number):
      add(UInt64(3))
      add(UInt64(bitPattern: number))
    case .double(let number):
      add(UInt64(4))
      add(number.bitPattern)
    case .string(let text):
      add(UInt64(5))
      add(text)
    case .array(let elements):
      add(UInt64(6))
      add(elements.count)
      for element in elements { add(element) }
    case .object(let members):
      add(UInt64(7))
      add(members.count)
      // Any total order of the keys will do, so long as it is the same every build: `<` has
      // fast paths for ASCII that byte-by-byte comparison lacks, and the pairs need no lookup.
      for (key, member) in members.sorted(by: { $0.key < $1.key }) {
        add(key)
        add(member)
      }
    }
  }
}
