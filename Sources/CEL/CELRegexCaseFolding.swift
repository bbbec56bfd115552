/// Simple case folding for flag `i`: two scalars match when they fold to the same scalar.
///
/// A scalar folds to the lowercase of its uppercase (one-scalar mappings only), so `K`, `k`
/// and the Kelvin sign all fold to `k`, and `ſ`, `S` and `s` to `s`. ASCII takes a fast path.
enum CELRegexCaseFolding {
  /// The scalar `scalar` folds to.
  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let value = scalar.value
    if value < 0x80 {
      return (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
    }
    let upper = single(scalar.properties.uppercaseMapping) ?? scalar
    return single(upper.properties.lowercaseMapping) ?? single(scalar.properties.lowercaseMapping) ?? scalar
  }

  /// The other scalars that fold as `scalar` does (for classes: `(?i)[k]` matches `K` and `K`).
  static func variants(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    let folded = fold(scalar)
    var result: [Unicode.Scalar] = [folded]
    let properties = folded.properties
    for mapping in [properties.uppercaseMapping, properties.titlecaseMapping] {
      if let other = single(mapping), !result.contains(other) { result.append(other) }
    }
    for extra in extraMembers[folded.value] ?? [] {
      if let other = Unicode.Scalar(extra) { result.append(other) }
    }
    return result.filter { $0 != scalar }
  }

  /// Scalars whose folding is not reached from the folded scalar's own case mappings.
  private static let extraMembers: [UInt32: [UInt32]] = [
    0x6B: [0x212A], 0x73: [0x17F], 0xE5: [0x212B], 0x3BC: [0xB5], 0x3B9: [0x345, 0x1FBE],
    0x3B2: [0x3D0], 0x3B5: [0x3F5], 0x3B8: [0x3D1, 0x3F4], 0x3BA: [0x3F0], 0x3C0: [0x3D6],
    0x3C1: [0x3F1], 0x3C3: [0x3C2], 0x3C6: [0x3D5], 0x3C9: [0x2126],
  ]

  private static func single(_ text: String) -> Unicode.Scalar? {
    var scalars = text.unicodeScalars.makeIterator()
    guard let first = scalars.next(), scalars.next() == nil else { return nil }
    return first
  }
}
