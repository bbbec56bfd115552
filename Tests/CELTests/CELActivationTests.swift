import CEL
import StructuredData
import Testing

@Suite struct CELActivationTests {
  @Test func manyBindingsAreFoundByHashing() throws {
    var values: [String: CELValue] = [:]
    for index in 0..<20 { values["v\(index)"] = .int(Int64(index)) }
    let program = try CELProgram(source: "v0 + v7 + v19")
    #expect(program.evaluate(CELActivation(values)) == .int(26))
  }

  @Test func qualifiedBindingsWinOverFieldSelection() throws {
    let program = try CELProgram(source: "a.b.c")
    let map = CELValue.map(CELMap(["c": "field"]))
    #expect(program.evaluate(["a.b": map]) == .string("field"))
    #expect(program.evaluate(["a.b": map, "a.b.c": "qualified"]) == .string("qualified"))
    #expect(program.evaluate(["a": .map(CELMap(["b": map]))]) == .string("field"))
  }

  @Test func jsonBindingsConvertOnce() throws {
    let activation = CELActivation(json: ["entity": ["spec": ["replicas": 3]], "now": "2026-01-01T00:00:00Z"])
    #expect(try CELProgram(source: "entity.spec.replicas").evaluate(activation) == .int(3))
    #expect(try CELProgram(source: "timestamp(now).getFullYear()").evaluate(activation) == .int(2026))
  }

  @Test func valuesAreKeptAsGiven() {
    let activation = CELActivation(["x": 1, "y": "two"])
    #expect(activation.values == ["x": 1, "y": "two"])
  }
}
