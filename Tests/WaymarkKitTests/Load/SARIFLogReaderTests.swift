import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// The member-by-member SARIF path (`SARIFLogReader`) must give exactly what the whole-tree path
/// gives (`GuardrailResultLoader.parseJSONTree`): the same findings, positions and diagnostics.
@Suite struct SARIFLogReaderTests {
  func expectSameAsWholeTree(_ file: SourceFile, read: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  {
    #expect(
      (SARIFLogReader.read(file.bytes, path: file.path) != nil) == read, "\(file.path)", sourceLocation: sourceLocation)
    #expect(
      GuardrailResultLoader.parse(file) == GuardrailResultLoader.parseJSONTree(file), "\(file.path)",
      sourceLocation: sourceLocation)
  }

  func inline(_ text: String) -> SourceFile {
    SourceFile(path: "r.sarif", bytes: Array(text.utf8))
  }

  @Test func everyConformanceJSONFileGivesTheSameResultsBothWays() throws {
    var read = 0
    for (path, file) in try PolicyConformanceTests.conformanceFiles() {
      let start = GuardrailResultLoader.firstContentByte(file.bytes)
      guard start == UInt8(ascii: "{") || start == UInt8(ascii: "[") else { continue }
      if SARIFLogReader.read(file.bytes, path: file.path) != nil { read += 1 }
      #expect(GuardrailResultLoader.parse(file) == GuardrailResultLoader.parseJSONTree(file), "\(path)")
    }
    // Every SARIF 2.1.0 log (the SARIF samples, checkov's and conftest's) is read member by
    // member; the 2.0.0 sample is left to the whole-tree path, which reports it.
    #expect(read == 20)
  }

  @Test func theDemoSiteResultsGiveTheSameResultsBothWays() throws {
    let base = TestPaths.repositoryRoot.appendingPathComponent("content/policy-results")
    let walker = try #require(FileManager.default.enumerator(atPath: base.path))
    var sarif = 0
    for case let relative as String in walker where relative.hasSuffix(".sarif") {
      guard case .success(let file) = SourceFile.read(relative, under: base) else { continue }
      expectSameAsWholeTree(file, read: true)
      sarif += 1
    }
    #expect(sarif > 0)
  }

  @Test func unusualResultsGiveTheSameFindings() {
    let log = #"""
      {"version": "2.1.0", "runs": [{"results": [
        "not an object",
        {"ruleId": "A", "message": {"text": "first"}, "message": "replaced", "locations": [{"physicalLocation":
          {"artifactLocation": {"uri": "x.tf"}, "region": {"startLine": 3}}}]},
        {"ruleId": "B", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "y.tf"}, "artifactLocation": 5}}]},
        {"ruleId": "C", "locations": [7, {"physicalLocation": {"artifactLocation": {"uri": "z.tf"}}}]},
        {"ruleId": "D", "locations": [{"physicalLocation": {"artifactLocation": {"index": 0}}}],
         "message": {"id": "m", "arguments": ["a", 2]}, "rule": {"index": 0}},
        {"rule\u0049d": "E", "baselineState": "absent"},
        {"ruleId": "F", "kind": "pass", "suppressions": [{"status": "accepted"}], "properties": {"severity": "low"}}
      ], "tool": {"driver": {"name": "t", "rules": [{"id": "D", "messageStrings": {"m": {"text": "{0}-{1}"}}}]}},
      "artifacts": [{"location": {"uri": "b/c.tf", "uriBaseId": "S"}}],
      "originalUriBaseIds": {"S": {"uri": "src/"}}},
      {"results": [{"ruleId": "X"}], "tool": {"driver": {"name": "u", "rules": [{"id": "R"}]}},
       "results": [{"ruleId": "G"}, {"ruleId": "H", "ruleIndex": 0}]}]}
      """#
    expectSameAsWholeTree(inline(log), read: true)
  }

  /// Results are converted as they are read, before the URI bases, artifacts and properties
  /// that tools often write after them; those are applied when the run ends.
  @Test func membersAfterTheResultsStillApply() {
    let log = #"""
      {"runs": [{"tool": {"driver": {"name": "t", "rules": [{"id": "A"}]}}, "results": [
        {"ruleId": "A", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "x.tf", "uriBaseId": "S"}}}]},
        {"ruleId": "A", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "y.tf", "uriBaseId": "R"}}}]},
        {"ruleId": "A", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///w/a/z.tf"}}}]},
        {"ruleId": "A", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "./q/../p%20q.tf"}}}]},
        {"ruleId": "A", "locations": [{"physicalLocation": {"artifactLocation": {"index": 0}}}]},
        {"ruleId": "A", "properties": {"waymark.dev/entity": "component:own"}},
        {"ruleId": "A", "baselineState": "absent"}
      ], "originalUriBaseIds": {"S": {"uri": "src/"}, "R": {"uri": "file:///w/a/"}},
      "artifacts": [{"location": {"uri": "b/c.tf", "uriBaseId": "S"}}],
      "properties": {"waymark.dev/entity": "component:run"}},
      {"tool": {"driver": {"name": "u"}}, "originalUriBaseIds": {"S": {"uri": "lib/"}},
       "results": [{"ruleId": "B", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "x.tf", "uriBaseId": "S"}}}]}]}],
       "version": "2.1.0"}
      """#
    expectSameAsWholeTree(inline(log), read: true)
    let findings = GuardrailResultLoader.parse(inline(log)).findings
    #expect(findings.map(\.file) == ["src/x.tf", "y.tf", "z.tf", "p q.tf", "src/b/c.tf", nil, "lib/x.tf"])
    #expect(findings.map(\.entityRef) == Array(repeating: "component:run", count: 5) + ["component:own", nil])
    #expect(findings.map(\.input.line) == [2, 3, 4, 5, 6, 7, 13])
  }

  @Test(arguments: [
    #"{"version": "2.0.0", "runs": []}"#, #"{"version": "2.1.0", "runs": [{"tool": {}}]}"#,
    #"{"version": "2.1.0", "runs": [3]}"#,
    #"{"version": "2.1.0", "runs": {}}"#, #"{"version": "2.1.0", "runs": [], "runs": []}"#, #"{"version": "2.1.0"}"#,
    #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [1 2]}]}"#,
    #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": []}]"#, "[]",
    #"{"check_type": "x"}"#,
    // A member repeated after the results were converted: the whole tree keeps the last copy.
    #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "u"}}, "results": [{"ruleId": "G"}], "tool": {"driver": {"name": "v"}}}]}"#,
    #"{"version": "2.1.0", "runs": [{"properties": {}, "tool": {"driver": {"name": "u"}}, "results": [{"ruleId": "G"}], "properties": {"waymark.dev/entity": "x"}}]}"#,
  ])
  func logsTheReaderDeclinesTakeTheWholeTreePath(_ text: String) {
    expectSameAsWholeTree(inline(text), read: false)
  }
}
