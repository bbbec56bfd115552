import CEL
import StructuredData
import Testing

@Suite struct CELProgramTests {
  static let entity: JSONValue = [
    "metadata": [
      "name": "payments-api",
      "annotations": ["pagerduty.com/service-id": "P123"],
      "links": [["url": "https://wiki/runbook", "type": "runbook"]],
    ],
    "spec": ["lifecycle": "production", "owner": "team-a", "replicas": 3],
  ]

  @Test func typicalScorecardChecks() throws {
    let checks: [(String, CELValue)] = [
      ("'pagerduty.com/service-id' in entity.metadata.annotations", true),
      ("has(entity.metadata.annotations.`pagerduty.com/service-id`)", true),
      ("entity.spec.lifecycle == 'production' ? size(entity.metadata.links) > 0 : true", true),
      ("entity.metadata.links.exists(l, l.type == 'runbook')", true),
      ("entity.spec.replicas >= 2", true),
      ("has(entity.spec.system)", false),
      ("entity.?spec.?system.orValue('none') == 'none'", true),
      ("entity.spec.?owner.hasValue() && [?entity.?spec.?tier, ?entity.?spec.?owner] == ['team-a']", true),
      ("entity.metadata.name.matches('^[a-z-]+$')", true),
      ("entity.spec.owner.startsWith('team-') && entity.spec.owner.upperAscii() == 'TEAM-A'", true),
    ]
    for (source, expected) in checks {
      let program = try CELProgram(source: source)
      #expect(program.evaluate(json: ["entity": Self.entity]) == expected, "\(source)")
    }
  }

  @Test func timestampsFromBindings() throws {
    let now = try #require(CELTimestamp(rfc3339: "2026-11-29T12:00:00Z"))
    let program = try CELProgram(
      source: "now - timestamp(entity.lastDeploy) < duration('72h') && now.getDayOfWeek() == 0")
    let bindings: [String: CELValue] = [
      "now": .timestamp(now), "entity": .map(CELMap(["lastDeploy": "2026-11-27T09:30:00+01:00"])),
    ]
    #expect(program.evaluate(bindings) == .bool(true))
  }

  @Test func declaredVariablesCatchTyposAtCompileTime() throws {
    let options = CELOptions(declaredVariables: ["entity", "now"])
    #expect(
      try CELProgram(source: "entity.spec.owner != '' && now > now", options: options).referencedNames == [
        "entity", "now",
      ])
    do {
      _ = try CELProgram(source: "entity.kind == 'x' || entty.kind == 'y'", options: options)
      Issue.record("expected an undeclared reference error")
    } catch {
      #expect(error.message == "undeclared reference to 'entty.kind'")
      #expect(error.column == 23)
    }
    #expect(try CELProgram(source: "[1].all(x, x > 0) && type(1) == int", options: options).evaluate() == .bool(true))
  }

  @Test func macrosCanBeDisabled() throws {
    let program = try CELProgram(source: "[1, 2].exists(x, x > 1)", options: CELOptions(macrosEnabled: false))
    #expect(program.evaluate().evaluationError != nil)
  }

  @Test func containerQualifiesNames() throws {
    let program = try CELProgram(
      source: "y == 'qualified' && .y == 'root'", options: CELOptions(container: "com.example"))
    #expect(program.evaluate(["com.example.y": "qualified", "y": "root"]) == .bool(true))
  }

  @Test func activationCanBeSharedAcrossPrograms() throws {
    let activation = CELActivation(["entity": CELValue(Self.entity)])
    let owner = try CELProgram(source: "entity.spec.owner")
    let replicas = try CELProgram(source: "entity.spec.replicas * 2")
    #expect(owner.evaluate(activation) == .string("team-a"))
    #expect(replicas.evaluate(activation) == .int(6))
  }

  @Test func oneProgramEvaluatesConcurrentlyFromManyTasks() async throws {
    let program = try CELProgram(source: "xs.filter(x, x % 3 == 0).map(x, x * factor)")
    let results = await withTaskGroup(of: (Int, CELValue).self) { group in
      for factor in 0..<64 {
        group.addTask {
          let xs = CELValue.list((0..<30).map { CELValue.int($0) })
          return (factor, program.evaluate(["xs": xs, "factor": .int(Int64(factor))]))
        }
      }
      var collected: [Int: CELValue] = [:]
      for await (factor, value) in group { collected[factor] = value }
      return collected
    }
    #expect(results.count == 64)
    for (factor, value) in results {
      let expected = CELValue.list(stride(from: 0, to: 30, by: 3).map { CELValue.int(Int64($0 * factor)) })
      #expect(value == expected)
    }
  }

  @Test func deepestAllowedExpressionEvaluatesInATask() async throws {
    // Nesting just inside the limit must evaluate without exhausting a task's stack.
    let source =
      String(repeating: "[", count: 60) + "1" + String(repeating: "]", count: 60)
      + String(repeating: "[0]", count: 60) + String(repeating: " + 1", count: 7)
    let program = try await Task { try CELProgram(source: source) }.value
    let value = await Task { program.evaluate() }.value
    #expect(value == .int(8))
    let parentheses = String(repeating: "-(", count: 63) + "1" + String(repeating: ")", count: 63)
    #expect(try await Task { try CELProgram(source: parentheses).evaluate() }.value == .int(-1))
  }
}
