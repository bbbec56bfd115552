import Foundation
import Testing
import WaymarkRendering
import WaymarkTestSupport

/// The `check --summary` markdown is posted as a pull-request comment: names from the inputs
/// must not become headings, images, links, raw HTML, mentions or break out of code spans.
@Suite struct PullRequestSummaryTests {
  static let title =
    "Ready\\n# Owned ![pwn](https://evil.example/x.png) [docs](https://evil.example) <img src=x> @acme/security"
  static let check = "never`](https://evil.example) @everyone"
  static let waiver = """
    apiVersion: waymark.dev/v1alpha1
    kind: Waiver
    metadata: {name: "w` **@acme/all** `x"}
    spec:
      scorecard: ready
      check: "\(check)"
      entities: [component:default/good]
      reason: Hostile names.
      expires: 2026-11-05
      approvedBy: nested.approver

    """

  @Test func namesFromTheInputsAreEscapedAndMentionsBroken() async throws {
    let scorecard = ScorecardFixture.scorecard
      .replacingOccurrences(of: "title: Ready}", with: "title: \"\(Self.title)\"}")
      .replacingOccurrences(of: "{id: never,", with: "{id: \"\(Self.check)\",")
    let root = try ScorecardFixture.site(["policies/ready.yaml": scorecard, "policies/w.yaml": Self.waiver])
    let checked = try await ScorecardFixture.build(root, check: true)
    let summary = PullRequestSummary().markdown(checked.scorecards, now: checked.now, diagnostics: checked.diagnostics)
    let zwj = "\u{200D}"
    let hostileTitle =
      "Ready \\# Owned \\!\\[pwn\\]\\(https://evil\\.example/x\\.png\\) \\[docs\\]\\(https://evil\\.example\\) \\<img src=x\\> "
      + "@\(zwj)acme/security"
    #expect(
      summary == """
        ## Waymark readiness

        No baseline was given, so level changes are not shown.

        **1 gate is broken:**
        - 'component:default/bad' must reach bronze in \(hostileTitle) but is at no level

        **1 waiver expires within 14 days:**
        - ``w` **@acme/all** `x`` (\(hostileTitle) / never\\`\\]\\(https://evil\\.example\\) @\(zwj)everyone) expires 2026\\-11\\-05

        1 error, 0 warnings.

        """)
  }
}
