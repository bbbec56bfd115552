/// Applies a git pack delta (copy and insert instructions) to its base object.
enum GitDelta {
  static func apply(_ delta: [UInt8], to base: [UInt8], limit: Int) -> [UInt8]? {
    var index = 0
    guard let baseSize = varint(delta, &index), baseSize == base.count, let resultSize = varint(delta, &index),
      resultSize <= limit
    else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(resultSize)
    while index < delta.count {
      let instruction = delta[index]
      index += 1
      if instruction & 0x80 != 0 {
        var offset = 0
        var size = 0
        for bit in 0..<7 where instruction & (1 << bit) != 0 {
          guard index < delta.count else { return nil }
          if bit < 4 { offset |= Int(delta[index]) << (8 * bit) } else { size |= Int(delta[index]) << (8 * (bit - 4)) }
          index += 1
        }
        if size == 0 { size = 0x10000 }
        guard offset + size <= base.count else { return nil }
        result.append(contentsOf: base[offset..<(offset + size)])
      } else {
        let size = Int(instruction)
        guard size > 0, index + size <= delta.count else { return nil }
        result.append(contentsOf: delta[index..<(index + size)])
        index += size
      }
      guard result.count <= resultSize else { return nil }
    }
    return result.count == resultSize ? result : nil
  }

  /// A little-endian base-128 size.
  private static func varint(_ bytes: [UInt8], _ index: inout Int) -> Int? {
    var value = 0
    var shift = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      value |= Int(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
      guard shift < 56 else { return nil }
    }
    return nil
  }
}
