import StructuredData

/// Splits text holding several JSON values one after another (yaml-test-suite's `in.json`).
enum ConcatenatedJSON {
  struct Malformed: Error {}

  /// Each top-level value of `bytes`, parsed with `JSONReader`.
  static func values(in bytes: [UInt8]) throws -> [JSONValue] {
    var values: [JSONValue] = []
    var index = 0
    while true {
      while index < bytes.count, isSpace(bytes[index]) { index += 1 }
      guard index < bytes.count else { return values }
      let start = index
      index = try end(ofValueAt: index, in: bytes)
      values.append(try JSONReader().parse(Array(bytes[start..<index])))
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  /// The offset just past the value starting at `start`.
  private static func end(ofValueAt start: Int, in bytes: [UInt8]) throws -> Int {
    var index = start
    var depth = 0
    var inString = false
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if inString {
        if byte == UInt8(ascii: "\\") {
          index += 1
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          if depth == 0 { return index }
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 { return index }
        if depth < 0 { throw Malformed() }
      default:
        // A bare number, true, false or null ends at whitespace.
        if depth == 0, index < bytes.count, isSpace(bytes[index]) { return index }
      }
    }
    guard depth == 0, !inString else { throw Malformed() }
    return index
  }
}

/// Equality of data: integers equal doubles of the same value; objects are unordered.
enum DataEquality {
  static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let left), .bool(let right)): return left == right
    case (.string(let left), .string(let right)): return left == right
    case (.int, .int), (.int, .double), (.double, .int), (.double, .double):
      guard let left = lhs.doubleValue, let right = rhs.doubleValue else { return false }
      if left.isNaN && right.isNaN { return true }
      if case .int(let a) = lhs, case .int(let b) = rhs { return a == b }
      return left == right
    case (.array(let left), .array(let right)):
      return left.count == right.count && zip(left, right).allSatisfy { equal($0, $1) }
    case (.object(let left), .object(let right)):
      return left.count == right.count && left.allSatisfy { key, value in right[key].map { equal(value, $0) } ?? false }
    default: return false
    }
  }
}
