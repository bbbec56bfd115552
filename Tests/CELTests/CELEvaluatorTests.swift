import CEL
import Testing

@Suite struct CELEvaluatorTests {
  @Test func stepLimitTurnsIntoAnErrorValue() throws {
    let program = try CELProgram(source: "[1, 2, 3].map(x, x * 2)", options: CELOptions(maxSteps: 5))
    #expect(
      program.evaluate()
        == .error(CELEvaluationError("evaluation cost limit exceeded (5 steps)", isBudgetExhaustion: true)))
    let roomy = try CELProgram(source: "[1, 2, 3].map(x, x * 2)", options: CELOptions(maxSteps: 100))
    #expect(roomy.evaluate() == .list([2, 4, 6]))
  }

  @Test func iterationLimitStopsNestedComprehensions() throws {
    let source = "range.all(a, range.all(b, range.all(c, a + b + c >= 0)))"
    let range = CELValue.list((0..<100).map { CELValue.int($0) })
    let options = CELOptions(maxSteps: .max, maxComprehensionIterations: 10_000)
    let program = try CELProgram(source: source, options: options)
    let result = program.evaluate(["range": range])
    #expect(
      result
        == .error(
          CELEvaluationError("comprehension iteration limit exceeded (10000 iterations)", isBudgetExhaustion: true)))
  }

  @Test func budgetErrorsAreNotAbsorbedByLogicalOperators() throws {
    let options = CELOptions(maxSteps: 50)
    let program = try CELProgram(source: "true || xs.exists(x, x > 100)", options: options)
    #expect(program.evaluate(["xs": .list(Array(repeating: 1, count: 100))]) == .bool(true))
    let absorbing = try CELProgram(source: "xs.exists(x, x > 100) || true", options: options)
    #expect(
      absorbing.evaluate(["xs": .list(Array(repeating: 1, count: 100))])
        == .error(CELEvaluationError("evaluation cost limit exceeded (50 steps)", isBudgetExhaustion: true)))
  }

  /// Only the budget marks an error as exhaustion: the scorecards' `policy.cel-limit` warning reads the flag.
  @Test func dataErrorsAreNotBudgetExhaustion() throws {
    let program = try CELProgram(source: "entity.missing == 1 || 1 / zero == 1")
    guard case .error(let error) = program.evaluate(["entity": .map(CELMap()), "zero": .int(0)]) else {
      Issue.record("expected an error value")
      return
    }
    #expect(!error.isBudgetExhaustion)
  }

  @Test func eachEvaluationGetsAFreshBudget() throws {
    let program = try CELProgram(source: "xs.all(x, x > 0)", options: CELOptions(maxComprehensionIterations: 3))
    for _ in 0..<3 {
      #expect(program.evaluate(["xs": [1, 2, 3]]) == .bool(true))
    }
    #expect(program.evaluate(["xs": [1, 2, 3, 4]]).evaluationError != nil)
  }

  @Test func logicalOperatorsAbsorbErrorsCommutatively() throws {
    #expect(try CELProgram(source: "1 / 0 == 1 || true").evaluate() == .bool(true))
    #expect(try CELProgram(source: "false && 1 / 0 == 1").evaluate() == .bool(false))
    #expect(try CELProgram(source: "1 / 0 == 1 && false").evaluate() == .bool(false))
    #expect(try CELProgram(source: "1 / 0 == 1 && true").evaluate() == .error(CELEvaluationError("division by zero")))
    #expect(
      try CELProgram(source: "'a' && 'b'").evaluate()
        == .error(CELEvaluationError("no matching overload for '_&&_' applied to (string, string)")))
  }

  @Test func unknownsPropagateAndWinOverErrors() throws {
    let unknown = CELValue.unknown(CELUnknown(names: ["entity"]))
    let program = try CELProgram(source: "entity.spec.replicas > 1 || 1 / 0 == 0")
    #expect(program.evaluate(["entity": unknown]) == unknown)
    let decided = try CELProgram(source: "entity.spec.replicas > 1 || true")
    #expect(decided.evaluate(["entity": unknown]) == .bool(true))
    let both = try CELProgram(source: "a + b")
    #expect(
      both.evaluate(["a": .unknown(CELUnknown(names: ["a"])), "b": .unknown(CELUnknown(names: ["b"]))])
        == .unknown(CELUnknown(names: ["a", "b"])))
  }

  @Test func runtimeErrorMessages() throws {
    let entity = CELValue.map(CELMap(["spec": .map(CELMap(["owner": "team-a"]))]))
    func evaluate(_ source: String) throws -> CELValue {
      try CELProgram(source: source).evaluate(["entity": entity])
    }
    #expect(try evaluate("entity.spec.lifecycle") == .error(CELEvaluationError("no such key: 'lifecycle'")))
    #expect(try evaluate("missing") == .error(CELEvaluationError("undeclared reference to 'missing'")))
    #expect(try evaluate("[1][3]") == .error(CELEvaluationError("index out of range: 3 (list of size 1)")))
    #expect(try evaluate("9223372036854775807 + 1") == .error(CELEvaluationError("integer overflow")))
    #expect(
      try evaluate("1 + 1u") == .error(CELEvaluationError("no matching overload for '_+_' applied to (int, uint)")))
    #expect(try evaluate("f(1)") == .error(CELEvaluationError("no such function: 'f' with 1 argument(s)")))
    #expect(
      try evaluate("entity.spec.owner.name")
        == .error(CELEvaluationError("type 'string' does not support field selection")))
    #expect(try evaluate("{1: 1, 1u: 2}") == .error(CELEvaluationError("repeated key 1u in map literal")))
  }

  @Test func heterogeneousNumbersCompareAcrossKinds() throws {
    #expect(try CELProgram(source: "1 == 1.0 && 1u == 1 && 2u > 1.5 && -1 < 0u").evaluate() == .bool(true))
    #expect(try CELProgram(source: "3.0 in [1, 2, 3]").evaluate() == .bool(true))
    #expect(try CELProgram(source: "{1u: 'a'}[1]").evaluate() == .string("a"))
    #expect(try CELProgram(source: "1 == 'a'").evaluate() == .bool(false))
  }

  @Test func comprehensionsOverMapsRangeOverKeys() throws {
    let program = try CELProgram(source: "m.filter(k, m[k] > 1).map(k, k + '!')")
    let map = CELValue.map(CELMap(["a": 1, "b": 2, "c": 3]))
    #expect(program.evaluate(["m": map]) == .list(["b!", "c!"]))
    #expect(try CELProgram(source: "[1, 2, 3].map(x, x > 1, x * 10)").evaluate() == .list([20, 30]))
    #expect(try CELProgram(source: "[1, 2, 3].exists_one(x, x == 2)").evaluate() == .bool(true))
  }

  @Test func stringFunctionsCountCodePoints() throws {
    #expect(try CELProgram(source: "size('πέντε')").evaluate() == .int(5))
    #expect(try CELProgram(source: "'e\\u0301'.startsWith('e')").evaluate() == .bool(true))
    #expect(try CELProgram(source: "'e\\u0301' == '\\u00e9'").evaluate() == .bool(false))
    #expect(try CELProgram(source: "'ta©o'.indexOf('o')").evaluate() == .int(3))
  }
}

@Suite struct CELEvaluatorSizeCostTests {
  @Test func growingValuesAreChargedBySize() throws {
    // Each bind doubles the string: without a size charge this would try to build 2^63 bytes.
    var nested = "size(s59)"
    for level in (0..<60).reversed() {
      let previous = level == 0 ? "s" : "s\(level - 1)"
      nested = "cel.bind(s\(level), \(previous) + \(previous), \(nested))"
    }
    let program = try CELProgram(source: nested)
    #expect(
      program.evaluate(["s": "abcdefgh"])
        == .error(CELEvaluationError("evaluation cost limit exceeded (1000000 steps)", isBudgetExhaustion: true)))
    let small = try CELProgram(source: "cel.bind(a, s + s, cel.bind(b, a + a, size(b)))")
    #expect(small.evaluate(["s": "abcdefgh"]) == .int(32))
  }
}

@Suite struct CELStringsExtensionLimitTests {
  @Test func replaceRefusesMultiplicativeGrowth() throws {
    let text = String(repeating: "a", count: 10_000)
    let program = try CELProgram(source: "s.replace('a', s)")
    #expect(
      program.evaluate(["s": .string(text)])
        == .error(CELEvaluationError("replace: result longer than 16777216 code points")))
    #expect(try CELProgram(source: "'banana'.replace('a', 'oo')").evaluate() == .string("boonoonoo"))
  }
}
