import Testing

@testable import CEL

/// The machine's cost is linear: patterns that make a backtracking engine take exponential time
/// are counted in steps, which stay within a small multiple of text length × program size.
@Suite struct CELRegexMachineTests {
  /// The bound every run keeps: each state entered and each scalar tested at most once per position.
  private func bound(_ regex: CELRegex, _ text: String) -> Int {
    2 * (text.unicodeScalars.count + 1) * regex.program.instructions.count
  }

  @Test(arguments: [
    ("(x+x+)+y", String(repeating: "x", count: 40)),
    ("(x+x+)+y", String(repeating: "x", count: 20_000)),
    ("(a|a)*b", String(repeating: "a", count: 20_000)),
    ("(a*)*b", String(repeating: "a", count: 20_000)),
    ("(a|aa)+$x", String(repeating: "a", count: 20_000)),
    ("^(\\w+\\s?)*$", String(repeating: "word ", count: 4_000) + "!"),
  ])
  func pathologicalPatternsCostLinearSteps(_ pattern: String, _ text: String) throws {
    let regex = try CELRegex(pattern)
    let outcome = regex.run(text, wholeText: false)
    #expect(outcome.matched == false)
    #expect(outcome.steps <= bound(regex, text))
    // Twice the text costs at most twice the steps (and a little more for the end).
    let doubled = regex.run(text + text, wholeText: false)
    #expect(doubled.steps <= 2 * outcome.steps + 2 * regex.program.instructions.count)
  }

  @Test func theSecretAllowPatternAttackIsLinear() throws {
    let regex = try CELRegex("ghp_(a|a)*b")
    let text = "ghp_" + String(repeating: "a", count: 36)
    let outcome = regex.run(text, wholeText: true)
    #expect(outcome.matched == false)
    #expect(outcome.steps <= bound(regex, text))
    #expect(regex.wholeMatches("ghp_aaab"))
    #expect(!regex.wholeMatches("xghp_aaab"))
    #expect(!regex.wholeMatches("ghp_aaabx"))
  }

  @Test func aRunStopsAtItsStepLimit() throws {
    let regex = try CELRegex("(x+x+)+y")
    let outcome = regex.run(String(repeating: "x", count: 10_000), wholeText: false, stepLimit: 500)
    #expect(outcome.matched == nil)
    // The limit is checked once per scalar: at most one scalar's worth of steps past it.
    #expect(outcome.steps > 500 && outcome.steps <= 500 + 3 * regex.program.instructions.count)
  }

  @Test func anAnchoredPatternStopsWhenNoStateIsLeft() throws {
    let regex = try CELRegex("^ab")
    #expect(regex.program.isAnchoredAtStart)
    let outcome = regex.run("ac" + String(repeating: "x", count: 10_000), wholeText: false)
    #expect(outcome.matched == false)
    #expect(outcome.steps < 10)
  }

  @Test func countedRepetitionsAreWrittenOut() throws {
    #expect(try CELRegex("a{3}").program.instructions == [.scalar("a"), .scalar("a"), .scalar("a"), .match])
    #expect(
      try CELRegex("a{1,2}").program.instructions == [.scalar("a"), .split(2, 3), .scalar("a"), .match])
    #expect(try CELRegex("a{2,}").program.instructions == [.scalar("a"), .scalar("a"), .split(1, 3), .match])
    #expect(try CELRegex("a*").program.instructions == [.split(1, 3), .scalar("a"), .jump(0), .match])
    #expect(
      try CELRegex("a|b|c").program.instructions == [
        .split(1, 3), .scalar("a"), .jump(7), .split(4, 6), .scalar("b"), .jump(7), .scalar("c"), .match,
      ])
  }
}
