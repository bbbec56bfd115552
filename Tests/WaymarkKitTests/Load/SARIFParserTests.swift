import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// The SARIF consumer rules, each on the conformance sample that exercises it or inline.
@Suite struct SARIFParserTests {
  func sample(_ path: String) throws -> ParsedGuardrailFile? {
    let base = try TestPaths.conformanceSuite("policy-results").appendingPathComponent("sarif")
    guard case .success(let file) = SourceFile.read(path, under: base) else {
      Issue.record("cannot read \(path)")
      return nil
    }
    return GuardrailResultLoader.parse(file)
  }

  func inline(_ text: String, path: String = "r.sarif") -> ParsedGuardrailFile {
    GuardrailResultLoader.parse(SourceFile(path: path, bytes: Array(text.utf8)))
  }

  @Test func messageTemplatesTakeTheirArguments() throws {
    let parsed = try #require(try sample("sarif-tutorials/message-with-arguments.sarif"))
    #expect(parsed.findings.map(\.message) == ["Variable 'x' was used without being initialized."])
  }

  @Test func messageIdsComeFromTheRule() throws {
    let parsed = try #require(try sample("sarif-tutorials/message-from-metadata.sarif"))
    #expect(parsed.findings.map(\.message) == ["This is the message text. It might be very long."])
    // No level on the result and no default on the rule: `warning`, a failure of medium severity.
    #expect(parsed.findings.map(\.result) == [.fail])
    #expect(parsed.findings.map(\.severity) == [.medium])
  }

  @Test func withNoLevelAnywhereAFailureIsAWarningAndOtherKindsAreNone() {
    let parsed = inline(
      """
      {"version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "lint", "rules": [{"id": "R1"}, {"id": "R2", "defaultConfiguration": {"level": "note"}}]}},
        "results": [
          {"ruleId": "R1", "message": {"text": "no level, no default"}},
          {"ruleId": "UNKNOWN", "message": {"text": "no rule at all"}},
          {"ruleId": "R2", "message": {"text": "the rule's default"}},
          {"ruleId": "R1", "kind": "open", "message": {"text": "open: level none"}},
          {"ruleId": "R1", "kind": "notApplicable", "message": {"text": "not applicable"}}
        ]}]}
      """)
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.findings.map(\.result) == [.fail, .fail, .warn, .warn, .skip])
    #expect(parsed.findings.map(\.severity) == [.medium, .medium, .low, .info, .info])
  }

  @Test func levelFallsBackToTheRuleDefaultAndAMismatchedRuleIdIsReported() throws {
    let parsed = try #require(try sample("sarif-tutorials/DefaultRuleConfiguration.sarif"))
    // Both results' ruleIds disagree with the rules their ruleIndex points at: shown as written,
    // with the indexed rule's default level (error → high, warning → medium).
    #expect(parsed.findings.map(\.ruleId) == ["TUT1001", "TUT1002"])
    #expect(parsed.diagnostics.map(\.code) == [.policySARIFRuleMismatch, .policySARIFRuleMismatch])
    #expect(parsed.findings.map(\.result) == [.fail, .fail])
    #expect(parsed.findings.map(\.severity) == [.high, .medium])
    // Absolute URIs outside any base stay as written.
    #expect(
      parsed.findings.map(\.file) == ["file:///C:/code/myProject/io/kb.c", "file:///C:/code/myProject/io/file.c"])
  }

  @Test func suppressionsCountOnlyWhenNoneIsUnderReviewOrRejected() throws {
    let parsed = try #require(try sample("sarif-tutorials/Suppressions.sarif"))
    let suppressed = parsed.findings.filter(\.suppressed)
    #expect(suppressed.allSatisfy { $0.result == .skip })
    #expect(suppressed.count == 3)
    #expect(parsed.findings.count == 9)
  }

  @Test func absentBaselineResultsAreNotCountedButNoted() throws {
    let parsed = try #require(try sample("sarif-tutorials/Baseline.sarif"))
    #expect(parsed.diagnostics.map(\.code) == [.policySARIFAbsent])
    #expect(parsed.diagnostics.first?.severity == .note)
  }

  @Test func uriBaseIdsResolveToRootRelativePaths() throws {
    let parsed = try #require(try sample("sarif-tutorials/OriginalUriBaseIds.sarif"))
    // REPOROOT has no URI (the root); SRCROOT is `src/` under it; `.` is the root itself.
    #expect(parsed.findings.map(\.file) == ["README.md", "src/io/kb.c", "."])
  }

  @Test func aByteOrderMarkIsSkipped() throws {
    let parsed = try #require(try sample("sarif-sdk/baseline.SuppressionTestCurrent.sarif"))
    #expect(parsed.format == "sarif")
    #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty)
  }

  @Test func rulesAreFoundInExtensionsAndSeverityComesFromSecuritySeverity() {
    let parsed = inline(
      """
      {"version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "CodeQL", "rules": []},
                 "extensions": [{"name": "pack", "rules": [
                   {"id": "js/xss", "name": "XSS", "helpUri": "https://example.com/xss",
                    "defaultConfiguration": {"level": "error"}, "properties": {"security-severity": "9.3"}},
                   {"id": "js/log", "messageStrings": {"m": {"text": "logged {0} at {1}"}}}]}]},
        "originalUriBaseIds": {"SRC": {"uri": "file:///work/acme/"}, "APP": {"uri": "app/", "uriBaseId": "SRC"}},
        "properties": {"waymark.dev/entity": "component:payments-api"},
        "results": [
          {"ruleId": "js/xss", "rule": {"id": "js/xss", "toolComponent": {"index": 0}}, "message": {"text": "xss"},
           "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/a%20b.js", "uriBaseId": "APP"}, "region": {"startLine": 4}}}]},
          {"ruleId": "js/log", "level": "note", "message": {"id": "m", "arguments": ["token", "7"]},
           "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///work/acme/lib/x.js"}}}],
           "suppressions": [{"kind": "external", "status": "underReview"}]},
          {"ruleId": "js/log", "kind": "pass", "message": {"text": "ok"}, "baselineState": "unchanged"}
        ]}]}
      """)
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.tools == ["CodeQL"])
    let first = parsed.findings[0]
    #expect(first.ruleName == "XSS")
    #expect(first.severity == .critical)
    #expect(first.result == .fail)
    #expect(first.file == "app/src/a b.js")
    #expect(first.line == 4)
    #expect(first.helpURL == "https://example.com/xss")
    #expect(first.entityRef == "component:payments-api")
    #expect(first.input == SourceLocation(path: "r.sarif", line: 10, column: 5))
    let second = parsed.findings[1]
    #expect(second.message == "logged token at 7")
    #expect(second.result == .warn)
    #expect(second.severity == .low)
    #expect(second.suppressed == false)
    #expect(second.file == "lib/x.js")
    #expect(parsed.findings[2].result == .pass)
    #expect(parsed.findings[2].severity == .info)
  }

  @Test func conftestSuccessAndSkipResultsArePassesAndSkips() throws {
    let base = try TestPaths.conformanceSuite("policy-results").appendingPathComponent("conftest/docs")
    guard case .success(let file) = SourceFile.read("output-md.service.sarif", under: base) else {
      Issue.record("cannot read output-md.service.sarif")
      return
    }
    let parsed = GuardrailResultLoader.parse(file)
    #expect(parsed.tools == ["conftest"])
    #expect(parsed.findings.map(\.result) == [.warn])
    #expect(parsed.findings.map(\.ruleId) == ["main/warn"])
  }
}
