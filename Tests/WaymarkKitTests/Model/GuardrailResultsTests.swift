import StructuredData
import Testing
import WaymarkModel

/// The same check reported by several inputs counts once per entity: the input that reports it
/// most often is kept (on a tie, the one whose path sorts first); lists come out sorted.
@Suite struct PolicyResultsTests {
  let ref = EntityRef(kind: "Component", name: "pay")

  func finding(_ rule: String, tool: String = "checkov", line: Int?, input: String, at inputLine: Int, count: Int = 1)
    -> GuardrailFinding
  {
    GuardrailFinding(
      tool: tool, ruleId: rule, result: .fail, severity: .high, message: "\(rule) in \(input)", file: "main.tf",
      line: line,
      input: SourceLocation(path: input, line: inputLine, column: 1), count: count)
  }

  @Test func theInputReportingACheckMostOftenIsKeptAndTiesGoToTheFirstPath() {
    let mapped = [
      // CKV_1 at line 3: twice in b.json, once in a.sarif (tool names compared in any case).
      finding("CKV_1", tool: "Checkov", line: 3, input: "a.sarif", at: 10),
      finding("CKV_1", line: 3, input: "b.json", at: 5),
      finding("CKV_1", line: 3, input: "b.json", at: 6),
      // CKV_2 at line 7: once in c.json and once in a.sarif: a.sarif sorts first.
      finding("CKV_2", line: 7, input: "c.json", at: 1),
      finding("CKV_2", line: 7, input: "a.sarif", at: 11),
      // CKV_3: only in c.json, counted 4 times by one finding.
      finding("CKV_3", line: nil, input: "c.json", at: 2, count: 4),
    ]
    let results = GuardrailResults(mapped: mapped.map { (ref, $0) }, unmapped: [], inputs: [])
    #expect(
      results.findingsByEntity[ref]?.map { "\($0.ruleId)@\($0.input.path):\($0.input.line)" }
        == ["CKV_2@a.sarif:11", "CKV_1@b.json:5", "CKV_1@b.json:6", "CKV_3@c.json:2"])
    #expect(results.fact(for: ref)["results"]?["fail"] == .int(7))
  }

  @Test func unmappedFindingsOutOfOrderAreSorted() {
    let unmapped = [
      finding("R2", line: 1, input: "b.json", at: 1), finding("R1", line: 1, input: "a.sarif", at: 9),
      finding("R0", line: 1, input: "a.sarif", at: 2),
    ]
    let results = GuardrailResults(mapped: [], unmapped: unmapped, inputs: [])
    #expect(results.unmapped.map(\.ruleId) == ["R0", "R1", "R2"])
  }
}
