import StructuredData
import Testing
import WaymarkModel

/// The bytes a build-cache key is the SHA-256 of: every value with its length or tag, integers
/// big-endian, object members in one order whatever order they were made in.
@Suite struct MemoHasherTests {
  static func key(_ kind: String, _ add: (inout MemoHasher) -> Void) -> MemoKey {
    var hasher = MemoHasher(kind)
    add(&hasher)
    return hasher.finish()
  }

  @Test func hashesLengthsTagsAndBigEndianIntegers() {
    let key = Self.key("k") {
      $0.add("ab")
      $0.add(258)
      $0.add(true)
      $0.add(JSONValue.string("c"))
    }
    let bytes: [UInt8] =
      [0, 0, 0, 0, 0, 0, 0, 1, 0x6B]  // "k"
      + [0, 0, 0, 0, 0, 0, 0, 2, 0x61, 0x62]  // "ab"
      + [0, 0, 0, 0, 0, 0, 1, 2]  // 258
      + [1]  // true
      + [0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 1, 0x63]  // tag 5, then "c"
    #expect(key == MemoKey.digest(of: bytes))
  }

  @Test func objectsKeyTheSameWhateverTheirMembersOrder() {
    var forwards: [String: JSONValue] = [:]
    var backwards: [String: JSONValue] = [:]
    let names = (0..<64).map { "member-\($0)" } + ["é", "Z", "a"]
    for (index, name) in names.enumerated() { forwards[name] = .int(Int64(index)) }
    for (index, name) in names.enumerated().reversed() { backwards[name] = .int(Int64(index)) }
    let first = Self.key("object") { $0.add(JSONValue.object(forwards)) }
    #expect(first == Self.key("object") { $0.add(JSONValue.object(backwards)) })
    backwards["a"] = .int(0)
    #expect(first != Self.key("object") { $0.add(JSONValue.object(backwards)) })
  }

  @Test func valuesMovedBetweenMembersChangeTheKey() {
    let one = Self.key("object") { $0.add(JSONValue.object(["a": .int(1), "b": .int(2)])) }
    let swapped = Self.key("object") { $0.add(JSONValue.object(["a": .int(2), "b": .int(1)])) }
    let renamed = Self.key("object") { $0.add(JSONValue.object(["a": .int(1), "c": .int(2)])) }
    #expect(one != swapped)
    #expect(one != renamed)
    #expect(Self.key("a") { $0.add(JSONValue.null) } != Self.key("a") { $0.add(JSONValue.object([:])) })
  }
}
