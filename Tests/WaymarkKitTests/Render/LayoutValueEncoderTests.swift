import StructuredData
import Testing
import WaymarkRendering

/// `LayoutValueEncoder` gives the value the compiled layouts read, as the value tree does
/// (`TemplateValueEncoder.value(of:)` read as `LayoutValue`): `null` members left out, `null`
/// elements `false`, pass-through JSON as it is, containers nested by hand filled in.
@Suite struct LayoutValueEncoderTests {
  struct Leaf: Encodable {
    var name: String
    var count: Int?
  }

  /// Writes through every kind of container, including ones asked for before they are filled.
  struct Model: Encodable {
    enum Keys: String, CodingKey { case title, size, ratio, flag, missing, leaves, nested, list, json, scalar, empty }
    enum NestedKeys: String, CodingKey { case inner, nothing }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode("Payments <API>", forKey: .title)
      try container.encode(UInt16(7), forKey: .size)
      try container.encode(0.5, forKey: .ratio)
      try container.encode(true, forKey: .flag)
      try container.encodeNil(forKey: .missing)
      try container.encode([Leaf(name: "a", count: 1), Leaf(name: "b", count: nil)], forKey: .leaves)
      var nested = container.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
      var list = container.nestedUnkeyedContainer(forKey: .list)
      try nested.encode(["x", "y"], forKey: .inner)
      try nested.encodeNil(forKey: .nothing)
      try list.encodeNil()
      try list.encode(Int64(3))
      var deeper = list.nestedContainer(keyedBy: NestedKeys.self)
      try deeper.encode("deep", forKey: .inner)
      try container.encode(TemplateJSON(["a": .null, "b": [.null, 1]]), forKey: .json)
      try container.encode(TemplateScalar(.int(9)), forKey: .scalar)
      try container.encode([String: Int](), forKey: .empty)
    }
  }

  @Test func theValueIsTheValueTreesAsTheLayoutsReadIt() throws {
    let direct = try LayoutValueEncoder.value(of: Model())
    #expect(direct == LayoutValue(TemplateValueEncoder().value(of: Model())))
    #expect(
      direct
        == .object([
          "title": .string("Payments <API>"), "size": .int(7), "ratio": .double(0.5), "flag": .bool(true),
          "leaves": .array([.object(["name": .string("a"), "count": .int(1)]), .object(["name": .string("b")])]),
          "nested": .object(["inner": .array([.string("x"), .string("y")])]),
          "list": .array([.bool(false), .int(3), .object(["inner": .string("deep")])]),
          "json": .object(["b": .array([.bool(false), .int(1)])]), "scalar": .int(9), "empty": .object([:]),
        ]))
  }

  @Test func aNullElementReadsAsFalseAndATopLevelLeafAsItself() throws {
    #expect(try LayoutValueEncoder.value(of: [nil, "a"] as [String?]) == .array([.bool(false), .string("a")]))
    #expect(try LayoutValueEncoder.value(of: "text") == .string("text"))
    #expect(try LayoutValueEncoder.value(of: TemplateJSON(.null)) == .bool(false))
  }
}
