import CEL
import StructuredData
import Testing

@Suite struct CELValueJSONTests {
  @Test func jsonConvertsToCELValues() {
    let json: JSONValue = ["replicas": 3, "ratio": 0.5, "name": "api", "tags": ["a", nil], "on": true]
    let expected = CELValue.map(
      CELMap([
        "replicas": .int(3), "ratio": .double(0.5), "name": .string("api"), "tags": .list(["a", .null]),
        "on": .bool(true),
      ]))
    #expect(CELValue(json) == expected)
  }

  @Test func objectKeysIterateInSortedOrder() throws {
    let program = try CELProgram(source: "m.map(k, k)")
    #expect(program.evaluate(json: ["m": ["b": 1, "a": 2, "c": 3]]) == .list(["a", "b", "c"]))
  }

  @Test func celValuesConvertBackToJSON() throws {
    var map = CELMap()
    map.insert(.uint(7), for: .int(1))
    map.insert(.string("x"), for: .bool(true))
    #expect(CELValue.map(map).jsonValue == ["1": 7, "true": "x"])
    #expect(CELValue.timestamp(try #require(CELTimestamp(seconds: 1_234_567_890))).jsonValue == "2009-02-13T23:31:30Z")
    #expect(CELValue.duration(CELDuration(nanoseconds: 1_500_000_000)).jsonValue == "1.5s")
    #expect(CELValue.type(.int).jsonValue == "int")
    #expect(CELValue.double(2.5).jsonValue == .double(2.5))
  }

  @Test func valuesJSONCannotHoldConvertToNil() {
    #expect(CELValue.uint(.max).jsonValue == nil)
    #expect(CELValue.bytes([1]).jsonValue == nil)
    #expect(CELValue.error(CELEvaluationError("boom")).jsonValue == nil)
    #expect(CELValue.list([.int(1), .bytes([])]).jsonValue == nil)
  }

  @Test func integralJSONNumbersAreInts() throws {
    let program = try CELProgram(
      source: "entity.spec.replicas + 1 == 4 && type(entity.spec.replicas) == int && entity.spec.ratio > 0.1")
    #expect(program.evaluate(json: ["entity": ["spec": ["replicas": 3, "ratio": 0.25]]]) == .bool(true))
  }

  @Test func jsonEvaluationConvertsOnlyReferencedBindings() throws {
    let program = try CELProgram(source: "entity.kind == 'Component'")
    #expect(program.referencedNames == ["entity.kind", "entity"])
    #expect(program.evaluate(json: ["entity": ["kind": "Component"], "docs": ["big": [1, 2, 3]]]) == .bool(true))
  }
}
