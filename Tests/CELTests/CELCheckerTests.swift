import CEL
import Testing

@Suite struct CELCheckerTests {
  static let declarations: [String: CELDeclaredType] = [
    "entity": .object(["kind": .string, "metadata": .object(["name": .string, "annotations": .map(.string)])]),
    "count": .int,
    "fact": .nullable(.dyn),
  ]

  func problems(_ source: String) -> [CELTypeProblem] {
    CELChecker(declarations: Self.declarations).problems(in: source)
  }

  @Test func wellTypedExpressionsHaveNoProblems() {
    #expect(problems("'x' in entity.metadata.annotations && entity.kind == 'Component'") == [])
    #expect(problems("entity.metadata.annotations.exists(k, k.startsWith('a'))") == [])
    #expect(problems("fact != null && fact.anything.goes > 2") == [])
    #expect(problems("count >= 2.5") == [])
  }

  @Test func anUnknownFieldIsLocatedWithTheKnownOnes() {
    #expect(
      problems("entity.metadata.nmae == 'x'") == [
        CELTypeProblem(
          kind: .unknownField(path: "entity.metadata", field: "nmae", known: ["annotations", "name"]), line: 1,
          column: 17)
      ])
  }

  @Test func selectionsOnScalarsMismatchedComparisonsAndNonBoolsAreProblems() {
    #expect(
      problems("entity.kind.name == 'x'") == [
        CELTypeProblem(kind: .selectOnScalar(path: "entity.kind.name", type: "string"), line: 1, column: 13)
      ])
    #expect(
      problems("entity.kind == 3") == [
        CELTypeProblem(kind: .mismatchedComparison("==", left: "string", right: "int"), line: 1, column: 1)
      ])
    #expect(problems("entity.metadata.name") == [CELTypeProblem(kind: .notBool("string"), line: 1, column: 1)])
    #expect(
      problems("size(entity.kind)\n  + 1") == [CELTypeProblem(kind: .notBool("int"), line: 1, column: 1)])
  }
}
