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
      #expect(error.message == "invalid regular expression '[a-'")
      #expect(error.column == 6)
    }
  }

  @Test func invalidDynamicPatternIsAnEvaluationError() throws {
    #expect(try matches("x", "(") == .error(CELEvaluationError("invalid regular expression '('")))
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
