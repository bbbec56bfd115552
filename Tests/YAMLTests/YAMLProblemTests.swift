import StructuredData
import Testing

@testable import YAML

@Suite struct YAMLProblemTests {
  @Test func descriptionAndFormatting() {
    let problem = YAMLProblem(code: .syntax, message: "bad", position: SourcePosition(line: 3, column: 7))
    #expect(problem.description == "3:7: error: bad [yaml.syntax]")
    #expect(problem.formatted(path: "catalog/a.yaml") == "catalog/a.yaml:3:7: error: bad [yaml.syntax]")
    let warning = YAMLProblem(
      severity: .warning, code: .unknownTag, message: "t", position: SourcePosition(line: 1, column: 1))
    #expect(warning.description == "1:1: warning: t [yaml.unknown-tag]")
  }

  @Test func streamHasErrorsOnlyForErrors() {
    let warning = YAMLProblem(
      severity: .warning, code: .unknownTag, message: "t", position: SourcePosition(line: 1, column: 1))
    #expect(!YAMLStream(documents: [], problems: [warning]).hasErrors)
    #expect(
      YAMLStream(
        documents: [],
        problems: [warning, YAMLProblem(code: .syntax, message: "x", position: SourcePosition(line: 1, column: 1))]
      ).hasErrors)
    #expect(YAMLStream(documents: [], problems: []).documentCount == 0)
  }
}
