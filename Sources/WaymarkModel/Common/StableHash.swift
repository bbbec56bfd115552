/// A 64-bit FNV-1a hash with a final avalanche, the same on every run and machine.
///
/// Swift's `Hasher` is seeded per process, so it cannot name things across a build; this is
/// used for identifiers that are only compared (event ids, chain ids, artifact ids). With 64
/// bits, two million distinct ids collide with probability about 1e-7.
public enum StableHash {
  /// The hash of `text`'s UTF-8 bytes.
  public static func of(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var copy = text
    copy.withUTF8 { bytes in
      for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      }
    }
    return finish(hash)
  }

  /// The hash of two strings taken together (`source` and `id`), never equal to either's alone.
  public static func of(_ first: String, _ second: String) -> UInt64 {
    finish(of(first) &* 0x9E37_79B9_7F4A_7C15 ^ of(second))
  }

  private static func finish(_ value: UInt64) -> UInt64 {
    var x = value
    x ^= x >> 33
    x = x &* 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x = x &* 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return x == 0 ? 1 : x
  }
}
