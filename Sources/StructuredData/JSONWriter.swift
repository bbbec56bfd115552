/// Writes `JSONValue`s as JSON text, deterministically: keys sorted by their UTF-8 bytes.
///
/// Hand-written rather than `JSONEncoder` because output must be byte-identical across runs
/// and platforms (Foundation's float formatting and key order have differed between them).
/// The text is written as UTF-8 bytes into one array (see `JSONWriter+Escaping.swift`): the API
/// files are written out as bytes, so most callers never need a `String` of it.
public struct JSONWriter: Sendable {
  /// Whether to indent with two spaces and put each member on its own line.
  public var pretty: Bool

  /// Creates a writer; `pretty` output ends with a newline.
  public init(pretty: Bool = true) {
    self.pretty = pretty
  }

  /// The JSON text for `value`.
  public func string(for value: JSONValue) -> String {
    String(decoding: bytes(for: value), as: UTF8.self)
  }

  /// The JSON text for `value` as UTF-8 bytes: what `string(for:)` holds, without making a `String`.
  public func bytes(for value: JSONValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    write(value, into: &out, depth: 0)
    if pretty { out.append(UInt8(ascii: "\n")) }
    return out
  }

  /// The JSON text of the object `members` with one more member, `key`, an array of `count`
  /// elements that `element` makes one at a time: what `bytes(for:)` writes for the whole object,
  /// without ever holding the whole array (a catalog's entities) as values.
  public func bytes(
    for members: [String: JSONValue], streaming key: String, count: Int, element: (Int) -> JSONValue
  ) -> [UInt8] {
    var sorted = Array(members.filter { $0.key != key })
    sorted.append((key, .null))
    sorted.sort { Self.utf8Precedes($0.key, $1.key) }
    var out: [UInt8] = []
    out.append(UInt8(ascii: "{"))
    for (index, member) in sorted.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      newline(into: &out, depth: 1)
      Self.appendQuoted(member.key, to: &out)
      Self.append(pretty ? ": " : ":", to: &out)
      guard member.key == key else {
        write(member.value, into: &out, depth: 1)
        continue
      }
      guard count > 0 else {
        Self.append("[]", to: &out)
        continue
      }
      out.append(UInt8(ascii: "["))
      for position in 0..<count {
        if position > 0 { out.append(UInt8(ascii: ",")) }
        newline(into: &out, depth: 2)
        write(element(position), into: &out, depth: 2)
      }
      newline(into: &out, depth: 1)
      out.append(UInt8(ascii: "]"))
    }
    newline(into: &out, depth: 0)
    out.append(UInt8(ascii: "}"))
    if pretty { out.append(UInt8(ascii: "\n")) }
    return out
  }

  private func write(_ value: JSONValue, into out: inout [UInt8], depth: Int) {
    switch value {
    case .null: Self.append("null", to: &out)
    case .bool(let flag): Self.append(flag ? "true" : "false", to: &out)
    case .int(let number): Self.appendDecimal(number, to: &out)
    case .double(let number): out.append(contentsOf: Self.format(number).utf8)
    case .string(let text): Self.appendQuoted(text, to: &out)
    case .array(let elements): write(elements, into: &out, depth: depth)
    case .object(let members): write(members, into: &out, depth: depth)
    }
  }

  private func write(_ elements: [JSONValue], into out: inout [UInt8], depth: Int) {
    guard !elements.isEmpty else { return Self.append("[]", to: &out) }
    out.append(UInt8(ascii: "["))
    for (index, element) in elements.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      newline(into: &out, depth: depth + 1)
      write(element, into: &out, depth: depth + 1)
    }
    newline(into: &out, depth: depth)
    out.append(UInt8(ascii: "]"))
  }

  private func write(_ members: [String: JSONValue], into out: inout [UInt8], depth: Int) {
    guard !members.isEmpty else { return Self.append("{}", to: &out) }
    // Sorted as pairs, so no value is looked up again by its key.
    var sorted = Array(members)
    if sorted.count > 1 { sorted.sort { Self.utf8Precedes($0.key, $1.key) } }
    out.append(UInt8(ascii: "{"))
    for (index, member) in sorted.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      newline(into: &out, depth: depth + 1)
      Self.appendQuoted(member.key, to: &out)
      Self.append(pretty ? ": " : ":", to: &out)
      write(member.value, into: &out, depth: depth + 1)
    }
    newline(into: &out, depth: depth)
    out.append(UInt8(ascii: "}"))
  }

  private func newline(into out: inout [UInt8], depth: Int) {
    guard pretty else { return }
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  /// Formats a double the way JavaScript does for the common cases; non-finite values have no
  /// JSON form and are written as `null`.
  static func format(_ number: Double) -> String {
    guard number.isFinite else { return "null" }
    if number == number.rounded(), abs(number) < 1e15 {
      return String(Int64(number)) + ".0"
    }
    return "\(number)"
  }

  /// Whether `left` sorts before `right` by their UTF-8 bytes (not `<`, which compares
  /// canonically equivalent forms as equal and orders by scalars after normalising).
  static func utf8Precedes(_ left: String, _ right: String) -> Bool {
    let compared = left.utf8.withContiguousStorageIfAvailable { left in
      right.utf8.withContiguousStorageIfAvailable { right in bytesPrecede(left, right) }
    }
    guard let compared = compared ?? nil else { return left.utf8.lexicographicallyPrecedes(right.utf8) }
    return compared
  }

  private static func bytesPrecede(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    let shared = min(left.count, right.count)
    var index = 0
    while index < shared {
      if left[index] != right[index] { return left[index] < right[index] }
      index += 1
    }
    return left.count < right.count
  }
}
