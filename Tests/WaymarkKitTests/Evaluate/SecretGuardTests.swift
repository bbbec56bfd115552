import Foundation
import Testing
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// The guard's effects outside the hostile corpus: nothing is written, and the pull-request
/// summary, which is posted as a comment, never quotes a credential.
@Suite struct SecretGuardTests {
  static let token = "gh" + "p_" + String(repeating: "Zq9", count: 12)

  @Test func aCredentialStopsPublishingAndIsRedactedEverywhere() async throws {
    let root = try ScorecardFixture.site([
      "policies/ready.yaml": ScorecardFixture.scorecard.replacingOccurrences(
        of: "title: Ready", with: "title: 'Ready \(Self.token)'")
    ])
    let output = try TestPaths.temporaryDirectory("secret-output")
    try FileManager.default.removeItem(at: output)
    let built = try await ScorecardFixture.build(root, output: output)
    #expect(!built.published)
    #expect(!FileManager.default.fileExists(atPath: output.path))
    let text = ScorecardFixture.text(built)
    #expect(
      text
        == "policies/ready.yaml:3:39: error: this looks like a GitHub token ('ghp_…', 40 characters, rule 'github-token'); nothing is published: remove it (and revoke it) [secrets.detected]\n"
    )
    let checked = try await ScorecardFixture.build(root, check: true)
    let summary = PullRequestSummary().markdown(checked.scorecards, now: checked.now, diagnostics: checked.diagnostics)
    // Redacted, then escaped for markdown.
    #expect(summary.contains("Ready ghp\\_…\\[redacted\\]"))
    #expect(!summary.contains(Self.token))
    #expect(!DiagnosticFormat.json.format(checked.diagnostics).contains(Self.token))
    #expect(!DiagnosticFormat.github.format(checked.diagnostics).contains(Self.token))
  }
}
