import CEL
import Testing

@Suite struct CELMapTests {
  @Test func numericKeysMatchAcrossKinds() {
    var map = CELMap()
    let inserted = map.insert("zero", for: .int(0))
    let insertedAgain = map.insert("again", for: .uint(0))
    #expect(inserted)
    #expect(!insertedAgain)
    #expect(map[.uint(0)] == "zero")
    #expect(map[.int(-1)] == nil)
    #expect(map.count == 1)
  }

  @Test func keepsInsertionOrderAndSwitchesToAnIndexWhenLarge() {
    var map = CELMap()
    for number in (Int64(0)..<40).reversed() { map.insert(.int(number), for: .string("k\(number)")) }
    #expect(map.keys.first == .string("k39"))
    #expect(map["k7"] == .int(7))
    #expect(map[.string("k38")] == .int(38))
    map.updateValue(.int(-1), for: .string("k7"))
    #expect(map["k7"] == .int(-1))
    #expect(map.count == 40)
  }

  @Test func equalityIgnoresOrder() {
    var left = CELMap()
    left.insert(1, for: .string("a"))
    left.insert(2, for: .string("b"))
    var right = CELMap()
    right.insert(2, for: .string("b"))
    right.insert(1, for: .string("a"))
    #expect(left == right)
  }

  @Test func onlyScalarKindsAreKeys() {
    #expect(CELMapKey(.double(1)) == nil)
    #expect(CELMapKey(.null) == nil)
    #expect(CELMapKey(.string("a")) == .string("a"))
  }
}
