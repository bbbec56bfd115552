import CEL
import Testing

@Suite struct CELParserTests {
  private func compileError(_ source: String, options: CELOptions = .init()) -> CELError? {
    do {
      _ = try CELProgram(source: source, options: options)
      return nil
    } catch {
      return error
    }
  }

  @Test func unexpectedTokenReportsLineColumnAndCaret() throws {
    let source = "entity.spec.lifecycle == 'production' &&\n  size(entity.metadata.links) > )"
    let error = try #require(compileError(source))
    #expect(error.line == 2)
    #expect(error.column == 33)
    #expect(error.message == "unexpected ')'; expected an expression")
    #expect(error.description == "2:33: error: unexpected ')'; expected an expression")
    #expect(
      error.renderedWithCaret(source: source)
        == "2:33: error: unexpected ')'; expected an expression\n  size(entity.metadata.links) > )\n                                ^"
    )
  }

  @Test func caretKeepsTabsAndCountsCodePoints() throws {
    let source = "\t'πέντε' + )"
    let error = try #require(compileError(source))
    #expect(error.line == 1)
    #expect(error.column == 12)
    #expect(error.renderedWithCaret(source: source).hasSuffix("\n\t'πέντε' + )\n\t          ^"))
  }

  @Test func unclosedParenthesisPointsAtEnd() throws {
    let error = try #require(compileError("size(x"))
    #expect(error.column == 7)
    #expect(error.message == "unexpected end of input; expected ',' or ')' in the list")
  }

  @Test func trailingTokensAreRejected() throws {
    let error = try #require(compileError("1 + 2 3"))
    #expect(error.column == 7)
    #expect(error.message == "unexpected '3'; after the end of the expression")
  }

  @Test func hasRequiresAFieldSelection() throws {
    let error = try #require(compileError("has(entity.metadata.annotations['pagerduty.com/service-id'])"))
    #expect(error.column == 1)
    #expect(error.message == "has() argument must be a field selection, such as has(a.b)")
  }

  @Test func macroVariableMustBeASimpleName() throws {
    let error = try #require(compileError("[1].all(x.y, true)"))
    #expect(error.message == "all() expects a simple variable name as its first argument")
    #expect(error.column == 5)
  }

  @Test func reservedWordsAreNotNames() throws {
    #expect(compileError("if")?.message == "'if' is a reserved word and cannot be used as a name")
    #expect(compileError("while(1)")?.message == "'while' is a reserved word and cannot be used as a name")
    // …but they may follow a dot.
    #expect(try CELProgram(source: "{'if': 1}.if").evaluate() == .int(1))
  }

  @Test func deepNestingIsAnErrorNotACrash() throws {
    let depth = 10_000
    let cases = [
      String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth),
      String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth),
      String(repeating: "-", count: depth) + "1",
      String(repeating: "!", count: depth) + "true",
      Array(repeating: "1", count: depth).joined(separator: " + "),
      Array(repeating: "true", count: depth).joined(separator: " || "),
      "a" + String(repeating: ".b", count: depth),
      String(repeating: "f(", count: depth) + String(repeating: ")", count: depth),
      String(repeating: "true ? 1 : ", count: depth) + "0",
    ]
    for source in cases {
      let error = try #require(compileError(source))
      #expect(error.message == "expression nests too deeply (limit 128)")
    }
  }

  @Test func blockEntriesCountAgainstTheNestingLimit() throws {
    let entries = (0..<200).map { $0 == 0 ? "1" : "cel.index(\($0 - 1)) + 1" }.joined(separator: ", ")
    let error = try #require(compileError("cel.block([\(entries)], cel.index(199))"))
    #expect(error.message == "cel.block() has more entries than the nesting limit (128)")
    let small = (0..<100).map { $0 == 0 ? "1" : "cel.index(\($0 - 1)) + 1" }.joined(separator: ", ")
    #expect(try CELProgram(source: "cel.block([\(small)], cel.index(99))").evaluate() == .int(100))
  }

  @Test func nestingLimitIsConfigurable() throws {
    let source = String(repeating: "(", count: 20) + "7" + String(repeating: ")", count: 20)
    #expect(try CELProgram(source: source).evaluate() == .int(7))
    let error = try #require(compileError(source, options: CELOptions(maxNestingDepth: 10)))
    #expect(error.message == "expression nests too deeply (limit 10)")
    #expect(error.line == 1)
    #expect(error.column == 11)
  }

  @Test func precedenceFollowsTheLanguageDefinition() throws {
    #expect(try CELProgram(source: "1 + 2 * 3 - 4 / 2").evaluate() == .int(5))
    #expect(try CELProgram(source: "1 < 2 == true").evaluate() == .bool(true))
    #expect(try CELProgram(source: "true || false && false").evaluate() == .bool(true))
    #expect(try CELProgram(source: "false ? 1 : true ? 2 : 3").evaluate() == .int(2))
    #expect(try CELProgram(source: "-2 * -3").evaluate() == .int(6))
    #expect(try CELProgram(source: "!true || true").evaluate() == .bool(true))
    #expect(try CELProgram(source: "10 - 3 - 2").evaluate() == .int(5))
    #expect(try CELProgram(source: "[1, 2, 3,][1]").evaluate() == .int(2))
    #expect(try CELProgram(source: "{'a': 1,}.a").evaluate() == .int(1))
  }

  @Test func commentsAndWhitespaceAreSkipped() throws {
    let source = "// leading comment\n1 +\t// trailing\r\n  2"
    #expect(try CELProgram(source: source).evaluate() == .int(3))
  }

  @Test func backquotedFieldNames() throws {
    let program = try CELProgram(source: "has(m.`pagerduty.com/service-id`) && m.`content-type` == 'json'")
    let map = CELValue.map(CELMap(["pagerduty.com/service-id": "P1", "content-type": "json"]))
    #expect(program.evaluate(["m": map]) == .bool(true))
  }

  @Test func messageConstructionIsRefusedWithPosition() throws {
    let error = try #require(compileError("1 + google.protobuf.Int32Value{value: 1}"))
    #expect(
      error.message
        == "message construction 'google.protobuf.Int32Value{…}' is not supported: no protobuf types are known")
    #expect(error.column == 21)
  }
}
