import CEL
import Testing

@Suite struct CELRegexTests {
  private func matches(_ text: String, _ pattern: String) throws -> CELValue {
    try CELProgram(source: "text.matches(pattern)").evaluate(["text": .string(text), "pattern": .string(pattern)])
  }

  @Test func matchingIsAnUnanchoredSearch() throws {
    #expect(try matches("hubba", "ubb") == .bool(true))
    #expect(try matches("hubba", "^ubb") == .bool(false))
    #expect(try matches("payments-api", "^[a-z]+(-[a-z]+)*$") == .bool(true))
    #expect(try matches("", "") == .bool(true))
  }

  @Test func re2NamedGroupsAreAccepted() throws {
    #expect(try matches("team-a", "(?P<prefix>team)-(?P<name>[a-z])") == .bool(true))
  }

  @Test func constructsOutsideRE2AreRefused() throws {
    let refusals: [(String, String)] = [
      ("(a)\\1", "a backreference"),
      ("a(?=b)", "lookahead or an atomic group"),
      ("a(?!b)", "lookahead or an atomic group"),
      ("(?<=a)b", "lookbehind"),
      ("(?>a)", "lookahead or an atomic group"),
      ("a*+", "a possessive quantifier"),
    ]
    for (pattern, construct) in refusals {
      let expected = CELEvaluationError("invalid regular expression '\(pattern)': \(construct) is not supported by RE2")
      #expect(try matches("ab", pattern) == .error(expected))
    }
    // Escaped and bracketed look-alikes are ordinary characters.
    #expect(try matches("a\\1", "a\\\\1") == .bool(true))
    #expect(try matches("(?=", "[(][?][=]") == .bool(true))
  }

  @Test func invalidConstantPatternIsACompileError() throws {
    do {
      _ = try CELProgram(source: "name.matches('[a-')")
      Issue.record("expected a compile error")
    } catch {
      #expect(error.message == "invalid regular expression '[a-': missing closing ]")
      #expect(error.column == 6)
    }
  }

  @Test func invalidDynamicPatternIsAnEvaluationError() throws {
    #expect(try matches("x", "(") == .error(CELEvaluationError("invalid regular expression '(': missing closing )")))
  }

  /// `(x+x+)+y` backtracked for seconds on 30 characters; the linear engine's steps are charged
  /// to the evaluation budget, so even a long text stops with the budget error.
  @Test func matchingIsChargedToTheStepBudget() throws {
    let text = CELValue.string(String(repeating: "x", count: 30))
    let options = CELOptions(maxSteps: 20)
    let budget = CELEvaluationError("evaluation cost limit exceeded (20 steps)", isBudgetExhaustion: true)
    #expect(
      try CELProgram(source: "text.matches('(x+x+)+y')", options: options).evaluate(["text": text]) == .error(budget))
    let dynamic = try CELProgram(source: "text.matches(pattern)", options: options)
    #expect(try dynamic.evaluate(["text": text, "pattern": .string("(x+x+)+y")]) == .error(budget))
    #expect(try CELProgram(source: "text.matches('(x+x+)+y')").evaluate(["text": text]) == .bool(false))
    let long = CELValue.string(String(repeating: "x", count: 1_000_000))
    #expect(
      try CELProgram(source: "text.matches('(x+x+)+y')").evaluate(["text": long])
        == .error(CELEvaluationError("evaluation cost limit exceeded (1000000 steps)", isBudgetExhaustion: true)))
  }

  @Test func globalAndReceiverStylesAgree() throws {
    #expect(try CELProgram(source: "matches('abc', 'b') && 'abc'.matches('c$')").evaluate() == .bool(true))
  }
}

@Suite struct CELRegexCompileTests {
  @Test func constantPatternOutsideRE2IsACompileErrorWithTheReason() throws {
    do {
      _ = try CELProgram(source: "\n  name.matches('(a)\\\\1')")
      Issue.record("expected a compile error")
    } catch {
      #expect(error.message == "invalid regular expression '(a)\\1': a backreference is not supported by RE2")
      #expect(error.line == 2)
      #expect(error.column == 8)
    }
  }
}
